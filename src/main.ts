// The one entry file: every function Apps Script, the menu, triggers or google.script.run call is exported here.
import { globalServices } from './server/services';
import { buildMenu } from './server/menu';
import { respond } from './server/respond';
import { setupWorkbook as setupAction } from './server/actions/setup-workbook';
import { getPlan as getPlanAction } from './server/actions/get-plan';
import { refreshDashboard } from './server/dashboard';
import { openContext } from './server/context';
import { messageOf } from './core/messages';

/** Simple trigger: builds the menu. Under AuthMode.NONE it must touch nothing else. */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu(globalServices());
}

/** Runs when a user installs the add-on from the Marketplace. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function setupWorkbook(options?: unknown) {
  return respond(() => setupAction(globalServices(), options));
}

export function getPlan(options?: unknown) {
  return respond(() => getPlanAction(globalServices(), options));
}

/** Menu "Thiết lập bảng tính": runs setup and tells the user what it did. */
export function menuSetupWorkbook(): void {
  const svc = globalServices();
  const r = setupWorkbook();
  const ui = svc.SpreadsheetApp.getUi();
  if (!r.ok) {
    ui.alert('Thiết lập bảng tính', r.message, ui.ButtonSet.OK);
    return;
  }
  const parts = [
    r.createdSheets.length ? `Đã tạo các trang: ${r.createdSheets.join(', ')}.` : 'Các trang tính đã có sẵn.',
    r.repairedColumns.length ? `Đã khôi phục cột: ${r.repairedColumns.join('; ')}.` : '',
    `Kế hoạch năm ${r.year}: ${r.programs} chương trình, ${r.targets} chỉ tiêu` + (r.addedTargets ? ` (thêm mới ${r.addedTargets}).` : '.'),
  ];
  ui.alert('Thiết lập bảng tính', parts.filter(Boolean).join('\n'), ui.ButtonSet.OK);
}

/** Menu "Cập nhật trang Tổng hợp". */
export function menuRefreshDashboard(): void {
  const svc = globalServices();
  const r = respond(() => {
    refreshDashboard(openContext(svc));
    return { ok: true as const };
  });
  svc.SpreadsheetApp.getActiveSpreadsheet().toast(r.ok ? 'Đã cập nhật trang Tổng hợp.' : r.message || messageOf('unexpected'), 'LHH Tracker');
}
