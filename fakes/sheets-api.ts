// Sheets API v4 advanced service (the `Sheets` global): spreadsheets.values get/batchGet/batchUpdate/append over the SpreadsheetApp fake's cells.

import { Fake, gasError, isDateLike, wrap, type Exec, type SheetState, type SpreadsheetState, type Val } from './core';
import { cellAt, cellFor, cellValue, findSheet, hasContent, insertRows, lastCol, lastRow } from './sheet-model';
import { tzOffset } from './tz';
import { colToLetters, displayValue, interpretInput, parseA1, quoteSheet, toA1 } from './values';

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Instant -> spreadsheet serial number: days since 30/12/1899 in the spreadsheet's zone, time of day as the fraction. */
export function msToSerial(ms: number, tz: string): number {
  return (ms + tzOffset(ms, tz) - SERIAL_EPOCH_MS) / DAY_MS;
}

/** A sheet name as the API writes it in the ranges it returns: quoted unless a plain identifier that is not a cell reference. */
export function apiSheetName(name: string): string {
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name)) return `'${name.replace(/'/g, "''")}'`;
  return quoteSheet(name);
}

type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
type Dim = 'ROWS' | 'COLUMNS';
type Input = 'RAW' | 'USER_ENTERED';

interface ReadOpts {
  render: Render;
  dates: DateRender;
  dim: Dim;
}

/** A resolved A1 range: r2/c2 are bounded by the grid; `anchor` when it named a single cell (writes may extend from it). */
interface Target {
  sh: SheetState;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  anchor: boolean;
}

/** A cell write decided during validation and applied only once the whole request is known to be valid. */
interface Planned {
  sh: SheetState;
  r: number;
  c: number;
  st: { v?: Val; f?: string };
}

class ApiError {
  constructor(
    readonly message: string,
    readonly code = 400,
  ) {}
}

const STANDARD_PARAMS = ['fields', 'quotaUser', 'prettyPrint'];

function enumOf<T extends string>(value: unknown, field: string, type: string, allowed: readonly T[], def: T): T {
  if (value === undefined || value === null) return def;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  if (typeof value === 'string' && /_UNSPECIFIED$/.test(value)) return def;
  throw new ApiError(`Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), "${String(value)}"`);
}

function checkParams(args: Record<string, unknown>, known: string[]): void {
  for (const k of Object.keys(args)) {
    if (!known.includes(k) && !STANDARD_PARAMS.includes(k)) throw new ApiError(`Invalid JSON payload received. Unknown name "${k}": Cannot bind query parameter. Field '${k}' could not be found in request message.`);
  }
}

function checkFields(obj: Record<string, unknown>, known: string[], at: string): void {
  for (const k of Object.keys(obj)) {
    if (!known.includes(k)) throw new ApiError(`Invalid JSON payload received. Unknown name "${k}"${at ? ` at '${at}'` : ''}: Cannot find field.`);
  }
}

function asArgs(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

function readOpts(args: Record<string, unknown>): ReadOpts {
  return {
    render: enumOf(args.valueRenderOption, 'value_render_option', 'ValueRenderOption', ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const, 'FORMATTED_VALUE'),
    dates: enumOf(args.dateTimeRenderOption, 'date_time_render_option', 'DateTimeRenderOption', ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const, 'SERIAL_NUMBER'),
    dim: enumOf(args.majorDimension, 'major_dimension', 'Dimension', ['ROWS', 'COLUMNS'] as const, 'ROWS'),
  };
}

/** Splits "'It''s'!A1:B2" into the sheet name and the cell part; null when it cannot be parsed. */
function splitRange(s: string): { sheet: string | null; cells: string | null } | null {
  if (s.startsWith("'")) {
    let name = '';
    let i = 1;
    for (;;) {
      if (i >= s.length) return null;
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    const rest = s.slice(i + 1);
    if (rest === '') return { sheet: name, cells: null };
    return rest.startsWith('!') ? { sheet: name, cells: rest.slice(1) } : null;
  }
  const bang = s.lastIndexOf('!');
  if (bang === 0) return null;
  return bang > 0 ? { sheet: s.slice(0, bang), cells: s.slice(bang + 1) } : { sheet: null, cells: s };
}

/** Resolves an A1 range of the API: 'Sheet' (whole sheet), 'Sheet'!A1:P, Sheet!A:P, B2:C5 (first sheet), with Google's errors. */
function resolveRange(ss: SpreadsheetState, input: unknown): Target {
  const raw = typeof input === 'string' ? input : '';
  const unable = new ApiError(`Unable to parse range: ${raw}`);
  const parts = splitRange(raw.trim());
  if (!parts) throw unable;
  let sh: SheetState | undefined;
  let cells = parts.cells;
  if (parts.sheet !== null) {
    sh = findSheet(ss, parts.sheet);
  } else if (cells !== null) {
    // A bare word is a sheet name when such a sheet exists, else a range of the first sheet.
    sh = findSheet(ss, cells);
    if (sh) cells = null;
    else sh = ss.sheets[0];
  }
  if (!sh) throw unable;
  let r1 = 1;
  let c1 = 1;
  let r2 = sh.maxRows;
  let c2 = sh.maxCols;
  let anchor = false;
  if (cells !== null) {
    if (!cells || cells.includes('!') || cells.split(':').length > 2) throw unable;
    const p = parseA1(cells);
    if (!p || p.row < 1 || p.col < 1) throw unable;
    r1 = p.row;
    c1 = p.col;
    r2 = p.numRows === null ? sh.maxRows : p.row + p.numRows - 1;
    c2 = p.numCols === null ? sh.maxCols : p.col + p.numCols - 1;
    anchor = !cells.includes(':');
  }
  if (r1 > sh.maxRows || c1 > sh.maxCols || r2 > sh.maxRows || c2 > sh.maxCols || r2 < r1 || c2 < c1) throw gridError(raw, sh);
  return { sh, r1, c1, r2, c2, anchor };
}

function gridError(range: string, sh: SheetState): ApiError {
  return new ApiError(`Range (${range}) exceeds grid limits. Max rows: ${sh.maxRows}, max columns: ${sh.maxCols}`);
}

function a1Of(sh: SheetState, r1: number, c1: number, nr: number, nc: number): string {
  return `${apiSheetName(sh.name)}!${toA1(r1, c1, nr, nc)}`;
}

/** One cell as the API renders it; '' for an empty cell. */
function renderCell(ss: SpreadsheetState, sh: SheetState, r: number, c: number, o: ReadOpts): unknown {
  const cell = cellAt(sh, r, c);
  if (!hasContent(cell)) return '';
  if (o.render === 'FORMULA' && cell!.f) return cell!.f;
  const value = cellValue(ss, sh, r, c);
  if (o.render === 'FORMATTED_VALUE') return displayValue(cell, value, ss.locale, ss.timeZone);
  if (isDateLike(value)) {
    if (o.dates === 'FORMATTED_STRING') return displayValue(cell, value, ss.locale, ss.timeZone);
    // A number shown as a date is already the serial the sheet holds.
    if (!cell!.f && typeof cell!.v === 'number') return cell!.v;
    return msToSerial(value.getTime(), ss.timeZone);
  }
  return value;
}

/** The values of a range, without trailing empty rows and trailing empty cells; [] when none. */
function readValues(ss: SpreadsheetState, t: Target, o: ReadOpts): unknown[][] {
  const lr = Math.min(t.r2, lastRow(t.sh));
  const lc = Math.min(t.c2, lastCol(t.sh));
  let rows: unknown[][] = [];
  for (let r = t.r1; r <= lr; r++) {
    const row: unknown[] = [];
    for (let c = t.c1; c <= lc; c++) row.push(renderCell(ss, t.sh, r, c, o));
    rows.push(row);
  }
  if (o.dim === 'COLUMNS') rows = rows.length ? rows[0].map((_, j) => rows.map((row) => row[j])) : [];
  for (const row of rows) while (row.length && row[row.length - 1] === '') row.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** A value as it arrives after the JSON round trip of an API call: string, number, boolean, or null (skip). */
function jsonValue(v: unknown, where: string): string | number | boolean | null {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDateLike(v)) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') throw new ApiError(`Invalid ${where}: ${Array.isArray(v) ? 'list_value' : 'struct_value'} ${JSON.stringify(v)}`);
  throw new ApiError(`Invalid ${where}: ${String(v)}`);
}

/** What a cell stores for a written value. RAW keeps strings literally; USER_ENTERED is typed input, as SpreadsheetApp reads it. */
function stored(v: string | number | boolean, mode: Input, nf: string | undefined, ss: SpreadsheetState, nowMs: number): { v?: Val; f?: string } {
  if (mode === 'USER_ENTERED') return interpretInput(v, nf, ss.locale, ss.timeZone, nowMs);
  return v === '' ? {} : { v };
}

function rowsOf(values: unknown, at: string): unknown[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw new ApiError(`Invalid value at '${at}' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(values)}`);
  return values.map((row, i) => {
    if (!Array.isArray(row)) throw new ApiError(`Invalid value at '${at}[${i}]' (type.googleapis.com/google.protobuf.ListValue), ${JSON.stringify(row)}`);
    return row as unknown[];
  });
}

function transpose(cols: unknown[][]): unknown[][] {
  const n = cols.reduce((m, c) => Math.max(m, c.length), 0);
  const out: unknown[][] = [];
  for (let i = 0; i < n; i++) out.push(cols.map((c) => c[i]));
  return out;
}

function plan(ss: SpreadsheetState, sh: SheetState, r1: number, c1: number, rows: unknown[][], mode: Input, nowMs: number, out: Planned[]): void {
  rows.forEach((row, i) =>
    row.forEach((raw, j) => {
      const v = jsonValue(raw, `values[${i}][${j}]`);
      if (v === null) return;
      const r = r1 + i;
      const c = c1 + j;
      out.push({ sh, r, c, st: stored(v, mode, cellAt(sh, r, c)?.nf, ss, nowMs) });
    }),
  );
}

function apply(writes: Planned[]): void {
  for (const w of writes) {
    const cell = cellFor(w.sh, w.r, w.c);
    delete cell.v;
    delete cell.f;
    if (w.st.v !== undefined) cell.v = w.st.v;
    if (w.st.f !== undefined) cell.f = w.st.f;
  }
}

function extent(rows: unknown[][]): { nr: number; nc: number; cells: number } {
  return { nr: rows.length, nc: rows.reduce((m, r) => Math.max(m, r.length), 0), cells: rows.reduce((n, r) => n + r.length, 0) };
}

/**
 * Sheets.Spreadsheets.Values. Errors read as Apps Script's: "API call to sheets.spreadsheets.values.<method> failed with error: <Google's message>".
 * Access rules are SpreadsheetApp.openById's in these fakes: any existing spreadsheet id is reachable.
 */
export class SheetsValuesF extends Fake {
  static override KEY = 'Sheets.Spreadsheets.Values';

  _ss(spreadsheetId: unknown): SpreadsheetState {
    const ss = this._x.g.state.spreadsheets[String(spreadsheetId)];
    if (!ss) throw new ApiError('Requested entity was not found.', 404);
    return ss;
  }

  /** Runs a request; ApiErrors become the GoogleJsonResponseException Apps Script throws. */
  _api<T>(method: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const err = gasError(this._x, `API call to sheets.spreadsheets.values.${method} failed with error: ${e.message}`) as Error & { details?: unknown };
      err.name = 'GoogleJsonResponseException';
      err.details = { code: e.code, message: e.message };
      throw err;
    }
  }

  _valueRange(ss: SpreadsheetState, range: unknown, o: ReadOpts): GoogleAppsScript.Sheets.Schema.ValueRange {
    const t = resolveRange(ss, range);
    const values = readValues(ss, t, o);
    this._x.g.countCells(values.reduce((n, r) => n + r.length, 0), 0);
    const out: GoogleAppsScript.Sheets.Schema.ValueRange = { range: a1Of(t.sh, t.r1, t.c1, t.r2 - t.r1 + 1, t.c2 - t.c1 + 1), majorDimension: o.dim };
    if (values.length) out.values = values;
    return out;
  }

  /** optionalArgs: ranges (string[]), valueRenderOption, dateTimeRenderOption, majorDimension. */
  batchGet(spreadsheetId: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse {
    return this._api('batchGet', () => {
      const args = asArgs(optionalArgs);
      checkParams(args, ['ranges', 'valueRenderOption', 'dateTimeRenderOption', 'majorDimension']);
      const o = readOpts(args);
      const ss = this._ss(spreadsheetId);
      const ranges = args.ranges === undefined || args.ranges === null ? [] : Array.isArray(args.ranges) ? (args.ranges as unknown[]) : [args.ranges];
      const out: GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse = { spreadsheetId: ss.id };
      if (ranges.length) out.valueRanges = ranges.map((r) => this._valueRange(ss, r, o));
      return out;
    });
  }

  /** optionalArgs: valueRenderOption, dateTimeRenderOption, majorDimension. */
  get(spreadsheetId: string, range: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.ValueRange {
    return this._api('get', () => {
      const args = asArgs(optionalArgs);
      checkParams(args, ['valueRenderOption', 'dateTimeRenderOption', 'majorDimension']);
      const o = readOpts(args);
      return this._valueRange(this._ss(spreadsheetId), range, o);
    });
  }

  /** resource: { valueInputOption (required), data: [{ range, values, majorDimension? }] }. All ranges are checked before anything is written. */
  batchUpdate(resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest, spreadsheetId: string): GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse {
    return this._api('batchUpdate', () => {
      const body = asArgs(resource);
      checkFields(body, ['valueInputOption', 'data', 'includeValuesInResponse', 'responseValueRenderOption', 'responseDateTimeRenderOption'], '');
      if (body.includeValuesInResponse) throw new Error('Sheets fake: includeValuesInResponse is not supported');
      const mode = body.valueInputOption;
      if (mode === undefined || mode === null || mode === 'INPUT_VALUE_OPTION_UNSPECIFIED') throw new ApiError('Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED');
      const input = enumOf(mode, 'value_input_option', 'ValueInputOption', ['RAW', 'USER_ENTERED'] as const, 'RAW');
      const ss = this._ss(spreadsheetId);
      const data = body.data === undefined || body.data === null ? [] : body.data;
      if (!Array.isArray(data)) throw new ApiError(`Invalid value at 'data' (type.googleapis.com/google.apps.sheets.v4.ValueRange), ${JSON.stringify(data)}`);
      const nowMs = this._x.g.nowMs();
      const writes: Planned[] = [];
      const responses: GoogleAppsScript.Sheets.Schema.UpdateValuesResponse[] = [];
      const sheets = new Set<number>();
      (data as unknown[]).forEach((entry, k) => {
        const d = asArgs(entry);
        checkFields(d, ['range', 'values', 'majorDimension'], `data[${k}]`);
        const dim = enumOf(d.majorDimension, `data[${k}].major_dimension`, 'Dimension', ['ROWS', 'COLUMNS'] as const, 'ROWS');
        const given = rowsOf(d.values, `data[${k}].values`);
        const rows = dim === 'COLUMNS' ? transpose(given) : given;
        const t = resolveRange(ss, d.range);
        const { nr, nc, cells } = extent(rows);
        const range = String(d.range);
        if (t.anchor) {
          // A single cell is where the values start; they may extend past it, not past the grid.
          if (t.r1 + nr - 1 > t.sh.maxRows || t.c1 + nc - 1 > t.sh.maxCols) throw gridError(a1Of(t.sh, t.r1, t.c1, Math.max(nr, 1), Math.max(nc, 1)), t.sh);
        } else {
          rows.forEach((row, i) => {
            if (t.r1 + i > t.r2) throw new ApiError(`Requested writing within range [${range}], but tried writing to row [${t.r1 + i}]`);
            if (t.c1 + row.length - 1 > t.c2) throw new ApiError(`Requested writing within range [${range}], but tried writing to column [${colToLetters(t.c2 + 1)}]`);
          });
        }
        plan(ss, t.sh, t.r1, t.c1, rows, input, nowMs, writes);
        if (cells === 0) {
          responses.push({ spreadsheetId: ss.id });
          return;
        }
        sheets.add(t.sh.id);
        responses.push({ spreadsheetId: ss.id, updatedRange: a1Of(t.sh, t.r1, t.c1, nr, nc), updatedRows: nr, updatedColumns: nc, updatedCells: cells });
      });
      apply(writes);
      this._x.g.countCells(0, writes.length);
      const sum = (k: 'updatedRows' | 'updatedColumns' | 'updatedCells') => responses.reduce((n, r) => n + (r[k] ?? 0), 0);
      const out: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesResponse = { spreadsheetId: ss.id };
      if (sheets.size) Object.assign(out, { totalUpdatedRows: sum('updatedRows'), totalUpdatedColumns: sum('updatedColumns'), totalUpdatedCells: sum('updatedCells'), totalUpdatedSheets: sheets.size });
      if (responses.length) out.responses = responses;
      return out;
    });
  }

  /**
   * resource: { values, majorDimension? }; optionalArgs: valueInputOption (required), insertDataOption ('OVERWRITE' | 'INSERT_ROWS').
   * Simplification of Google's table detection: the rows go below the last non-empty row of the whole sheet, from the range's
   * first column. The grid grows when needed (rows, and columns for wide values). Validated first, then written in one step.
   */
  append(resource: GoogleAppsScript.Sheets.Schema.ValueRange, spreadsheetId: string, range: string, optionalArgs?: object): GoogleAppsScript.Sheets.Schema.AppendValuesResponse {
    return this._api('append', () => {
      const args = asArgs(optionalArgs);
      checkParams(args, ['valueInputOption', 'insertDataOption', 'includeValuesInResponse', 'responseValueRenderOption', 'responseDateTimeRenderOption']);
      if (args.includeValuesInResponse) throw new Error('Sheets fake: includeValuesInResponse is not supported');
      if (args.valueInputOption === undefined || args.valueInputOption === null) throw new ApiError("'valueInputOption' is required but not specified");
      const input = enumOf(args.valueInputOption, 'value_input_option', 'ValueInputOption', ['RAW', 'USER_ENTERED'] as const, 'RAW');
      const insert = enumOf(args.insertDataOption, 'insert_data_option', 'InsertDataOption', ['OVERWRITE', 'INSERT_ROWS'] as const, 'OVERWRITE');
      const ss = this._ss(spreadsheetId);
      const body = asArgs(resource);
      checkFields(body, ['values', 'majorDimension', 'range'], '');
      const dim = enumOf(body.majorDimension, 'major_dimension', 'Dimension', ['ROWS', 'COLUMNS'] as const, 'ROWS');
      const given = rowsOf(body.values, 'values');
      const rows = dim === 'COLUMNS' ? transpose(given) : given;
      const t = resolveRange(ss, range);
      const sh = t.sh;
      const last = lastRow(sh);
      const out: GoogleAppsScript.Sheets.Schema.AppendValuesResponse = { spreadsheetId: ss.id };
      if (last > 0) out.tableRange = a1Of(sh, 1, t.c1, last, Math.max(lastCol(sh) - t.c1 + 1, 1));
      const { nr, nc, cells } = extent(rows);
      const start = last + 1;
      const nowMs = this._x.g.nowMs();
      // Planning checks every value before the grid changes; it is redone after rows are inserted (new cells, no formats).
      let writes: Planned[] = [];
      plan(ss, sh, start, t.c1, rows, input, nowMs, writes);
      if (cells === 0) {
        out.updates = { spreadsheetId: ss.id };
        return out;
      }
      if (insert === 'INSERT_ROWS') {
        insertRows(sh, start, nr);
        writes = [];
        plan(ss, sh, start, t.c1, rows, input, nowMs, writes);
      } else if (start + nr - 1 > sh.maxRows) sh.maxRows = start + nr - 1;
      if (t.c1 + nc - 1 > sh.maxCols) sh.maxCols = t.c1 + nc - 1;
      apply(writes);
      this._x.g.countCells(0, writes.length);
      out.updates = { spreadsheetId: ss.id, updatedRange: a1Of(sh, start, t.c1, nr, nc), updatedRows: nr, updatedColumns: nc, updatedCells: cells };
      return out;
    });
  }
}

/** The `Sheets` global: property reads are free, each Values method call is counted as 'Sheets.Spreadsheets.Values.<method>'. */
export function createSheetsGlobal(x: Exec): { Spreadsheets: { Values: SheetsValuesF } } {
  return { Spreadsheets: { Values: wrap(new SheetsValuesF(x)) } };
}
