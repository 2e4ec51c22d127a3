// The "Ghi nhận hoạt động" sidebar in Chromium against the real bundle on in-memory Google services.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, bundleServer, launchChromium, openSidebar, sheetRecords, type BundleServer, type SidebarSession } from './sidebar-harness';

const NOW = new Date('2024-06-14T03:00:00Z');

const optionText = (page: Page, value: string) => page.locator(`#targetCode option[value="${value}"]`).textContent();

/** Fills the form as a user would, field by field. */
async function fillEvent(page: Page, f: { program: string; target: string; date: string; title: string; cost?: string; partner?: string; participants?: string; location?: string }) {
  await page.selectOption('#programCode', f.program);
  await page.selectOption('#targetCode', f.target);
  await page.fill('#date', f.date);
  await page.fill('#title', f.title);
  if (f.location !== undefined) await page.fill('#location', f.location);
  if (f.partner !== undefined) await page.fill('#partner', f.partner);
  if (f.participants !== undefined) await page.fill('#participants', f.participants);
  if (f.cost !== undefined) {
    await page.fill('#cost', f.cost);
    await page.locator('#cost').blur();
  }
}

describe('LogSidebar', () => {
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
    s = await openSidebar(browser, 'LogSidebar', server.run);
    await s.page.waitForSelector('#log-form:not([hidden])');
  });
  afterEach(async () => {
    // Whatever the story, nothing Google refuses crossed google.script.run, and the page raised nothing.
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.serverErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(s.maxInFlight()).toBeLessThanOrEqual(10);
    await s.close();
  });

  test('loads with one call and cascades programme → targets', async () => {
    const { page } = s;
    expect(s.calls.map((c) => c.fn)).toEqual(['getLogView']);
    // The fields' limits are the record declaration's, put on the hand-written form.
    expect(await page.evaluate(() => ['title', 'location', 'partner', 'result', 'evidenceUrl'].map((id) => (document.getElementById(id) as HTMLInputElement).maxLength))).toEqual([300, 200, 200, 2000, 500]);
    await page.selectOption('#programCode', 'P2');
    const targets = await page.locator('#targetCode option').allTextContents();
    expect(targets).toContain('Tư vấn, phản biện — 0/16 cuộc');
    expect(targets.every((t) => !t.startsWith('Hội nghị Ban Chấp hành'))).toBe(true);
    await page.selectOption('#programCode', 'P3');
    expect(await page.locator('#targetCode option').allTextContents()).not.toContain('Tư vấn, phản biện — 0/16 cuộc');
  });

  test('logs an event: the row is written, the label counts it, the form is ready for the next', async () => {
    const { page } = s;
    await page.selectOption('#programCode', 'P2');
    expect(await optionText(page, 'P2.1')).toBe('Tư vấn, phản biện — 0/16 cuộc');
    await fillEvent(page, {
      program: 'P2',
      target: 'P2.1',
      date: '05/03/2024',
      title: 'Phản biện Đề án phát triển du lịch tỉnh',
      location: 'Hội trường LHH',
      partner: 'Sở Văn hóa, Thể thao và Du lịch',
      participants: '45',
      cost: '1250000',
    });
    expect(await page.inputValue('#cost')).toBe('1.250.000');
    await page.click('#save');
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toBe('Đã lưu hoạt động HD-2024-0001');
    expect(await optionText(page, 'P2.1')).toBe('Tư vấn, phản biện — 1/16 cuộc');
    // The refreshed view came with the save: no second call.
    expect(s.calls.map((c) => c.fn)).toEqual(['getLogView', 'logEvent']);
    expect(s.calls[1].args).toEqual([
      {
        targetCode: 'P2.1',
        date: '2024-03-05',
        title: 'Phản biện Đề án phát triển du lịch tỉnh',
        quantity: 1,
        location: 'Hội trường LHH',
        partner: 'Sở Văn hóa, Thể thao và Du lịch',
        participants: 45,
        cost: 1250000,
        budgetLineId: '',
        result: '',
        evidenceUrl: '',
      },
    ]);

    const rows = sheetRecords(server.google, 'Hoạt động');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Mã': 'HD-2024-0001', 'Mã chỉ tiêu': 'P2.1', 'Tên hoạt động': 'Phản biện Đề án phát triển du lịch tỉnh', 'Chi phí': 1250000, 'Số người tham dự': 45 });
    expect(rows[0]['Ngày']).toBeInstanceOf(Date);
    expect((rows[0]['Ngày'] as Date).toISOString().slice(0, 10)).toMatch(/^2024-03-0[45]$/);

    // Programme and target kept, the rest cleared.
    expect(await page.inputValue('#programCode')).toBe('P2');
    expect(await page.inputValue('#targetCode')).toBe('P2.1');
    expect(await page.inputValue('#title')).toBe('');
    expect(await page.inputValue('#date')).toBe('');
    expect(await page.inputValue('#cost')).toBe('');
    expect(await page.inputValue('#quantity')).toBe('1');
    // The recent list shows it, dates as dd/mm/yyyy and money with dots.
    const card = page.locator('#recent li').first();
    expect(await card.locator('.date').textContent()).toBe('05/03/2024');
    expect(await card.textContent()).toContain('1.250.000 đ');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'log-sidebar.png'), fullPage: true });
  });

  test('31/02/2024 is refused in the browser: message under the date, nothing sent', async () => {
    const { page } = s;
    await fillEvent(page, { program: 'P2', target: 'P2.1', date: '31/02/2024', title: 'Tọa đàm' });
    const before = s.calls.length;
    await page.click('#save');
    expect(await page.isVisible('#err-date')).toBe(true);
    expect(await page.textContent('#err-date')).toBe('Ngày: Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).');
    expect(await page.getAttribute('#date', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#date')).toBe('31/02/2024');
    expect(s.calls.length).toBe(before);
    expect(sheetRecords(server.google, 'Hoạt động')).toHaveLength(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'log-sidebar-invalid-date.png') });
  });

  test('every field problem is shown next to its field, in Vietnamese', async () => {
    const { page } = s;
    await page.selectOption('#programCode', 'P3');
    await page.fill('#quantity', '0');
    await page.fill('#cost', '1,5');
    await page.fill('#evidenceUrl', 'drive/abc');
    await page.click('#save');
    expect(await page.textContent('#err-targetCode')).toBe('Chỉ tiêu: Bắt buộc nhập.');
    expect(await page.textContent('#err-date')).toBe('Ngày: Bắt buộc nhập.');
    expect(await page.textContent('#err-title')).toBe('Tên hoạt động: Bắt buộc nhập.');
    expect(await page.textContent('#err-quantity')).toBe('Số lượng: Phải lớn hơn 0.');
    expect(await page.textContent('#err-cost')).toBe('Chi phí: Số tiền phải là số nguyên đồng, không âm (ví dụ 1.250.000).');
    expect(await page.textContent('#err-evidenceUrl')).toBe('Liên kết minh chứng: Liên kết phải bắt đầu bằng http:// hoặc https://.');
    expect(s.calls.map((c) => c.fn)).toEqual(['getLogView']);
  });

  test('a date outside the plan year is caught before sending', async () => {
    const { page } = s;
    await fillEvent(page, { program: 'P2', target: 'P2.1', date: '05/03/2023', title: 'Tọa đàm' });
    await page.click('#save');
    expect(await page.textContent('#err-date')).toBe('Ngày: Ngày phải thuộc năm kế hoạch 2024.');
    expect(s.calls.map((c) => c.fn)).toEqual(['getLogView']);
  });

  test('the calendar helper fills the text field', async () => {
    const { page } = s;
    await page.selectOption('#programCode', 'P2');
    await page.selectOption('#targetCode', 'P2.1');
    expect(await page.getAttribute('#date-picker', 'min')).toBe('2024-01-01');
    expect(await page.getAttribute('#date-picker', 'max')).toBe('2024-12-31');
    await page.fill('#date-picker', '2024-04-09');
    expect(await page.inputValue('#date')).toBe('09/04/2024');
  });

  test('edit: Sửa loads the event, saving sends only what changed; Hủy sửa leaves edit mode', async () => {
    const { page } = s;
    await fillEvent(page, { program: 'P2', target: 'P2.1', date: '05/03/2024', title: 'Phản biện dự thảo', cost: '500.000' });
    await page.click('#save');
    await page.waitForSelector('.banner.success');

    await page.click('#recent li[data-id="HD-2024-0001"] button[data-action="edit"]');
    expect(await page.textContent('#form-title')).toBe('Sửa hoạt động');
    expect(await page.inputValue('#title')).toBe('Phản biện dự thảo');
    expect(await page.inputValue('#date')).toBe('05/03/2024');
    expect(await page.inputValue('#cost')).toBe('500.000');
    expect(await page.isVisible('#cancel-edit')).toBe(true);

    await page.fill('#title', 'Phản biện dự thảo Nghị quyết về chuyển đổi số');
    await page.fill('#quantity', '2');
    await page.click('#save');
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toBe('Đã cập nhật hoạt động HD-2024-0001');
    const update = s.calls[s.calls.length - 1];
    expect(update).toEqual({ fn: 'updateEvent', args: ['HD-2024-0001', { title: 'Phản biện dự thảo Nghị quyết về chuyển đổi số', quantity: 2 }] });
    expect(await optionText(page, 'P2.1')).toBe('Tư vấn, phản biện — 2/16 cuộc');
    const rows = sheetRecords(server.google, 'Hoạt động');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Mã': 'HD-2024-0001', 'Tên hoạt động': 'Phản biện dự thảo Nghị quyết về chuyển đổi số', 'Số lượng': 2 });
    expect(await page.textContent('#form-title')).toBe('Ghi nhận hoạt động');

    await page.click('#recent li[data-id="HD-2024-0001"] button[data-action="edit"]');
    await page.click('#cancel-edit');
    expect(await page.textContent('#form-title')).toBe('Ghi nhận hoạt động');
    expect(await page.inputValue('#title')).toBe('');
    expect(await page.isVisible('#cancel-edit')).toBe(false);
  });

  test('cancel: asks for a reason inline, strikes the row through, and the count drops', async () => {
    const { page } = s;
    await fillEvent(page, { program: 'P2', target: 'P2.1', date: '05/03/2024', title: 'Phản biện quy hoạch' });
    await page.click('#save');
    await page.waitForSelector('.banner.success');
    expect(await optionText(page, 'P2.1')).toBe('Tư vấn, phản biện — 1/16 cuộc');

    const card = page.locator('#recent li[data-id="HD-2024-0001"]');
    await card.locator('button[data-action="cancel"]').click();
    await card.locator('button[data-action="confirm-cancel"]').click();
    expect(await card.locator('.err').textContent()).toBe('Lý do hủy: Bắt buộc nhập.');
    expect(s.calls.map((c) => c.fn)).toEqual(['getLogView', 'logEvent']);

    await card.locator('textarea').fill('Ghi trùng với hoạt động khác');
    await card.locator('button[data-action="confirm-cancel"]').click();
    await page.waitForSelector('#recent li.cancelled');
    expect(s.calls[s.calls.length - 1]).toEqual({ fn: 'cancelEvent', args: ['HD-2024-0001', 'Ghi trùng với hoạt động khác'] });
    expect(await page.textContent('#banner')).toBe('Đã hủy hoạt động HD-2024-0001');
    const cancelled = page.locator('#recent li[data-id="HD-2024-0001"]');
    expect(await cancelled.locator('.cancel-reason').textContent()).toBe('Đã hủy: Ghi trùng với hoạt động khác');
    expect(await cancelled.locator('.card-title').evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    expect(await cancelled.locator('button').count()).toBe(0);
    expect(await optionText(page, 'P2.1')).toBe('Tư vấn, phản biện — 0/16 cuộc');
    expect(sheetRecords(server.google, 'Hoạt động')[0]).toMatchObject({ 'Trạng thái': 'Đã hủy', 'Lý do hủy': 'Ghi trùng với hoạt động khác' });
  });

  test('buttons are disabled while a call is in flight, and a second click sends nothing', async () => {
    const { page } = s;
    await fillEvent(page, { program: 'P2', target: 'P2.1', date: '05/03/2024', title: 'Phản biện' });
    s.hold();
    await page.click('#save');
    await page.waitForFunction(() => (document.getElementById('save') as HTMLButtonElement).disabled);
    await page.locator('#title').press('Enter');
    s.release();
    await page.waitForSelector('.banner.success');
    expect(await page.isDisabled('#save')).toBe(false);
    expect(s.calls.filter((c) => c.fn === 'logEvent')).toHaveLength(1);
  });
});

describe('LogSidebar with a failing server', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const view = {
    ok: true,
    year: 2024,
    user: 'a@lhh.example.vn',
    isAdmin: true,
    programs: [{ code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', percent: 0 }],
    targets: [{ code: 'P2.1', programCode: 'P2', name: 'Tư vấn, phản biện', unit: 'cuộc', planned: 16, done: 0, percent: 0, label: 'Tư vấn, phản biện — 0/16 cuộc', minDate: '2024-01-01', maxDate: '2024-12-31' }],
    budgetLines: [],
    recent: [],
  };

  test("the server's field errors and message are shown as the browser's are", async () => {
    const s = await openSidebar(browser, 'LogSidebar', (fn) =>
      fn === 'getLogView' ? view : { ok: false, code: 'invalidInput', message: 'Ngày: Ngày phải thuộc năm kế hoạch 2024.', errors: { date: 'Ngày: Ngày phải thuộc năm kế hoạch 2024.' } },
    );
    const { page } = s;
    await page.waitForSelector('#log-form:not([hidden])');
    await fillEvent(page, { program: 'P2', target: 'P2.1', date: '05/03/2024', title: 'Phản biện' });
    await page.click('#save');
    await page.waitForSelector('.banner.error');
    expect(await page.textContent('#err-date')).toBe('Ngày: Ngày phải thuộc năm kế hoạch 2024.');
    expect(await page.textContent('#banner')).toBe('Ngày: Ngày phải thuộc năm kế hoạch 2024.');
    // The typed values stay for the user to correct.
    expect(await page.inputValue('#title')).toBe('Phản biện');
    await s.close();
  });

  test('a thrown server error or a lost connection reads "Không kết nối được máy chủ…"', async () => {
    const s = await openSidebar(browser, 'LogSidebar', () => {
      throw new Error('Exception: Service unavailable');
    });
    await s.page.waitForSelector('.banner.error');
    expect(await s.page.textContent('#banner')).toMatch(/^Không kết nối được máy chủ/);
    expect(await s.page.isHidden('#log-form')).toBe(true);
    await s.close();
  });

  test('the stand-in refuses a Date argument as Google does', async () => {
    const s = await openSidebar(browser, 'LogSidebar', () => view);
    await s.page.waitForSelector('#log-form:not([hidden])');
    const thrown = await s.page.evaluate(() => {
      try {
        (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }).google.script.run.logEvent({ date: new Date() });
        return '';
      } catch (e) {
        return String((e as Error).message);
      }
    });
    expect(thrown).toBe('Failed due to illegal value in property: 0.date');
    expect(s.refused).toEqual([{ fn: 'logEvent', path: '0.date' }]);
    expect(s.calls.map((c) => c.fn)).toEqual(['getLogView']);
    await s.close();
  });
});
