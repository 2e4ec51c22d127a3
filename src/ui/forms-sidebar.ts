// Sidebar "Biểu mẫu": creates the year's forms (admins), lists them with their sending and review counts, sends the pre-filled links.
import { $, call, clear, clearFieldErrors, el, fillSelect, hideBanner, showBanner, showFieldErrors, valueOf, whileBusy, type ResultOf } from './common';
import { isoToVn, vnToIso } from '../core/vn-format';

type View = ResultOf<'getFormsView'>;
type FormRow = View['forms'][number];
let view: View | null = null;
let sending: FormRow | null = null;

function render(v: View): void {
  view = v;
  $('create').hidden = !v.isAdmin;
  fillSelect($<HTMLSelectElement>('formKind'), v.kinds.map((k) => ({ value: k.key, label: k.label })));
  fillSelect($<HTMLSelectElement>('period'), v.quarters.map((q) => ({ value: q, label: q })));
  syncPeriod();
  $('list-title').textContent = `Biểu mẫu năm ${v.year}`;
  const list = $('forms');
  clear(list);
  $('summary').textContent = v.forms.length ? `${v.forms.length} biểu mẫu. Nhắc trả lời ${v.reminderDays} ngày trước hạn (Cài đặt).` : 'Chưa có biểu mẫu nào trong năm.';
  for (const f of v.forms) list.appendChild(card(f, v.isAdmin));
  if (sending) {
    const again = v.forms.find((f) => f.code === sending?.code);
    if (again) openSend(again);
  }
}

function card(f: FormRow, admin: boolean): HTMLLIElement {
  const li = el('li', { class: 'card form-card', 'data-code': f.code });
  const head = el('div', { class: 'card-head' });
  head.appendChild(el('span', { class: 'title' }, `${f.code} · ${f.title}`));
  head.appendChild(el('span', { class: f.open ? 'state ok-note' : 'state muted' }, f.state));
  li.appendChild(head);
  li.appendChild(el('div', { class: 'muted small' }, `Hạn trả lời ${isoToVn(f.deadline) || '—'} · đã gửi ${f.sent}${f.queued ? `, chờ gửi ${f.queued}` : ''}${f.failed ? `, lỗi/không có email ${f.failed}` : ''} · đã nhắc ${f.reminded} · đã nhận ${f.accepted}, từ chối ${f.rejected}`));
  const links = el('div', { class: 'actions' });
  links.appendChild(el('a', { href: f.fillUrl, target: '_blank', rel: 'noopener' }, 'Mở biểu mẫu'));
  if (admin) links.appendChild(el('a', { href: f.editUrl, target: '_blank', rel: 'noopener' }, 'Sửa'));
  if (admin && f.open) {
    const b = el('button', { type: 'button', class: 'link', 'data-action': 'send' }, 'Gửi cho đơn vị…');
    b.addEventListener('click', () => openSend(f));
    links.appendChild(b);
  }
  li.appendChild(links);
  return li;
}

function openSend(f: FormRow): void {
  if (!view) return;
  sending = f;
  $('send').hidden = false;
  $('send-title').textContent = `Gửi ${f.code}`;
  const ul = $('recipients');
  clear(ul);
  const pool = view.kinds.find((k) => k.key === f.kind)?.audience === 'associations' ? view.associations : view.organisations;
  for (const r of pool) {
    const id = `r-${r.code}`;
    const li = el('li');
    const box = el('input', { type: 'checkbox', id, value: r.code });
    const done = f.sentTo.includes(r.code);
    box.checked = done;
    box.disabled = done;
    li.appendChild(box);
    li.appendChild(el('label', { for: id }, `${r.code} – ${r.name}${done ? ' (đã gửi)' : ''}`));
    ul.appendChild(li);
  }
  if (!pool.length) ul.appendChild(el('li', { class: 'muted' }, 'Chưa có đơn vị nào trong danh sách (trang "Hội thành viên" hoặc "Cơ quan, đơn vị").'));
}

function picked(): string[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>('#recipients input[type=checkbox]')).filter((b) => b.checked && !b.disabled).map((b) => b.value);
}

function syncPeriod(): void {
  $('period-field').hidden = $<HTMLSelectElement>('formKind').value !== 'activity';
}

async function load(): Promise<void> {
  const r = await whileBusy(() => call('getFormsView'));
  if (!r.ok) {
    $('summary').textContent = '';
    showBanner('error', r.message);
    return;
  }
  render(r);
}

async function create(): Promise<void> {
  hideBanner();
  clearFieldErrors();
  const kind = $<HTMLSelectElement>('formKind').value;
  const typed = valueOf('deadline');
  const r = await whileBusy(() => call('createForm', { formKind: kind, period: kind === 'activity' ? $<HTMLSelectElement>('period').value : '', deadline: typed ? (vnToIso(typed) ?? typed) : '' }));
  if (!r.ok) {
    showFieldErrors(r.errors);
    showBanner('error', r.message);
    return;
  }
  render(r);
  showBanner('success', `Đã tạo biểu mẫu ${r.code}. Bấm "Gửi cho đơn vị…" để gửi liên kết.`);
}

async function send(): Promise<void> {
  if (!sending) return;
  hideBanner();
  clearFieldErrors();
  const codes = picked();
  if (!codes.length) {
    showBanner('error', 'Chưa chọn đơn vị nhận nào.');
    return;
  }
  const r = await whileBusy(() => call('sendForm', { formCode: sending!.code, recipients: codes }));
  if (!r.ok) {
    showFieldErrors(r.errors);
    showBanner('error', r.message);
    return;
  }
  render(r);
  const parts = [`Đã gửi ${r.sentNow} liên kết.`];
  if (r.queued) parts.push(`${r.queued} liên kết chờ gửi ở lần chạy hằng ngày (hết hạn mức email hôm nay).`);
  if (r.noEmail.length) parts.push(`Chưa có email: ${r.noEmail.join(', ')} (thêm trong "Chuyên gia, hội thành viên").`);
  showBanner(r.queued || r.noEmail.length ? 'info' : 'success', parts.join(' '));
}

$('formKind').addEventListener('change', syncPeriod);
$('create-btn').addEventListener('click', () => void create());
$('send-btn').addEventListener('click', () => void send());
$('send-cancel').addEventListener('click', () => {
  sending = null;
  $('send').hidden = true;
});
$('pick-all').addEventListener('click', () => document.querySelectorAll<HTMLInputElement>('#recipients input[type=checkbox]').forEach((b) => (b.checked = true)));
void load();
