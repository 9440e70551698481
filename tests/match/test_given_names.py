"""A given name in its Ukrainian and its Russian form is one name: Ihor and Igor,
Hennadiy and Gennady, Olena and Yelena; other given names stay apart. The
entries are written for these tests in the shape of OFAC SDN rows."""

import csv
from importlib.resources import files

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from laborwatch.match.given_names import TABLES, same_given_name
from tests.match.helpers import first


def _person(entry_id: str, name: str) -> ListEntry:
    return ListEntry(
        entry_id, "Person", name, countries=("RU",), programs=("UKRAINE-EO13661",)
    )


MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            _person("1", "SECHIN, Igor"),
            _person("2", "TIMCHENKO, Gennady"),
            _person("3", "PETROVA, Yelena"),
            _person("4", "SIVKOVYCH, Volodymyr"),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("Ihor Sechin", "1"),
        ("Hennadiy Timchenko", "2"),
        ("Olena Petrova", "3"),
        ("Vladimir Sivkovych", "4"),
    ],
)
def test_the_other_languages_form_of_a_given_name_finds_the_person(
    query: str, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, schema="Person")) == entry_id


@pytest.mark.parametrize(
    "query",
    [
        "Oleg Sechin",
        "Olha Petrova",
        "Heorhiy Timchenko",
        "Vasyl Sivkovych",
        # Names of other languages spelt like a form in the table: Ole is not Oleh.
        "Ole Sechin",
        "Elen Petrova",
    ],
)
def test_another_given_name_is_not_made_the_same(query: str) -> None:
    hits = MATCHER.match(Query(query, schema="Person"))
    assert not hits or hits[0].score < 0.9


def test_the_tables_pair_each_spelling_with_its_own_row_only() -> None:
    spellings = []
    for table, (columns, _romanised) in TABLES.items():
        path = files("laborwatch.match") / "data" / table
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
        assert all(row["source"] for row in rows)
        spellings += [
            spelling.lower()
            for row in rows
            for column in columns
            for spelling in row[column].split("|")
        ]
    # No spelling in two rows, of one table or of both: a name would be two names.
    assert len(spellings) == len(set(spellings))
    assert same_given_name("ihor", "igor")
    assert not same_given_name("ihor", "oleh")
    assert not same_given_name("ole", "oleg")
