"""Fetch the current editions of lists from their publishers' official URLs.

``download_list`` saves a list's files into a folder under the names the
importers expect; loading them is then the same as ``lists load``. A mirror (or a
test server) can stand in for the publishers with ``base_url``: each file is then
fetched as ``{base_url}/{file name}``.
"""

from __future__ import annotations

import email.utils
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from laborwatch.errors import LaborwatchError

_OFAC = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"


@dataclass(frozen=True)
class Source:
    list_id: str
    files: tuple[tuple[str, str], ...]  # (official URL, file name)
    main: str  # the file (or folder) load_list reads


SOURCES = {
    source.list_id: source
    for source in (
        Source(
            "us_ofac_sdn",
            tuple(
                (f"{_OFAC}/{name.upper()}", name)
                for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
            ),
            "sdn.csv",
        ),
        Source(
            "us_ofac_cons",
            tuple(
                (f"{_OFAC}/{name.upper()}", name)
                for name in (
                    "cons_prim.csv",
                    "cons_alt.csv",
                    "cons_add.csv",
                    "cons_comments.csv",
                )
            ),
            "cons_prim.csv",
        ),
        Source(
            "un_sc_consolidated",
            (
                (
                    "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                    "un.xml",
                ),
            ),
            "un.xml",
        ),
        Source(
            "eu_fsf",
            (
                (
                    "https://webgate.ec.europa.eu/fsd/fsf/public/files/"
                    "xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
                    "eu.xml",
                ),
            ),
            "eu.xml",
        ),
        Source(
            "gb_fcdo_sanctions",
            (
                (
                    "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
                    "uk.xml",
                ),
            ),
            "uk.xml",
        ),
        Source(
            # DOL's own repository of its Sweat & Toil app, which ships the list as XML.
            "us_dol_tvpra",
            (
                (
                    "https://raw.githubusercontent.com/USDepartmentofLabor/Child-Labor-Android/"
                    "master/app/src/main/assets/goods_2021.xml",
                    "goods.xml",
                ),
            ),
            "goods.xml",
        ),
        Source(
            "us_bis_denied",
            (("https://www.bis.doc.gov/dpl/dpl.txt", "dpl.txt"),),
            "dpl.txt",
        ),
    )
}
_TIMEOUT_SECONDS = 60
_MAX_BYTES = 500 * 1024 * 1024


def download_list(list_id: str, folder: Path, base_url: str | None = None) -> Path:
    """Download one list's files into ``folder``; return the path to load."""
    if list_id not in SOURCES:
        raise LaborwatchError(
            f"{list_id}: no known download; one of {', '.join(sorted(SOURCES))}"
        )
    for name, url in file_urls(list_id, base_url).items():
        _fetch(url, folder / name)
    return folder / SOURCES[list_id].main


def file_urls(list_id: str, base_url: str | None = None) -> dict[str, str]:
    """Each of a list's file names and the URL it is downloaded from."""
    return {
        name: f"{base_url.rstrip('/')}/{name}" if base_url else url
        for url, name in SOURCES[list_id].files
    }


def _fetch(url: str, target: Path) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "laborwatch"})
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT_SECONDS) as response:
            data = response.read(_MAX_BYTES + 1)
            modified = response.headers.get("Last-Modified")
    except urllib.error.HTTPError as err:
        raise LaborwatchError(f"{url}: download failed (HTTP {err.code})") from None
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise LaborwatchError(f"{url}: download failed ({reason})") from None
    if len(data) > _MAX_BYTES:
        raise LaborwatchError(f"{url}: larger than {_MAX_BYTES // 1024 // 1024} MB")
    target.write_bytes(data)
    if modified:
        # The publisher's date of the file stands for the list's date where the
        # file itself carries none (OFAC's CSVs).
        when = email.utils.parsedate_to_datetime(modified).timestamp()
        os.utime(target, (when, when))
