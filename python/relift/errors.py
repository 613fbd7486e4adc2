"""relift's exception hierarchy. The Rust core maps its one error enum onto these classes."""

from __future__ import annotations

__all__ = [
    "CheckpointError",
    "ConfigError",
    "InputFormatError",
    "InternalError",
    "InvalidInputError",
    "MissingDependencyError",
    "ReliftError",
]


class ReliftError(Exception):
    """Base class of every error relift raises on purpose."""


class InvalidInputError(ReliftError, ValueError):
    """An argument or option is unusable; the message names it and says what is expected."""


class InputFormatError(ReliftError, ValueError):
    """A record in an input file is malformed; the message names the file, line and field."""


class InternalError(ReliftError, RuntimeError):
    """A bug in relift (for example a caught Rust panic). Please report it with the input."""


class ConfigError(InvalidInputError):
    """The configuration is unusable; the message lists each problem with its source and key."""


class CheckpointError(ReliftError):
    """A checkpoint is missing, incomplete, corrupt, or does not fit the model or optimizers it
    is loaded into; the message names the file. (Also raised when a save cannot proceed.)"""


class MissingDependencyError(ReliftError, ImportError):
    """An optional feature was asked for but the package it needs is not installed."""
