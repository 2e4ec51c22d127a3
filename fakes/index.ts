// Entry point of the in-memory Apps Script services: createGoogle/loadGoogle and the FakeGoogle object.

import { Exec, GoogleCore, wrap, type ExecCtx, type GoogleOpts, type State } from './core';
import { createDocState, DocumentAppF, documentJson } from './document';
import { DriveAppF, createDriveGlobal } from './drive';
import { createFormApp } from './forms';
import { MailAppF, toSentMail, type SentMail } from './mail';
import { ConsoleF, LoggerF, SessionF, UtilitiesF } from './misc';
import { ScriptAppF, dueTriggers, type DueTrigger } from './script';
import { ChartsF, createSpreadsheetState, SpreadsheetAppF } from './spreadsheet';
import { CacheServiceF, LockServiceF, PropertiesServiceF } from './storage';
import { HtmlServiceF } from './ui';
import { createSheetsGlobal } from './sheets-api';
import { createDocsGlobal } from './docs-api';
import { cellValue, findSheet, lastCol, lastRow } from './sheet-model';
import type { DocJson } from './doc-model';

export type { ExecCtx, ExecKind, AuthModeName, UiRecord, MenuRecord, MenuItemRecord, State, GoogleOpts, LogEntry } from './core';
export type { SentMail } from './mail';
export type { DueTrigger } from './script';
export type { DocJson, NodeJson, RunJson } from './doc-model';
export { inspectPdf } from './pdf';
export { respondToForm, formState } from './forms';
export type { FormState } from './forms';

/** One run of the script; `globals` are what the code under test sees as Apps Script globals. */
export type Execution = Exec;

/** Typed view of the globals, for tests and local code that call the fakes directly. */
export interface GasGlobals {
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
  Logger: GoogleAppsScript.Base.Logger;
  Charts: GoogleAppsScript.Charts.Charts;
  FormApp: GoogleAppsScript.Forms.FormApp;
  /** Advanced service; absent when the google was created without 'Sheets' in advancedServices. */
  Sheets?: GoogleAppsScript.Sheets;
  /** Advanced service; absent when the google was created without 'Docs' in advancedServices. */
  Docs?: GoogleAppsScript.Docs;
  /** Drive API v3 advanced service (Files.update only); absent without 'Drive' in advancedServices. */
  Drive?: { Files: { update(resource: { trashed?: boolean }, fileId: string): { id: string; trashed: boolean } } };
  console: Console;
}

export interface GoogleJson {
  format: 'lhh-fake-google';
  version: 1;
  state: State;
}

export class FakeGoogle extends GoogleCore {
  constructor(opts: GoogleOpts = {}, state?: State) {
    super(opts, state);
    if (!state && opts.containerName !== null) {
      this.state.containerId = createSpreadsheetState(this, opts.containerName ?? 'LHH Tracker', this.defaultUser);
    }
  }

  /** Starts a run. kind 'timeTrigger' has no active spreadsheet, no Ui and no document lock. */
  newExecution(ctx: ExecCtx = {}): Execution {
    const x = new Exec(this, ctx);
    x.globals = {
      SpreadsheetApp: wrap(new SpreadsheetAppF(x)),
      DocumentApp: wrap(new DocumentAppF(x)),
      DriveApp: wrap(new DriveAppF(x)),
      MailApp: wrap(new MailAppF(x)),
      PropertiesService: wrap(new PropertiesServiceF(x)),
      CacheService: wrap(new CacheServiceF(x)),
      LockService: wrap(new LockServiceF(x)),
      ScriptApp: wrap(new ScriptAppF(x)),
      HtmlService: wrap(new HtmlServiceF(x)),
      Utilities: wrap(new UtilitiesF(x)),
      Session: wrap(new SessionF(x)),
      Logger: wrap(new LoggerF(x)),
      console: wrap(new ConsoleF(x)),
      Charts: wrap(new ChartsF(x)),
      FormApp: createFormApp(x),
    };
    if (this.advancedServices.includes('Sheets')) x.globals.Sheets = createSheetsGlobal(x);
    if (this.advancedServices.includes('Docs')) x.globals.Docs = createDocsGlobal(x);
    if (this.advancedServices.includes('Drive')) x.globals.Drive = createDriveGlobal(x);
    return x;
  }

  /** The same globals, typed (no realm: values are host-realm objects). */
  gas(exec: Execution): GasGlobals {
    return exec.globals as unknown as GasGlobals;
  }

  /** Container spreadsheet: what getActiveSpreadsheet() returns in menu/sidebar/simple-trigger runs. */
  get activeSpreadsheetId(): string | null {
    return this.state.containerId;
  }
  set activeSpreadsheetId(id: string | null) {
    this.state.containerId = id;
  }

  get outbox(): SentMail[] {
    return this.state.mail.outbox.map(toSentMail);
  }

  createSpreadsheet(name: string, owner = this.defaultUser): string {
    return createSpreadsheetState(this, name, owner);
  }

  createDocument(name: string, owner = this.defaultUser): string {
    return createDocState(this, name, owner);
  }

  /** Structured content of a document; saved=true is what getAs('application/pdf') exports. */
  document(id: string, opts: { saved?: boolean } = {}): DocJson {
    return documentJson(this, id, opts.saved ?? false);
  }

  /** Values of a sheet's data range as the script would read them (uncounted; host-realm Dates). */
  sheetValues(spreadsheetId: string, sheetName: string): unknown[][] {
    const ss = this.state.spreadsheets[spreadsheetId];
    const sh = ss && findSheet(ss, sheetName);
    if (!sh) throw new Error(`No sheet ${sheetName} in ${spreadsheetId}`);
    const out: unknown[][] = [];
    for (let r = 1; r <= lastRow(sh); r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= lastCol(sh); c++) row.push(cellValue(ss, sh, r, c));
      out.push(row);
    }
    return out;
  }

  sheetNames(spreadsheetId: string): string[] {
    return (this.state.spreadsheets[spreadsheetId]?.sheets ?? []).map((s) => s.name);
  }

  /** Time-driven triggers that would fire in (from, to], with their owners. */
  dueTriggers(from: Date, to: Date): DueTrigger[] {
    return dueTriggers(this, from, to);
  }

  toJSON(): GoogleJson {
    const state = structuredClone(this.state);
    // Executions do not survive a restart, so neither do their locks.
    state.locks = {};
    return { format: 'lhh-fake-google', version: 1, state };
  }
}

export function createGoogle(opts: GoogleOpts = {}): FakeGoogle {
  return new FakeGoogle(opts);
}

/** Restores a FakeGoogle saved with toJSON() (e.g. from .local/ between runs). */
export function loadGoogle(json: unknown, opts: GoogleOpts = {}): FakeGoogle {
  const j = (typeof json === 'string' ? JSON.parse(json) : json) as Partial<GoogleJson>;
  if (!j || j.format !== 'lhh-fake-google' || j.version !== 1 || !j.state) throw new Error('loadGoogle: not a saved fake Google state');
  return new FakeGoogle(opts, structuredClone(j.state));
}
