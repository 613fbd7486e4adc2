"""The verifier benchmark runs once, small, as a smoke test (it also checks correctness)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent / "benches"


def test_verify_speed_quick_runs_and_checks_correctness() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCHES / "verify_speed.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "relift" in proc.stdout
