"""relift and Math-Verify on the independent corpus ``tests/data/verify_public.jsonl`` (issue 11).

The corpus was written before any verifier fix and is split by a seeded hash into ``dev`` (fix
against it) and ``test`` (measured once before the fixes and once after). Per split, for each
tool: agreement with the labels on the unambiguous cases (the headline), false positives (said
equal, label not equal: a wrong rollout rewarded) and false negatives (a right rollout graded 0),
per category; the ambiguous cases are counted apart. Math-Verify runs as its README recommends
(``verify(parse(gold), parse(response))``), one case at a time in a killable worker; relift runs
``verify_batch`` with its defaults. Both figures come from one run::

    .venv-bench/bin/python benches/verify_public.py --split test --markdown FILE --json FILE

``--no-mv`` skips Math-Verify; ``--quick`` (the test suite's smoke run) grades 200 cases with
relift alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    REPO_ROOT,
    MathVerifyRunner,
    import_relift,
    machine_info,
    math_verify_available,
    math_verify_version,
    md_table,
    pct,
)

CORPUS = REPO_ROOT / "tests" / "data" / "verify_public.jsonl"


def load(split: str, path: Path = CORPUS) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split == "all" or r["split"] == split]


def score(rows: list[dict[str, Any]], verdicts: list[bool]) -> dict[str, Any]:
    """Agreement, false positives and negatives overall and per category (unambiguous cases),
    and agreement on the ambiguous ones."""
    out: dict[str, Any] = {"categories": {}}
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    ambiguous = []
    for row, said in zip(rows, verdicts, strict=True):
        if row["ambiguous"]:
            ambiguous.append(said == row["label"])
            continue
        groups[row["category"]].append((row["label"], said))
        groups["ALL"].append((row["label"], said))
    for name, pairs in groups.items():
        counts = {
            "n": len(pairs),
            "agree": sum(label == said for label, said in pairs),
            "false_pos": sum(said and not label for label, said in pairs),
            "false_neg": sum(label and not said for label, said in pairs),
        }
        if name == "ALL":
            out.update(counts)
        else:
            out["categories"][name] = counts
    out["ambiguous_n"], out["ambiguous_agree"] = len(ambiguous), sum(ambiguous)
    return out


def run_relift(rows: list[dict[str, Any]]) -> list[bool]:
    relift = import_relift()
    if relift is None:
        raise SystemExit("relift is not importable: build it (make build) or install its wheel")
    result = relift.verify_batch([r["response"] for r in rows], [r["answer"] for r in rows])
    return [bool(x) for x in result]


def run_math_verify(rows: list[dict[str, Any]], timeout_s: float) -> tuple[list[bool], int]:
    verdicts, failures = [], 0
    with MathVerifyRunner(hard_timeout_s=timeout_s) as runner:
        for row in rows:
            result = runner.verify(row["response"], row["answer"])
            verdicts.append(result.equal)
            failures += result.status != "ok"
    return verdicts, failures


def markdown(split: str, scores: dict[str, dict[str, Any]]) -> str:
    tools = list(scores)
    head = ["category", "n"] + [f"{t} {k}" for t in tools for k in ("agree", "FP", "FN")]
    names = sorted({c for s in scores.values() for c in s["categories"]})
    body = []
    for name in [*names, "ALL"]:
        cells = []
        for tool in tools:
            c = scores[tool] if name == "ALL" else scores[tool]["categories"][name]
            cells += [pct(c["agree"], c["n"]), str(c["false_pos"]), str(c["false_neg"])]
        n = (scores[tools[0]] if name == "ALL" else scores[tools[0]]["categories"][name])["n"]
        body.append([f"**{name}**" if name == "ALL" else name, str(n), *cells])
    amb = ", ".join(f"{t} {s['ambiguous_agree']}/{s['ambiguous_n']}" for t, s in scores.items())
    return (
        f"Split `{split}`, unambiguous cases; ambiguous cases agreeing with their label: {amb}.\n\n"
        + md_table(head, body)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="the corpus file (default: the first round, tests/data/verify_public.jsonl; the "
        "second round, written blind after the first round's fixes, is "
        "tests/data/verify_public_round2.jsonl)",
    )
    parser.add_argument("--no-mv", action="store_true", help="skip Math-Verify")
    parser.add_argument("--quick", action="store_true", help="smoke run: relift on 200 cases")
    parser.add_argument("--mv-timeout", type=float, default=20.0)
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    args.corpus = args.corpus.resolve()

    rows = load(args.split, args.corpus)[: 200 if args.quick else None]
    scores = {"relift": score(rows, run_relift(rows))}
    extra: dict[str, Any] = {}
    if not (args.no_mv or args.quick):
        if not math_verify_available():
            raise SystemExit(
                "math-verify is not installed: use the bench environment (.venv-bench)"
            )
        verdicts, failures = run_math_verify(rows, args.mv_timeout)
        scores["math-verify"] = score(rows, verdicts)
        extra = {"math_verify_version": math_verify_version(), "math_verify_failures": failures}
    text = f"Corpus `{args.corpus.relative_to(REPO_ROOT)}`. " + markdown(args.split, scores)
    print(machine_info())
    print(text)
    if args.markdown:
        args.markdown.write_text(text + "\n")
    if args.json:
        report = {
            "corpus": str(args.corpus.relative_to(REPO_ROOT)),
            "split": args.split,
            "cases": len(rows),
            "scores": scores,
            **extra,
        }
        args.json.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
