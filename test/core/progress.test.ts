// Progress: counts of non-cancelled events in a range, percents, programme means, overdue and pace flags.
import { computeProgress, isBehindPace } from '../../src/core/progress';
import type { LoggedEvent, Programme, Target } from '../../src/core/types';

const prog: Programme[] = [{ year: 2024, code: 'P2', name: 'Tư vấn, phản biện và Giám định xã hội', objectives: [] }];
const t = (code: string, quantity: number | null, extra: Partial<Target> = {}): Target => ({
  year: 2024,
  code,
  programCode: 'P2',
  name: code,
  content: code,
  quantity,
  unit: 'cuộc',
  qualifier: 'exact',
  dueDate: null,
  endYear: 2024,
  status: '',
  note: '',
  ...extra,
});
let n = 0;
const ev = (targetCode: string, date: string, extra: Partial<LoggedEvent> = {}): LoggedEvent => ({
  id: `HD-2024-${String(++n).padStart(4, '0')}`,
  year: 2024,
  targetCode,
  date,
  title: 'x',
  quantity: 1,
  location: '',
  partner: '',
  participants: null,
  cost: null,
  budgetLineId: '',
  result: '',
  evidenceUrl: '',
  state: 'Hiệu lực',
  cancelReason: '',
  createdBy: '',
  createdAt: '',
  updatedBy: '',
  updatedAt: '',
  ...extra,
});

describe('progress of targets', () => {
  const targets = [t('P2.1', 16), t('P2.2', 1), t('P2.3', 15), t('P2.9', null, { status: 'Đang thực hiện' })];

  test('three events for P2.1 make 3/16 = 18.75%', () => {
    const r = computeProgress(prog, targets, [ev('P2.1', '2024-02-01'), ev('P2.1', '2024-03-01'), ev('P2.1', '2024-04-01')], {}, '2024-04-02');
    expect(r.targets[0]).toMatchObject({ code: 'P2.1', planned: 16, done: 3, percent: 18.75 });
  });

  test('a cancelled event counts for nothing; an event out of the range leaves it', () => {
    const events = [ev('P2.1', '2024-02-01'), ev('P2.1', '2024-03-01', { state: 'Đã hủy' }), ev('P2.1', '2024-08-01')];
    const r = computeProgress(prog, targets, events, { from: '2024-01-01', to: '2024-06-30' }, '2024-07-01');
    expect(r.targets[0].done).toBe(1);
    expect(r.targets[0].percent).toBe(6.25);
  });

  test('over-achievement shows above 100%, but the programme mean caps each target at 100', () => {
    const events = [ev('P2.2', '2024-02-01'), ev('P2.2', '2024-02-02')];
    const r = computeProgress(prog, targets, events, {}, '2024-02-03');
    expect(r.targets[1]).toMatchObject({ done: 2, percent: 200 });
    expect(r.targets[1].flags).toEqual(['complete', 'over']);
    // P2.1 0%, P2.2 capped 100%, P2.3 0% → mean 33.33
    expect(r.programs[0].percent).toBe(33.33);
  });

  test('a range "02–04 cuộc" counts against its lower bound and is over plan only past its top', () => {
    const range = [t('P2.5', 2, { upper: 4 })];
    const three = [ev('P2.5', '2024-02-01'), ev('P2.5', '2024-02-02'), ev('P2.5', '2024-02-03')];
    const r = computeProgress(prog, range, three, {}, '2024-02-04');
    expect(r.targets[0]).toMatchObject({ planned: 2, upper: 4, done: 3, percent: 150 });
    expect(r.targets[0].flags).toEqual(['complete']);
    const five = [...three, ev('P2.5', '2024-02-05'), ev('P2.5', '2024-02-06')];
    expect(computeProgress(prog, range, five, {}, '2024-02-07').targets[0].flags).toEqual(['complete', 'over']);
  });

  test('qualitative targets have planned and percent null and keep the status staff set', () => {
    const r = computeProgress(prog, targets, [ev('P2.9', '2024-02-01')], {}, '2024-02-03');
    expect(r.targets[3]).toMatchObject({ planned: null, percent: null, status: 'Đang thực hiện', events: 1, done: 1 });
  });

  test('a target past its due date and not complete is overdue', () => {
    const r = computeProgress(prog, [t('P2.1', 16, { dueDate: '2024-06-30' })], [], {}, '2024-07-01');
    expect(r.targets[0].flags).toEqual(['overdue']);
  });

  test('behind a straight line by more than 10 points is behind; a multi-year target spreads over its years', () => {
    // Half of 2024 gone (1 Jan → 1 Jul = 182 of 365 days), 4/16 = 25% done: 49.9 − 25 > 10.
    expect(isBehindPace(t('P2.1', 16), 4, '2024-07-01', '2024-12-31')).toBe(true);
    expect(isBehindPace(t('P2.1', 16), 7, '2024-07-01', '2024-12-31')).toBe(false);
    // The same date is only a quarter of a 2024–2025 span: 0 of 1 done is behind only past 10%.
    const twoYears = t('P4.1', 1, { endYear: 2025 });
    expect(isBehindPace(twoYears, 0, '2024-02-01', '2025-12-31')).toBe(false);
    expect(isBehindPace(twoYears, 0, '2024-07-01', '2025-12-31')).toBe(true);
  });
});
