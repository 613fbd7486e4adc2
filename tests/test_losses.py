"""losses.py: hand-checked values for every clipping mode and aggregation, the regularisers,
the log-prob recomputation, and gradients that do not depend on the micro-batch split."""

from __future__ import annotations

import math
import os

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import torch
from relift.errors import InvalidInputError
from relift.losses import (
    LossOutput,
    merge_stats,
    policy_gradient_loss,
    sft_loss,
    token_logprobs_and_entropy,
)
from relift.rollout import TokenBatch, pad_batch
from relift.testing import tiny_model_and_tokenizer
from transformers import PreTrainedModel

pytestmark = pytest.mark.timeout(60)

# ---------------------------------------------------------------- hand-checked small cases
# Two sequences; row 1's last column is padding (garbage values that must not leak in).
MASK = torch.tensor([[True, True, True], [True, True, False]])
RATIO = torch.tensor([[1.5, 0.5, 1.0], [1.1, 0.7, 9.0]], dtype=torch.float64)
ADV = torch.tensor([1.0, -2.0], dtype=torch.float64)
LOGP = torch.full((2, 3), -1.0, dtype=torch.float64)
OLD = LOGP - RATIO.log()
# Per-token -A * ratio: row 0 [-1.5, -0.5, -1.0], row 1 [2.2, 1.4]; sum 0.6 over 5 tokens.


def pg(**kwargs: object) -> LossOutput:
    return policy_gradient_loss(LOGP, OLD, ADV, MASK, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("aggregation", "expected"),
    [
        ("token_mean", 0.6 / 5),  # sum / tokens
        ("seq_mean_token_sum", 0.6 / 2),  # sum / sequences
        ("seq_mean_token_mean", (-3.0 / 3 + 3.6 / 2) / 2),  # mean of per-sequence means
        ("constant", 0.6 / (2 * 4)),  # sum / (constant_length * sequences)
    ],
)
def test_aggregations_without_clipping(aggregation: str, expected: float) -> None:
    out = pg(aggregation=aggregation, constant_length=4)
    assert out.loss.item() == pytest.approx(expected, abs=1e-12)
    assert out.stats["pg_loss"].item() == pytest.approx(expected, abs=1e-12)
    assert out.stats["clip_frac"].item() == 0.0
    assert out.stats["tokens"].item() == 5
    assert out.stats["ratio_max"].item() == pytest.approx(1.5)  # padding's 9.0 ignored
    assert out.stats["ratio_mean"].item() == pytest.approx((1.5 + 0.5 + 1.0 + 1.1 + 0.7) / 5)
    k3 = sum(r - 1 - math.log(r) for r in (1.5, 0.5, 1.0, 1.1, 0.7)) / 5
    assert out.stats["approx_kl"].item() == pytest.approx(k3)


def test_global_normalisers_replace_local_counts() -> None:
    assert pg(global_tokens=10).loss.item() == pytest.approx(0.6 / 10)
    out = pg(aggregation="seq_mean_token_sum", global_tokens=5, global_seqs=8)
    assert out.loss.item() == pytest.approx(0.6 / 8)
    out = pg(aggregation="constant", constant_length=4, global_tokens=5, global_seqs=3)
    assert out.loss.item() == pytest.approx(0.6 / 12)
    # seq_mean_token_mean keeps each sequence's own length inside, the sequence count global
    out = pg(aggregation="seq_mean_token_mean", global_tokens=5, global_seqs=4)
    assert out.loss.item() == pytest.approx((-1.0 + 1.8) / 4)


def test_constant_with_global_seqs_w_reproduces_the_reference_v1_loss_value() -> None:
    """The reference (v1): per micro-batch sum(m * l) / R with R the padded response width,
    divided by its accumulation factor (1), summed over micro-batches, averaged over W ranks."""
    gen = torch.Generator().manual_seed(0)
    width, ranks = 4, 2  # 4 sequences: 2 ranks x 2 micro-batches of 1 sequence
    logp = -torch.rand((4, width), generator=gen, dtype=torch.float64)
    old = logp - 0.1 * torch.randn((4, width), generator=gen, dtype=torch.float64)
    adv = torch.tensor([1.0, -0.5, 0.25, -1.0], dtype=torch.float64)
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 1, 0]]).bool()
    per_token = -adv[:, None] * (logp - old).exp()
    micro = [(per_token[i] * mask[i]).sum() / width for i in range(4)]
    reference = (micro[0] + micro[1] + micro[2] + micro[3]) / ranks
    ours = sum(
        policy_gradient_loss(
            logp[i : i + 1],
            old[i : i + 1],
            adv[i : i + 1],
            mask[i : i + 1],
            aggregation="constant",
            constant_length=width,
            global_tokens=int(mask.sum()),
            global_seqs=ranks,
        ).loss
        for i in range(4)
    )
    assert float(ours) == pytest.approx(float(reference), rel=1e-12)
    # Dr.GRPO's stated definition (mean over the 4 sequences) is 4 / W times smaller
    drgrpo = policy_gradient_loss(
        logp, old, adv, mask, aggregation="constant", constant_length=width
    ).loss
    assert float(drgrpo) == pytest.approx(float(reference) * ranks / 4, rel=1e-12)


def test_symmetric_clipping_uses_clip_low_on_both_sides() -> None:
    # ratio clamped to [0.8, 1.2]: row 0 (A=+1) r=1.5 -> -1.2 (clipped); r=0.5 keeps -0.5
    # (A > 0 and ratio low: no clip); row 1 (A=-2) r=0.7 -> 2 * 0.8 = 1.6 (clipped).
    out = pg(clip="symmetric", clip_low=0.2, clip_high=0.9)
    assert out.loss.item() == pytest.approx((-1.2 - 0.5 - 1.0 + 2.2 + 1.6) / 5)
    assert out.stats["clip_frac"].item() == pytest.approx(2 / 5)


def test_clip_higher_uses_separate_bounds() -> None:
    # ratio clamped to [0.8, 1.28]: r=1.5 -> -1.28; r=0.7 (A<0) -> 1.6
    out = pg(clip="higher", clip_low=0.2, clip_high=0.28)
    assert out.loss.item() == pytest.approx((-1.28 - 0.5 - 1.0 + 2.2 + 1.6) / 5)
    assert out.stats["clip_frac"].item() == pytest.approx(2 / 5)


def test_clipped_tokens_get_no_gradient_and_others_get_minus_a_ratio() -> None:
    logp = LOGP.clone().requires_grad_(True)
    policy_gradient_loss(logp, OLD, ADV, MASK, clip="higher").loss.backward()
    assert logp.grad is not None
    # d(-A r / N)/d logp = -A r / N where the unclipped branch is active; 0 where clipped or pad
    expected = torch.tensor([[0.0, -0.5, -1.0], [2.2, 0.0, 0.0]], dtype=torch.float64) / 5
    torch.testing.assert_close(logp.grad, expected)


def test_dual_clip_caps_negative_advantage_losses() -> None:
    ratio = torch.tensor([[4.0, 1.0]], dtype=torch.float64)
    logp = torch.zeros((1, 2), dtype=torch.float64)
    mask = torch.ones((1, 2), dtype=torch.bool)
    adv = torch.tensor([-2.0], dtype=torch.float64)
    # r=4: -A r = 8 > -A (1+eps) = 2.56, capped at -A c = 6; r=1: 2
    out = policy_gradient_loss(logp, -ratio.log(), adv, mask, clip="higher", dual_clip=3.0)
    assert out.loss.item() == pytest.approx((6.0 + 2.0) / 2)
    assert out.stats["dual_clip_frac"].item() == pytest.approx(0.5)
    plain = policy_gradient_loss(logp, -ratio.log(), adv, mask, clip="higher")
    assert plain.loss.item() == pytest.approx((8.0 + 2.0) / 2)


def test_per_token_advantages_equal_broadcast_per_sequence_ones() -> None:
    per_token = ADV.unsqueeze(-1).expand(2, 3).clone()
    per_token[1, 2] = 123.0  # padding: ignored
    a = pg(clip="symmetric").loss
    b = policy_gradient_loss(LOGP, OLD, per_token, MASK, clip="symmetric").loss
    assert a.item() == pytest.approx(b.item())


def test_entropy_bonus_and_k3_kl_are_token_means() -> None:
    entropy = torch.tensor([[0.5, 1.0, 1.5], [2.0, 1.0, 99.0]], dtype=torch.float64)
    ref = LOGP + torch.tensor([[0.0, math.log(2.0), 0.0], [0.0, 0.0, 50.0]], dtype=torch.float64)
    for aggregation, pg_value in (("token_mean", 0.6 / 5), ("constant", 0.6 / (2 * 4))):
        out = pg(
            aggregation=aggregation,
            constant_length=4,
            entropy=entropy,
            entropy_coef=0.1,
            ref_logp=ref,
            kl_coef=0.5,
        )
        mean_entropy = 6.0 / 5
        kl = (2.0 - math.log(2.0) - 1.0) / 5  # k3 = e^x - x - 1 at x = ln 2; 0 elsewhere
        assert out.stats["entropy"].item() == pytest.approx(mean_entropy)
        assert out.stats["kl"].item() == pytest.approx(kl)
        expected = pg_value - 0.1 * mean_entropy + 0.5 * kl
        assert out.loss.item() == pytest.approx(expected)
        assert out.stats["loss"].item() == pytest.approx(expected)


def test_entropy_without_coefficient_is_reported_but_not_in_the_loss() -> None:
    entropy = torch.ones((2, 3), dtype=torch.float64)
    out = pg(entropy=entropy)
    assert out.loss.item() == pytest.approx(0.6 / 5)
    assert out.stats["entropy"].item() == pytest.approx(1.0)


def test_sft_loss_is_token_mean_nll_minus_entropy() -> None:
    logp = torch.tensor([[-1.0, -2.0, 7.0], [-0.5, -1.5, -3.0]], dtype=torch.float64)
    mask = torch.tensor([[1, 1, 0], [1, 1, 1]])
    entropy = torch.tensor([[1.0, 1.0, 50.0], [2.0, 2.0, 4.0]], dtype=torch.float64)
    out = sft_loss(logp, mask, entropy=entropy, entropy_coef=0.001)
    assert out.stats["sft_loss"].item() == pytest.approx(8.0 / 5)
    assert out.stats["entropy"].item() == pytest.approx(10.0 / 5)
    assert out.loss.item() == pytest.approx(8.0 / 5 - 0.001 * 2.0)
    assert sft_loss(logp, mask, global_tokens=20).loss.item() == pytest.approx(8.0 / 20)


def test_bad_arguments_are_rejected_with_a_reason() -> None:
    with pytest.raises(InvalidInputError, match="entropy_coef"):
        pg(entropy_coef=0.1)
    with pytest.raises(InvalidInputError, match="kl_coef"):
        pg(kl_coef=0.1)
    with pytest.raises(InvalidInputError, match="global_seqs"):
        pg(aggregation="constant", global_tokens=5)
    with pytest.raises(InvalidInputError, match="global_tokens"):
        pg(global_seqs=2)
    with pytest.raises(InvalidInputError, match="global_tokens"):  # statistics: token means
        pg(aggregation="constant", global_seqs=2)
    with pytest.raises(InvalidInputError, match="aggregation"):
        pg(aggregation="sum")
    with pytest.raises(InvalidInputError, match="clip"):
        pg(clip="both")
    with pytest.raises(InvalidInputError, match="dual_clip"):
        pg(dual_clip=3.0)
    with pytest.raises(InvalidInputError, match="advantages"):
        policy_gradient_loss(LOGP, OLD, torch.zeros(3), MASK)
    with pytest.raises(InvalidInputError, match="mask"):
        policy_gradient_loss(LOGP, OLD, ADV, MASK[:, :2])


def test_empty_mask_gives_zero_loss_not_nan() -> None:
    out = policy_gradient_loss(LOGP, OLD, ADV, torch.zeros_like(MASK))
    assert out.loss.item() == 0.0
    assert sft_loss(LOGP, torch.zeros_like(MASK)).loss.item() == 0.0


def test_merge_stats_sums_and_maxes() -> None:
    a = {"loss": torch.tensor(1.0), "ratio_max": torch.tensor(1.5)}
    b = {"loss": torch.tensor(0.5), "ratio_max": torch.tensor(1.2)}
    assert merge_stats([a, b]) == {"loss": 1.5, "ratio_max": 1.5}


# ---------------------------------------------------------------- log-prob recomputation
@pytest.fixture(scope="module")
def model64(tmp_path_factory: pytest.TempPathFactory) -> PreTrainedModel:
    model, _ = tiny_model_and_tokenizer(
        tmp_path_factory.mktemp("tiny64"), initializer_range=0.2, seed=3
    )
    return model.to(torch.float64)


def random_batch(rows: int, seed: int, vocab: int = 19) -> TokenBatch:
    """Rows of different prompt and response lengths, in the rollout layout."""
    gen = torch.Generator().manual_seed(seed)

    def ids(lo: int, hi: int) -> list[int]:
        n = int(torch.randint(lo, hi + 1, (1,), generator=gen))
        return torch.randint(4, vocab, (n,), generator=gen).tolist()

    return pad_batch([ids(1, 6) for _ in range(rows)], [ids(1, 7) for _ in range(rows)], 0)


def test_logprobs_match_a_direct_computation_per_sequence(model64: PreTrainedModel) -> None:
    batch = random_batch(5, seed=0)
    with torch.no_grad():
        out = token_logprobs_and_entropy(
            model64, batch.input_ids, batch.attention_mask, batch.response_mask, temperature=0.7
        )
        assert out.entropy is not None
        for row in range(len(batch)):
            keep = batch.attention_mask[row].bool()
            ids = batch.input_ids[row][keep].unsqueeze(0)  # unpadded, default positions
            logits = model64(input_ids=ids).logits[0, :-1] / 0.7
            logp = torch.log_softmax(logits, dim=-1)
            token_lp = logp.gather(-1, ids[0, 1:].unsqueeze(-1)).squeeze(-1)
            entropy = -(logp.exp() * logp).sum(-1)
            resp = batch.response_mask[row][keep][1:]
            torch.testing.assert_close(out.logprobs[row][batch.response_mask[row]], token_lp[resp])
            torch.testing.assert_close(out.entropy[row][batch.response_mask[row]], entropy[resp])
    assert (out.logprobs[~batch.response_mask] == 0).all()
    assert (out.entropy[~batch.response_mask] == 0).all()


def test_entropy_without_grad_has_the_same_values_and_no_graph(model64: PreTrainedModel) -> None:
    batch = random_batch(3, seed=2)
    args = (model64, batch.input_ids, batch.attention_mask, batch.response_mask)
    with_grad = token_logprobs_and_entropy(*args)
    reporting = token_logprobs_and_entropy(*args, entropy_grad=False)
    assert with_grad.entropy is not None and reporting.entropy is not None
    assert with_grad.entropy.requires_grad and not reporting.entropy.requires_grad
    assert reporting.logprobs.requires_grad  # the log-probs still carry the gradient
    torch.testing.assert_close(reporting.entropy, with_grad.entropy.detach())


def test_logprobs_without_logits_to_keep_are_the_same(model64: PreTrainedModel) -> None:
    class Plain(torch.nn.Module):
        """A wrapper whose forward does not take ``logits_to_keep``."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            position_ids: torch.Tensor,
            use_cache: bool,
        ) -> object:
            return self.inner(
                input_ids=input_ids,
                attention_mask=attention_mask,
                position_ids=position_ids,
                use_cache=use_cache,
            )

    batch = random_batch(3, seed=1)
    args = (batch.input_ids, batch.attention_mask, batch.response_mask)
    with torch.no_grad():
        a = token_logprobs_and_entropy(model64, *args)
        b = token_logprobs_and_entropy(Plain(model64), *args, with_entropy=False)
    torch.testing.assert_close(a.logprobs, b.logprobs)
    assert b.entropy is None


# ---------------------------------------------------------------- micro-batch invariance
ROWS = 8
AGGREGATIONS = ["token_mean", "seq_mean_token_sum", "seq_mean_token_mean", "constant"]


@pytest.fixture(scope="module")
def pg_batch() -> TokenBatch:
    """A mini-batch with per-token old / reference log-probs off the current policy."""
    batch = random_batch(ROWS, seed=7)
    gen = torch.Generator().manual_seed(11)
    noise = torch.randn(batch.shape, generator=gen, dtype=torch.float64) * 0.3
    return batch.with_extras(
        noise_old=noise,  # old_logp = logp - noise: ratios spread around 1, some clipped
        noise_ref=torch.randn(batch.shape, generator=gen, dtype=torch.float64) * 0.2,
        advantages=torch.randn(ROWS, generator=gen, dtype=torch.float64),
    )


def gradient(
    model: PreTrainedModel,
    batch: TokenBatch,
    micro: int,
    loss_fn: Callable[[TokenBatch, torch.Tensor, torch.Tensor], LossOutput],
) -> tuple[torch.Tensor, dict[str, float]]:
    """Sum backward() over micro-batches of ``micro`` rows; returns the flat gradient."""
    model.zero_grad(set_to_none=True)
    stats = []
    for part in chunks(batch, micro):
        lp = token_logprobs_and_entropy(
            model, part.input_ids, part.attention_mask, part.response_mask
        )
        assert lp.entropy is not None
        out = loss_fn(part, lp.logprobs, lp.entropy)
        out.loss.backward()
        stats.append(out.stats)
    grads = [p.grad.flatten() for p in model.parameters() if p.grad is not None]
    return torch.cat(grads), merge_stats(stats)


def chunks(batch: TokenBatch, size: int) -> Iterator[TokenBatch]:
    for start in range(0, len(batch), size):
        yield batch.select(range(start, min(start + size, len(batch))))


@pytest.mark.parametrize("aggregation", AGGREGATIONS)
def test_pg_gradient_does_not_depend_on_micro_batch_size(
    model64: PreTrainedModel, pg_batch: TokenBatch, aggregation: str
) -> None:
    tokens, seqs = pg_batch.num_response_tokens, len(pg_batch)

    def loss_fn(part: TokenBatch, logp: torch.Tensor, entropy: torch.Tensor) -> LossOutput:
        return policy_gradient_loss(
            logp,
            (logp - part.extras["noise_old"]).detach(),
            part.extras["advantages"],
            part.response_mask,
            clip="higher",
            aggregation=aggregation,  # type: ignore[arg-type]
            constant_length=16,
            entropy=entropy,
            entropy_coef=0.01,
            ref_logp=(logp + part.extras["noise_ref"]).detach(),
            kl_coef=0.1,
            global_tokens=tokens,
            global_seqs=seqs,
        )

    full, full_stats = gradient(model64, pg_batch, ROWS, loss_fn)
    assert full.abs().max() > 1e-3  # a real gradient
    assert 0 < full_stats["clip_frac"] < 1  # clipping is exercised
    for micro in (1, 4):
        grad, stats = gradient(model64, pg_batch, micro, loss_fn)
        torch.testing.assert_close(grad, full, rtol=1e-10, atol=1e-12)
        for key, value in full_stats.items():
            assert stats[key] == pytest.approx(value, rel=1e-10, abs=1e-12), key


def test_sft_gradient_does_not_depend_on_micro_batch_size(
    model64: PreTrainedModel, pg_batch: TokenBatch
) -> None:
    tokens = pg_batch.num_response_tokens

    def loss_fn(part: TokenBatch, logp: torch.Tensor, entropy: torch.Tensor) -> LossOutput:
        return sft_loss(
            logp, part.response_mask, entropy=entropy, entropy_coef=0.001, global_tokens=tokens
        )

    full, full_stats = gradient(model64, pg_batch, ROWS, loss_fn)
    for micro in (1, 4):
        grad, stats = gradient(model64, pg_batch, micro, loss_fn)
        torch.testing.assert_close(grad, full, rtol=1e-10, atol=1e-12)
        assert stats["loss"] == pytest.approx(full_stats["loss"], rel=1e-10)


def test_local_normalisers_would_make_the_gradient_depend_on_the_split(
    model64: PreTrainedModel, pg_batch: TokenBatch
) -> None:
    """The control: per-micro-batch means summed (the reference's pattern) differ."""

    def local(part: TokenBatch, logp: torch.Tensor, entropy: torch.Tensor) -> LossOutput:
        return sft_loss(logp, part.response_mask)

    full, _ = gradient(model64, pg_batch, ROWS, local)
    split, _ = gradient(model64, pg_batch, 4, local)
    assert not torch.allclose(split / 2, full, rtol=1e-3)


def test_tiny_model_files_round_trip(tmp_path: Path) -> None:
    model, tokenizer = tiny_model_and_tokenizer(tmp_path)
    assert (tmp_path / "model.safetensors").exists()
    assert 100_000 <= sum(p.numel() for p in model.parameters()) <= 1_000_000
    assert tokenizer.padding_side == "left"
    assert tokenizer.decode(tokenizer("12+3=")["input_ids"], skip_special_tokens=True) == "12+3="
