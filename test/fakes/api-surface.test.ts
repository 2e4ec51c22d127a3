// Every public method of a fake must exist on the real Apps Script interface (@types/google-apps-script), so code cannot rely on invented API.

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { BlobF } from '../../fakes/blob';
import { BodyF, DocumentAppF, DocumentF, ListItemF, ParagraphF, TableCellF, TableF, TableRowF, TextF } from '../../fakes/document';
import { DriveAppF, FileF, FolderF } from '../../fakes/drive';
import { ChoiceF, FormAppF, FormF, FormResponseF, ItemF, ItemResponseF } from '../../fakes/forms';
import { MailAppF } from '../../fakes/mail';
import { LoggerF, SessionF, UserF, UtilitiesF } from '../../fakes/misc';
import { DataValidationBuilderF, DataValidationF, ProtectionF, RangeF } from '../../fakes/range';
import { BooleanConditionF, ConditionalFormatRuleBuilderF, ConditionalFormatRuleF } from '../../fakes/conditional-format';
import { SheetsValuesF } from '../../fakes/sheets-api';
import { createDocsGlobal, DocsDocumentsF } from '../../fakes/docs-api';
import { createGoogle } from '../../fakes';
import { ClockTriggerBuilderF, ScriptAppF, SpreadsheetTriggerBuilderF, TriggerBuilderF, TriggerF } from '../../fakes/script';
import { EmbeddedChartBuilderF, EmbeddedChartF, SheetF, SpreadsheetAppF, SpreadsheetF } from '../../fakes/spreadsheet';
import { CacheF, CacheServiceF, LockF, LockServiceF, PropertiesF, PropertiesServiceF } from '../../fakes/storage';
import { HtmlOutputF, HtmlServiceF, HtmlTemplateF, MenuF, PromptResponseF, UiF } from '../../fakes/ui';

/** 'Namespace.Interface' -> member names, following `extends` within the typings. */
function loadInterfaces(): Map<string, Set<string>> {
  const dir = path.join(__dirname, '../../node_modules/@types/google-apps-script');
  const members = new Map<string, Set<string>>();
  const bases = new Map<string, string[]>();
  // Advanced services (Sheets, Docs...) are typed in the apis/ folder.
  const files = [...fs.readdirSync(dir), ...fs.readdirSync(path.join(dir, 'apis')).map((n) => path.join('apis', n))].filter((n) => n.endsWith('.d.ts'));
  for (const f of files) {
    const src = ts.createSourceFile(f, fs.readFileSync(path.join(dir, f), 'utf8'), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node, ns: string[]) => {
      if (ts.isModuleDeclaration(node) && node.body) {
        const name = node.name.getText(src);
        const next = name === 'GoogleAppsScript' ? [] : [...ns, name];
        if (ts.isModuleBlock(node.body)) node.body.statements.forEach((s) => visit(s, next));
        else visit(node.body, next);
        return;
      }
      if (ts.isInterfaceDeclaration(node)) {
        const key = [...ns, node.name.text].join('.');
        const set = members.get(key) ?? new Set<string>();
        for (const m of node.members) if (m.name) set.add(m.name.getText(src));
        members.set(key, set);
        const ext = node.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression.getText(src))) ?? [];
        bases.set(key, ext.map((e) => (e.includes('.') ? e.replace(/^GoogleAppsScript\./, '') : [...ns, e].join('.'))));
      }
    };
    src.statements.forEach((s) => visit(s, []));
  }
  const resolve = (key: string, seen = new Set<string>()): Set<string> => {
    const out = new Set(members.get(key) ?? []);
    for (const b of bases.get(key) ?? []) if (!seen.has(b)) for (const m of resolve(b, new Set([...seen, key]))) out.add(m);
    return out;
  };
  const all = new Map<string, Set<string>>();
  for (const k of members.keys()) all.set(k, resolve(k));
  return all;
}

function publicMethods(cls: { prototype: object }): string[] {
  const out = new Set<string>();
  for (let p = cls.prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object) {
    for (const k of Object.getOwnPropertyNames(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (k !== 'constructor' && !k.startsWith('_') && typeof d?.value === 'function' && !['toString', 'toJSON'].includes(k)) out.add(k);
    }
  }
  return [...out];
}

const CASES: [string, { prototype: object }][] = [
  ['Spreadsheet.SpreadsheetApp', SpreadsheetAppF],
  ['Spreadsheet.Spreadsheet', SpreadsheetF],
  ['Spreadsheet.Sheet', SheetF],
  ['Spreadsheet.Range', RangeF],
  ['Spreadsheet.DataValidation', DataValidationF],
  ['Spreadsheet.DataValidationBuilder', DataValidationBuilderF],
  ['Spreadsheet.ConditionalFormatRule', ConditionalFormatRuleF],
  ['Spreadsheet.ConditionalFormatRuleBuilder', ConditionalFormatRuleBuilderF],
  ['Spreadsheet.BooleanCondition', BooleanConditionF],
  ['Spreadsheet.Protection', ProtectionF],
  ['Spreadsheet.EmbeddedChart', EmbeddedChartF],
  ['Base.Ui', UiF],
  ['Base.Menu', MenuF],
  ['Base.PromptResponse', PromptResponseF],
  ['HTML.HtmlService', HtmlServiceF],
  ['HTML.HtmlOutput', HtmlOutputF],
  ['HTML.HtmlTemplate', HtmlTemplateF],
  ['Document.DocumentApp', DocumentAppF],
  ['Document.Document', DocumentF],
  ['Document.Paragraph', ParagraphF],
  ['Document.ListItem', ListItemF],
  ['Document.Text', TextF],
  ['Document.Table', TableF],
  ['Document.TableRow', TableRowF],
  ['Document.TableCell', TableCellF],
  ['Drive.DriveApp', DriveAppF],
  ['Drive.File', FileF],
  ['Drive.Folder', FolderF],
  ['Forms.FormApp', FormAppF],
  ['Forms.Form', FormF],
  ['Forms.FormResponse', FormResponseF],
  ['Forms.ItemResponse', ItemResponseF],
  ['Forms.Choice', ChoiceF],
  ['Mail.MailApp', MailAppF],
  ['Properties.PropertiesService', PropertiesServiceF],
  ['Properties.Properties', PropertiesF],
  ['Cache.CacheService', CacheServiceF],
  ['Cache.Cache', CacheF],
  ['Lock.LockService', LockServiceF],
  ['Lock.Lock', LockF],
  ['Script.ScriptApp', ScriptAppF],
  ['Script.Trigger', TriggerF],
  ['Script.TriggerBuilder', TriggerBuilderF],
  ['Script.ClockTriggerBuilder', ClockTriggerBuilderF],
  ['Script.SpreadsheetTriggerBuilder', SpreadsheetTriggerBuilderF],
  ['Utilities.Utilities', UtilitiesF],
  ['Base.Blob', BlobF],
  ['Base.Session', SessionF],
  ['Base.User', UserF],
  ['Base.Logger', LoggerF],
  ['Sheets.Collection.Spreadsheets.ValuesCollection', SheetsValuesF],
  ['Docs.Collection.DocumentsCollection', DocsDocumentsF],
];

// Methods that exist on Google but are missing from the typings, or builder shortcuts living on specialised builders.
const ALLOWED: Record<string, string[]> = {
  'Spreadsheet.EmbeddedChartBuilder': [],
  'Document.Document': [],
};

describe('API surface', () => {
  const ifaces = loadInterfaces();
  test.each(CASES)('%s has no invented methods', (name, cls) => {
    const real = ifaces.get(name);
    expect(real).toBeDefined();
    const extra = publicMethods(cls).filter((m) => !real!.has(m) && !(ALLOWED[name] ?? []).includes(m));
    expect(extra).toEqual([]);
  });

  test('Body covers Body, HeaderSection and FooterSection', () => {
    const union = new Set([...(ifaces.get('Document.Body') ?? []), ...(ifaces.get('Document.HeaderSection') ?? []), ...(ifaces.get('Document.FooterSection') ?? [])]);
    expect(publicMethods(BodyF).filter((m) => !union.has(m))).toEqual([]);
  });

  test('one Item class covers Item and the typed items it stands for', () => {
    const union = new Set<string>();
    for (const k of ['Item', 'TextItem', 'ParagraphTextItem', 'MultipleChoiceItem', 'ListItem', 'CheckboxItem', 'DateItem']) ifaces.get(`Forms.${k}`)?.forEach((m) => union.add(m));
    expect(publicMethods(ItemF).filter((m) => !union.has(m))).toEqual([]);
  });

  test('EmbeddedChartBuilder methods exist on it or its specialised builders', () => {
    const union = new Set<string>();
    for (const [k, v] of ifaces) if (/^Spreadsheet\.Embedded\w*ChartBuilder$/.test(k)) v.forEach((m) => union.add(m));
    expect(publicMethods(EmbeddedChartBuilderF).filter((m) => !union.has(m))).toEqual([]);
  });

  test('the Docs global has only members of GoogleAppsScript.Docs', () => {
    const real = ifaces.get('Docs');
    expect(real).toBeDefined();
    const google = createGoogle();
    const docs = createDocsGlobal(google.newExecution());
    expect(Object.keys(docs).filter((k) => !real!.has(k))).toEqual([]);
    expect([...real!].filter((k) => !(k in docs))).toEqual([]);
  });
});
