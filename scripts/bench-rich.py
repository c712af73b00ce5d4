"""Makes the rich benchmark workbook from a cohort file: a chart, comments, a large photo (noise,
which does not compress) and a big data sheet. Usage: bench-rich.py COHORT OUT ROWS PIXELS"""
import os
import sys
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from PIL import Image as PILImage

cohort, out, rows, pixels = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
wb = load_workbook(cohort)
ws = wb.worksheets[0]
from openpyxl.cell.cell import MergedCell
for r in range(1, 60):
    cell = ws.cell(row=r, column=1)
    if not isinstance(cell, MergedCell):
        cell.comment = Comment("第 %d 行的说明" % r, "统计员")
chart = BarChart()
chart.add_data(Reference(ws, min_col=3, min_row=4, max_row=60), titles_from_data=False)
ws.add_chart(chart, "AZ2")
photo = out + ".png"
PILImage.frombytes("RGB", (pixels, pixels), os.urandom(pixels * pixels * 3)).save(photo)
ws.add_image(Image(photo), "BA30")
data = wb.create_sheet("明细数据")
data.append(["企业", "地区", "产值", "投资", "税收", "人数", "备注"])
for i in range(rows):
    data.append(["企业%06d" % i, ("杭州", "宁波", "温州", "嘉兴", "湖州")[i % 5], i * 1.5 + 0.25, (i * 37) % 1000 / 7, i % 97, i % 500, "说明文字 %d" % (i % 1000)])
wb.save(out)
