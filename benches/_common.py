"""Shared helpers for the verifier benches (``verify_accuracy.py`` and ``verify_speed.py``).

* loading the labelled corpus ``tests/data/verify_cases.jsonl``;
* calling Math-Verify (PyPI ``math-verify``) the way its README recommends, either in-process or in
  a killable worker process with a hard wall-clock limit and a memory cap;
* importing relift when it is built;
* small formatting helpers (markdown tables, medians).

Not a script; imported by the benches, which put this directory first on ``sys.path``.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import multiprocessing as mp
import os
import platform
import statistics
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import ModuleType
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
CASES_PATH = REPO_ROOT / "tests" / "data" / "verify_cases.jsonl"


@dataclass(frozen=True)
class Case:
    """One labelled (response, reference) pair of the corpus."""

    index: int
    response: str
    answer: str
    equal: bool
    category: str
    note: str


def load_cases(path: Path = CASES_PATH) -> list[Case]:
    """Read the JSONL corpus, keeping file order."""
    cases: list[Case] = []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            obj = json.loads(line)
            cases.append(
                Case(
                    index=i,
                    response=obj["response"],
                    answer=obj["answer"],
                    equal=bool(obj["equal"]),
                    category=obj["category"],
                    note=obj.get("note", ""),
                )
            )
    return cases


# ------------------------------------------------------------------------------------------------
# Math-Verify
# ------------------------------------------------------------------------------------------------


def math_verify_available() -> bool:
    return importlib.util.find_spec("math_verify") is not None


def math_verify_version() -> str:
    try:
        from importlib.metadata import version

        return version("math-verify")
    except Exception:
        return "unknown"


def mv_gold_text(answer: str) -> str:
    """Math-Verify only extracts LaTeX inside a math environment, so bare references get ``$..$``.

    References already written as ``$...$`` or ``\\boxed{...}`` are passed unchanged.
    """
    if "$" in answer or "\\boxed" in answer:
        return answer
    return f"${answer}$"


def mv_verify(response: str, answer: str) -> bool:
    """Math-Verify's README recipe: ``verify(parse(gold), parse(response))``, default configs.

    Runs in the calling thread (Math-Verify's timeouts use ``signal.alarm``, so this must be the
    main thread).  Any exception counts as "not equal".
    """
    from math_verify import parse, verify  # type: ignore[import-untyped, import-not-found, unused-ignore]

    try:
        gold = parse(mv_gold_text(answer))
        pred = parse(response)
        return bool(verify(gold, pred))
    except BaseException as exc:  # MV raises TimeoutException (a BaseException in some versions)
        if isinstance(exc, KeyboardInterrupt):
            raise
        return False


def mv_clear_caches() -> None:
    """Clear Math-Verify's small ``lru_cache``s so repeated timing runs start cold."""
    try:
        from math_verify import parser
    except ImportError:
        return
    for name in dir(parser):
        obj = getattr(parser, name)
        clear = getattr(obj, "cache_clear", None)
        if callable(clear):
            clear()


def _mv_worker(conn: Connection, mem_limit_bytes: int) -> None:
    """Worker loop: receive (response, answer), send back (result, status, seconds)."""
    import logging
    import resource

    if mem_limit_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (mem_limit_bytes, mem_limit_bytes))
    logging.disable(logging.CRITICAL)
    import math_verify  # noqa: F401  (import before the first timed call)

    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        response, answer = msg
        t0 = time.perf_counter()
        status = "ok"
        try:
            result = mv_verify(response, answer)
        except MemoryError:
            result, status = False, "memory"
        dt = time.perf_counter() - t0
        conn.send((result, status, dt))


@dataclass(frozen=True)
class MVResult:
    """Math-Verify's verdict on one case; ``status`` is ok / memory / killed / crashed."""

    equal: bool
    status: str
    seconds: float


class MathVerifyRunner:
    """Runs Math-Verify in a separate process so that a hang or a crash costs one case only.

    Math-Verify's own ``signal.alarm`` timeouts cannot interrupt a long C-level operation (a huge
    integer power, a catastrophic regex), so the parent also enforces ``hard_timeout_s`` and kills
    and restarts the worker when it is exceeded.  Every failure counts as "not equal".
    """

    def __init__(self, hard_timeout_s: float = 20.0, mem_limit_gib: float = 4.0) -> None:
        self.hard_timeout_s = hard_timeout_s
        self.mem_limit_bytes = int(mem_limit_gib * (1 << 30))
        self._ctx = mp.get_context("spawn")
        self._proc: Any | None = None
        self._conn: Connection | None = None

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_mv_worker, args=(child, self.mem_limit_bytes), daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join()
        if self._conn is not None:
            self._conn.close()
        self._proc, self._conn = None, None

    def verify(self, response: str, answer: str) -> MVResult:
        if self._proc is None:
            self._start()
        assert self._conn is not None
        t0 = time.perf_counter()
        try:
            self._conn.send((response, answer))
            if not self._conn.poll(self.hard_timeout_s):
                self._kill()
                return MVResult(False, "killed", time.perf_counter() - t0)
            result, status, dt = self._conn.recv()
            return MVResult(bool(result), str(status), float(dt))
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            self._kill()
            return MVResult(False, "crashed", time.perf_counter() - t0)

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        if self._proc is not None:
            self._proc.join(timeout=5)
        self._kill()

    def __enter__(self) -> MathVerifyRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ------------------------------------------------------------------------------------------------
# relift
# ------------------------------------------------------------------------------------------------


def import_relift() -> ModuleType | None:
    """Return the relift module if it is built and exposes the verifier, else None."""
    try:
        mod = importlib.import_module("relift")
    except ImportError:
        return None
    if not (hasattr(mod, "verify") and hasattr(mod, "verify_batch")):
        return None
    return mod


# ------------------------------------------------------------------------------------------------
# Formatting
# ------------------------------------------------------------------------------------------------


def machine_info() -> str:
    """One line describing the machine and the tool versions, for reproducible reports."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    return (
        f"{cpu}, {usable} usable cores, Python {platform.python_version()}, "
        f"math-verify {math_verify_version()}"
    )


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    """A GitHub-flavoured markdown table."""
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def pct(num: int, den: int) -> str:
    return f"{100.0 * num / den:.1f}%" if den else "-"
