"""Synthetic article streams for tests that need volume (kill -9 resume, concurrency).

Articles are generated from templates, in four languages, around planted events;
no real article text is involved.
"""

from __future__ import annotations

import datetime as dt
import json
import pickle
import random
import sqlite3
from pathlib import Path

CITIES = ["Patras", "Larissa", "Constanța", "Cluj-Napoca", "Mosul", "Aleppo", "Lyon", "Hamburg", "Sevilla", "Izmir"]
ACTS = {
    "en": ("Floods hit {c}", "Heavy floods struck {c} on {d}, officials said. {n} people were evacuated."),
    "el": ("Πλημμύρες στην {c}", "Σφοδρές πλημμύρες έπληξαν την {c} στις {d}. Απομακρύνθηκαν {n} άνθρωποι."),
    "ro": ("Inundații la {c}", "Inundații puternice au lovit {c} pe {d}, au anunțat oficialii. {n} persoane evacuate."),
    "ar": ("فيضانات في {c}", "ضربت فيضانات عنيفة مدينة {c} يوم {d}، وفق مسؤولين. تم إجلاء {n} شخصا."),
}
TOPICS = ["floods", "fire", "strike", "election", "earthquake", "protest", "summit", "storm"]


def synthetic_articles(n: int, events: int = 200, seed: int = 7) -> list[dict]:
    """``n`` articles about ``events`` planted events, each with a gold ``event`` field."""
    rng = random.Random(seed)
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    out = []
    for i in range(n):
        e = rng.randrange(events)
        lang = rng.choice(sorted(ACTS))
        city = CITIES[e % len(CITIES)]
        topic = TOPICS[(e // len(CITIES)) % len(TOPICS)]
        day = start + dt.timedelta(days=e % 30, hours=rng.randrange(24))
        title, body = ACTS[lang]
        extra = " ".join(rng.choice(["Rescue teams", "The mayor", "Residents", "Police", "Volunteers"])
                         + f" reported {topic} {e} damage in sector {rng.randrange(9)}." for _ in range(4))
        out.append({
            "id": f"syn-{i}",
            "title": title.format(c=city) + f" ({topic} {e})",
            "text": body.format(c=city, d=day.date().isoformat(), n=10 + e) + "\n\n" + extra,
            "published": day.isoformat(),
            "language": lang,
            "event": f"E{e}",
        })
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def db_snapshot(path: Path) -> dict:
    """Every table of a SQLite database that a run writes, by value: two runs that should agree compare equal."""
    db = sqlite3.connect(path)
    q = lambda sql: db.execute(sql).fetchall()  # noqa: E731
    return {
        "raw": q("SELECT id, seq, status FROM raw_articles ORDER BY id"),
        "articles": q("SELECT id, seq, event_id, duplicate_of, data, minhash FROM articles ORDER BY id"),
        "assignments": q("SELECT * FROM assignments ORDER BY article_id"),
        "events": q("SELECT id, story_id, size, data, listing FROM events ORDER BY id"),
        "stories": q("SELECT * FROM stories ORDER BY id"),
        "removed": q("SELECT * FROM removed ORDER BY article_id, idx"),
        "embeddings": q("SELECT * FROM embeddings ORDER BY model, text_hash"),
        "quarantine": q("SELECT stage, error, article_id FROM quarantine ORDER BY id"),
        "state": clusterer_state(q("SELECT value FROM state WHERE key='clusterer'")[0][0]),
    }


def clusterer_state(blob: bytes) -> dict:
    """The clusterer checkpoint, by value (pickle bytes depend on object sharing, not on content)."""
    d = pickle.loads(blob)
    if "newsweave.pipeline" in d:  # the pipeline's checkpoint wraps the clusterer's (plus events to describe)
        assert d["undescribed"] == {}, "a finished run leaves no event undescribed"
        d = pickle.loads(d["clusterer"]) if isinstance(d["clusterer"], bytes) else d["clusterer"]
    events = {}
    for eid, ev in d["events"].items():
        p = ev.profile
        vs = None if p.vector_sum is None else (p.vector_sum.dtype.str, p.vector_sum.tobytes())
        events[eid] = (ev.key, ev.story_id, ev.first_seen, ev.last_seen, p.vector.dtype.str, p.vector.tobytes(), vs,
                       p.entities, p.places, p.countries, p.terms, p.numbers, p.days, p.languages, p.n)
    return {"events": events, "next_key": d["next_key"], "clock": d["clock"], "dim": d["dim"]}
