"""Classes of name the matcher missed on the fifteenth held-out set: Russian plants
by the Russian words OFAC translates (трубный pipe, новотрубный new pipe), in
Cyrillic and in transliteration, and by other translations of its English
("Forging and Pressing", "Gunpowder"); and not a plant of the same town that
makes something else, nor a Slovak Prešov or a surname Porokhov read as words of
them. The entries are written for these tests in the shape of OFAC SDN rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from tests.match.helpers import first


def _plant(entry_id: str, name: str) -> ListEntry:
    return ListEntry(
        entry_id,
        "Organization",
        name,
        countries=("RU",),
        programs=("RUSSIA-EO14024",),
    )


MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            _plant(
                "forge", "PUBLIC JOINT STOCK COMPANY CHELYABINSK FORGE AND PRESS PLANT"
            ),
            _plant("powder", "FEDERAL STATE ENTERPRISE PERM POWDER PLANT"),
            _plant("volzhsky", "JOINT STOCK COMPANY VOLZHSKIY PIPE PLANT"),
            _plant("pervouralsk", "JOINT STOCK COMPANY PERVOURALSKIY NEW PIPE PLANT"),
            _plant("rolling", "JOINT STOCK COMPANY CHELYABINSK PIPE ROLLING PLANT"),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("Chelyabinsk Forging and Pressing Plant", "forge"),
        ("Perm Gunpowder Plant", "powder"),
        ("Волжский трубный завод", "volzhsky"),
        ("Volzhsky Trubny Zavod", "volzhsky"),
        ("Первоуральский новотрубный завод", "pervouralsk"),
    ],
)
def test_a_russian_plant_is_found_by_its_russian_words(
    query: str, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, country="RU")) == entry_id


@pytest.mark.parametrize(
    "query",
    ["Chelyabinsk Tractor Plant", "Volzhsky Abrasive Plant", "Perm Motor Plant"],
)
def test_a_plant_of_the_same_town_that_makes_something_else_is_not_found(
    query: str,
) -> None:
    hits = MATCHER.match(Query(query, country="RU"))
    assert not hits


def test_words_like_the_russian_ones_are_not_read_as_them() -> None:
    # "Presov" (Prešov) is no "press", the surname Porokhov no "powder".
    matcher = Matcher(
        [
            ("us_ofac_sdn", _plant("presov", "TATRAVAGONKA PRESOV")),
            (
                "us_ofac_sdn",
                ListEntry(
                    "porokhov",
                    "Person",
                    "POROKHOV, Ivan",
                    countries=("RU",),
                    programs=("RUSSIA-EO14024",),
                ),
            ),
        ]
    )
    assert not matcher.match(Query("Tatravagonka Press"))
    assert not matcher.match(Query("Ivan Powder", schema="Person"))
