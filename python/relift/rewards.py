"""Reward functions: relift's verifier as a TRL-shaped reward function, the adapter that calls any
TRL-shaped reward function on a step's rollouts, and DAPO's overlong penalty.

A reward function has the shape of TRL's ``GRPOTrainer`` reward functions, called with keywords::

    fn(prompts=[...], completions=[...], **columns) -> list[float | None] | numpy array

one value per completion (a prompt's ``n`` completions are contiguous). ``prompts`` are the prompt
texts the model saw (chat template and think tag applied), ``completions`` the decoded responses.
The columns, one value per completion: ``answer`` (the gold answer), ``demonstration``,
``data_source``, ``question_id``, ``finish_reason`` (``"stop"`` or ``"length"``: truncated),
``completion_ids`` (token ids), and every other column of the question's dataset row. Accept
``**kwargs`` for the ones you do not use, as TRL reward functions do. ``None`` means "no reward
for this completion" (as in TRL): it becomes NaN, which the advantages leave out.

:func:`default_reward_fn` is the ReLIFT reference's reward: 1 when the final answer (after the
first ``</think>``, when the run uses the think convention) equals the gold answer under relift's
Rust verifier, else 0; a truncated response scores 0. :func:`reward_fn_from_config` binds its
think handling to a run's configuration.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from relift.errors import InvalidInputError
from relift.sympy_fallback import verify_batch

if TYPE_CHECKING:
    from relift.config import Config
    from relift.data import Question
    from relift.rollout import Rollouts

__all__ = [
    "THINK_CLOSE",
    "RewardFn",
    "compute_rewards",
    "default_reward_fn",
    "overlong_penalty",
    "reward_fn_from_config",
]

#: A TRL-shaped reward function (see the module docstring).
RewardFn = Callable[..., Any]
#: The close tag the Rust verifier's ``think="after"`` mode looks for.
THINK_CLOSE = "</think>"
Rewards = npt.NDArray[np.float64]


def default_reward_fn(
    prompts: Sequence[str],
    completions: Sequence[str],
    *,
    answer: Sequence[str],
    finish_reason: Sequence[str] | None = None,
    think_tag: str | None = THINK_CLOSE,
    truncated_reward: float | None = 0.0,
    sympy_fallback: bool = False,
    **columns: Any,
) -> Rewards:
    """1.0 when a completion's final answer equals ``answer``, else 0.0 (``verify_batch``).

    ``think_tag``: grade only the text after the first occurrence of this tag, and score a
    completion without it 0 (the reference, with ``"</think>"``); ``None`` grades the whole
    completion. ``truncated_reward``: the score of a completion whose ``finish_reason`` is
    ``"length"`` (the reference: 0); ``None`` grades truncated completions like the others.
    ``sympy_fallback``: settle what the Rust core cannot decide with sympy, in worker processes
    with a hard timeout (``relift.sympy_fallback``; needs the ``sympy`` extra). Off by default:
    the core alone, no process started.
    """
    if len(completions) != len(answer):
        raise InvalidInputError(f"{len(completions)} completions but {len(answer)} answers")
    grade = functools.partial(verify_batch, sympy_fallback=sympy_fallback)
    if think_tag == THINK_CLOSE:
        rewards = grade(completions, answer, think="after").astype(np.float64)
    elif think_tag:
        parts = [text.partition(think_tag) for text in completions]
        rewards = grade([after for _, _, after in parts], answer).astype(np.float64)
        rewards[[not tag for _, tag, _ in parts]] = 0.0
    else:
        rewards = grade(completions, answer).astype(np.float64)
    if truncated_reward is not None and finish_reason is not None:
        rewards[np.asarray(finish_reason) == "length"] = truncated_reward
    return rewards


def reward_fn_from_config(config: Config) -> RewardFn:
    """:func:`default_reward_fn` with the run's think handling: a run whose prompts end with the
    think open tag (``data.think.append_to_prompt``) is graded after ``data.think.close_tag``,
    as the reference does; any other run on the whole response. ``rl.sympy_fallback`` turns
    the sympy fallback on."""
    think = config.data.think
    tag = think.close_tag if think.append_to_prompt and think.close_tag else None
    return functools.partial(
        default_reward_fn, think_tag=tag, sympy_fallback=config.rl.sympy_fallback
    )


def compute_rewards(
    reward_fn: RewardFn, questions: Sequence[Question], rollouts: Rollouts
) -> Rewards:
    """Call a TRL-shaped ``reward_fn`` on ``rollouts`` of ``questions`` (``questions[p]`` is the
    question of prompt ``p``); returns one float64 reward per rollout (NaN for ``None``)."""
    if len(questions) != rollouts.num_prompts:
        raise InvalidInputError(
            f"{len(questions)} questions for rollouts of {rollouts.num_prompts} prompts"
        )
    rows = [questions[p] for p in rollouts.prompt_index]
    columns: dict[str, list[Any]] = {
        key: [q.extra.get(key) for q in rows] for key in sorted({k for q in rows for k in q.extra})
    }
    columns |= {
        "answer": [q.answer for q in rows],
        "demonstration": [q.demonstration for q in rows],
        "data_source": [q.data_source for q in rows],
        "question_id": [q.id for q in rows],
        "finish_reason": list(rollouts.finish_reasons),
        "completion_ids": rollouts.response_ids,
    }
    out = reward_fn(
        prompts=[q.prompt_text for q in rows], completions=list(rollouts.texts), **columns
    )
    return _as_rewards(out, len(rows))


def _as_rewards(values: Any, count: int) -> Rewards:
    """A reward function's output as a 1-D float64 array of ``count`` values; None -> NaN."""
    if hasattr(values, "detach"):  # a torch tensor
        values = values.detach().cpu().numpy()
    if isinstance(values, np.ndarray):
        items: list[Any] = values.reshape(-1).tolist() if values.ndim <= 1 else [values]
    elif isinstance(values, Sequence) and not isinstance(values, str | bytes):
        items = list(values)
    else:
        raise InvalidInputError(
            f"the reward function returned {type(values).__name__}; expected a list of floats"
        )
    if len(items) != count:
        raise InvalidInputError(f"the reward function returned {len(items)} rewards for {count}")
    try:
        rewards = np.array([np.nan if v is None else float(v) for v in items], dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"the reward function returned a non-number: {exc}") from None
    if np.isinf(rewards).any():
        raise InvalidInputError("the reward function returned an infinite reward")
    return rewards


def overlong_penalty(
    lengths: npt.ArrayLike, max_length: int, buffer_length: int, factor: float = 1.0
) -> Rewards:
    """DAPO's soft overlong penalty, to add to the rewards: 0 for a response of at most
    ``max_length - buffer_length`` tokens, then falling linearly to ``-factor`` at ``max_length``.
    """
    if not 0 < buffer_length < max_length:
        raise InvalidInputError(
            f"need 0 < buffer_length < max_length, got {buffer_length} and {max_length}"
        )
    over = np.asarray(lengths, dtype=np.float64) - (max_length - buffer_length)
    return -factor * np.clip(over, 0.0, float(buffer_length)) / buffer_length
