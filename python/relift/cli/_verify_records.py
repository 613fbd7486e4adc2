"""``relift-verify``'s input: JSONL or CSV records read as a stream, each turned into an
:class:`Item` holding its response and answer text or the reason it cannot be graded, and the
field paths (``reward_model.ground_truth``, ``out.choices.0.text``) that find those texts.

Input is read as bytes and decoded line by line, so a line that is not valid UTF-8 is one bad
record, reported like any other, and the lines after it are still read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, TextIO

__all__ = [
    "Field",
    "Input",
    "Item",
    "UsageError",
    "key_text",
    "position_of",
]


class UsageError(Exception):
    """A problem with the command line or the input as a whole: one message, exit status 2."""


# ---------------------------------------------------------------------------------------------
# Field paths


class FieldError(Exception):
    """A record lacks a field or the field has an unusable type."""


class Field:
    """A field option's value: the whole name (tried first, as a literal key) and its parts."""

    __slots__ = ("name", "option", "parts")

    def __init__(self, name: str, option: str) -> None:
        self.name = name
        self.option = option
        self.parts = tuple(name.split("."))


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _key_list(obj: dict[str, Any], limit: int = 8) -> str:
    keys = list(obj)
    if not keys:
        return "it has no keys"
    shown = ", ".join(keys[:limit]) + (", ..." if len(keys) > limit else "")
    return f"keys: {shown}"


def _resolve(record: dict[str, Any], field: Field) -> Any:
    """The value at ``field`` in ``record``; raises ``FieldError`` saying where the path breaks."""
    if field.name in record:
        return record[field.name]
    if len(field.parts) == 1:
        raise FieldError(
            f"missing field {field.name!r} ({_key_list(record)}; "
            f"choose the field with {field.option})"
        )
    current: Any = record
    for depth, part in enumerate(field.parts):
        where = ".".join(field.parts[:depth]) or "the record"
        if isinstance(current, dict):
            if part not in current:
                raise FieldError(
                    f"missing field {field.name!r}: {where} has no key {part!r} "
                    f"({_key_list(current)})"
                )
            current = current[part]
        elif isinstance(current, list):
            try:
                current = current[int(part)]
            except (ValueError, IndexError):
                raise FieldError(
                    f"missing field {field.name!r}: {where} is an array of {len(current)} "
                    f"items and {part!r} is not an index into it"
                ) from None
        else:
            raise FieldError(
                f"missing field {field.name!r}: {where} is {_json_type(current)}, not an object"
            )
    return current


def _text_field(record: dict[str, Any], field: Field) -> str:
    value = _resolve(record, field)
    if isinstance(value, str):
        text = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)
    else:
        raise FieldError(
            f"field {field.name!r} is {_json_type(value)}, expected a string or a number"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise FieldError(
            f"field {field.name!r} contains a lone surrogate (invalid Unicode)"
        ) from None
    return text


def key_text(record: dict[str, Any], field: Field) -> str | None:
    """A ``--group-by`` / ``--id-field`` value as text; None when missing or null."""
    try:
        value = _resolve(record, field)
    except FieldError:
        return None
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Records


class Item:
    """One input record on its way through: either gradable (response and answer set) or not."""

    __slots__ = ("answer", "error", "has_record", "line", "record", "response")

    def __init__(
        self,
        line: int,
        *,
        record: Any = None,
        has_record: bool = False,
        response: str = "",
        answer: str = "",
        error: str | None = None,
    ) -> None:
        self.line = line
        self.record = record
        self.has_record = has_record
        self.response = response
        self.answer = answer
        self.error = error


def _make_item(line: int, value: Any, response: Field, answer: Field) -> Item:
    if not isinstance(value, dict):
        return Item(
            line,
            record=value,
            has_record=True,
            error=f"expected a JSON object, got {_json_type(value)}",
        )
    try:
        response_text = _text_field(value, response)
        answer_text = _text_field(value, answer)
    except FieldError as exc:
        return Item(line, record=value, has_record=True, error=str(exc))
    return Item(line, record=value, has_record=True, response=response_text, answer=answer_text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# Made once: json.loads with non-default arguments builds a new codec on every call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
# What to do about a line that is not UTF-8 (the error record says where it is).
_REENCODE = "re-encode the input as UTF-8"


# ---------------------------------------------------------------------------------------------
# Readers


def _jsonl_items(lines: Iterable[bytes | str], response: Field, answer: Field) -> Iterator[Item]:
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problem = f"not valid UTF-8 (byte {exc.start + 1} of the line); {_REENCODE}"
                yield Item(number, error=problem)
                continue
        else:
            text = raw
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip():
            continue
        try:
            value = _DECODER.decode(text)
        except json.JSONDecodeError as exc:
            yield Item(number, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except ValueError as exc:  # NaN / Infinity, or an integer too long to convert
            yield Item(number, error=f"invalid JSON: {exc}")
            continue
        except RecursionError:
            yield Item(number, error="invalid JSON: nested too deeply")
            continue
        yield _make_item(number, value, response, answer)


class _DecodedLines:
    """The lines of a binary CSV stream as text, for ``csv.reader``: each line decoded on its own
    (without a leading UTF-8 BOM). A line that is not UTF-8 is decoded with replacement characters
    so the reader goes on, and its number is kept in ``bad`` (with the position of the first bad
    byte) so the record it belongs to is reported instead of graded."""

    def __init__(self, binary: Iterable[bytes]) -> None:
        self._chunks = iter(binary)
        self._pending: list[bytes] = []
        self._number = 0
        self.bad: dict[int, int] = {}

    def __iter__(self) -> _DecodedLines:
        return self

    def __next__(self) -> str:
        while not self._pending:
            # A chunk ends at b"\n"; a lone b"\r" also ends a line, as in text mode with
            # newline="", so the reader's line numbers stay those of an editor.
            self._pending = next(self._chunks).splitlines(keepends=True)[::-1]
        raw = self._pending.pop()
        self._number += 1
        if self._number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.bad[self._number] = exc.start + 1
            return raw.decode("utf-8", errors="replace")


def _utf8_problem(bad: dict[int, int], start: int, end: int) -> str | None:
    """The error of the record on lines ``start`` to ``end`` when one of them is not UTF-8."""
    if not bad:
        return None
    found = [(line, bad.pop(line)) for line in range(start, end + 1) if line in bad]
    if not found:
        return None
    line, byte = found[0]
    where = "the line" if line == start else f"line {line}"
    return f"not valid UTF-8 (byte {byte} of {where}); {_REENCODE}"


def _csv_items(
    lines: Iterable[str], bad: dict[int, int], source: str, response: Field, answer: Field
) -> Iterator[Item]:
    """Read the header now (a missing column is a usage error); return the records' iterator.
    ``bad``: the numbers of the lines that were not UTF-8 (see :class:`_DecodedLines`)."""
    if csv.field_size_limit() < 2**31 - 1:
        csv.field_size_limit(2**31 - 1)  # long responses; the default limit is 128 KiB
    reader = csv.reader(lines)
    header: list[str] | None = None
    while header is None:
        try:
            row = next(reader)
        except StopIteration:
            return iter(())
        except csv.Error as exc:
            raise UsageError(f"{source}: cannot read the CSV header: {exc}") from None
        if row and any(cell.strip() for cell in row):
            header = row
    header_end = reader.line_num
    for field in (response, answer):
        if field.name not in header:
            shown = ", ".join(header[:12]) + (", ..." if len(header) > 12 else "")
            raise UsageError(
                f"{source}: the CSV header has no column {field.name!r} (columns: {shown}); "
                f"choose it with {field.option}"
            )
    bad.clear()  # a header line that is not UTF-8 keeps its replacement characters, as before
    return _csv_rows(reader, bad, header, header_end, response, answer)


def _csv_rows(
    reader: Any,
    bad: dict[int, int],
    header: list[str],
    previous_end: int,
    response: Field,
    answer: Field,
) -> Iterator[Item]:
    while True:
        start = previous_end + 1
        try:
            row: list[str] = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            previous_end = reader.line_num
            _utf8_problem(bad, start, previous_end)  # forget them: this error says enough
            yield Item(start, error=f"invalid CSV: {exc}")
            continue
        previous_end = reader.line_num
        if not_utf8 := _utf8_problem(bad, start, previous_end):
            yield Item(start, error=not_utf8)
            continue
        if not row or (len(row) == 1 and not row[0].strip() and len(header) > 1):
            continue
        if len(row) != len(header):
            yield Item(
                start,
                record=row,
                has_record=True,
                error=f"row has {len(row)} fields but the header has {len(header)}",
            )
            continue
        yield _make_item(start, dict(zip(header, row, strict=False)), response, answer)


# ---------------------------------------------------------------------------------------------
# The input stream


def _regular_file_size(handle: IO[Any]) -> int | None:
    try:
        info = os.fstat(handle.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def position_of(handle: IO[bytes] | None) -> Callable[[], int | None]:
    def position() -> int | None:
        if handle is None:
            return None
        try:
            return handle.tell()
        except (OSError, ValueError):
            return None

    return position


class Input:
    """The input stream(s) and, once opened, the record iterator."""

    def __init__(self, path: str, fmt: str | None) -> None:
        self.path = path
        self.is_stdin = path == "-"
        self.source = "<stdin>" if self.is_stdin else path
        if fmt is None:
            fmt = "csv" if not self.is_stdin and path.lower().endswith(".csv") else "jsonl"
        self.format = fmt
        self.binary: IO[bytes] | None = None
        self.text: TextIO | None = None
        self._owned: list[IO[Any]] = []
        self.total_bytes: int | None = None

    def open(self) -> None:
        if self.is_stdin:
            stdin = sys.stdin
            if stdin is None:
                raise UsageError("no standard input to read; give a FILE")
            binary = getattr(stdin, "buffer", None)
            if binary is not None:
                self.binary = binary
            else:
                self.text = stdin
        else:
            try:
                handle = open(self.path, "rb")
            except OSError as exc:
                raise UsageError(
                    f"cannot read input file {self.path!r}: {exc.strerror or exc}"
                ) from None
            self._owned.append(handle)
            self.binary = handle
        if self.binary is not None:
            self.total_bytes = _regular_file_size(self.binary)

    def items(self, response: Field, answer: Field) -> Iterator[Item]:
        if self.format == "csv":
            if self.binary is not None:
                decoded = _DecodedLines(self.binary)
                return _csv_items(decoded, decoded.bad, self.source, response, answer)
            assert self.text is not None
            return _csv_items(self.text, {}, self.source, response, answer)
        lines: Iterable[bytes | str] = self.binary if self.binary is not None else self.text or ()
        return _jsonl_items(lines, response, answer)

    def close(self) -> None:
        for handle in self._owned:
            handle.close()
        self._owned.clear()
