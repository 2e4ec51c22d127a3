// Reads the workbook's data sheets into domain objects: one getValues per sheet, bad rows set aside.
import { SHEETS } from '../core/sheets';
import type { SheetDef, SheetKey } from '../core/sheets';
import { toProgramme, toTarget } from '../core/records';
import { toItem, type Problems, type Rec } from '../core/record-type';
import type { BudgetLine, LoggedEvent, Programme, Target } from '../core/types';
import { isBlankRow, prefetch, readRecord, readTables } from './table';
import type { Table } from './table';
import type { Ctx } from './context';

export interface RowIssue {
  sheet: string;
  /** Sheet row number (1-based, header is row 1). */
  row: number;
  problems: Problems;
}

export interface Loaded<T> {
  table: Table;
  items: T[];
  /** Index into table.rows of each item. */
  index: number[];
  issues: RowIssue[];
}

function load<T>(ctx: Ctx, key: SheetKey, map: (r: Rec) => T, keep: (t: T) => boolean): Loaded<T> {
  return fromTable(readTables(ctx, [SHEETS[key]])[0], map, keep);
}

function fromTable<T>(table: Table, map: (r: Rec) => T, keep: (t: T) => boolean): Loaded<T> {
  const items: T[] = [];
  const index: number[] = [];
  const issues: RowIssue[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const { rec, problems } = readRecord(table, row);
    if (Object.keys(problems).length) {
      issues.push({ sheet: table.def.name, row: i + 2, problems });
      return;
    }
    const item = map(rec);
    if (keep(item)) {
      items.push(item);
      index.push(i);
    }
  });
  return { table, items, index, issues };
}

const ofYearOrAll = (year?: number) => (x: unknown) => year === undefined || (x as { year?: unknown }).year === year;

/** Any record type's rows as domain objects (the declaration's generic mapping), bad rows set aside. */
export function loadRecords<T = Record<string, unknown>>(ctx: Ctx, def: SheetDef, year?: number): Loaded<T> {
  return fromTable(readTables(ctx, [def])[0], (r) => toItem<T>(def, r), ofYearOrAll(year));
}

export function loadProgrammes(ctx: Ctx, year?: number): Loaded<Programme> {
  return load(ctx, 'programs', toProgramme, ofYearOrAll(year));
}

export function loadTargets(ctx: Ctx, year?: number): Loaded<Target> {
  return load(ctx, 'targets', toTarget, ofYearOrAll(year));
}

/** A row typed by hand may lack what the add-on fills in (id, year, state): it still counts (see the declaration's `auto`). */
export function loadEvents(ctx: Ctx, year?: number): Loaded<LoggedEvent> {
  return loadRecords<LoggedEvent>(ctx, SHEETS.events, year);
}

export function loadBudget(ctx: Ctx, year?: number): Loaded<BudgetLine> {
  return loadRecords<BudgetLine>(ctx, SHEETS.budget, year);
}

export interface Plan {
  year: number;
  programs: Programme[];
  targets: Target[];
}

/** The four sheets every view of the plan reads; read together (one call with the Sheets API). */
export const DATA_SHEETS = [SHEETS.programs, SHEETS.targets, SHEETS.events, SHEETS.budget];

export function loadPlan(ctx: Ctx, year: number): Plan & { programTable: Loaded<Programme>; targetTable: Loaded<Target> } {
  // Tables hold every year (for computed columns and updates); the plan is the year's part.
  prefetch(ctx, [SHEETS.programs, SHEETS.targets].filter((d) => !(ctx.prefetched && ctx.prefetched[d.name])));
  const programTable = loadProgrammes(ctx);
  const targetTable = loadTargets(ctx);
  return { year, programs: ofYear(programTable.items, year), targets: ofYear(targetTable.items, year), programTable, targetTable };
}

export interface Workbook extends Plan {
  programTable: Loaded<Programme>;
  targetTable: Loaded<Target>;
  events: Loaded<LoggedEvent>;
  budget: Loaded<BudgetLine>;
}

/** Everything a logging or budget action needs: one read per data sheet, whatever the row count. */
export function loadWorkbook(ctx: Ctx, year: number): Workbook {
  prefetch(ctx, DATA_SHEETS.filter((d) => !(ctx.prefetched && ctx.prefetched[d.name])));
  const plan = loadPlan(ctx, year);
  return { ...plan, events: loadEvents(ctx), budget: loadBudget(ctx) };
}

/** Events and lines of the year only (the loaded tables hold every year, for ids and updates). */
export function ofYear<T extends { year: number }>(items: T[], year: number): T[] {
  return items.filter((x) => x.year === year);
}
