"""Hard-question buffer: push+take throughput of relift.HardQuestionBuffer vs a collections.deque
guarded by a threading.Lock vs queue.LifoQueue, with 1 and 2 threads, measured in one run.

What is measured: a *cycle* pushes 128 prepared entries ``(question_id, step, payload)`` (payload
one shared 64-byte bytes object) and then takes 128 entries (newest first, the ReLIFT order),
which is what a trainer does with M = 128. Throughput = entries moved (pushed and then taken) per
second of wall time, summed over threads; each thread runs its own cycles on the one shared
buffer. Reported as the median of several repeats.

Two ways to call each buffer:
- per entry: one call per pushed entry (``push``; ``put`` for the Queue), then one ``take(128)``
  (the Queue has no batch get: 128 ``get_nowait`` calls);
- batched: one ``push_many`` of the 128 entries (``deque.extend`` under the lock), one take.

The deque + Lock contender is a minimal class with the same push / push_many / all-or-nothing take
API, *without* capacity, dedup or statistics (so it does less work than relift); the Queue's take
is not all-or-nothing. Before timing, relift is checked against relift.reference on a random
operation sequence, and every contender is checked to lose and duplicate nothing under 2 threads.

    python benches/buffer_bench.py            # full table (about a minute)
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
from typing import Any

import relift
from relift import reference

Entry = tuple[int, int, bytes | None]
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
            pop = self._items.pop
            return [pop() for _ in range(n)]

    def __len__(self) -> int:
        return len(self._items)


class LifoQueue:
    """queue.LifoQueue with the same method names; take is n separate gets (not atomic)."""

    def __init__(self) -> None:
        self._q: queue.LifoQueue[Entry] = queue.LifoQueue()

    def push(self, question_id: int, step: int, payload: bytes | None = None) -> bool:
        self._q.put((question_id, step, payload))
        return True

    def take(self, n: int) -> list[Entry]:
        get = self._q.get_nowait
        return [get() for _ in range(n)]

    def __len__(self) -> int:
        return self._q.qsize()


def cycle_per_entry(buf: Any, batch: list[Entry]) -> int:
    push = buf.push
    for q, s, p in batch:
        push(q, s, p)
    return len(buf.take(len(batch)))


def cycle_batched(buf: Any, batch: list[Entry]) -> int:
    buf.push_many(batch)
    return len(buf.take(len(batch)))


def run(
    make: Callable[[], Any],
    cycle: Callable[[Any, list[Entry]], int],
    threads: int,
    cycles: int,
    collect: bool = False,
) -> tuple[float, list[Entry]]:
    """Entries moved per second, and (if collect) every entry taken."""
    buf = make()
    batches = [
        [(t * 10**9 + c * BATCH + i, c, PAYLOAD) for i in range(BATCH)]
        for t in range(threads)
        for c in range(cycles if collect else 1)
    ]
    taken: list[Entry] = []
    moved = [0] * threads
    start = threading.Barrier(threads + 1)

    def work(t: int) -> None:
        start.wait()
        n = 0
        for c in range(cycles):
            if collect:
                got = _take_into(buf, batches[t * cycles + c], cycle)
                taken.extend(got)
                n += len(got)
            else:
                n += cycle(buf, batches[t])
        moved[t] = n

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    start.wait()
    t0 = time.perf_counter()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - t0
    assert sum(moved) == threads * cycles * BATCH, "a take came back short"
    assert len(buf) == 0
    return sum(moved) / elapsed, taken


def _take_into(
    buf: Any, batch: list[Entry], cycle: Callable[[Any, list[Entry]], int]
) -> list[Entry]:
    """One cycle that returns the taken entries (for the correctness check)."""
    if cycle is cycle_batched:
        buf.push_many(batch)
    else:
        for q, s, p in batch:
            buf.push(q, s, p)
    out: list[Entry] = buf.take(len(batch))
    return out


def check_against_reference() -> None:
    rng = random.Random(0)
    for capacity, order, dedup in [(None, "newest_first", False), (5, "fifo", True)]:
        real = relift.HardQuestionBuffer(capacity, order, dedup)  # type: ignore[arg-type]
        model = reference.ReferenceHardQuestionBuffer(capacity, order, dedup)
        for _ in range(3000):
            op = rng.random()
            if op < 0.4:
                e = (rng.randrange(20), rng.randrange(5), rng.choice([None, b"p"]))
                assert real.push(*e) == model.push(*e)
            elif op < 0.6:
                es = [(rng.randrange(20), 0, None) for _ in range(rng.randrange(6))]
                assert real.push_many(es) == model.push_many(es)
            else:
                n = rng.randrange(6)
                assert real.take(n) == model.take(n)
            assert real.stats() == model.stats() and real.entries() == model.entries()


def check_nothing_lost(make: Callable[[], Any], cycle: Callable[[Any, list[Entry]], int]) -> None:
    _, taken = run(make, cycle, threads=2, cycles=50, collect=True)
    ids = [e[0] for e in taken]
    assert len(ids) == len(set(ids)) == 2 * 50 * BATCH, "lost or duplicated entries"


CONTENDERS: list[tuple[str, str, Callable[[], Any], Callable[[Any, list[Entry]], int]]] = [
    ("relift", "batched", relift.HardQuestionBuffer, cycle_batched),
    ("relift", "per entry", relift.HardQuestionBuffer, cycle_per_entry),
    ("deque + Lock", "batched", LockedDeque, cycle_batched),
    ("deque + Lock", "per entry", LockedDeque, cycle_per_entry),
    ("queue.LifoQueue", "per entry", LifoQueue, cycle_per_entry),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke test: short, one repeat")
    parser.add_argument("--repeat", type=int, default=None, help="timed repeats (median)")
    args = parser.parse_args(argv)
    cycles = 60 if args.quick else 1500
    repeat = args.repeat or (1 if args.quick else 7)

    check_against_reference()
    for _, _, make, cycle in CONTENDERS:
        check_nothing_lost(make, cycle)

    print(
        f"# buffer push+take throughput, cycles of {BATCH} pushes + take({BATCH}); "
        f"{cycles} cycles per thread, median of {repeat}; python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs"
    )
    print()
    print("| buffer | calls | 1 thread (M entries/s) | 2 threads (M entries/s) |")
    print("|---|---|---:|---:|")
    results: dict[tuple[str, str, int], float] = {}
    for threads in (1, 2):
        samples: dict[tuple[str, str], list[float]] = {(n, m): [] for n, m, _, _ in CONTENDERS}
        for _ in range(repeat):  # interleave the contenders
            for name, mode, make, cycle in CONTENDERS:
                samples[(name, mode)].append(run(make, cycle, threads, cycles)[0])
        for key, values in samples.items():
            results[(*key, threads)] = statistics.median(values)
    for name, mode, _, _ in CONTENDERS:
        one, two = results[(name, mode, 1)], results[(name, mode, 2)]
        print(f"| {name} | {mode} | {one / 1e6:.2f} | {two / 1e6:.2f} |")
    print()
    for threads in (1, 2):
        best_entry = max(
            results[("deque + Lock", "per entry", threads)],
            results[("queue.LifoQueue", "per entry", threads)],
        )
        batched = results[("relift", "batched", threads)]
        per_entry = results[("relift", "per entry", threads)]
        deque_batched = results[("deque + Lock", "batched", threads)]
        print(
            f"{threads} thread(s): relift batched / better per-entry baseline = "
            f"{batched / best_entry:.1f}x; relift per entry / better per-entry baseline = "
            f"{per_entry / best_entry:.1f}x; relift batched / deque + Lock batched = "
            f"{batched / deque_batched:.1f}x"
        )
    print()
    print("correctness: relift matched the reference; no contender lost or duplicated an entry")
    return 0


if __name__ == "__main__":
    sys.exit(main())
