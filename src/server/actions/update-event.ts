// updateEvent: changes fields of a logged activity; the row keeps its id, its author and its place.
import { validateEvent, EVENT_FIELDS } from '../../core/event-input';
import { eventRecord } from '../../core/records';
import { changesText } from '../../core/audit-text';
import { SHEETS } from '../../core/sheets';
import type { LoggedEvent } from '../../core/types';
import { dossierOfEvent } from '../../core/dossiers';
import { AppError, setOwn, type FieldProblem } from '../../core/errors';
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

export function updateEvent(svc: Services, id: unknown, patch: unknown): { ok: true; id: string; view: LogView } {
  if (typeof id !== 'string' || !id.trim()) throw new AppError('invalidInput', {}, { id: { code: 'required' } });
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw new AppError('invalidInput', {}, { title: { code: 'invalidType' } });
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const { event: old, index } = findEvent(wb, id.trim());
    // An event a dossier recorded is the dossier's: changed or cancelled there, never here.
    const dossier = dossierOfEvent(old.result);
    if (dossier) throw new AppError('eventOfDossier', { id: old.id, code: dossier });
    if (old.state === 'Đã hủy') throw new AppError('eventCancelled', { id: old.id });
    const merged: Record<string, unknown> = {};
    for (const k of EVENT_FIELDS) merged[k] = (old as unknown as Record<string, unknown>)[k] ?? '';
    const unknown = Object.keys(patch as object).filter((k) => !(EVENT_FIELDS as readonly string[]).includes(k));
    if (unknown.length) {
      const fields: Record<string, FieldProblem> = {};
      for (const k of unknown) setOwn(fields, k, { code: 'unknownField', params: { value: k.slice(0, 40) } });
      throw new AppError('invalidInput', {}, fields);
    }
    for (const k of Object.keys(patch as object)) merged[k] = (patch as Record<string, unknown>)[k];
    const e = validateEvent(merged, wb.targets, wb.budget.items);
    const overridden = checkLocked(ctx, readLocks(ctx), [old.date, e.date]);
    const ev: LoggedEvent = { ...old, ...e, updatedBy: ctx.user };
    writeRecord(wb.events.table, wb.events.index[index], { ...eventRecord(ev), updatedAt: ctx.now });
    wb.events.items[index] = ev;
    afterwards('audit', () => audit(
      ctx,
      'Sửa hoạt động',
      old.id,
      [changesText(SHEETS.events, old, ev, EVENT_FIELDS) || 'Không có thay đổi', overridden ? `sửa kỳ đã khóa (${overridden.number})` : ''].filter(Boolean).join('; '),
    ));
    afterwards('dashboard', () => afterChange(ctx, wb));
    return { ok: true as const, id: old.id, view: buildLogView(ctx, wb) };
  });
}
