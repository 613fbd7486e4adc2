"""What the sympy fallback adds on the independent corpus ``tests/data/verify_public.jsonl``.

For all rows and per split (dev, test): how many items the Rust core reports "unknown" (and so
reach sympy), how many of those sympy settles (decides equal or not equal, rather than failing to
parse, raising or running out of time), how many it settles in agreement with the label, and the
cost: the pool's cold start-up, sympy's per-item latency (median, max) and the batch's wall time
with and without the fallback. Prints markdown::

    .venv/bin/python benches/sympy_fallback.py [--workers 1] [--timeout 5] > FILE

Needs the ``sympy`` extra (sympy and antlr4-python3-runtime 4.11).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import relift
from _common import REPO_ROOT, machine_info, md_table
from relift.sympy_fallback import SympyFallback, SympyOutcome

CORPUS = REPO_ROOT / "tests" / "data" / "verify_public.jsonl"
SETTLED = ("equal", "not_equal")
# Items the core leaves undecided by design (values past its size limit), with the right answer:
# a latency figure that does not depend on how few corpus items the core of the day leaves.
BEYOND_THE_CORE = [
    (r"\boxed{3^{200000}}", "9^{100000}", True),
    (r"\boxed{3^{200000}}", "9^{100001}", False),
    (r"\boxed{(10^{5})!}", "100000!", True),
    (r"\boxed{2^{2^{20}}}", "4^{2^{19}}", True),
    (r"\boxed{10^{100000}+1}", "1+10^{100000}", True),
    (r"\boxed{10^{100000}}", "10^{100000}+1", False),
]


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def split_row(
    name: str, rows: list[dict[str, Any]], indices: set[int], outcomes: dict[int, SympyOutcome]
) -> list[str]:
    """One table row: the rows at ``indices``, and what sympy did with those that reached it."""
    reached = {i: o for i, o in outcomes.items() if i in indices}
    settled = {i: o for i, o in reached.items() if o.status in SETTLED}
    right = sum(o.equal == rows[i]["label"] for i, o in settled.items())
    flipped = [i for i, o in reached.items() if o.equal]
    wrong_true = sum(not rows[i]["label"] for i in flipped)
    statuses = sorted({o.status for o in reached.values()})
    by_status = ", ".join(f"{s} {sum(o.status == s for o in reached.values())}" for s in statuses)
    return [
        name,
        str(len(indices)),
        str(len(reached)),
        str(len(settled)),
        f"{right} / {len(settled)}",
        f"{len(flipped)} ({wrong_true} with label false)",
        by_status or "-",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    args.corpus = args.corpus.resolve()
    rows = load(args.corpus)
    responses = [r["response"] for r in rows]
    answers = [r["answer"] for r in rows]

    start = time.perf_counter()
    plain = relift.verify_batch(responses, answers)
    plain_s = time.perf_counter() - start
    with SympyFallback(workers=args.workers, timeout=args.timeout) as fallback:
        start = time.perf_counter()
        fallback.start()
        startup_s = time.perf_counter() - start
        start = time.perf_counter()
        combined, outcomes = fallback.verify_batch_with_outcomes(responses, answers)
        combined_s = time.perf_counter() - start
        extra, extra_outcomes = fallback.verify_batch_with_outcomes(
            [r for r, _, _ in BEYOND_THE_CORE], [a for _, a, _ in BEYOND_THE_CORE]
        )

    print(f"# sympy fallback on `{args.corpus.relative_to(REPO_ROOT)}`\n")
    print(f"{machine_info()}; relift {relift.__version__}; sympy fallback with {args.workers}")
    print(f"worker(s), timeout {args.timeout:g} s per item.\n")
    header = ["split", "rows", "reach sympy (core: unknown)", "settled by sympy",
              "settled in agreement with the label", "turned True", "sympy statuses"]  # fmt: skip
    table = [split_row("all", rows, set(range(len(rows))), outcomes)]
    for split in ("dev", "test"):
        indices = {i for i, r in enumerate(rows) if r["split"] == split}
        table.append(split_row(split, rows, indices, outcomes))
    print(md_table(header, table))
    agree_plain = sum(bool(p) == r["label"] for p, r in zip(plain, rows, strict=True))
    agree_both = sum(bool(c) == r["label"] for c, r in zip(combined, rows, strict=True))
    print(f"\nAgreement with the labels, all {len(rows)} rows (ambiguous ones included):")
    print(f"{agree_plain} without the fallback, {agree_both} with it.\n")

    seconds = [o.seconds for o in outcomes.values()]
    ms = lambda s: f"{s * 1e3:.0f} ms"  # noqa: E731
    cost = [
        ["pool start-up (cold: a fresh interpreter importing sympy)", f"{startup_s:.2f} s"],
        ["per item in sympy, median", ms(statistics.median(seconds)) if seconds else "-"],
        ["per item in sympy, max", ms(max(seconds)) if seconds else "-"],
        [f"verify_batch, {len(rows)} rows, no fallback", ms(plain_s)],
        [f"verify_batch, {len(rows)} rows, with the fallback (warm pool)", ms(combined_s)],
    ]
    print(md_table(["cost", "measured"], cost))
    print("\nThe items that reached sympy:\n")
    items = [
        [rows[i]["id"], rows[i]["split"], f"`{rows[i]['answer']}`", str(rows[i]["label"]),
         o.status, f"{o.seconds * 1e3:.0f} ms", o.detail[:60]]
        for i, o in sorted(outcomes.items())
    ]  # fmt: skip
    print(md_table(["id", "split", "reference", "label", "sympy", "time", "detail"], items))
    print("\nItems beyond the core's size limit (undecided by design):\n")
    items = [
        [f"`{r}`", f"`{a}`", str(right), str(bool(extra[i])),
         extra_outcomes[i].status if i in extra_outcomes else "(decided by the core)",
         f"{extra_outcomes[i].seconds * 1e3:.0f} ms" if i in extra_outcomes else "-"]
        for i, (r, a, right) in enumerate(BEYOND_THE_CORE)
    ]  # fmt: skip
    print(md_table(["response", "reference", "right", "with fallback", "sympy", "time"], items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
