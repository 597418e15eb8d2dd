"""Small helpers shared by the entity extractors: word sets, date words and sorted-span tests."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from functools import lru_cache

from newsweave.annotate._text import (
    norm,
    nword,
)
from newsweave.annotate.entities.names import name_key
from newsweave.annotate.lexicon import CONNECTORS

# Link words an organisation's name may or may not write, in English or left by a word-by-word gloss
# («Servicio Geológico de …» -> "Service Geological of"): not part of its key.
_ORG_LINKS = CONNECTORS | frozenset("of the for and del della di du des la le der für fur".split())


def _norm_set(words: str) -> frozenset[str]:
    """The normalised forms of space-separated words (a word list written in the source)."""
    return frozenset(norm(w) for w in words.split())


def _fold_plural(k: str) -> str:
    """A word key without its plural ending ("servik"/"servik", "unions"/"union", "ministri"/"ministr"); short
    keys are left whole ("nevs", "afp")."""
    if len(k) <= 4:
        return k
    if k.endswith("s"):
        k = k[:-1]
    return k[:-1] if k.endswith("i") and len(k) > 4 else k


def org_key(words: Iterable[str]) -> str:
    """The order-free key of an organisation's name: its words' skeletons, link words and plural endings
    dropped, sorted, so "Ministry of Health" meets "Health Ministry" and a Romance gloss "Service Geological"
    meets "Geological Service". People are keyed in word order elsewhere (their first and last names differ).

    >>> org_key("Ministry of Health".split()) == org_key("Health Ministry".split())
    True
    """
    keys = {_fold_plural(name_key(w)) for w in words if nword(w) not in _ORG_LINKS}
    return " ".join(sorted(k for k in keys if k))


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
