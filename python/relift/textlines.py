"""Reading a text file a line at a time as bytes, numbered as an editor numbers them, so that
each caller decodes each line on its own and can name the line that is not UTF-8 (a whole-file
decode fails with no line number and loses every line after it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

__all__ = ["numbered_byte_lines"]


def numbered_byte_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(1-based number, raw bytes without the line break) of every line of ``path``. A lone
    ``\\r`` also ends a line, as text mode's universal newlines have it."""
    with path.open("rb") as fh:
        number = 0
        for chunk in fh:  # a chunk ends at b"\n"
            for raw in chunk.splitlines():
                number += 1
                yield number, raw
