"""Reward functions: the verifier reward's think and truncation handling, the TRL-shaped adapter,
and DAPO's overlong penalty."""

from __future__ import annotations

import importlib.util
from typing import Any

import numpy as np
import pytest
from relift.config import Config
from relift.data import Question
from relift.errors import InvalidInputError
from relift.rewards import (
    compute_rewards,
    default_reward_fn,
    overlong_penalty,
    reward_fn_from_config,
)
from relift.rollout import Rollouts

pytestmark = pytest.mark.timeout(60)

THINKING = [
    "<think>maybe \\boxed{3}</think> so \\boxed{46}",  # right after the tag, wrong before
    "<think>\\boxed{46}</think> so \\boxed{3}",  # the reverse
    "no tags, \\boxed{46}",
]


def test_whole_response_is_graded_without_a_think_tag() -> None:
    rewards = default_reward_fn([], THINKING, answer=["46"] * 3, think_tag=None)
    assert rewards.tolist() == [1.0, 0.0, 1.0]
    assert rewards.dtype == np.float64


def test_think_tag_grades_only_after_it_and_requires_it() -> None:
    assert default_reward_fn([], THINKING, answer=["46"] * 3).tolist() == [1.0, 0.0, 0.0]
    other = [text.replace("think>", "reason>") for text in THINKING]
    rewards = default_reward_fn([], other, answer=["46"] * 3, think_tag="</reason>")
    assert rewards.tolist() == [1.0, 0.0, 0.0]


def test_truncated_responses_score_zero_unless_told_otherwise() -> None:
    texts, answers = ["\\boxed{46}", "\\boxed{46}"], ["46", "46"]
    finish = ["stop", "length"]
    rewards = default_reward_fn([], texts, answer=answers, finish_reason=finish, think_tag=None)
    assert rewards.tolist() == [1.0, 0.0]
    graded = default_reward_fn(
        [], texts, answer=answers, finish_reason=finish, think_tag=None, truncated_reward=None
    )
    assert graded.tolist() == [1.0, 1.0]


def test_the_config_decides_the_think_handling() -> None:
    reference = reward_fn_from_config(Config())  # prompts end with "<think>\n"
    plain = reward_fn_from_config(
        Config.model_validate({"data": {"think": {"append_to_prompt": False}}})
    )
    assert reference(prompts=[], completions=THINKING, answer=["46"] * 3).tolist() == [1, 0, 0]
    assert plain(prompts=[], completions=THINKING, answer=["46"] * 3).tolist() == [1, 0, 1]


needs_sympy = pytest.mark.skipif(
    importlib.util.find_spec("sympy") is None or importlib.util.find_spec("antlr4") is None,
    reason="the sympy fallback needs sympy and antlr4-python3-runtime 4.11 (relift[sympy])",
)


@needs_sympy
def test_the_config_turns_the_sympy_fallback_on() -> None:
    # A value too large for the Rust core to decide: "unknown", so 0 without the fallback.
    undecided = [r"\boxed{3^{200000}}", r"\boxed{2}"]
    answers = ["9^{100000}", "2"]
    plain = reward_fn_from_config(Config())
    with_sympy = reward_fn_from_config(Config.model_validate({"rl": {"sympy_fallback": True}}))
    think = [f"<think>x</think>{text}" for text in undecided]
    assert plain(prompts=[], completions=think, answer=answers).tolist() == [0, 1]
    assert with_sympy(prompts=[], completions=think, answer=answers).tolist() == [1, 1]


def _rollouts() -> tuple[list[Question], Rollouts]:
    questions = [
        Question(7, "1+1=", "1+1=", "2", "\\boxed{2}", "easy", {"level": 1}),
        Question(9, "2+2=", "2+2=", "4", None, None, {"tag": "x"}),
    ]
    rollouts = Rollouts(
        prompt_ids=[[1, 2], [3]],
        prompt_index=[0, 0, 1, 1],
        response_ids=[[5, 2], [6], [7, 2], [8, 8]],
        texts=["\\boxed{2}", "3", "\\boxed{4}", "\\boxed{4}"],
        finish_reasons=["stop", "length", "stop", "length"],
    )
    return questions, rollouts


def test_trl_shaped_functions_get_every_column() -> None:
    questions, rollouts = _rollouts()
    seen: dict[str, Any] = {}

    def reward(prompts: list[str], completions: list[str], **columns: Any) -> list[float | None]:
        seen.update(columns, prompts=prompts, completions=completions)
        return [1.0, None, 0.5, 0.0]

    rewards = compute_rewards(reward, questions, rollouts)
    np.testing.assert_array_equal(rewards, [1.0, np.nan, 0.5, 0.0])
    assert seen["prompts"] == ["1+1=", "1+1=", "2+2=", "2+2="]
    assert seen["completions"] == rollouts.texts
    assert seen["answer"] == ["2", "2", "4", "4"]
    assert seen["question_id"] == [7, 7, 9, 9]
    assert seen["demonstration"] == ["\\boxed{2}", "\\boxed{2}", None, None]
    assert seen["data_source"] == ["easy", "easy", None, None]
    assert seen["finish_reason"] == rollouts.finish_reasons
    assert seen["completion_ids"] == rollouts.response_ids
    assert seen["level"] == [1, 1, None, None] and seen["tag"] == [None, None, "x", "x"]


def test_the_default_reward_through_the_adapter() -> None:
    questions, rollouts = _rollouts()
    rewards = compute_rewards(
        reward_fn_from_config(
            Config.model_validate({"data": {"think": {"append_to_prompt": False}}})
        ),
        questions,
        rollouts,
    )
    assert rewards.tolist() == [1.0, 0.0, 1.0, 0.0]  # the last one was truncated


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ([1.0, 0.0], "returned 2 rewards for 4"),
        (["a", 0, 0, 0], "non-number"),
        ([float("inf"), 0, 0, 0], "infinite"),
        (1.0, "expected a list"),
    ],
)
def test_bad_reward_outputs_are_named(output: Any, message: str) -> None:
    questions, rollouts = _rollouts()
    with pytest.raises(InvalidInputError, match=message):
        compute_rewards(lambda **_: output, questions, rollouts)


def test_numpy_and_torch_outputs_are_accepted() -> None:
    torch = pytest.importorskip("torch", reason="checks torch tensor rewards (train extra)")
    questions, rollouts = _rollouts()
    for output in (np.ones(4, dtype=np.float32), torch.ones(4)):
        assert compute_rewards(lambda o=output, **_: o, questions, rollouts).tolist() == [1.0] * 4


def test_overlong_penalty_is_dapos() -> None:
    penalty = overlong_penalty([10, 12, 14, 16], max_length=16, buffer_length=4, factor=0.5)
    assert penalty.tolist() == [0.0, 0.0, -0.25, -0.5]
    with pytest.raises(InvalidInputError):
        overlong_penalty([1], max_length=4, buffer_length=4)
