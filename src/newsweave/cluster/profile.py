"""Profiles: what the scorer compares. An article and an event have the same shape.

Making an event look like a (large) article is what lets one scorer decide
both "are these two articles the same event?" and "does this article belong to
that event?" — one mechanism, trained once on article pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from newsweave.model import Article

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def content_terms(text: str) -> Counter[str]:
    """Lower-cased words of four letters or more: a cheap, language-agnostic term bag.

    Four letters drop most function words in the languages we serve without a
    stopword list per language.

    >>> content_terms("The army entered Patras")["patras"]
    1
    """
    return Counter(w.lower() for w in _WORD.findall(text))


@dataclass
class Profile:
    """Comparable summary of an article or an event.

    Counters hold how many member articles mention each key, so that an event's
    profile is the sum of its articles' and ``n`` says how many there are.
    """

    vector: np.ndarray  # L2-normalised (mean direction for an event)
    entities: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    terms: Counter[str] = field(default_factory=Counter)
    numbers: Counter[float] = field(default_factory=Counter)
    days: Counter[int] = field(default_factory=Counter)  # event-date ordinals
    languages: Counter[str] = field(default_factory=Counter)
    n: int = 1
    vector_sum: np.ndarray | None = None

    def keys(self, counter: Counter, min_share: float = 0.25) -> set:
        """Keys mentioned by at least ``min_share`` of the members (all, for one article)."""
        if self.n <= 1:
            return set(counter)
        need = max(1, math.ceil(min_share * self.n))
        return {k for k, c in counter.items() if c >= need}

    def add(self, other: Profile) -> None:
        """Merge another profile (an article joining this event) into this one."""
        base = self.vector_sum if self.vector_sum is not None else self.vector * self.n
        self.vector_sum = base + (other.vector_sum if other.vector_sum is not None else other.vector)
        norm = float(np.linalg.norm(self.vector_sum))
        self.vector = self.vector_sum / norm if norm else self.vector_sum
        for name in ("entities", "places", "countries", "terms", "numbers", "days", "languages"):
            getattr(self, name).update(getattr(other, name))
        self.n += other.n


def article_profile(article: Article, vector: np.ndarray | None = None) -> Profile:
    """Build the profile of one annotated, embedded article.

    >>> import numpy as np
    >>> article_profile(Article(id="a", title="Fire in Patras", text=""), np.ones(2)).terms["patras"]
    1
    """
    vec = np.asarray(vector if vector is not None else article.vector, dtype=np.float32)
    day = article.event_date or (article.published.date() if article.published else None)
    numbers = Counter({m.value for m in article.numbers if abs(m.value) >= 10})
    return Profile(
        vector=vec,
        entities=Counter({e.key for e in article.entities}),
        places=Counter({p.key for p in article.places if p.kind != "country"}),
        countries=Counter({p.country_code for p in article.places if p.country_code}),
        terms=content_terms(f"{article.title}\n{article.text[:3000]}"),
        numbers=numbers,
        days=Counter([day.toordinal()]) if day else Counter(),
        languages=Counter([article.language]),
    )
