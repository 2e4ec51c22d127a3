// The "Báo cáo" sidebar in Chromium against the real bundle on in-memory Google services.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, bundleServer, launchChromium, openSidebar, sheetRecords, type BundleServer, type SidebarSession } from './sidebar-harness';

// After 30/06, so the sơ kết 6 tháng is a whole past period.
const NOW = new Date('2024-07-05T03:00:00Z');
const SO_KHCN = 'sokhcn@bacgiang.gov.vn';

/** Logs an event through the page's google.script.run, as any sidebar would. */
function logThroughBridge(page: Page, input: Record<string, unknown>): Promise<{ ok: boolean; id?: string }> {
  return page.evaluate(
    (inp) =>
      new Promise<{ ok: boolean; id?: string }>((resolve, reject) => {
        const run = (window as unknown as { google: { script: { run: any } } }).google.script.run;
        run.withSuccessHandler(resolve).withFailureHandler(reject).logEvent(inp);
      }),
    input,
  );
}

const lastCall = (s: SidebarSession, fn: string) => [...s.calls].reverse().find((c) => c.fn === fn);

describe('ReportSidebar', () => {
  let browser: Browser;
  let server: BundleServer;
  let s: SidebarSession;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = bundleServer({ now: () => NOW });
    s = await openSidebar(browser, 'ReportSidebar', server.run);
    await s.page.waitForSelector('#report-form:not([hidden])');
    await s.settle();
  });
  afterEach(async () => {
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(s.maxInFlight()).toBeLessThanOrEqual(10);
    await s.close();
  });

  test('opens on the plan year so far with one call', async () => {
    const { page } = s;
    expect(s.calls).toEqual([{ fn: 'previewReport', args: [{ kind: 'progress' }] }]);
    expect(await page.inputValue('#periodKind')).toBe('range');
    expect(await page.inputValue('#from')).toBe('01/01/2024');
    expect(await page.inputValue('#to')).toBe('05/07/2024');
    expect(await page.textContent('#preview-number')).toBe('Số: 01/BC-LHH');
    expect(await page.locator('#program-bars li').count()).toBe(5);
    expect(await page.isDisabled('#send')).toBe(true);
  });

  test('6-month report: preview, generate, send', async () => {
    const { page } = s;
    const logged = await logThroughBridge(page, { targetCode: 'P2.1', date: '2024-03-05', title: 'Phản biện Đề án phát triển du lịch tỉnh' });
    expect(logged).toMatchObject({ ok: true, id: 'HD-2024-0001' });

    // Preview.
    await page.selectOption('#periodKind', 'half');
    await s.settle();
    expect(lastCall(s, 'previewReport')?.args).toEqual([{ kind: 'progress', from: '2024-01-01', to: '2024-06-30' }]);
    expect(await page.textContent('#period-label')).toBe('Kỳ: 6 tháng đầu năm 2024 (01/01/2024 – 30/06/2024)');
    expect(await page.textContent('#preview-number')).toBe('Số: 01/BC-LHH');
    expect(await page.textContent('#fig-events')).toBe('1');
    expect(await page.textContent('#program-bars li[data-code="P2"] .pct')).toBe('2,08%');
    expect(await page.locator('#program-bars li[data-code="P2"] .bar > span').evaluate((e) => (e as HTMLElement).style.width)).toBe('2.08%');
    expect(await page.textContent('#behind-summary')).toMatch(/^Chỉ tiêu chậm\/quá hạn: \d+$/);
    expect(await page.isVisible('#no-recipients')).toBe(true);
    // No signer's name in settings yet: said before creating.
    expect(await page.isVisible('#signer-warning')).toBe(true);
    expect(await page.textContent('#signer-warning')).toContain('[Họ và tên người ký]');

    // Recipients set meanwhile (by an admin in Cài đặt); the confirmation names them as they are now.
    expect(server.run('saveSettings', [{ reportRecipients: [SO_KHCN] }])).toMatchObject({ ok: true });

    // Generate.
    await page.click('#generate');
    await page.waitForSelector('#doc-result:not([hidden])');
    await s.settle();
    const gen = lastCall(s, 'generateReport');
    expect(gen?.args).toEqual([{ kind: 'progress', from: '2024-01-01', to: '2024-06-30' }]);
    expect(await page.locator('#steps li').allTextContents()).toEqual(['Đã tạo văn bản số 01/BC-LHH']);
    expect(await page.textContent('#doc-number')).toBe('01/BC-LHH');
    const link = page.locator('#doc-link');
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href')) as string;
    const docId = /\/document\/d\/([^/]+)/.exec(href)?.[1] as string;
    expect(docId).toBeTruthy();
    expect(server.google.document(docId)).toBeTruthy();
    const reg = sheetRecords(server.google, 'Sổ văn bản');
    expect(reg).toHaveLength(1);
    expect(reg[0]).toMatchObject({ 'Số, ký hiệu': '01/BC-LHH', 'Mã tài liệu': docId, 'Trạng thái': 'Dự thảo' });
    // The preview moved on to the next number.
    expect(await page.textContent('#preview-number')).toBe('Số: 02/BC-LHH');
    expect(await page.isDisabled('#send')).toBe(false);
    // Docs cannot number pages: the sidebar says how, once the document exists.
    expect(await page.textContent('#page-hint')).toContain('Chèn số trang: Chèn → Số trang, bỏ chọn trang đầu');
    await page.click('#send');
    await page.waitForSelector('#send-confirm:not([hidden])');
    expect(await page.textContent('#send-question')).toBe(`Gửi báo cáo số 01/BC-LHH đến ${SO_KHCN}?`);
    expect(s.calls.filter((c) => c.fn === 'sendReport')).toHaveLength(0);
    await page.click('#send-yes');
    await page.waitForSelector('#steps li:nth-child(2).done');
    expect(lastCall(s, 'sendReport')?.args).toEqual([{ kind: 'progress', docId }]);
    expect(await page.locator('#steps li').allTextContents()).toEqual(['Đã tạo văn bản số 01/BC-LHH', `Đã gửi đến ${SO_KHCN}`]);
    expect(await page.textContent('#send')).toBe('Đã gửi');
    expect(await page.isDisabled('#send')).toBe(true);

    const outbox = server.google.outbox;
    expect(outbox).toHaveLength(1);
    expect(outbox[0].to).toBe(SO_KHCN);
    expect(outbox[0].attachments).toHaveLength(1);
    expect(outbox[0].attachments[0].contentType).toBe('application/pdf');
    expect(sheetRecords(server.google, 'Sổ văn bản')[0]['Trạng thái']).toBe('Đã gửi');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-sidebar.png'), fullPage: true });
  });

  test('each step is shown while it runs', async () => {
    const { page } = s;
    await page.selectOption('#periodKind', 'quarter');
    server.run('saveSettings', [{ reportRecipients: [SO_KHCN] }]);
    await page.selectOption('#quarter', '2');
    await s.settle();
    expect(lastCall(s, 'previewReport')?.args).toEqual([{ kind: 'progress', from: '2024-04-01', to: '2024-06-30' }]);
    s.hold();
    await page.click('#generate');
    await page.waitForSelector('#steps li.doing');
    expect(await page.textContent('#steps li.doing')).toBe('Đang tính số liệu…');
    expect(await page.isDisabled('#generate')).toBe(true);
    s.release();
    await page.waitForSelector('#steps li.done');
    await s.settle();
    await page.click('#send');
    await page.waitForSelector('#send-confirm:not([hidden])');
    s.hold();
    await page.click('#send-yes');
    await page.waitForSelector('#steps li:nth-child(2).doing');
    expect(await page.textContent('#steps li:nth-child(2)')).toBe('Đang gửi…');
    s.release();
    await page.waitForSelector('#steps li:nth-child(2).done');
  });

  test('month and year periods resolve to their dates; a bad range is refused next to the field', async () => {
    const { page } = s;
    await page.selectOption('#periodKind', 'month');
    await page.selectOption('#month', '2');
    await s.settle();
    expect(lastCall(s, 'previewReport')?.args).toEqual([{ kind: 'progress', from: '2024-02-01', to: '2024-02-29' }]);
    expect(await page.textContent('#period-label')).toBe('Kỳ: tháng 2 năm 2024 (01/02/2024 – 29/02/2024)');
    await page.selectOption('#periodKind', 'year');
    await s.settle();
    expect(lastCall(s, 'previewReport')?.args).toEqual([{ kind: 'progress', from: '2024-01-01', to: '2024-12-31' }]);

    await page.selectOption('#periodKind', 'range');
    await s.settle();
    const before = s.calls.length;
    await page.fill('#from', '31/02/2024');
    await page.fill('#to', '01/01/2024');
    await page.click('#generate');
    expect(await page.textContent('#err-from')).toBe('Từ ngày: Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).');
    expect(await page.getAttribute('#from', 'aria-invalid')).toBe('true');
    await page.fill('#from', '01/03/2024');
    await page.click('#generate');
    expect(await page.textContent('#err-to')).toBe('Đến ngày: Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    expect(s.calls.slice(before).filter((c) => c.fn === 'generateReport')).toHaveLength(0);
  });

  test("the server's field error lands next to the date it names", async () => {
    const { page } = s;
    await page.fill('#from', '01/01/2023');
    await page.fill('#to', '31/01/2023');
    await page.locator('#to').press('Enter');
    await s.settle();
    expect(await page.textContent('#err-from')).toBe('Từ ngày: Ngày phải thuộc năm kế hoạch 2024.');
    expect(await page.textContent('#banner')).toBe('Từ ngày: Ngày phải thuộc năm kế hoạch 2024.');
  });

  test('budget submission: no period, TTr number, Sở Tài chính; sending with no address shows why', async () => {
    const { page } = s;
    await page.selectOption('#kind', 'budget');
    await s.settle();
    expect(await page.isVisible('#period-box')).toBe(false);
    expect(await page.isVisible('#program-bars')).toBe(false);
    expect(lastCall(s, 'previewReport')?.args).toEqual([{ kind: 'budget' }]);
    expect(await page.textContent('#preview-number')).toBe('Số: 01/TTr-LHH');
    expect(await page.textContent('#no-recipients')).toContain('Sở Tài chính');
    await page.click('#generate');
    await page.waitForSelector('#doc-result:not([hidden])');
    await s.settle();
    expect(await page.textContent('#doc-number')).toBe('01/TTr-LHH');
    // With no address, "Gửi" is not offered: it is disabled and points to the field to fill.
    expect(await page.isDisabled('#send')).toBe(true);
    expect(await page.textContent('#send-hint')).toBe('Chưa gửi được: chưa có địa chỉ nhận. Khai báo ô “Email Sở Tài chính” ở Cài đặt, rồi mở lại Báo cáo.');
    expect(server.google.outbox).toHaveLength(0);
    expect(s.calls.filter((c) => c.fn === 'sendReport')).toHaveLength(0);
  });

  test('a period that already has a draft: shown to open or send, reopened later, and a new number only once confirmed', async () => {
    const { page } = s;
    server.run('saveSettings', [{ reportRecipients: [SO_KHCN] }]);
    await page.selectOption('#periodKind', 'half');
    await s.settle();
    await page.click('#generate');
    await page.waitForSelector('#doc-result:not([hidden])');
    await s.settle();
    await s.close();

    // Reopening "Báo cáo" shows the draft just made instead of forgetting it.
    s = await openSidebar(browser, 'ReportSidebar', server.run);
    await page.context().close().catch(() => undefined);
    const p2 = s.page;
    await p2.waitForSelector('#report-form:not([hidden])');
    await s.settle();
    expect(await p2.inputValue('#periodKind')).toBe('half');
    expect(await p2.textContent('#period-label')).toBe('Kỳ: 6 tháng đầu năm 2024 (01/01/2024 – 30/06/2024)');
    expect(await p2.isVisible('#existing')).toBe(true);
    expect(await p2.textContent('#existing-text')).toBe('Kỳ này đã có văn bản số 01/BC-LHH (lập ngày 05/07/2024; dự thảo, chưa gửi). Mở để hoàn thiện, rồi bấm "Gửi".');
    expect(await p2.getAttribute('#existing-link', 'href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(await p2.textContent('#preview-number-note')).toBe('(số sẽ lấy nếu lập văn bản mới)');
    expect(await p2.isDisabled('#send')).toBe(false);
    mkdirSync(ARTIFACTS, { recursive: true });
    await p2.screenshot({ path: join(ARTIFACTS, 'report-sidebar-existing-draft.png'), fullPage: true });

    // "Tạo văn bản" again asks first; "Thôi" takes no number.
    await p2.click('#generate');
    await p2.waitForSelector('#new-confirm:not([hidden])');
    expect(await p2.textContent('#new-question')).toBe('Kỳ này đã có văn bản số 01/BC-LHH. Lấy số mới 02/BC-LHH? Văn bản 01/BC-LHH sẽ được ghi "Đã thay thế" trong Sổ văn bản (không bị xóa) và không gửi nữa.');
    await p2.click('#new-no');
    expect(s.calls.filter((c) => c.fn === 'generateReport')).toHaveLength(0);
    expect(sheetRecords(server.google, 'Sổ văn bản')).toHaveLength(1);

    // Confirmed: a second number, and the first marked superseded in Sổ văn bản.
    await p2.click('#generate');
    await p2.waitForSelector('#new-confirm:not([hidden])');
    await p2.click('#new-yes');
    await p2.waitForSelector('#doc-result:not([hidden])');
    await s.settle();
    expect(lastCall(s, 'generateReport')?.args).toEqual([{ kind: 'progress', from: '2024-01-01', to: '2024-06-30', confirmNew: true }]);
    const reg = sheetRecords(server.google, 'Sổ văn bản');
    expect(reg.map((r) => [r['Số, ký hiệu'], r['Trạng thái'], r['Ghi chú']])).toEqual([
      ['01/BC-LHH', 'Đã thay thế', 'Thay bằng văn bản số 02/BC-LHH'],
      ['02/BC-LHH', 'Dự thảo', ''],
    ]);
    expect(await p2.textContent('#existing-text')).toContain('02/BC-LHH');

    // Sent: the period's document is no longer offered for sending.
    await p2.click('#send');
    await p2.waitForSelector('#send-confirm:not([hidden])');
    await p2.click('#send-yes');
    await p2.waitForSelector('#steps li:nth-child(2).done');
    await s.settle();
    expect(await p2.textContent('#existing-text')).toBe('Kỳ này đã có văn bản số 02/BC-LHH (lập ngày 05/07/2024; đã gửi).');
    expect(await p2.isDisabled('#send')).toBe(true);
  });
});
