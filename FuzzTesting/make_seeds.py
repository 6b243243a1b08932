#!/usr/bin/env python3
"""Fills FuzzTesting/.corpus/<Target>/ with seed inputs (standard library only).

  make_seeds.py CORPUS_DIR [SHARED_DIR]

Seeds, per target, in the target's input format (see the entry points' documentation):
  - the hand-made minimal cases committed in FuzzTesting/Seeds/<Target>/;
  - every workbook of samples/ and of SHARED_DIR/corpus/peer (../shared by default): whole for
    FuzzZipArchive, and split into its parts for the part-level targets (worksheets, shared strings,
    styles, workbook + relationships);
  - the report samples' sheets as text for FuzzRecognition (from samples/reports/expected/*/*.csv);
  - the JSON answers written in Tests/DRSClientTests and Tests/DRSFakeService for FuzzDRSAnswers.
Each seed is named by its content's hash, so running again adds nothing twice. Parts larger than
the target's -max_len are left out (libFuzzer would only see their beginning).
"""
import csv
import hashlib
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_LEN = {
    "FuzzZipArchive": 256 << 10, "FuzzSheetRows": 64 << 10, "FuzzSharedStrings": 32 << 10, "FuzzStyles": 32 << 10,
    "FuzzWorkbookPart": 16 << 10, "FuzzCellValue": 256, "FuzzVocabularyFile": 16 << 10, "FuzzRecognition": 32 << 10, "FuzzDRSAnswers": 16 << 10,
}


def add(corpus, target, data):
    if len(data) > MAX_LEN[target]:
        return
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        with open(path, "wb") as handle:
            handle.write(data)


def workbooks(shared):
    for base in (os.path.join(ROOT, "samples"), os.path.join(shared, "corpus", "peer")):
        for folder, _, files in os.walk(base):
            for name in sorted(files):
                if name.endswith(".xlsx"):
                    yield os.path.join(folder, name)


def parts(path):
    """The package's parts by lower-cased name, junk (__MACOSX/) left out; {} if it is no ZIP."""
    try:
        archive = zipfile.ZipFile(path)
        found = {}
        for info in archive.infolist():
            key = info.filename.replace("\\", "/").lstrip("/").lower()
            if key.startswith("__macosx/") or key.endswith("/"):
                continue
            try:
                found[key] = archive.read(info)
            except Exception:  # a corrupt peer file: its parts that read are still seeds
                continue
        return found
    except (zipfile.BadZipFile, OSError):
        return {}


def service_answers():
    # The JSON answers the client's tests and fake service hand the decoders: Swift raw string
    # literals, one-line or multi-line, that hold a JSON object (interpolated ones left out).
    pattern = re.compile(r'#"""\n(.*?)"""#|#"(\{.*?)"#', re.S)
    for folder in ("Tests/DRSClientTests", "Tests/DRSFakeService"):
        base = os.path.join(ROOT, folder)
        for name in sorted(os.listdir(base)) if os.path.isdir(base) else []:
            if not name.endswith(".swift"):
                continue
            with open(os.path.join(base, name), encoding="utf-8") as handle:
                source = handle.read()
            for match in pattern.finditer(source):
                text = (match.group(1) or match.group(2)).strip()
                if text.startswith("{") and "\\(" not in text:
                    yield text


def main():
    corpus = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(ROOT), "shared")
    seeds = os.path.join(ROOT, "FuzzTesting", "Seeds")
    for target in sorted(os.listdir(seeds)):
        for name in sorted(os.listdir(os.path.join(seeds, target))):
            with open(os.path.join(seeds, target, name), "rb") as handle:
                add(corpus, target, handle.read())
    for path in workbooks(shared):
        with open(path, "rb") as handle:
            add(corpus, "FuzzZipArchive", handle.read())
        found = parts(path)
        for key, data in found.items():
            if "/worksheets/" in key and key.endswith(".xml"):
                add(corpus, "FuzzSheetRows", data)
            elif key.endswith("sharedstrings.xml"):
                add(corpus, "FuzzSharedStrings", data)
            elif key.endswith("styles.xml"):
                add(corpus, "FuzzStyles", data)
        workbook = next((k for k in found if k.endswith("workbook.xml")), None)
        if workbook:
            folder = workbook.rsplit("/", 1)[0] + "/" if "/" in workbook else ""
            rels = found.get(folder + "_rels/" + workbook.rsplit("/", 1)[-1] + ".rels", b"")
            add(corpus, "FuzzWorkbookPart", found[workbook] + b"\0" + rels + b"\0" + found.get("_rels/.rels", b""))
    expected = os.path.join(ROOT, "samples", "reports", "expected")
    for report in sorted(os.listdir(expected)):
        folder = os.path.join(expected, report)
        if not os.path.isdir(folder) or report == "drsdiff":
            continue
        sheets = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".csv"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    rows = ["\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row) for row in csv.reader(handle)]
                sheets.append("\n".join([name[:-4]] + rows[:120]))
        add(corpus, "FuzzRecognition", "\f".join(sheets).encode("utf-8"))
    for text in service_answers():
        add(corpus, "FuzzDRSAnswers", text.encode("utf-8"))
    example = os.path.join(ROOT, "docs", "vocabulary.example.json")
    with open(example, "rb") as handle:
        add(corpus, "FuzzVocabularyFile", handle.read())
    for target in sorted(MAX_LEN):
        folder = os.path.join(corpus, target)
        count = len(os.listdir(folder)) if os.path.isdir(folder) else 0
        print(f"  {target:<20} {count:>4} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
