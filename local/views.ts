// JSON views of the fake state for the page: sheet grids as Sheets displays them, documents, outbox, triggers.
import type { FakeGoogle } from '../fakes/index';
import type { CellState, SheetState, SpreadsheetState, TriggerState } from '../fakes/core';
import { cellValue, findSheet, lastCol, lastRow } from '../fakes/sheet-model';
import { zoned } from '../fakes/tz';
import { LOCAL_USER } from './state';

export interface CellView {
  /** Display value (number formats applied). */
  v: string;
  num?: boolean;
  bg?: string;
  fw?: string;
  fc?: string;
  fs?: number;
  fst?: string;
  ha?: string;
  wrap?: boolean;
  note?: string;
  /** Index into SheetView.lists: the dropdown of a list/range validation. */
  dv?: number;
}

export interface SheetView {
  name: string;
  id: number;
  frozenRows: number;
  frozenCols: number;
  rows: number;
  cols: number;
  maxRows: number;
  colWidths: number[];
  cells: (CellView | null)[][];
  lists: { values: string[]; strict: boolean; help: string | null }[];
  charts: number;
  protectedRanges: { a1: string | null; description: string; warningOnly: boolean }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy HH:mm in the spreadsheet's zone, as Vietnamese staff write it. */
export function formatTime(ms: number, tz = 'Asia/Ho_Chi_Minh'): string {
  const z = zoned(ms, tz);
  return `${pad(z.d)}/${pad(z.M)}/${z.y} ${pad(z.H)}:${pad(z.m)}`;
}

function listValues(google: FakeGoogle, ss: SpreadsheetState, cell: CellState): string[] {
  const dv = cell.dv;
  if (!dv) return [];
  if (dv.type === 'VALUE_IN_LIST' && Array.isArray(dv.values[0])) return (dv.values[0] as unknown[]).map(String);
  if (dv.type === 'VALUE_IN_RANGE') {
    const ref = (dv.values[0] as { range?: { ss: string; sheet: number; r: number; c: number; nr: number; nc: number } } | undefined)?.range;
    const src = ref && google.state.spreadsheets[ref.ss];
    const sh = src?.sheets.find((s) => s.id === ref!.sheet);
    if (!src || !sh || !ref) return [];
    const out: string[] = [];
    const last = Math.min(ref.r + ref.nr - 1, lastRow(sh));
    for (let r = ref.r; r <= last; r++)
      for (let c = ref.c; c < ref.c + ref.nc; c++) {
        const v = cellValue(src, sh, r, c);
        if (v !== '' && v !== null) out.push(String(v));
      }
    return [...new Set(out)];
  }
  return [];
}

/** Column letters → 1-based index ("N" → 14). */
const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Paints what Sheets' conditional format rules would (the page has no formula engine for them): the
 * row-equality rules the add-on sets (`=$N2="Đã hủy"`) and "text equal to"; others are not drawn.
 */
function applyConditionalRules(sh: SheetState, display: string[][], cells: (CellView | null)[][]): void {
  for (const rule of sh.conditionalRules || []) {
    const f = rule.type === 'CUSTOM_FORMULA' ? /^=\$([A-Z]+)(\d+)="((?:[^"]|"")*)"$/.exec(String(rule.values[0] ?? '')) : null;
    for (const a1 of rule.ranges) {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+)?)?$/.exec(a1);
      if (!m) continue;
      const c1 = colIndex(m[1]);
      const r1 = +m[2];
      const c2 = m[3] ? colIndex(m[3]) : c1;
      const r2 = m[4] ? +m[4] : display.length;
      for (let r = r1; r <= Math.min(r2, display.length); r++) {
        const row = display[r - 1];
        // The formula is written for the range's first row; row r reads the row as far below its own.
        const at = f ? display[r - r1 + +f[2] - 1] : undefined;
        const hit = f && at ? at[colIndex(f[1]) - 1] === f[3].replace(/""/g, '"') : false;
        for (let c = c1; c <= Math.min(c2, row.length); c++) {
          const ok = hit || (rule.type === 'TEXT_EQUAL_TO' && row[c - 1] === String(rule.values[0]));
          if (!ok) continue;
          const cv = (cells[r - 1][c - 1] = cells[r - 1][c - 1] || { v: row[c - 1] });
          if (rule.background) cv.bg = rule.background;
          if (rule.fontColor) cv.fc = rule.fontColor;
        }
      }
    }
  }
}

/** The visible part of a sheet: its content plus some empty rows and columns, as Sheets shows it. */
export function sheetView(google: FakeGoogle, ssId: string, name: string): SheetView {
  const ss = google.state.spreadsheets[ssId];
  const sh = ss && findSheet(ss, name);
  if (!ss || !sh) throw new Error(`Không có trang tính "${name}"`);
  const widest = Math.max(0, ...Object.keys(sh.colWidths).map(Number));
  const rows = Math.min(sh.maxRows, Math.max(lastRow(sh) + 25, 40));
  const cols = Math.min(sh.maxCols, Math.max(lastCol(sh), widest, 8) + 2);
  // Display values through the fakes' own getDisplayValues, in a run of its own (formats as Sheets applies them).
  const x = google.newExecution({ kind: 'local', user: LOCAL_USER });
  let display: string[][];
  let values: unknown[][];
  try {
    const range = google.gas(x).SpreadsheetApp.openById(ssId).getSheetByName(sh.name)!.getRange(1, 1, rows, cols);
    display = range.getDisplayValues();
    values = range.getValues();
  } finally {
    x.end();
  }
  const lists: SheetView['lists'] = [];
  const listIndex = new Map<string, number>();
  const cells: (CellView | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: (CellView | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const st = sh.rows[r - 1]?.[c - 1] ?? null;
      const v = display[r - 1][c - 1];
      if (!st && v === '') {
        line.push(null);
        continue;
      }
      const cv: CellView = { v };
      const raw = values[r - 1][c - 1];
      if (typeof raw === 'number' || Object.prototype.toString.call(raw) === '[object Date]') cv.num = true;
      if (st) {
        if (st.bg && st.bg !== '#ffffff') cv.bg = st.bg;
        if (st.fw) cv.fw = st.fw;
        if (st.fc) cv.fc = st.fc;
        if (st.fs) cv.fs = st.fs;
        if (st.fst) cv.fst = st.fst;
        if (st.ha) cv.ha = st.ha;
        if (st.wrap) cv.wrap = true;
        if (st.note) cv.note = st.note;
        if (st.dv) {
          const key = JSON.stringify(st.dv);
          let i = listIndex.get(key);
          if (i === undefined) {
            const values = listValues(google, ss, st);
            i = values.length ? lists.push({ values, strict: !st.dv.allowInvalid, help: st.dv.helpText }) - 1 : -1;
            listIndex.set(key, i);
          }
          if (i >= 0) cv.dv = i;
        }
      }
      line.push(cv);
    }
    cells.push(line);
  }
  applyConditionalRules(sh, display, cells);
  const colWidths: number[] = [];
  for (let c = 1; c <= cols; c++) colWidths.push(sh.colWidths[c] ?? 100);
  return {
    name: sh.name,
    id: sh.id,
    frozenRows: sh.frozenRows,
    frozenCols: sh.frozenCols,
    rows,
    cols,
    maxRows: sh.maxRows,
    colWidths,
    cells,
    lists,
    charts: sh.charts.length,
    protectedRanges: sh.protections.map((p) => ({ a1: p.a1, description: p.description, warningOnly: p.warningOnly })),
  };
}

export function sheetList(google: FakeGoogle, ssId: string): { name: string; id: number; tabColor: string | null }[] {
  return (google.state.spreadsheets[ssId]?.sheets ?? []).map((s: SheetState) => ({ name: s.name, id: s.id, tabColor: s.tabColor }));
}

export function activeSelection(google: FakeGoogle, ssId: string): { sheet: string | null; range: string | null } {
  const ss = google.state.spreadsheets[ssId];
  const sh = ss?.sheets.find((s) => s.id === ss.activeSheetId);
  return { sheet: sh?.name ?? null, range: ss?.activeRange ?? null };
}

export function docList(google: FakeGoogle): { id: string; name: string; owner: string; createdAt: number; created: string; savedAt: number }[] {
  return Object.values(google.state.docs)
    .map((d) => ({ id: d.id, name: d.name, owner: d.owner, createdAt: d.createdAt, created: formatTime(d.createdAt), savedAt: d.savedAt }))
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function outboxList(google: FakeGoogle) {
  return google.state.mail.outbox.map((m, i) => ({
    index: i,
    from: m.from,
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    replyTo: m.replyTo,
    name: m.name,
    subject: m.subject,
    body: m.body,
    hasHtml: m.htmlBody !== null,
    sentAt: m.sentAt,
    sent: formatTime(m.sentAt),
    attachments: m.attachments.map((a, j) => ({ index: j, name: a.name, contentType: a.contentType, size: Math.floor((a.b64.length * 3) / 4) })),
  }));
}

const WEEKDAYS_VI: Record<string, string> = { MONDAY: 'thứ Hai', TUESDAY: 'thứ Ba', WEDNESDAY: 'thứ Tư', THURSDAY: 'thứ Năm', FRIDAY: 'thứ Sáu', SATURDAY: 'thứ Bảy', SUNDAY: 'Chủ nhật' };

/** A trigger's schedule in words. */
export function describeSchedule(t: TriggerState): string {
  const s = t.schedule;
  if (t.eventType !== 'CLOCK') return ({ ON_OPEN: 'Khi mở', ON_EDIT: 'Khi chỉnh sửa', ON_CHANGE: 'Khi thay đổi', ON_FORM_SUBMIT: 'Khi gửi biểu mẫu' } as Record<string, string>)[t.eventType] ?? t.eventType;
  if (s.at !== undefined) return `Một lần lúc ${formatTime(s.at)}`;
  if (s.everyMinutes) return `Mỗi ${s.everyMinutes} phút`;
  if (s.everyHours) return `Mỗi ${s.everyHours} giờ`;
  const hour = `lúc ${s.atHour ?? 0} giờ–${(s.atHour ?? 0) + 1} giờ`;
  if (s.everyWeeks || s.onWeekDay) return `${s.everyWeeks && s.everyWeeks > 1 ? `Mỗi ${s.everyWeeks} tuần` : 'Hằng tuần'}, ${WEEKDAYS_VI[s.onWeekDay ?? 'MONDAY']}, ${hour}`;
  if (s.everyDays) return `${s.everyDays > 1 ? `Mỗi ${s.everyDays} ngày` : 'Hằng ngày'}, ${hour}`;
  return 'Theo thời gian';
}

export function triggerList(google: FakeGoogle) {
  const now = google.clock.now();
  const horizon = new Date(now.getTime() + 60 * 86400000);
  const due = google.dueTriggers(now, horizon);
  return google.state.triggers.map((t) => {
    const next = due.find((d) => d.uid === t.uid);
    return {
      uid: t.uid,
      handler: t.handler,
      eventType: t.eventType,
      owner: t.owner,
      schedule: describeSchedule(t),
      created: formatTime(t.createdAt),
      next: next ? formatTime(next.at.getTime()) : null,
      timeZone: t.schedule.timeZone ?? google.timeZone,
    };
  });
}
