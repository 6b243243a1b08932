#!/usr/bin/env python3
"""Write the benchmark workbooks for scripts/bench.sh (run under scripts/.venv).

    bench_data.py inline  ROWS OUT.xlsx   # XlsxWriter constant_memory: inline strings, 6 columns
    bench_data.py shared  ROWS OUT.xlsx   # XlsxWriter normal mode: shared strings, 6 columns
    bench_data.py diffs   ROWS OUT.xlsx   # a DRS value-differences report (contents sample layout)
    bench_data.py diffs-poi ROWS OUT.xlsx # the same, written by Apache POI SXSSF (needs scripts/setup_poi.sh)
    bench_data.py diffs-after ROWS OUT.xlsx   # `diffs` after a known change, for `drsdiff diff`:
                                          # every 10th row gone (resolved), the destination value of
                                          # every 10th row from the 5th on changed (still inconsistent),
                                          # ROWS/20 new rows (newly inconsistent)
    bench_data.py rowcounts ROWS OUT.xlsx # a DRS row-count report with ROWS tables (lines sample layout)
    bench_data.py zipbomb MIB OUT.xlsx    # hostile: a sheet of MIB MiB of spaces deflated ~1000:1
    bench_data.py farcell 0 OUT.xlsx      # hostile: A1 and XFD1048576, a 1048576 x 16384 table once padded

Deterministic (fixed seed, fixed document date). Writes OUT.xlsx.tmp and renames it, so an
interrupted run never leaves a half-written file in the cache.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import sys

import xlsxwriter

CREATED = dt.datetime(2024, 5, 14, 9, 30, 0)
FIRST = ["Wei", "Li", "Anna", "James", "Maria", "Chen", "Olga", "Ahmed", "Sofia", "Kenji", "Priya", "Lucas"]
LAST = ["Zhang", "Wang", "Smith", "Garcia", "Müller", "Ivanova", "Tanaka", "Okafor", "Rossi", "Kim"]
ODD_NAMES = ['O\'Brien, Pat', 'The "Best" Shop', "Zhang San 张三", "Lee, Ann-Marie", "  padded  "]
COMMENTS = [
    "delivered", "awaiting payment", "refund requested, customer called twice",
    'marked "urgent" by support', "地址已更新", "split shipment: 2 of 3 boxes",
    "note with\nline break", "VIP, priority = high", "", "",
]
BASE_DAY = dt.date(2020, 1, 1)


def book(path: str, constant_memory: bool) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(path, {"constant_memory": constant_memory})
    wb.set_properties({"created": CREATED, "author": "drsdiff bench"})
    return wb


def table(path: str, rows: int, constant_memory: bool) -> None:
    rng = random.Random(20240514)
    wb = book(path, constant_memory)
    bold = wb.add_format({"bold": True})
    datef = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws = wb.add_worksheet("data")
    ws.write_row(0, 0, ["id", "customer", "amount", "quantity", "order_date", "comment"], bold)
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    for r in range(1, rows + 1):
        x = rng.random()
        name = ODD_NAMES[r % len(ODD_NAMES)] if x < 0.05 else names[int(x * 1_000_003) % len(names)]
        ws.write_number(r, 0, 1_000_000 + r)
        ws.write_string(r, 1, name)
        ws.write_number(r, 2, round(rng.uniform(-500.0, 99_999.99), 2))
        ws.write_number(r, 3, rng.randrange(0, 10_000))
        ws.write_datetime(r, 4, BASE_DAY + dt.timedelta(days=rng.randrange(0, 1800)), datef)
        c = COMMENTS[rng.randrange(len(COMMENTS))]
        if rng.random() < 0.3:
            c = f"order #{r:07d}, {c or 'no note'}"
        if c:
            ws.write_string(r, 5, c)
    wb.close()


DBS = ["shop", "crm", "billing"]
TABLES = ["orders", "order_items", "customers", "payments", "refunds", "invoices", "sessions", "events_2024"]
COLUMNS = ["amount", "status", "remark", "updated_at", "address"]
KINDS = ["Both differ", "Both differ", "Only in source", "Both differ", "Only in destination"]
VALUES = {
    "amount": ("12.50", "12.5"), "status": ("PAID", "NULL"), "remark": ("first line\nsecond line", ""),
    "updated_at": ("2024-05-14 10:21:33", "2024-05-14 10:21:34"), "address": ("北京市海淀区", "北京市 海淀区"),
}


def diffs(path: str, rows: int, after: bool = False) -> None:
    """Like samples/reports/contents_en-us.xlsx's "Value Differences" sheet, one million rows long.
    `after`: the known change of diffs-after (the random draws stay aligned with the original)."""
    rng = random.Random(20240515)
    wb = book(path, True)
    bold = wb.add_format({"bold": True})
    title = wb.add_format({"bold": True, "font_size": 14, "align": "center"})
    wrap = wb.add_format({"text_wrap": True})
    ws = wb.add_worksheet("Value Differences")
    ws.merge_range(0, 0, 0, 8, "Value Differences", title)
    ws.write_string(1, 0, "Task ID: 9c1b7e2f-03d4-4a8b-b6f1-2e5d8c7a1jb01")
    ws.write_string(2, 0, "Compare Type: Value comparison")
    header = ["Source Database", "Source Table", "Difference Type", "Key Values", "Column Name",
              "Source Value", "Target Value", "Source Select SQL", "Target Select SQL"]
    ws.write_row(4, 0, header, bold)
    ws.freeze_panes(5, 0)
    r = 4
    extra = rows // 20 if after else 0
    for i in range(rows + extra):
        db = DBS[i % 3]
        t = TABLES[(i // 3) % len(TABLES)]
        kind = KINDS[i % 5]
        key = f"{rng.randrange(1, 10_000_000):07d}" if i < rows else f"{10_000_000 + i:08d}"
        col = COLUMNS[rng.randrange(len(COLUMNS))] if kind == "Both differ" else None
        if after and i < rows and i % 10 == 0:
            continue
        r += 1
        sql = f"SELECT *\nFROM `{db}`.`{t}`\nWHERE `id` = '{key}';"
        ws.write_string(r, 0, db)
        ws.write_string(r, 1, t)
        ws.write_string(r, 2, kind)
        ws.write_string(r, 3, f"id={key}")
        if kind == "Both differ":
            sv, tv = VALUES[col]
            if after and i % 10 == 5:
                tv = (tv or "") + " (changed)"
            ws.write_string(r, 4, col)
            ws.write_string(r, 5, sv, wrap if "\n" in sv else None)
            if tv:
                ws.write_string(r, 6, tv)
        if kind != "Only in destination":
            ws.write_string(r, 7, sql, wrap)
        if kind != "Only in source":
            ws.write_string(r, 8, sql, wrap)
    # a small second section, as in a real value-comparison report
    ws2 = wb.add_worksheet("Table Results")
    ws2.write_row(0, 0, ["Source DB Name", "Source Table Name", "Target DB Name", "Target Table Name",
                         "Rows in Source", "Rows in Target", "Different Rows", "Row Comparison Result",
                         "Value Comparison Result", "Additional Info", "Row Filter"], bold)
    # every table the differences name, so that each differing row's table is known
    for j, (db, t) in enumerate((db, t) for t in TABLES for db in DBS):
        ws2.write_row(j + 1, 0, [db, t, db, t, "4.339028215E9", 4339028215, 0, "Consistent", "Inconsistent", "", ""])
    wb.close()


def diff_rows(rows: int):
    """The value-differences rows of `diffs`, as lists of cell values (None for an empty cell)."""
    rng = random.Random(20240515)
    for i in range(rows):
        db = DBS[i % 3]
        t = TABLES[(i // 3) % len(TABLES)]
        kind = KINDS[i % 5]
        key = f"{rng.randrange(1, 10_000_000):07d}"
        sql = f"SELECT *\nFROM `{db}`.`{t}`\nWHERE `id` = '{key}';"
        col = sv = tv = None
        if kind == "Both differ":
            col = COLUMNS[rng.randrange(len(COLUMNS))]
            sv, tv = VALUES[col]
        yield [db, t, kind, f"id={key}", col, sv, tv or None,
               sql if kind != "Only in destination" else None, sql if kind != "Only in source" else None]


def diffs_poi(path: str, rows: int) -> None:
    """`diffs` written by Apache POI's streaming SXSSFWorkbook (inline strings), as DRS's Java back
    end would. The plan is streamed to a file: a million rows must not sit in memory here."""
    import subprocess
    import tempfile
    import poi

    why = poi.unavailable()
    if why:
        sys.exit(f"bench_data: Apache POI unavailable: {why}")
    poi._compile()
    header = ["Source Database", "Source Table", "Difference Type", "Key Values", "Column Name",
              "Source Value", "Target Value", "Source Select SQL", "Target Select SQL"]
    with tempfile.TemporaryDirectory() as tmp:
        plan = os.path.join(tmp, "plan.txt")
        with open(plan, "w", encoding="utf-8") as f:
            f.write("BOOK\tsxssf\nSHEET\tValue Differences\n")
            f.write("MERGE\t0\t0\t0\t8\nROW\t0\n" + poi.cell(0, "Value Differences", "title") + "\n")
            f.write("ROW\t1\n" + poi.cell(0, "Task ID: 9c1b7e2f-03d4-4a8b-b6f1-2e5d8c7a1jb01") + "\n")
            f.write("ROW\t2\n" + poi.cell(0, "Compare Type: Value comparison") + "\n")
            f.write("ROW\t4\n" + "\n".join(poi.cell(c, h, "bold") for c, h in enumerate(header)) + "\n")
            f.write("FREEZE\t5\n")
            for i, values in enumerate(diff_rows(rows)):
                f.write(f"ROW\t{5 + i}\n")
                for c, v in enumerate(values):
                    if v is not None:
                        f.write(poi.cell(c, v, "wrap" if "\n" in v else "-") + "\n")
            f.write("SHEET\tTable Results\nROW\t0\n")
            f.write("\n".join(poi.cell(c, h, "bold") for c, h in enumerate(
                ["Source DB Name", "Source Table Name", "Target DB Name", "Target Table Name", "Rows in Source",
                 "Rows in Target", "Different Rows", "Row Comparison Result", "Value Comparison Result"])) + "\n")
            for j, (db, t) in enumerate((db, t) for t in TABLES for db in DBS):   # as in `diffs`
                f.write(f"ROW\t{j + 1}\n" + "\n".join(poi.cell(c, v) for c, v in enumerate(
                    [db, t, db, t, "4.339028215E9", 4339028215, 0, "Consistent", "Inconsistent"])) + "\n")
        subprocess.run(["java", "-Duser.timezone=UTC", "-Djava.awt.headless=true", "-Xmx2g", "-cp", poi.classpath(),
                        "PoiWriter", plan, path], check=True)


RESULTS = ["Consistent"] * 7 + ["Inconsistent", "Consistent", "The comparison failed"]


def rowcounts(path: str, rows: int) -> None:
    """A row-count report (the lines sample's layout) comparing `rows` tables."""
    rng = random.Random(20240516)
    wb = book(path, True)
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Database Overview")
    ws.write_row(0, 0, ["Source Database", "Destination Database", "Tables Compared", "Tables Finished",
                        "Inconsistent Tables", "Tables Not Compared"], bold)
    for j, db in enumerate(DBS):
        ws.write_row(j + 1, 0, [db, db, rows // 3, rows // 3, rows // 30, 0])
    ws = wb.add_worksheet("Table Details")
    ws.write_string(0, 0, "Row Comparison Report")
    ws.write_string(1, 0, "Task ID: 9c1b7e2f-03d4-4a8b-b6f1-2e5d8c7a1jb01")
    ws.write_row(3, 0, ["Source Database", "Source Table", "Destination Database", "Destination Table",
                        "Source Rows", "Destination Rows", "Difference", "Comparison Result", "Remarks"], bold)
    for i in range(rows):
        db = DBS[i % 3]
        t = f"{TABLES[i % len(TABLES)]}_{i // len(TABLES):06d}"
        source = rng.randrange(0, 50_000_000)
        result = RESULTS[i % len(RESULTS)]
        target = source if result == "Consistent" else source - rng.randrange(1, 500)
        r = 4 + i
        ws.write_row(r, 0, [db, t, db, t, source, target, source - target, result])
        if result != "Consistent":
            ws.write_string(r, 8, "checked again after resync" if i % 2 else "")
    wb.close()


def hostile(path: str, sheet_xml: bytes) -> None:
    """A minimal workbook around one sheet's XML (stdlib zipfile: XlsxWriter writes no such sheet)."""
    import zipfile
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=CREATED.timetuple()[:6]), data, zipfile.ZIP_DEFLATED)


SHEET_START = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_END = b"</sheetData></worksheet>"


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] in ("zipbomb", "farcell"):
        kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        if kind == "zipbomb":
            sheet = SHEET_START + b" " * (size << 20) + SHEET_END
        else:
            sheet = SHEET_START + b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>' + SHEET_END
        hostile(out + ".tmp", sheet)
        os.replace(out + ".tmp", out)
        return
    if len(sys.argv) != 4 or sys.argv[1] not in ("inline", "shared", "diffs", "diffs-after", "diffs-poi", "rowcounts"):
        sys.exit(__doc__)
    kind, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    tmp = out + ".tmp"
    if kind in ("diffs", "diffs-after"):
        diffs(tmp, rows, after=kind == "diffs-after")
    elif kind == "diffs-poi":
        diffs_poi(tmp, rows)
    elif kind == "rowcounts":
        rowcounts(tmp, rows)
    else:
        table(tmp, rows, constant_memory=(kind == "inline"))
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
