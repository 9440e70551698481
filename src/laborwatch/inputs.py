"""Checks on the files a user names, before anything reads them."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from laborwatch.errors import LaborwatchError


def check_regular(path: Path, folders: bool = False) -> None:
    """LaborwatchError naming ``path`` if it is there but is no regular file (nor,
    with ``folders``, a folder): reading a FIFO with no writer blocks forever, and a
    device may never end. A path that cannot be looked at is left to the read,
    which says why."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) or (folders and stat.S_ISDIR(mode)):
        return
    kind = "a regular file or folder" if folders else "a regular file"
    raise LaborwatchError(f"{path}: not {kind}")


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The text of the file a user names, or a LaborwatchError naming it: not a
    regular file, not readable, not UTF-8."""
    check_regular(path)
    try:
        return path.read_text(encoding=encoding)
    except OSError as err:
        raise LaborwatchError(f"{path}: cannot read ({err.strerror})") from None
    except UnicodeDecodeError:
        raise LaborwatchError(f"{path}: not UTF-8 text") from None


def json_line(line: str | bytes, where: str) -> Any:
    """One line of a JSON Lines file a user names, read, or a LaborwatchError
    naming ``where``: not JSON, nested too deep, or a number Python will not read
    (an integer of more than 4,300 digits raises a bare ValueError)."""
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise LaborwatchError(f"{where}: not valid JSON ({err})") from None
    except RecursionError:
        raise LaborwatchError(f"{where}: JSON nested too deep") from None
    except ValueError:
        raise LaborwatchError(
            f"{where}: not readable JSON (a number too long to read)"
        ) from None
