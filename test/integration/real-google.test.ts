// Surviving what real Google does differently from a tidy fake: text Docs drops, APIs that refuse, long batches, pageless documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { world, type World } from '../support/bundle';

const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'decisions', 'QD-1731-QD-UBND-2023-BacGiang.txt'), 'utf8');

/** Every text of a saved document, in order (paragraphs, cells). */
function docText(w: World, docId: string): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.text === 'string' && !o.children) out.push(o.text);
    for (const k of ['children', 'rows', 'cells', 'body']) {
      const v = o[k];
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  walk(w.google.document(docId, { saved: true }));
  return out.join('\n');
}

const count = (w: World, re: RegExp) => Object.entries(w.google.calls()).reduce((n, [k, v]) => (re.test(k) ? n + v : n), 0);

describe('text that Google Docs would drop', () => {
  test('a title pasted with CR LF and a Word bullet, and a decision whose bullets are Word symbols, still make the yearly report on the Docs API road', () => {
    const w = world();
    // The decision as Word pastes it: CR LF line ends, "" (U+F0B7) instead of "-", and 17 consultations instead of 16.
    const pasted = SEED.replace(/^- /gm, '\uf0b7\t').replace('Tổ chức 16 cuộc tư vấn', 'Tổ chức 17 cuộc tư vấn').replace(/\n/g, '\r\n');
    const plain = w.call('importDecision', SEED, {});
    const preview = w.call('importDecision', pasted, {});
    expect(preview.ok).toBe(true);
    // The outline is read as from the clean text: same programmes, same targets with the same counts (17 where it says 17).
    const shape = (r: { targets: { code: string; quantity: number | null; unit: string }[] }) => r.targets.map((t) => `${t.code} ${t.quantity} ${t.unit}`);
    expect(shape(preview)).toEqual(shape(plain).map((s) => (s === 'P2.1 16 cuộc' ? 'P2.1 17 cuộc' : s)));
    expect(JSON.stringify(preview.targets)).not.toMatch(/[\ue000-\uf8ff\r]/);
    const applied = w.call('importDecision', pasted, { apply: true });
    expect(applied).toMatchObject({ ok: true, applied: true });

    const logged = w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-10', title: '\uf0b7 Phản biện Đề án\r\nchuyển đổi số tỉnh', quantity: 1 });
    expect(logged.ok).toBe(true);
    const events = w.sheet('Hoạt động');
    const titleCol = (events[0] as string[]).indexOf('Tên hoạt động');
    expect(events[1][titleCol]).toBe('Phản biện Đề án\nchuyển đổi số tỉnh');

    w.google.resetCalls();
    const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-12-31' });
    expect(r.ok).toBe(true);
    expect(count(w, /^Docs\.Documents\.batchUpdate$/)).toBeGreaterThanOrEqual(1);
    expect(count(w, /^DocumentApp\.create$/)).toBe(0);
    const text = docText(w, r.docId);
    expect(text).toContain('Phản biện Đề án');
    expect(text).toContain('chuyển đổi số tỉnh');
    expect(text).not.toMatch(/[\ue000-\uf8ff\r]/);
    // The imported count is the plan the report measures against.
    expect(text).toMatch(/17 cuộc/);
  });
});

/** Rows of "Nhật ký" written because Google refused a request. */
const refusals = (w: World) => w.sheet('Nhật ký').filter((r) => r[2] === 'Google từ chối yêu cầu');

const DISABLED =
  'Google Sheets API has not been used in project 123456789012 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123456789012 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.';

describe('an advanced API that refuses', () => {
  test('the Sheets API not enabled (403): the event is logged by SpreadsheetApp in the same call, one log row, and the next runs go straight to SpreadsheetApp', () => {
    const w = world();
    w.google.refuseApi('Sheets', 403, DISABLED);
    w.google.resetCalls();
    const r = w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-10', title: 'Phản biện Đề án chuyển đổi số', quantity: 1 });
    expect(r).toMatchObject({ ok: true, id: 'HD-2024-0001' });
    expect(w.sheet('Hoạt động')[1]).toContain('Phản biện Đề án chuyển đổi số');
    // One refused read, then everything by SpreadsheetApp.
    expect(count(w, /^Sheets\./)).toBe(1);
    const rows = refusals(w);
    expect(rows).toHaveLength(1);
    expect(rows[0][3]).toBe('Google Sheets API');
    expect(rows[0][4]).toContain('Mã 403: Google Sheets API has not been used in project 123456789012');
    expect(rows[0][4]).toContain('SpreadsheetApp');

    // The next run does not ask the API again, and writes no second row.
    w.google.resetCalls();
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-11', title: 'Tư vấn dự thảo Nghị quyết', quantity: 1 })).toMatchObject({ ok: true, id: 'HD-2024-0002' });
    expect(w.call('getProgress').ok).toBe(true);
    expect(count(w, /^Sheets\./)).toBe(0);
    expect(refusals(w)).toHaveLength(1);
  });

  test('a refusal is remembered in the trigger snapshot too, so a time-driven run without document properties takes SpreadsheetApp', () => {
    const w = world({ now: '2024-07-31T20:00:00+07:00' });
    expect(w.call('saveSettings', { reportRecipients: ['so.khcn@bacgiang.gov.vn'], schedule: { enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 1, formalReports: false } }).ok).toBe(true);
    w.google.refuseApi('Sheets', 403, DISABLED);
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-07-10', title: 'Phản biện Đề án', quantity: 1 }).ok).toBe(true);
    const snapshots = Object.entries(w.google.state.properties.user['admin@lhh.example.vn'] || {}).filter(([k]) => k.startsWith('lhh.trigger.'));
    expect(snapshots).toHaveLength(1);
    expect(JSON.parse(snapshots[0][1] as string).roads.sheets).toMatchObject({ status: 403 });
    const uid = snapshots[0][0].slice('lhh.trigger.'.length);
    // An add-on's time-driven run may get no document: no document properties, only the owner's snapshot.
    const trig = w.google.state.triggers.find((t) => t.uid === uid)!;
    trig.docId = null;
    trig.sourceId = null;
    w.google.clock.set(new Date('2024-08-01T07:00:00+07:00'));
    w.google.resetCalls();
    const run = w.run('runScheduledReports', [{ triggerUid: uid }], { kind: 'timeTrigger', triggerUid: uid });
    expect(run.outcomes).toEqual([{ key: 'monthly:2024-07', outcome: 'sent', number: '01/BC-LHH' }]);
    expect(count(w, /^Sheets\./)).toBe(0);
    expect(count(w, /^PropertiesService\.getDocumentProperties$/)).toBeGreaterThan(0);
    expect(w.google.outbox).toHaveLength(1);
  });

  test('the Docs API refusing one batch (400): the report is made by DocumentApp in the same call, the half-made file is trashed, and the next report tries the API again', () => {
    const w = world();
    w.google.failOn('Docs.Documents.batchUpdate', 1, 'Invalid requests[12].insertText: The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.', 400);
    w.google.resetCalls();
    const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(r).toMatchObject({ ok: true, number: '01/BC-LHH' });
    expect(count(w, /^Docs\.Documents\.create$/)).toBe(1);
    expect(count(w, /^DocumentApp\.create$/)).toBe(1);
    const docs = Object.keys(w.google.state.docs);
    const trashed = docs.filter((id) => w.google.state.drive.trashedNative?.[id]);
    expect(trashed).toHaveLength(1);
    expect(trashed).not.toContain(r.docId);
    // The register links the DocumentApp document, which reads as a report.
    expect(docText(w, r.docId)).toContain('BÁO CÁO');
    const rows = refusals(w);
    expect(rows).toHaveLength(1);
    expect(rows[0][3]).toBe('Google Docs API');
    expect(rows[0][4]).toContain('Mã 400: Invalid requests[12].insertText');
    expect(rows[0][4]).toContain('chỉ lần này');

    w.google.resetCalls();
    expect(w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30', confirmNew: true })).toMatchObject({ ok: true, number: '02/BC-LHH' });
    expect(count(w, /^Docs\.Documents\.create$/)).toBe(1);
    expect(count(w, /^DocumentApp\.create$/)).toBe(0);
  });

  test('a rate limit is not a refusal: the road stays, the user is asked to try again', () => {
    const w = world();
    w.google.failOn('Docs.Documents.batchUpdate', 1, "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com'.", 429);
    const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(r).toMatchObject({ ok: false, code: 'transient' });
    expect(refusals(w)).toHaveLength(0);
    w.google.resetCalls();
    expect(w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' })).toMatchObject({ ok: true, number: '01/BC-LHH' });
    expect(count(w, /^DocumentApp\.create$/)).toBe(0);
  });
});

describe('pageless documents', () => {
  test('where Docs makes new documents pageless, the report is set back to pages (A4, margins, page breaks shown)', () => {
    const w = world();
    w.google.state.newDocumentsPageless = true;
    const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(r.ok).toBe(true);
    expect(w.google.document(r.docId, { saved: true }).documentMode).toBe('PAGES');
  });
});

describe('smaller gaps found in review', () => {
  test.each([['the Sheets API', undefined], ['SpreadsheetApp', [] as string[]]])('text that looks like a date, a number or money is stored as typed (%s)', (_road, advancedServices) => {
    const w = world(advancedServices ? { advancedServices } : {});
    const typed = { title: '2024-05-15', location: '13-11-2023', partner: '$5', result: '1e3' };
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-10', quantity: 1, ...typed }).ok).toBe(true);
    const [header, row] = w.sheet('Hoạt động') as unknown[][];
    const at = (h: string) => row[(header as string[]).indexOf(h)];
    expect([at('Tên hoạt động'), at('Địa điểm'), at('Đơn vị phối hợp'), at('Kết quả, ghi chú')]).toEqual(['2024-05-15', '13-11-2023', '$5', '1e3']);
  });

  test('a new budget line saved without a stage starts as "Dự thảo"; an edit without one keeps the stage it had', () => {
    const w = world();
    const line = { programCode: 'P2', targetCode: 'P2.1', item: 'Chi hội thảo phản biện', unit: 'cuộc', quantity: 4, unitPrice: '5.000.000' };
    const r = w.call('saveBudgetLine', line);
    expect(r).toMatchObject({ ok: true, id: 'KP-2024-001' });
    expect(r.view.lines[0].stage).toBe('Dự thảo');
    expect(w.call('saveBudgetLine', { ...line, id: r.id, stage: 'Đã gửi thẩm định' }).ok).toBe(true);
    const edited = w.call('saveBudgetLine', { ...line, id: r.id, quantity: 5 });
    expect(edited.view.lines[0]).toMatchObject({ quantity: 5, stage: 'Đã gửi thẩm định' });
  });
});

describe('the self-check "Kiểm tra kết nối Google"', () => {
  test('on the fakes every item passes, nothing is left behind, and Nhật ký keeps the verdict', () => {
    const w = world();
    const sheetsBefore = w.google.sheetNames(w.ssId);
    const r = w.call('checkGoogleConnection');
    expect(r.ok).toBe(true);
    expect(r.items.filter((i: { ok: boolean }) => !i.ok)).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.roads).toEqual({ sheets: 'api', docs: 'api' });
    expect(r.verdict).toBe('Tất cả các mục đều đạt. Google Sheets API: dùng được; Google Docs API: dùng được.');
    const items = r.items.map((i: { road: string; item: string }) => `${i.road} – ${i.item}`);
    expect(items).toEqual([
      'Apps Script – Khởi động mã (một lần chạy mới)',
      'SpreadsheetApp – Tạo trang tính thử, ghi và đọc lại',
      'Google Sheets API – Ghi (batchUpdate) và thêm dòng (append)',
      'Google Sheets API – Đọc lại (batchGet) và so sánh',
      'SpreadsheetApp – Xóa trang tính thử',
      'DocumentApp – Tạo văn bản thử',
      'Google Docs API – Tạo văn bản thử và ghi mọi loại yêu cầu',
      'Google Docs API – Xuất PDF',
      'Google Docs API – Xóa văn bản thử',
      'Gmail – Hạn mức gửi còn lại hôm nay (không gửi thư nào)',
    ]);
    const docsItem = r.items.find((i: { item: string }) => i.item.startsWith('Tạo văn bản thử và ghi'));
    for (const kind of ['updateDocumentStyle', 'insertTable', 'insertText', 'insertPageBreak', 'updateTableCellStyle', 'updateTableColumnProperties', 'updateParagraphStyle', 'updateTextStyle'])
      expect(docsItem.detail).toContain(kind);
    expect(w.google.sheetNames(w.ssId)).toEqual(sheetsBefore);
    expect(Object.keys(w.google.state.docs).every((id) => w.google.state.drive.trashedNative?.[id])).toBe(true);
    expect(w.google.outbox).toHaveLength(0);
    const log = w.sheet('Nhật ký').filter((row) => row[2] === 'Kiểm tra kết nối Google');
    expect(log).toHaveLength(1);
    expect(log[0][3]).toBe('Đạt');
    expect(w.callAs('canbo@lhh.example.vn', 'checkGoogleConnection')).toMatchObject({ ok: false, code: 'notAdmin' });
  });

  test('when Docs places a table one index off, the Docs item fails, the classic road is chosen, and the next report uses DocumentApp', () => {
    const w = world();
    w.google.state.docsTableOffByOne = true;
    const r = w.call('checkGoogleConnection');
    expect(r).toMatchObject({ ok: true, passed: false, roads: { sheets: 'api', docs: 'classic' } });
    const failed = r.items.filter((i: { ok: boolean }) => !i.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0].road).toBe('Google Docs API');
    expect(r.verdict).toContain('Google Docs API: không dùng, thay bằng DocumentApp');
    w.google.state.docsTableOffByOne = false;
    w.google.resetCalls();
    expect(w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' }).ok).toBe(true);
    expect(count(w, /^Docs\./)).toBe(0);
    expect(count(w, /^DocumentApp\.create$/)).toBe(1);
  });

  test('after a refusal, an admin running it once the API is enabled opens the road again', () => {
    const w = world();
    w.google.refuseApi('Sheets', 403, DISABLED);
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-10', title: 'Phản biện Đề án', quantity: 1 }).ok).toBe(true);
    // Still refused: the check says so and keeps the classic road.
    expect(w.call('checkGoogleConnection')).toMatchObject({ ok: true, passed: false, roads: { sheets: 'classic', docs: 'api' } });
    w.google.allowApi('Sheets');
    w.google.resetCalls();
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-11', title: 'Tư vấn', quantity: 1 }).ok).toBe(true);
    expect(count(w, /^Sheets\./)).toBe(0);
    expect(w.call('checkGoogleConnection')).toMatchObject({ ok: true, passed: true, roads: { sheets: 'api', docs: 'api' } });
    w.google.resetCalls();
    expect(w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-12', title: 'Tọa đàm', quantity: 1 }).ok).toBe(true);
    expect(count(w, /^Sheets\./)).toBeGreaterThan(0);
  });
});
