// Sidebar "Báo cáo": period → previewReport figures → generateReport → sendReport, each step shown as it happens.
import { fieldMessage } from '../core/messages';
import { periodFromRange, resolvePeriod, type PeriodSpec } from '../core/period';
import { formatMoney, formatNumber, formatPercent, isoToVn, vnToIso } from '../core/vn-format';
import { $, call, clear, clearFieldErrors, el, fillSelect, hideBanner, isBusy, showBanner, showFieldErrors, whileBusy, type Failure, type ResultOf } from './common';

type Kind = 'progress' | 'budget';

type Preview = ResultOf<'previewReport'>;
type Generated = ResultOf<'generateReport'>;

type Request = { kind: Kind; from?: string; to?: string; confirmNew?: boolean };

let planYear = 0;
/** Only the newest preview may paint: an older answer arriving late would show the wrong period. */
let previewSeq = 0;
/** The document the sidebar can send: the one just created, or the period's existing one. */
let doc: Pick<Generated, 'kind' | 'number' | 'docId' | 'url' | 'title' | 'from' | 'to'> | null = null;
let docSent = false;
/** The preview on screen, for the request now in the form. */
let current: Preview | null = null;
/** `doc` is the period's existing document (not one created in this session): sendable as the server says. */
let docSendable = true;
let docFromPreview = false;

const sel = (id: string) => $<HTMLSelectElement>(id);
const input = (id: string) => $<HTMLInputElement>(id);
const kindOf = (): Kind => (sel('kind').value === 'budget' ? 'budget' : 'progress');

// The report sidebar's functions are entry points of main.ts but not (yet) in common.ts's typed
// list; the double cast keeps this file compiling whether or not they are added there.

/** The period as chosen, through the same resolvePeriod the server's labels come from. */
function readPeriod(): { ok: true; from: string; to: string; label: string } | { ok: false; errors: Record<string, string> } {
  const pk = sel('periodKind').value;
  const year = Number(sel('year').value);
  let spec: PeriodSpec;
  if (pk === 'range') {
    const fromText = input('from').value.trim();
    const toText = input('to').value.trim();
    const errors: Record<string, string> = {};
    const from = vnToIso(fromText);
    const to = vnToIso(toText);
    if (!from) errors.from = fieldMessage('from', fromText ? 'invalidDate' : 'required');
    if (!to) errors.to = fieldMessage('to', toText ? 'invalidDate' : 'required');
    if (from && to && from > to) errors.to = fieldMessage('to', 'dateOrder');
    if (Object.keys(errors).length) return { ok: false, errors };
    spec = { kind: 'range', from: from as string, to: to as string };
  } else if (pk === 'month') spec = { kind: 'month', year, month: Number(sel('month').value) };
  else if (pk === 'quarter') spec = { kind: 'quarter', year, quarter: Number(sel('quarter').value) };
  else if (pk === 'half') spec = { kind: 'half', year, half: 1 };
  else spec = { kind: 'year', year };
  const p = resolvePeriod(spec);
  if (!p.ok) {
    const field = p.field === 'from' || p.field === 'to' ? p.field : 'period';
    return { ok: false, errors: { [field]: field === 'period' ? fieldMessage('year', 'invalidType') : fieldMessage(field, 'invalidDate') } };
  }
  return { ok: true, from: p.from, to: p.to, label: p.label };
}

/** What the server gets: a budget submission covers the plan year, so it sends no dates. */
function readRequest(showErrors = true): Request | null {
  const kind = kindOf();
  if (kind === 'budget') return { kind };
  const p = readPeriod();
  if (!p.ok) {
    if (showErrors) showFieldErrors(p.errors);
    return null;
  }
  return { kind, from: p.from, to: p.to };
}

/** Server field errors: from/to belong to the date fields only when the user typed dates. */
function showServerErrors(r: Failure): void {
  const errors: Record<string, string> = {};
  const range = sel('periodKind').value === 'range' && kindOf() === 'progress';
  for (const [k, v] of Object.entries(r.errors || {})) {
    const key = (k === 'from' || k === 'to') && !range ? 'period' : k;
    errors[key] = errors[key] ? `${errors[key]} ${v}` : v;
  }
  const orphans = showFieldErrors(errors, (f) => document.getElementById(f === 'period' ? 'periodKind' : f));
  showBanner('error', orphans.length && orphans[0] !== r.message ? `${r.message} ${orphans.join(' ')}` : r.message);
}

function syncPeriodFields(): void {
  const progress = kindOf() === 'progress';
  const pk = sel('periodKind').value;
  $('period-box').hidden = !progress;
  $('month-field').hidden = pk !== 'month';
  $('quarter-field').hidden = pk !== 'quarter';
  $('ym-row').hidden = pk === 'range';
  $('range-fields').hidden = pk !== 'range';
  const p = readPeriod();
  $('period-label').textContent = p.ok ? `Kỳ: ${p.label} (${isoToVn(p.from)} – ${isoToVn(p.to)})` : '';
}

function numberText(n: string): string {
  // A number left blank for the văn thư comes as "   /BC-LHH".
  const t = n.trim();
  return t.startsWith('/') ? `Số: …${t} (để trống cho văn thư)` : `Số: ${t}`;
}

function percentText(p: number | null): string {
  return p === null || p === undefined ? '—' : `${formatPercent(p)}%`;
}

function renderPreview(r: Preview): void {
  const f = r.figures;
  const progress = r.kind === 'progress';
  $('preview').hidden = false;
  $('preview').classList.remove('stale');
  $('preview-number').textContent = numberText(r.nextNumber);
  current = r;
  renderExisting(r);
  $('signer-warning').hidden = !r.signerMissing;
  $('activity-figures').hidden = !progress;
  $('program-block').hidden = !progress;
  $('fig-events').textContent = formatNumber(f.events);
  $('fig-complete').textContent = `${formatNumber(f.complete)}/${formatNumber(f.quantified)}`;
  $('bars-note').textContent = `Lũy kế từ đầu năm đến ${isoToVn(r.to)}.`;
  const bars = $('program-bars');
  clear(bars);
  for (const p of f.programs) {
    const li = el('li', { 'data-code': p.code, title: `${p.code}. ${p.name}\nTrong kỳ: ${percentText(p.periodPercent)}` });
    const label = el('div', { class: 'bar-label' });
    label.appendChild(el('span', { class: 'name' }, `${p.code}. ${p.name}`));
    label.appendChild(el('span', { class: 'pct' }, percentText(p.percent)));
    li.appendChild(label);
    const pct = p.percent === null ? 0 : Math.max(0, Math.min(100, p.percent));
    const bar = el('div', { class: pct >= 100 ? 'bar done' : 'bar', role: 'img', 'aria-label': `${p.code}: ${percentText(p.percent)}` });
    const fill = el('span');
    fill.style.width = `${pct}%`;
    bar.appendChild(fill);
    li.appendChild(bar);
    bars.appendChild(li);
  }
  const behind = $<HTMLDetailsElement>('behind');
  behind.hidden = !f.behind.length;
  $('behind-none').hidden = f.behind.length > 0;
  $('behind-summary').textContent = `Chỉ tiêu chậm/quá hạn: ${f.behind.length}`;
  const list = $('behind-list');
  clear(list);
  for (const name of f.behind) list.appendChild(el('li', {}, name));
  $('fig-proposed').textContent = formatMoney(f.budget.proposed);
  $('fig-approved').textContent = formatMoney(f.budget.approved);
  $('fig-spent').textContent = formatMoney(f.budget.spent);
  $('fig-lines').textContent = formatNumber(f.budget.lines);
  $('preview-recipients').textContent = r.recipients.length ? r.recipients.join(', ') : '';
  const none = $('no-recipients');
  none.hidden = r.recipients.length > 0;
  none.textContent = `Chưa khai báo email ${progress ? 'Sở KH&CN' : 'Sở Tài chính'} trong Cài đặt: văn bản tạo được nhưng chưa gửi được.`;
  syncSendButton();
}

const STATE_WORDS: Record<string, string> = { 'Đã gửi': 'đã gửi', 'Chờ duyệt': 'đang chờ quản trị viên duyệt', 'Gửi lỗi': 'gửi lỗi, chưa đến nơi nhận', 'Chưa rõ kết quả gửi': 'chưa rõ đã gửi đến nơi nhận hay chưa' };

/** The period's existing document: shown with a link, and made the one "Gửi" sends. */
function renderExisting(r: Preview): void {
  const box = $('existing');
  const e = r.existing;
  // The document just created is already shown below with its link: not twice.
  box.hidden = !e || (!$('doc-result').hidden && $('doc-number').textContent === e.number);
  $('preview-number-note').textContent = e ? '(số sẽ lấy nếu lập văn bản mới)' : '(số sẽ lấy)';
  if (!e) {
    // A document shown for another period is not the one "Gửi" would send now.
    if (docFromPreview) {
      doc = null;
      docFromPreview = false;
      docSendable = true;
      docSent = false;
      $('doc-result').hidden = true;
    }
    return;
  }
  const how = STATE_WORDS[e.state] || 'dự thảo, chưa gửi';
  $('existing-text').textContent = `Kỳ này đã có văn bản số ${e.number} (lập ngày ${isoToVn(e.date)}; ${how}).${e.sendable ? ' Mở để hoàn thiện, rồi bấm "Gửi".' : ''}`;
  const link = $<HTMLAnchorElement>('existing-link');
  if (/^https:\/\//.test(e.url)) link.href = e.url;
  else link.removeAttribute('href');
  doc = { kind: r.kind, number: e.number, docId: e.docId, url: e.url, title: e.title, from: r.from, to: r.to };
  docSent = e.state === 'Đã gửi';
  docSendable = e.sendable;
  docFromPreview = true;
}

async function refreshPreview(): Promise<void> {
  clearFieldErrors();
  const req = readRequest();
  if (!req) {
    $('preview').classList.add('stale');
    return;
  }
  const seq = ++previewSeq;
  $('preview').classList.add('stale');
  $('new-confirm').hidden = true;
  const r = await whileBusy(() => call('previewReport', req));
  if (seq !== previewSeq) return;
  if (!r.ok) {
    showServerErrors(r);
    return;
  }
  renderPreview(r);
}

function addStep(state: 'doing' | 'done' | 'error', text: string): HTMLLIElement {
  const li = el('li', { class: state }, text);
  $('steps').appendChild(li);
  return li;
}

function setStep(li: HTMLLIElement, state: 'doing' | 'done' | 'error', text: string): void {
  li.className = state;
  li.textContent = text;
}

function noun(kind: Kind): string {
  return kind === 'budget' ? 'tờ trình' : 'báo cáo';
}

/** "Tạo văn bản": a period that already has a document takes a new number only once the user agrees. */
async function generate(): Promise<void> {
  if (isBusy()) return;
  hideBanner();
  clearFieldErrors();
  const req = readRequest();
  if (!req) return;
  const e = current && current.kind === req.kind && current.from === (req.from ?? current.from) && current.to === (req.to ?? current.to) ? current.existing : null;
  if (e) {
    askNewNumber(e.number, e.state);
    return;
  }
  await createDocument(req);
}

function askNewNumber(number: string, state: string): void {
  const next = current ? current.nextNumber.trim() : '';
  $('new-question').textContent =
    state === 'Đã gửi'
      ? `Kỳ này đã gửi văn bản số ${number}. Lập văn bản mới${next && !next.startsWith('/') ? ` số ${next}` : ''} (bản thay thế, đính chính)? Văn bản đã gửi vẫn giữ nguyên trong Sổ văn bản.`
      : `Kỳ này đã có văn bản số ${number}. Lấy số mới${next && !next.startsWith('/') ? ` ${next}` : ''}? Văn bản ${number} sẽ được ghi "Đã thay thế" trong Sổ văn bản (không bị xóa) và không gửi nữa.`;
  $('new-confirm').hidden = false;
  $('new-yes').focus();
}

async function createDocument(req: Request): Promise<void> {
  $('send-confirm').hidden = true;
  $('new-confirm').hidden = true;
  clear($('steps'));
  $('doc-result').hidden = true;
  doc = null;
  syncSendButton();
  const step = addStep('doing', 'Đang tính số liệu…');
  const r = await whileBusy(() => call('generateReport', req));
  if (!r.ok) {
    setStep(step, 'error', `Không tạo được văn bản: ${r.message}`);
    if (r.code === 'documentExists') {
      // Someone made one meanwhile: show it, and ask as for any existing document.
      void refreshPreview();
      return;
    }
    showServerErrors(r);
    return;
  }
  doc = r;
  docSent = false;
  docSendable = true;
  docFromPreview = false;
  setStep(step, 'done', `Đã tạo văn bản số ${r.number}`);
  $('doc-number').textContent = r.number;
  $('doc-title').textContent = r.title;
  const link = $<HTMLAnchorElement>('doc-link');
  // Only a Google address becomes a link: the URL comes from the register sheet, which users edit.
  if (/^https:\/\//.test(r.url)) link.href = r.url;
  else link.removeAttribute('href');
  $('page-hint').hidden = false;
  $('doc-result').hidden = false;
  syncSendButton();
  // The number just taken is no longer the next one: refresh what the preview says.
  void refreshPreview();
}

function syncSendButton(): void {
  const b = $<HTMLButtonElement>('send');
  if (isBusy()) return;
  const kind = doc ? doc.kind : kindOf();
  const noRecipients = !!current && current.kind === kind && !current.recipients.length;
  b.disabled = !doc || docSent || !docSendable || noRecipients;
  b.textContent = docSent ? 'Đã gửi' : 'Gửi';
  const field = kind === 'budget' ? 'Email Sở Tài chính' : 'Email Sở KH&CN';
  const hint = !doc
    ? ''
    : docSent
      ? ''
      : noRecipients
        ? `Chưa gửi được: chưa có địa chỉ nhận. Khai báo ô “${field}” ở Cài đặt, rồi mở lại Báo cáo.`
        : !docSendable
          ? 'Kỳ này đã gửi một văn bản khác; văn bản này không gửi nữa (bản đính chính do quản trị viên gửi).'
          : '';
  b.title = doc ? hint : 'Tạo văn bản trước, rồi gửi';
  $('send-hint').textContent = hint;
  $('send-hint').hidden = !hint;
}

/** Asks before sending, naming the recipients as the server has them now (settings may have changed). */
async function askSend(): Promise<void> {
  if (isBusy() || !doc) return;
  hideBanner();
  const d = doc;
  const req: Request = d.kind === 'budget' ? { kind: 'budget' } : { kind: 'progress', from: d.from, to: d.to };
  const r = await whileBusy(() => call('previewReport', req));
  if (!r.ok) {
    showBanner('error', r.message);
    return;
  }
  const now = readRequest(false);
  if (now && now.kind === req.kind && now.from === req.from && now.to === req.to) renderPreview(r);
  const to = r.recipients.length ? r.recipients.join(', ') : d.kind === 'budget' ? 'Sở Tài chính (chưa khai báo email)' : 'Sở KH&CN (chưa khai báo email)';
  $('send-question').textContent = `Gửi ${noun(d.kind)} số ${d.number} đến ${to}?`;
  $('send-confirm').hidden = false;
  $('send-yes').focus();
}

async function send(): Promise<void> {
  if (isBusy() || !doc) return;
  const d = doc;
  $('send-confirm').hidden = true;
  const step = addStep('doing', 'Đang gửi…');
  const r = await whileBusy(() => call('sendReport', { kind: d.kind, docId: d.docId }));
  if (!r.ok) {
    setStep(step, 'error', `Chưa gửi được: ${r.message}`);
    showBanner('error', r.message);
    syncSendButton();
    return;
  }
  docSent = true;
  void refreshPreview();
  setStep(step, 'done', `Đã gửi đến ${r.recipients.join(', ')}${r.cc.length ? ` (CC: ${r.cc.join(', ')})` : ''}`);
  syncSendButton();
}

function fillPeriodChoices(today: string): void {
  fillSelect(
    sel('month'),
    Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${i + 1}` })),
  );
  // A target may run into the next year (Hội thi 2024-2025); the server accepts periods up to then.
  fillSelect(sel('year'), [planYear, planYear + 1].map((y) => ({ value: String(y), label: String(y) })));
  const inPlan = today.slice(0, 4) === String(planYear);
  const m = inPlan ? +today.slice(5, 7) : 12;
  sel('month').value = String(m);
  sel('quarter').value = String(Math.ceil(m / 3));
  sel('year').value = String(planYear);
}

function wire(): void {
  const changed = () => {
    syncPeriodFields();
    void refreshPreview();
  };
  for (const id of ['kind', 'periodKind', 'month', 'quarter', 'year']) sel(id).addEventListener('change', changed);
  for (const k of ['from', 'to']) {
    const text = input(k);
    const picker = input(`${k}-picker`);
    picker.addEventListener('change', () => {
      if (picker.value) text.value = isoToVn(picker.value);
      changed();
    });
    text.addEventListener('input', () => {
      const iso = vnToIso(text.value);
      if (iso) picker.value = iso;
    });
    text.addEventListener('change', changed);
  }
  $('report-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (isBusy()) return;
    hideBanner();
    syncPeriodFields();
    void refreshPreview();
  });
  $('generate').addEventListener('click', () => void generate());
  $('send').addEventListener('click', () => void askSend());
  $('send-yes').addEventListener('click', () => void send());
  $('send-no').addEventListener('click', () => ($('send-confirm').hidden = true));
  $('new-yes').addEventListener('click', () => {
    const req = readRequest();
    if (req) void createDocument({ ...req, confirmNew: true });
  });
  $('new-no').addEventListener('click', () => ($('new-confirm').hidden = true));
}

async function init(): Promise<void> {
  wire();
  // With no dates the server answers for its plan year so far: that gives the plan year and today.
  const r = await whileBusy(() => call('previewReport', { kind: 'progress' }));
  $('loading').hidden = true;
  if (!r.ok) {
    showBanner('error', r.message);
    return;
  }
  planYear = +r.from.slice(0, 4);
  fillPeriodChoices(r.to);
  sel('periodKind').value = 'range';
  input('from').value = isoToVn(r.from);
  input('to').value = isoToVn(r.to);
  input('from-picker').value = r.from;
  input('to-picker').value = r.to;
  $('report-form').hidden = false;
  const d = r.latestDraft;
  if (d) {
    // Reopening the sidebar shows the document made last time rather than forgetting it.
    sel('kind').value = d.kind;
    if (d.kind === 'progress') {
      input('from').value = isoToVn(d.from);
      input('to').value = isoToVn(d.to);
      input('from-picker').value = d.from;
      input('to-picker').value = d.to;
      // A named period (the sơ kết, a quarter…) is shown as such.
      const named = periodFromRange(d.from, d.to);
      const m1 = +d.from.slice(5, 7);
      const y = d.from.slice(0, 4);
      const pk = !named.ok ? '' : named.kind === 'half' && m1 === 1 ? 'half' : named.kind === 'year' || named.kind === 'month' || named.kind === 'quarter' ? named.kind : '';
      if (pk && (+y === planYear || +y === planYear + 1)) {
        sel('periodKind').value = pk;
        sel('year').value = y;
        if (pk === 'month') sel('month').value = String(m1);
        if (pk === 'quarter') sel('quarter').value = String(Math.ceil(m1 / 3));
      }
    }
    syncPeriodFields();
    await refreshPreview();
    return;
  }
  syncPeriodFields();
  renderPreview(r);
  syncSendButton();
}

void init();
