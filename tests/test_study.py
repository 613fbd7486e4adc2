"""``relift demo --study --quick`` end to end (every arm on two seeds, both stopping points, the
claims and the report), the claims on hand-made results, and the command's usage errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("torch", reason="the study trains models: it needs the train extra (torch)")
pytest.importorskip("matplotlib", reason="the study's plots need matplotlib (the train extra)")

from relift.cli.main import main
from relift.testbed.study import STUDY_ARMS
from relift.testbed.study_claims import CLAIMS, claims

BUCKETS = ("Easy", "Medium", "Hard", "Hardest")


@pytest.fixture(scope="module")
def quick_study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("study")
    argv = ["demo", "--study", "--quick", "--output", str(root / "run"), "--cache",
            str(root / "cache"), "--no-progress"]  # fmt: skip
    assert main(argv) == 0
    return root / "run"


@pytest.mark.slow  # the quick study (about 2 minutes), shared by the module
@pytest.mark.timeout(600)
def test_quick_study_writes_every_arm_seed_and_claim(quick_study: Path) -> None:
    study = json.loads((quick_study / "study.json").read_text())
    assert study["seeds"] == [1, 2] and study["budget_s"] == 2.0
    assert list(study["arms"]) == list(STUDY_ARMS)
    for arm, entry in study["arms"].items():
        assert [r["seed"] for r in entry["per_seed"]] == [1, 2], arm
        for record in entry["per_seed"]:
            for key in ("overall", "buckets", "bucket_sizes", "resp_len", "demos_used",
                        "demo_rows", "steps", "wall_s", "at_rl_steps"):  # fmt: skip
                assert key in record, (arm, key)
            assert set(record["buckets"]) == set(BUCKETS)
    rl = {r["seed"]: r for r in study["arms"]["rl"]["per_seed"]}
    relift = {r["seed"]: r for r in study["arms"]["relift"]["per_seed"]}
    for arm, entry in study["arms"].items():
        for record in entry["per_seed"]:
            # every arm is also measured at the RL arm's step count
            assert record["at_rl_steps"]["steps"] == rl[record["seed"]]["steps"], arm
    for record in study["arms"]["sft_matched"]["per_seed"]:
        assert record["demos_used"] == max(1, relift[record["seed"]]["demos_used"])
    assert [r["demos_used"] for r in study["arms"]["rl"]["per_seed"]] == [0, 0]
    for key in ("claims", "claims_equal_steps"):
        assert [c["claim"] for c in study[key]] == [text for text, *_ in CLAIMS]
        for claim in study[key]:
            assert {"claim", "holds", "mean_diff", "per_seed_diff"} <= set(claim)
            assert isinstance(claim["holds"], bool) and claim["reason"]
    report = (quick_study / "report.md").read_text()
    assert report.index("| Base model |") < report.index("Claims")  # the table leads
    for text, *_ in CLAIMS:
        assert text in report
    for seed in (1, 2):
        held_out = (quick_study / f"seed-{seed}" / "data" / "eval_bucketed.jsonl").read_text()
        rows = [json.loads(line) for line in held_out.splitlines()]
        assert rows and all(r["bucket"] in {b.lower() for b in BUCKETS} for r in rows)
        train = (quick_study / f"seed-{seed}" / "data" / "train.jsonl").read_text().splitlines()
        faulty = sum(json.loads(line)["demo_faulty"] for line in train)
        assert faulty == round(0.2 * len(train))  # the teacher's faulty share


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_a_restarted_study_reuses_every_finished_arm(quick_study: Path) -> None:
    before = json.loads((quick_study / "study.json").read_text())
    cache = quick_study.parent / "cache"
    argv = ["demo", "--study", "--quick", "--output", str(quick_study), "--cache", str(cache),
            "--no-progress"]  # fmt: skip
    assert main(argv) == 0
    after = json.loads((quick_study / "study.json").read_text())
    assert after["arms"] == before["arms"] and after["claims"] == before["claims"]


def test_study_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x")
    assert main(["demo", "--study", "--seeds", "1,1", "--output", out]) == 2
    assert "--seeds wants distinct integers" in capsys.readouterr().err
    assert main(["demo", "--study", "--budget-s", "0", "--output", out]) == 2
    assert "--budget-s must be > 0" in capsys.readouterr().err
    assert main(["demo", "--seeds", "1,2", "--output", out]) == 2
    assert "--seeds and --budget-s go with --study" in capsys.readouterr().err
    assert main(["demo", "--study", "--steps", "5", "--output", out]) == 2
    assert "--steps does not go with --study" in capsys.readouterr().err


# ---- the claims on hand-made results ------------------------------------------------------------


def snapshot(scores: list[float], length: float, demos: int = 0) -> dict[str, Any]:
    return {"scores": scores, "resp_len": length, "demos_used": demos}


def seed_results(shift: float) -> dict[str, Any]:
    """Four held-out questions (Easy, Easy, Medium, Hardest); RL solves no Hardest question,
    ReLIFT solves it, SFT on all erodes Easy and writes longer answers."""
    labels = ["easy", "easy", "medium", "hardest"]
    arms = {
        "rl": snapshot([1.0, 1.0, 0.5, 0.0], 30.0),
        "relift": snapshot([1.0, 1.0, 0.5, 0.9 + shift], 31.0, demos=10),
        "sft_all": snapshot([0.5, 0.25, 0.5, 0.5], 60.0 + 10 * shift, demos=100),
    }
    per_arm = {arm: {"timed": snap, "at_rl_steps": snap} for arm, snap in arms.items()}
    base = {"bucket_labels": labels, **snapshot([1.0, 1.0, 0.5, 0.0], 32.0)}
    return {"base": base, "arms": per_arm, "train_size": 100}


def test_claims_on_hand_made_results_name_their_seeds() -> None:
    per_seed = {4: seed_results(0.0), 7: seed_results(0.05), 9: seed_results(0.1)}
    verdicts = {c["claim"]: c for c in claims(per_seed, "timed")}
    # RL's Hardest accuracy is 0 in every seed: 0 - 0.05 per seed, no spread, so it holds
    near_zero = verdicts["RL only stays near 0 on Hardest (at most 5%)"]
    assert near_zero["holds"] is True
    assert near_zero["per_seed_diff"] == pytest.approx([-0.05, -0.05, -0.05])
    lengthens = verdicts["SFT on all demonstrations lengthens responses (vs the base model)"]
    assert lengthens["holds"] is True and lengthens["unit"] == "tokens"
    assert lengthens["per_seed_diff"] == pytest.approx([28.0, 28.5, 29.0])
    share = verdicts["ReLIFT uses at most 15% of the demonstrations"]
    assert share["holds"] is True and share["per_seed_diff"] == pytest.approx([-0.05] * 3)
    # one question per bucket and seed: a paired SE over one question is infinite
    far_above = verdicts["ReLIFT is far above RL only on Hardest (by more than 10 points)"]
    assert far_above["holds"] is False and "within 2 paired SEs" in far_above["reason"]
    assert "seed 4" in far_above["reason"]  # named as the study names it, not by position
    not_run = verdicts["ReLIFT beats LUFFY, overall"]
    assert not_run["holds"] is False
    assert "luffy (seed 4)" in not_run["reason"] and "luffy (seed 9)" in not_run["reason"]
