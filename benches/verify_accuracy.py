"""Accuracy of the math-answer verifiers on the labelled corpus ``tests/data/verify_cases.jsonl``.

What it measures, per category and in total, for each available tool:

* agreement with the hand-assigned labels, false positives (said equal, label not equal) and false
  negatives (said not equal, label equal);
* Math-Verify (PyPI ``math-verify``): ``verify(parse(gold), parse(response))`` with default
  configs, the gold wrapped in ``$...$`` as its README asks; each case runs in a worker process
  with a hard wall-clock limit; exceptions, timeouts, crashes all count as "not equal";
* relift (when importable): ``relift.verify_batch`` over the whole corpus (the verdict that is
  scored), plus ``relift.verify`` per item to check that both entry points agree and to time the
  worst-case latency per item on the adversarial category (max and median, in ms).

Run from the repository root (Math-Verify lives in the bench virtualenv)::

    .venv-bench/bin/python benches/verify_accuracy.py \\
        --markdown benches/verify_accuracy.md --mv-errors benches/mv_errors.jsonl

Options: ``--no-mv`` / ``--no-relift`` skip a tool, ``--category NAME`` (repeatable) restricts the
corpus, ``--mv-timeout S`` sets the hard per-case limit for Math-Verify (default 20 s).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    CASES_PATH,
    Case,
    MathVerifyRunner,
    import_relift,
    load_cases,
    machine_info,
    math_verify_available,
    math_verify_version,
    md_table,
    median,
    pct,
)

ADVERSARIAL = "adversarial"


class Tally:
    """Agreement counts of one tool for one category (or the total)."""

    def __init__(self) -> None:
        self.n = 0
        self.agree = 0
        self.fp = 0
        self.fn = 0

    def add(self, label: bool, verdict: bool) -> None:
        self.n += 1
        if label == verdict:
            self.agree += 1
        elif verdict:
            self.fp += 1
        else:
            self.fn += 1


def tally(cases: list[Case], verdicts: list[bool]) -> tuple[dict[str, Tally], Tally]:
    per: dict[str, Tally] = defaultdict(Tally)
    total = Tally()
    for c, v in zip(cases, verdicts, strict=False):
        per[c.category].add(c.equal, v)
        total.add(c.equal, v)
    return per, total


def run_math_verify(
    cases: list[Case], hard_timeout_s: float
) -> tuple[list[bool], list[str], list[float]]:
    verdicts: list[bool] = []
    statuses: list[str] = []
    seconds: list[float] = []
    t_start = time.perf_counter()
    with MathVerifyRunner(hard_timeout_s=hard_timeout_s) as runner:
        for k, c in enumerate(cases):
            res = runner.verify(c.response, c.answer)
            verdicts.append(res.equal)
            statuses.append(res.status)
            seconds.append(res.seconds)
            if (k + 1) % 100 == 0 or k + 1 == len(cases):
                el = time.perf_counter() - t_start
                print(f"  math-verify: {k + 1}/{len(cases)} cases, {el:.0f} s", file=sys.stderr)
    return verdicts, statuses, seconds


def _call_with_watchdog(
    relift: ModuleType, response: str, answer: str, limit_s: float
) -> tuple[bool | None, float]:
    """Time one ``relift.verify`` call in a daemon thread; (None, limit) if it does not return."""
    box: list[bool] = []

    def target() -> None:
        box.append(bool(relift.verify(response, answer)))

    th = threading.Thread(target=target, daemon=True)
    t0 = time.perf_counter()
    th.start()
    th.join(limit_s)
    dt = time.perf_counter() - t0
    if th.is_alive() or not box:
        return None, dt
    return box[0], dt


def _median_call_ms(relift: ModuleType, response: str, answer: str, reps: int = 7) -> float:
    """Median wall time of one ``verify`` call in ms (direct calls, no watchdog thread)."""
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        relift.verify(response, answer)
        times.append((time.perf_counter() - t0) * 1e3)
    return median(times)


def run_relift(
    relift: ModuleType, cases: list[Case], hang_limit_s: float
) -> tuple[list[bool], dict[str, object]]:
    """Score with verify_batch; cross-check and time per-item verify calls."""
    responses = [c.response for c in cases]
    answers = [c.answer for c in cases]
    t0 = time.perf_counter()
    batch = [bool(x) for x in relift.verify_batch(responses, answers)]
    batch_s = time.perf_counter() - t0

    single: list[bool | None] = []
    adv_ms: list[float] = []
    hung: list[int] = []
    for c in cases:
        v, _elapsed = _call_with_watchdog(relift, c.response, c.answer, hang_limit_s)
        single.append(v)
        if v is None:
            hung.append(c.index)
        if c.category == ADVERSARIAL and v is not None:
            adv_ms.append(_median_call_ms(relift, c.response, c.answer))
    mismatch = [
        c.index for c, b, s in zip(cases, batch, single, strict=False) if s is not None and b != s
    ]
    info: dict[str, object] = {
        "batch_seconds": batch_s,
        "adv_ms": adv_ms,
        "hung": hung,
        "batch_vs_single_mismatch": mismatch,
    }
    return batch, info


def main() -> int:
    ap = argparse.ArgumentParser(description="Verifier accuracy on the labelled corpus.")
    ap.add_argument("--cases", type=Path, default=CASES_PATH)
    ap.add_argument("--category", action="append", default=[], help="only these categories")
    ap.add_argument("--no-mv", action="store_true", help="skip Math-Verify")
    ap.add_argument("--no-relift", action="store_true", help="skip relift")
    ap.add_argument("--mv-timeout", type=float, default=20.0, help="hard limit per MV case (s)")
    ap.add_argument("--relift-hang", type=float, default=10.0, help="per-item hang limit (s)")
    ap.add_argument("--markdown", type=Path, help="write a markdown report here")
    ap.add_argument("--mv-errors", type=Path, help="write the cases Math-Verify gets wrong (JSONL)")
    args = ap.parse_args()

    cases = load_cases(args.cases)
    if args.category:
        cases = [c for c in cases if c.category in set(args.category)]
    if not cases:
        print("no cases selected", file=sys.stderr)
        return 2
    categories = list(dict.fromkeys(c.category for c in cases))
    print(f"{len(cases)} cases in {len(categories)} categories from {args.cases}")

    tools: dict[str, list[bool]] = {}
    mv_status: list[str] = []
    mv_seconds: list[float] = []
    if not args.no_mv:
        if math_verify_available():
            print(f"running Math-Verify {math_verify_version()} ...", file=sys.stderr)
            verdicts, mv_status, mv_seconds = run_math_verify(cases, args.mv_timeout)
            tools["math-verify"] = verdicts
        else:
            print("math-verify is not importable; skipping it", file=sys.stderr)

    relift_info: dict[str, object] = {}
    relift = None if args.no_relift else import_relift()
    if relift is not None:
        print("running relift ...", file=sys.stderr)
        tools["relift"], relift_info = run_relift(relift, cases, args.relift_hang)
    elif not args.no_relift:
        print(
            "relift is not importable (not built yet?); reporting other tools only", file=sys.stderr
        )

    if not tools:
        print("no verifier available", file=sys.stderr)
        return 1

    tallies = {name: tally(cases, v) for name, v in tools.items()}
    headers = ["category", "n", "equal / not"]
    for name in tools:
        headers += [f"{name} agree", f"{name} FP", f"{name} FN"]
    rows: list[list[str]] = []
    for cat in categories:
        n_eq = sum(1 for c in cases if c.category == cat and c.equal)
        n = sum(1 for c in cases if c.category == cat)
        row = [cat, str(n), f"{n_eq} / {n - n_eq}"]
        for name in tools:
            t = tallies[name][0][cat]
            row += [pct(t.agree, t.n), str(t.fp), str(t.fn)]
        rows.append(row)
    n_eq_all = sum(1 for c in cases if c.equal)
    total_row = ["**total**", str(len(cases)), f"{n_eq_all} / {len(cases) - n_eq_all}"]
    for name in tools:
        t = tallies[name][1]
        total_row += [f"**{pct(t.agree, t.n)}**", str(t.fp), str(t.fn)]
    rows.append(total_row)
    table = md_table(headers, rows)

    lines: list[str] = [table, ""]
    for name in tools:
        t = tallies[name][1]
        lines.append(
            f"- {name}: {t.agree}/{t.n} agree ({pct(t.agree, t.n)}), "
            f"{t.fp} false positives, {t.fn} false negatives"
        )
    if mv_status:
        counts: dict[str, int] = defaultdict(int)
        for s in mv_status:
            counts[s] += 1
        lines.append(
            f"- math-verify {math_verify_version()}: "
            f"median {median(mv_seconds) * 1e3:.1f} ms/case, "
            f"max {max(mv_seconds):.1f} s; outcomes {dict(counts)} "
            f"(killed = exceeded the {args.mv_timeout:.0f} s hard limit)"
        )
    if relift_info:
        adv = relift_info["adv_ms"]
        assert isinstance(adv, list)
        hung = relift_info["hung"]
        mism = relift_info["batch_vs_single_mismatch"]
        assert isinstance(hung, list) and isinstance(mism, list)
        bs = relift_info["batch_seconds"]
        assert isinstance(bs, float)
        lines.append(f"- relift verify_batch over the corpus: {bs:.3f} s")
        if adv:
            lines.append(
                f"- relift adversarial latency per item (median of 7 calls each): "
                f"worst item {max(adv):.2f} ms, median item {median(adv):.2f} ms "
                f"over {len(adv)} items"
            )
        lines.append(f"- relift verify vs verify_batch disagreements: {len(mism)} {mism[:20]}")
        if hung:
            lines.append(f"- relift HUNG (> {args.relift_hang:.0f} s) on case lines {hung}")
    cmd = ".venv-bench/bin/python benches/verify_accuracy.py --markdown FILE --mv-errors FILE"
    lines += ["", f"Machine: {machine_info()}.", "", f"Reproduce: `{cmd}`"]
    report = "\n".join(lines)
    print()
    print(report)

    if args.markdown:
        head = f"# Verifier accuracy on `{args.cases.name}` ({len(cases)} cases)\n\n"
        args.markdown.write_text(head + report + "\n", encoding="utf-8")
        print(f"\nwrote {args.markdown}")
    if args.mv_errors and "math-verify" in tools:
        with args.mv_errors.open("w", encoding="utf-8") as fh:
            for c, v, s in zip(cases, tools["math-verify"], mv_status, strict=False):
                if v == c.equal:
                    continue
                rec: dict[str, object] = {
                    "line": c.index + 1,
                    "category": c.category,
                    "answer": c.answer[:2000],
                    "equal": c.equal,
                    "math_verify": v,
                    "mv_status": s,
                    "note": c.note,
                    "response": c.response[-1500:],
                    "response_truncated": len(c.response) > 1500,
                }
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {args.mv_errors}")

    sys.stdout.flush()
    if relift_info.get("hung"):
        os._exit(0)  # a stuck daemon thread may still hold the GIL-free core; do not wait on it
    return 0


if __name__ == "__main__":
    sys.exit(main())
