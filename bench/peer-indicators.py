"""The peer for npm run bench:e2e: the script an IT colleague would write in an afternoon.

openpyxl in read-only mode, the indicator column found by its header, one regular expression to split each
indicator cell into items, and for `normalize` a write-only sheet with one row per indicator. Run with
Debian's Python (/usr/bin/python3 with python3-openpyxl):

    peer-indicators.py check table.xlsx
    peer-indicators.py normalize table.xlsx out.xlsx

Prints the number of indicators found.
"""
import re
import sys

import openpyxl

# One item: "1、1-产出指标：11-数量指标：名称；实施周期指标值：1；年度指标值：1。", codes optional, half- or
# full-width punctuation. Examples: "1、1-产出指标：11-数量指标：报废小车数量；实施周期指标值：1；年度指标值：1。",
# "2、产出指标:质量指标:合格率;实施周期指标值:≥95%;年度指标值:≥95%。"
ITEM = re.compile(
    r"(\d+)、(?:\d+-)?([^：:；;。]+)[：:](?:\d+-)?([^：:；;。]+)[：:](.*?)[；;：:]实施周期指标值[：:](.*?)[；;]年度指标值[：:](.*?)[。.]"
)


def main():
    mode, path = sys.argv[1], sys.argv[2]
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book.worksheets[0]
    column = None
    rows = []
    count = 0
    for row in sheet.iter_rows(values_only=True):
        if column is None:
            for i, value in enumerate(row):
                if isinstance(value, str) and "绩效指标" in value:
                    column = i
            continue
        text = row[column] if column < len(row) else None
        if not isinstance(text, str):
            continue
        for match in ITEM.finditer(text):
            count += 1
            if mode == "normalize":
                rows.append((row[0],) + match.groups())
    if mode == "normalize":
        out = openpyxl.Workbook(write_only=True)
        detail = out.create_sheet("指标明细")
        detail.append(["项目名称", "序号", "一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值"])
        for r in rows:
            detail.append(r)
        out.save(sys.argv[3])
    print(count)


main()
