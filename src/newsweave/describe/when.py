"""When: the day the event happened, not the day it was reported.

Each voting article gives one day, weighted by its centrality:

1. ``Article.event_date`` — annotate's resolution of what the article says
   ("on Friday", "yesterday", "12 March") against its publication date;
2. else its publication day, at half weight (reports trail events);
3. else (no publication date) the first absolute date written in its title or
   lead, at half weight.

The centre of the votes is the day with the most weight within three days of
it (a robust mode: unlike the median, it is not pulled by outliers on one
side); votes more than three days from the centre are dropped as outliers (a
background date, a wrong resolution), and the day with the most weight among
the rest wins. Ties go to the earliest day, since follow-up reports come after
the event.

>>> import datetime as dt
>>> from newsweave.describe.context import EventContext
>>> from newsweave.model import Article
>>> d = dt.date(2026, 3, 6)
>>> arts = [Article(id=str(i), title="t", text="", event_date=d) for i in range(3)]
>>> arts.append(Article(id="x", title="t", text="", event_date=dt.date(2025, 1, 1)))
>>> event_date(EventContext.build(arts))
datetime.date(2026, 3, 6)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from newsweave.describe.context import LEAD_CHARS, EventContext
from newsweave.model import Article

OUTLIER_DAYS = 3
FALLBACK_WEIGHT = 0.5


def article_day(a: Article) -> tuple[dt.date | None, float]:
    """One article's answer and how much it is trusted (1 for annotate's event date)."""
    if a.event_date is not None:
        return a.event_date, 1.0
    if a.published is not None:
        return a.published.date(), FALLBACK_WEIGHT
    absolute = [m for m in a.dates if not m.relative]
    lead = [m for m in absolute if m.start < len(a.title) + LEAD_CHARS] or absolute
    if lead:  # the first one written (start -1: in the title)
        return min(lead, key=lambda m: m.start).date, FALLBACK_WEIGHT
    return None, 0.0


def event_date(ctx: EventContext) -> dt.date | None:
    """The robust majority day of the event's articles (None when no article has one)."""
    votes: list[tuple[int, float]] = []
    for a, w in zip(ctx.articles, ctx.weights):
        day, trust = article_day(a)
        if day is not None:
            votes.append((day.toordinal(), w * trust))
    if not votes:
        return None
    mass: dict[int, float] = defaultdict(float)
    for day, w in votes:
        mass[day] += w
    # The centre: the voted day with the most weight within OUTLIER_DAYS of it (ties: earliest).
    support = {d: sum(w for e, w in mass.items() if abs(e - d) <= OUTLIER_DAYS) for d in mass}
    top_support = max(support.values())
    centre = min(d for d, v in support.items() if v >= top_support - 1e-9)
    tally = {d: w for d, w in mass.items() if abs(d - centre) <= OUTLIER_DAYS}
    top = max(tally.values())
    return dt.date.fromordinal(min(d for d, w in tally.items() if w >= top - 1e-9))
