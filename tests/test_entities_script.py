"""People and organisations written in Arabic (and Greek) script without capitals or a listed given name:
foreign names by role, speech verb and shape, and their meeting with Latin/Greek spellings (issue 5).

Every sentence and name here is invented for these tests.
"""

from __future__ import annotations

import pytest

from newsweave.annotate import annotate
from newsweave.annotate._text import Doc
from newsweave.annotate.entities import (
    _ar_foreign_shape,
    _arabic_foreign_candidates,
    cross_name_keys,
    extract_entities,
    same_person_name,
)
from newsweave.annotate.places import _extract as places_extract
from newsweave.describe.context import EventContext
from newsweave.describe.who import entities as event_entities
from newsweave.model import Article


def people(text: str, lang: str = "ar") -> list[str]:
    return [e.name for e in extract_entities(text, lang) if e.type == "person"]


def foreign(text: str) -> list[str]:
    doc = Doc(text, "ar")
    _, spans = places_extract(doc, [])
    return [c[2] for c in _arabic_foreign_candidates(doc, spans)]


# --- finding the names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # after a role, with its complement
        ("وقالت وزيرة الثقافة اليونانية كاترينا ماكريدو إن المتحف سيفتح أبوابه", "كاترينا ماكريدو"),
        ("وأوضح مدير الدفاع المدني ثيودوروس لامبراكيس أن فرق الإنقاذ وصلت", "ثيودوروس لامبراكيس"),
        ("وأكد المتحدث باسم الشرطة الرومانية سورين دوميتريسكو أن التحقيق مستمر", "سورين دوميتريسكو"),
        ("وقال المدرب بيتروس كوتسوفوس بعد المباراة", "بيتروس كوتسوفوس"),
        # right after a speech verb
        ("وقال فاسيليس كارانيكولاس إن الأضرار كبيرة", "فاسيليس كارانيكولاس"),
        ("صرح أندريه مارغيسكو بأن الفريق جاهز", "أندريه مارغيسكو"),  # -يه is Andrei's -ei here
        ("والتقى أندريه مارغيسكو بالصحفيين بعد التدريب", "أندريه مارغيسكو"),
        # anywhere, by shape alone
        ("والتقى الوفد مع ستيليانوس بابانيكولاو في مقر البلدية", "ستيليانوس بابانيكولاو"),
        ("وحضرت الاجتماع أدريانا كونستانتينيسكو ممثلة عن الوزارة", "أدريانا كونستانتينيسكو"),
    ],
)
def test_foreign_person_in_arabic_script(text: str, name: str) -> None:
    assert name in people(text)


def test_role_complement_before_the_name_is_not_part_of_it() -> None:
    # «محافظ X»: X is the county the governor heads, then comes the name
    assert foreign("وقال محافظ مقاطعة دوبروجا فلورين ستانيسكو إن المياه انحسرت") == ["فلورين ستانيسكو"]
    assert foreign("وأعلن رئيس بلدية كاترينيتسا ديميتريس كوتسيوناس أن المدارس مغلقة") == ["ديميتريس كوتسيوناس"]


def test_the_surname_alone_counts_for_the_full_name() -> None:
    ents = [
        e
        for e in extract_entities("وقال المتحدث يورغوس فلاخاكيس إن الطريق مغلق. وأضاف فلاخاكيس أن الفرق تعمل.", "ar")
        if e.type == "person"
    ]
    assert len(ents) == 1 and ents[0].count == 2 and "فلاخاكيس" in ents[0].aliases


@pytest.mark.parametrize(
    "text",
    [
        "وقال مصدر أمني إن الشرطة اعتقلت ثلاثة أشخاص",  # a source, not a person
        "وقال شهود عيان إن النيران امتدت إلى الغابة",
        "نفذت القوات انسحاباً تكتيكياً من المنطقة",  # tanwin: adverbs and indefinite nouns
        "أجريت آلاف الاختبارات لفيروس كورونا في البلاد",  # loanwords and a particle on a common word
        "وارتفعت أسعار الخضار والفاكهة واللحوم والأسماك",
        "وتحدث المتحدث الرسمي لبرنامج الدعم عن الدفعة الجديدة",
        "وعلقت بأسعار مرتفعة وإصلاح الطرقات",
        "ووجود احتياطي كاف من المياه يطمئن السكان",
    ],
)
def test_no_person_in_ordinary_arabic(text: str) -> None:
    assert foreign(text) == []


def test_shape_scores() -> None:
    assert _ar_foreign_shape("باباكوستاس") == 2  # -اس, vowels everywhere
    assert _ar_foreign_shape("يونيسكو") == 2  # Romanian -escu
    assert _ar_foreign_shape("مصدر") == 0
    assert _ar_foreign_shape("رييس") < 2  # «رئيس» folded: hamza seats are no vowels
    assert _ar_foreign_shape("انسحابا") == 0  # a final alif is an accusative ending


def test_spokesman_organisation_stops_at_the_name() -> None:
    ents = extract_entities("وقال المتحدث باسم الإطفاء يانيس كوستوبولوس إن النيران امتدت", "ar")
    assert "يانيس كوستوبولوس" in [e.name for e in ents if e.type == "person"]


def test_title_name_stops_at_punctuation_and_conjunction() -> None:
    ents = extract_entities("وقال المتحدث باسم الجيش.\n\nفي المقابل أعلنت الحركة", "ar")
    assert not any("المقابل" in e.name for e in ents)
    assert not any("وبئر" in e.name for e in extract_entities("في حي الشيخ سالم وبئر العبد", "ar"))


# --- meeting the Latin and Greek spellings --------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("كاترينا ماكريدو", "Katerina Makridou"),
        ("يوانا بوبيسكو", "Ioana Popescu"),  # Romanian Io- is yo-
        ("بوغدان يونيسكو", "Bogdan Ionescu"),
        ("ألكسندرو نيكوليسكو", "Alexandru Nicolescu"),  # an alif with hamza is no article
        ("كوستاس تساكالوس", "Kostas Tsakalos"),  # Arabic «تس» for ts
        ("كوستاس تساكالوس", "Κώστας Τσάκαλος"),
        ("ديميتريس فلاخوس", "Δημήτρης Βλάχος"),  # kh before the ending is no silent final h
        ("يانيس كالوجيروبولوس", "Γιάννης Καλογερόπουλος"),  # γε inside a word is g
        ("Giorgos Papageorgiou", "Γιώργος Παπαγεωργίου"),
        ("ميهايلا كونستانتين", "Mihaela Constantin"),
        ("أندريه مارغيسكو", "Andrei Mărgescu"),
        ("أندريه مارغيسكو", "Άντρεϊ Μαργκέσκου"),
    ],
)
def test_same_person_across_scripts(a: str, b: str) -> None:
    assert same_person_name(a, b), (cross_name_keys(a), cross_name_keys(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed Ali", "محمود علي"),
        ("Ahmed Nour", "حامد نور"),
        ("يوانا بوبيسكو", "Ioana Petrescu"),
        ("كوستاس تساكالوس", "Kostas Tsamis"),
    ],
)
def test_different_people_across_scripts(a: str, b: str) -> None:
    assert not same_person_name(a, b)


def test_describe_merges_a_foreign_name_across_three_scripts() -> None:
    arts = [
        Article(
            id="a",
            title="حريق في أثينا",
            language="ar",
            text="وقال المتحدث باسم الشرطة اليونانية كوستاس تساكالوس إن الحريق اندلع مساء أمس.",
        ),
        Article(
            id="b",
            title="Fire in Athens",
            language="en",
            text="Police spokesman Kostas Tsakalos said the fire started on Friday evening.",
        ),
        Article(
            id="c",
            title="Φωτιά στην Αθήνα",
            language="el",
            text="Ο εκπρόσωπος της αστυνομίας Κώστας Τσάκαλος δήλωσε ότι η φωτιά ξεκίνησε.",
        ),
    ]
    for a in arts:
        annotate(a)
    ents = event_entities(EventContext.build(arts))
    person = next(e for e in ents if e.type == "person")
    assert person.count == 3 and "كوستاس تساكالوس" in person.aliases


# --- organisations --------------------------------------------------------------------------------


def test_fire_service_is_a_national_institution() -> None:
    assert [e.key for e in extract_entities("وقالت هيئة الإطفاء اليونانية إن الحريق", "ar")] == ["inst:GR:fire_service"]
    assert [e.key for e in extract_entities("Η Πυροσβεστική Υπηρεσία ανέφερε ότι", "el")] == ["inst:GR:fire_service"]
    assert [e.key for e in extract_entities("The Greek fire service said on Friday", "en")] == ["inst:GR:fire_service"]
    assert extract_entities("a fire service vehicle was parked", "en") == []


def test_clubs_by_head_noun() -> None:
    ar = extract_entities("وفاز نادي بانيونيوس على ضيفه", "ar")
    assert [e.type for e in ar] == ["org"] and "بانيونيوس" in ar[0].aliases
    el = extract_entities("Η ΠΑΕ Πανιώνιος ανακοίνωσε ότι", "el")
    assert [e.type for e in el] == ["org"] and "Πανιώνιος" in el[0].aliases


def test_mission_holding_a_known_organisation() -> None:
    ents = {e.name: e for e in extract_entities("أكدت بعثة الأمم المتحدة للدعم في البلاد أن", "ar")}
    assert "United Nations" in ents
    mission = next(e for e in ents.values() if e.name.startswith("بعثة"))
    assert mission.type == "org" and "Mission Nations United Support" in mission.aliases


def test_madda_alias_is_not_the_verb() -> None:
    # «آفاد» is Turkey's disaster agency; «أفاد» is the verb "reported"
    assert [e.key for e in extract_entities("وأفاد مراسلنا بأن الطريق مغلق", "ar")] == []
    assert "alias:afad" in [e.key for e in extract_entities("وقالت آفاد إن فرقها وصلت", "ar")]


# --- Latin acronyms spelled out in Arabic letter names --------------------------------------------


def test_spelled_out_acronym_is_keyed_like_the_latin_one() -> None:
    ar = next(
        e for e in extract_entities("وقالت وكالة دي بي إيه الألمانية إن الاجتماع انتهى", "ar") if e.name.isascii()
    )
    assert ar.type == "org" and "DPA" in ar.aliases  # «بي» is B or P: both spellings are aliases
    cnn = extract_entities("وقالت شبكة سي إن إن إن الرئيس سيزور المنطقة", "ar")  # the 4th «إن» is "that"
    assert [(e.key, e.name) for e in cnn if e.name.isascii()] == [("lat:kn", "CNN")]
    assert [e.key for e in extract_entities("CNN said on Friday that CNN would", "en")] == ["lat:kn"]


def test_spelled_out_acronym_meets_the_alias_table() -> None:
    # «بي» is B or P in Arabic: «بي كيه كيه» is the PKK of the table
    assert "alias:pkk" in [e.key for e in extract_entities("وأعلن مسلحو بي كيه كيه مسؤوليتهم", "ar")]


@pytest.mark.parametrize(
    "text",
    [
        "وتتمتع السيارة بمحرك 1200 سي سي وناقل حركة يدوي",  # a unit after a number
        "ذهب في أو إن لم يذهب",  # common words only
        "وقال إن في المدينة مشكلة",
    ],
)
def test_no_acronym_in_ordinary_arabic(text: str) -> None:
    assert [e for e in extract_entities(text, "ar") if e.name.isascii() and e.name.isupper()] == []
