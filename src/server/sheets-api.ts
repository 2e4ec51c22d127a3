// The Sheets API advanced service as a faster road to the same cells: all data sheets in one call.
import { AppError } from '../core/errors';
import { dateToSerial, isDate, type Cell } from '../core/cells';
import { columnLetter, type SheetDef } from '../core/sheets';
import { again } from './respond';
import { apiOpen, refused } from './roads';
import type { Ctx } from './context';

type ValuesApi = GoogleAppsScript.Sheets.Collection.Spreadsheets.ValuesCollection;

/** Where API writes of one sheet go; `maxRows` is the grid height the last read reported. */
export interface ApiTarget {
  values: ValuesApi;
  spreadsheetId: string;
  sheetName: string;
  maxRows: number;
  timeZone: string;
  /** The run, for the classic road when the API refuses (roads.ts). */
  ctx: Ctx;
}

/** A sheet name as A1 notation wants it: always quoted, inner apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The grid's last row from the range the API echoes ("'Hoạt động'!A1:P1000" → 1000). */
export function gridRows(range: string | undefined): number {
  const m = /![A-Z]*(\d+)?(?::[A-Z]*(\d+))?$/.exec(range || '');
  return m ? +(m[2] || m[1] || 0) : 0;
}

function valuesApi(ctx: Ctx): ValuesApi | null {
  if (!apiOpen(ctx, 'sheets')) return null;
  const api = ctx.svc.Sheets;
  return (api && api.Spreadsheets && api.Spreadsheets.Values) || null;
}

/** The spreadsheet's id, asked once per run and only on the API road. */
function spreadsheetId(ctx: Ctx): string {
  if (!ctx.spreadsheetId) ctx.spreadsheetId = ctx.ss.getId();
  return ctx.spreadsheetId;
}

/** A write target for a sheet not read in this run (the grid height unknown: 0). */
export function targetFor(ctx: Ctx, def: SheetDef): ApiTarget | null {
  const values = valuesApi(ctx);
  return values ? { values, spreadsheetId: spreadsheetId(ctx), sheetName: def.name, maxRows: 0, timeZone: ctx.tz, ctx } : null;
}

export interface Fetched {
  /** As getDataRange().getValues() would give them: a rectangle, '' for empty cells. */
  values: Cell[][];
  target: ApiTarget;
}

/**
 * Reads whole sheets in one batchGet, or returns null when the advanced service is not enabled.
 * Dates come back as serial numbers; the caller turns those of date columns into Dates.
 */
export function batchRead(ctx: Ctx, defs: SheetDef[]): Fetched[] | null {
  const values = valuesApi(ctx);
  if (!values || !defs.length) return null;
  const id = spreadsheetId(ctx);
  let res: GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;
  try {
    res = again(() =>
      values.batchGet(id, { ranges: defs.map((d) => quoteSheet(d.name)), valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' }),
    );
  } catch (e) {
    // One missing sheet fails the whole batch; the error quotes the range it could not parse.
    const msg = String((e as { message?: unknown })?.message ?? e);
    const missing = /Unable to parse range/i.test(msg) ? defs.find((d) => msg.includes(quoteSheet(d.name)) || msg.includes(d.name)) : undefined;
    if (missing) throw new AppError('missingSheet', { sheet: missing.name });
    // API not enabled, not permitted, or the request refused: the caller reads by SpreadsheetApp instead.
    if (refused(ctx, 'sheets', e, 'việc đọc bảng tính')) return null;
    throw e;
  }
  const ranges = res.valueRanges || [];
  return defs.map((def, i) => {
    const vr = ranges[i] || {};
    const raw = (vr.values || []) as Cell[][];
    const width = raw.reduce((w, r) => Math.max(w, r.length), 0);
    const rect = raw.map((r) => {
      const row = r.map((v) => (v === null || v === undefined ? '' : v));
      while (row.length < width) row.push('');
      return row;
    });
    return { values: rect, target: { values, spreadsheetId: id, sheetName: def.name, maxRows: gridRows(vr.range), timeZone: ctx.tz, ctx } };
  });
}

/** What the API is given for a cell: Dates as serial numbers (the column's format shows them as dates). */
function apiCell(v: Cell, timeZone: string): string | number | boolean {
  return isDate(v) ? dateToSerial(v, timeZone) : v;
}

interface Pending {
  range: string;
  values: (string | number | boolean)[][];
  /** The same write for SpreadsheetApp, should the API refuse it. */
  row: number;
  col: number;
  block: Cell[][];
  sheetName: string;
  /** Runs once the write is on the sheet: callers keep their in-memory rows in step with it. */
  applied?: () => void;
}

/** Writes collected by `batchWrites`, per spreadsheet; null when writes go out at once. */
let collecting: { target: ApiTarget; data: Pending[] } | null = null;

/**
 * Runs `fn` with its API writes held back, then sends them all in one batchUpdate (atomic: all or
 * none). The computed columns and the dashboard after a change are several blocks on three sheets.
 */
export function batchWrites<T>(fn: () => T): T {
  if (collecting) return fn();
  const mine: { target: ApiTarget; data: Pending[] } = { target: null as unknown as ApiTarget, data: [] };
  collecting = mine;
  let result: T;
  try {
    result = fn();
  } finally {
    collecting = null;
  }
  if (mine.data.length) {
    const t = mine.target;
    // The road may have closed since the writes were collected (a refusal earlier in the batch's run).
    let classic = !apiOpen(t.ctx, 'sheets');
    if (!classic) {
      try {
        again(() => t.values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: mine.data.map((d) => ({ range: d.range, values: d.values })) }, t.spreadsheetId));
      } catch (e) {
        if (expectedByCaller(e) || !refused(t.ctx, 'sheets', e, 'việc ghi bảng tính')) throw e;
        classic = true;
      }
    }
    if (classic) for (const d of mine.data) classicWrite(t.ctx, d.sheetName, d.row, d.col, d.block);
    for (const d of mine.data) if (d.applied) d.applied();
  }
  return result;
}

/** API answers the callers handle themselves (a sheet to grow, a sheet gone), never a reason to change road. */
function expectedByCaller(e: unknown): boolean {
  return /exceeds grid limits|Unable to parse range/i.test(String((e as { message?: unknown })?.message ?? e));
}

/** The classic road for one block: SpreadsheetApp's setValues, which takes Dates as they are. */
function classicWrite(ctx: Ctx, sheetName: string, row: number, col: number, block: Cell[][]): void {
  const sheet = again(() => ctx.ss.getSheetByName(sheetName));
  if (!sheet) throw new AppError('missingSheet', { sheet: sheetName });
  again(() => sheet.getRange(row, col, block.length, block[0].length).setValues(block));
}

/**
 * Writes a block at (row, col), both 1-based, in one call (or into the batch being collected).
 * USER_ENTERED reads strings as typed, like setValues, so the apostrophe that keeps text as text
 * works the same on both roads.
 */
export function writeBlock(t: ApiTarget, row: number, col: number, block: Cell[][], applied?: () => void, now = false): void {
  if (!block.length || !block[0].length) {
    if (applied) applied();
    return;
  }
  const range = `${quoteSheet(t.sheetName)}!${columnLetter(col - 1)}${row}:${columnLetter(col + block[0].length - 2)}${row + block.length - 1}`;
  const values = block.map((r) => r.map((v) => apiCell(v, t.timeZone)));
  if (!now && collecting && (!collecting.target || collecting.target.spreadsheetId === t.spreadsheetId)) {
    collecting.target = collecting.target || t;
    collecting.data.push({ range, values, applied, row, col, block, sheetName: t.sheetName });
    return;
  }
  if (!apiOpen(t.ctx, 'sheets')) classicWrite(t.ctx, t.sheetName, row, col, block);
  else {
    try {
      again(() => t.values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: [{ range, values }] }, t.spreadsheetId));
    } catch (e) {
      if (expectedByCaller(e) || !refused(t.ctx, 'sheets', e, 'việc ghi bảng tính')) throw e;
      classicWrite(t.ctx, t.sheetName, row, col, block);
    }
  }
  if (applied) applied();
}
