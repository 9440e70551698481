import pytest

from laborwatch.documents import Sentence
from laborwatch.extract.indicators import find_indicators


def codes(text: str) -> set[str]:
    return {i.code for i in find_indicators(Sentence("doc", 0, 0, len(text), text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The recruiter confiscated their passports on arrival.",
            {"retained_documents"},
        ),
        ("Workers were beaten when they were too slow.", {"violence"}),
        ("They cannot leave the compound at night.", {"restricted_movement"}),
        ("Families repay an advance they took from the kiln owner.", {"debt_bondage"}),
        ("Their wages were withheld for three months.", {"withheld_wages"}),
        ("They work 14 hours a day without a day off.", {"excessive_overtime"}),
        ("Those who complain are threatened with dismissal.", {"intimidation"}),
        (
            "Children aged 10 to 14 work in the mines.",
            {"child_labour", "hazardous_child_work"},
        ),
        (
            "Officials forcibly mobilized students to pick cotton.",
            {"child_labour", "state_imposed"},
        ),
        (
            "Recruiters promised jobs in a restaurant but sent them to a farm.",
            {"deception"},
        ),
    ],
)
def test_rules_find_the_indicator(text: str, expected: set[str]) -> None:
    assert expected <= codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The workers were not beaten.",
        "Our supplier code of conduct prohibits forced labour and passport retention.",
        "The law prohibits forced labor and child labor.",
        "Ensure that labor inspectors can inspect brick kilns where children work.",
        "Modern slavery takes many forms, including debt bondage and deceptive hiring.",
        "The company denied the allegations and said all work was voluntary.",
        "The government launched a plan to combat child labor in cocoa farms.",
    ],
)
def test_no_indicator_in_negations_policies_laws_and_denials(text: str) -> None:
    assert codes(text) == set()


def test_each_indicator_keeps_its_cue_and_span() -> None:
    text = "Those who complain about blisters receive no sympathy."
    sentence = Sentence("doc", 3, 100, 100 + len(text), text)
    (indicator,) = find_indicators(sentence)
    assert indicator.code == "abusive_conditions"
    assert indicator.span.sentence == 3
    assert text[indicator.span.start - 100 : indicator.span.end - 100] == indicator.cue
    assert 0 < indicator.confidence <= 1
