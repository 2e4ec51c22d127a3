// A sheet read once into rows and mapped by header: the only way actions touch sheet data.
import { AppError } from '../core/errors';
import type { Cell } from '../core/cells';
import { fromCell, toCell } from '../core/cells';
import type { ColumnDef, SheetDef } from '../core/sheets';
import type { FieldProblem } from '../core/errors';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

import { TRANSIENT } from './respond';

/**
 * Reading a range, or writing the same values to the same range, is safe to repeat: a call that
 * failed in passing is tried again at once, twice at most, before the error reaches the user.
 */
export function again<T>(fn: () => T, tries = 3): T {
  for (let i = 1; ; i++) {
    try {
      return fn();
    } catch (e) {
      if (i >= tries || !TRANSIENT.test(String((e as { message?: unknown })?.message ?? e))) throw e;
    }
  }
}
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Table {
  def: SheetDef;
  sheet: Sheet;
  /** Header cells as found in row 1. */
  header: string[];
  /** Column index (0-based) of every known key present in the header. */
  col: Record<string, number>;
  /** Number of columns the sheet's rows span. */
  width: number;
  /** Data rows (row 2 onwards), as getValues gave them. Row i lives on sheet row i + 2. */
  rows: Cell[][];
  timeZone: string;
}

export function normalizeHeader(s: unknown): string {
  return String(s ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Locate each known column by its header; a missing required one is an error naming it. */
export function mapHeader(def: SheetDef, header: unknown[]): { col: Record<string, number>; missing: ColumnDef[] } {
  const pos = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normalizeHeader(h);
    if (k && !pos.has(k)) pos.set(k, i);
  });
  const col: Record<string, number> = {};
  const missing: ColumnDef[] = [];
  for (const c of def.columns) {
    const i = pos.get(normalizeHeader(c.header));
    if (i === undefined) {
      if (c.required) missing.push(c);
    } else col[c.key] = i;
  }
  return { col, missing };
}

export function getSheet(ss: Spreadsheet, def: SheetDef): Sheet {
  const sheet = ss.getSheetByName(def.name);
  if (!sheet) throw new AppError('missingSheet', { sheet: def.name });
  return sheet;
}

/** Reads a whole sheet in one getValues; throws a coded error for a missing sheet or required column. */
export function readTable(ss: Spreadsheet, def: SheetDef, timeZone: string): Table {
  const sheet = again(() => getSheet(ss, def));
  const values = again(() => sheet.getDataRange().getValues()) as Cell[][];
  const header = (values[0] || []).map((h) => String(h ?? ''));
  const { col, missing } = mapHeader(def, header);
  if (missing.length) throw new AppError('missingColumn', { sheet: def.name, column: missing[0].header });
  let rows = values.slice(1);
  // Trailing blank rows are not data; blank rows in the middle keep their place.
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((v) => v === '' || v === null)) end--;
  rows = rows.slice(0, end);
  return { def, sheet, header, col, width: header.length, rows, timeZone };
}

export function isBlankRow(row: Cell[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

/** One row's raw cell for a key ('' when the column is absent). */
export function cell(t: Table, row: Cell[], key: string): Cell {
  const i = t.col[key];
  return i === undefined ? '' : row[i] ?? '';
}

/** Reads the row into domain values by column kind, collecting the problems of bad cells. */
export function readRecord(t: Table, row: Cell[]): { rec: Record<string, string | number | null>; problems: Record<string, FieldProblem> } {
  const rec: Record<string, string | number | null> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const c of t.def.columns) {
    const r = fromCell(c.kind, cell(t, row, c.key), t.timeZone);
    rec[c.key] = r.value;
    if (r.problem) problems[c.key] = r.problem;
    else if (c.required && !c.mayBeEmpty && !c.computed && (r.value === '' || r.value === null) && t.col[c.key] !== undefined) {
      problems[c.key] = { code: 'required' };
    }
  }
  return { rec, problems };
}

/** Lays a record out on the sheet's columns, keeping cells of columns the add-on does not own. */
export function toRow(t: Table, rec: Record<string, unknown>, base?: Cell[]): Cell[] {
  const row: Cell[] = base ? base.slice(0, t.width) : [];
  while (row.length < t.width) row.push('');
  for (const c of t.def.columns) {
    const i = t.col[c.key];
    if (i === undefined || !(c.key in rec)) continue;
    row[i] = toCell(c.kind, rec[c.key], t.timeZone);
  }
  return row;
}

/** Appends records below the last row in one write. */
export function appendRecords(t: Table, recs: Record<string, unknown>[]): number {
  if (!recs.length) return 0;
  const rows = recs.map((r) => toRow(t, r));
  const first = t.rows.length + 2;
  const write = () => again(() => t.sheet.getRange(first, 1, rows.length, t.width).setValues(rows));
  try {
    write();
  } catch (e) {
    // A range past the sheet's last row does not exist: grow the sheet (with room to spare) and write again.
    if (!/outside the dimensions|too small|too large|exceeds/i.test(String((e as { message?: unknown })?.message ?? e))) throw e;
    const max = again(() => t.sheet.getMaxRows());
    const need = first + rows.length - 1;
    if (need <= max) throw e;
    again(() => t.sheet.insertRowsAfter(max, need - max + 500));
    write();
  }
  t.rows.push(...rows);
  return first;
}

/** Rewrites one data row (index into t.rows) in one write. */
export function writeRecord(t: Table, index: number, rec: Record<string, unknown>): void {
  const row = toRow(t, rec, t.rows[index]);
  again(() => t.sheet.getRange(index + 2, 1, 1, t.width).setValues([row]));
  t.rows[index] = row;
}

/** Rewrites a block of whole data rows [from, from + rows.length) in one write. */
export function writeRows(t: Table, from: number, rows: Cell[][]): void {
  if (!rows.length) return;
  again(() => t.sheet.getRange(from + 2, 1, rows.length, t.width).setValues(rows));
  rows.forEach((r, k) => (t.rows[from + k] = r));
}

const sameCell = (a: unknown, b: unknown) => a === b || ((a === '' || a === null || a === undefined) && (b === '' || b === null || b === undefined));

/**
 * Writes computed columns of all data rows, but only those whose values changed, and columns side
 * by side as one block: after most changes only one or two cells differ.
 */
export function writeChangedColumns(t: Table, columns: Record<string, Cell[]>): void {
  const changed = Object.keys(columns)
    .filter((k) => t.col[k] !== undefined && columns[k].some((v, r) => !sameCell(v, t.rows[r] ? t.rows[r][t.col[k]] : '')))
    .sort((a, b) => t.col[a] - t.col[b]);
  let i = 0;
  while (i < changed.length) {
    let j = i;
    while (j + 1 < changed.length && t.col[changed[j + 1]] === t.col[changed[j]] + 1) j++;
    const keys = changed.slice(i, j + 1);
    const n = columns[keys[0]].length;
    if (n) {
      const block = Array.from({ length: n }, (_, r) => keys.map((k) => columns[k][r]));
      again(() => t.sheet.getRange(2, t.col[keys[0]] + 1, n, keys.length).setValues(block));
      block.forEach((row, r) => keys.forEach((k, c) => t.rows[r] && (t.rows[r][t.col[k]] = row[c])));
    }
    i = j + 1;
  }
}
