// Report periods: the dates a report covers and how its title names them.
import { lastCompletePeriod, periodFromRange, resolvePeriod } from '../../src/core/period';

describe('resolvePeriod', () => {
  test('month', () => {
    expect(resolvePeriod({ kind: 'month', year: 2024, month: 6 })).toEqual({
      ok: true,
      kind: 'month',
      from: '2024-06-01',
      to: '2024-06-30',
      label: 'tháng 6 năm 2024',
      title: 'Báo cáo tháng 6 năm 2024',
    });
    expect(resolvePeriod({ kind: 'month', year: 2024, month: 2 })).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(resolvePeriod({ kind: 'month', year: 2023, month: 2 })).toMatchObject({ to: '2023-02-28' });
  });

  test('quarter', () => {
    expect(resolvePeriod({ kind: 'quarter', year: 2024, quarter: 2 })).toEqual({
      ok: true,
      kind: 'quarter',
      from: '2024-04-01',
      to: '2024-06-30',
      label: 'quý II năm 2024',
      title: 'Báo cáo quý II năm 2024',
    });
    expect(resolvePeriod({ kind: 'quarter', year: 2024, quarter: 4 })).toMatchObject({
      from: '2024-10-01',
      to: '2024-12-31',
      label: 'quý IV năm 2024',
    });
  });

  test('sơ kết 6 tháng, 9 tháng, tổng kết năm', () => {
    expect(resolvePeriod({ kind: 'half', year: 2024 })).toEqual({
      ok: true,
      kind: 'half',
      from: '2024-01-01',
      to: '2024-06-30',
      label: '6 tháng đầu năm 2024',
      title: 'Sơ kết 6 tháng đầu năm 2024',
    });
    expect(resolvePeriod({ kind: 'half', year: 2024, half: 2 })).toMatchObject({
      from: '2024-07-01',
      to: '2024-12-31',
      label: '6 tháng cuối năm 2024',
    });
    expect(resolvePeriod({ kind: 'nineMonths', year: 2024 })).toMatchObject({ to: '2024-09-30', label: '9 tháng đầu năm 2024' });
    expect(resolvePeriod({ kind: 'year', year: 2024 })).toEqual({
      ok: true,
      kind: 'year',
      from: '2024-01-01',
      to: '2024-12-31',
      label: 'năm 2024',
      title: 'Tổng kết năm 2024',
    });
  });

  test('range', () => {
    expect(resolvePeriod({ kind: 'range', from: '2024-03-01', to: '2024-04-15' })).toEqual({
      ok: true,
      kind: 'range',
      from: '2024-03-01',
      to: '2024-04-15',
      label: 'từ ngày 01/03/2024 đến ngày 15/04/2024',
      title: 'Báo cáo từ ngày 01/03/2024 đến ngày 15/04/2024',
    });
    expect(resolvePeriod({ kind: 'range', from: '2024-03-01', to: '2024-03-01' }).ok).toBe(true);
  });

  test.each([
    [{ kind: 'month', year: 2024, month: 13 }, 'PERIOD_MONTH_INVALID', 'month'],
    [{ kind: 'month', year: 2024, month: 0 }, 'PERIOD_MONTH_INVALID', 'month'],
    [{ kind: 'month', year: 2024, month: 1.5 }, 'PERIOD_MONTH_INVALID', 'month'],
    [{ kind: 'quarter', year: 2024, quarter: 5 }, 'PERIOD_QUARTER_INVALID', 'quarter'],
    [{ kind: 'half', year: 2024, half: 3 }, 'PERIOD_HALF_INVALID', 'half'],
    [{ kind: 'year', year: 24 }, 'PERIOD_YEAR_INVALID', 'year'],
    [{ kind: 'year', year: Number.NaN }, 'PERIOD_YEAR_INVALID', 'year'],
    [{ kind: 'range', from: '2024-02-30', to: '2024-03-01' }, 'PERIOD_FROM_INVALID', 'from'],
    [{ kind: 'range', from: '2024-02-01', to: '01/03/2024' }, 'PERIOD_TO_INVALID', 'to'],
    [{ kind: 'range', from: '2024-04-15', to: '2024-03-01' }, 'PERIOD_RANGE_REVERSED', 'to'],
    [{ kind: 'week', year: 2024 }, 'PERIOD_KIND_INVALID', 'kind'],
  ])('%p is refused with %s', (spec, code, field) => {
    expect(resolvePeriod(spec as any)).toEqual({ ok: false, code, field });
  });
});

describe('periodFromRange names whole periods', () => {
  test.each([
    ['2024-06-01', '2024-06-30', 'tháng 6 năm 2024'],
    ['2024-02-01', '2024-02-29', 'tháng 2 năm 2024'],
    ['2024-04-01', '2024-06-30', 'quý II năm 2024'],
    ['2024-01-01', '2024-03-31', 'quý I năm 2024'],
    ['2024-01-01', '2024-06-30', '6 tháng đầu năm 2024'],
    ['2024-07-01', '2024-12-31', '6 tháng cuối năm 2024'],
    ['2024-01-01', '2024-09-30', '9 tháng đầu năm 2024'],
    ['2024-01-01', '2024-12-31', 'năm 2024'],
    ['2024-02-01', '2024-04-30', 'từ ngày 01/02/2024 đến ngày 30/04/2024'],
    ['2024-06-01', '2024-06-29', 'từ ngày 01/06/2024 đến ngày 29/06/2024'],
    ['2024-12-01', '2025-01-31', 'từ ngày 01/12/2024 đến ngày 31/01/2025'],
  ])('%s – %s is %s', (from, to, label) => {
    const p = periodFromRange(from, to);
    expect(p.ok && p.label).toBe(label);
  });

  test('the sơ kết keeps its title when picked as dates', () => {
    expect(periodFromRange('2024-01-01', '2024-06-30')).toMatchObject({ kind: 'half', title: 'Sơ kết 6 tháng đầu năm 2024' });
    expect(periodFromRange('2024-06-30', '2024-01-01')).toMatchObject({ ok: false, code: 'PERIOD_RANGE_REVERSED' });
  });
});

describe('lastCompletePeriod', () => {
  test('what a job running on a given day reports on', () => {
    expect(lastCompletePeriod('month', '2024-07-05')).toEqual({ kind: 'month', year: 2024, month: 6 });
    expect(lastCompletePeriod('month', '2024-01-05')).toEqual({ kind: 'month', year: 2023, month: 12 });
    expect(lastCompletePeriod('quarter', '2024-07-05')).toEqual({ kind: 'quarter', year: 2024, quarter: 2 });
    expect(lastCompletePeriod('quarter', '2024-02-10')).toEqual({ kind: 'quarter', year: 2023, quarter: 4 });
    expect(lastCompletePeriod('half', '2024-07-05')).toEqual({ kind: 'half', year: 2024, half: 1 });
    expect(lastCompletePeriod('half', '2025-01-02')).toEqual({ kind: 'half', year: 2024, half: 2 });
    expect(lastCompletePeriod('year', '2025-01-02')).toEqual({ kind: 'year', year: 2024 });
  });
});
