// The restricted contacts file: phones, emails and addresses of experts and chairs, in a spreadsheet shared only with the people settings name.
import { AppError } from '../core/errors';
import { CONTACTS, toContact } from '../core/expert-sheets';
import type { Contact } from '../core/experts';
import { canReadContacts } from '../core/settings';
import { appendRecords, isBlankRow, readRecord, readTable, writeRecord, type Table } from './table';
import { getProp, setProp, type Ctx } from './context';

/** Document property holding the contacts file's id (a workbook has one). */
export const CONTACTS_ID_KEY = 'lhh.contactsId';

/**
 * Sheet protection only limits editing: any editor of the workbook can read, copy and download every
 * sheet. So personal contact details never enter the workbook; they live in this other file.
 */
export function contactsFileId(ctx: Ctx): string {
  return getProp(ctx, CONTACTS_ID_KEY) || '';
}

/** Who may read the file: the admins and the staff named in settings. */
export function contactPeople(ctx: Ctx): string[] {
  const all = [...ctx.settings.admins, ...(ctx.settings.contactReaders || [])].map((e) => e.toLowerCase()).filter(Boolean);
  return all.filter((e, i) => all.indexOf(e) === i);
}

/** Creates the file when the workbook has none (setup); returns whether it was created. */
export function ensureContactsFile(ctx: Ctx): boolean {
  if (contactsFileId(ctx)) return false;
  const file = ctx.svc.SpreadsheetApp.create(`LHH Tracker - Liên hệ (hạn chế) - ${ctx.settings.orgName || ctx.ss.getName()}`);
  const sheet = file.getSheets()[0];
  sheet.setName(CONTACTS.name);
  const head = sheet.getRange(1, 1, 1, CONTACTS.columns.length);
  head.setValues([CONTACTS.columns.map((c) => c.header)]);
  head.setFontWeight('bold');
  sheet.setFrozenRows(1);
  file.addEditors(contactPeople(ctx));
  setProp(ctx, CONTACTS_ID_KEY, file.getId());
  return true;
}

/** Shares the file with exactly the people settings name now (after a settings change). */
export function syncContactSharing(ctx: Ctx): void {
  const id = contactsFileId(ctx);
  if (!id) return;
  const file = ctx.svc.SpreadsheetApp.openById(id);
  const owner = (file.getOwner()?.getEmail() || '').toLowerCase();
  const want = contactPeople(ctx);
  const have = file.getEditors().map((u) => u.getEmail().toLowerCase());
  const add = want.filter((e) => !have.includes(e));
  if (add.length) file.addEditors(add);
  for (const e of have) if (e !== owner && !want.includes(e)) file.removeEditor(e);
}

/** Refuses anyone settings do not name, before any Google call touches the file. */
export function assertContactReader(ctx: Ctx): void {
  if (!canReadContacts(ctx.settings, ctx.user)) throw new AppError('notContactReader');
}

export interface ContactBook {
  table: Table;
  byCode: Map<string, { contact: Contact; index: number }>;
}

/** Opens and reads the contacts file (one openById, one read), for a named person only. */
export function openContacts(ctx: Ctx): ContactBook {
  assertContactReader(ctx);
  const id = contactsFileId(ctx);
  if (!id) throw new AppError('noContactsFile');
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  try {
    ss = ctx.svc.SpreadsheetApp.openById(id);
  } catch (e) {
    if (/permission|access/i.test(String((e as Error).message || e))) throw new AppError('notContactReader');
    throw e;
  }
  const table = readTable(ss, CONTACTS, ctx.tz);
  const byCode = new Map<string, { contact: Contact; index: number }>();
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const { rec } = readRecord(table, row);
    const c = toContact(rec);
    if (c.code) byCode.set(c.code, { contact: c, index });
  });
  return { table, byCode };
}

const hasAny = (c: Partial<Contact>): boolean => !!(c.phone || c.email || c.address);

/** Writes contacts (new rows in one append; a changed row in one write). An empty contact of a new code writes nothing. */
export function saveContacts(ctx: Ctx, book: ContactBook, contacts: Contact[]): void {
  const fresh: Record<string, unknown>[] = [];
  for (const c of contacts) {
    const known = book.byCode.get(c.code);
    if (known) {
      writeRecord(book.table, known.index, { ...c, updatedAt: ctx.now });
      book.byCode.set(c.code, { contact: c, index: known.index });
    } else if (hasAny(c)) fresh.push({ ...c, updatedAt: ctx.now });
  }
  if (fresh.length) {
    const first = appendRecords(book.table, fresh);
    fresh.forEach((c, k) => book.byCode.set(String(c.code), { contact: c as unknown as Contact, index: first - 2 + k }));
  }
}

/** A deletion request: the person's row is emptied (the code stays, so nothing is re-created under it). */
export function eraseContact(ctx: Ctx, book: ContactBook, code: string): boolean {
  const known = book.byCode.get(code);
  if (!known) return false;
  writeRecord(book.table, known.index, { code, name: '', phone: '', email: '', address: '', updatedAt: ctx.now });
  book.byCode.delete(code);
  return true;
}

export { hasAny as hasContactDetails };
