"""Slow, obviously-correct Python twins of the Rust core, used only as test oracles.

Each function here is a direct transcription of the definition that the Rust version documents;
the property tests check that the two agree (advantages to 1e-6 relative; the buffer as a
sequential specification). Nothing in training calls this module.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "ReferenceGroupStats",
    "ReferenceHardQuestionBuffer",
    "group_advantages",
    "group_stats",
]

#: A buffer entry: (question_id, step, payload).
Entry = tuple[int, int, bytes | None]


def _groups(
    n: int, group_size: int | None, group_ids: Sequence[int] | None
) -> dict[int, list[int]]:
    """Group id -> indices of its members, groups in order of first appearance."""
    if (group_size is None) == (group_ids is None):
        raise ValueError("pass exactly one of group_size and group_ids")
    if group_size is not None:
        if group_size < 1 or n % group_size != 0:
            raise ValueError(f"{n} rewards do not split into groups of {group_size}")
        return {
            g: list(range(g * group_size, (g + 1) * group_size)) for g in range(n // group_size)
        }
    assert group_ids is not None
    if len(group_ids) != n:
        raise ValueError("group_ids and rewards differ in length")
    groups: dict[int, list[int]] = {}
    for i, gid in enumerate(group_ids):
        groups.setdefault(int(gid), []).append(i)
    return groups


def _check_finite(rewards: Sequence[float]) -> None:
    for i, r in enumerate(rewards):
        if math.isinf(r):
            raise ValueError(f"rewards[{i}] is {r}")


def group_advantages(
    rewards: Sequence[float],
    group_size: int | None = None,
    *,
    group_ids: Sequence[int] | None = None,
    baseline: str = "mean",
    scale: str = "none",
    eps: float = 1e-6,
) -> list[float]:
    """The definition of ``relift.group_advantages`` (see its docstring), one reward at a time."""
    if baseline not in ("mean", "loo") or scale not in ("none", "group", "batch"):
        raise ValueError("bad baseline or scale")
    _check_finite(rewards)
    n = len(rewards)
    advantages = [0.0] * n
    valid_total = 0
    for members in _groups(n, group_size, group_ids).values():
        valid = [i for i in members if not math.isnan(rewards[i])]
        valid_total += len(valid)
        values = [float(rewards[i]) for i in valid]
        if len(values) < 2 or all(v == values[0] for v in values):
            continue  # no comparison, or nothing to compare: advantage exactly 0
        mean = math.fsum(values) / len(values)
        std = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))
        for k, i in enumerate(valid):
            if baseline == "mean":
                base = mean
            else:
                others = values[:k] + values[k + 1 :]
                base = math.fsum(others) / len(others)
            centred = values[k] - base
            if scale == "group":
                # eps = 0 with a zero std: no signal, advantage 0 (never NaN).
                centred = centred / (std + eps) if std + eps != 0 else 0.0
            advantages[i] = centred
    if scale == "batch":
        # Sample std of the centred advantages over every valid reward (their mean is 0).
        sq = math.fsum(a * a for a in advantages)
        std_batch = math.sqrt(sq / (valid_total - 1)) if valid_total >= 2 else 0.0
        divisor = std_batch + eps
        advantages = [a / divisor if divisor != 0 else 0.0 for a in advantages]
    return advantages


@dataclass(frozen=True)
class ReferenceGroupStats:
    """The twin of ``relift.GroupStats``, with lists instead of arrays."""

    group_ids: list[int]
    mean: list[float]
    std: list[float]
    count: list[int]
    solve_none: list[bool]
    solve_all: list[bool]


def group_stats(
    rewards: Sequence[float],
    group_size: int | None = None,
    *,
    group_ids: Sequence[int] | None = None,
) -> ReferenceGroupStats:
    """The definition of ``relift.group_stats``."""
    _check_finite(rewards)
    out = ReferenceGroupStats([], [], [], [], [], [])
    for gid, members in _groups(len(rewards), group_size, group_ids).items():
        values = [float(rewards[i]) for i in members if not math.isnan(rewards[i])]
        k = len(values)
        if k == 0:
            mean = math.nan
        elif all(v == values[0] for v in values):
            mean = values[0]
        else:
            mean = math.fsum(values) / k
        std = (
            math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (k - 1)) if k >= 2 else math.nan
        )
        out.group_ids.append(gid)
        out.mean.append(mean)
        out.std.append(std)
        out.count.append(k)
        out.solve_none.append(k > 0 and all(v <= 0 for v in values))
        out.solve_all.append(k > 0 and all(v >= 1 for v in values))
    return out


class ReferenceHardQuestionBuffer:
    """The sequential specification of ``relift.HardQuestionBuffer``: a list, oldest first."""

    def __init__(
        self, capacity: int | None = None, order: str = "newest_first", dedup: bool = False
    ) -> None:
        if capacity is not None and capacity < 1:
            raise ValueError("capacity must be >= 1")
        if order not in ("newest_first", "fifo"):
            raise ValueError("order must be 'newest_first' or 'fifo'")
        self.capacity = capacity
        self.order = order
        self.dedup = dedup
        self._entries: list[Entry] = []
        self._stats = {"pushed": 0, "taken": 0, "dropped": 0, "rejected": 0}

    def push(self, question_id: int, step: int, payload: bytes | None = None) -> bool:
        if self.dedup and any(e[0] == question_id for e in self._entries):
            self._stats["rejected"] += 1
            return False
        if self.capacity is not None and len(self._entries) >= self.capacity:
            del self._entries[0]  # the oldest entry makes room
            self._stats["dropped"] += 1
        self._entries.append((question_id, step, payload))
        self._stats["pushed"] += 1
        return True

    def push_many(self, entries: Iterable[Entry]) -> int:
        return sum(self.push(q, s, p) for q, s, p in entries)

    def push_arrays(self, question_ids: Iterable[int], steps: int | Iterable[int]) -> int:
        """``push_many`` of ``(question_ids[i], steps[i], None)``; ``steps`` may be one int."""
        ids = [int(q) for q in question_ids]
        if isinstance(steps, int):
            step_list = [steps] * len(ids)
        else:
            step_list = [int(s) for s in steps]
            if len(step_list) != len(ids):
                raise ValueError(f"{len(ids)} question_ids but {len(step_list)} steps")
        return self.push_many((q, s, None) for q, s in zip(ids, step_list, strict=True))

    def take_arrays(self, n: int) -> tuple[list[int], list[int]] | None:
        """``take`` that returns ``(question_ids, steps)`` (payloads dropped), or None."""
        if n < 0:
            raise ValueError("n must be >= 0")
        if len(self._entries) < n:
            return None
        out = self.take(n)
        return [e[0] for e in out], [e[1] for e in out]

    def take(self, n: int) -> list[Entry]:
        if n < 0:
            raise ValueError("n must be >= 0")
        if n == 0 or len(self._entries) < n:
            return []
        if self.order == "newest_first":
            out = self._entries[len(self._entries) - n :][::-1]
            del self._entries[len(self._entries) - n :]
        else:
            out = self._entries[:n]
            del self._entries[:n]
        self._stats["taken"] += n
        return out

    def entries(self) -> list[Entry]:
        """The held entries in the order ``take`` would return them."""
        if self.order == "newest_first":
            return self._entries[::-1]
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def stats(self) -> dict[str, int]:
        return {**self._stats, "held": len(self._entries)}
