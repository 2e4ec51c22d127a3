// Blob fake shared by Utilities, DriveApp, DocumentApp and MailApp.

import { Fake, bytesFrom, gasError, toSigned, type Exec } from './core';

export class BlobF extends Fake {
  static override KEY = 'Utilities.Blob';
  _bytes: Uint8Array;
  constructor(
    x: Exec,
    bytes: Uint8Array,
    public _type: string | null,
    public _name: string | null,
  ) {
    super(x);
    this._bytes = bytes;
  }
  getBytes(): number[] {
    return toSigned(this._bytes);
  }
  setBytes(data: unknown): this {
    this._bytes = bytesFrom(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    const enc = charset && /^(us-ascii|iso-8859-1|latin1)$/i.test(charset) ? 'latin1' : 'utf8';
    return Buffer.from(this._bytes).toString(enc);
  }
  setDataFromString(s: string): this {
    this._bytes = bytesFrom(String(s));
    return this;
  }
  getContentType(): string | null {
    return this._type;
  }
  setContentType(t: string): this {
    this._type = t;
    return this;
  }
  getName(): string | null {
    return this._name;
  }
  setName(n: string): this {
    this._name = n;
    return this;
  }
  copyBlob(): BlobF {
    return new BlobF(this._x, new Uint8Array(this._bytes), this._type, this._name);
  }
  getBlob(): BlobF {
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  getAs(contentType: string): BlobF {
    if (contentType === this._type) return this.copyBlob();
    throw gasError(this._x, `Converting from ${this._type} to ${contentType} is not supported.`);
  }
}

/** Accepts a blob (or BlobSource: anything with getBlob) from the script; returns the raw fake. */
export function asBlob(x: Exec, v: unknown): BlobF {
  if (v instanceof BlobF) return v;
  const src = v as { getBlob?: () => unknown } | null;
  if (src && typeof src.getBlob === 'function') {
    const b = src.getBlob();
    if (b instanceof BlobF) return b;
  }
  throw gasError(x, 'Invalid argument: blob');
}
