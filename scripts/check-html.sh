#!/usr/bin/env bash
# Renders in headless Chromium the HTML page of every sample report (`drsdiff summary --format
# html`) and of every before/after pair of samples/diff (`drsdiff diff --format html`, pages named
# diff-<pair>), plus the hostile-text samples of samples/hostile (the report made by
# `scripts/make_reports.py --hostile samples/hostile`, whose summary page is checked, and the pair
# made by `scripts/make_diff_samples.py --hostile samples/hostile`, whose diff page is checked),
# and fails a page on:
#   - any console message (the page's own script logs nothing; a blocked script or style, a
#     Content-Security-Policy violation or a script error all log one);
#   - an executed payload: the rendered page's title changed (every hostile payload sets it to
#     PWNED-<n>), or an element the page never makes (img, iframe, a second script);
#   - the page's script not running (the filter boxes it adds are missing);
#   - a blank page (the screenshot has next to no distinct pixels, or the body no text);
#   - for the hostile samples, payloads not shown as text, or a control character (a terminal
#     escape from a cell) left in the page's text.
# Saves OUT/<page>.html, .png (screenshot, 1280 px wide) and .log; the last line is
# "N passed, M failed".
#
#   scripts/check-html.sh [OUT]           # OUT defaults to .build-html
#   BIN=/tmp/x/bin/drsdiff scripts/check-html.sh
#
# Chromium and CJK fonts (for the zh-cn screenshots) come from Debian when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-.build-html}
bin=${BIN:-}
if [ -z "$bin" ]; then
    for candidate in .build/debug/drsdiff .build/release/drsdiff; do
        [ -x "$candidate" ] && { bin=$candidate; break; }
    done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "check-html: no drsdiff binary: swift build, or set BIN" >&2; exit 2; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
if command -v dpkg >/dev/null && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then missing+=(fonts-noto-cjk); fi
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "check-html: installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "check-html: needs ${missing[*]}: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 2
    fi
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser=(timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
         --user-data-dir="$profile" --enable-logging=stderr --v=0 --virtual-time-budget=3000 --window-size=1280,1600)

passed=0
failed=0
# One page per line: its name, then the drsdiff command line that writes it.
pages=()
for workbook in samples/reports/*.xlsx samples/hostile/*.xlsx; do
    case $workbook in *.before.xlsx | *.after.xlsx) continue ;; esac
    pages+=("$(basename "$workbook" .xlsx)|summary|$workbook")
done
for before in samples/diff/*.before.xlsx samples/hostile/*.before.xlsx; do
    pair=${before%.before.xlsx}
    pages+=("diff-$(basename "$pair")|diff|$before|$pair.after.xlsx")
done

for entry in "${pages[@]}"; do
    IFS='|' read -r -a fields <<< "$entry"
    name=${fields[0]}
    page="$out/$name.html"
    # diff exits 1 (regressions) or 2 (incomplete) with a whole page: only a missing page or
    # another status is a failure.
    status=0
    "$bin" "${fields[@]:1}" --format html --quiet -o "$page" 2> "$out/$name.log" || status=$?
    if [ ! -s "$page" ] || { [ "$status" -ne 0 ] && { [ "${fields[1]}" != diff ] || [ "$status" -gt 2 ]; }; }; then
        echo "check-html: FAIL $name: drsdiff exited $status: $(tail -1 "$out/$name.log")"
        failed=$((failed + 1))
        continue
    fi
    "${browser[@]}" --dump-dom "file://$page" > "$out/$name.dom.html" 2>> "$out/$name.log" || true
    "${browser[@]}" --screenshot="$out/$name.png" "file://$page" >/dev/null 2>> "$out/$name.log" || true
    if python3 - "$page" "$out/$name.dom.html" "$out/$name.log" "$out/$name.png" "$name" <<'PYTHON'; then
import html.parser
import re
import struct
import sys
import zlib

source_path, dom_path, log_path, png_path, name = sys.argv[1:]
source = open(source_path, encoding="utf-8").read()
dom = open(dom_path, encoding="utf-8", errors="replace").read()
problems = []

for line in open(log_path, encoding="utf-8", errors="replace"):
    if ":CONSOLE" in line:
        problems.append("console: " + line.split("] ", 1)[-1].strip()[:300])


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.stack, self.title, self.body = [], [], None, []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "link", "input", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if self.stack[-1:] == ["title"] and "head" in self.stack:
            self.title = (self.title or "") + data
        elif "body" in self.stack and "script" not in self.stack and "style" not in self.stack:
            self.body.append(data)


rendered, written = Page(), Page()
rendered.feed(dom)
written.feed(source)
if rendered.title != written.title:
    problems.append(f"the title changed to {rendered.title!r}: a payload ran")
counts = {}
for tag, _ in rendered.tags:
    counts[tag] = counts.get(tag, 0) + 1
for tag in ("img", "iframe", "object", "embed"):
    if counts.get(tag):
        problems.append(f"{counts[tag]} <{tag}> element(s) in the rendered page")
if counts.get("script", 0) != 1:
    problems.append(f"{counts.get('script', 0)} script elements rendered, not 1")
for tag, attrs in rendered.tags:
    handlers = [key for key in attrs if key.startswith("on")]
    if handlers:
        problems.append(f"<{tag}> carries {handlers}")
if not any(tag == "input" and "filter" in attrs.get("class", "") for tag, attrs in rendered.tags):
    problems.append("no filter box: the page's script did not run")
text = re.sub(r"\s+", " ", "".join(rendered.body)).strip()
if len(text) < 200:
    problems.append(f"the page shows almost no text ({len(text)} characters)")

try:
    data = open(png_path, "rb").read()
    position, stream, width, height = 8, b"", 0, 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", data[position + 8:position + 16])
        elif kind == b"IDAT":
            stream += data[position + 8:position + 8 + length]
        position += 12 + length
    distinct = len(set(zlib.decompress(stream)))
    if distinct < 16:
        problems.append(f"the screenshot is blank ({distinct} distinct byte values)")
except (OSError, zlib.error, struct.error) as error:
    problems.append(f"no usable screenshot: {error}")
    width = height = 0

if "hostile" in name:
    shown = set(re.findall(r"PWNED-\d", text))
    if len(shown) < 8:
        problems.append(f"only {sorted(shown)} of the payloads PWNED-0..7 are shown as text")
    # The terminal payloads (make_reports.TERMINAL_HOSTILE, in the summary's sample): shown as
    # text, with no control character left in what the page shows.
    raw = "".join(rendered.body)
    controls = sorted({f"U+{ord(c):04X}" for c in raw if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F})
    if controls:
        problems.append(f"control characters in the page's text: {controls}")
    if name.startswith("hostile_") and ("PWNED-TITLE" not in text or "=HYPERLINK(" not in text):
        problems.append("the terminal and formula payloads are not shown as text")

if problems:
    unique = list(dict.fromkeys(problem[:200] for problem in problems))
    more = f" (and {len(unique) - 6} more)" if len(unique) > 6 else ""
    print(f"check-html: FAIL {name}: " + "; ".join(unique[:6]) + more)
    sys.exit(1)
print(f"check-html: ok {name}: {len(text)} characters of text, screenshot {width}x{height}")
PYTHON
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done
echo "check-html: pages and screenshots in $out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
