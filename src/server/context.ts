// What every action starts from: the workbook, its time zone, the clock, the user, the settings.
import { AppError } from '../core/errors';
import { defaultSettings } from '../core/settings';
import type { Settings } from '../core/types';
import type { Services } from './services';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROP = {
  settings: 'lhh.settings',
  spreadsheetId: 'lhh.spreadsheetId',
  triggerOwner: 'lhh.triggerOwner',
  jobs: 'lhh.jobs',
} as const;

export const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

export interface Ctx {
  svc: Services;
  ss: Spreadsheet;
  tz: string;
  now: Date;
  user: string;
  /** Document properties; null in a run that has no document (time-driven add-on runs). */
  docProps: GoogleAppsScript.Properties.Properties | null;
  settings: Settings;
  /** Whether settings were found stored (false before the first setup). */
  configured: boolean;
  /** All document properties, read in one call when the run starts. */
  propCache: Record<string, string>;
  /** The spreadsheet's id once asked (the Sheets API needs it). */
  spreadsheetId?: string;
  /** Sheets read ahead in one call, each handed to the first read that asks for it. */
  prefetched?: Record<string, import('./table').Table>;
  /** Advanced roads the workbook remembers as refused (roads.ts), read once per run. */
  roads?: import('./roads').RoadState;
  /** Roads refused during this run: the rest of it takes the classic road. */
  closedRoads?: Partial<Record<import('./roads').Road, boolean>>;
  /** Refusals already written to the audit log in this run. */
  loggedRefusals?: Record<string, boolean>;
  /** The time-driven trigger running this execution, whose snapshot keeps the road state. */
  triggerUid?: string;
  /** A scheduled run collects what it did here and writes it as one Nhật ký row at its end (audit.ts). */
  runLog?: string[];
}

/** A document property from the run's cache (read once by openContext). */
export function getProp(ctx: Pick<Ctx, 'propCache'>, key: string): string | null {
  return Object.prototype.hasOwnProperty.call(ctx.propCache, key) ? ctx.propCache[key] : null;
}

export function setProp(ctx: Pick<Ctx, 'docProps' | 'propCache'>, key: string, value: string): void {
  if (!ctx.docProps) return;
  ctx.docProps.setProperty(key, value);
  ctx.propCache[key] = value;
}

export function deleteProp(ctx: Pick<Ctx, 'docProps' | 'propCache'>, key: string): void {
  if (!ctx.docProps) return;
  ctx.docProps.deleteProperty(key);
  delete ctx.propCache[key];
}

export function currentUser(svc: Services): string {
  try {
    return (svc.Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}

function docProperties(svc: Services): GoogleAppsScript.Properties.Properties | null {
  try {
    return svc.PropertiesService.getDocumentProperties();
  } catch {
    return null;
  }
}

export function loadSettings(cache: Record<string, string>): { settings: Settings; configured: boolean } {
  const raw = cache[PROP.settings];
  if (!raw) return { settings: defaultSettings(), configured: false };
  const stored = JSON.parse(raw) as Partial<Settings>;
  const base = defaultSettings(stored.planYear || 2024);
  return {
    settings: { ...base, ...stored, schedule: { ...base.schedule, ...(stored.schedule || {}) }, decision: { ...base.decision, ...(stored.decision || {}) } },
    configured: true,
  };
}

/**
 * Opens the context of a run: the active spreadsheet when there is one (menu, sidebar), else the
 * one whose id setup kept (time-driven runs have no active spreadsheet).
 */
export function openContext(svc: Services, opts: { spreadsheetId?: string } = {}): Ctx {
  let ss: Spreadsheet | null = opts.spreadsheetId
    ? svc.SpreadsheetApp.openById(opts.spreadsheetId)
    : svc.SpreadsheetApp.getActiveSpreadsheet();
  const docProps = docProperties(svc);
  const propCache: Record<string, string> = docProps ? { ...docProps.getProperties() } : {};
  if (!ss) {
    const id = propCache[PROP.spreadsheetId] || svc.PropertiesService.getUserProperties().getProperty(PROP.spreadsheetId);
    if (!id) throw new AppError('notSetUp');
    ss = svc.SpreadsheetApp.openById(id);
  }
  const { settings, configured } = loadSettings(propCache);
  let user: string | null = null;
  return {
    svc,
    ss,
    tz: ss.getSpreadsheetTimeZone() || DEFAULT_TZ,
    now: new Date(),
    // Asked of Google only by actions that check rights or record who did what.
    get user(): string {
      if (user === null) user = currentUser(svc);
      return user;
    },
    set user(v: string) {
      user = v;
    },
    docProps,
    settings,
    configured,
    propCache,
  };
}

export function saveSettingsProp(ctx: Ctx, s: Settings): void {
  if (!ctx.docProps) throw new AppError('notSetUp');
  setProp(ctx, PROP.settings, JSON.stringify(s));
  ctx.settings = s;
  ctx.configured = true;
}
