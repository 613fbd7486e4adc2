"""One seed of the study (:mod:`relift.testbed.study`): its base model with the teacher's
vocabulary, its data and stratified held-out set, the offline-hardest subset, and training one
arm to both of its stopping points (equal wall clock, equal steps) with an evaluation at each.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from relift.config import Config, apply_overrides
from relift.evaluation import assign_buckets
from relift.testbed.arms import BUCKETED_EVAL_FILE, _final_eval, _load, arm_config
from relift.testbed.demo import write_jsonl
from relift.testbed.settings import DemoSettings
from relift.testbed.task import task_rows

if TYPE_CHECKING:
    from relift.testbed.study import StudySettings

__all__ = ["BUCKET_NAMES", "PreparedSeed", "prepare_seed", "snapshot_figures", "train_study_arm"]

#: relift.evaluation's bucket names -> the report's.
BUCKET_NAMES = {"easy": "Easy", "medium": "Medium", "hard": "Hard", "hardest": "Hardest"}

#: The study measures at its two stopping points, not along the way.
STUDY_OVERRIDES = ["schedule.eval_before_train=false", "checkpoint.save_final=false"]


@dataclass(frozen=True)
class PreparedSeed:
    """What every arm of a seed shares."""

    base_dir: Path  # the base model (with the teacher's characters, for its ``sentences``)
    train_file: Path
    eval_file: Path  # the stratified held-out set, with a ``bucket`` column
    hard_file: Path  # the training rows the base model gets wrong in all n samples
    buckets: list[str]
    train_size: int
    base_result: dict[str, Any]


def prepare_seed(
    folder: Path,
    base_dir: Path,
    seed: int,
    settings: StudySettings,
    arm_settings: DemoSettings,
    progress: bool,
) -> PreparedSeed:
    """Build (or reuse, when already in ``folder``) everything a seed's arms share."""
    from relift.testbed.teacher import extend_vocabulary, teacher_rows

    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    extended = base_dir  # the teacher writes in the task's own characters
    if settings.teacher_style == "sentences":  # its words need letters the base never saw
        extended = extend_vocabulary(base_dir, folder / "base")
    train_rows = teacher_rows(
        task_rows(settings.train_per_tier, seed, style="short"), seed, settings.faulty_share,
        settings.teacher_style,
    )  # fmt: skip
    train_file = data / "train.jsonl"
    write_jsonl(train_file, train_rows)
    base_file = folder / "base_result.json"
    if base_file.is_file():
        base = json.loads(base_file.read_text())
    else:
        base = _stratified_eval_set(
            extended, data, seed, settings, arm_settings, {r["question"] for r in train_rows},
            progress,
        )  # fmt: skip
        base_file.write_text(json.dumps(base, indent=1))
    hard_file = data / "train_hardest_offline.jsonl"
    if not hard_file.is_file():
        _select_hard(extended, train_file, hard_file, folder, seed, settings, arm_settings)
    return PreparedSeed(
        extended, train_file, data / BUCKETED_EVAL_FILE, hard_file, base["bucket_labels"],
        len(train_rows), base,
    )  # fmt: skip


def _stratified_eval_set(
    base_dir: Path,
    data: Path,
    seed: int,
    settings: StudySettings,
    arm_settings: DemoSettings,
    exclude: set[str],
    progress: bool,
) -> dict[str, Any]:
    """Bucket candidate questions with the base model (avg@k), draw ``eval_per_bucket`` of
    each bucket into the held-out file; returns the base model's result on that set."""
    from relift.models import load_causal_lm, load_tokenizer
    from relift.testbed.model import in_regime, regime_accuracy

    model = load_causal_lm(base_dir, local_files_only=True)
    tokenizer = load_tokenizer(base_dir, local_files_only=True)
    tiers = list(settings.train_per_tier)
    rows: list[dict[str, Any]] = []
    scores: list[float] = []
    lengths: list[float] = []
    labels: list[str] = []
    want = settings.eval_per_bucket
    for round_ in range(settings.extra_candidate_rounds + 1):
        # every tier first; then only 4-digit sums, the one source of Medium and Hard
        counts = dict.fromkeys(tiers if round_ == 0 else ["d4"], settings.candidates_per_tier)
        fresh = task_rows(counts, seed + 10_000 + round_, exclude=exclude, style="short")
        exclude |= {r["question"] for r in fresh}
        path = data / "candidates.jsonl"
        write_jsonl(path, fresh)
        result = _final_eval(model, tokenizer, _load(path, arm_settings, tokenizer),
                             arm_settings, None, progress)  # fmt: skip
        rows += fresh
        scores += result.correct.mean(axis=1).tolist()
        lengths += result.lengths.mean(axis=1).tolist()
        labels += assign_buckets(result.correct)
        short = [b for b in ("medium", "hard") if labels.count(b) < want]
        if not short:
            break
    chosen = _draw(labels, want, seed)
    eval_rows = [rows[i] | {"bucket": labels[i]} for i in chosen]
    write_jsonl(data / BUCKETED_EVAL_FILE, eval_rows)
    accuracy = regime_accuracy(model, tokenizer, seed)
    picked = [labels[i] for i in chosen]
    return snapshot_figures([scores[i] for i in chosen], [lengths[i] for i in chosen], picked) | {
        "scores": [scores[i] for i in chosen],
        "lengths": [lengths[i] for i in chosen],
        "bucket_labels": picked,
        "candidates": {b: labels.count(b) for b in ("easy", "medium", "hard", "hardest")},
        "regime": accuracy,
        "in_regime": in_regime(accuracy),
    }


def _draw(labels: Sequence[str], per_bucket: int, seed: int) -> list[int]:
    """Up to ``per_bucket`` candidates of each bucket, drawn at random, in candidate order."""
    rng = random.Random(f"relift-study-eval-{seed}")
    chosen: list[int] = []
    for bucket in ("easy", "medium", "hard", "hardest"):
        members = [i for i, b in enumerate(labels) if b == bucket]
        chosen += rng.sample(members, min(per_bucket, len(members)))
    return sorted(chosen)


def _select_hard(
    base_dir: Path,
    train_file: Path,
    hard_file: Path,
    folder: Path,
    seed: int,
    settings: StudySettings,
    arm_settings: DemoSettings,
) -> None:
    """``relift select-hard`` with the base model, sampling as the RL arms do."""
    import argparse

    from relift.cli import select_hard

    config = arm_config("rl", base_dir, train_file, train_file, folder, arm_settings, False)
    config_file = folder / "select_hard.yaml"
    config_file.write_text(config.to_yaml())
    argv = [
        "--model", str(base_dir), "--data", str(train_file),
        "--output", str(hard_file), "--config", str(config_file),
        "--n", str(settings.select_hard_n), "--seed", str(seed), "--no-progress",
    ]  # fmt: skip
    parser = argparse.ArgumentParser(prog=select_hard.PROG)
    select_hard.add_arguments(parser)
    if select_hard.run(parser.parse_args(argv), argv) != 0:
        from relift.errors import ReliftError

        raise ReliftError(f"{select_hard.PROG} {' '.join(argv)} failed (see its message above)")


# ---- one arm ------------------------------------------------------------------------------------


def train_study_arm(
    arm: str,
    prepared: PreparedSeed,
    train_file: Path,
    folder: Path,
    settings: StudySettings,
    arm_settings: DemoSettings,
    rl_steps: int | None,
    progress: bool,
) -> dict[str, Any]:
    """Train ``arm`` to its budget and to ``rl_steps`` (None: this is the RL arm, whose budget
    sets them), evaluate at both, save ``folder/result.json``; reuse it when already there."""
    from relift.trainer import Trainer

    saved = folder / "result.json"
    if saved.is_file():
        return dict(json.loads(saved.read_text()))
    config = study_arm_config(arm, prepared, train_file, folder, arm_settings, progress)
    started = time.perf_counter()
    trainer = Trainer(config)
    budget = settings.budget_s
    first = trainer.train(stop_at_step=rl_steps, time_budget_s=budget)
    snapshot = _snapshot(trainer, prepared, arm_settings, started, progress)
    if rl_steps is None or first.global_step >= rl_steps:
        at_steps = snapshot  # RL itself, or an arm that reached the RL arm's steps in budget
        more = trainer.train(time_budget_s=budget)
        timed = snapshot
        if more.global_step > first.global_step:
            timed = _snapshot(trainer, prepared, arm_settings, started, progress)
    else:  # the budget ran out first: go on to the RL arm's step count
        timed = snapshot
        trainer.train(stop_at_step=rl_steps)
        at_steps = _snapshot(trainer, prepared, arm_settings, started, progress)
    trainer.close()
    result = {"arm": arm, "timed": timed, "at_rl_steps": at_steps}
    folder.mkdir(parents=True, exist_ok=True)
    tmp = saved.with_suffix(".tmp")
    tmp.write_text(json.dumps(result))
    tmp.replace(saved)
    return result


def study_arm_config(
    arm: str,
    prepared: PreparedSeed,
    train_file: Path,
    folder: Path,
    arm_settings: DemoSettings,
    progress: bool,
) -> Config:
    """The demo's arm config (``sft_then_rl``: one epoch of SFT steps first), measured only at
    the stopping points."""
    config = arm_config(
        arm, prepared.base_dir, train_file, prepared.eval_file, folder, arm_settings, progress
    )
    return apply_overrides(config, STUDY_OVERRIDES)


def _snapshot(
    trainer: Any, prepared: PreparedSeed, arm_settings: DemoSettings, started: float,
    progress: bool,
) -> dict[str, Any]:  # fmt: skip
    """The arm's figures now: avg@k per question and per bucket, lengths, counters, time."""
    result = _final_eval(trainer.model, trainer.tokenizer, trainer.eval_questions, arm_settings,
                         prepared.buckets, progress)  # fmt: skip
    scores = result.correct.mean(axis=1).tolist()
    lengths = result.lengths.mean(axis=1).tolist()
    counters = {
        "steps": trainer.global_step, "demos_used": len(trainer.demos_used),
        "demo_rows": trainer.demo_rows, "train_s": trainer.train_seconds,
        "wall_s": time.perf_counter() - started,
    }  # fmt: skip
    figures = snapshot_figures(scores, lengths, prepared.buckets)
    return figures | counters | {"scores": scores, "lengths": lengths}


def snapshot_figures(
    scores: Sequence[float], lengths: Sequence[float], buckets: Sequence[str]
) -> dict[str, Any]:
    """Accuracy and mean response length overall and per bucket, from per-question scores
    (avg@k) and mean lengths, with the bucket sizes; NaN for an empty bucket."""
    score, length = np.asarray(scores, dtype=float), np.asarray(lengths, dtype=float)
    labels = np.asarray(buckets)
    out: dict[str, Any] = {
        "overall": float(score.mean()) if len(score) else math.nan,
        "resp_len": float(length.mean()) if len(length) else math.nan,
        "buckets": {},
        "resp_len_buckets": {},
        "bucket_sizes": {},
    }
    for key, name in BUCKET_NAMES.items():
        chosen = labels == key
        count = int(chosen.sum())
        out["bucket_sizes"][name] = count
        out["buckets"][name] = float(score[chosen].mean()) if count else math.nan
        out["resp_len_buckets"][name] = float(length[chosen].mean()) if count else math.nan
    return out
