"""API latency benchmark: a 100,000-article SQLite store, a real uvicorn server, a bounded load on loopback.

    python bench/bench_api.py                      # fill (or reuse) the store, measure, write bench/out/bench_api.md
    python bench/bench_api.py --workers 2          # only with 2 uvicorn worker processes (default: 1, then 2)
    python bench/bench_api.py --ingest             # also: read latency while 10,000 articles are POSTed

Writes its BENCHMARKS.md section to bench/out/bench_api.md and the numbers to bench/out/bench_api.json.
The store is filled directly with ``save_batch`` (synthetic multilingual articles in events of 4,
no pipeline, no embeddings: the reads measured here never touch vectors), so filling takes seconds,
not the hours real ingest would. The server runs in its own
process (``uvicorn --factory newsweave.api.app:app_from_env``); the load comes from ``wrk`` when it is
installed (closed loop, N connections) and otherwise from a small asyncio/httpx client with the same
shape. Every run is bounded in time and request count and only talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SEARCH_WORDS = ["flood", "Patras", "σεισμός", "زلزال", "election Lyon", "Tokyo", "grève", "deprem İzmir",
                "storm Chicago", "Person 42", "budget", "Nairobi fire"]


# --- the store ------------------------------------------------------------------------------------
def fill(db: str, n_articles: int) -> dict:
    from newsweave.api.testing import synthetic_batches
    from newsweave.store import open_store

    store = open_store(db)
    try:
        have = store.counts()["articles"]
        if have == n_articles:
            return {"reused": True, "seconds": 0.0, **store.counts()}
        if have:
            raise SystemExit(f"{db} holds {have} articles, not {n_articles}: pass another --db")
        t = time.perf_counter()
        for batch in synthetic_batches(n_articles):
            store.save_batch(batch)
        return {"reused": False, "seconds": time.perf_counter() - t, **store.counts()}
    finally:
        store.close()


# --- the server -----------------------------------------------------------------------------------
def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: str, workers: int = 1, env: dict | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "newsweave.api.app:app_from_env", "--host", "127.0.0.1",
               "--port", str(self.port), "--workers", str(workers), "--no-access-log", "--log-level", "warning"]
        self.proc = subprocess.Popen(cmd, env={**os.environ, "NEWSWEAVE_DB": db, **(env or {})})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("the server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# --- load generators -------------------------------------------------------------------------------
WRK_LUA = """
local paths = {%s}
local i = 0
function setup(thread) thread:set("offset", math.random(1, #paths)) end
function request()
  i = i + 1
  return wrk.format("GET", paths[((i + offset) %% #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def run_wrk(url: str, paths: list[str], clients: int, seconds: float, threads: int) -> dict:
    lua = WRK_LUA % ", ".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    try:
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{clients}", f"-d{max(1, int(seconds))}s", "--timeout", "10s", "-s", f.name, url],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        ).stdout
    finally:
        os.unlink(f.name)
    m = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if not m:
        raise RuntimeError("wrk printed no result:\n" + out)
    n, dur_us, p50, p95, p99, mx, errors = map(int, m.groups())
    return {"requests": n, "rps": n / (dur_us / 1e6), "p50": p50 / 1000, "p95": p95 / 1000, "p99": p99 / 1000,
            "max": mx / 1000, "errors": errors}


def run_python(url: str, paths: list[str], clients: int, seconds: float, max_requests: int) -> dict:
    async def main() -> dict:
        lat: list[float] = []
        errors = 0
        deadline = time.perf_counter() + seconds
        counter = iter(range(max_requests))
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=url, limits=limits, timeout=10) as client:
            async def worker(k: int) -> None:
                nonlocal errors
                i = k * 7919
                while time.perf_counter() < deadline and next(counter, None) is not None:
                    t = time.perf_counter()
                    try:
                        r = await client.get(paths[i % len(paths)])
                        errors += r.status_code != 200
                    except httpx.HTTPError:
                        errors += 1
                    lat.append(time.perf_counter() - t)
                    i += 1

            t0 = time.perf_counter()
            await asyncio.gather(*(worker(k) for k in range(clients)))
            elapsed = time.perf_counter() - t0
        lat.sort()
        q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
        return {"requests": len(lat), "rps": len(lat) / elapsed, "p50": q[49] * 1000, "p95": q[94] * 1000,
                "p99": q[98] * 1000, "max": lat[-1] * 1000, "errors": errors}

    return asyncio.run(main())


def load(url: str, paths: list[str], args) -> dict:
    if args.tool == "wrk":
        return run_wrk(url, paths, args.clients, args.seconds, args.threads)
    return run_python(url, paths, args.clients, args.seconds, args.max_requests)


# --- reads during an ingest ------------------------------------------------------------------------
def reads_during_ingest(n: int, read_pool: bool) -> dict:
    """4 reader threads on a live server while ``n`` articles are POSTed in batches of 1,000."""
    from newsweave.api import create_app
    from newsweave.api.settings import ApiSettings
    from newsweave.api.testing import sample_batch, serve, synthetic_records
    from newsweave.embed import get_encoder
    from newsweave.store import open_store

    tmp = tempfile.mkdtemp(prefix="nw-ingest-")
    db = os.path.join(tmp, "ingest.db")
    store = open_store(db)
    store.save_batch(sample_batch())
    store.close()
    app = create_app(db, token="bench", encoder=get_encoder("lexical"),
                     settings=ApiSettings(write_rate=1000, write_burst=1000, read_pool=read_pool))
    done = threading.Event()
    lat: list[float] = []
    window: list[float] = []
    errors = [0]

    def writer(url: str) -> None:
        with httpx.Client(base_url=url, timeout=900, headers={"Authorization": "Bearer bench"}) as c:
            window.append(time.perf_counter())
            for start in range(0, n, 1000):
                r = c.post("/articles", json=synthetic_records(start, min(n, start + 1000)))
                r.raise_for_status()
            window.append(time.perf_counter())
        done.set()

    def reader(url: str, k: int) -> None:
        paths = ["/events?limit=20", "/events/ev_floods", "/events?q=patras&limit=20", "/events/ev_quake"]
        with httpx.Client(base_url=url, timeout=120) as c:
            i = k
            while not done.is_set():
                t = time.perf_counter()
                r = c.get(paths[i % 4])
                lat.append(time.perf_counter() - t)
                errors[0] += r.status_code != 200
                i += 1

    with serve(app) as url:
        threads = [threading.Thread(target=writer, args=(url,))] + [
            threading.Thread(target=reader, args=(url, k)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=1800)
    shutil.rmtree(tmp, ignore_errors=True)
    lat.sort()
    q = statistics.quantiles(lat, n=100)
    return {"seconds": window[1] - window[0], "reads": len(lat), "p50": q[49] * 1000, "p95": q[94] * 1000,
            "max": lat[-1] * 1000, "errors": errors[0]}


# --- report ---------------------------------------------------------------------------------------
def machine() -> str:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"uvicorn {_version('uvicorn')}, fastapi {_version('fastapi')}")


def _version(pkg: str) -> str:
    from importlib.metadata import version

    return version(pkg)


def table(rows: list[tuple[str, int, dict]]) -> str:
    out = ["| endpoint | workers | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors "
           "| 1 client: p50 ms | p95 ms |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, workers, r in rows:
        one = r["one_client"]
        out.append(f"| {name} | {workers} | {r['requests']} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p95']:.1f} | "
                   f"{r['p99']:.1f} | {r['max']:.1f} | {r['errors']} | {one['p50']:.1f} | {one['p95']:.1f} |")
    return "\n".join(out)


def measure(db: str, workers: int, scenarios: list[tuple[str, list[str]]], args) -> list[tuple[str, int, dict]]:
    """Every scenario at ``args.clients`` connections, then with one client alone, on a fresh server."""
    server = Server(db, workers)
    rows = []
    try:
        for _, paths in scenarios:  # warm up every worker's caches
            for path in paths[:20]:
                for _ in range(2 * workers):
                    httpx.get(server.url + path).raise_for_status()
        for name, paths in scenarios:
            load_avg = os.getloadavg()[0]
            result = load(server.url, paths, args)
            # one client alone: the server's own cost, whatever else the machine is doing
            single = argparse.Namespace(**{**vars(args), "clients": 1, "threads": 1, "seconds": max(2, args.seconds / 2)})
            result["one_client"] = load(server.url, paths, single)
            result["load_avg"] = [load_avg, os.getloadavg()[0]]
            rows.append((name, workers, result))
            print(f"{name} [{workers} worker(s)]: p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
                  f"{result['rps']:.0f} req/s, {result['errors']} errors; 1 client p50 "
                  f"{result['one_client']['p50']:.1f} ms; load {load_avg:.1f}", flush=True)
    finally:
        server.stop()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", default=None, help="store to fill, or reuse when it already holds --articles articles "
                    "(default: a file per size in the temp directory)")
    ap.add_argument("--clients", type=int, default=20, help="concurrent connections")
    ap.add_argument("--seconds", type=float, default=10.0, help="duration of each scenario")
    ap.add_argument("--max-requests", type=int, default=50_000, help="bound per scenario (python client)")
    ap.add_argument("--threads", type=int, default=2, help="wrk threads")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                    help="uvicorn worker processes; each value is measured in turn (default: 1 and 2)")
    ap.add_argument("--tool", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python")
    ap.add_argument("--ingest", type=int, nargs="?", const=10_000, default=0,
                    help="also measure reads during an ingest of this many articles (default 10000)")
    ap.add_argument("--out", type=Path, default=OUT, help="where bench_api.md and bench_api.json go")
    args = ap.parse_args()
    db = args.db or os.path.join(tempfile.gettempdir(), f"newsweave-bench-api-{args.articles}.db")

    filled = fill(db, args.articles)
    print(f"store: {db}: {filled['articles']} articles, {filled['events']} events"
          + ("" if filled["reused"] else f", filled in {filled['seconds']:.1f} s"), flush=True)
    n_events = filled["events"]
    rng = random.Random(1)
    search = [f"/events?q={urllib.parse.quote(w)}&limit=20" for w in SEARCH_WORDS]
    scenarios = [
        ("`GET /events?q=…&limit=20` (12 queries, 1 to 2 words)", search),
        ("`GET /events/{id}` (random ids)", [f"/events/ev{rng.randrange(n_events)}" for _ in range(2000)]),
        ("`GET /events?limit=20` (newest first)", ["/events?limit=20"]),
        ("`GET /events?breaking=true&language=ar&limit=20`", ["/events?breaking=true&language=ar&limit=20"]),
        ("`GET /events?entity=…&limit=20` (8 entities)",
         [f"/events?entity={urllib.parse.quote(f'Person {k}')}&limit=20" for k in range(0, 97, 12)]),
    ]
    load_before = os.getloadavg()[0]
    rows = [row for workers in args.workers for row in measure(db, workers, scenarios, args)]
    load_after = os.getloadavg()[0]

    cmd = (f"python bench/bench_api.py --articles {args.articles} --clients {args.clients} --seconds {args.seconds:g} "
           f"--workers {' '.join(map(str, args.workers))} --tool {args.tool}"
           + (f" --ingest {args.ingest}" if args.ingest else ""))
    workers = " and ".join(str(w) for w in args.workers)
    section = [
        "## API latency",
        "",
        f"{filled['articles']:,} synthetic articles in {filled['events']:,} events (SQLite, WAL; filled with "
        "`save_batch`, no pipeline and no embeddings), served by `uvicorn --factory "
        f"newsweave.api.app:app_from_env` with {workers} worker process(es), {args.clients} concurrent keep-alive "
        f"connections from `{args.tool}` on loopback, {args.seconds:g} s per row, then one client alone for half "
        f"as long. Machine: {machine()}; load average {load_before:.1f} before and {load_after:.1f} after "
        "(other jobs share the machine; the load generator itself runs on the same 2 cores).",
        "",
        table(rows),
        "",
    ]
    ingest_rows = []
    if args.ingest:
        for pool in (True, False):
            r = reads_during_ingest(args.ingest, pool)
            ingest_rows.append((pool, r))
            print(f"reads during ingest (read_pool={pool}): {r}", flush=True)
        section += [
            f"Reads while {args.ingest:,} articles are POSTed (1,000 per request, lexical encoder) to the same server, "
            "4 reader threads looping over `/events`, `/events/{id}` and a search:",
            "",
            "| read connections | ingest s | reads | p50 ms | p95 ms | max ms | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for pool, r in ingest_rows:
            label = "the API's own read-only connections (default)" if pool else "the store's single locked connection"
            section.append(f"| {label} | {r['seconds']:.1f} | {r['reads']} | {r['p50']:.1f} | {r['p95']:.1f} | "
                           f"{r['max']:.1f} | {r['errors']} |")
        section.append("")
    section += [
        "Aim: p95 < 50 ms at 20 concurrent clients. The server is CPU-bound, so at 20 clients on 2 cores the "
        "latency is mostly queueing (about 20 / req/s), and it grows with whatever else the machine runs (see the "
        "load average); the one-client columns are the server's own cost per request. "
        "What made it faster: the API's read-only, memory-mapped connections; indexes on the listing order "
        "(schema v2); searches of common words walking that index instead of sorting every match; the search "
        "index keyed by event rowid; responses serialised without a second validation pass; reads on the event "
        "loop instead of a thread pool (`NEWSWEAVE_READ_THREADS=0`); uvloop + httptools when installed; "
        "(schema v3) every event's `events --json` object precomputed in an `events.listing` column, so a "
        "listing or search splices stored JSON text instead of decoding event rows and encoding them again, "
        "and the `entity` filter an index lookup in a normalised `event_entities` table instead of a `LIKE` "
        "over every event's JSON. Worker processes: two give about twice the requests per second of one when the "
        "machine is otherwise idle, but here the load generator and the other jobs compete for the same 2 cores, "
        "so the tail latency with 2 can be worse than with 1: compare the rows.",
        "",
        "Reproduce:", "", "```", "make setup-test   # wrk and the rest", cmd, "```",
    ]
    text = "\n".join(section) + "\n"
    print("\n" + text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_api.md").write_text(text, encoding="utf-8")
    numbers = {
        "command": cmd, "machine": machine(), "load_avg": [load_before, load_after], "store": filled,
        "clients": args.clients, "seconds": args.seconds, "tool": args.tool,
        "latency": [{"endpoint": name, "workers": w, **r} for name, w, r in rows],
        "reads_during_ingest": [{"read_pool": pool, **r} for pool, r in ingest_rows],
    }
    (args.out / "bench_api.json").write_text(json.dumps(numbers, indent=1), encoding="utf-8")
    print(f"wrote {args.out / 'bench_api.md'} and bench_api.json")


if __name__ == "__main__":
    main()
