"""Metrics logging: JSONL records, resume truncation, tensorboard, wandb, timers, progress."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from relift import metrics
from relift.errors import InputFormatError, InvalidInputError
from relift.metrics import MetricsLogger, MissingDependencyError, StepTimer, read_metrics


def test_metric_names_cover_the_trainer() -> None:
    required = """reward_mean solve_none_rate solve_all_rate buffer_len sft_steps demos_used
    demos_used_frac rl_loss sft_loss entropy clip_frac rl_grad_norm sft_grad_norm resp_len_mean
    resp_len_correct resp_len_wrong tokens_per_s logprob_mismatch_mean logprob_mismatch_max
    time_generate time_rl_update time_sft_update time_step""".split()
    assert set(required) <= set(metrics.METRICS)
    assert all(isinstance(doc, str) and doc for doc in metrics.METRICS.values())


def test_jsonl_records_are_flushed_per_step(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch", reason="logs a torch tensor value (train extra)")
    logger = MetricsLogger(tmp_path)
    record = logger.log(1, {"reward_mean": 0.25, "buffer_len": 3})
    logger.log(2, {"reward_mean": np.float32(0.5), "rl_loss": torch.tensor(1.5), "ok": True})
    logger.log(2, {"accuracy": 0.75}, phase="eval")
    # Flushed: readable while the logger is still open.
    lines = (tmp_path / "metrics.jsonl").read_text().splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0]) == record
    assert record["step"] == 1 and record["phase"] == "train" and record["buffer_len"] == 3
    second = json.loads(lines[1])
    assert (second["reward_mean"], second["rl_loss"], second["ok"]) == (0.5, 1.5, 1)
    assert json.loads(lines[2])["phase"] == "eval"
    logger.close()
    logger.close()  # idempotent


def test_non_finite_values_survive(tmp_path: Path) -> None:
    with MetricsLogger(tmp_path) as logger:
        logger.log(1, {"rl_loss": float("nan"), "sft_loss": float("inf")})
    (record,) = read_metrics(tmp_path / "metrics.jsonl")
    assert np.isnan(record["rl_loss"]) and record["sft_loss"] == float("inf")


def test_resume_truncates_later_steps(tmp_path: Path) -> None:
    with MetricsLogger(tmp_path) as logger:
        for step in range(1, 6):
            logger.log(step, {"reward_mean": step / 10})
        logger.log(3, {"accuracy": 0.5}, phase="eval")
    with (tmp_path / "metrics.jsonl").open("a") as handle:
        handle.write('{"step": 6, "rew')  # torn by a crash mid-write
    with MetricsLogger(tmp_path, resume_step=3) as logger:
        assert [(r["step"], r["phase"]) for r in read_metrics(logger.jsonl_path)] == [
            (1, "train"),
            (2, "train"),
            (3, "train"),
            (3, "eval"),
        ]
        logger.log(4, {"reward_mean": 0.4})
    steps = [r["step"] for r in read_metrics(tmp_path / "metrics.jsonl")]
    assert steps == [1, 2, 3, 3, 4]
    # A fresh run starts a fresh log.
    MetricsLogger(tmp_path).close()
    assert read_metrics(tmp_path / "metrics.jsonl") == []


def test_corrupt_line_in_the_middle_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "metrics.jsonl").write_text('{"step": 1}\nnot json\n{"step": 2}\n')
    with pytest.raises(InputFormatError, match=r"metrics\.jsonl:2"):
        MetricsLogger(tmp_path, resume_step=1)


def test_deterministic_view_drops_wall_clock_keys() -> None:
    record = {"step": 1, "phase": "train", "wall_time": 9.0, "time_generate": 1.0}
    record |= {"tokens_per_s": 5.0, "reward_mean": 0.5, "time_custom": 2.0}
    assert metrics.deterministic_view(record) == {"step": 1, "phase": "train", "reward_mean": 0.5}


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="report_to: unknown target 'mlflow'"):
        MetricsLogger(tmp_path, report_to=("jsonl", "mlflow"))
    with MetricsLogger(tmp_path, report_to="none") as logger:
        logger.log(1, {"x": 1})
    assert not (tmp_path / "metrics.jsonl").exists()
    with MetricsLogger(tmp_path) as logger:
        with pytest.raises(InvalidInputError, match="'step' is reserved"):
            logger.log(1, {"step": 2})
        with pytest.raises(InvalidInputError, match="metric 'x': expected a number, got str"):
            logger.log(1, {"x": "high"})
        with pytest.raises(InvalidInputError, match="step must be an int"):
            logger.log(1.5, {"x": 1})  # type: ignore[arg-type]


def test_tensorboard_event_files(tmp_path: Path) -> None:
    pytest.importorskip("tensorboard", reason="tensorboard is not installed (the train extra)")
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    with MetricsLogger(tmp_path, report_to=("jsonl", "tensorboard"), config={"lr": 1e-6}) as log:
        log.log(1, {"reward_mean": 0.25})
        log.log(2, {"reward_mean": 0.5})
        log.log(2, {"accuracy": 0.75}, phase="eval")
    events = list(tmp_path.glob("events.out.tfevents.*"))
    assert len(events) == 1
    accumulator = EventAccumulator(str(tmp_path))
    accumulator.Reload()
    scalars = accumulator.Scalars("train/reward_mean")
    assert [(s.step, s.value) for s in scalars] == [(1, 0.25), (2, 0.5)]
    assert [s.value for s in accumulator.Scalars("eval/accuracy")] == [0.75]


def test_missing_tensorboard_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tensorboard", None)  # makes `import tensorboard` fail
    with pytest.raises(MissingDependencyError, match="pip install tensorboard"):
        MetricsLogger(tmp_path, report_to="tensorboard")


def test_missing_wandb_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "wandb", None)
    with pytest.raises(MissingDependencyError, match="pip install wandb") as info:
        MetricsLogger(tmp_path, report_to=("jsonl", "wandb"))
    assert isinstance(info.value, ImportError)


def test_wandb_when_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, Any]] = []

    class Run:
        id = "run123"

        def log(self, data: dict[str, Any], step: int) -> None:
            calls.append(("log", (data, step)))

        def finish(self) -> None:
            calls.append(("finish", None))

    def init(**kwargs: Any) -> Run:
        calls.append(("init", kwargs))
        return Run()

    fake = types.ModuleType("wandb")
    fake.init = init  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "wandb", fake)
    with MetricsLogger(tmp_path, report_to="wandb", run_name="r", config={"lr": 1e-6}) as log:
        log.log(3, {"reward_mean": 0.5})
    assert calls[0][1]["name"] == "r" and calls[0][1]["config"] == {"lr": 1e-6}
    assert calls[0][1]["id"] is None
    assert calls[1:] == [("log", ({"train/reward_mean": 0.5}, 3)), ("finish", None)]
    calls.clear()
    MetricsLogger(tmp_path, report_to="wandb", resume_step=3).close()
    assert (calls[0][1]["id"], calls[0][1]["resume"]) == ("run123", "allow")


def test_step_timer_accumulates_phases() -> None:
    ticks = iter([0.0, 1.0, 1.5, 4.0, 4.5, 5.0, 10.0, 10.0])
    syncs: list[int] = []
    timer = StepTimer(clock=lambda: next(ticks), synchronize=lambda: syncs.append(1))
    with timer.phase("step"):  # 0.0 .. 10.0 (the last tick)
        with timer.phase("generate"):  # 1.0 .. 1.5
            pass
        with timer.phase("rl_update"):  # 4.0 .. 4.5
            pass
        with pytest.raises(RuntimeError), timer.phase("generate"):  # 5.0 .. 10.0, raising
            raise RuntimeError("boom")
    assert timer.summary() == {"time_step": 10.0, "time_generate": 5.5, "time_rl_update": 0.5}
    assert len(syncs) == 8
    assert timer.tokens_per_second(11, "generate") == 2.0
    assert timer.summary(reset=True)["time_step"] == 10.0
    assert timer.summary() == {}
    assert timer.seconds("eval") == 0.0


def test_tokens_per_second() -> None:
    assert metrics.tokens_per_second(100, 4.0) == 25.0
    assert metrics.tokens_per_second(100, 0.0) == 0.0


def test_progress_can_be_disabled(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm", reason="progress bars need tqdm (train extra)")
    with metrics.progress(10, "train", disable=True) as bar:
        bar.update(2)
        bar.set_postfix(reward=0.5)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    sink = io.StringIO()
    with metrics.progress(10, "train", initial=3, file=sink) as bar:
        bar.update(2)
    assert bar.n == 5
    assert "train" in sink.getvalue() and "5/10" in sink.getvalue()
