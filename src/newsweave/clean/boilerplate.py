"""Line-level boilerplate: menus, share bars, teasers, notices, bios, counters, adverts.

Two passes. :func:`classify` looks at one line at a time and only decides what a
line's own words make certain (a whole line of share buttons, a cookie notice, a
"Read also:" teaser, a photo credit). :func:`mark_structure` then uses position: the
block above the first real paragraph and the block below the last one may hold menus,
bylines and lists of other headlines that a single line cannot reveal, and the lines
that follow a "Most read" heading are headlines of other stories.

A real short paragraph ("The vote is on Friday.") survives because every rule needs
one of: the whole line made of widget words, a label prefix with a separator, a
notice vocabulary, or a position in the top/bottom block plus a non-sentence shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import wordlists as wl
from .text import Gate, Line, StartGate, ends_sentence, fold, fold_all, is_headline_like, trie_regex


def _alt(words: list[str]) -> str:
    return trie_regex(fold_all(words))


def _whole(*tables: dict[str, list[str]]) -> re.Pattern[str]:
    """A line made only of these phrases, with any non-letters (separators, counts) between."""
    words = [w for t in tables for w in wl.merged(t)]
    return re.compile(rf"^(?:[\W\d_]*(?:{_alt(words)})(?!\w))+[\W\d_]*$")


_SHARE = _whole(wl.SHARE)
_COMMENTS = _whole(wl.COMMENTS)
_ADVERT = _whole(wl.ADVERT)
_NAV_STRONG = _whole(wl.NAV_STRONG)
_NAV_ITEMS = _whole(wl.NAV_ITEMS, wl.NAV_STRONG)
_SEARCH = re.compile(rf"^(?:{_alt(wl.merged(wl.SEARCH_WORDS))})(?!\w)[\s.…:：]*$")
_COOKIE_BUTTON = _whole(wl.COOKIE_BUTTONS)
_WIDGETS = _whole(
    wl.SHARE, wl.COMMENTS, wl.ADVERT, wl.NAV_STRONG, wl.FONT_SIZE, wl.SEARCH_WORDS, {"": ["a+", "a-", "a"]}
)
_FONT = re.compile(
    rf"^(?:[\s|/:•·-]*(?:a\s*[+-]|a{{1,3}}|\+|-|[+-]?a|{_alt(wl.merged(wl.FONT_SIZE))})(?!\w))+[\s|/:•·-]*$"
)
_FONT_HINT = re.compile(rf"a\s*[+-]|{_alt(wl.merged(wl.FONT_SIZE))}")
_RELATED = re.compile(
    rf"^(?:[►▶•»>*-]\s*)?(?:{_alt(wl.merged(wl.RELATED_HEADINGS))})(?!\w)"
    r"(?:\s*[:：»>|–—-]+\s*(?P<rest>\S.*)|[\s:：.…»>!▼↓-]*)$"
)
_RELATED_START = StartGate(wl.merged(wl.RELATED_HEADINGS))
_AUTHOR_HEADING = re.compile(rf"^(?:{_alt(wl.merged(wl.AUTHOR_HEADINGS))})[\s:：]*$")
_META = re.compile(rf"^(?:{_alt(wl.merged(wl.META_PREFIXES))})(?!\w)(?:\s*[:：]|(?=[^.!?]*\d))")
_READ_TIME = re.compile(rf"\d+\s*(?:{_alt(wl.merged(wl.READ_TIME))})(?!\w)")
_COPYRIGHT = re.compile(rf"^(?:©|\(c\)|copyright\b)|(?<!\w)(?:{_alt(wl.merged(wl.COPYRIGHT))})(?!\w)")
_COPYRIGHT_GATE = Gate(wl.merged(wl.COPYRIGHT))
_FOLLOW = re.compile(rf"^(?:{_alt(wl.merged(wl.FOLLOW_PREFIXES))})(?!\w)")
_FOLLOW_START = StartGate(wl.merged(wl.FOLLOW_PREFIXES))
_SOCIAL = re.compile(r"facebook|twitter|instagram|telegram|youtube|tiktok|whatsapp|google news|viber|@\w")
_COOKIE = re.compile(rf"(?<!\w)(?:{_alt(wl.merged(wl.COOKIE_WORDS))})(?!\w)")
_COOKIE_GATE = Gate(wl.merged(wl.COOKIE_WORDS))
_CONSENT = re.compile(rf"(?<!\w)(?:{_alt(wl.merged(wl.COOKIE_CONSENT))})")  # prefix: inflections
_NEWSLETTER = re.compile(rf"(?<!\w)(?:{_alt(wl.merged(wl.NEWSLETTER))})(?!\w)")
_NEWSLETTER_NOUN = re.compile(rf"(?<!\w)(?:{_alt(wl.merged(wl.NEWSLETTER_NOUNS))})(?!\w)")
_NEWSLETTER_GATE = Gate(wl.merged(wl.NEWSLETTER) + wl.merged(wl.NEWSLETTER_NOUNS))
_MAILISH = re.compile(r"e-?mail|inbox|@|بريد")
_BYLINE = re.compile(rf"^(?:{_alt(wl.merged(wl.BYLINE_WORDS))})\s+\S")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
_LETTER = re.compile(r"[^\W\d_]")
_HANDLES = re.compile(r"^(?:[#@][\w.]+[\s,]*)+$")
_AGO = re.compile(rf"(?<!\w)(?:{_alt(wl.merged(wl.AGO))})(?!\w)")
_META_ALONE = re.compile(rf"^(?:{_alt(wl.merged(wl.META_PREFIXES))})[\s:：]*$")
_DATE_BITS = re.compile(r"\b(?:19|20)\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_date_line(line: Line) -> bool:
    """'12.03.2024 | 14:35', «Τρίτη, 12 Μαρτίου 2024»: a date or time with few words."""
    if line.words > 9 or line.ends or len(_ALPHA_WORD.findall(line.key)) > 4:
        return False
    if _DATE_BITS.search(line.key):
        return True
    # "2 hours ago", «πριν από 3 ώρες», «منذ 5 دقائق»
    return line.words <= 5 and any(c.isdigit() for c in line.text) and bool(_AGO.search(line.key))


_TIME_AGO = re.compile(r"^\d+\s*\w{1,12}\s*\w{0,8}$|^\d{1,2}:\d{2}$")

# Captions and credits.
_LABELS = _alt(wl.merged(wl.CAPTION_LABELS))
_AGENCIES = _alt(wl.PHOTO_AGENCIES)
_CREDIT_START = re.compile(
    rf"^[(\[]?\s*(?:{_LABELS})\.?\s*(?:[:：/|]|\b(?:by|von|de|par|por|di)\b)\s*(?P<rest>.+)$"
)
_CREDIT_END = re.compile(
    rf"(?:[(\[]\s*(?:(?:{_AGENCIES})\s*)?(?:{_LABELS})\.?\s*[:：/][^()\[\]]{{2,80}}[)\]]"
    rf"|[|/–—-]\s*(?:{_LABELS})\.?\s*[:：][^()]{{2,80}}"
    rf"|\s(?:{_LABELS})\.?\s*[:：]\s*[^.()]{{2,60}}"
    rf"|[(\[]\s*(?:{_AGENCIES})\s*/\s*[^()\[\]]{{2,60}}[)\]])\s*$"
)
# BBC-style "Image source, Getty Images" / "Image caption, Rescuers at work".
_MEDIA_LABEL = re.compile(
    r"^(?:image|media|photo|picture|video) (?P<what>source|caption|credit)s?\s*[,:]\s*\S"
)
_CREDIT_GATE = Gate(wl.merged(wl.CAPTION_LABELS) + wl.PHOTO_AGENCIES)
_AGENCY_CREDIT = re.compile(
    rf"^(?:{_AGENCIES})(?:\s*/\s*[^\d\W][\w .'’-]{{1,50}}|\s*/\s*(?:{_AGENCIES}))+\s*$"
    rf"|^(?:©|\(c\))\s*(?:{_AGENCIES})\b.{{0,40}}$"
)


_ROLE = re.compile(rf"(?<!\w)(?:{_alt(wl.merged(wl.AUTHOR_ROLES))})(?!\w)")
_ROLE_GATE = Gate(wl.merged(wl.AUTHOR_ROLES))
_COPULAS = frozenset(fold(w.split()[0]) for ws in wl.AUTHOR_COPULA.values() for w in ws)
_ARTICLES = {"ο", "η", "o", "i"}  # Greek «Ο/Η Γιάννης ...» starts a bio with an article
_STOP_FOLDED = frozenset(fold(w) for ws in wl.STOPWORDS.values() for w in ws)
_MENU_SEP = re.compile(r"\s[|•·›»>/]\s|\s?\|\s?|\s[–—-]\s")


def _is_bio(line: Line) -> bool:
    """'<Name> is a reporter covering ...', «Η Μαρία Π. είναι δημοσιογράφος», «محمد علي صحفي ...»."""
    if line.words > 70 or not _ROLE_GATE.may(line.tokens):
        return False
    m = _ROLE.search(line.key[:160])  # the role comes within the first few words
    if not m:
        return False
    # Folding keeps the word count, so the raw text's words line up with the key's.
    pre = line.text.split()[: len(line.key[: m.start()].split())]
    if pre and fold(pre[0]) in _ARTICLES:
        pre = pre[1:]
    if not pre or len(pre) > 10:
        return False
    cop = next((i for i, t in enumerate(pre) if fold(t.strip(",")) in _COPULAS), None)
    if cop is not None:
        name = pre[:cop]
        if len(pre) - cop - 1 > 5:
            return False
    else:
        # No copula ("John Smith, a reporter", «محمد علي صحفي»): name right before the role.
        name = []
        for t in pre:
            if t[0].islower() or fold(t.strip(",")) in _STOP_FOLDED:
                break
            name.append(t)
        if len(name) < 2 or len(pre) - len(name) > 2 or line.words > 45:
            return False
    if not 1 <= len(name) <= 4:
        return False
    return all(
        t[0].isalpha() and not t[0].islower() and fold(t.strip(",.")) not in _STOP_FOLDED for t in name
    )


def _is_menu(line: Line) -> bool:
    """'Home | World | Politics', 'Αρχική » Ελλάδα » Κοινωνία': short segments, separators."""
    parts = [p.strip() for p in _MENU_SEP.split(line.text) if p.strip()]
    if len(parts) < 2 or len(line.text) > 220:
        return False
    if any(len(p.split()) > 4 or ends_sentence(p) for p in parts):
        return False
    if sum(1 for p in parts if any(c.isalpha() for c in p)) < len(parts) - 1:
        return False
    if len(parts) >= 3:
        return True
    # Two segments: a breadcrumb only when one is a known menu item ("Home > Sport").
    return any(_NAV_ITEMS.match(fold(p)) for p in parts)


def classify(line: Line) -> None:
    """Decide what a line's own words make certain; set ``kind``/``flag`` on it.

    Short lines (menus, buttons, labels) get every test. Long lines, nearly always story,
    only meet the tests that a cheap word gate lets through, so most are never folded.
    """
    text = line.text
    if not _LETTER.search(text):
        if _is_date_line(line):
            line.flag = "date"
        else:
            line.drop("boilerplate", "no words")
        return
    short = len(text) <= 160 and line.words <= 14
    if short and _classify_short(line):
        return
    toks = line.tokens
    if len(text) <= 250 and (short or _RELATED_START.may(toks)):
        m = _RELATED.match(line.key)
        if m:
            if m.group("rest") is None:
                line.drop("related", "related-stories heading")
                line.flag = "related_heading"
            else:
                line.drop("related", "teaser of another story")
            return
    if short and _classify_short_late(line):
        return
    if line.words <= 30 and ("©" in text or _COPYRIGHT_GATE.may(toks)) and _COPYRIGHT.search(line.key):
        line.drop("boilerplate", "copyright")
        return
    if (
        line.words <= 25
        and _FOLLOW_START.may(toks)
        and _FOLLOW.match(line.key)
        and (not line.ends or _SOCIAL.search(line.key))
    ):
        line.drop("share", "follow us")
        return
    if line.words <= 80 and _COOKIE_GATE.may(toks) and _COOKIE.search(line.key) and _CONSENT.search(line.key):
        line.drop("cookie", "cookie notice")
        return
    if line.words <= 35 and _NEWSLETTER_GATE.may(toks) and _newsletter(line):
        line.drop("newsletter", "newsletter / subscription prompt")
        return
    if _credit(line):
        return
    if _is_bio(line):
        line.flag = "bio"
        return
    if short and _BYLINE.match(line.key) and line.words <= 6 and not line.ends:
        line.flag = "byline"
        return
    if _is_date_line(line):
        line.flag = "date"


def _classify_short(line: Line) -> bool:
    """Whole-line widgets: menus, search boxes, counters, buttons, labels."""
    key = line.key
    text = line.text
    if line.words <= 12 and (_URL.match(text) or _HANDLES.match(text)):
        line.drop("boilerplate", "link or handles only")
    elif _NAV_STRONG.match(key):
        line.drop("navigation", "menu / skip link")
    elif _SEARCH.match(key):
        line.drop("navigation", "search box")
    elif _COMMENTS.match(key):
        line.drop("comments", "comment counter")
    elif _FONT.match(key) and _FONT_HINT.search(key):
        line.drop("font_size", "font-size control")
    elif _ADVERT.match(key):
        line.drop("advert", "advert label")
    elif _SHARE.match(key):
        line.drop("share", "share buttons")
    elif _WIDGETS.match(key):
        if _FONT_HINT.search(key):
            line.drop("font_size", "font-size and page tools")
        else:
            line.drop("share", "widget bar")
    else:
        return False
    return True


def _classify_short_late(line: Line) -> bool:
    """Menus, breadcrumbs, consent buttons, box headings, metadata lines (after teasers)."""
    key = line.key
    if _NAV_ITEMS.match(key):
        if line.words >= 2 or _MENU_SEP.search(line.text):
            line.drop("navigation", "menu")
        else:
            line.flag = "nav"  # a lone "World": menu only at the top or bottom
    elif _is_menu(line):
        line.drop("navigation", "menu or breadcrumb")
    elif _COOKIE_BUTTON.match(key):
        line.flag = "cookie_button"
    elif _AUTHOR_HEADING.match(key):
        line.flag = "author_heading"
    elif not line.ends and (_META.match(key) or _META_ALONE.match(key)):
        line.drop("boilerplate", "metadata line")
    elif not line.ends and _READ_TIME.search(key):
        line.drop("boilerplate", "reading time")
    else:
        return False
    return True


def _newsletter(line: Line) -> bool:
    """A subscription prompt: "Sign up for our newsletter", «Abonează-te», "Your email address"."""
    key = line.key
    prompt = _NEWSLETTER.search(key)
    if _NEWSLETTER_NOUN.search(key):
        # "The ministry's newsletter said ..." is news; the prompt or a bare label is not.
        return bool(prompt) or (line.words <= 8 and not line.ends)
    if not prompt:
        return False
    return (line.words <= 6 and not line.ends) or bool(_MAILISH.search(key))


def _credit(line: Line) -> bool:
    if len(line.text) > 400:
        return False
    head = line.text[:48]
    # Every credit form that starts the line has a separator near the start.
    if line.words > 12 and not any(c in head for c in ":/|,©："):
        return _credit_end(line)
    key = line.key
    m = _MEDIA_LABEL.match(key)
    if m:
        line.drop("caption" if m.group("what") == "caption" else "credit", "photo caption or credit")
        return True
    m = _CREDIT_START.match(key)
    if m and len(m.group("rest").split()) <= 25:
        rest_words = len(m.group("rest").split())
        if rest_words <= 6:
            line.drop("credit", "photo credit")
        else:
            line.drop("caption", "photo caption")
        return True
    if _AGENCY_CREDIT.match(key):
        line.drop("credit", "photo credit")
        return True
    return _credit_end(line)


def _credit_end(line: Line) -> bool:
    raw_tail = line.text[-140:]  # a credit closes the line
    if (
        line.words <= 45
        and (":" in raw_tail or "/" in raw_tail or "：" in raw_tail)
        and _CREDIT_GATE.may(line.tokens)
        and _CREDIT_END.search(line.key[-140:])
    ):
        line.drop("caption", "photo caption with credit")
        return True
    return False


def _story(line: Line) -> bool:
    return line.kind is None and not line.flag


def mark_structure(lines: list[Line], title_key: str) -> None:
    """Position-aware pass: title repeats, top/bottom blocks, lists after headings."""
    for ln in lines:
        # (length first: folding keeps lengths, and most lines are far longer than a title)
        if ln.kind is None and title_key and abs(len(ln.text) - len(title_key)) <= 3 and ln.key == title_key:
            ln.drop("boilerplate", "title repeated")
    n = len(lines)
    paras = [i for i, ln in enumerate(lines) if _story(ln) and ln.para]
    first = paras[0] if paras else n
    last = paras[-1] if paras else -1

    # Lists after a "Most read" / "Read also" heading: the headlines that follow.
    for i, ln in enumerate(lines):
        if ln.reason != "related-stories heading":
            continue
        for j in range(i + 1, min(n, i + 16)):
            nxt = lines[j]
            if nxt.kind is not None and nxt.kind != "related":
                if nxt.kind == "boilerplate" and nxt.reason == "no words":
                    continue  # "•", "—" between headlines
                break
            if nxt.kind == "related":
                if nxt.reason == "related-stories heading":
                    break
                continue
            if (
                is_headline_like(nxt.text)
                or _TIME_AGO.match(nxt.key)
                or nxt.flag in ("date", "nav", "byline")
            ):
                nxt.drop("related", "headline of another story")
            else:
                break

    # Cookie consent buttons next to a cookie notice.
    for i, ln in enumerate(lines):
        if ln.flag == "cookie_button":
            near = lines[max(0, i - 3) : i] + lines[i + 1 : i + 4]
            if any(x.kind == "cookie" for x in near):
                ln.drop("cookie", "cookie consent button")

    # Author box: heading and the bio after it; "<Name> is a reporter ..." at the end.
    for i, ln in enumerate(lines):
        if ln.flag == "author_heading":
            ln.drop("author_bio", "author box heading")
            if i + 1 < n and lines[i + 1].kind is None and lines[i + 1].words <= 80:
                lines[i + 1].drop("author_bio", "author bio")
    real = [i for i, ln in enumerate(lines) if _story(ln) and ln.para]
    last_real = real[-1] if real else -1
    for i, ln in enumerate(lines):
        if ln.flag == "bio" and i > last_real:
            ln.drop("author_bio", "author bio")

    paras = [i for i, ln in enumerate(lines) if _story(ln) and ln.para]
    first = paras[0] if paras else n
    last = paras[-1] if paras else -1
    _top_block(lines[:first])
    if last >= 0:
        _bottom_block(lines[last + 1 :])

    for ln in lines:
        if ln.kind is None:
            ln.flag = ""


def _short_item(ln: Line) -> bool:
    return ln.kind is None and ln.words <= 3 and len(ln.text) <= 30 and not ln.ends


def _runs(block: list[Line], pred: Callable[[Line], bool]) -> list[list[Line]]:
    runs: list[list[Line]] = []
    cur: list[Line] = []
    for ln in block:
        if pred(ln):
            cur.append(ln)
        elif ln.kind is not None and cur:
            continue  # noise between menu items does not break the menu
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _sandwiched(block: list[Line]) -> None:
    """A short label between two removed lines of one kind is part of that widget.

    ("Newsletter" / «« La Matinale »» / "S'inscrire"). Only used above the first and below
    the last paragraph, and never for a line that ends like a sentence.
    """
    for i in range(1, len(block) - 1):
        ln, prev, nxt = block[i], block[i - 1], block[i + 1]
        if ln.kind is None and not ln.ends and ln.words <= 8 and prev.kind and prev.kind == nxt.kind:
            ln.drop(prev.kind, "between two lines of the same widget")


def _top_block(block: list[Line]) -> None:
    for ln in block:
        if ln.kind is not None:
            continue
        if ln.flag == "nav":
            ln.drop("navigation", "menu item at the top")
        elif ln.flag == "byline":
            ln.drop("boilerplate", "byline")
        elif ln.flag == "date":
            ln.drop("boilerplate", "date line")
    for run in _runs(block, _short_item):
        if len(run) >= 3:
            for ln in run:
                ln.drop("navigation", "menu at the top")
    _sandwiched(block)


def _bottom_block(block: list[Line]) -> None:
    for ln in block:
        if ln.kind is not None:
            continue
        if ln.flag == "nav":
            ln.drop("navigation", "menu item at the bottom")
        elif ln.flag == "date":
            ln.drop("boilerplate", "date line")
    for run in _runs(block, _short_item):
        if len(run) >= 2:
            for ln in run:
                ln.drop("navigation", "menu at the bottom")
    _sandwiched(block)
    heads = [ln for ln in block if ln.kind is None and is_headline_like(ln.text) and ln.words >= 3]
    if any(ln.text.rstrip().endswith(":") for ln in heads):
        return  # "The measures include:" and a list: part of the story
    if len(heads) >= 2:
        for ln in heads:
            ln.drop("related", "headline of another story")
