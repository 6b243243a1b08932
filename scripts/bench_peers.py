#!/usr/bin/env python3
"""Peer readers timed by scripts/bench.sh: write the first sheet of IN.xlsx as CSV to OUT.

    bench_peers.py calamine  IN.xlsx OUT.csv   # python-calamine: to_python() + csv module
    bench_peers.py fastexcel IN.xlsx OUT.csv   # fastexcel -> polars DataFrame -> write_csv

Each does what a user of that library would write; neither applies drsdiff's canonical CSV rules
(number and date spelling differ), so the outputs are for timing, not for comparison.
"""
from __future__ import annotations

import csv
import sys


def calamine(src: str, dst: str) -> None:
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(src).get_sheet_by_index(0).to_python()
    with open(dst, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def fastexcel(src: str, dst: str) -> None:
    import fastexcel as fe

    # header_row=None: every row is data (the title/metadata rows of a report included)
    df = fe.read_excel(src).load_sheet(0, header_row=None).to_polars()
    df.write_csv(dst, include_header=False)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("calamine", "fastexcel"):
        sys.exit(__doc__)
    {"calamine": calamine, "fastexcel": fastexcel}[sys.argv[1]](sys.argv[2], sys.argv[3])
