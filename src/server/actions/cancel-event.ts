// cancelEvent: marks an activity cancelled with a reason; the row stays, out of every count.
import { dossierOfEvent } from '../../core/dossiers';
import { AppError } from '../../core/errors';
import { cleanInputText } from '../../core/text-clean';
import { LIMITS } from '../../core/event-input';
import { writeRecord } from '../table';
import { loadWorkbook } from '../repo';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { buildLogView, type LogView } from '../log-view';
import { afterChange } from '../dashboard';
import { checkLocked, readLocks } from '../period-locks';
import type { Services } from '../services';
import { findEvent } from './find-event';

export function cancelEvent(svc: Services, id: unknown, reason: unknown): { ok: true; id: string; view: LogView } {
  if (typeof id !== 'string' || !id.trim()) throw new AppError('invalidInput', {}, { id: { code: 'required' } });
  if (typeof reason !== 'string' || !reason.trim()) throw new AppError('invalidInput', {}, { reason: { code: 'required' } });
  if (reason.length > LIMITS.reason) throw new AppError('invalidInput', {}, { reason: { code: 'tooLong', params: { max: LIMITS.reason } } });
  const why = cleanInputText(reason).trim();
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const { event, index } = findEvent(wb, id.trim());
    // An event a dossier recorded is the dossier's: changed or cancelled there, never here.
    const dossier = dossierOfEvent(event.result);
    if (dossier) throw new AppError('eventOfDossier', { id: event.id, code: dossier });
    if (event.state === 'Đã hủy') throw new AppError('eventCancelled', { id: event.id });
    const overridden = checkLocked(ctx, readLocks(ctx), [event.date]);
    writeRecord(wb.events.table, wb.events.index[index], { state: 'Đã hủy', cancelReason: why, updatedBy: ctx.user, updatedAt: ctx.now });
    wb.events.items[index] = { ...event, state: 'Đã hủy', cancelReason: why, updatedBy: ctx.user };
    afterwards('audit', () => audit(ctx, 'Hủy hoạt động', event.id, `Lý do: ${why}${overridden ? `; sửa kỳ đã khóa (${overridden.number})` : ''}`));
    afterwards('dashboard', () => afterChange(ctx, wb));
    return { ok: true as const, id: event.id, view: buildLogView(ctx, wb) };
  });
}
