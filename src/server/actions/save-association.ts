// saveAssociation: adds or edits a member association; its and its chair's phone, email and address go to the restricted contacts file.
import { AppError } from '../../core/errors';
import { checkAssociation, nextAssociationCode, type Association } from '../../core/experts';
import { associationRecord } from '../../core/expert-sheets';
import { appendRecords, writeRecord } from '../table';
import { assertContactReader, openContacts, saveContacts } from '../contacts';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { expertsView } from '../experts-view';
import { loadRegisters } from '../registers';
import type { Services } from '../services';

export function saveAssociation(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const r = checkAssociation(input);
  if (Object.keys(r.problems).length) throw new AppError('invalidInput', {}, r.problems);
  const o = input as Record<string, unknown>;
  const touchesContacts = ['phone', 'email', 'address'].some((k) => typeof o[k] === 'string' && o[k] !== '');
  if (touchesContacts) assertContactReader(ctx);
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ['experts', 'associations', 'organisations']);
    const code = r.association.code;
    const k = code ? reg.associations.items.findIndex((a) => a.code === code) : -1;
    if (code && k < 0) throw new AppError('associationNotFound', { code: code.slice(0, 20) });
    let a: Association;
    if (k >= 0) {
      a = { ...reg.associations.items[k], ...r.association };
      writeRecord(reg.associations.table, reg.associations.index[k], associationRecord(a));
      reg.associations.items[k] = a;
    } else {
      a = { ...r.association, code: nextAssociationCode(reg.associations.codes) };
      const row = appendRecords(reg.associations.table, [associationRecord(a)]);
      reg.associations.items.push(a);
      reg.associations.index.push(row - 2);
    }
    if (touchesContacts) saveContacts(ctx, openContacts(ctx), [{ code: a.code, name: a.chair ? `${a.chair} (${a.name})` : a.name, ...r.contact }]);
    afterwards('audit', () => audit(ctx, k >= 0 ? 'Sửa hội thành viên' : 'Thêm hội thành viên', a.code, `${a.name}; ${a.state}${touchesContacts ? '; cập nhật liên hệ' : ''}`));
    return { ...expertsView(ctx, reg), code: a.code };
  });
}
