"""Italian and Polish columns of the alias table (issue 5): invented sentences."""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import extract_entities


def _keys(text: str, lang: str) -> set[str]:
    return {e.key for e in extract_entities(text, lang)}


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("Secondo la Ue, il piano per le colline di Varnesta sarà pronto entro l'estate.", "it", "alias:eu"),
        ("L'Organizzazione mondiale della sanità ha inviato tre medici a Varnesta.", "it", "alias:who"),
        ("Il Cremlino ha respinto la proposta arrivata da Varnesta martedì.", "it", "alias:kremlin"),
        ("Przedstawiciele Unii Europejskiej odwiedzili wczoraj miasteczko Varnesta.", "pl", "alias:eu"),
        ("Eksperci Światowej Organizacji Zdrowia przyjechali do Varnesty w piątek.", "pl", "alias:who"),
        ("Rzecznik ONZ zapowiedział nową misję w dolinie Varnesty.", "pl", "alias:un"),
    ],
)
def test_italian_and_polish_names_of_international_bodies(text: str, lang: str, key: str) -> None:
    assert key in _keys(text, lang)


def test_polish_case_forms_of_a_leader() -> None:
    keys = _keys("Premier rozmawiał z Zełenskim, a potem krytykował Putina za ataki na Varnestę.", "pl")
    assert {"alias:zelensky", "alias:putin"} <= keys


def test_italian_only_acronym_spelling_stays_italian() -> None:
    # «Onu» is Italian press usage; in Turkish «Onu» is the pronoun "him/her"
    assert "alias:un" in _keys("Il segretario dell'Onu ha parlato a Varnesta.", "it")
    assert "alias:un" not in _keys("Onu dün Varnesta'da gördüm ve konuştuk.", "tr")
