"""Evaluation: avg@k and pass@k overall, per data source and per difficulty bucket, with response
lengths (``docs/algorithm.md``, "The dynamics analysis"); ``relift eval`` and the trainer use it::

    result = evaluate(engine, prompt_ids, questions, SamplingParams(n=8, temperature=0.6), reward)
    result.metrics["accuracy"], result.metrics["pass_at_8"], result.metrics["accuracy/bucket/hard"]

A sample is correct when its reward is > 0 (the trainer's convention). avg@k (``accuracy``) is the
mean correctness of the k samples of a question, averaged over questions; pass@k is the fraction of
questions with at least one correct sample (with exactly k samples per question the unbiased
estimator is this plain fraction). Lengths count response tokens, EOS included.

Difficulty buckets come from a base model's accuracy over k samples (:func:`bucket_of`). The
paper's thresholds over 8 samples are Easy >= 0.75, Medium 0.375-0.625, Hard 0.125-0.25,
Hardest = 0; for other k an accuracy can fall between those ranges, so the boundaries sit at the
midpoints of the gaps: hardest = 0, hard < 0.3125, medium < 0.6875, easy above. For k = 8 this is
exactly the paper's bucketing.

Bucket files (:func:`save_buckets` / :func:`load_buckets`) are JSON lines, one per question::

    {"key": "math500|id:17", "bucket": "hard", "accuracy": 0.25}

keyed by :func:`question_key`, so buckets computed once from a base model apply to any later
evaluation of the same questions, whatever their order or which other files are loaded with them.

Importing this module needs neither torch nor transformers: it only calls the engine it is given.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import numpy.typing as npt

from relift.errors import InputFormatError, InvalidInputError
from relift.metrics import progress as progress_bar
from relift.rewards import RewardFn, compute_rewards
from relift.textlines import numbered_byte_lines

if TYPE_CHECKING:
    from relift.data import Question
    from relift.rollout import RolloutEngine, SamplingParams

__all__ = [
    "BUCKETS",
    "ID_FIELDS",
    "EvalResult",
    "GroupSummary",
    "assign_buckets",
    "avg_and_pass_at_k",
    "bucket_of",
    "bucket_table",
    "evaluate",
    "load_buckets",
    "question_key",
    "save_buckets",
    "summary_rows",
    "to_markdown",
]

#: Difficulty buckets, easiest first.
BUCKETS: Final = ("easy", "medium", "hard", "hardest")
#: Row columns that identify a question, tried in this order by :func:`question_key`.
ID_FIELDS: Final = ("id", "uid")
# Upper bounds (exclusive) of hard and medium: midpoints of the paper's gaps at k = 8.
_HARD_BELOW, _MEDIUM_BELOW = 0.3125, 0.6875

BoolMatrix = npt.NDArray[np.bool_]
IntMatrix = npt.NDArray[np.int64]


# ---- difficulty buckets --------------------------------------------------------------------------


def bucket_of(accuracy: float) -> str:
    """The difficulty bucket of a question the base model solves with this accuracy (0 to 1):
    hardest at 0, hard below 0.3125, medium below 0.6875, easy from there (for k = 8 samples,
    exactly the paper's ranges; see the module docstring)."""
    if not 0.0 <= accuracy <= 1.0:  # also rejects NaN
        raise InvalidInputError(f"an accuracy must be in [0, 1], got {accuracy}")
    if accuracy == 0.0:
        return "hardest"
    if accuracy < _HARD_BELOW:
        return "hard"
    return "medium" if accuracy < _MEDIUM_BELOW else "easy"


def assign_buckets(correct: npt.ArrayLike) -> list[str]:
    """The bucket of every question from a ``(questions, k)`` matrix of correct samples."""
    matrix = _bool_matrix(correct)
    return [bucket_of(float(a)) for a in matrix.mean(axis=1)]


def question_key(question: Question) -> str:
    """A key that finds a question again in another load of the same data.

    ``<data_source>|id:<value>`` when the row has an ``id`` (or ``uid``) column, otherwise
    ``<data_source>|prompt:<prompt>`` with the row's raw prompt (a string, or the JSON of its chat
    messages), never the rendered prompt text, which depends on the tokenizer's chat template.
    The data source is part of the key because benchmark files often number their rows from 0;
    without one the key starts with ``|``. Question positions (``Question.id``) are not used:
    they change with file order and with ``--limit``.
    """
    source = question.data_source or ""
    for name in ID_FIELDS:
        value = question.extra.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return f"{source}|id:{value}"
    prompt = question.prompt
    text = prompt if isinstance(prompt, str) else json.dumps(prompt, ensure_ascii=False)
    return f"{source}|prompt:{text}"


def bucket_table(keys: Sequence[str], correct: npt.ArrayLike) -> dict[str, tuple[str, float]]:
    """``key -> (bucket, accuracy)`` from a base model's correct matrix (one row per key).

    Rows that share a key (the same question twice) are pooled: one accuracy over all their
    samples, so a key always has one bucket.
    """
    matrix = _bool_matrix(correct)
    if len(keys) != len(matrix):
        raise InvalidInputError(f"{len(keys)} keys for {len(matrix)} rows of samples")
    pooled: dict[str, list[float]] = {}
    for key, row in zip(keys, matrix, strict=True):
        pooled.setdefault(key, []).extend(row.tolist())
    return {key: (bucket_of(float(np.mean(v))), float(np.mean(v))) for key, v in pooled.items()}


def save_buckets(
    path: str | Path, keys: Sequence[str], buckets: Sequence[str], accuracies: Sequence[float]
) -> Path:
    """Write a bucket file (one JSON line per question); keys must be distinct."""
    if not len(keys) == len(buckets) == len(accuracies):
        raise InvalidInputError(
            f"save_buckets: {len(keys)} keys, {len(buckets)} buckets, {len(accuracies)} accuracies"
        )
    seen: set[str] = set()
    lines = []
    for key, bucket, accuracy in zip(keys, buckets, accuracies, strict=True):
        if key in seen:
            raise InvalidInputError(f"save_buckets: duplicate key {key!r} (see bucket_table)")
        if bucket not in BUCKETS:
            raise InvalidInputError(f"save_buckets: unknown bucket {bucket!r} for key {key!r}")
        seen.add(key)
        record = {"key": key, "bucket": bucket, "accuracy": float(accuracy)}
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def load_buckets(path: str | Path) -> dict[str, str]:
    """``key -> bucket`` from a bucket file. ``accuracy`` is optional (hand-written files);
    blank lines are skipped. A bad line raises :class:`~relift.errors.InputFormatError` naming
    the file, the line and the field."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInputError(f"{path}: no such buckets file")
    buckets: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in _numbered_lines(path):
        if not line.strip():
            continue
        key, bucket = _bucket_line(line, f"{path}, line {number}")
        if key in lines:
            raise InputFormatError(
                f"{path}, line {number}, field 'key': {key!r} already on line {lines[key]}"
            )
        buckets[key], lines[key] = bucket, number
    if not buckets:
        raise InputFormatError(f"{path}: no bucket lines")
    return buckets


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(1-based number, text) of every line; a line that is not UTF-8 is named."""
    for number, raw in numbered_byte_lines(path):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputFormatError(
                f"{path}, line {number}: not UTF-8 (byte {exc.start + 1} of the line); "
                "re-encode the file as UTF-8"
            ) from None


def _bucket_line(line: str, where: str) -> tuple[str, str]:
    """(key, bucket) of one line of a bucket file, validated."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputFormatError(f"{where}: not valid JSON: {exc.msg}") from None
    if not isinstance(record, dict):
        raise InputFormatError(f"{where}: expected an object, got {type(record).__name__}")
    key, bucket, accuracy = record.get("key"), record.get("bucket"), record.get("accuracy", 0.0)
    if not isinstance(key, str) or not key:
        raise InputFormatError(f"{where}, field 'key': expected a non-empty string, got {key!r}")
    if bucket not in BUCKETS:
        raise InputFormatError(
            f"{where}, field 'bucket': {bucket!r} is not one of {', '.join(BUCKETS)}"
        )
    number = isinstance(accuracy, int | float) and not isinstance(accuracy, bool)
    if not number or not 0.0 <= accuracy <= 1.0:
        raise InputFormatError(f"{where}, field 'accuracy': expected 0 to 1, got {accuracy!r}")
    return key, bucket


# ---- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSummary:
    """avg@k, pass@k and mean response length of a group of questions."""

    n: int
    accuracy: float
    pass_at_k: float
    resp_len: float


@dataclass(frozen=True)
class EvalResult:
    """What :func:`evaluate` measured: ``correct``, ``lengths`` and ``truncated`` are
    ``(questions, k)`` matrices in the order of ``questions``; ``buckets`` the bucket of each
    question (None where unknown) or None without buckets; ``metrics`` the flat numbers
    (see :func:`evaluate`)."""

    questions: list[Question]
    correct: BoolMatrix
    lengths: IntMatrix
    truncated: BoolMatrix
    buckets: list[str | None] | None
    metrics: dict[str, float]

    @property
    def k(self) -> int:
        """Samples per question."""
        return int(self.correct.shape[1])

    def with_buckets(self, buckets: Sequence[str | None] | None) -> EvalResult:
        """The same samples with other buckets (None: none), metrics recomputed."""
        if buckets is not None:
            _check_buckets(buckets, len(self.questions))
        result = replace(self, buckets=None if buckets is None else list(buckets), metrics={})
        return replace(result, metrics=_metrics(result))

    def by_source(self) -> dict[str, GroupSummary]:
        """Summaries per data source, sorted by name (questions without one are left out)."""
        labels = [q.data_source or None for q in self.questions]
        return {s: self._summary(labels, s) for s in sorted({s for s in labels if s})}

    def by_bucket(self) -> dict[str, GroupSummary]:
        """Summaries of the non-empty buckets, easiest first ({} without buckets)."""
        labels = self.buckets or []
        return {b: self._summary(labels, b) for b in BUCKETS if b in labels}

    def per_question(self) -> list[dict[str, Any]]:
        """One JSON-ready row per question."""
        rows = []
        for i, q in enumerate(self.questions):
            row = {
                "id": q.id,
                "key": question_key(q),
                "data_source": q.data_source,
                "answer": q.answer,
                "accuracy": float(self.correct[i].mean()),
                "pass": bool(self.correct[i].any()),
                "correct": self.correct[i].tolist(),
                "lengths": self.lengths[i].tolist(),
            }
            if self.buckets is not None:
                row["bucket"] = self.buckets[i]
            rows.append(row)
        return rows

    def _summary(self, labels: Sequence[str | None], label: str) -> GroupSummary:
        rows = [i for i, x in enumerate(labels) if x == label]
        return _summarize(self.correct[rows], self.lengths[rows])


def _summarize(correct: BoolMatrix, lengths: IntMatrix) -> GroupSummary:
    return GroupSummary(
        n=len(correct),
        accuracy=float(correct.mean()),
        pass_at_k=float(correct.any(axis=1).mean()),
        resp_len=float(lengths.mean()),
    )


def avg_and_pass_at_k(counts: Iterable[Sequence[int]]) -> tuple[float, float]:
    """avg@k and pass@k from ``(samples, correct)`` counts per question, where each question may
    have its own k: the mean over questions of correct / samples, and the share of questions with
    at least one correct sample (``relift-verify --id-field`` reports these)."""
    pairs = [(int(n), int(c)) for n, c in counts]
    if not pairs:
        raise InvalidInputError("avg_and_pass_at_k: no questions")
    for n, c in pairs:
        if n < 1 or not 0 <= c <= n:
            raise InvalidInputError(f"avg_and_pass_at_k: {c} correct of {n} samples")
    avg = sum(c / n for n, c in pairs) / len(pairs)
    return avg, sum(1 for _, c in pairs if c > 0) / len(pairs)


def summary_rows(result: EvalResult) -> list[tuple[str, GroupSummary]]:
    """(label, summary) for everything, each source and each non-empty bucket: one table."""
    all_rows = _summarize(result.correct, result.lengths)
    rows = [("all", all_rows)]
    rows += [(f"source {name}", s) for name, s in result.by_source().items()]
    rows += [(f"bucket {name}", s) for name, s in result.by_bucket().items()]
    return rows


def _metrics(result: EvalResult) -> dict[str, float]:
    """The flat metric names of :func:`evaluate`."""
    correct, lengths, k = result.correct, result.lengths, result.k
    overall = _summarize(correct, lengths)
    metrics = {
        "accuracy": overall.accuracy,
        f"pass_at_{k}": overall.pass_at_k,
        "resp_len_mean": overall.resp_len,
        "truncated_frac": float(result.truncated.mean()),
    }
    if correct.any():
        metrics["resp_len_correct"] = float(lengths[correct].mean())
    if not correct.all():
        metrics["resp_len_wrong"] = float(lengths[~correct].mean())
    for source, s in result.by_source().items():
        metrics[f"accuracy/{source}"] = s.accuracy
        metrics[f"pass_at_{k}/{source}"] = s.pass_at_k
    if result.buckets is not None:
        groups = result.by_bucket()
        for bucket in BUCKETS:
            metrics[f"n/bucket/{bucket}"] = float(groups[bucket].n if bucket in groups else 0)
            if bucket in groups:
                metrics[f"accuracy/bucket/{bucket}"] = groups[bucket].accuracy
                metrics[f"pass_at_{k}/bucket/{bucket}"] = groups[bucket].pass_at_k
                metrics[f"resp_len/bucket/{bucket}"] = groups[bucket].resp_len
    return metrics


# ---- evaluating ----------------------------------------------------------------------------------


def evaluate(
    engine: RolloutEngine,
    prompt_ids: Sequence[Sequence[int]],
    questions: Sequence[Question],
    sampling: SamplingParams,
    reward_fn: RewardFn,
    buckets: Sequence[str | None] | None = None,
    *,
    progress: bool = False,
    chunk: int | None = None,
) -> EvalResult:
    """Sample ``k = sampling.n`` responses per question, reward them, and measure.

    ``prompt_ids[i]`` is the prompt of ``questions[i]``; ``buckets[i]`` its difficulty bucket
    (None: unknown, left out of the bucket metrics). ``chunk`` questions go to the engine per
    call (None: all at once). Question ``q``'s samples are keyed by ``q.id`` (see
    :meth:`~relift.rollout.RolloutEngine.generate`), so with a seed they do not depend on the
    chunking or on which other questions are evaluated with it. ``progress`` shows a tqdm bar
    counting questions.

    ``metrics``: ``accuracy`` (avg@k), ``pass_at_{k}``, ``resp_len_mean``, ``truncated_frac``,
    ``resp_len_correct`` / ``resp_len_wrong`` (when some samples are correct / wrong);
    ``accuracy/<source>`` and ``pass_at_{k}/<source>`` per data source; with buckets
    ``n/bucket/<b>`` for every bucket and ``accuracy/bucket/<b>``, ``pass_at_{k}/bucket/<b>``,
    ``resp_len/bucket/<b>`` for the non-empty ones.
    """
    count, k = len(questions), sampling.n
    if not count:
        raise InvalidInputError("evaluate: no questions")
    if len(prompt_ids) != count:
        raise InvalidInputError(f"evaluate: {len(prompt_ids)} prompts for {count} questions")
    if buckets is not None:
        _check_buckets(buckets, count)  # before sampling, not after
    step = count if chunk is None else chunk
    if step < 1:
        raise InvalidInputError(f"evaluate: chunk must be >= 1, got {chunk}")
    correct, lengths, truncated = [], [], []
    with progress_bar(count, "eval", disable=not progress, unit="q") as bar:
        for start in range(0, count, step):
            part = list(questions[start : start + step])
            prompts = [list(p) for p in prompt_ids[start : start + step]]
            rollouts = engine.generate(prompts, sampling, keys=[q.id for q in part])
            if len(rollouts) != len(part) * k:
                raise InvalidInputError(
                    f"evaluate: the engine returned {len(rollouts)} rollouts for "
                    f"{len(part)} prompts x {k}"
                )
            correct.append(compute_rewards(reward_fn, part, rollouts) > 0)
            lengths.append([len(r) for r in rollouts.response_ids])
            truncated.append([f == "length" for f in rollouts.finish_reasons])
            bar.update(len(part))
    result = EvalResult(
        questions=list(questions),
        correct=np.concatenate(correct).reshape(count, k),
        lengths=np.concatenate(lengths).astype(np.int64).reshape(count, k),
        truncated=np.concatenate(truncated).astype(bool).reshape(count, k),
        buckets=None,
        metrics={},
    )
    return result.with_buckets(buckets)


def _check_buckets(buckets: Sequence[str | None], count: int) -> None:
    if len(buckets) != count:
        raise InvalidInputError(f"evaluate: {len(buckets)} buckets for {count} questions")
    unknown = {b for b in buckets if b is not None and b not in BUCKETS}
    if unknown:
        raise InvalidInputError(
            f"evaluate: unknown buckets {sorted(unknown)}; expected {', '.join(BUCKETS)}"
        )


def _bool_matrix(correct: npt.ArrayLike) -> BoolMatrix:
    matrix = np.asarray(correct)
    if matrix.ndim != 2 or matrix.shape[1] == 0:
        raise InvalidInputError(
            f"expected a (questions, k) matrix of correct samples, got shape {matrix.shape}"
        )
    return matrix.astype(bool)


# ---- markdown ------------------------------------------------------------------------------------


def to_markdown(result: EvalResult, title: str = "Evaluation") -> str:
    """A markdown report: the overall numbers, then tables per data source and per bucket."""
    m, k = result.metrics, result.k
    overall = [
        ("questions", str(len(result.questions))),
        ("samples per question (k)", str(k)),
        (f"avg@{k}", _pct(m["accuracy"])),
        (f"pass@{k}", _pct(m[f"pass_at_{k}"])),
        ("mean response length (tokens)", f"{m['resp_len_mean']:.1f}"),
        ("... of correct responses", _num(m.get("resp_len_correct"))),
        ("... of wrong responses", _num(m.get("resp_len_wrong"))),
        ("truncated responses", _pct(m["truncated_frac"])),
    ]
    parts = [f"# {title}", "", _table(["metric", "value"], overall)]
    head = ["questions", f"avg@{k}", f"pass@{k}", "mean length"]
    sources = result.by_source()
    if sources:
        rows = [(name, *_cells(s)) for name, s in sources.items()]
        parts += ["", "## Per data source", "", _table(["source", *head], rows)]
    if result.buckets is not None:
        groups = result.by_bucket()
        rows = [(b, *_cells(groups.get(b))) for b in BUCKETS]
        unknown = sum(b is None for b in result.buckets)
        if unknown:
            rows.append(("(no bucket)", str(unknown), "", "", ""))
        parts += ["", "## Per difficulty bucket", "", _table(["bucket", *head], rows)]
    return "\n".join(parts) + "\n"


def _cells(s: GroupSummary | None) -> tuple[str, str, str, str]:
    if s is None:
        return "0", "-", "-", "-"
    return str(s.n), _pct(s.accuracy), _pct(s.pass_at_k), f"{s.resp_len:.1f}"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def _pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def _num(value: float | None) -> str:
    return "-" if value is None or math.isnan(value) else f"{value:.1f}"
