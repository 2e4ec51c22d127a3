// The one entry file: every function Apps Script, the menu, triggers or google.script.run call is exported here.
// First: its evaluation time stamps the start of the execution (the self-check times a cold start from it).
import './server/boot';
import { globalServices } from './server/services';
import { buildMenu } from './server/menu';
import { respond } from './server/respond';
import { setupWorkbook as setupAction } from './server/actions/setup-workbook';
import { getPlan as getPlanAction } from './server/actions/get-plan';
import { afterChange, refreshDashboard } from './server/dashboard';
import { loadWorkbook } from './server/repo';
import { openContext } from './server/context';
import { messageOf } from './core/messages';
import { logEvent as logEventAction } from './server/actions/log-event';
import { updateEvent as updateEventAction } from './server/actions/update-event';
import { cancelEvent as cancelEventAction } from './server/actions/cancel-event';
import { getLogView as getLogViewAction } from './server/actions/get-log-view';
import { getProgress as getProgressAction } from './server/actions/get-progress';
import { setTargetStatus as setTargetStatusAction } from './server/actions/set-target-status';
import { getBudgetView as getBudgetViewAction } from './server/actions/get-budget-view';
import { saveBudgetLine as saveBudgetLineAction } from './server/actions/save-budget-line';
import { getDataProblems as getDataProblemsAction, goToCell as goToCellAction } from './server/actions/check-data';
import { checkEditedRange } from './server/actions/on-edit';
import { showDialog, showSidebar } from './server/ui';
import { importDecision as importDecisionAction } from './server/actions/import-decision';
import { getSettings as getSettingsAction, saveSettings as saveSettingsAction, setNextNumber as setNextNumberAction } from './server/actions/settings';
import { generateReport as generateReportAction } from './server/actions/generate-report';
import { sendReport as sendReportAction } from './server/actions/send-report';
import { previewReport as previewReportAction } from './server/actions/preview-report';
import { runScheduledReports as runScheduledAction } from './server/actions/run-scheduled-reports';
import { checkGoogleConnection as checkGoogleConnectionAction } from './server/actions/self-check';

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
  const ui = svc.SpreadsheetApp.getUi();
  let configured = true;
  try {
    configured = openContext(svc).configured;
  } catch {
    // Setup itself reports what is wrong.
  }
  if (!configured) {
    // An empty spreadsheet: a new province starts from its own decision, or from the sample plan.
    const b = ui.alert(
      'Thiết lập bảng tính',
      'Bảng tính chưa được thiết lập.\n\nChọn "Có" để dùng kế hoạch mẫu của Bắc Giang năm 2024.\nChọn "Không" để dán quyết định của tỉnh: kế hoạch, năm, số quyết định và tên tỉnh được đọc từ văn bản để thiết lập.',
      ui.ButtonSet.YES_NO_CANCEL,
    );
    if (b === ui.Button.NO) return showImportDialog();
    if (b !== ui.Button.YES) return;
  }
  const r = setupWorkbook();
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
  let ss: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  const r = respond(() => {
    const ctx = openContext(svc);
    ss = ctx.ss;
    refreshDashboard(ctx);
    return { ok: true as const };
  });
  (ss || svc.SpreadsheetApp.getActiveSpreadsheet()).toast(r.ok ? 'Đã cập nhật trang Tổng hợp.' : r.message || messageOf('unexpected'), 'LHH Tracker');
}

// Logging (sidebar "Ghi nhận hoạt động").
export function getLogView() {
  return respond(() => getLogViewAction(globalServices()));
}
export function logEvent(input: unknown) {
  return respond(() => logEventAction(globalServices(), input));
}
export function updateEvent(id: unknown, patch: unknown) {
  return respond(() => updateEventAction(globalServices(), id, patch));
}
export function cancelEvent(id: unknown, reason: unknown) {
  return respond(() => cancelEventAction(globalServices(), id, reason));
}
export function setTargetStatus(code: unknown, input: unknown) {
  return respond(() => setTargetStatusAction(globalServices(), code, input));
}
export function getProgress(range?: unknown) {
  return respond(() => getProgressAction(globalServices(), range));
}

// Budget (sidebar "Kinh phí").
export function getBudgetView() {
  return respond(() => getBudgetViewAction(globalServices()));
}
export function saveBudgetLine(input: unknown) {
  return respond(() => saveBudgetLineAction(globalServices(), input));
}

// Data check (sidebar "Kiểm tra dữ liệu") and the edit trigger.
export function getDataProblems() {
  return respond(() => getDataProblemsAction(globalServices()));
}
export function goToCell(sheet: unknown, a1: unknown) {
  return respond(() => goToCellAction(globalServices(), sheet, a1));
}
/** Simple trigger: checks rows edited by hand; it must never fail the user's edit. */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  try {
    // A simple trigger may not call advanced services (they need authorization): SpreadsheetApp only.
    const svc = { ...globalServices(), Sheets: undefined, Docs: undefined };
    const r = checkEditedRange(svc, e.range);
    // Any hand edit of a checked row may change what counts (a bad cell takes its row out of the totals, a fixed one
    // brings it back, a cleared row leaves): the computed columns and "Tổng hợp" follow in the same edit.
    if (r.checked) {
      const ctx = openContext(svc);
      if (ctx.configured) afterChange(ctx, loadWorkbook(ctx, ctx.settings.planYear));
    }
  } catch (err) {
    console.error(err);
  }
}

// Menu items that open sidebars.
export function showLogSidebar(): void {
  showSidebar(globalServices(), 'LogSidebar', 'Ghi nhận hoạt động');
}
export function showBudgetSidebar(): void {
  showSidebar(globalServices(), 'BudgetSidebar', 'Kinh phí');
}
export function showCheckSidebar(): void {
  showSidebar(globalServices(), 'CheckSidebar', 'Kiểm tra dữ liệu');
}

// Reports (sidebar "Báo cáo").
export function previewReport(input: unknown) {
  return respond(() => previewReportAction(globalServices(), input));
}
export function generateReport(input: unknown) {
  return respond(() => generateReportAction(globalServices(), input));
}
export function sendReport(input: unknown) {
  return respond(() => sendReportAction(globalServices(), input));
}

// Settings (sidebar "Cài đặt").
export function getSettings() {
  return respond(() => getSettingsAction(globalServices()));
}
export function saveSettings(settings: unknown) {
  return respond(() => saveSettingsAction(globalServices(), settings));
}
export function setNextNumber(input: unknown) {
  return respond(() => setNextNumberAction(globalServices(), input));
}

/** Time-driven trigger: one per document, it decides which scheduled reports are due. */
export function runScheduledReports(e?: { triggerUid?: string }) {
  return respond(() => runScheduledAction(globalServices(), e));
}

export function showReportSidebar(): void {
  showSidebar(globalServices(), 'ReportSidebar', 'Báo cáo');
}
export function showSettingsSidebar(): void {
  showSidebar(globalServices(), 'SettingsSidebar', 'Cài đặt');
}

// Import (dialog "Nhập kế hoạch từ quyết định").
export function importDecision(text: unknown, options?: unknown) {
  return respond(() => importDecisionAction(globalServices(), text, options));
}
export function showImportDialog(): void {
  showDialog(globalServices(), 'ImportDialog', 'Nhập kế hoạch từ quyết định', 1000, 680);
}

// Experts, member associations and consultation dossiers (sidebars "Chuyên gia, hội thành viên" and "Tư vấn, phản biện").
import { getExpertsView as getExpertsViewAction } from './server/actions/get-experts-view';
import { saveExpert as saveExpertAction } from './server/actions/save-expert';
import { setExpertState as setExpertStateAction } from './server/actions/set-expert-state';
import { pasteExperts as pasteExpertsAction } from './server/actions/paste-experts';
import { saveAssociation as saveAssociationAction } from './server/actions/save-association';
import { saveOrganisation as saveOrganisationAction } from './server/actions/save-organisation';
import { getContact as getContactAction } from './server/actions/get-contact';
import { getDossierView as getDossierViewAction } from './server/actions/get-dossier-view';
import { saveDossier as saveDossierAction } from './server/actions/save-dossier';
import { savePanel as savePanelAction } from './server/actions/save-panel';
import { issueDossierPaper as issueDossierPaperAction } from './server/actions/issue-dossier-paper';
import { sendDossierAnswer as sendDossierAnswerAction } from './server/actions/send-dossier-answer';
import { recordDossierSent as recordDossierSentAction } from './server/actions/record-dossier-sent';
import { moveDossier as moveDossierAction } from './server/actions/move-dossier';

export function getExpertsView(query?: unknown) {
  return respond(() => getExpertsViewAction(globalServices(), query));
}
export function saveExpert(input: unknown) {
  return respond(() => saveExpertAction(globalServices(), input));
}
export function setExpertState(code: unknown, state: unknown) {
  return respond(() => setExpertStateAction(globalServices(), code, state));
}
export function pasteExperts(text: unknown, commit?: unknown) {
  return respond(() => pasteExpertsAction(globalServices(), text, commit));
}
export function saveAssociation(input: unknown) {
  return respond(() => saveAssociationAction(globalServices(), input));
}
export function saveOrganisation(input: unknown) {
  return respond(() => saveOrganisationAction(globalServices(), input));
}
export function getContact(code: unknown) {
  return respond(() => getContactAction(globalServices(), code));
}
export function getDossierView(code?: unknown) {
  return respond(() => getDossierViewAction(globalServices(), code));
}
export function saveDossier(input: unknown) {
  return respond(() => saveDossierAction(globalServices(), input));
}
export function savePanel(code: unknown, picks: unknown, confirmConflicts?: unknown) {
  return respond(() => savePanelAction(globalServices(), code, picks, confirmConflicts));
}
export function issueDossierPaper(code: unknown, kind: unknown, again?: unknown) {
  return respond(() => issueDossierPaperAction(globalServices(), code, kind, again));
}
export function sendDossierAnswer(code: unknown) {
  return respond(() => sendDossierAnswerAction(globalServices(), code));
}
export function recordDossierSent(code: unknown, input: unknown) {
  return respond(() => recordDossierSentAction(globalServices(), code, input));
}
export function moveDossier(code: unknown, input: unknown) {
  return respond(() => moveDossierAction(globalServices(), code, input));
}
export function showExpertsSidebar(): void {
  showSidebar(globalServices(), 'ExpertsSidebar', 'Chuyên gia, hội thành viên');
}
export function showDossierSidebar(): void {
  showSidebar(globalServices(), 'DossierSidebar', 'Tư vấn, phản biện');
}

// Self-check (menu "Kiểm tra kết nối Google", admins): every request kind on this account, roads set from the result.
export function checkGoogleConnection() {
  return respond(() => checkGoogleConnectionAction(globalServices()));
}
export function menuCheckGoogleConnection(): void {
  const svc = globalServices();
  const r = checkGoogleConnection();
  const ui = svc.SpreadsheetApp.getUi();
  const text = r.ok ? [r.verdict, '', ...r.items.map((i) => `${i.ok ? '✓' : '✗'} ${i.road} – ${i.item}: ${i.detail}`)].join('\n') : r.message;
  ui.alert('Kiểm tra kết nối Google', text, ui.ButtonSet.OK);
}

// Forms for people outside the office (sidebars "Biểu mẫu" and "Duyệt phản hồi biểu mẫu"); the daily run sends, reminds and closes.
import { createForm as createFormAction } from './server/actions/create-form';
import { sendForm as sendFormAction } from './server/actions/send-form';
import { getFormsView as getFormsViewAction } from './server/actions/get-forms-view';
import { getFormResponses as getFormResponsesAction } from './server/actions/get-form-responses';
import { reviewResponse as reviewResponseAction } from './server/actions/review-response';

export function getFormsView() {
  return respond(() => getFormsViewAction(globalServices()));
}
export function createForm(input: unknown) {
  return respond(() => createFormAction(globalServices(), input));
}
export function sendForm(input: unknown) {
  return respond(() => sendFormAction(globalServices(), input));
}
export function getFormResponses(formCode: unknown) {
  return respond(() => getFormResponsesAction(globalServices(), formCode));
}
export function reviewResponse(input: unknown) {
  return respond(() => reviewResponseAction(globalServices(), input));
}
export function showFormsSidebar(): void {
  showSidebar(globalServices(), 'FormsSidebar', 'Biểu mẫu');
}
export function showReviewSidebar(): void {
  showSidebar(globalServices(), 'ReviewSidebar', 'Duyệt phản hồi biểu mẫu');
}

// Demands, planned events and technology suppliers (sidebar "Nhu cầu", issue 17).
import { getDemandView as getDemandViewAction } from './server/actions/get-demand-view';
import { saveDemand as saveDemandAction } from './server/actions/save-demand';

export function getDemandView(query?: unknown) {
  return respond(() => getDemandViewAction(globalServices(), query));
}
export function saveDemand(input: unknown) {
  return respond(() => saveDemandAction(globalServices(), input));
}
