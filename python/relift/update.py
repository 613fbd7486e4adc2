"""One optimizer update of the policy: ``rl.mini_batches`` RL steps on a step's rollouts, or
``sft.steps_per_trigger`` SFT steps on demonstrations (``docs/algorithm.md``, "One training
step"). The :class:`~relift.trainer.Trainer` builds the :class:`~relift.batch.TokenBatch` and owns
the optimizers; a :class:`PolicyUpdater` runs the forwards, backwards and optimizer steps.

- Micro-batches: a mini-batch is split into micro-batches of at most ``micro_batch_tokens`` padded
  tokens, shortest sequences first; their gradients add up before the one optimizer step, and
  every micro-batch's loss uses the mini-batch's global normalisers (token and sequence counts
  summed over processes), so the gradient does not depend on the split.
- ``constant`` aggregation divides by ``constant_length`` times the mini-batch's number of
  sequences (Dr.GRPO's definition), or times ``rl.constant_divisor_seqs`` when set
  (``relift.losses`` relates it to the reference's scale).
- With one mini-batch the update is on-policy: the ratio is exactly 1 in value, so the old
  log-probs are the gradient pass's own, detached, and the separate no-grad forward the
  reference runs is skipped (same gradient; ``rl.recompute_old_logprobs: always`` forces it).
- Clipping: the gradient norm is clipped to ``grad_clip`` before each optimizer step, and a step
  whose norm is not finite is skipped.
- Across processes (``docs/architecture.md``, "Across processes"): each loss is this process's
  share of the global loss, scaled by the world size since DDP and FSDP2 average gradients; under
  FSDP2 every process runs as many forwards as the busiest (each forward all-gathers the
  weights), padding with zero-weight repeats of its last micro-batch.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from typing import Any

import torch

from relift.batch import TokenBatch
from relift.config import Config
from relift.distributed import World, full_tensor, no_sync
from relift.losses import (
    MAX_STATS,
    LossOutput,
    TokenLogprobs,
    merge_stats,
    policy_gradient_loss,
    sft_loss,
    token_logprobs_and_entropy,
)

__all__ = ["PolicyUpdater"]

log = logging.getLogger("relift")
Metrics = dict[str, float]
LossFn = Callable[[TokenBatch, TokenLogprobs], LossOutput]
Scheduler = torch.optim.lr_scheduler.LRScheduler


class PolicyUpdater:
    """The RL and SFT updates of one run. ``train_model`` is what the training forward runs
    through (DDP around the model, the model sharded by FSDP2, or the model itself);
    ``ref_model`` is the frozen KL reference, when ``rl.kl_coef > 0``; ``strategy`` is
    ``none``, ``ddp`` or ``fsdp``."""

    def __init__(
        self,
        config: Config,
        train_model: torch.nn.Module,
        ref_model: torch.nn.Module | None,
        world: World,
        strategy: str,
        micro_batch_tokens: int,
    ) -> None:
        self.config, self.train_model, self.ref_model = config, train_model, ref_model
        self.world, self.strategy, self.micro_batch_tokens = world, strategy, micro_batch_tokens

    def rl_update(
        self, batch: TokenBatch, optimizer: torch.optim.Optimizer, scheduler: Scheduler
    ) -> Metrics:
        """``rl.mini_batches`` optimizer steps over ``batch``, this process's rollouts with their
        ``advantages`` extra (a prompt's group stays whole; across processes, each holds its
        share of every mini-batch)."""
        cfg = self.config.rl
        size = len(batch) // cfg.mini_batches
        parts = [range(i * size, (i + 1) * size) for i in range(cfg.mini_batches)]
        minibatches = [_pack(batch, rows, self.micro_batch_tokens) for rows in parts]
        on_policy = cfg.mini_batches == 1 and cfg.recompute_old_logprobs == "auto"
        probes: list[torch.Tensor] = []
        if not on_policy:
            minibatches = self._old_logprobs(minibatches, probes)
        steps = [
            self._rl_minibatch(micros, on_policy, probes, optimizer, scheduler)
            for micros in minibatches
        ]
        sampled = "sampler_logprobs" in minibatches[0][0].extras
        return (
            _probe_metrics(probes, batch.num_response_tokens, sampled, self.world)
            | {
                "rl_loss": _mean(s["pg_loss"] for s in steps),
                "clip_frac": _mean(s["clip_frac"] for s in steps),
                "ratio_max": max(s["ratio_max"] for s in steps),
                "rl_grad_norm": _mean(s["grad_norm"] for s in steps),
            }
            | ({"kl": _mean(s["kl"] for s in steps)} if "kl" in steps[0] else {})
        )

    @torch.no_grad()
    def _old_logprobs(
        self, minibatches: list[list[TokenBatch]], probes: list[torch.Tensor]
    ) -> list[list[TokenBatch]]:
        """Attach the trainer's (and the KL reference's) log-probs before any update; the
        policy's statistics go to ``probes``."""
        out: list[list[TokenBatch]] = []
        for micros in minibatches:
            out.append([])
            for m, real in self._lockstep(micros):
                lp = _logprobs(self.train_model, m, self._temperature, with_entropy=True)
                if not real:
                    continue
                probes.append(_probe(m, lp))
                extras = {"old_logp": lp.logprobs}
                if self.ref_model is not None:
                    extras["ref_logp"] = self._ref_logprobs(m)
                out[-1].append(m.with_extras(**extras))
        return out

    @torch.no_grad()
    def _ref_logprobs(self, m: TokenBatch) -> torch.Tensor:
        assert self.ref_model is not None
        return _logprobs(self.ref_model, m, self._temperature).logprobs

    @property
    def _temperature(self) -> float:
        return self.config.rollout.temperature or 1.0

    def _rl_minibatch(
        self,
        micros: list[TokenBatch],
        on_policy: bool,
        probes: list[torch.Tensor],
        optimizer: torch.optim.Optimizer,
        scheduler: Scheduler,
    ) -> Metrics:
        """One RL optimizer step; every micro-batch's loss uses the mini-batch's normalisers.
        ``on_policy``: the old log-probs are this pass's own, detached (the ratio is exactly 1
        in value), the KL reference's are computed here, and the policy's statistics go to
        ``probes``; otherwise all come with the micro-batches."""
        cfg = self.config.rl
        counts = self.world.sum(
            {"tokens": sum(m.num_response_tokens for m in micros), "seqs": sum(map(len, micros))}
        )  # the mini-batch's, over every process
        options: dict[str, Any] = {
            "clip": cfg.clipping, "clip_low": cfg.clip_low, "clip_high": cfg.clip_high,
            "aggregation": cfg.aggregation, "constant_length": self.config.constant_length,
            "entropy_coef": cfg.entropy_coef, "kl_coef": cfg.kl_coef,
            "global_tokens": int(counts["tokens"]),
            "global_seqs": cfg.constant_divisor_seqs or int(counts["seqs"]),
            "shaping_gamma": self.config.luffy.shaping_gamma,
        }  # fmt: skip

        def loss(m: TokenBatch, lp: TokenLogprobs) -> LossOutput:
            old, ref = m.extras.get("old_logp"), m.extras.get("ref_logp")
            if on_policy:
                old = lp.logprobs.detach()
                ref = self._ref_logprobs(m) if self.ref_model is not None else None
                probes.append(_probe(m, lp))
            assert old is not None
            entropy = lp.entropy if cfg.entropy_coef > 0 else None
            return policy_gradient_loss(
                lp.logprobs, old, m.extras["advantages"], m.response_mask, entropy=entropy,
                ref_logp=ref, off_policy=m.extras.get("off_policy"), **options,
            )  # fmt: skip

        with_entropy = cfg.entropy_coef > 0 or on_policy
        stats = self._accumulate(
            micros, loss, self._temperature, with_entropy, cfg.entropy_coef > 0
        )
        stats["grad_norm"] = _optimizer_step(optimizer, scheduler, cfg.grad_clip)
        return stats

    def sft_update(
        self, batch: TokenBatch, optimizer: torch.optim.Optimizer, scheduler: Scheduler
    ) -> Metrics:
        """``sft.steps_per_trigger`` SFT optimizer steps on ``batch`` (this process's share of
        the (prompt, demonstration + EOS) rows)."""
        cfg = self.config.sft
        micros = _pack(batch, range(len(batch)), self.micro_batch_tokens)
        tokens = int(self.world.sum({"tokens": batch.num_response_tokens})["tokens"])

        def loss(m: TokenBatch, lp: TokenLogprobs) -> LossOutput:
            return sft_loss(
                lp.logprobs, m.response_mask, entropy=lp.entropy,
                entropy_coef=cfg.entropy_coef, global_tokens=tokens,
            )  # fmt: skip

        losses, norms, entropy = [], [], cfg.entropy_coef > 0
        for _ in range(cfg.steps_per_trigger):
            stats = self._accumulate(micros, loss, 1.0, entropy, entropy)
            losses.append(stats["sft_loss"])
            norms.append(_optimizer_step(optimizer, scheduler, cfg.grad_clip))
        return {"sft_loss": _mean(losses), "sft_grad_norm": _mean(norms)}

    def _accumulate(
        self,
        micros: list[TokenBatch],
        loss_fn: LossFn,
        temperature: float,
        with_entropy: bool,
        entropy_grad: bool,
    ) -> Metrics:
        """Forward and backward every micro-batch (the gradients add up, and across processes
        are summed in the last backward); the merged statistics, summed over processes.

        DDP and FSDP2 average gradients over the ``world.size`` processes while each process's
        loss is its share of the global loss, so the loss is scaled by the world size to make
        it a sum.
        """
        model, scale = self.train_model, float(self.world.size)
        stats = []
        passes = self._lockstep(micros)
        for i, (m, real) in enumerate(passes):
            with no_sync(model, skip=i < len(passes) - 1):
                out = loss_fn(m, _logprobs(model, m, temperature, with_entropy, entropy_grad))
                loss = out.loss * (scale if real else 0.0)
                loss.backward()  # type: ignore[no-untyped-call]
            if real:
                stats.append(out.stats)
        return self.world.sum(merge_stats(stats), MAX_STATS)

    def _lockstep(self, micros: list[TokenBatch]) -> list[tuple[TokenBatch, bool]]:
        """The micro-batches, each marked real, padded under FSDP2 with repeats of the last one
        marked not real: every forward all-gathers the weights, a collective, so every process
        must run as many forwards as the busiest (its token budget may need more)."""
        passes = [(m, True) for m in micros]
        if self.strategy != "fsdp":
            return passes
        most = self.world.sum({"n": float(len(micros))}, maxima=frozenset({"n"}))["n"]
        return passes + [(micros[-1], False)] * (int(most) - len(micros))


def _logprobs(
    model: torch.nn.Module,
    m: TokenBatch,
    temperature: float,
    with_entropy: bool = False,
    entropy_grad: bool = True,
) -> TokenLogprobs:
    return token_logprobs_and_entropy(
        model, m.input_ids, m.attention_mask, m.response_mask,
        temperature=temperature, with_entropy=with_entropy, entropy_grad=entropy_grad,
    )  # fmt: skip


def _probe(m: TokenBatch, lp: TokenLogprobs) -> torch.Tensor:
    """A micro-batch's policy statistics over its response tokens, as one tensor (no device
    sync): [entropy sum, sum and max of |sampler log-prob - trainer log-prob| over the sampled
    tokens, their count]."""
    mask = m.response_mask
    zero = lp.logprobs.new_zeros(())
    entropy = zero if lp.entropy is None else torch.where(mask, lp.entropy.detach(), 0.0).sum()
    sampled = m.extras.get("sampler_logprobs")
    if sampled is None:
        return torch.stack([entropy, zero, zero, zero])
    off_policy = m.extras.get("off_policy")
    if off_policy is not None:  # demonstrations: nothing sampled them
        mask = mask & ~off_policy.bool().unsqueeze(1)
    gap = torch.where(mask, (sampled - lp.logprobs.detach()).abs(), 0.0)
    worst = gap.amax() if gap.numel() else zero
    return torch.stack([entropy, gap.sum(), worst, mask.sum().to(gap.dtype)])


def _probe_metrics(probes: list[torch.Tensor], tokens: int, sampled: bool, world: World) -> Metrics:
    """The step's ``entropy`` (token mean) and, when the engine returned log-probs, the
    sampler/trainer ``logprob_mismatch_mean`` / ``_max``, from the micro-batches' probes (of
    every process)."""
    entropy, gap, worst, compared = torch.stack(probes).double().cpu().unbind(dim=1)
    total = world.sum(
        {"entropy": float(entropy.sum()), "gap": float(gap.sum()), "worst": float(worst.max()),
         "tokens": float(tokens), "compared": float(compared.sum())},
        maxima=frozenset({"worst"}),
    )  # fmt: skip
    metrics = {"entropy": total["entropy"] / max(total["tokens"], 1.0)}
    if sampled:
        metrics |= {
            "logprob_mismatch_mean": total["gap"] / max(total["compared"], 1.0),
            "logprob_mismatch_max": total["worst"],
        }
    return metrics


def _optimizer_step(
    optimizer: torch.optim.Optimizer,
    scheduler: torch.optim.lr_scheduler.LRScheduler,
    clip: float | None,
) -> float:
    """Clip the gradient norm, step (skipped when the norm is not finite), zero the gradients;
    returns the norm before clipping."""
    params = [p for group in optimizer.param_groups for p in group["params"]]
    total = torch.nn.utils.clip_grad_norm_(params, math.inf if clip is None else clip)
    norm = float(full_tensor(total))  # sharded gradients: the norm over every shard
    if math.isfinite(norm):
        optimizer.step()
        scheduler.step()
    else:
        log.warning("non-finite gradient norm %s: optimizer step skipped", norm)
    optimizer.zero_grad(set_to_none=True)
    return norm


def _pack(batch: TokenBatch, rows: Iterable[int], budget: int) -> list[TokenBatch]:
    """``rows`` of ``batch`` as micro-batches of at most ``budget`` padded tokens (rows x
    (longest prompt + longest response)), shortest sequences first; deterministic."""
    prompt = (batch.attention_mask.bool() & ~batch.response_mask).sum(dim=1).tolist()
    response = batch.response_mask.sum(dim=1).tolist()
    groups: list[list[int]] = []
    width_p = width_r = 0
    for r in sorted(rows, key=lambda r: prompt[r] + response[r]):
        p, q = max(width_p, prompt[r]), max(width_r, response[r])
        if groups and (len(groups[-1]) + 1) * (p + q) <= budget:
            groups[-1].append(r)
        else:
            groups.append([r])
            p, q = prompt[r], response[r]
        width_p, width_r = p, q
    return [batch.select(g) for g in groups]


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0
