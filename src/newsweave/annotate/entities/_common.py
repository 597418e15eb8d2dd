"""Small helpers shared by the entity extractors: word sets, date words and sorted-span tests."""

from __future__ import annotations

import bisect
from functools import lru_cache

from newsweave.annotate._text import (
    norm,
)


def _norm_set(words: str) -> frozenset[str]:
    """The normalised forms of space-separated words (a word list written in the source)."""
    return frozenset(norm(w) for w in words.split())


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    from newsweave.annotate.gazetteer import _date_words as dw

    return dw()


def _overlaps(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the sorted, disjoint spans?"""
    j = bisect.bisect_right(ends, s)
    return j < len(starts) and starts[j] < e


def _inside(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Is [s, e) inside one of the sorted, disjoint spans?"""
    j = bisect.bisect_right(ends, s)
    return j < len(starts) and starts[j] <= s and e <= ends[j]


def _holds(starts: list[int], ends: list[int], s: int, e: int, head_end: int) -> bool:
    """Do the sorted, disjoint spans that overlap [s, e) all lie inside it, after ``head_end``? (an Arabic
    organisation named after a known one: «بعثة الأمم المتحدة …» holds «الأمم المتحدة»)"""
    j = bisect.bisect_right(ends, s)
    while j < len(starts) and starts[j] < e:
        if starts[j] < head_end or ends[j] > e:
            return False
        j += 1
    return True
