"""The paper's baselines as trainer modes: ``sft_then_rl`` (SFT steps, then RL, in one run) and
``luffy`` (the demonstration in each rollout group, trained with the shaped, unclipped ratio):
their settings, the policy-shaping loss against its closed form, the group mixing, and the
trainer running each on a tiny model."""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from relift.config import Config, apply_overrides
from relift.errors import ConfigError, InvalidInputError
from relift.losses import policy_gradient_loss
from relift.metrics import deterministic_view, read_metrics
from relift.off_policy import mix_demonstrations
from relift.rollout import Rollouts
from relift.testing import addition_run_folder
from relift.trainer import Trainer

pytestmark = pytest.mark.timeout(60)

B, N = 4, 4  # prompts per step, rollouts per prompt


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return addition_run_folder(tmp_path_factory.mktemp("tiny"), train=24, eval=8, seed=0)


def make_config(tiny: Path, run: Path, mode: str, *overrides: str) -> Config:
    """4 prompts x 4 rollouts of at most 10 tokens, no entropy bonus (so a group whose rewards
    are all equal gives exactly no gradient), then ``overrides``."""
    raw: dict[str, Any] = {
        "model": {"name_or_path": str(tiny / "model"), "gradient_checkpointing": False},
        "data": {
            "train_files": [str(tiny / "train.jsonl")], "schema": "qa", "chat_template": False,
            "think": {"append_to_prompt": False}, "max_prompt_tokens": 8,
            "max_demonstration_tokens": 16,
        },
        "rollout": {"n": N, "max_new_tokens": 10},
        "rl": {"lr": 1e-3, "micro_batch_tokens": 48, "entropy_coef": 0.0, "mini_batches": 1},
        "sft": {"lr": 1e-3, "entropy_coef": 0.0},
        "schedule": {"prompts_per_step": B, "max_steps": 1, "eval_every": 0, "seed": 3},
        "checkpoint": {"dir": str(run / "ckpt"), "every": 0, "save_final": False},
        "logging": {"dir": str(run / "logs"), "progress_bar": False},
    }  # fmt: skip
    return apply_overrides(Config.model_validate(raw), [f"mode={mode}", *overrides])


# ---- settings -----------------------------------------------------------------------------------


def test_mode_settings_are_checked(tiny: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"sft_first_steps.*>= 1 in mode 'sft_then_rl'"):
        make_config(tiny, tmp_path, "sft_then_rl")
    with pytest.raises(ConfigError, match=r"smaller than schedule.max_steps \(3\)"):
        make_config(
            tiny, tmp_path, "sft_then_rl", "schedule.sft_first_steps=3", "schedule.max_steps=3"
        )
    with pytest.raises(ConfigError, match="applies to mode 'sft_then_rl' only"):
        make_config(tiny, tmp_path, "relift", "schedule.sft_first_steps=2")
    with pytest.raises(ConfigError, match=r"luffy.demos_per_group.*smaller than rollout.n \(4\)"):
        make_config(tiny, tmp_path, "luffy", "luffy.demos_per_group=4")
    config = make_config(tiny, tmp_path, "luffy", "luffy.shaping_gamma=0.5")
    assert (config.luffy.demos_per_group, config.luffy.shaping_gamma) == (1, 0.5)


# ---- the shaped loss ----------------------------------------------------------------------------


def test_off_policy_rows_take_the_shaped_unclipped_ratio() -> None:
    """Per token of an off-policy row, the loss is -A p / (p + gamma), p the current
    probability; its gradient with respect to log p is -A gamma p / (p + gamma)^2. On-policy rows
    keep the clipped ratio."""
    logp = torch.log(torch.tensor([[0.5, 0.1, 0.9], [0.2, 0.4, 0.6]])).requires_grad_(True)
    old = torch.log(torch.tensor([[0.1, 0.1, 0.1], [0.1, 0.1, 0.1]]))  # ratio 5, 1, 9 / 2, 4, 6
    mask = torch.tensor([[True, True, True], [True, True, False]])
    adv = torch.tensor([2.0, 1.0])
    gamma = 0.1
    out = policy_gradient_loss(
        logp, old, adv, mask, clip="symmetric", aggregation="token_mean",
        off_policy=torch.tensor([True, False]), shaping_gamma=gamma,
    )  # fmt: skip
    out.loss.backward()  # type: ignore[no-untyped-call]
    assert logp.grad is not None
    tokens = 5.0
    p = torch.tensor([0.5, 0.1, 0.9])
    expected_off = -2.0 * gamma * p / (p + gamma) ** 2 / tokens
    assert torch.allclose(logp.grad[0], expected_off, rtol=1e-5, atol=0)
    # the on-policy row: ratios 2 and 4 are above 1.2, so the clip blocks their gradient
    assert torch.equal(logp.grad[1], torch.zeros(3))
    expected_loss = (-2.0 * (p / (p + gamma)).sum() - 1.0 * 1.2 * 2) / tokens
    assert torch.allclose(out.loss, expected_loss, rtol=1e-6, atol=0)
    assert float(out.stats["clip_frac"]) == pytest.approx(2 / 5)  # the on-policy tokens only


def test_off_policy_mask_shape_and_gamma_are_checked() -> None:
    logp = torch.zeros(2, 3)
    mask = torch.ones(2, 3, dtype=torch.bool)
    with pytest.raises(InvalidInputError, match=r"off_policy has shape \(3,\), expected \(2,\)"):
        policy_gradient_loss(logp, logp, torch.ones(2), mask, off_policy=torch.ones(3).bool())
    with pytest.raises(InvalidInputError, match="shaping_gamma must be > 0"):
        policy_gradient_loss(
            logp, logp, torch.ones(2), mask, off_policy=torch.ones(2).bool(), shaping_gamma=0.0
        )


# ---- mixing the demonstrations into the groups --------------------------------------------------


def test_mix_demonstrations_replaces_the_last_rollouts_of_groups_with_one() -> None:
    eos = 9
    rollouts = Rollouts(
        prompt_ids=[[1], [2]], prompt_index=[0, 0, 0, 1, 1, 1],
        response_ids=[[3, eos], [4], [5, eos], [6, eos], [7], [8, eos]],
        texts=["a", "b", "c", "d", "e", "f"], finish_reasons=["stop", "length"] * 3,
        logprobs=[[-1.0, -2.0], [-1.0], [-1.0, -1.0], [-3.0, -1.0], [-1.0], [-2.0, -2.0]],
    )  # fmt: skip
    mixed, off = mix_demonstrations(
        rollouts, [None, [4, 4, eos]], 2, eos, lambda ids: "demo" + str(len(ids))
    )
    assert off.tolist() == [False, False, False, False, True, True]
    assert mixed.response_ids[:4] == rollouts.response_ids[:4]
    assert mixed.response_ids[4:] == [[4, 4, eos], [4, 4, eos]]
    assert mixed.texts == ["a", "b", "c", "d", "demo3", "demo3"]
    assert mixed.finish_reasons[4:] == ["stop", "stop"]
    assert mixed.logprobs is not None and mixed.logprobs[4] == [0.0, 0.0, 0.0]
    cut, _ = mix_demonstrations(rollouts, [[4, 4], None], 1, eos, str)  # truncated: no EOS
    assert cut.finish_reasons[2] == "length" and cut.response_ids[2] == [4, 4]
    with pytest.raises(ValueError, match=r"per_group must be in \[1, 2\]"):
        mix_demonstrations(rollouts, [None, None], 3, eos, str)
    with pytest.raises(ValueError, match="1 demonstrations for 2 prompts"):
        mix_demonstrations(rollouts, [None], 1, eos, str)


# ---- the trainer --------------------------------------------------------------------------------


def test_sft_then_rl_takes_its_sft_steps_first_then_rl(tiny: Path, tmp_path: Path) -> None:
    config = make_config(
        tiny, tmp_path, "sft_then_rl", "schedule.sft_first_steps=2", "schedule.max_steps=3"
    )
    trainer = Trainer(config)
    steps: list[str] = []
    trainer.rl_optimizer.register_step_post_hook(lambda *_: steps.append("rl"))
    trainer.sft_optimizer.register_step_post_hook(lambda *_: steps.append("sft"))
    result = trainer.train()
    assert steps == ["sft", "sft", "rl"]
    records = [r for r in read_metrics(result.metrics_file) if r.get("phase") == "train"]
    assert [("sft_loss" in r, "rl_loss" in r) for r in records] == [
        (True, False),
        (True, False),
        (False, True),
    ]
    assert (result.sft_steps, records[-1]["demo_rows"]) == (2, 2 * B)
    assert records[-1]["buffer_len"] == 0  # no hard-question buffer in this mode


def test_luffy_trains_on_the_demonstration_where_every_rollout_fails(
    tiny: Path, tmp_path: Path
) -> None:
    """The untrained model never answers right, so RL alone has equal rewards in every group
    and no gradient at all; with the (correct) demonstration in each group, reward_mean is
    exactly one row in N and the update moves the weights."""
    norms = {}
    for mode in ("rl", "luffy"):
        config = make_config(tiny, tmp_path / mode, mode, "schedule.max_steps=2")
        trainer = Trainer(config)
        result = trainer.train()
        records = [r for r in read_metrics(result.metrics_file) if r.get("phase") == "train"]
        norms[mode] = [r["rl_grad_norm"] for r in records]
        if mode == "luffy":
            assert [r["reward_mean"] for r in records] == [1 / N, 1 / N]
            assert records[-1]["demo_rows"] == 2 * B
            assert records[-1]["demos_used"] == result.demos_used > B  # two batches' questions
            assert all(np.isfinite(r["logprob_mismatch_mean"]) for r in records)
        else:
            assert [r["reward_mean"] for r in records] == [0.0, 0.0]
    assert norms["rl"] == [0.0, 0.0]
    assert all(norm > 0.0 for norm in norms["luffy"])


def test_training_stops_at_a_step_or_a_time_budget_and_continues(
    tiny: Path, tmp_path: Path
) -> None:
    """What a study needs to compare arms at equal steps and at equal wall clock: a run stopped
    at a step (or once its training time reaches a budget) and continued gives the same steps
    as one run straight through."""
    straight = Trainer(make_config(tiny, tmp_path / "a", "relift", "schedule.max_steps=3"))
    whole = straight.train()
    split = Trainer(make_config(tiny, tmp_path / "b", "relift", "schedule.max_steps=3"))
    first = split.train(stop_at_step=1)
    assert (first.global_step, split.global_step) == (1, 1)
    budget = split.train(time_budget_s=first.train_seconds + 1e-9)  # one more step spends it
    assert budget.global_step == 2 and budget.train_seconds > first.train_seconds
    rest = split.train()
    assert rest.global_step == 3 and rest.train_seconds >= budget.train_seconds
    views = [
        [deterministic_view(r) for r in read_metrics(result.metrics_file)]
        for result in (whole, rest)
    ]
    assert views[0] == views[1]


def test_an_sft_step_without_demonstrations_trains_nothing(tiny: Path, tmp_path: Path) -> None:
    """``sft_then_rl`` samples from every question; a batch none of which has a
    demonstration takes no SFT update (rather than failing), and RL follows as planned."""
    rows = [{"question": f"{a}+{a}=", "answer": str(2 * a)} for a in range(10, 14)]
    config = make_config(
        tiny, tmp_path, "sft_then_rl", "schedule.sft_first_steps=1", "schedule.max_steps=2"
    )
    trainer = Trainer(config, train_dataset=rows)
    result = trainer.train()
    records = [r for r in read_metrics(result.metrics_file) if r.get("phase") == "train"]
    assert ["sft_loss" in r for r in records] == [False, False]
    assert "rl_loss" in records[1] and result.sft_steps == 0
