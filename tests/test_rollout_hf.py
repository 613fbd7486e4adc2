"""The transformers rollout engine on a tiny local model: layout, EOS handling, log-probs the
trainer can recompute, seeded reproducibility, chunking; and the engine-neutral base types."""

from __future__ import annotations

import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

from pathlib import Path
from typing import Any

import pytest
import torch
from relift.errors import InvalidInputError
from relift.losses import token_logprobs_and_entropy
from relift.rollout import (
    HFEngine,
    RolloutEngine,
    Rollouts,
    SamplingParams,
    TokenBatch,
    pad_batch,
)
from relift.rollout.hf import _KeyedSampler
from relift.testing import build_tiny_model, tiny_model_and_tokenizer
from transformers import PreTrainedModel, PreTrainedTokenizerBase

pytestmark = pytest.mark.timeout(60)

PROMPTS = ["12+3=", "9", "5+55=", "1,2:"]
EOS = 2


@pytest.fixture(scope="module")
def tiny(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """The tiny Qwen2 model, loaded through from_pretrained; initialised less flat than HF's
    default so that log-probs differ clearly between tokens."""
    return tiny_model_and_tokenizer(tmp_path_factory.mktemp("tiny"), initializer_range=0.2)


@pytest.fixture()
def engine(tiny: tuple[PreTrainedModel, PreTrainedTokenizerBase]) -> HFEngine:
    model, tokenizer = tiny
    return HFEngine(model, tokenizer)


def sample(**kwargs: object) -> SamplingParams:
    base: dict[str, object] = {"n": 4, "max_new_tokens": 12, "seed": 1, "logprobs": True}
    return SamplingParams(**{**base, **kwargs})  # type: ignore[arg-type]


def recompute(
    model: PreTrainedModel, rollouts: Rollouts, pad: int, temperature: float = 1.0
) -> tuple[TokenBatch, torch.Tensor]:
    """What the trainer does: re-run the model over prompt + response."""
    batch = rollouts.to_batch(pad)
    with torch.no_grad():
        out = token_logprobs_and_entropy(
            model,
            batch.input_ids,
            batch.attention_mask,
            batch.response_mask,
            temperature=temperature,
        )
    return batch, out.logprobs


def test_engine_implements_the_protocol(engine: HFEngine) -> None:
    assert isinstance(engine, RolloutEngine)


def test_shapes_and_a_prompts_rollouts_are_contiguous(engine: HFEngine) -> None:
    out = engine.generate(PROMPTS, sample())
    assert len(out) == 16 and out.num_prompts == 4
    assert out.prompt_index == [p for p in range(4) for _ in range(4)]
    assert out.prompt_ids == [engine.tokenizer(p)["input_ids"] for p in PROMPTS]
    assert out.prompt_ids[1] == [1, 13]  # <s> then "9": strings get the special tokens
    assert out.logprobs is not None
    assert all(len(lp) == len(r) for lp, r in zip(out.logprobs, out.response_ids, strict=True))


def test_responses_stop_at_the_first_eos_with_finish_reasons(engine: HFEngine) -> None:
    out = engine.generate(PROMPTS, sample(n=8, max_new_tokens=10))
    for ids, reason, text in zip(out.response_ids, out.finish_reasons, out.texts, strict=True):
        assert EOS not in ids[:-1]  # nothing after the first EOS
        if reason == "stop":
            assert ids[-1] == EOS and len(ids) <= 10
        else:
            assert reason == "length" and len(ids) == 10 and EOS not in ids
        assert text == engine.tokenizer.decode(ids, skip_special_tokens=True)
        assert "</s>" not in text
    # the seed is fixed, so this is deterministic; both kinds occur with this model and seed
    assert set(out.finish_reasons) == {"stop", "length"}


@pytest.mark.parametrize(("temperature", "top_k"), [(1.0, 0), (0.7, 0), (0.7, 3)])
def test_sampler_logprobs_equal_the_trainers_recomputation(
    engine: HFEngine, temperature: float, top_k: int
) -> None:
    """Also under top-k: the log-probs are the temperature-scaled model's, before truncation."""
    out = engine.generate(PROMPTS, sample(temperature=temperature, top_k=top_k))
    batch, recomputed = recompute(engine.model, out, engine.pad_token_id, temperature)
    sampler = batch.extras["sampler_logprobs"]
    diff = (recomputed - sampler)[batch.response_mask].abs().max().item()
    assert diff < 1e-5
    assert sampler[batch.response_mask].std() > 0.1  # the log-probs are informative


def test_logprobs_are_gathered_per_step_not_from_kept_logits(
    engine: HFEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory O(rows x steps): generate keeps no scores or logits, and the recorder holds one
    value per row and step once the call is over."""
    seen: dict[str, Any] = {}
    real = engine.model.generate

    def spy(**kwargs: Any) -> Any:
        seen.update(kwargs, out=real(**kwargs))
        return seen["out"]

    monkeypatch.setattr(engine.model, "generate", spy)
    out = engine.generate(PROMPTS, sample(max_new_tokens=12))
    assert out.logprobs is not None
    config, result = seen["generation_config"], seen["out"]
    assert not config.output_logits and not config.output_scores
    assert result.logits is None and result.scores is None
    recorder, sampler = seen["logits_processor"]
    assert isinstance(sampler, _KeyedSampler)
    assert recorder.pending is None
    steps = max(len(r) for r in out.response_ids)  # generation stops when every row is done
    assert [tuple(t.shape) for t in recorder.steps] == [(len(out),)] * steps


def test_seeded_sampling_is_reproducible_and_leaves_the_global_rng(engine: HFEngine) -> None:
    state = torch.get_rng_state()
    a = engine.generate(PROMPTS, sample(seed=5))
    b = engine.generate(PROMPTS, sample(seed=5))
    c = engine.generate(PROMPTS, sample(seed=6))
    assert torch.equal(torch.get_rng_state(), state)
    assert a == b
    assert a.response_ids != c.response_ids
    # without a seed the global RNG drives sampling: seeding it reproduces too
    torch.manual_seed(0)
    d = engine.generate(PROMPTS, sample(seed=None))
    torch.manual_seed(0)
    assert engine.generate(PROMPTS, sample(seed=None)) == d


def test_a_keyed_rollout_does_not_depend_on_its_batch(
    tiny: tuple[PreTrainedModel, PreTrainedTokenizerBase],
) -> None:
    """What multi-process training relies on: rollout j of the prompt keyed k is the same
    whether it is sampled with all prompts at once, in chunks, or with half of them."""
    model, tokenizer = tiny
    keys = [40, 41, 42, 43]
    whole = HFEngine(model, tokenizer).generate(PROMPTS, sample(), keys=keys)
    chunked = HFEngine(model, tokenizer, batch_size=3)
    halves = [chunked.generate(PROMPTS[i::2], sample(), keys=keys[i::2]) for i in (1, 0)]
    by_key = {
        (key, j): (ids, lps)
        for half, ks in zip(halves, (keys[1::2], keys[0::2]), strict=True)
        for i, (ids, lps) in enumerate(zip(half.response_ids, half.logprobs or [], strict=True))
        for key, j in [(ks[i // 4], i % 4)]
    }
    assert len({tuple(r) for r in whole.response_ids}) > 4  # rollouts do differ
    for i, (ids, lps) in enumerate(zip(whole.response_ids, whole.logprobs or [], strict=True)):
        other_ids, other_lps = by_key[(keys[i // 4], i % 4)]
        assert ids == other_ids
        assert max((abs(a - b) for a, b in zip(lps, other_lps, strict=True)), default=0) < 1e-5
    different = HFEngine(model, tokenizer).generate(PROMPTS, sample(), keys=[1, 2, 3, 4])
    assert different.response_ids != whole.response_ids
    with pytest.raises(InvalidInputError, match="3 keys for 4 prompts"):
        chunked.generate(PROMPTS, sample(), keys=keys[:3])


def test_the_keyed_sampler_draws_from_the_truncated_softmax() -> None:
    """Gumbel-max with per-row streams: token frequencies match softmax(logits / T) after
    top-k / top-p, and only kept tokens are ever drawn."""
    logits = torch.tensor([2.0, 1.0, 0.5, 0.0, -1.0])
    rows = 4000
    # softmax(logits / 0.7) = [0.70, 0.17, 0.08, 0.04, 0.01]: top_p 0.9 keeps three tokens
    for top_k, top_p, kept in [(0, 1.0, 5), (2, 1.0, 2), (0, 0.9, 3)]:
        params = SamplingParams(temperature=0.7, top_k=top_k, top_p=top_p)
        sampler = _KeyedSampler(params, list(range(rows)), torch.device("cpu"))
        forced = sampler(torch.zeros(rows, 1, dtype=torch.long), logits.repeat(rows, 1))
        assert torch.isfinite(forced).sum(dim=1).eq(1).all()  # one token per row
        counts = torch.bincount(forced.argmax(dim=1), minlength=5).double() / rows
        expected = torch.zeros(5, dtype=torch.float64)
        expected[:kept] = (logits[:kept] / 0.7).double().softmax(dim=-1)
        assert counts[expected == 0].sum() == 0
        # 4 standard errors of a frequency at most 0.5 over 4000 draws: 0.032
        assert (counts - expected).abs().max() < 0.032, (counts, expected)


def test_token_id_prompts_equal_string_prompts(engine: HFEngine) -> None:
    ids = [engine.tokenizer(p)["input_ids"] for p in PROMPTS]
    assert engine.generate(ids, sample()) == engine.generate(PROMPTS, sample())


def test_chunks_are_reassembled_in_order(
    tiny: tuple[PreTrainedModel, PreTrainedTokenizerBase],
) -> None:
    model, tokenizer = tiny
    whole = HFEngine(model, tokenizer)
    chunked = HFEngine(model, tokenizer, batch_size=3)  # 12 rows -> chunks of 3, splitting prompts
    # top_k=1 makes every row its prompt's greedy continuation, whatever the chunk
    params = sample(n=3, top_k=1, max_new_tokens=8, seed=None)
    a, b = whole.generate(PROMPTS, params), chunked.generate(PROMPTS, params)
    assert a.response_ids == b.response_ids and a.finish_reasons == b.finish_reasons
    assert len({tuple(r) for r in a.response_ids}) > 1  # prompts do differ
    greedy = whole.generate(PROMPTS, sample(n=3, temperature=0.0, max_new_tokens=8))
    assert greedy.response_ids == a.response_ids
    # sampled chunks: each row still belongs to its prompt (its log-probs recompute exactly)
    sampled = chunked.generate(PROMPTS, sample(n=3))
    batch, recomputed = recompute(model, sampled, chunked.pad_token_id)
    diff = (recomputed - batch.extras["sampler_logprobs"])[batch.response_mask].abs().max()
    assert diff.item() < 1e-5


def test_the_models_own_generation_config_is_ignored(engine: HFEngine) -> None:
    before = engine.generate(PROMPTS, sample())
    saved = engine.model.generation_config
    saved.repetition_penalty, saved.top_k, saved.temperature = 5.0, 2, 0.1
    try:
        assert engine.generate(PROMPTS, sample()) == before
        assert engine.model.generation_config is saved
    finally:
        saved.repetition_penalty, saved.top_k, saved.temperature = None, None, None


def test_training_mode_is_restored(engine: HFEngine) -> None:
    engine.model.train()
    try:
        engine.generate(PROMPTS[:1], sample(n=1))
        assert engine.model.training
    finally:
        engine.model.eval()


def test_update_weights(tiny: tuple[PreTrainedModel, PreTrainedTokenizerBase]) -> None:
    model, tokenizer = tiny
    engine = HFEngine(model, tokenizer)
    engine.update_weights(model)  # shared object: nothing to do
    assert engine.model is model
    other = build_tiny_model(tokenizer, seed=99, initializer_range=0.2)
    own = build_tiny_model(tokenizer, seed=0, initializer_range=0.2)
    separate = HFEngine(own, tokenizer)
    expected = HFEngine(other, tokenizer).generate(PROMPTS, sample())
    assert separate.generate(PROMPTS, sample()) != expected
    separate.update_weights(other)
    assert separate.generate(PROMPTS, sample()) == expected
    assert separate.model is own


def test_llama_architecture_works_too(tmp_path: Path) -> None:
    model, tokenizer = tiny_model_and_tokenizer(tmp_path, arch="llama", initializer_range=0.2)
    engine = HFEngine(model, tokenizer, batch_size=5)
    out = engine.generate(PROMPTS, sample())
    batch, recomputed = recompute(model, out, engine.pad_token_id)
    diff = (recomputed - batch.extras["sampler_logprobs"])[batch.response_mask].abs().max()
    assert diff.item() < 1e-5


def test_without_logprobs_none_are_returned(engine: HFEngine) -> None:
    out = engine.generate(PROMPTS, sample(logprobs=False))
    assert out.logprobs is None
    assert "sampler_logprobs" not in out.to_batch(0).extras


def test_bad_inputs_are_rejected(engine: HFEngine) -> None:
    with pytest.raises(InvalidInputError, match="not one string"):
        engine.generate("12+3=", sample())
    with pytest.raises(InvalidInputError, match="prompt 1 is empty"):
        engine.generate([[1, 5], []], sample())
    for bad in ({"n": 0}, {"temperature": -1.0}, {"top_p": 0.0}, {"top_k": -2}):
        with pytest.raises(InvalidInputError):
            sample(**bad)
    with pytest.raises(InvalidInputError, match="batch_size"):
        HFEngine(engine.model, engine.tokenizer, batch_size=0)


# ---------------------------------------------------------------- engine-neutral types
def test_pad_batch_layout() -> None:
    batch = pad_batch([[1, 5], [1]], [[7, 8, 2], [0]], pad_token_id=0)
    assert batch.input_ids.tolist() == [[1, 5, 7, 8, 2], [0, 1, 0, 0, 0]]
    # a sampled pad token (0) is a real token: masks come from lengths, not ids
    assert batch.attention_mask.tolist() == [[1, 1, 1, 1, 1], [0, 1, 1, 0, 0]]
    assert batch.response_mask.tolist() == [
        [False, False, True, True, True],
        [False, False, True, False, False],
    ]
    values = batch.scatter_responses([[0.1, 0.2, 0.3], [0.4]])
    assert values[batch.response_mask].tolist() == pytest.approx([0.1, 0.2, 0.3, 0.4])
    with pytest.raises(InvalidInputError, match="row 1"):
        batch.scatter_responses([[0.1, 0.2, 0.3], []])


def test_select_trims_shared_padding_and_keeps_alignment() -> None:
    batch = pad_batch([[1, 5, 6], [1]], [[7], [8, 9, 2]], pad_token_id=0)
    batch = batch.with_extras(per_token=batch.input_ids.double(), per_row=torch.tensor([3.0, 4.0]))
    one = batch.select([1])
    assert one.input_ids.tolist() == [[1, 8, 9, 2]]
    assert one.attention_mask.tolist() == [[1, 1, 1, 1]]
    assert one.extras["per_token"].tolist() == [[1.0, 8.0, 9.0, 2.0]]
    assert one.extras["per_row"].tolist() == [4.0]
    assert batch.select([0]).input_ids.tolist() == [[1, 5, 6, 7]]
    assert torch.equal(batch.select([0, 1]).input_ids, batch.input_ids)
    with pytest.raises(InvalidInputError, match="extra"):
        batch.with_extras(bad=torch.zeros(3))


def test_rollouts_validate_their_fields() -> None:
    with pytest.raises(InvalidInputError, match="disagree"):
        Rollouts([[1]], [0, 0], [[2]], ["a"], ["stop"])
    with pytest.raises(InvalidInputError, match="prompt_index"):
        Rollouts([[1]], [1], [[2]], ["a"], ["stop"])
    with pytest.raises(InvalidInputError, match="logprobs"):
        Rollouts([[1]], [0], [[2]], ["a"], ["stop"], logprobs=[[0.1, 0.2]])


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_cuda_sampler_logprobs_equal_the_recomputation(tmp_path: Path) -> None:
    model, tokenizer = tiny_model_and_tokenizer(tmp_path, initializer_range=0.2)
    engine = HFEngine(model.to("cuda"), tokenizer, batch_size=8)
    out = engine.generate(PROMPTS, sample(n=8, max_new_tokens=24))
    batch = out.to_batch(engine.pad_token_id, device="cuda")
    with torch.no_grad():
        recomputed = token_logprobs_and_entropy(
            model, batch.input_ids, batch.attention_mask, batch.response_mask
        ).logprobs
    diff = (recomputed - batch.extras["sampler_logprobs"])[batch.response_mask].abs().max()
    assert diff.item() < 1e-3  # fp32; decode and prefill may use different attention kernels
