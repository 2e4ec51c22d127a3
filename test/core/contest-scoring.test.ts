// The jury's story: conflicts of interest, score sheets checked, ranks and prizes by quota and minimum.
import { checkManualRecusal, checkScoreRow, computeResults, findRecusals, type ContestRules, type Entry, type JuryMember, type ScoreRow } from '../../src/core/contest-scoring';
import { messageOf } from '../../src/core/messages';

const CK = 'Cơ khí – tự động hóa';
const NN = 'Nông nghiệp';

const rules: ContestRules = {
  criteria: [
    { code: 'moi', name: 'Tính mới, tính sáng tạo', max: 30 },
    { code: 'apdung', name: 'Khả năng áp dụng', max: 30 },
    { code: 'hieuqua', name: 'Hiệu quả kinh tế – xã hội', max: 40 },
  ],
  prizes: {
    [CK]: [
      { prize: 'Nhất', quota: 1, minAverage: 85 },
      { prize: 'Nhì', quota: 1, minAverage: 75 },
      { prize: 'Ba', quota: 2, minAverage: 65 },
      { prize: 'Khuyến khích', quota: 2, minAverage: 50 },
    ],
    [NN]: [
      { prize: 'Nhất', quota: 1, minAverage: 85 },
      { prize: 'Nhì', quota: 2, minAverage: 75 },
      { prize: 'Ba', quota: 2, minAverage: 65 },
      { prize: 'Khuyến khích', quota: 1, minAverage: 50 },
    ],
  },
  dropExtremes: false,
};

const judge = (judgeCode: string, name: string, field: string, workplaceCode = '', workplace = ''): JuryMember => ({ judgeCode, name, field, role: 'Ủy viên', workplaceCode, workplace });
const jury: JuryMember[] = [
  { ...judge('CG-0001', 'Trần Văn Bình', CK, 'DV-01', 'Sở Khoa học và Công nghệ'), role: 'Trưởng ban' },
  judge('CG-0002', 'Lê Thị Mai', CK, 'DV-02', 'Trường Đại học Kỹ thuật'),
  judge('CG-0003', 'Phạm Quốc Hùng', CK, 'DV-05', 'Công ty Cơ khí Hòa Bình'),
  { ...judge('CG-0004', 'Đỗ Văn Nam', NN, 'DV-03', 'Trung tâm Khuyến nông'), role: 'Trưởng ban' },
  judge('CG-0005', 'Nguyễn Thị Hoa', NN, 'DV-04', 'Viện Cây trồng'),
  judge('CG-0006', 'Vũ Minh Tâm', NN, 'DV-06', 'Hội Làm vườn'),
];

const entry = (code: string, field: string, unitCode = 'DV-09', unitName = 'Hợp tác xã Tân Tiến', eligible = true): Entry => ({ code, field, authors: [{ name: `Tác giả ${code}` }], unitCode, unitName, eligible });
const entries: Entry[] = [
  entry('HT11-001', CK),
  entry('HT11-002', CK),
  entry('HT11-003', CK, 'DV-05', 'Công ty Cơ khí Hòa Bình'),
  entry('HT11-004', CK),
  entry('HT11-005', CK),
  entry('HT11-006', CK),
  entry('HT11-007', NN),
  entry('HT11-008', NN),
  entry('HT11-009', NN),
  entry('HT11-010', NN),
  entry('HT11-011', NN),
  entry('HT11-012', NN, 'DV-09', 'Hợp tác xã Tân Tiến', false),
];

const row = (entryCode: string, judgeCode: string, moi: unknown, apdung: unknown, hieuqua: unknown): ScoreRow => ({ entryCode, judgeCode, scores: { moi, apdung, hieuqua } });
const rows: ScoreRow[] = [
  // Cơ khí
  row('HT11-001', 'CG-0001', 27, 28, 36), row('HT11-001', 'CG-0002', 26, 27, 37), row('HT11-001', 'CG-0003', 28, 29, 35),
  row('HT11-002', 'CG-0001', 25, 25, 30), row('HT11-002', 'CG-0002', 24, 26, 30), row('HT11-002', 'CG-0003', 25, 25, 31),
  row('HT11-003', 'CG-0001', 22, 22, 26), row('HT11-003', 'CG-0002', 23, 23, 26),
  row('HT11-004', 'CG-0001', 20, 20, 28), row('HT11-004', 'CG-0002', 21, 21, 26), row('HT11-004', 'CG-0003', 20, 22, 26),
  row('HT11-005', 'CG-0001', 18, 18, 24), row('HT11-005', 'CG-0002', 17, 17, 22), row('HT11-005', 'CG-0003', 16, 16, 20),
  row('HT11-006', 'CG-0001', 10, 10, 20), row('HT11-006', 'CG-0002', 12, 12, 16), row('HT11-006', 'CG-0003', 11, 11, 18),
  // Nông nghiệp
  row('HT11-007', 'CG-0004', 25, 25, 30), row('HT11-007', 'CG-0005', 26, 24, 30), row('HT11-007', 'CG-0006', 24, 26, 28),
  row('HT11-008', 'CG-0004', 20, 20, 30), row('HT11-008', 'CG-0005', 20, 22, 28), row('HT11-008', 'CG-0006', 21, 21, 28),
  row('HT11-009', 'CG-0004', 20, 20, 26), row('HT11-009', 'CG-0005', 20, 20, 26), row('HT11-009', 'CG-0006', 20, 20, 26),
  row('HT11-010', 'CG-0004', 15, 15, 25), row('HT11-010', 'CG-0005', 15, 15, 25), row('HT11-010', 'CG-0006', 15, 15, 25),
  row('HT11-011', 'CG-0004', 15, 10, 20), row('HT11-011', 'CG-0005', 15, 10, 20), row('HT11-011', 'CG-0006', 15, 10, 20),
];

const recusals = findRecusals(entries, jury);
const byCode = (res: ReturnType<typeof computeResults>, code: string) => res.entries.find((e) => e.entryCode === code);

describe('conflicts of interest', () => {
  test('a judge who works at the submitting unit is recused from that entry only, with the reason shown', () => {
    expect(recusals).toEqual([{ judgeCode: 'CG-0003', entryCode: 'HT11-003', reason: 'Công tác tại đơn vị dự thi (Công ty Cơ khí Hòa Bình)', auto: true }]);
  });

  test('without organisation codes the unit is matched by name, whatever the case and diacritics typed', () => {
    const j = judge('CG-0010', 'Hồ Văn Lực', CK, '', 'Trường Cao đẳng Kỹ thuật');
    const e = { ...entry('HT11-020', CK, '', 'TRUONG CAO DANG  KY THUAT'), authors: [{ name: 'Lê Văn Tư' }] };
    expect(findRecusals([e], [j])).toEqual([{ judgeCode: 'CG-0010', entryCode: 'HT11-020', reason: 'Công tác tại đơn vị dự thi (TRUONG CAO DANG  KY THUAT)', auto: true }]);
  });

  test('when both sides have a code, the code decides and a similar name does not recuse', () => {
    const j = judge('CG-0010', 'Hồ Văn Lực', CK, 'DV-07', 'Công ty Cơ khí Hòa Bình');
    expect(findRecusals([entry('HT11-020', CK, 'DV-05', 'Công ty Cơ khí Hòa Bình')], [j])).toEqual([]);
  });

  test('a judge who is one of the authors is recused as an author', () => {
    const e = { ...entry('HT11-021', NN), authors: [{ name: 'Trần Văn Ba' }, { name: 'nguyễn thị  hoa' }] };
    expect(findRecusals([e], jury)).toEqual([{ judgeCode: 'CG-0005', entryCode: 'HT11-021', reason: 'Là tác giả của giải pháp', auto: true }]);
  });

  test('a judge of another field is never recused from an entry he does not score', () => {
    expect(findRecusals([entry('HT11-022', NN, 'DV-05', 'Công ty Cơ khí Hòa Bình')], jury)).toEqual([]);
  });

  test('a judge may recuse by hand with a reason; without a reason the recusal is refused', () => {
    const manual = [{ judgeCode: 'CG-0001', entryCode: 'HT11-005', reason: 'Người thân của tác giả' }];
    expect(findRecusals(entries, jury, manual)).toEqual([
      { judgeCode: 'CG-0003', entryCode: 'HT11-003', reason: 'Công tác tại đơn vị dự thi (Công ty Cơ khí Hòa Bình)', auto: true },
      { judgeCode: 'CG-0001', entryCode: 'HT11-005', reason: 'Người thân của tác giả', auto: false },
    ]);
    expect(checkManualRecusal({ judgeCode: 'CG-0001', entryCode: 'HT11-005', reason: '  ' }, entries, jury)).toEqual({ reason: { code: 'required' } });
    expect(checkManualRecusal({ judgeCode: 'CG-0004', entryCode: 'HT11-005', reason: 'Lý do' }, entries, jury)).toEqual({ judgeCode: { code: 'judgeNotInJury', params: { judge: 'CG-0004', field: CK } } });
  });
});

describe('score sheets', () => {
  const ctx = { rules, entries, jury, recusals };

  test('a score above the criterion maximum, a negative one, a word and a blank are each named', () => {
    expect(checkScoreRow(row('HT11-001', 'CG-0001', 31, -1, 'khá'), ctx)).toEqual({
      moi: { code: 'tooLarge', params: { max: 30 } },
      apdung: { code: 'negative' },
      hieuqua: { code: 'invalidType' },
    });
    expect(checkScoreRow(row('HT11-001', 'CG-0001', '', 30, 40), ctx)).toEqual({ moi: { code: 'required' } });
  });

  test('scores typed with a decimal comma from the paper sheet are accepted', () => {
    expect(checkScoreRow(row('HT11-001', 'CG-0001', '27,5', 30, 40), ctx)).toEqual({});
  });

  test('a judge of another field, or the recused judge, cannot score the entry', () => {
    expect(checkScoreRow(row('HT11-007', 'CG-0001', 20, 20, 20), ctx)).toEqual({ judgeCode: { code: 'judgeNotInJury', params: { judge: 'CG-0001', field: NN } } });
    const recused = checkScoreRow(row('HT11-003', 'CG-0003', 20, 20, 20), ctx);
    expect(recused).toEqual({ judgeCode: { code: 'judgeRecused', params: { judge: 'CG-0003', entry: 'HT11-003', reason: 'Công tác tại đơn vị dự thi (Công ty Cơ khí Hòa Bình)' } } });
    expect(messageOf(recused.judgeCode.code, recused.judgeCode.params)).toBe('Giám khảo CG-0003 không chấm giải pháp HT11-003 (Công tác tại đơn vị dự thi (Công ty Cơ khí Hòa Bình)).');
  });

  test('an unknown or ineligible entry cannot be scored', () => {
    expect(checkScoreRow(row('HT11-099', 'CG-0001', 1, 1, 1), ctx)).toEqual({ entryCode: { code: 'unknownEntry', params: { value: 'HT11-099' } } });
    expect(checkScoreRow(row('HT11-012', 'CG-0004', 1, 1, 1), ctx)).toEqual({ entryCode: { code: 'entryIneligible', params: { value: 'HT11-012' } } });
  });
});

describe('results', () => {
  const res = computeResults(rules, entries, jury, recusals, rows);

  test('the average is the mean of the judges who scored: the recused judge is not waited for', () => {
    expect(byCode(res, 'HT11-003')).toEqual({
      entryCode: 'HT11-003', field: CK,
      judgeTotals: [{ judgeCode: 'CG-0001', total: 70 }, { judgeCode: 'CG-0002', total: 72 }],
      missingJudges: [], average: 71, rank: 3, prize: 'Ba', flags: [],
    });
    expect(byCode(res, 'HT11-002')?.average).toBe(80.33);
  });

  test('Cơ khí: prizes by rank, and a Khuyến khích place nobody deserved stays unawarded', () => {
    expect(res.entries.filter((e) => e.field === CK).map((e) => [e.entryCode, e.average, e.rank, e.prize])).toEqual([
      ['HT11-001', 91, 1, 'Nhất'],
      ['HT11-002', 80.33, 2, 'Nhì'],
      ['HT11-003', 71, 3, 'Ba'],
      ['HT11-004', 68, 4, 'Ba'],
      ['HT11-005', 56, 5, 'Khuyến khích'],
      ['HT11-006', 40, 6, ''],
    ]);
    expect(res.fields[0].prizes.map((p) => [p.prize, p.awarded, p.unawarded])).toEqual([
      ['Nhất', ['HT11-001'], 0],
      ['Nhì', ['HT11-002'], 0],
      ['Ba', ['HT11-003', 'HT11-004'], 0],
      ['Khuyến khích', ['HT11-005'], 1],
    ]);
  });

  test('a field with fewer deserving entries than prizes leaves the Nhất prize and one Nhì place unawarded', () => {
    expect(res.entries.filter((e) => e.field === NN).map((e) => [e.entryCode, e.average, e.rank, e.prize])).toEqual([
      ['HT11-007', 79.33, 1, 'Nhì'],
      ['HT11-008', 70, 2, 'Ba'],
      ['HT11-009', 66, 3, 'Ba'],
      ['HT11-010', 55, 4, 'Khuyến khích'],
      ['HT11-011', 45, 5, ''],
    ]);
    expect(res.fields[1]).toEqual({
      field: NN, complete: true, tie: null,
      prizes: [
        { prize: 'Nhất', quota: 1, minAverage: 85, awarded: [], unawarded: 1 },
        { prize: 'Nhì', quota: 2, minAverage: 75, awarded: ['HT11-007'], unawarded: 1 },
        { prize: 'Ba', quota: 2, minAverage: 65, awarded: ['HT11-008', 'HT11-009'], unawarded: 0 },
        { prize: 'Khuyến khích', quota: 1, minAverage: 50, awarded: ['HT11-010'], unawarded: 0 },
      ],
    });
  });

  test('the ineligible entry is neither ranked nor given a prize', () => {
    expect(byCode(res, 'HT11-012')).toBeUndefined();
  });

  test('rows the checks refuse count for nothing, and a second sheet by the same judge is refused', () => {
    const extra = [...rows, row('HT11-003', 'CG-0003', 30, 30, 40), row('HT11-006', 'CG-0001', 30, 30, 40)];
    const again = computeResults(rules, entries, jury, recusals, extra);
    expect(again.rejectedRows).toEqual([
      { index: rows.length, problems: { judgeCode: { code: 'judgeRecused', params: { judge: 'CG-0003', entry: 'HT11-003', reason: 'Công tác tại đơn vị dự thi (Công ty Cơ khí Hòa Bình)' } } } },
      { index: rows.length + 1, problems: { judgeCode: { code: 'duplicateScore', params: { judge: 'CG-0001', entry: 'HT11-006' } } } },
    ]);
    expect(byCode(again, 'HT11-003')?.average).toBe(71);
    expect(byCode(again, 'HT11-006')?.average).toBe(40);
  });

  test('an entry a judge has not scored is flagged, and its field waits for it before giving prizes', () => {
    const missing = rows.filter((r) => !(r.entryCode === 'HT11-004' && r.judgeCode === 'CG-0002'));
    const r = computeResults(rules, entries, jury, recusals, missing);
    expect(byCode(r, 'HT11-004')).toMatchObject({ missingJudges: ['CG-0002'], average: 68, flags: ['notFullyScored'], prize: '' });
    expect(r.fields[0].complete).toBe(false);
    expect(r.entries.filter((e) => e.field === CK).map((e) => e.prize)).toEqual(['', '', '', '', '', '']);
    expect(byCode(r, 'HT11-007')?.prize).toBe('Nhì');
  });
});

describe('ties and extremes', () => {
  const tieRules: ContestRules = { ...rules, prizes: { [NN]: [{ prize: 'Nhất', quota: 1, minAverage: 80 }, { prize: 'Nhì', quota: 2, minAverage: 60 }] } };
  const three = jury.filter((j) => j.field === NN);
  const three3 = (code: string, a: number, b: number, c: number) => three.map((j) => row(code, j.judgeCode, a, b, c));

  test('two entries tied for the only Nhất place are flagged for the jury; nothing below is decided for them', () => {
    const es = [entry('TT20-001', NN), entry('TT20-002', NN), entry('TT20-003', NN)];
    const r = computeResults(tieRules, es, jury, [], [...three3('TT20-001', 30, 30, 30), ...three3('TT20-002', 30, 30, 30), ...three3('TT20-003', 20, 20, 30)]);
    expect(r.entries.map((e) => [e.entryCode, e.average, e.rank, e.prize, e.flags])).toEqual([
      ['TT20-001', 90, 1, '', ['tieOnBoundary']],
      ['TT20-002', 90, 1, '', ['tieOnBoundary']],
      ['TT20-003', 70, 3, '', []],
    ]);
    expect(r.fields[0].tie).toEqual({ prize: 'Nhất', places: 1, entries: ['TT20-001', 'TT20-002'] });
  });

  test('a tie that fits inside a prize is no tie to decide: both get it', () => {
    const es = [entry('TT20-001', NN), entry('TT20-002', NN), entry('TT20-003', NN)];
    const r = computeResults(tieRules, es, jury, [], [...three3('TT20-001', 30, 30, 30), ...three3('TT20-002', 25, 25, 20), ...three3('TT20-003', 25, 25, 20)]);
    expect(r.entries.map((e) => [e.entryCode, e.prize, e.flags])).toEqual([
      ['TT20-001', 'Nhất', []],
      ['TT20-002', 'Nhì', []],
      ['TT20-003', 'Nhì', []],
    ]);
    expect(r.fields[0].tie).toBeNull();
  });

  const five: JuryMember[] = ['A', 'B', 'C', 'D', 'E'].map((x) => judge(`CG-10${x}`, `Giám khảo ${x}`, NN));
  // Totals 50, 70, 72, 74 and 99.
  const fiveRows = [
    row('TT20-001', 'CG-10A', 20, 10, 20),
    row('TT20-001', 'CG-10B', 20, 20, 30),
    row('TT20-001', 'CG-10C', 22, 20, 30),
    row('TT20-001', 'CG-10D', 24, 20, 30),
    row('TT20-001', 'CG-10E', 30, 29, 40),
  ];

  test('with 5 judges and the option on, the highest and lowest totals are dropped (72, not 73)', () => {
    const on = computeResults({ ...tieRules, dropExtremes: true }, [entry('TT20-001', NN)], five, [], fiveRows);
    const off = computeResults(tieRules, [entry('TT20-001', NN)], five, [], fiveRows);
    expect(on.entries[0].average).toBe(72);
    expect(off.entries[0].average).toBe(73);
  });

  test('with only 4 judges the option changes nothing', () => {
    const on = computeResults({ ...tieRules, dropExtremes: true }, [entry('TT20-001', NN)], five.slice(0, 4), [], fiveRows.slice(0, 4));
    expect(on.entries[0].average).toBe(66.5);
  });
});
