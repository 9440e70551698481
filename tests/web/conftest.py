"""Fixtures the web tests share."""

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.web import create_app
from tests.conftest import REPORTS

LOCAL = "http://127.0.0.1:8000"


@pytest.fixture
def local_app(sqlite_url: str) -> FastAPI:
    """The app as ``laborwatch serve`` runs it on 127.0.0.1: open, no tokens, one
    article stored."""
    settings = Settings(database_url=sqlite_url)
    database = open_database(settings.database_url)
    ingest_paths([str(REPORTS / "article.html")], database, settings)
    database.close()
    return create_app(settings)


@pytest.fixture
def local(local_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(local_app, base_url=LOCAL) as client:
        yield client
