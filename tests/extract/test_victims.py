"""Victims: each group of people worked on, as the report names it."""

from laborwatch.documents import Sentence
from laborwatch.extract.victims import find_victims
from laborwatch.extract.vocabulary import word_classes
from tests.conftest import analyze_text


def _sentence(text: str) -> Sentence:
    return Sentence(document_id="d", position=0, start=0, end=len(text), text=text)


def test_a_vague_or_approximate_count_is_not_part_of_the_group() -> None:
    sentence = _sentence(
        "China is transferring hundreds of thousands of Uighurs to factories, and "
        "more than 1,000 North Korean workers were confined, beside 30 workers."
    )
    found = [(v.text, v.number) for v in find_victims(sentence)]
    assert found == [
        ("Uighurs", None),
        ("North Korean workers", None),
        ("30 workers", 30),
    ]
    for victim in find_victims(sentence):
        assert sentence.text[victim.span.start : victim.span.end] == victim.text


def test_a_group_that_says_who_the_group_before_it_are_is_not_another() -> None:
    sentence = _sentence(
        "North Korean workers, predominantly women, described being confined, "
        "while children worked on farms."
    )
    assert [v.text for v in find_victims(sentence)] == [
        "North Korean workers",
        "children",
    ]


def test_a_group_outside_evidence_counts_where_it_is_said_to_do_the_work() -> None:
    sentence = _sentence(
        "Her story is like that of the 4.5 million people who work on kilns, "
        "while farmers protested in the capital."
    )
    assert [v.text for v in find_victims(sentence, said_to_work=True)] == ["people"]
    assert [
        v.text
        for v in find_victims(
            _sentence("Migrant domestic workers are subject to constant humiliation."),
            said_to_work=True,
        )
    ] == ["Migrant domestic workers"]


def test_a_person_the_report_says_works_or_is_harmed_is_a_victim() -> None:
    evidence = analyze_text(
        "Lahore, Pakistan – Yasmin works at one of the brick kilns near the city. "
        "Paramjit Kaur, 61, worked as a sewing machine operator for her employer. "
        "In 2019, Clarisse was trafficked to a cocoa farm far from her home. "
        "Lan is just one of thousands of victims who have been tricked into such work. "
        "The manager, John Smith, said the company pays a fair wage. "
        "Ahmed Khan, 45, a labour broker, works in the next village."
    )
    found = {v.text: v for v in evidence.victims}
    assert {"Yasmin", "Paramjit Kaur", "Clarisse", "Lan"} <= set(found)
    assert not any(
        name in text for name in ("Smith", "Khan", "Lahore") for text in found
    )
    kaur = found["Paramjit Kaur"]
    assert (kaur.age, kaur.minor, kaur.sex, kaur.number) == ("61", False, "female", 1)


def test_the_group_that_makes_the_goods_is_a_victim_not_a_doer() -> None:
    found = [
        [v.text for v in find_victims(_sentence(text))]
        for text in (
            "Cotton in the region is picked by children.",
            "Bricks are made by 30 workers who are held in debt bondage.",
            "She was beaten by the men who ran the kiln.",
        )
    ]
    assert found == [["children"], ["30 workers"], []]


def test_a_group_that_acts_is_not_said_to_do_the_work() -> None:
    for text in (
        "Farmers held a protest outside the ministry.",
        "Farmers sold their land to the company.",
        "Workers forced the management to negotiate.",
        "The teachers workshop was held in the capital.",
    ):
        assert find_victims(_sentence(text), said_to_work=True) == [], text
    assert [
        v.text
        for v in find_victims(
            _sentence("Farmers were held in debt and children work in the fields."),
            said_to_work=True,
        )
    ] == ["Farmers", "children"]


def test_a_person_who_works_for_an_organisation_is_not_a_victim() -> None:
    evidence = analyze_text(
        "Phil Robertson works for Human Rights Watch. He said the brick kilns used "
        "forced labour. Maria works as a researcher with the union. "
        "Yasmin works at a kiln near the city. Rosa worked for a farmer in Almeria."
    )
    found = {v.text for v in evidence.victims}
    assert {"Yasmin", "Rosa"} <= found
    assert not found & {"Phil Robertson", "Maria"}


def test_a_person_whose_age_is_given_is_not_a_victim_for_speaking() -> None:
    evidence = analyze_text(
        "John Smith, 52, said the company had done nothing wrong. "
        "Lucy Banda, 26, said she was forced to work eighteen hours a day."
    )
    found = {v.text for v in evidence.victims}
    assert "Lucy Banda" in found
    assert "John Smith" not in found


def test_an_official_forced_to_resign_is_not_a_victim() -> None:
    evidence = analyze_text(
        "Minister Smith was forced to resign after the scandal. "
        "Senator Jones was forced out of office. "
        "Mary Njeri was forced to pick tea for no pay."
    )
    found = {v.text for v in evidence.victims}
    assert "Mary Njeri" in found
    assert not any("Smith" in text or "Jones" in text for text in found)


def test_a_person_whose_age_comes_before_the_name_is_a_victim() -> None:
    evidence = analyze_text(
        "Children packed cereal at the plant through the night. "
        "One was 15-year-old Marta Ruiz, who came to the country on her own. "
        "The smugglers were paid so that Amina and their seven-year-old son "
        "Yusuf could cross."
    )
    found = {v.text: v for v in evidence.victims}
    assert {"Marta Ruiz", "Yusuf"} <= set(found)
    assert (found["Marta Ruiz"].age, found["Marta Ruiz"].minor) == ("15", True)
    assert (found["Yusuf"].age, found["Yusuf"].minor) == ("7", True)


def test_a_person_named_beside_a_worker_or_with_other_workers_is_a_victim() -> None:
    evidence = analyze_text(
        "A Myanmar migrant fisher, Ko Aung, still remembers the night at sea. "
        '"We cannot take a break," says Meera, a cane-cutter. '
        "Ravi Shinde, her husband and a cane cutter himself, explained why. "
        "He and his wife Sony had both worked in the area without contract. "
        "As soon as Contreras and some 600 other guest workers arrived, he knew."
    )
    found = {v.text for v in evidence.victims}
    assert {"Ko Aung", "Meera", "Ravi Shinde", "Sony", "Contreras"} <= found


def test_a_determiner_that_starts_the_sentence_is_no_part_of_the_group() -> None:
    sentence = _sentence("These workers are part of a new economy of exploitation.")
    assert [v.text for v in find_victims(sentence)] == ["workers"]


def test_a_group_whose_labour_is_exploited_is_said_to_do_the_work() -> None:
    sentence = _sentence(
        "Criminal networks systematically exploit the labor of thousands of "
        "migrants from Punjab, and traders visited farmers."
    )
    assert [v.text for v in find_victims(sentence, said_to_work=True)] == ["migrants"]


def test_a_worker_alone_is_no_group() -> None:
    sentence = _sentence(
        "It was a way to remind the worker that the company could fire them, while "
        "a migrant worker and 30 workers were held in debt."
    )
    assert [v.text for v in find_victims(sentence)] == ["migrant worker", "30 workers"]


def test_a_word_class_matches_a_whole_token_with_its_ending_ignoring_case() -> None:
    words = word_classes("person-words.toml")
    assert words["post"].match("Spokeswoman")
    assert words["post"].match("researchers")
    assert not words["post"].match("researchership")
    assert words["harmed"].match("trafficked")
    assert words["work"].match("labouring")
    assert not words["work"].match("workshop")
