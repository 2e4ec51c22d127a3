// A new province starts here: an empty spreadsheet set up from its own pasted 2026 decision, and nothing of Bắc Giang left.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { world, type World } from '../support/bundle';

/** Thành phố Huế's decision 415/QĐ-UBND of 03/02/2026 (our own wording), appendix as a table. */
const HUE_2026 = readFileSync(join(__dirname, '..', 'fixtures', 'decisions', 'QD-415-QD-UBND-2026-Hue-city-table.txt'), 'utf8');

function docText(w: World, docId: string): string {
  const doc = w.google.document(docId, { saved: true });
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const o = n as { text?: string; children?: unknown[] };
    if (typeof o.text === 'string' && !o.children) out.push(o.text);
    for (const k of ['children', 'rows', 'cells', 'body', 'header', 'footer'] as const) {
      const v = (o as Record<string, unknown>)[k];
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  walk(doc);
  return out.join('\n');
}

describe('a new province: setup from its own decision', () => {
  test('empty spreadsheet → preview of Huế 2026 → setup with that plan → dashboard, report header and decision name Huế; no Bắc Giang anywhere', () => {
    const w = world({ setup: false, now: '2026-07-03T09:00:00+07:00' });
    expect(w.google.sheetNames(w.ssId).filter((n) => n !== 'Sheet1' && n !== 'Trang tính1')).toEqual([]);

    // The import dialog reads the decision on a spreadsheet not yet set up: it shows the plan and the province.
    const preview = w.call('importDecision', HUE_2026, {});
    expect(preview).toMatchObject({ ok: true, applied: false, configured: false, province: 'Huế', year: 2026 });
    expect(preview.decision).toMatchObject({ number: '415/QĐ-UBND', date: '2026-02-03' });
    expect(preview.programs.map((p: { name: string }) => p.name)).toEqual(['Bảo tồn di sản và phổ biến kiến thức', 'Tư vấn, phản biện']);
    // Applying there is setup's job, not the import's.
    expect(w.call('importDecision', HUE_2026, { apply: true })).toMatchObject({ ok: false, code: 'notSetUp' });

    // "Áp dụng" in setup mode: the dialog sends the plan as shown.
    const edits = { programs: preview.programs, targets: preview.targets.map(({ source: _s, ...t }: { source: string }) => t) };
    const setup = w.call('setupWorkbook', { template: 'decision', text: HUE_2026, year: 2026, edits });
    expect(setup).toMatchObject({ ok: true, year: 2026, programs: 2, targets: 4, addedPrograms: 2, addedTargets: 4 });

    const settings = w.call('getSettings');
    expect(settings.ok).toBe(true);
    expect(settings.settings).toMatchObject({
      orgName: 'Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Huế',
      parentOrgName: 'UBND thành phố Huế',
      place: 'Huế',
      reportRecipientName: 'Sở Khoa học và Công nghệ thành phố Huế',
      budgetRecipientName: 'Sở Tài chính thành phố Huế',
      planYear: 2026,
      decision: { number: '415/QĐ-UBND', date: '2026-02-03', issuer: 'Chủ tịch UBND thành phố Huế' },
    });

    const plan = w.call('getPlan', { year: 2026 });
    expect(plan.targets.map((t: { code: string; quantity: number; unit: string }) => [t.code, t.quantity, t.unit])).toEqual([
      ['P1.1', 2, 'hội thảo'],
      ['P1.2', 6, 'chuyên đề'],
      ['P1.3', 4, 'lớp'],
      ['P2.1', 5, 'cuộc'],
    ]);

    expect(w.call('logEvent', { targetCode: 'P1.1', date: '2026-03-20', title: 'Hội thảo bảo tồn Kinh thành Huế' }).ok).toBe(true);
    const dashboard = JSON.stringify(w.sheet('Tổng hợp'));
    expect(dashboard).toContain('P1.1');
    expect(dashboard).toContain('2026');

    const report = w.call('generateReport', { kind: 'progress', from: '2026-01-01', to: '2026-06-30' });
    expect(report).toMatchObject({ ok: true });
    const text = docText(w, report.docId);
    for (const s of [
      'UBND THÀNH PHỐ HUẾ',
      'VÀ KỸ THUẬT THÀNH PHỐ HUẾ',
      'Huế, ngày 03 tháng 7 năm 2026',
      'Kính gửi: Sở Khoa học và Công nghệ thành phố Huế',
      'Thực hiện Quyết định số 415/QĐ-UBND ngày 03/02/2026 của Chủ tịch UBND thành phố Huế',
    ]) {
      expect(text).toContain(s);
    }

    // Nothing of the Bắc Giang sample: no sheet, no setting, no report line.
    expect(w.google.sheetNames(w.ssId)).toEqual(expect.arrayContaining(['Tổng hợp', 'Chương trình', 'Chỉ tiêu', 'Hoạt động']));
    for (const name of w.google.sheetNames(w.ssId)) expect(`${name}: ${JSON.stringify(w.sheet(name))}`).not.toMatch(/Bắc Giang/iu);
    expect(JSON.stringify(settings)).not.toMatch(/Bắc Giang/iu);
    expect(text).not.toMatch(/Bắc Giang/iu);
  });

  test('a decision that names no province cannot set up a workbook: the field is named and nothing is created', () => {
    const w = world({ setup: false, now: '2026-07-03T09:00:00+07:00' });
    const text = 'PHỤ LỤC\nNhiệm vụ thứ nhất: Tư vấn, phản biện\nNội dung, nhiệm vụ:\n- Tổ chức 05 cuộc tư vấn, phản biện.';
    const r = w.call('setupWorkbook', { template: 'decision', text, year: 2026 });
    expect(r).toMatchObject({ ok: false, code: 'invalidInput' });
    expect(Object.keys(r.errors)).toEqual(['province']);
    expect(w.google.sheetNames(w.ssId).filter((n) => n !== 'Sheet1' && n !== 'Trang tính1')).toEqual([]);
  });

  test('the menu "Thiết lập bảng tính" on an empty spreadsheet asks: "Không" opens the import dialog and creates nothing, "Có" seeds the sample', () => {
    const w = world({ setup: false, now: '2026-07-03T09:00:00+07:00' });
    type Ui = { alerts: { prompt: string }[]; dialogs: { title: string }[] };
    const g = w.google as unknown as { uiResponses: { button?: string }[]; newExecution: (ctx: unknown) => { ui: Ui } };
    // Each execution keeps its own UI record: keep the menu run's.
    const runs: { ui: Ui }[] = [];
    const start = g.newExecution.bind(g);
    g.newExecution = (ctx) => {
      const e = start(ctx);
      runs.push(e);
      return e;
    };
    g.uiResponses.push({ button: 'NO' });
    w.run('menuSetupWorkbook', [], { kind: 'menu', user: 'admin@lhh.example.vn' });
    expect(runs[0].ui.alerts[0].prompt).toContain('dán quyết định của tỉnh');
    expect(runs[0].ui.dialogs.map((d) => d.title)).toEqual(['Nhập kế hoạch từ quyết định']);
    expect(w.google.sheetNames(w.ssId).filter((n) => n !== 'Sheet1' && n !== 'Trang tính1')).toEqual([]);
    g.uiResponses.push({ button: 'YES' });
    w.run('menuSetupWorkbook', [], { kind: 'menu', user: 'admin@lhh.example.vn' });
    expect(w.google.sheetNames(w.ssId)).toEqual(expect.arrayContaining(['Chương trình', 'Chỉ tiêu']));
  });
});
