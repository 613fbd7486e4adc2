#!/usr/bin/env python3
"""Generate ``tests/data/verify_cases.jsonl``, the labelled corpus for the math-answer verifier.

Every line is one JSON object::

    {"response": str, "answer": str, "equal": bool, "category": str, "note": str}

``response`` is a full model output (a short chain of reasoning, then a final answer, usually in
``\\boxed{}``), ``answer`` is the reference, ``equal`` is the hand-assigned label and ``note`` says
why when the label is subtle.  The labels come from the hand-written tables below (mathematical
judgement under the verifier's documented conventions), never from running a verifier.

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

# The corpus deliberately contains look-alike Unicode characters (unicode category).
# ruff: noqa: RUF001

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

SEED = 20250611
OUT_DEFAULT = Path(__file__).with_name("verify_cases.jsonl")


class Pair(NamedTuple):
    """A final answer as the model writes it, the reference, and the label."""

    resp: str
    ref: str
    equal: bool
    note: str = ""


class Raw(NamedTuple):
    """A hand-written ending of a response (appended verbatim after generated reasoning)."""

    tail: str
    ref: str
    equal: bool
    note: str = ""


class Case(NamedTuple):
    """One line of the corpus."""

    response: str
    answer: str
    equal: bool
    category: str
    note: str

    def to_json(self) -> str:
        obj: dict[str, object] = {
            "response": self.response,
            "answer": self.answer,
            "equal": self.equal,
            "category": self.category,
        }
        if self.note:
            obj["note"] = self.note
        return json.dumps(obj, ensure_ascii=False)


def T(resp: str, ref: str, note: str = "") -> Pair:
    """An equal pair."""
    return Pair(resp, ref, True, note)


def F(resp: str, ref: str, note: str = "") -> Pair:
    """A not-equal pair."""
    return Pair(resp, ref, False, note)


# --------------------------------------------------------------------------------------------
# Reasoning filler: short, arithmetically correct sentences with some LaTeX and distractor numbers.
# --------------------------------------------------------------------------------------------

Sentence = Callable[[random.Random], str]


def _s_sum(r: random.Random) -> str:
    a, b = r.randint(2, 60), r.randint(2, 60)
    return f"First, we note that ${a} + {b} = {a + b}$."


def _s_product(r: random.Random) -> str:
    a, b = r.randint(2, 15), r.randint(2, 15)
    return f"Since ${a} \\times {b} = {a * b}$, we can simplify the expression further."


def _s_frac(r: random.Random) -> str:
    a, b = r.randint(1, 9), r.randint(2, 12)
    return f"We can rewrite the ratio as $\\frac{{{a}}}{{{b}}}$ and keep it exact for now."


def _s_square(r: random.Random) -> str:
    a = r.randint(3, 25)
    return f"Let me double-check a step: ${a}^2 = {a * a}$, as used above."


def _s_sqrt(r: random.Random) -> str:
    a = r.randint(2, 20)
    return f"Note that $\\sqrt{{{a * a}}} = {a}$."


def _s_cases(r: random.Random) -> str:
    n = r.randint(2, 6)
    return f"There are {n} cases to consider, and we handle them one at a time."


def _s_subst(r: random.Random) -> str:
    return r.choice(
        [
            "Substituting back into the original equation confirms the value.",
            "By symmetry, the two remaining cases contribute equally.",
            "This is consistent with the constraint we found earlier.",
            "Wait, let me recheck the arithmetic. Yes, that step is correct.",
            "Now we combine the two partial results.",
            "Hmm, that approach gets messy, so let's try a cleaner substitution.",
            "We should make sure no case was counted twice.",
        ]
    )


def _s_disc(r: random.Random) -> str:
    b, a, c = r.randint(2, 9), r.randint(1, 3), r.randint(1, 5)
    d = b * b - 4 * a * c
    return f"The discriminant is $b^2 - 4ac = {b}^2 - 4 \\cdot {a} \\cdot {c} = {d}$."


def _s_mod(r: random.Random) -> str:
    a, m = r.randint(20, 200), r.randint(3, 11)
    return f"Working modulo {m}, we have ${a} \\equiv {a % m} \\pmod{{{m}}}$."


def _s_setup(r: random.Random) -> str:
    k = r.randint(2, 9)
    return f"Let $x$ be the unknown quantity; multiplying both sides by ${k}$ clears the fraction."


SENTENCES: list[Sentence] = [
    _s_sum,
    _s_product,
    _s_frac,
    _s_square,
    _s_sqrt,
    _s_cases,
    _s_subst,
    _s_disc,
    _s_mod,
    _s_setup,
]

INTROS = [
    "Let's work through this step by step.",
    "We need to find the requested quantity.",
    "To solve this problem, we set up the relevant equations.",
    "Let me think about this carefully.",
    "I'll start by understanding what the question asks.",
    "We begin by organizing the given information.",
]


def reasoning(r: random.Random, n: int) -> str:
    return " ".join(r.choice(SENTENCES)(r) for _ in range(n))


def intro(r: random.Random) -> str:
    return r.choice(INTROS)


_PLAIN = re.compile(r"^[-+]?[0-9][0-9.,]*$|^[A-Za-z][A-Za-z ]*$")


def inline(ans: str) -> str:
    """How a model writes an answer in running text: bare when plain, else in ``$...$``."""
    if _PLAIN.match(ans) or not any(c in ans for c in "\\^_{}"):
        return ans
    return f"${ans}$"


# --------------------------------------------------------------------------------------------
# Response templates.
# --------------------------------------------------------------------------------------------

Template = Callable[[str, random.Random], str]


def t_box_final(a: str, r: random.Random) -> str:
    return f"{intro(r)}\n\n{reasoning(r, 3)}\n\nTherefore, the final answer is $\\boxed{{{a}}}$."


def t_box_inline(a: str, r: random.Random) -> str:
    return f"{reasoning(r, 2)} So the answer is \\boxed{{{a}}}."


def t_box_display(a: str, r: random.Random) -> str:
    return (
        f"{intro(r)} {reasoning(r, 3)}\n\n"
        f"Putting everything together, we obtain\n\\[\n\\boxed{{{a}}}\n\\]"
    )


def t_box_think(a: str, r: random.Random) -> str:
    return (
        f"<think>\n{intro(r)} {reasoning(r, 3)}\n</think>\n\n{reasoning(r, 1)}\n\n"
        f"**Final Answer**\n\\[ \\boxed{{{a}}} \\]"
    )


def t_box_steps(a: str, r: random.Random) -> str:
    return (
        f"## Step 1: Understand the problem\n{intro(r)}\n\n"
        f"## Step 2: Compute\n{reasoning(r, 2)}\n\n"
        f"## Step 3: Conclude\n{reasoning(r, 1)}\n\n"
        f"The final answer is: $\\boxed{{{a}}}$"
    )


def t_box_result(a: str, r: random.Random) -> str:
    return f"**Solution.** {reasoning(r, 3)} Hence the result is $\\boxed{{{a}}}$. Done."


def t_answer_is(a: str, r: random.Random) -> str:
    return f"{intro(r)} {reasoning(r, 3)}\n\nThe answer is {inline(a)}."


def t_minerva(a: str, r: random.Random) -> str:
    return f"{reasoning(r, 3)}\n\nFinal Answer: The final answer is ${a}$. I hope it is correct."


def t_answer_colon(a: str, r: random.Random) -> str:
    return f"{intro(r)} {reasoning(r, 2)}\n\n**Answer:** {inline(a)}"


def t_last_dollar(a: str, r: random.Random) -> str:
    return f"{reasoning(r, 3)} Simplifying, we get ${a}$."


def t_last_number(a: str, r: random.Random) -> str:
    return f"{intro(r)} {reasoning(r, 3)} Adding everything up, the total comes to {a}."


BOX_TEMPLATES: list[Template] = [
    t_box_final,
    t_box_inline,
    t_box_display,
    t_box_think,
    t_box_steps,
    t_box_result,
]
TEXT_TEMPLATES: list[Template] = [t_answer_is, t_minerva, t_answer_colon]


def render_default(a: str, r: random.Random) -> str:
    """85% boxed, 15% "The answer is"-style endings."""
    if r.random() < 0.85:
        return r.choice(BOX_TEMPLATES)(a, r)
    return r.choice(TEXT_TEMPLATES)(a, r)


def render_box(a: str, r: random.Random) -> str:
    return r.choice(BOX_TEMPLATES)(a, r)


def maybe_wrap_ref(ref: str, r: random.Random) -> str:
    """References are bare LaTeX mostly, sometimes in ``$...$`` or ``\\boxed{}``."""
    if "$" in ref or "\\boxed" in ref or re.fullmatch(r"[A-Za-z ]{2,}", ref):
        return ref
    x = r.random()
    if x < 0.07:
        return f"${ref}$"
    if x < 0.11:
        return f"\\boxed{{{ref}}}"
    return ref


# --------------------------------------------------------------------------------------------
# Hand-written answer pairs, one table per category (packed by hand, so the formatter skips them).
# --------------------------------------------------------------------------------------------

# fmt: off

INTEGER: list[Pair] = [
    T("42", "42"), F("42", "43"), T("-7", "-7"), F("-7", "7"), T("0", "0"),
    T("-0", "0", "-0 is 0"), T("007", "7", "leading zeros do not change the value"),
    T("+5", "5"), T("5.0", "5"), T("5.00", "5"), F("4.9", "5"), T("1000000", "1000000"),
    T("10^6", "1000000"), T("2^{10}", "1024"), F("2^{10}", "1000"), T("3!", "6"),
    T(r"\binom{5}{2}", "10"), T(r"{5 \choose 2}", "10"), F("12", "21"), F("100", "1000"),
    T("123456789", "123456789"), F("123456789", "123456788"), T("  17 ", "17"),
    T(r"\mathbf{17}", "17"), T(r"\textbf{17}", "17"),
    T("17.", "17", "a trailing period inside the box is punctuation"),
    T(r"6\cdot 7", "42"), T(r"6 \times 7", "42"), T("40+2", "42"), T("42", "42.0"),
    T("-(-3)", "3"), T("|-3|", "3"), T(r"\lfloor 3.7 \rfloor", "3"),
    F(r"\lceil 3.2 \rceil", "3", "the ceiling of 3.2 is 4"), T(r"\lceil 3.2\rceil", "4"),
    F("999", "1000"), F("2024", "2025"), F("1", "-1"), T(r"\sqrt{16}", "4"),
    F(r"\sqrt{15}", "4"), T(r"\frac{84}{2}", "42"), T("84/2", "42"), F("8", "80"),
    F("2^{3}", "9"), T("5", r"\text{5}"), T("256", "2^8"), F("255", "2^8"), T("-12", "-12"),
    F("-12", "-21"), T("1001", "7 \\cdot 11 \\cdot 13"), T("64", "4^3"), F("63", "4^3"),
]

DECIMAL: list[Pair] = [
    T("0.5", "0.5"), T("0.50", "0.5"), T(".5", "0.5"), T("0.5", r"\frac12"),
    T(r"\frac{1}{2}", "0.5"),
    F("0.3333", r"\frac13", "a truncated decimal is not exactly 1/3"),
    T(r"0.\overline{3}", r"\frac13", "repeating decimal notation"),
    F("0.33", r"\frac{1}{3}", "an exact reference does not accept a rounded decimal"),
    T(r"\frac{1}{3}", "0.33", "decimal reference: 1/3 rounds to 0.33 at two places"),
    F("0.333", "0.33", "a different decimal is not accepted by a decimal reference"),
    T("0.33", "0.33"), T(r"\frac{2}{3}", "0.67", "2/3 rounds to 0.67"),
    F(r"\frac{2}{3}", "0.66", "2/3 rounds to 0.67, not 0.66"), T("3.14", "3.14"),
    F("3.14", "3.141"), T("3.140", "3.14"), T("2.5", "2.50"), F("2.5", "25"),
    T("-0.25", r"-\frac14"), F("-0.25", "0.25"), T("1.5", r"\frac{3}{2}"), F("1.05", "1.5"),
    F("0.1", "0.01"), T("0.125", r"\frac18"), T("12.75", "12.75"), F("12.75", "12.57"),
    T("0.0001", "10^{-4}"), T("1.0", "1"),
    F("2.718", "e", "an irrational reference does not accept a decimal approximation"),
    T("0.2", r"\frac{1}{5}"), T(r"\frac{7}{8}", "0.875"),
    F("0.875", "0.88", "a different decimal is not accepted by a decimal reference"),
    T(r"\frac{5}{6}", "0.83"), T(r"\frac{1}{7}", "0.142857", "1/7 rounds to 0.142857"),
    T(r"\frac{1}{7}", "0.143"), T(r"\frac{1}{7}", "0.14"), F(r"\frac{1}{7}", "0.15"),
    T("4.50", "4.5"), T("100.0", "100"), F("0.05", "0.5"), T("1.25", r"\frac{5}{4}"),
    F("6.02", "6.2"), T("-1.5", r"-\frac{3}{2}"),
    F(r"\frac{3}{2}", "1.6", "3/2 is 1.5 at one place"), T(r"\frac{1}{6}", "0.17"),
    F(r"\frac{1}{6}", "0.16", "1/6 rounds to 0.17"),
]

THOUSANDS: list[Pair] = [
    T("1,000", "1000"), T("1{,}000", "1000"), T(r"1\,000", "1000"),
    T("1\u2009000", "1000", "thin space (U+2009) as thousands separator"),
    T(r"811\,140\,892", "811140892"), T("811{,}140{,}892", "811140892"),
    T("811,140,892", "811140892"), T("1,234,567", "1234567"), F("1,234,567", "1234576"),
    T("12,345", "12345"), F("12,345", "12354"), T("1,000,000", "10^6"), T("2{,}024", "2024"),
    F("10{,}000", "1000"), T("1,000", "1,000"), T("1000", "1{,}000"), T("1000", r"1\,000"),
    T("3,600", "3600"), F("3,600", "360"), T("1,000.5", "1000.5"), T("1{,}234.56", "1234.56"),
    T(r"1\,234.56", "1234.56"), F("1,234.56", "1234.65"), T(r"\$1,200", "1200"),
    T("65{,}536", "2^{16}"), F("65,536", "65535"), T(r"100\,000", "100000"),
    F(r"100\,000", "10000"), T("1\u2009000\u2009000", "1000000"), T("7\u2009500", "7500"),
    F("7\u2009500", "750"), T("9{,}999", "9999"), F("9,999", "10000"), T("1,001", "1001"),
    T("4,096", "4096"), F(r"4\,096", "4906"), T("999{,}999{,}999", "999999999"),
    T("123,456,789", "123456789"),
    F("1,000", "1", "1,000 with a three-digit group is one thousand, not the list 1, 0"),
    T("2,500", "2500"), F("2,500", "2.5", "comma is a thousands separator here, not a decimal"),
]

FRACTION: list[Pair] = [
    T(r"\frac{1}{2}", r"\frac12"), T(r"\dfrac{1}{2}", r"\frac{1}{2}"),
    T(r"\tfrac{1}{2}", r"\frac{1}{2}"), T("1/2", r"\frac{1}{2}"), T(r"\frac12", r"\frac{1}{2}"),
    T(r"\frac1{2}", r"\frac{1}{2}"), T(r"\frac{2}{4}", r"\frac{1}{2}"),
    F(r"\frac{1}{2}", r"\frac{2}{1}"), F(r"\frac{3}{4}", r"\frac{4}{3}"),
    T(r"\frac{-3}{4}", r"-\frac{3}{4}"), T(r"-\frac{3}{4}", r"\frac{3}{-4}"),
    F(r"\frac{3}{4}", r"-\frac34"), T(r"\frac{10}{15}", r"\frac{2}{3}"),
    F(r"\frac{10}{16}", r"\frac{2}{3}"), T(r"\dfrac{22}{7}", r"\frac{22}{7}"),
    F(r"\frac{22}{7}", r"\pi"), T(r"\frac{6}{3}", "2"), F(r"\frac{7}{3}", "2"),
    T(r"\frac{1}{2}+\frac{1}{3}", r"\frac{5}{6}"), F(r"\frac{1}{2}+\frac{1}{3}", r"\frac{2}{5}"),
    T(r"\frac{\frac{1}{2}}{3}", r"\frac16"), T(r"\frac{1}{\frac{2}{3}}", r"\frac32"),
    T(r"\cfrac{1}{2}", r"\frac12"), T(r"{1 \over 2}", r"\frac12"), T(r"\frac{1}{2}", "1/2"),
    T("3/4", "0.75"), F("3/4", "3/5"), T(r"\frac{12}{5}", "2.4"),
    T(r"\frac{100}{3}", "33.33", "100/3 rounds to 33.33"), T(r"\frac{100}{3}", "33.3"),
    T(r"\frac{13}{17}", r"\frac{13}{17}"), F(r"\frac{13}{17}", r"\frac{17}{13}"),
    F(r"\frac{14}{3}", r"\frac{41}{3}"), T(r"\frac{9}{12}", r"\frac{3}{4}"),
    T(r"\frac {5} {8}", r"\frac58"), T(r"\dfrac58", r"\frac{5}{8}"), T(r"\tfrac{5}{8}", "0.625"),
    F("5/8", r"\frac{5}{9}"), T(r"\frac{-1}{-2}", r"\frac12"), T(r"\frac{0}{5}", "0"),
    T(r"\frac{1}{1000}", "0.001"), F(r"\frac{1}{1000}", "0.01"),
    T(r"\left(\frac{1}{2}\right)", r"\frac{1}{2}", "parentheses around one value group it"),
    F(r"\frac{255}{256}", "1"), F(r"\frac{999}{1000}", "1"), T(r"\frac{2}{3}", r"\frac{2}{3}"),
]

MIXED: list[Pair] = [
    T(r"2\frac{1}{2}", r"\frac52", "mixed number: 2 1/2 = 5/2"), T(r"2\frac{1}{2}", "2.5"),
    F(r"2\frac{1}{2}", "1", "a mixed number is a sum, not 2 times 1/2"),
    T(r"3\frac{3}{4}", r"\frac{15}{4}"), F(r"3\frac{3}{4}", r"\frac{9}{4}", "not a product"),
    T(r"1\frac{1}{3}", r"\frac43"), F(r"1\frac{1}{3}", r"\frac13"),
    T(r"-2\frac{1}{2}", r"-\frac52", "a negative mixed number is -(2 + 1/2)"),
    F(r"-2\frac{1}{2}", r"-\frac32", "-2 1/2 is not -2 + 1/2"),
    T(r"5\frac{2}{3}", r"\frac{17}{3}"), F(r"5\frac{2}{3}", r"\frac{10}{3}", "not a product"),
    T(r"\frac{7}{2}", r"3\frac12"), T("3.5", r"3\frac{1}{2}"), T(r"3\frac{1}{2}", r"3\frac{1}{2}"),
    T(r"3 \frac{1}{2}", r"\frac72"), T(r"3\dfrac{1}{2}", "3.5"), T(r"3\tfrac12", "3.5"),
    T(r"4\frac{1}{4}", "4.25"), F(r"4\frac{1}{4}", "4.2"), T(r"12\frac{1}{2}", r"\frac{25}{2}"),
    F(r"12\frac{1}{2}", "6", "not a product"), T(r"1\frac{1}{2}", r"\frac{3}{2}"),
    F(r"1\frac{1}{2}", r"\frac{1}{2}"), T(r"10\frac{3}{5}", "10.6"),
    T(r"10\frac{3}{5}", r"\frac{53}{5}"), F(r"10\frac{3}{5}", "6", "not a product"),
    T(r"2\frac{2}{4}", r"2\frac12"), T(r"7\frac{1}{8}", r"\frac{57}{8}"),
    F(r"7\frac{1}{8}", r"\frac{7}{8}"), T(r"6\frac{2}{3}", r"\frac{20}{3}"),
    F(r"6\frac{2}{3}", "4", "6 * 2/3 = 4 is the product misreading"),
    T(r"2\frac{1}{2}\text{ hours}", "2.5"),
    T("2 1/2", "5/2", "plain-text mixed number"),
]

SCIENTIFIC: list[Pair] = [
    T(r"8.3\times10^9", "8300000000"), T(r"8.3 \times 10^{9}", r"8.3\times10^9"),
    T("8.3e9", r"8.3\times 10^{9}"), T(r"8.3\cdot 10^{9}", r"8.3\times10^9"),
    F(r"8.3\times10^{8}", r"8.3\times10^9"), T(r"8.3\times 10^9", r"83\times10^8"),
    T(r"3.0\times10^{8}", r"3\times10^8"), T(r"3\times10^{8}", "300000000"),
    F(r"3\times10^{8}", "30000000"), T(r"6.02\times10^{23}", r"6.02\times10^{23}"),
    F(r"6.02\times10^{23}", r"6.022\times10^{23}"),
    F(r"6.022\times 10^{23}", r"6.02\times10^{23}", "a different decimal mantissa"),
    T(r"1.6\times10^{-19}", "1.6e-19"), F(r"1.6\times10^{-19}", r"1.6\times10^{19}"),
    T("1.6E-19", r"1.6\times 10^{-19}"), T(r"2.5\times10^{-3}", "0.0025"),
    F(r"2.5\times10^{-3}", "0.025"), T("10^{3}", "1000"), T(r"1\times10^{3}", "1000"),
    T(r"1.2\times10^{5}", "120000"), F(r"1.2\times10^{5}", "12000"),
    T("9.81", r"9.81\times10^{0}"), T(r"4.5 \cdot 10^{6}", "4500000"),
    F(r"4.5 \cdot 10^{6}", r"4.5\times 10^{5}"), T("5e-3", "0.005"), T("5e3", "5000"),
    F("5e3", "500"), T(r"1.0 \times 10^{-6}", "10^{-6}"), T(r"7.5\times 10^{2}", "750"),
    F(r"7.5 \times 10^{2}", "75"), T(r"2\times 10^{10}", r"2\times10^{10}"),
    F(r"2\times 10^{10}", r"2\times 10^{11}"), T(r"1.23\times10^{4}", "12300"),
    F(r"1.23\times10^{4}", "12340"), T(r"3.00 \times 10^{8}\text{ m/s}", r"3\times10^{8}"),
    T(r"6.674\times10^{-11}", r"6.674\times 10^{-11}"),
    F(r"6.674\times10^{-11}", r"6.674\times10^{-12}", "off by a factor of ten at a tiny scale"),
]

PERCENT: list[Pair] = [
    T(r"50\%", "50"), T(r"50\%", "0.5"), T(r"50\%", r"\frac12"), T("50", r"50\%"),
    T("0.5", r"50\%"), F(r"50\%", "5"), F(r"50\%", "0.05"), T(r"25\%", r"\frac14"),
    T(r"25\%", "25"), F(r"25\%", r"20\%"), T(r"12.5\%", "0.125"), T(r"12.5\%", "12.5"),
    F(r"12.5\%", "1.25"),
    F(r"33.3\%", r"\frac13", "a truncated percentage is not exactly 1/3"),
    T(r"33\frac{1}{3}\%", r"\frac13"), T(r"100\%", "1"), T(r"100\%", "100"),
    T(r"200\%", "2"), T(r"5\%", "0.05"), F(r"5\%", "0.5"), T(r"50 \%", "50"),
    T(r"50\text{\%}", "50"), T("50 percent", "50"), T(r"50\%", r"50\%"), T(r"75\%", r"75\%"),
    F(r"75\%", r"57\%"), T(r"60\%", "0.6"), F(r"60\%", "6"), T("0.6", r"60\%"),
    T("0.06", r"6\%"), T(r"40\%", r"\frac{2}{5}"), F(r"40\%", r"\frac{2}{3}"),
    T(r"150\%", "1.5"), F(r"15\%", "1.5"), T(r"20\%", r"20 \%"), T(r"37.5\%", r"\frac38"),
    T(r"62.5\%", r"\frac{5}{8}"), F(r"62.5\%", r"\frac{5}{8}\%", "5/8 percent is 0.00625"),
]

UNITS: list[Pair] = [
    T(r"5\text{ cm}", "5"), T(r"5 \text{cm}", "5"), T(r"5\,\text{cm}", "5"),
    T(r"5\text{ cm}", r"5\text{ cm}"), F(r"5\text{ cm}", "6"), T(r"\$12.50", "12.50"),
    T(r"\$12.50", "12.5"), F(r"\$12.50", "12.05"), T(r"\$12", "12"),
    T(r"12 \text{ dollars}", "12"), T(r"12\text{ dollars}", r"\$12"),
    T(r"12\text{ meters}", "12"), F(r"12\text{ meters}", "120"), T(r"7\mbox{ apples}", "7"),
    F(r"7\mbox{ apples}", "8"), T(r"3 \text{ hours}", "3"), T(r"45\text{ minutes}", "45"),
    F(r"45\text{ minutes}", "0.75", "units are ignored, not converted"),
    T(r"10\text{ m}^2", "10"), F(r"10 \text{ m}^2", "100"), T(r"10\ \text{cm}^3", "10"),
    T(r"\text{5}", "5"), T(r"\textbf{5 cm}", "5"), T(r"20\text{ km/h}", "20"),
    T(r"20 \mathrm{km/h}", "20"), T(r"9.8\text{ m/s}^2", "9.8"), T(r"4\text{ inches}", "4"),
    F(r"4\text{ inches}", r"\frac{1}{3}", "units are ignored, not converted"),
    T(r"60\text{ mph}", "60"), F(r"2\text{ kg}", "2000", "units are ignored, not converted"),
    T(r"36 \text{ square units}", "36"), T(r"36\text{ sq ft}", "36"),
    T(r"\text{36 square feet}", "36"), T(r"8 \text{ students}", "8"),
    F(r"8 \text{ students}", "9"), T(r"1{,}500 \text{ dollars}", "1500"),
    T(r"15 \text{ cents}", "15"), F(r"\$0.15", "15", "0.15 is not 15 once units are ignored"),
    T(r"250\text{ mL}", "250"), T(r"100\text{ g}", "100"), F(r"100\text{ g}", "10"),
    T(r"\text{12 eggs}", "12"),
]

DEGREES: list[Pair] = [
    T(r"30^\circ", "30"), T("30°", "30"), T(r"30^{\circ}", "30"), T(r"30\degree", "30"),
    T(r"30^\circ", r"\frac{\pi}{6}", "degrees convert to radians"),
    T(r"\frac{\pi}{6}", r"30^\circ"), T("30", r"30^\circ"), F(r"30^\circ", "60"),
    F(r"30^\circ", r"\frac{\pi}{3}"), T(r"45^\circ", r"\frac{\pi}{4}"),
    T(r"45^{\circ}", r"45^\circ"), T(r"90^\circ", r"\frac{\pi}{2}"), T("90°", "90"),
    F("90°", "180"), T(r"120^\circ", r"\frac{2\pi}{3}"), F(r"120^\circ", r"\frac{3\pi}{2}"),
    T(r"180^\circ", r"\pi"), T(r"360^\circ", r"2\pi"), T(r"60^\circ", r"60^{\circ}"),
    T(r"60 ^ \circ", "60"), T(r"60\,^\circ", "60"), T(r"72^\circ", "72"), F(r"72^\circ", "27"),
    T(r"22.5^\circ", "22.5"), T(r"22.5^\circ", r"\frac{\pi}{8}"), T(r"135^{\circ}", "135"),
    F(r"135^{\circ}", "145"), T(r"15^\circ", r"\frac{\pi}{12}"), F(r"15^\circ", r"\frac{\pi}{15}"),
    T(r"100^\circ", "100"), T(r"30 \text{ degrees}", "30"), T(r"30\text{°}", "30"),
    T(r"\angle ABC = 40^\circ", "40"), F(r"40^\circ", r"50^\circ"),
    T(r"210^\circ", r"\frac{7\pi}{6}"), F(r"210^\circ", r"\frac{5\pi}{6}"), T(r"1^\circ", "1"),
    F(r"\frac{\pi}{6}", "30", "neither side carries a degree sign, so pi/6 is just 0.5236"),
]

IRRATIONAL: list[Pair] = [
    T(r"\frac{\sqrt{2}}{2}", r"\frac{1}{\sqrt2}"), T(r"2\sqrt{3}", r"\sqrt{12}"),
    T(r"\log_2 8", "3"), T(r"\sin\frac{\pi}{6}", r"\frac12"),
    F("3.14159", r"\pi", "an exact reference does not accept a decimal approximation"),
    T(r"\pi", "3.14", "decimal reference: pi rounds to 3.14 at two places"),
    F("1.414", r"\sqrt{2}", "an irrational reference does not accept 1.414"),
    T(r"\sqrt{2}", "1.414", "decimal reference: sqrt(2) rounds to 1.414"),
    T(r"\sqrt{8}", r"2\sqrt{2}"), F(r"\sqrt{8}", r"4\sqrt{2}"), T(r"3\sqrt{2}", r"\sqrt{18}"),
    F(r"3\sqrt{2}", r"\sqrt{17}"), T(r"\sqrt{3}", "3^{1/2}"), T(r"\sqrt[3]{8}", "2"),
    T(r"\sqrt[3]{27}", "3"), F(r"\sqrt[3]{9}", "3"), T(r"2\pi", r"\pi\cdot 2"),
    F(r"2\pi", r"\pi^2"), F(r"\frac{\pi}{2}", r"\frac{\pi}{3}"), T("e^2", r"e\cdot e"),
    T(r"e^{\ln 5}", "5"), T(r"\ln e", "1"), T(r"\ln 8", r"3\ln 2"), F(r"\ln 8", r"2\ln 3"),
    T(r"\log_{10} 1000", "3"), T(r"\log_3 81", "4"), F(r"\log_3 81", "3"),
    T(r"\cos\frac{\pi}{3}", r"\frac12"), F(r"\cos\frac{\pi}{3}", r"\frac{\sqrt3}{2}"),
    T(r"\tan\frac{\pi}{4}", "1"), T(r"\sin\frac{\pi}{3}", r"\frac{\sqrt{3}}{2}"),
    T(r"\frac{\sqrt{3}}{3}", r"\frac{1}{\sqrt{3}}"),
    F(r"\frac{\sqrt{3}}{3}", r"\frac{\sqrt{3}}{2}"),
    T(r"\sqrt{2}+\sqrt{3}", r"\sqrt{5+2\sqrt{6}}", "denested radical"),
    F(r"\sqrt{2}+\sqrt{3}", r"\sqrt{5}"), T(r"1+\sqrt{5}", r"\sqrt{5}+1"),
    T(r"\frac{1+\sqrt{5}}{2}", r"\frac{1}{2}+\frac{\sqrt5}{2}"),
    F(r"\frac{1+\sqrt{5}}{2}", r"\frac{1-\sqrt{5}}{2}"),
    T(r"\frac{1+\sqrt{5}}{2}", "1.618", "decimal reference: 1.6180... rounds to 1.618"),
    T(r"4\pi", "12.566", "4 pi = 12.56637 rounds to 12.566"), T(r"4\pi", "12.57"),
    F(r"4\pi", "12.56", "4 pi = 12.566 rounds to 12.57, not 12.56"), T(r"\pi", r"\pi"),
    T(r"e", "2.71828", "e = 2.7182818 rounds to 2.71828"), T(r"\sqrt{50}", r"5\sqrt{2}"),
    F(r"\sqrt{50}", r"25\sqrt{2}"), T(r"\frac{\sqrt{6}}{4}", r"\frac{\sqrt{3}}{2\sqrt{2}}"),
    T("2^{1/2}", r"\sqrt2"), F(r"\sqrt{2}", r"\sqrt{2.0001}", "near miss"),
    T(r"\pi^2/6", r"\frac{\pi^2}{6}"), T(r"\frac{\pi^2}{6}", "1.6449", "1.644934 rounds to 1.6449"),
    T(r"\arctan 1", r"\frac{\pi}{4}"), T(r"\arcsin 1", r"\frac{\pi}{2}"),
    F(r"\arccos 0", r"\pi", "arccos 0 is pi/2"), T(r"10\sqrt{2}", r"\sqrt{200}"),
    F("14.142", r"10\sqrt{2}", "an exact reference does not accept a decimal approximation"),
]

TINY: list[Pair] = [
    F(r"\frac{1}{2^{99}}", r"\frac{1}{2^{98}}", "both are tiny but differ by a factor of 2"),
    T("2^{-30}", r"\frac{1}{1073741824}"),
    F("10^{-20}", "10^{-21}", "an absolute tolerance would wrongly accept this"),
    T("10^{-20}", "10^{-20}"), F("10^{-20}", "0", "tiny is not zero"), F("0", "10^{-20}"),
    T(r"1.0\times10^{-20}", "10^{-20}"), T("10^{-20}", "0.00000000000000000001"),
    F("10^{-20}", "0.0000000000000000001", "that reference is 10^{-19}"),
    T(r"\frac{1}{2^{100}}", "2^{-100}"), F(r"\frac{1}{2^{100}}", "2^{-101}"),
    T(r"\frac{1}{3^{50}}", "3^{-50}"), F(r"\frac{1}{3^{50}}", "3^{-49}"),
    F("1+10^{-15}", "1", "exact values differ, below double-precision resolution"),
    F("1+10^{-12}", "1"), F("1-10^{-9}", "1"), T("1-10^{-9}", "0.999999999"),
    F(r"\frac{1}{1000000007}", r"\frac{1}{1000000009}"),
    T(r"\frac{1}{10^{9}+7}", r"\frac{1}{1000000007}"),
    T(r"6.626\times10^{-34}", r"6.626\times10^{-34}"),
    F(r"6.626\times10^{-34}", r"6.626\times10^{-35}"),
    T(r"9.109\times10^{-31}", "9.109e-31"), F(r"9.109\times 10^{-31}", r"9.11\times10^{-31}"),
    T(r"\frac{1}{2^{64}}", r"\frac{1}{18446744073709551616}"),
    F(r"\frac{1}{2^{64}}", r"\frac{1}{18446744073709551615}",
      "off by one in a 20-digit denominator"),
    F("2^{-50}", "0"), T(r"\left(\frac12\right)^{60}", "2^{-60}"),
    F(r"\left(\frac12\right)^{60}", "2^{-61}"),
    T(r"\binom{100}{50}^{-1}", r"\frac{1}{\binom{100}{50}}"), F("10^{-100}", "10^{-99}"),
    T("10^{-100}", r"\frac{1}{10^{100}}"), F(r"5\times10^{-324}", "0", "below the smallest double"),
    T(r"\frac{1}{7^{30}}", "7^{-30}"), F(r"\frac{1}{7^{30}}", r"\frac{1}{7^{31}}"),
    F("10^{20}+1", "10^{20}", "differs in the 21st significant digit"),
    T("2^{64}", "18446744073709551616"),
    F("2^{64}", "18446744073709551615", "off by one beyond double precision"),
    T(r"\frac{1}{2^{99}}", r"\frac{2}{2^{100}}"),
]

SYMBOLIC: list[Pair] = [
    T("(x+1)^2", "x^2+2x+1"), T("x^2+2x+1", "(x+1)^2"), T("0.5x", r"\frac{x}{2}"),
    T(r"\frac{x}{2}", "0.5x"), T(r"\sin^2 x + \cos^2 x", "1"), F("(x+1)^2", "x^2+1"),
    T("x^2-1", "(x-1)(x+1)"), F("x^2-1", "(x-1)^2"), T("2x+3", "3+2x"), F("2x+3", "2x-3"),
    T(r"\frac{x^2-1}{x-1}", "x+1", "equal after cancelling the common factor"),
    T("a^2-b^2", "(a-b)(a+b)"), F("a^2-b^2", "(a-b)^2"),
    T(r"\frac{1}{x}+\frac{1}{y}", r"\frac{x+y}{xy}"),
    F(r"\frac{1}{x}+\frac{1}{y}", r"\frac{1}{x+y}"),
    T(r"2\sin x\cos x", r"\sin 2x"), F(r"\sin 2x", r"2\sin x"), T("e^{x}e^{y}", "e^{x+y}"),
    T("x^3", r"x\cdot x\cdot x"), F("x^3", "3x"), T("3(x-2)", "3x-6"), F("3(x-2)", "3x-2"),
    T(r"\frac{2x}{4}", r"\frac{x}{2}"), T("x y", "yx"), F("xy", "x+y"),
    T("n(n+1)/2", r"\frac{n^2+n}{2}"), F(r"\frac{n(n+1)}{2}", r"\frac{n(n-1)}{2}"),
    T("2^{n+1}", r"2\cdot 2^n"), F("2^{n+1}", "2^n+1"), T("(a+b)^3", "a^3+3a^2b+3ab^2+b^3"),
    F("(a+b)^3", "a^3+b^3"), T(r"\frac{\pi r^2}{2}", r"\frac12\pi r^2"),
    F(r"4\pi r^2", r"4\pi r^3"), T("k^2+k", "k(k+1)"), T("x^{2}", "x^2"), T("x^2y", "yx^2"),
    T(r"\cos^2 x-\sin^2 x", r"\cos 2x"), F(r"\cos^2 x-\sin^2 x", r"\cos^2 x"),
    T(r"1-\cos^2\theta", r"\sin^2\theta"), T(r"\frac{x+1}{2}", r"\frac{x}{2}+\frac12"),
    F(r"\frac{x+1}{2}", r"\frac{x}{2}+1"), F("x^2+2x+1", "x^2+2x+2", "near miss"),
    T(r"\sqrt{x}", "x^{1/2}"), F(r"\sqrt{x}", "x^{2}"), T("6n^2", "6 n^{2}"),
    F("y", "x", "different variables"), F("2a", "2b"), F(r"\frac{a}{b}", r"\frac{b}{a}"),
    F("ab^2", "a^2b"),
]

EQUATION: list[Pair] = [
    T("x=3", "3"), T("3", "x=3"), T("y=2x+1", "2x+1"), T("2x+1", "y=2x+1"),
    T("2x+4y=6", "x+2y=3", "same line, scaled by 2"), F("x+2y=4", "x+2y=3"), T("x=3", "x=3"),
    F("x=3", "x=4"), T("x = -2", "-2"), F("x=-2", "2"), F("y=2x+1", "y=2x-1"),
    T("y = 2x + 1", "y=1+2x"), T("y-1=2x", "y=2x+1"), T("2y=4x+2", "y=2x+1"), T("y=x^2", "x^2"),
    T("f(x)=x^2+1", "x^2+1"), F("f(x) = x^2 + 1", "x^2-1"), T("a=5", "5"), T("n = 12", "12"),
    F("n=12", "13"), T(r"k = \frac{1}{2}", r"\frac12"), T("k=0.5", r"\frac12"),
    T("x^2+y^2=25", "x^2+y^2=25"), F("x^2+y^2=25", "x^2+y^2=5"),
    T("(x-1)^2+(y+2)^2=9", "x^2-2x+y^2+4y-4=0", "expanded form of the same circle"),
    F("(x-1)^2+(y+2)^2=9", "(x+1)^2+(y-2)^2=9"),
    T(r"y = -\frac{1}{2}x + 3", "x+2y=6", "same line"), F(r"y=-\frac12x+3", "x+2y=3"),
    T("3x-y=7", "y=3x-7"), F("3x-y=7", "y=7-3x"), T(r"x=\frac{5}{2}", "2.5"),
    T(r"x=\frac52", "x=2.5"), T(r"t = 4\text{ s}", "4"), T("AB = 10", "10"),
    T(r"m\angle A = 30^\circ", "30"), T(r"P = 2\pi", r"2\pi"), T("r=5", "r=5"),
    F("x=3", "3x"), T(r"y=\frac{3}{4}x", "y=0.75x"), F(r"y=\frac34 x", r"y=\frac43x"),
    T("x+y=10", "y+x=10"), F("x+y=10", "x-y=10"), T("-x-y=-10", "x+y=10"),
]

INEQUALITY: list[Pair] = [
    T("x>3", r"(3,\infty)"), T(r"(3,\infty)", "x>3"), T(r"x \ge 2", r"[2,\infty)"),
    T(r"x\geq 2", r"[2,\infty)"), T("1<x<3", "(1,3)"), F(r"x\leq 5", "x<5"),
    F("x<5", r"x\le5"), F("x>3", r"[3,\infty)"), F(r"x \geq 3", r"(3,\infty)"),
    T(r"1 \le x \le 3", "[1,3]"), T(r"1\le x<3", "[1,3)"), F(r"1<x\le 3", "[1,3]"),
    T("x<-1", r"(-\infty,-1)"), F("x<-1", r"(-\infty,1)"), T(r"x \le -1", r"(-\infty,-1]"),
    T("x>3", "3<x"), T("3<x", "x>3"), F("x>3", "x<3"), T("x > 3", "x>3"),
    T(r"x\geqslant 2", r"x\ge 2"), T(r"x\leqslant 2", r"x\le 2"), T("-2<x<2", "|x|<2"),
    T("|x|<2", "(-2,2)"), T(r"x<1 \text{ or } x>2", r"(-\infty,1)\cup(2,\infty)"),
    T(r"x < 1 \text{ or } x > 2", r"(-\infty,1)\cup(2,\infty)"),
    F(r"x<1\text{ or }x>2", r"(-\infty,1]\cup(2,\infty)"), T(r"x\in(1,3)", "(1,3)"),
    T(r"x \in [2,\infty)", r"x\ge2"), T("2x>6", "x>3"), F("2x>6", "x>6"),
    T("-x<-3", "x>3", "dividing by -1 flips the inequality"), T(r"x>\frac12", "x>0.5"),
    F(r"x>\frac12", r"x>\frac13"), T(r"a\ge 0", r"a \geq 0"), F("k>4", r"k\geq4"),
    T(r"0<x<\pi", r"(0,\pi)"), T(r"x \neq 2", r"(-\infty,2)\cup(2,\infty)"),
]

INTERVAL: list[Pair] = [
    T("[1,2)", "[1,2)"), F("[1,2)", "[1,2]"), F("(1,2)", "[1,2]"), F("(1,2]", "[1,2)"),
    T(r"(-\infty,1)\cup(2,\infty)", r"(-\infty,1)\cup(2,\infty)"),
    T(r"(2,\infty)\cup(-\infty,1)", r"(-\infty,1)\cup(2,\infty)", "union order does not matter"),
    F(r"(-\infty,1]\cup[2,\infty)", r"(-\infty,1)\cup(2,\infty)"),
    T(r"(-\inf, 1)", r"(-\infty,1)"), T("(-∞, 1)", r"(-\infty,1)"),
    T(r"[0,\infty)", r"[0, \infty)"), F(r"[0,\infty)", r"(0,\infty)"),
    T(r"[0,+\infty)", r"[0,\infty)"), T(r"(-\infty,\infty)", r"\mathbb{R}"),
    T(r"\mathbb{R}", r"(-\infty, \infty)"), T(r"\left[1, 2\right)", "[1,2)"),
    T(r"\left( -3, 5 \right]", "(-3,5]"), F("(-3,5]", "(-3,5)"), T("[-1,1]", "[-1,1]"),
    F("[-1,1]", "[-1,2]"), F(r"(0,1)\cup(1,2)", "(0,2)", "the union misses the point 1"),
    T(r"(0,1]\cup[1,2)", "(0,2)"), T(r"(0,1)\cup(1,2)", r"(0,2)\setminus\{1\}"),
    T(r"[\frac12, 3)", "[0.5,3)"), F(r"[\frac{1}{2},3)", r"(\frac12,3)"),
    F(r"(-\infty, 0)", r"(-\infty,0]"), T(r"\left(-\infty,\frac{3}{2}\right]", r"(-\infty,1.5]"),
    T(r"(-\infty,-2]\cup[2,\infty)", r"(-\infty,-2]\cup[2,\infty)"),
    T(r"[2,\infty)\cup(-\infty,-2]", r"(-\infty,-2]\cup[2,\infty)"),
    F(r"(-\infty,-2)\cup[2,\infty)", r"(-\infty,-2]\cup[2,\infty)"),
    T(r"[1,3]\cup[2,5]", "[1,5]"), T(r"[1,3]\cap[2,5]", "[2,3]"), F(r"[1,3]\cap[2,5]", "[1,5]"),
    T(r"(\sqrt2, 2\pi)", r"(\sqrt{2},2\pi)"), T(r"(1, \infty)", r"(1,\infty)"),
    F(r"(1,\infty)", r"(-1,\infty)"), T(r"x\in[0,1]", "[0,1]"), T("[0,1]", r"0\le x\le 1"),
    F("(3,4)", "(3,5)"), T("[ 3 , 4 ]", "[3,4]"), T(r"\emptyset", r"\varnothing"),
    F(r"\emptyset", r"\{0\}", "the empty set is not the set containing 0"),
    T(r"(-\infty,0)\cup(0,\infty)", r"\mathbb{R}\setminus\{0\}"),
]

SET: list[Pair] = [
    T(r"\{1,2,3\}", r"\{3,1,2\}"),
    T("1, 2", "2, 1", "a bare comma list is an unordered collection of answers"),
    T(r"1 \pm \sqrt{2}", r"1+\sqrt2, 1-\sqrt2"), F(r"\{1,2,3\}", r"\{1,2\}"),
    F(r"\{1,2\}", r"\{1,2,3\}"), F(r"\{1,2,3\}", r"\{1,2,4\}"), T("2, 3", "3, 2"),
    T("2,3", "2, 3"), F("2, 3", "2", "an extra answer is not the single reference"),
    F("2", "2, 3", "only one of the two answers"), T("-1, 1", r"\pm 1"), T(r"\pm 1", "1, -1"),
    F(r"\pm 2", "2"), T("x=2, x=3", "2, 3"), T(r"x=2 \text{ or } x=3", "2,3"),
    T(r"\{-1, 1\}", "-1, 1"), T(r"\{1,1,2\}", r"\{1,2\}", "duplicates do not matter in a set"),
    T(r"\{\frac12, 2\}", r"\{2, 0.5\}"), F(r"\{\frac12,2\}", r"\{2,\frac13\}"),
    T("1,2,3,4", "4,3,2,1"), F("1,2,3,4", "1,2,3"), F("1,2,3", "1,2,3,4"),
    T(r"3 \pm 2\sqrt{2}", r"3+2\sqrt2, 3-2\sqrt2"), F(r"3\pm2\sqrt2", r"3+2\sqrt2"),
    T(r"\frac{-1\pm\sqrt{5}}{2}", r"\frac{-1+\sqrt5}{2},\frac{-1-\sqrt5}{2}"),
    F(r"\frac{1\pm\sqrt{5}}{2}", r"\frac{-1+\sqrt5}{2},\frac{-1-\sqrt5}{2}"),
    T(r"\{1,3\}\cup\{2,4\}", r"\{1,2,3,4\}"), T(r"\{a, b\}", r"\{b, a\}"),
    T(r"\{2,4,6\}", r"\{2,4,6\}"), F(r"\{2, 4, 6\}", r"\{2,4,8\}"), T(r"\{\}", r"\emptyset"),
    T(r"5, 7", r"7 \text{ and } 5"), T(r"5 \text{ and } 7", "5, 7"),
    F(r"5 \text{ and } 7", "5, 8"), T("-3, 2", "2, -3"), F("-3, 2", "3, -2"),
    T(r"\{-3, 2\}", r"\{2,-3\}"), T("0, 1, 2", r"\{0,1,2\}"),
]

TUPLE: list[Pair] = [
    F("(1,2)", "(2,1)", "parentheses mean an ordered pair"), T("(1, -2)", "(1,-2)"),
    T("(1,2)", "(1,2)"), F("(2,1)", "(1,2)", "ordered pair"), T(r"\left(1, -2\right)", "(1,-2)"),
    F("(1,-2)", "(-2,1)"), T(r"(\frac12, 3)", "(0.5, 3)"), F(r"(\frac12,3)", r"(3,\frac12)"),
    T("(1,2,3)", "(1,2,3)"), F("(1,2,3)", "(1,3,2)"), F("(1,2,3)", "(1,2)"), T("(0,0)", "(0,0)"),
    T("(3, 4)", r"\left(3,4\right)"), T(r"(2\sqrt{2}, 1)", r"(\sqrt8, 1)"),
    F(r"(2\sqrt{2},1)", r"(\sqrt2,1)"), T("(-1, 3)", "(-1,3)"), F("(-1,3)", "(1,-3)"),
    T("(a,b)=(2,5)", "(2,5)"), T("(x,y) = (2, 5)", "(2,5)"), F("(x, y) = (5, 2)", "(2,5)"),
    T("x=2, y=5", "(2,5)", "assignments listed in (x, y) order"),
    T(r"\langle 1, 2, 3\rangle", "(1,2,3)"), F(r"\langle 1,2,3\rangle", "(3,2,1)"),
    T("(1.5, 2)", r"(\frac32, 2)"), F("(1.5,2)", r"(\frac32,2.5)"),
    T(r"(-\frac{1}{2}, \frac{\sqrt{3}}{2})", r"(-0.5, \frac{\sqrt3}{2})"),
    F(r"(-\frac12,\frac{\sqrt3}{2})", r"(\frac12,\frac{\sqrt3}{2})"), T("(4, 6)", "(4,6)"),
    F("(4,6)", "(6,4)"), T("(0, 1, 0)", "(0,1,0)"), F("(0,1,0)", "(1,0,0)"), T("(1,1)", "(1,1)"),
    F("(2,3)", "(2,3,0)", "different lengths"), T("(10, 20)", "(10,20)"), F("(10,20)", "(10,21)"),
    T(r"\left(\frac{3}{2}, -\frac{1}{2}\right)", "(1.5,-0.5)"), T(r"(3,\pi)", r"(3,\pi)"),
    F(r"(3,\pi)", r"(\pi,3)"),
]

_M = r"\begin{pmatrix}1&2\\3&4\end{pmatrix}"
MATRIX: list[Pair] = [
    T(r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", _M),
    T(r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix}", _M, "bracket style does not matter"),
    T(r"\begin{matrix}1&2\\3&4\end{matrix}", _M),
    F(r"\begin{pmatrix}1&2\\3&5\end{pmatrix}", _M),
    F(r"\begin{pmatrix}1&3\\2&4\end{pmatrix}", _M, "transpose"),
    F(r"\begin{pmatrix}1&2&3\\4&5&6\end{pmatrix}", r"\begin{pmatrix}1&2\\3&4\\5&6\end{pmatrix}",
      "2x3 vs 3x2"),
    T(r"\begin{pmatrix}\frac12 & 0\\0&\frac12\end{pmatrix}",
      r"\begin{pmatrix}0.5&0\\0&0.5\end{pmatrix}"),
    T(r"\begin{pmatrix}2\\-1\end{pmatrix}", r"\begin{pmatrix}2\\-1\end{pmatrix}"),
    F(r"\begin{pmatrix}2\\-1\end{pmatrix}", r"\begin{pmatrix}2&-1\end{pmatrix}",
      "column vs row"),
    F(r"\begin{pmatrix}2\\-1\end{pmatrix}", r"\begin{pmatrix}-1\\2\end{pmatrix}"),
    T(r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}", r"\begin{pmatrix}1&0\\0&1\end{pmatrix}"),
    F(r"\begin{pmatrix}1&0\\0&1\end{pmatrix}", r"\begin{pmatrix}1&0\\0&-1\end{pmatrix}"),
    T(r"\begin{pmatrix}\sqrt{2}&1\\1&\sqrt2\end{pmatrix}",
      r"\begin{pmatrix}\sqrt{2}&1\\1&\sqrt{2}\end{pmatrix}"),
    T(r"\begin{pmatrix}2/4 & 1\end{pmatrix}", r"\begin{pmatrix}\frac12&1\end{pmatrix}"),
    T(r"\begin{bmatrix}6\\8\\10\end{bmatrix}", r"\begin{pmatrix}6\\8\\10\end{pmatrix}"),
    F(r"\begin{bmatrix}6\\8\\10\end{bmatrix}", r"\begin{pmatrix}6\\8\end{pmatrix}"),
    T(r"\begin{pmatrix} -\frac{3}{5} & \frac{4}{5} \\ \frac{4}{5} & \frac{3}{5} \end{pmatrix}",
      r"\begin{pmatrix}-0.6&0.8\\0.8&0.6\end{pmatrix}"),
    F(r"\begin{pmatrix} -\frac{3}{5} & \frac{4}{5} \\ \frac{4}{5} & \frac{3}{5} \end{pmatrix}",
      r"\begin{pmatrix}-0.6&0.8\\0.8&-0.6\end{pmatrix}"),
    T(r"\begin{pmatrix}0&0\\0&0\end{pmatrix}", r"\begin{pmatrix}0&0\\0&0\end{pmatrix}"),
    F(r"\begin{pmatrix}0&0\\0&0\end{pmatrix}", "0", "a matrix is not a scalar"),
    T(_M, r"\left[\begin{matrix}1&2\\3&4\end{matrix}\right]"),
    F(_M, r"\begin{pmatrix}1 & 2 & 0\\ 3 & 4 & 0\end{pmatrix}", "2x2 vs 2x3"),
    T(r"\begin{pmatrix}x & 1\\ 1 & x\end{pmatrix}", r"\begin{pmatrix}x&1\\1&x\end{pmatrix}"),
    T(r"\begin{pmatrix} 7 & -2 \\ 0 & 1 \end{pmatrix}", r"\begin{pmatrix}7&-2\\0&1\end{pmatrix}"),
    F(r"\begin{pmatrix}7&2\\0&1\end{pmatrix}", r"\begin{pmatrix}7&-2\\0&1\end{pmatrix}"),
    T(r"\begin{pmatrix} 1.0 & 2.0 \\ 3.0 & 4.0 \end{pmatrix}", _M),
    T(r"\begin{pmatrix} -2 & 1 \\ \frac{3}{2} & -\frac{1}{2} \end{pmatrix}",
      r"\begin{pmatrix}-2&1\\1.5&-0.5\end{pmatrix}"),
    F(r"\begin{pmatrix} -2 & 1 \\ \frac{3}{2} & -\frac{1}{2} \end{pmatrix}",
      r"\begin{pmatrix}-2&1\\1.5&0.5\end{pmatrix}"),
    T(r"\begin{pmatrix}1\\2\\3\end{pmatrix}", r"\begin{pmatrix}1\\2\\3\end{pmatrix}"),
    F(r"\begin{pmatrix}1\\2\\3\end{pmatrix}", r"\begin{pmatrix}1\\3\\2\end{pmatrix}"),
    T(r"\begin{bmatrix}\cos\frac{\pi}{3}&-\sin\frac{\pi}{3}\\"
      r"\sin\frac{\pi}{3}&\cos\frac{\pi}{3}\end{bmatrix}",
      r"\begin{pmatrix}\frac12&-\frac{\sqrt3}{2}\\\frac{\sqrt3}{2}&\frac12\end{pmatrix}"),
    T("\\begin{pmatrix}\n 1 & 2 \\\\\n 3 & 4\n\\end{pmatrix}", _M, "line breaks inside the matrix"),
    F("\\begin{pmatrix}\n 1 & 2 \\\\\n 4 & 3\n\\end{pmatrix}", _M),
]

COMPLEX: list[Pair] = [
    T("-1-1i", "-1-i"), T("3+4i", "4i+3"), T(r"\frac{1+i}{2}", "0.5+0.5i"), F("i", "-i"),
    F("-i", "i"), T("i", "i"), F("3+4i", "3-4i"), F("3+4i", "4+3i"), T("2i", "2i"),
    T("2i", "0+2i"), T("1+i", "i+1"), F("1+i", r"\sqrt{2}", "the modulus is not the number"),
    T(r"\frac{1}{i}", "-i"), T("i^2", "-1"), F("i^2", "1"), T("(1+i)^2", "2i"), F("(1+i)^2", "2"),
    T(r"\frac{3+4i}{5}", r"\frac35+\frac45i"), T(r"\frac{3}{5}+\frac{4}{5}i", "0.6+0.8i"),
    F("0.6+0.8i", "0.6-0.8i"), T(r"e^{i\pi}", "-1"), T(r"-1+\sqrt{3}i", r"-1+i\sqrt{3}"),
    F(r"-1+\sqrt3 i", r"1+i\sqrt3"), T("5-12i", "5 - 12 i"), F("5-12i", "12i-5"),
    T("2+3i, 2-3i", r"2\pm 3i"), F(r"2 \pm 3i", "2+3i"),
    T(r"\cos\frac{\pi}{2}+i\sin\frac{\pi}{2}", "i"), T(r"\sqrt{-1}", "i"),
    T(r"\sqrt{-4}", "2i", "principal square root"), F(r"\sqrt{-4}", "-2i"),
    T("1-i", r"\frac{2}{1+i}"), F("1+i", r"\frac{2}{1+i}"), F("-1-1i", "-1+i"),
    F(r"\frac{1-i}{2}", "0.5+0.5i"), T("4i+3", r"3+4\mathrm{i}"), T("-2+0i", "-2"),
]

TEXT: list[Pair] = [
    T(r"\text{Yes}", "yes"), T("Yes", r"\text{Yes}"), F(r"\text{No}", r"\text{Yes}"),
    F(r"\text{yes}", r"\text{no}"), T(r"\text{odd}", r"\text{odd}"), T(r"\text{odd}", "odd"),
    F(r"\text{even}", r"\text{odd}"), T(r"\text{no solution}", r"\text{no solution}"),
    T(r"\text{No solution}", r"\text{no solution}"),
    T(r"\text{no solutions}", r"\text{no solution}", "plural of the same answer"),
    F(r"\text{infinitely many solutions}", r"\text{no solution}"),
    T(r"\text{True}", r"\text{true}"), F(r"\text{False}", r"\text{true}"),
    T(r"\text{Monday}", r"\text{Monday}"), F(r"\text{Tuesday}", r"\text{Monday}"),
    T(r"\text{Alice}", r"\text{Alice}"), F(r"\text{Bob}", r"\text{Alice}"),
    T(r"\text{increasing}", r"\text{increasing}"), F(r"\text{decreasing}", r"\text{increasing}"),
    T(r"\textbf{Yes}", "yes"), T(r"\text{YES}", "yes"), T(r"\mathrm{Yes}", r"\text{Yes}"),
    T(r"\text{never}", r"\text{never}"), F(r"\text{always}", r"\text{never}"),
    T(r"\text{undefined}", r"\text{undefined}"), F(r"\text{undefined}", "0"),
    T(r"\text{does not exist}", r"\text{DNE}", "DNE is the standard abbreviation"),
    T(r"\text{parabola}", r"\text{parabola}"), F(r"\text{ellipse}", r"\text{parabola}"),
    T(r"\text{hyperbola}", r"\text{Hyperbola}"), F(r"\text{Player 1}", r"\text{Player 2}"),
    T(r"\text{first player}", r"\text{first player}"),
    F(r"\text{second player}", r"\text{first player}"), T(r"\text{no}", r"\text{No}"),
    F("no", r"\text{yes}"),
]

NESTED: list[Pair] = [
    T(r"\frac{\sqrt{{2}}}{{2}}", r"\frac{\sqrt2}{2}"), T(r"{{\frac{1}{2}}}", r"\frac12"),
    T("{{{{5}}}}", "5"), F("{{{{5}}}}", "6"), T(r"\frac{{1}}{{{3}}}", r"\frac13"),
    T(r"\sqrt{{\frac{{1}}{{4}}}}", r"\frac12"), T(r"\sqrt{\sqrt{16}}", "2"),
    T(r"\sqrt{\sqrt{\sqrt{256}}}", "2"), F(r"\sqrt{\sqrt{\sqrt{256}}}", "4"),
    T(r"\frac{\frac{\frac{1}{2}}{2}}{2}", r"\frac18"),
    T(r"\frac{1}{1+\frac{1}{1+\frac{1}{1+\frac{1}{2}}}}", r"\frac58", "continued fraction = 5/8"),
    F(r"\frac{1}{1+\frac{1}{1+\frac{1}{1+\frac{1}{2}}}}", r"\frac{8}{13}"),
    T("{(1,2)}", "(1,2)"), T(r"\left(\left(\frac{1}{2}\right)\right)", r"\frac12"),
    T("2^{2^{2}}", "16"), T("2^{2^{2^{2}}}", "65536"),
    F("2^{2^{2^{2}}}", "256", "exponentiation is right-associative"),
    T(r"\frac{\sqrt{\frac{3}{4}}}{\frac{1}{2}}", r"\sqrt3"),
    T(r"{\left\{1,2\right\}}", r"\{1,2\}"), T(r"\boxed{7}", "7", "a box inside the box"),
    F(r"\boxed{7}", "8"), T(r"\text{{{yes}}}", "yes"), T(r"{\frac{{\pi}}{{4}}}", r"\frac{\pi}{4}"),
    T(r"\frac{{{\sqrt{3}}}}{{3}}", r"\frac{1}{\sqrt3}"), T("{" * 20 + "12" + "}" * 20, "12"),
    F("{" * 20 + "12" + "}" * 20, "21"), T(r"\sqrt{" * 8 + "1" + "}" * 8, "1"),
    T("((((((3))))))", "3"), F("((((((3))))))", "-3"),
    T(r"\frac{1}{\frac{1}{\frac{1}{\frac{1}{2}}}}", "2"),
    F(r"\frac{1}{\frac{1}{\frac{1}{\frac{1}{2}}}}", r"\frac12"),
    T(r"\dfrac{{\,2\,}}{{\,3\,}}", r"\frac23"),
    T(r"\left\{{{\frac{1}{2}}}, {{3}}\right\}", r"\{3, \frac12\}"),
]

UNICODE: list[Pair] = [
    T("√2", r"\sqrt{2}"), T("π", r"\pi"), T("½", r"\frac12"),
    T("\u22125", "-5", "U+2212 minus sign"), T("3×4", "12"), T("x≤5", r"x\le5"), T("x²", "x^2"),
    T("2π", r"2\pi"), T("π/2", r"\frac{\pi}{2}"), F("π/3", r"\frac{\pi}{2}"),
    T("√3/2", r"\frac{\sqrt3}{2}"), T("2√3", r"\sqrt{12}"), T("\u2212½", r"-\frac12"),
    F("\u22125", "5"), F("½", r"\frac13"), T("¼", "0.25"), T("¾", r"\frac34"), T("⅓", r"\frac13"),
    T("x≥2", r"x\ge2"), F("x≥2", "x>2"), T("3²", "9"), T("2³", "8"), F("2³", "6"),
    T("10⁶", "1000000"), T("∞", r"\infty"), T("(\u2212∞, 3]", r"(-\infty,3]"),
    T("\u22123±√5", r"-3+\sqrt5,-3-\sqrt5"), T("6÷2", "3"), T("x² + 2x + 1", "(x+1)^2"),
    T("θ = 45°", "45"), T("α", r"\alpha"), F("α", r"\beta"), T("√(2)", r"\sqrt2"),
    T("∛8", "2"), T("x∈[0,1]", "[0,1]"), T("5·3", "15"), T("\u22122.5", r"-\frac52"),
    T("\uff11\uff12", "12", "full-width digits"), T("2 × 10⁹", r"2\times10^9"),
    F("\u22122 ≤ x < 3", "[-2,3]", "the right end is open"), F("√3", r"\sqrt2"),
    F("π/4", r"\frac{\pi}{2}"), F("¾", "0.7", "3/4 = 0.75 rounds to 0.8 at one place"),
    F("x²", "x^3"), F("∞", r"-\infty"), F("3²", "6"),
]

# Final answers reused (with every backslash doubled) for the json_backslashes category.
JSON_PAIRS: list[Pair] = [
    T(r"\frac{1}{2}", r"\frac{1}{2}"), F(r"\frac{1}{3}", r"\frac{1}{2}"),
    T(r"\sqrt{2}", r"\sqrt2"), F(r"\sqrt{3}", r"\sqrt2"), T(r"\dfrac{3}{4}", "0.75"),
    T(r"2\sqrt{3}", r"\sqrt{12}"), F(r"2\sqrt{3}", r"\sqrt{13}"), T(r"\pi", r"\pi"),
    F(r"2\pi", r"\pi"), T(r"\frac{\pi}{6}", r"30^\circ"), T(r"x \geq 2", r"[2,\infty)"),
    F(r"x > 2", r"[2,\infty)"), T(r"\{1,2,3\}", r"\{3,2,1\}"), F(r"\{1,2\}", r"\{1,2,3\}"),
    T(r"(-\infty, 1) \cup (2, \infty)", r"(-\infty,1)\cup(2,\infty)"),
    F(r"(-\infty, 1] \cup (2, \infty)", r"(-\infty,1)\cup(2,\infty)"),
    T(r"\text{Yes}", "yes"), F(r"\text{No}", "yes"), T(r"50\%", r"\frac12"),
    T(r"5\text{ cm}", "5"), T(r"\$12.50", "12.5"), T(r"30^\circ", "30"), F(r"45^\circ", "30"),
    T(r"\frac{\sqrt{3}}{2}", r"\frac{\sqrt3}{2}"), F(r"\frac{\sqrt{3}}{3}", r"\frac{\sqrt3}{2}"),
    T(r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", _M, "row separator becomes \\\\\\\\"),
    F(r"\begin{pmatrix} 1 & 2 \\ 4 & 3 \end{pmatrix}", _M),
    T(r"1 \pm \sqrt{2}", r"1+\sqrt2,1-\sqrt2"), T(r"\log_2 8", "3"), F(r"\log_2 16", "3"),
    T(r"2\frac{1}{2}", r"\frac52"), T(r"8.3 \times 10^{9}", "8.3e9"),
    F(r"8.3 \times 10^{8}", "8.3e9"), T(r"\left(1, -2\right)", "(1,-2)"),
    F(r"\left(-2, 1\right)", "(1,-2)"), T("42", "42"), F("41", "42"), T(r"\text{(C)}", "C"),
    T(r"-\frac{1}{4}", "-0.25"), F(r"\frac{1}{4}", "-0.25"),
]

# Multiple boxes: (earlier box, final box, reference, label, note).  The last box wins.
MULTI: list[tuple[str, str, str, bool, str]] = [
    ("5", "7", "7", True, ""), ("7", "5", "7", False, "the earlier box held the reference"),
    (r"\frac12", r"\frac13", r"\frac13", True, ""), (r"\frac13", r"\frac12", r"\frac13", False, ""),
    ("12", "12", "12", True, "the same answer boxed twice"), ("12", "12", "13", False, ""),
    ("x=4", "4", "4", True, ""), ("4", "x=-4", "4", False, ""),
    (r"\sqrt{8}", r"2\sqrt{2}", r"\sqrt8", True, "both boxes equal"),
    (r"2\sqrt{3}", r"\sqrt{3}", r"2\sqrt{3}", False, ""), ("(1,2)", "(2,1)", "(2,1)", True, ""),
    ("(2,1)", "(1,2)", "(2,1)", False, "ordered pair; last box wins"),
    ("100", "99", "99", True, ""), ("99", "100", "99", False, ""),
    (r"\pi", r"2\pi", r"2\pi", True, ""), (r"2\pi", r"\pi", r"2\pi", False, ""),
    ("A", "C", "C", True, ""), ("C", "A", "C", False, ""),
    (r"[1,3]", r"(1,3)", r"(1,3)", True, ""), (r"(1,3)", r"[1,3]", r"(1,3)", False, ""),
    ("0", "-1", "-1", True, ""), ("-1", "0", "-1", False, ""),
    (r"\frac{3}{4}", "0.75", r"\frac34", True, ""), ("0.75", r"\frac{4}{3}", r"\frac34", False, ""),
    (r"\text{No}", r"\text{Yes}", "yes", True, ""), (r"\text{Yes}", r"\text{No}", "yes", False, ""),
    ("6", "24", "24", True, ""), ("24", "6", "24", False, ""),
    (r"x^2+1", r"(x+1)^2", r"x^2+2x+1", True, ""), (r"(x+1)^2", r"x^2+1", r"x^2+2x+1", False, ""),
    (r"\{1,2\}", r"\{1,2,3\}", r"\{3,2,1\}", True, ""),
    (r"\{1,2,3\}", r"\{1,2\}", r"\{3,2,1\}", False, ""),
    (r"30^\circ", r"60^\circ", "60", True, ""), (r"60^\circ", r"30^\circ", "60", False, ""),
    ("2019", "2020", "2020", True, ""), ("2020", "2019", "2020", False, ""),
]

# Multiple choice: (how the response ends, reference, label, note).
MC: list[tuple[str, str, bool, str]] = [
    (r"Therefore the answer is $\boxed{C}$.", "C", True, ""),
    (r"So the correct choice is $\boxed{(C)}$.", "C", True, ""),
    (r"\[\boxed{\text{C}}\]", "C", True, ""),
    ("The answer is (C).", "C", True, "letter without a box"),
    ("The answer is C.", "C", True, ""),
    (r"$\boxed{\textbf{(C)}}$", "C", True, ""),
    (r"$\boxed{\mathrm{C}}$", "C", True, ""),
    (r"Final answer: $\boxed{C}$", "(C)", True, ""),
    (r"Final answer: $\boxed{C}$", r"\text{(C)}", True, ""),
    (r"Therefore the answer is $\boxed{B}$.", "C", False, ""),
    (r"So the correct choice is $\boxed{(B)}$.", "C", False, ""),
    ("The answer is (B).", "C", False, ""),
    (r"\[\boxed{D}\]", "C", False, ""),
    (r"$\boxed{A}$", "A", True, ""),
    (r"The answer is $\boxed{E}$.", "E", True, ""),
    (r"The answer is $\boxed{E}$.", "A", False, ""),
    (r"$\boxed{\text{(A)}}$", "A", True, ""),
    (r"$\boxed{(A)}$", "(A)", True, ""),
    ("**Answer: D**", "D", True, ""),
    ("**Answer: (D)**", "D", True, ""),
    (r"$\boxed{\text{(D) }\frac{1}{2}}$", "D", True, "choice letter written with its value"),
    (r"$\boxed{\textbf{(D)}\ 42}$", "D", True, "choice letter written with its value"),
    (r"$\boxed{\textbf{(B)}\ 42}$", "D", False, ""),
    (r"Thus $\boxed{C}$.", "B", False, ""),
    (r"Thus $\boxed{B}$.", "B", True, ""),
    ("The correct option is (B).", "B", True, ""),
    ("The final answer is D.", "D", True, ""),
    ("The final answer is A.", "D", False, ""),
    (r"Answer: \boxed{\text{E}}", "E", True, ""),
    (r"Answer: \boxed{\text{E}}", "D", False, ""),
    (r"Hence \boxed{\textbf{(A)}}.", r"\textbf{(A)}", True, ""),
    (r"Hence \boxed{\textbf{(A)}}.", r"\text{(B)}", False, ""),
    (r"Comparing with the choices, the answer is $\boxed{B}$.", "B", True, ""),
    (r"Comparing with the choices, the answer is $\boxed{B}$.", "E", False, ""),
]

# No box: (final answer, reference, label, ending kind, note).  Kinds: answer_is, minerva,
# colon, dollar, number.  "trap" adds an earlier mention of the reference in the reasoning.
NOBOX: list[tuple[str, str, bool, str, str]] = [
    ("12", "12", True, "answer_is", ""), ("15", "12", False, "answer_is", "trap"),
    (r"\frac{3}{4}", r"\frac34", True, "minerva", ""),
    (r"\frac{4}{3}", r"\frac34", False, "minerva", "trap"),
    ("x = 5", "5", True, "dollar", ""), ("x = 6", "5", False, "dollar", "trap"),
    ("17", "17", True, "number", ""), ("19", "17", False, "number", "trap"),
    (r"2\sqrt{3}", r"\sqrt{12}", True, "answer_is", ""),
    (r"3\sqrt{2}", r"\sqrt{12}", False, "answer_is", ""),
    ("0.25", r"\frac14", True, "colon", ""), ("0.2", r"\frac14", False, "colon", "trap"),
    ("(2, 3)", "(2,3)", True, "dollar", ""), ("(3, 2)", "(2,3)", False, "dollar", ""),
    ("42", "42", True, "minerva", ""), ("24", "42", False, "minerva", "trap"),
    ("1024", "2^{10}", True, "number", ""), ("1000", "2^{10}", False, "number", ""),
    (r"\pi", r"\pi", True, "colon", ""), (r"\frac{\pi}{2}", r"\pi", False, "colon", ""),
    ("yes", r"\text{Yes}", True, "answer_is", ""), ("no", r"\text{Yes}", False, "answer_is", ""),
    ("3.5", r"\frac72", True, "number", ""), ("3.25", r"\frac72", False, "number", "trap"),
    (r"x \geq 1", r"[1,\infty)", True, "dollar", ""),
    (r"x > 1", r"[1,\infty)", False, "dollar", ""),
    ("2,048", "2048", True, "answer_is", ""), ("2,084", "2048", False, "answer_is", ""),
    ("-3", "-3", True, "number", ""), ("3", "-3", False, "number", "trap"),
    (r"\{1, 4\}", r"\{4,1\}", True, "minerva", ""), (r"\{1, 5\}", r"\{4,1\}", False, "minerva", ""),
    ("60", "60", True, "colon", ""), ("120", "60", False, "colon", "trap"),
    (r"\frac{5}{12}", r"\frac{5}{12}", True, "dollar", ""),
    (r"\frac{7}{12}", r"\frac{5}{12}", False, "dollar", "trap"),
    ("9", "9", True, "dollar", ""), ("8", "9", False, "answer_is", "trap"),
]

# Malformed: hand-written endings.
MALFORMED: list[Raw] = [
    Raw(r"So the answer is $\boxed{\left(1, 2)}$.", "(1,2)", True,
        "missing \\right, but the parentheses are balanced and the pair is clear"),
    Raw(r"So the answer is $\boxed{\left(1,2}$.", "(1,2)", False, "unbalanced, unrecoverable"),
    Raw(r"So the answer is \boxed{5}}.", "5", True, "stray } after a complete box"),
    Raw(r"The answer is \boxed{5}}}}.", "5", True, "stray braces after a complete box"),
    Raw(r"Therefore the answer is $\boxed{\frac{1}{2}}}$.", r"\frac12", True, "stray }"),
    Raw(r"Therefore the answer is $\boxed{\frac{1}{2$.", r"\frac12", False,
        "\\frac{1}{2 is not closed"),
    Raw(r"Thus \boxed{\frac{1}{2}", r"\frac12", False,
        "unclosed box at the end (truncated output)"),
    Raw(r"Thus \boxed{3", "3", False, "unclosed box at the end (truncated output)"),
    Raw(r"Thus \boxed{\sqrt{2}", r"\sqrt2", False, "unclosed box at the end (truncated output)"),
    Raw(r"Thus \boxed{2^{10}", "1024", False, "unclosed box at the end (truncated output)"),
    Raw(r"The answer is $\frac{1}{2}.", r"\frac12", True,
        "missing closing $, but the answer after 'The answer is' is clear"),
    Raw(r"$\boxed{3}", "3", True, "missing closing $ around a complete box"),
    Raw(r"$$\boxed{42}", "42", True, "missing closing $$"),
    Raw(r"\boxed{42}$", "42", True, "stray $"),
    Raw(r"So the answer is $\boxed{}$.", "0", False, "empty box"),
    Raw(r"So the answer is $\boxed{ }$.", "5", False, "blank box"),
    Raw(r"Therefore $\boxed{\frac{3}{}}$.", "3", False, "empty denominator"),
    Raw(r"Therefore $\boxed{\frac{}{4}}$.", r"\frac14", False, "empty numerator"),
    Raw(r"Therefore $\boxed{\sqrt{}}$.", "0", False, "empty radicand"),
    Raw(r"Therefore $\boxed{1/}$.", "1", False, "dangling operator"),
    Raw(r"Therefore $\boxed{12 \div}$.", "12", False, "dangling operator"),
    Raw(r"Therefore $\boxed{-}$.", "-1", False, "only an operator"),
    Raw(r"Therefore $\boxed{{5}$.", "5", False, "unbalanced braces inside the box"),
    Raw(r"So \boxed 5 is the answer.", "5", True, "TeX reads a one-token argument: \\boxed 5"),
    Raw(r"So the answer is \boxed7.", "7", True, "TeX reads a one-token argument: \\boxed7"),
    Raw(r"\[ \boxed{ 7 \\ } \]", "7", True, "a harmless trailing line break"),
    Raw(r"\begin{align} x &= \boxed{\dfrac{5}{6}}\end{align}\end{align}", r"\frac56", True,
        "a stray \\end after the box"),
    Raw(r"The answer is \boxed{\begin{pmatrix}1&2\end{pmatrix}", r"\begin{pmatrix}1&2\end{pmatrix}",
        False, "unclosed box (truncated output)"),
    Raw(r"So $\boxed{x=}$.", "x", False, "incomplete equation"),
    Raw(r"So the answer is $\boxed{\sqrt{2}}\)$.", r"\sqrt2", True, "stray \\) after the box"),
    Raw(r"So the answer is $\boxed{\frac12}}$.", "0.5", True, "stray }"),
    Raw(r"The answer is $\boxed{(1,2]}$.", "(1,2)", False, "closing bracket differs"),
    Raw(r"Therefore the answer is \boxed{\frac{1}{2}.", r"\frac12", False,
        "unclosed box followed by a period (truncated output)"),
    Raw("So the answer is $\\boxed{4}$\n\\end{document}}", "4", True,
        "trailing junk after the box"),
]


# fmt: on


# --------------------------------------------------------------------------------------------
# Builders.
# --------------------------------------------------------------------------------------------


def simple(
    category: str, pairs: list[Pair], r: random.Random, box_only: bool = False
) -> list[Case]:
    out: list[Case] = []
    for p in pairs:
        render = render_box if box_only else render_default
        resp = render(p.resp, r)
        out.append(Case(resp, maybe_wrap_ref(p.ref, r), p.equal, category, p.note))
    return out


def build_nested(r: random.Random) -> list[Case]:
    out = simple("nested_braces", NESTED, r, box_only=True)
    # Deep but legal nesting, generated.
    for depth, eq in ((60, True), (200, True), (200, False), (500, True)):
        inner = "{" * depth + "3" + "}" * depth
        ref = "3" if eq else "4"
        out.append(Case(t_box_final(inner, r), ref, eq, "nested_braces", f"{depth} nested groups"))
    frac = "1"
    for _ in range(12):
        frac = f"\\frac{{{frac}}}{{2}}"
    out.append(
        Case(
            t_box_inline(frac, r),
            r"\frac{1}{4096}",
            True,
            "nested_braces",
            "12 nested fractions: 1/2^12",
        )
    )
    out.append(
        Case(
            t_box_inline(frac, r),
            r"\frac{1}{2048}",
            False,
            "nested_braces",
            "12 nested fractions: 1/2^12, not 1/2^11",
        )
    )
    return out


def build_json(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for p in JSON_PAIRS:
        resp = render_box(p.resp, r).replace("\\", "\\\\")
        note = "every backslash doubled (JSON-escaped text)"
        if p.note:
            note += "; " + p.note
        out.append(Case(resp, p.ref, p.equal, "json_backslashes", note))
    return out


def build_multi(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for k, (first, last, ref, eq, note) in enumerate(MULTI):
        v = k % 4
        if v == 0:
            resp = (
                f"{reasoning(r, 2)} This gives $\\boxed{{{first}}}$.\n\n"
                f"Wait, I made an error in the second step. Let me redo it. {reasoning(r, 2)}\n\n"
                f"So the correct answer is $\\boxed{{{last}}}$."
            )
        elif v == 1:
            resp = (
                f"{intro(r)} {reasoning(r, 1)} A first guess would be \\boxed{{{first}}}, "
                f"but that ignores one case. {reasoning(r, 2)}\n\n"
                f"**Final Answer**\n\\[\\boxed{{{last}}}\\]"
            )
        elif v == 2:
            resp = (
                f"Approach 1: {reasoning(r, 2)} This yields $\\boxed{{{first}}}$.\n\n"
                f"Approach 2 (check): {reasoning(r, 1)} This yields $\\boxed{{{first}}}$ again?"
                f" No, recomputing carefully gives $\\boxed{{{last}}}$.\n\n"
                f"The final answer is $\\boxed{{{last}}}$."
            )
        else:
            resp = (
                f"{reasoning(r, 2)}\n\nCandidate: $\\boxed{{{first}}}$. "
                f"{reasoning(r, 1)} Verification fails for the candidate, so we revise.\n\n"
                f"Answer: $\\boxed{{{last}}}$"
            )
        out.append(
            Case(
                resp,
                maybe_wrap_ref(ref, r),
                eq,
                "multiple_boxed",
                note or "the last box is the answer",
            )
        )
    return out


_OPTION_VALUES = ["4", "6", "8", "10", "12"]


def build_mc(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for ending, ref, eq, note in MC:
        m = re.search(r"\b([A-E])\b", ending.replace("textbf", "").replace("text", ""))
        letter = m.group(1) if m else "C"
        value = _OPTION_VALUES["ABCDE".index(letter)]
        choices = ", ".join(f"({c}) ${v}$" for c, v in zip("ABCDE", _OPTION_VALUES, strict=False))
        resp = (
            f"The choices are {choices}. {reasoning(r, 2)} Our computed value is ${value}$, "
            f"which matches choice ({letter}); the other options are ruled out by the bound above."
            f"\n\n{ending}"
        )
        out.append(Case(resp, ref, eq, "multiple_choice", note))
    return out


def build_nobox(r: random.Random) -> list[Case]:
    out: list[Case] = []
    for ans, ref, eq, kind, flag in NOBOX:
        pre = ""
        note = ""
        if flag == "trap":
            pre = f"At first it looks like the result is {inline(ref)}, but that misses a case. "
            note = "the reference appears earlier in the reasoning; the final answer differs"
        body = f"{intro(r)} {pre}{reasoning(r, 3)}"
        if kind == "answer_is":
            resp = f"{body}\n\nThe answer is {inline(ans)}."
        elif kind == "minerva":
            resp = f"{body}\n\nFinal Answer: The final answer is ${ans}$. I hope it is correct."
        elif kind == "colon":
            resp = f"{body}\n\nAnswer: {inline(ans)}"
        elif kind == "dollar":
            resp = f"{body} Solving the last equation, we get ${ans}$."
        else:
            resp = f"{body} Adding everything up, the total comes to {ans}."
        if not note and kind == "number":
            note = "the answer is the last number in the response"
        out.append(Case(resp, maybe_wrap_ref(ref, r), eq, "no_box", note))
    return out


def build_malformed(r: random.Random) -> list[Case]:
    return [
        Case(f"{intro(r)} {reasoning(r, 3)}\n\n{m.tail}", m.ref, m.equal, "malformed", m.note)
        for m in MALFORMED
    ]


def build_adversarial(r: random.Random) -> list[Case]:
    """Inputs a grader might hang or blow up on; every label is not-equal."""
    cat = "adversarial"
    filler_sentence = (
        "We consider the recurrence again and note that each term depends only on the previous "
        "two terms, so the computation can be organized as a simple loop over the index. "
    )
    # No math and no numbers before the junk, so every extraction rule finds only the wrong "2".
    prose = "We simplify the expression step by step and write the result below. "
    items: list[tuple[str, str, str]] = []

    def box(content: str, pre: str = "") -> str:
        return f"{pre or reasoning(r, 2)}\n\nTherefore the answer is $\\boxed{{{content}}}$."

    items += [
        (box("9^{9^{9^{9}}}"), "3", "power tower far too large to evaluate"),
        (box("1000!!"), "7", "double factorial of 1000"),
        (box("10^{10^{10}}"), "1", "ten billion digits"),
        (box("2^{2^{2^{2^{2^{2}}}}}"), "0", "power tower"),
        (box("10^{10^{10}} - 10^{10^{10}} + 1"), "2", "huge cancellation; the value is 1, not 2"),
        (box("(10^{100})!"), "5", "factorial of a googol"),
        (box("99999999999999999999999999999999^{99999999}"), "1", "huge power"),
        (box(r"\sum_{k=1}^{10^{12}} k"), "0", "sum with 10^12 terms"),
        (box(r"\prod_{k=1}^{10^{9}} k"), "1", "product with 10^9 factors"),
        (box("x^{x^{x^{x^{x}}}}"), "x", "symbolic power tower"),
        (box("(x+1)^{1000}"), "x^{1000}+1", "expansion blowup"),
        (box("(a+b+c+d)^{200}"), "0", "multinomial expansion blowup"),
        (box(r"\sin(10^{100})"), "0", "needs 100+ digits of pi to evaluate"),
        (box("e^{e^{e^{e^{e}}}}"), "1", "overflowing exponential tower"),
        (box("10^{-10^{10}}"), "0", "tiny but not zero"),
        (box("1e999999999"), "1", "float overflow"),
        (box(r"\frac{1}{0}"), "0", "division by zero"),
        (box("0/0"), "0", "undefined"),
    ]
    # 10k-term sums vs a wrong total.
    ones = "+".join(["1"] * 10_000)
    items.append((box(ones), "9999", "10,000 ones sum to 10000"))
    seq = "+".join(str(k) for k in range(1, 10_001))
    items.append((box(seq), "50005001", "1+...+10000 = 50005000"))
    items.append((box("+".join([r"\sqrt{2}"] * 10_000) + "+0"), "0", "10,000 radicals"))
    # 100k nested braces around a wrong value.
    items.append((box("{" * 100_000 + "1" + "}" * 100_000), "2", "100,000 nested braces"))
    # 50k nested parentheses.
    items.append((box("(" * 50_000 + "1" + ")" * 50_000), "2", "50,000 nested parentheses"))
    # Deep sqrt: 2^(1/2^2000) is not exactly 1.
    items.append(
        (
            box("\\sqrt{" * 2_000 + "2" + "}" * 2_000),
            "1",
            "2000 nested square roots of 2: within any float tolerance of 1, but not 1",
        )
    )
    # Deep fractions.
    items.append((box("\\frac{1}{" * 5_000 + "2" + "}" * 5_000), "0", "5000 nested fractions"))
    # A 1 MB response whose box holds a wrong answer.
    big = filler_sentence * (1_000_000 // len(filler_sentence))
    items.append((box("41", pre=big), "42", "1 MB response"))
    # A 1 MB run of digits vs 1.
    items.append((box("1" * 1_000_000), "1", "a million-digit number"))
    items.append((box("1." + "0" * 100_000 + "1"), "1", "1 + 10^-100001 is not 1"))
    items.append((box("0." + "9" * 100_000), "1", "a finite string of nines is below 1"))
    # Thousands of unclosed \boxed{ openings.
    items.append(
        (
            prose + "\\boxed{" * 5_000 + "2",
            "1",
            "5000 unclosed boxes; no complete answer",
        )
    )
    items.append(("\\left(" * 10_000 + "2", "1", "10,000 unclosed \\left("))
    items.append((prose + "$" * 100_000 + " 2", "1", "100,000 dollar signs"))
    items.append(("The answer is " * 20_000 + "2.", "1", "20,000 repeated answer phrases"))
    items.append((box("x" * 100_000), "x", "a 100,000-letter product"))
    rows = r"\\".join("&".join(str((i * 7 + j) % 10) for j in range(150)) for i in range(150))
    items.append((box(f"\\begin{{pmatrix}}{rows}\\end{{pmatrix}}"), "1", "150x150 matrix"))
    return [Case(resp, ref, False, cat, note) for resp, ref, note in items]


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
