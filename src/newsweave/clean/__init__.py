"""The clean stage: decode, repair and strip everything that is not the story.

Public API::

    clean_article(raw: RawArticle) -> Article
    repair_text(text: str) -> str
    decode_bytes(data: bytes) -> tuple[str, str]
    extract_html(html: str, url: str | None = None) -> dict
    NearDuplicateIndex(threshold=0.8)

Modules: ``encoding`` (bytes and mojibake), ``html`` (trafilatura), ``boilerplate``
(line noise), ``repeats`` (doubled body and captions), ``topic_break`` (glued unrelated
story), ``dedup`` (content hash, MinHash LSH), ``wordlists`` (all per-language lists).
"""

from __future__ import annotations

from .article import clean_article, clean_lines
from .dedup import NearDuplicateIndex, content_hash
from .encoding import decode_bytes, repair_text
from .html import extract_html, looks_like_html

__all__ = [
    "NearDuplicateIndex",
    "clean_article",
    "clean_lines",
    "content_hash",
    "decode_bytes",
    "extract_html",
    "looks_like_html",
    "repair_text",
]
