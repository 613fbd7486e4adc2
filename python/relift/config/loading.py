"""Reading settings from YAML and ``KEY=VALUE`` overrides, with every problem located.

A bad setting raises :class:`~relift.errors.ConfigError` listing each problem with where it came
from (the YAML file and line, or the ``--set`` override) and the dotted key; an unknown key gets
a "did you mean" suggestion. YAML is read with YAML 1.2 scalars (only ``true`` / ``false`` are
booleans, ``1e-6`` is a float).

Nothing here knows relift's sections: the root settings model is a parameter, so the schema
(:mod:`relift.config.schema`) imports this module and not the other way round.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from relift.errors import ConfigError

__all__ = ["SettingProblems", "build_settings", "parse_yaml", "raise_problems"]

Settings = TypeVar("Settings", bound=BaseModel)


class SettingProblems(ValueError):
    """Cross-field problems found by a model validator, each with the key it concerns.

    Keys are dotted paths relative to the model that raised; the error formatter turns them into
    full paths (and YAML line numbers).
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{key}: {msg}" for key, msg in problems))
        self.problems = problems


def raise_problems(problems: list[tuple[str, str]]) -> None:
    """Raise :class:`SettingProblems` when the list is not empty."""
    if problems:
        raise SettingProblems(problems)


# ----------------------------------------------------------------------------------- YAML


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 scalars: only true/false are booleans, ``1e-6`` is a float."""


_BOOL_TAG = "tag:yaml.org,2002:bool"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_BOOL_TAG, _FLOAT_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), None
)
_Loader.add_implicit_resolver(
    _FLOAT_TAG,
    re.compile(
        r"""^(?:[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?
        |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
        re.X,
    ),
    list("-+0123456789."),
)


def parse_yaml(text: str, source: str | None) -> dict[str, Any]:
    """The YAML document as a dict (empty for an empty document); duplicate keys are errors."""
    where = source or "<yaml>"
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML: {exc}") from None
    if node is not None:
        _check_duplicate_keys(node, where, ())
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the top level must be a mapping of sections, got {data!r}")
    return data


def _check_duplicate_keys(node: yaml.Node, where: str, path: tuple[str, ...]) -> None:
    """Raise on a mapping that repeats a key (PyYAML would silently keep the last)."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicate_keys(item, where, path)
    if not isinstance(node, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 1
        if key in seen:
            dotted = ".".join((*path, key))
            raise ConfigError(
                f"{where}:{line}: duplicate key {dotted!r} (first at line {seen[key]})"
            )
        seen[key] = line
        _check_duplicate_keys(value_node, where, (*path, key))


def _yaml_line(text: str, loc: Sequence[str | int]) -> int | None:
    """1-based line of the deepest node of ``loc`` present in the YAML text, if any."""
    node = yaml.compose(text, Loader=_Loader)
    line: int | None = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == part]
            if not match:
                break
            line = match[0][0].start_mark.line + 1
            node = match[0][1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


# ----------------------------------------------------------------------------------- overrides


def _parse_override(item: str) -> tuple[list[str], Any]:
    """``"rl.lr=2e-6"`` -> (["rl", "lr"], 2e-06). The value is a YAML scalar, or a flow list /
    mapping when it starts with ``[`` / ``{``; anything else that YAML reads as a collection
    (``"Answer: 42"``) stays the raw string."""
    key, sep, raw = item.partition("=")
    path = key.strip().split(".")
    if not sep or not all(path):
        raise ConfigError(f"override {item!r}: expected KEY=VALUE with a dotted KEY (rl.lr=2e-6)")
    try:
        value = yaml.load(raw, Loader=_Loader)
    except yaml.YAMLError:
        return path, raw
    if isinstance(value, dict | list) and not raw.lstrip().startswith(("[", "{")):
        return path, raw
    return path, value


def _set_path(
    root: type[BaseModel], data: dict[str, Any], path: list[str], value: Any, item: str
) -> None:
    """Set ``data[path[0]][path[1]]... = value``; a mapping value merges into a section."""
    node = data
    for i, part in enumerate(path[:-1]):
        prefix = path[: i + 1]
        parent = _model_at(root, prefix[:-1])
        is_setting = (
            parent is not None and part in _keys(parent) and _model_at(root, prefix) is None
        )
        child = node.setdefault(part, {})
        if is_setting or not isinstance(child, dict):
            raise ConfigError(
                f"override {item!r}: {'.'.join(prefix)!r} is a setting, not a section"
            )
        node = child
    last = path[-1]
    if isinstance(value, dict) and isinstance(node.get(last), dict):
        node[last] = {**node[last], **value}
    else:
        node[last] = value


def build_settings(
    root: type[Settings],
    raw: dict[str, Any],
    text: str | None,
    source: str | None,
    overrides: Sequence[str],
) -> Settings:
    """Apply overrides to the raw mapping and validate it as ``root``, turning errors into
    ConfigError. ``text`` and ``source`` (the YAML and its file name) locate the problems."""
    if isinstance(overrides, str):
        raise ConfigError(f"overrides must be a list of KEY=VALUE strings, got {overrides!r}")
    applied: list[tuple[tuple[str, ...], str]] = []
    for item in overrides:
        path, value = _parse_override(item)
        _set_path(root, raw, path, value, item)
        applied.append((tuple(path), item))
    try:
        return root.model_validate(raw)
    except ValidationError as exc:
        lines = [_describe(root, err, text, source, applied) for err in _flatten(exc)]
        head = f"invalid configuration ({len(lines)} problem{'s' if len(lines) > 1 else ''}):"
        raise ConfigError("\n  ".join([head, *lines])) from None


# ----------------------------------------------------------------------------------- errors


def _flatten(exc: ValidationError) -> list[dict[str, Any]]:
    """Pydantic errors, with each cross-field problem as its own error at its own key."""
    out: list[dict[str, Any]] = []
    for err in exc.errors():
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, SettingProblems):
            for key, msg in cause.problems:
                out.append(
                    {"type": "cross_field", "loc": (*err["loc"], *key.split(".")), "msg": msg}
                )
        else:
            out.append(dict(err))
    return out


def _describe(
    root: type[BaseModel],
    err: Mapping[str, Any],
    text: str | None,
    source: str | None,
    applied: Sequence[tuple[tuple[str, ...], str]],
) -> str:
    """One line: where the bad value came from, the dotted key, and the problem."""
    loc = tuple(err["loc"])
    key = _dotted(loc)
    where = _where(loc, text, source, applied)
    if err["type"] == "extra_forbidden":
        return f"{where}unknown key {key!r}{_suggest(root, loc)}"
    msg = str(err["msg"])
    if err["type"] not in ("cross_field", "missing") and not isinstance(err.get("input"), dict):
        msg += f" (got {err.get('input')!r})"
    return f"{where}{key}: {msg}"


def _where(
    loc: tuple[str | int, ...],
    text: str | None,
    source: str | None,
    applied: Sequence[tuple[tuple[str, ...], str]],
) -> str:
    """``"override 'rl.lr=x': "``, ``"run.yaml:12: "`` or ``""``."""
    for path, item in reversed(applied):
        if loc and (loc[: len(path)] == path or path[: len(loc)] == loc):
            return f"override {item!r}: "
    if text is None:
        return ""
    line = _yaml_line(text, loc)
    name = source or "<yaml>"
    return f"{name}:{line}: " if line is not None else f"{name}: "


def _dotted(loc: Sequence[str | int]) -> str:
    """``("logging", "report_to", 1)`` -> ``"logging.report_to[1]"``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "<root>"


def _keys(model: type[BaseModel]) -> dict[str, Any]:
    """A model's keys as written in YAML (aliases where set) -> their annotations."""
    return {info.alias or name: info.annotation for name, info in model.model_fields.items()}


def _model_at(root: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The settings model that ``loc`` points into, or None."""
    model = root
    for part in loc:
        sub = _keys(model).get(str(part))
        if not (isinstance(sub, type) and issubclass(sub, BaseModel)):
            return None
        model = sub
    return model


def _all_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every dotted key under ``model``."""
    out: list[str] = []
    for key, ann in _keys(model).items():
        out.append(prefix + key)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out += _all_keys(ann, f"{prefix}{key}.")
    return out


def _suggest(root: type[BaseModel], loc: Sequence[str | int]) -> str:
    """A "did you mean" hint for an unknown key: the same name in another section, or a close
    sibling."""
    name = str(loc[-1])
    elsewhere = [k for k in _all_keys(root) if k.rsplit(".", 1)[-1] == name]
    if elsewhere:
        return " (did you mean " + " or ".join(repr(k) for k in elsewhere[:3]) + "?)"
    parent = _model_at(root, loc[:-1])
    if parent is not None:
        close = difflib.get_close_matches(name, list(_keys(parent)), n=1, cutoff=0.5)
        if close:
            return f" (did you mean {_dotted((*loc[:-1], close[0]))!r}?)"
    return ""
