"""The testbed's task: adding numbers with a written chain of thought, in tiers.

A question is ``"4821+3795="``. The model's own answer style (the one the base model is
pre-trained on, and what RL samples) works the digits from the right, one step each, and ends
in a box:

    1+5=6,2+9=11,8+7+1=16,4+3+1=8\\boxed{8616}

Demonstrations (what SFT trains on, standing in for the paper's stronger model) may use a
longer style, where each step also writes the part of the sum known so far:

    1+5=6:6,2+9=11:16,8+7+1=16:616,4+3+1=8:8616\\boxed{8616}

Difficulty is built in by what the base model saw: 1-3 digit sums of two numbers and a trickle
of 4-digit ones. So 2 digits are easy, 3 digits in between, and these are out of its reach:
4 digits (a longer chain than it learned), three terms of 2 digits (``47+58+99=``, a pattern it
never saw, with carries up to 2, so new arithmetic too), and 2-digit sums written with a colon
(``47:58=``, a notation it never saw for a sum it can do; the worked solution is the usual
one). Everything is a pure function of the seed.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "BOX",
    "OPERATORS",
    "TASK_CHARS",
    "TIERS",
    "TIER_LABELS",
    "Problem",
    "Style",
    "make_problems",
    "pretraining_rows",
    "solution",
    "task_rows",
]

#: How every answer is boxed.
BOX = "\\boxed{"
#: Every character the task writes.
TASK_CHARS = "0123456789+=,:" + "".join(sorted(set(BOX))) + "}"
#: Tier name -> (digits per operand, operands). The names are the rows' ``data_source``.
TIERS: dict[str, tuple[int, int]] = {
    "d2": (2, 2),
    "d3": (3, 2),
    "d4": (4, 2),
    "t3": (2, 3),
    "c2": (2, 2),
}
#: The tiers written with another sign than ``+`` between the operands.
OPERATORS: dict[str, str] = {"c2": ":"}
#: What the report calls each tier.
TIER_LABELS: dict[str, str] = {
    "d2": "2 digits",
    "d3": "3 digits",
    "d4": "4 digits",
    "t3": "3 terms of 2 digits",
    "c2": "2 digits as a:b",
}

Style = Literal["short", "verbose"]


@dataclass(frozen=True)
class Problem:
    """The sum of ``terms``, all with ``digits`` digits."""

    terms: tuple[int, ...]
    digits: int
    op: str = "+"

    @property
    def question(self) -> str:
        return self.op.join(map(str, self.terms)) + "="

    @property
    def answer(self) -> str:
        return str(sum(self.terms))

    @property
    def tier(self) -> str:
        for name, op in OPERATORS.items():
            if op == self.op and TIERS[name] == (self.digits, len(self.terms)):
                return name
        return f"t{len(self.terms)}" if len(self.terms) > 2 else f"d{self.digits}"


def solution(problem: Problem, style: Style = "short") -> str:
    """The worked solution: one step per digit from the right, then the boxed sum."""
    columns = zip(*(str(t)[::-1] for t in problem.terms), strict=True)
    carry, written, steps = 0, "", []
    for index, column in enumerate(columns):
        total = sum(map(int, column)) + carry
        step = "+".join(column) + (f"+{carry}" if carry else "") + f"={total}"
        last = index + 1 == problem.digits
        written = (str(total) if last else str(total % 10)) + written
        steps.append(f"{step}:{written}" if style == "verbose" else step)
        carry = total // 10
    return ",".join(steps) + BOX + problem.answer + "}"


def make_problems(
    digits: int, count: int, rng: random.Random, *, terms: int = 2, op: str = "+"
) -> list[Problem]:
    """``count`` random sums of ``terms`` ``digits``-digit numbers (no leading zeros), written
    with ``op`` between them."""
    low, high = (0 if digits == 1 else 10 ** (digits - 1)), 10**digits - 1
    return [
        Problem(tuple(rng.randint(low, high) for _ in range(terms)), digits, op)
        for _ in range(count)
    ]


def task_rows(
    per_tier: int | Mapping[str, int],
    seed: int,
    *,
    tiers: Sequence[str] = ("d2", "d3", "d4", "t3"),
    exclude: Collection[str] = (),
    style: Style = "verbose",
) -> list[dict[str, Any]]:
    """``per_tier`` distinct questions of each tier (a count for every one of ``tiers``, or a
    count per tier, whose keys are then the tiers) as ``qa`` rows (``question``, ``answer``,
    ``solution`` in ``style``, ``data_source`` = tier), skipping ``exclude``d questions.
    Distinct within the list; deterministic in ``seed``."""
    counts = dict(per_tier) if isinstance(per_tier, Mapping) else dict.fromkeys(tiers, per_tier)
    rng = random.Random(f"relift-testbed-task-{seed}")
    rows: list[dict[str, Any]] = []
    seen = set(exclude)
    for tier, count in counts.items():
        (digits, terms), made = TIERS[tier], 0
        while made < count:
            (problem,) = make_problems(digits, 1, rng, terms=terms, op=OPERATORS.get(tier, "+"))
            if problem.question in seen:
                continue
            seen.add(problem.question)
            rows.append(_row(problem, style))
            made += 1
    return rows


def pretraining_rows(count: int, seed: int, *, four_digit_share: float) -> list[dict[str, Any]]:
    """The base model's curriculum: 1-3 digit sums in the short style, plus a small share of
    4-digit ones (enough to make 4 digits hard but not hopeless)."""
    rng = random.Random(f"relift-testbed-pretrain-{seed}")
    rows = []
    for _ in range(count):
        digits = 4 if rng.random() < four_digit_share else rng.randint(1, 3)
        (problem,) = make_problems(digits, 1, rng)
        rows.append(_row(problem, "short"))
    return rows


def _row(problem: Problem, style: Style) -> dict[str, Any]:
    return {
        "question": problem.question,
        "answer": problem.answer,
        "solution": solution(problem, style),
        "data_source": problem.tier,
    }
