"""Country adjectives added in session 8 (issue 5): countries the table lacked, and the Italian column.

Sentences are written for these tests (fiction)."""

from __future__ import annotations

import pytest

from newsweave.annotate._text import norm
from newsweave.annotate.institutions import _country_of
from newsweave.annotate.places import extract_places

# (form as written, country): base forms from countries.tsv and inflections the loader derives.
FORMS = [
    # en
    ("Nepalese", "NP"),
    ("Bangladeshi", "BD"),
    ("Sri Lankan", "LK"),
    ("Ivorian", "CI"),
    ("Bolivians", "BO"),
    ("Nigerien", "NE"),
    # el
    ("νεπαλέζοι", "NP"),
    ("βολιβιανή", "BO"),
    ("περουβιανών", "PE"),
    # ro
    ("nepaleză", "NP"),
    ("ugandezi", "UG"),
    ("ucraineni", "UA"),  # the -ean plural, fixed in session 8
    # ar
    ("النيبالية", "NP"),
    ("السنغاليين", "SN"),
    ("الإيفوارية", "CI"),
    # fr
    ("népalaise", "NP"),
    ("ghanéens", "GH"),
    ("paraguayenne", "PY"),
    # de
    ("nepalesische", "NP"),
    ("bolivianischen", "BO"),
    # es
    ("bolivianos", "BO"),
    ("nepalí", "NP"),
    ("hondureños", "HN"),
    # ru
    ("непальская", "NP"),
    ("черногорские", "ME"),
    # tr
    ("Nepallı", "NP"),
    ("Fildişili", "CI"),
    # it
    ("nepalese", "NP"),
    ("nepalesi", "NP"),
    ("keniano", "KE"),
    ("keniani", "KE"),
    ("tedeschi", "DE"),
    ("statunitensi", "US"),
    ("saudite", "SA"),
    ("bengalesi", "BD"),
]


@pytest.mark.parametrize(("form", "cc"), FORMS)
def test_country_of_demonym(form: str, cc: str) -> None:
    assert _country_of(norm(form)) == cc


@pytest.mark.parametrize("word", ["ceci", "esercito", "congolese"])
def test_not_a_country(word: str) -> None:
    # "ceci" (chickpeas) is not a form of "ceco"; "Congolese" is both Congos', so it is left out
    assert _country_of(norm(word)) is None


SENTENCES = [
    ("it", "L'esercito nepalese ha evacuato tre villaggi dopo la frana.", "NP"),
    ("it", "Il governo keniano ha annunciato nuove misure per gli agricoltori.", "KE"),
    ("fr", "L'armée népalaise a évacué trois villages après le glissement de terrain.", "NP"),
    ("ro", "Armata nepaleză a evacuat trei sate după alunecarea de teren.", "NP"),
    ("el", "Ο βολιβιανός υπουργός δήλωσε ότι η συμφωνία είναι έτοιμη.", "BO"),
    ("es", "Los agricultores bolivianos protestaron frente al ministerio.", "BO"),
    ("de", "Die ghanaische Regierung kündigte neue Hilfen für Bauern an.", "GH"),
    ("ar", "أعلن الجيش النيبالي إجلاء ثلاث قرى بعد الانهيار الأرضي.", "NP"),
]


@pytest.mark.parametrize(("lang", "text", "cc"), SENTENCES)
def test_extract_places_demonym(lang: str, text: str, cc: str) -> None:
    places = extract_places(text, lang)
    assert [(p.country_code, p.kind) for p in places] == [(cc, "demonym")]


def test_italian_chickpeas_are_not_czech() -> None:
    assert extract_places("Pasta e ceci per cena.", "it") == []
