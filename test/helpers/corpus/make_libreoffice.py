"""A workbook the way LibreOffice Calc saves one, built through UNO: data with formulas, a chart,
a pivot table (DataPilot), a database range with an autofilter, a hidden sheet and a merge.
Usage: make_libreoffice.py OUT.xlsx PROFILE_DIR"""
import os
import subprocess
import sys
import time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.awt import Rectangle
from com.sun.star.table import CellRangeAddress, CellAddress


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


out = os.path.abspath(sys.argv[1])
profile = os.path.abspath(sys.argv[2])
pipe = "wanmu_corpus_%d" % os.getpid()
office = subprocess.Popen([
    "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore", "--nologo",
    "--accept=pipe,name=%s;urp;" % pipe,
], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(120):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.5)
    if ctx is None:
        raise SystemExit("LibreOffice did not start")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    data = sheets.getByIndex(0)
    sheets.getByIndex(0).Name = "基础数据"
    rows = [("平台名称", "地区", "工业总产值(亿元)", "集聚度"),
            ("杭州钱塘生物医药平台", "杭州", 1180.5, 0.72),
            ("宁波前湾新能源汽车平台", "宁波", 960.25, 0.65),
            ("温州瓯江口智能装备平台", "温州", 412.0, 0.58),
            ("杭州湾智能制造平台", "杭州", 300.0, 0.5),
            ("嘉兴南湖微电子平台", "嘉兴", 0.0, 0.41)]
    for r, line in enumerate(rows):
        for c, v in enumerate(line):
            cell = data.getCellByPosition(c, r)
            if isinstance(v, str):
                cell.String = v
            else:
                cell.Value = v
    data.getCellByPosition(0, 6).String = "合计"
    data.getCellByPosition(2, 6).Formula = "=SUM(C2:C6)"
    data.getCellByPosition(3, 6).Formula = "=AVERAGE(D2:D6)"
    data.getCellByPosition(0, 7).String = "比值"
    data.getCellByPosition(2, 7).Formula = "=C2/C6"
    data.getCellByPosition(3, 7).Formula = "=IF(D2>0.7;\"高\";\"低\")"
    data.getCellRangeByName("D2:D7").NumberFormat = doc.NumberFormats.queryKey("0.00%", doc.CharLocale, False) if doc.NumberFormats.queryKey("0.00%", doc.CharLocale, False) >= 0 else doc.NumberFormats.addNew("0.00%", doc.CharLocale)
    data.getCellRangeByName("A9:D9").merge(True)
    data.getCellByPosition(0, 8).String = "数据来源:各地报送"

    # database range with an autofilter (saved as a table or an autofilter)
    rng = CellRangeAddress()
    rng.Sheet, rng.StartColumn, rng.StartRow, rng.EndColumn, rng.EndRow = 0, 0, 0, 3, 5
    doc.DatabaseRanges.addNewByName("平台数据", rng)
    doc.DatabaseRanges.getByName("平台数据").AutoFilter = True

    # chart
    charts = data.Charts
    rect = Rectangle(10000, 1000, 12000, 8000)
    src = CellRangeAddress()
    src.Sheet, src.StartColumn, src.StartRow, src.EndColumn, src.EndRow = 0, 2, 0, 2, 5
    charts.addNewByName("产值图", rect, (src,), True, False)

    # pivot table on its own sheet
    sheets.insertNewByName("透视表", 1)
    pivot_sheet = sheets.getByName("透视表")
    pilots = pivot_sheet.DataPilotTables
    desc = pilots.createDataPilotDescriptor()
    src2 = CellRangeAddress()
    src2.Sheet, src2.StartColumn, src2.StartRow, src2.EndColumn, src2.EndRow = 0, 0, 0, 3, 5
    desc.SourceRange = src2
    fields = desc.DataPilotFields
    from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA
    from com.sun.star.sheet.GeneralFunction import SUM
    region = fields.getByIndex(1)
    region.Orientation = ROW
    value = fields.getByIndex(2)
    value.Orientation = DATA
    value.Function = SUM
    at = CellAddress()
    at.Sheet, at.Column, at.Row = 1, 0, 0
    pilots.insertNewByName("地区汇总", at, desc)

    sheets.insertNewByName("参数", 2)
    params = sheets.getByName("参数")
    params.getCellByPosition(0, 0).Value = 10
    params.getCellByPosition(0, 1).String = "00123"
    params.IsVisible = False

    doc.storeToURL(uno.systemPathToFileUrl(out), (prop("FilterName", "Calc Office Open XML"),))
    doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        office.wait(timeout=30)
    except subprocess.TimeoutExpired:
        office.kill()
