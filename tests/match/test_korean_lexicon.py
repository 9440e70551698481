"""The Korean institution lexicon and the English reading of Hangul names."""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from importlib.resources import files

import pytest

from laborwatch.match.korean import _romanise
from laborwatch.match.korean_lexicon import (
    Lexicon,
    load_lexicon,
    translate_hangul,
    translations,
)


def mr(piece: str) -> str:
    return _romanise(piece, "mr")


def _rows() -> list[dict[str, str]]:
    path = files("laborwatch.match") / "data" / "korean_institutions.csv"
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def _words_only() -> Lexicon:
    """The lexicon without its full names, to see the pieces at work."""
    return Lexicon.of(load_lexicon().words, {})


@pytest.mark.parametrize(
    ("hangul", "english"),
    [
        ("군수공업부", "munitions industry department"),
        ("제2경제위원회", "second economic committee"),
        ("정찰총국", "reconnaissance general bureau"),
        ("조선광선은행", "korea kwangson banking corporation"),
        ("대외경제성", "ministry of external economic relations"),
        ("국가보위성", "ministry of state security"),
        ("인민무력성", "ministry of people's armed forces"),
        ("조선무역은행", "foreign trade bank"),
        ("조선련봉총회사", "korea ryonbong general corporation"),
        ("조선광업개발무역회사", "korea mining development trading corporation"),
        # a name written with a space reads as the name
        (
            "조선로동당 중앙위원회",
            "central committee of the workers' party of korea",
        ),
    ],
)
def test_listed_names_read_as_their_english_names(hangul: str, english: str) -> None:
    assert translate_hangul(hangul, mr) == english


def test_pieces_keep_korean_order() -> None:
    lexicon = _words_only()
    assert translate_hangul("제2경제위원회", mr, lexicon) == "second economic committee"
    assert translate_hangul("조선광선은행", mr, lexicon) == "korea kwangsŏn bank"
    assert (
        translate_hangul("조선광업개발무역회사", mr, lexicon)
        == "korea mining development trading corporation"
    )


def test_one_syllable_words_are_not_split_from_inside_a_name() -> None:
    # 성 (ministry) inside 대성 must not read "tae ministry general bureau".
    assert translate_hangul("대성총국", mr) == "taesŏng general bureau"
    assert translate_hangul("조선대성은행총국", mr, _words_only()) == (
        "korea taesŏng bank general bureau"
    )
    # nor a two-syllable name that happens to end in one
    assert translate_hangul("대성", mr) is None
    assert translate_hangul("광성", mr) is None


def test_one_syllable_words_serve_as_suffixes_and_alone() -> None:
    assert translate_hangul("외무성", mr, _words_only()) == "foreign affairs ministry"
    assert translate_hangul("인민군", mr) == "people's army"
    assert translate_hangul("성", mr) == "ministry"


@pytest.mark.parametrize(
    ("north", "south", "english"),
    [
        ("조선련합기업소", "조선연합기업소", "korea complex"),
        ("로동당", "노동당", "workers' party"),
        ("조선로동당", "조선노동당", "workers' party of korea"),
        ("청송련합", "청송연합", "green pine associated corporation"),
        ("수매량정성", "수매양정성", "ministry of food procurement and administration"),
    ],
)
def test_north_and_south_spellings_both_translate(
    north: str, south: str, english: str
) -> None:
    assert translate_hangul(north, mr) == english
    assert translate_hangul(south, mr) == english


def test_unknown_runs_are_romanised_whole_and_latin_passes() -> None:
    assert translate_hangul("KOMID 평양지사", mr) == f"KOMID {mr('평양')} branch"
    assert translate_hangul("조선금별무역회사", mr, _words_only()) == (
        f"korea {mr('금별')} trading corporation"
    )


def test_no_lexicon_piece_gives_none() -> None:
    assert translate_hangul("김철수", mr) is None
    assert translate_hangul("Korea Kwangson", mr) is None
    assert translate_hangul("", mr) is None


def test_long_unknown_word_is_segmented_quickly() -> None:
    word = "가" * 5000 + "은행"
    started = time.perf_counter()
    assert translate_hangul(word, lambda piece: "x") == "x bank"
    assert time.perf_counter() - started < 2


def test_every_row_has_hangul_english_kind_and_source() -> None:
    rows = _rows()
    assert len(rows) >= 300
    for number, row in enumerate(rows, start=2):
        assert row["hangul"].strip() == row["hangul"] != "", number
        assert row["english"].strip(), number
        assert row["kind"] in {"word", "name", "also"}, number
        assert row["source"].strip(), number


def test_no_hangul_is_listed_twice_but_a_word_may_have_one_other_reading() -> None:
    kinds: dict[str, list[str]] = defaultdict(list)
    for row in _rows():
        kinds[row["hangul"]].append(row["kind"])
    assert {
        hangul: k
        for hangul, k in kinds.items()
        if len(k) > 1 and sorted(k) != ["also", "word"]
    } == {}
    # an other reading needs the word it reads otherwise
    assert all("word" in k for k in kinds.values() if "also" in k)


def test_a_word_with_an_other_reading_gives_both() -> None:
    # Korean news write 해운사 for the "Ship Management" firms of the lists too.
    assert translations("해진 해운사", mr) == [
        "haejin shipping company",
        "haejin ship management company",
    ]
    assert translate_hangul("해진 해운사", mr) == "haejin shipping company"
    # a word with one reading gives one
    assert translations("군수공업부", mr) == ["munitions industry department"]
    assert translations("대성", mr) == []


def test_both_kinds_are_well_stocked() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.words) >= 150
    assert len(lexicon.names) >= 100


def test_a_stray_accent_is_not_a_syllable() -> None:
    assert translate_hangul("\u0301대성", lambda piece: piece) is None


def test_long_word_of_lexicon_pieces_is_segmented_in_linear_time() -> None:
    # Every piece is a lexicon word, each looked up in turn: counting the word's
    # syllables per lookup made this quadratic (4 s for 10,000 characters).
    word = "은행" * 5000
    started = time.perf_counter()
    reading = translate_hangul(word, lambda piece: "x")
    assert reading is not None and reading.split() == ["bank"] * 5000
    assert time.perf_counter() - started < 1
