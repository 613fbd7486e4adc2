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

A second round (``verify_public_cases/round2.jsonl``, written blind after the first round's
fixes) goes to ``verify_public_round2.jsonl`` with a split seed of its own.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Each round: its parts, the file it writes and its split seed. The second round was written
#: blind after the first round's fixes, so its test split measures them afresh.
ROUNDS = {
    1: (
        ("numbers", "structures", "styles"),
        "verify_public.jsonl",
        "relift-verify-public-2026-12-03",
    ),
    2: (("round2",), "verify_public_round2.jsonl", "relift-verify-public-round2-2026-12-03"),
    # written blind on 2026-12-04 (no verifier run, no project source or corpora read), split
    # before anyone looked at how the verifier does on it
    3: (("round3",), "verify_public_round3.jsonl", "relift-verify-public-round3-2026-12-04"),
    # written blind on 2026-12-04 after round 3's fixes (no verifier run, only the schema read)
    4: (("round4",), "verify_public_round4.jsonl", "relift-verify-public-round4-2026-12-04"),
}
PARTS, _, SPLIT_SEED = ROUNDS[1]
OUT = HERE / ROUNDS[1][1]
KEYS = {"response": str, "answer": str, "label": bool, "ambiguous": bool, "source": str,
        "category": str}  # fmt: skip


def split_of(response: str, answer: str, seed: str = SPLIT_SEED) -> str:
    digest = hashlib.sha256(f"{seed}\0{response}\0{answer}".encode()).digest()
    return "dev" if digest[0] < 128 else "test"


def build(round_number: int = 1) -> list[dict[str, object]]:
    parts, _, seed = ROUNDS[round_number]
    rows: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for part in parts:
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
            rows.append({"id": f"{part}-{number:04d}", **case, "split": split_of(*pair, seed)})
    return rows


def main() -> None:
    for round_number, (parts, name, _) in ROUNDS.items():
        if not all((HERE / "verify_public_cases" / f"{p}.jsonl").exists() for p in parts):
            continue
        rows = build(round_number)
        out = HERE / name
        with out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        dev = sum(r["split"] == "dev" for r in rows)
        print(f"wrote {len(rows)} cases to {out} ({dev} dev, {len(rows) - dev} test)")


if __name__ == "__main__":
    main()
