"""Shared text machinery for the annotate stage: normalisation, tokens, inflection.

Everything here is tuned for speed: normalisation is one ``str.translate`` with a
table built once, tokenisation is one ``re.findall``. Matching elsewhere is done
on normalised text (lowercase, no accents, Greek final sigma folded, Arabic
letter variants folded, Arabic-Indic digits made ASCII), so that "Constanța",
"Constanta" and "CONSTANȚA" are one key, and «Αθήνα», «ΑΘΗΝΑ», «Αθηνα» too.

>>> norm("Πάτρας, Constanța, الإمارات")
'πατρασ, constanta, الامارات'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import compress

__all__ = [
    "Doc",
    "norm",
    "nword",
    "words",
    "script_of",
    "inflections",
    "WORD_RE",
    "UPPER_CLASS",
    "words_before",
]

WORD_RE = re.compile(r"\w+")

# Characters folded on top of Unicode decomposition (applied after lowercasing).
_FOLDS = (
    ("ς", "σ"),
    ("ı", "i"),
    ("ø", "o"),
    ("đ", "d"),
    ("ł", "l"),
    ("ħ", "h"),
    # Arabic letter variants (light normalisation used by most Arabic IR systems);
    # hamza/madda forms (أ إ آ ؤ ئ) already lose their marks in NFD.
    ("ٱ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
    ("ی", "ي"),  # Persian yeh
    ("ک", "ك"),  # Persian kaf
    ("ـ", ""),  # tatweel
    ("’", "'"),
    ("‘", "'"),
    ("ʼ", "'"),
)


def _build_folds() -> dict[str, str]:
    """Lowercase character -> folded form, for every character that changes."""
    extra = dict(_FOLDS)
    out: dict[str, str] = {}
    for cp in range(0x3000):
        ch = chr(cp)
        if ch in extra:
            out[ch] = extra[ch]
        elif unicodedata.combining(ch):
            out[ch] = ""
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            base = extra.get(base, base)
            if base != ch and len(base) == 1:
                out[ch] = base
    for i in range(10):  # Arabic-Indic and extended Arabic-Indic digits
        out[chr(0x0660 + i)] = str(i)
        out[chr(0x06F0 + i)] = str(i)
    return out


_FOLD_MAP = _build_folds()
_FOLD_KEYS = frozenset(_FOLD_MAP)

# Every uppercase / lowercase letter of the BMP blocks we care about, for regex character classes.
UPPER_CLASS = "".join(chr(cp) for cp in range(0x3000) if chr(cp).isupper())
LOWER_CLASS = "".join(chr(cp) for cp in range(0x3000) if chr(cp).islower())
_CAP_WORD = re.compile(f"[{re.escape(UPPER_CLASS)}]\\w*")
# letters of scripts without case (Arabic, Hebrew, Georgian, CJK…): every word may be a name
_UNCASED_LETTER = re.compile(
    "[\u05d0-\u05ea\u0620-\u064a\u0671-\u06d3\u10d0-\u10fa\u3040-\u9fff\uac00-\ud7af]"
)


def _find_whole(text: str, word: str) -> bool:
    i = text.find(word)
    n = len(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        i = text.find(word, i + 1)
    return False


_ARABIC_LETTER = re.compile("[\u0620-\u064a]")
_SENT_END = re.compile(r"[.!?؟…\n]")
_START = re.Match.start


def norm(text: str) -> str:
    """Lowercase, strip diacritics, fold letter variants. Length-preserving unless
    the text contains combining marks of its own (Arabic harakat, decomposed accents).

    >>> norm("Bucureștiului ΑΘΉΝΑ")
    'bucurestiului αθηνα'
    """
    s = text.lower()
    if not s.isascii():
        for ch in _FOLD_KEYS.intersection(s):
            s = s.replace(ch, _FOLD_MAP[ch])
    return s


@lru_cache(maxsize=200_000)
def nword(word: str) -> str:
    """:func:`norm` for one word, cached (words repeat across articles)."""
    return norm(word)


def words(text: str) -> list[str]:
    """Normalised word tokens.

    >>> words("Cluj-Napoca, l'Irak")
    ['cluj', 'napoca', 'l', 'irak']
    """
    return WORD_RE.findall(norm(text))


_REV_WORDS = re.compile(r"[ \t]+(\w+)(?:[ \t]+(\w+))?")


def words_before(text: str, i: int, span: int = 60) -> tuple[str | None, str | None]:
    """The word right before offset ``i`` and the one before it, when only spaces separate
    them from ``i`` ("in the Paris" at "Paris" → ("the", "in")). Matched on the reversed
    window: a C-speed anchored match instead of a search over every start position.

    >>> words_before("protests in Patras", 12)
    ('in', 'protests')
    >>> words_before("Patras, Greece", 8)
    (None, None)
    """
    m = _REV_WORDS.match(text[max(0, i - span) : i][::-1])
    if m is None:
        return None, None
    w2 = m.group(2)
    return m.group(1)[::-1], (w2[::-1] if w2 else None)


def script_of(word: str) -> str:
    """Coarse script of a word: latin, greek, cyrillic, arabic, hebrew or other.

    >>> script_of("Αθήνα"), script_of("الموصل"), script_of("Paris")
    ('greek', 'arabic', 'latin')
    """
    for ch in word:
        cp = ord(ch)
        if cp < 0x250:
            if ch.isalpha():
                return "latin"
            continue
        if 0x370 <= cp < 0x400 or 0x1F00 <= cp < 0x2000:
            return "greek"
        if 0x400 <= cp < 0x530:
            return "cyrillic"
        if 0x590 <= cp < 0x600:
            return "hebrew"
        if 0x600 <= cp < 0x700 or 0x750 <= cp < 0x780 or 0xFB50 <= cp < 0xFF00:
            return "arabic"
        if 0x1E00 <= cp < 0x1F00:
            return "latin"
        if ch.isalpha():
            return "other"
    return "other"


# ---------------------------------------------------------------------------
# Inflection: generate the forms a (normalised) name takes in running text.
# Used on the *index* side, so that lookups stay exact set/dict hits.
# ---------------------------------------------------------------------------

_GREEK_NOUN = (
    # (ending, replacements) on normalised text (no accents, final sigma = σ)
    ("ευσ", ("εωσ", "εα")),
    ("οσ", ("ου", "ο", "ε", "οι", "ων", "ουσ")),
    ("ασ", ("α",)),
    ("ησ", ("η",)),
    ("εσ", ("ων",)),
    ("οι", ("ων", "ουσ")),
    ("α", ("ασ", "ων")),
    ("η", ("ησ",)),
    ("ο", ("ου",)),
    ("ι", ("ιου",)),
)
_GREEK_ADJ = ("ου", "ο", "ε", "οι", "ων", "ουσ", "η", "ησ", "εσ", "α")

_RUSSIAN = (
    ("ия", ("ии", "ию", "ией")),
    ("ь", ("я", "и", "ю", "ем", "ью", "е")),
    ("а", ("ы", "е", "у", "ои", "и")),
    ("я", ("и", "е", "ю", "еи")),
    ("и", ()),
    ("ы", ("ам", "ах")),
)
_RU_CONSONANT_ENDINGS = ("а", "е", "у", "ом")

_ARABIC_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def _greek_forms(w: str, adjective: bool) -> set[str]:
    out = {w}
    if adjective and w.endswith("οσ") and len(w) > 4:
        stem = w[:-2]
        out.update(stem + e for e in _GREEK_ADJ)
        return out
    for end, reps in _GREEK_NOUN:
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)]
            out.update(stem + r for r in reps)
            break
    return out


_RU_ADJ = (  # adjective endings on normalised text (й folds to и): Северный Кордофан → Северном Кордофане
    ("ыи", ("ого", "ому", "ым", "ом", "ая", "ои", "ую", "ое", "ые", "ых", "ыми")),
    ("ии", ("его", "ему", "им", "ем", "яя", "еи", "юю", "ее", "ие", "их", "ими", "ого", "ому", "ом", "ая", "ую")),
    ("ои", ("ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми")),
)


def _russian_forms(w: str) -> set[str]:
    out = {w}
    if len(w) < 3:
        return out
    if len(w) > 5:
        for end, reps in _RU_ADJ:
            if w.endswith(end):
                stem = w[: -len(end)]
                out.update(stem + r for r in reps)
                return out
    for end, reps in _RUSSIAN:
        if w.endswith(end):
            stem = w[: -len(end)]
            out.update(stem + r for r in reps)
            return out
    if w[-1] in "бвгджзклмнпрстфхцчшщ":
        out.update(w + e for e in _RU_CONSONANT_ENDINGS)
    return out


def _romanian_forms(w: str) -> set[str]:
    out = {w}
    if len(w) < 3:
        return out
    last = w[-1]
    if last == "a":
        out.add(w[:-1] + "ei")
    elif last == "i":
        out.update((w + "ul", w + "ului", w[:-1] + "ului"))
    elif last == "u":
        out.update((w + "l", w + "lui"))
    elif last not in "aeiouy":
        out.update((w + "ul", w + "ului"))
    return out


def _arabic_forms(w: str) -> set[str]:
    out = {w}
    for p in _ARABIC_PREFIXES:
        out.add(p + w)
    if w.startswith("ال") and len(w) > 3:
        rest = w[2:]
        out.update(("لل" + rest, "ولل" + rest, "فلل" + rest))
    return out


def arabic_nisba(w: str) -> set[str]:
    """Forms of an Arabic relative adjective (nisba) ending in ي: عراقي → عراقيه, عراقيون...

    >>> sorted(arabic_nisba("عراقي"))[:2]
    ['العراقي', 'العراقيات']
    """
    out = {w}
    if w.endswith("ي"):
        out.update((w + "ه", w + "ون", w + "ين", w + "ات"))
    out |= {"ال" + x for x in out}
    return out


def inflections(name: str, *, romanian: bool = False, adjective: bool = False) -> set[str]:
    """Normalised surface forms of a normalised (possibly multi-word) name.

    Greek, Cyrillic and Arabic names always get their inflected forms; Latin names
    get Romanian definite/genitive forms when ``romanian`` is set (the caller
    decides for which names that is worth the index space).

    >>> sorted(inflections("πατρα"))
    ['πατρα', 'πατρασ', 'πατρων']
    """
    toks = name.split()
    if not toks:
        return set()
    sc = script_of(name)
    if sc == "arabic":
        # Prefixes attach to the first word only.
        return {" ".join([f] + toks[1:]) for f in _arabic_forms(toks[0])}
    if sc == "greek":
        per = [_greek_forms(t, adjective) if len(t) > 2 else {t} for t in toks]
    elif sc == "cyrillic":
        per = [_russian_forms(t) for t in toks]
    elif sc == "latin" and romanian:
        per = [{t} for t in toks[:-1]] + [_romanian_forms(toks[-1])]
    else:
        return {name}
    out = {""}
    for opts in per:
        out = {(o + " " + x) if o else x for o in out for x in opts}
        if len(out) > 64:
            break
    return out


# ---------------------------------------------------------------------------
# A document prepared once and shared by the extractors.
# ---------------------------------------------------------------------------


class Doc:
    """A text with its normalised form, shared by every extractor of one article.

    ``norm`` has the same length as ``text`` unless the text holds combining marks;
    :meth:`orig` maps offsets back in that case.
    """

    __slots__ = ("text", "norm", "language", "same", "arabic", "_map", "_tokens", "_tokset", "_caps", "_lower",
                 "_sents")  # fmt: skip

    def __init__(self, text: str, language: str | None = None):
        self.text = text
        self.norm = norm(text)
        self.same = len(self.norm) == len(text)  # offsets in norm and text coincide
        self.language = language or "und"
        self.arabic = self.language in ("ar", "fa", "ur") or _ARABIC_LETTER.search(text) is not None
        self._map: list[int] | None = None
        self._tokens: list[str] | None = None
        self._tokset: set[str] | None = None
        self._caps: set[str] | None = None
        self._lower: dict[str, bool] | None = None
        self._sents: list[int] | None = None

    @property
    def tokens(self) -> list[str]:
        """Normalised words, in order."""
        if self._tokens is None:
            self._tokens = WORD_RE.findall(self.norm)
        return self._tokens

    @property
    def tokset(self) -> set[str]:
        if self._tokset is None:
            self._tokset = set(self.tokens)
        return self._tokset

    @property
    def cap_tokens(self) -> set[str]:
        """Normalised forms of the words written with a capital (or in a script without case)."""
        if self._caps is None:
            text = self.text if self.same else unicodedata.normalize("NFC", self.text)  # "Πάτρα" in one piece
            caps = {nword(w) for w in set(_CAP_WORD.findall(text))}
            if _UNCASED_LETTER.search(self.text):
                caps.update(t for t in self.tokset if not t[0].islower() and not t[0].isdigit())
            self._caps = caps
        return self._caps

    def has_lower(self, word: str) -> bool:
        """Is ``word`` (as written, lowercase) used as a whole word in the text? "nice" vs "Nice"."""
        memo = self._lower
        if memo is None:
            memo = self._lower = {}
        got = memo.get(word)
        if got is None:
            got = memo[word] = _find_whole(self.text, word)
        return got

    def pairs(self, firsts: set[str] | frozenset[str]) -> set[str]:
        """Adjacent normalised word pairs ("new york") whose first word is in ``firsts``."""
        t = self.tokens
        return set(map(" ".join, compress(zip(t, t[1:]), map(firsts.__contains__, t))))

    def sentence_bounds(self) -> list[int]:
        """Offsets in ``text`` where sentences end (sorted)."""
        if self._sents is None:
            text = self.text
            n = len(text)
            self._sents = [
                i + 1
                for i in map(_START, _SENT_END.finditer(text))
                if text[i] == "\n" or i + 1 >= n or text[i + 1].isspace()
            ]
        return self._sents

    def orig(self, i: int) -> int:
        """Offset in ``text`` of offset ``i`` in ``norm``."""
        if self.same:
            return i
        if self._map is None:
            m: list[int] = []
            for j, ch in enumerate(self.text):
                m.extend([j] * len(norm(ch)))
            m.append(len(self.text))
            self._map = m
        return self._map[min(i, len(self._map) - 1)]

    def find_word(self, word: str, start: int = 0):
        """Yield offsets (in ``norm``) of whole-word occurrences of a normalised word or phrase."""
        n = self.norm
        ln = len(word)
        i = n.find(word, start)
        while i >= 0:
            before = n[i - 1] if i else " "
            after = n[i + ln] if i + ln < len(n) else " "
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                yield i
            i = n.find(word, i + 1)


_NEXT = re.compile(r"[ \t\-'.’]{1,2}(\w+)")


def following_words(text: str, end: int, first: str, max_words: int, first_pairs) -> tuple[list[str], list[int]]:
    """Up to ``max_words - 1`` words after ``first`` (ending at ``end``), for a longest-match lookup.

    Stops early when the first pair is not the start of any known multi-word name.

    >>> following_words("new york city hall", 3, "new", 4, {"new york"})
    (['york', 'city', 'hall'], [8, 13, 18])
    """
    ws: list[str] = []
    ends: list[int] = []
    e = end
    while len(ws) < max_words - 1:
        m = _NEXT.match(text, e)
        if not m:
            break
        ws.append(m.group(1))
        e = m.end()
        ends.append(e)
        if len(ws) == 1 and first + " " + ws[0] not in first_pairs:
            break
    return ws, ends
