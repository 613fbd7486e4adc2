"""The corpus's record types (``Pair``, ``Raw``, ``Case``) and the ``T``/``F`` shorthands the
tables are written with.
"""

from __future__ import annotations

import json
from typing import NamedTuple


class Pair(NamedTuple):
    """A final answer as the model writes it, the reference, and the label."""

    resp: str
    ref: str
    equal: bool
    note: str = ""


class Raw(NamedTuple):
    """A hand-written ending of a response (appended verbatim after generated reasoning)."""

    tail: str
    ref: str
    equal: bool
    note: str = ""


class Case(NamedTuple):
    """One line of the corpus."""

    response: str
    answer: str
    equal: bool
    category: str
    note: str

    def to_json(self) -> str:
        obj: dict[str, object] = {
            "response": self.response,
            "answer": self.answer,
            "equal": self.equal,
            "category": self.category,
        }
        if self.note:
            obj["note"] = self.note
        return json.dumps(obj, ensure_ascii=False)


def T(resp: str, ref: str, note: str = "") -> Pair:
    """An equal pair."""
    return Pair(resp, ref, True, note)


def F(resp: str, ref: str, note: str = "") -> Pair:
    """A not-equal pair."""
    return Pair(resp, ref, False, note)
