// Page script of the local stand-in: grid, add-on menu, sidebars, alerts and toasts, documents, outbox, triggers and clock.

interface MenuItem {
  caption?: string;
  functionName?: string;
  separator?: true;
  submenu?: Menu;
}
interface Menu {
  caption: string;
  addon: boolean;
  items: MenuItem[];
}
interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: { name: string; message: string };
  alerts?: { title: string | null; prompt: string; buttons: string | null }[];
  prompts?: { title: string | null; prompt: string; buttons: string | null }[];
  toasts?: { msg: string; title: string | null; timeout: number | null }[];
  menus?: Menu[];
  sidebars?: { title: string; width: number | null; url: string }[];
  dialogs?: { title: string; width: number | null; height: number | null; url: string }[];
}
interface Summary {
  user: string;
  spreadsheet: { id: string; name: string };
  sheets: { name: string; id: number; tabColor: string | null }[];
  active: { sheet: string | null; range: string | null };
  clock: { ms: number; text: string; timeZone: string };
  counts: { docs: number; mails: number; triggers: number };
}
interface CellView {
  v: string;
  num?: boolean;
  bg?: string;
  fw?: string;
  fc?: string;
  fs?: number;
  fst?: string;
  ha?: string;
  wrap?: boolean;
  note?: string;
  dv?: number;
}
interface SheetView {
  name: string;
  frozenRows: number;
  frozenCols: number;
  rows: number;
  cols: number;
  colWidths: number[];
  cells: (CellView | null)[][];
  lists: { values: string[]; strict: boolean; help: string | null }[];
  charts: number;
}

const ADDON_NAME = 'LHH Tracker';
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const k of kids) e.append(k);
  return e;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const r = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const out = (await r.json()) as T;
  if (!r.ok) throw new Error((out as { error?: { message?: string } }).error?.message ?? `HTTP ${r.status}`);
  return out;
}

const colName = (c: number): string => {
  let s = '';
  while (c > 0) {
    const r = (c - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
};

// ---------------------------------------------------------------------------------------------
// State

let summary: Summary | null = null;
let sheet: SheetView | null = null;
let currentSheet = '';
let sel = { r: 1, c: 1 };
let lastActive = '';
let busyCount = 0;

function setBusy(d: number): void {
  busyCount += d;
  if (busyCount > 0) document.body.setAttribute('aria-busy', 'true');
  else document.body.removeAttribute('aria-busy');
}

// ---------------------------------------------------------------------------------------------
// Views (tabs)

function showView(v: string): void {
  for (const t of Array.from(document.querySelectorAll<HTMLButtonElement>('.views [role=tab]'))) t.setAttribute('aria-selected', String(t.dataset.view === v));
  for (const name of ['sheets', 'docs', 'mail', 'triggers']) $(`view-${name}`).hidden = name !== v;
  if (v === 'docs') void withBusy(loadDocs);
  if (v === 'mail') void withBusy(loadMail);
  if (v === 'triggers') void withBusy(loadTriggers);
}

async function refreshSummary(): Promise<void> {
  summary = await api<Summary>('/api/state');
  $('ss-name').textContent = summary.spreadsheet.name;
  $('user').textContent = summary.user;
  $('clock-mini').textContent = summary.clock.text;
  $('clock-big').textContent = `${summary.clock.text} (GMT+7)`;
  $('count-docs').textContent = String(summary.counts.docs);
  $('count-mails').textContent = String(summary.counts.mails);
  $('count-triggers').textContent = String(summary.counts.triggers);
  const names = summary.sheets.map((s) => s.name);
  const active = `${summary.active.sheet}|${summary.active.range}`;
  // A script that activated a sheet or range (goToCell) moves the view there, as Sheets does.
  if (summary.active.sheet && active !== lastActive && names.includes(summary.active.sheet)) {
    const first = lastActive === '';
    lastActive = active;
    // On load the view starts on the first sheet; later activations follow the script.
    if (!first) {
      currentSheet = summary.active.sheet;
      const m = /^([A-Z]+)(\d+)/.exec(summary.active.range ?? '');
      if (m) sel = { r: Number(m[2]), c: m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
    }
  }
  if (!names.includes(currentSheet)) currentSheet = names[0] ?? '';
  const tabs = $('sheet-tabs');
  tabs.replaceChildren(
    ...summary.sheets.map((s) => {
      const b = h('button', { role: 'tab', 'aria-selected': String(s.name === currentSheet) }, s.name);
      if (s.tabColor) b.style.borderTop = `3px solid ${s.tabColor}`;
      b.addEventListener('click', () => {
        currentSheet = s.name;
        sel = { r: 1, c: 1 };
        void withBusy(refresh);
      });
      return b;
    }),
  );
}

async function refresh(): Promise<void> {
  await refreshSummary();
  if (currentSheet) await loadSheet(currentSheet);
  else {
    $('grid').replaceChildren();
    sheet = null;
  }
  if (!$('view-docs').hidden) await loadDocs();
  if (!$('view-mail').hidden) await loadMail();
  if (!$('view-triggers').hidden) await loadTriggers();
}

// ---------------------------------------------------------------------------------------------
// Grid

async function loadSheet(name: string): Promise<void> {
  sheet = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}`);
  renderGrid();
}

function renderGrid(): void {
  const s = sheet;
  if (!s) return;
  const parts: string[] = ['<colgroup><col style="width:46px">'];
  for (const w of s.colWidths) parts.push(`<col style="width:${w}px">`);
  parts.push('</colgroup><thead><tr><th class="corner"></th>');
  for (let c = 1; c <= s.cols; c++) parts.push(`<th scope="col">${colName(c)}</th>`);
  parts.push('</tr></thead><tbody>');
  for (let r = 1; r <= s.rows; r++) {
    const cls = r <= s.frozenRows ? ` class="frozen${r === s.frozenRows ? ' frozen-last' : ''}"` : '';
    parts.push(`<tr${cls} data-r="${r}"><th class="rownum" scope="row">${r}</th>`);
    const row = s.cells[r - 1];
    for (let c = 1; c <= s.cols; c++) {
      const cell = row[c - 1];
      if (!cell) {
        parts.push(`<td data-c="${c}"></td>`);
        continue;
      }
      const classes: string[] = [];
      const style: string[] = [];
      if (cell.num && !cell.ha) classes.push('num');
      if (cell.wrap) classes.push('wrap');
      if (cell.fw === 'bold') classes.push('bold');
      if (cell.fst === 'italic') classes.push('italic');
      if (cell.note) classes.push('has-note');
      if (cell.dv !== undefined) classes.push('has-list');
      // Like Sheets, left-aligned text runs on over empty cells to its right.
      const next = row[c];
      if (r > s.frozenRows && c > s.frozenCols && cell.v && !cell.wrap && !cell.num && (!cell.ha || cell.ha.toLowerCase() === 'left') && c < s.cols && (!next || (next.v === '' && !next.bg))) classes.push('spill');
      if (cell.bg) style.push(`background:${cell.bg}`);
      if (cell.fc) style.push(`color:${cell.fc}`);
      if (cell.fs) style.push(`font-size:${cell.fs}pt`);
      if (cell.ha) style.push(`text-align:${cell.ha.toLowerCase()}`);
      const title = cell.note ? ` title="${esc(cell.note)}"` : '';
      parts.push(`<td data-c="${c}"${classes.length ? ` class="${classes.join(' ')}"` : ''}${style.length ? ` style="${style.join(';')}"` : ''}${title}>${esc(cell.v)}</td>`);
    }
    parts.push('</tr>');
  }
  parts.push('</tbody>');
  const grid = $('grid');
  grid.innerHTML = parts.join('');
  // table-layout:fixed honours column widths only when the table's own width is their sum.
  grid.style.width = `${46 + s.colWidths.reduce((a, w) => a + w, 0)}px`;
  grid.setAttribute('aria-label', `Trang tính ${s.name}`);
  // Frozen rows stay under the column letters while scrolling: their sticky offsets depend on rendered heights.
  let top = (grid.querySelector('thead tr') as HTMLElement).offsetHeight;
  for (const tr of Array.from(grid.querySelectorAll<HTMLTableRowElement>('tr.frozen'))) {
    for (const cell of Array.from(tr.children)) (cell as HTMLElement).style.top = `${top}px`;
    top += tr.offsetHeight;
  }
  if (s.frozenCols) {
    for (const tr of Array.from(grid.querySelectorAll<HTMLTableRowElement>('tbody tr'))) {
      let left = 46;
      for (let c = 1; c <= s.frozenCols; c++) {
        const td = tr.children[c] as HTMLElement;
        td.style.position = 'sticky';
        td.style.left = `${left}px`;
        td.style.zIndex = '1';
        if (!td.style.background) td.style.background = '#fff';
        left += s.colWidths[c - 1];
      }
    }
  }
  const wrap = $('grid-wrap');
  wrap.querySelector('.charts-note')?.remove();
  if (s.charts) wrap.append(h('div', { class: 'charts-note' }, `Trang này có ${s.charts} biểu đồ (bản chạy cục bộ chưa vẽ biểu đồ).`));
  select(Math.min(sel.r, s.rows), Math.min(sel.c, s.cols), false);
}

function cellEl(r: number, c: number): HTMLTableCellElement | null {
  return $('grid').querySelector(`tbody tr[data-r="${r}"] td[data-c="${c}"]`);
}

function select(r: number, c: number, scroll = true): void {
  if (!sheet) return;
  r = Math.max(1, Math.min(sheet.rows, r));
  c = Math.max(1, Math.min(sheet.cols, c));
  $('grid').querySelector('td.sel')?.classList.remove('sel');
  sel = { r, c };
  const td = cellEl(r, c);
  td?.classList.add('sel');
  if (scroll) td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  $('cell-ref').textContent = `${colName(c)}${r}`;
  const cell = sheet.cells[r - 1]?.[c - 1];
  ($('fx-input') as HTMLInputElement).value = cell?.v ?? '';
  const note = cell?.note;
  $('fx-input').title = note ?? '';
}

function startEdit(initial?: string): void {
  if (!sheet) return;
  const td = cellEl(sel.r, sel.c);
  if (!td) return;
  const ed = $<HTMLInputElement>('cell-editor');
  const wrap = $('grid-wrap');
  const a = td.getBoundingClientRect();
  const b = wrap.getBoundingClientRect();
  ed.style.left = `${a.left - b.left + wrap.scrollLeft}px`;
  ed.style.top = `${a.top - b.top + wrap.scrollTop}px`;
  ed.style.minWidth = `${Math.max(a.width, 120)}px`;
  ed.style.height = `${a.height}px`;
  const cell = sheet.cells[sel.r - 1]?.[sel.c - 1];
  const opts = $('cell-options');
  const list = cell?.dv !== undefined ? sheet.lists[cell.dv] : null;
  opts.replaceChildren(...(list ? list.values.map((v) => h('option', { value: v })) : []));
  ed.title = list?.help ?? '';
  ed.value = initial ?? cell?.v ?? '';
  ed.hidden = false;
  ed.dataset.r = String(sel.r);
  ed.dataset.c = String(sel.c);
  ed.focus();
  ed.setSelectionRange(ed.value.length, ed.value.length);
}

async function commitEdit(text: string, r: number, c: number): Promise<void> {
  if (!sheet) return;
  const name = sheet.name;
  await withBusy(async () => afterRun(await api<Outcome>('/api/edit', { sheet: name, row: r, col: c, text }), 'Sửa ô'));
}

function wireGrid(): void {
  const grid = $('grid');
  const ed = $<HTMLInputElement>('cell-editor');
  grid.addEventListener('mousedown', (ev) => {
    const td = (ev.target as HTMLElement).closest('td');
    const tr = td?.parentElement as HTMLElement | null;
    if (!td || !tr?.dataset.r) return;
    select(Number(tr.dataset.r), Number(td.dataset.c));
  });
  grid.addEventListener('dblclick', () => startEdit());
  $('grid-wrap').addEventListener('keydown', (ev) => {
    if (ev.target === ed) return;
    const k = ev.key;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    if (moves[k]) {
      ev.preventDefault();
      select(sel.r + moves[k][0], sel.c + (ev.shiftKey && k === 'Tab' ? -1 : moves[k][1]));
    } else if (k === 'Enter' || k === 'F2') {
      ev.preventDefault();
      startEdit();
    } else if (k === 'Delete' || k === 'Backspace') {
      ev.preventDefault();
      void commitEdit('', sel.r, sel.c);
    } else if (k.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      startEdit(k);
    }
  });
  ed.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === 'Tab') {
      ev.preventDefault();
      const r = Number(ed.dataset.r);
      const c = Number(ed.dataset.c);
      ed.hidden = true;
      $('grid-wrap').focus();
      if (ev.key === 'Enter') sel = { r: r + 1, c };
      else sel = { r, c: c + 1 };
      void commitEdit(ed.value, r, c);
    } else if (ev.key === 'Escape') {
      ed.hidden = true;
      $('grid-wrap').focus();
    }
  });
  ed.addEventListener('blur', () => {
    if (ed.hidden) return;
    ed.hidden = true;
    void commitEdit(ed.value, Number(ed.dataset.r), Number(ed.dataset.c));
  });
  $<HTMLInputElement>('fx-input').addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter') return;
    ev.preventDefault();
    const { r, c } = sel;
    sel = { r: r + 1, c };
    void commitEdit((ev.target as HTMLInputElement).value, r, c);
  });
}

// ---------------------------------------------------------------------------------------------
// Menus, outcomes, alerts, toasts, sidebars

function closeMenus(): void {
  for (const p of Array.from(document.querySelectorAll<HTMLElement>('.menu-pop'))) p.hidden = true;
  for (const b of Array.from(document.querySelectorAll('.menu-top'))) b.setAttribute('aria-expanded', 'false');
}

function menuPop(items: MenuItem[], sub = false): HTMLElement {
  const pop = h('div', { role: 'menu', class: sub ? 'menu-pop sub' : 'menu-pop' });
  if (sub) pop.hidden = true;
  for (const it of items) {
    if (it.separator) pop.append(h('div', { class: 'menu-sep', role: 'separator' }));
    else if (it.submenu) {
      const b = h('button', { class: 'menu-item', role: 'menuitem', 'aria-haspopup': 'true' }, it.submenu.caption || ADDON_NAME, h('span', { 'aria-hidden': 'true' }, '▸'));
      const child = menuPop(it.submenu.items, true);
      const holder = h('div', { style: 'position:relative' }, b, child);
      const open = () => {
        for (const o of Array.from(pop.querySelectorAll<HTMLElement>(':scope > div > .menu-pop'))) o.hidden = o !== child;
        child.hidden = false;
      };
      b.addEventListener('mouseenter', open);
      b.addEventListener('click', (ev) => {
        ev.stopPropagation();
        open();
      });
      pop.append(holder);
    } else if (it.functionName) {
      const fn = it.functionName;
      const b = h('button', { class: 'menu-item', role: 'menuitem', 'data-fn': fn }, it.caption ?? fn);
      b.addEventListener('click', (ev) => {
        ev.stopPropagation();
        closeMenus();
        void runMenu(fn, it.caption ?? fn);
      });
      pop.append(b);
    }
  }
  return pop;
}

function renderMenus(menus: Menu[]): void {
  // Add-on menus live under Extensions, named after the add-on; script menus are top-level, as in Sheets.
  const addon = menus.filter((m) => m.addon);
  const ext = $('menu-ext-pop');
  const items: MenuItem[] = addon.map((m) => ({ submenu: { ...m, caption: m.caption || ADDON_NAME } }));
  ext.replaceChildren(...Array.from(menuPop(items.length ? items : [{ caption: '(Tiện ích chưa tạo menu)', functionName: '' }]).childNodes));
  const user = $('user-menus');
  user.replaceChildren(
    ...menus
      .filter((m) => !m.addon)
      .map((m) => {
        const top = h('button', { class: 'menu-top', role: 'menuitem', 'aria-haspopup': 'true', 'aria-expanded': 'false' }, m.caption);
        const pop = menuPop(m.items);
        pop.hidden = true;
        top.addEventListener('click', (ev) => {
          ev.stopPropagation();
          const open = pop.hidden;
          closeMenus();
          pop.hidden = !open;
          top.setAttribute('aria-expanded', String(open));
        });
        return h('div', { class: 'menu-root' }, top, pop);
      }),
  );
}

async function withBusy<T>(f: () => Promise<T>): Promise<T> {
  setBusy(1);
  try {
    return await f();
  } finally {
    setBusy(-1);
  }
}

async function runMenu(fn: string, caption: string): Promise<void> {
  await withBusy(async () => afterRun(await api<Outcome>('/api/menu', { fn }), caption));
}

function toast(title: string | null, msg: string, kind: 'info' | 'error' = 'info', timeoutSec: number | null = null): void {
  const close = h('button', { 'aria-label': 'Đóng' }, '×');
  const t = h('div', { class: `toast${kind === 'error' ? ' error' : ''}`, role: kind === 'error' ? 'alert' : 'status' }, close);
  if (title) t.append(h('b', {}, title));
  t.append(h('span', {}, msg));
  close.addEventListener('click', () => t.remove());
  $('toasts').append(t);
  // Sheets' default toast lasts 5 s; errors stay until closed. A negative timeout never closes.
  const secs = kind === 'error' ? -1 : timeoutSec ?? 5;
  if (secs >= 0) setTimeout(() => t.remove(), Math.max(secs, 3) * 1000 + 3000);
}

const BUTTONS: Record<string, string[]> = { OK: ['OK'], OK_CANCEL: ['OK', 'Hủy'], YES_NO: ['Có', 'Không'], YES_NO_CANCEL: ['Có', 'Không', 'Hủy'] };
const modalQueue: (() => void)[] = [];
let modalOpen = false;

function nextModal(): void {
  const f = modalQueue.shift();
  if (f) f();
  else {
    modalOpen = false;
    $('modal').hidden = true;
  }
}

function queueModal(show: () => void): void {
  modalQueue.push(show);
  if (!modalOpen) {
    modalOpen = true;
    nextModal();
  }
}

function showAlert(title: string | null, text: string, buttons: string | null): void {
  queueModal(() => {
    $('modal-title').textContent = title ?? ADDON_NAME;
    $('modal-body').textContent = text;
    $('modal-body').hidden = false;
    $('modal-frame').hidden = true;
    (($('modal-frame') as HTMLIFrameElement).src = 'about:blank');
    const actions = $('modal-actions');
    // The script already got its answer (OK/YES): the stand-in does not pause a run for the user.
    actions.replaceChildren(
      ...(BUTTONS[buttons ?? 'OK'] ?? ['OK']).map((label, i) => {
        const b = h('button', { class: i === 0 ? '' : 'secondary' }, label);
        b.addEventListener('click', nextModal);
        return b;
      }),
    );
    $('modal').hidden = false;
    (actions.firstElementChild as HTMLElement | null)?.focus();
  });
}

function showDialog(d: { title: string; width: number | null; height: number | null; url: string }): void {
  queueModal(() => {
    $('modal-title').textContent = d.title;
    $('modal-body').hidden = true;
    const f = $<HTMLIFrameElement>('modal-frame');
    f.hidden = false;
    f.style.width = `${d.width ?? 600}px`;
    f.style.height = `${d.height ?? 400}px`;
    f.src = d.url;
    const close = h('button', { class: 'secondary', 'aria-label': 'Đóng hộp thoại' }, 'Đóng hộp thoại');
    close.addEventListener('click', nextModal);
    $('modal-actions').replaceChildren(close);
    $('modal').hidden = false;
  });
}

function openSidebar(s: { title: string; width: number | null; url: string }): void {
  const aside = $('sidebar');
  $('sidebar-title').textContent = s.title;
  aside.style.width = `${s.width ?? 300}px`;
  $<HTMLIFrameElement>('sidebar-frame').src = s.url;
  aside.hidden = false;
  if ($('view-sheets').hidden) showView('sheets');
}

function closeSidebar(): void {
  $('sidebar').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
}

function showUi(o: Outcome): void {
  for (const t of o.toasts ?? []) toast(t.title, t.msg, 'info', t.timeout);
  for (const a of o.alerts ?? []) showAlert(a.title, a.prompt, a.buttons);
  for (const p of o.prompts ?? []) showAlert(p.title, `${p.prompt}\n\n(Bản chạy cục bộ trả lời trống.)`, p.buttons);
  for (const d of o.dialogs ?? []) showDialog(d);
  const sb = o.sidebars ?? [];
  if (sb.length) openSidebar(sb[sb.length - 1]);
  if (o.menus && o.menus.length) renderMenus(o.menus);
}

async function afterRun(o: Outcome, what: string): Promise<void> {
  if (!o.ok && o.error) toast(`Lỗi khi chạy “${what}”`, o.error.message, 'error');
  showUi(o);
  await refresh();
}

/** After a google.script.run call: a call's failure goes to its own handler; what it showed and changed appears here. */
function sidebarRan(outcome: Outcome): void {
  showUi({ ...outcome, error: undefined });
  void withBusy(refresh);
}

function wireChrome(): void {
  (window as unknown as { __lhhRan: (fn: string, o: Outcome) => void }).__lhhRan = (_fn, o) => sidebarRan(o);
  $('menu-ext').addEventListener('click', (ev) => {
    ev.stopPropagation();
    const pop = $('menu-ext-pop');
    const open = pop.hidden;
    closeMenus();
    pop.hidden = !open;
    $('menu-ext').setAttribute('aria-expanded', String(open));
  });
  document.addEventListener('click', (ev) => {
    if (!(ev.target as HTMLElement).closest('.menu-root')) closeMenus();
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') closeMenus();
  });
  $('sidebar-close').addEventListener('click', closeSidebar);
  for (const t of Array.from(document.querySelectorAll<HTMLButtonElement>('.views [role=tab]'))) t.addEventListener('click', () => showView(t.dataset.view ?? 'sheets'));
  window.addEventListener('message', (ev: MessageEvent) => {
    if (ev.origin !== location.origin) return;
    const data = ev.data as { type?: string; outcome?: Outcome; height?: number; width?: number };
    const fromSidebar = ev.source === $<HTMLIFrameElement>('sidebar-frame').contentWindow;
    if (data.type === 'lhh:ran' && data.outcome) {
      sidebarRan(data.outcome);
    } else if (data.type === 'lhh:open-doc' && typeof (data as { id?: unknown }).id === 'string') {
      currentDoc = (data as { id: string }).id;
      showView('docs');
    } else if (data.type === 'lhh:close') {
      if (fromSidebar) closeSidebar();
      else nextModal();
    } else if (data.type === 'lhh:size' && !fromSidebar) {
      const f = $<HTMLIFrameElement>('modal-frame');
      if (data.height) f.style.height = `${data.height}px`;
      if (data.width) f.style.width = `${data.width}px`;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Documents

interface DocItem {
  id: string;
  name: string;
  owner: string;
  created: string;
}
let currentDoc = '';
let shownDoc = '';

async function loadDocs(): Promise<void> {
  const docs = await api<DocItem[]>('/api/docs');
  $('doc-empty').hidden = docs.length > 0;
  $('doc-list').replaceChildren(
    ...docs.map((d) => {
      const b = h('button', { 'aria-current': String(d.id === currentDoc), 'data-doc': d.id }, h('span', { class: 'item-title' }, d.name), h('span', { class: 'item-meta' }, `${d.created} · ${d.owner}`));
      b.addEventListener('click', () => openDoc(d));
      return h('li', {}, b);
    }),
  );
  const cur = docs.find((d) => d.id === currentDoc) ?? docs[0];
  if (cur && cur.id !== shownDoc) openDoc(cur);
}

function openDoc(d: DocItem): void {
  currentDoc = d.id;
  shownDoc = d.id;
  for (const b of Array.from($('doc-list').querySelectorAll('button'))) b.setAttribute('aria-current', String(b.dataset.doc === d.id));
  $('doc-viewer').hidden = false;
  $('doc-title').textContent = d.name;
  $<HTMLAnchorElement>('doc-docx').href = `/doc/${d.id}.docx`;
  $<HTMLAnchorElement>('doc-pdf').href = `/doc/${d.id}.pdf`;
  $<HTMLAnchorElement>('doc-open').href = `/doc/${d.id}`;
  $<HTMLIFrameElement>('doc-frame').src = `/doc/${d.id}`;
}

// ---------------------------------------------------------------------------------------------
// Outbox

interface MailItem {
  index: number;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string | null;
  name: string | null;
  subject: string;
  sent: string;
  attachments: { index: number; name: string; contentType: string; size: number }[];
}
let currentMail = -1;

async function loadMail(): Promise<void> {
  const mails = (await api<MailItem[]>('/api/outbox')).reverse();
  $('mail-empty').hidden = mails.length > 0;
  $('mail-list').replaceChildren(
    ...mails.map((m) => {
      const b = h(
        'button',
        { 'aria-current': String(m.index === currentMail), 'data-mail': String(m.index) },
        h('span', { class: 'item-title' }, m.subject),
        h('span', { class: 'item-meta' }, `Đến: ${m.to}${m.attachments.length ? ` · ${m.attachments.length} tệp đính kèm` : ''} · ${m.sent}`),
      );
      b.addEventListener('click', () => openMail(m));
      return h('li', {}, b);
    }),
  );
  const cur = mails.find((m) => m.index === currentMail) ?? mails[0];
  if (cur && cur.index !== currentMail) openMail(cur);
}

function openMail(m: MailItem): void {
  currentMail = m.index;
  for (const b of Array.from($('mail-list').querySelectorAll('button'))) b.setAttribute('aria-current', String(b.dataset.mail === String(m.index)));
  $('mail-viewer').hidden = false;
  $('mail-subject').textContent = m.subject;
  $<HTMLAnchorElement>('mail-eml').href = `/mail/${m.index}.eml`;
  const rows: [string, string][] = [
    ['Từ', m.name ? `${m.name} <${m.from}>` : m.from],
    ['Đến', m.to],
    ['Cc', m.cc],
    ['Bcc', m.bcc],
    ['Trả lời về', m.replyTo ?? ''],
    ['Tiêu đề', m.subject],
    ['Gửi lúc', m.sent],
  ];
  $('mail-head').replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  $('mail-atts').replaceChildren(
    ...m.attachments.map((a) => h('li', {}, h('a', { href: `/mail/${m.index}/att/${a.index}`, download: a.name, 'data-type': a.contentType }, `${a.name} (${Math.max(1, Math.round(a.size / 1024))} KB)`))),
  );
  $<HTMLIFrameElement>('mail-frame').src = `/mail/${m.index}/body`;
}

// ---------------------------------------------------------------------------------------------
// Triggers and clock

interface TriggerItem {
  handler: string;
  eventType: string;
  owner: string;
  schedule: string;
  created: string;
  next: string | null;
}

/** What a trigger's handler is, for staff: the function name stays beside it for those who know the code. */
const HANDLERS: Record<string, string> = { runScheduledReports: 'Lịch gửi báo cáo' };
const handlerCell = (fn: string) => h('td', {}, HANDLERS[fn] ? `${HANDLERS[fn]} ` : '', h('code', { class: 'muted' }, fn));

/** What one run did, in words: the add-on's own summary (as Cài đặt shows it), else a plain "done". */
function runWords(f: FireResult['fired'][number]): string {
  if (!f.ok) return `Lỗi: ${f.error ?? 'không rõ'}`;
  const r = f.result as { summary?: unknown; ok?: unknown; message?: unknown } | null | undefined;
  if (r && typeof r.summary === 'string' && r.summary) return r.summary;
  if (r && r.ok === false && typeof r.message === 'string') return `Không thực hiện: ${r.message}`;
  return 'Đã chạy xong.';
}

async function loadTriggers(): Promise<void> {
  const t = await api<{ clock: { text: string; ms: number }; triggers: TriggerItem[] }>('/api/triggers');
  $('clock-big').textContent = `${t.clock.text} (GMT+7)`;
  const to = $<HTMLInputElement>('clock-to');
  if (!to.value) {
    const d = new Date(t.clock.ms + 7 * 3600000 + 86400000);
    to.value = d.toISOString().slice(0, 16);
  }
  $('trigger-empty').hidden = t.triggers.length > 0;
  const EVENTS: Record<string, string> = { CLOCK: 'Theo thời gian', ON_OPEN: 'Khi mở', ON_EDIT: 'Khi chỉnh sửa', ON_CHANGE: 'Khi thay đổi', ON_FORM_SUBMIT: 'Khi gửi biểu mẫu' };
  $('trigger-table').querySelector('tbody')!.replaceChildren(
    ...t.triggers.map((x) => h('tr', {}, handlerCell(x.handler), h('td', {}, EVENTS[x.eventType] ?? x.eventType), h('td', {}, x.schedule), h('td', {}, x.owner), h('td', {}, x.created), h('td', {}, x.next ?? '—'))),
  );
}

interface FireResult {
  fromText: string;
  toText: string;
  mailsSent: number;
  fired: { handler: string; owner: string; atText: string; ok: boolean; result?: unknown; error?: string }[];
}

async function moveClock(body: { addMs?: number; to?: string }): Promise<void> {
  setBusy(1);
  try {
    await moveClockNow(body);
  } catch (e) {
    toast('Đồng hồ giả lập', e instanceof Error ? e.message : String(e), 'error');
  } finally {
    setBusy(-1);
  }
}

async function moveClockNow(body: { addMs?: number; to?: string }): Promise<void> {
  const r = await api<FireResult>('/api/clock', body);
  // The suggested target time follows the clock.
  $<HTMLInputElement>('clock-to').value = '';
  const box = $('fire-results');
  box.classList.remove('muted');
  const head = h('p', {}, `Đồng hồ: ${r.fromText} → ${r.toText}. ${r.fired.length ? `Đã chạy ${r.fired.length} lần kích hoạt` : 'Không có trình kích hoạt nào đến hạn'}${r.mailsSent ? `, đã gửi ${r.mailsSent} thư` : ''}.`);
  box.replaceChildren(
    head,
    ...r.fired.map((f) =>
      h(
        'div',
        { class: `fire${f.ok ? '' : ' err'}` },
        h('b', {}, `${f.atText} · ${HANDLERS[f.handler] ?? f.handler}`),
        ` (tài khoản ${f.owner}): `,
        h('ul', {}, ...runWords(f).split('; ').map((line) => h('li', {}, line))),
      ),
    ),
  );
  await refresh();
}

function wireClock(): void {
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-add]'))) b.addEventListener('click', () => void moveClock({ addMs: Number(b.dataset.add) }));
  $('clock-go').addEventListener('click', () => {
    const v = $<HTMLInputElement>('clock-to').value;
    if (!v) return;
    // The input is wall-clock time in Vietnam (GMT+7), whatever the browser's zone.
    void moveClock({ to: `${v.length === 16 ? `${v}:00` : v}+07:00` });
  });
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  wireChrome();
  wireGrid();
  wireClock();
  await refresh();
  // Opening the file runs the add-on's onOpen, which builds its menu.
  const o = await api<Outcome>('/api/open', {});
  if (!o.ok && o.error) toast('Lỗi khi chạy onOpen', o.error.message, 'error');
  renderMenus(o.menus ?? []);
  document.body.dataset.ready = 'true';
}

void main();
