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
from typing import Any

from laborwatch.documents import Sentence
from laborwatch.extract.actor_cues import (
    COMPANY,
    DENIAL_STEMS,
    REPORTING_STEMS,
    WATCHER_WORDS,
    WATCHERS,
)
from laborwatch.extract.evidence import Span, Victim
from laborwatch.extract.numbers import word_number
from laborwatch.extract.vocabulary import gazetteer_names, word_classes

# The classes of words that tell the people worked on from those who run, profit
# from or report on the work (data/person-words.toml).
_WORDS = word_classes("person-words.toml")
# The body one works for or with that makes one its staff, not a worker:
# "works for Human Rights Watch", "works with the union".
_ORGANISATION = re.compile(
    r"\b(?:organi[sz]ations?|ngos?|charit(?:y|ies)|unions?|non-?profits?|campaigns?"
    r"|coalitions?|networks?|associations?|federations?)\b",
    re.I,
)
_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}


def find_named_victims(
    doc: Any, sentences: list[Sentence], locate: Callable[[int], int]
) -> list[Victim]:
    """Each person a sentence of the section makes one of the people worked on."""
    victims = []
    whole = doc.text  # joined anew by each Doc.text: read once
    for token in doc:
        name = _name(token)
        if name is None or not _is_worked_on(token):
            continue
        start, end = name[0].idx, name[-1].idx + len(name[-1].text)
        text = whole[start:end]
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
    if token.ent_type_ not in ("PERSON", "", "GPE") and not _said_to_be_a_person(token):
        return None
    for word in words:
        if not (word.text.istitle() and word.text.isalpha()):
            return None
        if _WORDS["not_a_name"].match(word.text) or _WORDS["post"].match(word.text):
            return None
        if _WORDS["title"].match(word.text):
            return None
    if any(child.dep_ in ("det", "poss") for child in token.lefts):
        return None
    if " ".join(word.text for word in words).lower() in gazetteer_names():
        return None
    return words


def _said_to_be_a_person(token: Any) -> bool:
    """Whether the parse says a name the model tags otherwise ("Contreras" as an
    organisation) is a person's: in apposition to a worker or a relative ("his
    wife Sony"), one of other workers ("Contreras and 600 other workers"), or
    given an age ("15-year-old Marta Ruiz")."""
    return (
        bool(_person_nouns(token))
        or _one_of_other_workers(token)
        or _age_before(token) is not None
    )


def _person_nouns(token: Any) -> list[Any]:
    """The nouns in apposition to a name, and those they are coordinated with:
    "Bandu Ugale, Satyabhama's husband and a cane cutter himself"."""
    nouns = [token.head] if token.dep_ == "appos" and token.head is not token else []
    for child in token.rights:
        if child.dep_ == "appos":
            nouns.extend(
                word for word in child.subtree if word.dep_ in ("appos", "conj")
            )
    return [
        noun
        for noun in nouns
        if _WORDS["worker"].match(noun.text) or _WORDS["kin"].match(noun.text)
    ]


def _one_of_other_workers(token: Any) -> bool:
    """ "Contreras and some 600 other Mexican guest workers arrived"."""
    return any(
        child.dep_ == "conj"
        and _WORDS["group_noun"].match(child.text)
        and any(word.lower_ == "other" for word in child.lefts)
        for child in token.rights
    )


def _is_worked_on(token: Any) -> bool:
    """Whether the parse makes the person one of the people worked on."""
    if any(
        _WORDS["post"].match(word.text)
        for child in token.rights
        if child.dep_ == "appos"
        for word in child.subtree
    ):
        return False
    nouns = _person_nouns(token)
    # "Satyabhama, a cane-cutter", "a migrant fisher, Maung Maung".
    if any(
        _WORDS["worker"].match(noun.text) for noun in nouns
    ) or _one_of_other_workers(token):
        return True
    # "He and his wife Sony had both worked": the relative stands for the name.
    for noun in nouns:
        while noun.dep_ == "conj" and noun.head is not noun:
            noun = noun.head
        if (noun.dep_ == "nsubj" and _is_work(noun.head)) or (
            noun.dep_ == "nsubjpass" and _is_harm(noun.head)
        ):
            return True
    verb = token.head
    if token.dep_ == "nsubj" and _is_work(verb):
        return True
    if token.dep_ == "nsubjpass" and _is_harm(verb):
        return True
    # "Supri, who ... worked on a Taiwanese vessel".
    for child in token.rights:
        if child.dep_ == "relcl" and any(
            (part.dep_ == "nsubj" and _is_work(child))
            or (part.dep_ == "nsubjpass" and _is_harm(child))
            for part in child.lefts
            if part.lower_ in ("who", "that")
        ):
            return True
    # "Lan is just one of thousands of victims".
    if token.dep_ == "nsubj" and verb.lower_ in ("is", "was"):
        for attr in verb.rights:
            if attr.dep_ == "attr" and any(
                _WORDS["group_noun"].match(word.text) for word in attr.subtree
            ):
                return True
    if _age(token) is None or _WORDS["accused"].match(verb.text):
        return False
    # "John Smith, 52, said the company had done nothing wrong": one who speaks
    # is a victim only where the sentence speaks of the work or its harm.
    verb_text = verb.lower_
    if verb_text.startswith(DENIAL_STEMS):
        return False
    return not verb_text.startswith(REPORTING_STEMS) or any(
        _WORDS["work"].match(word.text) or _WORDS["harmed"].match(word.text)
        for word in token.sent
    )


def _is_work(verb: Any) -> bool:
    """A verb of the work whose doer works for no organisation and holds no post:
    "works at a kiln", not "works for Human Rights Watch", "works as a researcher"."""
    if not _WORDS["work"].match(verb.text):
        return False
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "as", "with"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            # The object's own words, not a place after it: "a family in Almeria".
            words = " ".join(word.text for word in obj.subtree if word.i <= obj.i)
            # A post one works as; one works for an employer or owner.
            if prep.lower_ == "as" and _WORDS["post"].match(obj.text):
                return False
            # "works for Sunrise Trading Company": a company employs its workers.
            if COMPANY.search(words):
                continue
            if (
                obj.ent_type_ == "ORG"
                or WATCHERS.match(words)
                or WATCHER_WORDS.search(words)
                or _ORGANISATION.search(words)
            ):
                return False
    return True


def _is_harm(verb: Any) -> bool:
    """A verb of the harm done to its subject; forced, compelled or coerced only
    to do the work or bear its harm ("forced to pick tea", not "to resign")."""
    if not _WORDS["harmed"].match(verb.text):
        return False
    if not _WORDS["forced"].match(verb.text):
        return True
    return all(
        _WORDS["work_done"].match(child.text)
        for child in verb.children
        if child.dep_ == "xcomp"
    )


def _age(token: Any) -> str | None:
    """The age the report gives the person: "Kaur, 61,", "Lucy, a 26-year-old
    teacher", "Clarisse was only 13 years old", "15-year-old Carolina Yoc", "their
    seven-year-old son Enamullah"."""
    before = _age_before(token)
    if before is not None:
        return before
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


def _age_before(token: Any) -> str | None:
    """An age written before the name, or before the relative it names: "15-year-old
    Carolina Yoc", "their seven-year-old son Enamullah"."""
    described = [token, token.head] if token.dep_ == "appos" else [token]
    for word in described:
        for child in word.lefts:
            if child.dep_ != "amod" or child.lower_ != "old":
                continue
            for part in child.subtree:
                text = part.text
                value = int(text) if text.isdigit() else word_number(text)
                if value is not None and part.head.lower_ == "year" and value < 100:
                    return str(value)
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
