"""Actors by what their sentence says they do, merged per document."""

import pytest

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
    assert numbers["workers"] is None
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


# Sentences below are from the facts tuning set (benchmarks/data/facts_tune).


def test_a_company_keeps_its_legal_form() -> None:
    evidence = analyze_text(
        "Effective Oct. 21, U.S. Customs and Border Protection (CBP) officers at all "
        "U.S. ports of entry will detain disposable gloves produced by Supermax "
        "Corporation Bhd.'s wholly-owned subsidiaries, Maxter Glove Manufacturing Sdn. "
        "Bhd., Maxwell Glove Manufacturing Bhd., and Supermax Glove Manufacturing. "
        "Effective Wednesday, April 10, 2024, CBP will detain work gloves manufactured "
        "by Shanghai Select Safety Products Company, Limited and its two subsidiaries."
    )
    names = set(_actors(evidence))
    assert "Supermax Corporation Bhd." in names
    assert "Maxter Glove Manufacturing Sdn. Bhd." in names
    assert "Shanghai Select Safety Products Company, Limited" in names
    assert "Limited" not in names
    assert _actors(evidence)["Supermax Glove Manufacturing"][0] == "company"


def test_who_speaks_of_an_order_or_is_a_contact_is_not_accused() -> None:
    evidence = analyze_text(
        '"With this Withhold Release Order, the Biden-Harris Administration continues '
        "to make clear that products made in whole or in part by forced labor will "
        'not be allowed into the United States," said Secretary Alejandro Mayorkas. '
        "For more information on this or other WROs and how they may affect your "
        "business, please contact Nicole Bivens Collinson or Elise Shibles."
    )
    names = set(_actors(evidence))
    assert not names & {
        "Biden-Harris Administration",
        "Nicole Bivens Collinson",
        "Elise Shibles",
        "WRO",
        "WROs",
    }


def test_the_outlet_told_is_not_an_actor() -> None:
    evidence = analyze_text(
        '"I slept on the floor every night, and in the morning I would pick cocoa," '
        "she told New Lines. She was forced to work without pay."
    )
    assert "New Lines" not in _actors(evidence)


def test_the_agent_of_a_verb_of_the_work_is_an_actor() -> None:
    evidence = analyze_text(
        "For three years, she was forced by local farmers to cultivate a fruit that "
        "is coveted by billions of Western consumers. Lucy had just given birth when "
        "she was groomed by traffickers."
    )
    actors = _actors(evidence)
    assert actors["local farmers"][1] == "employer"
    assert actors["traffickers"] == ("person", "recruiter")
    assert not any("consumers" in name for name in actors)


def test_the_owner_of_what_forced_is_not_an_actor() -> None:
    evidence = analyze_text(
        "\"It wasn't by choice. Husband's illness, no money for medicine, deaths, "
        "children, desperation, household expenses and other problems forced me to "
        'take this route," Yasmin, a mother of four, told Al Jazeera as she took a '
        "short break from the brick-making work she started at sunrise."
    )
    assert "Husband" not in _actors(evidence)


def test_who_denies_the_work_covers_it_up() -> None:
    evidence = analyze_text(
        "The government denies that it is attempting to alter the demographics of "
        "its far-western region and says the job transfers are designed to raise "
        "incomes."
    )
    assert _actors(evidence)["government"] == ("public_body", "denies the work")


def test_a_singular_and_plural_unnamed_actor_are_one() -> None:
    evidence = analyze_text(
        "Migrant domestic workers are beaten by their employers and have their "
        "passports confiscated. She was forced into another employer's house before "
        "escaping to live on the street."
    )
    names = [actor.name.lower() for actor in evidence.actors]
    assert "employers" in names
    assert "employer" not in names


def test_unnamed_gangs_and_sponsors_are_actors() -> None:
    evidence = analyze_text(
        "Lan was informed that she had been sold to a criminal gang and could not "
        "leave without paying a ransom. When she returned to her sponsor desperate "
        "for help, they sequestered her for days without food or water."
    )
    names = set(_actors(evidence))
    assert "criminal gang" in names
    assert "sponsor" in names


def test_the_agent_of_the_harm_is_not_a_victim() -> None:
    from laborwatch.documents import Sentence
    from laborwatch.extract.victims import find_victims

    text = (
        "For three years, she was forced by local farmers to cultivate cocoa, "
        "alongside other children."
    )
    sentence = Sentence(document_id="d", position=0, start=0, end=len(text), text=text)
    assert [victim.group for victim in find_victims(sentence)] == ["children"]


def test_a_persons_name_takes_no_legal_form() -> None:
    evidence = analyze_text(
        "The factory was run by Jane Doe, Co-founder of the firm, and workers were "
        "forced to work without pay."
    )
    roles = _actors(evidence)
    assert not any("Co" in name for name in roles)
    assert roles.get("Jane Doe", ("person", None))[0] == "person"


def test_a_legal_form_is_a_whole_word() -> None:
    from laborwatch.extract.actor_cues import LEGAL_SUFFIX

    assert LEGAL_SUFFIX.match(", Co-founder", 0) is None
    assert LEGAL_SUFFIX.match(" Co-operative", 0) is None
    suffix = LEGAL_SUFFIX.match(", Co. Ltd", 0)
    assert suffix is not None and suffix.group(0) == ", Co. Ltd"


def test_an_unnamed_actor_in_the_singular_joins_its_plural() -> None:
    mentions = [
        Actor("her employer", "company", "employer", Span(0, 12, 0), text="x"),
        Actor("their employers", "company", "employer", Span(20, 35, 1), text="x"),
    ]
    merged = merge_mentions(mentions)
    assert {actor.name for actor in merged} == {"their employers"}


@pytest.mark.parametrize(
    ("written", "name"),
    [
        # A singular joins the fuller plural name.
        (("cane-cutting contractors", "a contractor"), "cane-cutting contractors"),
        # A final dot does not make another name.
        (
            ("Shandong Linglong Tire Co.", "Shandong Linglong Tire Co"),
            "Shandong Linglong Tire Co.",
        ),
    ],
)
def test_two_writings_of_one_actor_are_merged(
    written: tuple[str, str], name: str
) -> None:
    actors = [
        Actor(text, "company", None, Span(40 * i, 40 * i + len(text), i), "")
        for i, text in enumerate(written)
    ]
    assert {actor.name for actor in merge_mentions(actors)} == {name}


def test_traffickers_are_actors_wherever_the_report_names_them() -> None:
    evidence = analyze_text(
        "The boats left from Cox's Bazar in the spring. Human traffickers promised "
        "the families passage to Malaysia."
    )
    assert "traffickers" in _actors(evidence)
    # A word that is no wrongdoing stays out unless its sentence carries evidence.
    quiet = analyze_text("The managers met the buyers at the trade fair in May.")
    assert "managers" not in _actors(quiet)


def test_what_drives_the_work_without_doing_it_is_no_actor() -> None:
    evidence = analyze_text(
        "Most were sent by force to the factories and forced to work twelve hours a "
        "day. Others were lured by dreams of a better life and then beaten by guards. "
        "Police confiscated tasers and pepper spray during the raid on the farm."
    )
    names = {name.lower() for name in _actors(evidence)}
    assert "guards" in names
    assert not names & {"force", "dreams", "police"}
    # Papers taken are the work's control, whoever takes them.
    for text in (
        "Golden Sea Fishing Co. confiscated the workers' passports on arrival.",
        "Golden Sea Fishing Co. confiscated their ID cards and their earnings.",
        "The workers' passports were confiscated by Golden Sea Fishing Co.",
    ):
        assert _actors(analyze_text(text))["Golden Sea Fishing Co."][1] == "employer"


def test_a_vessel_named_after_the_word_for_it_is_one_actor() -> None:
    evidence = analyze_text(
        "He worked on a Chinese squid-fishing ship called the Zhen Fa 7, where the "
        "captain beat the crew and withheld their wages for months."
    )
    assert _actors(evidence)["Zhen Fa 7"][0] == "vessel"
    # A sentence run into the next is no vessel's name.
    run_on = analyze_text(
        "Migrants were trafficked on the ship In 2019 the crew was beaten"
    )
    assert not any(actor.kind == "vessel" for actor in run_on.actors)


def test_a_capital_that_acts_is_its_state_not_a_place() -> None:
    evidence = analyze_text(
        "Beijing has set quotas for the transfer of rural labourers to factories, "
        "where they are forced to work. The factories are in Beijing and Hebei."
    )
    assert _actors(evidence)["Beijing"] == ("public_body", "state body setting quotas")
    # Where the sentence names the city as a place, it stays one.
    # A capital that has or hosts is the city.
    city = analyze_text(
        "Dhaka has thousands of garment factories where workers are forced to work."
    )
    assert "Dhaka" not in _actors(city)
    assert [place.country for place in city.places] == ["BD"]
    places = [place for place in evidence.places if place.text == "Beijing"]
    assert [place.span.sentence for place in places] == [1]


def test_a_country_that_runs_or_covers_up_the_work_is_an_actor() -> None:
    evidence = analyze_text(
        "China officially denies that North Korean workers are in its seafood "
        "plants, where they are forced to work."
    )
    assert _actors(evidence)["China"][0] == "public_body"
    # A country that bans or receives is no actor of the work.
    for text in (
        "The United States bans imports made with forced labor.",
        "Thailand is a destination for workers who are forced to fish.",
    ):
        assert not analyze_text(text).actors


def test_a_scheme_or_a_disease_is_no_actor() -> None:
    evidence = analyze_text(
        "Workers recruited under the Pacific Australia Labour Mobility (PALM) scheme "
        "were forced to work unpaid for Acme Farms Pty Ltd."
    )
    assert set(_actors(evidence)) == {"Acme Farms Pty Ltd."}
    pandemic = analyze_text(
        "During Covid-19 the factory owners locked the workers inside and forced "
        "them to work."
    )
    assert set(_actors(pandemic)) == {"factory owners"}


def test_the_verb_a_verb_governs_gives_the_part() -> None:
    evidence = analyze_text(
        "To meet the demand for workers abroad, the regime started sending soldiers "
        "to building sites in Russia."
    )
    assert _actors(evidence)["regime"] == ("public_body", "employer")
