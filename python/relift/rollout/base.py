"""What every rollout engine speaks: sampling parameters, the rollouts it returns, the protocol.

An engine turns B prompts into B*n completions (a prompt's n rollouts are contiguous), and takes
new weights from the trainer. :meth:`Rollouts.to_batch` lays rollouts out as the
:class:`~relift.batch.TokenBatch` the trainer feeds back into the model (:mod:`relift.batch`;
``TokenBatch`` and ``pad_batch`` are re-exported here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
import torch

from relift.batch import TokenBatch, pad_batch
from relift.errors import InvalidInputError

__all__ = [
    "FinishReason",
    "Prompts",
    "RolloutEngine",
    "Rollouts",
    "SamplingParams",
    "TokenBatch",
    "pad_batch",
    "prompt_token_ids",
    "rollout_seed",
]

FinishReason = Literal["stop", "length"]
#: Prompts as text (the engine tokenizes them) or as token ids.
Prompts = Sequence[str] | Sequence[Sequence[int]]


@dataclass(frozen=True)
class SamplingParams:
    """How to sample. The names and conventions follow vLLM's ``SamplingParams``.

    ``temperature=0`` means greedy decoding; ``top_k`` of 0 or -1 and ``top_p=1`` switch those
    filters off (plain temperature sampling, the ReLIFT setting). ``seed`` makes a call
    reproducible without touching the global RNG; ``None`` draws from the global torch RNG.
    ``logprobs=True`` asks for the sampler's log-probability of every response token under the
    temperature-scaled model distribution, before top-k/top-p truncation (as vLLM reports them).
    """

    n: int = 1
    temperature: float = 1.0
    top_p: float = 1.0
    top_k: int = 0
    max_new_tokens: int = 256
    seed: int | None = None
    logprobs: bool = False

    def __post_init__(self) -> None:
        if self.n < 1:
            raise InvalidInputError(f"SamplingParams.n must be >= 1, got {self.n}")
        if not self.temperature >= 0.0:
            raise InvalidInputError(
                f"SamplingParams.temperature must be >= 0, got {self.temperature}"
            )
        if not 0.0 < self.top_p <= 1.0:
            raise InvalidInputError(f"SamplingParams.top_p must be in (0, 1], got {self.top_p}")
        if self.top_k < -1:
            raise InvalidInputError(
                f"SamplingParams.top_k must be >= 1, or 0 / -1 for off, got {self.top_k}"
            )
        if self.max_new_tokens < 1:
            raise InvalidInputError(
                f"SamplingParams.max_new_tokens must be >= 1, got {self.max_new_tokens}"
            )

    @property
    def greedy(self) -> bool:
        """True when decoding is greedy (temperature 0)."""
        return self.temperature == 0.0


@dataclass(frozen=True)
class Rollouts:
    """The completions of one ``generate`` call: ``n`` per prompt, a prompt's ``n`` contiguous.

    ``prompt_ids[p]`` are prompt ``p``'s token ids (no padding); rollout ``i`` answers prompt
    ``prompt_index[i]`` (``i // n``). ``response_ids[i]`` stops at the first EOS, which it keeps
    when ``finish_reasons[i] == "stop"``; a ``"length"`` rollout hit ``max_new_tokens``.
    ``texts[i]`` is the response decoded without special tokens. ``logprobs[i]`` (when asked for)
    has one sampler log-probability per response token.
    """

    prompt_ids: list[list[int]]
    prompt_index: list[int]
    response_ids: list[list[int]]
    texts: list[str]
    finish_reasons: list[FinishReason]
    logprobs: list[list[float]] | None = None

    def __post_init__(self) -> None:
        count = len(self.prompt_index)
        sizes = {len(self.response_ids), len(self.texts), len(self.finish_reasons)}
        if self.logprobs is not None:
            sizes.add(len(self.logprobs))
            if any(
                len(lp) != len(r) for lp, r in zip(self.logprobs, self.response_ids, strict=True)
            ):
                raise InvalidInputError("logprobs must have one value per response token")
        if sizes != {count}:
            raise InvalidInputError(f"Rollouts fields disagree on the number of rollouts: {sizes}")
        if any(not 0 <= p < len(self.prompt_ids) for p in self.prompt_index):
            raise InvalidInputError("prompt_index points outside prompt_ids")

    def __len__(self) -> int:
        return len(self.prompt_index)

    @property
    def num_prompts(self) -> int:
        """Number of distinct prompts."""
        return len(self.prompt_ids)

    def to_batch(
        self,
        pad_token_id: int,
        *,
        indices: Sequence[int] | None = None,
        device: torch.device | str | None = None,
    ) -> TokenBatch:
        """The rollouts (all, or ``indices``) as a :class:`TokenBatch` for the trainer's forward.

        When the engine returned log-probs they ride along as ``extras["sampler_logprobs"]``.
        """
        rows = list(range(len(self))) if indices is None else list(indices)
        batch = pad_batch(
            [self.prompt_ids[self.prompt_index[i]] for i in rows],
            [self.response_ids[i] for i in rows],
            pad_token_id,
        )
        if self.logprobs is not None:
            logprobs = self.logprobs
            batch = batch.with_extras(
                sampler_logprobs=batch.scatter_responses([logprobs[i] for i in rows])
            )
        return batch if device is None else batch.to(device)


@runtime_checkable
class RolloutEngine(Protocol):
    """A rollout engine: transformers ``generate`` now (:class:`relift.rollout.HFEngine`), vLLM
    later. Engines own their sampling RNG; the trainer owns the weights."""

    def generate(
        self, prompts: Prompts, sampling: SamplingParams, keys: Sequence[int] | None = None
    ) -> Rollouts:
        """``sampling.n`` completions of every prompt, a prompt's ``n`` contiguous, in order.

        ``keys`` (one per prompt, with ``sampling.seed``): rollout ``j`` of the prompt keyed
        ``k`` is drawn with :func:`rollout_seed` ``(seed, k, j)``, so it does not depend on the
        other prompts of the call, on chunking, or on how many processes share the batch."""
        ...

    def update_weights(self, model: torch.nn.Module) -> None:
        """Make the engine sample from ``model``'s current weights."""
        ...


def prompt_token_ids(
    tokenizer: Any, prompts: Prompts, add_special_tokens: bool = True
) -> list[list[int]]:
    """Every prompt's token ids: strings go through ``tokenizer`` (with its special tokens when
    ``add_special_tokens``), id sequences are taken as they are; an empty prompt is an error."""
    if isinstance(prompts, str):
        raise InvalidInputError("prompts must be a sequence of prompts, not one string")
    items: Sequence[str | Sequence[int]] = prompts
    out: list[list[int]] = []
    for i, prompt in enumerate(items):
        if isinstance(prompt, str):
            encoded = tokenizer(prompt, add_special_tokens=add_special_tokens)
            ids = [int(t) for t in encoded["input_ids"]]
        else:
            ids = [int(t) for t in prompt]
        if not ids:
            raise InvalidInputError(f"prompt {i} is empty after tokenization")
        out.append(ids)
    return out


def rollout_seed(seed: int, key: int, index: int) -> int:
    """The sampling seed of rollout ``index`` of the prompt keyed ``key`` in a call seeded
    ``seed``: a 63-bit integer that depends on these three numbers only."""
    entropy = [seed % 2**64, key % 2**64, index]
    state = np.random.SeedSequence(entropy).generate_state(1, dtype=np.uint64)
    return int(state[0]) >> 1
