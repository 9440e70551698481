"""Lists: sanctions and trade lists read from their publishers' files into one shape.

``load_list(path, format=None)`` detects the format (OFAC CSV, UN XML, EU XML, UK
XML, BIS Denied Persons, OpenSanctions FollowTheMoney JSON) and returns a
``LoadedList``; it reads the whole list before anything is stored, so a bad file
never replaces a good list, and checks it is what the store keeps row for row
(``check.py``), so the count reported is the count stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from laborwatch.errors import LaborwatchError, NotFound
from laborwatch.inputs import check_regular
from laborwatch.lists.bis import load_bis, looks_like_bis
from laborwatch.lists.check import check_loaded
from laborwatch.lists.dol import (
    load_dol_xlsx,
    load_dol_xml,
    looks_like_dol_xlsx,
    looks_like_dol_xml,
)
from laborwatch.lists.entry import ListEntry, LoadedList
from laborwatch.lists.eu import load_eu, looks_like_eu
from laborwatch.lists.ftm import load_ftm, looks_like_ftm
from laborwatch.lists.ofac import is_ofac_main_file, load_ofac
from laborwatch.lists.uk import load_uk, looks_like_uk
from laborwatch.lists.un import load_un, looks_like_un

FORMATS = (
    "ofac-csv",
    "un-xml",
    "eu-xml",
    "uk-xml",
    "bis-dpl",
    "ftm-json",
    "dol-xml",
    "dol-xlsx",
)

__all__ = ["FORMATS", "ListEntry", "LoadedList", "detect_format", "load_list"]


def detect_format(path: Path) -> str:
    """The list format of a file, from its name and first bytes."""
    if path.is_dir():
        for name in ("sdn.csv", "cons_prim.csv"):
            if (path / name).exists():
                return "ofac-csv"
        raise LaborwatchError(f"{path}: a folder with no sdn.csv or cons_prim.csv")
    if is_ofac_main_file(path):
        return "ofac-csv"
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError as err:
        raise LaborwatchError(f"{path}: cannot read ({err.strerror})") from None
    if looks_like_dol_xlsx(path, head):
        return "dol-xlsx"
    for name, test in (
        ("dol-xml", looks_like_dol_xml),
        ("un-xml", looks_like_un),
        ("eu-xml", looks_like_eu),
        ("uk-xml", looks_like_uk),
        ("bis-dpl", looks_like_bis),
        ("ftm-json", looks_like_ftm),
    ):
        if test(head):
            return name
    raise LaborwatchError(
        f"{path}: unknown list format; give --format ({', '.join(FORMATS)})"
    )


# Formats read from one file by one function; OFAC (a set of files) and FtM (which
# names its own list) are handled in load_list.
_LOADERS: dict[str, Callable[[Path], LoadedList]] = {
    "un-xml": load_un,
    "eu-xml": load_eu,
    "uk-xml": load_uk,
    "bis-dpl": load_bis,
    "dol-xml": load_dol_xml,
    "dol-xlsx": load_dol_xlsx,
}


def load_list(
    path: Path, list_format: str | None = None, list_id: str | None = None
) -> LoadedList:
    """Read a whole list from its file (or, for OFAC, its folder or main file)."""
    if not path.exists():
        raise NotFound(f"{path}: no such file or folder")
    check_regular(path, folders=True)
    list_format = list_format or detect_format(path)
    if list_format == "ofac-csv":
        if path.is_dir():
            path = path / (
                "sdn.csv" if (path / "sdn.csv").exists() else "cons_prim.csv"
            )
        if not is_ofac_main_file(path):
            raise LaborwatchError(
                f"{path}: OFAC lists load from sdn.csv or cons_prim.csv"
            )
        loaded = load_ofac(path)
    elif list_format == "ftm-json":
        loaded = load_ftm(path, list_id)
    elif list_format in _LOADERS:
        loaded = _LOADERS[list_format](path)
    else:
        raise LaborwatchError(
            f"{list_format}: unknown format; one of {', '.join(FORMATS)}"
        )
    if list_id and list_id != loaded.list_id:
        loaded = replace(loaded, list_id=list_id)
    check_loaded(path, loaded)
    return loaded
