"""Index keys: what a name is looked up by."""

from __future__ import annotations

import random
import string

from laborwatch.match.keys import index_keys
from laborwatch.match.normalise import tokenise


def _word(length: int) -> str:
    rng = random.Random(length)
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(length))


def test_a_typo_key_is_made_for_each_letter_of_a_name_word() -> None:
    keys = index_keys(tokenise("Sovkombank"), consonants=False)
    assert "~sovkombnk" in keys and "~ovkombank" in keys


def test_a_very_long_word_makes_few_keys() -> None:
    # A word with each letter left out is a key of its own: for a 20,000-letter
    # cell that was 20,000 keys of 20,000 letters (400 MB, kept in a cache), and a
    # CSV field may hold 131,072 characters.
    keys = index_keys(tokenise(_word(20_000)), consonants=True)
    assert len(keys) <= 4
    assert sum(map(len, keys)) < 100_000
