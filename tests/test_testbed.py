"""The embedded testbed: the task generator, its tokenizer, and the cached base model."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
import relift
from relift.testbed.task import (
    BOX,
    OPERATORS,
    TIERS,
    Problem,
    make_problems,
    pretraining_rows,
    solution,
    task_rows,
)

torch = pytest.importorskip("torch", reason="the base model needs the train extra (torch)")


def test_every_demonstration_and_short_solution_verifies() -> None:
    rows = task_rows(200, seed=3, tiers=list(TIERS))
    assert len(rows) == 200 * len(TIERS)
    demos = [r["solution"] for r in rows]
    answers = [r["answer"] for r in rows]
    assert relift.verify_batch(demos, answers).all()
    pretrain = pretraining_rows(2000, seed=3, four_digit_share=0.05)
    ok = relift.verify_batch([r["solution"] for r in pretrain], [r["answer"] for r in pretrain])
    assert ok.all()


def test_a_wrong_sum_does_not_verify() -> None:
    rows = task_rows(50, seed=1)
    wrong = [str(int(r["answer"]) + 1) for r in rows]
    assert not relift.verify_batch([r["solution"] for r in rows], wrong).any()


def test_solutions_by_hand() -> None:
    p = Problem((4821, 3795), 4)
    assert solution(p) == "1+5=6,2+9=11,8+7+1=16,4+3+1=8" + BOX + "8616}"
    verbose = "1+5=6:6,2+9=11:16,8+7+1=16:616,4+3+1=8:8616" + BOX + "8616}"
    assert solution(p, "verbose") == verbose
    assert solution(Problem((95, 17), 2)) == "5+7=12,9+1+1=11" + BOX + "112}"
    assert solution(Problem((95, 17), 2), "verbose") == "5+7=12:2,9+1+1=11:112" + BOX + "112}"
    three = Problem((47, 58, 99), 2)
    assert three.question == "47+58+99=" and three.tier == "t3"
    assert solution(three) == "7+8+9=24,4+5+9+2=20" + BOX + "204}"
    assert solution(three, "verbose") == "7+8+9=24:4,4+5+9+2=20:204" + BOX + "204}"
    colon = Problem((95, 17), 2, ":")  # a new notation, the usual worked solution
    assert colon.question == "95:17=" and colon.tier == "c2"
    assert solution(colon) == solution(Problem((95, 17), 2))


def test_tiers_operand_lengths_and_determinism() -> None:
    rows = task_rows(30, seed=7, tiers=list(TIERS))
    for row in rows:
        op = OPERATORS.get(row["data_source"], "+")
        terms = row["question"].rstrip("=").split(op)
        digits, count = TIERS[row["data_source"]]
        assert len(terms) == count and all(len(t) == digits for t in terms)
    assert rows == task_rows(30, seed=7, tiers=list(TIERS))
    assert rows != task_rows(30, seed=8, tiers=list(TIERS))
    assert len({r["question"] for r in rows}) == len(rows)


def test_held_out_rows_exclude_training_questions() -> None:
    train = task_rows(40, seed=0, tiers=["d2"])
    held_out = task_rows(40, seed=1, tiers=["d2"], exclude={r["question"] for r in train})
    assert not {r["question"] for r in train} & {r["question"] for r in held_out}


def test_make_problems_has_no_leading_zeros() -> None:
    for p in make_problems(3, 500, random.Random(0), terms=3):
        assert len(p.terms) == 3 and all(100 <= t <= 999 for t in p.terms)


def test_tokenizer_round_trips_also_after_auto_loading(tmp_path: Path) -> None:
    from relift.testbed.model import build_tokenizer
    from relift.testing import build_tiny_model, save_and_reload
    from transformers import AutoTokenizer

    tok = build_tokenizer()
    save_and_reload(build_tiny_model(tok), tok, tmp_path)
    auto = AutoTokenizer.from_pretrained(tmp_path, local_files_only=True)
    for row in task_rows(20, seed=2):
        for text in (row["question"], row["solution"]):
            ids = tok(text, add_special_tokens=False)["input_ids"]
            assert tok.unk_token_id not in ids
            assert tok.decode(ids) == text
            assert auto(text, add_special_tokens=False)["input_ids"] == ids


def test_base_model_is_built_once_and_reproducible(tmp_path: object) -> None:

    from relift.testbed.model import BaseSpec, base_model_dir
    from transformers import AutoModelForCausalLM

    root = tmp_path
    spec = BaseSpec(
        hidden_size=32, intermediate_size=64, num_layers=1, num_heads=2, pretrain_steps=3,
        batch_size=8,
    )  # fmt: skip
    first = base_model_dir(spec, root / "a", progress=False)
    stamp = (first / "model.safetensors").stat().st_mtime_ns
    assert base_model_dir(spec, root / "a", progress=False) == first
    assert (first / "model.safetensors").stat().st_mtime_ns == stamp  # not rebuilt
    second = base_model_dir(spec, root / "b", progress=False)
    a = AutoModelForCausalLM.from_pretrained(first, local_files_only=True).state_dict()
    b = AutoModelForCausalLM.from_pretrained(second, local_files_only=True).state_dict()
    assert a.keys() == b.keys()
    assert all(torch.equal(a[k], b[k]) for k in a)
    init = BaseSpec(hidden_size=32, intermediate_size=64, num_layers=1, num_heads=2)
    assert spec.key() != init.key()
    assert not any(p.name.startswith(".base-") for p in (root / "a").iterdir())  # no leftovers


def greedy_accuracy(folder: Path, tier: str, count: int = 64) -> float:
    """Greedy accuracy of the model in ``folder`` on ``count`` held-out questions of ``tier``."""
    from relift.rollout import HFEngine, SamplingParams
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(folder, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    rows = task_rows(count, seed=99, tiers=[tier])
    out = HFEngine(model, tokenizer).generate(
        [r["question"] for r in rows], SamplingParams(temperature=0.0, max_new_tokens=80)
    )
    return float(relift.verify_batch(out.texts, [r["answer"] for r in rows]).mean())


@pytest.mark.timeout(1500)
def test_the_shipped_base_model_is_what_its_seed_rebuilds(tmp_path: Path) -> None:
    """The default base model ships with relift (a first demo skips 7 minutes of pre-training).
    Rebuilt here from the seed with the same recipe, it is the same model: bit for bit on the
    machine that built it, and, should another CPU's float kernels round differently over the
    1,000 steps, the same skills (greedy accuracy per tier within 10 points)."""
    from relift.testbed.model import SHIPPED_BASE, BaseSpec, base_model_dir, pretrain_base
    from safetensors.torch import load_file

    spec = BaseSpec()
    assert base_model_dir(spec, tmp_path / "cache", progress=False) == SHIPPED_BASE
    threads = torch.get_num_threads()  # other test modules pin 1 thread; the build used them all
    torch.set_num_threads(os.cpu_count() or 1)
    try:
        rebuilt = pretrain_base(spec, tmp_path / "rebuild", progress=False)
    finally:
        torch.set_num_threads(threads)
    shipped_weights = load_file(str(SHIPPED_BASE / "model.safetensors"))
    rebuilt_weights = load_file(str(rebuilt / "model.safetensors"))
    assert shipped_weights.keys() == rebuilt_weights.keys()
    if all(torch.equal(shipped_weights[k], rebuilt_weights[k]) for k in shipped_weights):
        print("the rebuilt base model is bit-identical to the shipped one")
        return
    print("the rebuilt base model differs in its bits from the shipped one; comparing skills")
    for tier in ("d2", "d3", "d4"):
        assert greedy_accuracy(rebuilt, tier) == pytest.approx(
            greedy_accuracy(SHIPPED_BASE, tier), abs=0.10
        ), tier


def test_the_demo_grades_its_final_evals_like_its_trainers() -> None:
    """The demo's own evaluations grade the whole response (the task has no think tags), as
    the arms' trainers do; grading after a missing ``</think>`` would score everything 0."""
    from relift.testbed.arms import _reward
    from relift.testbed.demo import default_settings

    rows = task_rows(5, seed=4)
    texts = [r["solution"] for r in rows]
    answers = [r["answer"] for r in rows]
    wrong = [str(int(a) + 1) for a in answers]
    reward = _reward(default_settings())
    assert list(reward(texts, texts, answer=answers)) == [1.0] * len(rows)
    assert list(reward(texts, texts, answer=wrong)) == [0.0] * len(rows)
