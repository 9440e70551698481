"""The first report to get right (shared/data/seed): the issue's bars, one by one."""

from pathlib import Path

import pytest

from laborwatch.documents import Document
from laborwatch.extract.evidence import Evidence
from laborwatch.extract.pipeline import analyze
from tests.conftest import SHARED_DATA

SEED = SHARED_DATA / "seed" / "000_1a465e4e39ad20fb.txt"


@pytest.fixture(scope="module")
def seed() -> tuple[Document, Evidence]:
    if not SEED.exists():
        pytest.skip(f"{SEED} not found: the seed report lives in ../shared/data")
    document = Document.create(
        Path(SEED).read_text(), source=str(SEED), media_type="text/plain", language="en"
    )
    return document, analyze(document)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("child_labour", "teenage girls with soft hands"),
        ("hazardous_child_work", "develop blisters"),
        ("intimidation", "forbidden from complaining"),
        ("vulnerability", "no choice but to endure"),
        ("abusive_conditions", "develop blisters"),
        ("withheld_wages", "5,000 KPW per month"),
        ("state_imposed", "quotas set by the Ministry of Foreign Trade"),
    ],
)
def test_seed_indicator_on_the_right_sentence(
    seed: tuple[Document, Evidence], code: str, words: str
) -> None:
    document, evidence = seed
    sentence = next(s for s in evidence.sentences if words in s.text)
    found = [
        i
        for i in evidence.indicators
        if i.code == code and i.span.sentence == sentence.position
    ]
    assert found, f"{code} not found on: {sentence.text}"
    assert document.text[found[0].span.start : found[0].span.end] == found[0].cue


def test_seed_actors(seed: tuple[Document, Evidence]) -> None:
    actors = {(a.name, a.kind) for a in seed[1].actors}
    assert ("Daesung General Bureau", "public_body") in actors
    assert ("Ministry of Foreign Trade", "public_body") in actors


def test_seed_places(seed: tuple[Document, Evidence]) -> None:
    assert {"KP-02", "KP-08", "KP-03"} <= {p.subdivision for p in seed[1].places}


def test_seed_good_is_gems(seed: tuple[Document, Evidence]) -> None:
    assert ("gems", "7103") in {(g.good, g.hs) for g in seed[1].goods}


def test_seed_wage(seed: tuple[Document, Evidence]) -> None:
    (money,) = seed[1].money
    assert (money.amount, money.currency, money.period, money.kind) == (
        5000,
        "KPW",
        "month",
        "wage",
    )


def test_seed_denial_is_not_evidence(seed: tuple[Document, Evidence]) -> None:
    document, evidence = seed
    denial_positions = {d.span.sentence for d in evidence.denials}
    assert any("has no human rights issues" in d.text for d in evidence.denials)
    assert not any(i.span.sentence in denial_positions for i in evidence.indicators)


def test_seed_source_is_cited(seed: tuple[Document, Evidence]) -> None:
    assert any(
        s.outlet == "Daily NK" and "South Pyongan Province" in s.speaker
        for s in seed[1].sources
    )


def test_seed_date_is_resolved_and_a_statement(seed: tuple[Document, Evidence]) -> None:
    # The seed has no publication date: the month and day are known, not the year.
    (told,) = [d for d in seed[1].dates if d.text == "February 3"]
    assert (told.value, told.kind) == ("--02-03", "statement")
    assert not any(d.text == "all day" for d in seed[1].dates)


def test_seed_provinces_are_work_sites(seed: tuple[Document, Evidence]) -> None:
    roles = {p.subdivision: p.role for p in seed[1].places if p.subdivision}
    assert roles == {"KP-02": "work site", "KP-08": "work site", "KP-03": "work site"}


def test_seed_actors_are_one_entry_each(seed: tuple[Document, Evidence]) -> None:
    from laborwatch.records import evidence_record

    names = [actor["name"].lower() for actor in evidence_record(seed[1])["actors"]]
    for wanted in (
        "daesung general bureau",
        "ministry of foreign trade",
        "trading companies",
        "cadres",
    ):
        assert names.count(wanted) == 1, names


def test_seed_normal_day_is_not_excessive_overtime(
    seed: tuple[Document, Evidence],
) -> None:
    document, evidence = seed
    sentence = next(s for s in evidence.sentences if "eight hours every day" in s.text)
    codes = {
        i.code for i in evidence.indicators if i.span.sentence == sentence.position
    }
    assert "excessive_overtime" not in codes
