"""Word-by-word English glosses of organisation words (``data/entities/org_words.tsv``)."""

from __future__ import annotations

from functools import lru_cache

from newsweave.annotate._text import (
    norm,
)
from newsweave.annotate.entities.aliases import ORG_WORDS_FILE
from newsweave.annotate.gazetteer import DEMONYM, arabic_variants, entry_rec, get_index

# Rows in the format of ``org_words.tsv`` (en | el | ro | ar | fr), kept here until they move there: generic
# words of festival, authority and canal names, from general knowledge. A stem ending in "$" is matched only
# as a whole word (Greek «Αρχή», «Αρχής» "Authority", not «Αρχηγός» "chief").
_EXTRA_ORG_WORDS = (
    "*Festival | φεστιβαλ | festival | مهرجان | festival",
    "*Authority | αρχη$ αρχησ$ | - | - | -",
    "Canal | διωρυγ | canal | قناه | canal",
    "Theatre | θεατρ | teatr | مسرح | theatre",
)


@lru_cache(maxsize=1)
def _org_gloss_table() -> dict[str, dict[str, tuple[str, bool]]]:
    """lang -> stem -> (English word, is a head noun), from ``data/entities/org_words.tsv``."""
    table: dict[str, dict[str, tuple[str, bool]]] = {"el": {}, "ro": {}, "ar": {}, "fr": {}}
    with open(ORG_WORDS_FILE, encoding="utf-8") as fh:
        rows = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for line in rows[1:] + list(_EXTRA_ORG_WORDS):
        en, *cols = (c.strip() for c in line.split("|"))
        head = en.startswith("*")
        en = en.lstrip("*").replace("-", " ")
        for lang, col in zip(("el", "ro", "ar", "fr"), cols):
            for stem in col.split():
                if stem.endswith("$"):
                    table[lang][norm(stem[:-1]) + "$"] = (en, head)
                elif stem != "-":
                    table[lang][norm(stem)] = (en, head)
    return table


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
