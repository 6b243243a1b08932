#!/usr/bin/env bash
# docs/library.md's examples, as a user would meet them: each ```swift block that starts with an
# `import` is a program, copied verbatim into a package of its own (scripts/library-consumer,
# which depends on drsdiff by path) and built there. Each program that shows its output (a
# `// Prints:` comment, then one `// ` line per printed line, at the end of the block) is then
# run from the repository's root, where its sample paths are, and must print exactly that.
#
#   scripts/check-library-docs.sh
#
# Builds in .build-consumer/. Under .ci/run, `swift` is its wrapper (the shared build lock).
set -euo pipefail
cd "$(dirname "$0")/.."

docs=docs/library.md
consumer=scripts/library-consumer
examples=$consumer/Examples
scratch=.build-consumer

rm -rf "$examples"
mkdir -p "$examples"

# Example<N>/main.swift for the N-th program block.
awk -v examples="$examples" '
    /^```swift[[:space:]]*$/ { inside = 1; first = 1; next }
    inside && /^```[[:space:]]*$/ { inside = 0; if (file != "") close(file); file = ""; next }
    inside {
        if (first) {
            first = 0
            if ($0 ~ /^import /) {
                count++
                system("mkdir -p " examples "/Example" count)
                file = examples "/Example" count "/main.swift"
            }
        }
        if (file != "") print > file
    }
' "$docs"

count=$(find "$examples" -name main.swift | wc -l)
[ "$count" -gt 0 ] || { echo "check-library-docs: FAIL: no program in $docs" >&2; exit 1; }
echo "check-library-docs: building $count examples of $docs in $consumer"
swift build --package-path "$consumer" --scratch-path "$scratch"
bin=$(swift build --package-path "$consumer" --scratch-path "$scratch" --show-bin-path)

failures=0
ran=0
for program in "$examples"/Example*/main.swift; do
    name=$(basename "$(dirname "$program")")
    grep -q '^// Prints:' "$program" || continue
    # The lines after `// Prints:`, without their `// `.
    expected=$(awk 'found { sub(/^\/\/ ?/, ""); print; next } /^\/\/ Prints:[[:space:]]*$/ { found = 1 }' "$program")
    ran=$((ran + 1))
    if ! actual=$("$bin/$name" 2>&1); then
        echo "check-library-docs: FAIL: $name ($(head -3 "$program" | tr '\n' ' ')…) exited with an error:" >&2
        echo "$actual" >&2
        failures=$((failures + 1))
    elif [ "$actual" != "$expected" ]; then
        echo "check-library-docs: FAIL: $name prints what $docs does not say:" >&2
        diff <(echo "$expected") <(echo "$actual") >&2 || true
        failures=$((failures + 1))
    fi
done
if [ "$failures" -gt 0 ]; then
    echo "check-library-docs: $failures of $ran examples do not print what $docs says" >&2
    exit 1
fi
echo "check-library-docs: ok: $count examples build; the $ran that show their output print it exactly"
