// Issuing documents: number from the register, Google Doc rendered from the core's model, PDF, email.
import { AppError, type FieldProblem } from '../core/errors';
import { periodFromRange } from '../core/period';
import { budgetEmail, buildBudgetSubmission, buildProgressReport, reportFileName, summaryForEmail, type DocModel } from '../core/report-model';
import { isoToVn } from '../core/vn-format';
import { dateToIso, isValidIso } from '../core/cells';
import { KINDS, recipientsOf } from '../core/register';
import { summarizeBudget } from '../core/budget';
import { renderOnRoad } from './docs-api-renderer';
import { DATA_SHEETS, loadWorkbook, ofYear, type Workbook } from './repo';
import { prefetch } from './table';
import { SHEETS } from '../core/sheets';
import { deliver, DOC_STATES, issueRegistered, readRegister, type DocType, type Register, type RegisterEntry } from './register';
import { afterwards, retrying } from './respond';
import { audit } from './audit';
import type { Ctx } from './context';
import type { Table } from './table';

export type ReportKind = 'progress' | 'budget';

export interface ReportRequest {
  kind: ReportKind;
  from: string;
  to: string;
  label: string;
  /** The user agreed to a new number for a period that already has a document. */
  confirmed?: boolean;
}

export const TYPE_OF: Record<ReportKind, DocType> = { progress: KINDS.progress.type, budget: KINDS.budget.type };

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
  return { kind: o.kind as ReportKind, from, to, label: p.ok ? p.label : `từ ngày ${isoToVn(from)} đến ngày ${isoToVn(to)}`, confirmed: o.confirmNew === true };
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
  reg: Register;
  model: DocModel;
}

/**
 * Numbers, renders and registers one document through the register (issueRegistered): the number is
 * taken as the register stands under the lock, and written only once the document exists.
 */
export function issueDocument(ctx: Ctx, wb: Workbook, req: ReportRequest, jobKey = '', state: string = DOC_STATES.drafted, reg: Register = readRegister(ctx)): Issued {
  const type = TYPE_OF[req.kind];
  const year = wb.year;
  let model: DocModel | null = null;
  const today = dateToIso(ctx.now, ctx.tz);
  const entry = issueRegistered(
    ctx,
    reg,
    {
      kind: req.kind,
      year,
      summary: '',
      periodFrom: req.kind === 'progress' ? req.from : '',
      periodTo: req.kind === 'progress' ? req.to : '',
      recipients: req.kind === 'budget' ? ctx.settings.budgetRecipientName : ctx.settings.reportRecipientName,
      jobKey,
      state,
      // The schedule never asks: its job replaces an unsent draft of the period (planJob).
      confirmed: req.confirmed || !!jobKey,
    },
    (seq) => {
      const m = buildModel(ctx, wb, req, seq);
      m.title = reportFileName({ typeAbbr: type, number: seq, orgCode: ctx.settings.orgCode, title: m.subject || m.title, today });
      model = m;
      const doc = renderOnRoad(ctx, m);
      return { id: doc.id, url: doc.url, summary: m.subject || m.title };
    },
  );
  const built = model as unknown as DocModel;
  afterwards('audit', () => audit(ctx, 'Lập văn bản', entry.number, `${entry.summary}; ${entry.docUrl}`));
  return { entry, table: reg.table, reg, model: built };
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
  return budgetEmail({ settings: ctx.settings, budget: summarizeBudget(wb.programs, ofYear(wb.budget.items, wb.year), [], (c) => programOf.get(c)), number: entry.number, year: wb.year, docUrl: entry.docUrl });
}

export interface MailPlan {
  to: string[];
  cc: string[];
}

/** Who a report or submission goes to (the rules: core/register.ts recipientsOf). */
export function recipientsFor(ctx: Ctx, kind: ReportKind | 'weekly', review: boolean): MailPlan {
  return recipientsOf({ kind, recipientEmails: '' }, ctx.settings, review);
}

/**
 * Emails an issued document through the register's state machine (deliver): "Đang gửi" before the
 * send and "Đã gửi" after, so a run that dies in between leaves a trace the next run will not send
 * over, but show to the admins.
 */
export function sendIssued(ctx: Ctx, wb: Workbook, issued: { entry: RegisterEntry; reg: Register }, req: ReportRequest, opts: { review?: boolean } = {}): { to: string[]; cc: string[]; subject: string } {
  const { entry, reg } = issued;
  const review = !!opts.review;
  const mail = recipientsOf(entry, ctx.settings, review);
  const needed = mail.to.length + mail.cc.length;
  const remaining = ctx.svc.MailApp.getRemainingDailyQuota();
  if (remaining < needed) throw new AppError('quotaShort', { remaining, needed });
  const body = emailBody(ctx, wb, entry, req);
  const subject = review ? `[Chờ duyệt] ${body.subject}` : body.subject;
  const pdf = retrying(
    (ms) => ctx.svc.Utilities.sleep(ms),
    () => ctx.svc.DocumentApp.openById(entry.docId).getAs('application/pdf').setName(`${entry.number.replace(/\//g, '-').trim() || 'van-ban'}.pdf`),
  );
  const reviewNote = review
    ? `<p style="background:#fef7e0;padding:8px"><b>Bản dự thảo để quản trị viên duyệt.</b> Kiểm tra văn bản, bổ sung phần đánh giá; sau đó mở Cài đặt hoặc Báo cáo trong LHH Tracker và bấm "Gửi Sở KH&amp;CN".</p>`
    : '';
  try {
    deliver(ctx, reg, entry, review, () =>
      ctx.svc.MailApp.sendEmail({
        to: mail.to.join(','),
        cc: mail.cc.join(','),
        subject,
        body: body.text,
        htmlBody: reviewNote + body.html,
        name: ctx.settings.orgName || 'LHH Tracker',
        attachments: [pdf],
      }),
    );
  } catch (e) {
    afterwards('audit', () => audit(ctx, 'Gửi email lỗi', entry.number, String((e as Error).message || e).slice(0, 300)));
    throw e;
  }
  afterwards('audit', () => audit(ctx, review ? 'Gửi dự thảo cho quản trị viên' : 'Gửi văn bản', entry.number, `Đến: ${mail.to.join(', ')}${mail.cc.length ? `; CC: ${mail.cc.join(', ')}` : ''}; ${subject}`));
  return { to: mail.to, cc: mail.cc, subject };
}

export function loadForReport(ctx: Ctx): Workbook {
  // Reports also read the register: all five sheets in one read when the Sheets API is on.
  prefetch(ctx, [...DATA_SHEETS, SHEETS.register]);
  return loadWorkbook(ctx, ctx.settings.planYear);
}
