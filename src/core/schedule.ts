// Which scheduled jobs are due on a day: weekly summaries, monthly reports, the sơ kết and tổng kết.
import type { IsoDate, ScheduleSettings } from './types';

export type JobKind = 'weekly' | 'monthly' | 'half' | 'year';

export interface Job {
  /** Identifies the period: a job with the same key is handled once, whatever the number of runs. */
  key: string;
  kind: JobKind;
  from: IsoDate;
  to: IsoDate;
  /** Formal reports are drafted for the admins' review, not sent to Sở KH&CN directly. */
  formal: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const utc = (s: IsoDate) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
const fromUtc = (t: number) => new Date(t).toISOString().slice(0, 10);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: IsoDate): number {
  const d = new Date(utc(day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * Jobs due on `today` for a plan year. Weekly: on the chosen weekday, the seven days before it.
 * Monthly: on the chosen day, the previous month. Half-year: from 1 July; year: from 1 January of
 * the next year — both stay due until done, so a missed run catches up.
 */
export function dueJobs(schedule: ScheduleSettings, today: IsoDate, planYear: number): Job[] {
  if (!schedule.enabled) return [];
  const jobs: Job[] = [];
  const y = +today.slice(0, 4);
  const m = +today.slice(5, 7);
  const d = +today.slice(8, 10);
  if (schedule.weeklyDay && weekday(today) === schedule.weeklyDay) {
    const to = fromUtc(utc(today) - 86400000);
    const from = fromUtc(utc(today) - 7 * 86400000);
    if (+to.slice(0, 4) >= planYear && +from.slice(0, 4) <= planYear + 1) jobs.push({ key: `weekly:${from}`, kind: 'weekly', from, to, formal: false });
  }
  if (schedule.monthlyDay && d === schedule.monthlyDay) {
    const py = m === 1 ? y - 1 : y;
    const pm = m === 1 ? 12 : m - 1;
    const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
    if (py === planYear) jobs.push({ key: `monthly:${py}-${pad(pm)}`, kind: 'monthly', from: iso(py, pm, 1), to: iso(py, pm, last), formal: false });
  }
  if (schedule.formalReports) {
    if (y === planYear && m >= 7) jobs.push({ key: `half:${planYear}`, kind: 'half', from: iso(planYear, 1, 1), to: iso(planYear, 6, 30), formal: true });
    if (y === planYear + 1) jobs.push({ key: `year:${planYear}`, kind: 'year', from: iso(planYear, 1, 1), to: iso(planYear, 12, 31), formal: true });
  }
  return jobs;
}

/** The plan year is over once its 31 December has passed: the schedule and the dashboard then say so. */
export function planYearOver(today: IsoDate, planYear: number): boolean {
  return today > iso(planYear, 12, 31);
}

/** "Kế hoạch năm 2024 đã kết thúc", with what to do next. */
export function planOverText(planYear: number): string {
  return `Kế hoạch năm ${planYear} đã kết thúc: nhập kế hoạch năm mới (Nhập kế hoạch từ quyết định) để theo dõi và gửi báo cáo tiếp`;
}
