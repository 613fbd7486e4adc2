"""The settings of a relift run as pydantic models: one model per YAML section, their defaults
and the checks that involve more than one setting.

Defaults are the ReLIFT reference's v1 settings (``docs/algorithm.md``, "Hyperparameters")
wherever the reference has one. Loading them from YAML and ``--set`` overrides, with the file and
line of every problem, is :mod:`relift.config.loading`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from relift.config.loading import build_settings, parse_yaml, raise_problems

__all__ = [
    "SCHEMA_FIELDS",
    "AdvantageConfig",
    "BufferConfig",
    "CheckpointConfig",
    "Config",
    "DataConfig",
    "DistributedConfig",
    "EvalSamplingConfig",
    "FieldMap",
    "LoggingConfig",
    "LuffyConfig",
    "ModelConfig",
    "OverlongPenaltyConfig",
    "RLConfig",
    "RolloutConfig",
    "SFTConfig",
    "ScheduleConfig",
    "ThinkConfig",
    "VLLMConfig",
]

PositiveInt = Annotated[int, Field(ge=1)]
NonNegInt = Annotated[int, Field(ge=0)]
PositiveFloat = Annotated[float, Field(gt=0.0)]
NonNegFloat = Annotated[float, Field(ge=0.0)]
Beta = Annotated[float, Field(ge=0.0, lt=1.0)]
Mode = Literal["relift", "rl", "sft", "sft_then_rl", "luffy"]
ReportTo = Literal["jsonl", "tensorboard", "wandb"]
_JSONL_ONLY: list[ReportTo] = ["jsonl"]


class _Section(BaseModel):
    """Base of every settings model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )


# ----------------------------------------------------------------------------------- sections


class ModelConfig(_Section):
    """The policy model (a transformers causal LM) and its tokenizer."""

    name_or_path: str | None = None
    """Local directory (or hub name) for ``from_pretrained``; None: pass a model to the Trainer."""
    tokenizer: str | None = None
    """Tokenizer directory; None: the same as ``name_or_path``."""
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    """``auto``: bfloat16 on a GPU that supports it, float32 otherwise."""
    trust_remote_code: bool = False
    gradient_checkpointing: bool = True


class FieldMap(_Section):
    """Where a row keeps each field: a column name or a dotted path into nested columns.

    None means the schema's default (see :attr:`DataConfig.field_paths`).
    """

    prompt: str | None = None
    answer: str | None = None
    demonstration: str | None = None
    data_source: str | None = None


#: Field paths of the two built-in row schemas.
SCHEMA_FIELDS: dict[str, dict[str, str]] = {
    "openr1": {
        "prompt": "prompt",
        "answer": "reward_model.ground_truth",
        "demonstration": "target",
        "data_source": "data_source",
    },
    "qa": {
        "prompt": "question",
        "answer": "answer",
        "demonstration": "solution",
        "data_source": "data_source",
    },
}


class ThinkConfig(_Section):
    """The reference's ``<think>`` convention.

    The reference's models carry a chat template whose generation prompt ends with ``<think>\\n``,
    and its demonstrations start with the same tag, which it strips when the prompt already ends
    with it. ``append_to_prompt`` adds the tag to a prompt that lacks it, so a stock tokenizer
    gives the reference's prompts.
    """

    open_tag: str = "<think>\n"
    close_tag: str = "</think>"
    append_to_prompt: bool = True
    strip_from_demonstration: bool = True
    """Drop ``open_tag`` from the start of a demonstration when the prompt text ends with it."""
    require_in_demonstration: bool = False
    """A demonstration without ``close_tag`` is a bad row."""


class DataConfig(_Section):
    """Training and evaluation questions: files, row schema, prompt templating, limits."""

    train_files: list[str] = Field(default_factory=list)
    eval_files: list[str] = Field(default_factory=list)
    format: Literal["auto", "jsonl", "parquet"] = "auto"
    """``auto``: by extension (``.jsonl`` / ``.ndjson``: JSON lines; ``.parquet``)."""
    schema_: Literal["openr1", "qa"] = Field(default="openr1", alias="schema")
    """``openr1``: OpenR1-Math-46k-8192 (``prompt`` messages, ``target``,
    ``reward_model.ground_truth``); ``qa``: ``question`` / ``answer`` / ``solution``."""
    fields: FieldMap = FieldMap()
    chat_template: bool = True
    """Apply the tokenizer's chat template when it has one; otherwise the plain format."""
    system_prompt: str | None = None
    """Inserted as a system message into prompts that have none."""
    think: ThinkConfig = ThinkConfig()
    max_prompt_tokens: PositiveInt = 1024
    max_demonstration_tokens: PositiveInt = 8192
    """Counting the EOS token appended to every demonstration."""
    prompt_overflow: Literal["drop", "error", "left", "right"] = "drop"
    """A prompt over ``max_prompt_tokens``: dropped at load time and counted (the reference),
    an error, or truncated keeping its end (``left``) or its start (``right``)."""
    demonstration_overflow: Literal["truncate", "error"] = "truncate"
    """A demonstration over ``max_demonstration_tokens``: keep its first tokens, or an error."""
    on_bad_row: Literal["error", "skip"] = "error"
    """A malformed row stops loading, or is skipped and counted in the load report."""

    @property
    def field_paths(self) -> dict[str, str]:
        """The schema's field paths with the explicit ``fields`` mapping applied on top."""
        paths = dict(SCHEMA_FIELDS[self.schema_])
        paths.update({k: v for k, v in self.fields.model_dump().items() if v is not None})
        return paths


class EvalSamplingConfig(_Section):
    """Sampling for the periodic validation (the reference: T=0.6, one sample)."""

    n: PositiveInt = 1
    temperature: NonNegFloat = 0.6
    top_p: Annotated[float, Field(gt=0.0, le=1.0)] = 1.0
    max_new_tokens: PositiveInt | None = None
    """None: the same as ``rollout.max_new_tokens``."""


class VLLMConfig(_Section):
    """The vLLM rollout engine (``rollout.engine: vllm``), colocated with training on each GPU."""

    gpu_memory_utilization: Annotated[float, Field(gt=0.0, le=1.0)] = 0.3
    """Share of the GPU's memory vLLM may take (weights + KV cache); the trainer keeps the rest."""
    tensor_parallel_size: PositiveInt = 1
    sleep: Literal["auto", "on", "off"] = "auto"
    """Free vLLM's KV cache and weights while the trainer updates (``auto``: when supported)."""
    enforce_eager: bool = False
    """No CUDA graphs: slower decoding, faster start and less memory."""
    max_model_len: PositiveInt | None = None
    """None: the longest prompt plus ``rollout.max_new_tokens``."""


class RolloutConfig(_Section):
    """How responses are sampled for RL."""

    engine: Literal["hf", "vllm"] = "hf"
    n: PositiveInt = 8
    temperature: NonNegFloat = 1.0
    top_p: Annotated[float, Field(gt=0.0, le=1.0)] = 1.0
    top_k: Annotated[int, Field(ge=-1)] = 0
    """0 or -1: off."""
    max_new_tokens: PositiveInt = 8192
    generation_batch_size: PositiveInt | None = None
    """Prompts per ``generate`` call; None: the whole step's prompts in one call."""
    eval: EvalSamplingConfig = EvalSamplingConfig()
    vllm: VLLMConfig = VLLMConfig()


class _AdamW(_Section):
    """An AdamW optimizer with a constant learning rate after an optional linear warmup."""

    lr: PositiveFloat = 1e-6
    betas: tuple[Beta, Beta] = (0.9, 0.999)
    eps: PositiveFloat = 1e-8
    weight_decay: NonNegFloat = 0.01
    grad_clip: PositiveFloat | None = 1.0
    """Maximum global gradient norm; None: no clipping."""
    warmup_steps: NonNegInt = 0


class AdvantageConfig(_Section):
    """Group baselines, as ``relift.group_advantages(baseline=..., scale=...)``."""

    baseline: Literal["mean", "loo"] = "mean"
    scale: Literal["none", "group", "batch"] = "none"
    """``none``: Dr.GRPO (the reference); ``group``: GRPO's division by the group std."""


class OverlongPenaltyConfig(_Section):
    """DAPO's soft overlong penalty, added to the reward (the later reference variant).

    With L the response length, Lmax ``rollout.max_new_tokens`` and Lb ``buffer_length``: 0 when
    L <= Lmax - Lb, ``penalty_factor * (Lmax - Lb - L) / Lb`` up to Lmax.
    """

    enable: bool = False
    buffer_length: PositiveInt = 4096
    penalty_factor: NonNegFloat = 1.0


class RLConfig(_AdamW):
    """The policy-gradient update."""

    grad_clip: PositiveFloat | None = 0.7
    mini_batches: PositiveInt = 2
    """Optimizer steps per RL step; the step's prompt groups are split evenly."""
    clipping: Literal["off", "symmetric", "higher"] = "off"
    """``symmetric``: ratio in [1 - clip_low, 1 + clip_low]; ``higher``: [1 - clip_low,
    1 + clip_high] (DAPO's clip-higher); ``off``: no clipping (ReLIFT v1)."""
    clip_low: Annotated[float, Field(gt=0.0, lt=1.0)] = 0.2
    clip_high: PositiveFloat = 0.28
    aggregation: Literal["token_mean", "seq_mean_token_sum", "constant"] = "constant"
    constant_length: PositiveInt | None = None
    """Divisor of ``constant`` aggregation; None: ``rollout.max_new_tokens`` (Dr.GRPO)."""
    constant_divisor_seqs: PositiveInt | None = None
    """``constant`` aggregation divides the token sum by ``constant_length`` times this fixed
    number of sequences; None: the mini-batch's number of sequences (Dr.GRPO's mean over
    sequences). The reference v1 runs' scale is 8, their GPU count (``relift.losses``)."""
    recompute_old_logprobs: Literal["auto", "always"] = "auto"
    """``auto``: with one mini-batch the update is on-policy, so the old log-probs are the
    gradient pass's own, detached (ratio exactly 1; TRL does this) and no extra forward runs;
    ``always``: a no-grad forward before any update computes them (the reference)."""
    entropy_coef: NonNegFloat = 0.001
    kl_coef: NonNegFloat = 0.0
    """0: no reference model is loaded."""
    kl_estimator: Literal["k1", "k2", "k3"] = "k3"
    advantage: AdvantageConfig = AdvantageConfig()
    overlong_penalty: OverlongPenaltyConfig = OverlongPenaltyConfig()
    sympy_fallback: bool = False
    """The reward: settle what the Rust verifier cannot decide with sympy, in worker processes
    with a hard timeout (docs/sympy.md; needs the ``sympy`` extra). Off: the Rust core alone."""
    micro_batch_tokens: PositiveInt | None = None
    """Token budget of one forward/backward micro-batch (RL and SFT); never changes the loss.
    None: :meth:`Config.micro_batch_tokens_on` the trainer's device."""

    @model_validator(mode="after")
    def _check_clip(self) -> RLConfig:
        problems = []
        if self.clipping == "higher" and not self.clip_high > self.clip_low:
            problems.append(
                (
                    "clip_high",
                    f"must be greater than rl.clip_low ({self.clip_low}) when rl.clipping "
                    f"is 'higher', got {self.clip_high}",
                )
            )
        if self.constant_divisor_seqs is not None and self.aggregation != "constant":
            problems.append(
                (
                    "constant_divisor_seqs",
                    f"applies to rl.aggregation 'constant' only, got {self.aggregation!r}",
                )
            )
        raise_problems(problems)
        return self


class BufferConfig(_Section):
    """The hard-question buffer, as ``relift.HardQuestionBuffer(capacity, order, dedup)``."""

    capacity: PositiveInt | None = None
    order: Literal["newest_first", "fifo"] = "newest_first"
    dedup: bool = False


class SFTConfig(_AdamW):
    """The online fine-tuning step on the hardest questions (ReLIFT's SFT part)."""

    trigger_size: PositiveInt = 128
    """M: take an SFT step when the buffer holds this many questions; each step uses M."""
    steps_per_trigger: PositiveInt = 1
    entropy_coef: NonNegFloat = 0.001
    buffer: BufferConfig = BufferConfig()


class ScheduleConfig(_Section):
    """How long to train and when to evaluate."""

    prompts_per_step: PositiveInt = 128
    epochs: PositiveInt = 3
    max_steps: PositiveInt | None = None
    """Stop after this many steps even if epochs remain."""
    eval_every: NonNegInt = 10
    """0: never."""
    eval_before_train: bool = False
    seed: int = 42
    sft_first_steps: NonNegInt = 0
    """``mode: sft_then_rl``: the run's first steps are SFT steps (each on the demonstrations of
    ``prompts_per_step`` sampled questions, as ``mode: sft``), the rest of the step budget RL
    steps; the paper's "SFT, then RL" baseline in one run. Must be 0 in the other modes."""


class LuffyConfig(_Section):
    """``mode: luffy`` (LUFFY, arXiv 2504.14945): RL where, for every sampled question with a
    demonstration, the last ``demos_per_group`` of its ``rollout.n`` rollouts are replaced by
    the demonstration; the group's advantages then compare the policy's own answers with it,
    and its tokens are trained with the shaped, unclipped ratio (``relift.losses``)."""

    demos_per_group: PositiveInt = 1
    """Rollouts of a group replaced by the demonstration; must be < ``rollout.n``."""
    shaping_gamma: PositiveFloat = 0.1
    """gamma of the policy shaping ``f(p) = p / (p + gamma)`` on demonstration tokens."""


class CheckpointConfig(_Section):
    """Where and how often to checkpoint."""

    dir: str = "runs/relift/checkpoints"
    every: NonNegInt = 50
    """Steps between checkpoints; 0: only the final one."""
    keep_last: PositiveInt | None = 2
    """None: keep all."""
    save_final: bool = True


class DistributedConfig(_Section):
    """Training on several processes, launched with ``torchrun`` (one process per GPU)."""

    strategy: Literal["auto", "ddp", "fsdp"] = "auto"
    """``ddp``: a full copy of the model and optimizer state per process, gradients all-reduced;
    ``fsdp``: FSDP2, weights, gradients and optimizer state sharded over the processes (what a
    7B model needs on 80 GB GPUs); ``auto``: fsdp on GPUs, ddp on CPU. Ignored in one process."""


class LoggingConfig(_Section):
    """Metrics and progress output."""

    dir: str = "runs/relift/logs"
    report_to: list[ReportTo] = Field(default_factory=lambda: _JSONL_ONLY.copy())
    progress_bar: bool = True
    run_name: str | None = None
    wandb_project: str = "relift"

    @model_validator(mode="after")
    def _check_report_to(self) -> LoggingConfig:
        dupes = sorted({r for r in self.report_to if self.report_to.count(r) > 1})
        raise_problems([("report_to", f"lists {d!r} twice") for d in dupes])
        return self


class Config(_Section):
    """The root of a run's settings. ``mode``: ``relift`` (RL + online SFT on the hardest
    questions), ``rl`` (RL only: the SFT section is ignored), ``sft`` (SFT only, on the
    demonstrations of ``schedule.prompts_per_step`` questions per step), ``sft_then_rl``
    (``schedule.sft_first_steps`` SFT steps, then RL) or ``luffy`` (RL with the demonstration
    in each group, see :class:`LuffyConfig`)."""

    mode: Mode = "relift"
    model: ModelConfig = ModelConfig()
    data: DataConfig = DataConfig()
    rollout: RolloutConfig = RolloutConfig()
    rl: RLConfig = RLConfig()
    sft: SFTConfig = SFTConfig()
    schedule: ScheduleConfig = ScheduleConfig()
    luffy: LuffyConfig = LuffyConfig()
    checkpoint: CheckpointConfig = CheckpointConfig()
    distributed: DistributedConfig = DistributedConfig()
    logging: LoggingConfig = LoggingConfig()

    @model_validator(mode="after")
    def _check_cross_fields(self) -> Config:
        raise_problems(_cross_field_problems(self))
        return self

    @property
    def constant_length(self) -> int:
        """The divisor of ``constant`` loss aggregation (``rl.constant_length`` resolved)."""
        return self.rl.constant_length or self.rollout.max_new_tokens

    def micro_batch_tokens_on(self, device_type: str) -> int:
        """``rl.micro_batch_tokens`` resolved for a torch device type (``"cpu"``, ``"cuda"``).

        Unset, it is 1,024 on CPU, where small micro-batches keep activations in cache and the
        step is faster (BENCHMARKS.md, RL step) and the logits of a large vocabulary stay small,
        and 32,768 elsewhere, where big ones keep the accelerator busy; never less than the
        longest sequence the config allows.
        """
        if self.rl.micro_batch_tokens is not None:
            return self.rl.micro_batch_tokens
        data = self.data
        longest = data.max_prompt_tokens + max(
            self.rollout.max_new_tokens, data.max_demonstration_tokens
        )
        return max(1024 if device_type == "cpu" else 32768, longest)

    def to_yaml(self) -> str:
        """Every setting as YAML; :func:`load_config` / :meth:`from_yaml` read it back equal."""
        return yaml.safe_dump(self.model_dump(mode="json"), sort_keys=False, allow_unicode=True)

    @classmethod
    def from_yaml(cls, text: str, overrides: Sequence[str] = ()) -> Config:
        """Parse YAML text (as written by :meth:`to_yaml`), then apply ``overrides``."""
        return build_settings(cls, parse_yaml(text, None), text, None, overrides)


def _cross_field_problems(cfg: Config) -> list[tuple[str, str]]:
    """Problems that involve more than one section."""
    problems: list[tuple[str, str]] = _mode_problems(cfg)
    if cfg.mode != "sft" and cfg.rollout.n < 2:
        problems.append(
            (
                "rollout.n",
                f"must be >= 2 in mode {cfg.mode!r}: advantages compare a prompt's rollouts "
                f"with each other, got {cfg.rollout.n}",
            )
        )
    if cfg.mode != "sft" and cfg.schedule.prompts_per_step % cfg.rl.mini_batches:
        problems.append(
            (
                "rl.mini_batches",
                f"must divide schedule.prompts_per_step ({cfg.schedule.prompts_per_step}), "
                f"got {cfg.rl.mini_batches}",
            )
        )
    problems += _length_problems(cfg)
    cap = cfg.sft.buffer.capacity
    if cfg.mode == "relift" and cap is not None and cap < cfg.sft.trigger_size:
        problems.append(
            (
                "sft.buffer.capacity",
                f"must be >= sft.trigger_size ({cfg.sft.trigger_size}) or SFT never triggers, "
                f"got {cap}",
            )
        )
    return problems


def _mode_problems(cfg: Config) -> list[tuple[str, str]]:
    """Settings that only some modes take."""
    problems: list[tuple[str, str]] = []
    first, max_steps = cfg.schedule.sft_first_steps, cfg.schedule.max_steps
    if cfg.mode == "sft_then_rl" and first == 0:
        problems.append(("schedule.sft_first_steps", "must be >= 1 in mode 'sft_then_rl', got 0"))
    elif cfg.mode == "sft_then_rl" and max_steps is not None and first >= max_steps:
        problems.append(
            (
                "schedule.sft_first_steps",
                f"must be smaller than schedule.max_steps ({max_steps}) so that RL steps "
                f"remain, got {first}",
            )
        )
    elif cfg.mode != "sft_then_rl" and first:
        problems.append(
            (
                "schedule.sft_first_steps",
                f"applies to mode 'sft_then_rl' only, got {first} in mode {cfg.mode!r}",
            )
        )
    if cfg.mode == "luffy" and cfg.luffy.demos_per_group >= cfg.rollout.n:
        problems.append(
            (
                "luffy.demos_per_group",
                f"must be smaller than rollout.n ({cfg.rollout.n}) so that every group keeps "
                f"rollouts of its own, got {cfg.luffy.demos_per_group}",
            )
        )
    return problems


def _length_problems(cfg: Config) -> list[tuple[str, str]]:
    """Token limits that must fit inside each other."""
    problems: list[tuple[str, str]] = []
    data = cfg.data
    budget = cfg.micro_batch_tokens_on("cpu")  # unset: the resolved value fits by design
    if cfg.mode != "sft" and budget < data.max_prompt_tokens + cfg.rollout.max_new_tokens:
        problems.append(
            (
                "rl.micro_batch_tokens",
                f"must hold one prompt plus response: >= data.max_prompt_tokens + "
                f"rollout.max_new_tokens = "
                f"{data.max_prompt_tokens + cfg.rollout.max_new_tokens}, got {budget}",
            )
        )
    if cfg.mode != "rl" and budget < data.max_prompt_tokens + data.max_demonstration_tokens:
        problems.append(
            (
                "rl.micro_batch_tokens",
                f"must hold one prompt plus demonstration: >= data.max_prompt_tokens + "
                f"data.max_demonstration_tokens = "
                f"{data.max_prompt_tokens + data.max_demonstration_tokens}, got {budget}",
            )
        )
    penalty = cfg.rl.overlong_penalty
    if penalty.enable and penalty.buffer_length >= cfg.rollout.max_new_tokens:
        problems.append(
            (
                "rl.overlong_penalty.buffer_length",
                f"must be smaller than rollout.max_new_tokens ({cfg.rollout.max_new_tokens}), "
                f"got {penalty.buffer_length}",
            )
        )
    return problems
