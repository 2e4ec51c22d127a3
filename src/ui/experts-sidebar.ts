// Sidebar "Chuyên gia, hội thành viên": the expert register (search, add, edit, mark inactive, paste from Excel), associations and bodies.
import { $, call, clear, clearFieldErrors, el, fillSelect, hideBanner, showBanner, showFieldErrors, valueOf, whileBusy, type Failure } from './common';

interface Expert {
  code: string;
  name: string;
  display: string;
  academicTitle: string;
  degree: string;
  fields: string[];
  speciality: string;
  workplaceCode: string;
  workplace: string;
  position: string;
  associationCode: string;
  scope: string;
  consent: boolean;
  consentDate: string;
  note: string;
  state: string;
}
interface View {
  total: number;
  count: number;
  experts: Expert[];
  associations: { code: string; name: string; kind: string; state: string; chair: string }[];
  organisations: { code: string; name: string }[];
  canReadContacts: boolean;
  choices: { fields: string[]; titles: string[]; degrees: string[]; states: string[]; scopes: string[]; associationKinds: string[]; associationStates: string[] };
}

let view: View | null = null;
let editing = '';
const PANES = ['search', 'expert', 'paste', 'assoc'];

function show(pane: string): void {
  for (const p of PANES) {
    $(`pane-${p}`).hidden = p !== pane;
    $(`tab-${p}`).className = p === pane ? 'primary' : '';
  }
  hideBanner();
}

const opts = (xs: string[], blank = ''): { value: string; label: string }[] => [{ value: '', label: blank }, ...xs.map((x) => ({ value: x, label: x }))];

function fillLists(v: View): void {
  fillSelect($('q-field'), opts(v.choices.fields, 'Mọi lĩnh vực'));
  fillSelect($('q-assoc'), [{ value: '', label: 'Mọi hội' }, ...v.associations.map((a) => ({ value: a.code, label: a.name }))]);
  fillSelect($('academicTitle'), opts(v.choices.titles));
  fillSelect($('degree'), opts(v.choices.degrees));
  const keep = Array.from(($('fields') as HTMLSelectElement).selectedOptions).map((o) => o.value);
  fillSelect($('fields'), v.choices.fields.map((f) => ({ value: f, label: f })));
  for (const o of Array.from(($('fields') as HTMLSelectElement).options)) o.selected = keep.includes(o.value);
  fillSelect($('workplaceCode'), [{ value: '', label: '' }, ...v.organisations.map((o) => ({ value: o.code, label: o.name }))]);
  fillSelect($('associationCode'), [{ value: '', label: '' }, ...v.associations.map((a) => ({ value: a.code, label: a.name }))]);
  fillSelect($('scope'), v.choices.scopes.map((s) => ({ value: s, label: s })));
  fillSelect($('a-kind'), v.choices.associationKinds.map((s) => ({ value: s, label: s })));
  fillSelect($('a-state'), v.choices.associationStates.map((s) => ({ value: s, label: s })));
  $('contact-box').hidden = !v.canReadContacts;
  $('contact-locked').hidden = v.canReadContacts;
  $('a-contact').hidden = !v.canReadContacts;
  const al = $('assoc-list');
  clear(al);
  for (const a of v.associations) al.appendChild(el('li', { class: 'card' }, `${a.code} · ${a.name} · ${a.state}${a.chair ? ` · Chủ tịch: ${a.chair}` : ''}`));
  const ol = $('org-list');
  clear(ol);
  for (const o of v.organisations) ol.appendChild(el('li', { class: 'card' }, `${o.code} · ${o.name}`));
}

function expertCard(e: Expert): HTMLLIElement {
  const li = el('li', { class: `card${e.state === 'Đang hoạt động' ? '' : ' cancelled'}`, 'data-code': e.code });
  const head = el('div', { class: 'card-head' });
  head.appendChild(el('span', { class: 'date' }, e.code));
  head.appendChild(el('span', {}, e.consent ? 'Đồng ý tư vấn' : 'Chưa đồng ý'));
  li.appendChild(head);
  li.appendChild(el('div', { class: 'card-title' }, e.display));
  li.appendChild(el('div', { class: 'muted' }, [e.fields.join(', '), e.workplace].filter(Boolean).join(' · ')));
  const actions = el('div', { class: 'card-actions' });
  if (e.state !== 'Đã ẩn danh') {
    const edit = el('button', { type: 'button', class: 'link', 'data-action': 'edit' }, 'Sửa');
    edit.addEventListener('click', () => startEdit(e));
    actions.appendChild(edit);
    const next = e.state === 'Đang hoạt động' ? 'Ngừng hoạt động' : 'Đang hoạt động';
    const st = el('button', { type: 'button', class: 'link', 'data-action': 'state' }, next === 'Ngừng hoạt động' ? 'Ngừng' : 'Hoạt động lại');
    st.addEventListener('click', () => void setState(e.code, next));
    actions.appendChild(st);
  }
  if (view && view.canReadContacts && e.state !== 'Đã ẩn danh') {
    const c = el('button', { type: 'button', class: 'link', 'data-action': 'contact' }, 'Liên hệ');
    c.addEventListener('click', () => void showContact(e.code, li));
    actions.appendChild(c);
  }
  li.appendChild(actions);
  return li;
}

function render(v: View): void {
  view = v;
  fillLists(v);
  const list = $('results');
  clear(list);
  for (const e of v.experts) list.appendChild(expertCard(e));
  $('q-summary').textContent = v.count ? `Tìm thấy ${v.total} / ${v.count} chuyên gia${v.total > v.experts.length ? ` (hiện ${v.experts.length})` : ''}.` : 'Chưa có chuyên gia nào.';
}

function query() {
  return { text: valueOf('q'), field: ($('q-field') as HTMLSelectElement).value, associationCode: ($('q-assoc') as HTMLSelectElement).value, includeInactive: ($('q-inactive') as HTMLInputElement).checked };
}

async function search(): Promise<void> {
  const r = await whileBusy(() => call('getExpertsView', query()));
  if (!r.ok) return showBanner('error', r.message);
  render(r);
}

function failed(r: Failure, prefix = ''): void {
  const orphans = showFieldErrors(prefix ? Object.fromEntries(Object.entries(r.errors).map(([k, m]) => [`${prefix}${k}`, m])) : r.errors);
  showBanner('error', orphans.length ? orphans.join(' ') : r.message);
}

function startEdit(e: Expert): void {
  show('expert');
  editing = e.code;
  $('expert-note').hidden = false;
  $('expert-note').textContent = `Đang sửa ${e.code}`;
  const set = (id: string, v: string) => (($(id) as HTMLInputElement).value = v);
  set('name', e.name);
  set('academicTitle', e.academicTitle);
  set('degree', e.degree);
  for (const o of Array.from(($('fields') as HTMLSelectElement).options)) o.selected = e.fields.includes(o.value);
  set('speciality', e.speciality);
  set('workplaceCode', e.workplaceCode);
  set('position', e.position);
  set('associationCode', e.associationCode);
  set('scope', e.scope);
  ($('consent') as HTMLInputElement).checked = e.consent;
  set('consentDate', e.consentDate ? e.consentDate.split('-').reverse().join('/') : '');
  set('note', e.note);
  for (const id of ['phone', 'email', 'address']) set(id, '');
}

function resetExpert(): void {
  editing = '';
  ($('pane-expert') as HTMLFormElement).reset();
  $('expert-note').hidden = true;
  clearFieldErrors();
}

async function saveExpert(): Promise<void> {
  clearFieldErrors();
  const input: Record<string, string | boolean | string[]> = {
    name: valueOf('name'),
    academicTitle: ($('academicTitle') as HTMLSelectElement).value,
    degree: ($('degree') as HTMLSelectElement).value,
    fields: Array.from(($('fields') as HTMLSelectElement).selectedOptions).map((o) => o.value),
    speciality: valueOf('speciality'),
    workplaceCode: ($('workplaceCode') as HTMLSelectElement).value,
    position: valueOf('position'),
    associationCode: ($('associationCode') as HTMLSelectElement).value,
    scope: ($('scope') as HTMLSelectElement).value,
    consent: ($('consent') as HTMLInputElement).checked,
    consentDate: valueOf('consentDate'),
    note: valueOf('note'),
  };
  if (editing) input.code = editing;
  // Contact fields go only when the user may write them and typed something (an empty box leaves the file as it is).
  if (view && view.canReadContacts) for (const k of ['phone', 'email', 'address']) if (valueOf(k)) input[k] = valueOf(k);
  const r = await whileBusy(() => call('saveExpert', input));
  if (!r.ok) return failed(r);
  render(r);
  showBanner('success', `Đã lưu chuyên gia ${r.code}.`);
  resetExpert();
}

async function setState(code: string, state: string): Promise<void> {
  const r = await whileBusy(() => call('setExpertState', code, state));
  if (!r.ok) return showBanner('error', r.message);
  await search();
  showBanner('success', `${code}: ${state}.`);
}

async function showContact(code: string, li: HTMLElement): Promise<void> {
  const r = await whileBusy(() => call('getContact', code));
  if (!r.ok) return showBanner('error', r.message);
  li.appendChild(el('div', { class: 'contact' }, [r.phone, r.email, r.address].filter(Boolean).join(' · ') || 'Chưa có thông tin liên hệ.'));
}

async function paste(commit: boolean): Promise<void> {
  clearFieldErrors();
  const text = ($('pasteText') as HTMLTextAreaElement).value;
  const r = await whileBusy(() => call('pasteExperts', text, commit));
  const list = $('paste-errors');
  clear(list);
  if (!r.ok) return failed(r);
  for (const e of r.errors) list.appendChild(el('li', { class: 'card problem' }, `Dòng ${e.line}: ${e.message}`));
  $('paste-summary').textContent = commit
    ? `Đã thêm ${r.added.length} chuyên gia (${r.added.join(', ')}).`
    : `${r.rows} dòng hợp lệ${r.withContacts ? ` (${r.withContacts} có liên hệ)` : ''}, ${r.errors.length} dòng lỗi.`;
  if (commit) await search();
}

async function saveAssoc(): Promise<void> {
  clearFieldErrors();
  const input: Record<string, string> = { name: valueOf('a-name'), kind: ($('a-kind') as HTMLSelectElement).value, state: ($('a-state') as HTMLSelectElement).value, chair: valueOf('a-chair'), members: valueOf('a-members') };
  if (view && view.canReadContacts) for (const k of ['phone', 'email']) if (valueOf(`a-${k}`)) input[k] = valueOf(`a-${k}`);
  const r = await whileBusy(() => call('saveAssociation', input));
  if (!r.ok) return failed(r, 'a-');
  render(r);
  ($('assoc-form') as HTMLFormElement).reset();
  showBanner('success', `Đã lưu hội ${r.code}.`);
}

async function saveOrg(): Promise<void> {
  clearFieldErrors();
  const r = await whileBusy(() => call('saveOrganisation', { code: valueOf('o-code'), name: valueOf('o-name'), email: valueOf('o-email') }));
  if (!r.ok) return failed(r, 'o-');
  render(r);
  ($('org-form') as HTMLFormElement).reset();
  showBanner('success', `Đã lưu cơ quan ${r.code}.`);
}

for (const p of PANES) $(`tab-${p}`).addEventListener('click', () => show(p));
let timer = 0;
$('q').addEventListener('input', () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => void search(), 300);
});
for (const id of ['q-field', 'q-assoc', 'q-inactive']) $(id).addEventListener('change', () => void search());
$('pane-expert').addEventListener('submit', (e) => {
  e.preventDefault();
  void saveExpert();
});
$('new-expert').addEventListener('click', resetExpert);
$('paste-check').addEventListener('click', () => void paste(false));
$('paste-add').addEventListener('click', () => void paste(true));
$('assoc-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void saveAssoc();
});
$('org-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void saveOrg();
});
void search();
