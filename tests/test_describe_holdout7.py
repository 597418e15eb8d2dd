"""Shape of the seventh held-out describe set (issue 5): written blind in session 7; never tune on it."""

import datetime as dt

from test_bench_describe import _check_blind_set


def test_seventh_holdout_shape() -> None:
    """Two disasters in two countries two days apart as the hard-negative pair; French as the fifth language;
    October 2026; at least six categories; at most one capital; an Arabic page published after local midnight
    that still falls on the event's day in UTC."""
    arts, gold, label, stamps, countries = _check_blind_set(
        "describe_holdout7", {"ar", "el", "en", "ro", "fr"}, "2026-10"
    )
    assert all(150 <= len(a["text"].split()) <= 240 for a in arts)
    pair = sorted((g for g in gold.values() if g["category"] == "disaster"), key=lambda g: g["date"])
    assert pair[0]["location"]["country_code"] != pair[1]["location"]["country_code"]
    assert len({g["category"] for g in gold.values()}) >= 6
    assert all(2 <= len(g["actors"]) <= 3 for g in gold.values())
    capitals = {c["capital"] for c in countries.values()}
    assert sum(g["location"]["name"] in capitals for g in gold.values()) <= 1
    late = [
        a
        for a, t in zip(arts, stamps, strict=True)
        if a["language"] == "ar"
        and t.hour < 1
        and t.astimezone(dt.UTC).date().isoformat() == gold[label[a["id"]]]["date"]
    ]
    assert late
    assert sum(bool(a.get("noise")) for a in arts) >= 15
    assert all("-example." in a["url"] for a in arts)
