// "Sổ văn bản": each issued document takes the next number of its type for the year, recorded with its link.
import { SHEETS } from '../core/sheets';
import { appendRecords, readRecord, readTables, writeRecord, type Table } from './table';
import { deleteProp, getProp, setProp, type Ctx } from './context';

export type DocType = 'BC' | 'TTr';

export interface RegisterEntry {
  index: number;
  year: number;
  type: DocType;
  seq: number | null;
  number: string;
  date: string;
  summary: string;
  periodFrom: string;
  periodTo: string;
  recipients: string;
  docUrl: string;
  docId: string;
  state: string;
  jobKey: string;
}

/** States a register row moves through; the sidebar and the scheduler read them. */
export const DOC_STATES = {
  drafted: 'Dự thảo',
  review: 'Chờ duyệt',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
  unknown: 'Chưa rõ kết quả gửi',
} as const;

export function readRegister(ctx: Ctx): { table: Table; entries: RegisterEntry[] } {
  const table = readTables(ctx, [SHEETS.register])[0];
  const entries: RegisterEntry[] = [];
  table.rows.forEach((row, index) => {
    const { rec } = readRecord(table, row);
    if (!rec.docId && !rec.number) return;
    entries.push({
      index,
      year: (rec.year as number) || 0,
      type: String(rec.type || '') as DocType,
      seq: (rec.seq as number | null) ?? null,
      number: String(rec.number || ''),
      date: String(rec.date || ''),
      summary: String(rec.summary || ''),
      periodFrom: String(rec.periodFrom || ''),
      periodTo: String(rec.periodTo || ''),
      recipients: String(rec.recipients || ''),
      docUrl: String(rec.docUrl || ''),
      docId: String(rec.docId || ''),
      state: String(rec.state || ''),
      jobKey: String(rec.jobKey || ''),
    });
  });
  return { table, entries };
}

const nextKey = (year: number, type: DocType) => `lhh.nextNumber.${year}.${type}`;

/**
 * The number the next document of a type takes: one past the highest in the register, unless an
 * admin set it (documents are also numbered outside the add-on) or chose to leave it blank (null).
 */
export function nextNumber(ctx: Ctx, entries: RegisterEntry[], year: number, type: DocType): number | null {
  const set = getProp(ctx, nextKey(year, type));
  const used = entries.filter((e) => e.year === year && e.type === type && e.seq !== null).map((e) => e.seq as number);
  const after = used.length ? Math.max(...used) + 1 : 1;
  if (set === 'blank') return null;
  if (set && /^\d+$/.test(set)) return Math.max(+set, after);
  return after;
}

export function setNextNumber(ctx: Ctx, year: number, type: DocType, next: number | null): void {
  setProp(ctx, nextKey(year, type), next === null ? 'blank' : String(next));
}

/** Clears an admin-set number once it has been used, so numbering goes on from the register. */
export function consumeNextNumber(ctx: Ctx, year: number, type: DocType): void {
  const v = getProp(ctx, nextKey(year, type));
  if (v && v !== 'blank') deleteProp(ctx, nextKey(year, type));
}

export function addEntry(ctx: Ctx, table: Table, e: Omit<RegisterEntry, 'index'> & { createdBy: string; createdAt: Date }): number {
  const row = appendRecords(table, [{ ...e }]);
  return row - 2;
}

export function updateEntry(ctx: Ctx, table: Table, index: number, patch: Partial<RegisterEntry> & { sentAt?: Date }): void {
  void ctx;
  writeRecord(table, index, patch as Record<string, unknown>);
}
