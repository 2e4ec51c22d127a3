// Nhật ký as the staff read it: Vietnamese labels, dd/mm/yyyy, money in đồng, only what changed, one row per scheduled run that did something.
import { fireDueTriggers } from '../../fakes/harness';
import { world, type World } from '../support/bundle';

const SO_KHCN = 'sokhcn@bacgiang.gov.vn';

/** The log's rows after the header: [thời điểm, người, thao tác, đối tượng, chi tiết]. */
const log = (w: World) => w.sheet('Nhật ký').slice(1);
const last = (w: World) => log(w)[log(w).length - 1];

describe('Nhật ký written for the staff', () => {
  test('changing settings logs "Nhãn: cũ → mới" for each changed setting, never JSON', () => {
    const w = world({ now: '2024-03-20T10:00:00+07:00' });
    // Setup names the plan it came from in words, not the template's code.
    expect(log(w)[0].slice(2, 4)).toEqual(['Thiết lập bảng tính', 'Kế hoạch mẫu (QĐ 1731/QĐ-UBND)']);
    const r = w.call('saveSettings', {
      signerName: 'Nguyễn Văn An',
      reportRecipients: [SO_KHCN],
      schedule: { enabled: true, hour: 8, weeklyDay: 5, monthlyDay: 1, formalReports: true },
      decision: { number: '1731/QĐ-UBND', date: '2023-11-20', issuer: 'Chủ tịch UBND tỉnh' },
    });
    expect(r.ok).toBe(true);
    const row = last(w);
    expect(row[2]).toBe('Sửa cài đặt');
    expect(row[4]).toBe(
      'Họ tên người ký: (trống) → Nguyễn Văn An; Email Sở KH&CN: (trống) → sokhcn@bacgiang.gov.vn; ' +
        'Ngày quyết định: 13/11/2023 → 20/11/2023; ' +
        'Bật gửi tự động: không → có; Giờ chạy: 7 giờ → 8 giờ; Tóm tắt hằng tuần vào thứ: tắt → Thứ Sáu; Báo cáo tháng gửi vào ngày: tắt → 1',
    );
    expect(row[4]).not.toMatch(/[{}"]|signerName|schedule/);
  });

  test('logging and editing an activity: labels of the sheet, dd/mm/yyyy, money in đồng, only the changed fields', () => {
    const w = world({ now: '2024-03-20T10:00:00+07:00' });
    const r = w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-15', title: 'Phản biện Đề án nước sạch', quantity: 2, cost: '1.500.000' });
    expect(r.ok).toBe(true);
    expect(last(w).slice(2)).toEqual(['Ghi nhận hoạt động', 'HD-2024-0001', 'Chỉ tiêu: P2.1; Ngày: 15/03/2024; Tên hoạt động: Phản biện Đề án nước sạch; Số lượng: 2; Chi phí: 1.500.000 đ']);
    expect(w.call('updateEvent', 'HD-2024-0001', { date: '2024-03-16', quantity: 3 }).ok).toBe(true);
    expect(last(w).slice(2)).toEqual(['Sửa hoạt động', 'HD-2024-0001', 'Ngày: 15/03/2024 → 16/03/2024; Số lượng: 2 → 3']);
  });

  test('a budget line: changing only its stage logs the stage and no amount; the amounts that changed are there', () => {
    const w = world({ now: '2024-03-20T10:00:00+07:00' });
    const line = { programCode: 'P2', item: 'Chi tư vấn, phản biện', quantity: 2, unitPrice: '40.000.000', stage: 'Dự thảo' };
    const added = w.call('saveBudgetLine', line);
    expect(added).toMatchObject({ ok: true, id: 'KP-2024-001' });
    expect(last(w).slice(2)).toEqual(['Thêm dòng kinh phí', 'KP-2024-001', 'Chương trình: P2; Nội dung chi: Chi tư vấn, phản biện; Đề nghị: 80.000.000 đ (2 × 40.000.000 đ); Giai đoạn: Dự thảo']);

    expect(w.call('saveBudgetLine', { ...line, id: 'KP-2024-001', stage: 'Đã gửi thẩm định' }).ok).toBe(true);
    expect(last(w).slice(2)).toEqual(['Sửa dòng kinh phí', 'KP-2024-001', 'Giai đoạn: Dự thảo → Đã gửi thẩm định']);
    expect(last(w)[4]).not.toContain('80.000.000 đ → 80.000.000 đ');

    expect(w.call('saveBudgetLine', { ...line, id: 'KP-2024-001', stage: 'Đã thẩm định', appraised: '75.000.000' }).ok).toBe(true);
    expect(last(w)[4]).toBe('Số thẩm định: (trống) → 75.000.000 đ; Giai đoạn: Đã gửi thẩm định → Đã thẩm định');

    expect(w.call('saveBudgetLine', { ...line, id: 'KP-2024-001', quantity: 3, stage: 'Đã thẩm định', appraised: '75.000.000' }).ok).toBe(true);
    expect(last(w)[4]).toBe('Số lượng: 2 → 3; Đề nghị: 80.000.000 đ → 120.000.000 đ');
  });

  test('a scheduled run that sends leaves one row saying what it did; the same run again, and an idle day, leave none', () => {
    const w = world({ now: '2024-07-31T20:00:00+07:00' });
    expect(w.call('saveSettings', { reportRecipients: [SO_KHCN], schedule: { enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 1, formalReports: false } }).ok).toBe(true);
    const before = log(w).length;
    const fired = fireDueTriggers(w.google, w.code, new Date('2024-07-31T20:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    expect(fired).toHaveLength(1);
    const rows = log(w).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0][2]).toBe('Chạy lịch gửi tự động');
    expect(rows[0][3]).toBe('Hoàn tất');
    expect(String(rows[0][4])).toMatch(/^Báo cáo tháng 7\/2024 \(01\/BC-LHH\): đã gửi Sở KH&CN \| Lập văn bản 01\/BC-LHH: .* \| Gửi văn bản 01\/BC-LHH: Đến: sokhcn@bacgiang\.gov\.vn/);
    // Google firing the trigger again the same day: nothing to do, nothing logged (Cài đặt keeps the last run's status).
    w.run('runScheduledReports', [{ triggerUid: fired[0].uid }], { kind: 'timeTrigger', triggerUid: fired[0].uid });
    // The next day has nothing due either.
    fireDueTriggers(w.google, w.code, new Date('2024-08-01T12:00:00+07:00'), new Date('2024-08-02T12:00:00+07:00'));
    expect(log(w)).toHaveLength(before + 1);
    expect(w.call('getSettings').trigger.lastOutcome).toBe('Không có việc đến hạn');
  });

  test('a scheduled run that failed leaves one row marked "Có lỗi" with the reason', () => {
    const w = world({ now: '2024-07-31T20:00:00+07:00' });
    expect(w.call('saveSettings', { reportRecipients: [SO_KHCN], schedule: { enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 1, formalReports: false } }).ok).toBe(true);
    const before = log(w).length;
    w.google.failOn('MailApp.sendEmail', 1, 'Service invoked too many times in a short time: email. Try Utilities.sleep(1000) between calls.');
    fireDueTriggers(w.google, w.code, new Date('2024-07-31T20:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    const rows = log(w).slice(before);
    expect(rows.map((r) => r.slice(2, 4))).toEqual([['Chạy lịch gửi tự động', 'Có lỗi']]);
    expect(String(rows[0][4])).toMatch(/^Báo cáo tháng 7\/2024: lỗi – /);
  });
});
