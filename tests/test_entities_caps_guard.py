"""Words written in capitals are not organisations; acronyms in running text still are. Every sentence is
invented for these tests."""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import extract_entities


def _orgs(text: str, lang: str) -> set[str]:
    """Names of organisations, in capitals: an alias-table name may be written "Frontex"."""
    return {e.name.upper() for e in extract_entities(text, lang) if e.type == "org"}


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        # the text also writes it in Title case: a surname, not an organisation
        ("Velladi sang in the empty cathedral on Sunday. Then VELLADI said it was for the nurses.", "en", "VELLADI"),
        ("Brandel warnt vor Neuwahlen.\n\nDanach sprach BRANDEL mit den Helfern.", "de", "BRANDEL"),
        ("Paddo Rinehart retired in May. The paper said PADDO (Pat) Rinehart led it for years.", "en", "PADDO"),
        # a bracketed label
        ("Pasażerowie czekali na peronie [WIDEO] a pociąg odjechał bez nich.", "pl", "WIDEO"),
        ("The mayor opened the fair [PHOTOS, VIDEO] and the crowd cheered.", "en", "PHOTOS"),
        # next to another word in capitals, also outside ASCII
        ("Il sindaco ha aperto la fiera, LEGGI DI PIÙ: la fiera apre oggi a Pisa.", "it", "LEGGI"),
        ("Le notizie di oggi, IL PIÙ LETTO della settimana, sono qui.", "it", "LETTO"),
        ("Noticias relacionadas VEA MÁS sobre el tráfico en la ciudad.", "es", "VEA"),
    ],
)
def test_word_in_capitals_is_not_an_organisation(text: str, lang: str, word: str) -> None:
    assert word not in _orgs(text, lang)


@pytest.mark.parametrize(
    ("text", "lang", "acronyms"),
    [
        (
            "The talks ended on Monday, REUTERS reported, and AFP and DPA said the IOC would meet again. "
            "BMW said nothing, CNN said.",
            "en",
            {"REUTERS", "AFP", "DPA", "IOC", "BMW", "CNN"},
        ),
        ("The UN mission in the country (MONUSCO) said UNICEF and FRONTEX staff were safe.", "en", {"MONUSCO"}),
        ("UNICEF warned of hunger, and FRONTEX said its boats were back.", "en", {"UNICEF", "FRONTEX"}),
        ("A photo of the hospital in Vella / AFP A recent report counted the beds.", "en", {"AFP"}),
        ("Die Anwendungen erklären, dass die CDU AS im Jahr 2018 entschied.", "de", {"CDU"}),
    ],
)
def test_acronyms_in_running_text_stay_organisations(text: str, lang: str, acronyms: set[str]) -> None:
    assert acronyms <= _orgs(text, lang)
