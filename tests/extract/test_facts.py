import csv
from importlib.resources import files

import pycountry
import pytest

from laborwatch.documents import Document, Sentence
from laborwatch.extract.money import find_money
from laborwatch.extract.nlp import _CHUNK_CHARS
from laborwatch.extract.pipeline import analyze


def sentence(text: str) -> Sentence:
    return Sentence("doc", 0, 0, len(text), text)


@pytest.mark.parametrize(
    ("text", "country", "amount", "currency", "period", "kind"),
    [
        ("Wages amount to 5,000 KPW per month.", None, 5000, "KPW", "month", "wage"),
        (
            "Brokers charge 1.5 million won per worker as a fee.",
            "KP",
            1_500_000,
            "KPW",
            None,
            "fee",
        ),
        ("A worker earns 3,000 won a day.", "KR", 3000, "KRW", "day", "wage"),
        ("They owe 50,000 rupees to the owner.", "PK", 50_000, "PKR", None, "debt"),
        (
            "Operators are paid 12,500 taka a month.",
            None,
            12_500,
            "BDT",
            "month",
            "wage",
        ),
        (
            "The regime earns $975 million from forced labour each year.",
            None,
            975e6,
            "USD",
            "year",
            "other",  # the regime's revenue, not a worker's wage
        ),
        (
            "Each picker was paid 0.50 manat per kilogram.",
            "TM",
            0.5,
            "TMT",
            None,
            "wage",
        ),
        (
            "They paid 8 million rupiah in placement fees.",
            None,
            8e6,
            "IDR",
            None,
            "fee",
        ),
    ],
)
def test_money_amount_currency_period_kind(
    text: str,
    country: str | None,
    amount: float,
    currency: str,
    period: str | None,
    kind: str,
) -> None:
    (money,) = find_money(sentence(text), country)
    assert (money.amount, money.currency, money.period, money.kind) == (
        amount,
        currency,
        period,
        kind,
    )
    assert text[money.span.start : money.span.end] == money.text


@pytest.mark.parametrize(
    ("name", "subdivision"),
    [
        ("South Pyongan Province", "KP-02"),
        ("North Hamgyong", "KP-09"),
        ("Ryanggang", "KP-10"),
        ("Yanggang Province", "KP-10"),
        ("Xinjiang", "CN-XJ"),
    ],
)
def test_gazetteer_resolves_provinces(name: str, subdivision: str) -> None:
    text = f"Workers in {name} were forced to work for 14 hours a day."
    evidence = analyze(
        Document.create(text, source="t", media_type="text/plain", language="en")
    )
    place = next(p for p in evidence.places if p.text == name)
    assert place.subdivision == subdivision
    assert place.latitude is not None and place.longitude is not None


def test_every_gazetteer_code_is_iso_3166() -> None:
    text = (files("laborwatch") / "data" / "gazetteer.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        assert pycountry.countries.get(alpha_2=row["country"]), row
        if row["subdivision"]:
            assert pycountry.subdivisions.get(code=row["subdivision"]), row


def test_goods_map_to_dol_names_and_hs_codes() -> None:
    text = (
        "Girls polish gemstones; children dig coal and pick cotton for 12 hours a day."
    )
    evidence = analyze(
        Document.create(text, source="t", media_type="text/plain", language="en")
    )
    goods = {(g.good, g.hs) for g in evidence.goods}
    assert {("gems", "7103"), ("coal", "2701"), ("cotton", "5201")} <= goods


def test_other_languages_are_not_analysed_and_say_why() -> None:
    document = Document.create(
        "Las niñas pulen piedras preciosas con las palmas de las manos.",
        source="t",
        media_type="text/plain",
        language="es",
    )
    evidence = analyze(document)
    assert not evidence.analysed
    assert "'es'" in (evidence.note or "")
    assert evidence.indicators == []
    assert evidence.sentences  # still segmented, so the text is searchable


def test_empty_document_gives_an_empty_result() -> None:
    evidence = analyze(Document.create("", source="t", media_type="text/plain"))
    assert not evidence.analysed
    assert evidence.sentences == []


def test_chunks_join_back_to_the_text() -> None:
    from laborwatch.extract.sentences import split_into_chunks

    text = ("Workers said the owner kept their passports.\n\n" * 50) + "x" * 300
    chunks = list(split_into_chunks(text, 200))
    assert "".join(chunks) == text
    assert all(len(chunk) <= 200 for chunk in chunks)


def test_long_document_is_parsed_in_chunks_with_true_spans() -> None:
    paragraph = (
        "The recruiter confiscated their passports. They worked 14 hours a day.\n\n"
    )
    document = Document.create(
        paragraph * 400, source="t", media_type="text/plain", language="en"
    )
    assert len(document.text) > 2 * _CHUNK_CHARS  # three chunks at least
    evidence = analyze(document)
    assert len(evidence.sentences) == 800
    for indicator in evidence.indicators:
        assert document.text[indicator.span.start : indicator.span.end] == indicator.cue
    assert {i.code for i in evidence.indicators} == {
        "retained_documents",
        "excessive_overtime",
    }
