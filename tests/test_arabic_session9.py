"""Arabic organisation names and people (issue 5, session 9): a head's chain closed by a nationality, a
purpose, «التابع لـ» and «في» + a country; a name set off by commas after a long role; the Berber «آيت»;
a «فال…» that is no clitic and article; and «و»-joined town lists that are no person.

Every sentence and name here is invented for these tests.
"""

from __future__ import annotations

import pytest

from newsweave.annotate.entities import extract_entities


def names(text: str, typ: str) -> list[str]:
    return [e.name for e in extract_entities(text, "ar") if e.type == typ]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # head + unglossed definite noun(s) + a nationality
        ("وقالت هيئة الغابات الأوغندية في بيان إن الحريق امتد.", "هيئة الغابات الأوغندية"),
        ("وصل عناصر من هيئة الحياة البحرية التنزانية إلى الشاطئ.", "هيئة الحياة البحرية التنزانية"),
        # a purpose: «ل» + a verbal noun and its object
        ("وأعلنت الهيئة الرومانية لتنمية الصادرات أن الطلب ارتفع.", "الهيئة الرومانية لتنمية الصادرات"),
        # «التابع لـ» and the body it belongs to
        ("وقال المركز الطبي التابع للجامعة الوطنية إن المصابين نقلوا.", "المركز الطبي التابع للجامعة الوطنية"),
        # once «في» + a country after a name of two words
        ("وقال المرصد الوطني في اليونان إن الهزة كانت خفيفة.", "المرصد الوطني في اليونان"),
        # a purpose with the article, «من» + its object, and «وإدارتها» "and its management"
        ("وأعلن المجلس الأعلى للحد من مخاطر الكوارث وإدارتها أن الأضرار محدودة.",
         "المجلس الأعلى للحد من مخاطر الكوارث وإدارتها"),
        # a governing body, the unit it governs and the unit's name
        ("وقال مجلس مقاطعة كلوج إن الطريق سيفتح قريبا.", "مجلس مقاطعة كلوج"),
        ("وصوتت الجمعية التشريعية لإقليم كلوج على القرار.", "الجمعية التشريعية لإقليم كلوج"),
    ],
)
def test_arabic_org_chain(text: str, org: str) -> None:
    assert org in names(text, "org")


def test_purpose_needs_a_body_that_states_one() -> None:
    # the police act for a purpose; «لحماية …» is what they did, not part of their name
    orgs = names("وتدخلت الشرطة الرومانية لحماية المتظاهرين أمس.", "org")
    assert not any("لحماية" in o for o in orgs)


def test_admin_unit_only_after_a_governing_body() -> None:
    # «دخول قواته مدينة حلب» "his forces' entry into the city of Aleppo": forces govern no city
    assert not any("مدينة" in o for o in names("أعلن الجيش دخول قواته مدينة حلب بعد معارك.", "org"))


def test_country_hop_not_after_a_place() -> None:
    # the festival's name already names its town: «في رومانيا» is where it takes place
    orgs = names("وافتتح مهرجان كلوج الدولي للسينما في رومانيا أمس دورته الجديدة.", "org")
    assert orgs and not any("رومانيا" in o for o in orgs)


def test_unglossed_words_need_the_nationality() -> None:
    # no nationality closes it: «الغابات» is not known as an organisation word, so the head stays alone
    assert not any("الغابات" in o for o in names("وقالت هيئة الغابات في بيان إن الحريق امتد.", "org"))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a role with a long complement, then the name between commas; a first name in -ة, a rare surname
        (
            "وقالت مديرة قسم الطوارئ التابع لمستشفى الجامعة الوطنية في العاصمة الإقليمية، زبيدة تاريماو، إن الوضع مستقر.",
            "زبيدة تاريماو",
        ),
        # «فالديمار»: «فال» is no conjunction and article here
        ("وأعلن رئيس النيابة في فرع الإدارة بالمدينة، فالديمار كوسيسكو، توقيف شخصين.", "فالديمار كوسيسكو"),
        # the Berber «آيت» and the word after it are the family name
        ("وقال مدير الشركة يوسف آيت حمو، خلال حفل أقيم أمس، إن المشروع سيكتمل.", "يوسف آيت حمو"),
        # a role whose complement has «في» + a definite word, then a first name in -ة
        ("وقالت نائبة المحافظ في الإقليم زبيدة تشاكرابورتي إن المياه انحسرت.", "زبيدة تشاكرابورتي"),
        # a double surname with a hyphen
        ("وقال الدكتور كوفي مينسا-بونسو، مدير المستشفى، إن الحالات تراجعت.", "كوفي مينسا-بونسو"),
        # «فان» (van, Văn) between two name words; a first word in -ين after a nationality
        ("وقال وزير الزراعة الفيتنامي نغوين فان لونغ إن المحصول تضاعف.", "نغوين فان لونغ"),
    ],
)
def test_arabic_person(text: str, person: str) -> None:
    assert person in names(text, "person")


@pytest.mark.parametrize(
    "text",
    [
        "وتضررت منازل في بلدات تاكاريبو وموندوليسا وفيراكوتا في شمال البلاد.",
        "وضرب الزلزال تاكاريبو وموندوليسا وفيراكوتا في الشمال.",
        "وانقطعت الكهرباء في مدن تاكاريبو وموندوليسا.",
        # the list goes on from a known town; a dual «بلدتي» inside the run
        "وسجلت إصابات في كيسومو وموندوليسا وفيراكوتا حيث تراجع التطعيم.",
        "وتضررت المباني في بلدتي تاكاريبو وموندوليسا المجاورتين.",
    ],
)
def test_town_list_is_no_person(text: str) -> None:
    assert not any("موندوليسا" in p for p in names(text, "person"))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وكانت المدينة قد دمرت جراء زلزال أعقبه تسونامي أودى بحياة المئات.", "تسونامي"),  # a loanword
        ("وقال روتاريسكو أمام البرلمان إن الحكومة ستصمد.", "أمام"),  # a preposition after the name
    ],
)
def test_no_person_word(text: str, word: str) -> None:
    assert not any(word in p for p in names(text, "person"))


def test_arabic_purpose_words_are_no_own_name() -> None:
    """«الإدارة العامة لمكافحة المخدرات»: the words after «ل» say what the body is for; the key keeps the head
    and its adjectives, so two bodies with the same purpose in different countries do not share a key."""
    from newsweave.annotate.entities import extract_entities

    keys = [e.key for e in extract_entities("وقالت الإدارة العامة لمكافحة المخدرات إنها ضبطت شحنة.", "ar")
            if e.type == "org"]
    assert keys and all("administration" in k for k in keys)
