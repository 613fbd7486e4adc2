"""``relift demo --study``: every arm of the paper's comparison, on several seeds, at equal wall
clock and at equal steps, with verdicts that count the run-to-run variation.

Per seed (its own base model, training set and held-out set):

1. The base model for the seed (:class:`~relift.testbed.model.BaseSpec` with top-ups: pre-trained
   until it is in the regime every seed shares, shipped with relift or built and cached).
2. The training set, every question with a teacher demonstration (longer, another style, a share
   of them faulty); the held-out set, stratified: the same number of candidate questions of each
   tier, bucketed by the base model's avg@k, then ``eval_per_bucket`` drawn from every bucket
   (more 4-digit candidates, the only source of Medium and Hard, are drawn while those fall
   short).
3. The offline-hardest subset: ``relift select-hard`` with the base model on the training set.
4. Every arm trains from the base: first RL only, for ``budget_s`` seconds of training; its step
   count S is the "equal steps" point. Every other arm trains until both its budget and S are
   reached, and is evaluated at each (:meth:`~relift.trainer.Trainer.train` stops at either).

Then ``study.json`` (the issue's shape, plus the base model and the equal-steps figures), the
claims (:mod:`relift.testbed.stats`) and the report (:mod:`relift.testbed.study_report`). Each
arm's result is saved as it finishes (``seed-<s>/arms/<arm>/result.json``); a stopped study
started again with the same folder and settings resumes with the next arm.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import random
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from relift.testbed.model import BaseSpec
from relift.testbed.settings import DEFAULT_TRAIN_MIX, DemoSettings
from relift.testbed.teacher import TeacherStyle

__all__ = ["STUDY_ARMS", "StudySettings", "quick_study_settings", "run_study"]

log = logging.getLogger("relift")

#: Arm -> what the report calls it, in the order they train (RL first: its step count is the
#: equal-steps point; ReLIFT before ``sft_matched``, which takes as many demonstrations).
STUDY_ARMS: dict[str, str] = {
    "rl": "RL only",
    "relift": "ReLIFT",
    "sft_all": "SFT on all demonstrations",
    "sft_matched": "SFT on a random subset of ReLIFT's size",
    "sft_hardest_offline": "SFT on the base model's all-wrong questions",
    "sft_then_rl": "SFT on all, then RL",
    "luffy": "LUFFY (demonstration in each group)",
}


@dataclass(frozen=True)
class StudySettings:
    """Everything a study depends on (written to the run folder as ``settings.json``)."""

    seeds: tuple[int, ...] = (1, 2, 3)
    """The reported seeds. Seed 0 is the development seed: the task, its mix and these settings
    were chosen on it, and the reported study never uses it."""
    budget_s: float = 120.0
    """Training seconds per arm (rollouts and updates; evaluations not counted)."""
    train_per_tier: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_TRAIN_MIX))
    faulty_share: float = 0.2
    """Share of the teacher's demonstrations with a wrong step or a wrong final answer."""
    teacher_style: TeacherStyle = "partial"
    """The teacher's style (:mod:`relift.testbed.teacher`); ``sentences`` also extends the base
    model's vocabulary with the teacher's letters."""
    eval_per_bucket: int = 48
    candidates_per_tier: int = 384
    extra_candidate_rounds: int = 3
    """Rounds of ``candidates_per_tier`` more 4-digit candidates while Medium or Hard is short."""
    select_hard_n: int = 8
    arm: DemoSettings = field(
        default_factory=lambda: DemoSettings(steps=100_000, eval_every=0, max_new_tokens=112)
    )
    """The arms' training settings (the demo's; ``steps`` is only a cap: the budget stops them,
    ``max_new_tokens`` leaves room for the teacher's longest demonstration)."""
    top_up_steps: int = 250
    max_top_ups: int = 4
    base_pretrain_steps: int = 1000
    quick: bool = False

    def base_spec(self, seed: int) -> BaseSpec:
        """The seed's base model: the shipped recipe, topped up until in the regime."""
        return BaseSpec(
            seed=seed, pretrain_steps=self.base_pretrain_steps,
            top_up_steps=self.top_up_steps, max_top_ups=self.max_top_ups,
        )  # fmt: skip

    def arm_settings(self, seed: int) -> DemoSettings:
        return dataclasses.replace(
            self.arm, base=self.base_spec(seed), seed=seed, train_per_tier=self.train_per_tier
        )

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def quick_study_settings() -> StudySettings:
    """A smoke run of the whole pipeline (CI): two seeds, barely trained bases, seconds each."""
    arm = DemoSettings(
        steps=100_000, eval_every=0, max_new_tokens=112, prompts_per_step=8, rollouts=4, k=2,
        trigger_size=4, quick=True,
    )  # fmt: skip
    return StudySettings(
        seeds=(1, 2), budget_s=2.0, train_per_tier=dict.fromkeys(DEFAULT_TRAIN_MIX, 8),
        eval_per_bucket=4, candidates_per_tier=8, extra_candidate_rounds=1, select_hard_n=2,
        arm=arm, top_up_steps=0, max_top_ups=0, base_pretrain_steps=40, quick=True,
    )  # fmt: skip


def run_study(
    run_dir: str | Path,
    settings: StudySettings,
    *,
    cache: str | Path | None = None,
    progress: bool = True,
) -> tuple[Path, dict[str, Any]]:
    """Run the study into ``run_dir``; returns the report's path and the study dict."""
    from relift.testbed.study_report import write_study_report

    run = Path(run_dir)
    run.mkdir(parents=True, exist_ok=True)
    _check_settings(run, settings)
    started = time.perf_counter()
    per_seed = {
        seed: _run_seed(run / f"seed-{seed}", seed, settings, cache, progress)
        for seed in settings.seeds
    }
    study = assemble(settings, per_seed, time.perf_counter() - started)
    (run / "study.json").write_text(json.dumps(study, indent=1))
    return write_study_report(run, study), study


# ---- one seed -----------------------------------------------------------------------------------


def _run_seed(
    folder: Path, seed: int, settings: StudySettings, cache: str | Path | None, progress: bool
) -> dict[str, Any]:
    """The base model's and every arm's results for one seed."""
    from relift.testbed.model import base_model_dir
    from relift.testbed.study_arms import prepare_seed, train_study_arm

    arm_settings = settings.arm_settings(seed)
    base_dir = base_model_dir(arm_settings.base, cache, progress=progress)
    prepared = prepare_seed(folder, base_dir, seed, settings, arm_settings, progress)
    arms: dict[str, dict[str, Any]] = {}
    rl_steps: int | None = None
    for arm in STUDY_ARMS:
        train_file = prepared.train_file
        if arm == "sft_matched":
            count = arms["relift"]["timed"]["demos_used"]
            train_file = _matched_subset(prepared.train_file, folder / "data", count, seed)
        elif arm == "sft_hardest_offline":
            train_file = prepared.hard_file
        arms[arm] = train_study_arm(
            arm, prepared, train_file, folder / "arms" / arm, settings, arm_settings,
            rl_steps, progress,
        )  # fmt: skip
        if arm == "rl":
            rl_steps = arms[arm]["timed"]["steps"]
    return {"base": prepared.base_result, "arms": arms, "train_size": prepared.train_size}


def _matched_subset(train_file: Path, folder: Path, count: int, seed: int) -> Path:
    """A random subset of ``count`` training rows (at least one), for ``sft_matched``."""
    rows = train_file.read_text().splitlines(keepends=True)
    chosen = random.Random(f"relift-study-matched-{seed}").sample(
        rows, max(1, min(count, len(rows)))
    )
    path = folder / "train_matched.jsonl"
    path.write_text("".join(chosen))
    return path


def _check_settings(run: Path, settings: StudySettings) -> None:
    """Refuse to mix runs: a study folder holds one set of settings."""
    path = run / "settings.json"
    wanted = json.loads(json.dumps(settings.as_json()))
    if path.is_file():
        if json.loads(path.read_text()) != wanted:
            from relift.errors import InvalidInputError

            raise InvalidInputError(
                f"{run} holds a study with other settings ({path}); "
                "pass another --output folder, or delete this one"
            )
    else:
        path.write_text(json.dumps(wanted, indent=1))


# ---- study.json ---------------------------------------------------------------------------------


def assemble(
    settings: StudySettings, per_seed: Mapping[int, Mapping[str, Any]], wall_s: float
) -> dict[str, Any]:
    """``study.json``'s content from every seed's results (see the module docstring)."""
    from relift.testbed.study_claims import claims

    seeds = list(per_seed)
    arms = {
        arm: {
            "label": label,
            "per_seed": [
                _public(per_seed[s]["arms"][arm], s) for s in seeds if arm in per_seed[s]["arms"]
            ],
        }
        for arm, label in STUDY_ARMS.items()
    }
    base = {"per_seed": [_public_base(per_seed[s]["base"], s) for s in seeds]}
    train_size = next(iter(per_seed.values()))["train_size"] if per_seed else 0
    return {
        "seeds": seeds,
        "dev_seed": 0,
        "budget_s": settings.budget_s,
        "wall_s": wall_s,
        "train_size": train_size,
        "settings": settings.as_json(),
        "base": base,
        "arms": arms,
        "claims": claims(per_seed, "timed"),
        "claims_equal_steps": claims(per_seed, "at_rl_steps"),
    }


def _public(result: Mapping[str, Any], seed: int) -> dict[str, Any]:
    """One arm's figures for one seed, as study.json gives them (no per-question scores)."""
    timed, steps = result["timed"], result["at_rl_steps"]
    return {"seed": seed, **_figures(timed), "at_rl_steps": _figures(steps)}


def _public_base(result: Mapping[str, Any], seed: int) -> dict[str, Any]:
    figures = _figures(result)
    return {"seed": seed, **figures, "regime": result["regime"], "in_regime": result["in_regime"]}


def _figures(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("overall", "buckets", "bucket_sizes", "resp_len", "resp_len_buckets", "demos_used",
            "demo_rows", "steps", "wall_s")  # fmt: skip
    return {k: snapshot[k] for k in keys if k in snapshot}
