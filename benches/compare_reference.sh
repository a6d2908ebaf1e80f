#!/usr/bin/env bash
# Measures the matcher against the benchmark's reference solver, in the same run on the same
# machine: instances from ../shared/bench/gen_instance.py, the OR-Tools optimum, the plan's
# objective scored by score_allocation.py, time and peak memory from /usr/bin/time.
#
#   benches/compare_reference.sh [SIZE...]        (default: 1000 10000 100000)
#
# The headline ratio is whole-process wall-clock time (elapsed, from /usr/bin/time) of
#   python reference_ortools.py FILE
#   symbiose match --instance FILE --plan-only --json --solution-out SOLUTION
# so interpreter or process start-up, reading the file and writing the report all count.
# Each size runs RUNS times, the reference and ours alternating so that both see the same
# machine; the table shows medians. The columns in_ref_s / in_ours_s are the in-process
# totals (load + candidates + solve, FORMAT.md's split) of the median runs.
# A second table times the full `match --json` (plan, loops, pools, clusters) the same way.
#
# Environment: BENCH_DIR (default ../shared/bench), WORK_DIR (default target/bench),
# PYTHON (a python3 with BENCH_DIR/requirements.txt installed; default python3),
# RUNS (default 3), FULL (1: also time the full match; default 1), BIN (a symbiose binary to
# measure instead of building target/release/symbiose).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-../shared/bench}
WORK_DIR=${WORK_DIR:-target/bench}
PYTHON=${PYTHON:-python3}
RUNS=${RUNS:-3}
FULL=${FULL:-1}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
mkdir -p "$WORK_DIR"
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/symbiose
fi

plan_rows=()
full_rows=()
for n in "${SIZES[@]}"; do
  inst="$WORK_DIR/inst-$n.json"
  [ -f "$inst" ] || "$PYTHON" "$BENCH_DIR/gen_instance.py" --companies "$n" --seed 1 --out "$inst" >/dev/null 2>&1
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -v "$PYTHON" "$BENCH_DIR/reference_ortools.py" "$inst" \
      > "$WORK_DIR/ref-$n-$run.line" 2> "$WORK_DIR/ref-$n-$run.time"
    /usr/bin/time -v "$BIN" match --instance "$inst" --plan-only --json \
      --solution-out "$WORK_DIR/ours-$n.solution.json" \
      > "$WORK_DIR/ours-$n-$run.report.json" 2> "$WORK_DIR/ours-$n-$run.time"
    if [ "$FULL" = 1 ]; then
      /usr/bin/time -v "$BIN" match --instance "$inst" --json \
        > "$WORK_DIR/full-$n-$run.report.json" 2> "$WORK_DIR/full-$n-$run.time"
    fi
  done
  "$PYTHON" "$BENCH_DIR/score_allocation.py" "$inst" "$WORK_DIR/ours-$n.solution.json" \
    --reference "$WORK_DIR/ref-$n-1.line" > "$WORK_DIR/score-$n.line" || true
  rows=$("$PYTHON" - "$n" "$WORK_DIR" "$RUNS" "$FULL" <<'PY'
import json, statistics, sys
n, work, runs, full = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"

def time_v(path):
    """Elapsed seconds and peak MB from a /usr/bin/time -v file."""
    wall = peak = None
    for line in open(path):
        if "Elapsed (wall clock) time" in line:
            parts = line.rsplit(": ", 1)[1].strip().split(":")
            wall = sum(float(p) * 60 ** i for i, p in enumerate(reversed(parts)))
        elif "Maximum resident set size" in line:
            peak = int(line.split(":")[1]) / 1024
    return wall, peak

def median_run(kind, suffix):
    """(wall, peak MB, result JSON) of the run with the median wall time."""
    runs_ = []
    for run in range(1, runs + 1):
        wall, peak = time_v(f"{work}/{kind}-{n}-{run}.time")
        runs_.append((wall, peak, f"{work}/{kind}-{n}-{run}.{suffix}"))
    walls = [r[0] for r in runs_]
    median = statistics.median(walls)
    wall, peak, path = min(runs_, key=lambda r: abs(r[0] - median))
    return median, peak, json.loads(open(path).read())

ref_wall, ref_mb, ref = median_run("ref", "line")
ours_wall, ours_mb, ours = median_run("ours", "report.json")
score = json.loads(open(f"{work}/score-{n}.line").read())
gap = score["objective_eur_per_year"] - ref["objective_eur_per_year"]
in_ref, in_ours = ref["timings_s"]["total"], ours["timings_s"]["total"]
print(f"plan {n:<8} {ref_wall:9.2f} {ours_wall:9.2f} {ours_wall/ref_wall:7.3f} "
      f"{in_ref:9.2f} {in_ours:9.2f} {in_ours/in_ref:7.3f} {ref_mb:8.0f} {ours_mb:8.0f} "
      f"{ours_mb/ref_mb:7.3f} {score['objective_eur_per_year']:16.2f} {gap:9.2f} {score['feasible']}")
if full:
    full_wall, full_mb, report = median_run("full", "report.json")
    print(f"full {n:<8} {ref_wall:9.2f} {full_wall:9.2f} {full_wall/ref_wall:7.3f} "
          f"{report['timings_s']['proposals']:12.2f} {full_mb:8.0f} "
          f"{len(report['loops']):6} {len(report['pools']):6} {len(report['clusters']):8}")
PY
)
  while IFS= read -r row; do
    case "$row" in
      plan\ *) plan_rows+=("${row#plan }") ;;
      full\ *) full_rows+=("${row#full }") ;;
    esac
  done <<< "$rows"
done

echo "Region plan (--plan-only), whole process, median of $RUNS run(s):"
printf '%-8s %9s %9s %7s %9s %9s %7s %8s %8s %7s %16s %9s %s\n' \
  firms ref_s ours_s ratio in_ref_s in_ours_s ratio ref_MB ours_MB ratio \
  ours_objective gap_eur feasible
printf '%s\n' "${plan_rows[@]}"
if [ "$FULL" = 1 ]; then
  echo
  echo "Full match --json (plan, loops, pools, clusters), whole process, median of $RUNS run(s):"
  printf '%-8s %9s %9s %7s %12s %8s %6s %6s %8s\n' \
    firms ref_s full_s ratio proposals_s full_MB loops pools clusters
  printf '%s\n' "${full_rows[@]}"
fi
