"""The JSON shapes of the HTTP API (they document /openapi.json and check every response).

Event and article objects are the ``newsweave events --json`` / ``articles --json``
contracts (``newsweave.cli.event_json`` / ``article_json``); the API adds fields, never renames.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorOut(BaseModel):
    error: str = Field(description="what went wrong, in plain words")
    detail: Any = Field(None, description="more about it: the fields that failed validation, the limit, ...")


class LocationOut(BaseModel):
    name: str
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class EntityOut(BaseModel):
    name: str
    type: str
    count: int


class NumberOut(BaseModel):
    value: float
    text: str
    sentence: str = ""


class EventOut(BaseModel):
    """One event: the ``events --json`` contract."""

    id: str
    title: str
    summary: str
    date: str | None = None
    location: LocationOut | None = None
    entities: list[EntityOut] = []
    languages: list[str] = []
    article_ids: list[str] = []
    story_id: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    size: int
    category: str
    breaking: float
    titles: dict[str, str] = {}
    key_numbers: list[NumberOut] = []


class EventList(BaseModel):
    events: list[EventOut]
    next_cursor: str | None = Field(None, description="pass as `cursor` for the next page; null on the last page")


class RemovedOut(BaseModel):
    kind: str
    text: str


class ArticleOut(BaseModel):
    """One article: the ``articles --json`` contract."""

    id: str
    title: str
    text: str
    language: str
    published: str | None = None
    source: str | None = None
    url: str | None = None
    event_id: str | None = None
    removed: list[RemovedOut] = []
    duplicate_of: str | None = None
    captions: list[str] = []


class AssignmentOut(BaseModel):
    """Why the article is in its event (``newsweave explain``)."""

    event_id: str
    probability: float = Field(description="calibrated P(same event) for the chosen event; 0 for a new event")
    new_event: bool
    candidates: int
    features: dict[str, float] = Field(description="the feature values the score was computed from")
    contributions: dict[str, float] = Field(description="each feature's additive share of the logit")


class ArticleDetail(ArticleOut):
    assignment: AssignmentOut | None = None


class Timeline(BaseModel):
    """Articles per time bucket and language (UTC); ``series[lang][i]`` counts ``buckets[i]``."""

    bucket: Literal["hour", "day", "week"]
    buckets: list[str]
    series: dict[str, list[int]]
    undated: dict[str, int] = Field(description="articles with no publication time, per language")


class EventDetail(EventOut):
    """An event with its articles grouped by language, a coverage timeline and removed-segment counts."""

    articles: dict[str, list[ArticleOut]] = Field(description="language -> articles, most covered language first")
    article_count: int
    articles_truncated: bool = Field(description="true when more articles exist than were returned")
    timeline: Timeline
    removed: dict[str, int] = Field(description="segments removed from the articles (boilerplate etc.), by kind")


class StoryDetail(BaseModel):
    id: str
    title: str
    event_ids: list[str]
    first_seen: str | None = None
    last_seen: str | None = None
    events: list[EventOut] = Field(description="the story's events in chronological order")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    schema_version: int
    counts: dict[str, int]
    writes_enabled: bool


class ArticleIn(BaseModel):
    """One article to ingest: the JSON Lines record contract (unknown fields are kept as metadata)."""

    model_config = ConfigDict(extra="allow")

    id: str | int = Field(description="your identifier; a record with an id already stored is a duplicate")
    title: str
    text: str
    url: str | None = None
    source: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or datetime (naive means UTC)")
    language: str | None = Field(None, description="ISO 639-1 code as declared by the source")


class RecordErrorOut(BaseModel):
    index: int | None = Field(description="position of the record in the request (null if not from this request)")
    id: str | None = None
    error: str


class IngestOut(BaseModel):
    """The ingest report; bad records are quarantined (``newsweave errors``), the rest land."""

    ingested: int = Field(description="new records stored")
    duplicates: int
    rejected: int = Field(description="records quarantined, each with a reason in `errors`")
    processed: int = Field(description="articles cleaned, embedded and clustered by this request")
    errors: list[RecordErrorOut]
