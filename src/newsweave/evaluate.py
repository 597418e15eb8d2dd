"""Evaluation on labelled data: clustering (BCubed, pairwise) and pair scores (Pearson, Spearman).

Used by ``newsweave eval`` and by the bench scripts, so every number in
docs/BENCHMARKS.md is computed by the same code a user runs on their own data.
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from itertools import combinations
from pathlib import Path


def pairwise_prf(pred: dict[str, str], gold: dict[str, str], ids: Iterable[str] | None = None) -> dict[str, float]:
    """Pairwise precision/recall/F1 of "same event", counted without enumerating all pairs.

    >>> pairwise_prf({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "x"})["precision"]
    1.0
    """
    keep = set(ids) if ids is not None else set(gold)
    keep &= set(gold)
    c2 = lambda n: n * (n - 1) // 2  # noqa: E731
    joint = Counter((pred.get(i, f"_alone_{i}"), gold[i]) for i in keep)
    pc = Counter(pred.get(i, f"_alone_{i}") for i in keep)
    gc = Counter(gold[i] for i in keep)
    tp = sum(c2(n) for n in joint.values())
    pp, gp = sum(c2(n) for n in pc.values()), sum(c2(n) for n in gc.values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pairs": gp}


def bcubed_prf(pred: dict[str, str], gold: dict[str, str], ids: Iterable[str] | None = None) -> dict[str, float]:
    """BCubed precision/recall/F1 (Bagga & Baldwin), averaged over items.

    >>> round(bcubed_prf({"a": "1", "b": "1"}, {"a": "x", "b": "y"})["precision"], 2)
    0.5
    """
    keep = sorted(set(ids) & set(gold) if ids is not None else set(gold))
    if not keep:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i in keep:
        by_pred[pred.get(i, f"_alone_{i}")].add(i)
        by_gold[gold[i]].add(i)
    p = r = 0.0
    for i in keep:
        cp, cg = by_pred[pred.get(i, f"_alone_{i}")], by_gold[gold[i]]
        inter = len(cp & cg)
        p += inter / len(cp)
        r += inter / len(cg)
    p, r = p / len(keep), r / len(keep)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def cross_language_pairs(pred: dict[str, str], gold: dict[str, str], lang: dict[str, str]) -> dict[str, float]:
    """Pairwise P/R/F1 restricted to pairs of articles in different languages."""
    tp = fp = fn = 0
    by_gold = defaultdict(list)
    by_pred = defaultdict(list)
    for i in gold:
        by_gold[gold[i]].append(i)
        if i in pred:
            by_pred[pred[i]].append(i)
    gold_pairs = {(a, b) for ids in by_gold.values() for a, b in combinations(sorted(ids), 2) if lang[a] != lang[b]}
    pred_pairs = {
        (a, b) for ids in by_pred.values() for a, b in combinations(sorted(ids), 2)
        if a in gold and b in gold and lang.get(a) != lang.get(b)
    }
    tp, fp, fn = len(gold_pairs & pred_pairs), len(pred_pairs - gold_pairs), len(gold_pairs - pred_pairs)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pairs": len(gold_pairs)}


def cluster_report(pred: dict[str, str], gold: dict[str, str], lang: dict[str, str]) -> dict:
    """Everything ``newsweave eval clusters`` prints: overall, per language, cross-language."""
    ids = [i for i in gold if i in pred]
    report = {
        "articles": len(gold),
        "missing": len(gold) - len(ids),
        "gold_events": len(set(gold.values())),
        "predicted_events": len({pred[i] for i in ids}),
        "bcubed": bcubed_prf(pred, gold),
        "pairwise": pairwise_prf(pred, gold),
        "cross_language": cross_language_pairs(pred, gold, lang),
        "per_language": {},
    }
    for code in sorted(set(lang.values())):
        sub = [i for i in gold if lang.get(i) == code]
        report["per_language"][code] = {
            "articles": len(sub), "bcubed": bcubed_prf(pred, gold, sub), "pairwise": pairwise_prf(pred, gold, sub),
        }
    return report


def _rank(xs: list[float]) -> list[float]:
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    ranks = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def pearson(x: list[float], y: list[float]) -> float:
    """Pearson correlation.

    >>> round(pearson([1, 2, 3], [2, 4, 7]), 3)
    0.993
    """
    n = len(x)
    if n < 2:
        return float("nan")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else float("nan")


def spearman(x: list[float], y: list[float]) -> float:
    return pearson(_rank(x), _rank(y))


def pairs_report(scores: dict[str, float], gold_csv: Path) -> dict:
    """Pearson/Spearman of scores with -Overall (SemEval-2022 Task 8 format), overall and per language pair."""
    rows = [r for r in csv.DictReader(gold_csv.open(encoding="utf-8")) if r["pair_id"] in scores]
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups["all"].append(r)
        groups["same-language" if r["lang1"] == r["lang2"] else "cross-language"].append(r)
        groups[f"{r['lang1']}-{r['lang2']}"].append(r)
    out = {}
    for name, rs in groups.items():
        s = [scores[r["pair_id"]] for r in rs]
        g = [-float(r["Overall"]) for r in rs]
        out[name] = {"pairs": len(rs), "pearson": pearson(s, g), "spearman": spearman(s, g)}
    return out


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs (lines) with their whitespace collapsed."""
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def matched_chars(expected: str, got: str) -> tuple[int, int, int]:
    r"""(matched, expected, kept) characters of cleaned text against the exact expected text.

    Paragraphs are aligned first, then characters inside replaced runs, so a kept paragraph counts
    once even if the two texts order their paragraphs differently elsewhere. Precision is
    matched / kept, recall matched / expected (letters that happen to align inside a replaced run count,
    as the 2 here do).

    >>> matched_chars("Keep this.\nAnd this.", "Keep this.\nShare on Facebook")
    (12, 19, 27)
    """
    exp, out = paragraphs(expected), paragraphs(got)
    matched = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, exp, out, autojunk=False).get_opcodes():
        if op == "equal":
            matched += sum(len(p) for p in exp[i1:i2])
        elif op == "replace":
            a, b = "\n".join(exp[i1:i2]), "\n".join(out[j1:j2])
            for bl in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
                seg = a[bl.a : bl.a + bl.size]
                matched += len(seg) - seg.count("\n")  # separators are not text
    return matched, sum(len(p) for p in exp), sum(len(p) for p in out)


def load_gold_events(path: Path) -> dict[str, str]:
    """GOLD.jsonl lines {"id","event"} → {article id: gold event}."""
    gold = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            d = json.loads(line)
            if "id" not in d or "event" not in d:
                raise ValueError(f"{path}:{n}: each line needs \"id\" and \"event\"")
            gold[str(d["id"])] = str(d["event"])
    return gold
