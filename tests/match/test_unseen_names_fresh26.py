"""Classes of name the matcher missed on the twenty-sixth held-out set: Chinese
places and an English loanword in Hangul as Korean news write Chinese firms'
names (다롄, 랴오닝, 인터네셔널), 화물 and 운송 as the lists translate them (freight,
forwarding), and a military rank in Persian or Arabic script before a person's
name (سردار, العميد). The entries are written for these tests in the shape of the
lists' rows."""

import pytest

from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_body, listed_person

MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            listed_body("26243", "DALIAN HAIBO INTERNATIONAL FREIGHT CO. LTD.", "CN"),
            listed_body("23825", "KINGLY WON INTERNATIONAL CO., LTD.", "TW"),
            listed_person("12945", "ARAGHI, Abdollah", "IR"),
            listed_person("30000", "SARDARI, Ali", "IR"),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "schema", "country", "entry_id"),
    [
        ("다롄하이보 국제화물", "Organization", "CN", "26243"),
        ("킹리 원 인터네셔널", "Organization", "TW", "23825"),
        ("سردار عبدالله عراقی", "Person", "IR", "12945"),
        ("العميد عبدالله عراقي", "Person", "IR", "12945"),
    ],
)
def test_the_listed_entry_is_found(
    query: str, schema: str, country: str, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, schema, country)) == entry_id


def test_a_rank_is_dropped_only_before_a_name() -> None:
    # سرداری (Sardari) is a surname, not the rank سردار.
    assert first(MATCHER, Query("علی سرداری", "Person", "IR")) == "30000"
