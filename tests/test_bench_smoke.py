"""Every benchmark runs once, tiny (--quick), as a smoke test: each also checks its own results
against relift or the reference, and exits non-zero when they disagree."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BENCHES = Path(__file__).resolve().parent.parent / "benches"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("verify_speed.py", ["relift"]),
        ("verify_public.py", ["| **ALL** |"]),
        ("advantages_bench.py", ["relift"]),
        ("buffer_bench.py", ["relift"]),
        ("rl_step_bench.py", ["| relift |", "verify + advantages + buffer"]),
        ("generation_bench.py", ["| relift VLLMEngine |"]),
    ],
)
def test_benchmark_quick_run(script: str, expected: list[str]) -> None:
    if script == "rl_step_bench.py":
        pytest.importorskip("torch", reason="the RL step bench needs the train extra (torch)")
        pytest.importorskip("transformers", reason="the RL step bench needs the train extra")
    if script == "generation_bench.py":
        torch = pytest.importorskip("torch", reason="the generation bench needs torch")
        pytest.importorskip("vllm", reason="the generation bench compares vLLM: relift[vllm]")
        if not torch.cuda.is_available():
            pytest.skip("the generation bench needs a CUDA GPU (vLLM)")
    proc = subprocess.run(
        [sys.executable, str(BENCHES / script), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for text in expected:
        assert text in proc.stdout


# ---- benches/gpu_acceptance.sh: its plan on any machine, its JSON from fake stage results -------

STAGES = ["install", "prepare", "gpu-tests", "generation", "train", "train-hf"]


def acceptance_helper() -> Any:
    """benches/gpu_acceptance.py as a module (standard library only at import)."""
    spec = importlib.util.spec_from_file_location("gpu_acceptance", BENCHES / "gpu_acceptance.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    return subprocess.run(
        ["bash", str(BENCHES / "gpu_acceptance.sh"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHON": "python-that-does-not-exist"},  # a dry run runs nothing
    )


@pytest.mark.timeout(60)
def test_gpu_acceptance_dry_run_lists_every_stage_in_order(tmp_path: Path) -> None:
    output = tmp_path / "run" / "acceptance.json"
    proc = run_script("--dry-run", "--output", str(output))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    heads = [line.split()[1] for line in out.splitlines() if line[:1].isdigit()]
    assert heads == STAGES
    for command in (
        "pip install -e '.[train,vllm]'",
        "pytest -m gpu",
        "benches/generation_bench.py",
        "--baseline vllm",
        "--min-ratio 0.9",
        "relift.cli.main train",
        "rollout.engine=vllm",
        "rollout.engine=hf",  # train-hf: the trainer on CUDA without vLLM
        "schedule.max_steps=20",
        f"--output {output}",
    ):
        assert command in out, command
    assert "budget" in out and str(output) in out
    assert not output.parent.exists()  # nothing was run or written


@pytest.mark.timeout(60)
def test_gpu_acceptance_dry_run_options_and_usage_errors(tmp_path: Path) -> None:
    proc = run_script("--dry-run", "--no-install", "--skip", "train,train-hf", "--output", "x.json")
    assert proc.returncode == 0, proc.stderr
    assert "skipped: left out on request (--no-install)" in proc.stdout
    assert "skipped: left out on request (--skip train)" in proc.stdout
    assert "skipped: left out on request (--skip train-hf)" in proc.stdout
    assert "relift.cli.main train" not in proc.stdout
    wheels = run_script("--dry-run", "--wheelhouse", str(tmp_path))
    assert f"--no-index --find-links {tmp_path} 'relift[train,vllm]'" in wheels.stdout
    assert run_script("--dry-run", "--skip", "lunch").returncode == 2
    assert run_script("--frobnicate").returncode == 2
    assert run_script("--no-install", "--wheelhouse", "w").returncode == 2
    assert "--dry-run" in run_script("--help").stdout


def write_junit(path: Path) -> None:
    path.write_text(
        '<?xml version="1.0"?><testsuites><testsuite name="pytest">'
        '<testcase classname="tests.test_a" name="test_ok"/>'
        '<testcase classname="tests.test_a" name="test_skip">'
        '<skipped type="pytest.skip" message="needs vLLM"/></testcase>'
        '<testcase classname="tests.test_b" name="test_bad"><failure message="boom"/></testcase>'
        "</testsuite></testsuites>"
    )


def write_metrics(path: Path, steps: int, last: dict[str, Any] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    base = {"logprob_mismatch_mean": 0.01, "logprob_mismatch_max": 0.2, "rl_loss": 0.0}
    rows = [{"step": s, "phase": "train", **base, "reward_mean": 0.5} for s in range(1, steps)]
    rows.append({"step": steps, "phase": "train", **base, "reward_mean": 0.5, **(last or {})})
    rows.append({"step": steps, "phase": "eval", "accuracy": 0.25})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + '{"step": 9')  # torn line


@pytest.mark.timeout(60)
def test_gpu_acceptance_judges_stages_and_assembles_one_json(tmp_path: Path) -> None:
    ga = acceptance_helper()
    junit, bench, metrics = tmp_path / "t.xml", tmp_path / "g.json", tmp_path / "m.jsonl"
    write_junit(junit)
    status, reason, results = ga.judge("gpu-tests", 1, junit)
    assert status == "failed" and "tests.test_b::test_bad" in reason
    assert results["pytest"] == {"passed": 1, "failed": 1, "errors": 0, "skipped": 1}
    assert ga.judge("gpu-tests", 5, junit)[0] == "failed"
    assert ga.judge("gpu-tests", 0, tmp_path / "absent.xml")[0] == "failed"

    figures = {
        "status": "passed",
        "settings": {"min_ratio": 0.9},
        "contenders": {
            "relift VLLMEngine": {"tokens_per_s": 950.0},
            "bare vLLM": {"tokens_per_s": 1000.0},
        },
        "ratios": {"relift_vllm_over_bare_vllm": 0.95},
        "problems": [],
    }
    bench.write_text(json.dumps(figures))
    status, reason, gen = ga.judge("generation", 0, bench)
    assert (status, gen["ratio"], gen["bare_vllm_tokens_per_s"]) == ("passed", 0.95, 1000.0)
    bench.write_text(json.dumps({**figures, "problems": ["below the target 0.9x"]}))
    assert ga.judge("generation", 1, bench)[0] == "failed"
    bench.write_text(json.dumps({"status": "skipped", "reason": "no CUDA GPU"}))
    assert ga.judge("generation", 2, bench)[:2] == (
        "skipped",
        "the bench could not run: no CUDA GPU",
    )

    write_metrics(metrics, 20)
    status, reason, train = ga.judge("train", 0, metrics, 20)
    assert status == "passed" and train["steps"] == 20, reason
    assert train["last_eval"] == {"step": 20, "phase": "eval", "accuracy": 0.25}
    assert ga.judge("train", 0, metrics, 25)[0] == "failed"  # stopped short
    assert ga.judge("train", 1, metrics, 20)[0] == "failed"
    assert ga.judge("train", 124, metrics, 20)[:2] == ("failed", "stopped at its time budget")
    write_metrics(metrics, 20, {"rl_loss": float("nan")})
    status, reason, train = ga.judge("train", 0, metrics, 20)
    assert status == "failed" and "non-finite metrics: rl_loss" in reason
    ga.write_json(tmp_path / "strict.json", train)  # NaN is no JSON: written as a string
    assert json.loads((tmp_path / "strict.json").read_text())["last_metrics"]["rl_loss"] == "nan"
    write_metrics(metrics, 3)
    rows = [json.loads(line) for line in metrics.read_text().splitlines()[:-1]]
    del rows[2]["logprob_mismatch_max"]
    metrics.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert "lacks logprob_mismatch_max" in ga.judge("train", 0, metrics, 3)[1]

    # the whole run, through the command line the script uses
    work = tmp_path / "work"
    work.mkdir()
    (work / "env.json").write_text(json.dumps({"gpu": "NVIDIA H200", "versions": {"vllm": "1"}}))
    write_metrics(metrics, 20)
    bench.write_text(json.dumps(figures))
    junit.write_text(junit.read_text().replace('<failure message="boom"/>', ""))

    def record(stage: str, *extra: str) -> None:
        common = ["--workdir", str(work), "--stage", stage, "--budget", "60", "--command", "x"]
        assert ga.main(["record", *common, *extra]) == 0

    def assemble() -> dict[str, Any]:
        out = tmp_path / "run.json"
        code = ga.main(["assemble", "--workdir", str(work), "--output", str(out), "--quiet",
                        "--stages", ",".join(STAGES)])  # fmt: skip
        run = json.loads(out.read_text())
        assert run["exit_code"] == code
        return run

    record("install", "--skip", "left out on request (--no-install)", "--requested")
    record("prepare", "--rc", "0", "--seconds", "3.5")
    run = assemble()
    assert (run["outcome"], run["exit_code"]) == ("incomplete", 1)
    assert [s["status"] for s in run["stages"]] == [
        "skipped",
        "passed",
        "not run",
        "not run",
        "not run",
        "not run",
    ]
    record("gpu-tests", "--rc", "0", "--seconds", "90", "--artifact", str(junit))
    record("generation", "--rc", "0", "--seconds", "100", "--artifact", str(bench))
    record("train", "--rc", "0", "--seconds", "120", "--artifact", str(metrics), "--steps", "20")
    hf = tmp_path / "hf.jsonl"
    write_metrics(hf, 20, {"reward_mean": 0.25})
    record("train-hf", "--rc", "0", "--seconds", "60", "--artifact", str(hf), "--steps", "20")
    run = assemble()
    assert (run["outcome"], run["exit_code"]) == ("passed", 0)
    summary = run["summary"]
    assert summary["gpu"] == "NVIDIA H200" and summary["versions"] == {"vllm": "1"}
    assert summary["pytest"] == {"passed": 2, "failed": 0, "errors": 0, "skipped": 1}
    assert summary["generation"] == {
        "relift_tokens_per_s": 950.0, "bare_vllm_tokens_per_s": 1000.0, "ratio": 0.95,
        "target_ratio": 0.9,
    }  # fmt: skip
    assert summary["train"]["steps"] == 20
    assert summary["train"]["last_metrics"]["logprob_mismatch_mean"] == 0.01
    assert summary["train_hf"]["steps"] == 20
    assert summary["train_hf"]["last_metrics"]["reward_mean"] == 0.25
    assert [s["seconds"] for s in run["stages"]] == [0.0, 3.5, 90.0, 100.0, 120.0, 60.0]

    record("generation", "--skip", "needs a CUDA GPU visible to torch")  # could not run here
    assert assemble()["exit_code"] == 3
    log = tmp_path / "train.log"
    log.write_text("\n".join(f"line {i}" for i in range(100)))
    record("train", "--rc", "1", "--seconds", "5", "--artifact", str(metrics), "--log", str(log))
    run = assemble()
    assert (run["outcome"], run["exit_code"]) == ("failed", 1)
    train_stage = run["stages"][STAGES.index("train")]
    assert train_stage["log_tail"][-1] == "line 99"
    assert train_stage["reason"] == "relift train exited 1 after 20 steps"
