"""Victims named as persons: "Yasmin works at a kiln", "Clarisse was trafficked".

Reads the parsed ``Doc`` of a section; adds a ``Victim`` for each person the parse
makes one of the people worked on: the subject of a verb of the work ("Yasmin
works", "Supri, who worked on a vessel"), the one a verb of the harm is done to
("Clarisse was trafficked"), one of a group of victims ("Lan is one of thousands of
victims"), or a person whose age the report gives ("Paramjit Kaur, 61,", "Lucy, a
26-year-old teacher", "was only 13 years old"). Reports introduce the workers they
speak to this way; their officials and researchers by their post.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from laborwatch.documents import Sentence
from laborwatch.extract.evidence import Span, Victim
from laborwatch.extract.vocabulary import gazetteer

# "works", "worked", "toiling", "labouring".
_WORK = re.compile(r"(?:work|toil|labou?r|slave)(?:s|ed|ing)?$", re.I)
# Verbs whose passive subject is the one harmed: "she was sold", "was groomed".
_HARMED = re.compile(
    r"(?:traffick|sold|forc|trick|lur|groom|enslav|beat|abus|exploit|trapp|confin"
    r"|deceiv|smuggl|kidnapp|abduct|coerc|compell|rap|tortur|starv|lock|rescu"
    r"|freed)\w*$",
    re.I,
)
# The group a person is "one of": "one of thousands of victims".
_GROUP_NOUN = re.compile(
    r"(?:victims|workers|labou?rers|crew|fishermen|children|girls|boys|women|men"
    r"|migrants|prisoners|detainees)$",
    re.I,
)
# Those whose age is given because they are accused, not harmed.
_ACCUSED = re.compile(
    r"(?:convict|charg|arrest|sentenc|accus|indict|jail|detain|prosecut)\w*$", re.I
)
# A person introduced by a post that runs, profits from or reports on the work:
# "Ahmed, 45, a labour broker", "Smith, a researcher".
_POST = re.compile(
    r"(?:recruiter|broker|owner|manager|official|spokes\w+|director|minister"
    r"|researcher|lawyer|activist|investigator|officer|agent|boss|supervisor"
    r"|captain|trafficker|smuggler|employer|founder|chief|president|professor"
    r"|analyst|journalist|reporter|expert|coordinator|economist|scholar)s?$",
    re.I,
)
_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}
# Capitalised words the parser makes a subject that name no one: "Workers worked".
_NOT_A_NAME = re.compile(
    r"^(?:workers?|labou?rers?|crew|children|women|men|girls|boys|migrants|victims"
    r"|people|many|most|some|one|others?|all|they|she|he|we|i|it|this|that|these"
    r"|those|who|employers?|officials?|authorities|police|researchers?)$",
    re.I,
)


def find_named_victims(
    doc: Any, sentences: list[Sentence], locate: Callable[[int], int]
) -> list[Victim]:
    """Each person a sentence of the section makes one of the people worked on."""
    victims = []
    for token in doc:
        name = _name(token)
        if name is None or not _is_worked_on(token):
            continue
        start, end = name[0].idx, name[-1].idx + len(name[-1].text)
        text = doc.text[start:end]
        age = _age(token)
        victims.append(
            Victim(
                text=text,
                group=text,
                sex=_sex(token, name[-1].i),
                age=age,
                minor=int(age) < 18 if age else None,
                number=1,
                span=Span(start, end, sentences[locate(start)].position),
            )
        )
    return _drop_short_names(victims)


def _name(token: Any) -> list[Any] | None:
    """The words of a person's name that ends at ``token``, if it is one."""
    if token.dep_ not in ("nsubj", "nsubjpass", "attr", "appos"):
        return None
    words = [
        child
        for child in token.lefts
        if child.dep_ == "compound" and child.i >= token.i - 3
    ]
    words.append(token)
    if words[-1].i - words[0].i + 1 != len(words):
        return None
    if token.ent_type_ not in ("PERSON", "", "GPE"):
        return None
    for word in words:
        if not (word.text.istitle() and word.text.isalpha()):
            return None
        if _NOT_A_NAME.match(word.text):
            return None
    if any(child.dep_ in ("det", "poss") for child in token.lefts):
        return None
    if " ".join(word.text for word in words).lower() in _place_names():
        return None
    return words


def _is_worked_on(token: Any) -> bool:
    """Whether the parse makes the person one of the people worked on."""
    if any(
        _POST.match(word.text)
        for child in token.rights
        if child.dep_ == "appos"
        for word in child.subtree
    ):
        return False
    verb = token.head
    if token.dep_ == "nsubj" and _WORK.match(verb.text):
        return True
    if token.dep_ == "nsubjpass" and _HARMED.match(verb.text):
        return True
    # "Supri, who ... worked on a Taiwanese vessel".
    for child in token.rights:
        if child.dep_ == "relcl" and any(
            (part.dep_ == "nsubj" and _WORK.match(child.text))
            or (part.dep_ == "nsubjpass" and _HARMED.match(child.text))
            for part in child.lefts
            if part.lower_ in ("who", "that")
        ):
            return True
    # "Lan is just one of thousands of victims".
    if token.dep_ == "nsubj" and verb.lower_ in ("is", "was"):
        for attr in verb.rights:
            if attr.dep_ == "attr" and any(
                _GROUP_NOUN.match(word.text) for word in attr.subtree
            ):
                return True
    return _age(token) is not None and not _ACCUSED.match(verb.text)


def _age(token: Any) -> str | None:
    """The age the report gives the person: "Kaur, 61,", "Lucy, a 26-year-old
    teacher", "Clarisse was only 13 years old"."""
    for child in token.rights:
        if child.dep_ != "appos":
            continue
        for word in (child, *child.subtree):
            # "Kaur, 61,", or the 26 of "a 26-year-old teacher".
            if (
                word.text.isdigit()
                and len(word.text) <= 2
                and (word is child or word.head.lower_ == "year")
            ):
                return str(word.text)
    verb = token.head
    if token.dep_ == "nsubj" and verb.lower_ in ("is", "was"):
        for child in verb.rights:
            if child.dep_ == "acomp" and child.lower_ == "old":
                for word in child.subtree:
                    if word.text.isdigit():
                        return str(word.text)
    return None


def _sex(token: Any, last: int) -> str | None:
    """Her sex where the sentence next refers to her by a pronoun."""
    for word in token.sent:
        if word.i <= last:
            continue
        if word.lower_ in _FEMALE:
            return "female"
        if word.lower_ in _MALE:
            return "male"
    return None


def _drop_short_names(victims: Iterable[Victim]) -> list[Victim]:
    """ "Clarisse" where the section also names "Clarisse Bassole": one person."""
    victims = list(victims)
    names = {victim.text for victim in victims}
    return [
        victim
        for victim in victims
        if not any(
            other != victim.text
            and (
                other.startswith(victim.text + " ") or other.endswith(" " + victim.text)
            )
            for other in names
        )
    ]


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    return frozenset(entry.name.lower() for entry in gazetteer())
