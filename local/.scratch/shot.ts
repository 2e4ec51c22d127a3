import { chromium } from 'playwright-core';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
  p.on('console', (m) => console.log('console', m.type(), m.text()));
  p.on('pageerror', (e) => console.log('pageerror', e.message));
  await p.goto(process.argv[2] ?? 'http://127.0.0.1:8799/');
  await p.waitForSelector('body[data-ready=true]');
  await p.click('#menu-ext'); await p.getByRole('menuitem', { name: 'LHH Tracker' }).click();
  await p.screenshot({ path: '/tmp/proto/s1.png' });
  await p.click('[data-fn=showLogSidebar]');
  await p.frameLocator('#sidebar-frame').locator('#log-form').waitFor();
  await p.getByRole('tab', { name: 'Chỉ tiêu' }).click();
  await p.waitForTimeout(500);
  await p.screenshot({ path: '/tmp/proto/s2.png' });
  await b.close();
})();
