"""``relift demo``: the paper's dynamics analysis on the embedded testbed, on a laptop's CPU.

1. Build (or load from the cache) the base model: competent on 2-3 digit sums only.
2. Write a training set (every tier, each question with a demonstration) and a held-out set;
   bucket the held-out questions by the base model's accuracy over k samples (Easy / Medium /
   Hard / Hardest, ``relift.evaluation.bucket_of``).
3. Train every arm from the same base for the same number of steps: RL only, SFT only on all
   demonstrations, SFT only on a random subset as large as the set ReLIFT ended up using, and
   ReLIFT. Each arm evaluates greedily on the held-out set as it goes (the curves) and with k
   samples at the end (the table).
4. Write the run folder: data, buckets, each arm's metrics, checkpoint and result, the plots
   and ``report.md``.

An arm whose ``arms/<arm>/result.json`` is already in the run folder (same settings) is not
trained again, so a demo that was stopped resumes with the next arm (the base model's
evaluation and buckets are kept the same way).
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from relift.testbed.arms import evaluate_base, train_arm
from relift.testbed.model import base_model_dir
from relift.testbed.report import write_report
from relift.testbed.settings import (  # re-exported: the demo's settings, importable from here
    ARMS,
    ArmResult,
    DemoSettings,
    default_settings,
    quick_settings,
)
from relift.testbed.task import task_rows

__all__ = [
    "ARMS", "ArmResult", "DemoSettings", "default_settings", "quick_settings", "run_demo",
    "write_jsonl",
]  # fmt: skip

log = logging.getLogger("relift")


def run_demo(
    run_dir: str | Path,
    settings: DemoSettings,
    *,
    cache: str | Path | None = None,
    progress: bool = True,
) -> tuple[Path, dict[str, ArmResult]]:
    """Run the demo into ``run_dir``; returns the path of its ``report.md`` and the results."""
    run = Path(run_dir)
    run.mkdir(parents=True, exist_ok=True)
    _check_settings(run, settings)
    base_dir = base_model_dir(settings.base, cache, progress=progress)
    train_file, eval_file = _write_data(run / "data", settings)
    results = {
        "base": _cached(run, "base")
        or evaluate_base(base_dir, eval_file, run, settings, progress=progress)
    }
    for arm in settings.arms:
        subset = None
        if arm == "sft_matched":
            used = results["relift"].demos_used if "relift" in results else 0
            subset = _matched_subset(train_file, run / "data", used, settings.seed)
        results[arm] = _cached(run, arm) or train_arm(
            arm, base_dir, subset or train_file, run, settings, progress=progress
        )
    return write_report(run, settings, results), results


def _check_settings(run: Path, settings: DemoSettings) -> None:
    """Refuse to mix runs: a run folder holds one set of settings."""
    path = run / "settings.json"
    wanted = settings.as_json()
    if path.is_file():
        found = json.loads(path.read_text())
        if found != json.loads(json.dumps(wanted)):
            from relift.errors import InvalidInputError

            raise InvalidInputError(
                f"{run} holds a demo run with other settings ({path}); "
                "pass another --output folder, or delete this one"
            )
    else:
        path.write_text(json.dumps(wanted, indent=1))


def _write_data(folder: Path, settings: DemoSettings) -> tuple[Path, Path]:
    """The training set and the held-out set (disjoint), as ``qa`` JSONL files."""
    folder.mkdir(parents=True, exist_ok=True)
    train = task_rows(settings.train_per_tier, settings.seed, style=settings.demo_style)
    held_out = task_rows(
        dict.fromkeys(settings.tiers, settings.eval_per_tier), settings.seed + 10_000,
        exclude={r["question"] for r in train},
    )  # fmt: skip
    paths = folder / "train.jsonl", folder / "eval.jsonl"
    for path, rows in zip(paths, (train, held_out), strict=True):
        write_jsonl(path, rows)
    return paths


def _matched_subset(train_file: Path, folder: Path, count: int, seed: int) -> Path:
    """A random subset of ``count`` training rows (at least one), for ``sft_matched``."""
    rows = [json.loads(line) for line in train_file.read_text().splitlines()]
    chosen = random.Random(f"relift-demo-matched-{seed}").sample(
        rows, max(1, min(count, len(rows)))
    )
    path = folder / "train_matched.jsonl"
    write_jsonl(path, chosen)
    return path


def _cached(run: Path, arm: str) -> ArmResult | None:
    path = run / "arms" / arm / "result.json"
    if not path.is_file():
        return None
    log.info("%s: reusing %s", arm, path)
    return ArmResult(**json.loads(path.read_text()))


def write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    """``rows`` as JSON lines at ``path``, written atomically (temp file, then rename)."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r) + "\n" for r in rows))
    tmp.replace(path)
