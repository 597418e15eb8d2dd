"""A second, unrelated story glued after the article: find where it starts.

TextTiling-style lexical cohesion, made conservative for news. Paragraphs become sets
of content-word stems (folded, transliterated, stopwords dropped, 5-letter prefixes).
For each possible break before paragraph *b* we ask:

* how much of the tail's vocabulary already occurs in the title and the paragraphs
  above (``cover``), and how much of the title + lead recurs in the tail (``keep``);
* whether the tail hangs together on its own (``cohesion``: its first paragraph versus
  the rest of the tail);
* whether the break looks like a story start: a short title-like line, or a dateline
  ("ATHENS (Reuters) -", «القاهرة -», "PARIS, 3 mars (AFP) -").

Measured on the fixtures, overlap alone separates poorly (a short closing paragraph of
the same story can share nothing with the lead), so overlap is only trusted together
with a story-start signal: title line *and* a clear dateline (overlap < 0.2), title
line and a "Place –" opening (< 0.1), one clear signal (< 0.08), or, with no signal
at all, zero overlap plus a long tail of three or more paragraphs that hang together,
or a clean vocabulary break (:func:`_cohesion_drop`: a tail of three or more paragraphs,
after four or more, that shares almost no content word with the title and the article,
paragraph by paragraph), used only when no later break has a story-start signal.
Anything less is left in the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import wordlists as wl
from .text import (
    Line,
    ends_sentence,
    fold,
    fold_all,
    is_headline_like,
    is_paragraph_like,
    translit,
    trie_regex,
)

_STOP = frozenset(
    {fold(w) for ws in wl.STOPWORDS.values() for w in ws}
    | {translit(fold(w)) for ws in wl.STOPWORDS.values() for w in ws}
)
_WORD = re.compile(r"\w+")
_AR_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
_STEMS: dict[str, str] = {}  # folded word -> stem ("" for none); words recur across articles


def _stem(w: str) -> str:
    if len(w) < 3 or w in _STOP or w.isdigit():
        return ""
    if "\u0600" <= w[0] <= "\u06ff":
        # anyascii drops alif and turns ain/hamza into quotes: keep Arabic native,
        # without the article «ال» and its clitics.
        for p in _AR_PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p) :]
                break
        return w[:5] if len(w) >= 3 and w not in _STOP else ""
    if len(w) < 4:
        return ""
    t = translit(w)
    if not t.isalnum():
        t = "".join(ch for ch in t if ch.isalnum())
    return t[:5] if len(t) >= 4 and t not in _STOP else ""


def content_stems(words: Iterable[str]) -> set[str]:
    """Stems of the content words among folded ``words``: transliterated 5-letter prefixes.

    Transliteration lets a name written in two scripts meet; the 5-letter prefix is a
    crude stemmer that works well enough for Greek, Romanian, Russian and Arabic.

    >>> sorted(content_stems(fold("Floods in Thessaly: Thessalian farmers").split()))
    ['farme', 'flood', 'thess']
    """
    out: set[str] = set()
    cache = _STEMS
    for w in words:
        s = cache.get(w)
        if s is None:
            s = _stem(w)
            if len(cache) < 500_000:
                cache[w] = s
        if s:
            out.add(s)
    return out


_AGENCY = trie_regex(set(wl.DATELINE_AGENCIES) | set(fold_all(wl.DATELINE_AGENCIES)))
_CAPS = "A-ZÀ-ÞĂÂÎȘȚŞŢĞİŁŃŚŹŻĆĘĄΑ-ΩΆ-ΏА-ЯЁ"
_DATELINE = re.compile(
    # ALL-CAPS place: "ATHENS -", "BUCUREȘTI, 12 martie -", «ΑΘΗΝΑ.»
    rf"^[{_CAPS}][{_CAPS}'’ .-]{{2,30}}(?:,\s*[\w .]{{2,25}})?\s*(?:\([^)]{{2,30}}\))?\s*[-–—:.]\s"
    # Any place with an agency: "Paris (AFP) -", «Αθήνα (ΑΠΕ-ΜΠΕ) -»
    rf"|^[^\W\d_][\w'’. -]{{1,40}}?\s*[(\[](?:{_AGENCY})[)\]]\s*[-–—:.]?\s"
    # One or two words and a dash: «القاهرة - », "Berlin – "
    r"|^[^\W\d_][\w'’.]*(?: [^\W\d_][\w'’.]*)?\s*(?:\([^)]{1,30}\))?\s*[-–—]\s",
    re.I,
)
_DATELINE_CAPS = re.compile(rf"^[{_CAPS}][{_CAPS}'’ .-]{{2,30}}(?:,|\s*\(|\s*[-–—:.]\s)")


def _dateline(text: str) -> int:
    """2 for a clear dateline (capitals or an agency), 1 for "Place – ", 0 for none."""
    head = text[:60]
    if not (head[:3].isupper() or "(" in head or "[" in head or "-" in head or "–" in head or "—" in head):
        return 0  # cheap test first: every dateline form needs one of these
    m = _DATELINE.match(text)
    if not m:
        return 0
    head = m.group(0)
    # The first alternative needs real capitals (re.I would accept "Athens -").
    if _DATELINE_CAPS.match(head) or "(" in head or "[" in head:
        return 2
    return 1 if _short_dash(head) else 0


def _short_dash(head: str) -> bool:
    words = re.split(r"\s*[-–—]\s*$", head.strip())[0].split()
    return 1 <= len(words) <= 2 and all(not w[0].islower() for w in words)


def _overlap(a: set[str], b: set[str]) -> float:
    """Share of ``b`` found in ``a``."""
    return len(a & b) / len(b) if b else 0.0


def find_break(title: str, paragraphs: list[str], words: list[Iterable[str]] | None = None) -> int | None:
    """Index of the first paragraph of a glued unrelated story, or None.

    >>> find_break("Floods in Thessaly", [
    ...     "Floods hit farms across Thessaly on Monday after three days of rain, officials said.",
    ...     "Farmers in Thessaly lost their cotton and wheat crops to the floods, the ministry added.",
    ...     "Champions League final set for Wembley",
    ...     "LONDON (Reuters) - UEFA confirmed Wembley stadium will host the final in June."])
    2
    """
    n = len(paragraphs)
    if n < 2:
        return None
    if words is None:
        words = [_WORD.findall(fold(p)) for p in paragraphs]
    stems = [content_stems(w) for w in words]
    title_stems = content_stems(_WORD.findall(fold(title)))
    lengths = [len(p) for p in paragraphs]
    total = sum(lengths)
    suffix: list[set[str]] = [set() for _ in range(n + 1)]  # suffix[b] = stems of paragraphs b..
    for i in range(n - 1, -1, -1):
        suffix[i] = suffix[i + 1] | stems[i]
    article = set(title_stems)
    lead = title_stems | stems[0]
    lexical: int | None = None  # a break found by the vocabulary alone (no headline, no dateline)
    for b in range(1, n):
        article |= stems[b - 1]
        before_chars = sum(lengths[:b])
        after_chars = total - before_chars
        if before_chars < 150 or after_chars < 100:
            continue
        if not ends_sentence(paragraphs[b - 1]):
            continue  # "The measures include:" then a list, or a heading: not a story's end
        tail = suffix[b]
        if len(tail) < 5 or len(article) < 5:
            continue
        cover = _overlap(article, tail)  # share of the tail's words already in the article
        keep = _overlap(tail, lead)  # share of the title + lead that recurs in the tail
        if cover >= 0.2 or keep >= 0.2:
            continue  # the same story goes on: no signal could justify a cut
        head = (
            b + 1 < n
            and paragraphs[b][:1].isalnum()
            and is_headline_like(paragraphs[b])
            and 2 <= len(paragraphs[b].split()) <= 20
            and is_paragraph_like(paragraphs[b + 1])
        )
        start = b + 1 if head else b
        date = _dateline(paragraphs[start]) if start < n else 0
        body_chars = total - sum(lengths[:start])
        if head and date == 2:
            ok = cover < 0.2 and keep < 0.2
        elif head and date == 1:
            ok = cover < 0.1 and keep < 0.1
        elif head or date == 2:
            ok = cover < 0.08 and keep < 0.08 and body_chars >= 250
        else:
            # No sign of a new story: only a long, self-contained tail sharing nothing.
            ok = False
            if (
                n - start >= 3
                and b >= 3
                and before_chars >= 600
                and after_chars >= 600
                and cover <= 0.03
                and keep <= 0.03
            ):
                first, rest = stems[start], suffix[start + 1]
                ok = len(first & rest) / max(1, min(len(first), len(rest))) >= 0.2
            if not ok and lexical is None and _cohesion_drop(stems, article, b, n, before_chars, after_chars, cover, keep):
                # Kept only if no later break has a story-start signal: a closing paragraph of the
                # story can share nothing with the rest and sit just above a glued story's headline.
                lexical = b
        if ok:
            return b
    return lexical


LEXICAL_TAIL_PARAS = 3  # a topic break with no headline or dateline: a tail of 3+ paragraphs ...
LEXICAL_MAX_COVER = 0.05  # ... whose vocabulary is (almost) all new to the article ...
LEXICAL_MAX_KEEP = 0.08  # ... which names (almost) nothing of the title and lead ...
LEXICAL_MAX_CROSS = 0.15  # ... and no tail paragraph shares more than this with the article


def _cohesion_drop(
    stems: list[set[str]], article: set[str], b: int, n: int, before_chars: int, after_chars: int,
    cover: float, keep: float,
) -> bool:
    """A glued story without a headline line or a dateline: the vocabulary breaks cleanly at ``b``.

    Stopwords are already gone (per language, in ``content_stems``), so what is compared is the
    content: the tail's paragraphs must each share (almost) nothing with the article above,
    while the article is long enough (4+ paragraphs) for "nothing shared" to mean something.
    """
    if n - b < LEXICAL_TAIL_PARAS or b < 4 or before_chars < 450 or after_chars < 350:
        return False
    if cover > LEXICAL_MAX_COVER or keep > LEXICAL_MAX_KEEP:
        return False
    return all(_overlap(article, stems[i]) <= LEXICAL_MAX_CROSS for i in range(b, n) if stems[i])


def mark_unrelated(lines: list[Line], title: str) -> None:
    """Drop a glued unrelated story (and everything of the story after it) as ``unrelated``."""
    story = [ln for ln in lines if ln.kind is None]
    if len(story) < 3:
        return
    b = find_break(title, [ln.text for ln in story], [ln.tokens for ln in story])
    if b is None:
        return
    start = lines.index(story[b])
    for ln in lines[start:]:
        if ln.kind is None:
            ln.drop("unrelated", "a second, unrelated story glued after the article")
