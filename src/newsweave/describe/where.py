"""Where: the most specific place the event is about, not every place it mentions.

Every voting article scores each of its places (joined across articles and
languages by ``Place.key``, i.e. the GeoNames id):

    score(place) = Σ_articles  weight(article) · position(place, article)

where ``position`` is 3 for a place named in the title, 1.5 in the lead, and
0.5 + 0.25·(mentions − 1) (at most 1) for a body-only mention. Countries also
collect support from every place inside them (the best one per article).

The winner is the best-supported country's most supported city or region when
that place is itself well supported (≥ ``CITY_SHARE`` of its country's
support): "a city beats its country", but a capital mentioned in passing in
an article about a national election does not. Places without a country code
compete on their own score.
"""

from __future__ import annotations

from collections import defaultdict

from newsweave.describe.context import EventContext
from newsweave.describe.text import fold
from newsweave.model import Place

TITLE, LEAD = 3.0, 1.5
CITY_SHARE = 0.35
_SPECIFIC = {"city": 1.0, "region": 0.9}


def _position(p: Place, title: str, lead: str) -> float:
    forms = {fold(x) for x in (p.surface, p.name) if x}
    if any(f in title for f in forms):
        return TITLE
    if any(f in lead for f in forms):
        return LEAD
    return min(1.0, 0.5 + 0.25 * max(0, p.count - 1))


def place_scores(ctx: EventContext) -> tuple[dict[str, float], dict[str, float], dict[str, Place]]:
    """Per-place scores, per-country support, and one representative Place per key."""
    score: dict[str, float] = defaultdict(float)
    country: dict[str, float] = defaultdict(float)
    by_key: dict[str, Place] = {}
    for a, info, w in zip(ctx.articles, ctx.infos, ctx.weights):
        best_here: dict[str, float] = {}
        seen: set[str] = set()
        for p in a.places:
            if p.key in seen:
                continue
            seen.add(p.key)
            s = w * _position(p, info.title_fold, info.lead_fold)
            score[p.key] += s
            by_key.setdefault(p.key, p)
            if p.country_code:
                cc = p.country_code.upper()
                best_here[cc] = max(best_here.get(cc, 0.0), s)
        for cc, s in best_here.items():
            country[cc] += s
    return score, country, by_key


def location(ctx: EventContext) -> Place | None:
    """The event's place (a copy, with ``count`` = articles that mention it)."""
    score, country, by_key = place_scores(ctx)
    if not score:
        return None
    best_key: str | None = None
    if country:
        cc = max(country, key=lambda c: (country[c], c))
        inside = [k for k, p in by_key.items() if p.country_code and p.country_code.upper() == cc]
        specific = [k for k in inside if by_key[k].kind in _SPECIFIC]
        if specific:
            top = max(specific, key=lambda k: (score[k] * _SPECIFIC[by_key[k].kind], -len(k), k))
            if score[top] >= CITY_SHARE * country[cc]:
                best_key = top
        if best_key is None:
            nation = [k for k in inside if by_key[k].kind == "country"]
            pool = nation or inside
            best_key = max(pool, key=lambda k: (score[k], k))
        # A place with no country code that clearly dominates still wins.
        loose = [k for k in score if not by_key[k].country_code]
        if loose:
            other = max(loose, key=lambda k: score[k])
            if score[other] > 1.5 * country[cc]:
                best_key = other
    else:
        best_key = max(score, key=lambda k: (score[k] * _SPECIFIC.get(by_key[k].kind, 0.8), k))
    p = by_key[best_key]
    mentions = sum(1 for a in ctx.articles if any(q.key == best_key for q in a.places))
    return Place(p.name, p.country_code, p.lat, p.lon, p.geonames_id, p.kind, mentions, p.surface)
