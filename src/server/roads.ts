// Which road an action takes to Google (the Sheets/Docs advanced APIs, or SpreadsheetApp/DocumentApp), and what a refusal changes.
//
// A Marketplace install whose Cloud project lacks the Sheets or Docs API enabled gets a 403 on every advanced call,
// although the classic services work. So a refusal is classified first:
// - rate limits, quotas, 5xx: transient, retried as before; they never switch the road;
// - 403/404 (API not enabled, not permitted, not found): the action finishes on the classic road, and the workbook
//   remembers it (document properties, and the trigger's snapshot for time-driven runs without them) until an admin
//   runs "Kiểm tra kết nối Google";
// - 400 (Google refused one request): the classic road for that document (or this run's sheet work) only.
// Each refusal is written once to "Nhật ký" with Google's own message.
import { getProp, setProp, type Ctx } from './context';
import { TRANSIENT, afterwards } from './respond';
import { audit } from './audit';

export type Road = 'sheets' | 'docs';

export interface Refusal {
  status: number;
  message: string;
  /** ISO time of the refusal. */
  at: string;
}

/** The roads the workbook remembers as refused; a road absent here is open. */
export type RoadState = Partial<Record<Road, Refusal>>;

export const ROADS_KEY = 'lhh.roads';

export const ROAD_NAMES: Record<Road, { api: string; classic: string }> = {
  sheets: { api: 'Google Sheets API', classic: 'SpreadsheetApp' },
  docs: { api: 'Google Docs API', classic: 'DocumentApp' },
};

export type ErrorClass = 'transient' | 'invalid' | 'refused' | 'other';

const RATE = /rate limit|quota|RESOURCE_EXHAUSTED|too many requests|backend error|UNAVAILABLE/i;
const REFUSED = /has not been used in project|it is disabled|SERVICE_DISABLED|API_KEY_SERVICE_BLOCKED|PERMISSION_DENIED|do(?:es)? not have permission|insufficient (?:authentication )?scopes|Requested entity was not found/i;
const INVALID = /Invalid requests?\[|Invalid value at|Invalid JSON payload|INVALID_ARGUMENT|Bad Request|must be inside the bounds|Invalid deletion range/i;

function messageOf(e: unknown): string {
  return String((e as { message?: unknown })?.message ?? e);
}

/** The HTTP status Google gave, when the error carries one (GoogleJsonResponseException.details.code). */
export function statusOf(e: unknown): number {
  const d = (e as { details?: { code?: unknown } } | null)?.details;
  const n = d && typeof d === 'object' ? Number(d.code) : NaN;
  return isFinite(n) ? n : 0;
}

/** Sorts an advanced service's error: transient ones first, so a rate limit never switches the road. */
export function classifyApiError(e: unknown): ErrorClass {
  const msg = messageOf(e);
  const code = statusOf(e);
  if (code === 429 || code >= 500 || TRANSIENT.test(msg) || RATE.test(msg)) return 'transient';
  if (code === 403 || code === 404 || (!code && REFUSED.test(msg))) return 'refused';
  if (code === 400 || (!code && INVALID.test(msg))) return 'invalid';
  return 'other';
}

/** Google's words without Apps Script's prefix, short enough for a log cell. */
export function googleMessage(e: unknown): string {
  return messageOf(e)
    .replace(/^API call to \S+ failed with error: /, '')
    .slice(0, 500);
}

/** What the workbook remembers (this run's view, read once). */
export function roadState(ctx: Ctx): RoadState {
  if (!ctx.roads) {
    const raw = getProp(ctx, ROADS_KEY);
    try {
      ctx.roads = raw ? (JSON.parse(raw) as RoadState) : {};
    } catch {
      ctx.roads = {};
    }
  }
  return ctx.roads;
}

/** Whether this run may take the advanced road: the service is installed and not refused. */
export function apiOpen(ctx: Ctx, road: Road): boolean {
  const installed = road === 'sheets' ? !!ctx.svc.Sheets : !!ctx.svc.Docs;
  return installed && !roadState(ctx)[road] && !(ctx.closedRoads && ctx.closedRoads[road]);
}

const snapshotKey = (uid: string) => `lhh.trigger.${uid}`;

/** Writes the road state where later runs read it: document properties, and the trigger snapshot this user keeps. */
export function saveRoads(ctx: Ctx, state: RoadState, uid?: string): void {
  ctx.roads = state;
  setProp(ctx, ROADS_KEY, JSON.stringify(state));
  const id = uid || ctx.triggerUid || triggerUidOf(ctx);
  if (!id) return;
  const props = ctx.svc.PropertiesService.getUserProperties();
  const raw = props.getProperty(snapshotKey(id));
  // Another admin's trigger keeps its snapshot in that admin's properties: it learns on its own first refusal.
  if (!raw) return;
  const snap = JSON.parse(raw) as Record<string, unknown>;
  props.setProperty(snapshotKey(id), JSON.stringify({ ...snap, roads: state }));
}

function triggerUidOf(ctx: Ctx): string {
  const raw = getProp(ctx, 'lhh.triggerOwner');
  try {
    return raw ? String((JSON.parse(raw) as { uid?: unknown }).uid || '') : '';
  } catch {
    return '';
  }
}

/**
 * Called with an advanced service's error: returns true when the caller should finish on the classic road (the
 * refusal is then logged once, and remembered for a 403/404), false when the error is the caller's to throw.
 */
export function refused(ctx: Ctx, road: Road, e: unknown, what: string): boolean {
  const cls = classifyApiError(e);
  if (cls !== 'refused' && cls !== 'invalid') return false;
  const status = statusOf(e) || (cls === 'refused' ? 403 : 400);
  const message = googleMessage(e);
  const names = ROAD_NAMES[road];
  const logged = (ctx.loggedRefusals = ctx.loggedRefusals || {});
  if (cls === 'refused') {
    ctx.closedRoads = { ...(ctx.closedRoads || {}), [road]: true };
    afterwards('road', () => saveRoads(ctx, { ...roadState(ctx), [road]: { status, message, at: ctx.now.toISOString() } }));
  } else if (road === 'sheets') {
    // A refused sheet request: the classic road for the rest of this run.
    ctx.closedRoads = { ...(ctx.closedRoads || {}), [road]: true };
  }
  const key = `${road}:${cls}:${what}`;
  if (!logged[key]) {
    logged[key] = true;
    const after =
      cls === 'refused'
        ? `Đã làm tiếp bằng ${names.classic}; các lần sau dùng ${names.classic} cho đến khi quản trị viên chạy "Kiểm tra kết nối Google".`
        : `Đã làm lại ${what} bằng ${names.classic}, chỉ lần này.`;
    afterwards('audit', () => audit(ctx, 'Google từ chối yêu cầu', names.api, `Mã ${status}: ${message} ${after}`));
  }
  return true;
}
