#!/usr/bin/env bash
# Make Apache POI usable for the sample generators (optional; needs root and Debian's registry).
#
#   scripts/setup_poi.sh
#
# Debian bookworm's libapache-poi-java 4.0.1 ships a stub poi-ooxml-schemas.jar, so
# `new XSSFWorkbook()` fails with NoClassDefFoundError ...TypeSystemHolder. This rebuilds the full
# jar from Debian's own source package: the OOXML schemas (ooxml-xsds/*.xsd, without
# opc-coreProperties.xsd, which imports Dublin Core schemas from the web, and which POI doesn't
# use: openxml4j handles core properties itself) compiled with Debian's XMLBeans SchemaCompiler and
# POI's ooxmlSchemas.xsdconfig, then javac. About 2 minutes on 2 cores. Result (git-ignored):
# scripts/.cache/poi/poi-ooxml-schemas-full.jar, put first on the classpath by scripts/poi.py.
# `apt-get source` needs a deb-src entry; one is added (/etc/apt/sources.list.d/debian-src.sources)
# when none exists.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE="$ROOT/scripts/.cache/poi"
JAR="$CACHE/poi-ooxml-schemas-full.jar"
if [ -s "$JAR" ]; then echo "setup_poi: $JAR already built"; exit 0; fi
mkdir -p "$CACHE"

need_pkgs=()
for p in libapache-poi-java libxmlbeans-java default-jdk-headless dpkg-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "setup_poi: adding a deb-src entry for bookworm (needed by apt-get source)"
  cat > /etc/apt/sources.list.d/debian-src.sources <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt-get update -qq
fi
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_pkgs[@]}"
fi

cd "$CACHE"
mkdir -p src && cd src
ls libapache-poi-java_4.0.1.orig.tar.xz >/dev/null 2>&1 || apt-get source --download-only libapache-poi-java
rm -rf apache-poi-4.0.1
tar -xJf libapache-poi-java_4.0.1.orig.tar.xz apache-poi-4.0.1/ooxml-xsds \
  apache-poi-4.0.1/src/ooxml/resources/org/apache/poi/schemas/ooxmlSchemas.xsdconfig
cd apache-poi-4.0.1
BUILD="$CACHE/build"
rm -rf "$BUILD" && mkdir -p "$BUILD"
XSDS=$(ls ooxml-xsds/*.xsd | grep -v opc-coreProperties)
echo "setup_poi: compiling the OOXML schemas (XMLBeans)"
# shellcheck disable=SC2086
nice -n 10 java -Xmx3g -cp /usr/share/java/xmlbeans.jar org.apache.xmlbeans.impl.tool.SchemaCompiler -srconly \
  -src "$BUILD/src" -d "$BUILD/classes" $XSDS src/ooxml/resources/org/apache/poi/schemas/ooxmlSchemas.xsdconfig \
  > "$BUILD/schemacompiler.log" 2>&1 || { tail -20 "$BUILD/schemacompiler.log"; exit 1; }
find "$BUILD/src" -name '*.java' > "$BUILD/files.txt"
echo "setup_poi: javac $(wc -l < "$BUILD/files.txt") generated sources"
nice -n 10 javac -J-Xmx3g -nowarn -encoding UTF-8 -cp "/usr/share/java/xmlbeans.jar:$BUILD/classes" -d "$BUILD/classes" \
  @"$BUILD/files.txt" > "$BUILD/javac.log" 2>&1 || { tail -20 "$BUILD/javac.log"; exit 1; }
(cd "$BUILD/classes" && jar cf "$JAR.tmp" .)
mv "$JAR.tmp" "$JAR"
rm -rf "$BUILD" "$CACHE/src/apache-poi-4.0.1"
echo "setup_poi: built $JAR"
