"""Given names Ukrainians and Russians write differently: Ihor and Igor, Mykola and
Nikolay, Hennadiy and Gennady.

Lists write a person as one country's documents do, reports and supplier files as
the other's: OFAC lists YANUKOVYCH, Viktor Fedorovych and SECHIN, Igor. The pairs
are in ``data/east_slavic_given_names.csv`` (sources in its ``source`` column),
each spelling as written ("Serhii" and "Serhiy" are both there): a looser
comparison would read "Ole" as Oleh, and so as Oleg.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _name_numbers() -> dict[str, int]:
    """Each spelling in lower case, with the number of its row (one name)."""
    path = files("laborwatch.match") / "data" / "east_slavic_given_names.csv"
    numbers: dict[str, int] = {}
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines())
    for number, row in enumerate(rows):
        for spelling in (*row["ukrainian"].split("|"), *row["russian"].split("|")):
            numbers[spelling.lower()] = number
    return numbers


def is_given_name(word: str) -> bool:
    """Whether a word (lower case) is a spelling `same_given_name` knows."""
    return word in _name_numbers()


def same_given_name(first: str, second: str) -> bool:
    """Whether two words (lower case) are one given name in its Ukrainian and its
    Russian form."""
    numbers = _name_numbers()
    number = numbers.get(first)
    return number is not None and number == numbers.get(second)
