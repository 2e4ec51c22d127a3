// runScheduledReports: the one time-driven trigger decides what is due and handles each period once.
import { dueJobs, planOverText, planYearOver, type Job } from '../../core/schedule';
import { dateToIso } from '../../core/cells';
import { isoToVn } from '../../core/vn-format';
import { periodFromRange } from '../../core/period';
import { summaryForEmail } from '../../core/report-model';
import { ofYear } from '../repo';
import { openContext, type Ctx } from '../context';
import { withLock } from '../lock';
import { DOC_STATES, addEntry, deliver, readRegister, step, type Register, type RegisterEntry } from '../register';
import { KINDS, planJob } from '../../core/register';
import { AppError, isAppError } from '../../core/errors';
import { issueDocument, loadForReport, sendIssued, recipientsFor, type ReportRequest } from '../reports';
import { readTriggerInfo, removeTrigger, triggerHome, writeTriggerInfo } from '../triggers';
import { audit, auditRun } from '../audit';
import { afterwards, failure } from '../respond';
import type { Services } from '../services';
import type { Workbook } from '../repo';
import { dailyDutyOn } from '../../core/settings';
import { SCOPE_VERSION } from '../../core/forms';
import { remindDossiers, type ReminderOutcome } from '../dossier-reminders';
import { runFormDuties } from '../form-duties';

export interface JobOutcome {
  key: string;
  outcome: 'sent' | 'review' | 'skipped' | 'unknown' | 'failed';
  number?: string;
  message?: string;
}

function sendWeekly(ctx: Ctx, wb: Workbook, job: Job, reg: Register, entry: RegisterEntry): void {
  const mail = recipientsFor(ctx, 'weekly', false);
  const remaining = ctx.svc.MailApp.getRemainingDailyQuota();
  if (remaining < mail.to.length) throw new AppError('weeklyQuotaShort', { remaining, needed: mail.to.length });
  const p = periodFromRange(job.from, job.to);
  const body = summaryForEmail({
    settings: ctx.settings,
    programs: wb.programs,
    targets: wb.targets,
    events: ofYear(wb.events.items, wb.year),
    period: { from: job.from, to: job.to, label: p.ok ? p.label : `từ ngày ${isoToVn(job.from)} đến ngày ${isoToVn(job.to)}` },
    today: dateToIso(ctx.now, ctx.tz),
    number: null,
    year: wb.year,
    lines: ofYear(wb.budget.items, wb.year),
    weekly: true,
  });
  deliver(ctx, reg, entry, false, () =>
    ctx.svc.MailApp.sendEmail({ to: mail.to.join(','), subject: body.subject, body: body.text, htmlBody: body.html, name: ctx.settings.orgName || 'LHH Tracker' }),
  );
  afterwards('audit', () => audit(ctx, 'Gửi tóm tắt tuần', job.key, `Đến: ${mail.to.join(', ')}`));
}

/** Handles one due job as core planJob decides from what the register says happened to it before. */
function handle(ctx: Ctx, wb: Workbook, job: Job): JobOutcome {
  const reg = readRegister(ctx);
  const plan = planJob(job, reg.entries, wb.year);
  if (plan.do === 'skip') return { key: job.key, outcome: 'skipped', number: plan.number };
  if (plan.do === 'markUnknown') {
    // The run that sent died before recording the outcome: the email may have gone. Never resend blindly.
    const entry = reg.entries.find((e) => e.index === plan.row.index)!;
    step(ctx, reg, entry, 'interrupted');
    const label = entry.number || job.key;
    afterwards('audit', () => audit(ctx, 'Kết quả gửi chưa rõ', job.key, `${label}: lần chạy trước dừng giữa lúc gửi. Quản trị viên kiểm tra hộp thư đã gửi rồi quyết định gửi lại.`));
    return { key: job.key, outcome: 'unknown', number: entry.number };
  }
  const req: ReportRequest = { kind: 'progress', from: job.from, to: job.to, label: '' };
  if (job.kind === 'weekly') {
    const entry =
      plan.do === 'send'
        ? reg.entries.find((e) => e.index === plan.row.index)!
        : addEntry(ctx, reg, {
            year: wb.year,
            kind: 'weekly',
            type: KINDS.weekly.type,
            seq: null,
            number: '',
            date: dateToIso(ctx.now, ctx.tz),
            summary: `Tóm tắt tiến độ tuần ${isoToVn(job.from)} – ${isoToVn(job.to)} (email, không số)`,
            periodFrom: job.from,
            periodTo: job.to,
            recipients: ctx.settings.reportRecipientName,
            docUrl: '',
            docId: `email:${job.key}`,
            state: DOC_STATES.drafted,
            jobKey: job.key,
            createdBy: ctx.user,
            createdAt: ctx.now,
          });
    sendWeekly(ctx, wb, job, reg, entry);
    return { key: job.key, outcome: 'sent' };
  }
  // A document made by an earlier, failed run is sent as it is: same document, same number.
  const entry = plan.do === 'send' ? reg.entries.find((e) => e.index === plan.row.index)! : issueDocument(ctx, wb, req, job.key, DOC_STATES.drafted, reg).entry;
  sendIssued(ctx, wb, { entry, reg }, req, { review: job.formal });
  return { key: job.key, outcome: job.formal ? 'review' : 'sent', number: entry.number };
}

const OUTCOME_WORDS: Record<JobOutcome['outcome'], string> = {
  sent: 'đã gửi Sở KH&CN',
  review: 'đã gửi quản trị viên duyệt',
  skipped: 'đã xử lý ở lần chạy trước',
  unknown: 'chưa rõ kết quả gửi, cần quản trị viên kiểm tra',
  failed: 'lỗi',
};

/** "Báo cáo tháng 7/2024 (01/BC-LHH): đã gửi Sở KH&CN", for the settings sidebar. */
export function describeOutcome(o: JobOutcome): string {
  const [kind, period] = o.key.split(':');
  const what =
    kind === 'weekly'
      ? `Tóm tắt tuần từ ${isoToVn(period)}`
      : kind === 'monthly'
        ? `Báo cáo tháng ${+period.slice(5, 7)}/${period.slice(0, 4)}`
        : kind === 'half'
          ? `Sơ kết 6 tháng đầu năm ${period}`
          : `Tổng kết năm ${period}`;
  return `${what}${o.number ? ` (${o.number})` : ''}: ${OUTCOME_WORDS[o.outcome]}${o.message ? ` – ${o.message}` : ''}`;
}

/**
 * What a run did, in words (Cài đặt and the local triggers page show it): each job's outcome and reminder, or why
 * there was nothing to do.
 */
function runSummary(said: string[], today: string, planYear: number): string {
  if (said.length) return said.join('; ');
  return planYearOver(today, planYear) ? planOverText(planYear) : 'Không có việc đến hạn';
}

export function runScheduledReports(svc: Services, e?: { triggerUid?: string }): { ok: true; outcomes: JobOutcome[]; reminders: ReminderOutcome[]; summary: string } {
  const uid = e && e.triggerUid ? String(e.triggerUid) : '';
  const home = uid ? triggerHome({ svc }, uid) : null;
  const ctx = openContext(svc, { spreadsheetId: home ? home.spreadsheetId : undefined });
  if (uid) ctx.triggerUid = uid;
  if (!ctx.docProps && home) {
    // Where a time-driven run gets no document properties, the owner's snapshot stands in (roads refused included).
    ctx.settings = home.settings;
    ctx.configured = true;
    ctx.roads = home.roads || {};
  }
  const info = readTriggerInfo(ctx);
  // Two admins saving settings leave two triggers (each sees only its own): the stale one retires.
  const stale = ctx.docProps ? !info || info.uid !== uid : !home;
  if (uid && (stale || !dailyDutyOn(ctx.settings))) {
    removeTrigger(ctx, uid);
    return { ok: true, outcomes: [], reminders: [], summary: stale ? 'Trình kích hoạt cũ của quản trị viên khác: đã tự gỡ' : 'Lịch gửi đang tắt: trình kích hoạt đã tự gỡ' };
  }
  const today = dateToIso(ctx.now, ctx.tz);
  const jobs = ctx.settings.schedule.enabled ? dueJobs(ctx.settings.schedule, today, ctx.settings.planYear) : [];
  const outcomes: JobOutcome[] = [];
  let reminders: ReminderOutcome[] = [];
  let summary = '';
  let remindersFailed = false;
  let forms = '';
  let formsFailed = false;
  ctx.runLog = [];
  try {
    withLock(svc, () => {
      const wb = loadForReport(ctx);
      for (const job of jobs) {
        try {
          outcomes.push(handle(ctx, wb, job));
        } catch (err) {
          const f = failure(err);
          // The run's row says it (describeOutcome gives the message).
          outcomes.push({ key: job.key, outcome: 'failed', message: f.message });
        }
      }
      // Deadline reminders of consultation dossiers: a daily duty of the same trigger.
      try {
        reminders = remindDossiers(ctx);
      } catch (err) {
        remindersFailed = true;
        afterwards('audit', () => audit(ctx, 'Nhắc hạn lỗi', '', failure(err).message));
      }
      // Forms: close those past their deadline, remind once, send the queued links (after the reports: they share the quota).
      try {
        forms = runFormDuties(ctx).summary;
      } catch (err) {
        formsFailed = true;
        forms = `Biểu mẫu: ${failure(err).message}`;
        afterwards('audit', () => audit(ctx, 'Biểu mẫu lỗi', '', failure(err).message));
      }
      const said = [...outcomes.map(describeOutcome), ...reminders.map((r) => `Nhắc hạn ${r.code}: ${r.outcome === 'sent' ? 'đã gửi' : 'lỗi'}`), ...(forms ? [forms] : [])];
      summary = runSummary(said, today, ctx.settings.planYear);
      if (info) writeTriggerInfo(ctx, { ...info, lastRun: ctx.now.toISOString(), lastOutcome: summary, scopeVersion: SCOPE_VERSION });
    });
  } catch (err) {
    // A run that could not start its work (a sheet) fails loudly, and the log says so once. A busy lock is not
    // logged: nothing was done, another run holds the workbook, and writing the log then would race it.
    if (!(isAppError(err) && err.code === 'busy')) afterwards('audit', () => auditRun(ctx, `Lần chạy dừng giữa chừng: ${failure(err).message}`, true));
    throw err;
  }
  // One row per run that did something or failed; a run with nothing due leaves the log alone.
  const failed = remindersFailed || formsFailed || outcomes.some((o) => o.outcome === 'failed' || o.outcome === 'unknown') || reminders.some((r) => r.outcome !== 'sent');
  // A step that wrote to the log did something too: its words are kept in the run's row.
  const did = failed || outcomes.some((o) => o.outcome !== 'skipped') || reminders.length > 0 || !!forms || !!(ctx.runLog && ctx.runLog.length);
  if (did) afterwards('audit', () => auditRun(ctx, summary, failed));
  ctx.runLog = undefined;
  return { ok: true, outcomes, reminders, summary };
}
