"""HTML pages to main text and metadata (trafilatura), plus the captions it drops."""

from __future__ import annotations

import html as _html
import re
from typing import Any

import trafilatura

from .text import ends_sentence

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b|<div\b|<p\b|<!--)", re.I)
_HTML_TAG = re.compile(r"</(?:p|div|body|html|article|span|a|li|h[1-6])\s*>", re.I)


def looks_like_html(text: str) -> bool:
    """True for a markup page rather than extracted text.

    >>> looks_like_html("<html><body><p>Hi</p></body></html>"), looks_like_html("5 < 6 and 7 > 3")
    (True, False)
    """
    head = text[:2000]
    return bool(_HTML_START.match(head)) and bool(_HTML_TAG.search(text[:200_000]))


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of an HTML page, via trafilatura.

    Returns ``{"title", "text", "date", "author", "site", "url"}``; ``text`` is None when
    the page has no article body. Paragraphs in ``text`` are separated by newlines.

    >>> extract_html("<html><body><article><p>" + "Rain fell on Patras all day. " * 8
    ...              + "</p></article></body></html>")["text"][:24]
    'Rain fell on Patras all '
    """
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
        favor_recall=True,  # the line cleaner removes what extra noise this lets through
    )
    if doc is None:
        return {"title": None, "text": None, "date": None, "author": None, "site": None, "url": url}
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    text = get("text") or None
    if text and not _has_body(text):
        text = None  # a page of menus only: trafilatura falls back to returning them
    return {
        "title": get("title") or None,
        "text": text if text and text.strip() else None,
        "date": get("date") or None,
        "author": get("author") or None,
        "site": get("sitename") or None,
        "url": get("url") or url,
    }


def _has_body(text: str) -> bool:
    return any(len(line.split()) >= 3 or ends_sentence(line.strip()) for line in text.splitlines())


_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def html_captions(html: str) -> list[str]:
    """Text of each ``<figcaption>``, once each, in page order (trafilatura drops them).

    >>> html_captions("<figure><img><figcaption>Rain in <b>Patras</b>.</figcaption></figure>")
    ['Rain in Patras.']
    """
    out: list[str] = []
    for m in _FIGCAPTION.finditer(html):
        text = _SPACE.sub(" ", _html.unescape(_TAG.sub(" ", m.group(1)))).strip()
        text = re.sub(r"\s+([.,;:!?])", r"\1", text)
        if text and text not in out:
            out.append(text)
    return out


# Elements whose text stands on its own line (inline ones, like <a> and <b>, do not).
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
        "nav",
        "aside",
        "section",
        "article",
        "main",
        "figure",
        "figcaption",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "dt",
        "dd",
        "form",
        "button",
        "label",
        "br",
        "hr",
        "option",
    }
)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")


def page_lines(html: str) -> list[str]:
    """Every visible text line of the page, block by block (links and buttons on their own).

    Used to list what the extraction dropped, so that ``Article.removed`` accounts for
    the whole page and not only for what was cleaned after extraction.

    >>> page_lines("<nav><li>Home</li><li>World</li></nav><p>Rain in <a>Patras</a>.</p>")
    ['Home', 'World', 'Rain in Patras.']
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for bad in root.xpath("//" + " | //".join(_DROP_TAGS)):
        bad.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCK_TAGS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
        elif el.tag == "a":  # menus are often links with no space between them
            el.tail = " " + (el.tail or "")
    text = root.text_content()
    out = []
    for line in text.split("\n"):
        line = _SPACE.sub(" ", line).strip()
        if line:
            out.append(re.sub(r"\s+([.,;:!?])", r"\1", line) if " ." in line or " ," in line else line)
    return out
