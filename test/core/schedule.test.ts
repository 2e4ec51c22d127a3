// Schedule: which jobs the daily trigger finds due on a given day, for the 2024 plan of Bắc Giang's union.
import { dueJobs, weekday } from '../../src/core/schedule';
import type { ScheduleSettings } from '../../src/core/types';

const everything: ScheduleSettings = { enabled: true, hour: 7, weeklyDay: 1, monthlyDay: 6, formalReports: true };

describe('the calendar the schedule counts with', () => {
  test('Friday 5 July 2024 is weekday 5, Sunday 7 July is 7, Monday 8 July is 1', () => {
    expect(weekday('2024-07-05')).toBe(5);
    expect(weekday('2024-07-07')).toBe(7);
    expect(weekday('2024-07-08')).toBe(1);
  });
});

describe('a union that turned the schedule on for everything (weekly on Monday, monthly on the 6th, formal reports)', () => {
  test('on Monday 8 July 2024 the weekly summary covers Monday 1 to Sunday 7 July, and the sơ kết is due', () => {
    expect(dueJobs(everything, '2024-07-08', 2024)).toEqual([
      { key: 'weekly:2024-07-01', kind: 'weekly', from: '2024-07-01', to: '2024-07-07', formal: false },
      { key: 'half:2024', kind: 'half', from: '2024-01-01', to: '2024-06-30', formal: true },
    ]);
  });

  test('on Saturday 6 July 2024 the June report is due, with the sơ kết 6 tháng still waiting for review', () => {
    expect(dueJobs(everything, '2024-07-06', 2024)).toEqual([
      { key: 'monthly:2024-06', kind: 'monthly', from: '2024-06-01', to: '2024-06-30', formal: false },
      { key: 'half:2024', kind: 'half', from: '2024-01-01', to: '2024-06-30', formal: true },
    ]);
  });

  test('on 6 March 2024 (a leap year) the February report runs to the 29th', () => {
    expect(dueJobs(everything, '2024-03-06', 2024)).toEqual([{ key: 'monthly:2024-02', kind: 'monthly', from: '2024-02-01', to: '2024-02-29', formal: false }]);
  });

  test('on 6 January 2025 the December 2024 report and the tổng kết of 2024 are due', () => {
    expect(dueJobs(everything, '2025-01-06', 2024)).toEqual([
      { key: 'weekly:2024-12-30', kind: 'weekly', from: '2024-12-30', to: '2025-01-05', formal: false },
      { key: 'monthly:2024-12', kind: 'monthly', from: '2024-12-01', to: '2024-12-31', formal: false },
      { key: 'year:2024', kind: 'year', from: '2024-01-01', to: '2024-12-31', formal: true },
    ]);
  });

  test('on Tuesday 14 May 2024 nothing is due: not the weekly day, not the monthly day, before July', () => {
    expect(dueJobs(everything, '2024-05-14', 2024)).toEqual([]);
  });

  test('on 6 January 2024 the December 2023 report is not the 2024 plan’s to send', () => {
    expect(dueJobs({ ...everything, weeklyDay: 0 }, '2024-01-06', 2024)).toEqual([]);
  });

  test('a week wholly before the plan year has no summary; the week that straddles its end still has one', () => {
    // Monday 1 January 2024: the week before is 25–31 December 2023, no day of the 2024 plan.
    // Monday 6 January 2025: 30 December 2024 – 5 January 2025 holds two days of it.
    expect(dueJobs({ ...everything, monthlyDay: 0 }, '2024-01-01', 2024)).toEqual([]);
    expect(dueJobs({ ...everything, monthlyDay: 0 }, '2025-01-06', 2024).map((j) => j.key)).toEqual(['weekly:2024-12-30', 'year:2024']);
  });
});

describe('a union that chose less', () => {
  test('with the schedule off, nothing is ever due', () => {
    expect(dueJobs({ ...everything, enabled: false }, '2024-07-08', 2024)).toEqual([]);
  });

  test('weekly and monthly set to 0 are off: only the formal reports remain', () => {
    expect(dueJobs({ ...everything, weeklyDay: 0, monthlyDay: 0 }, '2024-07-08', 2024)).toEqual([{ key: 'half:2024', kind: 'half', from: '2024-01-01', to: '2024-06-30', formal: true }]);
  });

  test('without formal reports, July has only the monthly report', () => {
    expect(dueJobs({ ...everything, formalReports: false, weeklyDay: 0 }, '2024-07-06', 2024)).toEqual([{ key: 'monthly:2024-06', kind: 'monthly', from: '2024-06-01', to: '2024-06-30', formal: false }]);
  });

  test('a sơ kết missed on its first day stays due every day of the second half, so a missed run catches up', () => {
    const onlyFormal = { ...everything, weeklyDay: 0, monthlyDay: 0 };
    expect(dueJobs(onlyFormal, '2024-06-30', 2024)).toEqual([]);
    expect(dueJobs(onlyFormal, '2024-07-01', 2024).map((j) => j.key)).toEqual(['half:2024']);
    expect(dueJobs(onlyFormal, '2024-11-20', 2024).map((j) => j.key)).toEqual(['half:2024']);
    expect(dueJobs(onlyFormal, '2025-03-02', 2024).map((j) => j.key)).toEqual(['year:2024']);
    expect(dueJobs(onlyFormal, '2026-01-02', 2024)).toEqual([]);
  });
});
