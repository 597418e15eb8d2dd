"""The alias table (``data/entities/aliases.tsv``): well-known actors and where their names occur."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsweave.annotate._text import (
    Doc,
    following_words,
    inflections,
    nword,
    script_of,
    words,
)
from newsweave.annotate.gazetteer import arabic_variants

ALIAS_FILE = Path(__file__).resolve().parents[2] / "data" / "entities" / "aliases.tsv"
ORG_WORDS_FILE = ALIAS_FILE.with_name("org_words.tsv")
TABLE_LANGS = ("en", "el", "ro", "ar", "fr", "de", "es", "ru", "tr", "it", "pl")
INTERNATIONAL_MIN_LANGS = 3  # an alias listed in this many languages matches in any language

_CASE_ANY, _CASE_CAP, _CASE_EXACT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Actor:
    key: str
    type: str
    name: str


@dataclass(frozen=True, slots=True)
class _Alias:
    actor: int
    case: int
    langs: frozenset[str] | None
    exact: str  # for _CASE_EXACT: the normalised-but-cased form that must appear


class _AliasIndex:
    def __init__(self) -> None:
        self.actors: list[_Actor] = []
        self.keys: dict[str, list[_Alias]] = {}
        self.first: set[str] = set()
        self.first_pairs: set[str] = set()
        self.singles: set[str] = set()  # one-word aliases matched in any case
        self.singles_cap: set[str] = set()  # one-word aliases that need a capital
        self.max_words = 1
        self.institution: dict[tuple[str, str], int] = {}  # (country code, institution) -> actor


def _case_rule(form: str) -> int:
    letters = [c for c in form if c.isalpha()]
    if not letters:
        return _CASE_ANY
    if letters[0] == "آ" and len(letters) <= 5 and " " not in form.strip():
        return _CASE_EXACT  # «آفاد» (AFAD), not the verb «أفاد» "reported": the madda must be written
    caps = sum(1 for c in letters if c.isupper())
    if caps == len(letters) and len(letters) <= 6 and len(letters) > 1:
        return _CASE_EXACT
    if len(letters) <= 3 and letters[0].isupper():
        return _CASE_EXACT
    if letters[0].isupper():
        return _CASE_CAP
    return _CASE_ANY


def _spelling(form: str) -> str:
    """A form's letters and digits as written (case kept): what an exact-case alias must match."""
    return "".join(c for c in form if c.isalnum())


@lru_cache(maxsize=1)
def _aliases() -> _AliasIndex:
    idx = _AliasIndex()
    with open(ALIAS_FILE, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        ai = len(idx.actors)
        idx.actors.append(_Actor(row["key"], row["type"], row["name"]))
        cc, _, inst = (row.get("institution") or "").partition(":")
        if cc and inst:
            idx.institution[(cc, inst)] = ai
        per_form: dict[str, tuple[int, set[str], str]] = {}
        # exact-case spellings of one key ("UE" fr/es, "Ue" it): each keeps its own languages
        exact_forms: dict[str, dict[str, set[str]]] = {}  # key -> spelling (letters and digits) -> languages
        for lang in TABLE_LANGS:
            for form in (x.strip() for x in (row.get(lang) or "").split("|")):
                if not form:
                    continue
                key = " ".join(words(form))
                if not key:
                    continue
                rule = _case_rule(form)
                if rule == _CASE_EXACT:
                    exact_forms.setdefault(key, {}).setdefault(_spelling(form), set()).add(lang)
                cur = per_form.get(key)
                if cur is None:
                    per_form[key] = (rule, {lang}, form)
                else:
                    per_form[key] = (min(cur[0], rule), cur[1] | {lang}, cur[2])
        entries = []
        for key, (rule, langs, form) in per_form.items():
            exact = _spelling(form)
            entries.append((key, rule, langs, exact))
            if rule == _CASE_EXACT:  # other case spellings of the acronym ("Ue" beside "UE")
                entries += [(key, rule, ls, ex) for ex, ls in exact_forms.get(key, {}).items() if ex != exact]
        for key, rule, langs, exact in entries:
            tagged = None if len(langs) >= INTERNATIONAL_MIN_LANGS else frozenset(langs)
            sc = script_of(key)
            forms = inflections(key) if sc in ("greek", "cyrillic") and rule != _CASE_EXACT else {key}
            for f in forms:
                idx.keys.setdefault(f, []).append(_Alias(ai, rule, tagged, exact))
                if " " in f:
                    parts = f.split(" ")
                    idx.first.add(parts[0])
                    idx.first_pairs.add(parts[0] + " " + parts[1])
                    idx.max_words = max(idx.max_words, len(parts))
                elif rule == _CASE_ANY:
                    idx.singles.add(f)
                else:
                    idx.singles_cap.add(f)
    return idx


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def _alias_matches(doc: Doc) -> list[tuple[int, int, str, int]]:
    """(start, end, surface, actor index) for alias-table names in the text."""
    ai = _aliases()
    keys, first = ai.keys, ai.first
    hitmap: dict[str, tuple[str, ...]] = {t: (t,) for t in doc.tokset & ai.singles}
    for t in doc.cap_tokens & ai.singles_cap:
        hitmap[t] = (t,)
    for pr in doc.pairs(first) & ai.first_pairs:
        w1 = pr.split(" ", 1)[0]
        hitmap.setdefault(w1, (w1,))
    if doc.arabic:
        for t in doc.tokset:
            if "\u0600" <= t[0] <= "\u06ff" and t not in hitmap:
                vs = tuple(v for v in arabic_variants(t) if v in keys or v in first)
                if vs:
                    hitmap[t] = vs
    if not hitmap:
        return []
    nt, text, lang = doc.norm, doc.text, doc.language
    strict = lang in TABLE_LANGS
    out = []
    last_end = -1
    for pos, t in sorted((p, w) for w in hitmap for p in doc.find_word(w)):
        if pos < last_end:
            continue
        end0 = pos + len(t)
        found = None
        for v in hitmap[t]:
            if v in first:
                ws, ends = following_words(nt, end0, v, ai.max_words, ai.first_pairs)
                for n in range(len(ws), 0, -1):
                    k = v + " " + " ".join(ws[:n])
                    if k in keys:
                        found = (k, ends[n - 1])
                        break
            if found is None and v in keys:
                found = (v, end0)
            if found:
                break
        if not found:
            continue
        k, end = found
        s, e = doc.orig(pos), doc.orig(end)
        surface = text[s:e]
        for al in keys[k]:
            if strict and al.langs is not None and lang not in al.langs:
                continue
            if al.case == _CASE_CAP and not (surface[0].isupper() or not surface[0].islower()):
                continue
            if al.case == _CASE_EXACT:
                if len(surface) <= 3 and _shouting(text, s, e):
                    continue
                got = _spelling(surface)
                if al.exact[:1] == "آ":
                    if not got.endswith(al.exact):  # «لآفاد» with a clitic, not «أفاد»
                        continue
                elif nword(got) != nword(al.exact) or got.lower() == got and al.exact.lower() != al.exact:
                    continue
                if sum(c.isupper() for c in got) != sum(c.isupper() for c in al.exact):
                    continue
            out.append((s, e, surface, al.actor))
            last_end = end
            break
    return out


_NEIGHBOURS = re.compile(r"(\w+)\W{1,3}$")
_AFTER = re.compile(r"\W{1,3}(\w+)")


def _shouting(text: str, s: int, e: int) -> bool:
    """True when a short acronym sits among words in capitals (a headline in caps: "WHO IS HE")."""
    before = _NEIGHBOURS.search(text, max(0, s - 30), s)
    after = _AFTER.match(text, e)
    for m in (before, after):
        if m and len(m.group(1)) > 1 and m.group(1).isupper():
            return True
    return False
