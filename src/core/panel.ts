// Panels of a dossier: who to suggest (fields, consent, how busy this year), conflicts of interest, checks, fees.
import { AppError, type FieldProblem } from './errors';
import { foldVn, type Expert } from './experts';
import type { Dossier } from './dossiers';

export const PANEL_ROLES = ['Chủ tịch hội đồng', 'Phản biện', 'Ủy viên', 'Thư ký', 'Chuyên gia'] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

/** One seat on a dossier's panel (sheet "Thành viên hội đồng"). */
export interface PanelMember {
  dossierCode: string;
  expertCode: string;
  role: PanelRole;
  /** Whole VND; from the rate table unless the staff changed it. */
  fee: number | null;
}

export interface Suggestion {
  code: string;
  name: string;
  academicTitle: string;
  degree: string;
  workplace: string;
  fields: string[];
  /** Fields shared with the dossier. */
  matches: number;
  /** Panels sat on this year (not counting this dossier, nor cancelled dossiers). */
  panelsThisYear: number;
  /** Works for the requesting body (matched by the organisation's code). */
  conflict: boolean;
}

/** Works for the body that asked: the same organisation code, never a spelling comparison. */
export const hasConflict = (e: Pick<Expert, 'workplaceCode'>, d: Pick<Dossier, 'requesterCode'>): boolean => !!e.workplaceCode && e.workplaceCode === d.requesterCode;

/**
 * Active experts who consented, whose fields meet the dossier's (all of them when the dossier names
 * none), most matching fields first, then the least busy this year; conflicts are shown, not hidden.
 */
export function suggestPanel(experts: readonly Expert[], dossier: Dossier, members: readonly PanelMember[], dossiers: readonly Dossier[], limit = 30): Suggestion[] {
  const yearOf = new Map(dossiers.map((d) => [d.code, d] as const));
  const busy = new Map<string, number>();
  for (const m of members) {
    const d = yearOf.get(m.dossierCode);
    if (!d || d.year !== dossier.year || d.state === 'Hủy' || d.code === dossier.code) continue;
    busy.set(m.expertCode, (busy.get(m.expertCode) || 0) + 1);
  }
  const wanted = dossier.fields.map(foldVn);
  const out: Suggestion[] = [];
  for (const e of experts) {
    if (e.state !== 'Đang hoạt động' || !e.consent) continue;
    const matches = e.fields.filter((f) => wanted.includes(foldVn(f))).length;
    if (wanted.length && !matches) continue;
    out.push({
      code: e.code,
      name: e.name,
      academicTitle: e.academicTitle,
      degree: e.degree,
      workplace: e.workplace,
      fields: e.fields,
      matches,
      panelsThisYear: busy.get(e.code) || 0,
      conflict: hasConflict(e, dossier),
    });
  }
  out.sort((a, b) => b.matches - a.matches || a.panelsThisYear - b.panelsThisYear || (a.code < b.code ? -1 : 1));
  return out.slice(0, limit);
}

export interface PanelPick {
  expertCode: string;
  role: string;
  fee?: number | string | null;
}

export const MAX_PANEL = 30;

/**
 * Checks the panel the user picked: known, active and consenting experts, each once, known roles,
 * at most one chair. Conflicts are returned as warnings: the user was warned and may still choose.
 */
export function checkPanel(picks: unknown, experts: readonly Expert[], dossier: Dossier): { members: PanelMember[]; conflicts: string[] } {
  const fields: Record<string, FieldProblem> = {};
  if (!Array.isArray(picks) || picks.length === 0 || picks.length > MAX_PANEL) throw new AppError('invalidInput', {}, { panel: { code: Array.isArray(picks) && picks.length ? 'tooLarge' : 'required', params: { max: MAX_PANEL } } });
  const byCode = new Map(experts.map((e) => [e.code, e] as const));
  const members: PanelMember[] = [];
  const conflicts: string[] = [];
  picks.forEach((p: unknown, i) => {
    const key = `panel.${i}`;
    const pick = p as PanelPick;
    if (!p || typeof p !== 'object' || typeof pick.expertCode !== 'string' || typeof pick.role !== 'string') {
      fields[key] = { code: 'invalidType' };
      return;
    }
    const e = byCode.get(pick.expertCode.trim());
    const role = PANEL_ROLES.find((r) => r === pick.role.normalize('NFC').trim());
    let fee: number | null = null;
    if (pick.fee !== undefined && pick.fee !== null && pick.fee !== '') {
      const n = typeof pick.fee === 'number' ? pick.fee : Number(String(pick.fee).replace(/[.\s]|đ$/g, ''));
      if (!Number.isInteger(n) || n < 0 || n > 1e10) fields[key] = { code: 'invalidMoney' };
      else fee = n;
    }
    if (!e) fields[key] = { code: 'unknownExpert', params: { value: pick.expertCode.slice(0, 20) } };
    else if (e.state !== 'Đang hoạt động' || !e.consent) fields[key] = { code: 'expertUnavailable', params: { value: e.code } };
    else if (members.some((m) => m.expertCode === e.code)) fields[key] = { code: 'duplicateExpert', params: { value: e.name } };
    else if (!role) fields[key] = { code: 'invalidChoice', params: { choices: PANEL_ROLES.join(', ') } };
    if (fields[key] || !e || !role) return;
    if (hasConflict(e, dossier)) conflicts.push(e.code);
    members.push({ dossierCode: dossier.code, expertCode: e.code, role, fee });
  });
  if (members.filter((m) => m.role === 'Chủ tịch hội đồng').length > 1) fields.panel = { code: 'oneChair' };
  if (Object.keys(fields).length) throw new AppError('invalidInput', {}, fields);
  return { members, conflicts };
}
