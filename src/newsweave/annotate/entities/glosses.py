"""Word-by-word English glosses of organisation words (``data/entities/org_words.tsv``)."""

from __future__ import annotations

from functools import lru_cache

from newsweave.annotate._text import (
    norm,
)
from newsweave.annotate.entities.aliases import ORG_WORDS_FILE
from newsweave.annotate.gazetteer import DEMONYM, arabic_variants, entry_rec, get_index

# German compounds put the head last («Gesundheitsministerium», «Bundesamt»): a capitalised word may end with a
# head stem after a prefix of at least 4 letters and at most 4 more letters («…ministeriums»); a stem shorter
# than 5 letters only after a prefix that is itself an organisation word and with one of these endings
# («Bundesamt», «Sicherheitsrat», not «Apparat»). Tried before the plain stem match, which would read
# «Bundesamt» as "Federal".
_DE_SHORT_ENDINGS = ("", "s", "es", "e", "en", "n")
_DE_LINK_S = ("s", "es", "en", "n", "")  # joints between the parts of a compound («Gesundheit|s|ministerium»)


@lru_cache(maxsize=1)
def _org_gloss_table() -> dict[str, dict[str, tuple[str, bool]]]:
    """lang -> stem -> (English word, is a head noun), from ``data/entities/org_words.tsv``; the languages
    are the header's columns after "en", so a column needs no code change."""
    with open(ORG_WORDS_FILE, encoding="utf-8") as fh:
        rows = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    langs = [c.strip() for c in rows[0].split("|")][1:]
    table: dict[str, dict[str, tuple[str, bool]]] = {lang: {} for lang in langs}
    for line in rows[1:]:
        en, *cols = (c.strip() for c in line.split("|"))
        head = en.startswith("*")
        en = en.lstrip("*").replace("-", " ")
        for lang, col in zip(langs, cols):
            for stem in col.split():
                if stem.endswith("$"):
                    table[lang][norm(stem[:-1]) + "$"] = (en, head)
                elif stem != "-":
                    table[lang][norm(stem)] = (en, head)
    return table


@lru_cache(maxsize=1)
def _de_heads() -> tuple[tuple[str, str], ...]:
    """(stem without "$", English word) of the German head nouns, longest first."""
    heads = {k.rstrip("$"): en for k, (en, head) in _org_gloss_table().get("de", {}).items() if head}
    return tuple(sorted(heads.items(), key=lambda kv: -len(kv[0])))


def _de_compound(n: str) -> tuple[str, bool] | None:
    """Gloss of a German compound ending with a head noun («gesundheitsministerium» → "Health Ministry",
    «bundesamt» → "Federal Office"), or None. A first part with no gloss is kept as written («rettungsdienst» →
    "Rettungs Service"): "Service" alone would make every such compound one organisation («Börsenverein» and
    «Anwaltverein» were both "Association")."""
    for stem, en in _de_heads():
        at = n.rfind(stem, 4)
        if at < 0:
            continue
        end = n[at + len(stem):]
        short = len(stem) < 5
        if (end not in _DE_SHORT_ENDINGS) if short else len(end) > 4:
            continue
        pg = _de_prefix(n[:at])
        if pg is None and short:
            continue
        return f"{pg or n[:at].capitalize()} {en}", True
    return None


def _de_prefix(pre: str) -> str | None:
    """English word of a compound's first part («gesundheits» → Health, «bundes» → Federal), or None."""
    table = _org_gloss_table()["de"]
    for joint in _DE_LINK_S:
        if joint and not pre.endswith(joint):
            continue
        base = pre[: len(pre) - len(joint)]
        hit = table.get(base) or table.get(base + "$")
        if hit:
            return hit[0]
    return None


_AR_CLITIC_ART = ("وال", "فال", "بال", "كال", "لل", "ال")


def _arabic_bases(w: str) -> list[str]:
    """A normalised Arabic word without its clitics and article: «والطوارئ» → طواري, «لحالات» → حالات."""
    out = [w]
    for v in arabic_variants(w):
        if v not in out:
            out.append(v)
    res = []
    for v in out:
        for pre in _AR_CLITIC_ART:
            if v.startswith(pre) and len(v) - len(pre) >= 2:
                v = v[len(pre):]
                break
        if v not in res:
            res.append(v)
    return res


@lru_cache(maxsize=65536)
def _gloss_word(w: str, lang: str) -> tuple[str, bool] | None:
    """(English word, is a head noun) of an organisation word, or None (see ``data/entities/org_words.tsv``).

    >>> _gloss_word("Ινστιτούτου", "el"), _gloss_word("Inspectoratului", "ro"), _gloss_word("والطوارئ", "ar")
    (('Institute', True), ('Inspectorate', True), ('Emergency', False))
    >>> _gloss_word("Gesundheitsministeriums", "de"), _gloss_word("Bundesamt", "de"), _gloss_word("Apparat", "de")
    (('Health Ministry', True), ('Federal Office', True), None)
    """
    table = _org_gloss_table().get(lang)
    if not table:
        return None
    n = norm(w)
    if lang == "ar":
        for b in _arabic_bases(n):
            for k in range(len(b), max(1, len(b) - 3), -1):
                hit = table.get(b[:k])
                if hit:
                    return hit
        return None
    hit = table.get(n + "$")
    if hit:
        return hit
    if lang == "de" and w[:1].isupper() and len(n) >= 7:
        hit = _de_compound(n)
        if hit:
            return hit
    for k in range(len(n), max(2, len(n) - 6), -1):
        hit = table.get(n[:k])
        if hit:
            return hit
    return None


@lru_cache(maxsize=65536)
def _place_word(w: str, lang: str) -> str | None:
    """English form of a country name, demonym or city used inside an organisation name
    («Αθηνών» → Athens, «التركية» → Turkish), or None."""
    from newsweave.annotate.institutions import _table as inst_table

    gaz = get_index()
    n = norm(w)
    forms = _arabic_bases(n) + [n] if lang == "ar" else [n]
    for f in forms:
        entries = gaz.lookup(f) or ()
        for e in entries:
            if e & DEMONYM:
                r = gaz.records[entry_rec(e)]
                return inst_table().adjective.get(r.country_code or "", r.name)
        for e in entries:
            r = gaz.records[entry_rec(e)]
            if r.kind in ("country", "city"):
                return r.name
    return None


def _org_gloss(toks: list[str], lang: str, min_known: int = 2) -> tuple[str | None, list[int]]:
    """(English gloss, indexes of the name's own words) of an organisation name's content words.
    The gloss needs a head noun and ``min_known`` known words (the head counts)."""
    out, proper, head, known = [], [], False, 0
    for i, t in enumerate(toks):
        g = _gloss_word(t, lang)
        if g is not None:
            out.append(g[0])
            head = head or g[1]
            known += 1
            continue
        pl = _place_word(t, lang)
        if pl is not None:
            out.append(pl)
            known += 1
            continue
        out.append(t)
        proper.append(i)
    return (" ".join(out) if head and known >= min_known else None), proper
