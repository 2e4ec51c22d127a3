// The add-on menu: built by onOpen, which under AuthMode.NONE may do nothing else.
import type { Services } from './services';

/** [caption, entry point]; null is a separator. Every entry point is an export of main.ts (tested). */
export const MENU_ITEMS: ([string, string] | null)[] = [
  ['Ghi nhận hoạt động', 'showLogSidebar'],
  ['Kinh phí', 'showBudgetSidebar'],
  ['Báo cáo', 'showReportSidebar'],
  ['Tư vấn, phản biện', 'showDossierSidebar'],
  ['Chuyên gia, hội thành viên', 'showExpertsSidebar'],
  ['Biểu mẫu', 'showFormsSidebar'],
  ['Duyệt phản hồi biểu mẫu', 'showReviewSidebar'],
  null,
  ['Cập nhật trang Tổng hợp', 'menuRefreshDashboard'],
  ['Kiểm tra dữ liệu', 'showCheckSidebar'],
  null,
  ['Nhập kế hoạch từ quyết định', 'showImportDialog'],
  ['Cài đặt', 'showSettingsSidebar'],
  ['Thiết lập bảng tính', 'menuSetupWorkbook'],
  ['Kiểm tra kết nối Google', 'menuCheckGoogleConnection'],
];

export function buildMenu(svc: Pick<Services, 'SpreadsheetApp'>): void {
  const menu = svc.SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}
