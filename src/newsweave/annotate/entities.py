"""People, organisations and armed groups, merged across spellings and scripts.

Three sources:

1. ``data/entities/aliases.tsv``: ~160 well-known actors with their names in
   en el ro ar fr de es ru tr (see the README there). A match gives the stable key
   ``alias:<key>``, so «داعش», «Ισλαμικό Κράτος» and "ISIS" are one entity.
2. National institutions, ``data/entities/institutions.tsv`` (see
   :mod:`newsweave.annotate.institutions`): "Sudanese army", «الجيش السوداني», «Армия Судана»
   are ``inst:SD:army``.
3. Statistics for everything else: runs of capitalised words (cased scripts) that
   are not at the start of a sentence or occur at least twice, with titles,
   demonyms, dates and stopwords trimmed; for Arabic, the one or two words after a
   title (الرئيس، وزير الخارجية، المتحدث باسم …). Their key is a transliterated,
   de-accented, lightly stemmed skeleton (``lat:mitsotak``) so that "Mitsotakis"
   and «Μητσοτάκη» meet; people are keyed on their surname, everything else on all
   its words ("North Zandia" and "South Zandia" are two keys; a direction, place or
   building word makes a name not a person). Not names: units ("5,9 Ρίχτερ"),
   quantities opening a sentence ("Zeci de mii", «Четверо»), places with a generic
   word ("Stadt Dilling"), squares and stadiums ("Piața Victoriei", "Toumba Stadium"),
   one-word names only ever written as a location («στην Τούμπα», "in Santorini").

>>> [(e.key, e.count) for e in extract_entities("Το Ισλαμικό Κράτος ανέλαβε την ευθύνη. ISIS ...", "el")]
[('alias:isis', 2)]
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

from newsweave.annotate._text import (
    UPPER_CLASS,
    WORD_RE,
    Doc,
    following_words,
    inflections,
    norm,
    nword,
    script_of,
    words,
    words_before,
)
from newsweave.annotate.gazetteer import DEMONYM, arabic_variants, entry_rec, get_index
from newsweave.annotate.institutions import context_country
from newsweave.annotate.institutions import display as institution_name
from newsweave.annotate.institutions import find as find_institutions
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
from newsweave.model import Entity

__all__ = ["extract_entities", "name_key", "ALIAS_FILE"]

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "entities" / "aliases.tsv"
TABLE_LANGS = ("en", "el", "ro", "ar", "fr", "de", "es", "ru", "tr")
INTERNATIONAL_MIN_LANGS = 3  # an alias listed in this many languages matches in any language

_CASE_ANY, _CASE_CAP, _CASE_EXACT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Actor:
    key: str
    type: str
    name: str


@dataclass(frozen=True, slots=True)
class _Alias:
    actor: int
    case: int
    langs: frozenset[str] | None
    exact: str  # for _CASE_EXACT: the normalised-but-cased form that must appear


class _AliasIndex:
    def __init__(self) -> None:
        self.actors: list[_Actor] = []
        self.keys: dict[str, list[_Alias]] = {}
        self.first: set[str] = set()
        self.first_pairs: set[str] = set()
        self.singles: set[str] = set()  # one-word aliases matched in any case
        self.singles_cap: set[str] = set()  # one-word aliases that need a capital
        self.max_words = 1
        self.institution: dict[tuple[str, str], int] = {}  # (country code, institution) -> actor


def _case_rule(form: str) -> int:
    letters = [c for c in form if c.isalpha()]
    if not letters:
        return _CASE_ANY
    caps = sum(1 for c in letters if c.isupper())
    if caps == len(letters) and len(letters) <= 6 and len(letters) > 1:
        return _CASE_EXACT
    if len(letters) <= 3 and letters[0].isupper():
        return _CASE_EXACT
    if letters[0].isupper():
        return _CASE_CAP
    return _CASE_ANY


@lru_cache(maxsize=1)
def _aliases() -> _AliasIndex:
    idx = _AliasIndex()
    with open(ALIAS_FILE, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        ai = len(idx.actors)
        idx.actors.append(_Actor(row["key"], row["type"], row["name"]))
        cc, _, inst = (row.get("institution") or "").partition(":")
        if cc and inst:
            idx.institution[(cc, inst)] = ai
        per_form: dict[str, tuple[int, set[str], str]] = {}
        for lang in TABLE_LANGS:
            for form in (x.strip() for x in (row.get(lang) or "").split("|")):
                if not form:
                    continue
                key = " ".join(words(form))
                if not key:
                    continue
                rule = _case_rule(form)
                cur = per_form.get(key)
                if cur is None:
                    per_form[key] = (rule, {lang}, form)
                else:
                    per_form[key] = (min(cur[0], rule), cur[1] | {lang}, cur[2])
        for key, (rule, langs, form) in per_form.items():
            tagged = None if len(langs) >= INTERNATIONAL_MIN_LANGS else frozenset(langs)
            exact = "".join(c for c in form if c.isalnum())
            sc = script_of(key)
            forms = inflections(key) if sc in ("greek", "cyrillic") and rule != _CASE_EXACT else {key}
            for f in forms:
                idx.keys.setdefault(f, []).append(_Alias(ai, rule, tagged, exact))
                if " " in f:
                    parts = f.split(" ")
                    idx.first.add(parts[0])
                    idx.first_pairs.add(parts[0] + " " + parts[1])
                    idx.max_words = max(idx.max_words, len(parts))
                elif rule == _CASE_ANY:
                    idx.singles.add(f)
                else:
                    idx.singles_cap.add(f)
    return idx


# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------

_GREEK_ENDINGS = ("ουσ", "ου", "ων", "οσ", "ησ", "ασ", "εσ", "οι", "ον", "η", "α", "ο", "ε", "ι", "σ")
_GREEK_DIGRAPHS = (("ου", "u"), ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"), ("χ", "h"))
_LATIN_RULES = (("ou", "u"), ("ch", "h"), ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("c", "k"),
                ("y", "i"), ("w", "v"), ("j", "i"))  # fmt: skip
_LATIN_ENDINGS = ("ous", "os", "is", "as", "es", "us", "ou", "a", "e", "i", "o", "u", "h")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """Script-independent skeleton of one name word, used in entity keys.

    >>> name_key("Mitsotakis"), name_key("Μητσοτάκη"), name_key("Мицотакис")
    ('mitsotak', 'mitsotak', 'mitsotak')
    """
    w = norm(word)
    if script_of(w) == "greek":
        for end in _GREEK_ENDINGS:
            if w.endswith(end) and len(w) - len(end) >= 3:
                w = w[: -len(end)]
                break
        for a, b in _GREEK_DIGRAPHS:
            w = w.replace(a, b)
        a = _NON_ALNUM.sub("", anyascii(w).lower())
        greek = True
    else:
        a = _NON_ALNUM.sub("", anyascii(w).lower())
        greek = False
    for x, y in _LATIN_RULES:
        a = a.replace(x, y)
    a = _DOUBLE.sub(r"\1", a)
    if not greek:
        for end in _LATIN_ENDINGS:
            if a.endswith(end) and len(a) - len(end) >= 3:
                a = a[: -len(end)]
                break
    else:
        a = a.rstrip("aeiou") if len(a.rstrip("aeiou")) >= 3 else a
    return a


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------



def _alias_matches(doc: Doc) -> list[tuple[int, int, str, int]]:
    """(start, end, surface, actor index) for alias-table names in the text."""
    ai = _aliases()
    keys, first = ai.keys, ai.first
    hitmap: dict[str, tuple[str, ...]] = {t: (t,) for t in doc.tokset & ai.singles}
    for t in doc.cap_tokens & ai.singles_cap:
        hitmap[t] = (t,)
    for pr in doc.pairs(first) & ai.first_pairs:
        w1 = pr.split(" ", 1)[0]
        hitmap.setdefault(w1, (w1,))
    if doc.arabic:
        for t in doc.tokset:
            if "\u0600" <= t[0] <= "\u06ff" and t not in hitmap:
                vs = tuple(v for v in arabic_variants(t) if v in keys or v in first)
                if vs:
                    hitmap[t] = vs
    if not hitmap:
        return []
    nt, text, lang = doc.norm, doc.text, doc.language
    strict = lang in TABLE_LANGS
    out = []
    last_end = -1
    for pos, t in sorted((p, w) for w in hitmap for p in doc.find_word(w)):
        if pos < last_end:
            continue
        end0 = pos + len(t)
        found = None
        for v in hitmap[t]:
            if v in first:
                ws, ends = following_words(nt, end0, v, ai.max_words, ai.first_pairs)
                for n in range(len(ws), 0, -1):
                    k = v + " " + " ".join(ws[:n])
                    if k in keys:
                        found = (k, ends[n - 1])
                        break
            if found is None and v in keys:
                found = (v, end0)
            if found:
                break
        if not found:
            continue
        k, end = found
        s, e = doc.orig(pos), doc.orig(end)
        surface = text[s:e]
        for al in keys[k]:
            if strict and al.langs is not None and lang not in al.langs:
                continue
            if al.case == _CASE_CAP and not (surface[0].isupper() or not surface[0].islower()):
                continue
            if al.case == _CASE_EXACT:
                if len(surface) <= 3 and _shouting(text, s, e):
                    continue
                got = "".join(c for c in surface if c.isalnum())
                if nword(got) != nword(al.exact) or got.lower() == got and al.exact.lower() != al.exact:
                    continue
                if sum(c.isupper() for c in got) != sum(c.isupper() for c in al.exact):
                    continue
            out.append((s, e, surface, al.actor))
            last_end = end
            break
    return out


_NEIGHBOURS = re.compile(r"(\w+)\W{1,3}$")
_AFTER = re.compile(r"\W{1,3}(\w+)")


def _shouting(text: str, s: int, e: int) -> bool:
    """True when a short acronym sits among words in capitals (a headline in caps: "WHO IS HE")."""
    before = _NEIGHBOURS.search(text, max(0, s - 30), s)
    after = _AFTER.match(text, e)
    for m in (before, after):
        if m and len(m.group(1)) > 1 and m.group(1).isupper():
            return True
    return False


# Starts with a character class (no look-behind) so that `re` can jump from capital to capital.
_CAP_WORD = rf"[{re.escape(UPPER_CLASS)}](?:\.|[\w'’\-]*)"
# German articles double as connectors ("Helfern des Roten Kreuzes"): German names only join on these
_DE_CONNECTORS = frozenset("von van zu al bin ibn de".split())


@lru_cache(maxsize=4)
def _cap_seq(german: bool) -> re.Pattern[str]:
    conns = _DE_CONNECTORS if german else CONNECTORS
    alt = "|".join(sorted((re.escape(c) for c in conns if c.isalpha()), key=len, reverse=True))
    return re.compile(rf"{_CAP_WORD}(?:[ \t]+(?:(?:{alt})[ \t]+)?{_CAP_WORD})*")


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
_ARABIC_TITLES = [
    ("person", t)
    for t in (
        "الرئيس",
        "الوزير",
        "رئيس الوزراء",
        "رئيس الحكومة",
        "وزير الخارجية",
        "وزير الدفاع",
        "وزير الداخلية",
        "وزير المالية",
        "الأمين العام",
        "الملك",
        "الأمير",
        "ولي العهد",
        "الشيخ",
        "الجنرال",
        "السفير",
        "النائب",
        "العميد",
        "اللواء",
        "المبعوث",
        "زعيم",
        "قائد",
    )
] + [("org", t) for t in ("المتحدث باسم", "الناطق باسم", "المتحدثة باسم", "الناطقة باسم")]
_AR_TITLE_RE = re.compile(
    r"(?<!\w)[وف]?("
    + "|".join(sorted((re.escape(norm(t)) for _, t in _ARABIC_TITLES), key=len, reverse=True))
    + r")(?!\w)"
)
_AR_TITLE_TYPE = {norm(t): typ for typ, t in _ARABIC_TITLES}
_ARABIC_STOP = STOPWORDS["ar"]


_sentence_start = sentence_start


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    from newsweave.annotate.gazetteer import _date_words as dw

    return dw()


def _country_word(gaz, w: str) -> bool:
    """A country name or demonym ("Deutsche", "France"), not just any town name."""
    recs = gaz.records
    return any(e & DEMONYM or recs[entry_rec(e)].kind == "country" for e in gaz.lookup(w))


def _guess_type(toks: list[str], gaz=None) -> str:
    ns = [nword(t).rstrip(".") for t in toks]
    if any(n in GROUP_WORDS for n in ns):
        return "group"
    if any(n in ORG_WORDS for n in ns):
        return "org"
    if any(n.endswith(_ORG_SUFFIXES) for n in ns):
        return "org"
    if gaz is not None and len(ns) > 1 and any(_country_word(gaz, n) for n in ns):
        return "org"  # "Deutsche Bahn", "France Insoumise"
    if len(toks) == 1:
        t = toks[0].rstrip(".")
        return "org" if t.isupper() and 2 <= len(t) <= 6 else "misc"
    if any(n in _PLACE_LIKE for n in ns):
        return "misc"  # "North Kordofan", "Nuba Mountains": keyed on every word, not a "surname"
    if 2 <= len(toks) <= 3 and all(t[0].isupper() for t in toks):
        return "person"
    return "misc"


_ORG_SUFFIXES = tuple(
    nword(x)
    for x in ("ministerium", "partei", "bank", "verband", "gesellschaft", "behörde", "institut", "amt")
)


def _clean_token(tok: str) -> str:
    """Strip clitics and possessives.

    "Turkey's" → "Turkey", "d'Athènes" → "Athènes", "Erdoğan'ın" → "Erdoğan".
    """
    for ap in _APOSTROPHES:
        if ap in tok:
            head, _, tail = tok.partition(ap)
            if len(head) <= 2 and head.islower() and tail:
                return tail
            return head or tail
    return tok


@lru_cache(maxsize=1)
def _front_skip() -> frozenset[str]:
    return ALL_STOPWORDS | TITLES | _date_words() | QUANTITY_WORDS


def _overlaps(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Does [s, e) overlap one of the sorted, disjoint spans?"""
    j = bisect.bisect_right(ends, s)
    return j < len(starts) and starts[j] < e


def _inside(starts: list[int], ends: list[int], s: int, e: int) -> bool:
    """Is [s, e) inside one of the sorted, disjoint spans?"""
    j = bisect.bisect_right(ends, s)
    return j < len(starts) and starts[j] <= s and e <= ends[j]


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
            if not at_start:
                mid_caps.add(_clean_token(g))
            if i_st and _overlaps(i_st, i_en, s0, m.end()):
                continue  # an institution ("МЧС"), counted apart
            runs.append((s0, m.end(), at_start, [(s0, m.end(), _clean_token(g))]))
            continue
        at_start = _sentence_start(text, s0)
        toks = [(t.start() + s0, t.end() + s0, _clean_token(t.group())) for t in _TOKEN.finditer(g)]
        mid_caps.update(t[2] for t in (toks if not at_start else toks[1:]))
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
    surnames: set[str] = set()
    located: set[str] = set()  # one-word names seen after "στην", "in", "stadionul"…
    unlocated: set[str] = set()  # … and seen elsewhere too
    out = []
    for s0, e0, at_start, toks in runs:
        if a_st and _overlaps(a_st, a_en, s0, e0):
            continue  # a known actor, already counted
        if at_start and len(toks) > 1 and has_lower(toks[0][2].lower()):
            toks = toks[1:]  # an ordinary word capitalised by the sentence
        # trim titles, stopwords, dates, units and demonyms/places that only qualify a title, at the front
        while toks:
            w = nword(toks[0][2]).rstrip(".")
            if w in front_skip or w in _NOT_NAME_WORDS or w.endswith(TITLE_SUFFIXES):
                toks = toks[1:]
                continue
            if w in gkeys and (len(toks) == 1 or _titleish(toks[1][2]) or nword(toks[1][2]) in gkeys):
                toks = toks[1:]
                continue
            break
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
            if len(w) < 2 or w.isdigit() or (w.isupper() and len(w) > 6):
                continue
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
        surface = text[start:e]
        if surface.endswith(".") and not (len(toks[-1][2]) == 2 and toks[-1][2][0].isupper()):
            surface = surface[:-1]
        typ = _guess_type(names, gaz)
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


def _arabic_candidates(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, list[str], str]]:
    nt, text = doc.norm, doc.text
    out = []
    for m in _AR_TITLE_RE.finditer(nt):
        typ = _AR_TITLE_TYPE.get(m.group(1), "person")
        toks = [
            (t.start(), t.end(), t.group()) for t in WORD_RE.finditer(nt, m.end(), min(len(nt), m.end() + 80))
        ][:6]
        if typ == "person":
            i = 0
            while i < len(toks) and i < 2 and toks[i][2].startswith("ال"):
                i += 1
            name = []
            for tok in toks[i:]:
                w = tok[2]
                if w in _ARABIC_STOP or w.startswith("ال") or w.isdigit() or len(w) < 2 or len(name) == 2:
                    break
                name.append(tok)
        else:
            name = [t for t in toks[:3] if t[2] not in _ARABIC_STOP][:2]
        if not name:
            continue
        s, e = doc.orig(name[0][0]), doc.orig(name[-1][1])
        if any(a < e and s < b for a, b in taken):
            continue
        surface = text[s:e]
        out.append((s, e, surface, surface.split(), typ))
    return out


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
    surname_of: dict[str, str] = {}  # "sanhez" -> "alias:sanchez" when "Pedro Sánchez" was named

    def add(k: str, name: str, typ: str, s: int, surface: str, extra: list[str] | None = None) -> None:
        ent = found.get(k)
        if ent is None:
            found[k] = Entity(name=name, type=typ, key=k, count=1, aliases=[surface])
            order[k] = s
        else:
            ent.count += 1
            if surface not in ent.aliases:
                ent.aliases.append(surface)
        for x in extra or ():
            if x not in found[k].aliases:
                found[k].aliases.append(x)

    alias_list = _alias_matches(doc) if aliases is None else aliases
    for s, e, surface, actor in alias_list:
        a = ai.actors[actor]
        k = "alias:" + a.key
        add(k, a.name, a.type, s, surface)
        alias_spans.append((s, e))
        if a.type == "person" and " " in surface.strip():
            surname_of[name_key(surface.split()[-1])] = k
    inst_spans: list[tuple[int, int]] = []
    for s, e, surface, cc, inst in find_institutions(doc, alias_spans, context_country(places)):
        actor = ai.institution.get((cc, inst))
        if actor is not None:
            a = ai.actors[actor]
            add("alias:" + a.key, a.name, a.type, s, surface)
        else:
            name, canonical = institution_name(cc, inst)
            add(f"inst:{cc}:{inst}", name, "org", s, surface, canonical)
        inst_spans.append((s, e))
    cands = _stat_candidates(doc, alias_spans, place_spans or [], inst_spans)
    if doc.arabic:
        cands += _arabic_candidates(doc, alias_spans + list(place_spans or []))
    in_body: set[str] = set()
    stat: dict[str, Entity] = {}
    for s, _e, surface, names, typ in cands:
        if len(names) == 1 and surname_of:
            ak = surname_of.get(name_key(names[0]))
            if ak is not None:  # the surname of a known person named in full
                ent = found[ak]
                ent.count += 1
                if surface not in ent.aliases:
                    ent.aliases.append(surface)
                continue
        if typ == "person" and script_of(names[-1]) != "arabic":
            k = "lat:" + name_key(names[-1])
        else:
            k = "lat:" + " ".join(name_key(n) for n in names if nword(n) not in CONNECTORS)
        if len(k) <= 5:
            continue
        if s >= body_start:
            in_body.add(k)
        ent = stat.get(k)
        if ent is None:
            stat[k] = Entity(name=surface, type=typ, key=k, count=1, aliases=[surface])
            order[k] = s
        else:
            ent.count += 1
            if surface not in ent.aliases:
                ent.aliases.append(surface)
            if len(surface) > len(ent.name):
                ent.name = surface
            if ent.type == "misc" and typ != "misc":
                ent.type = typ
    for k, ent in stat.items():
        if k in in_body:
            found[k] = ent
    return sorted(found.values(), key=lambda x: (-x.count, order[x.key]))


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
    else:
        key = "lat:" + " ".join(name_key(n) for n in names if nword(n) not in CONNECTORS)
    return Entity(surface, typ, key, 1, [surface])
