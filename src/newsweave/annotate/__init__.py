"""Annotate stage: understand an article in any language, offline.

``annotate(article)`` fills, in place: ``language``, ``language_confidence``,
``segments_languages``, ``language_segments``, ``dates``, ``places`` (main place first), ``entities``,
``numbers`` and ``event_date``. Title and body are read together (title first);
``DateMention.start`` is an offset in ``article.text``, or -1 for a date in the title.

The submodules have their own small public functions: :func:`detect_language`,
:func:`segment_languages`, :func:`extract_dates`, :func:`event_date`,
:func:`extract_places`, :func:`main_place`, :func:`extract_entities`,
:func:`extract_numbers`. :func:`warm_up` loads the gazetteer and models ahead of
time (~2–3 s), so that the first article is not slow.

>>> import datetime as dt
>>> from newsweave.model import Article
>>> a = annotate(Article(id="1", title="Σεισμός στην Πάτρα",
...     text="Ισχυρός σεισμός σημειώθηκε χθες το βράδυ στην Πάτρα. Τρεις άνθρωποι τραυματίστηκαν.",
...     published=dt.datetime(2026, 3, 14, 8, tzinfo=dt.timezone.utc)))
>>> a.language, a.places[0].name, a.event_date.isoformat(), a.numbers[0].value
('el', 'Patras', '2026-03-13', 3.0)
"""

from __future__ import annotations

import logging

from newsweave.annotate._text import Doc
from newsweave.annotate.dates import _as_date, event_date, extract_dates, mention_weights
from newsweave.annotate.dates import _find as _find_dates
from newsweave.annotate.entities import _alias_matches, extract_entities
from newsweave.annotate.entities import _extract as _extract_entities
from newsweave.annotate.language import detect_language, language_profile, language_segments, segment_languages
from newsweave.annotate.numbers import _find as _find_numbers
from newsweave.annotate.numbers import extract_numbers
from newsweave.annotate.places import _extract as _extract_places
from newsweave.annotate.places import extract_places, main_place
from newsweave.model import Article

__all__ = [
    "annotate",
    "warm_up",
    "detect_language",
    "segment_languages",
    "language_segments",
    "extract_dates",
    "event_date",
    "extract_places",
    "main_place",
    "extract_entities",
    "extract_numbers",
]

log = logging.getLogger(__name__)

MAX_CHARS = 200_000  # longer bodies are read up to here


def warm_up() -> None:
    """Load the gazetteer, the alias table and the language model now rather than on first use."""
    from newsweave.annotate.entities import _aliases
    from newsweave.annotate.gazetteer import get_index
    from newsweave.annotate.institutions import _table
    from newsweave.annotate.language import _model

    get_index()
    _aliases()
    _table()
    _model()


def annotate(article: Article) -> Article:
    """Fill the article's language, dates, places, entities, numbers and event date; return it.

    Each extractor is isolated: if one fails on a pathological text the others still
    run (the failure is logged with the article id) and its field is left empty.
    """
    title = (article.title or "").strip()
    body = (article.text or "")[:MAX_CHARS]
    declared = article.language if article.language and article.language != "und" else None
    lang, conf = detect_language(f"{title}\n{body}" if title else body, declared)
    article.language, article.language_confidence = lang, conf
    try:
        if body.strip():
            article.segments_languages, article.language_segments = language_profile(body, main=lang)
        else:
            article.segments_languages = [(lang, 1.0)]
    except Exception:  # pragma: no cover - defensive
        log.exception("annotate: segment_languages failed for article %s", article.id)

    full = f"{title}\n\n{body}" if title else body
    offset = len(title) + 2 if title else 0
    doc = Doc(full, lang)
    pub = _as_date(article.published)

    date_spans: list[tuple[int, int]] = []
    try:
        mentions = _find_dates(doc, pub)
        weights = mention_weights(doc, mentions)  # offsets still in `full` here
        for m in mentions:
            date_spans.append((m.start, m.start + len(m.text)))
            m.start = m.start - offset if m.start >= offset else -1
        article.dates = mentions
        article.event_date = event_date(mentions, pub, weights=weights)
    except Exception:  # pragma: no cover - defensive
        log.exception("annotate: dates failed for article %s", article.id)
        article.event_date = pub

    spans: list[tuple[int, int]] = []
    aliases = None
    try:
        aliases = _alias_matches(doc)  # known organisations first: "Croix-Rouge" is not two towns
        article.places, spans = _extract_places(doc, [(s, e) for s, e, _, _ in aliases])
    except Exception:  # pragma: no cover - defensive
        log.exception("annotate: places failed for article %s", article.id)
    try:
        article.entities = _extract_entities(doc, spans, aliases, body_start=offset, places=article.places)
    except Exception:  # pragma: no cover - defensive
        log.exception("annotate: entities failed for article %s", article.id)
    _augment_with_gliner(article)
    try:
        article.numbers = _find_numbers(doc, date_spans)
    except Exception:  # pragma: no cover - defensive
        log.exception("annotate: numbers failed for article %s", article.id)
    return article


def _augment_with_gliner(article: Article) -> None:
    """The optional zero-shot recogniser ([gliner] extra, off unless NEWSWEAVE_GLINER_MODEL is set).

    A model that is configured but cannot load is an error for the record (quarantined by the
    caller), not a silent fall-back: the user asked for it.
    """
    from newsweave.annotate.gliner_ner import configured_recognizer

    rec = configured_recognizer()
    if rec is not None:
        rec.augment(article)
