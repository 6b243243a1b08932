#!/usr/bin/env bash
# Times one drsdiff command with two binaries, alternately, on the 1M-row bench reports: the
# before/after measure of a change (issue 7: `summary` within 5 % of the time before recognition
# changed).
#
#   scripts/bench_ab.sh BEFORE AFTER [RUNS] [-- drsdiff arguments before the file]
#   scripts/bench_ab.sh /tmp/base/.build/release/drsdiff .build/release/drsdiff 5 -- summary
#
# The reports are the ones scripts/bench.sh generates (bench/rowcounts_1000000.xlsx and
# bench/values_poi_1000000.xlsx; run it once, or scripts/bench_data.py). Each run times BEFORE then
# AFTER on the same file, so load changes hit both alike; prints every pair, the medians, their
# ratio (AFTER / BEFORE) and the load average. Compare ratios, not absolute times, on a shared machine.
set -u -o pipefail
[ $# -ge 2 ] || { sed -n '2,/^set -u/{/^set -u/d;p}' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
BEFORE=$1 AFTER=$2; shift 2
RUNS=3
if [ $# -gt 0 ] && [ "$1" != "--" ]; then RUNS=$1; shift; fi
[ "${1:-}" = "--" ] && shift
COMMAND=("$@"); [ ${#COMMAND[@]} -eq 0 ] && COMMAND=(summary)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for bin in "$BEFORE" "$AFTER"; do [ -x "$bin" ] || { echo "bench_ab: $bin is not executable" >&2; exit 2; }; done

seconds() {  # binary file -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$1" "${COMMAND[@]}" "$2" > /dev/null 2>&1 || { echo "bench_ab: $1 ${COMMAND[*]} $2 failed" >&2; echo nan; return; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "bench_ab: drsdiff ${COMMAND[*]}, $RUNS alternating runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for file in "$ROOT/bench/rowcounts_1000000.xlsx" "$ROOT/bench/values_poi_1000000.xlsx"; do
  [ -f "$file" ] || { echo "bench_ab: $file missing (run scripts/bench.sh once)" >&2; continue; }
  b=() a=()
  for _ in $(seq "$RUNS"); do
    b+=("$(seconds "$BEFORE" "$file")")
    a+=("$(seconds "$AFTER" "$file")")
  done
  mb=$(printf '%s\n' "${b[@]}" | median)
  ma=$(printf '%s\n' "${a[@]}" | median)
  printf '%s: before %s s, after %s s (runs: %s | %s); median after/before = %.3f\n' "$(basename "$file")" "$mb" "$ma" \
    "${b[*]}" "${a[*]}" "$(echo "$ma / $mb" | bc -l)"
done
echo "bench_ab: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
