// The local demo's clock: a new run starts inside the plan year; once the year is over, Tổng hợp and the schedule say so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../local/server';
import { demoStart } from '../../local/state';

const PLAN_OVER = 'Kế hoạch năm 2024 đã kết thúc: nhập kế hoạch năm mới (Nhập kế hoạch từ quyết định) để theo dõi và gửi báo cáo tiếp';

describe('the demo clock', () => {
  test('demoStart keeps today\'s day, month and time in Vietnam and moves them into the plan year', () => {
    expect(demoStart(new Date('2026-12-02T08:30:00+07:00')).toISOString()).toBe(new Date('2024-12-02T08:30:00+07:00').toISOString());
    // 01:00 on 1 March in Vietnam is still 28 February in UTC: the Vietnamese date counts.
    expect(demoStart(new Date('2026-03-01T01:00:00+07:00')).toISOString()).toBe(new Date('2024-03-01T01:00:00+07:00').toISOString());
    // 29 February into a year without one.
    expect(demoStart(new Date('2028-02-29T10:00:00+07:00'), 2025).toISOString()).toBe(new Date('2025-02-28T10:00:00+07:00').toISOString());
  });

  describe('npm start -- --reset', () => {
    let srv: RunningServer | undefined;
    let dir = '';
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'lhh-demo-'));
    });
    afterEach(async () => {
      await srv?.close();
      srv = undefined;
      rmSync(dir, { recursive: true, force: true });
    });
    const run = (fn: string, ...args: unknown[]) => {
      const r = srv!.state.run(fn, args);
      if (!r.ok) throw new Error(`${fn}: ${r.error?.message}`);
      return r.value as { ok: boolean; message?: string };
    };
    const dashboard = () => srv!.state.google.sheetValues(srv!.state.spreadsheetId, 'Tổng hợp');

    test('with no --now, the clock starts in 2024 and the dashboard says nothing of an ended plan', async () => {
      srv = await startServer({ port: 0, stateDir: dir, reset: true, quiet: true });
      const vn = new Date(srv.state.google.clock.now().getTime() + 7 * 3600000);
      expect(vn.getUTCFullYear()).toBe(2024);
      const today = new Date(Date.now() + 7 * 3600000);
      expect(vn.getUTCMonth()).toBe(today.getUTCMonth());
      expect(run('menuRefreshDashboard')).toBeUndefined();
      expect(dashboard()[2][0]).toBe('');
    });

    test('started in 2026 with the 2024 plan: Tổng hợp and the scheduled run say the plan year is over', async () => {
      srv = await startServer({ port: 0, stateDir: dir, reset: true, quiet: true, now: '2026-12-02T09:00:00+07:00' });
      run('menuRefreshDashboard');
      expect(dashboard()[0][0]).toBe('TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ, CHƯƠNG TRÌNH HOẠT ĐỘNG NĂM 2024');
      expect(dashboard()[2][0]).toBe(`${PLAN_OVER}.`);
      // The daily run finds nothing due and says why, in the run's result and in Cài đặt.
      expect(run('saveSettings', { schedule: { enabled: true, hour: 7, weeklyDay: 1, monthlyDay: 5, formalReports: true } })).toMatchObject({ ok: true });
      const moved = srv.state.advanceClock(new Date('2026-12-03T09:00:00+07:00').getTime());
      expect(moved.fired).toHaveLength(1);
      expect(moved.fired[0]).toMatchObject({ handler: 'runScheduledReports', ok: true, result: { ok: true, outcomes: [], summary: PLAN_OVER } });
      expect(moved.mailsSent).toBe(0);
      const settings = run('getSettings') as unknown as { trigger?: { lastOutcome?: string } };
      expect(JSON.stringify(settings)).toContain(PLAN_OVER);
    });
  });
});
