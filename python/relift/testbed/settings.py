"""What a demo run is: its arms, its settings (:class:`DemoSettings`, the defaults and the quick
smoke run), and one arm's outcome (:class:`ArmResult`); shared by :mod:`relift.testbed.demo`,
:mod:`relift.testbed.arms` and :mod:`relift.testbed.report`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from relift.testbed.model import BaseSpec
from relift.testbed.task import Style

__all__ = [
    "ARMS",
    "DEFAULT_TRAIN_MIX",
    "TRAINED_ARMS",
    "ArmResult",
    "DemoSettings",
    "default_settings",
    "quick_settings",
]

#: Arm name -> what the report calls it. Order matters: ``sft_matched`` needs ReLIFT's count.
ARMS: dict[str, str] = {
    "base": "Base model",
    "rl": "RL only",
    "relift": "ReLIFT",
    "sft_all": "SFT only, all demonstrations",
    "sft_matched": "SFT only, as many demonstrations as ReLIFT",
}
TRAINED_ARMS = ("rl", "relift", "sft_all", "sft_matched")


#: The default training set: mostly what the base model can do (2- and 3-digit sums) and a
#: minority it cannot (4-digit sums, and 2-digit sums written ``a:b``), as in the paper's data,
#: where most questions are not ones every sample gets wrong.
DEFAULT_TRAIN_MIX = {"d2": 512, "d3": 512, "d4": 128, "c2": 128}


@dataclass(frozen=True)
class DemoSettings:
    """Everything a demo run depends on (written to the run folder as ``settings.json``)."""

    base: BaseSpec = field(default_factory=BaseSpec)
    train_per_tier: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_TRAIN_MIX))
    """Training questions of each tier (``relift.testbed.task.TIERS``); the held-out set has
    ``eval_per_tier`` of each of the same tiers."""
    eval_per_tier: int = 64
    steps: int = 60
    """Training steps per arm (RL steps for ``rl`` / ``relift``, SFT steps for the SFT arms)."""
    prompts_per_step: int = 32
    rollouts: int = 8
    eval_every: int = 10
    k: int = 8
    eval_temperature: float = 0.6
    rl_lr: float = 1e-4
    sft_lr: float = 3e-4
    trigger_size: int = 16
    sft_steps_per_trigger: int = 2
    """SFT steps on each batch of ``trigger_size`` buffered questions (the reference: 1; at this
    scale 2 teaches the hard tier, see ``docs/demo/README.md``)."""
    demo_style: Style = "short"
    """The demonstrations' style: ``short`` (the base model's own format) or ``verbose``
    (longer, as the paper's come from another model; at this budget it makes SFT collapse
    the model's accuracy, see ``docs/demo/README.md``)."""
    max_new_tokens: int = 80
    seed: int = 0
    engine: Literal["hf", "vllm"] = "hf"
    """The arms' rollout engine: transformers ``generate`` (CPU or GPU) or vLLM (GPU)."""
    arms: tuple[str, ...] = TRAINED_ARMS
    quick: bool = False

    @property
    def tiers(self) -> tuple[str, ...]:
        return tuple(self.train_per_tier)

    @property
    def train_size(self) -> int:
        return sum(self.train_per_tier.values())

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def default_settings(seed: int = 0) -> DemoSettings:
    """The README's main job: 6 minutes on 2 cores with the base model cached; its first
    pre-training adds about 7 minutes."""
    return DemoSettings(base=BaseSpec(seed=seed), seed=seed)


def quick_settings(seed: int = 0) -> DemoSettings:
    """A smoke run for CI (< 2 minutes on 2 cores): a barely trained base, a few steps."""
    base = BaseSpec(pretrain_steps=40, seed=seed)
    return DemoSettings(
        base=base, train_per_tier=dict.fromkeys(DEFAULT_TRAIN_MIX, 32), eval_per_tier=8,
        steps=4, prompts_per_step=8,
        rollouts=4, eval_every=2, k=4, trigger_size=4, seed=seed, quick=True,
    )  # fmt: skip


@dataclass
class ArmResult:
    """One arm's outcome: final eval metrics, counters and its curve points."""

    arm: str
    metrics: dict[str, float]
    steps: int = 0
    sft_steps: int = 0
    demos_used: int = 0
    demo_rows: int = 0
    train_size: int = 0
    seconds: float = 0.0
    curves: list[dict[str, float]] = field(default_factory=list)
