"""A rich workbook the way openpyxl writes one: chart, image, comments with authors, conditional
formats, data validation, a table, defined names (workbook and sheet-local), sheet protection,
print titles, custom document properties, shared strings, formulas with cached values missing.
Usage: make_openpyxl.py OUT.xlsx"""
import sys
import struct
import zlib
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.workbook.defined_name import DefinedName
import zipfile
import xml.etree.ElementTree as ET


def tiny_png(path):
    """A 2x2 red PNG, written by hand."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


out = sys.argv[1]
wb = Workbook()
ws = wb.active
ws.title = "基础数据"
ws.append(["平台名称", "工业总产值(亿元)", "集聚度", "得分"])
platforms = [("杭州钱塘生物医药平台", 1180.5, 0.72), ("宁波前湾新能源汽车平台", 960.25, 0.65), ("温州瓯江口智能装备平台", 412.0, 0.58), ("嘉兴南湖微电子平台", 0, 0.41)]
for i, (name, value, share) in enumerate(platforms, start=2):
    ws.cell(row=i, column=1, value=name)
    ws.cell(row=i, column=2, value=value)
    c = ws.cell(row=i, column=3, value=share)
    c.number_format = "0.00%"
last = len(platforms) + 1
ws.cell(row=last + 1, column=1, value="合计")
ws.cell(row=last + 1, column=2, value=f"=SUM(B2:B{last})")
ws.cell(row=last + 1, column=3, value=f"=AVERAGE(C2:C{last})")
ws.cell(row=last + 2, column=1, value="最大")
ws.cell(row=last + 2, column=2, value=f"=MAX(B2:B{last})")
ws["A1"].font = Font(bold=True)
ws["A1"].comment = Comment("平台名称按发文顺序", "省发改委")
ws["B2"].comment = Comment("单位:亿元", "统计员")
ws.conditional_formatting.add(f"B2:B{last}", CellIsRule(operator="greaterThan", formula=["1000"], fill=PatternFill("solid", start_color="FFC7CE")))
ws.conditional_formatting.add(f"C2:C{last}", ColorScaleRule(start_type="min", start_color="FFFFFF", end_type="max", end_color="63BE7B"))
dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", showErrorMessage=True, errorTitle="集聚度", error="应在 0 到 1 之间")
ws.add_data_validation(dv)
dv.add(f"C2:C{last}")
table = Table(displayName="平台表", ref=f"A1:D{last}")
table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
ws.add_table(table)
ws.protection.sheet = True
ws.protection.password = "wanmu"
ws.print_title_rows = "1:1"
ws.freeze_panes = "B2"

chart = BarChart()
chart.title = "工业总产值"
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=last), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
ws.add_chart(chart, "F2")

png = out + ".png"
tiny_png(png)
ws.add_image(Image(png), "F20")

notes = wb.create_sheet("说明")
notes["A1"] = "本表由统计部门填报"
notes["A2"] = "=基础数据!B6*2"
notes["B1"] = True
notes["B2"] = "00123"
notes.merge_cells("A4:C4")
notes["A4"] = "合并单元格"
hidden = wb.create_sheet("参数")
hidden.sheet_state = "hidden"
hidden["A1"] = 10
hidden["A2"] = 0.5

wb.defined_names.append(DefinedName("满分", attr_text="参数!$A$1"))
wb.defined_names.append(DefinedName("本表说明", attr_text="说明!$A$1", localSheetId=1))
wb.save(out)

# Custom document properties (this openpyxl has no API for them): added as Office writes them.
CUSTOM = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>浙江省发展改革委</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="年度"><vt:i4>2022</vt:i4></property></Properties>"""
with zipfile.ZipFile(out) as z:
    items = [(i, z.read(i.filename)) for i in z.infolist()]
ET.register_namespace("", "http://schemas.openxmlformats.org/package/2006/relationships")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for info, data in items:
        if info.filename == "_rels/.rels":
            root = ET.fromstring(data)
            ET.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship", Id="rIdCustom", Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties", Target="docProps/custom.xml")
            data = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
        elif info.filename == "[Content_Types].xml":
            ET.register_namespace("", "http://schemas.openxmlformats.org/package/2006/content-types")
            root = ET.fromstring(data)
            ET.SubElement(root, "{http://schemas.openxmlformats.org/package/2006/content-types}Override", PartName="/docProps/custom.xml", ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml")
            data = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
        z.writestr(info.filename, data)
    z.writestr("docProps/custom.xml", CUSTOM)
