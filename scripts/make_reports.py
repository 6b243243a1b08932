#!/usr/bin/env python3
"""Generate the DRS comparison-report samples in samples/reports/ with their truth files.

    python3 scripts/make_reports.py            # (re)writes samples/reports/
    python3 scripts/make_reports.py --check    # regenerate into a temp dir, compare with the repo
    python3 scripts/make_reports.py --hostile DIR   # only the hostile-text report, into DIR

Ten workbooks, one per compare type x language (`<compare_type>_<lang>.xlsx`), laid out the way
`../shared/reference/report-layout.md` describes POI exports (merged title, "key: value" metadata
rows, bold header not at row 1, one sheet per section, a continuation sheet repeating the header,
counts as text, the text NULL, multi-line SQL) and written by XlsxWriter (normal mode: shared
strings; constant_memory mode: inline strings), openpyxl (inline strings) or Apache POI
(SXSSF streaming: inline strings, `<dimension ref="A1"/>`, numbers as `929.0`; XSSF: shared
strings; optional, see scripts/setup_poi.sh: without it the POI-written files already in the
repository are kept). The layout is invented: nothing public documents the real one.

Beside each workbook, `<name>.truth.json` states what the generator put in, by meaning (see
samples/reports/README.md for the schema), and `expected/<name>/<sheet>.csv` holds each sheet's
canonical CSV from the conformance suite's reference reader (policy_reader.py).

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
import csv
import datetime as dt
import filecmp
import io
import json
import random
import tempfile
from dataclasses import dataclass, field

import openpyxl
import xlsxwriter
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from make_samples import policy_reader_path, save_openpyxl, sheet_names, write_expected, xlsxwriter_book
from poi import PoiBook

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "samples" / "reports"
TRUTH_SCHEMA = "drsdiff.sample-truth/v1"

# ------------------------------------------------------------------ vocabularies (drs-api.md §3)

STATUS = {  # code: (en-us, zh-cn)
    0: ("The comparison result is inconsistent", "对比不一致"),
    2: ("The comparison result is consistent", "对比一致"),
    3: ("The destination database table does not exist", "目标库表不存在"),
    4: ("The comparison failed", "对比失败"),
    5: ("The comparison task is in progress", "正在对比中"),
    6: ("The comparison task is waiting to be started", "等待对比中"),
    7: ("The comparison task is canceled", "任务已取消"),
    8: ("The source database is empty", "源库为空"),
    9: ("The destination database is empty", "目标库为空"),
    10: ("Both the source and destination databases are empty", "源库和目标库都为空"),
    11: ("The source table does not exist", "源表不存在"),
    12: ("The destination table does not exist", "目标表不存在"),
    13: ("Neither the source table nor the destination table exists", "源表和目标表都不存在"),
    14: ("Failed to connect to the source database", "源数据库连接失败"),
    15: ("Failed to connect to the destination database", "目标库数据库连接失败"),
    16: ("SQL execution timed out on the source database", "源数据库执行SQL超时"),
    17: ("SQL execution timed out on the destination database", "目标数据库执行SQL超时"),
    18: ("A source database SQL execution error occurred", "源数据库执行SQL错误"),
    19: ("A destination database SQL execution error occurred", "目标数据库执行SQL错误"),
    20: ("Neither the source nor the destination database exists", "源库和目标库都不存在"),
    21: ("The source database does not exist", "源库不存在"),
    22: ("The destination database does not exist", "目标库不存在"),
    23: ("Over 100 million rows; not compared", "行数为亿行,未进行对比"),
    27: ("Timed out", "超时"),
}
SHORT_STATUS = {0: ("Inconsistent", "不一致"), 2: ("Consistent", "一致")}

OBJECT_TYPES = {  # API code: zh-cn name
    "DB": "数据库", "TABLE": "表", "VIEW": "视图", "EVENT": "事件", "ROUTINE": "存储过程和函数",
    "INDEX": "索引", "TRIGGER": "触发器", "SYNONYM": "同义词", "FUNCTION": "函数", "PROCEDURE": "存储过程",
    "TYPE": "自定义类型", "RULE": "规则", "DEFAULT_TYPE": "缺省值", "PLAN_GUIDE": "执行计划",
    "CONSTRAINT": "约束", "FILE_GROUP": "文件组", "PARTITION_FUNCTION": "分区函数",
    "PARTITION_SCHEME": "分区方案", "TABLE_COLLATION": "表的排序规则", "EXTENSIONS": "插件",
}

DIFF_KINDS = {  # variant: {kind: text}
    "en1": {"only_in_source": "Only in source", "only_in_target": "Only in destination", "both_differ": "Both differ"},
    "en2": {"only_in_source": "Exists only in source", "only_in_target": "Exists only in target",
            "both_differ": "Exists in both, values differ"},
    "zh1": {"only_in_source": "只有源库存在", "only_in_target": "只有目标库存在", "both_differ": "源和目标端均存在"},
    "zh2": {"only_in_source": "仅源库存在", "only_in_target": "仅目标库存在", "both_differ": "源和目标端均存在，值不同"},
}

OPERATIONS = {"en": {"INSERT": "INSERT", "UPDATE": "UPDATE", "DELETE": "DELETE"},
              "zh": {"INSERT": "插入", "UPDATE": "更新", "DELETE": "删除"}}


def java_double(x: float) -> str:
    """Java's Double.toString, as Apache POI spells numbers: 929.0, 4.339028215E9, 1.0E-4."""
    x = float(x)
    if x == 0:
        return "0.0"
    sign = "-" if x < 0 else ""
    a = abs(x)
    if 1e-3 <= a < 1e7:
        s = repr(a)
        return sign + (s if "." in s else s + ".0")
    mant, _, ex = repr(a).partition("e")
    ip, _, fp = mant.partition(".")
    digits = (ip + fp).lstrip("0")
    exp = len(ip) - 1 + int(ex or 0) if ip != "0" else -(len(fp) - len(fp.lstrip("0")) + 1) + int(ex or 0)
    digits = digits.rstrip("0") or "0"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{exp}"


# ------------------------------------------------------------------ cells: what is written, what it means


@dataclass
class V:
    """One cell: the Python value handed to the writer, and its meaning for the truth file."""
    written: object
    truth: object


def empty() -> V:
    return V(None, None)


def text(s: str | None) -> V:
    return V(s, s) if s not in (None, "") else empty()


def count(n: int | None, style: str = "num") -> V:
    if n is None:
        return empty()
    if style == "num":
        return V(n, n)
    if style == "java":
        return V(java_double(n), n)
    if style == "comma":
        return V(f"{n:,}", n)
    if style == "float":
        return V(float(n), n)
    raise ValueError(style)


def status(code: int, lang: str, short: bool = False) -> V:
    i = 0 if lang == "en" else 1
    t = SHORT_STATUS[code][i] if short and code in SHORT_STATUS else STATUS[code][i]
    return V(t, code)


# ------------------------------------------------------------------ writer adapters


class Sheet:
    """Rows written strictly top to bottom (XlsxWriter constant_memory and openpyxl write-only need it)."""

    def title(self, r: int, s: str, ncols: int): ...
    def row(self, r: int, values: list, bold: bool = False): ...
    def freeze(self, r: int): ...
    def widths(self, ws: list[float]): ...


class XWSheet(Sheet):
    def __init__(self, book: "XWBook", ws):
        self.b, self.ws = book, ws

    def title(self, r, s, ncols):
        self.ws.merge_range(r - 1, 0, r - 1, max(ncols - 1, 1), s, self.b.f_title)

    def row(self, r, values, bold=False):
        for c, v in enumerate(values):
            if v is None:
                continue
            if bold:
                self.ws.write_string(r - 1, c, v, self.b.f_bold)
            elif isinstance(v, str):
                self.ws.write_string(r - 1, c, v, self.b.f_wrap if "\n" in v else None)
            elif isinstance(v, bool):
                self.ws.write_boolean(r - 1, c, v)
            elif isinstance(v, (int, float)):
                self.ws.write_number(r - 1, c, v)
            elif isinstance(v, dt.datetime):
                self.ws.write_datetime(r - 1, c, v, self.b.f_datetime)
            else:
                raise TypeError(v)

    def freeze(self, r):
        self.ws.freeze_panes(r, 0)

    def widths(self, ws):
        for c, w in enumerate(ws):
            self.ws.set_column(c, c, w)


class XWBook:
    def __init__(self, path: Path, constant_memory: bool):
        self.wb = xlsxwriter_book(path, constant_memory=constant_memory)
        self.f_bold = self.wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        self.f_title = self.wb.add_format({"bold": True, "font_size": 14, "align": "center"})
        self.f_wrap = self.wb.add_format({"text_wrap": True, "valign": "top"})
        self.f_datetime = self.wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.writer = f"XlsxWriter {xlsxwriter.__version__}" + (" (constant_memory)" if constant_memory else "")
        self.strings = "inline" if constant_memory else "shared"

    def sheet(self, name: str) -> Sheet:
        return XWSheet(self, self.wb.add_worksheet(name))

    def close(self):
        self.wb.close()


class OPSheet(Sheet):
    def __init__(self, ws):
        self.ws = ws

    def title(self, r, s, ncols):
        c = self.ws.cell(r, 1, s)
        c.font = Font(bold=True, size=14)
        c.alignment = Alignment(horizontal="center")
        self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=max(ncols, 2))

    def row(self, r, values, bold=False):
        for c, v in enumerate(values, start=1):
            if v is None:
                continue
            cell = self.ws.cell(r, c, v)
            if bold:
                cell.font = Font(bold=True)
            elif isinstance(v, str) and "\n" in v:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(v, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"

    def freeze(self, r):
        self.ws.freeze_panes = f"A{r + 1}"

    def widths(self, ws):
        for c, w in enumerate(ws, start=1):
            self.ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = w


class OPWOSheet(Sheet):
    """openpyxl write-only: rows are appended; gaps become empty rows."""

    def __init__(self, ws):
        self.ws, self.next = ws, 1

    def _skip_to(self, r):
        while self.next < r:
            self.ws.append([])
            self.next += 1

    def title(self, r, s, ncols):
        self._skip_to(r)
        c = WriteOnlyCell(self.ws, s)
        c.font = Font(bold=True, size=14)
        self.ws.merged_cells.add(f"A{r}:{openpyxl.utils.get_column_letter(max(ncols, 2))}{r}")
        self.ws.append([c])
        self.next += 1

    def row(self, r, values, bold=False):
        self._skip_to(r)
        out = []
        for v in values:
            c = WriteOnlyCell(self.ws, v)
            if bold:
                c.font = Font(bold=True)
            elif isinstance(v, str) and "\n" in v:
                c.alignment = Alignment(wrap_text=True, vertical="top")
            elif isinstance(v, dt.datetime):
                c.number_format = "yyyy-mm-dd hh:mm:ss"
            out.append(c)
        self.ws.append(out)
        self.next += 1

    def freeze(self, r):
        self.ws.freeze_panes = f"A{r + 1}"

    def widths(self, ws):
        for c, w in enumerate(ws, start=1):
            self.ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width = w


class OPBook:
    def __init__(self, path: Path, write_only: bool):
        self.path, self.write_only = path, write_only
        self.wb = openpyxl.Workbook(write_only=write_only)
        if not write_only:
            self.wb.remove(self.wb.active)
        self.writer = f"openpyxl {openpyxl.__version__}" + (" (write-only)" if write_only else "")
        self.strings = "inline"

    def sheet(self, name: str) -> Sheet:
        ws = self.wb.create_sheet(name)
        return OPWOSheet(ws) if self.write_only else OPSheet(ws)

    def close(self):
        save_openpyxl(self.wb, self.path)


# ------------------------------------------------------------------ report model


@dataclass
class Meta:
    name: str          # canonical metadata name (task_id, compare_type, ...)
    key: str           # the key as written, without separator
    value: object      # written value (str or datetime)
    layout: str = "one_cell"   # one_cell "Key: value" | two_cells "Key" | "value"
    sep: str = ": "    # one_cell separator; for two_cells, a suffix on the key cell ("" or ":")

    def truth_value(self) -> str:
        return self.value.strftime("%Y-%m-%d %H:%M:%S") if isinstance(self.value, dt.datetime) else str(self.value)


@dataclass
class SheetPart:
    name: str
    rows: list[dict]
    title: str | None = None
    meta: list[Meta] = field(default_factory=list)
    blank_before_header: bool = True
    # Layouts beyond DRS's own (the test bed): empty columns before the table, a totals line right
    # below the rows (a row dict by concept), lines below a blank row after the table (cells as
    # written). None of them is a record.
    first_column: int = 0
    totals: dict | None = None
    trailer: list[list] = field(default_factory=list)


@dataclass
class Section:
    kind: str
    columns: list[tuple[str, str]]          # (header text, concept)
    parts: list[SheetPart]                  # one per sheet (more than one: continuation sheets)


@dataclass
class Report:
    compare_type: str
    lang: str          # en-us | zh-cn
    book: object       # XWBook | OPBook
    sections: list[Section]
    notes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.compare_type}_{self.lang}"


def write_report(rep: Report, path: Path) -> dict:
    truth = {
        "schema": TRUTH_SCHEMA,
        "file": path.name,
        "compare_type": rep.compare_type,
        "language": rep.lang,
        "writer": rep.book.writer,
        "strings": rep.book.strings,
        "notes": rep.notes,
        "titles": [],
        "metadata": [],
        "sections": [],
    }
    located = []  # (section truth, sheet name, row number, row dict)
    for sec in rep.sections:
        st = {"kind": sec.kind, "sheets": [], "header_row": None,
              "columns": [{"index": i + sec.parts[0].first_column, "header": h, "concept": c}
                          for i, (h, c) in enumerate(sec.columns)],
              "rows": []}
        ncols = len(sec.columns)
        for part in sec.parts:
            sh = rep.book.sheet(part.name)
            # freeze first: openpyxl write-only writes the sheet view before the first row
            sh.freeze(1 + bool(part.title) + len(part.meta)
                      + bool((part.title or part.meta) and part.blank_before_header))
            r = 1
            if part.title:
                sh.title(r, part.title, ncols)
                truth["titles"].append({"sheet": part.name, "row": r, "text": part.title,
                                        "merged": f"A{r}:{openpyxl.utils.get_column_letter(max(ncols, 2))}{r}"})
                r += 1
            for m in part.meta:
                if m.layout == "one_cell":
                    sh.row(r, [f"{m.key}{m.sep}{m.truth_value()}"])
                else:
                    sh.row(r, [m.key + m.sep, m.value])
                truth["metadata"].append({"name": m.name, "key": m.key, "value": m.truth_value(),
                                          "sheet": part.name, "row": r, "layout": m.layout})
                r += 1
            if (part.title or part.meta) and part.blank_before_header:
                r += 1
            header_row = r
            pad = [None] * part.first_column
            sh.row(r, pad + [h for h, _ in sec.columns], bold=True)
            widths = [max(10, min(45, max(len(h) * (2 if ord(h[0]) > 0x2E80 else 1) + 2, 14))) for h, _ in sec.columns]
            sh.widths([8] * part.first_column + widths)
            r += 1
            for row in part.rows:
                sh.row(r, pad + [row[c].written if c in row else None for _, c in sec.columns])
                located.append((st, part.name, r, row, sec, part.first_column))
                r += 1
            last_data_row = r - 1
            if part.totals is not None:
                sh.row(r, pad + [part.totals[c].written if c in part.totals else None for _, c in sec.columns])
                r += 1
            if part.trailer:
                r += 1
                for line in part.trailer:
                    sh.row(r, pad + line)
                    r += 1
            st["sheets"].append({"name": part.name, "header_row": header_row,
                                 "first_data_row": header_row + 1, "last_data_row": last_data_row})
        st["header_row"] = st["sheets"][0]["header_row"]
        st["sheet_names"] = [s["name"] for s in st["sheets"]]
        truth["sections"].append(st)
    rep.book.close()

    # raw cell texts from the reference reader; cross-checked against what was written
    grids = {}
    for name in sheet_names(path):
        grids[name] = read_grid(path, name)
    for st, sheet, r, row, sec, offset in located:
        grid_row = grids[sheet][r - 1] if r - 1 < len(grids[sheet]) else []
        values, raw = {}, {}
        for i, (_, concept) in enumerate(sec.columns):
            cell = row.get(concept, empty())
            got = grid_row[i + offset] if i + offset < len(grid_row) else ""
            want = canonical(cell.written)
            if got != want:
                sys.exit(f"make_reports: {path.name} {sheet}!R{r}C{i + 1}: reader gives {got!r}, generator wrote {want!r}")
            values[concept] = cell.truth
            raw[concept] = got
        st["rows"].append({"sheet": sheet, "row": r, "values": values, "raw": raw})
    for st in truth["sections"]:
        st["row_count"] = len(st["rows"])
    return truth


def canonical(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        x = float(v)
        return str(int(x)) if x.is_integer() and abs(x) < 2**53 else repr(x)
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    return v


def read_grid(path: Path, sheet: str) -> list[list[str]]:
    import subprocess

    res = subprocess.run([sys.executable, str(policy_reader_path()), str(path), sheet], capture_output=True, check=True)
    return list(csv.reader(io.StringIO(res.stdout.decode("utf-8"), newline="")))


# ------------------------------------------------------------------ shared fixture data

TASK_ID = "9c1b7e2f-03d4-4a8b-b6f1-2e5d8c7a1jb01"
COMPARE_JOB = "5f0e6a83-7d2c-4f19-9a3b-c41e2d7b8ca2"
START = dt.datetime(2024, 5, 14, 10, 21, 33)
END = dt.datetime(2024, 5, 14, 11, 2, 8)

EN_DBS = ["shop", "crm", "billing"]
ZH_DBS = ["order_db", "member_db", "finance"]
EN_TABLES = ["orders", "order_items", "customers", "payments", "refunds", "invoices", "sessions",
             "events_2023", "events_2024", "user_profile", "addresses", "coupons", "inventory",
             "sku_price_history", "t_config", "audit_trail"]
ZH_TABLES = ["t_order", "t_order_item", "会员信息", "积分流水", "t_coupon", "地址簿", "t_invoice",
             "支付记录", "t_refund", "t_sku", "库存快照", "t_config", "操作日志", "t_session", "对账单", "t_region"]

ROW_FILTERS = ["", "", "", "id > 100000", "created_at >= '2024-01-01 00:00:00'", "", "status IN ('PAID','SHIPPED')", ""]
COUNT_STYLES = ["num", "java", "num", "comma", "java", "float", "num"]


def meta_block(lang: str, compare_value: str, variant: int, with_job: bool) -> list[Meta]:
    """Metadata rows; variant 0: 'Key: value' in one cell; 1: key and value in two cells;
    2: a mix (key cells ending with a colon, full-width colon in zh)."""
    en = lang == "en-us"
    items = [
        ("task_id", "Task ID" if en else "任务ID", TASK_ID),
        ("compare_type", "Compare Type" if en else "对比类型", compare_value),
    ]
    if with_job:
        items.append(("compare_job_id", "Comparison Task ID" if en else "对比任务ID", COMPARE_JOB))
    items += [
        ("source_engine", "Source DB Engine" if en else "源库引擎", "MySQL 5.7"),
        ("target_engine", "Destination DB Engine" if en else "目标库引擎", "GaussDB(for MySQL) 8.0"),
        ("start_time", "Start Time" if en else "开始时间", START),
        ("end_time", "End Time" if en else "结束时间", END),
    ]
    out = []
    for i, (name, key, value) in enumerate(items):
        if variant == 0:
            out.append(Meta(name, key, value, "one_cell", ": " if en else "："))
        elif variant == 1:
            out.append(Meta(name, key, value, "two_cells", ""))
        else:
            if i % 2 == 0:
                out.append(Meta(name, key, value, "two_cells", ":" if en else "："))
            else:
                out.append(Meta(name, key, value, "one_cell", ":" if en else ": "))
    return out


def tables_for(lang: str, rng: random.Random, n: int):
    dbs, tabs = (EN_DBS, EN_TABLES) if lang == "en-us" else (ZH_DBS, ZH_TABLES)
    out = []
    for i in range(n):
        db = dbs[i % len(dbs)]
        t = tabs[(i * 7 + i // len(tabs)) % len(tabs)]
        if i >= len(tabs):
            t = f"{t}_{i // len(tabs)}"
        out.append((db, t))
    return out


# ------------------------------------------------------------------ objects_comparison


def objects_report(lang: str, book) -> Report:
    en = lang == "en-us"
    L = "en" if en else "zh"
    ot = (lambda code: V(code, code)) if en else (lambda code: V(OBJECT_TYPES[code], code))
    rows_overview = []
    overview_data = [
        ("DB", 3, 3, 2), ("TABLE", 128, 127, 0), ("VIEW", 12, 12, 2), ("INDEX", 342, 340, 0),
        ("CONSTRAINT", 56, 56, 2), ("TRIGGER", 4, 4, 2), ("ROUTINE", 9, 8, 0), ("EVENT", 0, 0, 2),
        ("FUNCTION", 6, 6, 2), ("PROCEDURE", 3, 3, 2), ("SYNONYM", 0, 0, 2), ("TABLE_COLLATION", 128, 128, 4),
    ]
    for i, (code, s, t, st) in enumerate(overview_data):
        style = ["num", "java", "num", "float"][i % 4] if en else ["num", "num", "java", "comma"][i % 4]
        rows_overview.append({"object_type": ot(code), "source_count": count(s, style),
                              "target_count": count(t, "num" if i % 3 else style),
                              "status": status(st, L, short=en)})
    details = []
    dbs = EN_DBS if en else ZH_DBS
    view_src = "CREATE VIEW `v_active_users` AS\nSELECT `id`, `name`, `email`\nFROM `users`\nWHERE `active` = 1"
    view_dst = "CREATE VIEW `v_active_users` AS\nSELECT `id`, `name`\nFROM `users`\nWHERE `active` = 1"
    msg_missing = ("The object does not exist in the destination database." if en else "目标库中不存在该对象。")
    msg_multi = ("Definition differs.\nColumn list: 3 in source, 2 in destination." if en
                 else "定义不一致。\n源库3列，目标库2列。")
    msg_fail = ("Failed to query the destination database:\nLock wait timeout exceeded; try restarting transaction"
                if en else "查询目标库失败：\nLock wait timeout exceeded; try restarting transaction")
    det = [
        ("TABLE", dbs[0], dbs[0], "orders_archive", "orders_archive", None, 0, msg_missing),
        ("TABLE", dbs[0], dbs[0], "orders", "orders", "orders", 2, None),
        ("VIEW", dbs[1], dbs[1], "v_active_users", view_src, view_dst, 0, msg_multi),
        ("INDEX", dbs[0], dbs[0], "orders.idx_user_created", "idx_user_created(user_id, created_at)", "NULL", 0, msg_missing),
        ("INDEX", dbs[0], dbs[0], "payments.idx_status", "idx_status(status)", "idx_status(status)", 2, None),
        ("INDEX", dbs[2], dbs[2], "invoices.uk_no", "uk_no(invoice_no)", "NULL", 0, msg_missing),
        ("ROUTINE", dbs[1], dbs[1], "sp_merge_points", "sp_merge_points", None, 0, msg_missing),
        ("TABLE_COLLATION", dbs[2], dbs[2], "invoices", "utf8mb4_general_ci", None, 4, msg_fail),
        ("CONSTRAINT", dbs[0], dbs[0], "fk_items_order", "FOREIGN KEY (order_id) REFERENCES orders(id)",
         "FOREIGN KEY (order_id) REFERENCES orders(id)", 2, None),
        ("TRIGGER", dbs[1], dbs[1], "trg_audit_ins", "AFTER INSERT", "AFTER INSERT", 2, ""),
    ]
    for code, sdb, tdb, name, sv, tv, st, msg in det:
        details.append({"object_type": ot(code), "source_database": text(sdb), "target_database": text(tdb),
                        "object_name": text(name), "source_value": text(sv), "target_value": text(tv),
                        "status": status(st, L, short=en), "message": text(msg)})
    if en:
        title = "Object-Level Comparison Report"
        cols_o = [("Object Type", "object_type"), ("Source Count", "source_count"),
                  ("Destination Count", "target_count"), ("Comparison Result", "status")]
        cols_d = [("Object Type", "object_type"), ("Source Database", "source_database"),
                  ("Destination Database", "target_database"), ("Object Name", "object_name"),
                  ("Value in Source", "source_value"), ("Value in Destination", "target_value"),
                  ("Status", "status"), ("Error Message", "message")]
        s1, s2 = "Overview", "Details"
        meta = meta_block(lang, "Object-level comparison", 0, False)
    else:
        title = "对象级对比报告"
        cols_o = [("对象类型", "object_type"), ("源库个数", "source_count"), ("目标库个数", "target_count"),
                  ("对比结果", "status")]
        cols_d = [("对象类型", "object_type"), ("源库名称", "source_database"), ("目标库名称", "target_database"),
                  ("对象名称", "object_name"), ("源库的值", "source_value"), ("目标库的值", "target_value"),
                  ("对比状态", "status"), ("错误信息", "message")]
        s1, s2 = "对象对比概览", "对象对比详情"
        meta = meta_block(lang, "对象级对比", 1, False)
    sections = [
        Section("object_summary", cols_o, [SheetPart(s1, rows_overview, title, meta)]),
        Section("object_differences", cols_d,
                [SheetPart(s2, details, None if en else title, [] if en else meta[:1])]),
    ]
    return Report("objects_comparison", lang, book, sections)


# ------------------------------------------------------------------ lines (row counts)


def lines_report(lang: str, book) -> Report:
    en = lang == "en-us"
    L = "en" if en else "zh"
    rng = random.Random(f"lines-{lang}")
    tabs = tables_for(lang, rng, 58 if not en else 40)
    per_table, uncomparable = [], []
    per_db = {}
    special = {3: 12, 11: 23, 17: 11, 25: 27, 33: 14}  # table index -> non-result status
    for i, (db, t) in enumerate(tabs):
        code = special.get(i)
        agg = per_db.setdefault(db, [0, 0, 0, 0])
        agg[0] += 1
        if code in (12, 23, 11, 14):
            src = None if code in (11, 14) else (4339028215 if code == 23 else rng.randint(1, 50000))
            msg = {12: "Table not found in the destination database" if en else "目标库中未找到该表",
                   23: "Row count exceeds 100,000,000; skipped" if en else "行数超过1亿，已跳过",
                   11: "" if en else "",
                   14: "Communications link failure\nLast packet sent 30,012 ms ago" if en else "连接超时\n最后一次发送数据包在30012毫秒前"}[code]
            uncomparable.append({"source_database": text(db), "source_table": text(t), "target_database": text(db),
                                 "target_table": text(t), "status": status(code, L), "message": text(msg)})
            agg[3] += 1
            continue
        src = rng.choice([0, 929, 1234, 77, 10_000_001, 4339028215, rng.randint(1, 2_000_000)])
        if code == 27:
            tgt, diff = None, None
            agg[1] += 1
        elif i % 4 == 1:
            src = max(src, 41)
            tgt = src - rng.randint(1, 40)
            diff = src - tgt
            code = 0
            agg[1] += 1
            agg[2] += 1
        elif i % 9 == 5:
            tgt = src + 3
            diff = -3
            code = 0
            agg[1] += 1
            agg[2] += 1
        else:
            tgt, diff, code = src, 0, 2
            agg[1] += 1
        style = COUNT_STYLES[i % len(COUNT_STYLES)]
        per_table.append({"source_database": text(db), "source_table": text(t), "target_database": text(db),
                          "target_table": text(t), "source_rows": count(src, style),
                          "target_rows": count(tgt, COUNT_STYLES[(i + 2) % len(COUNT_STYLES)]),
                          "difference": count(diff, "num" if i % 3 else "java"),
                          "status": status(code, L), "row_filter": text(ROW_FILTERS[i % len(ROW_FILTERS)])})
    overview = []
    for j, (db, (n, fin, inc, unc)) in enumerate(per_db.items()):
        code = 0 if inc else 2
        overview.append({"source_database": text(db), "target_database": text(db), "status": status(code, L),
                         "tables_compared": count(n, "num" if j else "java"), "tables_finished": count(fin),
                         "tables_inconsistent": count(inc, "num" if j != 1 else "float"),
                         "tables_uncomparable": count(unc)})
    overview.append({"source_database": text("archive" if en else "归档库"), "target_database": text("archive" if en else "归档库"),
                     "status": status(22, L), "tables_compared": count(0), "tables_finished": count(0),
                     "tables_inconsistent": count(0), "tables_uncomparable": empty()})
    if en:
        title = "Row Comparison Report"
        cols_db = [("Source Database", "source_database"), ("Destination Database", "target_database"),
                   ("Status", "status"), ("Tables Compared", "tables_compared"), ("Tables Finished", "tables_finished"),
                   ("Inconsistent Tables", "tables_inconsistent"), ("Tables That Cannot Be Compared", "tables_uncomparable")]
        cols_t = [("Source Database", "source_database"), ("Source Table", "source_table"),
                  ("Destination Database", "target_database"), ("Destination Table", "target_table"),
                  ("Source Rows", "source_rows"), ("Destination Rows", "target_rows"), ("Difference", "difference"),
                  ("Status", "status"), ("Row Filter", "row_filter")]
        cols_u = [("Source Database", "source_database"), ("Source Table", "source_table"),
                  ("Destination Database", "target_database"), ("Destination Table", "target_table"),
                  ("Status", "status"), ("Remarks", "message")]
        meta = meta_block(lang, "Row comparison", 0, True)
        sections = [
            Section("database_summary", cols_db, [SheetPart("Database Overview", overview, title, meta)]),
            Section("table_row_counts", cols_t, [SheetPart("Table Details", per_table, title, meta[:1])]),
            Section("cannot_compare", cols_u, [SheetPart("Cannot Be Compared", uncomparable)]),
        ]
    else:
        title = "行数对比报告"
        cols_db = [("源库名", "source_database"), ("目标库名", "target_database"), ("对比结果", "status"),
                   ("对比表数量", "tables_compared"), ("已完成表数量", "tables_finished"),
                   ("不一致表数量", "tables_inconsistent"), ("无法对比表数量", "tables_uncomparable")]
        cols_t = [("源库名", "source_database"), ("源表名", "source_table"), ("目标库名", "target_database"),
                  ("目标表名", "target_table"), ("源库行数", "source_rows"), ("目标库行数", "target_rows"),
                  ("差异行数", "difference"), ("对比结果", "status"), ("行过滤配置条件", "row_filter")]
        cols_u = [("源库名", "source_database"), ("源表名", "source_table"), ("目标库名", "target_database"),
                  ("目标表名", "target_table"), ("状态", "status"), ("备注", "message")]
        meta = meta_block(lang, "行数对比", 2, True)
        split = 30
        sections = [
            Section("database_summary", cols_db, [SheetPart("数据库级对比", overview, title, meta)]),
            Section("table_row_counts", cols_t, [
                SheetPart("表级对比结果", per_table[:split], title, [], blank_before_header=False),
                SheetPart("表级对比结果(2)", per_table[split:]),
            ]),
            Section("cannot_compare", cols_u, [SheetPart("无法对比的表", uncomparable)]),
        ]
    rep = Report("lines", lang, book, sections)
    if not en:
        rep.notes.append("table_row_counts spills over two sheets; the second repeats the header at row 1")
    return rep


# ------------------------------------------------------------------ contents and random (value comparison)


def value_rows(lang: str, rng: random.Random, n_tables: int, sampling: bool, short: bool):
    en = lang == "en-us"
    L = "en" if en else "zh"
    tabs = tables_for(lang, rng, n_tables)
    results, diffs = [], []
    for i, (db, t) in enumerate(tabs):
        style = COUNT_STYLES[(i + 1) % len(COUNT_STYLES)]
        row = {"source_database": text(db), "source_table": text(t), "target_database": text(db), "target_table": text(t),
               "row_filter": text(ROW_FILTERS[(i + 3) % len(ROW_FILTERS)])}
        if sampling:
            p = [10, 5, 100, 0.5, 20][i % 5]
            row["sampling_ratio"] = V(p, p) if i % 2 == 0 else V(f"{p}%", p)
        if i == 4:  # destination table missing
            src = rng.randint(100, 9000)
            row.update({"source_rows": count(src, style), "target_rows": empty(), "difference": empty(),
                        "row_result": status(12, L), "value_result": status(12, L),
                        "message": text("The destination table does not exist" if en else "目标表不存在")})
        elif i == 9:
            row.update({"source_rows": count(4339028215, "java"), "target_rows": count(4339028215, "java"),
                        "difference": count(0), "row_result": status(23, L), "value_result": status(23, L),
                        "message": text("Over 100 million rows; not compared" if en else "行数为亿行,未进行对比")})
        else:
            src = rng.choice([929, 1234, 77, 10_000_001, rng.randint(1000, 500000)])
            bad = i % 3 == 0
            tgt = src - (2 if i % 6 == 0 else 0)
            row.update({"source_rows": count(src, style), "target_rows": count(tgt, COUNT_STYLES[i % len(COUNT_STYLES)]),
                        "difference": count(src - tgt, "num" if i % 2 else "java"),
                        "row_result": status(0 if src != tgt else 2, L, short=short),
                        "value_result": status(0 if bad else 2, L, short=short),
                        "message": text(("Inconsistent rows found: see the differences sheet" if en else "存在不一致的数据，详见差异明细")
                                        if bad else "")})
            if bad:
                diffs.extend(diff_rows(lang, db, t, rng, 6 + i, bare_keys=not en))
        results.append(row)
    return results, diffs


def diff_rows(lang: str, db: str, t: str, rng: random.Random, n: int, bare_keys: bool) -> list[dict]:
    out = []
    cols = ["amount", "status", "remark", "updated_at", "address"]
    for k in range(n):
        key = f"{rng.randint(1, 99999):06d}"
        kind = ["both_differ", "both_differ", "only_in_source", "both_differ", "only_in_target"][k % 5]
        composite = k % 4 == 3
        if bare_keys:  # key values alone, leading zeros kept as text
            keytext = f"{key},{k % 3 + 1}" if composite else key
        else:
            keytext = f"id={key}, line_no={k % 3 + 1}" if composite else f"id={key}"
        where = f"`id` = '{key}'" + (f" AND `line_no` = {k % 3 + 1}" if composite else "")
        sql = f"SELECT *\nFROM `{db}`.`{t}`\nWHERE {where};"
        col, sv, tv = None, None, None
        if kind == "both_differ":
            col = cols[k % len(cols)]
            sv, tv = {
                "amount": ("12.50", "12.5"),
                "status": ("PAID", "NULL"),
                "remark": ("first line\nsecond line", ""),
                "updated_at": ("2024-05-14 10:21:33", "2024-05-14 10:21:34"),
                "address": ("北京市海淀区", "北京市 海淀区"),
            }[col]
        out.append({"source_database": text(db), "source_table": text(t), "key_values": text(keytext),
                    "column": text(col), "source_value": text(sv), "target_value": text(tv),
                    "select_sql": text(sql if kind != "only_in_target" else None),
                    "target_select_sql": text(sql if kind != "only_in_source" else None),
                    "_kind": kind})
    return out


def with_kind(rows: list[dict], variant: str) -> list[dict]:
    out = []
    for r in rows:
        r = dict(r)
        k = r.pop("_kind")
        r["difference_kind"] = V(DIFF_KINDS[variant][k], k)
        out.append(r)
    return out


def contents_report(lang: str, book) -> Report:
    en = lang == "en-us"
    rng = random.Random(f"contents-{lang}")
    results, diffs = value_rows(lang, rng, 16, sampling=False, short=True)
    if en:
        title = "Value Comparison Report"
        cols_r = [("Source DB Name", "source_database"), ("Source Table Name", "source_table"),
                  ("Target DB Name", "target_database"), ("Target Table Name", "target_table"),
                  ("Rows in Source", "source_rows"), ("Rows in Target", "target_rows"), ("Different Rows", "difference"),
                  ("Row Comparison Result", "row_result"), ("Value Comparison Result", "value_result"),
                  ("Additional Info", "message"), ("Row Filter", "row_filter")]
        cols_d = [("Source Database", "source_database"), ("Source Table", "source_table"),
                  ("Difference Type", "difference_kind"), ("Key Values", "key_values"), ("Column Name", "column"),
                  ("Source Value", "source_value"), ("Target Value", "target_value"),
                  ("Source Select SQL", "select_sql"), ("Target Select SQL", "target_select_sql")]
        d = with_kind(diffs, "en1")
        split = 40
        meta = meta_block(lang, "Value comparison", 0, True)
        sections = [
            Section("table_values", cols_r, [SheetPart("Table Results", results, title, meta)]),
            Section("value_differences", cols_d, [
                SheetPart("Value Differences", d[:split], "Value Differences", meta[:1]),
                SheetPart("Value Differences (2)", d[split:]),
            ]),
        ]
    else:
        title = "内容对比报告"
        cols_r = [("源库名称", "source_database"), ("源库表名称", "source_table"), ("目标库名称", "target_database"),
                  ("目标库表名称", "target_table"), ("源表行数（行）", "source_rows"), ("目标库行数（行）", "target_rows"),
                  ("行数差异值", "difference"), ("行对比结果", "row_result"), ("内容对比结果", "value_result"),
                  ("附加信息", "message"), ("行过滤配置条件", "row_filter")]
        cols_d = [("源库", "source_database"), ("源表", "source_table"), ("差异类型", "difference_kind"),
                  ("主键", "key_values"), ("列名", "column"), ("源库值", "source_value"), ("目标库值", "target_value"),
                  ("查询源库的SQL", "select_sql"), ("查询目标库的SQL", "target_select_sql")]
        meta = meta_block(lang, "内容对比", 1, True)
        sections = [
            Section("table_values", cols_r, [SheetPart("表级对比结果", results, title, meta)]),
            Section("value_differences", cols_d, [SheetPart("内容差异详情", with_kind(diffs, "zh1"))]),
        ]
    rep = Report("contents", lang, book, sections)
    if en:
        rep.notes.append("value_differences spills over two sheets; the second repeats the header at row 1")
    return rep


def random_report(lang: str, book) -> Report:
    en = lang == "en-us"
    rng = random.Random(f"random-{lang}")
    results, diffs = value_rows(lang, rng, 14, sampling=True, short=False)
    if en:
        title = "Sampling Comparison Report"
        cols_r = [("Source Database", "source_database"), ("Source Table", "source_table"),
                  ("Destination Database", "target_database"), ("Destination Table Name", "target_table"),
                  ("Source Row Count", "source_rows"), ("Destination Row Count", "target_rows"),
                  ("Row Difference", "difference"), ("Sampling Ratio (%)", "sampling_ratio"),
                  ("Row Comparison Result", "row_result"), ("Value Comparison Result", "value_result"),
                  ("Remarks", "message"), ("Row Filter Condition", "row_filter")]
        cols_d = [("Source Database", "source_database"), ("Source Table", "source_table"),
                  ("Difference Kind", "difference_kind"), ("Primary Key", "key_values"), ("Column", "column"),
                  ("Source Value", "source_value"), ("Destination Value", "target_value"),
                  ("Select SQL", "select_sql"), ("Destination Select SQL", "target_select_sql")]
        meta = meta_block(lang, "Sampling comparison", 2, True)
        sections = [
            Section("sampling", cols_r, [SheetPart("Sampling Results", results, title, meta)]),
            Section("value_differences", cols_d, [SheetPart("Sampled Differences", with_kind(diffs, "en2"))]),
        ]
    else:
        title = "抽样对比报告"
        cols_r = [("源数据库", "source_database"), ("源表", "source_table"), ("目标数据库", "target_database"),
                  ("目标表", "target_table"), ("源库表行数", "source_rows"), ("目标库表行数", "target_rows"),
                  ("差异值", "difference"), ("抽样比例(%)", "sampling_ratio"), ("行对比结果", "row_result"),
                  ("内容对比结果", "value_result"), ("备注", "message"), ("行过滤条件", "row_filter")]
        cols_d = [("源库名", "source_database"), ("源表名", "source_table"), ("差异类型", "difference_kind"),
                  ("KEY值", "key_values"), ("列", "column"), ("源库的值", "source_value"), ("目标库的值", "target_value"),
                  ("查询源库的SQL", "select_sql"), ("查询目标库的SQL", "target_select_sql")]
        meta = meta_block(lang, "抽样对比", 0, True)
        sections = [
            Section("sampling", cols_r, [SheetPart("抽样对比结果", results, title, meta)]),
            Section("value_differences", cols_d, [SheetPart("抽样差异明细", with_kind(diffs, "zh2"), title, meta[:1])]),
        ]
    return Report("random", lang, book, sections)


# ------------------------------------------------------------------ repair_data


def repair_report(lang: str, book) -> Report:
    en = lang == "en-us"
    rng = random.Random(f"repair-{lang}")
    tabs = tables_for(lang, rng, 8)
    progress, stmts = [], []
    states = (["SUCCESS", "SUCCESS", "FAILED", "SUCCESS", "NOT_EXECUTED"] if en else ["成功", "成功", "失败", "成功", "未执行"])
    ops = OPERATIONS["en" if en else "zh"]
    for i, (db, t) in enumerate(tabs):
        n = 3 + i % 4
        failed = 0
        for k in range(n):
            op = ["UPDATE", "INSERT", "DELETE", "UPDATE"][k % 4]
            key = f"{rng.randint(1, 99999):06d}"
            skey = None if op == "DELETE" else f"id={key}"
            tkey = None if op == "INSERT" else f"id={key}"
            if op == "INSERT":
                sql = (f"INSERT INTO `{db}`.`{t}` (`id`, `amount`, `remark`)\n"
                       f"VALUES ('{key}', 12.50, 'first line\\nsecond line');")
            elif op == "UPDATE":
                sql = f"UPDATE `{db}`.`{t}`\nSET `amount` = 12.50, `status` = NULL\nWHERE `id` = '{key}';"
            else:
                sql = f"DELETE FROM `{db}`.`{t}`\nWHERE `id` = '{key}';"
            state = states[(i + k) % len(states)]
            failed += state in ("FAILED", "失败")
            stmts.append({"source_database": text(db), "source_table": text(t), "target_database": text(db),
                          "target_table": text(t), "source_key_values": text(skey), "target_key_values": text(tkey),
                          "operation": V(ops[op], op), "repair_sql": text(sql), "sql_state": text(state)})
        total = n
        progress.append({"source_database": text(db), "source_table": text(t), "target_database": text(db),
                         "target_table": text(t), "total_rows": count(total, "java" if i % 2 else "num"),
                         "repaired_rows": count(total - failed), "failed_rows": count(failed, "float" if i == 3 else "num")})
    if en:
        title = "Data Repair Report"
        cols_p = [("Source Database", "source_database"), ("Source Table", "source_table"),
                  ("Destination Database", "target_database"), ("Destination Table", "target_table"),
                  ("Total Rows", "total_rows"), ("Repaired Rows", "repaired_rows"), ("Failed Rows", "failed_rows")]
        cols_s = [("Source Database", "source_database"), ("Source Table", "source_table"),
                  ("Destination Database", "target_database"), ("Destination Table", "target_table"),
                  ("Source Key Values", "source_key_values"), ("Destination Key Values", "target_key_values"),
                  ("Operation", "operation"), ("Repair SQL", "repair_sql"), ("SQL State", "sql_state")]
        meta = meta_block(lang, "Data repair", 1, True)
        sections = [
            Section("repair_progress", cols_p, [SheetPart("Repair Progress", progress, title, meta)]),
            Section("repair_statements", cols_s, [SheetPart("Repair SQL", stmts)]),
        ]
    else:
        title = "数据修复报告"
        cols_p = [("源库名", "source_database"), ("源表名", "source_table"), ("目标库名", "target_database"),
                  ("目标表名", "target_table"), ("总行数", "total_rows"), ("已修复行数", "repaired_rows"),
                  ("修复失败行数", "failed_rows")]
        cols_s = [("源库名", "source_database"), ("源表名", "source_table"), ("目标库名", "target_database"),
                  ("目标表名", "target_table"), ("源库KEY值", "source_key_values"), ("目标库KEY值", "target_key_values"),
                  ("操作类型", "operation"), ("修复SQL", "repair_sql"), ("修复SQL状态", "sql_state")]
        meta = meta_block(lang, "数据修复", 2, True)
        sections = [
            Section("repair_statements", cols_s, [SheetPart("修复SQL", stmts, title, meta)]),
            Section("repair_progress", cols_p, [SheetPart("修复进度", progress)]),
        ]
    return Report("repair_data", lang, book, sections)


# ------------------------------------------------------------------ the ten reports

PLAN = [  # (compare type, language, builder, (writer, mode)); xw: XlsxWriter constant_memory?,
    # op: openpyxl write-only?, poi: SXSSF (streaming) or XSSF
    ("objects_comparison", "en-us", objects_report, ("xw", False)),
    ("objects_comparison", "zh-cn", objects_report, ("poi", True)),
    ("lines", "en-us", lines_report, ("poi", True)),
    ("lines", "zh-cn", lines_report, ("xw", True)),
    ("contents", "en-us", contents_report, ("poi", True)),
    ("contents", "zh-cn", contents_report, ("xw", False)),
    ("random", "en-us", random_report, ("op", True)),
    ("random", "zh-cn", random_report, ("poi", False)),
    ("repair_data", "en-us", repair_report, ("op", False)),
    ("repair_data", "zh-cn", repair_report, ("xw", True)),
]
POI_FILES = {f"{c}_{l}.xlsx" for c, l, _, (w, _m) in PLAN if w == "poi"}


# ------------------------------------------------------------------ hostile text (HTML output check)

# Texts that would run script, leave an attribute or open a tag if an HTML page wrote them raw.
# Each payload that executes sets document.title to PWNED-<n>, which scripts/check-html.sh reads
# from the rendered page (as well as looking for the elements they would add).
HOSTILE = [
    '<script>document.title="PWNED-0"</script>',
    '"><img src=x onerror="document.title=\'PWNED-1\'">',
    "javascript:document.title='PWNED-2'",
    '<svg onload="document.title=\'PWNED-3\'"></svg>',
    '</td></tr></table></style></script><script>document.title="PWNED-4"</script>',
    "' onmouseover='document.title=\"PWNED-5\"' x='",
    '<a href="javascript:document.title=\'PWNED-6\'">link</a>',
    "<iframe srcdoc=\"<script>parent.document.title='PWNED-7'</script>\"></iframe>",
    "&lt;b&gt;already escaped&lt;/b&gt; &amp; <!-- comment -->",
    "<style>body{display:none}</style>",
]


# Texts that would drive a terminal if `summary`/`report` wrote them raw to Markdown or text (set
# the window title, recolour, erase a line, reverse what follows, hide characters), and cells a
# spreadsheet would run as formulas if CSV wrote them raw for Excel. Only the XlsxWriter-made
# hostile report holds them (it writes control characters as _xHHHH_; openpyxl refuses them).
TERMINAL_HOSTILE = [
    "\x1b]0;PWNED-TITLE\x07retitled",
    "\x1b[31mred\x1b[0m\x1b[2K\rhidden line",
    "\u202eevil.exe\u202c and \u2066isolate\u2069",
    "zero\u200bwidth\ufeffbom\u00adsoft",
    "\x1b[8mconcealed\x1b[28m\x08\x7f",
    '=HYPERLINK("http://x.invalid","click")',
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
]


def hostile_report(book) -> Report:
    """A row-count report whose database, table, sheet, title, metadata and message texts are
    payloads (HOSTILE): an HTML page must show every one as text and run none."""
    rng = random.Random("hostile")
    cols_db = [("Source Database", "source_database"), ("Destination Database", "target_database"), ("Status", "status"),
               ("Tables Compared", "tables_compared"), ("Inconsistent Tables", "tables_inconsistent")]
    cols_t = [("Source Database", "source_database"), ("Source Table", "source_table"),
              ("Destination Database", "target_database"), ("Destination Table", "target_table"),
              ("Source Rows", "source_rows"), ("Destination Rows", "target_rows"), ("Difference", "difference"),
              ("Status", "status"), ("Row Filter", "row_filter")]
    cols_u = [("Source Database", "source_database"), ("Source Table", "source_table"), ("Status", "status"), ("Remarks", "message")]
    dbs = [HOSTILE[0], HOSTILE[1]]
    per_table, uncomparable = [], []
    for i, payload in enumerate(HOSTILE + TERMINAL_HOSTILE):
        db = dbs[i % 2]
        src = rng.randint(100, 5000)
        tgt = src - (i % 3)
        per_table.append({"source_database": text(db), "source_table": text(payload), "target_database": text(db),
                          "target_table": text(payload), "source_rows": count(src), "target_rows": count(tgt),
                          "difference": count(src - tgt), "status": status(2 if src == tgt else 0, "en"),
                          "row_filter": text(HOSTILE[(i + 3) % len(HOSTILE)])})
        uncomparable.append({"source_database": text(db), "source_table": text(payload + " (2)"),
                             "status": status(12, "en"), "message": text(HOSTILE[(i + 5) % len(HOSTILE)])})
    overview = [{"source_database": text(db), "target_database": text(db), "status": status(0, "en"),
                 "tables_compared": count(len(HOSTILE)), "tables_inconsistent": count(3)} for db in dbs]
    meta = [Meta("task_id", "Task ID", HOSTILE[4]), Meta("compare_type", "Compare Type", "Row comparison"),
            Meta("source_engine", "Source DB Engine", HOSTILE[2]), Meta("", HOSTILE[6], HOSTILE[1], "two_cells", ""),
            Meta("target_engine", "Destination DB Engine", TERMINAL_HOSTILE[0])]
    title = HOSTILE[0]
    sections = [
        Section("database_summary", cols_db, [SheetPart("Overview <b>&'\"", overview, title, meta)]),
        Section("table_row_counts", cols_t, [SheetPart("Details <script>", per_table, HOSTILE[3])]),
        Section("cannot_compare", cols_u, [SheetPart("Cannot Be Compared", uncomparable)]),
        Section("unknown", [(payload[:30], "values") for payload in HOSTILE[:4]],
                [SheetPart("Notes \"><img", [{"values": text(HOSTILE[7])}])]),
    ]
    return Report("lines", "en-us", book, sections)


def hostile_values_report(book) -> Report:
    """A value-comparison report whose database, table, key-value, column, value and sheet texts are
    payloads (HOSTILE), for the HTML page of `drsdiff diff` (scripts/make_diff_samples.py --hostile
    edits it into an "after"): every payload is a key or a value of some differing row, so it is
    listed whatever changes. Twelve tables, every third inconsistent with three differing rows."""
    cols_r = [("Source DB Name", "source_database"), ("Source Table Name", "source_table"),
              ("Target DB Name", "target_database"), ("Target Table Name", "target_table"),
              ("Rows in Source", "source_rows"), ("Rows in Target", "target_rows"), ("Different Rows", "difference"),
              ("Row Comparison Result", "row_result"), ("Value Comparison Result", "value_result"),
              ("Additional Info", "message")]
    cols_u = [("Source Database", "source_database"), ("Source Table", "source_table"), ("Status", "status"), ("Remarks", "message")]
    cols_d = [("Source Database", "source_database"), ("Source Table", "source_table"),
              ("Difference Type", "difference_kind"), ("Key Values", "key_values"), ("Column Name", "column"),
              ("Source Value", "source_value"), ("Target Value", "target_value")]
    n = len(HOSTILE)
    results, uncomparable, diffs = [], [], []
    for i in range(12):
        db, table = HOSTILE[i % 2], HOSTILE[i % n] + (f" #{i}" if i >= n else "")
        bad = i % 3 == 0
        rows = 1000 + 17 * i
        results.append({"source_database": text(db), "source_table": text(table), "target_database": text(db),
                        "target_table": text(table), "source_rows": count(rows), "target_rows": count(rows - (3 if bad else 0)),
                        "difference": count(3 if bad else 0), "row_result": status(0 if bad else 2, "en"),
                        "value_result": status(0 if bad else 2, "en"), "message": text(HOSTILE[(i + 4) % n] if bad else None)})
        for k in range(3 if bad else 0):
            diffs.append({"source_database": text(db), "source_table": text(table),
                          "difference_kind": V(DIFF_KINDS["en1"]["both_differ"], "both_differ"),
                          "key_values": text(HOSTILE[(i + k) % n]), "column": text(HOSTILE[(i + k + 3) % n]),
                          "source_value": text(HOSTILE[(i + k + 5) % n]), "target_value": text(HOSTILE[(i + k + 7) % n])})
    for i in range(2):
        uncomparable.append({"source_database": text(HOSTILE[i]), "source_table": text(HOSTILE[i + 2] + " (2)"),
                             "status": status(16, "en"), "message": text(HOSTILE[i + 6])})
    meta = [Meta("task_id", "Task ID", HOSTILE[4]), Meta("compare_type", "Compare Type", "Value comparison")]
    sections = [
        Section("table_values", cols_r, [SheetPart("Results <script>", results, HOSTILE[0], meta)]),
        Section("cannot_compare", cols_u, [SheetPart("Cannot Be Compared \"><img", uncomparable)]),
        Section("value_differences", cols_d, [SheetPart("Differences <b>&'\"", diffs)]),
    ]
    return Report("contents", "en-us", book, sections)


def generate_hostile(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    path = out / "hostile_en-us.xlsx"
    write_report(hostile_report(XWBook(path, constant_memory=False)), path)
    print(f"{path.name}: {path.stat().st_size} bytes, {len(HOSTILE) + len(TERMINAL_HOSTILE)} payloads")


def dump_truth(truth: dict) -> str:
    """Indented JSON, one line per data row (diff-friendly)."""
    rows = {}
    for si, sec in enumerate(truth["sections"]):
        for ri, row in enumerate(sec["rows"]):
            rows[f"@@ROW{si}_{ri}@@"] = json.dumps(row, ensure_ascii=False)
        sec["rows"] = [f"@@ROW{si}_{ri}@@" for ri in range(len(sec["rows"]))]
    text = json.dumps(truth, ensure_ascii=False, indent=1)
    for k, v in rows.items():
        text = text.replace(json.dumps(k), v, 1)
    return text + "\n"


def generate(out: Path, keep_from: Path | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for ctype, lang, builder, (wkind, mode) in PLAN:
        path = out / f"{ctype}_{lang}.xlsx"
        if wkind == "xw":
            book = XWBook(path, constant_memory=mode)
        elif wkind == "op":
            book = OPBook(path, write_only=mode)
        else:
            book = PoiBook(path, streaming=mode, keep_from=keep_from)
        rep = builder(lang, book)
        truth = write_report(rep, path)
        (out / f"{rep.name}.truth.json").write_text(dump_truth(truth), encoding="utf-8")
        write_expected(path, out / "expected")
        nrows = sum(s["row_count"] for s in truth["sections"])
        print(f"{path.name}: {path.stat().st_size} bytes, {truth['writer']}, {truth['strings']} strings, "
              f"{len(truth['sections'])} sections, {nrows} data rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="regenerate in a temp dir and diff against samples/reports")
    ap.add_argument("--hostile", metavar="DIR", type=Path, help="write only the hostile-text report (hostile_en-us.xlsx) into DIR")
    args = ap.parse_args()
    if args.hostile:
        generate_hostile(args.hostile)
        return
    if not args.check:
        generate(OUT)
        return
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp) / "reports"
        generate(t, OUT)
        bad = []

        def walk(c, prefix=""):
            bad.extend(prefix + f for f in c.diff_files + c.left_only + c.right_only)
            for name, sub in c.subdirs.items():
                walk(sub, prefix + name + "/")

        walk(filecmp.dircmp(OUT, t, ignore=["README.md", "drsdiff"]))  # expected/drsdiff: drsdiff's own goldens
        from poi import same_content  # POI stamps ZIP entries with the save time: compare the parts

        bad = [b for b in bad if not (b in POI_FILES and same_content(OUT / b, t / b))]
        if bad:
            sys.exit("make_reports --check: differs: " + ", ".join(bad))
        print("make_reports --check: samples/reports is up to date")


if __name__ == "__main__":
    main()
