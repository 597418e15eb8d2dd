"""Who: the event's actors, merged across articles, spellings and scripts.

Entities are joined by ``Entity.key`` and, transitively, by any shared alias
(compared transliterated and lowercased, so «Μητσοτάκης» meets "Mitsotakis"
when annotate lists both). ``count`` becomes the *document frequency*: the
number of voting articles that name the actor. Ranking: document frequency,
then typed (person, org, group) before ``misc``, then title mentions, then total
mentions; the top 25 are kept. The type is the majority type, ties
broken by specificity (group > org > person > misc); the display name is the
most used one, Latin script preferred on ties. An "entity" whose every name is
also one of the event's places is dropped (that is where, not who).

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


def entities(ctx: EventContext, limit: int = LIMIT) -> list[Entity]:
    """Merged, typed, ranked actors of the event."""
    uf = _Union()
    by_alias: dict[str, str] = {}
    for a in ctx.articles:
        for e in a.entities:
            uf.find(e.key)
            for name in (e.name, *e.aliases):
                k = alias_key(name)
                if len(k) < 3:
                    continue
                if k in by_alias:
                    uf.union(e.key, by_alias[k])
                else:
                    by_alias[k] = e.key
    df: Counter[str] = Counter()
    title_hits: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    aliases: dict[str, dict[str, None]] = defaultdict(dict)
    keys: dict[str, Counter[str]] = defaultdict(Counter)
    for a, info in zip(ctx.articles, ctx.infos):
        here: set[str] = set()
        for e in a.entities:
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
        name = max(names[root], key=lambda n: (names[root][n], n.isascii(), -len(n), n))
        typ = max(types[root], key=lambda t: (types[root][t], _TYPE_RANK.get(t, 0)))
        key = keys[root].most_common(1)[0][0]
        out.append(Entity(name, typ, key, df[root], list(aliases[root])))
    out.sort(key=lambda e: (-e.count, e.type == "misc", -title_hits[uf.find(e.key)], -mentions[uf.find(e.key)], e.name))
    return out[:limit]
