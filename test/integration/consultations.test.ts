// Programme 2 runs itself, on the built bundle: experts, a dossier from Sở Tài nguyên và Môi trường, its panel, the answer sent once, P2.1 counting it.
import { inspectPdf } from '../../fakes/index';
import { readPdf } from '../support/pdf';
import { fireDueTriggers } from '../../fakes/harness';
import { ADMIN, STAFF, world, type World } from '../support/bundle';

const STNMT = { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', email: 'stnmt@bacgiang.gov.vn' };
const DHNL = { code: 'DHNL', name: 'Trường Đại học Nông Lâm Bắc Giang' };
const EXPERTS = [
  { name: 'Nguyễn Văn Đức', degree: 'TS', fields: ['Quản lý đất đai'], workplaceCode: 'STNMT', position: 'Phó Giám đốc', consent: true, phone: '0912 111 222', email: 'duc.nv@example.vn' },
  { name: 'Trần Thị Bình', academicTitle: 'PGS', degree: 'TS', fields: ['Quản lý đất đai', 'Nông nghiệp'], workplaceCode: 'DHNL', position: 'Trưởng khoa', consent: true, phone: '0987 333 444', email: 'binh.tt@example.vn' },
  { name: 'Lê Văn Cường', degree: 'ThS', fields: ['Quản lý đất đai'], consent: true, email: 'cuong.lv@example.vn', address: 'Số 5 đường Hùng Vương, phường Hoàng Văn Thụ' },
];
const DOSSIER = {
  consultKind: 'Phản biện',
  subject: 'Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030',
  requesterCode: 'STNMT',
  requestNumber: '125/STNMT-QLĐĐ',
  requestDate: '2024-04-02',
  deadline: '2024-04-30',
  fields: ['Quản lý đất đai'],
  staff: STAFF,
};

function registers(w: World): void {
  expect(w.call('saveOrganisation', STNMT)).toMatchObject({ ok: true, code: 'STNMT' });
  expect(w.call('saveOrganisation', DHNL)).toMatchObject({ ok: true, code: 'DHNL' });
  EXPERTS.forEach((e, i) => expect(w.call('saveExpert', e)).toMatchObject({ ok: true, code: `CG-000${i + 1}` }));
}

const p21 = (w: World): number => w.call('getProgress').targets.find((t: { code: string }) => t.code === 'P2.1').done;

describe('a phản biện from Sở Tài nguyên và Môi trường, end to end', () => {
  const w = world({ now: '2024-04-25T09:00:00+07:00' });
  let code = '';

  test('the dossier takes P2.1 from the 2024 mapping and a TVPB code', () => {
    registers(w);
    const r = w.call('saveDossier', DOSSIER);
    expect(r).toMatchObject({ ok: true, code: 'TVPB-2024-001' });
    code = r.code;
    expect(r.detail.dossier).toMatchObject({ targetCode: 'P2.1', state: 'Tiếp nhận', requesterCode: 'STNMT' });
    expect(p21(w)).toBe(0);
  });

  test('the builder warns about the expert who works for the requesting body, and refuses her without a confirmation', () => {
    const v = w.call('getDossierView', code);
    expect(v.detail.suggestions.map((s: { code: string; conflict: boolean }) => [s.code, s.conflict])).toEqual([
      ['CG-0001', true],
      ['CG-0002', false],
      ['CG-0003', false],
    ]);
    const refused = w.call('savePanel', code, [{ expertCode: 'CG-0001', role: 'Ủy viên' }, { expertCode: 'CG-0002', role: 'Chủ tịch hội đồng' }]);
    expect(refused).toMatchObject({ ok: false, code: 'panelConflict' });
    expect(refused.message).toBe('Có xung đột lợi ích: Nguyễn Văn Đức công tác tại Sở Tài nguyên và Môi trường tỉnh Bắc Giang, cơ quan đề nghị. Bỏ người này khỏi danh sách hoặc xác nhận vẫn mời.');
  });

  test('a panel of two, with fees from the rate sheet', () => {
    const rates = w.google.state.spreadsheets[w.ssId].sheets.find((s) => s.name === 'Định mức chi tư vấn');
    expect(rates).toBeDefined();
    // Two rates typed by hand, as staff keep them: the chair's for any kind, the critic's for phản biện.
    w.run('onOpen', []);
    const ss = w.google.newExecution({ kind: 'sidebar', user: ADMIN });
    const sh = w.google.gas(ss).SpreadsheetApp.openById(w.ssId).getSheetByName('Định mức chi tư vấn')!;
    sh.getRange(2, 1, 2, 4).setValues([
      ['', 'Chủ tịch hội đồng', 1500000, 'Thông tư 11/2015/TT-BTC'],
      ['Phản biện', 'Phản biện', 1200000, 'Thông tư 11/2015/TT-BTC'],
    ]);
    const r = w.call('savePanel', code, [{ expertCode: 'CG-0002', role: 'Chủ tịch hội đồng' }, { expertCode: 'CG-0003', role: 'Phản biện' }]);
    expect(r).toMatchObject({ ok: true, conflicts: [] });
    expect(r.detail.dossier).toMatchObject({ state: 'Đang thực hiện', cost: 2700000 });
    expect(r.detail.panel.map((m: { name: string; role: string; fee: number }) => [m.name, m.role, m.fee])).toEqual([
      ['PGS.TS. Trần Thị Bình', 'Chủ tịch hội đồng', 1500000],
      ['ThS. Lê Văn Cường', 'Phản biện', 1200000],
    ]);
    expect(w.sheet('Thành viên hội đồng').slice(1)).toEqual([
      ['TVPB-2024-001', 'CG-0002', 'Chủ tịch hội đồng', 1500000],
      ['TVPB-2024-001', 'CG-0003', 'Phản biện', 1200000],
    ]);
  });

  test('the QĐ and the Giấy mời take their own series', () => {
    expect(w.call('issueDossierPaper', code, 'decision').paper).toMatchObject({ number: '01/QĐ-LHH', created: true });
    expect(w.call('issueDossierPaper', code, 'invitation').paper).toMatchObject({ number: '01/GM-LHH', created: true });
    // Asking again gives the same paper, not a second number.
    expect(w.call('issueDossierPaper', code, 'decision').paper).toMatchObject({ number: '01/QĐ-LHH', created: false });
  });

  test('the answer "Số: 01/BC-LHH" goes once, with its PDF, to the requesting body, naming both experts', async () => {
    const r = w.call('sendDossierAnswer', code);
    expect(r).toMatchObject({ ok: true, sent: { number: '01/BC-LHH', to: 'stnmt@bacgiang.gov.vn' } });
    expect(w.google.outbox).toHaveLength(1);
    const mail = w.google.outbox[0];
    expect(mail.to).toBe('stnmt@bacgiang.gov.vn');
    expect(mail.subject).toBe('Báo cáo số 01/BC-LHH: kết quả phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030 – Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Bắc Giang');
    expect(mail.attachments.map((a) => a.name)).toEqual(['01-BC-LHH.pdf']);
    expect(inspectPdf(mail.attachments[0].bytes).ok).toBe(true);
    // The text as a PDF reader reads it, lines joined (a sentence may wrap).
    const pdf = { text: (await readPdf(mail.attachments[0].bytes)).text.replace(/\s+/g, ' ') };
    for (const s of ['Số: 01/BC-LHH', 'BÁO CÁO', 'Kính gửi: Sở Tài nguyên và Môi trường tỉnh Bắc Giang', 'Văn bản số 125/STNMT-QLĐĐ ngày 02/04/2024', 'PGS.TS. Trần Thị Bình', 'ThS. Lê Văn Cường', 'Chủ tịch hội đồng']) expect(pdf.text).toContain(s);
    expect(pdf.text).not.toContain('Nguyễn Văn Đức');
    const again = w.call('sendDossierAnswer', code);
    expect(again).toMatchObject({ ok: false, code: 'dossierAlreadySent' });
    expect(w.google.outbox).toHaveLength(1);
  });

  test('P2.1 moved by one, by one event linked both ways, costed with the fees', () => {
    expect(p21(w)).toBe(1);
    const events = w.sheet('Hoạt động');
    const head = events[0] as string[];
    const rows = events.slice(1).filter((row) => String(row[head.indexOf('Kết quả, ghi chú')]).includes('TVPB-2024-001'));
    expect(rows).toHaveLength(1);
    const ev = rows[0];
    expect(ev[head.indexOf('Mã chỉ tiêu')]).toBe('P2.1');
    expect(ev[head.indexOf('Tên hoạt động')]).toBe('Phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030');
    expect(ev[head.indexOf('Chi phí')]).toBe(2700000);
    const id = ev[head.indexOf('Mã')];
    const dossiers = w.sheet('Tư vấn phản biện');
    const dh = dossiers[0] as string[];
    expect(dossiers[1][dh.indexOf('Mã hoạt động')]).toBe(id);
    expect(dossiers[1][dh.indexOf('Trạng thái')]).toBe('Đã gửi kết quả');
    expect(dossiers[1][dh.indexOf('Số văn bản trả lời')]).toBe('01/BC-LHH');
    // The event is the dossier's: updateEvent and cancelEvent point there.
    const u = w.call('updateEvent', id, { title: 'Sửa tay' });
    expect(u).toMatchObject({ ok: false, code: 'eventOfDossier' });
    expect(u.message).toBe(`Hoạt động ${id} được ghi tự động từ hồ sơ tư vấn TVPB-2024-001; hãy sửa hoặc hủy trong hồ sơ đó (menu "Tư vấn, phản biện").`);
    expect(w.call('cancelEvent', id, 'nhầm')).toMatchObject({ ok: false, code: 'eventOfDossier' });
  });

  test('cancelling the dossier cancels its event: P2.1 goes back', () => {
    expect(w.call('moveDossier', code, { to: 'Hủy' })).toMatchObject({ ok: false, code: 'invalidInput', errors: { reason: 'Lý do hủy: Bắt buộc nhập.' } });
    const r = w.call('moveDossier', code, { to: 'Hủy', reason: 'Sở rút đề nghị để hoàn thiện hồ sơ' });
    expect(r).toMatchObject({ ok: true, detail: { dossier: { state: 'Hủy' } } });
    expect(p21(w)).toBe(0);
    const events = w.sheet('Hoạt động');
    const head = events[0] as string[];
    const ev = events.find((row) => row[head.indexOf('Mã')] === r.cancelledEvent)!;
    expect(ev[head.indexOf('Trạng thái')]).toBe('Đã hủy');
    expect(r.stats).toMatchObject({ received: 0, cancelled: 1 });
  });
});

test('an answer signed outside the add-on is recorded with its number, date and link, and counts once', () => {
  const w = world({ now: '2024-05-10T09:00:00+07:00' });
  registers(w);
  const code = w.call('saveDossier', { ...DOSSIER, consultKind: 'Tọa đàm góp ý văn bản', subject: 'Dự thảo Nghị quyết về đất đai' }).code;
  expect(w.call('recordDossierSent', code, { answerNumber: '17/BC-LHH', answerDate: '32/05/2024' })).toMatchObject({ ok: false, errors: { answerDate: 'Ngày gửi kết quả: Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).' } });
  const r = w.call('recordDossierSent', code, { answerNumber: '17/BC-LHH', answerDate: '08/05/2024', answerUrl: 'https://eoffice.bacgiang.gov.vn/vb/17' });
  expect(r).toMatchObject({ ok: true, detail: { dossier: { state: 'Đã gửi kết quả', answerNumber: '17/BC-LHH', answerDate: '2024-05-08', sentBy: 'outside' } } });
  expect(w.call('getProgress').targets.find((t: { code: string }) => t.code === 'P2.3').done).toBe(1);
  expect(w.google.outbox).toHaveLength(0);
  expect(w.call('recordDossierSent', code, { answerNumber: '18/BC-LHH', answerDate: '09/05/2024' })).toMatchObject({ ok: false, code: 'dossierAlreadySent' });
  const feedback = w.call('moveDossier', code, { to: 'Đã có phản hồi', uptake: 'Tiếp thu một phần', uptakeNote: 'Tiếp thu 5/7 kiến nghị' });
  expect(feedback.stats).toMatchObject({ received: 1, answered: 1, takeUpRate: 100 });
});

test('a dossier past its deadline produces exactly one reminder over two scheduled runs', () => {
  const w = world({ now: '2024-04-24T20:00:00+07:00' });
  registers(w);
  w.call('saveDossier', { ...DOSSIER, deadline: '2024-04-20' });
  // Reminders are a daily duty of their own: the trigger exists although no report is scheduled.
  expect(w.call('saveSettings', { reminderDays: 7 })).toMatchObject({ ok: true });
  expect(w.google.dueTriggers(new Date('2024-04-24T20:00:00+07:00'), new Date('2024-04-26T20:00:00+07:00'))).toHaveLength(2);
  const fired = fireDueTriggers(w.google, w.code, new Date('2024-04-24T20:00:00+07:00'), new Date('2024-04-26T20:00:00+07:00'));
  expect(fired.map((f) => (f.result as { reminders: unknown[] }).reminders)).toEqual([[{ code: 'TVPB-2024-001', kind: 'overdue', to: STAFF, outcome: 'sent' }], []]);
  expect(w.google.outbox.map((m) => [m.to, m.subject])).toEqual([[STAFF, 'Quá hạn: hồ sơ TVPB-2024-001 đã quá hạn trả lời ngày 20/04/2024 (5 ngày)']]);
  const d = w.sheet('Tư vấn phản biện');
  expect(d[1][(d[0] as string[]).indexOf('Đã nhắc quá hạn')]).toEqual(expect.any(Date));
  // Turning reminders off (no report schedule either) removes the trigger.
  w.call('saveSettings', { reminderDays: 0 });
  expect(w.google.dueTriggers(new Date('2024-04-27T00:00:00+07:00'), new Date('2024-04-29T00:00:00+07:00'))).toHaveLength(0);
});

describe('contact details live only in the restricted contacts file', () => {
  const w = world({ now: '2024-04-25T09:00:00+07:00' });
  registers(w);
  w.call('pasteExperts', 'Họ và tên\tHọc vị\tLĩnh vực\tĐiện thoại\tEmail\tĐồng ý\nVũ Thị Mai\tThS\tNông nghiệp\t0977 555 666\tmai.vt@example.vn\tcó', true);
  w.call('saveAssociation', { name: 'Hội Khoa học Đất tỉnh Bắc Giang', chair: 'Hoàng Văn Sơn', phone: '0204 3855 123', email: 'hoikhdat@example.vn' });

  test('a staff member not named in settings is refused by every action that reads or writes them', () => {
    const refused = 'Thông tin liên hệ (điện thoại, email, địa chỉ) chỉ dành cho quản trị viên và cán bộ được chỉ định trong Cài đặt.';
    expect(w.callAs(STAFF, 'getContact', 'CG-0002')).toMatchObject({ ok: false, code: 'notContactReader', message: refused });
    expect(w.callAs(STAFF, 'saveExpert', { name: 'Đỗ Thị Hoa', fields: ['Y tế'], phone: '0911 000 000' })).toMatchObject({ ok: false, code: 'notContactReader' });
    expect(w.callAs(STAFF, 'saveAssociation', { name: 'Hội Y học', email: 'hoiyhoc@example.vn' })).toMatchObject({ ok: false, code: 'notContactReader' });
    expect(w.callAs(STAFF, 'pasteExperts', 'Đỗ Thị Hoa\t\tTS\tY tế\t\t\t\t\t\t0911 000 000', true)).toMatchObject({ ok: false, code: 'notContactReader' });
    expect(w.callAs(STAFF, 'setExpertState', 'CG-0002', 'Ẩn danh')).toMatchObject({ ok: false, code: 'notAdmin' });
    // The register itself stays open to staff: searching needs no contact.
    expect(w.callAs(STAFF, 'getExpertsView', { text: 'tran thi binh' })).toMatchObject({ ok: true, total: 1, canReadContacts: false });
  });

  test('the admin reads them; a staff member named in settings too, once the file is shared with them', () => {
    expect(w.call('getContact', 'CG-0002')).toEqual({ ok: true, code: 'CG-0002', phone: '0987 333 444', email: 'binh.tt@example.vn', address: '' });
    expect(w.call('saveSettings', { contactReaders: [STAFF] })).toMatchObject({ ok: true });
    const file = Object.values(w.google.state.spreadsheets).find((s) => s.name.startsWith('LHH Tracker - Liên hệ (hạn chế)'))!;
    expect([file.owner, file.editors]).toEqual([ADMIN, [STAFF]]);
    expect(w.google.sheetNames(file.id)).toEqual(['Liên hệ']);
    expect(w.callAs(STAFF, 'getContact', 'CG-0004')).toEqual({ ok: true, code: 'CG-0004', phone: '0977 555 666', email: 'mai.vt@example.vn', address: '' });
  });

  test('the workbook holds no phone number or email of an expert or a chair, in any sheet', () => {
    const all = JSON.stringify(w.google.sheetNames(w.ssId).map((n) => w.sheet(n)));
    for (const s of ['0912 111 222', '0987 333 444', '0977 555 666', '0204 3855 123', 'duc.nv@example.vn', 'binh.tt@example.vn', 'cuong.lv@example.vn', 'mai.vt@example.vn', 'hoikhdat@example.vn', 'Hùng Vương']) expect(all).not.toContain(s);
    expect(w.google.sheetNames(w.ssId)).toEqual(expect.arrayContaining(['Hội thành viên', 'Chuyên gia', 'Cơ quan, đơn vị', 'Tư vấn phản biện', 'Thành viên hội đồng', 'Định mức chi tư vấn', 'Tư vấn - chỉ tiêu']));
  });

  test('a deletion request anonymises: "Chuyên gia CG-0003" stays, the contact row is emptied', () => {
    expect(w.call('setExpertState', 'CG-0003', 'Ẩn danh')).toMatchObject({ ok: true });
    const ex = w.sheet('Chuyên gia');
    expect(ex.find((r) => r[0] === 'CG-0003')!.slice(0, 4)).toEqual(['CG-0003', 'Chuyên gia CG-0003', '', '']);
    expect(w.call('getContact', 'CG-0003')).toEqual({ ok: true, code: 'CG-0003', phone: '', email: '', address: '' });
    expect(JSON.stringify(w.google.state.spreadsheets)).not.toContain('cuong.lv@example.vn');
  });
});
