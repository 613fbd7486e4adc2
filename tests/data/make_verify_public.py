"""Assembles ``tests/data/verify_public.jsonl``: the independent verifier corpus (issue 11).

The cases live in ``verify_public_cases/*.jsonl`` (numbers, structures, styles; README.txt says
how each was written and labelled), written before any
verifier fix in the forms of other projects' verifier test suites and of real model output, each
labelled by what a careful human grader would say, with a ``source`` naming the behaviour it
reflects and an ``ambiguous`` flag where graders differ. No case was copied from another project.

Every case gets a stable ``id`` and a ``split``: ``dev`` (fix against it) or ``test`` (measured
once before the fixes and once after), by a seeded hash of its text, so adding cases never moves
an existing one to the other split::

    python tests/data/make_verify_public.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = ("numbers", "structures", "styles")
OUT = HERE / "verify_public.jsonl"
SPLIT_SEED = "relift-verify-public-2026-12-03"
KEYS = {"response": str, "answer": str, "label": bool, "ambiguous": bool, "source": str,
        "category": str}  # fmt: skip


def split_of(response: str, answer: str) -> str:
    digest = hashlib.sha256(f"{SPLIT_SEED}\0{response}\0{answer}".encode()).digest()
    return "dev" if digest[0] < 128 else "test"


def build() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for part in PARTS:
        lines = (HERE / "verify_public_cases" / f"{part}.jsonl").read_text(encoding="utf-8")
        for number, line in enumerate(lines.splitlines(), start=1):
            where = f"verify_public_cases/{part}.jsonl, line {number}"
            case = json.loads(line)
            if set(case) != set(KEYS):
                raise ValueError(f"{where}: keys {sorted(case)}, expected {sorted(KEYS)}")
            for key, kind in KEYS.items():
                if not isinstance(case[key], kind):
                    raise ValueError(f"{where}: {key} must be {kind.__name__}")
            pair = (case["response"], case["answer"])
            if pair in seen:
                continue  # the same question asked twice adds nothing
            seen.add(pair)
            rows.append({"id": f"{part}-{number:04d}", **case, "split": split_of(*pair)})
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    dev = sum(r["split"] == "dev" for r in rows)
    print(f"wrote {len(rows)} cases to {OUT} ({dev} dev, {len(rows) - dev} test)")


if __name__ == "__main__":
    main()
