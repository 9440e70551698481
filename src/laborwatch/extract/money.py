"""Money: amounts with currency, period and kind ("5,000 KPW per month", a wage).

spaCy tags amounts like "5,000 KPW" badly and price-parser misses "1.5 million
won", so amounts are read by rule. A currency named without its country ("won",
"rupees", "francs") takes the country the document is about.
"""

from __future__ import annotations

import re

from laborwatch.documents import Sentence
from laborwatch.extract.evidence import Money, Span

_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "₩": "KRW",
    "₹": "INR",
}
_CODES = "USD|EUR|GBP|CNY|RMB|KPW|KRW|INR|PKR|BDT|NPR|LKR|IDR|MYR|THB|MMK|VND|KHR|PHP|UZS|TMT|KZT|KGS|CDF|XOF|XAF|GHS|NGN|BRL|QAR|SAR|AED|RUB|TRY|MGA"
# Currency words; None means "ask the document's country".
_WORDS: dict[str, str | None] = {
    "won": None,
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "rupees": None,
    "rupee": None,
    "taka": "BDT",
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "francs": None,
    "congolese francs": "CDF",
    "cfa francs": "XOF",
    "manat": None,
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "kyat": "MMK",
    "dong": "VND",
    "riel": "KHR",
    "pesos": "PHP",
    "soum": "UZS",
    "sum": "UZS",
    "som": "KGS",
    "cedis": "GHS",
    "naira": "NGN",
    "reais": "BRL",
    "riyals": None,
    "rubles": "RUB",
    "roubles": "RUB",
    "lira": "TRY",
    "ariary": "MGA",
}
_BY_COUNTRY = {
    ("won", "KP"): "KPW",
    ("won", "KR"): "KRW",
    ("rupees", "IN"): "INR",
    ("rupees", "PK"): "PKR",
    ("rupees", "NP"): "NPR",
    ("rupees", "LK"): "LKR",
    ("francs", "CD"): "CDF",
    ("manat", "TM"): "TMT",
    ("manat", "AZ"): "AZN",
    ("riyals", "QA"): "QAR",
    ("riyals", "SA"): "SAR",
}
_DEFAULTS = {
    "won": "KPW",
    "rupees": "INR",
    "francs": "XOF",
    "manat": "TMT",
    "riyals": "SAR",
}
_MULTIPLIERS = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "lakh": 1e5,
    "crore": 1e7,
}

_NUMBER = r"(?<!\d)(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_MULTIPLIER = r"(?:\s?(?P<multiplier>thousand|million|billion|bn|lakh|crore|k|m)\b)?"
_WORD = "|".join(sorted((re.escape(word) for word in _WORDS), key=len, reverse=True))
_PERIOD = r"(?:\s*(?:a|per|each|every|an)\s+(?P<period>hour|day|week|month|year|kilogram|kg)|\s+(?P<adverb>monthly|daily|weekly|annually|yearly|hourly))?"
_AMOUNTS = (
    re.compile(
        r"(?P<symbol>US\$|\$|€|£|¥|₩|₹)\s?" + _NUMBER + _MULTIPLIER + _PERIOD, re.I
    ),
    re.compile(
        _NUMBER + _MULTIPLIER + r"\s?(?P<code>" + _CODES + r")\b" + _PERIOD, re.I
    ),
    re.compile(_NUMBER + _MULTIPLIER + r"\s(?P<word>" + _WORD + r")\b" + _PERIOD, re.I),
)
_ADVERBS = {
    "monthly": "month",
    "daily": "day",
    "weekly": "week",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
}
_KINDS = (
    ("fine", re.compile(r"\b(?:fine|fined|fines|penalt\w+)\b")),
    ("fee", re.compile(r"\b(?:fees?|commissions?|charged?|bribes?)\b")),
    ("debt", re.compile(r"\b(?:debts?|loans?|advances?|owe\w*|borrow\w*|repay\w*)\b")),
    (
        "wage",
        re.compile(
            r"\b(?:wages?|salar\w+|paid|pay|earn\w*|income|per kilogram|a kilogram)\b"
        ),
    ),
    (
        "price",
        re.compile(r"\b(?:prices?|costs?|sold|sells?|buy|bought|worth|purchase\w*)\b"),
    ),
)
_YEARLY = re.compile(r"\b(?:each|every|per|a) year\b|\bannual(?:ly)?\b")


def find_money(sentence: Sentence, country: str | None) -> list[Money]:
    """Amounts of money in a sentence. ``country`` resolves "won", "rupees", etc."""
    found = []
    lowered = sentence.text.lower()
    for match in _matches(sentence.text):
        amount = float(match.group("number").replace(",", ""))
        if match.group("multiplier"):
            amount *= _MULTIPLIERS[match.group("multiplier").lower()]
        currency = _currency(match, country)
        period = match.group("period") or _ADVERBS.get(
            (match.group("adverb") or "").lower()
        )
        if period in ("kilogram", "kg"):
            period = None
        if period is None and _YEARLY.search(lowered[match.end() : match.end() + 60]):
            period = "year"
        found.append(
            Money(
                text=match.group(0).strip(),
                amount=amount,
                currency=currency,
                period=period,
                kind=_kind(lowered),
                span=Span(
                    sentence.start + match.start(),
                    sentence.start + match.end(),
                    sentence.position,
                ),
            )
        )
    return found


def _matches(text: str) -> list[re.Match[str]]:
    """Matches of every amount pattern, earliest first, overlaps dropped."""
    matches = sorted(
        (match for pattern in _AMOUNTS for match in pattern.finditer(text)),
        key=lambda match: (match.start(), -match.end()),
    )
    kept: list[re.Match[str]] = []
    for match in matches:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    return kept


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _currency(match: re.Match[str], country: str | None) -> str | None:
    symbol, code, word = (
        _group(match, "symbol"),
        _group(match, "code"),
        _group(match, "word"),
    )
    if symbol:
        return _SYMBOLS[symbol.lower()]
    if code:
        return "CNY" if code.upper() == "RMB" else code.upper()
    word = (word or "").lower()
    if word in ("rupee",):
        word = "rupees"
    known = _WORDS.get(word)
    if known:
        return known
    return _BY_COUNTRY.get((word, country or ""), _DEFAULTS.get(word))


def _kind(lowered: str) -> str:
    for kind, pattern in _KINDS:
        if pattern.search(lowered):
            return kind
    return "other"
