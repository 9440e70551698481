"""The risk register read from stored evidence; SQLite and, when configured,
PostgreSQL. The reports are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from laborwatch.documents import Document
from laborwatch.errors import BadInput
from laborwatch.extract import split_sentences
from laborwatch.extract.pipeline import analyze
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.lists.dol import load_dol_xml
from laborwatch.store import Database, SaveResult, save_document
from laborwatch.store.lists import save_list
from laborwatch.store.risk import RiskFilters, RiskRow, risk_register
from tests.conftest import SHARED_DATA

SEED = SHARED_DATA / "seed" / "000_1a465e4e39ad20fb.txt"

GEMS = (
    "Girls polish gems for export\n\n"
    "Teenage girls are made to polish gemstones by hand at a factory in South "
    "Pyongan Province, North Korea, working twelve hours a day.\n\n"
    "The cadres focus on fulfilling the quotas set by the Ministry of Foreign Trade, "
    "and those who complain are beaten.\n\n"
    "The polished gems are exported to the United States."
)
# The same report re-published with an editor's note and a new closing line:
# too different for ingest's near-duplicate check, yet it copies the evidence.
REPUBLISHED = (
    "Editor's note: this article first appeared on a partner site and is "
    "republished with permission. Our correspondents could not verify it "
    "independently, and the regime did not answer our questions about it.\n\n"
    + GEMS
    + "\n\nRead more of our coverage of the gem trade, sanctions and exports in our "
    "weekly newsletter, with analysis from our regional desk and guest writers."
)
OTHER = (
    "Gem workshops in North Hamgyong\n\n"
    "Workers at gem polishing workshops in North Hamgyong Province, North Korea, say "
    "their wages are withheld for months and guards stop them from leaving."
)


def store(
    database: Database,
    text: str,
    *,
    url: str | None = None,
    site: str | None = None,
    published: str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> SaveResult:
    """Store a report with its evidence, as ``laborwatch ingest`` does."""
    document = Document.create(
        text,
        source=source or url or "",
        media_type="text/html" if url else "text/plain",
        url=url,
        site=site,
        published=published,
        title=title,
        language="en",
    )
    evidence = analyze(document)
    return save_document(
        database,
        document,
        split_sentences(document),
        minhash_signature(document.text),
        near_duplicate_threshold=0.8,
        evidence=evidence,
    )


def row(rows: list[RiskRow], country: str, subdivision: str | None) -> RiskRow:
    (found,) = [
        r
        for r in rows
        if (r.country, r.subdivision, r.good) == (country, subdivision, "gems")
    ]
    return found


def test_seed_gives_north_korea_gems_with_its_sentences(database: Database) -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} not found: the seed report lives in ../shared/data")
    document = Document.create(
        SEED.read_text(), source=str(SEED), media_type="text/plain", language="en"
    )
    evidence = analyze(document)
    save_document(
        database,
        document,
        evidence.sentences,
        minhash_signature(document.text),
        near_duplicate_threshold=0.8,
        evidence=evidence,
    )
    rows = risk_register(database, RiskFilters(country="KP")).rows
    whole = row(rows, "KP", None)
    assert {r.subdivision for r in rows} == {None, "KP-02", "KP-03", "KP-08"}
    assert whole.hs == "7103"
    assert whole.strength == "single source, state-imposed"
    assert (whole.state_imposed, whole.children) == (True, True)
    positions = {s.position for s in whole.sentences}
    assert {s.document_id for s in whole.sentences} == {document.id}
    for words in ("teenage girls with soft hands", "quotas set by the Ministry"):
        sentence = next(s for s in evidence.sentences if words in s.text)
        assert sentence.position in positions
    assert positions == set(evidence.incidents[0].sentences)


def test_copies_of_one_report_count_as_one_source(database: Database) -> None:
    first = store(database, GEMS, url="https://www.dailynk.com/gems", site="Daily NK")
    copy = store(database, GEMS, url="https://mirror.example.org/gems", site="Mirror")
    republished = store(
        database, REPUBLISHED, url="https://news.example.net/gems", site="Gem News"
    )
    assert copy.outcome == "duplicate"
    # Stored as a document of its own: only the shared sentences tie it to the first.
    assert republished.outcome == "ingested"
    assert republished.document_id != first.document_id
    whole = row(risk_register(database).rows, "KP", None)
    assert (whole.documents, whole.sources) == (2, 1)
    assert whole.strength == "single source, state-imposed"


def test_two_publishers_corroborate(database: Database) -> None:
    store(
        database,
        GEMS,
        url="https://www.dailynk.com/gems",
        site="Daily NK",
        published="2023-02-03",
    )
    store(database, OTHER, url="https://rfa.example.org/gems", published="2024-05-01")
    # A second report from the first publisher is not a second source.
    store(
        database,
        OTHER.replace("North Hamgyong", "Ryanggang"),
        url="https://dailynk.com/other",
        published="2021-07-09",
    )
    whole = row(risk_register(database).rows, "KP", None)
    assert (whole.documents, whole.sources) == (3, 2)
    assert whole.publishers == ("dailynk.com", "rfa.example.org")
    assert whole.strength == "corroborated, state-imposed"
    assert (whole.first_evidence, whole.last_evidence) == ("2021-07-09", "2024-05-01")
    # The subdivision rows are narrower: each has one report.
    assert row(risk_register(database).rows, "KP", "KP-02").sources == 1


def test_one_host_is_one_publisher_whatever_its_name(database: Database) -> None:
    store(database, GEMS, url="https://www.dailynk.com/gems", site="Daily NK")
    store(database, OTHER, url="https://dailynk.com/other", site="DailyNK")
    assert row(risk_register(database).rows, "KP", None).sources == 1


def test_files_of_one_folder_are_one_publisher(database: Database) -> None:
    store(database, GEMS, source="/reports/agency/gems.txt")
    store(database, OTHER, source="/reports/agency/hamgyong.txt")
    assert row(risk_register(database).rows, "KP", None).sources == 1
    store(
        database,
        OTHER.replace("North Hamgyong", "Ryanggang"),
        source="/reports/ngo/ryanggang.txt",
    )
    whole = row(risk_register(database).rows, "KP", None)
    assert whole.publishers == ("folder /reports/agency", "folder /reports/ngo")
    assert whole.sources == 2


def test_min_sources_keeps_corroborated_rows(database: Database) -> None:
    store(database, GEMS, url="https://www.dailynk.com/gems", site="Daily NK")
    store(database, OTHER, url="https://rfa.example.org/gems")
    rows = risk_register(database, RiskFilters(min_sources=2)).rows
    assert [(r.country, r.subdivision, r.good) for r in rows] == [("KP", None, "gems")]
    assert len(risk_register(database).rows) == 3


def test_destination_is_not_a_risk_area(database: Database) -> None:
    store(database, GEMS, url="https://www.dailynk.com/gems")
    rows = risk_register(database).rows
    assert {r.country for r in rows} == {"KP"}


def test_other_countries_of_a_report_pair_with_a_good_only_in_its_clause(
    database: Database,
) -> None:
    store(
        database,
        "Cattle herders in Uganda\n\n"
        "In Uganda, children are forced to herd cattle for no pay and are beaten by "
        "the herd owners. Uganda's labour inspectors rarely visit the cattle camps, "
        "and children who ran away from Ugandan camps were beaten. Recruiters "
        "deceive Ugandan women with offers of work abroad; they are exploited in "
        "domestic work in Malaysia, where employers take their passports. Migrant "
        "workers in Kenya said they were forced to herd cattle for months without "
        "pay.",
        url="https://example.org/uganda",
    )
    areas = {(r.country, r.good) for r in risk_register(database).rows}
    assert ("UG", "cattle") in areas  # the country the report is about
    assert ("KE", "cattle") in areas  # named beside cattle in one clause
    assert ("MY", "cattle") not in areas  # another clause, another good
    assert ("MY", "domestic work") in areas


def test_filters_by_good_hs_code_and_date(database: Database) -> None:
    store(database, GEMS, url="https://a.example/1", published="2020-01-01")
    store(database, OTHER, url="https://b.example/2", published="2024-05-01")
    assert risk_register(database, RiskFilters(good="cotton")).rows == []
    assert risk_register(database, RiskFilters(good="7103")).rows
    # A word goods.csv gives for the good names it too.
    assert risk_register(database, RiskFilters(good="Gemstones")).rows == (
        risk_register(database, RiskFilters(good="gems")).rows
    )
    later = risk_register(database, RiskFilters(country="North Korea", since="2023"))
    assert {r.subdivision for r in later.rows} == {None, "KP-09"}
    assert all(r.documents == 1 for r in later.rows)


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (RiskFilters(country="Atlantis"), "--country Atlantis: not a known country"),
        (RiskFilters(good="unobtainium"), "--good unobtainium: not a known good"),
        (RiskFilters(since="last week"), "--since last week: not a date"),
        (RiskFilters(since="2024-13-45"), "--since 2024-13-45: not a date"),
        (RiskFilters(since="2023-02-29"), "--since 2023-02-29: not a date"),
        (RiskFilters(country="x" * 100_000), f"--country {'x' * 59}…: not a known"),
    ],
)
def test_bad_filters_are_refused(
    database: Database, filters: RiskFilters, message: str
) -> None:
    with pytest.raises(BadInput, match=message):
        risk_register(database, filters)


DOL_XML = (
    "<Goods>"
    "<Good><Good_Name>Gems</Good_Name><Countries><Country>"
    "<Country_Name>Korea, North</Country_Name><Child_Labor>Yes</Child_Labor>"
    "<Forced_Labor>Yes</Forced_Labor><Forced_Child_Labor>No</Forced_Child_Labor>"
    "</Country></Countries></Good>"
    "<Good><Good_Name>Bricks</Good_Name><Countries><Country>"
    "<Country_Name>Pakistan</Country_Name><Child_Labor>Yes</Child_Labor>"
    "<Forced_Labor>Yes</Forced_Labor><Forced_Child_Labor>No</Forced_Child_Labor>"
    "</Country></Countries></Good>"
    "</Goods>"
)


def test_compare_with_the_dol_list(database: Database, tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no DOL list loaded"):
        risk_register(database, compare_dol=True)
    dol = tmp_path / "goods.xml"
    dol.write_text(DOL_XML)
    save_list(database, load_dol_xml(dol))
    store(database, GEMS, url="https://www.dailynk.com/gems")
    register = risk_register(database, compare_dol=True)
    assert all(r.dol is True for r in register.rows)
    assert [(p.country, p.good) for p in register.dol_without_evidence or []] == [
        ("PK", "bricks")
    ]
    only_korea = risk_register(database, RiskFilters(country="KP"), compare_dol=True)
    assert only_korea.dol_without_evidence == []


def test_dol_comparison_by_hs_code_lists_only_that_codes_goods(
    database: Database, tmp_path: Path
) -> None:
    dol = tmp_path / "goods.xml"
    dol.write_text(DOL_XML)
    save_list(database, load_dol_xml(dol))
    store(database, OTHER, url="https://b.example/2")
    # HS 6901 is bricks: the comparison lists Pakistan's bricks, not other goods.
    bricks = risk_register(database, RiskFilters(good="6901"), compare_dol=True)
    assert [(p.country, p.good) for p in bricks.dol_without_evidence or []] == [
        ("PK", "bricks")
    ]
    cotton = risk_register(database, RiskFilters(good="5201"), compare_dol=True)
    assert cotton.dol_without_evidence == []
