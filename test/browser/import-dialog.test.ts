// The "Nhập kế hoạch từ quyết định" dialog in Chromium against the real bundle: read, check, edit, apply, apply again.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runEntry } from '../../fakes/harness';
import { ARTIFACTS, ROOT, bundleServer, launchChromium, openSidebar, sheetRecords, type BundleServer, type SidebarSession } from './sidebar-harness';

const NOW = new Date('2024-06-14T03:00:00Z');
const SEED = readFileSync(join(ROOT, 'test', 'fixtures', 'decisions', 'QD-1731-QD-UBND-2023-BacGiang.txt'), 'utf8');
const WARNINGS_2025 = readFileSync(join(ROOT, 'test', 'fixtures', 'decisions', 'PL-unnumbered-2025-warnings.txt'), 'utf8');
const SIZE = { width: 1000, height: 680 };

const cell = (page: Page, code: string, field: string) => page.locator(`#targets tr.target[data-code="${code}"] [data-field="${field}"]`);
const cellError = (page: Page, code: string, field: string) => page.locator(`#targets tr.target[data-code="${code}"] td.c-${field} .err`);

async function readDecision(page: Page, text: string, year = ''): Promise<void> {
  await page.fill('#text', text);
  if (year) await page.fill('#year', year);
  await page.click('#read');
  await page.waitForSelector('#step-check:not([hidden])');
}

function targetRow(server: BundleServer, year: number, code: string): Record<string, unknown> | undefined {
  return sheetRecords(server.google, 'Chỉ tiêu').find((r) => r['Năm'] === year && r['Mã'] === code);
}

describe('ImportDialog', () => {
  let browser: Browser;
  let server: BundleServer;
  let s: SidebarSession;

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(() => {
    server = bundleServer({ now: () => NOW });
  });
  afterEach(async () => {
    // Whatever the story, nothing Google refuses crossed google.script.run, and the page raised nothing.
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.serverErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  test('QĐ 1731 on the seeded 2024 plan: five programmes, edit a quantity, see the difference, apply; applying again changes nothing', async () => {
    s = await openSidebar(browser, 'ImportDialog', server.run, SIZE);
    const { page } = s;
    await readDecision(page, SEED);

    const info = await page.textContent('#decision');
    expect(info).toContain('1731/QĐ-UBND');
    expect(info).toContain('13/11/2023');
    expect(info).toContain('Chủ tịch UBND tỉnh');
    expect(await page.locator('#programs tbody tr').count()).toBe(5);
    expect(await page.locator('#programs tbody [data-field="code"]').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    // Warnings, when the parser has any, are listed with their sentence; none are hidden.
    const preview = (await server.run('importDecision', [SEED, {}])) as { warnings: { sentence: string }[] };
    expect(await page.locator('#warning-list li').count()).toBe(preview.warnings.length);
    expect(await page.isVisible('#warnings')).toBe(preview.warnings.length > 0);

    expect(await cell(page, 'P2.1', 'quantity').inputValue()).toBe('16');
    expect(await cell(page, 'P2.1', 'unit').inputValue()).toBe('cuộc');
    expect(await page.locator('#targets tr.target[data-code="P2.1"] + tr.source-row').textContent()).toContain('Tổ chức 16 cuộc tư vấn, phản biện');
    // The year has a plan: the dialog says so before anything is applied.
    expect(await page.textContent('#diff-title')).toBe('Năm 2024 đã có kế hoạch: so sánh theo mã chỉ tiêu');

    await cell(page, 'P2.1', 'quantity').fill('20');
    await page.click('#apply');
    await page.waitForSelector('#apply:text("Xác nhận áp dụng")');
    expect(await page.locator('#diff-list .diff-changes li', { has: page.locator('[data-code="P2.1"]') }).textContent()).toMatch(/^[^:]*Số lượng[^:]*: .*P2\.1/);
    expect(await page.getAttribute('#targets tr.target[data-code="P2.1"] td.c-quantity', 'class')).toContain('cell-changed');
    // Nothing written before the user confirms.
    expect(targetRow(server, 2024, 'P2.1')!['Số lượng']).toBe(16);
    await page.screenshot({ path: join(ARTIFACTS, 'import-dialog.png') });

    await page.click('#apply');
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toMatch(/^Đã áp dụng kế hoạch năm 2024: thêm 0 chỉ tiêu; cập nhật \d+ chỉ tiêu\.$/);
    expect(targetRow(server, 2024, 'P2.1')!['Số lượng']).toBe(20);
    expect(await page.textContent('#apply')).toBe('Áp dụng');

    await page.click('#apply');
    await page.waitForSelector('#banner:text("Không có gì thay đổi")');
    expect(await page.textContent('#banner')).toBe('Không có gì thay đổi: kế hoạch năm 2024 đã đúng như bảng.');
    const keys = sheetRecords(server.google, 'Chỉ tiêu').map((r) => `${r['Năm']}|${r['Mã']}`);
    expect(new Set(keys).size).toBe(keys.length);

    // What crossed google.script.run: the same text each time, plain JSON, dates as YYYY-MM-DD.
    expect(s.calls.map((c) => c.fn)).toEqual(['importDecision', 'importDecision', 'importDecision', 'importDecision', 'importDecision']);
    const [, check, apply, , again] = s.calls;
    for (const c of s.calls) expect(c.args[0]).toBe(SEED.normalize('NFC'));
    expect(check.args[1]).toMatchObject({ year: 2024 });
    expect((check.args[1] as { apply?: boolean }).apply).toBeUndefined();
    expect(apply.args[1]).toMatchObject({ apply: true, year: 2024, activate: false });
    const sent = (apply.args[1] as { edits: { targets: Record<string, unknown>[] } }).edits.targets;
    expect(sent.find((t) => t.code === 'P2.1')).toMatchObject({ code: 'P2.1', programCode: 'P2', quantity: 20, unit: 'cuộc', qualifier: 'exact', dueDate: null, endYear: 2024 });
    expect(again.args[1]).toMatchObject({ apply: true, year: 2024 });

    // Đóng closes the dialog through Google's host.
    await page.evaluate(() => {
      const g = (window as unknown as { google: { script: { host: { close(): void } } }; __closed?: boolean });
      g.google.script.host.close = () => {
        (window as unknown as { __closed: boolean }).__closed = true;
      };
    });
    await page.locator('#apply-bar .close-btn').click();
    expect(await page.evaluate(() => (window as unknown as { __closed?: boolean }).__closed)).toBe(true);
  });

  test('a 2025 appendix with warnings: every sentence shown, bad cells marked, rows deleted and added, applied as the current plan', async () => {
    s = await openSidebar(browser, 'ImportDialog', server.run, SIZE);
    const { page } = s;
    await readDecision(page, WARNINGS_2025, '2025');

    expect(await page.isVisible('#warnings')).toBe(true);
    const warnings = await page.locator('#warning-list li').allTextContents();
    expect(warnings.some((w) => w.includes('Phấn đấu 85% hội viên được tiếp cận thông tin khoa học.'))).toBe(true);
    expect(warnings.some((w) => w.includes('- Tổ chức 02 hội nghị sơ kết, tổng kết.'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('Không tìm thấy số, ngày của quyết định'))).toBe(true);
    expect(await page.textContent('#decision')).toContain('(không tìm thấy)');
    expect(await page.textContent('#diff-title')).toBe('Năm 2025 chưa có kế hoạch');
    await page.screenshot({ path: join(ARTIFACTS, 'import-dialog-warnings.png') });

    // Bad cells: refused by the server, shown under the cells, nothing written.
    const before = sheetRecords(server.google, 'Chỉ tiêu').length;
    await cell(page, 'P1.2', 'quantity').fill('0');
    await cell(page, 'P1.2', 'dueDate').fill('31/02/2025');
    await page.click('#apply');
    await page.waitForSelector('.banner.error');
    expect(await cellError(page, 'P1.2', 'quantity').textContent()).toBe('Phải lớn hơn 0.');
    expect(await cellError(page, 'P1.2', 'dueDate').textContent()).toBe('Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).');
    expect(await cell(page, 'P1.2', 'quantity').getAttribute('aria-invalid')).toBe('true');
    expect(await page.textContent('#banner')).toBe('Dữ liệu chưa hợp lệ ở 2 ô được đánh dấu đỏ; chưa áp dụng gì.');
    expect(sheetRecords(server.google, 'Chỉ tiêu').length).toBe(before);

    // Fix them, drop the "85%" row the user judges not a target, add the "02 hội nghị" the parser could not place.
    await cell(page, 'P1.2', 'quantity').fill('4');
    await cell(page, 'P1.2', 'dueDate').fill('30/11/2025');
    await page.click('#targets tr.target[data-code="P1.1"] button[data-action="delete"]');
    await page.click('#add-target');
    const added = page.locator('#targets tr.target').last();
    expect(await added.locator('[data-field="code"]').inputValue()).toBe('P1.3');
    await added.locator('[data-field="name"]').fill('Hội nghị sơ kết, tổng kết');
    await added.locator('[data-field="content"]').fill('Tổ chức 02 hội nghị sơ kết, tổng kết.');
    await added.locator('[data-field="quantity"]').fill('2');
    await added.locator('[data-field="unit"]').fill('hội nghị');
    await page.check('#activate');
    expect(await page.textContent('#activate-label')).toContain('năm 2025');
    await page.click('#apply');
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toMatch(/^Đã áp dụng kế hoạch năm 2025: thêm \d+ chương trình, 2 chỉ tiêu; cập nhật 0 chỉ tiêu; đã dùng làm kế hoạch hiện hành\.$/);

    const apply = s.calls[s.calls.length - 1];
    expect(apply.args[1]).toMatchObject({ apply: true, year: 2025, activate: true });
    const sent = (apply.args[1] as { edits: { targets: Record<string, unknown>[] } }).edits.targets;
    expect(sent.map((t) => t.code)).toEqual(['P1.2', 'P1.3']);
    expect(sent[0]).toMatchObject({ quantity: 4, dueDate: '2025-11-30' });
    expect(targetRow(server, 2025, 'P1.1')).toBeUndefined();
    expect(targetRow(server, 2025, 'P1.3')).toMatchObject({ 'Tên chỉ tiêu': expect.anything() });
    const settings = (await server.run('getSettings', [])) as { settings: { planYear: number } };
    expect(settings.settings.planYear).toBe(2025);

    // Back to step 1 keeps the text for another try.
    await page.click('#back');
    expect(await page.isVisible('#step-read')).toBe(true);
    expect(await page.inputValue('#text')).toContain('Phấn đấu 85% hội viên');
  });

  test('a user who is not an admin gets the server refusal and nothing is written', async () => {
    const asStaff = (fn: string, args: unknown[]) => runEntry(server.google, server.code, fn, args, { kind: 'sidebar', user: 'canbo@lhh.example.vn' });
    s = await openSidebar(browser, 'ImportDialog', asStaff, SIZE);
    const { page } = s;
    await readDecision(page, WARNINGS_2025, '2025');
    const before = JSON.stringify(sheetRecords(server.google, 'Chỉ tiêu'));
    await page.click('#apply');
    await page.waitForSelector('.banner.error');
    expect(await page.textContent('#banner')).toBe('Chỉ quản trị viên mới được thực hiện thao tác này. Liên hệ quản trị viên của bảng tính.');
    expect(JSON.stringify(sheetRecords(server.google, 'Chỉ tiêu'))).toBe(before);
  });

  test('an empty paste or a bad year is refused before any call', async () => {
    s = await openSidebar(browser, 'ImportDialog', server.run, SIZE);
    const { page } = s;
    await page.fill('#year', '24');
    await page.click('#read');
    expect(await page.textContent('#err-text')).toBe('Nội dung quyết định: Bắt buộc nhập.');
    expect(await page.textContent('#err-year')).toBe('Năm kế hoạch: Nhập 4 chữ số, ví dụ 2025.');
    expect(s.calls).toEqual([]);
  });
});
