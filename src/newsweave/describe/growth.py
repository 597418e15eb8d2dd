"""Growth: how fast an event is gaining articles now, against its own past (EMM-style).

With ``t`` the time of the event's last article, ``W`` = 6 h:

* ``n_w`` — articles published in ``(t − W, t]`` (a wire copy counts ½);
* ``n_b`` — articles before that window, over ``T_b`` hours (first article to window start);
* baseline rate ``λ = (n_b + 1) / (T_b + 24)`` articles per hour: one article a day is
  the prior, so a new event is measured against a quiet background, and an old,
  busy one against its own pace;
* expected window count ``μ = λ · W``.

    breaking = max(0, n_w − 1 − μ) / √(μ + 1)

The ``− 1`` removes the article that triggered the description, so a
one-article event scores 0; the square root makes it a Poisson-like z-score,
so a burst in a long-quiet event stands out and steady coverage does not.
Undated articles are left out; fewer than two dated articles give 0.

>>> import datetime as dt
>>> from newsweave.model import Article
>>> t = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
>>> breaking([Article(id="a", title="", text="", published=t)])
0.0
>>> burst = [Article(id=str(i), title="", text="", published=t + dt.timedelta(minutes=20 * i)) for i in range(8)]
>>> breaking(burst) > 5
True
"""

from __future__ import annotations

import datetime as dt
import math

from newsweave.model import Article

WINDOW_HOURS = 6.0
PRIOR_ARTICLES = 1.0
PRIOR_HOURS = 24.0
COPY_WEIGHT = 0.5


def breaking(articles: list[Article]) -> float:
    """The event's burst score at its last article (0 for one article or none dated)."""
    dated = sorted((a.published, COPY_WEIGHT if a.duplicate_of else 1.0) for a in articles if a.published)
    if len(dated) < 2:
        return 0.0
    last = dated[-1][0]
    start = last - dt.timedelta(hours=WINDOW_HOURS)
    n_w = sum(w for t, w in dated if t > start)
    before = [(t, w) for t, w in dated if t <= start]
    n_b = sum(w for _, w in before)
    t_b = (start - before[0][0]).total_seconds() / 3600.0 if before else 0.0
    rate = (n_b + PRIOR_ARTICLES) / (t_b + PRIOR_HOURS)
    mu = rate * WINDOW_HOURS
    return round(max(0.0, n_w - 1.0 - mu) / math.sqrt(mu + 1.0), 4)
