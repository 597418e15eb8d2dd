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

A background paragraph of the same story shares names and topic words with the title
and lead, so it is never cut. A cut needs near-zero overlap *and* a story-start signal,
or, without any signal, zero overlap plus a cohesive tail of several paragraphs.
"""

from __future__ import annotations

import re

from . import wordlists as wl
from .text import Line, content_stems, fold, is_headline_like, translit

_STOP = frozenset(
    {fold(w) for ws in wl.STOPWORDS.values() for w in ws}
    | {translit(fold(w)) for ws in wl.STOPWORDS.values() for w in ws}
)
_AGENCY = "|".join(re.escape(a) for a in sorted(wl.DATELINE_AGENCIES, key=len, reverse=True))
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


def _dateline(text: str) -> bool:
    m = _DATELINE.match(text)
    if not m:
        return False
    head = m.group(0)
    # The first alternative needs real capitals (re.I would accept "Athens -").
    return bool(_DATELINE_CAPS.match(head)) or "(" in head or "[" in head or _short_dash(head)


def _short_dash(head: str) -> bool:
    words = re.split(r"\s*[-–—]\s*$", head.strip())[0].split()
    return 1 <= len(words) <= 2 and all(not w[0].islower() for w in words)


def _overlap(a: set[str], b: set[str]) -> float:
    """Share of ``b`` found in ``a``."""
    return len(a & b) / len(b) if b else 0.0


def find_break(title: str, paragraphs: list[str]) -> int | None:
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
    stems = [content_stems(p, _STOP) for p in paragraphs]
    title_stems = content_stems(title, _STOP)
    lengths = [len(p) for p in paragraphs]
    total = sum(lengths)
    for b in range(1, n):
        before_chars = sum(lengths[:b])
        after_chars = total - before_chars
        if before_chars < 150 or after_chars < 100:
            continue
        head = is_headline_like(paragraphs[b]) and 2 <= len(paragraphs[b].split()) <= 20 and b + 1 < n
        start = b + 1 if head else b
        date = start < n and _dateline(paragraphs[start])
        article = set(title_stems).union(*stems[:b])
        lead = title_stems | stems[0]
        tail = set().union(*stems[b:])
        if len(tail) < 5 or len(article) < 5:
            continue
        cover = _overlap(article, tail)
        keep = _overlap(tail, lead)
        if head and date:
            ok = cover < 0.2 and keep < 0.2
        elif head or date:
            ok = cover < 0.1 and keep < 0.1
        else:
            ok = False
            if n - start >= 2 and before_chars >= 400 and after_chars >= 400 and cover < 0.06 and keep < 0.06:
                first, rest = stems[start], set().union(*stems[start + 1 :])
                cohesion = len(first & rest) / max(1, min(len(first), len(rest)))
                ok = cohesion >= 0.15
        if ok:
            return b
    return None


def mark_unrelated(lines: list[Line], title: str) -> None:
    """Drop a glued unrelated story (and everything of the story after it) as ``unrelated``."""
    story = [ln for ln in lines if ln.kind is None]
    if len(story) < 3:
        return
    b = find_break(title, [ln.text for ln in story])
    if b is None:
        return
    start = lines.index(story[b])
    for ln in lines[start:]:
        if ln.kind is None:
            ln.drop("unrelated", "a second, unrelated story glued after the article")
