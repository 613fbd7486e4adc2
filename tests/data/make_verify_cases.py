#!/usr/bin/env python3
"""Generate ``tests/data/verify_cases.jsonl``, the labelled corpus for the math-answer verifier.

Every line is one JSON object::

    {"response": str, "answer": str, "equal": bool, "category": str, "note": str}

``response`` is a full model output (a short chain of reasoning, then a final answer, usually in
``\\boxed{}``), ``answer`` is the reference, ``equal`` is the hand-assigned label and ``note`` says
why when the label is subtle.  The labels come from the hand-written tables in
``verify_cases_parts/`` (mathematical judgement under the verifier's documented conventions), never
from running a verifier.

Conventions the labels follow (the verifier's defaults):

* the whole response is graded; the last ``\\boxed{}`` wins, then "the answer is ...", then the
  last ``$...$``, then the last number;
* ``30^\\circ`` equals ``30`` and ``\\frac{\\pi}{6}``; ``50\\%`` equals ``50``, ``0.5`` and
  ``\\frac12``; units and ``\\text{}`` around a number are ignored;
* a decimal reference such as ``0.33`` accepts an exact response that rounds to it at the
  reference's number of places (``\\frac13``), but not a different decimal (``0.333``); an exact
  (rational or irrational) reference never accepts a truncated decimal (``\\sqrt2`` vs ``1.414``);
* the letter ``i`` is the imaginary unit; parentheses with commas are ordered tuples (or intervals),
  braces and bare comma lists are unordered collections.

The generator is deterministic (fixed seed, standard library only).  Run it from the repository
root::

    python tests/data/make_verify_cases.py            # writes tests/data/verify_cases.jsonl
    python tests/data/make_verify_cases.py --stats    # also prints counts per category
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

# The parts live in verify_cases_parts/, next to this script (run as a script, its folder is on
# the import path). Table order and the builders' RNG draws follow build_all() below.
from verify_cases_parts.builders import (
    build_adversarial,
    build_json,
    build_malformed,
    build_mc,
    build_multi,
    build_nested,
    build_nobox,
    simple,
)
from verify_cases_parts.model import Case
from verify_cases_parts.tables_expressions import (
    COMPLEX,
    EQUATION,
    INEQUALITY,
    INTERVAL,
    MATRIX,
    SET,
    SYMBOLIC,
    TEXT,
    TUPLE,
)
from verify_cases_parts.tables_formats import UNICODE
from verify_cases_parts.tables_numbers import (
    DECIMAL,
    DEGREES,
    FRACTION,
    INTEGER,
    IRRATIONAL,
    MIXED,
    PERCENT,
    SCIENTIFIC,
    THOUSANDS,
    TINY,
    UNITS,
)

SEED = 20250611
OUT_DEFAULT = Path(__file__).with_name("verify_cases.jsonl")


def build_all() -> list[Case]:
    r = random.Random(SEED)
    cases: list[Case] = []
    cases += simple("integer", INTEGER, r)
    cases += simple("decimal", DECIMAL, r)
    cases += simple("thousands_separator", THOUSANDS, r)
    cases += simple("fraction", FRACTION, r)
    cases += simple("mixed_number", MIXED, r)
    cases += simple("scientific", SCIENTIFIC, r)
    cases += simple("percent", PERCENT, r)
    cases += simple("units_text", UNITS, r)
    cases += simple("degrees", DEGREES, r)
    cases += simple("irrational", IRRATIONAL, r)
    cases += simple("tiny_values", TINY, r)
    cases += simple("symbolic", SYMBOLIC, r)
    cases += simple("equation", EQUATION, r)
    cases += simple("inequality", INEQUALITY, r)
    cases += simple("interval", INTERVAL, r)
    cases += simple("set", SET, r)
    cases += simple("tuple", TUPLE, r)
    cases += simple("matrix", MATRIX, r)
    cases += simple("complex", COMPLEX, r)
    cases += build_mc(r)
    cases += simple("text_answer", TEXT, r)
    cases += build_nested(r)
    cases += build_multi(r)
    cases += build_nobox(r)
    cases += build_malformed(r)
    cases += simple("unicode", UNICODE, r)
    cases += build_json(r)
    cases += build_adversarial(r)
    return cases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT_DEFAULT, help="output JSONL path")
    ap.add_argument("--stats", action="store_true", help="print counts per category")
    args = ap.parse_args()
    cases = build_all()
    with args.out.open("w", encoding="utf-8") as fh:
        for c in cases:
            fh.write(c.to_json() + "\n")
    if args.stats:
        total: Counter[str] = Counter(c.category for c in cases)
        pos: Counter[str] = Counter(c.category for c in cases if c.equal)
        for cat in total:
            neg = total[cat] - pos[cat]
            print(f"{cat:22s} {total[cat]:5d}  equal={pos[cat]:4d}  not_equal={neg:4d}")
    size = args.out.stat().st_size
    print(f"wrote {len(cases)} cases ({size / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
