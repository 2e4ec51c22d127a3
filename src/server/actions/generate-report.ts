// generateReport: a numbered Google Doc (progress report or budget submission), registered in "Sổ văn bản".
import { AppError } from '../../core/errors';
import { dateToIso } from '../../core/cells';
import { openContext } from '../context';
import { withLock } from '../lock';
import { checkReportRequest, issueDocument, loadForReport } from '../reports';
import type { Services } from '../services';

export function generateReport(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const req = checkReportRequest(input, ctx.settings.planYear, dateToIso(ctx.now, ctx.tz));
  return withLock(svc, () => {
    const wb = loadForReport(ctx);
    const { entry } = issueDocument(ctx, wb, req);
    return { ok: true as const, kind: req.kind, number: entry.number, docId: entry.docId, url: entry.docUrl, title: entry.summary, from: req.from, to: req.to, label: req.label };
  }, { numbering: true });
}
