"""Hypothesis strategies for the sympy oracle: pairs of answers, equal by a rewrite or perturbed.

Each class draws two trees that sympy rewrites into each other (expanded and factored, a
rationalised denominator, combined fractions, a trig identity, a log rule, an equation moved
around); ``pairs`` then either keeps them (a ``rewrite`` pair) or nudges one side (a ``perturbed``
pair: an integer changed by one, a coefficient scaled by 1 + 1e-6, a sign flipped), and draws a
writing style for each side. The labels come from sympy afterwards, never from this module: a
perturbation that happens to keep the value is simply an equal pair.

Not a test module; the oracle imports it.
"""

from __future__ import annotations

import decimal as decimal_module
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from fractions import Fraction
from math import gcd
from typing import Any

import sympy as sp
from hypothesis import strategies as st
from oracle_expressions import (
    SYMBOLS,
    Add,
    Const,
    Dec,
    E,
    Eq,
    Fn,
    Frac,
    Int,
    Log,
    Mul,
    Neg,
    Pow,
    Root,
    Style,
    Sym,
    add,
    decimal_text,
    integer,
    mul,
    to_sympy,
)

Draw = Callable[[st.SearchStrategy[Any]], Any]
X, Y = Sym("x"), Sym("y")
SQUARE_FREE = (2, 3, 5, 6, 7, 10, 11)


@dataclass(frozen=True)
class Pair:
    """One test case: ``response`` goes in a ``\\boxed{}``, ``gold`` is the reference answer."""

    cls: str
    kind: str  # "rewrite" (sympy-equal by construction) or "perturbed"
    response: E
    gold: E
    response_style: Style
    gold_style: Style


# ------------------------------------------------------------------------------------------------
# Helpers


def plus_const(e: E, c: int) -> E:
    if c == 0:
        return e
    if isinstance(e, Int):
        return integer(e.value + c)
    return add(e, integer(c))


def times(k: int, e: E) -> E:
    """k * e, written as a model would: no factor 1, a minus sign in front, 2 * 3x as 6x."""
    if isinstance(e, Int):
        return integer(k * e.value)
    if isinstance(e, Mul) and isinstance(e.factors[0], Int):
        k, e = k * e.factors[0].value, Mul(e.factors[1:]) if len(e.factors) > 2 else e.factors[1]
    if k == 1:
        return e
    if k == -1:
        return Neg(e)
    body = mul(Int(abs(k)), e)
    return body if k > 0 else Neg(body)


def monomial(coeff: int, powers: list[tuple[Sym, int]]) -> E:
    factors: list[E] = [s if n == 1 else Pow(s, Int(n)) for s, n in powers if n]
    if not factors:
        return integer(coeff)
    body: E = factors[0] if len(factors) == 1 else Mul(tuple(factors))
    return times(coeff, body)


def poly_tree(expr: Any, gens: tuple[Sym, ...]) -> E:
    """An expanded polynomial with integer coefficients as a sum of monomials, highest first."""
    poly = sp.Poly(sp.expand(expr), *(SYMBOLS[g.name] for g in gens))
    terms = [monomial(int(c), list(zip(gens, m, strict=True))) for m, c in poly.terms()]
    if not terms:
        return Int(0)
    return terms[0] if len(terms) == 1 else Add(tuple(terms))


def linear(a: int, var: Sym, b: int) -> E:
    """a*var + b."""
    return plus_const(times(a, var), b) if a else integer(b)


def fraction_tree(value: Fraction) -> E:
    body: E = Int(abs(value.numerator))
    if value.denominator != 1:
        body = Frac(body, Int(value.denominator))
    return Neg(body) if value < 0 else body


nonzero = st.integers(-6, 6).filter(bool)


# ------------------------------------------------------------------------------------------------
# The classes: each returns two trees that sympy says are equal.


@st.composite
def polynomial(draw: Draw) -> tuple[E, E]:
    gens = (X, Y) if draw(st.booleans()) else (X,)
    factors: list[E] = []
    for _ in range(draw(st.integers(2, 3))):
        a = draw(st.integers(1, 3))
        c = draw(st.integers(-6, 6))
        form = linear(a, X, c)
        if len(gens) == 2 and draw(st.booleans()):
            form = add(form, times(draw(nonzero), Y)) if c else add(times(a, X), times(1, Y))
        factors.append(form)
    if draw(st.booleans()):
        factors[0] = Pow(factors[0], Int(2))
    lead = draw(st.sampled_from([1, 1, 2, 3, -1, -2]))
    factored = times(lead, mul(*factors))
    return factored, poly_tree(to_sympy(factored), gens)


@st.composite
def fraction(draw: Draw) -> tuple[E, E]:
    variant = draw(st.sampled_from(["reduce", "sum", "partial", "cancel", "reciprocals"]))
    if variant == "reduce":
        p, q, g = draw(st.integers(-20, 20)), draw(st.integers(1, 20)), draw(st.integers(2, 9))
        return fraction_tree_unreduced(p * g, q * g), fraction_tree(Fraction(p, q))
    if variant == "sum":
        p, q = draw(st.integers(1, 9)), draw(st.integers(2, 9))
        r, s = draw(st.integers(1, 9)), draw(st.integers(2, 9))
        written = add(fraction_tree_unreduced(p, q), fraction_tree_unreduced(r, s))
        return written, fraction_tree(Fraction(p, q) + Fraction(r, s))
    x = SYMBOLS["x"]
    a, b = draw(st.integers(-5, 5)), draw(st.integers(-5, 5))
    if variant == "partial":
        p, q = draw(nonzero), draw(nonzero)
        split = add(over(p, linear(1, X, a)), over(q, linear(1, X, b)))
        numerator = poly_tree(p * (x + b) + q * (x + a), (X,))
        denominator = (
            mul(linear(1, X, a), linear(1, X, b))
            if draw(st.booleans())
            else poly_tree((x + a) * (x + b), (X,))
        )
        return split, Frac(numerator, denominator)
    if variant == "cancel":
        return Frac(poly_tree((x + a) * (x + b), (X,)), linear(1, X, a)), linear(1, X, b)
    k = draw(st.integers(1, 4))
    return add(Frac(Int(k), X), Frac(Int(k), Y)), Frac(times(k, add(X, Y)), mul(X, Y))


def fraction_tree_unreduced(p: int, q: int) -> E:
    return over(p, Int(q))


def over(p: int, den: E) -> E:
    """p / den, a minus sign in front when p < 0."""
    body = Frac(Int(abs(p)), den)
    return Neg(body) if p < 0 else body


@st.composite
def radical(draw: Draw) -> tuple[E, E]:
    variant = draw(st.sampled_from(["root", "rationalise", "conjugate", "square", "symbolic"]))
    b = draw(st.sampled_from(SQUARE_FREE))
    if variant == "root":
        a, index = draw(st.integers(2, 6)), draw(st.sampled_from([2, 2, 3]))
        return Root(index, Int(a**index * b)), mul(Int(a), Root(index, Int(b)))
    if variant == "rationalise":
        p = draw(st.integers(1, 12))
        g = gcd(p, b)
        top = mul(Int(p // g), Root(2, Int(b))) if p // g != 1 else Root(2, Int(b))
        return Frac(Int(p), Root(2, Int(b))), top if b // g == 1 else Frac(top, Int(b // g))
    if variant == "conjugate":
        c = draw(st.sampled_from([c for c in SQUARE_FREE if c != b]))
        hi, lo = max(b, c), min(b, c)
        diff = add(Root(2, Int(hi)), Neg(Root(2, Int(lo))))
        rationalised = diff if hi - lo == 1 else Frac(diff, Int(hi - lo))
        return Frac(Int(1), add(Root(2, Int(b)), Root(2, Int(c)))), rationalised
    if variant == "square":
        c = draw(st.sampled_from([c for c in SQUARE_FREE if c != b]))
        squared = Pow(add(Root(2, Int(b)), Root(2, Int(c))), Int(2))
        return squared, add(Int(b + c), mul(Int(2), Root(2, Int(b * c))))
    k = draw(st.integers(2, 5))
    forms = [
        (Root(2, mul(Int(k * k), X)), mul(Int(k), Root(2, X))),
        (Frac(X, Root(2, X)), Root(2, X)),
        (Root(2, poly_tree((SYMBOLS["x"] + k) ** 2, (X,))), linear(1, X, k)),
        (Root(3, mul(Int(k**3), Pow(X, Int(3)))), mul(Int(k), X)),
    ]
    return draw(st.sampled_from(forms))


@st.composite
def trig(draw: Draw) -> tuple[E, E]:
    k = draw(st.sampled_from([1, 1, 2, 3]))
    u, double = times(k, X), times(2 * k, X)
    sin, cos, tan = (lambda a: Fn("sin", a)), (lambda a: Fn("cos", a)), (lambda a: Fn("tan", a))
    identities: list[tuple[E, E]] = [
        (add(Fn("sin", u, 2), Fn("cos", u, 2)), Int(1)),
        (Fn("sin", double), mul(Int(2), sin(u), cos(u))),
        (Fn("cos", double), add(Fn("cos", u, 2), Neg(Fn("sin", u, 2)))),
        (Fn("cos", double), add(Int(1), Neg(mul(Int(2), Fn("sin", u, 2))))),
        (tan(u), Frac(sin(u), cos(u))),
        (add(Fn("sec", u, 2), Neg(Fn("tan", u, 2))), Int(1)),
        (add(Int(1), Fn("tan", u, 2)), Frac(Int(1), Fn("cos", u, 2))),
        (sin(add(X, Y)), add(mul(sin(X), cos(Y)), mul(cos(X), sin(Y)))),
        (cos(add(X, Neg(Y))), add(mul(cos(X), cos(Y)), mul(sin(X), sin(Y)))),
    ]
    pi = Const("pi")
    exact: list[tuple[E, E]] = [
        (sin(Frac(pi, Int(6))), Frac(Int(1), Int(2))),
        (cos(Frac(pi, Int(3))), Frac(Int(1), Int(2))),
        (sin(Frac(pi, Int(4))), Frac(Root(2, Int(2)), Int(2))),
        (cos(Frac(pi, Int(6))), Frac(Root(2, Int(3)), Int(2))),
        (tan(Frac(pi, Int(3))), Root(2, Int(3))),
        (tan(Frac(pi, Int(4))), Int(1)),
    ]
    lhs, rhs = draw(st.sampled_from(identities + exact))
    k, c = draw(st.sampled_from([1, 1, 2, 3, -1])), draw(st.integers(-3, 3))
    return plus_const(times(k, lhs), c), plus_const(times(k, rhs), c)


@st.composite
def log(draw: Draw) -> tuple[E, E]:
    a = draw(st.sampled_from([Int(2), Int(3), Int(5), Int(7), X]))
    b = draw(st.sampled_from([Int(3), Int(10), Y, X]).filter(lambda v: v != a))
    base, k = draw(st.integers(2, 5)), draw(st.integers(2, 4))
    ln = lambda v: Fn("ln", v)  # noqa: E731
    rules: list[tuple[E, E]] = [
        (ln(mul(a, b)), add(ln(a), ln(b))),
        (ln(Pow(a, Int(k))), mul(Int(k), ln(a))),
        (Log(base, Int(base**k)), Int(k)),
        (Log(base, a), Frac(ln(a), ln(Int(base)))),
        (Pow(Const("e"), ln(X)), X),
        (ln(Pow(Const("e"), Int(k))), Int(k)),
        (add(ln(a), Neg(ln(b))), ln(Frac(a, b))),
        (Log(base, Pow(X, Int(k))), mul(Int(k), Log(base, X))),
        (add(Log(base, a), Log(base, b)), Log(base, mul(a, b))),
    ]
    return draw(st.sampled_from(rules))


@st.composite
def equation(draw: Draw) -> tuple[E, E]:
    variant = draw(st.sampled_from(["assignment", "line", "circle"]))
    if variant == "assignment":
        value, other = draw(st.one_of(fraction(), radical()).filter(no_symbols))
        return Eq(X, value), other
    if variant == "line":
        p, q, c = draw(nonzero), draw(st.integers(1, 4)), draw(st.integers(-5, 5))
        slope = fraction_tree(Fraction(p, q))
        forms: list[E] = [
            Eq(Y, plus_const(mul(slope, X) if q != 1 else times(p, X), c)),
            Eq(plus_const(times(q, Y), 0), plus_const(times(p, X), q * c)),
            Eq(plus_const(add(times(p, X), Neg(times(q, Y))), q * c), Int(0)),
            Eq(plus_const(times(q, Y), -q * c), times(p, X)),
        ]
        i, j = draw(st.lists(st.integers(0, 3), min_size=2, max_size=2, unique=True))
        return forms[i], forms[j]
    a, b, r = draw(st.integers(-3, 3)), draw(st.integers(-3, 3)), draw(st.integers(1, 5))
    x, y = SYMBOLS["x"], SYMBOLS["y"]
    centred = add(Pow(linear(1, X, -a), Int(2)), Pow(linear(1, Y, -b), Int(2)))
    expanded = poly_tree((x - a) ** 2 + (y - b) ** 2 - r * r, (X, Y))
    return Eq(centred, Int(r * r)), Eq(expanded, Int(0))


@st.composite
def decimal(draw: Draw) -> tuple[E, E]:
    """An exact value and its decimal rounded half away from zero to 1-9 places. Which side is the
    reference decides relift's rule (``rust/verify/options.rs``), and the oracle's truth follows
    it (``sympy_truth``):

    - a decimal *reference* accepts the rounded exact response under the default
      ``rounding="precise"`` when it has two places or three significant digits or more
      (``1.41`` for ``\\sqrt2``), not ``1.4``;
    - a decimal *response* equals an exact reference when it has six decimal places or more (a
      calculator's answer: ``0.333333`` for ``\\frac13``, ``3.141593`` for ``\\pi``), not with
      fewer (``3.14159``)."""
    pi = Const("pi")
    values: list[E] = [
        Root(2, Int(2)),
        Root(3, Int(5)),
        mul(Int(2), Root(2, Int(3))),
        Frac(Int(1), Int(3)),
        Frac(Int(1), Int(8)),
        Frac(Int(5), Int(16)),
        Frac(Int(22), Int(7)),
        Neg(Frac(Int(7), Int(40))),
        pi,
        Frac(pi, Int(4)),
        Const("e"),
        Fn("ln", Int(2)),
        Fn("sin", Int(1)),
        Frac(Root(2, Int(5)), Int(3)),
    ]
    value = draw(st.sampled_from(values))
    places = draw(st.integers(1, 9))
    text = round_half_away(to_sympy(value), places)
    literal: E = Neg(Dec(text[1:])) if text.startswith("-") else Dec(text)
    return value, literal


def round_half_away(value: Any, places: int) -> str:
    exact = decimal_module.Decimal(str(sp.N(value, 60)))
    quantum = decimal_module.Decimal(1).scaleb(-places)
    return str(exact.quantize(quantum, rounding=decimal_module.ROUND_HALF_UP))


def no_symbols(pair: tuple[E, E]) -> bool:
    return not any(to_sympy(side).free_symbols for side in pair)


CLASSES: dict[str, Callable[[], st.SearchStrategy[tuple[E, E]]]] = {
    "polynomial": polynomial,
    "fraction": fraction,
    "radical": radical,
    "trig": trig,
    "log": log,
    "equation": equation,
    "decimal": decimal,
}


# ------------------------------------------------------------------------------------------------
# Perturbations and styles


Path = tuple[Any, ...]


def children(e: E) -> list[tuple[Path, E]]:
    out: list[tuple[Path, E]] = []
    for f in fields(e):
        value = getattr(e, f.name)
        if isinstance(value, E):
            out.append(((f.name,), value))
        elif isinstance(value, tuple):
            out.extend(((f.name, i), v) for i, v in enumerate(value) if isinstance(v, E))
    return out


def sites(e: E, path: Path = ()) -> list[tuple[Path, E]]:
    """Every node with its path, skipping root indices and log bases (plain ints, not nodes)."""
    found = [(path, e)]
    for step, child in children(e):
        found.extend(sites(child, path + step))
    return found


def replace_at(e: E, path: Path, new: E) -> E:
    if not path:
        return new
    name = path[0]
    value = getattr(e, name)
    if isinstance(value, tuple):
        i = path[1]
        items = list(value)
        items[i] = replace_at(items[i], path[2:], new)
        return replace(e, **{name: tuple(items)})  # type: ignore[arg-type]
    return replace(e, **{name: replace_at(value, path[1:], new)})  # type: ignore[arg-type]


@st.composite
def perturbed(draw: Draw, e: E) -> E:
    ints = [(p, n) for p, n in sites(e) if isinstance(n, Int)]
    terms = [(p, n) for p, n in sites(e) if isinstance(n, Add)]
    decimals = [(p, n) for p, n in sites(e) if isinstance(n, Dec)]
    if decimals and draw(st.booleans()):
        path, node = draw(st.sampled_from(decimals))
        assert isinstance(node, Dec)
        last = Fraction(1, 10 ** len(node.text.partition(".")[2]))
        step = draw(st.sampled_from([last, -last]))
        return replace_at(e, path, Dec(decimal_text(abs(Fraction(node.text) + step))))
    how = draw(st.sampled_from(["plus_one", "relative", "sign"] if ints else ["sign"]))
    if how == "sign":
        if not terms:
            return Eq(e.lhs, Neg(e.rhs)) if isinstance(e, Eq) else Neg(e)
        path, node = draw(st.sampled_from(terms))
        assert isinstance(node, Add)
        i = draw(st.integers(0, len(node.terms) - 1))
        term = node.terms[i]
        flipped = term.arg if isinstance(term, Neg) else Neg(term)
        return replace_at(e, (*path, "terms", i), flipped)
    path, node = draw(st.sampled_from(ints))
    assert isinstance(node, Int)
    if how == "plus_one":
        return replace_at(e, path, integer(node.value + draw(st.sampled_from([1, -1]))))
    nudged = Fraction(node.value or 1) * (1 + Fraction(1, 10**6))
    return replace_at(e, path, Dec(decimal_text(nudged)))


@st.composite
def styles(draw: Draw) -> Style:
    return Style(
        frac=draw(st.sampled_from(["\\frac", "\\frac", "\\dfrac"])),
        compact_frac=draw(st.booleans()),
        slash_frac=draw(st.sampled_from([False, False, True])),
        times=draw(st.sampled_from(["", "", "\\cdot", "\\times"])),
        tight_letters=draw(st.booleans()),
        fn_args=draw(st.sampled_from(["paren", "left", "bare"])),
        fn_power=draw(st.sampled_from(["inside", "inside", "outside", "after"])),
        braces=draw(st.booleans()),
        left_right=draw(st.booleans()),
        shuffle_seed=draw(st.none() | st.integers(0, 1000)),
        wrap_fn=draw(st.booleans()),
    )


@st.composite
def pairs(draw: Draw, cls: str) -> Pair:
    first, second = draw(CLASSES[cls]())
    response, gold = (first, second) if draw(st.booleans()) else (second, first)
    kind = draw(st.sampled_from(["rewrite", "perturbed"]))
    if kind == "perturbed":
        if draw(st.booleans()):
            response = draw(perturbed(response))
        else:
            gold = draw(perturbed(gold))
    return Pair(cls, kind, response, gold, draw(styles()), draw(styles()))
