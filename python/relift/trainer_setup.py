"""What the :class:`~relift.trainer.Trainer` builds before its first step, and the checks that
fail a run at start rather than hours in: the questions, the rollout engine, the optimizers, and
the settings a process count or strategy cannot take (the model and tokenizer load in
:mod:`relift.models`). Two more checks only warn, since the run works, just not as the reference
does: rollouts longer than the model's positions, and a think convention the prompts lack.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from relift.config import Config, RLConfig, SFTConfig
from relift.data import Question, load_questions, load_split, prompt_uses_chat_template
from relift.distributed import World
from relift.errors import ConfigError, InvalidInputError
from relift.evaluation import BUCKETS
from relift.rollout import HFEngine, RolloutEngine

__all__ = [
    "Dataset",
    "adamw",
    "check_buckets",
    "check_supported",
    "check_world",
    "frozen_copy",
    "index_by_id",
    "load_split_questions",
    "make_engine",
    "sampling_pool",
    "warn_context_length",
    "warn_think_prompt",
]

log = logging.getLogger("relift")
#: A split's source: None (the configured files), a path, rows, or Questions.
Dataset = str | Path | Iterable[Any] | None


def load_split_questions(
    source: Dataset, cfg: Config, tokenizer: PreTrainedTokenizerBase, split: str
) -> list[Question]:
    """A split's questions: the configured files, or the given path / rows / Questions."""
    if isinstance(source, Sequence) and source and isinstance(source[0], Question):
        return list(source)
    if source is None:
        if split == "eval" and not cfg.data.eval_files:
            return []
        questions, report = load_split(cfg.data, "eval" if split == "eval" else "train", tokenizer)
    else:
        questions, report = load_questions(source, cfg.data, tokenizer)
    log.info("%s data: %s", split, report.summary())
    return questions


def check_buckets(questions: Sequence[Question]) -> None:
    """An eval row's ``bucket`` column must name a bucket: found now, not at the first eval."""
    for q in questions:
        bucket = q.extra.get("bucket")
        if bucket is not None and bucket not in BUCKETS:
            raise InvalidInputError(
                f"eval data, question {q.id}: bucket {bucket!r} is not one of "
                f"{', '.join(BUCKETS)} (or leave the column out)"
            )


def index_by_id(questions: Sequence[Question]) -> dict[int, Question]:
    by_id = {q.id: q for q in questions}
    if len(by_id) != len(questions):
        raise InvalidInputError("training question ids must be distinct (the buffer keys on them)")
    return by_id


def sampling_pool(questions: list[Question], mode: str) -> list[Question]:
    """What the sampler draws from: every question, or those with a demonstration (``sft``)."""
    if mode != "sft":
        return questions
    pool = [q for q in questions if q.demonstration is not None]
    if not pool:
        raise InvalidInputError("mode 'sft' needs demonstrations, and no training question has one")
    return pool


def frozen_copy(model: PreTrainedModel) -> torch.nn.Module:
    """The KL reference: a frozen copy of the initial weights."""
    ref = copy.deepcopy(model)
    ref.train(False)
    return ref.requires_grad_(False)


def adamw(
    params: list[torch.nn.Parameter], cfg: RLConfig | SFTConfig
) -> tuple[torch.optim.AdamW, torch.optim.lr_scheduler.LambdaLR]:
    """AdamW, with a linear warmup over ``warmup_steps`` optimizer steps, then constant."""
    optimizer = torch.optim.AdamW(
        params, lr=cfg.lr, betas=cfg.betas, eps=cfg.eps, weight_decay=cfg.weight_decay
    )
    warmup = cfg.warmup_steps
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warmup) if warmup else 1.0
    )
    return optimizer, scheduler


def make_engine(
    cfg: Config,
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    world: World,
    synced: bool,
) -> RolloutEngine:
    """The configured rollout engine: transformers ``generate`` on the trainer's own model
    (``synced``: its weights are sharded, so every process decodes in lockstep), or a vLLM
    engine colocated on this process's GPU, loaded from ``model.name_or_path``."""
    rollout = cfg.rollout
    if rollout.engine == "hf":
        rows = rollout.generation_batch_size
        return HFEngine(model, tokenizer, batch_size=rows and rows * rollout.n, synced=synced)
    if cfg.model.name_or_path is None:
        raise ConfigError(
            "rollout.engine: vllm loads the model from model.name_or_path, which is not set"
        )
    if rollout.vllm.tensor_parallel_size > 1:
        raise ConfigError(
            "rollout.vllm.tensor_parallel_size > 1: the ranks of a tensor-parallel group would "
            "have to generate the same prompts, and relift gives every process its own share; "
            "use 1 (one vLLM per GPU, what models up to 7B need)"
        )
    from relift.rollout.vllm import VLLMEngine  # imports vLLM: only when asked for

    options = rollout.vllm.model_dump()
    options["max_model_len"] = options["max_model_len"] or (
        cfg.data.max_prompt_tokens + rollout.max_new_tokens
    )
    dtype = str(next(model.parameters()).dtype).removeprefix("torch.")  # the trainer's
    return VLLMEngine(
        cfg.model.name_or_path, tokenizer, **options, dtype=dtype, seed=cfg.schedule.seed,
        distributed=world.distributed,
    )  # fmt: skip


def check_supported(cfg: Config) -> None:
    """Settings the config accepts that this trainer cannot honour yet."""
    if cfg.rl.kl_coef > 0 and cfg.rl.kl_estimator != "k3":
        raise ConfigError(f"rl.kl_estimator: only 'k3' is implemented, got {cfg.rl.kl_estimator!r}")


def check_world(cfg: Config, world: World, strategy: str) -> None:
    """Batch sizes that several processes can share evenly, and settings FSDP2 cannot take."""
    if not world.distributed:
        return
    if strategy == "fsdp" and cfg.rl.kl_coef > 0:
        raise ConfigError(
            "rl.kl_coef > 0 needs a frozen reference copy of the model, which relift does not "
            "shard: use distributed.strategy: ddp, or kl_coef: 0 (the reference's setting)"
        )
    if strategy == "fsdp" and cfg.rollout.engine == "hf" and cfg.rollout.generation_batch_size:
        raise ConfigError(
            "rollout.generation_batch_size: with FSDP every process must make the same number "
            "of generate calls, which chunking cannot promise; leave it null"
        )
    size, schedule = world.size, cfg.schedule
    if cfg.mode == "sft":
        if schedule.prompts_per_step < size:
            raise ConfigError(
                f"schedule.prompts_per_step: {schedule.prompts_per_step} demonstrations per step "
                f"cannot be shared by {size} processes"
            )
        return
    parts = size * cfg.rl.mini_batches
    if schedule.prompts_per_step % parts:
        raise ConfigError(
            f"schedule.prompts_per_step: {schedule.prompts_per_step} must be a multiple of "
            f"processes x rl.mini_batches = {size} x {cfg.rl.mini_batches}, so that every "
            "process holds an equal share of every mini-batch"
        )
    if cfg.mode == "relift" and cfg.sft.trigger_size < size:
        raise ConfigError(
            f"sft.trigger_size: {cfg.sft.trigger_size} demonstrations cannot be shared by "
            f"{size} processes; use at least {size}"
        )


def warn_context_length(cfg: Config, model: PreTrainedModel) -> None:
    """Warn when a prompt plus a response can be longer than the model's positions (the stock
    Qwen2.5-Math models allow 4,096; the reference's recipes need about 9k)."""
    config: Any = getattr(model, "config", None)
    text_config = config.get_text_config() if hasattr(config, "get_text_config") else config
    positions = getattr(text_config, "max_position_embeddings", None)
    if not isinstance(positions, int):
        return
    data, rollout = cfg.data, cfg.rollout
    budgets = [("rollout.max_new_tokens", rollout.max_new_tokens)]
    if rollout.eval.max_new_tokens:
        budgets.append(("rollout.eval.max_new_tokens", rollout.eval.max_new_tokens))
    if cfg.mode != "rl":
        budgets.append(("data.max_demonstration_tokens", data.max_demonstration_tokens))
    name, tokens = max(budgets, key=lambda budget: budget[1])
    total = data.max_prompt_tokens + tokens
    if total <= positions:
        return
    log.warning(
        "data.max_prompt_tokens + %s = %d + %d = %d tokens, but the model allows %d positions "
        "(max_position_embeddings in its config.json): longer sequences go past what it was "
        "trained on. Make a copy with more, as the reference does (`relift prepare-model SRC DST "
        "--max-positions %d`; its 16k copies also set --rope-theta 40000), and point "
        "model.name_or_path at it",
        name, data.max_prompt_tokens, tokens, total, positions, 1 << (total - 1).bit_length(),
    )  # fmt: skip


def warn_think_prompt(
    cfg: Config, tokenizer: PreTrainedTokenizerBase, questions: Sequence[Question]
) -> None:
    """Warn when the data follows the think convention (demonstrations open with
    ``data.think.open_tag``, or must hold the close tag) but the prompts do not end with the open
    tag: the chat template does not write it and ``append_to_prompt`` is off. SFT then trains on
    a tag that the RL prompts never give, unlike the reference."""
    think = cfg.data.think
    tag = think.open_tag
    if think.append_to_prompt or not tag or not questions or questions[0].prompt_text.endswith(tag):
        return
    demos = [q.demonstration for q in questions if q.demonstration]
    if not (think.require_in_demonstration or any(d.startswith(tag) for d in demos)):
        return  # this run does not use the convention
    where = (
        "the tokenizer's chat template does not write it after the assistant header"
        if prompt_uses_chat_template(tokenizer, cfg.data)
        else "the prompts are not rendered with a chat template"
    )
    log.warning(
        "data.think: the demonstrations follow the think convention (they open with %r), but "
        "the prompts do not end with it: %s, and data.think.append_to_prompt is false, so SFT "
        "trains on a tag the RL prompts never give. Use a copy of the model whose template "
        "writes it (`relift prepare-model SRC DST --think-template`), or set "
        "data.think.append_to_prompt: true",
        tag, where,
    )  # fmt: skip
