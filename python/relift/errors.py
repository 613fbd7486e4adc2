"""relift's exception hierarchy. The Rust core maps its one error enum onto these classes."""

from __future__ import annotations

__all__ = ["InputFormatError", "InternalError", "InvalidInputError", "ReliftError"]


class ReliftError(Exception):
    """Base class of every error relift raises on purpose."""


class InvalidInputError(ReliftError, ValueError):
    """An argument or option is unusable; the message names it and says what is expected."""


class InputFormatError(ReliftError, ValueError):
    """A record in an input file is malformed; the message names the file, line and field."""


class InternalError(ReliftError, RuntimeError):
    """A bug in relift (for example a caught Rust panic). Please report it with the input."""
