"""Per-segment language identification: offsets, language and confidence, stored with the article."""

from __future__ import annotations

from newsweave.annotate import annotate, language_segments
from newsweave.model import Article
from newsweave.store import Batch, open_store

EL_1 = "Ο υπουργός Υγείας ανακοίνωσε σήμερα νέα μέτρα για τα νοσοκομεία της χώρας."
EN_QUOTE = "We will not accept any further delays in the payments to the hospital staff."
EL_2 = "Οι εργαζόμενοι ζητούν αυξήσεις και προσλήψεις, σύμφωνα με την ομοσπονδία."
EN_PAR = "The minister said the plan would be presented to parliament next week for a vote."
AR_1 = "أعلنت وزارة الصحة اليوم عن خطة جديدة لدعم المستشفيات في جميع أنحاء البلاد."
AR_2 = "وقال الوزير إن الخطة ستعرض على البرلمان الأسبوع المقبل للتصويت عليها."


def _spans(text: str, main: str) -> list[tuple[str, str]]:
    return [(s.language, text[s.start : s.end]) for s in language_segments(text, main=main)]


def test_greek_with_english_paragraph_and_inline_quote():
    # paragraph 2 mixes scripts: a Greek sentence, then an English quote
    text = f"{EL_1}\n\n{EL_2} {EN_QUOTE}\n\n{EN_PAR}\n\n{EL_1}"
    segs = language_segments(text, main="el")
    assert [(s.language, text[s.start : s.end]) for s in segs] == [
        ("el", f"{EL_1}\n\n{EL_2}"),
        ("en", f"{EN_QUOTE}\n\n{EN_PAR}"),
        ("el", EL_1),
    ]
    assert all(0.5 <= s.confidence <= 1.0 for s in segs)
    assert segs[1].confidence >= 0.8  # the classifier is sure of plain English


def test_arabic_with_english_paragraph():
    text = f"{AR_1}\n{EN_PAR}\n{AR_2}"
    assert _spans(text, "ar") == [("ar", AR_1), ("en", EN_PAR), ("ar", AR_2)]
    # without the article's language every paragraph goes through the classifier: same answer
    assert _spans(text, None) == [("ar", AR_1), ("en", EN_PAR), ("ar", AR_2)]


def test_short_lines_join_their_neighbour_and_single_language_is_one_segment():
    text = f"Αθήνα\n{EL_1}\n{EL_2}"
    segs = language_segments(text, main="el")
    assert [(s.language, s.start, s.end) for s in segs] == [("el", 0, len(text))]


def test_segments_are_stored_with_the_article():
    body = f"{AR_1}\n\n{EN_PAR}"
    a = annotate(Article(id="m1", title="خطة لدعم المستشفيات", text=body))
    assert [s.language for s in a.language_segments] == ["ar", "en"]
    assert body[a.language_segments[1].start : a.language_segments[1].end] == EN_PAR
    assert dict(a.segments_languages).keys() == {"ar", "en"}  # the shares are still there
    store = open_store(":memory:")
    store.save_batch(Batch(articles=[a]))
    (back,) = store.articles()
    assert back.language_segments == a.language_segments
