#!/usr/bin/env python3
"""Generate the reader samples in samples/xlsx/ and their golden CSVs.

    python3 scripts/make_samples.py            # (re)writes samples/xlsx/*.xlsx and expected/
    python3 scripts/make_samples.py --check    # regenerate into a temp dir, compare with the repo

Every workbook is written by a real spreadsheet writer (XlsxWriter, openpyxl, LibreOffice Calc,
Apache POI), never by drsdiff. The golden CSVs come from the conformance suite's independent reference reader
(`../shared/conformance/tools/policy_reader.py`, or $POLICY_READER), one file per worksheet:
samples/xlsx/expected/<workbook stem>/<sheet name>.csv.

Python dependencies are pinned in scripts/requirements-samples.txt and installed into
scripts/.venv, which this script creates and re-executes itself under. LibreOffice (`soffice`,
Debian package libreoffice-calc-nogui) and Apache POI (scripts/setup_poi.sh) are optional:
without them the workbooks they wrote, already in the repository, are kept as they are (their
expected CSVs are still regenerated).

Deterministic: fixed contents, fixed document dates, fixed ZIP timestamps (XlsxWriter does this
itself; openpyxl is saved through its own ExcelWriter into a ZipFile with a fixed date).
LibreOffice and POI stamp the save time into the ZIP: a rerun keeps the existing file when all its
parts are unchanged (poi.replace_if_changed), and --check compares those files part by part.
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
import datetime as dt
import filecmp
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "xlsx"
CREATED = dt.datetime(2024, 5, 14, 9, 30, 0)
ZIP_DATE = (2024, 5, 14, 9, 30, 0)


def policy_reader_path() -> Path:
    p = os.environ.get("POLICY_READER")
    if p:
        return Path(p)
    return ROOT.parent / "shared" / "conformance" / "tools" / "policy_reader.py"


# ------------------------------------------------------------------ helpers shared with make_reports


class _FixedDateZip(zipfile.ZipFile):
    """A ZipFile whose entries all carry one fixed timestamp (openpyxl stamps 'now' otherwise)."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zi = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_DATE)
            zi.compress_type = self.compression
            zi.external_attr = 0o600 << 16
            zinfo_or_arcname = zi
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl adds worksheets from temporary files this way
        with open(filename, "rb") as f:
            self.writestr(arcname or Path(filename).name, f.read())


def save_openpyxl(wb: openpyxl.Workbook, path: Path) -> None:
    """openpyxl's own save_workbook(), minus the two wall-clock stamps (modified date, ZIP dates)."""
    wb.properties.created = CREATED
    wb.properties.modified = CREATED
    wb.properties.creator = "openpyxl"
    with _FixedDateZip(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()


def xlsxwriter_book(path: Path, **options) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(path), options)
    wb.set_properties({"created": CREATED, "author": "drsdiff samples"})
    return wb


# ------------------------------------------------------------------ workbook 1: XlsxWriter, shared strings

NUMBERS = [
    ("zero", 0),
    ("one", 1),
    ("minus one", -1),
    ("929", 929),
    ("large integer", 123456789012),
    ("2^53 - 1", 2**53 - 1),
    ("2^53", float(2**53)),
    ("0.1", 0.1),
    ("0.1 + 0.2", 0.1 + 0.2),
    ("negative float", -42.5),
    ("pi", 3.141592653589793),
    ("1e20", 1e20),
    ("1e16", 1e16),
    ("5e-05", 5e-05),
    ("tiny", 1.5e-10),
    ("row count as double", 4339028215.0),
    ("big double", 4.89290024005183e17),
    ("negative zero", -0.0),
    ("negative tiny", -2.5e-7),
    ("money", 1234567.89),
]


def make_xlsxwriter_shared(path: Path) -> None:
    wb = xlsxwriter_book(path)
    bold = wb.add_format({"bold": True})
    italic = wb.add_format({"italic": True})
    red = wb.add_format({"color": "red"})
    title = wb.add_format({"bold": True, "font_size": 14, "align": "center"})
    wrap = wb.add_format({"text_wrap": True})
    pct = wb.add_format({"num_format": "0.00%"})
    thousands = wb.add_format({"num_format": "#,##0.00"})
    sci = wb.add_format({"num_format": "0.00E+00"})

    # --- Numbers: value, then the same value under number formats that must NOT be applied
    ws = wb.add_worksheet("Numbers")
    ws.write_row(0, 0, ["label", "General", "0.00%", "#,##0.00", "0.00E+00"], bold)
    for i, (label, v) in enumerate(NUMBERS, start=1):
        ws.write_string(i, 0, label)
        ws.write_number(i, 1, v)
        ws.write_number(i, 2, v, pct)
        ws.write_number(i, 3, v, thousands)
        ws.write_number(i, 4, v, sci)

    # --- Cells: booleans, errors with cached values, formulas with cached results
    ws = wb.add_worksheet("Cells")
    ws.write_row(0, 0, ["kind", "value", "note"], bold)
    rows = [
        ("boolean true", lambda r: ws.write_boolean(r, 1, True), ""),
        ("boolean false", lambda r: ws.write_boolean(r, 1, False), ""),
        ("#DIV/0!", lambda r: ws.write_formula(r, 1, "=1/0", None, "#DIV/0!"), "=1/0"),
        ("#N/A", lambda r: ws.write_formula(r, 1, "=NA()", None, "#N/A"), "=NA()"),
        ("#NAME?", lambda r: ws.write_formula(r, 1, "=NOSUCHFUNCTION()", None, "#NAME?"), "unknown function"),
        ("#REF!", lambda r: ws.write_formula(r, 1, "=#REF!", None, "#REF!"), "deleted reference"),
        ("#NUM!", lambda r: ws.write_formula(r, 1, "=SQRT(-1)", None, "#NUM!"), "=SQRT(-1)"),
        ("#VALUE!", lambda r: ws.write_formula(r, 1, '="a"+1', None, "#VALUE!"), "text plus number"),
        ("#NULL!", lambda r: ws.write_formula(r, 1, "=A1 B1", None, "#NULL!"), "empty intersection"),
        ("formula number", lambda r: ws.write_formula(r, 1, "=6*7", None, 42), "cached 42"),
        ("formula float", lambda r: ws.write_formula(r, 1, "=1/3", None, 1 / 3), "cached 1/3"),
        ("formula text", lambda r: ws.write_formula(r, 1, '="drs"&"diff"', None, "drsdiff"), 't="str"'),
        ("formula text spaces", lambda r: ws.write_formula(r, 1, '="  padded  "', None, "  padded  "), 't="str" is not trimmed'),
        ("formula boolean", lambda r: ws.write_formula(r, 1, "=1=1", None, True), "cached TRUE"),
        ("formula, no cached value", lambda r: ws.write_formula(r, 1, "=SUM(1,2)", None, ""), "empty <v>"),
    ]
    for i, (kind, write, note) in enumerate(rows, start=1):
        ws.write_string(i, 0, kind)
        write(i)
        if note:
            ws.write_string(i, 2, note)

    # --- Dates: every date/time class, custom formats with literals, elapsed time, edge serials
    ws = wb.add_worksheet("Dates")
    ws.write_row(0, 0, ["label", "value", "format"], bold)
    date_rows = [
        ("date", dt.date(2024, 5, 14), "yyyy-mm-dd"),
        ("built-in 14", dt.date(2023, 12, 31), 14),
        ("built-in 22", dt.datetime(2024, 2, 29, 13, 45, 0), 22),
        ("time", dt.time(8, 5, 9), "hh:mm:ss"),
        ("time AM/PM", dt.time(15, 30, 0), "h:mm AM/PM"),
        ("built-in 45 mm:ss", dt.time(0, 12, 34), 45),
        ("date-time", dt.datetime(2024, 5, 14, 23, 59, 58), "yyyy-mm-dd hh:mm:ss"),
        ("date-time ms", dt.datetime(2024, 5, 14, 10, 21, 33, 123000), "yyyy-mm-dd hh:mm:ss.000"),
        ("midnight date-time", dt.datetime(2017, 8, 3, 0, 0, 0), "yyyy-mm-dd hh:mm"),
        ("quoted literal", dt.date(2024, 5, 14), 'yyyy"年"m"月"d"日"'),
        ("literal with h and s", dt.date(2024, 5, 14), 'yyyy-mm-dd" (shift hours)"'),
        ("locale bracket", dt.date(2024, 1, 5), "[$-409]mmmm d, yyyy"),
        ("escaped chars", dt.datetime(2024, 1, 5, 7, 8, 0), "dd\\.mm\\.yyyy\\ hh:mm"),
        ("month name", dt.date(2024, 11, 1), "mmm-yy"),
        ("time only on a date-time", dt.datetime(2024, 5, 14, 6, 30, 0), "hh:mm"),
        ("elapsed [h]:mm:ss", 10.6320601851852, "[h]:mm:ss"),
        ("elapsed 36 h", 1.5, "[h]:mm:ss"),
        ("elapsed [mm]:ss", 0.0625, "[mm]:ss"),
        ("negative elapsed", -0.5, "[h]:mm:ss"),
        ("1900-01-01 (serial 1)", dt.date(1900, 1, 1), "yyyy-mm-dd"),
        ("1900-02-28 (serial 59)", dt.date(1900, 2, 28), "yyyy-mm-dd"),
        ("serial 60 (fictitious 1900-02-29)", 60, "yyyy-mm-dd"),
        ("1900-03-01 (serial 61)", dt.date(1900, 3, 1), "yyyy-mm-dd"),
        ("serial 0.5, time", 0.5, "hh:mm:ss"),
        ("negative serial, date format", -1, "yyyy-mm-dd"),
        ("9999-12-31", dt.date(9999, 12, 31), "yyyy-mm-dd"),
        ("number, not a date", 45426, "0"),
    ]
    for i, (label, v, fmt) in enumerate(date_rows, start=1):
        f = wb.add_format({"num_format": fmt})
        ws.write_string(i, 0, label)
        if isinstance(v, (dt.date, dt.time)):
            ws.write_datetime(i, 1, v, f)
        else:
            ws.write_number(i, 1, v, f)
        ws.write_string(i, 2, str(fmt))
    ws.set_column(0, 2, 22)

    # --- Text: rich text, whitespace, line breaks, _x000D_, quoting, CJK, look-alike numbers
    ws = wb.add_worksheet("Text")
    ws.write_row(0, 0, ["label", "text"], bold)
    texts = [
        ("plain", "hello"),
        ("leading spaces", "   leading"),
        ("trailing spaces", "trailing   "),
        ("both", "  both  "),
        ("tab inside", "a\tb"),
        ("multi-line LF", "line one\nline two\nline three"),
        ("CR LF (XlsxWriter writes _x000D_)", "first\r\nsecond"),
        ("literal _x000D_ text", "keep _x000D_ literally"),
        ("literal _x0041_ text", "_x0041_ is not A here"),
        ("comma", "a,b"),
        ("quotes", 'He said "hi", then left'),
        ("CJK", "数据复制服务 对比报告"),
        ("full-width punctuation", "源库：订单表（行）"),
        ("emoji", "ok \U0001F600"),
        ("leading zeros", "000123"),
        ("number-like", "1e5"),
        ("formula-like", "=SUM(A1:A2)"),
        ("NULL text", "NULL"),
        ("only spaces", "   "),
    ]
    r = 1
    for label, t in texts:
        ws.write_string(r, 0, label)
        ws.write_string(r, 1, t, wrap if "\n" in t else None)
        r += 1
    ws.write_string(r, 0, "rich: run ending in a space")
    ws.write_rich_string(r, 1, "Regular ", bold, "Bold", " and ", italic, "italic")
    r += 1
    ws.write_string(r, 0, "rich: leading and trailing spaces")
    ws.write_rich_string(r, 1, "  starts spaced ", red, "red", " ends spaced  ")
    r += 1
    ws.write_string(r, 0, "rich: CJK runs")
    ws.write_rich_string(r, 1, bold, "对比", "结果：", red, "不一致")
    r += 1
    ws.write_string(r, 0, "rich: multi-line")
    ws.write_rich_string(r, 1, bold, "Title\n", "body line 1\nbody line 2", wrap)
    ws.set_column(0, 1, 30)

    # --- Layout: merged title, empty interior rows, sparse cells, hidden row/column, styled blanks
    ws = wb.add_worksheet("Layout")
    ws.merge_range(0, 0, 0, 4, "Merged title over A1:E1", title)
    ws.write_row(1, 0, ["id", "name", "qty"], bold)
    ws.write_row(2, 0, [1, "alpha", 10])
    # row 4 (index 3) is empty
    ws.write_row(4, 0, [2, "beta", 20])
    ws.write_row(5, 0, [3, "gamma", 30])
    ws.set_row(5, None, None, {"hidden": True})
    # rows 7-8 empty; a sparse cell far to the right and below
    ws.write_string(8, 7, "sparse H9")
    ws.write_number(11, 2, 99)
    ws.set_column(6, 6, None, None, {"hidden": True})
    ws.write_string(11, 6, "in hidden column G")
    # styled empty cells past the last value: not part of the output
    ws.write_blank(14, 10, None, bold)
    ws.write_blank(11, 12, None, bold)

    # --- CJK sheet name and headers
    ws = wb.add_worksheet("中文表")
    ws.write_row(0, 0, ["源库名", "源表名", "目标库名", "目标表名", "源库行数", "对比结果"], bold)
    ws.write_row(1, 0, ["订单库", "订单表", "订单库", "订单表", 1024, "对比一致"])
    ws.write_row(2, 0, ["用户库", "用户信息", "用户库", "用户信息", 77, "对比不一致"])
    ws.write_row(3, 0, ["库存", "商品（SKU）", "库存", "商品（SKU）", 0, "目标表不存在"])

    # --- hidden sheet with data
    ws = wb.add_worksheet("Hidden")
    ws.write_row(0, 0, ["hidden sheet", "still a worksheet"])
    ws.write_row(1, 0, [1, 2])
    ws.hide()
    wb.close()


# ------------------------------------------------------------------ workbook 2: XlsxWriter constant_memory (inline strings)


def make_xlsxwriter_inline(path: Path) -> None:
    wb = xlsxwriter_book(path, constant_memory=True)
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"color": "red"})
    title = wb.add_format({"bold": True, "font_size": 14})
    d = wb.add_format({"num_format": "yyyy-mm-dd"})
    t = wb.add_format({"num_format": "hh:mm:ss"})
    dtf = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    el = wb.add_format({"num_format": "[h]:mm:ss"})
    lit = wb.add_format({"num_format": 'yyyy"年"mm"月"dd"日" hh"时"mm"分"'})
    wrap = wb.add_format({"text_wrap": True})

    # constant_memory: rows must be written in order, each row completely before the next.
    ws = wb.add_worksheet("Export")
    ws.merge_range(0, 0, 0, 7, "Streaming export (inline strings)", title)
    ws.write_string(1, 0, "Exported: 2024-05-14")
    ws.write_row(3, 0, ["id", "name", "amount", "ratio", "created", "at", "duration", "ok"], bold)
    data = [
        ("000101", "Zhang San 张三", 1024, 0.1, dt.date(2024, 1, 15), dt.time(9, 0, 0), 1.25, True),
        ("000102", "  padded  ", -3.5, 0.30000000000000004, dt.date(2024, 2, 29), dt.time(23, 59, 59), 0.0, False),
        ("000103", "multi\nline", 4339028215, 1e-06, dt.date(1999, 12, 31), dt.time(12, 0, 0), 100.5, True),
        ("000104", "CR\r\nLF", 1e21, -0.25, dt.date(2000, 1, 1), dt.time(0, 0, 1), 2.0, False),
    ]
    r = 4
    for row in data:
        ws.write_string(r, 0, row[0])
        ws.write_string(r, 1, row[1], wrap if "\n" in row[1] else None)
        ws.write_number(r, 2, row[2])
        ws.write_number(r, 3, row[3])
        ws.write_datetime(r, 4, row[4], d)
        ws.write_datetime(r, 5, row[5], t)
        ws.write_number(r, 6, row[6], el)
        ws.write_boolean(r, 7, row[7])
        r += 1
    r += 1  # one empty interior row
    ws.write_string(r, 0, "rich")
    ws.write_rich_string(r, 1, "Regular ", bold, "Bold", " ", red, "red ")
    ws.write_formula(r, 2, "=1/0", None, "#DIV/0!")
    ws.write_formula(r, 3, "=NA()", None, "#N/A")
    ws.write_datetime(r, 4, dt.datetime(2024, 5, 14, 10, 21, 33), dtf)
    ws.write_datetime(r, 5, dt.datetime(2024, 5, 14, 10, 21, 33), lit)
    ws.write_formula(r, 6, '="x"&"y"', None, "xy")
    r += 1
    ws.write_string(r, 0, "escapes")
    ws.write_string(r, 1, "literal _x000D_ and _x0009_")
    ws.write_string(r, 2, 'quote " and comma ,')
    r += 3  # two empty rows, then a sparse far cell
    ws.write_string(r, 9, "J")

    ws = wb.add_worksheet("差异明细")
    ws.write_row(0, 0, ["源库", "源表", "主键", "列名", "源库值", "目标库值"], bold)
    ws.write_row(1, 0, ["订单库", "订单表", "id=0001", "金额", "12.50", "12.5"])
    ws.write_row(2, 0, ["订单库", "订单表", "id=0002", "备注", "NULL", ""])
    ws.write_row(3, 0, ["订单库", "订单表", "id=0003", "地址", "北京市\n海淀区", "北京市 海淀区"])

    ws = wb.add_worksheet("Empty")  # no cells at all: expected CSV is zero bytes

    ws = wb.add_worksheet("VeryHidden")
    ws.write_row(0, 0, ["very hidden", 1, 2.5])
    ws.very_hidden()
    wb.close()


# ------------------------------------------------------------------ workbook 3: XlsxWriter, 1904 date system


def make_xlsxwriter_1904(path: Path) -> None:
    wb = xlsxwriter_book(path, date_1904=True)
    bold = wb.add_format({"bold": True})
    ws = wb.add_worksheet("Dates1904")
    ws.write_row(0, 0, ["label", "value", "format"], bold)
    rows = [
        ("epoch 1904-01-01", dt.date(1904, 1, 1), "yyyy-mm-dd"),
        ("1904-01-02", dt.date(1904, 1, 2), "yyyy-mm-dd"),
        ("date", dt.date(2024, 5, 14), "yyyy-mm-dd"),
        ("date-time", dt.datetime(2024, 5, 14, 10, 21, 33), "yyyy-mm-dd hh:mm:ss"),
        ("date-time ms", dt.datetime(2024, 5, 14, 10, 21, 33, 500000), "yyyy-mm-dd hh:mm:ss.0"),
        ("time", dt.time(18, 30, 15), "hh:mm:ss"),
        ("elapsed", 2.75, "[h]:mm:ss"),
        ("serial 0 as date", 0, "yyyy-mm-dd"),
        ("serial 60 (no 1900 bug here)", 60, "yyyy-mm-dd"),
        ("plain number", 45426, "General"),
    ]
    for i, (label, v, fmt) in enumerate(rows, start=1):
        f = wb.add_format({"num_format": fmt})
        ws.write_string(i, 0, label)
        if isinstance(v, (dt.date, dt.time)):
            ws.write_datetime(i, 1, v, f)
        else:
            ws.write_number(i, 1, v, f)
        ws.write_string(i, 2, fmt)
    wb.close()


# ------------------------------------------------------------------ workbook 4: openpyxl, normal mode


def make_openpyxl_normal(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Summary"
    ws["A1"] = "openpyxl summary"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["Task ID:", "drs-7f3c2a", None, "Generated", dt.datetime(2024, 5, 14, 10, 21, 33)])
    ws["E3"].number_format = "yyyy-mm-dd hh:mm:ss"
    ws.append([])  # empty interior row
    ws.append(["name", "count", "share", "flag", "when", "note"])
    for c in ws[5]:
        c.font = Font(bold=True)
    rows = [
        ("orders", 929, 0.125, True, dt.date(2024, 1, 2), "plain"),
        ("users", 4339028215, 0.1, False, dt.date(2024, 2, 29), " leading space"),
        ("items", -17, 1e-05, True, dt.datetime(2024, 3, 1, 8, 0, 0), "trailing space "),
        ("logs", 1.5e20, -0.5, False, dt.time(13, 14, 15), "raw CR\r\nLF (written as a literal CR)"),
        ("errors", "#N/A", "#DIV/0!", "#REF!", None, "error cells from strings"),
        ("订单", 12, 0.75, True, dt.date(2023, 12, 31), "中文备注，全角标点"),
    ]
    for row in rows:
        ws.append(row)
    for r in range(6, 6 + len(rows)):
        ws.cell(r, 3).number_format = "0.0%"
        c = ws.cell(r, 5)
        if isinstance(c.value, dt.datetime):
            c.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(c.value, dt.time):
            c.number_format = "h:mm:ss"
    ws.cell(9, 6).alignment = Alignment(wrap_text=True)
    # rich text (openpyxl writes these as inline strings even in normal mode)
    r = 6 + len(rows) + 1
    ws.cell(r, 1, "rich")
    ws.cell(r, 2, CellRichText(["Regular ", TextBlock(InlineFont(b=True), "Bold"), " tail"]))
    ws.cell(r, 3, CellRichText([TextBlock(InlineFont(i=True), "  spaced "), "end  "]))
    ws.cell(r + 2, 8, "sparse H")  # beyond the table, after an empty row

    ws = wb.create_sheet("数据对比")
    ws.append(["源库名称", "源库表名称", "源表行数（行）", "目标表行数（行）", "差异值", "对比结果"])
    ws.append(["订单库", "订单表", 1234, 1230, 4, "对比不一致"])
    ws.append(["订单库", "订单明细", "4.339028215E9", "4.339028215E9", "0.0", "对比一致"])
    ws.append(["用户库", "用户表", "1,234", None, None, "目标表不存在"])
    ws.append(["库", "多行\n文本", 1, 1, 0, "对比一致"])

    ws = wb.create_sheet("Hidden")
    ws.sheet_state = "hidden"
    ws.append(["hidden", 1])

    ws = wb.create_sheet("VeryHidden")
    ws.sheet_state = "veryHidden"
    ws.append(["very hidden", True, 0.5])
    save_openpyxl(wb, path)


# ------------------------------------------------------------------ workbook 5: openpyxl write-only, ISO dates


def make_openpyxl_write_only(path: Path) -> None:
    wb = openpyxl.Workbook(write_only=True, iso_dates=True)
    ws = wb.create_sheet("Rows")
    ws.append(["id", "text", "number", "bool", "date", "date-time", "time"])
    ws.append(["0001", "plain", 1, True, dt.date(2024, 5, 14), dt.datetime(2024, 5, 14, 10, 21, 33), dt.time(8, 0, 0)])
    ws.append(["0002", "  spaced  ", 0.1, False, dt.date(1999, 12, 31), dt.datetime(2000, 1, 1, 0, 0, 0), dt.time(23, 59, 59)])
    ws.append([])
    ws.append(["0003", "line\nbreak", -2.5e-08, None, None, dt.datetime(2024, 2, 29, 12, 30, 0, 250000), None])
    ws.append(["0004", "CR\rhere", 12345678901234567890, True, dt.date(2024, 1, 1), None, dt.time(0, 0, 0)])
    ws.append(["0005", "数据复制服务", 3.0, False, None, None, None])
    ws.append(["0006", CellRichText(["Regular ", TextBlock(InlineFont(b=True), "Bold")]), None, None, None, None, None])
    ws.append(["0007", "#N/A", "#VALUE!", None, None, None, None])

    ws = wb.create_sheet("表二")
    ws.append(["名称", "值"])
    ws.append(["甲", 1])
    ws.append(["乙", "NULL"])
    ws.append(["丙", None])
    ws.append([None, None])
    ws.append(["丁", "末行"])
    save_openpyxl(wb, path)


# ------------------------------------------------------------------ workbook 8: Apache POI SXSSF (streaming)


def make_poi_sxssf(path: Path, keep_from: Path | None) -> None:
    """What the likeliest DRS back end writes: inline strings, <dimension ref="A1"/>, an empty
    sharedStrings.xml, numbers in Java's Double.toString spelling (929.0, 4.339028215E9, 1.0E-4),
    CR LF as &#xd;&#xa;."""
    from poi import PoiBook

    book = PoiBook(path, streaming=True, keep_from=keep_from)
    ws = book.sheet("Report")
    ws.freeze(4)
    ws.title(1, "POI SXSSF export", 6)
    ws.row(2, ["Task ID: drs-poi-0001", None, None, "Generated", dt.datetime(2024, 5, 14, 10, 21, 33, 250000)],
           styles=[None, None, None, None, "fmt:yyyy-mm-dd hh:mm:ss.000"])
    ws.row(4, ["id", "name", "rows", "ratio", "date", "note"], bold=True)
    data = [
        ("000101", "orders", 929, 0.1, dt.date(2024, 1, 15), "plain"),
        ("000102", "  padded  ", 4339028215, 1e-4, dt.date(2024, 2, 29), "CR LF\r\ninside"),
        ("000103", "订单表（历史）", 10000000, -0.5, dt.date(1999, 12, 31), "多行\n备注"),
        ("000104", "big", 1.5e20, 3.0e-7, None, "NULL"),
        ("000105", "zero", 0, -0.0, dt.date(1900, 3, 1), "quote \" and comma ,"),
    ]
    r = 5
    for row in data:
        vals = list(row)
        ws.row(r, vals, styles=[None, None, None, None, "fmt:yyyy-mm-dd", "wrap" if "\n" in vals[5] else None],
               hidden=(r == 7))
        r += 1
    r += 1  # an empty interior row
    ws.row(r, ["kinds", True, False, ("error", "#DIV/0!"), ("error", "#N/A"), ("formula", "SUM(C5:C9)")])
    r += 1
    ws.row(r, ["time", (8 * 3600 + 5 * 60 + 9) / 86400, 1.25, dt.datetime(2024, 5, 14, 0, 0, 0),
               ("rich", [("", "Regular "), ("b", "Bold"), ("i", " italic")])],
           styles=[None, "fmt:hh:mm:ss", "fmt:[h]:mm:ss", "fmt:yyyy\"年\"m\"月\"d\"日\"", None])
    r += 3
    ws.row(r, [None, None, None, None, None, None, None, "sparse H"])

    ws = book.sheet("明细")
    ws.row(1, ["源库名", "源表名", "源库行数", "对比结果"], bold=True)
    ws.row(2, ["order_db", "t_order", 1234, "对比一致"])
    ws.row(3, ["order_db", "退款", 4339028215, "对比不一致"])
    ws.row(4, ["member_db", "会员", None, "目标表不存在"])

    ws = book.sheet("Hidden")
    ws.hide("hidden")
    ws.row(1, ["hidden", 1])
    ws = book.sheet("VeryHidden")
    ws.hide("veryHidden")
    ws.row(1, ["very hidden", 2.5])
    book.close()


# ------------------------------------------------------------------ workbooks 6 and 7: LibreOffice Calc from flat ODS

FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:meta><meta:creation-date>2024-05-14T09:30:00</meta:creation-date><meta:generator>drsdiff samples</meta:generator></office:meta>
 <office:styles>
  <number:date-style style:name="Nisodate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
  <number:date-style style:name="Nisodatetime"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/><number:text> </number:text><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:date-style>
  <number:date-style style:name="Ncjkdate"><number:year number:style="long"/><number:text>年</number:text><number:month/><number:text>月</number:text><number:day/><number:text>日</number:text></number:date-style>
  <number:time-style style:name="Ntime"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>
  <number:time-style style:name="Nelapsed" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>
  <number:percentage-style style:name="Npct"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
  <style:style style:name="Default" style:family="table-cell"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="1.2in"/></style:style>
  <style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>
  <style:style style:name="taHidden" style:family="table"><style:table-properties table:display="false"/></style:style>
  <style:style style:name="ceBold" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="ceTitle" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold" fo:font-size="14pt"/></style:style>
  <style:style style:name="ceWrap" style:family="table-cell" style:parent-style-name="Default"><style:table-cell-properties fo:wrap-option="wrap"/></style:style>
  <style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Nisodate"/>
  <style:style style:name="ceDateTime" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Nisodatetime"/>
  <style:style style:name="ceCjkDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Ncjkdate"/>
  <style:style style:name="ceTime" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Ntime"/>
  <style:style style:name="ceElapsed" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Nelapsed"/>
  <style:style style:name="cePct" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="Npct"/>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="T2" style:family="text"><style:text-properties fo:color="#ff0000"/></style:style>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
"""
FODS_TAIL = " </office:spreadsheet></office:body>\n</office:document>\n"


def _x(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _para(text: str) -> str:
    """A cell's text as ODF paragraphs (one <text:p> per line, spaces kept with <text:s/>)."""
    out = []
    for line in text.split("\n"):
        line = _x(line)
        line = re.sub(r"(?<= ) ", "<text:s/>", line)  # runs of spaces
        if line.startswith(" "):
            line = "<text:s/>" + line[1:]
        out.append(f"<text:p>{line}</text:p>")
    return "".join(out)


def _cell(v, style: str | None = None, *, span: int = 0, markup: str | None = None, formula: str | None = None) -> str:
    st = f' table:style-name="{style}"' if style else ""
    sp = f' table:number-columns-spanned="{span}" table:number-rows-spanned="1"' if span else ""
    fo = f' table:formula="{_x(formula)}"' if formula else ""
    if markup is not None:
        return f'<table:table-cell office:value-type="string"{st}{sp}>{markup}</table:table-cell>'
    if v is None and formula:  # no cached value: LibreOffice recalculates it on load
        return f'<table:table-cell{st}{fo}/>'
    if v is None:
        return f"<table:table-cell{st}/>"
    if isinstance(v, bool):
        return f'<table:table-cell office:value-type="boolean" office:boolean-value="{str(v).lower()}"{st}{fo}><text:p>{str(v).upper()}</text:p></table:table-cell>'
    if isinstance(v, dt.datetime):
        return f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}"{st}{fo}><text:p>{v}</text:p></table:table-cell>'
    if isinstance(v, dt.date):
        return f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}"{st}{fo}><text:p>{v}</text:p></table:table-cell>'
    if isinstance(v, dt.timedelta):
        secs = int(v.total_seconds())
        h, rem = divmod(abs(secs), 3600)
        m, s = divmod(rem, 60)
        return f'<table:table-cell office:value-type="time" office:time-value="PT{h}H{m}M{s}S"{st}{fo}><text:p>{h}:{m:02d}:{s:02d}</text:p></table:table-cell>'
    if isinstance(v, (int, float)):
        kind = "percentage" if style == "cePct" else "float"
        return f'<table:table-cell office:value-type="{kind}" office:value="{v!r}"{st}{fo}><text:p>{v}</text:p></table:table-cell>'
    if isinstance(v, tuple) and v[0] == "error":  # formula whose cached result is an error
        return f'<table:table-cell table:formula="{_x(v[1])}" office:value-type="string" office:string-value=""{st}><text:p>{_x(v[2])}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"{st}{sp}{fo}>{_para(str(v))}</table:table-cell>'


def _row(cells: list[str]) -> str:
    return "<table:table-row>" + "".join(cells) + "</table:table-row>\n"


def _empty_rows(n: int) -> str:
    return f'<table:table-row table:number-rows-repeated="{n}"><table:table-cell/></table:table-row>\n'


def _table(name: str, body: str, hidden: bool = False) -> str:
    style = "taHidden" if hidden else "ta1"
    return (f'<table:table table:name="{_x(name)}" table:style-name="{style}">'
            f'<table:table-column table:style-name="co1" table:number-columns-repeated="8"/>\n{body}</table:table>\n')


def fods_calc() -> str:
    b = "ceBold"
    body = _row([_cell("LibreOffice Calc sample", "ceTitle", span=5), "<table:covered-table-cell/>" * 4])
    body += _row([_cell("Task ID:"), _cell("drs-lo-0001")])
    body += _empty_rows(1)
    body += _row([_cell(h, b) for h in ["label", "text", "number", "date", "flag"]])
    body += _row([_cell("plain"), _cell("hello"), _cell(42), _cell(dt.date(2024, 5, 14), "ceDate"), _cell(True)])
    body += _row([_cell("float"), _cell("0.1"), _cell(0.1), _cell(dt.datetime(2024, 5, 14, 10, 21, 33), "ceDateTime"), _cell(False)])
    body += _row([_cell("multi-line"), _cell("first line\nsecond line", "ceWrap"), _cell(-42.5), _cell(dt.date(2024, 5, 14), "ceCjkDate"), _cell(None)])
    body += _row([_cell("rich"), _cell(None, markup='<text:p>Regular <text:span text:style-name="T1">Bold</text:span> <text:span text:style-name="T2">red</text:span></text:p>'),
                  _cell(1e-05), _cell(dt.timedelta(hours=8, minutes=5, seconds=9), "ceTime"), _cell(None)])
    body += _row([_cell("spaces"), _cell("  padded  "), _cell(123456789012345.0), _cell(dt.timedelta(hours=36, minutes=0, seconds=5), "ceElapsed"), _cell(None)])
    body += _row([_cell("percent"), _cell("12.5%"), _cell(0.125, "cePct"), _cell(None), _cell(None)])
    body += _row([_cell("formula"), _cell(None, formula="of:=\"drs\"&\"diff\""), _cell(None, formula="of:=6*7"), _cell(None), _cell(None, formula="of:=1=1")])
    body += _row([_cell("error"), _cell(None, formula="of:=1/0"), _cell(None, formula="of:=NA()"), _cell(None), _cell(None)])
    body += _empty_rows(2)
    body += _row([_cell(None), _cell(None), _cell(None), _cell(None), _cell(None), _cell(None), _cell("sparse G")])
    out = _table("Calc", body)

    body = _row([_cell(h, b) for h in ["源库名", "源表名", "源库行数", "目标库行数", "对比结果"]])
    body += _row([_cell("订单库"), _cell("订单表"), _cell(1024), _cell(1024), _cell("对比一致")])
    body += _row([_cell("订单库"), _cell("退款（历史）"), _cell("4.339028215E9"), _cell(4339028210), _cell("对比不一致")])
    body += _row([_cell("用户库"), _cell("地址\n明细"), _cell("929.0"), _cell(None), _cell("目标表不存在")])
    out += _table("对比结果", body)

    body = _row([_cell("hidden sheet"), _cell(1)])
    out += _table("Hidden", body, hidden=True)
    return FODS_HEAD + out + FODS_TAIL


def fods_1904() -> str:
    head = FODS_HEAD.replace(" <office:body><office:spreadsheet>\n",
                             ' <office:body><office:spreadsheet>\n  <table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>\n')
    body = _row([_cell(h, "ceBold") for h in ["label", "value"]])
    body += _row([_cell("date"), _cell(dt.date(2024, 5, 14), "ceDate")])
    body += _row([_cell("date-time"), _cell(dt.datetime(2024, 5, 14, 10, 21, 33), "ceDateTime")])
    body += _row([_cell("epoch"), _cell(dt.date(1904, 1, 1), "ceDate")])
    body += _row([_cell("time"), _cell(dt.timedelta(hours=18, minutes=30, seconds=15), "ceTime")])
    body += _row([_cell("number"), _cell(45426)])
    return head + _table("Dates1904", body) + FODS_TAIL


def libreoffice_convert(fods_text: str, dest: Path) -> bool:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (dest.stem + ".fods")
        src.write_text(fods_text, encoding="utf-8")
        profile = Path(tmp) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, str(src)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        from poi import replace_if_changed

        new = dest.with_suffix(".tmp.xlsx")
        shutil.copyfile(Path(tmp) / (dest.stem + ".xlsx"), new)
        replace_if_changed(new, dest)  # keep the committed file when only timestamps differ
    return True


# ------------------------------------------------------------------ golden CSVs and self-checks


def sheet_names(path: Path) -> list[str]:
    """Worksheet names in workbook order (stdlib: the names policy_reader selects by)."""
    import xml.etree.ElementTree as ET

    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("xl/workbook.xml"))
    return [el.get("name") for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "sheet"]


def write_expected(book: Path, expected_root: Path) -> list[Path]:
    reader = policy_reader_path()
    if not reader.exists():
        sys.exit(f"make_samples: reference reader not found: {reader} (set POLICY_READER)")
    dest = expected_root / book.stem
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    out = []
    for name in sheet_names(book):
        res = subprocess.run([sys.executable, str(reader), str(book), name], capture_output=True,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        if res.returncode != 0:
            sys.exit(f"make_samples: policy_reader failed on {book.name} / {name}: {res.stderr.decode()}")
        p = dest / f"{name}.csv"
        p.write_bytes(res.stdout)
        out.append(p)
    return out


def part(z: zipfile.ZipFile, name: str) -> str:
    return z.read(name).decode("utf-8")


def verify(book: Path) -> list[str]:
    """Prove each writer wrote what the README claims, straight from the package XML."""
    facts = []
    with zipfile.ZipFile(book) as z:
        names = z.namelist()
        sheets = "".join(part(z, n) for n in names if n.startswith("xl/worksheets/sheet"))
        sst = part(z, "xl/sharedStrings.xml") if "xl/sharedStrings.xml" in names else ""
        wbx = part(z, "xl/workbook.xml")
    n_sst = sst.count("<si>")
    n_inline = sheets.count('t="inlineStr"')

    def need(cond: bool, what: str):
        if not cond:
            sys.exit(f"make_samples: {book.name}: expected {what}")
        facts.append(what)

    stem = book.stem
    if stem == "xlsxwriter_shared":
        need(n_sst > 0 and n_inline == 0, f"shared strings only ({n_sst} <si>, no inlineStr)")
        need('t="e"' in sheets and 't="str"' in sheets and 't="b"' in sheets, 'error (t="e"), formula text (t="str") and boolean (t="b") cells')
        need("_x000D_" in sst and "_x005F_x000D_" in sst, "CR written as _x000D_, literal _x000D_ as _x005F_x000D_")
        need("<r>" in sst and 'xml:space="preserve"' in sst, "rich-text runs, xml:space=preserve")
        need('state="hidden"' in wbx, "a hidden sheet")
        need("<mergeCell " in sheets, "a merged title")
    elif stem == "xlsxwriter_constant_memory":
        need(n_sst == 0 and n_inline > 0, f"inline strings only ({n_inline} inlineStr, no shared strings)")
        need("<is><r>" in sheets, "rich text inside <is>")
        need('state="veryHidden"' in wbx, "a veryHidden sheet")
        need('t="e"' in sheets and 't="str"' in sheets, "error and formula-text cells")
    elif stem == "xlsxwriter_1904":
        need('date1904="1"' in wbx, 'workbookPr date1904="1"')
    elif stem == "openpyxl_normal":
        need(n_sst == 0 and n_inline > 0, f"inline strings only, also in normal mode ({n_inline} inlineStr)")
        need("\r" in sheets, "a raw CR inside the text (an XML parser turns CR LF into LF)")
        need("<is><r>" in sheets, "rich text inside <is>")
        need('state="hidden"' in wbx and 'state="veryHidden"' in wbx, "hidden and veryHidden sheets")
        need('t="e"' in sheets, "error cells")
    elif stem == "openpyxl_write_only":
        need(n_sst == 0 and n_inline > 0, f"inline strings only ({n_inline} inlineStr)")
        need('t="d"' in sheets, 'ISO 8601 date cells (t="d")')
        need("<dimension" not in sheets, "no <dimension>")
    elif stem == "libreoffice_calc":
        need(n_sst > 0, f"shared strings ({n_sst} <si>)")
        need("<r>" in sst, "rich-text runs in shared strings")
        need('t="e"' in sheets and 't="b"' in sheets and 't="str"' in sheets, "error, boolean and formula-text cells")
        need('state="hidden"' in wbx, "a hidden sheet")
    elif stem == "poi_sxssf":
        need(n_inline > 0 and n_sst == 0 and "xl/sharedStrings.xml" in names, f"inline strings only ({n_inline}), an empty sharedStrings.xml")
        need('<dimension ref="A1"/>' in sheets, '<dimension ref="A1"/> on every sheet')
        need("<v>929.0</v>" in sheets and "<v>4.339028215E9</v>" in sheets, "numbers spelled 929.0 and 4.339028215E9")
        need("&#xd;&#xa;" in sheets, "CR LF as &#xd;&#xa;")
        need('t="e"' in sheets and 't="b"' in sheets, "error and boolean cells")
        need('state="hidden"' in wbx and 'state="veryHidden"' in wbx, "hidden and veryHidden sheets")
    elif stem == "libreoffice_1904":
        need('date1904="true"' in wbx or 'date1904="1"' in wbx, "workbookPr date1904")
    return facts


WORKBOOKS = [
    ("xlsxwriter_shared", make_xlsxwriter_shared),
    ("xlsxwriter_constant_memory", make_xlsxwriter_inline),
    ("xlsxwriter_1904", make_xlsxwriter_1904),
    ("openpyxl_normal", make_openpyxl_normal),
    ("openpyxl_write_only", make_openpyxl_write_only),
    ("libreoffice_calc", fods_calc),
    ("libreoffice_1904", fods_1904),
    ("poi_sxssf", make_poi_sxssf),
]


def generate(out: Path, keep_from: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for stem, maker in WORKBOOKS:
        dest = out / f"{stem}.xlsx"
        if stem.startswith("libreoffice"):
            if not libreoffice_convert(maker(), dest):
                src = (keep_from or out) / f"{stem}.xlsx"
                if not src.exists():
                    print(f"make_samples: soffice not found; {stem}.xlsx skipped", file=sys.stderr)
                    continue
                if src != dest:
                    shutil.copyfile(src, dest)
                print(f"make_samples: soffice not found; keeping {stem}.xlsx", file=sys.stderr)
        elif stem.startswith("poi"):
            maker(dest, keep_from)
        else:
            maker(dest)
        csvs = write_expected(dest, out / "expected")
        facts = verify(dest)
        print(f"{dest.relative_to(out.parent.parent) if out == OUT else dest}: {dest.stat().st_size} bytes, "
              f"{len(csvs)} sheets; " + "; ".join(facts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="regenerate in a temp dir and diff against samples/xlsx")
    args = ap.parse_args()
    if not args.check:
        generate(OUT, None)
        return
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp) / "xlsx"
        generate(t, OUT)
        cmp = filecmp.dircmp(OUT, t, ignore=["README.md", "drsdiff"])  # expected/drsdiff: not ours
        bad = []

        def walk(c, prefix=""):
            bad.extend(prefix + f for f in c.diff_files + c.left_only + c.right_only)
            for name, sub in c.subdirs.items():
                walk(sub, prefix + name + "/")

        walk(cmp)
        # LibreOffice and POI stamp their save time into the ZIP: compare the parts
        from poi import same_content

        bad = [b for b in bad if not (b.endswith(".xlsx") and b.startswith(("libreoffice", "poi"))
                                      and same_content(OUT / b, t / b))]
        if bad:
            sys.exit("make_samples --check: differs: " + ", ".join(bad))
        print("make_samples --check: samples/xlsx is up to date")


if __name__ == "__main__":
    main()
