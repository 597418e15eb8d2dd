"""Title: the most central headline, in the language asked for.

An article's centrality is the cosine of its vector to the event centroid (term
overlap with the event when vectors are missing, see
:func:`newsweave.describe.context.centrality`). ``Event.titles`` keeps the most
central headline of every language; ``Event.title`` is the one in ``lang`` when
the event has an article in it, else in the dominant language (most articles,
ties to the larger summed centrality). Ties between headlines go to the earlier
article.
"""

from __future__ import annotations

from collections import defaultdict

from newsweave.describe.context import EventContext


def _clean(title: str) -> str:
    return " ".join(title.split())


def dominant_language(ctx: EventContext) -> str | None:
    counts = ctx.languages()
    if not counts:
        return None
    mass: dict[str, float] = defaultdict(float)
    for a, c in zip(ctx.articles, ctx.central):
        mass[a.language or "und"] += c
    known = {k: v for k, v in counts.items() if k != "und"} or counts
    return max(known, key=lambda k: (known[k], mass.get(k, 0.0), k))


def titles(ctx: EventContext) -> tuple[dict[str, str], dict[str, int]]:
    """Best headline per language, and the index (into ``ctx.articles``) of each."""
    order = sorted(
        range(len(ctx.articles)),
        key=lambda i: (-round(ctx.central[i], 6), ctx.articles[i].seq, ctx.articles[i].id),
    )
    best: dict[str, str] = {}
    index: dict[str, int] = {}
    for i in order:
        a = ctx.articles[i]
        lang = a.language or "und"
        if lang not in best and a.title.strip():
            best[lang] = _clean(a.title)
            index[lang] = i
    return best, index


def choose(ctx: EventContext, lang: str | None) -> tuple[str, str | None, int | None]:
    """(title, its language, the index of its article) for the language asked for."""
    best, index = titles(ctx)
    if not best:
        return "", None, None
    want = lang if lang in best else dominant_language(ctx)
    if want not in best:
        want = max(best, key=lambda k: ctx.central[index[k]])
    return best[want], want, index[want]
