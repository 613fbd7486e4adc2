"""``relift demo --quick`` end to end: every arm trains, the report and its plots are complete,
and a second start with the same folder reuses the finished arms."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="the demo trains models: it needs the train extra (torch)")
pytest.importorskip("matplotlib", reason="the demo's plots need matplotlib (the train extra)")

from relift.cli.main import main
from relift.testbed.demo import ARMS

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("demo")
    run, cache = root / "run", root / "cache"
    argv = ["demo", "--quick", "--output", str(run), "--cache", str(cache), "--no-progress"]
    assert main(argv) == 0
    return run, cache


@pytest.mark.slow  # the quick demo run (about 80 s), shared by the module
def test_quick_demo_writes_a_complete_report(quick_run: tuple[Path, Path]) -> None:
    run, _ = quick_run
    report = (run / "report.md").read_text()
    for label in ARMS.values():
        assert f"| {label} |" in report
    for section in ("## Results", "## What this run shows", "## Plots", "quick smoke run"):
        assert section in report
    for plot in ("accuracy_by_bucket.png", "response_length.png", "demos_used.png"):
        assert f"]({plot})" in report
        data = (run / plot).read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 1000
    results = json.loads((run / "results.json").read_text())
    assert set(results) == set(ARMS)
    assert results["rl"]["demos_used"] == 0 and results["rl"]["steps"] == 4
    assert results["relift"]["demos_used"] > 0  # the base model solves nothing: SFT triggered
    assert results["sft_matched"]["demos_used"] == results["relift"]["demos_used"]
    buckets = (run / "buckets.jsonl").read_text().splitlines()
    assert len(buckets) == len((run / "data" / "eval.jsonl").read_text().splitlines())


@pytest.mark.slow  # the quick demo run (about 80 s), shared by the module
def test_every_arm_logged_bucketed_curves(quick_run: tuple[Path, Path]) -> None:
    run, _ = quick_run
    for arm in ("rl", "relift", "sft_all", "sft_matched"):
        result = json.loads((run / "arms" / arm / "result.json").read_text())
        steps = [p["step"] for p in result["curves"]]
        assert steps == [0, 2, 4]  # before training, every eval_every=2 steps, and the end
        assert all("accuracy/bucket/hardest" in p for p in result["curves"])


@pytest.mark.slow  # the quick demo run (about 80 s), shared by the module
def test_a_second_start_reuses_finished_arms(quick_run: tuple[Path, Path]) -> None:
    run, cache = quick_run
    stamps = {p: p.stat().st_mtime_ns for p in run.glob("arms/*/result.json")}
    argv = ["demo", "--quick", "--output", str(run), "--cache", str(cache), "--no-progress"]
    assert main(argv) == 0
    assert {p: p.stat().st_mtime_ns for p in run.glob("arms/*/result.json")} == stamps


def test_other_settings_in_the_same_folder_are_refused(
    quick_run: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    run, cache = quick_run
    argv = ["demo", "--quick", "--steps", "3", "--output", str(run), "--cache", str(cache)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "other settings" in err and str(run) in err


def test_steps_must_be_positive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["demo", "--quick", "--steps", "0", "--output", str(tmp_path)]) == 2
    assert "--steps must be >= 1" in capsys.readouterr().err


def test_the_arms_roll_out_with_the_chosen_engine(tmp_path: Path) -> None:
    """``--engine auto`` picks vLLM only where it can run; the arms' configs carry the choice."""
    import importlib.util

    import torch
    from relift.cli.demo import _engine
    from relift.testbed.arms import arm_config
    from relift.testbed.demo import quick_settings

    can_vllm = torch.cuda.is_available() and importlib.util.find_spec("vllm") is not None
    assert _engine("auto") == ("vllm" if can_vllm else "hf")
    assert _engine("hf") == "hf" and _engine("vllm") == "vllm"
    for engine in ("hf", "vllm"):
        settings = dataclasses.replace(quick_settings(), engine=engine)
        config = arm_config("relift", tmp_path, tmp_path, tmp_path, tmp_path, settings)
        assert config.rollout.engine == engine
