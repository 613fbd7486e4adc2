"""``relift demo``: RL only, SFT only and ReLIFT from the same tiny base model, on CPU.

    relift demo [--quick] [--seed 0] [--output runs/demo] [--steps N] [--cache DIR]
    relift demo --study [--quick] [--seeds 1,2,3] [--budget-s 120] [--output runs/study]

Writes the run folder (data, buckets, every arm's metrics and result, plots, ``report.md``)
and prints the table. A stopped demo started again with the same folder and settings skips
the arms it finished. See :mod:`relift.testbed.demo`.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from collections.abc import Callable
from typing import Literal, TypeVar

__all__ = ["add_parser", "run"]

T = TypeVar("T")


def add_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = commands.add_parser(
        "demo", help="the paper's dynamics analysis on the embedded tiny model (CPU, minutes)"
    )
    demo.add_argument(
        "--quick", action="store_true", help="a smoke run (under 2 minutes): tiny budgets"
    )
    demo.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    demo.add_argument(
        "--output", metavar="DIR", default=None,
        help="the run folder (default runs/demo, or runs/demo-quick with --quick)",
    )  # fmt: skip
    demo.add_argument("--steps", type=int, default=None, metavar="N", help="training steps per arm")
    demo.add_argument(
        "--cache", metavar="DIR", default=None,
        help="where the base model is cached (default $RELIFT_CACHE or ~/.cache/relift)",
    )  # fmt: skip
    demo.add_argument(
        "--engine", choices=["auto", "hf", "vllm"], default="auto",
        help="the arms' rollout engine (default auto: vllm on a CUDA GPU with vLLM installed, "
        "else transformers generate)",
    )  # fmt: skip
    demo.add_argument(
        "--study", action="store_true",
        help="the multi-seed study: every baseline arm on --seeds, at equal wall clock and equal "
        "steps, with per-claim verdicts (about 60 minutes; with --quick, a smoke run)",
    )  # fmt: skip
    demo.add_argument(
        "--seeds", default=None, metavar="S,S,...",
        help="--study: the reported seeds (default 1,2,3; seed 0 is the development seed)",
    )  # fmt: skip
    demo.add_argument(
        "--budget-s", type=float, default=None, metavar="SECONDS",
        help="--study: training seconds per arm (default 120)",
    )  # fmt: skip
    demo.add_argument("--no-progress", action="store_true", help="no progress bars")


def run(args: argparse.Namespace, prog: str) -> int:
    """Run the demo as ``args`` say; returns the exit status."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from relift.testbed.demo import run_demo
    from relift.testbed.report import format_table
    from relift.testbed.settings import default_settings, quick_settings

    if args.study:
        if args.steps is not None:
            print(f"{prog} demo: --steps does not go with --study (its arms train for "
                  "--budget-s seconds)", file=sys.stderr)  # fmt: skip
            return 2
        return _study(args, prog)
    if args.seeds is not None or args.budget_s is not None:
        print(f"{prog} demo: --seeds and --budget-s go with --study", file=sys.stderr)
        return 2
    settings = (quick_settings if args.quick else default_settings)(args.seed)
    if args.steps is not None:
        if args.steps < 1:
            print(f"{prog} demo: --steps must be >= 1, got {args.steps}", file=sys.stderr)
            return 2
        settings = dataclasses.replace(settings, steps=args.steps)
    settings = dataclasses.replace(settings, engine=_engine(args.engine))
    output = args.output or ("runs/demo-quick" if args.quick else "runs/demo")
    outcome, status = _reporting_errors(
        prog, lambda: run_demo(output, settings, cache=args.cache, progress=not args.no_progress)
    )
    if outcome is None:
        return status
    report, results = outcome
    print()
    print(format_table(results, settings))
    print(f"\nreport: {report}")
    return 0


def _study(args: argparse.Namespace, prog: str) -> int:
    """``relift demo --study``."""
    from relift.testbed.study import StudySettings, quick_study_settings, run_study
    from relift.testbed.study_report import format_study_table

    settings = quick_study_settings() if args.quick else StudySettings()
    try:
        if args.seeds is not None:
            seeds = tuple(int(s) for s in args.seeds.split(","))
            if not seeds or len(set(seeds)) != len(seeds):
                raise ValueError
            settings = dataclasses.replace(settings, seeds=seeds)
    except ValueError:
        print(f"{prog} demo: --seeds wants distinct integers like 1,2,3, got {args.seeds!r}",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.budget_s is not None:
        if not args.budget_s > 0:
            print(f"{prog} demo: --budget-s must be > 0, got {args.budget_s}", file=sys.stderr)
            return 2
        settings = dataclasses.replace(settings, budget_s=args.budget_s)
    arm = dataclasses.replace(settings.arm, engine=_engine(args.engine))
    settings = dataclasses.replace(settings, arm=arm)
    output = args.output or ("runs/study-quick" if args.quick else "runs/study")
    outcome, status = _reporting_errors(
        prog, lambda: run_study(output, settings, cache=args.cache, progress=not args.no_progress)
    )
    if outcome is None:
        return status
    report, study = outcome
    print()
    print(format_study_table(study))
    print(f"\nreport: {report}")
    return 0


def _reporting_errors(prog: str, call: Callable[[], T]) -> tuple[T | None, int]:
    """``call()``'s result and 0; or None and the exit status, with the error on stderr (2 for
    bad input or settings, 1 for any other relift error)."""
    from relift.errors import InvalidInputError, ReliftError

    try:
        return call(), 0
    except InvalidInputError as exc:
        print(f"{prog} demo: {exc}", file=sys.stderr)
        return None, 2
    except ReliftError as exc:
        print(f"{prog} demo: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None, 1


def _engine(choice: str) -> Literal["hf", "vllm"]:
    """``auto``: vLLM where it can run (a CUDA GPU and vLLM installed), else transformers."""
    if choice in ("hf", "vllm"):
        return "hf" if choice == "hf" else "vllm"
    import importlib.util

    import torch

    vllm = importlib.util.find_spec("vllm") is not None
    return "vllm" if vllm and torch.cuda.is_available() else "hf"
