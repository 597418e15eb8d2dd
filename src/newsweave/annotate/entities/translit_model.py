"""A learned letter-to-letter model of how Latin names are written in Arabic and Greek script, and back.

A stochastic edit transducer (Ristad & Yianilos 1998): a pair (Latin word, Arabic or Greek word) is made by
a chain of edits — one letter written as one letter, a Latin letter not written (Arabic writes no short
vowels), an Arabic or Greek letter with no Latin counterpart — each with a learned probability. Trained by
EM on the Latin and Arabic/Greek names of the cities in GeoNames (``bench/train_translit.py``; shipped as
``data/entities/translit.json``). A pair is called one name when the log-likelihood ratio of the transducer
against two independent letter models, per letter, clears a threshold chosen on held-out city names.

It complements the hand-written consonant keys of :mod:`names` (which miss Grace/«غريس», Marchand/«مارشان»):
on held-out GeoNames pairs it finds far more of the true pairs at a lower false-match rate (BENCHMARKS.md,
"Transliteration model").
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsweave.annotate._text import norm, script_of

END = "$"


def logsumexp(vals: list[float]) -> float:
    top = max(vals)
    if top == -math.inf:
        return top
    return top + math.log(sum(math.exp(v - top) for v in vals))


def latin_letters(word: str) -> str:
    """Lower-case a-z only (accents dropped): the Latin side of the model."""
    s = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in s if "a" <= c <= "z")


def native_letters(word: str, script: str) -> str:
    """The Arabic or Greek side: :func:`norm`-alised letters of that script only (final sigma folded)."""
    s = norm(word).replace("ς", "σ")
    if script == "arabic":
        return "".join(c for c in s if "\u0621" <= c <= "\u064a")
    return "".join(c for c in s if "\u03b1" <= c <= "\u03c9")


@dataclass
class Transducer:
    """Edit probabilities (log) for one script: sub[(x, y)], dele[x] (Latin letter unwritten), ins[y]
    (native letter without Latin), end; and the letter models the ratio is taken against."""

    script: str
    sub: dict[tuple[str, str], float]
    dele: dict[str, float]
    ins: dict[str, float]
    end: float
    latin_unigram: dict[str, float]
    native_unigram: dict[str, float]
    threshold: float
    min_edit: float = -9.0  # weakest edit allowed (see weakest_edit; chosen in bench/train_translit.py)
    floor: float = -30.0

    def forward(self, x: str, y: str) -> list[list[float]]:
        """f[i][j] = log P(x[:i], y[:j]), summed over every chain of edits (log space); training reuses it."""
        n, m, fl = len(x), len(y), self.floor
        sub, dele, ins = self.sub, self.dele, self.ins
        f = [[-math.inf] * (m + 1) for _ in range(n + 1)]
        f[0][0] = 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                if i == 0 and j == 0:
                    continue
                v = []
                if i and j:
                    v.append(f[i - 1][j - 1] + sub.get((x[i - 1], y[j - 1]), fl))
                if i:
                    v.append(f[i - 1][j] + dele.get(x[i - 1], fl))
                if j:
                    v.append(f[i][j - 1] + ins.get(y[j - 1], fl))
                f[i][j] = logsumexp(v)
        return f

    def log_joint(self, x: str, y: str) -> float:
        """log P(x, y) over every chain of edits, then the end."""
        return self.forward(x, y)[len(x)][len(y)] + self.end

    def weakest_edit(self, x: str, y: str) -> float:
        """The least likely edit on the single most likely chain of edits (Viterbi). A name one consonant
        off («Μόρες» for Montes) scores well per letter, but only through one very unlikely edit."""
        n, m, fl = len(x), len(y), self.floor
        best = [[(-math.inf, 0.0)] * (m + 1) for _ in range(n + 1)]
        best[0][0] = (0.0, 0.0)
        for i in range(n + 1):
            for j in range(m + 1):
                if i == 0 and j == 0:
                    continue
                options = []
                if i and j:
                    e = self.sub.get((x[i - 1], y[j - 1]), fl)
                    options.append((best[i - 1][j - 1][0] + e, min(best[i - 1][j - 1][1], e)))
                if i:
                    e = self.dele.get(x[i - 1], fl)
                    options.append((best[i - 1][j][0] + e, min(best[i - 1][j][1], e)))
                if j:
                    e = self.ins.get(y[j - 1], fl)
                    options.append((best[i][j - 1][0] + e, min(best[i][j - 1][1], e)))
                best[i][j] = max(options)
        return best[n][m][1]

    def log_null(self, s: str, unigram: dict[str, float]) -> float:
        return sum(unigram.get(c, self.floor) for c in s) + unigram[END]

    def score(self, latin: str, native: str) -> float:
        """Log-likelihood ratio per letter: > 0 when the transducer explains the pair better than chance."""
        x, y = latin_letters(latin), native_letters(native, self.script)
        if len(x) < 2 or len(y) < 2:
            return -math.inf
        llr = self.log_joint(x, y) - self.log_null(x, self.latin_unigram) - self.log_null(y, self.native_unigram)
        return llr / (len(x) + len(y))

    def checked_score(self, latin: str, native: str) -> float:
        """:meth:`score`, or -inf when the pair is not one name (below the threshold, or a very unlikely edit)."""
        s = self.score(latin, native)
        if s < self.threshold:
            return -math.inf
        x, y = latin_letters(latin), native_letters(native, self.script)
        return s if self.weakest_edit(x, y) >= self.min_edit else -math.inf

    def same(self, latin: str, native: str) -> bool:
        return self.checked_score(latin, native) > -math.inf

    def to_json(self) -> dict:
        return {"script": self.script, "threshold": self.threshold, "min_edit": self.min_edit, "end": self.end,
                "sub": {f"{a}{b}": round(v, 4) for (a, b), v in sorted(self.sub.items())},
                "dele": {k: round(v, 4) for k, v in sorted(self.dele.items())},
                "ins": {k: round(v, 4) for k, v in sorted(self.ins.items())},
                "latin_unigram": {k: round(v, 4) for k, v in sorted(self.latin_unigram.items())},
                "native_unigram": {k: round(v, 4) for k, v in sorted(self.native_unigram.items())}}

    @classmethod
    def from_json(cls, d: dict) -> Transducer:
        return cls(d["script"], {(k[0], k[1]): v for k, v in d["sub"].items()}, d["dele"], d["ins"], d["end"],
                   d["latin_unigram"], d["native_unigram"], d["threshold"], d["min_edit"])


MODEL_FILE = "translit.json"


@lru_cache(maxsize=1)
def _models() -> dict[str, Transducer]:
    path = resources.files("newsweave.data").joinpath("entities", MODEL_FILE)
    data = json.loads(path.read_text("utf-8"))
    return {d["script"]: Transducer.from_json(d) for d in data["models"]}


def _pair(a: str, b: str) -> tuple[Transducer, str, str] | None:
    """The model for a Latin word and an Arabic or Greek word, with the pair as (Latin, native); else None."""
    sa, sb = script_of(a), script_of(b)
    if sa != "latin":
        a, b, sa, sb = b, a, sb, sa
    model = _models().get(sb) if sa == "latin" else None
    return (model, a, b) if model is not None else None


@lru_cache(maxsize=65536)
def same_word_across_scripts(a: str, b: str) -> bool:
    """Whether a Latin word and an Arabic or Greek word are one name by the learned transducer
    (False for any other pair of scripts).

    >>> same_word_across_scripts("Marchand", "مارشان"), same_word_across_scripts("Marchand", "حسين")
    (True, False)
    """
    got = _pair(a, b)
    return got is not None and got[0].same(got[1], got[2])


def score_across_scripts(a: str, b: str) -> float:
    """The transducer's per-letter log-likelihood ratio of a Latin word and an Arabic or Greek word (-inf for
    other pairs of scripts or when the pair is not one name by :func:`same_word_across_scripts`'s test). That
    test accepts from the model's threshold (~0.2); matching one word against many candidates needs more."""
    got = _pair(a, b)
    return -math.inf if got is None else got[0].checked_score(got[1], got[2])
