"""Per-step metrics: one JSONL line per step, tensorboard and wandb when asked, phase timers, tqdm.

The trainer logs the names in :data:`METRICS` (``time_<phase>`` for each phase in
:data:`PHASES`); other names are accepted too (e.g. per-source eval accuracies). A step's reward
and response-length statistics come from :func:`rollout_metrics`.

``metrics.jsonl`` holds one JSON object per :meth:`MetricsLogger.log` call::

    {"step": 12, "phase": "train", "wall_time": 1732470000.5, "reward_mean": 0.41, ...}

It is flushed after every line, so a killed run loses nothing it logged. A resumed run passes
``resume_step``: lines for later steps (logged after that checkpoint by the run that died) are
removed, so the file reads like one uninterrupted run. Non-finite values are written as the
``NaN`` / ``Infinity`` tokens Python's ``json`` reads back.

Importing this module needs neither torch nor tqdm (numpy only); tensorboard (via torch), wandb
and tqdm are imported only when used.
"""

from __future__ import annotations

import importlib
import json
import math
import numbers
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from relift.errors import InputFormatError, InvalidInputError, MissingDependencyError

if TYPE_CHECKING:
    from relift.rollout import Rollouts

__all__ = [
    "JSONL_FILE",
    "METRICS",
    "NONDETERMINISTIC_KEYS",
    "PHASES",
    "REPORT_TO",
    "MetricsLogger",
    "MissingDependencyError",
    "StepTimer",
    "deterministic_view",
    "progress",
    "read_metrics",
    "response_lengths",
    "rollout_metrics",
    "tokens_per_second",
]

JSONL_FILE: Final = "metrics.jsonl"
#: Where :class:`MetricsLogger` can report.
REPORT_TO: Final = ("jsonl", "tensorboard", "wandb")
#: The timed phases, logged as ``time_<phase>`` in seconds (``time_step``: the whole step).
PHASES: Final = (
    "generate",
    "reward",
    "advantage",
    "rl_update",
    "buffer",
    "sft_update",
    "weight_sync",
    "eval",
    "checkpoint",
    "step",
)

#: Every metric the trainer logs per step, with its meaning. "So far" counts are cumulative.
METRICS: Final[Mapping[str, str]] = {
    "reward_mean": "mean reward over all B*n responses of the step",
    "solve_none_rate": "fraction of prompts whose n rewards are all 0 (hardest questions)",
    "solve_all_rate": "fraction of prompts whose n rewards are all 1",
    "buffer_len": "hard-question buffer length after this step's push and SFT take",
    "sft_steps": "SFT optimizer steps taken so far",
    "demos_used": "demonstrations used by SFT so far (distinct questions)",
    "demos_used_frac": "demos_used divided by the number of training questions",
    "rl_loss": "policy-gradient loss of the step (mean over its mini-batches)",
    "sft_loss": "SFT loss of this step's SFT update (absent when none was taken)",
    "entropy": "token-mean entropy of the policy on the RL responses",
    "clip_frac": "fraction of response tokens whose ratio was clipped (0 when clipping is off)",
    "rl_grad_norm": "gradient norm before clipping of the RL update (mean over mini-batches)",
    "sft_grad_norm": "gradient norm before clipping of the SFT update",
    "resp_len_mean": "mean response length in tokens",
    "resp_len_correct": "mean length of the responses with reward 1",
    "resp_len_wrong": "mean length of the responses with reward 0",
    "tokens_per_s": "generated response tokens per second of generation",
    "logprob_mismatch_mean": "mean |sampler log-prob - trainer log-prob| per token",
    "logprob_mismatch_max": "max |sampler log-prob - trainer log-prob| over tokens",
    **{f"time_{phase}": f"seconds spent in the {phase} phase" for phase in PHASES},
}

#: Keys of a JSONL record that differ between two runs with the same seed (wall clock).
NONDETERMINISTIC_KEYS: Final = frozenset(
    {"wall_time", "tokens_per_s", *(f"time_{phase}" for phase in PHASES)}
)
_RESERVED: Final = frozenset({"step", "phase", "wall_time"})


# ---- JSONL file -----------------------------------------------------------------------------


def read_metrics(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The records of a ``metrics.jsonl`` file (a torn last line, from a crash, is skipped)."""
    return _parse_lines(Path(path))


def deterministic_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` without the wall-clock keys, for comparing runs (e.g. resumed vs not)."""
    return {
        k: v
        for k, v in record.items()
        if k not in NONDETERMINISTIC_KEYS and not k.startswith("time_")
    }


def _parse_lines(path: Path) -> list[dict[str, Any]]:
    """Parse a JSONL file; only the last line may be torn (a crash mid-write), and is dropped."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            if number == len(lines):
                break
            raise InputFormatError(f"{path}:{number}: not a JSON line: {exc}") from exc
        if not isinstance(record, dict) or not isinstance(record.get("step"), int):
            raise InputFormatError(f"{path}:{number}: field 'step': expected an int")
        records.append(record)
    return records


def _truncate_after(path: Path, resume_step: int) -> None:
    """Rewrite ``path`` keeping only records with step <= ``resume_step`` (atomically)."""
    kept = [r for r in _parse_lines(path) if r["step"] <= resume_step]
    temp = path.with_name(path.name + ".tmp")
    with temp.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in kept)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


# ---- values ---------------------------------------------------------------------------------


def _as_number(name: str, value: object) -> float | int:
    """A python int or float from an int, float, numpy scalar or one-element tensor."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    item = getattr(value, "item", None)
    if callable(item):
        return _as_number(name, item())
    raise InvalidInputError(f"metric {name!r}: expected a number, got {type(value).__name__}")


def _clean(metrics: Mapping[str, object]) -> dict[str, float | int]:
    out = {}
    for name, value in metrics.items():
        if not isinstance(name, str) or not name:
            raise InvalidInputError(f"metric names must be non-empty strings, got {name!r}")
        if name in _RESERVED:
            raise InvalidInputError(f"metric name {name!r} is reserved for the record itself")
        out[name] = _as_number(name, value)
    return out


# ---- logger ---------------------------------------------------------------------------------


def _normalise_report_to(report_to: str | Sequence[str]) -> tuple[str, ...]:
    targets = (report_to,) if isinstance(report_to, str) else tuple(report_to)
    targets = tuple(t for t in targets if t != "none")
    for target in targets:
        if target not in REPORT_TO:
            raise InvalidInputError(
                f"report_to: unknown target {target!r}; choose from {', '.join(REPORT_TO)} or none"
            )
    return tuple(dict.fromkeys(targets))


def _import_optional(module: str, feature: str, install: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{feature} needs the {install!r} package, which is not installed: "
            f"pip install {install}"
        ) from exc


class MetricsLogger:
    """Writes each step's metrics to ``<log_dir>/metrics.jsonl`` and, when asked, to tensorboard
    (event files in ``log_dir``) and wandb.

    ``resume_step=None`` starts a fresh log (an existing ``metrics.jsonl`` is emptied); with
    ``resume_step=k`` records for steps > k are dropped and logging continues after them;
    tensorboard purges its later events the same way, and wandb continues the run whose id was
    stored in ``log_dir`` (wandb itself ignores steps it has already seen). ``config`` (a
    JSON-serialisable mapping) goes to wandb's run config and to a tensorboard text summary.
    Only the main process should create one.
    """

    def __init__(
        self,
        log_dir: str | os.PathLike[str],
        report_to: str | Sequence[str] = ("jsonl",),
        run_name: str | None = None,
        config: Mapping[str, Any] | None = None,
        *,
        resume_step: int | None = None,
    ) -> None:
        self.log_dir = Path(log_dir)
        self.report_to = _normalise_report_to(report_to)
        self.run_name = run_name
        self._jsonl: Any = None
        self._tensorboard: Any = None
        self._wandb_run: Any = None
        self.log_dir.mkdir(parents=True, exist_ok=True)
        try:
            if "jsonl" in self.report_to:
                self._jsonl = self._open_jsonl(resume_step)
            if "tensorboard" in self.report_to:
                self._tensorboard = self._open_tensorboard(config, resume_step)
            if "wandb" in self.report_to:
                self._wandb_run = self._open_wandb(config, resume_step)
        except BaseException:
            self.close()  # do not leak the sinks already opened
            raise

    @property
    def jsonl_path(self) -> Path:
        """The JSONL file this logger writes."""
        return self.log_dir / JSONL_FILE

    def _open_jsonl(self, resume_step: int | None) -> Any:
        path = self.jsonl_path
        if resume_step is None:
            path.write_text("", encoding="utf-8")
        elif path.exists():
            _truncate_after(path, resume_step)
        return path.open("a", encoding="utf-8")

    def _open_tensorboard(self, config: Mapping[str, Any] | None, resume_step: int | None) -> Any:
        _import_optional("tensorboard", "report_to tensorboard", "tensorboard")
        writer_module = importlib.import_module("torch.utils.tensorboard")
        purge = None if resume_step is None else resume_step + 1
        writer = writer_module.SummaryWriter(log_dir=str(self.log_dir), purge_step=purge)
        if config is not None and resume_step is None:
            writer.add_text("config", "```\n" + json.dumps(dict(config), indent=2) + "\n```")
        return writer

    def _open_wandb(self, config: Mapping[str, Any] | None, resume_step: int | None) -> Any:
        wandb = _import_optional("wandb", "report_to wandb", "wandb")
        id_file = self.log_dir / "wandb_run_id"
        run_id = (
            id_file.read_text().strip() if resume_step is not None and id_file.exists() else None
        )
        run = wandb.init(
            name=self.run_name,
            config=dict(config) if config is not None else None,
            dir=str(self.log_dir),
            id=run_id,
            resume="allow" if run_id else None,
        )
        id_file.write_text(str(run.id))
        return run

    def log(self, step: int, metrics: Mapping[str, object], phase: str = "train") -> dict[str, Any]:
        """Record ``metrics`` for ``step``; returns the JSONL record written.

        Values may be ints, floats, numpy scalars or one-element tensors. Tensorboard tags and
        wandb keys are ``<phase>/<name>``.
        """
        if isinstance(step, bool) or not isinstance(step, int):
            raise InvalidInputError(f"step must be an int, got {step!r}")
        values = _clean(metrics)
        record: dict[str, Any] = {"step": step, "phase": phase, "wall_time": time.time(), **values}
        if self._jsonl is not None:
            self._jsonl.write(json.dumps(record) + "\n")
            self._jsonl.flush()
        if self._tensorboard is not None:
            for name, value in values.items():
                self._tensorboard.add_scalar(f"{phase}/{name}", value, step)
            self._tensorboard.flush()
        if self._wandb_run is not None:
            self._wandb_run.log({f"{phase}/{k}": v for k, v in values.items()}, step=step)
        return record

    def close(self) -> None:
        """Flush and close every sink (idempotent)."""
        if self._jsonl is not None:
            self._jsonl.flush()
            os.fsync(self._jsonl.fileno())
            self._jsonl.close()
            self._jsonl = None
        if self._tensorboard is not None:
            self._tensorboard.close()
            self._tensorboard = None
        if self._wandb_run is not None:
            self._wandb_run.finish()
            self._wandb_run = None

    def __enter__(self) -> MetricsLogger:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# ---- a step's rollouts ----------------------------------------------------------------------


def response_lengths(rollouts: Rollouts) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Per rollout: its length in tokens, and 1.0 when it hit ``max_new_tokens``."""
    lengths = np.array([len(r) for r in rollouts.response_ids], dtype=np.float64)
    truncated = np.array([f == "length" for f in rollouts.finish_reasons], dtype=np.float64)
    return lengths, truncated


def rollout_metrics(
    lengths: np.ndarray[Any, Any],
    truncated: np.ndarray[Any, Any],
    rewards: np.ndarray[Any, Any],
    seconds: float,
) -> dict[str, float]:
    """Reward and response-length statistics of a step's rollouts (per-row arrays)."""
    correct = rewards > 0
    valid = rewards[~np.isnan(rewards)]
    metrics = {
        "reward_mean": float(valid.mean()) if len(valid) else 0.0,
        "resp_len_mean": float(lengths.mean()),
        "truncated_frac": float(truncated.mean()),
        "tokens_per_s": tokens_per_second(lengths.sum(), seconds),
    }
    if correct.any():
        metrics["resp_len_correct"] = float(lengths[correct].mean())
    if not correct.all():
        metrics["resp_len_wrong"] = float(lengths[~correct].mean())
    return metrics


# ---- timing and progress --------------------------------------------------------------------


def tokens_per_second(num_tokens: int | float, seconds: float) -> float:
    """``num_tokens / seconds``, or 0.0 when no time was measured."""
    return float(num_tokens) / seconds if seconds > 0 and math.isfinite(seconds) else 0.0


class StepTimer:
    """Accumulates wall time per named phase::

        timer = StepTimer()
        with timer.phase("generate"):
            ...
        metrics.update(timer.summary(reset=True))   # {"time_generate": 1.23, ...}

    A phase entered several times accumulates; phases may nest (``step`` around the others).
    ``synchronize`` (e.g. ``torch.cuda.synchronize``) runs at both ends of every phase so that
    asynchronous GPU work is charged to the phase that queued it.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.perf_counter,
        synchronize: Callable[[], object] | None = None,
    ) -> None:
        self._clock = clock
        self._synchronize = synchronize
        self._totals: dict[str, float] = {}

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        """Time the ``with`` block as (part of) phase ``name``, also when it raises."""
        if self._synchronize is not None:
            self._synchronize()
        start = self._clock()
        try:
            yield
        finally:
            if self._synchronize is not None:
                self._synchronize()
            self._totals[name] = self._totals.get(name, 0.0) + (self._clock() - start)

    def seconds(self, name: str) -> float:
        """Seconds accumulated in phase ``name`` so far (0.0 if never entered)."""
        return self._totals.get(name, 0.0)

    def tokens_per_second(self, num_tokens: int | float, phase: str = "generate") -> float:
        """``num_tokens`` divided by the time accumulated in ``phase``."""
        return tokens_per_second(num_tokens, self.seconds(phase))

    def summary(self, *, prefix: str = "time_", reset: bool = False) -> dict[str, float]:
        """``{prefix + phase: seconds}`` for every phase entered; ``reset`` starts over."""
        out = {f"{prefix}{name}": total for name, total in self._totals.items()}
        if reset:
            self.reset()
        return out

    def reset(self) -> None:
        """Forget all accumulated times."""
        self._totals.clear()


def progress(
    total: int | None, desc: str, *, disable: bool = False, initial: int = 0, **kwargs: Any
) -> Any:
    """A tqdm progress bar (``update(n)``, ``set_postfix(...)``, ``close()``, context manager).

    ``disable=True`` gives a bar that prints nothing (non-main processes, tests); ``initial`` is
    where a resumed run starts. Extra keyword arguments go to ``tqdm``.
    """
    tqdm = _import_optional("tqdm", "progress bars", "tqdm").tqdm
    return tqdm(
        total=total, desc=desc, disable=disable, initial=initial, dynamic_ncols=True, **kwargs
    )
