// previewReport: the key figures and the number a report would get, before anything is written.
import { AppError } from '../../core/errors';
import { dateToIso } from '../../core/cells';
import { computeProgress } from '../../core/progress';
import { summarizeBudget } from '../../core/budget';
import { openContext } from '../context';
import { checkReportRequest, loadForReport, TYPE_OF } from '../reports';
import { nextNumber, readRegister, type RegisterEntry } from '../register';
import { isUnsent, planSend, subjectStatus } from '../../core/register';
import { isAdmin } from '../../core/settings';
import { docNumber } from '../../core/vn-format';
import { ofYear } from '../repo';
import type { Services } from '../services';

/** The newest unsent report or submission of the year, if any. */
function latestDraft(entries: RegisterEntry[], year: number): { kind: 'progress' | 'budget'; from: string; to: string } | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.year !== year || (e.kind !== 'progress' && e.kind !== 'budget') || !isUnsent(e)) continue;
    return { kind: e.kind, from: e.periodFrom, to: e.periodTo };
  }
  return null;
}

export function previewReport(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const today = dateToIso(ctx.now, ctx.tz);
  const req = checkReportRequest(input, ctx.settings.planYear, today);
  // Opening the sidebar asks with no period: then it is told the document made last, to show again.
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const asked = o.from !== undefined || o.to !== undefined || o.kind === 'budget';
  const wb = loadForReport(ctx);
  const reg = readRegister(ctx);
  const seq = nextNumber(ctx, reg.entries, wb.year, TYPE_OF[req.kind]);
  const status = subjectStatus(reg.entries, { kind: req.kind, year: wb.year, periodFrom: req.kind === 'progress' ? req.from : '', periodTo: req.kind === 'progress' ? req.to : '' });
  const live = status.live;
  let sendable = false;
  if (live && isUnsent(live)) {
    try {
      sendable = planSend(live, reg.entries, { admin: isAdmin(ctx.settings, ctx.user) }).do === 'send';
    } catch {
      sendable = false;
    }
  }
  const events = ofYear(wb.events.items, wb.year);
  const period = computeProgress(wb.programs, wb.targets, events, { from: req.from, to: req.to }, today);
  const ytd = computeProgress(wb.programs, wb.targets, events, { from: `${wb.year}-01-01`, to: req.to }, today);
  const programOf = new Map(wb.targets.map((t) => [t.code, t.programCode]));
  const budget = summarizeBudget(wb.programs, ofYear(wb.budget.items, wb.year), events, (c) => programOf.get(c));
  const inPeriod = events.filter((e) => e.state !== 'Đã hủy' && e.date >= req.from && e.date <= req.to).length;
  return {
    ok: true as const,
    kind: req.kind,
    from: req.from,
    to: req.to,
    label: req.label,
    nextNumber: docNumber(seq, TYPE_OF[req.kind], ctx.settings.orgCode),
    figures: {
      events: inPeriod,
      programs: ytd.programs.map((p, i) => ({ code: p.code, name: p.name, percent: p.percent, periodPercent: period.programs[i].percent })),
      complete: ytd.targets.filter((t) => t.flags.includes('complete') && t.planned !== null).length,
      quantified: ytd.targets.filter((t) => t.planned !== null).length,
      behind: ytd.targets.filter((t) => t.flags.includes('behind') || t.flags.includes('overdue')).map((t) => t.name),
      budget: { proposed: budget.proposed, approved: budget.approved, spent: budget.spent, lines: ofYear(wb.budget.items, wb.year).length },
    },
    recipients: req.kind === 'budget' ? ctx.settings.budgetRecipients : ctx.settings.reportRecipients,
    /** The live document of this kind and period, offered to open or send instead of a new number. */
    existing: live ? { number: live.number, docId: live.docId, url: live.docUrl, title: live.summary, state: live.state, date: live.date, sendable } : null,
    /** The document's signature block would show a placeholder: settings have no signer's name. */
    signerMissing: !(ctx.settings.signerName || '').trim(),
    latestDraft: asked ? null : latestDraft(reg.entries, wb.year),
  };
}
