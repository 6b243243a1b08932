#!/usr/bin/env bash
# Coverage-guided fuzzing of drsdiff's readers with libFuzzer and AddressSanitizer (FuzzTesting/).
#
#   scripts/fuzz.sh TARGET [SECONDS]   build, then fuzz TARGET for SECONDS (default 60) under nice
#   scripts/fuzz.sh all [SECONDS]      every target in turn, SECONDS each
#   scripts/fuzz.sh --replay [TARGET]  build, then run every committed regression input and hand-made
#                                      seed once (ASan, leak detection on): what CI runs
#   scripts/fuzz.sh --build            build the targets only
#   scripts/fuzz.sh --list             the targets, their input and their -max_len
#
# Targets (entry points in Sources/*/FuzzingEntryPoints.swift, each documenting its input):
#   FuzzZipArchive FuzzSheetRows FuzzSharedStrings FuzzStyles FuzzWorkbookPart FuzzCellValue
#   FuzzVocabularyFile FuzzRecognition FuzzDRSAnswers
# The corpus grows in FuzzTesting/.corpus/TARGET (seeded on first use by FuzzTesting/make_seeds.py
# from samples/, ../shared/corpus/peer and FuzzTesting/Seeds/); findings (crash-*, timeout-*,
# leak-*, oom-*) land in FuzzTesting/.findings/TARGET. Both are git-ignored. A finding becomes a
# regression: minimise it (FuzzTesting/.build/release/TARGET -minimize_crash=1 -runs=10000 FILE),
# commit the result under FuzzTesting/Regressions/TARGET/, fix the bug; `swift test` then replays
# it through the same entry point. Extra libFuzzer flags: FUZZ_FLAGS="-jobs=2 -workers=2" etc.
# Builds take the shared swift lock (/tmp/drsdiff-swift.lock); fuzzing itself does not.
# FUZZ_BUILD=0 uses the targets already built (no build, no wait for the lock);
# FUZZ_CONFIGURATION=debug builds without optimisation (quicker to build: CI's replay uses it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FUZZ="$ROOT/FuzzTesting"
CONFIGURATION=${FUZZ_CONFIGURATION:-release}
BIN="$FUZZ/.build/$CONFIGURATION"
export LSAN_OPTIONS="suppressions=$ROOT/.ci/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# libFuzzer prints the stack of a Swift trap ("Swift runtime failure: …") itself; the Swift runtime's
# own backtracer would add minutes of symbolication per crash and a bogus ASan report of its reader.
export SWIFT_BACKTRACE=enable=no

# target  max_len  dictionary
TABLE="
FuzzZipArchive      65536 zip.dict
FuzzSheetRows       32768 ooxml.dict
FuzzSharedStrings   16384 ooxml.dict
FuzzStyles          16384 ooxml.dict
FuzzWorkbookPart     8192 ooxml.dict
FuzzCellValue         256 cellvalue.dict
FuzzVocabularyFile   8192 vocabulary.dict
FuzzRecognition     16384 recognition.dict
FuzzDRSAnswers       8192 drsanswers.dict
"
targets() { awk 'NF { print $1 }' <<<"$TABLE"; }
field() { awk -v t="$1" -v f="$2" '$1 == t { print $f }' <<<"$TABLE"; }
known() { [ -n "$(field "$1" 1)" ] || { echo "fuzz: unknown target $1 (scripts/fuzz.sh --list)" >&2; exit 2; }; }

build() {
  if [ "${FUZZ_BUILD:-1}" = 0 ]; then return 0; fi
  echo "fuzz: building the targets (swift build -c $CONFIGURATION, -sanitize=fuzzer,address)" >&2
  (cd "$FUZZ" && flock /tmp/drsdiff-swift.lock swift build -c "$CONFIGURATION" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
      | grep -v "Cannot export local symbol" >&2)
}

seed() {  # target
  local corpus="$FUZZ/.corpus/$1"
  if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus")" ]; then
    python3 "$FUZZ/make_seeds.py" "$FUZZ/.corpus" "$ROOT/../shared" >/dev/null
  fi
  mkdir -p "$corpus"
}

run() {  # target seconds
  local target=$1 seconds=$2 findings="$FUZZ/.findings/$1"
  seed "$target"
  mkdir -p "$findings"
  echo "fuzz: $target for $seconds s (corpus $(ls "$FUZZ/.corpus/$target" | wc -l) inputs; findings in $findings)" >&2
  # -timeout: every input here runs in milliseconds, so 30 s is a hang, not a niced process starved
  # on a loaded shared machine (10 s tripped on inputs that take 10 ms, at load 19). -rss_limit_mb:
  # ASan roughly triples the reader's ~40 MB. A finding ends the run with a non-zero status.
  # -report_slow_units: the same 30 s, so a starved input is not kept as a "slow-unit" artifact
  # (the default 10 s kept inputs that run in 12 to 160 ms on their own).
  nice -n 10 "$BIN/$target" "$FUZZ/.corpus/$target" \
    -max_total_time="$seconds" -max_len="$(field "$target" 2)" -dict="$FUZZ/Dictionaries/$(field "$target" 3)" \
    -timeout=30 -report_slow_units=30 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" ${FUZZ_FLAGS:-}
}

replay() {  # target
  local inputs=()
  for folder in "$FUZZ/Regressions/$1" "$FUZZ/Seeds/$1"; do
    [ -d "$folder" ] && while IFS= read -r -d '' file; do inputs+=("$file"); done < <(find "$folder" -type f -print0 | sort -z)
  done
  [ "${#inputs[@]}" -gt 0 ] || { echo "fuzz: $1 has no inputs to replay" >&2; return 1; }
  local log status=0
  log=$(mktemp)
  # Given files, libFuzzer runs each once and stops at the first crash, hang or leak.
  "$BIN/$1" -timeout=30 -rss_limit_mb=2048 "${inputs[@]}" >"$log" 2>&1 || status=$?
  if [ "$status" = 0 ]; then
    echo "fuzz: $1: ${#inputs[@]} inputs replayed, no finding" >&2
  else
    cat "$log" >&2
    echo "fuzz: $1: FAILED (status $status) replaying ${#inputs[@]} inputs" >&2
  fi
  rm -f "$log"
  return "$status"
}

case "${1:-}" in
  --list)
    printf '%-20s %8s  %s\n' target max_len dictionary
    awk 'NF { printf "%-20s %8s  %s\n", $1, $2, $3 }' <<<"$TABLE" ;;
  --build) build ;;
  --replay)
    build
    status=0
    for target in ${2:-$(targets)}; do known "$target"; replay "$target" || status=1; done
    exit "$status" ;;
  all)
    build
    for target in $(targets); do run "$target" "${2:-60}"; done ;;
  "" | -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;p}' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    known "$1"
    build
    run "$1" "${2:-60}" ;;
esac
