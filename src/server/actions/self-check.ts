// checkGoogleConnection (menu "Kiểm tra kết nối Google", admins): tries every kind of request the add-on sends on this account, compares Google's answer with our prediction, and sets the roads from the result.
import { AppError, isAppError } from '../../core/errors';
import { messageOf } from '../../core/messages';
import { isAdmin } from '../../core/settings';
import { dateToIso, dateToSerial, textCell } from '../../core/cells';
import { buildDocRequests, splitBatches, type DocRequest } from '../../core/docs-requests';
import { openContext, type Ctx } from '../context';
import { buildModel, loadForReport } from '../reports';
import { trashDocument } from '../docs-api-renderer';
import { ROAD_NAMES, googleMessage, roadState, saveRoads, statusOf, type Road, type RoadState } from '../roads';
import { quoteSheet } from '../sheets-api';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { BOOT_AT } from '../boot';
import type { Services } from '../services';

export interface CheckItem {
  road: 'Google Sheets API' | 'Google Docs API' | 'SpreadsheetApp' | 'DocumentApp' | 'Gmail' | 'Apps Script';
  item: string;
  ok: boolean;
  detail: string;
}

export interface CheckResult {
  ok: true;
  passed: boolean;
  items: CheckItem[];
  roads: Record<Road, 'api' | 'classic'>;
  verdict: string;
}

type Json = Record<string, unknown>;

/** Runs a step; its failure becomes a failed item with Google's words, never an exception. */
function step(items: CheckItem[], road: CheckItem['road'], item: string, fn: () => string): boolean {
  try {
    items.push({ road, item, ok: true, detail: fn() });
    return true;
  } catch (e) {
    const status = statusOf(e);
    const words = isAppError(e) ? messageOf(e.code, e.params) : googleMessage(e);
    items.push({ road, item, ok: false, detail: `${status ? `Mã ${status}: ` : ''}${words}` });
    return false;
  }
}

function mismatch(what: string, expected: unknown, got: unknown): never {
  throw new AppError('selfCheckMismatch', { what, expected: JSON.stringify(expected), got: JSON.stringify(got) });
}

/** Values written on the API road (a serial date, text that looks like a formula and like a date), read back. */
function checkSheetsApi(ctx: Ctx, name: string, items: CheckItem[]): boolean {
  const values = ctx.svc.Sheets!.Spreadsheets!.Values!;
  const id = ctx.ss.getId();
  const serial = dateToSerial(new Date(Date.UTC(2024, 4, 15, 2)), ctx.tz);
  const range = `${quoteSheet(name)}!A1:C1`;
  const row = [textCell('=1+1'), serial, textCell('2024-05-15')];
  return (
    step(items, 'Google Sheets API', 'Ghi (batchUpdate) và thêm dòng (append)', () => {
      values.batchUpdate({ valueInputOption: 'USER_ENTERED', data: [{ range, values: [row] }] }, id);
      values.append({ values: [[textCell('+84 912'), 1, 'Hội thảo']] }, id, `${quoteSheet(name)}!A1`, { valueInputOption: 'USER_ENTERED' });
      return 'Đã ghi 2 dòng.';
    }) &&
    step(items, 'Google Sheets API', 'Đọc lại (batchGet) và so sánh', () => {
      const res = values.batchGet(id, { ranges: [quoteSheet(name)], valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' });
      const got = ((res.valueRanges || [])[0] || {}).values || [];
      const want = [
        ['=1+1', serial, '2024-05-15'],
        ['+84 912', 1, 'Hội thảo'],
      ];
      if (JSON.stringify(got) !== JSON.stringify(want)) mismatch('giá trị đọc lại', want, got);
      return 'Ngày lưu dạng số sê-ri, chữ giống công thức và giống ngày giữ nguyên.';
    })
  );
}

/** Indexes our builder predicted: each table's start (insertTable at i starts at i + 1) and the body's end. */
function predicted(requests: DocRequest[]): { tables: number[]; bold: number | null } {
  const tables = requests.flatMap((r) => ('insertTable' in r ? [r.insertTable.location.index + 1] : []));
  const b = requests.find((r) => 'updateTextStyle' in r && r.updateTextStyle.textStyle.bold === true) as { updateTextStyle: { range: { startIndex: number } } } | undefined;
  return { tables, bold: b ? b.updateTextStyle.range.startIndex : null };
}

function checkDocsApi(ctx: Ctx, items: CheckItem[]): boolean {
  const docs = ctx.svc.Docs!;
  let id = '';
  try {
    return (
      step(items, 'Google Docs API', 'Tạo văn bản thử và ghi mọi loại yêu cầu', () => {
        const wb = loadForReport(ctx);
        const today = dateToIso(ctx.now, ctx.tz);
        const model = buildModel(ctx, wb, { kind: 'progress', from: `${wb.year}-01-01`, to: today < `${wb.year}-12-31` ? today : `${wb.year}-12-31`, label: '' }, null);
        model.title = 'LHH Tracker – văn bản kiểm tra kết nối (tự xóa)';
        id = docs.Documents.create({ title: model.title }).documentId as string;
        const requests = buildDocRequests(model);
        const batches = splitBatches(requests);
        for (const b of batches) docs.Documents.batchUpdate({ requests: b as unknown as GoogleAppsScript.Docs.Schema.Request[] }, id);
        const kinds = Array.from(new Set(requests.map((r) => Object.keys(r)[0])));
        const got = docs.Documents.get(id) as unknown as Json;
        const content = ((got.body as Json).content as Json[]) || [];
        const want = predicted(requests);
        const tables = content.filter((e) => e.table).map((e) => e.startIndex);
        if (JSON.stringify(tables) !== JSON.stringify(want.tables)) mismatch('vị trí các bảng', want.tables, tables);
        if (want.bold !== null) {
          const runs = content.flatMap((e) => collectRuns(e));
          const at = runs.find((r) => (r.startIndex as number) <= want.bold! && want.bold! < (r.endIndex as number));
          if (!at || ((at.textStyle as Json) || {}).bold !== true) mismatch(`chữ đậm tại vị trí ${want.bold}`, true, at ? ((at.textStyle as Json) || {}).bold : null);
        }
        const mode = (((got.documentStyle as Json) || {}).documentFormat as Json | undefined)?.documentMode || 'PAGES';
        if (mode !== 'PAGES') mismatch('chế độ trang', 'PAGES', mode);
        return `${requests.length} yêu cầu (${kinds.join(', ')}) trong ${batches.length} lần gửi; ${tables.length} bảng đúng vị trí dự tính; chế độ có trang (PAGES).`;
      }) &&
      step(items, 'Google Docs API', 'Xuất PDF', () => {
        const pdf = ctx.svc.DocumentApp.openById(id).getAs('application/pdf');
        const size = pdf.getBytes().length;
        if (!size) mismatch('PDF', '> 0 byte', 0);
        return `${Math.round(size / 1024)} KB.`;
      })
    );
  } finally {
    if (id) step(items, 'Google Docs API', 'Xóa văn bản thử', () => (trashDocument(ctx.svc, id), 'Đã chuyển vào thùng rác.'));
  }
}

/** Every text run of a structural element, tables included. */
function collectRuns(e: Json): Json[] {
  if (e.paragraph) return (((e.paragraph as Json).elements as Json[]) || []).filter((x) => x.textRun).map((x) => ({ ...(x.textRun as Json), startIndex: x.startIndex, endIndex: x.endIndex }));
  if (e.table) return (((e.table as Json).tableRows as Json[]) || []).flatMap((r) => ((r.tableCells as Json[]) || []).flatMap((c) => ((c.content as Json[]) || []).flatMap(collectRuns)));
  return [];
}

export function checkGoogleConnection(svc: Services): CheckResult {
  // Time from the bundle's first line to this one: what every execution pays before it starts.
  const coldMs = Date.now() - BOOT_AT;
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  if (!isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
  const items: CheckItem[] = [];
  items.push({ road: 'Apps Script', item: 'Khởi động mã (một lần chạy mới)', ok: true, detail: `${coldMs} ms.` });
  const before = roadState(ctx);
  // The check itself reads and writes by the roads it tests, not by what an earlier refusal closed.
  ctx.roads = {};
  const result: RoadState = {};
  const refuse = (road: Road) => {
    const last = items.filter((i) => !i.ok).pop();
    result[road] = { status: Number(/^Mã (\d+)/.exec(last?.detail || '')?.[1] || 0), message: last?.detail || '', at: ctx.now.toISOString() };
  };

  const name = `LHH kiểm tra ${ctx.now.getTime()}`;
  let sheet: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  step(items, 'SpreadsheetApp', 'Tạo trang tính thử, ghi và đọc lại', () => {
    sheet = ctx.ss.insertSheet(name);
    sheet.getRange(1, 1, 1, 2).setValues([[textCell('=1+1'), 'Hội thảo']]);
    const got = sheet.getRange(1, 1, 1, 2).getValues()[0];
    if (got[0] !== '=1+1' || got[1] !== 'Hội thảo') mismatch('giá trị đọc lại', ['=1+1', 'Hội thảo'], got);
    return 'Đúng.';
  });
  if (!ctx.svc.Sheets) items.push({ road: 'Google Sheets API', item: 'Dịch vụ nâng cao', ok: false, detail: 'Chưa bật trong appsscript.json.' });
  else if (!sheet || !checkSheetsApi(ctx, name, items)) refuse('sheets');
  if (sheet) step(items, 'SpreadsheetApp', 'Xóa trang tính thử', () => (ctx.ss.deleteSheet(sheet!), 'Đã xóa.'));

  step(items, 'DocumentApp', 'Tạo văn bản thử', () => {
    const doc = ctx.svc.DocumentApp.create('LHH Tracker – kiểm tra DocumentApp (tự xóa)');
    doc.getBody().appendParagraph('Kiểm tra');
    doc.saveAndClose();
    trashDocument(ctx.svc, doc.getId());
    return 'Đúng (đã chuyển vào thùng rác).';
  });
  if (!ctx.svc.Docs) items.push({ road: 'Google Docs API', item: 'Dịch vụ nâng cao', ok: false, detail: 'Chưa bật trong appsscript.json.' });
  else if (!checkDocsApi(ctx, items)) refuse('docs');

  step(items, 'Gmail', 'Hạn mức gửi còn lại hôm nay (không gửi thư nào)', () => `${ctx.svc.MailApp.getRemainingDailyQuota()} người nhận.`);

  // The roads follow the result: a road that passed opens again, one that failed is remembered as refused.
  ctx.roads = before;
  afterwards('road', () => saveRoads(ctx, result));
  const roads = { sheets: result.sheets || !ctx.svc.Sheets ? 'classic' : 'api', docs: result.docs || !ctx.svc.Docs ? 'classic' : 'api' } as const;
  const failed = items.filter((i) => !i.ok);
  const verdict =
    (failed.length ? `Có ${failed.length} mục chưa đạt. ` : 'Tất cả các mục đều đạt. ') +
    (['sheets', 'docs'] as const).map((r) => `${ROAD_NAMES[r].api}: ${roads[r] === 'api' ? 'dùng được' : `không dùng, thay bằng ${ROAD_NAMES[r].classic}`}`).join('; ') +
    '.';
  afterwards('audit', () => audit(ctx, 'Kiểm tra kết nối Google', failed.length ? 'Chưa đạt' : 'Đạt', `${verdict} ${failed.map((f) => `${f.road} – ${f.item}: ${f.detail}`).join(' | ')}`.trim()));
  return { ok: true, passed: failed.length === 0, items, roads, verdict };
}
