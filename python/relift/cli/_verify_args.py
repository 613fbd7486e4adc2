"""``relift-verify``'s command line: the argument parser, its help text, and the verifier options
the arguments select."""

from __future__ import annotations

import argparse
from typing import Literal, NoReturn, TypedDict

import relift

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "MAX_ERROR_MESSAGES",
    "PROG",
    "VerifierOptions",
    "build_parser",
    "verifier_options",
]

PROG = "relift-verify"
DEFAULT_BATCH_SIZE = 4096
# Malformed lines reported one by one on stderr; the rest are only counted (and are still in the
# output as error records).
MAX_ERROR_MESSAGES = 50

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


class VerifierOptions(TypedDict, total=False):
    think: Literal["after", "ignore"] | None
    require_boxed: bool
    extract_fallback: Literal["boxed", "answer_is", "math_span", "last_number"]
    float_tolerance: float
    rounding: Literal["precise", "reference", "exact"]
    percent: Literal["either", "strict"]
    work_budget: int


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
        choices=["precise", "reference", "exact"],
        help="'precise': a decimal reference with two places or three significant digits "
        "(0.33, 33.3) accepts an exact value rounded to its places, a coarser one (0.3) does "
        "not; 'reference': any decimal reference does; 'exact': never round (default: precise)",
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
        "--sympy-fallback",
        action="store_true",
        help="send the records the Rust core cannot decide to sympy, in worker processes with a "
        "hard timeout (needs relift[sympy]; --explain still shows the core's own decision)",
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


def verifier_options(args: argparse.Namespace) -> VerifierOptions:
    options: VerifierOptions = {"think": args.think}
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
