"""Category: one of :data:`CATEGORIES`, from per-language stem lexicons and entity types.

The lexicons (``newsweave/data/category/lexicon_<lang>.txt``, how they were built
is in the README there) list, per language and category, whole words and word
prefixes (``σεισμ*``, ``inundați*``), each line with a weight: 1.0 for words
that name the category (earthquake, election), 0.5 for words that lean to it
but occur elsewhere too (police, minister, fire).

An article is read as its title and the opening of its body, folded
(lowercase, no accents; Arabic clitics و ف ب ل ك and the article ال are
stripped before lookup). Each word votes once per category with its best
matching entry; a word in the title counts double, and a repeated entry
counts sub-linearly (1 + 0.3 per repeat, at most three repeats). An article
naming an armed group (``Entity.type == "group"``) adds a conflict vote.

The event's scores are the sum of its articles' scores, each divided by the
square root of the article's total evidence and weighted by centrality, so
that one long, wordy article does not outvote five short ones. The best category wins if its raw evidence reaches
``MIN_EVIDENCE`` (one strong word); otherwise the event is ``other``.
Articles of a language without a lexicon (or ``und``) are read with every
lexicon.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsweave.describe.context import LEAD_CHARS, EventContext
from newsweave.describe.text import fold
from newsweave.model import Article

CATEGORIES = (
    "conflict", "politics", "disaster", "crime", "economy", "health", "sports", "culture", "science/tech", "other",
)
LANGUAGES = ("en", "el", "ro", "ar", "fr", "de", "es", "it", "pt", "ru", "tr", "pl")
MIN_EVIDENCE = 1.0
GROUP_VOTE = 1.0
_TOKEN = re.compile(r"\w+")
_AR_ARTICLE = ("وال", "فال", "بال", "كال", "لل", "ال")
_AR_CLITIC = ("و", "ف", "ب", "ل", "ك")


@dataclass
class Lexicon:
    """Entries of one language: exact words, prefixes and two-word phrases."""

    exact: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    prefix: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    pairs: dict[str, list[tuple[str, bool, str, float]]] = field(default_factory=lambda: defaultdict(list))
    min_prefix: int = 99
    max_prefix: int = 0

    def add(self, term: str, category: str, weight: float) -> None:
        star = term.endswith("*")
        words = [_ar_base(w) for w in fold(term.rstrip("*")).replace("'", "_").split("_") if w]
        if not words:
            return
        if len(words) >= 2:
            self.pairs[words[0]].append((words[1], star, category, weight))
            return
        word = words[0]
        table = self.prefix if star else self.exact
        table[word][category] = max(weight, table[word].get(category, 0.0))
        if star:
            self.min_prefix = min(self.min_prefix, len(word))
            self.max_prefix = max(self.max_prefix, len(word))


def _ar_base(word: str) -> str:
    """An Arabic word without its article (for lexicon entries)."""
    if word[:1] and "\u0600" <= word[0] <= "\u06ff":
        for p in ("ال",):
            if word.startswith(p) and len(word) - len(p) >= 3:
                return word[len(p):]
    return word


def _forms(token: str) -> list[str]:
    """The token, plus (for Arabic) the token without clitics and article."""
    if not ("\u0600" <= token[0] <= "\u06ff"):
        return [token]
    out = [token]
    for p in _AR_ARTICLE:
        if token.startswith(p) and len(token) - len(p) >= 3:
            out.append(token[len(p):])
            break
    else:
        for c in _AR_CLITIC:
            if token.startswith(c) and len(token) >= 4:
                out.append(token[1:])
                break
    return out


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    """Every bundled lexicon, by language code."""
    out: dict[str, Lexicon] = {}
    folder = resources.files("newsweave.data").joinpath("category")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not (entry.name.startswith("lexicon_") and entry.name.endswith(".txt")):
            continue
        for raw in entry.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            head, _, body = line.partition(":")
            lang, category, weight = head.split()
            if category not in CATEGORIES:
                raise ValueError(f"{entry.name}: unknown category {category!r}")
            lex = out.setdefault(lang, Lexicon())
            for term in body.split():
                lex.add(term, category, float(weight))
    return out


def _lookup(lex: Lexicon, tok: str) -> dict[str, tuple[float, str]]:
    """Best (weight, entry) per category for one folded token (exact and prefix entries)."""
    best: dict[str, tuple[float, str]] = {}
    for f in _forms(tok):
        for cat, w in lex.exact.get(f, {}).items():
            if w > best.get(cat, (0.0, ""))[0]:
                best[cat] = (w, f)
        for n in range(min(len(f), lex.max_prefix), lex.min_prefix - 1, -1):
            hit = lex.prefix.get(f[:n])
            if hit:
                for cat, w in hit.items():
                    if w > best.get(cat, (0.0, ""))[0]:
                        best[cat] = (w, f[:n] + "*")
    return best


_MEMO: dict[tuple[int, str], dict[str, tuple[float, str]]] = {}
_MEMO_MAX = 100_000
_NONE: dict[str, tuple[float, str]] = {}


def _cached_lookup(lex: Lexicon, tok: str) -> dict[str, tuple[float, str]]:
    key = (id(lex), tok)
    hit = _MEMO.get(key)
    if hit is None:
        if len(_MEMO) >= _MEMO_MAX:
            _MEMO.clear()
        hit = _MEMO[key] = _lookup(lex, tok) or _NONE
    return hit


def score_text(title: str, body: str, language: str | None) -> dict[str, float]:
    """Category evidence of one text (title counts double)."""
    lex_all = lexicons()
    chosen = [lex_all[language]] if language in lex_all else list(lex_all.values())
    hits: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for part, boost in ((title, 2.0), (body, 1.0)):
        toks = _tokens(part, names=boost == 1.0 and language != "de")
        for i, tok in enumerate(toks):
            if not tok or tok.isdigit():
                continue  # a number, or part of a multi-word proper name
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            for lex in chosen:
                best = _cached_lookup(lex, tok)
                pairs = lex.pairs.get(tok) or (lex.pairs.get(_forms(tok)[-1]) if tok[0] >= "\u0600" else None)
                if pairs and nxt:
                    best = dict(best)
                    nforms = _forms(nxt)
                    for second, star, cat, w in pairs:
                        if any(x == second or (star and x.startswith(second)) for x in nforms):
                            if w >= best.get(cat, (0.0, ""))[0]:
                                best[cat] = (w, f"{tok}_{second}")
                for cat, (w, entry) in best.items():
                    hits[cat][entry].append(w * boost)
    scores: dict[str, float] = {}
    for cat, entries in hits.items():
        total = 0.0
        for ws in entries.values():
            total += max(ws) * (1.0 + 0.3 * min(len(ws) - 1, 3))
        scores[cat] = total
    return scores


def _tokens(text: str, names: bool) -> list[str]:
    """Folded word tokens; with ``names``, words of multi-word capitalised names become ''.

    "Piața Victoriei", "Cartel Alfa", "Toumba Stadium" name places and bodies, not
    kinds of news. Acronyms (ECB, FIFA) and sentence-initial words are kept;
    German (every noun capitalised) and titles (often Title Case) are read whole.
    """
    folded = fold(text)
    if not names:
        return _TOKEN.findall(folded)
    ms = list(_TOKEN.finditer(text))
    if len(folded) == len(text):
        toks = [folded[m.start(): m.end()] for m in ms]
    else:
        toks = [fold(m.group()) for m in ms]
    caps = [False] * len(ms)
    for i, m in enumerate(ms):
        w = m.group()
        if w[0].isupper() and not w.isupper():
            before = text[max(0, m.start() - 4): m.start()].rstrip(" \t\"'«“„(")
            caps[i] = bool(before) and not before.endswith((".", "!", "?", ":", ";", "\n"))
    for i, m in enumerate(ms):
        if not caps[i]:
            continue
        left = i > 0 and ms[i - 1].group()[0].isupper() and _adjacent(text, ms[i - 1], m)
        right = i + 1 < len(ms) and caps[i + 1] and _adjacent(text, m, ms[i + 1])
        if left or right:
            toks[i] = ""
    return toks


def _adjacent(text: str, a: re.Match, b: re.Match) -> bool:
    gap = text[a.end(): b.start()]
    return len(gap) <= 2 and gap.strip(" -'’") == ""


def article_scores(a: Article, cache: dict | None = None) -> dict[str, float]:
    """Evidence per category for one article (memoised in ``cache`` when given)."""
    if cache is not None and "category" in cache:
        return cache["category"]
    scores = score_text(a.title, a.text[:LEAD_CHARS], a.language)
    if any(e.type == "group" for e in a.entities):
        scores["conflict"] = scores.get("conflict", 0.0) + GROUP_VOTE
    if cache is not None:
        cache["category"] = scores
    return scores


def categorize_scores(per_article: list[tuple[dict[str, float], float]]) -> str:
    """Combine (scores, weight) pairs of articles into one category."""
    event: dict[str, float] = defaultdict(float)
    raw: dict[str, float] = defaultdict(float)
    for scores, w in per_article:
        total = sum(scores.values())
        if total <= 0:
            continue
        scale = 1.0 / max(1.0, math.sqrt(total))
        for cat, s in scores.items():
            event[cat] += w * s * scale
            raw[cat] += s
    if not event:
        return "other"
    best = max(event, key=lambda c: (event[c], raw[c], -CATEGORIES.index(c)))
    return best if raw[best] >= MIN_EVIDENCE else "other"


def category(ctx: EventContext) -> str:
    """The event's category."""
    return categorize_scores(
        [(article_scores(a, info.cache), w) for a, info, w in zip(ctx.articles, ctx.infos, ctx.weights)]
    )
