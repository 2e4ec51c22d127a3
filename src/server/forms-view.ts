// The forms sidebar's view (forms of the year, their sending, the recipients one can pick) and the daily duty flag the forms keep.
import { FORM_KIND_KEYS, FORM_KINDS, FORM_STATES, QUARTERS, RECIPIENT_KINDS, kindOfLabel } from '../core/forms';
import { dailyDutyOn, isAdmin } from '../core/settings';
import { loadRegisters } from './registers';
import { saveSettingsProp, type Ctx } from './context';
import { readTriggerInfo, syncTrigger } from './triggers';
import type { FormsBook } from './forms';

export function formsView(ctx: Ctx, book: FormsBook) {
  const year = ctx.settings.planYear;
  const reg = loadRegisters(ctx, ['associations', 'organisations']);
  const forms = book.forms.items
    .filter((f) => f.year === year)
    .map((f) => {
      const sends = book.sends.items.filter((s) => s.formCode === f.code);
      const count = (st: string) => sends.filter((s) => s.state === st).length;
      const reviews = book.reviews.items.filter((r) => r.formCode === f.code);
      return {
        code: f.code,
        kind: kindOfLabel(f.kind) || '',
        kindLabel: f.kind,
        title: f.title,
        period: f.period,
        state: f.state,
        open: f.state === FORM_STATES[0],
        deadline: f.deadline,
        fillUrl: f.fillUrl,
        editUrl: f.editUrl,
        sent: count('Đã gửi'),
        queued: count('Chờ gửi'),
        failed: count('Gửi lỗi') + count('Không có email'),
        reminded: sends.filter((s) => !!s.remindedAt).length,
        accepted: reviews.filter((r) => r.decision === 'Đã nhận').length,
        rejected: reviews.filter((r) => r.decision === 'Từ chối').length,
        sentTo: sends.map((s) => s.recipientCode),
      };
    });
  return {
    ok: true as const,
    year,
    isAdmin: isAdmin(ctx.settings, ctx.user),
    kinds: FORM_KIND_KEYS.map((k) => ({ key: k, label: FORM_KINDS[k].label, audience: FORM_KINDS[k].audience })),
    quarters: [...QUARTERS],
    reminderDays: ctx.settings.formReminderDays ?? 3,
    forms,
    associations: reg.associations.items.filter((a) => a.state !== 'Giải thể').map((a) => ({ code: a.code, name: a.name, kind: RECIPIENT_KINDS[0] })),
    organisations: reg.organisations.items.map((o) => ({ code: o.code, name: o.name })),
  };
}
export type FormsView = ReturnType<typeof formsView>;

/**
 * The daily run has form work while a form is open or links wait in the queue. The flag is kept in
 * settings, so the daily trigger exists whenever any daily duty is on; the first form makes it, under the
 * admin who made the form, when no trigger runs yet.
 */
export function keepFormsDuty(ctx: Ctx, book: FormsBook, inDailyRun = false): void {
  const duty = book.forms.items.some((f) => f.state === FORM_STATES[0]) || book.sends.items.some((s) => s.state === 'Chờ gửi');
  if (!!ctx.settings.formsDuty === duty || !ctx.docProps) return;
  const before = dailyDutyOn(ctx.settings);
  const next = { ...ctx.settings, formsDuty: duty };
  saveSettingsProp(ctx, next);
  if (inDailyRun) return;
  if (dailyDutyOn(next) !== before || (duty && !readTriggerInfo(ctx))) syncTrigger(ctx, next);
}
