"""Throughput of the math-answer verifiers on a deterministic RL-style batch.

The batch imitates one RL step: 4,096 responses of about 2,000 characters each (chain-of-thought
filler with some LaTeX, ending in a boxed answer), half correct and half wrong, over a realistic
mix of answer forms (integers, fractions, radicals, pi, decimals, percentages, degrees, tuples,
intervals, sets, equations, polynomials, complex numbers, matrices, text, choice letters).

What it measures, all in the same run:

* Math-Verify (PyPI ``math-verify``), single process, one core, in the main thread (its timeouts
  use ``signal.alarm``): ``verify(parse(gold), parse(response))`` per item, on the first
  ``--mv-items`` items (default 512, because it is slow), caches cleared between repetitions;
* relift ``verify_batch(responses, answers, threads=1)`` and ``threads=2`` on the whole batch;
* items/s as the median over ``--reps`` repetitions, the relift / Math-Verify ratio, and
  correctness: agreement of each tool with the batch's construction labels, and relift's
  agreement with Math-Verify on the items both ran.

Run from the repository root::

    .venv-bench/bin/python benches/verify_speed.py --markdown benches/verify_speed.md
    .venv-bench/bin/python benches/verify_speed.py --quick      # smoke test (small, one rep)

Either tool is skipped with a message when it is not importable.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    import_relift,
    machine_info,
    math_verify_available,
    math_verify_version,
    md_table,
    median,
    mv_clear_caches,
    mv_verify,
    pct,
)

SEED = 1234
TARGET_CHARS = 2000


class Answer(NamedTuple):
    """A reference, a response form equal to it, and a response form that is not."""

    gold: str
    right: str
    wrong: str
    weight: int


# Weights approximate the mix of final-answer forms in math RL datasets (integers dominate).
ANSWERS: list[Answer] = [
    Answer("42", "42", "41", 6),
    Answer("1024", "1024", "1023", 4),
    Answer("-7", "-7", "7", 3),
    Answer("2024", "2024", "2025", 3),
    Answer("0", "0", "1", 2),
    Answer("315", "315", "351", 3),
    Answer(r"\frac{3}{4}", r"\frac{3}{4}", r"\frac{4}{3}", 4),
    Answer(r"\frac{1}{2}", r"\dfrac{1}{2}", r"\frac{1}{3}", 3),
    Answer(r"\frac{7}{12}", r"\frac{7}{12}", r"\frac{5}{12}", 2),
    Answer(r"-\frac{5}{3}", r"-\frac{5}{3}", r"\frac{5}{3}", 2),
    Answer(r"2\sqrt{3}", r"2\sqrt{3}", r"3\sqrt{2}", 3),
    Answer(r"\frac{\sqrt{2}}{2}", r"\frac{\sqrt{2}}{2}", r"\sqrt{2}", 2),
    Answer(r"3+2\sqrt{2}", r"3+2\sqrt{2}", r"3-2\sqrt{2}", 1),
    Answer(r"4\pi", r"4\pi", r"2\pi", 2),
    Answer(r"\frac{\pi}{6}", r"\frac{\pi}{6}", r"\frac{\pi}{3}", 1),
    Answer("0.25", "0.25", "0.5", 2),
    Answer("12.5", "12.5", "1.25", 1),
    Answer(r"25\%", r"25\%", r"20\%", 1),
    Answer(r"30^\circ", r"30^\circ", r"60^\circ", 1),
    Answer("(1,-2)", "(1, -2)", "(-2, 1)", 2),
    Answer("(3,4,5)", "(3, 4, 5)", "(3, 5, 4)", 1),
    Answer(r"[2,\infty)", r"[2, \infty)", r"(2, \infty)", 2),
    Answer(r"(-\infty,1)\cup(3,\infty)", r"(-\infty, 1) \cup (3, \infty)", "(1, 3)", 1),
    Answer(r"\{1,2,3\}", r"\{1, 2, 3\}", r"\{1, 2\}", 1),
    Answer("y=2x+1", "y=2x+1", "y=2x-1", 1),
    Answer("x^2+2x+1", "x^2+2x+1", "x^2+1", 1),
    Answer("3+4i", "3+4i", "3-4i", 1),
    Answer(
        r"\begin{pmatrix}1&2\\3&4\end{pmatrix}",
        r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}",
        r"\begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}",
        1,
    ),
    Answer(r"\text{Yes}", r"\text{Yes}", r"\text{No}", 1),
    Answer("C", "C", "B", 1),
]


def _sentence(r: random.Random) -> str:
    a, b, c = r.randint(2, 40), r.randint(2, 40), r.randint(2, 9)
    templates = [
        f"First, let's compute the sum: ${a} + {b} = {a + b}$.",
        f"Multiplying, we get ${a} \\times {b} = {a * b}$, which we will need later.",
        f"The ratio simplifies to $\\frac{{{a}}}{{{b}}}$, so we keep it in this form.",
        f"Squaring gives ${a}^2 = {a * a}$.",
        f"Now consider $x^2 - {a + b}x + {a * b} = 0$, whose roots are ${a}$ and ${b}$.",
        f"By the Pythagorean theorem, $c^2 = {a}^2 + {b}^2 = {a * a + b * b}$.",
        f"Taking the remainder modulo {c}, we find ${a * b} \\equiv {(a * b) % c} \\pmod{{{c}}}$.",
        "Wait, let me double-check this step, since a sign error here would change everything.",
        "This matches the condition stated in the problem, so we can proceed.",
        "Let's set up the equation carefully and isolate the unknown on one side.",
        "Hmm, this approach is getting complicated. Let me try a different substitution.",
        f"There are $\\binom{{{c}}}{{2}} = {c * (c - 1) // 2}$ ways to choose the pair.",
        "Since the function is increasing here, the minimum occurs at the left endpoint.",
        f"Using the formula for an arithmetic series, the sum of the first {c} terms is needed.",
        "Substituting back, both sides agree, which confirms the intermediate result.",
        f"The area of the triangle is $\\frac{{1}}{{2}} \\cdot {a} \\cdot {b} = {a * b / 2:g}$.",
        "Let me reconsider the constraints: every variable must be a positive integer.",
        f"So far we have accounted for {a} of the {a + b} cases.",
    ]
    return r.choice(templates)


def make_response(r: random.Random, final: str) -> str:
    parts = ["Let's think step by step."]
    size = len(parts[0])
    while size < TARGET_CHARS - 60:
        s = _sentence(r)
        if r.random() < 0.12:
            s += "\n\n"
        parts.append(s)
        size += len(s) + 1
    return " ".join(parts) + f"\n\nTherefore, the final answer is $\\boxed{{{final}}}$."


def build_batch(n: int, seed: int = SEED) -> tuple[list[str], list[str], list[bool]]:
    """Deterministic batch: even indices are correct, odd indices wrong."""
    r = random.Random(seed)
    weights = [a.weight for a in ANSWERS]
    responses: list[str] = []
    golds: list[str] = []
    labels: list[bool] = []
    for i in range(n):
        ans = r.choices(ANSWERS, weights=weights)[0]
        correct = i % 2 == 0
        responses.append(make_response(r, ans.right if correct else ans.wrong))
        golds.append(ans.gold)
        labels.append(correct)
    return responses, golds, labels


class Timing(NamedTuple):
    name: str
    items: int
    items_per_s: float
    verdicts: list[bool]


def time_math_verify(responses: list[str], golds: list[str], reps: int) -> Timing:
    mv_verify(r"The answer is $\boxed{\frac{1}{2}}$.", "0.5")  # warm-up: imports, regex build
    rates: list[float] = []
    verdicts: list[bool] = []
    for _ in range(reps):
        mv_clear_caches()
        t0 = time.perf_counter()
        verdicts = [mv_verify(resp, gold) for resp, gold in zip(responses, golds, strict=False)]
        rates.append(len(responses) / (time.perf_counter() - t0))
    return Timing("math-verify (1 process)", len(responses), median(rates), verdicts)


def time_relift(
    relift: ModuleType, responses: list[str], golds: list[str], threads: int, reps: int
) -> Timing:
    relift.verify_batch(responses[:64], golds[:64], threads=threads)  # warm-up
    rates: list[float] = []
    verdicts: list[bool] = []
    for _ in range(reps):
        t0 = time.perf_counter()
        out = relift.verify_batch(responses, golds, threads=threads)
        rates.append(len(responses) / (time.perf_counter() - t0))
        verdicts = [bool(x) for x in out]
    return Timing(f"relift verify_batch threads={threads}", len(responses), median(rates), verdicts)


def agreement(a: list[bool], b: list[bool]) -> tuple[int, int]:
    n = min(len(a), len(b))
    return sum(1 for x, y in zip(a[:n], b[:n], strict=False) if x == y), n


def main() -> int:
    ap = argparse.ArgumentParser(description="Verifier throughput on an RL-style batch.")
    ap.add_argument("--items", type=int, default=4096, help="batch size")
    ap.add_argument("--mv-items", type=int, default=512, help="items timed for Math-Verify")
    ap.add_argument("--reps", type=int, default=5, help="repetitions for relift (median)")
    ap.add_argument("--mv-reps", type=int, default=1, help="repetitions for Math-Verify")
    ap.add_argument("--no-mv", action="store_true", help="skip Math-Verify")
    ap.add_argument("--quick", action="store_true", help="smoke test: small batch, one repetition")
    ap.add_argument("--markdown", type=Path, help="write a markdown report here")
    args = ap.parse_args()
    if args.quick:
        args.items, args.mv_items, args.reps, args.mv_reps = 256, 32, 1, 1

    responses, golds, labels = build_batch(args.items)
    mean_len = sum(map(len, responses)) / len(responses)
    print(
        f"batch: {len(responses)} responses, mean {mean_len:.0f} chars, "
        f"{sum(labels)} correct / {len(labels) - sum(labels)} wrong"
    )

    timings: list[Timing] = []
    mv: Timing | None = None
    if not args.no_mv and math_verify_available():
        k = min(args.mv_items, len(responses))
        print(
            f"timing Math-Verify {math_verify_version()} on the first {k} items ...",
            file=sys.stderr,
        )
        mv = time_math_verify(responses[:k], golds[:k], args.mv_reps)
        timings.append(mv)
    elif not args.no_mv:
        print("math-verify is not importable; skipping it", file=sys.stderr)

    relift = import_relift()
    relift_timings: list[Timing] = []
    if relift is not None:
        for threads in (1, 2):
            print(f"timing relift threads={threads} ...", file=sys.stderr)
            relift_timings.append(time_relift(relift, responses, golds, threads, args.reps))
        timings += relift_timings
    else:
        print("relift is not importable (not built yet?); skipping it", file=sys.stderr)

    if not timings:
        print("nothing to time")
        return 0

    rows: list[list[str]] = []
    for t in timings:
        ok, n = agreement(t.verdicts, labels)
        speed = f"{t.items_per_s / mv.items_per_s:.0f}x" if mv is not None and t is not mv else "1x"
        rows.append(
            [
                t.name,
                str(t.items),
                f"{t.items_per_s:,.0f}",
                speed if mv is not None else "-",
                pct(ok, n),
            ]
        )
    table = md_table(["verifier", "items", "items/s", "vs Math-Verify", "correct vs labels"], rows)
    lines = [table, ""]
    if mv is not None:
        msg = (
            f"- Math-Verify was timed on the first {mv.items} of {len(responses)} items, "
            f"single process, main thread ({args.mv_reps} repetition(s), caches cleared)"
        )
        if relift_timings:
            msg += f"; relift on all {len(responses)} ({args.reps} repetition(s), median)"
        lines.append(msg + ".")
        for t in relift_timings:
            ok, n = agreement(t.verdicts, mv.verdicts)
            lines.append(f"- {t.name} agrees with Math-Verify on {ok}/{n} items ({pct(ok, n)}).")
    cmd = ".venv-bench/bin/python benches/verify_speed.py" + (" --quick" if args.quick else "")
    lines += ["", f"Machine: {machine_info()}.", "", f"Reproduce: `{cmd}`"]
    report = "\n".join(lines)
    print()
    print(report)
    if args.markdown:
        head = (
            f"# Verifier throughput: {len(responses)} responses of ~{mean_len:.0f} characters\n\n"
        )
        args.markdown.write_text(head + report + "\n", encoding="utf-8")
        print(f"\nwrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
