"""Bytes to text, and text repair: encodings, mojibake, Unicode forms, Romanian commas."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

import charset_normalizer
import ftfy

# Sibling code pages that charset-normalizer often confuses: each candidate it
# proposes is tried together with its siblings, and a plausibility score decides.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "cp1253": ("cp1253", "iso8859_7"),
    "iso8859_7": ("iso8859_7", "cp1253"),
    "cp1256": ("cp1256", "iso8859_6"),
    "iso8859_6": ("iso8859_6", "cp1256"),
    "cp1250": ("cp1250", "iso8859_16", "iso8859_2"),
    "iso8859_16": ("iso8859_16", "cp1250", "iso8859_2"),
    "iso8859_2": ("iso8859_2", "cp1250", "iso8859_16"),
    "cp1251": ("cp1251", "koi8_r", "iso8859_5"),
    "koi8_r": ("koi8_r", "cp1251"),
    "cp1254": ("cp1254", "iso8859_9"),
    "iso8859_9": ("iso8859_9", "cp1254"),
    "cp1252": ("cp1252", "iso8859_15", "latin_1"),
    "latin_1": ("latin_1", "cp1252"),
}
# Always tried after charset-normalizer's guesses: its statistics need more text than a
# headline gives, and on short input it reaches for CJK multi-byte code pages.
_SINGLE_BYTE = (
    "cp1252",
    "cp1250",
    "iso8859_16",
    "cp1253",
    "iso8859_7",
    "cp1256",
    "iso8859_6",
    "cp1251",
    "koi8_r",
    "cp1254",
)

# Latin-1 symbols and cp125x specials that, glued to a letter, betray a wrong code page
# ("¶ρειος" is "Άρειος" decoded as cp1253 instead of ISO-8859-7).
_ODD = re.compile(
    r"(?<=\w)[\u00a1-\u00aa\u00ac-\u00b9\u00bc-\u00bf\u00d7\u00f7\u0192\u02c6\u02dc\u2020\u2021\u2030\u2122]"
    r"|[\u00a1-\u00aa\u00ac-\u00af\u00b1-\u00b9\u00bc-\u00bf\u00d7\u00f7\u0192\u02c6\u02dc\u2020\u2021\u2030"
    r"\u2122](?=\w)|[\u2500-\u257f]"
)
# A right quote opening a word ("’ρειος"): Ά read as ISO-8859-7 instead of cp1253.
_QUOTE_OPEN = re.compile(r"(?:^|(?<=\s))[’‘](?=[^\W\d_])")
_C1 = re.compile(r"[\u0080-\u009f]")
_CTRL = re.compile(r"[\u0000-\u0008\u000b\u000e-\u001f\u007f]")
_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> int:
    o = ord(ch)
    if o < 0x250:
        return 1  # Latin
    if 0x370 <= o < 0x400 or 0x1F00 <= o < 0x2000:
        return 2  # Greek
    if 0x400 <= o < 0x530:
        return 3  # Cyrillic
    if 0x590 <= o < 0x600:
        return 4  # Hebrew
    if 0x600 <= o < 0x780 or 0xFB50 <= o <= 0xFEFF:
        return 5  # Arabic
    return 6


def _word_oddity(w: str) -> int:
    scripts = {_script(c) for c in w}
    if len(scripts) > 1:
        return 3  # a word mixing Latin and Arabic letters is a decoding accident
    odd = 0
    for i in range(1, len(w)):
        # Case flips inside a word ("РЬгпт", "ÁčŢíá") come from a wrong code page.
        if w[i].isupper() and (w[i - 1].islower() or (i + 1 < len(w) and w[i + 1].islower())):
            odd += 1
    if scripts == {1} and len(w) >= 4 and sum(1 for c in w if c > "\x7f") > 0.6 * len(w):
        odd += 2  # Latin words are mostly unaccented letters
    return min(odd, 3)


def _implausibility(text: str) -> float:
    """Penalty per character for signs of a wrong code page: lower is better."""
    bad = 10 * len(_C1.findall(text)) + 10 * text.count("\ufffd") + 5 * len(_CTRL.findall(text))
    bad += 3 * len(_ODD.findall(text)) + 2 * len(_QUOTE_OPEN.findall(text))
    bad += sum(_word_oddity(w) for w in _WORD.findall(text) if len(w) > 1)
    return bad / max(1, len(text))


def _check_text(text: str, encoding: str) -> tuple[str, str]:
    if text:
        sample = text[:20000]
        printable = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
        ratio = printable / len(sample)
        if ratio < 0.9:
            raise ValueError(f"binary data: only {ratio:.0%} of the characters are printable as {encoding}")
    return text, encoding


def _sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit on one parity only (BOM-less UTF-16).

    Spaces and digits give NULs in the high byte of UTF-16 whatever the script, while
    the low bytes of text are almost never NUL.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.05 * half and even <= 0.01 * half:
        return "utf-16-le"
    if even > 0.05 * half and odd <= 0.01 * half:
        return "utf-16-be"
    return None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; return ``(text, encoding used)``.

    Order: byte-order marks, BOM-less UTF-16, strict UTF-8, then charset-normalizer's
    candidates with their sibling code pages (cp1253/ISO-8859-7, cp1256/ISO-8859-6,
    cp1250/ISO-8859-16...), the most plausible decoding winning. Raises ``ValueError``
    for binary data (NUL bytes, or too few printable characters).

    >>> decode_bytes("Αθήνα".encode("cp1253"))
    ('Αθήνα', 'cp1253')
    """
    if not data:
        return "", "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"binary data: starts with a {enc} byte-order mark but is not {enc}"
                ) from exc
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return _check_text(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise ValueError("binary data: contains NUL bytes and is not UTF-16/UTF-32 text")
    try:
        return _check_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates: list[str] = []
    for match in list(charset_normalizer.from_bytes(data))[:4]:
        for enc in _FAMILIES.get(match.encoding, (match.encoding,)):
            if enc not in candidates:
                candidates.append(enc)
    candidates += [e for e in _SINGLE_BYTE if e not in candidates]
    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(candidates):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _implausibility(text)
        if enc not in _SINGLE_BYTE and enc not in _FAMILIES and len(data) < 200:
            score += 0.05  # a multi-byte guess on a handful of bytes is rarely right
        key = (score, rank, enc, text)
        if best is None or key[:2] < best[:2]:
            best = key
        elif key[0] == best[0] and text != best[3] and best[3].translate(_CEDILLA) == text:
            # cp1250 and ISO-8859-16 agree but for ş/ţ versus ș/ț: the same Romanian text,
            # and the comma-below spelling is the correct one.
            best = key
    if best is None:
        raise ValueError("binary data: no text encoding fits these bytes")
    return _check_text(best[3], best[2])


# UTF-8 read as Latin-1/cp1252: a lead byte (Â-ô) followed by a continuation byte shown
# as a C1 control, a cp1252 special or a Latin-1 symbol. Only then is ftfy (slow) run.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|\ufffd"
)
_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, unescape_html=False)
# Invisible characters that break matching: zero-width space, BOM, soft hyphen, word
# joiner, bidi marks/embeddings (Arabic copy-paste). ZWJ/ZWNJ are kept (Persian, Indic).
_INVISIBLE = re.compile(
    "[\u200b\ufeff\u00ad\u2060\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]"
)
_CEDILLA = str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"})
_TURKISH = re.compile("[ğĞıİ]")
_ROMANIAN = re.compile(r"[ăĂțȚșȘţŢ]|\b(?:[şŞ]i|în|pentru|care)\b")


def _is_romanian(text: str) -> bool:
    # ş is also Turkish (and Azeri, Tatar): convert only text that reads as Romanian.
    return bool(_ROMANIAN.search(text)) and not _TURKISH.search(text)


def repair_text(text: str, romanian: bool | None = None) -> str:
    """Fix mojibake (ftfy), entities and invisible characters; NFC; Romanian ş/ţ → ș/ț.

    The cedilla letters are only replaced in text that looks Romanian (``romanian=None``),
    because Turkish writes ş with a cedilla; pass ``romanian=True/False`` to force it.

    >>> repair_text("Î‘Î¸Î®Î½Î±: ştiri din ţară")
    'Αθήνα: știri din țară'
    """
    if not text:
        return text
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, _FTFY)
    if "&" in text and _ENTITY.search(text):
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if ("ş" in text or "ţ" in text or "Ş" in text or "Ţ" in text) and (
        romanian if romanian is not None else _is_romanian(text)
    ):
        text = text.translate(_CEDILLA)
    return text
