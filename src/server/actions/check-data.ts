// "Kiểm tra dữ liệu": every problem row of the data sheets, with where it is, for the check sidebar.
import { AppError } from '../../core/errors';
import { fieldMessage } from '../../core/messages';
import { SHEETS, columnLetter } from '../../core/sheets';
import { openContext } from '../context';
import { loadWorkbook, type RowIssue } from '../repo';
import type { Services } from '../services';

export interface DataProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
  a1: string;
}


/** Problems of one row, worded per column, as the edit trigger's notes and the sidebar show them. */
export function describeIssue(issue: RowIssue, sheetKey: keyof typeof SHEETS, col: Record<string, number>): DataProblem[] {
  const def = SHEETS[sheetKey];
  return Object.entries(issue.problems).map(([key, p]) => {
    const c = def.columns.find((x) => x.key === key);
    const header = c ? c.header : key;
    const i = col[key];
    return {
      sheet: def.name,
      row: issue.row,
      column: header,
      message: fieldMessage(key, p.code, p.params).replace(/^[^:]+: /, ''),
      a1: `${i === undefined ? 'A' : columnLetter(i)}${issue.row}`,
    };
  });
}

export function getDataProblems(svc: Services): { ok: true; problems: DataProblem[] } {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const wb = loadWorkbook(ctx, ctx.settings.planYear);
  const problems: DataProblem[] = [];
  for (const [key, loaded] of [
    ['targets', wb.targetTable],
    ['events', wb.events],
    ['budget', wb.budget],
  ] as const) {
    for (const issue of loaded.issues) problems.push(...describeIssue(issue, key, loaded.table.col));
  }
  // Rows that read well but point at nothing: they count for nothing until fixed.
  const targetKeys = new Set(wb.targetTable.items.map((t) => `${t.year}|${t.code}`));
  const lineIds = new Set(wb.budget.items.map((l) => l.id));
  const seen = new Set<string>();
  wb.events.items.forEach((e, k) => {
    const row = wb.events.index[k] + 2;
    const issue: RowIssue = { sheet: SHEETS.events.name, row, problems: {} };
    if (!targetKeys.has(`${e.year}|${e.targetCode}`)) issue.problems.targetCode = { code: 'unknownTarget', params: { value: e.targetCode } };
    if (e.budgetLineId && !lineIds.has(e.budgetLineId)) issue.problems.budgetLineId = { code: 'unknownBudgetLine', params: { value: e.budgetLineId } };
    if (e.id && seen.has(e.id)) issue.problems.id = { code: 'duplicateId', params: { value: e.id } };
    seen.add(e.id);
    if (Object.keys(issue.problems).length) problems.push(...describeIssue(issue, 'events', wb.events.table.col));
  });
  problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
  return { ok: true, problems };
}

/** Moves the user's selection to a cell the check sidebar points at. */
export function goToCell(svc: Services, sheet: unknown, a1: unknown): { ok: true } {
  if (typeof sheet !== 'string' || typeof a1 !== 'string' || !/^[A-Z]{1,3}\d{1,7}$/.test(a1)) {
    throw new AppError('invalidInput', {}, { a1: { code: 'invalidType' } });
  }
  const ctx = openContext(svc);
  const sh = ctx.ss.getSheetByName(sheet);
  if (!sh) throw new AppError('missingSheet', { sheet: sheet.slice(0, 60) });
  sh.activate();
  sh.getRange(a1).activate();
  return { ok: true };
}
