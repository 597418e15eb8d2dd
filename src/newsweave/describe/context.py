"""What every describe module needs about an event's articles, computed once.

:class:`EventContext` holds the articles that vote (wire copies removed), each
one's *centrality* (cosine of its vector to the event centroid, or term overlap
with the event when vectors are missing) and each one's :class:`ArticleInfo`:
folded title and lead, lead sentences with their cross-lingual features. Infos
are cached per article (id + content hash): an event is re-described every time
a batch touches it, and its stored articles do not change.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from newsweave.describe.text import fold, numbers_in, sentences, terms
from newsweave.model import Article

LEAD_CHARS = 1500  # the body opening that describe reads: lead sentences, lead mentions
MAX_SENTENCES = 8  # lead sentences per article considered for the summary

# Transliterated 5-letter prefixes of frequent function words (12 languages): they
# carry no fact and would make long sentences look central within one language.
_STOP = frozenset(
    """
    that with from have this were been will would their there they which about after before said says also
    when what where while than them then more most other into over some such only could should between
    against during under since because being these those very just until still however through
    einen einem einer eines nicht sich auch nach wird wurde wurden haben hatte sind eine dass oder aber
    sowie beim seit unter gegen ueber durch noch schon sein seine ihre ihren dies diese dieser
    dans pour avec sont etait cette leur leurs plus selon apres avant entre contre aussi depuis comme
    mais elle elles ont sous tout tous toute toutes ainsi
    para como pero desde entre contra tras sobre esta este estos estas segun tambien donde cuando
    sido habia hasta porque todo todos toda todas
    della delle degli dalla dalle nella nelle negli sono stato stata anche come dopo prima sulla sulle
    questo questa quando dove ancora oltre secondo contro
    pelo pela pelos pelas como mais esta este estao foram entre apos sobre tambem segundo ainda
    care este sunt fost pentru dupa intre acest aceasta acesti despre prin catre fiind avea
    dintr dintre asupra potrivit
    stin ston stis stous einai apo kata gia meta otan opos omos alla kai mias enos ayto ayti ayta
    ston toys tiys tous oste
    kotor chto eto etot etom byli bylo byla takzhe posle pered mezhdu protiv cherez sebya
    vsego takzh ochen uzhe
    olan olarak icin gibi daha sonra kadar ancak fakat ayrica bunun buna bunu ile
    oraz przez jest byly bylo jako tego tych przy jego jednak takze oraz ktory ktora ktore
    fy`l alty aldhy ly`l `la mn`l hdha hdhh kan kanat wqal wqalt ann aly mnth
    """.split()
)
_DATELINE = re.compile(r"^\s*[A-ZÀ-ÝΑ-ΩА-Я][A-ZÀ-ÝΑ-ΩА-Я .,'/-]{2,40}(?:\([^)]{1,40}\))?\s*[-–—:]\s+")


class Sentence(NamedTuple):
    """A lead sentence and its cross-lingual features."""

    text: str
    pos: int  # 0 = first sentence of the body
    terms: frozenset[str]  # transliterated word prefixes
    numbers: frozenset[str]
    feats: frozenset[str]  # terms + "#number" (the same object as terms when there is no number)


@dataclass
class ArticleInfo:
    title_fold: str
    lead_fold: str  # folded title + lead
    terms: frozenset[str]  # title + lead terms (for term-overlap centrality)
    title_terms: frozenset[str]
    sentences: list[Sentence]
    lead_feats: frozenset[str]  # every feature of the lead sentences
    cache: dict = field(default_factory=dict)  # per-module memo (e.g. category scores)


_INFO: OrderedDict[tuple[str, str], ArticleInfo] = OrderedDict()
_INFO_MAX = 10_000  # about 25 KiB each (~250 MiB at most): the articles of recently touched events


def _info_key(a: Article) -> tuple[str, str]:
    h = a.content_hash or hashlib.blake2b(f"{a.title}\n{a.text[:LEAD_CHARS]}".encode(), digest_size=8).hexdigest()
    return (a.id, h)


_EMPTY: frozenset[str] = frozenset()


def feature_terms(text: str) -> frozenset[str]:
    return frozenset(sys.intern(t) for t in terms(text) if t not in _STOP)


def article_info(a: Article) -> ArticleInfo:
    """Features of one article, cached."""
    key = _info_key(a)
    info = _INFO.get(key)
    if info is not None:
        _INFO.move_to_end(key)
        return info
    lead = a.text[:LEAD_CHARS]
    sents = []
    body = _DATELINE.sub("", lead, count=1)
    split = sentences(body, MAX_SENTENCES + 1)
    if len(a.text) > LEAD_CHARS and len(split) <= MAX_SENTENCES:
        split = split[:-1]  # the last one was cut in the middle
    for pos, s in enumerate(split[:MAX_SENTENCES]):
        t, n = feature_terms(s), numbers_in(s)
        nums = frozenset(n) if n else _EMPTY
        sents.append(Sentence(s, pos, t, nums, t | {f"#{x}" for x in n} if n else t))
    title_terms = feature_terms(a.title)
    info = ArticleInfo(
        title_fold=fold(a.title),
        lead_fold=fold(f"{a.title}\n{lead[:600]}"),
        terms=title_terms | feature_terms(lead[:600]),
        title_terms=title_terms,
        sentences=sents,
        lead_feats=frozenset().union(*(x.feats for x in sents)),
    )
    _INFO[key] = info
    if len(_INFO) > _INFO_MAX:
        _INFO.popitem(last=False)
    return info


def centrality(articles: list[Article], infos: list[ArticleInfo]) -> list[float]:
    """Cosine of each article's vector to the event centroid; term overlap when any vector is missing.

    With one article the answer is [1.0].
    """
    n = len(articles)
    if n <= 1:
        return [1.0] * n
    vecs = [a.vector for a in articles]
    if all(v is not None for v in vecs):
        m = np.asarray(np.stack(vecs), dtype=np.float32)
        c = m.mean(axis=0)
        c /= max(float(np.linalg.norm(c)), 1e-12)
        return [max(0.0, float(x)) for x in m @ c]
    df: Counter[str] = Counter()
    for info in infos:
        df.update(info.terms)
    norm = math.sqrt(sum(v * v for v in df.values())) or 1.0
    out = []
    for info in infos:
        k = len(info.terms)
        out.append(sum(df[t] for t in info.terms) / (math.sqrt(k) * norm) if k else 0.0)
    return out


@dataclass
class EventContext:
    """The voting articles of one event, with centrality weights and cached features."""

    articles: list[Article]  # wire copies removed (all of them if every one is a copy)
    all_articles: list[Article]
    infos: list[ArticleInfo]
    central: list[float]
    weights: list[float]  # voting weight per article: centrality, floored so no article is mute

    @classmethod
    def build(cls, articles: list[Article]) -> EventContext:
        arts = [a for a in articles if a.duplicate_of is None] or list(articles)
        infos = [article_info(a) for a in arts]
        central = centrality(arts, infos)
        top = max(central, default=1.0) or 1.0
        weights = [round(0.25 + 0.75 * (c / top), 4) for c in central]  # rounded: float noise is no vote
        return cls(arts, list(articles), infos, central, weights)

    def languages(self) -> Counter[str]:
        """Articles per language (all articles, copies included: they are coverage too)."""
        return Counter(a.language or "und" for a in self.all_articles)
