"""Synthetic article streams for tests that need volume (kill -9 resume, concurrency).

Articles are generated from templates, in four languages, around planted events;
no real article text is involved.
"""

from __future__ import annotations

import datetime as dt
import json
import random
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
