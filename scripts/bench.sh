#!/usr/bin/env bash
# Benchmark drsdiff's .xlsx reading against the inflate floor and two peer readers.
#
#   scripts/bench.sh              # full run: 1,000,000 x 6 inline-string sheet, 300,000 x 6 shared-string
#                                 # sheet, 1,000,000-row DRS value-differences report
#   scripts/bench.sh --quick      # smoke run on small files (50,000 / 15,000 / 50,000 rows)
#   scripts/bench.sh --no-peers   # skip python-calamine and fastexcel
#   scripts/bench.sh --no-build   # don't run `swift build`; use the existing release binary
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
# and, when `drsdiff report --help` succeeds, `drsdiff report DIFFS --format ndjson > /dev/null`;
# when `drsdiff diff --help` succeeds, `drsdiff summary` on DIFFS and on DIFFS_AFTER (the same
# report after a known change: every 10th row gone, every 10th row from the 5th changed, 1/20 as
# many new rows) and `drsdiff diff DIFFS DIFFS_AFTER` (Markdown), whose counts are checked
# against the known change.
# Targets (issues 2, 3 and 11): drsdiff <= 0.5 x fastexcel wall time on the 1M-row sheet, peak RSS
# <= 64 MB on the inline-string file and for `report --format ndjson` on the 1M-row report; the
# diff of the two 1M-row reports in <= 2.5 x the time of `summary` on both, peak RSS <= 256 MB.
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPTS="$ROOT/scripts"
QUICK=0 PEERS=1 BUILD=1
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --no-peers) PEERS=0 ;;
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
make_data inline "$N_INLINE" "$F_INLINE" || exit 1
make_data shared "$N_SHARED" "$F_SHARED" || exit 1
make_data diffs "$N_DIFFS" "$F_DIFFS" || exit 1
F_DIFFS_AFTER="$DIR/diffs_${N_DIFFS}_after.xlsx"
make_data diffs-after "$N_DIFFS" "$F_DIFFS_AFTER" || exit 1

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
if [ -n "$BIN_NOTE" ]; then skip drsdiff-diff "$F_DIFFS_AFTER" "$BIN_NOTE"
elif "$BIN" diff --help >/dev/null 2>&1; then
  measure drsdiff-summary "$F_DIFFS" /dev/null - "$BIN" summary "$F_DIFFS"
  measure drsdiff-summary "$F_DIFFS_AFTER" /dev/null - "$BIN" summary "$F_DIFFS_AFTER"
  # diff exits 1 here (new rows are regressions): only a status above 2 is a failure.
  rm -f "$OUT/diff.md"
  measure drsdiff-diff "$F_DIFFS_AFTER" /dev/null "$OUT/diff.md" \
    sh -c '"$0" diff "$1" "$2" -o "$3"; s=$?; [ "$s" -le 2 ] || exit "$s"' "$BIN" "$F_DIFFS" "$F_DIFFS_AFTER" "$OUT/diff.md"
else
  skip drsdiff-diff "$F_DIFFS_AFTER" "no 'diff' command in this binary"
fi

# ---------------------------------------------------------------- table
"$PY" - "$RESULTS" "$BIN" "$QUICK" "$LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)" "$N_DIFFS" "$OUT/diff.md" <<'EOF'
import csv, re, sys
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
diff = num("drsdiff-diff", next((r["file"] for r in rows if r["tool"] == "drsdiff-diff"), ""))
summaries = [float(r["wall_s"]) for r in rows if r["tool"] == "drsdiff-summary" and r["status"].startswith("ok")]
if diff is not None and len(summaries) == 2:
    rss = num("drsdiff-diff", next(r["file"] for r in rows if r["tool"] == "drsdiff-diff"), "rss_mb")
    print(f"\ndrsdiff diff of two {int(sys.argv[5]):,}-row reports: {diff:.2f} s, peak RSS {rss} MB; "
          f"summary on both: {summaries[0]:.2f} + {summaries[1]:.2f} s; ratio diff / (summary x 2): {diff / sum(summaries):.2f}")
    n = int(sys.argv[5])
    want = {"newly inconsistent": n // 20, "resolved": (n + 9) // 10, "still inconsistent": n - (n + 9) // 10 + 24}
    try:
        text = open(sys.argv[6], encoding="utf-8").read()
        got = {m.group(1): int(m.group(2)) for m in re.finditer(r"^\| (newly inconsistent|resolved|still inconsistent) \|.* \| (\d+) \|$", text, re.M)}
        print("diff counts " + ("match" if got == want else "DIFFER from") + f" the known change: {got} (want {want})")
    except OSError as error:
        print(f"diff output missing: {error}")
quick = sys.argv[3] == "1"
print("\ntargets: convert <= 0.5 x fastexcel on the 1M-row sheet; peak RSS <= 64 MB (inline file, report ndjson); "
      "diff <= 2.5 x summary on both, peak RSS <= 256 MB"
      + ("  [quick run: files too small to judge]" if quick else ""))
EOF
echo "bench: raw results in $RESULTS" >&2
