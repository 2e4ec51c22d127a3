// setExpertState: marks an expert inactive or active again, or honours a deletion request by anonymising (admins only).
import { AppError } from '../../core/errors';
import { anonymiseExpert } from '../../core/experts';
import { expertRecord } from '../../core/expert-sheets';
import { isAdmin } from '../../core/settings';
import { writeRecord } from '../table';
import { eraseContact, openContacts, contactsFileId } from '../contacts';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { expertsView } from '../experts-view';
import { loadRegisters } from '../registers';
import type { Services } from '../services';

const ACTIONS = ['Đang hoạt động', 'Ngừng hoạt động', 'Ẩn danh'] as const;

export function setExpertState(svc: Services, code: unknown, action: unknown) {
  if (typeof code !== 'string' || !code.trim()) throw new AppError('invalidInput', {}, { code: { code: 'required' } });
  const act = ACTIONS.find((a) => a === action);
  if (!act) throw new AppError('invalidInput', {}, { state: { code: 'invalidChoice', params: { choices: ACTIONS.join(', ') } } });
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  // Anonymising cannot be undone and erases the contact: an admin's decision.
  if (act === 'Ẩn danh' && !isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ['experts', 'associations', 'organisations']);
    const k = reg.experts.items.findIndex((e) => e.code === code.trim());
    if (k < 0 || reg.experts.items[k].state === 'Đã ẩn danh') throw new AppError('expertNotFound', { code: code.trim().slice(0, 20) });
    const old = reg.experts.items[k];
    const e = act === 'Ẩn danh' ? anonymiseExpert(old) : { ...old, state: act };
    writeRecord(reg.experts.table, reg.experts.index[k], expertRecord(e));
    reg.experts.items[k] = e;
    let erased = false;
    if (act === 'Ẩn danh' && contactsFileId(ctx)) erased = eraseContact(ctx, openContacts(ctx), e.code);
    afterwards('audit', () => audit(ctx, act === 'Ẩn danh' ? 'Ẩn danh chuyên gia (yêu cầu xóa dữ liệu)' : 'Đổi trạng thái chuyên gia', e.code, `${old.state} → ${e.state}${erased ? '; đã xóa liên hệ' : ''}`));
    return { ...expertsView(ctx, reg, { text: e.code, includeInactive: true }), code: e.code };
  });
}
