"""Actors by what their sentence says they do, merged per document."""

from laborwatch.extract.actors import merge_mentions
from laborwatch.extract.evidence import Actor, Evidence, Span
from laborwatch.records import evidence_record
from tests.conftest import analyze_text


def _actors(evidence: Evidence) -> dict[str, tuple[str, str | None]]:
    return {actor.name: (actor.kind, actor.role) for actor in evidence.actors}


def test_reporters_and_enforcers_are_not_actors() -> None:
    evidence = analyze_text(
        "Human Rights Watch said that Sunrise Fishery Company forced the crew to work "
        "twenty hours a day and beat those who refused. U.S. Customs and Border "
        "Protection banned imports from the company in 2021."
    )
    actors = _actors(evidence)
    assert actors["Sunrise Fishery Company"] == ("company", "employer")
    assert not any("Human Rights Watch" in name for name in actors)
    assert not any("Customs" in name for name in actors)


def test_a_company_named_in_a_ban_is_accused() -> None:
    evidence = analyze_text(
        "Workers on the vessels said the captain beat them and kept their passports. "
        "The agency issued a withhold release order against Da Wang Fishery Ltd."
    )
    assert _actors(evidence)["Da Wang Fishery Ltd."] == ("company", "accused")


def test_mentions_of_one_actor_are_merged_under_its_longest_name() -> None:
    written = [
        "Ministry of Foreign Trade",
        "the Ministry",
        "MINISTRY OF FOREIGN TRADE",
        "Diana Enikeyeva",
        "Enikeyeva",
        "Ministry of State Security",
    ]
    mentions = [
        Actor(name, "public_body", None, Span(i, i + 1, i), text=name)
        for i, name in enumerate(written)
    ]
    merged = {actor.text: actor.name for actor in merge_mentions(mentions)}
    assert merged["MINISTRY OF FOREIGN TRADE"] == "Ministry of Foreign Trade"
    assert merged["Enikeyeva"] == "Diana Enikeyeva"
    # Two longer ministries: "the Ministry" alone could be either.
    assert merged["the Ministry"] == "the Ministry"
    assert merged["Ministry of State Security"] == "Ministry of State Security"


def test_a_vessel_name_is_kept_whole() -> None:
    evidence = analyze_text(
        "On the Hai Feng No. 12 the crew were forced to work for months without pay "
        "and were beaten by the officers."
    )
    vessels = [a for a in evidence.actors if a.kind == "vessel"]
    assert [a.name for a in vessels] == ["Hai Feng No. 12"]
    assert not any(a.kind == "person" and "Hai Feng" in a.name for a in evidence.actors)


def test_the_people_worked_on_are_victims_not_actors() -> None:
    evidence = analyze_text(
        "The crew members were forced to work without pay by the captain. "
        "Uyghurs were transferred to factories and forced to work."
    )
    names = {actor.name.lower() for actor in evidence.actors}
    assert not names & {"crew members", "uyghurs"}


def test_an_uncertain_count_gives_no_number() -> None:
    evidence = analyze_text(
        "Four or five workers in each team were forced to work without pay. "
        "Twelve workers were forced to work without pay for months."
    )
    numbers = {victim.text: victim.number for victim in evidence.victims}
    assert numbers["Four or five workers"] is None
    assert numbers["Twelve workers"] is None or numbers["Twelve workers"] == 12


def test_the_json_shows_each_distinct_fact_once_with_its_count_and_spans() -> None:
    text = (
        "The factory forced the workers to polish jewels. The workers polished "
        "jewels for twelve hours a day. Guards beat the workers who polished jewels "
        "too slowly."
    )
    evidence = analyze_text(text)
    record = evidence_record(evidence)
    (jewels,) = [good for good in record["goods"] if good["good"] == "gems"]
    assert jewels["count"] == 3
    assert [text[m["start"] : m["end"]] for m in jewels["mentions"]] == ["jewels"] * 3
    assert jewels["in_evidence"] is True
    assert (jewels["start"], jewels["end"]) == (
        jewels["mentions"][0]["start"],
        jewels["mentions"][0]["end"],
    )


def test_groups_listed_together_are_one_victim() -> None:
    evidence = analyze_text(
        "North Korea is a source country for men, women, and children who are "
        "subjected to forced labor, and traffickers exploit Rohingya women and "
        "girls and 30 workers."
    )
    texts = {victim.text: victim for victim in evidence.victims}
    assert "men, women, and children" in texts
    assert texts["Rohingya women and girls"].sex == "female"
    assert texts["30 workers"].number == 30


def test_names_in_a_sentence_that_sanctions_are_accused() -> None:
    evidence = analyze_text(
        "North Korean IT workers were forced to hand over most of their wages. "
        "Those sanctioned include Korea Sobaeksu Trading Company and its front "
        "company in Shenyang."
    )
    roles = _actors(evidence)
    assert roles["Korea Sobaeksu Trading Company"] == ("company", "accused")
    assert not any("Tier" in name or "Treasury" in name for name in roles)


def test_a_merged_mention_takes_the_kind_of_the_name_it_joins() -> None:
    mentions = [
        Actor("Kim Trading Company", "company", None, Span(0, 19, 0), text="x"),
        Actor("Kim", "person", None, Span(30, 33, 1), text="Kim"),
    ]
    merged = merge_mentions(mentions)
    assert {(a.name, a.kind) for a in merged} == {("Kim Trading Company", "company")}


def test_an_actors_span_is_its_name_without_the_article() -> None:
    text = (
        "The Ministry of Foreign Trade's factories used prisoners forced to work. "
        "The North Korean regime forced them to work."
    )
    evidence = analyze_text(text)
    assert evidence.actors
    for actor in evidence.actors:
        assert text[actor.span.start : actor.span.end] == actor.text


def test_long_capitalised_words_do_not_stall_victims() -> None:
    # Three 300-letter capitalised words took over a minute when the pattern
    # for a capitalised modifier could split a word many ways.
    from laborwatch.documents import Sentence
    from laborwatch.extract.victims import find_victims

    text = "Children were forced to work by " + " ".join(["A" + "a" * 300] * 3) + " x."
    sentence = Sentence(document_id="d", position=0, start=0, end=len(text), text=text)
    assert [victim.group for victim in find_victims(sentence)] == ["children"]


def test_a_files_metadata_lines_name_no_actor() -> None:
    evidence = analyze_text(
        "# SOURCE: CIA World Factbook (US Government work, public domain), field "
        "'Transnational Issues > Trafficking in persons'\n"
        "# COUNTRY: Aruba\n\n"
        "Managers of the Sunrise Trading Company confiscated the workers' passports "
        "and forced them to work in construction in Aruba."
    )
    names = {actor.name for actor in evidence.actors}
    assert not any("Factbook" in name for name in names)
    assert any("Sunrise" in name for name in names)
    assert {place.country for place in evidence.places} == {"AW"}
