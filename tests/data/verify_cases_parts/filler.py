"""Reasoning filler: short, arithmetically correct sentences with some LaTeX and distractor
numbers, the openings that precede them, and ``inline`` for answers in running text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

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
