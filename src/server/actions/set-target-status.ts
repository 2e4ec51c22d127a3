// setTargetStatus: staff set the status and note of a target (qualitative ones have no count).
import { AppError, type FieldProblem } from '../../core/errors';
import { TARGET_STATUSES } from '../../core/types';
import { cleanInputText } from '../../core/text-clean';
import { writeRecord } from '../table';
import { loadWorkbook } from '../repo';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { afterChange } from '../dashboard';
import type { Services } from '../services';

export function setTargetStatus(svc: Services, code: unknown, input: unknown): { ok: true; code: string; status: string; note: string } {
  const fields: Record<string, FieldProblem> = {};
  if (typeof code !== 'string' || !code.trim()) fields.targetCode = { code: 'required' };
  const o = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  if (!(TARGET_STATUSES as readonly unknown[]).includes(o.status)) fields.status = { code: 'invalidChoice', params: { choices: TARGET_STATUSES.join(', ') } };
  if (o.note !== undefined && typeof o.note !== 'string') fields.note = { code: 'invalidType' };
  else if (typeof o.note === 'string' && o.note.length > 2000) fields.note = { code: 'tooLong', params: { max: 2000 } };
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const i = wb.targets.findIndex((t) => t.code === (code as string).trim());
    if (i < 0) throw new AppError('invalidInput', {}, { targetCode: { code: 'unknownTarget', params: { value: String(code).slice(0, 30) } } });
    const status = o.status as (typeof TARGET_STATUSES)[number];
    const note = typeof o.note === 'string' ? cleanInputText(o.note).trim() : wb.targets[i].note;
    const k = wb.targetTable.items.findIndex((t) => t.year === wb.year && t.code === wb.targets[i].code);
    writeRecord(wb.targetTable.table, wb.targetTable.index[k], { status, note });
    const before = wb.targets[i];
    wb.targets[i] = { ...before, status, note };
    afterwards('audit', () => audit(ctx, 'Cập nhật trạng thái chỉ tiêu', before.code, `${before.status || '(trống)'} → ${status}${note ? `; ${note}` : ''}`));
    wb.targetTable.items[k] = wb.targets[i];
    afterwards('dashboard', () => afterChange(ctx, wb));
    return { ok: true as const, code: before.code, status, note };
  });
}
