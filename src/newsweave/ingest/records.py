"""Turn one received record (a dict from JSONL, CSV, a feed, the API) into a RawArticle.

This is the validation edge: everything after it can trust the types. Errors
are ``RecordError`` with a message that says what to fix.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from newsweave.model import RawArticle

KNOWN_FIELDS = ("id", "title", "text", "url", "source", "published", "language")
REQUIRED_FIELDS = ("id", "title", "text")
# A publication date this far ahead of the clock is a data error, not news from the future.
FUTURE_TOLERANCE = dt.timedelta(days=1)


class RecordError(ValueError):
    """A record that cannot become an article, with the reason in plain words."""


def parse_published(value: Any, now: dt.datetime | None = None) -> dt.datetime | None:
    """Parse an ISO 8601 date or datetime into an aware datetime.

    The source's UTC offset is kept: "yesterday" in a story published just after
    local midnight means the local yesterday. A date alone means midnight UTC; a
    naive datetime is taken as UTC.

    >>> parse_published("2026-03-13T09:40:00+02:00").isoformat()
    '2026-03-13T09:40:00+02:00'
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise RecordError(f"published must be an ISO 8601 string, got {type(value).__name__}")
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        if len(text) == 10:
            parsed = dt.datetime.combine(dt.date.fromisoformat(text), dt.time(), tzinfo=dt.UTC)
        else:
            parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        raise RecordError(f"published {value!r} is not an ISO 8601 date or datetime") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    if parsed > now + FUTURE_TOLERANCE:
        raise RecordError(f"published {value!r} is in the future (now is {now.date().isoformat()})")
    if parsed.year < 1900:
        raise RecordError(f"published {value!r} is before 1900")
    return parsed


def record_to_raw(record: Any, origin: str, raw: str | None = None) -> RawArticle:
    """Validate a record and build the RawArticle; unknown fields become metadata.

    >>> record_to_raw({"id": "a1", "title": "T", "text": "Body"}, "demo:1").id
    'a1'
    """
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object with id, title and text, got {type(record).__name__}")
    missing = [f for f in REQUIRED_FIELDS if f not in record or record[f] is None]
    if missing:
        raise RecordError(f"missing required field{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    for f in ("id", "title", "text"):
        if not isinstance(record[f], (str, int)):
            raise RecordError(f"field {f!r} must be a string, got {type(record[f]).__name__}")
    rid, title, text = str(record["id"]).strip(), str(record["title"]).strip(), str(record["text"])
    if not rid:
        raise RecordError("field 'id' is empty")
    if len(rid) > 512:
        raise RecordError(f"field 'id' is {len(rid)} characters long; 512 at most")
    if not text.strip() and not title:
        raise RecordError("the article has no text and no title (zero-length)")
    if not text.strip():
        raise RecordError("field 'text' is empty (zero-length text)")
    language = record.get("language")
    if language is not None and (not isinstance(language, str) or not 2 <= len(language.strip()) <= 3):
        raise RecordError(f"language {language!r} is not an ISO 639-1 code")
    return RawArticle(
        id=rid,
        title=title,
        text=text,
        url=_opt_str(record.get("url")),
        source=_opt_str(record.get("source")),
        published=parse_published(record.get("published")),
        language=language.strip().lower() if isinstance(language, str) else None,
        metadata={k: v for k, v in record.items() if k not in KNOWN_FIELDS},
        origin=origin,
        raw=raw if raw is not None else json.dumps(record, ensure_ascii=False),
    )


def _opt_str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None
