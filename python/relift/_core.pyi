"""Type stubs of the compiled Rust core ``relift._core``: the API reference of the Rust functions.

Options accepted by every verifier function (keyword-only):

- ``think``: ``None``/``"ignore"`` grades the whole response; ``"after"`` grades only the text after
  the first ``</think>`` and counts a response without one as wrong (the ReLIFT reference).
- ``require_boxed``: a response without a complete ``\\boxed{}`` is wrong.
- ``extract_fallback``: how far answer extraction falls back when there is no box:
  ``"boxed"`` (no fallback), ``"answer_is"``, ``"math_span"``, ``"last_number"`` (default).
- ``float_tolerance``: relative tolerance when the two values are not both exact (default 1e-9).
- ``rounding``: when a decimal reference accepts an exact response rounded to its places.
  ``"precise"`` (default): only when the reference has at least two decimal places or three
  significant digits, so ``0.33`` and ``33.3`` accept ``\\frac13`` and ``\\frac{100}{3}`` and
  ``0.3`` does not (a coarser reference cannot tell an exact answer from a near miss);
  ``"reference"``: at any number of places; ``"exact"``: never.
- ``percent``: ``"either"`` (default): ``50\\%`` equals ``50`` and ``0.5``;
  ``"strict"``: only ``0.5``.
- ``work_budget``: work units one item may spend before it counts as undecided (default 200000).
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, final

import numpy as np
import numpy.typing as npt

__all__ = [
    "MIN_APPROXIMATION_PLACES",
    "MIN_ROUNDED_DIGITS",
    "MIN_ROUNDED_PLACES",
    "GroupStats",
    "HardQuestionBuffer",
    "Verdict",
    "__version__",
    "extract_answer",
    "grade",
    "group_advantages",
    "group_stats",
    "verify",
    "verify_batch",
]

__version__: str
#: The default rounding rule: a decimal reference rounds an exact answer when it has this many
#: places, or this many significant digits.
MIN_ROUNDED_PLACES: int
MIN_ROUNDED_DIGITS: int
#: A decimal answer of at least this many places stands for the value it rounds.
MIN_APPROXIMATION_PLACES: int

_Think = Literal["after", "ignore"] | None
_Fallback = Literal["boxed", "answer_is", "math_span", "last_number"]

@final
class Verdict:
    """What ``grade`` found: the extracted answer, both parsed forms, the decision and why."""

    @property
    def correct(self) -> bool: ...
    @property
    def decision(self) -> Literal["equal", "not_equal", "unknown"]: ...
    @property
    def extracted(self) -> str | None: ...
    @property
    def extract_method(
        self,
    ) -> Literal["boxed", "answer_is", "math_span", "last_number", "none"]: ...
    @property
    def predicted(self) -> str | None: ...
    @property
    def gold(self) -> str | None: ...
    @property
    def reason(self) -> str: ...
    def __bool__(self) -> bool: ...

def verify(
    response: str,
    answer: str,
    *,
    think: _Think = ...,
    require_boxed: bool = ...,
    extract_fallback: _Fallback = ...,
    float_tolerance: float = ...,
    rounding: Literal["precise", "reference", "exact"] = ...,
    percent: Literal["either", "strict"] = ...,
    work_budget: int = ...,
) -> bool:
    """Is the final answer of ``response`` (a full model output) equal to ``answer``?"""

def grade(
    response: str,
    answer: str,
    *,
    think: _Think = ...,
    require_boxed: bool = ...,
    extract_fallback: _Fallback = ...,
    float_tolerance: float = ...,
    rounding: Literal["precise", "reference", "exact"] = ...,
    percent: Literal["either", "strict"] = ...,
    work_budget: int = ...,
) -> Verdict:
    """Like ``verify`` but returns the whole ``Verdict`` for debugging."""

def extract_answer(
    response: str,
    *,
    think: _Think = ...,
    require_boxed: bool = ...,
    extract_fallback: _Fallback = ...,
    float_tolerance: float = ...,
    rounding: Literal["precise", "reference", "exact"] = ...,
    percent: Literal["either", "strict"] = ...,
    work_budget: int = ...,
) -> tuple[str | None, Literal["boxed", "answer_is", "math_span", "last_number", "none"]]:
    """The final answer ``grade`` would take from ``response``, and how it was found, without
    grading it. Only the extraction options matter; the others are checked and ignored."""

def verify_batch(
    responses: Sequence[str],
    answers: Sequence[str],
    *,
    threads: int | None = None,
    think: _Think = ...,
    require_boxed: bool = ...,
    extract_fallback: _Fallback = ...,
    float_tolerance: float = ...,
    rounding: Literal["precise", "reference", "exact"] = ...,
    percent: Literal["either", "strict"] = ...,
    work_budget: int = ...,
) -> npt.NDArray[np.bool_]:
    """Verify ``responses[i]`` against ``answers[i]`` for all i, in parallel with the GIL released.

    Copies the inputs, parses each distinct answer once, and returns a bool array.
    ``threads=None`` uses all cores.
    """

# ---- group advantages ---------------------------------------------------------------------------

def group_advantages(
    rewards: npt.ArrayLike,
    group_size: int | None = None,
    *,
    group_ids: npt.ArrayLike | None = None,
    baseline: Literal["mean", "loo"] = "mean",
    scale: Literal["none", "group", "batch"] = "none",
    eps: float = 1e-06,
) -> npt.NDArray[np.floating[Any]]:
    """Group-relative advantages of a batch of rewards; returns a new array.

    ``rewards``: a 1-D float32 or float64 array, read in place (zero-copy) and answered in the same
    dtype; anything else (the bool array of ``verify_batch``, ints, a list) is converted to
    float64 first. The GIL is released for large inputs.

    Groups: either ``group_size`` (consecutive groups, e.g. the n rollouts of each prompt; the
    length must be a multiple of it) or ``group_ids`` (integer id per reward; any group sizes, any
    order, e.g. after filtering). Pass exactly one.

    Within a group, only valid (non-NaN) rewards take part; n is their number, mean their mean.

    - ``baseline="mean"`` (GRPO, Dr.GRPO): ``c_i = r_i - mean``.
    - ``baseline="loo"`` (RLOO): ``c_i = r_i - (mean of the other valid rewards)``, which equals
      ``n / (n - 1) * (r_i - mean)``.
    - ``scale="none"`` (Dr.GRPO, the ReLIFT reference): ``A_i = c_i``.
    - ``scale="group"`` (GRPO): ``A_i = c_i / (std + eps)``, std the *sample* (unbiased, n - 1)
      standard deviation of the group's valid rewards, as ``torch.std`` in GRPO implementations.
    - ``scale="batch"`` (REINFORCE++-style): ``A_i = c_i / (std_batch + eps)``, std_batch =
      ``sqrt(sum(c_j**2) / (N - 1))`` over all N valid rewards of the batch, i.e. the sample std of
      the centred advantages (their mean is 0); 0 when N < 2.

    Degenerate cases: a NaN reward (e.g. an unparseable reference answer) is left out of every
    baseline and std and gets advantage 0; a group with fewer than two valid rewards gets 0; a
    group whose valid rewards are all equal (all 0 or all 1 in particular) gets exactly 0 under
    every baseline and scale; with ``eps=0`` a zero std gives 0, never NaN. Infinite rewards raise
    ``InvalidInputError``.
    """

@final
class GroupStats:
    """Per-group statistics from ``group_stats``: read-only arrays, one entry per group, groups in
    order of first appearance."""

    @property
    def group_ids(self) -> npt.NDArray[np.int64]:
        """The group's id: its index for ``group_size``, else its id from ``group_ids``."""
    @property
    def mean(self) -> npt.NDArray[np.float64]:
        """Mean of the valid rewards; NaN for a group with none."""
    @property
    def std(self) -> npt.NDArray[np.float64]:
        """Sample std (n - 1) of the valid rewards; NaN for a group with fewer than two."""
    @property
    def count(self) -> npt.NDArray[np.int64]:
        """Number of valid (non-NaN) rewards."""
    @property
    def solve_none(self) -> npt.NDArray[np.bool_]:
        """At least one valid reward and none above 0: for 0/1 rewards, all wrong (ReLIFT's
        hardest questions, the ones to push into the ``HardQuestionBuffer``)."""
    @property
    def solve_all(self) -> npt.NDArray[np.bool_]:
        """At least one valid reward and all of them >= 1: for 0/1 rewards, all right."""
    @property
    def solve_none_rate(self) -> float:
        """Fraction of the groups with a valid reward that are ``solve_none`` (0.0 if none)."""
    @property
    def solve_all_rate(self) -> float:
        """Fraction of the groups with a valid reward that are ``solve_all`` (0.0 if none)."""
    def __len__(self) -> int:
        """The number of groups."""

def group_stats(
    rewards: npt.ArrayLike,
    group_size: int | None = None,
    *,
    group_ids: npt.ArrayLike | None = None,
) -> GroupStats:
    """Per-group mean, std, count, solve_none and solve_all of ``rewards``, grouped as in
    ``group_advantages``; the trainer uses it to find the hardest questions and to log the
    solve_none / solve_all rates."""

# ---- the hard-question buffer -------------------------------------------------------------------

_Entry = tuple[int, int, bytes | None]

@final
class HardQuestionBuffer:
    """A thread-safe, lock-free buffer of hardest questions waiting for an SFT step.

    Entries are ``(question_id, step, payload)`` tuples: ints in the signed 64-bit range and
    ``bytes`` or ``None``. ``take`` returns the very tuple objects that were pushed.

    Two ways in and out, for the same entries: tuples (``push`` / ``push_many`` / ``take``) and
    numpy arrays (``push_arrays`` / ``take_arrays``, several times faster per entry: no Python
    object per entry). They mix freely: an entry pushed as arrays is taken by ``take`` as a new
    ``(question_id, step, None)`` tuple, and ``take_arrays`` takes tuple-pushed entries too,
    dropping their payloads.

    - ``order="newest_first"`` (the ReLIFT reference): ``take(n)`` returns the n newest entries,
      newest first; leftovers wait. ``order="fifo"``: the n oldest, oldest first (fair).
    - ``capacity``: at most this many entries; pushing into a full buffer drops the *oldest* held
      entry (counted in ``stats()["dropped"]``). ``None``: unbounded.
    - ``dedup``: a push whose question_id is currently held is rejected (``push`` returns False,
      counted in ``stats()["rejected"]``); a taken question may be pushed again.

    Every method is atomic (linearizable) and safe to call from several threads at once: the state
    is one immutable snapshot swapped by compare-and-swap, with no lock on any path (see
    ``rust/buffer/mod.rs`` for the algorithm and its memory reclamation). Pickling goes through
    ``snapshot`` / ``restore``.
    """

    def __new__(
        cls,
        capacity: int | None = None,
        order: Literal["newest_first", "fifo"] = "newest_first",
        dedup: bool = False,
    ) -> HardQuestionBuffer: ...
    @property
    def capacity(self) -> int | None: ...
    @property
    def order(self) -> Literal["newest_first", "fifo"]: ...
    @property
    def dedup(self) -> bool: ...
    def push(self, question_id: int, step: int, payload: bytes | None = None) -> bool:
        """Add one entry; False if it was rejected as a duplicate (``dedup``)."""
    def push_many(self, entries: Iterable[_Entry]) -> int:
        """Add ``(question_id, step, payload)`` tuples in order, as one atomic step (exactly like
        ``push`` on each); returns how many were accepted."""
    def push_arrays(self, question_ids: npt.ArrayLike, steps: int | npt.ArrayLike) -> int:
        """The array form of ``push_many``: push the entries ``(question_ids[i], steps[i], None)``
        in order, as one atomic step with the same capacity, dedup and statistics semantics;
        returns how many were accepted.

        ``question_ids``: a 1-D int64 array, read in place (other integer arrays and sequences
        are converted first; floats, bools and values outside the signed 64-bit range raise
        ``InvalidInputError``). ``steps``: one int for every entry (e.g. the training step that
        found them all), or a 1-D integer array of the same length. The batch is copied into one
        allocation and stored as it is; the GIL is released around the push for large inputs.
        """
    def take(self, n: int) -> list[_Entry]:
        """All or nothing: remove and return n entries (by ``order``), or return ``[]`` and change
        nothing when fewer than n are held."""
    def take_arrays(self, n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
        """The array form of ``take``: remove n entries exactly as ``take(n)`` would (all or
        nothing, same order) and return ``(question_ids, steps)`` as two new int64 arrays, or
        ``None`` and change nothing when fewer than n are held (``n=0`` gives two empty arrays).

        Entries pushed with a payload are taken too; their payloads are dropped (not returned).
        The GIL is released for large n.
        """
    def entries(self) -> list[_Entry]:
        """A consistent copy of the held entries, in the order ``take`` would return them."""
    def __len__(self) -> int:
        """The number of entries held."""
    def stats(self) -> dict[str, int]:
        """Consistent counters: ``pushed`` (accepted), ``taken``, ``dropped`` (by capacity),
        ``rejected`` (duplicates) and ``held`` (= pushed - taken - dropped = ``len``)."""
    def snapshot(self) -> bytes:
        """Serialise settings, counters and entries (with a checksum) for a checkpoint."""
    @staticmethod
    def restore(data: bytes) -> HardQuestionBuffer:
        """Rebuild a buffer from ``snapshot()``: same settings, contents, order and counters.
        A truncated, corrupt or inconsistent snapshot raises ``InvalidInputError`` saying why."""
    def __reduce__(self) -> tuple[Callable[[bytes], HardQuestionBuffer], tuple[bytes]]: ...
