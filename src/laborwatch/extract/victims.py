"""Victims: the group affected, with sex, age or age band, minority and number."""

from __future__ import annotations

import re

from laborwatch.documents import Sentence
from laborwatch.extract.evidence import Span, Victim
from laborwatch.extract.numbers import word_number

_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|ten|two|three|four|five|six|seven|eight"
    r"|nine)"
)
# "four or five workers", "80,000 to 120,000 persons", "more than 300 children":
# the text gives no one count, so the victims get none.
_APPROXIMATE = (
    r"(?i:(?P<approximate>(?:(?:more|fewer|less) than|over|about|around|nearly|almost"
    r"|approximately|at least|up to|some|roughly|an estimated)\s|"
    r"\d[\d,.]*\s?(?:or|to|-|–)\s?|" + _NUMBER_WORD + r"\s(?:or|to)\s)?)"
)
_VAGUE_NUMBER = (
    r"(?:(?:hundreds of )?thousands of|hundreds of|dozens of|tens of thousands of"
    r"|millions of|\d+(?:\.\d+)? million)"
)
# Words before the group that say which people: "low-wage migrant", "military
# construction", "33-year-old", "North Korean", "H-2A agricultural".
_MODIFIER = (
    r"(?:young|teenage|adolescent|female|male|migrant|foreign|local|child|school"
    r"|ethnic|muslim|low-wage|low-paid|undocumented|domestic|farm|agricultural"
    r"|construction|garment|factory|textile|seasonal|contract|overseas|trainee|underage"
    r"|trafficking|forced|bonded|enslaved|displaced|other|several|IT"
    # A capitalised word, matched one way only (no backtracking into it); not a
    # determiner that starts the sentence ("These workers" are "workers").
    r"|(?!(?:The|These|Those|This|That|Their|Our|My|His|Her|Its|Such|Both|Each"
    r"|Every|Any|No|Some|Many|Most|All)\b)(?>[A-Z][\w’'-]*)(?<=[a-z])"
    r"|[A-Z]-\w+|\d{1,2}-year-old)"
)
_GROUP = re.compile(
    r"\b"
    + _APPROXIMATE
    + r"(?P<number>(?i:\d{1,3}(?:,\d{3})+|\d+|"
    + _NUMBER_WORD
    + r"|"
    + _VAGUE_NUMBER
    + r"))?\s?"
    r"(?P<modifiers>(?:" + _MODIFIER + r"\s){0,3})"
    r"(?P<group>(?i:girls|boys|children|kids|students|schoolchildren|pupils|minors|women"
    r"|men|adults|workers?|laborers|labourers|farmworkers|employees|fishermen|fishers"
    r"|miners|farmers|pickers|prisoners|detainees|migrants|refugees|families"
    r"|crew members|crewmen|crew|soldiers|victims|persons|people|individuals"
    r"|nationals|asylum-seekers|inmates|teachers|captives|seafarers|housekeepers"
    r"|maids|Uyghurs|Uighurs|Rohingya"
    r"|North Koreans|Koreans))\b"
)
_AGE = re.compile(
    r"\b(?:aged|as young as|ages?) (?P<age>\d{1,2}(?:\s?(?:to|and|-)\s?\d{1,2})?)|\b(?P<years>\d{1,2})[- ]years?[- ]old\b"
)
_FEMALE = {"girls", "women"}
_MALE = {"boys", "men", "fishermen"}
_MINORS = {
    "girls",
    "boys",
    "children",
    "kids",
    "students",
    "schoolchildren",
    "pupils",
    "minors",
}


# Groups named as the ones who do the harm: "three suspects were detained".
_PERPETRATOR_CONTEXT = re.compile(
    r"^\s*(?:were|was|have been|had been)\s+(?:arrested|detained|charged|convicted"
    r"|sentenced|indicted|prosecuted|accused)",
    re.I,
)


# "she was forced by local farmers", "a kiln run by": the agent of a verb of harm
# or control does the harm. After a verb of the work ("picked by children") the
# agent is the one who does the work, a victim.
_DOER = re.compile(
    r"\b(?:forced|coerced|compelled|made to|beaten|beat|abused|exploited|trafficked"
    r"|recruited|hired|held|kept|employed|run|owned|operated|controlled|managed"
    r"|detained|confined|sold|bought|lured|tricked|deceived|threatened|raped"
    r"|tortured|punished|whipped|enslaved|smuggled|kidnapped|abducted|harassed"
    r"|intimidated|cheated|trapped|locked|guarded|supervised|attacked|assaulted)"
    # A few words of the clause between: "forced to work without pay by".
    r"(?:\s+(?!(?:who|which|that|where)\b)[\w'’-]+){0,5}?"
    r"\s+by(?:\s+(?:the|their|his|her|its|other))?\s*$",
    re.I,
)


# "people who work on kilns", "children were trafficked": the sentence itself
# says the group does the work or suffers the harm. A verb of the harm needs the
# passive ("were held", "forced to", "sold into"): "Farmers held a protest",
# "Workers forced the management to negotiate" name people who act.
_HARM_VERB = (
    r"(?:forced|trafficked|enslaved|sold|held|compelled|coerced|exploited|trapped"
    r"|confined)"
)
_WORKED_ON = re.compile(
    r"^\s*(?:,\s*)?(?:who|that)?\s*(?:"
    r"(?:(?:are|were|have been|had been|being|are being|were being)\s+)?"
    r"(?:work|toil|labou?r)(?:s|ed|ing)?"
    r"|(?:are|were|have been|had been|being|are being|were being)\s+"
    + _HARM_VERB
    + r"|"
    + _HARM_VERB
    + r"\s+(?:to|into|by)"
    r"|(?:held|trapped|confined)\s+in"
    r"|(?:(?:are|were|have been|had been|being|are being|were being)\s+)?"
    r"(?:made to work|subject(?:ed)? to))\b",
    re.I,
)


# "exploit the labor of thousands of migrants", "enslaving children": the group
# whose work or body the verb or noun before it takes.
_WORK_OF = re.compile(
    r"\b(?:exploit(?:s|ed|ing)?|enslav(?:es|ed|ing)|traffick(?:s|ed|ing)"
    r"|(?:the )?(?:labou?r|exploitation|enslavement|trafficking) of)\s*$",
    re.I,
)


def find_victims(sentence: Sentence, *, said_to_work: bool = False) -> list[Victim]:
    """Groups of people affected that a sentence names; with ``said_to_work``,
    only those the sentence says do the work or suffer the harm."""
    victims = []
    age_match = _AGE.search(sentence.text)
    age = (age_match.group("age") or age_match.group("years")) if age_match else None
    for match in _GROUP.finditer(sentence.text):
        group = match.group("group").lower()
        modifiers = (match.group("modifiers") or "").lower()
        number = None if match.group("approximate") else _number(match.group("number"))
        # Only an exact count is part of the group's name ("30 workers"): "more
        # than 1,000 North Korean workers" and "hundreds of thousands of Uighurs"
        # name the North Korean workers and the Uighurs, with no number.
        first = match.start() if number is not None else _group_start(match)
        text = sentence.text[first : match.end()].strip()
        if (
            not text
            # "the worker" alone is no group: one person the report names
            # otherwise, or any worker ("to remind the worker").
            or text.lower() == "worker"
            or _PERPETRATOR_CONTEXT.match(sentence.text[match.end() :])
            or _DOER.search(sentence.text[: match.start()])
            or (
                said_to_work
                and not _WORKED_ON.match(sentence.text[match.end() :])
                and not _WORK_OF.search(sentence.text[: match.start()])
            )
        ):
            continue
        sex = (
            "female"
            if group in _FEMALE or "female" in modifiers
            else "male"
            if group in _MALE or "male " in modifiers
            else None
        )
        minor: bool | None = (
            True
            if group in _MINORS or "teenage" in modifiers or "child" in modifiers
            else None
        )
        if age is not None and minor is None:
            minor = int(re.split(r"\D+", age)[0]) < 18
        written = sentence.text[first : match.end()]
        start = sentence.start + first + (len(written) - len(written.lstrip()))
        victims.append(
            Victim(
                text=text,
                group=group,
                sex=sex,
                age=age,
                minor=minor,
                number=number,
                span=Span(start, start + len(text), sentence.position),
            )
        )
    return _drop_appositions(_join_coordinated(victims, sentence), sentence)


def _group_start(match: re.Match[str]) -> int:
    """Where the group's own words begin: its modifiers, else its noun."""
    if match.group("modifiers"):
        return match.start("modifiers")
    return match.start("group")


# "North Korean workers, predominantly women,": the second group says who the
# first one are, it is not another group.
_APPOSITION = re.compile(
    r"\s*,\s*(?:predominantly|mostly|mainly|largely|overwhelmingly|primarily"
    r"|chiefly|almost all|nearly all|many of them|most of them)\s*",
    re.I,
)


def _drop_appositions(victims: list[Victim], sentence: Sentence) -> list[Victim]:
    """Groups that describe the group just before them, not groups of their own."""
    kept: list[Victim] = []
    for victim in victims:
        previous = kept[-1] if kept else None
        if previous and _APPOSITION.fullmatch(
            sentence.text[
                previous.span.end - sentence.start : victim.span.start - sentence.start
            ]
        ):
            continue
        kept.append(victim)
    return kept


# "men, women, and children", "Rohingya women and girls": one group of victims.
_BY_SEX_AND_AGE = {"men", "women", "children", "girls", "boys", "adults", "minors"}
_COORDINATION = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*")


def _join_coordinated(victims: list[Victim], sentence: Sentence) -> list[Victim]:
    """Groups a sentence lists together ("women and children") as one victim,
    its sex and minority where all of its parts agree."""
    joined: list[Victim] = []
    for victim in victims:
        previous = joined[-1] if joined else None
        between = (
            sentence.text[
                previous.span.end - sentence.start : victim.span.start - sentence.start
            ]
            if previous
            else ""
        )
        if (
            previous is None
            or not _COORDINATION.fullmatch(between)
            or victim.group not in _BY_SEX_AND_AGE
            or previous.group.rsplit(" ", 1)[-1] not in _BY_SEX_AND_AGE
            or victim.text.lower() != victim.group
        ):
            joined.append(victim)
            continue
        start, end = previous.span.start, victim.span.end
        joined[-1] = Victim(
            text=sentence.text[start - sentence.start : end - sentence.start],
            group=f"{previous.group} and {victim.group}",
            sex=previous.sex if previous.sex == victim.sex else None,
            age=previous.age,
            minor=previous.minor if previous.minor == victim.minor else None,
            number=None,
            span=Span(start, end, sentence.position),
        )
    return joined


def _number(value: str | None) -> int | None:
    """The count a number gives, written in digits or words; None for "dozens
    of", "thousands of" and the like."""
    if not value:
        return None
    value = value.replace(",", "")
    return int(value) if value.isdigit() else word_number(value)
