// Sidebar "Cài đặt": getSettings once, save only what changed, set the next document numbers, resend documents needing attention.
import { isAppError } from '../core/errors';
import { fieldMessage } from '../core/messages';
import { validateSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { docNumber, formatDateTimeVn, isoToVn, vnToIso } from '../core/vn-format';
import { $, call, clear, clearFieldErrors, el, fillSelect, hideBanner, isBusy, showBanner, showFieldErrors, valueOf, whileBusy, type Json, type ResultOf } from './common';

type DocType = 'BC' | 'TTr' | 'QĐ' | 'GM' | 'BB';
/** Every series the register numbers; element ids use ASCII keys. */
const DOC_TYPES: DocType[] = ['BC', 'TTr', 'QĐ', 'GM', 'BB'];
const idOf = (t: DocType): string => (t === 'QĐ' ? 'QD' : t);
const NOUNS: Record<DocType, string> = { BC: 'báo cáo', TTr: 'tờ trình', 'QĐ': 'quyết định', GM: 'giấy mời', BB: 'biên bản' };

type SettingsView = ResultOf<'getSettings'>;
type AttentionDoc = SettingsView['attention'][number];

const TEXT_FIELDS = ['orgName', 'parentOrgName', 'place', 'orgCode', 'signerAuthority', 'signerTitle', 'signerName', 'reportRecipientName', 'budgetRecipientName', 'archiveLine'] as const;
const LIST_FIELDS = ['reportRecipients', 'budgetRecipients', 'admins'] as const;
const WEEKDAYS = ['Tắt', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const UNKNOWN_STATE = 'Chưa rõ kết quả gửi';
const REVIEW_STATE = 'Chờ duyệt';

let view: SettingsView | null = null;

// The settings functions are entry points of main.ts but not (yet) in common.ts's typed list; the
// double cast keeps this file compiling whether or not they are added there.

const input = (id: string) => $<HTMLInputElement>(id);
const sel = (id: string) => $<HTMLSelectElement>(id);

/** A list typed one address per line (commas and semicolons pasted from mail clients work too). */
function readList(id: string): string[] {
  return valueOf(id)
    .split(/[\s,;]+/)
    .filter(Boolean);
}

/** The form as settings; values that do not parse are kept as typed so validation names them. */
function readForm(): Settings {
  const s = { ...(view as SettingsView).settings };
  const out = s as unknown as Record<string, unknown>;
  for (const k of TEXT_FIELDS) out[k] = valueOf(k);
  for (const k of LIST_FIELDS) out[k] = readList(k);
  const typedDate = valueOf('decision-date');
  s.decision = { number: valueOf('decision-number'), date: typedDate ? (vnToIso(typedDate) ?? typedDate) : '', issuer: valueOf('decision-issuer') };
  const year = valueOf('planYear');
  out.planYear = /^\d{4}$/.test(year) ? Number(year) : year;
  s.schedule = {
    enabled: input('schedule-enabled').checked,
    hour: Number(sel('schedule-hour').value),
    weeklyDay: Number(sel('schedule-weeklyDay').value),
    monthlyDay: Number(sel('schedule-monthlyDay').value),
    formalReports: input('schedule-formalReports').checked,
  };
  const remind = valueOf('formReminderDays');
  out.formReminderDays = /^\d{1,2}$/.test(remind) ? Number(remind) : remind;
  return s;
}

/** Only what differs from the settings as loaded, so two admins editing different fields do not undo each other. */
function patchOf(next: Settings, before: Settings): Record<string, Json> {
  const patch: Record<string, Json> = {};
  const a = before as unknown as Record<string, Json>;
  const b = next as unknown as Record<string, Json>;
  for (const k of Object.keys(b)) {
    if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    if (k === 'schedule' || k === 'decision') {
      const sub: Record<string, Json> = {};
      const x = a[k] as Record<string, Json>;
      const y = b[k] as Record<string, Json>;
      for (const j of Object.keys(y)) if (JSON.stringify(x[j]) !== JSON.stringify(y[j])) sub[j] = y[j];
      patch[k] = sub;
    } else patch[k] = b[k];
  }
  return patch;
}

/** The same validation the server runs, so a bad address is named before any round trip. */
function validate(patch: Record<string, Json>, current: Settings): Record<string, string> {
  try {
    validateSettings(patch, current);
    return {};
  } catch (e) {
    if (!isAppError(e)) throw e;
    const out: Record<string, string> = {};
    for (const [field, p] of Object.entries(e.fields)) out[field] = fieldMessage(field, p.code, p.params);
    return out;
  }
}

/** Where a field error puts the focus: grouped settings point at their most likely culprit. */
function inputFor(field: string): HTMLElement | null {
  if (field === 'decision') return document.getElementById('decision-date');
  if (field === 'schedule') return document.getElementById('schedule-hour');
  return document.getElementById(field);
}

function renderForm(s: Settings): void {
  for (const k of TEXT_FIELDS) input(k).value = s[k] || '';
  for (const k of LIST_FIELDS) input(k).value = (s[k] || []).join('\n');
  input('decision-number').value = s.decision.number || '';
  input('decision-date').value = isoToVn(s.decision.date) || s.decision.date || '';
  input('decision-issuer').value = s.decision.issuer || '';
  input('planYear').value = String(s.planYear);
  input('schedule-enabled').checked = !!s.schedule.enabled;
  sel('schedule-hour').value = String(s.schedule.hour);
  sel('schedule-weeklyDay').value = String(s.schedule.weeklyDay);
  sel('schedule-monthlyDay').value = String(s.schedule.monthlyDay);
  input('schedule-formalReports').checked = !!s.schedule.formalReports;
  input('formReminderDays').value = String(s.formReminderDays ?? 3);
  syncDirty();
}


function renderTrigger(v: SettingsView): void {
  const reauth = $('reauth');
  reauth.textContent = v.reauth || '';
  reauth.hidden = !v.reauth;
  const t = v.trigger;
  const box = $('trigger-info');
  if (!t) {
    box.textContent = v.settings.schedule.enabled
      ? 'Lịch gửi đã bật nhưng chưa có tài khoản nào chạy lịch. Quản trị viên bấm “Lưu” để lịch chạy dưới tài khoản của mình.'
      : 'Lịch gửi tự động đang tắt.';
    return;
  }
  const owner = t.owner === v.user ? `${t.owner} (bạn)` : t.owner || '(không rõ)';
  const last = t.lastRun ? formatDateTimeVn(new Date(t.lastRun)) : 'chưa có';
  box.textContent = `Lịch gửi tự động chạy dưới tài khoản ${owner}, lần chạy gần nhất ${last}, kết quả: ${t.lastOutcome || '—'}.`;
}

/** Saving with the schedule on re-creates the trigger under whoever saves: say so before it happens. */
function syncOwnerWarning(): void {
  const v = view;
  const warn = $('owner-change');
  if (!v || !v.isAdmin || !input('schedule-enabled').checked || (v.trigger && v.trigger.owner === v.user)) {
    warn.hidden = true;
    return;
  }
  warn.textContent = v.trigger
    ? `Khi lưu, lịch gửi tự động sẽ chuyển sang chạy dưới tài khoản của bạn (${v.user}) thay cho ${v.trigger.owner}.`
    : `Khi lưu, lịch gửi tự động sẽ chạy dưới tài khoản của bạn (${v.user}).`;
  warn.hidden = false;
}

function syncDirty(): void {
  if (!view) return;
  $('dirty-note').hidden = !view.isAdmin || Object.keys(patchOf(readForm(), view.settings)).length === 0;
  syncOwnerWarning();
}

function numberLabel(type: DocType, n: number | null, orgCode: string): string {
  return n === null ? 'để trống (văn thư điền)' : docNumber(n, type, orgCode);
}

function renderNumbers(v: SettingsView): void {
  for (const type of DOC_TYPES) {
    if (!(type in v.nextNumbers)) continue;
    $(`next-${idOf(type)}`).textContent = numberLabel(type, v.nextNumbers[type], v.settings.orgCode);
    input(`set-${idOf(type)}`).value = v.nextNumbers[type] === null ? '' : String(v.nextNumbers[type]);
  }
}

function renderAttention(v: SettingsView): void {
  const list = $('attention');
  clear(list);
  $('attention-section').hidden = v.attention.length === 0;
  for (const d of v.attention) list.appendChild(attentionItem(d, v.isAdmin));
}

function attentionItem(d: AttentionDoc, admin: boolean): HTMLLIElement {
  const budget = /\/TTr\b/.test(d.number);
  const li = el('li', { class: 'card', 'data-doc': d.docId });
  const head = el('div', { class: 'card-head' });
  head.appendChild(el('strong', {}, d.number.trim() || '(chưa có số)'));
  head.appendChild(el('span', { class: d.state === REVIEW_STATE ? 'state review' : 'state' }, d.state));
  li.appendChild(head);
  li.appendChild(el('div', { class: 'card-title small' }, d.summary));
  const actions = el('div', { class: 'card-actions' });
  // The link comes from the register sheet, which users edit: only an https address becomes a link.
  if (/^https:\/\//.test(d.docUrl)) actions.appendChild(el('a', { href: d.docUrl, target: '_blank', rel: 'noopener noreferrer', 'data-action': 'open' }, 'Mở'));
  if (admin) {
    const sendBtn = el('button', { type: 'button', class: 'link', 'data-action': 'send' }, budget ? 'Gửi Sở Tài chính' : 'Gửi Sở KH&CN');
    sendBtn.addEventListener('click', () => openSendBox(li, d, budget));
    actions.appendChild(sendBtn);
  }
  li.appendChild(actions);
  return li;
}

/** Sending a document on from here must be deliberate, more so when an earlier send may have arrived. */
function openSendBox(li: HTMLLIElement, d: AttentionDoc, budget: boolean): void {
  if (!view) return;
  document.querySelectorAll('.confirm-box').forEach((b) => b.remove());
  const to = budget ? view.settings.budgetRecipients : view.settings.reportRecipients;
  const box = el('div', { class: 'confirm-box', role: 'alertdialog' });
  box.appendChild(el('p', { class: 'question' }, `Gửi ${budget ? 'tờ trình' : 'báo cáo'} số ${d.number.trim()} đến ${to.length ? to.join(', ') : budget ? 'Sở Tài chính (chưa khai báo email)' : 'Sở KH&CN (chưa khai báo email)'}?`));
  if (d.state === UNKNOWN_STATE) box.appendChild(el('p', { class: 'small' }, 'Lần gửi trước bị gián đoạn, có thể đã đến nơi nhận: hãy kiểm tra hộp thư đã gửi trước khi gửi lại.'));
  const row = el('div', { class: 'actions' });
  const yes = el('button', { type: 'button', class: 'primary', 'data-action': 'confirm-send' }, 'Gửi');
  const no = el('button', { type: 'button', 'data-action': 'keep' }, 'Thôi');
  row.appendChild(yes);
  row.appendChild(no);
  box.appendChild(row);
  li.appendChild(box);
  yes.focus();
  no.addEventListener('click', () => box.remove());
  yes.addEventListener('click', () => void sendDoc(d, budget));
}

async function sendDoc(d: AttentionDoc, budget: boolean): Promise<void> {
  if (isBusy()) return;
  hideBanner();
  const r = await whileBusy(() => call('sendReport', { kind: budget ? 'budget' : 'progress', docId: d.docId }));
  if (!r.ok) {
    showBanner('error', r.message);
    return;
  }
  const done = `Đã gửi ${budget ? 'tờ trình' : 'báo cáo'} số ${r.number} đến ${r.recipients.join(', ')}${r.cc.length ? ` (CC: ${r.cc.join(', ')})` : ''}.`;
  // The send returns no settings view: reload the list so the document leaves it.
  const v = await whileBusy(() => call('getSettings'));
  if (v.ok) applyView(v, false);
  showBanner('success', done);
}

/** Everything but the form, which keeps unsaved edits unless `form` says the server's copy wins. */
function applyView(v: SettingsView, form: boolean): void {
  view = v;
  if (form) renderForm(v.settings);
  renderTrigger(v);
  renderNumbers(v);
  renderAttention(v);
  $('who').textContent = `Tài khoản: ${v.user || '(không rõ)'}${v.isAdmin ? ' — quản trị viên' : ''}`;
  $('readonly-note').hidden = v.isAdmin;
  $<HTMLFieldSetElement>('settings-fields').disabled = !v.isAdmin;
  $('save-bar').hidden = !v.isAdmin;
  document.querySelectorAll<HTMLElement>('.admin-only').forEach((e) => (e.hidden = !v.isAdmin));
  syncDirty();
}

async function save(ev: Event): Promise<void> {
  ev.preventDefault();
  if (isBusy() || !view || !view.isAdmin) return;
  hideBanner();
  const before = view.settings;
  const patch = patchOf(readForm(), before);
  if (!Object.keys(patch).length) {
    clearFieldErrors();
    showBanner('info', 'Không có thay đổi nào để lưu.');
    return;
  }
  const problems = validate(patch, before);
  if (Object.keys(problems).length) {
    const orphans = showFieldErrors(problems, inputFor);
    showBanner('error', orphans.length ? orphans.join(' ') : 'Dữ liệu chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.');
    return;
  }
  clearFieldErrors();
  const r = await whileBusy(() => call('saveSettings', patch));
  if (!r.ok) {
    const orphans = showFieldErrors(r.errors || {}, inputFor);
    showBanner('error', orphans.length && orphans[0] !== r.message ? `${r.message} ${orphans.join(' ')}` : r.message);
    return;
  }
  applyView(r, true);
  showBanner('success', 'Đã lưu cài đặt.');
}

async function setNumber(type: DocType, blank: boolean): Promise<void> {
  if (isBusy() || !view) return;
  hideBanner();
  clearFieldErrors();
  const text = valueOf(`set-${idOf(type)}`);
  const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!blank && !(n >= 1)) {
    showFieldErrors({ [`nextNumber-${idOf(type)}`]: fieldMessage('nextNumber', 'notPositive') }, () => input(`set-${idOf(type)}`));
    return;
  }
  const next = blank ? null : n;
  const r = await whileBusy(() => call('setNextNumber', { type, next }));
  if (!r.ok) {
    const msg = r.errors.nextNumber || r.message;
    showFieldErrors({ [`nextNumber-${idOf(type)}`]: msg }, () => input(`set-${idOf(type)}`));
    showBanner('error', r.message);
    return;
  }
  applyView(r, false);
  const noun = NOUNS[type];
  const got = r.nextNumbers[type];
  if (next === null) showBanner('success', `Số ${noun} tiếp theo để trống cho văn thư điền.`);
  // The register never reuses a number: a lower one than already issued is not taken.
  else if (got !== next) showBanner('info', `Số ${next} đã được dùng trong Sổ văn bản; số ${noun} tiếp theo là ${numberLabel(type, got, r.settings.orgCode)}.`);
  else showBanner('success', `Số ${noun} tiếp theo: ${numberLabel(type, got, r.settings.orgCode)}.`);
}

function fillChoices(): void {
  fillSelect(
    sel('schedule-hour'),
    Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${h} giờ` })),
  );
  fillSelect(
    sel('schedule-weeklyDay'),
    WEEKDAYS.map((label, i) => ({ value: String(i), label })),
  );
  fillSelect(sel('schedule-monthlyDay'), [{ value: '0', label: 'Tắt' }, ...Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: `Ngày ${i + 1}` }))]);
}

function wire(): void {
  $('settings-form').addEventListener('submit', (ev) => void save(ev));
  $('settings-form').addEventListener('input', syncDirty);
  $('settings-form').addEventListener('change', syncDirty);
  // The code is upper case in "Số: 05/BC-LHH"; typing it in lower case is no error worth a message.
  input('orgCode').addEventListener('blur', () => (input('orgCode').value = input('orgCode').value.toUpperCase()));
  for (const type of DOC_TYPES) {
    $(`apply-${idOf(type)}`).addEventListener('click', () => void setNumber(type, false));
    $(`blank-${idOf(type)}`).addEventListener('click', () => void setNumber(type, true));
    input(`set-${idOf(type)}`).addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        void setNumber(type, false);
      }
    });
  }
}

async function init(): Promise<void> {
  fillChoices();
  wire();
  const r = await whileBusy(() => call('getSettings'));
  $('loading').hidden = true;
  if (!r.ok) {
    showBanner('error', r.message);
    return;
  }
  $('content').hidden = false;
  applyView(r, true);
}

void init();
