"""A place's role in its sentence, read from the words around it: ``work site``,
``origin`` (where workers come from), ``destination`` (where goods go), or None
when the sentence does not say. The sentence's indicator plays no part.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from typing import Any

WORK_SITE = "work site"
ORIGIN = "origin"
DESTINATION = "destination"

# Nouns for the people who work: "Nepali workers", "migrants from Nepal".
_PEOPLE = (
    "worker", "labor", "labour", "migrant", "women", "woman", "girl", "workforce",
    "boy", "child", "people", "national", "citizen", "victim", "recruit", "fisher",
    "crew", "seafarer", "student", "employee", "domestic", "refugee", "youth",
    "teen", "minor", "person", "individual", "maid", "caregiver", "nurse", "cadre",
)  # fmt: skip
# Words of work: a place after "in" or "at" in such a sentence is where it happens.
_WORK = (
    "work", "labor", "labour", "factor", "farm", "field", "mine", "mining",
    "plantation", "fishing", "vessel", "boat", "construction", "site", "harvest",
    "camp", "kiln", "workshop", "employ", "forced", "exploit", "traffick", "sewing",
    "picking", "produc", "manufactur", "slave", "servitude", "bond", "job", "logging",
    "quarr", "brick", "garment", "textile", "processing", "plant", "cotton",
)  # fmt: skip
# Goods going somewhere: "exported to", "shipped to", "imported into".
_TRADE = (
    "export", "import", "ship", "sold", "sell", "sale", "destined", "bound",
    "enter", "suppl", "deliver", "market", "consum",
)  # fmt: skip
# Goods coming from the place where they are made: "cotton imported from Xinjiang".
_GOODS_FROM = ("import", "export", "made", "produc", "sourc", "originat", "shipment")
# People moved somewhere to work: "sent to Russia", "trafficked to Malaysia".
_SENT = (
    "sent", "send", "dispatch", "deploy", "traffick", "transport", "taken", "moved",
    "transferr", "relocat", "brought", "smuggl", "lur", "went", "migrat",
)  # fmt: skip
# People going home: "returned to North Korea", "deported to Burma".
_RETURNED = ("return", "repatriat", "deport", "expell", "sent back", "sent home")
_CAME_FROM = (
    "recruit", "traffick", "came", "come", "migrat", "fled", "arriv", "hail", "mov",
    "originally",
)  # fmt: skip
# "a kiln just outside Lahore", "a brick kiln near Kandamangalam": where work is.
_IN = {
    "in", "at", "across", "throughout", "inside", "within", "around", "on", "near",
    "outside",
}  # fmt: skip
# Buyers' words: "supply chains in the United States" is where goods are sold.
_BUYERS = ("chain", "market", "consumer", "shelves", "store", "shopper")
_BELONGING = {"nationals", "citizens", "natives", "residents"}
# Words after a country that make it part of a body's name ("the US Department of
# Labor", "U.S. Customs and Border Protection"), not a place of the text.
_INSTITUTIONS = {
    "department", "customs", "congress", "senate", "treasury", "parliament",
    "embassy", "trade", "home", "state", "court", "agency", "coast",
}  # fmt: skip
# A country that bans or sanctions: an authority acting, not a place of the work.
_AUTHORITY = {
    "ban", "bans", "banned", "banning", "sanctions", "sanctioned", "sanctioning",
    "prohibits", "prohibited", "blocks", "blocked", "embargoed", "blacklisted",
    "downgraded", "downgrades", "detains", "detained", "excludes", "excluded",
    "seized", "seizes",
}  # fmt: skip
# A sentence keeping goods out ("will detain", "exclude products ... from entering
# into the United States", "is not welcome in supply chains in"): the country the
# goods would go to is the authority acting, not a destination of the work.
_EXCLUSION = re.compile(
    r"\b(?:detain\w*|detention|exclu\w+|seiz\w+|withhold release|bann?\w*"
    r"|prohibit\w*|barred|not (?:be )?allowed|not welcome)\b",
    re.IGNORECASE,
)
# Words after a demonym that make it a sea's or a region's name: "the Indian Ocean".
_FEATURES = {"ocean", "sea", "gulf", "peninsula", "subcontinent"}
# A country as buyer ("the United States imported cocoa"): where goods go only
# "exported to" or "imported into" it is a destination of the report's goods.
_BUYS = {"imports", "imported", "buys", "bought", "purchases", "purchased"}
_PREPOSITIONS = _IN | {"from", "to", "into", "for", "of", "by"}
# "the state of", "the province of": the preposition is the one before them.
_UNITS = {
    "state", "province", "region", "city", "town", "county", "district", "village",
    "prefecture", "oblast", "municipality", "island", "port", "capital",
}  # fmt: skip
_CURRENCY_WORDS = {"dollar", "dollars", "cents"}
# How many words back the preposition may be.
_REACH = 5


def place_role(doc: Any, span: Any, kind: str) -> str | None:
    """The role the sentence gives the place named by ``span`` (a spaCy Span)."""
    sentence = span.sent
    before = [t.lower_ for t in doc[max(sentence.start, span.start - 10) : span.start]]
    after = [t.lower_ for t in doc[span.end : min(sentence.end, span.end + 4)]]
    if kind == "demonym" and _people_follow(after):
        return ORIGIN
    if (
        kind == "country"
        and _people_follow(after)
        and all(t.is_lower for t in doc[span.end : min(sentence.end, span.end + 2)])
    ):
        # A country's name before its people ("Myanmar migrant workers"); not a
        # body's name ("China Labor Watch").
        return ORIGIN
    # Lower-case words only: "the Modern Slavery Act" names a law, not work.
    words = [t.text for t in sentence if t.is_lower]
    trimmed = _to_preposition(before)
    preposition = trimmed[-1] if trimmed else ""
    lead = trimmed[:-1][-5:]
    if preposition == "from":
        if _has(lead, _GOODS_FROM):
            return WORK_SITE
        if _has(lead, _PEOPLE) or _has(lead, _CAME_FROM):
            return ORIGIN
        return None
    if preposition in ("to", "into", "for"):
        if _has(lead, _RETURNED):
            return ORIGIN
        if _has(lead, _TRADE):
            return DESTINATION
        if _has(lead, _SENT):
            return WORK_SITE
        return None
    if preposition == "of" and trimmed[:-1] and trimmed[-2] in _BELONGING:
        return ORIGIN
    if preposition in _IN and _has(lead, _BUYERS):
        return DESTINATION
    if preposition in _IN and _has(words, _WORK):
        return WORK_SITE
    following = [t.text for t in doc[span.end : min(sentence.end, span.end + 3)]]
    if following[:1] in (["'s"], ["’s"]) and _has(following[1:3], _WORK):
        # "Brazil's coffee plantations", not "the UK's Modern Slavery Act".
        return WORK_SITE
    return None


def institution_follows(doc: Any, span: Any) -> bool:
    """Whether the place only names a body ("the US Department of Labor") or a
    currency ("U.S. $100"), is a flag state, an authority that bans or sanctions
    ("the United States banned imports") or a buyer ("the United States imported
    cocoa")."""
    following = list(doc[span.end : min(span.sent.end, span.end + 3)])
    if following and following[0].lower_ in ("'s", "’s"):
        following = following[1:]
    if (
        following
        and following[0].lower_ in _INSTITUTIONS
        and following[0].text[:1].isupper()
    ):
        return True
    words = [token.lower_ for token in following[:2]]
    if words == ["ports", "of"] or words[:1] and words[0] in _FEATURES:
        # "U.S. ports of entry": customs acting; "the Indian Ocean": a sea.
        return True
    if words[:1] and (words[0] in _CURRENCY_WORDS or words[0][:1] in "$€£¥₩"):
        return True  # "U.S. $100": a currency
    if "flagged" in words:
        return True  # "the Vanuatu-flagged vessel": a flag state, not where work is
    return any(word in _AUTHORITY | _BUYS for word in words)


def excluded_destination(span: Any, role: str | None) -> bool:
    """Whether a destination is the country keeping the goods out: "exclude products
    made by modern slavery from entering into the United States"."""
    return role == DESTINATION and bool(_EXCLUSION.search(span.sent.text))


def _to_preposition(before: list[str]) -> list[str]:
    """The words before a place up to the preposition it hangs on, found past a few
    words: "exported to the United States", "in center-west Goias", "in the state
    of Minas Gerais", "in Wauchula, Florida", "in Goias and Minas Gerais"."""
    words = list(before)
    for _ in range(_REACH):
        if not words:
            break
        word = words[-1]
        if word == "of" and len(words) > 1 and words[-2] in _UNITS:
            words = words[:-2]
            continue
        if word in _PREPOSITIONS:
            return words
        words.pop()
    return before[-1:] if before and before[-1] in _PREPOSITIONS else []


# A compass word before "American" makes a part of the Americas ("South American
# forests"), not the United States; "South Korean" and "South African" are
# countries' own names, matched whole.
_AMERICAS = {"south", "north", "latin", "central"}


def names_a_region(doc: Any, span: Any) -> bool:
    """Whether a demonym is part of a region's adjective: "South American"."""
    return (
        span.text.lower() == "american"
        and span.start > span.sent.start
        and doc[span.start - 1].text.lower() in _AMERICAS
        and doc[span.start - 1].text[:1].isupper()
    )


def _people_follow(after: list[str]) -> bool:
    """ "North Korean workers", "Nepali migrant workers", "Burmese fishing crews"."""
    return _has(after[:2], _PEOPLE)


def _has(words: list[str], stems: tuple[str, ...]) -> bool:
    """Whether a word starts with one of the stems ("exported" with "export")."""
    return any(word.startswith(stems) for word in words)


# Capitals that reports write for their governments: "Beijing has set quotas",
# "Pyongyang denies", "Moscow sends".
_CAPITALS_FOR_STATES = {
    "beijing",
    "pyongyang",
    "moscow",
    "tehran",
    "damascus",
    "minsk",
    "naypyidaw",
    "hanoi",
    "ashgabat",
    "tashkent",
    "riyadh",
    "doha",
    "abu dhabi",
    "seoul",
    "tokyo",
    "washington",
    "london",
    "brussels",
    "new delhi",
    "dhaka",
    "islamabad",
    "kabul",
    "caracas",
    "havana",
    "ankara",
    "cairo",
    "bangkok",
    "jakarta",
    "kuala lumpur",
    "manila",
    "phnom penh",
    "vientiane",
    "asmara",
}
# What a state does, by the verb's stem: says, denies, sets, sends, orders, bans.
_STATE_VERB_STEMS = (
    "say",
    "said",
    "deni",
    "deny",
    "claim",
    "insist",
    "reject",
    "maintain",
    "respond",
    "refus",
    "accus",
    "warn",
    "announc",
    "demand",
    "set",
    "sent",
    "send",
    "impos",
    "order",
    "forc",
    "mobili",
    "dispatch",
    "ban",
    "sanction",
    "pledg",
)


def capital_names_its_state(span: Any) -> bool:
    """Whether a capital stands for its government, as the subject of a verb a
    state does ("Beijing has set quotas", "Pyongyang denies"): an actor, not where
    the work happens. "Beijing is a city of 21 million" and "Dhaka has thousands
    of garment factories" are the cities."""
    if span.text.lower() not in _CAPITALS_FOR_STATES:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_.startswith(
        _STATE_VERB_STEMS
    )


# What a country does to the workers or about them, as the subject of the verb:
# "North Korea sends workers abroad", "China denies the camps exist".
_COUNTRY_ACT_STEMS = (
    "deni",
    "deny",
    "send",
    "sent",
    "dispatch",
    "forc",
    "impos",
    "mobili",
    "earn",
    "profit",
    "exploit",
    "coerc",
    "compel",
)


def country_acts(span: Any, countries: AbstractSet[str]) -> bool:
    """Whether a country (its name among ``countries``, lower-cased) is the subject
    of a verb by which a state runs, profits from or covers up the work: "North
    Korea sends thousands of workers to Russia"; not "Thailand is a destination"
    or "the United States bans the imports"."""
    if span.text.lower() not in countries:
        return False
    root = span.root
    return bool(
        root.dep_ == "nsubj" and root.head.lower_.startswith(_COUNTRY_ACT_STEMS)
    )
