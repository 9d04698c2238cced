"""Makes test/fixtures/kept-parts.xlsx: a clerk's workbook with everything the file shell must keep.

Run once by hand (not in CI, which has no Python): /usr/bin/python3 scripts/make-kept-parts-workbook.py
Needs Debian's python3-openpyxl, python3-pil, python3-uno and LibreOffice. openpyxl builds the sheets
(the table with comments, data validation, conditional formats, a defined name, print titles and the clerk's
own fills in Excel's "Bad" and "Neutral" colours; a chart; an image; a hidden sheet), then LibreOffice adds a
pivot table (openpyxl cannot make one) and saves the workbook, as a clerk's LibreOffice would.
"""
import os
import subprocess
import sys
import tempfile
import time

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image as PilImage

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "kept-parts.xlsx")


def build(path, image_path):
    book = openpyxl.Workbook()
    table = book.active
    table.title = "目标表"
    with open(os.path.join(ROOT, "samples", "baiyun-2024.tsv"), encoding="utf-8") as f:
        for r, line in enumerate(f.read().splitlines(), start=1):
            for c, value in enumerate(line.split("\t"), start=1):
                if value == "":
                    continue
                number = value.replace(",", "")
                if 2 <= c <= 5 and r > 9 and number.replace(".", "", 1).isdigit():
                    table.cell(r, c, float(number)).number_format = "#,##0.00"
                else:
                    table.cell(r, c, value)
    table["A9"].comment = Comment("表头：项目名称", "科员")
    bad = PatternFill("solid", fgColor="FFC7CE")
    neutral = PatternFill("solid", fgColor="FFEB9C")
    # The clerk's own fills in Excel's "Bad" and "Neutral" colours: G25 and G20 will be marked, A12 will not.
    table["G25"].fill = bad
    table["G25"].font = Font(color="9C0006")
    table["G20"].fill = neutral
    table["A12"].fill = bad
    validation = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    table.add_data_validation(validation)
    validation.add("H10:H40")
    table.conditional_formatting.add("B10:B40", CellIsRule(operator="greaterThan", formula=["400"], fill=neutral))
    table.print_title_rows = "9:9"
    book.defined_names.append(DefinedName("金额合计", attr_text="'目标表'!$B$10"))

    chart_sheet = book.create_sheet("图表")
    chart_sheet.append(["单位", "金额"])
    for name, amount in [("办公室", 495.0), ("财政局", 1963.53), ("其他", 18.01)]:
        chart_sheet.append([name, amount])
    chart = BarChart()
    chart.title = "各单位金额"
    chart.add_data(Reference(chart_sheet, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    chart.set_categories(Reference(chart_sheet, min_col=1, min_row=2, max_row=4))
    chart_sheet.add_chart(chart, "D2")
    chart_sheet.add_image(Image(image_path), "D20")

    hidden = book.create_sheet("隐藏")
    hidden["A1"] = "隐藏的说明"
    hidden.sheet_state = "hidden"
    book.save(path)


def add_pivot_with_libreoffice(source, target):
    """Opens the workbook in LibreOffice over UNO, adds a pivot table of 图表!A1:B4, saves it as .xlsx."""
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.table import CellAddress, CellRangeAddress

    profile = tempfile.mkdtemp(prefix="lo-profile-")
    office = subprocess.Popen(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--accept=socket,host=127.0.0.1,port=2002;urp;"],
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(60):
            try:
                context = resolver.resolve("uno:socket,host=127.0.0.1,port=2002;urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

        def prop(name, value):
            p = PropertyValue()
            p.Name, p.Value = name, value
            return p

        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        sheets.insertNewByName("透视", sheets.Count)
        data = sheets.getByName("图表")
        pivot_sheet = sheets.getByName("透视")
        tables = pivot_sheet.DataPilotTables
        descriptor = tables.createDataPilotDescriptor()
        area = CellRangeAddress()
        area.Sheet, area.StartColumn, area.StartRow, area.EndColumn, area.EndRow = 1, 0, 0, 1, 3
        descriptor.SourceRange = area
        fields = descriptor.DataPilotFields
        fields.getByIndex(0).Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
        amount = fields.getByIndex(1)
        amount.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
        amount.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
        corner = CellAddress()
        corner.Sheet, corner.Column, corner.Row = sheets.Count - 1, 0, 0
        tables.insertNewByName("金额透视", corner, descriptor)
        doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        del data
    finally:
        office.terminate()
        office.wait()


def main():
    work = tempfile.mkdtemp(prefix="kept-parts-")
    image_path = os.path.join(work, "seal.png")
    PilImage.new("RGB", (64, 32), (200, 30, 30)).save(image_path)
    plain = os.path.join(work, "plain.xlsx")
    build(plain, image_path)
    add_pivot_with_libreoffice(plain, OUT)
    print(OUT, os.path.getsize(OUT), file=sys.stderr)


main()
