"""Group advantages: relift vs a vectorised numpy implementation vs torch, measured in one run.

Workload: binary 0/1 rewards (30% correct, float32, as the trainer gets them from verify_batch),
groups of 8 consecutive responses. Each implementation computes the same advantages from the
same input already in its native container (numpy array / torch tensor); conversions are not
timed. Dr.GRPO (r - group mean, the ReLIFT reference) and GRPO (divided by the group's sample std
+ 1e-6) are both reported. Every timing is the median of several repeats of a loop, the
implementations interleaved. Before timing, every implementation is checked against
relift.reference (on 1k rewards) and against relift (on every size) to 1e-6.

    python benches/advantages_bench.py            # full table (about a minute)
    python benches/advantages_bench.py --quick    # smoke test: small sizes, few repeats
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import relift
from relift import reference

try:
    import torch
except ImportError:  # torch is optional (relift[bench] / relift[train])
    torch = None

GROUP = 8
EPS = 1e-6


def numpy_impl(variant: str) -> Callable[[np.ndarray[Any, Any]], np.ndarray[Any, Any]]:
    def dr_grpo(r: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        g = r.reshape(-1, GROUP)
        return (g - g.mean(axis=1, keepdims=True)).reshape(-1)

    def grpo(r: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        g = r.reshape(-1, GROUP)
        centred = g - g.mean(axis=1, keepdims=True)
        return (centred / (g.std(axis=1, ddof=1, keepdims=True) + EPS)).reshape(-1)

    return dr_grpo if variant == "dr_grpo" else grpo


def torch_impl(variant: str) -> Callable[[Any], Any]:
    assert torch is not None

    def dr_grpo(t: Any) -> Any:
        g = t.view(-1, GROUP)
        return (g - g.mean(dim=1, keepdim=True)).view(-1)

    def grpo(t: Any) -> Any:
        g = t.view(-1, GROUP)
        centred = g - g.mean(dim=1, keepdim=True)
        return (centred / (g.std(dim=1, keepdim=True) + EPS)).view(-1)  # unbiased by default

    return dr_grpo if variant == "dr_grpo" else grpo


def relift_impl(variant: str) -> Callable[[np.ndarray[Any, Any]], np.ndarray[Any, Any]]:
    scale = "none" if variant == "dr_grpo" else "group"
    return lambda r: relift.group_advantages(r, GROUP, scale=scale)  # type: ignore[arg-type]


def loop_time(fn: Callable[[Any], Any], arg: Any, loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        fn(arg)
    return (time.perf_counter() - start) / loops


def calibrate(fn: Callable[[Any], Any], arg: Any, target: float) -> int:
    loops = 1
    while True:
        if loop_time(fn, arg, loops) * loops >= target:
            return loops
        loops *= 4


def check(variant: str, rewards: np.ndarray[Any, Any], impls: dict[str, Any]) -> None:
    got = relift_impl(variant)(rewards).astype(np.float64)
    if rewards.size <= 4096:
        want = reference.group_advantages(
            rewards.astype(np.float64).tolist(),
            GROUP,
            scale="none" if variant == "dr_grpo" else "group",
        )
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    for name, (fn, arg) in impls.items():
        out = fn(arg)
        out = out.numpy() if torch is not None and isinstance(out, torch.Tensor) else out
        np.testing.assert_allclose(out, got, rtol=1e-5, atol=1e-5, err_msg=f"{name} {variant}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke test: small, few repeats")
    parser.add_argument("--repeat", type=int, default=None, help="timed repeats (median)")
    args = parser.parse_args(argv)
    sizes = [1_000, 65_536] if args.quick else [1_000, 65_536, 1_000_000]
    repeat = args.repeat or (3 if args.quick else 9)
    target = 0.01 if args.quick else 0.1

    print(
        f"# group advantages, group size {GROUP}, float32 0/1 rewards; median of {repeat}; "
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"torch {torch.__version__ if torch is not None else 'not installed'}"
        f"{f' ({torch.get_num_threads()} threads)' if torch is not None else ''}, "
        f"{os.cpu_count()} CPUs"
    )
    if torch is None:
        print("# note: torch is not importable; its column is skipped")
    rng = np.random.default_rng(0)
    print()
    print("| variant | rewards | relift | numpy | torch | numpy / relift | torch / relift |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for variant in ("dr_grpo", "grpo"):
        for n in sizes:
            rewards = (rng.random(n) < 0.3).astype(np.float32)
            impls: dict[str, tuple[Callable[[Any], Any], Any]] = {
                "relift": (relift_impl(variant), rewards),
                "numpy": (numpy_impl(variant), rewards),
            }
            if torch is not None:
                impls["torch"] = (torch_impl(variant), torch.from_numpy(rewards.copy()))
            check(variant, rewards, impls)
            loops = {name: calibrate(fn, arg, target) for name, (fn, arg) in impls.items()}
            times: dict[str, list[float]] = {name: [] for name in impls}
            for _ in range(repeat):
                for name, (fn, arg) in impls.items():
                    times[name].append(loop_time(fn, arg, loops[name]))
            med = {name: statistics.median(ts) for name, ts in times.items()}

            def fmt(seconds: float) -> str:
                return f"{seconds * 1e6:,.1f} µs"

            torch_cell = fmt(med["torch"]) if "torch" in med else "n/a"
            torch_ratio = f"{med['torch'] / med['relift']:.1f}x" if "torch" in med else "n/a"
            print(
                f"| {variant} | {n:,} | {fmt(med['relift'])} | {fmt(med['numpy'])} | "
                f"{torch_cell} | {med['numpy'] / med['relift']:.1f}x | {torch_ratio} |"
            )
    print()
    print("correctness: every implementation matched relift (and relift matched the reference)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
