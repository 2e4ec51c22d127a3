// What the dossier actions share: its papers (numbered in Sổ văn bản), the one event it counts as, and the sidebar's view.
import { AppError } from '../core/errors';
import { dateToIso } from '../core/cells';
import { buildConsultationAnswer, buildInvitation, buildPanelDecision, type PaperInput } from '../core/consultation-docs';
import { dossierEvent, dossierStats, daysLeft, DOSSIER_FORMS, DOSSIER_KINDS, DOSSIER_STATES, UPTAKE_LEVELS, type Dossier } from '../core/dossiers';
import { dossierRecord } from '../core/expert-sheets';
import { displayName } from '../core/experts';
import { nextId } from '../core/event-input';
import { eventRecord } from '../core/records';
import { PANEL_ROLES, suggestPanel } from '../core/panel';
import type { DocModel } from '../core/report-model';
import type { LoggedEvent } from '../core/types';
import { renderDocWithApi } from './docs-api-renderer';
import { renderDoc } from './docs-renderer';
import { issueRegistered, readRegister, type DocKind, type Register, type RegisterEntry } from './register';
import { isLive } from '../core/register';
import { appendRecords, writeRecord } from './table';
import type { Workbook } from './repo';
import type { Registers } from './registers';
import { expertFields } from './registers';
import { audit } from './audit';
import { afterwards } from './respond';
import type { Ctx } from './context';

export type PaperKind = 'answer' | 'decision' | 'invitation';
/** The register's kind of each paper: its number series (BC, QĐ, GM) and its own recipients. */
export const PAPER_KIND: Record<PaperKind, DocKind> = { answer: 'consultation', decision: 'decision', invitation: 'invitation' };
const BUILD: Record<PaperKind, (i: PaperInput) => DocModel> = { answer: buildConsultationAnswer, decision: buildPanelDecision, invitation: buildInvitation };

/** The live paper of each kind a dossier has in Sổ văn bản (its subject key is the dossier's code). */
export function papersOf(entries: RegisterEntry[], code: string): Partial<Record<PaperKind, RegisterEntry>> {
  const out: Partial<Record<PaperKind, RegisterEntry>> = {};
  for (const k of ['answer', 'decision', 'invitation'] as PaperKind[]) {
    const rows = entries.filter((e) => e.subjectKey === code && e.kind === PAPER_KIND[k] && isLive(e));
    if (rows.length) out[k] = rows[rows.length - 1];
  }
  return out;
}

type Reg = Pick<Registers, 'dossiers' | 'experts' | 'organisations' | 'panel'>;

/**
 * Numbers (the BC, QĐ or GM series of the year), renders and registers one paper. Call under the
 * numbering lock; the register row is written only once the document exists, so no number is lost.
 * The answer's row carries the requesting body's address: a re-send goes there, not to Sở KH&CN.
 */
export function issuePaper(ctx: Ctx, reg: Reg, dossier: Dossier, kind: PaperKind, register: Register = readRegister(ctx), confirmed = false): RegisterEntry {
  const org = reg.organisations.items.find((o) => o.code === dossier.requesterCode);
  const panel = reg.panel.items.filter((m) => m.dossierCode === dossier.code);
  if (!panel.length) throw new AppError('dossierNoPanel', { code: dossier.code });
  const decision = papersOf(register.entries, dossier.code).decision;
  const today = dateToIso(ctx.now, ctx.tz);
  const members = panel.map((m) => reg.experts.items.find((e) => e.code === m.expertCode)).filter((e): e is NonNullable<typeof e> => !!e);
  const entry = issueRegistered(
    ctx,
    register,
    {
      kind: PAPER_KIND[kind],
      year: dossier.year,
      summary: dossier.subject,
      recipients: kind === 'answer' ? (org ? org.name : '') : members.map(displayName).join('; ').slice(0, 300),
      recipientEmails: kind === 'answer' && org && org.email ? [org.email] : [],
      subjectKey: dossier.code,
      confirmed,
    },
    (seq) => {
      const model = BUILD[kind]({ settings: ctx.settings, dossier, organisation: org, panel, experts: reg.experts.items, today, number: seq, decisionNumber: decision ? decision.number : undefined });
      const doc = ctx.svc.Docs
        ? renderDocWithApi(ctx.svc.Docs, model, (id) => ctx.svc.DriveApp.getFileById(id).setTrashed(true))
        : (() => {
            const d = renderDoc(ctx.svc.DocumentApp, model);
            d.saveAndClose();
            return { id: d.getId(), url: d.getUrl() };
          })();
      return { ...doc, summary: `${model.docType === 'BÁO CÁO' ? '' : model.docType.charAt(0) + model.docType.slice(1).toLowerCase() + ' '}${model.subject}`.trim() };
    },
  );
  afterwards('audit', () => audit(ctx, 'Lập văn bản', entry.number, `${dossier.code}: ${entry.summary}; ${entry.docUrl}`));
  return entry;
}

/**
 * The answer went out (by the add-on or outside it): the dossier moves to "Đã gửi kết quả" and ONE
 * event is recorded for its target, dated the day it was sent and costed with the panel's fees; the
 * event and the dossier name each other.
 */
export function countDossier(ctx: Ctx, wb: Workbook, reg: Reg, at: { dossier: Dossier; index: number }, patch: Partial<Dossier>): { dossier: Dossier; eventId: string } {
  const d: Dossier = { ...at.dossier, ...patch, state: 'Đã gửi kết quả' };
  const org = reg.organisations.items.find((o) => o.code === d.requesterCode);
  const fields = dossierEvent(d, org, d.answerDate || dateToIso(ctx.now, ctx.tz));
  let eventId = d.eventId;
  const existing = eventId ? wb.events.items.findIndex((e) => e.id === eventId) : -1;
  if (existing >= 0) {
    // Sent again after a cancellation: the same event comes back rather than a second one.
    const e = wb.events.items[existing];
    const ev: LoggedEvent = { ...e, ...fields, state: 'Hiệu lực', cancelReason: '', updatedBy: ctx.user };
    writeRecord(wb.events.table, wb.events.index[existing], { ...eventRecord(ev), updatedAt: ctx.now });
    wb.events.items[existing] = ev;
  } else {
    const ids = wb.events.items.map((x) => x.id).concat(wb.events.table.rows.map((r) => String(r[wb.events.table.col.id] ?? '')));
    eventId = nextId('HD', d.year, ids);
    const ev: LoggedEvent = { ...fields, id: eventId, year: d.year, state: 'Hiệu lực', cancelReason: '', createdBy: ctx.user, createdAt: '', updatedBy: '', updatedAt: '' };
    const row = appendRecords(wb.events.table, [{ ...eventRecord(ev), createdAt: ctx.now }]);
    wb.events.items.push(ev);
    wb.events.index.push(row - 2);
  }
  d.eventId = eventId;
  writeRecord(reg.dossiers.table, at.index, dossierRecord(d));
  replaceItem(reg, at.index, d);
  return { dossier: d, eventId };
}

/** Cancelling a counted dossier cancels its event: the target goes back by one. */
export function uncountDossier(ctx: Ctx, wb: Workbook, d: Dossier, reason: string): string {
  if (!d.eventId) return '';
  const i = wb.events.items.findIndex((e) => e.id === d.eventId);
  if (i < 0 || wb.events.items[i].state === 'Đã hủy') return '';
  const why = `Hủy theo hồ sơ tư vấn ${d.code}: ${reason}`.slice(0, 500);
  writeRecord(wb.events.table, wb.events.index[i], { state: 'Đã hủy', cancelReason: why, updatedBy: ctx.user, updatedAt: ctx.now });
  wb.events.items[i] = { ...wb.events.items[i], state: 'Đã hủy', cancelReason: why };
  return d.eventId;
}

export function replaceItem(reg: Pick<Registers, 'dossiers'>, rowIndex: number, d: Dossier): void {
  const k = reg.dossiers.index.indexOf(rowIndex);
  if (k >= 0) reg.dossiers.items[k] = d;
}

// ---------------------------------------------------------------------------------------------------
// The sidebar's view

export interface DossierRow {
  code: string;
  consultKind: string;
  subject: string;
  requester: string;
  deadline: string;
  daysLeft: number | null;
  state: string;
  answerNumber: string;
}

export function dossierView(ctx: Ctx, reg: Registers, code?: string, register?: { entries: RegisterEntry[] }) {
  const year = ctx.settings.planYear;
  const today = dateToIso(ctx.now, ctx.tz);
  const orgName = new Map(reg.organisations.items.map((o) => [o.code, o.name] as const));
  const rows: DossierRow[] = reg.dossiers.items
    .filter((d) => d.year === year)
    .map((d) => ({ code: d.code, consultKind: d.consultKind, subject: d.subject, requester: orgName.get(d.requesterCode) || d.requesterCode, deadline: d.deadline, daysLeft: daysLeft(d, today), state: d.state, answerNumber: d.answerNumber }))
    .reverse();
  let detail = null;
  if (code) {
    const d = reg.dossiers.items.find((x) => x.code === code);
    if (d) {
      const byCode = new Map(reg.experts.items.map((e) => [e.code, e] as const));
      const panel = reg.panel.items
        .filter((m) => m.dossierCode === d.code)
        .map((m) => {
          const e = byCode.get(m.expertCode);
          return { expertCode: m.expertCode, name: e ? displayName(e) : `Chuyên gia ${m.expertCode}`, role: m.role, fee: m.fee, conflict: !!e && !!e.workplaceCode && e.workplaceCode === d.requesterCode };
        });
      const papers = papersOf((register || readRegister(ctx)).entries, d.code);
      const paper = (k: PaperKind) => (papers[k] ? { number: papers[k]!.number, url: papers[k]!.docUrl, state: papers[k]!.state } : null);
      detail = {
        dossier: d,
        requester: reg.organisations.items.find((o) => o.code === d.requesterCode) || null,
        panel,
        suggestions: suggestPanel(reg.experts.items, d, reg.panel.items, reg.dossiers.items),
        papers: { answer: paper('answer'), decision: paper('decision'), invitation: paper('invitation') },
      };
    }
  }
  return {
    ok: true as const,
    year,
    today,
    stats: dossierStats(reg.dossiers.items, year, today),
    dossiers: rows,
    organisations: reg.organisations.items.map((o) => ({ code: o.code, name: o.name, hasEmail: !!o.email })),
    mapping: reg.kindTargets.items.filter((m) => m.year === year),
    choices: { kinds: [...DOSSIER_KINDS], forms: [...DOSSIER_FORMS], states: [...DOSSIER_STATES], uptake: [...UPTAKE_LEVELS], roles: [...PANEL_ROLES], fields: expertFields(ctx) },
    detail,
  };
}
