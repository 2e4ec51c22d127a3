// Sidebar "Duyệt phản hồi biểu mẫu": lists a form's new responses and sends each review (accept with a target, or reject with a reason).
import { $, call, clear, el, fillSelect, hideBanner, showBanner, whileBusy, type ResultOf } from './common';

type List = ResultOf<'getFormResponses'>;
type Resp = List['responses'][number];

function render(v: List): void {
  const ul = $('responses');
  clear(ul);
  $('summary').textContent = v.responses.length
    ? `${v.responses.length} phản hồi mới (đã duyệt ${v.reviewed}/${v.total}).`
    : v.total
      ? `Không có phản hồi mới (đã duyệt ${v.reviewed}/${v.total}).`
      : 'Biểu mẫu chưa có phản hồi nào.';
  for (const r of v.responses) ul.appendChild(card(v, r));
}

function card(v: List, r: Resp): HTMLLIElement {
  const li = el('li', { class: 'card response', 'data-key': r.key });
  const head = el('div', { class: 'card-head' });
  head.appendChild(el('span', { class: 'title' }, `${r.recipientCode}${r.recipientName ? ` – ${r.recipientName}` : ''}`));
  head.appendChild(el('span', { class: 'muted small' }, r.submittedAt));
  li.appendChild(head);
  const dl = el('dl', { class: 'answers' });
  for (const a of r.answers) {
    dl.appendChild(el('dt', {}, a.label));
    dl.appendChild(el('dd', {}, a.value || '—'));
  }
  li.appendChild(dl);
  let target: HTMLSelectElement | null = null;
  if (v.form.kind === 'activity') {
    const id = `t-${r.key}`;
    const f = el('div', { class: 'field' });
    f.appendChild(el('label', { for: id }, 'Tính cho chỉ tiêu'));
    target = el('select', { id, 'data-role': 'target' });
    fillSelect(target, [{ value: '', label: '— chọn chỉ tiêu —' }, ...v.targets.map((t) => ({ value: t.code, label: t.label }))], r.suggestedTarget);
    f.appendChild(target);
    li.appendChild(f);
  }
  const reason = el('input', { type: 'text', maxlength: '500', placeholder: 'Lý do từ chối', 'data-role': 'reason', 'aria-label': 'Lý do từ chối' });
  li.appendChild(reason);
  const actions = el('div', { class: 'actions' });
  const ok = el('button', { type: 'button', class: 'primary', 'data-action': 'accept' }, 'Nhận');
  const no = el('button', { type: 'button', 'data-action': 'reject' }, 'Từ chối');
  ok.addEventListener('click', () => void review(v, r, 'accept', target ? target.value : '', ''));
  no.addEventListener('click', () => void review(v, r, 'reject', '', reason.value));
  actions.appendChild(ok);
  actions.appendChild(no);
  li.appendChild(actions);
  return li;
}

async function review(v: List, r: Resp, verdict: 'accept' | 'reject', targetCode: string, rejectReason: string): Promise<void> {
  hideBanner();
  const res = await whileBusy(() => call('reviewResponse', { formCode: v.form.code, key: r.key, verdict, targetCode, rejectReason }));
  if (!res.ok) {
    showBanner('error', res.message);
    return;
  }
  render(res);
  showBanner('success', verdict === 'accept' ? `Đã nhận phản hồi của ${r.recipientCode}${res.resultId ? `: ${res.resultId}` : ''}.` : `Đã từ chối phản hồi của ${r.recipientCode}.`);
}

async function open(code: string): Promise<void> {
  hideBanner();
  $('summary').textContent = 'Đang tải…';
  const r = await whileBusy(() => call('getFormResponses', code));
  if (!r.ok) {
    $('summary').textContent = '';
    showBanner('error', r.message);
    return;
  }
  render(r);
}

async function load(): Promise<void> {
  const v = await whileBusy(() => call('getFormsView'));
  if (!v.ok) {
    $('summary').textContent = '';
    showBanner('error', v.message);
    return;
  }
  const sel = $<HTMLSelectElement>('form');
  fillSelect(sel, v.forms.map((f) => ({ value: f.code, label: `${f.code} · ${f.title}` })));
  if (!v.forms.length) {
    $('summary').textContent = 'Chưa có biểu mẫu nào trong năm.';
    return;
  }
  await open(sel.value);
}

$('form').addEventListener('change', () => void open($<HTMLSelectElement>('form').value));
void load();
