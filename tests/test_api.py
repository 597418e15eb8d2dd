"""HTTP API: auth, limits, hostile input, pagination, errors, concurrency, schema fuzzing (issue 6)."""

from __future__ import annotations

import base64
import faulthandler
import json
import os
import resource
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from newsweave.api import create_app
from newsweave.api.settings import ApiSettings
from newsweave.api.testing import XSS_TEXT, XSS_TITLE, sample_batch, serve, synthetic_records
from newsweave.store import open_store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TABLES = {"articles", "events", "events_fts", "raw_articles", "assignments", "stories", "quarantine", "meta"}
HOSTILE_QUERIES = [
    "' OR 1=1 --",
    '"; DROP TABLE events; --',
    "'; DELETE FROM articles; --",
    "NEAR(",
    "NEAR(flood patras, 2)",
    "*",
    '"',
    '"""',
    "patras*",
    "title:floods",
    "floods OR 1",
    "AND OR NOT",
    "(",
    ")",
    "^",
    "-",
    "floods) UNION SELECT data FROM articles --",
    "%",
    "_",
    "\\",
    "\u0000",
    "\x00' OR ''='",
    "ﷺ ‮ 𝔣𝔩𝔬𝔬𝔡",
    "a" * 500,
]


def need_pipeline() -> None:
    """Writes run the whole pipeline; skip (outside CI) while a stage is not importable."""
    try:
        import newsweave.pipeline  # noqa: F401
    except ImportError as e:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"the ingest pipeline is not importable yet: {e}")


def lexical():
    from newsweave.embed import get_encoder

    return get_encoder("lexical")


@pytest.fixture(autouse=True)
def _no_env_token(monkeypatch):
    for name in ("NEWSWEAVE_TOKEN", "NEWSWEAVE_CORS_ORIGINS", "NEWSWEAVE_MAX_BODY_BYTES", "NEWSWEAVE_WRITE_RATE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "api.db")
    store = open_store(path)
    store.save_batch(sample_batch())
    store.close()
    return path


def make_client(db: str, token: str | None = TOKEN, **settings) -> TestClient:
    app = create_app(db, token=token, settings=ApiSettings(**{"write_rate": 1000, "write_burst": 1000, **settings}),
                     encoder=_lazy_lexical())
    return TestClient(app)


def _lazy_lexical():
    try:
        return lexical()
    except Exception:  # noqa: BLE001 - the embed stage may be mid-rewrite; reads do not need it
        return None


@pytest.fixture
def client(db):
    with make_client(db) as c:
        yield c


def table_names(db: str) -> set[str]:
    with sqlite3.connect(db) as con:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}


# --- basics -----------------------------------------------------------------------------------------
def test_health(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["schema_version"] >= 1 and body["writes_enabled"] is True
    assert body["counts"]["events"] == 4 and body["counts"]["articles"] == 12


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {"/articles", "/events", "/events/{event_id}", "/articles/{article_id}", "/stories/{story_id}",
            "/health"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/articles"] and "requestBody" in spec["paths"]["/articles"]["post"]


def test_event_detail_groups_articles_by_language(client):
    e = client.get("/events/ev_floods").json()
    assert e["title"] == "Deadly floods hit Patras, Greece" and e["category"] == "disaster"
    assert e["breaking"] == pytest.approx(2.5) and e["key_numbers"][0]["value"] == 2
    assert list(e["articles"]) == ["el", "ar", "en", "fr"]  # most covered language first
    assert [a["id"] for a in e["articles"]["el"]] == ["gr-1", "gr-2"]  # oldest first
    assert e["article_count"] == 5 and not e["articles_truncated"]
    tl = e["timeline"]
    assert tl["bucket"] == "hour" and len(tl["buckets"]) == 27
    assert all(len(v) == len(tl["buckets"]) for v in tl["series"].values())
    assert sum(map(sum, tl["series"].values())) == 5 and tl["series"]["el"][0] == 1
    assert e["removed"] == {"share": 2, "cookie": 1}
    for key in ("id", "summary", "date", "location", "entities", "languages", "article_ids", "story_id",
                "first_seen", "last_seen", "size", "titles"):
        assert key in e


def test_event_detail_truncates_fairly(db):
    with make_client(db, event_articles=2) as c:
        e = c.get("/events/ev_floods").json()
    assert e["articles_truncated"] and sum(len(v) for v in e["articles"].values()) == 2
    assert list(e["articles"]) == ["el", "ar", "en", "fr"] and e["article_count"] == 5


def test_article_explanation(client):
    a = client.get("/articles/gr-2").json()
    assert a["event_id"] == "ev_floods" and a["language"] == "el"
    s = a["assignment"]
    assert s["probability"] == pytest.approx(0.93) and not s["new_event"] and s["candidates"] == 3
    assert s["features"]["dense"] == pytest.approx(0.82)
    assert set(s["contributions"]) <= set(s["features"]) and s["contributions"]


def test_story_lists_events_in_order(client):
    s = client.get("/stories/st_storms").json()
    assert s["title"].startswith("Storms") and [e["id"] for e in s["events"]] == ["ev_floods", "ev_quake"]


@pytest.mark.parametrize("path", ["/events/nope", "/articles/nope", "/stories/nope", "/no/such/route",
                                  "/events/%3Cscript%3E"])
def test_unknown_ids_are_404_json(client, path):
    r = client.get(path)
    assert r.status_code == 404
    body = r.json()
    assert set(body) == {"error", "detail"} and ("not found" in body["error"] or "no " in body["error"])
    assert r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "limit=x", "date_from=2026-13-45", "date_to=0",
                                   "breaking=maybe", "cursor=%25%25%25", "cursor=bm90IGEgY3Vyc29y"])
def test_bad_parameters_are_422(client, query):
    r = client.get("/events?" + query)
    assert r.status_code == 422, r.text
    assert r.json()["error"].startswith("invalid")


# --- filters and pagination ---------------------------------------------------------------------------
def ids(r) -> list[str]:
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["events"]]


def test_filters(client):
    assert ids(client.get("/events", params={"q": "Patras"})) == ["ev_floods"]
    assert ids(client.get("/events", params={"q": "باتراس"})) == ["ev_floods"]  # Arabic headline is indexed
    assert ids(client.get("/events", params={"q": "peletidis"})) == ["ev_floods"]  # entity names too
    assert set(ids(client.get("/events", params={"language": "ar"}))) == {"ev_floods", "ev_quake", "ev_budget"}
    assert ids(client.get("/events", params={"country": "tr"})) == ["ev_quake"]
    assert ids(client.get("/events", params={"place": "beirut"})) == ["ev_budget"]
    assert ids(client.get("/events", params={"category": "politics"})) == ["ev_budget"]
    assert ids(client.get("/events", params={"entity": "alias:afad"})) == ["ev_quake"]
    assert ids(client.get("/events", params={"entity": "AFAD", "q": "earthquake"})) == ["ev_quake"]
    assert ids(client.get("/events", params={"date_from": "2026-03-14", "date_to": "2026-03-14"})) == ["ev_quake"]
    assert ids(client.get("/events", params={"breaking": "true"}))[0] == "ev_floods"
    assert ids(client.get("/events", params={"story_id": "st_storms"})) == ["ev_quake", "ev_floods"]


def walk(client, page: int = 1, **params) -> list[str]:
    seen, cursor, pages = [], None, 0
    while True:
        r = client.get("/events", params={**params, "limit": page, **({"cursor": cursor} if cursor else {})})
        seen += ids(r)
        cursor = r.json()["next_cursor"]
        pages += 1
        assert pages < 100
        if not cursor:
            return seen


@pytest.mark.parametrize("params", [{}, {"breaking": "true"}, {"language": "ar"}, {"q": "Patras"}])
def test_pagination_round_trip(client, params):
    everything = ids(client.get("/events", params={**params, "limit": 100}))
    assert walk(client, **params) == everything
    assert len(set(everything)) == len(everything)


def test_cursor_is_opaque_and_checked(client):
    cursor = client.get("/events", params={"limit": 1}).json()["next_cursor"]
    assert cursor and "ev_" not in cursor
    # a cursor from the newest-first listing does not fit the breaking-first one
    assert client.get("/events", params={"limit": 1, "breaking": "true", "cursor": cursor}).status_code == 422
    forged = base64.urlsafe_b64encode(b'["x", 1]').decode()
    assert client.get("/events", params={"cursor": forged}).status_code == 422


def test_pagination_with_undated_events(tmp_path):
    """Events without last_seen sort last and are paged through like the others."""
    from newsweave.model import Event
    from newsweave.store.base import Batch

    path = str(tmp_path / "undated.db")
    store = open_store(path)
    batch = sample_batch()
    batch.events += [Event(f"ev_nodate_{i}", title=f"Undated {i}") for i in range(3)]
    store.save_batch(batch)
    store.save_batch(Batch())
    store.close()
    with make_client(path) as c:
        everything = ids(c.get("/events", params={"limit": 100}))
        assert len(everything) == 7 and walk(c) == everything
        assert walk(c, breaking="true") == ids(c.get("/events", params={"limit": 100, "breaking": "true"}))


# --- hostile input ----------------------------------------------------------------------------------
@pytest.mark.parametrize("q", HOSTILE_QUERIES)
def test_injection_strings_in_search_are_just_text(client, db, q):
    r = client.get("/events", params={"q": q})
    assert r.status_code == 200, r.text
    assert isinstance(r.json()["events"], list)
    for param in ("language", "country", "place", "entity", "category", "story_id"):
        r = client.get("/events", params={param: q[:8] if param == "country" else q[:16] if param == "language" else q})
        assert r.status_code in (200, 422), r.text
    assert TABLES <= table_names(db)
    assert client.get("/health").json()["counts"]["events"] == 4


def test_sql_injection_does_not_match_everything(client):
    assert ids(client.get("/events", params={"q": "' OR 1=1 --"})) == []
    assert ids(client.get("/events", params={"category": "x' OR '1'='1"})) == []
    assert ids(client.get("/events", params={"entity": "%"})) == []


def test_xss_payloads_come_back_as_data(client):
    e = client.get("/events/ev_xss").json()
    assert e["title"] == XSS_TITLE and e["summary"] == XSS_TEXT
    a = client.get("/articles/xss-1").json()
    assert a["title"] == XSS_TITLE and a["text"] == XSS_TEXT
    r = client.get("/events", params={"q": "window"})
    assert r.headers["content-type"].startswith("application/json")


def test_html_pages_carry_no_data_and_no_inline_script(client):
    for path in ("/", "/?q=%3Cscript%3Ealert(1)%3C/script%3E"):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        html = r.text
        assert "<script>" not in html and "onerror" not in html and "__xss" not in html
        assert "alert(1)" not in html
        # every script is an external file from this origin (the CSP forbids inline script)
        assert html.count("<script") == html.count('<script src="/static/')
    js = client.get("/static/app.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in js, f"app.js uses {sink}"


def test_security_headers_everywhere(client):
    for path in ("/", "/events", "/static/app.js", "/events/nope", "/openapi.json"):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp and "'unsafe-eval'" not in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def test_cors_is_off_by_default(db):
    with make_client(db) as c:
        pre = c.options("/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
        assert "access-control-allow-origin" not in pre.headers
        r = c.get("/events", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers
    with make_client(db, cors_origins=["https://news.example"]) as c:
        r = c.get("/events", headers={"Origin": "https://news.example"})
        assert r.headers["access-control-allow-origin"] == "https://news.example"
        r = c.get("/events", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers


def test_cors_origins_from_environment(monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_CORS_ORIGINS", "https://a.example, https://b.example")
    assert ApiSettings().cors_origins == ["https://a.example", "https://b.example"]


# --- writes: auth, limits -------------------------------------------------------------------------------
ONE = {"id": "n1", "title": "Fire in Patras port", "text": "A fire broke out in the port of Patras on Monday."}


def test_write_without_token_is_401(client):
    r = client.post("/articles", json=ONE)
    assert r.status_code == 401 and "Bearer" in r.json()["error"] and r.headers["www-authenticate"].startswith("Bearer")
    for header in ("Bearer wrong", "Basic czNjcmV0", f"bearer {TOKEN}x", "Bearer", TOKEN):
        r = client.post("/articles", json=ONE, headers={"Authorization": header})
        assert r.status_code == 401, header
    assert client.get("/articles/n1").status_code == 404


def test_writes_refused_without_configured_token(db):
    with make_client(db, token=None) as c:
        r = c.post("/articles", json=ONE, headers=AUTH)
        assert r.status_code == 403 and "NEWSWEAVE_TOKEN" in r.json()["error"]
        assert c.get("/health").json()["writes_enabled"] is False


def test_token_from_environment(db, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_TOKEN", "from-env")
    c = TestClient(create_app(db))
    assert c.post("/articles", json=ONE, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert c.get("/health").json()["writes_enabled"] is True


def test_rate_limit_on_writes(db):
    with make_client(db, write_rate=0.01, write_burst=3) as c:
        codes = [c.post("/articles", json=ONE).status_code for _ in range(4)]
        assert codes == [401, 401, 401, 429]  # failed attempts count too: no token guessing at full speed
        r = c.post("/articles", json=ONE, headers=AUTH)
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "too many" in r.json()["error"] and r.json()["detail"]["retry_after"] >= 1
        assert c.get("/events").status_code == 200  # reads are not limited


def test_body_over_limit_is_413(db):
    with make_client(db, max_body_bytes=2000) as c:
        big = [dict(ONE, id=f"b{i}") for i in range(40)]
        r = c.post("/articles", json=big, headers=AUTH)
        assert r.status_code == 413 and "limit" in r.json()["error"]
    with make_client(db, max_records=2) as c:
        r = c.post("/articles", json=[ONE, ONE, ONE], headers=AUTH)
        assert r.status_code == 422 and "too many articles" in r.json()["error"]


@pytest.mark.parametrize("body", [b"{not json", b"[]", b"[" * 100_000, b"\xff\xfe"])
def test_malformed_bodies_are_422(client, body):
    r = client.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]


@pytest.mark.parametrize("body", [b"42", b'"text"', b"null", b'[{"id": "x"}, 7]'])
def test_records_that_are_not_articles_are_quarantined(client, body):
    need_pipeline()
    r = client.post("/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    rep = r.json()
    assert rep["ingested"] == 0 and rep["rejected"] >= 1 and rep["errors"][0]["index"] == 0


def _stream(total: int, counter: list[int]):
    chunk = b" " * 65536
    while counter[0] < total:
        counter[0] += len(chunk)
        yield chunk


def test_100mb_body_is_refused_unread(db):
    """A 100 MB upload gets 413 from the header alone, or after the limit when streamed without a length."""
    hundred = 100 * 1024 * 1024
    app = create_app(db, token=TOKEN, settings=ApiSettings(max_body_bytes=1_000_000))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with serve(app) as url:
        # 1. declared length: refused before a byte of the body is read
        t = time.monotonic()
        sent = [0]
        r = httpx.post(f"{url}/articles", content=_stream(hundred, sent), timeout=30,
                       headers={**AUTH, "Content-Type": "application/json", "Content-Length": str(hundred)})
        assert r.status_code == 413 and r.json()["detail"]["content_length"] == hundred
        assert time.monotonic() - t < 10
        # 2. chunked upload, no length: the server counts and stops at the limit
        sent = [0]
        r = httpx.post(f"{url}/articles", content=_stream(hundred, sent), timeout=30,
                       headers={**AUTH, "Content-Type": "application/json"})
        assert r.status_code == 413 and "limit" in r.json()["error"]
        # 3. raw socket: answer arrives while the client is still sending
        with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=10) as s:
            s.sendall(f"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      f"Authorization: Bearer {TOKEN}\r\nContent-Length: {hundred}\r\n\r\n".encode())
            s.sendall(b"[")  # 1 byte of the declared 100 MB
            head = s.recv(4096).decode("latin-1")
        assert head.startswith("HTTP/1.1 413")
        assert httpx.get(f"{url}/health").status_code == 200
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < 60, f"memory grew by {grown_mb:.0f} MB: the body was buffered"


# --- writes through the pipeline --------------------------------------------------------------------
def test_post_articles_ingests_and_quarantines(client):
    need_pipeline()
    batch = [
        {"id": "p1", "title": "Wildfire near Patras forces evacuations",
         "text": "A wildfire near Patras forced the evacuation of three villages on Monday.", "language": "en",
         "published": "2026-03-16T08:00:00Z", "source": "example.org"},
        {"id": "p2", "title": "Πυρκαγιά κοντά στην Πάτρα", "text": "Πυρκαγιά ξέσπασε κοντά στην Πάτρα τη Δευτέρα.",
         "published": "2026-03-16T09:00:00+02:00"},
        {"id": "p3", "title": "No text here"},
        {"id": "p4", "title": "Bad date", "text": "Body", "published": "yesterday-ish"},
        {"id": "p5", "title": XSS_TITLE, "text": XSS_TEXT, "published": "2026-03-16"},
    ]
    r = client.post("/articles", json=batch, headers=AUTH)
    assert r.status_code == 200, r.text
    rep = r.json()
    assert rep["ingested"] == 3 and rep["rejected"] == 2 and rep["processed"] == 3
    bad = {e["index"]: e for e in rep["errors"]}
    assert set(bad) == {2, 3} and bad[2]["id"] == "p3" and "text" in bad[2]["error"]
    assert "published" in bad[3]["error"]
    a = client.get("/articles/p5").json()
    assert a["title"] == XSS_TITLE and a["event_id"] and a["assignment"]["event_id"] == a["event_id"]
    assert client.get(f"/events/{a['event_id']}").status_code == 200
    # one object, not a list; a repeat is a duplicate
    r = client.post("/articles", json=batch[0], headers=AUTH)
    assert r.status_code == 200 and r.json()["duplicates"] == 1 and r.json()["ingested"] == 0


def test_reads_keep_working_during_a_10k_ingest(tmp_path):
    """4 readers hammer a real server while 10,000 articles are POSTed: no errors, reads finish during it."""
    need_pipeline()
    path = str(tmp_path / "busy.db")
    store = open_store(path)
    store.save_batch(sample_batch())
    store.close()
    app = create_app(path, token=TOKEN, settings=ApiSettings(write_rate=1000, write_burst=1000),
                     encoder=lexical())
    n_total, per_request = 10_000, 1_000
    done = threading.Event()
    writer_error: list[BaseException] = []
    write_window: list[float] = []
    latencies: list[tuple[float, float]] = []  # (finished at, seconds)
    errors: list[str] = []
    lock = threading.Lock()

    def writer(url: str) -> None:
        try:
            with httpx.Client(base_url=url, timeout=900, headers=AUTH) as c:
                write_window.append(time.monotonic())
                for start in range(0, n_total, per_request):
                    r = c.post("/articles", json=synthetic_records(start, start + per_request))
                    assert r.status_code == 200, r.text
                write_window.append(time.monotonic())
        except BaseException as e:  # noqa: BLE001 - reported by the test thread
            writer_error.append(e)
        finally:
            done.set()

    def reader(url: str, k: int) -> None:
        paths = ["/events?limit=20", "/events/ev_floods", "/events?q=patras&limit=20", "/events/ev_quake",
                 "/health"]
        with httpx.Client(base_url=url, timeout=60) as c:
            i = k
            while not done.is_set():
                t = time.monotonic()
                try:
                    r = c.get(paths[i % len(paths)])
                    ok = r.status_code == 200
                    msg = f"{paths[i % len(paths)]}: {r.status_code} {r.text[:200]}"
                except httpx.HTTPError as e:
                    ok, msg = False, f"{paths[i % len(paths)]}: {e!r}"
                end = time.monotonic()
                with lock:
                    latencies.append((end, end - t))
                    if not ok:
                        errors.append(msg)
                i += 1
                time.sleep(0.005)  # busy readers, not a denial of service on the writer

    # CI once saw one POST get no answer for 600 s (stop 13; never reproduced here, also not on one core with a
    # CPU hog beside it): if the ingest is still running after 240 s, print every thread's stack to find out why.
    faulthandler.dump_traceback_later(240, repeat=False)
    try:
        with serve(app) as url:
            threads = [threading.Thread(target=writer, args=(url,))]
            threads += [threading.Thread(target=reader, args=(url, k)) for k in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=900)
            count = httpx.get(f"{url}/health").json()["counts"]["articles"]
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert not writer_error, writer_error
    assert not errors, errors[:5]
    assert count == 12 + n_total
    start, end = write_window
    during = [s for at, s in latencies if start <= at <= end]
    worst = max(during)
    p95 = sorted(during)[int(len(during) * 0.95)]
    print(f"\ningest of {n_total} took {end - start:.1f} s; {len(during)} reads meanwhile, "
          f"p95 {p95 * 1000:.0f} ms, max {worst * 1000:.0f} ms")
    assert len(during) >= 100
    assert worst < 10.0


# --- schema fuzzing -----------------------------------------------------------------------------------
def test_schemathesis_finds_no_server_errors(db, tmp_path):
    """Fuzz every operation from /openapi.json (bounded) against a real server: no 5xx, responses match the schema."""
    try:
        import schemathesis  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("schemathesis is not installed (pip install schemathesis==4.32.5)")
    need_pipeline()
    app = create_app(db, token=TOKEN, settings=ApiSettings(write_rate=1000, write_burst=1000), encoder=lexical())
    cli = Path(sys.executable).with_name("schemathesis")
    # POST /articles deliberately takes records that break its schema: it quarantines them one by one
    # (reported in the response) instead of refusing the batch. Rejected records then do not exist, so
    # "created resource not found" is expected too; "positive data acceptance" would need valid bodies only.
    (tmp_path / "schemathesis.toml").write_text(
        '[[operations]]\ninclude-path = "/articles"\ninclude-method = "POST"\n'
        "checks.negative_data_rejection.enabled = false\n"
    )
    with serve(app) as url:
        proc = subprocess.run(
            [str(cli), "run", f"{url}/openapi.json", "--max-examples=20", "--seed=1", "--workers=1",
             "--exclude-checks=positive_data_acceptance,ignored_auth,ensure_resource_availability",
             "--generation-database=none", "--no-color", f"--header=Authorization: Bearer {TOKEN}",
             "--request-timeout=60"],
            capture_output=True, text=True, timeout=500, cwd=tmp_path,
        )
        after = httpx.get(f"{url}/health")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-6000:]
    assert "5xx" not in out.split("SUMMARY")[-1] and after.status_code == 200
    assert TABLES <= table_names(db)


def test_json_error_shape_on_wrong_method(client):
    r = client.put("/events")
    assert r.status_code == 405 and set(r.json()) == {"error", "detail"}


def test_read_only_connections_are_used_and_read_only(db):
    with make_client(db) as c:
        assert c.get("/events").status_code == 200
        readers = c.app.state.readers
        assert readers.separate and readers._opened
        with pytest.raises(sqlite3.OperationalError):
            readers._opened[0]._db.execute("DELETE FROM events")


def test_ingest_report_json_is_stable(client):
    spec = client.get("/openapi.json").json()
    report = spec["components"]["schemas"]["IngestOut"]["properties"]
    assert {"ingested", "duplicates", "rejected", "processed", "errors"} == set(report)
    assert json.dumps(spec)  # serialisable


def test_common_word_search_walks_the_index_with_the_same_results(tmp_path, monkeypatch):
    """A word in most events takes the index-walk plan: same events, same order, same pages."""
    import newsweave.store.sqlite as sqlite_store
    from newsweave.api.testing import synthetic_batches

    path = str(tmp_path / "many.db")
    store = open_store(path)
    for batch in synthetic_batches(2400):
        store.save_batch(batch)
    store.close()
    with make_client(path) as c:
        walked = {br: walk(c, page=23, q="person", breaking=br) for br in ("false", "true")}
        assert len(walked["false"]) == 600 and sorted(walked["false"]) == sorted(walked["true"])
        first = ids(c.get("/events", params={"q": "person", "limit": 50}))
        monkeypatch.setattr(sqlite_store, "_WALK_INDEX_FROM", 10**9)
        assert ids(c.get("/events", params={"q": "person", "limit": 50})) == first == walked["false"][:50]
        assert ids(c.get("/events", params={"q": "person", "limit": 100, "breaking": "true"})) == walked["true"][:100]
