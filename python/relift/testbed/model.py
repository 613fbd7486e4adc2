"""The testbed's tokenizer and tiny model, and the cached pre-training that makes the base model.

The base model is a ~1M-parameter Qwen2 causal LM over a 26-token character vocabulary,
pre-trained with relift's own trainer (``mode: sft``) on the short-style curriculum of
:func:`relift.testbed.task.pretraining_rows`. It is written once per :class:`BaseSpec` to a cache
folder (``$RELIFT_CACHE`` or ``~/.cache/relift``, under ``testbed/base-<hash>``), atomically,
and loaded with ``from_pretrained`` from there: the same spec and seed give the same weights.
The default spec's base model ships with relift (:data:`SHIPPED_BASE`), so a first demo does
not wait for it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from transformers import PreTrainedModel, PreTrainedTokenizerFast

from relift.testbed.task import TASK_CHARS, pretraining_rows
from relift.testing import build_tiny_model, build_tiny_tokenizer

__all__ = [
    "BaseSpec",
    "base_model_dir",
    "build_tokenizer",
    "cache_root",
    "pretrain_base",
    "shipped_base_key",
    "untrained_model",
]

log = logging.getLogger("relift")

#: Bumped whenever the task's text format or the pre-training recipe changes meaning, so a
#: cached base model from an older format is never reused.
FORMAT_VERSION = 2
#: The default base model, pre-trained once and shipped with relift (4 MB), so that a first
#: demo does not spend 7 minutes re-making it; ``key.txt`` holds its :meth:`BaseSpec.key`.
#: ``tests/test_testbed.py`` rebuilds it from the seed and compares.
SHIPPED_BASE = Path(__file__).with_name("base")


@dataclass(frozen=True)
class BaseSpec:
    """Everything the base model depends on (its cache key)."""

    hidden_size: int = 128
    intermediate_size: int = 512
    num_layers: int = 4
    num_heads: int = 4
    max_positions: int = 128
    pretrain_steps: int = 1000
    batch_size: int = 64
    lr: float = 3e-3
    warmup_steps: int = 30
    four_digit_share: float = 0.06
    seed: int = 0

    def key(self) -> str:
        """A short hash of the spec and the format version."""
        blob = json.dumps([FORMAT_VERSION, dataclasses.asdict(self)], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:12]


def build_tokenizer() -> PreTrainedTokenizerFast:
    """The task's character tokenizer: one token per character. (A single ``\\boxed{`` token
    would be shorter, but ``AutoTokenizer`` in transformers 5 loads a saved Qwen2 tokenizer
    as ``Qwen2Tokenizer``, whose byte-level pre-tokenizer silently drops such a token.)"""
    return build_tiny_tokenizer(TASK_CHARS)


def cache_root() -> Path:
    """Where built base models live: ``$RELIFT_CACHE``, else ``~/.cache/relift``."""
    return Path(os.environ.get("RELIFT_CACHE") or Path.home() / ".cache" / "relift")


def base_model_dir(
    spec: BaseSpec, cache: str | Path | None = None, *, progress: bool = True
) -> Path:
    """The folder of the pre-trained base model for ``spec``: the one shipped with relift when
    ``spec`` is its spec, else built now unless cached."""
    if shipped_base_key() == spec.key():
        return SHIPPED_BASE
    root = Path(cache) if cache is not None else cache_root() / "testbed"
    final = root / f"base-{spec.key()}"
    if (final / "config.json").is_file():
        return final
    root.mkdir(parents=True, exist_ok=True)
    log.info("pre-training the base model (%d steps), cached in %s", spec.pretrain_steps, final)
    work = Path(tempfile.mkdtemp(prefix=f".base-{spec.key()}-", dir=root))
    try:
        _pretrain(spec, work, progress)
        (work / "model" / "spec.json").write_text(json.dumps(dataclasses.asdict(spec), indent=1))
        try:
            os.replace(work / "model", final)
        except OSError:  # another process finished first: use theirs
            if not (final / "config.json").is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final


def shipped_base_key() -> str | None:
    """The spec key of the base model shipped with relift (None if it is missing)."""
    key_file = SHIPPED_BASE / "key.txt"
    return key_file.read_text().strip() if key_file.is_file() else None


def pretrain_base(
    spec: BaseSpec, folder: Path, *, progress: bool = True, steps: int | None = None
) -> Path:
    """Pre-train the base model for ``spec`` from scratch into ``folder/model`` (no cache);
    per-step metrics go to ``folder/logs/metrics.jsonl``. ``steps`` stops after the first
    ``steps`` of the spec's steps: the same data, order and learning rates as a full build, so
    they are the full build's first steps (a quick check that a machine rebuilds the recipe)."""
    _pretrain(spec, folder, progress, steps)
    return folder / "model"


def untrained_model(
    spec: BaseSpec, tokenizer: PreTrainedTokenizerFast, max_positions: int | None = None
) -> PreTrainedModel:
    """The base model's architecture as ``spec`` says, randomly initialised from its seed."""
    return build_tiny_model(
        tokenizer,
        hidden_size=spec.hidden_size,
        intermediate_size=spec.intermediate_size,
        num_layers=spec.num_layers,
        num_heads=spec.num_heads,
        num_kv_heads=spec.num_heads,
        max_positions=max_positions or spec.max_positions,
        seed=spec.seed,
    )


def _pretrain(spec: BaseSpec, work: Path, progress: bool, steps: int | None = None) -> None:
    """SFT from random init on the curriculum, with relift's trainer; saves to ``work/model``."""
    from relift.config import Config
    from relift.trainer import Trainer

    tokenizer = build_tokenizer()
    model = untrained_model(spec, tokenizer)
    rows = pretraining_rows(
        spec.pretrain_steps * spec.batch_size, spec.seed, four_digit_share=spec.four_digit_share
    )
    settings = _pretrain_settings(spec, work, progress)
    if steps is not None:  # the rows stay those of the full build: the sampler's order with them
        settings["schedule"]["max_steps"] = min(steps, spec.pretrain_steps)
    config = Config.model_validate(settings)
    trainer = Trainer(config, model=model, tokenizer=tokenizer, train_dataset=rows)
    trainer.train()
    trainer.model.save_pretrained(work / "model")
    tokenizer.save_pretrained(work / "model")


def _pretrain_settings(spec: BaseSpec, work: Path, progress: bool) -> dict[str, Any]:
    return {
        "mode": "sft",
        "model": {"dtype": "float32"},
        "data": {"schema": "qa", "chat_template": False, "think": {"append_to_prompt": False},
                 "max_prompt_tokens": 16,
                 "max_demonstration_tokens": 80},
        "rollout": {"max_new_tokens": 80},
        "sft": {"lr": spec.lr, "warmup_steps": spec.warmup_steps, "entropy_coef": 0.0,
                "grad_clip": 1.0},
        "rl": {"micro_batch_tokens": 8192},
        "schedule": {"prompts_per_step": spec.batch_size, "epochs": 1,
                     "max_steps": spec.pretrain_steps, "eval_every": 0, "seed": spec.seed},
        "checkpoint": {"dir": str(work / "checkpoints"), "every": 0, "save_final": False},
        "logging": {"dir": str(work / "logs"), "report_to": ["jsonl"], "progress_bar": progress,
                    "run_name": "testbed-base"},
    }  # fmt: skip
