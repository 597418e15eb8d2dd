"""Describe stage: turn an event's articles into something a person reads at a glance.

>>> from newsweave.model import Article
>>> describe_event("ev_1", [Article(id="a", title="Fire in Patras", text="A fire broke out.")]).title
'Fire in Patras'
"""

from newsweave.describe.event import describe_event, describe_story

__all__ = ["describe_event", "describe_story"]
