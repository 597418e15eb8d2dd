"""National institutions: "<country> army / government / ministry / coast guard / police / central bank".

"Sudanese army", «الجيش السوداني», «Армия Судана», "armée soudanaise", "sudanesische Armee" are one
actor, keyed on the country and the institution: ``inst:SD:army`` (or the ``alias:<key>`` of
``data/entities/aliases.tsv`` when that table lists the institution, e.g. ``alias:romanian_government``
for RO:government). The head phrases per language are in ``data/entities/institutions.tsv``.

The country comes from a country word next to the head: an adjective or name before it ("Greek
coast guard", «ελληνική κυβέρνηση», "Irak ordusu") or after it, possibly behind "of"/"de"/«της»
("Government of Romania", «Guvernul României», «الجيش العراقي», «МИД Турции»); "Greek and Turkish
foreign ministers" names both. A head without one ("the army said", «Guvernul», «Λιμενικό») is the
home country's institution in Greek, Romanian and Turkish texts, whose press qualifies foreign
ones (unless the text never names its home country and is about another one), and elsewhere that of
the country of its main place; a capitalised head inside a
longer name ("Sudan People's Liberation Army") is not an institution.

>>> from newsweave.annotate._text import Doc
>>> [(cc, inst) for _, _, _, cc, inst in find(Doc("The Sudanese army and the Iraqi army clashed.", "en"))]
[('SD', 'army'), ('IQ', 'army')]
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

from newsweave.annotate._text import WORD_RE, Doc, inflections, norm, nword, script_of, words
from newsweave.annotate.gazetteer import DATA_DIR, DEMONYM, arabic_variants, entry_rec, get_index
from newsweave.annotate.lexicon import ALL_STOPWORDS, sentence_start

__all__ = ["find", "display", "INSTITUTION_FILE", "SINGLE_COUNTRY_LANGS"]

INSTITUTION_FILE = Path(__file__).resolve().parent.parent / "data" / "entities" / "institutions.tsv"
TABLE_LANGS = ("en", "el", "ro", "ar", "fr", "de", "es", "ru", "tr", "it")
# Languages that put the country adjective inside a ministry's name: «ministère bulgare de l'Intérieur»,
# «ministero keniano della Salute», «Ministerul bulgar de Interne», «ministerio keniano de Salud».
ADJECTIVE_INSIDE = frozenset(("fr", "it", "es", "pt", "ro"))
# Languages whose press names its own institutions bare («Guvernul», «Λιμενικό», "Hükümet").
SINGLE_COUNTRY_LANGS = {"el": "GR", "ro": "RO", "tr": "TR"}
CONTEXT_MIN_MENTIONS = 2  # a text is "about" its main place's country when that is named this often

# Words skipped between a head and its country word.
_SKIP_BEFORE = frozenset(
    norm(w) for w in "the s η ο το τη την της του die der den des dem la le les el los l in ın un ün nin nın nun nün il lo gli i"
    .split()
)
_SKIP_AFTER = frozenset(
    norm(w) for w in "of the de du des d della del din a al ale της του των τη την di degli dei delle dello dell".split()
)
_AND = frozenset(norm(w) for w in "and και și si et und y e и ve و".split())


@dataclass(frozen=True, slots=True)
class _Head:
    inst: str
    words: tuple[str, ...]  # normalised tokens
    explicit: bool  # counts only next to a country word
    fixed: str | None  # always this country's institution
    caps: bool  # an acronym: written in capitals
    capital: bool = False  # written with a capital ("Civil Protection", not "civil protection deal")


@dataclass
class _Table:
    heads: dict[str, dict[str, list[_Head]]]  # language -> first word -> heads, longest first
    names: dict[str, tuple[str, list[str]]]  # institution -> (name template, alias templates)
    adjective: dict[str, str]  # country code -> English adjective
    country: dict[str, str]  # country code -> English name


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _table() -> _Table:
    heads: dict[str, dict[str, list[_Head]]] = {lang: {} for lang in TABLE_LANGS}
    names: dict[str, tuple[str, list[str]]] = {}
    for row in _read(INSTITUTION_FILE):
        inst = row["inst"]
        names[inst] = (row["name"], [a for a in row["aliases"].split("|") if a])
        for lang in TABLE_LANGS:
            for raw in (x.strip() for x in (row.get(lang) or "").split("|")):
                if not raw:
                    continue
                explicit = raw.startswith("!")
                capital = raw.startswith("^")
                form, _, fixed = raw.lstrip("!^").partition("=")
                toks = words(form)
                if not toks:
                    continue
                caps = form.replace(" ", "").isupper()
                key = " ".join(toks)
                sc = script_of(key)
                forms = inflections(key) if sc in ("greek", "cyrillic") and not caps else {key}
                for f in forms:
                    ws = tuple(f.split())
                    heads[lang].setdefault(ws[0], []).append(
                        _Head(inst, ws, explicit, fixed or None, caps, capital)
                    )
    for table in heads.values():
        for lst in table.values():
            lst.sort(key=lambda h: -len(h.words))
    adjective: dict[str, str] = {}
    for row in _read(DATA_DIR / "countries.tsv"):
        if row["kind"] == "demonym" and row.get("en"):
            adjective.setdefault(row["cc"], row["en"].split("|")[0])
    gaz = get_index()
    country = {cc: gaz.records[i].name for cc, i in gaz.country_rec.items()}
    return _Table(heads, names, adjective, country)


def display(cc: str, inst: str) -> tuple[str, list[str]]:
    """English display name and canonical aliases of a country's institution.

    >>> display("SD", "army")
    ('Sudanese army', ['Sudanese Armed Forces', 'Sudanese military', 'Army of Sudan'])
    """
    t = _table()
    country = t.country.get(cc, cc)
    adj = t.adjective.get(cc, country)
    name, aliases = t.names[inst]
    if cc in _THE_COUNTRIES:  # "Government of the United States", not "… of United States"
        name, aliases = (name.replace("of {country}", "of the {country}"),
                         [a.replace("of {country}", "of the {country}") for a in aliases])
    return name.format(adj=adj, country=country), [a.format(adj=adj, country=country) for a in aliases]


# Countries whose English name takes "the" after "of"
_THE_COUNTRIES = frozenset("US GB PH CD CF DO AE GM BS MV KM MH SB".split())  # "The Netherlands" has its own


# Languages with their own column of country adjectives (data/gazetteer/countries.tsv): in these, an adjective
# of another language's column does not count («indiană» is Romanian for Indian; English "Indiana" is a state)
DEMONYM_LANGS = frozenset("en el ro ar fr de es ru tr it".split())


@lru_cache(maxsize=65536)
def _country_of(word: str, lang: str | None = None) -> str | None:
    """Country code of a country name or adjective ("sudanese", «السوداني», «судана»), if unambiguous. With
    ``lang`` one of :data:`DEMONYM_LANGS`, adjectives count only in that language's forms."""
    gaz = get_index()
    recs = gaz.records
    forms = [word]
    if script_of(word) == "arabic":
        forms += arabic_variants(word)
    own = lang in DEMONYM_LANGS
    for f in forms:
        ccs = {
            recs[entry_rec(e)].country_code
            for e in gaz.lookup(f)
            if e & DEMONYM and (not own or (ls := gaz.langs(e)) is None or lang in ls)
            or not e & DEMONYM and recs[entry_rec(e)].kind == "country"
        }
        ccs.discard(None)
        if len(ccs) == 1:
            return ccs.pop()  # type: ignore[return-value]
    return None


def _country_at(toks: list[str], i: int, lang: str | None = None) -> tuple[str | None, int]:
    """(country code, number of words) of a country word at ``toks[i]`` (two-word names first)."""
    if i + 1 < len(toks):
        cc = _country_of(toks[i] + " " + toks[i + 1], lang)
        if cc:
            return cc, 2
    if i < len(toks) and toks[i] not in ALL_STOPWORDS:
        cc = _country_of(toks[i], lang)
        if cc:
            return cc, 1
    return None, 0


def _countries_before(back: list[str], lang: str | None = None) -> list[str]:
    """Countries named right before a head; ``back`` is the words before it, nearest first."""
    i = 0
    while i < len(back) and i < 2 and back[i] in _SKIP_BEFORE:
        i += 1
    out: list[str] = []
    while i < len(back):
        cc, n = None, 0
        if i + 1 < len(back):  # "south korean": the words are reversed here
            cc = _country_of(back[i + 1] + " " + back[i], lang)
            n = 2 if cc else 0
        if cc is None and back[i] not in ALL_STOPWORDS:
            cc = _country_of(back[i], lang)
            n = 1 if cc else 0
        if cc is None:
            break
        out.append(cc)
        i += n
        if i < len(back) and back[i] in _AND:  # "Greek and Turkish foreign ministers"
            i += 1
            continue
        break
    return out


def _countries_after(ahead: list[str], lang: str | None = None) -> list[str]:
    i = 0
    while i < len(ahead) and i < 2 and ahead[i] in _SKIP_AFTER:
        i += 1
    out: list[str] = []
    while i < len(ahead):
        cc, n = _country_at(ahead, i, lang)
        if cc is None:
            break
        out.append(cc)
        i += n
        if i < len(ahead) and ahead[i] in _AND:
            i += 1
            continue
        break
    return out


_STOP_CHARS = ".!?;\n:(),،"  # a country word is in the same phrase as its head
_AFTER_WORDS = re.compile(r"\w+")  # words after a head's first word (heads are up to 6 words)
_CAP_BEFORE = re.compile(r"([^\W\d_][\w'’\-]*)[ \t]+$")


def _inside_name(text: str, s: int, lang: str | None = None) -> bool:
    """A capitalised head right after another capitalised word that is not a country word:
    part of a longer name ("Sudan People's Liberation Army", "Metropolitan Police")."""
    if not text[s : s + 1].isupper():
        return False
    m = _CAP_BEFORE.search(text, max(0, s - 40), s)
    if m is None or not m.group(1)[0].isupper() or sentence_start(text, m.start(1)):
        return False
    w = nword(m.group(1))
    return w not in ALL_STOPWORDS and _country_of(w, lang) is None


_CAP_AFTER = re.compile(r"[ \t]+(?:(?:de|a|al|of|di|del|della)[ \t]+)?([^\W\d_][\w'’\-]*)")
_NEXT_CAP = re.compile(r"[ \t]+[^\W\d_a-zα-ω]")
# Languages whose organisation names go on after the head («Κυβέρνηση Εθνικής Ενότητας», "Guvernul de Uniune
# Națională"); in English the name comes first ("National Unity Government", see _inside_name)
_NAME_AFTER_LANGS = frozenset(("el", "ro", "fr", "it", "es", "pt"))


def _named_after(text: str, e: int, lang: str | None) -> bool:
    """A capitalised head followed by a capitalised organisation word that is no country word: the head opens
    an organisation's own name («Κυβέρνηση Εθνικής Ενότητας» is Libya's Government of National Unity, not the
    government of the country the text is about); a person after it («Κυβέρνηση Μητσοτάκη») is no such word."""
    from newsweave.annotate.entities.glosses import _gloss_word

    if lang not in _NAME_AFTER_LANGS or not text[e - 1 : e].isalpha():
        return False
    m = _CAP_AFTER.match(text, e)
    if m is None or not m.group(1)[:1].isupper():
        return False
    w = m.group(1)
    second = _NEXT_CAP.match(text, m.end())  # two words: "Policía Nacional" is still the national police
    return second is not None and _country_of(nword(w), lang) is None and _gloss_word(w, lang) is not None


def find(
    doc: Doc, taken: list[tuple[int, int]] | None = None, context: str | None = None, home_named: bool = True
) -> list[tuple[int, int, str, str, str]]:
    """(start, end, surface, country code, institution) of institution mentions in ``doc``.

    ``taken``: spans already read as known actors (skipped); ``context``: the country the text
    is about (see :func:`context_country`), used for heads without a country word; ``home_named``:
    whether the text names the home country of a Greek, Romanian or Turkish text at all. When it does
    not and the text is about another country, a bare head is that country's institution (a Greek report
    on floods in Bangladesh: «η Πυροσβεστική Υπηρεσία» is Bangladesh's fire service, not Greece's).
    """
    table = _table().heads.get(doc.language)
    if not table:
        return []
    toks = doc.tokset
    hits: dict[str, tuple[str, ...]] = {t: (t,) for t in toks & table.keys()}
    if doc.arabic:
        for t in toks:
            if t not in hits and "\u0600" <= t[0] <= "\u06ff":
                vs = tuple(v for v in arabic_variants(t) if v in table)
                if vs:
                    hits[t] = vs
    if not hits:
        return []
    nt, text = doc.norm, doc.text
    home = SINGLE_COUNTRY_LANGS.get(doc.language)
    bare = home if home and (home_named or not context) else context
    adj_inside = doc.language in ADJECTIVE_INSIDE
    spans = sorted(taken or [])
    out: list[tuple[int, int, str, str, str]] = []
    last_end = -1
    for pos, t in sorted((p, w) for w in hits for p in doc.find_word(w)):
        if pos < last_end:
            continue
        after: list[tuple[int, int, str]] | None = None
        found = None
        inside: str | None = None  # the country adjective inside the head («ministère bulgare de l'Intérieur»)
        for v in hits[t]:
            for h in table[v]:
                n = len(h.words) - 1
                if n and after is None:
                    it = _AFTER_WORDS.finditer(nt, pos + len(t), min(len(nt), pos + 90))
                    after = [(m.start(), m.end(), m.group()) for m in islice(it, 7)]
                if not n:
                    end = pos + len(t)
                elif n <= len(after) and all(after[k][2] == h.words[k + 1] for k in range(n)):  # type: ignore[arg-type]
                    end = after[n - 1][1]  # type: ignore[index]
                elif (adj_inside and n < len(after) and all(after[k + 1][2] == h.words[k + 1] for k in range(n))  # type: ignore[arg-type]
                      and (inside := _country_of(after[0][2], doc.language)) is not None):  # type: ignore[index]
                    end = after[n][1]  # type: ignore[index]
                else:
                    continue
                found = (h, end, n)
                break
            if found:
                break
        if found is None:
            continue
        h, end_n, _ = found
        s, e = doc.orig(pos), doc.orig(end_n)
        surface = text[s:e]
        if h.caps and not surface.isupper() or h.capital and not surface[:1].isupper():
            continue
        if any(a < e and s < b for a, b in spans):
            continue
        seg = nt[max(0, pos - 60) : pos]
        cut = max(seg.rfind(c) for c in _STOP_CHARS)
        back = WORD_RE.findall(seg[cut + 1 :])[::-1][:6]
        seg = nt[end_n : end_n + 60]
        cut = min((i for i in map(seg.find, _STOP_CHARS) if i >= 0), default=len(seg))
        ahead = WORD_RE.findall(seg, 0, cut)[:6]
        ccs = [inside] if inside else _countries_before(back, doc.language) + _countries_after(ahead, doc.language)
        if not ccs:
            if h.fixed:
                ccs = [h.fixed]
            elif h.explicit or _inside_name(text, s, doc.language) or _named_after(text, e, doc.language):
                continue
            elif bare:
                ccs = [bare]
            else:
                continue
        for cc in dict.fromkeys(ccs):
            out.append((s, e, surface, cc, h.inst))
        last_end = end_n
    return out


def context_country(places) -> str | None:
    """The country a text is about, from its places (``Place`` objects, main place first as
    :func:`~newsweave.annotate.places.extract_places` ranks them): the country of the main
    place when that country is named at least ``CONTEXT_MIN_MENTIONS`` times (its towns and
    adjectives included)."""
    main = next((p for p in places or () if p.kind != "demonym" and p.country_code), None)
    if main is None:
        return None
    n = sum(max(1, p.count) for p in places if p.country_code == main.country_code)
    return main.country_code if n >= CONTEXT_MIN_MENTIONS else None
