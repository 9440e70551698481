"""Korean reports: sentences, cues, places, money, dates and actors (text written
for these tests)."""

import pytest

from laborwatch.documents import Document, Sentence
from laborwatch.extract.evidence import Evidence
from laborwatch.extract.korean import split_korean_sentences
from laborwatch.extract.korean.cues import is_korean_non_evidence, korean_cues
from laborwatch.extract.korean.facts import (
    find_korean_actors,
    find_korean_dates,
    find_korean_money,
    find_korean_places,
)
from laborwatch.extract.pipeline import analyze
from tests.conftest import analyze_text

REPORT = (
    "러시아에 파견된 북한 노동자들은 하루 16시간씩 일하며 "
    "월급의 대부분을 국가에 바쳐야 한다.\n"
    "관리자는 노동자들의 여권을 압수하고 외출을 금지했다고 평안남도 출신 탈북민이 "
    "2019년 5월 3일 전했다.\n\n"
    "유엔 안보리는 북한 노동자 송환을 촉구하는 결의를 채택했다.\n"
    "양강도 혜산의 중학생들은 농촌 지원에 동원돼 모내기를 했다."
)


def sentence(text: str) -> Sentence:
    return Sentence("doc", 0, 0, len(text), text)


@pytest.fixture(scope="module")
def report() -> tuple[Document, Evidence]:
    document = Document.create(
        REPORT, source="t", media_type="text/plain", language="ko"
    )
    return document, analyze(document)


def test_korean_sentences_keep_exact_spans() -> None:
    document = Document.create(REPORT, source="t", media_type="text/plain")
    sentences = split_korean_sentences(document)
    assert len(sentences) == 4
    for s in sentences:
        assert document.text[s.start : s.end] == s.text
    assert sentences[2].text.startswith("유엔 안보리는")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("관리자는 노동자들의 여권을 압수했다.", "retained_documents"),
        ("노동자들은 하루 16시간씩 일했다.", "excessive_overtime"),
        ("월급의 대부분을 국가에 바쳐야 한다.", "withheld_wages"),
        ("그들은 외출이 금지된 채 숙소를 벗어나지 못했다.", "restricted_movement"),
        ("작업반장은 말을 듣지 않는 노동자를 구타했다.", "violence"),
        ("중학생들이 농촌 지원에 동원됐다.", "child_labour"),
        ("당국은 주민들을 건설 현장에 강제로 동원했다.", "state_imposed"),
        ("식당 일이라고 속여 공사장으로 데려갔다.", "deception"),
    ],
)
def test_korean_cues_find_the_indicator(text: str, code: str) -> None:
    assert code in korean_cues(text)


def test_law_sanctions_and_denials_are_not_evidence() -> None:
    assert is_korean_non_evidence(
        "유엔 안보리는 북한 노동자 송환을 촉구하는 결의를 채택했다."
    )
    assert is_korean_non_evidence(
        "북한 외무성은 강제노동 주장이 사실이 아니라고 부인했다."
    )
    assert not is_korean_non_evidence("관리자는 노동자들의 여권을 압수했다.")


def test_korean_places_resolve_to_iso_subdivisions() -> None:
    places = find_korean_places(
        sentence("평안남도와 함경남도, 량강도 혜산에서 신의주까지")
    )
    assert [p.subdivision for p in places] == [
        "KP-02",
        "KP-08",
        "KP-10",
        "KP-10",
        "KP-03",
    ]
    assert places[3].city == "Hyesan"
    # A name inside a longer word is not a place: 대한민국 is not read as 한국.
    assert [p.country for p in find_korean_places(sentence("대한민국 정부"))] == ["KR"]


@pytest.mark.parametrize(
    ("text", "amount", "currency", "kind", "period"),
    [
        ("월급은 5,000원으로 쌀 1kg도 못 산다.", 5000, "KPW", "wage", "month"),
        ("임금은 한 달에 2.5만 원이었다.", 25000, "KPW", "wage", "month"),
        ("알선 수수료로 3천 달러를 냈다.", 3000, "USD", "fee", None),
        ("하루 일당은 50위안이었다.", 50, "CNY", "wage", "day"),
    ],
)
def test_korean_money(
    text: str, amount: float, currency: str, kind: str, period: str | None
) -> None:
    (money,) = find_korean_money(sentence(text), "KP")
    assert (money.amount, money.currency, money.kind, money.period) == (
        amount,
        currency,
        kind,
        period,
    )
    assert text[money.span.start : money.span.end] == money.text


def test_korean_money_ranges_and_shares_of_wages() -> None:
    found = find_korean_money(
        sentence("월 300~400달러를 받지만 임금의 60~80%를 빼앗긴다."), "KP"
    )
    # A range is one fact, low to high; a share of wages is in "%".
    assert [(m.amount, m.amount_max, m.currency, m.kind) for m in found] == [
        (300, 400, "USD", "wage"),
        (60, 80, "%", "share"),
    ]
    assert found[1].text == "60~80%"


def test_korean_dates_resolve_with_the_publication_year() -> None:
    (full,) = find_korean_dates(sentence("2019년 5월 3일 전했다."), None)
    assert full.value == "2019-05-03"
    (short,) = find_korean_dates(
        sentence("소식통은 2월 3일 이렇게 말했다."), "2024-06-01"
    )
    assert short.value == "2024-02-03"


def test_korean_actors_are_public_bodies_and_companies() -> None:
    actors = find_korean_actors(
        sentence("대성총국 산하 무역회사들과 무역성이 노동자를 모집했다.")
    )
    found = {(a.name, a.kind) for a in actors}
    assert ("대성총국", "public_body") in found
    assert ("무역성", "public_body") in found
    assert any(kind == "company" and name.endswith("무역회사") for name, kind in found)


def test_a_korean_report_is_analysed_in_the_english_shape(
    report: tuple[Document, Evidence],
) -> None:
    document, evidence = report
    assert evidence.analysed and evidence.language == "ko"
    codes = evidence.codes()
    assert {"retained_documents", "excessive_overtime"} <= codes
    resolution = next(s for s in evidence.sentences if "안보리" in s.text)
    assert not [
        i for i in evidence.indicators if i.span.sentence == resolution.position
    ]
    for indicator in evidence.indicators:
        assert document.text[indicator.span.start : indicator.span.end] == indicator.cue
    assert {"KP-02", "KP-10"} <= {p.subdivision for p in evidence.places}
    assert [d.value for d in evidence.dates] == ["2019-05-03"]


def test_korean_bodies_named_by_what_they_are_are_actors() -> None:
    from laborwatch.extract.korean.facts import find_korean_actors

    text = "북한 당국은 노동자들의 여권을 빼앗고 간부들이 임금을 가로챘다."
    sentence = Sentence(document_id="d", position=0, start=0, end=len(text), text=text)
    found = {(a.name, a.kind) for a in find_korean_actors(sentence)}
    assert ("북한 당국", "public_body") in found
    assert ("간부", "person") in found


def test_a_korean_amount_in_brackets_restates_the_one_before() -> None:
    from laborwatch.extract.korean.facts import find_korean_money

    text = "노동자들은 월 5만 원(미화 40달러)을 받았고 100달러를 냈다."
    sentence = Sentence(
        document_id="d", position=0, start=7, end=7 + len(text), text=text
    )
    found = [
        (m.amount, m.currency, m.conversion) for m in find_korean_money(sentence, "KP")
    ]
    assert found == [
        (50000.0, "KPW", False),
        (40.0, "USD", True),
        (100.0, "USD", False),
    ]


def test_market_prices_in_a_korean_report_without_evidence_are_not_facts() -> None:
    evidence = analyze_text(
        "이번주 장마당에서 거래되는 쌀은 1㎏에 평양은 4800원, 신의주는 4900원이다. "
        "환율은 1달러에 8,010원에 거래되고 있다.",
        "ko",
    )
    assert evidence.money == []
