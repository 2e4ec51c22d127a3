// logEvent: records one activity against a target, under the lock, with a new stable id.
import { validateEvent } from '../../core/event-input';
import { nextRecordId } from '../../core/record-type';
import { SHEETS } from '../../core/sheets';
import { eventRecord } from '../../core/records';
import type { LoggedEvent } from '../../core/types';
import { AppError } from '../../core/errors';
import { appendRecords } from '../table';
import { loadWorkbook } from '../repo';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { buildLogView, type LogView } from '../log-view';
import { afterChange } from '../dashboard';
import { checkLocked, readLocks } from '../period-locks';
import { fieldText } from '../../core/audit-text';
import type { Services } from '../services';

export function logEvent(svc: Services, input: unknown): { ok: true; id: string; view: LogView } {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const e = validateEvent(input, wb.targets, wb.budget.items);
    const overridden = checkLocked(ctx, readLocks(ctx), [e.date]);
    const year = wb.year;
    const id = nextRecordId(SHEETS.events, year, wb.events.items.map((x) => x.id).concat(wb.events.table.rows.map((r) => String(r[wb.events.table.col.id] ?? ''))));
    const ev: LoggedEvent = {
      ...e,
      id,
      year,
      state: 'Hiệu lực',
      cancelReason: '',
      createdBy: ctx.user,
      createdAt: '',
      updatedBy: '',
      updatedAt: '',
    };
    const row = appendRecords(wb.events.table, [{ ...eventRecord(ev), createdAt: ctx.now }]);
    wb.events.items.push(ev);
    wb.events.index.push(row - 2);
    afterwards('audit', () => audit(
      ctx,
      'Ghi nhận hoạt động',
      id,
      [
        ...(['targetCode', 'date', 'title', 'quantity', 'cost'] as const).filter((k) => e[k] !== null && e[k] !== '').map((k) => fieldText(SHEETS.events, k, e[k])),
        overridden ? `sửa kỳ đã khóa (${overridden.number})` : '',
      ].filter(Boolean).join('; '),
    ));
    afterwards('dashboard', () => afterChange(ctx, wb));
    return { ok: true as const, id, view: buildLogView(ctx, wb) };
  });
}
