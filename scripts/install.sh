#!/usr/bin/env bash
# Builds drsdiff for release and installs it under PREFIX (default /usr/local):
#
#   PREFIX/bin/drsdiff                                   the binary, Swift runtime linked in
#   PREFIX/share/man/man1/drsdiff.1                      the manual (every command and option)
#   PREFIX/share/bash-completion/completions/drsdiff     bash completion
#   PREFIX/share/zsh/site-functions/_drsdiff             zsh completion
#   PREFIX/share/fish/vendor_completions.d/drsdiff.fish  fish completion
#
#   scripts/install.sh [PREFIX]
#
# The Swift standard library and Foundation are linked statically, so the binary runs where no
# Swift toolchain is installed; libxml2, zlib and libcurl stay system libraries. On Debian the
# development packages the build needs are installed when missing (as root), else named.
# scripts/check-install.sh PREFIX checks the result.
set -euo pipefail

prefix=${1:-/usr/local}
case "$prefix" in
    /*) ;;
    *) prefix="$PWD/$prefix" ;;
esac
cd "$(dirname "$0")/.."

# Static Foundation brings FoundationNetworking, which links libcurl.
packages=(libxml2-dev zlib1g-dev libcurl4-openssl-dev)
if command -v dpkg >/dev/null; then
    missing=()
    for package in "${packages[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "install: installing ${missing[*]}"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${missing[@]}"
        else
            echo "install: the build needs ${missing[*]}: sudo apt-get install -y ${missing[*]}" >&2
            exit 1
        fi
    fi
fi

# A build directory of its own, always built with --static-swift-stdlib: SwiftPM does not relink
# when only that flag changes, so sharing .build with ordinary release builds could install a
# binary linked to the toolchain's libswift*. For the same reason the manual comes from
# swift-argument-parser's generate-manual tool built here, not from its plugin (which builds the
# package again, without the flag).
scratch=.build-install
build=(swift build -c release --static-swift-stdlib --scratch-path "$scratch")
"${build[@]}" --product drsdiff
"${build[@]}" --product generate-manual
bin=$("${build[@]}" --show-bin-path)

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp "$bin/drsdiff" "$staging/drsdiff"
strip "$staging/drsdiff"
"$bin/generate-manual" "$staging/drsdiff" --output-directory "$staging"
# A blank line in a command's discussion separates paragraphs in --help; mdoc wants .Pp there.
sed -i 's/^$/.Pp/' "$staging/drsdiff.1"
for shell in bash zsh fish; do
    "$staging/drsdiff" --generate-completion-script "$shell" > "$staging/completion.$shell"
done

# Each file is copied next to its destination and renamed into place: never half-written.
place() {
    local source=$1 destination=$2 mode=$3
    mkdir -p "$(dirname "$destination")"
    install -m "$mode" "$source" "$destination.tmp-$$"
    mv -f "$destination.tmp-$$" "$destination"
    echo "install: $destination"
}
place "$staging/drsdiff" "$prefix/bin/drsdiff" 755
place "$staging/drsdiff.1" "$prefix/share/man/man1/drsdiff.1" 644
place "$staging/completion.bash" "$prefix/share/bash-completion/completions/drsdiff" 644
place "$staging/completion.zsh" "$prefix/share/zsh/site-functions/_drsdiff" 644
place "$staging/completion.fish" "$prefix/share/fish/vendor_completions.d/drsdiff.fish" 644
