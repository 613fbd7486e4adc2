"""The embedded testbed: the task generator, its tokenizer, and the cached base model."""

from __future__ import annotations

import dataclasses
import json
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


def test_a_base_out_of_its_regime_is_topped_up_and_says_so(tmp_path: Path) -> None:
    """The study's bases: after pre-training, the regime check; out of it, more steps on fresh
    rows, at most ``max_top_ups`` times, each check kept in ``regime.json``. The top-up fields
    change the spec's key only when set, so the shipped base keeps its key."""
    from relift.testbed.model import REGIME, BaseSpec, base_model_dir, in_regime

    assert in_regime({"d2": 1.0, "d3": 0.95, "d4": 0.1, "c2": 0.4})  # c2 is measured only
    assert not in_regime({"d2": 1.0, "d3": 0.5, "d4": 0.1, "c2": 0.0})
    assert set(REGIME) == {"d2", "d3"}
    plain = BaseSpec(
        hidden_size=32, intermediate_size=64, num_layers=1, num_heads=2, batch_size=8,
        pretrain_steps=3,
    )  # fmt: skip
    topped = dataclasses.replace(plain, top_up_steps=2, max_top_ups=1)
    assert dataclasses.replace(plain, max_top_ups=0).key() == plain.key()
    assert topped.key() != plain.key()
    folder = base_model_dir(topped, tmp_path, progress=False)
    checks = json.loads((folder / "regime.json").read_text())
    # a 3-step model solves nothing: checked, topped up once, checked again, still out
    assert [c["steps"] for c in checks] == [3, 5]
    assert [c["in_regime"] for c in checks] == [False, False]
    assert set(checks[0]["accuracy"]) == {"d2", "d3", "d4", "c2"}
    assert not (base_model_dir(plain, tmp_path / "p", progress=False) / "regime.json").exists()


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


#: How closely a rebuild's first steps must follow the record. Float sums in another order (a
#: thread count, another CPU's kernels) move step 20's loss by about 3e-7 relative here (1 vs 2
#: threads), and Adam amplifies it step by step; any change to the recipe (seed, rows, order,
#: learning rate) moves the first steps by percents.
FIRST_STEPS_RTOL = 1e-4


@pytest.mark.slow  # 20 pre-training steps of the 1M-parameter base model
def test_the_shipped_base_models_first_steps_rebuild_from_its_seed(tmp_path: Path) -> None:
    """The recipe that made the shipped base model, checked quickly: its first 20 pre-training
    steps, rebuilt here at the suite's thread count, give the recorded losses and first
    gradient (see tests/base_first_steps.py for why only those). The full rebuild is
    ``make test-slow``."""
    from base_first_steps import RECORD, first_steps
    from relift.testbed.model import shipped_base_key

    record = json.loads(RECORD.read_text())
    assert record["spec_key"] == shipped_base_key()  # the record is of the shipped recipe
    rebuilt = first_steps(tmp_path, record["steps"])
    assert rebuilt["spec_key"] == record["spec_key"]
    assert rebuilt["sft_loss"] == pytest.approx(record["sft_loss"], rel=FIRST_STEPS_RTOL)
    assert rebuilt["first_grad_norm"] == pytest.approx(record["first_grad_norm"], rel=1e-5)
    same = rebuilt["weights_sha256"] == record["weights_sha256"]
    print("bit-identical to the record" if same else "equal to the record within rounding")


@pytest.mark.rebuild
@pytest.mark.timeout(1500)
@pytest.mark.xfail(
    strict=False,
    reason="known to fail off the machine that built the shipped model: pre-training is chaotic "
    "over 1,000 steps (float rounding that differs between CPUs, thread counts or torch builds "
    "grows through Adam: 3e-7 relative at step 20, 2e-3 by step 40 between 1 and 2 threads), and "
    "on 2026-12-03 (torch 2.15.0, 2 threads) the rebuild solved 52% of 3-digit sums against the "
    "shipped model's 98%. The quick test above checks the recipe's first 20 steps on any machine.",
)
def test_the_shipped_base_model_is_what_its_seed_rebuilds(tmp_path: Path) -> None:
    """The default base model ships with relift (a first demo skips 7 minutes of pre-training).
    Rebuilt here from the seed with the same recipe, it is the same model: bit for bit on the
    machine that built it, and, should another CPU's float kernels round differently over the
    1,000 steps, the same skills (greedy accuracy per tier within 10 points). Its first steps
    are the ones the quick test above checks against its record."""
    from base_first_steps import RECORD
    from relift.testbed.model import SHIPPED_BASE, BaseSpec, base_model_dir, pretrain_base
    from safetensors.torch import load_file

    spec = BaseSpec()
    assert base_model_dir(spec, tmp_path / "cache", progress=False) == SHIPPED_BASE
    threads = torch.get_num_threads()  # the suite pins its thread count; the build used them all
    torch.set_num_threads(os.cpu_count() or 1)
    try:
        rebuilt = pretrain_base(spec, tmp_path / "rebuild", progress=False)
    finally:
        torch.set_num_threads(threads)
    record = json.loads(RECORD.read_text())
    lines = (tmp_path / "rebuild" / "logs" / "metrics.jsonl").read_text().splitlines()
    losses = [r["sft_loss"] for r in map(json.loads, lines) if r["phase"] == "train"]
    first = losses[: record["steps"]]
    assert first == pytest.approx(record["sft_loss"], rel=FIRST_STEPS_RTOL)
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
