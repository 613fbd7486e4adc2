"""Statistics for a multi-seed study that compares training arms on the same held-out questions.

A study trains each arm (RL only, SFT, ReLIFT, ...) once per seed, where each seed is a separate
base model, training run and held-out question set, and scores every arm on that seed's
questions. Two sources of noise matter and both are counted:

* within a seed, which questions happened to be drawn: the arms answer the *same* questions, so
  the paired difference and its paired standard error (:func:`paired_difference`) measure it;
* between seeds, run-to-run variation: :func:`summarize_seeds` gives the mean over seeds and a
  Student-t 95% half-width, which is wide with few seeds (t = 4.303 for 3 seeds), on purpose.

The ``claim_*`` functions turn both into a verdict, a :class:`Claim` that says whether a
sentence such as "ReLIFT beats RL on the Hardest bucket" holds and, in ``reason``, why not.
A claim never holds on one seed: with no run-to-run estimate its uncertainty is infinite.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = [
    "Claim",
    "PairedDiff",
    "SeedSummary",
    "claim_greater",
    "claim_greater_values",
    "claim_not_worse",
    "claim_value_at_least",
    "claim_value_at_most",
    "paired_difference",
    "summarize_seeds",
    "t_quantile_975",
]

# One arm's per-question scores in one seed, e.g. each question's accuracy over k samples.
Scores: TypeAlias = Sequence[float] | npt.NDArray[np.floating[Any]]
# How the claimed side is compared with its bound (strict for "beats", not for thresholds).
_Rule: TypeAlias = Literal[">", ">=", "<="]

# Two-sided 95% (upper 97.5%) quantiles of Student's t, df = 1..30, from the standard t table.
_T_975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip
_NORMAL_975 = 1.96


def t_quantile_975(df: int) -> float:
    """Student-t 97.5% quantile for ``df`` degrees of freedom; inf below 1 (nothing to estimate).

    Beyond df = 30 the normal 1.96 is used (slightly narrow: t(31) = 2.040)."""
    if df < 1:
        return math.inf
    return _T_975[df - 1] if df <= len(_T_975) else _NORMAL_975


@dataclass(frozen=True)
class PairedDiff:
    """Mean of a - b over the questions of one seed, its paired standard error, and n."""

    mean: float
    standard_error: float  # inf for one question: a single difference says nothing of its noise
    n: int


@dataclass(frozen=True)
class SeedSummary:
    """Per-seed values summarized over seeds; spread, SE and half-width are inf for one seed."""

    mean: float
    spread: float  # between-seed sample standard deviation
    standard_error: float  # spread / sqrt(n_seeds)
    halfwidth: float  # t(n_seeds - 1) * standard_error: the 95% uncertainty of the mean
    n_seeds: int


@dataclass(frozen=True)
class Claim:
    """A verdict on one sentence of the study, with the numbers it rests on."""

    claim: str
    holds: bool
    mean_diff: float
    per_seed_diff: list[float]
    spread: float
    uncertainty: float
    reason: str

    def as_json(self) -> dict[str, Any]:
        """A JSON-safe dict at full precision; inf and nan become None (JSON has neither)."""
        return {
            "claim": self.claim,
            "holds": self.holds,
            "mean_diff": _json_float(self.mean_diff),
            "per_seed_diff": [_json_float(d) for d in self.per_seed_diff],
            "spread": _json_float(self.spread),
            "uncertainty": _json_float(self.uncertainty),
            "reason": self.reason,
        }


def paired_difference(a: Scores, b: Scores) -> PairedDiff:
    """Mean of a - b over the same questions and its paired standard error (sd(a - b) / sqrt(n)).

    Pairing removes the questions' own difficulty from the noise, which is why it is used."""
    a_arr, b_arr = _same_questions(a, b)
    diff = a_arr - b_arr
    n = int(diff.size)
    se = float(diff.std(ddof=1)) / math.sqrt(n) if n > 1 else math.inf
    return PairedDiff(mean=float(diff.mean()), standard_error=se, n=n)


def _same_questions(
    a: Scores, b: Scores
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    a_arr, b_arr = _as_1d(a, "a"), _as_1d(b, "b")
    if a_arr.size != b_arr.size:
        raise ValueError(
            f"paired scores need the same questions: a has {a_arr.size}, b has {b_arr.size}"
        )
    if a_arr.size == 0:
        raise ValueError("paired scores need at least one question; both are empty")
    return a_arr, b_arr


def summarize_seeds(values: Sequence[float]) -> SeedSummary:
    """Mean over seeds, between-seed spread, SE of the mean and its Student-t 95% half-width."""
    arr = _as_1d(values, "values")
    if arr.size == 0:
        raise ValueError("a summary over seeds needs at least one seed")
    n = int(arr.size)
    if n == 1:
        return SeedSummary(float(arr[0]), math.inf, math.inf, math.inf, 1)
    spread = float(arr.std(ddof=1))
    se = spread / math.sqrt(n)
    return SeedSummary(float(arr.mean()), spread, se, t_quantile_975(n - 1) * se, n)


def claim_greater(
    text: str, per_seed_a: Sequence[Scores], per_seed_b: Sequence[Scores], margin: float = 0.0
) -> Claim:
    """A beats B by more than ``margin`` on the same questions, in every seed and on average.

    Holds iff every seed's paired difference exceeds ``margin`` and exceeds zero by more than
    two of its paired SEs, and the mean over seeds minus its half-width exceeds ``margin``."""
    _check_bound(margin, "margin")
    pairs, bad = _paired_per_seed(per_seed_a, per_seed_b)
    diffs = [p.mean for p in pairs]
    failures = [
        f"seed {s}'s difference {_f(p.mean)} is not above the margin {_f(margin)}"
        if not p.mean > margin
        else f"seed {s}'s difference {_f(p.mean)} is within 2 paired SEs "
        f"(2 x {_f(p.standard_error)}) of zero"
        for s, p in enumerate(pairs)
        if not (p.mean > margin and p.mean - 2.0 * p.standard_error > 0.0)
    ]
    return _verdict(text, diffs, diffs, bad, failures, ">", margin)


def claim_not_worse(
    text: str, per_seed_a: Sequence[Scores], per_seed_b: Sequence[Scores], tolerance: float
) -> Claim:
    """A matches or beats B: every seed's paired difference and mean - half-width > -tolerance."""
    _check_bound(tolerance, "tolerance")
    if tolerance < 0:
        raise ValueError(f"tolerance must be >= 0, got {tolerance}")
    pairs, bad = _paired_per_seed(per_seed_a, per_seed_b)
    diffs = [p.mean for p in pairs]
    failures = [
        f"seed {s}'s difference {_f(d)} is not above -{_f(tolerance)}"
        for s, d in enumerate(diffs)
        if not d > -tolerance
    ]
    return _verdict(text, diffs, diffs, bad, failures, ">", -tolerance)


def claim_value_at_most(text: str, per_seed_values: Sequence[float], threshold: float) -> Claim:
    """Every seed's value and the mean + half-width are <= ``threshold``; diffs are value - it."""
    return _value_claim(text, per_seed_values, threshold, "<=")


def claim_value_at_least(text: str, per_seed_values: Sequence[float], threshold: float) -> Claim:
    """Every seed's value and the mean - half-width are >= ``threshold``; diffs are value - it."""
    return _value_claim(text, per_seed_values, threshold, ">=")


def claim_greater_values(
    text: str, per_seed_a: Sequence[float], per_seed_b: Sequence[float], margin: float = 0.0
) -> Claim:
    """A's scalar per seed (e.g. mean response length) exceeds B's by more than ``margin``.

    Holds iff every seed's a - b > ``margin`` and the mean difference - half-width > ``margin``."""
    _check_bound(margin, "margin")
    if len(per_seed_a) != len(per_seed_b):
        raise ValueError(f"A has {len(per_seed_a)} seeds, B has {len(per_seed_b)}")
    a, bad_a = _scalars(per_seed_a, "value of A")
    b, bad_b = _scalars(per_seed_b, "value of B")
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    failures = [
        f"seed {s}'s difference {_f(d)} is not above the margin {_f(margin)}"
        for s, d in enumerate(diffs)
        if not d > margin
    ]
    return _verdict(text, diffs, diffs, bad_a or bad_b, failures, ">", margin)


def _value_claim(
    text: str, per_seed_values: Sequence[float], threshold: float, rule: _Rule
) -> Claim:
    _check_bound(threshold, "threshold")
    values, bad = _scalars(per_seed_values, "value")
    failures = [
        f"seed {s}'s value {_f(v)} is not {rule} {_f(threshold)}"
        for s, v in enumerate(values)
        if not (v <= threshold if rule == "<=" else v >= threshold)
    ]
    diffs = [v - threshold for v in values]
    return _verdict(text, values, diffs, bad, failures, rule, threshold, shift=threshold)


def _verdict(
    text: str,
    summarized: list[float],
    per_seed_diff: list[float],
    bad_input: str | None,
    seed_failures: list[str],
    rule: _Rule,
    bound: float,
    shift: float = 0.0,
) -> Claim:
    """Apply the rules in order (bad input, one seed, each seed, the mean) and word the reason.

    The mean test is ``mean + half-width <= bound`` for "<=" and ``mean - half-width`` against
    ``bound`` otherwise: the whole uncertainty interval must lie on the claimed side."""
    if bad_input is None:
        summary = summarize_seeds(summarized)
    else:  # no number computed from a NaN or inf input is worth reporting
        summary = SeedSummary(math.nan, math.nan, math.nan, math.nan, len(summarized))

    def claim(holds: bool, reason: str) -> Claim:
        mean_diff, spread, halfwidth = summary.mean - shift, summary.spread, summary.halfwidth
        return Claim(text, holds, mean_diff, per_seed_diff, spread, halfwidth, reason)

    if bad_input is not None:
        return claim(False, f"Does not hold: {bad_input}.")
    if summary.n_seeds == 1:
        return claim(
            False,
            "Does not hold: only one seed, so there is no run-to-run estimate and the "
            "uncertainty is infinite.",
        )
    if seed_failures:
        return claim(False, f"Does not hold: {'; '.join(seed_failures)}.")
    sign = "+" if rule == "<=" else "-"
    edge = summary.mean + summary.halfwidth if rule == "<=" else summary.mean - summary.halfwidth
    passes = {"<=": edge <= bound, ">=": edge >= bound, ">": edge > bound}[rule]
    arithmetic = (
        f"the mean over {summary.n_seeds} seeds {_f(summary.mean)} {sign} its half-width "
        f"{_f(summary.halfwidth)} = {_f(edge)}"
    )
    if not passes:
        return claim(
            False,
            f"Does not hold: every seed passes, but {arithmetic} is not {rule} {_f(bound)}.",
        )
    return claim(True, f"Holds: every seed passes and {arithmetic} {rule} {_f(bound)}.")


def _paired_per_seed(
    per_seed_a: Sequence[Scores], per_seed_b: Sequence[Scores]
) -> tuple[list[PairedDiff], str | None]:
    """Each seed's paired difference, and a description of the first non-finite score (or None).

    A seed with a non-finite score gets NaN rather than a number computed from it."""
    if len(per_seed_a) != len(per_seed_b):
        raise ValueError(f"A has {len(per_seed_a)} seeds, B has {len(per_seed_b)}")
    if len(per_seed_a) == 0:
        raise ValueError("a claim needs at least one seed")
    pairs: list[PairedDiff] = []
    first_bad: str | None = None
    for seed, (a, b) in enumerate(zip(per_seed_a, per_seed_b, strict=True)):
        try:
            a_arr, b_arr = _same_questions(a, b)
        except ValueError as err:  # say which seed: the study has many
            raise ValueError(f"seed {seed}: {err}") from err
        bad = [
            f"seed {seed}'s score of {arm} on question {int(where[0])} is not finite"
            for arm, where in (
                ("A", np.flatnonzero(~np.isfinite(a_arr))),
                ("B", np.flatnonzero(~np.isfinite(b_arr))),
            )
            if where.size
        ]
        if bad:
            first_bad = first_bad or bad[0]
            pairs.append(PairedDiff(math.nan, math.nan, int(a_arr.size)))
        else:
            pairs.append(paired_difference(a_arr, b_arr))
    return pairs, first_bad


def _scalars(values: Sequence[float], name: str) -> tuple[list[float], str | None]:
    """The values as floats, and a description of the first non-finite one (or None)."""
    if len(values) == 0:
        raise ValueError(f"no seeds given for the {name}")
    floats = [float(v) for v in values]
    bad = next((s for s, v in enumerate(floats) if not math.isfinite(v)), None)
    return floats, None if bad is None else f"seed {bad}'s {name} is not finite ({floats[bad]})"


def _as_1d(values: Scores, name: str) -> npt.NDArray[np.float64]:
    arr = np.asarray(values, dtype=np.float64)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be a flat list of numbers, got shape {arr.shape}")
    return arr


def _check_bound(value: float, name: str) -> None:
    # A NaN bound would make every comparison False: a caller's bug, not a failed claim.
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")


def _json_float(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _f(value: float) -> str:
    return f"{value:.4g}"
