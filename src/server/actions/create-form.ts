// createForm: an admin makes one of the add-on's Google Forms for the plan year; its responses land in this workbook, and it is recorded in "Biểu mẫu".
import { AppError } from '../../core/errors';
import { checkCreateForm, FORM_KINDS, FORM_STATES, FORMS, formDescription, questionsOf } from '../../core/forms';
import { nextRecordId } from '../../core/record-type';
import { isAdmin } from '../../core/settings';
import { dateToIso } from '../../core/cells';
import { isoToVn } from '../../core/vn-format';
import { appendRecords } from '../table';
import { loadTargets } from '../repo';
import { addQuestions, formTitle, loadForms } from '../forms';
import { formsView, keepFormsDuty } from '../forms-view';
import { readTriggerInfo } from '../triggers';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { prefetch } from '../table';
import type { Services } from '../services';

export function createForm(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  if (!isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
  const r = checkCreateForm(input, dateToIso(ctx.now, ctx.tz), ctx.settings.planYear);
  if (!r.ok) throw new AppError('invalidInput', {}, r.problems);
  const { kind, period, deadline } = r.value;
  return withLock(svc, () => {
    const year = ctx.settings.planYear;
    prefetch(ctx, [FORMS]);
    const targets = kind === 'activity' ? loadTargets(ctx, year).items : [];
    const book = loadForms(ctx);
    const code = nextRecordId(FORMS, year, book.codes);
    const title = formTitle(kind, year, period);
    const forAssociations = FORM_KINDS[kind].audience === 'associations';
    // The form is complete before its row is written: a failure before that leaves no row to trust.
    const form = ctx.svc.FormApp.create(title);
    form
      .setDescription(formDescription(kind, ctx.settings.orgName, deadline))
      .setCollectEmail(forAssociations)
      .setAllowResponseEdits(false)
      .setConfirmationMessage('Cảm ơn đơn vị đã trả lời. Cán bộ LHH sẽ xem xét và liên hệ khi cần.');
    const q = addQuestions(form, questionsOf(kind, targets));
    form.setDestination(ctx.svc.FormApp.DestinationType.SPREADSHEET, ctx.ss.getId());
    // The trigger's owner and every admin edit it, so the daily run can close it whoever made it.
    const trigger = readTriggerInfo(ctx);
    const editors = [...ctx.settings.admins, trigger ? trigger.owner : ''].map((e) => e.toLowerCase()).filter((e, i, a) => e && e !== ctx.user && a.indexOf(e) === i);
    if (editors.length) form.addEditors(editors);
    const rec = {
      code,
      year,
      kind: FORM_KINDS[kind].label,
      title,
      period,
      formId: form.getId(),
      fillUrl: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      state: FORM_STATES[0],
      deadline,
      items: JSON.stringify({ q, email: forAssociations }),
      createdBy: ctx.user,
      createdAt: ctx.now,
    };
    const row = appendRecords(book.forms.table, [rec]);
    book.forms.items.push({ ...rec, createdAt: '', closedAt: '' } as never);
    book.forms.index.push(row - 2);
    book.codes.push(code);
    keepFormsDuty(ctx, book);
    afterwards('audit', () => audit(ctx, 'Tạo biểu mẫu', code, `${title}; hạn trả lời ${isoToVn(deadline)}; ${rec.fillUrl}`));
    return { ...formsView(ctx, book), code };
  });
}
