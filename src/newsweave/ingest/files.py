"""Read articles from files and directories, one format per file suffix.

Every reader yields either a RawArticle or a QuarantineEntry — never raises
for bad input — so one broken record never stops a batch.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsweave.ingest.records import RecordError, parse_published, record_to_raw
from newsweave.model import QuarantineEntry, RawArticle

Item = RawArticle | QuarantineEntry

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SUPPORTED = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".csv", ".json"}
# Raw text kept in quarantine for a record too large to process.
QUARANTINE_RAW_LIMIT = 60_000_000


def iter_paths(paths: list[str]) -> Iterator[Path]:
    """Files under the given paths, directories walked recursively in sorted order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and _format_of(f) is not None:
                    yield f
        else:
            yield path


def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    return suffix if suffix in SUPPORTED else None


def read_path(path: Path, max_record_bytes: int = 20_000_000) -> Iterator[Item]:
    """Yield the articles of one file, or quarantine entries for what cannot be read.

    >>> list(read_path(Path("missing.txt")))[0].stage
    'read'
    """
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        yield QuarantineEntry("read", f"cannot read {origin}: {e.strerror or e}", "", origin)
        return
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            yield QuarantineEntry("read", f"{origin}: broken gzip data ({e})", _b64(data), origin)
            return
    fmt = _format_of(path)
    if fmt is None:
        yield QuarantineEntry("read", f"{origin}: unsupported file type (supported: {', '.join(sorted(SUPPORTED))})",
                              "", origin)
        return
    if not data.strip():
        yield QuarantineEntry("read", f"{origin}: empty file", "", origin)
        return
    try:
        from newsweave.clean import decode_bytes

        text, _encoding = decode_bytes(data)
    except ValueError as e:
        yield QuarantineEntry("read", f"{origin}: {e}", _b64(data), origin)
        return
    if fmt in JSONL_SUFFIXES:
        yield from read_jsonl(text, origin, max_record_bytes)
    elif fmt == ".json":
        yield from read_json(text, origin, max_record_bytes)
    elif fmt == ".csv":
        yield from read_csv(text, origin, max_record_bytes)
    elif fmt in HTML_SUFFIXES:
        yield from read_html(text, origin, path.stem, max_record_bytes)
    elif fmt in FEED_SUFFIXES:
        from newsweave.ingest.feeds import read_feed

        yield from read_feed(text, origin)
    else:
        yield from read_text(text, origin, path.stem, max_record_bytes)


def _too_big(raw: str, origin: str, limit: int) -> QuarantineEntry | None:
    size = len(raw.encode("utf-8", "surrogatepass"))
    if size > limit:
        return QuarantineEntry(
            "parse",
            f"{origin}: record is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit "
            "(raise NEWSWEAVE_MAX_RECORD_BYTES to accept it)",
            raw[:QUARANTINE_RAW_LIMIT],
            origin,
        )
    return None


def read_text(text: str, origin: str, stem: str, max_record_bytes: int) -> Iterator[Item]:
    """A .txt/.md file: the first non-empty line is the title, the file stem the id."""
    if big := _too_big(text, origin, max_record_bytes):
        yield big
        return
    lines = text.strip().splitlines()
    title = lines[0].lstrip("# ").strip() if lines else ""
    body = "\n".join(lines[1:]).strip()
    try:
        yield record_to_raw({"id": stem, "title": title, "text": body or title}, origin, raw=text)
    except RecordError as e:
        yield QuarantineEntry("parse", f"{origin}: {e}", text, origin)


def read_jsonl(text: str, origin: str, max_record_bytes: int) -> Iterator[Item]:
    """One JSON object per line; a broken line is quarantined and the rest still lands."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        if big := _too_big(line, where, max_record_bytes):
            yield big
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield QuarantineEntry("parse", f"{where}: malformed JSON ({e.msg} at column {e.colno})", line, where)
            continue
        try:
            yield record_to_raw(record, where, raw=line)
        except RecordError as e:
            yield QuarantineEntry("parse", f"{where}: {e}", line, where)


def read_json(text: str, origin: str, max_record_bytes: int) -> Iterator[Item]:
    """A .json file holding one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield QuarantineEntry("parse", f"{origin}: malformed JSON ({e.msg} at line {e.lineno})", text, origin)
        return
    for n, record in enumerate(data if isinstance(data, list) else [data], start=1):
        where = f"{origin}#{n}"
        raw = json.dumps(record, ensure_ascii=False)
        if big := _too_big(raw, where, max_record_bytes):
            yield big
            continue
        try:
            yield record_to_raw(record, where, raw=raw)
        except RecordError as e:
            yield QuarantineEntry("parse", f"{where}: {e}", raw, where)


def read_csv(text: str, origin: str, max_record_bytes: int) -> Iterator[Item]:
    """A CSV with a header row naming the JSONL fields."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [f for f in ("id", "title", "text") if f not in header]
    for n, row in enumerate(reader, start=2):
        where = f"{origin}:{n}"
        raw = json.dumps(row, ensure_ascii=False)
        if missing:
            yield QuarantineEntry("parse", f"{where}: the CSV header lacks column(s) {', '.join(missing)}", raw, where)
            continue
        if big := _too_big(raw, where, max_record_bytes):
            yield big
            continue
        record = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
        if None in row:
            yield QuarantineEntry("parse", f"{where}: row has more cells than the header", raw, where)
            continue
        try:
            yield record_to_raw(record, where, raw=raw)
        except RecordError as e:
            yield QuarantineEntry("parse", f"{where}: {e}", raw, where)


def read_html(html: str, origin: str, stem: str, max_record_bytes: int, url: str | None = None) -> Iterator[Item]:
    """An HTML page: trafilatura extracts the main text and its metadata."""
    if big := _too_big(html, origin, max_record_bytes):
        yield big
        return
    from newsweave.clean import extract_html

    try:
        meta = extract_html(html, url=url)
    except Exception as e:  # trafilatura raises many kinds on hostile markup
        yield QuarantineEntry("parse", f"{origin}: HTML could not be parsed ({type(e).__name__}: {e})", html, origin)
        return
    if not meta.get("text"):
        yield QuarantineEntry("parse", f"{origin}: HTML page has no article body", html, origin)
        return
    try:
        published = parse_published(meta.get("date"))
    except RecordError:
        published = None
    yield RawArticle(
        id=stem if url is None else "url_" + hashlib.sha1(url.encode()).hexdigest()[:16],
        title=(meta.get("title") or "").strip() or meta["text"].splitlines()[0][:200],
        text=meta["text"],
        url=meta.get("url") or url,
        source=meta.get("site"),
        published=published,
        metadata={k: meta[k] for k in ("author",) if meta.get(k)},
        origin=origin,
        raw=html,
    )


def _b64(data: bytes) -> str:
    import base64

    return "base64:" + base64.b64encode(data[:QUARANTINE_RAW_LIMIT]).decode()
