"""relift: ReLIFT (RL with verifiable rewards interleaved with online fine-tuning on the hardest
questions), with a Rust core for fast batched answer verification."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from relift._core import (
    GroupStats,
    HardQuestionBuffer,
    Verdict,
    __version__,
    grade,
    group_advantages,
    group_stats,
)
from relift.errors import InputFormatError, InternalError, InvalidInputError, ReliftError

# The Rust calls themselves unless `sympy_fallback=True` asks sympy about the undecided items.
from relift.sympy_fallback import verify, verify_batch

if TYPE_CHECKING:
    from relift.trainer import Trainer as Trainer
    from relift.trainer import TrainResult as TrainResult

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


def __getattr__(name: str) -> Any:
    """``relift.Trainer`` and ``relift.TrainResult``, imported on first use: they need torch and
    transformers (the ``train`` extra), which the base install does without."""
    if name in ("Trainer", "TrainResult"):
        from relift import trainer

        return getattr(trainer, name)
    raise AttributeError(f"module 'relift' has no attribute {name!r}")
