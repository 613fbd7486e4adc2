"""The token layout the trainer feeds to the model: :class:`TokenBatch` and :func:`pad_batch`.

Prompts are padded on the left and responses on the right, so that
``position_ids = cumsum(attention_mask) - 1`` gives every real token the position it had when it
was sampled. Both sides of a ReLIFT step use it: the RL update on rollouts
(:meth:`relift.rollout.Rollouts.to_batch`) and the SFT update on demonstrations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import torch

from relift.errors import InvalidInputError

__all__ = ["TokenBatch", "pad_batch"]


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
