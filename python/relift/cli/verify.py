"""``relift-verify``: grade a JSONL or CSV file of model responses with relift's Rust verifier.

Reads records in chunks, grades each chunk with one :func:`relift.verify_batch` call (or
:func:`relift.grade` per record with ``--explain``), streams the records back out as JSONL with
``"correct"`` added, and prints a summary to stderr. Memory stays bounded by the chunk size, apart
from one counter per distinct ``--group-by`` value and per ``--id-field`` value.

Tests call :func:`main` directly; it returns the exit status instead of raising ``SystemExit``.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import os
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import IO, Any, Literal, NoReturn, TextIO, TypedDict

import relift
from relift.cli._progress import ProgressBar
from relift.errors import InvalidInputError, ReliftError

__all__ = ["entry_point", "main"]

PROG = "relift-verify"
DEFAULT_BATCH_SIZE = 4096
# Malformed lines reported one by one on stderr; the rest are only counted (and are still in the
# output as error records).
MAX_ERROR_MESSAGES = 50
# Line numbers of problem records quoted in the summary.
MAX_SUMMARY_LINES = 10
MISSING_GROUP = "(missing)"

_DESCRIPTION = r"""Grade model responses against reference answers with relift's math verifier.

Reads JSONL (one JSON object per line) or CSV (a header row, then one record
per row) from FILE or standard input, decides for each record whether the final
answer of its response field (the last \boxed{...}; without one, "the answer
is ...", the last $...$ span, then the last number) equals its answer field,
and writes every record unchanged plus "correct": true/false as JSONL to
standard output or --output: one output line per input record, in input order.
A summary goes to stderr: records, correct, accuracy and malformed lines, plus
accuracy per group with --group-by and avg@k / pass@k with --id-field.

example:
  relift-verify rollouts.jsonl --answer-field reward_model.ground_truth \
      --group-by data_source --id-field uid --output graded.jsonl"""

_EPILOG = f"""records and output:
  Blank lines are skipped and give no output line (line numbers in messages
  still count them). For CSV the first row names the columns, and a record
  whose quoted fields hold newlines is numbered by the line it starts on.
  Output records keep their fields and key order and gain "correct" (with
  --explain also "extracted", "extract_method", "decision" and "reason");
  existing keys with these names are overwritten. A field may be a string or a
  number (42 is graded as "42").

malformed lines:
  A line that is not valid UTF-8 or JSON, is not an object, lacks a field, or
  whose field is null, a boolean, an array or an object is reported on stderr
  as FILE:LINE: problem (the first {MAX_ERROR_MESSAGES}, then only counted) and written as
    {{"line": N, "error": "...", "record": <the line, if it parsed>, "correct": false}}
  Accuracy, groups, avg@k and pass@k count only the records that were graded.

exit status:
  0  every record was graded
  1  some lines were malformed (or the verifier failed on them)
  2  usage error: a bad option value, an unreadable input file, or a CSV header
     without the response or answer column"""


class _UsageError(Exception):
    """A problem with the command line or the input as a whole: one message, exit status 2."""


class _FieldError(Exception):
    """A record lacks a field or the field has an unusable type."""


class _VerifierOptions(TypedDict, total=False):
    think: Literal["after", "ignore"] | None
    require_boxed: bool
    extract_fallback: Literal["boxed", "answer_is", "math_span", "last_number"]
    float_tolerance: float
    rounding: Literal["reference", "exact"]
    percent: Literal["either", "strict"]
    work_budget: int


# ---------------------------------------------------------------------------------------------
# Command line


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None


def _field_path(text: str) -> str:
    if not text or any(not part for part in text.split(".")):
        raise argparse.ArgumentTypeError(
            f"expected a field name or a dotted path like reward_model.ground_truth, got {text!r}"
        )
    return text


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (argparse prints the whole usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``relift-verify`` (also used to render ``--help``)."""
    parser = _Parser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "input",
        nargs="?",
        default="-",
        metavar="FILE",
        help="JSONL or CSV file to grade; '-' or no FILE reads standard input",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s (relift {relift.__version__})"
    )

    fields = parser.add_argument_group("input")
    fields.add_argument(
        "--format",
        choices=["jsonl", "csv"],
        help="input format (default: csv if FILE ends in .csv, else jsonl)",
    )
    fields.add_argument(
        "--response-field",
        default="response",
        type=_field_path,
        metavar="FIELD",
        help="field holding the model response; a dotted path such as output.text reaches "
        "into nested objects, an integer part indexes an array (default: %(default)s)",
    )
    fields.add_argument(
        "--answer-field",
        default="answer",
        type=_field_path,
        metavar="FIELD",
        help="field holding the reference answer, e.g. reward_model.ground_truth "
        "(default: %(default)s); for CSV, fields are column names",
    )

    verifier = parser.add_argument_group("verifier options")
    verifier.add_argument(
        "--think",
        choices=["after", "ignore"],
        default="ignore",
        help="'after': grade only the text after the first </think> and count a response "
        "without one as wrong; 'ignore': grade the whole response (default: %(default)s)",
    )
    verifier.add_argument(
        "--require-boxed",
        action="store_true",
        help="count a response without a complete \\boxed{} as wrong",
    )
    verifier.add_argument(
        "--extract-fallback",
        choices=["boxed", "answer_is", "math_span", "last_number"],
        help="how far answer extraction falls back when there is no \\boxed{}: 'boxed' (no "
        "fallback), 'answer_is', 'math_span', 'last_number' (default: last_number)",
    )
    verifier.add_argument(
        "--float-tolerance",
        type=_float,
        metavar="TOL",
        help="relative tolerance in [0, 1) when the two values are not both exact (default: 1e-9)",
    )
    verifier.add_argument(
        "--rounding",
        choices=["reference", "exact"],
        help="'reference': a decimal reference such as 0.33 accepts \\frac13 rounded to its "
        "places; 'exact': never round (default: reference)",
    )
    verifier.add_argument(
        "--percent",
        choices=["either", "strict"],
        help="'either': 50%% equals 50 and 0.5; 'strict': only 0.5 (default: either)",
    )
    verifier.add_argument(
        "--work-budget",
        type=_positive_int,
        metavar="UNITS",
        help="work units one record may spend before it counts as wrong (default: 200000)",
    )
    verifier.add_argument(
        "--threads",
        type=_positive_int,
        metavar="N",
        help="verifier threads (default: all cores)",
    )

    output = parser.add_argument_group("output")
    output.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the graded JSONL here instead of standard output",
    )
    output.add_argument(
        "--explain",
        action="store_true",
        help="also write extracted, extract_method, decision and reason for each record",
    )
    output.add_argument(
        "--batch-size",
        type=_positive_int,
        default=DEFAULT_BATCH_SIZE,
        metavar="N",
        help="records read, graded and written at a time (default: %(default)s)",
    )
    progress = output.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress line on stderr (default: only when stderr is a terminal)",
    )
    progress.add_argument(
        "--no-progress", dest="progress", action="store_false", help="never show progress"
    )

    summary = parser.add_argument_group("summary (printed to stderr)")
    summary.add_argument(
        "--group-by",
        type=_field_path,
        metavar="FIELD",
        help="also report accuracy per value of FIELD (dotted), e.g. data_source",
    )
    summary.add_argument(
        "--id-field",
        type=_field_path,
        metavar="FIELD",
        help="field identifying the question when several responses share it: report "
        "avg@k (accuracy per id, averaged over ids) and pass@k (share of ids with at least "
        "one correct response), k = responses per id",
    )
    summary.add_argument(
        "--summary-json",
        metavar="FILE",
        help="also write the summary as a JSON object to FILE",
    )
    return parser


def _verifier_options(args: argparse.Namespace) -> _VerifierOptions:
    options: _VerifierOptions = {"think": args.think}
    if args.require_boxed:
        options["require_boxed"] = True
    if args.extract_fallback is not None:
        options["extract_fallback"] = args.extract_fallback
    if args.float_tolerance is not None:
        options["float_tolerance"] = args.float_tolerance
    if args.rounding is not None:
        options["rounding"] = args.rounding
    if args.percent is not None:
        options["percent"] = args.percent
    if args.work_budget is not None:
        options["work_budget"] = args.work_budget
    return options


# ---------------------------------------------------------------------------------------------
# Records and fields


class _Field:
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


def _resolve(record: dict[str, Any], field: _Field) -> Any:
    """The value at ``field`` in ``record``; raises ``_FieldError`` saying where the path breaks."""
    if field.name in record:
        return record[field.name]
    if len(field.parts) == 1:
        raise _FieldError(
            f"missing field {field.name!r} ({_key_list(record)}; "
            f"choose the field with {field.option})"
        )
    current: Any = record
    for depth, part in enumerate(field.parts):
        where = ".".join(field.parts[:depth]) or "the record"
        if isinstance(current, dict):
            if part not in current:
                raise _FieldError(
                    f"missing field {field.name!r}: {where} has no key {part!r} "
                    f"({_key_list(current)})"
                )
            current = current[part]
        elif isinstance(current, list):
            try:
                current = current[int(part)]
            except (ValueError, IndexError):
                raise _FieldError(
                    f"missing field {field.name!r}: {where} is an array of {len(current)} "
                    f"items and {part!r} is not an index into it"
                ) from None
        else:
            raise _FieldError(
                f"missing field {field.name!r}: {where} is {_json_type(current)}, not an object"
            )
    return current


def _text_field(record: dict[str, Any], field: _Field) -> str:
    value = _resolve(record, field)
    if isinstance(value, str):
        text = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)
    else:
        raise _FieldError(
            f"field {field.name!r} is {_json_type(value)}, expected a string or a number"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _FieldError(
            f"field {field.name!r} contains a lone surrogate (invalid Unicode)"
        ) from None
    return text


def _key_text(record: dict[str, Any], field: _Field) -> str | None:
    """A ``--group-by`` / ``--id-field`` value as text; None when missing or null."""
    try:
        value = _resolve(record, field)
    except _FieldError:
        return None
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


class _Item:
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


def _make_item(line: int, value: Any, response: _Field, answer: _Field) -> _Item:
    if not isinstance(value, dict):
        return _Item(
            line,
            record=value,
            has_record=True,
            error=f"expected a JSON object, got {_json_type(value)}",
        )
    try:
        response_text = _text_field(value, response)
        answer_text = _text_field(value, answer)
    except _FieldError as exc:
        return _Item(line, record=value, has_record=True, error=str(exc))
    return _Item(line, record=value, has_record=True, response=response_text, answer=answer_text)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# Made once: json.loads / json.dumps with non-default arguments build a new codec on every call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ASCII_ENCODER = json.JSONEncoder()


def _jsonl_items(lines: Iterable[bytes | str], response: _Field, answer: _Field) -> Iterator[_Item]:
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield _Item(number, error=f"not valid UTF-8 (byte {exc.start + 1} of the line)")
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
            yield _Item(number, error=f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except ValueError as exc:  # NaN / Infinity, or an integer too long to convert
            yield _Item(number, error=f"invalid JSON: {exc}")
            continue
        except RecursionError:
            yield _Item(number, error="invalid JSON: nested too deeply")
            continue
        yield _make_item(number, value, response, answer)


def _csv_items(stream: TextIO, source: str, response: _Field, answer: _Field) -> Iterator[_Item]:
    """Read the header now (a missing column is a usage error); return the records' iterator."""
    if csv.field_size_limit() < 2**31 - 1:
        csv.field_size_limit(2**31 - 1)  # long responses; the default limit is 128 KiB
    reader = csv.reader(stream)
    header: list[str] | None = None
    while header is None:
        try:
            row = next(reader)
        except StopIteration:
            return iter(())
        except csv.Error as exc:
            raise _UsageError(f"{source}: cannot read the CSV header: {exc}") from None
        if row and any(cell.strip() for cell in row):
            header = row
    header_end = reader.line_num
    for field in (response, answer):
        if field.name not in header:
            shown = ", ".join(header[:12]) + (", ..." if len(header) > 12 else "")
            raise _UsageError(
                f"{source}: the CSV header has no column {field.name!r} (columns: {shown}); "
                f"choose it with {field.option}"
            )
    return _csv_rows(reader, header, header_end, response, answer)


def _csv_rows(
    reader: Any, header: list[str], previous_end: int, response: _Field, answer: _Field
) -> Iterator[_Item]:
    while True:
        start = previous_end + 1
        try:
            row: list[str] = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            previous_end = reader.line_num
            yield _Item(start, error=f"invalid CSV: {exc}")
            continue
        previous_end = reader.line_num
        if not row or (len(row) == 1 and not row[0].strip() and len(header) > 1):
            continue
        if len(row) != len(header):
            yield _Item(
                start,
                record=row,
                has_record=True,
                error=f"row has {len(row)} fields but the header has {len(header)}",
            )
            continue
        yield _make_item(start, dict(zip(header, row, strict=False)), response, answer)


# ---------------------------------------------------------------------------------------------
# Summary


class _Summary:
    """Counts for the end-of-run summary; per-group and per-id counters are [records, correct]."""

    def __init__(
        self, source: str, options: _VerifierOptions, group_by: _Field | None, ids: _Field | None
    ) -> None:
        self.source = source
        self.options = options
        self.group_field = group_by
        self.id_field = ids
        self.records = 0
        self.graded = 0
        self.correct = 0
        self.malformed = 0
        self.failed = 0
        self.malformed_lines: list[int] = []
        self.failed_lines: list[int] = []
        self.groups: dict[str, list[int]] = {}
        self.ids: dict[str, list[int]] = {}
        self.without_id = 0
        self.start = time.monotonic()
        self.elapsed = 0.0

    def add_graded(self, record: dict[str, Any], correct: bool) -> None:
        self.records += 1
        self.graded += 1
        self.correct += correct
        if self.group_field is not None:
            key = _key_text(record, self.group_field)
            counts = self.groups.setdefault(MISSING_GROUP if key is None else key, [0, 0])
            counts[0] += 1
            counts[1] += correct
        if self.id_field is not None:
            key = _key_text(record, self.id_field)
            if key is None:
                self.without_id += 1
            else:
                counts = self.ids.setdefault(key, [0, 0])
                counts[0] += 1
                counts[1] += correct

    def add_malformed(self, line: int) -> None:
        self.records += 1
        self.malformed += 1
        if len(self.malformed_lines) < MAX_SUMMARY_LINES:
            self.malformed_lines.append(line)

    def add_failed(self, line: int) -> None:
        self.records += 1
        self.failed += 1
        if len(self.failed_lines) < MAX_SUMMARY_LINES:
            self.failed_lines.append(line)

    def finish(self) -> None:
        self.elapsed = time.monotonic() - self.start

    def _id_stats(self) -> dict[str, Any]:
        sizes = [n for n, _ in self.ids.values()]
        n_ids = len(sizes)
        stats: dict[str, Any] = {
            "field": self.id_field.name if self.id_field else None,
            "ids": n_ids,
            "k": None,
            "k_min": min(sizes) if sizes else None,
            "k_max": max(sizes) if sizes else None,
            "avg_at_k": None,
            "pass_at_k": None,
            "records_without_id": self.without_id,
        }
        if n_ids:
            if stats["k_min"] == stats["k_max"]:
                stats["k"] = sizes[0]
            stats["avg_at_k"] = sum(c / n for n, c in self.ids.values()) / n_ids
            stats["pass_at_k"] = sum(1 for _, c in self.ids.values() if c > 0) / n_ids
        return stats

    def to_json(self) -> dict[str, Any]:
        """The summary as written by ``--summary-json``."""
        result: dict[str, Any] = {
            "input": self.source,
            "records": self.records,
            "graded": self.graded,
            "correct": self.correct,
            "accuracy": self.correct / self.graded if self.graded else None,
            "malformed": self.malformed,
            "failed": self.failed,
            "elapsed_s": round(self.elapsed, 3),
            "options": dict(self.options),
        }
        if self.group_field is not None:
            result["by_group"] = {
                "field": self.group_field.name,
                "groups": {
                    name: {"records": n, "correct": c, "accuracy": c / n}
                    for name, (n, c) in sorted(self.groups.items())
                },
            }
        if self.id_field is not None:
            result["by_id"] = self._id_stats()
        return result

    def format(self) -> str:
        """The human-readable summary printed to stderr."""

        def pct(correct: int, total: int) -> str:
            return f"{correct / total:.2%} ({correct}/{total})" if total else "n/a"

        def lines_note(count: int, lines: list[int], what: str) -> str:
            shown = ", ".join(str(n) for n in lines) + (", ..." if count > len(lines) else "")
            return f"; {count} {what} (line{'s' if count > 1 else ''} {shown})"

        rate = self.records / self.elapsed if self.elapsed > 0 else 0.0
        head = (
            f"{PROG}: {self.records} record{'s' if self.records != 1 else ''}, "
            f"{self.correct} correct, accuracy {pct(self.correct, self.graded)}"
        )
        if self.malformed:
            head += lines_note(self.malformed, self.malformed_lines, "malformed")
        else:
            head += "; 0 malformed"
        if self.failed:
            head += lines_note(self.failed, self.failed_lines, "could not be graded")
        head += f"; {self.elapsed:.2f} s ({rate:,.0f} records/s)"
        out = [head]
        if self.group_field is not None:
            out.append(f"  by {self.group_field.name}:")
            if not self.groups:
                out.append("    (no graded records)")
            width = max((len(name) for name in self.groups), default=0)
            count_width = max((len(str(n)) for n, _ in self.groups.values()), default=1)
            for name, (n, c) in sorted(self.groups.items()):
                out.append(f"    {name:<{width}}  {n:>{count_width}} records  accuracy {pct(c, n)}")
        if self.id_field is not None:
            stats = self._id_stats()
            label = f"  by {self.id_field.name}:"
            if not stats["ids"]:
                out.append(f"{label} no graded record has this field")
            else:
                k = stats["k"]
                if k is not None:
                    per = f"k = {k} response{'s' if k != 1 else ''} each"
                    at = str(k)
                else:
                    per = (
                        f"k varies from {stats['k_min']} to {stats['k_max']} responses per id; "
                        "each id is scored over its own responses"
                    )
                    at = "k"
                out.append(
                    f"{label} {stats['ids']} ids, {per}: avg@{at} {stats['avg_at_k']:.2%}, "
                    f"pass@{at} {stats['pass_at_k']:.2%}"
                )
            if self.without_id:
                out.append(
                    f"    ({self.without_id} graded records without {self.id_field.name!r} "
                    "are left out of avg@k and pass@k)"
                )
        return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Grading and writing

_Result = bool | relift.Verdict | ReliftError


class _Grader:
    """Grades chunks of items: one ``verify_batch`` call, or ``grade`` per item with --explain."""

    def __init__(
        self,
        options: _VerifierOptions,
        threads: int | None,
        explain: bool,
        pool: ThreadPoolExecutor | None,
    ) -> None:
        self.options = options
        self.threads = threads
        self.explain = explain
        self.pool = pool

    def grade(self, items: list[_Item]) -> list[_Result]:
        if not items:
            return []
        if self.explain:
            if self.pool is not None:
                return list(self.pool.map(self._grade_one, items))
            return [self._grade_one(item) for item in items]
        try:
            flags = relift.verify_batch(
                [item.response for item in items],
                [item.answer for item in items],
                threads=self.threads,
                **self.options,
            )
        except ReliftError:
            # Find the record(s) the verifier fails on and grade the rest one by one.
            return [self._verify_one(item) for item in items]
        return [bool(flag) for flag in flags.tolist()]

    def _verify_one(self, item: _Item) -> _Result:
        try:
            return relift.verify(item.response, item.answer, **self.options)
        except ReliftError as exc:
            return exc

    def _grade_one(self, item: _Item) -> _Result:
        try:
            return relift.grade(item.response, item.answer, **self.options)
        except ReliftError as exc:
            return exc


class _Writer:
    """Writes output records and per-line error messages, and feeds the summary."""

    def __init__(
        self, out: TextIO, ascii_only: bool, source: str, summary: _Summary, progress: ProgressBar
    ) -> None:
        self.out = out
        self.encoder = _ASCII_ENCODER if ascii_only else _ENCODER
        self.source = source
        self.summary = summary
        self.progress = progress
        self.messages = 0

    def _dump(self, record: Any) -> None:
        line = self.encoder.encode(record)
        if not line.isascii():
            try:
                line.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate from a \udxxx escape in the input
                line = _ASCII_ENCODER.encode(record)
        self.out.write(line + "\n")

    def _report(self, line: int, problem: str) -> None:
        self.messages += 1
        if self.messages <= MAX_ERROR_MESSAGES:
            self.progress.message(f"{PROG}: {self.source}:{line}: {problem}")
        elif self.messages == MAX_ERROR_MESSAGES + 1:
            self.progress.message(
                f"{PROG}: more than {MAX_ERROR_MESSAGES} bad lines; the rest are only counted "
                'and written as "error" records'
            )

    def _error_record(self, item: _Item, problem: str) -> None:
        record: dict[str, Any] = {"line": item.line, "error": problem}
        if item.has_record:
            record["record"] = item.record
        record["correct"] = False
        self._dump(record)

    def write(self, items: list[_Item], results: Iterator[_Result]) -> None:
        for item in items:
            if item.error is not None:
                self._report(item.line, item.error)
                self._error_record(item, item.error)
                self.summary.add_malformed(item.line)
                continue
            result = next(results)
            if isinstance(result, ReliftError):
                problem = f"the verifier failed: {result}"
                self._report(item.line, problem)
                self._error_record(item, problem)
                self.summary.add_failed(item.line)
                continue
            record: dict[str, Any] = item.record
            if isinstance(result, bool):
                correct = result
                record["correct"] = correct
            else:
                correct = result.correct
                record["correct"] = correct
                record["extracted"] = result.extracted
                record["extract_method"] = result.extract_method
                record["decision"] = result.decision
                record["reason"] = result.reason
            self._dump(record)
            self.summary.add_graded(record, correct)


def _process(
    items: Iterator[_Item],
    grader: _Grader,
    writer: _Writer,
    batch_size: int,
    position: Callable[[], int | None],
) -> None:
    chunk: list[_Item] = []

    def flush() -> None:
        results = grader.grade([item for item in chunk if item.error is None])
        writer.write(chunk, iter(results))
        writer.out.flush()
        writer.progress.update(writer.summary.records, position())
        chunk.clear()

    for item in items:
        chunk.append(item)
        if len(chunk) >= batch_size:
            flush()
    if chunk:
        flush()


# ---------------------------------------------------------------------------------------------
# Files


def _is_utf8(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _regular_file_size(handle: IO[Any]) -> int | None:
    try:
        info = os.fstat(handle.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _position_of(handle: IO[bytes] | None) -> Callable[[], int | None]:
    def position() -> int | None:
        if handle is None:
            return None
        try:
            return handle.tell()
        except (OSError, ValueError):
            return None

    return position


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _open_for_writing(path: str, what: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise _UsageError(f"cannot write {what} {path!r}: {exc.strerror or exc}") from None


class _Input:
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
        self._detach: io.TextIOWrapper | None = None
        self.total_bytes: int | None = None

    def open(self) -> None:
        if self.is_stdin:
            stdin = sys.stdin
            if stdin is None:
                raise _UsageError("no standard input to read; give a FILE")
            binary = getattr(stdin, "buffer", None)
            if binary is not None:
                self.binary = binary
            else:
                self.text = stdin
        else:
            try:
                handle = open(self.path, "rb")
            except OSError as exc:
                raise _UsageError(
                    f"cannot read input file {self.path!r}: {exc.strerror or exc}"
                ) from None
            self._owned.append(handle)
            self.binary = handle
        if self.binary is not None:
            self.total_bytes = _regular_file_size(self.binary)
            if self.format == "csv":
                wrapper = io.TextIOWrapper(
                    self.binary, encoding="utf-8-sig", errors="replace", newline=""
                )
                if self.is_stdin:
                    self._detach = wrapper  # never close sys.stdin's buffer
                else:
                    self._owned.insert(0, wrapper)
                self.text = wrapper

    def items(self, response: _Field, answer: _Field) -> Iterator[_Item]:
        if self.format == "csv":
            assert self.text is not None
            return _csv_items(self.text, self.source, response, answer)
        lines: Iterable[bytes | str] = self.binary if self.binary is not None else self.text or ()
        return _jsonl_items(lines, response, answer)

    def close(self) -> None:
        if self._detach is not None:
            self._detach.detach()
            self._detach = None
        for handle in self._owned:
            handle.close()
        self._owned.clear()


# ---------------------------------------------------------------------------------------------
# Entry points


def _run(args: argparse.Namespace) -> int:
    options = _verifier_options(args)
    try:
        relift.verify("1", "1", **options)  # reject bad option values before reading anything
    except InvalidInputError as exc:
        raise _UsageError(str(exc)) from None

    response = _Field(args.response_field, "--response-field")
    answer = _Field(args.answer_field, "--answer-field")
    group_by = _Field(args.group_by, "--group-by") if args.group_by else None
    id_field = _Field(args.id_field, "--id-field") if args.id_field else None

    to_stdout = args.output in (None, "-")
    source = _Input(args.input, args.format)
    if not source.is_stdin:
        for path, what in ((args.output, "--output"), (args.summary_json, "--summary-json")):
            if path not in (None, "-") and _same_file(path, source.path):
                raise _UsageError(f"{what} {path!r} is the input file; it would be overwritten")
    if (
        not to_stdout
        and args.summary_json
        and os.path.abspath(args.output) == os.path.abspath(args.summary_json)
    ):
        raise _UsageError("--output and --summary-json name the same file")
    outputs: list[TextIO] = []
    source.open()
    try:
        items = source.items(response, answer)
        if not to_stdout:
            outputs.append(_open_for_writing(args.output, "output file"))
        summary_file: TextIO | None = None
        if args.summary_json:
            summary_file = _open_for_writing(args.summary_json, "summary file")
            outputs.append(summary_file)
        out = sys.stdout if to_stdout else outputs[0]
        ascii_only = to_stdout and not _is_utf8(sys.stdout)

        show_progress = args.progress
        if show_progress is None:
            show_progress = sys.stderr.isatty()
        progress = ProgressBar(sys.stderr, enabled=show_progress, total_bytes=source.total_bytes)
        if source.is_stdin and sys.stdin is not None and sys.stdin.isatty():
            progress.message(
                f"{PROG}: reading {source.format.upper()} from the terminal "
                "(end with Ctrl-D; see --help)"
            )
        summary = _Summary(source.source, options, group_by, id_field)
        writer = _Writer(out, ascii_only, source.source, summary, progress)

        workers = args.threads or os.cpu_count() or 1
        pool = ThreadPoolExecutor(max_workers=workers) if args.explain and workers > 1 else None
        try:
            grader = _Grader(options, args.threads, args.explain, pool)
            _process(items, grader, writer, args.batch_size, _position_of(source.binary))
        finally:
            if pool is not None:
                pool.shutdown()
            progress.close()
        summary.finish()
        out.flush()
        print(summary.format(), file=sys.stderr)
        if summary_file is not None:
            json.dump(summary.to_json(), summary_file, indent=2, ensure_ascii=False)
            summary_file.write("\n")
    finally:
        source.close()
        for handle in outputs:
            handle.close()
    return 1 if summary.malformed or summary.failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``relift-verify`` with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or argparse's usage error (status 2)
        if exc.code is None:
            return 0
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _run(args)
    except _UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # Whoever read our stdout has gone (e.g. `relift-verify big.jsonl | head`): stop quietly,
        # and point stdout at /dev/null so the interpreter's final flush does not complain.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 1
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return 130


def entry_point() -> None:
    """The ``relift-verify`` console script."""
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
