"""Dates: durations left out, values in ISO 8601 from the publication date, kinds."""

from datetime import date

import pytest

from laborwatch.documents import Document
from laborwatch.extract.dates import is_duration, resolve_date
from laborwatch.extract.pipeline import analyze

PUBLISHED = date(2024, 2, 20)


@pytest.mark.parametrize(
    "text",
    [
        "all day",
        "15 days",
        "six months",
        "for three years",
        "hours a day",
        "15 days in a row",
        "every day",
        "15 years old",
        "the past three years",
        "recent years",
    ],
)
def test_durations_frequencies_and_ages_are_not_dates(text: str) -> None:
    assert is_duration(text)


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("February 3", PUBLISHED, "2024-02-03"),
        # After the publication date in its year: the year before.
        ("March 5", PUBLISHED, "2023-03-05"),
        ("February 3", None, "--02-03"),
        ("last March", PUBLISHED, "2023-03"),
        ("last January", PUBLISHED, "2024-01"),
        ("in 2019", PUBLISHED, "2019"),
        ("since 2017", None, "2017"),
        ("early 2023", None, "2023"),
        ("mid-2020", None, "2020"),
        ("2019–2021", None, "2019/2021"),
        ("between 2019 and 2021", None, "2019/2021"),
        ("January to March 2023", None, "2023-01/2023-03"),
        ("March 2023", None, "2023-03"),
        ("3 February 2024", None, "2024-02-03"),
        ("February 3, 2024", None, "2024-02-03"),
        ("the 1990s", None, "1990/1999"),
        ("last year", PUBLISHED, "2023"),
        ("Tuesday", PUBLISHED, "2024-02-13"),
    ],
)
def test_dates_resolve_to_iso_8601(text: str, anchor: date | None, value: str) -> None:
    assert resolve_date(text, anchor) == value


def test_document_dates_have_values_and_kinds_and_no_durations() -> None:
    text = (
        "A source told Daily NK on February 3 that girls rub jewels all day. "
        "They have worked there for six months, eight hours a day. "
        "The factory opened in 2019."
    )
    document = Document.create(
        text,
        source="t",
        media_type="text/plain",
        language="en",
        published="2024-02-20",
    )
    dates = {(d.text, d.value, d.kind) for d in analyze(document).dates}
    assert dates == {
        ("February 3", "2024-02-03", "statement"),
        ("2019", "2019", "event"),
    }
