"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cellAt = cellAt;
function cellAt(sheet, row, col) {
    if (row < 1 || col < 1 || row > sheet.rowCount || col > sheet.colCount)
        return null;
    return sheet.cells[row - 1]?.[col - 1] ?? null;
}
