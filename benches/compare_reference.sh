#!/usr/bin/env bash
# Measures the matcher against the benchmark's reference solver, in the same run on the same
# machine: instances from ../shared/bench/gen_instance.py, the OR-Tools optimum, the plan's
# objective scored by score_allocation.py, time and peak memory from /usr/bin/time.
#
#   benches/compare_reference.sh [SIZE...]        (default: 1000 10000 100000)
#
# Environment: BENCH_DIR (default ../shared/bench), WORK_DIR (default target/bench),
# PYTHON (a python3 with BENCH_DIR/requirements.txt installed; default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-../shared/bench}
WORK_DIR=${WORK_DIR:-target/bench}
PYTHON=${PYTHON:-python3}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
mkdir -p "$WORK_DIR"
cargo build --release --quiet
BIN=target/release/symbiose

field() { # field FILE KEY  -> value of a "KEY: value" line of /usr/bin/time -v
  grep -F "$2" "$1" | head -n 1 | awk -F': ' '{print $2}'
}
seconds() { # h:mm:ss or m:ss.xx -> seconds
  echo "$1" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }'
}

printf '%-8s %10s %10s %7s %9s %9s %7s %16s %10s %s\n' \
  firms ref_s ours_s ratio ref_MB ours_MB ratio ours_objective gap_eur feasible
for n in "${SIZES[@]}"; do
  inst="$WORK_DIR/inst-$n.json"
  [ -f "$inst" ] || "$PYTHON" "$BENCH_DIR/gen_instance.py" --companies "$n" --seed 1 --out "$inst" >/dev/null 2>&1
  /usr/bin/time -v "$PYTHON" "$BENCH_DIR/reference_ortools.py" "$inst" \
    > "$WORK_DIR/ref-$n.line" 2> "$WORK_DIR/ref-$n.time"
  /usr/bin/time -v "$BIN" match --instance "$inst" --plan-only --json \
    --solution-out "$WORK_DIR/ours-$n.solution.json" \
    > "$WORK_DIR/ours-$n.report.json" 2> "$WORK_DIR/ours-$n.time"
  "$PYTHON" "$BENCH_DIR/score_allocation.py" "$inst" "$WORK_DIR/ours-$n.solution.json" \
    --reference "$WORK_DIR/ref-$n.line" > "$WORK_DIR/score-$n.line" || true
  "$PYTHON" - "$n" "$WORK_DIR" <<'PY'
import json, sys
n, work = sys.argv[1], sys.argv[2]
ref = json.loads(open(f"{work}/ref-{n}.line").read())
ours = json.load(open(f"{work}/ours-{n}.report.json"))
score = json.loads(open(f"{work}/score-{n}.line").read())
def peak(path):
    for line in open(path):
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
ref_s, ours_s = ref["timings_s"]["total"], ours["timings_s"]["total"]
ref_mb, ours_mb = peak(f"{work}/ref-{n}.time"), peak(f"{work}/ours-{n}.time")
gap = score["objective_eur_per_year"] - ref["objective_eur_per_year"]
print(f"{n:<8} {ref_s:10.2f} {ours_s:10.2f} {ours_s/ref_s:7.3f} {ref_mb:9.0f} {ours_mb:9.0f} "
      f"{ours_mb/ref_mb:7.3f} {score['objective_eur_per_year']:16.2f} {gap:10.2f} {score['feasible']}")
PY
done
