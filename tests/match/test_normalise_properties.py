"""Property-based tests of the name normalisers: any string, surrogates, control
characters, Hangul and combining marks included, and never an exception."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laborwatch.match.korean import (
    has_hangul,
    korean_key,
    looks_korean,
    romanise_hangul,
)
from laborwatch.match.normalise import (
    BODY_TYPES,
    COMMON_WORDS,
    COUNTRY_WORDS,
    LEGAL_FORMS,
    SEMI_COMMON,
    loose,
    tokenise,
)

SMALL = settings(max_examples=100, deadline=None)

# Any code point (lone surrogates too), with the hard cases weighted in.
_HARD = st.sampled_from(
    [
        "\u0301",  # combining acute
        "\u0307",  # combining dot above, which "İ".lower() adds
        "İ",
        "ß",
        "ℌ",  # compatibility capital, upper case only once decomposed
        "Ａ",  # full-width
        "ﬁ",
        "\u00a0",
        "\x00",
        "\ud800",
        "'",
        ".",
        "-",
        "대성",
        "조선무역회사",
        "ㄱ",  # a jamo without a syllable
        "Taesŏng",
        " ",
    ]
)
_ANY = st.lists(
    st.one_of(_HARD, st.characters(), st.text(max_size=6)), max_size=12
).map("".join)


@SMALL
@given(name=_ANY)
def test_tokenise_never_raises_and_keeps_only_words(name: str) -> None:
    for token in tokenise(name):
        assert token.text and not any(char.isspace() for char in token.text)
        assert token.text not in LEGAL_FORMS
        assert token.weight == _weight(token.text)
        assert token.key == korean_key(token.text)


def _weight(text: str) -> float:
    """A token's weight, which its folded text alone decides."""
    if text in SEMI_COMMON:
        return 0.8
    if text in BODY_TYPES:
        return 0.6
    if text in COMMON_WORDS or text in COUNTRY_WORDS:
        return 0.3
    return 1.0


@SMALL
@given(name=_ANY)
def test_tokenise_is_idempotent(name: str) -> None:
    tokens = [(token.text, token.weight) for token in tokenise(name)]
    again = tokenise(" ".join(text for text, _ in tokens))
    assert [(token.text, token.weight) for token in again] == tokens


@pytest.mark.parametrize(
    ("variant", "word"),
    [
        ("Banking", "Bank"),
        ("Room", "Office"),
        ("Centre", "Center"),
        ("Trade", "Trading"),
    ],
)
def test_a_word_and_its_variant_weigh_the_same(variant: str, word: str) -> None:
    # "Daesong Banking" and "Daesong Bank" are one name, and score as one.
    assert tokenise(f"Daesong {variant}") == tokenise(f"Daesong {word}")


@SMALL
@given(name=_ANY)
def test_tokens_are_folded_to_lower_case_without_accents(name: str) -> None:
    for token in tokenise(name):
        assert token.text == token.text.lower()
        decomposed = unicodedata.normalize("NFKD", token.text)
        assert not any(unicodedata.combining(char) for char in decomposed)


@SMALL
@given(name=_ANY)
def test_case_and_accents_do_not_change_the_tokens(name: str) -> None:
    texts = [token.text for token in tokenise(name)]
    assert [token.text for token in tokenise(name.upper())] == [
        token.text for token in tokenise(name.upper().lower())
    ]
    assert [token.text for token in tokenise(unicodedata.normalize("NFD", name))] == (
        texts
    )


@SMALL
@given(word=_ANY)
def test_korean_key_never_raises_and_latin_keys_are_lower_ascii(word: str) -> None:
    key = korean_key(word)
    assert isinstance(key, str)
    if any("a" <= char <= "z" for char in key):
        assert key.isascii() and key.isalpha() and key == key.lower()


@SMALL
@given(text=_ANY)
def test_romanise_hangul_never_raises(text: str) -> None:
    readings = romanise_hangul(text)
    assert [system for system, _ in readings][:2] == [
        "McCune–Reischauer",
        "Revised Romanization",
    ]
    assert [system for system, _ in readings][2:] in ([], ["translation"])
    assert has_hangul(text) == any("\uac00" <= char <= "\ud7a3" for char in text)


def test_compatibility_capitals_are_lower_cased() -> None:
    # "ℌ" and "𝐀" have no lower case of their own; decomposed they are "H" and "A".
    assert [token.text for token in tokenise("ℌ𝐀NSA Ｔrading")] == ["hansa", "trading"]


def test_romanise_hangul_keeps_a_lone_jamo_beside_syllables() -> None:
    readings = dict(romanise_hangul("대성ㄱ"))
    assert readings["Revised Romanization"].endswith("ㄱ")


@pytest.mark.parametrize("length", [30, 2500])
def test_a_long_word_of_korean_like_syllables_is_read_at_once(length: int) -> None:
    """A word that almost reads as romanised Korean ("anan...anyox") once took time
    growing fourfold every four letters (minutes at 61 letters): a hostile name
    stalled a screening. No joined Korean name is that long."""
    word = "an" * length + "yox"
    assert not looks_korean(word)
    assert loose(word) == "an" * length + "eks"
    assert looks_korean("kwangmyongsong")
