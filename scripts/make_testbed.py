#!/usr/bin/env python3
"""Generate the recognition test bed: the DRS report samples reworded with other vocabularies.

    python3 scripts/make_testbed.py                      # (re)writes samples/testbed/
    python3 scripts/make_testbed.py --check              # regenerate in a temp dir, compare with the repo
    python3 scripts/make_testbed.py --vocabularies DIR --out DIR   # another set of vocabularies

Each vocabulary file (scripts/testbed/vocabularies/*.json, format `drsdiff.testbed-vocabulary/v1`,
described in samples/testbed/README.md) words every column concept, sheet name, title, metadata key
and cell vocabulary (results, status texts, difference kinds, operations, repair states,
existence) its own way. For every vocabulary and compare type, the data of the sample built by
scripts/make_reports.py is written again with that wording and a layout drawn from a seeded
random generator: title and metadata rows (or none) above the header, blank rows, columns
permuted, non-concept columns ("Reviewer", "工单号"…) interleaved, unit suffixes on counts, the
row-count sheet sometimes with a status column beside a separate result column, object details
with existence columns. Writers rotate over XlsxWriter (shared and inline strings), openpyxl
(normal and write-only) and Apache POI (XSSF and SXSSF; see scripts/setup_poi.sh).

Beside each workbook, `<compare_type>.truth.json` (schema drsdiff.sample-truth/v1, as for
samples/reports, plus `vocabulary` and `held_out`) states what every cell means. A vocabulary with
`"held_out": true` goes to samples/testbed/heldout/, the others to samples/testbed/dev/.

Python dependencies: scripts/requirements-samples.txt in scripts/.venv (created on first run).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
if __name__ == "__main__":
    from setup_venv import reexec_in_venv

    reexec_in_venv("samples", __file__)

import argparse
import copy
import filecmp
import json
import random
import tempfile

import make_reports as mr
from make_reports import V, Meta, Report, Section, SheetPart
from poi import PoiBook, same_content

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = ROOT / "scripts" / "testbed" / "vocabularies"
OUT = ROOT / "samples" / "testbed"
VOCABULARY_SCHEMA = "drsdiff.testbed-vocabulary/v1"

BUILDERS = [("objects_comparison", mr.objects_report), ("lines", mr.lines_report),
            ("contents", mr.contents_report), ("random", mr.random_report), ("repair_data", mr.repair_report)]
WRITERS = [("xw", False), ("poi", True), ("op", True), ("xw", True), ("poi", False), ("op", False)]
STATUS_CONCEPTS = ("status", "row_result", "value_result")
COUNT_CONCEPTS = ("source_rows", "target_rows", "difference", "source_count", "target_count", "total_rows",
                  "repaired_rows", "failed_rows")
REPAIR_STATE_NAMES = {"SUCCESS": "succeeded", "成功": "succeeded", "FAILED": "failed", "失败": "failed",
                      "NOT_EXECUTED": "not_executed", "未执行": "not_executed"}
EXTRA_VALUES = {
    "en-us": ["J. Smith", "OPS-4711", "A. Chen", "2024-05-14", "K. Rao", "CHG-0815", "M. Lopez", "batch 7"],
    "zh-cn": ["张伟", "GD-20240514-01", "李娜", "第3批", "王磊", "已归档", "刘洋", "待复核"],
}
UNITS = {"en-us": [" (rows)", " (#)", " [count]"], "zh-cn": ["（行）", "(条)", "（个）"]}


def load_vocabulary(path: Path) -> dict:
    vocab = json.loads(path.read_text(encoding="utf-8"))
    if vocab.get("schema") != VOCABULARY_SCHEMA:
        sys.exit(f"make_testbed: {path}: schema must be {VOCABULARY_SCHEMA}")
    for key in ("id", "language", "headers", "sheets", "titles", "metadata", "results", "statuses",
                "difference_kinds", "operations", "repair_states", "existence", "extra_columns"):
        if key not in vocab:
            sys.exit(f"make_testbed: {path}: missing \"{key}\"")
    return vocab


class Rewording:
    """One workbook's wording and layout choices, drawn from the vocabulary with a seeded generator."""

    def __init__(self, vocab: dict, compare_type: str, rng: random.Random):
        self.v, self.ct, self.rng = vocab, compare_type, rng
        self.lang = vocab["language"]
        self.used_headers: set[str] = set()

    def header(self, concept: str) -> str:
        variants = self.v["headers"][concept]
        text = variants[self.rng.randrange(len(variants))]
        if concept in COUNT_CONCEPTS and "(" not in text and "（" not in text and self.rng.random() < 0.3:
            text += self.rng.choice(UNITS[self.lang])
        return text

    def status(self, cell: V, original_short: bool) -> V:
        code = cell.truth
        if code is None:
            return cell
        if original_short and code in (0, 2):
            return V(self.v["results"]["consistent" if code == 2 else "inconsistent"], code)
        return V(self.v["statuses"][str(code)], code)

    def short_result(self, code: int | None) -> V:
        if code not in (0, 2):
            return mr.empty()
        return V(self.v["results"]["consistent" if code == 2 else "inconsistent"], code)

    def metadata(self, originals: list[Meta]) -> list[Meta]:
        layout = self.rng.randrange(3)
        out = []
        for i, m in enumerate(originals):
            key = self.v["metadata"].get(m.name, m.key)
            value = self.v.get("compare_type_values", {}).get(self.ct, m.value) if m.name == "compare_type" else m.value
            colon = ": " if self.lang == "en-us" else "："
            if layout == 0 or (layout == 2 and i % 2):
                out.append(Meta(m.name, key, value, "one_cell", colon))
            else:
                out.append(Meta(m.name, key, value, "two_cells", colon.strip() if layout == 2 else ""))
        return out


def is_short(text: object) -> bool:
    return any(text == pair[i] for pair in mr.SHORT_STATUS.values() for i in (0, 1))


def reword_cell(w: Rewording, concept: str, cell: V) -> V:
    if concept in STATUS_CONCEPTS:
        return w.status(cell, is_short(cell.written))
    if concept == "difference_kind" and cell.truth is not None:
        return V(w.v["difference_kinds"][cell.truth], cell.truth)
    if concept == "operation" and cell.truth is not None:
        return V(w.v["operations"][cell.truth], cell.truth)
    if concept == "sql_state" and cell.truth is not None:
        name = REPAIR_STATE_NAMES[cell.truth]
        return V(w.v["repair_states"][name], name)
    return cell


def exists(value: V) -> bool:
    return value.truth not in (None, "NULL")


def reword_section(w: Rewording, sec: Section, index: int) -> Section:
    rng = w.rng
    concepts = [c for _, c in sec.columns]
    rows_by_part = [[{c: reword_cell(w, c, v) for c, v in r.items()} for r in part.rows] for part in sec.parts]
    # Column kinds the samples lack: existence beside object details, a status beside a separate result.
    if sec.kind == "object_differences":
        concepts += ["source_exists", "target_exists"]
        for rows in rows_by_part:
            for r in rows:
                for side in ("source", "target"):
                    there = exists(r.get(f"{side}_value", mr.empty())) or side == "source"
                    word = w.v["existence"]["exists" if there else "missing"]
                    r[f"{side}_exists"] = V(word, "exists" if there else "missing")
    if sec.kind == "table_row_counts" and rng.random() < 0.5:
        concepts.insert(concepts.index("status") + 1, "row_result")
        for rows in rows_by_part:
            for r in rows:
                code = r["status"].truth
                r["row_result"] = w.short_result(code)
                r["status"] = V(w.v["statuses"][str(code)], code)  # the long text, whatever the result
    columns = [(w.header(c), c) for c in concepts]
    # Two concepts must not share a header text in one sheet (a vocabulary may word them alike).
    seen = set()
    for i, (h, c) in enumerate(columns):
        while h in seen:
            h = w.header(c) if len(w.v["headers"][c]) > 1 and rng.random() < 0.9 else h + " "
        seen.add(h)
        columns[i] = (h, c)
    # Non-concept columns, interleaved.
    for _ in range(rng.choice([0, 1, 1, 2])):
        header = rng.choice([h for h in w.v["extra_columns"] if h not in seen])
        seen.add(header)
        key = "extra:" + header
        columns.insert(rng.randrange(len(columns) + 1), (header, key))
        for rows in rows_by_part:
            for r in rows:
                if rng.random() < 0.7:
                    r[key] = mr.text(rng.choice(EXTRA_VALUES[w.lang]))
    # Column order: kept, lightly or fully permuted.
    order = rng.choice(["keep", "swap", "shuffle"])
    if order == "swap" and len(columns) > 3:
        i, j = rng.sample(range(len(columns)), 2)
        columns[i], columns[j] = columns[j], columns[i]
    elif order == "shuffle":
        rng.shuffle(columns)

    base = w.v["sheets"][sec.kind]
    parts = []
    for n, (part, rows) in enumerate(zip(sec.parts, rows_by_part)):
        name = base if n == 0 else w.v["continuation"].format(name=base, n=n + 1)
        if n == 0:
            title = w.v["titles"][w.ct] if (part.title or rng.random() < 0.3) and rng.random() < 0.85 else None
            meta = w.metadata(part.meta) if part.meta and rng.random() < 0.8 else []
            if index > 0 and meta:
                meta = meta[:rng.randrange(1, len(meta) + 1)]
            blank = rng.random() < 0.6
        else:
            title, meta, blank = None, [], True
        parts.append(SheetPart(name, rows, title, meta, blank_before_header=blank))
    return Section(sec.kind, columns, parts)


def make_book(kind: str, mode: bool, path: Path, keep_from: Path | None):
    if kind == "xw":
        return mr.XWBook(path, constant_memory=mode)
    if kind == "op":
        return mr.OPBook(path, write_only=mode)
    return PoiBook(path, streaming=mode, keep_from=keep_from)


def generate(vocab_dir: Path, out: Path, keep_from: Path | None = None) -> None:
    vocabularies = sorted(vocab_dir.glob("*.json"))
    if not vocabularies:
        sys.exit(f"make_testbed: no vocabulary files in {vocab_dir}")
    count = 0
    for vpath in vocabularies:
        vocab = load_vocabulary(vpath)
        group = "heldout" if vocab.get("held_out") else "dev"
        folder = out / group / vocab["id"]
        folder.mkdir(parents=True, exist_ok=True)
        lang = vocab["language"]
        for number, (ctype, builder) in enumerate(BUILDERS):
            rng = random.Random(f"{vocab['id']}/{ctype}")
            path = folder / f"{ctype}.xlsx"
            wkind, mode = WRITERS[(number + sum(map(ord, vocab["id"]))) % len(WRITERS)]
            book = make_book(wkind, mode, path, (keep_from / group / vocab["id"]) if keep_from else None)
            base = builder(lang, book)
            w = Rewording(vocab, ctype, rng)
            sections = [reword_section(w, copy.deepcopy(sec), i) for i, sec in enumerate(base.sections)]
            rep = Report(ctype, lang, book, sections, notes=[f"reworded with vocabulary {vocab['id']}"])
            truth = mr.write_report(rep, path)
            truth["vocabulary"] = vocab["id"]
            truth["held_out"] = bool(vocab.get("held_out"))
            for sec in truth["sections"]:
                for col in sec["columns"]:
                    if col["concept"].startswith("extra:"):
                        col["concept"] = None
            (folder / f"{ctype}.truth.json").write_text(mr.dump_truth(truth), encoding="utf-8")
            rows = sum(s["row_count"] for s in truth["sections"])
            print(f"{group}/{vocab['id']}/{path.name}: {truth['writer']}, {len(truth['sections'])} sections, {rows} rows")
            count += 1
    print(f"make_testbed: {count} workbooks")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vocabularies", type=Path, default=VOCABULARIES, help="folder of vocabulary files")
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default samples/testbed)")
    ap.add_argument("--check", action="store_true", help="regenerate in a temp dir and diff against --out")
    args = ap.parse_args()
    if not args.check:
        generate(args.vocabularies, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp) / "testbed"
        generate(args.vocabularies, t, args.out)
        bad = []

        def walk(c, prefix=""):
            bad.extend(prefix + f for f in c.diff_files + c.left_only + c.right_only)
            for name, sub in c.subdirs.items():
                walk(sub, prefix + name + "/")

        walk(filecmp.dircmp(args.out, t, ignore=["README.md"]))
        bad = [b for b in bad if not (b.endswith(".xlsx") and same_content(args.out / b, t / b))]
        if bad:
            sys.exit("make_testbed --check: differs: " + ", ".join(bad))
        print(f"make_testbed --check: {args.out} is up to date")


if __name__ == "__main__":
    main()
