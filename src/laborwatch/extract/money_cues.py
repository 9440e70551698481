"""What an amount of money is for, and per what period, from the words around it.

The kind is the one whose cue sits nearest the amount: "wages amount to 5,000 KPW
per month, an amount insufficient to purchase rice" is a wage, "a kilogram of rice
costs 3,000 won" a price. Specific cues (fee, debt, owed wages) beat generic ones
("paid", "earn") wherever they are in the sentence's reach.
"""

from __future__ import annotations

import re

# Words after the amount count for a little more distance than words before it:
# English names what an amount is before stating it ("wages of $300").
_AFTER_WEIGHT = 2.0
_REACH = 120
# How much nearer a generic cue must be to beat a specific one.
_GENERIC_SLACK = 40.0
# (kind, cue, specific): order breaks ties.
_CUES: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    (
        "owed_wages",
        re.compile(
            r"\b(?:unpaid (?:wages|salar\w+|pay)|back[- ]?pay|back wages|wage arrears"
            r"|arrears|(?:wages?|salar\w+|pay) (?:owed|withheld|unpaid|in arrears)"
            r"|(?:were|are|was|is|remain|still|being) owed"
            r"|owed (?:to )?(?:the |their )?"
            r"(?:workers|employees|labou?rers|crew|fishers|them)|owed wages"
            r"|owes? (?:the |its |their )?(?:workers|employees|labou?rers|crew|them)"
            r"|withheld|wage theft|in unpaid)\b"
        ),
        True,
    ),
    (
        "fine",
        re.compile(r"\b(?:fined?|fines|penalt(?:y|ies)|penalised|penalized)\b"),
        True,
    ),
    (
        "fee",
        re.compile(
            r"\b(?:fees?|commissions?|bribes?|kickbacks?|brokers?|recruit\w*|placement"
            r"|middlem[ae]n|smugglers?|visas?|permits?)\b"
        ),
        True,
    ),
    (
        "deduction",
        re.compile(
            r"\b(?:deduct\w*|docked|taken from (?:their|his|her) (?:wages|salar\w+|pay)"
            r"|confiscat\w*|skimm\w*)\b"
        ),
        True,
    ),
    (
        "debt",
        re.compile(
            r"\b(?:debts?|loans?|advances?|borrow\w*|repay\w*|indebted|bondage|owe|owed"
            r"|owes|owing|interest)\b"
        ),
        True,
    ),
    (
        "other",
        re.compile(
            r"\b(?:revenues?|profits?|turnover|funds?|funding|proceeds|generat\w*"
            r"|exports?|worth of|sanctions?|settle\w*|invest\w*|budget|grants?"
            r"|donat\w*|aid|contracts?|sales|market|valued|earnings for the)\b"
        ),
        True,
    ),
    (
        "wage",
        re.compile(r"\b(?:wages?|salar(?:y|ies)|paychecks?|stipends?|remuneration)\b"),
        True,
    ),
    (
        "price",
        re.compile(
            r"\b(?:prices?|costs?|costing|sold|sells?|selling|buy|bought|purchas\w*"
            r"|a (?:kilogram|kg|ton|tonne|bag|sack|piece) of)\b"
        ),
        True,
    ),
    (
        "wage",
        re.compile(r"\b(?:paid|pay|pays|earn\w*|income|make|makes|made|receiv\w*)\b"),
        False,
    ),
    ("price", re.compile(r"\b(?:worth|charged?)\b"), False),
)
# Large sums in major currencies are not one worker's wage: revenue, a fund.
_NOT_A_WAGE = 1e6
_MAJOR = frozenset({"USD", "EUR", "GBP", "CNY", "CHF", "AUD", "CAD", "JPY"})

_UNITS = r"(?P<unit>hour|day|week|month|year|annum|shift)"
_AFTER_PERIOD = re.compile(
    r"^[^.;\d]{0,30}?(?:\b(?:a|per|each|every|an|one)\s+|/\s?)"
    + _UNITS
    + r"\b|^[^.;\d]{0,30}?\b(?P<adverb>monthly|daily|weekly|annually|yearly|hourly"
    r"|annual)\b",
    re.I,
)
_BEFORE_PERIOD = re.compile(
    r"\b(?P<adverb>monthly|daily|weekly|annual|yearly|hourly|per month|a month"
    r"|per day|a day|per year|a year|per hour|an hour)\b[^.;\d]{0,30}$",
    re.I,
)
_ADVERBS = {
    "monthly": "month",
    "daily": "day",
    "weekly": "week",
    "annually": "year",
    "annual": "year",
    "yearly": "year",
    "hourly": "hour",
}


def period_of(text: str, start: int, end: int, following: int | None) -> str | None:
    """The period an amount is per: "a month", "per day", "monthly", "annual"."""
    after = text[end : following if following is not None else end + 60]
    # "$300-400 (£240-£320) a month": the conversion in brackets sits between.
    after = re.sub(r"^\s*[\(\[][^\)\]]{0,40}[\)\]]", "", after)
    match = _AFTER_PERIOD.search(after)
    if match:
        return _unit(match)
    match = _BEFORE_PERIOD.search(text[max(0, start - 40) : start])
    if match:
        return _unit(match)
    return None


def _unit(match: re.Match[str]) -> str:
    unit = match.groupdict().get("unit")
    if unit:
        unit = unit.lower()
        return "year" if unit == "annum" else "day" if unit == "shift" else unit
    adverb = match.group("adverb").lower()
    return _ADVERBS.get(adverb) or adverb.split()[-1]


def kind_of(
    text: str, start: int, end: int, currency: str | None, amount: float
) -> str:
    """The kind of the amount at ``text[start:end]``; "other" when nothing says."""
    lowered = text.lower()
    best: dict[bool, tuple[float, int, str]] = {}
    for order, (kind, pattern, specific) in enumerate(_CUES):
        lo, hi = max(0, start - _REACH), min(len(lowered), end + _REACH)
        for match in pattern.finditer(lowered, lo, hi):
            if match.end() <= start:
                distance = float(start - match.end())
            elif match.start() >= end:
                distance = (match.start() - end) * _AFTER_WEIGHT
            else:
                continue
            candidate = (distance, order, kind)
            if specific not in best or candidate < best[specific]:
                best[specific] = candidate
    chosen = best.get(True) or best.get(False)
    generic = best.get(False)
    if chosen and generic and generic[0] + _GENERIC_SLACK < chosen[0]:
        # "paid $300 a month ... and brokers took the rest": the verb at hand wins.
        chosen = generic
    kind = chosen[2] if chosen else "other"
    if kind == "wage" and amount >= _NOT_A_WAGE and currency in _MAJOR:
        return "other"
    return kind
