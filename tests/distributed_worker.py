"""One training run for tests/test_distributed.py, the same code with or without torchrun:

    python tests/distributed_worker.py CONFIG.json OUT_DIR [--resume]
    torchrun --nproc_per_node 2 tests/distributed_worker.py CONFIG.json OUT_DIR [--resume]

Trains with a reward that gives every group of questions 0, 1 or both (so advantages, hardest
questions and SFT triggers all occur) and writes ``OUT_DIR/rank<r>.json`` with what this process
ended with: the buffer's bytes, the SFT counters and a checksum of every weight.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # before torch: no spin-waiting (2 cores)

import torch
from relift.config import Config
from relift.distributed import full_tensor
from relift.trainer import Trainer


def parity_reward(prompts: list[str], completions: list[str], **columns: Any) -> list[float]:
    """Questions whose id is a multiple of 3 are never solved (the hardest); the others are
    solved by completions of even length, so most groups hold both rewards."""
    ids = columns["question_id"]
    return [float(q % 3 != 0 and len(c) % 2 == 0) for q, c in zip(ids, completions, strict=True)]


def main(config_file: str, out_dir: str, resume: bool) -> None:
    torch.set_num_threads(int(os.environ.get("RELIFT_TEST_TORCH_THREADS", "1")))  # as the suite
    config = Config.model_validate(json.loads(Path(config_file).read_text()))
    trainer = Trainer(config, reward_fn=parity_reward)
    result = trainer.train(resume_from_checkpoint=True if resume else None)
    state = {
        "world_size": trainer.world.size,
        "global_step": result.global_step,
        "sft_steps": result.sft_steps,
        "demos_used": sorted(trainer.demos_used),
        "buffer": trainer.buffer.snapshot().hex() if trainer.buffer is not None else None,
        "strategy": trainer.strategy,
        "weight_sums": {  # whole tensors (gathered from the shards under FSDP2)
            k: float(full_tensor(v).double().sum()) for k, v in trainer.model.state_dict().items()
        },
    }
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"rank{trainer.world.rank}.json").write_text(json.dumps(state))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--resume" in sys.argv[3:])
