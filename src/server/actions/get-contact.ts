// getContact: one person's phone, email and address from the restricted contacts file, for the people settings name only.
import { AppError } from '../../core/errors';
import { openContext } from '../context';
import { openContacts } from '../contacts';
import { audit } from '../audit';
import { afterwards } from '../respond';
import type { Services } from '../services';

export function getContact(svc: Services, code: unknown) {
  if (typeof code !== 'string' || !/^[A-Za-z0-9-]{1,20}$/.test(code.trim())) throw new AppError('invalidInput', {}, { code: { code: 'required' } });
  const ctx = openContext(svc);
  if (!ctx.configured) throw new AppError('notSetUp');
  const book = openContacts(ctx);
  const c = book.byCode.get(code.trim())?.contact;
  // Who looked at whose contact is kept: reading personal data is an act the law asks to trace.
  afterwards('audit', () => audit(ctx, 'Xem thông tin liên hệ', code.trim(), c ? 'có' : 'không có'));
  return { ok: true as const, code: code.trim(), phone: c ? c.phone : '', email: c ? c.email : '', address: c ? c.address : '' };
}
