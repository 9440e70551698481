"""``/openapi.json`` documents the shape of every API answer, and the answers keep
the keys, values and order they had before the API declared its shapes."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from laborwatch.pipeline import ingest_paths
from laborwatch.screen import screen_file
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.web import api, create_app
from tests.conftest import REPORTS
from tests.screen.runs import SCREENING, prepare

LOCAL = "http://127.0.0.1:8000"
# The same route functions served without their response models: the answers as
# the API gave them before it declared its shapes.
UNDECLARED = "/undeclared"


def undeclared_router() -> APIRouter:
    router = APIRouter()
    for route in api.router.routes:
        assert isinstance(route, APIRoute)
        router.add_api_route(
            route.path,
            route.endpoint,
            methods=list(route.methods),
            status_code=route.status_code,
            response_model=None,
        )
    return router


class Stored:
    def __init__(self, client: TestClient, screening: int, job: str) -> None:
        self.client = client
        self.screening = screening
        self.job = job


@pytest.fixture(scope="module")
def stored(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> Stored:
    """Reports with evidence, the OFAC and DOL lists, a screening run from the
    library and one uploaded through the API."""
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    prepare(database, settings)
    ingest_paths(
        [str(REPORTS / "article.html"), str(REPORTS / "kiln-report.txt")],
        database,
        settings,
    )
    folder = tmp_path_factory.mktemp("screen")
    path = folder / "suppliers.csv"
    path.write_bytes((SCREENING / "suppliers.csv").read_bytes())
    screening = screen_file(path, database).id
    database.close()
    app: FastAPI = create_app(settings)
    app.include_router(undeclared_router(), prefix=UNDECLARED)
    client = TestClient(app, base_url=LOCAL)
    client.get("/")
    started = client.post(
        "/api/screen",
        files={"file": ("suppliers.csv", path.read_bytes(), "text/csv")},
        headers={"X-CSRF-Token": client.cookies["laborwatch_csrf"]},
    )
    assert started.status_code == 202, started.text
    job = started.json()["id"]
    deadline = time.monotonic() + 30
    while client.get(f"/api/screen/{job}").json()["status"] == "running":
        assert time.monotonic() < deadline, "the screening never ended"
        time.sleep(0.05)
    return Stored(client, screening, job)


def resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = spec["components"]["schemas"][name]
    return schema


def test_every_api_answer_has_a_schema_with_named_properties(
    stored: Stored,
) -> None:
    spec = stored.client.get("/openapi.json").json()
    checked = []
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, operation in operations.items():
            success = [code for code in operation["responses"] if code.startswith("2")]
            assert len(success) == 1, (method, path)
            content = operation["responses"][success[0]]["content"]
            schema = resolve(content["application/json"]["schema"], spec)
            assert schema.get("type") == "object", (method, path, schema)
            assert schema.get("properties"), (method, path, schema)
            assert schema.get("additionalProperties") is not True, (method, path)
            checked.append((method, path))
    assert ("get", "/api/stats") in checked
    assert ("post", "/api/screen") in checked
    assert len(checked) == len(api.router.routes)


def conform(value: Any, schema: dict[str, Any], spec: dict[str, Any], at: str) -> None:
    """Fail unless ``value`` has the keys ``schema`` names (every required one, no
    other), at every depth that the schema describes."""
    schema = resolve(schema, spec)
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                conform(value, option, spec, at)
                return
            except AssertionError as error:
                errors.append(str(error))
        raise AssertionError(f"{at}: matches no option: {errors}")
    kind = schema.get("type")
    if kind == "null":
        assert value is None, at
    elif kind == "object" and "properties" in schema:
        assert isinstance(value, dict), at
        named = set(schema["properties"])
        assert set(value) <= named, f"{at}: keys not in the schema {set(value) - named}"
        missing = set(schema.get("required", ())) - set(value)
        assert not missing, f"{at}: required keys missing {missing}"
        for key, item in value.items():
            conform(item, schema["properties"][key], spec, f"{at}.{key}")
    elif kind == "object":
        assert isinstance(value, dict), at
        if isinstance(schema.get("additionalProperties"), dict):
            for key, item in value.items():
                conform(item, schema["additionalProperties"], spec, f"{at}.{key}")
    elif kind == "array":
        assert isinstance(value, list), at
        for index, item in enumerate(value):
            prefix = schema.get("prefixItems", [])
            item_schema = prefix[index] if index < len(prefix) else schema["items"]
            conform(item, item_schema, spec, f"{at}[{index}]")
    elif kind == "integer":
        assert isinstance(value, int) and not isinstance(value, bool), at
    elif kind == "number":
        assert isinstance(value, int | float) and not isinstance(value, bool), at
    elif kind == "string":
        assert isinstance(value, str), at
    elif kind == "boolean":
        assert isinstance(value, bool), at


def answer_schema(spec: dict[str, Any], path: str) -> dict[str, Any]:
    responses = spec["paths"][path]["get"]["responses"]
    return resolve(responses["200"]["content"]["application/json"]["schema"], spec)


def test_answers_have_exactly_the_keys_their_schema_names(stored: Stored) -> None:
    client = stored.client
    spec = client.get("/openapi.json").json()
    document = client.get("/api/documents").json()["documents"][0]["id"]
    answers = {
        "/api/stats": "/api/stats",
        "/api/search": "/api/search?q=workers&sentences=true",
        "/api/documents/{document_id}": f"/api/documents/{document}",
        "/api/screenings": "/api/screenings",
        "/api/screenings/{screening_id}": f"/api/screenings/{stored.screening}",
        "/api/match": "/api/match?name=Taesong%20Bank",
        "/api/screenings/{old_id}/diff/{new_id}": (
            f"/api/screenings/{stored.screening}/diff/{stored.screening + 1}"
        ),
    }
    for path, url in answers.items():
        answer = client.get(url)
        assert answer.status_code == 200, (url, answer.text)
        schema = answer_schema(spec, path)
        assert schema.get("properties"), path
        conform(answer.json(), schema, spec, url)
    # What the answers above hold, so the walk looked at more than empty lists.
    hits = client.get("/api/search?q=workers&sentences=true").json()["hits"]
    assert hits and "sentence_position" in hits[0]
    runs = client.get("/api/screenings").json()["screenings"]
    assert len(runs) == 2 and runs[0]["lists"]
    assert client.get("/api/match?name=Taesong%20Bank").json()["hits"]


def test_answers_are_the_bytes_they_were_before_the_shapes(stored: Stored) -> None:
    client = stored.client
    documents = client.get("/api/documents").json()["documents"]
    assert len(documents) == 3
    incidents = client.get("/api/incidents").json()["incidents"]
    actor = next(a for i in incidents for a in i["actors"])
    urls = [
        "/api/stats",
        "/api/documents",
        "/api/documents?limit=2&offset=1",
        *(f"/api/documents/{d['id']}" for d in documents),
        "/api/search?q=workers",
        "/api/search?q=workers&sentences=true",
        "/api/search?q=workers&country=PK&published_from=2000",
        "/api/search?q=nothing-matches-this",
        "/api/map",
        "/api/incidents",
        f"/api/entities/{actor}",
        "/api/entities/Taesong%20Bank",
        "/api/lists",
        "/api/match?name=Taesong%20Bank",
        "/api/match?name=Pyongyang%20Garment&country=KP&schema=Organization",
        f"/api/screen/{stored.job}",
        "/api/audit",
        "/api/screenings",
        "/api/screenings?limit=1&offset=1",
        f"/api/screenings/{stored.screening}",
        f"/api/screenings/{stored.screening}?level=high",
        f"/api/screenings/{stored.screening}/diff/{stored.screening + 1}",
    ]
    for url in urls:
        declared = client.get(url)
        undeclared = client.get(UNDECLARED + url.removeprefix("/api"))
        assert declared.status_code == undeclared.status_code == 200, url
        assert declared.content == undeclared.content, url


def test_errors_are_documented_in_the_shape_the_api_answers(local: TestClient) -> None:
    document = local.get("/openapi.json").json()
    assert "HTTPValidationError" not in json.dumps(document)
    invalid = document["paths"]["/api/search"]["get"]["responses"]["422"]
    reference = invalid["content"]["application/json"]["schema"]["$ref"]
    error = document["components"]["schemas"][reference.rsplit("/", 1)[1]]
    assert set(error["properties"]) == {"error"}
    assert not any(not path.startswith("/api") for path in document["paths"])
