"""Summary: 2–4 extractive sentences, cross-lingual centroid + MMR, no repeated facts.

Sentences are the lead sentences (up to eight) of each voting article, each
represented by a *cheap cross-lingual bag*: transliterated 5-letter word
prefixes (so «Πάτρα», "Patra" and «Патра» meet) plus the numbers it contains.
No encoder is called: describe runs for every touched event on every batch.

1. **Centroid**: for every feature, the centrality-weighted share of the
   event's articles (all languages) whose lead contains it. Names, places and
   numbers that many reports in any language repeat dominate it.
2. **Relevance** of a sentence: 0.55 · its (normalised) centroid similarity
   + 0.30 · lead position prior 1/(1+pos) + 0.15 · its article's centrality.
3. **MMR**: pick the sentence maximising 0.7 · relevance − 0.3 · redundancy,
   where redundancy is the highest feature cosine with an already chosen
   sentence. A sentence is skipped outright when that cosine is ≥ 0.5, when
   all of its numbers were already stated and it either has two or more of
   them or shares words with the sentence that stated them (the same fact told
   again, e.g. by another source),
   and when it opens another report once the summary has its first sentence:
   every report's lead tells the main fact, so a second lead repeats it.
4. Stop at four sentences, or after two once 400 characters are reached, or
   when relevance drops below a third of the first pick's.

Candidates come from articles in the summary language (the title's); other
languages fill in only when it has fewer than two usable sentences.

Key numbers come from ``Article.numbers``: deduplicated by value, ordered by
how many articles repeat them, each with a sentence in the summary language
when one exists.
"""

from __future__ import annotations

import math
from collections import defaultdict

from newsweave.describe.context import EventContext, Sentence, feature_terms
from newsweave.model import NumberMention

MIN_CHARS, MAX_CHARS = 30, 320
MAX_SENTENCES, SOFT_CHARS = 4, 400
LAMBDA = 0.7
MAX_KEY_NUMBERS = 5
ENCODED_CANDIDATES = 24
# Redundancy: "the same sentence" and "shares words with it", for word-prefix bags and for embeddings
# (multilingual-e5 puts any two sentences about one event above ~0.8).
SAME, OVERLAP = 0.5, 0.1
SAME_ENCODED, OVERLAP_ENCODED = 0.93, 0.85


def _cos(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def summarize(ctx: EventContext, lang: str | None, title: str = "", encoder=None) -> str:
    """The extractive summary of the event (an empty string when no article has a usable sentence).

    With an ``encoder`` (``newsweave.embed.Encoder``) and three articles or more, the best
    ``ENCODED_CANDIDATES`` sentences are re-scored with sentence embeddings (relevance: cosine to
    the event centroid; redundancy: cosine between sentences). Off by default: the encoder is
    the pipeline's bottleneck.
    """
    centroid: dict[str, float] = defaultdict(float)
    total = 0.0
    for info, w in zip(ctx.infos, ctx.weights):
        for f in info.lead_feats:
            centroid[f] += w
        total += w
    if not centroid:
        return ""
    top_central = max(ctx.central) or 1.0
    title_terms = feature_terms(title) if title else frozenset()

    def pool(same_language: bool) -> list[tuple[Sentence, frozenset[str], float, float]]:
        out = []
        for a, info, c in zip(ctx.articles, ctx.infos, ctx.central):
            if same_language != ((a.language or "und") == lang):
                continue
            for s in info.sentences:
                n = len(s.text)
                if n < MIN_CHARS or n > MAX_CHARS or s.text.endswith((":", "?")) or len(s.terms) < 3:
                    continue
                f = s.feats
                if title_terms and _cos(s.terms, title_terms) >= 0.8:
                    continue  # the headline again
                sim = sum(centroid[x] for x in f) / (total * math.sqrt(len(f)))
                out.append((s, f, sim, c / top_central))
        return out

    cands = pool(True) if lang else []
    if len(cands) < 2:
        cands += pool(False)
    if not cands:
        return ""
    top_sim = max(c[2] for c in cands) or 1.0
    scored = [(s, f, 0.55 * sim / top_sim + 0.30 / (1 + s.pos) + 0.15 * cen) for s, f, sim, cen in cands]
    order = sorted(range(len(scored)), key=lambda i: -scored[i][2])
    scored = [scored[i] for i in order]
    cens = [cands[i][3] for i in order]
    similar, same_at, overlap_at = _cos_pair, SAME, OVERLAP
    if encoder is not None and len(ctx.articles) >= 3:
        scored, similar = _encoded(ctx, scored[:ENCODED_CANDIDATES], cens[:ENCODED_CANDIDATES], encoder)
        same_at, overlap_at = SAME_ENCODED, OVERLAP_ENCODED
    red = [0.0] * len(scored)  # highest cosine with a chosen sentence, kept up to date
    alive = [True] * len(scored)
    chosen: list[tuple[Sentence, frozenset[str], float]] = []
    stated: set[str] = set()
    seen_text: set[str] = set()
    first_rel = 0.0
    while len(chosen) < MAX_SENTENCES:
        best_i, best_val = -1, -1e9
        for i, (_, _, rel) in enumerate(scored):
            if alive[i]:
                val = LAMBDA * rel - (1 - LAMBDA) * red[i]
                if val > best_val:
                    best_i, best_val = i, val
        if best_i < 0:
            break
        alive[best_i] = False
        s, f, rel = scored[best_i]
        r = red[best_i]
        if s.text in seen_text or r >= same_at:
            continue
        if chosen and s.pos == 0:
            continue  # another report's opening sentence: it restates the main fact
        if chosen and s.numbers and s.numbers <= stated and (len(s.numbers) >= 2 or r >= overlap_at):
            continue  # the same numbers, told again
        if chosen and rel < first_rel / 3:
            break
        if len(chosen) >= 2 and sum(len(c[0].text) for c in chosen) >= SOFT_CHARS:
            break
        if not chosen:
            first_rel = rel
        chosen.append(scored[best_i])
        stated |= s.numbers
        seen_text.add(s.text)
        for i in range(len(scored)):
            if alive[i]:
                c = similar(best_i, i, scored)
                if c > red[i]:
                    red[i] = c
    return " ".join(s.text for s, _, _ in chosen)


def _cos_pair(i: int, j: int, scored: list) -> float:
    return _cos(scored[i][1], scored[j][1])


def _encoded(ctx: EventContext, scored: list, cens: list[float], encoder):
    """Re-score candidates with sentence embeddings; return them and a vector similarity."""
    import numpy as np

    vecs = np.asarray(encoder.encode([s.text for s, _, _ in scored]), dtype=np.float32)
    arts = [a.vector for a in ctx.articles]
    if all(v is not None for v in arts) and len(arts[0]) == vecs.shape[1]:
        centre = np.mean(np.stack(arts).astype(np.float32), axis=0)
    else:
        centre = vecs.mean(axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-12)
    sims = vecs @ centre
    top = float(sims.max()) or 1.0
    rescored = [
        (s, f, 0.55 * float(sims[k]) / top + 0.30 / (1 + s.pos) + 0.15 * cens[k]) for k, (s, f, _) in enumerate(scored)
    ]
    gram = vecs @ vecs.T

    def similar(i: int, j: int, _scored: list) -> float:
        return float(gram[i, j])

    return rescored, similar


def _is_year(n: NumberMention) -> bool:
    t = n.text.strip()
    return t.isdigit() and len(t) == 4 and 1900 <= n.value <= 2100


def key_numbers(ctx: EventContext, lang: str | None, limit: int = MAX_KEY_NUMBERS) -> list[NumberMention]:
    """The numbers the event turns on, most repeated first, one sentence each."""
    df: dict[float, int] = defaultdict(int)
    first: dict[float, int] = {}
    best: dict[float, tuple[tuple, NumberMention]] = {}
    order = 0
    for a, c in zip(ctx.articles, ctx.central):
        here: set[float] = set()
        for n in a.numbers:
            if _is_year(n):
                continue
            v = float(n.value)
            if v not in here:
                here.add(v)
                df[v] += 1
            first.setdefault(v, order)
            order += 1
            rank = ((a.language or "und") == lang, bool(n.sentence), c)
            if v not in best or rank > best[v][0]:
                best[v] = (rank, n)
    values = sorted(df, key=lambda v: (-df[v], first[v]))[:limit]
    return [NumberMention(v, best[v][1].text, best[v][1].sentence) for v in values]
