"""The ReLIFT training loop, top to bottom (``ALGORITHM.md``, "One training step").

    trainer = Trainer(load_config("run.yaml"))
    result = trainer.train()                      # or train(resume_from_checkpoint=True)

One step of ``mode: relift``: sample B prompts -> n rollouts each -> rewards (``verify_batch``)
-> ``group_stats`` / ``group_advantages`` -> the RL update (``rl.mini_batches`` optimizer steps;
old log-probs recomputed by the trainer first, or, with one mini-batch, taken detached from the
gradient pass itself; token-budget micro-batches whose losses use the mini-batch's global
normalisers, so the gradient does not depend on the split) -> the hardest
questions (all n rollouts wrong) into the ``HardQuestionBuffer`` -> when it holds M, one SFT step
on the M newest with the separate SFT optimizer -> weight sync to the rollout engine -> one
metrics record -> eval every ``schedule.eval_every`` steps -> checkpoint every
``checkpoint.every`` steps. ``mode: rl`` has no buffer and no SFT; ``mode: sft`` trains on
batches of the dataset's demonstrations without rollouts.

Under ``torchrun`` every process runs this loop on its share of each batch (a question's n
rollouts stay together) and the step's decisions come from gathered rewards, so they are the
same everywhere (:mod:`relift.distributed`); building the run is :mod:`relift.trainer_setup`.

Choices where the reference leaves room:
- Sampling uses a seed derived from (``schedule.seed``, step), so rollouts do not depend on
  anything else that draws random numbers, and a resumed run samples the same rollouts.
- ``constant`` aggregation divides by ``constant_length`` times the mini-batch's number of
  sequences (Dr.GRPO's definition), or times ``rl.constant_divisor_seqs`` when set
  (``relift.losses`` relates it to the reference's scale).
- With one mini-batch the update is on-policy: the ratio is exactly 1 in value, so the old
  log-probs are the gradient pass's own, detached, and the separate no-grad forward the
  reference runs is skipped (same gradient; ``rl.recompute_old_logprobs: always`` forces it).
- Hardest questions without a demonstration are not pushed (SFT could not use them).
- Learning-rate warmup counts optimizer steps (an RL step takes ``rl.mini_batches`` of them).
- A response counts as correct (length and eval metrics) when its reward is > 0.
- A step's metrics record is written before its checkpoint (a checkpoint never lacks its
  record), so ``time_checkpoint`` appears in the record of the step after.
"""

from __future__ import annotations

import contextlib
import logging
import math
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from transformers import (
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from relift._core import HardQuestionBuffer, group_advantages, group_stats
from relift.checkpoint import (
    checkpoint_path,
    latest_checkpoint,
    load_checkpoint,
    save_checkpoint,
)
from relift.config import Config, load_config
from relift.data import (
    EpochSampler,
    Question,
    check_round_trip,
    prompt_uses_chat_template,
    tokenize_demonstrations,
    tokenize_prompts,
)
from relift.distributed import (
    OptimizerState,
    World,
    full_model_state,
    full_tensor,
    init_world,
    no_sync,
    resolve_strategy,
    wrap_model,
)
from relift.errors import CheckpointError, InvalidInputError
from relift.evaluation import EvalResult, evaluate
from relift.losses import (
    MAX_STATS,
    LossOutput,
    TokenLogprobs,
    merge_stats,
    policy_gradient_loss,
    sft_loss,
    token_logprobs_and_entropy,
)
from relift.metrics import MetricsLogger, StepTimer, progress, tokens_per_second
from relift.rewards import RewardFn, compute_rewards, overlong_penalty, reward_fn_from_config
from relift.rollout import RolloutEngine, Rollouts, SamplingParams, TokenBatch, pad_batch
from relift.trainer_setup import (
    Dataset,
    adamw,
    check_buckets,
    check_supported,
    check_world,
    frozen_copy,
    index_by_id,
    load_model,
    load_split_questions,
    make_engine,
    sampling_pool,
    torch_dtype,
)

__all__ = ["TrainResult", "Trainer", "torch_dtype"]

log = logging.getLogger("relift")
Metrics = dict[str, float]
#: Demonstrations checked at start for a tokenizer that loses text.
ROUND_TRIP_SAMPLES = 16
LossFn = Callable[[TokenBatch, TokenLogprobs], LossOutput]


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
        self.model, self.tokenizer = load_model(cfg, model, tokenizer)
        self.device = next(self.model.parameters()).device
        self.pad_id = int(self.tokenizer.pad_token_id)
        self.train_questions = load_split_questions(train_dataset, cfg, self.tokenizer, "train")
        self.eval_questions = load_split_questions(eval_dataset, cfg, self.tokenizer, "eval")
        check_buckets(self.eval_questions)
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
        cuda = self.device.type == "cuda"
        self.timer = StepTimer(synchronize=torch.cuda.synchronize if cuda else None)
        self.step_phases: list[str] = []  # the phases of the current step, in order
        self.global_step = self.sft_steps = self.demo_rows = 0
        self.demos_used: set[int] = set()

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

    def train(self, resume_from_checkpoint: str | Path | bool | None = None) -> TrainResult:
        """Train to ``total_steps``. ``resume_from_checkpoint``: a checkpoint folder, or True for
        the latest in ``checkpoint.dir``; the resumed run continues exactly as the saved one."""
        cfg, total = self.config, self.total_steps
        resumed = self._resume(resume_from_checkpoint) or self.global_step > 0  # or train again
        if resumed:  # an engine with its own copy (vLLM) loaded the initial weights
            self.engine.update_weights(self.model)
        step_fn = self._sft_step if cfg.mode == "sft" else self._relift_step
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
            while self.global_step < total:
                self.global_step += 1
                step, self.step_phases = self.global_step, []
                with self.timer.phase("step"):
                    metrics = step_fn(step)
                    evaluation = self._evaluate(step) if self._eval_due(step) else None
                record = logger.log(step, metrics | self.timer.summary(reset=True))
                if evaluation is not None:
                    scores = logger.log(step, evaluation, phase="eval")
                if _due(cfg.checkpoint.every, step, total, cfg.checkpoint.save_final):
                    with self._phase("checkpoint"):
                        checkpoint = self._save(step)
                bar.update(1)
                bar.set_postfix(
                    {k: metrics[k] for k in ("reward_mean", "buffer_len") if k in metrics}
                )
        return TrainResult(
            self.global_step, record, scores, checkpoint, logger.jsonl_path, self.sft_steps,
            len(self.demos_used),
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
        with self._phase("reward"):  # the whole batch's, with lengths for the metrics: one gather
            per_row = np.stack([self._rewards(mine, rollouts), *_length_columns(rollouts)], 1)
            rewards, lengths, truncated = np.ascontiguousarray(world.gather_rows(per_row, n).T)
        with self._phase("advantage"):
            stats = group_stats(rewards, n)
            advantages = group_advantages(rewards, n, **self.config.rl.advantage.model_dump())
        with self._phase("rl_update"):
            metrics = self._rl_update(rollouts, world.share_rows(advantages, n))
        with self._phase("buffer"):
            metrics["buffer_pushed"] = self._push_hardest(questions, stats.solve_none, step)
        if self._sft_due():
            with self._phase("sft_update"):
                metrics |= self._sft_update(self._take_hardest())
        with self._phase("weight_sync"):
            self.engine.update_weights(self.model)
        metrics |= _rollout_metrics(lengths, truncated, rewards, self.timer.seconds("generate"))
        metrics |= {
            "solve_none_rate": stats.solve_none_rate,
            "solve_all_rate": stats.solve_all_rate,
        }
        return metrics | self._counters()

    def _sft_step(self, step: int) -> Metrics:
        """One step of ``mode: sft``: an SFT update on a batch of the dataset's demonstrations."""
        with self._phase("sft_update"):
            metrics = self._sft_update([self.pool[i].id for i in self.sampler.next_batch()])
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

    # ---- RL update ------------------------------------------------------------------------------

    def _rl_update(self, rollouts: Rollouts, advantages: np.ndarray[Any, Any]) -> Metrics:
        """``rl.mini_batches`` optimizer steps over the rollouts (a prompt's group stays whole;
        across processes, each holds its share of every mini-batch)."""
        cfg = self.config.rl
        adv = torch.as_tensor(advantages, dtype=torch.float32, device=self.device)
        batch = rollouts.to_batch(self.pad_id, device=self.device).with_extras(advantages=adv)
        size = len(batch) // cfg.mini_batches
        parts = [range(i * size, (i + 1) * size) for i in range(cfg.mini_batches)]
        minibatches = [_pack(batch, rows, self.micro_batch_tokens) for rows in parts]
        on_policy = cfg.mini_batches == 1 and cfg.recompute_old_logprobs == "auto"
        probes: list[torch.Tensor] = []
        if not on_policy:
            minibatches = self._old_logprobs(minibatches, probes)
        steps = [self._rl_minibatch(micros, on_policy, probes) for micros in minibatches]
        sampled = "sampler_logprobs" in minibatches[0][0].extras
        return (
            _probe_metrics(probes, batch.num_response_tokens, sampled, self.world)
            | {
                "rl_loss": _mean(s["pg_loss"] for s in steps),
                "clip_frac": _mean(s["clip_frac"] for s in steps),
                "ratio_max": max(s["ratio_max"] for s in steps),
                "rl_grad_norm": _mean(s["grad_norm"] for s in steps),
            }
            | ({"kl": _mean(s["kl"] for s in steps)} if "kl" in steps[0] else {})
        )

    @torch.no_grad()
    def _old_logprobs(
        self, minibatches: list[list[TokenBatch]], probes: list[torch.Tensor]
    ) -> list[list[TokenBatch]]:
        """Attach the trainer's (and the KL reference's) log-probs before any update; the
        policy's statistics go to ``probes``."""
        out: list[list[TokenBatch]] = []
        for micros in minibatches:
            out.append([])
            for m, real in self._lockstep(micros):
                lp = _logprobs(self.train_model, m, self._temperature, with_entropy=True)
                if not real:
                    continue
                probes.append(_probe(m, lp))
                extras = {"old_logp": lp.logprobs}
                if self.ref_model is not None:
                    extras["ref_logp"] = self._ref_logprobs(m)
                out[-1].append(m.with_extras(**extras))
        return out

    @torch.no_grad()
    def _ref_logprobs(self, m: TokenBatch) -> torch.Tensor:
        assert self.ref_model is not None
        return _logprobs(self.ref_model, m, self._temperature).logprobs

    @property
    def _temperature(self) -> float:
        return self.config.rollout.temperature or 1.0

    def _rl_minibatch(
        self, micros: list[TokenBatch], on_policy: bool, probes: list[torch.Tensor]
    ) -> Metrics:
        """One RL optimizer step; every micro-batch's loss uses the mini-batch's normalisers.
        ``on_policy``: the old log-probs are this pass's own, detached (the ratio is exactly 1
        in value), the KL reference's are computed here, and the policy's statistics go to
        ``probes``; otherwise all come with the micro-batches."""
        cfg = self.config.rl
        counts = self.world.sum(
            {"tokens": sum(m.num_response_tokens for m in micros), "seqs": sum(map(len, micros))}
        )  # the mini-batch's, over every process
        options: dict[str, Any] = {
            "clip": cfg.clipping, "clip_low": cfg.clip_low, "clip_high": cfg.clip_high,
            "aggregation": cfg.aggregation, "constant_length": self.config.constant_length,
            "entropy_coef": cfg.entropy_coef, "kl_coef": cfg.kl_coef,
            "global_tokens": int(counts["tokens"]),
            "global_seqs": cfg.constant_divisor_seqs or int(counts["seqs"]),
        }  # fmt: skip

        def loss(m: TokenBatch, lp: TokenLogprobs) -> LossOutput:
            old, ref = m.extras.get("old_logp"), m.extras.get("ref_logp")
            if on_policy:
                old = lp.logprobs.detach()
                ref = self._ref_logprobs(m) if self.ref_model is not None else None
                probes.append(_probe(m, lp))
            assert old is not None
            entropy = lp.entropy if cfg.entropy_coef > 0 else None
            return policy_gradient_loss(
                lp.logprobs, old, m.extras["advantages"], m.response_mask, entropy=entropy,
                ref_logp=ref, **options,
            )  # fmt: skip

        with_entropy = cfg.entropy_coef > 0 or on_policy
        stats = self._accumulate(
            micros, loss, self._temperature, with_entropy, cfg.entropy_coef > 0
        )
        stats["grad_norm"] = _optimizer_step(self.rl_optimizer, self.rl_scheduler, cfg.grad_clip)
        return stats

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
        micros = _pack(batch, range(len(batch)), self.micro_batch_tokens)
        tokens = int(self.world.sum({"tokens": batch.num_response_tokens})["tokens"])

        def loss(m: TokenBatch, lp: TokenLogprobs) -> LossOutput:
            return sft_loss(
                lp.logprobs, m.response_mask, entropy=lp.entropy,
                entropy_coef=cfg.entropy_coef, global_tokens=tokens,
            )  # fmt: skip

        losses, norms, entropy = [], [], cfg.entropy_coef > 0
        for _ in range(cfg.steps_per_trigger):
            stats = self._accumulate(micros, loss, 1.0, entropy, entropy)
            losses.append(stats["sft_loss"])
            norms.append(_optimizer_step(self.sft_optimizer, self.sft_scheduler, cfg.grad_clip))
        self.sft_steps += cfg.steps_per_trigger
        self.demo_rows += cfg.steps_per_trigger * len(question_ids)
        self.demos_used.update(question_ids)
        return {"sft_loss": _mean(losses), "sft_grad_norm": _mean(norms)}

    def _accumulate(
        self,
        micros: list[TokenBatch],
        loss_fn: LossFn,
        temperature: float,
        with_entropy: bool,
        entropy_grad: bool,
    ) -> Metrics:
        """Forward and backward every micro-batch (the gradients add up, and across processes
        are summed in the last backward); the merged statistics, summed over processes.

        DDP and FSDP2 average gradients over the ``world.size`` processes while each process's
        loss is its share of the global loss, so the loss is scaled by the world size to make
        it a sum.
        """
        model, scale = self.train_model, float(self.world.size)
        stats = []
        passes = self._lockstep(micros)
        for i, (m, real) in enumerate(passes):
            with no_sync(model, skip=i < len(passes) - 1):
                out = loss_fn(m, _logprobs(model, m, temperature, with_entropy, entropy_grad))
                loss = out.loss * (scale if real else 0.0)
                loss.backward()  # type: ignore[no-untyped-call]
            if real:
                stats.append(out.stats)
        return self.world.sum(merge_stats(stats), MAX_STATS)

    def _lockstep(self, micros: list[TokenBatch]) -> list[tuple[TokenBatch, bool]]:
        """The micro-batches, each marked real, padded under FSDP2 with repeats of the last one
        marked not real: every forward all-gathers the weights, a collective, so every process
        must run as many forwards as the busiest (its token budget may need more)."""
        passes = [(m, True) for m in micros]
        if self.strategy != "fsdp":
            return passes
        most = self.world.sum({"n": float(len(micros))}, maxima=frozenset({"n"}))["n"]
        return passes + [(micros[-1], False)] * (int(most) - len(micros))

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

    # ---- checkpoints ----------------------------------------------------------------------------

    def _save(self, step: int) -> Path:
        """The main process writes the checkpoint (the others hold the same state) while the
        others wait for it."""
        cfg = self.config
        # gathered on every process (collectives under FSDP2), complete on the main one
        weights = full_model_state(self.model) if self.strategy == "fsdp" else None
        optimizers = {name: _Saved(o.state_dict()) for name, o in self._optimizer_states().items()}
        if not self.world.is_main:
            self.world.barrier()
            return checkpoint_path(cfg.checkpoint.dir, step)
        counters = {"sft_steps": self.sft_steps, "demo_rows": self.demo_rows}
        path = save_checkpoint(
            cfg.checkpoint.dir, step, model=self.model, tokenizer=self.tokenizer,
            model_state=weights, optimizers=optimizers,
            schedulers={"rl": self.rl_scheduler, "sft": self.sft_scheduler},
            sampler_state=self.sampler.state_dict(), buffer=self.buffer,
            counters=counters | {"demos_used": sorted(self.demos_used)},
            config_yaml=cfg.to_yaml(), keep_last=cfg.checkpoint.keep_last, overwrite=True,
        )  # fmt: skip
        self.world.barrier()
        return path

    def _optimizer_states(self) -> dict[str, OptimizerState]:
        """Both optimizers' states keyed by parameter name, whole: one checkpoint format for one
        process, DDP and FSDP2, so a run resumes under another strategy or process count."""
        return {
            "rl": OptimizerState(self.model, self.rl_optimizer),
            "sft": OptimizerState(self.model, self.sft_optimizer),
        }

    def _latest_checkpoint(self) -> Path | None:
        """The newest checkpoint, as the main process finds it (it also clears stale
        temporaries, which only one process may do)."""
        found = latest_checkpoint(self.config.checkpoint.dir) if self.world.is_main else None
        return self.world.gather(found)[0]

    def _resume(self, where: str | Path | bool | None) -> bool:
        """Restore a checkpoint (True: the latest); without one, seed the global RNGs."""
        if where is None or where is False:
            _seed_everything(self.config.schedule.seed)
            return False
        path = Path(where) if where is not True else self._latest_checkpoint()
        if path is None:
            raise CheckpointError(f"no checkpoint to resume from in {self.config.checkpoint.dir}")
        state = load_checkpoint(
            path, model=self.model, optimizers=self._optimizer_states(),
            schedulers={"rl": self.rl_scheduler, "sft": self.sft_scheduler},
        )  # fmt: skip
        self.sampler.load_state_dict(state.sampler_state)
        if self.buffer is not None and state.buffer is not None:
            self.buffer = state.buffer
        self.global_step = state.step
        self.sft_steps = int(state.counters.get("sft_steps", 0))
        self.demo_rows = int(state.counters.get("demo_rows", 0))
        self.demos_used = {int(i) for i in state.counters.get("demos_used", [])}
        log.info("resumed from %s at step %d", path, state.step)
        return True


# ---- helpers ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Saved:
    """A state gathered before saving (on every process), handed to ``save_checkpoint``."""

    state: dict[str, Any]

    def state_dict(self) -> dict[str, Any]:
        return self.state

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        raise CheckpointError("a gathered state is for saving only")


def _logprobs(
    model: torch.nn.Module,
    m: TokenBatch,
    temperature: float,
    with_entropy: bool = False,
    entropy_grad: bool = True,
) -> TokenLogprobs:
    return token_logprobs_and_entropy(
        model, m.input_ids, m.attention_mask, m.response_mask,
        temperature=temperature, with_entropy=with_entropy, entropy_grad=entropy_grad,
    )  # fmt: skip


def _probe(m: TokenBatch, lp: TokenLogprobs) -> torch.Tensor:
    """A micro-batch's policy statistics over its response tokens, as one tensor (no device
    sync): [entropy sum, sum and max of |sampler log-prob - trainer log-prob|]."""
    mask = m.response_mask
    zero = lp.logprobs.new_zeros(())
    entropy = zero if lp.entropy is None else torch.where(mask, lp.entropy.detach(), 0.0).sum()
    sampled = m.extras.get("sampler_logprobs")
    if sampled is None:
        return torch.stack([entropy, zero, zero])
    gap = torch.where(mask, (sampled - lp.logprobs.detach()).abs(), 0.0)
    return torch.stack([entropy, gap.sum(), gap.amax() if gap.numel() else zero])


def _probe_metrics(probes: list[torch.Tensor], tokens: int, sampled: bool, world: World) -> Metrics:
    """The step's ``entropy`` (token mean) and, when the engine returned log-probs, the
    sampler/trainer ``logprob_mismatch_mean`` / ``_max``, from the micro-batches' probes (of
    every process)."""
    entropy, gap, worst = torch.stack(probes).double().cpu().unbind(dim=1)
    total = world.sum(
        {"entropy": float(entropy.sum()), "gap": float(gap.sum()), "worst": float(worst.max()),
         "tokens": float(tokens)},
        maxima=frozenset({"worst"}),
    )  # fmt: skip
    count = max(total["tokens"], 1.0)
    metrics = {"entropy": total["entropy"] / count}
    if sampled:
        metrics |= {
            "logprob_mismatch_mean": total["gap"] / count,
            "logprob_mismatch_max": total["worst"],
        }
    return metrics


def _optimizer_step(
    optimizer: torch.optim.Optimizer,
    scheduler: torch.optim.lr_scheduler.LRScheduler,
    clip: float | None,
) -> float:
    """Clip the gradient norm, step (skipped when the norm is not finite), zero the gradients;
    returns the norm before clipping."""
    params = [p for group in optimizer.param_groups for p in group["params"]]
    total = torch.nn.utils.clip_grad_norm_(params, math.inf if clip is None else clip)
    norm = float(full_tensor(total))  # sharded gradients: the norm over every shard
    if math.isfinite(norm):
        optimizer.step()
        scheduler.step()
    else:
        log.warning("non-finite gradient norm %s: optimizer step skipped", norm)
    optimizer.zero_grad(set_to_none=True)
    return norm


def _pack(batch: TokenBatch, rows: Iterable[int], budget: int) -> list[TokenBatch]:
    """``rows`` of ``batch`` as micro-batches of at most ``budget`` padded tokens (rows x
    (longest prompt + longest response)), shortest sequences first; deterministic."""
    prompt = (batch.attention_mask.bool() & ~batch.response_mask).sum(dim=1).tolist()
    response = batch.response_mask.sum(dim=1).tolist()
    groups: list[list[int]] = []
    width_p = width_r = 0
    for r in sorted(rows, key=lambda r: prompt[r] + response[r]):
        p, q = max(width_p, prompt[r]), max(width_r, response[r])
        if groups and (len(groups[-1]) + 1) * (p + q) <= budget:
            groups[-1].append(r)
        else:
            groups.append([r])
            p, q = prompt[r], response[r]
        width_p, width_r = p, q
    return [batch.select(g) for g in groups]


def _length_columns(rollouts: Rollouts) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Per rollout: its length in tokens, and 1.0 when it hit ``max_new_tokens``."""
    lengths = np.array([len(r) for r in rollouts.response_ids], dtype=np.float64)
    truncated = np.array([f == "length" for f in rollouts.finish_reasons], dtype=np.float64)
    return lengths, truncated


def _rollout_metrics(
    lengths: np.ndarray[Any, Any],
    truncated: np.ndarray[Any, Any],
    rewards: np.ndarray[Any, Any],
    seconds: float,
) -> Metrics:
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


def _due(every: int, step: int, total: int, at_end: bool) -> bool:
    """Every ``every`` steps (0: never), and at the last step when ``at_end``."""
    return (every > 0 and step % every == 0) or (at_end and step == total)


def _mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
