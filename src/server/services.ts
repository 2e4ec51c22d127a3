// The Google services an action may use, passed in rather than reached for, so tests can count them.

/** Drive API v3 advanced service, as far as the add-on uses it (no typings ship for it). */
export interface DriveAdvanced {
  Files: { update(resource: { trashed?: boolean }, fileId: string): unknown };
}
declare const Drive: DriveAdvanced | undefined;

export interface Services {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  DocumentApp: GoogleAppsScript.Document.DocumentApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  MailApp: GoogleAppsScript.Mail.MailApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  Charts: GoogleAppsScript.Charts.Charts;
  /** Google Forms: the forms the add-on makes for member associations and xã/phường (the `forms` scope). */
  FormApp: GoogleAppsScript.Forms.FormApp;
  /** Sheets API v4 advanced service: many ranges in one call. Undefined when not enabled in the manifest. */
  Sheets: GoogleAppsScript.Sheets | undefined;
  /** Docs API v1 advanced service: a whole document in one batchUpdate. Undefined when not enabled. */
  Docs: GoogleAppsScript.Docs | undefined;
  /** Drive API v3 advanced service: trashes a document the add-on made (drive.file scope). Undefined when not enabled. */
  Drive?: DriveAdvanced;
}

/** The real globals of an Apps Script execution; only the entry file calls this. */
export function globalServices(): Services {
  return {
    SpreadsheetApp,
    DocumentApp,
    DriveApp,
    MailApp,
    PropertiesService,
    CacheService,
    LockService,
    ScriptApp,
    HtmlService,
    Utilities,
    Session,
    Charts,
    FormApp,
    // Advanced services are globals only when the manifest enables them; typeof does not throw.
    Sheets: typeof Sheets === 'undefined' ? undefined : Sheets,
    Docs: typeof Docs === 'undefined' ? undefined : Docs,
    Drive: typeof Drive === 'undefined' ? undefined : Drive,
  };
}
