// The expert sidebar's state: a search over the register, the lists its form needs, and whether contacts may be shown.
import { searchExperts, displayName, ACADEMIC_TITLES, DEGREES, EXPERT_STATES, PROVINCE_SCOPES, ASSOCIATION_KINDS, ASSOCIATION_STATES, type ExpertQuery } from '../core/experts';
import { isPlainObject } from '../core/field-check';
import { canReadContacts } from '../core/settings';
import type { Registers } from './registers';
import { expertFields } from './registers';
import type { Ctx } from './context';

export function readQuery(q: unknown): ExpertQuery {
  if (!isPlainObject(q)) return {};
  const s = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');
  return { text: s(q.text), field: s(q.field), associationCode: s(q.associationCode), includeInactive: q.includeInactive === true };
}

export function expertsView(ctx: Ctx, reg: Pick<Registers, 'experts' | 'associations' | 'organisations'>, query: ExpertQuery = {}) {
  const found = searchExperts(reg.experts.items, query);
  return {
    ok: true as const,
    total: found.total,
    count: reg.experts.items.length,
    experts: found.items.map((e) => ({ ...e, display: displayName(e) })),
    associations: reg.associations.items,
    organisations: reg.organisations.items.map((o) => ({ code: o.code, name: o.name })),
    canReadContacts: canReadContacts(ctx.settings, ctx.user),
    choices: {
      fields: expertFields(ctx),
      titles: [...ACADEMIC_TITLES],
      degrees: [...DEGREES],
      states: [...EXPERT_STATES],
      scopes: [...PROVINCE_SCOPES],
      associationKinds: [...ASSOCIATION_KINDS],
      associationStates: [...ASSOCIATION_STATES],
    },
  };
}
