// The review of form responses: what is new per form (by response key), and what an accepted or rejected response becomes, exactly once.
import { AppError } from '../core/errors';
import { activityEvent, keyOfResult, questionsOf, targetChoice, targetOfChoice, type FormRecord, type ResponseRow } from '../core/forms';
import { dateTimeToText } from '../core/cells';
import { nextRecordId } from '../core/record-type';
import { SHEETS } from '../core/sheets';
import { eventRecord } from '../core/records';
import type { LoggedEvent } from '../core/types';
import { appendRecords } from './table';
import { formKind, readResponses, responseTab, type FormsBook } from './forms';
import type { Workbook } from './repo';
import type { Ctx } from './context';
import { loadRegisters } from './registers';
import { acceptDemandResponse } from './form-demands';

/** Names of associations and bodies by code, for the review list. */
export function recipientNames(ctx: Ctx): Map<string, string> {
  const reg = loadRegisters(ctx, ['associations', 'organisations']);
  const m = new Map<string, string>();
  for (const a of reg.associations.items) m.set(a.code, a.name);
  for (const o of reg.organisations.items) if (!m.has(o.code)) m.set(o.code, o.name);
  return m;
}

export function reviewList(ctx: Ctx, book: FormsBook, f: FormRecord, targets: { code: string; name: string; quantity: number | null }[], names: Map<string, string>, responses?: ResponseRow[]) {
  const kind = formKind(f);
  const all = responses || readResponses(ctx, f, responseTab(ctx, f.formId));
  const reviewed = new Set(book.reviews.items.filter((r) => r.formCode === f.code).map((r) => r.key));
  const labels = new Map(questionsOf(kind || 'activity', targets).map((q) => [q.key, q.title]));
  const fresh = all.filter((r) => !reviewed.has(r.key));
  return {
    ok: true as const,
    form: { code: f.code, title: f.title, kind: kind || '', state: f.state, deadline: f.deadline },
    total: all.length,
    reviewed: all.length - fresh.length,
    /** Demand answers wait for the "Nhu cầu" records; the list shows them all the same. */
    demandKind: kind === 'training' || kind === 'techNeeds',
    targets: targets.filter((t) => t.quantity !== null).map((t) => ({ code: t.code, label: targetChoice(t) })),
    responses: fresh.map((r) => ({
      key: r.key,
      recipientCode: r.recipientCode,
      recipientName: names.get(r.recipientCode) || '',
      submittedAt: dateTimeToText(new Date(r.submittedAt), ctx.tz),
      email: r.email,
      suggestedTarget: kind === 'activity' ? targetOfChoice(r.answers.target || '') : '',
      answers: Object.entries(r.answers)
        .filter(([k]) => k !== 'consent')
        .map(([k, v]) => ({ label: labels.get(k) || k, value: v })),
    })),
  };
}

/**
 * Turns an accepted response into what it counts as. A record that already carries the key (a review
 * that failed after writing it) is reused, so the retry writes only the review row.
 */
export function importResponse(ctx: Ctx, wb: Workbook, f: FormRecord, r: ResponseRow, targetCode: string, name: string): string {
  const kind = formKind(f);
  if (kind === 'activity') {
    const known = wb.events.items.find((e) => keyOfResult(e.result) === r.key) || null;
    if (known) return known.id;
    // A hand-broken row still carries its text: look at the raw cells too.
    const t = wb.events.table;
    const raw = t.col.result === undefined ? -1 : t.rows.findIndex((row) => keyOfResult(String(row[t.col.result] ?? '')) === r.key);
    if (raw >= 0) return String(t.rows[raw][t.col.id] ?? '');
    if (!wb.targets.some((x) => x.code === targetCode)) throw new AppError('invalidInput', {}, { targetCode: { code: 'unknownTarget', params: { value: targetCode.slice(0, 30) } } });
    const made = activityEvent(r, targetCode, name);
    if (!made.ok) throw new AppError('responseUnreadable', { key: r.key, field: made.field === 'date' ? 'Ngày tổ chức' : made.field === 'quantity' ? 'Số lượng' : made.field === 'cost' ? 'Kinh phí' : 'Số người tham dự' });
    const year = wb.year;
    const id = nextRecordId(SHEETS.events, year, wb.events.items.map((x) => x.id).concat(t.rows.map((row) => String(row[t.col.id] ?? ''))));
    const ev: LoggedEvent = { ...made.event, id, year, state: 'Hiệu lực', cancelReason: '', createdBy: ctx.user, createdAt: '', updatedBy: '', updatedAt: '' };
    const row = appendRecords(t, [{ ...eventRecord(ev), createdAt: ctx.now }]);
    wb.events.items.push(ev);
    wb.events.index.push(row - 2);
    return id;
  }
  if (kind === 'training' || kind === 'techNeeds') return acceptDemandResponse(ctx, { formCode: f.code, formKind: kind, proposerName: name, response: r });
  throw new AppError('formKindUnknown');
}
