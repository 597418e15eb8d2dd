"""The clean stage: a RawArticle in, an Article with only the story text out."""

from __future__ import annotations

from newsweave.model import Article, RawArticle, Removed

from .boilerplate import classify, mark_structure
from .dedup import content_hash
from .encoding import repair_text
from .html import extract_html, html_captions, looks_like_html, page_lines
from .repeats import collect_captions, mark_duplicate_body
from .text import Line, fold, split_lines
from .topic_break import mark_unrelated


def clean_lines(text: str, title: str) -> tuple[list[str], list[Removed], list[str]]:
    """Clean already extracted text: ``(kept paragraphs, removed pieces, captions)``.

    >>> kept, removed, caps = clean_lines("Home | World | Politics\\nRain hit Patras on Monday.", "Rain")
    >>> kept, [r.kind for r in removed]
    (['Rain hit Patras on Monday.'], ['navigation'])
    """
    lines = [Line(t) for t in split_lines(text)]
    title_key = " ".join(fold(title).split())
    for ln in lines:
        classify(ln)
    mark_structure(lines, title_key)
    mark_duplicate_body(lines)
    captions = collect_captions(lines)
    mark_unrelated(lines, title)
    kept = [ln.text for ln in lines if ln.kind is None]
    return kept, _group_removed(lines), captions


def _group_removed(lines: list[Line], prefix: str = "") -> list[Removed]:
    """One Removed per run of consecutive lines with the same kind and reason."""
    out: list[Removed] = []
    prev: Line | None = None
    for ln in lines:
        if ln.kind is None:
            prev = None
            continue
        if prev is not None and out and prev.kind == ln.kind and prev.reason == ln.reason:
            out[-1].text += "\n" + ln.text
        else:
            out.append(Removed(kind=ln.kind, text=ln.text, reason=prefix + ln.reason))
        prev = ln
    return out


def _dropped_by_extraction(html: str, kept: str, title: str) -> list[Removed]:
    """What the HTML extraction left out, labelled by the same line classifier.

    Lines found in the kept text (or the title, captions) are not listed; anything the
    classifier cannot name is "boilerplate" (it was outside the main text).
    """
    kept_key = " ".join(fold(kept).split())
    title_key = " ".join(fold(title).split())
    lines = []
    for text in page_lines(html):
        ln = Line(repair_text(text))
        if ln.key and ln.key not in kept_key and ln.key != title_key:
            lines.append(ln)
    for ln in lines:
        classify(ln)
    mark_structure(lines, title_key)
    for ln in lines:
        if ln.kind is None:
            ln.drop("boilerplate", "outside the main text")
    return _group_removed(lines, prefix="dropped by HTML extraction: ")


def clean_article(raw: RawArticle) -> Article:
    """Clean one article: repaired text, story paragraphs only, noise listed in ``removed``.

    HTML pages (detected from the text) are first reduced to their main text with
    trafilatura; ``<figcaption>`` texts go to ``captions``. Language, dates, places and
    entities are left empty for the annotate stage.

    >>> a = clean_article(RawArticle(id="a1", title="Floods in Patras",
    ...     text="Share on Facebook\\nHeavy rain flooded Patras on Monday.\\n3 comments"))
    >>> a.text, sorted(r.kind for r in a.removed)
    ('Heavy rain flooded Patras on Monday.', ['comments', 'share'])
    """
    title = " ".join(repair_text(raw.title or "").split())
    text = raw.text or ""
    metadata = dict(raw.metadata)
    extra_captions: list[str] = []
    extra_removed: list[Removed] = []
    html: str | None = None
    if looks_like_html(text):
        html = text
        page = extract_html(text, raw.url)
        extra_captions = [repair_text(c) for c in html_captions(text)]
        extra_removed = [
            Removed(kind="caption", text=c, reason="figcaption in the HTML page") for c in extra_captions
        ]
        if not title and page["title"]:
            title = " ".join(repair_text(page["title"]).split())
        for key in ("author", "date", "site"):
            if page[key] and key not in metadata:
                metadata[key] = page[key]
        text = page["text"] or ""
    text = repair_text(text)
    kept, removed, captions = clean_lines(text, title)
    seen = {fold(c) for c in captions}
    for cap in extra_captions:
        if fold(cap) not in seen:
            seen.add(fold(cap))
            captions.append(cap)
    body = "\n\n".join(kept)
    if html is not None:
        extra_removed += _dropped_by_extraction(html, body + "\n" + "\n".join(captions), title)
    return Article(
        id=raw.id,
        title=title,
        text=body,
        published=raw.published,
        source=raw.source,
        url=raw.url,
        metadata=metadata,
        seq=raw.seq,
        removed=extra_removed + removed,
        captions=captions,
        content_hash=content_hash(title, body),
    )
