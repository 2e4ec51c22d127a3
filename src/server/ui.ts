// Opening sidebars and dialogs from the menu.
import type { Services } from './services';

export function showSidebar(svc: Services, file: string, title: string): void {
  const html = svc.HtmlService.createHtmlOutputFromFile(file).setTitle(title);
  svc.SpreadsheetApp.getUi().showSidebar(html);
}

export function showDialog(svc: Services, file: string, title: string, width = 900, height = 620): void {
  const html = svc.HtmlService.createHtmlOutputFromFile(file).setWidth(width).setHeight(height);
  svc.SpreadsheetApp.getUi().showModalDialog(html, title);
}
