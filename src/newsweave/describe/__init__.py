"""Describe stage: turn an event's articles into something a person reads at a glance.

When, where, who, what (title, summary, key numbers), which kind of news
(category), how fast it grows (breaking), and which story it belongs to. One
module per question; :func:`describe_event` puts them together.

>>> from newsweave.model import Article
>>> describe_event("ev_1", [Article(id="a", title="Fire in Patras", text="A fire broke out.")]).title
'Fire in Patras'
"""

from newsweave.describe.category import CATEGORIES
from newsweave.describe.event import describe_event
from newsweave.describe.stories import describe_story

__all__ = ["CATEGORIES", "describe_event", "describe_story"]
