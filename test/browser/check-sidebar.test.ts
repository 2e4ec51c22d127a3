// The "Kiểm tra dữ liệu" sidebar in Chromium: a bad hand edit is listed, "Đi tới" selects the cell, "Kiểm tra lại" re-reads.
import type { Browser } from 'playwright-core';
import type { FakeGoogle } from '../../fakes/index';
import { bundleServer, launchChromium, openSidebar, type BundleServer } from './sidebar-harness';

const NOW = new Date('2024-06-14T03:00:00Z');

/** Types into a cell of the container spreadsheet as a user would (outside the add-on). */
function handEdit(google: FakeGoogle, sheet: string, header: string, row: number, value: unknown): string {
  const x = google.newExecution({ kind: 'local' });
  try {
    const sh = google.gas(x).SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!;
    const headers = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    const col = headers.indexOf(header) + 1;
    const cell = sh.getRange(row, col);
    cell.setValue(value);
    return cell.getA1Notation();
  } finally {
    x.end();
  }
}

function activeCell(google: FakeGoogle): string {
  const x = google.newExecution({ kind: 'local' });
  try {
    const ss = google.gas(x).SpreadsheetApp.getActiveSpreadsheet();
    return `${ss.getActiveSheet().getName()}!${ss.getActiveRange()?.getA1Notation()}`;
  } finally {
    x.end();
  }
}

describe('CheckSidebar', () => {
  let browser: Browser;
  let server: BundleServer;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = bundleServer({ now: () => NOW });
  });

  test('lists the row a hand edit broke, goes to it, and clears it once fixed', async () => {
    const logged = (await server.run('logEvent', [{ targetCode: 'P2.1', date: '2024-03-05', title: 'Phản biện quy hoạch' }])) as { ok: boolean };
    expect(logged.ok).toBe(true);
    const a1 = handEdit(server.google, 'Hoạt động', 'Ngày', 2, '31/02/2024');

    const s = await openSidebar(browser, 'CheckSidebar', server.run);
    const { page } = s;
    const problem = page.locator(`#problems li[data-sheet="Hoạt động"][data-a1="${a1}"]`);
    await problem.waitFor();
    expect(await problem.locator('.where').textContent()).toBe('Hoạt động · dòng 2 · cột Ngày');
    expect(await problem.locator('.msg').textContent()).toBe('Ngày 31/02/2024 không có thật.');
    expect(await page.textContent('#summary')).toMatch(/^Tìm thấy \d+ lỗi\./);

    await problem.locator('button[data-action="goto"]').click();
    await s.settle();
    expect(s.calls[s.calls.length - 1]).toEqual({ fn: 'goToCell', args: ['Hoạt động', a1] });
    expect(activeCell(server.google)).toBe(`Hoạt động!${a1}`);

    handEdit(server.google, 'Hoạt động', 'Ngày', 2, '05/03/2024');
    await page.click('#recheck');
    await s.settle();
    expect(await page.locator('#problems li[data-sheet="Hoạt động"]').count()).toBe(0);
    expect(s.calls.map((c) => c.fn)).toEqual(['getDataProblems', 'goToCell', 'getDataProblems']);
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.serverErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});

describe('CheckSidebar views', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('"Không có lỗi nào." when the data is clean', async () => {
    const s = await openSidebar(browser, 'CheckSidebar', () => ({ ok: true, problems: [] }));
    await s.page.waitForSelector('#summary.ok-note');
    expect(await s.page.textContent('#summary')).toBe('Không có lỗi nào.');
    expect(await s.page.locator('#problems li').count()).toBe(0);
    await s.close();
  });

  test('text from the sheet is shown as text, never as HTML', async () => {
    const s = await openSidebar(browser, 'CheckSidebar', () => ({
      ok: true,
      problems: [{ sheet: '<img src=x onerror=alert(1)>', row: 3, column: 'Tên', message: '<b>đậm</b>', a1: 'B3' }],
    }));
    await s.page.waitForSelector('#problems li');
    expect(await s.page.locator('#problems img, #problems b').count()).toBe(0);
    expect(await s.page.textContent('#problems .msg')).toBe('<b>đậm</b>');
    await s.close();
  });
});
