// A consultation dossier's life: checks, states, kind → target per year, panel suggestions and conflicts, fees, reminders, figures.
import { checkDossier, dossierEvent, dossierOfEvent, dossierStats, dueReminders, moveDossier, nextDossierCode, SEED_KIND_TARGETS, targetForKind, type Dossier } from '../../src/core/dossiers';
import type { Expert, Organisation } from '../../src/core/experts';
import { feeTotal, rateFor, withFees, type FeeRate } from '../../src/core/fees';
import { checkPanel, suggestPanel, type PanelMember } from '../../src/core/panel';
import type { Target } from '../../src/core/types';

const stnmt: Organisation = { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', email: 'stnmt@bacgiang.gov.vn', note: '' };
const target = (code: string): Target => ({ year: 2024, code, programCode: 'P2', name: code, content: '', quantity: 16, unit: 'cuộc', qualifier: 'exact', dueDate: null, endYear: 2024, status: '', note: '' });
const targets = [target('P2.1'), target('P2.2'), target('P2.3')];

function dossier(extra: Partial<Dossier> = {}): Dossier {
  return {
    code: 'TVPB-2024-001', year: 2024, consultKind: 'Phản biện', targetCode: 'P2.1', subject: 'Quy hoạch sử dụng đất tỉnh Bắc Giang', requesterCode: 'STNMT', requestNumber: '125/STNMT-QLĐĐ', requestDate: '2024-04-02', deadline: '2024-04-30',
    fields: ['Quản lý đất đai'], form: 'Hội đồng', heldDate: '', state: 'Tiếp nhận', cancelReason: '', staff: 'canbo@lhh.vn', answerNumber: '', answerDate: '', answerDocId: '', answerUrl: '', sentBy: '', eventId: '', uptake: '', uptakeNote: '', budgetLineId: '', cost: null, remindedDue: '', remindedOverdue: '', note: '', ...extra,
  };
}
function expert(code: string, name: string, extra: Partial<Expert> = {}): Expert {
  return { code, name, academicTitle: '', degree: 'TS', fields: ['Quản lý đất đai'], speciality: '', workplaceCode: '', workplace: '', position: '', associationCode: '', scope: 'Trong tỉnh', consent: true, consentDate: '2024-01-10', note: '', state: 'Đang hoạt động', ...extra };
}

describe('a new dossier', () => {
  const lists = { year: 2024, targets, organisations: [stnmt], mapping: SEED_KIND_TARGETS, fields: ['Quản lý đất đai'] };
  test('its target comes from the year\'s mapping of its kind', () => {
    const r = checkDossier({ consultKind: 'Giám định xã hội', subject: 'Đề án chuyển đổi số', requesterCode: 'STNMT', deadline: '30/05/2024' }, lists);
    expect(r.problems).toEqual({});
    expect(r.dossier).toMatchObject({ targetCode: 'P2.2', deadline: '2024-05-30', form: 'Hội đồng' });
    expect(targetForKind(SEED_KIND_TARGETS, 2024, 'Tọa đàm góp ý văn bản')).toBe('P2.3');
  });
  test('another year without a mapping says so; an unknown body is named', () => {
    const r = checkDossier({ consultKind: 'Tư vấn', subject: 'X', requesterCode: 'SYT' }, { ...lists, year: 2025 });
    expect(r.problems).toEqual({ targetCode: { code: 'noKindTarget', params: { kind: 'Tư vấn', year: 2025 } }, requesterCode: { code: 'unknownOrganisation', params: { value: 'SYT' } } });
  });
  test('codes per year', () => {
    expect(nextDossierCode(2024, ['TVPB-2024-001', 'TVPB-2023-007', 'TVPB-2024-009'])).toBe('TVPB-2024-010');
  });
});

describe('states', () => {
  test('Tiếp nhận → Đang thực hiện → Đã gửi kết quả → Đã có phản hồi, then Hủy with a reason', () => {
    let d = moveDossier(dossier(), { to: 'Đang thực hiện' });
    expect(() => moveDossier(d, { to: 'Đã gửi kết quả' })).toThrow(expect.objectContaining({ code: 'invalidInput', fields: { answerNumber: { code: 'required' }, answerDate: { code: 'required' } } }));
    d = moveDossier(d, { to: 'Đã gửi kết quả', answerNumber: '03/BC-LHH', answerDate: '2024-04-25' });
    d = moveDossier(d, { to: 'Đã có phản hồi', uptake: 'Tiếp thu một phần', uptakeNote: 'Tiếp thu 5/7 ý kiến' });
    expect(d).toMatchObject({ state: 'Đã có phản hồi', answerNumber: '03/BC-LHH', uptake: 'Tiếp thu một phần' });
    expect(() => moveDossier(d, { to: 'Hủy', reason: ' ' })).toThrow(expect.objectContaining({ fields: { reason: { code: 'required' } } }));
    expect(moveDossier(d, { to: 'Hủy', reason: 'Cơ quan rút đề nghị' })).toMatchObject({ state: 'Hủy', cancelReason: 'Cơ quan rút đề nghị' });
  });
  test('no skipping ahead, nothing after Hủy', () => {
    expect(() => moveDossier(dossier(), { to: 'Đã có phản hồi' })).toThrow(expect.objectContaining({ code: 'dossierBadMove', params: { code: 'TVPB-2024-001', from: 'Tiếp nhận', to: 'Đã có phản hồi' } }));
    expect(() => moveDossier(dossier({ state: 'Hủy' }), { to: 'Tiếp nhận' })).toThrow(expect.objectContaining({ code: 'dossierBadMove' }));
  });
});

describe('panel builder', () => {
  const experts = [
    expert('CG-0001', 'Nguyễn Văn Đức', { workplaceCode: 'STNMT', workplace: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang' }),
    expert('CG-0002', 'Trần Thị Bình', { fields: ['Quản lý đất đai', 'Nông nghiệp'] }),
    expert('CG-0003', 'Lê Văn Cường'),
    expert('CG-0004', 'Phạm Thu Dung', { consent: false }),
    expert('CG-0005', 'Hoàng Văn Em', { fields: ['Y tế'] }),
  ];
  const earlier = dossier({ code: 'TVPB-2024-000', state: 'Đã gửi kết quả' });
  const members: PanelMember[] = [{ dossierCode: 'TVPB-2024-000', expertCode: 'CG-0003', role: 'Ủy viên', fee: null }];
  test('consenting experts in the field, least busy first, the requesting body\'s own expert flagged', () => {
    const s = suggestPanel(experts, dossier(), members, [earlier, dossier()]);
    expect(s.map((x) => [x.code, x.panelsThisYear, x.conflict])).toEqual([
      ['CG-0001', 0, true],
      ['CG-0002', 0, false],
      ['CG-0003', 1, false],
    ]);
  });
  test('the conflict is matched by the organisation code, not by spelling', () => {
    const spelled = [expert('CG-0009', 'Ngô Thị Hà', { workplaceCode: '', workplace: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang' })];
    expect(suggestPanel(spelled, dossier(), [], [])[0].conflict).toBe(false);
  });
  test('picking: conflicts warned, bad picks refused per row', () => {
    const ok = checkPanel([{ expertCode: 'CG-0001', role: 'Phản biện' }, { expertCode: 'CG-0002', role: 'Chủ tịch hội đồng', fee: '1.500.000' }], experts, dossier());
    expect(ok.conflicts).toEqual(['CG-0001']);
    expect(ok.members).toEqual([
      { dossierCode: 'TVPB-2024-001', expertCode: 'CG-0001', role: 'Phản biện', fee: null },
      { dossierCode: 'TVPB-2024-001', expertCode: 'CG-0002', role: 'Chủ tịch hội đồng', fee: 1500000 },
    ]);
    expect(() => checkPanel([{ expertCode: 'CG-0004', role: 'Ủy viên' }, { expertCode: 'CG-0002', role: 'Trưởng đoàn' }, { expertCode: 'CG-0404', role: 'Ủy viên' }], experts, dossier())).toThrow(
      expect.objectContaining({ fields: { 'panel.0': { code: 'expertUnavailable', params: { value: 'CG-0004' } }, 'panel.1': { code: 'invalidChoice', params: { choices: 'Chủ tịch hội đồng, Phản biện, Ủy viên, Thư ký, Chuyên gia' } }, 'panel.2': { code: 'unknownExpert', params: { value: 'CG-0404' } } } }),
    );
  });
});

test('fees come from the rate table (kind first, then any kind) and total into the event cost', () => {
  const rates: FeeRate[] = [
    { kind: '', role: 'Ủy viên', amount: 500000, basis: 'Nghị quyết của HĐND tỉnh' },
    { kind: 'Phản biện', role: 'Phản biện', amount: 1200000, basis: 'Thông tư 11/2015/TT-BTC' },
  ];
  expect(rateFor(rates, 'Phản biện', 'Ủy viên')).toBe(500000);
  expect(rateFor(rates, 'Tư vấn', 'Phản biện')).toBe(null);
  const panel = withFees(rates, 'Phản biện', [
    { dossierCode: 'D', expertCode: 'CG-1', role: 'Phản biện', fee: null },
    { dossierCode: 'D', expertCode: 'CG-2', role: 'Ủy viên', fee: null },
    { dossierCode: 'D', expertCode: 'CG-3', role: 'Thư ký', fee: null },
  ]);
  expect(panel.map((m) => m.fee)).toEqual([1200000, 500000, null]);
  expect(feeTotal(panel)).toBe(1700000);
  expect(feeTotal([])).toBe(null);
});

describe('deadline reminders', () => {
  const open = dossier({ deadline: '2024-04-30' });
  test('due within the days set: once', () => {
    expect(dueReminders([open], '2024-04-20', 7)).toEqual([]);
    expect(dueReminders([open], '2024-04-25', 7)).toEqual([{ code: 'TVPB-2024-001', kind: 'due', staff: 'canbo@lhh.vn', deadline: '2024-04-30', daysLeft: 5 }]);
    expect(dueReminders([{ ...open, remindedDue: '2024-04-25' }], '2024-04-26', 7)).toEqual([]);
  });
  test('overdue: once more, then never; answered dossiers are left alone', () => {
    const marked = { ...open, remindedDue: '2024-04-25' };
    expect(dueReminders([marked], '2024-05-01', 7).map((r) => r.kind)).toEqual(['overdue']);
    expect(dueReminders([{ ...marked, remindedOverdue: '2024-05-01' }], '2024-05-02', 7)).toEqual([]);
    expect(dueReminders([{ ...open, state: 'Đã gửi kết quả' }], '2024-05-01', 7)).toEqual([]);
  });
});

test('figures: received, in progress, answered, overdue and the take-up rate', () => {
  const ds = [
    dossier({ code: 'A', state: 'Tiếp nhận', deadline: '2024-03-01' }),
    dossier({ code: 'B', state: 'Đang thực hiện', deadline: '2024-12-01' }),
    dossier({ code: 'C', state: 'Đã gửi kết quả' }),
    dossier({ code: 'D', state: 'Đã có phản hồi', uptake: 'Tiếp thu toàn bộ' }),
    dossier({ code: 'E', state: 'Đã có phản hồi', uptake: 'Không tiếp thu' }),
    dossier({ code: 'F', state: 'Đã có phản hồi', uptake: 'Tiếp thu một phần' }),
    dossier({ code: 'G', state: 'Hủy' }),
    dossier({ code: 'H', year: 2023 }),
  ];
  expect(dossierStats(ds, 2024, '2024-06-01')).toEqual({ received: 6, inProgress: 1, answered: 4, overdue: 1, cancelled: 1, takeUpRate: 66.67 });
});

test('the counted event: dated the day sent, costed with the fees, linked by the dossier code', () => {
  const d = dossier({ state: 'Đã gửi kết quả', answerNumber: '03/BC-LHH', answerDate: '2024-04-25', answerUrl: 'https://docs.google.com/document/d/abc', cost: 1700000 });
  const e = dossierEvent(d, stnmt, '2024-04-26');
  expect(e).toEqual({
    targetCode: 'P2.1', date: '2024-04-26', title: 'Phản biện Quy hoạch sử dụng đất tỉnh Bắc Giang', quantity: 1, location: '', partner: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', participants: null, cost: 1700000, budgetLineId: '',
    result: 'Hồ sơ tư vấn TVPB-2024-001; văn bản trả lời số 03/BC-LHH.', evidenceUrl: 'https://docs.google.com/document/d/abc',
  });
  expect(dossierOfEvent(e.result)).toBe('TVPB-2024-001');
  expect(dossierOfEvent('Hội thảo khoa học')).toBe('');
});
