"""Test helpers: hand-made stores and a server in a thread, for the tests and the benchmark.

``sample_batch()`` is a small multilingual store (Greek, Arabic, English, French, Turkish)
with one hostile event whose title and text carry script-injection payloads.
``synthetic_batches(n)`` streams ``n`` synthetic articles grouped into events, fast
(no pipeline: events are written directly), for load tests. ``serve(app)`` runs uvicorn on a free loopback port in a thread.
"""

from __future__ import annotations

import datetime as dt
import random
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from newsweave.model import Article, Assignment, Entity, Event, NumberMention, Place, Removed, Story
from newsweave.store.base import Batch

XSS_TITLE = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
XSS_TEXT = (
    'Body with <img src=x onerror="window.__xss=3"> and <svg onload="window.__xss=4"></svg> '
    "and </textarea><script>window.__xss=5</script> in it."
)
T0 = dt.datetime(2026, 3, 13, 6, 0, tzinfo=dt.UTC)

PATRAS = Place("Patras", "GR", 38.2466, 21.7346, 255683, "city", 3, "Patras")
IZMIR = Place("İzmir", "TR", 38.4127, 27.1384, 311046, "city", 2, "Izmir")
BEIRUT = Place("Beirut", "LB", 33.8938, 35.5018, 276781, "city", 2, "Beirut")
LYON = Place("Lyon", "FR", 45.7485, 4.8467, 2996944, "city", 1, "Lyon")

PARTS = {"dense": 0.82, "entities": 0.5, "entities_known": 1.0, "places": 1.0, "countries": 1.0,
         "places_known": 1.0, "date_match": 1.0, "date_gap": 0.0, "dates_known": 1.0, "lexical": 0.1,
         "same_language": 0.0, "numbers": 0.5}


def _article(aid: str, lang: str, title: str, text: str, hours: float, place: Place | None = None,
             source: str = "example.org", removed: list[Removed] | None = None) -> Article:
    return Article(
        id=aid, title=title, text=text, language=lang, language_confidence=0.99,
        published=T0 + dt.timedelta(hours=hours), source=source, url=f"https://{source}/{aid}",
        places=[place] if place else [], removed=removed or [], content_hash=f"h-{aid}",
        event_date=(T0 + dt.timedelta(hours=hours)).date(),
    )


def _event(eid: str, title: str, summary: str, arts: list[Article], place: Place | None, category: str,
           breaking: float, entities: list[Entity] | None = None, story: str | None = None,
           numbers: list[NumberMention] | None = None) -> Event:
    langs = sorted({a.language for a in arts})
    times = [a.published for a in arts if a.published]
    return Event(
        id=eid, title=title, summary=summary, date=min(times).date() if times else None, location=place,
        entities=entities or [], languages=langs, article_ids=[a.id for a in arts], story_id=story,
        first_seen=min(times) if times else None, last_seen=max(times) if times else None, category=category,
        breaking=breaking, key_numbers=numbers or [], titles={a.language: a.title for a in arts},
    )


def sample_batch() -> Batch:
    """Four events in five languages and scripts, one story, one hostile event."""
    boiler = [Removed("share", "Share on X", "share widget"), Removed("cookie", "We use cookies", "consent")]
    floods = [
        _article("gr-1", "el", "Πλημμύρες στην Πάτρα: δύο νεκροί", "Σφοδρή κακοκαιρία έπληξε την Πάτρα την Παρασκευή. "
                 "Δύο άνθρωποι έχασαν τη ζωή τους και δεκάδες σπίτια πλημμύρισαν.", 0, PATRAS, "ert.gr", boiler),
        _article("gr-2", "el", "Πάτρα: σε κατάσταση έκτακτης ανάγκης μετά τις πλημμύρες", "Ο δήμαρχος κήρυξε την "
                 "πόλη σε κατάσταση έκτακτης ανάγκης.", 5, PATRAS, "kathimerini.gr"),
        _article("en-1", "en", "Deadly floods hit Patras, Greece", "Two people died when flash floods hit the "
                 "Greek port city of Patras on Friday, officials said.", 2, PATRAS, "reuters.com", boiler[:1]),
        _article("ar-1", "ar", "فيضانات مميتة تضرب مدينة باتراس اليونانية", "لقي شخصان حتفهما جراء فيضانات "
                 "مفاجئة ضربت مدينة باتراس اليونانية يوم الجمعة، بحسب السلطات.", 7, PATRAS, "aljazeera.net"),
        _article("fr-1", "fr", "Inondations meurtrières à Patras", "Deux morts après des crues soudaines à Patras, "
                 "en Grèce.", 26, PATRAS, "lemonde.fr"),
    ]
    quake = [
        _article("tr-1", "tr", "İzmir'de 5,8 büyüklüğünde deprem", "İzmir'de sabah saatlerinde 5,8 büyüklüğünde "
                 "deprem meydana geldi.", 30, IZMIR, "trt.net.tr"),
        _article("en-2", "en", "Magnitude 5.8 earthquake shakes Izmir", "A magnitude 5.8 earthquake struck "
                 "western Turkey near Izmir.", 31, IZMIR, "apnews.com"),
        _article("ar-2", "ar", "زلزال بقوة 5.8 درجات يضرب إزمير التركية", "ضرب زلزال بقوة 5.8 درجات غرب تركيا "
                 "قرب مدينة إزمير.", 33, IZMIR, "bbc.com"),
    ]
    vote = [
        _article("ar-3", "ar", "البرلمان اللبناني يقر الموازنة في بيروت", "أقر مجلس النواب اللبناني موازنة العام "
                 "في جلسة عقدت في بيروت.", 50, BEIRUT, "annahar.com"),
        _article("fr-2", "fr", "Le Parlement libanais adopte le budget", "Les députés libanais ont adopté le "
                 "budget à Beyrouth.", 52, BEIRUT, "lorientlejour.com"),
    ]
    hostile = [
        _article("xss-1", "en", XSS_TITLE, XSS_TEXT, 60, LYON, "evil.example"),
        _article("xss-2", "fr", "Test <b>gras</b> & \"guillemets\"", "Texte avec <iframe src=javascript:alert(1)>.",
                 61, LYON, "evil.example"),
    ]
    events = [
        _event("ev_floods", "Deadly floods hit Patras, Greece", "Two people died in flash floods in Patras on Friday.",
               floods, PATRAS, "disaster", 2.5,
               [Entity("Patras", "misc", "lat:patras", 4), Entity("Kostas Peletidis", "person", "lat:peletidis", 2)],
               "st_storms", [NumberMention(2, "two", "Two people died.")]),
        _event("ev_quake", "Magnitude 5.8 earthquake shakes Izmir", "An earthquake struck western Turkey.", quake,
               IZMIR, "disaster", 0.4, [Entity("AFAD", "org", "alias:afad", 2)], "st_storms",
               [NumberMention(5.8, "5.8", "A magnitude 5.8 earthquake")]),
        _event("ev_budget", "Lebanese parliament passes the budget", "MPs in Beirut adopted the budget.", vote,
               BEIRUT, "politics", 0.1, [Entity("Parliament of Lebanon", "org", "alias:lb-parliament", 2)]),
        _event("ev_xss", XSS_TITLE, XSS_TEXT, hostile, LYON, "other", 0.05,
               [Entity('<img src=x onerror="window.__xss=6">', "misc", "lat:xss", 1)]),
    ]
    arts = floods + quake + vote + hostile
    event_of = {a: e.id for e in events for a in e.article_ids}
    assignments = [
        Assignment(a.id, event_of[a.id], 0.0 if i == 0 else 0.93, dict(PARTS), i == 0, 3)
        for e in events for i, a in enumerate(x for x in arts if event_of[x.id] == e.id)
    ]
    story = Story("st_storms", "Storms and quakes around the Aegean", ["ev_floods", "ev_quake"],
                  events[0].first_seen, events[1].last_seen)
    return Batch(articles=arts, assignments=assignments, events=events, stories=[story])


# --- synthetic load -----------------------------------------------------------------------------
_WORDS = {
    "en": "flood fire storm election budget protest strike earthquake court minister police port city river".split(),
    "el": "πλημμύρα φωτιά καταιγίδα εκλογές προϋπολογισμός διαμαρτυρία απεργία σεισμός δικαστήριο υπουργός".split(),
    "ar": "فيضان حريق عاصفة انتخابات موازنة احتجاج إضراب زلزال محكمة وزير شرطة ميناء".split(),
    "fr": "inondation incendie tempête élection budget manifestation grève séisme tribunal ministre".split(),
    "tr": "sel yangın fırtına seçim bütçe protesto grev deprem mahkeme bakan polis".split(),
}
_CITIES = [PATRAS, IZMIR, BEIRUT, LYON,
           Place("Athens", "GR", 37.98, 23.73, 264371), Place("Cairo", "EG", 30.04, 31.24, 360630),
           Place("Madrid", "ES", 40.42, -3.70, 3117735), Place("Nairobi", "KE", -1.29, 36.82, 184745),
           Place("Lima", "PE", -12.05, -77.04, 3936456), Place("Tokyo", "JP", 35.69, 139.69, 1850147),
           Place("Chicago", "US", 41.85, -87.65, 4887398), Place("Sydney", "AU", -33.87, 151.21, 2147714)]
_CATEGORIES = ["disaster", "politics", "conflict", "economy", "crime", "health", "sports", "other"]


def synthetic_batches(n_articles: int, per_event: int = 4, batch_events: int = 500, seed: int = 7) -> Iterator[Batch]:
    """``n_articles`` synthetic articles in events of ``per_event`` articles, in batches."""
    rng = random.Random(seed)
    langs = list(_WORDS)
    n_events = (n_articles + per_event - 1) // per_event
    batch = Batch()
    for ei in range(n_events):
        place = _CITIES[ei % len(_CITIES)]
        topic = rng.randrange(len(_WORDS["en"]))
        start = T0 - dt.timedelta(minutes=ei)
        arts = []
        for j in range(min(per_event, n_articles - ei * per_event)):
            lang = langs[(ei + j) % len(langs)]
            words = _WORDS[lang]
            title = f"{words[topic % len(words)]} {place.name} {words[(topic + j) % len(words)]} {ei}"
            text = " ".join(rng.choice(words) for _ in range(30))
            a = Article(id=f"s{ei}-{j}", title=title, text=text, language=lang, published=start + dt.timedelta(hours=j),
                        source=f"src{j}.example", content_hash=f"hs{ei}-{j}", places=[place], seq=ei * per_event + j)
            arts.append(a)
            batch.articles.append(a)
            batch.assignments.append(Assignment(a.id, f"ev{ei}", 0.9 if j else 0.0, dict(PARTS), j == 0, 5))
        ev = _event(f"ev{ei}", arts[0].title, " ".join(a.title for a in arts), arts, place,
                    _CATEGORIES[ei % len(_CATEGORIES)], round(rng.random(), 3),
                    [Entity(f"Person {ei % 97}", "person", f"lat:person{ei % 97}", 2)])
        batch.events.append(ev)
        if len(batch.events) >= batch_events:
            yield batch
            batch = Batch()
    if batch.events:
        yield batch


# --- a real server on loopback ------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(app, port: int | None = None, **config) -> Iterator[str]:
    """Run ``app`` under uvicorn on 127.0.0.1 in a thread; yield its base URL; stop it after."""
    import uvicorn

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **config))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


_SYLLABLES = "bcdfghklmnprstvz"


def synthetic_records(start: int, stop: int, per_story: int = 3) -> list[dict]:
    """JSON Lines records ``w{start}`` .. ``w{stop-1}``: short stories of ``per_story`` reports each.

    Every story has its own made-up vocabulary, so the lexical encoder keeps events small, as real
    news does (a stream where everything looks alike would make every event huge and slow).
    """
    rng = random.Random(0)
    vocab = ["".join(rng.choice(_SYLLABLES) + rng.choice("aeiou") for _ in range(3)) for _ in range(5000)]
    cities = ["Patras", "Athens", "Izmir", "Beirut", "Lyon", "Cairo", "Tunis", "Split", "Naples", "Haifa"]
    out = []
    for i in range(start, stop):
        g = i // per_story
        r = random.Random(g)
        topic = " ".join(r.choice(vocab) for _ in range(6))
        out.append({
            "id": f"w{i}",
            "title": f"{topic.title()} {cities[g % 10]}",
            "text": f"{topic}. {' '.join(r.choice(vocab) for _ in range(8))} report {i % per_story}.",
            "published": f"2026-02-{1 + (g // 150) % 28:02d}T{(g // 7) % 24:02d}:{i % 60:02d}:00Z",
        })
    return out
