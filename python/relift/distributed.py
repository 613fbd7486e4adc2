"""Multi-process training with ``torchrun``: who this process is, how work is shared, and the
few collectives the trainer needs.

    torchrun --nproc_per_node 8 -m relift.cli.main train --config run.yaml

Every process runs the same loop on the same global batch of prompts and keeps its share
(:meth:`World.share`): prompt ``p`` goes to rank ``p % size``, so a question's ``n`` rollouts stay
together and each rank's part of every RL mini-batch is a slice of that mini-batch. Rewards are
gathered (:meth:`World.gather_rows`) before group statistics, advantages, the hard-question buffer
and the SFT trigger are computed, so every rank holds the same buffer and takes the same decision
(``docs/architecture.md``, "Across processes"). Loss normalisers (token and sequence counts) are
summed across ranks, each rank's loss is its share of the global loss, and the gradients are
summed (DDP and FSDP2 average, so the loss is scaled by the world size first): the update
equals one process training on the whole batch, up to float summation order
(:mod:`relift.update`).

Without ``torchrun`` (no ``WORLD_SIZE`` in the environment, or 1) :func:`init_world` returns a
world of one and every collective here is the identity, so the single-process path runs no
distributed code at all.
"""

from __future__ import annotations

import contextlib
import datetime
import inspect
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import numpy as np
import torch
import torch.distributed as dist

from relift.errors import ConfigError, InternalError

__all__ = [
    "OptimizerState",
    "Strategy",
    "World",
    "full_model_state",
    "full_tensor",
    "init_world",
    "is_main_process",
    "is_sharded",
    "resolve_strategy",
    "shutdown",
    "wrap_model",
]

Strategy = Literal["auto", "ddp", "fsdp"]
T = TypeVar("T")
#: How long a collective may wait for the slowest rank before the run fails (not hangs).
TIMEOUT = datetime.timedelta(minutes=30)


@dataclass(frozen=True)
class World:
    """This process's place among ``size`` training processes (``rank`` 0 logs and saves)."""

    rank: int = 0
    size: int = 1
    local_rank: int = 0

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.size > 1

    def share(self, items: Sequence[T]) -> list[T]:
        """This rank's share of a global list: items ``rank``, ``rank + size``, ...."""
        return list(items[self.rank :: self.size])

    def interleave(self, shares: Sequence[Sequence[T]]) -> list[T]:
        """Undo :meth:`share`: the global list from every rank's share, in rank order."""
        out: list[T] = []
        longest = max((len(s) for s in shares), default=0)
        for i in range(longest):
            out.extend(s[i] for s in shares if i < len(s))
        return out

    def gather(self, obj: T) -> list[T]:
        """Every rank's ``obj`` (picklable), in rank order, on every rank."""
        if not self.distributed:
            return [obj]
        out: list[Any] = [None] * self.size
        dist.all_gather_object(out, obj)
        return out

    def gather_rows(self, rows: np.ndarray[Any, Any], per_item: int = 1) -> np.ndarray[Any, Any]:
        """A global per-row array from every rank's rows, where a rank's rows are ``per_item``
        consecutive rows for each item of its :meth:`share` (a prompt's ``n`` rollouts)."""
        if not self.distributed:
            return rows
        shares = [part.reshape(-1, per_item, *part.shape[1:]) for part in self.gather(rows)]
        merged = self.interleave([list(s) for s in shares])
        return np.concatenate(merged) if merged else rows[:0]

    def sum(
        self, values: Mapping[str, float], maxima: frozenset[str] = frozenset()
    ) -> dict[str, float]:
        """``values`` summed over ranks (the keys in ``maxima``: their maximum)."""
        if not self.distributed:
            return dict(values)
        keys = sorted(values)
        # NCCL reduces GPU tensors only; gloo, CPU ones
        device = torch.device("cuda") if dist.get_backend() == "nccl" else torch.device("cpu")
        summed = torch.tensor(
            [0.0 if k in maxima else values[k] for k in keys], dtype=torch.float64, device=device
        )
        largest = torch.tensor(
            [values[k] if k in maxima else -np.inf for k in keys],
            dtype=torch.float64,
            device=device,
        )
        dist.all_reduce(summed, op=dist.ReduceOp.SUM)
        dist.all_reduce(largest, op=dist.ReduceOp.MAX)
        return {k: float(largest[i] if k in maxima else summed[i]) for i, k in enumerate(keys)}

    def share_rows(self, rows: np.ndarray[Any, Any], per_item: int = 1) -> np.ndarray[Any, Any]:
        """This rank's rows of a global per-row array (the inverse of :meth:`gather_rows`)."""
        if not self.distributed:
            return rows
        items = rows.reshape(-1, per_item, *rows.shape[1:])
        return items[self.rank :: self.size].reshape(-1, *rows.shape[1:])

    def barrier(self) -> None:
        if self.distributed:
            dist.barrier()

    def check_same(self, what: str, value: object) -> None:
        """Fail loudly when ranks disagree on ``value`` (a decision that must be global)."""
        values = self.gather(value)
        if any(v != values[0] for v in values):
            raise InternalError(f"ranks disagree on {what}: {values}")


def init_world(device_type: str) -> World:
    """The world ``torchrun`` set up (``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``), with the process
    group initialised (NCCL on CUDA, gloo on CPU) and, on CUDA, this process's GPU selected."""
    size = int(os.environ.get("WORLD_SIZE", "1"))
    if size <= 1:
        return World()
    rank, local_rank = int(os.environ["RANK"]), int(os.environ.get("LOCAL_RANK", "0"))
    if device_type == "cuda":
        torch.cuda.set_device(local_rank)
    if not dist.is_initialized():
        backend = "nccl" if device_type == "cuda" else "gloo"
        dist.init_process_group(backend, timeout=TIMEOUT)
    return World(rank=rank, size=size, local_rank=local_rank)


def resolve_strategy(strategy: Strategy, world: World, device_type: str) -> str:
    """``none`` in a world of one; ``auto``: FSDP2 on GPUs (weights, gradients and optimizer
    state sharded over the processes), DDP on CPU."""
    if not world.distributed:
        return "none"
    if strategy == "auto":
        return "fsdp" if device_type == "cuda" else "ddp"
    return strategy


def wrap_model(model: torch.nn.Module, world: World, strategy: Strategy) -> torch.nn.Module:
    """The module the training forward runs through: ``model`` itself in a world of one; DDP
    around it (gradients all-reduced in ``backward``); or, with FSDP2, ``model`` itself sharded
    in place, one unit per decoder layer plus the rest (all-gathered per forward, gradients
    reduce-scattered)."""
    device = next(model.parameters()).device
    chosen = resolve_strategy(strategy, world, device.type)
    if chosen == "none":
        return model
    if chosen == "fsdp":
        return _fully_shard(model)
    ids = [device.index] if device.type == "cuda" else None
    # Every rank loaded the same weights (DDP still broadcasts rank 0's at wrap time). No
    # buffer broadcast per forward: ranks run different numbers of micro-batch forwards, and
    # the model's buffers (rotary tables) never change.
    ddp = torch.nn.parallel.DistributedDataParallel
    accepted = inspect.signature(ddp.__init__).parameters  # renamed in recent torch
    name = "forward_sync_buffers" if "forward_sync_buffers" in accepted else "broadcast_buffers"
    options: dict[str, Any] = {name: False}
    return ddp(model, device_ids=ids, **options)


def _fully_shard(model: torch.nn.Module) -> torch.nn.Module:
    """FSDP2 (``fully_shard``) on every decoder layer, then on the whole model."""
    from torch.distributed.fsdp import fully_shard

    names = set(getattr(model, "_no_split_modules", None) or [])
    layers = [m for m in model.modules() if type(m).__name__ in names]
    if not layers:
        raise ConfigError(
            f"distributed.strategy: fsdp needs the model's decoder layer class "
            f"(transformers' _no_split_modules), and {type(model).__name__} names none; use ddp"
        )
    for layer in layers:
        fully_shard(layer)
    fully_shard(model)
    return model


def is_sharded(model: torch.nn.Module) -> bool:
    """True when ``model``'s parameters are FSDP2 shards (DTensors)."""
    from torch.distributed.tensor import DTensor

    return any(isinstance(p, DTensor) for p in model.parameters())


def full_tensor(t: torch.Tensor) -> torch.Tensor:
    """A DTensor gathered whole (a collective: every process must call it), else ``t``."""
    from torch.distributed.tensor import DTensor

    return t.full_tensor() if isinstance(t, DTensor) else t


def full_model_state(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    """``model``'s weights, whole, on the CPU of process 0 (gathered when sharded: a collective,
    every process must call it; the others get an empty dict)."""
    if not is_sharded(model):
        return model.state_dict()
    from torch.distributed.checkpoint.state_dict import StateDictOptions, get_model_state_dict

    options = StateDictOptions(full_state_dict=True, cpu_offload=True)
    state = get_model_state_dict(model, options=options)
    # A tied weight (lm_head = embeddings) comes back under both names as two gathered copies;
    # keep the first name only, as save_pretrained does for an unsharded model.
    first = {name for name, _ in model.named_parameters()}
    tied = {name for name, _ in model.named_parameters(remove_duplicate=False)} - first
    return {k: v for k, v in state.items() if isinstance(v, torch.Tensor) and k not in tied}


class OptimizerState:
    """An optimizer's state keyed by parameter name and whole (gathered from every process when
    sharded): the checkpoint format, the same for one process, DDP and FSDP2, so a run resumes
    under any strategy and any number of processes. ``state_dict`` is a collective under FSDP2
    (every process calls it; process 0 gets the state); ``load_state_dict`` takes the whole
    state on every process and keeps this process's shard."""

    def __init__(self, model: torch.nn.Module, optimizer: torch.optim.Optimizer) -> None:
        self.model, self.optimizer = model, optimizer

    def state_dict(self) -> dict[str, Any]:
        from torch.distributed.checkpoint.state_dict import (
            StateDictOptions,
            get_optimizer_state_dict,
        )

        options = StateDictOptions(full_state_dict=True, cpu_offload=True)
        return dict(get_optimizer_state_dict(self.model, self.optimizer, options=options))

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        from torch.distributed.checkpoint.state_dict import (
            StateDictOptions,
            set_optimizer_state_dict,
        )

        options = StateDictOptions(full_state_dict=True)
        set_optimizer_state_dict(self.model, self.optimizer, state_dict, options=options)


def is_main_process() -> bool:
    """True unless ``torchrun`` made this process a rank other than 0 (for printing)."""
    return os.environ.get("RANK", "0") == "0"


def shutdown() -> None:
    """Tear the process group down at the end of a run (no-op in a single process)."""
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


@contextlib.contextmanager
def no_sync(module: torch.nn.Module, skip: bool) -> Iterator[None]:
    """No gradient communication when ``skip`` (gradients accumulate locally until the last
    micro-batch of an optimizer step): DDP's ``no_sync``, FSDP2's gradient-sync switch; a plain
    context in a single process."""
    if skip and isinstance(module, torch.nn.parallel.DistributedDataParallel):
        with module.no_sync():
            yield
        return
    switch = getattr(module, "set_requires_gradient_sync", None)  # an FSDP2 module
    if switch is not None:
        switch(not skip)
    yield
