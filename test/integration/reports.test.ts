// Reports story on the built bundle: ND30 progress report, budget submission, email, locks, schedules.
import { inspectPdf } from '../../fakes/index';
import { readPdf } from '../support/pdf';
import { fireDueTriggers } from '../../fakes/harness';
import { ADMIN, STAFF, world, type World } from '../support/bundle';

const SO_KHCN = 'sokhcn@bacgiang.gov.vn';
const SO_TC = 'sotaichinh@bacgiang.gov.vn';

function logStory(w: World) {
  const events = [
    { targetCode: 'P2.1', date: '2024-02-20', title: 'Phản biện Đề án chuyển đổi số tỉnh Bắc Giang', cost: 3500000 },
    { targetCode: 'P2.1', date: '2024-03-12', title: 'Tư vấn dự thảo Nghị quyết HĐND về KH&CN' },
    { targetCode: 'P2.1', date: '2024-05-08', title: 'Phản biện Quy hoạch vùng trồng vải thiều' },
    { targetCode: 'P3.4', date: '2024-04-10', title: 'Tập huấn kỹ thuật trồng na VietGAP tại Lục Ngạn', quantity: 2 },
    { targetCode: 'P3.1', date: '2024-08-01', title: 'Chuyên mục KH&CN tháng 8 trên Báo Bắc Giang' },
  ];
  for (const e of events) expect(w.call('logEvent', e).ok).toBe(true);
}

function docText(w: World, docId: string): string {
  const doc = w.google.document(docId, { saved: true });
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const o = n as { text?: string; children?: unknown[]; rows?: unknown[]; cells?: unknown[] };
    if (typeof o.text === 'string' && !o.children) out.push(o.text);
    for (const k of ['children', 'rows', 'cells', 'body', 'header', 'footer'] as const) {
      const v = (o as Record<string, unknown>)[k];
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  walk(doc);
  return out.join('\n');
}

describe('the progress report for Sở KH&CN', () => {
  test('a 6-month report holds the ND30 header, the decree date line, its number, and the figures of getProgress', () => {
    const w = world({ now: '2024-07-05T09:00:00+07:00' });
    logStory(w);
    const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(r).toMatchObject({ ok: true, number: '01/BC-LHH', label: '6 tháng đầu năm 2024' });
    const text = docText(w, r.docId);
    for (const s of [
      'UBND TỈNH BẮC GIANG',
      'LIÊN HIỆP CÁC HỘI KHOA HỌC\nVÀ KỸ THUẬT TỈNH BẮC GIANG',
      'Số: 01/BC-LHH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bắc Giang, ngày 05 tháng 7 năm 2024',
      'BÁO CÁO',
      'Kính gửi: Sở Khoa học và Công nghệ tỉnh Bắc Giang',
      'Quyết định số 1731/QĐ-UBND ngày 13/11/2023',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. ĐÁNH GIÁ CHUNG',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Nơi nhận:',
      '- Như trên;',
    ]) {
      expect(text).toContain(s);
    }
    for (const p of ['Triển khai các chủ trương chính sách của Đảng', 'Tư vấn, phản biện và Giám định xã hội', 'Tuyên truyền, phổ biến kiến thức', 'Tổ chức Hoạt động sáng tạo', 'Hoạt động nghiên cứu, ứng dụng']) {
      expect(text).toContain(p);
    }
    // One "VT" in the Lưu line (the setting already starts with it), and the signer's name left
    // as a highlighted placeholder since settings have none.
    expect(text).toContain('- Lưu: VT, VP.');
    expect(text.match(/\bVT\b/g)).toHaveLength(1);
    expect(text).toContain('[Họ và tên người ký]');
    const runs: { text: string; bold: boolean; background: string | null }[] = [];
    const collect = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if (Array.isArray(o.runs)) runs.push(...(o.runs as typeof runs));
      for (const v of Object.values(o)) if (v && typeof v === 'object') collect(v);
    };
    collect(w.google.document(r.docId, { saved: true }));
    // Bold under the signature, highlighted like the other places staff fill before signing.
    expect(runs.find((x) => x.text === '[Họ và tên người ký]')).toMatchObject({ bold: true, background: '#fff2cc' });
    // Targets go by their short names; the decision's full wording stays in the sheet.
    expect(text).toContain('- Tư vấn, phản biện: thực hiện 3 cuộc trong kỳ');
    expect(text).not.toContain('Tình trạng: chưa cập nhật');
    // Annex figures equal getProgress for the period and the year to date.
    const period = w.call('getProgress', { from: '2024-01-01', to: '2024-06-30' });
    const p21 = period.targets.find((t: { code: string }) => t.code === 'P2.1');
    expect(p21).toMatchObject({ done: 3, percent: 18.75 });
    const doc = w.google.document(r.docId, { saved: true });
    const tables = JSON.stringify(doc);
    expect(tables).toContain('18,75');
  });

  test('the same kind and period twice takes one number unless the user confirms; then the first is marked superseded, never deleted', () => {
    const w = world({ now: '2024-07-05T09:00:00+07:00' });
    logStory(w);
    const first = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(first).toMatchObject({ ok: true, number: '01/BC-LHH' });
    const again = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(again).toMatchObject({ ok: false, code: 'documentExists' });
    expect(again.message).toContain('01/BC-LHH');
    const rows = () => {
      const [h, ...data] = w.sheet('Sổ văn bản') as string[][];
      return data.map((r) => ({ number: r[h.indexOf('Số, ký hiệu')], state: r[h.indexOf('Trạng thái')], kind: r[h.indexOf('Loại văn bản')], note: r[h.indexOf('Ghi chú')] }));
    };
    expect(rows()).toEqual([{ number: '01/BC-LHH', state: 'Dự thảo', kind: 'Báo cáo tiến độ', note: '' }]);
    // The sidebar offers the existing draft for the period.
    const preview = w.call('previewReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(preview.existing).toMatchObject({ number: '01/BC-LHH', docId: first.docId, state: 'Dự thảo', sendable: true });
    const confirmed = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30', confirmNew: true });
    expect(confirmed).toMatchObject({ ok: true, number: '02/BC-LHH' });
    expect(rows()).toEqual([
      { number: '01/BC-LHH', state: 'Đã thay thế', kind: 'Báo cáo tiến độ', note: 'Thay bằng văn bản số 02/BC-LHH' },
      { number: '02/BC-LHH', state: 'Dự thảo', kind: 'Báo cáo tiến độ', note: '' },
    ]);
    // The superseded draft is not sent; another period is not affected.
    w.call('saveSettings', { reportRecipients: [SO_KHCN] });
    expect(w.call('sendReport', { kind: 'progress', docId: first.docId })).toMatchObject({ ok: false, code: 'documentSuperseded' });
    expect(w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-03-31' })).toMatchObject({ ok: true, number: '03/BC-LHH' });
  });

  test('the yearly report costs the same few Docs calls with 1,000 and with 5,000 events', () => {
    const counts = [1000, 5000].map((n) => {
      const w = world({ now: '2025-01-05T09:00:00+07:00' });
      const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
      const sh = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Hoạt động')!;
      const width = sh.getLastColumn();
      sh.insertRowsAfter(sh.getMaxRows(), n);
      const rows = Array.from({ length: n }, (_, i) => {
        const r = new Array(width).fill('');
        Object.assign(r, { 0: `HD-2024-${String(i + 1).padStart(5, '0')}`, 1: 2024, 2: ['P2.1', 'P3.4', 'P2.3'][i % 3], 3: new Date(Date.UTC(2024, i % 12, 1 + (i % 28))), 4: `Hoạt động ${i + 1}`, 5: 1, 13: 'Hiệu lực' });
        return r;
      });
      sh.getRange(2, 1, n, width).setValues(rows);
      exec.end();
      w.google.resetCalls();
      const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-12-31' });
      expect(r.ok).toBe(true);
      const docs = Object.entries(w.google.calls()).filter(([k]) => /^(DocumentApp|Docs)\./.test(k));
      return Object.fromEntries(docs);
    });
    expect(counts[1]).toEqual(counts[0]);
    // Create, then the requests in batches of at most 500 (5,000 to 7,500 requests with a full annex: 11 to 15 batches); no DocumentApp call.
    expect(Object.keys(counts[0]).sort()).toEqual(['Docs.Documents.batchUpdate', 'Docs.Documents.create']);
    expect(counts[0]['Docs.Documents.create']).toBe(1);
    expect(counts[0]['Docs.Documents.batchUpdate']).toBeGreaterThanOrEqual(10);
    expect(counts[0]['Docs.Documents.batchUpdate']).toBeLessThanOrEqual(16);
    console.log(`yearly report: ${JSON.stringify(counts[0])} with 1,000 events and with 5,000`);
  });

  test('once a report of a period is sent, its siblings are no longer offered for sending', () => {
    const w = world({ now: '2024-07-05T09:00:00+07:00' });
    w.call('saveSettings', { reportRecipients: [SO_KHCN] });
    const a = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(w.call('sendReport', { kind: 'progress', docId: a.docId })).toMatchObject({ ok: true, number: '01/BC-LHH' });
    const preview = w.call('previewReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    expect(preview.existing).toMatchObject({ number: '01/BC-LHH', state: 'Đã gửi', sendable: false });
    // A correction made afterwards (confirmed) keeps the sent one as it is; staff cannot send it, an admin can.
    const c = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30', confirmNew: true });
    expect(c.number).toBe('02/BC-LHH');
    expect(w.callAs(STAFF, 'previewReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' }).existing).toMatchObject({ number: '02/BC-LHH', sendable: false });
    expect(w.callAs(STAFF, 'sendReport', { kind: 'progress', docId: c.docId })).toMatchObject({ ok: false, code: 'periodAlreadySent' });
    const states = (w.sheet('Sổ văn bản') as string[][]).slice(1).map((r) => r[11]);
    expect(states).toEqual(['Đã gửi', 'Dự thảo']);
    expect(w.google.outbox).toHaveLength(1);
  });
});

describe('the budget submission for Sở Tài chính', () => {
  test('its total and the amount in words match its lines', () => {
    const w = world();
    const lines = [
      { programCode: 'P2', targetCode: 'P2.1', item: 'Chi thù lao chuyên gia tư vấn, phản biện', unit: 'cuộc', quantity: 16, unitPrice: 5000000, stage: 'Dự thảo', basis: 'Thông tư 11/2015/TT-BTC' },
      { programCode: 'P3', targetCode: 'P3.4', item: 'Tổ chức hội nghị tập huấn', unit: 'hội nghị', quantity: 10, unitPrice: 12500000, stage: 'Dự thảo', basis: 'Thông tư 36/2018/TT-BTC' },
      { programCode: 'P3', targetCode: 'P3.1', item: 'Nhuận bút chuyên mục Báo Bắc Giang', unit: 'chuyên mục', quantity: 12, unitPrice: 1250000, stage: 'Dự thảo' },
    ];
    for (const l of lines) expect(w.call('saveBudgetLine', l).ok).toBe(true);
    // 80.000.000 + 125.000.000 + 15.000.000 = 220.000.000
    const r = w.call('generateReport', { kind: 'budget' });
    expect(r).toMatchObject({ ok: true, number: '01/TTr-LHH' });
    const text = docText(w, r.docId);
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Kính gửi: Sở Tài chính tỉnh Bắc Giang');
    expect(text).toContain('220.000.000');
    expect(text).toContain('Bằng chữ: Hai trăm hai mươi triệu đồng');
    expect(text).toContain('125.000.000');
    const view = w.call('getBudgetView');
    expect(view.totals.proposed).toBe(220000000);
    const sheet = w.sheet('Kinh phí');
    const h = sheet[0] as string[];
    expect(sheet.slice(1).map((row) => row[h.indexOf('Đề nghị')])).toEqual([80000000, 125000000, 15000000]);
  });
});

describe('emailing reports', () => {
  test('sendReport sends one email to exactly the configured recipients with the PDF; the period is then locked', async () => {
    const w = world({ now: '2024-07-05T09:00:00+07:00' });
    logStory(w);
    expect(w.call('saveSettings', { reportRecipients: [SO_KHCN], budgetRecipients: [SO_TC] }).ok).toBe(true);
    const gen = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-06-30' });
    const sent = w.call('sendReport', { kind: 'progress', docId: gen.docId });
    expect(sent).toMatchObject({ ok: true, number: '01/BC-LHH', recipients: [SO_KHCN], cc: [] });
    expect(w.google.outbox).toHaveLength(1);
    const mail = w.google.outbox[0];
    expect(mail.to).toBe(SO_KHCN);
    expect(mail.subject).toContain('01/BC-LHH');
    expect(mail.htmlBody).toContain('Tư vấn, phản biện');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('application/pdf');
    const pdf = inspectPdf(mail.attachments[0].bytes);
    expect(pdf.ok).toBe(true);
    const read = await readPdf(mail.attachments[0].bytes);
    expect(read.lines[0]).toContain('BÁO CÁO');
    // The sơ kết 6 tháng of the logging story as the local PDF lays it out, read back by pdfjs: at most 6 pages.
    console.log(`sơ kết 6 tháng after the logging story, local PDF: ${read.pages} pages`);
    if (process.env.DUMP_PAGES) console.log(read.lines.map((l, i) => `== ${i + 1}: ${l.length} lines\n${l.slice(0, 2).join('\n')}\n...\n${l.slice(-3).join('\n')}`).join('\n'));
    expect(read.pages).toBeLessThanOrEqual(6);
    // The period is locked: staff cannot change its events any more; an admin can, with a trace.
    const staff = w.callAs(STAFF, 'updateEvent', 'HD-2024-0001', { title: 'Sửa sau khi đã báo cáo' });
    expect(staff).toMatchObject({ ok: false, code: 'periodLocked' });
    expect(staff.message).toContain('01/BC-LHH');
    expect(w.callAs(STAFF, 'logEvent', { targetCode: 'P2.1', date: '2024-06-01', title: 'Bổ sung muộn' }).code).toBe('periodLocked');
    expect(w.callAs(STAFF, 'logEvent', { targetCode: 'P2.1', date: '2024-07-02', title: 'Hoạt động tháng 7' }).ok).toBe(true);
    expect(w.call('updateEvent', 'HD-2024-0001', { title: 'Admin sửa' }).ok).toBe(true);
    const audit = w.sheet('Nhật ký').map((r) => r.join(' | '));
    expect(audit.some((r) => r.includes('Gửi văn bản') && r.includes(SO_KHCN))).toBe(true);
    expect(audit.some((r) => r.includes('sửa kỳ đã khóa (01/BC-LHH)'))).toBe(true);
  });

  test('the budget submission goes to Sở Tài chính with Sở KH&CN in copy', () => {
    const w = world();
    w.call('saveSettings', { reportRecipients: [SO_KHCN], budgetRecipients: [SO_TC] });
    w.call('saveBudgetLine', { programCode: 'P2', item: 'Chi tư vấn', quantity: 1, unitPrice: 1000000, stage: 'Dự thảo' });
    const r = w.call('sendReport', { kind: 'budget' });
    expect(r).toMatchObject({ ok: true, number: '01/TTr-LHH', recipients: [SO_TC], cc: [SO_KHCN] });
    expect(w.google.outbox[0].cc).toBe(SO_KHCN);
  });

  test('when the mail quota is short it says so and sends nothing', () => {
    const w = world();
    w.call('saveSettings', { reportRecipients: ['a@x.vn', 'b@x.vn', 'c@x.vn'] });
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const MailApp = w.google.gas(exec).MailApp;
    while (MailApp.getRemainingDailyQuota() > 2) MailApp.sendEmail('x@x.vn', 'đệm', 'đệm');
    exec.end();
    const before = w.google.outbox.length;
    const r = w.call('sendReport', { kind: 'progress', from: '2024-01-01', to: '2024-03-31' });
    expect(r).toMatchObject({ ok: false, code: 'quotaShort' });
    expect(r.message).toContain('còn 2 người nhận, cần 3');
    expect(w.google.outbox.length).toBe(before);
  });

  test('settings are for admins only', () => {
    const w = world();
    expect(w.callAs(STAFF, 'saveSettings', { reportRecipients: ['evil@x.vn'] })).toMatchObject({ ok: false, code: 'notAdmin' });
    expect(w.call('saveSettings', { reportRecipients: ['không phải email'] }).errors.reportRecipients).toContain('không hợp lệ');
    expect(w.call('getSettings').settings.reportRecipients).toEqual([]);
  });
});

describe('scheduled sends', () => {
  const enable = (w: World, as = ADMIN, hour = 7) =>
    w.callAs(as, 'saveSettings', { reportRecipients: [SO_KHCN], schedule: { enabled: true, hour, weeklyDay: 0, monthlyDay: 1, formalReports: false } });

  test('a trigger fired twice for the same period sends one email', () => {
    const w = world({ now: '2024-07-31T20:00:00+07:00' });
    logStory(w);
    expect(enable(w).ok).toBe(true);
    const fired = fireDueTriggers(w.google, w.code, new Date('2024-07-31T20:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    expect(fired).toHaveLength(1);
    expect(fired[0].result).toMatchObject({ ok: true, outcomes: [{ key: 'monthly:2024-07', outcome: 'sent', number: '01/BC-LHH' }] });
    // The same trigger firing again on the same day (Google retries, or a second hourly run) sends nothing.
    const again = w.run('runScheduledReports', [{ triggerUid: fired[0].uid }], { kind: 'timeTrigger', triggerUid: fired[0].uid });
    expect(again.outcomes).toEqual([{ key: 'monthly:2024-07', outcome: 'skipped', number: '01/BC-LHH' }]);
    expect(w.google.outbox).toHaveLength(1);
    expect(w.google.outbox[0].subject).toContain('tháng 7 năm 2024');
  });

  test('a send that failed is retried on the next run with the same document and number', () => {
    const w = world({ now: '2024-07-31T20:00:00+07:00' });
    enable(w);
    w.google.failOn('MailApp.sendEmail', 1, 'Service invoked too many times in a short time: email. Try Utilities.sleep(1000) between calls.');
    const first = fireDueTriggers(w.google, w.code, new Date('2024-07-31T20:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    expect((first[0].result as { outcomes: { outcome: string }[] }).outcomes[0].outcome).toBe('failed');
    expect(w.google.faultsFired()).toBe(1);
    expect(w.google.outbox).toHaveLength(0);
    const reg1 = w.sheet('Sổ văn bản').slice(1);
    const second = w.run('runScheduledReports', [{ triggerUid: first[0].uid }], { kind: 'timeTrigger', triggerUid: first[0].uid });
    expect(second.outcomes[0]).toMatchObject({ outcome: 'sent', number: '01/BC-LHH' });
    const reg2 = w.sheet('Sổ văn bản').slice(1);
    expect(reg2).toHaveLength(1);
    expect(reg2[0][10]).toBe(reg1[0][10]);
    expect(w.google.outbox).toHaveLength(1);
  });

  test('a run that died between sending and recording is not repeated but shown to the admins', () => {
    const w = world({ now: '2024-07-31T20:00:00+07:00' });
    enable(w);
    // The run dies right after MailApp.sendEmail returned, before the register says "Đã gửi".
    let armed = true;
    const off = w.google.onCall('MailApp.sendEmail', () => {
      if (armed) {
        armed = false;
        throw new Error('Exceeded maximum execution time');
      }
    });
    const first = fireDueTriggers(w.google, w.code, new Date('2024-07-31T20:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    off();
    expect(first).toHaveLength(1);
    expect(w.google.outbox).toHaveLength(1);
    // Simulate the death: the state says "Đang gửi" as the dead run left it.
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const reg = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sổ văn bản')!;
    reg.getRange(2, 12).setValue('Đang gửi');
    exec.end();
    const next = w.run('runScheduledReports', [{ triggerUid: first[0].uid }], { kind: 'timeTrigger', triggerUid: first[0].uid });
    expect(next.outcomes[0]).toMatchObject({ outcome: 'unknown' });
    expect(w.google.outbox).toHaveLength(1);
    const settings = w.call('getSettings');
    expect(settings.attention).toEqual([expect.objectContaining({ number: '01/BC-LHH', state: 'Chưa rõ kết quả gửi' })]);
  });

  test('a weekly summary the mail quota cannot carry is reported in its own words, not as an unexpected error', () => {
    const w = world({ now: '2024-08-01T08:00:00+07:00' });
    expect(w.call('saveSettings', { reportRecipients: [SO_KHCN], schedule: { enabled: true, hour: 9, weeklyDay: 4, monthlyDay: 0, formalReports: false } }).ok).toBe(true);
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const MailApp = w.google.gas(exec).MailApp;
    while (MailApp.getRemainingDailyQuota() > 0) MailApp.sendEmail('x@x.vn', 'đệm', 'đệm');
    exec.end();
    const before = w.google.outbox.length;
    const fired = fireDueTriggers(w.google, w.code, new Date('2024-08-01T08:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    expect(fired[0].result).toMatchObject({
      ok: true,
      outcomes: [
        {
          key: 'weekly:2024-07-25',
          outcome: 'failed',
          message: 'Hạn mức email hôm nay của tài khoản còn 0 người nhận, bản tóm tắt tuần cần 1. Bản tóm tắt tuần này chưa được gửi.',
        },
      ],
    });
    expect(w.google.outbox.length).toBe(before);
    expect(w.call('getSettings').trigger.lastOutcome).not.toContain('ngoài dự kiến');
  });

  test('saving settings five times as two admins leaves exactly one working trigger', () => {
    const w = world({ now: '2024-07-31T20:00:00+07:00' });
    expect(w.call('saveSettings', { admins: [ADMIN, STAFF] }).ok).toBe(true);
    // Each admin changes the send hour in turn: the trigger follows whoever changed the schedule.
    for (const [who, hour] of [[ADMIN, 7], [STAFF, 8], [ADMIN, 9], [STAFF, 10], [STAFF, 11]] as const) expect(enable(w, who, hour).ok).toBe(true);
    // Saving something else does not move it.
    expect(w.call('saveSettings', { signerName: 'Nguyễn Văn A' }).ok).toBe(true);
    const fired = fireDueTriggers(w.google, w.code, new Date('2024-07-31T20:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    // The admin's stale trigger retires itself; the current owner's sends.
    expect(fired.map((f) => f.owner).sort()).toEqual([ADMIN, STAFF]);
    expect(w.google.state.triggers.filter((t) => t.handler === 'runScheduledReports')).toHaveLength(1);
    expect(w.google.state.triggers[0].owner).toBe(STAFF);
    expect(w.google.outbox).toHaveLength(1);
    expect(w.call('getSettings').trigger).toMatchObject({ owner: STAFF, lastOutcome: 'Báo cáo tháng 7/2024 (01/BC-LHH): đã gửi Sở KH&CN' });
  });

  test('the weekly summary reads as a summary, attaches nothing and says so; subjects name the organisation one way', () => {
    const w = world({ now: '2024-07-08T06:00:00+07:00' });
    logStory(w);
    w.call('saveSettings', { reportRecipients: [SO_KHCN], budgetRecipients: [SO_TC], schedule: { enabled: true, hour: 7, weeklyDay: 1, monthlyDay: 0, formalReports: false } });
    const fired = fireDueTriggers(w.google, w.code, new Date('2024-07-08T06:00:00+07:00'), new Date('2024-07-08T12:00:00+07:00'));
    expect(fired[0].result).toMatchObject({ outcomes: [{ key: 'weekly:2024-07-01', outcome: 'sent' }] });
    const mail = w.google.outbox[0];
    expect(mail.subject).toBe('Tóm tắt tiến độ tuần 01/07/2024 – 07/07/2024 – LHH tỉnh Bắc Giang');
    expect(mail.attachments || []).toHaveLength(0);
    expect(mail.body).toContain('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang gửi bản tóm tắt tiến độ thực hiện nhiệm vụ, chương trình hoạt động trong tuần từ ngày 01/07/2024 đến ngày 07/07/2024');
    expect(mail.body).toContain('Đây là thư tóm tắt, không phải báo cáo chính thức.');
    expect(mail.body).not.toContain('đính kèm');
    expect(mail.body).not.toContain('Báo cáo ngày');
    w.call('saveBudgetLine', { programCode: 'P2', item: 'Chi tư vấn', quantity: 1, unitPrice: 1000000, stage: 'Dự thảo' });
    w.call('sendReport', { kind: 'budget' });
    expect(w.google.outbox[1].subject).toBe('Tờ trình số 01/TTr-LHH: đề nghị thẩm định dự toán kinh phí năm 2024 – LHH tỉnh Bắc Giang');
  });

  test('the sơ kết 6 tháng is drafted for the admins, then sent to Sở KH&CN with one click', () => {
    const w = world({ now: '2024-07-01T06:00:00+07:00' });
    logStory(w);
    w.call('saveSettings', { reportRecipients: [SO_KHCN], schedule: { enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 0, formalReports: true } });
    const fired = fireDueTriggers(w.google, w.code, new Date('2024-07-01T06:00:00+07:00'), new Date('2024-07-01T12:00:00+07:00'));
    expect(fired[0].result).toMatchObject({ outcomes: [{ key: 'half:2024', outcome: 'review', number: '01/BC-LHH' }] });
    expect(w.google.outbox.map((m) => m.to)).toEqual([ADMIN]);
    const attention = w.call('getSettings').attention;
    expect(attention).toHaveLength(1);
    const sent = w.call('sendReport', { kind: 'progress', docId: attention[0].docId });
    expect(sent).toMatchObject({ ok: true, number: '01/BC-LHH', recipients: [SO_KHCN] });
    expect(w.google.outbox).toHaveLength(2);
  });
});
