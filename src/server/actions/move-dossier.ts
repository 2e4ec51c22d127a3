// moveDossier: the body's reply (how far the answer was taken up) or a cancellation with its reason, which cancels the counted event.
import { AppError } from '../../core/errors';
import { moveDossier as move, type DossierState } from '../../core/dossiers';
import { dossierRecord } from '../../core/expert-sheets';
import { SHEETS } from '../../core/sheets';
import { isPlainObject } from '../../core/field-check';
import { writeRecord } from '../table';
import { openContext } from '../context';
import { withLock } from '../lock';
import { dossierView, replaceItem, uncountDossier } from '../dossier-flow';
import { findDossier, loadRegisters } from '../registers';
import { DATA_SHEETS, loadWorkbook } from '../repo';
import { afterChange } from '../dashboard';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { ALL_REGISTERS } from './get-dossier-view';
import type { Services } from '../services';

/** States a user moves a dossier to here; "Đã gửi kết quả" comes only from sending or recording the answer. */
const ALLOWED: DossierState[] = ['Đang thực hiện', 'Đã có phản hồi', 'Hủy'];

export function moveDossier(svc: Services, code: unknown, input: unknown) {
  if (!isPlainObject(input)) throw new AppError('invalidInput', {}, { state: { code: 'required' } });
  const o = input as Record<string, unknown>;
  const to = ALLOWED.find((s) => s === o.to);
  if (!to) throw new AppError('invalidInput', {}, { state: { code: 'invalidChoice', params: { choices: ALLOWED.join(', ') } } });
  for (const k of ['reason', 'uptake', 'uptakeNote'] as const) if (o[k] !== undefined && typeof o[k] !== 'string') throw new AppError('invalidInput', {}, { [k]: { code: 'invalidType' } });
  if (typeof o.reason === 'string' && o.reason.length > 500) throw new AppError('invalidInput', {}, { reason: { code: 'tooLong', params: { max: 500 } } });
  if (typeof o.uptakeNote === 'string' && o.uptakeNote.length > 1000) throw new AppError('invalidInput', {}, { uptakeNote: { code: 'tooLong', params: { max: 1000 } } });
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ALL_REGISTERS, [...DATA_SHEETS, SHEETS.register]);
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const at = findDossier(reg, code);
    const next = move(at.dossier, { to, reason: o.reason as string, uptake: o.uptake as string, uptakeNote: o.uptakeNote as string });
    const cancelled = to === 'Hủy' ? uncountDossier(ctx, wb, at.dossier, next.cancelReason) : '';
    writeRecord(reg.dossiers.table, at.index, dossierRecord(next));
    replaceItem(reg, at.index, next);
    afterwards('audit', () => audit(ctx, to === 'Hủy' ? 'Hủy hồ sơ tư vấn' : 'Cập nhật hồ sơ tư vấn', next.code, `${at.dossier.state} → ${to}${next.cancelReason && to === 'Hủy' ? `; lý do: ${next.cancelReason}` : ''}${next.uptake && to === 'Đã có phản hồi' ? `; ${next.uptake}` : ''}${cancelled ? `; hủy hoạt động ${cancelled}` : ''}`));
    if (cancelled) afterwards('dashboard', () => afterChange(ctx, wb));
    return { ...dossierView(ctx, reg, next.code), cancelledEvent: cancelled };
  });
}
