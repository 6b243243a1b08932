#!/usr/bin/env python3
"""Generate the before/after report pairs in samples/diff/ with the truth of every change.

    python3 scripts/make_diff_samples.py            # (re)writes samples/diff/
    python3 scripts/make_diff_samples.py --check    # regenerate into a temp dir, compare with the repo
    python3 scripts/make_diff_samples.py --hostile DIR   # only the hostile-text pair, into DIR

Ten pairs, one per compare type x language: `<compare_type>_<lang>.before.xlsx` is the report
scripts/make_reports.py builds (same builders, same seeds), `.after.xlsx` the same report after a
set of known edits: rows turned inconsistent, consistent or not comparable, differences grown,
tables moved to the "cannot be compared" sheet and back, rows removed and added, values changed.
Both are written by real writers (XlsxWriter, openpyxl; never drsdiff), and each sheet is read
back by the conformance suite's reference reader to check that what is read is what was written.

`<name>.truth.json` (schema `drsdiff.diff-sample-truth/v1`) states, for every entry of either
report, how it changed, worked out here from the meaning of the cells (status codes, counts,
keys) by the rules of docs/report.md ("diff"), independently of drsdiff: see samples/diff/README.md.

Python dependencies: scripts/requirements-samples.txt in scripts/.venv (created on first run).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, str(Path(__file__).resolve().parent))
if __name__ == "__main__":
    from setup_venv import reexec_in_venv

    reexec_in_venv("samples", __file__)

import argparse
import copy
import filecmp
import json
import tempfile

from make_reports import (HOSTILE, OPBook, Report, V, XWBook, contents_report, count, empty, hostile_values_report, lines_report,
                          objects_report, random_report, repair_report, status, text, write_report)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "diff"
TRUTH_SCHEMA = "drsdiff.diff-sample-truth/v1"

# ------------------------------------------------------------------ meaning of a row (docs/report.md, "Verdicts")

CONSISTENT = {2, 10}
INCONSISTENT = {0, 3, 8, 9, 11, 12, 21, 22}
ORDER = ["consistent", "inconsistent", "incomplete"]
REPAIR_STATES = {"SUCCESS": "consistent", "成功": "consistent", "FAILED": "inconsistent", "失败": "inconsistent"}
TABLE_RESULTS = {"table_row_counts", "table_values", "sampling", "repair_progress"}
DIFF_ORDER = {"database_summary": 0, "table_row_counts": 1, "table_values": 1, "sampling": 1, "repair_progress": 1,
              "cannot_compare": 2, "object_summary": 3, "object_differences": 4, "repair_statements": 5,
              "value_differences": 6}
ENTITY = {"database_summary": "database", "table_row_counts": "table", "table_values": "table", "sampling": "table",
          "repair_progress": "table", "cannot_compare": "table", "object_summary": "object_type",
          "object_differences": "object", "value_differences": "value_difference", "repair_statements": "repair_statement"}
ENTITY_LEVEL = ["database", "table", "object_type", "object", "value_difference", "repair_statement"]
KINDS = ["newly_inconsistent", "resolved", "still_inconsistent", "newly_not_comparable", "compared_again",
         "still_not_comparable", "added", "removed", "unchanged"]


def code_category(code: int, objects: bool = False) -> str:
    if objects and code == 3:
        return "incomplete"
    return "consistent" if code in CONSISTENT else "inconsistent" if code in INCONSISTENT else "incomplete"


def worst(categories) -> str | None:
    cats = [c for c in categories if c]
    return max(cats, key=ORDER.index) if cats else None


def by_difference(v: dict) -> str | None:
    d = v.get("difference")
    if d is None and v.get("source_rows") is not None and v.get("target_rows") is not None:
        d = v["source_rows"] - v["target_rows"]
    return None if d is None else ("consistent" if d == 0 else "inconsistent")


def category(kind: str, v: dict) -> str | None:
    if kind in ("object_summary", "object_differences"):
        return None if v.get("status") is None else code_category(v["status"], objects=True)
    if kind == "database_summary":
        if v.get("status") is not None:
            return code_category(v["status"])
        n = v.get("tables_inconsistent")
        return None if n is None else ("inconsistent" if n > 0 else "consistent")
    if kind == "table_row_counts":
        return code_category(v["status"]) if v.get("status") is not None else by_difference(v)
    if kind == "cannot_compare":
        return "incomplete"
    if kind in ("table_values", "sampling"):
        codes = [v.get(k) for k in ("status", "row_result", "value_result") if v.get(k) is not None]
        return worst(code_category(c) for c in codes) if codes else by_difference(v)
    if kind == "value_differences":
        return "inconsistent"
    if kind == "repair_progress":
        if (v.get("failed_rows") or 0) > 0:
            return "inconsistent"
        if v.get("total_rows") is not None and v.get("repaired_rows") is not None:
            return "incomplete" if v["repaired_rows"] < v["total_rows"] else "consistent"
        return None
    if kind == "repair_statements":
        return None if v.get("sql_state") is None else REPAIR_STATES.get(v["sql_state"], "incomplete")
    raise ValueError(kind)


def size(kind: str, v: dict) -> int | None:
    if kind in ("table_row_counts", "table_values", "sampling"):
        d = v.get("difference")
        if d is None and v.get("source_rows") is not None and v.get("target_rows") is not None:
            d = v["source_rows"] - v["target_rows"]
        return None if d is None else abs(d)
    if kind == "repair_progress":
        return v.get("failed_rows")
    if kind == "database_summary":
        return v.get("tables_inconsistent")
    if kind == "object_summary":
        s, t = v.get("source_count"), v.get("target_count")
        return None if s is None or t is None else abs(s - t)
    return None


def norm(s):
    return None if s is None else " ".join(str(s).split())


def key(kind: str, v: dict) -> dict:
    k = dict.fromkeys(["database", "table", "object_type", "name", "key_values", "column", "operation"])
    db = v.get("source_database") or v.get("target_database")
    table = v.get("source_table") or v.get("target_table")
    entity = ENTITY[kind]
    if entity == "database":
        k["database"] = db
    elif entity == "table":
        k["database"], k["table"] = db, table
    elif entity == "object_type":
        k["object_type"] = v.get("object_type")
    elif entity == "object":
        k["object_type"], k["database"], k["name"] = v.get("object_type"), db, v.get("object_name")
    else:
        k["database"], k["table"] = db, table
        k["key_values"] = v.get("key_values") or v.get("source_key_values") or v.get("target_key_values")
        if entity == "value_difference":
            k["column"] = v.get("column")
        else:
            k["operation"] = v["operation"].lower() if v.get("operation") else None
    return {name: norm(value) for name, value in k.items()}


def entries(rep: Report) -> list[dict]:
    """Every keyed row, in the order a diff reads the sections (tables before their rows)."""
    out = []
    order = sorted(range(len(rep.sections)), key=lambda i: (DIFF_ORDER[rep.sections[i].kind], i))
    for i in order:
        sec = rep.sections[i]
        for part in sec.parts:
            for row in part.rows:
                v = {c: cell.truth for c, cell in row.items() if not c.startswith("_")}
                state = "inconsistent" if sec.kind == "value_differences" else (category(sec.kind, v) or "incomplete")
                out.append({"kind": sec.kind, "entity": ENTITY[sec.kind], "key": key(sec.kind, v), "state": state,
                            "size": size(sec.kind, v)})
    return out


def report_verdict(es: list[dict], rep: Report) -> str:
    cats = []
    for sec in rep.sections:
        for part in sec.parts:
            for row in part.rows:
                cats.append(category(sec.kind, {c: cell.truth for c, cell in row.items() if not c.startswith("_")}))
    judged = [c for c in cats if c]
    return "incomplete" if not judged or "incomplete" in judged else "inconsistent" if "inconsistent" in judged else "consistent"


def kind_of(old: str | None, new: str | None) -> str:
    if old is None:
        return "unchanged" if new is None else "added"
    if new is None:
        return "removed"
    if old == new:
        return {"consistent": "unchanged", "inconsistent": "still_inconsistent", "incomplete": "still_not_comparable"}[old]
    if old == "incomplete":
        return "compared_again"
    if new == "incomplete":
        return "newly_not_comparable"
    return "newly_inconsistent" if new == "inconsistent" else "resolved"


def absent_row_state(tables: dict, listed: bool, k: dict) -> str | None:
    if not listed:
        return "consistent"
    state = tables.get((k["database"], k["table"]))
    return None if state is None else ("incomplete" if state == "incomplete" else "consistent")


def truth_changes(before: Report, after: Report) -> list[dict]:
    old, new = entries(before), entries(after)
    tables = []
    for side in (old, new):
        t = {}
        for e in side:
            if e["entity"] == "table":
                k = (e["key"]["database"], e["key"]["table"])
                t[k] = worst([t.get(k), e["state"]])
        tables.append((t, any(e["entity"] == "table" for e in side)))
    waiting = {}
    for e in old:
        waiting.setdefault((e["entity"], json.dumps(e["key"])), []).append(e)
    changes = []

    def regression(kind, new_state, old_size, new_size):
        if kind in ("newly_inconsistent", "newly_not_comparable"):
            return True
        if kind == "added":
            return new_state != "consistent"
        if kind == "still_inconsistent":
            return old_size is not None and new_size is not None and new_size > old_size
        return False

    for e in new:
        queue = waiting.get((e["entity"], json.dumps(e["key"])))
        if queue:
            o = queue.pop(0)
            o["paired"] = True
            old_state, old_size = o["state"], o["size"]
        else:
            old_state = absent_row_state(*tables[0], e["key"]) if e["entity"] == "value_difference" else None
            old_size = None
        k = kind_of(old_state, e["state"])
        changes.append({"change": k, "entity": e["entity"], "regression": regression(k, e["state"], old_size, e["size"]),
                        "key": e["key"]})
    for o in old:
        if o.get("paired"):
            continue
        new_state = absent_row_state(*tables[1], o["key"]) if o["entity"] == "value_difference" else None
        k = kind_of(o["state"], new_state)
        changes.append({"change": k, "entity": o["entity"], "regression": regression(k, new_state, None, None), "key": o["key"]})
    return changes


# ------------------------------------------------------------------ the edits


def lang_of(rep: Report) -> str:
    return "en" if rep.lang == "en-us" else "zh"


def set_state(kind: str, row: dict, state: str, lang: str, grow: int = 0) -> None:
    """Rewrites a row's cells so that it reads as `state` (and, when inconsistent, differs by `grow` more)."""
    v = {c: cell.truth for c, cell in row.items() if not c.startswith("_")}
    if kind in ("table_row_counts", "table_values", "sampling"):
        src = v.get("source_rows") or 1000
        delta = {"consistent": 0, "inconsistent": abs(v.get("difference") or 0) + grow or 7, "incomplete": None}[state]
        row["source_rows"] = count(src)
        row["target_rows"] = count(src - delta) if delta is not None else empty()
        row["difference"] = count(delta) if delta is not None else empty()
        code = {"consistent": 2, "inconsistent": 0, "incomplete": 4}[state]
        if kind == "table_row_counts":
            row["status"] = status(code, lang)
        else:
            row["row_result"] = status(2 if state == "consistent" or delta == 0 else code, lang)
            row["value_result"] = status(code, lang)
            row["message"] = empty()
    elif kind == "database_summary":
        row["status"] = status({"consistent": 2, "inconsistent": 0, "incomplete": 4}[state], lang)
        row["tables_inconsistent"] = count(0 if state != "inconsistent" else (v.get("tables_inconsistent") or 0) + max(grow, 1))
    elif kind == "object_summary":
        s = v.get("source_count") or 5
        row["source_count"] = count(s)
        row["target_count"] = count(s - (0 if state != "inconsistent" else abs(s - (v.get("target_count") or s)) + max(grow, 1)))
        row["status"] = status({"consistent": 2, "inconsistent": 0, "incomplete": 4}[state], lang)
    elif kind == "object_differences":
        row["status"] = status({"consistent": 2, "inconsistent": 0, "incomplete": 4}[state], lang)
        row["message"] = empty() if state == "consistent" else row.get("message", empty())
    elif kind == "repair_progress":
        total = v.get("total_rows") or 5
        failed = 0 if state != "inconsistent" else (v.get("failed_rows") or 0) + max(grow, 1)
        row["total_rows"] = count(total + failed)
        row["repaired_rows"] = count(total - (1 if state == "incomplete" else 0))
        row["failed_rows"] = count(failed)
    elif kind == "repair_statements":
        words = {"en": {"consistent": "SUCCESS", "inconsistent": "FAILED", "incomplete": "NOT_EXECUTED"},
                 "zh": {"consistent": "成功", "inconsistent": "失败", "incomplete": "未执行"}}[lang]
        row["sql_state"] = text(words[state])
    else:
        raise ValueError(kind)


def prepare(rep: Report) -> None:
    """Applied to both reports: every section of entries gets at least two that are not comparable
    (the builders' reports have one in some), so that one can be compared again and one stay."""
    lang = lang_of(rep)
    for sec in rep.sections:
        if sec.kind in ("cannot_compare", "value_differences"):
            continue
        rows = [r for p in sec.parts for r in p.rows]
        cats = [category(sec.kind, {k: cell.truth for k, cell in r.items() if not k.startswith("_")}) or "incomplete" for r in rows]
        missing = 2 - cats.count("incomplete")
        for r, c in reversed(list(zip(rows, cats))):
            if missing <= 0:
                break
            if c == "consistent":
                set_state(sec.kind, r, "incomplete", lang)
                missing -= 1


def edit(after: Report) -> None:
    """The known edits: per section, the first rows of each state are turned, grown, removed; rows are added."""
    lang = lang_of(after)
    by_kind = {s.kind: s for s in after.sections}
    moved_to_cannot, compared_again, added_table = None, None, None
    for sec in after.sections:
        if sec.kind in ("cannot_compare", "value_differences"):
            continue
        rows = [(p, r) for p in sec.parts for r in p.rows]
        picks = {"consistent": [], "inconsistent": [], "incomplete": []}
        for p, r in rows:
            c = category(sec.kind, {k: cell.truth for k, cell in r.items() if not k.startswith("_")}) or "incomplete"
            picks[c].append((p, r))
        removed = []
        if picks["consistent"]:
            set_state(sec.kind, picks["consistent"][0][1], "inconsistent", lang)           # newly inconsistent
        if len(picks["consistent"]) > 1:
            set_state(sec.kind, picks["consistent"][1][1], "incomplete", lang)            # newly not comparable
        if len(picks["consistent"]) > 2:
            removed.append(picks["consistent"][2])                                        # removed
        if picks["inconsistent"]:
            set_state(sec.kind, picks["inconsistent"][0][1], "consistent", lang)          # resolved
        if len(picks["inconsistent"]) > 1:
            set_state(sec.kind, picks["inconsistent"][1][1], "inconsistent", lang, grow=5)  # still inconsistent, larger
        if len(picks["inconsistent"]) > 2:
            set_state(sec.kind, picks["inconsistent"][2][1], "incomplete", lang)          # newly not comparable
        if picks["incomplete"]:
            set_state(sec.kind, picks["incomplete"][0][1], "consistent", lang)            # compared again
            if sec.kind in TABLE_RESULTS:
                r = picks["incomplete"][0][1]
                compared_again = (r["source_database"].truth, r["source_table"].truth)
        if sec.kind in TABLE_RESULTS and "cannot_compare" in by_kind and len(picks["consistent"]) > 3:
            p, r = picks["consistent"][3]
            removed.append((p, r))
            moved_to_cannot = r
        for p, r in removed:
            p.rows.remove(r)
        # two new entries at the end: one consistent, one not
        last = sec.parts[-1]
        template = rows[-1][1]
        for n, state in enumerate(["consistent", "inconsistent"]):
            r = copy.deepcopy(template)
            for c in ("source_table", "target_table", "object_name"):
                if c in r and r[c].truth:
                    r[c] = text(f"{r[c].truth}_new{n}")
            if sec.kind == "object_summary":
                r["object_type"] = V(["EXTENSIONS", "PLAN_GUIDE"][n], ["EXTENSIONS", "PLAN_GUIDE"][n]) if lang == "en" else \
                    V(["插件", "执行计划"][n], ["EXTENSIONS", "PLAN_GUIDE"][n])
            if sec.kind == "database_summary":
                r["source_database"] = text(f"new_db{n}")
                r["target_database"] = text(f"new_db{n}")
            if sec.kind == "repair_statements":
                r["source_key_values"] = text(f"id=9999{n}")
                r["target_key_values"] = text(f"id=9999{n}")
            set_state(sec.kind, r, state, lang, grow=3)
            last.rows.append(r)
            if sec.kind in TABLE_RESULTS and state == "inconsistent":
                added_table = (r["source_database"].truth, r["source_table"].truth)
    if moved_to_cannot is not None:
        cannot = by_kind["cannot_compare"]
        r = {c: moved_to_cannot.get(c, empty()) for c in ("source_database", "source_table", "target_database", "target_table")}
        r["status"] = status(16, lang)
        r["message"] = text("Lock wait timeout exceeded" if lang == "en" else "锁等待超时")
        cannot.parts[-1].rows.append(r)
    if "cannot_compare" in by_kind and by_kind["cannot_compare"].parts[0].rows:
        # the first table that could not be compared is back among the results, consistent
        cannot = by_kind["cannot_compare"]
        r = cannot.parts[0].rows.pop(0)
        results = next(s for s in after.sections if s.kind in TABLE_RESULTS)
        back = copy.deepcopy(results.parts[-1].rows[0])
        for c in ("source_database", "source_table", "target_database", "target_table"):
            back[c] = r.get(c, empty())
        set_state(results.kind, back, "consistent", lang)
        results.parts[-1].rows.append(back)
    if "value_differences" in by_kind:
        edit_rows(by_kind["value_differences"], lang, compared_again, added_table)


def edit_rows(sec, lang: str, compared_again, added_table) -> None:
    rows = [r for p in sec.parts for r in p.rows]
    first, second = rows[0], rows[1]
    for p in sec.parts:                                                   # resolved: the first row is gone
        if first in p.rows:
            p.rows.remove(first)
    second["target_value"] = text((second["target_value"].truth or "") + " (changed)")   # still inconsistent
    template = rows[2]
    new_rows = []
    for n, table in enumerate([(template["source_database"].truth, template["source_table"].truth), compared_again, added_table]):
        if table is None:
            continue
        r = copy.deepcopy(template)
        r["source_database"], r["source_table"] = text(table[0]), text(table[1])
        r["key_values"] = text(f"id=77777{n}" if lang == "en" or n else f"77777{n}")
        r["column"] = text("amount")
        new_rows.append(r)
    sec.parts[-1].rows.extend(new_rows)


# ------------------------------------------------------------------ the ten pairs

PLAN = [  # (compare type, language, builder, before writer, after writer); xw: XlsxWriter (constant_memory?), op: openpyxl (write-only?)
    ("objects_comparison", "en-us", objects_report, ("xw", False), ("op", False)),
    ("objects_comparison", "zh-cn", objects_report, ("op", True), ("xw", True)),
    ("lines", "en-us", lines_report, ("xw", True), ("xw", False)),
    ("lines", "zh-cn", lines_report, ("op", False), ("xw", True)),
    ("contents", "en-us", contents_report, ("xw", False), ("op", True)),
    ("contents", "zh-cn", contents_report, ("xw", True), ("op", False)),
    ("random", "en-us", random_report, ("op", True), ("xw", False)),
    ("random", "zh-cn", random_report, ("xw", False), ("xw", True)),
    ("repair_data", "en-us", repair_report, ("op", False), ("op", True)),
    ("repair_data", "zh-cn", repair_report, ("xw", True), ("op", False)),
]


def book(kind, path: Path):
    w, mode = kind
    return XWBook(path, constant_memory=mode) if w == "xw" else OPBook(path, write_only=mode)


def write_pair(name: str, before: Report, after: Report, before_path: Path, after_path: Path, out: Path) -> None:
    """Edits `after` (both start as the same report), writes both and the truth of every change."""
    prepare(before)
    prepare(after)
    edit(after)
    changes = truth_changes(before, after)
    write_report(before, before_path)
    write_report(after, after_path)
    counts = {k: sum(1 for c in changes if c["change"] == k) for k in KINDS}
    missing = [k for k, n in counts.items() if n == 0]
    if missing:
        sys.exit(f"make_diff_samples: {name}: no {', '.join(missing)} change: every kind must be exercised")
    old_v, new_v = report_verdict(entries(before), before), report_verdict(entries(after), after)
    regressions = sum(c["regression"] for c in changes)
    verdict = "incomplete" if "incomplete" in (old_v, new_v) else "regressions" if regressions else "no_regressions"
    truth = {"schema": TRUTH_SCHEMA, "old": before_path.name, "new": after_path.name, "compare_type": before.compare_type,
             "language": before.lang, "old_writer": before.book.writer, "new_writer": after.book.writer,
             "old_verdict": old_v, "new_verdict": new_v, "verdict": verdict, "regressions": regressions,
             "counts": counts, "changes": changes}
    text_out = json.dumps({k: v for k, v in truth.items() if k != "changes"}, ensure_ascii=False, indent=1)[:-2]
    text_out += ',\n "changes": [\n' + ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in changes) + "\n ]\n}\n"
    (out / f"{name}.truth.json").write_text(text_out, encoding="utf-8")
    print(f"{name}: {len(changes)} entries, {regressions} regressions, verdict {verdict}; "
          + ", ".join(f"{k} {n}" for k, n in counts.items()))


def generate(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for ctype, lang, builder, wb, wa in PLAN:
        name = f"{ctype}_{lang}"
        before_path, after_path = out / f"{name}.before.xlsx", out / f"{name}.after.xlsx"
        write_pair(name, builder(lang, book(wb, before_path)), builder(lang, book(wa, after_path)), before_path, after_path, out)


def generate_hostile(out: Path) -> None:
    """The hostile-text pair: a value-comparison report whose names, keys and values are HTML and
    script payloads (make_reports.HOSTILE), before and after the same edits as the sample pairs."""
    out.mkdir(parents=True, exist_ok=True)
    name = "hostile_contents_en-us"
    before_path, after_path = out / f"{name}.before.xlsx", out / f"{name}.after.xlsx"
    write_pair(name, hostile_values_report(book(("xw", False), before_path)), hostile_values_report(book(("op", False), after_path)),
               before_path, after_path, out)
    print(f"{name}: {len(HOSTILE)} payloads")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="regenerate in a temp dir and diff against samples/diff")
    ap.add_argument("--hostile", metavar="DIR", type=Path, help="write only the hostile-text pair (hostile_contents_en-us) into DIR")
    args = ap.parse_args()
    if args.hostile:
        generate_hostile(args.hostile)
        return
    if not args.check:
        generate(OUT)
        return
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp) / "diff"
        generate(t)
        c = filecmp.dircmp(OUT, t, ignore=["README.md", "expected"])
        bad = c.diff_files + c.left_only + c.right_only
        if bad:
            sys.exit("make_diff_samples --check: differs: " + ", ".join(bad))
        print("make_diff_samples --check: samples/diff is up to date")


if __name__ == "__main__":
    main()
