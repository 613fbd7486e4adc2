"""``relift demo``: the paper's dynamics analysis on the embedded testbed, on a laptop's CPU.

1. Build (or load from the cache) the base model: competent on 2-3 digit sums only.
2. Write a training set (every tier, each question with a demonstration) and a held-out set;
   bucket the held-out questions by the base model's accuracy over k samples (Easy / Medium /
   Hard / Hardest, ``relift.evaluation.bucket_of``).
3. Train every arm from the same base for the same number of steps: RL only, SFT only on all
   demonstrations, SFT only on a random subset as large as the set ReLIFT ended up using, and
   ReLIFT. Each arm evaluates greedily on the held-out set as it goes (the curves) and with k
   samples at the end (the table).
4. Write the run folder: data, buckets, each arm's metrics, checkpoint and result, the plots
   and ``report.md``.

An arm whose ``arms/<arm>/result.json`` is already in the run folder (same settings) is not
trained again, so a demo that was stopped resumes with the next arm (the base model's
evaluation and buckets are kept the same way).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from relift.testbed.model import BaseSpec, base_model_dir
from relift.testbed.task import Style, task_rows

__all__ = ["ARMS", "ArmResult", "DemoSettings", "default_settings", "quick_settings", "run_demo"]

log = logging.getLogger("relift")

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


def run_demo(
    run_dir: str | Path,
    settings: DemoSettings,
    *,
    cache: str | Path | None = None,
    progress: bool = True,
) -> tuple[Path, dict[str, ArmResult]]:
    """Run the demo into ``run_dir``; returns the path of its ``report.md`` and the results."""
    from relift.testbed.arms import evaluate_base, train_arm
    from relift.testbed.report import write_report

    run = Path(run_dir)
    run.mkdir(parents=True, exist_ok=True)
    _check_settings(run, settings)
    base_dir = base_model_dir(settings.base, cache, progress=progress)
    train_file, eval_file = _write_data(run / "data", settings)
    results = {
        "base": _cached(run, "base")
        or evaluate_base(base_dir, eval_file, run, settings, progress=progress)
    }
    for arm in settings.arms:
        subset = None
        if arm == "sft_matched":
            used = results["relift"].demos_used if "relift" in results else 0
            subset = _matched_subset(train_file, run / "data", used, settings.seed)
        results[arm] = _cached(run, arm) or train_arm(
            arm, base_dir, subset or train_file, run, settings, progress=progress
        )
    return write_report(run, settings, results), results


def _check_settings(run: Path, settings: DemoSettings) -> None:
    """Refuse to mix runs: a run folder holds one set of settings."""
    path = run / "settings.json"
    wanted = settings.as_json()
    if path.is_file():
        found = json.loads(path.read_text())
        if found != json.loads(json.dumps(wanted)):
            from relift.errors import InvalidInputError

            raise InvalidInputError(
                f"{run} holds a demo run with other settings ({path}); "
                "pass another --output folder, or delete this one"
            )
    else:
        path.write_text(json.dumps(wanted, indent=1))


def _write_data(folder: Path, settings: DemoSettings) -> tuple[Path, Path]:
    """The training set and the held-out set (disjoint), as ``qa`` JSONL files."""
    folder.mkdir(parents=True, exist_ok=True)
    train = task_rows(settings.train_per_tier, settings.seed, style=settings.demo_style)
    held_out = task_rows(
        dict.fromkeys(settings.tiers, settings.eval_per_tier), settings.seed + 10_000,
        exclude={r["question"] for r in train},
    )  # fmt: skip
    paths = folder / "train.jsonl", folder / "eval.jsonl"
    for path, rows in zip(paths, (train, held_out), strict=True):
        _write_jsonl(path, rows)
    return paths


def _matched_subset(train_file: Path, folder: Path, count: int, seed: int) -> Path:
    """A random subset of ``count`` training rows (at least one), for ``sft_matched``."""
    rows = [json.loads(line) for line in train_file.read_text().splitlines()]
    chosen = random.Random(f"relift-demo-matched-{seed}").sample(
        rows, max(1, min(count, len(rows)))
    )
    path = folder / "train_matched.jsonl"
    _write_jsonl(path, chosen)
    return path


def _cached(run: Path, arm: str) -> ArmResult | None:
    path = run / "arms" / arm / "result.json"
    if not path.is_file():
        return None
    log.info("%s: reusing %s", arm, path)
    return ArmResult(**json.loads(path.read_text()))


def _write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r) + "\n" for r in rows))
    tmp.replace(path)
