"""Who: the event's actors, merged across articles, spellings and scripts.

Entities are joined by ``Entity.key`` and, transitively, by any shared alias
(compared transliterated and lowercased, so «Μητσοτάκης» meets "Mitsotakis"
when annotate lists both). ``count`` becomes the *document frequency*: the
number of voting articles that name the actor. Ranking: document frequency,
then typed (person, org, group) before ``misc``, then title mentions, then total
mentions; the top 25 are kept. The type is the majority type, ties
broken by specificity (group > org > person > misc); the display name is the
most used one (for a person, the most used full name), Latin script preferred
on ties. An "entity" whose every name is also one of the event's places is
dropped (that is where, not who).

People: annotate keys a person found by statistics on the surname alone
(``lat:sanhez``), so "Pedro Sánchez" and "María Sánchez" share a key. Here such an
entity is split by full name: each first name (its script-independent skeleton,
:func:`newsweave.annotate.entities.name_key`) gives a person keyed
``lat:<first> <surname>`` (``lat:pedr sanhez``). A surname written alone joins the
one full name with that surname in the same article, else in the event; when two
people share it, the bare surname stays an actor of its own rather than being
given to either. One-word names of a fully named person take no part in the alias
merge, so a shared surname never joins two people.

Across scripts, two people named in full are one when their names are the same by
:func:`newsweave.annotate.entities.same_person_name` (a consonant-class skeleton of the first and
the last word: "Yasser al-Hakim", «ياسر الحكيم» and «Γιάσερ αλ-Χακίμ»; "Ioana Ciobotaru" and
«Ιωάνα Τσιομποτάρου»), never within one script, where spellings are compared exactly as above
(so "Mahmud Ali" and "Mohammed Ali" stay two).

>>> from newsweave.model import Article, Entity
>>> a = Article(id="a", title="ISIS attack", text="", entities=[Entity("ISIS", "group", "alias:isis")])
>>> b = Article(id="b", title="x", text="", entities=[Entity("Daesh", "group", "lat:daesh", aliases=["ISIS"])])
>>> from newsweave.describe.context import EventContext
>>> [(e.name, e.count) for e in entities(EventContext.build([a, b]))]
[('ISIS', 2)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from newsweave.annotate._text import script_of
from newsweave.annotate.entities import cross_name_variants, same_person_name
from newsweave.annotate.entities import name_key as _name_key
from newsweave.annotate.entities.names import greek_fold
from newsweave.describe.context import EventContext
from newsweave.describe.text import fold, translit
from newsweave.model import Entity

LIMIT = 25
_TYPE_RANK = {"group": 3, "org": 2, "person": 1, "misc": 0}


@lru_cache(maxsize=100_000)
def alias_key(name: str) -> str:
    """Comparable form of a name: transliterated, lowercased, punctuation dropped."""
    return " ".join("".join(ch for ch in translit(name) if ch.isalnum() or ch.isspace()).split())


@lru_cache(maxsize=100_000)
def _folded(name: str) -> str:
    return fold(name)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


name_key = lru_cache(maxsize=100_000)(_name_key)  # describe runs on every batch: skeletons are memoised


def _surname_key(e: Entity) -> str | None:
    """The surname skeleton of a person keyed on the surname alone (``lat:sanhez``)."""
    if e.type != "person" or not e.key.startswith("lat:") or " " in e.key:
        return None
    return e.key[4:]


def _same_first(a: str, b: str) -> bool:
    """First-name skeletons of one person: equal, or one a prefix of the other ("serge"/"sergei")."""
    return a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)))


# link words a name may or may not write, in English or left by a word-by-word Romance/German gloss
_BAG_STOP = frozenset("of the and for de del della di du des la le von der fur".split())


@lru_cache(maxsize=100_000)
def _word_bag(k: str) -> str | None:
    """An organisation's name as a sorted set of its words (two or more), so that a word-by-word English
    gloss ("Authority Canal Suez", from «هيئة قناة السويس») meets the English name ("Suez Canal Authority")
    and "Ministry of Health" meets "Health Ministry". Sets are compared whole: "Health Ministry" never
    meets "Interior Ministry", nor "Ministry" alone."""
    words = sorted(set(k.split()) - _BAG_STOP)
    return "bag:" + " ".join(words) if len(words) >= 2 else None


def _split_people(ents: list[Entity]) -> list[Entity]:
    """One article's entities with each surname-keyed person split by full name (see module doc)."""
    out: list[Entity] = []
    for e in ents:
        sk = _surname_key(e)
        if sk is None:
            out.append(e)
            continue
        full: dict[str, list[str]] = {}  # first-name skeleton -> full names
        bare: list[str] = []
        for n in dict.fromkeys((e.name, *e.aliases)):
            toks = n.split()
            if len(toks) >= 2 and name_key(toks[-1]) == sk and name_key(toks[0]):
                fk = name_key(toks[0])
                fk = next((k for k in full if _same_first(k, fk)), fk)
                full.setdefault(fk, []).append(n)
            else:
                bare.append(n)
        if not full:
            out.append(e)
            continue
        share = max(1, e.count // (len(full) + (len(full) > 1 and bool(bare))))
        for fk, names in full.items():
            extra = bare if len(full) == 1 else []  # the bare surname is this person's only when one is named
            out.append(Entity(max(names, key=len), "person", f"lat:{fk} {sk}", share, names + extra))
        if len(full) > 1 and bare:
            out.append(Entity(bare[0], "person", e.key, share, bare))
    return out


def _person_parts(e: Entity) -> tuple[str, str] | None:
    """(first, surname) skeletons of a person named in full, from its key or its name."""
    if e.type != "person":
        return None
    if e.key.startswith("lat:") and e.key.count(" ") == 1:
        fk, sk = e.key[4:].split(" ")
        return fk, sk
    toks = e.name.split()
    if e.key.startswith("alias:") and len(toks) >= 2:
        return name_key(toks[0]), name_key(toks[-1])
    return None


def _variants(k: str) -> set[str]:
    """A skeleton and, for skeletons of 4 letters or more, its one-letter deletions: names one edit
    apart share one of them (the candidates that :func:`same_person_name` then checks)."""
    cons = "".join(ch for ch in k.replace("c", "ts") if ch not in "UoIi")  # as same_name_word reads ch/ts
    out = {cons, greek_fold(cons)}  # Greek σ/ζ for sh/j: the folded form too (see same_person_name)
    if len(cons) >= 4:
        out.update(cons[:i] + cons[i + 1:] for i in range(len(cons)))
        out.update(greek_fold(x) for x in list(out))
    return out


TRANSDUCED_MAX = 80  # full names in an event up to which every Latin name meets every Arabic/Greek one


def _cross_script_people(per_article: list[list[Entity]], uf: _Union) -> None:
    """Join people named in full in different scripts whose names are one by skeleton (module doc)."""
    seen: dict[str, str] = {}  # full name -> a key
    for ents in per_article:
        for e in ents:
            if e.type == "person":
                for n in (e.name, *e.aliases):
                    if " " in n.strip():
                        seen.setdefault(n, e.key)
    if len(seen) < 2 or len({script_of(n) for n in seen}) < 2:
        return
    index: dict[str, list[str]] = defaultdict(list)  # last-word skeleton variant -> full names
    for n in seen:
        for ks in cross_name_variants(n):  # each reading of the name (Greek ντ as d and as n + t)
            if len(ks) >= 2:
                for v in _variants(ks[-1]):
                    if n not in index[v]:
                        index[v].append(n)
    pairs = [(a, b) for names in index.values() for i, a in enumerate(names) for b in names[i + 1:]]
    if len(seen) <= TRANSDUCED_MAX:
        # the learned transducer joins names whose skeletons share no variant (Marchand/«مارشان»)
        latin = [n for n in seen if script_of(n) == "latin"]
        pairs += [(a, b) for a in latin for b in seen if script_of(b) in ("arabic", "greek")]
    for a, b in pairs:
        if script_of(a) != script_of(b) and uf.find(seen[a]) != uf.find(seen[b]) and same_person_name(a, b):
            uf.union(seen[a], seen[b])


def entities(ctx: EventContext, limit: int = LIMIT) -> list[Entity]:
    """Merged, typed, ranked actors of the event."""
    per_article = [_split_people(a.entities) for a in ctx.articles]
    uf = _Union()
    by_alias: dict[str, str] = {}
    full_of: dict[str, dict[str, str]] = defaultdict(dict)  # surname -> first name -> a key
    for ents in per_article:
        for e in ents:
            uf.find(e.key)
            parts = _person_parts(e)
            if parts is not None:
                fk, sk = parts
                same = next((k for k in full_of[sk] if _same_first(k, fk)), None)
                if same is None:
                    full_of[sk][fk] = e.key
                else:
                    uf.union(e.key, full_of[sk][same])  # "Sergei"/"Sergey": one person
    for ents in per_article:
        for e in ents:
            parts = _person_parts(e)
            shared_surname = parts is not None and len(full_of[parts[1]]) > 1
            for name in (e.name, *e.aliases):
                if shared_surname and " " not in name.strip():
                    continue  # a bare surname must not join two people who share it
                k = alias_key(name)
                if len(k) < 3:
                    continue
                for kk in (k, _word_bag(k) if e.type in ("org", "group") else None):
                    if kk is None:
                        continue
                    if kk in by_alias:
                        uf.union(e.key, by_alias[kk])
                    else:
                        by_alias[kk] = e.key
    for ents in per_article:
        for e in ents:
            # a bare surname (annotate may type it misc: "Dragomir said") joins the one full name with it
            sk = _surname_key(e) or (e.key[4:] if e.type == "misc" and e.key.startswith("lat:") and " " not in e.key
                                     else None)
            if sk is not None and len(full_of.get(sk, {})) == 1:
                uf.union(e.key, next(iter(full_of[sk].values())))
    _cross_script_people(per_article, uf)
    df: Counter[str] = Counter()
    title_hits: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, dict[str, None]] = defaultdict(dict)
    keys: dict[str, Counter[str]] = defaultdict(Counter)
    for ents, info in zip(per_article, ctx.infos):
        here: set[str] = set()
        for e in ents:
            root = uf.find(e.key)
            mentions[root] += max(1, e.count)
            names[root][e.name] += 1
            types[root][e.type] += 1
            keys[root][e.key] += 1
            for name in (e.name, *e.aliases):
                aliases[root].setdefault(name, None)
            if root not in here:
                here.add(root)
                df[root] += 1
                if any(_folded(n) in info.title_fold for n in (e.name, *e.aliases) if len(n) >= 3):
                    title_hits[root] += 1
    places = {alias_key(x) for a in ctx.articles for p in a.places for x in (p.name, p.surface) if x}
    out = []
    for root in df:
        if all(alias_key(n) in places for n in names[root]):
            continue  # a place read as a name ("Santorini", «Τούμπα»): where, not who
        typ = max(types[root], key=lambda t: (types[root][t], _TYPE_RANK.get(t, 0)))
        full = typ == "person"  # a person is shown by a full name when one is known
        name = max(names[root], key=lambda n: (full and " " in n, names[root][n], n.isascii(), -len(n), n))
        key = keys[root].most_common(1)[0][0]
        out.append(Entity(name, typ, key, df[root], list(aliases[root])))
    out.sort(key=lambda e: (-e.count, e.type == "misc", -title_hits[uf.find(e.key)], -mentions[uf.find(e.key)], e.name))
    return out[:limit]
