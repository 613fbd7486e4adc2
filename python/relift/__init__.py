"""relift: ReLIFT (RL with verifiable rewards interleaved with online fine-tuning on the hardest
questions), with a Rust core for fast batched answer verification."""

from __future__ import annotations

from relift._core import (
    Verdict,
    __version__,
    grade,
    verify,
    verify_batch,
)
from relift.errors import InputFormatError, InternalError, InvalidInputError, ReliftError

__all__ = [
    "InputFormatError",
    "InternalError",
    "InvalidInputError",
    "ReliftError",
    "Verdict",
    "__version__",
    "grade",
    "verify",
    "verify_batch",
]
