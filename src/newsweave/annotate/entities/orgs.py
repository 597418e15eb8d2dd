"""Organisation names by head noun (el, ro, ar, fr, it, es, de, pt) with an English gloss, and companies' full names."""

from __future__ import annotations

import re

from newsweave.annotate._text import (
    Doc,
    norm,
    nword,
)
from newsweave.annotate.entities._common import _holds, _norm_set, _overlaps
from newsweave.annotate.entities.arabic import _AR_NAME_PREPS, _ar_name_word
from newsweave.annotate.entities.arabic import ar_chain as _ar_chain
from newsweave.annotate.entities.glosses import _AR_CLITIC_ART, _gloss_word, _org_gloss, _org_gloss_table, _place_word
from newsweave.annotate.gazetteer import DEMONYM, entry_rec, get_index
from newsweave.annotate.lexicon import sentence_start
from newsweave.annotate.places import _APOSTROPHE_SUFFIX  # a Turkish case ending closes a name: "Ajansı'nın"

# ---------------------------------------------------------------------------
# Organisation names by head noun (el, ro, ar), with an English gloss
# ---------------------------------------------------------------------------

_ORG_TOKEN = re.compile(r"[\w'’\-]+")
# Lowercase words that may sit inside an organisation name between capitalised words
# («Ινστιτούτο του Εθνικού Αστεροσκοπείου», "Inspectoratul General pentru Situații de Urgență").
ORG_LINKS: dict[str, frozenset[str]] = {
    "el": _norm_set("του της των και για"),
    "ro": _norm_set("de din pentru al a ale ai și si"),
    "fr": _norm_set("de du des la le les pour vers"),
    # it/es/de/pt without "and": like French "et", it joins two names more often than it sits inside one
    "it": _norm_set("di del della dello dei degli delle per la il lo le gli"),
    "es": _norm_set("de del la las los el para"),
    "de": _norm_set("für der des die von vom zur zum"),
    "pt": _norm_set("de do da dos das para"),
}
# Greek "for the" («για τον/την/το …») inside a name: the only two-word link Greek names use
_EL_FOR = nword("για")
_EL_ACCUSATIVE = _norm_set("τον την τη το τα τους τις")
# Italian elides articles into the next word («dell'Interno», «l'Agenzia»): dropped, as in French
_IT_ELISION = re.compile(r"^(?:[lLdD]|[dD]ell|[aA]ll|[nN]ell|[sS]ull|[dD]all)['’]")
# Languages whose names may join words by two links ("per la", "de la"); their unglossed last words are
# mostly common modifiers ("Instituto Gubernamental", "Ministerio de Niños"), not an own name, so the
# name is keyed on its gloss
_TWO_LINKS = frozenset(("it", "es", "de", "pt"))
# Romance languages that capitalise only an organisation name's first word, like French
_SENTENCE_CASE = frozenset(("it", "es", "pt"))
# French heads that start a name in lowercase too («l'université de La Serena», «le parquet de Paris»);
# others («le centre de Cluj», «le service de …») are ordinary nouns unless capitalised
_FR_LOWER_HEADS = ("University", "Institute", "Observatory", "Academy", "Prosecution", "Federation",
                   "Confederation", "Trade Union", "Foundation")
_FR_ELISION = re.compile(r"^[lLdD]['’]")
# German capitalises every noun and Turkish puts the head last: only a known word goes on after the head
_KNOWN_AFTER_HEAD = frozenset(("de", "tr"))


def _org_candidates(
    doc: Doc, taken: list[tuple[int, int]], places: list[tuple[int, int, str | None]] | None = None
) -> list[tuple[int, int, str, list[str], str | None, str | None]]:
    """(start, end, surface, content words, English gloss, own-name alias) of organisation names
    built around a head noun: capitalised runs joined by genitive/linking words in Greek and
    Romanian («Γεωδυναμικό Ινστιτούτο του Εθνικού Αστεροσκοπείου Αθηνών», "Inspectoratul General
    pentru Situații de Urgență", "Federației Sanitas"), and in Arabic (no capitals) the head and
    the definite words of its construct chain («خلية الإعلام الأمني»), or a place named after a head in the
    construct state («جامعة بغداد»; ``places``: (start, end, English name) of the article's place mentions)."""
    lang = doc.language
    if lang not in _org_gloss_table():
        return []
    text = doc.text
    arabic = lang == "ar"
    toks = [(m.start(), m.end(), m.group()) for m in _ORG_TOKEN.finditer(text)]
    links = ORG_LINKS.get(lang, frozenset())
    tk = sorted(taken)
    t_st, t_en = [a for a, _ in tk], [b for _, b in tk]

    place_at = {a: (b, name) for a, b, name in places or ()}
    place_gloss: dict[int, tuple[str, int]] = {}  # head token -> English name of the place after it
    french = lang == "fr"
    turkish = lang == "tr"
    if french:  # «l'Institut», «d'Athènes»: the elided article is no part of the word
        toks = [(a + len(w) - len(v), b, v) for a, b, w in toks for v in [_FR_ELISION.sub("", w) or w]]
    elif lang == "it":
        toks = [(a + len(w) - len(v), b, v) for a, b, w in toks for v in [_IT_ELISION.sub("", w) or w]]

    def cap(i: int) -> bool:
        w = toks[i][2]
        return w[:1].isupper()

    def gap_ok(i: int) -> bool:  # only spaces between token i and i + 1 (in Italian, or an elided article)
        gap = text[toks[i][1]: toks[i + 1][0]].strip(" \t")
        return not gap or (lang == "it" and _IT_ELISION.fullmatch(gap) is not None)

    out = []
    i, n = 0, len(toks)
    while i < n:
        w = toks[i][2]
        g = None if (not arabic and not french and not cap(i)) else _gloss_word(w, lang)
        if not g or not g[1]:
            i += 1
            continue
        j = k = i
        if french:
            k = _fr_org_end(toks, i, links, gap_ok)
            if not cap(i) and (g[0] not in _FR_LOWER_HEADS or not any(cap(x) for x in range(i + 1, k + 1))):
                # «la commission d'enquête», «le centre de Cluj»: a lowercase head is a name only for a few
                # institutions, and with a proper name («l'université de La Serena»)
                i = k + 1
                continue
        if arabic and g[0] == "Club" and not norm(w).startswith(_AR_CLITIC_ART):
            # «نادي …» (not «النادي» "the club"): the club's own name follows, without the article
            while k + 1 < n and k - i < 3 and gap_ok(k) and (
                _ar_name_word(norm(toks[k + 1][2])) or _place_word(toks[k + 1][2], lang)
            ):
                k += 1
        elif french:
            pass
        elif arabic:
            k = _ar_chain(toks, k, i + 6, lang, gap_ok)
            if k == i and i + 1 < n and gap_ok(i) and not norm(w).startswith(_AR_CLITIC_ART) and g[0] != "Centre":
                # a head in the construct state, then a place without the article: «جامعة بغداد», «جامعة لا سيرينا»
                # (not «مركز»: «مركز دار السلام» is a district, «مركز بغداد» the city centre)
                p_end, p_name = place_at.get(toks[i + 1][0], (None, None))
                if p_end is not None:
                    while k + 1 < n and toks[k + 1][1] <= p_end:
                        k += 1
                    if p_name:
                        place_gloss[i] = p_name, k
                    k = _ar_chain(toks, k, i + 6, lang, gap_ok)  # «مهرجان سيبيو الدولي للمسرح»
                elif _place_word(toks[i + 1][2], lang) or _ar_name_word(norm(toks[i + 1][2])):
                    # «مهرجان سيبيو الدولي للمسرح»: the head, its own name, then glossed words with the article;
                    # a name word that is no place needs one of those after it
                    kk = _ar_chain(toks, i + 1, i + 6, lang, gap_ok)
                    if kk > i + 1 or _place_word(toks[i + 1][2], lang):
                        k = kk
        else:
            while j > 0 and cap(j - 1) and gap_ok(j - 1) and (
                    _gloss_word(toks[j - 1][2], lang) or _place_word(toks[j - 1][2], lang)
                    or turkish and _APOSTROPHE_SUFFIX.search(toks[j - 1][2]) is None and not sentence_start(text, toks[j - 1][0])):
                j -= 1  # adjectives before the head: «Γεωδυναμικό Ινστιτούτο», «Ελληνική Αστυνομία», "Kandilli Rasathanesi"
            while k + 1 < n and gap_ok(k) and not (turkish and _APOSTROPHE_SUFFIX.search(toks[k][2])):
                if cap(k + 1) and (lang not in _KNOWN_AFTER_HEAD or _gloss_word(toks[k + 1][2], lang)
                                   or _place_word(toks[k + 1][2], lang)):
                    k += 1  # German capitalises every noun: only a known word goes on without a link word
                elif nword(toks[k + 1][2]) in links and k + 2 < n and cap(k + 2) and gap_ok(k + 1):
                    k += 2
                elif (lang in _TWO_LINKS and nword(toks[k + 1][2]) in links and k + 3 < n
                      and nword(toks[k + 2][2]) in links and cap(k + 3) and gap_ok(k + 1) and gap_ok(k + 2)):
                    k += 3  # "Agenzia per la Cybersicurezza", "Ministerio de la Defensa"
                elif lang in _SENTENCE_CASE and k == i and not cap(k + 1):
                    # «l'Autorità turca per la gestione delle emergenze»: only the head is capitalised; three
                    # words at least, or a capitalised last one («Agenzia nazionale», «Centri sanitari» are nouns)
                    end = _fr_org_end(toks, i, links, gap_ok, lang)
                    words = [x for x in range(i, end + 1) if nword(toks[x][2]) not in links]
                    if len(words) >= 3 or cap(end) and end > i:
                        k = end
                    break
                elif (lang == "el" and nword(toks[k + 1][2]) == _EL_FOR and k + 3 < n
                      and nword(toks[k + 2][2]) in _EL_ACCUSATIVE and cap(k + 3) and gap_ok(k + 1) and gap_ok(k + 2)):
                    k += 3  # «Κίνημα για τον Σοσιαλισμό», «Επιτροπή για την Προστασία …»
                else:
                    break
        s, e = toks[j][0], toks[k][1]
        if turkish and (m_suf := _APOSTROPHE_SUFFIX.search(toks[k][2])):  # "Bakanlığı'nın": the case ending is no part of it
            e -= len(m_suf.group())
        i = k + 1
        if k == j or (t_st and _overlaps(t_st, t_en, s, e) and not (arabic and _holds(t_st, t_en, s, e, toks[j][1]))):
            continue
        content = [toks[x][2] for x in range(j, k + 1)
                   if arabic and norm(toks[x][2]) not in _AR_NAME_PREPS
                   or not arabic and nword(toks[x][2]) not in links
                   and not (lang == "el" and nword(toks[x][2]) in _EL_ACCUSATIVE)]
        if j in place_gloss:  # the place's words read as its English name: «جامعة لا سيرينا» → University, La Serena
            p_name, p_last = place_gloss[j]
            content = [toks[j][2], p_name] + [toks[x][2] for x in range(p_last + 1, k + 1)]
        gloss, proper = _org_gloss(content, lang)
        own = None
        if (proper and lang not in _TWO_LINKS and len(proper) < len(content)
                and proper == list(range(proper[0], len(content)))
                and not (arabic and norm(content[proper[0]]).startswith("ل"))):  # «لمكافحة المخدرات»: a purpose
            own = " ".join(content[x] for x in proper)  # "Federației Sanitas" → "Sanitas"
        if gloss is None and own is None and not (lang in _TWO_LINKS and len(content) > 1):
            continue  # it/es/de/pt: a head and a name ("Polizei Zandia") reads as "Police Zandia"
        if gloss is None:  # «Πανεπιστήμιο της Λα Σερένα»: the head glossed, the own name kept ("University Λα Σερένα")
            gloss = _org_gloss(content, lang, 1)[0]
        out.append((s, e, text[s:e], content, gloss, own))
    return out


# Sector words that follow a company's short name in its full name ("Samsung Electronics", "Hyundai Motor",
# «سامسونغ للإلكترونيات»); written from general knowledge. Arabic ones are normalised, without «لل»/«ال».
_COMPANY_SECTORS = {
    w: w for w in (
        "Electronics Motor Motors Airlines Airways Energy Pharmaceuticals Pharma Technologies Telecom Steel "
        "Petroleum Chemicals Semiconductor Insurance Securities Entertainment Aerospace Automotive Foods"
    ).split()
} | {
    norm(ar): en for ar, en in (
        ("إلكترونيات", "Electronics"), ("سيارات", "Motors"), ("طيران", "Airlines"), ("اتصالات", "Telecom"),
        ("طاقة", "Energy"), ("أدوية", "Pharmaceuticals"), ("بترول", "Petroleum"), ("نفط", "Petroleum"),
        ("صلب", "Steel"), ("كيماويات", "Chemicals"), ("تأمين", "Insurance"),
    )
}
_NEXT_WORD = re.compile(r"[ \t]+([\w؀-ۿ]+)")


def _company_full_name(text: str, end: int, name: str) -> str | None:
    """The full name of a company named by the alias table, when a sector word follows its short name
    ("Samsung Electronics", «سامسونغ للإلكترونيات» → "Samsung Electronics"), else None: an alias, so that
    the company meets an actor written with its full name."""
    m = _NEXT_WORD.match(text, end, end + 40)
    if m is None:
        return None
    w = m.group(1)
    if w[:1].isupper() and w in _COMPANY_SECTORS:
        return f"{name} {w}"
    n = norm(w)
    for pre in ("لل", "ال"):
        if n.startswith(pre) and n[len(pre):] in _COMPANY_SECTORS:
            return f"{name} {_COMPANY_SECTORS[n[len(pre):]]}"
    return None


def _fr_org_end(toks: list[tuple[int, int, str]], i: int, links: frozenset[str], gap_ok, lang: str = "fr") -> int:
    """Last token of a French (or Italian, Spanish, Portuguese) organisation name from its head noun at ``i``:
    these capitalise only the first word («l'Institut national de physique de la Terre», «l'Autorità turca per
    la gestione delle emergenze»), so the name goes on over organisation words of any case, country adjectives
    and capitalised words, joined by at most two linking words (de, du, la …); never over punctuation."""
    n, k = len(toks), i

    def content(x: int) -> bool:
        w = toks[x][2]
        return w[:1].isupper() or _gloss_word(w, lang) is not None or lang != "fr" and _place_word(w, lang) is not None

    while k + 1 < n and gap_ok(k):
        x = k + 1
        while x < n and x - k <= 2 and nword(toks[x][2]) in links and gap_ok(x):
            x += 1
        if x < n and content(x) and nword(toks[x][2]) not in links:
            k = x
        else:
            break
    return k


# Words that open a sports club's name before its town ("Viktoria Plzeň", "Dinamo Zagreb", "Universitatea
# Craiova", "Real Madrid", "Olympique Lyon"): the name is the club's, not a person's (Viktoria, Real) or a
# place qualifying a title. Written from general knowledge of European club names.
CLUB_PREFIXES = frozenset(nword(w) for w in """
    viktoria victoria dinamo dynamo sparta slavia lokomotiv lokomotiva spartak zenit torpedo partizan hajduk
    legia lech slovan shakhtar olympique olympic sporting racing real atlético atletico athletic rapid
    universitatea petrolul steaua maccabi hapoel beitar standard žalgiris zalgiris crvena borussia eintracht
    fortuna hertha werder bayer arminia union stade girondins apollon anorthosis omonia aris levski botev
    vorskla karpaty metalist zorya chornomorets neftchi ararat pyunik sheriff zimbru petrocub
    """.split())


def _club_and_town(names: list[str]) -> list[str] | None:
    """The words before the town of a name made of an acronym or a club word and a town ("PAOK Salonic",
    "CFR Cluj", "AEK Atena", "Viktoria Plzeň", "Dinamo Zagreb"), else None."""
    if len(names) < 2 or not (names[0].isupper() and len(names[0]) >= 2 or nword(names[0]) in CLUB_PREFIXES):
        return None
    gaz = get_index()
    town = nword(names[-1])
    if not any(gaz.records[entry_rec(e)].kind == "city" and not e & DEMONYM for e in gaz.lookup(town) or ()):
        return None
    return names[:-1]
