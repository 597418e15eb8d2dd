"""Organisation names with "and" inside, acronyms in the possessive, and town names after a facility word or
a possessive (session 7; each checked on 400 SemEval English texts / 600 SemEval articles for what else moved)."""

import pytest

from newsweave.annotate import annotate
from newsweave.annotate.entities import extract_entities
from newsweave.model import Article


def _names(text: str, lang: str = "en") -> list[str]:
    return [e.name for e in extract_entities(text, lang)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Philippine Institute of Volcanology and Seismology said the quake hit.",
         "Philippine Institute of Volcanology and Seismology"),
        ("The Ministry of Health and Social Protection said.", "Ministry of Health and Social Protection"),
        ("The National Disaster Risk Reduction and Management Council said 12 people died.",
         "National Disaster Risk Reduction and Management Council"),
    ],
)
def test_and_inside_an_organisation_name(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    ("text", "names", "not_joined"),
    [
        ("The Ministry of Health and Prime Minister Ion Popescu said.", ["Ministry of Health"],
         "Ministry of Health and Prime Minister Ion Popescu"),
        ("Romania and Bulgaria signed the deal in Sofia.", [], "Romania and Bulgaria"),
    ],
)
def test_and_between_two_names_is_no_join(text: str, names: list[str], not_joined: str) -> None:
    got = _names(text)
    assert not_joined not in got
    assert all(n in got for n in names)


def test_an_acronym_in_the_possessive_ends_the_name() -> None:
    got = _names("The chief prosecutor of DIICOT's Constanta office said on Monday that DIICOT would appeal.")
    assert "DIICOT" in got and not any("Constanta" in n for n in got)


def test_other_possessives_stay_inside_names() -> None:
    assert any(n.endswith("Mary's Hospital") for n in _names("He was taken to St Mary's Hospital in London on Monday."))


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        ("Cocaine seized at Constanta", "Investigators seized cocaine at the port of Constanta on Monday. The chief "
         "prosecutor of DIICOT's Constanta office said two men were held.", "en"),
        ("Captură de cocaină în Portul Constanța", "Procurorii au descoperit luni, în Portul Constanța, 870 de "
         "kilograme de cocaină. Este una dintre cele mai mari capturi din portul românesc.", "ro"),
    ],
)
def test_a_town_after_a_possessive_or_a_facility_word_is_no_surname(title: str, text: str, lang: str) -> None:
    """A capitalised word before a town's name makes it a person's surname ("Michael Jordan"), and then the
    town is dropped everywhere in the text; a possessive ("DIICOT's") or a facility word ("Portul") is no first name."""
    a = annotate(Article(id="x", title=title, text=text, language=lang))
    assert "Constanta" in [p.name for p in a.places]
