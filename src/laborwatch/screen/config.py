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
    ("evidence", "country_good_corroborated"),
    ("evidence", "country_good_corroborated_state_imposed"),
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
                (section, key) in LEVEL_KEYS
                or key.endswith(("_level", "labour", "derived", "named"))
            ) and value not in LEVELS:
                raise LaborwatchError(
                    f"{path}: [{section}] {key} must be one of {', '.join(LEVELS)}"
                )
    least = config["evidence"]["country_good_min_sources"]
    # bool is an int to Python, and `true` is no number of sources.
    if not isinstance(least, int) or isinstance(least, bool) or least < 1:
        raise LaborwatchError(
            f"{path}: [evidence] country_good_min_sources must be a whole number, "
            "at least 1"
        )
    return config


def complete_config(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored run's configuration with the keys added since it was stored set
    to their defaults (a rerun keeps the first run's values, and needs every key)."""
    config = default_config()
    for section, values in stored.items():
        if isinstance(values, dict) and section in config:
            config[section].update(values)
    return config
