// Logging story on the built bundle: events move progress, cancel and edit, the lock, bad input, constant cost.
import { interleave } from '../../fakes/harness';
import { ADMIN, STAFF, snapshotSheets, world, type World } from '../support/bundle';

const P21 = (title: string, date: string, extra: Record<string, unknown> = {}) => ({ targetCode: 'P2.1', date, title, ...extra });

function progressOf(w: World, code: string, range?: { from?: string; to?: string }) {
  const r = w.call('getProgress', range);
  expect(r.ok).toBe(true);
  return r.targets.find((t: { code: string }) => t.code === code);
}

describe('logging what the LHH did', () => {
  test('logging three events for P2.1 moves "Tư vấn, phản biện" to 3/16; cancelling one to 2/16; moving one out of the range leaves its count', () => {
    const w = world();
    const ids = [
      w.call('logEvent', P21('Phản biện Đề án chuyển đổi số tỉnh', '2024-02-20', { location: 'Hội trường LHH', partner: 'Sở Thông tin và Truyền thông', participants: 45, cost: '3.500.000' })),
      w.call('logEvent', P21('Tư vấn dự thảo Nghị quyết HĐND về KH&CN', '2024-03-12')),
      w.call('logEvent', P21('Phản biện Quy hoạch vùng trồng vải thiều', '2024-05-08')),
    ].map((r) => {
      expect(r.ok).toBe(true);
      return r.id;
    });
    expect(ids).toEqual(['HD-2024-0001', 'HD-2024-0002', 'HD-2024-0003']);
    const range = { from: '2024-01-01', to: '2024-06-30' };
    expect(progressOf(w, 'P2.1', range)).toMatchObject({ planned: 16, done: 3, percent: 18.75 });

    const cancelled = w.call('cancelEvent', 'HD-2024-0002', 'Ghi nhầm, cuộc này do Hội Luật gia chủ trì');
    expect(cancelled.ok).toBe(true);
    expect(progressOf(w, 'P2.1', range)).toMatchObject({ done: 2, percent: 12.5 });
    // The cancelled row stays in the sheet, marked, with its reason.
    const rows = w.sheet('Hoạt động');
    const header = rows[0] as string[];
    const row2 = rows.find((r) => r[0] === 'HD-2024-0002')!;
    expect(row2[header.indexOf('Trạng thái')]).toBe('Đã hủy');
    expect(row2[header.indexOf('Lý do hủy')]).toBe('Ghi nhầm, cuộc này do Hội Luật gia chủ trì');

    const moved = w.call('updateEvent', 'HD-2024-0003', { date: '2024-07-15' });
    expect(moved.ok).toBe(true);
    expect(progressOf(w, 'P2.1', range)).toMatchObject({ done: 1, percent: 6.25 });
    expect(progressOf(w, 'P2.1')).toMatchObject({ done: 2, percent: 12.5 });

    // The sidebar's view comes back with every change: labels and the recent list.
    const label = moved.view.targets.find((t: { code: string }) => t.code === 'P2.1').label;
    expect(label).toBe('Tư vấn, phản biện — 2/16 cuộc');
    expect(moved.view.recent.map((e: { id: string }) => e.id)).toEqual(['HD-2024-0003', 'HD-2024-0002', 'HD-2024-0001']);
  });

  test('each write is logged in "Nhật ký" with who did it, and text that looks like a formula stays text', () => {
    const w = world();
    const r = w.callAs(ADMIN, 'logEvent', P21('=HYPERLINK("http://x","bấm")', '2024-04-02', { location: '+84 Hà Nội', partner: '@Sở Tư pháp', result: '-5 điểm' }));
    expect(r.ok).toBe(true);
    const rows = w.sheet('Hoạt động');
    const header = rows[0] as string[];
    const row = rows[1];
    expect(row[header.indexOf('Tên hoạt động')]).toBe('=HYPERLINK("http://x","bấm")');
    expect(row[header.indexOf('Địa điểm')]).toBe('+84 Hà Nội');
    expect(row[header.indexOf('Đơn vị phối hợp')]).toBe('@Sở Tư pháp');
    expect(row[header.indexOf('Kết quả, ghi chú')]).toBe('-5 điểm');
    expect(row[header.indexOf('Người tạo')]).toBe(ADMIN);
    const audit = w.sheet('Nhật ký');
    const last = audit[audit.length - 1];
    expect(last).toEqual(expect.arrayContaining([ADMIN, 'Ghi nhận hoạt động', 'HD-2024-0001']));
  });

  test('events may be logged against qualitative targets: they count for nothing but are listed', () => {
    const w = world();
    expect(w.call('logEvent', { targetCode: 'P3.3', date: '2024-03-01', title: 'Đăng 12 tin bài lên Trang thông tin điện tử' }).ok).toBe(true);
    expect(progressOf(w, 'P3.3')).toMatchObject({ planned: null, percent: null, events: 1 });
    expect(w.call('setTargetStatus', 'P3.3', { status: 'Đang thực hiện', note: 'Cập nhật tin hằng tuần' }).ok).toBe(true);
    expect(progressOf(w, 'P3.3')).toMatchObject({ status: 'Đang thực hiện', note: 'Cập nhật tin hằng tuần' });
  });

  test('two logEvent calls interleaved under the lock produce two rows with two different ids', () => {
    const w = world();
    const first = { fn: 'logEvent', args: [P21('Phản biện thứ nhất', '2024-03-01')], ctx: { kind: 'sidebar' as const, user: ADMIN } };
    const second = { fn: 'logEvent', args: [P21('Phản biện thứ hai', '2024-03-02')], ctx: { kind: 'sidebar' as const, user: STAFF } };
    // Pause the first right after it has read the data sheets (one Sheets API call), and run the second then.
    const r = interleave(w.google, w.code, first, second, { method: 'Sheets.Spreadsheets.Values.batchGet', nth: 1 });
    expect(r.deferred).toBe(true);
    expect(r.sideEffectsWhileWaiting).toBe(false);
    expect((r.first as { ok: boolean; id: string }).id).toBe('HD-2024-0001');
    expect((r.second as { ok: boolean; id: string }).id).toBe('HD-2024-0002');
    const ids = w.sheet('Hoạt động').slice(1).map((row) => row[0]);
    expect(ids).toEqual(['HD-2024-0001', 'HD-2024-0002']);
  });
});

describe('bad input is refused field by field, and nothing is written', () => {
  const ok = P21('Phản biện đề án', '2024-03-15');
  const huge = 'Đ'.repeat(10000);
  const nfdTitle = 'Hội thảo khoa học'.normalize('NFD');
  // [what the user sent, the field its message must name]
  const cases: [string, unknown, string][] = [
    ['unknown target', { ...ok, targetCode: 'P9.9' }, 'targetCode'],
    ['target code with an emoji', { ...ok, targetCode: 'P2.1🎉' }, 'targetCode'],
    ['target missing', { date: ok.date, title: ok.title }, 'targetCode'],
    ['target of the wrong type', { ...ok, targetCode: 21 }, 'targetCode'],
    ['31/02', { ...ok, date: '31/02/2024' }, 'date'],
    ['2024-02-30', { ...ok, date: '2024-02-30' }, 'date'],
    ['29/02 of a non-leap year… typed as 2023', { ...ok, date: '29/02/2023' }, 'date'],
    ['a date outside the plan year', { ...ok, date: '2023-12-31' }, 'date'],
    ['a date next year', { ...ok, date: '2025-01-01' }, 'date'],
    ['a date as a number', { ...ok, date: 45000 }, 'date'],
    ['a date as words', { ...ok, date: 'hôm qua' }, 'date'],
    ['an empty date', { ...ok, date: '' }, 'date'],
    ['an empty title', { ...ok, title: '' }, 'title'],
    ['a blank title', { ...ok, title: '   ' }, 'title'],
    ['a 10,000-character title', { ...ok, title: huge }, 'title'],
    ['a title that is an object', { ...ok, title: { toString: 'x' } }, 'title'],
    ['a title with control characters', { ...ok, title: 'abc\u0000def' }, 'title'],
    ['quantity 0', { ...ok, quantity: 0 }, 'quantity'],
    ['negative quantity', { ...ok, quantity: -2 }, 'quantity'],
    ['fractional quantity', { ...ok, quantity: 1.5 }, 'quantity'],
    ['quantity as words', { ...ok, quantity: 'hai' }, 'quantity'],
    ['quantity "NaN" (google.script.run turns a real NaN into null)', { ...ok, quantity: 'NaN' }, 'quantity'],
    ['negative cost', { ...ok, cost: -1000 }, 'cost'],
    ['fractional cost', { ...ok, cost: 1000.5 }, 'cost'],
    ['cost with letters', { ...ok, cost: '1.250.000 USD' }, 'cost'],
    ['cost "Infinity"', { ...ok, cost: 'Infinity' }, 'cost'],
    ['negative participants', { ...ok, participants: -3 }, 'participants'],
    ['a javascript: link', { ...ok, evidenceUrl: 'javascript:alert(1)' }, 'evidenceUrl'],
    ['an ftp link', { ...ok, evidenceUrl: 'ftp://lhh.example.vn/a.pdf' }, 'evidenceUrl'],
    ['a 10,000-character location', { ...ok, location: huge }, 'location'],
    ['a 10,000-character partner', { ...ok, partner: huge }, 'partner'],
    ['a 10,000-character result', { ...ok, result: huge + huge }, 'result'],
    ['an unknown budget line', { ...ok, budgetLineId: 'KP-2024-999' }, 'budgetLineId'],
    ['a __proto__ key', JSON.parse('{"targetCode":"P2.1","date":"2024-03-15","title":"x","__proto__":{"admin":true}}'), '__proto__'],
    ['an unknown field', { ...ok, isAdmin: true }, 'isAdmin'],
    ['NFD text in a number field', { ...ok, quantity: 'một'.normalize('NFD') }, 'quantity'],
    ['an NFD title that is too long', { ...ok, title: nfdTitle.repeat(40) }, 'title'],
  ];

  test(`${cases.length} bad inputs each name their field in Vietnamese and leave the sheet unchanged`, () => {
    const w = world();
    w.call('logEvent', P21('Một hoạt động có sẵn', '2024-02-01'));
    const before = snapshotSheets(w);
    for (const [what, input, field] of cases) {
      const r = w.call('logEvent', input);
      expect({ what, ok: r.ok }).toEqual({ what, ok: false });
      expect({ what, fields: Object.keys(r.errors) }).toEqual({ what, fields: [field] });
      expect(r.errors[field]).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(r.message).not.toMatch(/Error|at \w+ \(|undefined|\[object/);
      expect(snapshotSheets(w)).toBe(before);
    }
    console.log(`logEvent refused ${cases.length} bad inputs, each naming its field`);
  });

  test('wrong types from a hostile client reach no sheet either', () => {
    const w = world();
    const before = snapshotSheets(w);
    for (const input of [null, undefined, 42, 'P2.1', [], [ok], true]) {
      const r = w.call('logEvent', input);
      expect(r.ok).toBe(false);
      expect(r.message.length).toBeGreaterThan(10);
    }
    expect(w.call('updateEvent', 'HD-2024-0099', { title: 'x' })).toMatchObject({ ok: false, code: 'eventNotFound', message: 'Không tìm thấy hoạt động mã HD-2024-0099.' });
    expect(w.call('cancelEvent', 'HD-2024-0001', '')).toMatchObject({ ok: false, errors: { reason: 'Lý do hủy: Bắt buộc nhập.' } });
    expect(snapshotSheets(w)).toBe(before);
  });

  test('NFD-composed Vietnamese from a pasting user is stored as NFC', () => {
    const w = world();
    const r = w.call('logEvent', P21('Tọa đàm góp ý dự thảo Luật Đất đai'.normalize('NFD'), '2024-03-15'));
    expect(r.ok).toBe(true);
    const title = w.sheet('Hoạt động')[1][4] as string;
    expect(title).toBe('Tọa đàm góp ý dự thảo Luật Đất đai');
    expect(title).toBe(title.normalize('NFC'));
  });
});

describe('what a user action costs does not grow with the rows', () => {
  function bigWorld(events: number): World {
    const w = world();
    const exec = w.google.newExecution({ kind: 'local', user: ADMIN });
    const sh = w.google.gas(exec).SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Hoạt động')!;
    const width = sh.getLastColumn();
    sh.insertRowsAfter(sh.getMaxRows(), events);
    const rows = Array.from({ length: events }, (_, i) => {
      const r = new Array(width).fill('');
      const d = new Date(Date.UTC(2024, i % 12, 1 + (i % 28)));
      Object.assign(r, { 0: `HD-2024-${String(i + 1).padStart(5, '0')}`, 1: 2024, 2: ['P2.1', 'P3.4', 'P3.5', 'P2.3'][i % 4], 3: d, 4: `Hoạt động ${i + 1}`, 5: 1, 13: 'Hiệu lực' });
      return r;
    });
    sh.getRange(2, 1, rows.length, width).setValues(rows);
    exec.end();
    return w;
  }

  function cost(w: World, fn: string, ...args: unknown[]): Record<string, number> {
    w.google.resetCalls();
    const r = w.call(fn, ...args);
    expect(r.ok).toBe(true);
    return w.google.calls();
  }

  test('logEvent, getProgress and the dashboard refresh make the same calls with 100 and 5,000 events', () => {
    const small = bigWorld(100);
    const large = bigWorld(5000);
    const log = (w: World) => cost(w, 'logEvent', P21('Phản biện', '2024-03-01'));
    const prog = (w: World) => cost(w, 'getProgress', { from: '2024-01-01', to: '2024-06-30' });
    const dash = (w: World) => {
      w.google.resetCalls();
      w.run('menuRefreshDashboard', [], { kind: 'menu', user: ADMIN });
      return w.google.calls();
    };
    for (const [name, f] of [['logEvent', log], ['getProgress', prog], ['dashboard', dash]] as const) {
      const a = f(small);
      const b = f(large);
      expect({ name, calls: b }).toEqual({ name, calls: a });
      const total = Object.values(a).reduce((s, n) => s + n, 0);
      console.log(`${name}: ${total} service calls with 100 events and with 5,000`);
    }
    expect(progressOf(large, 'P2.1').done).toBe(1251);
  });
});
