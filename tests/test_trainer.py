"""The trainer on a tiny local model and a synthetic 2-digit addition task: each mode moves the
weights the right way, hardest questions reach the buffer and trigger SFT at M, the step order and
the loss are the reference's, metrics and checkpoints are complete, and a run killed with SIGKILL
resumes to exactly the same per-step metrics as an uninterrupted one."""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

import copy
import importlib.util
import json
import math
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from relift.checkpoint import list_checkpoints, load_checkpoint
from relift.cli.main import main as cli_main
from relift.config import Config, apply_overrides
from relift.data import EpochSampler, tokenize_demonstrations, tokenize_prompts
from relift.errors import ConfigError, InvalidInputError
from relift.losses import token_logprobs_and_entropy
from relift.metrics import METRICS, deterministic_view, read_metrics
from relift.rollout import RolloutEngine, Rollouts, SamplingParams, TokenBatch, pad_batch
from relift.testing import (
    DEFAULT_CHARS,
    addition_run_folder,
    build_tiny_model,
    build_tiny_tokenizer,
    save_and_reload,
)
from relift.trainer import Trainer
from transformers import PreTrainedModel

pytestmark = pytest.mark.timeout(60)

B, N = 4, 4  # prompts per step, rollouts per prompt
PHASES = ["generate", "reward", "advantage", "rl_update", "buffer", "sft_update", "weight_sync"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved tiny model and tokenizer (digits, '+', '=', '#' and '\\boxed{}') and a 24-question
    train / 8-question eval set of 2-digit additions with demonstrations, as JSONL."""
    return addition_run_folder(tmp_path_factory.mktemp("tiny"), train=24, eval=8, seed=0)


def make_config(tiny: Path, run: Path, *overrides: str) -> Config:
    """The test run's settings (ReLIFT, 4 prompts x 4 rollouts of at most 10 tokens, one step,
    micro-batches of at most 2 rows), then ``overrides``."""
    raw: dict[str, Any] = {
        "model": {"name_or_path": str(tiny / "model"), "gradient_checkpointing": False},
        "data": {
            "train_files": [str(tiny / "train.jsonl")],
            "eval_files": [str(tiny / "eval.jsonl")],
            "schema": "qa",
            "chat_template": False,
            "think": {"append_to_prompt": False},
            "max_prompt_tokens": 8,
            "max_demonstration_tokens": 16,
        },
        "rollout": {"n": N, "max_new_tokens": 10, "eval": {"n": 2, "temperature": 1.0}},
        "rl": {"lr": 1e-3, "micro_batch_tokens": 48},
        "sft": {"trigger_size": 100, "lr": 1e-3},
        "schedule": {"prompts_per_step": B, "max_steps": 1, "eval_every": 0, "seed": 3},
        "checkpoint": {"dir": str(run / "ckpt"), "every": 0, "save_final": False},
        "logging": {"dir": str(run / "logs"), "progress_bar": False},
    }
    return apply_overrides(Config.model_validate(raw), list(overrides))


class Recorder:
    """A rollout engine that records what the trainer asks of the engine it wraps."""

    def __init__(self, inner: RolloutEngine, events: list[str]) -> None:
        self.inner, self.events = inner, events
        self.rollouts: list[Rollouts] = []

    def generate(self, prompts: Any, sampling: SamplingParams, keys: Any = None) -> Rollouts:
        self.events.append("generate")
        self.rollouts.append(self.inner.generate(prompts, sampling, keys))
        return self.rollouts[-1]

    def update_weights(self, model: torch.nn.Module) -> None:
        self.events.append("update_weights")
        self.inner.update_weights(model)


def instrument(trainer: Trainer) -> tuple[Recorder, list[str]]:
    """Record engine calls and optimizer steps, in order."""
    events: list[str] = []
    recorder = Recorder(trainer.engine, events)
    trainer.engine = recorder
    trainer.rl_optimizer.register_step_post_hook(lambda *_: events.append("rl_step"))
    trainer.sft_optimizer.register_step_post_hook(lambda *_: events.append("sft_step"))
    return recorder, events


def first_half_rewarded(prompts: list[str], completions: list[str], **_: Any) -> list[float]:
    """A TRL-shaped reward: 1 for the first half of each prompt's rollouts, 0 for the rest."""
    return [1.0 if i % N < N // 2 else 0.0 for i in range(len(completions))]


def first_prompt_hardest(prompts: list[str], completions: list[str], **_: Any) -> list[float]:
    """A TRL-shaped reward: the first prompt of every call is hardest (all 0), the others are
    rewarded for the first half of their rollouts."""
    return [0.0 if i < N else float(i % N < N // 2) for i in range(len(completions))]


def zero_for(chosen: set[int]) -> Any:
    """A TRL-shaped reward: 0 for every rollout of a chosen question, 1 for the others."""

    def reward(prompts: list[str], completions: list[str], **columns: Any) -> list[float]:
        return [0.0 if q in chosen else 1.0 for q in columns["question_id"]]

    return reward


def first_batch(trainer: Trainer) -> list[int]:
    """Ids of the questions the trainer's first step samples."""
    cfg = trainer.config.schedule
    indices = EpochSampler(len(trainer.pool), cfg.prompts_per_step, cfg.seed).next_batch()
    return [trainer.pool[i].id for i in indices]


def sequence_logprobs(model: torch.nn.Module, batch: TokenBatch) -> torch.Tensor:
    with torch.no_grad():
        out = token_logprobs_and_entropy(
            model, batch.input_ids, batch.attention_mask, batch.response_mask, with_entropy=False
        )
    return out.logprobs.sum(dim=1)


def demonstration_nll(trainer: Trainer, ids: list[int]) -> float:
    """Token-mean NLL of the demonstrations (+ EOS) of questions ``ids`` under the model."""
    tok, questions = trainer.tokenizer, [trainer.by_id[i] for i in ids]
    prompts = tokenize_prompts([q.prompt_text for q in questions], tok, max_tokens=None)
    demos = tokenize_demonstrations(
        [q.demonstration or "" for q in questions], tok, max_tokens=None
    )
    batch = pad_batch(prompts.input_ids, demos.input_ids, trainer.pad_id)
    total = sequence_logprobs(trainer.model, batch).sum()
    return -float(total) / batch.num_response_tokens


def log_trainer_passes(model: torch.nn.Module) -> list[bool]:
    """Whether grad was enabled, for every forward of ``model`` outside ``generate`` (the
    trainer's log-prob passes run without the KV cache)."""
    passes: list[bool] = []

    def hook(module: Any, args: Any, kwargs: dict[str, Any]) -> None:
        if kwargs.get("use_cache") is False:
            passes.append(torch.is_grad_enabled())

    model.register_forward_pre_hook(hook, with_kwargs=True)
    return passes


def weights(model: PreTrainedModel) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


def changed(before: dict[str, torch.Tensor], model: PreTrainedModel) -> bool:
    return any(not torch.equal(before[k], v) for k, v in model.state_dict().items())


# ---- each mode moves the weights the right way -----------------------------------------------


def test_rl_step_raises_rewarded_responses_relative_to_unrewarded(
    tiny: Path, tmp_path: Path
) -> None:
    config = make_config(tiny, tmp_path, "mode=rl", "rl.mini_batches=1", "rl.entropy_coef=0")
    trainer = Trainer(config, reward_fn=first_half_rewarded)
    recorder, _ = instrument(trainer)
    before = copy.deepcopy(trainer.model)
    trainer.train()
    assert trainer.buffer is None and trainer.sft_steps == 0
    batch = recorder.rollouts[0].to_batch(trainer.pad_id)
    delta = sequence_logprobs(trainer.model, batch) - sequence_logprobs(before, batch)
    rewarded = torch.tensor([i % N < N // 2 for i in range(len(batch))])
    assert delta[rewarded].mean() > delta[~rewarded].mean() + 1e-3


def test_sft_mode_lowers_the_nll_of_the_demonstrations(tiny: Path, tmp_path: Path) -> None:
    trainer = Trainer(make_config(tiny, tmp_path, "mode=sft"))
    _, events = instrument(trainer)
    ids = first_batch(trainer)
    nll = demonstration_nll(trainer, ids)
    result = trainer.train()
    assert demonstration_nll(trainer, ids) < nll - 0.01
    assert events == ["sft_step", "update_weights"]  # no rollouts in SFT-only mode
    assert result.sft_steps == 1 and result.demos_used == B
    assert result.metrics["demos_used_frac"] == pytest.approx(B / 24)


def test_relift_step_changes_the_weights(tiny: Path, tmp_path: Path) -> None:
    trainer = Trainer(make_config(tiny, tmp_path), reward_fn=first_half_rewarded)
    before = weights(trainer.model)
    trainer.train()
    assert changed(before, trainer.model)


def gradients_before_each_step(optimizer: torch.optim.Optimizer) -> list[list[torch.Tensor]]:
    """Every parameter's gradient as ``optimizer`` is about to step (after clipping), per step.

    Tests that two paths compute the same update compare these, not the weights after an AdamW
    step: at step one Adam moves every element by about +-lr whatever its gradient's size, so a
    rounding difference in a near-zero gradient (which another CPU's kernels or thread count
    produce) would show as an lr-sized weight difference."""
    steps: list[list[torch.Tensor]] = []

    def hook(opt: torch.optim.Optimizer, *_: Any) -> None:
        params = [p for group in opt.param_groups for p in group["params"]]
        steps.append([torch.zeros_like(p) if p.grad is None else p.grad.clone() for p in params])

    optimizer.register_step_pre_hook(hook)
    return steps


def assert_same_gradients(a: list[torch.Tensor], b: list[torch.Tensor], rtol: float) -> None:
    """Equal up to float rounding: relative to each element, with an absolute floor relative to
    the largest gradient element, since summation order changes near-zero sums by about
    eps x the size of their terms, not of their result."""
    assert len(a) == len(b) > 0
    scale = max(float(g.abs().max()) for g in a)
    assert scale > 0  # the update is not trivially empty
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        torch.testing.assert_close(x, y, rtol=rtol, atol=rtol * scale, msg=f"parameter {i}")


@pytest.mark.parametrize("mode", ["rl", "sft"])
def test_gradient_does_not_depend_on_the_micro_batch_budget(
    tiny: Path, tmp_path: Path, mode: str
) -> None:
    """One sequence per micro-batch and the whole mini-batch at once give the same gradient and
    loss (one optimizer step each, so both paths start from the same weights)."""
    runs = []
    for budget in (24, 1024):
        overrides = [f"mode={mode}", "rl.mini_batches=1", f"rl.micro_batch_tokens={budget}"]
        trainer = Trainer(
            make_config(tiny, tmp_path / str(budget), *overrides), reward_fn=first_half_rewarded
        )
        optimizer = trainer.rl_optimizer if mode == "rl" else trainer.sft_optimizer
        grads = gradients_before_each_step(optimizer)
        runs.append((grads, trainer.train().metrics))
    (grads_small, metrics_small), (grads_whole, metrics_whole) = runs
    assert len(grads_small) == len(grads_whole) == 1
    assert_same_gradients(grads_small[0], grads_whole[0], rtol=1e-5)
    loss = f"{mode}_loss"
    assert metrics_small[loss] == pytest.approx(metrics_whole[loss], rel=1e-5, abs=1e-8)


@pytest.mark.parametrize("extra", ["rl.entropy_coef=0", "rl.kl_coef=0.01"])
def test_on_policy_update_skips_the_old_logprob_pass_and_trains_the_same(
    tiny: Path, tmp_path: Path, extra: str
) -> None:
    """One mini-batch: the old log-probs come detached from the gradient pass (no extra no-grad
    forward), and the gradient and metrics equal those of the recomputing path."""
    runs = {}
    for mode in ("auto", "always"):
        overrides = ["rl.mini_batches=1", f"rl.recompute_old_logprobs={mode}", extra]
        trainer = Trainer(
            make_config(tiny, tmp_path / mode, *overrides), reward_fn=first_half_rewarded
        )
        passes = log_trainer_passes(trainer.model)
        grads = gradients_before_each_step(trainer.rl_optimizer)
        runs[mode] = (grads, trainer.train().metrics, passes)
    (auto, metrics, passes), (always, expected, recomputed) = runs["auto"], runs["always"]
    assert not passes.count(False) and recomputed.count(False) == recomputed.count(True) > 0
    assert passes.count(True) == recomputed.count(True)  # the same micro-batches
    assert len(auto) == len(always) == 1
    assert_same_gradients(auto[0], always[0], rtol=1e-6)
    assert set(metrics) == set(expected)
    keys = ["rl_loss", "entropy", "logprob_mismatch_mean", "logprob_mismatch_max"]
    for key in keys + (["kl"] if "kl_coef" in extra else []):
        assert metrics[key] == pytest.approx(expected[key], rel=1e-6, abs=1e-9), key
    assert metrics["ratio_max"] == expected["ratio_max"] == 1.0


def test_two_mini_batches_recompute_the_old_logprobs_first(tiny: Path, tmp_path: Path) -> None:
    trainer = Trainer(make_config(tiny, tmp_path))  # rl.mini_batches=2: off-policy second step
    passes = log_trainer_passes(trainer.model)
    trainer.train()
    assert passes.index(True) == passes.count(False) > 0  # every no-grad pass before any update


def test_micro_batch_budget_defaults_to_the_cpu_value(tiny: Path, tmp_path: Path) -> None:
    trainer = Trainer(make_config(tiny, tmp_path, "rl.micro_batch_tokens=null"))
    assert trainer.micro_batch_tokens == 1024
    assert Trainer(make_config(tiny, tmp_path)).micro_batch_tokens == 48  # as configured


def test_every_option_of_the_later_reference_variant_runs(tiny: Path, tmp_path: Path) -> None:
    overrides = [
        *("rl.clipping=higher", "rl.aggregation=token_mean", "rl.entropy_coef=0"),
        *("rl.overlong_penalty.enable=true", "rl.overlong_penalty.buffer_length=4"),
        *("rl.kl_coef=0.01", "rl.warmup_steps=2", "sft.warmup_steps=2"),
        *("sft.trigger_size=2", "sft.steps_per_trigger=2", "rollout.generation_batch_size=3"),
        *("sft.buffer.order=fifo", "sft.buffer.dedup=true", "sft.buffer.capacity=6"),
        *("model.gradient_checkpointing=true", "schedule.eval_before_train=true"),
        "schedule.max_steps=2",
    ]
    trainer = Trainer(make_config(tiny, tmp_path, *overrides))
    assert trainer.ref_model is not None
    result = trainer.train()
    records = read_metrics(tmp_path / "logs" / "metrics.jsonl")
    assert [r["phase"] for r in records] == ["eval", "train", "train"]  # eval_every=0: before only
    assert all(np.isfinite(v) for r in records for v in r.values() if isinstance(v, float))
    assert result.sft_steps == 4  # two triggers, two passes each
    assert "kl" in records[1] and records[1]["kl"] >= 0.0
    assert trainer.rl_optimizer.param_groups[0]["lr"] == pytest.approx(1e-3)  # warmed up
    assert trainer.sft_optimizer.param_groups[0]["lr"] == pytest.approx(1e-3)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("rl.kl_estimator=k1", "only 'k3'"),
        ("rollout.engine=vllm", r"needs vLLM .*pip install \"relift\[vllm\]\""),
        ("model.name_or_path=null", "model.name_or_path: not set"),
    ],
)
def test_settings_it_cannot_honour_are_config_errors(
    tiny: Path, tmp_path: Path, override: str, message: str
) -> None:
    if override == "rollout.engine=vllm" and importlib.util.find_spec("vllm") is not None:
        pytest.skip("vLLM is installed here, so the missing-vLLM message cannot be shown")
    config = make_config(tiny, tmp_path, "rl.kl_coef=0.1", override)
    with pytest.raises(ConfigError, match=message):
        Trainer(config)


# ---- the buffer and the SFT trigger ---------------------------------------------------------


def test_hardest_questions_reach_the_buffer(tiny: Path, tmp_path: Path) -> None:
    config = make_config(tiny, tmp_path, "schedule.prompts_per_step=8", "rl.mini_batches=1")
    batch = [int(i) for i in EpochSampler(24, 8, seed=3).next_batch()]  # ids are positions
    chosen = set(batch[::3]) | {10_000}  # one question that is not in the batch
    trainer = Trainer(config, reward_fn=zero_for(chosen))
    result = trainer.train()
    assert trainer.buffer is not None
    hard = [q for q in batch if q in chosen]
    assert trainer.buffer.entries() == [(q, 1, None) for q in reversed(hard)]  # newest first
    assert result.metrics["solve_none_rate"] == len(hard) / 8
    assert result.metrics["solve_all_rate"] == 1 - len(hard) / 8
    assert result.metrics["buffer_len"] == result.metrics["buffer_pushed"] == len(hard)
    assert result.sft_steps == 0


def test_sft_triggers_once_at_m_on_the_newest_and_leftovers_stay(
    tiny: Path, tmp_path: Path
) -> None:
    config = make_config(tiny, tmp_path, "sft.trigger_size=6", "schedule.max_steps=2")
    trainer = Trainer(config, reward_fn=zero_for(set(range(24))))  # every question is hardest
    _, events = instrument(trainer)
    step1 = first_batch(trainer)
    trainer.train()
    records = read_metrics(tmp_path / "logs" / "metrics.jsonl")
    assert [r["buffer_len"] for r in records] == [4, 2]  # 4 < 6; then 8 - 6
    assert [r["sft_steps"] for r in records] == [0, 1]
    assert "sft_loss" not in records[0] and "sft_loss" in records[1]
    assert events.count("sft_step") == 1
    assert trainer.buffer is not None
    assert trainer.buffer.entries() == [(step1[1], 1, None), (step1[0], 1, None)]  # the oldest
    assert records[1]["demos_used"] == 6 and records[1]["demo_rows"] == 6


def test_at_most_one_sft_step_per_rl_step(tiny: Path, tmp_path: Path) -> None:
    config = make_config(tiny, tmp_path, "sft.trigger_size=2", "sft.steps_per_trigger=1")
    trainer = Trainer(config, reward_fn=zero_for(set(range(24))))
    result = trainer.train()
    assert result.sft_steps == 1 and result.metrics["buffer_len"] == 2  # 4 pushed, 2 taken


def test_mode_rl_keeps_no_buffer(tiny: Path, tmp_path: Path) -> None:
    trainer = Trainer(make_config(tiny, tmp_path, "mode=rl", "sft.trigger_size=1"))
    _, events = instrument(trainer)
    result = trainer.train()
    assert trainer.buffer is None and "sft_step" not in events
    assert result.metrics["buffer_len"] == 0 and result.metrics["sft_steps"] == 0


# ---- the reference's step order and loss ----------------------------------------------------


def test_step_order_matches_the_reference(tiny: Path, tmp_path: Path) -> None:
    """rollouts -> rewards -> advantages -> 2 RL optimizer steps -> buffer -> one SFT step ->
    weight sync -> eval -> checkpoint (the reference pushes the hardest before its RL update;
    the push reads only the rewards, so both orders train the same)."""
    overrides = ["sft.trigger_size=2", "schedule.eval_every=1", "checkpoint.every=1"]
    trainer = Trainer(make_config(tiny, tmp_path, *overrides))
    _, events = instrument(trainer)
    trainer.train()
    assert trainer.step_phases == [*PHASES, "eval", "checkpoint"]
    assert events == ["generate", "rl_step", "rl_step", "sft_step", "update_weights", "generate"]


@pytest.mark.parametrize("divisor_seqs", [None, 2])
def test_rl_loss_is_dr_grpo_by_hand(tiny: Path, tmp_path: Path, divisor_seqs: int | None) -> None:
    """At the first update the ratio is exactly 1, so the constant (Dr.GRPO) loss is
    -sum_i A_i |y_i| / (L * S) with A_i = r_i - mean of the group, L = max_new_tokens and S the
    number of sequences, or ``rl.constant_divisor_seqs`` (the reference's scale) when set."""
    overrides = ["rl.mini_batches=1", f"rl.constant_divisor_seqs={divisor_seqs or 'null'}"]
    trainer = Trainer(make_config(tiny, tmp_path, *overrides), reward_fn=first_half_rewarded)
    recorder, _ = instrument(trainer)
    result = trainer.train()
    lengths = np.array([len(r) for r in recorder.rollouts[0].response_ids])
    rewards = np.array(first_half_rewarded([], [""] * (B * N)))
    advantages = rewards - rewards.reshape(B, N).mean(axis=1).repeat(N)
    expected = -(advantages * lengths).sum() / (10 * (divisor_seqs or B * N))
    assert result.metrics["rl_loss"] == pytest.approx(expected, rel=1e-5, abs=1e-7)
    assert result.metrics["clip_frac"] == 0.0 and result.metrics["ratio_max"] == 1.0
    assert result.metrics["logprob_mismatch_max"] < 1e-4  # the sampler agrees with the trainer


# ---- metrics, eval and checkpoints ------------------------------------------------------------


def test_metrics_jsonl_has_every_metric(tiny: Path, tmp_path: Path) -> None:
    overrides = ["sft.trigger_size=2", "schedule.eval_every=1", "checkpoint.every=1"]
    config = make_config(tiny, tmp_path, *overrides, "schedule.max_steps=2")
    Trainer(config, reward_fn=first_prompt_hardest).train()
    records = read_metrics(tmp_path / "logs" / "metrics.jsonl")
    assert [(r["step"], r["phase"]) for r in records] == [
        (1, "train"), (1, "eval"), (2, "train"), (2, "eval")
    ]  # fmt: skip
    missing = set(METRICS) - set(records[2])  # step 2 also times step 1's checkpoint
    assert not missing
    assert {"accuracy", "pass_at_2", "resp_len_mean"} <= set(records[3])
    assert 0.0 <= records[3]["accuracy"] <= records[3]["pass_at_2"] <= 1.0


def bucketed_eval_file(tiny: Path, folder: Path, buckets: list[str]) -> Path:
    """The tiny eval set with a ``bucket`` column (cycling through ``buckets``)."""
    rows = [json.loads(line) for line in (tiny / "eval.jsonl").read_text().splitlines()]
    path = folder / "eval_bucketed.jsonl"
    lines = [json.dumps(r | {"bucket": buckets[i % len(buckets)]}) for i, r in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_periodic_eval_reports_per_bucket(tiny: Path, tmp_path: Path) -> None:
    eval_file = bucketed_eval_file(tiny, tmp_path, ["easy", "hardest"])
    config = make_config(
        tiny, tmp_path, f"data.eval_files=[{eval_file}]", "schedule.eval_every=1", "mode=rl"
    )
    Trainer(config, reward_fn=first_half_rewarded).train()
    (scores,) = [
        r for r in read_metrics(tmp_path / "logs" / "metrics.jsonl") if r["phase"] == "eval"
    ]
    assert scores["n/bucket/easy"] == scores["n/bucket/hardest"] == 4
    assert scores["n/bucket/medium"] == scores["n/bucket/hard"] == 0
    overall = (scores["accuracy/bucket/easy"] + scores["accuracy/bucket/hardest"]) / 2
    assert scores["accuracy"] == pytest.approx(overall)


def test_an_unknown_bucket_in_the_eval_data_fails_at_start(tiny: Path, tmp_path: Path) -> None:
    eval_file = bucketed_eval_file(tiny, tmp_path, ["easy", "very hard"])
    config = make_config(tiny, tmp_path, f"data.eval_files=[{eval_file}]")
    with pytest.raises(InvalidInputError, match="question 1: bucket 'very hard' is not one of"):
        Trainer(config)


def test_checkpoint_round_trip_resumes_exactly(tiny: Path, tmp_path: Path) -> None:
    overrides = ["sft.trigger_size=6", "schedule.max_steps=4", "checkpoint.every=2"]
    config = make_config(tiny, tmp_path, *overrides, "checkpoint.keep_last=null")
    full = Trainer(config)
    full.train()
    expected = [deterministic_view(r) for r in read_metrics(tmp_path / "logs" / "metrics.jsonl")]
    assert [p.name for p in list_checkpoints(tmp_path / "ckpt")] == ["checkpoint-2", "checkpoint-4"]
    saved = load_checkpoint(tmp_path / "ckpt" / "checkpoint-2", restore_rng=False)
    assert saved.buffer is not None and len(saved.buffer) == 2
    assert saved.counters["sft_steps"] == 1 and len(saved.counters["demos_used"]) == 6
    assert saved.sampler_state["position"] == 2

    resumed = Trainer(config)
    result = resumed.train(resume_from_checkpoint=tmp_path / "ckpt" / "checkpoint-2")
    records = [deterministic_view(r) for r in read_metrics(tmp_path / "logs" / "metrics.jsonl")]
    assert records == expected
    assert result.global_step == 4 and result.sft_steps == full.sft_steps
    assert resumed.buffer is not None and full.buffer is not None
    assert resumed.buffer.entries() == full.buffer.entries()
    for a, b in zip(
        full.model.state_dict().values(), resumed.model.state_dict().values(), strict=True
    ):
        assert torch.equal(a, b)


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_exact_resume_after_sigkill(tiny: Path, tmp_path: Path) -> None:
    """Two CLI runs with the same seed: one uninterrupted, one killed with SIGKILL right after
    its first checkpoint and resumed with --resume; their per-step metrics are identical."""
    overrides = ["sft.trigger_size=6", "schedule.max_steps=8", "checkpoint.every=2"]
    overrides += ["schedule.eval_every=3"]
    threads = os.environ["RELIFT_TEST_TORCH_THREADS"]  # both runs as the suite (conftest.py)
    env = os.environ | {"OMP_NUM_THREADS": threads, "HF_HUB_OFFLINE": "1", "PYTHONHASHSEED": "0"}

    def start(name: str, *extra: str) -> subprocess.Popen[bytes]:
        config = make_config(tiny, tmp_path / name, *overrides)
        path = tmp_path / f"{name}.yaml"
        path.write_text(config.to_yaml())
        command = [sys.executable, "-m", "relift.cli.main", "train", "--config", str(path)]
        with (tmp_path / f"{name}.log").open("ab") as log:  # the child keeps its own handle
            return subprocess.Popen([*command, *extra], env=env, stdout=log, stderr=log)

    uninterrupted, doomed = start("a"), start("b")
    metrics_b, deadline = tmp_path / "b" / "logs" / "metrics.jsonl", time.monotonic() + 90
    while not (
        (saved := list_checkpoints(tmp_path / "b" / "ckpt"))
        and max(r["step"] for r in read_metrics(metrics_b)) > int(saved[0].name.split("-")[1])
    ):  # a checkpoint, and a record logged after it: resuming must drop that record
        assert doomed.poll() is None, (tmp_path / "b.log").read_text()
        assert time.monotonic() < deadline, "no checkpoint appeared"
        time.sleep(0.005)
    doomed.send_signal(signal.SIGKILL)
    assert doomed.wait() == -signal.SIGKILL
    killed_at = int(list_checkpoints(tmp_path / "b" / "ckpt")[-1].name.split("-")[1])
    assert killed_at < 8, "the run finished before it was killed"
    assert max(r["step"] for r in read_metrics(metrics_b)) > killed_at
    assert start("b", "--resume").wait(timeout=90) == 0, (tmp_path / "b.log").read_text()
    assert uninterrupted.wait(timeout=90) == 0, (tmp_path / "a.log").read_text()

    def view(name: str) -> list[dict[str, Any]]:
        return [deterministic_view(r) for r in read_metrics(tmp_path / name / "logs/metrics.jsonl")]

    assert len(view("a")) == 8 + 3  # 8 train records, evals at steps 3, 6 and the last
    assert view("b") == view("a")


# ---- the command line -------------------------------------------------------------------------


def test_cli_config_errors_are_one_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "run.yaml"
    path.write_text("rl:\n  lr: fast\n")
    assert cli_main(["train", "--config", str(path), "--set", "mode=rl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("relift train: invalid configuration") and "rl.lr" in err
    assert cli_main(["train", "--set", "mode=rl"]) == 2  # no model configured
    assert "model.name_or_path" in capsys.readouterr().err


# ---- on a CUDA GPU: bf16, and vLLM rollouts in the loop ----------------------------------------

CUDA = torch.cuda.is_available()
HAS_VLLM = importlib.util.find_spec("vllm") is not None


def assert_finite(records: list[dict[str, Any]]) -> None:
    bad = {
        k for r in records for k, v in r.items() if isinstance(v, float) and not math.isfinite(v)
    }
    assert not bad, f"non-finite metrics: {sorted(bad)}"


@pytest.mark.gpu
@pytest.mark.skipif(not CUDA, reason="needs a CUDA GPU")
@pytest.mark.skipif(CUDA and not torch.cuda.is_bf16_supported(), reason="needs a GPU with bf16")
@pytest.mark.timeout(300)
def test_bf16_training_on_cuda(tiny: Path, tmp_path: Path) -> None:
    """``model.dtype: auto`` is bf16 on a GPU: two ReLIFT steps (RL updates, then an SFT update)
    in bf16 keep every metric finite and move the weights, and the HF sampler's log-probs agree
    with the trainer's recomputation to bf16 precision."""
    config = make_config(tiny, tmp_path, "schedule.max_steps=2", "sft.trigger_size=2")
    trainer = Trainer(config, reward_fn=first_prompt_hardest)
    assert trainer.device.type == "cuda"
    assert {p.dtype for p in trainer.model.parameters()} == {torch.bfloat16}
    before = weights(trainer.model)
    result = trainer.train()
    assert changed(before, trainer.model)
    assert result.sft_steps == 1
    records = read_metrics(tmp_path / "logs" / "metrics.jsonl")
    assert [r["step"] for r in records] == [1, 2]
    assert_finite(records)
    assert all(r["logprob_mismatch_mean"] < 5e-2 for r in records)


@pytest.mark.gpu
@pytest.mark.skipif(not HAS_VLLM, reason='needs vLLM: pip install "relift[vllm]"')
@pytest.mark.skipif(not CUDA, reason="needs a CUDA GPU (vLLM)")
@pytest.mark.filterwarnings("ignore")  # vLLM's stack warns about things relift cannot change
@pytest.mark.timeout(600)
def test_vllm_rollouts_in_the_training_loop(tiny: Path, tmp_path: Path) -> None:
    """``rollout.engine: vllm`` beside the trainer on its GPU, in bf16, with sleep mode as
    configured by default: three ReLIFT steps and an evaluation run, every metric is finite, and
    vLLM's sampler log-probs agree with the trainer's after every weight sync."""
    model_dir = tmp_path / "model"  # head size 64, which every vLLM attention backend takes
    tokenizer = build_tiny_tokenizer(DEFAULT_CHARS + "\\boxed{}")
    model = build_tiny_model(
        tokenizer, hidden_size=128, num_heads=2, num_kv_heads=2, initializer_range=0.1
    )
    save_and_reload(model, tokenizer, model_dir)
    config = make_config(
        tiny,
        tmp_path,
        f"model.name_or_path={model_dir}",
        "rollout.engine=vllm",
        "rollout.vllm.enforce_eager=true",
        "rollout.vllm.gpu_memory_utilization=0.2",
        "schedule.max_steps=3",
        "schedule.eval_every=3",
        "sft.trigger_size=2",
    )
    trainer = Trainer(config, reward_fn=first_prompt_hardest)
    try:
        assert {p.dtype for p in trainer.model.parameters()} == {torch.bfloat16}
        result = trainer.train()
    finally:
        trainer.close()
    assert result.global_step == 3 and result.sft_steps >= 1
    records = read_metrics(tmp_path / "logs" / "metrics.jsonl")
    assert [(r["step"], r["phase"]) for r in records] == [
        (1, "train"), (2, "train"), (3, "train"), (3, "eval")
    ]  # fmt: skip
    assert_finite(records)
    assert all(r["logprob_mismatch_mean"] < 5e-2 for r in records if r["phase"] == "train")
