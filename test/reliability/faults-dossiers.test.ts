// Fault sweep of the consultations story (domain-story.ts): a dossier received, its panel, the answer sent once, the dossier cancelled, under a transient error at each of its calls.
import { rowsOf } from './story';
import { domainFaultSweep } from './domain-story';

const STAFF = 'canbo@lhh.example.vn';
const DOSSIER = {
  consultKind: 'Phản biện',
  subject: 'Quy hoạch sử dụng đất tỉnh Bắc Giang thời kỳ 2021-2030',
  requesterCode: 'STNMT',
  requestNumber: '125/STNMT-QLĐĐ',
  requestDate: '2024-04-02',
  deadline: '2024-04-30',
  fields: ['Quản lý đất đai'],
  staff: STAFF,
};
const PANEL = [
  { expertCode: 'CG-0002', role: 'Chủ tịch hội đồng' },
  { expertCode: 'CG-0003', role: 'Phản biện' },
];

interface Memo {
  /** The dossier's code, once the user saw it saved. */
  code: string | null;
  panel: boolean;
  /** The answer's number, once the user saw it sent. */
  sent: string | null;
  cancelled: boolean;
}

domainFaultSweep<Memo>({
  name: 'dossiers',
  now: '2024-04-25T09:00:00+07:00',
  seed: (s) => {
    s.call('saveOrganisation', { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường tỉnh Bắc Giang', email: 'stnmt@bacgiang.gov.vn' });
    s.call('saveOrganisation', { code: 'DHNL', name: 'Trường Đại học Nông Lâm Bắc Giang' });
    s.call('saveExpert', { name: 'Nguyễn Văn Đức', degree: 'TS', fields: ['Quản lý đất đai'], workplaceCode: 'STNMT', consent: true, email: 'duc.nv@example.vn' });
    s.call('saveExpert', { name: 'Trần Thị Bình', academicTitle: 'PGS', degree: 'TS', fields: ['Quản lý đất đai', 'Nông nghiệp'], workplaceCode: 'DHNL', consent: true, email: 'binh.tt@example.vn' });
    s.call('saveExpert', { name: 'Lê Văn Cường', degree: 'ThS', fields: ['Quản lý đất đai'], consent: true, email: 'cuong.lv@example.vn' });
    // The fee rates, typed by hand as staff keep them.
    const x = s.g.newExecution({ kind: 'sidebar', user: 'admin@lhh.example.vn' });
    s.g
      .gas(x)
      .SpreadsheetApp.openById(s.g.activeSpreadsheetId as string)
      .getSheetByName('Định mức chi tư vấn')!
      .getRange(2, 1, 2, 4)
      .setValues([
        ['', 'Chủ tịch hội đồng', 1500000, 'Thông tư 11/2015/TT-BTC'],
        ['Phản biện', 'Phản biện', 1200000, 'Thông tư 11/2015/TT-BTC'],
      ]);
    x.end();
  },
  memo: { code: null, panel: false, sent: null, cancelled: false },
  steps: [
    {
      name: 'saveDossier',
      run: (s) => {
        const r = s.call('saveDossier', DOSSIER);
        if (r) s.memo.code = r.code as string;
      },
    },
    {
      name: 'savePanel',
      run: (s) => {
        if (s.memo.code && s.call('savePanel', s.memo.code, PANEL)) s.memo.panel = true;
      },
    },
    {
      name: 'sendDossierAnswer',
      run: (s) => {
        if (!s.memo.code || !s.memo.panel) return;
        const r = s.call('sendDossierAnswer', s.memo.code);
        if (r) s.memo.sent = (r.sent as { number: string }).number;
      },
    },
    {
      name: 'moveDossier (Hủy)',
      run: (s) => {
        if (s.memo.code && s.call('moveDossier', s.memo.code, { to: 'Hủy', reason: 'Sở rút đề nghị để hoàn thiện hồ sơ' })) s.memo.cancelled = true;
      },
    },
  ],
  check: (g, m) => {
    const out: string[] = [];
    const dossiers = rowsOf(g, 'Tư vấn phản biện');
    if (dossiers.length !== (m.code ? 1 : 0)) out.push(`dossiers present: ${dossiers.length}, the user saw ${m.code ? 1 : 0} saved`);
    const d = dossiers.find((r) => r['Mã hồ sơ'] === m.code);
    if (m.code && !d) out.push(`dossier ${m.code} the user saw saved is missing`);
    const panel = rowsOf(g, 'Thành viên hội đồng').map((r) => `${r['Mã hồ sơ']} ${r['Mã chuyên gia']} ${r['Vai trò']}`);
    const want = m.panel ? PANEL.map((p) => `${m.code} ${p.expertCode} ${p.role}`) : [];
    if (JSON.stringify(panel) !== JSON.stringify(want)) out.push(`panel rows ${JSON.stringify(panel)} ≠ the panel the user saw saved ${JSON.stringify(want)}`);
    const linked = m.code ? rowsOf(g, 'Hoạt động').filter((r) => String(r['Kết quả, ghi chú']).includes(m.code as string)) : [];
    if (linked.length !== (m.sent ? 1 : 0)) out.push(`events of the dossier: ${linked.length}, the answer ${m.sent ? 'was' : 'was not'} sent`);
    if (m.sent) {
      if (d?.['Số văn bản trả lời'] !== m.sent) out.push(`answer number on the dossier ${JSON.stringify(d?.['Số văn bản trả lời'])} ≠ ${m.sent}`);
      if (!g.outbox.some((x) => x.subject.includes(m.sent as string))) out.push(`answer ${m.sent} the user saw sent is not in the outbox`);
    }
    if (m.cancelled) {
      if (d?.['Trạng thái'] !== 'Hủy') out.push(`cancellation of ${m.code} lost: ${JSON.stringify(d?.['Trạng thái'])}`);
      if (linked.some((e) => e['Trạng thái'] !== 'Đã hủy')) out.push(`the event of cancelled dossier ${m.code} still counts`);
    }
    return out;
  },
});
