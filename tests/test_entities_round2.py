"""Actors in Greek, Arabic and English text, second ar/el round of issue 5: a place or nationality
written before a name, names read two ways across scripts, organisation names by head noun with
science and direction words, company full names, EU and UN bodies of the alias table.

Every sentence and name here is invented for these tests.
"""

from __future__ import annotations

import pytest

from newsweave.annotate._text import norm
from newsweave.annotate.entities import (
    _ar_demonym,
    cross_name_variants,
    extract_entities,
    same_person_name,
)


def people(text: str, lang: str) -> list[str]:
    return [e.name for e in extract_entities(text, lang) if e.type == "person"]


def by_key(text: str, lang: str) -> dict[str, list[str]]:
    return {e.key: [e.name, *e.aliases] for e in extract_entities(text, lang)}


# --- Greek: the role's place or the nationality before the name -----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Μίλησε χθες ο δήμαρχος Πάτρας Κώστας Βασιλείου στους δημοσιογράφους.", "Κώστας Βασιλείου"),
        ("Νίκησε την Ελληνίδα Δανάη Κωστοπούλου στον ημιτελικό.", "Δανάη Κωστοπούλου"),
        # a place the gazetteer does not know, after a role and a genitive article
        ("Το ανακοίνωσε ο περιφερειάρχης της Ζαγοράνδης Πέτρος Νικολάου το πρωί.", "Πέτρος Νικολάου"),
    ],
)
def test_greek_place_before_the_name_is_not_part_of_it(text: str, name: str) -> None:
    assert people(text, "el") == [name]


def test_greek_two_word_name_keeps_a_place_like_first_name() -> None:
    # only a run of three words or more loses its first word: a first name may be a place name
    assert people("Συνάντησε τον Ισραέλ Κατς στην Αθήνα.", "el") == ["Ισραέλ Κατς"]


# --- names across scripts, read two ways ----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Fernanda Quintero", "Φερνάντα Κιντέρο"),  # ντ as d in the first name, as n + t in the last
        ("Pablo Montes", "Πάμπλο Μόντες"),
        ("Daria Panciuc", "Ντάρια Παντσιούκ"),  # ντσ: n + ts
        ("Carla Montero", "كارلا مونتيرو"),
        ("Marta Benavides", "مارتا بينافيدس"),  # Arabic writes no vowel in the final -es
    ],
)
def test_second_reading_meets_the_latin_name(a: str, b: str) -> None:
    assert same_person_name(a, b), cross_name_variants(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Pablo Montes", "Πάμπλο Μόρες"), ("Carla Montero", "كارلا مونتانا")],
)
def test_second_reading_keeps_different_names_apart(a: str, b: str) -> None:
    assert not same_person_name(a, b)


def test_a_dropped_consonant_reads_as_a_silent_letter() -> None:
    """Session 7, deliberate: the learned transducer (tests/test_translit_model.py) reads «بينافيس» as a
    spelling of Benavides, as it reads «مارشان» as Marchand (French silent d). This pair was kept apart by
    the consonant keys alone; the transducer finds 98% of held-out GeoNames name pairs against their 76%,
    and one letter dropped is what many real transliterations do."""
    assert same_person_name("Marta Benavides", "مارتا بينافيس")
    assert same_person_name("Sophie Marchand", "صوفي مارشان")


# --- Arabic: names after a nationality or a rank -----------------------------------------------------


def test_arabic_nationality_noun_before_a_name() -> None:
    assert people("وفازت الإسبانية كارلا مونتيرو على منافستها في النهائي", "ar") == ["كارلا مونتيرو"]


def test_arabic_rank_before_a_short_foreign_name() -> None:
    text = "وأكد المتحدث باسم الشرطة المقدم سيكو تراوري في بيان أن الهجوم فشل"
    assert people(text, "ar") == ["سيكو تراوري"]
    # the rank is the spokesman's title, not part of the body he speaks for
    assert not any("المقدم" in e.name for e in extract_entities(text, "ar"))


def test_arabic_role_with_nationality_needs_less_shape() -> None:
    assert people("وقالت وزيرة الصحة البرتغالية ماريا فيريرا إن الوضع مستقر", "ar") == ["ماريا فيريرا"]


@pytest.mark.parametrize(
    "text",
    [
        "وقالت الشرطة اليونانية يوم الثلاثاء إن التحقيق مستمر",
        "وأعلنت الحكومة الرومانية أمس خطة جديدة للطرق",
        "وصرحت الخارجية الروسية بأن المحادثات ستستأنف",
    ],
)
def test_no_person_after_an_ordinary_nationality_adjective(text: str) -> None:
    assert people(text, "ar") == []


def test_demonym_by_country_name() -> None:
    # the gazetteer's demonyms, and a nisba on a country name it does not list as a demonym
    assert _ar_demonym(norm("الإسبانية")) and _ar_demonym(norm("الموريتانية"))
    assert not _ar_demonym(norm("الوطنية")) and not _ar_demonym(norm("الكبرى"))


# --- organisations ----------------------------------------------------------------------------------


def test_arabic_organisation_chain_with_science_words() -> None:
    ents = by_key("وقال المركز الوطني للبحوث الفلكية إن المذنب سيظهر", "ar")
    assert any("Centre National Research Astronomical" in names for names in ents.values())


def test_greek_university_by_head_noun_and_own_name() -> None:
    ents = by_key("Στην έρευνα συμμετείχε το Πανεπιστήμιο Ντόκουζ Εϊλούλ.", "el")
    assert any("University Ντόκουζ Εϊλούλ" in names for names in ents.values())


def test_english_organisation_continues_after_for() -> None:
    ents = extract_entities("The tremor was recorded, the Regional Institute for Marine Biology said.", "en")
    assert [(e.name, e.type) for e in ents] == [("Regional Institute for Marine Biology", "org")]


@pytest.mark.parametrize(
    ("text", "lang", "key", "full"),
    [
        ("Tesla Energy will build a plant near the port.", "en", "alias:tesla", "Tesla Energy"),
        ("أعلنت شركة هواوي للاتصالات عن هاتف جديد", "ar", "alias:huawei", "Huawei Telecom"),
    ],
)
def test_company_full_name_is_an_alias(text: str, lang: str, key: str, full: str) -> None:
    assert full in by_key(text, lang)[key]


def test_company_without_a_sector_word_has_no_full_name() -> None:
    assert by_key("Shares of Tesla rose on Monday.", "en")["alias:tesla"] == ["Tesla", "Tesla"]


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("Η έρευνα της Ευρωπαϊκής Εισαγγελίας συνεχίζεται.", "el", "alias:eppo"),
        ("وأعلنت منظمة اليونسكو إدراج الموقع", "ar", "alias:unesco"),
        ("Europol și Eurojust au coordonat ancheta.", "ro", "alias:eurojust"),
        ("La Cour européenne des droits de l'homme a condamné l'État.", "fr", "alias:echr"),
    ],
)
def test_eu_and_un_bodies_in_the_alias_table(text: str, lang: str, key: str) -> None:
    assert key in by_key(text, lang)


def test_arabic_head_in_construct_state_before_a_place() -> None:
    ents = by_key("وقال أستاذ في جامعة بغداد إن الطلاب عادوا إلى القاعات", "ar")
    assert any("University Baghdad" in names for names in ents.values())
    # «مركز» + a place is a district or a city centre, not an organisation
    assert not any(n.startswith("مركز") for names in by_key("وقعت الحادثة في مركز دمنهور أمس", "ar").values()
                   for n in names)


@pytest.mark.parametrize(
    ("text", "gloss"),
    [
        ("Le séisme a été enregistré par l'Institut national de géologie et de sismologie.",
         "Institute National Geological"),
        ("Les données ont été publiées par l'Observatoire européen de l'espace.", "Observatory European"),
        ("Elle enseigne à l'université de Montpellier depuis dix ans.", "University Montpellier"),
    ],
)
def test_french_organisation_by_head_noun(text: str, gloss: str) -> None:
    assert any(any(n.startswith(gloss) for n in names) for names in by_key(text, "fr").values())


@pytest.mark.parametrize(
    "text",
    [
        "Le centre de Lyon était bloqué. La commission d'enquête a rendu son rapport.",
        "Les fédérations Sanitas et Solidaritatea ont appelé à la grève.",
    ],
)
def test_french_ordinary_nouns_and_coordination(text: str) -> None:
    names = [e.name for e in extract_entities(text, "fr")]
    assert not any(n.startswith(("centre", "commission")) for n in names)
    assert not any(" et " in n for n in names)


def test_arabic_coordinated_ministry_before_the_name() -> None:
    # «الصناعة والتجارة»: the role's complement goes on over a word with «وال»
    assert people("وقال وزير الصناعة والتجارة البرتغالي جواو فيريرا إن المشروع سيبدأ", "ar") == ["جواو فيريرا"]
    # … and is no part of a name found after the title
    assert not any(n.startswith("وال") for n in people("وقال وزير الخارجية والمغتربين فيصل المقداد إن", "ar"))
