"""Arguments more than one ``relift`` command takes."""

from __future__ import annotations

import argparse

__all__ = ["add_overrides"]


def add_overrides(parser: argparse.ArgumentParser, example: str) -> None:
    """``--set KEY=VALUE`` (repeatable), collected in ``args.overrides``."""
    parser.add_argument(
        "--set",
        dest="overrides",
        metavar="KEY=VALUE",
        action="append",
        default=[],
        help=f"override a setting, e.g. --set {example} (repeatable)",
    )
