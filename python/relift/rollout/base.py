"""What every rollout engine speaks: sampling parameters, the rollouts it returns, the protocol.

An engine turns B prompts into B*n completions (a prompt's n rollouts are contiguous), and takes
new weights from the trainer. The token layout the trainer feeds back into the model is
:class:`TokenBatch`: prompts padded on the left, responses on the right, so that
``position_ids = cumsum(attention_mask) - 1`` gives every real token the position it had when it
was sampled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
import torch

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
class TokenBatch:
    """Padded model input: ``[pad..., prompt, response, pad...]`` per row.

    ``input_ids``, ``attention_mask`` (1 on prompt and response tokens) and ``response_mask``
    (True on response tokens) all have shape ``(B, T)``. Masks come from lengths, never from
    comparing ids with the pad id (a model may sample the pad token; pad may equal EOS).
    ``extras`` holds per-row ``(B,)`` or per-token ``(B, T)`` tensors that travel with the rows
    (old log-probs, advantages, ...).
    """

    input_ids: torch.Tensor
    attention_mask: torch.Tensor
    response_mask: torch.Tensor
    extras: dict[str, torch.Tensor] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.input_ids.shape[0])

    @property
    def num_response_tokens(self) -> int:
        """Number of response (loss) tokens in the batch."""
        return int(self.response_mask.sum().item())

    def with_extras(self, **extras: torch.Tensor) -> TokenBatch:
        """A copy with more per-row / per-token tensors attached."""
        for name, value in extras.items():
            if value.shape[0] != len(self) or (value.dim() > 1 and value.shape != self.shape):
                raise InvalidInputError(
                    f"extra {name!r} has shape {tuple(value.shape)}; expected ({len(self)},) "
                    f"or {tuple(self.shape)}"
                )
        return TokenBatch(
            self.input_ids, self.attention_mask, self.response_mask, {**self.extras, **extras}
        )

    @property
    def shape(self) -> torch.Size:
        """``(B, T)``."""
        return self.input_ids.shape

    def select(self, rows: Sequence[int] | torch.Tensor) -> TokenBatch:
        """The given rows, with columns that are padding in all of them trimmed off both ends.

        Trimming keeps every token's position id and the alignment of all per-token tensors, so a
        micro-batch computes the same values as the full batch (up to float rounding).
        """
        index = torch.as_tensor(rows, dtype=torch.long, device=self.input_ids.device)
        attention = self.attention_mask.index_select(0, index)
        used = attention.any(dim=0).nonzero()
        if used.numel() == 0:
            cols = slice(0, 0)
        else:
            cols = slice(int(used[0].item()), int(used[-1].item()) + 1)

        def take(t: torch.Tensor) -> torch.Tensor:
            picked = t.index_select(0, index.to(t.device))
            return picked[:, cols] if t.dim() > 1 else picked

        return TokenBatch(
            take(self.input_ids),
            attention[:, cols],
            take(self.response_mask),
            {name: take(value) for name, value in self.extras.items()},
        )

    def to(self, device: torch.device | str) -> TokenBatch:
        """A copy on ``device``."""
        return TokenBatch(
            self.input_ids.to(device),
            self.attention_mask.to(device),
            self.response_mask.to(device),
            {name: value.to(device) for name, value in self.extras.items()},
        )

    def scatter_responses(
        self, values: Sequence[Sequence[float]], *, dtype: torch.dtype = torch.float32
    ) -> torch.Tensor:
        """Place per-response-token values (one list per row) at the response positions.

        Returns a ``(B, T)`` tensor, zero outside ``response_mask``. Row ``b``'s list must have
        as many values as the row has response tokens.
        """
        out = torch.zeros(self.shape, dtype=dtype, device=self.input_ids.device)
        counts = self.response_mask.sum(dim=1).tolist()
        if len(values) != len(self):
            raise InvalidInputError(f"got {len(values)} value lists for {len(self)} rows")
        for row, (row_values, count) in enumerate(zip(values, counts, strict=True)):
            if len(row_values) != count:
                raise InvalidInputError(
                    f"row {row}: {len(row_values)} values for {count} response tokens"
                )
        flat = [v for row_values in values for v in row_values]
        out[self.response_mask] = torch.tensor(flat, dtype=dtype, device=out.device)
        return out


def pad_batch(
    prompts: Sequence[Sequence[int]],
    responses: Sequence[Sequence[int]],
    pad_token_id: int,
    *,
    device: torch.device | str | None = None,
) -> TokenBatch:
    """Lay out ``(prompt, response)`` pairs as a :class:`TokenBatch`.

    Prompts are left-padded to the longest prompt, responses right-padded to the longest
    response, so every response starts in the same column. Used for rollouts (response = the
    sampled tokens, EOS included when the rollout stopped) and for SFT (response = demonstration
    plus EOS).
    """
    if len(prompts) != len(responses):
        raise InvalidInputError(f"{len(prompts)} prompts but {len(responses)} responses")
    if not prompts:
        raise InvalidInputError("pad_batch needs at least one row")
    width_p = max(len(p) for p in prompts)
    width_r = max(len(r) for r in responses)
    rows = len(prompts)
    input_ids = torch.full((rows, width_p + width_r), pad_token_id, dtype=torch.long)
    attention = torch.zeros((rows, width_p + width_r), dtype=torch.long)
    response_mask = torch.zeros((rows, width_p + width_r), dtype=torch.bool)
    for row, (prompt, response) in enumerate(zip(prompts, responses, strict=True)):
        start, end = width_p - len(prompt), width_p + len(response)
        input_ids[row, start:width_p] = torch.tensor(list(prompt), dtype=torch.long)
        input_ids[row, width_p:end] = torch.tensor(list(response), dtype=torch.long)
        attention[row, start:end] = 1
        response_mask[row, width_p:end] = True
    batch = TokenBatch(input_ids, attention, response_mask)
    return batch if device is None else batch.to(device)


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
