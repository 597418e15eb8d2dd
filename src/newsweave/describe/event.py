"""Build an Event description from its member articles: the orchestration of describe.

Each field comes from one small module (see their docstrings for the method):

=============  =====================================  ==============================
field          module                                 from
=============  =====================================  ==============================
date           :mod:`newsweave.describe.when`         event dates, publication dates
location       :mod:`newsweave.describe.where`        places (GeoNames ids)
entities       :mod:`newsweave.describe.who`          entities merged by key/alias
title, titles  :mod:`newsweave.describe.title`        vectors (centrality)
summary        :mod:`newsweave.describe.summary`      lead sentences, centroid + MMR
key_numbers    :mod:`newsweave.describe.summary`      Article.numbers
category       :mod:`newsweave.describe.category`     lexicons + entity types
breaking       :mod:`newsweave.describe.growth`       publication times
=============  =====================================  ==============================

No encoder is called: describe runs for every event a batch touches.
"""

from __future__ import annotations

from newsweave.describe import category as _category
from newsweave.describe import growth, summary, title, when, where, who
from newsweave.describe.context import EventContext
from newsweave.describe.stories import describe_story
from newsweave.model import Article, Event

__all__ = ["describe_event", "describe_story"]


def describe_event(
    event_id: str,
    articles: list[Article],
    story_id: str | None = None,
    lang: str | None = None,
    encoder=None,
) -> Event:
    """Describe one event from its articles (vectors attached where available).

    ``lang`` asks for the title and summary in that language when the event has
    an article in it; otherwise they are in the event's dominant language.
    ``encoder`` (optional, off in the pipeline) lets the summary of an event of
    three articles or more use sentence embeddings (see ``summary.summarize``).
    """
    if not articles:
        return Event(event_id, story_id=story_id)
    ctx = EventContext.build(articles)
    head, head_lang, _ = title.choose(ctx, lang)
    best_titles, _ = title.titles(ctx)
    stamps = [a.published for a in articles if a.published]
    return Event(
        id=event_id,
        title=head,
        summary=summary.summarize(ctx, head_lang, head, encoder),
        date=when.event_date(ctx),
        location=where.location(ctx),
        entities=who.entities(ctx),
        languages=[code for code, _ in ctx.languages().most_common()],
        article_ids=[a.id for a in articles],
        story_id=story_id,
        first_seen=min(stamps) if stamps else None,
        last_seen=max(stamps) if stamps else None,
        category=_category.category(ctx),
        breaking=growth.breaking(articles),
        key_numbers=summary.key_numbers(ctx, head_lang),
        titles=best_titles,
    )
