// The "Kinh phí" sidebar in Chromium against the real bundle: live Thành tiền, saving, stages, overspending.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, bundleServer, launchChromium, openSidebar, sheetRecords, type BundleServer, type SidebarSession } from './sidebar-harness';

const NOW = new Date('2024-06-14T03:00:00Z');

describe('BudgetSidebar', () => {
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
    s = await openSidebar(browser, 'BudgetSidebar', server.run);
    await s.page.waitForSelector('#budget-form:not([hidden])');
  });
  afterEach(async () => {
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.serverErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  test('computes Thành tiền as the user types and saves the line', async () => {
    const { page } = s;
    expect(s.calls.map((c) => c.fn)).toEqual(['getBudgetView']);
    // The fields' limits are the record declaration's, put on the hand-written form.
    expect(await s.page.evaluate(() => ['item', 'unit', 'basis', 'note'].map((id) => (document.getElementById(id) as HTMLInputElement).maxLength))).toEqual([300, 60, 500, 1000]);
    expect(await page.locator('#stage option').allTextContents()).toEqual(['Dự thảo', 'Đã gửi thẩm định', 'Đã thẩm định', 'Đã phê duyệt']);
    await page.selectOption('#programCode', 'P2');
    const targets = await page.locator('#targetCode option').allTextContents();
    expect(targets[0]).toBe('— Chung cho chương trình —');
    expect(targets).toContain('P2.1 Tư vấn, phản biện');
    expect(targets.some((t) => t.startsWith('P3.'))).toBe(false);
    await page.selectOption('#targetCode', 'P2.1');
    await page.fill('#item', 'Chi thù lao chuyên gia phản biện');
    await page.fill('#unit', 'cuộc');
    await page.fill('#quantity', '16');
    await page.fill('#unitPrice', '1250000');
    expect(await page.textContent('#proposed')).toBe('20.000.000 đ');
    await page.locator('#unitPrice').blur();
    expect(await page.inputValue('#unitPrice')).toBe('1.250.000');
    await page.fill('#basis', 'Thông tư 45/2019/TT-BTC');
    // Figures of later stages are not open yet.
    expect(await page.isDisabled('#appraised')).toBe(true);
    expect(await page.isDisabled('#approved')).toBe(true);

    await page.click('#save');
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toBe('Đã lưu dòng kinh phí KP-2024-001');
    expect(s.calls[1]).toEqual({
      fn: 'saveBudgetLine',
      args: [
        {
          programCode: 'P2',
          targetCode: 'P2.1',
          item: 'Chi thù lao chuyên gia phản biện',
          unit: 'cuộc',
          quantity: 16,
          unitPrice: 1250000,
          appraised: null,
          approved: null,
          basis: 'Thông tư 45/2019/TT-BTC',
          stage: 'Dự thảo',
          note: '',
        },
      ],
    });
    const rows = sheetRecords(server.google, 'Kinh phí');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 'Mã': 'KP-2024-001', 'Mã chương trình': 'P2', 'Nội dung chi': 'Chi thù lao chuyên gia phản biện', 'Số lượng': 16, 'Đơn giá': 1250000, 'Giai đoạn': 'Dự thảo' });

    const group = page.locator('section.group[data-program="P2"]');
    expect(await group.locator('h3').textContent()).toBe('P2. Tư vấn, phản biện và Giám định xã hội');
    expect(await group.locator('li[data-id="KP-2024-001"]').textContent()).toContain('20.000.000 đ');
    expect(await page.locator('#totals').textContent()).toContain('20.000.000 đ');
    // The form is ready for the next line of the same programme.
    expect(await page.inputValue('#programCode')).toBe('P2');
    expect(await page.inputValue('#item')).toBe('');
    expect(await page.textContent('#proposed')).toBe('—');
  });

  test('click a line to edit it through the stages; spending beyond the approval is flagged', async () => {
    const { page } = s;
    await page.selectOption('#programCode', 'P3');
    await page.fill('#item', 'Hội nghị tập huấn kỹ thuật');
    await page.fill('#quantity', '10');
    await page.fill('#unitPrice', '5.000.000');
    await page.click('#save');
    await page.waitForSelector('.banner.success');

    await page.click('li[data-id="KP-2024-001"]');
    expect(await page.textContent('#form-title')).toBe('Sửa dòng kinh phí');
    expect(await page.inputValue('#unitPrice')).toBe('5.000.000');
    expect(await page.textContent('#proposed')).toBe('50.000.000 đ');
    await page.selectOption('#stage', 'Đã phê duyệt');
    expect(await page.isDisabled('#appraised')).toBe(false);
    expect(await page.isDisabled('#approved')).toBe(false);
    await page.fill('#appraised', '45.000.000');
    await page.fill('#approved', '4.000.000');
    await page.click('#save');
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toBe('Đã cập nhật dòng kinh phí KP-2024-001');
    expect(s.calls[s.calls.length - 1].args[0]).toMatchObject({ id: 'KP-2024-001', stage: 'Đã phê duyệt', appraised: 45000000, approved: 4000000 });
    expect(sheetRecords(server.google, 'Kinh phí')).toHaveLength(1);

    // An event charged to the line spends more than UBND approved.
    const logged = (await server.run('logEvent', [{ targetCode: 'P3.4', date: '2024-05-10', title: 'Tập huấn kỹ thuật trồng vải thiều', cost: 4500000, budgetLineId: 'KP-2024-001' }])) as { ok: boolean };
    expect(logged.ok).toBe(true);
    await page.reload();
    await page.waitForSelector('#budget-form:not([hidden])');
    const line = page.locator('li[data-id="KP-2024-001"]');
    expect(await line.locator('.flag').textContent()).toBe('Chi vượt phê duyệt');
    expect(await line.textContent()).toContain('4.500.000 đ');
    expect(await page.locator('#totals').textContent()).toContain('-500.000 đ');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.selectOption('#programCode', 'P3');
    await page.fill('#item', 'Hội thảo khoa học');
    await page.fill('#quantity', '5');
    await page.fill('#unitPrice', '12.000.000');
    await page.screenshot({ path: join(ARTIFACTS, 'budget-sidebar.png'), fullPage: true });
  });

  test('bad amounts are caught in the browser with the shared schema', async () => {
    const { page } = s;
    await page.fill('#quantity', '0');
    await page.fill('#unitPrice', '1,5 triệu');
    await page.click('#save');
    expect(await page.textContent('#err-item')).toBe('Nội dung chi: Bắt buộc nhập.');
    expect(await page.textContent('#err-quantity')).toBe('Số lượng: Phải lớn hơn 0.');
    expect(await page.textContent('#err-unitPrice')).toBe('Đơn giá: Số tiền phải là số nguyên đồng, không âm (ví dụ 1.250.000).');
    expect(s.calls.map((c) => c.fn)).toEqual(['getBudgetView']);
  });
});
