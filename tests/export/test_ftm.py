"""``export --format ftm``: the output loads with followthemoney and every entity
validates against its schema; SQLite and, when configured, PostgreSQL. The report
is the seed's opening (Daily NK, in ../shared/data/seed), shortened for speed."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy

from laborwatch.export.ftm import is_proper_name, write_ftm
from laborwatch.store import Database, open_database
from tests.conftest import run_cli
from tests.store.test_risk import OTHER, store

SEED_LIKE = (
    "Regime resorts to child labor in jewel factory scheme\n\n"
    "Trading companies affiliated with the Daesung General Bureau are reportedly "
    "seeking teenage girls with soft hands for employment as manual polishers at "
    "gemstone-processing plants.\n\n"
    "Young female students are being selected to work in gemstone-processing "
    "factories in South Pyongan Province, North Korea, a source told Daily NK.\n\n"
    "The cadres are completely focused on fulfilling the quotas set by the "
    "Ministry of Foreign Trade, and those who complain are kicked out."
)
URL = "https://www.dailynk.com/english/regime-resorts-child-labor-jewel-factory/"


def export(database: Database) -> str:
    out = io.StringIO()
    write_ftm(database, out)
    return out.getvalue()


def entities(text: str) -> list[EntityProxy]:
    """Each line as FollowTheMoney reads it, checked against its schema: a known,
    concrete schema; only properties it has; its required properties present;
    every value valid for its type and already clean (cleaning it anew changes
    nothing); entity references pointing at exported entities."""
    rows = [json.loads(line) for line in text.splitlines()]
    proxies = [model.get_proxy(row) for row in rows]
    ids = {proxy.id for proxy in proxies}
    assert len(ids) == len(rows), "entity ids are unique"
    for row, proxy in zip(rows, proxies, strict=True):
        schema = model.get(row["schema"])
        assert schema is not None and not schema.abstract, row["schema"]
        unknown = set(row["properties"]) - set(schema.properties)
        assert not unknown, f"{row['schema']} has no {unknown}"
        missing = {name for name in schema.required if not row["properties"].get(name)}
        assert not missing, f"{row['schema']} lacks {missing}"
        schema.validate(row)  # raises InvalidData on a value its type refuses
        recleaned = model.get_proxy(row, cleaned=False)
        assert recleaned.to_dict()["properties"] == row["properties"]
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids, f"{row['schema']}.{prop.name} -> {value}"
    return proxies


def of_schema(proxies: list[EntityProxy], schema: str) -> list[EntityProxy]:
    return [p for p in proxies if p.schema.name == schema]


def test_seed_like_report_gives_document_public_body_and_mention(
    database: Database,
) -> None:
    saved = store(
        database,
        SEED_LIKE,
        url=URL,
        title="Regime resorts to child labor in jewel factory scheme",
        site="dailynk.com",
        published="2023-02-03",
    )
    proxies = entities(export(database))

    (document,) = of_schema(proxies, "Document")
    assert document.get("title") == [
        "Regime resorts to child labor in jewel factory scheme"
    ]
    assert document.get("sourceUrl") == [URL]
    assert document.get("publishedAt") == ["2023-02-03"]
    assert document.get("language") == ["eng"]
    assert document.get("mimeType") == ["text/html"]
    assert document.get("fileName") == ["regime-resorts-child-labor-jewel-factory"]
    assert document.get("detectedCountry") == ["kp"]
    assert saved.document_id in document.first("notes")

    (bureau,) = [
        p
        for p in proxies
        if p.schema.is_a("LegalEntity") and p.caption == "Daesung General Bureau"
    ]
    assert bureau.schema.is_a("Organization")  # PublicBody by the extractor's kind
    assert bureau.schema.name == "PublicBody"
    assert bureau.get("proof") == [document.id]

    (mention,) = [
        m for m in of_schema(proxies, "Mention") if m.get("resolved") == [bureau.id]
    ]
    assert mention.get("document") == [document.id]
    assert "Daesung General Bureau" in mention.get("name")

    (link,) = [
        x for x in of_schema(proxies, "UnknownLink") if x.get("subject") == [bureau.id]
    ]
    assert link.get("object") == [document.id]
    sentence = link.first("description")
    assert sentence is not None and sentence.startswith("Trading companies affiliated")
    assert link.get("recordId") == [f"{saved.document_id}#s1"]
    summary = link.first("summary") or ""
    start = SEED_LIKE.index("Daesung")
    assert f"at characters {start}-{start + len('Daesung General Bureau')}" in summary

    (province,) = of_schema(proxies, "Address")
    assert province.get("region") == ["South Pyongan Province"]
    assert province.get("country") == ["kp"]
    assert province.get("remarks") == ["work site"]


def test_every_entity_validates_on_several_reports(database: Database) -> None:
    store(database, SEED_LIKE, url=URL, published="2023-02-03")
    store(database, OTHER, url="https://rfa.example.org/gems", published="2024-05-01")
    proxies = entities(export(database))
    assert len(of_schema(proxies, "Document")) == 2
    assert {p.schema.name for p in proxies} >= {"Document", "Mention", "UnknownLink"}


def test_ids_are_stable_across_exports(database: Database) -> None:
    store(database, SEED_LIKE, url=URL, published="2023-02-03")
    first = export(database)
    assert export(database) == first
    # Another report stored later leaves the first report's entities as they were.
    store(database, OTHER, url="https://rfa.example.org/gems")
    later = {line for line in export(database).splitlines()}
    assert set(first.splitlines()) <= later


def test_cli_writes_file_and_stdout(database_url: str, tmp_path: Path) -> None:
    opened = open_database(database_url)
    store(opened, SEED_LIKE, url=URL)
    opened.close()
    target = tmp_path / "laborwatch.ftm.json"
    result = run_cli(
        "--db", database_url, "export", "--format", "ftm", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "entities from 1 documents" in result.stderr
    assert not list(tmp_path.glob(".*.partial"))
    piped = run_cli("--db", database_url, "export", "--format", "ftm")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == target.read_text(encoding="utf-8")
    entities(piped.stdout)


def test_cli_refuses_unwritable_output_in_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'laborwatch.db'}"
    target = tmp_path / "missing" / "out.json"
    result = run_cli("--db", url, "export", "--format", "ftm", "--output", str(target))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {target}: cannot write (No such file or directory)"
    ]


def test_cli_names_the_extra_when_followthemoney_is_missing(tmp_path: Path) -> None:
    # ``None`` in sys.modules makes ``import followthemoney`` fail as if absent.
    script = (
        "import sys; sys.modules['followthemoney'] = None\n"
        "from laborwatch.cli import main\n"
        f"sys.argv = ['laborwatch', '--db', {str(tmp_path / 'l.db')!r}, "
        "'export', '--format', 'ftm']\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: export --format ftm needs followthemoney: pip install 'laborwatch[ftm]'"
    ]


def test_unknown_property_is_refused_by_followthemoney() -> None:
    """The exporter's ``add`` is FtM's, which refuses a property a schema lacks:
    what keeps a misspelt property out of the export."""
    mention = model.make_entity("Mention")
    with pytest.raises(Exception, match="summary"):
        mention.add("summary", "a sentence")


def test_actors_named_by_function_are_not_exported(database: Database) -> None:
    store(
        database,
        "Kiln owners in Punjab\n\n"
        "Traffickers confiscated the workers' passports at the Punjab kiln, and "
        "armed groups guarded the site. The Sunrise Brick Company kept their wages "
        "for months. 대성총국 무역회사들이 노동자를 모집했다.",
        url="https://example.org/kilns",
    )
    names = {
        proxy.caption
        for proxy in entities(export(database))
        if proxy.schema.is_a("LegalEntity") or proxy.schema.name == "Vessel"
    }
    assert not names & {"traffickers", "Traffickers", "armed groups"}
    assert any("Sunrise" in name for name in names)


def test_proper_names_are_told_from_common_nouns() -> None:
    assert is_proper_name("Daesung General Bureau")
    assert is_proper_name("대성총국")
    assert not is_proper_name("traffickers")
    assert not is_proper_name("Traffickers")
    assert not is_proper_name("https://example.org/Report")
    assert not is_proper_name("armed groups")
