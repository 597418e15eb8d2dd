"""Cheap text helpers shared by the describe modules.

Everything is one ``str.translate`` or one ``re`` call, so describing an event of
twenty articles stays well under the per-event budget (see docs/BENCHMARKS.md).

* :func:`fold` — lowercase, no accents, Greek final sigma and Arabic letter
  variants folded; the script is kept (used to match the category lexicons).
* :func:`translit` — :func:`fold` plus transliteration to Latin (anyascii,
  precomputed into a table once), so that «Πάτρα», «Патры» and "Patra" share
  characters; used for cross-lingual sentence and name comparison.

>>> fold("ΣΕΙΣΜΌΣ στην Πάτρα, الإمارات")
'σεισμοσ στην πατρα, الامارات'
>>> translit("Σεισμός Πάτρα")
'seismos patra'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EXTRA = {
    "ς": "σ",
    "ı": "i",
    "İ": "i",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ł": "l",
    "Ł": "l",
    "ß": "ss",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "ـ": "",
    "’": "'",
    "‘": "'",
    "ʼ": "'",
}


def _build_fold() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x3000):
        ch = chr(cp)
        if ch in _EXTRA:
            table[cp] = _EXTRA[ch]
            continue
        if unicodedata.combining(ch):
            table[cp] = ""
            continue
        low = ch.lower()
        if len(low) != 1:
            low = ch
        base = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
        if len(base) != 1:
            base = low
        base = _EXTRA.get(base, base)
        if base != ch:
            table[cp] = base
    for i in range(10):  # Arabic-Indic digits
        table[0x0660 + i] = str(i)
        table[0x06F0 + i] = str(i)
    return table


_FOLD = _build_fold()


@lru_cache(maxsize=1)
def _translit_table() -> dict[int, str]:
    from anyascii import anyascii

    table = dict(_FOLD)
    for cp in range(0x80, 0x3000):
        folded = chr(cp).translate(_FOLD)
        if not folded or folded.isascii():
            continue
        table[cp] = anyascii(folded).lower()
    return table


def fold(text: str) -> str:
    """Lowercase and strip diacritics, keeping the script."""
    return text.translate(_FOLD)


def translit(text: str) -> str:
    """Lowercase Latin transliteration (anyascii), one ``str.translate``."""
    return text.translate(_translit_table())


WORD = re.compile(r"\w+")
NUMBER = re.compile(r"(?<![\d.,A-Za-z])\d{1,3}(?:[ ,.]\d{3})+(?![\d])|(?<![\d.,A-Za-z])\d+(?:[.,]\d+)?")
# A sentence ends at . ! ? ؟ 。 (or ; ؛) followed by space, or at a line break.
_SENT = re.compile(r"(?<=[.!?؟。;؛…])[\"'”»)\]]*\s+|\n+")
_ABBREV = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Mme|Mlle|St|Gen|Col|Lt|Sgt|Capt|Rep|Sen|Gov|Prof|Jr|Sr|Sra|Inc|Ltd|Co|Corp|No|Nr|vs|etc"
    r"|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|z\.B|bzw|ca|Hr|Fr|dott|ing|av|gen|ul|г|гг|им|тыс|млн"
    r"|млрд|κ|π\.χ|δηλ|Α|Β|Γ|Δ)|\b[A-ZА-ЯΑ-Ω]|(?<![^\W\d_])[a-z]|(?<![\d.,])\d{1,2})\.$"
)


def sentences(text: str, limit: int = 0) -> list[str]:
    """Split text into sentences (a cheap, multilingual splitter); ``limit`` > 0 stops early.

    >>> sentences("Dr. Ruiz spoke. Then 3.5 million left!\\nNew line here")
    ['Dr. Ruiz spoke.', 'Then 3.5 million left!', 'New line here']
    """
    out: list[str] = []
    carry = ""
    for part in _SENT.split(text):
        part = part.strip()
        if not part:
            continue
        if carry:
            part = f"{carry} {part}"
            carry = ""
        if _ABBREV.search(part) and len(part) < 400:
            carry = part  # "Dr." / "U.S." — not a sentence end
            continue
        out.append(part)
        if limit and len(out) >= limit:
            return out
    if carry:
        out.append(carry)
    return out


def numbers_in(text: str) -> set[str]:
    """Digit strings of a text, normalised (thousands separators dropped), for fact overlap.

    >>> sorted(numbers_in("41 dead, 1,200 hurt; 3.5 m"))
    ['1200', '3.5', '41']
    """
    out = set()
    for m in NUMBER.findall(text.translate(_FOLD)):
        s = m.replace(" ", "")
        if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", s):
            s = re.sub(r"[,.]", "", s)
        out.add(s.replace(",", "."))
    return out


def terms(text: str, size: int = 5) -> list[str]:
    """Transliterated word prefixes (words of 4+ letters cut to ``size``): a cross-lingual bag.

    >>> terms("Earthquake near Πάτρα kills 41")
    ['earth', 'near', 'patra', 'kills']
    """
    return [w[:size] for w in WORD.findall(translit(text)) if len(w) >= 4 and not w.isdigit()]
