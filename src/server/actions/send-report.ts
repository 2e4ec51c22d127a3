// sendReport: emails a report (the one given, or a new one) to Sở KH&CN or Sở Tài chính, with its PDF.
import { AppError } from '../../core/errors';
import { dateToIso } from '../../core/cells';
import { isAdmin } from '../../core/settings';
import { planSend } from '../../core/register';
import { openContext } from '../context';
import { withLock } from '../lock';
import { checkReportRequest, issueDocument, loadForReport, sendIssued, type ReportRequest } from '../reports';
import { readRegister, step, type RegisterEntry } from '../register';
import type { Services } from '../services';

export function sendReport(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const o = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const docId = typeof o.docId === 'string' && o.docId ? o.docId : '';
  return withLock(svc, () => {
    const wb = loadForReport(ctx);
    const reg = readRegister(ctx);
    let entry: RegisterEntry;
    let req: ReportRequest;
    if (docId) {
      const found = reg.entries.find((e) => e.docId === docId);
      if (!found || (found.kind !== 'progress' && found.kind !== 'budget')) throw new AppError('invalidInput', {}, { docId: { code: 'invalidType' } });
      entry = found;
      const plan = planSend(entry, reg.entries, { admin: isAdmin(ctx.settings, ctx.user) });
      if (plan.do === 'markUnknown') {
        // A send that died half-way may have reached Sở KH&CN: say so rather than send it again.
        step(ctx, reg, entry, 'interrupted');
        throw new AppError('sendUnknown', { number: entry.number });
      }
      req = {
        kind: entry.kind === 'budget' ? 'budget' : 'progress',
        from: entry.periodFrom || `${wb.year}-01-01`,
        to: entry.periodTo || `${wb.year}-12-31`,
        label: '',
      };
    } else {
      req = checkReportRequest(input, ctx.settings.planYear, dateToIso(ctx.now, ctx.tz));
      entry = issueDocument(ctx, wb, req, '', undefined, reg).entry;
    }
    const sent = sendIssued(ctx, wb, { entry, reg }, req);
    return { ok: true as const, number: entry.number, docId: entry.docId, url: entry.docUrl, recipients: sent.to, cc: sent.cc, subject: sent.subject };
  }, { numbering: true });
}
