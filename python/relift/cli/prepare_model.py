"""``relift prepare-model``: a local copy of a model folder with a longer context and the think
chat template, what the reference's recipes train (see :mod:`relift.prepare_model`).

    relift prepare-model SRC DST [--max-positions N] [--rope-theta THETA] [--think-template]
                         [--copy] [--force]
"""

from __future__ import annotations

import argparse
import shlex
import sys

__all__ = ["DESCRIPTION", "HELP", "add_arguments", "run"]

HELP = "copy a local model folder with a longer context and/or the <think> chat template"
DESCRIPTION = """\
Write DST, a copy of the local model folder SRC with only the given changes made:
--max-positions and --rope-theta in config.json (wherever the file keeps them), and with
--think-template a chat template whose generation prompt ends with "<think>\\n". The reference
trains Qwen2.5-Math-7B / -1.5B on such copies (4,096 -> 16,384 positions, rope_theta 10,000 ->
40,000): the stock models cannot hold its 1,024 + 8,192-token rollouts.

Every other file is carried over unchanged: hard-linked when DST is on the same file system
(linked files share their data with SRC: never write into them in place), else symlinked;
--copy copies them. SRC is never written to. DST/PREPARED.md lists every change. DST is built
next to itself and renamed into place; an existing DST is replaced only with --force.

example:
  relift prepare-model models/Qwen2.5-Math-7B models/Qwen2.5-Math-7B-16k-think \\
      --max-positions 16384 --rope-theta 40000 --think-template
then point model.name_or_path at models/Qwen2.5-Math-7B-16k-think."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("source", metavar="SRC", help="the model folder to copy (local)")
    parser.add_argument(
        "destination", metavar="DST", help="the folder to write (an existing one needs --force)"
    )
    parser.add_argument(
        "--max-positions", type=int, metavar="N",
        help="config.json's max_position_embeddings (the reference: 16384)",
    )  # fmt: skip
    parser.add_argument(
        "--rope-theta", type=float, metavar="THETA",
        help="config.json's rope_theta, at the top level or under rope_parameters / rope_scaling "
        "(the reference: 40000)",
    )  # fmt: skip
    parser.add_argument(
        "--think-template", action="store_true",
        help='make the chat template\'s generation prompt end with "<think>\\n" (checked by '
        "rendering it with transformers)",
    )  # fmt: skip
    parser.add_argument(
        "--copy", action="store_true", help="copy every file instead of linking the unchanged ones"
    )
    parser.add_argument("--force", action="store_true", help="replace DST if it exists")


def run(args: argparse.Namespace, prog: str, argv: list[str] | None = None) -> int:
    """Prepare the copy as ``args`` say; returns the exit status (2: a usage problem)."""
    from relift.errors import InvalidInputError, ReliftError
    from relift.prepare_model import prepare_model  # imports transformers: only now

    command = shlex.join([prog, *argv]) if argv is not None else None
    try:
        result = prepare_model(
            args.source, args.destination, max_positions=args.max_positions,
            rope_theta=args.rope_theta, think_template=args.think_template, copy=args.copy,
            force=args.force, command=command,
        )  # fmt: skip
    except InvalidInputError as exc:
        print(f"{prog} prepare-model: {exc}", file=sys.stderr)
        return 2
    except (ReliftError, OSError) as exc:
        print(f"{prog} prepare-model: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {result.destination}")
    print(result.summary())
    print(f"every change is listed in {result.destination / 'PREPARED.md'}")
    return 0
