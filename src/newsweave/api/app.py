"""The HTTP API and the web UI, one FastAPI app: ``create_app(db_url)``.

Reads are public; writes (POST /articles) need ``Authorization: Bearer $NEWSWEAVE_TOKEN``
and are refused outright when no token is configured. See docs/API.md.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import json
import logging
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

import anyio
from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

import newsweave
from newsweave.api import schemas as S
from newsweave.api.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware, TokenBucket
from newsweave.api.reads import Readers, event_detail
from newsweave.api.settings import ApiSettings
from newsweave.cli import article_json
from newsweave.model import QuarantineEntry, RawArticle
from newsweave.store import EventQuery, Store, open_store
from newsweave.store.codec import event_json

log = logging.getLogger("newsweave.api")

STATUS_TEXT = {
    400: "bad request",
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    405: "method not allowed",
    413: "request too large",
    415: "unsupported media type",
    422: "invalid request",
    429: "too many requests",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {c: {"model": S.ErrorOut, "description": STATUS_TEXT.get(c, "error")} for c in codes}


class ApiError(HTTPException):
    """An error with a JSON ``detail`` next to its message."""

    def __init__(self, status: int, error: str, detail: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, error, headers=headers)
        self.error, self.extra = error, detail


def _encode_cursor(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(token: str) -> str:
    try:
        raw = base64.b64decode(token + "=" * (-len(token) % 4), altchars=b"-_", validate=True).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raw = ""
    if not raw:
        raise ApiError(422, "invalid cursor: pass the next_cursor of a previous response unchanged")
    return raw


DATE = r"^\d{4}-\d{2}-\d{2}$"


def _date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(422, f"invalid request: query.{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _json(body: dict) -> Response:
    """Serialise a hot-path response directly (the response_model documents it; tests check the match)."""
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), media_type="application/json")


def _clean_text(value: str | None) -> str | None:
    """Drop control characters (NUL and friends) from query parameters."""
    if value is None:
        return None
    value = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", value).strip()
    return value or None


class _Writer:
    """One pipeline per app, created on the first write; ingests run one at a time."""

    def __init__(self, store, settings=None, encoder=None) -> None:
        self.store, self.settings, self.encoder = store, settings, encoder
        self.pipeline = None
        self.lock = threading.Lock()

    def _ready(self):
        if self.pipeline is None:
            from newsweave.pipeline import Pipeline

            self.pipeline = Pipeline(self.store, self.settings, encoder=self.encoder)
        return self.pipeline

    def warm(self) -> None:
        """Build the pipeline ahead of the first write (imports, scorer, clusterer state)."""
        try:
            with self.lock:
                self._ready()
        except Exception:  # the first write will report it
            log.exception("cannot prepare the ingest pipeline")

    def ingest(self, items: list) -> Any:
        with self.lock:
            return self._ready().ingest(items)

    def parse_and_ingest(self, records: list) -> tuple[list, list[str | None], Any]:
        items, ids = _parse_records(records)
        return items, ids, self.ingest(items)


def create_app(
    db_url: str,
    token: str | None = None,
    *,
    settings: ApiSettings | None = None,
    pipeline_settings: Any = None,
    encoder: Any = None,
) -> FastAPI:
    """Build the app for the store at ``db_url`` (SQLite path or postgresql:// URL).

    ``token`` (else ``$NEWSWEAVE_TOKEN``) enables writes. ``settings`` overrides the
    API limits (else from ``NEWSWEAVE_*`` variables); ``pipeline_settings`` and
    ``encoder`` are handed to the ingest Pipeline (e.g. the lexical encoder in tests).
    """
    cfg = settings or ApiSettings()
    if token is not None:
        cfg = cfg.model_copy(update={"token": token})
    store = open_store(db_url)
    readers = Readers(store, cfg.read_pool)
    writer = _Writer(store, pipeline_settings, encoder)
    bucket = TokenBucket(cfg.write_rate, cfg.write_burst)
    scorer_box: list = []

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if cfg.token:
            threading.Thread(target=writer.warm, name="newsweave-warm", daemon=True).start()
        yield
        readers.close()
        store.close()

    app = FastAPI(
        title="NewsWeave",
        version=newsweave.__version__,
        summary="Multilingual news events: search them, read their articles side by side, add articles.",
        docs_url=None,  # Swagger UI loads from a CDN with inline scripts: not under our CSP. Use /openapi.json.
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store, app.state.readers, app.state.settings = store, readers, cfg
    app.router.redirect_slashes = False  # "/articles/" is not "/articles": a 404, not a redirect to POST-only

    # --- errors: always {"error": ..., "detail": ...} ------------------------------------------
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if isinstance(exc, ApiError):
            body = {"error": exc.error, "detail": exc.extra}
        else:
            text = STATUS_TEXT.get(exc.status_code, "error")
            msg = exc.detail if isinstance(exc.detail, str) and exc.detail else text
            body = {"error": msg if exc.status_code != 404 else f"not found: {request.url.path}", "detail": None}
        return JSONResponse(body, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        where = ", ".join(".".join(str(p) for p in e["loc"]) + ": " + e["msg"] for e in problems[:3])
        return JSONResponse(
            {"error": f"invalid request: {where}", "detail": jsonable_encoder(problems)}, status_code=422
        )

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "internal server error", "detail": type(exc).__name__}, status_code=500)

    # --- middleware (the last added runs first) -------------------------------------------------
    if cfg.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=cfg.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(BodyLimitMiddleware, limit=cfg.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware)

    # --- reads ------------------------------------------------------------------------------------
    limiter_box: list = []

    async def read(fn, *args):
        """Run a read on a worker thread (at most ``read_threads`` at once) or inline when that is 0."""
        if cfg.read_threads <= 0:
            return fn(*args)
        if not limiter_box:
            limiter_box.append(anyio.CapacityLimiter(cfg.read_threads))
        return await anyio.to_thread.run_sync(fn, *args, limiter=limiter_box[0])

    @app.get("/health", response_model=S.Health, tags=["meta"], summary="Liveness, schema version and counts")
    async def health() -> dict:
        return await read(_health)

    def _health() -> dict:
        db = readers.get()
        return {
            "status": "ok",
            "version": newsweave.__version__,
            "schema_version": int(db.schema_version),
            "counts": db.counts(),
            "writes_enabled": bool(cfg.token),
        }

    @app.get(
        "/events",
        response_model=S.EventList,
        responses=_errors(422),
        tags=["events"],
        summary="Search and list events",
        description="Newest first (by last article), or fastest-growing first with `breaking=true`. "
        "`q` is full-text search over titles, summaries, entity and place names (every word must match). "
        "Pages: pass the returned `next_cursor` as `cursor`, with the same filters.",
    )
    async def list_events(
        q: str | None = Query(None, max_length=500, description="words to search for"),
        language: str | None = Query(None, max_length=16, description="ISO 639-1 code of a covering language"),
        country: str | None = Query(None, max_length=8, description="ISO 3166-1 alpha-2 country of the event"),
        place: str | None = Query(None, max_length=200, description="place name of the event"),
        entity: str | None = Query(None, max_length=200, description="entity key or display name"),
        category: str | None = Query(None, max_length=64),
        date_from: str | None = Query(None, pattern=DATE, description="event date on or after (YYYY-MM-DD)",
                                      json_schema_extra={"format": "date"}),
        date_to: str | None = Query(None, pattern=DATE, description="event date on or before (YYYY-MM-DD)",
                                    json_schema_extra={"format": "date"}),
        breaking: bool = Query(False, description="breaking-first order"),
        story_id: str | None = Query(None, max_length=200),
        limit: int = Query(20, ge=1, le=100),
        cursor: str | None = Query(None, max_length=2000),
    ) -> Response:
        query = EventQuery(
            q=_clean_text(q),
            language=_clean_text(language),
            country=_clean_text(country),
            place=_clean_text(place),
            entity=_clean_text(entity),
            category=_clean_text(category),
            date_from=_date(date_from, "date_from"),
            date_to=_date(date_to, "date_to"),
            breaking=breaking,
            story_id=_clean_text(story_id),
            limit=limit + 1,
            cursor=_decode_cursor(cursor) if cursor else None,
        )
        return await read(_list_events, query, limit, breaking)

    def _list_events(query: EventQuery, limit: int, breaking: bool) -> Response:
        try:
            rows = readers.get().event_rows(query)
        except ValueError as e:
            raise ApiError(422, f"invalid cursor: {e}") from None
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = _encode_cursor(rows[-1].cursor(breaking)) if more and rows else None
        # The events are stored as their compact events --json text: spliced, never decoded and re-encoded.
        body = '{"events":[' + ",".join(r.listing for r in rows) + '],"next_cursor":' + json.dumps(nxt) + "}"
        return Response(body.encode(), media_type="application/json")

    def by_id(path: str, kind: str, model: type, summary: str, load, show, serialise: bool = False) -> None:
        """GET ``path`` (one ``{name}`` parameter): 404 unless ``load(store, id)`` finds it, else ``show``'s dict.

        ``serialise``: write the JSON directly (hot paths) instead of through ``model`` validation.
        """
        name = path.rsplit("{", 1)[1].rstrip("}")

        def fetch(key: str) -> dict:
            db = readers.get()
            found = load(db, key)
            if found is None:
                raise ApiError(404, f"no {kind} with id {key!r}")
            return show(db, found)

        async def handler(key: str = PathParam(alias=name, min_length=1, max_length=512)) -> Any:
            body = await read(fetch, key)
            return _json(body) if serialise else body

        handler.__name__ = f"get_{kind}"  # the OpenAPI operationId, as before
        app.get(path, response_model=model, responses=_errors(404), tags=[path.split("/")[1]],
                summary=summary)(handler)

    by_id("/events/{event_id}", "event", S.EventDetail,
          "One event: description, articles by language, timeline, removed segments",
          lambda db, key: db.event(key),
          lambda db, event: event_detail(db, event, event_json(event), cfg.event_articles), serialise=True)

    def _article_detail(db: Store, article) -> dict:
        assignment = db.assignment(article.id)
        out = article_json(article, assignment.event_id if assignment else None)
        out["assignment"] = None
        if assignment is not None:
            out["assignment"] = {
                "event_id": assignment.event_id,
                "probability": assignment.probability or 0.0,
                "new_event": assignment.new_event,
                "candidates": assignment.candidates or 0,
                "features": assignment.parts,
                "contributions": _contributions(assignment.parts),
            }
        return out

    by_id("/articles/{article_id}", "article", S.ArticleDetail, "One article, with why it is in its event",
          lambda db, key: db.article(key), _article_detail)

    def _contributions(parts: dict[str, float]) -> dict[str, float]:
        if not scorer_box:
            try:
                from newsweave.cluster import Scorer

                scorer_box.append(Scorer.load())
            except Exception:  # an explanation without contributions beats a 500
                log.exception("cannot load the scorer")
                return {}
        return scorer_box[0].contributions(parts)

    def _story_detail(db: Store, story) -> dict:
        events = [e for e in (db.event(i) for i in story.event_ids) if e is not None]
        events.sort(key=lambda e: (e.first_seen is None, e.first_seen.isoformat() if e.first_seen else "",
                                   e.date.isoformat() if e.date else "", e.id))
        return {
            "id": story.id,
            "title": story.title,
            "event_ids": story.event_ids,
            "first_seen": story.first_seen.isoformat() if story.first_seen else None,
            "last_seen": story.last_seen.isoformat() if story.last_seen else None,
            "events": [event_json(e) for e in events],
        }

    by_id("/stories/{story_id}", "story", S.StoryDetail, "A developing story and its events in order",
          lambda db, key: db.story(key), _story_detail)

    # --- writes -----------------------------------------------------------------------------------
    def client_key(request: Request) -> str:
        if cfg.trust_proxy:
            fwd = request.headers.get("x-forwarded-for", "")
            if fwd:
                return fwd.split(",")[0].strip()
        return request.client.host if request.client else "unknown"

    def authorize(request: Request) -> None:
        """Rate limit first (also guards against token guessing), then the bearer token."""
        allowed, wait = bucket.take(client_key(request))
        if not allowed:
            retry = max(1, int(wait + 0.999))
            raise ApiError(
                429, f"too many writes: at most {cfg.write_rate:g} per second (burst {cfg.write_burst}); "
                f"retry in {retry} s", {"retry_after": retry}, headers={"Retry-After": str(retry)},
            )
        if not cfg.token:
            raise ApiError(403, "writes are disabled: set NEWSWEAVE_TOKEN on the server to enable POST /articles")
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise ApiError(401, "missing bearer token: send 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), cfg.token.encode()):
            raise ApiError(401, "wrong bearer token", headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})

    article_schema = S.ArticleIn.model_json_schema()
    article_schema.pop("title", None)

    @app.post(
        "/articles",
        response_model=S.IngestOut,
        responses=_errors(401, 403, 413, 422, 429),
        tags=["articles"],
        summary="Add one article or a batch (needs the bearer token)",
        description="Body: one article object or a list of them (the JSON Lines record contract). "
        "Every record is stored as received; bad ones are quarantined with a reason and listed in "
        "`errors`, the rest are cleaned, annotated and clustered before the response.",
        dependencies=[Depends(authorize)],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                article_schema,
                                {"type": "array", "items": article_schema, "minItems": 1,
                                 "maxItems": cfg.max_records},
                            ]
                        }
                    }
                },
            }
        },
    )
    async def post_articles(request: Request) -> dict:
        ctype = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if ctype not in ("application/json", "application/x-ndjson", "text/plain", ""):
            raise ApiError(415, f"send JSON (application/json), not {ctype}")
        body = await request.body()
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError) as e:
            raise ApiError(422, "request body is not valid JSON", str(e)[:200]) from None
        records = payload if isinstance(payload, list) else [payload]
        if not records:
            raise ApiError(422, "no articles in the request: send an article object or a non-empty list")
        if len(records) > cfg.max_records:
            raise ApiError(422, f"too many articles in one request: {len(records)} > {cfg.max_records}; split it",
                           {"limit": cfg.max_records})
        items, ids, report = await anyio.to_thread.run_sync(writer.parse_and_ingest, records)
        return {
            "ingested": report.ingested,
            "duplicates": report.duplicates,
            "rejected": report.rejected,
            "processed": report.processed,
            "errors": [_record_error(msg, ids) for msg in report.errors],
        }

    # --- web UI -----------------------------------------------------------------------------------
    static = resources.files("newsweave") / "web" / "static"
    index = static / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return FileResponse(str(index), media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app

_ORIGIN = re.compile(r"^api:(\d+): ")


def _parse_records(records: list) -> tuple[list[RawArticle | QuarantineEntry], list[str | None]]:
    from newsweave.ingest.records import RecordError, record_to_raw

    items: list[RawArticle | QuarantineEntry] = []
    ids: list[str | None] = []
    for i, rec in enumerate(records):
        origin = f"api:{i}"
        rid = rec.get("id") if isinstance(rec, dict) else None
        ids.append(str(rid) if isinstance(rid, (str, int)) and not isinstance(rid, bool) else None)
        raw = json.dumps(rec, ensure_ascii=False)
        try:
            items.append(record_to_raw(rec, origin, raw=raw))
        except (RecordError, ValueError, TypeError, OverflowError) as e:
            items.append(QuarantineEntry("parse", f"{origin}: {e}", raw, origin, None))
    return items, ids


def _record_error(msg: str, ids: list[str | None]) -> dict:
    m = _ORIGIN.match(msg)
    if m and int(m.group(1)) < len(ids):
        i = int(m.group(1))
        return {"index": i, "id": ids[i], "error": msg[m.end():]}
    return {"index": None, "id": None, "error": msg}


def app_from_env() -> FastAPI:
    """App factory for running uvicorn directly, e.g. with several worker processes::

        NEWSWEAVE_DB=news.db NEWSWEAVE_TOKEN=... uvicorn --factory newsweave.api.app:app_from_env --workers 4
    """
    import os

    return create_app(os.environ.get("NEWSWEAVE_DB") or "newsweave.db")
