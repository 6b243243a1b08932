#!/usr/bin/env python3
"""Score drsdiff's recognition against truth files: sheets, columns, records, values, compare type.

    python3 scripts/score_testbed.py                        # the development set, samples/testbed/dev
    python3 scripts/score_testbed.py samples/testbed/heldout  # a held-out set (score it only at the end)
    python3 scripts/score_testbed.py DIR... [--bin PATH] [--vocabulary FILE] [--per-file] [--details]

Every `*.truth.json` under the folders given (schema drsdiff.sample-truth/v1: samples/reports and
samples/testbed use it) is paired with its workbook, which is read by `drsdiff report --format json`
(the built binary; `--bin`, default .build/release/drsdiff if present, else .build/debug/drsdiff).

- sheets: every sheet of every truth section lies in a drsdiff section of the same kind;
- columns: every truth column (header cell) has the truth concept in drsdiff's section holding the
  truth section's first sheet (a column that is no concept must stay unmapped);
- records: each truth row comes out as one record of the right kind at the same sheet and row, and
  no other record comes out of a recognised section (each stray record counts as one wrong);
- values: each truth value is the record's field (statuses by code, interpreted cells by name,
  counts as integers; a non-concept column's cell must be in `extra`); an empty truth cell counts
  only when drsdiff puts a value there;
- compare type: the report's `compare_type`;
- summaries: what `drsdiff summary --format json` says against the truth file's `summary` (made by
  make_testbed.py from the truth: verdict, compare type, per kind records / consistent /
  inconsistent / incomplete, per database, the largest differences, every table that could not be
  compared with the report's own reason, object types); a workbook counts as right only when every
  one of these is, and each wrong item is listed with --details.

Standard library only; exits 1 when a workbook cannot be read.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTERPRETED = {"object_type", "difference_kind", "operation", "sql_state", "source_exists", "target_exists"}
STATUSES = {"status", "row_result", "value_result"}


class Tally:
    def __init__(self):
        self.right = {"sheets": 0, "columns": 0, "records": 0, "values": 0, "compare type": 0, "summaries": 0}
        self.total = {k: 0 for k in self.right}

    def add(self, what: str, ok: bool, weight: int = 1):
        self.total[what] += weight
        if ok:
            self.right[what] += weight

    def merge(self, other: "Tally"):
        for k in self.right:
            self.right[k] += other.right[k]
            self.total[k] += other.total[k]

    def share(self, what: str) -> float:
        return self.right[what] / self.total[what] if self.total[what] else 1.0


def field_value(concept: str, record: dict):
    value = record.get(concept)
    if value is None:
        return None
    if concept in STATUSES:
        return value
    if concept in INTERPRETED and isinstance(value, dict):
        name = value.get("value")
        if concept == "operation" and isinstance(name, str):
            return name.upper()
        # samples/reports states a repair state by its text (SUCCESS, 成功), the test bed by its name
        return (name, value.get("text")) if concept == "sql_state" else name
    return value


def same(concept: str, want, got) -> bool:
    if concept in STATUSES:
        if got is None:
            return want is None
        return got.get("code") == want if isinstance(want, int) else got.get("value") == want
    if isinstance(got, tuple):
        return want in got
    if isinstance(want, bool) or isinstance(got, bool):
        return want is got
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return float(want) == float(got)
    return want == got


def summary_misses(want: dict, got: dict) -> list[str]:
    """Every way drsdiff's summary differs from the expected one (empty: fully right)."""
    misses = []
    for key in ("verdict", "compare_type"):
        if got.get(key) != want[key]:
            misses.append(f"{key} {got.get(key)}, not {want[key]}")
    counts = ("records", "consistent", "inconsistent", "incomplete")
    got_sections = {s["kind"]: s for s in got.get("sections", [])}
    for sec in want["sections"]:
        found = got_sections.pop(sec["kind"], None)
        if found is None:
            misses.append(f"no {sec['kind']} section")
            continue
        for c in counts:
            if found[c] != sec[c]:
                misses.append(f"{sec['kind']} {c} {found[c]}, not {sec[c]}")
    misses += [f"unexpected {kind} section" for kind in got_sections]
    got_databases = {d["database"]: d for d in got.get("databases", [])}
    for db in want["databases"]:
        found = got_databases.pop(db["database"], None)
        if found is None:
            misses.append(f"no database {db['database']!r}")
            continue
        for c in ("tables", "consistent", "inconsistent", "incomplete", "row_difference"):
            if found[c] != db[c]:
                misses.append(f"database {db['database']!r} {c} {found[c]}, not {db[c]}")
    misses += [f"unexpected database {name!r}" for name in got_databases]
    top = [(t.get("database"), t.get("table"), t["difference"]) for t in got.get("top_tables", [])]
    want_top = [(t["database"], t["table"], t["difference"]) for t in want["top_tables"]]
    if top != want_top:
        misses.append(f"top tables {top}, not {want_top}")
    unc = sorted((u.get("database") or "", u.get("table") or "", u["reason"]) for u in got.get("uncomparable", []))
    want_unc = sorted((u["database"] or "", u["table"] or "", u["reason"]) for u in want["uncomparable"])
    if unc != want_unc:
        misses.append(f"uncomparable {sorted(set(unc) - set(want_unc))} instead of {sorted(set(want_unc) - set(unc))}")
    got_types = {t["object_type"]: t for t in got.get("object_types", [])}
    for t in want["object_types"]:
        found = got_types.pop(t["object_type"], None)
        if found is None:
            misses.append(f"no object type {t['object_type']!r}")
            continue
        status = found.get("status") or {}
        got_status = status.get("code", status.get("value")) if status else None
        if isinstance(t["status"], str):
            got_status = status.get("value") if status else None
        pairs = [(c, found.get(c), t[c]) for c in ("source_count", "target_count", "objects", "inconsistent_objects",
                                                   "incomplete_objects")] + [("status", got_status, t["status"])]
        misses += [f"object type {t['object_type']!r} {c} {g}, not {w}" for c, g, w in pairs if g != w]
    misses += [f"unexpected object type {name!r}" for name in got_types]
    return misses


def score_summary(truth: dict, workbook: Path, name: str, binary: Path, vocabularies: list[Path],
                  details: list[str], tally: Tally) -> None:
    if "summary" not in truth:
        return
    command = [str(binary), "summary", str(workbook), "--format", "json"]
    for v in vocabularies:
        command += ["--vocabulary", str(v)]
    run = subprocess.run(command, capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit(f"score_testbed: {workbook}: drsdiff summary exited {run.returncode}: {run.stderr.decode(errors='replace')}")
    misses = summary_misses(truth["summary"], json.loads(run.stdout))
    tally.add("summaries", not misses)
    details.extend(f"{name}: summary: {m}" for m in misses)


def score_file(truth_path: Path, binary: Path, vocabularies: list[Path], details: list[str]) -> Tally:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    workbook = truth_path.with_name(truth_path.name.replace(".truth.json", ".xlsx"))
    command = [str(binary), "report", str(workbook), "--format", "json"]
    for v in vocabularies:
        command += ["--vocabulary", str(v)]
    run = subprocess.run(command, capture_output=True)
    if run.returncode != 0:
        sys.exit(f"score_testbed: {workbook}: drsdiff exited {run.returncode}: {run.stderr.decode(errors='replace')}")
    report = json.loads(run.stdout)
    name = f"{truth.get('vocabulary', workbook.parent.name)}/{workbook.name}"
    tally = Tally()

    by_sheet = {}
    for section in report["sections"]:
        for sheet in section["sheets"]:
            by_sheet[sheet["name"]] = section
    truth_positions = set()
    for tsec in truth["sections"]:
        for tsheet in tsec["sheets"]:
            found = by_sheet.get(tsheet["name"])
            ok = found is not None and found["kind"] == tsec["kind"]
            tally.add("sheets", ok)
            if not ok:
                details.append(f"{name}: sheet \"{tsheet['name']}\" is {found and found['kind']}, not {tsec['kind']}")
        section = by_sheet.get(tsec["sheets"][0]["name"]) or {"kind": None, "columns": [], "records": []}
        columns = {c["index"]: c for c in section["columns"]}
        for tcol in tsec["columns"]:
            got = columns.get(tcol["index"], {}).get("concept")
            tally.add("columns", got == tcol["concept"])
            if got != tcol["concept"]:
                details.append(f"{name}: {tsec['kind']} column \"{tcol['header']}\" is {got}, not {tcol['concept']}")
        headers = {c["index"]: c["header"] for c in tsec["columns"]}
        records = {(r.get("sheet"), r.get("row")): r for r in section.get("records", [])}
        for trow in tsec["rows"]:
            position = (trow["sheet"], trow["row"])
            truth_positions.add(position)
            record = records.get(position)
            ok = record is not None and record.get("kind") == tsec["kind"]
            tally.add("records", ok)
            record = record or {}
            for concept, want in trow["values"].items():
                if concept.startswith("extra:"):
                    header = concept[len("extra:"):]
                    if want is None:
                        continue
                    got = any(e.get("header") == header and e.get("value") == want for e in record.get("extra", []))
                    tally.add("values", got)
                    if not got:
                        details.append(f"{name}: {trow['sheet']}!{trow['row']} extra \"{header}\" = {want!r} missing")
                    continue
                got = field_value(concept, record)
                if want is None and got is None:
                    continue
                ok = same(concept, want, got)
                tally.add("values", ok)
                if not ok:
                    details.append(f"{name}: {trow['sheet']}!{trow['row']} {concept}: want {want!r}, got {got!r}")
        del headers
    for section in report["sections"]:
        if section["kind"] == "unknown":
            continue
        for record in section.get("records", []):
            if (record.get("sheet"), record.get("row")) not in truth_positions:
                tally.add("records", False)
                details.append(f"{name}: stray record {record.get('sheet')}!{record.get('row')} in {section['kind']}")
    ok = report.get("compare_type") == truth["compare_type"]
    tally.add("compare type", ok)
    if not ok:
        details.append(f"{name}: compare type {report.get('compare_type')}, not {truth['compare_type']}")
    score_summary(truth, workbook, name, binary, vocabularies, details, tally)
    return tally


def line(label: str, tally: Tally) -> str:
    cells = []
    for what in ("sheets", "columns", "records", "values"):
        cells.append(f"{100 * tally.share(what):6.2f} % ({tally.right[what]}/{tally.total[what]})")
    cells.append(f"{tally.right['compare type']} / {tally.total['compare type']}")
    cells.append(f"{tally.right['summaries']} / {tally.total['summaries']}")
    return f"| {label} | " + " | ".join(cells) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "samples" / "testbed" / "dev"])
    ap.add_argument("--bin", type=Path, help="the drsdiff binary")
    ap.add_argument("--vocabulary", type=Path, action="append", default=[], help="passed on to drsdiff")
    ap.add_argument("--per-file", action="store_true", help="a line per workbook")
    ap.add_argument("--details", action="store_true", help="list every mismatch")
    args = ap.parse_args()
    binary = args.bin
    if binary is None:
        release, debug = ROOT / ".build" / "release" / "drsdiff", ROOT / ".build" / "debug" / "drsdiff"
        binary = release if release.exists() and (not debug.exists() or release.stat().st_mtime >= debug.stat().st_mtime) else debug
    if not binary.exists():
        sys.exit(f"score_testbed: {binary} not found: swift build first")

    groups: dict[str, Tally] = {}
    total = Tally()
    details: list[str] = []
    rows = []
    for folder in args.folders:
        truths = sorted(folder.rglob("*.truth.json"))
        if not truths:
            sys.exit(f"score_testbed: no truth files under {folder}")
        for truth_path in truths:
            tally = score_file(truth_path, binary, args.vocabulary, details)
            group = truth_path.parent.name
            groups.setdefault(group, Tally()).merge(tally)
            total.merge(tally)
            if args.per_file:
                rows.append(line(f"{group}/{truth_path.name.replace('.truth.json', '')}", tally))
    print(f"drsdiff: {binary}; {', '.join(str(f) for f in args.folders)}")
    print("| set | sheets right | columns right | records right | values right | compare type | summaries fully right |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)
    for group, tally in sorted(groups.items()):
        print(line(group, tally))
    print(line("**all**", total))
    if args.details:
        print("\nmismatches:" if details else "\nno mismatches")
        for d in details:
            print(f"  {d}")


if __name__ == "__main__":
    main()
