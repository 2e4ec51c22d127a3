// How many A4 pages the sơ kết 6 tháng takes after the logging story: the document printed by Chromium in Times New Roman metrics.
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { documentHtml } from '../../local/doc-html';
import type { DocJson } from '../../fakes/index';
import { world } from '../support/bundle';
import { launchChromium } from './sidebar-harness';

/** Print rules over the local page view: the document's own margins, and its page breaks as page breaks. */
function printable(doc: DocJson): string {
  const m = doc.margins;
  const css = `<style>
    @page { size: ${doc.pageWidth}pt ${doc.pageHeight}pt; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; }
    html, body { background: #fff; padding: 0 !important; }
    .page { width: auto !important; min-height: 0 !important; padding: 0 !important; box-shadow: none !important; }
    .page-break { break-after: page; border: 0 !important; margin: 0 !important; height: 0; }
  </style>`;
  return documentHtml(doc).replace('</head>', `${css}</head>`);
}

describe('the half-year report after the logging story', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('fits in at most 6 A4 pages, annexes included', async () => {
    const w = world({ now: '2024-07-05T09:00:00+07:00' });
    const events = [
      { targetCode: 'P2.1', date: '2024-02-20', title: 'Phản biện Đề án chuyển đổi số tỉnh Bắc Giang', cost: 3500000 },
      { targetCode: 'P2.1', date: '2024-03-12', title: 'Tư vấn dự thảo Nghị quyết HĐND về KH&CN' },
      { targetCode: 'P2.1', date: '2024-05-08', title: 'Phản biện Quy hoạch vùng trồng vải thiều' },
      { targetCode: 'P3.4', date: '2024-04-10', title: 'Tập huấn kỹ thuật trồng na VietGAP tại Lục Ngạn', quantity: 2 },
      { targetCode: 'P3.1', date: '2024-08-01', title: 'Chuyên mục KH&CN tháng 8 trên Báo Bắc Giang' },
    ];
    for (const e of events) expect(w.call('logEvent', e).ok).toBe(true);
    const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(r.ok).toBe(true);
    const doc = w.google.document(r.docId, { saved: true }) as unknown as DocJson;
    const page = await browser.newPage();
    await page.setContent(printable(doc), { waitUntil: 'load' });
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    // REPORT_PDF=/tmp/x.pdf keeps the PDF to look at (pdftotext -layout).
    if (process.env.REPORT_PDF) writeFileSync(process.env.REPORT_PDF, pdf);
    await page.close();
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
    console.log(`sơ kết 6 tháng after the logging story: ${pages} A4 pages`);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(6);
  });
});
