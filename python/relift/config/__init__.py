"""Every setting of a relift run, as pydantic models loaded from YAML.

    cfg = load_config("configs/relift_qwen2.5_math_7b.yaml", ["rl.lr=2e-6", "mode=rl"])
    print(cfg.to_yaml())

Defaults are the ReLIFT reference's v1 settings (``docs/algorithm.md``, "Hyperparameters")
wherever the reference has one. A bad setting raises :class:`ConfigError` listing every problem
with where it came from (the YAML file and line, or the ``--set`` override) and the dotted key;
an unknown key is an error with a "did you mean" suggestion.

YAML is read with YAML 1.2 scalars: only ``true`` / ``false`` are booleans (so ``clipping: off``
is the string ``"off"``) and ``1e-6`` is a float. Override values (``KEY=VALUE``) are parsed the
same way; a value starting with ``[`` or ``{`` is a YAML flow list or mapping.

The models are in :mod:`relift.config.schema`, the YAML and override handling with its located
error messages in :mod:`relift.config.loading`; everything public is importable from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from relift.config import schema
from relift.config.loading import build_settings, parse_yaml
from relift.config.schema import *  # noqa: F403  (the models: schema.__all__)
from relift.config.schema import Config
from relift.errors import ConfigError

__all__ = ["ConfigError", "apply_overrides", "load_config"]
__all__ += schema.__all__


def apply_overrides(config: Config, overrides: Sequence[str]) -> Config:
    """A new config with ``KEY=VALUE`` overrides applied (``["rl.lr=2e-6", "mode=rl"]``)."""
    return build_settings(Config, config.model_dump(mode="json"), None, None, overrides)


def load_config(path: str | Path | None = None, overrides: Sequence[str] = ()) -> Config:
    """Load a YAML config file (None: the defaults), then apply ``KEY=VALUE`` overrides."""
    if path is None:
        return build_settings(Config, {}, None, None, overrides)
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config file {source}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:  # the whole file is decoded at once: exc.start is absolute
        line = exc.object[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{source}:{line}: not UTF-8 (byte {exc.object[exc.start]:#04x}); "
            "re-encode the file as UTF-8"
        ) from None
    return build_settings(Config, parse_yaml(text, source), text, source, overrides)
