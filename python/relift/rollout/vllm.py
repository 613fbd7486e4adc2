"""Rollouts with vLLM, colocated with the trainer in its process (``pip install "relift[vllm]"``).

The engine lives in the trainer's process, one per ``torchrun`` rank when ``distributed=True``
(vLLM's ``external_launcher`` backend), with ``VLLM_ENABLE_V1_MULTIPROCESSING=0`` so that vLLM's
engine core runs in this process too. That is what makes the weight sync cheap and simple:
:meth:`VLLMEngine.update_weights` hands the trainer's tensors, one at a time, to the vLLM model's
own ``load_weights`` through ``LLM.apply_model`` (a function call, no serialisation, no copy
through another process), and vLLM maps the Hugging Face names onto its fused layers.

The contract is :class:`~relift.rollout.base.RolloutEngine`'s, as :class:`~relift.rollout.HFEngine`
keeps it:

* relift tokenizes and decodes; vLLM sees token ids only (``skip_tokenizer_init``), so both engines
  read the same ids and a checkpoint's tokenizer files never have to load inside vLLM.
* A prompt's ``n`` rollouts are ``n`` requests of one sample each. With ``SamplingParams.seed``
  request ``j`` of the prompt keyed ``k`` carries vLLM's per-request seed
  :func:`~relift.rollout.base.rollout_seed` ``(seed, k, j)``, so a rollout does not depend on the
  other prompts of the call or on the number of ranks (up to float differences between batch
  shapes). Prefix caching still shares the prompt's KV blocks between the ``n`` requests.
* Sampler log-probs come from ``logprobs_mode="processed_logprobs"``: since vLLM 0.10.2 (the lower
  bound of :data:`SUPPORTED_VLLM`) "processed" is after temperature, which is the contract, but it
  is also after top-k / top-p truncation (renormalised over the kept tokens), which is not; no
  mode gives the untruncated temperature-scaled value. So with top-k or top-p active the engine
  returns no log-probs (``Rollouts.logprobs is None``) and says so once in the log, rather than
  values the trainer's recomputation would disagree with. ReLIFT samples without truncation.

Sleep mode (level 1: weights backed up to CPU, KV cache dropped) gives the GPU back to the trainer
between generations. A weight sync wakes the weights only, loads, and resets the prefix cache
(cached KV computed by the old weights would otherwise be reused); the KV cache is woken at the
next generation. Level 2 is not used: it discards the weights and, per vLLM issue 29341, needs a
full reload before waking anyway.
"""

from __future__ import annotations

import gc
import importlib
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

import torch

from relift.distributed import full_tensor
from relift.errors import ConfigError, InternalError, InvalidInputError
from relift.rollout.base import (
    FinishReason,
    Prompts,
    Rollouts,
    SamplingParams,
    prompt_token_ids,
    rollout_seed,
)

__all__ = ["SUPPORTED_VLLM", "VLLMEngine", "full_weights"]

log = logging.getLogger("relift")

#: vLLM versions this engine was written against (see the module docstring for the lower bound;
#: the upper bound is the newest release whose source was read).
SUPPORTED_VLLM = ">=0.10.2,<0.34"
SleepMode = Literal["auto", "on", "off"]
_WEIGHTS, _KV_CACHE = "weights", "kv_cache"
_INSTALL = 'pip install "relift[vllm]"'


class VLLMEngine:
    """A :class:`relift.rollout.RolloutEngine` over a vLLM ``LLM`` built from ``model_path``.

    ``tokenizer`` is relift's (prompts are tokenized and responses decoded with it, as in
    :class:`~relift.rollout.HFEngine`); rollouts stop at its EOS token and at any EOS of the
    checkpoint's ``generation_config.json`` (vLLM reads that file itself).

    ``gpu_memory_utilization`` is the share of the GPU vLLM may take for weights and KV cache; the
    trainer needs the rest. ``sleep``: ``"on"`` sleeps between calls (an error where vLLM has no
    sleep mode, e.g. off CUDA), ``"auto"`` does where it can, ``"off"`` never. ``distributed``:
    one engine per ``torchrun`` rank, inside the trainer's ``torch.distributed`` world (vLLM's
    ``external_launcher``); every rank builds its engine and syncs weights at the same time. With
    ``tensor_parallel_size > 1`` (only with ``distributed``), the ranks of a tensor-parallel group
    must also call ``generate`` with the same prompts. ``seed`` seeds vLLM's own RNG (rollouts
    without a per-call seed); ranks of different tensor-parallel groups get ``seed + group``.
    """

    def __init__(
        self,
        model_path: str,
        tokenizer: Any,
        *,
        gpu_memory_utilization: float = 0.3,
        tensor_parallel_size: int = 1,
        sleep: SleepMode = "auto",
        enforce_eager: bool = False,
        max_model_len: int | None = None,
        dtype: str = "auto",
        seed: int = 0,
        distributed: bool = False,
    ) -> None:
        if sleep not in ("auto", "on", "off"):
            raise InvalidInputError(f"sleep must be 'auto', 'on' or 'off', got {sleep!r}")
        if tensor_parallel_size < 1:
            raise InvalidInputError(
                f"tensor_parallel_size must be >= 1, got {tensor_parallel_size}"
            )
        if tensor_parallel_size > 1 and not distributed:
            raise ConfigError(
                "tensor_parallel_size > 1 needs distributed=True (one engine per torchrun rank): "
                "otherwise vLLM starts its own worker processes, out of reach of the in-process "
                "weight sync"
            )
        if distributed and not torch.distributed.is_initialized():
            raise ConfigError(
                "distributed=True runs one vLLM engine per torchrun rank inside the trainer's "
                "process group; initialise torch.distributed first (run under torchrun)"
            )
        if (
            not distributed
            and torch.distributed.is_initialized()
            and torch.distributed.get_world_size() > 1
        ):
            raise ConfigError(
                "inside a torch.distributed world of several processes vLLM joins that world: "
                "use distributed=True (one engine per rank)"
            )
        if tokenizer.eos_token_id is None:
            raise InvalidInputError("the tokenizer has no EOS token; rollouts could never stop")
        self.tokenizer = tokenizer
        self.eos_token_id = int(tokenizer.eos_token_id)
        #: Number of weight syncs so far.
        self.weight_version = 0
        self._sleeping: set[str] = set()
        self._warned_truncation = False
        # Before vLLM reads it: the engine core must run in this process (see module docstring).
        os.environ["VLLM_ENABLE_V1_MULTIPROCESSING"] = "0"
        self._vllm = _import_vllm()
        available = _sleep_mode_available()
        if sleep == "on" and not available:
            raise ConfigError(
                "sleep='on' needs vLLM's sleep mode, which this platform does not have (CUDA "
                "GPUs do); use sleep='auto' or 'off'"
            )
        self.sleep_enabled = sleep == "on" or (sleep == "auto" and available)
        self._owns_process_group = not torch.distributed.is_initialized()
        group = torch.distributed.get_rank() // tensor_parallel_size if distributed else 0
        options: dict[str, Any] = {
            "model": model_path,
            "skip_tokenizer_init": True,
            "tensor_parallel_size": tensor_parallel_size,
            "gpu_memory_utilization": gpu_memory_utilization,
            "enforce_eager": enforce_eager,
            "max_model_len": max_model_len,
            "dtype": dtype,
            "seed": seed + group,
            "enable_sleep_mode": self.sleep_enabled,
            "logprobs_mode": "processed_logprobs",
        }
        if distributed:
            options["distributed_executor_backend"] = "external_launcher"
        self._llm: Any = self._vllm.LLM(**options)
        if getattr(getattr(self._llm.llm_engine, "model_config", None), "quantization", None):
            raise ConfigError(
                f"{model_path} is quantized in vLLM; the weight sync copies unquantized "
                "trainer tensors into vLLM's parameters, so use an unquantized checkpoint"
            )
        if getattr(self._llm.llm_engine, "model_executor", None) is None:
            raise InternalError(
                "vLLM runs its engine in another process (VLLM_ENABLE_V1_MULTIPROCESSING was "
                "read as 1 before relift set it to 0, e.g. by an earlier engine in this process); "
                "the in-process weight sync cannot reach it"
            )
        if self.sleep_enabled:
            self.sleep()

    # ---- the RolloutEngine protocol ---------------------------------------------------------

    def generate(
        self, prompts: Prompts, sampling: SamplingParams, keys: Sequence[int] | None = None
    ) -> Rollouts:
        """``sampling.n`` completions of every prompt, a prompt's ``n`` rollouts contiguous;
        rollout ``j`` of the prompt keyed ``keys[p]`` (default ``p``) is drawn with vLLM's
        per-request seed ``rollout_seed(sampling.seed, keys[p], j)`` (no seed: vLLM's RNG)."""
        prompt_ids = prompt_token_ids(self.tokenizer, prompts)
        seeds = _request_seeds(sampling, keys, len(prompt_ids))
        prompt_index = [p for p in range(len(prompt_ids)) for _ in range(sampling.n)]
        with_logprobs = sampling.logprobs and self._logprobs_exact(sampling)
        requests = [{"prompt_token_ids": prompt_ids[p]} for p in prompt_index]
        params = [
            self._vllm.SamplingParams(
                **_sampling_options(sampling, seed, self.eos_token_id, with_logprobs)
            )
            for seed in seeds
        ]
        outputs = self._run(requests, params) if requests else []
        return _to_rollouts(
            outputs, prompt_ids, prompt_index, self.eos_token_id, self.tokenizer, with_logprobs
        )

    @torch.no_grad()
    def update_weights(self, model: torch.nn.Module) -> None:
        """Load ``model``'s current weights into vLLM, one tensor at a time.

        ``model`` is the trainer's Hugging Face model, plain or wrapped (DDP's ``module.`` and
        ``torch.compile``'s ``_orig_mod.`` prefixes are dropped); FSDP2 parameters (DTensors)
        are gathered with ``full_tensor()`` one by one, so the peak extra memory is one full
        tensor. That gather is a collective: every rank must call this (with ``distributed``
        every rank has an engine; a rank without one drains :func:`full_weights` instead).
        Raises :class:`~relift.errors.InternalError` if a vLLM parameter got no new value, so a
        sync can never silently leave stale weights.
        """
        llm = self._require_open()
        if _WEIGHTS in self._sleeping:  # the KV cache stays asleep until the next generation
            self._wake([_WEIGHTS])
        weights = full_weights(model)
        try:
            missing = llm.apply_model(lambda vllm_model: _load(vllm_model, weights))
        finally:  # finish the gathers whatever happened, or the other ranks would hang
            leftover = sum(1 for _ in weights)
        stale = sorted({name for names in missing for name in names})
        if stale or leftover:
            raise InternalError(
                f"weight sync incomplete: vLLM parameters without new values {stale[:8]}, "
                f"{leftover} trainer tensors not consumed"
            )
        # Blocks cached under the old weights would be reused for a matching prefix.
        if llm.reset_prefix_cache() is False:
            raise InternalError("vLLM refused to reset its prefix cache after a weight sync")
        self.weight_version += 1

    # ---- scoring, sleep, shutdown -------------------------------------------------------------

    def prompt_logprobs(
        self, prompt_ids: list[list[int]], continuation_ids: list[list[int]]
    ) -> list[list[float]]:
        """The log-probability vLLM's model gives each fixed continuation token after its prompt
        (at temperature 1): proof that vLLM holds the weights it was given."""
        if len(prompt_ids) != len(continuation_ids):
            raise InvalidInputError(
                f"{len(prompt_ids)} prompts but {len(continuation_ids)} continuations"
            )
        if any(not p for p in prompt_ids):
            raise InvalidInputError("every prompt needs at least one token")
        params = self._vllm.SamplingParams(
            max_tokens=1, temperature=0.0, prompt_logprobs=0, detokenize=False
        )
        requests = [
            {"prompt_token_ids": [*map(int, p), *map(int, c)]}
            for p, c in zip(prompt_ids, continuation_ids, strict=True)
        ]
        outputs = self._run(requests, params) if requests else []
        return [
            _continuation_logprobs(out, len(p), [int(t) for t in c])
            for out, p, c in zip(outputs, prompt_ids, continuation_ids, strict=True)
        ]

    def sleep(self) -> None:
        """Free vLLM's GPU memory (level 1: weights to CPU, KV cache dropped) until the next call
        that needs it. Does nothing when sleep mode is off or the engine is already asleep."""
        llm = self._require_open()
        if not self.sleep_enabled or self._sleeping == {_WEIGHTS, _KV_CACHE}:
            return
        if self._sleeping:  # half awake (weights woken for a sync): vLLM sleeps a whole engine
            self._wake(sorted(self._sleeping, key=[_WEIGHTS, _KV_CACHE].index))
        llm.sleep(level=1)
        self._sleeping = {_WEIGHTS, _KV_CACHE}

    def wake_up(self) -> None:
        """Give vLLM its GPU memory back (weights first, then the KV cache)."""
        self._require_open()
        if self._sleeping:
            self._wake(sorted(self._sleeping, key=[_WEIGHTS, _KV_CACHE].index))

    def close(self) -> None:
        """Shut vLLM down and free its GPU memory. In 0.33 vLLM's shutdown also destroys the
        default ``torch.distributed`` process group, so with ``distributed`` call this last."""
        if self._llm is None:
            return
        llm, self._llm = self._llm, None
        llm.llm_engine.engine_core.shutdown()
        del llm
        gc.collect()
        parallel_state = importlib.import_module("vllm.distributed.parallel_state")
        parallel_state.destroy_model_parallel()  # idempotent; lets a later engine start
        if self._owns_process_group:  # the world of one vLLM made for itself
            parallel_state.destroy_distributed_environment()
        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    # ---- internals --------------------------------------------------------------------------

    def _require_open(self) -> Any:
        if self._llm is None:
            raise InvalidInputError("this VLLMEngine was closed")
        return self._llm

    def _run(self, requests: list[dict[str, list[int]]], params: Any) -> list[Any]:
        """``LLM.generate`` with the engine awake, asleep again afterwards when sleep is on."""
        llm = self._require_open()
        self.wake_up()
        try:
            return list(llm.generate(requests, params, use_tqdm=False))
        finally:
            self.sleep()

    def _wake(self, tags: list[str]) -> None:
        self._require_open().wake_up(tags=tags)
        self._sleeping.difference_update(tags)

    def _logprobs_exact(self, sampling: SamplingParams) -> bool:
        """Whether vLLM's processed log-probs equal the contract's (no top-k / top-p at work)."""
        truncated = not sampling.greedy and (sampling.top_k > 0 or sampling.top_p < 1.0)
        if truncated and not self._warned_truncation:
            self._warned_truncation = True
            log.warning(
                "vLLM reports log-probs after top-k/top-p truncation, not the temperature-scaled "
                "distribution before it; rollouts sampled with top_k=%d, top_p=%g carry no "
                "sampler log-probs",
                sampling.top_k,
                sampling.top_p,
            )
        return not truncated


def full_weights(model: torch.nn.Module) -> Iterator[tuple[str, torch.Tensor]]:
    """``model``'s parameters as (Hugging Face name, full tensor), one at a time.

    A DTensor (FSDP2) is gathered with ``full_tensor()`` when its turn comes: a collective, so
    every rank must iterate this to the end in the same order, also a rank that loads nothing.
    Tied parameters come once (``named_parameters`` deduplicates them; vLLM ties them back).
    """
    for name, param in model.named_parameters():
        yield _hf_name(name), full_tensor(param.detach())


def _hf_name(name: str) -> str:
    """The checkpoint name of a parameter of a wrapped model (DDP, ``torch.compile``)."""
    return name.replace("_orig_mod.", "").removeprefix("module.")


def _load(vllm_model: Any, weights: Iterable[tuple[str, torch.Tensor]]) -> list[str]:
    """Runs inside vLLM's worker: load, and name the vLLM parameters that got nothing.

    Floating tensors are cast to the dtype vLLM built the model in first (vLLM's loader would
    cast while copying anyway, but warns about every narrowed tensor, at every sync)."""
    dtype = next(vllm_model.parameters()).dtype
    cast = (
        (name, t.to(dtype) if t.is_floating_point() and t.dtype != dtype else t)
        for name, t in weights
    )
    loaded = vllm_model.load_weights(cast)
    expected = {name for name, _ in vllm_model.named_parameters()}
    return sorted(expected - set(loaded or ()))


def _import_vllm() -> Any:
    """The installed vLLM, if its version is one this engine supports."""
    try:
        vllm = importlib.import_module("vllm")
    except ImportError as exc:
        raise ConfigError(
            f"the vLLM rollout engine needs vLLM {SUPPORTED_VLLM}: {_INSTALL}"
        ) from exc
    _check_version(str(getattr(vllm, "__version__", "unknown")))
    return vllm


def _check_version(installed: str) -> None:
    from packaging.specifiers import SpecifierSet
    from packaging.version import InvalidVersion, Version

    try:
        ok = SpecifierSet(SUPPORTED_VLLM).contains(Version(installed), prereleases=True)
    except InvalidVersion:
        ok = False
    if not ok:
        raise ConfigError(
            f"vLLM {installed} is installed but relift's vLLM engine supports vllm"
            f"{SUPPORTED_VLLM} (the APIs it calls were checked against those versions): "
            f'pip install "vllm{SUPPORTED_VLLM}"'
        )


def _sleep_mode_available() -> bool:
    platforms = importlib.import_module("vllm.platforms")
    return bool(platforms.current_platform.is_sleep_mode_available())


def _request_seeds(
    sampling: SamplingParams, keys: Sequence[int] | None, num_prompts: int
) -> list[int | None]:
    """vLLM's per-request seed of every rollout, prompt-major (``None``: no seed)."""
    keys = list(range(num_prompts)) if keys is None else [int(k) for k in keys]
    if len(keys) != num_prompts:
        raise InvalidInputError(f"{len(keys)} keys for {num_prompts} prompts")
    seed = sampling.seed
    return [
        None if seed is None else rollout_seed(seed, key, j)
        for key in keys
        for j in range(sampling.n)
    ]


def _sampling_options(
    sampling: SamplingParams, seed: int | None, eos_token_id: int, with_logprobs: bool
) -> dict[str, Any]:
    """Keyword arguments of one request's ``vllm.SamplingParams`` (one sample)."""
    options: dict[str, Any] = {
        "n": 1,
        "max_tokens": sampling.max_new_tokens,
        "seed": seed,
        "stop_token_ids": [eos_token_id],
        "detokenize": False,  # relift decodes
        "logprobs": 0 if with_logprobs else None,  # 0: the sampled token's only
    }
    if sampling.greedy:
        return {**options, "temperature": 0.0}
    return {
        **options,
        "temperature": sampling.temperature,
        "top_p": sampling.top_p,
        "top_k": max(sampling.top_k, 0),  # relift's -1 and vLLM's 0 both mean off
    }


def _to_rollouts(
    outputs: Sequence[Any],
    prompt_ids: list[list[int]],
    prompt_index: list[int],
    eos_token_id: int,
    tokenizer: Any,
    with_logprobs: bool,
) -> Rollouts:
    """vLLM ``RequestOutput``s (one sample each, in request order) as :class:`Rollouts`.

    A response is cut after its first EOS (vLLM stops there already) and finishes ``"stop"``;
    without one it keeps vLLM's reason: ``"stop"`` on another stop token (kept, as vLLM keeps
    it), ``"length"``. Any other reason (abort, error) is a failure, not a rollout.
    """
    if len(outputs) != len(prompt_index):
        raise InternalError(
            f"vLLM returned {len(outputs)} outputs for {len(prompt_index)} requests"
        )
    responses: list[list[int]] = []
    finish: list[FinishReason] = []
    logprobs: list[list[float]] = []
    for row, (out, p) in enumerate(zip(outputs, prompt_index, strict=True)):
        if [int(t) for t in out.prompt_token_ids] != prompt_ids[p] or len(out.outputs) != 1:
            raise InternalError(f"vLLM output {row} does not answer request {row}")
        sample = out.outputs[0]
        reason = sample.finish_reason
        if reason not in ("stop", "length"):
            raise InternalError(f"vLLM finished rollout {row} with {reason!r}")
        ids = [int(t) for t in sample.token_ids]
        if eos_token_id in ids:
            ids = ids[: ids.index(eos_token_id) + 1]
            reason = "stop"
        responses.append(ids)
        finish.append(reason)
        if with_logprobs:
            if sample.logprobs is None or len(sample.logprobs) < len(ids):
                raise InternalError(f"vLLM returned no log-prob for some tokens of rollout {row}")
            logprobs.append([float(sample.logprobs[i][t].logprob) for i, t in enumerate(ids)])
    texts = tokenizer.batch_decode(responses, skip_special_tokens=True) if responses else []
    return Rollouts(
        prompt_ids=prompt_ids,
        prompt_index=prompt_index,
        response_ids=responses,
        texts=list(texts),
        finish_reasons=finish,
        logprobs=logprobs if with_logprobs else None,
    )


def _continuation_logprobs(output: Any, prompt_len: int, continuation: list[int]) -> list[float]:
    """From a ``RequestOutput`` over prompt + continuation with ``prompt_logprobs=0``: the
    log-probs of the continuation tokens (entry ``i`` scores token ``i``; entry 0 is ``None``)."""
    scores = output.prompt_logprobs
    if scores is None or len(scores) < prompt_len + len(continuation):
        raise InternalError("vLLM returned no prompt log-probs")
    return [float(scores[prompt_len + k][t].logprob) for k, t in enumerate(continuation)]
