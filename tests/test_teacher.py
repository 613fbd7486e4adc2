"""The teacher's demonstrations (``relift.testbed.teacher``): graded as they should be, the
promised lengths and characters, seeded faults, and a vocabulary extension that leaves the base
model's computation on its own vocabulary as it was."""

from __future__ import annotations

import hashlib
import random
import statistics
from pathlib import Path

import pytest
import relift
import torch
from relift.models import load_causal_lm, load_tokenizer
from relift.testbed.model import SHIPPED_BASE
from relift.testbed.task import OPERATORS, TASK_CHARS, TIERS, Problem, make_problems, solution
from relift.testbed.task import task_rows as make_task_rows
from relift.testbed.teacher import (
    TEACHER_CHARS,
    Fault,
    extend_vocabulary,
    parse_question,
    teacher_rows,
    teacher_solution,
)
from relift.testing import DEFAULT_CHARS, build_tiny_model, build_tiny_tokenizer

ALL_TIERS = tuple(TIERS)


def problems(tier: str, count: int = 300, seed: int = 0) -> list[Problem]:
    digits, terms = TIERS[tier]
    rng = random.Random(f"test-teacher-{tier}-{seed}")
    return make_problems(digits, count, rng, terms=terms, op=OPERATORS.get(tier, "+"))


def all_faults(problem: Problem) -> list[Fault]:
    """Every fault ``teacher_solution`` accepts for ``problem``."""
    faults = []
    for kind in ("slip", "final"):
        for column in range(problem.digits):
            for delta in range(1, 10):
                digit = int(problem.answer[::-1][column])
                if column == len(problem.answer) - 1 and (digit + delta) % 10 == 0:
                    continue  # a leading zero: refused (tested below)
                faults.append(Fault(kind, column, delta))  # type: ignore[arg-type]
    return faults


def changed(number: int, column: int, delta: int) -> int:
    digits = list(str(number)[::-1])
    digits[column] = str((int(digits[column]) + delta) % 10)
    return int("".join(digits)[::-1])


@pytest.mark.parametrize("tier", ALL_TIERS)
def test_the_verifier_grades_clean_traces_right_and_faulty_ones_wrong(tier: str) -> None:
    responses, golds, right = [], [], []
    rng = random.Random(tier)
    for problem in problems(tier):
        responses.append(teacher_solution(problem))
        golds.append(problem.answer)
        right.append(True)
        for fault in rng.sample(all_faults(problem), 4):
            responses.append(teacher_solution(problem, fault))
            golds.append(problem.answer)
            right.append(False)
    verdicts = relift.verify_batch(responses, golds, threads=1)
    assert [bool(v) for v in verdicts] == right
    assert relift.verify(responses[0], golds[0])  # the one-at-a-time call agrees


@pytest.mark.parametrize("tier", ALL_TIERS)
def test_lengths_and_characters(tier: str) -> None:
    allowed = set(TASK_CHARS + TEACHER_CHARS)
    for problem in problems(tier):
        text = teacher_solution(problem)
        assert set(text) <= allowed and text.endswith("\\boxed{" + problem.answer + "}")
    texts = [(teacher_solution(p), solution(p, "short")) for p in problems(tier)]
    assert 2.0 <= statistics.mean(len(t) / len(s) for t, s in texts) <= 3.2
    assert max(len(t) for t, _ in texts) <= 110


def test_the_longest_problems_fit_and_the_characters_are_new() -> None:
    for worst in (Problem((9999, 9999), 4), Problem((99, 99, 99), 2)):
        assert len(teacher_solution(worst)) <= 110
        assert all(len(teacher_solution(worst, f)) <= 110 for f in all_faults(worst))
    assert len(set(TEACHER_CHARS)) == len(TEACHER_CHARS)
    assert not set(TEACHER_CHARS) & set(TASK_CHARS)
    assert not any(c.isspace() for c in TEACHER_CHARS)  # Qwen2Tokenizer drops spaces
    wide = Problem((1234567891, 9876543219, 5555555555), 10)  # past the named places
    assert relift.verify(teacher_solution(wide), wide.answer)


def test_the_teacher_style_is_new_to_the_base_model() -> None:
    problem = Problem((4821, 3795), 4)
    text = teacher_solution(problem)
    assert text == (
        "ones_1+5=6_so_6;tens_2+9=11_so_1;hundreds_8+7+1=16_so_6;thousands_4+3+1=8_so_8"
        "._the_sum_is_\\boxed{8616}"
    )
    assert text not in (solution(problem, "short"), solution(problem, "verbose"))


@pytest.mark.parametrize("tier", ALL_TIERS)
def test_a_slip_carries_into_the_box(tier: str) -> None:
    for problem in problems(tier, 100):
        for fault in all_faults(problem):
            text = teacher_solution(problem, fault)
            boxed = int(text[text.rindex("{") + 1 : -1])
            assert boxed == changed(int(problem.answer), fault.column, fault.delta)
            steps = text.partition("._the_sum_is_")[0].split(";")
            clean = teacher_solution(problem).partition("._the_sum_is_")[0].split(";")
            differ = [i for i, (a, b) in enumerate(zip(steps, clean, strict=True)) if a != b]
            # final: every step as in the clean trace; slip: only the slipped column's
            assert differ == ([] if fault.kind == "final" else [fault.column])
            if fault.kind == "slip" and fault.column < problem.digits - 1:
                assert steps[fault.column].endswith(f"_so_{boxed // 10**fault.column % 10}")


def test_fault_errors() -> None:
    problem = Problem((47, 58), 2)  # 105
    with pytest.raises(ValueError, match="past"):
        teacher_solution(problem, Fault("slip", 2))
    with pytest.raises(ValueError, match="leading zero"):
        teacher_solution(Problem((47, 51), 2), Fault("final", 1, 1))  # 98 -> 08
    for bad in (("slip", -1, 1), ("slip", 0, 0), ("slip", 0, 10), ("typo", 0, 1)):
        with pytest.raises(ValueError):
            Fault(*bad)  # type: ignore[arg-type]


def rows(count: int = 10, seed: int = 0) -> list[dict[str, object]]:
    return make_task_rows(count, seed, tiers=ALL_TIERS, style="short")


@pytest.mark.parametrize("share", [0.0, 0.2, 0.33, 1.0])
def test_teacher_rows_mark_exactly_the_share_faulty(share: float) -> None:
    source = rows()
    out = teacher_rows(source, seed=3, faulty_share=share)
    assert sum(r["demo_faulty"] for r in out) == round(share * len(source))
    for before, after in zip(source, out, strict=True):
        problem = parse_question(str(before["question"]))
        assert after["question"] == before["question"]
        assert after["answer"] == before["answer"] == problem.answer
        assert after["data_source"] == before["data_source"] == problem.tier
        graded = relift.verify(str(after["solution"]), problem.answer)
        assert graded != after["demo_faulty"]
        assert after["demo_faulty"] or after["solution"] == teacher_solution(problem)
    assert source == rows()  # the input is not changed


def test_teacher_rows_are_deterministic_in_the_seed() -> None:
    source = rows(20)
    first = teacher_rows(source, seed=0)
    assert first == teacher_rows(rows(20), seed=0)
    assert [r["demo_faulty"] for r in first] != [r["demo_faulty"] for r in teacher_rows(source, 1)]
    assert first[0]["data_source"] == "d2" and any(r["data_source"] == "c2" for r in first)


def test_teacher_rows_errors() -> None:
    source = rows(2)
    for share in (-0.1, 1.5, float("nan")):
        with pytest.raises(ValueError, match="faulty_share"):
            teacher_rows(source, 0, share)
    for question in ("47-58=", "47+58", "47+058=", "47+5=", "47+58:3=", "+47=", "47=", ""):
        bad = [*source, {"question": question, "answer": "105"}]
        with pytest.raises(ValueError, match=f"row {len(source)}"):
            teacher_rows(bad, 0)
    with pytest.raises(ValueError, match="row 0: answer"):
        teacher_rows([{**source[0], "answer": "1"}], 0)
    assert parse_question("47:58=") == Problem((47, 58), 2, ":")
    assert parse_question("7+0+3=") == Problem((7, 0, 3), 1)


# ---- the extended vocabulary ---------------------------------------------------------------


def save_tiny_base(folder: Path, chars: str = TASK_CHARS, *, tied: bool = True) -> Path:
    tokenizer = build_tiny_tokenizer(chars)
    model = build_tiny_model(tokenizer, hidden_size=32, intermediate_size=64, max_positions=128)
    if not tied:  # a separate head, unlike the embedding
        model.config.tie_word_embeddings = False
        weight = torch.randn(model.lm_head.weight.shape, generator=torch.Generator().manual_seed(1))
        model.lm_head.weight = torch.nn.Parameter(weight * 0.02)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_extend_vocabulary_keeps_the_base_models_computation(tmp_path: Path) -> None:
    base = save_tiny_base(tmp_path / "base")
    out = extend_vocabulary(base, tmp_path / "ext")
    assert out == tmp_path / "ext"
    old_tok = load_tokenizer(base, local_files_only=True)
    new_tok = load_tokenizer(out, local_files_only=True)
    old_vocab, new_vocab = old_tok.get_vocab(), new_tok.get_vocab()
    assert {t: new_vocab[t] for t in old_vocab} == old_vocab
    assert len(new_vocab) == len(old_vocab) + len(TEACHER_CHARS)

    old, new = (
        load_causal_lm(base, local_files_only=True),
        load_causal_lm(out, local_files_only=True),
    )
    n = len(old_vocab)
    assert new.config.vocab_size == n + len(TEACHER_CHARS)
    assert new.get_output_embeddings().weight is new.get_input_embeddings().weight  # still tied
    embed, old_embed = new.get_input_embeddings().weight, old.get_input_embeddings().weight
    assert torch.equal(embed[:n], old_embed)
    for row in embed[n:]:  # the mean of the old rows (reduced elsewhere: a 1e-7 slack)
        torch.testing.assert_close(row, old_embed.mean(0), rtol=0, atol=1e-7)

    problem = Problem((4821, 3795), 4)
    ids = old_tok(problem.question + solution(problem), return_tensors="pt")["input_ids"]
    with torch.no_grad():
        before = old(ids, output_hidden_states=True)
        after = new(ids, output_hidden_states=True)
    # Same weights and shapes up to the head: bit for bit the same hidden states.
    assert torch.equal(after.hidden_states[-1], before.hidden_states[-1])
    assert torch.equal(new.get_output_embeddings().weight[:n], old.get_output_embeddings().weight)
    # The head's matrix product has more output columns now, and with more than 2 threads torch
    # splits it otherwise and sums the hidden dimension in another order: the old logits may
    # differ by a few units in the last place (|logits| < 1 here), so not bit for bit.
    torch.testing.assert_close(after.logits[..., :n], before.logits, rtol=1e-5, atol=1e-5)

    text = teacher_solution(problem, Fault("slip", 2, 4))
    encoded = new_tok.encode(text, add_special_tokens=False)
    assert new_tok.unk_token_id not in encoded and len(encoded) == len(text)
    assert new_tok.decode(encoded, skip_special_tokens=True) == text


def test_extend_vocabulary_with_an_untied_head(tmp_path: Path) -> None:
    base = save_tiny_base(tmp_path / "base", tied=False)
    out = extend_vocabulary(base, tmp_path / "ext")
    old, new = (
        load_causal_lm(base, local_files_only=True),
        load_causal_lm(out, local_files_only=True),
    )
    n = old.config.vocab_size
    old_head, head = old.get_output_embeddings().weight, new.get_output_embeddings().weight
    embed = new.get_input_embeddings().weight
    assert head is not embed and not new.config.tie_word_embeddings
    assert head.shape[0] == embed.shape[0] == n + len(TEACHER_CHARS)
    assert torch.equal(head[:n], old_head)
    torch.testing.assert_close(
        head[n:], old_head.mean(0).expand(len(TEACHER_CHARS), -1), rtol=0, atol=1e-7
    )
    torch.testing.assert_close(
        embed[n:], old.get_input_embeddings().weight.mean(0).expand(len(TEACHER_CHARS), -1),
        rtol=0, atol=1e-7,
    )  # fmt: skip


def test_extend_vocabulary_is_write_once_and_refuses_what_would_break(tmp_path: Path) -> None:
    base = save_tiny_base(tmp_path / "base")
    out = extend_vocabulary(base, tmp_path / "ext")
    stamp = (out / "model.safetensors").stat().st_mtime_ns
    assert extend_vocabulary(base, out, chars="q") == out  # there already: returned unchanged
    assert (out / "model.safetensors").stat().st_mtime_ns == stamp
    with pytest.raises(ValueError, match="differ"):
        extend_vocabulary(base, base)
    with pytest.raises(ValueError, match="round-trip"):  # Qwen2Tokenizer drops a space
        extend_vocabulary(base, tmp_path / "spaced", chars=" ;")
    with pytest.raises(ValueError, match="vocabulary"):
        extend_vocabulary(save_tiny_base(tmp_path / "other", DEFAULT_CHARS), tmp_path / "o2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base", "ext", "other"]  # no debris


def test_the_shipped_base_extends_and_stays_as_it_was(tmp_path: Path) -> None:
    def digest() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SHIPPED_BASE.iterdir()}

    before = digest()
    out = extend_vocabulary(SHIPPED_BASE, tmp_path / "teacher-base")
    assert digest() == before
    model = load_causal_lm(out, local_files_only=True)
    assert model.config.vocab_size == len(TASK_CHARS) + 4 + len(TEACHER_CHARS)
    assert model.config.max_position_embeddings == 128


@pytest.mark.parametrize("tier", ALL_TIERS)
def test_the_partial_style_is_the_task_s_own_characters_with_consistent_faults(tier: str) -> None:
    """The ``partial`` teacher: each step writes the digits known so far, the last of them
    being what the box holds (a slip carries into both), in the task's characters only,
    graded right when clean and wrong when faulty."""
    responses, golds, right = [], [], []
    rng = random.Random(f"partial-{tier}")
    for problem in problems(tier, count=100):
        clean = teacher_solution(problem, style="partial")
        assert clean == solution(problem, "verbose")  # the longer style the base never saw
        assert set(clean) <= set(TASK_CHARS)
        for fault in [None, *rng.sample(all_faults(problem), 3)]:
            text = teacher_solution(problem, fault, style="partial")
            steps, boxed = text.removesuffix("}").split("\\boxed{")
            if fault is None or fault.kind == "slip":
                assert steps.split(",")[-1].split(":")[1] == boxed  # the trace ends in the box
            responses.append(text)
            golds.append(problem.answer)
            right.append(fault is None)
    verdicts = relift.verify_batch(responses, golds, threads=1)
    assert [bool(v) for v in verdicts] == right
    rows = teacher_rows(make_task_rows(20, seed=3, tiers=[tier]), 3, 0.25, style="partial")
    assert sum(r["demo_faulty"] for r in rows) == 5
    with pytest.raises(ValueError, match="style must be one of"):
        teacher_solution(problems(tier, 1)[0], style="prose")  # type: ignore[arg-type]
