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
# Wording of the layouts added for issue 16, where a vocabulary has no "layout_words" of its own.
LAYOUT_WORDS = {
    "en-us": {
        "progress": ["Progress (%)", "Completion %", "Done (%)"],
        "questions": {"row_result": ["Same number of rows?", "Do the counts agree?"],
                      "value_result": ["Values identical?", "Does the data agree?"]},
        "executed": ["Executed", "Applied?", "Ran"],
        "not_compared": "Not compared",
        "generic_table": {"source_table": ["Source Object", "Object"], "target_table": ["Target Object", "Destination Object"]},
        "notes": [["Note:", "row counts exclude filtered rows"], ["Checked by:", "J. Smith"],
                  ["Remarks:", "generated for the weekly sign-off"]],
    },
    "zh-cn": {
        "progress": ["进度(%)", "完成进度（%）", "完成率"],
        "questions": {"row_result": ["行数是否相同？", "两边条数一致吗?"],
                      "value_result": ["数据是否相同？", "内容一致吗?"]},
        "executed": ["已执行", "是否执行", "执行了吗"],
        "not_compared": "未对比",
        "generic_table": {"source_table": ["源对象", "对象"], "target_table": ["目标对象", "目的对象"]},
        "notes": [["说明：", "行数不含过滤掉的行"], ["复核人：", "张伟"], ["备注：", "周报签字用"]],
    },
}
# How often each added layout is drawn (per workbook and section): often enough that every one
# appears in both languages and with several writers.
LAYOUT_ODDS = {"totals": 0.5, "notes": 0.35, "first_column": 0.3, "progress": 0.6, "question": 0.5,
               "executed": 0.85, "reason": 0.8, "result_column": 0.6,
               "generic_table": 0.25}


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
        # The layouts of issue 16 draw from a generator of their own: the earlier layouts stay as they were.
        self.layout_rng = random.Random(f"{vocab['id']}/{compare_type}/issue-16")
        self.words = {**LAYOUT_WORDS[self.lang], **vocab.get("layout_words", {})}
        self.layouts: list[str] = []  # the issue-16 layouts drawn, for the truth file's notes

    def draws(self, layout: str, kind: str = "") -> bool:
        drawn = self.layout_rng.random() < LAYOUT_ODDS[layout]
        if drawn:
            self.layouts.append(f"{kind}: {layout}" if kind else layout)
        return drawn

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
    if sec.kind == "table_row_counts" and (rng.random() < 0.5 or w.draws("result_column", sec.kind)):
        concepts.insert(concepts.index("status") + 1, "row_result")
        reasons_only = w.draws("reason", sec.kind)
        for rows in rows_by_part:
            for r in rows:
                code = r["status"].truth
                r["row_result"] = w.short_result(code)
                r["status"] = V(w.v["statuses"][str(code)], code)  # the long text, whatever the result
                if reasons_only and code not in (0, 2):
                    # a status/reason column beside the result: the reason where the result says "not compared"
                    r["row_result"] = V(w.words["not_compared"], "cannot_compare")
                elif reasons_only:
                    r["status"] = mr.empty()
    added_layouts(w, sec, concepts, rows_by_part)
    columns = [(c[len("extra:"):], c) if c.startswith("extra:") else (w.header(c), c) for c in concepts]
    for i, (_, c) in enumerate(columns):
        if c in w.generic_headers:
            columns[i] = (w.generic_headers[c], c)
        elif c in ("row_result", "value_result") and c in w.question_headers:
            columns[i] = (w.question_headers[c], c)
        elif c == "sql_state" and w.executed_header:
            columns[i] = (w.executed_header, c)
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
    below_table(w, sec.kind, concepts, parts)
    return Section(sec.kind, columns, parts)


def added_layouts(w: Rewording, sec: Section, concepts: list[str], rows_by_part: list[list[dict]]) -> None:
    """Issue 16's column layouts: a progress-percentage column in value overviews, result columns
    headed by a question, table columns headed by a generic noun, a repair sheet whose executed column holds real TRUE/FALSE cells (a
    statement that ran and failed says so in the vocabulary's word)."""
    w.question_headers, w.executed_header, w.generic_headers = {}, None, {}
    if sec.kind in ("table_values", "sampling") and w.draws("progress", sec.kind):
        header = w.layout_rng.choice(w.words["progress"])
        key = "extra:" + header
        concepts.insert(concepts.index("target_rows") + 1, key)
        as_text = w.layout_rng.random() < 0.5
        for rows in rows_by_part:
            for r in rows:
                done = 100 if r["value_result"].truth in (0, 2) else 0
                r[key] = V(f"{done}%", f"{done}%") if as_text else V(done, str(done))
    for concept in ("row_result", "value_result"):
        if concept in concepts and w.draws("question", f"{sec.kind} {concept}"):
            w.question_headers[concept] = w.layout_rng.choice(w.words["questions"][concept])
    if "source_table" in concepts and sec.kind != "object_differences" and w.draws("generic_table", sec.kind):
        # identity headers with a generic noun ("Object", "对象"): the cells hold table names
        for concept in ("source_table", "target_table"):
            if concept in concepts:
                w.generic_headers[concept] = w.layout_rng.choice(w.words["generic_table"][concept])
    if sec.kind == "repair_statements" and w.draws("executed", sec.kind):
        w.executed_header = w.layout_rng.choice(w.words["executed"])
        for rows in rows_by_part:
            for r in rows:
                state = r["sql_state"].truth
                # ran: TRUE; not run: FALSE; a statement that ran and failed says so in words
                r["sql_state"] = {"succeeded": V(True, "succeeded"), "not_executed": V(False, "not_executed")}.get(
                    state, V(w.v["repair_states"]["failed"], "failed"))


def below_table(w: Rewording, kind: str, concepts: list[str], parts: list[SheetPart]) -> None:
    """Issue 16's row layouts: an empty first column, a totals line (no identity, the counts'
    sums) under an object overview or a row-count sheet, notes rows after a blank row."""
    if kind in ("object_differences", "table_row_counts", "table_values", "object_summary") and w.draws("first_column", kind):
        for part in parts:
            part.first_column = 1
    last = parts[-1]
    summed = {"object_summary": ("source_count", "target_count"),
              "table_row_counts": ("source_rows", "target_rows", "difference")}.get(kind)
    if summed and w.draws("totals", kind):
        last.totals = {c: V(sum(r[c].truth for r in last.rows if isinstance(r[c].truth, int)), None) for c in summed}
    if w.draws("notes", kind):
        last.trailer = [list(line) for line in w.layout_rng.sample(w.words["notes"], 2)]


# ------------------------------------------------------------------ what `summary` must say

SUMMARY_TOP = 10  # `drsdiff summary`'s default --top
CONSISTENT_CODES = {2, 10}
INCONSISTENT_CODES = {0, 3, 8, 9, 11, 12, 21, 22}
CATEGORY_ORDER = ["consistent", "inconsistent", "incomplete"]
REPAIR_CATEGORY = {"succeeded": "consistent", "failed": "inconsistent", "not_executed": "incomplete"}
TABLE_KINDS = ("table_row_counts", "cannot_compare", "table_values", "sampling")


def status_category(status) -> str | None:
    """A status's meaning for the verdict (drs-api.md §3): one side missing or empty is a
    difference, both empty agreement, anything else (failures, timeouts, not compared) incomplete."""
    if status is None:
        return None
    if status in CONSISTENT_CODES:
        return "consistent"
    return "inconsistent" if status in INCONSISTENT_CODES else "incomplete"


def worst(candidates: list[tuple[str | None, object]]) -> tuple[str | None, object]:
    """The worst (category, payload) present; the first of equals."""
    best = (None, None)
    for category, payload in candidates:
        if category is not None and (best[0] is None or CATEGORY_ORDER.index(category) > CATEGORY_ORDER.index(best[0])):
            best = (category, payload)
    return best


def row_difference(values: dict) -> int | None:
    if isinstance(values.get("difference"), int):
        return values["difference"]
    source, target = values.get("source_rows"), values.get("target_rows")
    return source - target if isinstance(source, int) and isinstance(target, int) else None


def judged(kind: str, row: dict) -> tuple[str | None, str | None]:
    """A truth row's category, and the text of the status that decided it (the reason when incomplete)."""
    values, raw = row["values"], row["raw"]
    results = [c for c in ("status", "row_result", "value_result") if c in values]
    if kind in ("object_summary", "database_summary", "object_differences"):
        category = status_category(values.get("status"))
        if category is None and kind == "object_differences":
            category = "inconsistent" if "missing" in (values.get("source_exists"), values.get("target_exists")) else None
        if category is None and kind == "database_summary" and isinstance(values.get("tables_inconsistent"), int):
            category = "inconsistent" if values["tables_inconsistent"] > 0 else "consistent"
        return category, raw.get("status")
    if kind in ("table_row_counts", "table_values", "sampling"):
        category, concept = worst([(status_category(values[c]), c) for c in results])
        if category is None:
            difference = row_difference(values)
            category = None if difference is None else "consistent" if difference == 0 else "inconsistent"
        return category, raw.get(concept) if concept else None
    if kind == "cannot_compare":
        return "incomplete", raw.get("status")
    if kind == "value_differences":
        return "inconsistent", None
    if kind == "repair_statements":
        return REPAIR_CATEGORY.get(values.get("sql_state")), None
    if kind == "repair_progress":
        failed, total, repaired = values.get("failed_rows"), values.get("total_rows"), values.get("repaired_rows")
        if isinstance(failed, int) and failed > 0:
            return "inconsistent", None
        if isinstance(total, int) and isinstance(repaired, int):
            return ("incomplete" if repaired < total else "consistent"), None
    return None, None


def expected_summary(truth: dict) -> dict:
    """What `drsdiff summary --format json` must say of a workbook, from its truth: the verdict,
    the compare type, each kind's counts, each database's, the largest row differences, every
    table that could not be compared with the report's own reason, the object types."""
    sections, databases, top, uncomparable, object_types = [], {}, [], [], {}
    for sec in truth["sections"]:
        kind = sec["kind"]
        tally = {"kind": kind, "records": 0, "consistent": 0, "inconsistent": 0, "incomplete": 0}
        for row in sec["rows"]:
            values = row["values"]
            category, status_text = judged(kind, row)
            tally["records"] += 1
            if category:
                tally[category] += 1
            database = values.get("source_database") or values.get("target_database")
            table = values.get("source_table") or values.get("target_table")
            if kind == "database_summary":
                databases.setdefault(database or "", new_database(database or ""))
            if kind in TABLE_KINDS:
                entry = databases.setdefault(database or "", new_database(database or ""))
                entry["tables"] += 1
                if category:
                    entry[category] += 1
                difference = row_difference(values) if kind != "cannot_compare" else None
                entry["row_difference"] += abs(difference or 0)
                if difference:
                    top.append({"database": database, "table": table, "difference": difference})
                if category == "incomplete":
                    reason = values.get("message") or status_text or "no reason given"
                    uncomparable.append({"database": database, "table": table, "reason": reason})
            if kind in ("object_summary", "object_differences"):
                name = values.get("object_type") or ""
                entry = object_types.setdefault(name, {"object_type": name, "source_count": None, "target_count": None,
                                                       "status": None, "objects": 0, "inconsistent_objects": 0,
                                                       "incomplete_objects": 0})
                if kind == "object_summary":
                    entry.update(source_count=values.get("source_count"), target_count=values.get("target_count"),
                                 status=values.get("status"))
                else:
                    entry["objects"] += 1
                    if category in ("inconsistent", "incomplete"):
                        entry[f"{category}_objects"] += 1
        sections.append(tally)
    judged_count = sum(t["consistent"] + t["inconsistent"] + t["incomplete"] for t in sections)
    if judged_count == 0 or any(t["incomplete"] for t in sections):
        verdict = "incomplete"
    else:
        verdict = "inconsistent" if any(t["inconsistent"] for t in sections) else "consistent"
    top = sorted(enumerate(top), key=lambda p: (-abs(p[1]["difference"]), p[0]))[:SUMMARY_TOP]
    return {"verdict": verdict, "compare_type": truth["compare_type"], "sections": sections,
            "databases": list(databases.values()), "top_tables": [t for _, t in top],
            "uncomparable": uncomparable, "object_types": list(object_types.values())}


def new_database(name: str) -> dict:
    return {"database": name, "tables": 0, "consistent": 0, "inconsistent": 0, "incomplete": 0, "row_difference": 0}


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
            rep = Report(ctype, lang, book, sections, notes=[f"reworded with vocabulary {vocab['id']}"]
                         + [f"layout {layout}" for layout in w.layouts])
            truth = mr.write_report(rep, path)
            truth["vocabulary"] = vocab["id"]
            truth["held_out"] = bool(vocab.get("held_out"))
            for sec in truth["sections"]:
                for col in sec["columns"]:
                    if col["concept"].startswith("extra:"):
                        col["concept"] = None
            truth["summary"] = expected_summary(truth)
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
