#!/bin/sh
# Regenerates the golden outputs of `summary`, `report`, `inspect` and `check` for the ten DRS
# report samples (samples/reports/expected/drsdiff/<sample>/), and of `diff` for the ten
# before/after pairs (samples/diff/expected/<pair>/).
#
#   scripts/update-goldens.sh              # swift build, then rewrite every golden
#   scripts/update-goldens.sh --no-build   # use the existing .build/debug/drsdiff
#
# Review the diff before committing: the goldens are what the tests hold drsdiff to, and they
# were first checked by meaning against each sample's <sample>.truth.json (the tests in
# Tests/DRSReportTests/Sample*Tests.swift do that check on every run).
set -eu
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
  swift build --product drsdiff
fi
BIN=.build/debug/drsdiff
[ -x "$BIN" ] || { echo "update-goldens: $BIN is missing; run swift build" >&2; exit 1; }

OUT=samples/reports/expected/drsdiff
mkdir -p "$OUT"
count=0
for workbook in samples/reports/*.xlsx; do
  name=$(basename "$workbook" .xlsx)
  dir="$OUT/$name"
  mkdir -p "$dir"
  "$BIN" summary "$workbook" --format md > "$dir/summary.md"
  "$BIN" summary "$workbook" --format json > "$dir/summary.json"
  "$BIN" report "$workbook" --format json > "$dir/report.json"
  "$BIN" report "$workbook" --format csv > "$dir/report.csv" 2>/dev/null
  "$BIN" inspect "$workbook" > "$dir/inspect.txt"
  # check: the problem lines (stderr) and the exit status.
  status=0
  "$BIN" check "$workbook" 2> "$dir/check.txt" || status=$?
  echo "exit $status" >> "$dir/check.txt"
  count=$((count + 1))
done
echo "update-goldens: wrote $OUT for $count samples"

# diff: Markdown, JSON and CSV of each pair, and its exit status (checked against each pair's
# <pair>.truth.json by Tests/DRSReportTests/DiffSampleTests.swift on every run).
pairs=0
for before in samples/diff/*.before.xlsx; do
  name=$(basename "$before" .before.xlsx)
  after=samples/diff/$name.after.xlsx
  dir=samples/diff/expected/$name
  mkdir -p "$dir"
  status=0
  "$BIN" diff "$before" "$after" > "$dir/diff.md" || status=$?
  echo "exit $status" > "$dir/exit.txt"
  "$BIN" diff "$before" "$after" --format json > "$dir/diff.json" || true
  "$BIN" diff "$before" "$after" --format csv > "$dir/diff.csv" || true
  pairs=$((pairs + 1))
done
echo "update-goldens: wrote samples/diff/expected for $pairs pairs"
