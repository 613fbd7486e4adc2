"""The vLLM rollout engine.

On any machine (CI): the version and dependency checks, the engine's orchestration against a
stand-in ``vllm`` module whose objects are shaped like vLLM 0.33's (``LLM``, ``SamplingParams``,
``RequestOutput`` / ``CompletionOutput`` / ``Logprob``): the requests it submits, the conversion
of outputs into Rollouts, sleep / wake / weight-sync ordering, and the FSDP2 (DTensor) gather.

On a CUDA GPU with vLLM installed: the real engine on a tiny Qwen2 loaded from disk. Generation
end to end, seeds that make a rollout independent of its batch, sleep / wake, and a weight sync
proven by comparing vLLM's log-probs of fixed tokens with the torch model's, before and after.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

import copy
import importlib.util
import logging
import random
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import torch
from relift.errors import ConfigError, InternalError, InvalidInputError
from relift.losses import token_logprobs_and_entropy
from relift.rollout import RolloutEngine, Rollouts, SamplingParams, rollout_seed
from relift.rollout.vllm import (
    SUPPORTED_VLLM,
    VLLMEngine,
    _check_version,
    _continuation_logprobs,
    _to_rollouts,
    full_weights,
)
from relift.testing import build_tiny_model, build_tiny_tokenizer, save_and_reload
from transformers import PreTrainedModel, PreTrainedTokenizerBase

EOS = 2
PROMPTS = ["12+3=", "9", "5+55=", "1,2:"]

# ---- a stand-in for the vllm package, shaped like vLLM 0.33's objects -------------------------


def fake_output(
    request_id: int, prompt: list[int], tokens: list[int], reason: str, logprobs: list[float] | None
) -> SimpleNamespace:
    """A ``vllm.RequestOutput`` holding one ``CompletionOutput``; log-probs as vLLM returns them
    with ``logprobs=0``: per position a ``{token_id: Logprob}`` dict holding the sampled token."""
    entries = None
    if logprobs is not None:
        entries = [
            {t: SimpleNamespace(logprob=lp, rank=1, decoded_token=None)}
            for t, lp in zip(tokens, logprobs, strict=True)
        ]
    sample = SimpleNamespace(
        index=0,
        text="",
        token_ids=list(tokens),
        cumulative_logprob=None,
        logprobs=entries,
        finish_reason=reason,
        stop_reason=EOS if reason == "stop" else None,
    )
    return SimpleNamespace(
        request_id=str(request_id),
        prompt=None,
        prompt_token_ids=list(prompt),
        prompt_logprobs=None,
        outputs=[sample],
        finished=True,
    )


class FakeLLM:
    """Records what VLLMEngine asks of ``vllm.LLM`` and answers like it: ``generate`` samples
    tokens from a ``random.Random`` seeded with the request's seed, stopping at EOS."""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.calls: list[Any] = []
        self.model: torch.nn.Module | None = None
        self.params: list[Any] = []
        self.requests: list[dict[str, list[int]]] = []
        shutdown = lambda: self.calls.append("shutdown")  # noqa: E731
        self.llm_engine = SimpleNamespace(
            model_executor=object(), engine_core=SimpleNamespace(shutdown=shutdown)
        )

    def generate(
        self, requests: list[dict[str, list[int]]], params: Any, use_tqdm: bool = True
    ) -> list[SimpleNamespace]:
        self.calls.append("generate")
        params = params if isinstance(params, list) else [params] * len(requests)
        self.requests, self.params = requests, params
        outputs = []
        for i, (request, p) in enumerate(zip(requests, params, strict=True)):
            rng = random.Random(p.seed if p.seed is not None else -i)
            tokens: list[int] = []
            while len(tokens) < p.max_tokens and (not tokens or tokens[-1] != EOS):
                tokens.append(EOS if rng.random() < 0.2 else rng.randint(4, 18))
            reason = "stop" if tokens[-1] == EOS else "length"
            lps = [-0.1 * (k + 1) for k in range(len(tokens))] if p.logprobs is not None else None
            outputs.append(fake_output(i, request["prompt_token_ids"], tokens, reason, lps))
        return outputs

    def sleep(self, level: int = 1) -> None:
        self.calls.append(("sleep", level))

    def wake_up(self, tags: list[str] | None = None) -> bool:
        self.calls.append(("wake_up", tuple(tags or ())))
        return True

    def reset_prefix_cache(self) -> bool:
        self.calls.append("reset_prefix_cache")
        return True

    def apply_model(self, func: Callable[[torch.nn.Module], Any]) -> list[Any]:
        self.calls.append("apply_model")
        assert self.model is not None
        return [func(self.model)]


def fake_vllm(
    monkeypatch: pytest.MonkeyPatch, version: str = "0.33.0", sleep_mode: bool = True
) -> types.ModuleType:
    """Install a stand-in ``vllm`` (and the submodules the engine imports) in sys.modules."""
    vllm = types.ModuleType("vllm")
    vllm.__version__ = version  # type: ignore[attr-defined]
    vllm.SamplingParams = lambda **kw: SimpleNamespace(**kw)  # type: ignore[attr-defined]
    vllm.LLM = FakeLLM  # type: ignore[attr-defined]
    platforms = types.ModuleType("vllm.platforms")
    platforms.current_platform = SimpleNamespace(  # type: ignore[attr-defined]
        is_sleep_mode_available=lambda: sleep_mode
    )
    parallel_state = types.ModuleType("vllm.distributed.parallel_state")
    parallel_state.destroy_model_parallel = lambda: None  # type: ignore[attr-defined]
    parallel_state.destroy_distributed_environment = lambda: None  # type: ignore[attr-defined]
    for name, module in (
        ("vllm", vllm),
        ("vllm.platforms", platforms),
        ("vllm.distributed", types.ModuleType("vllm.distributed")),
        ("vllm.distributed.parallel_state", parallel_state),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setenv("VLLM_ENABLE_V1_MULTIPROCESSING", "1")  # restored after the test
    return vllm


@pytest.fixture()
def tokenizer() -> PreTrainedTokenizerBase:
    return build_tiny_tokenizer()


def fake_engine(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Any, **kwargs: Any
) -> tuple[VLLMEngine, FakeLLM]:
    fake_vllm(monkeypatch)
    engine = VLLMEngine("/models/tiny", tokenizer, **kwargs)
    llm = engine._llm
    assert isinstance(llm, FakeLLM)
    return engine, llm


# ---- CPU: versions, options, orchestration ----------------------------------------------------


@pytest.mark.timeout(60)
def test_missing_vllm_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tokenizer: Any) -> None:
    monkeypatch.setitem(sys.modules, "vllm", None)  # import vllm -> ImportError
    monkeypatch.setenv("VLLM_ENABLE_V1_MULTIPROCESSING", "1")
    with pytest.raises(ConfigError, match=r'pip install "relift\[vllm\]"'):
        VLLMEngine("/models/tiny", tokenizer)


@pytest.mark.timeout(60)
def test_unsupported_vllm_version_names_both_versions(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Any
) -> None:
    fake_vllm(monkeypatch, version="0.1.0")
    with pytest.raises(ConfigError) as info:
        VLLMEngine("/models/tiny", tokenizer)
    assert "0.1.0" in str(info.value) and SUPPORTED_VLLM in str(info.value)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    ("version", "ok"),
    [
        ("0.10.2", True),
        ("0.33.0", True),
        ("0.12.0rc1", True),
        ("0.33.1.dev4+gabc", True),
        ("0.10.1", False),
        ("0.34.0", False),
        ("0.8.5", False),
        ("unknown", False),
    ],
)
def test_supported_version_range(version: str, ok: bool) -> None:
    if ok:
        _check_version(version)
    else:
        with pytest.raises(ConfigError, match=version.replace(".", r"\.")):
            _check_version(version)


@pytest.mark.timeout(60)
def test_engine_options_and_initial_sleep(monkeypatch: pytest.MonkeyPatch, tokenizer: Any) -> None:
    engine, llm = fake_engine(monkeypatch, tokenizer, dtype="float32", max_model_len=128)
    assert isinstance(engine, RolloutEngine)
    assert os.environ["VLLM_ENABLE_V1_MULTIPROCESSING"] == "0"  # in-process engine core
    assert llm.options == {
        "model": "/models/tiny",
        "skip_tokenizer_init": True,
        "tensor_parallel_size": 1,
        "gpu_memory_utilization": 0.3,
        "enforce_eager": False,
        "max_model_len": 128,
        "dtype": "float32",
        "seed": 0,
        "enable_sleep_mode": True,
        "logprobs_mode": "processed_logprobs",
    }
    assert engine.sleep_enabled and llm.calls == [("sleep", 1)]  # asleep until first use
    engine.close()
    assert llm.calls[-1] == "shutdown"
    with pytest.raises(InvalidInputError, match="closed"):
        engine.generate(PROMPTS, SamplingParams())


@pytest.mark.timeout(60)
def test_sleep_settings(monkeypatch: pytest.MonkeyPatch, tokenizer: Any) -> None:
    fake_vllm(monkeypatch, sleep_mode=False)
    with pytest.raises(ConfigError, match="sleep='on'"):
        VLLMEngine("/models/tiny", tokenizer, sleep="on")
    auto = VLLMEngine("/models/tiny", tokenizer, sleep="auto")  # no sleep mode here: off
    assert not auto.sleep_enabled and auto._llm.options["enable_sleep_mode"] is False
    auto.generate(PROMPTS[:1], SamplingParams(max_new_tokens=3))
    assert auto._llm.calls == ["generate"]  # never slept, never woken
    with pytest.raises(InvalidInputError, match="sleep"):
        VLLMEngine("/models/tiny", tokenizer, sleep="sometimes")  # type: ignore[arg-type]


@pytest.mark.timeout(60)
def test_settings_that_cannot_work_in_process(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Any
) -> None:
    fake_vllm(monkeypatch)
    with pytest.raises(ConfigError, match="distributed=True"):
        VLLMEngine("/models/tiny", tokenizer, tensor_parallel_size=2)
    with pytest.raises(ConfigError, match="torchrun"):
        VLLMEngine("/models/tiny", tokenizer, distributed=True)  # no process group here


@pytest.mark.timeout(60)
def test_generate_submits_one_seeded_request_per_rollout(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Any
) -> None:
    engine, llm = fake_engine(monkeypatch, tokenizer)
    llm.calls.clear()
    sampling = SamplingParams(n=3, temperature=0.7, max_new_tokens=6, seed=5, logprobs=True)
    out = engine.generate(PROMPTS, sampling, keys=[10, 11, 12, 13])
    assert llm.calls == [("wake_up", ("weights", "kv_cache")), "generate", ("sleep", 1)]
    # n requests of one sample per prompt, contiguous; vLLM sees ids only
    assert [r["prompt_token_ids"] for r in llm.requests] == [
        tokenizer(p)["input_ids"] for p in PROMPTS for _ in range(3)
    ]
    assert [p.seed for p in llm.params] == [
        rollout_seed(5, k, j) for k in (10, 11, 12, 13) for j in range(3)
    ]
    first = vars(llm.params[0])
    assert first == {
        "n": 1,
        "max_tokens": 6,
        "seed": rollout_seed(5, 10, 0),
        "stop_token_ids": [EOS],
        "detokenize": False,
        "logprobs": 0,
        "temperature": 0.7,
        "top_p": 1.0,
        "top_k": 0,
    }
    assert out.prompt_index == [p for p in range(4) for _ in range(3)]
    assert out.logprobs is not None and len(out) == 12
    for ids, reason, text in zip(out.response_ids, out.finish_reasons, out.texts, strict=True):
        assert (reason == "stop") == (ids[-1] == EOS) and EOS not in ids[:-1]
        assert text == tokenizer.decode(ids, skip_special_tokens=True)
    # a prompt's rollouts depend on its key and the seed, not on the rest of the batch
    again = engine.generate([PROMPTS[2]], sampling, keys=[12])
    assert again.response_ids == out.response_ids[6:9]
    greedy = engine.generate(PROMPTS[:1], SamplingParams(temperature=0.0, seed=None))
    assert llm.params[0].temperature == 0.0 and llm.params[0].seed is None
    assert greedy.logprobs is None and llm.params[0].logprobs is None
    with pytest.raises(InvalidInputError, match="keys"):
        engine.generate(PROMPTS, sampling, keys=[1, 2])


@pytest.mark.timeout(60)
def test_truncated_sampling_returns_no_logprobs(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """vLLM's processed log-probs are renormalised after top-k/top-p: not the contract's."""
    engine, llm = fake_engine(monkeypatch, tokenizer)
    with caplog.at_level(logging.WARNING, logger="relift"):
        for _ in range(2):
            out = engine.generate(PROMPTS, SamplingParams(top_p=0.9, top_k=-1, logprobs=True))
            assert out.logprobs is None and all(p.logprobs is None for p in llm.params)
            assert all(p.top_k == 0 and p.top_p == 0.9 for p in llm.params)
    assert sum("truncation" in r.getMessage() for r in caplog.records) == 1  # said once


@pytest.mark.timeout(60)
def test_conversion_of_handmade_vllm_outputs(tokenizer: Any) -> None:
    prompts = [[1, 5], [1, 6, 7]]
    outputs = [
        fake_output(0, [1, 5], [9, 10, EOS], "stop", [-0.5, -0.25, -1.0]),
        fake_output(1, [1, 5], [9, 9, 9, 9], "length", [-1.0, -2.0, -3.0, -4.0]),
        fake_output(2, [1, 6, 7], [EOS], "stop", [-0.125]),
        fake_output(3, [1, 6, 7], [11, 3], "stop", [-0.5, -0.75]),  # another stop token
    ]
    out = _to_rollouts(outputs, prompts, [0, 0, 1, 1], EOS, tokenizer, with_logprobs=True)
    assert isinstance(out, Rollouts)
    assert out.response_ids == [[9, 10, EOS], [9, 9, 9, 9], [EOS], [11, 3]]
    assert out.finish_reasons == ["stop", "length", "stop", "stop"]
    assert out.logprobs == [[-0.5, -0.25, -1.0], [-1.0, -2.0, -3.0, -4.0], [-0.125], [-0.5, -0.75]]
    assert out.texts == [tokenizer.decode(r, skip_special_tokens=True) for r in out.response_ids]
    assert out.texts[2] == ""
    batch = out.to_batch(pad_token_id=0)
    assert torch.equal(
        batch.extras["sampler_logprobs"][batch.response_mask],
        torch.tensor([x for lp in out.logprobs for x in lp]),
    )
    # tokens after the first EOS are dropped (vLLM stops there; defensive)
    cut = _to_rollouts(
        [fake_output(0, [1, 5], [9, EOS, 4], "stop", None)],
        prompts[:1],
        [0],
        EOS,
        tokenizer,
        with_logprobs=False,
    )
    assert cut.response_ids == [[9, EOS]] and cut.logprobs is None
    with pytest.raises(InternalError, match="abort"):
        _to_rollouts(
            [fake_output(0, [1, 5], [9], "abort", None)],
            prompts[:1],
            [0],
            EOS,
            tokenizer,
            with_logprobs=False,
        )
    with pytest.raises(InternalError, match="does not answer"):
        _to_rollouts(
            [fake_output(0, [1, 6, 7], [9], "length", None)],
            prompts[:1],
            [0],
            EOS,
            tokenizer,
            with_logprobs=False,
        )
    with pytest.raises(InternalError, match="outputs"):
        _to_rollouts([], prompts[:1], [0], EOS, tokenizer, with_logprobs=False)


@pytest.mark.timeout(60)
def test_continuation_logprobs_of_a_handmade_output() -> None:
    """``prompt_logprobs`` entry i scores token i (entry 0, the first token, is None)."""
    tokens = [1, 5, 6, 7, 8]
    scores = [None, *({t: SimpleNamespace(logprob=-float(i))} for i, t in enumerate(tokens[1:], 1))]
    output = SimpleNamespace(prompt_token_ids=tokens, prompt_logprobs=scores)
    assert _continuation_logprobs(output, 3, [7, 8]) == [-3.0, -4.0]
    with pytest.raises(InternalError):
        _continuation_logprobs(SimpleNamespace(prompt_logprobs=None), 3, [7, 8])


def fake_vllm_model(
    reference: torch.nn.Module, extra: bool = False, greedy_only: int = 0
) -> torch.nn.Module:
    """A copy of ``reference`` with vLLM's ``load_weights`` (copies by checkpoint name and
    returns the names). ``extra``: one more parameter no checkpoint has; ``greedy_only``: stop
    reading the weights after that many."""
    model = copy.deepcopy(reference)
    if extra:
        model.register_parameter("extra", torch.nn.Parameter(torch.zeros(2)))

    def load_weights(self: torch.nn.Module, weights: Any) -> set[str]:
        params, loaded = dict(self.named_parameters()), set()
        for i, (name, tensor) in enumerate(weights):
            params[name].data.copy_(tensor)
            loaded.add(name)
            if greedy_only and i + 1 == greedy_only:
                break
        return loaded

    model.load_weights = types.MethodType(load_weights, model)  # type: ignore[assignment]
    return model


class Wrapped(torch.nn.Module):
    """Like DDP: the model under ``module.``."""

    def __init__(self, module: torch.nn.Module) -> None:
        super().__init__()
        self.module = module


@pytest.mark.timeout(60)
def test_weight_sync_wakes_weights_loads_all_and_resets_the_prefix_cache(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Any
) -> None:
    engine, llm = fake_engine(monkeypatch, tokenizer)
    base = build_tiny_model(tokenizer, seed=0)
    llm.model = fake_vllm_model(base)
    trainer = build_tiny_model(tokenizer, seed=1)  # other weights, same names
    llm.calls.clear()
    engine.update_weights(Wrapped(trainer))
    assert llm.calls == [("wake_up", ("weights",)), "apply_model", "reset_prefix_cache"]
    assert engine.weight_version == 1
    for (name, got), (_, want) in zip(
        llm.model.named_parameters(), trainer.named_parameters(), strict=True
    ):
        assert torch.equal(got, want), name
    llm.calls.clear()
    engine.generate(PROMPTS[:1], SamplingParams(max_new_tokens=2))  # the KV cache wakes now
    assert llm.calls == [("wake_up", ("kv_cache",)), "generate", ("sleep", 1)]
    llm.calls.clear()
    engine.update_weights(trainer)
    engine.sleep()  # half awake: wake the KV cache too, then sleep the whole engine
    assert llm.calls[-2:] == [("wake_up", ("kv_cache",)), ("sleep", 1)]
    assert engine.weight_version == 2


@pytest.mark.timeout(60)
def test_weight_sync_refuses_to_leave_stale_weights(
    monkeypatch: pytest.MonkeyPatch, tokenizer: Any
) -> None:
    engine, llm = fake_engine(monkeypatch, tokenizer)
    base = build_tiny_model(tokenizer)
    llm.model = fake_vllm_model(base, extra=True)
    with pytest.raises(InternalError, match="extra"):
        engine.update_weights(base)
    llm.model = fake_vllm_model(base, greedy_only=2)
    with pytest.raises(InternalError, match="not consumed"):
        engine.update_weights(base)
    assert engine.weight_version == 0


@pytest.mark.timeout(60)
def test_full_weights_gathers_fsdp2_dtensors(tmp_path: Path) -> None:
    """A DTensor parameter is gathered with full_tensor(); plain ones pass as they are."""
    from torch.distributed.device_mesh import init_device_mesh
    from torch.distributed.tensor import Shard, distribute_tensor

    dist = torch.distributed
    dist.init_process_group(
        "gloo", init_method=f"file://{tmp_path / 'store'}", rank=0, world_size=1
    )
    try:
        mesh = init_device_mesh("cpu", (1,))
        model = torch.nn.Linear(4, 3)
        weight = model.weight.detach().clone()
        model.weight = torch.nn.Parameter(distribute_tensor(weight, mesh, [Shard(0)]))
        got = dict(full_weights(Wrapped(model)))
        assert set(got) == {"weight", "bias"}
        assert type(got["weight"]) is torch.Tensor and torch.equal(got["weight"], weight)
        assert not got["weight"].requires_grad
    finally:
        dist.destroy_process_group()


# ---- GPU: the real engine -------------------------------------------------------------------

HAS_VLLM = importlib.util.find_spec("vllm") is not None
#: vLLM runs float32 here so its numbers can be held to the torch model's; Triton attention
#: multiplies float32 in TF32, hence 1e-2 rather than 1e-4.
TOL = 1e-2


def gpu_test(fn: Callable[..., None]) -> Callable[..., None]:
    """Skip without a CUDA GPU and vLLM; allow vLLM's own warnings (pytest turns warnings into
    errors, and vLLM's stack emits deprecation and user warnings we cannot act on)."""
    marks = [
        pytest.mark.gpu,
        pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU (vLLM)"),
        pytest.mark.skipif(not HAS_VLLM, reason='needs vLLM: pip install "relift[vllm]"'),
        pytest.mark.filterwarnings("ignore"),
        pytest.mark.timeout(900),
    ]
    for mark in marks:
        fn = mark(fn)
    return fn


@pytest.fixture(scope="module")
def saved(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, PreTrainedModel, PreTrainedTokenizerBase]:
    """The tiny Qwen2 (head size 64, which every vLLM attention backend takes), saved with
    save_pretrained and loaded back; initialised less flat than HF's default so log-probs
    differ clearly between tokens. The torch copy lives on the GPU in float32."""
    root = tmp_path_factory.mktemp("tiny_vllm")
    tokenizer = build_tiny_tokenizer()
    model = build_tiny_model(
        tokenizer,
        hidden_size=128,
        intermediate_size=256,
        num_heads=2,
        num_kv_heads=2,
        initializer_range=0.2,
    )
    model, tokenizer = save_and_reload(model, tokenizer, root)
    torch.nn.Module.to(model, device="cuda", dtype=torch.float32)  # transformers retypes .to
    return root, model, tokenizer


@pytest.fixture(scope="module")
def engine(saved: tuple[Path, PreTrainedModel, PreTrainedTokenizerBase]) -> Iterator[VLLMEngine]:
    pytest.importorskip("vllm", reason='needs vLLM: pip install "relift[vllm]"')
    root, _, tokenizer = saved
    eng = VLLMEngine(
        str(root),
        tokenizer,
        dtype="float32",
        enforce_eager=True,
        gpu_memory_utilization=0.15,
        seed=0,
    )
    yield eng
    eng.close()


def sample(**kwargs: Any) -> SamplingParams:
    base: dict[str, Any] = {"n": 4, "max_new_tokens": 12, "seed": 1, "logprobs": True}
    return SamplingParams(**{**base, **kwargs})


def recomputed(
    model: PreTrainedModel, rollouts: Rollouts, temperature: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """(sampler log-probs, the torch model's) over the response tokens."""
    batch = rollouts.to_batch(0, device="cuda")
    with torch.no_grad():
        lp = token_logprobs_and_entropy(
            model,
            batch.input_ids,
            batch.attention_mask,
            batch.response_mask,
            temperature=temperature,
        ).logprobs
    mask = batch.response_mask
    return batch.extras["sampler_logprobs"][mask], lp[mask]


def torch_logprobs(
    model: torch.nn.Module, prompts: list[list[int]], continuations: list[list[int]]
) -> list[list[float]]:
    out = []
    with torch.no_grad():
        for p, c in zip(prompts, continuations, strict=True):
            ids = torch.tensor([p + c], device="cuda")
            logp = torch.log_softmax(model(input_ids=ids).logits[0].float(), dim=-1)
            out.append([logp[len(p) + k - 1, t].item() for k, t in enumerate(c)])
    return out


def max_gap(a: list[list[float]], b: list[list[float]]) -> float:
    return max(abs(x - y) for ra, rb in zip(a, b, strict=True) for x, y in zip(ra, rb, strict=True))


@gpu_test
@pytest.mark.parametrize("temperature", [1.0, 0.7])
def test_generate_end_to_end(
    engine: VLLMEngine, saved: tuple[Path, PreTrainedModel, Any], temperature: float
) -> None:
    _, model, tokenizer = saved
    out = engine.generate(PROMPTS, sample(n=8, max_new_tokens=10, temperature=temperature))
    assert len(out) == 32 and out.prompt_index == [p for p in range(4) for _ in range(8)]
    assert out.prompt_ids == [tokenizer(p)["input_ids"] for p in PROMPTS]
    for ids, reason, text in zip(out.response_ids, out.finish_reasons, out.texts, strict=True):
        assert EOS not in ids[:-1]
        if reason == "stop":
            assert ids[-1] == EOS and len(ids) <= 10
        else:
            assert reason == "length" and len(ids) == 10 and EOS not in ids
        assert text == tokenizer.decode(ids, skip_special_tokens=True)
    assert set(out.finish_reasons) == {"stop", "length"}
    sampler, torch_lp = recomputed(model, out, temperature)
    assert (sampler - torch_lp).abs().max().item() < TOL  # temperature-scaled, as the trainer's
    assert sampler.std() > 0.1


@gpu_test
def test_same_key_and_seed_give_the_same_rollouts_in_any_batch(engine: VLLMEngine) -> None:
    full = engine.generate(PROMPTS, sample(seed=7), keys=[10, 11, 12, 13])
    part = engine.generate([PROMPTS[2], PROMPTS[0]], sample(seed=7), keys=[12, 10])
    assert part.response_ids[:4] == full.response_ids[8:12]
    assert part.response_ids[4:] == full.response_ids[0:4]
    other = engine.generate(PROMPTS, sample(seed=8), keys=[10, 11, 12, 13])
    assert other.response_ids != full.response_ids


@gpu_test
def test_sleep_frees_memory_and_wake_keeps_generation_working(engine: VLLMEngine) -> None:
    before = engine.generate(PROMPTS, sample(), keys=[0, 1, 2, 3])
    if engine.sleep_enabled:
        engine.wake_up()
        awake = torch.cuda.mem_get_info()[0]
        engine.sleep()
        assert torch.cuda.mem_get_info()[0] - awake > 2**30  # the KV cache at least
        engine.sleep()  # already asleep: nothing to do
        engine.wake_up()
    after = engine.generate(PROMPTS, sample(), keys=[0, 1, 2, 3])
    assert after.response_ids == before.response_ids


@gpu_test
def test_weight_sync_reaches_vllm(
    engine: VLLMEngine, saved: tuple[Path, PreTrainedModel, Any]
) -> None:
    """After update_weights vLLM scores fixed tokens as the updated torch model does, and
    clearly not as before (not stale); sampling from prompts whose KV blocks were cached under
    the old weights matches the new model too (prefix cache reset). Syncing back restores."""
    _, model, _ = saved
    prompts = [[1, 5, 6, 7], [1, 9, 10, 4, 5]]
    continuations = [[8, 9, EOS], [11, 4, 6, 7]]
    before = engine.prompt_logprobs(prompts, continuations)
    assert max_gap(before, torch_logprobs(model, prompts, continuations)) < TOL
    long = ["12+34=46,5+6=11,7+8=15:9+9=" for _ in range(2)]  # > one 16-token KV block
    engine.generate(long, sample(temperature=1.0))  # caches the prompts' blocks

    perturbed = copy.deepcopy(model)
    gen = torch.Generator(device="cpu").manual_seed(0)
    with torch.no_grad():
        for p in perturbed.parameters():
            p.add_(0.05 * torch.randn(p.shape, generator=gen).to(p.device))
    version = engine.weight_version
    engine.update_weights(perturbed)
    assert engine.weight_version == version + 1
    after = engine.prompt_logprobs(prompts, continuations)
    assert max_gap(after, torch_logprobs(perturbed, prompts, continuations)) < TOL
    assert max_gap(after, before) > 10 * TOL  # vLLM really holds the new weights
    out = engine.generate(long, sample(temperature=1.0))
    sampler, torch_lp = recomputed(perturbed, out, 1.0)
    assert (sampler - torch_lp).abs().max().item() < TOL

    engine.update_weights(model)
    assert max_gap(engine.prompt_logprobs(prompts, continuations), before) < TOL
