"""The extraction: every source of candidates merged into keyed, counted entities."""

from __future__ import annotations

import re

from newsweave.annotate._text import (
    Doc,
    norm,
    nword,
    script_of,
)
from newsweave.annotate.entities._common import org_key
from newsweave.annotate.entities.aliases import _alias_matches, _aliases
from newsweave.annotate.entities.arabic import (
    _acronym_actor,
    _arabic_acronyms,
    _arabic_candidates,
    _arabic_foreign_candidates,
    _arabic_name_candidates,
)
from newsweave.annotate.entities.cased import _clean_token, _stat_candidates
from newsweave.annotate.entities.names import name_key
from newsweave.annotate.entities.orgs import _club_and_town, _company_full_name, _org_candidates
from newsweave.annotate.institutions import SINGLE_COUNTRY_LANGS, context_country
from newsweave.annotate.institutions import display as institution_name
from newsweave.annotate.institutions import find as find_institutions
from newsweave.annotate.lexicon import (
    CONNECTORS,
)
from newsweave.model import Entity


def _mention(found: dict[str, Entity], order: dict[str, int], k: str, name: str, typ: str, s: int,
             surface: str) -> Entity | None:
    """Count one mention of key ``k`` at offset ``s``: a new entity (None returned) or the known one, counted."""
    ent = found.get(k)
    if ent is None:
        found[k] = Entity(name=name, type=typ, key=k, count=1, aliases=[surface])
        order[k] = s
        return None
    ent.count += 1
    if surface not in ent.aliases:
        ent.aliases.append(surface)
    return ent


def _extract(
    doc: Doc,
    place_spans: list[tuple[int, int]] | None = None,
    aliases: list[tuple[int, int, str, int]] | None = None,
    body_start: int = 0,
    places: list | None = None,
) -> list[Entity]:
    """Entities of a prepared document. ``aliases`` may be passed when already computed;
    unknown names found only before ``body_start`` (the title) are dropped: titles are
    often written in Title Case. ``places`` (the article's places) tell which country a bare
    "the army" belongs to (see :mod:`newsweave.annotate.institutions`)."""
    ai = _aliases()
    found: dict[str, Entity] = {}
    order: dict[str, int] = {}
    alias_spans: list[tuple[int, int]] = []
    ends: dict[int, str] = {}  # where a mention ends -> its key ("Name (ACRONYM)", see _link_acronyms)
    surname_of: dict[str, str] = {}  # "sanhez" -> "alias:sanchez" when "Pedro Sánchez" was named

    def add(k: str, name: str, typ: str, s: int, surface: str, extra: list[str] | None = None) -> None:
        _mention(found, order, k, name, typ, s, surface)
        for x in extra or ():
            if x not in found[k].aliases:
                found[k].aliases.append(x)

    alias_list = _alias_matches(doc) if aliases is None else aliases
    for s, e, surface, actor in alias_list:
        a = ai.actors[actor]
        k = "alias:" + a.key
        full = _company_full_name(doc.text, e, a.name) if a.type == "org" else None
        add(k, a.name, a.type, s, surface, [full] if full else None)
        alias_spans.append((s, e))
        ends[e] = k
        if a.type == "person" and " " in surface.strip():
            surname_of[name_key(surface.split()[-1])] = k
    inst_spans: list[tuple[int, int]] = []
    home = SINGLE_COUNTRY_LANGS.get(doc.language or "")
    home_named = home is None or any((p.country_code or "").upper() == home for p in places or ())
    for s, e, surface, cc, inst in find_institutions(doc, alias_spans, context_country(places), home_named):
        actor = ai.institution.get((cc, inst))
        if actor is not None:
            a = ai.actors[actor]
            add("alias:" + a.key, a.name, a.type, s, surface)
        else:
            name, canonical = institution_name(cc, inst)
            add(f"inst:{cc}:{inst}", name, "org", s, surface, canonical)
        inst_spans.append((s, e))
    if doc.arabic:  # «إف بي آي»: a Latin acronym spelled out, keyed as the acronym is in Latin script
        for s, e, surface, acro in _arabic_acronyms(doc, alias_spans + inst_spans + list(place_spans or [])):
            actor = _acronym_actor(acro)
            if actor is not None:
                a = ai.actors[actor]
                add("alias:" + a.key, a.name, a.type, s, surface)
            else:  # Arabic has no p: «دي بي إيه» is DBA or DPA, both aliases so that describe meets the Latin one
                p_form = [acro.replace("B", "P")] if "B" in acro else []
                add("lat:" + name_key(acro), acro, "org", s, surface, [acro, *p_form])
            alias_spans.append((s, e))
    ar_places = None
    if doc.arabic and place_spans:
        names = {norm(p.surface): p.name for p in places or () if p.surface}
        ar_places = [(s, e, names.get(norm(doc.text[s:e]))) for s, e in place_spans]
    orgs = _org_candidates(doc, alias_spans + inst_spans, ar_places)
    for s, _e, surface, _content, gloss, own in orgs:
        # keyed on the name's own words, else on the gloss: «Confederația X» and «Confederației X» are one
        k = "lat:" + org_key((own or gloss or "").split())
        ends[_e] = k
        extra = [x for x in (own, gloss) if x]
        ent = found.get(k)
        add(k, surface if ent is None else ent.name, "org", s, surface, extra)
        if ent is not None and ent.type != "org":
            ent.type = "org"
    org_spans = [(s, e) for s, e, *_ in orgs]
    cands = _stat_candidates(doc, alias_spans, place_spans or [], sorted(inst_spans + org_spans))
    if doc.arabic:
        ar_taken = alias_spans + list(place_spans or []) + org_spans
        titled = _arabic_candidates(doc, ar_taken)
        named = _arabic_name_candidates(doc, ar_taken + inst_spans)
        # a name found by its given name replaces the shorter one found after a title, inside it
        titled = [t for t in titled if not any(s <= t[0] and t[1] <= e and (s, e) != t[:2] for s, e, *_ in named)]
        named = [c for c in named if not any(t[0] < c[1] and c[0] < t[1] for t in titled)]
        # people without a listed given name (foreign names): by role, speech verb or shape; a longer
        # name found so replaces a shorter one found after a title («الرئيس الروماني …»)
        foreign = _arabic_foreign_candidates(doc, ar_taken + inst_spans + [c[:2] for c in named])
        titled = [t for t in titled if not any(s <= t[0] and t[1] <= e and (s, e) != t[:2] for s, e, *_ in foreign)]
        foreign = [c for c in foreign if not any(t[0] < c[1] and c[0] < t[1] for t in titled)]
        cands += titled + named + foreign
    in_body: set[str] = set()
    stat: dict[str, Entity] = {}
    ar_full = {norm(c[3][-1]): c for c in cands if c[4] == "person" and len(c[3]) >= 2 and script_of(c[3][-1]) == "arabic"}
    for s, _e, surface, names, typ in cands:
        if len(names) == 1 and typ == "person" and norm(names[0]) in ar_full:
            s, _e, surface, names, typ = (s, _e, surface, *ar_full[norm(names[0])][3:])  # «… باباداكيس» alone
        if len(names) == 1 and surname_of:
            ak = surname_of.get(name_key(names[0]))
            if ak is not None:  # the surname of a known person named in full
                ent = found[ak]
                ent.count += 1
                if surface not in ent.aliases:
                    ent.aliases.append(surface)
                continue
        own = _club_and_town(names) if typ == "person" else None
        if own is not None:  # "PAOK Salonic", "CFR Cluj": a club and its town, not a person
            typ, names = "org", own
        if typ == "person" and script_of(names[-1]) != "arabic":
            k = "lat:" + name_key(names[-1])
        elif typ == "org":
            k = "lat:" + org_key(names)
        else:
            k = "lat:" + " ".join(name_key(n) for n in names if nword(n) not in CONNECTORS)
        if len(k) <= 5:
            continue
        if s >= body_start:
            in_body.add(k)
        ends[_e] = k
        ent = _mention(stat, order, k, surface, typ, s, surface)
        if ent is not None:
            if len(surface) > len(ent.name):
                ent.name = surface
            if ent.type == "misc" and typ != "misc":
                ent.type = typ
    for cand in cands:  # the club's own name as an alias of "PAOK Salonic"
        own = _club_and_town(cand[3]) if cand[4] == "person" else None
        if own is not None:
            ent = stat.get("lat:" + org_key(own))
            if ent is not None and " ".join(own) not in ent.aliases:
                ent.aliases.append(" ".join(own))
    for k, ent in stat.items():
        if k in in_body:
            have = found.get(k)
            if have is None:
                found[k] = ent
            else:  # "Sanitas" alone and "Federației Sanitas": one organisation
                have.count += ent.count
                have.aliases.extend(x for x in ent.aliases if x not in have.aliases)
    _link_acronyms(doc.text, found, ends, doc.language)
    return sorted(found.values(), key=lambda x: (-x.count, order[x.key]))


# "(IG-EPN)"; Italian, Spanish and Portuguese papers write acronyms in title case too: "(Oms)", "(Hipa)"
_PAREN_ACRONYM = re.compile(r"[ \t]*\(([A-Z][A-Z0-9&]{1,11}(?:-[A-Z0-9]{2,6})?|[A-Z][a-z]{2,5})\)")
_TITLE_CASE_ACRONYM_LANGS = frozenset(("it", "es", "pt"))
# Wire agencies credited in brackets after a sentence, not an organisation's short name
_WIRE = frozenset("AFP AP DPA ANSA EFE EPA AGERPRES MENA WAFA TASS ANA AA SANA IRNA QNA SPA UPI".split())


def _word_or_place(word: str, lang: str) -> bool:
    """A word of the language (not rare in its wordfreq list) or a name the gazetteer knows."""
    from newsweave.annotate.gazetteer import get_index
    from newsweave.annotate.wordfreq_rank import rarity

    return nword(word) in get_index().keys or rarity(norm(word), lang) == 0


def _initials(name: str, acro: str) -> bool:
    """The acronym's letters are the initials of the name's capitalised words, in any order."""
    caps = sorted(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isupper())
    return len(caps) >= 2 and sorted(acro) == caps


def _link_acronyms(text: str, found: dict[str, Entity], ends: dict[int, str], lang: str | None = None) -> None:
    """"Philippine Institute of Volcanology and Seismology (PHIVOLCS)", «Institutul … (PHIVOLCS)»: an
    organisation's name with its acronym in brackets right after it is one entity, its other mentions
    by the acronym counted with it. A known actor (alias table) absorbs the other; two known ones stay
    apart. In a multilingual event the acronym then joins the names in each language (describe merges
    entities that share an alias)."""
    for m in _PAREN_ACRONYM.finditer(text):
        acro = m.group(1)
        if acro[1:].islower() and (lang not in _TITLE_CASE_ACRONYM_LANGS or _word_or_place(acro, lang)):
            continue  # "(Torino)", "(Foto)": a word or a place, not an acronym
        long_k = ends.get(m.start())
        if long_k is None or long_k not in found or acro in _WIRE:
            continue
        long_e = found[long_k]
        if long_e.name == acro or not (long_e.type in ("org", "group") or long_e.type == "misc" and _initials(long_e.name, acro)):
            continue  # an unknown name of no known type: only when the acronym is its initials («Grupo … Local (GLC)»)
        acr_e = next((e for e in found.values() if e.key != long_k and acro in (e.name, *e.aliases)), None)
        if acr_e is None:
            if acro not in long_e.aliases:
                long_e.aliases.append(acro)
            continue
        if acr_e.type == "person" or long_k.startswith("alias:") and acr_e.key.startswith("alias:"):
            continue
        keep, drop = (acr_e, long_e) if acr_e.key.startswith("alias:") else (long_e, acr_e)
        keep.count += max(0, drop.count - 1)  # the bracketed acronym repeats the mention it follows
        keep.aliases.extend(a for a in (drop.name, *drop.aliases) if a not in keep.aliases)
        if keep.type == "misc":
            keep.type = drop.type if drop.type != "misc" else "org"
        del found[drop.key]


def extract_entities(text: str, language: str | None = None) -> list[Entity]:
    """People, organisations and armed groups in ``text``, most mentioned first.

    Places are not entities: names the gazetteer knows are left to
    :func:`newsweave.annotate.places.extract_places`.

    >>> [(e.key, e.type) for e in extract_entities("Kyriakos Mitsotakis met Nikos Androulakis. "
    ...                                            "Androulakis said no.", "en")]
    [('lat:andrulak', 'person'), ('alias:mitsotakis', 'person')]
    """
    from newsweave.annotate.places import _extract as places_extract

    doc = Doc(text, language)
    aliases = _alias_matches(doc)
    places, spans = places_extract(doc, [(s, e) for s, e, _, _ in aliases])
    return _extract(doc, spans, aliases, places=places)


# ---------------------------------------------------------------------------
# Hook for external recognisers (newsweave.annotate.gliner_ner)
# ---------------------------------------------------------------------------


def resolve_name(surface: str, typ: str, language: str | None = None) -> Entity:
    """An :class:`Entity` for a name found by another recogniser, keyed the way this module keys
    its own: an alias-table name gives ``alias:<key>`` (so GLiNER's "Islamic State" and the
    table's «داعش» meet), anything else the ``lat:`` skeleton of :func:`_extract`.

    >>> resolve_name("Islamic State", "group", "en").key, resolve_name("Nikos Androulakis", "person").key
    ('alias:isis', 'lat:andrulak')
    """
    surface = " ".join(surface.split())
    doc = Doc(surface, language)
    for s, e, _, actor in _alias_matches(doc):
        if s == 0 and e == len(surface):  # the whole name is a table alias
            a = _aliases().actors[actor]
            return Entity(a.name, a.type, "alias:" + a.key, 1, [surface])
    names = [_clean_token(t) for t in surface.split()]
    names = [n for n in names if n] or [surface]
    if typ == "person" and script_of(names[-1]) != "arabic":
        key = "lat:" + name_key(names[-1])
    elif typ == "org":
        key = "lat:" + org_key(names)
    else:
        key = "lat:" + " ".join(name_key(n) for n in names if nword(n) not in CONNECTORS)
    return Entity(surface, typ, key, 1, [surface])
