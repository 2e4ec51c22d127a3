// Sidebar "Ghi nhận hoạt động": one getLogView call, then log / edit / cancel events using the returned view.
import { formOf } from '../core/record-type';
import { SHEETS } from '../core/sheets';
import { applyForm } from './record-form';
import { EVENT_FIELDS, LIMITS, validateEventShape } from '../core/event-input';
import { fieldMessage } from '../core/messages';
import { formatMoney, formatNumber, isoToVn, parseMoney, vnToIso } from '../core/vn-format';
import {
  $,
  attachMoneyInput,
  call,
  clear,
  clearFieldErrors,
  el,
  fillSelect,
  hideBanner,
  isBusy,
  parseQuantity,
  showBanner,
  showFieldErrors,
  valueOf,
  whileBusy,
  type Json,
} from './common';
import type { LogView, RecentEvent, TargetView } from '../core/views';

const CANCELLED = 'Đã hủy';
const TEXT_FIELDS = ['title', 'location', 'partner', 'result', 'evidenceUrl'] as const;

let view: LogView | null = null;
/** The event being edited, as the server last gave it (to send only what changed). */
let editing: RecentEvent | null = null;

const programSel = () => $<HTMLSelectElement>('programCode');
const targetSel = () => $<HTMLSelectElement>('targetCode');
const lineSel = () => $<HTMLSelectElement>('budgetLineId');

function targetOf(code: string): TargetView | undefined {
  return view?.targets.find((t) => t.code === code);
}

function renderPrograms(): void {
  if (!view) return;
  fillSelect(
    programSel(),
    view.programs.map((p) => ({ value: p.code, label: `${p.code}. ${p.name}` })),
  );
  renderTargets();
}

/** Only the chosen programme's targets, labelled with progress ("… — 3/16 cuộc"). */
function renderTargets(): void {
  if (!view) return;
  const p = programSel().value;
  const opts = view.targets.filter((t) => t.programCode === p).map((t) => ({ value: t.code, label: t.label }));
  fillSelect(targetSel(), [{ value: '', label: '— Chọn chỉ tiêu —' }, ...opts]);
  renderBudgetLines();
  syncPickerBounds();
}

function renderBudgetLines(): void {
  if (!view) return;
  const p = programSel().value;
  const opts = view.budgetLines.filter((l) => l.programCode === p).map((l) => ({ value: l.id, label: l.label }));
  fillSelect(lineSel(), [{ value: '', label: opts.length ? '— Không gắn dòng kinh phí —' : '— Chương trình chưa có dòng kinh phí —' }, ...opts]);
}

/** The calendar helper offers only the plan years of the chosen target. */
function syncPickerBounds(): void {
  const picker = $<HTMLInputElement>('date-picker');
  const t = targetOf(targetSel().value);
  picker.min = t?.minDate || '';
  picker.max = t?.maxDate || '';
}

function targetName(code: string): string {
  return targetOf(code)?.name || code;
}

function renderRecent(): void {
  if (!view) return;
  const list = $('recent');
  clear(list);
  $('recent-section').hidden = false;
  $('recent-empty').hidden = view.recent.length > 0;
  for (const e of view.recent) list.appendChild(recentItem(e));
}

function recentItem(e: RecentEvent): HTMLLIElement {
  const cancelled = e.state === CANCELLED;
  const li = el('li', { class: cancelled ? 'card cancelled' : 'card', 'data-id': e.id });
  const head = el('div', { class: 'card-head' });
  head.appendChild(el('span', { class: 'date' }, isoToVn(e.date) || e.date));
  head.appendChild(el('span', { class: 'id muted' }, e.id));
  li.appendChild(head);
  li.appendChild(el('div', { class: 'card-title' }, e.title));
  const bits = [targetName(e.targetCode), `SL ${formatNumber(e.quantity)}`];
  if (e.cost) bits.push(formatMoney(e.cost));
  li.appendChild(el('div', { class: 'muted small' }, bits.join(' · ')));
  if (cancelled) {
    li.appendChild(el('div', { class: 'cancel-reason' }, `Đã hủy: ${e.cancelReason || '(không ghi lý do)'}`));
    return li;
  }
  const actions = el('div', { class: 'card-actions' });
  const edit = el('button', { type: 'button', class: 'link', 'data-action': 'edit', 'aria-label': `Sửa ${e.id}` }, 'Sửa');
  edit.addEventListener('click', () => startEdit(e));
  const cancel = el('button', { type: 'button', class: 'link danger', 'data-action': 'cancel', 'aria-label': `Hủy ${e.id}` }, 'Hủy');
  cancel.addEventListener('click', () => openCancelBox(li, e));
  actions.appendChild(edit);
  actions.appendChild(cancel);
  li.appendChild(actions);
  return li;
}

/** The inline "why cancel?" box: a cancellation must say why, and must not happen on a stray click. */
function openCancelBox(li: HTMLLIElement, e: RecentEvent): void {
  document.querySelectorAll('.cancel-box').forEach((b) => b.remove());
  const box = el('div', { class: 'cancel-box' });
  const id = `reason-${e.id}`;
  box.appendChild(el('label', { for: id }, `Lý do hủy ${e.id}`));
  const reason = el('textarea', { id, rows: '2', maxlength: String(LIMITS.reason), 'aria-describedby': `err-${id}` });
  box.appendChild(reason);
  const err = el('div', { class: 'err', id: `err-${id}` });
  err.hidden = true;
  box.appendChild(err);
  const row = el('div', { class: 'actions' });
  const confirm = el('button', { type: 'button', class: 'danger-btn', 'data-action': 'confirm-cancel' }, 'Xác nhận hủy');
  const back = el('button', { type: 'button', 'data-action': 'keep' }, 'Thôi');
  row.appendChild(confirm);
  row.appendChild(back);
  box.appendChild(row);
  li.appendChild(box);
  reason.focus();
  back.addEventListener('click', () => box.remove());
  confirm.addEventListener('click', async () => {
    const text = reason.value.normalize('NFC').trim();
    const problem = !text ? 'required' : text.length > LIMITS.reason ? 'tooLong' : '';
    if (problem) {
      err.textContent = fieldMessage('reason', problem, { max: LIMITS.reason });
      err.hidden = false;
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    if (isBusy()) return;
    const r = await whileBusy(() => call('cancelEvent', e.id, text));
    if (!r.ok) {
      err.textContent = r.errors.reason || r.message;
      err.hidden = false;
      showBanner('error', r.message);
      return;
    }
    if (editing && editing.id === e.id) stopEdit();
    applyView(r.view);
    showBanner('success', `Đã hủy hoạt động ${r.id}`);
  });
}

/** The form as the schema sees it: typed text kept as typed where it does not parse, so the schema names the problem. */
function readForm(): Record<string, Json> {
  const typedDate = valueOf('date');
  const qty = valueOf('quantity');
  const participants = valueOf('participants');
  const cost = valueOf('cost');
  const q = parseQuantity(qty);
  const p = parseQuantity(participants);
  const c = parseMoney(cost);
  return {
    targetCode: targetSel().value,
    date: vnToIso(typedDate) ?? typedDate,
    title: valueOf('title'),
    quantity: qty === '' ? 1 : q !== null && Number.isFinite(q) ? q : qty,
    location: valueOf('location'),
    partner: valueOf('partner'),
    participants: participants === '' ? null : p !== null && Number.isFinite(p) ? p : participants,
    cost: cost === '' ? null : c !== null ? c : cost,
    budgetLineId: lineSel().value,
    result: valueOf('result'),
    evidenceUrl: valueOf('evidenceUrl'),
  };
}

/** Schema problems, plus the plan-year check the view allows, as field → Vietnamese message. */
function validate(input: Record<string, Json>): Record<string, string> {
  const out: Record<string, string> = {};
  const shape = validateEventShape(input, EVENT_FIELDS);
  for (const [field, p] of Object.entries(shape)) out[field] = fieldMessage(field, p.code, p.params);
  const t = targetOf(String(input.targetCode));
  const d = String(input.date);
  if (!out.date && !out.targetCode && t && t.minDate && t.maxDate && (d < t.minDate || d > t.maxDate)) {
    const y1 = t.minDate.slice(0, 4);
    const y2 = t.maxDate.slice(0, 4);
    out.date = fieldMessage('date', 'dateOutOfPlan', { years: y1 === y2 ? y1 : `${y1}–${y2}` });
  }
  return out;
}

/** Only the fields that differ from the event as loaded: a patch must not overwrite what it did not touch. */
function patchOf(input: Record<string, Json>, e: RecentEvent): Record<string, Json> {
  const before: Record<string, Json> = {
    targetCode: e.targetCode,
    date: e.date,
    title: e.title,
    quantity: e.quantity,
    location: e.location || '',
    partner: e.partner || '',
    participants: e.participants ?? null,
    cost: e.cost ?? null,
    budgetLineId: e.budgetLineId || '',
    result: e.result || '',
    evidenceUrl: e.evidenceUrl || '',
  };
  const patch: Record<string, Json> = {};
  for (const k of EVENT_FIELDS) if (input[k] !== before[k]) patch[k] = input[k];
  return patch;
}

async function submit(ev: Event): Promise<void> {
  ev.preventDefault();
  if (isBusy() || !view) return;
  hideBanner();
  const input = readForm();
  const problems = validate(input);
  if (Object.keys(problems).length) {
    showFieldErrors(problems);
    showBanner('error', 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.');
    return;
  }
  clearFieldErrors();
  const wasEditing = editing;
  let r;
  if (wasEditing) {
    const patch = patchOf(input, wasEditing);
    if (!Object.keys(patch).length) {
      showBanner('info', 'Không có thay đổi nào để lưu.');
      return;
    }
    r = await whileBusy(() => call('updateEvent', wasEditing.id, patch));
  } else {
    r = await whileBusy(() => call('logEvent', input));
  }
  if (!r.ok) {
    const orphans = showFieldErrors(r.errors || {});
    showBanner('error', orphans.length && orphans[0] !== r.message ? `${r.message} ${orphans.join(' ')}` : r.message);
    return;
  }
  if (wasEditing) stopEdit();
  else resetForm();
  applyView(r.view);
  showBanner('success', wasEditing ? `Đã cập nhật hoạt động ${r.id}` : `Đã lưu hoạt động ${r.id}`);
}

/** Clears what describes one event; programme and target stay, since staff log several in a row. */
function resetForm(): void {
  for (const id of ['date', 'date-picker', 'title', 'location', 'partner', 'participants', 'cost', 'result', 'evidenceUrl']) {
    $<HTMLInputElement>(id).value = '';
  }
  $<HTMLInputElement>('quantity').value = '1';
  lineSel().value = '';
  clearFieldErrors();
}

/** Rebuilds labels, lines and the recent list from a view, keeping the user's choices. */
function applyView(v: LogView): void {
  const program = programSel().value;
  const target = targetSel().value;
  const line = lineSel().value;
  view = v;
  fillSelect(
    programSel(),
    v.programs.map((p) => ({ value: p.code, label: `${p.code}. ${p.name}` })),
    program,
  );
  renderTargets();
  if (target && targetOf(target)?.programCode === programSel().value) targetSel().value = target;
  if (line) lineSel().value = line;
  syncPickerBounds();
  renderRecent();
}

function startEdit(e: RecentEvent): void {
  if (!view || isBusy()) return;
  hideBanner();
  clearFieldErrors();
  editing = e;
  const t = targetOf(e.targetCode);
  if (t) {
    programSel().value = t.programCode;
    renderTargets();
    targetSel().value = e.targetCode;
  }
  syncPickerBounds();
  $<HTMLInputElement>('date').value = isoToVn(e.date) || e.date;
  $<HTMLInputElement>('date-picker').value = e.date;
  $<HTMLInputElement>('title').value = e.title;
  $<HTMLInputElement>('quantity').value = String(e.quantity ?? 1);
  $<HTMLInputElement>('participants').value = e.participants === null || e.participants === undefined ? '' : String(e.participants);
  $<HTMLInputElement>('cost').value = e.cost === null || e.cost === undefined ? '' : formatNumber(e.cost);
  lineSel().value = e.budgetLineId || '';
  for (const f of TEXT_FIELDS) $<HTMLInputElement>(f).value = e[f] || '';
  $('form-title').textContent = 'Sửa hoạt động';
  const note = $('edit-note');
  note.textContent = `Đang sửa ${e.id}. Bấm "Lưu thay đổi" để ghi lại, hoặc "Hủy sửa".`;
  note.hidden = false;
  $('save').textContent = 'Lưu thay đổi';
  $('cancel-edit').hidden = false;
  $('log-form').scrollIntoView({ block: 'start' });
  $<HTMLInputElement>('title').focus();
}

function stopEdit(): void {
  editing = null;
  $('form-title').textContent = 'Ghi nhận hoạt động';
  $('edit-note').hidden = true;
  $('save').textContent = 'Lưu hoạt động';
  $('cancel-edit').hidden = true;
  resetForm();
}

function wire(): void {
  programSel().addEventListener('change', () => {
    renderTargets();
    targetSel().focus();
  });
  targetSel().addEventListener('change', syncPickerBounds);
  const date = $<HTMLInputElement>('date');
  const picker = $<HTMLInputElement>('date-picker');
  picker.addEventListener('change', () => {
    if (picker.value) date.value = isoToVn(picker.value);
  });
  // Keep the calendar on the typed day, so opening it continues from what is in the text field.
  date.addEventListener('input', () => {
    const iso = vnToIso(date.value);
    if (iso) picker.value = iso;
  });
  attachMoneyInput($<HTMLInputElement>('cost'));
  $('log-form').addEventListener('submit', (ev) => void submit(ev));
  $('cancel-edit').addEventListener('click', () => {
    stopEdit();
    hideBanner();
  });
}

async function init(): Promise<void> {
  wire();
  applyForm(formOf(SHEETS.events));
  const r = await whileBusy(() => call('getLogView'));
  $('loading').hidden = true;
  if (!r.ok) {
    showBanner('error', r.message);
    return;
  }
  view = r;
  $('log-form').hidden = false;
  renderPrograms();
  renderRecent();
}

void init();
