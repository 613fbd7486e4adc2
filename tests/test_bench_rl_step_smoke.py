"""The RL-step benchmark runs once, tiny, as a smoke test (TRL is skipped when not installed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

BENCHES = Path(__file__).resolve().parent.parent / "benches"


def test_rl_step_bench_quick_runs_and_prints_the_relift_row() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCHES / "rl_step_bench.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "| relift |" in proc.stdout
    assert "verify + advantages + buffer" in proc.stdout
