// Budget line input: what the Kinh phí sidebar may send, the stage rules for Sở Tài chính's and UBND's figures, and the plan checks.
import { validateBudgetLine, validateBudgetShape } from '../../src/core/budget-input';
import { AppError } from '../../src/core/errors';
import type { Programme, Target } from '../../src/core/types';

const programs: Programme[] = [
  { year: 2024, code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', objectives: [] },
  { year: 2024, code: 'P3', name: 'Phổ biến kiến thức khoa học', objectives: [] },
];
const target = (code: string, programCode: string): Target => ({ year: 2024, code, programCode, name: code, content: code, quantity: 16, unit: 'cuộc', qualifier: 'exact', dueDate: null, endYear: 2024, status: '', note: '' });
const targets = [target('P2.1', 'P2'), target('P3.5', 'P3')];

const conference = { programCode: 'P2', targetCode: 'P2.1', item: 'Tổ chức hội nghị tư vấn, phản biện (16 cuộc)', unit: 'cuộc', quantity: 16, unitPrice: 5000000, stage: 'Dự thảo' };

/** The coded problems a refused line names, field by field. */
function problems(input: unknown): Record<string, string> {
  try {
    validateBudgetLine(input, programs, targets);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return Object.fromEntries(Object.entries(e.fields).map(([k, p]) => [k, p.code]));
  }
  throw new Error('the line was accepted');
}

describe('a staff member drafts the line for the 16 consultation conferences', () => {
  test('the line is accepted, with its proposed amount computed: 16 × 5.000.000 đ = 80.000.000 đ', () => {
    expect(validateBudgetLine(conference, programs, targets)).toEqual({
      programCode: 'P2',
      targetCode: 'P2.1',
      item: 'Tổ chức hội nghị tư vấn, phản biện (16 cuộc)',
      unit: 'cuộc',
      quantity: 16,
      unitPrice: 5000000,
      proposed: 80000000,
      appraised: null,
      approved: null,
      basis: '',
      stage: 'Dự thảo',
      note: '',
    });
  });

  test('amounts typed the Vietnamese way are read: "5.000.000 đ", "2,5" days, spaces trimmed from the text', () => {
    const line = validateBudgetLine({ ...conference, item: '  Thuê hội trường  ', quantity: '2,5', unitPrice: '5.000.000 đ' }, programs, targets);
    expect(line).toMatchObject({ item: 'Thuê hội trường', quantity: 2.5, unitPrice: 5000000, proposed: 12500000 });
  });

  test('once UBND has approved, both the appraised and the approved figures may be given', () => {
    const line = validateBudgetLine({ ...conference, stage: 'Đã phê duyệt', appraised: '70.000.000', approved: 60000000 }, programs, targets);
    expect(line).toMatchObject({ appraised: 70000000, approved: 60000000, stage: 'Đã phê duyệt' });
  });
});

describe('what is refused, naming the field', () => {
  test('an approved figure on a line Sở Tài chính has only appraised is too early', () => {
    expect(problems({ ...conference, stage: 'Đã thẩm định', appraised: 70000000, approved: 60000000 })).toEqual({ approved: 'stageTooEarly' });
  });

  test('an appraised figure on a draft is too early', () => {
    expect(problems({ ...conference, appraised: 70000000 })).toEqual({ appraised: 'stageTooEarly' });
  });

  test('a programme that is not in the plan, or a target of another programme', () => {
    expect(problems({ ...conference, programCode: 'P9', targetCode: '' })).toEqual({ programCode: 'unknownProgram' });
    expect(problems({ ...conference, targetCode: 'P3.5' })).toEqual({ targetCode: 'targetOtherProgram' });
    expect(problems({ ...conference, targetCode: 'P2.9' })).toEqual({ targetCode: 'unknownTarget' });
  });

  test('no item, no quantity, a negative price, a stage not on the list', () => {
    expect(problems({ ...conference, item: '   ', quantity: '', unitPrice: -1, stage: 'Đã duyệt' })).toEqual({ item: 'required', quantity: 'required', unitPrice: 'negative', stage: 'invalidChoice' });
  });

  test('a quantity of 0 or with three decimals, a price with đồng fractions or past 10.000 tỷ', () => {
    expect(problems({ ...conference, quantity: 0 })).toEqual({ quantity: 'notPositive' });
    expect(problems({ ...conference, quantity: 1.125 })).toEqual({ quantity: 'invalidType' });
    expect(problems({ ...conference, unitPrice: 1500.5 })).toEqual({ unitPrice: 'invalidMoney' });
    expect(problems({ ...conference, unitPrice: 2e13 })).toEqual({ unitPrice: 'tooLarge' });
    expect(problems({ ...conference, unitPrice: 'năm triệu' })).toEqual({ unitPrice: 'invalidMoney' });
  });

  test('an item longer than 300 characters, or holding control characters', () => {
    expect(problems({ ...conference, item: 'a'.repeat(301) })).toEqual({ item: 'tooLong' });
    expect(problems({ ...conference, item: 'Hội nghị\u0007' })).toEqual({ item: 'controlChars' });
  });

  test('a field the form does not have is named, and nothing else is mistaken for it', () => {
    expect(validateBudgetShape({ ...conference, total: 1 })).toEqual({ total: { code: 'unknownField', params: { value: 'total' } } });
  });

  test('the limits travel with the problem, for the message to state them', () => {
    expect(validateBudgetShape({ ...conference, unit: 'x'.repeat(61) })).toEqual({ unit: { code: 'tooLong', params: { max: 60 } } });
    expect(validateBudgetShape({ ...conference, stage: 'Xong' })).toEqual({ stage: { code: 'invalidChoice', params: { choices: 'Dự thảo, Đã gửi thẩm định, Đã thẩm định, Đã phê duyệt' } } });
    expect(validateBudgetShape({ ...conference, quantity: 2000000 })).toEqual({ quantity: { code: 'tooLarge', params: { max: '1.000.000' } } });
  });

  test('something that is not a form at all', () => {
    expect(validateBudgetShape(null)).toEqual({ item: { code: 'required' } });
    expect(validateBudgetShape([conference])).toEqual({ item: { code: 'required' } });
  });
});
