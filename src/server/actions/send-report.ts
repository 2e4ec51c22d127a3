// sendReport: emails a report (the one given, or a new one) to Sở KH&CN or Sở Tài chính, with its PDF.
import { AppError } from '../../core/errors';
import { dateToIso } from '../../core/cells';
import { isAdmin } from '../../core/settings';
import { openContext } from '../context';
import { withLock } from '../lock';
import { checkReportRequest, issueDocument, loadForReport, sendIssued, type ReportRequest } from '../reports';
import { DOC_STATES, readRegister, updateEntry } from '../register';
import type { Services } from '../services';

export function sendReport(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const o = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const docId = typeof o.docId === 'string' && o.docId ? o.docId : '';
  return withLock(svc, () => {
    const wb = loadForReport(ctx);
    let issued;
    let req: ReportRequest;
    if (docId) {
      const reg = readRegister(ctx);
      const entry = reg.entries.find((e) => e.docId === docId);
      if (!entry) throw new AppError('invalidInput', {}, { docId: { code: 'invalidType' } });
      // A send that died half-way may have reached Sở KH&CN: say so rather than send it again.
      if (entry.state === DOC_STATES.sending) {
        updateEntry(ctx, reg.table, entry.index, { state: DOC_STATES.unknown });
        throw new AppError('sendUnknown', { number: entry.number });
      }
      // A send whose outcome is unknown may already have reached Sở KH&CN: only an admin repeats it.
      if ((entry.state === DOC_STATES.sent || entry.state === DOC_STATES.unknown) && !isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
      req = {
        kind: entry.type === 'TTr' ? 'budget' : 'progress',
        from: entry.periodFrom || `${wb.year}-01-01`,
        to: entry.periodTo || `${wb.year}-12-31`,
        label: '',
      };
      issued = { entry, table: reg.table };
    } else {
      req = checkReportRequest(input, ctx.settings.planYear, dateToIso(ctx.now, ctx.tz));
      issued = issueDocument(ctx, wb, req);
    }
    const sent = sendIssued(ctx, wb, issued, req);
    return { ok: true as const, number: issued.entry.number, docId: issued.entry.docId, url: issued.entry.docUrl, recipients: sent.to, cc: sent.cc, subject: sent.subject };
  }, { numbering: true });
}
