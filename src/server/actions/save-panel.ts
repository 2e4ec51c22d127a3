// savePanel: the dossier's council or expert group, with roles and fees from the rate table; a conflict of interest needs the user's confirmation.
import { AppError } from '../../core/errors';
import { dossierRecord } from '../../core/expert-sheets';
import { feeTotal, withFees } from '../../core/fees';
import { checkPanel } from '../../core/panel';
import { SHEETS } from '../../core/sheets';
import { appendRecords, writeRecord } from '../table';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { dossierView, replaceItem } from '../dossier-flow';
import { findDossier, loadRegisters } from '../registers';
import { ALL_REGISTERS } from './get-dossier-view';
import type { Services } from '../services';

export function savePanel(svc: Services, code: unknown, picks: unknown, confirmConflicts?: unknown) {
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  return withLock(svc, () => {
    const reg = loadRegisters(ctx, ALL_REGISTERS, [SHEETS.register]);
    const at = findDossier(reg, code);
    const d = at.dossier;
    if (d.state !== 'Tiếp nhận' && d.state !== 'Đang thực hiện') throw new AppError('dossierBadMove', { code: d.code, from: d.state, to: 'Đang thực hiện' });
    const checked = checkPanel(picks, reg.experts.items, d);
    const names = checked.conflicts.map((c) => reg.experts.items.find((e) => e.code === c)?.name || c);
    if (names.length && confirmConflicts !== true) throw new AppError('panelConflict', { names: names.join(', '), org: reg.organisations.items.find((o) => o.code === d.requesterCode)?.name || d.requesterCode });
    const members = withFees(reg.feeRates.items, d.consultKind, checked.members);
    // The dossier's old seats are overwritten in place, the surplus emptied, the rest appended: the sheet does not fill with blank rows.
    const old = reg.panel.items.map((m, k) => ({ m, row: reg.panel.index[k] })).filter((x) => x.m.dossierCode === d.code);
    const blank = { dossierCode: '', expertCode: '', role: '', fee: null };
    old.forEach((x, k) => writeRecord(reg.panel.table, x.row, k < members.length ? { ...members[k] } : blank));
    if (members.length > old.length) appendRecords(reg.panel.table, members.slice(old.length).map((m) => ({ ...m })));
    const keep = reg.panel.items.map((m, k) => ({ m, row: reg.panel.index[k] })).filter((x) => x.m.dossierCode !== d.code);
    reg.panel.items = [...keep.map((x) => x.m), ...members];
    reg.panel.index = [...keep.map((x) => x.row), ...members.map((_, k) => (k < old.length ? old[k].row : -1))];
    const next = { ...d, state: 'Đang thực hiện' as const, cost: feeTotal(members) };
    writeRecord(reg.dossiers.table, at.index, dossierRecord(next));
    replaceItem(reg, at.index, next);
    afterwards('audit', () => audit(ctx, 'Lập hội đồng tư vấn', d.code, members.map((m) => `${m.expertCode} (${m.role})`).join('; ') + (names.length ? `; xung đột lợi ích đã xác nhận: ${names.join(', ')}` : '')));
    return { ...dossierView(ctx, reg, d.code), conflicts: names };
  });
}
