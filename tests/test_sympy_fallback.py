"""relift.sympy_fallback: sympy settles what the Rust core reports "unknown", in killable workers.

The items that reach sympy here are ones the Rust core cannot evaluate by design (values past its
size limit, such as ``3^{200000}``) or cannot read (a unit after the value), so that these tests
do not depend on the Rust core's coverage of the day.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import relift
from relift import sympy_fallback
from relift.errors import InvalidInputError, MissingDependencyError
from relift.sympy_fallback import SympyFallback

needs_sympy = pytest.mark.skipif(
    importlib.util.find_spec("sympy") is None or importlib.util.find_spec("antlr4") is None,
    reason="the sympy fallback needs sympy and antlr4-python3-runtime 4.11 (relift[sympy])",
)

# Pairs the Rust core leaves undecided: (boxed response, reference, the right answer).
UNDECIDED = [
    (r"\boxed{3^{200000}}", "9^{100000}", True),  # value too large for the core
    (r"\boxed{3^{200000}}", "9^{100001}", False),
    (r"\boxed{(10^{5})!}", "100000!", True),
    (r"\boxed{10^{100000}}", "10^{100000}+1", False),  # exact values: no relative tolerance
    (r"The area is $\boxed{25\pi \text{ cm}^2}$.", r"25\pi", True),  # a unit after the value
    (r"The area is $\boxed{5\pi \text{ cm}^2}$.", r"25\pi", False),
]
SLOW = ("10000000!", "5")  # sympy computes 10^7! exactly: minutes on any machine


@pytest.fixture(scope="module")
def fallback() -> Any:
    with SympyFallback(workers=1, timeout=30.0) as pool:
        yield pool.start()


def test_the_default_path_is_the_rust_core_and_starts_no_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(sympy_fallback.subprocess, "Popen", no_process)
    responses = [r for r, _, _ in UNDECIDED]
    answers = [a for _, a, _ in UNDECIDED]
    plain = relift.verify_batch(responses, answers)
    assert sympy_fallback.verify_batch(responses, answers).tolist() == plain.tolist()
    assert not plain[0]  # undecided, so False without the fallback
    assert sympy_fallback.verify(responses[0], answers[0]) is False
    assert sympy_fallback.verify(r"\boxed{2}", "2", think="ignore") is True


def test_importing_the_module_imports_neither_sympy_nor_torch() -> None:
    code = (
        "import sys, relift.sympy_fallback; "
        "assert not {'sympy', 'torch', 'antlr4'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@needs_sympy
def test_a_batch_with_nothing_undecided_starts_no_worker() -> None:
    with SympyFallback() as pool:
        out = pool.verify_batch([r"\boxed{2}", r"\boxed{3}"], ["2", "2"])
        assert out.tolist() == [True, False]
        assert pool.worker_pids == []


@needs_sympy
def test_sympy_settles_what_the_core_leaves_unknown(fallback: SympyFallback) -> None:
    responses = [r for r, _, _ in UNDECIDED] + [r"\boxed{2}", r"\boxed{3}"]
    answers = [a for _, a, _ in UNDECIDED] + ["2", "2"]
    expected = [right for _, _, right in UNDECIDED] + [True, False]
    unknown = {i for i, (r, a) in enumerate(zip(responses, answers, strict=True))
               if relift.grade(r, a).decision == "unknown"}  # fmt: skip
    assert unknown, "no item reached sympy: pick pairs the Rust core cannot decide"
    out, outcomes = fallback.verify_batch_with_outcomes(responses, answers, threads=1)
    assert out.dtype == np.bool_ and out.tolist() == expected
    assert set(outcomes) == unknown  # only the unknown items went to sympy
    assert all(o.status in ("equal", "not_equal") for o in outcomes.values())


@needs_sympy
def test_a_slow_item_is_killed_at_the_timeout_and_the_pool_keeps_serving() -> None:
    with SympyFallback(timeout=1.0) as pool:
        pool.start()
        (old_pid,) = pool.worker_pids
        start = time.monotonic()
        (outcome,) = pool.settle([SLOW])
        elapsed = time.monotonic() - start
        assert (outcome.equal, outcome.status) == (False, "timeout")
        assert 1.0 <= elapsed < 1.0 + 2.0, elapsed
        assert pool.worker_pids != [old_pid]  # killed and replaced
        with pytest.raises(ProcessLookupError):
            os.kill(old_pid, 0)
        # The same through verify_batch: the core says "value too large", sympy runs out of time.
        start = time.monotonic()
        assert pool.verify_batch([rf"\boxed{{{SLOW[0]}}}"], [SLOW[1]]).tolist() == [False]
        assert time.monotonic() - start < 1.0 + 5.0  # the replacement's start-up, then 1 s
        assert pool.verify_batch([UNDECIDED[0][0]], [UNDECIDED[0][1]]).tolist() == [True]


@needs_sympy
def test_sympy_errors_and_parse_failures_count_as_not_equal(fallback: SympyFallback) -> None:
    outcomes = fallback.settle([(r"\frac{", "1"), ("1 < 2", "1"), ("2", "2")])
    assert [(o.equal, o.status) for o in outcomes] == [
        (False, "unparsed"),
        (False, "error"),  # sympy raises a TypeError on True - 1
        (True, "equal"),
    ]
    assert "TypeError" in outcomes[1].detail


@needs_sympy
def test_a_worker_that_dies_mid_item_costs_that_item_only() -> None:
    with SympyFallback(timeout=60.0) as pool:
        (pid,) = pool.start().worker_pids
        threading.Timer(0.5, os.kill, args=(pid, signal.SIGKILL)).start()
        (outcome,) = pool.settle([SLOW])
        assert (outcome.equal, outcome.status) == (False, "crashed")
        assert pool.settle([("x = 3", "3")])[0].equal


@needs_sympy
def test_settled_answers_follow_the_cores_conventions(fallback: SympyFallback) -> None:
    pairs = [
        (r"\binom{n}{2}", r"\frac{n(n-1)}{2}", True),  # n(n-1) is a product, not a call
        ("C(10,3)", "120", True),
        ("y = 2x+1", "2x - y + 1 = 0", True),  # equations up to a constant factor
        ("y = 2x+1", "y = 2x+2", False),
        (r"\{1, 2\}", r"\{2, 1\}", True),
        ("(1, 2)", "(2, 1)", False),
        (r"\frac{\sqrt{2}}{2}", "0.7071", True),  # a decimal reference accepts the rounded value
        (r"\frac{\sqrt{2}}{2}", "0.7072", False),
        ("1011", "1011_2", True),  # a base subscript labels the digits
        ("54", "204_5", False),
        (r"\log 100", "2", True),  # \log is base 10, as in the core
        ("e^{i\\pi}", "-1", True),
    ]
    outcomes = fallback.settle([(a, b) for a, b, _ in pairs])
    assert [o.equal for o in outcomes] == [right for _, _, right in pairs], outcomes


def test_bad_arguments_raise_clear_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidInputError, match="workers"):
        SympyFallback(workers=0)
    with pytest.raises(InvalidInputError, match="timeout"):
        SympyFallback(timeout=-1)
    with pytest.raises(InvalidInputError, match="memory_mb"):
        SympyFallback(memory_mb=-5)
    with pytest.raises(InvalidInputError, match="same length"):
        sympy_fallback.verify_batch(["1"], ["1", "2"])
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        sympy_fallback.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "antlr4" else real_find_spec(name, *a),
    )
    with pytest.raises(MissingDependencyError, match=r"antlr4.*relift\[sympy\]"):
        SympyFallback()


@needs_sympy
def test_a_closed_pool_refuses_work() -> None:
    pool = SympyFallback()
    pool.close()
    with pytest.raises(InvalidInputError, match="closed"):
        pool.settle([("1", "1")])


@needs_sympy
def test_the_one_call_function_matches_the_pool() -> None:
    responses = [UNDECIDED[0][0], UNDECIDED[1][0], r"\boxed{2}"]
    answers = [UNDECIDED[0][1], UNDECIDED[1][1], "2"]
    out = sympy_fallback.verify_batch_with_sympy(responses, answers, timeout=30.0)
    assert out.tolist() == [True, False, True]


@needs_sympy
def test_the_bench_runs_and_reports_the_corpus() -> None:
    bench = Path(__file__).resolve().parent.parent / "benches" / "sympy_fallback.py"
    out = subprocess.run(
        [sys.executable, str(bench)], check=True, timeout=300, capture_output=True, text=True
    ).stdout
    assert "| all | 1770 |" in out and "| dev |" in out and "| test |" in out
    assert "pool start-up" in out and "per item in sympy, median" in out
