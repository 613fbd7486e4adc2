"""The first steps of the shipped base model's pre-training, as a record a quick test rebuilds.

Rebuilding the whole base model takes about 11 minutes on 2 cores (``make test-slow`` does it).
Its first ``STEPS`` steps take under a minute and already fix the recipe: the initialisation
from the seed, the pre-training rows and their order, the learning-rate warmup and the loss.
``tests/data/base_first_steps.json`` holds what they gave on the machine that wrote it: the loss
of each step and the gradient norm of the first (and, for information, the hash of the weights
and the machine). Only quantities that float rounding cannot flip are compared: the first
gradient comes before any update, and a loss moves only to second order when Adam turns a
rounding difference in a near-zero gradient into an lr-sized step on that weight, where a
weight's own value or norm would move by the whole step. Regenerate it after changing the
recipe with::

    python tests/base_first_steps.py
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
from pathlib import Path
from typing import Any

RECORD = Path(__file__).with_name("data") / "base_first_steps.json"
STEPS = 20


def first_steps(folder: Path, steps: int = STEPS) -> dict[str, Any]:
    """Pre-train the default base model's first ``steps`` steps into ``folder``; what they gave."""
    import torch
    from relift.testbed.model import BaseSpec, pretrain_base

    spec = BaseSpec()
    model = pretrain_base(spec, folder, progress=False, steps=steps)
    lines = (folder / "logs" / "metrics.jsonl").read_text().splitlines()
    records = [r for r in map(json.loads, lines) if r["phase"] == "train"]
    return {
        "spec_key": spec.key(),
        "steps": steps,
        "sft_loss": [r["sft_loss"] for r in records],
        "first_grad_norm": records[0]["sft_grad_norm"],
        "weights_sha256": hashlib.sha256((model / "model.safetensors").read_bytes()).hexdigest(),
        "written_on": {
            "cpu": platform.processor() or platform.machine(),
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
        },
    }


if __name__ == "__main__":
    import os
    import tempfile

    import torch

    torch.set_num_threads(os.cpu_count() or 1)  # as the shipped build did
    with tempfile.TemporaryDirectory() as tmp:
        record = first_steps(Path(tmp))
    RECORD.write_text(json.dumps(record, indent=1) + "\n")
    print(f"wrote {RECORD}", file=sys.stderr)
