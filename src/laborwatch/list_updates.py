"""Fetch a list's current edition from its publisher and store it: what
``lists update`` and ``laborwatch watch`` do for each list."""

from __future__ import annotations

import tempfile
from pathlib import Path

from laborwatch.lists import load_list
from laborwatch.lists.update import download_list
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
        loaded = load_list(path, list_id=list_id)
        return store_list(database, loaded), list(loaded.warnings)
