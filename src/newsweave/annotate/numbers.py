"""Numbers a story turns on: casualty counts, amounts, percentages, with their sentence.

Digits in any notation ("1,500", «1.500», "1 500", "3,5", Arabic-Indic digits), scale
words in each language ("billion", «εκατ.», «milioane», «مليون», "Mrd.", "mil
millones"), currencies and percent words («τοις εκατό», «la sută», «في المئة»), and
number words from 2 to 20 and the tens ("three", «τρεις», «trei», «ثلاثة») when a
word follows them. Years, dates, times of day, ordinals and identifiers such as
"F-16" or "COVID-19" are skipped.

>>> [(n.value, n.text) for n in extract_numbers("A $3.5 billion deal; 12 people were killed.", "en")]
[(3500000000.0, '$3.5 billion'), (12.0, '12')]
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from newsweave.annotate._text import Doc, norm
from newsweave.annotate.lexicon import NUMBER_WORDS
from newsweave.model import NumberMention

__all__ = ["extract_numbers", "parse_number", "MAX_NUMBERS"]

MAX_NUMBERS = 50
MAX_SENTENCE = 400

_SCALES_RAW = {
    "en": {1e3: "thousand|thousands", 1e6: "million|millions|mn", 1e9: "billion|billions|bn",
           1e12: "trillion|trillions"},
    "el": {1e3: "χιλιάδες|χιλιάδων|χιλ", 1e6: "εκατομμύριο|εκατομμύρια|εκατομμυρίων|εκατ",
           1e9: "δισεκατομμύριο|δισεκατομμύρια|δισεκατομμυρίων|δισ", 1e12: "τρισεκατομμύρια|τρισ"},
    "ro": {1e3: "mie|mii", 1e6: "milion|milioane|mil", 1e9: "miliard|miliarde|mld", 1e12: "trilioane"},
    "ar": {1e3: "ألف|آلاف|الف", 1e6: "مليون|ملايين", 1e9: "مليار|مليارات|بليون", 1e12: "تريليون"},
    "fr": {1e3: "mille", 1e6: "million|millions", 1e9: "milliard|milliards|md|mds", 1e12: "billion|billions"},
    "de": {1e3: "tausend", 1e6: "million|millionen|mio", 1e9: "milliarde|milliarden|mrd",
           1e12: "billion|billionen"},
    "es": {1e3: "mil", 1e6: "millón|millones", 1e9: "mil millones", 1e12: "billón|billones"},
    "it": {1e3: "mila", 1e6: "milione|milioni|mln", 1e9: "miliardo|miliardi|mld", 1e12: "bilione"},
    "pt": {1e3: "mil", 1e6: "milhão|milhões", 1e9: "bilhão|bilhões|mil milhões", 1e12: "trilhão|trilhões"},
    "ru": {1e3: "тысяча|тысячи|тысяч|тыс", 1e6: "миллион|миллиона|миллионов|млн",
           1e9: "миллиард|миллиарда|миллиардов|млрд", 1e12: "триллион|триллиона|триллионов|трлн"},
    "tr": {1e3: "bin", 1e6: "milyon", 1e9: "milyar", 1e12: "trilyon"},
}  # fmt: skip
_PERCENT_RAW = {
    "en": "per cent|percent|percentage points",
    "el": "τοις εκατό|ποσοστιαίες μονάδες",
    "ro": "la sută|procent|procente|puncte procentuale",
    "ar": "في المئة|في المائة|بالمئة|بالمائة",
    "fr": "pour cent|points de pourcentage",
    "de": "prozent|prozentpunkte",
    "es": "por ciento|puntos porcentuales",
    "it": "per cento|punti percentuali",
    "pt": "por cento|pontos percentuais",
    "ru": "процент|процента|процентов|п.п.",
    "tr": "",
}
_CURRENCIES = (
    "dollars dollar usd euros euro eur pounds sterling yen yuan renminbi rubles roubles lira lire lei leu "
    "δολάρια δολαρίων ευρώ λίρες λιρών dolari dolar euro lire lei ron дollar доллар доллара долларов "
    "евро рублей рубля рубль دولار دولارا دولارات يورو جنيه ريال درهم ليرة dólares dólar euros pesos "
    "dollaro dollari franken francs franc"
)
_COMMA_THOUSANDS = frozenset("en ar he zh ja ko hi th ur fa ms id tl".split())
_SPACE_THOUSANDS = frozenset("fr ru uk pl cs sk sv no nb fi et lv lt hu bg".split())
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|η|ης|ος|ου|ο|ή|-?lea|-?a|er|ère|e|ème|º|ª)(?!\w)")


def _alt(words) -> str:
    ws = sorted({re.escape(w) for w in words if w}, key=len, reverse=True)
    return "|".join(ws) if ws else "(?!x)x"


@lru_cache(maxsize=64)
def _lang_tables(lang: str):
    scales_src = _SCALES_RAW.get(lang)
    if scales_src is None:  # unknown language: every table
        scales_src = {}
        for tbl in _SCALES_RAW.values():
            for mult, forms in tbl.items():
                scales_src[mult] = scales_src.get(mult, "") + "|" + forms
        pct_src = "|".join(p for p in _PERCENT_RAW.values() if p)
        words = {}
        for tbl in NUMBER_WORDS.values():
            words.update(tbl)
    else:
        pct_src = _PERCENT_RAW.get(lang, "")
        words = dict(NUMBER_WORDS.get(lang, {}))
    scales: dict[str, float] = {}
    for mult, forms in scales_src.items():
        for f in forms.split("|"):
            if f.strip():
                scales[norm(f.strip())] = mult
    pcts = [norm(p) for p in pct_src.split("|") if p]
    curs = [norm(c) for c in _CURRENCIES.split()]
    space = "[ \u00a0\u202f]" if lang in _SPACE_THOUSANDS else "[\u00a0\u202f]"
    num = rf"(?P<num>\d{{1,3}}(?:(?:[.,]|{space})\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    word = rf"(?P<word>{_alt(words)})(?=\s+[^\W\d_])" if words else None
    scale = rf"(?:\s?(?P<scale>{_alt(scales)})(?!\w)\.?)?"
    pct = rf"(?P<pct>%|٪|{_alt(pcts)})"
    cur_post = rf"(?P<cur2>{_alt(curs)})(?!\w)"
    body = f"(?:{num}|{word})" if word else num
    rx = re.compile(rf"{body}{scale}(?:\s?{pct}(?!\w)|\s{cur_post})?")
    return rx, scales, words


def parse_number(s: str, language: str | None = None) -> float | None:
    """Value of a written number, reading separators the way ``language`` writes them.

    >>> parse_number("1.500", "el"), parse_number("1,500", "en"), parse_number("3,5", "ro")
    (1500.0, 1500.0, 3.5)
    """
    s = s.replace(" ", "").replace(" ", "").replace(" ", "").replace("٫", ".").replace("٬", ",")
    lang = language or "en"
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(",", ".")
    elif "," in s:
        if s.count(",") > 1 or (lang in _COMMA_THOUSANDS and re.fullmatch(r"\d{1,3}(,\d{3})+", s)):
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif "." in s:
        if s.count(".") > 1 or (lang not in _COMMA_THOUSANDS and re.fullmatch(r"\d{1,3}(\.\d{3})+", s)):
            s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        return None


_DIGITS = re.compile(r"\d+")
_CLITICS = frozenset("\u0648\u0628\u0644\u0641")
_CURRENCY_SYMBOLS = frozenset("$€£¥₽₺₹")


def _triggers(doc: Doc, words: dict[str, int]) -> list[int]:
    nt = doc.norm
    out = []
    for m in _DIGITS.finditer(nt):
        i = m.start()
        if i:
            c = nt[i - 1]
            if (c.isalnum() or c in "_.,") and c not in _CLITICS:
                continue
        out.append(i)
    if words:
        for w in doc.tokset.intersection(words):
            out.extend(doc.find_word(w))
        out.sort()
    return out


def _find(doc: Doc, skip: list[tuple[int, int]] | None = None) -> list[NumberMention]:
    rx, scales, words = _lang_tables(doc.language if doc.language != "und" else "")
    nt, text = doc.norm, doc.text
    out: list[NumberMention] = []
    sk = sorted(skip or [])
    skip_st, skip_en = [a for a, _ in sk], [b for _, b in sk]
    bounds = doc.sentence_bounds()
    last_end = -1
    for pos in _triggers(doc, words):
        if pos < last_end:
            continue
        m = rx.match(nt, pos)
        if m is None:
            continue
        s_n, e_n = m.span()
        cur1 = False
        if s_n and nt[s_n - 1] in _CURRENCY_SYMBOLS:
            s_n -= 1
            cur1 = True
        elif s_n > 1 and nt[s_n - 1] == " " and nt[s_n - 2] in _CURRENCY_SYMBOLS:
            s_n -= 2
            cur1 = True
        elif nt.endswith("yuzde ", max(0, s_n - 6), s_n):
            s_n -= 6
        s, e = doc.orig(s_n), doc.orig(e_n)
        if skip_st:
            j = bisect.bisect_right(skip_en, s)
            if j < len(skip_st) and skip_st[j] < e:
                continue  # inside a date
        raw = m.group("num")
        scale = m.group("scale")
        pct = m.group("pct")
        if raw is not None:
            n0 = pos
            if n0 >= 2 and nt[n0 - 1] == "-" and nt[n0 - 2].isalnum():
                continue  # identifiers: F-16, COVID-19
            n1 = m.end("num")
            after = nt[n1 : n1 + 2]
            if after[:1] == ":" and after[1:2].isdigit():
                continue  # time of day
            if n0 >= 1 and nt[n0 - 1] == ":":
                continue
            if not scale and not pct and _ORDINAL_AFTER.match(nt, n1):
                continue
            if after == ". " and doc.language == "de":
                continue  # German ordinal "3. Runde"
            value = parse_number(raw, doc.language)
            if value is None:
                continue
            if len(raw) > 16 or (raw[0] == "0" and len(raw) > 1 and raw.isdigit()):
                continue
            plain = not (scale or pct or cur1 or m.group("cur2"))
            if plain and len(raw) == 4 and 1900 <= value <= 2100 and raw.isdigit():
                continue  # a year
        else:
            value = float(words.get(m.group("word"), 0))
            if not value:
                continue
        if scale:
            value *= scales.get(scale, 1.0)
        surface = text[s:e].strip()
        if surface.endswith(".") and scale and len(scale) > 4:
            surface = surface[:-1]  # the full stop of the sentence, not an abbreviation
        last_end = e_n
        i = bisect.bisect_right(bounds, s)
        a = bounds[i - 1] if i else 0
        b = bounds[i] if i < len(bounds) else len(text)
        if e > b:  # a decimal point taken for a full stop
            j = bisect.bisect_left(bounds, e)
            b = bounds[j] if j < len(bounds) else len(text)
        sentence = text[max(a, s - MAX_SENTENCE) : min(b, e + MAX_SENTENCE)].strip()
        out.append(NumberMention(value=value, text=surface, sentence=sentence))
        if len(out) >= MAX_NUMBERS:
            break
    return out


def extract_numbers(
    text: str, language: str | None = None, skip: list[tuple[int, int]] | None = None
) -> list[NumberMention]:
    """Numbers in ``text`` with value, surface and sentence; ``skip`` spans (dates) are ignored.

    >>> [n.value for n in extract_numbers("Τουλάχιστον 12 νεκροί και 3,5 εκατ. ευρώ ζημιές", "el")]
    [12.0, 3500000.0]
    """
    return _find(Doc(text, language), skip)
