"""Every benchmark runs once, tiny (--quick), as a smoke test: each also checks its own results
against relift or the reference, and exits non-zero when they disagree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHES = Path(__file__).resolve().parent.parent / "benches"


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("verify_speed.py", ["relift"]),
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
