"""The global RNG states of python ``random``, numpy and torch: seeding them at the start of a
run, and capturing and restoring them as plain JSON (no pickle) for a checkpoint, so a resumed
run draws the same numbers as the saved one would have.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import numpy as np
import torch

__all__ = ["capture_rng_state", "restore_rng_state", "seed_everything"]


def capture_rng_state() -> dict[str, Any]:
    """The global RNG states of python ``random``, numpy and torch as a JSON-serialisable dict.

    CUDA states are included only when CUDA has been initialised (a CPU run never touches it).
    """
    version, internal, gauss_next = random.getstate()
    np_state = np.random.get_state(legacy=False)
    state: dict[str, Any] = {
        "python": {"version": version, "state": list(internal), "gauss_next": gauss_next},
        "numpy": {
            "bit_generator": np_state["bit_generator"],
            "key": [int(k) for k in np_state["state"]["key"]],
            "pos": int(np_state["state"]["pos"]),
            "has_gauss": int(np_state["has_gauss"]),
            "gauss": float(np_state["gauss"]),
        },
        "torch_cpu": torch.get_rng_state().tolist(),
        "torch_cuda": [],
    }
    if torch.cuda.is_available() and torch.cuda.is_initialized():  # type: ignore[no-untyped-call]
        state["torch_cuda"] = [s.tolist() for s in torch.cuda.get_rng_state_all()]
    return state


def restore_rng_state(state: Mapping[str, Any]) -> None:
    """Set the global RNGs from :func:`capture_rng_state`'s dict.

    Saved CUDA states are restored on as many devices as both runs have; they are skipped when
    CUDA is not available (resuming a GPU run on CPU cannot be exact anyway).
    """
    py = state["python"]
    random.setstate((py["version"], tuple(py["state"]), py["gauss_next"]))
    nps = state["numpy"]
    np.random.set_state(
        {
            "bit_generator": nps["bit_generator"],
            "state": {"key": np.asarray(nps["key"], dtype=np.uint32), "pos": nps["pos"]},
            "has_gauss": nps["has_gauss"],
            "gauss": nps["gauss"],
        }
    )
    torch.set_rng_state(torch.tensor(state["torch_cpu"], dtype=torch.uint8))
    cuda_states = state.get("torch_cuda") or []
    if cuda_states and torch.cuda.is_available():
        for device in range(min(len(cuda_states), torch.cuda.device_count())):
            torch.cuda.set_rng_state(torch.tensor(cuda_states[device], dtype=torch.uint8), device)


def seed_everything(seed: int) -> None:
    """Seed python ``random``, numpy and torch (every device) from one number."""
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
