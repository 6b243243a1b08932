#!/usr/bin/env bash
# Checks what scripts/install.sh put under PREFIX:
#   - the binary needs no libswift* library (ldd) and every library it needs is found;
#   - it runs from a clean environment (no PATH to a toolchain, no HOME) and summarises a
#     bundled report exactly as the golden file says;
#   - `man -l` and `MANPATH=PREFIX/share/man man drsdiff` render the page without a warning,
#     and it documents every subcommand;
#   - the bash completion completes subcommands and option values; the zsh and fish ones parse
#     (checked when zsh or fish is installed, else said so).
#
#   scripts/check-install.sh PREFIX
set -euo pipefail

prefix=${1:?usage: scripts/check-install.sh PREFIX}
case "$prefix" in
    /*) ;;
    *) prefix="$PWD/$prefix" ;;
esac
cd "$(dirname "$0")/.."

failures=0
fail() {
    echo "check-install: FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "check-install: ok: $*"; }

binary="$prefix/bin/drsdiff"
page="$prefix/share/man/man1/drsdiff.1"
[ -x "$binary" ] || { echo "check-install: FAIL: $binary is missing" >&2; exit 1; }

# 1. Libraries.
libraries=$(ldd "$binary")
if grep -q 'libswift' <<<"$libraries"; then
    fail "the binary needs Swift runtime libraries: $(grep -o 'libswift[^ ]*' <<<"$libraries" | sort -u | tr '\n' ' ')"
else
    pass "no libswift* dependency ($(wc -l <<<"$libraries") libraries, all system)"
fi
if grep -q 'not found' <<<"$libraries"; then fail "libraries not found: $(grep 'not found' <<<"$libraries" | tr -s ' \t' ' ')"; fi

# 2. A clean environment: the output must be the golden summary, byte for byte.
sample=samples/reports/lines_en-us.xlsx
golden=samples/reports/expected/drsdiff/lines_en-us/summary.json
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if env -i PATH=/usr/bin:/bin "$binary" summary "$sample" --format json > "$scratch/summary.json" 2> "$scratch/stderr" \
    && cmp -s "$scratch/summary.json" "$golden"; then
    pass "runs from a clean environment: summary of $sample matches $golden"
else
    fail "summary of $sample from a clean environment differs from $golden: $(head -c 300 "$scratch/stderr")"
fi
version=$(env -i "$binary" --version)
[ -n "$version" ] && pass "drsdiff --version: $version" || fail "drsdiff --version printed nothing"

# 3. The manual.
subcommands=$("$binary" --help | awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
[ -n "$subcommands" ] || fail "drsdiff --help lists no subcommands"
check_page() {
    local label=$1
    shift
    if ! MANWIDTH=100 "$@" > "$scratch/page.txt" 2> "$scratch/page.err"; then
        fail "$label failed: $(head -c 300 "$scratch/page.err")"
        return
    fi
    if [ -s "$scratch/page.err" ]; then
        fail "$label warns: $(head -5 "$scratch/page.err" | tr '\n' ' ')"
        return
    fi
    local missing=()
    for section in NAME SYNOPSIS DESCRIPTION; do grep -q "^$section" "$scratch/page.txt" || missing+=("$section"); done
    for command in $subcommands; do grep -Eq "^ +$command( |$)" "$scratch/page.txt" || missing+=("$command"); done
    if [ "${#missing[@]}" -gt 0 ]; then
        fail "$label: the page lacks ${missing[*]}"
    else
        pass "$label renders ($(wc -l < "$scratch/page.txt") lines; sections and subcommands: $(echo $subcommands))"
    fi
}
check_page "man -l $page" man -l "$page"
check_page "MANPATH=$prefix/share/man man drsdiff" env MANPATH="$prefix/share/man" man drsdiff

# 4. Completions.
bash_completion="$prefix/share/bash-completion/completions/drsdiff"
completed=$(bash -c '
    source "$1"
    complete_line() {
        COMP_LINE=$1; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<<"$COMP_LINE"
        [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
        _drsdiff drsdiff "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        echo "${COMPREPLY[*]}"
    }
    complete_line "drsdiff su"
    complete_line "drsdiff summary x.xlsx --format "
' _ "$bash_completion" 2>&1) || true
formats=$(sed -n 2p <<<"$completed")
if [ "$(sed -n 1p <<<"$completed")" = "summary" ] && [[ " $formats " == *" md "* && " $formats " == *" json "* ]]; then
    pass "bash completion: 'drsdiff su' → summary, 'summary --format' → $formats"
else
    fail "bash completion gave: $(tr '\n' '|' <<<"$completed")"
fi
for shell in zsh fish; do
    file=$([ "$shell" = zsh ] && echo "$prefix/share/zsh/site-functions/_drsdiff" || echo "$prefix/share/fish/vendor_completions.d/drsdiff.fish")
    [ -s "$file" ] || { fail "$file is missing or empty"; continue; }
    if command -v "$shell" >/dev/null; then
        if "$shell" -n "$file" 2> "$scratch/$shell.err"; then pass "$shell completion parses"; else fail "$shell -n $file: $(cat "$scratch/$shell.err")"; fi
    else
        echo "check-install: skipped: $shell is not installed, $file not parsed"
    fi
done

if [ "$failures" -gt 0 ]; then
    echo "check-install: $failures check(s) failed" >&2
    exit 1
fi
echo "check-install: all checks passed for $prefix"
