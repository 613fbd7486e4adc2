"""Atomic training checkpoints and exact resume: :func:`save_checkpoint` collects the model, the
optimizers and schedulers, the global RNG states, the sampler's position, the hard-question
buffer and the run's counters into one checkpoint folder; :func:`load_checkpoint` checks it and
restores them. The folder's files, and how it is written atomically, are
:mod:`relift.checkpoint_files` (its public names are importable from here too).

Unpickling: the optimizer and scheduler state dicts are the only pickled files, and they are read
with ``torch.load(weights_only=True)``, whose restricted unpickler rebuilds tensors and plain
containers (dict, list, tuple, str, int, float, bool, None) and refuses anything else, so a
tampered file cannot run code. Everything else is JSON, safetensors or raw bytes. Nothing here sets
``trust_remote_code``.

Importing this module imports torch and transformers' dependencies (the ``train`` extra).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

import torch
from safetensors import SafetensorError, safe_open

from relift._core import HardQuestionBuffer, __version__
from relift.checkpoint_files import (
    BUFFER_FILE,
    CONFIG_FILE,
    FORMAT_VERSION,
    RNG_FILE,
    SAFETENSORS_INDEX,
    SAFETENSORS_SINGLE,
    SAMPLER_FILE,
    STATE_FILE,
    apply_keep_last,
    checkpoint_path,
    file_table,
    fsync_tree,
    json_bytes,
    latest_checkpoint,
    list_checkpoints,
    publish_folder,
    read_json,
    read_manifest,
    remove_stale_temporaries,
    verify_files,
    weight_files,
    write_bytes,
)
from relift.distributed import is_sharded
from relift.errors import CheckpointError, InvalidInputError
from relift.rng import capture_rng_state, restore_rng_state

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

__all__ = [
    "FORMAT_VERSION",
    "STATE_FILE",
    "CheckpointError",
    "ResumeState",
    "Stateful",
    "capture_rng_state",
    "checkpoint_path",
    "latest_checkpoint",
    "list_checkpoints",
    "load_checkpoint",
    "remove_stale_temporaries",
    "restore_rng_state",
    "save_checkpoint",
]

_NAME_RE: Final = re.compile(r"^[A-Za-z0-9_.-]+$")


class Stateful(Protocol):
    """Anything with torch's ``state_dict`` / ``load_state_dict`` pair (LR schedulers)."""

    def state_dict(self) -> dict[str, Any]: ...

    def load_state_dict(self, state_dict: dict[str, Any]) -> None: ...


@dataclass(frozen=True)
class ResumeState:
    """What :func:`load_checkpoint` hands back besides the states it restored in place."""

    path: Path
    step: int
    counters: dict[str, Any]
    sampler_state: dict[str, Any]
    buffer: HardQuestionBuffer | None
    config_yaml: str | None
    metadata: dict[str, Any] = field(default_factory=dict)


# ---- save ------------------------------------------------------------------------------------


def _torch_save(path: Path, obj: object) -> None:
    with path.open("wb") as handle:
        torch.save(obj, handle)


_T = TypeVar("_T")


def _checked_names(objects: Mapping[str, _T] | None, what: str) -> dict[str, _T]:
    named = dict(objects or {})
    for name in named:
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise InvalidInputError(
                f"{what} names become file names: use letters, digits, '_', '-' or '.', "
                f"got {name!r}"
            )
    return named


def _write_contents(
    folder: Path,
    step: int,
    *,
    model: PreTrainedModel,
    model_state: Mapping[str, torch.Tensor] | None,
    tokenizer: PreTrainedTokenizerBase | None,
    optimizers: Mapping[str, Stateful],
    schedulers: Mapping[str, Stateful],
    sampler_json: bytes,
    buffer: HardQuestionBuffer | None,
    counters: dict[str, Any],
    config_yaml: str | None,
    rng_state: dict[str, Any],
) -> None:
    """Write every file of a checkpoint into ``folder``, the manifest last."""
    model.save_pretrained(folder, state_dict=None if model_state is None else dict(model_state))
    if tokenizer is not None:
        tokenizer.save_pretrained(folder)
    if not (folder / SAFETENSORS_SINGLE).is_file() and not (folder / SAFETENSORS_INDEX).is_file():
        raise CheckpointError(f"save_pretrained wrote no safetensors weights into {folder}")
    for name, optimizer in optimizers.items():
        _torch_save(folder / f"optimizer-{name}.pt", optimizer.state_dict())
    for name, scheduler in schedulers.items():
        _torch_save(folder / f"scheduler-{name}.pt", scheduler.state_dict())
    hashed = {RNG_FILE: write_bytes(folder / RNG_FILE, json_bytes(rng_state, "rng state"))}
    hashed[SAMPLER_FILE] = write_bytes(folder / SAMPLER_FILE, sampler_json)
    if buffer is not None:
        hashed[BUFFER_FILE] = write_bytes(folder / BUFFER_FILE, buffer.snapshot())
    if config_yaml is not None:
        hashed[CONFIG_FILE] = write_bytes(folder / CONFIG_FILE, config_yaml.encode())
    manifest = {
        "format": FORMAT_VERSION,
        "step": step,
        "counters": counters,
        "relift_version": __version__,
        "torch_version": torch.__version__,
        "created_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "optimizers": sorted(optimizers),
        "schedulers": sorted(schedulers),
        "has_buffer": buffer is not None,
        "has_config": config_yaml is not None,
        "files": file_table(folder, hashed),
    }
    (folder / STATE_FILE).write_bytes(json_bytes(manifest, "manifest"))


def save_checkpoint(
    output_dir: str | os.PathLike[str],
    step: int,
    *,
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase | None,
    optimizers: Mapping[str, Stateful],
    schedulers: Mapping[str, Stateful] | None = None,
    model_state: Mapping[str, torch.Tensor] | None = None,
    sampler_state: Mapping[str, Any] | None = None,
    buffer: HardQuestionBuffer | None = None,
    counters: Mapping[str, Any] | None = None,
    config_yaml: str | None = None,
    keep_last: int | None = None,
    overwrite: bool = False,
) -> Path:
    """Write ``<output_dir>/checkpoint-<step>/`` atomically and return its path.

    ``model`` must be the unwrapped ``PreTrainedModel`` (not a DDP/compiled wrapper);
    ``model_state``, when given, is saved in place of ``model.state_dict()`` (the whole weights
    of a sharded model, :func:`relift.distributed.full_model_state`). ``optimizers`` /
    ``schedulers`` map short names (e.g. ``"rl"``, ``"sft"``) to objects with ``state_dict`` /
    ``load_state_dict``; the same names must be given to :func:`load_checkpoint`.
    ``sampler_state`` and ``counters`` must be JSON-serialisable. The global RNG states are
    captured first thing, so call this where the resumed run should pick up. An existing
    ``checkpoint-<step>`` is an error unless ``overwrite`` (the swap of the two folders is then
    two renames: a crash between them leaves no checkpoint of that step). With ``keep_last=k``
    only the newest k complete checkpoints (always including this one) remain afterwards.
    """
    if isinstance(step, bool) or not isinstance(step, int) or step < 0:
        raise InvalidInputError(f"step must be a non-negative int, got {step!r}")
    if keep_last is not None and (isinstance(keep_last, bool) or keep_last < 1):
        raise InvalidInputError(f"keep_last must be None or >= 1, got {keep_last!r}")
    named_optimizers = _checked_names(optimizers, "optimizer")
    named_schedulers = _checked_names(schedulers, "scheduler")
    sampler_json = json_bytes(dict(sampler_state or {}), "sampler_state")
    counters = dict(counters or {})
    json_bytes(counters, "counters")  # fail before writing anything, naming the culprit
    rng_state = capture_rng_state()
    root = Path(output_dir)
    root.mkdir(parents=True, exist_ok=True)
    target = checkpoint_path(root, step)
    if target.exists() and not overwrite:
        raise CheckpointError(f"{target} already exists (pass overwrite=True to replace it)")
    temp = root / f".tmp-checkpoint-{step}-{os.getpid()}-{secrets.token_hex(4)}"
    temp.mkdir()
    try:
        _write_contents(
            temp,
            step,
            model=model,
            model_state=model_state,
            tokenizer=tokenizer,
            optimizers=named_optimizers,
            schedulers=named_schedulers,
            sampler_json=sampler_json,
            buffer=buffer,
            counters=counters,
            config_yaml=config_yaml,
            rng_state=rng_state,
        )
        fsync_tree(temp)
        _publish(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if keep_last is not None:
        apply_keep_last(root, target, keep_last)
    return target


def _publish(temp: Path, target: Path) -> None:
    """Rename the finished ``temp`` folder to ``target`` (replacing an old one) durably; a name of
    its own so tests can make the last step of a save fail."""
    publish_folder(temp, target)


# ---- load ------------------------------------------------------------------------------------


def _torch_load(path: Path) -> dict[str, Any]:
    """Load one optimizer/scheduler state dict with the restricted (weights-only) unpickler."""
    try:
        with path.open("rb") as handle:
            state = torch.load(handle, map_location="cpu", weights_only=True)
    except FileNotFoundError as exc:
        raise CheckpointError(f"checkpoint file missing: {path}") from exc
    except Exception as exc:  # the unpickler raises many types; all mean "unusable file"
        raise CheckpointError(
            f"checkpoint file is corrupt or holds more than tensors and plain containers "
            f"(refused by torch.load(weights_only=True)): {path}: {exc}"
        ) from exc
    if not isinstance(state, dict):
        raise CheckpointError(f"checkpoint file is corrupt: {path} does not hold a state dict")
    return state


def _load_model_weights(folder: Path, model: torch.nn.Module) -> None:
    """Copy the safetensors weights into ``model`` in place, one shard at a time.

    Weights ``save_pretrained`` leaves out because they are tied to a saved one (``lm_head`` with
    tied embeddings) may be missing; any other missing, unexpected, reshaped or re-typed tensor is
    an error naming the file.
    """
    own = model.state_dict()
    sharded = is_sharded(model)
    loaded: set[str] = set()
    for path in weight_files(folder):
        try:
            with safe_open(str(path), framework="pt", device="cpu") as shard:
                tensors = {key: shard.get_tensor(key) for key in shard.keys()}
        except (SafetensorError, OSError) as exc:
            raise CheckpointError(f"checkpoint file is corrupt: {path}: {exc}") from exc
        _check_shard(path, tensors, own)
        if sharded:  # every process holds the whole file and keeps its shard
            from torch.distributed.checkpoint.state_dict import (
                StateDictOptions,
                set_model_state_dict,
            )

            options = StateDictOptions(full_state_dict=True, strict=False)
            set_model_state_dict(model, tensors, options=options)
        else:
            model.load_state_dict(tensors, strict=False)
        loaded.update(tensors)
    loaded_ptrs = {_local(own[key]).data_ptr() for key in loaded}
    missing = [k for k in own if k not in loaded and _local(own[k]).data_ptr() not in loaded_ptrs]
    if missing:
        raise CheckpointError(
            f"the weights in {folder} do not fit the model: missing {missing[:5]}"
            + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        )


def _local(t: torch.Tensor) -> torch.Tensor:
    """This process's part of a DTensor (whose storage identifies tied weights), else ``t``."""
    to_local = getattr(t, "to_local", None)
    return to_local() if callable(to_local) else t


def _check_shard(
    path: Path, tensors: Mapping[str, torch.Tensor], own: Mapping[str, torch.Tensor]
) -> None:
    unexpected = sorted(set(tensors) - set(own))
    if unexpected:
        raise CheckpointError(
            f"{path} does not fit the model: unexpected weights {unexpected[:5]} "
            "(was it saved from another architecture? load it with from_pretrained instead)"
        )
    for key, tensor in tensors.items():
        mine = own[key]
        if tensor.shape != mine.shape or tensor.dtype != mine.dtype:
            raise CheckpointError(
                f"{path} does not fit the model: {key} is {tuple(tensor.shape)} {tensor.dtype} "
                f"in the file but {tuple(mine.shape)} {mine.dtype} in the model"
            )


def _check_same_names(
    kind: str, given: Mapping[str, object], saved: list[str], where: Path
) -> None:
    if sorted(given) != sorted(saved):
        raise CheckpointError(
            f"{where} holds {kind} states {sorted(saved)} but {kind}s {sorted(given)} were given "
            "to load them into"
        )


def _read_buffer(folder: Path) -> HardQuestionBuffer:
    path = folder / BUFFER_FILE
    try:
        return HardQuestionBuffer.restore(path.read_bytes())
    except FileNotFoundError as exc:
        raise CheckpointError(f"checkpoint file missing: {path}") from exc
    except InvalidInputError as exc:
        raise CheckpointError(f"checkpoint file is corrupt: {path}: {exc}") from exc


def _load_states(
    folder: Path, kind: str, objects: Mapping[str, Any] | None, saved: list[str]
) -> list[tuple[Any, dict[str, Any], Path]]:
    """Read (not yet apply) the saved state of each object in ``objects``."""
    if objects is None:
        return []
    _check_same_names(kind, objects, saved, folder / STATE_FILE)
    return [
        (obj, _torch_load(folder / f"{kind}-{name}.pt"), folder / f"{kind}-{name}.pt")
        for name, obj in sorted(objects.items())
    ]


def load_checkpoint(
    path: str | os.PathLike[str],
    *,
    model: torch.nn.Module | None = None,
    optimizers: Mapping[str, Stateful] | None = None,
    schedulers: Mapping[str, Stateful] | None = None,
    restore_rng: bool = True,
) -> ResumeState:
    """Restore a checkpoint written by :func:`save_checkpoint`; returns the rest as a ResumeState.

    In place: the weights of ``model`` (the unwrapped model, built with the same architecture and
    dtype; or pass ``model=None`` and load it with ``from_pretrained(path)`` yourself), the state
    of each optimizer and scheduler (the same names as at save; ``None`` skips them), and, with
    ``restore_rng``, the global RNG states. Every file is checked against the manifest and all
    states are read before anything is changed; a problem raises :class:`CheckpointError` naming
    the file. The tokenizer is not touched: load it with ``from_pretrained(path)``.
    """
    folder = Path(path)
    manifest = read_manifest(folder)
    verify_files(folder, manifest["files"])
    optimizer_states = _load_states(folder, "optimizer", optimizers, manifest["optimizers"])
    scheduler_states = _load_states(folder, "scheduler", schedulers, manifest["schedulers"])
    rng_state = read_json(folder / RNG_FILE)
    sampler_state = read_json(folder / SAMPLER_FILE)
    if not isinstance(sampler_state, dict):
        raise CheckpointError(f"checkpoint file is corrupt: {folder / SAMPLER_FILE} is not a dict")
    buffer = _read_buffer(folder) if manifest.get("has_buffer") else None
    config_yaml = (folder / CONFIG_FILE).read_text() if manifest.get("has_config") else None
    if model is not None:
        _load_model_weights(folder, model)
    for obj, state, file in [*optimizer_states, *scheduler_states]:
        _apply_state(obj, state, file)
    if restore_rng:
        try:
            restore_rng_state(rng_state)
        except (KeyError, TypeError, ValueError, RuntimeError) as exc:
            raise CheckpointError(
                f"checkpoint file is corrupt: {folder / RNG_FILE}: {exc}"
            ) from exc
    metadata = {k: v for k, v in manifest.items() if k not in ("files", "counters")}
    return ResumeState(
        path=folder,
        step=int(manifest["step"]),
        counters=dict(manifest.get("counters", {})),
        sampler_state=sampler_state,
        buffer=buffer,
        config_yaml=config_yaml,
        metadata=metadata,
    )


def _apply_state(obj: Any, state: dict[str, Any], file: Path) -> None:
    try:
        obj.load_state_dict(state)
    except (KeyError, ValueError, RuntimeError) as exc:
        raise CheckpointError(f"{file} does not fit the object it is loaded into: {exc}") from exc
