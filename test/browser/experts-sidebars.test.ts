// The "Chuyên gia, hội thành viên" and "Tư vấn, phản biện" sidebars in Chromium: search without diacritics, add, paste, then a dossier through its panel to the answer sent.
import type { Browser } from 'playwright-core';
import { bundleServer, launchChromium, openSidebar, sheetRecords, type BundleServer } from './sidebar-harness';

const NOW = new Date('2024-04-25T02:00:00Z');

describe('ExpertsSidebar and DossierSidebar', () => {
  let browser: Browser;
  let server: BundleServer;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(() => {
    server = bundleServer({ now: () => NOW });
    for (const o of [
      { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', email: 'stnmt@bacgiang.gov.vn' },
      { code: 'DHNL', name: 'Trường Đại học Nông Lâm Bắc Giang' },
    ])
      expect((server.run('saveOrganisation', [o]) as { ok: boolean }).ok).toBe(true);
  });

  test('experts: add one with her contact, find her typing "nguyen van" without diacritics, and a pasted list with a bad row is refused line by line', async () => {
    expect((server.run('saveExpert', [{ name: 'Nguyễn Văn Đức', degree: 'TS', fields: ['Quản lý đất đai'], workplaceCode: 'STNMT', consent: true }]) as { ok: boolean }).ok).toBe(true);
    const s = await openSidebar(browser, 'ExpertsSidebar', server.run);
    const { page } = s;
    await page.locator('#results li[data-code="CG-0001"]').waitFor();
    await page.click('#tab-expert');
    await page.fill('#name', 'Trần Thị Bình');
    await page.selectOption('#academicTitle', 'PGS');
    await page.selectOption('#degree', 'TS');
    await page.selectOption('#fields', ['Quản lý đất đai', 'Nông nghiệp']);
    await page.selectOption('#workplaceCode', 'DHNL');
    await page.check('#consent');
    expect(await page.isVisible('#contact-box')).toBe(true);
    await page.fill('#phone', '0987 333 444');
    await page.fill('#email', 'sai-email');
    await page.click('#save-expert');
    await s.settle();
    expect(await page.textContent('#err-email')).toBe('Email: Địa chỉ email không hợp lệ: sai-email.');
    await page.fill('#email', 'binh.tt@example.vn');
    await page.click('#save-expert');
    await s.settle();
    expect(await page.textContent('#banner')).toBe('Đã lưu chuyên gia CG-0002.');
    expect(sheetRecords(server.google, 'Chuyên gia').map((r) => [r['Mã chuyên gia'], r['Họ và tên'], r['Lĩnh vực'], r['Đồng ý tham gia']])).toEqual([
      ['CG-0001', 'Nguyễn Văn Đức', 'Quản lý đất đai', 'Có'],
      ['CG-0002', 'Trần Thị Bình', 'Quản lý đất đai; Nông nghiệp', 'Có'],
    ]);

    await page.click('#tab-search');
    await page.fill('#q', 'nguyen van');
    await page.waitForFunction(() => document.querySelector('#results li')?.getAttribute('data-code') === 'CG-0001');
    await s.settle();
    expect(await page.locator('#results li .card-title').allTextContents()).toEqual(['TS. Nguyễn Văn Đức']);
    await page.fill('#q', 'binh');
    await page.waitForFunction(() => document.querySelector('#results li')?.getAttribute('data-code') === 'CG-0002');
    await s.settle();
    await page.click('#results li[data-code="CG-0002"] button[data-action="contact"]');
    await s.settle();
    expect(await page.textContent('#results li[data-code="CG-0002"] .contact')).toBe('0987 333 444 · binh.tt@example.vn');

    await page.click('#tab-paste');
    await page.fill('#pasteText', 'Họ và tên\tHọc vị\tLĩnh vực\tEmail\nVũ Thị Mai\tThS\tNông nghiệp\tmai@example.vn\n\tTS\tY tế\t');
    await page.click('#paste-add');
    await s.settle();
    expect(await page.textContent('#banner')).toBe('Có 1 lỗi trong danh sách dán (dòng 3: Tên: Bắt buộc nhập.). Chưa thêm ai; hãy sửa rồi nhập lại.');
    await page.fill('#pasteText', 'Họ và tên\tHọc vị\tLĩnh vực\tEmail\nVũ Thị Mai\tThS\tNông nghiệp\tmai@example.vn');
    await page.click('#paste-check');
    await s.settle();
    expect(await page.textContent('#paste-summary')).toBe('1 dòng hợp lệ (1 có liên hệ), 0 dòng lỗi.');
    await page.click('#paste-add');
    await s.settle();
    expect(await page.textContent('#paste-summary')).toBe('Đã thêm 1 chuyên gia (CG-0003).');
    expect(JSON.stringify(server.google.sheetNames(server.google.activeSpreadsheetId as string).map((n) => server.google.sheetValues(server.google.activeSpreadsheetId as string, n)))).not.toContain('mai@example.vn');
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.serverErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  test('dossier: received, the conflicted expert flagged, a panel of two, the answer sent once and counted', async () => {
    for (const e of [
      { name: 'Nguyễn Văn Đức', degree: 'TS', fields: ['Quản lý đất đai'], workplaceCode: 'STNMT', consent: true },
      { name: 'Trần Thị Bình', academicTitle: 'PGS', degree: 'TS', fields: ['Quản lý đất đai'], workplaceCode: 'DHNL', consent: true },
      { name: 'Lê Văn Cường', degree: 'ThS', fields: ['Quản lý đất đai'], consent: true },
    ])
      expect((server.run('saveExpert', [e]) as { ok: boolean }).ok).toBe(true);
    const s = await openSidebar(browser, 'DossierSidebar', server.run);
    const { page } = s;
    await s.settle();
    expect(await page.textContent('#stats')).toBe('Năm 2024: tiếp nhận 0, đang thực hiện 0, đã trả lời 0, quá hạn 0.');
    await page.click('#show-new');
    await page.selectOption('#consultKind', 'Phản biện');
    await page.fill('#subject', 'Quy hoạch sử dụng đất tỉnh Bắc Giang');
    await page.selectOption('#requesterCode', 'STNMT');
    await page.fill('#requestNumber', '125/STNMT-QLĐĐ');
    await page.fill('#requestDate', '02/04/2024');
    await page.fill('#deadline', '01/04/2024');
    await page.selectOption('#fields', ['Quản lý đất đai']);
    await page.click('#save-dossier');
    await s.settle();
    expect(await page.textContent('#err-deadline')).toBe('Hạn trả lời: Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    await page.fill('#deadline', '30/04/2024');
    await page.click('#save-dossier');
    await s.settle();
    expect(await page.textContent('#banner')).toBe('Đã tiếp nhận hồ sơ TVPB-2024-001.');
    expect(await page.textContent('#d-meta')).toContain('chỉ tiêu P2.1');
    expect(await page.textContent('#suggestions li[data-code="CG-0001"] [data-warn="conflict"]')).toBe('⚠ Công tác tại cơ quan đề nghị: xung đột lợi ích.');
    expect(await page.locator('#suggestions [data-warn="conflict"]').count()).toBe(1);

    await page.check('#suggestions li[data-code="CG-0002"] [data-role="pick"]');
    await page.selectOption('#suggestions li[data-code="CG-0002"] [data-role="role"]', 'Chủ tịch hội đồng');
    await page.check('#suggestions li[data-code="CG-0003"] [data-role="pick"]');
    await page.selectOption('#suggestions li[data-code="CG-0003"] [data-role="role"]', 'Phản biện');
    await page.click('#save-panel');
    await s.settle();
    expect(await page.textContent('#banner')).toBe('Đã lưu hội đồng 2 thành viên.');
    expect(await page.locator('#panel li').allTextContents()).toEqual(['PGS.TS. Trần Thị Bình · Chủ tịch hội đồng', 'ThS. Lê Văn Cường · Phản biện']);

    await page.click('#send-answer');
    await s.settle();
    expect(await page.textContent('#banner')).toBe('Đã gửi 01/BC-LHH tới stnmt@bacgiang.gov.vn; chỉ tiêu đã được cộng.');
    expect(server.google.outbox.map((m) => m.to)).toEqual(['stnmt@bacgiang.gov.vn']);
    await page.click('#send-answer');
    await s.settle();
    expect(await page.textContent('#banner')).toBe('Kết quả của hồ sơ TVPB-2024-001 đã được gửi (01/BC-LHH); không gửi lại.');
    expect(server.google.outbox).toHaveLength(1);
    expect(await page.textContent('#stats')).toBe('Năm 2024: tiếp nhận 1, đang thực hiện 0, đã trả lời 1, quá hạn 0.');
    expect(await page.locator('#papers li').allTextContents()).toEqual(['Báo cáo kết quả: 01/BC-LHH (Đã gửi) Mở']);
    expect(s.refused).toEqual([]);
    expect(s.badResults).toEqual([]);
    expect(s.serverErrors).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});
