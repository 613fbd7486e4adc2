#!/usr/bin/env python3
"""Write tests/data/verify_holdout.jsonl: an independent, held-out corpus for ``relift.verify``.

The verifier was tuned against ``verify_cases.jsonl``; this corpus was written separately, without
reading the verifier's source, that corpus or its generator, so its agreement is an honest
estimate. Every label is a mathematical judgement about whether the response's final answer
equals the reference, under the verifier's documented conventions:

* the whole response is graded; the final answer is the last ``\\boxed{}``, else "the answer is
  ...", else the last ``$...$``, else the last number;
* ``30^\\circ`` equals ``30`` and ``\\frac{\\pi}{6}``; ``50\\%`` equals ``50`` and ``0.5``;
* a decimal reference (``0.33``) accepts an exact value that rounds to it (``\\frac13``) but not
  another decimal (``0.333``); an irrational reference (``\\sqrt2``) rejects a decimal (``1.414``);
* units and ``\\text{}`` around a number are ignored; bare comma lists are unordered, ``(a,b)`` is
  ordered; ``x=3`` equals ``3``; an inequality equals the matching interval.

Genuinely ambiguous cases were left out. Deterministic, standard library only:

    python tests/data/make_verify_holdout.py
"""

from __future__ import annotations

import importlib
import json
import random
import re
import sys
from pathlib import Path
from types import ModuleType

OUT = Path(__file__).with_name("verify_holdout.jsonl")
SEED = 7_031_2024

# The category modules under verify_holdout_cases/, in corpus order: each appends its cases to
# common.CASES when imported, so this order is the order of the cases and of the template draws.
PACKAGE = "verify_holdout_cases"
PARTS = (
    "numeric",
    "fraction_decimal",
    "radical_pi",
    "algebraic_expression",
    "equation",
    "interval_inequality",
    "set_tuple",
    "multiple_choice",
    "text",
    "units_percent_degrees",
    "latex_formatting",
    "no_box",
)


def load_parts() -> ModuleType:
    """Import the category modules in corpus order (once per process); return ``common``."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:  # imported by file path rather than run as a script
        sys.path.insert(0, here)
    for name in PARTS:
        importlib.import_module(f"{PACKAGE}.{name}")
    return importlib.import_module(f"{PACKAGE}.common")


def fill(template: str, values: dict[str, str]) -> str:
    """Substitute {W}/{F}/{A} in one pass, so that a substituted value (e.g. the letter answer
    "A") is never itself taken for a placeholder."""
    pieces = re.split(r"\{([WFA])\}", template)
    return "".join(values[p] if i % 2 else p for i, p in enumerate(pieces))


def build() -> list[dict[str, object]]:
    common = load_parts()
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    for spec in common.CASES:
        if "response" in spec:
            response = str(spec["response"])
        else:
            if spec["alt"] is not None:
                template = rng.choice(common.REVISION_STYLES)
            else:
                template = rng.choice(common.STYLES)
            values = {"W": str(spec["work"]), "F": str(spec["final"]), "A": str(spec["alt"])}
            response = fill(template, values)
        rows.append(
            {
                "response": response,
                "answer": spec["answer"],
                "equal": spec["equal"],
                "category": spec["category"],
                "note": spec["note"],
            }
        )
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {OUT}")


if __name__ == "__main__":
    main()
