// getSettings / saveSettings / setNextNumber: the settings sidebar's server side; changes are admins' only.
import { AppError } from '../../core/errors';
import { dailyDutyOn, isAdmin, validateSettings } from '../../core/settings';
import { syncContactSharing } from '../contacts';
import { afterwards } from '../respond';
import { settingsChanges } from '../../core/audit-text';
import { audit } from '../audit';
import { openContext, saveSettingsProp, type Ctx } from '../context';
import { withLock } from '../lock';
import { nextNumber, readRegister, setNextNumber as storeNextNumber, DOC_STATES, type DocType } from '../register';
import { DOC_TYPES, isDocType } from '../../core/register';
import { noteOwnerAuthorised, readTriggerInfo, syncTrigger } from '../triggers';
import { reauthNotice } from '../../core/forms';
import type { Services } from '../services';

function view(ctx: Ctx) {
  const reg = readRegister(ctx);
  const year = ctx.settings.planYear;
  const attention = reg.entries
    // Documents made but never sent are listed too, so closing the report sidebar loses nothing.
    .filter((e) => e.year === year && !e.docId.startsWith('email:'))
    .filter((e) => e.state === DOC_STATES.unknown || e.state === DOC_STATES.review || e.state === DOC_STATES.failed || e.state === DOC_STATES.drafted)
    .map((e) => ({ number: e.number, summary: e.summary, state: e.state, docUrl: e.docUrl, docId: e.docId, jobKey: e.jobKey }));
  return {
    ok: true as const,
    settings: ctx.settings,
    user: ctx.user,
    isAdmin: isAdmin(ctx.settings, ctx.user),
    trigger: readTriggerInfo(ctx),
    /** Who must open the add-on once to authorise the new scopes, in words; '' when nobody. */
    reauth: reauthNotice(readTriggerInfo(ctx), ctx.now.toISOString()),
    nextNumbers: Object.fromEntries(DOC_TYPES.map((t) => [t, nextNumber(ctx, reg.entries, year, t)])) as Record<DocType, number | null>,
    attention,
  };
}

export function getSettings(svc: Services) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  noteOwnerAuthorised(ctx);
  return view(ctx);
}

export function saveSettings(svc: Services, input: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  if (!isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
  return withLock(svc, () => {
    const before = ctx.settings;
    const next = validateSettings(input, before);
    // An admin cannot lock everyone out by removing the last admin who is themself.
    if (!next.admins.includes(ctx.user) && !next.admins.length) throw new AppError('invalidInput', {}, { admins: { code: 'emptyList' } });
    saveSettingsProp(ctx, next);
    // The trigger moves to whoever changes the schedule (or restores a missing one); saving other
    // settings leaves it where it is, with its history.
    const info = readTriggerInfo(ctx);
    const scheduleChanged = JSON.stringify(before.schedule) !== JSON.stringify(next.schedule) || dailyDutyOn(before) !== dailyDutyOn(next);
    const orphaned = dailyDutyOn(next) && (!info || !next.admins.includes(info.owner));
    if (scheduleChanged || orphaned) syncTrigger(ctx, next);
    // The contacts file follows the people settings name.
    if (JSON.stringify(before.contactReaders || []) !== JSON.stringify(next.contactReaders || []) || JSON.stringify(before.admins) !== JSON.stringify(next.admins)) afterwards('contacts sharing', () => syncContactSharing(ctx));
    const changes = settingsChanges(before, next);
    if (changes) audit(ctx, 'Sửa cài đặt', '', changes);
    return view(ctx);
  });
}

export function setNextNumber(svc: Services, input: unknown) {
  const o = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  if (!isDocType(o.type)) throw new AppError('invalidInput', {}, { kind: { code: 'invalidChoice', params: { choices: DOC_TYPES.join(', ') } } });
  if (o.next !== null && (typeof o.next !== 'number' || !Number.isInteger(o.next) || o.next < 1 || o.next > 9999)) {
    throw new AppError('invalidInput', {}, { nextNumber: { code: 'notPositive' } });
  }
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  if (!isAdmin(ctx.settings, ctx.user)) throw new AppError('notAdmin');
  return withLock(svc, () => {
    storeNextNumber(ctx, ctx.settings.planYear, o.type as DocType, o.next as number | null);
    audit(ctx, 'Đặt số văn bản tiếp theo', String(o.type), o.next === null ? 'Để trống cho văn thư điền' : `Số tiếp theo: ${o.next}`);
    return view(ctx);
  });
}
