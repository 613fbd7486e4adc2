"""Demonstrations mixed into the rollout groups: the batch side of ``mode: luffy``.

LUFFY (arXiv 2504.14945) trains on groups where some of a question's ``n`` answers come from
another, stronger policy: here, the dataset's demonstration. The group's rewards and advantages
are computed over all ``n`` rows, so a correct demonstration in a group the policy fails gets a
large positive advantage, and its tokens are trained with the shaped ratio of
:func:`relift.losses.policy_gradient_loss` (``off_policy`` rows). What this module does is the
data part: put the demonstration's tokens in place of the last rollouts of each group and say
which rows it replaced.

The demonstration rows are graded like any rollout (by the run's reward function on their
decoded text), not assumed correct: a faulty demonstration gets reward 0 and is pushed down.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from relift.rollout import FinishReason, Rollouts

__all__ = ["mix_demonstrations"]


def mix_demonstrations(
    rollouts: Rollouts,
    demonstrations: Sequence[Sequence[int] | None],
    per_group: int,
    eos_token_id: int,
    decode: Any,
) -> tuple[Rollouts, np.ndarray[Any, np.dtype[np.bool_]]]:
    """``rollouts`` with the last ``per_group`` rollouts of prompt ``p``'s group replaced by
    ``demonstrations[p]`` (token ids, EOS included when it was not cut), for every prompt that
    has one (``None``: the group is left as sampled); and a bool per row, True where a
    demonstration now stands.

    ``decode`` turns token ids into the response text the reward function grades (the engine's
    own decoding: special tokens skipped). A replaced row's sampler log-probs, when the
    rollouts carry them, are zeros: nothing sampled those tokens, and the trainer leaves
    off-policy rows out of the sampler/trainer mismatch figures.
    """
    prompts = rollouts.num_prompts
    if len(demonstrations) != prompts:
        raise ValueError(f"{len(demonstrations)} demonstrations for {prompts} prompts")
    if prompts == 0:
        return rollouts, np.zeros(0, dtype=bool)
    n = len(rollouts) // prompts
    if not 0 < per_group < n:
        raise ValueError(f"per_group must be in [1, {n - 1}] for groups of {n}, got {per_group}")
    response_ids = [list(r) for r in rollouts.response_ids]
    texts = list(rollouts.texts)
    finish = list(rollouts.finish_reasons)
    logprobs = None if rollouts.logprobs is None else [list(lp) for lp in rollouts.logprobs]
    off_policy = np.zeros(len(rollouts), dtype=bool)
    for prompt, demo in enumerate(demonstrations):
        if demo is None or len(demo) == 0:
            continue
        ids = [int(t) for t in demo]
        text = decode(ids)
        ending: FinishReason = "stop" if ids[-1] == eos_token_id else "length"
        for row in range(prompt * n + n - per_group, prompt * n + n):
            if rollouts.prompt_index[row] != prompt:  # groups must be contiguous, n each
                raise ValueError(f"rollout {row} answers prompt {rollouts.prompt_index[row]}")
            response_ids[row], texts[row], finish[row] = list(ids), text, ending
            if logprobs is not None:
                logprobs[row] = [0.0] * len(ids)
            off_policy[row] = True
    mixed = Rollouts(
        prompt_ids=rollouts.prompt_ids,
        prompt_index=list(rollouts.prompt_index),
        response_ids=response_ids,
        texts=texts,
        finish_reasons=finish,
        logprobs=logprobs,
    )
    return mixed, off_policy
