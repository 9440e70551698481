"""The learned sentence classifier that decides the indicator codes of English text.

One logistic regression per code over four feature blocks of a sentence:
- TF-IDF of its word unigrams and bigrams,
- TF-IDF of the previous sentence's words (context: a list of recommendations, a
  paragraph about a remediation plan),
- its static MiniLM embedding (model2vec, shipped in ``data/static-minilm``),
- the rules' verdicts (``indicators.rule_features``): which codes' cues fired, and
  whether the sentence reads as a law, recommendation, effort or denial.

Each code has its own threshold, and for some codes a rule hit in a sentence that is
not a law, effort or recommendation decides too; both are chosen by grouped
cross-validation on the training corpus (``scripts/train_indicator_classifier.py``,
docs/evaluation.md). So does a hit of a rule that was right on at least nine in
ten of the training sentences it fired on (``deciding_rules``).
Weights, vocabulary and thresholds live in ``data/indicator-model.npz`` and are
applied with numpy, so scikit-learn is needed only to retrain.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from laborwatch.documents import Sentence
    from laborwatch.extract.indicators import RuleHits

EMBEDDINGS_PATH = Path(str(files("laborwatch") / "data" / "static-minilm"))
MODEL_PATH = Path(str(files("laborwatch") / "data" / "indicator-model.npz"))

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]|\d+")
# A sentence longer than this is scored on its first words: the cap bounds the
# cost of a pathological "sentence" (a table flattened into one line).
_MAX_WORDS = 400


def words(text: str) -> list[str]:
    """Lower-cased word tokens, digits kept as runs, capped in number."""
    return _WORD.findall(text.lower())[:_MAX_WORDS]


def ngrams(text: str, prefixes: bool = False) -> list[str]:
    """Unigrams and bigrams of the sentence's words; with ``prefixes``, also the
    first five letters of each longer word (``confi~`` for confiscated,
    confiscation), so that one form's weight carries to the others."""
    tokens = words(text)
    terms = tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    if prefixes:
        terms += [f"{t[:5]}~" for t in tokens if len(t) > 6]
    return terms


def context_terms(previous: str) -> list[str]:
    """Unigrams of the previous sentence, marked so they never meet the sentence's."""
    return [f"^{token}" for token in words(previous)]


@dataclass(frozen=True, eq=False)
class IndicatorModel:
    """What ``classify`` needs, as arrays: vocabulary, idf, weights, thresholds."""

    codes: tuple[str, ...]
    terms: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    context_weight: float
    embedding_weight: float
    prefixes: bool
    rule_feature_names: tuple[str, ...]
    weights: np.ndarray  # codes × features
    biases: np.ndarray
    thresholds: np.ndarray
    rules_decide: np.ndarray  # per code: a gated rule hit decides too
    deciding_rules: frozenset[str]  # rules whose gated hit decides their code

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> IndicatorModel:
        with np.load(path, allow_pickle=False) as arrays:
            meta = json.loads(str(arrays["meta"]))
            terms = [str(term) for term in arrays["terms"]]
            return cls(
                codes=tuple(meta["codes"]),
                terms=tuple(terms),
                vocabulary={term: index for index, term in enumerate(terms)},
                idf=arrays["idf"].astype(np.float32),
                context_weight=float(meta["context_weight"]),
                embedding_weight=float(meta["embedding_weight"]),
                prefixes=bool(meta.get("prefixes", False)),
                rule_feature_names=tuple(meta["rule_features"]),
                weights=arrays["weights"].astype(np.float32),
                biases=arrays["biases"].astype(np.float32),
                thresholds=arrays["thresholds"].astype(np.float32),
                rules_decide=arrays["rules_decide"].astype(bool),
                deciding_rules=frozenset(meta.get("deciding_rules", ())),
            )

    @property
    def term_count(self) -> int:
        return len(self.idf)


@lru_cache(maxsize=1)
def _embedder() -> Any:
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(EMBEDDINGS_PATH))


@lru_cache(maxsize=1)
def load_model() -> IndicatorModel:
    return IndicatorModel.load()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length static sentence vectors, one row per text (batched)."""
    return sentence_vectors(texts, 64, _embedder().encode)


def sentence_vectors(
    texts: Sequence[str],
    width: int,
    encode: Callable[[list[str]], Any],
    batch: int | None = None,
) -> np.ndarray:
    """``encode``'s vectors of ``texts`` as float32 rows of ``width``, ``batch``
    texts a call (all in one call without it)."""
    if not texts:
        return np.zeros((0, width), dtype=np.float32)
    step = batch or len(texts)
    return np.vstack(
        [
            np.asarray(encode(list(texts[i : i + step])), dtype=np.float32).reshape(
                -1, width
            )
            for i in range(0, len(texts), step)
        ]
    )


def tfidf_rows(
    term_lists: Sequence[list[str]], vocabulary: dict[str, int], idf: np.ndarray
) -> list[dict[int, float]]:
    """Sublinear TF-IDF, L2-normalised, as sparse rows (index → value).

    The same transform as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` with
    the fitted vocabulary and idf; the training script checks the two agree.
    """
    rows = []
    for terms in term_lists:
        counts = Counter(vocabulary[t] for t in terms if t in vocabulary)
        values = {i: (1.0 + math.log(n)) * float(idf[i]) for i, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        rows.append({i: v / norm for i, v in values.items()} if norm else {})
    return rows


@dataclass(frozen=True)
class SentenceScores:
    """A sentence's probability per code, the codes decided, the terms that pushed
    each code up, and the precise rules that decided a code on their own."""

    probabilities: dict[str, float]
    decided: frozenset[str]
    drivers: dict[str, tuple[str, ...]]
    rules: frozenset[str] = frozenset()


def classify(
    texts: Sequence[str],
    previous: Sequence[str] | None = None,
    hits: Sequence[RuleHits] | None = None,
    model: IndicatorModel | None = None,
) -> list[SentenceScores]:
    """Score sentences (batched): probabilities, the codes decided, their drivers.

    ``hits`` are the rules' hits in each text (``indicators.rule_hits``), found
    here when not given.
    """
    from laborwatch.extract.indicators import rule_features, rule_hits

    model = model or load_model()
    if not texts:
        return []
    previous = previous if previous is not None else [""] * len(texts)
    if hits is None:
        hits = [rule_hits(_whole(text)) for text in texts]
    size = model.term_count
    sentence_rows = tfidf_rows(
        [ngrams(t, model.prefixes) for t in texts], model.vocabulary, model.idf
    )
    context_rows = tfidf_rows(
        [context_terms(p) for p in previous], model.vocabulary, model.idf
    )
    features = np.asarray(
        [rule_features(text, found) for text, found in zip(texts, hits, strict=True)],
        dtype=np.float32,
    ).reshape(len(texts), -1)
    dense = np.hstack([embed(texts) * model.embedding_weight, features])
    scores = dense @ model.weights[:, size:].T + model.biases
    for row, (sentence, context) in enumerate(
        zip(sentence_rows, context_rows, strict=True)
    ):
        # Sentence and context terms never share an index (context terms are
        # marked), so one gather adds both.
        terms = sentence | {i: v * model.context_weight for i, v in context.items()}
        if terms:
            indices = np.fromiter(terms, dtype=np.int64, count=len(terms))
            values = np.fromiter(terms.values(), dtype=np.float32, count=len(terms))
            scores[row] += model.weights[:, indices] @ values
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    decides = (probabilities >= model.thresholds) | _gated_rule_hits(features, model)
    non_evidence = features[:, model.rule_feature_names.index("non_evidence")] > 0
    results = []
    for row, sentence in enumerate(sentence_rows):
        if (hits[row].negated and not hits[row].fired) or not_prose(texts[row]):
            # Its only cues are negated ("the workers were not beaten"), or it is
            # not prose: nothing is decided (as in training).
            decides[row] = False
        deciding = (
            frozenset()
            if non_evidence[row]
            else hits[row].rule_names & model.deciding_rules
        )
        decided = {
            c: code
            for c, code in enumerate(model.codes)
            if decides[row, c]
            or any(hit.code == code and hit.rule in deciding for hit in hits[row].fired)
        }
        results.append(
            SentenceScores(
                probabilities={
                    code: float(probabilities[row, c])
                    for c, code in enumerate(model.codes)
                },
                decided=frozenset(decided.values()),
                drivers={
                    code: _drivers(model, c, sentence) for c, code in decided.items()
                },
                rules=deciding,
            )
        )
    return results


# A word of prose: a lower-case Latin word of three letters or more, or a word in
# another script (Hangul, Han, Cyrillic, Arabic...), which has no case.
_PROSE_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}|[^\W\d_A-Za-z\u00c0-\u024f]{2,}")
_ADDRESS = re.compile(r"\S+://\S+|www\.\S+|\S+@\S+\.\w+")


def not_prose(text: str) -> bool:
    """A table row, heading, byline or address: fewer than two words of prose
    outside URLs and e-mail addresses ("- Garlic: CL=Yes FL=No", "Saudi Arabia
    (Tier 3)"). The classifier reads prose; on such
    lines it fires on the odd word, and the training corpus has one indicator in
    about 300 of them."""
    return len(_PROSE_WORD.findall(_ADDRESS.sub(" ", text))) < 2


def _whole(text: str) -> Sentence:
    from laborwatch.documents import Sentence

    return Sentence("", 0, 0, len(text), text)


def _gated_rule_hits(features: np.ndarray, model: IndicatorModel) -> np.ndarray:
    """Rule hits that decide on their own: codes the training chose, cue fired,
    and the sentence is not a law, effort or recommendation."""
    non_evidence = model.rule_feature_names.index("non_evidence")
    fired = features[:, : len(model.codes)] > 0
    gated = features[:, non_evidence] > 0
    decides: np.ndarray = fired & ~gated[:, None] & model.rules_decide[None, :]
    return decides


def _drivers(
    model: IndicatorModel,
    code_index: int,
    sentence: dict[int, float],
    top: int = 3,
) -> tuple[str, ...]:
    """The sentence's terms that add most to a code's score, strongest first."""
    contributions = sorted(
        ((model.weights[code_index, i] * v, i) for i, v in sentence.items()),
        reverse=True,
    )
    return tuple(model.terms[i] for weight, i in contributions[:top] if weight > 0)
