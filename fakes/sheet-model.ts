// Pure helpers over the stored sheet grid: cell lookup, content extent, row/column insertion, value reads.

import { gasError, type CellState, type Exec, type SheetState, type SpreadsheetState } from './core';
import { evaluateFormula, type Scalar } from './formula';
import { readValue } from './values';

export function newSheetState(id: number, name: string, rows = 1000, cols = 26): SheetState {
  return {
    id,
    name,
    rows: [],
    maxRows: rows,
    maxCols: cols,
    frozenRows: 0,
    frozenCols: 0,
    colWidths: {},
    hiddenCols: [],
    hiddenRows: [],
    tabColor: null,
    protections: [],
    charts: [],
    merges: [],
    borders: [],
  };
}

export function cellAt(sh: SheetState, r: number, c: number): CellState | null {
  const row = sh.rows[r - 1];
  return row ? (row[c - 1] ?? null) : null;
}

export function cellFor(sh: SheetState, r: number, c: number): CellState {
  let row = sh.rows[r - 1];
  if (!row) {
    while (sh.rows.length < r - 1) sh.rows.push(null);
    row = [];
    sh.rows[r - 1] = row;
  }
  let cell = row[c - 1];
  if (!cell) {
    while (row.length < c - 1) row.push(null);
    cell = {};
    row[c - 1] = cell;
  }
  return cell;
}

export function hasContent(cell: CellState | null | undefined): boolean {
  return !!cell && ((cell.v !== undefined && cell.v !== '') || !!cell.f);
}

export function lastRow(sh: SheetState): number {
  for (let r = sh.rows.length; r >= 1; r--) {
    const row = sh.rows[r - 1];
    if (row && row.some((c) => hasContent(c))) return r;
  }
  return 0;
}

export function lastCol(sh: SheetState): number {
  let max = 0;
  for (const row of sh.rows) {
    if (!row) continue;
    for (let c = row.length; c > max; c--) if (hasContent(row[c - 1])) max = c;
  }
  return max;
}

export function insertRows(sh: SheetState, before: number, n: number): void {
  if (sh.rows.length >= before) sh.rows.splice(before - 1, 0, ...new Array<null>(n).fill(null));
  sh.maxRows += n;
}

export function deleteRows(x: Exec, sh: SheetState, start: number, n: number): void {
  if (start < 1 || n < 1 || start + n - 1 > sh.maxRows) throw gasError(x, 'Those rows are out of bounds.');
  if (sh.maxRows - n < 1 || (sh.frozenRows > 0 && sh.maxRows - n <= sh.frozenRows)) throw gasError(x, 'Sorry, it is not possible to delete all non-frozen rows.');
  sh.rows.splice(start - 1, n);
  sh.maxRows -= n;
}

export function insertCols(sh: SheetState, before: number, n: number): void {
  for (const row of sh.rows) if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<null>(n).fill(null));
  sh.maxCols += n;
}

export function deleteCols(x: Exec, sh: SheetState, start: number, n: number): void {
  if (start < 1 || n < 1 || start + n - 1 > sh.maxCols) throw gasError(x, 'Those columns are out of bounds.');
  if (sh.maxCols - n < 1) throw gasError(x, 'Sorry, it is not possible to delete all non-frozen columns.');
  for (const row of sh.rows) if (row) row.splice(start - 1, n);
  sh.maxCols -= n;
}

export function findSheet(ss: SpreadsheetState, name: string): SheetState | undefined {
  return ss.sheets.find((s) => s.name === name) ?? ss.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Value a script reads from a cell, computing simple formulas. Host-realm Date for dates. */
export function cellValue(ss: SpreadsheetState, sh: SheetState, r: number, c: number, depth = 0): Scalar {
  const cell = cellAt(sh, r, c);
  if (!cell) return '';
  if (cell.f) {
    if (depth > 20) return '#REF!';
    return evaluateFormula(cell.f, (sheetName, row, col, nr, nc) => {
      const target = sheetName ? findSheet(ss, sheetName) : sh;
      if (!target) return null;
      const rows = nr ?? Math.max(lastRow(target) - row + 1, 1);
      const cols = nc ?? Math.max(lastCol(target) - col + 1, 1);
      const out: Scalar[][] = [];
      for (let i = 0; i < rows; i++) {
        const line: Scalar[] = [];
        for (let j = 0; j < cols; j++) line.push(cellValue(ss, target, row + i, col + j, depth + 1));
        out.push(line);
      }
      return out;
    });
  }
  return readValue(cell.v, cell.nf, ss.timeZone);
}
