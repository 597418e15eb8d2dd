"""Where: the most specific place the event is about, not every place it mentions.

Every voting article scores each of its places (joined across articles and
languages by ``Place.key``, i.e. the GeoNames id):

    score(place) = Σ_articles  weight(article) · position(place, article)

where ``position`` is 3 for a place named in the title, 1.5 in the first 300
characters of the body (dateline, first sentence), 0.5 further down, times
1 + ½·log2(mentions). Two city records within 3 km of each other (one town
geocoded to two GeoNames entries) pool their scores.

Countries collect *support* from every place inside them (the best one per
article), and each place's score is scaled by its country's share of the best
country's support (*coherence*): a town that one language geocoded to the
wrong country does not win.

Then specificity: the best city wins if its coherent score is at least
``CITY_SHARE`` of the most salient place's score (a city beats its country and
its region); else the best region with a country code, on the same test; else
the most salient place (usually the country). Continents and seas (regions with
no country code) are never the reference and win only when nothing else is
named. So "Earthquake in Turkey: buildings collapsed in Izmir" is about Izmir,
while a capital named once in passing in a story about a national vote is not
what the story is about.
"""

from __future__ import annotations

import math
from collections import defaultdict

from newsweave.describe.context import EventContext
from newsweave.describe.text import fold
from newsweave.model import Place

TITLE, LEAD, BODY = 3.0, 1.5, 0.5
LEAD_CHARS = 300  # the dateline and first sentence or two
CITY_SHARE = 0.35
SAME_TOWN_KM = 3.0


def _position(p: Place, title: str, lead: str) -> float:
    forms = {fold(x) for x in (p.surface, p.name) if x}
    if any(f in title for f in forms):
        base = TITLE
    elif any(f in lead for f in forms):
        base = LEAD
    else:
        base = BODY
    return base * (1.0 + 0.5 * math.log2(max(1, p.count)))


def _article_places(a, info) -> list[tuple[str, float, str | None, Place]]:
    """(key, position, country code, place) of one article's distinct places, memoised per article."""
    memo = info.cache.get("places")
    if memo is None or memo[0] != len(a.places):
        lead = info.lead_fold[: len(info.title_fold) + 1 + LEAD_CHARS]
        out, seen = [], set()
        for p in a.places:
            if p.key not in seen:
                seen.add(p.key)
                cc = p.country_code.upper() if p.country_code else None
                out.append((p.key, _position(p, info.title_fold, lead), cc, p))
        memo = info.cache["places"] = (len(a.places), out)
    return memo[1]


def _km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(x)))


def place_scores(ctx: EventContext) -> tuple[dict[str, float], dict[str, float], dict[str, Place]]:
    """Per-place scores, per-country support, and one representative Place per key."""
    score: dict[str, float] = defaultdict(float)
    country: dict[str, float] = defaultdict(float)
    by_key: dict[str, Place] = {}
    for a, info, w in zip(ctx.articles, ctx.infos, ctx.weights):
        best_here: dict[str, float] = {}
        for key, pos, cc, p in _article_places(a, info):
            s = w * pos
            if p.kind != "demonym":  # "Greek", «السوداني»: evidence for the country, never the place itself
                score[key] += s
                by_key.setdefault(key, p)
            if cc:
                best_here[cc] = max(best_here.get(cc, 0.0), s)
        for cc, s in best_here.items():
            country[cc] += s
    _pool_same_towns(score, by_key)
    return score, country, by_key


def _pool_same_towns(score: dict[str, float], by_key: dict[str, Place]) -> None:
    cities = sorted((k for k, p in by_key.items() if p.kind == "city"), key=lambda k: -score[k])
    for i, k in enumerate(cities):
        if score[k] <= 0:
            continue
        for j in cities[i + 1:]:
            if score[j] > 0 and by_key[j].country_code == by_key[k].country_code and \
                    _km(by_key[k], by_key[j]) <= SAME_TOWN_KM:
                score[k] += score[j]
                score[j] = 0.0


def location(ctx: EventContext) -> Place | None:
    """The event's place (a copy, with ``count`` = articles that mention it)."""
    score, country, by_key = place_scores(ctx)
    if not score:
        return None
    top_support = max(country.values(), default=0.0)

    def coherent(k: str) -> float:
        cc = by_key[k].country_code
        if not cc or not top_support:
            return score[k] * 0.5
        return score[k] * country.get(cc.upper(), 0.0) / top_support

    loose = {k for k, p in by_key.items() if p.kind == "region" and not p.country_code}
    ref_keys = [k for k in score if k not in loose] or list(score)
    salient = max(ref_keys, key=lambda k: (coherent(k), k))
    reference = coherent(salient)
    best_key = salient
    for kind in ("city", "region"):
        pool = [k for k in ref_keys if by_key[k].kind == kind]
        if pool:
            top = max(pool, key=lambda k: (coherent(k), k))
            if coherent(top) >= CITY_SHARE * reference:
                best_key = top
                break
    p = by_key[best_key]
    mentions = sum(1 for a in ctx.articles if any(q.key == best_key for q in a.places))
    return Place(p.name, p.country_code, p.lat, p.lon, p.geonames_id, p.kind, mentions, p.surface)
