"""A small expression tree that renders as a model would write LaTeX and converts to sympy.

The sympy oracle (``test_verify_sympy_oracle.py``) builds both sides of each pair as such a tree:
``to_sympy`` gives the ground truth's input, ``render`` the text relift reads. The two come from
one tree, so a pair's LaTeX and its sympy form cannot drift apart. sympy's own ``latex()`` is not
used because it writes one canonical style, and a model writes many (``\\frac12``, ``\\cdot``,
implicit products, ``\\sin x`` without parentheses, terms in any order).

Not a test module; the oracle imports it (pytest puts ``tests/`` on ``sys.path``).
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy as sp

# Free variables are positive reals: relift samples them at positive rationals (so that roots
# and logarithms stay real), and the oracle's ground truth uses the same domain.
SYMBOLS = {name: sp.Symbol(name, positive=True) for name in ("x", "y", "t")}
FUNCTIONS = {
    "sin": sp.sin,
    "cos": sp.cos,
    "tan": sp.tan,
    "sec": sp.sec,
    "csc": sp.csc,
    "cot": sp.cot,
    "ln": sp.log,
    "exp": sp.exp,
}


@dataclass(frozen=True)
class E:
    """Base class of the tree's nodes."""


@dataclass(frozen=True)
class Int(E):
    value: int  # >= 0; a negative number is Neg(Int)


@dataclass(frozen=True)
class Dec(E):
    text: str  # a decimal literal as written, e.g. "3.000003"


@dataclass(frozen=True)
class Sym(E):
    name: str


@dataclass(frozen=True)
class Const(E):
    name: str  # "pi" or "e"


@dataclass(frozen=True)
class Neg(E):
    arg: E


@dataclass(frozen=True)
class Add(E):
    terms: tuple[E, ...]


@dataclass(frozen=True)
class Mul(E):
    factors: tuple[E, ...]


@dataclass(frozen=True)
class Frac(E):
    num: E
    den: E


@dataclass(frozen=True)
class Pow(E):
    base: E
    exp: E


@dataclass(frozen=True)
class Root(E):
    index: int  # 2 is \sqrt
    arg: E


@dataclass(frozen=True)
class Fn(E):
    name: str  # a key of FUNCTIONS
    arg: E
    power: int = 1  # \sin^2 x


@dataclass(frozen=True)
class Log(E):
    base: int
    arg: E


@dataclass(frozen=True)
class Eq(E):
    lhs: E
    rhs: E


def add(*terms: E) -> Add:
    """A sum, nested sums flattened (a model writes x + 3 + 6y, not (x + 3) + 6y)."""
    flat: list[E] = []
    for t in terms:
        flat.extend(t.terms if isinstance(t, Add) else (t,))
    return Add(tuple(flat))


def mul(*factors: E) -> Mul:
    """A product, nested products flattened."""
    flat: list[E] = []
    for f in factors:
        flat.extend(f.factors if isinstance(f, Mul) else (f,))
    return Mul(tuple(flat))


def integer(n: int) -> E:
    return Int(n) if n >= 0 else Neg(Int(-n))


def to_sympy(e: E) -> Any:
    """The value of the tree as a sympy expression (``Eq`` as an unevaluated equation)."""
    match e:
        case Int(v):
            return sp.Integer(v)
        case Dec(text):
            return sp.Rational(text)
        case Sym(name):
            return SYMBOLS[name]
        case Const("pi"):
            return sp.pi
        case Const(_):
            return sp.E
        case Neg(a):
            return -to_sympy(a)
        case Add(terms):
            return sp.Add(*(to_sympy(t) for t in terms))
        case Mul(factors):
            return sp.Mul(*(to_sympy(f) for f in factors))
        case Frac(n, d):
            return to_sympy(n) / to_sympy(d)
        case Pow(b, x):
            return to_sympy(b) ** to_sympy(x)
        case Root(index, a):
            return sp.root(to_sympy(a), index)
        case Fn(name, a, power):
            return FUNCTIONS[name](to_sympy(a)) ** power
        case Log(base, a):
            return sp.log(to_sympy(a), base)
        case Eq(lhs, rhs):
            return sp.Eq(to_sympy(lhs), to_sympy(rhs), evaluate=False)
    raise TypeError(f"not an expression node: {e!r}")


def to_text(e: E) -> str:
    """An unambiguous plain form, for reports (``Mul`` as ``*``, everything parenthesised)."""
    match e:
        case Int(v):
            return str(v)
        case Dec(text):
            return text
        case Sym(name) | Const(name):
            return name
        case Neg(a):
            return f"-({to_text(a)})"
        case Add(terms):
            return "(" + " + ".join(map(to_text, terms)) + ")"
        case Mul(factors):
            return "(" + "*".join(map(to_text, factors)) + ")"
        case Frac(n, d):
            return f"({to_text(n)})/({to_text(d)})"
        case Pow(b, x):
            return f"({to_text(b)})^({to_text(x)})"
        case Root(index, a):
            return f"root{index}({to_text(a)})"
        case Fn(name, a, power):
            return f"{name}({to_text(a)})" + (f"^{power}" if power != 1 else "")
        case Log(base, a):
            return f"log{base}({to_text(a)})"
        case Eq(lhs, rhs):
            return f"{to_text(lhs)} = {to_text(rhs)}"
    raise TypeError(f"not an expression node: {e!r}")


# ------------------------------------------------------------------------------------------------
# Rendering


@dataclass(frozen=True)
class Style:
    """How one side is written. Every choice is one a model makes in practice."""

    frac: str = "\\frac"  # or "\\dfrac"
    compact_frac: bool = False  # \frac12 when both parts are one character
    slash_frac: bool = False  # a/b for a fraction standing alone as a term
    times: str = ""  # "" (implicit), "\\cdot" or "\\times"
    tight_letters: bool = True  # 2xy rather than 2x y
    fn_args: str = "paren"  # "paren" \sin(x), "left" \sin\left(x\right), "bare" \sin x
    fn_power: str = "inside"  # "inside" \sin^2 x, "outside" (\sin x)^2, "after" \sin(x)^2
    braces: bool = True  # x^{2} rather than x^2
    left_right: bool = False  # \left( \right) around sub-expressions
    shuffle_seed: int | None = None  # reorder the terms of sums and the factors of products
    # A function application followed by a factor or a slash, wrapped in parentheses:
    # (\sin x) \cdot 2, (\ln 5)/(\ln 3), (\sin x)^2. Off, it stands as is: \sin(x) \cdot 2,
    # \sin x \cdot 2, \sin(x) y, \ln(5)/\ln(3), \ln 5/\ln 3, \sin(x)^2. The unwrapped forms were
    # the oracle's first finding (relift read the factor after the argument into it, until
    # commit dea13ab); they are drawn as often as the wrapped ones.
    wrap_fn: bool = False

    def shuffled(self, items: tuple[E, ...]) -> list[E]:
        out = list(items)
        if self.shuffle_seed is not None:
            # Seeded from the items' text, not hash(): str hashes change from run to run.
            random.Random(zlib.crc32(f"{self.shuffle_seed}|{items!r}".encode())).shuffle(out)
        return out


def render(e: E, style: Style) -> str:
    """The tree as LaTeX in ``style``."""
    return _Renderer(style).expr(e)


def _single_char(s: str) -> bool:
    return len(s) == 1 and s.isalnum()


class _Renderer:
    def __init__(self, style: Style) -> None:
        self.s = style

    def paren(self, text: str) -> str:
        return f"\\left({text}\\right)" if self.s.left_right else f"({text})"

    def group(self, text: str) -> str:
        """An exponent or an argument in braces, or bare where LaTeX allows one character."""
        return text if not self.s.braces and _single_char(text) else "{" + text + "}"

    def expr(self, e: E) -> str:
        match e:
            case Eq(lhs, rhs):
                return f"{self.expr(lhs)} = {self.expr(rhs)}"
            case Add(terms):
                return self.sum(terms)
            case Frac(n, d) if self.s.slash_frac:
                return f"{self.slash_part(n)}/{self.slash_part(d)}"
        return self.term(e)

    def sum(self, terms: tuple[E, ...]) -> str:
        out = ""
        for i, t in enumerate(self.s.shuffled(terms)):
            if isinstance(t, Neg):
                out += ("-" if i == 0 else " - ") + self.term(t.arg, in_sum=True)
            else:
                out += ("" if i == 0 else " + ") + self.term(t, in_sum=True)
        return out

    def slash_part(self, e: E) -> str:
        if isinstance(e, Int | Sym | Const | Root):
            return self.atom(e)
        if isinstance(e, Fn | Log) and not self.s.wrap_fn:
            return self.atom(e)  # \ln(5)/\ln(3), \ln 5/\ln 3: a bare argument ends at the slash
        return self.paren(self.expr(e))

    def term(self, e: E, in_sum: bool = False) -> str:
        """A product-level expression: a sum or an equation gets parentheses."""
        match e:
            case Add(_) | Eq(_, _):
                return self.paren(self.expr(e))
            case Neg(a):
                inner = self.term(a)
                return "-" + (self.paren(inner) if isinstance(a, Neg) else inner)
            case Mul(factors):
                return self.product(factors)
            case Frac(n, d) if in_sum and self.s.slash_frac:
                return f"{self.slash_part(n)}/{self.slash_part(d)}"
        return self.atom(e)

    def product(self, factors: tuple[E, ...]) -> str:
        # Numbers first: "2x", never "x2"; with an explicit operator any order reads the same.
        numbers = [f for f in factors if isinstance(f, Int | Dec)]
        others = [f for f in factors if not isinstance(f, Int | Dec)]
        ordered = numbers + self.s.shuffled(tuple(others))
        if not self.s.times:
            ordered = numbers + others if len(numbers) > 1 else ordered
        out = ""
        for i, f in enumerate(ordered):
            nxt = ordered[i + 1] if i + 1 < len(ordered) else None
            text = self.factor(f, nxt)
            if i == 0:
                out = text
            elif self.s.times or not self.may_juxtapose(ordered[i - 1], f, text):
                out += " " + (self.s.times or "\\cdot") + " " + text
            elif self.s.tight_letters and out[-1:].isalpha() and text[:1].isalpha():
                out += text
            else:
                out += " " + text if out[-1:].isalnum() or out[-1:] == "}" else text
        return out

    def may_juxtapose(self, prev: E, nxt: E, nxt_text: str) -> bool:
        if nxt_text[:1].isdigit() or nxt_text[:1] in "-.":
            return False
        # 2\frac12 is the mixed number 2 1/2, and \frac12\frac34 reads badly.
        return not (isinstance(prev, Int | Dec | Frac) and isinstance(nxt, Frac))

    def factor(self, e: E, nxt: E | None) -> str:
        match e:
            case Neg(_) | Add(_):
                return self.paren(self.expr(e))
            case Mul(factors):
                return self.paren(self.product(factors))
            case Fn(_) | Log(_) if nxt is not None:
                if self.s.wrap_fn:
                    return self.paren(self.atom(e))  # (\sin x) \cdot 2, (\sin x) y
                if self.s.times or isinstance(nxt, Fn | Log):
                    # \sin x \cdot 2 (a bare argument ends at \cdot or \times), and
                    # \sin x \cos x: a product in every reading.
                    return self.atom(e)
                # "\sin x y" is sin(xy) in every reading: parenthesise the argument (\sin(x) y).
                return self.atom(e, bare_ok=False)
        return self.atom(e)

    def bare_arg(self, a: E) -> bool:
        return isinstance(a, Int | Sym | Const) or (
            isinstance(a, Mul) and all(isinstance(f, Int | Sym | Const) for f in a.factors)
        )

    def atom(self, e: E, bare_ok: bool = True) -> str:
        match e:
            case Int(v):
                return str(v)
            case Dec(text):
                return text
            case Sym(name):
                return name
            case Const("pi"):
                return "\\pi"
            case Const(_):
                return "e"
            case Frac(n, d):
                return self.fraction(n, d)
            case Pow(b, x):
                return self.power(b, x)
            case Root(index, a):
                inner = self.expr(a)
                head = "\\sqrt" if index == 2 else f"\\sqrt[{index}]"
                if self.s.compact_frac and _single_char(inner):
                    return head + (inner if inner.isdigit() or index != 2 else " " + inner)
                return head + "{" + inner + "}"
            case Fn(name, a, power):
                return self.function(name, a, power, bare=bare_ok and self.s.fn_args == "bare")
            case Log(base, a):
                return f"\\log_{self.group(str(base))}" + self.fn_arg(a, bare=False)
            case Neg(_) | Add(_) | Mul(_) | Eq(_, _):
                return self.paren(self.expr(e))
        raise TypeError(f"not an expression node: {e!r}")

    def fraction(self, n: E, d: E) -> str:
        num, den = self.expr(n), self.expr(d)
        # \frac12 and \frac1x are LaTeX; "\fracxy" would be one unknown command.
        if self.s.compact_frac and num.isdigit() and len(num) == 1 and _single_char(den):
            return f"{self.s.frac}{num}{den}"
        return f"{self.s.frac}{{{num}}}{{{den}}}"

    def power(self, b: E, x: E) -> str:
        exp = self.group(self.expr(x))
        if isinstance(b, Const) and b.name == "e":
            return "e^{" + self.expr(x) + "}"
        if isinstance(b, Int | Sym | Const):
            return self.atom(b) + "^" + exp
        if isinstance(b, Fn) and b.power == 1:
            return self.paren(self.function(b.name, b.arg, 1, bare=True)) + "^" + exp
        return self.paren(self.expr(b)) + "^" + exp

    def function(self, name: str, a: E, power: int, *, bare: bool) -> str:
        # \sin 3x, never \sin 3 \cdot x or \ln 5 \cdot 10 (sin(3) x and 10 ln 5, to a reader and
        # to relift: a bare argument ends at \cdot, \times or /).
        bare = bare and self.bare_arg(a) and not (isinstance(a, Mul) and self.s.times)
        bare = bare and not any(op in self.expr(a) for op in ("\\cdot", "\\times", "/"))
        if name == "exp":
            return "\\exp" + self.fn_arg(a, bare=False) + (f"^{{{power}}}" if power != 1 else "")
        head = "\\" + name
        if power == 1:
            return head + self.fn_arg(a, bare=bare)
        exponent = "^" + self.group(str(power))
        if self.s.fn_power == "after" and not self.s.wrap_fn:
            return head + self.fn_arg(a, bare=False) + exponent
        if self.s.fn_power != "inside":
            return self.paren(head + self.fn_arg(a, bare=bare)) + exponent
        return head + exponent + self.fn_arg(a, bare=bare)

    def fn_arg(self, a: E, *, bare: bool) -> str:
        inner = self.expr(a)
        if bare:
            return " " + inner
        if self.s.fn_args == "left":
            return f"\\left({inner}\\right)"
        return f"({inner})"


def decimal_text(value: Fraction) -> str:
    """An exact decimal literal for a fraction whose denominator divides a power of ten."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
        if places > 30:
            raise ValueError(f"{value} has no finite decimal form")
    digits = str(int(value * 10**places)).rjust(places + 1, "0")
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"
