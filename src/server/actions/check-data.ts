// "Kiểm tra dữ liệu": every problem row of the data sheets, with where it is, for the check sidebar.
import { AppError } from '../../core/errors';
import { messageOf } from '../../core/messages';
import { RECORD_TYPES, columnLetter, type SheetDef } from '../../core/sheets';
import { checkRefs, refKey, refSheets, type Rec, type RefDecl } from '../../core/record-type';
import { openContext } from '../context';
import { loadRecords, type Loaded, type RowIssue } from '../repo';
import { prefetch } from '../table';
import type { Services } from '../services';

export interface DataProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
  a1: string;
}

/** Problems of one row, worded per column, as the edit trigger's notes and the sidebar show them. */
export function describeIssue(issue: RowIssue, def: SheetDef, col: Record<string, number>): DataProblem[] {
  return Object.entries(issue.problems).map(([key, p]) => {
    const c = def.columns.find((x) => x.key === key);
    const i = col[key];
    return {
      sheet: def.name,
      row: issue.row,
      column: c ? c.header : key,
      message: messageOf(p.code, p.params),
      a1: `${i === undefined ? 'A' : columnLetter(i)}${issue.row}`,
    };
  });
}

/** Every checked record type's bad rows, then rows that read well but point at nothing or repeat an id. */
export function getDataProblems(svc: Services): { ok: true; problems: DataProblem[] } {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const checked = RECORD_TYPES.filter((d) => d.checked);
  const refs = checked.flatMap(refSheets);
  // The checked sheets and those they reference, read together (one call with the Sheets API).
  const defs = RECORD_TYPES.filter((d) => d.checked || refs.includes(d.key));
  prefetch(ctx, defs);
  const loaded = new Map(defs.map((d) => [d.key, loadRecords(ctx, d)]));
  const sets = new Map<RefDecl, Set<string>>();
  const known = (ref: RefDecl) => {
    let set = sets.get(ref);
    if (!set) sets.set(ref, (set = new Set((loaded.get(ref.sheet) as Loaded<Record<string, unknown>>).items.map((x) => refKey(ref, x.year, x[ref.column])))));
    return set;
  };
  const problems: DataProblem[] = [];
  for (const def of checked) {
    const { table, items, index, issues } = loaded.get(def.key) as Loaded<Record<string, unknown>>;
    for (const issue of issues) problems.push(...describeIssue(issue, def, table.col));
    // Rows that read well but point at nothing: they count for nothing until fixed.
    const seen = new Set<unknown>();
    items.forEach((item, k) => {
      const issue: RowIssue = { sheet: def.name, row: index[k] + 2, problems: {} };
      checkRefs(def, item as Rec, issue.problems, known);
      const id = def.id ? item[def.id.key] : '';
      if (id && seen.has(id)) issue.problems[(def.id as { key: string }).key] = { code: 'duplicateId', params: { value: String(id) } };
      seen.add(id);
      if (Object.keys(issue.problems).length) problems.push(...describeIssue(issue, def, table.col));
    });
  }
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
