"""Language identification with py3langid, tuned for news.

* All of py3langid's 142 classes are kept (NewsWeave takes news in any language);
  dialect and script classes are merged into their ISO 639-1 language
  (``arz``/``ary`` → ``ar``, ``yue``/``wuu`` → ``zh`` …) and probabilities are
  normalised so that the confidence is a real probability.
* The classifier walks bytes in Python, so only a sample is read (title/lead
  and a slice of the middle): that is as accurate on news and ~5× cheaper.
* A declared language (from the feed or the HTML) is kept when the text agrees
  or is too short to tell; it is overridden only when the text clearly says otherwise.

>>> detect_language("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια στα τρόφιμα.")[0]
'el'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np
from py3langid.langid import visit_counts

from newsweave.annotate._text import script_of
from newsweave.annotate.lexicon import _STOP_RAW, STOPWORDS
from newsweave.model import LanguageSegment

__all__ = ["detect_language", "language_profile", "language_segments", "segment_languages"]

FIRST_CHARS = 150  # read first; enough for most news leads
SURE = 0.95  # stop reading when the top language is this probable
SAMPLE_CHARS = 400  # otherwise read up to here, plus 150 characters from the middle
SHORT_CHARS = 25  # below this many letters the text cannot overrule a declared language
SEGMENT_MIN_CHARS = 40
MIN_CONFIDENCE = 0.25  # below this the guess is "und"

# py3langid class -> ISO 639-1 (or the class itself when it has no 639-1 code)
_ALIASES = {
    "arz": "ar",
    "ary": "ar",
    "grc": "el",
    "hbo": "he",
    "uzs": "uz",
    "wuu": "zh",
    "yue": "zh",
    "gug": "gn",
    "nn": "no",
    "zxx": "und",
}


@lru_cache(maxsize=1)
def _model():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    labels = [_ALIASES.get(c, c) for c in ident.nb_classes]
    uniq = list(dict.fromkeys(labels))
    group = np.zeros((len(labels), len(uniq)), dtype=np.float32)
    for i, lab in enumerate(labels):
        group[i, uniq.index(lab)] = 1.0
    return ident, uniq, group


def _normalise(ident, visits, nbytes: int) -> np.ndarray:
    """py3langid's normalised posterior (its ``_decide``), from feature counts, grouped by label."""
    _, _, group = _model()
    if visits:
        scores = ident._sparse_score(visits, ident.nb_ptc)
        scores = scores * (1.0 / math.sqrt(nbytes or 1))
        scores = np.exp(scores - scores.max())
    else:
        scores = np.ones(len(ident.nb_classes), dtype=np.float32)
    p = scores @ group
    return p / float(p.sum())


def _probs(text: str) -> np.ndarray:
    """Label probabilities for ``text``."""
    ident, _, group = _model()
    try:
        data = ident._encode(text)
        visits = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)
        return _normalise(ident, visits, len(data))
    except AttributeError:  # pragma: no cover - other py3langid versions
        ranked = dict(ident.rank(text))
        scores = np.array([ranked.get(c, 0.0) for c in ident.nb_classes], dtype=np.float32)
        p = scores @ group
        return p / float(p.sum() or 1.0)


def _progressive(text: str) -> np.ndarray:
    """Classify the first ``FIRST_CHARS``; read more (lead, then middle) only while unsure.

    The classifier walks a 40 MB automaton byte by byte, so every byte costs a cache
    miss: most articles are settled by their first 150 characters.
    """
    ident, labels, _ = _model()
    try:
        data = ident._encode(text[:FIRST_CHARS])
        visits = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data) or Counter()
        nbytes = len(data)
        p = _normalise(ident, visits, nbytes)
        if float(p.max()) >= SURE or len(text) <= FIRST_CHARS:
            return p
        mid = len(text) // 2
        more = (
            text[FIRST_CHARS:SAMPLE_CHARS] + "\n" + text[mid : mid + 150]
            if len(text) > SAMPLE_CHARS + 150
            else text[FIRST_CHARS:]
        )
        data2 = ident._encode(more)
        extra = visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, data2)
        if extra:
            visits.update(extra)
        return _normalise(ident, visits, nbytes + len(data2))
    except AttributeError:  # pragma: no cover - other py3langid versions
        return _probs(_sample(text))


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS + 150:
        return text
    mid = len(text) // 2
    return text[:SAMPLE_CHARS] + "\n" + text[mid : mid + 150]


_LETTERS = re.compile(r"[^\W\d_]")
# Scripts used by one language only: no need to ask the classifier.
_OWN_SCRIPTS = (
    ("el", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")),
    ("ka", re.compile("[\u10a0-\u10ff]")),
    ("hy", re.compile("[\u0530-\u058f]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
)


def _own_script(text: str) -> str | None:
    """The language when ≥ 90% of the first letters are in a script only it uses (Greek, Georgian…)."""
    head = text[:200]
    sc = script_of(head)
    if sc not in ("greek", "other"):
        return None
    n = len(_LETTERS.findall(head))
    if n < SHORT_CHARS:
        return None
    for lang, rx in _OWN_SCRIPTS if sc == "other" else _OWN_SCRIPTS[:1]:
        if len(rx.findall(head)) >= 0.9 * n:
            return lang
    return None


def detect_language(text: str, declared: str | None = None) -> tuple[str, float]:
    """Return ``(iso639_1, confidence)``; ``("und", 0.0)`` for text without letters.

    ``declared`` (the source's own claim) wins when the text agrees or is too short.

    >>> detect_language("Guvernul a anunțat vineri noi măsuri împotriva scumpirilor.")[0]
    'ro'
    """
    declared = (declared or "").strip().lower()[:2] or None
    if declared == "un":
        declared = None
    letters = len(_LETTERS.findall(text[:200])) if len(text) < 300 else 200
    if letters < SHORT_CHARS:
        if declared:
            return declared, 0.5
        if letters == 0:
            return "und", 0.0
    own = _own_script(text)
    if own is not None and (not declared or declared == own):
        return own, 0.99
    if declared in _STOP_CHECK and _function_words_agree(text, declared):
        return declared, 0.97  # the declaration and the text's function words agree: no classifier
    _, labels, _ = _model()
    p = _progressive(text)
    i = int(p.argmax())
    top, conf = labels[i], float(p[i])
    if declared and declared != top:
        pd = float(p[labels.index(declared)]) if declared in labels else 0.0
        # Keep the declaration unless the text clearly disagrees.
        if pd >= 0.05 or conf < 0.6:
            return declared, round(max(pd, 0.5 * (1.0 - conf)), 4)
    if top == "und" or conf < MIN_CONFIDENCE:
        return "und", round(conf, 4)
    return top, round(conf, 4)


_RAW_STOP = {lang: frozenset(ws.lower().split()) for lang, ws in _STOP_RAW.items()}
_PARA = re.compile(r"\n\s*\n|\n")
_SCRIPT_OF_LANG = {
    "el": "greek",
    "ru": "cyrillic",
    "uk": "cyrillic",
    "bg": "cyrillic",
    "sr": "cyrillic",
    "mk": "cyrillic",
    "ar": "arabic",
    "fa": "arabic",
    "ur": "arabic",
    "he": "hebrew",
}
_LATIN_STOP_LANGS = ("en", "fr", "de", "es", "it", "pt", "ro", "nl", "tr")
# Stopwords as written (with accents) and as normalised, for a quick split()-based profile.
_STOPSETS = {lang: set(STOPWORDS[lang]) | set(_RAW_STOP.get(lang, ())) for lang in (*_LATIN_STOP_LANGS, "ar")}
# Declared languages that may skip the classifier, and the languages they are checked against.
_STOP_CHECK = {lang: tuple(x for x in _LATIN_STOP_LANGS if x != lang) for lang in _LATIN_STOP_LANGS}
_STOP_CHECK["ar"] = ()


AGREE_MIN_HITS = 8  # distinct function words of the declared language in the first 400 characters ...
AGREE_MARGIN = 2.0  # ... and this many times more than of any other language with a list


def _function_words_agree(text: str, declared: str) -> bool:
    """Fast path for a declared language: its function words dominate the opening of the text
    (Latin-script languages with a word list here, and Arabic). Mixed or mislabelled texts fall
    through to the classifier."""
    head = text[:400]
    sc = script_of(head)
    if sc != _SCRIPT_OF_LANG.get(declared, "latin"):
        return False
    toks = set(head.lower().split())
    rivals = _STOP_CHECK[declared]
    own = len(_STOPSETS[declared] & toks)
    if own < AGREE_MIN_HITS:
        return False
    return all(own >= AGREE_MARGIN * len(_STOPSETS[r] & toks) for r in rivals)


def _stop_hits(par: str, langs: tuple[str, ...]) -> dict[str, int]:
    toks = par[:300].lower().split()
    return {lang: len(_STOPSETS[lang].intersection(toks)) for lang in langs}


def segment_languages(text: str, main: str | None = None) -> list[tuple[str, float]]:
    """Languages of the text with their share of its characters, largest first.

    Paragraphs are classified one by one, so that a Greek article quoting an
    English paragraph gives ``[("el", 0.8), ("en", 0.2)]``. When ``main`` (the
    article's language) is given, only paragraphs whose script or function words
    disagree with it are sent to the classifier: the fast path used by ``annotate``.

    >>> segs = segment_languages("Ο πρωθυπουργός μίλησε στη Βουλή για την οικονομία σήμερα.\\n"
    ...                          "The prime minister spoke to parliament about the economy today.")
    >>> sorted(lang for lang, share in segs)
    ['el', 'en']
    """
    return language_profile(text, main)[0]


def language_segments(text: str, main: str | None = None) -> list[LanguageSegment]:
    """Where each language is: stretches of ``text`` with offsets, language and confidence.

    Paragraphs are the units; a paragraph that mixes scripts (an English quote inside
    Greek or Arabic prose) is cut into sentences. Paragraphs and sentences too short to
    tell join their neighbour, and neighbours in one language merge.

    >>> text = ("Ο πρωθυπουργός μίλησε στη Βουλή για την οικονομία σήμερα.\\n"
    ...         "The prime minister spoke to parliament about the economy today.")
    >>> [(s.language, text[s.start:s.end][:10]) for s in language_segments(text, main="el")]
    [('el', 'Ο πρωθυπου'), ('en', 'The prime ')]
    """
    return language_profile(text, main)[1]


def language_profile(text: str, main: str | None = None) -> tuple[list[tuple[str, float]], list[LanguageSegment]]:
    """Both :func:`segment_languages` and :func:`language_segments`, each paragraph classified once."""
    memo: dict[str, tuple[str, float]] = {}
    main_script = _SCRIPT_OF_LANG.get(main or "", "latin") if main else None
    # Same-script mixing worth checking: English quoted in other languages, the big ones in English.
    rivals = ("fr", "de", "es") if main == "en" else ("en",)

    def decide(par: str) -> tuple[str, float]:
        if par not in memo:
            memo[par] = _unit_language(par, main, main_script, rivals)
        return memo[par]

    # Shares: paragraphs of SEGMENT_MIN_CHARS or more, by length (unchanged since shares were added).
    paras = [p.strip() for p in _PARA.split(text)]
    paras = [p for p in paras if len(p) >= SEGMENT_MIN_CHARS] or [text.strip()]
    total = sum(len(p) for p in paras) or 1
    shares: dict[str, float] = {}
    for par in paras:
        lang = decide(par)[0]
        shares[lang] = shares.get(lang, 0.0) + len(par) / total
    ranked = sorted(((k, round(v, 3)) for k, v in shares.items()), key=lambda kv: -kv[1])
    return ranked, _segments(text, decide)


def _unit_language(par: str, main: str | None, main_script: str | None, rivals: tuple[str, ...]) -> tuple[str, float]:
    """Language of one paragraph or sentence, with a confidence; cheap when it is in ``main``'s script."""
    if main:
        sc = script_of(par)
        if sc == main_script:
            if sc != "latin" or main not in _LATIN_STOP_LANGS:
                return main, 0.99  # the script alone says it (Greek, Arabic ... prose)
            hits = _stop_hits(par, (main, *rivals))
            best = max(rivals, key=hits.__getitem__)
            n = hits[best]
            if n < 3 or n < 1.5 * hits[main]:
                return main, 0.97  # its function words are main's
    lang, conf = detect_language(par)
    if conf < 0.5 and main:
        return main, 0.5
    return lang, conf


SENTENCE_MIN_CHARS = 20  # a shorter sentence of a mixed-script paragraph joins its neighbour
MIXED_SCRIPT_SHARE = 0.15  # a paragraph is cut into sentences when a second script has this share
_LINE = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^.!?؟。]+[.!?؟。]*")


def _mixed_script(par: str) -> bool:
    letters: Counter[str] = Counter()
    for word in par.split():
        letters[script_of(word)] += len(word)
    letters.pop("other", None)
    if len(letters) < 2:
        return False
    second = letters.most_common(2)[1][1]
    return second >= 15 and second >= MIXED_SCRIPT_SHARE * sum(letters.values())


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _segments(text: str, decide) -> list[LanguageSegment]:  # noqa: ANN001 - the closure above
    units: list[list] = []  # [start, end, language or None (too short to tell), confidence]
    for m in _LINE.finditer(text):
        a, b = _strip_span(text, m.start(), m.end())
        if b - a < SEGMENT_MIN_CHARS:
            if b > a:
                units.append([a, b, None, 0.0])
            continue
        if not _mixed_script(text[a:b]):
            units.append([a, b, *decide(text[a:b])])
            continue
        for sm in _SENTENCE.finditer(text, a, b):
            sa, sb = _strip_span(text, sm.start(), sm.end())
            if sb - sa >= SENTENCE_MIN_CHARS:
                units.append([sa, sb, *decide(text[sa:sb])])
            elif sb > sa:
                units.append([sa, sb, None, 0.0])
    if not units:
        return []
    known = [u for u in units if u[2] is not None]
    if not known:  # nothing long enough: the text as one piece
        a, b = units[0][0], units[-1][1]
        lang, conf = decide(text[a:b])
        return [LanguageSegment(a, b, lang, round(conf, 4))]
    last = known[0][2]
    for u in units:  # short pieces take the language before them (the first known one at the start)
        if u[2] is None:
            u[2] = last
        else:
            last = u[2]
    out: list[LanguageSegment] = []
    weight = 0.0
    for a, b, lang, conf in units:
        if out and out[-1].language == lang:
            seg = out[-1]
            if conf:  # length-weighted confidence over the classified pieces
                seg.confidence = (seg.confidence * weight + conf * (b - a)) / (weight + b - a)
                weight += b - a
            seg.end = b
        else:
            out.append(LanguageSegment(a, b, lang, conf))
            weight = float(b - a) if conf else 0.0
    for seg in out:
        seg.confidence = round(seg.confidence, 4)
    return out
