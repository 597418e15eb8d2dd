"""Event location rules of session 6 (describe/where.py): a town "near" a bigger city, and dateline towns.

Sentences are invented; articles go through the real annotate stage.
"""

from __future__ import annotations

import datetime as dt

from newsweave.annotate import annotate
from newsweave.describe import describe_event
from newsweave.model import Article, Place

T0 = dt.datetime(2026, 9, 7, 8, tzinfo=dt.UTC)


def real(i: int, title: str, text: str, lang: str = "en") -> Article:
    return annotate(Article(id=f"w{i}", title=title, text=text, language=lang, published=T0, seq=i))


def where(*arts: Article) -> Place | None:
    return describe_event("e", list(arts)).location


def test_the_town_the_news_is_in_beats_the_city_it_is_near():
    a = real(1, "Two hurt as storm floods suburb near Lyon",
             "Two people were hurt on Sunday when a storm flooded streets in Villeurbanne, on the outskirts of "
             "Lyon. Firefighters from Lyon pumped water out of cellars, and roads into Lyon were closed.")
    assert where(a).name == "Villeurbanne"


def test_the_town_the_news_is_in_beats_the_city_it_is_near_in_romanian():
    a = real(2, "Inundații lângă Lyon: doi răniți",
             "Doi oameni au fost răniți duminică în Villeurbanne, la marginea Lyonului, după o furtună. "
             "Pompierii din Lyon au intervenit toată noaptea.", "ro")
    assert where(a).name == "Villeurbanne"


def test_a_city_near_which_nothing_else_is_named_stays():
    a = real(3, "Train derails near Munich", "A regional train derailed on Sunday near Munich. Nobody was hurt, "
             "Germany's rail operator said.")
    assert where(a).name == "Munich"


def test_a_town_far_from_the_reference_city_does_not_take_it():
    # "in Hamburg" is 600 km from Munich: not a town near it
    a = real(4, "Storm hits villages near Munich", "A storm hit villages near Munich on Sunday, while in Hamburg "
             "the weather stayed calm. Several roofs near Munich were damaged.")
    assert where(a).name == "Munich"


def test_a_dateline_town_beats_the_country():
    a = real(5, "Georgian parliament passes media law",
             "TBILISI — Georgia's parliament on Tuesday passed a law on foreign funding of media. Georgia's "
             "president has ten days to sign it, and Georgia's opposition said it would appeal.")
    assert where(a).name == "Tbilisi"


def test_without_a_dateline_a_town_named_in_passing_does_not_win():
    a = real(6, "Georgian parliament passes media law",
             "Georgia's parliament on Tuesday passed a law on foreign funding of media. Georgia's president has "
             "ten days to sign it; protests were also held in Batumi, Georgia's opposition said.")
    # not Batumi; since session 8 a parliament in the headline places its vote in the capital, where it sits
    assert where(a).name == "Tbilisi"
    b = real(7, "Georgia passes media law",
             "Georgia on Tuesday passed a law on foreign funding of media. Georgia's president has ten days to "
             "sign it; protests were also held in Batumi, Georgia's opposition said.")
    assert where(b).kind == "country"

