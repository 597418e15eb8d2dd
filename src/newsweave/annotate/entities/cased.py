"""Names in cased scripts found by statistics: runs of capitalised words, trimmed and typed."""

from __future__ import annotations

import re
from functools import lru_cache

from newsweave.annotate._text import (
    UPPER_CLASS,
    Doc,
    norm,
    nword,
    words_before,
)
from newsweave.annotate.entities._common import _date_words, _inside, _overlaps
from newsweave.annotate.entities.names import _AL
from newsweave.annotate.entities.orgs import CLUB_PREFIXES
from newsweave.annotate.gazetteer import DEMONYM, entry_rec, get_index
from newsweave.annotate.lexicon import (
    ALL_STOPWORDS,
    CONNECTORS,
    DIRECTIONS,
    GROUP_WORDS,
    LOCATIVES,
    NON_PERSON_WORDS,
    ORG_WORDS,
    PLACE_GENERIC,
    QUANTITY_WORDS,
    STOPWORDS,
    TITLE_SUFFIXES,
    TITLES,
    UNIT_WORDS,
    sentence_start,
)
from newsweave.annotate.wordfreq_rank import rarity

# Starts with a character class (no look-behind) so that `re` can jump from capital to capital.
_CAP_WORD = rf"[{re.escape(UPPER_CLASS)}](?:\.|[\w'’\-]*)"
_AL_WORD = _AL + _CAP_WORD
_AL_START = re.compile(_AL + r"\w")
# German articles double as connectors ("Helfern des Roten Kreuzes"): German names only join on these
_DE_CONNECTORS = frozenset("von van zu al bin ibn de".split())


@lru_cache(maxsize=4)
def _cap_seq(german: bool) -> re.Pattern[str]:
    conns = _DE_CONNECTORS if german else CONNECTORS
    alt = "|".join(sorted((re.escape(c) for c in conns if c.isalpha()), key=len, reverse=True))
    return re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:(?:{alt})[ \t]+)?(?:{_CAP_WORD}|{_AL_WORD}))*")


_TOKEN = re.compile(r"\w\.|[\w'’\-]+")
_DE_DETERMINERS = STOPWORDS["de"] | frozenset(
    "der die das den dem des ein eine einer einem einen eines im am zum zur vom beim ins kein keine "
    "seine seiner ihre ihrer unsere neue neuen neuer alte alten".split()
)
_DE_NOUN_SUFFIXES = tuple(
    nword(x) for x in ("ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "tät", "ismus", "chen",
                       "nis", "tum", "ment", "hilfe", "wachstum")
)  # fmt: skip
_NOT_NAME_WORDS = frozenset(
    nword(w)
    for w in """euro euros dollar dollars prozent prozentpunkt prozentpunkte mio mrd million millionen
    milliarde milliarden percent richter celsius fahrenheit km""".split()
) | UNIT_WORDS
# Words that make a name a place, a building or a direction: never a person's name.
_PLACE_LIKE = PLACE_GENERIC | DIRECTIONS | NON_PERSON_WORDS
_APOSTROPHES = ("'", "’")


_sentence_start = sentence_start


def _country_word(gaz, w: str) -> bool:
    """A country name or demonym ("Deutsche", "France"), not just any town name."""
    recs = gaz.records
    return any(e & DEMONYM or recs[entry_rec(e)].kind == "country" for e in gaz.lookup(w))


def _foreign_first_name(gaz, ns: list[str], lang: str | None) -> bool:
    """"Mauricio Salcedo", "Chad Wolf" in Italian: two words, the first a country's name only in other languages
    (Spanish «Mauricio» is Mauritius), the second no common word of the text's language: a first name and a
    surname, not an organisation named after a country ("France Football", "Deutsche Bahn"). A surname may be a
    town's name too ("Salcedo", "Lorca")."""
    if len(ns) != 2 or lang is None or _country_word(gaz, ns[1]) or rarity(ns[1], lang) == 0 and not gaz.lookup(ns[1]):
        return False
    entries = gaz.lookup(ns[0])
    return bool(entries) and not _place_in(gaz, ns[0], lang) and not any(e & DEMONYM for e in entries)


def _place_in(gaz, w: str, lang: str | None) -> bool:
    """A gazetteer name in this language: Spanish «Mauricio» (Mauritius) is a first name in an English text
    (asked of the first of two words only: in longer runs a foreign name is more often a street's or a brand's)."""
    entries = gaz.lookup(w)
    return any((ls := gaz.langs(e)) is None or lang is None or lang in ls for e in entries)


# Romanian professions with the enclitic article that open a run before a name ("Seismologul", "Economistul",
# "Directorul", "Medicul" are titles already): endings no Romanian first name has at this length
_RO_ROLE_ENDINGS = ("logul", "istul", "icianul", "ierul", "torul", "ologului")


def _guess_type(toks: list[str], gaz=None, lang: str | None = None) -> str:
    ns = [nword(t).rstrip(".") for t in toks]
    if any(n in GROUP_WORDS for n in ns):
        return "group"
    if any(n in ORG_WORDS for n in ns):
        return "org"
    if any(n.endswith(_ORG_SUFFIXES) for n in ns):
        return "org"
    if gaz is not None and len(ns) > 1 and any(_country_word(gaz, n) for n in ns) and not _foreign_first_name(gaz, ns, lang):
        return "org"  # "Deutsche Bahn", "France Insoumise"
    if len(toks) == 1:
        t = toks[0].rstrip(".")
        return "org" if t.isupper() and 2 <= len(t) <= _ACRONYM_MAX else "misc"
    if any(n in _PLACE_LIKE for n in ns):
        return "misc"  # "North Kordofan", "Nuba Mountains": keyed on every word, not a "surname"
    if 2 <= len(toks) <= 3 and all(t[0].isupper() or _AL_START.match(t) for t in toks):
        return "person"
    if len(toks) == 3 and toks[0][0].isupper() and toks[2][0].isupper() and (
        toks[1] in _NAME_PARTICLES or toks[1] in ("al", "el") and lang not in _AL_IS_A_WORD
    ):
        return "person"  # "Jaled al Rawashdeh", "Bandar bin Sultan": an Arabic particle written apart
    return "misc"


_NAME_PARTICLES = frozenset("bin ibn bint".split())
_AL_IS_A_WORD = frozenset("es it pt ca".split())  # "Atención al Ciudadano": "al" is "to the" there
_ACRONYM_MAX = 8  # MONUSCO, MINUSMA, UNAMID: long acronyms exist; longer all-caps words are shouting
_LATIN_CAPS = re.compile(r"[A-Z]{3,8}")
_SHOUT_LINE = re.compile(r"[^\n]*")
_AFTER = re.compile(r"[ \t]*(.?)(.?)")
_CAPS_BEFORE = re.compile(r"[A-Z]{2,}[ \t]+$")
_CAPS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")
_DATELINE = re.compile(r"[ \t]*(?:,[^\n(]{1,20})?\([^)\n]{1,30}\)[ \t]*(?:[-—–]|[A-Z]{2,})")  # "X (dpa) -"
_TIME_ZONES = frozenset("GMT UTC EDT EST PDT PST CDT CST MDT MST CET CEST EET EEST BST IST".split())
_RUNNING = frozenset(",;)»”\"'’")


def _acronym(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a Latin acronym of 3–8 capitals used in running text, not a word in capitals? Not on
    a line written in capitals ("BREAKING NEWS"), next to another word in capitals ("EN DIRECTO"), a label,
    kicker or hashtag ("VIRUS:", "REKLAMA" ending a line, "#COVID19", "TOP 10"), a dateline ("CANBERA (dpa) -")
    or a time zone. At a sentence start a lowercase word or a comma must follow ("MONUSCO, the UN mission")."""
    if not _LATIN_CAPS.fullmatch(text, s, e) or (s and text[s - 1] in "#@/") or text[s:e] in _TIME_ZONES:
        return False
    nxt, nxt2 = _AFTER.match(text, e).groups()
    lower = nxt.islower()
    if s and text[s - 1] == "(":  # "the mission in Congo (MONUSCO)", not a sign-off "… Blanca. (FIN)"
        return nxt == ")" and not _sentence_start(text, s - 1)
    if _sentence_start(text, s):
        if not (lower or nxt == ","):
            return False
    elif not (lower or nxt in _RUNNING or nxt == "." and not nxt2.isalnum()):
        return False
    if _DATELINE.match(text, e) or _CAPS_BEFORE.search(text, max(0, s - 12), s) or _CAPS_AFTER.match(text, e):
        return False
    line = _SHOUT_LINE.match(text, text.rfind("\n", 0, s) + 1).group()
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.5 * len(letters)


_WORD_BEFORE = re.compile(r"(\w+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+(\w+)")


def _caps_word(doc: Doc, s: int, e: int) -> bool:
    """Is the all-caps word ``doc.text[s:e]`` an ordinary word written in capitals rather than an acronym?
    Yes when the text also writes it in Title case ("BOCELLI folgte …" and "Bocelli sang …", "UOMO" and
    "Uomo dell'anno"), when it is a bracketed label ("[FOTO]", "[WIDEO]") or when a neighbouring word
    (three letters or a stopword) is in capitals too, in any script ("IL PIÙ LETTO", "JAK TO SIĘ LECZY", "VEA MÁS").
    A line-final "(FOTO)" is not tested: agency sign-offs look the same ("Sylwia Wysocka (PAP)")."""
    text = doc.text
    w = text[s:e]
    if len(w) >= 4 and doc.has_lower(w.capitalize()):
        return True
    if s and text[s - 1] == "[":
        return True
    # a two-letter neighbour only if it is a stopword: "die CDU AS im Jahr" is running text, "LEGGI DI PIÙ" is
    # not; never one letter ("Cremona / AFP A recent report")
    stop = STOPWORDS.get(doc.language, frozenset())
    for m in (_WORD_BEFORE.search(text, max(0, s - 20), s), _WORD_AFTER.match(text, e)):
        nb = m.group(1) if m is not None else ""
        if nb.isupper() and (len(nb) > 2 or len(nb) == 2 and nword(nb) in stop):
            return True
    return False


_ORG_SUFFIXES = tuple(
    nword(x)
    for x in ("ministerium", "partei", "bank", "verband", "gesellschaft", "behörde", "institut", "amt")
)


def _possessive(tok: str) -> bool:
    """An acronym in the possessive ("DIICOT's", "NATO's"): it ends a name ("DIICOT's Constanta office"). Other
    possessives do not: "St Mary's Hospital", "People's Mobilization Forces", "New Year's Eve"."""
    for ap in _APOSTROPHES:
        head, sep, tail = tok.partition(ap)
        if sep and tail in ("s", "S") and len(head) >= 2 and head.isupper() and head.isalpha():
            return True
    return False


# A Turkish case ending or possessive after an apostrophe closes a name ("Endonezya'nın Sulawesi adası",
# "Romanya'da FCSB ile"): it goes on the last word of a name only
_TR_CASE = re.compile(r"['’][a-zçğıöşü]+$")


def _clean_token(tok: str) -> str:
    """Strip clitics and possessives.

    "Turkey's" → "Turkey", "d'Athènes" → "Athènes", "Erdoğan'ın" → "Erdoğan".
    """
    for ap in _APOSTROPHES:
        if ap in tok:
            head, _, tail = tok.partition(ap)
            if len(head) <= 2 and head.islower() and tail:
                return tail
            if head == "L" and nword(tail) in CLUB_PREFIXES:  # «L'Universitatea Craiova a signé …»: a
                return tail  # sentence opening with the article before a club (other "L'X" words stay dropped)
            return head or tail
    return tok


@lru_cache(maxsize=1)
def _front_skip() -> frozenset[str]:
    return ALL_STOPWORDS | TITLES | _date_words() | QUANTITY_WORDS


def _glued(text: str, i: int) -> bool:
    """A capital inside a word ("iPhone"): not the start of a name."""
    if not i:
        return False
    c = text[i - 1]
    return c.isalnum() or c in "_-"  # not after an apostrophe: "l'Intérieur", "d'Athènes"


def _stat_candidates(
    doc: Doc,
    alias_spans: list[tuple[int, int]],
    place_spans: list[tuple[int, int]],
    inst_spans: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, str, list[str], str]]:
    """(start, end, surface, tokens, type) for unknown capitalised names.

    A one-word name must also appear capitalised inside a sentence somewhere (so that
    "Rescue", "Schools" at sentence starts are not names), and must not be used in
    lowercase anywhere. A one-word name that is also a place name, and in German (where
    every noun is capitalised) any one-word name but an acronym, counts only as the
    surname of a person named in full in the same text ("Pedro Sánchez … Sánchez said").
    """
    text = doc.text
    gaz = get_index()
    gkeys = gaz.keys
    lang = doc.language
    german = lang == "de"
    front_skip = _front_skip()
    date_words = _date_words()
    has_lower = doc.has_lower
    seqs = [m for m in _cap_seq(german).finditer(text) if not _glued(text, m.start())]
    if not seqs:
        return []
    a_sp = sorted(alias_spans)
    a_st, a_en = [a for a, _ in a_sp], [b for _, b in a_sp]
    p_sp = sorted(set(place_spans))
    p_st, p_en = [a for a, _ in p_sp], [b for _, b in p_sp]
    i_sp = sorted(inst_spans or [])
    i_st, i_en = [a for a, _ in i_sp], [b for _, b in i_sp]
    # pass 1: tokens of every run, and which words are capitalised inside a sentence
    runs = []
    mid_caps: set[str] = set()
    for m in seqs:
        g = m.group()
        s0 = m.start()
        if " " not in g and "\t" not in g:
            nw = nword(g).rstrip(".")
            if nw in front_skip or has_lower(g.lower()) or len(g) < 2:
                continue  # the same word can never be a name elsewhere either
            at_start = _sentence_start(text, s0)
            if not at_start or _acronym(text, s0, m.end()):  # "MONUSCO said": not capitalised by the sentence
                mid_caps.add(_clean_token(g))
            if i_st and _overlaps(i_st, i_en, s0, m.end()):
                continue  # an institution ("МЧС"), counted apart
            runs.append((s0, m.end(), at_start, [(s0, m.end(), _clean_token(g))]))
            continue
        at_start = _sentence_start(text, s0)
        toks = [(t.start() + s0, t.end() + s0, _clean_token(t.group())) for t in _TOKEN.finditer(g)]
        mid_caps.update(t[2] for t in (toks if not at_start else toks[1:]))
        cut = next((x for x, t in enumerate(toks[:-1], 1) if _possessive(text[t[0]: t[1]])
                    or lang == "tr" and _TR_CASE.search(text, t[0], t[1])), None)
        if cut is not None:  # "DIICOT's Constanta office": the possessive ends a name
            last = toks[cut - 1]
            head = (last[0], last[0] + len(last[2]), last[2])  # without the "'s"
            runs.append((s0, head[1], at_start, [*toks[: cut - 1], head]))
            s0, toks, at_start = toks[cut][0], toks[cut:], False
        if i_st and _overlaps(i_st, i_en, s0, m.end()):
            # "Greek Foreign Minister Petros Vlachakis": the institution is counted apart, the
            # words on either side of it are runs of their own
            part: list[tuple[int, int, str]] = []
            for t in [*toks, None]:
                if t is None or _overlaps(i_st, i_en, t[0], t[1]):
                    if part:
                        runs.append((part[0][0], part[-1][1], at_start and part[0][0] == s0, part))
                    part = []
                else:
                    part.append(t)
            continue
        runs.append((s0, m.end(), at_start, toks))
    if lang == "en" and len(runs) > 1:
        runs = _join_org_runs(text, runs)
    surnames: set[str] = set()
    located: set[str] = set()  # one-word names seen after "στην", "in", "stadionul"…
    unlocated: set[str] = set()  # … and seen elsewhere too
    out = []
    for s0, e0, at_start, toks in runs:
        if a_st and _overlaps(a_st, a_en, s0, e0):
            continue  # a known actor, already counted
        if at_start and len(toks) > 1 and has_lower(toks[0][2].lower()):
            toks = toks[1:]  # an ordinary word capitalised by the sentence
        # trim titles, stopwords, dates, units and demonyms/places that only qualify a title, at the front;
        # not a country that opens an English organisation's name ("Ghana Health Service": "Health" is also
        # a title word, as in "Ghana Health Minister Kofi …")
        org_tail = lang == "en" and len(toks) > 2 and _en_org_tail(text, toks)
        if lang == "tr" and len(toks) > 2:  # "Adalet Bakanı Ali Gül", "Trabzon Emniyet Müdürü Metin Alper": the
            k = max((x for x, t in enumerate(toks[:-2]) if nword(t[2]) in TITLES), default=None)  # title ends
            if k is not None:  # its complement, the name follows it
                toks = toks[k + 1:]
        while toks:
            w = nword(toks[0][2]).rstrip(".")
            if w in front_skip or w in _NOT_NAME_WORDS or w.endswith(TITLE_SUFFIXES):
                toks = toks[1:]
                continue
            if (w in gkeys if len(toks) != 2 else _place_in(gaz, w, lang)) and not org_tail and not (w in CLUB_PREFIXES and len(toks) == 2) and (
                    len(toks) == 1 or _titleish(toks[1][2]) or nword(toks[1][2]) in gkeys):
                toks = toks[1:]
                continue
            if lang == "ro" and len(toks) >= 3 and len(w) >= 8 and w.endswith(_RO_ROLE_ENDINGS):
                toks = toks[1:]  # "Seismologul Ernesto Quispe": a profession with its article, then the name
                continue
            break
        if lang == "el" and len(toks) >= 3 and _el_qualifier_front(text, toks, gkeys, p_st, p_en):
            toks = toks[1:]
        while toks:
            w = nword(toks[-1][2]).rstrip(".")
            if w in ALL_STOPWORDS or w in date_words or w in CONNECTORS or w in _NOT_NAME_WORDS:
                toks = toks[:-1]
            else:
                break
        if not toks:
            continue
        if p_st and all(_inside(p_st, p_en, ts, te) or nword(t).rstrip(".") in _PLACE_LIKE for ts, te, t in toks):
            continue  # just a place name, maybe with a generic word: "Stadt Dilling", "Girit Adası"
        if any(nword(t).rstrip(".") in NON_PERSON_WORDS for _, _, t in toks):
            continue  # a square, a stadium, a street: "Piața Victoriei", "Toumba Stadium"
        names = [t[2] if len(t[2]) <= 2 else t[2].rstrip(".") for t in toks]
        start = toks[0][0]
        if len(toks) == 1:
            w = names[0]
            if len(w) < 2 or w.isdigit() or (w.isupper() and len(w) > 6 and not _acronym(text, start, toks[0][1])):
                continue
            if _LATIN_CAPS.fullmatch(w) and _caps_word(doc, start, toks[0][1]):
                continue  # a word in capitals, not an acronym
            nw = nword(w)
            if has_lower(w.lower()) or w not in mid_caps:
                continue  # a common word, or only ever capitalised by a sentence start
            (located if _after_place_word(text, start, lang) else unlocated).add(w)
            if nw in gkeys or (german and not (w.isupper() and len(w) >= 2)):
                # a place name ("Lincoln"), or a German noun: kept only as the surname
                # of a person named in full
                out.append((start, toks[0][1], w, names, "?"))
                continue
        else:
            if " ".join(nword(n) for n in names) in gkeys:
                continue
            if german and any(nword(n).endswith(_DE_NOUN_SUFFIXES) for n in names):
                continue
        e = toks[-1][1]
        if text[toks[-1][0]: e].startswith(toks[-1][2]):
            e = toks[-1][0] + len(toks[-1][2])  # without a case ending or possessive: "Lacazette'den", "Obama's"
        surface = text[start:e]
        if surface.endswith(".") and not (len(toks[-1][2]) == 2 and toks[-1][2][0].isupper()):
            surface = surface[:-1]
        typ = _guess_type(names, gaz, lang)
        if typ == "person":
            surnames.add(names[-1])
        out.append((start, start + len(surface), surface, names, typ))
    # German one-word candidates survive only as surnames of people named in full; a one-word
    # name only ever written as a location ("στην Τούμπα", "in Santorini") is a place
    only_located = located - unlocated
    return [
        c if c[4] != "?" else (c[0], c[1], c[2], c[3], "person")
        for c in out
        if (c[4] != "?" or c[2] in surnames) and not (len(c[3]) == 1 and c[2] in only_located)
    ]


# English organisation heads that a name continues after "for"/"on" ("Institute for Earth Physics",
# "Centre for Disease Control", "Committee on Foreign Affairs"); adjectives such as National are not heads
_EN_ORG_HEADS = frozenset(
    "institute centre center office agency commission council committee organization organisation foundation "
    "fund department ministry authority board federation association alliance coalition programme program "
    "directorate inspectorate observatory laboratory school academy society network secretariat bureau unit "
    "division".split()
)
# ... and parties and movements, which a name also continues after "for" ("Movement for Socialism", "Party for
# Freedom", "Front for the Liberation of …"); not heads elsewhere ("… National Congress and Culture Center")
_EN_FOR_HEADS = _EN_ORG_HEADS | frozenset("movement party front union congress forum rally league".split())
# ... and the heads that may close a name a country opens ("Ghana Health Service", "Kenya Revenue Authority")
_EN_TAIL_HEADS = _EN_ORG_HEADS | frozenset("service services corporation".split())
_EN_ORG_JOINS = (" for ", " on ", " for the ", " on the ")


def _en_org_tail(text: str, toks: list[tuple[int, int, str]]) -> bool:
    """Does an English run close as an organisation's name: a head noun last ("… Health Service") or
    joined over for/on to the rest ("… Centre for Disease Control", see :func:`_join_org_runs`)?"""
    words = [nword(t[2]).rstrip(".") for t in toks]
    heads = [i for i, w in enumerate(words) if i and w in _EN_TAIL_HEADS]
    if not heads:
        return False
    h = heads[-1]
    return h == len(words) - 1 or text[toks[h][1]: toks[h + 1][0]] in _EN_ORG_JOINS


def _join_org_runs(text: str, runs: list) -> list:
    """Capitalised runs joined over "for"/"on" after an organisation head: "National Institute for Earth
    Physics" is one organisation, not "National Institute" and a person "Earth Physics"."""
    out = [runs[0]]
    for r in runs[1:]:
        p = out[-1]
        gap = text[p[1]: r[0]]
        if gap in _EN_ORG_JOINS and nword(p[3][-1][2]) in _EN_FOR_HEADS or gap == " and " and _and_joins(text, p, r) \
                or gap == " of the " and nword(p[3][-1][2]) in _EN_ORG_HEADS and nword(r[3][-1][2]) in _EN_FOR_HEADS:
            # "Geophysical Institute of the National Polytechnic School": a head, then a name with a head of its own
            out[-1] = (p[0], r[1], p[2], p[3] + r[3])
        else:
            out.append(r)
    return out


def _and_joins(text: str, p: tuple, r: tuple) -> bool:
    """Is "and" inside one organisation's name? Either it joins two complements of a head ("Institute of
    Volcanology and Seismology", "Directorate for … Crime and Terrorism": "HEAD of/for X" before it, no head after it) or two halves before the head
    ("National Disaster Risk Reduction and Management Council": no head before it, a head last after it)."""
    before, after = [nword(t[2]).rstrip(".") for t in p[3]], [nword(t[2]).rstrip(".") for t in r[3]]
    heads_before = [i for i, w in enumerate(before) if w in _EN_TAIL_HEADS]
    if heads_before:
        h = heads_before[-1]
        of = h + 1 < len(before) and before[h + 1] == "of" or h < len(before) - 1 and \
            text[p[3][h][1]: p[3][h + 1][0]] in (" of ", *_EN_ORG_JOINS)
        # not a new name after it: "Ministry of Health and Prime Minister Ion Popescu"
        return of and before[-1] != "of" and len(after) <= 3 and not any(
            w in _EN_TAIL_HEADS or w in _front_skip() for w in after)
    return len(before) >= 2 and len(after) >= 2 and after[-1] in _EN_TAIL_HEADS


# Greek role nouns (stems) whose complement may come right before the holder's name
_EL_ROLES = tuple(
    nword(x)
    for x in (
        "νομάρχ περιφερειάρχ δήμαρχ υπουργ υφυπουργ πρόεδρ αντιπρόεδρ πρωθυπουργ εκπρόσωπ διευθυντ "
        "γραμματ πρέσβ πρεσβευτ αρχηγ διοικητ επικεφαλ εισαγγελ δικαστ βουλευτ κυβερνήτ νομάρχ "
        "συνταγματάρχ στρατηγ ταξίαρχ προπονητ"
    ).split()
)
_EL_GENITIVE_ARTICLES = frozenset(nword(x) for x in ("του", "της", "των"))


def _el_qualifier_front(text: str, toks: list[tuple[int, int, str]], gkeys, p_st: list[int], p_en: list[int]) -> bool:
    """Is the first word of a Greek capitalised run the place or nationality that qualifies a role,
    written before the holder's full name without a comma? «ο δήμαρχος Καλαμάτας Νίκος Καρανίκας»,
    «η Ρουμάνα Ιοάνα Στάντσιου», «ο νομάρχης της Βράντσεα Κριστιάν Μολντοβεάνου» (a place the
    gazetteer does not know, after a role and a genitive article). The rest must read as a person's
    name of two or three words."""
    rest = [t[2] for t in toks[1:]]
    if len(rest) > 3 or nword(rest[0]) in gkeys or _guess_type(rest, get_index()) != "person":
        return False
    s, e = toks[0][0], toks[0][1]
    if nword(toks[0][2]) in gkeys or (p_st and _inside(p_st, p_en, s, e)):
        return True
    b1, b2 = words_before(text, s, 60)
    return b1 is not None and nword(b1) in _EL_GENITIVE_ARTICLES and b2 is not None and nword(b2).startswith(_EL_ROLES)


def _after_place_word(text: str, s: int, lang: str) -> bool:
    """Is the word at ``s`` written as a location: after a locative preposition ("in", «στην»,
    "la"; Greek "από την") or a facility word ("stadionul Toumba", "estadio Toumba")?"""
    b1, b2 = words_before(text, s, 40)
    if b1 is None:
        return False
    w1 = nword(b1)
    if w1 in LOCATIVES.get(lang, frozenset()) or w1 in NON_PERSON_WORDS:
        return True
    if b2 is not None and lang == "el" and w1 in ("την", "τη", "το", "τον"):
        return nword(b2) in ("απο", "προσ", "για")
    return False


def _titleish(word: str) -> bool:
    w = norm(word).rstrip(".")
    return w in TITLES or w in ALL_STOPWORDS or w.endswith(TITLE_SUFFIXES)
