"""Optional zero-shot entity recognition with GLiNER (``pip install newsweave[gliner]``).

Off by default: the default install has no torch, and the statistical recogniser of
:mod:`newsweave.annotate.entities` needs none. When ``Settings.gliner_model`` (env
``NEWSWEAVE_GLINER_MODEL``) names a hub model (e.g. ``urchade/gliner_multi-v2.1``) or a
local directory, :func:`recognizer_from_settings` loads it and :meth:`GlinerRecognizer.augment`
adds the people, organisations and armed groups it finds to an annotated article. Its
names go through :func:`newsweave.annotate.entities.resolve_name`, so they get the same keys
as annotate's own (alias table first), and an actor both find is counted once.

The cleaned text is cut into chunks of whole sentences (GLiNER reads at most a few hundred
words at a time; ``max_words``) and the span offsets are mapped back onto the text. The
labels are asked in English, which multilingual GLiNER models accept for any language.
"location" is asked too, though places are not entities here: a competing label keeps a
city from being read as an organisation, and location spans are then dropped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from newsweave.model import Article, Entity

if TYPE_CHECKING:
    from newsweave.config import Settings

# GLiNER label -> Entity.type (None: asked, then dropped)
LABELS: dict[str, str | None] = {"person": "person", "organization": "org", "armed group": "group", "location": None}
_SENTENCE_END = re.compile(r"(?<=[.!?؟。])\s+|\n+")
_WORD = re.compile(r"\S+")


class Predictor(Protocol):
    """The part of ``gliner.GLiNER`` used here."""

    def predict_entities(self, text: str, labels: list[str], threshold: float = 0.5) -> list[dict[str, Any]]: ...


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
    label: str
    score: float


def chunks(text: str, max_words: int = 200) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of ``text`` of at most ``max_words`` words, cut after sentences
    where possible (a sentence longer than the limit is cut between words)."""
    start = 0
    words = 0
    end = 0
    for piece in _pieces(text, max_words):
        s, e = piece
        n = len(_WORD.findall(text, s, e))
        if words and words + n > max_words:
            if text[start:end].strip():
                yield start, text[start:end]
            start, words = s, 0
        words += n
        end = e
    if text[start:end].strip():
        yield start, text[start:end]


def _pieces(text: str, max_words: int) -> Iterator[tuple[int, int]]:
    """Sentence spans, each split into runs of ``max_words`` words when longer."""
    pos = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        ws = list(_WORD.finditer(text, pos, end))
        for i in range(0, len(ws), max_words):
            run = ws[i: i + max_words]
            yield run[0].start(), run[-1].end()
        if m is not None:
            pos = m.end()


def _model_source(name: str) -> tuple[str, bool]:
    """(what to pass to ``from_pretrained``, local files only). A directory is loaded as is;
    a hub name resolves from the Hugging Face cache when ``HF_HUB_OFFLINE`` is set."""
    p = Path(name).expanduser()
    if p.is_dir():
        return str(p), True
    return name, os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0")


def load_model(name: str, device: str = "cpu") -> Predictor:
    """Load a GLiNER model by hub name or local directory (imports gliner and torch here)."""
    try:
        from gliner import GLiNER
    except ImportError as e:  # the extra is not installed
        raise RuntimeError("GLiNER is optional: pip install 'newsweave[gliner]'") from e
    source, local = _model_source(name)
    model = GLiNER.from_pretrained(source, local_files_only=local, map_location=device)
    model.eval()
    return model


class GlinerRecognizer:
    """Zero-shot people / organisations / armed groups, keyed like annotate's entities.

    ``model`` is a hub name or a directory, loaded on first use; ``predictor`` replaces the
    model (anything with GLiNER's ``predict_entities``), which is how the mapping is tested
    without torch.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        threshold: float = 0.5,
        max_words: int = 200,
        labels: Sequence[str] = tuple(LABELS),
        device: str = "cpu",
        predictor: Predictor | None = None,
    ) -> None:
        if model is None and predictor is None:
            raise ValueError("GlinerRecognizer needs a model name/directory or a predictor")
        self.model_name = model
        self.threshold = threshold
        self.max_words = max_words
        self.labels = [x for x in labels if x in LABELS]
        self.device = device
        self._predictor = predictor

    @property
    def predictor(self) -> Predictor:
        if self._predictor is None:
            assert self.model_name is not None
            self._predictor = load_model(self.model_name, self.device)
        return self._predictor

    def spans(self, text: str) -> list[Span]:
        """Every labelled span of ``text``, offsets into ``text``."""
        out = []
        for off, chunk in chunks(text, self.max_words):
            for r in self.predictor.predict_entities(chunk, self.labels, threshold=self.threshold):
                s, e = int(r["start"]), int(r["end"])
                out.append(Span(off + s, off + e, text[off + s: off + e], str(r["label"]), float(r.get("score", 1.0))))
        return out

    def entities(self, text: str, language: str | None = None) -> list[Entity]:
        """The spans as :class:`Entity` objects, merged by key, most mentioned first."""
        from newsweave.annotate.entities import resolve_name

        found: dict[str, Entity] = {}
        for sp in self.spans(text):
            typ = LABELS.get(sp.label)
            name = sp.text.strip(" \t\n,.;:!?\"'«»“”()")
            if typ is None or len(name) < 2:
                continue
            ent = resolve_name(name, typ, language)
            cur = found.get(ent.key)
            if cur is None:
                found[ent.key] = ent
                continue
            cur.count += 1
            for a in ent.aliases:
                if a not in cur.aliases:
                    cur.aliases.append(a)
            if not ent.key.startswith("alias:") and len(name) > len(cur.name):
                cur.name = name  # the fullest spelling, as annotate does
        return sorted(found.values(), key=lambda x: -x.count)

    def augment(self, article: Article) -> Article:
        """Add what GLiNER finds in the article's title and text to ``article.entities``;
        an actor annotate already has (same key, or a shared name) gains the new spellings."""
        text = f"{article.title}\n\n{article.text}" if article.title else article.text
        return merge_into(article, self.entities(text, article.language))


def merge_into(article: Article, extra: list[Entity]) -> Article:
    """Merge ``extra`` entities into the article's, by key or by a shared name."""
    by_key = {e.key: e for e in article.entities}
    by_name = {n.casefold(): e for e in article.entities for n in (e.name, *e.aliases)}
    for x in extra:
        cur = by_key.get(x.key) or next((by_name[n.casefold()] for n in (x.name, *x.aliases)
                                         if n.casefold() in by_name), None)
        if cur is None:
            article.entities.append(x)
            by_key[x.key] = x
            for n in (x.name, *x.aliases):
                by_name[n.casefold()] = x
            continue
        for n in (x.name, *x.aliases):
            if n not in cur.aliases and n != cur.name:
                cur.aliases.append(n)
    return article


def recognizer_from_settings(settings: Settings) -> GlinerRecognizer | None:
    """The configured recogniser, or None when ``gliner_model`` is empty (the default)."""
    name = (settings.gliner_model or "").strip()
    return GlinerRecognizer(name) if name else None


_LOADED: dict[str, GlinerRecognizer] = {}


def configured_recognizer() -> GlinerRecognizer | None:
    """The recogniser of the current settings, loaded once per process (workers each load their own)."""
    from newsweave.config import get_settings

    name = (get_settings().gliner_model or "").strip()
    if not name:
        return None
    if name not in _LOADED:
        _LOADED[name] = GlinerRecognizer(name)
    return _LOADED[name]
