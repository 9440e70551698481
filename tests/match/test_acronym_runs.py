"""An acronym in a query for a run of a listed name's words: reports write the body
above the one listed by its initials ("MSS Prisons Bureau", "IRGC Cyber-Electronic
Command"). Only for a run naming a body, with an identifying word left outside it,
and a little below the name written out. The entries are written for these tests in
the shape of the lists' rows."""

import pytest

from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_body

MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            listed_body("19789", "MINISTRY OF STATE SECURITY PRISONS BUREAU", "KP"),
            listed_body(
                "19790", "MINISTRY OF PEOPLE'S SECURITY CORRECTIONAL BUREAU", "KP"
            ),
            listed_body(
                "23475",
                "ISLAMIC REVOLUTIONARY GUARD CORPS CYBER ELECTRONIC COMMAND",
                "IR",
            ),
            listed_body("25450", "KHAZAR SEA SHIPPING LINES", "IR"),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("MSS Prisons Bureau", "19789"),
        ("MPS Correctional Bureau", "19790"),
        ("IRGC Cyber-Electronic Command", "23475"),
    ],
)
def test_an_acronym_for_the_body_above_finds_the_body(
    query: str, entry_id: str
) -> None:
    assert first(MATCHER, Query(query)) == entry_id


def test_the_name_written_out_scores_higher() -> None:
    (written,) = MATCHER.match(Query("Ministry of State Security Prisons Bureau"))
    (acronym,) = MATCHER.match(Query("MSS Prisons Bureau"))
    assert acronym.score < written.score == 1.0
    assert "acronym" in str(acronym.record())


@pytest.mark.parametrize(
    "query",
    [
        # the run holds every identifying word but one common to many names, and
        # names no body: a South Korean shipping line
        "KSS Line",
        # two letters are too few to stand for a run
        "MS Prisons Bureau",
    ],
)
def test_no_run_for_other_initials(query: str) -> None:
    assert first(MATCHER, Query(query, "Organization", "KR")) is None
