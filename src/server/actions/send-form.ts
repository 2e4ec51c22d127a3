// sendForm: an admin sends a form to associations and bodies, each its own pre-filled link carrying its code; what the day's quota cannot carry waits for the daily run.
import { AppError } from '../../core/errors';
import { checkSend, CODE_QUESTION, FORM_STATES, organisationKind, RECIPIENT_KINDS, FORM_SENDS } from '../../core/forms';
import { isAdmin } from '../../core/settings';
import { appendRecords } from '../table';
import { loadRegisters } from '../registers';
import { openContacts } from '../contacts';
import { findForm, itemMap, loadForms, prefilledLinks } from '../forms';
import { deliverQueued, emailOf } from '../form-duties';
import { formsView, keepFormsDuty } from '../forms-view';
import { prefetch } from '../table';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import type { Services } from '../services';

export function sendForm(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  if (!isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
  const r = checkSend(input);
  if (!r.ok) throw new AppError('invalidInput', {}, r.problems);
  return withLock(svc, () => {
    prefetch(ctx, [FORM_SENDS]);
    const reg = loadRegisters(ctx, ['associations', 'organisations']);
    const book = loadForms(ctx);
    const { form: f } = findForm(book, r.value.formCode);
    if (f.state !== FORM_STATES[0]) throw new AppError('formClosed', { code: f.code });
    const who = r.value.recipients.map((code) => {
      const a = reg.associations.items.find((x) => x.code === code);
      if (a) return { code, name: a.name, kind: RECIPIENT_KINDS[0] };
      const o = reg.organisations.items.find((x) => x.code === code);
      if (o) return { code, name: o.name, kind: organisationKind(o.name) };
      throw new AppError('invalidInput', {}, { recipients: { code: 'unknownOrganisation', params: { value: code.slice(0, 30) } } });
    });
    // Asking again adds only those not yet asked: a retry or a second click sends nobody twice.
    const asked = new Set(book.sends.items.filter((s) => s.formCode === f.code).map((s) => s.recipientCode));
    const fresh = who.filter((w) => !asked.has(w.code));
    const contacts = fresh.length ? openContacts(ctx) : null;
    const orgs = reg.organisations.items;
    if (fresh.length) {
      const codeItem = itemMap(f).q[CODE_QUESTION];
      const links = prefilledLinks(ctx.svc.FormApp.openById(f.formId), codeItem, fresh.map((w) => w.code));
      const recs = fresh.map((w) => ({
        formCode: f.code,
        recipientCode: w.code,
        recipientKind: w.kind,
        recipientName: w.name,
        link: links[w.code],
        state: emailOf(w.code, contacts, orgs) ? 'Chờ gửi' : 'Không có email',
        queuedAt: ctx.now,
      }));
      const row = appendRecords(book.sends.table, recs);
      recs.forEach((x, k) => {
        book.sends.items.push({ ...x, queuedAt: ctx.now.toISOString(), sentAt: '', remindedAt: '' } as never);
        book.sends.index.push(row - 2 + k);
      });
    }
    const d = deliverQueued(ctx, book, [f.code], contacts, orgs);
    const noEmail = book.sends.items.filter((s) => s.formCode === f.code && s.state === 'Không có email').map((s) => s.recipientCode);
    afterwards('forms duty', () => keepFormsDuty(ctx, book));
    afterwards('audit', () => audit(ctx, 'Gửi biểu mẫu', f.code, `Thêm ${fresh.length} đơn vị; đã gửi ${d.sent}; chờ gửi ${d.queued}${d.failed ? `; lỗi ${d.failed}` : ''}${noEmail.length ? `; không có email: ${noEmail.join(', ')}` : ''}`));
    return { ...formsView(ctx, book), code: f.code, added: fresh.length, sentNow: d.sent, queued: d.queued, failed: d.failed, noEmail };
  });
}
