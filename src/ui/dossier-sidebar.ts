// Sidebar "Tư vấn, phản biện": the dossier list with its figures, a new request, the panel builder (conflicts warned), papers, sending, reply and cancellation.
import { $, call, clear, clearFieldErrors, el, fillSelect, hideBanner, showBanner, showFieldErrors, valueOf, whileBusy, type ArgsOf, type Failure } from './common';

interface Suggestion {
  code: string;
  name: string;
  academicTitle: string;
  degree: string;
  workplace: string;
  matches: number;
  panelsThisYear: number;
  conflict: boolean;
}
interface Detail {
  dossier: { code: string; consultKind: string; subject: string; state: string; deadline: string; targetCode: string; answerNumber: string; cost: number | null; eventId: string };
  requester: { name: string; email: string } | null;
  panel: { expertCode: string; name: string; role: string; fee: number | null; conflict: boolean }[];
  suggestions: Suggestion[];
  papers: Record<'answer' | 'decision' | 'invitation', { number: string; url: string; state: string } | null>;
}
interface View {
  year: number;
  stats: { received: number; inProgress: number; answered: number; overdue: number; cancelled: number; takeUpRate: number | null };
  dossiers: { code: string; consultKind: string; subject: string; requester: string; deadline: string; daysLeft: number | null; state: string; answerNumber: string }[];
  organisations: { code: string; name: string; hasEmail: boolean }[];
  choices: { kinds: string[]; forms: string[]; states: string[]; uptake: string[]; roles: string[]; fields: string[] };
  detail: Detail | null;
}

let current = '';
let roles: string[] = [];
const vnDate = (iso: string): string => (iso ? iso.split('-').reverse().join('/') : '');

function pane(which: 'list' | 'new' | 'detail'): void {
  $('list').hidden = which !== 'list';
  $('new-form').hidden = which !== 'new';
  $('detail').hidden = which !== 'detail';
  $('show-list').className = which === 'list' ? 'primary' : '';
  $('show-new').className = which === 'new' ? 'primary' : '';
}

function render(v: View): void {
  const s = v.stats;
  $('stats').textContent = `Năm ${v.year}: tiếp nhận ${s.received}, đang thực hiện ${s.inProgress}, đã trả lời ${s.answered}, quá hạn ${s.overdue}${s.takeUpRate !== null ? `, tỷ lệ tiếp thu ${String(s.takeUpRate).replace('.', ',')}%` : ''}.`;
  roles = v.choices.roles;
  fillSelect($('consultKind'), v.choices.kinds.map((k) => ({ value: k, label: k })));
  fillSelect($('form'), v.choices.forms.map((k) => ({ value: k, label: k })));
  fillSelect($('uptake'), v.choices.uptake.slice(0, 3).map((k) => ({ value: k, label: k })));
  fillSelect($('requesterCode'), [{ value: '', label: '' }, ...v.organisations.map((o) => ({ value: o.code, label: o.name }))]);
  fillSelect($('fields'), v.choices.fields.map((f) => ({ value: f, label: f })));
  const list = $('list');
  clear(list);
  for (const d of v.dossiers) {
    const li = el('li', { class: `card${d.state === 'Hủy' ? ' cancelled' : ''}`, 'data-code': d.code });
    const head = el('div', { class: 'card-head' });
    head.appendChild(el('span', { class: 'date' }, d.code));
    head.appendChild(el('span', {}, d.state + (d.daysLeft !== null && d.daysLeft < 0 && (d.state === 'Tiếp nhận' || d.state === 'Đang thực hiện') ? ' · quá hạn' : '')));
    li.appendChild(head);
    li.appendChild(el('div', { class: 'card-title' }, `${d.consultKind} ${d.subject}`));
    li.appendChild(el('div', { class: 'muted' }, `${d.requester}${d.deadline ? ` · hạn ${vnDate(d.deadline)}` : ''}${d.answerNumber ? ` · ${d.answerNumber}` : ''}`));
    const open = el('button', { type: 'button', class: 'link', 'data-action': 'open' }, 'Mở');
    open.addEventListener('click', () => void load(d.code));
    li.appendChild(open);
    list.appendChild(li);
  }
  if (v.detail) renderDetail(v.detail);
}

function renderDetail(d: Detail): void {
  current = d.dossier.code;
  pane('detail');
  $('d-title').textContent = `${d.dossier.code}: ${d.dossier.consultKind} ${d.dossier.subject}`;
  $('d-meta').textContent = [d.dossier.state, d.requester ? d.requester.name : '', d.dossier.deadline ? `hạn ${vnDate(d.dossier.deadline)}` : '', `chỉ tiêu ${d.dossier.targetCode}`, d.dossier.eventId ? `hoạt động ${d.dossier.eventId}` : ''].filter(Boolean).join(' · ');
  const inPanel = new Map(d.panel.map((m) => [m.expertCode, m.role]));
  const sug = $('suggestions');
  clear(sug);
  for (const s of d.suggestions) {
    const li = el('li', { class: `card${s.conflict ? ' conflict' : ''}`, 'data-code': s.code });
    const box = el('input', { type: 'checkbox', 'data-role': 'pick', 'aria-label': `Chọn ${s.name}` }) as HTMLInputElement;
    box.checked = inPanel.has(s.code);
    const role = el('select', { 'data-role': 'role', 'aria-label': `Vai trò của ${s.name}` }) as HTMLSelectElement;
    fillSelect(role, roles.map((r) => ({ value: r, label: r })), inPanel.get(s.code) || 'Ủy viên');
    const label = el('label', {});
    label.appendChild(box);
    label.appendChild(document.createTextNode(` ${[s.academicTitle, s.degree].filter(Boolean).join('.')}${s.academicTitle || s.degree ? '. ' : ''}${s.name}`));
    li.appendChild(label);
    li.appendChild(el('div', { class: 'muted' }, `${s.workplace || ''} · ${s.matches} lĩnh vực khớp · ${s.panelsThisYear} hội đồng năm nay`));
    if (s.conflict) li.appendChild(el('div', { class: 'err', 'data-warn': 'conflict' }, `⚠ Công tác tại cơ quan đề nghị: xung đột lợi ích.`));
    li.appendChild(role);
    sug.appendChild(li);
  }
  const panel = $('panel');
  clear(panel);
  for (const m of d.panel) panel.appendChild(el('li', { class: 'card' }, `${m.name} · ${m.role}${m.fee !== null ? ` · ${m.fee.toLocaleString('vi-VN')} đ` : ''}${m.conflict ? ' · ⚠ xung đột lợi ích' : ''}`));
  const papers = $('papers');
  clear(papers);
  const names = { decision: 'QĐ thành lập', invitation: 'Giấy mời', answer: 'Báo cáo kết quả' } as const;
  for (const k of ['decision', 'invitation', 'answer'] as const) {
    const p = d.papers[k];
    if (!p) continue;
    const li = el('li', { class: 'card' });
    li.appendChild(el('span', {}, `${names[k]}: ${p.number} (${p.state}) `));
    if (/^https:\/\//.test(p.url)) li.appendChild(el('a', { href: p.url, target: '_blank', rel: 'noopener' }, 'Mở'));
    papers.appendChild(li);
  }
}

function failed(r: Failure): void {
  const orphans = showFieldErrors(r.errors);
  showBanner('error', orphans.length ? orphans.join(' ') : r.message);
}

type Step = 'saveDossier' | 'issueDossierPaper' | 'sendDossierAnswer' | 'recordDossierSent' | 'moveDossier';

/** One step of the dossier: every such call answers with the refreshed view (and what the step did). */
async function run<F extends Step>(fn: F, args: ArgsOf<F>, ok: (r: View & Record<string, unknown>) => string): Promise<boolean> {
  clearFieldErrors();
  const r = await whileBusy(() => call(fn, ...args));
  if (!r.ok) {
    failed(r);
    return false;
  }
  const v = r as unknown as View & Record<string, unknown>;
  render(v);
  showBanner('success', ok(v));
  return true;
}

async function load(code?: string): Promise<void> {
  hideBanner();
  const r = await whileBusy(() => call('getDossierView', code || ''));
  if (!r.ok) return showBanner('error', r.message);
  render(r);
  if (!code) pane('list');
}

async function saveDossier(): Promise<void> {
  const input = {
    consultKind: ($('consultKind') as HTMLSelectElement).value,
    subject: valueOf('subject'),
    requesterCode: ($('requesterCode') as HTMLSelectElement).value,
    requestNumber: valueOf('requestNumber'),
    requestDate: valueOf('requestDate'),
    deadline: valueOf('deadline'),
    form: ($('form') as HTMLSelectElement).value,
    fields: Array.from(($('fields') as HTMLSelectElement).selectedOptions).map((o) => o.value),
    staff: valueOf('staff'),
  };
  if (await run('saveDossier', [input], (r) => `Đã tiếp nhận hồ sơ ${String(r.code)}.`)) ($('new-form') as HTMLFormElement).reset();
}

async function savePanel(confirm = false): Promise<void> {
  const picks = Array.from(document.querySelectorAll<HTMLLIElement>('#suggestions li'))
    .filter((li) => (li.querySelector('[data-role=pick]') as HTMLInputElement).checked)
    .map((li) => ({ expertCode: li.dataset.code || '', role: (li.querySelector('[data-role=role]') as HTMLSelectElement).value }));
  clearFieldErrors();
  const r = await whileBusy(() => call('savePanel', current, picks, confirm));
  if (!r.ok) {
    // A conflict of interest is the user's call: asked once, then saved as chosen.
    if (r.code === 'panelConflict' && window.confirm(r.message)) return savePanel(true);
    return failed(r);
  }
  render(r);
  showBanner('success', `Đã lưu hội đồng ${picks.length} thành viên${r.conflicts.length ? ` (đã xác nhận xung đột lợi ích: ${r.conflicts.join(', ')})` : ''}.`);
}

$('show-list').addEventListener('click', () => void load());
$('show-new').addEventListener('click', () => {
  hideBanner();
  pane('new');
});
$('new-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void saveDossier();
});
$('save-panel').addEventListener('click', () => void savePanel());
for (const k of ['decision', 'invitation', 'answer'] as const)
  $(`paper-${k}`).addEventListener('click', () => void run('issueDossierPaper', [current, k], (r) => `Văn bản ${String((r.paper as { number: string }).number)} đã sẵn sàng.`));
$('send-answer').addEventListener('click', () => void run('sendDossierAnswer', [current], (r) => `Đã gửi ${String((r.sent as { number: string }).number)} tới ${String((r.sent as { to: string }).to)}; chỉ tiêu đã được cộng.`));
$('record-sent').addEventListener('click', () => void run('recordDossierSent', [current, { answerNumber: valueOf('answerNumber'), answerDate: valueOf('answerDate'), answerUrl: valueOf('answerUrl') }], () => 'Đã ghi nhận văn bản trả lời; chỉ tiêu đã được cộng.'));
$('save-feedback').addEventListener('click', () => void run('moveDossier', [current, { to: 'Đã có phản hồi', uptake: ($('uptake') as HTMLSelectElement).value, uptakeNote: valueOf('uptakeNote') }], () => 'Đã lưu phản hồi.'));
$('cancel-dossier').addEventListener('click', () => void run('moveDossier', [current, { to: 'Hủy', reason: valueOf('reason') }], (r) => `Đã hủy hồ sơ${r.cancelledEvent ? ` và hoạt động ${String(r.cancelledEvent)}` : ''}.`));
void load();
