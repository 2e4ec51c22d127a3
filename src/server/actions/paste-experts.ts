// pasteExperts: the expert lists LHHs keep in Excel, pasted as rows; checked row by row, added only when every row is right.
import { AppError } from '../../core/errors';
import { MAX_PASTE_ROWS, nextExpertCode, parseExpertPaste } from '../../core/experts';
import { expertRecord } from '../../core/expert-sheets';
import { dateToIso } from '../../core/cells';
import { fieldMessage } from '../../core/messages';
import { appendRecords } from '../table';
import { assertContactReader, hasContactDetails, openContacts, saveContacts } from '../contacts';
import { audit } from '../audit';
import { afterwards } from '../respond';
import { openContext } from '../context';
import { withLock } from '../lock';
import { expertFields, loadRegisters } from '../registers';
import type { Services } from '../services';

export function pasteExperts(svc: Services, text: unknown, commit?: unknown) {
  if (typeof text !== 'string' || !text.trim()) throw new AppError('invalidInput', {}, { pasteText: { code: 'required' } });
  if (text.length > MAX_PASTE_ROWS * 1000) throw new AppError('invalidInput', {}, { pasteText: { code: 'tooLong', params: { max: MAX_PASTE_ROWS * 1000 } } });
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const run = () => {
    const reg = loadRegisters(ctx, ['experts', 'associations', 'organisations']);
    const r = parseExpertPaste(text, { fields: expertFields(ctx), organisations: reg.organisations.items, associations: reg.associations.items, existing: reg.experts.items }, dateToIso(ctx.now, ctx.tz));
    const errors = r.errors.map((e) => ({ line: e.line, field: e.field, message: fieldMessage(e.field, e.code, e.params) }));
    const withContacts = r.rows.filter((x) => hasContactDetails(x.contact)).length;
    const preview = { ok: true as const, rows: r.rows.length, withContacts, errors, added: [] as string[] };
    if (commit !== true) return preview;
    if (errors.length) throw new AppError('pasteHasErrors', { count: errors.length, first: `dòng ${errors[0].line}: ${errors[0].message}` });
    if (withContacts) assertContactReader(ctx);
    const codes = reg.experts.codes.slice();
    const experts = r.rows.map((x) => {
      const code = nextExpertCode(codes);
      codes.push(code);
      return { ...x.expert, code };
    });
    if (experts.length) appendRecords(reg.experts.table, experts.map(expertRecord));
    if (withContacts) {
      const book = openContacts(ctx);
      saveContacts(ctx, book, r.rows.map((x, k) => ({ code: experts[k].code, name: experts[k].name, ...x.contact })));
    }
    afterwards('audit', () => audit(ctx, 'Nhập danh sách chuyên gia', `${experts.length} người`, `${experts.map((e) => e.code).join(', ').slice(0, 1500)}${withContacts ? `; ${withContacts} liên hệ vào bảng liên hệ riêng` : ''}`));
    return { ...preview, added: experts.map((e) => e.code) };
  };
  return commit === true ? withLock(svc, run) : run();
}
