"""Hard-question buffer: push+take throughput of relift.HardQuestionBuffer vs a collections.deque
guarded by a threading.Lock vs queue.LifoQueue, with 1 and 2 threads, measured in one run.

What is measured: a *cycle* pushes a batch of 128 prepared entries and then takes 128 entries
(newest first, the ReLIFT order), which is what a trainer does with M = 128. Throughput = entries
moved (pushed and then taken: 128 per cycle) per second of wall time, summed over threads; each
thread runs its own cycles on the one shared buffer, and every take must come back whole. Each
contender runs enough cycles for about 0.15 s per repeat (calibrated on one thread), and the
table shows the median of several repeats, the contenders interleaved.

Three ways to call each buffer, i.e. three forms of the inputs and outputs:
- per entry: one call per entry (``push(question_id, step, payload)``; ``put`` for the Queue),
  then one ``take(128)`` returning a list of tuples (the Queue: 128 ``get_nowait`` calls);
- batched: one ``push_many`` of 128 prepared ``(question_id, step, payload)`` tuples (payload one
  shared 64-byte bytes object; ``deque.extend`` under the lock), one ``take(128)``;
- arrays: the trainer's form, question ids as a 128-long int64 numpy array and one int step in,
  ``(question_ids, steps)`` as two int64 numpy arrays out, no payload. relift: ``push_arrays`` +
  ``take_arrays``. deque + Lock, in its best batched form: two deques (ids, steps) under one
  lock, ``extend(ids.tolist())`` and ``extend(repeat(step, 128))``, then 128 pops of each into a
  list (a C-level ``starmap`` loop) and back to numpy with ``np.fromiter``. The Queue: a ``put``
  of an ``(id, step)`` tuple per entry, 128 ``get_nowait``, back to numpy.
  One extra row that is no baseline of the issue: a plain list + Lock used as a stack (``extend``,
  then one slice and one ``del`` per take), the fastest pure-Python form we know for this
  newest-first pattern, shown so that the ratios are not read against a weak baseline only.

The deque + Lock contenders are minimal classes with the same all-or-nothing take API *without*
capacity, dedup or statistics (so they do less work than relift); the Queue's take is not
all-or-nothing. Before timing, relift (all three forms) is checked against relift.reference on a
random operation sequence, and every contender is checked to lose, duplicate and mislabel
nothing under 2 threads.

    python benches/buffer_bench.py            # full table (a minute or two)
    python benches/buffer_bench.py --quick    # smoke test
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import random
import statistics
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import repeat, starmap
from typing import Any

import numpy as np
import relift
from relift import reference

Entry = tuple[int, int, bytes | None]
Arrays = tuple[np.ndarray, np.ndarray]
BATCH = 128
PAYLOAD = bytes(64)


class LockedDeque:
    """A deque guarded by a lock, with relift's push / push_many / all-or-nothing take API."""

    def __init__(self) -> None:
        self._items: deque[Entry] = deque()
        self._lock = threading.Lock()

    def push(self, question_id: int, step: int, payload: bytes | None = None) -> bool:
        with self._lock:
            self._items.append((question_id, step, payload))
        return True

    def push_many(self, entries: Iterable[Entry]) -> int:
        with self._lock:
            before = len(self._items)
            self._items.extend(entries)
            return len(self._items) - before

    def take(self, n: int) -> list[Entry]:
        with self._lock:
            if len(self._items) < n:
                return []
            return list(starmap(self._items.pop, repeat((), n)))

    def __len__(self) -> int:
        return len(self._items)


class LockedDequeArrays:
    """Two deques (ids, steps) guarded by one lock, with relift's array API: the best batched
    form of deque + Lock for numpy input and output."""

    def __init__(self) -> None:
        self._ids: deque[int] = deque()
        self._steps: deque[int] = deque()
        self._lock = threading.Lock()

    def push_arrays(self, question_ids: np.ndarray, step: int) -> int:
        ids = question_ids.tolist()
        with self._lock:
            self._ids.extend(ids)
            self._steps.extend(repeat(step, len(ids)))
        return len(ids)

    def take_arrays(self, n: int) -> Arrays | None:
        with self._lock:
            if len(self._ids) < n:
                return None
            ids = list(starmap(self._ids.pop, repeat((), n)))
            steps = list(starmap(self._steps.pop, repeat((), n)))
        return np.fromiter(ids, np.int64, n), np.fromiter(steps, np.int64, n)

    def __len__(self) -> int:
        return len(self._ids)


class LockedListArrays:
    """Two lists used as stacks under one lock (extra contender, newest first only)."""

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._steps: list[int] = []
        self._lock = threading.Lock()

    def push_arrays(self, question_ids: np.ndarray, step: int) -> int:
        ids = question_ids.tolist()
        with self._lock:
            self._ids.extend(ids)
            self._steps.extend(repeat(step, len(ids)))
        return len(ids)

    def take_arrays(self, n: int) -> Arrays | None:
        with self._lock:
            if len(self._ids) < n:
                return None
            ids, steps = self._ids[-n:], self._steps[-n:]
            del self._ids[-n:], self._steps[-n:]
        return np.array(ids[::-1], dtype=np.int64), np.array(steps[::-1], dtype=np.int64)

    def __len__(self) -> int:
        return len(self._ids)


class LifoQueue:
    """queue.LifoQueue with relift's method names; a take is n separate gets (not atomic)."""

    def __init__(self) -> None:
        self._q: queue.LifoQueue[Any] = queue.LifoQueue()

    def push(self, question_id: int, step: int, payload: bytes | None = None) -> bool:
        self._q.put((question_id, step, payload))
        return True

    def take(self, n: int) -> list[Entry]:
        return list(starmap(self._q.get_nowait, repeat((), n)))

    def push_arrays(self, question_ids: np.ndarray, step: int) -> int:
        put = self._q.put
        ids = question_ids.tolist()
        for q in ids:
            put((q, step))
        return len(ids)

    def take_arrays(self, n: int) -> Arrays:
        got = list(starmap(self._q.get_nowait, repeat((), n)))
        ids = np.fromiter((e[0] for e in got), np.int64, n)
        return ids, np.fromiter((e[1] for e in got), np.int64, n)

    def __len__(self) -> int:
        return self._q.qsize()


# ---- cycles: push one batch, take as many; return how many came back -------------------------


def cycle_per_entry(buf: Any, batch: list[Entry], out: list[Any] | None) -> int:
    push = buf.push
    for q, s, p in batch:
        push(q, s, p)
    got = buf.take(len(batch))
    if out is not None:
        out.append(got)
    return len(got)


def cycle_batched(buf: Any, batch: list[Entry], out: list[Any] | None) -> int:
    buf.push_many(batch)
    got = buf.take(len(batch))
    if out is not None:
        out.append(got)
    return len(got)


def cycle_arrays(buf: Any, batch: tuple[np.ndarray, int], out: list[Any] | None) -> int:
    ids, step = batch
    buf.push_arrays(ids, step)
    got = buf.take_arrays(len(ids))
    if out is not None:
        out.append(got)
    return 0 if got is None else len(got[0])


def tuples_batch(first_id: int, step: int) -> list[Entry]:
    return [(first_id + i, step, PAYLOAD) for i in range(BATCH)]


def arrays_batch(first_id: int, step: int) -> tuple[np.ndarray, int]:
    return np.arange(first_id, first_id + BATCH, dtype=np.int64), step


def id_steps(got: Any) -> list[tuple[int, int]]:
    """(question_id, step) of every entry a cycle took, in either form."""
    if got is None:
        return []
    if isinstance(got, tuple):
        return list(zip(got[0].tolist(), got[1].tolist(), strict=True))
    return [(e[0], e[1]) for e in got]


@dataclass(frozen=True)
class Contender:
    name: str
    calls: str
    make: Callable[[], Any]
    cycle: Callable[[Any, Any, list[Any] | None], int]
    batch: Callable[[int, int], Any]
    baseline: bool = True  # a baseline of the issue (deque + Lock or the Queue)


CONTENDERS = [
    Contender("relift", "per entry", relift.HardQuestionBuffer, cycle_per_entry, tuples_batch),
    Contender("relift", "batched", relift.HardQuestionBuffer, cycle_batched, tuples_batch),
    Contender("relift", "arrays", relift.HardQuestionBuffer, cycle_arrays, arrays_batch),
    Contender("deque + Lock", "per entry", LockedDeque, cycle_per_entry, tuples_batch),
    Contender("deque + Lock", "batched", LockedDeque, cycle_batched, tuples_batch),
    Contender("deque + Lock", "arrays", LockedDequeArrays, cycle_arrays, arrays_batch),
    Contender("queue.LifoQueue", "per entry", LifoQueue, cycle_per_entry, tuples_batch),
    Contender("queue.LifoQueue", "arrays", LifoQueue, cycle_arrays, arrays_batch),
    Contender("list + Lock (extra)", "arrays", LockedListArrays, cycle_arrays, arrays_batch, False),
]
RELIFT = [c for c in CONTENDERS if c.name == "relift"]
BASELINES = [c for c in CONTENDERS if c.name != "relift"]


def run(c: Contender, threads: int, cycles: int, collect: bool = False) -> tuple[float, list[Any]]:
    """Entries moved per second, and (if collect) what every take returned."""
    buf = c.make()
    # Timed runs reuse one batch per thread; a collecting run gives every cycle its own ids,
    # with step = the cycle's number.
    batches = [
        [c.batch(t * 10**9 + k * BATCH, k) for k in range(cycles if collect else 1)]
        for t in range(threads)
    ]
    taken: list[list[Any]] = [[] for _ in range(threads)]
    moved = [0] * threads
    start = threading.Barrier(threads + 1)

    def work(t: int) -> None:
        mine, cycle = batches[t], c.cycle
        out = taken[t] if collect else None
        start.wait()
        n = 0
        for k in range(cycles):
            n += cycle(buf, mine[k if collect else 0], out)
        moved[t] = n

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    start.wait()
    t0 = time.perf_counter()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - t0
    assert sum(moved) == threads * cycles * BATCH, f"{c.name} {c.calls}: a take came back short"
    assert len(buf) == 0
    return sum(moved) / elapsed, [got for part in taken for got in part]


def check_against_reference() -> None:
    rng = random.Random(0)
    for capacity, order, dedup in [(None, "newest_first", False), (5, "fifo", True)]:
        real = relift.HardQuestionBuffer(capacity, order, dedup)  # type: ignore[arg-type]
        model = reference.ReferenceHardQuestionBuffer(capacity, order, dedup)
        for _ in range(3000):
            op = rng.random()
            if op < 0.3:
                e = (rng.randrange(20), rng.randrange(5), rng.choice([None, b"p"]))
                assert real.push(*e) == model.push(*e)
            elif op < 0.45:
                es = [(rng.randrange(20), 0, None) for _ in range(rng.randrange(6))]
                assert real.push_many(es) == model.push_many(es)
            elif op < 0.6:
                ids = [rng.randrange(20) for _ in range(rng.randrange(6))]
                step = rng.randrange(5)
                assert real.push_arrays(np.array(ids, dtype=np.int64), step) == model.push_arrays(
                    ids, step
                )
            elif op < 0.8:
                n = rng.randrange(6)
                assert real.take(n) == model.take(n)
            else:
                n = rng.randrange(6)
                got, want = real.take_arrays(n), model.take_arrays(n)
                assert (got is None and want is None) or (
                    got is not None and (got[0].tolist(), got[1].tolist()) == want
                )
            assert real.stats() == model.stats() and real.entries() == model.entries()


def check_nothing_lost(c: Contender) -> None:
    cycles = 50
    _, taken = run(c, threads=2, cycles=cycles, collect=True)
    pairs = [p for got in taken for p in id_steps(got)]
    ids = [q for q, _ in pairs]
    assert len(ids) == len(set(ids)) == 2 * cycles * BATCH, f"{c.name}: lost or duplicated"
    assert all(step == (q % 10**9) // BATCH for q, step in pairs), f"{c.name}: wrong step"


def calibrate(c: Contender, seconds: float) -> int:
    """Cycles for about `seconds` of one thread (at least 20)."""
    run(c, 1, 20)  # warm up
    rate = run(c, 1, 100)[0]
    return max(20, int(seconds * rate / BATCH))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke test: short, one repeat")
    parser.add_argument("--repeat", type=int, default=None, help="timed repeats (median)")
    args = parser.parse_args(argv)
    seconds = 0.01 if args.quick else 0.15
    repeat_n = args.repeat or (1 if args.quick else 7)

    check_against_reference()
    for c in CONTENDERS:
        check_nothing_lost(c)
    cycles = {c: calibrate(c, seconds) for c in CONTENDERS}

    print(
        f"# buffer push+take throughput, cycles of {BATCH} pushes + take({BATCH}); "
        f"about {seconds} s per run, median of {repeat_n}; python {platform.python_version()}, "
        f"numpy {np.__version__}, {os.cpu_count()} CPUs"
    )
    print()
    print("| buffer | calls | 1 thread (M entries/s) | 2 threads (M entries/s) |")
    print("|---|---|---:|---:|")
    results: dict[tuple[Contender, int], float] = {}
    for threads in (1, 2):
        samples: dict[Contender, list[float]] = {c: [] for c in CONTENDERS}
        for _ in range(repeat_n):  # interleave the contenders
            for c in CONTENDERS:
                samples[c].append(run(c, threads, cycles[c])[0])
        for c, values in samples.items():
            results[(c, threads)] = statistics.median(values)
    for c in CONTENDERS:
        one, two = results[(c, 1)], results[(c, 2)]
        print(f"| {c.name} | {c.calls} | {one / 1e6:.2f} | {two / 1e6:.2f} |")

    print()
    print("Ratios relift / contender, 1 thread / 2 threads:")
    print()
    print("| relift \\ contender | " + " | ".join(f"{b.name} {b.calls}" for b in BASELINES) + " |")
    print("|---|" + "---:|" * len(BASELINES))
    for r in RELIFT:
        cells = [
            f"{results[(r, 1)] / results[(b, 1)]:.1f}x / {results[(r, 2)] / results[(b, 2)]:.1f}x"
            for b in BASELINES
        ]
        print(f"| {r.calls} | " + " | ".join(cells) + " |")

    print()

    def best(threads: int, *calls: str) -> float:
        """The better baseline of the issue among these forms."""
        return max(results[(b, threads)] for b in BASELINES if b.calls in calls and b.baseline)

    for threads in (1, 2):
        per_entry, batched, arrays = (results[(r, threads)] for r in RELIFT)
        extra = results[(BASELINES[-1], threads)]
        any_form = best(threads, "arrays", "batched", "per entry")
        print(
            f"{threads} thread(s): relift arrays / better baseline with arrays in and out = "
            f"{arrays / best(threads, 'arrays'):.1f}x, / better baseline in any form = "
            f"{arrays / any_form:.1f}x, / list + Lock (extra) = "
            f"{arrays / extra:.1f}x; relift batched / better tuple baseline = "
            f"{batched / best(threads, 'batched', 'per entry'):.1f}x; relift per entry / better "
            f"per-entry baseline = {per_entry / best(threads, 'per entry'):.1f}x"
        )
    print()
    print(
        "correctness: relift (tuples and arrays) matched the reference; no contender lost, "
        "duplicated or mislabelled an entry"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
