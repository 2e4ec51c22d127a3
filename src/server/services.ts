// The Google services an action may use, passed in rather than reached for, so tests can count them.

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
  };
}
