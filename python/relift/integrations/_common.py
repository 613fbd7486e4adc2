"""What the integrations share: relift's verifier options, and gold answers as other tools hand
them over (strings, numbers from a parquet column, or nothing)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from relift._core import grade

__all__ = ["OPTION_NAMES", "answer_text", "gold_parses", "pick_options"]

#: The keyword options of ``relift.verify`` / ``verify_batch`` / ``grade`` (``_core.pyi``).
OPTION_NAMES = (
    "think",
    "require_boxed",
    "extract_fallback",
    "float_tolerance",
    "rounding",
    "percent",
    "work_budget",
)


def pick_options(given: Mapping[str, Any]) -> dict[str, Any]:
    """The verifier options among ``given`` that are set. ``None`` means "relift's default", so
    that the defaults live in one place (the Rust core); other keys are left out."""
    return {name: given[name] for name in OPTION_NAMES if given.get(name) is not None}


def answer_text(value: object, where: str) -> str | None:
    """A gold answer as relift reads it: a string as it is, a number as its decimal text (parquet
    columns often hold ints), ``None`` as missing. ``where`` names the argument in errors."""
    if value is None or isinstance(value, str):
        return value
    # bool is an int subclass, but True is no answer to a math question
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_
    ):
        return str(value)
    raise TypeError(f"{where} must be a string or a number, got {type(value).__name__}")


def gold_parses(answer: str) -> bool:
    """Can relift read ``answer`` as a reference answer? (Empty text or an unclosed brace, say,
    cannot be; such a question cannot be graded at all.)"""
    return grade("", answer).gold is not None
