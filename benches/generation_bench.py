"""Generation throughput: relift's vLLM engine against bare vLLM and against relift's transformers
engine, same model, same prompts, same sampling.

    python benches/generation_bench.py                    # testbed-size Qwen2, 64 prompts x 8
    python benches/generation_bench.py --model PATH       # a saved HF checkpoint and its tokenizer
    python benches/generation_bench.py --baseline vllm --min-ratio 0.9 --json FILE
    python benches/generation_bench.py --quick            # smoke: 4 prompts x 2, 16 new tokens

Needs a CUDA GPU and vLLM (``pip install "relift[vllm]"``); without them ``--quick`` prints a
"skipped" line and exits 0 (the smoke suite runs everywhere), a full run exits 2.

The default model is the testbed's architecture (``relift.testbed.model.BaseSpec``: Qwen2, hidden
128, 4 layers, 4 heads, character tokenizer), randomly initialised and saved with
``save_pretrained``; pass ``--model ~/.cache/relift/testbed/base-<hash>`` for the pre-trained one.
Prompts are additions (``"482+37="``), the same token ids for both engines. Sampling: temperature
1, no top-k / top-p, one seed and the same keys for both, ``--max-new-tokens``. Each contender runs
one warm-up call, then ``--repeats`` timed calls on the whole batch; throughput is generated tokens
(EOS included) per second, median over the calls. vLLM runs with sleep mode off (the time is
generation only) and CUDA graphs on unless ``--eager``; HFEngine holds the model on the same GPU in
the same dtype and samples all rows in one batch unless ``--hf-batch-size``.

``--baseline`` picks the comparisons (default ``both``):

* ``vllm``: relift's ``VLLMEngine.generate`` against bare ``vllm.LLM.generate`` on the same
  ``vllm.LLM`` object (one set of weights, one KV cache, one CUDA-graph capture), so the ratio is
  relift's own cost, not the difference between two engines. Bare vLLM gets the same prompt token
  ids and the same sampling as one ``vllm.SamplingParams`` (``n`` samples per request, temperature,
  ``max_tokens``, EOS stop, the sampled token's log-prob, no detokenizing), what a vLLM user writes;
  a second bare contender submits relift's request layout (``n`` one-sample requests per prompt,
  each with its own seed) to tell the layout's cost from relift's Python. The calls of the three
  contenders alternate (order rotated each round), so drift in the machine hits all of them.
  ``--min-ratio R`` fails the run when relift's tokens/s is below ``R`` x bare vLLM's.
* ``hf``: ``VLLMEngine`` against relift's ``HFEngine``, after the vLLM engine is closed.

``--json FILE`` writes every figure (per-call seconds and tokens, medians, ratios, versions, the
checks) for ``benches/gpu_acceptance.sh``.

Correctness, checked on every run: every contender returns ``n`` samples per prompt within
``max_new_tokens`` (relift's engines: contiguous rollouts), and vLLM's sampler log-probs agree with
the torch model's recomputation (``relift.losses.token_logprobs_and_entropy``, what the trainer
does) on relift's vLLM rollouts.

Exit status: 0 done and every check held; 1 a check failed (or ``--min-ratio`` missed); 2 no CUDA
GPU or no vLLM here (``--quick``: 0, printing a "skipped" line, so the smoke suite runs anywhere).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

#: Mean |vLLM sampler log-prob - torch recomputation| allowed, per dtype (bf16 kernels differ).
TOLERANCE = {"float32": 5e-3, "bfloat16": 5e-2, "float16": 5e-2}
RELIFT_VLLM = "relift VLLMEngine"
BARE_VLLM = "bare vLLM"
BARE_VLLM_SPLIT = "bare vLLM, relift's request layout"
RELIFT_HF = "relift HFEngine"


@dataclass
class Result:
    """One contender's timed calls."""

    name: str
    seconds: list[float] = field(default_factory=list)
    tokens: list[int] = field(default_factory=list)  # generated tokens per call

    @property
    def median_s(self) -> float:
        return statistics.median(self.seconds)

    @property
    def tokens_per_s(self) -> float:
        return statistics.median(t / s for t, s in zip(self.tokens, self.seconds, strict=True))

    def as_dict(self) -> dict[str, Any]:
        return {
            "tokens_per_s": self.tokens_per_s,
            "median_call_s": self.median_s,
            "median_tokens_per_call": statistics.median(self.tokens),
            "call_seconds": self.seconds,
            "call_tokens": self.tokens,
        }


@dataclass
class Contender:
    """A way to generate the whole batch: ``call`` returns its output, ``count`` the generated
    tokens in that output."""

    name: str
    call: Callable[[], Any]
    count: Callable[[Any], int]


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


def rollout_tokens(out: Any) -> int:
    """Generated tokens of a :class:`relift.rollout.Rollouts`."""
    return sum(len(r) for r in out.response_ids)


def request_output_tokens(outputs: Any) -> int:
    """Generated tokens of a list of ``vllm.RequestOutput``."""
    return sum(len(sample.token_ids) for out in outputs for sample in out.outputs)


def timed(contenders: list[Contender], repeats: int) -> tuple[list[Result], list[Any]]:
    """One warm-up call of each contender, then ``repeats`` rounds of one timed call of each,
    the order rotated every round; returns every contender's result and last output."""
    import torch

    results = [Result(c.name) for c in contenders]
    outputs = [c.call() for c in contenders]
    for round_ in range(repeats):
        for k in range(len(contenders)):
            i = (k + round_) % len(contenders)
            torch.cuda.synchronize()
            start = time.perf_counter()
            outputs[i] = contenders[i].call()
            torch.cuda.synchronize()
            results[i].seconds.append(time.perf_counter() - start)
            results[i].tokens.append(contenders[i].count(outputs[i]))
    return results, outputs


def shape_problems(name: str, out: Any, prompts: int, n: int, max_new: int) -> list[str]:
    problems = []
    if len(out) != prompts * n or out.prompt_index != [p for p in range(prompts) for _ in range(n)]:
        problems.append(f"{name}: {len(out)} rollouts, not {n} contiguous per prompt")
    if any(len(r) > max_new or not r for r in out.response_ids):
        problems.append(f"{name}: a response is empty or longer than {max_new} tokens")
    return problems


def bare_problems(name: str, outputs: Any, prompts: int, n: int, max_new: int) -> list[str]:
    """The same checks on a list of ``vllm.RequestOutput`` (``n`` samples per prompt)."""
    samples = [s for out in outputs for s in out.outputs]
    problems = []
    if len(samples) != prompts * n:
        problems.append(f"{name}: {len(samples)} samples, not {n} per prompt")
    if any(len(s.token_ids) > max_new or not len(s.token_ids) for s in samples):
        problems.append(f"{name}: a sample is empty or longer than {max_new} tokens")
    return problems


def bare_vllm_contenders(
    llm: Any, prompts: list[list[int]], args: argparse.Namespace, eos: int
) -> list[Contender]:
    """Bare ``vllm.LLM.generate`` on relift's ``llm``: ``n`` samples per request, and relift's
    layout (``n`` requests of one sample, each seeded)."""
    vllm = importlib.import_module("vllm")
    options: dict[str, Any] = {
        "temperature": 1.0,
        "top_p": 1.0,
        "top_k": 0,
        "max_tokens": args.max_new_tokens,
        "stop_token_ids": [eos],
        "detokenize": False,
        "logprobs": 0,
    }
    grouped = [{"prompt_token_ids": p} for p in prompts]
    group_params = vllm.SamplingParams(n=args.rollouts, seed=args.seed, **options)
    split = [{"prompt_token_ids": p} for p in prompts for _ in range(args.rollouts)]
    split_params = [
        vllm.SamplingParams(n=1, seed=args.seed * 1_000_003 + i, **options)
        for i in range(len(split))
    ]
    return [
        Contender(
            BARE_VLLM,
            lambda: llm.generate(grouped, group_params, use_tqdm=False),
            request_output_tokens,
        ),
        Contender(
            BARE_VLLM_SPLIT,
            lambda: llm.generate(split, split_params, use_tqdm=False),
            request_output_tokens,
        ),
    ]


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


def ratios(results: list[Result]) -> dict[str, float]:
    """Tokens/s ratios: relift's vLLM engine against each baseline that ran."""
    by_name = {r.name: r.tokens_per_s for r in results}
    relift = by_name[RELIFT_VLLM]
    out = {}
    if BARE_VLLM in by_name:
        out["relift_vllm_over_bare_vllm"] = relift / by_name[BARE_VLLM]
        out["relift_vllm_over_bare_vllm_split"] = relift / by_name[BARE_VLLM_SPLIT]
    if RELIFT_HF in by_name:
        out["relift_vllm_over_hf"] = relift / by_name[RELIFT_HF]
    return out


def versions() -> dict[str, str]:
    import torch
    import transformers

    vllm = importlib.import_module("vllm")
    return {
        "gpu": torch.cuda.get_device_name(),
        "torch": torch.__version__,
        "vllm": str(vllm.__version__),
        "transformers": transformers.__version__,
        "python": platform.python_version(),
    }


def report(
    results: list[Result], args: argparse.Namespace, params: int, gap: tuple[float, float]
) -> str:
    v = versions()
    lines = [
        f"## Generation: {args.prompts} prompts x {args.rollouts} rollouts, max "
        f"{args.max_new_tokens} new tokens, {params / 1e6:.2f}M-parameter model, {args.dtype}",
        "",
        f"{v['gpu']}, torch {v['torch']}, vLLM {v['vllm']}, transformers {v['transformers']}, "
        f"{v['python']}; medians over {args.repeats} calls after 1 warm-up; vLLM CUDA graphs: "
        f"{not args.eager}",
        "",
        "| contender | call (s) | gen. tokens / call | tokens / s | calls (s) |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        calls = ", ".join(f"{s:.3f}" for s in r.seconds)
        lines.append(
            f"| {r.name} | {r.median_s:.3f} | {statistics.median(r.tokens):.0f} "
            f"| {r.tokens_per_s:.0f} | {calls} |"
        )
    lines.append("")
    got = ratios(results)
    if "relift_vllm_over_bare_vllm" in got:
        lines.append(
            f"**relift VLLMEngine / bare vLLM tokens/s: {got['relift_vllm_over_bare_vllm']:.3f}x** "
            f"(/ bare vLLM with relift's request layout: "
            f"{got['relift_vllm_over_bare_vllm_split']:.3f}x)"
        )
    if "relift_vllm_over_hf" in got:
        lines.append(f"**VLLMEngine / HFEngine tokens/s: {got['relift_vllm_over_hf']:.1f}x**")
    lines += [
        f"vLLM sampler log-prob vs torch recomputation: mean |gap| {gap[0]:.2e}, max {gap[1]:.2e}",
        "",
        "Reproduce: `python benches/generation_bench.py " + " ".join(sys.argv[1:]) + "`",
    ]
    return "\n".join(lines)


def write_json(path: Path | None, record: dict[str, Any]) -> None:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", "--smoke", action="store_true", help="4 x 2, 16 tokens, 1 call")
    parser.add_argument("--model", type=Path, default=None, help="a saved HF checkpoint")
    parser.add_argument("--prompts", type=int, default=64)
    parser.add_argument("--rollouts", type=int, default=8)
    parser.add_argument("--max-new-tokens", type=int, default=128)
    parser.add_argument("--repeats", type=int, default=3, help="timed calls per contender")
    parser.add_argument("--dtype", default="bfloat16", choices=sorted(TOLERANCE))
    parser.add_argument("--gpu-memory-utilization", type=float, default=0.3)
    parser.add_argument("--hf-batch-size", type=int, default=None)
    parser.add_argument("--eager", action="store_true", help="vLLM without CUDA graphs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--baseline",
        choices=("vllm", "hf", "both"),
        default="both",
        help="compare relift's vLLM engine with bare vLLM, with its HF engine, or both",
    )
    parser.add_argument(
        "--min-ratio",
        type=float,
        default=None,
        help="fail unless relift's tokens/s is at least this times bare vLLM's",
    )
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.prompts, args.rollouts, args.max_new_tokens, args.repeats = 4, 2, 16, 1
    if args.min_ratio is not None and args.baseline == "hf":
        parser.error("--min-ratio compares with bare vLLM: use --baseline vllm or both")
    why = missing_requirements()
    if why is not None:
        print(f"generation bench skipped: needs CUDA and vllm ({why})")
        write_json(args.json, {"status": "skipped", "reason": why})
        return 0 if args.quick else 2

    import torch
    from relift.rollout import HFEngine, SamplingParams
    from relift.rollout.vllm import VLLMEngine
    from transformers import AutoModelForCausalLM, AutoTokenizer

    dtype = getattr(torch, args.dtype)
    n, max_new = args.rollouts, args.max_new_tokens
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="generation_bench_") as tmp:
        model_dir = args.model or build_default_model(Path(tmp), args.seed)
        tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(model_dir, local_files_only=True, dtype=dtype)
        torch.nn.Module.to(model, "cuda")
        model.train(False)
        params = sum(p.numel() for p in model.parameters())
        prompts = make_prompts(tokenizer, args.prompts, args.seed)
        keys = list(range(len(prompts)))
        sampling = SamplingParams(n=n, max_new_tokens=max_new, seed=args.seed, logprobs=True)
        vllm_engine = VLLMEngine(
            str(model_dir),
            tokenizer,
            dtype=args.dtype,
            sleep="off",
            enforce_eager=args.eager,
            gpu_memory_utilization=args.gpu_memory_utilization,
            seed=args.seed,
        )
        contenders = [
            Contender(
                RELIFT_VLLM, lambda: vllm_engine.generate(prompts, sampling, keys), rollout_tokens
            )
        ]
        if args.baseline in ("vllm", "both"):
            eos = vllm_engine.eos_token_id
            contenders += bare_vllm_contenders(vllm_engine._llm, prompts, args, eos)
        results, outputs = timed(contenders, args.repeats)
        vllm_out = outputs[0]
        problems += shape_problems("vLLM", vllm_out, args.prompts, n, max_new)
        for contender, out in zip(contenders[1:], outputs[1:], strict=True):
            problems += bare_problems(contender.name, out, args.prompts, n, max_new)
        vllm_engine.close()
        if args.baseline in ("hf", "both"):
            hf_engine = HFEngine(model, tokenizer, batch_size=args.hf_batch_size)
            hf = Contender(
                RELIFT_HF, lambda: hf_engine.generate(prompts, sampling, keys), rollout_tokens
            )
            (hf_r,), (hf_out,) = timed([hf], args.repeats)
            results.append(hf_r)
            problems += shape_problems("HF", hf_out, args.prompts, n, max_new)
        pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        gap = logprob_gap(model, vllm_out, pad)
    print(report(results, args, params, gap))
    if gap[0] > TOLERANCE[args.dtype]:
        problems.append(f"vLLM sampler log-probs off by {gap[0]:.3g} on average (torch model)")
    got = ratios(results)
    ratio = got.get("relift_vllm_over_bare_vllm")
    if args.min_ratio is not None and ratio is not None and ratio < args.min_ratio:
        problems.append(
            f"relift's vLLM engine ran at {ratio:.3f}x bare vLLM's tokens/s, "
            f"below the target {args.min_ratio}x"
        )
    write_json(
        args.json,
        {
            "status": "failed" if problems else "passed",
            "settings": {
                "model": str(args.model) if args.model else "testbed architecture, random init",
                "parameters": params,
                "prompts": args.prompts,
                "rollouts": n,
                "max_new_tokens": max_new,
                "repeats": args.repeats,
                "dtype": args.dtype,
                "cuda_graphs": not args.eager,
                "baseline": args.baseline,
                "min_ratio": args.min_ratio,
            },
            "versions": versions(),
            "contenders": {r.name: r.as_dict() for r in results},
            "ratios": got,
            "logprob_gap": {"mean": gap[0], "max": gap[1]},
            "problems": problems,
        },
    )
    for problem in problems:
        print("CHECK FAILED:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
