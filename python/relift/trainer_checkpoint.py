"""Saving and resuming a :class:`~relift.trainer.Trainer`'s run with :mod:`relift.checkpoint`.

Every process gathers what a checkpoint needs (under FSDP2 the whole weights and optimizer states
are collectives), the main process writes it and the others wait for it. Resuming restores the
weights, both optimizers and schedulers, the sampler's position, the buffer, the counters and the
global RNGs, so the resumed run continues exactly as the saved one; optimizer states are keyed
by parameter name, so it may resume under another strategy or process count
(``docs/architecture.md``, "Across processes").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relift.checkpoint import checkpoint_path, latest_checkpoint, load_checkpoint, save_checkpoint
from relift.distributed import OptimizerState, full_model_state
from relift.errors import CheckpointError
from relift.rng import seed_everything

if TYPE_CHECKING:
    from relift.trainer import Trainer

__all__ = ["resume_trainer", "save_trainer_checkpoint"]

log = logging.getLogger("relift")


def save_trainer_checkpoint(trainer: Trainer, step: int) -> Path:
    """The main process writes the checkpoint (the others hold the same state) while the
    others wait for it."""
    cfg = trainer.config
    # gathered on every process (collectives under FSDP2), complete on the main one
    weights = full_model_state(trainer.model) if trainer.strategy == "fsdp" else None
    optimizers = {name: _Saved(o.state_dict()) for name, o in _optimizer_states(trainer).items()}
    if not trainer.world.is_main:
        trainer.world.barrier()
        return checkpoint_path(cfg.checkpoint.dir, step)
    counters = {"sft_steps": trainer.sft_steps, "demo_rows": trainer.demo_rows}
    path = save_checkpoint(
        cfg.checkpoint.dir, step, model=trainer.model, tokenizer=trainer.tokenizer,
        model_state=weights, optimizers=optimizers,
        schedulers={"rl": trainer.rl_scheduler, "sft": trainer.sft_scheduler},
        sampler_state=trainer.sampler.state_dict(), buffer=trainer.buffer,
        counters=counters | {"demos_used": sorted(trainer.demos_used)},
        config_yaml=cfg.to_yaml(), keep_last=cfg.checkpoint.keep_last, overwrite=True,
    )  # fmt: skip
    trainer.world.barrier()
    return path


def _optimizer_states(trainer: Trainer) -> dict[str, OptimizerState]:
    """Both optimizers' states keyed by parameter name, whole: one checkpoint format for one
    process, DDP and FSDP2, so a run resumes under another strategy or process count."""
    return {
        "rl": OptimizerState(trainer.model, trainer.rl_optimizer),
        "sft": OptimizerState(trainer.model, trainer.sft_optimizer),
    }


def _latest_checkpoint(trainer: Trainer) -> Path | None:
    """The newest checkpoint, as the main process finds it (it also clears stale
    temporaries, which only one process may do)."""
    found = latest_checkpoint(trainer.config.checkpoint.dir) if trainer.world.is_main else None
    return trainer.world.gather(found)[0]


def resume_trainer(trainer: Trainer, where: str | Path | bool | None) -> bool:
    """Restore a checkpoint (True: the latest); without one, seed the global RNGs."""
    if where is None or where is False:
        seed_everything(trainer.config.schedule.seed)
        return False
    path = Path(where) if where is not True else _latest_checkpoint(trainer)
    if path is None:
        raise CheckpointError(f"no checkpoint to resume from in {trainer.config.checkpoint.dir}")
    state = load_checkpoint(
        path, model=trainer.model, optimizers=_optimizer_states(trainer),
        schedulers={"rl": trainer.rl_scheduler, "sft": trainer.sft_scheduler},
    )  # fmt: skip
    trainer.sampler.load_state_dict(state.sampler_state)
    if trainer.buffer is not None and state.buffer is not None:
        trainer.buffer = state.buffer
    trainer.global_step = state.step
    trainer.sft_steps = int(state.counters.get("sft_steps", 0))
    trainer.demo_rows = int(state.counters.get("demo_rows", 0))
    trainer.demos_used = {int(i) for i in state.counters.get("demos_used", [])}
    log.info("resumed from %s at step %d", path, state.step)
    return True


@dataclass(frozen=True)
class _Saved:
    """A state gathered before saving (on every process), handed to ``save_checkpoint``."""

    state: dict[str, Any]

    def state_dict(self) -> dict[str, Any]:
        return self.state

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        raise CheckpointError("a gathered state is for saving only")
