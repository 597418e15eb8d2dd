"""Towns written in Arabic or Greek script that the gazetteer does not list in that script.

GeoNames ships Arabic and Greek alternate names for big cities only, so a Romanian town
in an Arabic article («ياشي») or a Greek one («Κραϊόβα») is not found by lookup. This
fallback matches such a word to the *Latin* name of a gazetteer city by a coarse
transliteration key: consonant classes (the distinctions Arabic and Greek script can write)
plus the places where a vowel is written and its class (a; e/i; o/u). Arabic writes the
vowels of foreign names as long vowels (ا ي و), so both scripts must write vowels at the same
places, with a class in common (Romanian "ea" may be Greek α).

False positives are kept out by where it may match and what it may match:

* only cities of a country the article names (a place or demonym found by lookup), or
  cities of ≥ ``BIG_CITY_POP`` people (≥ ``TOWN_WORD_POP`` right after a town word, on a long key);
* Greek: a capitalised word that is not a stopword, not written in lowercase elsewhere, not at
  a sentence start unless it heads a headline or dateline («Σουτσάβα: …»), and not next to
  another capitalised word (a person's name) unless the two name a two-word town («Σάτου Μάρε»);
* Arabic (no capitals): a word right after a place cue («في», «إلى», «قرب», «ميناء»; or a town word
  «مدينة», «بلدة», «قرية»; or in brackets right after a name that follows one: «قرب الجزيرة الخضراء
  (ألخيسيراس)», and then the name before the bracket is that town too), without the article «ال» (common nouns take it, foreign towns do
  not), not a stopword nor a cue or town word itself; an attached ب ("in") is not taken off
  («بيان», «بلدان» are words); a leading و or ف is tried both ways («وكرايوفا» "and Craiova",
  «فيتيشتي» Fetești);
* two-word names may open with a short word («Λα Σπέτσια», «Τάι Μπιν»), in Arabic only right after
  a town word («مدينة لا سبيتسيا»: «لا» is also "no");
* keys of fewer than ``MIN_CONSONANTS`` consonants (Iași: y-s; «بيان» "statement" is b-n like
  Bayonne) need an exact key, a word of at least 4 letters (3 right after a town word: «مدينة غاب»)
  and, in Arabic, a town word before it;
* towns of Arabic-speaking countries (whose Arabic names leave short vowels out) only after a
  town word (not a province word: «محافظة مطروح» is a governorate, not Mateur in Tunisia);
* foreign cities of ≥ ``SHORT_VOWEL_POP`` people of a country the text names, whose Arabic spelling
  leaves short vowels out («نوتنغهام»): written vowels a subset of the Latin ones, keys of at least
  ``SHORT_VOWEL_CONSONANTS`` consonants, no article with a clitic («بالزهور»); at most two unwritten
  vowels right after a town word, else at most one with at least two written. Only this rule takes an
  Arabic word without a cue, and only one of the headline that is written again below.

False positives on real Arabic news are measured by bench/bench_translit_places.py (its
section "Places by transliteration" for docs/BENCHMARKS.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from newsweave.annotate._text import norm, script_of
from newsweave.annotate.gazetteer import ARABIC_CCS

__all__ = [
    "translit_key", "keys_match", "vowels_fit", "TranslitMatcher", "Candidate",
    "BIG_CITY_POP", "MIN_CONSONANTS", "WEAK_CUE", "STRONG_CUE", "TOWN_CUE",
]  # fmt: skip

BIG_CITY_POP = 1_000_000
# Right after a town word («في مدينة مانشستر» "in the city of Manchester") a city of a country the text does
# not name may be this big, with a key of at least this many consonants (vowels may be left out as below).
TOWN_WORD_POP = 500_000
TOWN_WORD_CONSONANTS = 5
MIN_CONSONANTS = 3
# Arabic often leaves short vowels of well-known foreign names out («نوتنغهام» Nottingham, «برمنغهام»
# Birmingham): for cities this big, of a country the text names, with a key this long, the Arabic
# vowels may be a subset of the Latin ones. Also the only case where an Arabic word without a place
# cue may match: when it is in the headline and written again below.
SHORT_VOWEL_POP = 100_000
SHORT_VOWEL_CONSONANTS = 4
_ARTICLE_CLITIC = ("بال", "وال", "فال", "كال", "لل")
WEAK_CUE, STRONG_CUE, TOWN_CUE = 1, 2, 3  # "in"; "province of"; "city of"
# The learned transducer's fallback (TranslitMatcher.match_learned): towns this big (and Arabic words rare,
# below wordfreq_rank.RARE)
LEARNED_MIN_POP = 20_000
# ... and a per-letter score this high, for every word: the model's own threshold (~0.2) is for one pair,
# here one word meets every town of a country (true pairs score 0.9-1.6, near misses 0.3-0.4: Burauen/«Μαράουι»)
LEARNED_MIN_SCORE = 0.85
# a linking word and a capitalised word (Greek and Latin) or a name word (Arabic) after a candidate: the town's name goes on
_NAME_GOES_ON = re.compile(r"[ \t]+(?:dos|das|de|do|da|del|di|ντε|ντου|ντους|ντος|ντα|ντελ|دي|دو|دوس|ديل)[ \t]+\w")


# Greek → Latin, digraphs first (after norm: no accents, final ς folded to σ).
_GREEK = (
    ("ου", "u"), ("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"), ("τσ", "ts"), ("τζ", "dz"), ("αι", "e"),
    ("ει", "i"), ("οι", "i"), ("αυ", "av"), ("ευ", "ev"), ("ξ", "ks"), ("ψ", "ps"), ("θ", "t"), ("χ", "h"),
    ("φ", "f"), ("β", "v"), ("γ", "g"), ("δ", "d"), ("ζ", "z"), ("κ", "k"), ("λ", "l"), ("μ", "m"), ("ν", "n"), ("π", "p"),
    ("ρ", "r"), ("σ", "s"), ("τ", "t"), ("α", "a"), ("ε", "e"), ("η", "i"), ("ι", "i"), ("υ", "i"), ("ο", "o"),
    ("ω", "o"),
)  # fmt: skip
_GREEK_Y = re.compile(r"γι(?=[αεηιουω])|γ(?=[εηι])")  # «Γιάννενα», «Γέρακας»: γ before a front vowel is y
# Latin consonant clusters → one class symbol. Classes merge what Arabic/Greek script cannot tell
# apart in foreign names: s/z/sh/ts/ch (س ز ش تس تش; σ ζ τσ), k/c/q/ck (ك ق; κ), b/p (ب; μπ π),
# f/v/ph/w (ف; φ β), g/j/dj/zh (ج غ; γκ τζ), t/th (ت ط; τ θ), d/dh (د; ντ δ), y (ي).
_LATIN = re.compile(r"tsch|tch|sch|dzh|dj|dz|sh|zh|ts|tz|ch|kh|gh|ph|th|dh|ck|c[eiy]|g[ei]|x|.")
_LATIN_MAP = {
    "tsch": "s", "tch": "s", "sch": "s", "dzh": "g", "dj": "g", "dz": "g", "sh": "s", "zh": "g", "ts": "s",
    "tz": "s", "ch": "k", "kh": "h", "gh": "g", "ph": "f", "th": "t", "dh": "d", "ck": "k", "x": "ks",
    "c": "k", "q": "k", "z": "s", "p": "b", "v": "f", "w": "f", "j": "g", "y": "y",
}  # fmt: skip
_ARABIC = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "g", "چ": "s", "ح": "h", "خ": "h", "ه": "h",
    "د": "d", "ض": "d", "ذ": "d", "ر": "r", "ز": "s", "ظ": "s", "س": "s", "ص": "s", "ش": "s", "غ": "g",
    "گ": "g", "ف": "f", "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip
_AR_VOWELS = frozenset("اوىيءئؤع")
_NATIVE_LETTERS = frozenset("عحضظؤ")  # Arabic sounds with no European counterpart
# Vowel classes: Arabic writes a foreign a as ا, e/i as ي, o/u as و; Greek and Latin write them all.
_LATIN_VOWEL = {"a": "Va", "e": "Vi", "i": "Vi", "y": "Vi", "o": "Vu", "u": "Vu"}
_AR_VOWEL = {"ا": "Va", "ى": "Va", "ي": "Vi", "و": "Vu"}
_LATIN_PRE = (("ș", "s"), ("ş", "s"), ("ț", "ts"), ("ţ", "ts"), ("č", "ch"), ("š", "sh"), ("ž", "zh"), ("ğ", ""))


@dataclass(frozen=True, slots=True)
class Key:
    """A transliteration key: consonant classes, and the slots (consonants before it) of each written
    vowel, the vowel after the last consonant left out (Arabic -ا/-ي/-ة, Greek and Romanian endings)."""

    cons: str
    vowels: frozenset[int]
    script: str  # latin | greek | arabic
    open_end: bool = False  # ends in a vowel ("Benicia": its s is not a final -s)
    quality: tuple[tuple[int, str], ...] = ()  # (slot, vowel classes there: a, i (e/i/y), u (o/u), * any)

    def __str__(self) -> str:
        return self.cons + "/" + ",".join(map(str, sorted(self.vowels)))


def _from_symbols(syms: list[str], script: str) -> Key:
    """``syms``: consonant class letters and ``"V"`` + a vowel class for a written vowel; h is dropped
    (Arabic ه for the feminine ending, Latin h after consonants, Greek has none)."""
    cons: list[str] = []
    vowels: set[int] = set()
    quality: dict[int, set[str]] = {}
    # Greek writes mb/mp and nd, ng as μπ, ντ, γκ (read b, d, g): a nasal before b/d/g is left out
    syms = [x for i, x in enumerate(syms) if not (x in "mn" and i + 1 < len(syms) and syms[i + 1] in "bdg")]
    for j, s in enumerate(syms):
        if s == "-":
            continue
        if s[0] == "V":
            vowels.add(len(cons))
            quality.setdefault(len(cons), set()).add(s[1:])
        elif s == "h":
            continue
        elif not (cons and cons[-1] == s and len(cons) not in vowels and syms[j - 1] != "-"):  # doubled: one
            cons.append(s)
    open_end = len(cons) in vowels
    vowels.discard(len(cons))
    q = tuple(sorted((k, "".join(sorted(v))) for k, v in quality.items() if k in vowels))
    return Key("".join(cons), frozenset(vowels), script, open_end, q)


def _latin_syms(w: str) -> list[str]:
    syms: list[str] = []
    i = 0
    # an opening i/e before a vowel is a y (Iași, Ialomița, Ioannina → «ياشي», «يوانينا»)
    if len(w) > 1 and w[0] in "ie" and w[1] in "aou":
        syms.append("y")
        i = 1
    elif w[:1] in "aeiouy" and w[:1]:
        syms.append("'")
        i = 1
        while i < len(w) and w[i] in "aeiou":
            i += 1
    for m in re.finditer(_LATIN, w[i:]):
        g = m.group()
        if g in ("a", "e", "i", "o", "u") or (g == "y" and m.start() > 0):
            syms.append(_LATIN_VOWEL[g])
        elif g[0] == "c" and g[1:] in ("e", "i", "y"):  # ce/ci: Romanian, Italian "ch": a sibilant
            syms += ["s", "Vi"]
        elif g[0] == "g" and g[1:] in ("e", "i"):  # ge/gi: Romanian/Italian "j"
            syms += ["g", "Vi"]
        elif g.isalpha():
            sym = _LATIN_MAP.get(g, g)
            syms.extend(sym)
    return syms


def _greek_syms(w: str) -> list[str]:
    w = _GREEK_Y.sub("y", w)
    for a, b in _GREEK:
        w = w.replace(a, b)
    return _latin_syms(w)


def _arabic_syms(w: str) -> list[str]:
    syms: list[str] = []
    for i, ch in enumerate(w):
        if i == 0 and ch in "اءئؤع":
            syms.append("'")
        elif i == 0 and ch == "ي":
            syms.append("y")
        elif i == 0 and ch == "و":
            syms.append("f")
        elif syms == ["'"] and ch in _AR_VOWELS:
            continue  # «أوراديا»: the opening vowel is one mark
        elif ch in _AR_VOWELS:
            if syms:
                syms.append(_AR_VOWEL.get(ch, "V*"))
        elif ch == "ت" and i + 1 < len(w) and w[i + 1] in "سش":
            continue  # «تس», «تش» (ts, ch): one sibilant
        elif ch in _ARABIC:
            if i and w[i - 1] != ch and _ARABIC.get(w[i - 1]) == _ARABIC[ch]:
                syms.append("-")  # «مانشستر»: ش then س are two sounds (sh, s), not a doubled letter
            syms.append(_ARABIC[ch])
    return syms


@lru_cache(maxsize=65536)
def translit_key(word: str) -> tuple[Key, ...]:
    """Keys of one name word (a hyphenated name gives one key per part), in any of Latin, Greek or
    Arabic script; empty for other scripts.

    >>> [str(k) for k in translit_key("Craiova") + translit_key("Κραϊόβα") + translit_key("كرايوفا")]
    ['krf/2', 'krf/2', 'krf/2']
    """
    sc = script_of(word)
    if sc not in ("latin", "greek", "arabic"):
        return ()
    w = word.lower()
    if sc == "latin":
        for a, b in _LATIN_PRE:
            w = w.replace(a, b)
    w = norm(w)
    out = []
    for part in re.split(r"[\-‐\s]+", w):
        part = re.sub(r"[^\w]", "", part)
        if not part:
            continue
        syms = _arabic_syms(part) if sc == "arabic" else _greek_syms(part) if sc == "greek" else _latin_syms(part)
        k = _from_symbols(syms, sc)
        if k.cons:
            out.append(k)
    return tuple(out)


def _drop_final_s(k: Key) -> Key | None:
    """The key without a final -s after a vowel (Greek nominative/genitive -ς, Latin "Patras")."""
    if not k.open_end and len(k.cons) > 1 and k.cons.endswith("s") and (len(k.cons) - 1) in k.vowels:
        last = len(k.cons) - 1
        return Key(k.cons[:-1], k.vowels - {last}, k.script, True, tuple(x for x in k.quality if x[0] != last))
    return None


def _variants(k: Key) -> tuple[Key, ...]:
    d = _drop_final_s(k)
    return (k,) if d is None else (k, d)


def keys_match(a: Key, b: Key) -> bool:
    """Do two word keys (one Latin, one Greek or Arabic) transliterate one name?

    Same consonant classes and the same vowel slots: Greek writes every vowel, and Arabic writes the
    vowels of a foreign name as long ones («كرايوفا» Craiova), so a slot written in one and not in the
    other means another word («دروس» "lessons" is not Dayrūţ).

    >>> keys_match(translit_key("Timisoara")[0], translit_key("تيميشوارا")[0])
    True
    >>> keys_match(translit_key("Dayrut")[0], translit_key("دروس")[0])
    False
    >>> keys_match(translit_key("Kissimmee")[0], translit_key("Κίσσαμος")[0])
    False
    """
    for x in _variants(a):
        for y in _variants(b):
            if x.cons == y.cons and vowels_fit(x, y) and (x is a or y is b):
                return True  # (a final -s dropped on one side only: both dropped would skip the vowel before it)
    return False


def vowels_fit(a: Key, b: Key) -> bool:
    """The same vowel slots, and at each a vowel class in common («Κίσσαμος» k-a-s is not
    Kissimmee k-i-s; «Μετρό» m-e-tr is not Motru m-o-tr). Diphthongs hold several classes
    (Romanian "ea" ~ Greek α)."""
    return a.vowels == b.vowels and _quality_fit(b, a)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A word (or two) of a text that may be a town: offsets in the text, whether a place cue
    precedes it, and its keys."""

    start: int
    end: int
    surface: str
    keys: tuple[Key, ...]
    cue: int  # 0 none, WEAK_CUE "in"/"to"/"near" before it, STRONG_CUE "province of", TOWN_CUE "city of"
    clitic: bool = False  # an Arabic prefix (ب و ف) was taken off: «بلدية» is not ب + «لدية»


@lru_cache(maxsize=65536)
def _first_class(word: str) -> str:
    """The class of a word's first consonant (the classes the keys use; "" when it has none): both scripts
    write a name's first consonant, so a candidate and a town that differ there are not compared."""
    ks = translit_key(word)
    return ks[0].cons[:1] if ks else ""


def _without_city(ws: list[str]) -> list[list[str]]:
    """The name's words, and without a trailing "City" («Μαράουι» is Marawi City)."""
    return [ws, ws[:-1]] if len(ws) >= 2 and ws[-1] == "City" else [ws]


def _length_fits(latin: str, native: str) -> bool:
    """Letters in proportion: a foreign name written in Arabic or Greek script has about as many letters
    (Arabic leaves short vowels out), so a short word does not meet a long name by a run of deletions."""
    n, m = sum(c.isalpha() for c in latin), sum(c.isalpha() for c in native)
    return m >= 3 and 0.5 * n <= m <= 1.5 * n + 1


class TranslitMatcher:
    """Latin-name keys of the gazetteer's cities, indexed by the consonants of their first word, per
    country (built on first use of a country: the few hundred cities of one country, not all 30 000)."""

    def __init__(self, records) -> None:
        self._records = records
        self._by_cc: dict[str, list[int]] = defaultdict(list)
        big: list[int] = []
        for i, r in enumerate(records):
            if r.kind == "city" and r.country_code:
                self._by_cc[r.country_code].append(i)
                if r.population >= TOWN_WORD_POP:
                    big.append(i)
        self._big = big
        self._index: dict[str, dict[str, list[tuple[int, tuple[Key, ...]]]]] = {}
        self._learned: dict[str, list[tuple[int, list[str], tuple[str, ...]]]] = {}

    def _build(self, members: list[int]) -> dict[str, list[tuple[int, tuple[Key, ...]]]]:
        out: dict[str, list[tuple[int, tuple[Key, ...]]]] = defaultdict(list)
        for i in members:
            r = self._records[i]
            for name in _spoken_forms(r.name, r.country_code):
                ks = translit_key(name)  # "Cluj-Napoca": one key per part
                if ks:
                    for v in _variants(ks[0]):
                        out[v.cons].append((i, ks))
        return out

    def _lookup(self, group: str, members: list[int], cons: str) -> list[tuple[int, tuple[Key, ...]]]:
        ix = self._index.get(group)
        if ix is None:
            ix = self._index[group] = self._build(members)
        return ix.get(cons, [])

    def match(self, cand: Candidate, countries: set[str]) -> int | None:
        """The record index of the city ``cand`` names, or None. Among several, the most populous."""
        if not cand.keys:
            return None
        n = len(cand.keys)
        best: int | None = None
        groups = [(cc, self._by_cc.get(cc, [])) for cc in sorted(countries)] + [("*big*", self._big)]
        town_word = cand.cue >= TOWN_CUE and sum(len(k.cons.replace("'", "")) for k in cand.keys) >= TOWN_WORD_CONSONANTS
        for cons in {v.cons for v in _variants(cand.keys[0])}:
            for group, members in groups:
                for i, ck in self._lookup(group, members, cons):
                    cc = self._records[i].country_code
                    if len(ck) != n:
                        continue
                    abroad = group == "*big*" and cc not in countries
                    pop = self._records[i].population
                    if abroad and pop < BIG_CITY_POP and not town_word:
                        continue
                    # an Arabic word without a cue (a headline word written again) only by the short-vowel rule
                    ok = (cand.cue > 0 or cand.keys[0].script != "arabic") and self._fits(cand, ck, cc, abroad)
                    if not ok and (town_word or not abroad) and pop >= SHORT_VOWEL_POP:
                        ok = _short_vowels_fit(cand, ck, cc)
                    if not ok:
                        continue
                    if best is None or self._records[i].population > self._records[best].population:
                        best = i
        return best

    def match_learned(self, cand: Candidate, countries: set[str], follow: str = "", home: tuple[str, ...] = ()
                      ) -> int | None:
        """The record index of a city of a country the text names that ``cand`` spells by the learned
        transducer (:mod:`newsweave.annotate.entities.translit_model`), word by word; None if none. For
        what the consonant keys cannot meet: a short key after "in" («στο Μαράουι», «قرب مراوي»: m-r), a
        two-word name («Σέστο Φιορεντίνο»), a consonant cluster the key splits («Πλζεν»). Only after a place
        cue, only towns of at least ``LEARNED_MIN_POP`` people outside the Arabic-speaking countries, and in
        Arabic only words rarer than ``wordfreq_rank.RARE`` in Arabic text; not the towns of ``home`` (the
        language's own countries: GeoNames names their towns in that script, so a town it lacks is a smaller
        one than any we hold: «Καλαμπάκα» is not Kalamata), nor a name that goes on after a linking word
        (``follow``, the text after the candidate: «Σάο Ζοζέ ντους Πινιάις» is not São José). The best score
        wins, then the most populous."""
        from newsweave.annotate.entities.translit_model import score_across_scripts

        if cand.cue < WEAK_CUE or cand.clitic or not countries or _NAME_GOES_ON.match(follow):
            return None
        words = cand.surface.split()
        if cand.keys and cand.keys[0].script == "arabic":
            from newsweave.annotate.wordfreq_rank import RARE, zipf

            if any(zipf(norm(w), "ar") >= RARE for w in words):
                return None
        firsts = tuple(_first_class(w) for w in words)
        best: tuple[float, int] | None = None
        for cc in sorted(countries - ARABIC_CCS - set(home)):
            for i, latin, lfirsts in self._latin_words(cc):
                # cheap tests first: as many words, the same first consonant class, letters in proportion
                if lfirsts != firsts or len(latin) != len(words) or not all(
                        _length_fits(a, b) for a, b in zip(latin, words)):
                    continue
                score = min(score_across_scripts(a, b) for a, b in zip(latin, words))
                if score >= LEARNED_MIN_SCORE and (best is None or (score, self._records[i].population) >
                                                   (best[0], self._records[best[1]].population)):
                    best = (score, i)
        return best[1] if best else None

    def _latin_words(self, cc: str) -> list[tuple[int, list[str], tuple[str, ...]]]:
        got = self._learned.get(cc)
        if got is None:
            got = self._learned[cc] = [
                (i, ws, tuple(_first_class(w) for w in ws)) for i in self._by_cc.get(cc, [])
                if self._records[i].population >= LEARNED_MIN_POP
                for f in _spoken_forms(self._records[i].name, cc)
                for ws in _without_city(f.replace("-", " ").split())
            ]
        return got

    @staticmethod
    def _fits(cand: Candidate, ck: tuple[Key, ...], cc: str | None, abroad: bool) -> bool:
        n_cons = min(sum(len(k.cons.replace("'", "")) for k in ks) for ks in (ck, cand.keys))
        if abroad and n_cons < 4:
            return False  # a big city of a country the text does not name: only on a long key
        arabic = cand.keys[0].script == "arabic"
        if arabic and cc in ARABIC_CCS:
            # an Arabic town: its Arabic name leaves short vowels out, so only the consonants can be
            # compared, and only right after «مدينة», «بلدة», «قرية» (GeoNames has the bigger ones anyway)
            return cand.cue >= TOWN_CUE and n_cons >= MIN_CONSONANTS and all(
                a.cons == b.cons and b.vowels <= a.vowels for a, b in zip(ck, cand.keys))
        if arabic and _NATIVE_LETTERS.intersection(cand.surface):
            return False  # «معركة», «غضون», «حسابات»: letters Arabic hardly uses for foreign names
        if n_cons < MIN_CONSONANTS:
            # a short key must be exact, right after a town word («مدينة», «πόλη») or, in Greek, a cue;
            # a word of three letters only right after a town word («مدينة غاب»: Gap)
            need = STRONG_CUE if arabic else WEAK_CUE
            letters = sum(c.isalpha() for c in cand.surface)
            if cand.cue < need or cand.clitic or letters < 3 or (letters < 4 and cand.cue < TOWN_CUE):
                return False
            return all(a.cons == b.cons and vowels_fit(a, b) for a, b in zip(ck, cand.keys))
        return all(keys_match(a, b) for a, b in zip(ck, cand.keys))


# Countries whose towns' names are read in Spanish: j and g before e/i are a velar fricative, which Arabic
# writes خ and Greek χ («الخيسيراس», «Γκουανταλαχάρα»), not ج/γ.
_HISPANIC = frozenset("ES MX GT HN SV NI CR PA CU DO PR CO VE EC PE BO CL AR UY PY".split())
_SPANISH_VELAR = re.compile(r"j|g(?=[eiéí])", re.IGNORECASE)


# Latin "ch" (not "sch", "tch") is read k (Italian, Romanian), sh/tsh (English, French, Spanish: Arabic ش/تش,
# Greek τσ/σ: «مانشستر» Manchester) or kh (German, Dutch, Polish: Arabic خ, Greek χ: «زيورخ» Zürich).
_CH = re.compile(r"(?<![st])ch", re.IGNORECASE)
_CH_IS_K = frozenset("RO MD IT SM".split())  # Romanian, Italian "ch" is only k («دروس» is not Drochia)


# Romanian ţ/ț and ş/ș are "ts" and "sh": Greek and Arabic spell them so (τσ, σ; تس, ش)
_RO_AFFRICATE = re.compile("[ţțşșŢȚŞȘ]")
_RO_SOUNDS = {"ţ": "ts", "ț": "ts", "ş": "sh", "ș": "sh"}


def _spoken_forms(name: str, cc: str | None) -> tuple[str, ...]:
    """The Latin name as written, and as it may sound: for a Hispanic country's town with j or ge/gi
    "Jerez" as "Herez", "Algeciras" as "Alheciras"; a Romanian or Moldovan town's ţ and ş as "ts" and "sh"
    ("Bălţi" as "Băltsi"); a "ch" also as "sh" and "kh" (see ``_CH``; not in
    Romanian or Italian towns), so that its Arabic or Greek spelling meets it."""
    forms = [name]
    if cc in _HISPANIC and _SPANISH_VELAR.search(name):
        forms.append(_SPANISH_VELAR.sub("h", name))
    if cc in _CH_IS_K and _RO_AFFRICATE.search(name):  # "Bălţi" sounds "Băltsi" («Μπέλτσι», «بالتسي»)
        forms.append(_RO_AFFRICATE.sub(lambda m: _RO_SOUNDS[m.group().lower()], name))
    for f in list(forms):
        if cc not in _CH_IS_K and _CH.search(f):
            forms += [_CH.sub("sh", f), _CH.sub("kh", f)]
    return tuple(forms)


def _short_vowels_fit(cand: Candidate, ck: tuple[Key, ...], cc: str | None) -> bool:
    """An Arabic word that writes only some vowels of a big foreign city's Latin name: the same consonant
    classes (at least ``SHORT_VOWEL_CONSONANTS``), every written vowel at a Latin vowel's place with a class
    in common, at least one written (see ``SHORT_VOWEL_POP``)."""
    if cand.keys[0].script != "arabic" or cc in ARABIC_CCS or cand.clitic:
        return False
    if _NATIVE_LETTERS.intersection(cand.surface):
        return False
    if sum(len(k.cons) for k in cand.keys) < SHORT_VOWEL_CONSONANTS or cand.surface.startswith(_ARTICLE_CLITIC):
        return False  # «بالزهور» "with the flowers": a common noun with the article
    # unwritten vowels: at most two right after a town word («مدينة برمنغهام»); else («في», «إلى», or no
    # cue but in the headline and below) at most one, and at least two written («نوتنغهام»; not «في برنامج» "in the
    # programme", «في بلدان» "in countries")
    most, least = (2, 1) if cand.cue >= TOWN_CUE else (1, 2)
    written = omitted = 0
    for a, b in zip(ck, cand.keys):
        fits = [
            len(x.vowels) - len(y.vowels)
            for x in _variants(a)
            for y in _variants(b)
            if x.cons == y.cons and y.vowels and y.vowels <= x.vowels and _quality_fit(x, y) and (x is a or y is b)
        ]
        if not fits:
            return False
        omitted += min(fits)
        written += len(b.vowels) + b.open_end
    return omitted <= most and written >= least


def _quality_fit(latin: Key, other: Key) -> bool:
    """At each vowel slot ``other`` writes, a vowel class in common with ``latin`` (or no class known)."""
    qa = dict(latin.quality)
    for slot, cb in other.quality:
        ca = qa.get(slot, "*")
        if "*" not in ca and "*" not in cb and not set(ca) & set(cb):
            return False
    return True
