"""The checkpoint folder on disk: its files and manifest, where checkpoints live, and writing
them atomically and durably (the saving and restoring of state is :mod:`relift.checkpoint`).

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
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from relift._core import __version__
from relift.errors import CheckpointError, InvalidInputError

__all__ = [
    "BUFFER_FILE",
    "CONFIG_FILE",
    "FORMAT_VERSION",
    "RNG_FILE",
    "SAFETENSORS_INDEX",
    "SAFETENSORS_SINGLE",
    "SAMPLER_FILE",
    "STATE_FILE",
    "apply_keep_last",
    "checkpoint_path",
    "file_table",
    "fsync_path",
    "fsync_tree",
    "json_bytes",
    "latest_checkpoint",
    "list_checkpoints",
    "move_to_trash",
    "publish_folder",
    "read_json",
    "read_manifest",
    "remove_stale_temporaries",
    "verify_files",
    "weight_files",
    "write_bytes",
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
SAFETENSORS_SINGLE: Final = "model.safetensors"
SAFETENSORS_INDEX: Final = "model.safetensors.index.json"

_PREFIX: Final = "checkpoint-"
_CHECKPOINT_RE: Final = re.compile(r"^checkpoint-(\d+)$")
# Temporary (being written) and trash (being deleted) folders: hidden, and named after the pid of
# the process that owns them so a later process can tell a crashed writer's leftovers.
_TEMP_RE: Final = re.compile(r"^\.(?:tmp|trash)-checkpoint-\d+-(\d+)-[0-9a-f]+$")


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


# ---- durable writes ---------------------------------------------------------------------------


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries, to stable storage."""
    if os.name == "nt" and path.is_dir():  # Windows cannot open a folder for fsync
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(root: Path) -> None:
    """fsync every file under ``root``, then every folder, deepest first."""
    folders = []
    for here, _, files in os.walk(root):
        for name in files:
            fsync_path(Path(here) / name)
        folders.append(Path(here))
    for folder in reversed(folders):
        fsync_path(folder)


def json_bytes(obj: object, what: str) -> bytes:
    """``obj`` as the JSON a checkpoint file holds; ``what`` names it when it cannot be."""
    try:
        return json.dumps(obj, indent=1, sort_keys=True).encode()
    except (TypeError, ValueError) as exc:
        raise InvalidInputError(f"{what} must be JSON-serialisable: {exc}") from exc


def write_bytes(path: Path, data: bytes) -> dict[str, Any]:
    """Write ``data`` to ``path``; returns its manifest entry (size and sha256)."""
    path.write_bytes(data)
    return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def file_table(folder: Path, hashed: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Size of every file in ``folder`` (and sha256 of the small ones relift wrote itself)."""
    table = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            rel = path.relative_to(folder).as_posix()
            table[rel] = hashed.get(rel, {"bytes": path.stat().st_size})
    return table


def move_to_trash(path: Path) -> Path:
    """Atomically rename ``path`` to a hidden trash name next to it (then safe to rmtree). A
    checkpoint's trash name carries its step and this pid (see ``remove_stale_temporaries``)."""
    step = _step_of(path)
    stem = f".trash-checkpoint-{step}" if step is not None else f".{path.name}.trash"
    trash = path.with_name(f"{stem}-{os.getpid()}-{secrets.token_hex(4)}")
    os.replace(path, trash)
    return trash


def publish_folder(staging: Path, target: Path) -> None:
    """Rename the finished ``staging`` folder to ``target`` durably. An existing ``target`` (or a
    link of that name) is first renamed aside with :func:`move_to_trash`, then deleted, so
    ``target`` is at every moment either the old folder or the new one."""
    old = move_to_trash(target) if target.exists() or target.is_symlink() else None
    os.replace(staging, target)
    fsync_path(target.parent)
    if old is None:
        return
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink()


def apply_keep_last(output_dir: Path, newest: Path, keep_last: int) -> None:
    """Delete the oldest checkpoints so that ``keep_last`` remain, never ``newest``."""
    others = [p for p in list_checkpoints(output_dir) if p != newest]
    doomed = others[: max(0, len(others) - (keep_last - 1))]
    for path in doomed:
        shutil.rmtree(move_to_trash(path), ignore_errors=True)
    if doomed:
        fsync_path(output_dir)


# ---- reading --------------------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the checkpoint in ``folder``, checked for its step and format."""
    if not folder.is_dir():
        raise CheckpointError(f"no checkpoint at {folder}: not a folder")
    manifest_path = folder / STATE_FILE
    if not manifest_path.is_file():
        inside = list_checkpoints(folder)
        hint = f" (it holds checkpoints; the latest is {inside[-1]})" if inside else ""
        raise CheckpointError(
            f"{folder} is not a complete relift checkpoint: {manifest_path} is missing{hint}"
        )
    manifest = read_json(manifest_path)
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


def read_json(path: Path) -> Any:
    """A checkpoint's JSON file; missing or corrupt: :class:`CheckpointError`."""
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError as exc:
        raise CheckpointError(f"checkpoint file missing: {path}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise CheckpointError(f"checkpoint file is corrupt (invalid JSON): {path}: {exc}") from exc


def verify_files(folder: Path, files: Mapping[str, Any]) -> None:
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


def weight_files(folder: Path) -> list[Path]:
    """The safetensors files of the checkpoint's weights (one, or the shards of its index)."""
    index = folder / SAFETENSORS_INDEX
    if index.is_file():
        weight_map = read_json(index).get("weight_map")
        if not isinstance(weight_map, dict):
            raise CheckpointError(f"checkpoint file is corrupt: {index} has no weight_map")
        return [folder / name for name in sorted(set(weight_map.values()))]
    single = folder / SAFETENSORS_SINGLE
    if not single.is_file():
        raise CheckpointError(f"checkpoint file missing: {single}")
    return [single]
