// Fault sweep of the forms review story (domain-story.ts): a form made and sent, three associations answer, two accepted and one rejected, under a transient error at each call; a response is accepted exactly once.
import { formState, respondToForm } from '../../fakes';
import { rowsOf } from './story';
import { domainFaultSweep } from './domain-story';

const ASSOCS = [
  { name: 'Hội Làm vườn tỉnh Bắc Giang', email: 'hoilamvuon@example.vn' },
  { name: 'Hội Khoa học Đất tỉnh Bắc Giang', email: 'hoikhdat@example.vn' },
  { name: 'Hội Y học tỉnh Bắc Giang', email: 'hoiyhoc@example.vn' },
];
const CONSENT = 'Tôi đồng ý để Liên hiệp các Hội KH&KT tỉnh lưu và dùng thông tin liên hệ trong phiếu này chỉ để liên lạc về nội dung phiếu.';
const ANSWERS: [string, string, string, string][] = [
  ['HTV-01', 'hoilamvuon@example.vn', 'Tập huấn ghép cải tạo vườn vải', '2024-06-12T02:00:00Z'],
  ['HTV-02', 'hoikhdat@example.vn', 'Hội thảo cải tạo đất bạc màu', '2024-06-20T02:00:00Z'],
  ['HTV-03', 'hoiyhoc@example.vn', 'Khám sức khỏe cho hội viên', '2024-06-25T02:00:00Z'],
];

interface Memo {
  form: string | null;
  sent: boolean;
  answered: boolean;
  /** Response keys the user saw accepted, with the event each became. */
  accepted: Record<string, string>;
  rejected: string[];
}

function answerAll(s: { g: import('../../fakes').FakeGoogle; memo: Memo }): void {
  const formId = String(rowsOf(s.g, 'Biểu mẫu')[0]?.['Mã Google Biểu mẫu'] ?? '');
  const f = formState(s.g, formId);
  if (!f) return;
  const item = (t: string) => f.items.find((i) => i.title === t)!.id;
  for (const [code, email, title, day] of ANSWERS) {
    const x = s.g.newExecution({ kind: 'local', user: email });
    respondToForm(x, formId, email, {
      [item('Mã hội (điền sẵn, xin không sửa)')]: code,
      [item('Tên hoạt động')]: title,
      [item('Ngày tổ chức')]: new Date(day),
      [item('Hoạt động thuộc chỉ tiêu')]: 'P3.4 – Hội nghị tập huấn, chuyển giao kỹ thuật',
      [item('Số người tham dự')]: '50',
      [item('Đồng ý xử lý dữ liệu cá nhân')]: [CONSENT],
    });
    x.end();
    s.g.clock.advance(60_000);
  }
  s.memo.answered = true;
}

domainFaultSweep<Memo>({
  name: 'forms',
  now: '2024-07-05T09:00:00+07:00',
  seed: (s) => {
    for (const a of ASSOCS) s.call('saveAssociation', a);
  },
  memo: { form: null, sent: false, answered: false, accepted: {}, rejected: [] },
  steps: [
    {
      name: 'createForm',
      run: (s) => {
        const r = s.call('createForm', { formKind: 'activity', period: 'Quý II', deadline: '2024-07-20' });
        if (r) s.memo.form = r.code as string;
      },
    },
    {
      name: 'sendForm',
      run: (s) => {
        if (s.memo.form && s.call('sendForm', { formCode: s.memo.form, recipients: ['HTV-01', 'HTV-02', 'HTV-03'] })) s.memo.sent = true;
      },
    },
    { name: 'three associations answer', run: (s) => answerAll(s) },
    {
      name: 'review: accept, accept, reject',
      run: (s) => {
        if (!s.memo.form) return;
        const list = s.call('getFormResponses', s.memo.form);
        if (!list) return;
        const keys = (list.responses as { key: string }[]).map((r) => r.key);
        for (const [k, i] of [[keys[0], 0], [keys[1], 1]] as [string, number][]) {
          if (!k) continue;
          const r = s.call('reviewResponse', { formCode: s.memo.form, key: k, verdict: 'accept', targetCode: i === 0 ? 'P3.4' : 'P3.5' });
          if (r) s.memo.accepted[k] = r.resultId as string;
        }
        if (keys[2] && s.call('reviewResponse', { formCode: s.memo.form, key: keys[2], verdict: 'reject', rejectReason: 'Không thuộc chỉ tiêu' })) s.memo.rejected.push(keys[2]);
      },
    },
    {
      name: 'review again',
      run: (s) => {
        if (!s.memo.form) return;
        const list = s.call('getFormResponses', s.memo.form);
        // A review that failed half-way is finished now: what is still listed is accepted again, as staff would.
        for (const r of (list?.responses as { key: string }[] | undefined) || []) {
          if (s.memo.rejected.includes(r.key) || s.memo.accepted[r.key]) continue;
          const again = s.call('reviewResponse', { formCode: s.memo.form, key: r.key, verdict: 'accept', targetCode: 'P3.4' });
          if (again) s.memo.accepted[r.key] = again.resultId as string;
        }
      },
    },
  ],
  check: (g, m) => {
    const out: string[] = [];
    const forms = rowsOf(g, 'Biểu mẫu');
    if (forms.length !== (m.form ? 1 : 0)) out.push(`forms recorded: ${forms.length}, the user saw ${m.form ? 1 : 0} made`);
    const events = rowsOf(g, 'Hoạt động');
    const reviews = rowsOf(g, 'Duyệt phản hồi');
    const keyOf = (e: Record<string, unknown>) => (/Phản hồi biểu mẫu (\S+?);/.exec(String(e['Kết quả, ghi chú'])) || ['', ''])[1];
    const byKey = new Map<string, number>();
    for (const e of events) if (keyOf(e)) byKey.set(keyOf(e), (byKey.get(keyOf(e)) || 0) + 1);
    for (const [k, n] of byKey) if (n > 1) out.push(`response ${k} imported ${n} times`);
    const reviewed = new Map<string, number>();
    for (const r of reviews) reviewed.set(String(r['Khóa phản hồi']), (reviewed.get(String(r['Khóa phản hồi'])) || 0) + 1);
    for (const [k, n] of reviewed) if (n > 1) out.push(`response ${k} reviewed ${n} times`);
    for (const [k, id] of Object.entries(m.accepted)) {
      const e = events.find((x) => x['Mã'] === id);
      if (!e || keyOf(e) !== k) out.push(`accepted response ${k} → ${id} missing from Hoạt động`);
      const r = reviews.find((x) => x['Khóa phản hồi'] === k);
      if (!r || r['Đã thành'] !== id) out.push(`accepted response ${k}: review row ${JSON.stringify(r?.['Đã thành'])} ≠ ${id}`);
    }
    for (const k of m.rejected) if (byKey.has(k)) out.push(`rejected response ${k} became an event`);
    // An event made from a response is named by a review row once the story is over (a half-way failure was finished).
    for (const k of byKey.keys()) if (!reviewed.has(k) && m.answered) out.push(`event of response ${k} has no review row`);
    return out;
  },
});
