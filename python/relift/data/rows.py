"""Dataset rows -> validated :class:`Question` objects, with a :class:`LoadReport` of what was
loaded and what was skipped (the row schemas are described in :mod:`relift.data`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from relift.config import DataConfig
from relift.data.prompts import Message, Prompt, prompt_uses_chat_template, render_prompt
from relift.data.sources import BadRow, RowSource, iter_rows
from relift.data.tokenization import token_counts
from relift.errors import InputFormatError, InvalidInputError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

__all__ = ["LoadReport", "Question", "load_questions", "load_split"]

_MISSING = object()
#: How many located messages of skipped rows a LoadReport keeps.
_MAX_EXAMPLES = 5


@dataclass(frozen=True)
class Question:
    """One training or evaluation question.

    ``id`` is the question's position in the loaded list (contiguous from 0 over all files of a
    split): the key of the hard-question buffer and of the sampler. ``prompt`` is the row's
    prompt (a string or chat messages), ``prompt_text`` the text the model sees (template and
    think tag applied), ``demonstration`` the text that follows ``prompt_text`` in an SFT
    sequence (None when the row has none), ``extra`` the row's other columns, ``row`` the
    row's 1-based number in its source (the line of a JSONL file, the row of a parquet file or
    a list; 0 for a question built by hand), as relift's messages count them.
    """

    id: int
    prompt: Prompt
    prompt_text: str
    answer: str
    demonstration: str | None = None
    data_source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    row: int = 0


@dataclass(frozen=True)
class LoadReport:
    """What loading did: rows read, rows skipped and why (never silently), demonstrations.

    ``reasons`` counts skipped rows by ``"field: problem"``; ``examples`` keeps the first few
    full messages with their file and row; ``skipped_rows`` has every skipped row's number in
    its source and full message, in the order met.
    """

    source: str
    rows: int
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    without_demonstration: int = 0
    skipped_rows: tuple[tuple[int, str], ...] = ()

    @property
    def loaded(self) -> int:
        """Number of questions loaded."""
        return self.rows - self.skipped

    def summary(self) -> str:
        """One line for the logs."""
        text = f"{self.source}: {self.loaded} questions from {self.rows} rows"
        if self.skipped:
            why = ", ".join(f"{n} x {reason}" for reason, n in self.reasons.items())
            text += f"; skipped {self.skipped} ({why})"
        if self.without_demonstration:
            text += f"; {self.without_demonstration} without a demonstration"
        return text

    def merged(self, other: LoadReport) -> LoadReport:
        """The report of both loads together."""
        reasons = Counter(self.reasons)
        reasons.update(other.reasons)
        return LoadReport(
            source=f"{self.source}, {other.source}",
            rows=self.rows + other.rows,
            skipped=self.skipped + other.skipped,
            reasons=dict(reasons),
            examples=(self.examples + other.examples)[:_MAX_EXAMPLES],
            without_demonstration=self.without_demonstration + other.without_demonstration,
            skipped_rows=self.skipped_rows + other.skipped_rows,
        )


# ----------------------------------------------------------------------------------- fields


def _get(row: Mapping[str, Any], path: str) -> Any:
    """``row[path]``, or the dotted path into nested mappings; ``_MISSING`` when absent."""
    if path in row:
        return row[path]
    node: Any = row
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _as_list(value: Any) -> list[Any] | None:
    """A list for list-like values (lists, tuples, numpy arrays), else None."""
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, np.ndarray):
        return list(value.tolist())
    return None


def _message(value: Any, field_name: str, index: int) -> Message:
    """One ``{role, content}`` chat message, validated."""
    if not isinstance(value, Mapping):
        raise BadRow(field_name, f"message {index} is {type(value).__name__}, not a mapping")
    role, content = value.get("role"), value.get("content")
    if not isinstance(role, str) or not role:
        raise BadRow(field_name, f"message {index} has no 'role' string")
    if not isinstance(content, str):
        raise BadRow(field_name, f"message {index} has no 'content' string")
    return {"role": role, "content": content}


def _parse_prompt(value: Any, name: str) -> Prompt:
    """A non-empty string, or a non-empty list of chat messages."""
    if value is _MISSING or value is None:
        raise BadRow(name, "missing")
    if isinstance(value, str):
        if not value.strip():
            raise BadRow(name, "empty string")
        return value
    items = _as_list(value)
    if items is None:
        raise BadRow(name, f"expected a string or a list of messages, got {type(value).__name__}")
    if not items:
        raise BadRow(name, "empty list of messages")
    return [_message(m, name, i) for i, m in enumerate(items)]


def _parse_answer(value: Any, name: str) -> str:
    """The gold answer: a non-empty string, a number, or a one-element list of those."""
    items = _as_list(value)
    if items is not None:
        if len(items) != 1:
            raise BadRow(name, f"a list of {len(items)} answers; expected exactly one")
        value = items[0]
    if value is _MISSING or value is None:
        raise BadRow(name, "missing")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _nonempty_string(value, name, "a string")


def _parse_demonstration(value: Any, name: str) -> str | None:
    """A demonstration string, the first message's content of a message list, or None."""
    if value is _MISSING or value is None:
        return None
    items = _as_list(value)
    if items is not None:
        if not items:
            raise BadRow(name, "empty list of messages")
        value = _message(items[0], name, 0)["content"]
    return _nonempty_string(value, name, "a string or a list of messages")


def _nonempty_string(value: Any, name: str, expected: str) -> str:
    if not isinstance(value, str):
        raise BadRow(name, f"expected {expected}, got {type(value).__name__}")
    if not value.strip():
        raise BadRow(name, "empty string")
    return value


def _parse_source(value: Any, name: str) -> str | None:
    """An optional string."""
    if value is _MISSING or value is None:
        return None
    if not isinstance(value, str):
        raise BadRow(name, f"expected a string, got {type(value).__name__}")
    return value


def _shape_demonstration(
    demo: str | None, prompt_text: str, config: DataConfig, name: str
) -> str | None:
    """The demonstration as the continuation of ``prompt_text`` (the reference's think rule)."""
    if demo is None:
        return None
    think = config.think
    if think.require_in_demonstration and think.close_tag not in demo:
        raise BadRow(name, f"does not contain {think.close_tag!r}")
    tag = think.open_tag
    if think.strip_from_demonstration and tag and prompt_text.endswith(tag):
        if demo.startswith(tag):
            demo = demo[len(tag) :]
    return demo


# ----------------------------------------------------------------------------------- loading


class _Collector:
    """Accumulates questions and the report of one load."""

    def __init__(self, name: str, label: str, config: DataConfig, start_id: int) -> None:
        self.name, self.label, self.config = name, label, config
        self.start_id = start_id
        self.questions: list[Question] = []
        self.rows = 0
        self.reasons: Counter[str] = Counter()
        self.examples: list[str] = []
        self.skipped_rows: list[tuple[int, str]] = []

    def locate(self, number: int, bad: BadRow) -> str:
        """``"train.jsonl, line 3, field 'answer': missing"``."""
        return f"{self.name}, {self.label} {number}, field {bad.field_name!r}: {bad.problem}"

    def bad(self, number: int, bad: BadRow) -> None:
        """Raise, or count the skipped row."""
        message = self.locate(number, bad)
        if self.config.on_bad_row == "error":
            fix = bad.fix or "set data.on_bad_row=skip to skip such rows"
            raise InputFormatError(f"{message} ({fix})")
        self.skip(number, str(bad), message)

    def skip(self, number: int, reason: str, message: str) -> None:
        """Count a skipped row."""
        self.reasons[reason] += 1
        self.skipped_rows.append((number, message))
        if len(self.examples) < _MAX_EXAMPLES:
            self.examples.append(message)

    def report(self) -> LoadReport:
        """The load report so far."""
        return LoadReport(
            source=self.name,
            rows=self.rows,
            skipped=sum(self.reasons.values()),
            reasons=dict(self.reasons),
            examples=tuple(self.examples),
            without_demonstration=sum(q.demonstration is None for q in self.questions),
            skipped_rows=tuple(self.skipped_rows),
        )


def _question(
    row: Any,
    qid: int,
    tokenizer: PreTrainedTokenizerBase | None,
    config: DataConfig,
    paths: Mapping[str, str],
    number: int,
) -> Question:
    """One row -> Question; raises BadRow."""
    if isinstance(row, BadRow):
        raise row
    if not isinstance(row, Mapping):
        raise BadRow("<row>", f"expected an object, got {type(row).__name__}")
    prompt = _parse_prompt(_get(row, paths["prompt"]), paths["prompt"])
    answer = _parse_answer(_get(row, paths["answer"]), paths["answer"])
    demo = _parse_demonstration(_get(row, paths["demonstration"]), paths["demonstration"])
    source = _parse_source(_get(row, paths["data_source"]), paths["data_source"])
    try:
        text = render_prompt(prompt, tokenizer, config)
    except InvalidInputError:
        raise
    except Exception as exc:  # a chat template that rejects the messages (jinja errors)
        raise BadRow(paths["prompt"], f"the chat template failed: {exc}") from None
    demo = _shape_demonstration(demo, text, config, paths["demonstration"])
    used = set(paths.values())
    extra = {k: v for k, v in row.items() if k not in used}
    return Question(qid, prompt, text, answer, demo, source, extra, number)


def _check_prompt_lengths(
    col: _Collector, numbers: list[int], tokenizer: PreTrainedTokenizerBase | None
) -> None:
    """Drop (and count) or reject prompts over ``max_prompt_tokens``, as configured."""
    config = col.config
    if tokenizer is None or config.prompt_overflow not in ("drop", "error"):
        return
    special = not prompt_uses_chat_template(tokenizer, config)
    lengths = token_counts([q.prompt_text for q in col.questions], tokenizer, special)
    limit, name = config.max_prompt_tokens, config.field_paths["prompt"]
    kept: list[Question] = []
    for question, number, length in zip(col.questions, numbers, lengths, strict=True):
        if length <= limit:
            kept.append(replace(question, id=col.start_id + len(kept)))
            continue
        bad = BadRow(name, f"longer than data.max_prompt_tokens ({limit} tokens)")
        if config.prompt_overflow == "error":
            raise InputFormatError(
                f"{col.locate(number, bad)}: {length} tokens "
                "(set data.prompt_overflow to drop, left or right)"
            )
        col.skip(number, str(bad), f"{col.locate(number, bad)}: {length} tokens")
    col.questions = kept


def load_questions(
    source: RowSource,
    config: DataConfig | None = None,
    tokenizer: PreTrainedTokenizerBase | None = None,
    *,
    start_id: int = 0,
) -> tuple[list[Question], LoadReport]:
    """Load and validate questions from a JSONL / parquet file or an iterable of row mappings.

    ``tokenizer`` supplies the chat template and, with ``prompt_overflow`` ``drop`` or
    ``error``, the prompt-length check; without one the plain format is used and lengths are
    not checked. Question ids count up from ``start_id``. Raises
    :class:`~relift.errors.InputFormatError` on a bad row (``on_bad_row="error"``) or when every
    row was skipped.
    """
    config = config or DataConfig()
    name, label, rows = iter_rows(source, config.format)
    col = _Collector(name, label, config, start_id)
    numbers: list[int] = []
    paths = config.field_paths
    for number, row in rows:
        col.rows += 1
        try:
            question = _question(
                row, start_id + len(col.questions), tokenizer, config, paths, number
            )
        except BadRow as bad:
            col.bad(number, bad)
            continue
        col.questions.append(question)
        numbers.append(number)
    _check_prompt_lengths(col, numbers, tokenizer)
    report = col.report()
    if report.rows and not report.loaded:
        raise InputFormatError(
            f"{name}: every one of the {report.rows} rows was skipped; first: {col.examples[0]}"
        )
    return col.questions, report


def load_split(
    config: DataConfig,
    split: Literal["train", "eval"] = "train",
    tokenizer: PreTrainedTokenizerBase | None = None,
) -> tuple[list[Question], LoadReport]:
    """Load every file of ``data.train_files`` or ``data.eval_files``; ids run on across files."""
    files = config.train_files if split == "train" else config.eval_files
    if not files:
        raise InvalidInputError(f"data.{split}_files is empty: no {split} data configured")
    questions: list[Question] = []
    report: LoadReport | None = None
    for path in files:
        got, rep = load_questions(path, config, tokenizer, start_id=len(questions))
        questions += got
        report = rep if report is None else report.merged(rep)
    assert report is not None
    return questions, report
