"""Generation throughput: relift's vLLM engine against its transformers engine, same model, same
prompts, same sampling.

    python benches/generation_bench.py                    # testbed-size Qwen2, 64 prompts x 8
    python benches/generation_bench.py --model PATH       # a saved HF checkpoint and its tokenizer
    python benches/generation_bench.py --quick            # smoke: 4 prompts x 2, 16 new tokens

Needs a CUDA GPU and vLLM (``pip install "relift[vllm]"``); without them ``--quick`` prints a
"skipped" line and exits 0 (the smoke suite runs everywhere), a full run exits 2.

The default model is the testbed's architecture (``relift.testbed.model.BaseSpec``: Qwen2, hidden
128, 4 layers, 4 heads, character tokenizer), randomly initialised and saved with
``save_pretrained``; pass ``--model ~/.cache/relift/testbed/base-<hash>`` for the pre-trained one.
Prompts are additions (``"482+37="``), the same token ids for both engines. Sampling: temperature
1, no top-k / top-p, one seed and the same keys for both, ``--max-new-tokens``. Each engine runs
one warm-up call, then ``--repeats`` timed calls of ``generate`` on the whole batch; throughput is
generated tokens (EOS included) per second, median over the calls. vLLM runs with sleep mode off
(the time is generation only) and CUDA graphs on unless ``--eager``; HFEngine holds the model on
the same GPU in the same dtype and samples all rows in one batch unless ``--hf-batch-size``.

Correctness, checked on every run: both engines return ``n`` contiguous rollouts per prompt within
``max_new_tokens``, and vLLM's sampler log-probs agree with the torch model's recomputation
(``relift.losses.token_logprobs_and_entropy``, what the trainer does) on vLLM's own rollouts.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
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

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

#: Mean |vLLM sampler log-prob - torch recomputation| allowed, per dtype (bf16 kernels differ).
TOLERANCE = {"float32": 5e-3, "bfloat16": 5e-2, "float16": 5e-2}


@dataclass
class Result:
    """One engine's timed calls."""

    name: str
    seconds: list[float] = field(default_factory=list)
    tokens: list[int] = field(default_factory=list)  # generated tokens per call

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def tokens_per_s(self) -> float:
        return statistics.median(t / s for t, s in zip(self.tokens, self.seconds, strict=True))


def missing_requirements() -> str | None:
    """Why this bench cannot run here, or None."""
    if importlib.util.find_spec("torch") is None:
        return "torch is not installed"
    import torch

    if not torch.cuda.is_available():
        return "no CUDA GPU"
    if importlib.util.find_spec("vllm") is None:
        return 'vLLM is not installed (pip install "relift[vllm]")'
    return None


def build_default_model(root: Path, seed: int) -> Path:
    """The testbed's architecture, randomly initialised, saved under ``root``."""
    from relift.testbed.model import BaseSpec, build_tokenizer, untrained_model

    tokenizer = build_tokenizer()
    model = untrained_model(BaseSpec(seed=seed), tokenizer, max_positions=512)
    model.save_pretrained(root)
    tokenizer.save_pretrained(root)
    return root


def make_prompts(tokenizer: Any, count: int, seed: int) -> list[list[int]]:
    rng = random.Random(seed)
    texts = [f"{rng.randint(10, 999)}+{rng.randint(10, 999)}=" for _ in range(count)]
    return [list(tokenizer(t, add_special_tokens=True)["input_ids"]) for t in texts]


def timed(name: str, generate: Any, repeats: int) -> tuple[Result, Any]:
    """One warm-up call, then ``repeats`` timed ones; returns the last rollouts too."""
    import torch

    result = Result(name)
    out = generate()
    for _ in range(repeats):
        torch.cuda.synchronize()
        start = time.perf_counter()
        out = generate()
        torch.cuda.synchronize()
        result.seconds.append(time.perf_counter() - start)
        result.tokens.append(sum(len(r) for r in out.response_ids))
    return result, out


def shape_problems(name: str, out: Any, prompts: int, n: int, max_new: int) -> list[str]:
    problems = []
    if len(out) != prompts * n or out.prompt_index != [p for p in range(prompts) for _ in range(n)]:
        problems.append(f"{name}: {len(out)} rollouts, not {n} contiguous per prompt")
    if any(len(r) > max_new or not r for r in out.response_ids):
        problems.append(f"{name}: a response is empty or longer than {max_new} tokens")
    return problems


def logprob_gap(model: Any, out: Any, pad: int) -> tuple[float, float]:
    """(mean, max) |sampler log-prob - torch recomputation| over vLLM's response tokens."""
    import torch
    from relift.losses import token_logprobs_and_entropy

    batch = out.to_batch(pad, device="cuda")
    gaps = []
    with torch.no_grad():
        for start in range(0, len(batch), 64):
            m = batch.select(range(start, min(start + 64, len(batch))))
            lp = token_logprobs_and_entropy(
                model, m.input_ids, m.attention_mask, m.response_mask, with_entropy=False
            ).logprobs
            mask = m.response_mask
            gaps.append((m.extras["sampler_logprobs"][mask] - lp[mask].float()).abs())
    gap = torch.cat(gaps)
    return float(gap.mean()), float(gap.max())


def report(
    results: list[Result], args: argparse.Namespace, params: int, gap: tuple[float, float]
) -> str:
    import torch
    import transformers

    vllm = importlib.import_module("vllm")
    vllm_r, hf_r = results
    lines = [
        f"## Generation: {args.prompts} prompts x {args.rollouts} rollouts, max "
        f"{args.max_new_tokens} new tokens, {params / 1e6:.2f}M-parameter model, {args.dtype}",
        "",
        f"{torch.cuda.get_device_name()}, torch {torch.__version__}, vLLM {vllm.__version__}, "
        f"transformers {transformers.__version__}, {platform.python_version()}; medians over "
        f"{args.repeats} calls after 1 warm-up; vLLM CUDA graphs: {not args.eager}",
        "",
        "| engine | call (s) | gen. tokens / call | tokens / s | calls (s) |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        calls = ", ".join(f"{s:.3f}" for s in r.seconds)
        lines.append(
            f"| {r.name} | {r.median_s:.3f} | {statistics.median(r.tokens):.0f} "
            f"| {r.tokens_per_s:.0f} | {calls} |"
        )
    lines += [
        "",
        f"**VLLMEngine / HFEngine tokens/s: {vllm_r.tokens_per_s / hf_r.tokens_per_s:.1f}x**; "
        f"vLLM sampler log-prob vs torch recomputation: mean |gap| {gap[0]:.2e}, "
        f"max {gap[1]:.2e}",
        "",
        "Reproduce: `python benches/generation_bench.py " + " ".join(sys.argv[1:]) + "`",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", "--smoke", action="store_true", help="4 x 2, 16 tokens, 1 call")
    parser.add_argument("--model", type=Path, default=None, help="a saved HF checkpoint")
    parser.add_argument("--prompts", type=int, default=64)
    parser.add_argument("--rollouts", type=int, default=8)
    parser.add_argument("--max-new-tokens", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=3, help="timed calls per engine")
    parser.add_argument("--dtype", default="bfloat16", choices=sorted(TOLERANCE))
    parser.add_argument("--gpu-memory-utilization", type=float, default=0.3)
    parser.add_argument("--hf-batch-size", type=int, default=None)
    parser.add_argument("--eager", action="store_true", help="vLLM without CUDA graphs")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.quick:
        args.prompts, args.rollouts, args.max_new_tokens, args.repeats = 4, 2, 16, 1
    why = missing_requirements()
    if why is not None:
        print(f"generation bench skipped: needs CUDA and vllm ({why})")
        return 0 if args.quick else 2

    import torch
    from relift.rollout import HFEngine, SamplingParams
    from relift.rollout.vllm import VLLMEngine
    from transformers import AutoModelForCausalLM, AutoTokenizer

    dtype = getattr(torch, args.dtype)
    with tempfile.TemporaryDirectory(prefix="generation_bench_") as tmp:
        model_dir = args.model or build_default_model(Path(tmp), args.seed)
        tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True, dtype=dtype)
        torch.nn.Module.to(model, "cuda")
        model.train(False)
        params = sum(p.numel() for p in model.parameters())
        prompts = make_prompts(tokenizer, args.prompts, args.seed)
        keys = list(range(len(prompts)))
        sampling = SamplingParams(
            n=args.rollouts, max_new_tokens=args.max_new_tokens, seed=args.seed, logprobs=True
        )
        vllm_engine = VLLMEngine(
            str(model_dir),
            tokenizer,
            dtype=args.dtype,
            sleep="off",
            enforce_eager=args.eager,
            gpu_memory_utilization=args.gpu_memory_utilization,
            seed=args.seed,
        )
        vllm_r, vllm_out = timed(
            "relift VLLMEngine", lambda: vllm_engine.generate(prompts, sampling, keys), args.repeats
        )
        vllm_engine.close()
        hf_engine = HFEngine(model, tokenizer, batch_size=args.hf_batch_size)
        hf_r, hf_out = timed(
            "relift HFEngine", lambda: hf_engine.generate(prompts, sampling, keys), args.repeats
        )
        pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        gap = logprob_gap(model, vllm_out, pad)
    print(report([vllm_r, hf_r], args, params, gap))
    problems = shape_problems("vLLM", vllm_out, args.prompts, args.rollouts, args.max_new_tokens)
    problems += shape_problems("HF", hf_out, args.prompts, args.rollouts, args.max_new_tokens)
    if gap[0] > TOLERANCE[args.dtype]:
        problems.append(f"vLLM sampler log-probs off by {gap[0]:.3g} on average (torch model)")
    for problem in problems:
        print("CHECK FAILED:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
