"""``relift``: train with ReLIFT from a YAML config, evaluate a model, run the CPU demo, prepare a
model copy for the reference's recipes.

    relift train --config run.yaml --set rl.lr=2e-6 --set mode=rl [--resume [CHECKPOINT]]
    relift eval --model DIR --data FILE [--k 8] [--buckets FILE | --base-model DIR]
    relift demo [--quick] [--seed 0] [--output DIR]
    relift prepare-model SRC DST [--max-positions N] [--rope-theta THETA] [--think-template]
    relift select-hard --model DIR --data FILE --output FILE [--n 8] [--seed 0]

``--set KEY=VALUE`` overrides a setting (dotted key, YAML value; repeatable). ``--resume`` alone
continues from the latest checkpoint in ``checkpoint.dir``; with a path, from that checkpoint.
``relift eval`` is described in :mod:`relift.cli.eval`, ``relift demo`` in :mod:`relift.cli.demo`,
``relift prepare-model`` in :mod:`relift.cli.prepare_model`, ``relift select-hard`` in
:mod:`relift.cli.select_hard`.

Exit status: 0 done; 2 a usage or configuration problem (one message on stderr); 1 any other
relift error (a bad data row, an unusable checkpoint). Tests call :func:`main` directly; it
returns the exit status instead of raising ``SystemExit`` (argparse's own usage errors still
exit with status 2).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from relift.cli import demo as demo_command
from relift.cli import eval as eval_command
from relift.cli import prepare_model as prepare_command
from relift.cli import select_hard as select_command
from relift.cli._args import add_overrides
from relift.config import load_config
from relift.errors import ConfigError, InvalidInputError, ReliftError

__all__ = ["build_parser", "entry_point", "main"]

PROG = "relift"


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (argparse prints the whole usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``relift``."""
    parser = _Parser(prog=PROG, description="ReLIFT: RL interleaved with online SFT.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    train = commands.add_parser("train", help="train a model as a YAML config says")
    train.add_argument("--config", metavar="YAML", help="the run's config file (default: defaults)")
    add_overrides(train, "rl.lr=2e-6")
    train.add_argument(
        "--resume",
        nargs="?",
        const=True,
        default=None,
        metavar="CHECKPOINT",
        help="resume from CHECKPOINT, or without one from the latest in checkpoint.dir",
    )
    evaluate = commands.add_parser(
        "eval", help=eval_command.HELP, description=eval_command.DESCRIPTION
    )
    eval_command.add_arguments(evaluate)
    demo_command.add_parser(commands)
    prepare = commands.add_parser(
        "prepare-model", help=prepare_command.HELP, description=prepare_command.DESCRIPTION
    )
    prepare_command.add_arguments(prepare)
    select = commands.add_parser(
        "select-hard", help=select_command.HELP, description=select_command.DESCRIPTION
    )
    select_command.add_arguments(select)
    return parser


def _train(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config, args.overrides)
    except ConfigError as exc:
        print(f"{PROG} train: {exc}", file=sys.stderr)
        return 2
    from relift.distributed import is_main_process, shutdown  # imports torch: only now
    from relift.trainer import Trainer

    main_process = is_main_process()  # under torchrun, only rank 0 reports
    logging.basicConfig(
        level=logging.INFO if main_process else logging.WARNING, format="%(message)s"
    )
    try:
        result = Trainer(config).train(resume_from_checkpoint=args.resume)
        shutdown()
    except InvalidInputError as exc:  # ConfigError included: settings that do not work
        print(f"{PROG} train: {exc}", file=sys.stderr)
        return 2
    except ReliftError as exc:
        print(f"{PROG} train: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    where = f"; last checkpoint {result.checkpoint}" if result.checkpoint else ""
    if main_process:
        print(f"trained {result.global_step} steps; metrics in {result.metrics_file}{where}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``relift`` with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    # OpenMP threads that spin while waiting steal the other core on small CPU machines (an
    # SFT step measured 0.17 s -> 4.9 s); set before torch is first imported.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    if args.command == "train":
        return _train(args)
    if args.command == "eval":
        return eval_command.run(args)
    if args.command == "demo":
        return demo_command.run(args, PROG)
    if args.command == "prepare-model":
        return prepare_command.run(args, PROG, argv)
    if args.command == "select-hard":
        return select_command.run(args, argv)
    raise AssertionError(f"unhandled command {args.command!r}")  # argparse allows no other


def entry_point() -> NoReturn:
    """The console script."""
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
