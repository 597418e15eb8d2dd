"""Model objects to and from the JSON kept in the store. One place, both backends."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from newsweave.model import (
    Article,
    DateMention,
    Entity,
    Event,
    LanguageSegment,
    NumberMention,
    Place,
    RawArticle,
    Removed,
    Story,
    to_json,
)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dumps(obj: Any) -> str:
    return _compact(to_json(obj))


# The one article field the ordered pass sets after the per-record stages (duplicate linking).
_LATE_FIELD = "duplicate_of"


def article_json_parts(article: Article) -> tuple[str, str]:
    """``dumps(article)`` in two pieces, the JSON objects of the fields before and after ``duplicate_of``.

    Pipeline workers serialise the article next to cleaning it; the ordered pass only fills in
    ``duplicate_of`` with :func:`join_article_json`, which gives exactly the bytes of ``dumps``.
    """
    d = to_json(article)
    keys = list(d)
    i = keys.index(_LATE_FIELD)
    return _compact({k: d[k] for k in keys[:i]}), _compact({k: d[k] for k in keys[i + 1 :]})


def join_article_json(parts: tuple[str, str], duplicate_of: str | None) -> str:
    """The stored JSON of an article from :func:`article_json_parts` and its ``duplicate_of``.

    >>> a = Article(id="a", title="t", text="x")
    >>> join_article_json(article_json_parts(a), "b") == dumps(Article(id="a", title="t", text="x", duplicate_of="b"))
    True
    """
    head, tail = parts
    mid = f'"{_LATE_FIELD}":' + _compact(duplicate_of)
    return "{" + ",".join(x for x in (head[1:-1], mid, tail[1:-1]) if x) + "}"


def parse_dt(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def place_from(d: dict | None) -> Place | None:
    return Place(**d) if d else None


def article_from(d: dict[str, Any]) -> Article:
    """Rebuild an Article from its stored JSON.

    >>> article_from({"id": "a", "title": "t", "text": "x"}).id
    'a'
    """
    d = dict(d)
    d["published"] = parse_dt(d.get("published"))
    d["event_date"] = parse_date(d.get("event_date"))
    d["removed"] = [Removed(**r) for r in d.get("removed", [])]
    d["dates"] = [
        DateMention(m["text"], parse_date(m["date"]), m["relative"], m.get("start", -1))  # type: ignore[arg-type]
        for m in d.get("dates", [])
    ]
    d["places"] = [Place(**p) for p in d.get("places", [])]
    d["entities"] = [Entity(**e) for e in d.get("entities", [])]
    d["numbers"] = [NumberMention(**n) for n in d.get("numbers", [])]
    d["segments_languages"] = [tuple(x) for x in d.get("segments_languages", [])]
    d["language_segments"] = [LanguageSegment(**x) for x in d.get("language_segments", [])]
    d.pop("vector", None)
    return Article(**d)


def raw_from(d: dict[str, Any]) -> RawArticle:
    d = dict(d)
    d["published"] = parse_dt(d.get("published"))
    return RawArticle(**d)


def event_from(d: dict[str, Any]) -> Event:
    d = dict(d)
    d.pop("size", None)
    d["date"] = parse_date(d.get("date"))
    d["first_seen"] = parse_dt(d.get("first_seen"))
    d["last_seen"] = parse_dt(d.get("last_seen"))
    d["location"] = place_from(d.get("location"))
    d["entities"] = [Entity(**e) for e in d.get("entities", [])]
    d["key_numbers"] = [NumberMention(**n) for n in d.get("key_numbers", [])]
    return Event(**d)


def event_json(e: Event) -> dict:
    """The ``events --json`` contract (issue 2), shared by the CLI, the API and the stored listings."""
    loc = e.location
    return {
        "id": e.id,
        "title": e.title,
        "summary": e.summary,
        "date": e.date.isoformat() if e.date else None,
        "location": (
            {"name": loc.name, "country_code": loc.country_code, "lat": loc.lat, "lon": loc.lon,
             "geonames_id": loc.geonames_id}
            if loc else None
        ),
        "entities": [{"name": x.name, "type": x.type, "count": x.count} for x in e.entities],
        "languages": e.languages,
        "article_ids": e.article_ids,
        "story_id": e.story_id,
        "first_seen": e.first_seen.isoformat() if e.first_seen else None,
        "last_seen": e.last_seen.isoformat() if e.last_seen else None,
        "size": e.size,
        "category": e.category,
        "breaking": e.breaking,
        "titles": e.titles,
        "key_numbers": [{"value": n.value, "text": n.text, "sentence": n.sentence} for n in e.key_numbers],
    }


def story_from(d: dict[str, Any]) -> Story:
    d = dict(d)
    d["first_seen"] = parse_dt(d.get("first_seen"))
    d["last_seen"] = parse_dt(d.get("last_seen"))
    return Story(**d)
