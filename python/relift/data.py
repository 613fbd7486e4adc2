"""Dataset rows -> validated :class:`Question` objects, prompt/demonstration tokenization, and the
resumable epoch sampler.

Rows come from JSON lines, parquet (needs ``pyarrow``) or any iterable of mappings (a list of
dicts, a HF ``datasets.Dataset``). Two row schemas are built in (``DataConfig.schema``):

- ``openr1`` (OpenR1-Math-46k-8192, as the reference trains on it): ``prompt`` is a list of chat
  messages ``{role, content}``, ``target`` the demonstration (a list of messages, whose first
  message's content is used, or a string), ``reward_model.ground_truth`` the answer,
  ``data_source`` the benchmark or source name.
- ``qa``: ``question`` / ``answer`` / ``solution`` strings.

``DataConfig.fields`` maps any field to another column or dotted path. Every other column is kept
in :attr:`Question.extra`.

The prompt text is the tokenizer's chat template applied with ``add_generation_prompt=True``
when the tokenizer has one and ``DataConfig.chat_template`` is on; otherwise the *plain format*:
the messages' contents joined by a blank line (a string prompt without a system prompt is used as
is). Then the ``<think>`` convention of ``DataConfig.think`` applies: the open tag is appended to
the prompt, and stripped from the start of the demonstration when the prompt ends with it, so
that ``prompt_text + demonstration`` is always the SFT sequence.

A malformed row raises :class:`~relift.errors.InputFormatError` naming the file, the row (the
1-based line for JSON lines, the 1-based row otherwise) and the field; with
``on_bad_row="skip"`` it is skipped and counted in the :class:`LoadReport`.
"""

from __future__ import annotations

import importlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from relift.config import DataConfig
from relift.errors import InputFormatError, InvalidInputError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

__all__ = [
    "EpochSampler",
    "LoadReport",
    "Message",
    "Prompt",
    "Question",
    "TokenizedTexts",
    "check_round_trip",
    "load_questions",
    "load_split",
    "prompt_uses_chat_template",
    "render_prompt",
    "tokenize_demonstrations",
    "tokenize_prompts",
]

Message = dict[str, str]
Prompt = str | list[Message]
RowSource = str | Path | Iterable[Mapping[str, Any]]
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
    sequence (None when the row has none), ``extra`` the row's other columns.
    """

    id: int
    prompt: Prompt
    prompt_text: str
    answer: str
    demonstration: str | None = None
    data_source: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadReport:
    """What loading did: rows read, rows skipped and why (never silently), demonstrations.

    ``reasons`` counts skipped rows by ``"field: problem"``; ``examples`` keeps the first few
    full messages with their file and row.
    """

    source: str
    rows: int
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    examples: tuple[str, ...] = ()
    without_demonstration: int = 0

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
        )


class _BadRow(Exception):
    """A problem with one field of one row; located by the loader."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field_name = field_name
        self.problem = problem


# ----------------------------------------------------------------------------------- reading


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
    """(1-based line number, parsed object or _BadRow) for every non-blank line."""
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, _BadRow("<row>", f"not valid JSON: {exc.msg} at column {exc.colno}")


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
            for row in batch.to_pylist():
                number += 1
                yield number, row
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        if isinstance(exc, InputFormatError | InvalidInputError):
            raise
        raise InputFormatError(f"{path}: not a readable parquet file: {exc}") from None


def _iter_rows(source: RowSource, fmt: str) -> tuple[str, str, Iterator[tuple[int, Any]]]:
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
        raise _BadRow(field_name, f"message {index} is {type(value).__name__}, not a mapping")
    role, content = value.get("role"), value.get("content")
    if not isinstance(role, str) or not role:
        raise _BadRow(field_name, f"message {index} has no 'role' string")
    if not isinstance(content, str):
        raise _BadRow(field_name, f"message {index} has no 'content' string")
    return {"role": role, "content": content}


def _parse_prompt(value: Any, name: str) -> Prompt:
    """A non-empty string, or a non-empty list of chat messages."""
    if value is _MISSING or value is None:
        raise _BadRow(name, "missing")
    if isinstance(value, str):
        if not value.strip():
            raise _BadRow(name, "empty string")
        return value
    items = _as_list(value)
    if items is None:
        raise _BadRow(name, f"expected a string or a list of messages, got {type(value).__name__}")
    if not items:
        raise _BadRow(name, "empty list of messages")
    return [_message(m, name, i) for i, m in enumerate(items)]


def _parse_answer(value: Any, name: str) -> str:
    """The gold answer: a non-empty string, a number, or a one-element list of those."""
    items = _as_list(value)
    if items is not None:
        if len(items) != 1:
            raise _BadRow(name, f"a list of {len(items)} answers; expected exactly one")
        value = items[0]
    if value is _MISSING or value is None:
        raise _BadRow(name, "missing")
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
            raise _BadRow(name, "empty list of messages")
        value = _message(items[0], name, 0)["content"]
    return _nonempty_string(value, name, "a string or a list of messages")


def _nonempty_string(value: Any, name: str, expected: str) -> str:
    if not isinstance(value, str):
        raise _BadRow(name, f"expected {expected}, got {type(value).__name__}")
    if not value.strip():
        raise _BadRow(name, "empty string")
    return value


def _parse_source(value: Any, name: str) -> str | None:
    """An optional string."""
    if value is _MISSING or value is None:
        return None
    if not isinstance(value, str):
        raise _BadRow(name, f"expected a string, got {type(value).__name__}")
    return value


# ----------------------------------------------------------------------------------- templating


def prompt_uses_chat_template(
    tokenizer: PreTrainedTokenizerBase | None, config: DataConfig
) -> bool:
    """Whether prompts are rendered with the tokenizer's chat template (else the plain format).

    Tokenize prompt texts with ``add_special_tokens=not prompt_uses_chat_template(...)``: a
    template writes its own special tokens.
    """
    return (
        config.chat_template
        and tokenizer is not None
        and bool(getattr(tokenizer, "chat_template", None))
    )


def _messages(prompt: Prompt, system_prompt: str | None) -> list[Message]:
    """The prompt as chat messages, with the system prompt inserted when it has none."""
    messages = [{"role": "user", "content": prompt}] if isinstance(prompt, str) else list(prompt)
    if system_prompt is not None and not (messages and messages[0]["role"] == "system"):
        messages.insert(0, {"role": "system", "content": system_prompt})
    return messages


def render_prompt(
    prompt: Prompt, tokenizer: PreTrainedTokenizerBase | None, config: DataConfig
) -> str:
    """The text the model is prompted with: chat template or plain format, then the think tag."""
    messages = _messages(prompt, config.system_prompt)
    if prompt_uses_chat_template(tokenizer, config):
        assert tokenizer is not None
        text = tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, tokenize=False, return_dict=False
        )
        if not isinstance(text, str):
            raise InvalidInputError(
                f"the tokenizer's chat template returned {type(text).__name__}, not a string"
            )
    else:
        text = "\n\n".join(m["content"] for m in messages)
    tag = config.think.open_tag
    if config.think.append_to_prompt and tag and not text.endswith(tag):
        text += tag
    return text


def _shape_demonstration(
    demo: str | None, prompt_text: str, config: DataConfig, name: str
) -> str | None:
    """The demonstration as the continuation of ``prompt_text`` (the reference's think rule)."""
    if demo is None:
        return None
    think = config.think
    if think.require_in_demonstration and think.close_tag not in demo:
        raise _BadRow(name, f"does not contain {think.close_tag!r}")
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

    def locate(self, number: int, bad: _BadRow) -> str:
        """``"train.jsonl, line 3, field 'answer': missing"``."""
        return f"{self.name}, {self.label} {number}, field {bad.field_name!r}: {bad.problem}"

    def bad(self, number: int, bad: _BadRow) -> None:
        """Raise, or count the skipped row."""
        message = self.locate(number, bad)
        if self.config.on_bad_row == "error":
            raise InputFormatError(message + " (set data.on_bad_row=skip to skip such rows)")
        self.reasons[str(bad)] += 1
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
        )


def _question(
    row: Any,
    qid: int,
    tokenizer: PreTrainedTokenizerBase | None,
    config: DataConfig,
    paths: Mapping[str, str],
) -> Question:
    """One row -> Question; raises _BadRow."""
    if isinstance(row, _BadRow):
        raise row
    if not isinstance(row, Mapping):
        raise _BadRow("<row>", f"expected an object, got {type(row).__name__}")
    prompt = _parse_prompt(_get(row, paths["prompt"]), paths["prompt"])
    answer = _parse_answer(_get(row, paths["answer"]), paths["answer"])
    demo = _parse_demonstration(_get(row, paths["demonstration"]), paths["demonstration"])
    source = _parse_source(_get(row, paths["data_source"]), paths["data_source"])
    try:
        text = render_prompt(prompt, tokenizer, config)
    except InvalidInputError:
        raise
    except Exception as exc:  # a chat template that rejects the messages (jinja errors)
        raise _BadRow(paths["prompt"], f"the chat template failed: {exc}") from None
    demo = _shape_demonstration(demo, text, config, paths["demonstration"])
    used = set(paths.values())
    extra = {k: v for k, v in row.items() if k not in used}
    return Question(qid, prompt, text, answer, demo, source, extra)


def _check_prompt_lengths(
    col: _Collector, numbers: list[int], tokenizer: PreTrainedTokenizerBase | None
) -> None:
    """Drop (and count) or reject prompts over ``max_prompt_tokens``, as configured."""
    config = col.config
    if tokenizer is None or config.prompt_overflow not in ("drop", "error"):
        return
    special = not prompt_uses_chat_template(tokenizer, config)
    lengths = _token_counts([q.prompt_text for q in col.questions], tokenizer, special)
    limit, name = config.max_prompt_tokens, config.field_paths["prompt"]
    kept: list[Question] = []
    for question, number, length in zip(col.questions, numbers, lengths, strict=True):
        if length <= limit:
            kept.append(replace(question, id=col.start_id + len(kept)))
            continue
        bad = _BadRow(name, f"longer than data.max_prompt_tokens ({limit} tokens)")
        if config.prompt_overflow == "error":
            raise InputFormatError(
                f"{col.locate(number, bad)}: {length} tokens "
                "(set data.prompt_overflow to drop, left or right)"
            )
        col.reasons[str(bad)] += 1
        if len(col.examples) < _MAX_EXAMPLES:
            col.examples.append(f"{col.locate(number, bad)}: {length} tokens")
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
    name, label, rows = _iter_rows(source, config.format)
    col = _Collector(name, label, config, start_id)
    numbers: list[int] = []
    paths = config.field_paths
    for number, row in rows:
        col.rows += 1
        try:
            question = _question(row, start_id + len(col.questions), tokenizer, config, paths)
        except _BadRow as bad:
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


# ----------------------------------------------------------------------------------- tokenizing


@dataclass(frozen=True)
class TokenizedTexts:
    """Token ids of a batch of texts, with what the length limit did to them.

    ``lengths`` are the lengths before truncation; ``truncated`` the positions of the texts that
    were cut to fit.
    """

    input_ids: list[list[int]]
    lengths: list[int]
    truncated: list[int]

    @property
    def num_truncated(self) -> int:
        """How many texts were cut."""
        return len(self.truncated)


def _encode(
    texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, special: bool
) -> list[list[int]]:
    """Token ids of each text (one batched tokenizer call)."""
    if not texts:
        return []
    ids = tokenizer(list(texts), add_special_tokens=special)["input_ids"]
    return [list(map(int, row)) for row in ids]


def _token_counts(
    texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, special: bool
) -> list[int]:
    """Token count of each text, tokenized in chunks."""
    counts: list[int] = []
    for start in range(0, len(texts), 1024):
        counts += [len(ids) for ids in _encode(texts[start : start + 1024], tokenizer, special)]
    return counts


def tokenize_prompts(
    prompts: Sequence[str],
    tokenizer: PreTrainedTokenizerBase,
    *,
    max_tokens: int | None,
    overflow: Literal["drop", "error", "left", "right"] = "error",
    add_special_tokens: bool = False,
) -> TokenizedTexts:
    """Token ids of prompt texts, at most ``max_tokens`` each.

    ``overflow``: ``left`` keeps a long prompt's last tokens, ``right`` its first; ``error``
    and ``drop`` (whose long prompts were dropped at load time) raise
    :class:`~relift.errors.InvalidInputError` naming the prompt. Pass
    ``add_special_tokens=not prompt_uses_chat_template(tokenizer, config)``.
    """
    ids = _encode(prompts, tokenizer, add_special_tokens)
    lengths = [len(row) for row in ids]
    truncated: list[int] = []
    for i, row in enumerate(ids):
        if max_tokens is None or len(row) <= max_tokens:
            continue
        if overflow in ("error", "drop"):
            raise InvalidInputError(
                f"prompt {i} has {len(row)} tokens, more than max_tokens={max_tokens} "
                f"(data.prompt_overflow={overflow!r})"
            )
        ids[i] = row[len(row) - max_tokens :] if overflow == "left" else row[:max_tokens]
        truncated.append(i)
    return TokenizedTexts(ids, lengths, truncated)


def check_round_trip(
    texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, *, what: str = "demonstration"
) -> None:
    """Raise :class:`~relift.errors.InvalidInputError` when the tokenizer loses text: a text
    that does not decode back to itself (whitespace aside) would train the model on something
    else than the data says, silently. (A tokenizer loaded as the wrong class does this, e.g. a
    custom vocabulary read by a byte-level BPE class that drops the tokens it cannot build.)"""
    for i, (text, ids) in enumerate(zip(texts, _encode(texts, tokenizer, False), strict=True)):
        back = str(tokenizer.decode(ids))
        if "".join(back.split()) != "".join(text.split()):
            raise InvalidInputError(
                f"the tokenizer does not reproduce {what} {i}: {text[:80]!r} decodes as "
                f"{back[:80]!r}; check that the tokenizer loads as the class it was saved as "
                f"({type(tokenizer).__name__} here), or pass the tokenizer object yourself"
            )


def tokenize_demonstrations(
    demonstrations: Sequence[str],
    tokenizer: PreTrainedTokenizerBase,
    *,
    max_tokens: int | None,
    overflow: Literal["truncate", "error"] = "truncate",
    add_eos: bool = True,
) -> TokenizedTexts:
    """Token ids of demonstrations (no special tokens), each followed by EOS.

    ``max_tokens`` counts the EOS. A longer demonstration keeps its first ``max_tokens`` tokens
    (losing the EOS: it was cut, not finished) with ``truncate``, or raises with ``error``.
    """
    eos = tokenizer.eos_token_id
    if add_eos and not isinstance(eos, int):
        raise InvalidInputError("the tokenizer has no EOS token; demonstrations need one")
    ids = _encode(demonstrations, tokenizer, False)
    if add_eos:
        ids = [[*row, int(eos)] for row in ids]
    lengths = [len(row) for row in ids]
    truncated: list[int] = []
    for i, row in enumerate(ids):
        if max_tokens is None or len(row) <= max_tokens:
            continue
        if overflow == "error":
            raise InvalidInputError(
                f"demonstration {i} has {len(row)} tokens, more than max_tokens={max_tokens} "
                "(data.demonstration_overflow='error')"
            )
        ids[i] = row[:max_tokens]
        truncated.append(i)
    return TokenizedTexts(ids, lengths, truncated)


# ----------------------------------------------------------------------------------- sampling


class EpochSampler:
    """Batches of question indices: a fresh shuffle per epoch, deterministic and resumable.

    Epoch e's order is a permutation drawn from ``numpy.random.default_rng([seed, e])``, so it
    depends only on (seed, epoch): the state is just the epoch and the number of batches already
    taken in it, and ``load_state_dict(state_dict())`` resumes exactly. With ``drop_last`` the
    incomplete final batch of an epoch is skipped (the reference); otherwise it is yielded short.

    ``next_batch()`` moves on to the next epoch by itself; iterating yields the rest of the
    current epoch::

        for epoch in range(sampler.epoch, epochs):
            for batch in sampler:
                ...
    """

    def __init__(self, n_questions: int, batch_size: int, seed: int, drop_last: bool = True):
        if batch_size < 1:
            raise InvalidInputError(f"batch_size must be >= 1, got {batch_size}")
        if n_questions < (batch_size if drop_last else 1):
            raise InvalidInputError(
                f"{n_questions} questions cannot fill one batch of {batch_size}"
                + (" with drop_last" if drop_last else "")
            )
        self.n_questions, self.batch_size = n_questions, batch_size
        self.seed, self.drop_last = seed, drop_last
        self._epoch, self._position = 0, 0
        self._order: np.ndarray[Any, np.dtype[np.int64]] | None = None

    @property
    def batches_per_epoch(self) -> int:
        """Batches in one epoch."""
        full, rest = divmod(self.n_questions, self.batch_size)
        return full + (1 if rest and not self.drop_last else 0)

    @property
    def epoch(self) -> int:
        """The epoch the next batch comes from (0-based)."""
        return self._epoch

    @property
    def position(self) -> int:
        """Batches already taken in the current epoch."""
        return self._position

    def epoch_order(self, epoch: int) -> list[int]:
        """The shuffled question indices of ``epoch``."""
        rng = np.random.default_rng([self.seed, epoch])
        return [int(i) for i in rng.permutation(self.n_questions)]

    def next_batch(self) -> list[int]:
        """The next batch of question indices."""
        if self._order is None:
            self._order = np.asarray(self.epoch_order(self._epoch), dtype=np.int64)
        start = self._position * self.batch_size
        batch = [int(i) for i in self._order[start : start + self.batch_size]]
        self._position += 1
        if self._position == self.batches_per_epoch:
            self._epoch, self._position, self._order = self._epoch + 1, 0, None
        return batch

    def __iter__(self) -> Iterator[list[int]]:
        epoch = self._epoch
        while self._epoch == epoch:
            yield self.next_batch()

    def __len__(self) -> int:
        """Batches left in the current epoch."""
        return self.batches_per_epoch - self._position

    def state_dict(self) -> dict[str, int | bool]:
        """The position, plus the parameters it is only valid for."""
        return {
            "epoch": self._epoch,
            "position": self._position,
            "n_questions": self.n_questions,
            "batch_size": self.batch_size,
            "seed": self.seed,
            "drop_last": self.drop_last,
        }

    def load_state_dict(self, state: Mapping[str, Any]) -> None:
        """Resume from :meth:`state_dict`; the sampler's parameters must match the saved ones."""
        for key in ("n_questions", "batch_size", "seed", "drop_last"):
            if state.get(key) != getattr(self, key):
                raise InvalidInputError(
                    f"sampler state was saved with {key}={state.get(key)!r}, "
                    f"this sampler has {getattr(self, key)!r}"
                )
        epoch, position = state.get("epoch"), state.get("position")
        if not isinstance(epoch, int) or epoch < 0:
            raise InvalidInputError(f"sampler state: bad epoch {epoch!r}")
        if not isinstance(position, int) or not 0 <= position < self.batches_per_epoch:
            raise InvalidInputError(f"sampler state: bad position {position!r}")
        self._epoch, self._position, self._order = epoch, position, None
