"""``relift select-hard``: the training questions a base model gets wrong in every one of n
samples, selected offline (the paper's "SFT on the base model's all-wrong questions" baseline).

    relift select-hard --model DIR --data FILE --output FILE [--n 8] [--temperature 1.0]
                       [--max-new-tokens N] [--seed 0] [--batch-size 64] [--chunk Q]
                       [--engine hf|vllm] [--config YAML] [--schema qa] [--set KEY=VALUE]

Rows load as in ``relift train`` / ``relift eval`` (``--config``'s ``data`` section: schema, field
mapping, chat template, think convention, bad rows, prompt overflow; ``--schema`` and ``--set``
override it); sampling defaults come from its ``rollout`` section (n, temperature, top-p/top-k,
max_new_tokens, engine); answers are graded with the run's reward. Rollout ``j`` of the row
numbered ``r`` is drawn with ``rollout_seed(--seed, r, j)``, so the selection does not depend on
``--batch-size``, ``--chunk`` or on a run having been resumed (up to float differences between
batch shapes).

Files (``r`` is the row number relift's error messages use: the 1-based line of a JSON lines file,
the 1-based row of a parquet file):

- ``--output``: the selected rows, in input order, in the data's format: the original lines of a
  JSON lines file byte for byte (each ended by ``\\n``), or the original rows of a parquet file
  (same schema). Rows without a demonstration are never written (counted in the report).
- ``<output>.report.json``: ``command``, ``settings``, ``counts`` (rows, skipped, questions,
  all_wrong, all_wrong_without_demonstration, written) and ``rows``: one entry per input row,
  ``{"correct": c, "demonstration": bool, "written": bool}`` or ``{"skipped": why}`` (blank lines,
  rows the loader skipped or dropped).
- ``<output>.partial.jsonl`` while running: a header line with the settings that decide the
  samples, then ``{"row": r, "correct": c}`` per finished question, appended and synced after
  every chunk. A rerun with the same settings skips those questions; with other settings it stops
  with an error. Removed once the output and report are in place (both written atomically).

Exit status: 0 done; 2 a usage, configuration or input problem (a missing model directory or data
file, a bad data row, a settings mismatch with the partial file); 1 any other error.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import importlib
import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from relift.cli._args import add_overrides
from relift.cli.eval import _config, _directory, _load_model, _positive_int
from relift.config import Config
from relift.errors import InputFormatError, InvalidInputError, ReliftError
from relift.textlines import numbered_byte_lines

if TYPE_CHECKING:
    from relift.data import Question
    from relift.rollout import RolloutEngine, SamplingParams

__all__ = ["DESCRIPTION", "HELP", "add_arguments", "run"]

PROG = "relift select-hard"
HELP = "select the training questions a model gets wrong in all of n samples (for SFT)"
DESCRIPTION = (
    "Sample n answers to every question of --data with --model, grade them with relift's "
    "verifier, and write to --output the original input rows (byte for byte, in input order) of "
    "the questions whose n samples were all wrong and that have a demonstration. All-wrong rows "
    "without a demonstration are counted and listed in the report but not written. "
    "<output>.report.json holds the settings, the counts and every input row's number of "
    "correct samples (or why it was skipped). Resumable: finished questions are kept in "
    "<output>.partial.jsonl, and a rerun with the same settings continues from there. "
    "Exit status: 2 for a usage, configuration or input problem, 1 for other errors."
)
_HEADER = "relift_select_hard_partial"
_VERSION = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``relift select-hard``."""
    parser.add_argument("--model", required=True, metavar="DIR", help="model directory (local)")
    parser.add_argument(
        "--data", required=True, metavar="FILE", help="training questions (.jsonl / .parquet)"
    )
    parser.add_argument(
        "--output",
        required=True,
        metavar="FILE",
        help="where the selected rows go (in the data's format); also <FILE>.report.json",
    )
    parser.add_argument(
        "--n", type=_positive_int, metavar="N", help="samples per question (default: rollout.n, 8)"
    )
    parser.add_argument(
        "--temperature", type=float, metavar="T", help="(default: rollout.temperature, 1.0)"
    )
    parser.add_argument("--top-p", type=float, metavar="P", help="(default: rollout.top_p, 1.0)")
    parser.add_argument(
        "--max-new-tokens",
        type=_positive_int,
        metavar="N",
        help="(default: rollout.max_new_tokens)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="N", help="sampling seed (default: 0)"
    )
    parser.add_argument(
        "--batch-size",
        type=_positive_int,
        default=64,
        metavar="N",
        help="sequences per generate call of the transformers engine (default: %(default)s)",
    )
    parser.add_argument(
        "--chunk",
        type=_positive_int,
        metavar="Q",
        help="questions per engine call and per save to the partial file "
        "(default: batch-size / n, at least 1)",
    )
    parser.add_argument(
        "--engine", choices=["hf", "vllm"], help="rollout engine (default: rollout.engine, hf)"
    )
    parser.add_argument("--schema", choices=["openr1", "qa"], help="row schema (data.schema)")
    parser.add_argument(
        "--config", metavar="YAML", help="a run config; its data and rollout sections are used"
    )
    add_overrides(parser, "data.chat_template=false")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")


def run(args: argparse.Namespace, argv: Sequence[str] | None = None) -> int:
    """Run ``relift select-hard``; returns the exit status."""
    try:
        return _run(args, argv)
    except (InvalidInputError, InputFormatError) as exc:  # ConfigError included
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except ReliftError as exc:
        print(f"{PROG}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{PROG}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


# ---- the run -------------------------------------------------------------------------------------


@dataclasses.dataclass
class _Rows:
    """The data file's rows: the questions (``id`` = row number), the skipped rows and why."""

    path: Path
    kind: str  # "jsonl" or "parquet"
    count: int  # lines of a JSON lines file (blank ones included), rows of a parquet file
    questions: list[Question]
    skipped: dict[int, str]


def _run(args: argparse.Namespace, argv: Sequence[str] | None) -> int:
    config = _config(args)
    model_dir = _directory(args.model, "--model")
    data = Path(args.data)
    if not data.is_file():
        raise InvalidInputError(f"--data {data}: no such data file")
    output = _output_path(args.output, data, _data_kind(data, config))
    engine_kind = args.engine or config.rollout.engine
    sampling = _sampling(args, config)
    chunk = args.chunk or max(1, args.batch_size // sampling.n)
    settings = _settings(model_dir, data, config, sampling, engine_kind)
    partial = _Partial(_sibling(output, ".partial.jsonl"), settings, sampling.n)
    done = partial.load()  # a settings mismatch stops here, before anything is loaded

    tokenizer = _load_tokenizer(model_dir, args.no_progress)
    rows = _load_rows(data, config, tokenizer)
    known = {q.id for q in rows.questions}
    if not set(done) <= known:
        raise InvalidInputError(
            f"{partial.path}: has results for rows that are not questions of {data} "
            f"(e.g. row {min(set(done) - known)}); use another --output, or delete "
            f"{partial.path} to start over"
        )
    todo = [q for q in rows.questions if q.id not in done]
    if done:
        print(f"resuming: {len(done)} of {len(rows.questions)} questions done", file=sys.stderr)
    if todo:
        engine, tokenizer = _engine(engine_kind, model_dir, config, sampling, args, tokenizer)
        print(f"sampling {len(todo)} questions x {sampling.n} from {model_dir}", file=sys.stderr)
        _sample(engine, tokenizer, config, rows.questions, todo, sampling, chunk, partial, args)
        done = partial.load()

    report = _report(rows, done, settings, args, argv, chunk)
    selected = [int(r) for r, entry in report["rows"].items() if entry.get("written")]
    _atomic_write(output, lambda fh: _write_rows(rows, selected, fh))
    report_path = _sibling(output, ".report.json")
    text = json.dumps(report, indent=1, ensure_ascii=False) + "\n"
    _atomic_write(report_path, lambda fh: fh.write(text.encode("utf-8")))
    partial.path.unlink(missing_ok=True)
    counts = report["counts"]
    print(
        f"{PROG}: {counts['all_wrong']} of {counts['questions']} questions wrong in all "
        f"{sampling.n} samples; wrote {counts['written']} rows to {output} "
        f"({counts['all_wrong_without_demonstration']} all-wrong without a demonstration, "
        f"{counts['skipped']} rows skipped); report {report_path}"
    )
    return 0


# ---- inputs --------------------------------------------------------------------------------------


def _data_kind(data: Path, config: Config) -> str:
    """``jsonl`` or ``parquet``, as the loader will read ``data``."""
    from relift.data.sources import iter_rows

    _, label, _ = iter_rows(data, config.data.format)  # a generator: nothing read yet
    return "jsonl" if label == "line" else "parquet"


def _output_path(text: str, data: Path, kind: str) -> Path:
    output = Path(text)
    suffix = output.suffix.lower()
    named = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}.get(suffix, kind)
    if named != kind:
        raise InvalidInputError(
            f"--output {output}: the selected rows are written in the data's format ({kind}); "
            f"give the output a .{kind} name"
        )
    if output.resolve() == data.resolve() or (output.exists() and output.samefile(data)):
        raise InvalidInputError(
            f"--output {output}: is the data file itself; write the selection to another file"
        )
    if output.is_dir():
        raise InvalidInputError(f"--output {output}: is a directory; give a file name")
    if not output.parent.is_dir():
        raise InvalidInputError(f"--output {output}: no such directory {output.parent}")
    return output


def _sibling(output: Path, suffix: str) -> Path:
    return output.with_name(output.name + suffix)


def _sampling(args: argparse.Namespace, config: Config) -> SamplingParams:
    from relift.rollout import SamplingParams  # imports torch: only now

    rollout = config.rollout
    return SamplingParams(
        n=args.n or rollout.n,
        temperature=rollout.temperature if args.temperature is None else args.temperature,
        top_p=rollout.top_p if args.top_p is None else args.top_p,
        top_k=rollout.top_k,
        max_new_tokens=args.max_new_tokens or rollout.max_new_tokens,
        seed=args.seed,
    )


def _settings(
    model_dir: Path, data: Path, config: Config, sampling: SamplingParams, engine: str
) -> dict[str, Any]:
    """Everything that decides the samples and their grades: what a resumed run must share."""
    data_section = config.data.model_dump(
        mode="json", by_alias=True, exclude={"train_files", "eval_files"}
    )
    weights = {
        p.name: [p.stat().st_size, int(p.stat().st_mtime)]
        for p in sorted(model_dir.iterdir())
        if p.is_file() and (p.suffix in {".safetensors", ".bin", ".pt"} or p.name == "config.json")
    }
    sampled = ("n", "temperature", "top_p", "top_k", "max_new_tokens", "seed")
    return {
        "model": str(model_dir.resolve()),
        "model_files": weights,
        "model_dtype": config.model.dtype,
        "data_sha256": _sha256(data),
        **{name: getattr(sampling, name) for name in sampled},
        "engine": engine,
        "data_config": data_section,
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _load_tokenizer(directory: Path, quiet: bool) -> Any:
    """The tokenizer alone (the data loads before any model does)."""
    from transformers.utils import logging as hf_logging

    from relift.models import ensure_pad_token, load_tokenizer

    bars = hf_logging.is_progress_bar_enabled()
    if quiet:
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        tokenizer = load_tokenizer(directory, local_files_only=True)
    except (OSError, ValueError) as exc:
        why = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise InvalidInputError(f"{directory}: cannot load a tokenizer from here: {why}") from None
    finally:
        if bars:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]
    ensure_pad_token(tokenizer)
    return tokenizer


def _load_rows(path: Path, config: Config, tokenizer: Any) -> _Rows:
    """Every row of ``path`` through :func:`relift.data.load_questions`; each question's id is
    its row number in the file (``Question.row``), the key of the report and the sampling."""
    from relift.data import load_questions

    questions, report = load_questions(path, config.data, tokenizer)
    questions = [dataclasses.replace(q, id=q.row) for q in questions]
    skipped = dict(report.skipped_rows)
    kind = _data_kind(path, config)
    count = report.rows
    if kind == "jsonl":  # blank lines are no rows, but every line is in the report
        count = sum(1 for _ in numbered_byte_lines(path))
        seen = {q.id for q in questions} | set(skipped)
        skipped |= {n: "blank line" for n in range(1, count + 1) if n not in seen}
    label = "line" if kind == "jsonl" else "row"
    why = f"; skipped {len(skipped)} (see the report)" if skipped else ""
    print(f"data: {path}: {len(questions)} questions from {count} {label}s{why}", file=sys.stderr)
    return _Rows(path, kind, count, questions, dict(sorted(skipped.items())))


# ---- sampling ------------------------------------------------------------------------------------


def _engine(
    kind: str,
    model_dir: Path,
    config: Config,
    sampling: SamplingParams,
    args: argparse.Namespace,
    tokenizer: Any,
) -> tuple[RolloutEngine, Any]:
    """The rollout engine and the tokenizer it uses."""
    if kind == "vllm":
        from relift.rollout.vllm import VLLMEngine  # imports vLLM: only when asked for

        options = config.rollout.vllm.model_dump()
        options["sleep"] = "off"  # no trainer to give the GPU to
        options["max_model_len"] = options["max_model_len"] or (
            config.data.max_prompt_tokens + sampling.max_new_tokens
        )
        engine = VLLMEngine(
            str(model_dir), tokenizer, **options, dtype=config.model.dtype, seed=args.seed
        )
        return engine, tokenizer
    from relift.rollout import HFEngine

    model, tokenizer = _load_model(model_dir, config, args.no_progress)
    return HFEngine(model, tokenizer, batch_size=args.batch_size), tokenizer


def _sample(
    engine: RolloutEngine,
    tokenizer: Any,
    config: Config,
    questions: Sequence[Question],
    todo: Sequence[Question],
    sampling: SamplingParams,
    chunk: int,
    partial: _Partial,
    args: argparse.Namespace,
) -> None:
    """Sample and grade ``todo`` a chunk at a time; each chunk's counts go to ``partial``."""
    from relift.data import prompt_uses_chat_template, tokenize_prompts
    from relift.metrics import progress
    from relift.rewards import compute_rewards, reward_fn_from_config

    reward_fn = reward_fn_from_config(config)
    data = config.data
    special = not prompt_uses_chat_template(tokenizer, data)
    first = len(questions) - len(todo)
    with progress(
        len(questions), "select-hard", disable=args.no_progress, initial=first, unit="q"
    ) as bar:
        for start in range(0, len(todo), chunk):
            part = list(todo[start : start + chunk])
            prompt_ids = tokenize_prompts(
                [q.prompt_text for q in part], tokenizer, max_tokens=data.max_prompt_tokens,
                overflow=data.prompt_overflow, add_special_tokens=special,
            ).input_ids  # fmt: skip
            rollouts = engine.generate(prompt_ids, sampling, keys=[q.id for q in part])
            correct = compute_rewards(reward_fn, part, rollouts) > 0
            counts = correct.reshape(len(part), sampling.n).sum(axis=1)
            partial.append({q.id: int(c) for q, c in zip(part, counts, strict=True)})
            bar.update(len(part))


# ---- the partial file ----------------------------------------------------------------------------


class _Partial:
    """``<output>.partial.jsonl``: a header with the settings, then one line per finished
    question, appended and synced a chunk at a time."""

    def __init__(self, path: Path, settings: dict[str, Any], n: int) -> None:
        self.path = path
        self.settings = json.loads(json.dumps(settings))  # as it reads back
        self.n = n

    def load(self) -> dict[int, int]:
        """``row -> correct`` of the questions done; checks the header, drops a torn last line."""
        if not self.path.exists():
            return {}
        done: dict[int, int] = {}
        good_bytes = 0
        lines = list(_lines_with_ends(self.path))
        for index, raw in enumerate(lines):
            try:
                record = json.loads(raw)
                if not raw.endswith(b"\n"):
                    raise ValueError("no line end")
            except ValueError:
                if index == len(lines) - 1 and index > 0:  # a write cut short: redo that chunk
                    break
                raise InvalidInputError(
                    f"{self.path}, line {index + 1}: not a JSON line; delete {self.path} to start "
                    "over (it only saves time)"
                ) from None
            if index == 0:
                self._check_header(record)
            else:
                row, correct = self._record(record, index + 1)
                done[row] = correct
            good_bytes += len(raw)
        if good_bytes < self.path.stat().st_size:
            with self.path.open("r+b") as fh:
                fh.truncate(good_bytes)
        return done

    def _check_header(self, record: Any) -> None:
        stored = record.get("settings") if isinstance(record, dict) else None
        if not isinstance(record, dict) or record.get(_HEADER) != _VERSION or stored is None:
            raise InvalidInputError(
                f"{self.path}: not a relift select-hard partial file; use another --output, or "
                f"delete {self.path}"
            )
        if stored != self.settings:
            keys = sorted(set(stored) | set(self.settings))
            changed = [k for k in keys if stored.get(k) != self.settings.get(k)]
            raise InvalidInputError(
                f"{self.path}: left by a run with other settings ({', '.join(changed)} differ); "
                f"use another --output, or delete {self.path} to start over"
            )

    def _record(self, record: Any, line: int) -> tuple[int, int]:
        row = record.get("row") if isinstance(record, dict) else None
        correct = record.get("correct") if isinstance(record, dict) else None
        if not isinstance(row, int) or not isinstance(correct, int) or not 0 <= correct <= self.n:
            raise InvalidInputError(
                f"{self.path}, line {line}: expected {{'row': int, 'correct': 0..{self.n}}}; "
                f"delete {self.path} to start over"
            )
        return row, correct

    def append(self, results: dict[int, int]) -> None:
        """Add finished questions (the header first, if the file is new); synced to disk."""
        lines = [json.dumps({"row": r, "correct": c}) + "\n" for r, c in results.items()]
        if not self.path.exists():
            header = {_HEADER: _VERSION, "settings": self.settings}
            lines.insert(0, json.dumps(header, ensure_ascii=False) + "\n")
        with self.path.open("ab") as fh:
            fh.write("".join(lines).encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())


def _lines_with_ends(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        yield from fh


# ---- outputs -------------------------------------------------------------------------------------


def _report(
    rows: _Rows,
    done: dict[int, int],
    settings: dict[str, Any],
    args: argparse.Namespace,
    argv: Sequence[str] | None,
    chunk: int,
) -> dict[str, Any]:
    """The report: settings, counts and one entry per input row, in row order."""
    entries: dict[int, dict[str, Any]] = {n: {"skipped": why} for n, why in rows.skipped.items()}
    all_wrong = without_demo = 0
    for q in rows.questions:
        correct = done[q.id]
        has_demo = q.demonstration is not None
        all_wrong += correct == 0
        without_demo += correct == 0 and not has_demo
        entries[q.id] = {
            "correct": correct,
            "demonstration": has_demo,
            "written": correct == 0 and has_demo,
        }
    command = shlex.join(["relift", *argv]) if argv is not None else None
    return {
        "command": command,
        "settings": {
            **settings,
            "data": str(rows.path),
            "output": args.output,
            "batch_size": args.batch_size,
            "chunk": chunk,
            "rows": f"1-based {'lines' if rows.kind == 'jsonl' else 'rows'} of the data file",
        },
        "counts": {
            "rows": rows.count,
            "skipped": len(rows.skipped),
            "questions": len(rows.questions),
            "all_wrong": all_wrong,
            "all_wrong_without_demonstration": without_demo,
            "written": all_wrong - without_demo,
        },
        "rows": {str(n): entries[n] for n in sorted(entries)},
    }


def _write_rows(rows: _Rows, selected: list[int], fh: IO[bytes]) -> None:
    """The selected rows as they are in the data file."""
    wanted = set(selected)
    if rows.kind == "jsonl":
        for number, raw in numbered_byte_lines(rows.path):
            if number in wanted:
                fh.write(raw + b"\n")
        return
    pq = importlib.import_module("pyarrow.parquet")  # the data was read with it

    table = pq.read_table(rows.path)
    pq.write_table(table.take([n - 1 for n in selected]), fh)


def _atomic_write(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write ``path`` through a temporary file next to it and ``os.replace``."""
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with temp.open("wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
