// sendDossierAnswer: emails the answer with its PDF to the requesting body, once; the dossier then counts itself as one event.
import { AppError } from '../../core/errors';
import { dateToIso } from '../../core/cells';
import { SHEETS } from '../../core/sheets';
import { escapeHtml } from '../../core/vn-format';
import { kindPhrase } from '../../core/consultation-docs';
import { openContext } from '../context';
import { withLock } from '../lock';
import { countDossier, dossierView, issuePaper, papersOf } from '../dossier-flow';
import { DOC_STATES, deliver, readRegister, recipientsForEntry, step } from '../register';
import { planSend } from '../../core/register';
import { isAdmin } from '../../core/settings';
import { findDossier, loadRegisters } from '../registers';
import { DATA_SHEETS, loadWorkbook } from '../repo';
import { afterChange } from '../dashboard';
import { audit } from '../audit';
import { afterwards, retrying } from '../respond';
import { ALL_REGISTERS } from './get-dossier-view';
import type { Services } from '../services';

export function sendDossierAnswer(svc: Services, code: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ALL_REGISTERS, [...DATA_SHEETS, SHEETS.register]);
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const at = findDossier(reg, code);
    const d = at.dossier;
    if (d.state === 'Đã gửi kết quả' || d.state === 'Đã có phản hồi') throw new AppError('dossierAlreadySent', { code: d.code, number: d.answerNumber });
    if (d.state !== 'Đang thực hiện') throw new AppError('dossierBadMove', { code: d.code, from: d.state, to: 'Đã gửi kết quả' });
    const org = reg.organisations.items.find((o) => o.code === d.requesterCode);
    if (!org || !org.email) throw new AppError('noRequesterEmail', { name: org ? org.name : d.requesterCode });
    const register = readRegister(ctx);
    let entry = papersOf(register.entries, d.code).answer;
    if (entry) {
      const plan = planSend(entry, register.entries, { admin: isAdmin(ctx.settings, ctx.user) });
      if (plan.do === 'markUnknown') {
        // A send that died half-way may have reached the body: say so rather than send it again.
        step(ctx, register, entry, 'interrupted');
        throw new AppError('sendUnknown', { number: entry.number });
      }
      if (entry.state === DOC_STATES.sent || entry.state === DOC_STATES.unknown) throw new AppError('dossierAlreadySent', { code: d.code, number: entry.number });
    }
    const remaining = ctx.svc.MailApp.getRemainingDailyQuota();
    if (remaining < 1) throw new AppError('quotaShort', { remaining, needed: 1 });
    if (!entry) entry = issuePaper(ctx, reg, d, 'answer', register);
    const sending = entry;
    const pdf = retrying(
      (ms) => ctx.svc.Utilities.sleep(ms),
      () => ctx.svc.DocumentApp.openById(sending.docId).getAs('application/pdf').setName(`${sending.number.replace(/\//g, '-').trim() || 'van-ban'}.pdf`),
    );
    const what = `${kindPhrase(d.consultKind)} ${d.subject}`;
    const subject = `Báo cáo số ${entry.number}: kết quả ${what} – ${ctx.settings.orgName}`;
    const text = `Kính gửi: ${org.name}\n\n${ctx.settings.orgName} gửi Báo cáo số ${entry.number} kết quả ${what}${d.requestNumber ? `, trả lời Văn bản số ${d.requestNumber}` : ''} (tệp PDF đính kèm).\n${entry.docUrl}`;
    const html =
      `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124"><p>Kính gửi: ${escapeHtml(org.name)}</p>` +
      `<p>${escapeHtml(ctx.settings.orgName)} gửi Báo cáo số ${escapeHtml(entry.number)} kết quả ${escapeHtml(what)}${d.requestNumber ? `, trả lời Văn bản số ${escapeHtml(d.requestNumber)}` : ''} (tệp PDF đính kèm).</p></div>`;
    const to = recipientsForEntry(ctx, entry, false).to;
    deliver(ctx, register, entry, false, () => ctx.svc.MailApp.sendEmail({ to: to.join(','), subject, body: text, htmlBody: html, name: ctx.settings.orgName || 'LHH Tracker', attachments: [pdf] }));
    const today = dateToIso(ctx.now, ctx.tz);
    const counted = countDossier(ctx, wb, reg, at, { answerNumber: entry.number, answerDate: today, answerUrl: entry.docUrl, answerDocId: entry.docId, sentBy: 'addon' });
    afterwards('audit', () => audit(ctx, 'Gửi kết quả tư vấn', sending.number, `${d.code}; đến: ${to.join(', ')}; hoạt động ${counted.eventId}`));
    afterwards('dashboard', () => afterChange(ctx, wb));
    return { ...dossierView(ctx, reg, d.code, register), sent: { number: sending.number, to: to.join(','), eventId: counted.eventId } };
  }, { numbering: true });
}
