"""Ingest: every format, and bad input that is quarantined per record while the rest lands."""

from __future__ import annotations

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsweave.config import Settings
from newsweave.ingest import RecordError, iter_paths, parse_published, read_path, record_to_raw
from newsweave.ingest.fetch import FetchError, check_public, read_url
from newsweave.model import QuarantineEntry, RawArticle


def items(path):
    got = list(read_path(path))
    return [x for x in got if isinstance(x, RawArticle)], [x for x in got if isinstance(x, QuarantineEntry)]


def test_txt_title_is_first_line_and_id_is_stem(tmp_path):
    (tmp_path / "el-fire.txt").write_text("\n\nΦωτιά στην Πάτρα\nΗ φωτιά ξέσπασε χθες.\n", encoding="utf-8")
    ok, bad = items(tmp_path / "el-fire.txt")
    assert not bad and ok[0].id == "el-fire" and ok[0].title == "Φωτιά στην Πάτρα"
    assert ok[0].text == "Η φωτιά ξέσπασε χθες." and ok[0].raw.startswith("\n\nΦωτιά")


def test_jsonl_keeps_extra_fields_as_metadata(tmp_path):
    rec = {"id": "1", "title": "T", "text": "B", "published": "2026-03-13", "language": "EN", "tags": ["x"]}
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n")
    ok, _ = items(tmp_path / "a.jsonl")
    assert ok[0].metadata == {"tags": ["x"]} and ok[0].language == "en"
    assert ok[0].published.isoformat() == "2026-03-13T00:00:00+00:00"


def test_100k_line_jsonl_with_3_malformed_lines(tmp_path):
    lines = [json.dumps({"id": str(i), "title": f"t{i}", "text": f"body {i}"}) for i in range(100_000)]
    for n in (10, 5000, 99_999):
        lines[n] = lines[n][:-5]  # truncated JSON
    (tmp_path / "big.jsonl").write_text("\n".join(lines))
    ok, bad = items(tmp_path / "big.jsonl")
    assert len(ok) == 99_997 and len(bad) == 3
    assert all("malformed JSON" in b.error for b in bad)
    assert [b.origin.rsplit(":", 1)[1] for b in bad] == ["11", "5001", "100000"]


def test_csv_fields_and_missing_text_column(tmp_path):
    (tmp_path / "ok.csv").write_text("id,title,text,published\n1,T,Body,2026-03-13T10:00:00Z\n")
    ok, bad = items(tmp_path / "ok.csv")
    assert ok[0].id == "1" and not bad
    (tmp_path / "bad.csv").write_text("id,title,body\n1,T,Body\n2,U,Other\n")
    ok, bad = items(tmp_path / "bad.csv")
    assert not ok and len(bad) == 2 and "lacks column(s) text" in bad[0].error


@pytest.mark.parametrize(
    "published, message",
    [("13/03/2026", "not an ISO 8601"), ("2026-02-30", "not an ISO 8601"), ("2099-01-01", "in the future")],
)
def test_bad_and_future_dates_are_rejected_with_a_reason(tmp_path, published, message):
    (tmp_path / "d.csv").write_text(f"id,title,text,published\n1,T,Body,{published}\n2,U,Fine,2026-03-01\n")
    ok, bad = items(tmp_path / "d.csv")
    assert [o.id for o in ok] == ["2"] and message in bad[0].error


def test_binary_empty_and_zero_length(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "zero.jsonl").write_text(json.dumps({"id": "z", "title": "T", "text": ""}) + "\n")
    assert "binary" in items(tmp_path / "bin.txt")[1][0].error.lower()
    assert "empty file" in items(tmp_path / "empty.txt")[1][0].error
    assert "zero-length" in items(tmp_path / "zero.jsonl")[1][0].error


def test_huge_text_is_quarantined_not_processed(tmp_path):
    (tmp_path / "huge.txt").write_text("Title\n" + ("word " * 10_000_000))  # 50 MB
    ok, bad = items(tmp_path / "huge.txt")
    assert not ok and "over the 20 MB limit" in bad[0].error and len(bad[0].raw) > 40_000_000


def test_gzip_of_any_format(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(b'{"id":"g","title":"T","text":"B"}\n'))
    ok, _ = items(tmp_path / "a.jsonl.gz")
    assert ok[0].id == "g"


def test_html_with_no_body_and_broken_feed(tmp_path):
    (tmp_path / "x.html").write_text("<html><head><title>x</title></head><body></body></html>")
    assert "no article body" in items(tmp_path / "x.html")[1][0].error
    (tmp_path / "f.rss").write_text("<rss><channel><item><title>Broken")
    ok, bad = items(tmp_path / "f.rss")
    assert not ok and "broken feed XML" in bad[0].error


def test_feed_items_become_articles(tmp_path):
    (tmp_path / "f.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>'
        "<item><title>Σεισμός</title><link>https://e.gr/1</link><description>&lt;p&gt;Ισχυρός σεισμός.&lt;/p&gt;"
        "</description><pubDate>Fri, 13 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    ok, bad = items(tmp_path / "f.xml")
    assert not bad and ok[0].title == "Σεισμός" and ok[0].text == "Ισχυρός σεισμός."
    assert ok[0].published.isoformat() == "2026-03-13T10:00:00+00:00" and ok[0].source == "Site"


def test_directories_are_walked_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("T\nB")
    (tmp_path / "a" / "notes.bin").write_bytes(b"\0")
    assert [p.name for p in iter_paths([str(tmp_path)])] == ["x.txt"]


def test_record_validation_messages():
    with pytest.raises(RecordError, match="missing required field: text"):
        record_to_raw({"id": "1", "title": "T"}, "x")
    with pytest.raises(RecordError, match="expected a JSON object"):
        record_to_raw([1, 2], "x")
    assert parse_published("2026-03-13T09:40:00+02:00").utcoffset().total_seconds() == 7200


# --- URLs, against a local server started by the test -------------------------------
class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/500":
            self.send_response(500)
            self.end_headers()
            return
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/feed")
            self.end_headers()
            return
        body = (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>Item</title>'
            b"<link>http://x/1</link><description>Body text</description></item></channel></rss>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_private_addresses_are_refused_without_allow_private(server):
    with pytest.raises(FetchError, match="loopback"):
        check_public(server + "/feed")
    bad = list(read_url(server + "/feed"))
    assert isinstance(bad[0], QuarantineEntry) and "--allow-private" in bad[0].error
    for url in ("http://10.0.0.1/", "http://169.254.169.254/latest", "http://[::1]/", "file:///etc/passwd"):
        with pytest.raises(FetchError):
            check_public(url)


def test_feed_url_redirect_timeout_and_500(server):
    fast = Settings(fetch_timeout=1.0)
    ok = list(read_url(server + "/redirect", allow_private=True, settings=fast))
    assert isinstance(ok[0], RawArticle) and ok[0].title == "Item"
    slow = list(read_url(server + "/slow", allow_private=True, settings=fast))
    assert "timed out" in slow[0].error
    err = list(read_url(server + "/500", allow_private=True, settings=fast))
    assert "HTTP 500" in err[0].error
