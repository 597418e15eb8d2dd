"""SSRF guard against DNS rebinding: the address that was checked is the one connected to."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsweave.config import Settings
from newsweave.ingest import fetch as fetch_mod
from newsweave.ingest.fetch import FetchError, fetch

PUBLIC = "93.184.216.34"  # a public address; nothing is ever sent there (connect is stubbed below)


class _Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append(self.headers.get("Host", ""))
        body = b"<html><head><title>secret</title></head><body>internal</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def local_port():
    _Handler.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()


@pytest.fixture()
def rebinding_dns(monkeypatch):
    """A resolver for rebind.test: a public address on the first lookup, 127.0.0.1 on every later one.

    Connections to anything but 127.0.0.1 are refused at once (the test needs no network);
    every attempted address is recorded.
    """
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.create_connection
    lookups: list[str] = []
    connects: list[tuple[str, int]] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "rebind.test":
            ip = PUBLIC if not lookups else "127.0.0.1"
            lookups.append(ip)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, int(port or 80)))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        host = getaddrinfo(address[0], address[1])[0][4][0]  # names resolve through the stub, like the real one
        connects.append((host, address[1]))
        if host != "127.0.0.1":
            raise ConnectionRefusedError(f"test: no network to {host}")
        return real_connect((host, address[1]), *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return lookups, connects


def test_rebinding_to_loopback_after_the_check_is_refused(local_port, rebinding_dns):
    lookups, connects = rebinding_dns
    with pytest.raises(FetchError):
        fetch(f"http://rebind.test:{local_port}/admin", settings=Settings(fetch_timeout=2.0))
    assert _Handler.hits == []  # the internal server never saw a request
    assert lookups[0] == PUBLIC  # the check saw the public answer...
    assert connects and all(host == PUBLIC for host, _ in connects)  # ...and only it was connected to


def test_unpinned_client_would_have_been_rebound(local_port, rebinding_dns):
    """The attack the pinning stops: a plain client resolves again and reaches the loopback server."""
    import httpx

    fetch_mod.check_public(f"http://rebind.test:{local_port}/")  # passes: first answer is public
    r = httpx.get(f"http://rebind.test:{local_port}/admin", timeout=2.0)
    assert r.status_code == 200 and _Handler.hits == [f"rebind.test:{local_port}"]


def test_pinned_connection_keeps_host_header(monkeypatch, local_port):
    """A host that resolves (consistently) to the checked address is fetched with its own Host header."""
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "news.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", int(port)))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    # Pretend 127.0.0.1 is public for this one test, so the pinned path (not allow_private) runs.
    monkeypatch.setattr(fetch_mod, "check_public", lambda url, allow_private=False: "127.0.0.1")
    final, body, ctype = fetch(f"http://news.test:{local_port}/a", settings=Settings(fetch_timeout=2.0))
    assert b"internal" in body and ctype == "text/html"
    assert _Handler.hits == [f"news.test:{local_port}"]


def test_redirect_target_is_checked_again(monkeypatch):
    """Each redirect hop goes through the check: a public page redirecting to loopback is refused."""
    seen: list[str] = []

    def check(url: str, allow_private: bool = False) -> str:
        seen.append(url)
        if "127.0.0.1" in url:
            raise FetchError(f"refused {url}: loopback")
        return PUBLIC

    class _Redirect(httpx_transport_base()):
        def handle_request(self, request):
            import httpx

            return httpx.Response(302, headers={"location": "http://127.0.0.1/admin"}, request=request)

    monkeypatch.setattr(fetch_mod, "check_public", check)
    monkeypatch.setattr(fetch_mod, "_pinned_transport", lambda pins: _Redirect())
    with pytest.raises(FetchError, match="loopback"):
        fetch("http://news.test/page", settings=Settings(fetch_timeout=2.0))
    assert seen == ["http://news.test/page", "http://127.0.0.1/admin"]


def httpx_transport_base() -> type:
    import httpx

    return httpx.BaseTransport
