"""Screening configuration: the documented defaults, and a user's overrides."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

from laborwatch.errors import LaborwatchError
from laborwatch.inputs import read_text

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
    text = read_text(path)
    try:
        overrides = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LaborwatchError(f"{path}: not valid TOML ({err})") from None
    for section, values in overrides.items():
        if section not in config or not isinstance(values, dict):
            raise LaborwatchError(f"{path}: unknown section [{section}]")
        for key, value in values.items():
            if key not in config[section]:
                raise LaborwatchError(f"{path}: unknown key {key!r} in [{section}]")
            config[section][key] = value
    defaults = default_config()
    for section, values in config.items():
        for key, value in values.items():
            config[section][key] = _checked(path, section, key, value, defaults)
    sanctions = config["sanctions"]
    if sanctions["high"] < sanctions["threshold"]:
        raise LaborwatchError(
            f"{path}: [sanctions] high must be at least threshold "
            f"({sanctions['high']} < {sanctions['threshold']})"
        )
    return config


def _checked(
    path: Path, section: str, key: str, value: Any, defaults: dict[str, Any]
) -> Any:
    """``value`` for ``[section] key``, of the type and range its default has; a
    LaborwatchError naming the file and the key if not."""
    default = defaults[section][key]
    where = f"{path}: [{section}] {key}"
    if (section, key) in LEVEL_KEYS or key.endswith(
        ("_level", "labour", "derived", "named")
    ):
        if value not in LEVELS:
            raise LaborwatchError(f"{where} must be one of {', '.join(LEVELS)}")
        return value
    # bool is an int to Python, so booleans are told apart first.
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise LaborwatchError(f"{where} must be true or false")
        return value
    if isinstance(default, int):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise LaborwatchError(f"{where} must be a whole number, at least 1")
        return value
    if isinstance(default, float):
        # A score: a number from 0 to 1 (nan and 1e400, read as inf, are not).
        if (
            not isinstance(value, int | float)
            or isinstance(value, bool)
            or not 0 <= value <= 1
        ):
            raise LaborwatchError(f"{where} must be a number from 0 to 1")
        return float(value)
    if not isinstance(value, str) or not value.strip():
        raise LaborwatchError(f"{where} must be a non-empty string")
    return value


def complete_config(stored: dict[str, Any]) -> dict[str, Any]:
    """A stored run's configuration with the keys added since it was stored set
    to their defaults (a rerun keeps the first run's values, and needs every key)."""
    config = default_config()
    for section, values in stored.items():
        if isinstance(values, dict) and section in config:
            config[section].update(values)
    return config
