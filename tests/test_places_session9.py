"""Places and event location, session 9: Arabic country names with or without «ال», continents and
groups of countries, "mayor of X" and "X, the second largest city" cues for the transliteration fallback,
Romanian ţ/ş read as ts/sh, namesake towns abroad, and three location rules (a distance "sud-est de", a
plant's town in a sentence about the future, «في ضواحي مدينة X»).

Sentences are invented (none is taken from a development set); articles go through the real annotate stage.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsweave.annotate import annotate
from newsweave.annotate.places import extract_places
from newsweave.describe import describe_event
from newsweave.model import Article

T0 = dt.datetime(2026, 9, 7, 8, tzinfo=dt.UTC)


def _places(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    return [(p.name, p.country_code, p.kind) for p in extract_places(text, lang)]


def _ccs(text: str, lang: str) -> set[str | None]:
    return {cc for _, cc, _ in _places(text, lang)}


# --- Arabic country names with and without the article -------------------------------------------------
@pytest.mark.parametrize(("form", "cc"), [
    ("في البيرو", "PE"), ("في الباكستان", "PK"), ("وبالتشاد", "TD"), ("والنيبال", "NP"), ("للبيرو", "PE"),
    ("في الهندوراس", "HN"), ("في الفيتنام", "VN"), ("في الموزمبيق", "MZ"),
])
def test_arabic_country_with_the_article(form: str, cc: str) -> None:
    assert cc in _ccs(f"قال المسؤول إن الحادث وقع أمس {form} وأسفر عن أضرار.", "ar")


@pytest.mark.parametrize(("form", "cc"), [("في أرجنتين", "AR"), ("في برتغال", "PT"), ("في نرويج", "NO")])
def test_arabic_country_without_its_article(form: str, cc: str) -> None:
    assert cc in _ccs(f"قال المسؤول إن الحادث وقع أمس {form} وأسفر عن أضرار.", "ar")


def test_article_forms_that_are_common_words_stay_out() -> None:
    # «البنين» "the sons", «القطر» "the diameter / the land", «المصر» "insisting", «البوتان» "butane",
    # «سلفادور» a first name, «هند» a first name, «مغرب» the sunset prayer
    assert _places("المدارس للبنين في القطر العربي وغاز البوتان، وقال المصر على رأيه.", "ar") == []
    assert _places("قال سلفادور إن هند وصلت قبل صلاة مغرب أمس.", "ar") == []


# --- continents and groups of countries ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang"), [
    ("Un nou cutremur în America de Sud: seism de 5,8", "ro"),
    ("Economia Americii Latine a crescut.", "ro"),
    ("Des manifestations en Amérique latine.", "fr"),
    ("Proteste in America Latina e in America centrale.", "it"),
    ("Lluvias en Centroamérica y en América Latina.", "es"),
    ("Wahlen in Lateinamerika.", "de"),
    ("Seçimler Latin Amerika ve Orta Amerika'da.", "tr"),
    ("انتخابات في أمريكا اللاتينية وأميركا الوسطى.", "ar"),
    ("Εκλογές στην Κεντρική Αμερική.", "el"),
])
def test_latin_and_central_america_are_not_the_united_states_nor_latina(text: str, lang: str) -> None:
    got = _places(text, lang)
    assert got and all(cc is None and kind == "region" for _, cc, kind in got)


@pytest.mark.parametrize(("text", "lang"), [
    ("أغلق انهيار أرضي جزءا من الطريق السريع للبلدان الأمريكية.", "ar"),
    ("Les pays américains ont signé.", "fr"),
    ("American countries signed the pact.", "en"),
])
def test_an_adjective_of_a_group_of_countries_is_no_country(text: str, lang: str) -> None:
    assert "US" not in _ccs(text, lang)


def test_an_adjective_of_one_country_still_counts() -> None:
    assert "US" in _ccs("قالت الخارجية الأمريكية إن الاتفاق وقع.", "ar")
    assert "US" in _ccs("The American embassy said so.", "en")


# --- cues of the transliteration fallback -------------------------------------------------------------
def test_mayor_of_is_a_town_cue() -> None:
    got = _places("Μολδαβία: παραιτήθηκε ο δήμαρχος του Ουνγκένι μετά από έρευνα.", "el")
    assert ("Ungheni", "MD", "city") in got
    assert ("Bălţi", "MD", "city") in _places("استقال عمدة بالتسي في مولدوفا أمس.", "ar")


def test_an_apposition_with_a_town_word_is_a_town_cue() -> None:
    got = _places("Συνελήφθη ο πρώην διευθυντής στο Μπέλτσι, τη δεύτερη μεγαλύτερη πόλη της Μολδαβίας.", "el")
    assert ("Bălţi", "MD", "city") in got


def test_a_person_with_a_title_in_apposition_is_no_town() -> None:
    got = _places("Ο Ταλμάτσιου, ο δήμαρχος της πόλης, μίλησε για τη Μολδαβία.", "el")
    assert got == [("Moldova", "MD", "country")]


# --- namesake towns abroad ------------------------------------------------------------------------------
def test_a_namesake_abroad_of_a_local_town_is_dropped() -> None:
    got = _places("Inundaciones en Portoviejo y San Vicente, Ecuador; también en Manta.", "es")
    assert {cc for _, cc, _ in got} == {"EC"}


def test_a_big_city_or_a_namesake_in_a_named_country_stays() -> None:
    assert ("Paris", "FR", "city") in _places("He flew from Quito, Ecuador to Guayaquil and then to Paris.", "en")
    got = _places("Protests in Santa Ana, California and in Los Angeles.", "en")
    assert ("Santa Ana", "US", "city") in got


# --- event location ------------------------------------------------------------------------------------
def _where(title: str, text: str, lang: str) -> str | None:
    a = annotate(Article(id="s9", title=title, text=text, language=lang, published=T0, seq=1))
    loc = describe_event("e", [a]).location
    return loc.name if loc else None


def test_a_distance_with_a_hyphenated_direction_anchors_the_town() -> None:
    title = "Cutremur de 6 grade în nordul statului Chile"
    text = ("Un cutremur cu magnitudinea 6 a lovit ieri nordul statului Chile, la două zile după un alt seism "
            "puternic. Autoritățile regionale au anunțat pagube în mai multe localități și au trimis echipe de "
            "salvare. Institutul seismologic al statului Chile a anunțat epicentrul la 20 de kilometri "
            "nord-vest de orașul Calama, la o adâncime de 30 de kilometri. Un bărbat a murit la Calama.")
    assert _where(title, text, "ro") == "Calama"


def test_a_plants_town_counts_in_a_sentence_about_the_future() -> None:
    title = "Carmaker to spend €1bn at Hungarian plant"
    text = ("The carmaker will invest €1 billion in a new paint shop at its plant in Kecskemét, central Hungary, "
            "creating about 500 jobs, it said on Monday. The Hungarian government will add a grant, and the "
            "Hungarian agency welcomed the deal.")
    assert _where(title, text, "en") == "Kecskemét"


def test_the_suburbs_of_a_town_are_the_town() -> None:
    title = "مقتل جنديين في هجوم على قاعدة عسكرية في كولومبيا"
    text = ("قتل جنديان أمس في هجوم استهدف قاعدة للجيش الكولومبي في الضواحي الشمالية لمدينة ميديلين، "
            "وفق ما أعلنت السلطات. واتهم الجيش الكولومبي المتمردين بالوقوف وراء الهجوم في كولومبيا.")
    assert _where(title, text, "ar") == "Medellín"


def test_greek_from_the_town_is_a_cue() -> None:
    assert ("Bacău", "RO", "city") in _places("Έφτασε χθες από το Μπακάου στη Ρουμανία.", "el")
    assert _places("Συμμετέχει από το Σεπτέμβριο στη Ρουμανία ο Ντάνιελ.", "el") == [("Romania", "RO", "country")]


def test_a_plant_with_a_possessive_places_the_news_in_its_town() -> None:
    title = "Grupul investește 400 de milioane de euro în Mexic"
    text = ("Grupul a anunțat luni o investiție de 400 de milioane de euro în fabrica sa din Puebla, unde va "
            "produce automobile electrice din 2027. Mexicul este o piață importantă, iar guvernul mexican a "
            "salutat anunțul. Mexic a devenit al doilea producător din regiune.")
    assert _where(title, text, "ro") == "Puebla"


def test_the_town_the_first_sentence_puts_the_news_in_beats_a_recurring_headline_country() -> None:
    title = "Carmaker to invest $500m in Mexico"
    text = ("The carmaker will invest $500 million in its factory in Puebla to build hybrid cars from 2028, "
            "it said on Monday. Mexico is its second market, and Mexican officials welcomed the plan. The "
            "Mexican unit will hire 800 people. \"Mexico is a base for the region,\" the Mexican chief said.")
    assert _where(title, text, "en") == "Puebla"


@pytest.mark.parametrize(("text", "lang", "want"), [
    ("La Palatul Victoria, guvernul a spus că bugetul rămâne.", "ro", set()),
    ("Manifestazione in Piazza Venezia a Roma.", "it", {"IT"}),
    ("Vive en la calle Sevilla, en el centro de Madrid.", "es", {"ES"}),
])
def test_a_building_or_street_named_after_a_town_is_not_the_town(text: str, lang: str, want: set[str]) -> None:
    got = _places(text, lang)
    assert {cc for _, cc, _ in got} == want and all(n not in ("Venice", "Seville") for n, _, _ in got)


def test_a_port_word_still_names_the_town() -> None:
    assert ("Constanta", "RO", "city") in _places("Nava a ajuns ieri în portul Constanța.", "ro")


def test_a_street_name_hides_the_shorter_names_inside_it_and_in_corso_is_no_street() -> None:
    got = _places("Un incendio en la Avenida Miguel Hidalgo, a la altura de Celaya.", "es")
    assert all("Hidalgo" not in n for n, _, _ in got)
    assert ("Washington", "US", "city") in _places("La guerra non è in corso Washington [USA], 1 gennaio.", "it")


def test_turkish_title_after_a_place_and_the_justice_minister() -> None:
    """"AK Parti Bingöl Milletvekili …": the place qualifies a Turkish title, it is no surname (so Bingöl stays a
    place); "Adalet Bakanı" (the justice minister) is no place although «adalet» is a GeoNames name of Adelaide."""
    from newsweave.annotate.places import extract_places

    names = [p.name for p in extract_places("Adalet Bakanı Ali Gül açıkladı. AK Parti Bingöl Milletvekili Feyzi Kaya "
                                            "geldi.", "tr")]
    assert names == ["Bingöl"]


def test_turkish_locative_after_the_town_name() -> None:
    """"Palu kentinde" ("in the city of Palu") places the news in the town, as "in Palu" does in English."""
    import datetime as dt

    from newsweave.annotate import annotate
    from newsweave.clean import clean_article
    from newsweave.describe import describe_event
    from newsweave.ingest.records import record_to_raw

    raw = record_to_raw({"id": "tr-palu", "title": "Endonezya'da deprem: 8 ölü", "language": "tr",
                         "published": dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC).isoformat(),
                         "text": "Endonezya'nın Sulawesi adasındaki Palu kentinde dün sabah 6,2 büyüklüğünde deprem "
                                 "meydana geldi. Yetkililer 8 kişinin hayatını kaybettiğini söyledi."}, "t")
    ev = describe_event("e", [annotate(clean_article(raw))])
    assert ev.location is not None and ev.location.name == "Palu"


def test_a_virus_named_after_a_place_is_no_place() -> None:
    """"Corona virüsü" (Turkish papers capitalise it) is not Corona, California; nor is "Zika virus" a town."""
    from newsweave.annotate.places import extract_places

    assert [p.name for p in extract_places("Ordu'da Corona virüsü önlemleri alındı.", "tr")] == ["Ordu"]
    assert [p.name for p in extract_places("The Zika virus spread in Recife.", "en")] == ["Recife"]
