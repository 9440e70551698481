"""A screened row's typed findings and their stored JSON shape."""

from __future__ import annotations

import json

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.match import Feature, Hit
from laborwatch.screen.findings import (
    CountryGoodFinding,
    NamedEvidence,
    Quote,
    RegisterEvidence,
    ReportRef,
    SanctionsFinding,
)
from laborwatch.screen.screening import Screening
from laborwatch.screen.suppliers import SupplierRow

REPORT = ReportRef("ab" * 32, "Girls polish gems", "2023-05-04", None, "example.org")
QUOTE = Quote(3, 120, 188, "Girls polish gems bare-handed.", ("abusive_conditions",))


def screened() -> Screening:
    return Screening(
        row=2,
        name="Korea Taesong Trading",
        level="high",
        reasons=["a reason"],
        rules=["caatsa_321b"],
        sanctions_hits=[
            SanctionsFinding.of(
                "supplier",
                Hit(
                    list_id="us_ofac_sdn",
                    entry_id="123",
                    schema="Organization",
                    caption="KOREA TAESONG TRADING COMPANY",
                    matched_name="KOREA TAESONG TRADING COMPANY",
                    score=0.91,
                    features=(Feature("tokens", 0.91, {"shared": ["taesong"]}),),
                    countries=("KP",),
                    programs=("DPRK3",),
                ),
                country_conflict=True,
            )
        ],
        country_good=[CountryGoodFinding("us_dol", "gems", "KP", ("forced labour",))],
        evidence=[
            NamedEvidence(
                document=REPORT,
                actor="Taesong",
                score=0.88,
                quotes=(QUOTE,),
                north_korea=True,
            ),
            RegisterEvidence(
                document=REPORT,
                good="gems",
                country="KP",
                quotes=(QUOTE,),
                subdivision="KP-02",
                strength="single source",
                independent_sources=1,
            ),
        ],
        supplier=SupplierRow(
            2, "Korea Taesong Trading", "KP", "", "", "gems", "", "", ""
        ),
    )


def test_a_stored_row_reads_back_as_the_same_findings() -> None:
    record = screened().record()
    stored = json.loads(json.dumps(record))
    again = Screening.from_record(stored)
    assert again == screened()
    assert again.record() == record
    assert isinstance(again.evidence[1], RegisterEvidence)
    assert again.sanctions_hits[0].features[0].detail == {"shared": ["taesong"]}
    assert list(record["sanctions_hits"][0])[:2] == ["screened", "list"]
    assert list(record["evidence"][1])[:2] == ["kind", "document"]


def test_a_row_stored_by_an_older_version_reads_with_defaults() -> None:
    """Older rows lack rules, the supplier, hits' schema, quotes' sources and
    register strength."""
    old = {
        "row": 5,
        "name": "Some Supplier",
        "level": "medium",
        "reasons": ["why"],
        "sanctions_hits": [
            {
                "screened": "parent company",
                "list": "un_sc_consolidated",
                "entry_id": "KPe.001",
                "caption": "KOREA MINING DEVELOPMENT TRADING CORPORATION",
                "matched_name": "KOMID",
                "score": 0.8,
                "countries": ["KP"],
                "programs": [],
                "features": [],
            }
        ],
        "evidence": [
            {
                "kind": "country_good",
                "document": {"id": "cd" * 32},
                "good": "coal",
                "country": "KP",
                "quotes": [{"sentence": 1, "start": 0, "end": 9, "text": "Mined coal"}],
            }
        ],
    }
    screening = Screening.from_record(old)
    assert screening.rules == [] and screening.supplier is None
    (hit,) = screening.sanctions_hits
    assert hit.screened == "parent company" and not hit.country_conflict
    assert hit.schema == "" and hit.features == ()
    (item,) = screening.evidence
    assert isinstance(item, RegisterEvidence) and item.strength is None
    assert item.quotes[0].indicators == () and item.quotes[0].document is None
    record = screening.record()
    assert record["supplier"] == {} and record["country_good"] == []
    assert record["evidence"][0]["document"]["title"] is None


def test_a_stored_row_no_version_wrote_is_refused_in_one_line() -> None:
    record = screened().record()
    record["evidence"][0]["kind"] = "rumour"
    with pytest.raises(LaborwatchError, match=r"^stored screening row 2: unreadable"):
        Screening.from_record(record)
    with pytest.raises(LaborwatchError, match="no row number"):
        Screening.from_record({"name": "x"})
