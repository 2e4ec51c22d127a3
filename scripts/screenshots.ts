// Screenshots for docs/screenshots/ from the local page (npm start) in Chromium: report sidebar with a draft, Nhật ký, triggers.
// Run: npm run screenshots (builds first). A văn thư's morning on 05/07/2024, then the clock moved a week.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../local/server';
import { LOCAL_USER } from '../local/state';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function settle(page: Page): Promise<void> {
  const f = page.frames().find((x) => /\/sidebar\//.test(x.url()));
  if (f) await f.waitForFunction(() => (document.documentElement.dataset.gasInFlight ?? '0') === '0');
  await page.waitForFunction(() => !document.body.hasAttribute('aria-busy'));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const stateDir = mkdtempSync(join(tmpdir(), 'lhh-shots-'));
  const srv = await startServer({ port: 0, stateDir, reset: true, setup: true, quiet: true, now: '2024-07-05T09:00:00+07:00' });
  const as = { kind: 'sidebar' as const, user: LOCAL_USER };
  const run = (fn: string, ...args: unknown[]) => {
    const o = srv.state.run(fn, args, as);
    const v = o.value as { ok?: boolean; message?: string } | undefined;
    if (!o.ok || (v && v.ok === false)) throw new Error(`${fn}: ${v?.message || o.error}`);
    return o.value;
  };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
  try {
    // What the office did this half-year, as the sidebars would send it.
    run('saveSettings', { reportRecipients: ['sokhcn@bacgiang.gov.vn'], signerName: 'Nguyễn Văn An', schedule: { enabled: true, hour: 7, weeklyDay: 5, monthlyDay: 1, formalReports: true } });
    run('logEvent', { targetCode: 'P2.1', date: '2024-03-12', title: 'Tư vấn, phản biện Đề án phát triển cây ăn quả', quantity: 2, cost: '1.250.000' });
    run('logEvent', { targetCode: 'P3.4', date: '2024-04-20', title: 'Hội nghị tập huấn kỹ thuật trồng vải thiều', quantity: 1 });
    run('logEvent', { targetCode: 'P3.5', date: '2024-05-15', title: 'Hội thảo khoa học về chuyển đổi số trong nông nghiệp', quantity: 1, cost: '3.500.000' });
    run('updateEvent', 'HD-2024-0002', { date: '2024-04-22', quantity: 2 });
    run('cancelEvent', 'HD-2024-0003', 'Hội thảo dời sang quý III');
    run('saveBudgetLine', { programCode: 'P2', item: 'Chi tư vấn, phản biện', quantity: 2, unitPrice: '40.000.000', stage: 'Dự thảo' });
    run('saveBudgetLine', { id: 'KP-2024-001', programCode: 'P2', item: 'Chi tư vấn, phản biện', quantity: 2, unitPrice: '40.000.000', stage: 'Đã gửi thẩm định' });
    // A row typed straight into "Hoạt động".
    for (const [c, v] of [[3, 'P2.1'], [4, '28/06/2024'], [5, 'Phản biện dự thảo Quy hoạch tỉnh'], [6, '1']] as const) srv.state.edit('Hoạt động', 5, c, v);
    run('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });

    const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await page.goto(srv.url);
    await page.waitForSelector('body[data-ready="true"]');

    // 1. "Báo cáo" reopened for the half-year that already has its draft.
    await page.getByRole('menuitem', { name: 'Tiện ích mở rộng' }).click();
    await page.getByRole('menuitem', { name: 'LHH Tracker' }).click();
    await page.getByRole('menuitem', { name: 'Báo cáo', exact: true }).click();
    await settle(page);
    const sb = page.frameLocator('#sidebar-frame');
    await sb.locator('#report-form:not([hidden])').waitFor();
    await sb.locator('#kind').selectOption('progress');
    await sb.locator('#periodKind').selectOption('half');
    await settle(page);
    await sb.locator('#existing:not([hidden])').waitFor();
    await page.screenshot({ path: join(OUT, 'report-sidebar-existing-draft.png') });

    // 2. The triggers page after a week: the runs in Vietnamese.
    await page.locator('#sidebar-close').click();
    await settle(page);
    await page.getByRole('tab', { name: /Trình kích hoạt/ }).click();
    await page.getByRole('button', { name: '+1 tuần' }).click();
    await settle(page);
    await page.locator('#fire-results .fire').first().waitFor();
    await page.screenshot({ path: join(OUT, 'triggers.png'), fullPage: true });

    // 3. Nhật ký as the page shows the sheet, the week's scheduled runs included.
    await page.getByRole('tab', { name: 'Trang tính' }).click();
    await page.locator('#sheet-tabs').getByRole('tab', { name: 'Nhật ký', exact: true }).click();
    await settle(page);
    await page.waitForFunction(() => document.getElementById('grid')?.getAttribute('aria-label') === 'Trang tính Nhật ký');
    await page.screenshot({ path: join(OUT, 'nhat-ky.png') });

    // The cancelled event greyed in "Hoạt động", id column frozen.
    await page.getByRole('tab', { name: 'Trang tính' }).click();
    await page.locator('#sheet-tabs').getByRole('tab', { name: 'Hoạt động', exact: true }).click();
    await settle(page);
    await page.screenshot({ path: join(OUT, 'hoat-dong.png') });
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await srv.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
