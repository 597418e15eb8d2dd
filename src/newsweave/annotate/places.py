"""Place recognition and disambiguation against the gazetteer (cities, countries, regions).

Recognition: every distinct word of the article is looked up once in the index
(see :mod:`newsweave.annotate.gazetteer`; inflected forms are in the index, Arabic
clitics are stripped here); multi-word names are tried longest first.
False positives are kept out by: stopword/blacklist filtering at build time, a
capital letter in cased scripts (demonyms excepted outside English), a
sentence-initial word that also appears in lowercase being a common word, a
capitalised neighbour word making it part of a longer name ("Paris Saint-Germain",
"Jordan Bardella", "La Guardia Costera"), an organisation word before it ("Borsa
İstanbul", "Real Madrid"), names seen as the surname of a person elsewhere in the text,
a short word in capitals ("BIST") only naming a big city, and short names that are
also common words ("Lira", "Kira": ≤ 5 letters, < 1 M people, abroad) needing another
place of their country in the text. A name right after a water feature's word ("canal de Suez",
«قناة السويس», "Lake Michigan"; English and Turkish also "the Suez canal") names the feature, not the
town. Organisation words are also recognised in other scripts
by transliteration («Ντιναμό Βουκουρεστίου» is a club, not a person named Bucharest). Arabic has
no capitals, so a one-word town name that is also a word («الجديد» "new" is a name of Sabha,
«عالية» "high" is Aley) needs a place cue before one of its mentions («في», «إلى», a town word, an
attached ب/ل) or another place of its country. Adjectives of countries that the tables lack
are derived from the country's name: Arabic by the nisba rule («التنزانية» → «تنزانيا»), Greek,
French, Romanian and English by regular endings («τανζανική», "tanzanien", "Tanzanian").

Fallback: a Greek- or Arabic-script word that no key covers («Σουτσάβα», «بيتيشتي») is
matched by transliteration to the Latin name of a city of a country the text names
(:mod:`newsweave.annotate.translit_places`, which lists its guards against common words); once
accepted, the town's other mentions count too («سكان X», «وX», «Σουτσάβας»).

Disambiguation: each meaning scores log10(population) (countries and regions get a
floor), +1.5 for the usual news meaning (curated tables), +4 when its country is
mentioned elsewhere, +3 when its US state is, +2 when it lies within 400 km of an
unambiguous city, +5 when another mention names it unambiguously (one name, one place
per text), +1 in the home country of the article's language. Two passes, the second
with the first pass's choices as context.

Kinds: a country named only by its adjective ("Greek officials") is ``kind="demonym"``
(with the country's id and centre); a town named only as a province ("Manisa
province", «ولاية مانيسا», "Manisa'nın Soma ilçesinde") is ``kind="region"``. Neither
they nor continents are the main place while anything else is named.

>>> [p.name for p in extract_places("Πλημμύρες στην Πάτρα και στη Θεσσαλονίκη", "el")]
['Patras', 'Thessaloniki']
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsweave.annotate._text import Doc, following_words, nword, script_of, words_before
from newsweave.annotate.gazetteer import (
    ALLCAPS,
    ARABIC_CCS,
    CURATED,
    DEMONYM,
    HOME_COUNTRIES,
    GazIndex,
    Record,
    _date_words,
    arabic_variants,
    entry_rec,
    get_index,
)
from newsweave.annotate.lexicon import (
    ALL_STOPWORDS,
    ARABIC_COMMON,
    DIRECTIONS,
    NON_PERSON_WORDS,
    ORG_BEFORE_PLACE,
    PLACE_GENERIC,
    PROVINCE_WORDS,
    TITLES,
    TOWN_WORDS,
    sentence_start,
)
from newsweave.annotate.translit_places import STRONG_CUE, TOWN_CUE, WEAK_CUE
from newsweave.model import Place

__all__ = ["extract_places", "main_place", "LEAD_CHARS"]

LEAD_CHARS = 600
NEAR_KM = 400.0
COUNTRY_BONUS = 4.0  # a meaning in a country named elsewhere in the text beats 10 000× the population
SAME_NAME_BONUS = 5.0  # a meaning that another mention names unambiguously

_AFTER_WORD = re.compile(r"[ \t]+(\w+)")
# Turkish "Manisa'nın Soma ilçesinde": the genitive names the province of the district that follows
_TR_PROVINCE_GENITIVE = re.compile(r"['’]n?[ıiuü]n[ \t]+\w+[ \t]+(?:ilçe|ilce)", re.IGNORECASE)
# Turkish locative/ablative endings mark a place, not a surname: "Aydınoğlu Atina'da"
_TR_PLACE_CASE = re.compile(r"['’](?:[dt][ae]n?|[dt][ae]ki)\b", re.IGNORECASE)
_PROVINCE_AFTER_LANGS = frozenset(("en", "tr", "nl", "und"))  # "Manisa province", "Manisa ili"
OF_WORDS = ("of", "de", "du", "di", "del", "della", "din", "της", "του", "των", "al")
_OF = frozenset(nword(w) for w in OF_WORDS)  # normalised: «της» is «τησ»
ACRONYM_MAX_LETTERS = 4  # "BIST", "KOBİ": a short word in capitals is an acronym ...
ACRONYM_PLACE_MIN_POP = 500_000  # ... unless it names a big city ("ROME (Reuters)")
SHORT_NAME_LETTERS = 5  # "Lira", "Kira", "Pop": short town names that are also common words ...
SHORT_NAME_MIN_POP = 1_000_000  # ... need support in the text unless the town is this big
HEADLINE_MAX_CHARS = 200
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’\-]*)")
_PREV_WORD_REV = re.compile(r"[ \t]+([\w'’.\-]*[^\W\d_])")  # the word before, matched on reversed text
# Languages where "Capitalised Place" at a sentence start is mostly "First-name Surname"
# (Romanian "Primăria Constanței", Greek and Russian genitives are not).
_FIRST_NAME_LANGS = frozenset({"en", "fr", "es", "it", "pt", "nl"})
# Water features named after a town: "canal de Suez", «Διώρυγα του Σουέζ», «قناة السويس», "Canalul
# Suez", "Gulf of Aden", "Lake Victoria". A name right after one (or after one and "of") names the
# feature, not the town, whatever the case (Spanish writes "canal de Suez" in lowercase).
FEATURE_WORDS = tuple(
    """canal strait straits gulf bay lake river canale canalul canalului canalele strâmtoarea
    strâmtorii golful golfului lacul lacului râul râului fluviul fluviului estrecho golfo bahía lago río
    détroit golfe baie lac fleuve rivière kanal meerenge bucht stretto fiume estreito baía rio
    διώρυγα διώρυγας κανάλι καναλιού πορθμός πορθμού στενά στενών κόλπος κόλπου λίμνη λίμνης ποταμός
    ποταμού ποταμό канал канала пролив пролива залив залива озеро озера река реки kanalı körfezi boğazı
    قناة لقناة بقناة وقناة مضيق لمضيق بمضيق ومضيق خليج بحيرة ببحيرة نهر بنهر""".split()
)
_FEATURE_BEFORE = frozenset(nword(w) for w in FEATURE_WORDS)
# ... and after it in languages that put the feature word last ("the Suez canal", "Süveyş Kanalı").
_FEATURE_AFTER = frozenset(nword(w) for w in "canal strait gulf bay lake river kanalı kanali körfezi boğazı".split())
_FEATURE_AFTER_LANGS = frozenset(("en", "tr", "de", "nl", "und"))
# (not Turkish "Bakanı": the word before "Adalet Bakanı", the justice minister, names a ministry, not a place;
# «adalet» is also a GeoNames name of Adelaide)
_NOT_NAME = (ALL_STOPWORDS | PLACE_GENERIC | DIRECTIONS | TITLES) - {"bakani", "bakan"}
# ... and, before a town's name only, no first name either: "Portul Constanța" (after it, "Square" still
# makes "Madison Square Garden" one longer name)
_NOT_FIRST_NAME = _NOT_NAME | NON_PERSON_WORDS


@dataclass(slots=True)
class _Mention:
    start: int  # offsets in doc.text
    end: int
    surface: str
    entries: tuple[int, ...]
    choice: int = -1  # chosen record
    province: bool = False  # "Manisa province", «ولاية مانيسا»: the province, not its capital town
    doubtful: bool = False  # a short name that is also a common word ("Lira"): needs support


def _capitalised(ch: str) -> bool:
    return ch.isupper() or not ch.islower()


_sentence_start = sentence_start
_APOSTROPHE_SUFFIX = re.compile(r"['’]\w*$")  # Turkish case endings: "Manisa'nın", "Soma'da"


def _is_place_word(idx: GazIndex, w: str) -> bool:
    n = nword(_APOSTROPHE_SUFFIX.sub("", w))
    return n in idx.keys or n in idx.first_words


def _arabic_clitic(t: str) -> bool:
    return "\u0600" <= t[0] <= "\u06ff" and t[0] in "وفبلك"


_NISBA_ENDINGS = ("يين", "يون", "يات", "يه", "ي")  # normalised: ة is ه
_NISBA: dict[str, tuple[int, ...]] = {}


def _nisba_entries(idx: GazIndex, t: str) -> tuple[int, ...]:
    """A country's Arabic adjective that no table lists, derived from the country's Arabic name by the
    regular nisba rule: «التنزانية» (تنزان + ية) is of «تنزانيا», «الرومانية» of «رومانيا», «السودانية» of
    «السودان». Entries flagged ``DEMONYM``; empty when no country name fits. ``t`` is normalised."""
    got = _NISBA.get(t)
    if got is not None:
        return got
    out: tuple[int, ...] = ()
    base = t[2:] if t.startswith("ال") else t
    for end in _NISBA_ENDINGS:
        if base.endswith(end) and len(base) - len(end) >= 3:
            stem = base[: -len(end)]
            for k in (stem + "ا", stem + "يا", stem, "ال" + stem, stem + "ي"):
                recs = [entry_rec(e) for e in idx.lookup(k) if not e & DEMONYM]
                recs = [r for r in recs if idx.records[r].kind == "country"]
                if recs:
                    out = tuple(r | DEMONYM for r in dict.fromkeys(recs))
                    break
            break
    if len(_NISBA) < 100_000:
        _NISBA[t] = out
    return out


# Regular adjective endings of country names (normalised, longest first): "sénégalaise" is of Sénégal,
# "tanzanien" of Tanzanie, "Senegalese" of Senegal, "ghanez" of Ghana.
_ADJ_ENDINGS = {
    "en": ("ese", "ian", "ean", "an"),
    "fr": ("aises", "aise", "ais", "oises", "oise", "ois", "iennes", "ienne", "iens", "ien", "eennes", "eenne",
           "eens", "een", "aines", "aine", "ains", "ain"),
    "ro": ("eza", "ezi", "eze", "ez", "iana", "ieni", "iene", "ian"),
    # Greek (no accents, final ς as σ): «τανζανική», «σενεγαλέζικη», «μαλαισιανός»
    "el": tuple(sorted({b + e for b in ("εζικ", "ιαν", "ικ") for e in ("οσ", "η", "ο", "ου", "ησ", "οι", "εσ", "ων", "α",
                                                                    "ουσ")}, key=lambda x: -len(x))),
}
_ADJ_MIN_STEM = 4
_ADJ: dict[tuple[str, str], tuple[int, ...]] = {}
_ADJ_MIN_POP = 100_000  # "Dominican" is not of Dominica: tiny countries' names are parts of others'


@lru_cache(maxsize=8)
def _country_stems(lang: str) -> dict[str, int]:
    """One-word Latin or Greek country names in ``lang`` (or untagged) without their final vowels ("malte" → "malt",
    "tanzanie" → "tanzan", «τανζανια» → «τανζαν») → country record; stems that two countries share are left out. The names of
    other languages are not used: "anglais" (the language) is not made of the Romanian «Anglia»."""
    idx = get_index()
    out: dict[str, int] = {}
    clash: set[str] = set()
    for key, v in idx.keys.items():
        if " " in key or not key.isalpha() or not (key.isascii() or _GREEK_LETTER.match(key)):
            continue
        for e in (v,) if isinstance(v, int) else v:
            r = idx.records[entry_rec(e)]
            if e & DEMONYM or r.kind != "country" or r.population < _ADJ_MIN_POP:
                continue
            ls = idx.langs(e)
            if ls is not None and lang not in ls:
                continue
            stem = key.rstrip("aeiouyαεηιουω")
            for st in {stem, key}:
                if len(st) >= _ADJ_MIN_STEM:
                    if out.get(st, entry_rec(e)) != entry_rec(e):
                        clash.add(st)
                    out[st] = entry_rec(e)
    for st in clash:
        del out[st]
    return out


def _adjective_entries(idx: GazIndex, t: str, lang: str) -> tuple[int, ...]:
    """A country's adjective that no table lists, in a language whose adjectives are regular (en fr ro el):
    the word less a demonym ending is the country's name less its final vowels ("sénégalaise" → Sénégal,
    "Tanzanian" → Tanzania). Entries flagged ``DEMONYM``; ``t`` is normalised."""
    got = _ADJ.get((lang, t))
    if got is not None:
        return got
    out: tuple[int, ...] = ()
    for end in _ADJ_ENDINGS.get(lang, ()):
        if t.endswith(end) and len(t) - len(end) >= _ADJ_MIN_STEM:
            rec = _country_stems(lang).get(t[: -len(end)])
            if rec is not None:
                out = (rec | DEMONYM,)
                break
    if len(_ADJ) < 100_000:
        _ADJ[(lang, t)] = out
    return out


def _derived(t: str, lang: str) -> tuple[int, ...]:
    """Entries of a country adjective derived by :func:`_nisba_entries` or :func:`_adjective_entries`."""
    return _NISBA.get(t) or _ADJ.get((lang, t)) or ()


@lru_cache(maxsize=4096)
def demonym_form(surface: str, lang: str | None) -> bool:
    """Is ``surface`` (a mention as written) a country's adjective ("Moldovan", «المولدوفي»,
    «μολδαβική»), not its name? Tables first, then the derivation rules above."""
    idx = get_index()
    t = nword(surface)
    forms = (t, *arabic_variants(t)) if "\u0600" <= t[:1] <= "\u06ff" else (t,)
    for v in forms:
        entries = idx.lookup(v) or _NISBA.get(v) or _ADJ.get((lang or "", v))
        if not entries and "\u0600" <= v[:1] <= "\u06ff" and v.endswith(_NISBA_ENDINGS):
            entries = _nisba_entries(idx, v)
        if not entries and lang in _ADJ_ENDINGS:
            entries = _adjective_entries(idx, v, lang)
        if entries:
            return all(e & DEMONYM for e in entries)
    return False


def _occurrences(doc: Doc, idx: GazIndex) -> list[tuple[int, str, tuple[str, ...]]]:
    """(offset in norm, word as written in norm, lookup forms) for every candidate start."""
    keys = idx.keys
    caps = doc.cap_tokens
    singles: dict[str, tuple[str, ...]] = {}
    for t in caps & keys.keys():
        singles[t] = (t,)
    if doc.arabic:
        for t in caps:
            if t not in singles and _arabic_clitic(t) and t not in ARABIC_COMMON:
                vs = tuple(v for v in arabic_variants(t) if v in keys)
                if vs:
                    singles[t] = vs
    for t in doc.tokset & idx.demonym_keys:
        singles.setdefault(t, (t,))
    ends = _ADJ_ENDINGS.get(doc.language or "")
    if ends:  # "sénégalaise", "Tanzanian": adjectives of countries that the tables lack
        for t in doc.tokset:
            if t.endswith(ends) and t not in keys and t not in singles and _adjective_entries(idx, t, doc.language):
                singles[t] = (t,)
    if doc.arabic:  # «التنزانية», «والتنزانية»: adjectives of countries that the tables lack
        for t in doc.tokset:
            if (t.endswith(_NISBA_ENDINGS) and "\u0600" <= t[0] <= "\u06ff" and t not in keys
                    and t not in singles and t not in ARABIC_COMMON):
                for v in (t, *arabic_variants(t)):
                    if v not in keys and _nisba_entries(idx, v):
                        singles[t] = (v,)
                        break
    firsts: dict[str, set[str]] = {}
    for pr in doc.pairs(idx.first_words) & idx.first_pairs:
        w1 = pr.split(" ", 1)[0]
        firsts.setdefault(w1, set()).add(w1)
    if doc.arabic:
        toks = doc.tokens
        for w1, w2 in zip(toks, toks[1:]):
            if _arabic_clitic(w1):
                for v in arabic_variants(w1):
                    if v + " " + w2 in idx.first_pairs:
                        firsts.setdefault(w1, set()).add(v)
    occ = []
    for t, forms in singles.items():
        extra = tuple(firsts.pop(t, ()))
        for pos in doc.find_word(t):
            occ.append((pos, t, tuple(dict.fromkeys(extra + forms))))
    for t, forms in firsts.items():
        for pos in doc.find_word(t):
            occ.append((pos, t, tuple(forms)))
    occ.sort()
    return occ


def _find(doc: Doc, idx: GazIndex) -> list[_Mention]:
    keys, first = idx.keys, idx.first_words
    occ = _occurrences(doc, idx)
    if not occ:
        return []
    nt, text = doc.norm, doc.text
    lang = doc.language
    tagged = lang in idx.tagged_langs
    out: list[_Mention] = []
    person_like: set[str] = set()
    split: dict[str, set[str | None]] = {}  # names seen right after another sentence's last word
    last_end = -1
    for pos, t, forms in occ:
        if pos < last_end:
            continue
        end0 = pos + len(t)
        key = None
        end = end0
        for v in forms:
            if v in first:
                ws, ends = following_words(nt, end0, v, idx.max_words, idx.first_pairs)
                for n in range(len(ws), 0, -1):
                    k = v + " " + " ".join(ws[:n])
                    if k in keys:
                        key, end = k, ends[n - 1]
                        break
            if key is None and (v in keys or _derived(v, lang)):
                key = v
            if key is not None:
                break
        if key is None:
            continue
        entries = _misread(idx, key, idx.lookup(key)) or _derived(key, lang)
        if tagged:
            entries = tuple(e for e in entries if (ls := idx.langs(e)) is None or lang in ls)
        if not entries:
            continue
        s, e = doc.orig(pos), doc.orig(end)
        surface = text[s:e]
        ch = surface[0]
        cap = _capitalised(ch)
        keep = []
        acronym = surface.isupper() and sum(c.isalpha() for c in surface) <= ACRONYM_MAX_LETTERS
        for en in entries:
            if en & DEMONYM:
                if cap or lang != "en":
                    keep.append(en)
            elif en & ALLCAPS:
                if surface.isupper() or not ch.islower() and not ch.isupper():
                    keep.append(en)
            elif cap:
                if acronym and not en & CURATED and idx.records[entry_rec(en)].population < ACRONYM_PLACE_MIN_POP:
                    continue  # "BIST" (the Istanbul exchange) is not Bist, Afghanistan
                keep.append(en)
        if not keep:
            continue
        before = words_before(text, s)
        w1 = before[0]  # the word right before
        if w1 and not w1[0].islower() and _org_word(nword(w1), doc.arabic) and not all(en & DEMONYM for en in keep):
            continue  # "Borsa İstanbul", "Real Madrid", «وبورصة إسطنبول»: an organisation's name
        if w1 and nword(w1) in _BUILDING_BEFORE and not all(en & DEMONYM for en in keep):
            last_end = end  # nor a shorter name inside it ("Avenida Miguel Hidalgo" is not Hidalgo)
            continue  # "Palatul Victoria", "Piazza Venezia", "calle Sevilla": a building or street's name
        if all(en & DEMONYM for en in keep) and _countries_word(before[0], text, e, lang):
            continue  # «للبلدان الأمريكية», "pays américains": the countries of a continent, not one of them
        if _VIRUS_AFTER.match(text, e):
            continue  # "Corona virüsü", "Zika virus", "Marburg virus": a virus named after a place, not the place
        if _feature_name(text, e, before, lang):
            continue  # "canal de Suez", «قناة السويس»: the canal, not the town
        province = _is_province(text, s, e, before, lang)
        single = " " not in key
        if not single and ch.isupper() and not all(en & (DEMONYM | ALLCAPS | CURATED) for en in keep):
            nxt = _NEXT_WORD.match(text, e)
            if nxt and nxt.group(1)[0].isupper() and nword(nxt.group(1)) not in _NOT_NAME:
                continue  # "La Guardia Costera", "New York Times": part of a longer name
        if single and ch.isupper() and not all(en & (DEMONYM | ALLCAPS) for en in keep):
            if _sentence_start(text, s) and doc.has_lower(surface.lower()):
                continue  # a common word capitalised at the start of a sentence
            nxt = _NEXT_WORD.match(text, e)
            if nxt and nxt.group(1)[0].isupper():
                w = nword(nxt.group(1))
                if w not in _NOT_NAME:
                    continue  # part of a longer name: "Paris Saint-Germain", "Pedro Sánchez"
            if lang != "de":  # German capitalises every noun
                rv = _PREV_WORD_REV.match(text[max(0, s - 40) : s][::-1])
                prev = rv.group(1)[::-1] if rv else ""
                if (
                    prev
                    and prev[0].isupper()
                    and not _acronym(prev)  # "PAOK Salonika": a club, not a first name
                    and not _APOSTROPHE_SUFFIX.search(prev)  # "DIICOT's Constanta office": a possessive neither
                    and (
                        not _sentence_start(text, s - rv.end())  # type: ignore[union-attr]
                        or (lang in _FIRST_NAME_LANGS and not doc.has_lower(prev.lower()))
                    )
                ):
                    w = nword(prev).rstrip(".")
                    if (
                        w not in _NOT_FIRST_NAME
                        and not _is_place_word(idx, prev)
                        and not (lang == "tr" and _TR_PLACE_CASE.match(text, e))
                        and not (lang == "tr" and nxt and nword(nxt.group(1)) in TITLES)  # "AK Parti Bingöl
                    ):  # Milletvekili": the place qualifies a Turkish title, it is no surname
                        if _ends_sentence(prev):
                            # "… Europol. Grenoble …": another sentence, so no name pair; but a capitalised
                            # sentence start may be a surname or a common word ("… the Sounders. Morris …"):
                            # this mention is skipped, the others need a place of the name's country
                            split[surface] = {idx.records[entry_rec(en)].country_code for en in keep}
                            continue
                        person_like.add(surface)
                        continue  # "Jordan" in "Michael Jordan"
        out.append(_Mention(s, e, surface, tuple(keep), province=province))
        last_end = end
    if person_like:  # the same word elsewhere is that person's surname: "Lincoln said"
        out = [m for m in out if m.surface not in person_like or all(en & DEMONYM for en in m.entries)]
    if split:
        named = {idx.records[entry_rec(en)].country_code for m in out if m.surface not in split for en in m.entries}
        out = [m for m in out if m.surface not in split or split[m.surface] & named]
    return out


@lru_cache(maxsize=65536)
def _misread(idx: GazIndex, key: str, entries: tuple[int, ...]) -> tuple[int, ...]:
    """``entries`` less the towns that ``key`` does not name in a text:

    * a continent's name is not a town ("Africa" is an old name of Mahdia; in Romanian, where the table
      lacks the continent's name, only Mahdia would be left);
    * a town of an Arabic-speaking country written without the ع or ح of its Arabic name («امان» for
      «عمان» Amman, «اجمان» for «عجمان» Ajman) is another language's spelling (Persian, Urdu): in an Arabic
      text it is a word («أمان» "safety", «بأمان» "safely")."""
    recs = idx.records
    drop: set[int] = set()
    if any(recs[entry_rec(e)].kind == "region" and not recs[entry_rec(e)].country_code for e in entries):
        drop |= {entry_rec(e) for e in entries if recs[entry_rec(e)].kind == "city"}
    if "\u0600" <= key[:1] <= "\u06ff" and ("ا" in key or "ه" in key):
        native = {key[:i] + n + key[i + 1 :] for i, c in enumerate(key) for n in {"ا": "ع", "ه": "ح"}.get(c, "")}
        towns = {entry_rec(e) for k in native for e in idx.lookup(k)}
        drop |= {r for e in entries if (r := entry_rec(e)) in towns and recs[r].country_code in ARABIC_CCS}
    return tuple(e for e in entries if entry_rec(e) not in drop) if drop else entries


def _feature_name(text: str, e: int, before: tuple[str | None, str | None], lang: str) -> bool:
    """Is the name ending at ``e`` part of a water feature's name ("canal de Suez", "Suez Canal")?"""
    w1, w2 = before
    if w1 is not None:
        n1 = nword(w1)
        if n1 in _FEATURE_BEFORE or (w2 is not None and n1 in _OF and nword(w2) in _FEATURE_BEFORE):
            return True
    if lang in _FEATURE_AFTER_LANGS:
        nxt = _AFTER_WORD.match(text, e)
        return nxt is not None and nword(nxt.group(1)) in _FEATURE_AFTER
    return False


# Plural words for countries: a country adjective right after them (before them in English and Turkish)
# names a group of countries («البلدان الأمريكية», "pays africains", "American countries"), not one country.
_COUNTRIES_WORDS = frozenset(nword(w) for w in """countries nations pays países paesi nazioni țări țările țărilor
    tari tarile tarilor statele χώρες χωρών κράτη κρατών دول الدول ودول لدول بدول للدول والدول بالدول بلدان البلدان
    وبلدان لبلدان ببلدان للبلدان والبلدان بالبلدان ülkeler ülkeleri ülkelerin ülkelerinde ülkelerine""".split())
_COUNTRIES_AFTER_LANGS = frozenset(("en", "tr"))
# Palaces, squares, streets and stadiums named after a town, the word first: "Palatul Victoria", "Piața
# Romană", "Piazza Venezia", "calle Sevilla", "Estadio Quito". (Not ports and airports: "portul Constanța" is
# in the town; not "via", "place", "avenue": English words too; nor "corso", "calea": "in corso" is "under way".)
_BUILDING_BEFORE = frozenset(nword(w) for w in """palatul palatului piața pieței strada străzii bulevardul
    stadionul palacio plaza calle avenida estadio piazza palazzo stadio viale rue palais stade""".split())


# A virus word right after a name (Turkish and German papers write "Corona virüsü", "Corona-Virus")
_VIRUS_AFTER = re.compile(r"(?:[ \t]+|-)(?:virus|virüs|virusul|virusului|ιός|ιού|вирус)", re.IGNORECASE)


def _countries_word(w1: str | None, text: str, e: int, lang: str) -> bool:
    """Is the adjective ending at ``e`` (``w1`` the word before it) said of a group of countries?"""
    if lang in _COUNTRIES_AFTER_LANGS:
        nxt = _AFTER_WORD.match(text, e)
        return nxt is not None and nword(nxt.group(1)) in _COUNTRIES_WORDS
    return w1 is not None and nword(w1) in _COUNTRIES_WORDS


def _org_word(w: str, arabic: bool) -> bool:
    if w in ORG_BEFORE_PLACE:
        return True
    if arabic and any(v in ORG_BEFORE_PLACE for v in arabic_variants(w)):
        return True
    return script_of(w) in ("latin", "greek", "arabic") and _org_word_translit(w)


@lru_cache(maxsize=4096)
def _org_word_translit(w: str) -> bool:
    """«Ντιναμό», «Σπόρτινγκ», «دينامو», "Olympiacos": an organisation word of ``ORG_BEFORE_PLACE`` written in another
    script, by the transliteration keys of :mod:`newsweave.annotate.translit_places` (keys of at least
    three consonants, so that short first names are not taken for one)."""
    from newsweave.annotate.translit_places import keys_match, translit_key

    ks = translit_key(w)
    if len(ks) != 1 or len(ks[0].cons.replace("'", "")) < 3:
        return False
    return any(len(o) == 1 and keys_match(ks[0], o[0]) for o in _org_keys())


@lru_cache(maxsize=1)
def _org_keys() -> tuple:
    from newsweave.annotate.translit_places import translit_key

    return tuple(translit_key(w) for w in sorted(ORG_BEFORE_PLACE) if script_of(w) == "latin")


def _ends_sentence(word: str) -> bool:
    """A word with a full stop after three letters or more ends a sentence; initials ("J.") and short
    abbreviations ("St.") do not."""
    return word.endswith(".") and sum(c.isalpha() for c in word) >= 3


def _acronym(word: str) -> bool:
    letters = [c for c in word.rstrip(".") if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_province(text: str, s: int, e: int, before: tuple[str | None, str | None], lang: str) -> bool:
    """Is the name at [s, e) used as the name of a province ("Manisa province", "provincia de
    Manisa", «ولاية مانيسا», "Manisa'nın Soma ilçesinde") rather than of its capital town?"""
    w1, w2 = before
    if w1 is not None:
        if nword(w1) in PROVINCE_WORDS:
            return True
        if w2 is not None and nword(w1) in _OF and nword(w2) in PROVINCE_WORDS:
            return True
    if lang not in _PROVINCE_AFTER_LANGS:
        return False  # «بارا بولاية شمال كردفان»: the province word names what follows
    nxt = _AFTER_WORD.match(text, e)
    if nxt and nword(nxt.group(1)) in PROVINCE_WORDS:
        return True
    return lang == "tr" and _TR_PROVINCE_GENITIVE.match(text, e) is not None


def _is_town(text: str, s: int, e: int) -> bool:
    """Is the name at [s, e) called a town ("the city of Kirkuk", «مدينة كركوك», "Kirkuk city")?"""
    b1, b2 = words_before(text, s)
    if b1 is not None:
        w1 = nword(b1)
        if w1 in TOWN_WORDS or (b2 is not None and w1 in _OF and nword(b2) in TOWN_WORDS):
            return True
    nxt = _AFTER_WORD.match(text, e)
    return nxt is not None and nword(nxt.group(1)) in TOWN_WORDS


def _km(a: Record, b: Record) -> float:
    """Equirectangular distance: plenty for "within a few hundred km"."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return 1e9
    dlon = (b.lon - a.lon + 180.0) % 360.0 - 180.0
    x = math.radians(dlon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def _resolve(mentions: list[_Mention], idx: GazIndex, lang: str) -> None:
    recs = idx.records
    home = HOME_COUNTRIES.get(lang, ())
    near_cache: dict[int, bool] = {}
    for m in mentions:
        if len({entry_rec(e) for e in m.entries}) == 1:
            m.choice = entry_rec(m.entries[0])
    for _ in range(2):
        cc_count: Counter[str] = Counter()
        states: Counter[str] = Counter()
        anchors: list[Record] = []
        anchored: set[int] = set()  # records named unambiguously somewhere in the text
        for m in mentions:
            if m.choice < 0 or m.doubtful:
                continue  # "Green" (a town in Ohio) must not pull "Athens" to Georgia
            r = recs[m.choice]
            if r.country_code:
                cc_count[r.country_code] += 1
            if r.country_code == "US" and r.admin1:
                states[r.admin1] += 1
            if r.kind == "city" and len(m.entries) == 1:
                anchors.append(r)
            if len({entry_rec(e) for e in m.entries}) == 1:
                anchored.add(m.choice)
        for m in mentions:
            if len({entry_rec(e) for e in m.entries}) == 1:
                continue
            own = recs[m.choice] if m.choice >= 0 else None
            best, best_s = -1, -1e9
            for en in m.entries:
                ri = entry_rec(en)
                r = recs[ri]
                s = math.log10(max(r.population, 1000))
                if r.kind == "country":  # a country name usually means the country; small ones less so
                    s += 1.5 if r.population >= 1_000_000 else 0.5
                elif r.kind == "region":
                    s = max(s, 6.5)
                if en & CURATED:
                    s += 1.5
                cc = r.country_code
                if cc:
                    n = cc_count[cc] - (1 if own is not None and own.country_code == cc else 0)
                    if n > 0 and r.kind != "country":
                        s += COUNTRY_BONUS
                    if cc in home:
                        s += 1.0
                if cc == "US" and r.admin1:
                    n = states[r.admin1] - (
                        1 if own is not None and own.admin1 == r.admin1 and own.country_code == "US" else 0
                    )
                    if n > 0:
                        s += 3.0
                if r.kind == "city" and anchors:
                    near = near_cache.get(ri)
                    if near is None:
                        near = near_cache[ri] = any(a is not r and _km(a, r) < NEAR_KM for a in anchors)
                    if near:
                        s += 2.0
                if ri in anchored:
                    s += SAME_NAME_BONUS  # one sense per text: «Ηράκλειο» is the «Ηρακλείου Κρήτης» named before
                if s > best_s:
                    best, best_s = ri, s
            m.choice = best


def _extract(
    doc: Doc, exclude: list[tuple[int, int]] | None = None
) -> tuple[list[Place], list[tuple[int, int]]]:
    """Places, and the spans of their mentions. Names overlapping ``exclude`` spans (known
    organisations: "Croix-Rouge", "OTAN") are not places; demonyms inside them still count."""
    idx = get_index()
    mentions = _find(doc, idx)
    if exclude and mentions:
        ex = sorted(exclude)
        st, en = [a for a, _ in ex], [b for _, b in ex]
        kept = []
        for m in mentions:
            j = bisect.bisect_right(en, m.start)
            if j < len(st) and st[j] < m.end and not all(e & DEMONYM for e in m.entries):
                continue
            kept.append(m)
        mentions = kept
    if not mentions and not _TRANSLIT_SCRIPT.search(doc.text):
        return [], []
    _mark_doubtful(mentions, idx, doc.language)
    if doc.arabic:
        _mark_doubtful_arabic(doc, mentions, idx)
    _resolve(mentions, idx, doc.language)
    extra = _translit_mentions(doc, idx, mentions, exclude)
    if extra:  # towns written in a script the gazetteer lacks for them: context for the others too
        mentions = sorted(mentions + extra, key=lambda m: m.start)
        _resolve(mentions, idx, doc.language)
    mentions = _drop_stray_homonyms(_drop_unsupported(mentions, idx), idx)
    agg: dict[int, Place] = {}
    weight: dict[int, float] = {}
    named: set[int] = set()  # records named at least once (not only by a demonym)
    as_province: set[int] = set()  # ... as a province ("Manisa province") ...
    as_town: set[int] = set()  # ... or explicitly as a town ("the city of Kirkuk")
    for m in mentions:
        if m.choice < 0:
            continue
        demonym = all(e & DEMONYM for e in m.entries)
        if not demonym:
            named.add(m.choice)
            if m.province:
                as_province.add(m.choice)
            if _is_town(doc.text, m.start, m.end):
                as_town.add(m.choice)
        p = agg.get(m.choice)
        w = 0.5 if demonym else 1.0
        if m.start < LEAD_CHARS:
            w += 2.0 if m.choice not in weight or weight[m.choice] < 2.0 else 0.0
        if p is None:
            r = idx.records[m.choice]
            agg[m.choice] = Place(
                name=r.name,
                country_code=r.country_code,
                lat=r.lat,
                lon=r.lon,
                geonames_id=r.geonames_id,
                kind=r.kind,
                count=1,
                surface=m.surface,
            )
            weight[m.choice] = w
        else:
            p.count += 1
            weight[m.choice] += w
    for k, p in agg.items():
        if k not in named:
            p.kind = "demonym"  # "Greek officials": a marker, not a place the story is about
        elif p.kind == "city" and k in as_province and k not in as_town:
            p.kind = "region"  # "Manisa province" (and "Manisa" in that text): the province
    places = list(agg.values())
    score = {id(agg[k]): v for k, v in weight.items()}
    return _rank(places, lambda p: score[id(p)]), [(m.start, m.end) for m in mentions]


# --- towns by transliteration (see newsweave.annotate.translit_places) ----------------------------------
_TRANSLIT_SCRIPT = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0620-\u064a]")
_GREEK_NAME = re.compile("[\u0370-\u03ff\u1f00-\u1fff]+(?:[-‐][\u0370-\u03ff\u1f00-\u1fff]+)?")
_GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_ARABIC_NAME = re.compile("[\u0620-\u064a]+")
# Words before a town: "in", "at", "to", "near"; strong cues: "city of", "province of" (normalised: no
# accents, ة→ه, أ/إ→ا).
_GREEK_CUES = frozenset(nword(w) for w in "στην στη στο στον στις στα σε από προς πόλη πόλης δήμο δήμου κοντά".split())
# ... and «ميناء» "the port of": a port is named after its town («بميناء الجزيرة الخضراء (ألخيسيراس)»)
_ARABIC_CUES = frozenset(nword(w) for w in "في وفي ففي قرب وقرب إلى وإلى ميناء بميناء لميناء وميناء".split())
_TOWN_CUES = TOWN_WORDS | frozenset(nword(w) for w in """بلدة ببلدة وبلدة لبلدة قرية بقرية وقرية مدينتي
    κωμόπολη κωμόπολης χωριό χωριού δήμο δήμου""".split())


def _translit_mentions(
    doc: Doc, idx: GazIndex, mentions: list[_Mention], exclude: list[tuple[int, int]] | None
) -> list[_Mention]:
    """Greek- and Arabic-script words (one or two) that no gazetteer key covers, matched by
    transliteration to the Latin name of a city of a country the text names (or a very big city).
    See :mod:`newsweave.annotate.translit_places` for the guards against common words."""
    lang = doc.language
    countries = {idx.records[m.choice].country_code for m in mentions if m.choice >= 0 and not m.doubtful}
    countries.discard(None)
    taken = [(m.start, m.end) for m in mentions] + list(exclude or ())
    out: list[_Mention] = []
    matcher = _translit_matcher()
    for cand in _translit_candidates(doc, idx, lang):
        if any(a < cand.end and cand.start < b for a, b in taken):
            continue
        rec = matcher.match(cand, countries)  # type: ignore[arg-type]
        if rec is None:
            rec = matcher.match_learned(cand, countries, doc.text[cand.end: cand.end + 20],  # type: ignore[arg-type]
                                        HOME_COUNTRIES.get(lang or "", ()))
        if rec is not None:
            prov = _is_province(doc.text, cand.start, cand.end, words_before(doc.text, cand.start), lang)
            out.append(_Mention(cand.start, cand.end, cand.surface, (rec,), choice=rec, province=prov))
            taken.append((cand.start, cand.end))
            br = _bracketed(doc.text, cand.start, cand.end)
            if br and not any(a < br[2] and br[1] < b for a, b in taken):
                # «الجزيرة الخضراء (ألخيسيراس)»: the name before the bracket is that town too
                out.append(_Mention(br[1], br[2], doc.text[br[1] : br[2]], (rec,), choice=rec, province=prov))
                taken.append((br[1], br[2]))
    if out:
        out += _repeats(doc.text, out, taken, lang)
    return out


def _repeats(text: str, found: list[_Mention], taken: list[tuple[int, int]], lang: str) -> list[_Mention]:
    """The other mentions of towns found by transliteration: the same word without a cue before it
    («سكان فيتيشتي», «وفيتيشتي», «Σουτσάβας»). One sense per text: once the guards have accepted a
    name, it names that town wherever it is written."""
    out: list[_Mention] = []
    for surface, rec in {m.surface: m.choice for m in found}.items():
        if _ARABIC_NAME.match(surface):
            rx = r"(?<![\w])(?:[وفبلك]{1,2})?(" + re.escape(surface) + r")(?!\w)"
        else:
            rx = r"(?<![\w])(" + re.escape(surface) + r")ς?(?!\w)"
        for m in re.finditer(rx, text):
            a, b = m.start(1), m.end(1)
            if any(x < m.end() and m.start() < y for x, y in taken):
                continue
            prov = _is_province(text, a, b, words_before(text, m.start()), lang)
            out.append(_Mention(a, b, surface, (rec,), choice=rec, province=prov))
            taken.append((m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _translit_matcher():
    from newsweave.annotate.translit_places import TranslitMatcher

    return TranslitMatcher(get_index().records)


_HEADLINE_COLON = re.compile(r"[ \t]*[:,–—]")  # «Σουτσάβα: πλημμύρες», a dateline «ΣΟΥΤΣΑΒΑ, 5 Μαρτίου»


def _cue(b1: str | None) -> int:
    nb = nword(b1) if b1 is not None else ""
    if nb in _TOWN_CUES:
        return TOWN_CUE
    if nb in PROVINCE_WORDS:
        return STRONG_CUE
    return WEAK_CUE if nb in _GREEK_CUES or nb in _ARABIC_CUES else 0


# "the mayor of X", «ο δήμαρχος του Μπέλτσι», «عمدة X», «رئيس بلدية X»: a mayor heads a town (with "of": a
# name right after the word is the mayor's own, but in Arabic).
_MAYOR_WORDS = frozenset(nword(w) for w in """mayor δήμαρχος δημάρχου δήμαρχο δημάρχων αντιδήμαρχος
    αντιδημάρχου عمدة لعمدة وعمدة بلدية لبلدية وبلدية ببلدية primarul primarului maire alcalde sindaco
    bürgermeister мэр мэра""".split())
# "X, the second largest city of …", «Μπέλτσι, της δεύτερης μεγαλύτερης πόλης», «X، ثاني أكبر مدينة»: a town
# word heads the phrase after the comma (at most four lowercase words before it, no title: "X, the city's
# mayor" is a person)
_APPOSITION = re.compile(r"[ \t]*[,،][ \t]*((?:[^\W\d_]+[ \t]+){0,4}?)([^\W\d_]+)")
_APPOSITION_TOWNS = TOWN_WORDS | frozenset(nword(w) for w in "πόλεως κωμόπολη κωμόπολης".split())


# Greek "from the X", "towards the X": «από το Κουρού» (a preposition that does not take the article into
# itself as «στο» does)
_GREEK_ARTICLES = frozenset(nword(w) for w in "το τη την τον τα τις".split())
_GREEK_PREP_BEFORE_ARTICLE = frozenset(nword(w) for w in "από προς".split())


def _mayor_cue(text: str, start: int) -> int:
    """TOWN_CUE when the word at ``start`` follows "mayor (of)"; WEAK_CUE after Greek «από το»; else 0."""
    b1, b2 = words_before(text, start)
    if b1 is None:
        return 0
    n1 = nword(b1)
    if b2 is not None and n1 in _GREEK_ARTICLES and nword(b2) in _GREEK_PREP_BEFORE_ARTICLE:
        return WEAK_CUE
    if b2 is not None and n1 in _OF and nword(b2) in _MAYOR_WORDS:
        return TOWN_CUE
    # right after the word only in Arabic: «عمدة بالتسي»; «ο δήμαρχος Μπακογιάννης» is the mayor's name
    return TOWN_CUE if n1 in _MAYOR_WORDS and script_of(n1) == "arabic" else 0


def _apposition_cue(text: str, end: int) -> int:
    """TOWN_CUE when the name ending at ``end`` is followed by ", the (second largest) city …"; 0 otherwise."""
    m = _APPOSITION.match(text, end)
    if m is None or nword(m.group(2)) not in _APPOSITION_TOWNS:
        return 0
    between = m.group(1).split()
    if any(not w.islower() and w.lower() != w.upper() or nword(w) in TITLES for w in between):
        return 0
    return TOWN_CUE


_BRACKET_OPEN_REV = re.compile(r"[ \t]*\([ \t]*(?=\w)")  # "(" right after a word (matched reversed)
_BRACKET_CLOSE = re.compile(r"(?:[ \t]+\w+)?[ \t]*\)")  # ... closing after one or two words
_WORD_REV = re.compile(r"(\w+)[ \t]*")


def _bracket_cue(text: str, start: int, end: int) -> int:
    """The cue of a name written again in brackets, right after it, in another spelling («قرب الجزيرة
    الخضراء (ألخيسيراس)», "near Algeciras (Αλχεθίρας)"): the cue before that name, at most three words
    back from the bracket; 0 when the word at [start, end) is not such a bracketed word."""
    got = _bracketed(text, start, end)
    return got[0] if got else 0


def _bracketed(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(cue, start, end) of the name that the bracketed word at [start, end) spells again: the words between
    a cue (at most three words back) and the bracket; None when there is no such bracket or cue."""
    rev = text[max(0, start - 80) : start][::-1]
    m = _BRACKET_OPEN_REV.match(rev)
    if m is None or not _BRACKET_CLOSE.match(text, end):
        return None
    pos = name_start = m.end()
    for _ in range(3):
        w = _WORD_REV.match(rev, pos)
        if w is None or (pos > m.end() and not rev[pos - 1 : pos].isspace()):
            return None
        cue = _cue(w.group(1)[::-1])
        if cue:
            return (cue, start - name_start, start - m.end()) if pos > m.end() else None
        pos, name_start = w.end(), w.end(1)
    return None


def _translit_candidates(doc: Doc, idx: GazIndex, lang: str):
    """Candidates in text order; a two-word one ("Satu Mare") before the single word it starts with.
    The first word of a two-word name may be short («Λα Σπέτσια», «لا سبيتسيا», «Τάι Μπιν»): in Arabic
    only right after a town word («مدينة لا سبيتسيا»), since «لا» is also "no"."""
    from newsweave.annotate.translit_places import Candidate, translit_key

    text, keys = doc.text, idx.keys

    def greek_ok(w: str) -> bool:
        if not w[0].isupper() or w.isupper() or sum(c.isalpha() for c in w) < 4:
            return False  # lowercase words, acronyms («ΠΑΟΚ»), short words
        n = nword(w)
        if n in keys or n in _NOT_NAME or n in _date_words() or doc.has_lower(w.lower()):
            return False
        return True

    def greek_short(w: str) -> bool:  # «Λα», «Τάι»: may open a two-word name
        return 2 <= len(w) <= 3 and w[0].isupper() and not w.isupper() and nword(w) not in _NOT_NAME

    if _GREEK_LETTER.search(text):
        for m in _GREEK_NAME.finditer(text):
            w = m.group()
            ok = greek_ok(w)
            if not ok and not greek_short(w):
                continue
            if ok and _sentence_start(text, m.start()) and not _HEADLINE_COLON.match(text, m.end()):
                continue  # a capitalised common word; a town heads a headline or dateline with ":" or ","
            b1, _ = words_before(text, m.start())
            if b1 and b1[0].isupper() and nword(b1) not in _NOT_NAME:
                continue  # the second word of a longer name
            cue = (_cue(b1) or _mayor_cue(text, m.start()) or _apposition_cue(text, m.end())
                   or _bracket_cue(text, m.start(), m.end()))
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt and nxt.group(1)[0].isupper() and nword(nxt.group(1)) not in _NOT_NAME:
                w2 = nxt.group(1)
                if _GREEK_NAME.fullmatch(w2) and greek_ok(w2):  # «Σάτου Μάρε»
                    yield Candidate(m.start(), nxt.end(1), text[m.start() : nxt.end(1)],
                                    translit_key(w) + translit_key(w2), cue)  # fmt: skip
                continue  # «Μιχάι Ντόμπριν»: part of a longer (person's) name
            if ok:
                yield Candidate(m.start(), m.end(), w, translit_key(w), cue)
    if doc.arabic:
        words_ar = list(_ARABIC_NAME.finditer(text))
        counts = Counter(m.group() for m in words_ar)
        nl = text.find("\n")  # a headline is a short first line (not a text with no line breaks)
        headline = {m.group() for m in words_ar if m.start() < nl} if 0 < nl <= HEADLINE_MAX_CHARS else set()
        for i, m in enumerate(words_ar):
            w = m.group()
            if w.startswith("ال"):
                continue  # the article: a common noun (most words; tested first for speed)
            forms = [(w, m.start(), False)]
            if len(w) >= 5 and w[0] in "وف":  # «وكرايوفا»: "and Craiova"; «فيتيشتي» is Fetești
                cut = (w[1:], m.start() + 1, True)
                forms = [cut, forms[0]] if w[0] == "و" else [forms[0], cut]  # و is mostly "and", ف mostly f
            # (ب "in" is not split off: «بيان», «بلدان» are words)
            named = [_arabic_name_word(stem, keys, 3) for stem, _, _ in forms]
            if not any(named) and not (len(w) <= 3 and not w.startswith("ال")):
                continue  # cheap tests first: most words are common words
            cue = (_cue(words_before(text, m.start())[0]) or _mayor_cue(text, m.start())
                   or _apposition_cue(text, m.end()) or _bracket_cue(text, m.start(), m.end()))
            if not cue and (len(w) < 5 or counts.get(w, 0) < 2 or w not in headline):
                continue  # no cue: only a word of the headline written again below may be a big city
            nx = words_ar[i + 1] if i + 1 < len(words_ar) else None
            pair = nx is not None and text[m.end() : nx.start()].strip() == "" and _arabic_name_word(nx.group(), keys)
            for (stem, s, clitic), ok in zip(forms, named):
                if ok and (len(stem) >= 4 or cue >= TOWN_CUE):
                    if pair:  # «ساتو ماري» (Satu Mare): the two words as one name first
                        yield Candidate(s, nx.end(), text[s : nx.end()],  # type: ignore[union-attr]
                                        translit_key(stem) + translit_key(nx.group()), cue, clitic)  # type: ignore[union-attr]  # fmt: skip
                    yield Candidate(s, m.end(), stem, translit_key(stem), cue, clitic)
                elif pair and cue >= TOWN_CUE and not clitic and 2 <= len(stem) <= 3 and not stem.startswith("ال"):
                    # «مدينة لا سبيتسيا», «بمدينة تاي بينه»: a short first word only right after a town word
                    yield Candidate(s, nx.end(), text[s : nx.end()],  # type: ignore[union-attr]
                                    translit_key(stem) + translit_key(nx.group()), cue)  # type: ignore[union-attr]  # fmt: skip


def _arabic_name_word(w: str, keys, min_letters: int = 4) -> bool:
    return len(w) >= min_letters and _arabic_name_form(w)


@lru_cache(maxsize=65536)
def _arabic_name_form(w: str) -> bool:
    """Could the word be a foreign town's name: no article «ال» (as written: «ألخيسيراس», with a hamza, is
    Algeciras), no key of the index, no common word?"""
    n = nword(w)
    return not (w.startswith("ال") or n in get_index().keys or n in _NOT_NAME or n in ARABIC_COMMON
                or n in _date_words() or n in _TOWN_CUES or n in PROVINCE_WORDS or n in _ARABIC_CUES)


def _mark_doubtful(mentions: list[_Mention], idx: GazIndex, lang: str) -> None:
    """Flag short town names that are also common words ("Lira", "Kira", "Pop", "İki"): one
    word of at most ``SHORT_NAME_LETTERS`` letters in a cased script whose every meaning is a
    town of < 1 M people outside the home countries of the article's language, with no curated
    name among them. Scripts without capitals rely on their stop lists instead."""
    recs = idx.records
    home = HOME_COUNTRIES.get(lang, ())
    for m in mentions:
        if " " in m.surface.strip() or script_of(m.surface) not in ("latin", "greek", "cyrillic"):
            continue
        if sum(c.isalpha() for c in _APOSTROPHE_SUFFIX.sub("", m.surface)) > SHORT_NAME_LETTERS:
            continue
        m.doubtful = all(
            recs[entry_rec(e)].kind == "city"
            and not e & (CURATED | DEMONYM)
            and recs[entry_rec(e)].population < SHORT_NAME_MIN_POP
            and recs[entry_rec(e)].country_code not in home
            for e in m.entries
        )


def _mark_doubtful_arabic(doc: Doc, mentions: list[_Mention], idx: GazIndex) -> None:
    """Arabic script has no capitals, so a one-word town name that is also a word («الجديد» "new" is
    a name of Sabha, «عالية» "high" is Aley) would be a place wherever the word is used. Such a name (every
    meaning a town of < 1 M people, none curated) is doubtful, i.e. needs another place of its country in
    the text, unless one of its mentions stands where places stand: after «في», «إلى», «قرب», a town or
    province word, or with an attached ب/ل ("in", "to": «بسوهاج»)."""
    recs = idx.records
    cued: set[tuple[int, ...]] = set()
    cands: list[_Mention] = []
    for m in mentions:
        if " " in m.surface.strip() or script_of(m.surface) != "arabic":
            continue
        if not all(
            recs[entry_rec(e)].kind == "city"
            and not e & (CURATED | DEMONYM)
            and recs[entry_rec(e)].population < SHORT_NAME_MIN_POP
            for e in m.entries
        ):
            continue
        cands.append(m)
        b1 = words_before(doc.text, m.start)[0]
        if (b1 is not None and _cue(b1)) or (m.surface[0] in "بل" and nword(m.surface) not in idx.keys):
            cued.add(m.entries)
    for m in cands:
        if m.entries not in cued:
            m.doubtful = True


def _drop_unsupported(mentions: list[_Mention], idx: GazIndex) -> list[_Mention]:
    """Doubtful names stay only when another (not doubtful) place of their country is named."""
    if not any(m.doubtful for m in mentions):
        return mentions
    recs = idx.records
    support: Counter[str] = Counter()
    for m in mentions:
        if m.choice >= 0 and not m.doubtful and recs[m.choice].country_code:
            support[recs[m.choice].country_code] += 1
    return [m for m in mentions if not m.doubtful or m.choice >= 0 and support[recs[m.choice].country_code] > 0]


STRAY_MIN_CONTEXT = 2  # other mentions, all in countries the homonym is not in


def _drop_stray_homonyms(mentions: list[_Mention], idx: GazIndex) -> list[_Mention]:
    """A town name that several countries' towns share ("Santa Ana", "San Juan"), none of them in a country
    the text's other places are in, is a town the gazetteer lacks («Santa Ana» in Manabí, Ecuador), not
    a namesake abroad known by that name only as an alternate name (Taguig, Philippines, once "Santa Ana").
    Kept when the chosen town bears the name as its own (a reader may well mean Sacramento or Paris), when a
    meaning is curated, or when the text names fewer than ``STRAY_MIN_CONTEXT`` other places."""
    recs = idx.records
    drop: set[str] = set()
    for m in mentions:
        if m.choice < 0 or m.surface in drop or script_of(m.surface) != "latin":
            continue  # other scripts name every town by an alternate name: no telling a namesake
        meanings = [recs[entry_rec(e)] for e in m.entries]
        ccs = {r.country_code for r in meanings}
        if len(ccs) < 2 or any(r.kind != "city" for r in meanings) or any(e & CURATED for e in m.entries):
            continue
        if nword(recs[m.choice].name) == nword(m.surface):
            continue  # the namesake's own name: "Sacramento", "Mission" may well be meant
        others = [recs[o.choice].country_code for o in mentions
                  if o.choice >= 0 and not o.doubtful and o.surface != m.surface]
        if len(others) >= STRAY_MIN_CONTEXT and not ccs & set(others):
            drop.add(m.surface)
    return [m for m in mentions if m.surface not in drop] if drop else mentions


def extract_places(text: str, language: str | None = None) -> list[Place]:
    """Places mentioned in ``text``, most important first (see :func:`main_place`).

    ``language`` (ISO 639-1) restricts language-specific names and demonyms. Names that
    belong to a known organisation ("Croix-Rouge", "Bank of England") are skipped.

    >>> [(p.name, p.kind) for p in extract_places("Irakische Truppen rückten in Mossul ein.", "de")]
    [('Mosul', 'city'), ('Iraq', 'demonym')]
    """
    from newsweave.annotate.entities import _alias_matches

    doc = Doc(text, language)
    return _extract(doc, [(s, e) for s, e, _, _ in _alias_matches(doc)])[0]


def _lead_importance(text: str):
    lead = text[:LEAD_CHARS]

    def imp(p: Place) -> float:
        return float(p.count) + (2.0 if p.surface and p.surface in lead else 0.0)

    return imp


def _rank(places: list[Place], importance) -> list[Place]:
    if len(places) < 2:
        return places
    main = _main(places, importance)
    rest = sorted((p for p in places if p is not main), key=lambda p: -importance(p))
    return [main, *rest] if main is not None else rest


def _continent(p: Place) -> bool:
    return p.kind == "region" and not p.country_code and p.geonames_id is not None


def _main(places: list[Place], importance) -> Place | None:
    """Demonyms ("Greek officials") and continents ("Europe", "Europa League" aside) are never
    the main place while anything else is named."""
    if not places:
        return None
    pool = [p for p in places if p.kind != "demonym" and not _continent(p)]
    if pool:
        places = pool

    def imp(p: Place) -> float:
        s = importance(p)
        return s * 0.5 if p.kind == "region" and not p.country_code else s  # seas, "Middle East"

    scored = sorted(places, key=lambda p: -imp(p))
    best = scored[0]
    if best.kind in ("country", "region") and best.country_code:
        # the most specific place inside it that is named in the lead or more than once:
        # a town before a province or region ("Manisa province" → Soma)
        inside = [
            p
            for p in scored
            if p is not best
            and p.kind in ("city", "region")
            and p.country_code == best.country_code
            and imp(p) >= 2.0
            and (best.kind == "country" or _near(best, p))
        ]
        inside.sort(key=lambda p: p.kind != "city")  # stable: cities first, by importance
        if inside:
            return inside[0]
    return best


def _near(a: Place, b: Place, km: float = 250.0) -> bool:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return True
    dlon = (b.lon - a.lon + 180.0) % 360.0 - 180.0  # type: ignore[operator]
    x = math.radians(dlon) * math.cos(math.radians((a.lat + b.lat) / 2))  # type: ignore[operator]
    return 6371.0 * math.hypot(x, math.radians(b.lat - a.lat)) < km  # type: ignore[operator]


def main_place(places: list[Place], text: str) -> Place | None:
    """The most specific place the article is about.

    Importance = mentions + 2 when named in the title/lead (first 600 characters of
    ``text``); areas without a country (seas, "Middle East") count half; demonyms
    (``kind == "demonym"``) and continents count only when nothing else is named. A city or
    region beats its own country when it is named in the lead or more than once:
    "Floods in Patras, Greece" is about Patras.

    >>> t = "Earthquake in Turkey: buildings collapsed in Izmir. Turkey said..."
    >>> main_place(extract_places(t, "en"), t).name
    'Izmir'
    """
    return _main(places, _lead_importance(text))
