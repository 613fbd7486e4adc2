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

from relift.testbed.task import TASK_CHARS, pretraining_rows, task_rows
from relift.testing import build_tiny_model, build_tiny_tokenizer

__all__ = [
    "REGIME",
    "BaseSpec",
    "base_model_dir",
    "build_tokenizer",
    "cache_root",
    "in_regime",
    "pretrain_base",
    "regime_accuracy",
    "shipped_base_key",
    "untrained_model",
]

log = logging.getLogger("relift")

#: Bumped whenever the task's text format or the pre-training recipe changes meaning, so a
#: cached base model from an older format is never reused.
FORMAT_VERSION = 2
#: The regime a study's base model must be in: tier -> (lowest, highest) greedy accuracy on
#: :data:`REGIME_PROBES` questions of that tier: 2- and 3-digit sums are what it can do. How
#: much of the unseen a:b notation a base gets right by chance differs between seeds (one got
#: 38%), and more training on '+' sums cannot lower it, so it is measured, not required: the
#: held-out buckets come from each question's own base accuracy either way.
REGIME: dict[str, tuple[float, float]] = {"d2": (0.95, 1.0), "d3": (0.9, 1.0)}
#: Tiers measured with the regime, for the record.
REGIME_MEASURED = ("d2", "d3", "d4", "c2")
REGIME_PROBES = 64
#: The default base model, pre-trained once and shipped with relift (4 MB), so that a first
#: demo does not spend 7 minutes re-making it; ``key.txt`` holds its :meth:`BaseSpec.key`.
#: ``tests/test_testbed.py`` rebuilds it from the seed and compares.
SHIPPED_BASE = Path(__file__).with_name("base")
#: More base models shipped with relift, one folder per spec key (``base-<key>``): the study's
#: seeds, pre-trained and topped up once on the machine that wrote ``docs/demo``, since a
#: rebuild on another CPU lands elsewhere (README, "The two commands").
SHIPPED_BASES = Path(__file__).with_name("bases")


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
    top_up_steps: int = 0
    """After pre-training, while the base is not in the regime every study seed needs
    (:data:`REGIME`), train this many more steps on fresh rows of the same curriculum, at most
    ``max_top_ups`` times; 0: no check. The same recipe can land a seed elsewhere (one seed's
    base solved 35% of 3-digit sums instead of 98%), and a study compares like with like."""
    max_top_ups: int = 0

    def key(self) -> str:
        """A short hash of the spec and the format version (the top-up fields count only when
        set, so the key of a spec without them is what it always was)."""
        fields: dict[str, Any] = dataclasses.asdict(self)
        for name in ("top_up_steps", "max_top_ups"):
            if not fields[name]:
                del fields[name]
        if self.top_up_steps:  # the rule that decides the top-ups is part of the recipe
            fields["regime"] = {tier: list(bounds) for tier, bounds in REGIME.items()}
        blob = json.dumps([FORMAT_VERSION, fields], sort_keys=True)
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
    """The folder of the pre-trained base model for ``spec``: one shipped with relift when
    ``spec`` is its spec (:data:`SHIPPED_BASE`, :data:`SHIPPED_BASES`), else built now unless
    cached."""
    if shipped_base_key() == spec.key():
        return SHIPPED_BASE
    shipped = SHIPPED_BASES / f"base-{spec.key()}"
    if (shipped / "config.json").is_file():
        return shipped
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
    """SFT from random init on the curriculum, with relift's trainer, topped up while out of
    the regime when ``spec`` asks for it; saves to ``work/model`` (with ``regime.json``)."""
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
    model = trainer.model
    checks = []
    if spec.top_up_steps and steps is None:
        for round_ in range(spec.max_top_ups + 1):
            accuracy = regime_accuracy(model, tokenizer, spec.seed)
            checks.append({"steps": spec.pretrain_steps + round_ * spec.top_up_steps,
                           "accuracy": accuracy, "in_regime": in_regime(accuracy)})  # fmt: skip
            if checks[-1]["in_regime"] or round_ == spec.max_top_ups:
                break
            log.info("base model out of regime %s: %d more steps", accuracy, spec.top_up_steps)
            model = _top_up(spec, model, tokenizer, work / f"top-up-{round_ + 1}", round_ + 1)
    model.save_pretrained(work / "model")
    tokenizer.save_pretrained(work / "model")
    if checks:
        (work / "model" / "regime.json").write_text(json.dumps(checks, indent=1))


def _top_up(
    spec: BaseSpec, model: PreTrainedModel, tokenizer: PreTrainedTokenizerFast, work: Path,
    round_: int,
) -> PreTrainedModel:  # fmt: skip
    """``spec.top_up_steps`` more pre-training steps on fresh rows (no warmup: it continues)."""
    from relift.config import Config
    from relift.trainer import Trainer

    seed = spec.seed * 1000 + round_  # rows and order of their own, still a function of the seed
    rows = pretraining_rows(
        spec.top_up_steps * spec.batch_size, seed, four_digit_share=spec.four_digit_share
    )
    settings = _pretrain_settings(spec, work, progress=False)
    settings["sft"]["warmup_steps"] = 0
    settings["schedule"] |= {"max_steps": spec.top_up_steps, "seed": seed}
    trainer = Trainer(Config.model_validate(settings), model=model, tokenizer=tokenizer,
                      train_dataset=rows)  # fmt: skip
    trainer.train()
    return trainer.model


def regime_accuracy(model: Any, tokenizer: Any, seed: int) -> dict[str, float]:
    """Greedy accuracy on :data:`REGIME_PROBES` fresh questions of each tier of
    :data:`REGIME_MEASURED`."""
    import torch

    from relift import verify_batch
    from relift.rollout import HFEngine, SamplingParams

    rows = task_rows(dict.fromkeys(REGIME_MEASURED, REGIME_PROBES), seed + 50_000, style="short")
    prompts = [tokenizer(r["question"]).input_ids for r in rows]
    sampling = SamplingParams(n=1, temperature=0.0, max_new_tokens=80)
    was_training = model.training
    model.train(False)
    try:
        with torch.no_grad():
            texts = HFEngine(model, tokenizer).generate(prompts, sampling).texts
    finally:
        model.train(was_training)
    correct = verify_batch(texts, [r["answer"] for r in rows])
    accuracy: dict[str, float] = {}
    for tier in REGIME_MEASURED:
        hits = [bool(c) for c, r in zip(correct, rows, strict=True) if r["data_source"] == tier]
        accuracy[tier] = sum(hits) / len(hits)
    return accuracy


def in_regime(accuracy: dict[str, float]) -> bool:
    """Whether every :data:`REGIME` tier's accuracy is within its range."""
    return all(low <= accuracy[tier] <= high for tier, (low, high) in REGIME.items())


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
