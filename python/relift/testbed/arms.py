"""The demo's arms: bucketing the held-out set with the base model, and training one arm.

Every arm is an ordinary relift run (a :class:`~relift.config.Config` and the
:class:`~relift.Trainer`) from the same base model; only ``mode`` and the training file differ.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from relift.config import Config
from relift.data import Question, load_questions, tokenize_prompts
from relift.evaluation import EvalResult, assign_buckets, evaluate, question_key, save_buckets
from relift.metrics import read_metrics
from relift.rewards import RewardFn, reward_fn_from_config
from relift.rollout import HFEngine, SamplingParams
from relift.testbed.settings import ArmResult, DemoSettings

__all__ = ["arm_config", "evaluate_base", "train_arm"]

MODES = {
    "rl": "rl", "relift": "relift", "sft_all": "sft", "sft_matched": "sft",
    "sft_hardest_offline": "sft", "sft_then_rl": "sft_then_rl", "luffy": "luffy",
}  # fmt: skip
BUCKETED_EVAL_FILE = "eval_bucketed.jsonl"


def evaluate_base(
    base_dir: Path, eval_file: Path, run: Path, settings: DemoSettings, *, progress: bool
) -> ArmResult:
    """Evaluate the base model with k samples; bucket the held-out questions by its accuracy
    and write them, with a ``bucket`` column, next to ``eval_file``."""
    from relift.models import load_causal_lm, load_tokenizer

    started = time.perf_counter()
    model = load_causal_lm(base_dir, local_files_only=True)
    tokenizer = load_tokenizer(base_dir, local_files_only=True)
    questions = _load(eval_file, settings, tokenizer)
    result = _final_eval(model, tokenizer, questions, settings, None, progress)
    buckets = assign_buckets(result.correct)
    accuracy = result.correct.mean(axis=1).tolist()
    save_buckets(run / "buckets.jsonl", [question_key(q) for q in questions], buckets, accuracy)
    rows = [json.loads(line) for line in eval_file.read_text().splitlines()]
    bucketed = "".join(
        json.dumps(row | {"bucket": b}) + "\n" for row, b in zip(rows, buckets, strict=True)
    )
    (eval_file.parent / BUCKETED_EVAL_FILE).write_text(bucketed)
    seconds = time.perf_counter() - started
    base = ArmResult("base", result.with_buckets(buckets).metrics, seconds=seconds)
    return _saved(base, run / "arms" / "base")


def train_arm(
    arm: str,
    base_dir: Path,
    train_file: Path,
    run: Path,
    settings: DemoSettings,
    *,
    progress: bool,
) -> ArmResult:
    """Train ``arm`` from the base model, evaluate it, save ``arms/<arm>/result.json``."""
    from relift.trainer import Trainer

    folder = run / "arms" / arm
    eval_file = run / "data" / BUCKETED_EVAL_FILE
    config = arm_config(arm, base_dir, train_file, eval_file, folder, settings, progress)
    started = time.perf_counter()
    trainer = Trainer(config)
    outcome = trainer.train()
    trainer.close()  # frees a vLLM engine's GPU memory before the next arm starts one
    seconds = time.perf_counter() - started
    buckets = [q.extra.get("bucket") for q in trainer.eval_questions]
    final = _final_eval(
        trainer.model, trainer.tokenizer, trainer.eval_questions, settings, buckets, progress
    )
    result = ArmResult(
        arm, final.metrics, steps=outcome.global_step, sft_steps=outcome.sft_steps,
        demos_used=outcome.demos_used, demo_rows=trainer.demo_rows,
        train_size=settings.train_size, seconds=seconds,
        curves=_curves(outcome.metrics_file),
    )  # fmt: skip
    return _saved(result, folder)


def _saved(result: ArmResult, folder: Path) -> ArmResult:
    """Write ``folder/result.json`` (what a restarted demo reuses); returns ``result``."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "result.json.tmp"
    tmp.write_text(json.dumps(dataclasses.asdict(result), indent=1))
    tmp.replace(folder / "result.json")
    return result


def arm_config(
    arm: str,
    base_dir: Path,
    train_file: Path,
    eval_file: Path,
    folder: Path,
    s: DemoSettings,
    progress: bool = True,
) -> Config:
    """The arm's relift config: the same everywhere except ``mode`` and the training file."""
    settings: dict[str, Any] = {
        "mode": MODES[arm],
        "model": {"name_or_path": str(base_dir), "dtype": "float32"},
        "data": {
            "train_files": [str(train_file)], "eval_files": [str(eval_file)], "schema": "qa",
            "chat_template": False, "think": {"append_to_prompt": False},
            "max_prompt_tokens": 16, "max_demonstration_tokens": s.max_new_tokens,
        },
        "rollout": {
            "engine": s.engine, "n": s.rollouts, "temperature": 1.0,
            "max_new_tokens": s.max_new_tokens, "eval": {"n": 1, "temperature": 0.0},
            # a 1M-parameter model: a small KV cache, no CUDA graphs to capture at start
            "vllm": {"gpu_memory_utilization": 0.2, "enforce_eager": True},
        },
        "rl": {"lr": s.rl_lr, "mini_batches": 1, "grad_clip": 1.0, "aggregation": "constant",
               "constant_length": s.max_new_tokens},
        "sft": {"lr": s.sft_lr, "trigger_size": s.trigger_size, "grad_clip": 1.0,
                "steps_per_trigger": s.sft_steps_per_trigger if arm == "relift" else 1},
        "schedule": {
            "prompts_per_step": s.prompts_per_step, "epochs": 1000, "max_steps": s.steps,
            "eval_every": s.eval_every, "eval_before_train": True, "seed": s.seed,
        },
        "checkpoint": {"dir": str(folder / "checkpoints"), "every": 0, "keep_last": 1},
        "logging": {"dir": str(folder / "logs"), "report_to": ["jsonl"],
                    "progress_bar": progress, "run_name": arm},
    }  # fmt: skip
    if settings["mode"] == "sft":  # a small matched subset may hold fewer rows than a batch
        rows = len(train_file.read_text().splitlines())
        settings["schedule"]["prompts_per_step"] = min(s.prompts_per_step, rows)
    if settings["mode"] == "sft_then_rl":  # one epoch of SFT over the training set, then RL
        rows = len(train_file.read_text().splitlines())
        settings["schedule"]["sft_first_steps"] = -(-rows // s.prompts_per_step)
    return Config.model_validate(settings)


def _load(path: Path, settings: DemoSettings, tokenizer: Any) -> list[Question]:
    config = arm_config("rl", Path("."), path, path, Path("."), settings).data
    return load_questions(path, config, tokenizer)[0]


def _final_eval(
    model: Any,
    tokenizer: Any,
    questions: list[Question],
    settings: DemoSettings,
    buckets: Sequence[str | None] | None,
    progress: bool,
) -> EvalResult:
    """avg@k at the demo's eval temperature (the table's figures)."""
    prompts = tokenize_prompts(
        [q.prompt_text for q in questions], tokenizer, max_tokens=16, add_special_tokens=True
    ).input_ids
    sampling = SamplingParams(
        n=settings.k, temperature=settings.eval_temperature,
        max_new_tokens=settings.max_new_tokens, seed=settings.seed + 1,
    )  # fmt: skip
    was_training = model.training
    model.train(False)
    try:
        return evaluate(
            HFEngine(model, tokenizer), prompts, questions, sampling, _reward(settings),
            buckets, progress=progress, chunk=64,
        )  # fmt: skip
    finally:
        model.train(was_training)


def _reward(settings: DemoSettings) -> RewardFn:
    """The arms' trainers' reward (graded as their config says), for the final evaluations."""
    path = Path(".")
    return reward_fn_from_config(arm_config("rl", path, path, path, path, settings))


def _curves(metrics_file: Path) -> list[dict[str, float]]:
    """Per-step points for the plots: eval records (greedy accuracy per bucket, response
    length) merged with the training counters logged at the same step."""
    records = read_metrics(metrics_file)
    train = {int(r["step"]): r for r in records if r.get("phase") == "train"}
    points = []
    for record in records:
        if record.get("phase") == "eval":
            step = int(record["step"])
            counters = {k: train.get(step, {}).get(k, 0) for k in ("demos_used", "demo_rows")}
            numbers = {k: v for k, v in record.items() if isinstance(v, int | float)}
            points.append(numbers | counters | {"step": step})
    return points
