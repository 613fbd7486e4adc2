"""An optional second opinion from sympy on the answers the Rust core cannot decide.

The Rust verifier answers "unknown" when it cannot decide within its work budget, or cannot
evaluate a side at its sample points (an identity such as ``\\sec^2 x - \\tan^2 x - 1`` against
``0``, where the values cancel inside the error bounds); plain ``verify_batch`` then gives
False. With the fallback, only those items go on to sympy, in worker processes with a hard time
limit, and an item sympy proves equal becomes True::

    from relift.sympy_fallback import SympyFallback

    with SympyFallback(workers=2, timeout=5.0) as fallback:   # reuse it across training steps
        rewards = fallback.verify_batch(responses, answers, think="after")

``verify_batch(..., sympy_fallback=True)`` does the same with a pool shared by the process, and
``verify_batch_with_sympy`` with a pool of its own for one call.

Design (``docs/sympy.md``): sympy never runs in the caller's process, and no signal is used. Each
worker is a fresh interpreter (``python -m relift._sympy_worker``, started with ``subprocess``:
fork+exec, so nothing of a threaded caller is copied, and unlike multiprocessing's "spawn" the
caller's ``__main__`` is not re-imported in it), speaking JSON lines over its pipes. An item that
runs past ``timeout`` seconds has its worker killed (SIGKILL from the parent) and replaced; it
counts as not equal, and the others go on. A sympy exception, a parse failure or a crashed worker
also count as not equal. Start-up (importing sympy, about a second) is not charged to any item.

This module imports only the standard library, numpy and the Rust core; sympy and the
``antlr4-python3-runtime`` 4.11 parser (``pip install 'relift[sympy]'``) are needed by the workers.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

# Imported by name from the extension (not `from relift import _core`), so that relift/__init__.py
# can re-export this module's verify / verify_batch without an import cycle.
from relift._core import MIN_ROUNDED_DIGITS, MIN_ROUNDED_PLACES
from relift._core import grade as _core_grade
from relift._core import verify as _core_verify
from relift._core import verify_batch as _core_verify_batch
from relift.errors import InternalError, InvalidInputError, MissingDependencyError

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "SympyFallback",
    "SympyOutcome",
    "verify",
    "verify_batch",
    "verify_batch_with_sympy",
]

DEFAULT_TIMEOUT_S = 5.0
DEFAULT_WORKERS = 1
DEFAULT_MEMORY_MB = 2048
STARTUP_TIMEOUT_S = 120.0
INSTALL_HINT = "pip install 'relift[sympy]' (sympy and antlr4-python3-runtime==4.11.*)"


@dataclass(frozen=True)
class SympyOutcome:
    """What sympy made of one item. ``status``: "equal", "not_equal", "unparsed" (a side did not
    parse), "error" (sympy raised), "timeout" (killed after ``timeout`` s) or "crashed"."""

    equal: bool
    status: str
    detail: str
    seconds: float


_Event = tuple["_Worker", dict[str, Any] | None]


class _Worker:
    """One worker process; a reader thread turns its stdout lines into events on ``inbox``."""

    def __init__(self, memory_mb: int, inbox: queue.Queue[_Event]) -> None:
        command = [sys.executable, "-m", "relift._sympy_worker"]
        if memory_mb > 0 and os.name == "posix":
            command += ["--memory-mb", str(memory_mb)]
        env = dict(os.environ)
        # The worker imports this very relift, even when the caller found it through sys.path.
        package_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.started_at = time.monotonic()
        self.ready = False
        self.item: int | None = None  # the index of the item it is working on
        self.sent_at = 0.0
        threading.Thread(target=self._read, args=(inbox,), daemon=True).start()

    def _read(self, inbox: queue.Queue[_Event]) -> None:
        stdout: IO[str] | None = self.process.stdout
        assert stdout is not None
        try:
            for line in stdout:
                inbox.put((self, json.loads(line)))
        except (ValueError, OSError):
            pass
        inbox.put((self, None))  # end of output: the process exited or was killed

    def send(self, index: int, request: dict[str, Any]) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(json.dumps(request) + "\n")
        stdin.flush()
        self.item, self.sent_at = index, time.monotonic()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self._close_pipes()

    def stop(self) -> None:
        """Close stdin (the worker's signal to exit); kill it if it does not within 2 s."""
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
            self.process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        self._close_pipes()

    def _close_pipes(self) -> None:
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass


class SympyFallback:
    """A pool of sympy worker processes, started on first use and reusable across calls.

    ``workers``: processes (each settles one item at a time). ``timeout``: seconds one item may
    take in a worker before the worker is killed and replaced. ``memory_mb``: address-space limit
    of each worker (POSIX; 0 for none), so that one item cannot exhaust the machine.
    """

    def __init__(
        self,
        *,
        workers: int = DEFAULT_WORKERS,
        timeout: float = DEFAULT_TIMEOUT_S,
        memory_mb: int = DEFAULT_MEMORY_MB,
        startup_timeout: float = STARTUP_TIMEOUT_S,
    ) -> None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise InvalidInputError(f"workers must be a positive integer, got {workers!r}")
        for name, value in (("timeout", timeout), ("startup_timeout", startup_timeout)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise InvalidInputError(
                    f"{name} must be a positive number of seconds, got {value!r}"
                )
        if isinstance(memory_mb, bool) or not isinstance(memory_mb, int) or memory_mb < 0:
            raise InvalidInputError(f"memory_mb must be an integer >= 0, got {memory_mb!r}")
        missing = [m for m in ("sympy", "antlr4") if importlib.util.find_spec(m) is None]
        if missing:
            raise MissingDependencyError(
                f"the sympy fallback needs {' and '.join(missing)}: {INSTALL_HINT}"
            )
        self.workers, self.timeout = workers, float(timeout)
        self.memory_mb, self.startup_timeout = memory_mb, float(startup_timeout)
        self._inbox: queue.Queue[_Event] = queue.Queue()
        self._pool: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False

    # ---- life cycle ----------------------------------------------------------------------------

    def __enter__(self) -> SympyFallback:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> SympyFallback:
        """Start the workers now and wait until they are ready (otherwise the first call that
        needs sympy does); returns self."""
        with self._lock:
            self._fill()
            self._run({}, deque())
        return self

    def close(self) -> None:
        """Stop every worker. The pool cannot be used afterwards."""
        with self._lock:
            self._closed = True
            for worker in self._pool:
                worker.stop()
            self._pool.clear()

    @property
    def worker_pids(self) -> list[int]:
        """The process ids of the current workers (for monitoring)."""
        return [w.process.pid for w in self._pool]

    # ---- settling items ------------------------------------------------------------------------

    def settle(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        float_tolerance: float = 1e-9,
        rounding: str = "precise",
    ) -> list[SympyOutcome]:
        """sympy's decision on each ``(answer, reference)`` pair of answer strings (already
        extracted from the response), in order."""
        requests = {
            i: {"id": i, "response": r, "gold": g, "float_tolerance": float_tolerance,
                "rounding": rounding, "min_places": MIN_ROUNDED_PLACES,
                "min_digits": MIN_ROUNDED_DIGITS}
            for i, (r, g) in enumerate(pairs)
        }  # fmt: skip
        with self._lock:
            if self._closed:
                raise InvalidInputError("this SympyFallback is closed")
            if not requests:
                return []
            self._fill()
            try:
                return self._run(requests, deque(requests))
            except BaseException:
                # Interrupted (Ctrl-C, a worker that would not start): a busy worker's late answer
                # must not be taken for a later call's item, so busy workers go.
                for worker in [w for w in self._pool if w.item is not None]:
                    self._pool.remove(worker)
                    worker.kill()
                raise

    def _fill(self) -> None:
        while len(self._pool) < self.workers:
            self._pool.append(_Worker(self.memory_mb, self._inbox))

    def _replace(self, worker: _Worker, *, kill: bool) -> None:
        if kill:
            worker.kill()
        self._pool.remove(worker)
        self._fill()

    def _run(self, requests: dict[int, dict[str, Any]], todo: deque[int]) -> list[SympyOutcome]:
        """Dispatch ``todo`` to ready workers until every request has an outcome (and, with no
        requests, until every worker is ready)."""
        results: dict[int, SympyOutcome] = {}
        # A replacement started after a timeout warms up in the background: not waited for.
        while len(results) < len(requests) or not (requests or all(w.ready for w in self._pool)):
            for worker in self._pool:
                if worker.ready and worker.item is None and todo:
                    index = todo.popleft()
                    try:
                        worker.send(index, requests[index])
                    except OSError:  # it died since it said it was ready; its EOF event follows
                        worker.item, worker.sent_at = index, time.monotonic()
            try:
                worker, message = self._inbox.get(timeout=self._wait_seconds())
            except queue.Empty:
                self._expire(results)
                continue
            if worker not in self._pool:
                continue  # a late event of a worker already killed
            if message is None:
                self._died(worker, results)
            elif "ready" in message:
                self._on_ready(worker, message)
            elif worker.item is not None and message.get("id") == worker.item:
                seconds = time.monotonic() - worker.sent_at
                results[worker.item] = SympyOutcome(
                    bool(message["equal"]), str(message["status"]), str(message["detail"]), seconds
                )
                worker.item = None
        return [results[i] for i in sorted(results)]

    def _wait_seconds(self) -> float:
        now = time.monotonic()
        deadlines = [
            w.sent_at + self.timeout if w.item is not None else w.started_at + self.startup_timeout
            for w in self._pool
            if w.item is not None or not w.ready
        ]
        return max(0.0, min(deadlines) - now) + 0.001 if deadlines else 1.0

    def _expire(self, results: dict[int, SympyOutcome]) -> None:
        now = time.monotonic()
        for worker in list(self._pool):
            if worker.item is not None and now >= worker.sent_at + self.timeout:
                results[worker.item] = SympyOutcome(
                    False, "timeout", f"killed after {self.timeout:g} s", now - worker.sent_at
                )
                self._replace(worker, kill=True)
            elif not worker.ready and now >= worker.started_at + self.startup_timeout:
                self._replace(worker, kill=True)
                raise InternalError(
                    f"a sympy worker did not start within {self.startup_timeout:g} s"
                )

    def _died(self, worker: _Worker, results: dict[int, SympyOutcome]) -> None:
        if not worker.ready:
            code = worker.process.wait()
            self._pool.remove(worker)
            raise InternalError(f"a sympy worker exited during start-up (exit code {code})")
        if worker.item is not None:
            seconds = time.monotonic() - worker.sent_at
            results[worker.item] = SympyOutcome(False, "crashed", "the worker died", seconds)
        self._replace(worker, kill=True)

    def _on_ready(self, worker: _Worker, message: dict[str, Any]) -> None:
        if message["ready"]:
            worker.ready = True
            return
        self._replace(worker, kill=True)
        raise MissingDependencyError(
            f"the sympy worker could not start: {message.get('error')}; {INSTALL_HINT}"
        )

    # ---- the verifier with the fallback --------------------------------------------------------

    def verify_batch(
        self, responses: Sequence[str], answers: Sequence[str], **options: Any
    ) -> npt.NDArray[np.bool_]:
        """``relift.verify_batch`` (same arguments and options), then sympy on the items the
        Rust core reported "unknown"; returns a new bool array."""
        return self.verify_batch_with_outcomes(responses, answers, **options)[0]

    def verify_batch_with_outcomes(
        self, responses: Sequence[str], answers: Sequence[str], **options: Any
    ) -> tuple[npt.NDArray[np.bool_], dict[int, SympyOutcome]]:
        """Like ``verify_batch``, and sympy's outcome for each index that reached it."""
        result = np.array(_core_verify_batch(responses, answers, **options), dtype=np.bool_)
        grade_options = {k: v for k, v in options.items() if k != "threads"}
        unknown: dict[tuple[str, str], list[int]] = {}
        for i in np.flatnonzero(~result).tolist():
            verdict = _core_grade(responses[i], answers[i], **grade_options)
            if verdict.decision == "unknown" and verdict.extracted is not None:
                unknown.setdefault((verdict.extracted, answers[i]), []).append(i)
        if not unknown:
            return result, {}
        outcomes = self.settle(
            list(unknown),
            float_tolerance=float(options.get("float_tolerance", 1e-9)),
            rounding=str(options.get("rounding", "precise")),
        )
        by_index: dict[int, SympyOutcome] = {}
        for indices, outcome in zip(unknown.values(), outcomes, strict=True):
            result[indices] = outcome.equal
            by_index.update(dict.fromkeys(indices, outcome))
        return result, by_index


# ------------------------------------------------------------------------------------------------
# Functions


def verify_batch_with_sympy(
    responses: Sequence[str],
    answers: Sequence[str],
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    workers: int = DEFAULT_WORKERS,
    **options: Any,
) -> npt.NDArray[np.bool_]:
    """One call with a pool of its own (started only if some item reaches sympy, closed after).
    A trainer should keep a ``SympyFallback`` instead, to start the workers once."""
    with SympyFallback(workers=workers, timeout=timeout) as fallback:
        return fallback.verify_batch(responses, answers, **options)


_shared: SympyFallback | None = None
_shared_lock = threading.Lock()


def _shared_fallback() -> SympyFallback:
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SympyFallback()
            atexit.register(_shared.close)
        return _shared


def verify_batch(
    responses: Sequence[str],
    answers: Sequence[str],
    *,
    sympy_fallback: bool = False,
    **options: Any,
) -> npt.NDArray[np.bool_]:
    """``relift.verify_batch`` with an opt-in fallback: ``sympy_fallback=False`` (the default) is
    exactly the Rust core's call and starts no process; True settles the Rust core's "unknown"
    items with sympy in a process-wide pool (one worker, ``DEFAULT_TIMEOUT_S`` per item)."""
    if not sympy_fallback:
        return _core_verify_batch(responses, answers, **options)
    return _shared_fallback().verify_batch(responses, answers, **options)


def verify(response: str, answer: str, *, sympy_fallback: bool = False, **options: Any) -> bool:
    """``relift.verify`` with the same opt-in fallback as ``verify_batch``."""
    if not sympy_fallback:
        return _core_verify(response, answer, **options)
    if not isinstance(response, str) or not isinstance(answer, str):
        raise InvalidInputError("response and answer must be str")
    return bool(_shared_fallback().verify_batch([response], [answer], **options)[0])
