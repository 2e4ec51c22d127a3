// Shared sidebar plumbing: the typed client over google.script.run, field errors, busy state, the submit flow, DOM helpers.
import type * as Server from '../main';
import type { ErrorCode } from '../core/errors';
import { formatNumber, parseMoney } from '../core/vn-format';

/**
 * Server functions the sidebars call (exports of src/main.ts). A test checks each is an entry point;
 * `satisfies` makes tsc refuse a name main.ts does not export.
 */
export const SERVER_FNS = [
  'getLogView',
  'logEvent',
  'updateEvent',
  'cancelEvent',
  'getBudgetView',
  'saveBudgetLine',
  'getDataProblems',
  'goToCell',
  'previewReport',
  'generateReport',
  'sendReport',
  'getSettings',
  'saveSettings',
  'setNextNumber',
  'importDecision',
  'setupWorkbook',
  'getExpertsView',
  'saveExpert',
  'setExpertState',
  'pasteExperts',
  'saveAssociation',
  'saveOrganisation',
  'getContact',
  'getDossierView',
  'saveDossier',
  'savePanel',
  'issueDossierPaper',
  'sendDossierAnswer',
  'recordDossierSent',
  'moveDossier',
  'getFormsView',
  'createForm',
  'sendForm',
  'getFormResponses',
  'reviewResponse',
] as const satisfies readonly (keyof typeof Server)[];
export type ServerFn = (typeof SERVER_FNS)[number];

/** The contract, derived from the server's own export list: what each function takes and returns on success. */
type Api = typeof Server;
/** A parameter the server declares as `unknown` (it validates hostile input itself) still has to be JSON on the wire. */
type Wire<A extends unknown[]> = { [K in keyof A]: unknown extends A[K] ? Json : A[K] };
export type ArgsOf<F extends ServerFn> = Wire<Parameters<Api[F]>>;
export type ResultOf<F extends ServerFn> = Extract<ReturnType<Api[F]>, { ok: true }>;

/** What may cross google.script.run: Google rejects Date, functions and DOM nodes. */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };

/** A failed call, as the server returns it (and as a lost connection is reported). */
export interface Failure {
  ok: false;
  /** The server's code, or one the client gives when the call itself could not be made. */
  code: ErrorCode | 'illegalArgument' | 'connection' | 'badResponse';
  message: string;
  errors: Record<string, string>;
}

export type Result<T> = (T & { ok: true }) | Failure;

interface ScriptRunner {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

export const CONNECTION_MESSAGE = 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.';

/** Path of the first value google.script.run would refuse, or null: caught here so it never leaves as a Date. */
export function illegalValuePath(v: unknown, path = ''): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t !== 'object') return path || '(giá trị)';
  if (Object.prototype.toString.call(v) === '[object Date]') return path || '(giá trị)';
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = illegalValuePath(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return path || '(giá trị)';
  for (const k of Object.keys(v as object)) {
    const p = illegalValuePath((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    if (p) return p;
  }
  return null;
}

/**
 * Calls a server function. Always resolves: with the server's result, or with a Failure when the
 * call could not be made or threw (so every caller handles one shape).
 */
export function call<F extends ServerFn>(fn: F, ...args: ArgsOf<F>): Promise<Result<ResultOf<F>>> {
  type T = ResultOf<F>;
  return new Promise((resolve) => {
    const bad = illegalValuePath(args);
    if (bad) {
      resolve({ ok: false, code: 'illegalArgument', message: `Lỗi chương trình: giá trị không gửi được tới máy chủ (${bad}).`, errors: {} });
      return;
    }
    const connectionLost = (): void => resolve({ ok: false, code: 'connection', message: CONNECTION_MESSAGE, errors: {} });
    try {
      const runner = google.script.run
        .withSuccessHandler((value) => {
          // Google hands null to the success handler when the result held a Date or was undefined.
          if (value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean') resolve(value as Result<T>);
          else resolve({ ok: false, code: 'badResponse', message: 'Máy chủ trả về dữ liệu không đọc được. Vui lòng thử lại.', errors: {} });
        })
        .withFailureHandler(connectionLost);
      (runner[fn] as (...a: unknown[]) => void)(...args);
    } catch {
      connectionLost();
    }
  });
}

/** `document.getElementById` that fails loudly when the page and the script disagree. */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e as T;
}

/** Creates an element with text content (never HTML) and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Fills a select with options, keeping the current choice when it is still offered. */
export function fillSelect(select: HTMLSelectElement, options: { value: string; label: string }[], keep = select.value): void {
  clear(select);
  for (const o of options) select.appendChild(el('option', { value: o.value }, o.label));
  if (options.some((o) => o.value === keep)) select.value = keep;
  // Long programme and target names are cut at 300 px: the tooltip shows the whole choice, read on
  // hover so it follows values set from code too.
  if (!select.dataset.titled) {
    select.dataset.titled = '1';
    select.addEventListener('mouseenter', () => (select.title = select.selectedOptions[0]?.text || ''));
  }
}

/** The top banner: one message at a time, read out by screen readers. */
export function showBanner(kind: 'error' | 'success' | 'info', text: string): void {
  const b = $('banner');
  b.className = `banner ${kind}`;
  b.textContent = text;
  b.hidden = !text;
  if (text) b.scrollIntoView({ block: 'nearest' });
}

export function hideBanner(): void {
  showBanner('info', '');
}

/**
 * Shows each message under its field (`#err-<field>`), marks the input invalid and focuses the
 * first one. Returns the messages that had no place on the form, for the banner.
 */
export function showFieldErrors(errors: Record<string, string>, inputFor: (field: string) => HTMLElement | null = (f) => document.getElementById(f)): string[] {
  clearFieldErrors();
  const orphans: string[] = [];
  let first: HTMLElement | null = null;
  for (const [field, message] of Object.entries(errors)) {
    const box = document.getElementById(`err-${field}`);
    if (!box) {
      orphans.push(message);
      continue;
    }
    box.textContent = message;
    box.hidden = false;
    const input = inputFor(field);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
  }
  if (first) first.focus();
  return orphans;
}

export function clearFieldErrors(): void {
  document.querySelectorAll<HTMLElement>('.err').forEach((e) => {
    e.textContent = '';
    e.hidden = true;
  });
  document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

let busyDepth = 0;

/** True while a server call started by whileBusy is in flight (Enter in a field must not send twice). */
export function isBusy(): boolean {
  return busyDepth > 0;
}

/**
 * Runs a server round trip with every button disabled, so a double click cannot send twice;
 * restores only the buttons it disabled. Inputs stay as they are: their enabled state is the form's.
 */
export async function whileBusy<T>(work: () => Promise<T>): Promise<T> {
  busyDepth++;
  const disabled: HTMLButtonElement[] = [];
  if (busyDepth === 1) {
    document.body.setAttribute('aria-busy', 'true');
    document.querySelectorAll<HTMLButtonElement>('button').forEach((b) => {
      if (!b.disabled) {
        b.disabled = true;
        disabled.push(b);
      }
    });
  }
  try {
    return await work();
  } finally {
    busyDepth--;
    for (const b of disabled) b.disabled = false;
    if (busyDepth === 0) document.body.removeAttribute('aria-busy');
  }
}

/** Formats a typed amount with dots on blur; leaves text it cannot read for validation to report. */
export function attachMoneyInput(input: HTMLInputElement, onChange?: () => void): void {
  input.addEventListener('blur', () => {
    const n = parseMoney(input.value);
    if (n !== null) input.value = formatNumber(n);
    if (onChange) onChange();
  });
  if (onChange) input.addEventListener('input', onChange);
}

/** Reads a quantity as staff type it: `3`, `1.000`, `2,5`; null when empty, NaN when unreadable. */
export function parseQuantity(s: string): number | null {
  const t = s.normalize('NFC').trim().replace(/\s+/g, '');
  if (!t) return null;
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return NaN;
}

/** Text of a form control, NFC, trimmed. */
export function valueOf(id: string): string {
  return ($<HTMLInputElement>(id).value || '').normalize('NFC').trim();
}
