"""Small text helpers shared by the cleaners: folding, line splitting, line shape.

Everything here is called once per line in a hot loop, so it leans on C-level
``str`` methods (``translate``, ``casefold``, ``unicodedata.normalize``) instead of
per-character Python loops.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

# Combining marks (Latin/Greek accents, Romanian comma/cedilla) and Arabic harakat,
# hamza carriers' marks and tatweel: dropped when folding so that «Κοινοποίηση» ==
# «ΚΟΙΝΟΠΟΙΗΣΗ» and «اقرأ أيضاً» == «اقرا ايضا».
_STRIP: dict[int, int | None] = {
    c: None for r in ((0x300, 0x2100), (0xFE20, 0xFE30)) for c in range(*r) if unicodedata.combining(chr(c))
}
_STRIP.update({0x0640: None})  # tatweel
# Arabic letter variants that writers use interchangeably.
_STRIP.update({0x0622: 0x0627, 0x0623: 0x0627, 0x0625: 0x0627, 0x0671: 0x0627, 0x0649: 0x064A})


def fold(text: str) -> str:
    """Case-, accent- and diacritic-insensitive form used for all word-list matching.

    >>> fold("Citește ȘI") == fold("citeste si")
    True
    """
    return unicodedata.normalize("NFD", text.casefold()).translate(_STRIP)


_WS = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def split_lines(text: str) -> list[str]:
    """Non-empty lines, stripped, inner runs of spaces (incl. NBSP) collapsed to one.

    Hard-wrapped paragraphs are re-joined: a line that does not end a sentence and is
    followed by one starting in lower case continues on it.

    >>> split_lines("Heavy rain flooded dozens of villages across the\\nnorth.\\n\\n  Second   line ")
    ['Heavy rain flooded dozens of villages across the north.', 'Second line']
    """
    out: list[str] = []
    joinable = False
    for raw in text.splitlines():
        line = _WS.sub(" ", raw).strip()
        if not line:
            joinable = False
            continue
        if joinable and out and line[0].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        last = out[-1]
        # Only long, unfinished lines can be the first half of a wrapped paragraph.
        joinable = len(last) >= 40 and not ends_sentence(last) and not last.endswith((":", ","))
    return out


_CLOSERS = "\"'”’»)]›」』"
_FINAL = ".!?…;؟。۔·"  # Greek question mark is ";" after NFC; Arabic "؟"; Urdu "۔"


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (after closing quotes/brackets).

    >>> ends_sentence("He said «no».»"), ends_sentence("Home | World")
    (True, False)
    """
    s = line.rstrip(_CLOSERS + " ")
    return bool(s) and s[-1] in _FINAL


_WORD = re.compile(r"\w+")


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def is_headline_like(line: str) -> bool:
    """A line shaped like the headline of another story: short, no full stop at the end.

    >>> is_headline_like("Storm Daniel: what we know"), is_headline_like("The vote is on Friday.")
    (True, False)
    """
    s = line.lstrip("-–—•·*►▸>» ").strip()
    if not s or len(s) > 200:
        return False
    s2 = s.rstrip(_CLOSERS + " ")
    if not s2:
        return False
    if s2[-1] in ".;…":
        return False
    return True


def is_paragraph_like(line: str) -> bool:
    """A line that reads as prose: a finished sentence of some length, or a long line.

    >>> is_paragraph_like("The vote is expected on Friday."), is_paragraph_like("Home")
    (True, False)
    """
    if len(line) >= 160:
        return True
    if line.startswith("(") and line.endswith(")") and len(line) >= 20:
        return True  # "(Reporting by ...; Editing by ...)"
    return ends_sentence(line) and word_count(line) >= 5


@lru_cache(maxsize=200_000)
def translit(word: str) -> str:
    """ASCII form of one folded word (cached: words repeat across articles).

    >>> translit("θεσσαλια")
    'thessalia'
    """
    return anyascii(word).lower()


_AR_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


def content_stems(text: str, stop: frozenset[str]) -> set[str]:
    """Stems of the content words of ``text``: folded, transliterated, 5-letter prefixes.

    Transliteration lets a name written in two scripts meet; the 5-letter prefix is a
    crude stemmer that works well enough for Greek, Romanian, Russian and Arabic
    (after dropping the article «ال»).

    >>> sorted(content_stems("Floods in Thessaly: Thessalian farmers", frozenset()))
    ['farme', 'flood', 'thess']
    """
    out: set[str] = set()
    for w in _WORD.findall(fold(text)):
        if len(w) < 3 or w in stop or w.isdigit():
            continue
        if "\u0600" <= w[0] <= "\u06ff":
            # anyascii drops alif and turns ain/hamza into quotes: keep Arabic native.
            for p in _AR_PREFIXES:
                if w.startswith(p) and len(w) - len(p) >= 3:
                    w = w[len(p) :]
                    break
            if len(w) >= 3 and w not in stop:
                out.add(w[:5])
            continue
        if len(w) < 4:
            continue
        t = translit(w)
        if not t.isalnum():
            t = "".join(ch for ch in t if ch.isalnum())
        if len(t) < 4 or t in stop:
            continue
        out.add(t[:5])
    return out


def fold_all(words: Iterable[str]) -> list[str]:
    """Folded copies of ``words``, longest first, duplicates dropped."""
    return sorted({fold(w) for w in words}, key=len, reverse=True)


class Line:
    """One line of the text while it is being cleaned (internal; never leaves ``clean``).

    ``kind`` is None while the line is still taken for story text; ``flag`` holds a
    tentative label that a later, position-aware pass confirms or drops.
    """

    __slots__ = ("text", "key", "kind", "reason", "flag", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.key = _WS.sub(" ", fold(text)).strip()
        self.kind: str | None = None
        self.reason = ""
        self.flag = ""
        self.words = word_count(text)

    def drop(self, kind: str, reason: str) -> None:
        self.kind = kind
        self.reason = reason
        self.flag = ""

    def __repr__(self) -> str:  # for debugging and test failure messages
        return f"Line({self.kind or '-'}:{self.flag or ''}:{self.text[:50]!r})"
