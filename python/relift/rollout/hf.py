"""Rollouts with transformers ``generate``: batched, left padding, KV cache, CPU or GPU.

Each prompt is repeated ``n`` times (so a prompt's rollouts are contiguous and a chunk boundary
may fall anywhere), the rows are cut into chunks of at most ``batch_size``, every chunk is
left-padded and sampled with the KV cache, and everything after the first EOS is dropped.

Sampling is exactly what :class:`SamplingParams` says, done by relift (:class:`_KeyedSampler`)
with one random stream per rollout, so a rollout does not depend on its batch. The model's own
``generation_config`` (a checkpoint's ``generation_config.json`` may carry, say,
``repetition_penalty=1.05`` or ``temperature=0.7``) is set aside during the call, so no hidden
processor changes the distribution the trainer's recomputed log-probs assume.

Sampler log-probs are gathered step by step (:class:`_ChosenLogprobs`), never from stored
logits: memory is O(rows x steps), not O(rows x steps x vocabulary) (150k x 8k tokens of float32
logits would be 4.9 GB per row).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator, Sequence

import torch
from transformers import (
    GenerationConfig,
    LogitsProcessor,
    LogitsProcessorList,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from relift.batch import pad_batch
from relift.errors import InternalError, InvalidInputError
from relift.rollout.base import (
    FinishReason,
    Prompts,
    Rollouts,
    SamplingParams,
    prompt_token_ids,
    rollout_seed,
)

__all__ = ["HFEngine"]


class HFEngine:
    """A :class:`relift.rollout.RolloutEngine` over a transformers causal LM.

    ``model`` is usually the trainer's own model object: then :meth:`update_weights` is a no-op,
    since the engine samples from the live weights. ``batch_size`` bounds the number of sequences
    per ``generate`` call (``None``: all rows at once). ``device`` defaults to the model's.
    EOS ids are the tokenizer's EOS plus any in the model's ``generation_config``
    (chat models often stop on two tokens), unless ``eos_token_ids`` is given.
    String prompts are tokenized with ``add_special_tokens``. ``synced``: the model's weights
    are sharded over processes (FSDP2), so every forward is a collective and every process keeps
    decoding until all are done (transformers' ``synced_gpus``); each must call ``generate`` as
    often as the others.

    Reproducibility: every rollout draws from its own generator, seeded from
    (``SamplingParams.seed``, the prompt's key, its index among the ``n``), so with a seed a
    rollout is the same whatever ``batch_size``, the other prompts of the call or the number of
    processes (up to float differences between batch shapes); the global torch RNG is untouched.
    Without a seed, one draw from the global torch RNG seeds the call.
    """

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        *,
        batch_size: int | None = None,
        device: torch.device | str | None = None,
        eos_token_ids: Sequence[int] | None = None,
        add_special_tokens: bool = True,
        synced: bool = False,
    ) -> None:
        if batch_size is not None and batch_size < 1:
            raise InvalidInputError(f"batch_size must be >= 1 or None, got {batch_size}")
        if tokenizer.pad_token_id is None:
            raise InvalidInputError("the tokenizer needs a pad token for batched generation")
        self.model = model
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        self.device = torch.device(device) if device is not None else model.device
        self.pad_token_id: int = tokenizer.pad_token_id
        self.eos_token_ids: tuple[int, ...] = (
            tuple(eos_token_ids) if eos_token_ids is not None else _default_eos(model, tokenizer)
        )
        if not self.eos_token_ids:
            raise InvalidInputError("no EOS token: pass eos_token_ids or use a tokenizer with one")
        self.add_special_tokens = add_special_tokens
        self.synced = synced

    def update_weights(self, model: torch.nn.Module) -> None:
        """Sample from ``model``'s weights from now on.

        A no-op when ``model`` is the engine's own model object (the usual case: trainer and
        engine share it, so the engine always sees the latest weights). Otherwise the weights
        are copied in with ``load_state_dict`` (same architecture required).
        """
        if model is self.model:
            return
        self.model.load_state_dict(model.state_dict())

    def generate(
        self, prompts: Prompts, sampling: SamplingParams, keys: Sequence[int] | None = None
    ) -> Rollouts:
        """``sampling.n`` completions of every prompt, a prompt's ``n`` rollouts contiguous;
        rollout ``j`` of the prompt keyed ``keys[p]`` (default: ``p``) is sampled with its own
        random stream, :func:`~relift.rollout.base.rollout_seed` ``(seed, key, j)``."""
        prompt_ids = prompt_token_ids(self.tokenizer, prompts, self.add_special_tokens)
        keys = list(range(len(prompt_ids))) if keys is None else [int(k) for k in keys]
        if len(keys) != len(prompt_ids):
            raise InvalidInputError(f"{len(keys)} keys for {len(prompt_ids)} prompts")
        seed = sampling.seed
        if seed is None:  # reproducible under the caller's torch.manual_seed
            seed = int(torch.randint(0, 2**62, (), dtype=torch.int64))
        prompt_index = [p for p in range(len(prompt_ids)) for _ in range(sampling.n)]
        row_seeds = [
            rollout_seed(seed, keys[p], j)
            for p in prompt_index[:: sampling.n]
            for j in range(sampling.n)
        ]
        step = self.batch_size or max(len(prompt_index), 1)
        responses: list[list[int]] = []
        logprobs: list[list[float]] = []
        with _neutral_generation_config(self.model):
            for start in range(0, len(prompt_index), step):
                rows = [prompt_ids[p] for p in prompt_index[start : start + step]]
                ids, lps = self._generate_chunk(rows, sampling, row_seeds[start : start + step])
                responses.extend(ids)
                logprobs.extend(lps)
        finish: list[FinishReason] = [
            "stop" if r and r[-1] in self.eos_token_ids else "length" for r in responses
        ]
        texts = self.tokenizer.batch_decode(responses, skip_special_tokens=True)
        return Rollouts(
            prompt_ids=prompt_ids,
            prompt_index=prompt_index,
            response_ids=responses,
            texts=list(texts),
            finish_reasons=finish,
            logprobs=logprobs if sampling.logprobs else None,
        )

    def _generation_config(self, sampling: SamplingParams) -> GenerationConfig:
        """Greedy decoding over what the processors leave: :class:`_KeyedSampler` does the
        sampling (when not greedy), so transformers' own warpers and RNG never run."""
        return GenerationConfig(  # type: ignore[no-untyped-call]  # **kwargs
            do_sample=False,
            max_new_tokens=sampling.max_new_tokens,
            eos_token_id=list(self.eos_token_ids),
            pad_token_id=self.pad_token_id,
            use_cache=True,
            num_beams=1,
            num_return_sequences=1,
            return_dict_in_generate=True,
        )

    @torch.no_grad()
    def _generate_chunk(
        self, prompts: list[list[int]], sampling: SamplingParams, row_seeds: list[int]
    ) -> tuple[list[list[int]], list[list[float]]]:
        """Sample one chunk; returns the responses cut after their first EOS (and log-probs)."""
        batch = pad_batch(prompts, [[] for _ in prompts], self.pad_token_id, device=self.device)
        recorder = _ChosenLogprobs(1.0 if sampling.greedy else sampling.temperature)
        processors: list[LogitsProcessor] = [recorder] if sampling.logprobs else []
        if not sampling.greedy:  # after the recorder: it must see the untruncated logits
            processors.append(_KeyedSampler(sampling, row_seeds, self.device))
        with _eval_mode(self.model):
            out = self.model.generate(  # type: ignore[operator]  # generate is untyped
                input_ids=batch.input_ids,
                attention_mask=batch.attention_mask,
                generation_config=self._generation_config(sampling),
                logits_processor=LogitsProcessorList(processors),
                synced_gpus=self.synced,
            )
        new_tokens = out.sequences[:, batch.input_ids.shape[1] :]
        lengths = _lengths_through_first_eos(new_tokens, self.eos_token_ids)
        ids = [row[:n] for row, n in zip(new_tokens.tolist(), lengths, strict=True)]
        if not sampling.logprobs:
            return ids, [[] for _ in ids]
        token_lp = recorder.finish(new_tokens)
        lps = [row[:n] for row, n in zip(token_lp.tolist(), lengths, strict=True)]
        return ids, lps


class _ChosenLogprobs(LogitsProcessor):
    """Records the log-probability of every sampled token, one decode step at a time.

    ``generate`` runs custom processors before its temperature / top-k / top-p warpers, so this
    sees the model's raw logits: it keeps the temperature-scaled log-softmax of the current step
    only, and at the next step, whose input ends with the token just drawn, keeps that token's
    entry. :meth:`finish` takes the last step's with the final tokens. Held at any time: one
    ``(rows, vocabulary)`` tensor and ``(rows,)`` per step.
    """

    def __init__(self, temperature: float) -> None:
        self.temperature = temperature
        self.pending: torch.Tensor | None = None
        self.steps: list[torch.Tensor] = []

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
        self._take(input_ids[:, -1])
        self.pending = torch.log_softmax(scores.float() / self.temperature, dim=-1)
        return scores

    def _take(self, chosen: torch.Tensor) -> None:
        if self.pending is not None:
            self.steps.append(self.pending.gather(-1, chosen.unsqueeze(-1)).squeeze(-1))
            self.pending = None

    def finish(self, new_tokens: torch.Tensor) -> torch.Tensor:
        """``(rows, steps)`` log-probs of ``new_tokens`` (the generated columns)."""
        self._take(new_tokens[:, -1])
        if len(self.steps) != new_tokens.shape[1]:
            raise InternalError(
                f"recorded {len(self.steps)} decode steps for {new_tokens.shape[1]} new tokens"
            )
        return torch.stack(self.steps, dim=1)


class _KeyedSampler(LogitsProcessor):
    """Samples every row from its own random stream, so a rollout does not depend on which
    other rows share its batch (or its process).

    Per decode step: temperature, then top-k, then top-p (transformers' order and semantics),
    then the Gumbel-max trick with uniforms drawn from the row's generator, which picks token
    ``i`` with probability ``softmax(logits)[i]``. It returns scores that are ``-inf`` except
    at the chosen token, for ``generate``'s greedy step to take.
    """

    def __init__(
        self, sampling: SamplingParams, row_seeds: Sequence[int], device: torch.device
    ) -> None:
        self.temperature = sampling.temperature
        self.top_k = max(sampling.top_k, 0)
        self.top_p = sampling.top_p
        self.generators = [torch.Generator(device).manual_seed(s) for s in row_seeds]

    def __call__(self, input_ids: torch.Tensor, scores: torch.Tensor) -> torch.Tensor:
        logits = _truncate(scores.float() / self.temperature, self.top_k, self.top_p)
        rows, vocab = logits.shape
        if rows != len(self.generators):
            raise InternalError(f"{rows} rows for {len(self.generators)} sampling streams")
        uniform = torch.stack(
            [torch.rand(vocab, generator=g, device=logits.device) for g in self.generators]
        )
        gumbel = -torch.log(-torch.log(uniform.clamp_min(torch.finfo(torch.float32).tiny)))
        chosen = (logits + gumbel).argmax(dim=-1, keepdim=True)
        forced = torch.full_like(scores, -math.inf)
        return forced.scatter_(-1, chosen, 0.0)


def _truncate(logits: torch.Tensor, top_k: int, top_p: float) -> torch.Tensor:
    """``logits`` with the tokens top-k (0: off) and then top-p (1: off) drop set to ``-inf``."""
    if 0 < top_k < logits.shape[-1]:
        kth = torch.topk(logits, top_k, dim=-1).values[..., -1:]
        logits = logits.masked_fill(logits < kth, -math.inf)
    if top_p < 1.0:
        ordered, order = torch.sort(logits, dim=-1, descending=True)
        probs = ordered.softmax(dim=-1)
        mass_before = probs.cumsum(dim=-1) - probs  # a token stays while the mass before it
        drop = mass_before >= top_p  # is short of top_p (so the top token always stays)
        unsorted = torch.zeros_like(drop).scatter(-1, order, drop)
        logits = logits.masked_fill(unsorted, -math.inf)
    return logits


def _default_eos(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase) -> tuple[int, ...]:
    """The tokenizer's EOS id plus the model generation config's, in that order, deduplicated."""
    ids: list[int] = []
    if tokenizer.eos_token_id is not None:
        ids.append(int(tokenizer.eos_token_id))
    config_eos = getattr(model.generation_config, "eos_token_id", None)
    if isinstance(config_eos, int):
        config_eos = [config_eos]
    ids.extend(int(i) for i in config_eos or [])
    return tuple(dict.fromkeys(ids))


def _lengths_through_first_eos(tokens: torch.Tensor, eos_ids: Sequence[int]) -> list[int]:
    """Per row: the length up to and including the first EOS, or the full width without one."""
    is_eos = torch.isin(tokens, torch.tensor(list(eos_ids), device=tokens.device))
    width = tokens.shape[1]
    first = torch.where(is_eos.any(dim=1), is_eos.int().argmax(dim=1) + 1, width)
    return [int(n) for n in first.tolist()]


@contextlib.contextmanager
def _neutral_generation_config(model: PreTrainedModel) -> Iterator[None]:
    """Set the model's own generation defaults aside, so only ours apply."""
    saved = model.generation_config
    model.generation_config = GenerationConfig()  # type: ignore[no-untyped-call]  # **kwargs
    try:
        yield
    finally:
        model.generation_config = saved


@contextlib.contextmanager
def _eval_mode(model: torch.nn.Module) -> Iterator[None]:
    """Eval mode (no dropout; KV cache allowed with gradient checkpointing), then restore."""
    was_training = model.training
    model.eval()
    try:
        yield
    finally:
        model.train(was_training)
