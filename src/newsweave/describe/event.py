"""Build an Event (and a Story) description from member articles."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import numpy as np

from newsweave.model import Article, Entity, Event, Place, Story

_SENTENCE = re.compile(r"(?<=[.!?。؟])\s+")


def _centrality(articles: list[Article]) -> list[float]:
    """Cosine of each article to the event centroid (1.0 each when vectors are missing)."""
    vecs = [a.vector for a in articles]
    if any(v is None for v in vecs):
        return [1.0] * len(articles)
    m = np.stack(vecs).astype(np.float32)
    c = m.mean(axis=0)
    c /= max(float(np.linalg.norm(c)), 1e-12)
    return [float(x) for x in m @ c]


def _event_date(articles: list[Article]) -> dt.date | None:
    """The day most articles say the event happened; ties go to the earliest day."""
    days = Counter(a.event_date for a in articles if a.event_date)
    if not days:
        days = Counter(a.published.date() for a in articles if a.published)
    if not days:
        return None
    top = max(days.values())
    return min(d for d, c in days.items() if c == top)


def _location(articles: list[Article]) -> Place | None:
    """The most specific place the articles agree on: cities beat countries."""
    votes: Counter[str] = Counter()
    by_key: dict[str, Place] = {}
    for a in articles:
        seen = set()
        for p in a.places:
            if p.key in seen:
                continue
            seen.add(p.key)
            weight = 2.0 if p.kind == "city" else 1.0
            votes[p.key] += weight * (1.5 if p.surface and p.surface in a.title else 1.0)
            by_key.setdefault(p.key, p)
    if not votes:
        return None
    best = by_key[votes.most_common(1)[0][0]]
    return Place(best.name, best.country_code, best.lat, best.lon, best.geonames_id, best.kind, int(votes[best.key]))


def _entities(articles: list[Article], limit: int = 12) -> list[Entity]:
    merged: dict[str, Entity] = {}
    for a in articles:
        for e in a.entities:
            m = merged.get(e.key)
            if m is None:
                merged[e.key] = Entity(e.name, e.type, e.key, 1, list(dict.fromkeys([e.name, *e.aliases])))
            else:
                m.count += 1
                for alias in [e.name, *e.aliases]:
                    if alias not in m.aliases:
                        m.aliases.append(alias)
    return sorted(merged.values(), key=lambda e: (-e.count, e.name))[:limit]


def describe_event(
    event_id: str,
    articles: list[Article],
    story_id: str | None = None,
    lang: str | None = None,
) -> Event:
    """Describe one event from its articles (vectors attached where available)."""
    arts = [a for a in articles if a.duplicate_of is None] or articles
    central = _centrality(arts)
    langs = Counter(a.language for a in articles)
    want = lang if lang in langs else langs.most_common(1)[0][0] if langs else None
    ranked = sorted(zip(central, arts), key=lambda x: (-x[0], x[1].seq))
    lead = next((a for _, a in ranked if a.language == want), ranked[0][1] if ranked else None)
    titles: dict[str, str] = {}
    for _, a in ranked:
        titles.setdefault(a.language, a.title)
    summary = ""
    if lead is not None:
        sentences = [s.strip() for s in _SENTENCE.split(lead.text.replace("\n", " ")) if len(s.strip()) > 20]
        summary = " ".join(sentences[:2])
    stamps = [a.published for a in articles if a.published]
    return Event(
        id=event_id,
        title=lead.title if lead else "",
        summary=summary,
        date=_event_date(arts),
        location=_location(arts),
        entities=_entities(arts),
        languages=[code for code, _ in langs.most_common()],
        article_ids=[a.id for a in articles],
        story_id=story_id,
        first_seen=min(stamps) if stamps else None,
        last_seen=max(stamps) if stamps else None,
        titles=titles,
    )


def describe_story(story_id: str, events: list[Event]) -> Story:
    """A story is titled by its largest event and spans all of its events."""
    firsts = [e.first_seen for e in events if e.first_seen]
    lasts = [e.last_seen for e in events if e.last_seen]
    main = max(events, key=lambda e: (e.size, e.last_seen or dt.datetime.min.replace(tzinfo=dt.UTC)))
    ordered = sorted(events, key=lambda e: (e.date or dt.date.max, e.id))
    return Story(story_id, main.title, [e.id for e in ordered], min(firsts, default=None), max(lasts, default=None))
