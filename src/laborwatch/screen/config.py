"""Screening configuration: the documented defaults, and a user's overrides."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

from laborwatch.errors import LaborwatchError

LEVELS = ("none", "low", "medium", "high")
# The settings whose value is a level.
LEVEL_KEYS = (
    ("country_good", "forced_labour"),
    ("country_good", "child_labour"),
    ("country_good", "derived"),
    ("evidence", "named"),
    ("evidence", "country_good"),
    ("rules", "caatsa_321b_level"),
    ("rules", "uflpa_level"),
)


def default_config() -> dict[str, Any]:
    text = (files("laborwatch") / "screen" / "defaults.toml").read_text(
        encoding="utf-8"
    )
    return tomllib.loads(text)


def load_config(path: Path | None) -> dict[str, Any]:
    """The defaults, with the sections and keys of ``path`` laid over them."""
    config = default_config()
    if path is None:
        return config
    try:
        overrides = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise LaborwatchError(f"{path}: cannot read ({err.strerror})") from None
    except tomllib.TOMLDecodeError as err:
        raise LaborwatchError(f"{path}: not valid TOML ({err})") from None
    for section, values in overrides.items():
        if section not in config or not isinstance(values, dict):
            raise LaborwatchError(f"{path}: unknown section [{section}]")
        for key, value in values.items():
            if key not in config[section]:
                raise LaborwatchError(f"{path}: unknown key {key!r} in [{section}]")
            config[section][key] = value
    for section, values in config.items():
        for key, value in values.items():
            if (
                key.endswith(("_level", "labour", "derived", "named", "country_good"))
                and isinstance(value, str)
                and value not in LEVELS
            ):
                raise LaborwatchError(
                    f"{path}: [{section}] {key} must be one of {', '.join(LEVELS)}"
                )
    return config
