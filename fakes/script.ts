// ScriptApp fake: AuthMode and installable triggers (owned by the creating user, visible only to them), plus due-time maths.

import { Fake, gasError, type Exec, type GoogleCore, type TriggerState } from './core';
import { zoned, fromZoned } from './tz';

const enumOf = (...keys: string[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<string, string>);

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const EventType = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const WeekDay = enumOf('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');

const WEEKDAY_NUM: Record<string, number> = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 };

export class ScriptAppF extends Fake {
  static override KEY = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly WeekDay = WeekDay;
  readonly AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
  getProjectTriggers(): TriggerF[] {
    return this._x.g.state.triggers.filter((t) => t.owner === this._x.user).map((t) => new TriggerF(this._x, t.uid));
  }
  getUserTriggers(container: { getId(): string }): TriggerF[] {
    const id = container.getId();
    return this._x.g.state.triggers.filter((t) => t.owner === this._x.user && (t.sourceId === id || t.docId === id)).map((t) => new TriggerF(this._x, t.uid));
  }
  deleteTrigger(trigger: TriggerF): void {
    const st = this._x.g.state;
    const t = st.triggers.find((q) => q.uid === trigger._uid);
    if (!t || t.owner !== this._x.user) throw gasError(this._x, 'The trigger does not exist or you do not own it.');
    st.triggers = st.triggers.filter((q) => q.uid !== trigger._uid);
  }
  newTrigger(functionName: string): TriggerBuilderF {
    if (typeof functionName !== 'string' || !functionName) throw gasError(this._x, 'Invalid argument: functionName');
    return new TriggerBuilderF(this._x, functionName);
  }
  getOAuthToken(): string {
    return `ya29.fake-${Buffer.from(this._x.user).toString('hex').slice(0, 16)}`;
  }
  getScriptId(): string {
    return '1ScriptLhhTrackerFakeScriptId0000000000000000000000000';
  }
  getService(): { getUrl(): string } {
    return { getUrl: () => 'https://script.google.com/macros/s/fake/exec' };
  }
  getAuthorizationInfo(): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null } {
    return { getAuthorizationStatus: () => 'NOT_REQUIRED', getAuthorizationUrl: () => null };
  }
  invalidateAuth(): void {}
}

export class TriggerF extends Fake {
  static override KEY = 'ScriptApp.Trigger';
  constructor(
    x: Exec,
    readonly _uid: string,
  ) {
    super(x);
  }
  _t(): TriggerState {
    const t = this._x.g.state.triggers.find((q) => q.uid === this._uid);
    if (!t) throw gasError(this._x, 'The trigger does not exist.');
    return t;
  }
  getUniqueId(): string {
    return this._uid;
  }
  getHandlerFunction(): string {
    return this._t().handler;
  }
  getEventType(): string {
    return this._t().eventType;
  }
  getTriggerSource(): string {
    return this._t().source;
  }
  getTriggerSourceId(): string | null {
    return this._t().sourceId;
  }
}

export class TriggerBuilderF extends Fake {
  static override KEY = 'ScriptApp.TriggerBuilder';
  constructor(
    x: Exec,
    readonly _fn: string,
  ) {
    super(x);
  }
  timeBased(): ClockTriggerBuilderF {
    return new ClockTriggerBuilderF(this._x, this._fn);
  }
  forSpreadsheet(ss: string | { getId(): string }): SpreadsheetTriggerBuilderF {
    return new SpreadsheetTriggerBuilderF(this._x, this._fn, typeof ss === 'string' ? ss : ss.getId());
  }
  forDocument(doc: string | { getId(): string }): SpreadsheetTriggerBuilderF {
    return new SpreadsheetTriggerBuilderF(this._x, this._fn, typeof doc === 'string' ? doc : doc.getId(), 'DOCUMENTS');
  }
}

function addTrigger(x: Exec, t: Omit<TriggerState, 'uid' | 'owner' | 'createdAt'>): TriggerF {
  const g = x.g;
  if (g.addonTriggerLimit && t.docId) {
    // Editor add-ons may have one trigger of each type per user per document.
    const clash = g.state.triggers.find((q) => q.owner === x.user && q.docId === t.docId && q.eventType === t.eventType);
    if (clash)
      throw gasError(
        x,
        t.eventType === 'CLOCK' ? 'This add-on has created too many time-based triggers in this document for this Google user account.' : 'This add-on has created too many triggers of this type in this document for this Google user account.',
      );
  }
  if (g.state.triggers.filter((q) => q.owner === x.user).length >= 20) throw gasError(x, 'This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  const uid = String(1000000 + g.state.seq++ * 7919);
  g.state.triggers.push({ ...t, uid, owner: x.user, createdAt: g.nowMs() });
  return new TriggerF(x, uid);
}

export class ClockTriggerBuilderF extends Fake {
  static override KEY = 'ScriptApp.ClockTriggerBuilder';
  _s: TriggerState['schedule'] = {};
  constructor(
    x: Exec,
    readonly _fn: string,
  ) {
    super(x);
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw gasError(this._x, 'The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    this._s.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError(this._x, 'The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this._s.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this._s.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    this._s.everyWeeks = n;
    return this;
  }
  atHour(h: number): this {
    if (h < 0 || h > 23) throw gasError(this._x, 'Invalid argument: hour');
    this._s.atHour = h;
    return this;
  }
  nearMinute(m: number): this {
    this._s.nearMinute = m;
    return this;
  }
  onWeekDay(d: string): this {
    this._s.onWeekDay = d;
    return this;
  }
  inTimezone(tz: string): this {
    this._s.timeZone = tz;
    return this;
  }
  at(d: Date): this {
    this._s.at = d.getTime();
    return this;
  }
  after(ms: number): this {
    this._s.after = ms;
    return this;
  }
  create(): TriggerF {
    const s = { ...this._s };
    if (s.after !== undefined) s.at = this._x.g.nowMs() + s.after;
    if (s.everyMinutes === undefined && s.everyHours === undefined && s.everyDays === undefined && s.everyWeeks === undefined && s.at === undefined)
      throw gasError(this._x, 'Clock triggers must have a schedule: call everyMinutes, everyHours, everyDays, everyWeeks, at or after.');
    if (this._x.g.addonTriggerLimit && s.everyMinutes !== undefined) throw gasError(this._x, 'Add-ons cannot create time-based triggers that fire more often than once an hour.');
    return addTrigger(this._x, { handler: this._fn, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, docId: this._x.docId, schedule: s });
  }
}

export class SpreadsheetTriggerBuilderF extends Fake {
  static override KEY = 'ScriptApp.SpreadsheetTriggerBuilder';
  constructor(
    x: Exec,
    readonly _fn: string,
    readonly _id: string,
    readonly _source = 'SPREADSHEETS',
  ) {
    super(x);
  }
  _make(eventType: string): { create(): TriggerF } {
    const x = this._x;
    const base = { handler: this._fn, eventType, source: this._source, sourceId: this._id, docId: this._id, schedule: {} };
    return new FinalTriggerBuilderF(x, () => addTrigger(x, base));
  }
  onOpen(): { create(): TriggerF } {
    return this._make('ON_OPEN');
  }
  onEdit(): { create(): TriggerF } {
    return this._make('ON_EDIT');
  }
  onChange(): { create(): TriggerF } {
    return this._make('ON_CHANGE');
  }
  onFormSubmit(): { create(): TriggerF } {
    return this._make('ON_FORM_SUBMIT');
  }
}

export class FinalTriggerBuilderF extends Fake {
  static override KEY = 'ScriptApp.SpreadsheetTriggerBuilder';
  constructor(
    x: Exec,
    readonly _create: () => TriggerF,
  ) {
    super(x);
  }
  create(): TriggerF {
    return this._create();
  }
}

export interface DueTrigger {
  uid: string;
  handler: string;
  owner: string;
  docId: string | null;
  at: Date;
}

function minuteOf(t: TriggerState): number {
  // Google picks a random minute; a hash of the uid keeps it stable between runs.
  if (t.schedule.nearMinute !== undefined) return t.schedule.nearMinute % 60;
  let h = 0;
  for (const c of t.uid) h = (h * 31 + c.charCodeAt(0)) % 9973;
  return h % 60;
}

/** Time-driven triggers that fire in (from, to], in firing order. */
export function dueTriggers(g: GoogleCore, from: Date, to: Date): DueTrigger[] {
  const out: DueTrigger[] = [];
  const a = from.getTime();
  const b = to.getTime();
  for (const t of g.state.triggers) {
    if (t.eventType !== 'CLOCK') continue;
    const s = t.schedule;
    const tz = s.timeZone ?? g.timeZone;
    const push = (ms: number) => {
      if (ms > a && ms <= b && ms >= t.createdAt) out.push({ uid: t.uid, handler: t.handler, owner: t.owner, docId: t.docId, at: new Date(ms) });
    };
    if (s.at !== undefined) {
      push(s.at);
      continue;
    }
    if (s.everyMinutes) {
      const step = s.everyMinutes * 60000;
      for (let ms = Math.floor(a / step) * step + step; ms <= b; ms += step) push(ms);
      continue;
    }
    const minute = minuteOf(t);
    // Walk whole hours of the window in the trigger's zone.
    for (let ms = Math.floor(a / 3600000) * 3600000; ms <= b + 3600000; ms += 3600000) {
      const z = zoned(ms, tz);
      const fire = fromZoned(z.y, z.M, z.d, z.H, minute, 0, tz);
      if (s.everyHours) {
        if (z.H % s.everyHours === 0) push(fire);
        continue;
      }
      const hour = s.atHour ?? 0;
      if (z.H !== hour) continue;
      const dayNum = Math.floor(Date.UTC(z.y, z.M - 1, z.d) / 86400000);
      if (s.everyWeeks || s.onWeekDay) {
        const wd = WEEKDAY_NUM[s.onWeekDay ?? 'MONDAY'];
        if (z.wd !== wd) continue;
        if (s.everyWeeks && Math.floor(dayNum / 7) % s.everyWeeks !== 0) continue;
        push(fire);
      } else if (s.everyDays) {
        if (dayNum % s.everyDays === 0) push(fire);
      }
    }
  }
  const seen = new Set<string>();
  return out
    .filter((d) => {
      const k = `${d.uid}@${d.at.getTime()}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((p, q) => p.at.getTime() - q.at.getTime());
}
