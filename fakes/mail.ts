// MailApp fake: validates like Apps Script, enforces the daily recipient quota, records messages in an outbox.

import { Fake, fromB64, gasError, toB64, type Exec, type StoredMail } from './core';
import { asBlob } from './blob';

export interface SentMail {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  replyTo: string | null;
  name: string | null;
  attachments: { name: string; contentType: string; bytes: Uint8Array }[];
  sentAt: Date;
}

export function toSentMail(m: StoredMail): SentMail {
  return { ...m, attachments: m.attachments.map((a) => ({ name: a.name, contentType: a.contentType, bytes: fromB64(a.b64) })), sentAt: new Date(m.sentAt) };
}

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

function addresses(x: Exec, s: unknown): string[] {
  if (s === undefined || s === null || s === '') return [];
  const list = String(s)
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of list) {
    const m = /<([^>]+)>\s*$/.exec(a);
    const addr = m ? m[1] : a;
    if (!EMAIL.test(addr)) throw gasError(x, `Invalid email: ${a}`);
  }
  return list;
}

function dayKey(x: Exec): string {
  // Quota is per user and per day of the simulated clock.
  return `${x.user}|${Math.floor(x.g.nowMs() / 86400000)}`;
}

export class MailAppF extends Fake {
  static override KEY = 'MailApp';
  getRemainingDailyQuota(): number {
    return Math.max(0, this._x.g.mailQuota - (this._x.g.state.mail.used[dayKey(this._x)] ?? 0));
  }
  sendEmail(a: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    let msg: Record<string, unknown>;
    if (a !== null && typeof a === 'object') msg = { ...(a as Record<string, unknown>) };
    else if (typeof d === 'string') msg = { to: a, replyTo: b, subject: c, body: d };
    else msg = { ...((d as Record<string, unknown>) ?? {}), to: a, subject: b, body: c };
    const x = this._x;
    const to = addresses(x, msg.to ?? msg.recipient);
    const cc = addresses(x, msg.cc);
    const bcc = addresses(x, msg.bcc);
    if (to.length + cc.length + bcc.length === 0) throw gasError(x, 'Failed to send email: no recipient');
    if (msg.subject === undefined || msg.subject === null) throw gasError(x, 'Invalid argument: subject');
    if (msg.body === undefined && msg.htmlBody === undefined) throw gasError(x, 'Invalid argument: body');
    if (msg.replyTo) addresses(x, msg.replyTo);
    const n = to.length + cc.length + bcc.length;
    if (this.getRemainingDailyQuota() < n) throw gasError(x, 'Service invoked too many times for one day: email.');
    const atts = Array.isArray(msg.attachments) ? msg.attachments.map((v) => asBlob(x, v)) : [];
    const st = x.g.state.mail;
    st.used[dayKey(x)] = (st.used[dayKey(x)] ?? 0) + n;
    st.outbox.push({
      from: x.user,
      to: to.join(','),
      cc: cc.join(','),
      bcc: bcc.join(','),
      subject: String(msg.subject),
      body: msg.body === undefined || msg.body === null ? '' : String(msg.body),
      htmlBody: msg.htmlBody === undefined || msg.htmlBody === null ? null : String(msg.htmlBody),
      replyTo: msg.replyTo ? String(msg.replyTo) : null,
      name: msg.name ? String(msg.name) : null,
      attachments: atts.map((bl) => ({ name: bl._name ?? 'attachment', contentType: bl._type ?? 'application/octet-stream', b64: toB64(bl._bytes) })),
      sentAt: x.g.nowMs(),
    });
  }
}
