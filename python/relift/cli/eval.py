"""``relift eval``: avg@k and pass@k of a model, overall, per data source and per difficulty bucket.

    relift eval --model DIR --data FILE [FILE ...] [--k 8] [--temperature 0.6]
                [--buckets FILE | --base-model DIR] [--save-buckets FILE] [--output DIR]

Questions load as in training (``--config`` is a run config whose ``data`` section says the
schema, field mapping, chat template and think convention; ``--schema`` and ``--set`` override
it) and are graded with the run's reward (relift's verifier). Difficulty buckets come from a
bucket file (``--buckets``), from a base model's 8 samples per question at the same temperature
(``--base-model``; saved to ``--save-buckets`` or ``<output>/buckets.jsonl``), or, with only
``--save-buckets``, from the evaluated model's own samples (evaluate the base model that way
once, then pass the file to later evaluations).

Writes ``eval.json`` (settings, metrics, one row per question), ``eval.md`` and ``accuracy.png``
into ``--output`` (default ``<model>/eval``, or ``./relift-eval`` when the model directory is
read-only) and prints a table. Exit status as ``relift train``: 2 for a usage or configuration
problem (a missing model directory, data or buckets file), 1 for any other relift error (a bad
data row, a bad line in a buckets file).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relift.cli._args import add_overrides
from relift.config import Config, load_config
from relift.errors import InvalidInputError, ReliftError
from relift.evaluation import (
    EvalResult,
    bucket_table,
    evaluate,
    load_buckets,
    question_key,
    save_buckets,
    summary_rows,
    to_markdown,
)

if TYPE_CHECKING:
    from relift.data import Question
    from relift.rollout import SamplingParams

__all__ = ["BASE_K", "DESCRIPTION", "HELP", "add_arguments", "run"]

PROG = "relift eval"
HELP = "avg@k and pass@k of a model, per data source and difficulty bucket"
DESCRIPTION = (
    "Sample k responses per question, grade them with relift's verifier, and report avg@k and "
    "pass@k overall, per data source and per difficulty bucket (from --buckets FILE or from "
    "--base-model's 8 samples), with response lengths. Writes eval.json, eval.md and "
    "accuracy.png into --output. Exit status: 2 for a usage or configuration problem, 1 for "
    "other errors."
)
#: Samples per question of the base model that buckets are computed from (the paper's 8).
BASE_K = 8


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {value}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``relift eval``."""
    parser.add_argument("--model", required=True, metavar="DIR", help="model directory")
    parser.add_argument(
        "--data", required=True, nargs="+", metavar="FILE", help="questions (.jsonl / .parquet)"
    )
    parser.add_argument(
        "--k", type=_positive_int, default=8, help="samples per question (default: %(default)s)"
    )
    parser.add_argument(
        "--temperature", type=float, default=0.6, metavar="T", help="0: greedy (default: 0.6)"
    )
    parser.add_argument("--top-p", type=float, default=1.0, metavar="P", help="(default: 1.0)")
    parser.add_argument(
        "--max-new-tokens",
        type=_positive_int,
        metavar="N",
        help="(default: rollout.eval.max_new_tokens or rollout.max_new_tokens of --config)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--buckets", metavar="FILE", help="difficulty buckets from this file")
    source.add_argument(
        "--base-model", metavar="DIR", help=f"difficulty buckets from this model's {BASE_K} samples"
    )
    parser.add_argument(
        "--save-buckets",
        metavar="FILE",
        help="where to save the computed buckets (without --base-model: the evaluated model's)",
    )
    parser.add_argument("--schema", choices=["openr1", "qa"], help="row schema (data.schema)")
    parser.add_argument("--config", metavar="YAML", help="a run config; its data section is used")
    add_overrides(parser, "data.chat_template=false")
    parser.add_argument("--output", metavar="DIR", help="(default: <model>/eval)")
    parser.add_argument(
        "--seed", type=int, default=0, metavar="N", help="sampling seed (default: 0)"
    )
    parser.add_argument(
        "--batch-size",
        type=_positive_int,
        default=64,
        metavar="N",
        help="sequences per generate call (default: %(default)s)",
    )
    parser.add_argument("--limit", type=_positive_int, metavar="N", help="the first N questions")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")


def run(args: argparse.Namespace) -> int:
    """Run ``relift eval``; returns the exit status."""
    try:
        return _run(args)
    except InvalidInputError as exc:  # ConfigError included
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except ReliftError as exc:
        print(f"{PROG}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # writing the outputs
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{PROG}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    config = _config(args)
    model_dir = _directory(args.model, "--model")
    base_dir = _directory(args.base_model, "--base-model") if args.base_model else None
    for path in args.data:
        if not Path(path).is_file():
            raise InvalidInputError(f"--data {path}: no such data file")
    if args.buckets and args.save_buckets:
        raise InvalidInputError("--save-buckets: nothing to save with --buckets FILE")
    given = load_buckets(args.buckets) if args.buckets else None  # fail before loading models
    output = Path(args.output) if args.output else _default_output(model_dir)
    if output.exists() and not output.is_dir():
        raise InvalidInputError(f"--output {output}: exists and is not a directory")
    sampling = _sampling(args, config, args.k)

    computed: dict[str, str] | None = None
    saved: Path | None = None
    if base_dir is not None:  # first, so that it need not share memory with the evaluated model
        base = _evaluate(base_dir, args, config, dataclasses.replace(sampling, n=BASE_K))
        computed, saved = _compute_buckets(base, args.save_buckets or output / "buckets.jsonl")
    result = _evaluate(model_dir, args, config, sampling, given)
    if computed is None and args.save_buckets:
        computed, saved = _compute_buckets(result, args.save_buckets)
    if computed is not None:
        result = result.with_buckets([computed.get(question_key(q)) for q in result.questions])

    settings = {
        "model": str(model_dir),
        "data": list(args.data),
        "k": args.k,
        "temperature": sampling.temperature,
        "top_p": sampling.top_p,
        "max_new_tokens": sampling.max_new_tokens,
        "seed": args.seed,
        "limit": args.limit,
        "buckets": _bucket_source(args, saved),
    }
    files = _write(output, result, settings)
    print(_table(result))
    if saved is not None:
        print(f"buckets saved to {saved}")
    print("wrote " + ", ".join(str(f) for f in files))
    return 0


# ---- inputs --------------------------------------------------------------------------------------


def _config(args: argparse.Namespace) -> Config:
    schema = [f"data.schema={args.schema}"] if args.schema else []
    return load_config(args.config, [*schema, *args.overrides])


def _directory(path: str, option: str) -> Path:
    if not Path(path).is_dir():
        raise InvalidInputError(f"{option} {path}: no such model directory")
    if not (Path(path) / "config.json").is_file():
        raise InvalidInputError(f"{option} {path}: no config.json, not a transformers model")
    return Path(path)


def _default_output(model_dir: Path) -> Path:
    return model_dir / "eval" if os.access(model_dir, os.W_OK) else Path("relift-eval")


def _sampling(args: argparse.Namespace, config: Config, k: int) -> SamplingParams:
    from relift.rollout import SamplingParams  # imports torch: only now

    rollout = config.rollout
    max_new = args.max_new_tokens or rollout.eval.max_new_tokens or rollout.max_new_tokens
    return SamplingParams(
        n=k, temperature=args.temperature, top_p=args.top_p, max_new_tokens=max_new, seed=args.seed
    )


def _load_model(directory: Path, config: Config, quiet: bool) -> tuple[Any, Any]:
    """Model and tokenizer with ``from_pretrained``, offline, no remote code."""
    from transformers.utils import logging as hf_logging

    from relift.models import (  # imports torch and transformers: only now
        default_device,
        ensure_pad_token,
        load_causal_lm,
        load_tokenizer,
        torch_dtype,
    )

    device = default_device()
    dtype = torch_dtype(config.model.dtype, device)
    bars = hf_logging.is_progress_bar_enabled()
    if quiet:  # --no-progress: transformers' loading bars too
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        tokenizer = load_tokenizer(directory, local_files_only=True)
        model = load_causal_lm(directory, dtype=dtype, local_files_only=True)
    except (OSError, ValueError) as exc:
        why = " ".join(str(exc).split())[:300] or type(exc).__name__  # one line
        raise InvalidInputError(f"{directory}: cannot load a model from here: {why}") from None
    finally:
        if bars:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]
    ensure_pad_token(tokenizer)
    model = model.to(device)  # type: ignore[arg-type]  # transformers types .to oddly
    return model.eval(), tokenizer


def _questions(args: argparse.Namespace, config: Config, tokenizer: Any) -> list[Question]:
    from relift.data import load_questions

    questions: list[Question] = []
    for path in args.data:
        got, report = load_questions(path, config.data, tokenizer, start_id=len(questions))
        print(f"data: {report.summary()}", file=sys.stderr)
        questions += got
    return questions[: args.limit] if args.limit else questions


def _evaluate(
    directory: Path,
    args: argparse.Namespace,
    config: Config,
    sampling: SamplingParams,
    given: dict[str, str] | None = None,
) -> EvalResult:
    """Load one model and its questions, sample and grade (with ``given`` buckets, if any)."""
    import torch

    from relift.data import prompt_uses_chat_template, tokenize_prompts
    from relift.rewards import reward_fn_from_config
    from relift.rollout import HFEngine

    model, tokenizer = _load_model(directory, config, args.no_progress)
    questions = _questions(args, config, tokenizer)
    data = config.data
    prompt_ids = tokenize_prompts(
        [q.prompt_text for q in questions], tokenizer, max_tokens=data.max_prompt_tokens,
        overflow=data.prompt_overflow,
        add_special_tokens=not prompt_uses_chat_template(tokenizer, data),
    ).input_ids  # fmt: skip
    keys = [question_key(q) for q in questions]
    buckets = None if given is None else _match(keys, given, args.buckets)  # before sampling
    engine = HFEngine(model, tokenizer, batch_size=args.batch_size)
    print(f"sampling {len(questions)} questions x {sampling.n} from {directory}", file=sys.stderr)
    result = evaluate(
        engine, prompt_ids, questions, sampling, reward_fn_from_config(config), buckets,
        progress=not args.no_progress, chunk=max(1, args.batch_size // sampling.n),
    )  # fmt: skip
    del engine, model  # a base model makes room for the evaluated one
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    return result


# ---- buckets -------------------------------------------------------------------------------------


def _compute_buckets(result: EvalResult, path: str | Path) -> tuple[dict[str, str], Path]:
    """``key -> bucket`` from a result's samples (duplicate questions pooled), saved to a file."""
    table = bucket_table([question_key(q) for q in result.questions], result.correct)
    buckets, accuracies = zip(*table.values(), strict=True)
    saved = save_buckets(path, list(table), buckets, accuracies)
    return {key: bucket for key, (bucket, _) in table.items()}, saved


def _match(keys: Sequence[str], given: dict[str, str], path: str) -> list[str | None]:
    """Each question's bucket from a loaded bucket file; unknown questions get None."""
    buckets = [given.get(key) for key in keys]
    missing = sum(b is None for b in buckets)
    if missing == len(keys):
        raise InvalidInputError(
            f"--buckets {path}: none of the {len(keys)} questions is in it "
            f"(keys look like {keys[0]!r}; see relift.evaluation.question_key)"
        )
    if missing:
        print(f"{PROG}: {missing} questions are not in {path}; no bucket for them", file=sys.stderr)
    return buckets


def _bucket_source(args: argparse.Namespace, saved: Path | None) -> str | None:
    if args.buckets:
        return f"file {args.buckets}"
    if args.base_model:
        return f"base model {args.base_model} ({BASE_K} samples), saved to {saved}"
    return f"this model's samples, saved to {saved}" if saved else None


# ---- outputs -------------------------------------------------------------------------------------


def _write(output: Path, result: EvalResult, settings: dict[str, Any]) -> list[Path]:
    """eval.json, eval.md and accuracy.png in ``output``."""
    from relift.plots import bar_plot

    output.mkdir(parents=True, exist_ok=True)
    report = {"settings": settings, "metrics": result.metrics, "questions": result.per_question()}
    json_path = output / "eval.json"
    json_path.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", "utf-8")
    md_path = output / "eval.md"
    lines = [f"- {name}: {_text(value)}" for name, value in settings.items() if value is not None]
    title = f"relift eval: {Path(settings['model']).name}"
    md_path.write_text(to_markdown(result, title) + "\n## Settings\n\n" + "\n".join(lines) + "\n")
    k = result.k
    groups = {
        f"{label}\n(n={s.n})": {f"avg@{k}": s.accuracy, f"pass@{k}": s.pass_at_k}
        for label, s in summary_rows(result)
    }
    png = bar_plot(
        groups, title=title, ylabel="accuracy", path=output / "accuracy.png", ylim=(0.0, 1.1)
    )
    return [json_path, md_path, png]


def _text(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _table(result: EvalResult) -> str:
    """The compact table printed on stdout."""
    k = result.k
    rows = [("", "questions", f"avg@{k}", f"pass@{k}", "length")]
    for label, s in summary_rows(result):
        cells = (str(s.n), f"{s.accuracy:.1%}", f"{s.pass_at_k:.1%}", f"{s.resp_len:.1f}")
        rows.append((label, *cells))
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{r[0]:<{width}}  " + "  ".join(f"{c:>9}" for c in r[1:]) for r in rows)
