"""Numbers written as words, shared by the extractors that read counts and sums."""

from __future__ import annotations

_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = (
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)  # fmt: skip

# "eight" is 8, "thirty" is 30: every number word below a hundred that stands alone.
WORD_NUMBERS: dict[str, int] = {word: value for value, word in enumerate(_ONES)} | {
    word: 10 * value for value, word in enumerate(_TENS, start=2)
}


def word_number(word: str) -> int | None:
    """The value of one number word, "eight", "twelve" or "thirty-eight"; None for
    anything else ("dozens", "2.5 million")."""
    tens, _, unit = word.lower().partition("-")
    if not unit:
        return WORD_NUMBERS.get(tens)
    if tens in _TENS and unit in _ONES[1:10]:
        return WORD_NUMBERS[tens] + WORD_NUMBERS[unit]
    return None
