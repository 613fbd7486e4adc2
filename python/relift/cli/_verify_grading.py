"""``relift-verify``'s work loop: grade the records chunk by chunk and write each one out, graded
or as an error record, in input order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TextIO

import relift
from relift.cli._progress import ProgressBar
from relift.cli._verify_args import MAX_ERROR_MESSAGES, PROG, VerifierOptions
from relift.cli._verify_records import Item
from relift.cli._verify_summary import Summary
from relift.errors import ReliftError

__all__ = ["Grader", "Writer", "process"]

# Made once: json.dumps with non-default arguments builds a new codec on every call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ASCII_ENCODER = json.JSONEncoder()

_Result = bool | relift.Verdict | ReliftError


class Grader:
    """Grades chunks of items: one ``verify_batch`` call, or ``grade`` per item with --explain."""

    def __init__(
        self,
        options: VerifierOptions,
        threads: int | None,
        explain: bool,
        pool: ThreadPoolExecutor | None,
        sympy_fallback: bool = False,
    ) -> None:
        self.options = options
        self.threads = threads
        self.explain = explain
        self.pool = pool
        # Not with --explain: `grade` explains the Rust core's own decision.
        self.sympy_fallback = sympy_fallback

    def grade(self, items: list[Item]) -> list[_Result]:
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
                sympy_fallback=self.sympy_fallback,
                **self.options,
            )
        except ReliftError:
            # Find the record(s) the verifier fails on and grade the rest one by one.
            return [self._verify_one(item) for item in items]
        return [bool(flag) for flag in flags.tolist()]

    def _verify_one(self, item: Item) -> _Result:
        try:
            return relift.verify(
                item.response, item.answer, sympy_fallback=self.sympy_fallback, **self.options
            )
        except ReliftError as exc:
            return exc

    def _grade_one(self, item: Item) -> _Result:
        try:
            return relift.grade(item.response, item.answer, **self.options)
        except ReliftError as exc:
            return exc


class Writer:
    """Writes output records and per-line error messages, and feeds the summary."""

    def __init__(
        self, out: TextIO, ascii_only: bool, source: str, summary: Summary, progress: ProgressBar
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

    def _error_record(self, item: Item, problem: str) -> None:
        record: dict[str, Any] = {"line": item.line, "error": problem}
        if item.has_record:
            record["record"] = item.record
        record["correct"] = False
        self._dump(record)

    def write(self, items: list[Item], results: Iterator[_Result]) -> None:
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


def process(
    items: Iterator[Item],
    grader: Grader,
    writer: Writer,
    batch_size: int,
    position: Callable[[], int | None],
) -> None:
    chunk: list[Item] = []

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
