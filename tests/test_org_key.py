"""The order-free organisation key (issue 5, actors): a name's words, link words and plurals dropped, sorted.

Invented sentences and invented organisations (Zandia, Veltra), written for NewsWeave.
"""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import extract_entities
from newsweave.annotate.entities._common import org_key
from newsweave.annotate.entities.extract import resolve_name
from newsweave.describe.context import EventContext
from newsweave.describe.who import entities
from newsweave.model import Article, Entity


def _org_keys(text: str, lang: str) -> set[str]:
    return {e.key for e in extract_entities(text, lang) if e.type == "org"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El Servicio Geológico de Zandia registró un sismo el martes.", "es"),
        ("Il Servizio Geologico di Zandia ha registrato un sisma martedì.", "it"),
    ],
)
def test_romance_gloss_meets_english(text: str, lang: str) -> None:
    english = _org_keys("The Zandia Geological Service recorded a quake on Tuesday.", "en")
    assert english and english <= _org_keys(text, lang)


def test_german_gloss_meets_english() -> None:
    german = _org_keys("Am Montag warnte das Gesundheitsministerium von Zandia vor der Hitze.", "de")
    assert german == _org_keys("The Zandia Health Ministry issued a warning on Monday.", "en")


def test_ministry_of_health_meets_health_ministry() -> None:
    a = _org_keys("The Ministry of Health of Zandia issued a warning on Monday.", "en")
    assert a and a == _org_keys("The Zandia Health Ministry issued a warning on Monday.", "en")
    assert org_key("Ministry of Health".split()) == org_key("Health Ministry".split())
    assert org_key("Trade Unions".split()) == org_key("Trade Union".split())  # plural folded
    # another recogniser's names are keyed the same way
    assert resolve_name("Ministry of Health", "org").key == resolve_name("Health Ministry", "org").key


def test_person_key_unchanged() -> None:
    ents = extract_entities("Kyriakos Mitsotakis met Nikos Androulakis. Androulakis said no.", "en")
    assert ("lat:andrulak", "person") in {(e.key, e.type) for e in ents}
    assert resolve_name("Nikos Androulakis", "person").key == "lat:andrulak"
    # a person's two words are not sorted: "Ali Hassan" and "Hassan Ali" are two people
    assert resolve_name("Mariam Hassan", "person", "ar").key != resolve_name("Hassan Mariam", "person", "ar").key


def test_different_orgs_sharing_a_word_stay_apart() -> None:
    keys = _org_keys("The Veltra Bank and the Veltra Institute issued statements on Monday.", "en")
    assert len(keys) == 2


def _actors(*ents: Entity) -> list[tuple[str, int]]:
    arts = [Article(id=f"a{i}", title="x", text="", entities=[e]) for i, e in enumerate(ents)]
    return sorted((e.name, e.count) for e in entities(EventContext.build(arts)))


def test_two_word_orgs_merge_on_equal_word_sets() -> None:
    # keys from two recognisers that disagree: describe still meets the names as word sets
    got = _actors(Entity("Ministry of Health", "org", "x:1"), Entity("Health Ministry", "org", "x:2"))
    assert [c for _, c in got] == [2]


def test_two_word_orgs_sharing_one_word_do_not_merge() -> None:
    got = _actors(
        Entity("Veltra Bank", "org", "x:1"), Entity("Veltra Institute", "org", "x:2"), Entity("Bank", "org", "x:3")
    )
    assert [c for _, c in got] == [1, 1, 1]


def test_a_country_that_opens_an_english_organisation_name_stays_in_it():
    # "Health" is also a title word ("Ghana Health Minister …"), which made the name lose "Ghana Health"
    from newsweave.annotate.entities import extract_entities

    names = {e.name for e in extract_entities("The Ghana Health Service said 40 people had died in Kumasi.", "en")}
    assert "Ghana Health Service" in names and "Service" not in names
    names = {e.name for e in extract_entities("Ghana Health Minister Kofi Mensah visited Kumasi on Monday.", "en")}
    assert "Kofi Mensah" in names and not any(n.startswith("Ghana Health") for n in names)
