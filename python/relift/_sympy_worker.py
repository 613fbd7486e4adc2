"""The sympy side of ``relift.sympy_fallback``: runs only in worker processes, never in the caller.

Started as ``python -m relift._sympy_worker [--memory-mb N]``. It imports sympy and its LaTeX
parser (the ``antlr4-python3-runtime`` 4.11 backend), says so on stdout, then reads one JSON
request per line on stdin and answers one JSON line per request on stdout, until stdin closes:

    -> {"id": 7, "response": "\\binom{n}{2}", "gold": "\\frac{n(n-1)}{2}",
        "float_tolerance": 1e-09, "rounding": "precise", "min_places": 2, "min_digits": 3}
    <- {"id": 7, "equal": true, "status": "equal", "detail": "simplify(a - b) == 0"}

``status`` is "equal", "not_equal", "unparsed" (a side did not parse) or "error" (sympy raised);
only "equal" counts as equal. The parent enforces the time limit by killing this process, so
nothing here uses signals or timers.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TextIO

# Imported in main(), after the memory limit is set: sympy and its LaTeX parser.
sp: Any = None
parse_latex: Any = None

# Positive rationals, as relift's own sample points: roots and logs of variables stay real.
POINTS = [(7, 5), (2, 3), (11, 13), (13, 7), (5, 11), (17, 10)]
PRECISION = 50
EXACT_GAP = 1e-30  # relative gap at 50 digits below which two exact expressions are equal

# ------------------------------------------------------------------------------------------------
# From an answer's LaTeX to what sympy's parser reads


_WRAPPERS = [(r"^\$+(.*?)\$+$", r"\1"), (r"^\\\((.*)\\\)$", r"\1"), (r"^\\\[(.*)\\\]$", r"\1")]
_UNIT = re.compile(r"\\(?:text|mbox|mathrm|textrm)\s*\{[^{}]*\}(?:\s*\^\s*(?:\{\d\}|\d))?")
_SPACING = re.compile(r"\\[,;:!> ]|\\(?:q?quad|displaystyle|textstyle)\b")
_BASE_NUMERAL = re.compile(r"^(\d+)_\{?\(?(\d+)\)?\}?$")
_THOUSANDS = re.compile(r"(?<=\d)(?:\{,\}|,\\!)(?=\d{3})")
_COMBINATION = re.compile(r"^C\s*\(\s*([^(),]+?)\s*,\s*([^(),]+?)\s*\)$")
_CHOOSE = re.compile(r"^\{?\s*([^{}]+?)\s*\\choose\s*([^{}]+?)\s*\}?$")
_DECIMAL = re.compile(r"^-?\d+\.(\d+)$")


def unwrap(text: str) -> str:
    """The answer without ``$...$``, ``\\(...\\)``, ``\\boxed{...}``, units and spacing."""
    text = text.strip().rstrip(".").strip()
    for pattern, repl in _WRAPPERS:
        text = re.sub(pattern, repl, text, flags=re.S).strip()
    if text.startswith("\\boxed{") and text.endswith("}"):
        text = text[len("\\boxed{") : -1]
    text = _SPACING.sub(" ", text)
    text = _UNIT.sub("", text)  # 25\pi \text{ cm}^2 -> 25\pi
    text = _THOUSANDS.sub("", text)
    text = (
        text.replace("\\dfrac", "\\frac")
        .replace("\\tfrac", "\\frac")
        .replace("\\dbinom", "\\binom")
    )
    # relift reads a bare \log as base 10; so does the fallback, to settle what relift could not.
    text = re.sub(r"\\log(?!_)", r"\\log_{10}", text)
    if m := _COMBINATION.match(text.strip()):
        text = f"\\binom{{{m[1]}}}{{{m[2]}}}"
    elif m := _CHOOSE.match(text.strip()):
        text = f"\\binom{{{m[1]}}}{{{m[2]}}}"
    return text.strip()


def split_top_level(text: str) -> tuple[str, list[str]]:
    """``(1, 2)`` -> ("()", ["1", "2"]); a single answer -> ("", [text])."""
    kind = ""
    inner = text
    for opening, closing in (("\\{", "\\}"), ("(", ")"), ("[", "]")):
        if text.startswith(opening) and text.endswith(closing):
            kind, inner = opening + closing, text[len(opening) : -len(closing)]
            break
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(inner):
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(inner[start:i].strip())
            start = i + 1
    parts.append(inner[start:].strip())
    if len(parts) == 1:
        return "", [text]
    return kind, parts


def to_sympy(text: str) -> Any:
    """Parse one answer (no top-level commas). Decimals become exact rationals, ``e`` and ``i``
    the constants (as relift reads them), ``n(n-1)`` a product rather than a function call."""
    expr = parse_latex(text, backend="antlr")
    expr = expr.subs({sp.Symbol("e"): sp.E, sp.Symbol("i"): sp.I, sp.Symbol("pi"): sp.pi})
    expr = expr.replace(
        lambda e: isinstance(e, sp.core.function.AppliedUndef) and len(e.args) == 1,
        lambda e: sp.Symbol(e.func.__name__) * e.args[0],
    )
    expr = expr.replace(lambda e: isinstance(e, sp.Float), lambda e: sp.Rational(str(e)))
    positive = {s: sp.Symbol(s.name, positive=True) for s in expr.free_symbols}
    return expr.xreplace(positive)


# ------------------------------------------------------------------------------------------------
# Deciding


def round_half_away(value: Any, places: int) -> Decimal:
    exact = Decimal(str(sp.N(value, PRECISION)))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def numeric_gap(a: Any, b: Any, point: dict[Any, Any]) -> float | None:
    """|a - b| / max(|a|, |b|) at ``point`` with 50 digits; None where a side is undefined."""
    va, vb = (sp.N(v.subs(point), PRECISION) for v in (a, b))
    if not (va.is_number and vb.is_number) or va.has(sp.zoo, sp.nan) or vb.has(sp.zoo, sp.nan):
        return None
    scale = max(abs(va), abs(vb))
    return float(abs(va - vb) / scale) if scale > 1e-40 else 0.0


def sample(symbols: list[Any], k: int) -> dict[Any, Any]:
    return {s: sp.Rational(*POINTS[(k * 5 + j * 7) % len(POINTS)]) for j, s in enumerate(symbols)}


def same_value(a: Any, b: Any, tolerance: float) -> tuple[bool, str]:
    diff = a - b
    if diff == 0:
        return True, "identical"
    if a.is_Rational and b.is_Rational:
        return False, "different rationals"
    symbols = sorted(diff.free_symbols, key=str)
    simplified = sp.simplify(diff)
    if simplified == 0:
        return True, "simplify(a - b) == 0"
    if simplified.is_Rational:  # exact values differ: no tolerance (10^{100000} is not + 1)
        return False, "differ by an exact nonzero rational"
    gaps = [numeric_gap(a, b, sample(symbols, k)) for k in range(len(POINTS) if symbols else 1)]
    defined = [g for g in gaps if g is not None]
    if not defined or (symbols and len(defined) < 3):
        return False, "could not evaluate at enough points"
    limit = EXACT_GAP if not symbols and diff.is_algebraic else max(tolerance, EXACT_GAP)
    worst = max(defined)
    if worst <= limit:
        return True, f"equal at {len(defined)} point(s), gap {worst:.1e}"
    return False, f"gap {worst:.1e}"


def is_relation(expr: Any) -> bool:
    return isinstance(expr, sp.core.relational.Relational)


def same_relation(a: Any, b: Any) -> tuple[bool, str]:
    """Equations (or inequalities of one kind) whose lhs - rhs are constant multiples."""
    if type(a) is not type(b):
        return False, "different relations"
    ratio = sp.simplify((a.lhs - a.rhs) / (b.lhs - b.rhs))
    if ratio.free_symbols or ratio == 0 or ratio.has(sp.zoo, sp.nan):
        return False, "not proportional"
    if not isinstance(a, sp.Equality | sp.Unequality) and not ratio.is_positive:
        return False, "inequalities point in opposite directions"
    return True, "proportional relations"


@dataclass(frozen=True)
class Rounding:
    """The Rust core's rounding rule, as the parent sends it: ``policy`` is "precise",
    "reference" or "exact"; "precise" rounds when the reference has ``min_places`` decimal
    places or ``min_digits`` significant digits (``relift._core.MIN_ROUNDED_*``)."""

    policy: str
    min_places: int
    min_digits: int


def same_answer(response: str, gold: str, tolerance: float, rounding: Rounding) -> tuple[bool, str]:
    if (m := _BASE_NUMERAL.match(response)) and (g := _BASE_NUMERAL.match(gold)):
        if m[2] != g[2]:  # 1254_8 against 1254_6: the values in their bases
            same = int(m[1], int(m[2])) == int(g[1], int(g[2]))
            return same, "base-b numerals"
    # A base subscript on one side only is a label of the digits: 1011 is 1011_2.
    response = _BASE_NUMERAL.sub(r"\1", response)
    gold = _BASE_NUMERAL.sub(r"\1", gold)
    kind_r, parts_r = split_top_level(response)
    kind_g, parts_g = split_top_level(gold)
    if len(parts_r) > 1 or len(parts_g) > 1:
        return same_collection(kind_r, parts_r, kind_g, parts_g, tolerance, rounding)
    a, b = to_sympy(response), to_sympy(gold)
    if isinstance(a, sp.Equality) and not is_relation(b) and a.lhs.is_Symbol:
        a = a.rhs  # x = 3 against 3
    if isinstance(b, sp.Equality) and not is_relation(a) and b.lhs.is_Symbol:
        b = b.rhs
    if is_relation(a) or is_relation(b):
        if is_relation(a) and is_relation(b):
            return same_relation(a, b)
        return False, "a relation against a value"
    decimals = _DECIMAL.match(gold)
    places = len(decimals[1]) if decimals else 0
    # The core's rounding rule: "reference" rounds to any places, "precise" only a precise
    # enough reference.
    significant = len(re.sub(r"\D", "", gold).lstrip("0"))
    precise = places >= rounding.min_places or significant >= rounding.min_digits
    rounds = rounding.policy == "reference" or (rounding.policy == "precise" and precise)
    if rounds and places and not _DECIMAL.match(response) and a.is_number:
        if round_half_away(a, places) == round_half_away(b, places):
            return True, f"equal after rounding to {places} places"
    return same_value(a, b, tolerance)


def same_collection(
    kind_r: str,
    parts_r: list[str],
    kind_g: str,
    parts_g: list[str],
    tol: float,
    rounding: Rounding,
) -> tuple[bool, str]:
    if len(parts_r) != len(parts_g):
        return False, f"{len(parts_r)} elements against {len(parts_g)}"
    ordered = kind_r in ("()", "[]") and kind_g in ("()", "[]")
    unused = list(parts_g)
    for i, part in enumerate(parts_r):
        candidates = [unused[0]] if ordered else unused
        match = next((g for g in candidates if same_answer(part, g, tol, rounding)[0]), None)
        if match is None:
            return False, f"element {i + 1} has no match"
        unused.remove(match)
    return True, f"all {len(parts_r)} elements match"


def settle(request: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = {"id": request["id"], "equal": False}
    try:
        response, gold = unwrap(request["response"]), unwrap(request["gold"])
        tolerance = float(request["float_tolerance"])
        rounding = Rounding(
            str(request["rounding"]), int(request["min_places"]), int(request["min_digits"])
        )
        try:
            equal, detail = same_answer(response, gold, tolerance, rounding)
        except Exception as exc:
            if type(exc).__name__ in ("LaTeXParsingError", "SympifyError"):
                return {**answer, "status": "unparsed", "detail": str(exc).splitlines()[0]}
            raise
        status = "equal" if equal else "not_equal"
        return {**answer, "equal": equal, "status": status, "detail": detail}
    except Exception as exc:  # sympy's own errors: the item counts as not equal
        return {**answer, "status": "error", "detail": f"{type(exc).__name__}: {exc}"[:300]}


# ------------------------------------------------------------------------------------------------
# The process


def send(out: TextIO, message: dict[str, Any]) -> None:
    out.write(json.dumps(message) + "\n")
    out.flush()


def main(argv: list[str]) -> int:
    global sp, parse_latex
    # The protocol owns the real stdout; anything sympy prints goes to stderr.
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr
    if "--memory-mb" in argv:
        import resource

        limit = int(argv[argv.index("--memory-mb") + 1]) << 20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        import warnings

        warnings.simplefilter("ignore")
        import sympy  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from sympy.parsing.latex import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
            parse_latex as parser,
        )

        sp, parse_latex = sympy, parser
        parse_latex("1", backend="antlr")  # fails here when antlr4 4.11 is missing
    except Exception as exc:
        send(protocol, {"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 1
    send(protocol, {"ready": True, "sympy": sympy.__version__})
    for line in sys.stdin:
        if line.strip():
            send(protocol, settle(json.loads(line)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
