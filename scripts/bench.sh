#!/usr/bin/env bash
# Benchmark drsdiff's .xlsx reading against the inflate floor and two peer readers.
#
#   scripts/bench.sh              # full run: 1,000,000 x 6 inline-string sheet, 300,000 x 6 shared-string
#                                 # sheet, 1,000,000-row DRS value-differences report
#   scripts/bench.sh --quick      # smoke run on small files (50,000 / 15,000 / 50,000 rows)
#   scripts/bench.sh --no-peers   # skip python-calamine and fastexcel
#   scripts/bench.sh --no-build   # don't run `swift build`; use the existing release binary
#   scripts/bench.sh --typed-only # only the typed paths (second part below)
#   scripts/bench.sh --diff-only  # only the diff of two reports (third part below)
#   scripts/bench.sh --refusals-only  # only the hostile refusals (fourth part below)
#   TYPED_RUNS=5 scripts/bench.sh # alternating runs of the typed paths (default 3; medians are reported)
#   DIFF_RUNS=5 scripts/bench.sh  # alternating runs of the diff part (default 3; medians are reported)
#   DRSDIFF=path/to/drsdiff scripts/bench.sh --quick   # time that binary (no build)
#
# The workbooks are generated once with XlsxWriter (scripts/bench_data.py) and cached under
# bench/ (bench/quick/ for --quick; git-ignored). Python tools live in scripts/.venv, created on
# first use. Every measurement runs under /usr/bin/time -v (wall seconds, peak RSS); a failing
# tool is reported in its row and the run goes on. Outputs and results.tsv go to bench/out/
# (bench/quick/out/). Other builds running at the same time skew the figures: the load average
# is printed with the results.
#
# Measured per workbook:
#   drsdiff convert FILE --format csv -o OUT      (release build)
#   unzip -p FILE <first sheet part> > /dev/null  (the inflate floor)
#   python-calamine -> CSV, fastexcel -> CSV       (scripts/bench_peers.py)
# and, when `drsdiff report --help` succeeds, `drsdiff report DIFFS --format ndjson > /dev/null`.
# Targets (issues 2 and 3): drsdiff <= 0.5 x fastexcel wall time on the 1M-row sheet, peak RSS
# <= 64 MB on the inline-string file and for `report --format ndjson` on the 1M-row report.
#
# The typed paths (issue 8), on a 1,000,000-row value-differences report written by Apache POI's
# SXSSF (inline strings, as DRS's Java back end writes; needs scripts/setup_poi.sh, else skipped)
# and a 1,000,000-table row-count report (XlsxWriter), in TYPED_RUNS alternating rounds:
#   drsdiff convert FILE --sheet MAIN --format csv > /dev/null   (the reference: reading + CSV)
#   unzip -p FILE <main sheet part> > /dev/null                    (the inflate floor)
#   drsdiff report --format ndjson, report --format csv --section KIND, summary, check  (> /dev/null)
# Each is reported as the median wall time and peak RSS, and as a ratio to convert of the same
# file. Targets: report <= 1.25 x convert, summary and check <= 1.10 x convert, convert <= 1.5 x
# the inflate floor on the row-count report, peak RSS <= 64 MB on every path.
#
# The diff (issue 11), on the 1,000,000-row value-differences report (DIFFS, XlsxWriter) and the
# same report after a known change (DIFFS_AFTER: every 10th row gone, the destination value of
# every 10th row from the 5th changed, 1/20 as many new rows), in DIFF_RUNS alternating rounds:
#   drsdiff summary DIFFS, drsdiff summary DIFFS_AFTER          (> /dev/null)
#   drsdiff diff DIFFS DIFFS_AFTER -o OUT/diff.md                (Markdown; exit 1: regressions)
# reported as medians, with the ratio diff / (summary + summary); the diff's counts are checked
# against the known change. Targets: ratio <= 2.5, peak RSS <= 256 MB.
#
# The refusals (issue 9's limits; `swift test` asserts only a hang guard ten times this), on a
# 256 MiB sheet of spaces deflated about 1000:1 and a sheet whose cells are A1 and XFD1048576:
#   drsdiff convert BOMB (exit 14, --max-compression-ratio), drsdiff convert FAR (exit 14,
#   --max-output-cells), drsdiff report FAR --format csv (exit 14)
# Targets: each refused in <= 2 s with peak RSS <= 100 MB.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPTS="$ROOT/scripts"
QUICK=0 PEERS=1 BUILD=1 READER=1 TYPED_PART=1 DIFF_PART=1 REFUSALS_PART=1
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-peers) PEERS=0 ;;
    --typed-only) READER=0 DIFF_PART=0 REFUSALS_PART=0 ;;
    --diff-only) READER=0 TYPED_PART=0 REFUSALS_PART=0 ;;
    --refusals-only) READER=0 TYPED_PART=0 DIFF_PART=0 ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,/^set -u/{/^set -u/d;p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$QUICK" = 1 ]; then
  DIR="$ROOT/bench/quick"; N_INLINE=50000; N_SHARED=15000; N_DIFFS=50000
else
  DIR="$ROOT/bench"; N_INLINE=1000000; N_SHARED=300000; N_DIFFS=1000000
fi
OUT="$DIR/out"
mkdir -p "$DIR" "$OUT"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install -y time)" >&2; exit 2; }
command -v unzip >/dev/null || { echo "bench: unzip missing (apt-get install -y unzip)" >&2; exit 2; }

# ---------------------------------------------------------------- python env and data
GROUP=bench; [ "$PEERS" = 0 ] && GROUP=samples
PY=$(python3 "$SCRIPTS/setup_venv.py" "$GROUP") || { echo "bench: could not set up scripts/.venv" >&2; exit 2; }
GEN_HASH=$(sha256sum "$SCRIPTS/bench_data.py" | cut -c1-16)

make_data() {  # kind rows file
  local kind=$1 rows=$2 file=$3 stamp="$3.stamp"
  if [ -f "$file" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$GEN_HASH" ]; then return 0; fi
  echo "bench: generating $(basename "$file") ($rows rows, $kind)..." >&2
  local t0=$SECONDS
  nice -n 10 "$PY" "$SCRIPTS/bench_data.py" "$kind" "$rows" "$file" || { echo "bench: generating $file failed" >&2; return 1; }
  echo "$GEN_HASH" > "$stamp"
  echo "bench:   done in $((SECONDS - t0)) s, $(du -h "$file" | cut -f1)" >&2
}

F_INLINE="$DIR/inline_${N_INLINE}x6.xlsx"
F_SHARED="$DIR/shared_${N_SHARED}x6.xlsx"
F_DIFFS="$DIR/diffs_${N_DIFFS}.xlsx"
F_VALUES="$DIR/values_poi_${N_DIFFS}.xlsx"
F_ROWS="$DIR/rowcounts_${N_DIFFS}.xlsx"
if [ "$READER" = 1 ]; then
  make_data inline "$N_INLINE" "$F_INLINE" || exit 1
  make_data shared "$N_SHARED" "$F_SHARED" || exit 1
  make_data diffs "$N_DIFFS" "$F_DIFFS" || exit 1
fi
TYPED_FILES=()
if [ "$TYPED_PART" = 1 ]; then
  if make_data diffs-poi "$N_DIFFS" "$F_VALUES"; then TYPED_FILES+=("$F_VALUES"); else
    echo "bench: no POI-written report (run scripts/setup_poi.sh); its typed rows are skipped" >&2; fi
  make_data rowcounts "$N_DIFFS" "$F_ROWS" && TYPED_FILES+=("$F_ROWS")
fi
F_DIFFS_AFTER="$DIR/diffs_${N_DIFFS}_after.xlsx"
DIFF_FILES=0
if [ "$DIFF_PART" = 1 ] && make_data diffs "$N_DIFFS" "$F_DIFFS" && make_data diffs-after "$N_DIFFS" "$F_DIFFS_AFTER"; then DIFF_FILES=1; fi

# ---------------------------------------------------------------- drsdiff binary
BIN=${DRSDIFF:-}
BIN_NOTE=""
if [ -z "$BIN" ]; then
  BIN="$ROOT/.build/release/drsdiff"
  if [ "$BUILD" = 1 ]; then
    waited=0
    while pgrep -f swift-build >/dev/null; do
      [ "$waited" = 0 ] && echo "bench: another swift build is running; waiting for it to finish..." >&2
      sleep 10; waited=$((waited + 10))
      if [ "$waited" -ge 3600 ]; then echo "bench: gave up waiting for the other build" >&2; break; fi
    done
    echo "bench: swift build -c release --product drsdiff (log: $DIR/build.log)" >&2
    if ! (cd "$ROOT" && swift build -c release --product drsdiff) >"$DIR/build.log" 2>&1; then
      BIN_NOTE="release build failed (see $DIR/build.log)"
      echo "bench: $BIN_NOTE" >&2
      tail -n 15 "$DIR/build.log" >&2
    fi
  fi
fi
if [ -z "$BIN_NOTE" ] && [ ! -x "$BIN" ]; then BIN_NOTE="no binary at $BIN"; fi

# ---------------------------------------------------------------- measuring
RESULTS="$OUT/results.tsv"
printf 'tool\tfile\twall_s\trss_mb\tstatus\n' > "$RESULTS"

measure() {  # tool file stdout-target output-file-or-'-' cmd...
  local tool=$1 file=$2 target=$3 produced=$4; shift 4
  local tf="$OUT/time.$$.txt" rc
  /usr/bin/time -v -o "$tf" "$@" >"$target" 2>"$OUT/stderr.$tool.$(basename "$file").txt"
  rc=$?
  local wall rss status
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tf" | awk -F: '{ if (NF==3) printf "%.2f", $1*3600+$2*60+$3; else printf "%.2f", $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tf")
  if [ "$rc" = 0 ]; then
    status=ok
    if [ "$produced" != - ]; then
      if [ -s "$produced" ]; then status="ok ($(wc -l < "$produced") lines)"; else status="exit 0 but no output"; fi
    fi
  else
    status="exit $rc: $(tail -n 1 "$OUT/stderr.$tool.$(basename "$file").txt" | cut -c1-80)"
  fi
  rm -f "$tf"
  printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$(basename "$file")" "${wall:--}" "${rss:--}" "$status" >> "$RESULTS"
  printf '  %-22s %-28s %8s s %9s MB  %s\n' "$tool" "$(basename "$file")" "${wall:--}" "${rss:--}" "$status" >&2
}

skip() {  # tool file reason
  printf '%s\t%s\t-\t-\t%s\n' "$1" "$(basename "$2")" "$3" >> "$RESULTS"
  printf '  %-22s %-28s %8s   %9s     %s\n' "$1" "$(basename "$2")" - - "$3" >&2
}

first_sheet_part() {  # the part of the first worksheet (its name can differ from sheet1.xml)
  "$PY" - "$1" <<'EOF'
import sys, zipfile, re, posixpath
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
rid = re.search(r'<sheet [^>]*r:id="([^"]+)"', wb).group(1)
rels = z.read("xl/_rels/workbook.xml.rels").decode()
m = re.search(r'<Relationship [^>]*Id="%s"[^>]*/>' % re.escape(rid), rels).group(0)
t = re.search(r'Target="([^"]+)"', m).group(1)
print(t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t)))
EOF
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$READER" = 1 ]; then
echo "bench: measuring ($( [ "$QUICK" = 1 ] && echo quick || echo full ) run; $(nproc) cores; load $LOAD_BEFORE)" >&2
for f in "$F_INLINE" "$F_SHARED" "$F_DIFFS"; do
  b=$(basename "$f" .xlsx)
  part=$(first_sheet_part "$f")
  if [ -n "$BIN_NOTE" ]; then skip drsdiff-convert "$f" "$BIN_NOTE"; else
    rm -f "$OUT/$b.drsdiff.csv"
    measure drsdiff-convert "$f" /dev/null "$OUT/$b.drsdiff.csv" "$BIN" convert "$f" --format csv -o "$OUT/$b.drsdiff.csv"
  fi
  measure inflate-floor "$f" /dev/null - unzip -p "$f" "$part"
  if [ "$PEERS" = 1 ]; then
    rm -f "$OUT/$b.calamine.csv" "$OUT/$b.fastexcel.csv"
    measure python-calamine "$f" /dev/null "$OUT/$b.calamine.csv" "$PY" "$SCRIPTS/bench_peers.py" calamine "$f" "$OUT/$b.calamine.csv"
    measure fastexcel "$f" /dev/null "$OUT/$b.fastexcel.csv" "$PY" "$SCRIPTS/bench_peers.py" fastexcel "$f" "$OUT/$b.fastexcel.csv"
  fi
done
if [ -n "$BIN_NOTE" ]; then skip drsdiff-report "$F_DIFFS" "$BIN_NOTE"
elif "$BIN" report --help >/dev/null 2>&1; then
  measure drsdiff-report "$F_DIFFS" /dev/null - "$BIN" report "$F_DIFFS" --format ndjson
else
  skip drsdiff-report "$F_DIFFS" "no 'report' command in this binary"
fi
fi

# ---------------------------------------------------------------- typed paths
TYPED="$OUT/typed.tsv"
printf 'tool\tfile\trun\twall_s\trss_mb\tstatus\n' > "$TYPED"

measure_typed() {  # run tool file accepted-exit-codes cmd... (stdout to /dev/null)
  local run=$1 tool=$2 file=$3 accepted=$4; shift 4
  local tf="$OUT/time.$$.txt" err="$OUT/stderr.typed.$tool.$(basename "$file").txt" rc
  /usr/bin/time -v -o "$tf" "$@" >/dev/null 2>"$err"
  rc=$?
  local wall rss status=ok
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tf" | awk -F: '{ if (NF==3) printf "%.2f", $1*3600+$2*60+$3; else printf "%.2f", $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tf")
  case " $accepted " in *" $rc "*) ;; *) status="exit $rc: $(tail -n 1 "$err" | cut -c1-80)" ;; esac
  rm -f "$tf"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$(basename "$file")" "$run" "${wall:--}" "${rss:--}" "$status" >> "$TYPED"
  printf '  run %s %-16s %-28s %8s s %9s MB  %s\n' "$run" "$tool" "$(basename "$file")" "${wall:--}" "${rss:--}" "$status" >&2
}

main_sheet() {  # the name and part of the workbook's largest sheet
  "$PY" - "$1" <<'EOF'
import sys, zipfile, re, posixpath
z = zipfile.ZipFile(sys.argv[1])
wb = z.read("xl/workbook.xml").decode()
rels = z.read("xl/_rels/workbook.xml.rels").decode()
best = None
for name, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', wb):
    m = re.search(r'<Relationship [^>]*Id="%s"[^>]*/>' % re.escape(rid), rels).group(0)
    t = re.search(r'Target="([^"]+)"', m).group(1)
    part = t.lstrip("/") if t.startswith("/") else posixpath.normpath(posixpath.join("xl", t))
    size = z.getinfo(part).file_size
    if best is None or size > best[0]:
        best = (size, name, part)
print(best[1]); print(best[2])
EOF
}

if [ "$TYPED_PART" = 0 ]; then :
elif [ -n "$BIN_NOTE" ] || [ "${#TYPED_FILES[@]}" = 0 ]; then
  echo "bench: typed paths skipped (${BIN_NOTE:-no typed workbooks})" >&2
else
  echo "bench: typed paths, ${TYPED_RUNS:-3} alternating runs (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  for run in $(seq 1 "${TYPED_RUNS:-3}"); do
    for f in "${TYPED_FILES[@]}"; do
      { read -r sheet; read -r part; } < <(main_sheet "$f")
      kind=value_differences; [ "$f" = "$F_ROWS" ] && kind=table_row_counts
      measure_typed "$run" convert "$f" 0 "$BIN" convert "$f" --sheet "$sheet" --format csv
      measure_typed "$run" inflate-floor "$f" 0 unzip -p "$f" "$part"
      measure_typed "$run" report-ndjson "$f" 0 "$BIN" report "$f" --format ndjson
      measure_typed "$run" report-csv "$f" 0 "$BIN" report "$f" --format csv --section "$kind"
      measure_typed "$run" summary "$f" 0 "$BIN" summary "$f"
      measure_typed "$run" check "$f" "0 1 2" "$BIN" check "$f" --quiet
    done
  done
  "$PY" - "$TYPED" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF'
import csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t")]
files = list(dict.fromkeys(r["file"] for r in rows))
tools = ["convert", "inflate-floor", "report-ndjson", "report-csv", "summary", "check"]
def med(tool, file, key):
    xs = [float(r[key]) for r in rows if r["tool"] == tool and r["file"] == file and r["status"] == "ok" and r[key] != "-"]
    return statistics.median(xs) if xs else None
print()
print(f"typed paths: medians of alternating runs (load after: {sys.argv[2]}); ratio = tool / convert of the same file, floor row: convert / inflate floor")
print(f"{'file':<30} {'tool':<14} {'wall s':>8} {'peak MB':>8} {'ratio':>7}")
print("-" * 72)
for f in files:
    conv = med("convert", f, "wall_s")
    for t in tools:
        w, m = med(t, f, "wall_s"), med(t, f, "rss_mb")
        if t == "inflate-floor":
            ratio = f"{conv / w:.2f}" if w and conv else "-"
        else:
            ratio = f"{w / conv:.2f}" if w and conv else "-"
        print(f"{f:<30} {t:<14} {w if w is not None else '-':>8} {m if m is not None else '-':>8} {ratio:>7}")
for r in rows:
    if r["status"] != "ok":
        print(f"FAILED: {r['tool']} {r['file']} run {r['run']}: {r['status']}")
print("\ntargets: report-* <= 1.25, summary and check <= 1.10, convert / inflate floor <= 1.5 on the row-count report, peak RSS <= 64 MB")
EOF
fi

# ---------------------------------------------------------------- diff
if [ "$DIFF_PART" = 0 ]; then :
elif [ -n "$BIN_NOTE" ] || [ "$DIFF_FILES" = 0 ]; then
  echo "bench: diff skipped (${BIN_NOTE:-no workbooks to diff})" >&2
else
  TYPED="$OUT/diff.tsv"   # measure_typed's table
  printf 'tool\tfile\trun\twall_s\trss_mb\tstatus\n' > "$TYPED"
  echo "bench: diff, ${DIFF_RUNS:-3} alternating runs (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  for run in $(seq 1 "${DIFF_RUNS:-3}"); do
    measure_typed "$run" summary-old "$F_DIFFS" 0 "$BIN" summary "$F_DIFFS"
    measure_typed "$run" summary-new "$F_DIFFS_AFTER" 0 "$BIN" summary "$F_DIFFS_AFTER"
    rm -f "$OUT/diff.md"
    measure_typed "$run" diff "$F_DIFFS_AFTER" 1 "$BIN" diff "$F_DIFFS" "$F_DIFFS_AFTER" -o "$OUT/diff.md"
  done
  "$PY" - "$TYPED" "$(cut -d' ' -f1-3 /proc/loadavg)" "$N_DIFFS" "$OUT/diff.md" <<'EOF'
import csv, re, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t")]
def med(tool, key):
    xs = [float(r[key]) for r in rows if r["tool"] == tool and r["status"] == "ok" and r[key] != "-"]
    return statistics.median(xs) if xs else None
n = int(sys.argv[3])
print()
print(f"diff of two {n:,}-row value-differences reports: medians of alternating runs (load after: {sys.argv[2]})")
print(f"{'tool':<14} {'wall s':>8} {'peak MB':>8}")
print("-" * 32)
for tool in ["summary-old", "summary-new", "diff"]:
    print(f"{tool:<14} {med(tool, 'wall_s') or '-':>8} {med(tool, 'rss_mb') or '-':>8}")
d, a, b = med("diff", "wall_s"), med("summary-old", "wall_s"), med("summary-new", "wall_s")
if d and a and b:
    print(f"ratio diff / (summary old + summary new): {d / (a + b):.2f}")
want = {"newly inconsistent": n // 20, "resolved": (n + 9) // 10, "still inconsistent": n - (n + 9) // 10 + 24}
try:
    text = open(sys.argv[4], encoding="utf-8").read()
    got = {m.group(1): int(m.group(2)) for m in re.finditer(r"^\| (newly inconsistent|resolved|still inconsistent) \|.* \| (\d+) \|$", text, re.M)}
    print("diff counts " + ("match" if got == want else "DIFFER from") + f" the known change: {got}")
except OSError as error:
    print(f"diff output missing: {error}")
for r in rows:
    if r["status"] != "ok":
        print(f"FAILED: {r['tool']} {r['file']} run {r['run']}: {r['status']}")
print("\ntargets: diff <= 2.5 x (summary old + summary new), peak RSS <= 256 MB")
EOF
fi

# ---------------------------------------------------------------- refusals
F_BOMB="$DIR/hostile_zipbomb.xlsx"
F_FAR="$DIR/hostile_farcell.xlsx"
if [ "$REFUSALS_PART" = 0 ]; then :
elif [ -n "$BIN_NOTE" ]; then
  echo "bench: refusals skipped ($BIN_NOTE)" >&2
elif make_data zipbomb 256 "$F_BOMB" && make_data farcell 0 "$F_FAR"; then
  TYPED="$OUT/refusals.tsv"   # measure_typed's table
  printf 'tool\tfile\trun\twall_s\trss_mb\tstatus\n' > "$TYPED"
  echo "bench: refusals (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  measure_typed 1 convert "$F_BOMB" 14 "$BIN" convert "$F_BOMB"
  measure_typed 1 convert "$F_FAR" 14 "$BIN" convert "$F_FAR"
  measure_typed 1 report-csv "$F_FAR" 14 "$BIN" report "$F_FAR" --format csv -q
  "$PY" - "$TYPED" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
print("\nrefusals of hostile workbooks (target: each <= 2 s, peak RSS <= 100 MB)")
for r in rows:
    ok = r["status"] == "ok" and float(r["wall_s"]) <= 2 and float(r["rss_mb"]) <= 100
    print(f"{r['tool']:<12} {r['file']:<26} {r['wall_s']:>6} s {r['rss_mb']:>7} MB  {r['status']}  {'meets' if ok else 'MISSES'} the target")
EOF
fi

# ---------------------------------------------------------------- table
[ "$READER" = 1 ] && "$PY" - "$RESULTS" "$BIN" "$QUICK" "$LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
print()
print(f"drsdiff: {sys.argv[2]}")
print(f"load average before / after: {sys.argv[4]}")
print(f"{'tool':<18} {'file':<28} {'wall s':>8} {'peak RSS MB':>12}  status")
print("-" * 80)
for r in rows:
    print(f"{r['tool']:<18} {r['file']:<28} {r['wall_s']:>8} {r['rss_mb']:>12}  {r['status']}")
def num(tool, file, key="wall_s"):
    for r in rows:
        if r["tool"] == tool and r["file"] == file and r["status"].startswith("ok"):
            try: return float(r[key])
            except ValueError: return None
    return None
print()
print(f"{'file':<28} {'drsdiff/fastexcel':>18} {'drsdiff/inflate-floor':>22} {'drsdiff RSS MB':>15}")
print("-" * 86)
for f in dict.fromkeys(r["file"] for r in rows):
    d, fe, fl = num("drsdiff-convert", f), num("fastexcel", f), num("inflate-floor", f)
    rss = num("drsdiff-convert", f, "rss_mb")
    r1 = f"{d / fe:.2f}" if d is not None and fe else "-"
    r2 = f"{d / fl:.2f}" if d is not None and fl else "-"
    print(f"{f:<28} {r1:>18} {r2:>22} {rss if rss is not None else '-':>15}")
rep = [r for r in rows if r["tool"] == "drsdiff-report"]
for r in rep:
    print(f"\ndrsdiff report --format ndjson on {r['file']}: {r['wall_s']} s, peak RSS {r['rss_mb']} MB ({r['status']})")
quick = sys.argv[3] == "1"
print("\ntargets: convert <= 0.5 x fastexcel on the 1M-row sheet; peak RSS <= 64 MB (inline file, report ndjson)"
      + ("  [quick run: files too small to judge]" if quick else ""))
EOF
echo "bench: raw results in $RESULTS" >&2
