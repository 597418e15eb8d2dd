"""Small text helpers shared by the cleaners: folding, line splitting, line shape.

Everything here runs once per line in a hot loop, so it leans on C-level work
(``casefold``, ``unicodedata.normalize``, ``split``/``strip``, one regex) and on
per-word caches instead of per-character Python loops.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

# Combining marks (Latin/Greek accents, Romanian comma/cedilla, Cyrillic titlo) and
# Arabic harakat, hamza marks and tatweel: dropped when folding so that «Κοινοποίηση» ==
# «ΚΟΙΝΟΠΟΙΗΣΗ» and «اقرأ أيضاً» == «اقرا ايضا» (أ/إ/آ decompose to ا + a mark).
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)


def fold(text: str) -> str:
    """Case-, accent- and diacritic-insensitive form used for all word-list matching.

    >>> fold("Citește ȘI") == fold("citeste si"), fold("اقرأ أيضاً")
    (True, 'اقرا ايضا')
    """
    text = text.casefold()
    if text.isascii():
        return text
    text = _MARKS.sub("", unicodedata.normalize("NFD", text))
    if "\u0649" in text or "\u0671" in text:  # alif maqsura / wasla written for ya / alif
        text = text.replace("\u0649", "\u064a").replace("\u0671", "\u0627")
    return text


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
        line = " ".join(raw.split())  # str.split knows NBSP and the other Unicode spaces
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
    return s2[-1] not in ".;…"


def is_paragraph_like(line: str) -> bool:
    """A line that reads as prose: a finished sentence of some length, or a long line.

    >>> is_paragraph_like("The vote is expected on Friday."), is_paragraph_like("Home")
    (True, False)
    """
    # Same rule as Line.para (on whitespace-collapsed text, words = spaces + 1).
    if len(line) >= 160:
        return True
    if line.startswith("(") and line.endswith(")") and len(line) >= 20:
        return True  # "(Reporting by ...; Editing by ...)"
    return ends_sentence(line) and line.count(" ") >= 4


@lru_cache(maxsize=200_000)
def translit(word: str) -> str:
    """ASCII form of one folded word (cached: words repeat across articles).

    >>> translit("θεσσαλια")
    'thessalia'
    """
    return anyascii(word).lower()


def trie_regex(words: Iterable[str]) -> str:
    """One regex alternation for many phrases, shaped as a character trie.

    Python's ``re`` tries alternatives one by one; a trie makes each position cost one
    branch per character instead of one attempt per phrase (10-50x faster here).

    >>> trie_regex(["share", "shares", "sharp"])
    'shar(?:es?|p)'
    """
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(root) if root else "(?!)"


def _trie_pattern(node: dict) -> str:
    end = "" in node
    branches = []
    singles = []
    for ch in sorted(k for k in node if k):
        sub = _trie_pattern(node[ch])
        if sub:
            branches.append(re.escape(ch) + sub)
        else:
            singles.append(re.escape(ch))
    if singles:
        branches.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        single = len(branches) == 1 and (len(body) == 1 or body.startswith("["))
        body = body + "?" if single else f"(?:{body})?"
    return body


def fold_all(words: Iterable[str]) -> list[str]:
    """Folded copies of ``words``, longest first, duplicates dropped."""
    return sorted({fold(w) for w in words}, key=len, reverse=True)


class Gate:
    """Cheap pre-test for a phrase regex: does the line hold a key word of any phrase?

    Searching a line for hundreds of phrases is the costliest step of cleaning; a set
    intersection with the line's words rules most lines out first. Each phrase is
    represented by its longest word, which any match must contain as a whole word.

    >>> Gate(["sign up for", "in your inbox"]).may(frozenset({"our", "inbox"}))
    True
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        keys = set()
        self.always = False
        for p in phrases:
            words = _WORD.findall(fold(p))
            if not words:
                self.always = True  # "©": nothing to look for
            else:
                keys.add(max(words, key=len))
        self.keys = frozenset(keys)

    def may(self, tokens: Iterable[str]) -> bool:
        return self.always or not self.keys.isdisjoint(tokens)


class StartGate:
    """Like :class:`Gate`, for phrases that must open the line: tests the first word only."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.firsts = frozenset(m.group(0) for p in phrases if (m := _WORD.match(fold(p))))

    def may(self, tokens: list[str]) -> bool:
        return bool(tokens) and tokens[0] in self.firsts


# Punctuation stripped from the ends of a whitespace-separated word.
_PUNCT = "\"'“”„‘’«»‹›()[]{}<>.,;:!?…–—-‐/\\|•·*#@%&+=~^`_،؛؟۔。、，：；！？"
_FOLDED_WORDS: dict[str, str] = {}


def words_of(text: str) -> list[str]:
    """Folded words of a line, in order (the \\w+ runs of :func:`fold`, but faster).

    Splitting on spaces and stripping punctuation in C is ~3x faster than a \\w+ regex
    over Unicode text, and each distinct word is folded once per process.

    >>> words_of("«Κοινοποίηση» e-mail, ȘTIRI!")
    ['κοινοποιηση', 'e', 'mail', 'stiri']
    """
    out: list[str] = []
    cache = _FOLDED_WORDS
    for w in text.casefold().split():
        w = w.strip(_PUNCT)
        if not w:
            continue
        f = cache.get(w)
        if f is None:
            f = w if w.isascii() else fold(w)
            if len(cache) < 500_000:
                cache[w] = f
        if f.isalnum():
            out.append(f)
        else:  # "e-mail", "l'audience", "12:30", decomposed marks
            out.extend(_WORD.findall(f))
    return out


class Line:
    """One line of the text while it is being cleaned (internal; never leaves ``clean``).

    ``kind`` is None while the line is still taken for story text; ``flag`` holds a
    tentative label that a later, position-aware pass confirms or drops. The folded
    ``key`` is computed on first use: long story lines often never need it.
    """

    __slots__ = ("_key", "_tokens", "ends", "flag", "kind", "para", "reason", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self._key: str | None = None
        self._tokens: list[str] | None = None
        self.kind: str | None = None
        self.reason = ""
        self.flag = ""
        self.words = text.count(" ") + 1  # text is whitespace-collapsed: spaces + 1 = words
        self.ends = ends_sentence(text)
        # Prose: a finished sentence of some length, a long line, or "(Reporting by ...)".
        self.para = (
            len(text) >= 160
            or (self.ends and self.words >= 5)
            or (text[:1] == "(" and text[-1:] == ")" and len(text) >= 20)
        )

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = fold(self.text)
        return self._key

    @property
    def tokens(self) -> list[str]:
        """The folded words, in order: cheap gates before costly regexes, topic stems."""
        if self._tokens is None:
            self._tokens = words_of(self.text)
        return self._tokens

    def drop(self, kind: str, reason: str) -> None:
        self.kind = kind
        self.reason = reason
        self.flag = ""

    def __repr__(self) -> str:  # for debugging and test failure messages
        return f"Line({self.kind or '-'}:{self.flag or ''}:{self.text[:50]!r})"
