// Reads the workbook's data sheets into domain objects: one getValues per sheet, bad rows set aside.
import { SHEETS } from '../core/sheets';
import type { SheetKey } from '../core/sheets';
import { toBudgetLine, toEvent, toProgramme, toTarget } from '../core/records';
import type { Problems, Rec } from '../core/records';
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

function load<T>(ctx: Ctx, key: SheetKey, map: (r: Rec, p: Problems) => T, keep: (t: T) => boolean): Loaded<T> {
  return fromTable(readTables(ctx, [SHEETS[key]])[0], map, keep);
}

function fromTable<T>(table: Table, map: (r: Rec, p: Problems) => T, keep: (t: T) => boolean): Loaded<T> {
  const items: T[] = [];
  const index: number[] = [];
  const issues: RowIssue[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const { rec, problems } = readRecord(table, row);
    const item = map(rec, problems);
    if (Object.keys(problems).length) {
      issues.push({ sheet: table.def.name, row: i + 2, problems });
      return;
    }
    if (keep(item)) {
      items.push(item);
      index.push(i);
    }
  });
  return { table, items, index, issues };
}

export function loadProgrammes(ctx: Ctx, year?: number): Loaded<Programme> {
  return load(ctx, 'programs', (r) => toProgramme(r), (p) => year === undefined || p.year === year);
}

export function loadTargets(ctx: Ctx, year?: number): Loaded<Target> {
  return load(ctx, 'targets', toTarget, (t) => year === undefined || t.year === year);
}

/**
 * A row typed by hand may lack what the add-on fills in (id, year, state) when the edit trigger did
 * not run: it still counts, its year taken from its date.
 */
function handTypedEvent(r: Rec, p: Problems): LoggedEvent {
  for (const k of ['id', 'year', 'state']) if (p[k] && p[k].code === 'required') delete p[k];
  const e = toEvent(r, p);
  if (!e.year && /^\d{4}-/.test(e.date)) e.year = +e.date.slice(0, 4);
  return e;
}

export function loadEvents(ctx: Ctx, year?: number): Loaded<LoggedEvent> {
  return load(ctx, 'events', handTypedEvent, (e) => year === undefined || e.year === year);
}

export function loadBudget(ctx: Ctx, year?: number): Loaded<BudgetLine> {
  return load(ctx, 'budget', toBudgetLine, (l) => year === undefined || l.year === year);
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
