// The daily run's reminders about consultation deadlines: once when due soon, once when overdue; the marks live on the dossier row.
import { AppError } from '../core/errors';
import { dueReminders, type Reminder } from '../core/dossiers';
import { dossierRecord } from '../core/expert-sheets';
import { dateToIso } from '../core/cells';
import { isoToVn } from '../core/vn-format';
import { writeRecord } from './table';
import { loadRegisters } from './registers';
import { replaceItem } from './dossier-flow';
import { audit } from './audit';
import { afterwards } from './respond';
import type { Ctx } from './context';

export interface ReminderOutcome {
  code: string;
  kind: Reminder['kind'];
  to: string;
  outcome: 'sent' | 'failed';
}

/** Sends the reminders due today. Call under the lock. A mark is written before the email and taken back if the email fails. */
export function remindDossiers(ctx: Ctx): ReminderOutcome[] {
  const days = ctx.settings.reminderDays || 0;
  if (days <= 0) return [];
  const today = dateToIso(ctx.now, ctx.tz);
  const reg = loadRegisters(ctx, ['dossiers', 'organisations']);
  const due = dueReminders(reg.dossiers.items.filter((d) => d.year === ctx.settings.planYear), today, days);
  const out: ReminderOutcome[] = [];
  for (const r of due) {
    const k = reg.dossiers.items.findIndex((d) => d.code === r.code);
    const d = reg.dossiers.items[k];
    const row = reg.dossiers.index[k];
    const to = r.staff || ctx.settings.admins.join(',');
    if (!to) continue;
    const org = reg.organisations.items.find((o) => o.code === d.requesterCode);
    const mark = r.kind === 'due' ? { remindedDue: today } : { remindedOverdue: today };
    const next = { ...d, ...mark };
    writeRecord(reg.dossiers.table, row, dossierRecord(next));
    replaceItem(reg, row, next);
    const when = r.kind === 'due' ? `đến hạn trả lời ngày ${isoToVn(r.deadline)} (còn ${r.daysLeft} ngày)` : `đã quá hạn trả lời ngày ${isoToVn(r.deadline)} (${-r.daysLeft} ngày)`;
    const subject = `${r.kind === 'due' ? 'Nhắc hạn' : 'Quá hạn'}: hồ sơ ${d.code} ${when}`;
    const body = `Hồ sơ ${d.code} (${d.consultKind} ${d.subject}) của ${org ? org.name : d.requesterCode} ${when}. Trạng thái hiện tại: ${d.state}.\nMở LHH Tracker → Tư vấn, phản biện để xử lý.`;
    try {
      const remaining = ctx.svc.MailApp.getRemainingDailyQuota();
      if (remaining < to.split(',').length) throw new AppError('quotaShort', { remaining, needed: to.split(',').length });
      ctx.svc.MailApp.sendEmail({ to, subject, body, name: ctx.settings.orgName || 'LHH Tracker' });
      out.push({ code: d.code, kind: r.kind, to, outcome: 'sent' });
      afterwards('audit', () => audit(ctx, r.kind === 'due' ? 'Nhắc hạn hồ sơ tư vấn' : 'Nhắc quá hạn hồ sơ tư vấn', d.code, `Đến: ${to}`));
    } catch (e) {
      // Not sent: the mark goes, so tomorrow's run tries again.
      writeRecord(reg.dossiers.table, row, dossierRecord(d));
      replaceItem(reg, row, d);
      out.push({ code: d.code, kind: r.kind, to, outcome: 'failed' });
      afterwards('audit', () => audit(ctx, 'Nhắc hạn lỗi', d.code, String((e as Error).message || e).slice(0, 200)));
    }
  }
  return out;
}
