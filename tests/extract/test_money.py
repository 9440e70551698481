"""Money as analysts cite it: amount, range, currency, period and kind."""

import pytest

from laborwatch.documents import Sentence
from laborwatch.extract.money import find_money
from tests.conftest import analyze_text


def sentence(text: str) -> Sentence:
    return Sentence("doc", 0, 0, len(text), text)


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        (
            "Workers were paid USD 1,500 in total.",
            None,
            (1500, None, "USD", None, "wage"),
        ),
        (
            "The broker charged US$12,400 for the placement.",
            None,
            (12_400, None, "USD", None, "fee"),
        ),
        (
            "Each paid a fee of [250 EUR] to the broker.",
            None,
            (250, None, "EUR", None, "fee"),
        ),
        (
            "The workers received 2.5 million won.",
            "KP",
            (2.5e6, None, "KPW", None, "wage"),
        ),
        (
            "The workers received 2.5 million won.",
            "KR",
            (2.5e6, None, "KRW", None, "wage"),
        ),
        ("A maid earns RM 1,200 a month.", "MY", (1200, None, "MYR", "month", "wage")),
        ("He earned Rs 5,000 a month.", "PK", (5000, None, "PKR", "month", "wage")),
        ("Workers earn ₹300 per day.", "IN", (300, None, "INR", "day", "wage")),
        ("They earned 1,500 yuan monthly.", "CN", (1500, None, "CNY", "month", "wage")),
        ("They earned 1,500 RMB monthly.", "CN", (1500, None, "CNY", "month", "wage")),
        ("They earned CNY 1,500 monthly.", "CN", (1500, None, "CNY", "month", "wage")),
        (
            "Crew were paid 20,000 rubles a month.",
            "RU",
            (2e4, None, "RUB", "month", "wage"),
        ),
        ("Recruiters charged 5,000 dirhams.", "AE", (5000, None, "AED", None, "fee")),
        (
            "Maids earned 1,500 riyals a month.",
            "QA",
            (1500, None, "QAR", "month", "wage"),
        ),
        ("Pickers earned 200 pesos a day.", "PH", (200, None, "PHP", "day", "wage")),
        (
            "Cutters earned 1,200 reais a month.",
            "BR",
            (1200, None, "BRL", "month", "wage"),
        ),
        (
            "Cutters earned R$ 1.200,50 a month.",
            "BR",
            (1200.5, None, "BRL", "month", "wage"),
        ),
        (
            "The state takes 60 to 80 percent of their wages.",
            "KP",
            (60, 80, "%", None, "share"),
        ),
        (
            "The state takes 90% of their salaries.",
            "KP",
            (90, None, "%", None, "share"),
        ),
        ("The state takes half their wages.", "KP", (50, None, "%", None, "share")),
        (
            "Wages were five thousand won a month.",
            "KP",
            (5000, None, "KPW", "month", "wage"),
        ),
        (
            "Workers are owed $2,000 in unpaid wages.",
            None,
            (2000, None, "USD", None, "owed_wages"),
        ),
        (
            "The firm still owes workers back pay of $40,000.",
            None,
            (40_000, None, "USD", None, "owed_wages"),
        ),
        (
            "They owe 50,000 rupees to the owner.",
            "PK",
            (50_000, None, "PKR", None, "debt"),
        ),
        (
            "The employer deducted 200 ringgit from each worker for housing.",
            "MY",
            (200, None, "MYR", None, "deduction"),
        ),
        (
            "A kilogram of rice costs 3,000 won at the market.",
            "KP",
            (3000, None, "KPW", None, "price"),
        ),
        (
            "The regulator fined the company $1.2 million.",
            None,
            (1.2e6, None, "USD", None, "fine"),
        ),
        (
            "The fund received an annual budget of $3 million.",
            None,
            (3e6, None, "USD", "year", "other"),
        ),
        (
            "They earn a monthly salary of $450.",
            None,
            (450, None, "USD", "month", "wage"),
        ),
    ],
)
def test_money_is_read_with_range_currency_period_and_kind(
    text: str,
    country: str | None,
    expected: tuple[float, float | None, str, str | None, str],
) -> None:
    (money,) = find_money(sentence(text), country)
    found = (money.amount, money.amount_max, money.currency, money.period, money.kind)
    assert found == expected
    assert text[money.span.start : money.span.end] == money.text


def test_a_range_with_a_bracketed_conversion_is_one_fact() -> None:
    text = "They earn $300-400 (£240-£320) a month."
    money, conversion = find_money(sentence(text), None)
    assert (money.amount, money.amount_max, money.currency, money.period) == (
        300,
        400,
        "USD",
        "month",
    )
    assert not money.conversion
    assert conversion.conversion
    assert (conversion.amount, conversion.amount_max, conversion.currency) == (
        240,
        320,
        "GBP",
    )


def test_an_amount_after_another_in_brackets_is_its_conversion() -> None:
    text = "Each worker paid a fee of 300,000 won [250 EUR] to the broker."
    won, euros = find_money(sentence(text), "KP")
    assert (won.amount, won.currency, won.conversion) == (300_000, "KPW", False)
    assert (euros.amount, euros.currency, euros.conversion) == (250, "EUR", True)


@pytest.mark.parametrize(
    "text",
    [
        "They paid a few hundred dollars to the broker.",
        "Millions of dollars flow to the regime.",
        "About 40 percent of the workers were women.",
    ],
)
def test_no_amount_where_no_number_of_money_is_stated(text: str) -> None:
    assert find_money(sentence(text), None) == []


def test_two_amounts_each_take_their_own_period() -> None:
    text = "He earned $5 per day and $100 a week."
    assert [(m.amount, m.period) for m in find_money(sentence(text), None)] == [
        (5, "day"),
        (100, "week"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The country earned between 1,200 and 2,300 million dollars annually.",
            [(1.2e9, 2.3e9, "USD", False)],
        ),
        ("They paid $300 and 400 workers left.", [(300, None, "USD", False)]),
        (
            "They paid €17,000 each ($18,554, £14,293) for work permits.",
            [
                (17_000, None, "EUR", False),
                (18_554, None, "USD", True),
                (14_293, None, "GBP", True),
            ],
        ),
        (
            "They take home no more than 40% of what they are supposed to earn.",
            [(40, None, "%", False)],
        ),
    ],
)
def test_ranges_with_and_lists_of_conversions_and_shares_of_earnings(
    text: str, expected: list[tuple[float, float | None, str, bool]]
) -> None:
    found = find_money(sentence(text), None)
    assert [(m.amount, m.amount_max, m.currency, m.conversion) for m in found] == (
        expected
    )


def test_a_companys_own_accounts_are_not_facts_of_the_work() -> None:

    text = (
        "Workers at the supplier had their passports confiscated and were not "
        "allowed to leave. For the fiscal year ended June 30, 2020, the group "
        "reported total global revenue of $9.01 billion. The regime earned $975 "
        "million from forced labour each year."
    )
    evidence = analyze_text(text)
    amounts = {money.amount for money in evidence.money}
    assert 9.01e9 not in amounts
    assert 975e6 in amounts


def test_a_run_of_digits_too_long_for_money_gives_none() -> None:
    import json

    from laborwatch.records import evidence_record

    text = "Workers paid a fee of $" + "9" * 400 + " to the broker and were beaten."
    evidence = analyze_text(text)
    assert evidence.money == []
    json.loads(json.dumps(evidence_record(evidence), allow_nan=False))


def test_prices_are_kept_only_where_the_document_reports_the_practice() -> None:
    price = "Rice sold for 3,000 won a kilogram in the Hyesan market last week."
    stray = "The manager kept their passports."
    second = "They were beaten when they failed to meet their quotas."
    amounts = [m.amount for m in analyze_text(f"{price} {stray}").money]
    assert 3000 not in amounts, "one stray evidence sentence keeps every price"
    amounts = [m.amount for m in analyze_text(f"{price} {stray} {second}").money]
    assert 3000 in amounts
