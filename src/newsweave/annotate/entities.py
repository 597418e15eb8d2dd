"""People, organisations and armed groups, merged across spellings and scripts.

Four sources:

1. ``data/entities/aliases.tsv``: ~160 well-known actors with their names in
   en el ro ar fr de es ru tr (see the README there). A match gives the stable key
   ``alias:<key>``, so «داعش», «Ισλαμικό Κράτος» and "ISIS" are one entity.
2. National institutions, ``data/entities/institutions.tsv`` (see
   :mod:`newsweave.annotate.institutions`): "Sudanese army", «الجيش السوداني», «Армия Судана»
   are ``inst:SD:army``.
3. Organisation names by head noun in el, ro, ar, fr (``data/entities/org_words.tsv``):
   «Γεωδυναμικό Ινστιτούτο του Εθνικού Αστεροσκοπείου Αθηνών», "Inspectoratul General pentru
   Situații de Urgență", «خلية الإعلام الأمني», «جامعة بغداد», «l'Institut national de physique de la
   Terre», with a word-by-word English gloss as an alias ("Geodynamic Institute National Observatory
   Athens") so that they meet the English name. A company of the alias table followed by a sector
   word ("Samsung Electronics", «سامسونغ للإلكترونيات») also gets that full name as an alias.
4. Statistics for everything else: runs of capitalised words (cased scripts) that
   are not at the start of a sentence or occur at least twice, with titles,
   demonyms, dates and stopwords trimmed; for Arabic (no capitals), the one or two words after a
   title (الرئيس، وزير الخارجية، المتحدث باسم …), and people found by a listed given name
   (``data/entities/ar_given_names.txt``) with up to three name words after it, wherever they
   stand («وقال مدير الصحة في المحافظة خالد حسن العبيدي»; see :func:`_arabic_name_candidates`), and
   foreign names in Arabic script by role, rank, nationality, speech verb and the shape of
   transliterations («وقال المتحدث باسم الشرطة كوستاس تساكالوس», «وفازت الإسبانية كارلا مونتيرو»; see
   :func:`_arabic_foreign_candidates`). A Greek place or nationality written before a full name
   qualifies a role and is not part of it («ο δήμαρχος Πάτρας Κώστας Βασιλείου»). Their key is a transliterated,
   de-accented, lightly stemmed skeleton (``lat:mitsotak``) so that "Mitsotakis"
   and «Μητσοτάκη» meet; people are keyed on their surname, everything else on all
   its words ("North Zandia" and "South Zandia" are two keys; a direction, place or
   building word makes a name not a person). Not names: units ("5,9 Ρίχτερ"),
   quantities opening a sentence ("Zeci de mii", «Четверо»), places with a generic
   word ("Stadt Dilling"), squares and stadiums ("Piața Victoriei", "Toumba Stadium"),
   one-word names only ever written as a location («στην Τούμπα», "in Santorini"). The
   Arabic article inside a Latin or Greek name is part of it ("Yasser al-Hakim",
   «Γιάσερ αλ-Χακίμ»), and left out of the key ("al-Hakim" and "Hakim" are one surname).

Keys are exact. People whose names they do not bring together across scripts (Arabic script,
Greek spellings of foreign names) are compared by :func:`same_person_name`, a consonant-class
skeleton of the first and last words, when describe merges actors (see the comment above
:func:`cross_name_keys` and ``data/entities/README.md``).

>>> [(e.key, e.count) for e in extract_entities("Το Ισλαμικό Κράτος ανέλαβε την ευθύνη. ISIS ...", "el")]
[('alias:isis', 2)]
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
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

__all__ = ["extract_entities", "name_key", "cross_name_keys", "cross_name_variants", "same_person_name", "ALIAS_FILE"]

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "entities" / "aliases.tsv"
ORG_WORDS_FILE = ALIAS_FILE.with_name("org_words.tsv")
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
    if letters[0] == "آ" and len(letters) <= 5 and " " not in form.strip():
        return _CASE_EXACT  # «آفاد» (AFAD), not the verb «أفاد» "reported": the madda must be written
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
# An Arabic name's article written lowercase and hyphenated inside a name: "Yasser al-Hakim", «Γιάσερ αλ-Χακίμ»
_AL = r"(?:al|el|ad|ar|as|ash|at|az|an|αλ|ελ)[\-‐]"
_AL_KEY = re.compile(rf"^{_AL}(?=\w{{3}})")


def _norm_set(words: str) -> frozenset[str]:
    """The normalised forms of space-separated words (a word list written in the source)."""
    return frozenset(norm(w) for w in words.split())


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """Script-independent skeleton of one name word, used in entity keys.

    The Arabic article written with a hyphen is not part of the skeleton ("al-Hakim", "Al-Hakim" and
    "Hakim" are one surname). This key is exact: names written in different scripts that it does not
    bring together (Arabic script, Greek spellings of foreign names) are compared by
    :func:`same_person_name` when describe merges actors.

    >>> name_key("Mitsotakis"), name_key("Μητσοτάκη"), name_key("Мицотакис"), name_key("al-Hakim")
    ('mitsotak', 'mitsotak', 'mitsotak', 'hakim')
    """
    w = _AL_KEY.sub("", norm(word))
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
# Cross-script person names: a consonant-class skeleton per name word
# ---------------------------------------------------------------------------
# Arabic writes consonants and long vowels only; Latin and Greek write every vowel, and Greek spells
# foreign sounds with digraphs (μπ b, ντ d, γκ g, τσ ts/ch, τζ j). So a name word is reduced to its
# consonants in broad classes, shared by all three scripts (b=b/p, f=f/v, t=t/ṭ/th, d=d/ḍ/dh, s=s/ṣ,
# z=z/ẓ, x=sh, c=ch/ts, g=g/gh/j/dj/zh (Egyptian ج is g), k=k/q/c, h=h/ḥ/kh), plus a mark ``'`` for a word that opens
# with a vowel, alif or ʿayn (Ahmed ≠ Hamid), and two vowel marks that keep Mahmoud ≠ Mohammed:
# ``U`` for a long u (Arabic و inside a word, Latin ou/oo, Greek ου), which the other name must also
# show as o/u at that place, and ``o`` for a Latin/Greek single o/u, which may stand for a long or a
# short vowel. Every other vowel is dropped, and so are the trailing vowels (-u/-ού/ـو, -i/ـي) and a
# final -s after a vowel (Greek inflection: Παπαδάκης/Παπαδάκη), a final -h, a nasal before b/d/g (Greek
# writes "Andrei" «Αντρέι»), the article al-/el-/αλ-/ال, bin/ibn/بن, and Abdel/Abd al-/عبد ال become
# «abd» + the name.
_CX_LATIN_PRE = (("ș", "sh"), ("ş", "sh"), ("ț", "ts"), ("ţ", "ts"), ("č", "ch"), ("š", "sh"), ("ž", "zh"))
_CX_GREEK = (
    ("ου", "ou"), ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "g"), ("τσ", "ts"), ("τζ", "dj"), ("ξ", "ks"),
    ("ψ", "ps"), ("θ", "th"), ("χ", "kh"), ("φ", "f"), ("β", "v"), ("γ", "g"), ("δ", "d"), ("ζ", "z"),
    ("κ", "k"), ("λ", "l"), ("μ", "m"), ("ν", "n"), ("π", "p"), ("ρ", "r"), ("σ", "s"), ("τ", "t"), ("α", "a"),
    ("ε", "e"), ("η", "i"), ("ι", "i"), ("υ", "i"), ("ο", "o"), ("ω", "o"),
)  # fmt: skip
# «Γιουσέφ», «Γεώργιος»: an opening γι before a vowel or γ before a front vowel is y; inside a word γε, γι are
# written g, gi in other scripts («Καλογερόπουλος», «كالوجيروبولوس», «Παπαγεωργίου», "Papageorgiou")
_CX_GREEK_Y = re.compile(r"^γι(?=[αεηιουω])|^γ(?=[εηι])")
_CX_LATIN = re.compile(r"tsch|tch|tsh|dzh|dj|sch|sh|zh|kh|gh|ph|th|dh|ch(?=[ei])|ch|ts|tz|ck|c(?=[ei])|g(?=[ei])|.")
_CX_LATIN_MAP = {
    "tsch": "c", "tch": "c", "tsh": "c", "sch": "x", "sh": "x", "kh": "h",
    "gh": "g", "ph": "f", "th": "t", "dh": "d", "ch": "c", "ts": "c", "tz": "c", "ck": "k", "c": "k", "q": "k",
    "x": "ks", "p": "b", "v": "f", "j": "g", "dj": "g", "dzh": "g", "zh": "g", "y": "y", "w": "w",
}  # fmt: skip
_CX_LATIN_MAP_SOFT = {"c": "c"}  # c before e/i is ch (Romanian ci/ce: Ciobotaru)
_CX_ARABIC = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "g", "چ": "c", "ح": "h", "خ": "h", "ه": "h",
    "د": "d", "ض": "d", "ذ": "d", "ر": "r", "ز": "z", "ظ": "z", "س": "s", "ص": "s", "ش": "x", "غ": "g",
    "گ": "g", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip
_CX_AR_VOWELISH = frozenset("اأإآءئؤعىةيو")
_CX_PARTICLES = frozenset("al el ul bin ben ibn bint ould ال بن ابن بنت μπιν ιμπν".split())
_CX_ABD_WORDS = frozenset("abdel abdul abdal abdoul abdol".split())  # «Abdel Rahim» = «Abd al-Rahim»
_CX_ABD = re.compile(r"^(?:abd(?:el|ul|al|oul|ou|u)?|abdel)(?=[a-z]{3})")
_CX_IO = re.compile(r"^i(?=[aou])")
_CX_SUN = re.compile(r"^(?:a|e|u)(?:l|[tdsznr]h?)[-‐](?=.)")


_CX_LONG_I = ("ee", "ei", "ey", "ii", "ie", "ai", "ay", "iy")


def _cx_run(run: str) -> str:
    """Marks of one written vowel run: ``U``/``I`` a long u/i (ou, oo; ee, ei, ai…), ``o``/``i`` an
    o/u or i/e/y that may be long or short, ``V`` a run with neither (a plain a: nothing to match)."""
    out = ""
    if "ou" in run or "oo" in run or "uu" in run:
        out += "U"
    elif "o" in run or "u" in run or "w" in run:
        out += "o"
    if any(x in run for x in _CX_LONG_I):
        out += "I"
    elif "i" in run or "e" in run or "y" in run:
        out += "i"
    return out or "V"


def _cx_symbols(word: str) -> str:
    """Symbols of one Latin (or Greek made Latin) word: consonant classes, ``'`` and vowel marks."""
    out: list[str] = []
    run = ""
    for m in _CX_LATIN.finditer(word):
        g = m.group()
        if g in "aeiou" or (g in "wy" and m.start() > 0):
            run += g
        elif g.isalpha():
            if run:
                out.append(_cx_run(run) if out else "'")
                run = ""
            sym = _CX_LATIN_MAP_SOFT[g] if g in _CX_LATIN_MAP_SOFT and m.end() < len(word) and word[m.end()] in "ei" \
                else _CX_LATIN_MAP.get(g, g)
            if not (out and out[-1] == sym):  # "mm" in Mohammed: one consonant
                out.append(sym)
    if run:
        out.append(_cx_run(run) if out else "'")
    return "".join(out)


def _cx_arabic(w: str) -> str:
    out: list[str] = []
    for i, ch in enumerate(w):
        if i == 0 and ch in "اأإآءئؤع":
            out.append("'")
        elif i == 0 and ch == "و":
            out.append("w")
        elif i == 0 and ch == "ي":
            out.append("y")
        elif out == ["'"] and ch in _CX_AR_VOWELISH:
            continue  # «إيمانويل», «أولاف»: the opening vowel is one mark, as in Latin
        elif ch == "و":
            out.append("U")
        elif ch in "يى" and i + 1 < len(w):
            out.append("I")
        elif ch in _CX_AR_VOWELISH:
            out.append("V")
        elif ch == "ت" and i + 1 < len(w) and w[i + 1] == "ش":
            out.append("c")
        elif ch == "ش" and out and out[-1] == "c":
            continue
        elif ch in _CX_ARABIC:
            out.append(_CX_ARABIC[ch])
    return "".join(out)


def _cx_finish(sym: str) -> str:
    """Shared tail rules: doubled consonants, trailing vowels, final -s/-h, nasal + b/d/g."""
    sym = re.sub(r"([a-z])\1+", r"\1", sym)
    sym = re.sub(r"n(?=[dg])|m(?=b)", "", sym)
    if len(sym) > 1 and sym.endswith("h"):  # a written final -h («ة», "-ah"), not kh before an ending (Vlachos)
        sym = sym[:-1]
    sym = sym.rstrip("UoIiV")
    if len(sym) > 2 and sym.endswith("s") and sym[-2] in "UoIiV":
        sym = sym[:-1].rstrip("UoIiV")
    if sym.startswith("y"):  # Yusuf, Greek «Γιουσέφ», Giorgos/Yorgos: an opening y is heard as g/j too
        sym = "g" + sym[1:]
    return sym.replace("V", "")


@lru_cache(maxsize=65536)
def cross_name_keys(name: str) -> tuple[str, ...]:
    """Script-independent skeletons of the words of a person's name (see the comment above).

    >>> cross_name_keys("Yasser al-Hakim"), cross_name_keys("ياسر الحكيم"), cross_name_keys("Γιάσερ αλ-Χακίμ")
    (('gsir', 'hkim'), ('gsr', 'hkIm'), ('gsir', 'hkim'))
    >>> cross_name_keys("Osman Abdel Rahim"), cross_name_keys("عثمان عبد الرحيم")
    (("'smn", "'bd", 'rhim'), ("'tmn", "'bd", 'rhIm'))
    >>> cross_name_keys("Ioana Ciobotaru"), cross_name_keys("Ιωάνα Τσιομποτάρου"), cross_name_keys("يوانا تشوبوتارو")
    (('gon', 'coibotr'), ('gon', 'coibotr'), ('gUn', 'cUbUtr'))
    """
    return _cx_keys(name, False)


# The second reading of a name (``cross_name_variants``): Greek ντ inside a word is n + t as often as d
# (Φουέντες Fuentes, but Αλεξάντερ Alexander), ντσ is n + ts (Στάντσιου Stanciu), γι before a vowel inside a
# word is y (Νγκουγιέν Nguyen); Arabic drops the vowel of a final -es/-os (فوينتس Fuentes, Latin keeps "-es").
_CX_GREEK_ALT = ((re.compile(r"(?<=[αεηιουω])ντ"), "nt"), (re.compile(r"(?<=\w)γι(?=[αεηιουω])"), "y"))
_CX_FINAL_S = re.compile(r"(?<=[b-df-hj-np-tv-z])s$")


@lru_cache(maxsize=65536)
def cross_name_variants(name: str) -> tuple[tuple[str, ...], ...]:
    """:func:`cross_name_keys` and, where the spelling leaves it open, a second reading (see above).

    >>> cross_name_variants("Καμίλα Φουέντες"), cross_name_variants("كاميلا فوينتس")
    ((('kmil', 'fUid'), ('kmil', 'fUint')), (('kmIl', 'fUInts'), ('kmIl', 'fUInt')))
    """
    base = _cx_keys(name, False)
    alt = _cx_keys(name, True)
    return (base,) if alt == base else (base, alt)


def _cx_keys(name: str, alt: bool) -> tuple[str, ...]:
    """One reading of a name (``alt``: the second one) as skeletons; see :func:`cross_name_keys`."""
    out: list[str] = []
    for tok in name.replace("‐", "-").split():
        sc = script_of(tok)
        if sc == "arabic":
            w = norm(tok).replace("ـ", "")
            parts = [w]
            if w.startswith("عبدال") and len(w) > 6:  # «عبدالرحيم»: «عبد» + «الرحيم»
                parts = ["عبد", w[3:]]
            hamza = tok[:1] in "أإ"  # «ألكسندرو» (Alexandru): an alif with hamza is no article
            for p in parts:
                if p in _CX_PARTICLES:
                    continue
                if p.startswith("ال") and len(p) > 3 and not hamza:
                    p = p[2:]
                elif p.startswith("لل") and len(p) > 4:
                    p = p[2:]
                k = _cx_finish(_cx_arabic(p))
                if alt and len(k) > 3:
                    k = _CX_FINAL_S.sub("", k)
                if k:
                    out.append(k)
            continue
        w = tok.lower()
        for a, b in _CX_LATIN_PRE:
            w = w.replace(a, b)
        w = norm(w)
        if sc == "greek":
            w = _CX_GREEK_Y.sub("y", w)
            if alt:
                for rx, b in _CX_GREEK_ALT:
                    w = rx.sub(b, w)
            for a, b in _CX_GREEK:
                w = w.replace(a, b)
        w = re.sub(r"[^a-z\-]", "", w)
        w = _CX_SUN.sub("", w)
        w = _CX_IO.sub("y", w)  # Romanian «Ionescu», «Ioana», Greek «Ιωάννης»: an opening i before a vowel is y
        for part in w.split("-"):
            if not part or part in _CX_PARTICLES:
                continue
            m = _CX_ABD.match(part)
            pieces = ["abd", part[m.end():]] if m else ["abd"] if part in _CX_ABD_WORDS else [part]
            for p in pieces:
                k = _cx_finish(_cx_symbols(p))
                if k:
                    out.append(k)
    return tuple(out)


# Consonant classes one script often writes for the other's (ث t/s, ذ d/z, z/s, ch/sh/s, q/g, kh/k):
# a one-letter difference between names of 4 consonants or more counts only for these, or a silent h/ʿ.
_CX_NEAR = frozenset(frozenset(p) for p in "ts dz td sz sc cx xs kg hk".split())


def _edit1(a: str, b: str) -> bool:
    """One substitution of near consonant classes, or one h or ' inserted or dropped."""
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        return len(diff) == 1 and frozenset(diff[0]) in _CX_NEAR
    if abs(len(a) - len(b)) != 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    return any(b[i] in "h'" and b[:i] + b[i + 1:] == a for i in range(len(b)))


def _vowel_slots(k: str) -> tuple[str, set[str], set[str]]:
    """(consonant skeleton, long vowels, any u/i vowels); each vowel as its class + slot (the number of
    consonants before it): ``U2`` is a long u after the second consonant."""
    cons: list[str] = []
    long_v: set[str] = set()
    any_v: set[str] = set()
    for ch in k.replace("c", "ts"):  # ch/ts is t + s: Arabic writes «تس» for Greek τσ (Tsakalos)
        if ch in "UI":
            long_v.add(f"{ch}{len(cons)}")
            any_v.add(f"{ch}{len(cons)}")
        elif ch in "oi":
            any_v.add(f"{'U' if ch == 'o' else 'I'}{len(cons)}")
        else:
            cons.append(ch)
    return "".join(cons), long_v, any_v


def same_name_word(a: str, b: str) -> bool:
    """Two :func:`cross_name_keys` skeletons of one name word: the same consonants with each long u/i
    of one an o/u (i/e) in the other at the same place, or (both ≥ 4 consonant symbols) one consonant
    edit apart.

    >>> same_name_word("gobUr", "gbUr"), same_name_word("mhmd", "mhmUd"), same_name_word("'hmd", "hmd")
    (True, False, False)
    >>> same_name_word("hosIn", "hsn"), same_name_word("hsIn", "hsn")  # Hussein, «حسين» vs «حسن»
    (False, False)
    """
    ca, la, ua = _vowel_slots(a)
    cb, lb, ub = _vowel_slots(b)
    if ca == cb:
        return la <= ub and lb <= ua
    return min(len(ca), len(cb)) >= 4 and _edit1(ca, cb)


def same_person_name(a: str, b: str) -> bool:
    """Whether two full names (two words or more, any scripts) name one person: the same last word
    and the same first word by :func:`same_name_word` (middle names and particles are not compared).

    >>> same_person_name("Tarek al-Hashimi", "طارق الهاشمي"), same_person_name("Mohammed Ali", "محمود علي")
    (True, False)
    >>> same_person_name("Ioana Ciobotaru", "Ιωάνα Τσιομποτάρου"), same_person_name("Ahmed Nour", "حامد نور")
    (True, False)
    """
    va = [k for k in cross_name_variants(a) if len(k) >= 2]
    vb = [k for k in cross_name_variants(b) if len(k) >= 2]
    # each word in any of its readings: «Φερνάντα Κιντέρο» reads ντ as d in Fernanda, as n + t in Quintero
    return any(same_name_word(x[-1], y[-1]) for x in va for y in vb) and \
        any(same_name_word(x[0], y[0]) for x in va for y in vb)


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
                if al.exact[:1] == "آ":
                    if not got.endswith(al.exact):  # «لآفاد» with a clitic, not «أفاد»
                        continue
                elif nword(got) != nword(al.exact) or got.lower() == got and al.exact.lower() != al.exact:
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
# Words that join the next word into one part of an Arabic name: «عبد الرحيم» is one given name.
_AR_NAME_JOINERS = _norm_set("عبد أبو ابو بن ابن")


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
    if 2 <= len(toks) <= 3 and all(t[0].isupper() or _AL_START.match(t) for t in toks):
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


def _holds(starts: list[int], ends: list[int], s: int, e: int, head_end: int) -> bool:
    """Do the sorted, disjoint spans that overlap [s, e) all lie inside it, after ``head_end``? (an Arabic
    organisation named after a known one: «بعثة الأمم المتحدة …» holds «الأمم المتحدة»)"""
    j = bisect.bisect_right(ends, s)
    while j < len(starts) and starts[j] < e:
        if starts[j] < head_end or ends[j] > e:
            return False
        j += 1
    return True


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


# English organisation heads that a name continues after "for"/"on" ("Institute for Earth Physics",
# "Centre for Disease Control", "Committee on Foreign Affairs"); adjectives such as National are not heads
_EN_ORG_HEADS = frozenset(
    "institute centre center office agency commission council committee organization organisation foundation "
    "fund department ministry authority board federation association alliance coalition programme program "
    "directorate inspectorate observatory laboratory school academy society network".split()
)
_EN_ORG_JOINS = (" for ", " on ", " for the ", " on the ")


def _join_org_runs(text: str, runs: list) -> list:
    """Capitalised runs joined over "for"/"on" after an organisation head: "National Institute for Earth
    Physics" is one organisation, not "National Institute" and a person "Earth Physics"."""
    out = [runs[0]]
    for r in runs[1:]:
        p = out[-1]
        if text[p[1]: r[0]] in _EN_ORG_JOINS and nword(p[3][-1][2]) in _EN_ORG_HEADS:
            out[-1] = (p[0], r[1], p[2], p[3] + r[3])
        else:
            out.append(r)
    return out


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


_AR_LAST_WORD = re.compile(r"(?:^|[^\w])[وبلف]?(\w+)\s+$")


def _arabic_candidates(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, list[str], str]]:
    nt, text = doc.norm, doc.text
    out = []
    for m in _AR_TITLE_RE.finditer(nt):
        typ = _AR_TITLE_TYPE.get(m.group(1), "person")
        before = _AR_LAST_WORD.search(nt, max(0, m.start() - 30), m.start())
        if typ == "person" and before is not None and before.group(1) in _AR_NAMED_AFTER:
            continue  # «مستشفى الملك فهد», «جامعة الملك سعود»: a place named after a person
        toks = [
            (t.start(), t.end(), t.group()) for t in WORD_RE.finditer(nt, m.end(), min(len(nt), m.end() + 80))
        ][:6]
        for x in range(1, len(toks)):  # a name does not run over punctuation or a paragraph break
            if nt[toks[x - 1][1]: toks[x][0]].strip():
                toks = toks[:x]
                break
        if typ == "person":
            i = 0
            while i < len(toks) and i < 2 and toks[i][2].startswith(("ال", "وال")):  # «وزير الخارجية والمغتربين»
                i += 1
            name = []
            parts = 0
            for tok in toks[i:]:
                w = tok[2]
                joined = bool(name) and name[-1][2] in _AR_NAME_JOINERS  # «عبد الرحيم», «أبو بكر», «بن سلمان»
                if not joined and (w in _ARABIC_STOP or w.startswith("ال") or w.isdigit() or len(w) < 2 or parts == 2):
                    break
                if not joined and (w in _AR_NOT_NAME or w in _AR_ROLES or w[0] in "لب" and _ar_common(w[1:])):
                    break  # «اللواء … قائد», «… بهذه المناسبة», «العميد السابق للبحرية»: no name word
                if not joined and w[0] in _AR_CLITICS + "يتن" and w not in _ar_given_names()[0] and (
                    name or not _ar_foreign_shape(w)
                ):
                    break  # «الشيخ عثمان ودار سعد», «اللواء … يشرف», «النائب العام يؤكد»: a conjunction or a verb
                name.append(tok)
                parts += w not in _AR_NAME_JOINERS
            while name and name[-1][2] in _AR_NAME_JOINERS:
                name.pop()
            if len(name) == 1 and name[0][2].endswith("ه") and name[0][2] not in _ar_given_names()[0]:
                continue  # «النائب العام ضرورة …»: a noun in -ة, not a listed name
        else:  # the organisation a spokesman speaks for: a word, then only definite ones («باسم الشرطة اليونانية»)
            name = [t for t in toks[:3] if t[2] not in _ARABIC_STOP][:2]
            name = name[:1] + [t for t in name[1:2] if t[2].startswith(("ال", "لل"))]
            # «باسم الجيش العقيد …»: a rank or role after the body is the spokesman's own title, not part of it
            name = name[:next((x for x, t in enumerate(name) if t[2] in _AR_ROLES), len(name))]
        if not name:
            continue
        s, e = doc.orig(name[0][0]), doc.orig(name[-1][1])
        if any(a < e and s < b for a, b in taken):
            continue
        surface = text[s:e]
        out.append((s, e, surface, surface.split(), typ))
    return out


# ---------------------------------------------------------------------------
# Arabic people by given name (no capitals in Arabic script)
# ---------------------------------------------------------------------------

AR_NAMES_FILE = ALIAS_FILE.with_name("ar_given_names.txt")
_AR_WORD = re.compile(r"[\u0620-\u064a]+")
_AR_ONLY = re.compile(r"[\u0620-\u064a]{2,}")
_AR_CLITICS = "وف"  # «ومحمد», «فمحمد»: a conjunction attached to a name (not ل/ب: «لصالح» "in favour of")


# Verbs that end a name, and after which a name that is also a common word («قال كريم») is a person.
_AR_SPEECH = _norm_set(
    """قال قالت أكد أكدت صرح صرحت أضاف أضافت أوضح أوضحت أشار أشارت أفاد أفادت ذكر ذكرت أعلن أعلنت
    كشف كشفت يقول تقول لفت لفتت نفى نفت شدد شددت دعا دعت أعرب أعربت تابع تابعت اعتبر اعتبرت رأى
    يرى ترى أبلغ أبلغت أوضحت حذر حذرت طالب طالبت أشاد أشادت"""
)
_AR_SPEECH_ALL = _AR_SPEECH | frozenset(p + w for w in _AR_SPEECH for p in "وف")
# Words that end a name: other verbs, roles and common nouns that follow a name in news prose.
_AR_NOT_NAME = _AR_SPEECH_ALL | _norm_set(
    """كان كانت يكون وصل وصلت توفي توفيت قتل قتلت أصيب أصيبت اعتقل اعتقلت نقل نقلت عاد عادت ظهر
    التقى التقت زار زارت استقبل استقبلت وقع وقعت رفض رفضت قرر قررت بحث بحثت شارك شاركت يعمل تعمل
    رئيس مدير وزير نائب عضو قائد مسؤول متحدث ناطق مستشار محافظ عميد لواء مواطن مواطنة شاب شابة
    طفل طفلة رجل امرأة سيدة طبيب طبيبة مهندس عامل صحفي مراسل ممثل مندوب سفير أمين والد والدة ابنه
    ابنته زوج زوجة شقيق شقيقة عم خال جد جدة أخ أخت صاحب مالك مدرب لاعب حارس مهاجم رئيسة مديرة وزيرة
    عام عاما سنة سنوات يوم ساعة ساعات شهر صباح مساء ليلة أمس اليوم عن من في إلى مع بعد قبل
    الذي التي الذين وهو وهي وكان وقد إنه إنها أنه أنها له لها لنا به بها عليه عليها فيه فيها منه منها"""
)
# Adjectives and nouns with the article that are no family name («الرسمي», «الجديد»).
_AR_NOT_FAMILY = _norm_set(
    """الصحي الرسمي الطبي الأمني الدولي الوطني المحلي الحالي الماضي الثاني الأول الإنساني العسكري
    السياسي الاقتصادي الشعبي الحكومي الرئيسي التنفيذي الإقليمي الأممي الأوروبي العربي الإسلامي
    الأمريكي الأميركي الاجتماعي الإعلامي القضائي الجنائي الميداني الفني التقني المدني الإداري
    الجامعي المركزي النهائي الأخير الحقيقي الكبير الصغير الجديد القديم العام الخاص المساعد السابق
    المقبل الجاري الحكومية المتحدث الناطق المسؤول المدير الرئيس الوزير الشرطة الجيش الدفاع الصحة
    الذي التي الذين"""
)
# Head words of a place or organisation named after a person: «شارع جمال عبد الناصر», «مستشفى الملك فهد».
_AR_NAMED_AFTER = _norm_set(
    """شارع ميدان ساحة مدينة مستشفى جامعة مسجد جامع مدرسة مطار حي مخيم قرية بلدة منطقة محافظة مؤسسة
    جمعية مركز ملعب استاد نادي جائزة سد جسر قاعة قصر برج كلية معهد شركة مصرف بنك مجمع مستوصف مكتبة
    بوابة طريق كورنيش حديقة ضاحية محطة ميناء قاعدة معسكر سجن فندق مشروع مدارس مجموعة كتيبة لواء
    سرايا سرية فرقة قوات حركة تيار حزب ائتلاف مرفأ معبر"""
)
_AR_NISBA = ("ي", "يه")
# Words after which a name ends cleanly: «قال أحمد سعيد إن …», «… سعيد الذي».
_AR_NAME_END = _AR_SPEECH_ALL | _norm_set("أن إن أنه إنه أنها إنها الذي التي وهو وهي و")


@lru_cache(maxsize=1)
def _ar_given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, names that are also common words) from ``data/entities/ar_given_names.txt``."""
    names: set[str] = set()
    ambiguous: set[str] = set()
    for line in AR_NAMES_FILE.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("?"):
            line = line[1:]
            ambiguous.add(norm(line))
        names.add(norm(line))
    return frozenset(names), frozenset(ambiguous)


@lru_cache(maxsize=1)
def _ar_triggers() -> frozenset[str]:
    """Words that may open a name: given names, with one particle («ومحمد»), and «عبد أبو أم»."""
    names = _ar_given_names()[0]
    return names | frozenset(c + x for x in names for c in _AR_CLITICS) | _AR_NAME_JOINERS | {"ام", "وام"}


def _ar_bare(w: str, names: frozenset[str]) -> int:
    """Length of a one-letter particle to skip before a given name («ومحمد» → 1), 0 if none, -1: no name."""
    if w in names or _ar_compound_first(w):
        return 0
    if len(w) > 3 and w[0] in _AR_CLITICS and (w[1:] in names or _ar_compound_first(w[1:])):
        return 1
    return -1


def _ar_compound_first(w: str) -> bool:
    """«عبدالله», «عبدالرحمن» written as one word."""
    return w.startswith("عبدال") and len(w) >= 7


def _fill_orig_map(doc: Doc) -> None:
    """Build ``doc``'s norm → text offset map as :meth:`Doc.orig` would, with one :func:`norm` call per
    distinct character instead of one per character (texts with harakat; same result)."""
    if doc.same or doc._map is not None:
        return
    text = doc.text
    odd = {ch: len(norm(ch)) for ch in set(text)}
    odd = {ch: n for ch, n in odd.items() if n != 1}  # harakat (0), ligatures (2): the rest map one to one
    m: list[int] = []
    j = 0
    for x in re.finditer("[" + re.escape("".join(odd)) + "]", text) if odd else ():
        m.extend(range(j, x.start()))
        m.extend(repeat(x.start(), odd[x.group()]))
        j = x.end()
    m.extend(range(j, len(text) + 1))
    doc._map = m


def _ar_place(gaz, w: str) -> bool:
    return bool(gaz.lookup(w)) or any(gaz.lookup(v) for v in arabic_variants(w))


def _arabic_name_candidates(
    doc: Doc, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, list[str], str]]:
    """Arabic-script people found by a listed given name (``ar_given_names.txt``), wherever they stand:
    after a title, a speech verb («قال خالد العبيدي»), a role with a complement, or alone.

    A person is a given name (or «عبد» + a word with the article, «أبو/أم» + a name) followed by up
    to three name words: listed given names, «بن/ابن/عبد/أبو» + a word, a family name with the article
    (a nisba «الجبوري», or the article on a given name «البشير»), or one last word without it that is no
    verb, role, place or function word («خليفة حفتر»). Names that are also common words («أمل»,
    «جمال», «كريم») need a following name word or a speech verb before them; a name right after a
    place or organisation head («شارع جمال عبد الناصر», «مستشفى الملك فهد») is not a person.

    >>> [c[2] for c in _arabic_name_candidates(Doc("وقال مدير الدائرة في المحافظة نبيل حسن الخزرجي إن", "ar"), [])]
    ['نبيل حسن الخزرجي']
    """
    names, ambiguous = _ar_given_names()
    nt = doc.norm
    toks = [(m.start(), m.end(), m.group()) for m in _AR_WORD.finditer(nt)]
    if not toks:
        return []
    gaz = get_index()
    _fill_orig_map(doc)
    spans = sorted(taken)
    starts, ends = [a for a, _ in spans], [b for _, b in spans]

    def free(i: int) -> bool:
        s, e, _ = toks[i]
        return not _overlaps(starts, ends, doc.orig(s), doc.orig(e))

    def joined(i: int) -> bool:  # only spaces between token i and i + 1
        return i + 1 < len(toks) and not nt[toks[i][1] : toks[i + 1][0]].strip()

    def family(w: str) -> bool:  # a family name with the article
        if not w.startswith("ال") or len(w) < 5 or w in _AR_NOT_FAMILY or w in _ARABIC_STOP:
            return False
        return (w.endswith(_AR_NISBA) or w[2:] in names) and not _ar_place(gaz, w)

    def plain(w: str) -> bool:  # a last word without the article («حفتر»)
        return (
            len(w) >= 3
            and w not in _AR_NOT_NAME
            and w not in _ARABIC_STOP
            and w not in _AR_NAMED_AFTER
            and w not in TITLES
            and w not in _AR_NAME_JOINERS
            and w not in ("ام", "وام")
            and not w.startswith(("ال", "ي", "ت", "ن", "لل", "و", "ف"))  # verbs, conjunctions: «حسن وسريع»
            and _AR_ONLY.fullmatch(w) is not None
            and not _ar_place(gaz, w)
        )

    def _ar_ala(i: int) -> bool:  # the preposition «على», which norm() folds onto the name «علي»
        s, e, w = toks[i]
        return w.endswith("علي") and doc.text[doc.orig(e) - 1] == "ى"

    def name_ends(i: int) -> bool:  # the name may end after token i: end, punctuation, «إن», a speech verb
        if not joined(i):
            return True
        nx = toks[i + 1][2]
        return nx in _AR_NAME_END or nx in names or family(nx)

    out: list[tuple[int, int, str, list[str], str]] = []
    n, nxt = len(toks), 0
    trig = _ar_triggers()
    for i in [i for i, t in enumerate(toks) if t[2] in trig or "عبدال" in t[2][:6]]:
        if i < nxt:
            continue
        w = toks[i][2]
        skip = _ar_bare(w, names)
        if skip >= 0 and w.endswith("علي") and _ar_ala(i):
            skip = -1
        head = w[max(skip, 0) :]
        j = i + 1  # first token after the given name
        if skip < 0:
            if w in _AR_NAME_JOINERS and w not in ("بن", "ابن") and joined(i):  # «أبو بكر», «أم محمد», «عبد الله»
                nx = toks[i + 1][2]
                if nx in names or family(nx) or (w == "عبد" and nx.startswith("ال") and len(nx) >= 4):
                    head, skip, j = w + " " + nx, 0, i + 2
            elif w in ("ام", "وام") and joined(i) and toks[i + 1][2] in names:
                head, skip, j = "ام " + toks[i + 1][2], len(w) - 2, i + 2
        if skip < 0 or not free(i):
            continue
        # the name words that follow
        k, parts = j, 0
        while k < n and parts < 3 and joined(k - 1) and free(k):
            x = toks[k][2]
            if x in _AR_NAME_JOINERS and joined(k) and free(k + 1) and (
                toks[k + 1][2] in names or family(toks[k + 1][2]) or toks[k + 1][2].startswith("ال")
            ):
                k, parts = k + 2, parts + 1
            elif x in names and x not in _AR_NOT_NAME and not _ar_ala(k):
                if x in ambiguous and not name_ends(k):  # «عثمان عبد الرحيم أشرف على …»: the verb «أشرف»
                    break
                k, parts = k + 1, parts + 1
            elif family(x):
                k, parts = k + 1, parts + 1
                break  # the family name with the article closes the name
            elif parts == 0 and plain(x):  # only right after the given name
                k, parts = k + 1, parts + 1
                break
            else:
                break
        prev = toks[i - 1][2] if i else ""
        after_speech = prev in _AR_SPEECH_ALL
        p = i - 1  # over titles: «جامعة الملك عبد العزيز»
        while p > 0 and toks[p][2] in _AR_TITLE_TYPE and joined(p - 1):
            p -= 1
        head_word = toks[p][2] if p >= 0 else ""
        # the head in the construct state, without the article («شارع جمال», «بشارع جمال»), not «المحافظة خالد»
        if p >= 0 and joined(p) and (
            head_word in _AR_NAMED_AFTER or head_word[1:] in _AR_NAMED_AFTER and head_word[:1] in _AR_CLITICS
        ):
            nxt = k
            continue
        if parts == 0 and " " not in head and not after_speech:  # a lone given name: only «قال خالد»
            continue
        if parts and head in ambiguous and not after_speech:
            # a common word before a name word without the article that is no given name: «أمل كبير»
            nx = toks[j][2]
            if nx not in names and not family(nx) and nx not in _AR_NAME_JOINERS:
                continue
        s, e = doc.orig(toks[i][0] + max(skip, 0)), doc.orig(toks[k - 1][1])
        surface = doc.text[s:e]
        out.append((s, e, surface, surface.split(), "person"))
        nxt = k
    return out


# ---------------------------------------------------------------------------
# Arabic-script people without a listed given name: by role, speech verb and the shape of
# transliterated foreign names («نيكوس باباداكيس», «ميهايلا تشوبانو»)
# ---------------------------------------------------------------------------

# Roles written right before a person's name, maybe with a complement between them («مدير الدفاع
# المدني», «وزيرة الخارجية اليونانية», «المتحدث باسم الشرطة»). Written from general knowledge.
_AR_ROLES = _norm_set(
    """الرئيس الرئيسة رئيس رئيسة الوزير الوزيرة وزير وزيرة المتحدث المتحدثة متحدث الناطق الناطقة ناطق
    المدير المديرة مدير مديرة محافظ القائد قائد المدرب مدرب اللاعب لاعب الطبيب الطبيبة العقيد اللواء
    العميد المقدم الرائد النقيب الجنرال السفير السفيرة سفير النائب النائبة نائب المستشار المستشارة مستشار
    المبعوث المبعوثة عمدة الأستاذ الأستاذة الدكتور الدكتورة البروفيسور السيد السيدة الكاتب الكاتبة
    الصحفي الصحفية المراسل المراسلة الممثل الممثلة المغني المغنية المهاجم الحارس المدافع النجم نجم
    القاضي القاضية المدعي الباحث الباحثة الخبير الخبيرة الأمين زعيم الزعيم رئيسا المفوض المفوضة
    الملك الملكة الأمير الأميرة البابا الكاردينال المطران الأسقف الناشط الناشطة المحامي المحامية"""
)
# Nouns whose complement (a place, a club) comes before a name: «حاكم منطقة …», «رئيس بلدية …»
_AR_CONSTRUCT_HEADS = _norm_set(
    "حاكم منطقة إقليم ولاية محافظة مقاطعة قضاء ناحية بلدية بلدة قرية فريق منتخب نادي مدينة جزيرة عاصمة"
)
# Speech verbs after which a name comes at once («قال نيكوس باباداكيس إن …»).
_AR_SAID = _AR_SPEECH_ALL
# Words of a role's complement without the article: «رئيس وزراء اليونان», «المتحدث باسم».
_AR_ROLE_LINKS = _norm_set("باسم وزراء الوزراء بلدية حكومة مجلس مكتب شركة فريق نادي منتخب جهاز هيئة إدارة دائرة")
# Loanwords and common words shaped like transliterated names («كورونا», «فيروس», «فيديو»).
_AR_COMMON_FOREIGN = _norm_set(
    """كورونا فيروس فيروسات فيديو تلفزيون راديو إنترنت انترنت تكنولوجيا بروتوكول ديمقراطية ديموقراطية
    استراتيجية إستراتيجية كيلومتر كيلومترا كيلوغرام كيلوجرام كيلو مليون مليونا مليار مليارا دولار دولارا
    يورو جنيه دينار درهم ليرة بنزين ديزل أولمبياد اولمبياد ماراثون بلاستيك سيناريو ستوديو استوديو
    بوليس كاميرا كاميرات موبايل تويتر فيسبوك يوتيوب واتساب إنستغرام انستغرام تيك توك أونلاين
    ديكتاتور ديكتاتورية بيروقراطية أيديولوجيا ايديولوجيا لوجستي لوجستية موسيقى موسيقي سينما مسرح
    أكاديمي أكاديمية ميكروب بكتيريا أوكسجين اكسجين هيدروجين كربون دولي دولية أوروبا أوروبي أوروبية
    قاموس جاسوس كابوس فانوس ناموس طقوس دروس رؤوس كؤوس نفوس شموس عروس جلوس فلوس رئيس تأسيس تدريس
    خميس كيس ليس تكريس تسييس إبليس جليس نفيس ضروس بوابة بوابات ديوان إيوان نيابة نيابي نيابية
    يونيو يوليو مايو أغسطس ديسمبر نوفمبر سبتمبر أكتوبر أبريل فبراير يناير مارس"""
)
_AR_FOREIGN_LETTERS = frozenset("پڤگچژ")
# Endings of transliterated Greek, Romanian, Slavic … names: -os -is -poulos -akis -escu -anu -ovich -ski
_AR_FOREIGN_ENDS = tuple(
    norm(x) for x in "وس يس اس ولوس اكيس يديس سكو يسكو يانو انو ينو ينكو فيتش يتش سكي فسكي ستون بورغ بيرغ".split()
)
# Arabic inflection and pronoun endings that names do not have (plurals, duals, verb forms)
_AR_NOT_NAME_ENDS = tuple(norm(x) for x in "ات ون وا ين ها هم هما كم تم تنا ه".split())
_AR_VOWEL_LETTERS = frozenset("اوي")
_TANWIN = re.compile("[\u064b-\u064d]")
_HAMZA_ALIF = frozenset("أإآ")
_AR_HAMZA_SEAT = re.compile("[ءئؤ]")


@lru_cache(maxsize=65536)
def _ar_foreign_shape(w: str) -> int:
    """How much a normalised Arabic-script word looks like a transliterated foreign name: 2 (a foreign
    letter, a name ending such as -وس/-يس/-سكو, or three vowel letters), 1 (two vowel letters, or one
    and a final vowel), 0. Arabic writes only long vowels; transliterations write every vowel."""
    if len(w) < 3:
        return 0
    if _AR_FOREIGN_LETTERS.intersection(w):
        return 2
    # hamza seats («رئيس» → رييس) are no vowels; a final alif is an accusative ending as often as a name's -a
    inner = w[1:-1].replace("يي", "").replace("وو", "") + (w[-1] if w[-1] != "ا" else "")
    vowels = sum(ch in _AR_VOWEL_LETTERS for ch in inner)
    if len(w) >= 5 and w.endswith(_AR_FOREIGN_ENDS) and vowels >= 2:
        return 2
    if vowels >= 3 and len(w) >= 6:
        return 2
    if vowels >= 2 or (vowels and len(w) >= 4 and w[-1] in "وي"):
        return 1
    return 0


def _ar_common(w: str) -> bool:
    """A normalised word of the lists above (function words, roles, verbs, loanwords, months)."""
    return (
        w in _ARABIC_STOP or w in _AR_NOT_NAME or w in _AR_NOT_FAMILY or w in _AR_ROLES or w in _AR_COMMON_FOREIGN
        or w in _date_words() or _gloss_word(w, "ar") is not None
    )


@lru_cache(maxsize=65536)
def _ar_name_word(w: str, in_ok: bool = False) -> bool:
    """A normalised word that may be part of a name written without the article: no function word,
    role, verb form, inflected plural, place or organisation word (see the lists above). ``in_ok``:
    a final -ين or -يه may be a name's -in, -ei/-é rather than a plural or -ية («سورين» Sorin, «أندريه» Andrei)."""
    return (
        len(w) >= 3
        and _AR_ONLY.fullmatch(w) is not None
        and not w.startswith(_AR_CLITIC_ART)
        and (not w.endswith(_AR_NOT_NAME_ENDS) or in_ok and w.endswith(("ين", "يه")))
        and not w.startswith("وو")  # «ووجود»: the conjunction on a word opening with و
        and not (w[0] in "وفلبك" and _ar_common(w[1:]))  # «لفيروس», «بالأمس»: a particle on a common word
        and w not in _ARABIC_STOP
        and w not in _AR_NOT_NAME
        and w not in _AR_NOT_FAMILY
        and w not in _AR_NAMED_AFTER
        and w not in _AR_ROLES
        and w not in _AR_ROLE_LINKS
        and w not in _AR_NAME_JOINERS
        and w not in _AR_COMMON_FOREIGN
        and w not in _date_words()
        and _gloss_word(w, "ar") is None
        and not _ar_place(get_index(), w)
    )


# Ranks and honorifics written right before a name: after one, a name needs less foreign shape
_AR_RANKS = _norm_set(
    "العقيد اللواء العميد المقدم الرائد النقيب الجنرال الفريق المشير السيد السيدة الدكتور الدكتورة "
    "البروفيسور الأستاذ الأستاذة المهندس المهندسة القاضي القاضية"
)


@lru_cache(maxsize=8192)
def _ar_demonym(w: str) -> bool:
    """A normalised nationality adjective or noun with the article («الرومانية», «الفيتنامي»): a demonym of
    the gazetteer, or a nisba on a country's name that it does not list («المالطية» on «مالطا»,
    «الكورية» on «كوريا»)."""
    if not w.startswith("ال") or len(w) < 6:
        return False
    gaz = get_index()
    stem = w[2:]
    if any(e & DEMONYM for e in gaz.lookup(stem) or ()):
        return True
    for end in ("يه", "ي"):
        if stem.endswith(end):
            root = stem[: -len(end)]
            for form in (root, root + "ا", root + "يا"):
                if len(form) >= 3 and any(gaz.records[entry_rec(e)].kind == "country" for e in gaz.lookup(form) or ()):
                    return True
    return False


def _arabic_foreign_candidates(
    doc: Doc, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, list[str], str]]:
    """Arabic-script people that the given-name list cannot reach, above all foreign names written
    in Arabic script. A run of up to three name words (:func:`_ar_name_word`) is a person when

    * it follows a role, maybe with its complement («وزيرة الخارجية اليونانية ماريا …», «مدير الدفاع
      المدني …»): one word if it has a foreign shape, two or more words always;
    * it follows a speech verb («قال …»): two words with some foreign shape, or one clearly foreign word;
    * anywhere: two words or more, each with a foreign shape and one of them clearly
      (:func:`_ar_foreign_shape`: «نيكوس باباداكيس», «ميهايلا تشوبانو»).

    >>> [c[2] for c in _arabic_foreign_candidates(Doc("وقال المتحدث باسم الإطفاء يانيس كوستوبولوس إن", "ar"), [])]
    ['يانيس كوستوبولوس']
    """
    nt = doc.norm
    toks = [(m.start(), m.end(), m.group()) for m in _AR_WORD.finditer(nt)]
    if len(toks) < 2:
        return []
    _fill_orig_map(doc)
    spans = sorted(taken)
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    n = len(toks)

    def joined(i: int) -> bool:
        return i + 1 < n and not nt[toks[i][1]: toks[i + 1][0]].strip()

    def free(i: int) -> bool:
        return not _overlaps(starts, ends, doc.orig(toks[i][0]), doc.orig(toks[i][1]))

    def raw_al(i: int) -> bool:  # «ألكسندر», «إلينا»: an alif with hamza is no article
        return doc.text[doc.orig(toks[i][0])] in "أإ"

    memo: dict[int, bool] = {}

    def word_ok(i: int) -> bool:
        got = memo.get(i)
        if got is None:
            memo[i] = got = _word_ok(i)
        return got

    def _word_ok(i: int) -> bool:
        w = toks[i][2]
        if not (_ar_name_word(w) or w.startswith("ال") and len(w) >= 5 and _ar_name_word("ا" + w[2:]) and raw_al(i)):
            return False  # the cheap, cached test first
        s0 = doc.orig(toks[i][0])
        if _TANWIN.search(doc.text, s0, doc.orig(toks[i][1]) + 1):
            return False  # «انسحاباً»: an indefinite noun or adverb, never a name
        if doc.text[s0 + 1: s0 + 2] in _HAMZA_ALIF and doc.text[s0] in "وفبلك":
            return False  # «بأسعار», «وإصلاح»: a particle on a word opening with hamza, not a name
        return free(i)

    def shape_at(i: int, off: int = 0) -> int:
        s0, e0 = doc.orig(toks[i][0]), doc.orig(toks[i][1])
        if _AR_HAMZA_SEAT.search(doc.text, s0, e0):
            return 0  # «وسائد», «مسؤول»: hamza on a seat is Arabic spelling, not a transliteration
        return _ar_foreign_shape(toks[i][2][off:])

    def construct_head(w: str) -> bool:  # a role or a place/organisation head in the construct state
        w = w[1:] if w[:1] in _AR_CLITICS and len(w) > 4 else w
        if w.startswith("ال"):
            return False
        g = _gloss_word(w, "ar")
        return w in _AR_ROLES or w in _AR_NAMED_AFTER or w in _AR_CONSTRUCT_HEADS or (g is not None and g[1])

    def plural_like(i: int) -> bool:  # «سورين» Sorin, «أندريه» Andrei: -ين, -يه before a clearly foreign word
        w = toks[i][2]
        return w.endswith(("ين", "يه")) and _ar_name_word(w, True) and joined(i) and i + 1 < n and word_ok(i + 1) \
            and shape_at(i + 1) == 2

    def name_at(i: int) -> int:  # number of name words from token i
        k = i
        while k < n and k - i < 3 and (word_ok(k) or free(k) and plural_like(k)):
            if k > i and not joined(k - 1):
                break
            k += 1
        return k - i

    out: list[tuple[int, int, str, list[str], str]] = []
    nxt = 0
    # the words that can start something: roles, speech verbs, foreign-looking words (one set test per token)
    # (a name found by shape alone has a clearly foreign word among its first three)
    words_here = {t[2] for t in toks}
    strong = {w for w in words_here if _ar_foreign_shape(w) == 2 or w[:1] in _AR_CLITICS and _ar_foreign_shape(w[1:]) == 2}
    trig = {w for w in words_here if w in _AR_ROLES or w in _AR_SAID or w[:1] in _AR_CLITICS and w[1:] in _AR_ROLES
            or _ar_demonym(w)}
    if not strong and not trig:
        return []
    hot = {p for p, t in enumerate(toks) if t[2] in trig}
    hot.update(x for p, t in enumerate(toks) if t[2] in strong for x in (p - 2, p - 1, p) if x >= 0)
    for i in sorted(hot):
        w = toks[i][2]
        if i < nxt:
            continue
        bare = w[1:] if w[:1] in _AR_CLITICS and len(w) > 4 else w
        first, m, off = i, 0, 0
        if (w in _AR_ROLES or bare in _AR_ROLES) and joined(i):
            j = i + 1
            while j < n and j - i <= 4 and joined(j - 1) and not raw_al(j) and (
                toks[j][2].startswith(("ال", "لل", "وال")) or toks[j][2] in _AR_ROLE_LINKS or toks[j][2] in _AR_CONSTRUCT_HEADS
            ):
                j += 1  # the role's complement: «الخارجية اليونانية», «باسم الشرطة», «الصناعة والتجارة»
            if j < n and (j == i + 1 or joined(j - 1)):
                mm = name_at(j)
                shape = [shape_at(x) for x in range(j, j + mm)]
                # after a nationality («وزيرة الخارجية المالطية …») or a rank («العقيد …») two name words
                # need less shape: short foreign names write few vowels («روبرتا زاميت», «بوبكر ديارا»)
                need = 1 if mm >= 2 and (_ar_demonym(toks[j - 1][2]) or toks[j - 1][2] in _AR_RANKS) else 2
                if mm and sum(shape) >= need:  # «لبرنامج حساب» after «المتحدث الرسمي» is no name
                    first, m = j, mm
        elif _ar_demonym(w) and joined(i) and not (i and joined(i - 1) and toks[i - 1][2].startswith("ال")):
            # a nationality used as a noun before a name («توجت الرومانية يوانا …», «على اليونانية إليني …»):
            # two or three words with a foreign shape, the last one too; not the adjective of a definite noun
            # («الحكومة اليونانية»)
            mm = name_at(i + 1)
            shape = [shape_at(x) for x in range(i + 1, i + 1 + mm)]
            if mm >= 2 and shape[-1] >= 1 and sum(shape) >= 2:
                first, m = i + 1, mm
        elif w in _AR_SAID and joined(i):
            mm = name_at(i + 1)
            shape = [shape_at(x) for x in range(i + 1, i + 1 + mm)]
            if mm >= 2 and max(shape) >= 2 and (min(shape) >= 1 or mm == 2) or mm == 1 and shape[0] >= 2:
                first, m = i + 1, mm
        if not m:  # no context: the shape alone, over two words or more
            if not (_ar_foreign_shape(bare) or i + 1 < n and _ar_foreign_shape(toks[i + 1][2]) == 2):
                continue  # most words: no foreign shape here nor a clearly foreign word next
            if word_ok(i) or free(i) and plural_like(i):
                mm = name_at(i)
            elif bare != w and free(i) and _ar_name_word(bare):  # «ونيكوس»: the conjunction is no part of it
                off, mm = 1, 1 + (min(2, name_at(i + 1)) if joined(i) else 0)
            else:
                continue
            shape = [shape_at(x, off if x == i else 0) for x in range(i, i + mm)]
            last = toks[i + mm - 1][2]
            # each word foreign-looking and one clearly so, or a surname with a foreign ending last («جيمس …يديس»)
            if mm < 2 or max(shape) < 2 or (min(shape) < 1 or sum(shape) < 3) and not (
                mm == 2 and shape[-1] == 2 and len(last) >= 6 and last.endswith(_AR_FOREIGN_ENDS)
            ):
                continue
            m = mm
        if first and joined(first - 1) and not off and construct_head(toks[first - 1][2]):
            # «محافظ ياشي …», «مدرب أريس …», «نادي …»: the first word is what the head governs, not a name
            if m < 3:
                nxt = first + m
                continue
            first, m = first + 1, m - 1
        s, e = doc.orig(toks[first][0] + off), doc.orig(toks[first + m - 1][1])
        surface = doc.text[s:e]
        out.append((s, e, surface, surface.split(), "person"))
        nxt = first + m
    return out


# ---------------------------------------------------------------------------
# Latin acronyms spelled out in Arabic letter names: «إف بي آي» FBI, «آي إم إف» IMF
# ---------------------------------------------------------------------------

# The usual Arabic names of the Latin letters (Arabic has no p: «بي» is B or P). Written from general knowledge.
_AR_LETTER_NAMES: dict[str, str] = {
    "إيه": "A", "ايه": "A", "بي": "B", "سي": "C", "دي": "D", "إي": "E", "إف": "F", "اف": "F", "جي": "G",
    "إتش": "H", "اتش": "H", "آي": "I", "جيه": "J", "جاي": "J", "كيه": "K", "كاي": "K", "إل": "L", "إم": "M",
    "ام": "M", "إن": "N", "أو": "O", "كيو": "Q", "آر": "R", "إس": "S", "اس": "S", "تي": "T", "يو": "U",
    "في": "V", "ڤي": "V", "دبليو": "W", "إكس": "X", "اكس": "X", "واي": "Y", "زد": "Z", "زي": "Z",
}  # fmt: skip
# Letter names that are also common words («إن» "that", «أو» "or", «في» "in", Egyptian «دي» "this», «ايه» "what»)
_AR_LETTER_AMBIGUOUS = frozenset("إيه ايه دي إي إن أو في ام اف اس".split())
_AR_RAW_WORD = re.compile(r"[\u0620-\u064a\u06a4]+")
_AR_CLEAR_LETTER = re.compile(
    r"(?<![\u0620-\u064a\u06a4])(?:"
    + "|".join(sorted((w for w in _AR_LETTER_NAMES if w not in _AR_LETTER_AMBIGUOUS), key=len, reverse=True))
    + r")(?![\u0620-\u064a\u06a4])"
)


def _arabic_acronyms(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, Latin acronym) of acronyms spelled out in Arabic letter names: two letters
    or more, written apart, with at least two that are no common word, or three letters with one.

    >>> [a[3] for a in _arabic_acronyms(Doc("وقال مكتب التحقيقات إف بي آي إن المشتبه به", "ar"), [])]
    ['FBI']
    """
    text = doc.text
    if not _AR_CLEAR_LETTER.search(text):
        return []  # no letter name that is not also a common word: the cheap test first
    toks = [(m.start(), m.end(), m.group()) for m in _AR_RAW_WORD.finditer(text)]
    spans = sorted(taken)
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    out = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i][2] not in _AR_LETTER_NAMES:
            i += 1
            continue
        k = i + 1
        while k < n and toks[k][2] in _AR_LETTER_NAMES and not text[toks[k - 1][1]: toks[k][0]].strip():
            k += 1
        run = [t[2] for t in toks[i:k]]
        # «قال إف بي آي إن …»: a last common word may be the sentence's «that»; a known acronym decides
        options = [run[:-1], run] if run[-1] in _AR_LETTER_AMBIGUOUS else [run]
        options = [r for r in options if _letters_ok(r)]
        if options:
            best = next((r for r in options if _acronym_actor(_spell(r)) is not None), options[0])
            s, e = toks[i][0], toks[i + len(best) - 1][1]
            after_number = text[max(0, s - 3): s].strip()[-1:].isdigit()  # «800 سي سي» cc, «5 جي» 5G: units
            if not (starts and _overlaps(starts, ends, s, e)) and not after_number:
                out.append((s, e, text[s:e], _spell(best)))
        i = k
    return out


def _spell(run: list[str]) -> str:
    return "".join(_AR_LETTER_NAMES[w] for w in run)


def _letters_ok(run: list[str]) -> bool:
    """Letter names that make an acronym: two that are no common word, or three with one."""
    clear = sum(w not in _AR_LETTER_AMBIGUOUS for w in run)
    return len(run) >= 3 and clear >= 1 or len(run) == 2 and clear == 2


def _acronym_actor(acro: str) -> int | None:
    """The alias-table actor of a Latin acronym, trying P for each B (Arabic «بي» is either): «بي كيه كيه» PKK."""
    ai = _aliases()
    options = [""]
    for ch in acro:
        options = [o + c for o in options for c in (("B", "P") if ch == "B" else (ch,))]
    for o in options:
        for al in ai.keys.get(o.lower(), ()):
            if al.case == _CASE_EXACT and al.exact == o:
                return al.actor
    return None


# ---------------------------------------------------------------------------
# Organisation names by head noun (el, ro, ar), with an English gloss
# ---------------------------------------------------------------------------

_ORG_TOKEN = re.compile(r"[\w'’\-]+")
# Lowercase words that may sit inside an organisation name between capitalised words
# («Ινστιτούτο του Εθνικού Αστεροσκοπείου», "Inspectoratul General pentru Situații de Urgență").
ORG_LINKS: dict[str, frozenset[str]] = {
    "el": _norm_set("του της των και για"),
    "ro": _norm_set("de din pentru al a ale ai și si"),
    "fr": _norm_set("de du des la le les pour"),
}
# French heads that start a name in lowercase too («l'université de La Serena», «le parquet de Paris»);
# others («le centre de Cluj», «le service de …») are ordinary nouns unless capitalised
_FR_LOWER_HEADS = ("University", "Institute", "Observatory", "Academy", "Prosecution", "Federation",
                   "Confederation", "Trade Union", "Foundation")
_FR_ELISION = re.compile(r"^[lLdD]['’]")


@lru_cache(maxsize=1)
def _org_gloss_table() -> dict[str, dict[str, tuple[str, bool]]]:
    """lang -> stem -> (English word, is a head noun), from ``data/entities/org_words.tsv``."""
    table: dict[str, dict[str, tuple[str, bool]]] = {"el": {}, "ro": {}, "ar": {}, "fr": {}}
    with open(ORG_WORDS_FILE, encoding="utf-8") as fh:
        rows = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for line in rows[1:]:
        en, *cols = (c.strip() for c in line.split("|"))
        head = en.startswith("*")
        en = en.lstrip("*").replace("-", " ")
        for lang, col in zip(("el", "ro", "ar", "fr"), cols):
            for stem in col.split():
                if stem != "-":
                    table[lang][norm(stem)] = (en, head)
    return table


_AR_CLITIC_ART = ("وال", "فال", "بال", "كال", "لل", "ال")


def _arabic_bases(w: str) -> list[str]:
    """A normalised Arabic word without its clitics and article: «والطوارئ» → طواري, «لحالات» → حالات."""
    out = [w]
    for v in arabic_variants(w):
        if v not in out:
            out.append(v)
    res = []
    for v in out:
        for pre in _AR_CLITIC_ART:
            if v.startswith(pre) and len(v) - len(pre) >= 2:
                v = v[len(pre):]
                break
        if v not in res:
            res.append(v)
    return res


@lru_cache(maxsize=65536)
def _gloss_word(w: str, lang: str) -> tuple[str, bool] | None:
    """(English word, is a head noun) of an organisation word, or None (see ``data/entities/org_words.tsv``).

    >>> _gloss_word("Ινστιτούτου", "el"), _gloss_word("Inspectoratului", "ro"), _gloss_word("والطوارئ", "ar")
    (('Institute', True), ('Inspectorate', True), ('Emergency', False))
    """
    table = _org_gloss_table().get(lang)
    if not table:
        return None
    n = norm(w)
    if lang == "ar":
        for b in _arabic_bases(n):
            for k in range(len(b), max(1, len(b) - 3), -1):
                hit = table.get(b[:k])
                if hit:
                    return hit
        return None
    for k in range(len(n), max(2, len(n) - 6), -1):
        hit = table.get(n[:k])
        if hit:
            return hit
    return None


@lru_cache(maxsize=65536)
def _place_word(w: str, lang: str) -> str | None:
    """English form of a country name, demonym or city used inside an organisation name
    («Αθηνών» → Athens, «التركية» → Turkish), or None."""
    from newsweave.annotate.institutions import _table as inst_table

    gaz = get_index()
    n = norm(w)
    forms = _arabic_bases(n) + [n] if lang == "ar" else [n]
    for f in forms:
        entries = gaz.lookup(f) or ()
        for e in entries:
            if e & DEMONYM:
                r = gaz.records[entry_rec(e)]
                return inst_table().adjective.get(r.country_code or "", r.name)
        for e in entries:
            r = gaz.records[entry_rec(e)]
            if r.kind in ("country", "city"):
                return r.name
    return None


def _org_gloss(toks: list[str], lang: str, min_known: int = 2) -> tuple[str | None, list[int]]:
    """(English gloss, indexes of the name's own words) of an organisation name's content words.
    The gloss needs a head noun and ``min_known`` known words (the head counts)."""
    out, proper, head, known = [], [], False, 0
    for i, t in enumerate(toks):
        g = _gloss_word(t, lang)
        if g is not None:
            out.append(g[0])
            head = head or g[1]
            known += 1
            continue
        pl = _place_word(t, lang)
        if pl is not None:
            out.append(pl)
            known += 1
            continue
        out.append(t)
        proper.append(i)
    return (" ".join(out) if head and known >= min_known else None), proper


def _org_candidates(
    doc: Doc, taken: list[tuple[int, int]], places: list[tuple[int, int, str | None]] | None = None
) -> list[tuple[int, int, str, list[str], str | None, str | None]]:
    """(start, end, surface, content words, English gloss, own-name alias) of organisation names
    built around a head noun: capitalised runs joined by genitive/linking words in Greek and
    Romanian («Γεωδυναμικό Ινστιτούτο του Εθνικού Αστεροσκοπείου Αθηνών», "Inspectoratul General
    pentru Situații de Urgență", "Federației Sanitas"), and in Arabic (no capitals) the head and
    the definite words of its construct chain («خلية الإعلام الأمني»), or a place named after a head in the
    construct state («جامعة بغداد»; ``places``: (start, end, English name) of the article's place mentions)."""
    lang = doc.language
    if lang not in _org_gloss_table():
        return []
    text = doc.text
    arabic = lang == "ar"
    toks = [(m.start(), m.end(), m.group()) for m in _ORG_TOKEN.finditer(text)]
    links = ORG_LINKS.get(lang, frozenset())
    tk = sorted(taken)
    t_st, t_en = [a for a, _ in tk], [b for _, b in tk]

    place_at = {a: (b, name) for a, b, name in places or ()}
    place_gloss: dict[int, str] = {}  # head token -> English name of the place after it
    french = lang == "fr"
    if french:  # «l'Institut», «d'Athènes»: the elided article is no part of the word
        toks = [(a + len(w) - len(v), b, v) for a, b, w in toks for v in [_FR_ELISION.sub("", w) or w]]

    def cap(i: int) -> bool:
        w = toks[i][2]
        return w[:1].isupper()

    def gap_ok(i: int) -> bool:  # only spaces between token i and i + 1
        return not text[toks[i][1]: toks[i + 1][0]].strip(" \t")

    out = []
    i, n = 0, len(toks)
    while i < n:
        w = toks[i][2]
        g = None if (not arabic and not french and not cap(i)) else _gloss_word(w, lang)
        if not g or not g[1]:
            i += 1
            continue
        j = k = i
        if french:
            k = _fr_org_end(toks, i, links, gap_ok)
            if not cap(i) and (g[0] not in _FR_LOWER_HEADS or not any(cap(x) for x in range(i + 1, k + 1))):
                # «la commission d'enquête», «le centre de Cluj»: a lowercase head is a name only for a few
                # institutions, and with a proper name («l'université de La Serena»)
                i = k + 1
                continue
        if arabic and g[0] == "Club" and not norm(w).startswith(_AR_CLITIC_ART):
            # «نادي …» (not «النادي» "the club"): the club's own name follows, without the article
            while k + 1 < n and k - i < 3 and gap_ok(k) and (
                _ar_name_word(norm(toks[k + 1][2])) or _place_word(toks[k + 1][2], lang)
            ):
                k += 1
        elif french:
            pass
        elif arabic:
            while k + 1 < n and k - i < 6 and gap_ok(k):
                nw = norm(toks[k + 1][2])
                if nw in _ARABIC_STOP or not (nw.startswith(("ال", "وال", "لل")) or _gloss_word(nw, lang)):
                    break
                if not (_gloss_word(nw, lang) or _place_word(nw, lang)):
                    break
                k += 1
            if k == i and i + 1 < n and gap_ok(i) and not norm(w).startswith(_AR_CLITIC_ART) and g[0] != "Centre":
                # a head in the construct state, then a place without the article: «جامعة بغداد», «جامعة لا سيرينا»
                # (not «مركز»: «مركز دار السلام» is a district, «مركز بغداد» the city centre)
                p_end, p_name = place_at.get(toks[i + 1][0], (None, None))
                if p_end is not None:
                    while k + 1 < n and toks[k + 1][1] <= p_end:
                        k += 1
                    if p_name:
                        place_gloss[i] = p_name
                elif _place_word(toks[i + 1][2], lang):
                    k = i + 1
        else:
            while j > 0 and cap(j - 1) and gap_ok(j - 1) and \
                    (_gloss_word(toks[j - 1][2], lang) or _place_word(toks[j - 1][2], lang)):
                j -= 1  # adjectives before the head: «Γεωδυναμικό Ινστιτούτο», «Ελληνική Αστυνομία»
            while k + 1 < n and gap_ok(k):
                if cap(k + 1):
                    k += 1
                elif nword(toks[k + 1][2]) in links and k + 2 < n and cap(k + 2) and gap_ok(k + 1):
                    k += 2
                else:
                    break
        s, e = toks[j][0], toks[k][1]
        i = k + 1
        if k == j or (t_st and _overlaps(t_st, t_en, s, e) and not (arabic and _holds(t_st, t_en, s, e, toks[j][1]))):
            continue
        content = [toks[x][2] for x in range(j, k + 1) if arabic or nword(toks[x][2]) not in links]
        if j in place_gloss:  # the place's words read as its English name: «جامعة لا سيرينا» → University, La Serena
            content = [toks[j][2], place_gloss[j]]
        gloss, proper = _org_gloss(content, lang)
        own = None
        if proper and len(proper) < len(content) and proper == list(range(proper[0], len(content))):
            own = " ".join(content[x] for x in proper)  # "Federației Sanitas" → "Sanitas"
        if gloss is None and own is None:
            continue
        if gloss is None:  # «Πανεπιστήμιο της Λα Σερένα»: the head glossed, the own name kept ("University Λα Σερένα")
            gloss = _org_gloss(content, lang, 1)[0]
        out.append((s, e, text[s:e], content, gloss, own))
    return out


# Sector words that follow a company's short name in its full name ("Samsung Electronics", "Hyundai Motor",
# «سامسونغ للإلكترونيات»); written from general knowledge. Arabic ones are normalised, without «لل»/«ال».
_COMPANY_SECTORS = {
    w: w for w in (
        "Electronics Motor Motors Airlines Airways Energy Pharmaceuticals Pharma Technologies Telecom Steel "
        "Petroleum Chemicals Semiconductor Insurance Securities Entertainment Aerospace Automotive Foods"
    ).split()
} | {
    norm(ar): en for ar, en in (
        ("إلكترونيات", "Electronics"), ("سيارات", "Motors"), ("طيران", "Airlines"), ("اتصالات", "Telecom"),
        ("طاقة", "Energy"), ("أدوية", "Pharmaceuticals"), ("بترول", "Petroleum"), ("نفط", "Petroleum"),
        ("صلب", "Steel"), ("كيماويات", "Chemicals"), ("تأمين", "Insurance"),
    )
}
_NEXT_WORD = re.compile(r"[ \t]+([\w؀-ۿ]+)")


def _company_full_name(text: str, end: int, name: str) -> str | None:
    """The full name of a company named by the alias table, when a sector word follows its short name
    ("Samsung Electronics", «سامسونغ للإلكترونيات» → "Samsung Electronics"), else None: an alias, so that
    the company meets an actor written with its full name."""
    m = _NEXT_WORD.match(text, end, end + 40)
    if m is None:
        return None
    w = m.group(1)
    if w[:1].isupper() and w in _COMPANY_SECTORS:
        return f"{name} {w}"
    n = norm(w)
    for pre in ("لل", "ال"):
        if n.startswith(pre) and n[len(pre):] in _COMPANY_SECTORS:
            return f"{name} {_COMPANY_SECTORS[n[len(pre):]]}"
    return None


def _fr_org_end(toks: list[tuple[int, int, str]], i: int, links: frozenset[str], gap_ok) -> int:
    """Last token of a French organisation name from its head noun at ``i``: French capitalises only the
    first word («l'Institut national de physique de la Terre», «l'université de La Serena»), so the name
    goes on over organisation words of any case and capitalised words, joined by at most two linking
    words (de, du, la …); a name never runs over punctuation."""
    n, k = len(toks), i

    def content(x: int) -> bool:
        w = toks[x][2]
        return w[:1].isupper() or _gloss_word(w, "fr") is not None

    while k + 1 < n and gap_ok(k):
        x = k + 1
        while x < n and x - k <= 2 and nword(toks[x][2]) in links and gap_ok(x):
            x += 1
        if x < n and content(x) and nword(toks[x][2]) not in links:
            k = x
        else:
            break
    return k


def _club_and_town(names: list[str]) -> list[str] | None:
    """The words before the town of a name made of an acronym and a town ("PAOK Salonic",
    "CFR Cluj", "AEK Atena"), else None."""
    if len(names) < 2 or not (names[0].isupper() and len(names[0]) >= 2):
        return None
    gaz = get_index()
    town = nword(names[-1])
    if not any(gaz.records[entry_rec(e)].kind == "city" and not e & DEMONYM for e in gaz.lookup(town) or ()):
        return None
    return names[:-1]


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
        full = _company_full_name(doc.text, e, a.name) if a.type == "org" else None
        add(k, a.name, a.type, s, surface, [full] if full else None)
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
        k = "lat:" + " ".join(name_key(x) for x in (own or gloss or "").split())
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
    for cand in cands:  # the club's own name as an alias of "PAOK Salonic"
        own = _club_and_town(cand[3]) if cand[4] == "person" else None
        if own is not None:
            ent = stat.get("lat:" + " ".join(name_key(n) for n in own))
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
