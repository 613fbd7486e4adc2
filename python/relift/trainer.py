"""The ReLIFT training loop, top to bottom (``docs/algorithm.md``, "One training step").

    trainer = Trainer(load_config("run.yaml"))
    result = trainer.train()                      # or train(resume_from_checkpoint=True)

One step of ``mode: relift``: sample B prompts -> n rollouts each -> rewards (``verify_batch``)
-> ``group_stats`` / ``group_advantages`` -> the RL update (``rl.mini_batches`` optimizer steps)
-> the hardest questions (all n rollouts wrong) into the ``HardQuestionBuffer`` -> when it holds
M, one SFT step on the M newest with the separate SFT optimizer -> weight sync to the rollout
engine -> one metrics record -> eval every ``schedule.eval_every`` steps -> checkpoint every
``checkpoint.every`` steps (:mod:`relift.trainer_checkpoint`). ``mode: rl`` has no buffer and no
SFT; ``mode: sft`` trains on batches of the dataset's demonstrations without rollouts;
``mode: sft_then_rl`` takes ``schedule.sft_first_steps`` such SFT steps, then RL steps;
``mode: luffy`` is RL with each group's last ``luffy.demos_per_group`` rollouts replaced by the
question's demonstration (:mod:`relift.off_policy`).

Under ``torchrun`` every process runs this loop on its share of each batch (a question's n
rollouts stay together) and the step's decisions come from gathered rewards, so they are the
same everywhere (:mod:`relift.distributed`; ``docs/architecture.md``, "Across processes").
Building the run is :mod:`relift.trainer_setup`; one optimizer update (micro-batches,
normalisers, clipping, the processes' lockstep) is :mod:`relift.update`.

Choices where the reference leaves room:
- Sampling uses a seed derived from (``schedule.seed``, step), so rollouts do not depend on
  anything else that draws random numbers, and a resumed run samples the same rollouts.
- The update's own choices (``constant`` aggregation, the on-policy shortcut) are listed in
  :mod:`relift.update`.
- Hardest questions without a demonstration are not pushed (SFT could not use them).
- Learning-rate warmup counts optimizer steps (an RL step takes ``rl.mini_batches`` of them).
- A response counts as correct (length and eval metrics) when its reward is > 0.
- A step's metrics record is written before its checkpoint (a checkpoint never lacks its
  record), so ``time_checkpoint`` appears in the record of the step after.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from relift._core import HardQuestionBuffer, group_advantages, group_stats
from relift.batch import TokenBatch, pad_batch
from relift.config import Config, load_config
from relift.data import (
    EpochSampler,
    Question,
    check_round_trip,
    prompt_uses_chat_template,
    tokenize_demonstrations,
    tokenize_prompts,
)
from relift.distributed import init_world, resolve_strategy, wrap_model
from relift.errors import InvalidInputError
from relift.evaluation import EvalResult, evaluate
from relift.metrics import MetricsLogger, StepTimer, progress, response_lengths, rollout_metrics
from relift.models import load_model_and_tokenizer
from relift.off_policy import mix_demonstrations
from relift.rewards import RewardFn, compute_rewards, overlong_penalty, reward_fn_from_config
from relift.rollout import RolloutEngine, Rollouts, SamplingParams
from relift.trainer_checkpoint import resume_trainer, save_trainer_checkpoint
from relift.trainer_setup import (
    Dataset,
    adamw,
    check_buckets,
    check_supported,
    check_world,
    frozen_copy,
    index_by_id,
    load_split_questions,
    make_engine,
    sampling_pool,
    warn_context_length,
    warn_think_prompt,
)
from relift.update import PolicyUpdater

__all__ = ["TrainResult", "Trainer"]

Metrics = dict[str, float]
#: Demonstrations checked at start for a tokenizer that loses text.
ROUND_TRIP_SAMPLES = 16


@dataclass(frozen=True)
class TrainResult:
    """What :meth:`Trainer.train` did: the last step, its records, the last checkpoint."""

    global_step: int
    metrics: dict[str, Any]
    eval_metrics: dict[str, Any] | None
    checkpoint: Path | None
    metrics_file: Path
    sft_steps: int
    demos_used: int
    train_seconds: float = 0.0
    """Seconds spent in training steps (rollouts and updates, not evaluation or checkpoints),
    over every call of :meth:`Trainer.train` on this trainer."""


class Trainer:
    """ReLIFT, RL-only or SFT-only training of a transformers causal LM (``config.mode``).

    ``model`` / ``tokenizer``: None loads them with ``from_pretrained`` from ``model.name_or_path``
    (and ``model.tokenizer``). ``train_dataset`` / ``eval_dataset``: None loads
    ``data.train_files`` / ``data.eval_files``; otherwise a file path, an iterable of row dicts (a
    HF ``datasets.Dataset``) or a list of :class:`~relift.data.Question`. ``reward_fn``: a
    TRL-shaped reward function (:mod:`relift.rewards`); None uses relift's verifier.
    ``engine``: a :class:`~relift.rollout.RolloutEngine`; None samples with transformers.
    """

    def __init__(
        self,
        config: Config | str | Path,
        model: PreTrainedModel | None = None,
        tokenizer: PreTrainedTokenizerBase | None = None,
        train_dataset: Dataset = None,
        eval_dataset: Dataset = None,
        reward_fn: RewardFn | None = None,
        *,
        engine: RolloutEngine | None = None,
    ) -> None:
        cfg = self.config = config if isinstance(config, Config) else load_config(config)
        check_supported(cfg)
        device_type = "cuda" if torch.cuda.is_available() else "cpu"
        self.world = init_world(device_type)
        #: ``none`` (one process), ``ddp`` or ``fsdp``.
        self.strategy = resolve_strategy(cfg.distributed.strategy, self.world, device_type)
        check_world(cfg, self.world, self.strategy)
        self.model, self.tokenizer = load_model_and_tokenizer(cfg, model, tokenizer)
        self.device = next(self.model.parameters()).device
        self.pad_id = int(self.tokenizer.pad_token_id)
        self.train_questions = load_split_questions(train_dataset, cfg, self.tokenizer, "train")
        self.eval_questions = load_split_questions(eval_dataset, cfg, self.tokenizer, "eval")
        check_buckets(self.eval_questions)
        if self.world.is_main:  # once per run, not once per process
            warn_context_length(cfg, self.model)
            warn_think_prompt(cfg, self.tokenizer, self.train_questions)
        if 0 < len(self.eval_questions) < self.world.size:
            raise InvalidInputError(
                f"eval data: {len(self.eval_questions)} questions cannot be shared by "
                f"{self.world.size} processes; use at least one per process"
            )
        self.by_id = index_by_id(self.train_questions)
        self.pool = sampling_pool(self.train_questions, cfg.mode)
        demos = [q.demonstration for q in self.train_questions if q.demonstration]
        if cfg.mode != "rl":
            check_round_trip(demos[:ROUND_TRIP_SAMPLES], self.tokenizer)
        self.reward_fn = reward_fn or reward_fn_from_config(cfg)
        self.engine = engine or make_engine(
            cfg, self.model, self.tokenizer, self.world, synced=self.strategy == "fsdp"
        )
        self.ref_model = frozen_copy(self.model) if cfg.rl.kl_coef > 0 else None
        #: What the training forward runs through (DDP across processes; the model alone).
        self.train_model = wrap_model(self.model, self.world, cfg.distributed.strategy)
        params = [p for p in self.model.parameters() if p.requires_grad]
        self.rl_optimizer, self.rl_scheduler = adamw(params, cfg.rl)
        self.sft_optimizer, self.sft_scheduler = adamw(params, cfg.sft)
        self.sampler = EpochSampler(
            len(self.pool), cfg.schedule.prompts_per_step, cfg.schedule.seed
        )
        self.buffer = (
            HardQuestionBuffer(**cfg.sft.buffer.model_dump()) if cfg.mode == "relift" else None
        )
        self.micro_batch_tokens = cfg.micro_batch_tokens_on(self.device.type)
        self.updater = PolicyUpdater(
            cfg, self.train_model, self.ref_model, self.world, self.strategy,
            self.micro_batch_tokens,
        )  # fmt: skip
        cuda = self.device.type == "cuda"
        self.timer = StepTimer(synchronize=torch.cuda.synchronize if cuda else None)
        self.step_phases: list[str] = []  # the phases of the current step, in order
        self.global_step = self.sft_steps = self.demo_rows = 0
        self.demos_used: set[int] = set()
        self.train_seconds = 0.0

    @property
    def total_steps(self) -> int:
        """Steps of the whole run: ``schedule.epochs`` epochs, capped by ``schedule.max_steps``."""
        total = self.sampler.batches_per_epoch * self.config.schedule.epochs
        return min(total, self.config.schedule.max_steps or total)

    def close(self) -> None:
        """Free the rollout engine's resources (a vLLM engine's GPU memory); the trainer's own
        model stays usable."""
        close = getattr(self.engine, "close", None)
        if callable(close):
            close()

    # ---- the loop -------------------------------------------------------------------------------

    def train(
        self,
        resume_from_checkpoint: str | Path | bool | None = None,
        *,
        stop_at_step: int | None = None,
        time_budget_s: float | None = None,
    ) -> TrainResult:
        """Train to ``total_steps``. ``resume_from_checkpoint``: a checkpoint folder, or True for
        the latest in ``checkpoint.dir``; the resumed run continues exactly as the saved one.

        ``stop_at_step`` returns after that step instead, and ``time_budget_s`` after the first
        step that brings the training time (:attr:`TrainResult.train_seconds`, counted over
        every call) to the budget; a later call continues where this one stopped. A study
        uses them to compare runs at equal steps and at equal wall clock."""
        cfg = self.config
        if time_budget_s is not None and self.world.distributed:
            # each process's clock differs: one stopping a step early would hang the others
            raise InvalidInputError("time_budget_s works in a single process, not under torchrun")
        total = min(self.total_steps, stop_at_step or self.total_steps)
        # resumed from a checkpoint, or trained before (train called again)
        resumed = resume_trainer(self, resume_from_checkpoint) or self.global_step > 0
        if resumed:  # an engine with its own copy (vLLM) loaded the initial weights
            self.engine.update_weights(self.model)
        first_sft = total if cfg.mode == "sft" else cfg.schedule.sft_first_steps
        log_cfg, main = cfg.logging, self.world.is_main
        logger = MetricsLogger(
            log_cfg.dir, log_cfg.report_to if main else (), log_cfg.run_name,
            cfg.model_dump(mode="json"), resume_step=self.global_step if resumed else None,
        )  # fmt: skip
        bar = progress(
            total, f"relift {cfg.mode}", disable=not (log_cfg.progress_bar and main),
            initial=self.global_step,
        )  # fmt: skip
        record: dict[str, Any] = {}
        scores: dict[str, Any] | None = None
        checkpoint: Path | None = None
        self.model.train()
        with logger, bar:
            if not resumed and cfg.schedule.eval_before_train and self.eval_questions:
                scores = logger.log(0, self._evaluate(0), phase="eval")
            while self.global_step < total and not _spent(self.train_seconds, time_budget_s):
                self.global_step += 1
                step, self.step_phases = self.global_step, []
                with self.timer.phase("step"):
                    started = time.perf_counter()
                    metrics = self._sft_step(step) if step <= first_sft else self._relift_step(step)
                    self.train_seconds += time.perf_counter() - started
                    evaluation = self._evaluate(step) if self._eval_due(step) else None
                record = logger.log(step, metrics | self.timer.summary(reset=True))
                if evaluation is not None:
                    scores = logger.log(step, evaluation, phase="eval")
                if _due(cfg.checkpoint.every, step, total, cfg.checkpoint.save_final):
                    with self._phase("checkpoint"):
                        checkpoint = save_trainer_checkpoint(self, step)
                bar.update(1)
                bar.set_postfix(
                    {k: metrics[k] for k in ("reward_mean", "buffer_len") if k in metrics}
                )
        return TrainResult(
            self.global_step, record, scores, checkpoint, logger.jsonl_path, self.sft_steps,
            len(self.demos_used), self.train_seconds,
        )  # fmt: skip

    def _relift_step(self, step: int) -> Metrics:
        """One RL step (``mode: relift`` or ``rl``), in the reference's order."""
        n, world = self.config.rollout.n, self.world
        with self._phase("generate"):
            questions = [self.pool[i] for i in self.sampler.next_batch()]
            mine = world.share(questions)  # this process's prompts, each with its n rollouts
            rollouts = self.engine.generate(
                self._prompt_ids(mine), self._sampling(step), keys=[q.id for q in mine]
            )
            off_policy = None
            if self.config.mode == "luffy":
                rollouts, off_policy = self._with_demonstrations(mine, rollouts)
                # the whole batch's (the same on every process), not this process's share
                demos = [q.id for q in questions if q.demonstration]
                self.demos_used.update(demos)
                self.demo_rows += self.config.luffy.demos_per_group * len(demos)
        with self._phase("reward"):  # the whole batch's, with lengths for the metrics: one gather
            per_row = np.stack([self._rewards(mine, rollouts), *response_lengths(rollouts)], 1)
            rewards, lengths, truncated = np.ascontiguousarray(world.gather_rows(per_row, n).T)
        with self._phase("advantage"):
            stats = group_stats(rewards, n)
            advantages = group_advantages(rewards, n, **self.config.rl.advantage.model_dump())
        with self._phase("rl_update"):
            batch = self._rl_batch(rollouts, world.share_rows(advantages, n), off_policy)
            metrics = self.updater.rl_update(batch, self.rl_optimizer, self.rl_scheduler)
        with self._phase("buffer"):
            metrics["buffer_pushed"] = self._push_hardest(questions, stats.solve_none, step)
        if self._sft_due():
            with self._phase("sft_update"):
                metrics |= self._sft_update(self._take_hardest())
        with self._phase("weight_sync"):
            self.engine.update_weights(self.model)
        metrics |= rollout_metrics(lengths, truncated, rewards, self.timer.seconds("generate"))
        metrics |= {
            "solve_none_rate": stats.solve_none_rate,
            "solve_all_rate": stats.solve_all_rate,
        }
        return metrics | self._counters()

    def _sft_step(self, step: int) -> Metrics:
        """One step of ``mode: sft`` (or of ``sft_then_rl``'s first steps): an SFT update on the
        demonstrations of a batch of questions (those of the batch that have one)."""
        questions = [self.pool[i] for i in self.sampler.next_batch()]
        with_demo = [q.id for q in questions if q.demonstration]
        with self._phase("sft_update"):  # a batch without a demonstration has nothing to learn
            metrics = self._sft_update(with_demo) if with_demo else {}
        with self._phase("weight_sync"):
            self.engine.update_weights(self.model)
        return metrics | self._counters()

    # ---- rollouts and rewards -------------------------------------------------------------------

    def _prompt_ids(self, questions: Sequence[Question]) -> list[list[int]]:
        data = self.config.data
        special = not prompt_uses_chat_template(self.tokenizer, data)
        texts = [q.prompt_text for q in questions]
        return tokenize_prompts(
            texts, self.tokenizer, max_tokens=data.max_prompt_tokens,
            overflow=data.prompt_overflow, add_special_tokens=special,
        ).input_ids  # fmt: skip

    def _sampling(self, step: int) -> SamplingParams:
        keys = {"n", "temperature", "top_p", "top_k", "max_new_tokens"}
        options = self.config.rollout.model_dump(include=keys)
        return SamplingParams(**options, seed=self._seed(step, 0), logprobs=True)

    def _seed(self, step: int, stream: int) -> int:
        """A sampling seed that depends only on the run's seed, the step and the stream."""
        entropy = [self.config.schedule.seed % 2**64, step, stream]
        return int(np.random.SeedSequence(entropy).generate_state(1)[0])

    def _rewards(self, questions: Sequence[Question], rollouts: Rollouts) -> np.ndarray[Any, Any]:
        rewards = compute_rewards(self.reward_fn, questions, rollouts)
        penalty = self.config.rl.overlong_penalty
        if penalty.enable:
            lengths = [len(r) for r in rollouts.response_ids]
            max_length = self.config.rollout.max_new_tokens
            rewards += overlong_penalty(
                lengths, max_length, penalty.buffer_length, penalty.penalty_factor
            )
        return rewards

    def _rl_batch(
        self,
        rollouts: Rollouts,
        advantages: np.ndarray[Any, Any],
        off_policy: np.ndarray[Any, Any] | None = None,
    ) -> TokenBatch:
        """This process's rollouts as the update's :class:`TokenBatch`, advantages attached
        (and which rows are demonstrations, in ``mode: luffy``)."""
        adv = torch.as_tensor(advantages, dtype=torch.float32, device=self.device)
        batch = rollouts.to_batch(self.pad_id, device=self.device).with_extras(advantages=adv)
        if off_policy is None:
            return batch
        return batch.with_extras(off_policy=torch.as_tensor(off_policy, device=self.device))

    def _with_demonstrations(
        self, questions: Sequence[Question], rollouts: Rollouts
    ) -> tuple[Rollouts, np.ndarray[Any, Any]]:
        """``mode: luffy``: the last ``luffy.demos_per_group`` rollouts of every question with
        a demonstration replaced by it."""
        data, per_group = self.config.data, self.config.luffy.demos_per_group
        with_demo = [q for q in questions if q.demonstration]
        tokens = tokenize_demonstrations(
            [q.demonstration or "" for q in with_demo], self.tokenizer,
            max_tokens=data.max_demonstration_tokens, overflow=data.demonstration_overflow,
        ).input_ids  # fmt: skip
        by_question = dict(zip((q.id for q in with_demo), tokens, strict=True))
        mixed, off_policy = mix_demonstrations(
            rollouts, [by_question.get(q.id) for q in questions], per_group,
            int(self.tokenizer.eos_token_id),
            lambda ids: self.tokenizer.decode(ids, skip_special_tokens=True),
        )  # fmt: skip
        return mixed, off_policy

    # ---- buffer and SFT -------------------------------------------------------------------------

    def _push_hardest(self, questions: Sequence[Question], solve_none: Any, step: int) -> int:
        """Push the step's hardest questions that have a demonstration; returns how many."""
        if self.buffer is None:
            return 0
        hard = zip(questions, solve_none, strict=True)
        ids = np.array([q.id for q, none in hard if none and q.demonstration], dtype=np.int64)
        return self.buffer.push_arrays(ids, step) if len(ids) else 0

    def _sft_due(self) -> bool:
        """The SFT trigger: the buffer holds ``sft.trigger_size`` questions. Every process holds
        the same buffer (built from the gathered rewards); checked, since a disagreement would
        deadlock the next collective."""
        if self.buffer is None:
            return False
        due = len(self.buffer) >= self.config.sft.trigger_size
        if self.world.distributed:
            self.world.check_same("the hard-question buffer", (len(self.buffer), due))
        return due

    def _take_hardest(self) -> list[int]:
        """The ids of the M entries the buffer gives up (the M newest, by default)."""
        assert self.buffer is not None
        taken = self.buffer.take_arrays(self.config.sft.trigger_size)
        assert taken is not None  # the caller checked the length
        return [int(i) for i in taken[0]]

    def _sft_update(self, question_ids: list[int]) -> Metrics:
        """``sft.steps_per_trigger`` SFT optimizer steps on (prompt, demonstration + EOS)."""
        cfg, data = self.config.sft, self.config.data
        questions = [self.by_id[i] for i in self.world.share(question_ids)]
        demos = tokenize_demonstrations(
            [q.demonstration or "" for q in questions], self.tokenizer,
            max_tokens=data.max_demonstration_tokens, overflow=data.demonstration_overflow,
        )  # fmt: skip
        prompts = self._prompt_ids(questions)
        batch = pad_batch(prompts, demos.input_ids, self.pad_id, device=self.device)
        metrics = self.updater.sft_update(batch, self.sft_optimizer, self.sft_scheduler)
        self.sft_steps += cfg.steps_per_trigger
        self.demo_rows += cfg.steps_per_trigger * len(question_ids)
        self.demos_used.update(question_ids)
        return metrics

    def _counters(self) -> Metrics:
        used = len(self.demos_used)
        return {
            "buffer_len": len(self.buffer) if self.buffer is not None else 0,
            "sft_steps": self.sft_steps,
            "demos_used": used,
            "demos_used_frac": used / len(self.train_questions),
            "demo_rows": self.demo_rows,
        }

    @contextlib.contextmanager
    def _phase(self, name: str) -> Iterator[None]:
        """Time a phase and record its place in the step."""
        self.step_phases.append(name)
        with self.timer.phase(name):
            yield

    # ---- eval -----------------------------------------------------------------------------------

    def _eval_due(self, step: int) -> bool:
        every = self.config.schedule.eval_every
        return bool(self.eval_questions) and _due(every, step, self.total_steps, every > 0)

    def _evaluate(self, step: int) -> Metrics:
        """avg@k, pass@k and response lengths on the eval set, overall, per data source and per
        difficulty bucket (an eval row's ``bucket`` column), sampled as ``rollout.eval`` says
        (T=0: greedy); :func:`relift.evaluation.evaluate` does the work."""
        rollout = self.config.rollout
        options = rollout.eval.model_dump(include={"n", "temperature", "top_p"})
        max_new = rollout.eval.max_new_tokens or rollout.max_new_tokens
        sampling = SamplingParams(**options, max_new_tokens=max_new, seed=self._seed(step, 1))
        buckets = [q.extra.get("bucket") for q in self.eval_questions]
        mine = self.world.share(self.eval_questions)
        with self._phase("eval"):
            result = evaluate(self.engine, self._prompt_ids(mine), mine, sampling, self.reward_fn)
            result = self._gather_eval(result)
        return result.with_buckets(buckets if any(b is not None for b in buckets) else None).metrics

    def _gather_eval(self, mine: EvalResult) -> EvalResult:
        """The whole eval set's samples from every process's share (in the set's order)."""
        if not self.world.distributed:
            return mine
        parts = self.world.gather((mine.correct, mine.lengths, mine.truncated))

        def merged(field: int) -> np.ndarray[Any, Any]:
            return np.stack(self.world.interleave([list(part[field]) for part in parts]))

        return EvalResult(
            questions=list(self.eval_questions), correct=merged(0), lengths=merged(1),
            truncated=merged(2), buckets=None, metrics={},
        )  # fmt: skip


# ---- helpers ------------------------------------------------------------------------------------


def _spent(seconds: float, budget: float | None) -> bool:
    return budget is not None and seconds >= budget


def _due(every: int, step: int, total: int, at_end: bool) -> bool:
    """Every ``every`` steps (0: never), and at the last step when ``at_end``."""
    return (every > 0 and step % every == 0) or (at_end and step == total)
