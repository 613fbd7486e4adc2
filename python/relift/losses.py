"""The RL and SFT losses, as pure torch functions.

Same data, same gradient: every loss here is a *sum* over the tokens it is given divided by a
normaliser that describes the whole mini-batch, across all micro-batches and processes. A
trainer that splits a mini-batch into micro-batches passes the same global normaliser to each
call and just sums the ``backward()`` calls; the gradient is then the full-batch gradient, for
any micro-batch size and any number of processes. Processes must *sum* their gradients: with
DDP or FSDP, which average over W processes, multiply the loss by W (or divide the normalisers
by W). Left unset, a normaliser is computed from the tensors passed in (one call = the whole
mini-batch).

Normalisers of the policy-gradient term, by ``aggregation`` (l = per-token loss, m = mask):

=========================  =========================================  =======================
aggregation                value                                      normaliser
=========================  =========================================  =======================
``token_mean``             sum_i sum_t m l / global_tokens            ``global_tokens``
``seq_mean_token_sum``     sum_i (sum_t m l) / global_seqs            ``global_seqs``
``seq_mean_token_mean``    sum_i (sum_t m l / n_i) / global_seqs      ``global_seqs``
``constant``               sum_i sum_t m l / (constant_length         ``constant_length *``
                           * global_seqs)  (Dr.GRPO)                  ``global_seqs``
=========================  =========================================  =======================

The entropy bonus and the KL penalty are token means (``global_tokens``) whatever the
aggregation, as in both reference settings. The SFT loss is a token mean too.

How ``constant`` maps to the reference (ReLIFT v1, verl fork, ``loss_remove_token_mean=True``):
each micro-batch's loss is ``sum(m * l) / 8192`` (8192 = the padded response width = max
response length) divided by a gradient-accumulation factor that is 1 in the v1 scripts
(``ppo_micro_batch_size`` equals the per-GPU mini-batch after the worker's rescaling), summed
over micro-batches, and FSDP averages the gradients of W = 8 GPUs. Its mini-batch loss is
therefore ``sum over the mini-batch's tokens of l / (8192 * W)``: relift's ``constant`` with
``constant_length=8192, global_seqs=W`` (= 8) reproduces that value exactly, while
``global_seqs`` = the mini-batch's number of sequences (512) is Dr.GRPO's stated definition
(mean over sequences of token sums / 8192), 64x smaller. Under AdamW the factor mostly cancels,
but not through gradient clipping (0.7) nor against the entropy term; the trainer's
``rl.constant_divisor_seqs: 8`` gives the reference's scale. The reference's entropy
term is the sum over its micro-batches of per-micro-batch token means (so its effective weight
grows with the number of token-budget micro-batches); relift uses one global token mean. The
reference's SFT loss is the mean of per-micro-batch token means (2 sequences each) scaled by
1/W; relift's is the global token mean, which equals W times the reference's value when every
micro-batch holds the same number of tokens (``global_tokens * W`` matches its scale).

Statistics (:attr:`LossOutput.stats`) are detached 0-dim tensors normalised the same way, so
summing them over micro-batches (and all-reducing with SUM) gives the mini-batch value; the
keys in :data:`MAX_STATS` reduce with ``max`` instead. :func:`merge_stats` does this.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

import torch

from relift.errors import InvalidInputError

__all__ = [
    "MAX_STATS",
    "Aggregation",
    "Clip",
    "LossOutput",
    "TokenLogprobs",
    "merge_stats",
    "policy_gradient_loss",
    "sft_loss",
    "token_logprobs_and_entropy",
]

Clip = Literal["off", "symmetric", "higher"]
Aggregation = Literal["token_mean", "seq_mean_token_sum", "seq_mean_token_mean", "constant"]
Normaliser = int | float | torch.Tensor

#: Statistics that combine across micro-batches with ``max`` (all others add up).
MAX_STATS = frozenset({"ratio_max"})


@dataclass(frozen=True)
class LossOutput:
    """A loss to call ``backward()`` on, and detached statistics (see the module docstring)."""

    loss: torch.Tensor
    stats: dict[str, torch.Tensor]


class TokenLogprobs(NamedTuple):
    """Per-token log-probabilities and entropies, ``(B, T)``, aligned with ``input_ids``.

    ``logprobs[b, t]`` is the log-probability of ``input_ids[b, t]`` given the tokens before it;
    ``entropy[b, t]`` the entropy of the distribution it was drawn from. Both are 0 outside the
    response mask.
    """

    logprobs: torch.Tensor
    entropy: torch.Tensor | None


def merge_stats(stats: Iterable[Mapping[str, torch.Tensor]]) -> dict[str, float]:
    """Combine per-micro-batch statistics: sum, or max for :data:`MAX_STATS`."""
    merged: dict[str, float] = {}
    for item in stats:
        for key, value in item.items():
            v = float(value)
            if key not in merged:
                merged[key] = v
            elif key in MAX_STATS:
                merged[key] = max(merged[key], v)
            else:
                merged[key] += v
    return merged


def policy_gradient_loss(
    logp: torch.Tensor,
    old_logp: torch.Tensor,
    advantages: torch.Tensor,
    mask: torch.Tensor,
    *,
    clip: Clip = "off",
    clip_low: float = 0.2,
    clip_high: float = 0.28,
    dual_clip: float | None = None,
    aggregation: Aggregation = "token_mean",
    constant_length: int = 8192,
    entropy: torch.Tensor | None = None,
    entropy_coef: float = 0.0,
    ref_logp: torch.Tensor | None = None,
    kl_coef: float = 0.0,
    global_tokens: Normaliser | None = None,
    global_seqs: Normaliser | None = None,
    off_policy: torch.Tensor | None = None,
    shaping_gamma: float = 0.1,
) -> LossOutput:
    """The policy-gradient loss: per token ``-A * ratio``, ``ratio = exp(logp - old_logp)``.

    Shapes: ``logp``, ``old_logp``, ``mask`` (bool or 0/1), ``entropy``, ``ref_logp`` are
    ``(B, T)``; ``advantages`` is ``(B,)`` (one per sequence) or ``(B, T)``.

    ``clip``: ``"off"`` (ReLIFT), ``"symmetric"`` (PPO: ratio clipped to
    ``[1 - clip_low, 1 + clip_low]``) or ``"higher"`` (DAPO clip-higher:
    ``[1 - clip_low, 1 + clip_high]``); the per-token loss is then
    ``max(-A * ratio, -A * clip(ratio))``. ``dual_clip`` (c > 1, with clipping on) also caps the
    loss of negative-advantage tokens at ``-A * c`` (verl's ``clip_ratio_c``).

    The loss is ``pg - entropy_coef * H + kl_coef * KL`` with ``pg`` aggregated as in the module
    table, ``H`` the token-mean entropy and ``KL`` the token-mean k3 estimate of
    KL(policy || reference) from ``ref_logp``.

    ``off_policy`` (``(B,)`` bool; LUFFY, arXiv 2504.14945): rows that another policy wrote
    (demonstrations mixed into the groups). Their tokens' ratio is taken against a behaviour
    probability of 1 (the writer's is unknown) and reshaped, ``f(p) = p / (p + shaping_gamma)``
    with ``p = exp(logp)``, and never clipped: the per-token loss is ``-A * f(p)``. The shaping
    keeps the gradient of tokens the policy finds unlikely from vanishing, as it would with
    ``p`` itself. Those rows' ``old_logp`` is not used.

    Statistics: ``loss``, ``pg_loss``,
    ``clip_frac`` (tokens where clipping blocks the gradient), ``dual_clip_frac``,
    ``approx_kl`` (token-mean k3 estimate of KL(old || new)), ``ratio_mean``, ``ratio_max``,
    ``entropy`` and ``kl`` when given, ``tokens`` (valid tokens in this call).
    """
    m = _as_mask(mask, logp)
    adv = _broadcastable_advantages(advantages, logp)
    if old_logp.shape != logp.shape:
        raise InvalidInputError(
            f"old_logp has shape {tuple(old_logp.shape)}, expected {tuple(logp.shape)}"
        )
    _check_coefficients(entropy, entropy_coef, ref_logp, kl_coef)
    _check_clip(clip, clip_low, clip_high, dual_clip)
    tokens, seqs = _normalisers(
        m,
        aggregation,
        global_tokens,
        global_seqs,
        needs_tokens=True,  # the statistics are token means whatever the aggregation
        dtype=logp.dtype,
    )

    log_ratio = torch.where(m, logp - old_logp, 0.0)  # masked first: no inf/nan from padding
    ratio = torch.exp(log_ratio)
    per_token = -adv * ratio
    clipped = torch.zeros_like(m)
    dual = torch.zeros_like(m)
    if clip != "off":
        high = clip_low if clip == "symmetric" else clip_high
        per_token_clipped = -adv * torch.clamp(ratio, 1.0 - clip_low, 1.0 + high)
        clipped = per_token_clipped > per_token
        per_token = torch.maximum(per_token, per_token_clipped)
        if dual_clip is not None:
            cap = -adv * dual_clip
            dual = (adv < 0) & (per_token > cap)
            per_token = torch.where(adv < 0, torch.minimum(per_token, cap), per_token)
    if off_policy is not None:
        rows = _off_policy_rows(off_policy, logp, shaping_gamma)
        prob = torch.exp(torch.where(m, logp, 0.0))
        per_token = torch.where(rows, -adv * prob / (prob + shaping_gamma), per_token)
        clipped, dual = clipped & ~rows, dual & ~rows

    pg = _aggregate(per_token, m, aggregation, constant_length, tokens, seqs)
    loss = pg
    stats = {
        "pg_loss": pg,
        "clip_frac": _masked_sum(clipped.to(logp.dtype), m) / tokens,
        "dual_clip_frac": _masked_sum(dual.to(logp.dtype), m) / tokens,
        "approx_kl": _masked_sum(ratio - 1.0 - log_ratio, m) / tokens,
        "ratio_mean": _masked_sum(ratio, m) / tokens,
        "ratio_max": torch.where(m, ratio, 0.0).amax() if m.numel() else ratio.new_zeros(()),
    }
    if entropy is not None:
        mean_entropy = _masked_sum(entropy, m) / tokens
        loss = loss - entropy_coef * mean_entropy
        stats["entropy"] = mean_entropy
    if ref_logp is not None:
        log_r = torch.where(m, ref_logp - logp, 0.0)
        kl = _masked_sum(torch.exp(log_r) - log_r - 1.0, m) / tokens
        loss = loss + kl_coef * kl
        stats["kl"] = kl
    stats["loss"] = loss
    stats["tokens"] = m.sum().to(logp.dtype)
    return LossOutput(loss, {k: v.detach() for k, v in stats.items()})


def _off_policy_rows(off_policy: torch.Tensor, logp: torch.Tensor, gamma: float) -> torch.Tensor:
    """``off_policy`` ``(B,)`` as a ``(B, 1)`` bool tensor that broadcasts over tokens."""
    if not gamma > 0.0:
        raise InvalidInputError(f"shaping_gamma must be > 0, got {gamma}")
    if off_policy.shape != logp.shape[:1]:
        raise InvalidInputError(
            f"off_policy has shape {tuple(off_policy.shape)}, expected ({logp.shape[0]},)"
        )
    return off_policy.to(device=logp.device, dtype=torch.bool).unsqueeze(1)


def sft_loss(
    logp: torch.Tensor,
    mask: torch.Tensor,
    *,
    entropy: torch.Tensor | None = None,
    entropy_coef: float = 0.0,
    global_tokens: Normaliser | None = None,
) -> LossOutput:
    """The SFT loss: token-mean NLL of the demonstration tokens (EOS included in ``mask``)
    minus ``entropy_coef`` times their token-mean entropy, both over ``global_tokens``.

    Statistics: ``loss``, ``sft_loss`` (the NLL term), ``entropy`` when given, ``tokens``.
    """
    m = _as_mask(mask, logp)
    _check_coefficients(entropy, entropy_coef, None, 0.0)
    tokens, _ = _normalisers(
        m, "token_mean", global_tokens, None, needs_tokens=True, dtype=logp.dtype
    )
    nll = -_masked_sum(logp, m) / tokens
    loss = nll
    stats = {"sft_loss": nll}
    if entropy is not None:
        mean_entropy = _masked_sum(entropy, m) / tokens
        loss = loss - entropy_coef * mean_entropy
        stats["entropy"] = mean_entropy
    stats["loss"] = loss
    stats["tokens"] = m.sum().to(logp.dtype)
    return LossOutput(loss, {k: v.detach() for k, v in stats.items()})


def token_logprobs_and_entropy(
    model: torch.nn.Module,
    input_ids: torch.Tensor,
    attention_mask: torch.Tensor,
    response_mask: torch.Tensor,
    *,
    temperature: float = 1.0,
    with_entropy: bool = True,
    entropy_grad: bool = True,
) -> TokenLogprobs:
    """Log-probabilities of the realised response tokens, and entropies, in one forward pass.

    Uses ``position_ids = cumsum(attention_mask) - 1`` (padding clamped to 0), which is what
    transformers' ``generate`` uses with left padding, so this recomputes the sampler's
    log-probabilities (``HFEngine`` with ``logprobs=True``) up to float rounding. Logits are
    divided by ``temperature`` and computed in at least float32; only the positions that predict
    response tokens go through the LM head when the model accepts ``logits_to_keep``. Gradients
    flow unless the caller wraps this in ``torch.no_grad()``; dropout follows the model's mode.
    ``entropy_grad=False`` computes the entropy without a graph (for reporting only), which
    spares the memory autograd would keep for a vocabulary-wide softmax.
    """
    if temperature <= 0.0:
        raise InvalidInputError(f"temperature must be > 0, got {temperature}")
    resp = response_mask.bool()
    rows, width = input_ids.shape
    used = resp.any(dim=0).nonzero()
    if used.numel() == 0:
        zeros = torch.zeros((rows, width), device=input_ids.device)
        return TokenLogprobs(zeros, zeros.clone() if with_entropy else None)
    first = int(used[0].item())
    if first == 0:
        raise InvalidInputError("a response token in column 0 has no preceding token")
    keep = width - first + 1  # positions first-1 .. width-1; the last predicts nothing
    position_ids = (attention_mask.long().cumsum(dim=-1) - 1).clamp_min(0)
    kwargs: dict[str, object] = {"use_cache": False}
    if _accepts_logits_to_keep(model):
        kwargs["logits_to_keep"] = keep
    out = model(
        input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids, **kwargs
    )
    logits = out.logits[:, -keep:-1]
    logits = logits.to(torch.promote_types(logits.dtype, torch.float32)) / temperature
    lse = torch.logsumexp(logits, dim=-1)
    target = input_ids[:, first:].unsqueeze(-1)
    token_logp = logits.gather(-1, target).squeeze(-1) - lse
    logprobs = _place(token_logp, resp, first)
    if not with_entropy:
        return TokenLogprobs(logprobs, None)
    with torch.set_grad_enabled(entropy_grad and torch.is_grad_enabled()):
        entropy = lse - (torch.softmax(logits, dim=-1) * logits).sum(dim=-1)
    return TokenLogprobs(logprobs, _place(entropy, resp, first))


def _place(values: torch.Tensor, mask: torch.Tensor, first: int) -> torch.Tensor:
    """``values`` (columns ``first..``) into a full-width tensor, zero outside ``mask``."""
    full = torch.cat([values.new_zeros((values.shape[0], first)), values], dim=1)
    return torch.where(mask, full, 0.0)


def _accepts_logits_to_keep(model: torch.nn.Module) -> bool:
    """Whether ``model.forward`` takes ``logits_to_keep`` (transformers causal LMs do)."""
    try:
        return "logits_to_keep" in inspect.signature(model.forward).parameters
    except (TypeError, ValueError):
        return False


def _as_mask(mask: torch.Tensor, like: torch.Tensor) -> torch.Tensor:
    """A bool mask with ``like``'s shape."""
    if mask.shape != like.shape:
        raise InvalidInputError(f"mask has shape {tuple(mask.shape)}, expected {tuple(like.shape)}")
    return mask.bool()


def _broadcastable_advantages(advantages: torch.Tensor, logp: torch.Tensor) -> torch.Tensor:
    """``(B,)`` advantages as ``(B, 1)``; ``(B, T)`` as they are; anything else is an error."""
    if logp.dim() != 2:
        raise InvalidInputError(f"logp must be (B, T), got shape {tuple(logp.shape)}")
    if advantages.shape == logp.shape[:1]:
        return advantages.unsqueeze(-1)
    if advantages.shape == logp.shape:
        return advantages
    raise InvalidInputError(
        f"advantages must be (B,) or (B, T) = {tuple(logp.shape)}, got {tuple(advantages.shape)}"
    )


def _masked_sum(values: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Sum of ``values`` where ``mask`` (``where``, so padding nan/inf cannot leak in)."""
    return torch.where(mask, values, 0.0).sum()


def _check_coefficients(
    entropy: torch.Tensor | None,
    entropy_coef: float,
    ref_logp: torch.Tensor | None,
    kl_coef: float,
) -> None:
    if entropy_coef != 0.0 and entropy is None:
        raise InvalidInputError("entropy_coef is set but no entropy tensor was passed")
    if kl_coef != 0.0 and ref_logp is None:
        raise InvalidInputError("kl_coef is set but no ref_logp tensor was passed")


def _check_clip(clip: str, low: float, high: float, dual_clip: float | None) -> None:
    if clip not in ("off", "symmetric", "higher"):
        raise InvalidInputError(f"clip must be 'off', 'symmetric' or 'higher', got {clip!r}")
    if clip != "off" and not (0.0 < low < 1.0 and high > 0.0):
        raise InvalidInputError(f"need 0 < clip_low < 1 and clip_high > 0, got {low}, {high}")
    if dual_clip is not None and (clip == "off" or not dual_clip > 1.0):
        raise InvalidInputError(f"dual_clip needs clipping on and a value > 1, got {dual_clip}")


def _normalisers(
    mask: torch.Tensor,
    aggregation: str,
    global_tokens: Normaliser | None,
    global_seqs: Normaliser | None,
    *,
    needs_tokens: bool,
    dtype: torch.dtype,
) -> tuple[torch.Tensor, torch.Tensor]:
    """The (token, sequence) normalisers, global when given, else from this call's tensors.

    When the caller passes any global normaliser it is micro-batching, so every normaliser the
    loss (or its statistics) uses must be global: a silently local one would make the gradient
    depend on the split.
    """
    if aggregation not in ("token_mean", "seq_mean_token_sum", "seq_mean_token_mean", "constant"):
        raise InvalidInputError(f"unknown aggregation {aggregation!r}")
    needs_seqs = aggregation != "token_mean"
    if global_tokens is not None or global_seqs is not None:
        if needs_tokens and global_tokens is None:
            raise InvalidInputError(f"aggregation {aggregation!r} here needs global_tokens")
        if needs_seqs and global_seqs is None:
            raise InvalidInputError(f"aggregation {aggregation!r} needs global_seqs")
    dtype, device = torch.promote_types(dtype, torch.float32), mask.device
    local_tokens, local_seqs = mask.sum(), mask.shape[0]
    tokens = torch.as_tensor(
        local_tokens if global_tokens is None else global_tokens, dtype=dtype, device=device
    )
    seqs = torch.as_tensor(
        local_seqs if global_seqs is None else global_seqs, dtype=dtype, device=device
    )
    return tokens.clamp_min(1.0), seqs.clamp_min(1.0)


def _aggregate(
    per_token: torch.Tensor,
    mask: torch.Tensor,
    aggregation: str,
    constant_length: int,
    tokens: torch.Tensor,
    seqs: torch.Tensor,
) -> torch.Tensor:
    """The policy-gradient term (module table)."""
    if aggregation == "token_mean":
        return _masked_sum(per_token, mask) / tokens
    if aggregation == "seq_mean_token_sum":
        return _masked_sum(per_token, mask) / seqs
    if aggregation == "seq_mean_token_mean":
        lengths = mask.sum(dim=-1).clamp_min(1).to(per_token.dtype)
        per_seq = torch.where(mask, per_token, 0.0).sum(dim=-1) / lengths
        return per_seq.sum() / seqs
    if constant_length < 1:
        raise InvalidInputError(f"constant_length must be >= 1, got {constant_length}")
    return _masked_sum(per_token, mask) / (seqs * constant_length)
