"""A local copy of a model folder, edited for the reference's recipes (``relift prepare-model``).

The reference trains Qwen2.5-Math-7B / -1.5B with prompt + response near 9k tokens, on copies
("-16k-think") whose ``config.json`` allows 16,384 positions with ``rope_theta`` 40,000 and whose
chat template ends the generation prompt with ``<think>\\n``. The stock models allow 4,096
positions. :func:`prepare_model` makes such a copy of any local model folder:

- every file of the source is carried over: hard-linked when the destination is on the same file
  system, else symlinked (``copy=True``: copied). Edited files are always new files, so the
  source is never written to;
- ``config.json``: ``max_position_embeddings`` and ``rope_theta``, wherever the file has it (top
  level in transformers 4 files, ``rope_parameters`` in transformers 5, ``rope_scaling`` in some
  in between); a key the file does not have is an error, not an addition;
- the chat template (``chat_template.jinja`` when present, as transformers 5 saves it, else
  ``tokenizer_config.json``'s ``chat_template``): see :mod:`relift.think_template`;
- ``PREPARED.md`` lists the source, every change, the relift version and the date.

The copy is built in a hidden folder next to the destination, checked by loading it with
transformers, and renamed into place; an existing destination is replaced only with ``force``.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from transformers import AutoConfig

from relift import __version__
from relift.checkpoint_files import fsync_path, publish_folder
from relift.errors import InputFormatError, InvalidInputError
from relift.models import load_tokenizer
from relift.think_template import (
    THINK_OPEN,
    TemplateEdit,
    add_think_to_generation_prompt,
    render_probe,
)

__all__ = ["NOTES_FILE", "PrepareResult", "prepare_model"]

#: The file in the destination that lists what was changed.
NOTES_FILE = "PREPARED.md"
CONFIG_FILE = "config.json"
TOKENIZER_CONFIG_FILE = "tokenizer_config.json"
TEMPLATE_FILE = "chat_template.jinja"
#: Where config.json may hold ``rope_theta``, besides its top level.
ROPE_SECTIONS = ("rope_parameters", "rope_scaling")
#: The think tag as PREPARED.md shows it.
SHOWN_TAG = THINK_OPEN.replace("\n", "\\n")


@dataclass
class PrepareResult:
    """What :func:`prepare_model` did: the key changes, the template edit, how files came over."""

    destination: Path
    config_changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    template_file: str | None = None
    template_edit: TemplateEdit | None = None
    carried: dict[str, int] = field(default_factory=dict)  # "hard-linked" / "symlinked" / ...

    def summary(self) -> str:
        """One line per change, for the command's output."""
        lines = [f"{key}: {old} -> {new}" for key, old, new in self.config_changes]
        if self.template_edit is not None:
            lines.append(
                f"chat template ({self.template_file}): generation prompt now ends with "
                f"{THINK_OPEN!r}" if self.template_edit.changed
                else f"chat template: generation prompt already ends with {THINK_OPEN!r}"
            )  # fmt: skip
        lines.append("files from the source: " + _counts(self.carried))
        return "\n".join(lines)


def prepare_model(
    source: str | os.PathLike[str],
    destination: str | os.PathLike[str],
    *,
    max_positions: int | None = None,
    rope_theta: float | None = None,
    think_template: bool = False,
    copy: bool = False,
    force: bool = False,
    command: str | None = None,
) -> PrepareResult:
    """Write the edited copy of the model folder ``source`` to ``destination`` (see the module
    docstring); ``command`` is recorded in ``PREPARED.md``."""
    src, dst = Path(source).absolute(), Path(destination).absolute()
    _check_paths(src, dst, force)
    if max_positions is None and rope_theta is None and not think_template:
        raise InvalidInputError(
            "nothing to change: give --max-positions, --rope-theta and/or --think-template"
        )
    if max_positions is not None and max_positions < 1:
        raise InvalidInputError(f"--max-positions must be >= 1, got {max_positions}")
    if rope_theta is not None and not rope_theta > 0:
        raise InvalidInputError(f"--rope-theta must be > 0, got {rope_theta}")
    result = PrepareResult(dst)
    edited: dict[str, str] = {}  # relative path -> new text
    if max_positions is not None or rope_theta is not None:
        config = _read_json(src / CONFIG_FILE)
        result.config_changes = _edit_config(config, src / CONFIG_FILE, max_positions, rope_theta)
        edited[CONFIG_FILE] = json.dumps(config, indent=2, ensure_ascii=False) + "\n"
    if think_template:
        result.template_file, result.template_edit = _edit_template(src, edited)
    dst.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dst.name}.tmp-", dir=dst.parent))
    try:
        staging.chmod(stat.S_IMODE(src.stat().st_mode))  # mkdtemp's 0700 would hide the copy
        result.carried = _carry_files(src, staging, skip=set(edited), copy=copy)
        for rel, text in edited.items():
            (staging / rel).write_text(text, encoding="utf-8")
        (staging / NOTES_FILE).write_text(_notes(src, result, command), encoding="utf-8")
        _check_copy(staging, dst, max_positions, rope_theta, think_template)
        for rel in [*edited, NOTES_FILE]:
            fsync_path(staging / rel)
        fsync_path(staging)
        publish_folder(staging, dst)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return result


def _check_paths(src: Path, dst: Path, force: bool) -> None:
    """A source folder with a config.json; a destination that is free (or ``force``) and
    neither the source nor a folder inside it or around it."""
    if not (src / CONFIG_FILE).is_file():
        raise InvalidInputError(
            f"{src}: not a model folder ({CONFIG_FILE} is missing); SRC must be a local folder "
            "such as one written by save_pretrained or downloaded with huggingface-cli"
        )
    real_src, real_dst = src.resolve(), dst.resolve()
    if real_dst == real_src or real_src in real_dst.parents or real_dst in real_src.parents:
        raise InvalidInputError(f"{dst}: DST must be a new folder outside SRC ({src})")
    if dst.exists() or dst.is_symlink():
        if not force:
            raise InvalidInputError(f"{dst} exists; pass --force to replace it")
        if not dst.is_dir():
            raise InvalidInputError(f"{dst} exists and is not a folder; remove it yourself")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputFormatError(f"{path}: not readable as JSON: {exc}") from exc


def _edit_config(
    config: dict[str, Any], path: Path, max_positions: int | None, rope_theta: float | None
) -> list[tuple[str, Any, Any]]:
    """Set the keys in ``config`` (in place); returns (dotted key, old, new) per key changed."""
    changes: list[tuple[str, Any, Any]] = []
    if max_positions is not None:
        if "max_position_embeddings" not in config:
            raise InvalidInputError(
                f"{path}: has no top-level max_position_embeddings, so --max-positions has "
                "nothing to change (a model that nests its text config is not supported)"
            )
        old = config["max_position_embeddings"]
        changes.append(("max_position_embeddings", old, max_positions))
        config["max_position_embeddings"] = max_positions
    if rope_theta is not None:
        places = _rope_theta_places(config)
        if not places:
            raise InvalidInputError(
                f"{path}: no rope_theta at the top level or under {' / '.join(ROPE_SECTIONS)}; "
                "--rope-theta would not change what transformers uses: add the key by hand or "
                "leave the option out"
            )
        for key, holder in places:
            changes.append((key, holder["rope_theta"], float(rope_theta)))
            holder["rope_theta"] = float(rope_theta)
    return changes


def _rope_theta_places(config: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(dotted key, the dict that holds it) for every ``rope_theta`` in ``config``: the top level,
    ``rope_parameters`` / ``rope_scaling``, or their per-attention-type entries."""
    places = [("rope_theta", config)] if "rope_theta" in config else []
    for section in ROPE_SECTIONS:
        value = config.get(section)
        if not isinstance(value, dict):
            continue
        if "rope_theta" in value:
            places.append((f"{section}.rope_theta", value))
        for name, inner in value.items():  # per attention type: {"full_attention": {...}}
            if isinstance(inner, dict) and "rope_theta" in inner:
                places.append((f"{section}.{name}.rope_theta", inner))
    return places


def _edit_template(src: Path, edited: dict[str, str]) -> tuple[str, TemplateEdit]:
    """Edit the template transformers uses (``chat_template.jinja`` first, as transformers 5
    loads it, and a copy of the same text in ``tokenizer_config.json``); adds the new texts to
    ``edited``. Returns where the template was and the edit."""
    settings_path = src / TOKENIZER_CONFIG_FILE
    settings = _read_json(settings_path) if settings_path.is_file() else {}
    name, template = TEMPLATE_FILE, None
    if (src / TEMPLATE_FILE).is_file():
        template = (src / TEMPLATE_FILE).read_text(encoding="utf-8")
    else:
        name, template = f"{TOKENIZER_CONFIG_FILE} (chat_template)", _settings_template(settings)
        if template is None:
            raise InvalidInputError(
                f"{src}: the tokenizer has no chat template ({TEMPLATE_FILE}, or chat_template "
                f"in {TOKENIZER_CONFIG_FILE}), so --think-template has nothing to edit; prompts "
                "can get the tag from data.think.append_to_prompt: true instead"
            )
    with _loading(f"{src}: transformers cannot load the tokenizer"):
        tokenizer = load_tokenizer(src, local_files_only=True)
    edit = add_think_to_generation_prompt(template, tokenizer, f"{src.name}/{name}")
    if not edit.changed:
        return name, edit
    if name == TEMPLATE_FILE:
        edited[TEMPLATE_FILE] = edit.after
    if _settings_template(settings) == template:  # the only copy, or the same text twice
        _set_settings_template(settings, edit.after)
        edited[TOKENIZER_CONFIG_FILE] = json.dumps(settings, indent=2, ensure_ascii=False) + "\n"
    return name, edit


def _settings_template(settings: dict[str, Any]) -> str | None:
    """tokenizer_config.json's default chat template: a string, or the ``default`` entry of a
    list of named templates."""
    value = settings.get("chat_template")
    if isinstance(value, list):
        defaults = [t for t in value if isinstance(t, dict) and t.get("name") == "default"]
        value = defaults[0].get("template") if defaults else None
    return value if isinstance(value, str) else None


def _set_settings_template(settings: dict[str, Any], template: str) -> None:
    value = settings["chat_template"]
    if isinstance(value, list):
        settings["chat_template"] = [
            {**t, "template": template} if isinstance(t, dict) and t.get("name") == "default" else t
            for t in value
        ]
    else:
        settings["chat_template"] = template


def _carry_files(src: Path, dst: Path, *, skip: set[str], copy: bool) -> dict[str, int]:
    """Every file under ``src`` into ``dst`` (but the ``skip`` ones, which are rewritten):
    hard link, else symlink; ``copy``: copies. Returns how many went which way."""
    counts = {"hard-linked": 0, "symlinked": 0, "copied": 0}
    for here, folders, files in os.walk(src, followlinks=True):
        folders.sort()
        rel_dir = Path(here).relative_to(src)
        (dst / rel_dir).mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            rel = (rel_dir / name).as_posix()
            if rel in skip or rel == NOTES_FILE:
                continue
            origin, target = Path(here) / name, dst / rel_dir / name
            if copy:
                shutil.copy2(origin, target)
                counts["copied"] += 1
                continue
            try:
                os.link(origin.resolve(), target)  # Linux's link() keeps a symlink (hub caches)
                counts["hard-linked"] += 1
            except OSError:  # another file system, or links not allowed there
                target.symlink_to(origin.resolve())
                counts["symlinked"] += 1
    return {how: n for how, n in counts.items() if n}


def _check_copy(
    folder: Path, dst: Path, max_positions: int | None, rope_theta: float | None, think: bool
) -> None:
    """Load the copy (in ``folder``, bound for ``dst``) with transformers and check that it
    reads the new values."""
    with _loading(f"{dst}: transformers cannot load the copy's config.json (does SRC load?)"):
        config = AutoConfig.from_pretrained(folder, local_files_only=True)
    if max_positions is not None and config.max_position_embeddings != max_positions:
        raise InvalidInputError(
            f"{dst / CONFIG_FILE}: transformers reads max_position_embeddings "
            f"{config.max_position_embeddings} after the edit, not {max_positions}"
        )
    if rope_theta is not None:
        rope = getattr(config, "rope_parameters", None) or {}
        thetas = [rope.get("rope_theta")] if "rope_theta" in rope else []
        thetas += [v.get("rope_theta") for v in rope.values() if isinstance(v, dict)]
        thetas = thetas or [getattr(config, "rope_theta", None)]  # transformers 4
        if any(theta != rope_theta for theta in thetas):
            raise InvalidInputError(
                f"{dst / CONFIG_FILE}: transformers reads rope_theta {thetas} after the edit, "
                f"not {rope_theta}; edit config.json by hand"
            )
    if think:
        with _loading(f"{dst}: transformers cannot load the copy's tokenizer"):
            tokenizer = load_tokenizer(folder, local_files_only=True)
        rendered = render_probe(tokenizer)
        if not rendered.endswith(THINK_OPEN):
            raise InvalidInputError(
                f"{dst}: the copied tokenizer's generation prompt ends {rendered[-40:]!r}, "
                f"not {THINK_OPEN!r}; edit its chat template by hand"
            )


def _notes(src: Path, result: PrepareResult, command: str | None) -> str:
    """PREPARED.md: the source, each change, the relift version and the date."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    lines = [
        "# Prepared by relift prepare-model",
        "",
        f"- source: `{src}`",
        f"- relift: {__version__}",
        f"- date: {now}",
    ]
    if command:
        lines.append(f"- command: `{command}`")
    lines += [f"- files from the source: {_counts(result.carried)}", ""]
    if result.carried.get("hard-linked"):
        lines += [
            "Hard-linked files share their data with the source: write new files, never into "
            "these in place.",
            "",
        ]
    if result.config_changes:
        lines += [f"## {CONFIG_FILE}", ""]
        lines += [f"- `{key}`: {old} -> {new}" for key, old, new in result.config_changes]
        lines.append("")
    edit = result.template_edit
    if edit is not None:
        lines += ["## Chat template", ""]
        if edit.changed:
            lines += [
                f"In {result.template_file}, the generation prompt now ends with `{SHOWN_TAG}`:",
                "",
                "```diff",
                edit.diff(result.template_file or "chat template").rstrip("\n"),
                "```",
                "",
            ]
        else:
            lines += [f"Unchanged: its generation prompt already ends with `{SHOWN_TAG}`.", ""]
    previous = src / NOTES_FILE
    if previous.is_file():  # a copy of a copy: keep the source's own record
        lines += ["## The source's own PREPARED.md", "", previous.read_text(encoding="utf-8")]
    return "\n".join(lines).rstrip("\n") + "\n"


@contextlib.contextmanager
def _loading(what: str) -> Iterator[None]:
    """transformers' errors on a folder it cannot load, as one message that names the folder."""
    try:
        yield
    except (OSError, ValueError, KeyError) as exc:
        raise InvalidInputError(f"{what}: {type(exc).__name__}: {exc}") from exc


def _counts(carried: dict[str, int]) -> str:
    return ", ".join(f"{n} {how}" for how, n in carried.items()) or "none"
