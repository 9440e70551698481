import pytest

from laborwatch.documents import Sentence
from laborwatch.extract.classifier import classify
from laborwatch.extract.indicators import find_indicators, rule_features, rule_hits
from tests.conftest import analyze_text


def sentence(text: str, position: int = 0, start: int = 0) -> Sentence:
    return Sentence("doc", position, start, start + len(text), text)


def cue_codes(text: str) -> set[str]:
    return set(rule_hits(sentence(text)).cues)


def decided(text: str, previous: str = "") -> set[str]:
    (scores,) = classify([text], [previous])
    return {i.code for i in find_indicators(sentence(text), scores)}


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
def test_cue_rules_find_the_indicator(text: str, expected: set[str]) -> None:
    assert expected <= cue_codes(text)


def test_a_negated_cue_is_dropped_and_reported_as_a_feature() -> None:
    text = "The workers were not beaten."
    assert cue_codes(text) == set()
    assert rule_features(text)[-1] == 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The recruiter confiscated their passports on arrival.", "retained_documents"),
        ("Children aged 10 to 14 work in the mines.", "hazardous_child_work"),
        (
            "Employers confiscated the workers' passports and forced them to work "
            "18 hours a day.",
            "excessive_overtime",
        ),
        (
            "Traffickers lured victims with false promises of well-paid jobs abroad.",
            "deception",
        ),
    ],
)
def test_the_classifier_decides_evidence(text: str, expected: str) -> None:
    assert expected in decided(text)


@pytest.mark.parametrize(
    "text",
    [
        "The workers were not beaten.",
        "Our supplier code of conduct prohibits forced labour and passport retention.",
        "The law prohibits forced labor and child labor.",
        "Ensure that labor inspectors can inspect brick kilns where children work.",
        "The company denied the allegations and said all work was voluntary.",
        "The government launched a plan to combat child labor in cocoa farms.",
        "Police charged the couple under the anti-trafficking act.",
        "The company publishes its annual report every March.",
    ],
)
def test_no_indicator_in_negations_policies_laws_enforcement_and_denials(
    text: str,
) -> None:
    assert decided(text) == set()


def test_each_indicator_keeps_its_cue_span_and_probability() -> None:
    text = "The agent confiscated the workers' passports when they arrived."
    at = sentence(text, position=3, start=100)
    (scores,) = classify([text])
    (indicator,) = [
        i for i in find_indicators(at, scores) if i.code == "retained_documents"
    ]
    assert indicator.span.sentence == 3
    assert text[indicator.span.start - 100 : indicator.span.end - 100] == indicator.cue
    assert indicator.cue and indicator.cue != text
    assert indicator.confidence == indicator.model_confidence
    assert 0 < indicator.confidence <= 1


@pytest.mark.parametrize(
    ("text", "overtime"),
    [
        ("The girls work eight hours every day polishing stones.", False),
        ("The girls work 8 hours a day polishing stones.", False),
        ("The girls work 14 hours a day polishing stones.", True),
        (
            "The girls work eight hours every day, seven days a week, without rest.",
            True,
        ),
    ],
)
def test_a_normal_working_day_is_not_excessive_overtime(
    text: str, overtime: bool
) -> None:

    evidence = analyze_text(text)
    assert ("excessive_overtime" in evidence.codes()) is overtime
