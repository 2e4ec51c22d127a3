// A sheet read once into rows and mapped by header: the only way actions touch sheet data.
import { AppError } from '../core/errors';
import type { Cell } from '../core/cells';
import { fromCell, serialToDate, toCell } from '../core/cells';
import type { ColumnDef, SheetDef } from '../core/sheets';
import { checkRow, type Problems, type Rec } from '../core/record-type';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

import { again } from './respond';
import { batchRead, writeBlock, type ApiTarget } from './sheets-api';
import type { Ctx } from './context';

export { again };
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Table {
  def: SheetDef;
  /** The sheet object; a table read through the Sheets API fetches it only if a write needs it. */
  readonly sheet: Sheet;
  /** Set when the table was read through the Sheets API: its writes go the same way. */
  api: ApiTarget | null;
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
  return toTable(def, values, timeZone, () => sheet, null);
}

/**
 * Reads several sheets: with the Sheets API all in one call, else one getValues each. Either way a
 * missing sheet or required column is a coded error naming it.
 */
export function readTables(ctx: Ctx, defs: SheetDef[]): Table[] {
  const ready = ctx.prefetched || {};
  const rest = defs.filter((d) => !ready[d.name]);
  const fresh = new Map(readFresh(ctx, rest).map((t) => [t.def.name, t]));
  return defs.map((d) => {
    const t = ready[d.name];
    if (!t) return fresh.get(d.name) as Table;
    // Handed out once: a later read of the sheet in the same run sees what was written since.
    delete ready[d.name];
    return t;
  });
}

/** Reads these sheets now, together, for the next readTables of each to take. */
export function prefetch(ctx: Ctx, defs: SheetDef[]): void {
  const tables = readFresh(ctx, defs);
  const ready = (ctx.prefetched = ctx.prefetched || {});
  for (const t of tables) ready[t.def.name] = t;
}

function readFresh(ctx: Ctx, defs: SheetDef[]): Table[] {
  if (!defs.length) return [];
  const fetched = batchRead(ctx, defs);
  if (!fetched) return defs.map((d) => readTable(ctx.ss, d, ctx.tz));
  return fetched.map((f, i) => {
    const def = defs[i];
    let sheet: Sheet | null = null;
    const lazy = () => (sheet = sheet || again(() => getSheet(ctx.ss, def)));
    return toTable(def, f.values, ctx.tz, lazy, f.target);
  });
}

/** The API gives dates as serial numbers; in date columns they become Dates, as getValues gives them. */
function datesFromSerials(def: SheetDef, col: Record<string, number>, rows: Cell[][], timeZone: string): void {
  const dateCols = def.columns.filter((c) => (c.kind === 'date' || c.kind === 'datetime') && col[c.key] !== undefined).map((c) => col[c.key]);
  for (const row of rows) for (const i of dateCols) if (typeof row[i] === 'number') row[i] = serialToDate(row[i] as number, timeZone);
}

function toTable(def: SheetDef, values: Cell[][], timeZone: string, sheetOf: () => Sheet, api: ApiTarget | null): Table {
  const header = (values[0] || []).map((h) => String(h ?? ''));
  const { col, missing } = mapHeader(def, header);
  if (missing.length) throw new AppError('missingColumn', { sheet: def.name, column: missing[0].header });
  let rows = values.slice(1);
  // Trailing blank rows are not data; blank rows in the middle keep their place.
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((v) => v === '' || v === null)) end--;
  rows = rows.slice(0, end);
  if (api) datesFromSerials(def, col, rows, timeZone);
  return {
    def,
    get sheet() {
      return sheetOf();
    },
    api,
    header,
    col,
    width: header.length,
    rows,
    timeZone,
  };
}

/**
 * Writes a block at (row, col), 1-based, by the road the table was read; `applied` keeps the rows in
 * memory in step, once the block is on the sheet (a held-back batch may fail as a whole).
 */
function putBlock(t: Table, row: number, col: number, block: Cell[][], applied: () => void, now = false): void {
  if (t.api) return writeBlock(t.api, row, col, block, applied, now);
  again(() => t.sheet.getRange(row, col, block.length, block[0].length).setValues(block));
  applied();
}

export function isBlankRow(row: Cell[]): boolean {
  return row.every((v) => v === '' || v === null || v === undefined);
}

/** One row's raw cell for a key ('' when the column is absent). */
export function cell(t: Table, row: Cell[], key: string): Cell {
  const i = t.col[key];
  return i === undefined ? '' : row[i] ?? '';
}

/** Reads the row into typed values by column kind and runs the declaration's row checks on it. */
export function readRecord(t: Table, row: Cell[]): { rec: Rec; problems: Problems } {
  const rec: Rec = {};
  const problems: Problems = {};
  for (const c of t.def.columns) {
    const r = fromCell(c.kind, cell(t, row, c.key), t.timeZone);
    rec[c.key] = r.value;
    if (r.problem) problems[c.key] = r.problem;
  }
  checkRow(t.def, rec, problems, (k) => t.col[k] !== undefined);
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
  const need = first + rows.length - 1;
  const grow = (max: number) => {
    again(() => t.sheet.insertRowsAfter(max, need - max + 500));
    if (t.api) t.api.maxRows = need + 500;
  };
  // The API read told the grid's height: grow before writing rather than fail first.
  if (t.api && t.api.maxRows && need > t.api.maxRows) grow(t.api.maxRows);
  // An append is the action's own write, never held back in a batch: on the sheet when this returns.
  const write = () => putBlock(t, first, 1, rows, () => undefined, true);
  try {
    write();
  } catch (e) {
    // A range past the sheet's last row does not exist: grow the sheet (with room to spare) and write again.
    if (!/outside the dimensions|too small|too large|exceeds/i.test(String((e as { message?: unknown })?.message ?? e))) throw e;
    const max = again(() => t.sheet.getMaxRows());
    if (need <= max) throw e;
    grow(max);
    write();
  }
  t.rows.push(...rows);
  return first;
}

/** Rewrites one data row (index into t.rows) in one write. */
export function writeRecord(t: Table, index: number, rec: Record<string, unknown>): void {
  const row = toRow(t, rec, t.rows[index]);
  putBlock(t, index + 2, 1, [row], () => (t.rows[index] = row));
}

/** Rewrites a block of whole data rows [from, from + rows.length) in one write. */
export function writeRows(t: Table, from: number, rows: Cell[][]): void {
  if (!rows.length) return;
  putBlock(t, from + 2, 1, rows, () => rows.forEach((r, k) => (t.rows[from + k] = r)));
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
      putBlock(t, 2, t.col[keys[0]] + 1, block, () => block.forEach((row, r) => keys.forEach((k, c) => t.rows[r] && (t.rows[r][t.col[k]] = row[c]))));
    }
    i = j + 1;
  }
}
