"""relift: ReLIFT (RL with verifiable rewards interleaved with online fine-tuning on the hardest
questions), with a Rust core for fast batched answer verification."""

from __future__ import annotations

from relift._core import (
    GroupStats,
    HardQuestionBuffer,
    Verdict,
    __version__,
    grade,
    group_advantages,
    group_stats,
    verify,
    verify_batch,
)
from relift.errors import InputFormatError, InternalError, InvalidInputError, ReliftError

__all__ = [
    "GroupStats",
    "HardQuestionBuffer",
    "InputFormatError",
    "InternalError",
    "InvalidInputError",
    "ReliftError",
    "Verdict",
    "__version__",
    "grade",
    "group_advantages",
    "group_stats",
    "verify",
    "verify_batch",
]
