// The audit log ("Nhật ký"): one appended row per thing the add-on did on someone's behalf.
import { SHEETS } from '../core/sheets';
import { textCell } from '../core/cells';
import { mapHeader } from './table';
import { getProp, setProp, type Ctx } from './context';

/** The audit sheet's header, kept in document properties: the add-on alone writes that sheet. */
export const AUDIT_HEADER_KEY = 'lhh.auditHeader';

/**
 * appendRow is atomic on Google's side, so entries from runs holding different locks (a sidebar and
 * a time-driven run) never land on the same row. It stays on SpreadsheetApp even with the Sheets API:
 * a Date written by appendRow gets a date format in rows the sheet adds as it grows, where a serial
 * number appended through the API would show as 45478.375.
 */
export function audit(ctx: Ctx, action: string, subject: string, detail: string): void {
  // Inside a scheduled run each step joins the run's one row (auditRun), so the log reads one line per run.
  if (ctx.runLog) {
    ctx.runLog.push(`${action}${subject ? ` ${subject}` : ''}${detail ? `: ${detail}` : ''}`);
    return;
  }
  // The header is read once and remembered; setup forgets it whenever it creates or repairs the sheet.
  const cached = getProp(ctx, AUDIT_HEADER_KEY);
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  let header: unknown[];
  if (cached) header = JSON.parse(cached) as unknown[];
  else {
    sheet = ctx.ss.getSheetByName(SHEETS.audit.name);
    if (!sheet) return;
    header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0];
    setProp(ctx, AUDIT_HEADER_KEY, JSON.stringify(header));
  }
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
  sheet = sheet || ctx.ss.getSheetByName(SHEETS.audit.name);
  if (sheet) sheet.appendRow(row);
}

/**
 * The one row of a scheduled run that did something or failed: what it did in words, then the steps it
 * took (documents made and sent, errors). An idle run writes nothing; Cài đặt keeps the last run's status.
 */
export function auditRun(ctx: Ctx, summary: string, failed: boolean): void {
  const steps = ctx.runLog || [];
  ctx.runLog = undefined;
  audit(ctx, 'Chạy lịch gửi tự động', failed ? 'Có lỗi' : 'Hoàn tất', [summary, ...steps].join(' | '));
}
