// Dialog "Nhập kế hoạch từ quyết định": importDecision preview → editable table → apply, with the diff shown first when the year has a plan.
import { fieldMessage } from '../core/messages';
import { formatNumber, isoToVn, vnToIso } from '../core/vn-format';
import { $, call, clear, clearFieldErrors, el, hideBanner, isBusy, parseQuantity, showBanner, showFieldErrors, whileBusy, type Failure, type Json, type ResultOf } from './common';

declare const google: { script: { host: { close(): void } } };

/** What importDecision returns (src/main.ts): a preview, or with `apply` the applied result. */
type Preview = ResultOf<'importDecision'>;
type Applied = Extract<Preview, { applied: true }>;
type Decision = Preview['decision'];
type ProgrammeOut = Preview['programs'][number];
type TargetOut = Preview['targets'][number];
type Diff = Preview['diff'];

const TARGET_FIELDS = ['code', 'programCode', 'name', 'content', 'quantity', 'unit', 'qualifier', 'dueDate', 'endYear'] as const;
type TargetField = (typeof TARGET_FIELDS)[number];
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Column labels, also used to name the fields a diff says changed. */
const LABELS: Record<TargetField, string> = {
  code: 'Mã',
  programCode: 'Chương trình',
  name: 'Tên',
  content: 'Nội dung',
  quantity: 'Số lượng',
  unit: 'Đơn vị tính',
  qualifier: 'Tối thiểu',
  dueDate: 'Hạn hoàn thành',
  endYear: 'Năm kết thúc',
};

/** What each parser warning means for the person checking the plan. */
const WARNING_LABELS: Record<string, string> = {
  'outside-programme': 'Câu nằm ngoài các chương trình, chưa xếp vào chương trình nào',
  'outside-section': 'Câu nằm ngoài phần mục tiêu và nội dung của chương trình',
  'unclassified-section': 'Mục không phải mục tiêu hay nội dung, chưa lấy làm chỉ tiêu',
  'unrecognised-number': 'Có con số chưa hiểu được là số lượng hay không',
  'programme-without-targets': 'Chương trình không có chỉ tiêu nào',
  'decision-number-missing': 'Không tìm thấy số, ngày của quyết định (có thể chỉ dán phần Phụ lục)',
  'year-unknown': 'Không tìm thấy năm kế hoạch trong quyết định',
  'year-mismatch': 'Năm ghi trong quyết định khác năm kế hoạch đã chọn',
  'no-programmes': 'Không tìm thấy chương trình nào',
  'programme-count-mismatch': 'Số chương trình ghi trong quyết định khác số chương trình đọc được',
};

interface ProgrammeRow {
  tr: HTMLTableRowElement;
  code: HTMLInputElement;
  name: HTMLTextAreaElement;
  objectives: string[];
  /** The code target rows point to, so renaming a programme carries its targets along. */
  lastCode: string;
}

interface TargetRow {
  tr: HTMLTableRowElement;
  sourceTr: HTMLTableRowElement;
  controls: Record<TargetField, Control>;
  cells: Record<TargetField, HTMLTableCellElement>;
}

interface State {
  /** The text as read: apply sends the same text the table came from. */
  text: string;
  year: number;
  decision: Decision;
  existing: boolean;
  /** The differences of the current table were shown and wait for "Xác nhận áp dụng". */
  confirming: boolean;
  /** A new province: "Áp dụng" sets the workbook up with this plan. */
  setup: boolean;
  province: string | null;
}

let state: State | null = null;
let programmeRows: ProgrammeRow[] = [];
let targetRows: TargetRow[] = [];
let controlSeq = 0;

const nfc = (s: string) => s.normalize('NFC').trim();
const plural = (n: number, what: string) => `${formatNumber(n)} ${what}`;

// ---------------------------------------------------------------------------------------------
// Step 1: read.

async function read(): Promise<void> {
  if (isBusy()) return;
  hideBanner();
  clearFieldErrors();
  const text = $<HTMLTextAreaElement>('text').value.normalize('NFC');
  const yearText = nfc($<HTMLInputElement>('year').value);
  const problems: Record<string, string> = {};
  if (!text.trim()) problems.text = fieldMessage('text', 'required');
  if (yearText && !/^\d{4}$/.test(yearText)) problems.year = 'Năm kế hoạch: Nhập 4 chữ số, ví dụ 2025.';
  if (Object.keys(problems).length) {
    showFieldErrors(problems);
    return;
  }
  const options: Record<string, Json> = yearText ? { year: Number(yearText) } : {};
  const r = await whileBusy(() => call('importDecision', text, options));
  if (!r.ok) {
    const orphans = showFieldErrors(r.errors);
    if (r.errors.year && !yearText) $('err-year').textContent = 'Không tìm thấy năm kế hoạch trong quyết định: hãy nhập Năm kế hoạch.';
    showBanner('error', orphans.length ? orphans.join(' ') : r.message);
    return;
  }
  state = { text, year: r.year, decision: r.decision, existing: r.existing, confirming: false, setup: r.configured === false, province: r.province ?? null };
  showCheckStep(r);
  if (state.setup) {
    showBanner(
      'info',
      r.province
        ? `Bảng tính chưa được thiết lập. Bấm "Áp dụng" để thiết lập cho ${r.province} với kế hoạch năm ${r.year} này.`
        : 'Bảng tính chưa được thiết lập và quyết định không nêu tên tỉnh: chưa thể thiết lập từ văn bản này.',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Step 2: the plan found.

function showCheckStep(r: Preview): void {
  $('step-read').hidden = true;
  $('step-check').hidden = false;
  $('apply-bar').hidden = false;
  renderDecision(r);
  renderWarnings(r.warnings);
  renderProgrammes(r.programs);
  renderTargets(r.targets);
  renderDiff(r, false);
  renderActivate();
  setConfirming(false);
  window.scrollTo(0, 0);
}

function renderDecision(r: Preview): void {
  const dl = $('decision');
  clear(dl);
  const missing = '(không tìm thấy)';
  const rows: [string, string, boolean][] = [
    ['Số', r.decision.number || missing, !r.decision.number],
    ['Ngày', (r.decision.date && isoToVn(r.decision.date)) || missing, !r.decision.date],
    ['Cơ quan ban hành', r.decision.issuer || missing, !r.decision.issuer],
  ];
  if (r.decision.title) rows.push(['Trích yếu', r.decision.title, false]);
  rows.push(['Năm kế hoạch', String(r.year), false]);
  for (const [label, value, absent] of rows) {
    const item = el('div', { class: 'info-item' });
    item.appendChild(el('dt', {}, label));
    item.appendChild(el('dd', absent ? { class: 'muted' } : {}, value));
    dl.appendChild(item);
  }
}

function renderWarnings(warnings: Preview['warnings']): void {
  const list = $('warning-list');
  clear(list);
  $('warnings').hidden = warnings.length === 0;
  $('warnings-title').textContent = `Cần kiểm tra (${warnings.length})`;
  for (const w of warnings) {
    const li = el('li', { class: 'warning', 'data-code': w.code });
    const head = el('div', { class: 'warning-what' }, WARNING_LABELS[w.code] || 'Cần kiểm tra');
    if (w.programCode) head.appendChild(el('span', { class: 'warning-prog' }, ` — chương trình ${w.programCode}`));
    li.appendChild(head);
    if (w.sentence) li.appendChild(el('blockquote', { class: 'warning-sentence' }, w.sentence));
    list.appendChild(li);
  }
}

function renderActivate(): void {
  if (!state) return;
  const n = state.decision.number;
  $('activate-label').textContent = n
    ? `Dùng làm kế hoạch hiện hành (năm ${state.year} và quyết định ${n} cho tiêu đề báo cáo)`
    : `Dùng làm kế hoạch hiện hành (năm ${state.year}; không có số quyết định nên tiêu đề báo cáo giữ như cũ)`;
}

// Programmes -----------------------------------------------------------------------------------

function renderProgrammes(programs: ProgrammeOut[]): void {
  clear($('programs').querySelector('tbody') as HTMLElement);
  programmeRows = [];
  for (const p of programs) addProgrammeRow(p);
}

function cellWithControl(control: Control, label: string, cls = ''): { td: HTMLTableCellElement; err: HTMLElement } {
  const td = el('td', cls ? { class: cls } : {});
  const id = `c${++controlSeq}`;
  control.id = id;
  control.setAttribute('aria-label', label);
  const err = el('div', { class: 'err', id: `err-${id}` });
  err.hidden = true;
  control.setAttribute('aria-describedby', err.id);
  td.appendChild(control);
  td.appendChild(err);
  return { td, err };
}

function addProgrammeRow(p: ProgrammeOut): ProgrammeRow {
  const tr = el('tr', { class: 'programme' });
  const code = el('input', { type: 'text', maxlength: '20', autocomplete: 'off', 'data-field': 'code' });
  code.value = p.code;
  const name = el('textarea', { rows: '1', maxlength: '500', 'data-field': 'name' });
  name.value = p.name;
  const row: ProgrammeRow = { tr, code, name, objectives: p.objectives.slice(), lastCode: p.code };
  tr.appendChild(cellWithControl(code, `Mã chương trình ${p.code}`, 'c-code').td);
  tr.appendChild(cellWithControl(name, `Tên chương trình ${p.code}`).td);
  const obj = el('td', { class: 'c-obj small' });
  if (p.objectives.length) {
    const details = el('details');
    details.appendChild(el('summary', {}, `${p.objectives.length} mục tiêu`));
    const ul = el('ul', { class: 'objectives' });
    for (const o of p.objectives) ul.appendChild(el('li', {}, o));
    details.appendChild(ul);
    obj.appendChild(details);
  } else {
    obj.appendChild(el('span', { class: 'muted' }, 'Không có'));
  }
  tr.appendChild(obj);
  const del = el('td', { class: 'c-del' });
  const btn = el('button', { type: 'button', class: 'link danger', title: 'Xóa chương trình', 'aria-label': `Xóa chương trình ${p.code}` }, '✕');
  btn.addEventListener('click', () => {
    tr.remove();
    programmeRows = programmeRows.filter((x) => x !== row);
    refreshProgrammeChoices();
    edited();
  });
  del.appendChild(btn);
  tr.appendChild(del);
  code.addEventListener('input', () => {
    const next = nfc(code.value);
    refreshProgrammeChoices({ from: row.lastCode, to: next });
    row.lastCode = next;
  });
  ($('programs').querySelector('tbody') as HTMLElement).appendChild(tr);
  programmeRows.push(row);
  fitHeight(name);
  return row;
}

function programmeCodes(): string[] {
  return programmeRows.map((p) => nfc(p.code.value)).filter((c) => c);
}

/** The choices of every target's programme; a renamed programme takes its targets with it. */
function refreshProgrammeChoices(renamed?: { from: string; to: string }): void {
  const codes = programmeCodes();
  for (const t of targetRows) {
    const sel = t.controls.programCode as HTMLSelectElement;
    let value = sel.value;
    if (renamed && renamed.from && value === renamed.from) value = renamed.to;
    fillProgrammeSelect(sel, codes, value);
  }
}

function fillProgrammeSelect(sel: HTMLSelectElement, codes: string[], value: string): void {
  clear(sel);
  for (const c of codes) sel.appendChild(el('option', { value: c }, c));
  // A code no programme has any more stays visible, so the server's message points at it.
  if (value && !codes.includes(value)) sel.appendChild(el('option', { value }, `${value} (không có)`));
  if (!value) sel.appendChild(el('option', { value: '' }, '—'));
  sel.value = value;
}

// Targets --------------------------------------------------------------------------------------

function renderTargets(targets: TargetOut[]): void {
  clear($('targets').querySelector('tbody') as HTMLElement);
  targetRows = [];
  for (const t of targets) addTargetRow(t);
  updateTargetCount();
}

function addTargetRow(t: TargetOut): TargetRow {
  const tbody = $('targets').querySelector('tbody') as HTMLElement;
  const tr = el('tr', { class: 'target', 'data-code': t.code });
  const label = (f: TargetField) => `${LABELS[f]} của chỉ tiêu ${t.code || 'mới'}`;

  const code = el('input', { type: 'text', maxlength: '20', autocomplete: 'off' });
  code.value = t.code;
  const programCode = el('select');
  fillProgrammeSelect(programCode, programmeCodes(), t.programCode);
  const name = el('textarea', { rows: '2', maxlength: '300' });
  name.value = t.name;
  const content = el('textarea', { rows: '2', maxlength: '4000' });
  content.value = t.content;
  const quantity = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off' });
  // A range reads "15–20", an approximate count "khoảng 20": the decision's own words, editable as typed.
  quantity.value =
    t.quantity === null ? '' : `${t.qualifier === 'about' ? 'khoảng ' : ''}${formatNumber(t.quantity)}${t.upper ? `–${formatNumber(t.upper)}` : ''}`;
  const unit = el('input', { type: 'text', maxlength: '60', autocomplete: 'off' });
  unit.value = t.unit;
  const qualifier = el('input', { type: 'checkbox' });
  qualifier.checked = t.qualifier === 'min';
  const dueDate = el('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', maxlength: '10', autocomplete: 'off' });
  dueDate.value = t.dueDate ? isoToVn(t.dueDate) || t.dueDate : '';
  const endYear = el('input', { type: 'text', inputmode: 'numeric', maxlength: '4', autocomplete: 'off' });
  endYear.value = t.endYear ? String(t.endYear) : '';

  const controls: Record<TargetField, Control> = { code, programCode, name, content, quantity, unit, qualifier, dueDate, endYear };
  const cells = {} as Record<TargetField, HTMLTableCellElement>;
  for (const f of TARGET_FIELDS) {
    const control = controls[f];
    control.setAttribute('data-field', f);
    const { td } = cellWithControl(control, label(f), `c-${f}`);
    cells[f] = td;
    tr.appendChild(td);
  }
  const del = el('td', { class: 'c-del' });
  const btn = el('button', { type: 'button', class: 'link danger', title: 'Xóa chỉ tiêu', 'aria-label': `Xóa chỉ tiêu ${t.code || 'mới'}`, 'data-action': 'delete' }, '✕');
  del.appendChild(btn);
  tr.appendChild(del);

  const sourceTr = el('tr', { class: 'source-row' });
  sourceTr.appendChild(el('td'));
  // Under every column but the code and the delete button.
  const src = el('td', { colspan: String(TARGET_FIELDS.length - 1), class: 'source' });
  if (t.source) {
    src.appendChild(el('span', { class: 'source-label' }, 'Nguồn: '));
    src.appendChild(el('span', { class: 'source-text' }, t.source));
  } else {
    src.appendChild(el('span', { class: 'source-label' }, 'Dòng thêm tay'));
  }
  sourceTr.appendChild(src);
  sourceTr.appendChild(el('td'));

  const row: TargetRow = { tr, sourceTr, controls, cells };
  btn.addEventListener('click', () => {
    tr.remove();
    sourceTr.remove();
    targetRows = targetRows.filter((x) => x !== row);
    updateTargetCount();
    edited();
  });
  tbody.appendChild(tr);
  tbody.appendChild(sourceTr);
  targetRows.push(row);
  fitHeight(name);
  fitHeight(content);
  return row;
}

/** Grows a cell's textarea to its text (up to a limit), so long names and contents can be read without scrolling. */
function fitHeight(t: HTMLTextAreaElement): void {
  t.style.height = 'auto';
  t.style.height = `${Math.min(t.scrollHeight + 2, 140)}px`;
}

function updateTargetCount(): void {
  $('target-count').textContent = `(${targetRows.length})`;
  $('targets-empty').hidden = targetRows.length > 0;
}

/** The next free code of a programme: P3 → P3.7 when P3.6 is its last. */
function nextTargetCode(programCode: string): string {
  const used = new Set(targetRows.map((t) => nfc(t.controls.code.value)));
  let n = 1;
  for (const c of used) {
    const m = c.startsWith(`${programCode}.`) ? /^(\d+)$/.exec(c.slice(programCode.length + 1)) : null;
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (used.has(`${programCode}.${n}`)) n++;
  return `${programCode}.${n}`;
}

function addTarget(): void {
  if (!state) return;
  const last = targetRows[targetRows.length - 1];
  const programCode = (last && last.controls.programCode.value) || programmeCodes()[0] || '';
  const row = addTargetRow({ code: programCode ? nextTargetCode(programCode) : '', programCode, name: '', content: '', quantity: null, unit: '', qualifier: 'exact', dueDate: null, endYear: state.year, source: '' });
  row.tr.classList.add('row-new');
  updateTargetCount();
  edited();
  row.controls.name.focus();
}

function addProgramme(): void {
  const used = new Set(programmeCodes());
  let n = programmeRows.length + 1;
  while (used.has(`P${n}`)) n++;
  const row = addProgrammeRow({ code: `P${n}`, name: '', objectives: [] });
  refreshProgrammeChoices();
  edited();
  row.name.focus();
}

// ---------------------------------------------------------------------------------------------
// The differences with the plan already in the workbook.

function hasChanges(d: Diff): boolean {
  return d.added.length + d.changed.length + d.newPrograms.length + d.changedPrograms.length > 0;
}

function codesText(codes: string[]): string {
  return codes.join(', ');
}

function renderDiff(r: Preview, ofEdits: boolean): void {
  const box = $('diff');
  const list = $('diff-list');
  clear(list);
  clearRowMarks();
  box.hidden = false;
  const d = r.diff;
  if (!r.existing) {
    box.className = 'diff new-year';
    $('diff-title').textContent = `Năm ${r.year} chưa có kế hoạch`;
    $('diff-note').textContent = `Áp dụng sẽ thêm ${plural(r.programs.length, 'chương trình')} và ${plural(r.targets.length, 'chỉ tiêu')} cho năm ${r.year}. Kế hoạch, hoạt động, kinh phí và báo cáo các năm khác không bị thay đổi.`;
    return;
  }
  box.className = 'diff';
  $('diff-title').textContent = `Năm ${r.year} đã có kế hoạch: so sánh theo mã chỉ tiêu`;
  $('diff-note').textContent =
    (ofEdits ? 'Theo bảng đã sửa. ' : '') +
    'Chỉ tiêu đã có được cập nhật theo mã, giữ nguyên trạng thái và các hoạt động đã ghi nhận; chỉ tiêu không có trong quyết định được giữ lại, không bị xóa.';
  const item = (cls: string, label: string, body?: string | HTMLElement) => {
    const li = el('li', { class: cls });
    li.appendChild(el('strong', {}, label));
    if (typeof body === 'string') li.appendChild(document.createTextNode(` ${body}`));
    else if (body) li.appendChild(body);
    list.appendChild(li);
  };
  if (!hasChanges(d)) {
    item('diff-none', 'Không có gì khác:', `kế hoạch năm ${r.year} trong bảng tính đã đúng như bảng dưới đây.`);
  }
  if (d.newPrograms.length) item('diff-added', `Chương trình thêm mới (${d.newPrograms.length}):`, codesText(d.newPrograms));
  if (d.changedPrograms.length) item('diff-changed', `Chương trình thay đổi tên hoặc mục tiêu (${d.changedPrograms.length}):`, codesText(d.changedPrograms));
  if (d.added.length) item('diff-added', `Thêm mới (${d.added.length}):`, codesText(d.added));
  if (d.changed.length) {
    // Grouped by what changed: a re-read decision often rewords many names and changes one count.
    const groups = new Map<string, string[]>();
    for (const c of d.changed) {
      const what = c.fields.map((f) => LABELS[f as TargetField] || f).join(', ');
      groups.set(what, [...(groups.get(what) || []), c.code]);
    }
    const ul = el('ul', { class: 'diff-changes' });
    for (const [what, codes] of groups) {
      const li = el('li', {});
      li.appendChild(el('span', { class: 'diff-fields' }, `${what} (${codes.length}): `));
      codes.forEach((code, i) => {
        if (i) li.appendChild(document.createTextNode(', '));
        li.appendChild(el('span', { 'data-code': code }, code));
      });
      ul.appendChild(li);
    }
    item('diff-changed', `Thay đổi (${d.changed.length}):`, ul);
  }
  const same = r.targets.length - d.added.length - d.changed.length;
  if (same > 0) item('diff-same', `Giữ nguyên (${same}):`, 'chỉ tiêu không đổi.');
  if (d.kept.length) item('diff-kept', `Giữ nguyên, không có trong quyết định (${d.kept.length}):`, `${codesText(d.kept)} — không bị xóa.`);
  markRows(d);
}

function clearRowMarks(): void {
  document.querySelectorAll('.row-added').forEach((e) => e.classList.remove('row-added'));
  document.querySelectorAll('.cell-changed').forEach((e) => {
    e.classList.remove('cell-changed');
    e.removeAttribute('title');
  });
}

/** Marks in the table what applying would add or change, so the user sees it where they edit. */
function markRows(d: Diff): void {
  for (const t of targetRows) {
    const code = nfc(t.controls.code.value);
    if (d.added.includes(code)) t.tr.classList.add('row-added');
    const c = d.changed.find((x) => x.code === code);
    for (const f of c ? c.fields : []) {
      const cell = t.cells[f as TargetField];
      if (cell) {
        cell.classList.add('cell-changed');
        cell.title = 'Khác với kế hoạch trong bảng tính';
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Apply.

/** The table as the server reads it: typed text that does not parse is sent as typed, for the server to name. */
function collectEdits(): { programs: Json[]; targets: Json[] } {
  const programs = programmeRows.map((p) => ({ code: nfc(p.code.value), name: nfc(p.name.value), objectives: p.objectives }));
  const targets = targetRows.map((t) => {
    const c = t.controls;
    const typed = nfc(c.quantity.value);
    const about = /^khoảng\s+/iu.test(typed);
    const range = /^(.*?)\s*[–-]\s*(\S+)$/u.exec(typed.replace(/^khoảng\s+/iu, ''));
    const qty = range ? range[1] : typed.replace(/^khoảng\s+/iu, '');
    const q = parseQuantity(qty);
    const hi = range ? parseQuantity(range[2]) : null;
    const due = nfc(c.dueDate.value);
    const end = nfc(c.endYear.value);
    return {
      code: nfc(c.code.value),
      programCode: c.programCode.value,
      name: nfc(c.name.value),
      content: nfc(c.content.value),
      quantity: qty === '' ? null : q !== null && Number.isFinite(q) ? q : typed,
      upper: range ? (hi !== null && Number.isFinite(hi) ? hi : range[2]) : null,
      unit: nfc(c.unit.value),
      qualifier: (c.qualifier as HTMLInputElement).checked ? 'min' : about ? 'about' : 'exact',
      dueDate: due === '' ? null : (vnToIso(due) ?? due),
      endYear: end === '' ? '' : /^\d{4}$/.test(end) ? Number(end) : end,
    };
  });
  return { programs, targets };
}

function setConfirming(on: boolean): void {
  if (state) state.confirming = on;
  $('apply').textContent = on ? 'Xác nhận áp dụng' : 'Áp dụng';
}

/** Any change to the table voids a diff the user was asked to confirm. */
function edited(): void {
  if (state && state.confirming) {
    setConfirming(false);
    hideBanner();
  }
}

/** The server's message without its field key ("targets.3.quantity: Phải lớn hơn 0." → "Phải lớn hơn 0."). */
function cellMessage(key: string, message: string): string {
  return message.startsWith(`${key}: `) ? message.slice(key.length + 2) : message;
}

/** Puts each `targets.N.field` / `programs.N.field` problem under its cell; returns the rest, worded for the banner. */
function showCellErrors(errors: Record<string, string>): string[] {
  clearFieldErrors();
  const orphans: string[] = [];
  let first: Control | null = null;
  for (const [key, message] of Object.entries(errors)) {
    const m = /^(targets|programs)\.(\d+)\.(\w+)$/.exec(key);
    let control: Control | null = null;
    if (m && m[1] === 'targets') {
      const row = targetRows[Number(m[2])];
      control = row ? row.controls[m[3] as TargetField] || null : null;
    } else if (m) {
      const row = programmeRows[Number(m[2])];
      control = row ? (m[3] === 'code' ? row.code : m[3] === 'name' ? row.name : null) : null;
    }
    if (!control) {
      orphans.push(key === 'programs' ? 'Chương trình: Cần ít nhất một chương trình.' : message.replace(/^(?:targets|programs)\.(\d+)\.(\w+): /, (_, n, f) => `Dòng ${Number(n) + 1}, ${LABELS[f as TargetField] || f}: `));
      continue;
    }
    const err = document.getElementById(`err-${control.id}`);
    if (err) {
      err.textContent = cellMessage(key, message);
      err.hidden = false;
    }
    control.setAttribute('aria-invalid', 'true');
    first = first || control;
  }
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.focus();
  }
  return orphans;
}

function showFailure(r: Failure): void {
  const keys = Object.keys(r.errors);
  if (r.code === 'invalidInput' && keys.length) {
    const orphans = showCellErrors(r.errors);
    const placed = keys.length - orphans.length;
    const lead = placed ? `Dữ liệu chưa hợp lệ ở ${plural(placed, 'ô')} được đánh dấu đỏ; chưa áp dụng gì.` : 'Dữ liệu chưa hợp lệ; chưa áp dụng gì.';
    showBanner('error', [lead, ...orphans].join(' '));
    return;
  }
  showBanner('error', r.message);
}

function resultMessage(r: Applied): string {
  const d = r.diff;
  if (r.changes === 0) {
    return r.activated
      ? `Không có gì thay đổi trong kế hoạch năm ${r.year}; đã dùng năm ${r.year} làm kế hoạch hiện hành.`
      : `Không có gì thay đổi: kế hoạch năm ${r.year} đã đúng như bảng.`;
  }
  const added = [plural(d.added.length, 'chỉ tiêu')];
  if (d.newPrograms.length) added.unshift(plural(d.newPrograms.length, 'chương trình'));
  const changed = [plural(d.changed.length, 'chỉ tiêu')];
  if (d.changedPrograms.length) changed.unshift(plural(d.changedPrograms.length, 'chương trình'));
  let s = `Đã áp dụng kế hoạch năm ${r.year}: thêm ${added.join(', ')}; cập nhật ${changed.join(', ')}`;
  if (d.kept.length) s += `; giữ nguyên ${plural(d.kept.length, 'chỉ tiêu')} không có trong quyết định`;
  if (r.activated) s += '; đã dùng làm kế hoạch hiện hành';
  return `${s}.`;
}

async function apply(): Promise<void> {
  if (!state || isBusy()) return;
  const st = state;
  hideBanner();
  clearFieldErrors();
  const edits = collectEdits();
  if (st.setup) {
    // A new province: setup creates the sheets, this plan and settings naming the province and decision.
    const s = await whileBusy(() => call('setupWorkbook', { template: 'decision', text: st.text, year: st.year, edits }));
    if (!s.ok) {
      showFailure(s);
      return;
    }
    st.setup = false;
    st.existing = true;
    showBanner('success', `Đã thiết lập bảng tính cho ${st.province || 'tỉnh'}: kế hoạch năm ${s.year} có ${plural(s.programs, 'chương trình')}, ${plural(s.targets, 'chỉ tiêu')}.`);
    window.scrollTo(0, 0);
    return;
  }
  const activate = $<HTMLInputElement>('activate').checked;
  if (st.existing && !st.confirming) {
    // The year has a plan: show what this table would change before anything is written.
    const p = await whileBusy(() => call('importDecision', st.text, { year: st.year, edits }));
    if (!p.ok) {
      showFailure(p);
      return;
    }
    renderDiff(p, true);
    if (hasChanges(p.diff)) {
      setConfirming(true);
      showBanner('info', `Năm ${st.year} đã có kế hoạch. Xem các thay đổi ở khung so sánh (ô đổi được tô vàng trong bảng) rồi bấm "Xác nhận áp dụng".`);
      window.scrollTo(0, 0);
      return;
    }
  }
  const r = await whileBusy(() => call('importDecision', st.text, { apply: true, year: st.year, edits, activate }));
  setConfirming(false);
  if (!r.ok) {
    showFailure(r);
    return;
  }
  // With `apply` the server always applies; the check narrows the contract's union to the applied result.
  if (!r.applied) return;
  st.existing = true;
  clearRowMarks();
  document.querySelectorAll('.row-new').forEach((e) => e.classList.remove('row-new'));
  $('diff').hidden = true;
  showBanner('success', resultMessage(r));
  window.scrollTo(0, 0);
}

function back(): void {
  hideBanner();
  clearFieldErrors();
  $('step-check').hidden = true;
  $('apply-bar').hidden = true;
  $('step-read').hidden = false;
  $('text').focus();
}

function close(): void {
  google.script.host.close();
}

function init(): void {
  $('read').addEventListener('click', () => void read());
  $('year').addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') void read();
  });
  $('back').addEventListener('click', back);
  $('apply').addEventListener('click', () => void apply());
  $('add-target').addEventListener('click', addTarget);
  $('add-program').addEventListener('click', addProgramme);
  document.querySelectorAll('.close-btn').forEach((b) => b.addEventListener('click', close));
  for (const id of ['programs', 'targets']) {
    $(id).addEventListener('input', (e) => {
      if (e.target instanceof HTMLTextAreaElement) fitHeight(e.target);
    });
    $(id).addEventListener('input', edited);
    $(id).addEventListener('change', edited);
  }
  $('text').focus();
}

init();
