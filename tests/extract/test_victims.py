"""Victims: each group of people worked on, as the report names it."""

from laborwatch.documents import Sentence
from laborwatch.extract.victims import find_victims


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
