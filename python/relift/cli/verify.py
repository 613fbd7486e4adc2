"""``relift-verify``: grade a JSONL or CSV file of model responses with relift's Rust verifier.

Reads records in chunks, grades each chunk with one :func:`relift.verify_batch` call (or
:func:`relift.grade` per record with ``--explain``), streams the records back out as JSONL with
``"correct"`` added, and prints a summary to stderr. Memory stays bounded by the chunk size, apart
from one counter per distinct ``--group-by`` value and per ``--id-field`` value.

This module is the command itself (check the options, open the files, run, print the summary).
Its parts: the argument parser in :mod:`relift.cli._verify_args`, reading records and field
paths in :mod:`relift.cli._verify_records`, grading and writing in
:mod:`relift.cli._verify_grading`, the summary in :mod:`relift.cli._verify_summary`.

Tests call :func:`main` directly; it returns the exit status instead of raising ``SystemExit``.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TextIO

import relift
from relift.cli._progress import ProgressBar
from relift.cli._verify_args import PROG, build_parser, verifier_options
from relift.cli._verify_grading import Grader, Writer, process
from relift.cli._verify_records import Field, Input, UsageError, position_of
from relift.cli._verify_summary import Summary
from relift.errors import InvalidInputError

__all__ = ["build_parser", "entry_point", "main"]


def _is_utf8(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _open_for_writing(path: str, what: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise UsageError(f"cannot write {what} {path!r}: {exc.strerror or exc}") from None


def _run(args: argparse.Namespace) -> int:
    options = verifier_options(args)
    try:
        relift.verify("1", "1", **options)  # reject bad option values before reading anything
    except InvalidInputError as exc:
        raise UsageError(str(exc)) from None

    response = Field(args.response_field, "--response-field")
    answer = Field(args.answer_field, "--answer-field")
    group_by = Field(args.group_by, "--group-by") if args.group_by else None
    id_field = Field(args.id_field, "--id-field") if args.id_field else None

    to_stdout = args.output in (None, "-")
    source = Input(args.input, args.format)
    if not source.is_stdin:
        for path, what in ((args.output, "--output"), (args.summary_json, "--summary-json")):
            if path not in (None, "-") and _same_file(path, source.path):
                raise UsageError(f"{what} {path!r} is the input file; it would be overwritten")
    if (
        not to_stdout
        and args.summary_json
        and os.path.abspath(args.output) == os.path.abspath(args.summary_json)
    ):
        raise UsageError("--output and --summary-json name the same file")
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
        summary = Summary(source.source, options, group_by, id_field)
        writer = Writer(out, ascii_only, source.source, summary, progress)

        workers = args.threads or os.cpu_count() or 1
        pool = ThreadPoolExecutor(max_workers=workers) if args.explain and workers > 1 else None
        try:
            grader = Grader(options, args.threads, args.explain, pool, args.sympy_fallback)
            process(items, grader, writer, args.batch_size, position_of(source.binary))
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
    except UsageError as exc:
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
