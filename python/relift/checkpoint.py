"""Atomic training checkpoints and exact resume.

A checkpoint is one folder, ``<output_dir>/checkpoint-<step>/``::

    config.json, generation_config.json,   the model, by ``save_pretrained`` (safetensors), so
    model.safetensors (or shards + index)  ``AutoModelForCausalLM.from_pretrained(folder)`` works
    tokenizer.json, tokenizer_config.json  the tokenizer, by ``save_pretrained``
    optimizer-<name>.pt                    ``optimizer.state_dict()`` per optimizer (torch.save)
    scheduler-<name>.pt                    ``scheduler.state_dict()`` per scheduler (torch.save)
    rng.json                               python ``random``, numpy and torch (CPU, CUDA) RNG states
    sampler.json                           the data sampler's position (a dict the trainer gives)
    buffer.bin                             ``HardQuestionBuffer.snapshot()`` (when there is one)
    config.yaml                            the run's configuration (when given)
    relift_state.json                      step, counters, versions, and the size of every file

Atomicity: everything is written into a hidden temporary folder next to the target
(``.tmp-checkpoint-<step>-<pid>-<random>``), every file and the folder are fsynced, and only then
is the folder renamed into place with ``os.replace`` (atomic on POSIX) and the parent fsynced. A
crash at any moment leaves either no ``checkpoint-<step>`` or a complete one; ``keep_last`` deletes
older checkpoints only after the new one is in place. :func:`latest_checkpoint` never returns a
temporary folder and removes the ones whose writer process is gone.

Unpickling: the optimizer and scheduler state dicts are the only pickled files, and they are read
with ``torch.load(weights_only=True)``, whose restricted unpickler rebuilds tensors and plain
containers (dict, list, tuple, str, int, float, bool, None) and refuses anything else, so a
tampered file cannot run code. Everything else is JSON, safetensors or raw bytes. Nothing here sets
``trust_remote_code``.

Importing this module imports torch and transformers' dependencies (the ``train`` extra).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

import numpy as np
import torch
from safetensors import SafetensorError, safe_open

from relift._core import HardQuestionBuffer, __version__
from relift.distributed import is_sharded
from relift.errors import CheckpointError, InvalidInputError

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

#: Version of the checkpoint layout; ``load_checkpoint`` refuses another. 2: the trainer saves
#: optimizer states keyed by parameter name (``relift.distributed.OptimizerState``).
FORMAT_VERSION: Final = 2
#: The manifest, written last; a folder without it is not a (complete) relift checkpoint.
STATE_FILE: Final = "relift_state.json"
RNG_FILE: Final = "rng.json"
SAMPLER_FILE: Final = "sampler.json"
BUFFER_FILE: Final = "buffer.bin"
CONFIG_FILE: Final = "config.yaml"
_SAFETENSORS_SINGLE: Final = "model.safetensors"
_SAFETENSORS_INDEX: Final = "model.safetensors.index.json"

_PREFIX: Final = "checkpoint-"
_CHECKPOINT_RE: Final = re.compile(r"^checkpoint-(\d+)$")
# Temporary (being written) and trash (being deleted) folders: hidden, and named after the pid of
# the process that owns them so a later process can tell a crashed writer's leftovers.
_TEMP_RE: Final = re.compile(r"^\.(?:tmp|trash)-checkpoint-\d+-(\d+)-[0-9a-f]+$")
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


# ---- paths ----------------------------------------------------------------------------------


def checkpoint_path(output_dir: str | os.PathLike[str], step: int) -> Path:
    """The folder the checkpoint of ``step`` lives in: ``<output_dir>/checkpoint-<step>``."""
    return Path(output_dir) / f"{_PREFIX}{step}"


def _step_of(path: Path) -> int | None:
    match = _CHECKPOINT_RE.match(path.name)
    return int(match.group(1)) if match else None


def list_checkpoints(output_dir: str | os.PathLike[str]) -> list[Path]:
    """The complete checkpoints in ``output_dir``, oldest (lowest step) first.

    A folder counts when it is named ``checkpoint-<step>`` and holds the manifest, which is the
    last file written; temporary folders of saves in progress (or crashed) never count.
    """
    root = Path(output_dir)
    if not root.is_dir():
        return []
    found = [
        (step, entry)
        for entry in root.iterdir()
        if (step := _step_of(entry)) is not None and (entry / STATE_FILE).is_file()
    ]
    return [path for _, path in sorted(found)]


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def remove_stale_temporaries(output_dir: str | os.PathLike[str]) -> list[Path]:
    """Delete temporary and trash folders left by a save or a ``keep_last`` cleanup whose process
    no longer runs on this machine; returns what was removed.

    Folders of a live process (including this one) are left alone. On a filesystem shared between
    machines, call this only while no other machine is saving into ``output_dir``.
    """
    root = Path(output_dir)
    if not root.is_dir():
        return []
    removed = []
    for entry in root.iterdir():
        match = _TEMP_RE.match(entry.name)
        if match and entry.is_dir() and not _pid_alive(int(match.group(1))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def latest_checkpoint(
    output_dir: str | os.PathLike[str], *, remove_stale: bool = True
) -> Path | None:
    """The complete checkpoint with the highest step in ``output_dir``, or None.

    With ``remove_stale`` (the default) it first removes temporary folders of crashed saves (see
    :func:`remove_stale_temporaries`); they are never returned either way.
    """
    if remove_stale:
        remove_stale_temporaries(output_dir)
    found = list_checkpoints(output_dir)
    return found[-1] if found else None


# ---- RNG states without pickle ----------------------------------------------------------------


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


# ---- durable writes ---------------------------------------------------------------------------


def _fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries, to stable storage."""
    if os.name == "nt" and path.is_dir():  # Windows cannot open a folder for fsync
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """fsync every file under ``root``, then every folder, deepest first."""
    folders = []
    for here, _, files in os.walk(root):
        for name in files:
            _fsync_path(Path(here) / name)
        folders.append(Path(here))
    for folder in reversed(folders):
        _fsync_path(folder)


def _dumps(obj: object, what: str) -> bytes:
    try:
        return json.dumps(obj, indent=1, sort_keys=True).encode()
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"{what} must be JSON-serialisable: {exc}") from exc


def _write_bytes(path: Path, data: bytes) -> dict[str, Any]:
    """Write ``data`` to ``path``; returns its manifest entry (size and sha256)."""
    path.write_bytes(data)
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


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


# ---- save ------------------------------------------------------------------------------------


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
    if not (folder / _SAFETENSORS_SINGLE).is_file() and not (folder / _SAFETENSORS_INDEX).is_file():
        raise CheckpointError(f"save_pretrained wrote no safetensors weights into {folder}")
    for name, optimizer in optimizers.items():
        _torch_save(folder / f"optimizer-{name}.pt", optimizer.state_dict())
    for name, scheduler in schedulers.items():
        _torch_save(folder / f"scheduler-{name}.pt", scheduler.state_dict())
    hashed = {RNG_FILE: _write_bytes(folder / RNG_FILE, _dumps(rng_state, "rng state"))}
    hashed[SAMPLER_FILE] = _write_bytes(folder / SAMPLER_FILE, sampler_json)
    if buffer is not None:
        hashed[BUFFER_FILE] = _write_bytes(folder / BUFFER_FILE, buffer.snapshot())
    if config_yaml is not None:
        hashed[CONFIG_FILE] = _write_bytes(folder / CONFIG_FILE, config_yaml.encode())
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
        "files": _file_table(folder, hashed),
    }
    (folder / STATE_FILE).write_bytes(_dumps(manifest, "manifest"))


def _file_table(folder: Path, hashed: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Size of every file in ``folder`` (and sha256 of the small ones relift wrote itself)."""
    table = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            rel = path.relative_to(folder).as_posix()
            table[rel] = hashed.get(rel, {"bytes": path.stat().st_size})
    return table


def _move_to_trash(path: Path) -> Path:
    """Atomically rename ``path`` to a hidden trash name next to it (then safe to rmtree)."""
    step = _step_of(path)
    trash = path.with_name(f".trash-checkpoint-{step}-{os.getpid()}-{secrets.token_hex(4)}")
    os.replace(path, trash)
    return trash


def _apply_keep_last(output_dir: Path, newest: Path, keep_last: int) -> None:
    """Delete the oldest checkpoints so that ``keep_last`` remain, never ``newest``."""
    others = [p for p in list_checkpoints(output_dir) if p != newest]
    doomed = others[: max(0, len(others) - (keep_last - 1))]
    for path in doomed:
        shutil.rmtree(_move_to_trash(path), ignore_errors=True)
    if doomed:
        _fsync_path(output_dir)


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
    sampler_json = _dumps(dict(sampler_state or {}), "sampler_state")
    counters = dict(counters or {})
    _dumps(counters, "counters")  # fail before writing anything, naming the culprit
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
        _fsync_tree(temp)
        _publish(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    if keep_last is not None:
        _apply_keep_last(root, target, keep_last)
    return target


def _publish(temp: Path, target: Path) -> None:
    """Rename the finished ``temp`` folder to ``target`` (replacing an old one) durably."""
    old = _move_to_trash(target) if target.exists() else None
    os.replace(temp, target)
    _fsync_path(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# ---- load ------------------------------------------------------------------------------------


def _read_manifest(folder: Path) -> dict[str, Any]:
    if not folder.is_dir():
        raise CheckpointError(f"no checkpoint at {folder}: not a folder")
    manifest_path = folder / STATE_FILE
    if not manifest_path.is_file():
        inside = list_checkpoints(folder)
        hint = f" (it holds checkpoints; the latest is {inside[-1]})" if inside else ""
        raise CheckpointError(
            f"{folder} is not a complete relift checkpoint: {manifest_path} is missing{hint}"
        )
    manifest = _read_json(manifest_path)
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise CheckpointError(f"{manifest_path} is corrupt: not a relift checkpoint manifest")
    step = manifest.get("step")
    named_step = _step_of(folder)
    if not isinstance(step, int) or (named_step is not None and named_step != step):
        raise CheckpointError(
            f"{manifest_path} is corrupt: step {step!r} does not match the folder name"
        )
    if manifest.get("format") != FORMAT_VERSION:
        raise CheckpointError(
            f"{manifest_path}: checkpoint format {manifest.get('format')!r} is not supported by "
            f"relift {__version__} (it reads format {FORMAT_VERSION})"
        )
    return manifest


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise CheckpointError(f"checkpoint file missing: {path}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise CheckpointError(f"checkpoint file is corrupt (invalid JSON): {path}: {exc}") from exc


def _verify_files(folder: Path, files: Mapping[str, Any]) -> None:
    """Every file the manifest lists exists with its recorded size (and hash, where recorded)."""
    for rel, entry in files.items():
        path = folder / rel
        if not path.is_file():
            raise CheckpointError(f"checkpoint file missing: {path}")
        size = path.stat().st_size
        if size != entry.get("bytes"):
            raise CheckpointError(
                f"checkpoint file is corrupt: {path} has {size} bytes, "
                f"expected {entry.get('bytes')}"
            )
        digest = entry.get("sha256")
        if digest is not None and hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise CheckpointError(f"checkpoint file is corrupt (checksum mismatch): {path}")


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


def _weight_files(folder: Path) -> list[Path]:
    index = folder / _SAFETENSORS_INDEX
    if index.is_file():
        weight_map = _read_json(index).get("weight_map")
        if not isinstance(weight_map, dict):
            raise CheckpointError(f"checkpoint file is corrupt: {index} has no weight_map")
        return [folder / name for name in sorted(set(weight_map.values()))]
    single = folder / _SAFETENSORS_SINGLE
    if not single.is_file():
        raise CheckpointError(f"checkpoint file missing: {single}")
    return [single]


def _load_model_weights(folder: Path, model: torch.nn.Module) -> None:
    """Copy the safetensors weights into ``model`` in place, one shard at a time.

    Weights ``save_pretrained`` leaves out because they are tied to a saved one (``lm_head`` with
    tied embeddings) may be missing; any other missing, unexpected, reshaped or re-typed tensor is
    an error naming the file.
    """
    own = model.state_dict()
    sharded = is_sharded(model)
    loaded: set[str] = set()
    for path in _weight_files(folder):
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
    manifest = _read_manifest(folder)
    _verify_files(folder, manifest["files"])
    optimizer_states = _load_states(folder, "optimizer", optimizers, manifest["optimizers"])
    scheduler_states = _load_states(folder, "scheduler", schedulers, manifest["schedulers"])
    rng_state = _read_json(folder / RNG_FILE)
    sampler_state = _read_json(folder / SAMPLER_FILE)
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
