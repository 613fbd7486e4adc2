"""Command-line entry points. ``relift-verify`` lives in :mod:`relift.cli.verify`.

Modules here import only what their command needs, so ``relift-verify`` runs on the base install
(numpy and the Rust core) without the training extras.
"""

from __future__ import annotations

__all__: list[str] = []
