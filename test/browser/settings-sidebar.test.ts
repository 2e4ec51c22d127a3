// The "Cài đặt" sidebar in Chromium against the real bundle on in-memory Google services.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { runEntry } from '../../fakes/harness';
import { ARTIFACTS, bundleServer, launchChromium, openSidebar, sheetRecords, type BundleServer, type ServerRunner, type SidebarSession } from './sidebar-harness';

const NOW = new Date('2024-07-05T03:00:00Z');
const ADMIN = 'admin@lhh.example.vn';
const STAFF = 'canbo@lhh.example.vn';
const SO_KHCN = 'sokhcn@bacgiang.gov.vn';

type View = { ok: boolean; settings: Record<string, any>; trigger: Record<string, string> | null; attention: unknown[] };

describe('SettingsSidebar (admin)', () => {
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
  });
  afterEach(async () => {
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    expect(s.maxInFlight()).toBeLessThanOrEqual(10);
    await s.close();
  });

  const open = async () => {
    s = await openSidebar(browser, 'SettingsSidebar', server.run);
    await s.page.waitForSelector('#content:not([hidden])');
    await s.settle();
    return s.page;
  };

  test('loads everything with one call', async () => {
    const page = await open();
    expect(s.calls.map((c) => c.fn)).toEqual(['getSettings']);
    expect(await page.inputValue('#orgName')).toBe('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang');
    expect(await page.inputValue('#orgCode')).toBe('LHH');
    expect(await page.inputValue('#decision-number')).toBe('1731/QĐ-UBND');
    expect(await page.inputValue('#decision-date')).toBe('13/11/2023');
    expect(await page.inputValue('#admins')).toBe(ADMIN);
    expect(await page.inputValue('#schedule-hour')).toBe('7');
    expect(await page.inputValue('#schedule-weeklyDay')).toBe('0');
    expect(await page.locator('#schedule-weeklyDay option').allTextContents()).toEqual(['Tắt', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật']);
    expect(await page.textContent('#trigger-info')).toBe('Lịch gửi tự động đang tắt.');
    expect(await page.textContent('#next-BC')).toBe('01/BC-LHH');
    expect(await page.textContent('#next-TTr')).toBe('01/TTr-LHH');
    expect(await page.isVisible('#readonly-note')).toBe(false);
    expect(await page.isVisible('#attention-section')).toBe(false);
    expect(await page.isEnabled('#orgName')).toBe(true);
  });

  test('change the hour and the recipients, save: only the changes are sent, the trigger is shown', async () => {
    const page = await open();
    await page.check('#schedule-enabled');
    await page.selectOption('#schedule-hour', '8');
    await page.fill('#reportRecipients', `SoKHCN@BacGiang.gov.vn\nvanthu@bacgiang.gov.vn`);
    expect(await page.isVisible('#dirty-note')).toBe(true);
    expect(await page.textContent('#owner-change')).toBe(`Khi lưu, lịch gửi tự động sẽ chạy dưới tài khoản của bạn (${ADMIN}).`);
    await page.click('#save');
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toBe('Đã lưu cài đặt.');
    expect(s.calls[1]).toEqual({
      fn: 'saveSettings',
      args: [{ reportRecipients: ['SoKHCN@BacGiang.gov.vn', 'vanthu@bacgiang.gov.vn'], schedule: { enabled: true, hour: 8 } }],
    });
    // The server's normalised copy comes back into the form.
    expect(await page.inputValue('#reportRecipients')).toBe(`${SO_KHCN}\nvanthu@bacgiang.gov.vn`);
    expect(await page.isVisible('#dirty-note')).toBe(false);
    expect(await page.textContent('#trigger-info')).toBe(`Lịch gửi tự động chạy dưới tài khoản ${ADMIN} (bạn), lần chạy gần nhất chưa có, kết quả: —.`);

    const stored = server.run('getSettings', []) as View;
    expect(stored.settings.schedule).toEqual({ enabled: true, hour: 8, weeklyDay: 0, monthlyDay: 0, formalReports: true });
    expect(stored.settings.reportRecipients).toEqual([SO_KHCN, 'vanthu@bacgiang.gov.vn']);
    expect(stored.trigger).toMatchObject({ owner: ADMIN });
    expect(sheetRecords(server.google, 'Nhật ký').some((r) => Object.values(r).includes('Sửa cài đặt'))).toBe(true);

    // A viewport as tall as the page, so the sticky "Lưu" bar sits where it ends rather than mid-picture.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 300, height });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'settings-sidebar.png'), fullPage: true });

    await page.click('#save');
    expect(await page.textContent('#banner')).toBe('Không có thay đổi nào để lưu.');
    expect(s.calls.filter((c) => c.fn === 'saveSettings')).toHaveLength(1);
  });

  test('a bad email is named next to its field, and nothing is saved', async () => {
    const page = await open();
    await page.fill('#reportRecipients', 'sokhcn@bacgiang');
    await page.click('#save');
    expect(await page.textContent('#err-reportRecipients')).toBe('Email Sở KH&CN: Địa chỉ email không hợp lệ: sokhcn@bacgiang.');
    expect(await page.getAttribute('#reportRecipients', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#banner')).toBe('Dữ liệu chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.');
    expect(s.calls.map((c) => c.fn)).toEqual(['getSettings']);

    await page.fill('#reportRecipients', SO_KHCN);
    await page.fill('#decision-date', '31/02/2023');
    await page.fill('#admins', '');
    await page.click('#save');
    expect(await page.isVisible('#err-reportRecipients')).toBe(false);
    expect(await page.textContent('#err-decision')).toBe('Quyết định giao nhiệm vụ: Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).');
    expect(await page.textContent('#err-admins')).toBe('Quản trị viên: Cần ít nhất một địa chỉ.');
    expect(s.calls.map((c) => c.fn)).toEqual(['getSettings']);
    expect((server.run('getSettings', []) as View).settings.reportRecipients).toEqual([]);
  });

  test('next numbers: set, refused below what was issued, left blank for the văn thư', async () => {
    server.run('generateReport', [{ kind: 'progress', from: '2024-01-01', to: '2024-03-31' }]);
    server.run('generateReport', [{ kind: 'progress', from: '2024-04-01', to: '2024-06-30' }]);
    const page = await open();
    expect(await page.textContent('#next-BC')).toBe('03/BC-LHH');
    expect(await page.inputValue('#set-BC')).toBe('3');
    await page.fill('#set-BC', '12');
    await page.click('#apply-BC');
    await page.waitForSelector('.banner.success');
    expect(s.calls[1]).toEqual({ fn: 'setNextNumber', args: [{ type: 'BC', next: 12 }] });
    expect(await page.textContent('#next-BC')).toBe('12/BC-LHH');
    expect(await page.textContent('#banner')).toBe('Số báo cáo tiếp theo: 12/BC-LHH.');

    await page.fill('#set-BC', '2');
    await page.click('#apply-BC');
    await page.waitForSelector('.banner.info');
    expect(await page.textContent('#banner')).toBe('Số 2 đã được dùng trong Sổ văn bản; số báo cáo tiếp theo là 03/BC-LHH.');

    await page.fill('#set-TTr', 'abc');
    await page.click('#apply-TTr');
    expect(await page.textContent('#err-nextNumber-TTr')).toBe('Số tiếp theo: Phải lớn hơn 0.');
    await page.click('#blank-TTr');
    await page.waitForSelector('.banner.success');
    expect(s.calls[s.calls.length - 1]).toEqual({ fn: 'setNextNumber', args: [{ type: 'TTr', next: null }] });
    expect(await page.textContent('#next-TTr')).toBe('để trống (văn thư điền)');
  });

  test('a draft waiting for review is listed with Mở and Gửi Sở KH&CN; sending it clears the list', async () => {
    server.run('saveSettings', [{ reportRecipients: [SO_KHCN], schedule: { enabled: true } }]);
    // The scheduled sơ kết after 30/06 is drafted for the admins' review.
    expect(server.menu('runScheduledReports', [{}])).toMatchObject({ ok: true, outcomes: [{ key: 'half:2024', outcome: 'review' }] });
    const page = await open();
    expect(await page.textContent('#trigger-info')).toBe(
      `Lịch gửi tự động chạy dưới tài khoản ${ADMIN} (bạn), lần chạy gần nhất 05/07/2024 10:00, kết quả: Sơ kết 6 tháng đầu năm 2024 (01/BC-LHH): đã gửi quản trị viên duyệt.`,
    );
    const card = page.locator('#attention li').first();
    expect(await page.locator('#attention li').count()).toBe(1);
    expect(await card.locator('.state').textContent()).toBe('Chờ duyệt');
    expect(await card.locator('a[data-action="open"]').getAttribute('target')).toBe('_blank');
    await card.locator('button[data-action="send"]').click();
    expect(await card.locator('.question').textContent()).toBe(`Gửi báo cáo số 01/BC-LHH đến ${SO_KHCN}?`);
    const mailsBefore = server.google.outbox.length;
    await card.locator('button[data-action="confirm-send"]').click();
    await page.waitForSelector('.banner.success');
    expect(await page.textContent('#banner')).toBe(`Đã gửi báo cáo số 01/BC-LHH đến ${SO_KHCN}.`);
    const send = s.calls.find((c) => c.fn === 'sendReport');
    expect(send?.args).toEqual([{ kind: 'progress', docId: expect.any(String) }]);
    const mails = server.google.outbox.slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe(SO_KHCN);
    expect(mails[0].attachments[0].contentType).toBe('application/pdf');
    expect(await page.isVisible('#attention-section')).toBe(false);
  });
});

describe('SettingsSidebar (not an admin)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('sees everything read-only, with no way to save, renumber or send', async () => {
    const server = bundleServer({ now: () => NOW });
    server.run('saveSettings', [{ schedule: { enabled: true } }]);
    server.menu('runScheduledReports', [{}]);
    const asStaff: ServerRunner = (fn, args) => runEntry(server.google, server.code, fn, args, { kind: 'sidebar', user: STAFF });
    const s = await openSidebar(browser, 'SettingsSidebar', asStaff);
    const { page } = s;
    await page.waitForSelector('#content:not([hidden])');
    await s.settle();
    expect(await page.isVisible('#readonly-note')).toBe(true);
    expect(await page.textContent('#readonly-note')).toBe('Chỉ quản trị viên được sửa cài đặt.');
    expect(await page.inputValue('#orgName')).toBe('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang');
    for (const id of ['#orgName', '#reportRecipients', '#decision-date', '#schedule-hour', '#schedule-enabled', '#admins']) {
      expect(await page.isDisabled(id)).toBe(true);
    }
    expect(await page.isVisible('#save')).toBe(false);
    expect(await page.isVisible('#set-BC')).toBe(false);
    expect(await page.isVisible('#blank-TTr')).toBe(false);
    expect(await page.textContent('#next-BC')).toBe('02/BC-LHH');
    expect(await page.textContent('#trigger-info')).toContain(`dưới tài khoản ${ADMIN}, lần chạy gần nhất`);
    expect(await page.locator('#attention li').count()).toBe(1);
    expect(await page.locator('#attention a[data-action="open"]').count()).toBe(1);
    expect(await page.locator('#attention button').count()).toBe(0);
    expect(s.calls.map((c) => c.fn)).toEqual(['getSettings']);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  test("the server's errors map lands next to the fields it names", async () => {
    const server = bundleServer({ now: () => NOW });
    const real = server.run;
    const stub: ServerRunner = (fn, args) =>
      fn === 'saveSettings'
        ? { ok: false, code: 'invalidInput', message: 'Lịch gửi: Giờ gửi phải từ 0 đến 23.', errors: { schedule: 'Lịch gửi: Giờ gửi phải từ 0 đến 23.', budgetRecipients: 'Email Sở Tài chính: Địa chỉ email không hợp lệ: x.' } }
        : real(fn, args);
    const s = await openSidebar(browser, 'SettingsSidebar', stub);
    const { page } = s;
    await page.waitForSelector('#content:not([hidden])');
    await page.selectOption('#schedule-hour', '9');
    await page.click('#save');
    await page.waitForSelector('.banner.error');
    expect(await page.textContent('#err-schedule')).toBe('Lịch gửi: Giờ gửi phải từ 0 đến 23.');
    expect(await page.textContent('#err-budgetRecipients')).toBe('Email Sở Tài chính: Địa chỉ email không hợp lệ: x.');
    expect(await page.textContent('#banner')).toBe('Lịch gửi: Giờ gửi phải từ 0 đến 23.');
    expect(await page.inputValue('#schedule-hour')).toBe('9');
    await s.close();
  });
});
