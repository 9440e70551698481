"""Fetch a list's current edition from its publisher and store it: what
``lists update`` and ``laborwatch watch`` do for each list."""

from __future__ import annotations

import tempfile
from pathlib import Path

from laborwatch.errors import LaborwatchError
from laborwatch.lists import load_list
from laborwatch.lists.update import download_list, file_urls
from laborwatch.store import Database
from laborwatch.store.lists import ListLoad, store_list


def update_list(
    database: Database, list_id: str, base_url: str | None = None
) -> tuple[ListLoad, list[str]]:
    """Download ``list_id``'s files (from ``base_url``, a mirror, when given),
    read them whole, then store them as its new edition; return the load and
    the reader's warnings. The stored list is replaced only once all is read."""
    with tempfile.TemporaryDirectory(prefix="laborwatch-list-") as folder:
        path = download_list(list_id, Path(folder), base_url)
        try:
            loaded = load_list(path, list_id=list_id)
        except LaborwatchError as err:
            # The reader names the file in a temporary folder, gone once this
            # returns: name the URL it was downloaded from instead.
            message = str(err)
            for name, url in file_urls(list_id, base_url).items():
                message = message.replace(str(Path(folder) / name), url)
            raise LaborwatchError(message) from None
        return store_list(database, loaded), list(loaded.warnings)
