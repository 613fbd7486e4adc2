"""One RL step of relift against TRL's ``GRPOTrainer``, same tiny model, same batch shape.

    .venv-bench/bin/python benches/rl_step_bench.py            # full: 32 prompts x 8 rollouts
    python benches/rl_step_bench.py --quick                    # smoke test: tiny, 1 step

Both tools start from the same randomly initialised pilot-size Qwen2 (character tokenizer,
hidden 128, intermediate 512, 4 layers, 4 heads, ~1M parameters), saved and reloaded through
``from_pretrained``, on the same synthetic dataset of 2-3 digit additions (prompt ``"12+345="``,
demonstration ending in ``\\boxed{357}``). One step is: sample P prompts x N rollouts (at most
``--max-new-tokens`` tokens, temperature 1, top_k 0, top_p 1, KV cache, no vLLM) -> rewards with
``relift.verify_batch`` -> group advantages -> ONE optimizer step on all P x N rollouts (relift:
``rl.mini_batches=1`` by default, so on-policy, ``--mini-batches 2`` for the reference's two;
TRL: one optimizer step per generation batch, ``num_iterations=1``). relift also runs ``mode:
relift`` with an SFT trigger it never reaches, so the buffer push is timed but no SFT step
happens. relift's micro-batch budget is its default for the device unless
``--micro-batch-tokens`` says otherwise (0: the whole mini-batch in one pass, like TRL).

Timing: relift's own per-step metrics (``time_step`` and its phases); TRL's step is timed by a
``TrainerCallback`` from ``on_step_begin`` to ``on_step_end`` (generation, rewards, loss, backward
and optimizer step all happen in between). Both also report the process's CPU seconds per step,
which other load on the machine disturbs less than wall time. The first step of each run is a
warm-up and is dropped; medians over the rest, pooled over ``--repeats`` runs of each tool,
alternating. TRL is imported only when installed (the bench environment); without it the TRL
row is skipped. Gradient checkpointing is off for both.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no OpenMP spin-waiting
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")

import numpy as np
import relift
import torch
from relift.config import Config
from relift.metrics import read_metrics
from relift.testing import DEFAULT_CHARS, build_tiny_model, build_tiny_tokenizer

CHARS = DEFAULT_CHARS + "\\boxed{}"


@dataclass
class Shape:
    prompts: int
    rollouts: int
    max_new_tokens: int
    steps: int  # timed steps, after one warm-up step
    mini_batches: int
    seed: int
    micro_batch_tokens: int | None = None  # relift's budget; None: its default; 0: one pass


@dataclass
class Result:
    """One tool's medians over the timed steps."""

    name: str
    step_s: float
    sequences: int
    tokens_per_step: float  # generated (response) tokens per step, EOS included
    losses: list[float]
    phases: dict[str, float] = field(default_factory=dict)
    steps: list[float] = field(default_factory=list)
    cpu_steps: list[float] = field(default_factory=list)  # process CPU seconds per step
    budget: str = ""  # relift's micro-batch budget as resolved

    @property
    def cpu_s(self) -> float:
        return statistics.median(self.cpu_steps) if self.cpu_steps else float("nan")

    @property
    def tokens_per_s(self) -> float:
        return self.tokens_per_step / self.step_s if self.step_s > 0 else 0.0


# ---- model and data ---------------------------------------------------------------------------


def build_assets(root: Path, num_questions: int, seed: int) -> tuple[Path, Path]:
    """Save the tiny model + tokenizer under ``root/model`` and the dataset as JSONL."""
    tokenizer = build_tiny_tokenizer(CHARS)
    model = build_tiny_model(
        tokenizer,
        hidden_size=128,
        intermediate_size=512,
        num_layers=4,
        num_heads=4,
        num_kv_heads=4,
        seed=seed,
    )
    model_dir = root / "model"
    model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)
    rng = random.Random(seed)
    data = root / "train.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for _ in range(num_questions):
            a = rng.randint(10, 999)
            b = rng.randint(10, 999)
            row = {
                "question": f"{a}+{b}=",
                "answer": str(a + b),
                "solution": f"{a + b}#\\boxed{{{a + b}}}",
            }
            fh.write(json.dumps(row) + "\n")
    return model_dir, data


def load_model(model_dir: Path) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, PreTrainedTokenizerFast

    model = AutoModelForCausalLM.from_pretrained(
        model_dir, local_files_only=True, dtype=torch.float32
    )
    tokenizer = PreTrainedTokenizerFast.from_pretrained(model_dir, local_files_only=True)
    return model, tokenizer


def num_params(model: Any) -> int:
    return int(sum(p.numel() for p in model.parameters()))


# ---- relift -----------------------------------------------------------------------------------

PHASES = ["generate", "reward", "advantage", "rl_update", "buffer", "sft_update", "weight_sync"]


def run_relift(model_dir: Path, data: Path, run_dir: Path, shape: Shape) -> Result:
    total = shape.steps + 1
    budget = shape.micro_batch_tokens
    if budget == 0:  # the whole mini-batch in one forward, like TRL
        budget = shape.prompts * shape.rollouts * (16 + shape.max_new_tokens)
    raw: dict[str, Any] = {
        "mode": "relift",
        "model": {
            "name_or_path": str(model_dir),
            "dtype": "float32",
            "gradient_checkpointing": False,  # as for TRL: a tiny model does not need it
        },
        "data": {
            "train_files": [str(data)],
            "schema": "qa",
            "chat_template": False,
            "think": {"append_to_prompt": False},
            "max_prompt_tokens": 16,
            "max_demonstration_tokens": 32,
        },
        "rollout": {
            "engine": "hf",
            "n": shape.rollouts,
            "temperature": 1.0,
            "top_k": 0,
            "top_p": 1.0,
            "max_new_tokens": shape.max_new_tokens,
        },
        "rl": {
            "lr": 1e-5,
            "grad_clip": 1.0,
            "mini_batches": shape.mini_batches,
            "micro_batch_tokens": budget,
        },
        "sft": {"trigger_size": 10**9},  # the buffer is filled and timed; SFT never triggers
        "schedule": {
            "prompts_per_step": shape.prompts,
            "max_steps": total,
            "epochs": 1000,
            "eval_every": 0,
            "seed": shape.seed,
        },
        "checkpoint": {"dir": str(run_dir / "ckpt"), "every": 0, "save_final": False},
        "logging": {"dir": str(run_dir / "logs"), "report_to": ["jsonl"], "progress_bar": False},
    }
    model, tokenizer = load_model(model_dir)
    trainer = relift.Trainer(Config.model_validate(raw), model=model, tokenizer=tokenizer)
    cpu_steps: list[float] = []
    step_fn = trainer._relift_step

    def timed_step(step: int) -> dict[str, float]:
        start = time.process_time()
        metrics = step_fn(step)
        cpu_steps.append(time.process_time() - start)
        return metrics

    trainer._relift_step = timed_step  # type: ignore[method-assign]
    result = trainer.train()
    records = [r for r in read_metrics(result.metrics_file) if "time_step" in r]
    timed = records[1:] if len(records) > 1 else records
    phases = {p: statistics.median(r.get(f"time_{p}", 0.0) for r in timed) for p in PHASES}
    return Result(
        name="relift",
        step_s=statistics.median(r["time_step"] for r in timed),
        sequences=shape.prompts * shape.rollouts,
        tokens_per_step=statistics.median(
            r["resp_len_mean"] * shape.prompts * shape.rollouts for r in timed
        ),
        losses=[float(r["rl_loss"]) for r in records],
        phases=phases,
        steps=[float(r["time_step"]) for r in timed],
        cpu_steps=cpu_steps[1:] if len(cpu_steps) > 1 else cpu_steps,
        budget=str(trainer.micro_batch_tokens),
    )


# ---- TRL --------------------------------------------------------------------------------------


def trl_available() -> bool:
    return importlib.util.find_spec("trl") is not None


def run_trl(model_dir: Path, data: Path, run_dir: Path, shape: Shape) -> Result:
    from datasets import Dataset  # type: ignore[import-untyped, unused-ignore]
    from transformers import TrainerCallback
    from trl import (  # type: ignore[import-not-found, import-untyped, unused-ignore]
        GRPOConfig,
        GRPOTrainer,
    )

    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    dataset = Dataset.from_list([{"prompt": r["question"], "answer": r["answer"]} for r in rows])

    def reward(completions: list[str], answer: list[str], **_: Any) -> list[float]:
        return [float(x) for x in relift.verify_batch(completions, answer)]

    class StepClock(TrainerCallback):  # type: ignore[misc, unused-ignore]
        def __init__(self) -> None:
            self.start = self.cpu_start = 0.0
            self.times: list[float] = []
            self.cpu_times: list[float] = []
            self.logs: list[dict[str, float]] = []

        def on_step_begin(self, *args: Any, **kwargs: Any) -> None:
            self.start, self.cpu_start = time.perf_counter(), time.process_time()

        def on_step_end(self, *args: Any, **kwargs: Any) -> None:
            self.times.append(time.perf_counter() - self.start)
            self.cpu_times.append(time.process_time() - self.cpu_start)

        def on_log(self, *args: Any, logs: dict[str, float] | None = None, **kwargs: Any) -> None:
            if logs and "loss" in logs:
                self.logs.append(dict(logs))

    batch = shape.prompts * shape.rollouts
    config = GRPOConfig(
        output_dir=str(run_dir / "trl"),
        per_device_train_batch_size=batch,
        gradient_accumulation_steps=1,
        num_generations=shape.rollouts,
        max_completion_length=shape.max_new_tokens,
        temperature=1.0,
        top_k=0,
        top_p=1.0,
        learning_rate=1e-5,
        max_grad_norm=1.0,
        max_steps=shape.steps + 1,
        num_iterations=1,
        beta=0.0,
        gradient_checkpointing=False,
        use_vllm=False,
        use_cpu=True,
        bf16=False,
        fp16=False,
        report_to="none",
        save_strategy="no",
        logging_steps=1,
        disable_tqdm=True,
        dataloader_num_workers=0,
        seed=shape.seed,
    )
    model, tokenizer = load_model(model_dir)
    clock = StepClock()
    trainer = GRPOTrainer(
        model=model,
        reward_funcs=reward,
        args=config,
        train_dataset=dataset,
        processing_class=tokenizer,
        callbacks=[clock],
    )
    trainer.train()
    timed = clock.times[1:] if len(clock.times) > 1 else clock.times
    logs = clock.logs[1:] if len(clock.logs) > 1 else clock.logs
    length_key = "completions/mean_length"
    tokens = statistics.median(lg.get(length_key, float("nan")) * batch for lg in logs)
    return Result(
        name="TRL GRPOTrainer",
        step_s=statistics.median(timed),
        sequences=batch,
        tokens_per_step=tokens,
        losses=[float(lg["loss"]) for lg in clock.logs],
        steps=timed,
        cpu_steps=clock.cpu_times[1:] if len(clock.cpu_times) > 1 else clock.cpu_times,
    )


# ---- report -----------------------------------------------------------------------------------


def check(result: Result, shape: Shape) -> list[str]:
    """Correctness checks: finite losses, the expected number of sequences, steps timed."""
    problems = []
    if not result.losses or not all(np.isfinite(result.losses)):
        problems.append(f"{result.name}: non-finite or missing losses {result.losses}")
    if result.sequences != shape.prompts * shape.rollouts:
        problems.append(f"{result.name}: {result.sequences} sequences per step")
    if not result.steps:
        problems.append(f"{result.name}: no step timed")
    return problems


def pooled(runs: list[Result]) -> Result:
    """Several runs of one tool as one result: all their timed steps, medians of the rest."""
    first = runs[0]
    return Result(
        name=first.name,
        step_s=statistics.median(s for r in runs for s in r.steps),
        sequences=first.sequences,
        tokens_per_step=statistics.median(r.tokens_per_step for r in runs),
        losses=[x for r in runs for x in r.losses],
        phases={k: statistics.median(r.phases[k] for r in runs) for k in first.phases},
        steps=[s for r in runs for s in r.steps],
        cpu_steps=[s for r in runs for s in r.cpu_steps],
        budget=first.budget,
    )


def report(relift_r: Result, trl_r: Result | None, shape: Shape, params: int, runs: int) -> str:
    lines = [
        f"## One RL step: {shape.prompts} prompts x {shape.rollouts} rollouts, "
        f"max {shape.max_new_tokens} new tokens, {params / 1e6:.2f}M-parameter Qwen2",
        "",
        f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
        f"{platform.processor() or platform.machine()}, relift mini-batches: "
        f"{shape.mini_batches}, micro-batch tokens: {relift_r.budget}; medians over "
        f"{len(relift_r.steps)} steps ({runs} run(s) of {shape.steps} after 1 warm-up)",
        "",
        "| tool | step (s) | CPU s / step | steps (s) | sequences | gen. tokens / step |"
        " tokens / s (step) | losses finite |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in (relift_r, trl_r):
        if r is None:
            continue
        steps = ", ".join(f"{s:.2f}" for s in r.steps)
        finite = all(np.isfinite(r.losses))
        lines.append(
            f"| {r.name} | {r.step_s:.3f} | {r.cpu_s:.3f} | {steps} | {r.sequences} "
            f"| {r.tokens_per_step:.0f} | {r.tokens_per_s:.0f} | {finite} |"
        )
    if trl_r is None:
        lines += ["", "TRL: skipped (not importable here, or --no-trl)."]
    else:
        ratio = relift_r.step_s / trl_r.step_s
        norm = (relift_r.step_s / max(relift_r.tokens_per_step, 1)) / (
            trl_r.step_s / max(trl_r.tokens_per_step, 1)
        )
        lines += [
            "",
            f"**relift / TRL step time: {ratio:.3f}x** (target <= 0.2x); "
            f"per generated token: {norm:.3f}x; CPU time: {relift_r.cpu_s / trl_r.cpu_s:.3f}x",
        ]
    p = relift_r.phases
    small = p["reward"] + p["advantage"] + p["buffer"]
    lines += [
        "",
        "| relift phase | median (s) | share of step |",
        "|---|---|---|",
    ]
    for name, seconds in p.items():
        lines.append(f"| {name} | {seconds:.4f} | {100 * seconds / relift_r.step_s:.2f}% |")
    lines += [
        f"| **verify + advantages + buffer** | {small:.4f} | "
        f"**{100 * small / relift_r.step_s:.3f}%** (target < 1%) |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="4 prompts x 4, 1 step, small")
    parser.add_argument("--prompts", type=int, default=32)
    parser.add_argument("--rollouts", type=int, default=8)
    parser.add_argument("--max-new-tokens", type=int, default=48)
    parser.add_argument("--steps", type=int, default=5, help="timed steps after 1 warm-up")
    parser.add_argument("--mini-batches", type=int, default=1)
    parser.add_argument(
        "--micro-batch-tokens",
        type=int,
        default=None,
        help="relift rl.micro_batch_tokens (default: relift's, 1024 on CPU; 0: all at once)",
    )
    parser.add_argument("--repeats", type=int, default=1, help="runs of each tool, alternating")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-trl", action="store_true", help="skip TRL even when installed")
    parser.add_argument("--trl-first", action="store_true", help="run TRL before relift")
    args = parser.parse_args(argv)
    if args.quick:
        shape = Shape(4, 4, 12, 1, 1, args.seed)
    else:
        shape = Shape(
            args.prompts, args.rollouts, args.max_new_tokens, args.steps, args.mini_batches,
            args.seed, args.micro_batch_tokens,
        )  # fmt: skip
    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory(prefix="rl_step_bench_") as tmp:
        root = Path(tmp)
        questions = shape.prompts * (shape.steps + 1) * 2
        model_dir, data = build_assets(root, questions, shape.seed)
        params = num_params(load_model(model_dir)[0])
        use_trl = not args.no_trl and trl_available()
        if not args.no_trl and not use_trl:
            print("TRL not importable: TRL row skipped", file=sys.stderr)
        relift_runs: list[Result] = []
        trl_runs: list[Result] = []
        for run in range(max(args.repeats, 1)):
            if use_trl and args.trl_first:
                trl_runs.append(run_trl(model_dir, data, root / f"trl{run}", shape))
            relift_runs.append(run_relift(model_dir, data, root / f"relift{run}", shape))
            if use_trl and not args.trl_first:
                trl_runs.append(run_trl(model_dir, data, root / f"trl{run}", shape))
    relift_r = pooled(relift_runs)
    trl_r = pooled(trl_runs) if trl_runs else None
    print(report(relift_r, trl_r, shape, params, len(relift_runs)))
    problems = check(relift_r, shape) + (check(trl_r, shape) if trl_r else [])
    for problem in problems:
        print("CHECK FAILED:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
