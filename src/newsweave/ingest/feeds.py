"""RSS and Atom feeds, parsed by feedparser."""

from __future__ import annotations

import datetime as dt
import hashlib
import html as htmllib
import re
from collections.abc import Iterator

from newsweave.model import QuarantineEntry, RawArticle

_TAG = re.compile(r"<[^>]+>")


def _strip_html(text: str) -> str:
    text = re.sub(r"</p\s*>|<br\s*/?>", "\n\n", text, flags=re.I)
    return htmllib.unescape(_TAG.sub("", text)).strip()


def read_feed(text: str, origin: str) -> Iterator[RawArticle | QuarantineEntry]:
    """Each feed item becomes an article; broken XML is quarantined with feedparser's reason.

    >>> next(read_feed("<rss><channel><item><title>T</title><description>Body</description>"
    ...                "<link>http://x/1</link></item></channel></rss>", "f.rss")).title
    'T'
    """
    import feedparser

    parsed = feedparser.parse(text)
    broken = ""
    if parsed.bozo:
        exc = parsed.get("bozo_exception")
        broken = f"broken feed XML ({getattr(exc, 'getMessage', lambda: str(exc))()})"
    if broken and not parsed.entries:
        yield QuarantineEntry("parse", f"{origin}: {broken}", text, origin)
        return
    site = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#{n}"
        body = ""
        if entry.get("content"):
            body = " ".join(c.get("value", "") for c in entry["content"])
        body = _strip_html(body or entry.get("summary", "") or "")
        title = _strip_html(entry.get("title", "") or "")
        key = entry.get("id") or entry.get("link") or f"{origin}#{n}:{title}"
        if not body and not title:
            why = f"{broken}: " if broken else ""
            yield QuarantineEntry("parse", f"{where}: {why}feed item has no title and no text", str(entry), where)
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.datetime(*stamp[:6], tzinfo=dt.UTC) if stamp else None
        yield RawArticle(
            id="feed_" + hashlib.sha1(key.encode()).hexdigest()[:16],
            title=title or body[:120],
            text=body or title,
            url=entry.get("link"),
            source=site,
            published=published,
            metadata={"feed": origin, **({"author": entry["author"]} if entry.get("author") else {})},
            origin=where,
            raw=str(entry),
        )
