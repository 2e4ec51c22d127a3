// Edit trigger: rows typed or pasted by hand in a checked record sheet ("Hoạt động", "Kinh phí"…) get notes and highlights where wrong.
import { RECORD_TYPES, recordType, type SheetDef } from '../../core/sheets';
import { checkRefs, labelOf, nextRecordId, problemText, refKey, refSheets, type Problems, type RefDecl } from '../../core/record-type';
import { fieldText } from '../../core/audit-text';
import { toCell, type Cell } from '../../core/cells';
import { isBlankRow, mapHeader, readRecord, readTable, type Table } from '../table';
import type { Services } from '../services';
import { LOCKS_KEY, lockFor, type PeriodLock } from '../period-locks';
import { isoToVn } from '../../core/vn-format';
import { stageGaps } from '../../core/budget-input';
import { audit } from '../audit';
import { afterwards } from '../respond';
import type { Ctx } from '../context';

const BAD = '#fce8e6';
const LOCKED = '#fef7e0';
/** A required cell still empty: a row being typed is not wrong yet, so it is marked softly, never red. */
export const TO_FILL = '#eaf1fb';
const NOTE_PREFIX = '⚠ LHH Tracker: ';
const SOFT_PREFIX = 'LHH Tracker: ';
/** A simple onEdit cannot know who typed (Google gives no e-mail there): the row says it was typed by hand. */
export const TYPED_BY_HAND = '(nhập tay)';

/** A saved hand-typed row for Nhật ký: its filled fields by their Vietnamese labels, dates dd/mm/yyyy, money in đồng. */
function typedRowText(def: SheetDef, rec: Record<string, unknown>, rowNumber: number): string {
  const parts: string[] = [];
  for (const c of def.columns) {
    const v = rec[c.key];
    if (c.auto || c.key === 'createdBy' || c.key === 'createdAt' || v === '' || v === null || v === undefined) continue;
    parts.push(fieldText(def, c.key, v));
  }
  return `${def.name}, dòng ${rowNumber}: ${parts.join('; ')}`;
}

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The keys (refKey) present in each referenced sheet, each sheet read once: one getValues per sheet. */
export function refLookup(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, tz: string, def: SheetDef): (ref: RefDecl) => Set<string> {
  const tables = new Map(refSheets(def).map((k) => [k, readTable(ss, recordType(k) as SheetDef, tz)]));
  const sets = new Map<RefDecl, Set<string>>();
  return (ref) => {
    let set = sets.get(ref);
    if (!set) {
      const t = tables.get(ref.sheet) as Table;
      const i = t.col[ref.column];
      const y = t.col.year;
      set = new Set(t.rows.map((r) => refKey(ref, y === undefined ? '' : r[y], i === undefined ? '' : r[i])));
      sets.set(ref, set);
    }
    return set;
  };
}

/**
 * Checks the edited block (one cell or a multi-cell paste) row by row with the sheet's declaration:
 * bad cells get a note and a highlight, fixed cells lose ours, a hand-typed row that reads well gets
 * what the add-on fills in (id, year, state, computed columns). A constant number of calls.
 */
export function checkEditedRange(svc: Services, range: Range): { checked: number; bad: number; good?: number } {
  const sheet = range.getSheet();
  const name = sheet.getName();
  const def = RECORD_TYPES.find((d) => d.checked === 'edits' && d.name === name);
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
  const known = refLookup(ss, tz, def);
  const idKey = def.id ? def.id.key : '';
  const idCol = def.columns.find((c) => c.key === idKey);
  // Ids are given to hand-typed rows only where the declaration says the add-on fills them in.
  const ids: string[] =
    idCol && idCol.auto && col[idKey] !== undefined
      ? sheet
          .getRange(2, col[idKey] + 1, Math.max(sheet.getLastRow() - 1, 1), 1)
          .getValues()
          .map((r) => String(r[0]))
      : [];
  // Hand edits of a period already reported to Sở KH&CN are allowed (Sheets cannot stop them) but
  // marked on the row and written to "Nhật ký", so the change leaves a trace.
  const props = def.periodField ? svc.PropertiesService.getDocumentProperties() : null;
  const locks: PeriodLock[] = props ? JSON.parse(props.getProperty(LOCKS_KEY) || '[]') : [];
  const lockedRows: { row: number; id: string; lock: PeriodLock }[] = [];
  const saved: { id: string; text: string }[] = [];
  let bad = 0;
  let good = 0;
  let filled = false;
  values.forEach((row, k) => {
    let problems: Problems = {};
    let gaps: Problems = {};
    if (!isBlankRow(row)) {
      const r = readRecord(table, row);
      const rec = r.rec;
      problems = r.problems;
      checkRefs(def, rec, problems, known);
      const when = def.periodField ? rec[def.periodField] : null;
      const lock = typeof when === 'string' && when ? lockFor(locks, when) : undefined;
      if (lock) lockedRows.push({ row: first + k, id: String(rec[idKey] || (idKey && row[col[idKey]]) || ''), lock });
      if (!Object.keys(problems).length) {
        good++;
        // A stage claiming a figure the row lacks is marked, never dropped from the totals.
        if (def.key === 'budget') gaps = stageGaps(String(rec.stage || ''), typeof rec.appraised === 'number' ? rec.appraised : null, typeof rec.approved === 'number' ? rec.approved : null);
        const computed = def.compute ? def.compute(rec) : {};
        let stamp = false;
        for (const c of def.columns) {
          const i = col[c.key];
          if (i === undefined) continue;
          let v = rec[c.key];
          if (c.key === idKey && v === '' && idCol && idCol.auto) {
            v = nextRecordId(def, Number(rec.year) || 0, ids);
            ids.push(v);
          }
          const empty = row[i] === '' || row[i] === null;
          if (c.auto && empty && v !== '' && v !== null) stamp = true;
          else if (!(c.key in computed && row[i] !== v)) continue;
          row[i] = toCell(c.kind, v, tz);
          filled = true;
        }
        if (stamp && col.createdAt !== undefined && row[col.createdAt] === '') row[col.createdAt] = toCell('datetime', new Date(), tz);
        if (stamp && col.createdBy !== undefined && row[col.createdBy] === '') row[col.createdBy] = TYPED_BY_HAND;
        // A row the add-on has just completed (its id, year, state filled in) is a new record: one Nhật ký row each.
        if (stamp) saved.push({ id: String((idKey && row[col[idKey]]) || ''), text: typedRowText(def, rec, first + k) });
      }
    }
    const locked = lockedRows.find((l) => l.row === first + k);
    header.forEach((_, i) => {
      const key = Object.keys(col).find((kk) => col[kk] === i);
      const p = key ? problems[key] : undefined;
      const note = String(notes[k][i] || '');
      const ours = note.startsWith(NOTE_PREFIX) || note.startsWith(SOFT_PREFIX);
      const decl = key ? def.columns.find((c) => c.key === key) : undefined;
      const empty = row[i] === '' || row[i] === null;
      if (p && p.code === 'required' && empty) {
        // Sheets gives no event for leaving a row: the cells still to type are told softly. A column the
        // add-on fills in (the year from the date) is not the user's to type, so it gets nothing.
        if (decl && decl.auto) {
          if (ours) notes[k][i] = '';
          if (ours && backgrounds[k][i] === TO_FILL) backgrounds[k][i] = '#ffffff';
        } else {
          notes[k][i] = `${SOFT_PREFIX}Cần nhập ${labelOf(def, key as string)}. Dòng được tính vào tổng hợp khi nhập đủ.`;
          backgrounds[k][i] = TO_FILL;
        }
      } else if (p) {
        notes[k][i] = NOTE_PREFIX + problemText(def, key as string, p) + ' Dòng này không được tính vào tổng hợp cho đến khi sửa.';
        backgrounds[k][i] = BAD;
      } else if (key && gaps[key]) {
        notes[k][i] = NOTE_PREFIX + problemText(def, key, gaps[key]) + ' Dòng này vẫn được tính vào tổng hợp.';
        backgrounds[k][i] = LOCKED;
      } else if (locked && key === def.periodField) {
        notes[k][i] = `${NOTE_PREFIX}Kỳ ${isoToVn(locked.lock.from)}–${isoToVn(locked.lock.to)} đã báo cáo chính thức (${locked.lock.number}). Sửa tay được ghi vào Nhật ký; quản trị viên cần xem lại.`;
        backgrounds[k][i] = LOCKED;
      } else if (ours) {
        notes[k][i] = '';
        if (backgrounds[k][i] === BAD || backgrounds[k][i] === LOCKED || backgrounds[k][i] === TO_FILL) backgrounds[k][i] = '#ffffff';
      }
    });
    if (Object.keys(problems).length) bad++;
  });
  if (filled) block.setValues(values);
  block.setNotes(notes);
  block.setBackgrounds(backgrounds);
  const ctx = () => ({ svc, ss, now: new Date(), user: TYPED_BY_HAND, docProps: props || svc.PropertiesService.getDocumentProperties(), propCache: {} as Record<string, string> }) as unknown as Ctx;
  for (const s of saved) afterwards('audit', () => audit(ctx(), 'Thêm dòng nhập tay', s.id, s.text));
  if (lockedRows.length) {
    afterwards('audit', () =>
      audit(
        ctx(),
        'Sửa tay trong kỳ đã khóa',
        lockedRows.map((l) => l.lock.number).filter((n, i, a) => a.indexOf(n) === i).join(', '),
        lockedRows.map((l) => `dòng ${l.row}${l.id ? ` (${l.id})` : ''}`).join('; '),
      ),
    );
  }
  return { checked: values.length, bad, good };
}
