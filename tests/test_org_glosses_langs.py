"""Organisation glosses in Italian, Spanish, German and Portuguese (``data/entities/org_words.tsv``).

Invented sentences and invented organisations (Zandia, Veltra), written for NewsWeave.
Romance names put the head first ("Servicio Geológico" → "Service Geological"), so a gloss is
compared with the English name as a set of words.
"""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import extract_entities
from newsweave.annotate.entities.glosses import _gloss_word, _org_gloss_table


def _glosses(text: str, lang: str) -> set[frozenset[str]]:
    """Word sets of every name and alias of the organisations found in ``text``."""
    return {frozenset(a.lower().split()) for e in extract_entities(text, lang) for a in [e.name, *e.aliases]}


@pytest.mark.parametrize(
    ("text", "lang", "english"),
    [
        (
            "Ieri l'Agenzia Nazionale per la Sicurezza di Zandia ha diffuso un avviso.",
            "it",
            "Zandia National Security Agency",
        ),
        ("Secondo il Ministero dell'Interno di Zandia, la situazione è calma.", "it", "Zandia Interior Ministry"),
        ("El Servicio Geológico de Zandia registró un sismo el martes.", "es", "Zandia Geological Service"),
        (
            "La Agencia Nacional de Protección Civil de Zandia pidió calma.",
            "es",
            "Zandia National Civil Protection Agency",
        ),
        ("Am Montag warnte das Gesundheitsministerium von Zandia vor der Hitze.", "de", "Zandia Health Ministry"),
        ("Nach Angaben des Bundesamtes für Statistik stiegen die Preise.", "de", "Federal Statistics Office"),
        ("Die Polizei Hamburg nahm am Abend zwei Männer fest.", "de", "Hamburg Police"),
        ("A Polícia Federal de Zandia prendeu dois suspeitos.", "pt", "Zandia Federal Police"),
        (
            "O Instituto Nacional de Meteorologia de Zandia emitiu um alerta.",
            "pt",
            "Zandia National Meteorological Institute",
        ),
    ],
)
def test_glossed_like_the_english_name(text: str, lang: str, english: str) -> None:
    assert frozenset(english.lower().split()) in _glosses(text, lang)


def test_german_compound_heads() -> None:
    # a head at the end of a capitalised word, the first part glossed when known
    assert _gloss_word("Gesundheitsministeriums", "de") == ("Health Ministry", True)
    assert _gloss_word("Bundesamt", "de") == ("Federal Office", True)
    # an unknown first part stays, so two compounds with one head are not one organisation
    assert _gloss_word("Rettungsdienst", "de") == ("Rettungs Service", True)
    assert _gloss_word("Börsenverein", "de")[0] != _gloss_word("Anwaltverein", "de")[0]
    # a short head only after a known first part; not a common word ending in it
    for w in ("Apparat", "Salat", "Dienstag", "Epizentrum"):
        assert _gloss_word(w, "de") is None


def test_languages_come_from_the_header() -> None:
    assert {"el", "ro", "ar", "fr", "it", "es", "de", "pt"} <= set(_org_gloss_table())
    assert _org_gloss_table()["el"]["αρχη$"] == ("Authority", True)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ieri Marco Bellini e Giulia Ferri sono arrivati a Veltra.", "it"),  # capitalised, no head noun
        ("Die Polizei Menschen festnahm, sagte Anna Berger.", "de"),  # German nouns are all capitalised
        ("Die Familie feierte Dienstag im Epizentrum der Stadt.", "de"),
        ("El Partido terminó empatado, dijo Carlos Ruiz.", "es"),  # a head with no second known word
        ("A Comissária Ana Lima visitou Veltra ontem.", "pt"),  # a word that starts with a stem
    ],
)
def test_not_an_organisation(text: str, lang: str) -> None:
    # no English gloss: no organisation was read by head noun
    heads = {"Police", "Centre", "Party", "Commission", "Human"}
    assert not any(heads & set(a.split()) for e in extract_entities(text, lang) for a in e.aliases)
