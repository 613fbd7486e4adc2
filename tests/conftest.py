"""Shared test set-up: OpenMP's wait policy and torch's thread count, for every test module.

OpenMP threads spin-wait by default; with torch's two threads and the other core busy, a small
training step slows down 10-30x. This must be set before anything imports torch, which is why it
lives here.

Every test must hold at any thread count (float sums in another order round differently), so the
suite runs at the count ``RELIFT_TEST_TORCH_THREADS`` names (default 1); ``make test-threads``
runs it at 1 and at 2. Subprocesses the tests start inherit the variable.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
TORCH_THREADS = int(os.environ.setdefault("RELIFT_TEST_TORCH_THREADS", "1"))


def pytest_configure(config: pytest.Config) -> None:
    try:
        import torch
    except ImportError:  # the verifier-only install: no torch, nothing to pin
        return
    torch.set_num_threads(TORCH_THREADS)


def pytest_report_header(config: pytest.Config) -> str:
    return f"torch threads: {TORCH_THREADS} (RELIFT_TEST_TORCH_THREADS)"
