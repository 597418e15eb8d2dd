"""Exact (content hash) and near-duplicate (MinHash LSH) detection."""

from __future__ import annotations

import pickle

import pytest

from newsweave.clean import NearDuplicateIndex, content_hash

STORY = (
    "Ferry services between the mainland and the eastern islands were suspended for a second consecutive "
    "day on Thursday, as dock workers extended a strike over pay and safety rules at the port of Kavala. "
    "Port officials said 23 scheduled departures had been cancelled and that several hundred passengers "
    "were waiting for news at the terminal. The union says wages have not kept pace with inflation since "
    "2021 and that new loading rules leave crews short-handed on busy routes. The shipping ministry said "
    "it was ready to meet union representatives on Friday morning."
)
OTHER = (
    "The central bank left its main interest rate unchanged at 4.25 percent on Wednesday, saying inflation "
    "was falling more slowly than it had hoped and that it was too early to cut borrowing costs. Consumer "
    "prices rose 3.1 percent in the year to February, down from 3.6 percent in January."
)


def test_wire_copy_found_and_earliest_returned() -> None:
    idx = NearDuplicateIndex(threshold=0.8)
    idx.add("first", idx.signature(STORY))
    idx.add("second", idx.signature(STORY + " (Reuters)"))
    idx.add("other", idx.signature(OTHER))
    copy = STORY.replace("Thursday", "THURSDAY") + " Reporting by Staff."
    assert idx.query(idx.signature(copy)) == "first"
    assert idx.query(idx.signature(OTHER)) == "other"
    assert idx.query(idx.signature("An unrelated note about the weather in Crete and nothing else.")) is None


def test_threshold_from_caller() -> None:
    edited = STORY.replace("second consecutive day", "third day").replace("23 scheduled", "31 scheduled")
    strict = NearDuplicateIndex(threshold=0.95)
    loose = NearDuplicateIndex(threshold=0.5)
    for idx in (strict, loose):
        idx.add("a", idx.signature(STORY))
    assert strict.query(strict.signature(edited)) is None
    assert loose.query(loose.signature(edited)) == "a"


def test_signatures_are_bytes_and_load_rebuilds() -> None:
    idx = NearDuplicateIndex()
    sig = idx.signature(STORY)
    assert isinstance(sig, bytes) and len(sig) == 4 * idx.num_perm
    assert sig == NearDuplicateIndex().signature(STORY)  # stable across instances (and runs)
    fresh = NearDuplicateIndex()
    fresh.load([("a", sig), ("b", idx.signature(OTHER))])
    assert len(fresh) == 2 and "a" in fresh
    assert fresh.query(sig) == "a"
    pickle.loads(pickle.dumps(fresh))  # travels to worker processes


def test_bad_inputs() -> None:
    idx = NearDuplicateIndex(num_perm=64)
    with pytest.raises(ValueError):
        idx.query(NearDuplicateIndex(num_perm=128).signature(STORY))
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=0)
    empty = idx.signature("")
    idx.add("empty", empty)
    assert "empty" not in idx and idx.query(empty) is None
    idx.add("a", idx.signature(STORY))
    idx.add("a", idx.signature(OTHER))  # an id already present is ignored
    assert idx.query(idx.signature(STORY)) == "a"


def test_short_texts() -> None:
    idx = NearDuplicateIndex()
    idx.add("s", idx.signature("Earthquake hits Crete"))
    assert idx.query(idx.signature("earthquake  hits CRETE!")) == "s"


def test_content_hash() -> None:
    assert content_hash("Floods", "Rain fell.\n\nMore rain.") == content_hash(
        "FLOODS ", "rain fell. more  rain."
    )
    assert content_hash("Floods", "Rain fell.") != content_hash("Floods", "Snow fell.")


def test_query_or_add_is_query_then_add():
    """The ordered pass's one-step form decides and indexes exactly as query() then add() did."""
    texts = [STORY, OTHER, STORY + " (Reuters)", OTHER.upper(), "", STORY, "short text"]
    one, two = NearDuplicateIndex(threshold=0.8), NearDuplicateIndex(threshold=0.8)
    got, want = [], []
    for i, text in enumerate(texts):
        sig = one.signature(text)
        got.append(one.query_or_add(f"a{i}", sig))
        match = two.query(sig)
        if match is not None and match != f"a{i}":
            want.append(match)
        else:
            two.add(f"a{i}", sig)
            want.append(None)
    assert got == want and want[2] == "a0" and want[5] == "a0"
    assert len(one) == len(two) and all(f"a{i}" in one for i in range(len(texts)) if f"a{i}" in two)
    assert one.query_or_add("a0", one.signature(STORY)) is None  # itself, already indexed: not a duplicate
