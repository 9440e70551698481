"""A Russian or Ukrainian person named by given name and surname, without the
patronymic the list adds, is found at the threshold when both words are the
listed ones (or their other spellings); a surname spelt a letter off stays under
it, since it is as often another man. The entries are written for these tests in
the shape of OFAC SDN rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_person

MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            listed_person("40266", "KUYVASHEV, Evgeniy Vladimirovich", "RU"),
            listed_person("38236", "PUMPYANSKIY, Dmitriy Aleksandrovich", "RU"),
            listed_person("24283", "DERIPASKA, Oleg Vladimirovich", "RU"),
            listed_person("1", "PETROVA, Yelena Sergeyevna", "RU"),
            listed_person("16762", "AZAROV, Mykola Yanovych", "RU"),
            # Surnames that end as patronymics do.
            listed_person("2", "MIKLASHEVICH, Petr Petrovich", "RU"),
            ListEntry("3", "Person", "BARICH, Mohammad Naim", countries=("AF",)),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("Yevgeny Kuivashev", "40266"),
        ("Dmitry Pumpyansky", "38236"),
        ("Oleg Deripaska", "24283"),
        ("Elena Petrova", "1"),
        ("Mykola Azarov", "16762"),  # a Ukrainian patronymic, -ovych
    ],
)
def test_a_person_without_the_patronymic_is_found(query: str, entry_id: str) -> None:
    hits = MATCHER.match(Query(query, schema="Person", country="RU"))
    assert hits and hits[0].entry_id == entry_id
    name = next(f for f in hits[0].features if f.name == "name")
    assert name.detail["patronymic_left_out"]


@pytest.mark.parametrize(
    "query",
    [
        "Oleg Deripasko",  # a surname spelt a letter off: another man
        "Oleg Vladimirovich",  # given name and patronymic, no surname
        "Petr Petrovich",  # MIKLASHEVICH's surname ends as a patronymic does
        "Mohammad Naim",  # and so does BARICH's
    ],
)
def test_a_near_spelling_or_a_missing_surname_is_not_forgiven(query: str) -> None:
    assert first(MATCHER, Query(query, schema="Person")) is None
