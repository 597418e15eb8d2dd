"""The one place for NewsWeave's data types.

Every stage takes and returns these. They are plain dataclasses: cheap to build
in hot loops, easy to pickle for Ray, and trivially turned into JSON by
:func:`to_json`. Validation happens once, at the ingest edge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Kinds of removed material. Kept as plain strings so that new cleaners can add
# kinds without a schema change; these are the ones the cleaners emit today.
REMOVED_KINDS = (
    "navigation",  # menus, breadcrumbs, search boxes, "skip to content"
    "share",  # share / like / follow / print widgets
    "related",  # "you may also like", "most read", headlines of other stories
    "newsletter",  # newsletter and subscription prompts
    "cookie",  # cookie and consent notices
    "font_size",  # font-size / text-size controls
    "author_bio",  # author boxes
    "comments",  # comment counters and comment boxes
    "advert",  # advertisement labels
    "duplicate_body",  # the body printed a second time
    "duplicate_caption",  # a caption or credit printed again
    "credit",  # photo credit lines (kept once as caption metadata)
    "caption",  # photo caption, moved out of the body (kept in Article.captions)
    "unrelated",  # a second, unrelated story glued after the article
    "boilerplate",  # anything else that is not the story
)


@dataclass
class RawArticle:
    """An article exactly as received, before any processing.

    >>> RawArticle(id="a1", title="Floods in Patras", text="Heavy rain ...")
    RawArticle(id='a1', title='Floods in Patras', ...)
    """

    id: str
    title: str
    text: str
    url: str | None = None
    source: str | None = None
    published: dt.datetime | None = None  # timezone-aware, with the source's own UTC offset
    language: str | None = None  # as declared by the source, ISO 639-1
    metadata: dict[str, Any] = field(default_factory=dict)
    origin: str = ""  # where it came from: "path:line", a URL, "stdin:3"
    raw: str = ""  # the record as received (decoded), stored before processing
    seq: int = 0  # input order, the tie-break when no date is known


@dataclass
class Removed:
    """A piece of received text that is not the story, and why it was dropped."""

    kind: str
    text: str
    reason: str = ""


@dataclass
class LanguageSegment:
    """A stretch of the cleaned body in one language: ``text[start:end]``, with the detector's confidence."""

    start: int
    end: int
    language: str
    confidence: float


@dataclass
class DateMention:
    """A date written in the text, resolved to a calendar day."""

    text: str  # the surface form, e.g. "την Παρασκευή"
    date: dt.date
    relative: bool  # resolved against the publication date
    start: int = -1  # character offset in the cleaned text


@dataclass
class Place:
    """A geocoded place. ``geonames_id`` is the join key across languages."""

    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str = "city"  # city | country | region | demonym (a country only named by its adjective)
    count: int = 1
    surface: str = ""  # as written in the article

    @property
    def key(self) -> str:
        """Language-independent identity used for overlap scoring."""
        if self.geonames_id is not None:
            return f"gn:{self.geonames_id}"
        return f"{self.kind}:{self.country_code or ''}:{self.name.lower()}"


@dataclass
class Entity:
    """A person, organisation or armed group, merged across spellings and scripts."""

    name: str  # canonical display name
    type: str  # person | org | group | misc
    key: str  # canonical identity, e.g. "alias:isis" or "lat:mitsotakis"
    count: int = 1
    aliases: list[str] = field(default_factory=list)


@dataclass
class NumberMention:
    """A number the story turns on (casualties, amounts), with its sentence."""

    value: float
    text: str  # the surface form
    sentence: str = ""


@dataclass
class Article:
    """A cleaned, annotated article: the unit every later stage works on."""

    id: str
    title: str
    text: str  # the cleaned body
    language: str = "und"
    language_confidence: float = 0.0
    published: dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    seq: int = 0
    removed: list[Removed] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    content_hash: str = ""
    duplicate_of: str | None = None  # near-duplicate / wire copy of this article
    segments_languages: list[tuple[str, float]] = field(default_factory=list)
    language_segments: list[LanguageSegment] = field(default_factory=list)  # where each language is
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    event_date: dt.date | None = None  # best guess of when the reported event happened
    vector: Any = None  # np.ndarray, L2-normalised; None until embedded

    @property
    def lead(self) -> str:
        """Title plus the opening of the body: the most informative part."""
        return f"{self.title}\n{self.text[:600]}"


@dataclass
class Assignment:
    """One clustering decision, kept so that it can be explained later."""

    article_id: str
    event_id: str
    probability: float  # calibrated P(same event) for the chosen event; 0 for a new one
    parts: dict[str, float] = field(default_factory=dict)
    new_event: bool = False
    candidates: int = 0
    story_id: str | None = None  # the story the event belongs to at decision time


@dataclass
class Event:
    """A real-world event, reported by one or more articles in any language."""

    id: str
    title: str = ""
    summary: str = ""
    date: dt.date | None = None
    location: Place | None = None
    entities: list[Entity] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    story_id: str | None = None
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    category: str = "other"
    breaking: float = 0.0
    key_numbers: list[NumberMention] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # best headline per language

    @property
    def size(self) -> int:
        return len(self.article_ids)


@dataclass
class Story:
    """Events of one developing story, linked over days."""

    id: str
    title: str
    event_ids: list[str] = field(default_factory=list)
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None


@dataclass
class QuarantineEntry:
    """A record that failed a stage. Nothing is lost: the raw input is kept."""

    stage: str  # read | parse | clean | annotate | embed | cluster | store
    error: str
    raw: str
    origin: str = ""
    article_id: str | None = None
    id: int | None = None
    created: dt.datetime | None = None


def to_json(obj: Any) -> Any:
    """Turn model objects (and anything nested in them) into JSON-ready values.

    >>> to_json(Removed(kind="share", text="Share on X"))
    {'kind': 'share', 'text': 'Share on X', 'reason': ''}
    """
    # Hot path (every stored article, raw record and event): plain values and known dataclasses are
    # looked up by exact type; anything else takes the general route, which registers new dataclasses.
    t = type(obj)
    if t in _PLAIN:
        return obj
    names = _FIELDS.get(t)
    if names is not None:
        return {n: to_json(getattr(obj, n)) for n in names}
    if t is list:
        return [to_json(v) for v in obj]
    return _to_json_general(obj)


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # dataclass type -> its serialised field names, in order


def _to_json_general(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = tuple(f.name for f in dataclasses.fields(obj) if f.name != "vector")
        _FIELDS[type(obj)] = names
        return {n: to_json(getattr(obj, n)) for n in names}
    if isinstance(obj, dt.datetime):
        return obj.isoformat()
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_json(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [to_json(v) for v in obj]
    return obj
