"""Repeated material: the body printed twice, captions and credits printed twice."""

from __future__ import annotations

from .text import Line, ends_sentence

# A repeated line at most this long, not a sentence of prose, is a caption.
_CAPTION_MAX = 260
_QUOTES = "\"“”«„‘'"


def mark_duplicate_body(lines: list[Line]) -> None:
    """Mark the second copy of a body printed twice as ``duplicate_body``.

    Looks at the story lines left so far: if, from some line on, they repeat the
    opening lines in order (to the end, or for most of the first copy), that tail is
    the copy. A repeated paragraph elsewhere (a pull quote) keeps its first copy.
    """
    story = [ln for ln in lines if ln.kind is None]
    keys = [ln.text for ln in story]  # copies are verbatim: no need to fold long lines
    n = len(keys)
    for p in range(1, n):
        if keys[p] != keys[0]:
            continue
        # The copy runs as long as lines repeat with period p (a line printed three times
        # in a row is period 1, the whole body printed twice is period = its length).
        m = 0
        while p + m < n and keys[p + m] == keys[m]:
            m += 1
        long_enough = m >= 2 or len(keys[0]) >= 200
        if long_enough and (p + m == n or m >= 0.8 * p):
            for ln in story[p : p + m]:
                ln.drop("duplicate_body", "body printed a second time")
            break
    # Single repeated paragraphs of prose (not captions): keep the first.
    seen: set[str] = set()
    for ln in lines:
        if ln.kind is not None:
            continue
        if ln.text in seen and _prose(ln):
            ln.drop("duplicate_body", "paragraph repeated")
        seen.add(ln.text)


def _prose(ln: Line) -> bool:
    return len(ln.text) > _CAPTION_MAX or (ln.text[:1] in _QUOTES and ends_sentence(ln.text))


def collect_captions(lines: list[Line]) -> list[str]:
    """Keep one copy of each caption/credit; the others become ``duplicate_caption``.

    Labelled captions and credits were found by the boilerplate pass. A short line that
    appears twice in the story is a caption too (photo galleries print it above and
    below the picture); all its copies leave the body. Returns the captions, in order.
    """
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.kind is None:
            counts[ln.text] = counts.get(ln.text, 0) + 1
    repeated = [
        ln for ln in lines if ln.kind is None and 2 <= counts[ln.text] <= 3 and len(ln.text) <= _CAPTION_MAX
    ]
    # Never empty the body this way: a text made only of repeats is not captions.
    if repeated and len(repeated) < sum(counts.values()):
        for ln in repeated:
            ln.drop("caption", "caption printed twice")
    captions: list[str] = []
    seen: set[str] = set()
    for ln in lines:
        if ln.kind not in ("caption", "credit"):
            continue
        if ln.key in seen:
            ln.drop("duplicate_caption", "caption or credit printed again")
        else:
            seen.add(ln.key)
            captions.append(ln.text)
    return captions
