"""Stories: events of one developing story, titled and put in order.

The clusterer links events into stories (same place, actors and topic within
the story window; see ``newsweave.cluster.online``). Here a story gets

* its **events in order**: by event date, then first seen, then id;
* its **title**: the title of its most representative event — the one whose
  place and actors are most shared with the other events, plus log2(1 + size)
  so that coverage counts too; ties go to the more recent event. A story of floods over three days is titled by the
  event that names the flooded city and its mayor, not by a side event.
"""

from __future__ import annotations

import datetime as dt
import math

from newsweave.model import Event, Story

_MIN = dt.datetime.min.replace(tzinfo=dt.UTC)


def _keys(e: Event) -> set[str]:
    out = {x.key for x in e.entities[:8]}
    if e.location is not None:
        out.add(e.location.key)
    return out


def order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date or dt.date.max, e.first_seen or _MIN, e.id))


def describe_story(story_id: str, events: list[Event]) -> Story:
    """Title and order the events of one story."""
    if not events:
        return Story(story_id, "")
    keys = {e.id: _keys(e) for e in events}

    def shared(e: Event) -> int:
        return sum(len(keys[e.id] & keys[o.id]) for o in events if o.id != e.id)

    main = max(events, key=lambda e: (shared(e) + math.log2(1 + e.size), e.last_seen or _MIN, e.id))
    firsts = [e.first_seen for e in events if e.first_seen]
    lasts = [e.last_seen for e in events if e.last_seen]
    return Story(
        story_id,
        main.title,
        [e.id for e in order(events)],
        min(firsts, default=None),
        max(lasts, default=None),
    )
