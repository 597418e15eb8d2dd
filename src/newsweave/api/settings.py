"""The API's knobs. Environment variables (``NEWSWEAVE_*``) or ``create_app`` arguments set them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class ApiSettings(BaseSettings):
    """Limits and switches of the HTTP server. Every one has a safe default."""

    model_config = SettingsConfigDict(env_prefix="NEWSWEAVE_", extra="ignore")

    token: str | None = Field(None, description="bearer token for writes; unset means writes are refused")
    max_body_bytes: int = Field(10_000_000, description="largest request body; bigger ones get 413 unread")
    max_records: int = Field(10_000, description="most articles in one POST /articles")
    write_rate: float = Field(2.0, description="POST /articles requests per second per client (token bucket)")
    write_burst: int = Field(10, description="bucket size: writes a client may make at once")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="origins allowed to call the API from a browser (comma-separated); none by default"
    )
    event_articles: int = Field(500, description="most articles returned with one event")
    read_pool: bool = Field(True, description="one read-only SQLite connection per worker thread (readers never "
                            "wait for an ingest); false shares the store's single connection")
    read_threads: int = Field(0, description="reads run on at most this many worker threads (0: on the event loop)")
    trust_proxy: bool = Field(False, description="rate-limit by X-Forwarded-For (only behind your own proxy)")

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return value
