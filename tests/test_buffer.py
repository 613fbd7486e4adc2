"""HardQuestionBuffer: behaviour, checkpoints, the sequential specification, threads."""

from __future__ import annotations

import pickle
import random
import struct
import sys
import threading
import zlib
from collections import namedtuple
from typing import Any

import numpy as np
import pytest
import relift
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from relift import reference
from relift.errors import InvalidInputError

Entry = tuple[int, int, bytes | None]


def ids(entries: list[Entry]) -> list[int]:
    return [e[0] for e in entries]


def test_newest_first_is_the_reference_behaviour() -> None:
    buf = relift.HardQuestionBuffer()
    assert (buf.capacity, buf.order, buf.dedup) == (None, "newest_first", False)
    for q in range(5):
        assert buf.push(q, step=q * 10, payload=f"demo {q}".encode())
    assert buf.take(6) == []  # all or nothing
    assert len(buf) == 5
    assert buf.take(3) == [(4, 40, b"demo 4"), (3, 30, b"demo 3"), (2, 20, b"demo 2")]
    buf.push(9, 90)
    assert buf.entries() == [(9, 90, None), (1, 10, b"demo 1"), (0, 0, b"demo 0")]
    assert buf.stats() == {"pushed": 6, "taken": 3, "dropped": 0, "rejected": 0, "held": 3}


def test_fifo_takes_the_oldest() -> None:
    buf = relift.HardQuestionBuffer(order="fifo")
    assert buf.push_many([(1, 0, None), (2, 0, None), (3, 1, b"")]) == 3
    assert ids(buf.take(2)) == [1, 2]
    buf.push(4, 2)
    assert ids(buf.take(2)) == [3, 4]
    assert buf.take(1) == [] and len(buf) == 0


def test_capacity_drops_the_oldest_and_counts_it() -> None:
    for order in ("newest_first", "fifo"):
        buf = relift.HardQuestionBuffer(capacity=3, order=order)
        buf.push_many([(q, 0, None) for q in range(5)])
        assert sorted(ids(buf.entries())) == [2, 3, 4]
        assert buf.stats()["dropped"] == 2
        assert len(buf) == 3


def test_dedup_rejects_held_questions_only() -> None:
    buf = relift.HardQuestionBuffer(dedup=True)
    assert buf.push(1, 0)
    assert not buf.push(1, 5, b"again")
    assert buf.push_many([(2, 1, None), (1, 1, None), (2, 1, None), (3, 1, None)]) == 2
    assert ids(buf.take(3)) == [3, 2, 1]
    assert buf.push(1, 9), "a question that was taken may come back"
    assert buf.stats()["rejected"] == 3


def test_take_edge_cases() -> None:
    buf = relift.HardQuestionBuffer()
    assert buf.take(0) == []
    buf.push(1, 1)
    assert buf.take(0) == []
    assert len(buf) == 1
    with pytest.raises(InvalidInputError, match="n must be >= 0"):
        buf.take(-1)


def test_take_returns_the_pushed_tuples_themselves() -> None:
    buf = relift.HardQuestionBuffer(order="fifo")
    entries = [(i, 7, bytes([i])) for i in range(4)]
    buf.push_many(entries)
    out = buf.take(4)
    assert all(a is b for a, b in zip(out, entries, strict=False))


def test_push_many_accepts_iterables_and_normalises_entries() -> None:
    Row = namedtuple("Row", "question_id step payload")
    buf = relift.HardQuestionBuffer(order="fifo")
    assert buf.push_many(iter([(1, 2, None)])) == 1
    assert buf.push_many(((3, 4, b"x"),)) == 1
    assert buf.push_many([Row(5, 6, b"y"), (np.int64(7), True, None)]) == 2
    out = buf.take(4)
    assert out == [(1, 2, None), (3, 4, b"x"), (5, 6, b"y"), (7, 1, None)]
    assert type(out[2]) is tuple and type(out[3][0]) is int and type(out[3][1]) is int
    assert buf.push_many([]) == 0


@pytest.mark.parametrize(
    ("item", "match"),
    [
        ([1, 2, None], "must be a"),
        ((1, 2), "must be a"),
        (("q", 2, None), "question_id"),
        ((1, 2.5, None), "step"),
        ((1, 2, "text"), "payload"),
        ((2**63, 0, None), "question_id"),
    ],
)
def test_push_many_bad_items_name_the_index(item: Any, match: str) -> None:
    buf = relift.HardQuestionBuffer()
    with pytest.raises(TypeError, match=rf"entries\[1\].*{match}|entries\[1\] {match}"):
        buf.push_many([(0, 0, None), item])
    assert len(buf) == 0, "a bad batch pushes nothing"


def test_push_argument_errors() -> None:
    buf = relift.HardQuestionBuffer()
    with pytest.raises(TypeError):
        buf.push(1, 2, "not bytes")  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        buf.push(2**64, 0)
    assert buf.push(-(2**63), 2**63 - 1)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"capacity": 0}, "capacity"), ({"capacity": -3}, "capacity"), ({"order": "lifo"}, "order")],
)
def test_bad_settings(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        relift.HardQuestionBuffer(**kwargs)


def test_repr() -> None:
    buf = relift.HardQuestionBuffer(capacity=4, order="fifo", dedup=True)
    buf.push(1, 1)
    assert repr(buf) == "HardQuestionBuffer(len=1, capacity=4, order='fifo', dedup=True)"


# ---- the array path -----------------------------------------------------------------------------


def arrays(got: Any) -> tuple[list[int], list[int]]:
    """``take_arrays``' answer as lists, checking that it is two fresh int64 arrays."""
    assert got is not None
    ids, steps = got
    for a in (ids, steps):
        assert isinstance(a, np.ndarray) and a.dtype == np.int64 and a.ndim == 1
        assert a.flags.writeable and a.flags.c_contiguous
    assert len(ids) == len(steps)
    return ids.tolist(), steps.tolist()


@pytest.mark.parametrize("order", ["newest_first", "fifo"])
def test_push_arrays_and_take_arrays(order: str) -> None:
    buf = relift.HardQuestionBuffer(order=order)  # type: ignore[arg-type]
    assert buf.push_arrays(np.array([1, 2, 3], dtype=np.int64), 7) == 3
    assert buf.push_arrays(np.array([4, 5]), np.array([8, 9])) == 2
    assert buf.take_arrays(6) is None and len(buf) == 5, "all or nothing"
    if order == "newest_first":
        assert arrays(buf.take_arrays(3)) == ([5, 4, 3], [9, 8, 7])
        assert buf.entries() == [(2, 7, None), (1, 7, None)]
    else:
        assert arrays(buf.take_arrays(3)) == ([1, 2, 3], [7, 7, 7])
        assert buf.entries() == [(4, 8, None), (5, 9, None)]
    assert arrays(buf.take_arrays(0)) == ([], [])
    assert buf.stats() == {"pushed": 5, "taken": 3, "dropped": 0, "rejected": 0, "held": 2}
    with pytest.raises(InvalidInputError, match="n must be >= 0"):
        buf.take_arrays(-1)


def test_arrays_and_tuples_mix() -> None:
    buf = relift.HardQuestionBuffer(order="fifo")
    buf.push_many([(1, 10, b"demo 1"), (2, 20, None)])
    buf.push_arrays(np.array([3, 4]), 30)
    buf.push(5, 50, b"demo 5")
    # take_arrays takes tuple-pushed entries too and drops their payloads ...
    assert arrays(buf.take_arrays(1)) == ([1], [10])
    # ... and take gives array-pushed entries as (question_id, step, None) tuples.
    assert buf.take(3) == [(2, 20, None), (3, 30, None), (4, 30, None)]
    assert buf.take(1) == [(5, 50, b"demo 5")]


def test_push_arrays_copies_its_input() -> None:
    buf = relift.HardQuestionBuffer(order="fifo")
    ids = np.arange(4, dtype=np.int64)
    steps = np.full(4, 2, dtype=np.int64)
    buf.push_arrays(ids, steps)
    ids[:] = -1
    steps[:] = -1
    got = buf.take_arrays(4)
    assert arrays(got) == ([0, 1, 2, 3], [2, 2, 2, 2])
    assert got is not None and not np.shares_memory(got[0], ids)


@pytest.mark.parametrize(
    ("question_ids", "steps"),
    [
        (np.arange(10, dtype=np.int64)[::2], 3),  # strided: copied
        (np.arange(0, 10, 2, dtype=np.int32), np.int64(3)),  # other widths: converted
        ([0, 2, 4, 6, 8], np.full(5, 3, dtype=np.int16)),
        (np.array([0, 2, 4, 6, 8], dtype=np.uint64), np.array(3)),
        (range(0, 10, 2), [3, 3, 3, 3, 3]),
    ],
)
def test_push_arrays_accepts_integer_array_likes(question_ids: Any, steps: Any) -> None:
    buf = relift.HardQuestionBuffer(order="fifo")
    assert buf.push_arrays(question_ids, steps) == 5
    assert buf.entries() == [(q, 3, None) for q in (0, 2, 4, 6, 8)]


@pytest.mark.parametrize(
    ("question_ids", "steps", "match"),
    [
        (np.arange(3), np.arange(2), "3 question_ids but 2 steps"),
        (np.arange(3), [1, 2, 3, 4], "3 question_ids but 4 steps"),
        (np.array([1.0, 2.0]), 0, "question_ids must be integers, got dtype float64"),
        (np.array([True]), 0, "question_ids must be integers"),
        (np.zeros((2, 2), dtype=np.int64), 0, "question_ids must be a 1-D integer array"),
        (np.array([2**63], dtype=np.uint64), 0, "signed 64-bit range"),
        ([2**64], 0, "question_ids must be integers"),
        (np.arange(2), np.array([0.5, 1.5]), "steps .* must be integers"),
        (np.arange(2), 2.5, "steps .*1-D"),
        (np.arange(2), "x", "steps"),
    ],
)
def test_push_arrays_bad_inputs(question_ids: Any, steps: Any, match: str) -> None:
    buf = relift.HardQuestionBuffer()
    with pytest.raises(InvalidInputError, match=match):
        buf.push_arrays(question_ids, steps)
    assert len(buf) == 0 and buf.stats()["pushed"] == 0, "a bad batch pushes nothing"


def test_push_arrays_step_out_of_range() -> None:
    buf = relift.HardQuestionBuffer()
    with pytest.raises(OverflowError):
        buf.push_arrays(np.arange(2), 2**63)
    assert buf.push_arrays(np.array([-(2**63), 2**63 - 1]), -(2**63)) == 2
    assert arrays(buf.take_arrays(2)) == ([2**63 - 1, -(2**63)], [-(2**63)] * 2)
    assert buf.push_arrays(np.array([], dtype=np.int64), 0) == 0
    assert buf.push_arrays([], []) == 0


@pytest.mark.parametrize("order", ["newest_first", "fifo"])
@pytest.mark.parametrize(("capacity", "dedup"), [(None, False), (50_000, False), (None, True)])
def test_large_arrays_agree_with_tuples(order: str, capacity: int | None, dedup: bool) -> None:
    """Inputs large enough to release the GIL give what the tuple path gives."""
    rng = np.random.default_rng(0)
    arr = relift.HardQuestionBuffer(capacity, order, dedup)  # type: ignore[arg-type]
    tup = relift.HardQuestionBuffer(capacity, order, dedup)  # type: ignore[arg-type]
    for k in range(3):
        ids = rng.integers(0, 60_000, size=40_000)
        steps = rng.integers(-5, 5, size=40_000) if k % 2 else k
        step_list = steps.tolist() if isinstance(steps, np.ndarray) else [steps] * len(ids)
        as_tuples = [(q, s, None) for q, s in zip(ids.tolist(), step_list, strict=True)]
        assert arr.push_arrays(ids, steps) == tup.push_many(as_tuples)
        got, want = arr.take_arrays(20_000), tup.take(20_000)
        assert arrays(got) == ([e[0] for e in want], [e[1] for e in want])
    assert arr.entries() == tup.entries()
    assert arr.stats() == tup.stats()


# ---- checkpoints -------------------------------------------------------------------------------


def filled(capacity: int | None = 8, order: str = "newest_first", dedup: bool = True) -> Any:
    buf = relift.HardQuestionBuffer(capacity=capacity, order=order, dedup=dedup)  # type: ignore[arg-type]
    buf.push_many([(q, q // 3, bytes(range(q % 7)) or None) for q in range(12)])
    buf.push(5, 100, b"\x00" * 10_000)
    buf.push(5, 101)  # rejected if dedup
    buf.take(2)
    return buf


@pytest.mark.parametrize("order", ["newest_first", "fifo"])
@pytest.mark.parametrize("capacity", [None, 8])
@pytest.mark.parametrize("dedup", [False, True])
def test_snapshot_round_trip(order: str, capacity: int | None, dedup: bool) -> None:
    buf = filled(capacity, order, dedup)
    snap = buf.snapshot()
    assert isinstance(snap, bytes)
    assert int.from_bytes(snap[-4:], "little") == zlib.crc32(snap[:-4])
    back = relift.HardQuestionBuffer.restore(snap)
    assert (back.capacity, back.order, back.dedup) == (capacity, order, dedup)
    assert back.entries() == buf.entries()
    assert back.stats() == buf.stats()
    assert back.snapshot() == snap
    # The restored buffer behaves identically from here on.
    for b in (buf, back):
        b.push(99, 1)
    assert back.take(3) == buf.take(3)
    assert back.stats() == buf.stats()


def encode_v1(buf: Any) -> bytes:
    """An independent encoder of snapshot format version 1 (see rust/buffer/snapshot.rs), from a
    buffer's public state: what relift wrote before the array path existed."""
    held = buf.entries()
    if buf.order == "newest_first":
        held.reverse()  # stored oldest first
    s = buf.stats()
    head = b"RLFTHQB" + bytes([1]) + bytes(8)
    head += bytes([buf.order == "fifo", buf.dedup, buf.capacity is not None])
    head += struct.pack(
        "<Q5Q", buf.capacity or 0, s["pushed"], s["taken"], s["dropped"], s["rejected"], len(held)
    )
    body = b"".join(
        struct.pack("<qqB", q, step, p is not None)
        + (b"" if p is None else struct.pack("<Q", len(p)) + p)
        for q, step, p in held
    )
    out = bytearray(head + body)
    out[8:16] = struct.pack("<Q", len(out) + 4)
    return bytes(out) + struct.pack("<I", zlib.crc32(out))


@pytest.mark.parametrize("order", ["newest_first", "fifo"])
@pytest.mark.parametrize("capacity", [None, 8])
@pytest.mark.parametrize("dedup", [False, True])
def test_snapshot_round_trip_with_arrays(order: str, capacity: int | None, dedup: bool) -> None:
    """Array-pushed entries checkpoint like tuple-pushed ones without payload: the format is
    unchanged (version 1), so old snapshots restore and new ones are readable as before."""
    buf = filled(capacity, order, dedup)
    buf.push_arrays(np.array([20, 21, 22, 5]), 200)
    buf.push_arrays(np.arange(30, 33), np.array([7, 8, 9]))
    buf.take_arrays(1)
    snap = buf.snapshot()
    assert snap == encode_v1(buf)
    back = relift.HardQuestionBuffer.restore(snap)
    assert back.entries() == buf.entries() and back.stats() == buf.stats()
    assert back.snapshot() == snap
    # The same state reached through tuples only has the same bytes.
    twin = filled(capacity, order, dedup)
    twin.push_many([(q, 200, None) for q in (20, 21, 22, 5)])
    twin.push_many([(30, 7, None), (31, 8, None), (32, 9, None)])
    twin.take(1)
    assert twin.snapshot() == snap
    for b in (buf, back):
        b.push_arrays(np.array([99]), 1)
    assert arrays(back.take_arrays(4)) == arrays(buf.take_arrays(4))
    assert back.take(len(back)) == buf.take(len(buf))


def test_old_snapshots_restore() -> None:
    """A version-1 snapshot written by an independent encoder restores."""
    buf = filled()
    back = relift.HardQuestionBuffer.restore(encode_v1(buf))
    assert back.entries() == buf.entries() and back.stats() == buf.stats()


def test_pickle_round_trip() -> None:
    buf = filled()
    back = pickle.loads(pickle.dumps(buf))
    assert back.entries() == buf.entries() and back.stats() == buf.stats()
    empty = pickle.loads(pickle.dumps(relift.HardQuestionBuffer()))
    assert len(empty) == 0


def test_corrupt_snapshots_raise_clear_errors() -> None:
    snap = filled().snapshot()
    restore = relift.HardQuestionBuffer.restore
    with pytest.raises(InvalidInputError, match="magic"):
        restore(b"not a snapshot at all")
    with pytest.raises(InvalidInputError, match="magic"):
        restore(b"")
    for cut in (len(snap) - 1, len(snap) // 2, 30):
        with pytest.raises(InvalidInputError, match="truncated"):
            restore(snap[:cut])
    with pytest.raises(InvalidInputError, match="trailing"):
        restore(snap + b"\x00")
    rng = random.Random(0)
    for _ in range(50):
        bad = bytearray(snap)
        i = rng.randrange(16, len(bad))
        bad[i] ^= 1 << rng.randrange(8)
        with pytest.raises(InvalidInputError, match="checksum"):
            restore(bytes(bad))
    version = bytearray(snap)
    version[7] = 99
    with pytest.raises(InvalidInputError, match="version"):
        restore(bytes(version))
    with pytest.raises(TypeError):
        restore("text")  # type: ignore[arg-type]


# ---- the sequential specification (hypothesis) --------------------------------------------------

question_ids = st.integers(0, 6) | st.integers(-(2**63), 2**63 - 1)
payloads = st.none() | st.binary(max_size=8)
entry_strategy = st.tuples(question_ids, st.integers(-3, 3), payloads)


class BufferMachine(RuleBasedStateMachine):
    """Random operation sequences give the same results as reference.ReferenceHardQuestionBuffer."""

    real: Any
    tuples: Any
    model: reference.ReferenceHardQuestionBuffer

    @initialize(
        capacity=st.none() | st.integers(1, 6),
        order=st.sampled_from(["newest_first", "fifo"]),
        dedup=st.booleans(),
    )
    def start(self, capacity: int | None, order: str, dedup: bool) -> None:
        self.real = relift.HardQuestionBuffer(capacity, order, dedup)  # type: ignore[arg-type]
        self.model = reference.ReferenceHardQuestionBuffer(capacity, order, dedup)
        # The same operations through tuples only: the array path must agree with it.
        self.tuples = relift.HardQuestionBuffer(capacity, order, dedup)  # type: ignore[arg-type]

    @rule(entry=entry_strategy)
    def push(self, entry: Entry) -> None:
        assert self.real.push(*entry) == self.model.push(*entry) == self.tuples.push(*entry)

    @rule(entries=st.lists(entry_strategy, max_size=9))
    def push_many(self, entries: list[Entry]) -> None:
        got = self.real.push_many(entries)
        assert got == self.model.push_many(entries) == self.tuples.push_many(entries)

    @rule(ids=st.lists(question_ids, max_size=9), data=st.data())
    def push_arrays(self, ids: list[int], data: st.DataObject) -> None:
        steps: int | list[int] = data.draw(
            st.integers(-3, 3) | st.lists(st.integers(-3, 3), min_size=len(ids), max_size=len(ids))
        )
        question_array = np.array(ids, dtype=np.int64)
        if data.draw(st.booleans()):
            question_array = np.repeat(question_array, 2)[::2]  # a strided view
        step_arg: Any = steps
        if isinstance(steps, list):
            step_arg = np.array(steps, dtype=data.draw(st.sampled_from([np.int64, np.int32])))
        got = self.real.push_arrays(question_array, step_arg)
        step_list = steps if isinstance(steps, list) else [steps] * len(ids)
        as_tuples = [(q, s, None) for q, s in zip(ids, step_list, strict=True)]
        assert got == self.model.push_arrays(ids, steps) == self.tuples.push_many(as_tuples)

    @rule(n=st.integers(0, 9))
    def take(self, n: int) -> None:
        assert self.real.take(n) == self.model.take(n) == self.tuples.take(n)

    @rule(n=st.integers(0, 9))
    def take_arrays(self, n: int) -> None:
        got = self.real.take_arrays(n)
        want = self.model.take_arrays(n)
        as_tuples = self.tuples.take(n)
        if want is None:
            assert got is None and as_tuples == []
        else:
            assert arrays(got) == want == ([e[0] for e in as_tuples], [e[1] for e in as_tuples])

    @rule()
    def checkpoint(self) -> None:
        self.real = relift.HardQuestionBuffer.restore(self.real.snapshot())

    @invariant()
    def same_state(self) -> None:
        if hasattr(self, "real"):
            assert len(self.real) == len(self.model) == len(self.tuples)
            assert self.real.stats() == self.model.stats() == self.tuples.stats()
            assert self.real.entries() == self.model.entries() == self.tuples.entries()


TestBufferMachine = BufferMachine.TestCase
TestBufferMachine.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)


# ---- threads -----------------------------------------------------------------------------------


@pytest.fixture
def fast_switching() -> Any:
    """Make the interpreter switch threads very often, to interleave calls as much as possible."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("order", ["newest_first", "fifo"])
@pytest.mark.parametrize("capacity", [None, 40])
def test_threads_push_and_take(order: str, capacity: int | None, fast_switching: Any) -> None:
    """Several threads push and take at once: nothing lost, nothing duplicated, counts add up."""
    buf = relift.HardQuestionBuffer(capacity=capacity, order=order)  # type: ignore[arg-type]
    threads, per_thread = 4, 6_000
    taken: list[list[Entry]] = [[] for _ in range(threads)]
    start = threading.Barrier(threads)

    def work(t: int) -> None:
        rng = random.Random(t)
        start.wait()
        i = 0
        while i < per_thread:
            q = t * per_thread + i
            if rng.random() < 0.3:
                batch = [(q + k, t, None) for k in range(min(5, per_thread - i))]
                buf.push_many(batch)
                i += len(batch)
            else:
                buf.push(q, t, q.to_bytes(8, "little"))
                i += 1
            if rng.random() < 0.2:
                taken[t].extend(buf.take(rng.randrange(1, 12)))

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=100)
        assert not w.is_alive(), "a worker hung"
    rest = buf.take(len(buf))
    everything = [e for part in taken for e in part] + rest
    seen = ids(everything)
    assert len(seen) == len(set(seen)), "an entry came out twice"
    assert set(seen) <= set(range(threads * per_thread))
    for q, step, payload in everything:
        assert step == q // per_thread
        assert payload is None or payload == q.to_bytes(8, "little")
    stats = buf.stats()
    assert stats["pushed"] == threads * per_thread
    assert stats["taken"] == len(everything)
    assert stats["pushed"] == stats["taken"] + stats["dropped"]
    assert stats["held"] == 0 and len(buf) == 0
    if capacity is None:
        assert stats["dropped"] == 0 and len(seen) == threads * per_thread


@pytest.mark.timeout(120)
def test_threads_with_dedup_never_hold_a_duplicate(fast_switching: Any) -> None:
    buf = relift.HardQuestionBuffer(order="fifo", dedup=True)
    attempts = [0] * 3
    errors: list[str] = []

    def work(t: int) -> None:
        rng = random.Random(t)
        for _ in range(8_000):
            buf.push(rng.randrange(40), t)
            attempts[t] += 1
            if rng.random() < 0.2:
                buf.take(3)
            if rng.random() < 0.01:
                held = ids(buf.entries())
                if len(held) != len(set(held)):
                    errors.append(f"duplicate held: {held}")

    workers = [threading.Thread(target=work, args=(t,)) for t in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=100)
        assert not w.is_alive()
    assert not errors
    stats = buf.stats()
    assert stats["pushed"] + stats["rejected"] == sum(attempts)
    assert stats["pushed"] - stats["taken"] == len(buf) <= 40


@pytest.mark.timeout(120)
@pytest.mark.parametrize("order", ["newest_first", "fifo"])
@pytest.mark.parametrize("capacity", [None, 3_000])
def test_threads_push_and_take_arrays(
    order: str, capacity: int | None, fast_switching: Any
) -> None:
    """Threads push and take arrays (some large enough to release the GIL) mixed with tuples:
    nothing lost, nothing duplicated, each take in order, counts add up."""
    buf = relift.HardQuestionBuffer(capacity=capacity, order=order)  # type: ignore[arg-type]
    threads, per_thread = 4, 60_000
    taken: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(threads)]
    start = threading.Barrier(threads)

    def work(t: int) -> None:
        rng = random.Random(t)
        start.wait()
        i = 0
        while i < per_thread:
            q = t * per_thread + i
            r = rng.random()
            k = min(per_thread - i, 20_000 if r < 0.02 else rng.randrange(1, 200))
            ids = np.arange(q, q + k, dtype=np.int64)
            if r < 0.5:
                buf.push_arrays(ids, t)
            elif r < 0.8:
                buf.push_arrays(ids, np.full(k, t))
            else:
                buf.push_many([(x, t, b"p") for x in ids.tolist()])
            i += k
            got = buf.take_arrays(17_000 if rng.random() < 0.02 else rng.randrange(1, 300))
            if got is not None:
                taken[t].append(got)

    workers = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=100)
        assert not w.is_alive(), "a worker hung"
    rest = buf.take_arrays(len(buf))
    assert rest is not None
    batches = [got for part in taken for got in part]
    for ids, steps in batches:
        assert (steps == ids // per_thread).all()
        for t in range(threads):
            mine = ids[steps == t]
            ordered = np.diff(mine) > 0 if order == "fifo" else np.diff(mine) < 0
            assert ordered.all(), "out of order within a take"
    everything = np.concatenate([ids for ids, _ in batches] + [rest[0]])
    assert len(np.unique(everything)) == len(everything), "an entry came out twice"
    stats = buf.stats()
    assert stats["pushed"] == threads * per_thread
    assert stats["taken"] == len(everything)
    assert stats["pushed"] == stats["taken"] + stats["dropped"]
    assert stats["held"] == 0 and len(buf) == 0
    if capacity is None:
        assert stats["dropped"] == 0
