"""Where rows come from: JSON lines and parquet files, or any iterable of row mappings, each row
numbered for error messages (the 1-based line of a JSON lines file, the 1-based row otherwise).

Files are read as bytes and decoded line by line (parquet: row by row), so a line that is not
valid UTF-8 or not valid JSON is one bad row, reported like any other, not the end of the load.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from relift.errors import InputFormatError, InvalidInputError
from relift.textlines import numbered_byte_lines

__all__ = ["BadRow", "RowSource", "iter_rows"]

RowSource = str | Path | Iterable[Mapping[str, Any]]


#: What to do about a row that is not UTF-8 (instead of the usual advice to skip bad rows).
_REENCODE = "re-encode the file as UTF-8, or set data.on_bad_row=skip to skip such rows"


class BadRow(Exception):
    """A problem with one field of one row; located by the loader. ``fix``: what to do about it,
    when that is more than skipping such rows."""

    def __init__(self, field_name: str, problem: str, fix: str | None = None) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field_name = field_name
        self.problem = problem
        self.fix = fix


def _detect_format(path: Path, fmt: str) -> Literal["jsonl", "parquet"]:
    """The file format: as configured, or from the extension."""
    if fmt == "jsonl":
        return "jsonl"
    if fmt == "parquet":
        return "parquet"
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".parquet":
        return "parquet"
    raise InvalidInputError(
        f"{path}: cannot tell the format from the extension {suffix!r}; "
        "use .jsonl or .parquet, or set data.format to 'jsonl' or 'parquet'"
    )


def _iter_jsonl(path: Path) -> Iterator[tuple[int, Any]]:
    """(1-based line number, parsed object or BadRow) for every non-blank line."""
    for number, raw in numbered_byte_lines(path):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, _not_utf8("<row>", exc, "of the line")
            continue
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, BadRow("<row>", f"not valid JSON: {exc.msg} at column {exc.colno}")


def _not_utf8(field_name: str, exc: UnicodeDecodeError, where: str) -> BadRow:
    """The bad row of an undecodable value; ``where`` places the byte (``"of the line"``)."""
    return BadRow(field_name, f"not UTF-8 (byte {exc.start + 1} {where})", _REENCODE)


def _iter_parquet(path: Path) -> Iterator[tuple[int, Any]]:
    """(1-based row number, row dict) for every row of a parquet file."""
    try:
        pq = importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise InvalidInputError(
            f"{path}: reading parquet needs pyarrow (pip install pyarrow)"
        ) from None
    try:
        batches = iter(pq.ParquetFile(path).iter_batches(batch_size=1024))
        number = 0
        while (batch := next(batches, None)) is not None:
            try:
                rows: list[Any] = batch.to_pylist()
            except UnicodeDecodeError:  # a string that is not UTF-8: find its row(s)
                rows = [_parquet_row(batch, i) for i in range(batch.num_rows)]
            for row in rows:
                number += 1
                yield number, row
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        if isinstance(exc, InputFormatError | InvalidInputError):
            raise
        raise InputFormatError(f"{path}: not a readable parquet file: {exc}") from None


def _parquet_row(batch: Any, index: int) -> Any:
    """Row ``index`` of a record batch as a dict, or the BadRow of its first non-UTF-8 column."""
    row = {}
    for name, column in zip(batch.schema.names, batch.columns, strict=True):
        try:
            row[name] = column[index].as_py()
        except UnicodeDecodeError as exc:
            return _not_utf8(name, exc, "of the value")
    return row


def iter_rows(source: RowSource, fmt: str) -> tuple[str, str, Iterator[tuple[int, Any]]]:
    """(name for messages, row label, iterator of numbered rows) of any supported source."""
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise InvalidInputError(f"{path}: no such data file")
        kind = _detect_format(path, fmt)
        rows = _iter_jsonl(path) if kind == "jsonl" else _iter_parquet(path)
        return str(path), ("line" if kind == "jsonl" else "row"), rows
    if isinstance(source, Mapping) or not isinstance(source, Iterable):
        raise InvalidInputError(
            "a data source must be a file path, a list of row dicts or a datasets.Dataset, "
            f"got {type(source).__name__}"
        )
    return f"<{type(source).__name__}>", "row", enumerate(source, start=1)
