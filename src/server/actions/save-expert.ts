// saveExpert: adds or edits an expert; the register part goes to the workbook, phone/email/address to the restricted contacts file.
import { isoToVn } from '../../core/vn-format';
import { AppError } from '../../core/errors';
import { checkExpert, nextExpertCode, type Expert } from '../../core/experts';
import { expertRecord } from '../../core/expert-sheets';
import { dateToIso } from '../../core/cells';
import { appendRecords, writeRecord } from '../table';
import { assertContactReader, openContacts, saveContacts } from '../contacts';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { expertsView } from '../experts-view';
import { expertFields, loadRegisters } from '../registers';
import type { Services } from '../services';

const CONTACT_KEYS = ['phone', 'email', 'address'];

export function saveExpert(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const touchesContacts = CONTACT_KEYS.some((k) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== '' && o[k] !== null && o[k] !== undefined);
  // Contact details are written by the people settings name, nobody else: refused before anything is read.
  if (touchesContacts) assertContactReader(ctx);
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ['experts', 'associations', 'organisations']);
    const r = checkExpert(input, { fields: expertFields(ctx), organisations: reg.organisations.items, associations: reg.associations.items }, dateToIso(ctx.now, ctx.tz));
    const code = r.expert.code;
    const k = code ? reg.experts.items.findIndex((e) => e.code === code) : -1;
    if (code && k < 0) r.problems.code = { code: 'unknownExpert', params: { value: code.slice(0, 20) } };
    if (Object.keys(r.problems).length) throw new AppError('invalidInput', {}, r.problems);
    let e: Expert;
    if (k >= 0) {
      const old = reg.experts.items[k];
      if (old.state === 'Đã ẩn danh') throw new AppError('expertNotFound', { code });
      e = { ...old, ...r.expert, code };
      writeRecord(reg.experts.table, reg.experts.index[k], expertRecord(e));
      reg.experts.items[k] = e;
    } else {
      e = { ...r.expert, code: nextExpertCode(reg.experts.codes) };
      const row = appendRecords(reg.experts.table, [expertRecord(e)]);
      reg.experts.items.push(e);
      reg.experts.index.push(row - 2);
    }
    if (touchesContacts) {
      const book = openContacts(ctx);
      const prev = book.byCode.get(e.code)?.contact;
      const pick = (key: 'phone' | 'email' | 'address') => (Object.prototype.hasOwnProperty.call(o, key) ? r.contact[key] : prev ? prev[key] : '');
      saveContacts(ctx, book, [{ code: e.code, name: e.name, phone: pick('phone'), email: pick('email'), address: pick('address') }]);
    }
    // The audit names the person by code only: the log is readable by every editor.
    afterwards('audit', () => audit(ctx, k >= 0 ? 'Sửa chuyên gia' : 'Thêm chuyên gia', e.code, `${e.fields.join(', ')}; ${e.state}${e.consent ? `; đồng ý ${isoToVn(e.consentDate)}` : '; chưa đồng ý'}${touchesContacts ? '; cập nhật liên hệ' : ''}`));
    return { ...expertsView(ctx, reg, { text: e.code, includeInactive: true }), code: e.code };
  });
}
