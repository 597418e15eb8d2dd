"""Names in Arabic script (no capitals): after a title, by a listed given name, foreign names by
role and shape, and Latin acronyms spelled out in Arabic letter names."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

from newsweave.annotate._text import (
    WORD_RE,
    Doc,
    norm,
)
from newsweave.annotate.entities._common import _date_words, _norm_set, _overlaps
from newsweave.annotate.entities.aliases import _CASE_EXACT, ALIAS_FILE, _aliases
from newsweave.annotate.entities.glosses import _AR_CLITIC_ART, _gloss_word, _place_word
from newsweave.annotate.gazetteer import DEMONYM, arabic_variants, entry_rec, get_index
from newsweave.annotate.lexicon import (
    STOPWORDS,
    TITLES,
)
from newsweave.annotate.wordfreq_rank import RARE, rarity, zipf

_ARABIC_TITLES = [
    ("person", t)
    for t in (
        "الرئيس",
        "الوزير",
        "رئيس الوزراء",
        "رئيس الحكومة",
        "وزير الخارجية",
        "وزير الدفاع",
        "وزير الداخلية",
        "وزير المالية",
        "الأمين العام",
        "الملك",
        "الأمير",
        "ولي العهد",
        "الشيخ",
        "الجنرال",
        "السفير",
        "النائب",
        "العميد",
        "اللواء",
        "المبعوث",
        "زعيم",
        "قائد",
    )
] + [("org", t) for t in ("المتحدث باسم", "الناطق باسم", "المتحدثة باسم", "الناطقة باسم")]
_AR_TITLE_RE = re.compile(
    r"(?<!\w)[وف]?("
    + "|".join(sorted((re.escape(norm(t)) for _, t in _ARABIC_TITLES), key=len, reverse=True))
    + r")(?!\w)"
)
_AR_TITLE_TYPE = {norm(t): typ for typ, t in _ARABIC_TITLES}
_ARABIC_STOP = STOPWORDS["ar"]
# Words that join the next word into one part of an Arabic name: «عبد الرحيم» is one given name.
_AR_NAME_JOINERS = _norm_set("عبد أبو ابو بن ابن")
# The Berber «آيت» ("sons of", Ait) opens a family name of two words («آيت لحسن»); never a name alone
_AR_AIT = _norm_set("آيت أيت")


_AR_LAST_WORD = re.compile(r"(?:^|[^\w])[وبلف]?(\w+)\s+$")


def _arabic_candidates(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, list[str], str]]:
    nt, text = doc.norm, doc.text
    out = []
    for m in _AR_TITLE_RE.finditer(nt):
        typ = _AR_TITLE_TYPE.get(m.group(1), "person")
        before = _AR_LAST_WORD.search(nt, max(0, m.start() - 30), m.start())
        if typ == "person" and before is not None and before.group(1) in _AR_NAMED_AFTER:
            continue  # «مستشفى الملك فهد», «جامعة الملك سعود»: a place named after a person
        toks = [
            (t.start(), t.end(), t.group()) for t in WORD_RE.finditer(nt, m.end(), min(len(nt), m.end() + 80))
        ][:6]
        for x in range(1, len(toks)):  # a name does not run over punctuation or a paragraph break
            if nt[toks[x - 1][1]: toks[x][0]].strip():
                toks = toks[:x]
                break
        if typ == "person":
            i = 0
            while i < len(toks) and i < 2 and toks[i][2].startswith(("ال", "وال")):  # «وزير الخارجية والمغتربين»
                i += 1
            name = []
            parts = 0
            for tok in toks[i:]:
                w = tok[2]
                joined = bool(name) and name[-1][2] in _AR_NAME_JOINERS  # «عبد الرحيم», «أبو بكر», «بن سلمان»
                if not joined and (w in _ARABIC_STOP or w.startswith("ال") or w.isdigit() or len(w) < 2 or parts == 2):
                    break
                if not joined and (w in _AR_NOT_NAME or w in _AR_ROLES or w[0] in "لب" and _ar_common(w[1:])):
                    break  # «اللواء … قائد», «… بهذه المناسبة», «العميد السابق للبحرية»: no name word
                if not joined and w[0] in _AR_CLITICS + "يتن" and w not in _ar_given_names()[0] and (
                    name or not _ar_foreign_shape(w)
                ):
                    break  # «الشيخ عثمان ودار سعد», «اللواء … يشرف», «النائب العام يؤكد»: a conjunction or a verb
                name.append(tok)
                parts += w not in _AR_NAME_JOINERS
            while name and name[-1][2] in _AR_NAME_JOINERS:
                name.pop()
            if len(name) == 1 and name[0][2].endswith("ه") and name[0][2] not in _ar_given_names()[0]:
                continue  # «النائب العام ضرورة …»: a noun in -ة, not a listed name
        else:  # the organisation a spokesman speaks for: a word, then only definite ones («باسم الشرطة اليونانية»)
            name = [t for t in toks[:3] if t[2] not in _ARABIC_STOP][:2]
            name = name[:1] + [t for t in name[1:2] if t[2].startswith(("ال", "لل"))]
            # «باسم الجيش العقيد …»: a rank or role after the body is the spokesman's own title, not part of it
            name = name[:next((x for x, t in enumerate(name) if t[2] in _AR_ROLES), len(name))]
        if not name:
            continue
        s, e = doc.orig(name[0][0]), doc.orig(name[-1][1])
        if any(a < e and s < b for a, b in taken):
            continue
        surface = text[s:e]
        out.append((s, e, surface, surface.split(), typ))
    return out


# ---------------------------------------------------------------------------
# Arabic people by given name (no capitals in Arabic script)
# ---------------------------------------------------------------------------

AR_NAMES_FILE = ALIAS_FILE.with_name("ar_given_names.txt")
_AR_WORD = re.compile(r"[\u0620-\u064a]+")
_AR_ONLY = re.compile(r"[\u0620-\u064a]{2,}")
_AR_CLITICS = "وف"  # «ومحمد», «فمحمد»: a conjunction attached to a name (not ل/ب: «لصالح» "in favour of")


# Verbs that end a name, and after which a name that is also a common word («قال كريم») is a person.
_AR_SPEECH = _norm_set(
    """قال قالت أكد أكدت صرح صرحت أضاف أضافت أوضح أوضحت أشار أشارت أفاد أفادت ذكر ذكرت أعلن أعلنت
    كشف كشفت يقول تقول لفت لفتت نفى نفت شدد شددت دعا دعت أعرب أعربت تابع تابعت اعتبر اعتبرت رأى
    يرى ترى أبلغ أبلغت أوضحت حذر حذرت طالب طالبت أشاد أشادت"""
)
_AR_SPEECH_ALL = _AR_SPEECH | frozenset(p + w for w in _AR_SPEECH for p in "وف")
# Words that end a name: other verbs, roles and common nouns that follow a name in news prose.
_AR_NOT_NAME = _AR_SPEECH_ALL | _norm_set(
    """كان كانت يكون وصل وصلت توفي توفيت قتل قتلت أصيب أصيبت اعتقل اعتقلت نقل نقلت عاد عادت ظهر
    التقى التقت زار زارت استقبل استقبلت وقع وقعت رفض رفضت قرر قررت بحث بحثت شارك شاركت يعمل تعمل
    رئيس مدير وزير نائب عضو قائد مسؤول متحدث ناطق مستشار محافظ عميد لواء مواطن مواطنة شاب شابة
    طفل طفلة رجل امرأة سيدة طبيب طبيبة مهندس عامل صحفي مراسل ممثل مندوب سفير أمين والد والدة ابنه
    ابنته زوج زوجة شقيق شقيقة عم خال جد جدة أخ أخت صاحب مالك مدرب لاعب حارس مهاجم رئيسة مديرة وزيرة
    عام عاما سنة سنوات يوم ساعة ساعات شهر صباح مساء ليلة أمس اليوم عن من في إلى مع بعد قبل
    الذي التي الذين وهو وهي وكان وقد إنه إنها أنه أنها له لها لنا به بها عليه عليها فيه فيها منه منها"""
)
# Adjectives and nouns with the article that are no family name («الرسمي», «الجديد»).
_AR_NOT_FAMILY = _norm_set(
    """الصحي الرسمي الطبي الأمني الدولي الوطني المحلي الحالي الماضي الثاني الأول الإنساني العسكري
    السياسي الاقتصادي الشعبي الحكومي الرئيسي التنفيذي الإقليمي الأممي الأوروبي العربي الإسلامي
    الأمريكي الأميركي الاجتماعي الإعلامي القضائي الجنائي الميداني الفني التقني المدني الإداري
    الجامعي المركزي النهائي الأخير الحقيقي الكبير الصغير الجديد القديم العام الخاص المساعد السابق
    المقبل الجاري الحكومية المتحدث الناطق المسؤول المدير الرئيس الوزير الشرطة الجيش الدفاع الصحة
    الذي التي الذين"""
)
# Head words of a place or organisation named after a person: «شارع جمال عبد الناصر», «مستشفى الملك فهد».
_AR_NAMED_AFTER = _norm_set(
    """شارع ميدان ساحة مدينة مستشفى جامعة مسجد جامع مدرسة مطار حي مخيم قرية بلدة منطقة محافظة مؤسسة
    جمعية مركز ملعب استاد نادي جائزة سد جسر قاعة قصر برج كلية معهد شركة مصرف بنك مجمع مستوصف مكتبة
    بوابة طريق كورنيش حديقة ضاحية محطة ميناء قاعدة معسكر سجن فندق مشروع مدارس مجموعة كتيبة لواء
    سرايا سرية فرقة قوات حركة تيار حزب ائتلاف مرفأ معبر"""
)
_AR_NISBA = ("ي", "يه")
# Family names of the broken-plural shape al-CaCāCiCa («الرواشدة», «الطراونة», «الخصاونة»), normalised
_AR_TRIBAL = re.compile(r"ال[^م\W][^\Wا]ا[^\Wا]{2}ه")


def _ar_tribal(w: str) -> bool:
    """A normalised word with the shape of a family name al-CaCāCiCa that is no organisation word
    («الزراعة» agriculture, «الصناعة» industry are glossed)."""
    return _AR_TRIBAL.fullmatch(w) is not None and w not in _ARABIC_STOP and _gloss_word(w, "ar") is None
# Words after which a name ends cleanly: «قال أحمد سعيد إن …», «… سعيد الذي».
_AR_NAME_END = _AR_SPEECH_ALL | _norm_set("أن إن أنه إنه أنها إنها الذي التي وهو وهي و")


@lru_cache(maxsize=1)
def _ar_given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, names that are also common words) from ``data/entities/ar_given_names.txt``."""
    names: set[str] = set()
    ambiguous: set[str] = set()
    for line in AR_NAMES_FILE.read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("?"):
            line = line[1:]
            ambiguous.add(norm(line))
        names.add(norm(line))
    return frozenset(names), frozenset(ambiguous)


@lru_cache(maxsize=1)
def _ar_triggers() -> frozenset[str]:
    """Words that may open a name: given names, with one particle («ومحمد»), and «عبد أبو أم»."""
    names = _ar_given_names()[0]
    return names | frozenset(c + x for x in names for c in _AR_CLITICS) | _AR_NAME_JOINERS | {"ام", "وام"}


def _ar_bare(w: str, names: frozenset[str]) -> int:
    """Length of a one-letter particle to skip before a given name («ومحمد» → 1), 0 if none, -1: no name."""
    if w in names or _ar_compound_first(w):
        return 0
    if len(w) > 3 and w[0] in _AR_CLITICS and (w[1:] in names or _ar_compound_first(w[1:])):
        return 1
    return -1


def _ar_compound_first(w: str) -> bool:
    """«عبدالله», «عبدالرحمن» written as one word."""
    return w.startswith("عبدال") and len(w) >= 7


def _fill_orig_map(doc: Doc) -> None:
    """Build ``doc``'s norm → text offset map as :meth:`Doc.orig` would, with one :func:`norm` call per
    distinct character instead of one per character (texts with harakat; same result)."""
    if doc.same or doc._map is not None:
        return
    text = doc.text
    odd = {ch: len(norm(ch)) for ch in set(text)}
    odd = {ch: n for ch, n in odd.items() if n != 1}  # harakat (0), ligatures (2): the rest map one to one
    m: list[int] = []
    j = 0
    for x in re.finditer("[" + re.escape("".join(odd)) + "]", text) if odd else ():
        m.extend(range(j, x.start()))
        m.extend(repeat(x.start(), odd[x.group()]))
        j = x.end()
    m.extend(range(j, len(text) + 1))
    doc._map = m


def _ar_place(gaz, w: str) -> bool:
    return bool(gaz.lookup(w)) or any(gaz.lookup(v) for v in arabic_variants(w))


def _arabic_name_candidates(
    doc: Doc, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, list[str], str]]:
    """Arabic-script people found by a listed given name (``ar_given_names.txt``), wherever they stand:
    after a title, a speech verb («قال خالد العبيدي»), a role with a complement, or alone.

    A person is a given name (or «عبد» + a word with the article, «أبو/أم» + a name) followed by up
    to three name words: listed given names, «بن/ابن/عبد/أبو» + a word, a family name with the article
    (a nisba «الجبوري», or the article on a given name «البشير»), or one last word without it that is no
    verb, role, place or function word («خليفة حفتر»). Names that are also common words («أمل»,
    «جمال», «كريم») need a following name word or a speech verb before them; a name right after a
    place or organisation head («شارع جمال عبد الناصر», «مستشفى الملك فهد») is not a person.

    >>> [c[2] for c in _arabic_name_candidates(Doc("وقال مدير الدائرة في المحافظة نبيل حسن الخزرجي إن", "ar"), [])]
    ['نبيل حسن الخزرجي']
    """
    names, ambiguous = _ar_given_names()
    nt = doc.norm
    toks = [(m.start(), m.end(), m.group()) for m in _AR_WORD.finditer(nt)]
    if not toks:
        return []
    gaz = get_index()
    _fill_orig_map(doc)
    spans = sorted(taken)
    starts, ends = [a for a, _ in spans], [b for _, b in spans]

    def free(i: int) -> bool:
        s, e, _ = toks[i]
        return not _overlaps(starts, ends, doc.orig(s), doc.orig(e))

    def joined(i: int) -> bool:  # only spaces between token i and i + 1
        return i + 1 < len(toks) and not nt[toks[i][1] : toks[i + 1][0]].strip()

    def family(w: str) -> bool:  # a family name with the article
        if not w.startswith("ال") or len(w) < 5 or w in _AR_NOT_FAMILY or w in _ARABIC_STOP:
            return False
        return (w.endswith(_AR_NISBA) or w[2:] in names) and not _ar_place(gaz, w)

    def plain(w: str) -> bool:  # a last word without the article («حفتر»)
        return (
            len(w) >= 3
            and w not in _AR_NOT_NAME
            and w not in _ARABIC_STOP
            and w not in _AR_NAMED_AFTER
            and w not in TITLES
            and w not in _AR_NAME_JOINERS
            and w not in ("ام", "وام")
            and not w.startswith(("ال", "ي", "ت", "ن", "لل", "و", "ف"))  # verbs, conjunctions: «حسن وسريع»
            and _AR_ONLY.fullmatch(w) is not None
            and not _ar_place(gaz, w)
        )

    def _ar_ala(i: int) -> bool:  # the preposition «على», which norm() folds onto the name «علي»
        s, e, w = toks[i]
        return w.endswith("علي") and doc.text[doc.orig(e) - 1] == "ى"

    def name_ends(i: int) -> bool:  # the name may end after token i: end, punctuation, «إن», a speech verb
        if not joined(i):
            return True
        nx = toks[i + 1][2]
        return nx in _AR_NAME_END or nx in names or family(nx)

    out: list[tuple[int, int, str, list[str], str]] = []
    n, nxt = len(toks), 0
    trig = _ar_triggers()
    for i in [i for i, t in enumerate(toks) if t[2] in trig or "عبدال" in t[2][:6]]:
        if i < nxt:
            continue
        w = toks[i][2]
        skip = _ar_bare(w, names)
        if skip >= 0 and w.endswith("علي") and _ar_ala(i):
            skip = -1
        head = w[max(skip, 0) :]
        j = i + 1  # first token after the given name
        if skip < 0:
            if w in _AR_NAME_JOINERS and w not in ("بن", "ابن") and joined(i):  # «أبو بكر», «أم محمد», «عبد الله»
                nx = toks[i + 1][2]
                if nx in names or family(nx) or (w == "عبد" and nx.startswith("ال") and len(nx) >= 4):
                    head, skip, j = w + " " + nx, 0, i + 2
            elif w in ("ام", "وام") and joined(i) and toks[i + 1][2] in names:
                head, skip, j = "ام " + toks[i + 1][2], len(w) - 2, i + 2
        if skip < 0 or not free(i):
            continue
        # the name words that follow
        k, parts = j, 0
        after_role = any(toks[x][2] in _AR_ROLES or toks[x][2][1:] in _AR_ROLES for x in range(max(0, i - 3), i))
        while k < n and parts < 3 and joined(k - 1) and free(k):
            x = toks[k][2]
            if x in _AR_NAME_JOINERS and joined(k) and free(k + 1) and (
                toks[k + 1][2] in names or family(toks[k + 1][2]) or toks[k + 1][2].startswith("ال")
            ):
                k, parts = k + 2, parts + 1
            elif x in _AR_AIT and joined(k) and free(k + 1) and len(toks[k + 1][2]) >= 3 and (
                toks[k + 1][2] not in _ARABIC_STOP and toks[k + 1][2] not in _AR_NOT_NAME
            ):  # «يوسف آيت لحسن»: «آيت» "sons of" and the word after it are one family name
                k, parts = k + 2, parts + 1
                break
            elif x in names and x not in _AR_NOT_NAME and not _ar_ala(k):
                if x in ambiguous and not name_ends(k):  # «عثمان عبد الرحيم أشرف على …»: the verb «أشرف»
                    break
                k, parts = k + 1, parts + 1
            elif family(x) or parts == 0 and head not in ambiguous and _ar_tribal(x) and (
                after_role or name_ends(k)
            ):  # «وزير الصحة خالد الرواشدة»: a family name of the broken-plural shape, after a role
                k, parts = k + 1, parts + 1
                break  # the family name with the article closes the name
            elif parts == 0 and plain(x):  # only right after the given name
                k, parts = k + 1, parts + 1
                break
            else:
                break
        prev = toks[i - 1][2] if i else ""
        after_speech = prev in _AR_SPEECH_ALL
        p = i - 1  # over titles: «جامعة الملك عبد العزيز»
        while p > 0 and toks[p][2] in _AR_TITLE_TYPE and joined(p - 1):
            p -= 1
        head_word = toks[p][2] if p >= 0 else ""
        # the head in the construct state, without the article («شارع جمال», «بشارع جمال»), not «المحافظة خالد»
        if p >= 0 and joined(p) and (
            head_word in _AR_NAMED_AFTER or head_word[1:] in _AR_NAMED_AFTER and head_word[:1] in _AR_CLITICS
        ):
            nxt = k
            continue
        if parts == 0 and " " not in head and not after_speech:  # a lone given name: only «قال خالد»
            continue
        if parts and head in ambiguous and not after_speech:
            # a common word before a name word without the article that is no given name: «أمل كبير»
            nx = toks[j][2]
            if nx not in names and not family(nx) and nx not in _AR_NAME_JOINERS:
                continue
        s, e = doc.orig(toks[i][0] + max(skip, 0)), doc.orig(toks[k - 1][1])
        surface = doc.text[s:e]
        out.append((s, e, surface, surface.split(), "person"))
        nxt = k
    return out


# ---------------------------------------------------------------------------
# Arabic-script people without a listed given name: by role, speech verb and the shape of
# transliterated foreign names («نيكوس باباداكيس», «ميهايلا تشوبانو»)
# ---------------------------------------------------------------------------

# Roles written right before a person's name, maybe with a complement between them («مدير الدفاع
# المدني», «وزيرة الخارجية اليونانية», «المتحدث باسم الشرطة»). Written from general knowledge.
_AR_ROLES = _norm_set(
    """الرئيس الرئيسة رئيس رئيسة الوزير الوزيرة وزير وزيرة المتحدث المتحدثة متحدث الناطق الناطقة ناطق
    المدير المديرة مدير مديرة محافظ القائد قائد المدرب مدرب اللاعب لاعب الطبيب الطبيبة العقيد اللواء
    العميد المقدم الرائد النقيب الجنرال السفير السفيرة سفير النائب النائبة نائب المستشار المستشارة مستشار
    المبعوث المبعوثة عمدة الأستاذ الأستاذة الدكتور الدكتورة البروفيسور السيد السيدة الكاتب الكاتبة
    نائبة مستشارة مفوض مفوضة
    الصحفي الصحفية المراسل المراسلة الممثل الممثلة المغني المغنية المهاجم الحارس المدافع النجم نجم
    القاضي القاضية المدعي الباحث الباحثة الخبير الخبيرة الأمين زعيم الزعيم رئيسا المفوض المفوضة
    الملك الملكة الأمير الأميرة البابا الكاردينال المطران الأسقف الناشط الناشطة المحامي المحامية حاكم الحاكم"""
)
_COMMON_FIRST = 5.0  # Zipf from which a first word after a speech verb is a common noun («مصادر»), not a name
_RARE_ENDS = 3.0  # Zipf below which an inflection-like ending may be a name's (wordfreq_rank)
# Roles that follow a name after a comma («قال نجوسو تالاهون، السكرتير الصحفي …») beyond _AR_ROLES
_AR_APPOSITION_ROLES = _norm_set("السكرتير سكرتير السكرتيرة مديرة المديرة رئيسة الرئيسة عضو العضو")
# Nouns whose complement (a place, a club) comes before a name: «حاكم منطقة …», «رئيس بلدية …»
_AR_CONSTRUCT_HEADS = _norm_set(
    "حاكم منطقة إقليم ولاية محافظة مقاطعة قضاء ناحية بلدية بلدة قرية فريق منتخب نادي مدينة جزيرة عاصمة"
)
# Openings read as a clitic and the article that may be a foreign name's first letters («فالنتين» Valentin)
_AR_FALSE_ARTICLE = ("فال", "وال", "بال", "كال")
# Prepositions that may follow a name and are no function words of the stop list
_AR_PREPOSITIONS = _norm_set("أمام خلف وراء فوق تحت لدى دون نحو")
# Particles inside foreign names (van, von, de, da, del, dos), only between two name words
_AR_NAME_PARTICLES = _norm_set("فان فون دي دا ديل دوس")
# Plural place nouns before a list of names («بلدات … و… و…», «مدن …»): the names are places, not a person
_AR_PLACE_PLURALS = _norm_set("بلدات مدن قرى مناطق ولايات مقاطعات بلديات أقاليم محافظات جزر مدينتي بلدتي قريتي")
_AR_DIRECTIONS = _norm_set("شمال جنوب شرق غرب وسط شمالي جنوبي")
# Speech verbs after which a name comes at once («قال نيكوس باباداكيس إن …»).
_AR_SAID = _AR_SPEECH_ALL
# Words of a role's complement without the article: «رئيس وزراء اليونان», «المتحدث باسم».
_AR_ROLE_LINKS = _norm_set("باسم وزراء الوزراء بلدية حكومة مجلس مكتب شركة فريق نادي منتخب جهاز هيئة إدارة دائرة")
# Loanwords and common words shaped like transliterated names («كورونا», «فيروس», «فيديو»).
_AR_COMMON_FOREIGN = _norm_set(
    """كورونا فيروس فيروسات فيديو تسونامي تلفزيون راديو إنترنت انترنت تكنولوجيا بروتوكول ديمقراطية ديموقراطية
    استراتيجية إستراتيجية كيلومتر كيلومترا كيلوغرام كيلوجرام كيلو مليون مليونا مليار مليارا دولار دولارا
    يورو جنيه دينار درهم ليرة بنزين ديزل أولمبياد اولمبياد ماراثون بلاستيك سيناريو ستوديو استوديو
    بوليس كاميرا كاميرات موبايل تويتر فيسبوك يوتيوب واتساب إنستغرام انستغرام تيك توك أونلاين
    ديكتاتور ديكتاتورية بيروقراطية أيديولوجيا ايديولوجيا لوجستي لوجستية موسيقى موسيقي سينما مسرح
    أكاديمي أكاديمية ميكروب بكتيريا أوكسجين اكسجين هيدروجين كربون دولي دولية أوروبا أوروبي أوروبية
    قاموس جاسوس كابوس فانوس ناموس طقوس دروس رؤوس كؤوس نفوس شموس عروس جلوس فلوس رئيس تأسيس تدريس
    خميس كيس ليس تكريس تسييس إبليس جليس نفيس ضروس بوابة بوابات ديوان إيوان نيابة نيابي نيابية
    يونيو يوليو مايو أغسطس ديسمبر نوفمبر سبتمبر أكتوبر أبريل فبراير يناير مارس"""
)
_AR_FOREIGN_LETTERS = frozenset("پڤگچژ")
# Endings of transliterated Greek, Romanian, Slavic … names: -os -is -poulos -akis -escu -anu -ovich -ski
_AR_FOREIGN_ENDS = tuple(
    norm(x) for x in "وس يس اس ولوس اكيس يديس سكو يسكو يانو انو ينو ينكو فيتش يتش سكي فسكي ستون بورغ بيرغ".split()
)
# Arabic inflection and pronoun endings that names do not have (plurals, duals, verb forms)
_AR_NOT_NAME_ENDS = tuple(norm(x) for x in "ات ون وا ين ها هم هما كم تم تنا ه".split())
_AR_VOWEL_LETTERS = frozenset("اوي")
_TANWIN = re.compile("[\u064b-\u064d]")
_HAMZA_ALIF = frozenset("أإآ")
_AR_HAMZA_SEAT = re.compile("[ءئؤ]")


@lru_cache(maxsize=65536)
def _ar_foreign_shape(w: str) -> int:
    """How much a normalised Arabic-script word looks like a transliterated foreign name: 2 (a foreign
    letter, a name ending such as -وس/-يس/-سكو, or three vowel letters), 1 (two vowel letters, or one
    and a final vowel), 0. Arabic writes only long vowels; transliterations write every vowel."""
    if len(w) < 3:
        return 0
    if _AR_FOREIGN_LETTERS.intersection(w):
        return 2
    # hamza seats («رئيس» → رييس) are no vowels; a final alif is an accusative ending as often as a name's -a
    inner = w[1:-1].replace("يي", "").replace("وو", "") + (w[-1] if w[-1] != "ا" else "")
    vowels = sum(ch in _AR_VOWEL_LETTERS for ch in inner)
    if len(w) >= 5 and w.endswith(_AR_FOREIGN_ENDS) and vowels >= 2:
        return 2
    if vowels >= 3 and len(w) >= 6:
        return 2
    if vowels >= 2 or (vowels and len(w) >= 4 and w[-1] in "وي"):
        return 1
    return 0


def _ar_rare(w: str) -> int:
    """:func:`rarity` of a normalised word (2: not in wordfreq's large Arabic list, 1: Zipf < 2.5), 0 for a
    common word behind a one-letter clitic («والسمسم»: the clitic, not a name, makes it rare). Of Arabic-script
    names of cities outside the Arab world 84% are rare, of running news words 6% (``wordfreq_rank``)."""
    r = rarity(w, "ar")
    if r and w[:1] in "وفلبك" and len(w) > 4 and zipf(w[1:], "ar") >= RARE:
        return 0
    return r


def _ar_common(w: str) -> bool:
    """A normalised word of the lists above (function words, roles, verbs, loanwords, months)."""
    return (
        w in _ARABIC_STOP or w in _AR_NOT_NAME or w in _AR_NOT_FAMILY or w in _AR_ROLES or w in _AR_COMMON_FOREIGN
        or w in _date_words() or _gloss_word(w, "ar") is not None
    )


@lru_cache(maxsize=65536)
def _ar_name_word(w: str, in_ok: bool = False, rare_ends: bool = False) -> bool:
    """A normalised word that may be part of a name written without the article: no function word,
    role, verb form, inflected plural, place or organisation word (see the lists above). ``in_ok``:
    a final -ين or -يه may be a name's -in, -ei/-é rather than a plural or -ية («سورين» Sorin, «أندريه» Andrei).
    ``rare_ends``: any such ending is allowed on a rare word («موتوا» Mutua, «تالاهون» Tilahun), for
    places where the context already says a name stands there."""
    return (
        len(w) >= 3
        and _AR_ONLY.fullmatch(w) is not None
        and not w.startswith(_AR_CLITIC_ART)
        and (not w.endswith(_AR_NOT_NAME_ENDS) or in_ok and w.endswith(("ين", "يه"))
             or rare_ends and zipf(w, "ar") < _RARE_ENDS)
        and not w.startswith("وو")  # «ووجود»: the conjunction on a word opening with و
        and not (w[0] in "وفلبك" and _ar_common(w[1:]))  # «لفيروس», «بالأمس»: a particle on a common word
        and w not in _ARABIC_STOP
        and w not in _AR_NOT_NAME
        and w not in _AR_NOT_FAMILY
        and w not in _AR_NAMED_AFTER
        and w not in _AR_ROLES
        and w not in _AR_ROLE_LINKS
        and w not in _AR_NAME_JOINERS
        and w not in _AR_COMMON_FOREIGN
        and w not in _date_words()
        and _gloss_word(w, "ar") is None
        and not _ar_place(get_index(), w)
    )


# Ranks and honorifics written right before a name: after one, a name needs less foreign shape
_AR_RANKS = _norm_set(
    "العقيد اللواء العميد المقدم الرائد النقيب الجنرال الفريق المشير السيد السيدة الدكتور الدكتورة "
    "البروفيسور الأستاذ الأستاذة المهندس المهندسة القاضي القاضية"
)


@lru_cache(maxsize=8192)
def _ar_demonym(w: str) -> bool:
    """A normalised nationality adjective or noun with the article («الرومانية», «الفيتنامي»): a demonym of
    the gazetteer, or a nisba on a country's name that it does not list («المالطية» on «مالطا»,
    «الكورية» on «كوريا»)."""
    if not w.startswith("ال") or len(w) < 6:
        return False
    gaz = get_index()
    stem = w[2:]
    if any(e & DEMONYM for e in gaz.lookup(stem) or ()):
        return True
    for end in ("يه", "ي"):
        if stem.endswith(end):
            root = stem[: -len(end)]
            for form in (root, root + "ا", root + "يا"):
                if len(form) >= 3 and any(gaz.records[entry_rec(e)].kind == "country" for e in gaz.lookup(form) or ()):
                    return True
    return False


def _arabic_foreign_candidates(
    doc: Doc, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str, list[str], str]]:
    """Arabic-script people that the given-name list cannot reach, above all foreign names written
    in Arabic script. A run of up to three name words (:func:`_ar_name_word`) is a person when

    * it follows a role, maybe with its complement («وزيرة الخارجية اليونانية ماريا …», «مدير الدفاع
      المدني …»): one word if it has a foreign shape, two or more words always;
    * it follows a speech verb («قال …»): two words with some foreign shape, or one clearly foreign word;
    * anywhere: two words or more, each with a foreign shape and one of them clearly
      (:func:`_ar_foreign_shape`: «نيكوس باباداكيس», «ميهايلا تشوبانو»).

    >>> [c[2] for c in _arabic_foreign_candidates(Doc("وقال المتحدث باسم الإطفاء يانيس كوستوبولوس إن", "ar"), [])]
    ['يانيس كوستوبولوس']
    """
    nt = doc.norm
    toks = [(m.start(), m.end(), m.group()) for m in _AR_WORD.finditer(nt)]
    if len(toks) < 2:
        return []
    _fill_orig_map(doc)
    spans = sorted(taken)
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    n = len(toks)

    def joined(i: int) -> bool:  # only spaces, or a hyphen inside a double name («أووسو-أنسا»), between i and i + 1
        return i + 1 < n and nt[toks[i][1]: toks[i + 1][0]].strip() in ("", "-")

    def free(i: int) -> bool:
        return not _overlaps(starts, ends, doc.orig(toks[i][0]), doc.orig(toks[i][1]))

    def raw_al(i: int) -> bool:  # «ألكسندر», «إلينا»: an alif with hamza is no article
        return doc.text[doc.orig(toks[i][0])] in "أإ"

    memo: dict[int, bool] = {}

    def word_ok(i: int) -> bool:
        got = memo.get(i)
        if got is None:
            memo[i] = got = _word_ok(i)
        return got

    def _word_ok(i: int) -> bool:
        w = toks[i][2]
        if not (_ar_name_word(w) or w.startswith("ال") and len(w) >= 5 and _ar_name_word("ا" + w[2:]) and raw_al(i)):
            return False  # the cheap, cached test first
        s0 = doc.orig(toks[i][0])
        if w in _AR_PREPOSITIONS and doc.text[s0] != "إ":
            return False  # «كيروغا أمام أنصاره» "before"; not «إمام» (Imam, a family name)
        if _TANWIN.search(doc.text, s0, doc.orig(toks[i][1]) + 1):
            return False  # «انسحاباً»: an indefinite noun or adverb, never a name
        if doc.text[s0 + 1: s0 + 2] in _HAMZA_ALIF and doc.text[s0] in "وفبلك":
            return False  # «بأسعار», «وإصلاح»: a particle on a word opening with hamza, not a name
        return free(i)

    def shape_at(i: int, off: int = 0, rare_cap: int = 2) -> int:
        """The foreign shape of token i, or its rarity (at most ``rare_cap``) when that is more: a rare word
        where a role or a speech verb puts a name is one; with no such context a typo or a dialect word is
        rare too, so there rarity does not count (``rare_cap=0``; on 108 SemEval Arabic texts it added one
        wrong name, «سيساوى وافت», and no right one)."""
        shape = letter_shape_at(i, off)
        return 0 if shape < 0 else max(shape, min(rare_cap, _ar_rare(toks[i][2][off:])))

    def letter_shape_at(i: int, off: int = 0) -> int:
        """:func:`_ar_foreign_shape` of token i; -1 (no name shape at all) for a hamza on a seat."""
        s0, e0 = doc.orig(toks[i][0]), doc.orig(toks[i][1])
        if _AR_HAMZA_SEAT.search(doc.text, s0, e0):
            return -1  # «وسائد», «مسؤول»: hamza on a seat is Arabic spelling, not a transliteration
        return _ar_foreign_shape(toks[i][2][off:])

    def construct_head(w: str) -> bool:  # a role or a place/organisation head in the construct state
        w = w[1:] if w[:1] in _AR_CLITICS and len(w) > 4 else w
        if w.startswith("ال"):
            return False
        g = _gloss_word(w, "ar")
        return w in _AR_ROLES or w in _AR_NAMED_AFTER or w in _AR_CONSTRUCT_HEADS or (g is not None and g[1])

    def plural_like(i: int) -> bool:  # «سورين» Sorin, «أندريه» Andrei: -ين, -يه before a clearly foreign word
        w = toks[i][2]
        return w.endswith(("ين", "يه")) and _ar_name_word(w, True) and joined(i) and i + 1 < n and word_ok(i + 1) \
            and letter_shape_at(i + 1) == 2

    def comma_before(k: int) -> bool:  # a comma between token k - 1 and token k
        return 0 < k < n and any(c in nt[toks[k - 1][1]: toks[k][0]] for c in ",،")

    def role_after_comma(k: int) -> bool:  # «…، رئيسة وحدة», «… ، السكرتير الصحفي»
        if not comma_before(k):
            return False
        w = toks[k][2]
        return w in _AR_ROLES or w in _AR_APPOSITION_ROLES or w[:1] in _AR_CLITICS and w[1:] in _AR_ROLES

    def apposed_at(i: int) -> int:
        """Name words from token i where the context says a name stands (two or three, rare endings allowed)."""
        m = run_at(i, lambda k: free(k) and (word_ok(k) or _ar_name_word(toks[k][2], True, True) or apposed_more(k, i)))
        if m < 2:
            return 0
        w = toks[i][2]  # «مصادر مطلعة»: a very common first word is no name unless a listed or foreign-shaped one
        if zipf(w, "ar") >= _COMMON_FIRST and w not in _ar_given_names()[0] and letter_shape_at(i) < 1:
            return 0
        return m

    def apposed_more(k: int, i: int) -> bool:
        """Name words that only a name's slot admits: a first name in -ة before a foreign-looking or rare one
        («حليمة …»), and a word whose «فال/وال/بال/كال» is no clitic and article, as the rest is no word («فالنتين»)."""
        w = toks[k][2]
        if _AR_ONLY.fullmatch(w) is None or _ar_common(w) or w in _AR_NAMED_AFTER:
            return False
        if k == i and w.endswith("ه") and len(w) >= 4 and w[:1] not in "وفبل" and joined(k) and shape_at(k + 1) >= 1 \
                and word_ok(k + 1):
            return True
        return w[:3] in _AR_FALSE_ARTICLE and len(w) >= 6 and rarity(w[1:], "ar") == 2 and letter_shape_at(k) >= 1

    def said_role_comma_name(i: int) -> tuple[int, int]:
        """«وقالت مديرة المهمة في وكالة الفضاء الأوروبية، صوفي مارشان:»: a speech verb, a role and its
        complement, a comma, then two or three name words closed by a colon or a comma."""
        if not (i + 1 < n and joined(i) and (toks[i + 1][2] in _AR_ROLES or toks[i + 1][2] in _AR_APPOSITION_ROLES)):
            return 0, 0
        for k in range(i + 2, min(n, i + 14)):  # «رئيسة وحدة … التابعة لهيئة … في الميناء، …»: long complements
            if any(c in nt[toks[k - 1][1]: toks[k][0]] for c in ".:؛\n\"«»"):
                return 0, 0  # the role's clause ended before any comma
            if comma_before(k):
                mm = apposed_at(k)
                end = nt[toks[k + mm - 1][1]: toks[k + mm][0]] if mm and k + mm < n else ""
                return (k, mm) if mm >= 2 and (":" in end or "," in end or "،" in end) else (0, 0)
        return 0, 0

    def place_list(first: int, m: int) -> bool:
        """«بلدات كاتاكاوس وتشولوكاناس وسوليانا»: a run after (or with) a plural or dual place noun, or a list
        joined by «و» (two «و» words, not right after a speech verb or a role, or one that goes on after the run)."""
        prev = toks[first - 1][2] if first else ""
        if any(w in _AR_PLACE_PLURALS or w[:1] in "وفبل" and w[1:] in _AR_PLACE_PLURALS
               for w in [prev] + [toks[x][2] for x in range(first, first + m)]):
            return True  # «بلدتي ماناي وتاراغونا», «وبلدتي …»: the plural or dual noun inside the run too
        if sum(toks[x][2][:1] == "و" for x in range(first, first + m)) >= 2 and prev not in _AR_SAID \
                and prev not in _AR_ROLES:
            return True  # «… لوبون وبانايباناي وباغانغا»: the list goes on from a place before it
        return sum(toks[x][2][:1] == "و" for x in range(first + 1, first + m)) >= 2 or m >= 2 and (
            toks[first + m - 1][2][:1] == "و" and first + m < n and joined(first + m - 1)
            and toks[first + m][2][:1] == "و" and _ar_foreign_shape(toks[first + m][2][1:]) >= 1
        )

    def run_at(i: int, ok) -> int:  # up to three joined tokens from token i that pass ``ok``
        k = i
        while k < n and k - i < 3 and ok(k):
            if k > i and not joined(k - 1):
                break
            k += 1
        return k - i

    def particle(k: int, i: int) -> bool:  # «نغوين فان هوانغ», «لودفيغ فان …»: van, von, de between two name words
        return k > i and toks[k][2] in _AR_NAME_PARTICLES and joined(k) and free(k) and word_ok(k + 1) and \
            not _HAMZA_ALIF.intersection(doc.text[doc.orig(toks[k][0]): doc.orig(toks[k][1])])  # «فإن» "for indeed"

    def name_at(i: int) -> int:  # number of name words from token i
        return run_at(i, lambda k: word_ok(k) or free(k) and plural_like(k) or particle(k, i))

    out: list[tuple[int, int, str, list[str], str]] = []
    nxt = 0
    # the words that can start something: roles, speech verbs, foreign-looking words (one set test per token)
    # (a name found by shape alone has a clearly foreign word among its first three)
    words_here = {t[2] for t in toks}
    strong = {w for w in words_here if _ar_foreign_shape(w) == 2 or w[:1] in _AR_CLITICS and _ar_foreign_shape(w[1:]) == 2}
    trig = {w for w in words_here if w in _AR_ROLES or w in _AR_SAID or w[:1] in _AR_CLITICS and w[1:] in _AR_ROLES
            or _ar_demonym(w)}
    if not strong and not trig:
        return []
    hot = {p for p, t in enumerate(toks) if t[2] in trig}
    hot.update(x for p, t in enumerate(toks) if t[2] in strong for x in (p - 2, p - 1, p) if x >= 0)
    for i in sorted(hot):
        w = toks[i][2]
        if i < nxt:
            continue
        bare = w[1:] if w[:1] in _AR_CLITICS and len(w) > 4 else w
        first, m, off = i, 0, 0
        if (w in _AR_ROLES or bare in _AR_ROLES) and joined(i):
            j, governed, hopped = i + 1, False, False
            while j < n and j - i <= 4 and joined(j - 1) and (
                toks[j][2].startswith(("ال", "لل", "وال")) and not raw_al(j) or toks[j][2] in _AR_ROLE_LINKS
                or toks[j][2] in _AR_CONSTRUCT_HEADS
            ):
                j += 1  # the role's complement: «الخارجية اليونانية», «باسم الشرطة», «الصناعة والتجارة»
                if not hopped and j > i + 1 and j + 1 < n and toks[j][2] == "في" and joined(j) and joined(j - 1) \
                        and toks[j + 1][2].startswith("ال") and not raw_al(j + 1):
                    hopped, j = True, j + 1  # once «في» + a definite word: «نائبة المفوض في المنطقة …»
            if i + 1 < j < n and toks[j - 1][2] in _AR_CONSTRUCT_HEADS and joined(j - 1) and \
                    not toks[j][2].startswith("ال"):
                # «حاكم إقليم شمال كيفو جان بيير كابيا»: the region's name (maybe after a direction) governed
                # by the head, then the holder's name
                j += 2 if toks[j][2] in _AR_DIRECTIONS and joined(j) else 1
                governed = True
            if j < n and (j == i + 1 or joined(j - 1)):
                mm = name_at(j)
                if not mm and free(j) and joined(j) and (apposed_more(j, j) or _ar_name_word(toks[j][2], True) and (
                    _ar_demonym(toks[j - 1][2]) or toks[j - 1][2] in _AR_RANKS
                )):  # «… تهمينة تشودري»: a first name in -ة; «الفيتنامي نغوين …»: -ين after a nationality or rank
                    mm = 1 + min(2, run_at(j + 1, lambda k, j0=j: word_ok(k) or particle(k, j0)))
                shape = [shape_at(x) for x in range(j, j + mm)]
                # after a nationality («وزيرة الخارجية المالطية …») or a rank («العقيد …») two name words
                # need less shape: short foreign names write few vowels («روبرتا زاميت», «بوبكر ديارا»)
                need = 1 if mm >= 2 and (governed or _ar_demonym(toks[j - 1][2]) or toks[j - 1][2] in _AR_RANKS) else 2
                if mm and sum(shape) >= need:  # «لبرنامج حساب» after «المتحدث الرسمي» is no name
                    first, m = j, mm
        elif _ar_demonym(w) and joined(i) and not (i and joined(i - 1) and toks[i - 1][2].startswith("ال")):
            # a nationality used as a noun before a name («توجت الرومانية يوانا …», «على اليونانية إليني …»):
            # two or three words with a foreign shape, the last one too; not the adjective of a definite noun
            # («الحكومة اليونانية»)
            mm = name_at(i + 1)
            shape = [shape_at(x) for x in range(i + 1, i + 1 + mm)]
            if mm >= 2 and shape[-1] >= 1 and (sum(shape) >= 2 or mm == 2):  # «الرومانية أندريا ستويكا»
                first, m = i + 1, mm
        elif w in _AR_SAID and joined(i):
            mm = name_at(i + 1)
            shape = [shape_at(x) for x in range(i + 1, i + 1 + mm)]
            if (ma := apposed_at(i + 1)) and role_after_comma(i + 1 + ma):
                first, m = i + 1, ma  # «وقالت غريس موتوا، رئيسة وحدة …»: the role set off after the name
            elif mm >= 2 and max(shape) >= 2 and (min(shape) >= 1 or mm == 2) or mm == 1 and shape[0] >= 2:
                first, m = i + 1, mm
            else:
                first, m = said_role_comma_name(i)
        if not m:  # no context: the shape alone, over two words or more
            if not (_ar_foreign_shape(bare) or i + 1 < n and _ar_foreign_shape(toks[i + 1][2]) == 2):
                continue  # most words: no foreign shape here nor a clearly foreign word next
            if word_ok(i) or free(i) and plural_like(i):
                mm = name_at(i)
            elif bare != w and free(i) and _ar_name_word(bare):  # «ونيكوس»: the conjunction is no part of it
                off, mm = 1, 1 + (min(2, name_at(i + 1)) if joined(i) else 0)
            else:
                continue
            shape = [shape_at(x, off if x == i else 0, rare_cap=0) for x in range(i, i + mm)]
            last = toks[i + mm - 1][2]
            # each word foreign-looking and one clearly so, or a surname with a foreign ending last («جيمس …يديس»)
            if mm < 2 or max(shape) < 2 or (min(shape) < 1 or sum(shape) < 3) and not (
                mm == 2 and shape[-1] == 2 and len(last) >= 6 and last.endswith(_AR_FOREIGN_ENDS)
            ):
                continue
            m = mm
        if first and joined(first - 1) and not off and construct_head(toks[first - 1][2]):
            # «محافظ ياشي …», «مدرب أريس …», «نادي …»: the first word is what the head governs, not a name
            if m < 3:
                nxt = first + m
                continue
            first, m = first + 1, m - 1
        if place_list(first, m):
            nxt = first + m
            continue
        s, e = doc.orig(toks[first][0] + off), doc.orig(toks[first + m - 1][1])
        surface = doc.text[s:e]
        out.append((s, e, surface, surface.split(), "person"))
        nxt = first + m
    return out


# ---------------------------------------------------------------------------
# Organisation names: the construct chain after a head noun (called by orgs._org_candidates)
# ---------------------------------------------------------------------------

_AR_NAME_PREPS = frozenset((norm("في"), norm("من")))
# «التابع لـ» "attached to": the body a named unit belongs to goes on with its name
_AR_ATTACHED = _norm_set("التابع التابعة")
# Verbal nouns that open a body's purpose after «ل» («الوكالة المجرية لتشجيع الاستثمار», «الهيئة الوطنية
# لمكافحة الفساد»); written from general knowledge, normalised
_AR_PURPOSE = _norm_set(
    """تشجيع تنمية تطوير إدارة مكافحة حماية رعاية دعم تنظيم مراقبة رصد إغاثة تعزيز تنسيق مواجهة إعادة
    تأهيل تمويل ترويج تحسين إنقاذ منع تدريب تقييم ضمان تنفيذ متابعة تسوية إعمار حد"""
)
# Administrative units governed by a body's name before the place («مجلس مقاطعة ياش», «لإقليم كوتشابامبا»)
_AR_ADMIN_UNITS = _norm_set("إقليم ولاية محافظة مقاطعة منطقة بلدية مدينة جزيرة")
# Bodies that govern such a unit (not «قواته مدينة بارا» "his forces [entered] the city of Bara")
_AR_GOVERNING_HEADS = frozenset(
    "Council Assembly Parliament Government Court Prosecution Directorate Administration Authority Inspectorate "
    "Municipality Committee Commission Office Congress Chamber Police".split()
)
# Heads whose name may state a purpose («هيئة … لـ», «مجلس … لـ»), not the police, army or a government,
# after which «ل» + verbal noun is what they do («تدخلت الشرطة الإسبانية لحماية …»)
_AR_PURPOSE_HEADS = frozenset(
    "Agency Authority Council Committee Commission Centre Office Fund Organisation Association Foundation "
    "Institute Network Directorate Administration Unit Union Secretariat Observatory".split()
)


def _ar_country(w: str) -> bool:
    """A normalised word (with or without the article) that is a country's name: «البيرو», «كينيا»."""
    gaz = get_index()
    return any(gaz.records[entry_rec(e)].kind == "country" and not e & DEMONYM
               for f in (w, w[2:] if w.startswith("ال") else None) if f for e in gaz.lookup(f) or ())


def ar_chain(toks: list[tuple[int, int, str]], k: int, limit: int, lang: str, gap_ok) -> int:
    """The last token of an Arabic construct chain from token ``k``: words with the article (or «لل») that
    are organisation words or places («هيئة قناة السويس», «الدولي للمسرح»), up to token ``limit``. Also:
    unglossed definite nouns closed by a nationality («هيئة الإيرادات الكينية»), «التابع لـ» and the body
    («المعهد الجيوفيزيائي التابع للمدرسة الوطنية»), a purpose («لتشجيع الاستثمار») after a head that may
    state one, and once «في» + an organisation word, or a country after a head and one word («المعهد
    الجيوفيزيائي في البيرو»)."""
    n = len(toks)
    start = k
    definite = norm(toks[k][2]).startswith(_AR_CLITIC_ART)
    hopped = purpose = False

    def word(x: int) -> str:
        return norm(toks[x][2])

    def joined(x: int) -> bool:  # tokens x .. x + 1 exist with only spaces between
        return x + 1 < n and gap_ok(x)

    def head_en() -> str:  # English word of the nearest head noun at or before the chain's start
        for x in range(start, max(-1, start - 6), -1):
            g = _gloss_word(word(x), lang)
            if g and g[1]:
                return g[0]
        return ""

    while k + 1 < n and k < limit and gap_ok(k):
        nw = word(k + 1)
        if nw in _AR_NAME_PREPS and not hopped and k > 0 and joined(k + 1) and (
            _gloss_word(word(k + 2), lang) or nw == "في" and k == start + 1 and _ar_country(word(k + 2))
            and not any(_place_word(word(x), lang) for x in range(start, k + 1))
        ):
            # «مديرية التحقيق في جرائم …», «المجلس الوطني للحد من مخاطر الكوارث»: once, "in"/"of" and an
            # organisation word go on with the name; «في» + a country closes a name of two words that names no
            # place: «المعهد الجيوفيزيائي» alone is one in every country, longer names («المعهد الوطني لفيزياء
            # الأرض») and named places («مهرجان سيبيو الدولي») say which, and there it is where the body is
            hopped = True
            k += 2
            limit += 2
            if _ar_country(word(k)):
                break
            continue
        if nw in _AR_ATTACHED and joined(k + 1) and word(k + 2).startswith("لل") and (
            _gloss_word(word(k + 2), lang) or joined(k + 2) and (
                _gloss_word(word(k + 3), lang) or _place_word(word(k + 3), lang)) and word(k + 3).startswith("ال")
        ):
            k += 2  # «التابع للمدرسة الوطنية»: the body it belongs to, then its own adjectives
            limit += 2
            continue
        if (nw[:1] == "ل" and nw[1:] in _AR_PURPOSE and k > start and joined(k + 1)
                and word(k + 2).startswith("ال") and head_en() in _AR_PURPOSE_HEADS):
            k += 2  # «الوكالة المجرية لتشجيع الاستثمار»: ل + a verbal noun and its object
            limit += 2
            purpose = True
            continue
        if nw[:2] == "لل" and nw[2:] in _AR_PURPOSE and k > start and head_en() in _AR_PURPOSE_HEADS:
            k += 1  # «المجلس الوطني للحد من مخاطر الكوارث»: the purpose with the article, its object follows
            limit += 1
            purpose = True
            continue
        if purpose and nw[:1] == "و" and nw.endswith("ها") and (nw[1:-2][:-1] + "ه" if nw[-3:-2] == "ت" else nw[1:-2]) \
                in _AR_PURPOSE:
            k += 1  # «… مخاطر الكوارث وإدارتها» "and its management": a second purpose closes the name
            break
        bare = nw[1:] if nw[:1] == "ل" else nw
        if bare in _AR_ADMIN_UNITS and joined(k + 1) and not word(k + 2).startswith("ال") and _place_word(
            word(k + 2), lang
        ) and head_en() in _AR_GOVERNING_HEADS:
            # «مجلس مقاطعة ياش», «الجمعية التشريعية لإقليم كوتشابامبا»: the unit the body governs, and its name
            k += 2
            while k + 1 < n and joined(k) and not word(k + 1).startswith("ال") and _place_word(word(k + 1), lang):
                k += 1
            break
        if nw in _ARABIC_STOP or not (nw.startswith(("ال", "وال", "لل")) or _gloss_word(nw, lang) and (not definite or nw[0] == "ل")):
            break  # after a definite word a definite one or «ل»: «المهرجان عام 1993» is "the festival, in 1993"
        if not (_gloss_word(nw, lang) or _place_word(nw, lang)):
            # «هيئة الإيرادات الكينية»: one or two unglossed definite nouns closed by a nationality
            end = next((x for x in (k + 2, k + 3) if x < n and all(joined(y) for y in range(k, x))
                        and _ar_demonym(word(x))), None)
            if end is None or not all(word(y).startswith("ال") and word(y) not in _ARABIC_STOP
                                      and not _ar_demonym(word(y)) for y in range(k + 1, end)):
                break
            k = end
            continue
        k += 1
    return k


# ---------------------------------------------------------------------------
# Latin acronyms spelled out in Arabic letter names: «إف بي آي» FBI, «آي إم إف» IMF
# ---------------------------------------------------------------------------

# The usual Arabic names of the Latin letters (Arabic has no p: «بي» is B or P). Written from general knowledge.
_AR_LETTER_NAMES: dict[str, str] = {
    "إيه": "A", "ايه": "A", "بي": "B", "سي": "C", "دي": "D", "إي": "E", "إف": "F", "اف": "F", "جي": "G",
    "إتش": "H", "اتش": "H", "آي": "I", "جيه": "J", "جاي": "J", "كيه": "K", "كاي": "K", "إل": "L", "إم": "M",
    "ام": "M", "إن": "N", "أو": "O", "كيو": "Q", "آر": "R", "إس": "S", "اس": "S", "تي": "T", "يو": "U",
    "في": "V", "ڤي": "V", "دبليو": "W", "إكس": "X", "اكس": "X", "واي": "Y", "زد": "Z", "زي": "Z",
}  # fmt: skip
# Letter names that are also common words («إن» "that", «أو» "or", «في» "in", Egyptian «دي» "this», «ايه» "what»)
_AR_LETTER_AMBIGUOUS = frozenset("إيه ايه دي إي إن أو في ام اف اس".split())
_AR_RAW_WORD = re.compile(r"[\u0620-\u064a\u06a4]+")
_AR_CLEAR_LETTER = re.compile(
    r"(?<![\u0620-\u064a\u06a4])(?:"
    + "|".join(sorted((w for w in _AR_LETTER_NAMES if w not in _AR_LETTER_AMBIGUOUS), key=len, reverse=True))
    + r")(?![\u0620-\u064a\u06a4])"
)


def _arabic_acronyms(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, surface, Latin acronym) of acronyms spelled out in Arabic letter names: two letters
    or more, written apart, with at least two that are no common word, or three letters with one.

    >>> [a[3] for a in _arabic_acronyms(Doc("وقال مكتب التحقيقات إف بي آي إن المشتبه به", "ar"), [])]
    ['FBI']
    """
    text = doc.text
    if not _AR_CLEAR_LETTER.search(text):
        return []  # no letter name that is not also a common word: the cheap test first
    toks = [(m.start(), m.end(), m.group()) for m in _AR_RAW_WORD.finditer(text)]
    spans = sorted(taken)
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    out = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i][2] not in _AR_LETTER_NAMES:
            i += 1
            continue
        k = i + 1
        while k < n and toks[k][2] in _AR_LETTER_NAMES and not text[toks[k - 1][1]: toks[k][0]].strip():
            k += 1
        run = [t[2] for t in toks[i:k]]
        num = _AR_GROUP_NUMBER.match(text, toks[k - 1][1])
        if num and i and norm(toks[i - 1][2]).lstrip("وف") in _AR_GROUP_HEADS and any(
            w not in _AR_LETTER_AMBIGUOUS for w in run
        ):  # «حركة إم 23»: a group named by letters and a number (M23), after «حركة», «جماعة» …
            s, e = toks[i][0], num.end()
            if not (starts and _overlaps(starts, ends, s, e)):
                out.append((s, e, text[s:e], _spell(run) + str(int(num.group(1)))))
            i = k
            continue
        # «قال إف بي آي إن …»: a last common word may be the sentence's «that»; a known acronym decides
        options = [run[:-1], run] if run[-1] in _AR_LETTER_AMBIGUOUS else [run]
        options = [r for r in options if _letters_ok(r)]
        if options:
            best = next((r for r in options if _acronym_actor(_spell(r)) is not None), options[0])
            s, e = toks[i][0], toks[i + len(best) - 1][1]
            after_number = text[max(0, s - 3): s].strip()[-1:].isdigit()  # «800 سي سي» cc, «5 جي» 5G: units
            if not (starts and _overlaps(starts, ends, s, e)) and not after_number:
                out.append((s, e, text[s:e], _spell(best)))
        i = k
    return out


_AR_GROUP_NUMBER = re.compile(r"[ \t]*-?[ \t]*(\d{1,3})(?!\d)")
_AR_GROUP_HEADS = _norm_set("حركة الحركة جماعة مجموعة تنظيم ميليشيا متمردي مسلحي")


def _spell(run: list[str]) -> str:
    return "".join(_AR_LETTER_NAMES[w] for w in run)


def _letters_ok(run: list[str]) -> bool:
    """Letter names that make an acronym: two that are no common word, or three with one."""
    clear = sum(w not in _AR_LETTER_AMBIGUOUS for w in run)
    return len(run) >= 3 and clear >= 1 or len(run) == 2 and clear == 2


def _acronym_actor(acro: str) -> int | None:
    """The alias-table actor of a Latin acronym, trying P for each B (Arabic «بي» is either): «بي كيه كيه» PKK."""
    ai = _aliases()
    options = [""]
    for ch in acro:
        options = [o + c for o in options for c in (("B", "P") if ch == "B" else (ch,))]
    for o in options:
        for al in ai.keys.get(o.lower(), ()):
            if al.case == _CASE_EXACT and al.exact == o:
                return al.actor
    return None
