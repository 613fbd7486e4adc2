"""The paper's claims, checked on a study's results (:mod:`relift.testbed.study`) with the
verdict rules of :mod:`relift.testbed.stats`: paired over each seed's held-out questions, a claim
holds only if it holds in every seed and its mean over seeds clears its uncertainty.

The thresholds are this project's reading of the paper's words, fixed before the study ran:
"near 0" is at most 5%, "far above" is more than 10 points, "matches" is not more than 3 points
worse on Easy and 5 on Medium (fewer questions), "uses at most 15% of the demonstrations" is
distinct demonstrations trained on over the training set's size.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from relift.testbed.stats import (
    Claim,
    claim_greater,
    claim_greater_values,
    claim_not_worse,
    claim_value_at_most,
)

__all__ = ["claims"]

Check = Callable[["_Seeds"], Claim]


class _Seeds:
    """One stopping point (``timed`` or ``at_rl_steps``) of every seed's results."""

    def __init__(self, per_seed: Mapping[int, Mapping[str, Any]], which: str) -> None:
        self.per_seed, self.which = per_seed, which

    def scores(self, arm: str, bucket: str | None = None) -> list[list[float]]:
        """Per seed, ``arm``'s per-question avg@k (in ``bucket``, or all questions)."""
        out = []
        for result in self.per_seed.values():
            labels = result["base"]["bucket_labels"]
            snap = self._snapshot(result, arm)
            out.append([s for s, b in zip(snap["scores"], labels, strict=True)
                        if bucket is None or b == bucket])  # fmt: skip
        return out

    def lengths(self, arm: str) -> list[float]:
        """Per seed, ``arm``'s mean response length (tokens)."""
        return [float(self._snapshot(r, arm)["resp_len"]) for r in self.per_seed.values()]

    def demo_share(self, arm: str) -> list[float]:
        return [
            self._snapshot(result, arm)["demos_used"] / result["train_size"]
            for result in self.per_seed.values()
        ]

    def _snapshot(self, result: Mapping[str, Any], arm: str) -> Mapping[str, Any]:
        if arm == "base":
            return dict(result["base"])
        return dict(result["arms"][arm][self.which])


#: (claim, unit of its numbers, arms it needs, how it is checked); ``base`` is the base model.
CLAIMS: list[tuple[str, str, tuple[str, ...], Check]] = [
    ("RL only stays near 0 on Hardest (at most 5%)", "points", ("rl",),
     lambda d: claim_value_at_most("", _bucket_means(d, "rl", "hardest"), 0.05)),
    ("ReLIFT is far above RL only on Hardest (by more than 10 points)", "points",
     ("relift", "rl"),
     lambda d: claim_greater("", d.scores("relift", "hardest"), d.scores("rl", "hardest"), 0.10)),
    ("ReLIFT matches RL only on Easy (at most 3 points worse)", "points", ("relift", "rl"),
     lambda d: claim_not_worse("", d.scores("relift", "easy"), d.scores("rl", "easy"), 0.03)),
    ("ReLIFT matches RL only on Medium (at most 5 points worse)", "points", ("relift", "rl"),
     lambda d: claim_not_worse("", d.scores("relift", "medium"), d.scores("rl", "medium"), 0.05)),
    ("ReLIFT beats SFT on all demonstrations, overall", "points", ("relift", "sft_all"),
     lambda d: claim_greater("", d.scores("relift"), d.scores("sft_all"))),
    ("ReLIFT beats SFT then RL, overall", "points", ("relift", "sft_then_rl"),
     lambda d: claim_greater("", d.scores("relift"), d.scores("sft_then_rl"))),
    ("ReLIFT beats SFT on a random subset of its size, overall", "points",
     ("relift", "sft_matched"),
     lambda d: claim_greater("", d.scores("relift"), d.scores("sft_matched"))),
    ("ReLIFT beats SFT on the base model's all-wrong questions, overall", "points",
     ("relift", "sft_hardest_offline"),
     lambda d: claim_greater("", d.scores("relift"), d.scores("sft_hardest_offline"))),
    ("ReLIFT beats LUFFY, overall", "points", ("relift", "luffy"),
     lambda d: claim_greater("", d.scores("relift"), d.scores("luffy"))),
    ("SFT on all demonstrations lengthens responses (vs the base model)", "tokens",
     ("sft_all",),
     lambda d: claim_greater_values("", d.lengths("sft_all"), d.lengths("base"))),
    ("SFT on all demonstrations erodes Easy (below the base model)", "points", ("sft_all",),
     lambda d: claim_greater("", d.scores("base", "easy"), d.scores("sft_all", "easy"))),
    ("ReLIFT keeps Easy (at most 3 points below the base model)", "points", ("relift",),
     lambda d: claim_not_worse("", d.scores("relift", "easy"), d.scores("base", "easy"), 0.03)),
    ("ReLIFT's responses are shorter than SFT on all demonstrations'", "tokens",
     ("relift", "sft_all"),
     lambda d: claim_greater_values("", d.lengths("sft_all"), d.lengths("relift"))),
    ("ReLIFT uses at most 15% of the demonstrations", "share", ("relift",),
     lambda d: claim_value_at_most("", d.demo_share("relift"), 0.15)),
]  # fmt: skip


def _bucket_means(d: _Seeds, arm: str, bucket: str) -> list[float]:
    """Per seed, ``arm``'s accuracy on ``bucket`` (NaN for an empty bucket: never holds)."""
    return [sum(s) / len(s) if s else float("nan") for s in d.scores(arm, bucket)]


def claims(per_seed: Mapping[int, Mapping[str, Any]], which: str) -> list[dict[str, Any]]:
    """Every claim's verdict at one stopping point, as study.json gives them."""
    seeds = _Seeds(per_seed, which)
    out = []
    for text, unit, needs, check in CLAIMS:
        missing = _missing(per_seed, needs)
        try:
            if missing:
                raise ValueError(f"not run: {missing}")
            record = check(seeds).as_json() | {"claim": text}
        except ValueError as why:  # an arm not run, or a bucket with no question in a seed
            record = {
                "claim": text, "holds": False, "mean_diff": None, "per_seed_diff": [],
                "spread": None, "uncertainty": None, "reason": f"cannot be checked: {why}",
            }  # fmt: skip
        record["reason"] = _seed_names(str(record["reason"]), list(per_seed))
        out.append(record | {"unit": unit})
    return out


def _seed_names(reason: str, seeds: Sequence[int]) -> str:
    """relift.testbed.stats numbers seeds by position; the study's reader knows them by name."""
    return re.sub(r"\bseed (\d+)", lambda m: f"seed {seeds[int(m.group(1))]}", reason)


def _missing(per_seed: Mapping[int, Mapping[str, Any]], arms: Sequence[str]) -> str:
    """Which arm is missing from which seed ("" when none)."""
    if not per_seed:
        return "no seed ran"
    # by position, as relift.testbed.stats writes them: _seed_names puts the names in
    gaps = [f"{arm} (seed {i})" for i, result in enumerate(per_seed.values()) for arm in arms
            if arm != "base" and arm not in result["arms"]]  # fmt: skip
    return ", ".join(gaps)
