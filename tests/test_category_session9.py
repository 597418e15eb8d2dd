"""Arabic crime words for seizures and arrests; «طبيعية» ("natural") is no medical word (issue 5)."""

from newsweave.describe.category import score_text


def test_arabic_seizure_is_crime() -> None:
    title = "الجمارك تضبط شحنة من العاج في الميناء"
    body = ("ضبطت السلطات أمس شحنة من العاج كانت متجهة إلى الخارج، وأوقفت الشرطة اثنين من وكلاء التخليص، "
            "ويرجح المحققون أن الشحنة نقلت برا. وقالت هيئة الإيرادات إن الفحص كشف كثافة غير طبيعية.")
    scores = score_text(title, body, "ar")
    assert max(scores, key=scores.get) == "crime"
    assert "health" not in scores
