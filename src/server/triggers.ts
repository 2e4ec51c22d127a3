// The one time-driven trigger: whose it is, where it is recorded, and how a stale one removes itself.
import type { Settings } from '../core/types';
import { dailyDutyOn } from '../core/settings';
import { PROP, deleteProp, getProp, setProp, type Ctx } from './context';
import { roadState, type RoadState } from './roads';
import { SCOPE_VERSION } from '../core/forms';

export const SCHEDULE_HANDLER = 'runScheduledReports';

export interface TriggerInfo {
  owner: string;
  uid: string;
  createdAt: string;
  lastRun: string;
  lastOutcome: string;
  /** The manifest's scopes the owner had authorised when last seen running (SCOPE_VERSION); absent before forms. */
  scopeVersion?: string;
}

export function readTriggerInfo(ctx: Ctx): TriggerInfo | null {
  const raw = getProp(ctx, PROP.triggerOwner);
  return raw ? (JSON.parse(raw) as TriggerInfo) : null;
}

export function writeTriggerInfo(ctx: Ctx, info: TriggerInfo | null): void {
  if (info) setProp(ctx, PROP.triggerOwner, JSON.stringify(info));
  else deleteProp(ctx, PROP.triggerOwner);
}

const userKey = (uid: string) => `lhh.trigger.${uid}`;

/**
 * Makes the caller's project hold exactly one time-driven trigger for the schedule (or none when
 * it is off). Google lets an add-on one trigger of a type per user per document, and other users'
 * triggers are invisible: theirs notice on their next run that they are no longer the owner.
 */
export function syncTrigger(ctx: Ctx, settings: Settings): TriggerInfo | null {
  const SA = ctx.svc.ScriptApp;
  for (const t of SA.getUserTriggers(ctx.ss)) {
    if (t.getHandlerFunction() === SCHEDULE_HANDLER) {
      SA.deleteTrigger(t);
      ctx.svc.PropertiesService.getUserProperties().deleteProperty(userKey(t.getUniqueId()));
    }
  }
  const previous = readTriggerInfo(ctx);
  if (!dailyDutyOn(settings)) {
    if (previous && previous.owner === ctx.user) writeTriggerInfo(ctx, null);
    else if (previous) writeTriggerInfo(ctx, null);
    return null;
  }
  const trigger = SA.newTrigger(SCHEDULE_HANDLER)
    .timeBased()
    .atHour(settings.schedule.hour)
    .everyDays(1)
    .inTimezone(ctx.tz)
    .create();
  const uid = trigger.getUniqueId();
  // A time-driven add-on run may have no document: it finds its spreadsheet from its own trigger id.
  ctx.svc.PropertiesService.getUserProperties().setProperty(userKey(uid), JSON.stringify({ spreadsheetId: ctx.ss.getId(), settings, roads: roadState(ctx) }));
  const info: TriggerInfo = { owner: ctx.user, uid, createdAt: ctx.now.toISOString(), lastRun: '', lastOutcome: '', scopeVersion: SCOPE_VERSION };
  writeTriggerInfo(ctx, info);
  return info;
}

/** What the owner's trigger needs when its run has no document: the spreadsheet id, a settings snapshot, the roads refused. */
export function triggerHome(ctx: Pick<Ctx, 'svc'>, uid: string): { spreadsheetId: string; settings: Settings; roads?: RoadState } | null {
  const raw = ctx.svc.PropertiesService.getUserProperties().getProperty(userKey(uid));
  return raw ? (JSON.parse(raw) as { spreadsheetId: string; settings: Settings; roads?: RoadState }) : null;
}

/** A run under a trigger that is no longer the recorded one deletes it. */
export function removeTrigger(ctx: Pick<Ctx, 'svc'>, uid: string): void {
  const SA = ctx.svc.ScriptApp;
  for (const t of SA.getProjectTriggers()) if (t.getUniqueId() === uid) SA.deleteTrigger(t);
  ctx.svc.PropertiesService.getUserProperties().deleteProperty(userKey(uid));
}

/**
 * A run of the owner's own proves they authorised the manifest's scopes (Google runs nothing before):
 * record it, so Cài đặt stops asking them to open the add-on.
 */
export function noteOwnerAuthorised(ctx: Ctx): void {
  const info = readTriggerInfo(ctx);
  if (info && info.scopeVersion !== SCOPE_VERSION && info.owner && info.owner === ctx.user) writeTriggerInfo(ctx, { ...info, scopeVersion: SCOPE_VERSION });
}
