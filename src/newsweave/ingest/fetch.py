"""Fetch pages and feeds over HTTP(S) with httpx: timeouts, size caps, capped redirects, SSRF guard."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import httpx

from newsweave.config import Settings, get_settings
from newsweave.ingest.feeds import read_feed
from newsweave.ingest.files import read_html, read_jsonl
from newsweave.model import QuarantineEntry, RawArticle

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


class FetchError(Exception):
    """A URL that could not be fetched, with a message that says why."""


def check_public(url: str, allow_private: bool = False) -> None:
    """Refuse URLs that resolve to private, loopback, link-local or reserved addresses (SSRF guard).

    >>> check_public("http://127.0.0.1/feed")
    Traceback (most recent call last):
    ...
    newsweave.ingest.fetch.FetchError: refused http://127.0.0.1/feed: 127.0.0.1 is a loopback address (use --allow-private to permit)
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused {url}: only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchError(f"refused {url}: no host name")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve {parts.hostname}: {e.strerror}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        for kind, bad in (
            ("loopback", ip.is_loopback), ("private", ip.is_private), ("link-local", ip.is_link_local),
            ("multicast", ip.is_multicast), ("reserved", ip.is_reserved), ("unspecified", ip.is_unspecified),
        ):
            if bad:
                raise FetchError(f"refused {url}: {ip} is a {kind} address (use --allow-private to permit)")


def fetch(url: str, allow_private: bool = False, settings: Settings | None = None) -> tuple[str, bytes, str]:
    """GET a URL, following at most ``fetch_max_redirects`` redirects, each hop checked.

    Returns (final URL, body, content type). Raises FetchError with a clear reason.
    """
    s = settings or get_settings()
    headers = {"User-Agent": s.user_agent, "Accept": "text/html,application/xhtml+xml,application/xml,*/*;q=0.8"}
    with httpx.Client(timeout=s.fetch_timeout, follow_redirects=False, headers=headers) as client:
        for _ in range(s.fetch_max_redirects + 1):
            check_public(url, allow_private)
            try:
                with client.stream("GET", url) as resp:
                    if resp.is_redirect:
                        url = urljoin(url, resp.headers.get("location", ""))
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
                    declared = int(resp.headers.get("content-length") or 0)
                    if declared > s.fetch_max_bytes:
                        raise FetchError(f"{url}: body of {declared} bytes is over the {s.fetch_max_bytes} byte limit")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body.extend(chunk)
                        if len(body) > s.fetch_max_bytes:
                            raise FetchError(f"{url}: body is over the {s.fetch_max_bytes} byte limit")
                    return str(resp.url), bytes(body), resp.headers.get("content-type", "")
            except httpx.TimeoutException:
                raise FetchError(f"{url}: timed out after {s.fetch_timeout:g}s") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: {type(e).__name__}: {e}") from None
        raise FetchError(f"{url}: more than {s.fetch_max_redirects} redirects")


def read_url(
    url: str, allow_private: bool = False, settings: Settings | None = None
) -> Iterator[RawArticle | QuarantineEntry]:
    """Fetch a page or a feed and yield its articles; failures become quarantine entries."""
    s = settings or get_settings()
    try:
        final, body, ctype = fetch(url, allow_private, s)
    except FetchError as e:
        yield QuarantineEntry("read", str(e), "", url)
        return
    from newsweave.clean import decode_bytes

    try:
        text, _ = decode_bytes(body)
    except ValueError as e:
        yield QuarantineEntry("read", f"{final}: {e}", "", final)
        return
    head = text.lstrip()[:400].lower()
    if any(t in ctype for t in FEED_TYPES) or head.startswith("<?xml") and ("<rss" in head or "<feed" in head):
        yield from read_feed(text, final)
    elif "json" in ctype:
        yield from read_jsonl(text, final, s.max_record_bytes)
    else:
        yield from read_html(text, final, final, s.max_record_bytes, url=final)
