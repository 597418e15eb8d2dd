"""decode_bytes and repair_text: legacy code pages, BOMs, UTF-16, mojibake, Romanian commas."""

from __future__ import annotations

import os
import unicodedata

import pytest

from newsweave.clean import decode_bytes, repair_text

GREEK = (
    "Άρειος Πάγος: η Αθήνα και η Θεσσαλονίκη ζητούν «άμεση λύση» για το νερό. "
    "Ο υπουργός δήλωσε ότι τα έργα θα ολοκληρωθούν μέσα στο 2026."
)
ARABIC = (
    "أعلنت الحكومة اليوم عن حزمة جديدة من الإجراءات لدعم المتضررين من الفيضانات في شمال البلاد، "
    "وقال رئيس الوزراء إن الدولة ستقف إلى جانبهم."
)
ROMANIAN = (
    "Guvernul a anunțat astăzi noi măsuri de sprijin pentru cei afectați de inundații în județul Galați. "
    "Ștefan Țurcanu a declarat că statul îi va ajuta „cât de repede se poate”."
)
ROMANIAN_CEDILLA = ROMANIAN.translate(str.maketrans("șțȘȚ", "şţŞŢ"))


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (GREEK, "cp1253"),
        (GREEK, "iso8859_7"),
        (ARABIC, "cp1256"),
        (ARABIC, "iso8859_6"),
        (ROMANIAN_CEDILLA, "cp1250"),
        (ROMANIAN, "iso8859_16"),
    ],
)
def test_legacy_code_pages(text: str, encoding: str) -> None:
    decoded, used = decode_bytes(text.encode(encoding))
    assert decoded == text
    assert used == encoding
    # and the clean text always has the comma-below letters
    assert repair_text(decoded) == repair_text(text)


def test_cp1250_romanian_comes_out_with_commas_after_repair() -> None:
    decoded, _ = decode_bytes(ROMANIAN_CEDILLA.encode("cp1250"))
    assert repair_text(decoded) == ROMANIAN


def test_ambiguous_romanian_bytes_decode_with_commas() -> None:
    # Without „” (whose bytes differ) cp1250 and ISO-8859-16 read the same but for ş/ș.
    plain = "Ştiri din ţară: şcolile se închid".translate(str.maketrans("şţŞŢ", "șțȘȚ"))
    for enc, src in (("iso8859_16", plain), ("cp1250", plain.translate(str.maketrans("șțȘȚ", "şţŞŢ")))):
        assert decode_bytes(src.encode(enc))[0] == plain


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [GREEK, ARABIC, ROMANIAN], ids=["el", "ar", "ro"])
def test_unicode_encodings(text: str, encoding: str) -> None:
    decoded, _ = decode_bytes(text.encode(encoding))
    assert decoded == text


def test_short_greek_headline() -> None:
    assert decode_bytes("Αθήνα".encode("cp1253"))[0] == "Αθήνα"
    assert decode_bytes("Άρειος Πάγος".encode("iso8859_7"))[0] == "Άρειος Πάγος"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        os.urandom(4096),
        bytes(range(1, 9)) * 400,  # no NUL, but control characters only
    ],
    ids=["png", "random", "controls"],
)
def test_binary_raises(data: bytes) -> None:
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(data)


def test_empty_bytes() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


def test_mojibake_repaired() -> None:
    assert repair_text("Î‘Î¸Î®Î½Î±") == "Αθήνα"
    assert repair_text(GREEK.encode("utf-8").decode("latin-1")) == GREEK
    plain = ROMANIAN.replace("„", "").replace("”", "")  # ” has a byte cp1252 cannot show
    assert repair_text(plain.encode("utf-8").decode("cp1252")) == plain
    assert repair_text("FÃ¼r die BrÃ¼cke") == "Für die Brücke"


def test_cedilla_to_comma_including_capitals() -> None:
    assert repair_text("Ştefan şi Ţuţea în ţară") == "Ștefan și Țuțea în țară"
    assert repair_text("ŞTIRI DIN ŢARĂ") == "ȘTIRI DIN ȚARĂ"


def test_turkish_cedilla_is_left_alone() -> None:
    turkish = "İstanbul'da şiddetli yağış; Şişli ve Beşiktaş'ta su baskınları yaşandı."
    assert repair_text(turkish) == turkish
    assert repair_text("ştiri", romanian=True) == "știri"
    assert repair_text("Ştefan", romanian=False) == "Ştefan"


def test_nfc_entities_and_invisible_characters() -> None:
    decomposed = unicodedata.normalize("NFD", "Αθήνα, Brașov")
    assert repair_text(decomposed) == "Αθήνα, Brașov"
    assert repair_text("Tom &amp; Jerry&#8217;s") == "Tom & Jerry’s"
    assert repair_text("Pat\u00adras\u200b is \u200fhere") == "Patras is here"
    assert repair_text("curly “quotes” stay") == "curly “quotes” stay"
