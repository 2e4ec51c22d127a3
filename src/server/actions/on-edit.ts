// Edit trigger: rows typed or pasted by hand in "Hoạt động" and "Kinh phí" get notes and highlights where wrong.
import { SHEETS, type SheetDef } from '../../core/sheets';
import { fieldMessage } from '../../core/messages';
import { toBudgetLine, toEvent, type Problems } from '../../core/records';
import { nextId } from '../../core/event-input';
import { toCell, type Cell } from '../../core/cells';
import { isBlankRow, mapHeader, readRecord, readTable, type Table } from '../table';
import type { Services } from '../services';
import { LOCKS_KEY, lockFor, type PeriodLock } from '../period-locks';
import { isoToVn } from '../../core/vn-format';
import { audit } from '../audit';
import { afterwards } from '../respond';
import type { Ctx } from '../context';

const BAD = '#fce8e6';
const LOCKED = '#fef7e0';
const NOTE_PREFIX = '⚠ LHH Tracker: ';

type Range = GoogleAppsScript.Spreadsheet.Range;

function codesOf(t: Table, key: string): Set<string> {
  const i = t.col[key];
  const y = t.col.year;
  return new Set(t.rows.map((r) => `${y === undefined ? '' : r[y]}|${i === undefined ? '' : String(r[i]).trim()}`));
}

/**
 * Checks the edited block (one cell or a multi-cell paste) row by row: bad cells get a note and a
 * highlight, fixed cells lose ours, and hand-added events get an id. A constant number of calls.
 */
export function checkEditedRange(svc: Services, range: Range): { checked: number; bad: number; good?: number } {
  const sheet = range.getSheet();
  const name = sheet.getName();
  const def: SheetDef | undefined = [SHEETS.events, SHEETS.budget].find((d) => d.name === name);
  if (!def) return { checked: 0, bad: 0 };
  const first = Math.max(2, range.getRow());
  const last = range.getRow() + range.getNumRows() - 1;
  if (last < first) return { checked: 0, bad: 0 };
  const ss = sheet.getParent();
  const tz = ss.getSpreadsheetTimeZone();
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[];
  const { col, missing } = mapHeader(def, header);
  if (missing.length) return { checked: 0, bad: 0 };
  const block = sheet.getRange(first, 1, last - first + 1, width);
  const values = block.getValues() as Cell[][];
  const notes = block.getNotes();
  const backgrounds = block.getBackgrounds();
  const table: Table = { def, sheet, api: null, header: header.map(String), col, width, rows: values, timeZone: tz };
  const targets = readTable(ss, SHEETS.targets, tz);
  const targetKeys = codesOf(targets, 'code');
  let lineIds = new Set<string>();
  let eventIds: string[] = [];
  if (def.key === 'events') {
    const budget = readTable(ss, SHEETS.budget, tz);
    lineIds = new Set(budget.rows.map((r) => String(r[budget.col.id] ?? '').trim()));
    eventIds = sheet
      .getRange(2, col.id + 1, Math.max(sheet.getLastRow() - 1, 1), 1)
      .getValues()
      .map((r) => String(r[0]));
  } else {
    const programs = readTable(ss, SHEETS.programs, tz);
    for (const k of codesOf(programs, 'code')) targetKeys.add(`P:${k}`);
  }
  // Hand edits of a period already reported to Sở KH&CN are allowed (Sheets cannot stop them) but
  // marked on the row and written to "Nhật ký", so the change leaves a trace.
  const props = def.key === 'events' ? svc.PropertiesService.getDocumentProperties() : null;
  const locks: PeriodLock[] = props ? JSON.parse(props.getProperty(LOCKS_KEY) || '[]') : [];
  const lockedRows: { row: number; id: string; lock: PeriodLock }[] = [];
  let bad = 0;
  let good = 0;
  let filled = false;
  values.forEach((row, k) => {
    const problems: Problems = {};
    if (!isBlankRow(row)) {
      const { rec, problems: p } = readRecord(table, row);
      Object.assign(problems, p);
      if (def.key === 'events') {
        // A row typed by hand has no id yet: give it one, with its year and state, once it reads well.
        if (problems.id && problems.id.code === 'required') delete problems.id;
        if (problems.state && problems.state.code === 'required') delete problems.state;
        if (problems.year && problems.year.code === 'required' && rec.date) delete problems.year;
        const e = toEvent(rec, problems);
        const year = e.year || (e.date ? +e.date.slice(0, 4) : 0);
        const lock = e.date ? lockFor(locks, e.date) : undefined;
        if (lock) lockedRows.push({ row: first + k, id: e.id || String(row[col.id] || ''), lock });
        if (e.targetCode && !targetKeys.has(`${year}|${e.targetCode}`)) problems.targetCode = { code: 'unknownTarget', params: { value: e.targetCode } };
        if (e.budgetLineId && !lineIds.has(e.budgetLineId)) problems.budgetLineId = { code: 'unknownBudgetLine', params: { value: e.budgetLineId } };
        if (!Object.keys(problems).length && (!e.id || !rec.state || !rec.year)) {
          if (!e.id) {
            const id = nextId('HD', year, eventIds);
            eventIds.push(id);
            row[col.id] = id;
          }
          if (!rec.year) row[col.year] = year;
          if (!rec.state) row[col.state] = 'Hiệu lực';
          if (col.createdAt !== undefined && row[col.createdAt] === '') row[col.createdAt] = toCell('datetime', new Date(), tz);
          filled = true;
        }
      } else {
        const l = toBudgetLine(rec, problems);
        if (l.programCode && !targetKeys.has(`P:${l.year}|${l.programCode}`)) problems.programCode = { code: 'unknownProgram', params: { value: l.programCode } };
        if (l.targetCode && !targetKeys.has(`${l.year}|${l.targetCode}`)) problems.targetCode = { code: 'unknownTarget', params: { value: l.targetCode } };
        // "Đề nghị" is always quantity × unit price, whoever typed them.
        if (!Object.keys(problems).length && col.proposed !== undefined && row[col.proposed] !== l.proposed) {
          row[col.proposed] = l.proposed;
          filled = true;
        }
      }
      if (!Object.keys(problems).length) good++;
    }
    const locked = lockedRows.find((l) => l.row === first + k);
    header.forEach((_, i) => {
      const key = Object.keys(col).find((kk) => col[kk] === i);
      const p = key ? problems[key] : undefined;
      const ours = String(notes[k][i] || '').startsWith(NOTE_PREFIX);
      if (p) {
        notes[k][i] = NOTE_PREFIX + fieldMessage(key as string, p.code, p.params) + ' Dòng này không được tính vào tổng hợp cho đến khi sửa.';
        backgrounds[k][i] = BAD;
      } else if (locked && key === 'date') {
        notes[k][i] = `${NOTE_PREFIX}Kỳ ${isoToVn(locked.lock.from)}–${isoToVn(locked.lock.to)} đã báo cáo chính thức (${locked.lock.number}). Sửa tay được ghi vào Nhật ký; quản trị viên cần xem lại.`;
        backgrounds[k][i] = LOCKED;
      } else if (ours) {
        notes[k][i] = '';
        if (backgrounds[k][i] === BAD || backgrounds[k][i] === LOCKED) backgrounds[k][i] = '#ffffff';
      }
    });
    if (Object.keys(problems).length) bad++;
  });
  if (filled) block.setValues(values);
  block.setNotes(notes);
  block.setBackgrounds(backgrounds);
  if (lockedRows.length) {
    const ctx = { svc, ss, now: new Date(), user: '', docProps: props, propCache: {} as Record<string, string> } as unknown as Ctx;
    afterwards('audit', () =>
      audit(
        ctx,
        'Sửa tay trong kỳ đã khóa',
        lockedRows.map((l) => l.lock.number).filter((n, i, a) => a.indexOf(n) === i).join(', '),
        lockedRows.map((l) => `dòng ${l.row}${l.id ? ` (${l.id})` : ''}`).join('; '),
      ),
    );
  }
  return { checked: values.length, bad, good };
}
