// Shared machinery of the Apps Script fakes: state shape, call counting proxy, faults, hooks, clock, executions.

export type ExecKind = 'menu' | 'sidebar' | 'simpleTrigger' | 'timeTrigger' | 'install' | 'local';
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface ExecCtx {
  kind?: ExecKind;
  authMode?: AuthModeName;
  user?: string;
  triggerUid?: string;
  /** Container spreadsheet of the run; defaults to the google's active (container) spreadsheet. */
  spreadsheetId?: string | null;
}

/** A cell value as stored: JSON-friendly, dates as instants. */
export type Val = string | number | boolean | { d: number };

export interface DvState {
  type: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellState {
  v?: Val;
  f?: string;
  nf?: string;
  note?: string;
  bg?: string;
  fw?: string;
  fc?: string;
  fs?: number;
  fst?: string;
  ha?: string;
  va?: string;
  wrap?: boolean;
  dv?: DvState;
}

export interface ProtectionState {
  id: number;
  kind: 'SHEET' | 'RANGE';
  a1: string | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

export interface ChartState {
  id: number;
  type: string;
  ranges: string[];
  position: { row: number; col: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
}

export interface SheetState {
  id: number;
  name: string;
  rows: (Array<CellState | null> | null)[];
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  colWidths: Record<number, number>;
  hiddenCols: number[];
  hiddenRows: number[];
  tabColor: string | null;
  protections: ProtectionState[];
  charts: ChartState[];
  merges: string[];
  borders: string[];
  /** Id of the form whose responses land in this tab (Google's form-response sheet link). */
  formId?: string;
  /** Conditional format rules, in order (fakes/conditional-format.ts). */
  conditionalRules?: import('./conditional-format').CfState[];
}

export interface SpreadsheetState {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  owner: string;
  /** People the file is shared with; when set, nobody else may open it (Drive's permission check). */
  editors?: string[];
  createdAt: number;
  sheets: SheetState[];
  activeSheetId: number | null;
  activeRange: string | null;
  nextId: number;
}

export interface TriggerState {
  uid: string;
  handler: string;
  eventType: string; // CLOCK, ON_OPEN, ON_EDIT, ON_CHANGE, ON_FORM_SUBMIT
  source: string; // CLOCK, SPREADSHEETS
  sourceId: string | null;
  docId: string | null;
  owner: string;
  createdAt: number;
  schedule: {
    everyMinutes?: number;
    everyHours?: number;
    everyDays?: number;
    everyWeeks?: number;
    atHour?: number;
    nearMinute?: number;
    onWeekDay?: string;
    timeZone?: string;
    at?: number;
    after?: number;
  };
}

export interface StoredMail {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  replyTo: string | null;
  name: string | null;
  attachments: { name: string; contentType: string; b64: string }[];
  sentAt: number;
}

export interface DriveFileState {
  id: string;
  name: string;
  mimeType: string;
  b64: string;
  parents: string[];
  createdAt: number;
  trashed: boolean;
  owner: string;
}

export interface FolderState {
  id: string;
  name: string;
  parents: string[];
}

export interface CacheEntry {
  v: string;
  exp: number;
}

export interface State {
  version: 1;
  /** New documents start pageless, as Docs makes them for users who chose that default. */
  newDocumentsPageless?: boolean;
  /** A defect injected for tests of the self-check: the Docs API fake places every inserted table one index later. */
  docsTableOffByOne?: boolean;
  seq: number;
  containerId: string | null;
  spreadsheets: Record<string, SpreadsheetState>;
  docs: Record<string, import('./doc-model').DocState>;
  /** Forms made with FormApp (optional: older saved states lack it). */
  forms?: Record<string, import('./forms').FormState>;
  /** Users who have not authorised the manifest's current scopes: their trigger runs fail before the script starts. */
  unauthorised?: string[];
  /** trashedNative: Docs/Sheets files put in the trash (optional: older saved states lack it). */
  drive: { files: Record<string, DriveFileState>; folders: Record<string, FolderState>; placement: Record<string, string[]>; trashedNative?: Record<string, boolean> };
  mail: { outbox: StoredMail[]; used: Record<string, number> };
  properties: { script: Record<string, string>; document: Record<string, Record<string, string>>; user: Record<string, Record<string, string>> };
  cache: { script: Record<string, CacheEntry>; document: Record<string, Record<string, CacheEntry>>; user: Record<string, Record<string, CacheEntry>> };
  triggers: TriggerState[];
  locks: Record<string, string>; // lock key -> holding execution id
  clock: { frozen: number | null; offset: number };
}

export function emptyState(): State {
  return {
    version: 1,
    seq: 0,
    containerId: null,
    spreadsheets: {},
    docs: {},
    drive: { files: {}, folders: { root: { id: 'root', name: 'My Drive', parents: [] } }, placement: {} },
    mail: { outbox: [], used: {} },
    properties: { script: {}, document: {}, user: {} },
    cache: { script: {}, document: {}, user: {} },
    triggers: [],
    locks: {},
    clock: { frozen: null, offset: 0 },
  };
}

export interface UiRecord {
  menus: MenuRecord[];
  sidebars: { title: string; html: string; width: number | null }[];
  dialogs: { title: string; html: string; modal: boolean; width: number | null; height: number | null }[];
  alerts: { title: string | null; prompt: string; buttons: string | null }[];
  prompts: { title: string | null; prompt: string; buttons: string | null }[];
  toasts: { msg: string; title: string | null; timeout: number | null }[];
}

export type MenuItemRecord = { caption: string; functionName: string } | { separator: true } | { submenu: MenuRecord };
export interface MenuRecord {
  caption: string;
  addon: boolean;
  items: MenuItemRecord[];
}

/** Constructors of the realm that code under test runs in; values returned to it are made with them. */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
  Object: ObjectConstructor;
}

export interface LogEntry {
  execution: string;
  level: string;
  message: string;
  at: number;
}

export interface Fault {
  method: string;
  left: number;
  message?: string;
  /** With a status, thrown as an advanced service's GoogleJsonResponseException carrying details.code. */
  status?: number;
}

export type CallHook = (info: { execution: Exec; count: number; method: string }) => void;

/** Base of every fake Apps Script object: knows its execution and its "Service.Class" key. */
export abstract class Fake {
  /** 'Service.Class' (or just 'Service' for the top-level service object), used for call keys. */
  static KEY = 'Unknown.Unknown';
  constructor(readonly _x: Exec) {}
  /** Document id used in transient fault messages. */
  _docId(): string {
    return '';
  }
}

const proxies = new WeakMap<object, object>();
const raws = new WeakMap<object, Fake>();

/** The raw fake behind a counting proxy (or the value itself), so fakes calling each other are not counted. */
export function unwrap<T>(v: T): T {
  return v !== null && typeof v === 'object' ? ((raws.get(v as object) as T | undefined) ?? v) : v;
}
const SKIP = new Set(['constructor', 'toString', 'toJSON', 'valueOf', 'then', 'inspect']);

/** Wraps a fake so every public method call is counted, fault-checked and hooked. */
export function wrap<T extends Fake>(obj: T): T {
  const hit = proxies.get(obj);
  if (hit) return hit as T;
  const methods = new Map<string, (...a: unknown[]) => unknown>();
  const p = new Proxy(obj, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function' || typeof prop !== 'string' || SKIP.has(prop)) return v;
      let m = methods.get(prop);
      if (!m && prop.startsWith('_')) {
        // Internal helpers run on the raw object so their inner calls are not counted.
        m = (v as (...a: unknown[]) => unknown).bind(target);
        methods.set(prop, m);
      }
      if (!m) {
        const key = (target.constructor as typeof Fake).KEY + '.' + prop;
        const fn = v as (...a: unknown[]) => unknown;
        m = function (...args: unknown[]) {
          return target._x.g._invoke(target, key, fn, args);
        };
        methods.set(prop, m);
      }
      return m;
    },
  });
  proxies.set(obj, p);
  raws.set(p, obj);
  return p;
}

export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Apps Script-like exception. Created in the execution's realm so `instanceof Error` holds there. */
export function gasError(x: Exec | null, message: string): Error {
  const E = x?.realm?.Error ?? Error;
  return new E(message);
}

/** An advanced service's error as Apps Script throws it: "API call to … failed with error: …", with details.code. */
function apiError(x: Exec, key: string, message: string, status: number): Error {
  const method = key.split('.').map((p, i, a) => (i < a.length - 1 ? p.toLowerCase() : p)).join('.');
  const text = /^API call to /.test(message) ? message : `API call to ${method} failed with error: ${message}`;
  const err = gasError(x, text) as Error & { details?: unknown };
  err.name = 'GoogleJsonResponseException';
  err.details = { code: status, message: text.replace(/^API call to \S+ failed with error: /, '') };
  return err;
}

const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets',
  DocumentApp: 'https://www.googleapis.com/auth/documents',
  DriveApp: 'https://www.googleapis.com/auth/drive',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  PropertiesService: 'https://www.googleapis.com/auth/script.storage',
  CacheService: 'https://www.googleapis.com/auth/script.storage',
  LockService: 'https://www.googleapis.com/auth/script.storage',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Session: 'https://www.googleapis.com/auth/userinfo.email',
  Sheets: 'https://www.googleapis.com/auth/spreadsheets',
  Docs: 'https://www.googleapis.com/auth/documents',
  FormApp: 'https://www.googleapis.com/auth/forms',
};

// Under AuthMode.NONE only UI construction and pure helpers work; onOpen must only build the menu.
function splitKey(key: string): [string, string, string] {
  const p = key.split('.');
  // Advanced services nest collections: 'Sheets.Spreadsheets.Values.get' -> ['Sheets', 'Spreadsheets.Values', 'get'].
  return p.length >= 3 ? [p[0], p.slice(1, -1).join('.'), p[p.length - 1]] : [p[0], p[0], p[1]];
}

function allowedUnderNone(key: string): boolean {
  const [svc, cls, m] = splitKey(key);
  if (['HtmlService', 'Utilities', 'Logger', 'console', 'Charts'].includes(svc)) return true;
  if (svc === 'SpreadsheetApp' && (cls === 'Ui' || cls === 'Menu' || (cls === 'SpreadsheetApp' && m === 'getUi'))) return true;
  if (svc === 'DocumentApp' && (cls === 'Ui' || cls === 'Menu' || (cls === 'DocumentApp' && m === 'getUi'))) return true;
  if (svc === 'Session' && m === 'getScriptTimeZone') return true;
  return false;
}

// Simple triggers have no authorisation: no mail, Drive, other files or trigger management.
function deniedInSimpleTrigger(key: string): boolean {
  const [svc, , m] = splitKey(key);
  if (svc === 'MailApp' || svc === 'DriveApp' || svc === 'DocumentApp' || svc === 'FormApp') return true;
  if (svc === 'Sheets') return true; // advanced services need authorisation
  if (svc === 'Docs') return true;
  if (svc === 'SpreadsheetApp' && ['openById', 'openByUrl', 'create', 'open'].includes(m)) return true;
  if (svc === 'ScriptApp' && ['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger', 'getOAuthToken'].includes(m)) return true;
  return false;
}

function faultMessage(key: string, target: Fake): string {
  const svc = key.split('.')[0];
  const id = target._docId();
  if (svc === 'SpreadsheetApp') return `Service Spreadsheets timed out while accessing document with id ${id || 'unknown'}.`;
  if (svc === 'DocumentApp') return `Service Documents failed while accessing document with id ${id || 'unknown'}.`;
  if (svc === 'MailApp') return 'Service unavailable: Mail';
  if (svc === 'Sheets') return `API call to ${key.split('.').map((p, i, a) => (i < a.length - 1 ? p.toLowerCase() : p)).join('.')} failed with error: The service is currently unavailable.`;
  if (svc === 'Docs') return `API call to docs.documents.${key.split('.').pop()} failed with error: The service is currently unavailable.`;
  if (svc === 'UrlFetchApp') return 'Address unavailable: https://example.invalid';
  return "We're sorry, a server error occurred. Please wait a bit and try again.";
}

let execSeq = 0;

/** One run of the script (a menu click, a google.script.run call, a trigger...). */
export class Exec {
  readonly id: string;
  readonly kind: ExecKind;
  readonly authMode: AuthModeName;
  readonly user: string;
  readonly triggerUid: string | null;
  activeSpreadsheetId: string | null;
  /** Document the run is attached to (container, or the document of the trigger). */
  readonly docId: string | null;
  readonly ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], toasts: [] };
  readonly logs: LogEntry[] = [];
  globals: Record<string, unknown> = {};
  realm: Realm | null = null;
  ended = false;

  constructor(
    readonly g: GoogleCore,
    ctx: ExecCtx,
  ) {
    this.id = `exec-${++execSeq}`;
    this.kind = ctx.kind ?? 'local';
    const trig = ctx.triggerUid ? g.state.triggers.find((t) => t.uid === ctx.triggerUid) : undefined;
    this.triggerUid = ctx.triggerUid ?? null;
    this.authMode = ctx.authMode ?? 'FULL';
    this.user = ctx.user ?? trig?.owner ?? g.defaultUser;
    const container = ctx.spreadsheetId !== undefined ? ctx.spreadsheetId : g.state.containerId;
    this.activeSpreadsheetId = this.kind === 'timeTrigger' ? null : container;
    this.docId = this.kind === 'timeTrigger' ? (trig?.docId ?? trig?.sourceId ?? null) : container;
    g.live.add(this.id);
    // Opening the add-on (a menu, a sidebar) asks a user for the new scopes first: after it they are authorised.
    if (this.kind !== 'timeTrigger' && this.kind !== 'simpleTrigger' && this.authMode === 'FULL' && g.state.unauthorised) g.state.unauthorised = g.state.unauthorised.filter((u) => u !== this.user);
  }

  /** Lets values created by the fakes belong to the realm of the code under test. */
  setRealm(realm: Partial<Realm>): void {
    this.realm = { Date, Array, Error, Object, ...realm } as Realm;
  }

  newDate(ms: number): Date {
    const D = this.realm?.Date ?? Date;
    return new D(ms);
  }

  /** Converts host arrays/dates/objects (deeply) into the execution's realm. */
  toRealm(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Fake) return wrap(v);
    const r = this.realm;
    if (Array.isArray(v)) {
      if (!r) return v.map((e) => this.toRealm(e));
      const out = new r.Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = this.toRealm(v[i]);
      return out;
    }
    if (v instanceof Date) return r ? new r.Date(v.getTime()) : v;
    if (r && isPlainObject(v) && Object.getPrototypeOf(v) === Object.prototype) {
      const o = new r.Object() as Record<string, unknown>;
      for (const k of Object.keys(v)) o[k] = this.toRealm(v[k]);
      return o;
    }
    return v;
  }

  /** Ends the run: Apps Script releases the locks a finished script still holds. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.g.live.delete(this.id);
    for (const [k, holder] of Object.entries(this.g.state.locks)) if (holder === this.id) delete this.g.state.locks[k];
  }
}

export interface Clock {
  now(): Date;
  set(d: Date): void;
  advance(ms: number): void;
}

export interface GoogleOpts {
  user?: string;
  timeZone?: string;
  now?: () => Date;
  htmlFiles?: Record<string, string>;
  locale?: string;
  mailQuota?: number;
  /** Apply the editor add-on limit of one trigger of each type per user per document (default true). */
  addonTriggerLimit?: boolean;
  /** Echo Logger/console output to the host console. */
  echoLogs?: boolean;
  /** Name of the container spreadsheet created up front (null: none). */
  containerName?: string | null;
  /** Advanced services enabled in the manifest, installed as globals (default ['Sheets', 'Docs', 'Drive']). */
  advancedServices?: string[];
}

/** Persistent state plus the instrumentation every fake reports to. */
export class GoogleCore {
  state: State;
  readonly defaultUser: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly mailQuota: number;
  readonly htmlFiles: Record<string, string>;
  readonly addonTriggerLimit: boolean;
  readonly echoLogs: boolean;
  readonly advancedServices: string[];
  readonly live = new Set<string>();
  readonly lockContentions: { execution: string; lock: string; method: string; at: number }[] = [];
  readonly logs: LogEntry[] = [];
  readonly uiResponses: { button?: string; text?: string }[] = [];
  protected counts: Record<string, number> = {};
  protected moved = { read: 0, written: 0 };
  protected faults: Fault[] = [];
  protected fired = 0;
  protected hooks: { method: string; fn: CallHook }[] = [];
  private baseNow: () => Date;
  readonly clock: Clock;

  constructor(opts: GoogleOpts, state?: State) {
    this.state = state ?? emptyState();
    this.defaultUser = opts.user ?? 'admin@lhh.example.vn';
    this.timeZone = opts.timeZone ?? 'Asia/Ho_Chi_Minh';
    this.locale = opts.locale ?? 'vi_VN';
    this.mailQuota = opts.mailQuota ?? 100;
    this.htmlFiles = opts.htmlFiles ?? {};
    this.addonTriggerLimit = opts.addonTriggerLimit ?? true;
    this.echoLogs = opts.echoLogs ?? false;
    this.advancedServices = [...(opts.advancedServices ?? ['Sheets', 'Docs', 'Drive'])];
    this.baseNow = opts.now ?? (() => new Date());
    const self = this;
    this.clock = {
      now() {
        return new Date(self.nowMs());
      },
      set(d: Date) {
        self.state.clock.frozen = d.getTime();
        self.state.clock.offset = 0;
      },
      advance(ms: number) {
        if (self.state.clock.frozen !== null) self.state.clock.frozen += ms;
        else self.state.clock.offset += ms;
      },
    };
  }

  nowMs(): number {
    const c = this.state.clock;
    return c.frozen !== null ? c.frozen : this.baseNow().getTime() + c.offset;
  }

  nextId(prefix: string): string {
    this.state.seq++;
    // Ids look like Google's: long, url-safe; deterministic so persisted runs stay stable.
    const n = this.state.seq.toString(36).padStart(6, '0');
    return `${prefix}${'x'.repeat(Math.max(0, 38 - prefix.length - n.length))}${n}`;
  }

  calls(): Record<string, number> {
    return { ...this.counts };
  }
  cells(): { read: number; written: number } {
    return { ...this.moved };
  }
  resetCalls(): void {
    this.counts = {};
    this.moved = { read: 0, written: 0 };
  }
  countCells(read: number, written: number): void {
    this.moved.read += read;
    this.moved.written += written;
  }
  /**
   * The nth next call of `method` throws `message`; with `status`, as an advanced service's
   * GoogleJsonResponseException with `details.code` (400 invalid request, 403 refused, 429 rate limit...).
   */
  failOn(method: string, nth: number, message?: string, status?: number): void {
    if (!(nth >= 1)) throw new Error('failOn: nth must be >= 1');
    this.faults.push({ method, left: nth, message, status });
  }
  /** Advanced services ('Sheets', 'Docs') refusing every call until cleared, as an API not enabled in the Cloud project does. */
  readonly refusals: Record<string, { status: number; message: string }> = {};
  refuseApi(service: string, status: number, message: string): void {
    this.refusals[service] = { status, message };
  }
  allowApi(service: string): void {
    delete this.refusals[service];
  }
  faultsFired(): number {
    return this.fired;
  }
  onCall(method: string, fn: CallHook): () => void {
    const h = { method, fn };
    this.hooks.push(h);
    return () => {
      const i = this.hooks.indexOf(h);
      if (i >= 0) this.hooks.splice(i, 1);
    };
  }

  log(x: Exec, level: string, message: string): void {
    const e = { execution: x.id, level, message, at: this.nowMs() };
    x.logs.push(e);
    this.logs.push(e);
    if (this.echoLogs) console.log(`[${level}] ${message}`);
  }

  _invoke(target: Fake, key: string, fn: (...a: unknown[]) => unknown, args: unknown[]): unknown {
    const x = target._x;
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    if (x.authMode === 'NONE' && !allowedUnderNone(key)) throw this.permissionError(x, key);
    if (x.kind === 'simpleTrigger' && deniedInSimpleTrigger(key)) throw this.permissionError(x, key);
    if (x.kind === 'timeTrigger' && this.state.unauthorised?.includes(x.user)) throw gasError(x, 'Authorization is required to perform that action.');
    const refusal = this.refusals[key.split('.')[0]];
    if (refusal) throw apiError(x, key, refusal.message, refusal.status);
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (f.method !== key) continue;
      f.left--;
      if (f.left === 0) {
        this.faults.splice(i, 1);
        this.fired++;
        if (f.status) throw apiError(x, key, f.message ?? faultMessage(key, target), f.status);
        throw gasError(x, f.message ?? faultMessage(key, target));
      }
      break;
    }
    const raw = fn.apply(target, args.map(unwrap));
    const out = raw === target ? wrap(target) : x.toRealm(raw);
    if (this.hooks.length) {
      const count = this.counts[key];
      for (const h of [...this.hooks]) if (h.method === key || h.method === '*') h.fn({ execution: x, count, method: key });
    }
    return out;
  }

  permissionError(x: Exec, key: string): Error {
    const [svc, cls, m] = splitKey(key);
    // Advanced services are named in full: Sheets.Spreadsheets.Values.get.
    const name = cls.includes('.') ? key : cls === svc ? `${svc}.${m}` : `${cls}.${m}`;
    return gasError(x, `You do not have permission to call ${name}. Required permissions: ${SCOPES[svc] ?? 'https://www.googleapis.com/auth/script.external_request'}`);
  }
}

export function toB64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
export function fromB64(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'base64'));
}

/** Apps Script byte arrays are signed Java bytes. */
export function toSigned(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}

export function bytesFrom(data: unknown): Uint8Array {
  if (typeof data === 'string') return new Uint8Array(Buffer.from(data, 'utf8'));
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (Array.isArray(data)) return Uint8Array.from(data as number[], (n) => n & 255);
  if (data && typeof data === 'object' && Object.prototype.toString.call(data) === '[object Uint8Array]') return Uint8Array.from(data as ArrayLike<number>);
  throw new Error('Invalid argument: data');
}
