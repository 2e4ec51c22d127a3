// Issuing documents: number from the register, Google Doc rendered from the core's model, PDF, email.
import { AppError, type FieldProblem } from '../core/errors';
import { periodFromRange } from '../core/period';
import { buildBudgetSubmission, buildProgressReport, reportFileName, summaryForEmail, type DocModel } from '../core/report-model';
import { docNumber, formatMoney, isoToVn } from '../core/vn-format';
import { amountInWords } from '../core/amount-words';
import { dateToIso, isValidIso } from '../core/cells';
import { escapeHtml } from '../core/vn-format';
import { summarizeBudget } from '../core/budget';
import { renderOnRoad } from './docs-api-renderer';
import { DATA_SHEETS, loadWorkbook, ofYear, type Workbook } from './repo';
import { prefetch } from './table';
import { SHEETS } from '../core/sheets';
import { addEntry, consumeNextNumber, DOC_STATES, nextNumber, readRegister, updateEntry, type DocType, type RegisterEntry } from './register';
import { afterwards, retrying } from './respond';
import { audit } from './audit';
import { addLock } from './period-locks';
import type { Ctx } from './context';
import type { Table } from './table';

export type ReportKind = 'progress' | 'budget';

export interface ReportRequest {
  kind: ReportKind;
  from: string;
  to: string;
  label: string;
}

export const TYPE_OF: Record<ReportKind, DocType> = { progress: 'BC', budget: 'TTr' };

/** Checks `{ kind, from?, to? }` from a sidebar; a progress report defaults to the year so far. */
export function checkReportRequest(input: unknown, planYear: number, today: string): ReportRequest {
  const o = (input && typeof input === 'object' && !Array.isArray(input) ? input : null) as Record<string, unknown> | null;
  if (!o) throw new AppError('invalidInput', {}, { kind: { code: 'required' } });
  const fields: Record<string, FieldProblem> = {};
  if (o.kind !== 'progress' && o.kind !== 'budget') fields.kind = { code: 'invalidChoice', params: { choices: 'progress, budget' } };
  const date = (k: 'from' | 'to', dflt: string) => {
    const v = o[k];
    if (v === undefined || v === null || v === '') return dflt;
    if (typeof v !== 'string' || !isValidIso(v)) {
      fields[k] = { code: 'invalidDate' };
      return dflt;
    }
    return v;
  };
  const yearEnd = `${planYear}-12-31`;
  const from = date('from', `${planYear}-01-01`);
  const to = date('to', today < yearEnd && today >= `${planYear}-01-01` ? today : yearEnd);
  if (!fields.from && !fields.to && from > to) fields.to = { code: 'dateOrder' };
  if (!fields.from && !fields.to && (+from.slice(0, 4) < planYear || +from.slice(0, 4) > planYear + 1)) {
    fields.from = { code: 'dateOutOfPlan', params: { years: String(planYear) } };
  }
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  const p = periodFromRange(from, to);
  return { kind: o.kind as ReportKind, from, to, label: p.ok ? p.label : `từ ngày ${isoToVn(from)} đến ngày ${isoToVn(to)}` };
}

export function buildModel(ctx: Ctx, wb: Workbook, req: ReportRequest, number: number | null): DocModel {
  const today = dateToIso(ctx.now, ctx.tz);
  const year = wb.year;
  if (req.kind === 'budget') {
    return buildBudgetSubmission({ settings: ctx.settings, programs: wb.programs, targets: wb.targets, lines: ofYear(wb.budget.items, year), today, number, year });
  }
  const p = periodFromRange(req.from, req.to);
  return buildProgressReport({
    settings: ctx.settings,
    programs: wb.programs,
    targets: wb.targets,
    events: ofYear(wb.events.items, year),
    period: p.ok ? { from: p.from, to: p.to, label: p.label, title: p.title, kind: p.kind } : { from: req.from, to: req.to, label: req.label },
    today,
    number,
    year,
    lines: ofYear(wb.budget.items, year),
  });
}

export interface Issued {
  entry: RegisterEntry;
  table: Table;
  model: DocModel;
}

/**
 * Numbers, renders and registers one document. The number is taken from the register as it stands
 * under the lock, and written only once the document exists, so a failed run skips no number.
 */
export function issueDocument(ctx: Ctx, wb: Workbook, req: ReportRequest, jobKey = '', state: string = DOC_STATES.drafted): Issued {
  const type = TYPE_OF[req.kind];
  const reg = readRegister(ctx);
  const year = wb.year;
  const seq = nextNumber(ctx, reg.entries, year, type);
  const model = buildModel(ctx, wb, req, seq);
  const today = dateToIso(ctx.now, ctx.tz);
  model.title = reportFileName({ typeAbbr: type, number: seq, orgCode: ctx.settings.orgCode, title: model.subject || model.title, today });
  const doc = renderOnRoad(ctx, model);
  const recipients = req.kind === 'budget' ? ctx.settings.budgetRecipientName : ctx.settings.reportRecipientName;
  const entry: Omit<RegisterEntry, 'index'> = {
    year,
    type,
    seq,
    number: docNumber(seq, type, ctx.settings.orgCode),
    date: today,
    summary: model.subject || model.title,
    periodFrom: req.kind === 'progress' ? req.from : '',
    periodTo: req.kind === 'progress' ? req.to : '',
    recipients,
    docUrl: doc.url,
    docId: doc.id,
    state,
    jobKey,
  };
  const index = addEntry(ctx, reg.table, { ...entry, createdBy: ctx.user, createdAt: ctx.now });
  if (seq !== null) consumeNextNumber(ctx, year, type);
  afterwards('audit', () => audit(ctx, 'Lập văn bản', entry.number, `${entry.summary}; ${entry.docUrl}`));
  return { entry: { ...entry, index }, table: reg.table, model };
}

function emailBody(ctx: Ctx, wb: Workbook, entry: RegisterEntry, req: ReportRequest): { subject: string; html: string; text: string } {
  const today = dateToIso(ctx.now, ctx.tz);
  if (req.kind === 'progress') {
    const p = periodFromRange(req.from, req.to);
    return summaryForEmail({
      settings: ctx.settings,
      programs: wb.programs,
      targets: wb.targets,
      events: ofYear(wb.events.items, wb.year),
      period: p.ok ? { from: p.from, to: p.to, label: p.label, title: p.title, kind: p.kind } : { from: req.from, to: req.to, label: req.label },
      today,
      number: entry.seq,
      year: wb.year,
      lines: ofYear(wb.budget.items, wb.year),
      docUrl: entry.docUrl,
    });
  }
  const programOf = new Map(wb.targets.map((t) => [t.code, t.programCode]));
  const b = summarizeBudget(wb.programs, ofYear(wb.budget.items, wb.year), [], (c) => programOf.get(c));
  const subject = `Tờ trình số ${entry.number}: đề nghị thẩm định dự toán kinh phí năm ${wb.year} – ${ctx.settings.orgName}`;
  const rows = b.byProgram
    .filter((p) => p.proposed)
    .map((p) => `<tr><td style="padding:4px 8px;border-bottom:1px solid #e8eaed">${escapeHtml(p.code)}. ${escapeHtml(p.name)}</td><td style="padding:4px 8px;border-bottom:1px solid #e8eaed;text-align:right">${escapeHtml(formatMoney(p.proposed))}</td></tr>`)
    .join('');
  const html =
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124">` +
    `<p>Kính gửi: ${escapeHtml(ctx.settings.budgetRecipientName)}</p>` +
    `<p>${escapeHtml(ctx.settings.orgName)} gửi Tờ trình số ${escapeHtml(entry.number)} đề nghị thẩm định dự toán kinh phí thực hiện nhiệm vụ, chương trình hoạt động năm ${wb.year} (tệp PDF đính kèm).</p>` +
    `<table style="border-collapse:collapse">${rows}<tr><td style="padding:4px 8px;font-weight:bold">Tổng cộng</td><td style="padding:4px 8px;text-align:right;font-weight:bold">${escapeHtml(formatMoney(b.proposed))}</td></tr></table>` +
    `<p><i>Bằng chữ: ${escapeHtml(amountInWords(b.proposed))}</i></p>` +
    (/^https:\/\//.test(entry.docUrl) ? `<p><a href="${escapeHtml(entry.docUrl)}">Mở văn bản</a></p>` : '') +
    `</div>`;
  const text = `Kính gửi: ${ctx.settings.budgetRecipientName}\n\n${ctx.settings.orgName} gửi Tờ trình số ${entry.number} đề nghị thẩm định dự toán kinh phí năm ${wb.year} (tệp PDF đính kèm).\nTổng cộng: ${formatMoney(b.proposed)}\nBằng chữ: ${amountInWords(b.proposed)}\n${entry.docUrl}`;
  return { subject, html, text };
}

export interface MailPlan {
  to: string[];
  cc: string[];
}

export function recipientsFor(ctx: Ctx, kind: ReportKind, review: boolean): MailPlan {
  if (review) return { to: ctx.settings.admins.slice(), cc: [] };
  if (kind === 'budget') {
    if (!ctx.settings.budgetRecipients.length) throw new AppError('noRecipients', { field: 'Email Sở Tài chính' });
    return { to: ctx.settings.budgetRecipients.slice(), cc: ctx.settings.reportRecipients.filter((r) => !ctx.settings.budgetRecipients.includes(r)) };
  }
  if (!ctx.settings.reportRecipients.length) throw new AppError('noRecipients', { field: 'Email Sở KH&CN' });
  return { to: ctx.settings.reportRecipients.slice(), cc: [] };
}

/**
 * Emails an issued document. The register says "Đang gửi" before the send and "Đã gửi" after, so a
 * run that dies in between leaves a trace the next run will not send over, but show to the admins.
 */
export function sendIssued(ctx: Ctx, wb: Workbook, issued: { entry: RegisterEntry; table: Table }, req: ReportRequest, opts: { review?: boolean } = {}): { to: string[]; cc: string[]; subject: string } {
  const { entry, table } = issued;
  const mail = recipientsFor(ctx, req.kind, !!opts.review);
  const needed = mail.to.length + mail.cc.length;
  const remaining = ctx.svc.MailApp.getRemainingDailyQuota();
  if (remaining < needed) throw new AppError('quotaShort', { remaining, needed });
  const body = emailBody(ctx, wb, entry, req);
  const subject = opts.review ? `[Chờ duyệt] ${body.subject}` : body.subject;
  const pdf = retrying(
    (ms) => ctx.svc.Utilities.sleep(ms),
    () => ctx.svc.DocumentApp.openById(entry.docId).getAs('application/pdf').setName(`${entry.number.replace(/\//g, '-').trim() || 'van-ban'}.pdf`),
  );
  const reviewNote = opts.review
    ? `<p style="background:#fef7e0;padding:8px"><b>Bản dự thảo để quản trị viên duyệt.</b> Kiểm tra văn bản, bổ sung phần đánh giá; sau đó mở Cài đặt hoặc Báo cáo trong LHH Tracker và bấm "Gửi Sở KH&amp;CN".</p>`
    : '';
  updateEntry(ctx, table, entry.index, { state: DOC_STATES.sending });
  try {
    ctx.svc.MailApp.sendEmail({
      to: mail.to.join(','),
      cc: mail.cc.join(','),
      subject,
      body: body.text,
      htmlBody: reviewNote + body.html,
      name: ctx.settings.orgName || 'LHH Tracker',
      attachments: [pdf],
    });
  } catch (e) {
    updateEntry(ctx, table, entry.index, { state: DOC_STATES.failed });
    afterwards('audit', () => audit(ctx, 'Gửi email lỗi', entry.number, String((e as Error).message || e).slice(0, 300)));
    throw e;
  }
  updateEntry(ctx, table, entry.index, { state: opts.review ? DOC_STATES.review : DOC_STATES.sent, sentAt: ctx.now });
  afterwards('audit', () => audit(ctx, opts.review ? 'Gửi dự thảo cho quản trị viên' : 'Gửi văn bản', entry.number, `Đến: ${mail.to.join(', ')}${mail.cc.length ? `; CC: ${mail.cc.join(', ')}` : ''}; ${subject}`));
  if (!opts.review && req.kind === 'progress' && entry.seq !== null) {
    afterwards('period lock', () => addLock(ctx, { from: req.from, to: req.to, number: entry.number }));
  }
  return { to: mail.to, cc: mail.cc, subject };
}

export function loadForReport(ctx: Ctx): Workbook {
  // Reports also read the register: all five sheets in one read when the Sheets API is on.
  prefetch(ctx, [...DATA_SHEETS, SHEETS.register]);
  return loadWorkbook(ctx, ctx.settings.planYear);
}
