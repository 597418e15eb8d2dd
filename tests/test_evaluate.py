"""Metrics: checked against hand-computed values."""

from newsweave.evaluate import bcubed_prf, cross_language_pairs, pairwise_prf, pearson, spearman


def test_pairwise_counts_pairs():
    gold = {"a": "x", "b": "x", "c": "x", "d": "y"}
    pred = {"a": "1", "b": "1", "c": "2", "d": "2"}
    m = pairwise_prf(pred, gold)  # gold pairs ab ac bc; predicted ab cd; tp ab
    assert (m["precision"], round(m["recall"], 4)) == (0.5, 0.3333)


def test_bcubed_perfect_and_merged():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed_prf(gold, gold)["f1"] == 1.0
    merged = bcubed_prf({"a": "1", "b": "1", "c": "1"}, gold)
    assert round(merged["precision"], 4) == round((2 / 3 * 2 + 1 / 3) / 3, 4) and merged["recall"] == 1.0


def test_cross_language_only_counts_mixed_pairs():
    gold = {"a": "x", "b": "x", "c": "x"}
    lang = {"a": "en", "b": "en", "c": "el"}
    m = cross_language_pairs({"a": "1", "b": "1", "c": "2"}, gold, lang)
    assert m["pairs"] == 2 and m["recall"] == 0.0


def test_correlations():
    assert round(pearson([1, 2, 3, 4], [1, 2, 3, 5]), 4) == 0.9827
    assert round(spearman([1, 2, 3, 4], [1, 3, 2, 4]), 6) == 0.8
