"""Profiles: what the scorer compares. An article and an event have the same shape.

Making an event look like a (large) article is what lets one scorer decide
both "are these two articles the same event?" and "does this article belong to
that event?" — one mechanism, trained once on article pairs.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from newsweave.model import Article

_RUN = re.compile(r"[^\W\d_]+", re.UNICODE)
# Scripts written without spaces: a word is not a unit there, character bigrams are.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")
STEM = 6  # a crude, language-agnostic stemmer: the first six letters of a word


def _fold(word: str) -> str:
    """Drop accents so that "Kaczyński" meets "Kaczynski" (cheap: only for non-ASCII words)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def content_terms(text: str) -> Counter[str]:
    """Content terms of a text: a cheap, language-agnostic bag for lexical overlap.

    Words of four letters or more (which drops most function words without a
    stopword list per language), lower-cased, accents folded and cut to their
    first six letters (so that inflected forms meet: "protests", "protesters");
    runs of Chinese, Japanese or Korean script give character bigrams.
    Measured on SemEval-2022 Task 8 (Pearson of the log-TF cosine alone with
    -Overall): 0.46 for plain four-letter words, 0.51 with these rules, and
    0.52 with IDF fitted on the training folds — too small a gain to ship an
    IDF table, so none is used.

    >>> content_terms("The army entered Patras")["patras"]
    1
    >>> sorted(content_terms("北京暴雨"))
    ['京暴', '北京', '暴雨']
    """
    out: Counter[str] = Counter()
    for run in _RUN.findall(text.lower()):
        for chunk in _CJK.findall(run):
            if len(chunk) == 1:
                out[chunk] += 1
            for i in range(len(chunk) - 1):
                out[chunk[i : i + 2]] += 1
        for word in _CJK.split(run):
            if len(word) >= 4:
                out[_fold(word)[:STEM]] += 1
    return out


def body_text(article: Article, max_chars: int = 3000) -> str:
    """Title and text once (a text that merely repeats its title is not counted twice)."""
    title, text = article.title.strip(), article.text.strip()
    if not title or text.startswith(title):
        return text[:max_chars]
    if title.startswith(text):
        return title[:max_chars]
    return f"{title}\n{text}"[:max_chars]


@dataclass
class LanguageCentres:
    """The mean embedding of each language, subtracted before vectors are compared.

    A multilingual encoder puts every text of one language in its own corner of the
    space, so a raw cosine mixes "same story" with "same language". Subtracting the
    language's mean vector (then re-normalising) removes most of that: on
    SemEval-2022 Task 8 the e5 cosine alone goes from 0.67 to 0.78 Pearson
    (cross-language pairs 0.68 to 0.78), means fitted on the training folds only.
    A language without a mean of its own uses the mean over all languages.

    The means belong to one encoder. They are applied only to vectors that come
    from it: same dimension, and inside the narrow cone around its overall mean
    where all of that encoder's vectors lie (cosine with it >= ``cone``), so a
    different 384-d model is left alone.
    """

    encoder: str
    overall: np.ndarray
    means: dict[str, np.ndarray] = field(default_factory=dict)
    cone: float = 0.5

    def __post_init__(self) -> None:
        self._direction = self.overall / (np.linalg.norm(self.overall) or 1.0)

    def centre(self, vector: np.ndarray, language: str | None) -> np.ndarray:
        """Language-centred, L2-normalised copy of ``vector`` (``vector`` itself when not applicable).

        >>> c = LanguageCentres("toy", np.array([0.8, 0.6, 0.0]), {"en": np.array([0.9, 0.4, 0.0])})
        >>> c.centre(np.array([0.6, 0.8, 0.0]), "en").astype(float).round(3).tolist()
        [-0.6, 0.8, 0.0]
        >>> c.centre(np.array([0.0, 0.0, 1.0]), "en").tolist()  # not this encoder's vector
        [0.0, 0.0, 1.0]
        """
        v = np.asarray(vector, dtype=np.float32)
        if v.shape != self.overall.shape or float(v @ self._direction) < self.cone:
            return v
        c = v - self.means.get(language or "", self.overall)
        norm = float(np.linalg.norm(c))
        return (c / norm).astype(np.float32) if norm > 1e-6 else v

    @classmethod
    def fit(
        cls, vectors: list[np.ndarray], languages: list[str], encoder: str, shrink: float = 10.0, min_count: int = 20
    ) -> LanguageCentres:
        """Means per language with at least ``min_count`` texts, shrunk towards the overall mean
        as if ``shrink`` average texts were added (a language seen 20 times is not fully trusted)."""
        V = np.asarray(vectors, dtype=np.float64)
        overall = V.mean(axis=0)
        means = {}
        for lang, n in sorted(Counter(languages).items()):
            if n >= min_count and lang:
                rows = V[[i for i, x in enumerate(languages) if x == lang]]
                means[lang] = ((rows.sum(axis=0) + shrink * overall) / (n + shrink)).astype(np.float32)
        return cls(encoder, overall.astype(np.float32), means)

    def to_json(self) -> str:
        def r(v: np.ndarray) -> list[float]:
            return [round(float(x), 6) for x in v]

        doc = {"encoder": self.encoder, "cone": self.cone, "overall": r(self.overall),
               "means": {k: r(v) for k, v in sorted(self.means.items())}}
        return json.dumps(doc, separators=(",", ":")) + "\n"

    @classmethod
    def load(cls, path: str | Path | None = None) -> LanguageCentres | None:
        """The shipped means (``newsweave/data/language_centres.json``), or None when there are none."""
        try:
            if path is None:
                text = resources.files("newsweave.data").joinpath("language_centres.json").read_text("utf-8")
            else:
                text = Path(path).read_text("utf-8")
        except FileNotFoundError:
            return None
        d = json.loads(text)
        return cls(
            d["encoder"],
            np.asarray(d["overall"], dtype=np.float32),
            {k: np.asarray(v, dtype=np.float32) for k, v in d["means"].items()},
            float(d.get("cone", 0.5)),
        )


@lru_cache(maxsize=1)
def shipped_centres() -> LanguageCentres | None:
    """The language centres that ship with NewsWeave (loaded once)."""
    return LanguageCentres.load()


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
    main_places: Counter[str] = field(default_factory=Counter)  # the city each member is about
    languages: Counter[str] = field(default_factory=Counter)
    n: int = 1
    vector_sum: np.ndarray | None = None

    def keys(self, counter: Counter, min_share: float = 0.25) -> set:
        """Keys mentioned by at least ``min_share`` of the members (all, for one article)."""
        if self.n <= 1:
            return set(counter)
        need = max(1, math.ceil(min_share * self.n))
        return {k for k, c in counter.items() if c >= need}

    def summary(self) -> Summary:
        """The profile-side inputs of ``pair_features``, computed once per version of the profile.

        An article is compared with ~20 candidate events and an event with many articles, so
        recomputing key sets, the main day and the term norm on every call was most of the
        scorer's cost. :meth:`add` brings the cache up to date; it is recomputed when any counter's
        size or ``n`` changes otherwise; code that edits counts in place must call :meth:`touch`.
        """
        stamp = _stamp(self)
        s = self.__dict__.get("_summary")
        if s is None or s.stamp != stamp:
            s = Summary(self, stamp)
            self.__dict__["_summary"] = s
        return s

    def owned_summary(self) -> Summary:
        """:meth:`summary` for a profile that changes only through :meth:`add` (or calls :meth:`touch`):
        the cached one without the size check, which was a tenth of the clusterer's time at 1M articles."""
        s = self.__dict__.get("_summary")
        return s if s is not None else self.summary()

    def touch(self) -> None:
        """Forget the cached summary (after editing a counter in place)."""
        self.__dict__.pop("_summary", None)

    def __getstate__(self) -> dict:
        # The cache is derived data: checkpoints stay as they were and old ones still load.
        return {k: v for k, v in self.__dict__.items() if k != "_summary"}

    def add(self, other: Profile) -> None:
        """Merge another profile (an article joining this event) into this one.

        A valid cached summary is brought up to date (:meth:`Summary.grown`) rather than dropped: the clusterer
        reads the summary of the event an article joined at the next article, and recomputing it from every
        counter was a fifth of the clusterer's Python at 1M articles.
        """
        cached = self.__dict__.pop("_summary", None)
        if cached is not None and cached.stamp != _stamp(self):
            cached = None
        n_old = self.n
        base = self.vector_sum if self.vector_sum is not None else self.vector * self.n
        self.vector_sum = base + (other.vector_sum if other.vector_sum is not None else other.vector)
        v = self.vector_sum
        # np.linalg.norm's own steps for a real 1-d array (sqrt of v.dot(v), same dtype), without its overhead
        norm = float(np.sqrt(v.dot(v))) if v.ndim == 1 and v.dtype.kind == "f" else float(np.linalg.norm(v))
        self.vector = self.vector_sum / norm if norm else self.vector_sum
        for name in ("entities", "places", "countries", "terms", "numbers", "days", "languages", "main_places"):
            theirs = getattr(other, name)
            if theirs:  # what Counter.update does with a mapping, without its isinstance check (1M: 1.4 s)
                mine = getattr(self, name)
                get = mine.get
                for k, v in theirs.items():
                    mine[k] = v + get(k, 0)
        self.n += other.n
        if cached is not None and self.n >= n_old:
            self.__dict__["_summary"] = cached.grown(self, other, n_old)


_SQUARES = {c: math.log1p(c) ** 2 for c in range(1024)}  # log1p(count) ** 2 for the usual counts, as below


def _log_norm(counter: Counter) -> float:
    """sqrt(sum(log1p(v) ** 2)) over the counter's values in their order: the bits of the plain expression."""
    try:
        return math.sqrt(sum(map(_SQUARES.__getitem__, counter.values())))
    except (KeyError, TypeError):  # a count of 1024 or more, negative or fractional
        return math.sqrt(sum(math.log1p(v) ** 2 for v in counter.values()))


def _top(counter: Counter) -> object | None:
    """The key of ``counter.most_common(1)`` (the first of equal counts in insertion order), without sorting."""
    if not counter:
        return None
    if len(counter) == 1:
        return next(iter(counter))
    return max(counter.items(), key=_count)[0]


def _count(item: tuple) -> object:
    return item[1]


def _stamp(p: Profile) -> tuple:
    """The sizes a cached summary is checked against (see ``Profile.summary``)."""
    return (p.n, len(p.entities), len(p.places), len(p.countries), len(p.terms), len(p.numbers), len(p.days),
            len(p.main_places), len(p.languages))


def _need(n: int) -> int:
    """The count a key needs in ``Profile.keys`` (default share) for a profile of ``n`` members above one."""
    return max(1, math.ceil(0.25 * n))


def _grown_keys(old: set, counter: Counter, theirs: Counter, n_old: int, n: int) -> set:
    """``Profile.keys(counter)`` after a merge that added ``theirs`` to ``counter`` and took n_old members to n >= n_old.

    ``old`` is the key set before. A key that ``theirs`` did not touch kept its count and the floor did not fall, so
    it qualifies only if it did before and still reaches the floor: only ``old`` and ``theirs`` need a look.
    """
    if n <= 1:
        return set(counter)
    need = _need(n)
    if n_old <= 1 or need > _need(n_old):
        out = {k for k in old if counter[k] >= need}
    else:  # the same floor: ``old`` itself unless ``theirs`` changes it (summaries never edit their sets)
        out = old
    for k, v in theirs.items():
        if v > 0 and k in out:
            continue  # it qualified and its count rose
        if counter[k] >= need:
            if k not in out:
                out = out if out is not old else set(old)
                out.add(k)
        elif k in out:
            out = out if out is not old else set(old)
            out.discard(k)
    return out


class Summary:
    """What ``pair_features`` needs from one side, derived from a :class:`Profile` (see ``Profile.summary``).

    The term norm is computed on first use: the clusterer scores most candidates without the
    lexical part when the scorer gives it no weight, and an event's norm costs a pass over all its terms.
    """

    __slots__ = ("stamp", "entities", "places", "countries", "numbers", "main_day", "main_place", "language",
                 "terms", "_norm")

    def __init__(self, p: Profile, stamp: tuple) -> None:
        self.stamp = stamp
        self.entities, self.places = p.keys(p.entities), p.keys(p.places)
        self.countries, self.numbers = p.keys(p.countries), p.keys(p.numbers)
        self.main_day = _top(p.days)
        self.main_place = _top(p.main_places)
        top = _top(p.languages)
        self.language = [] if top is None else [(top, p.languages[top])]  # as languages.most_common(1)
        self.terms = p.terms  # the profile's own counter (not a copy)
        self._norm: float | None = None

    def grown(self, p: Profile, other: Profile, n_old: int) -> Summary:
        """The summary of ``p`` after ``p.add(other)``, from this one (``p``'s before it, of n_old members):
        equal to ``Summary(p, ...)`` computed afresh (tests/test_cluster_speed_summary.py compares them)."""
        s = Summary.__new__(Summary)
        s.stamp = _stamp(p)
        n = p.n
        s.entities = _grown_keys(self.entities, p.entities, other.entities, n_old, n)
        s.places = _grown_keys(self.places, p.places, other.places, n_old, n)
        s.countries = _grown_keys(self.countries, p.countries, other.countries, n_old, n)
        s.numbers = _grown_keys(self.numbers, p.numbers, other.numbers, n_old, n)
        s.main_day = _top(p.days)  # small counters: a day or two, a place, a few languages
        s.main_place = _top(p.main_places)
        top = _top(p.languages)
        s.language = [] if top is None else [(top, p.languages[top])]
        s.terms = p.terms
        s._norm = None
        return s

    def copy_for(self, p: Profile) -> Summary:
        """This summary for ``p``, a copy of the profile it was computed from (equal counters, same ``n``)."""
        s = Summary.__new__(Summary)
        s.stamp, s.entities, s.places, s.countries, s.numbers = self.stamp, self.entities, self.places, \
            self.countries, self.numbers  # never changed in place: grown() makes new sets
        s.main_day, s.main_place, s.language, s.terms, s._norm = self.main_day, self.main_place, \
            list(self.language), p.terms, self._norm
        return s

    @property
    def norm(self) -> float:
        """sqrt of the sum of squared log1p term counts, summed in the counter's order."""
        if self._norm is None:
            self._norm = _log_norm(self.terms)
        return self._norm


def article_profile(
    article: Article, vector: np.ndarray | None = None, centres: LanguageCentres | str | None = "shipped"
) -> Profile:
    """Build the profile of one annotated, embedded article.

    The vector is language-centred with the shipped :class:`LanguageCentres`
    (pass ``centres=None`` to keep it as it is, or other centres to use those).

    >>> import numpy as np
    >>> article_profile(Article(id="a", title="Fire in Patras", text=""), np.ones(2)).terms["patras"]
    1
    """
    vec = np.asarray(vector if vector is not None else article.vector, dtype=np.float32)
    if isinstance(centres, str):  # "shipped"
        centres = shipped_centres()
    if isinstance(centres, LanguageCentres):
        vec = centres.centre(vec, article.language)
    # The event day counts only for a dated article. Without a publication date, relative mentions cannot be
    # resolved and a date the text names is as often background as the event: on SemEval (undated), two
    # different text-derived days leave P(same event) at 0.37, the base rate, and equal ones do not raise it.
    day = (article.event_date or article.published.date()) if article.published else None
    numbers = Counter({m.value for m in article.numbers if abs(m.value) >= 10})
    return Profile(
        vector=vec,
        entities=Counter({e.key for e in article.entities}),
        places=Counter({p.key for p in article.places if p.kind not in ("country", "demonym")}),
        countries=Counter({p.country_code for p in article.places if p.country_code}),
        terms=content_terms(body_text(article)),
        numbers=numbers,
        days=Counter([day.toordinal()]) if day else Counter(),
        main_places=Counter([article.places[0].key]) if article.places and article.places[0].kind == "city" else Counter(),
        languages=Counter([article.language]),
    )
