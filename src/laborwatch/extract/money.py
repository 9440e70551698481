"""Money: amounts with currency, range, period and kind ("5,000 KPW per month", a wage).

Reads a sentence; adds one Money per amount stated with a currency ("USD 1,500",
"$300-400 a month", "2.5 million won", "five thousand won") and per share of wages
("60 to 80 percent of their wages", "half their wages"; currency "%"). An amount
in brackets or after "or about" just behind another is its conversion, marked so.

Read by rule rather than with price-parser: price-parser reads one price from a
price tag, so it finds neither several amounts nor ranges in a sentence, keeps
symbols ("US$", "RM") instead of ISO codes, and knows neither "million" nor
currency words ("won", "yuan"). A currency named without its country ("won",
"rupees", "pesos") takes the country the document is about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from laborwatch.documents import Sentence
from laborwatch.extract.currencies import CODES, PREFIXES, WORDS, currency_of
from laborwatch.extract.evidence import Indicator, Money, Span
from laborwatch.extract.money_cues import kind_of, period_of
from laborwatch.extract.numbers import WORD_NUMBERS

# Prefixes written before the number, longest first where one starts another.
_MULTIPLIERS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "lakh": 1e5,
    "crore": 1e7,
}
_WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_FRACTIONS = {
    "half": 50.0,
    "a half": 50.0,
    "one half": 50.0,
    "a third": 33.33,
    "one third": 33.33,
    "two thirds": 66.67,
    "two-thirds": 66.67,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
}


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# A digit string: "1,500", "2.5", or with dots for thousands ("R$ 1.200,50").
# At most 15 digits: a longer run is no sum of money, and as a float it can be inf.
_DIGITS = (
    r"\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?|\d{1,3}(?:\.\d{3}){1,4},\d{1,2}"
    r"|\d{1,15}(?:\.\d{1,4})?"
)
_SCALE = r"(?:\s?(?:thousand|million|billion|mn|bn|lakh|crore|k|m)\b)?"


def _number(name: str) -> str:
    return rf"(?<![\d.,])(?P<{name}>(?:{_DIGITS})(?![\d]){_SCALE})"


_UNIT = _alternatives(list(WORD_NUMBERS))
_SPELLED = rf"\b(?P<low>(?:{_UNIT})(?:[\s-]+(?:and\s+)?(?:{_UNIT}|hundred|thousand|million|billion))*)"
_PREFIX = _alternatives(list(PREFIXES))
_CODE = "|".join(sorted(CODES))
_WORD = _alternatives(list(WORDS))
# "and" joins a range only after "between" (checked in _amount).
_TO = r"\s?(?P<to>-|–|—|to|and)\s?"
_BETWEEN = re.compile(r"\bbetween\s+(?:\S+\s+)?$", re.I)
_TO_SHARE = r"\s?(?:-|–|—|to)\s?"
_AMOUNTS = (
    # "$300-400", "US$12,400", "USD 1,500 to 2,000", "£240-£320"
    re.compile(
        rf"(?P<prefix>{_PREFIX}|\b(?:{_CODE})\b)\s?"
        + _number("low")
        + rf"(?:{_TO}(?:{_PREFIX}|\b(?:{_CODE})\b)?\s?"
        + _number("high")
        + r")?"
    ),
    # "5,000 KPW", "300-400 yuan", "2.5 million won"
    re.compile(
        _number("low")
        + rf"(?:{_TO}"
        + _number("high")
        + rf")?\s?(?:(?P<code>{_CODE})\b|(?i:(?P<word>{_WORD}))\b)"
    ),
    # "five thousand won"; "a few hundred dollars" states no number and is skipped
    re.compile(rf"(?i:{_SPELLED})\s(?:(?P<code>{_CODE})\b|(?i:(?P<word>{_WORD}))\b)"),
)
_PERCENT = r"(?:\s?%|\s(?:percent|per cent)\b)"
_WHOSE_WAGES = (
    r"(?:(?:(?:their|the|his|her|its|a|workers[’']?|[\w-]+[’']s)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:wages?|salar(?:y|ies)|earnings|income|pay(?:checks?)?)\b"
    r"|what (?:they|workers|he|she)\b[\w\s]{0,30}?\b(?:earn|make|are paid|were paid"
    r"|were promised|are promised)\b)"
)
_WAGES = r"\s+of\s+" + _WHOSE_WAGES
_SHARES = (
    re.compile(
        r"(?<![\d.,])(?P<low>\d+(?:\.\d+)?)(?:%|\s(?:percent|per cent))?"
        rf"(?:{_TO_SHARE}(?P<high>\d+(?:\.\d+)?))?{_PERCENT}(?={_WAGES})",
        re.I,
    ),
    re.compile(
        rf"\b(?P<fraction>{_alternatives(list(_FRACTIONS))})"
        rf"(?=(?:\s+of)?\s+{_WHOSE_WAGES})",
        re.I,
    ),
)
# What stands between an amount and its conversion: "(", "[", ", or about".
_CONVERSION_GAP = re.compile(
    r"(?:\s+(?:each|apiece|per (?:person|worker|head)))?"
    r"\s*(?:[\(\[]|,?\s*(?:or|i\.e\.|equivalent to|equal to)\s)\s*"
    r"(?:(?:about|around|approximately|approx\.|roughly|some|nearly|almost|"
    r"about|equivalent to|equal to|or|c\.|~)\s*)*",
    re.I,
)
# Between two conversions in one bracket: "€17,000 ($18,554, £14,293)".
_NEXT_CONVERSION = re.compile(r"\s*(?:,|/|;|or)\s*", re.I)


def find_money(sentence: Sentence, country: str | None) -> list[Money]:
    """Amounts of money in a sentence. ``country`` resolves "won", "rupees", etc."""
    text = sentence.text
    matches = _matches(text)
    conversions = [False]
    for (before, _), (match, _) in zip(matches, matches[1:], strict=False):
        gap = text[before.end() : match.start()]
        conversions.append(
            bool(_CONVERSION_GAP.fullmatch(gap))
            or (conversions[-1] and bool(_NEXT_CONVERSION.fullmatch(gap)))
        )
    found: list[Money] = []
    for index, (match, is_share) in enumerate(matches):
        # The period may follow the conversion: "$300-400 (£240-£320) a month".
        later = [
            m.start()
            for (m, _), conversion in zip(
                matches[index + 1 :], conversions[index + 1 :], strict=True
            )
            if not conversion
        ]
        following = later[0] if later else None
        money: Money | None
        if is_share:
            money = _share(sentence, match, conversions[index])
        else:
            money = _amount(sentence, match, country, conversions[index], following)
        if money is None:
            continue
        if money.conversion and found:
            # The conversion is of the amount before: same period and kind.
            money = _like(money, found[-1])
        found.append(money)
    return found


def _matches(text: str) -> list[tuple[re.Match[str], bool]]:
    """Matches of every amount and share pattern, earliest first, overlaps dropped."""
    candidates = [(m, False) for pattern in _AMOUNTS for m in pattern.finditer(text)]
    candidates += [(m, True) for pattern in _SHARES for m in pattern.finditer(text)]
    candidates.sort(key=lambda pair: (pair[0].start(), -pair[0].end()))
    kept: list[tuple[re.Match[str], bool]] = []
    for match, is_share in candidates:
        if not kept or match.start() >= kept[-1][0].end():
            kept.append((match, is_share))
    return kept


def _amount(
    sentence: Sentence,
    match: re.Match[str],
    country: str | None,
    conversion: bool,
    following: int | None,
) -> Money | None:
    currency = currency_of(
        _group(match, "prefix"), _group(match, "code"), _group(match, "word"), country
    )
    spelled = (
        "prefix" not in match.re.groupindex and not match.group("low")[0].isdigit()
    )
    text = sentence.text
    start, end = match.start(), match.end()
    high_text = _group(match, "high")
    if high_text and match.group("to") == "and" and not _BETWEEN.search(text[:start]):
        # "$300 and 400 workers", "300 and 400 dollars": two numbers, not a range.
        if "prefix" in match.re.groupindex:
            end = match.end("low")
        else:
            start = match.start("high")
            return _amount_at(
                sentence, match, start, end, country, conversion, following
            )
        high_text = None
    if spelled:
        low: float | None = _spelled(match.group("low"))
        high: float | None = None
    else:
        low, high = _range(match.group("low"), high_text, currency)
    if low is None:
        return None
    period = period_of(text, start, end, following)
    kind = kind_of(text, start, end, currency, low)
    return Money(
        text=text[start:end].strip(),
        amount=low,
        currency=currency,
        period=period,
        kind=kind,
        span=Span.within(sentence, start, end),
        amount_max=high,
        conversion=conversion,
    )


def _amount_at(
    sentence: Sentence,
    match: re.Match[str],
    start: int,
    end: int,
    country: str | None,
    conversion: bool,
    following: int | None,
) -> Money | None:
    """The amount of a suffix match read from its second number only."""
    part = _AMOUNTS[1].match(sentence.text, start, end)
    if part is None or part.group("high"):
        return None
    return _amount(sentence, part, country, conversion, following)


def _share(sentence: Sentence, match: re.Match[str], conversion: bool) -> Money:
    fraction = _group(match, "fraction")
    if fraction:
        low = _FRACTIONS[fraction.lower()]
        high = None
    else:
        low = float(match.group("low"))
        high = float(match.group("high")) if match.group("high") else None
    return Money(
        text=match.group(0).strip(),
        amount=low,
        currency="%",
        period=None,
        kind="share",
        span=Span.within(sentence, match.start(), match.end()),
        amount_max=high,
        conversion=conversion,
    )


def _like(money: Money, original: Money) -> Money:
    return replace(money, period=original.period or money.period, kind=original.kind)


def _range(
    low_text: str, high_text: str | None, currency: str | None
) -> tuple[float | None, float | None]:
    low, low_scale = _value(low_text, currency)
    if high_text is None:
        return low * low_scale, None
    high, high_scale = _value(high_text, currency)
    # "$1-2 million": the scale written once serves both ends.
    if low_scale == 1 and high_scale != 1:
        low_scale = high_scale
    low, high = low * low_scale, high * high_scale
    if high <= low:
        # "2019-300 dollars" or "15-5": not a range; keep the amount next to the unit.
        return high, None
    return low, high


def _value(text: str, currency: str | None) -> tuple[float, float]:
    """The number and its scale word ("2.5 million" is 2.5 and 1e6)."""
    scale = 1.0
    digits = text
    scale_word = re.search(r"[a-z]+$", text, re.I)
    if scale_word:
        scale = _MULTIPLIERS[scale_word.group(0).lower()]
        digits = text[: scale_word.start()].strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d{1,2}", digits):
        # Written the Brazilian or continental way: dots for thousands.
        return float(digits.replace(".", "").replace(",", ".")), scale
    return float(digits.replace(",", "")), scale


def _spelled(words: str) -> float | None:
    """A number in words ("five thousand", "twenty-five million")."""
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[word]
            current = 0.0
    value = total + current
    return value or None


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


# A company's own accounts ("reported total global revenue of $10.07 billion for
# the fiscal year"): figures of its business, not of the work or the trade.
_ACCOUNTS = re.compile(
    r"\b(?:fiscal|financial) year\b|\b(?:total|global|annual|group|consolidated) "
    r"(?:global )?(?:revenues?|turnover|sales)\b|\bnet (?:income|profit|revenue)\b"
    r"|\bmarket capitali[sz]ation\b|\bturnover of\b",
    re.I,
)
_ABOUT_WORK = re.compile(
    r"\b(?:work\w*|labou?r\w*|forced|slave\w*|traffick\w*|regime|wages?|salar\w+"
    r"|earn\w*|recruit\w*|debt)\b",
    re.I,
)


def is_company_accounts(money: Money, sentence_text: str) -> bool:
    """Whether an amount is a company reporting its own accounts, not a figure of
    the work: kept out of the facts of a report."""
    return (
        money.kind in ("other", "price")
        and _ACCOUNTS.search(sentence_text) is not None
        and _ABOUT_WORK.search(sentence_text) is None
    )


# Amounts about the workers themselves: a fact wherever they stand.
_KINDS_ABOUT_WORKERS = {
    "wage",
    "fee",
    "debt",
    "fine",
    "deduction",
    "owed_wages",
    "share",
}


def reports_practice(indicators: Sequence[Indicator]) -> bool:
    """Whether a document describes forced labour, for its other sums: at least two
    findings (a code in a sentence). One stray finding in a market report or a
    statement would otherwise keep every price in it (Korean development set: money
    precision 0.37 against 0.76)."""
    return len({(found.code, found.span.sentence) for found in indicators}) >= 2


def kept_in_document(money: Money, sentence_text: str, has_evidence: bool) -> bool:
    """Whether a document reports an amount as a fact: one about the workers
    anywhere; a price or another sum only in a document that describes forced
    labour (what the goods fetch, what the state earns), never a company's own
    accounts. In a document that describes none (market prices, a statement) such
    sums are its business, not evidence."""
    if is_company_accounts(money, sentence_text):
        return False
    return has_evidence or money.kind in _KINDS_ABOUT_WORKERS
