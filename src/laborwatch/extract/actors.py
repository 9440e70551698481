"""Actors: who runs, profits from, enforces or covers up the work.

A name is an actor by what its sentence says it does, read from the dependency
parse: the subject of "recruited" or "forced", the agent of "quotas set by", the
owner in "affiliated with" or "X's factories", the company a ban or a sanction
names. The same name as the one who reports, says, bans or rescues, or as the
one worked on, is not an actor and is dropped. Mentions of one actor in a
document are merged under its longest name ("the Ministry", "Ministry of
Foreign Trade").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from laborwatch.documents import Sentence
from laborwatch.extract.actor_cues import (
    ACCUSATION,
    ACCUSED_STEMS,
    ARMED,
    COMPANY,
    COMPANY_WORD_ALONE,
    DENIAL_STEMS,
    EMPLOYERS,
    ENFORCEMENT_STEMS,
    GENERIC,
    LEGAL_ABBREVIATION,
    LEGAL_SUFFIX,
    NAMED_ORGANISATION,
    NOT_A_BODY,
    ORDINARY_STEMS,
    PERSONS,
    PUBLIC,
    REPORTING_STEMS,
    SCHEME_WORDS,
    STATE_IN_GENERAL,
    STRONG_STEMS,
    TELLING_STEMS,
    VESSEL,
    VESSEL_AFTER_WORD,
    WATCHER_WORDS,
    WATCHERS,
    WORKED_ON,
)
from laborwatch.extract.evidence import Actor, Span
from laborwatch.extract.place_roles import capital_names_its_state, country_acts
from laborwatch.extract.vocabulary import country_names, gazetteer_names

_CRIMINAL = re.compile(
    r"\b(?:traffickers?|smugglers?|gangs?|syndicates|networks?|loan sharks?|captors)\b",
    re.I,
)
_SUBJECTS = {"nsubj", "csubj", "expl"}
# What ``_role`` gives a name its sentence makes a reporter, an enforcer or one of
# the people worked on: not an actor.
_NOT_AN_ACTOR = ""
# What a possessor acts through: "X's subsidiaries recruit", "X's agents beat".
_BODY_OWNED = re.compile(
    "|".join(
        pattern.pattern
        for pattern in (COMPANY, PUBLIC, GENERIC, EMPLOYERS, PERSONS, ARMED, VESSEL)
    )
    + r"|\b(?:subsidiar\w*|affiliates?|agents?|vessels?|ships?|boats?|fleet|men|staff)\b",
    re.I,
)
_CLIMB = {"compound", "amod", "appos", "conj", "cc", "det", "nmod", "nummod", "poss"}


def find_actors(
    doc: Any,
    sentences: list[Sentence],
    locate: Callable[[int], int],
    outlets: set[str],
    evidence_sentences: set[int],
) -> list[Actor]:
    """Actors named in every sentence, each with the part its sentence gives it.

    In a sentence that describes forced or child labour (its position is in
    ``evidence_sentences``) a name is kept unless the sentence makes it a
    reporter, a watchdog, an enforcer or one of the people worked on; elsewhere
    only where the sentence says it forces, traffics, mobilises or is sanctioned
    for the work, or where its very name is a wrongdoing ("human traffickers",
    "loan sharks", "criminal networks"). ``outlets`` are the news outlets the document cites. (Keeping
    every company a report names, wherever it stands, was measured: it added no
    correct actor on the facts development set and took modern slavery
    statements' subsidiaries for actors.)
    """
    actors = []
    for name, label, start, end, position in _candidates(doc, sentences, locate):
        if (
            name in outlets
            or WATCHERS.match(name)
            or NOT_A_BODY.search(name)
            or WORKED_ON.search(name)
            or _names_a_scheme(doc, end)
            # "Madagascar" or "DPRK" tagged as an organisation is the country,
            # whose state is named as "the government" where it acts.
            or (label != "CAPITAL" and name.lower() in gazetteer_names())
        ):
            continue
        in_evidence = position in evidence_sentences or (
            label == "GENERIC" and _CRIMINAL.search(name) is not None
        )
        # The parser reads "No." in a vessel's name as a sentence of its own.
        role = (
            None
            if label == "VESSEL"
            else _role(doc, start, end, strong_only=not in_evidence)
        )
        if (
            role is None
            and (label == "PERSON" or (label == "ORG" and " " in name))
            and ACCUSATION.search(sentences[position].text)
            and not _argument_of_other_verb(doc, start, end)
        ):
            # "Those sanctioned include X and Y", "a withhold release order on
            # goods of X": named where the sentence accuses, not as the accuser.
            role = "accused"
        if role == _NOT_AN_ACTOR or (role == "accused" and label == "GENERIC"):
            continue
        if role is None and (
            label == "AGENT" or not _named_in_evidence(name, label, in_evidence)
        ):
            continue
        actors.append(
            Actor(
                name=name,
                kind=_kind(name, label),
                role=role,
                span=Span(start, end, position),
                text=name,
            )
        )
    return sorted(actors, key=lambda actor: actor.span.start)


def _names_a_scheme(doc: Any, end: int) -> bool:
    """Whether the capitalised words after a name end in a scheme's word."""
    last = doc[-1]  # the text's end, without joining it (Doc.text builds it anew)
    following = doc.char_span(
        end, last.idx + len(last.text_with_ws), alignment_mode="expand"
    )
    for token in following or ():
        if token.lower_ in SCHEME_WORDS:
            return True
        if (
            not (token.is_title or token.is_upper or token.is_punct)
            or token.is_sent_start
        ):
            return False
    return False


def _named_in_evidence(name: str, label: str, in_evidence: bool) -> bool:
    """Whether a name whose sentence gives it no part is still an actor: one
    named in a sentence that carries evidence, if it is a company, a name of more
    than one word, or an acronym ("Reyes" tagged as an organisation is not).

    A person needs a part: the people named in reports are as often the workers,
    or those who speak. So do state bodies named in general ("the government",
    "Ivorian authorities"), which are as often acting against the work.
    """
    if not in_evidence or label == "PERSON" or WATCHER_WORDS.search(name):
        return False
    if STATE_IN_GENERAL.search(name) or COMPANY_WORD_ALONE.match(name):
        return False
    if label == "GENERIC":
        return True
    return bool(COMPANY.search(name)) or " " in name.strip() or name.isupper()


def _candidates(
    doc: Any, sentences: list[Sentence], locate: Callable[[int], int]
) -> Iterable[tuple[str, str, int, int, int]]:
    """(name, label, start, end, sentence) for every name that could be an actor;
    the first found of overlapping names wins (vessels, then entities, then the
    rest)."""
    taken: list[tuple[int, int]] = []
    text = doc.text  # joined anew by each Doc.text: read once

    def free(start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in taken)

    found = []
    for sentence in sentences:
        for match in VESSEL.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            name = match.group(0).strip()
            taken.append((start, end))
            found.append((name, "VESSEL", start, start + len(name), sentence.position))
        for match in VESSEL_AFTER_WORD.finditer(sentence.text):
            start = sentence.start + match.start("name")
            end = sentence.start + match.end("name")
            if free(start, end):
                taken.append((start, end))
                found.append(
                    (match.group("name"), "VESSEL", start, end, sentence.position)
                )
    for entity in doc.ents:
        label = entity.label_
        if label == "GPE" and (
            capital_names_its_state(entity) or country_acts(entity, country_names())
        ):
            # "Beijing has set quotas", "North Korea sends workers": the state acting
            label = "CAPITAL"
        if label == "PRODUCT" and LEGAL_SUFFIX.search(entity.text):
            label = "ORG"  # "Maxwell Glove Manufacturing Bhd" read as a product
        if label not in ("ORG", "PERSON", "NORP", "CAPITAL"):
            continue
        start, end = _without_article(entity.text)
        start, end = entity.start_char + start, entity.start_char + end
        if label == "ORG" or LEGAL_SUFFIX.search(entity.text):
            # Only a body has a legal form: "Jane Doe, Co-founder" is a person,
            # "Supermax Corporation Bhd" read as one is not.
            end = _with_legal_suffix(text, start, end)
        name = text[start:end]
        if entity.label_ == "NORP":
            # "North Korean regime": a nationality that heads a public body.
            following = doc[entity.end : entity.end + 1]
            if following.text.lower() not in (
                "regime",
                "government",
                "authorities",
                "military",
                "army",
            ):
                continue
            end = following.end_char
            name = text[start:end]
        if not name or not free(start, end):
            continue
        taken.append((start, end))
        found.append((name, label, start, end, locate(entity.start_char)))
    for sentence in sentences:
        for match in NAMED_ORGANISATION.finditer(sentence.text):
            name = re.sub(r"^(?:The|A|An)\s+", "", match.group(0)).strip()
            start = sentence.start + sentence.text.find(name, match.start())
            end = start + len(name)
            if " " not in name or not free(start, end):
                continue
            taken.append((start, end))
            found.append((name, "ORG", start, end, sentence.position))
        for match in GENERIC.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if not free(start, end):
                continue
            taken.append((start, end))
            found.append((text[start:end], "GENERIC", start, end, sentence.position))
    for start, end in _agents(doc):
        if free(start, end):
            taken.append((start, end))
            found.append((text[start:end], "AGENT", start, end, locate(start)))
    return sorted(found, key=lambda item: item[2])


def _with_legal_suffix(text: str, start: int, end: int) -> int:
    """Where a name ends once its legal form is taken in: the model stops
    "Supermax Corporation Bhd." before the dot and splits "Company, Limited"."""
    end = start + len(text[start:end].rstrip(" ,"))
    while True:
        if text[end : end + 1] == "." and LEGAL_ABBREVIATION.search(text[start:end]):
            end += 1
        suffix = LEGAL_SUFFIX.match(text, end)
        if not suffix or suffix.end() == end:
            return end
        end = suffix.end()


_PRONOUNS = {"them", "him", "her", "us", "me", "whom", "others", "someone", "one"}
# What drives the work without doing it: "sent by force", "lured by dreams".
_NOT_A_DOER = {
    "force",
    "dreams",
    "promises",
    "poverty",
    "debt",
    "debts",
    "hunger",
    "fear",
    "threats",
    "necessity",
    "circumstances",
    "generations",
    "desperation",
}
# Where a word stands as a noun, not a verb (the pipeline has no tagger).
_NOMINAL = {"pobj", "compound", "amod", "appos", "poss", "nsubj", "dobj", "attr"}
_AGENT_VERBS = tuple(
    stem for _, stems in STRONG_STEMS + ORDINARY_STEMS for stem in stems
)


def _agents(doc: Any) -> Iterable[tuple[int, int]]:
    """Unnamed doers a sentence gives a verb of the work: "forced by local
    farmers", "operated by international companies". Names come from the
    entity model; these are the common nouns it leaves."""
    if not doc.has_annotation("DEP"):
        return
    for token in doc:
        preposition = token.head
        if (
            token.dep_ != "pobj"
            # A common noun: the pipeline runs no tagger, so its case tells.
            or not (token.is_alpha and token.text[0].islower())
            or token.lower_ in _PRONOUNS
            or token.lower_ in _NOT_A_DOER
            or preposition.lower_ != "by"
            or preposition.dep_ != "agent"
            or not _stem_in(preposition.head, _AGENT_VERBS)
        ):
            continue
        words = [
            child
            for child in token.lefts
            if child.dep_ in ("amod", "compound") and child.i == token.i - 1
        ]
        first = words[0] if words else token
        yield first.idx, token.idx + len(token.text)


def _argument_of_other_verb(doc: Any, start: int, end: int) -> bool:
    """Whether a name is the subject or object of a verb that does not accuse:
    in "With this order, the Administration continues..." or "please contact
    X", the sentence names an order, but X is not who it is against."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return False
    token = span.root
    while token.dep_ in _CLIMB and token.head is not token:
        token = token.head
    return (
        token.dep_ in (*_SUBJECTS, "dobj", "obj")
        and token.head.dep_ not in _NOMINAL
        and not _stem_in(token.head, (*ACCUSED_STEMS, "includ", "list", "nam"))
    )


def _without_article(text: str) -> tuple[int, int]:
    """Where a name starts and ends in an entity's text, less a leading "the" and a
    trailing "'s": "The Ministry of Foreign Trade's" names the ministry."""
    start = len(text) - len(text.lstrip())
    if text[start : start + 4].lower() == "the " and len(text) > start + 4:
        start = len(text) - len(text[start + 4 :].lstrip())
    end = len(text.rstrip())
    if text[max(end - 2, start) : end] in ("'s", "’s"):
        end -= 2
    return start, end


def _role(doc: Any, start: int, end: int, *, strong_only: bool) -> str | None:
    """The actor's part in its sentence: a role, None when the sentence does not
    say, or ``_NOT_AN_ACTOR`` when it makes the name a reporter, an enforcer or
    one worked on. ``strong_only``: only roles that make an actor anywhere."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not doc.has_annotation("DEP"):
        return None
    token = span.root
    while token.dep_ in _CLIMB and token.head is not token:
        owner = token.dep_ == "poss"
        token = token.head
        if owner and not _BODY_OWNED.search(token.text):
            # "Husband's illness forced me": the illness forced, not its owner;
            # "X's factories" or "X's agents" do act for X.
            return None
    dep, head = token.dep_, token.head
    if dep in _SUBJECTS:
        return _verb_part(head, strong_only=strong_only)
    if dep == "nsubjpass":
        # "X was sanctioned / convicted": accused; "X was forced to work": worked on.
        if _stem_in(head, ACCUSED_STEMS):
            return "accused"
        return _NOT_AN_ACTOR if _perpetrator_role(head) else None
    if dep == "pobj":
        return _governed_part(head, strong_only=strong_only)
    if dep in ("dobj", "obj") and _stem_in(head, ACCUSED_STEMS):
        return "accused"
    if dep in ("dobj", "obj", "dative") and _stem_in(head, TELLING_STEMS):
        return _NOT_AN_ACTOR  # "she told New Lines": the outlet
    return None


def _governed_part(preposition: Any, *, strong_only: bool) -> str | None:
    """The part of a name governed by a preposition: "set by X", "affiliated with
    X", "worked for X", "a ban on X", "according to X"."""
    governor = preposition.head
    word = preposition.lower_
    if word == "by" or preposition.dep_ == "agent":
        return _verb_part(governor, strong_only=strong_only)
    if word == "to" and (
        governor.lower_ == "according" or _stem_in(governor, TELLING_STEMS)
    ):
        return _NOT_AN_ACTOR
    # "an order against X", "sanctions on X", "a ban on X".
    if word == "against" or (
        word == "on" and _stem_in(governor, (*ACCUSED_STEMS, "order", "measure"))
    ):
        return "accused"
    if strong_only:
        return None
    if word in ("with", "to", "under") and _stem_in(
        governor, ("affiliat", "link", "tie", "connect", "belong", "subordinat")
    ):
        return "owner"
    if word in ("for", "at") and _stem_in(governor, ("work", "employ", "labou")):
        return "employer"
    if word == "from" and _stem_in(governor, ("buy", "bought", "sourc", "import")):
        return "trader"
    return None


def _verb_part(verb: Any, *, strong_only: bool) -> str | None:
    if _stem_in(verb, DENIAL_STEMS):
        return "denies the work"
    if _stem_in(verb, REPORTING_STEMS) or _stem_in(verb, ENFORCEMENT_STEMS):
        # "X imposed quotas" runs the work; "X imposed a ban" enforces against it.
        if _stem_in(verb, ("impos",)) and _has_object(verb, ("quota", "labo", "work")):
            return "state body setting quotas"
        return _NOT_AN_ACTOR
    role = _perpetrator_role(verb, strong_only=strong_only)
    if (
        role is None
        and verb.dep_ in ("xcomp", "conj", "advcl")
        and verb.head is not verb
    ):
        role = _perpetrator_role(verb.head, strong_only=strong_only)
    for action in verb.children:
        # "the regime started sending soldiers", "began to force them": the
        # verb that says what was done is the one it governs.
        if role is None and action.dep_ == "xcomp":
            role = _perpetrator_role(action, strong_only=strong_only)
    return role


def _perpetrator_role(verb: Any, *, strong_only: bool = False) -> str | None:
    # "quotas set by X", "X sets the quotas": the quota, not the verb, tells.
    near = (
        [*verb.children, verb.head] if verb.dep_ in ("acl", "relcl") else verb.children
    )
    if any(_stem_in(token, ("quota",)) for token in near):
        return "state body setting quotas"
    if _stem_in(verb, ("confiscat", "seiz")) and _takes_other_than_papers(verb):
        return None  # "Police confiscated tasers": evidence taken, not papers.
    table = STRONG_STEMS if strong_only else STRONG_STEMS + ORDINARY_STEMS
    for role, stems in table:
        if _stem_in(verb, stems):
            return role
    return None


# What taking from workers controls them: their papers, phones and pay.
_PAPERS = (
    "passport",
    "document",
    "id",
    "identit",
    "papers",
    "card",
    "phone",
    "wage",
    "salar",
    "pay",
    "earning",
    "money",
    "saving",
)


def _takes_other_than_papers(verb: Any) -> bool:
    """Whether a verb of taking names what it takes, and that is none of the
    workers' papers, phones or pay ("confiscated tasers", not "confiscated their
    ID cards"; a passive "passports were confiscated by X" names it as subject)."""
    objects = [child for child in verb.children if child.dep_ in ("dobj", "obj")]
    return bool(objects) and not any(
        _stem_in(token, _PAPERS) for child in objects for token in child.subtree
    )


def _has_object(verb: Any, stems: tuple[str, ...]) -> bool:
    return any(
        child.dep_ in ("dobj", "obj") and _stem_in(child, stems)
        for child in verb.children
    )


def _stem_in(token: Any, stems: tuple[str, ...]) -> bool:
    word = token.lower_
    return any(word.startswith(stem) for stem in stems)


def _kind(name: str, label: str) -> str:
    if label == "VESSEL":
        return "vessel"
    if label == "CAPITAL":
        return "public_body"
    if ARMED.search(name):
        return "armed_group"
    if PUBLIC.search(name):
        return "public_body"
    if COMPANY.search(name) or EMPLOYERS.search(name):
        return "company"
    if label == "PERSON" or PERSONS.search(name):
        return (
            "organisation" if re.search(r"gangs|syndicates", name, re.I) else "person"
        )
    return "organisation"


def merge_mentions(actors: list[Actor]) -> list[Actor]:
    """Mentions of one actor in a document under one name, its longest.

    Case and a leading article or possessive are ignored (the name as written in
    mixed case is kept over capitals); a surname alone ("Enikeyeva") joins the one
    full name ending in it; a head word alone ("the Ministry") joins the one
    longer name starting with it.
    """
    written: dict[str, list[str]] = {}
    for actor in actors:
        written.setdefault(_plain(actor.name), []).append(actor.name)
    shown = {
        key: max(
            names, key=lambda name: (not name.isupper(), names.count(name), len(name))
        )
        for key, names in written.items()
    }
    keys = sorted(shown, key=lambda key: len(key.split()), reverse=True)
    joins: dict[str, str] = {}
    for key in keys:
        # "her employer" and "their employers": one unnamed actor, named as the
        # plural that speaks of all of them.
        if key.islower() and f"{key}s" in shown:
            joins[key] = f"{key}s"
            continue
        words = key.split()
        longer = {
            joins.get(other, other)
            for other in keys
            if len(other.split()) > len(words)
            and (
                _singular(other.split()[-len(words) :]) == _singular(words)
                or other.split()[: len(words)] == words
            )
        }
        joins[key] = longer.pop() if len(longer) == 1 else key
    # A merged mention takes the kind of the name it joins: "Kim" tagged a person
    # and merged into "Kim Trading Company" is the company.
    kinds: dict[str, str] = {}
    for actor in actors:
        kinds.setdefault(actor.name, actor.kind)
    merged = []
    for actor in actors:
        name = shown[joins[_plain(actor.name)]]
        merged.append(replace(actor, name=name, kind=kinds.get(name, actor.kind)))
    return merged


def _singular(words: list[str]) -> list[str]:
    """The words with the last in the singular, so that "a contractor" joins
    "cane-cutting contractors" as "employer" joins "employers"."""
    last = words[-1]
    return [*words[:-1], last[:-1] if last.endswith("s") and len(last) > 3 else last]


def _plain(name: str) -> str:
    """The name for comparing: lower case, without a leading article or
    possessive ("her employer" is the "employer" of "their employers")."""
    return re.sub(
        r"^(?:the|a|an|her|his|their|its|our|my|your)\s+", "", name.lower()
    ).strip(" .")
