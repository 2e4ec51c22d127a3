// Mail of the forms (each recipient its own pre-filled link, within the shared quota; the rest queued) and the daily run's form duties: close after the deadline, remind once.
import { dateToIso } from '../core/cells';
import { dueToClose, FORM_STATES, inReminderWindow, toRemind, type FormRecord, type SendRecord } from '../core/forms';
import { isoToVn } from '../core/vn-format';
import type { Cell } from '../core/cells';
import { toCell } from '../core/cells';
import { writeChangedColumns, writeRecord } from './table';
import { openContacts, type ContactBook } from './contacts';
import { loadRegisters } from './registers';
import { loadForms, mailRoom, readResponses, responseTabs, type FormsBook } from './forms';
import { keepFormsDuty } from './forms-view';
import { audit } from './audit';
import { afterwards, failure } from './respond';
import type { Ctx } from './context';

type Org = { code: string; email: string };

/** Where a recipient's mail goes: its contact in the restricted file, else the body's official address. */
export function emailOf(code: string, contacts: ContactBook | null, orgs: Org[]): string {
  const c = contacts && contacts.byCode.get(code);
  if (c && c.contact.email) return c.contact.email;
  const o = orgs.find((x) => x.code === code);
  return o ? o.email : '';
}

function mailFor(ctx: Ctx, f: FormRecord, s: SendRecord, reminder: boolean): { subject: string; body: string } {
  const due = f.deadline ? isoToVn(f.deadline) : '';
  const subject = `${reminder ? 'Nhắc trả lời: ' : ''}${f.title}`;
  const body = [
    `Kính gửi ${s.recipientName || s.recipientCode},`,
    '',
    reminder
      ? `${ctx.settings.orgName} chưa nhận được phiếu "${f.title}" của đơn vị. Hạn trả lời là ngày ${due}.`
      : `${ctx.settings.orgName} đề nghị đơn vị điền phiếu "${f.title}"${due ? ` trước ngày ${due}` : ''}.`,
    `Liên kết riêng của đơn vị (đã điền sẵn mã ${s.recipientCode}, xin không chuyển cho đơn vị khác): ${s.link}`,
    '',
    'Trân trọng.',
  ].join('\n');
  return { subject, body };
}

function column(book: FormsBook, key: string): Cell[] {
  const t = book.sends.table;
  return t.rows.map((r) => (t.col[key] === undefined ? '' : r[t.col[key]] ?? ''));
}

/**
 * Sends the queued links of `forms` as far as today's quota goes (after what the scheduled reports need).
 * Each row is marked sent before its email goes (one write for all), and put back as "Gửi lỗi" if the
 * email fails: no email is sent twice, even when the run dies half-way.
 */
export function deliverQueued(ctx: Ctx, book: FormsBook, formCodes: string[], contacts: ContactBook | null, orgs: Org[]): { sent: number; queued: number; failed: number } {
  const queued: number[] = [];
  book.sends.items.forEach((s, k) => {
    if (s.state === 'Chờ gửi' && formCodes.includes(s.formCode)) queued.push(k);
  });
  const room = mailRoom(ctx, queued.length);
  const go = queued.slice(0, room);
  if (!go.length) return { sent: 0, queued: queued.length, failed: 0 };
  const state = column(book, 'state');
  const sentAt = column(book, 'sentAt');
  for (const k of go) {
    const i = book.sends.index[k];
    state[i] = 'Đã gửi';
    sentAt[i] = toCell('datetime', ctx.now, ctx.tz);
  }
  writeChangedColumns(book.sends.table, { state, sentAt });
  const failed: number[] = [];
  for (const k of go) {
    const s = book.sends.items[k];
    const f = book.forms.items.find((x) => x.code === s.formCode) as FormRecord;
    const to = emailOf(s.recipientCode, contacts, orgs);
    try {
      const m = mailFor(ctx, f, s, false);
      ctx.svc.MailApp.sendEmail({ to, subject: m.subject, body: m.body, name: ctx.settings.orgName || 'LHH Tracker' });
      book.sends.items[k] = { ...s, state: 'Đã gửi', sentAt: ctx.now.toISOString() };
    } catch (e) {
      failed.push(k);
      afterwards('audit', () => audit(ctx, 'Gửi biểu mẫu lỗi', `${s.formCode} ${s.recipientCode}`, failure(e).message));
    }
  }
  if (failed.length) {
    for (const k of failed) {
      state[book.sends.index[k]] = 'Gửi lỗi';
      sentAt[book.sends.index[k]] = '';
      book.sends.items[k] = { ...book.sends.items[k], state: 'Gửi lỗi', sentAt: '' };
    }
    writeChangedColumns(book.sends.table, { state, sentAt });
  }
  return { sent: go.length - failed.length, queued: queued.length - go.length, failed: failed.length };
}

export interface FormDutyOutcome {
  closed: string[];
  reminded: number;
  sent: number;
  queued: number;
  summary: string;
}

/** The daily run's form duties, under its lock: close forms past their deadline, remind once, send the queue. */
export function runFormDuties(ctx: Ctx): FormDutyOutcome {
  const out: FormDutyOutcome = { closed: [], reminded: 0, sent: 0, queued: 0, summary: '' };
  if (!ctx.settings.formsDuty) return out;
  const today = dateToIso(ctx.now, ctx.tz);
  const book = loadForms(ctx);
  const reg = loadRegisters(ctx, ['organisations']);
  const orgs = reg.organisations.items;
  for (let k = 0; k < book.forms.items.length; k++) {
    const f = book.forms.items[k];
    if (!dueToClose(f, today)) continue;
    ctx.svc.FormApp.openById(f.formId).setAcceptingResponses(false);
    const next = { ...f, state: FORM_STATES[1], closedAt: ctx.now };
    writeRecord(book.forms.table, book.forms.index[k], next);
    book.forms.items[k] = { ...f, state: FORM_STATES[1], closedAt: ctx.now.toISOString() };
    out.closed.push(f.code);
    afterwards('audit', () => audit(ctx, 'Đóng biểu mẫu', f.code, `${f.title}: quá hạn trả lời ${isoToVn(f.deadline)}`));
  }
  const days = ctx.settings.formReminderDays ?? 3;
  const open = book.forms.items.filter((f) => f.state === FORM_STATES[0]);
  const windowed = open.filter((f) => inReminderWindow(f, today, days));
  const queuedAny = book.sends.items.some((s) => s.state === 'Chờ gửi' && open.some((f) => f.code === s.formCode));
  let contacts: ContactBook | null = null;
  if (windowed.length || queuedAny) {
    try {
      contacts = openContacts(ctx);
    } catch {
      contacts = null;
    }
  }
  if (windowed.length) {
    const tabs = responseTabs(ctx);
    const remindAt = column(book, 'remindedAt');
    const list: { k: number; f: FormRecord }[] = [];
    for (const f of windowed) {
      const answered = new Set(readResponses(ctx, f, tabs.get(f.formId) || null).map((r) => r.recipientCode));
      for (const s of toRemind(book.sends.items.filter((x) => x.formCode === f.code), answered)) list.push({ k: book.sends.items.indexOf(s), f });
    }
    const room = mailRoom(ctx, list.length);
    const go = list.slice(0, room);
    for (const { k } of go) remindAt[book.sends.index[k]] = toCell('datetime', ctx.now, ctx.tz);
    if (go.length) writeChangedColumns(book.sends.table, { remindedAt: remindAt });
    const failed: number[] = [];
    for (const { k, f } of go) {
      const s = book.sends.items[k];
      try {
        const m = mailFor(ctx, f, s, true);
        ctx.svc.MailApp.sendEmail({ to: emailOf(s.recipientCode, contacts, orgs), subject: m.subject, body: m.body, name: ctx.settings.orgName || 'LHH Tracker' });
        book.sends.items[k] = { ...s, remindedAt: ctx.now.toISOString() };
        out.reminded++;
      } catch (e) {
        failed.push(k);
        afterwards('audit', () => audit(ctx, 'Nhắc biểu mẫu lỗi', `${s.formCode} ${s.recipientCode}`, failure(e).message));
      }
    }
    if (failed.length) {
      for (const k of failed) remindAt[book.sends.index[k]] = '';
      writeChangedColumns(book.sends.table, { remindedAt: remindAt });
    }
    if (out.reminded) afterwards('audit', () => audit(ctx, 'Nhắc trả lời biểu mẫu', windowed.map((f) => f.code).join(', '), `Đã nhắc ${out.reminded} đơn vị chưa trả lời`));
  }
  if (queuedAny) {
    const d = deliverQueued(
      ctx,
      book,
      open.map((f) => f.code),
      contacts,
      orgs,
    );
    out.sent = d.sent;
    out.queued = d.queued;
    if (d.sent) afterwards('audit', () => audit(ctx, 'Gửi biểu mẫu', 'hàng chờ', `Đã gửi ${d.sent} liên kết; còn chờ ${d.queued}`));
  }
  keepFormsDuty(ctx, book, true);
  const said: string[] = [];
  if (out.closed.length) said.push(`Đóng biểu mẫu ${out.closed.join(', ')}`);
  if (out.reminded) said.push(`Nhắc trả lời biểu mẫu: ${out.reminded} đơn vị`);
  if (out.sent) said.push(`Gửi biểu mẫu: ${out.sent} liên kết${out.queued ? `, còn chờ ${out.queued}` : ''}`);
  else if (out.queued) said.push(`Biểu mẫu: còn ${out.queued} liên kết chờ gửi (hết hạn mức email hôm nay)`);
  out.summary = said.join('; ');
  return out;
}
