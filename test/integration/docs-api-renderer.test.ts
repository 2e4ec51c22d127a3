// The same report written by the Docs API (two calls) and by DocumentApp: the documents must read and look the same.
import { createGoogle, type DocJson, type FakeGoogle, type NodeJson } from '../../fakes/index';
import { runEntry } from '../../fakes/harness';
import { buildBudgetSubmission, buildProgressReport, type DocModel } from '../../src/core/report-model';
import { renderDoc } from '../../src/server/docs-renderer';
import { renderDocWithApi } from '../../src/server/docs-api-renderer';
import { approvedLines, draftLines, events, programs, quarter2, settings, targets } from '../core/report-fixture';
import { ADMIN, bundleCode, htmlFiles } from '../support/bundle';

type Para = Extract<NodeJson, { type: 'PARAGRAPH' | 'LIST_ITEM' }>;
type Table = Extract<NodeJson, { type: 'TABLE' }>;
type Attrs = Record<string, unknown>;

const PARA_KEYS = ['INDENT_FIRST_LINE', 'INDENT_START', 'SPACING_BEFORE', 'SPACING_AFTER', 'LINE_SPACING'];

/**
 * What a reader sees, renderer-neutral: each paragraph with its alignment, spacing and runs (text,
 * bold, italic, size, font, highlight) as they come out after table, row and paragraph attributes
 * apply; each table with its cells, column widths and border width; page breaks.
 */
function seen(doc: DocJson): unknown[] {
  const para = (p: Para, outer: Attrs): unknown => {
    const pick = (key: string, run: unknown, explicit: boolean) => (explicit || p.attrs[key] !== undefined ? run : (outer[key] ?? run));
    const runs: [string, boolean, boolean, unknown, unknown, unknown][] = [];
    for (const r of p.runs) {
      const run: [string, boolean, boolean, unknown, unknown, unknown] = [
        r.text,
        pick('BOLD', r.bold, r.bold) === true,
        pick('ITALIC', r.italic, r.italic) === true,
        pick('FONT_SIZE', r.fontSize, r.fontSize !== null),
        pick('FONT_FAMILY', r.fontFamily, r.fontFamily !== null),
        r.background,
      ];
      const last = runs[runs.length - 1];
      if (last && JSON.stringify(last.slice(1)) === JSON.stringify(run.slice(1))) last[0] += run[0];
      else runs.push(run);
    }
    return { text: p.text, align: p.alignment ?? null, para: PARA_KEYS.map((k) => p.attrs[k] ?? null), runs };
  };
  const textAttrs = (a: Attrs): Attrs => Object.fromEntries(['BOLD', 'ITALIC', 'FONT_SIZE', 'FONT_FAMILY'].filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
  const node = (n: NodeJson): unknown => {
    if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') return para(n, {});
    if (n.type !== 'TABLE') return n.type;
    const t = n as Table;
    return {
      table: t.rows.map((row) =>
        row.cells.map((c) => c.children.map((k) => (k.type === 'PARAGRAPH' ? para(k, { ...textAttrs(t.attrs), ...textAttrs(row.attrs), ...textAttrs(c.attrs) }) : k.type))),
      ),
      widths: t.columnWidths,
      border: t.attrs.BORDER_WIDTH,
    };
  };
  return doc.body.map(node);
}

const empty = (n: NodeJson | undefined): boolean => !!n && n.type === 'PARAGRAPH' && n.text === '';

function bothWays(model: DocModel): { g: FakeGoogle; app: DocJson; api: DocJson; calls: Record<string, number> } {
  const g = createGoogle();
  const gas = g.gas(g.newExecution());
  const doc = renderDoc(gas.DocumentApp, model);
  doc.saveAndClose();
  g.resetCalls();
  const { id } = renderDocWithApi(gas.Docs as GoogleAppsScript.Docs, model);
  const calls = g.calls();
  return { g, app: g.document(doc.getId()), api: g.document(id), calls };
}

const report = buildProgressReport({ settings, programs, targets, events, period: quarter2, today: '2024-07-05', number: 1, lines: approvedLines });
const budget = buildBudgetSubmission({ settings, programs, targets, lines: draftLines, today: '2024-01-05', number: 3, year: 2024 });

describe.each([
  ['the quarterly progress report', report],
  ['the budget submission', budget],
])('%s through the Docs API and through DocumentApp', (_name, model) => {
  const { app, api, calls } = bothWays(model);

  test('two Docs calls, no DocumentApp call', () => {
    expect(calls).toEqual({ 'Docs.Documents.create': 1, 'Docs.Documents.batchUpdate': 1 });
  });

  test('the same name, page size and margins', () => {
    expect([api.name, api.pageWidth, api.pageHeight, api.margins]).toEqual([app.name, app.pageWidth, app.pageHeight, app.margins]);
    expect(api.margins).toEqual({ top: 56.69, bottom: 56.69, left: 85.04, right: 42.52 });
  });

  test('the API keeps one 1 pt empty paragraph above the header table, where DocumentApp could remove it', () => {
    expect(app.body[0].type).toBe('TABLE');
    const first = api.body[0] as Para;
    expect([first.type, first.text, first.runs.length, first.attrs.FONT_SIZE, first.attrs.SPACING_BEFORE, first.attrs.SPACING_AFTER]).toEqual(['PARAGRAPH', '', 0, 1, 0, 0]);
    expect(api.body[1].type).toBe('TABLE');
  });

  test('the same paragraphs, tables, cells, page breaks and attributes, in the same order', () => {
    // Docs keeps an empty paragraph above a leading table and one below a trailing table.
    const body = api.body.slice(1);
    if (empty(body[body.length - 1]) && app.body[app.body.length - 1].type === 'TABLE') body.pop();
    expect(seen({ ...api, body })).toEqual(seen(app));
  });

  test('the data tables have 0.5 pt borders, the header and closing tables none', () => {
    const borders = (d: DocJson) => d.body.filter((n): n is Table => n.type === 'TABLE').map((t) => t.attrs.BORDER_WIDTH);
    expect(borders(api)).toEqual(borders(app));
    expect(borders(api).slice(0, 2)).toEqual([0, 0]);
    expect(borders(api).slice(2).every((w) => w === 0.5)).toBe(true);
  });
});

describe('issuing a report through the bundle', () => {
  /** A set-up workbook on fakes with or without the Docs advanced service; generateReport called as the admin. */
  function generate(advancedServices: string[]): { google: FakeGoogle; r: { ok: boolean; docId: string; number: string }; calls: Record<string, number> } {
    const google = createGoogle({ user: ADMIN, htmlFiles: htmlFiles(), advancedServices });
    google.clock.set(new Date('2024-07-05T09:00:00+07:00'));
    const code = bundleCode();
    const call = (fn: string, ...args: unknown[]) => runEntry(google, code, fn, args, { kind: 'sidebar', user: ADMIN }) as { ok: boolean; docId: string; number: string };
    expect(call('setupWorkbook').ok).toBe(true);
    google.resetCalls();
    const r = call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    const calls = Object.fromEntries(Object.entries(google.calls()).filter(([k]) => /^(Docs|DocumentApp)\./.test(k)));
    return { google, r, calls };
  }
  const withApi = generate(['Sheets', 'Docs']);
  const without = generate(['Sheets']);

  test('with the Docs advanced service: create and one batchUpdate, no DocumentApp call, the edit URL in the register', () => {
    expect(withApi.r).toMatchObject({ ok: true, number: '01/BC-LHH' });
    expect(withApi.calls).toEqual({ 'Docs.Documents.create': 1, 'Docs.Documents.batchUpdate': 1 });
    const register = withApi.google.sheetValues(withApi.google.activeSpreadsheetId as string, 'Sổ văn bản');
    expect(register[1]).toContain(`https://docs.google.com/document/d/${withApi.r.docId}/edit`);
  });

  test('without it, DocumentApp writes the same document', () => {
    expect(without.r).toMatchObject({ ok: true, number: '01/BC-LHH' });
    expect(Object.keys(without.calls).filter((k) => k.startsWith('Docs.'))).toEqual([]);
    expect(without.calls['DocumentApp.create']).toBe(1);
    const api = withApi.google.document(withApi.r.docId);
    const app = without.google.document(without.r.docId);
    expect(seen({ ...api, body: api.body.slice(1) })).toEqual(seen(app));
  });
});
