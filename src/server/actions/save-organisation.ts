// saveOrganisation: a body that asks for consultations (or employs experts), with the address answers go to.
import { AppError } from '../../core/errors';
import { checkOrganisation, nextOrganisationCode, type Organisation } from '../../core/experts';
import { appendRecords, writeRecord } from '../table';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { expertsView } from '../experts-view';
import { loadRegisters } from '../registers';
import type { Services } from '../services';

export function saveOrganisation(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const r = checkOrganisation(input);
  if (Object.keys(r.problems).length) throw new AppError('invalidInput', {}, r.problems);
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ['experts', 'associations', 'organisations']);
    const o = r.organisation;
    const k = o.code ? reg.organisations.items.findIndex((x) => x.code === o.code) : -1;
    let saved: Organisation;
    if (k >= 0) {
      saved = { ...reg.organisations.items[k], ...o };
      writeRecord(reg.organisations.table, reg.organisations.index[k], { ...saved });
      reg.organisations.items[k] = saved;
    } else {
      if (o.code && reg.organisations.codes.includes(o.code)) throw new AppError('invalidInput', {}, { code: { code: 'duplicateId', params: { value: o.code } } });
      saved = { ...o, code: o.code || nextOrganisationCode(reg.organisations.codes) };
      const row = appendRecords(reg.organisations.table, [{ ...saved }]);
      reg.organisations.items.push(saved);
      reg.organisations.index.push(row - 2);
    }
    afterwards('audit', () => audit(ctx, k >= 0 ? 'Sửa cơ quan, đơn vị' : 'Thêm cơ quan, đơn vị', saved.code, `${saved.name}; ${saved.email}`));
    return { ...expertsView(ctx, reg), code: saved.code };
  });
}
