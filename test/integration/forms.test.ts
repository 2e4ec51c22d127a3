// Forms story on the built bundle (issue 17): the forms scope and who must re-authorise, creating, sending, reminding, closing and reviewing.
import { fireDueTriggers } from '../../fakes/harness';
import { formState, respondToForm } from '../../fakes';
import { ADMIN, STAFF, world } from '../support/bundle';

const SO_KHCN = 'sokhcn@bacgiang.gov.vn';

describe('the forms scope', () => {
  test('until the trigger owner opens the add-on once, the daily run fails and Cài đặt says who must open it', () => {
    const w = world({ now: '2024-07-30T20:00:00+07:00' });
    expect(w.call('saveSettings', { admins: [ADMIN, STAFF], reportRecipients: [SO_KHCN], schedule: { enabled: true, hour: 7, weeklyDay: 0, monthlyDay: 1, formalReports: false } }).ok).toBe(true);
    // The trigger was made by the release before forms; then the manifest gained the forms scope.
    const props = w.google.state.properties.document[w.ssId];
    const info = JSON.parse(props['lhh.triggerOwner']);
    delete info.scopeVersion;
    props['lhh.triggerOwner'] = JSON.stringify(info);
    w.google.state.unauthorised = [ADMIN, STAFF];

    const fired = fireDueTriggers(w.google, w.code, new Date('2024-07-30T20:00:00+07:00'), new Date('2024-08-01T12:00:00+07:00'));
    expect(fired.map((f) => String((f.error as Error)?.message))).toEqual(['Authorization is required to perform that action.', 'Authorization is required to perform that action.']);
    expect(w.google.outbox).toEqual([]);

    w.google.clock.set(new Date('2024-08-01T12:00:00+07:00'));
    const seen = w.callAs(STAFF, 'getSettings');
    expect(seen.reauth).toBe(
      'Tiện ích đã thêm quyền Google Biểu mẫu. admin@lhh.example.vn (người sở hữu trình kích hoạt hằng ngày) cần mở tiện ích một lần (Tiện ích → LHH Tracker → Cài đặt) và cấp quyền mới; đến lúc đó lần chạy hằng ngày không chạy được. Lần chạy hằng ngày gần nhất: 30/07/2024; từ đó báo cáo theo lịch, nhắc hạn và biểu mẫu đều dừng.',
    );

    // The owner opens Cài đặt: Google asks for the new scope first, and the notice goes.
    expect(w.callAs(ADMIN, 'getSettings').reauth).toBe('');
    expect(w.callAs(STAFF, 'getSettings').reauth).toBe('');
    const next = fireDueTriggers(w.google, w.code, new Date('2024-08-01T12:00:00+07:00'), new Date('2024-08-02T12:00:00+07:00'));
    // The run works again (the monthly report of 01/8 it missed is not caught up: an admin sends it from Báo cáo).
    expect(next.map((f) => [f.error, (f.result as { ok: boolean }).ok])).toEqual([[undefined, true]]);
    expect(w.callAs(STAFF, 'getSettings').trigger.lastRun).toMatch(/^2024-08-02T00:/);
  });
});

// ---------------------------------------------------------------------------------------------------

const ASSOCIATIONS = [
  { name: 'Hội Làm vườn tỉnh Bắc Giang', email: 'hoilamvuon@example.vn' },
  { name: 'Hội Khoa học Đất tỉnh Bắc Giang', email: 'hoikhdat@example.vn' },
  { name: 'Hội Y học tỉnh Bắc Giang', email: 'hoiyhoc@example.vn' },
  { name: 'Hội Thủy lợi tỉnh Bắc Giang', email: 'hoithuyloi@example.vn' },
];

function withAssociations(now: string, n: number) {
  const w = world({ now });
  for (const a of ASSOCIATIONS.slice(0, n)) expect(w.call('saveAssociation', a).ok).toBe(true);
  return w;
}

/** An association fills in the form from the link it got: the code is already there. */
function answer(w: ReturnType<typeof world>, formId: string, email: string, code: string, byTitle: Record<string, unknown>) {
  const f = formState(w.google, formId)!;
  const item = (t: string) => f.items.find((i) => i.title === t)!.id;
  const answers: Record<number, unknown> = { [item('Mã hội (điền sẵn, xin không sửa)')]: code, [item('Đồng ý xử lý dữ liệu cá nhân')]: [CONSENT] };
  for (const [t, v] of Object.entries(byTitle)) answers[item(t)] = v;
  return respondToForm(w.google.newExecution({ kind: 'local', user: email }), formId, email, answers);
}
const CONSENT = 'Tôi đồng ý để Liên hiệp các Hội KH&KT tỉnh lưu và dùng thông tin liên hệ trong phiếu này chỉ để liên lạc về nội dung phiếu.';

describe('the activity-report form', () => {
  test('three associations answer; review accepts two under the chosen targets, rejects one; a second review imports nothing', () => {
    const w = withAssociations('2024-07-05T09:00:00+07:00', 3);
    const made = w.call('createForm', { formKind: 'activity', period: 'Quý II', deadline: '2024-07-20' });
    expect(made).toMatchObject({ ok: true, code: 'BM-2024-0001' });
    const f = made.forms[0];
    expect(f).toMatchObject({ title: 'Báo cáo kết quả hoạt động của hội thành viên quý II năm 2024', state: 'Đang mở', deadline: '2024-07-20' });
    const formId = w.sheet('Biểu mẫu')[1][5] as string;
    const state = formState(w.google, formId)!;
    expect(state).toMatchObject({ collectEmail: true, allowEdits: false, destinationId: w.ssId });
    expect(state.items.map((i) => i.title)).toEqual([
      'Mã hội (điền sẵn, xin không sửa)',
      'Tên hoạt động',
      'Ngày tổ chức',
      'Hoạt động thuộc chỉ tiêu',
      'Số lượng (cuộc, lớp…)',
      'Số người tham dự',
      'Kinh phí (đồng)',
      'Địa điểm',
      'Liên kết minh chứng (ảnh, văn bản)',
      'Người báo cáo, số điện thoại',
      'Đồng ý xử lý dữ liệu cá nhân',
    ]);

    const sent = w.call('sendForm', { formCode: 'BM-2024-0001', recipients: ['HTV-01', 'HTV-02', 'HTV-03'] });
    expect(sent).toMatchObject({ ok: true, added: 3, sentNow: 3, queued: 0, noEmail: [] });
    expect(w.google.outbox.map((m) => m.to)).toEqual(['hoilamvuon@example.vn', 'hoikhdat@example.vn', 'hoiyhoc@example.vn']);
    expect(w.google.outbox[1].body).toMatch(/viewform\?usp=pp_url&entry\.\d+=HTV-02/);

    answer(w, formId, 'hoilamvuon@example.vn', 'HTV-01', { 'Tên hoạt động': 'Tập huấn kỹ thuật ghép cải tạo vườn vải', 'Ngày tổ chức': new Date('2024-06-12T02:00:00Z'), 'Hoạt động thuộc chỉ tiêu': 'P3.4 – Hội nghị tập huấn, chuyển giao kỹ thuật', 'Số người tham dự': '85', 'Kinh phí (đồng)': '12.500.000', 'Địa điểm': 'Xã Lục Ngạn' });
    w.google.clock.advance(60_000);
    answer(w, formId, 'hoikhdat@example.vn', 'HTV-02', { 'Tên hoạt động': 'Hội thảo cải tạo đất bạc màu', 'Ngày tổ chức': new Date('2024-06-20T02:00:00Z'), 'Hoạt động thuộc chỉ tiêu': 'P3.5 – Hội thảo khoa học', 'Số người tham dự': '60' });
    w.google.clock.advance(60_000);
    answer(w, formId, 'hoiyhoc@example.vn', 'HTV-03', { 'Tên hoạt động': 'Khám sức khỏe cho hội viên', 'Ngày tổ chức': new Date('2024-06-25T02:00:00Z'), 'Hoạt động thuộc chỉ tiêu': 'P3.4 – Hội nghị tập huấn, chuyển giao kỹ thuật' });

    const list = w.call('getFormResponses', 'BM-2024-0001');
    expect(list).toMatchObject({ ok: true, total: 3, reviewed: 0 });
    expect(list.responses.map((r: { key: string; recipientName: string; suggestedTarget: string }) => [r.key, r.recipientName, r.suggestedTarget])).toEqual([
      ['BM-2024-0001|HTV-01|2024-07-05T02:00:00Z', 'Hội Làm vườn tỉnh Bắc Giang', 'P3.4'],
      ['BM-2024-0001|HTV-02|2024-07-05T02:01:00Z', 'Hội Khoa học Đất tỉnh Bắc Giang', 'P3.5'],
      ['BM-2024-0001|HTV-03|2024-07-05T02:02:00Z', 'Hội Y học tỉnh Bắc Giang', 'P3.4'],
    ]);
    const before = progressOf(w);
    expect(before).toEqual({ 'P3.4': 0, 'P3.5': 0 });

    const a1 = w.call('reviewResponse', { formCode: 'BM-2024-0001', key: 'BM-2024-0001|HTV-01|2024-07-05T02:00:00Z', verdict: 'accept', targetCode: 'P3.4' });
    expect(a1).toMatchObject({ ok: true, resultId: 'HD-2024-0001', reviewed: 1 });
    // Staff count the soil workshop as a training conference, not as the association chose.
    const a2 = w.call('reviewResponse', { formCode: 'BM-2024-0001', key: 'BM-2024-0001|HTV-02|2024-07-05T02:01:00Z', verdict: 'accept', targetCode: 'P3.4' });
    expect(a2).toMatchObject({ ok: true, resultId: 'HD-2024-0002' });
    const r3 = w.call('reviewResponse', { formCode: 'BM-2024-0001', key: 'BM-2024-0001|HTV-03|2024-07-05T02:02:00Z', verdict: 'reject', rejectReason: 'Khám sức khỏe không thuộc chỉ tiêu tập huấn' });
    expect(r3).toMatchObject({ ok: true, resultId: '', responses: [] });

    const events = w.sheet('Hoạt động').slice(1);
    expect(events.map((e) => [e[0], e[2], e[3], e[4], e[5], e[7], e[8], e[9]])).toEqual([
      ['HD-2024-0001', 'P3.4', new Date('2024-06-11T17:00:00Z'), 'Tập huấn kỹ thuật ghép cải tạo vườn vải', 1, 'Hội Làm vườn tỉnh Bắc Giang', 85, 12500000],
      ['HD-2024-0002', 'P3.4', new Date('2024-06-19T17:00:00Z'), 'Hội thảo cải tạo đất bạc màu', 1, 'Hội Khoa học Đất tỉnh Bắc Giang', 60, ''],
    ]);
    expect(String(events[0][11])).toBe('Phản hồi biểu mẫu BM-2024-0001|HTV-01|2024-07-05T02:00:00Z; báo cáo của Hội Làm vườn tỉnh Bắc Giang.');
    expect(progressOf(w)).toEqual({ 'P3.4': 2, 'P3.5': 0 });
    expect(w.sheet('Duyệt phản hồi').slice(1).map((r) => [r[0], r[4], r[5], r[6], r[7]])).toEqual([
      ['BM-2024-0001|HTV-01|2024-07-05T02:00:00Z', 'Đã nhận', '', 'HD-2024-0001', 'P3.4'],
      ['BM-2024-0001|HTV-02|2024-07-05T02:01:00Z', 'Đã nhận', '', 'HD-2024-0002', 'P3.4'],
      ['BM-2024-0001|HTV-03|2024-07-05T02:02:00Z', 'Từ chối', 'Khám sức khỏe không thuộc chỉ tiêu tập huấn', '', ''],
    ]);

    // The review run again: nothing new to list, and accepting the same response again is refused.
    expect(w.call('getFormResponses', 'BM-2024-0001')).toMatchObject({ ok: true, total: 3, reviewed: 3, responses: [] });
    const again = w.call('reviewResponse', { formCode: 'BM-2024-0001', key: 'BM-2024-0001|HTV-01|2024-07-05T02:00:00Z', verdict: 'accept', targetCode: 'P3.4' });
    expect(again).toMatchObject({ ok: false, code: 'responseReviewed', message: 'Phản hồi BM-2024-0001|HTV-01|2024-07-05T02:00:00Z đã được duyệt (Đã nhận: HD-2024-0001); không nhập lại.' });
    expect(w.sheet('Hoạt động').slice(1)).toHaveLength(2);
    expect(progressOf(w)).toEqual({ 'P3.4': 2, 'P3.5': 0 });
  });
});

function progressOf(w: ReturnType<typeof world>): Record<string, number> {
  const t = w.call('getProgress').targets as { code: string; done: number }[];
  return Object.fromEntries(t.filter((x) => x.code === 'P3.4' || x.code === 'P3.5').map((x) => [x.code, x.done]));
}

describe('sending, reminding and closing', () => {
  test('quota short: two links today, two the next day; the two who did not answer get one reminder over two runs; the form closes after its deadline', () => {
    const w = withAssociations('2024-07-06T09:00:00+07:00', 4);
    expect(w.call('saveSettings', { formReminderDays: 3 }).ok).toBe(true);
    const made = w.call('createForm', { formKind: 'activity', period: 'Quý II', deadline: '2024-07-12' });
    expect(made.ok).toBe(true);
    const formId = w.sheet('Biểu mẫu')[1][5] as string;
    // The admin's account has 2 emails left today (the scheduled reports are off: nothing is kept back for them).
    w.google.state.mail.used[`${ADMIN}|${Math.floor(w.google.clock.now().getTime() / 86400000)}`] = 98;
    const sent = w.call('sendForm', { formCode: 'BM-2024-0001', recipients: ['HTV-01', 'HTV-02', 'HTV-03', 'HTV-04'] });
    expect(sent).toMatchObject({ ok: true, added: 4, sentNow: 2, queued: 2 });
    expect(sent.forms[0]).toMatchObject({ sent: 2, queued: 2 });
    expect(w.google.outbox.map((m) => m.to)).toEqual(['hoilamvuon@example.vn', 'hoikhdat@example.vn']);
    // Creating the form turned the daily duty on: the trigger exists although the schedule is off.
    expect(w.google.state.triggers.map((t) => [t.handler, t.owner])).toEqual([['runScheduledReports', ADMIN]]);

    const day = (d: string) => fireDueTriggers(w.google, w.code, new Date(`${d}T00:00:00+07:00`), new Date(`${d}T23:59:00+07:00`));
    const d7 = day('2024-07-07');
    expect((d7[0].result as { summary: string }).summary).toBe('Gửi biểu mẫu: 2 liên kết');
    expect(w.google.outbox.map((m) => m.to)).toEqual(['hoilamvuon@example.vn', 'hoikhdat@example.vn', 'hoiyhoc@example.vn', 'hoithuyloi@example.vn']);

    answer(w, formId, 'hoilamvuon@example.vn', 'HTV-01', { 'Tên hoạt động': 'Tập huấn ghép vải', 'Ngày tổ chức': new Date('2024-06-12T02:00:00Z'), 'Hoạt động thuộc chỉ tiêu': 'P3.4 – Hội nghị tập huấn, chuyển giao kỹ thuật' });
    answer(w, formId, 'hoiyhoc@example.vn', 'HTV-03', { 'Tên hoạt động': 'Tập huấn sơ cứu', 'Ngày tổ chức': new Date('2024-06-14T02:00:00Z'), 'Hoạt động thuộc chỉ tiêu': 'P3.4 – Hội nghị tập huấn, chuyển giao kỹ thuật' });
    expect(day('2024-07-08').map((f) => (f.result as { summary: string }).summary)).toEqual(['Không có việc đến hạn']);
    // 9/7 is 3 days before the deadline: the two who have not answered are reminded, once.
    expect(day('2024-07-09').map((f) => (f.result as { summary: string }).summary)).toEqual(['Nhắc trả lời biểu mẫu: 2 đơn vị']);
    expect(day('2024-07-10').map((f) => (f.result as { summary: string }).summary)).toEqual(['Không có việc đến hạn']);
    const reminders = w.google.outbox.filter((m) => m.subject.startsWith('Nhắc trả lời: '));
    expect(reminders.map((m) => m.to)).toEqual(['hoikhdat@example.vn', 'hoithuyloi@example.vn']);
    expect(reminders[0].subject).toBe('Nhắc trả lời: Báo cáo kết quả hoạt động của hội thành viên quý II năm 2024');

    day('2024-07-11');
    day('2024-07-12');
    expect(formState(w.google, formId)!.accepting).toBe(true);
    // The first run after the deadline closes it.
    expect(day('2024-07-13').map((f) => (f.result as { summary: string }).summary)).toEqual(['Đóng biểu mẫu BM-2024-0001']);
    expect(formState(w.google, formId)!.accepting).toBe(false);
    expect(w.sheet('Biểu mẫu')[1][8]).toBe('Đã đóng');
    expect(w.google.outbox.filter((m) => m.subject.startsWith('Nhắc trả lời: '))).toHaveLength(2);
    // Nothing is left for the daily run: on its next run the trigger removes itself.
    expect(day('2024-07-14').map((f) => (f.result as { summary: string }).summary)).toEqual(['Lịch gửi đang tắt: trình kích hoạt đã tự gỡ']);
    expect(w.google.state.triggers).toEqual([]);
  });
});
