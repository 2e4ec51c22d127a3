// The register's rules: number series per kind, the send state machine, when a new number needs consent, scheduled jobs.
import { KINDS, kindOf, next, nextSeq, planIssue, planJob, planSend, recipientsOf, subjectStatus, type RegisterRow } from '../../src/core/register';

let n = 0;
function row(p: Partial<RegisterRow>): RegisterRow {
  return { index: n++, year: 2024, kind: 'progress', type: 'BC', seq: 1, number: '01/BC-LHH', periodFrom: '2024-01-01', periodTo: '2024-06-30', recipientEmails: '', docId: `d${n}`, state: 'Dự thảo', jobKey: '', subjectKey: '', ...p };
}

const code = (f: () => unknown): string => {
  try {
    f();
    return 'none';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('numbers', () => {
  test('a progress report and a consultation answer share the BC series; the budget submission has its own', () => {
    expect(KINDS.progress.type).toBe('BC');
    expect(KINDS.consultation.type).toBe('BC');
    expect(KINDS.budget.type).toBe('TTr');
    expect(KINDS.decision.type).toBe('QĐ');
    expect(KINDS.invitation.type).toBe('GM');
    expect(KINDS.minutes.type).toBe('BB');
    const rows = [row({ seq: 1 }), row({ kind: 'consultation', seq: 2, number: '02/BC-LHH' }), row({ kind: 'budget', type: 'TTr', seq: 1 })];
    expect(nextSeq(rows, 2024, 'BC', null)).toBe(3);
    expect(nextSeq(rows, 2024, 'TTr', null)).toBe(2);
    expect(nextSeq(rows, 2024, 'QĐ', null)).toBe(1);
    expect(nextSeq(rows, 2025, 'BC', null)).toBe(1);
  });

  test('an admin-set next number wins when higher, never reuses one, and "blank" leaves it to the văn thư', () => {
    const rows = [row({ seq: 4 })];
    expect(nextSeq(rows, 2024, 'BC', '12')).toBe(12);
    expect(nextSeq(rows, 2024, 'BC', '3')).toBe(5);
    expect(nextSeq(rows, 2024, 'BC', 'blank')).toBeNull();
    expect(nextSeq(rows, 2024, 'GM', '7')).toBe(7);
  });

  test('rows written before the "Loại văn bản" column are told by their type and id', () => {
    expect(kindOf('', 'TTr', 'x')).toBe('budget');
    expect(kindOf('', 'BC', 'email:weekly:2024-07-01')).toBe('weekly');
    expect(kindOf('', 'BC', '1abc')).toBe('progress');
    expect(kindOf('Báo cáo kết quả tư vấn, phản biện', 'BC', '1abc')).toBe('consultation');
  });
});

describe('the send state machine', () => {
  test('a draft goes Đang gửi, then Đã gửi; a failure is Gửi lỗi and may be retried; an interrupted send becomes Chưa rõ kết quả gửi', () => {
    expect(next('Dự thảo', 'begin')).toBe('Đang gửi');
    expect(next('Đang gửi', 'delivered')).toBe('Đã gửi');
    expect(next('Đang gửi', 'deliveredForReview')).toBe('Chờ duyệt');
    expect(next('Chờ duyệt', 'begin')).toBe('Đang gửi');
    expect(next('Đang gửi', 'failed')).toBe('Gửi lỗi');
    expect(next('Gửi lỗi', 'begin')).toBe('Đang gửi');
    expect(next('Đang gửi', 'interrupted')).toBe('Chưa rõ kết quả gửi');
    expect(next('Dự thảo', 'supersede')).toBe('Đã thay thế');
    // A hand-typed state counts as a draft.
    expect(next('dự thảo ', 'begin')).toBe('Đang gửi');
  });

  test('what went out is never superseded, and a superseded draft goes nowhere', () => {
    expect(code(() => next('Đã gửi', 'supersede', '01/BC-LHH'))).toBe('documentState');
    expect(code(() => next('Đã thay thế', 'begin'))).toBe('documentState');
    expect(code(() => next('Dự thảo', 'delivered'))).toBe('documentState');
  });
});

describe('a new number for a period that already has one', () => {
  test('needs the user to confirm; once confirmed, the unsent drafts are superseded and the sent one is kept', () => {
    const sent = row({ seq: 1, state: 'Đã gửi' });
    const draft = row({ seq: 2, number: '02/BC-LHH' });
    const other = row({ seq: 3, number: '03/BC-LHH', periodTo: '2024-03-31' });
    const rows = [sent, draft, other];
    const s = { kind: 'progress' as const, year: 2024, periodFrom: '2024-01-01', periodTo: '2024-06-30' };
    expect(planIssue(rows, s, false)).toEqual({ do: 'confirm', existing: draft });
    expect(planIssue(rows, s, true)).toEqual({ do: 'issue', supersede: [draft] });
    expect(planIssue(rows, { ...s, periodTo: '2024-09-30' }, false)).toEqual({ do: 'issue', supersede: [] });
    expect(subjectStatus(rows, s)).toMatchObject({ live: draft, sent });
  });

  test('documents that are not per period are siblings by their subject (a dossier), not by dates', () => {
    const answer = row({ kind: 'consultation', subjectKey: 'HS-2024-001', periodFrom: '', periodTo: '' });
    const s = { kind: 'consultation' as const, year: 2024, periodFrom: '', periodTo: '' };
    expect(planIssue([answer], { ...s, subjectKey: 'HS-2024-001' }, false)).toMatchObject({ do: 'confirm' });
    expect(planIssue([answer], { ...s, subjectKey: 'HS-2024-002' }, false)).toMatchObject({ do: 'issue' });
  });
});

describe('sending by hand', () => {
  const admin = { admin: true };
  const staff = { admin: false };

  test('a draft is sent and its unsent siblings are superseded', () => {
    const a = row({ seq: 1 });
    const b = row({ seq: 2, number: '02/BC-LHH' });
    expect(planSend(b, [a, b], staff)).toEqual({ do: 'send', supersede: [a] });
  });

  test('an older draft is refused once a newer sibling went out; a later correction goes only by an admin', () => {
    const old = row({ seq: 1 });
    const went = row({ seq: 2, number: '02/BC-LHH', state: 'Đã gửi' });
    const fix = row({ seq: 3, number: '03/BC-LHH' });
    expect(code(() => planSend(old, [old, went, fix], admin))).toBe('periodAlreadySent');
    expect(code(() => planSend(fix, [old, went, fix], staff))).toBe('periodAlreadySent');
    expect(planSend(fix, [old, went, fix], admin).do).toBe('send');
  });

  test('an interrupted send is marked, not repeated; a superseded draft and a resend by staff are refused', () => {
    expect(planSend(row({ state: 'Đang gửi' }), [], admin)).toEqual({ do: 'markUnknown' });
    expect(code(() => planSend(row({ state: 'Đã thay thế' }), [], admin))).toBe('documentSuperseded');
    expect(code(() => planSend(row({ state: 'Đã gửi' }), [], staff))).toBe('notAdmin');
    expect(code(() => planSend(row({ state: 'Chưa rõ kết quả gửi' }), [], staff))).toBe('notAdmin');
    expect(planSend(row({ state: 'Chưa rõ kết quả gửi' }), [], admin).do).toBe('send');
  });
});

describe('recipients by kind', () => {
  const lists = { reportRecipients: ['sokhcn@bacgiang.gov.vn'], budgetRecipients: ['sotc@bacgiang.gov.vn'], admins: ['admin@lhh.vn'] };

  test('reports go to Sở KH&CN, the submission to Sở Tài chính with Sở KH&CN in copy, an answer to the body that asked', () => {
    expect(recipientsOf({ kind: 'progress', recipientEmails: '' }, lists, false)).toEqual({ to: ['sokhcn@bacgiang.gov.vn'], cc: [] });
    expect(recipientsOf({ kind: 'budget', recipientEmails: '' }, lists, false)).toEqual({ to: ['sotc@bacgiang.gov.vn'], cc: ['sokhcn@bacgiang.gov.vn'] });
    expect(recipientsOf({ kind: 'consultation', recipientEmails: 'sotnmt@bacgiang.gov.vn, vp@bacgiang.gov.vn' }, lists, false)).toEqual({
      to: ['sotnmt@bacgiang.gov.vn', 'vp@bacgiang.gov.vn'],
      cc: [],
    });
    expect(recipientsOf({ kind: 'progress', recipientEmails: '' }, lists, true)).toEqual({ to: ['admin@lhh.vn'], cc: [] });
  });

  test('no address is a coded error naming the field to fill', () => {
    expect(code(() => recipientsOf({ kind: 'consultation', recipientEmails: ' ' }, lists, false))).toBe('noRecipients');
    expect(code(() => recipientsOf({ kind: 'progress', recipientEmails: '' }, { ...lists, reportRecipients: [] }, false))).toBe('noRecipients');
  });
});

describe('a due scheduled job', () => {
  const half = { key: 'half:2024', kind: 'half' as const, from: '2024-01-01', to: '2024-06-30' };

  test('is issued the first time, and skipped once sent, in review, of unknown outcome or replaced', () => {
    expect(planJob(half, [], 2024)).toEqual({ do: 'issue', supersede: [] });
    for (const state of ['Đã gửi', 'Chờ duyệt', 'Chưa rõ kết quả gửi', 'Đã thay thế']) {
      expect(planJob(half, [row({ jobKey: 'half:2024', state })], 2024)).toEqual({ do: 'skip', number: '01/BC-LHH' });
    }
  });

  test('a failed send is retried with the same document; one that died half-way is marked, not resent', () => {
    const failed = row({ jobKey: 'half:2024', state: 'Gửi lỗi' });
    expect(planJob(half, [failed], 2024)).toEqual({ do: 'send', row: failed });
    const dying = row({ jobKey: 'half:2024', state: 'Đang gửi' });
    expect(planJob(half, [dying], 2024)).toEqual({ do: 'markUnknown', row: dying });
  });

  test('a report of the period sent by hand does the job; an unsent hand draft is replaced by the job', () => {
    expect(planJob(half, [row({ state: 'Đã gửi', number: '03/BC-LHH' })], 2024)).toEqual({ do: 'skip', number: '03/BC-LHH' });
    const draft = row({});
    expect(planJob(half, [draft], 2024)).toEqual({ do: 'issue', supersede: [draft] });
  });

  test('a weekly summary is created once and sent', () => {
    const week = { key: 'weekly:2024-07-01', kind: 'weekly' as const, from: '2024-07-01', to: '2024-07-07' };
    expect(planJob(week, [], 2024)).toEqual({ do: 'createWeekly' });
    const w = row({ kind: 'weekly', seq: null, number: '', jobKey: week.key, state: 'Gửi lỗi' });
    expect(planJob(week, [w], 2024)).toEqual({ do: 'send', row: w });
  });
});
