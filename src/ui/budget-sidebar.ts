// Sidebar "Kinh phí": edit budget lines (proposed = quantity × unit price) and see them by programme with what was spent.
import { formOf } from '../core/record-type';
import { SHEETS } from '../core/sheets';
import { applyForm } from './record-form';
import { validateBudgetShape } from '../core/budget-input';
import { fieldMessage } from '../core/messages';
import { BUDGET_STAGES } from '../core/types';
import { formatMoney, formatNumber, parseMoney } from '../core/vn-format';
import type { BudgetLineView, BudgetView } from '../core/views';
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

let view: BudgetView | null = null;
let editing: BudgetLineView | null = null;

const programSel = () => $<HTMLSelectElement>('programCode');
const targetSel = () => $<HTMLSelectElement>('targetCode');
const stageSel = () => $<HTMLSelectElement>('stage');

function stages(): string[] {
  return view && view.stages && view.stages.length ? view.stages : [...BUDGET_STAGES];
}

function renderTargets(): void {
  if (!view) return;
  const p = programSel().value;
  const opts = view.targets.filter((t) => t.programCode === p).map((t) => ({ value: t.code, label: `${t.code} ${t.name}` }));
  fillSelect(targetSel(), [{ value: '', label: '— Chung cho chương trình —' }, ...opts]);
}

/** The appraised amount exists from "Đã thẩm định" on, the approved one only at "Đã phê duyệt". */
function syncStageFields(): void {
  const i = stages().indexOf(stageSel().value);
  const appraised = $<HTMLInputElement>('appraised');
  const approved = $<HTMLInputElement>('approved');
  appraised.disabled = i < 2;
  approved.disabled = i < 3;
  appraised.placeholder = appraised.disabled ? 'Nhập khi đã thẩm định' : 'VD: 1.250.000';
  approved.placeholder = approved.disabled ? 'Nhập khi đã phê duyệt' : 'VD: 1.250.000';
}

function quantityValue(): number | null {
  const q = parseQuantity(valueOf('quantity'));
  return q !== null && Number.isFinite(q) ? q : null;
}

function updateProposed(): void {
  const q = quantityValue();
  const price = parseMoney(valueOf('unitPrice'));
  $('proposed').textContent = q !== null && price !== null ? formatMoney(Math.round(q * price)) : '—';
}

/** An amount as typed: a number when it reads as one, else the text itself so the schema names the problem. */
function amountOf(id: string): Json {
  const s = valueOf(id);
  if (!s) return null;
  const n = parseMoney(s);
  return n === null ? s : n;
}

/** The form as saveBudgetLine takes it, checked with the server's own schema (validateBudgetShape). */
function readForm(): { input: Record<string, Json>; errors: Record<string, string> } {
  const qText = valueOf('quantity');
  const q = parseQuantity(qText);
  const input: Record<string, Json> = {
    programCode: programSel().value,
    targetCode: targetSel().value,
    item: valueOf('item'),
    unit: valueOf('unit'),
    quantity: q !== null && Number.isFinite(q) ? q : qText,
    unitPrice: amountOf('unitPrice'),
    // A figure the stage does not have yet is not sent: the server refuses it (stageTooEarly).
    appraised: $<HTMLInputElement>('appraised').disabled ? null : amountOf('appraised'),
    approved: $<HTMLInputElement>('approved').disabled ? null : amountOf('approved'),
    basis: valueOf('basis'),
    stage: stageSel().value,
    note: valueOf('note'),
  };
  if (editing) input.id = editing.id;
  const errors: Record<string, string> = {};
  for (const [field, p] of Object.entries(validateBudgetShape(input))) errors[field] = fieldMessage(field, p.code, p.params);
  return { input, errors };
}

async function submit(ev: Event): Promise<void> {
  ev.preventDefault();
  if (isBusy() || !view) return;
  hideBanner();
  const { input, errors } = readForm();
  if (Object.keys(errors).length) {
    showFieldErrors(errors);
    showBanner('error', 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.');
    return;
  }
  clearFieldErrors();
  const wasEditing = !!editing;
  const r = await whileBusy(() => call('saveBudgetLine', input));
  if (!r.ok) {
    const orphans = showFieldErrors(r.errors || {});
    showBanner('error', orphans.length && orphans[0] !== r.message ? `${r.message} ${orphans.join(' ')}` : r.message);
    return;
  }
  stopEdit();
  applyView(r.view);
  showBanner('success', wasEditing ? `Đã cập nhật dòng kinh phí ${r.id}` : `Đã lưu dòng kinh phí ${r.id}`);
}

function resetForm(): void {
  for (const id of ['item', 'unit', 'unitPrice', 'basis', 'appraised', 'approved', 'note']) $<HTMLInputElement>(id).value = '';
  $<HTMLInputElement>('quantity').value = '1';
  targetSel().value = '';
  stageSel().value = stages()[0];
  syncStageFields();
  updateProposed();
  clearFieldErrors();
}

function startEdit(l: BudgetLineView): void {
  if (isBusy()) return;
  hideBanner();
  clearFieldErrors();
  editing = l;
  programSel().value = l.programCode;
  renderTargets();
  targetSel().value = l.targetCode || '';
  $<HTMLInputElement>('item').value = l.item;
  $<HTMLInputElement>('unit').value = l.unit || '';
  $<HTMLInputElement>('quantity').value = formatNumber(l.quantity);
  $<HTMLInputElement>('unitPrice').value = formatNumber(l.unitPrice);
  $<HTMLInputElement>('basis').value = l.basis || '';
  stageSel().value = stages().includes(l.stage) ? l.stage : stages()[0];
  $<HTMLInputElement>('appraised').value = l.appraised === null || l.appraised === undefined ? '' : formatNumber(l.appraised);
  $<HTMLInputElement>('approved').value = l.approved === null || l.approved === undefined ? '' : formatNumber(l.approved);
  $<HTMLInputElement>('note').value = l.note || '';
  syncStageFields();
  updateProposed();
  $('form-title').textContent = 'Sửa dòng kinh phí';
  const note = $('edit-note');
  note.textContent = `Đang sửa ${l.id}.`;
  note.hidden = false;
  $('save').textContent = 'Lưu thay đổi';
  $('cancel-edit').hidden = false;
  document.querySelectorAll('.card.selected').forEach((c) => c.classList.remove('selected'));
  document.querySelector(`.card[data-id="${CSS.escape(l.id)}"]`)?.classList.add('selected');
  $('budget-form').scrollIntoView({ block: 'start' });
  $<HTMLInputElement>('item').focus();
}

function stopEdit(): void {
  editing = null;
  $('form-title').textContent = 'Kinh phí';
  $('edit-note').hidden = true;
  $('save').textContent = 'Lưu dòng kinh phí';
  $('cancel-edit').hidden = true;
  document.querySelectorAll('.card.selected').forEach((c) => c.classList.remove('selected'));
  resetForm();
}

function figures(rows: [string, string, string?][]): HTMLDListElement {
  const dl = el('dl', { class: 'figures' });
  for (const [label, value, cls] of rows) {
    dl.appendChild(el('dt', {}, label));
    dl.appendChild(el('dd', cls ? { class: cls } : {}, value));
  }
  return dl;
}

const orDash = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatMoney(n));

function lineCard(l: BudgetLineView): HTMLLIElement {
  const li = el('li', { class: 'card clickable', 'data-id': l.id, tabindex: '0', role: 'button', 'aria-label': `Sửa ${l.id}: ${l.item}` });
  const head = el('div', { class: 'card-head' });
  head.appendChild(el('span', { class: 'stage' }, l.stage));
  head.appendChild(el('span', { class: 'id muted' }, l.id));
  li.appendChild(head);
  li.appendChild(el('div', { class: 'card-title' }, l.item));
  li.appendChild(el('div', { class: 'muted small' }, `${formatNumber(l.quantity)} ${l.unit || ''} × ${formatMoney(l.unitPrice)}`.replace(/\s+×/, ' ×')));
  li.appendChild(
    figures([
      ['Đề nghị', formatMoney(l.proposed)],
      ['Phê duyệt', orDash(l.approved)],
      ['Đã chi', formatMoney(l.spent || 0)],
    ]),
  );
  if (l.overspent) li.appendChild(el('span', { class: 'flag' }, 'Chi vượt phê duyệt'));
  li.addEventListener('click', () => startEdit(l));
  li.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      startEdit(l);
    }
  });
  return li;
}

function renderLines(): void {
  if (!view) return;
  const groups = $('groups');
  clear(groups);
  $('lines-section').hidden = false;
  $('lines-empty').hidden = view.lines.length > 0;
  const known = new Set(view.programs.map((p) => p.code));
  const programs = [...view.programs];
  // A line whose programme is no longer in the plan still has to be visible to be fixed.
  for (const l of view.lines) if (!known.has(l.programCode)) {
    known.add(l.programCode);
    programs.push({ code: l.programCode, name: '(không có trong kế hoạch)' });
  }
  for (const p of programs) {
    const lines = view.lines.filter((l) => l.programCode === p.code);
    if (!lines.length) continue;
    const section = el('section', { class: 'group', 'data-program': p.code });
    section.appendChild(el('h3', {}, `${p.code}. ${p.name}`));
    const sums = view.byProgram?.find((b) => b.code === p.code);
    const proposed = sums ? sums.proposed : lines.reduce((s, l) => s + l.proposed, 0);
    const approved = sums ? sums.approved : lines.reduce((s, l) => s + (l.approved || 0), 0);
    section.appendChild(el('div', { class: 'group-total' }, `Đề nghị ${formatMoney(proposed)} · Phê duyệt ${formatMoney(approved)}`));
    const ol = el('ol', { class: 'cards' });
    for (const l of lines) ol.appendChild(lineCard(l));
    section.appendChild(ol);
    groups.appendChild(section);
  }
  const t = view.totals;
  const totals = $('totals');
  clear(totals);
  const fig = figures([
    ['Đề nghị', formatMoney(t.proposed)],
    ['Thẩm định', formatMoney(t.appraised)],
    ['Phê duyệt', formatMoney(t.approved)],
    ['Đã chi', formatMoney(t.spent)],
    ['Còn lại', formatMoney(t.remaining), t.remaining < 0 ? 'remaining-negative' : undefined],
  ]);
  while (fig.firstChild) totals.appendChild(fig.firstChild);
  if (editing) document.querySelector(`.card[data-id="${CSS.escape(editing.id)}"]`)?.classList.add('selected');
}

function applyView(v: BudgetView): void {
  const program = programSel().value;
  const target = targetSel().value;
  const stage = stageSel().value;
  view = v;
  fillSelect(
    programSel(),
    v.programs.map((p) => ({ value: p.code, label: `${p.code}. ${p.name}` })),
    program,
  );
  renderTargets();
  if (target) targetSel().value = target;
  fillSelect(
    stageSel(),
    stages().map((s) => ({ value: s, label: s })),
    stage || stages()[0],
  );
  syncStageFields();
  renderLines();
}

function wire(): void {
  programSel().addEventListener('change', renderTargets);
  stageSel().addEventListener('change', syncStageFields);
  $('quantity').addEventListener('input', updateProposed);
  attachMoneyInput($<HTMLInputElement>('unitPrice'), updateProposed);
  attachMoneyInput($<HTMLInputElement>('appraised'));
  attachMoneyInput($<HTMLInputElement>('approved'));
  $('budget-form').addEventListener('submit', (ev) => void submit(ev));
  $('cancel-edit').addEventListener('click', () => {
    stopEdit();
    hideBanner();
  });
}

async function init(): Promise<void> {
  wire();
  applyForm(formOf(SHEETS.budget));
  const r = await whileBusy(() => call('getBudgetView'));
  $('loading').hidden = true;
  if (!r.ok) {
    showBanner('error', r.message);
    return;
  }
  $('budget-form').hidden = false;
  applyView(r);
  updateProposed();
}

void init();
