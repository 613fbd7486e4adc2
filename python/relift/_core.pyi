"""Type stubs of the compiled Rust core ``relift._core``: the API reference of the Rust functions.

Options accepted by every verifier function (keyword-only):

- ``think``: ``None``/``"ignore"`` grades the whole response; ``"after"`` grades only the text after
  the first ``</think>`` and counts a response without one as wrong (the ReLIFT reference).
- ``require_boxed``: a response without a complete ``\\boxed{}`` is wrong.
- ``extract_fallback``: how far answer extraction falls back when there is no box:
  ``"boxed"`` (no fallback), ``"answer_is"``, ``"math_span"``, ``"last_number"`` (default).
- ``float_tolerance``: relative tolerance when the two values are not both exact (default 1e-9).
- ``rounding``: ``"reference"`` (default): a decimal reference such as ``0.33`` accepts a
  non-decimal response such as ``\\frac13`` rounded to its places; ``"exact"``: never round.
- ``percent``: ``"either"`` (default): ``50\\%`` equals ``50`` and ``0.5``;
  ``"strict"``: only ``0.5``.
- ``work_budget``: work units one item may spend before it counts as undecided (default 200000).
"""

from collections.abc import Sequence
from typing import Literal, final

import numpy as np
import numpy.typing as npt

__all__ = [
    "Verdict",
    "__version__",
    "grade",
    "verify",
    "verify_batch",
]

__version__: str

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
    rounding: Literal["reference", "exact"] = ...,
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
    rounding: Literal["reference", "exact"] = ...,
    percent: Literal["either", "strict"] = ...,
    work_budget: int = ...,
) -> Verdict:
    """Like ``verify`` but returns the whole ``Verdict`` for debugging."""

def verify_batch(
    responses: Sequence[str],
    answers: Sequence[str],
    *,
    threads: int | None = None,
    think: _Think = ...,
    require_boxed: bool = ...,
    extract_fallback: _Fallback = ...,
    float_tolerance: float = ...,
    rounding: Literal["reference", "exact"] = ...,
    percent: Literal["either", "strict"] = ...,
    work_budget: int = ...,
) -> npt.NDArray[np.bool_]:
    """Verify ``responses[i]`` against ``answers[i]`` for all i, in parallel with the GIL released.

    Copies the inputs, parses each distinct answer once, and returns a bool array.
    ``threads=None`` uses all cores.
    """

# ---- group advantages ---------------------------------------------------------------------------
