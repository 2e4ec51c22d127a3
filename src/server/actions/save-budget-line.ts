// saveBudgetLine: adds or updates a line of the budget estimate; proposed is always quantity × unit price.
import { AppError } from '../../core/errors';
import { validateBudgetLine } from '../../core/budget-input';
import { budgetRecord } from '../../core/records';
import { nextRecordId } from '../../core/record-type';
import { SHEETS } from '../../core/sheets';
import { changesText, fieldText, valueText } from '../../core/audit-text';
import type { BudgetLine } from '../../core/types';
import { appendRecords, writeRecord } from '../table';
import { loadWorkbook } from '../repo';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { afterChange } from '../dashboard';
import { buildBudgetView, type BudgetView } from '../budget-view';
import type { Services } from '../services';

/** What an edit can change, in the sheet's order; "Đề nghị" follows quantity × unit price. */
const CHANGEABLE = ['programCode', 'targetCode', 'item', 'unit', 'quantity', 'unitPrice', 'proposed', 'appraised', 'approved', 'basis', 'stage', 'note'];

export function saveBudgetLine(svc: Services, input: unknown): { ok: true; id: string; view: BudgetView } {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const wb = loadWorkbook(ctx, ctx.settings.planYear);
    const given = input && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
    const id = typeof given === 'string' ? given.trim() : '';
    const saved = id ? wb.budget.items.find((l) => l.id === id) : undefined;
    const clean = validateBudgetLine(input, wb.programs, wb.targets, saved ? saved.stage : undefined);
    const year = wb.year;
    let line: BudgetLine;
    if (id) {
      const i = wb.budget.items.findIndex((l) => l.id === id);
      if (i < 0) throw new AppError('budgetLineNotFound', { id: id.slice(0, 40) });
      const old = wb.budget.items[i];
      line = { ...old, ...clean };
      writeRecord(wb.budget.table, wb.budget.index[i], budgetRecord(line));
      wb.budget.items[i] = line;
      afterwards('audit', () => audit(ctx, 'Sửa dòng kinh phí', id, changesText(SHEETS.budget, old, line, CHANGEABLE) || 'Lưu lại, không có thay đổi'));
    } else {
      const ids = wb.budget.table.rows.map((r) => String(r[wb.budget.table.col.id] ?? ''));
      line = { ...clean, id: nextRecordId(SHEETS.budget, year, ids), year };
      const row = appendRecords(wb.budget.table, [budgetRecord(line)]);
      wb.budget.items.push(line);
      wb.budget.index.push(row - 2);
      afterwards('audit', () => audit(ctx, 'Thêm dòng kinh phí', line.id, `${fieldText(SHEETS.budget, 'programCode', line.programCode)}; ${fieldText(SHEETS.budget, 'item', line.item)}; ${fieldText(SHEETS.budget, 'proposed', line.proposed)} (${valueText('number', line.quantity)} × ${valueText('money', line.unitPrice)}); ${fieldText(SHEETS.budget, 'stage', line.stage)}`));
    }
    afterwards('dashboard', () => afterChange(ctx, wb));
    return { ok: true as const, id: line.id, view: buildBudgetView(ctx, wb) };
  });
}
