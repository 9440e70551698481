"""Given names that one person's documents and the reports about them spell apart.

Ukrainians and Russians write one name differently (Ihor and Igor, Mykola and
Nikolay, Hennadiy and Gennady): lists write a person as one country's documents
do, reports and supplier files as the other's (OFAC lists YANUKOVYCH, Viktor
Fedorovych and SECHIN, Igor). The pairs are in ``data/east_slavic_given_names.csv``.
An Arabic or Persian given name has several romanisations in common use (Muhammad,
Mohammed, Mohamed; Husayn, Hussein, Hossein; Qasim, Ghasem): they are in
``data/arabic_given_names.csv``. Each table gives its sources in its ``source``
column and each spelling as written ("Serhii" and "Serhiy" are both there): a
looser comparison would read "Ole" as Oleh, and so as Oleg.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files

# Each table, the columns that hold a name's spellings (separated by "|"), and
# whether they are romanisations of one written form, as a vowel written otherwise
# is (`align`'s "vowels"), rather than one name's forms in two languages.
TABLES = {
    "east_slavic_given_names.csv": (("ukrainian", "russian"), False),
    "arabic_given_names.csv": (("spellings",), True),
}


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[int, bool]]:
    """Each spelling in lower case, with the number of its row (one name) and
    whether its table is of romanisations."""
    names: dict[str, tuple[int, bool]] = {}
    number = 0
    for table, (columns, romanised) in TABLES.items():
        path = files("laborwatch.match") / "data" / table
        for row in csv.DictReader(path.read_text(encoding="utf-8").splitlines()):
            for column in columns:
                for spelling in row[column].split("|"):
                    names[spelling.lower()] = (number, romanised)
            number += 1
    return names


def is_given_name(word: str) -> bool:
    """Whether a word (lower case) is a spelling `same_given_name` knows."""
    return word in _names()


def same_given_name(first: str, second: str) -> bool:
    """Whether two words (lower case) are one given name in two of its spellings."""
    names = _names()
    found = names.get(first)
    return found is not None and found == names.get(second)


def romanised_given_name(word: str) -> bool:
    """Whether a spelling `same_given_name` knows is one of several romanisations
    of a name (Mohammed, Muhammad), not its form in one language (Ihor, Igor)."""
    found = _names().get(word)
    return found is not None and found[1]
