// A supported product (P4.5) paid stage by stage: no payment before the previous stage passes, none above the plan.
import { checkDisbursement, checkInspection, summarise, type Inspection, type SupportState } from '../../src/core/support-plan';
import { isAppError } from '../../src/core/errors';
import { messageOf } from '../../src/core/messages';

const stages = [
  { no: 1, name: 'Hoàn thiện thiết kế', plannedAmount: 50_000_000, plannedDate: '2025-03-31' },
  { no: 2, name: 'Chế tạo thử nghiệm', plannedAmount: 120_000_000, plannedDate: '2025-06-30' },
  { no: 3, name: 'Sản xuất loạt đầu', plannedAmount: 80_000_000, plannedDate: '2025-09-30' },
];
const inspect = (stageNo: number, date: string, finding: 'Đạt' | 'Chưa đạt'): Inspection => ({ stageNo, date, inspector: 'Tổ giám sát LHH', finding, note: '' });

function refusal(f: () => void): string {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return e.code === 'invalidInput' ? JSON.stringify(e.fields) : messageOf(e.code, e.params);
    throw e;
  }
  return 'accepted';
}

describe('paying the stages', () => {
  const paidStage1: SupportState = { stages, disbursements: [{ stageNo: 1, date: '2025-03-01', amount: 30_000_000 }], inspections: [] };

  test('stage 1 can be paid at once', () => {
    expect(refusal(() => checkDisbursement({ ...paidStage1, disbursements: [] }, { stageNo: 1, date: '2025-03-01', amount: 30_000_000 }))).toBe('accepted');
  });

  test('paying stage 2 before stage 1 passed inspection is refused, naming both stages', () => {
    expect(refusal(() => checkDisbursement(paidStage1, { stageNo: 2, date: '2025-04-10', amount: 60_000_000 }))).toBe(
      'Chưa chi được công đoạn "Chế tạo thử nghiệm": công đoạn "Hoàn thiện thiết kế" chưa được kiểm tra đạt.',
    );
  });

  test('a failed inspection still blocks stage 2; once re-inspected as passed, stage 2 is paid — but not with a date before that pass', () => {
    const failed = { ...paidStage1, inspections: [inspect(1, '2025-04-05', 'Chưa đạt')] };
    expect(refusal(() => checkDisbursement(failed, { stageNo: 2, date: '2025-04-10', amount: 60_000_000 }))).toMatch(/^Chưa chi được công đoạn "Chế tạo thử nghiệm"/);
    const passed = { ...failed, inspections: [...failed.inspections, inspect(1, '2025-04-20', 'Đạt')] };
    expect(refusal(() => checkDisbursement(passed, { stageNo: 2, date: '2025-04-25', amount: 60_000_000 }))).toBe('accepted');
    expect(refusal(() => checkDisbursement(passed, { stageNo: 2, date: '2025-04-10', amount: 60_000_000 }))).toMatch(/"Hoàn thiện thiết kế" chưa được kiểm tra đạt/);
  });

  test('stage 3 needs stage 1 passed too, not only stage 2', () => {
    const s: SupportState = { stages, disbursements: [], inspections: [inspect(2, '2025-07-01', 'Đạt')] };
    expect(refusal(() => checkDisbursement(s, { stageNo: 3, date: '2025-07-05', amount: 10_000_000 }))).toBe(
      'Chưa chi được công đoạn "Sản xuất loạt đầu": công đoạn "Hoàn thiện thiết kế" chưa được kiểm tra đạt.',
    );
  });

  test('a payment over the stage plan is refused, naming the stage and the amounts', () => {
    expect(refusal(() => checkDisbursement(paidStage1, { stageNo: 1, date: '2025-03-20', amount: 25_000_000 }))).toBe(
      'Chi vượt kế hoạch công đoạn "Hoàn thiện thiết kế": kế hoạch 50.000.000 đ, đã chi 30.000.000 đ, lần này 25.000.000 đ.',
    );
    expect(refusal(() => checkDisbursement(paidStage1, { stageNo: 1, date: '2025-03-20', amount: 20_000_000 }))).toBe('accepted');
  });

  test('a stage that is not in the plan, a zero or fractional amount and a bad date are named by field', () => {
    expect(refusal(() => checkDisbursement(paidStage1, { stageNo: 4, date: '2025-13-01', amount: 0 }))).toBe(
      JSON.stringify({ stageNo: { code: 'unknownStage', params: { value: '4' } }, date: { code: 'invalidDate' }, amount: { code: 'notPositive' } }),
    );
    expect(refusal(() => checkDisbursement(paidStage1, { stageNo: 1, date: '2025-03-20', amount: 1.5 }))).toBe(JSON.stringify({ amount: { code: 'invalidMoney' } }));
  });
});

describe('inspections and counting the product', () => {
  const done: SupportState = {
    stages,
    disbursements: [
      { stageNo: 1, date: '2025-03-01', amount: 50_000_000 },
      { stageNo: 2, date: '2025-05-01', amount: 100_000_000 },
      { stageNo: 3, date: '2025-08-01', amount: 80_000_000 },
    ],
    inspections: [inspect(1, '2025-04-20', 'Đạt'), inspect(2, '2025-07-01', 'Đạt'), inspect(3, '2025-09-20', 'Chưa đạt'), inspect(3, '2025-10-05', 'Đạt')],
  };

  test('an inspection needs a known stage, who inspected and a finding of Đạt or Chưa đạt', () => {
    expect(checkInspection(done, { stageNo: 5, date: '2025-10-05', inspector: ' ', finding: 'Tốt' as 'Đạt', note: '' })).toEqual({
      stageNo: { code: 'unknownStage', params: { value: '5' } },
      inspector: { code: 'required' },
      finding: { code: 'invalidChoice', params: { choices: 'Đạt, Chưa đạt' } },
    });
  });

  test('before the last stage passes the product does not count', () => {
    expect(summarise(done, '2025-10-01')).toEqual({
      stages: [
        { no: 1, name: 'Hoàn thiện thiết kế', planned: 50_000_000, paid: 50_000_000, passed: true },
        { no: 2, name: 'Chế tạo thử nghiệm', planned: 120_000_000, paid: 100_000_000, passed: true },
        { no: 3, name: 'Sản xuất loạt đầu', planned: 80_000_000, paid: 80_000_000, passed: false },
      ],
      planned: 250_000_000,
      paid: 230_000_000,
      stagesPassed: 2,
      counts: false,
      countedOn: '',
    });
  });

  test('the product counts from the day its last stage passed', () => {
    expect(summarise(done, '2025-12-31')).toMatchObject({ stagesPassed: 3, counts: true, countedOn: '2025-10-05' });
  });
});
