"""The phrase index finds what spaCy's tokenizer would make of each phrase."""

from laborwatch.extract.nlp import load_nlp
from laborwatch.extract.phrases import PhraseIndex, lower_hashes
from laborwatch.extract.vocabulary import gazetteer, goods_taxonomy


def test_hashed_words_are_the_tokenizer_s_for_every_name_and_term() -> None:
    nlp = load_nlp()
    phrases = [entry.name for entry in gazetteer()]
    phrases += [term for good in goods_taxonomy() for term in good.terms]
    phrases += ["cannot", "Gonna Town", "U.S.", "u.s.", "Ho Chi Minh City", "Meta"]
    expected = [
        tuple(token.lower for token in doc) for doc in nlp.tokenizer.pipe(phrases)
    ]
    assert lower_hashes(nlp, phrases) == expected


def test_every_phrase_is_found_with_its_key_in_order() -> None:
    nlp = load_nlp()
    index = PhraseIndex(
        nlp, [("a", "New York"), ("b", "new york city"), ("c", "York"), ("d", "U.S.")]
    )
    doc = nlp.make_doc("From New York City to the U.S. and york.")
    found = [(key, doc[start:end].text) for key, start, end in index(doc)]
    assert found == [
        ("a", "New York"),
        ("b", "New York City"),
        ("c", "York"),
        ("d", "U.S."),
        ("c", "york"),
    ]
    assert index(nlp.make_doc("")) == []


def test_a_term_of_two_goods_names_the_first_the_more_specific() -> None:
    doc = load_nlp()("Workers packed beef and pork.")
    taxonomy = goods_taxonomy()
    assert [taxonomy[int(span.kb_id_)].good for span in doc.spans["goods"]] == [
        "beef",
        "meat",
    ]
