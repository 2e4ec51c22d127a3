// The same user story with and without the Sheets and Docs advanced services: same sheets, same documents, far fewer calls with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, world, type World } from '../support/bundle';

const P21 = (title: string, date: string, extra: Record<string, unknown> = {}) => ({ targetCode: 'P2.1', date, title, ...extra });

/** Setup, three events (one with a cost on a budget line), an edit, a cancellation, the half-year report, its sending. */
function story(w: World): { calls: Record<string, number>; docId: string } {
  const line = w.call('saveBudgetLine', { programCode: 'P2', targetCode: 'P2.1', item: 'Chi hội thảo phản biện', unit: 'cuộc', quantity: 4, unitPrice: '5.000.000', stage: 'Dự thảo' });
  expect(line.ok).toBe(true);
  const lineId = line.id;
  w.google.resetCalls();
  expect(w.call('logEvent', P21('Phản biện Đề án chuyển đổi số tỉnh', '2024-02-20', { cost: '3.500.000', budgetLineId: lineId })).ok).toBe(true);
  expect(w.call('logEvent', P21('Tư vấn dự thảo Nghị quyết HĐND', '2024-03-12', { location: '=Hội trường' })).ok).toBe(true);
  expect(w.call('logEvent', P21('Phản biện Quy hoạch vùng trồng vải', '2024-05-08')).ok).toBe(true);
  expect(w.call('updateEvent', 'HD-2024-0003', { date: '2024-05-09' }).ok).toBe(true);
  expect(w.call('cancelEvent', 'HD-2024-0002', 'Ghi nhầm').ok).toBe(true);
  expect(w.call('saveSettings', { reportRecipients: ['so.khcn@bacgiang.gov.vn'] }).ok).toBe(true);
  const doc = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
  expect(doc.ok).toBe(true);
  expect(w.call('sendReport', { kind: 'progress', docId: doc.docId }).ok).toBe(true);
  return { calls: w.google.calls(), docId: doc.docId };
}

const total = (calls: Record<string, number>, prefix: RegExp) => Object.entries(calls).reduce((n, [k, v]) => (prefix.test(k) ? n + v : n), 0);
/** Sheet values with the moments of the run blurred (the two worlds run at the same simulated time anyway). */
const sheets = (w: World) => w.google.sheetNames(w.ssId).map((n) => [n, w.sheet(n).map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)))]);

describe('the Sheets and Docs advanced services are a faster road to the same result', () => {
  test('the manifest enables both, and Drive v3 to trash a failed document under drive.file, so Google installs them with the add-on', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'));
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
  });

  test('with and without them, the story leaves the same sheets, the same report and the same email', () => {
    const fast = world();
    const plain = world({ advancedServices: [] });
    const a = story(fast);
    const b = story(plain);
    expect(sheets(fast)).toEqual(sheets(plain));
    const textOf = (w: World, id: string) => JSON.stringify(w.google.document(id, { saved: true }).body);
    expect(textOf(fast, a.docId).length).toBeGreaterThan(5000);
    // Same paragraphs, tables and text; the API keeps one tiny paragraph above the header table.
    const paras = (w: World, id: string) =>
      (w.google.document(id, { saved: true }).body as { type: string; text?: string }[]).filter((n) => n.type !== 'PARAGRAPH' || (n.text ?? '') !== '').map((n) => [n.type, n.text ?? '']);
    expect(paras(fast, a.docId)).toEqual(paras(plain, b.docId));
    const mail = (w: World) => w.google.outbox.map((m) => [m.to, m.subject, m.attachments.map((x) => x.name)]);
    expect(mail(fast)).toEqual(mail(plain));
    expect(mail(fast)).toHaveLength(1);
    // Without them: SpreadsheetApp and DocumentApp only. With them: a fraction of the calls.
    expect(total(b.calls, /^(Sheets|Docs)\./)).toBe(0);
    expect(total(a.calls, /^DocumentApp\.(create|Body|Paragraph|Table)/)).toBe(0);
    expect(total(a.calls, /^Docs\.Documents\./)).toBe(2);
    const all = (c: Record<string, number>) => total(c, /./);
    console.log(`story after setup: ${all(a.calls)} calls with the advanced services, ${all(b.calls)} without`);
    expect(all(a.calls) * 3).toBeLessThan(all(b.calls));
  });

  test('a sheet deleted by hand is named in the message on the API road too', () => {
    const w = world();
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const ss = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet();
    ss.deleteSheet(ss.getSheetByName('Kinh phí')!);
    exec.end();
    const r = w.call('getProgress');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Kinh phí');
  });
});

describe('a document whose content could not be written', () => {
  test('is put in the trash, the user is told in Vietnamese, and trying again issues the same number', () => {
    const w = world();
    w.google.failOn('Docs.Documents.batchUpdate', 1);
    const first = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(first.ok).toBe(false);
    expect(first.message).toMatch(/[ạảãàáâậầấẩẫăắằẳẵặẹẻẽèéêệềếểễịỉĩìíọỏõòóôộồốổỗơợờớởỡụủũùúưựừứửữỵỷỹỳýđ]/i);
    // Every document made so far is in the trash: nothing half-written is left in the user's Drive.
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const made = Object.keys(w.google.state.docs);
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((id) => w.google.gas(exec).DriveApp.getFileById(id).isTrashed())).toBe(true);
    exec.end();
    expect(w.sheet('Sổ văn bản').length).toBe(1);
    const again = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(again.ok).toBe(true);
    expect(again.number).toBe('01/BC-LHH');
  });
});

describe("the Sheets API's per-minute quota", () => {
  test('a quota refusal reaches the user as "try again" in Vietnamese, and nothing is written', () => {
    const w = world();
    const before = JSON.stringify(w.google.sheetNames(w.ssId).map((n) => w.sheet(n)));
    const quota =
      "API call to sheets.spreadsheets.values.batchGet failed with error: Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:1'.";
    // Read, tried again twice at once: three refusals in a row reach the user.
    for (let i = 0; i < 3; i++) w.google.failOn('Sheets.Spreadsheets.Values.batchGet', 1, quota);
    const r = w.call('logEvent', P21('Phản biện đề án', '2024-03-15'));
    expect(r).toMatchObject({ ok: false, code: 'transient' });
    expect(r.message).toContain('vui lòng thử lại');
    expect(JSON.stringify(w.google.sheetNames(w.ssId).map((n) => w.sheet(n)))).toBe(before);
    expect(w.call('logEvent', P21('Phản biện đề án', '2024-03-15')).id).toBe('HD-2024-0001');
  });
});
