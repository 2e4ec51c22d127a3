// The audit log ("Nhật ký"): one appended row per thing the add-on did on someone's behalf.
import { SHEETS } from '../core/sheets';
import { textCell } from '../core/cells';
import { mapHeader } from './table';
import type { Ctx } from './context';

/**
 * appendRow is atomic on Google's side, so entries from runs holding different locks
 * (a sidebar and a time-driven run) never land on the same row.
 */
export function audit(ctx: Ctx, action: string, subject: string, detail: string): void {
  const sheet = ctx.ss.getSheetByName(SHEETS.audit.name);
  if (!sheet) return;
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
  const { col } = mapHeader(SHEETS.audit, header);
  const row: (string | Date)[] = header.map(() => '');
  const put = (k: string, v: string | Date) => {
    if (col[k] !== undefined) row[col[k]] = v;
  };
  put('at', ctx.now);
  put('user', textCell(ctx.user || '(không rõ)'));
  put('action', textCell(action));
  put('subject', textCell(subject));
  put('detail', textCell(detail.slice(0, 2000)));
  sheet.appendRow(row);
}
