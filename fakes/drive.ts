// DriveApp fake: files (uploaded blobs, and the docs/spreadsheets the other fakes create), folders, iterators.

import { Fake, fromB64, gasError, toB64, wrap, type DriveFileState, type Exec } from './core';
import { BlobF, asBlob } from './blob';
import { docPdfBytes } from './document';
import { SpreadsheetF } from './spreadsheet';

const enumOf = (...keys: string[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<string, string>);

export const MimeType = Object.freeze({
  GOOGLE_DOCS: 'application/vnd.google-apps.document',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  GOOGLE_DRIVE_FOLDER: 'application/vnd.google-apps.folder',
  FOLDER: 'application/vnd.google-apps.folder',
  PDF: 'application/pdf',
  PLAIN_TEXT: 'text/plain',
  HTML: 'text/html',
  CSV: 'text/csv',
  JSON: 'application/json',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  ZIP: 'application/zip',
});

const NOT_FOUND = 'No item with the given ID could be found, or you do not have permission to access it.';

type Kind = 'file' | 'doc' | 'sheet';

function kindOf(x: Exec, id: string): Kind | null {
  const s = x.g.state;
  if (s.drive.files[id]) return 'file';
  if (s.docs[id]) return 'doc';
  if (s.spreadsheets[id]) return 'sheet';
  return null;
}

function parentsOf(x: Exec, id: string): string[] {
  const s = x.g.state;
  return s.drive.files[id]?.parents ?? s.drive.placement[id] ?? ['root'];
}

function setParents(x: Exec, id: string, parents: string[]): void {
  const s = x.g.state;
  if (s.drive.files[id]) s.drive.files[id].parents = parents;
  else s.drive.placement[id] = parents;
}

function allIds(x: Exec): string[] {
  const s = x.g.state;
  return [...Object.keys(s.drive.files), ...Object.keys(s.docs), ...Object.keys(s.spreadsheets)];
}

function storeFile(x: Exec, blob: BlobF, folder: string): string {
  const id = x.g.nextId('1File');
  const f: DriveFileState = { id, name: blob._name ?? 'Untitled', mimeType: blob._type ?? 'application/octet-stream', b64: toB64(blob._bytes), parents: [folder], createdAt: x.g.nowMs(), trashed: false, owner: x.user };
  x.g.state.drive.files[id] = f;
  return id;
}

export class DriveAppF extends Fake {
  static override KEY = 'DriveApp';
  readonly MimeType = MimeType;
  readonly Access = enumOf('ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE');
  readonly Permission = enumOf('VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE');
  getFileById(id: string): FileF {
    if (!kindOf(this._x, String(id))) throw gasError(this._x, NOT_FOUND);
    return new FileF(this._x, String(id));
  }
  getFolderById(id: string): FolderF {
    if (!this._x.g.state.drive.folders[String(id)]) throw gasError(this._x, NOT_FOUND);
    return new FolderF(this._x, String(id));
  }
  getRootFolder(): FolderF {
    return new FolderF(this._x, 'root');
  }
  createFile(a: unknown, content?: string, mimeType?: string): FileF {
    return new FolderF(this._x, 'root').createFile(a, content, mimeType);
  }
  createFolder(name: string): FolderF {
    return new FolderF(this._x, 'root').createFolder(name);
  }
  getFiles(): IteratorF {
    return new IteratorF(
      this._x,
      allIds(this._x).map((id) => new FileF(this._x, id)),
      'DriveApp.FileIterator',
    );
  }
  getFilesByName(name: string): IteratorF {
    return new IteratorF(
      this._x,
      allIds(this._x)
        .map((id) => new FileF(this._x, id))
        .filter((f) => f.getName() === name),
      'DriveApp.FileIterator',
    );
  }
  getFolders(): IteratorF {
    return new IteratorF(
      this._x,
      Object.keys(this._x.g.state.drive.folders)
        .filter((id) => id !== 'root')
        .map((id) => new FolderF(this._x, id)),
      'DriveApp.FolderIterator',
    );
  }
  getFoldersByName(name: string): IteratorF {
    return new IteratorF(
      this._x,
      Object.values(this._x.g.state.drive.folders)
        .filter((f) => f.name === name && f.id !== 'root')
        .map((f) => new FolderF(this._x, f.id)),
      'DriveApp.FolderIterator',
    );
  }
}

export class IteratorF extends Fake {
  static override KEY = 'DriveApp.Iterator';
  _i = 0;
  constructor(
    x: Exec,
    readonly _items: Fake[],
    readonly _key: string,
  ) {
    super(x);
  }
  hasNext(): boolean {
    return this._i < this._items.length;
  }
  next(): Fake {
    if (this._i >= this._items.length) throw gasError(this._x, 'Cannot retrieve the next object: iterator has reached the end.');
    return this._items[this._i++];
  }
  getContinuationToken(): string {
    return String(this._i);
  }
}

export class FileF extends Fake {
  static override KEY = 'DriveApp.File';
  constructor(
    x: Exec,
    readonly _id: string,
  ) {
    super(x);
  }
  _kind(): Kind {
    const k = kindOf(this._x, this._id);
    if (!k) throw gasError(this._x, NOT_FOUND);
    return k;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    const s = this._x.g.state;
    const k = this._kind();
    return k === 'file' ? s.drive.files[this._id].name : k === 'doc' ? s.docs[this._id].name : s.spreadsheets[this._id].name;
  }
  setName(n: string): this {
    const s = this._x.g.state;
    const k = this._kind();
    if (k === 'file') s.drive.files[this._id].name = n;
    else if (k === 'doc') s.docs[this._id].name = n;
    else s.spreadsheets[this._id].name = n;
    return this;
  }
  getMimeType(): string {
    const k = this._kind();
    return k === 'file' ? this._x.g.state.drive.files[this._id].mimeType : k === 'doc' ? MimeType.GOOGLE_DOCS : MimeType.GOOGLE_SHEETS;
  }
  getUrl(): string {
    const k = this._kind();
    return k === 'doc' ? `https://docs.google.com/document/d/${this._id}/edit?usp=drivesdk` : k === 'sheet' ? `https://docs.google.com/spreadsheets/d/${this._id}/edit?usp=drivesdk` : `https://drive.google.com/file/d/${this._id}/view?usp=drivesdk`;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this._id}&export=download`;
  }
  getBlob(): BlobF {
    const k = this._kind();
    const s = this._x.g.state;
    if (k === 'file') {
      const f = s.drive.files[this._id];
      return new BlobF(this._x, fromB64(f.b64), f.mimeType, f.name);
    }
    // Google files come out as PDF, as DriveApp does.
    if (k === 'doc') return new BlobF(this._x, docPdfBytes(s.docs[this._id]), 'application/pdf', `${s.docs[this._id].name}.pdf`);
    return new SpreadsheetF(this._x, this._id).getAs('application/pdf');
  }
  getAs(contentType: string): BlobF {
    const b = this.getBlob();
    if (b._type === contentType) return b;
    throw gasError(this._x, `Converting from ${this.getMimeType()} to ${contentType} is not supported.`);
  }
  getSize(): number {
    return this._kind() === 'file' ? fromB64(this._x.g.state.drive.files[this._id].b64).length : 0;
  }
  setContent(content: string): this {
    if (this._kind() !== 'file') throw gasError(this._x, 'Cannot set content of a Google file.');
    this._x.g.state.drive.files[this._id].b64 = Buffer.from(String(content), 'utf8').toString('base64');
    return this;
  }
  getDateCreated(): Date {
    const s = this._x.g.state;
    const k = this._kind();
    return new Date(k === 'file' ? s.drive.files[this._id].createdAt : k === 'doc' ? s.docs[this._id].createdAt : s.spreadsheets[this._id].createdAt);
  }
  getLastUpdated(): Date {
    return this.getDateCreated();
  }
  getParents(): IteratorF {
    return new IteratorF(
      this._x,
      parentsOf(this._x, this._id).map((id) => new FolderF(this._x, id)),
      'DriveApp.FolderIterator',
    );
  }
  moveTo(folder: FolderF): this {
    setParents(this._x, this._id, [folder._id]);
    return this;
  }
  setTrashed(b: boolean): this {
    const k = this._kind();
    if (k === 'file') this._x.g.state.drive.files[this._id].trashed = !!b;
    // Docs and Sheets live in their own state maps; their trash flag is kept beside them.
    else this._x.g.state.drive.trashedNative = { ...(this._x.g.state.drive.trashedNative ?? {}), [this._id]: !!b };
    return this;
  }
  isTrashed(): boolean {
    const k = this._kind();
    return k === 'file' ? this._x.g.state.drive.files[this._id].trashed : !!this._x.g.state.drive.trashedNative?.[this._id];
  }
  setSharing(): this {
    return this;
  }
  addEditor(): this {
    return this;
  }
  addViewer(): this {
    return this;
  }
  getOwner(): { getEmail(): string } {
    const s = this._x.g.state;
    const k = this._kind();
    const email = k === 'file' ? s.drive.files[this._id].owner : k === 'doc' ? s.docs[this._id].owner : s.spreadsheets[this._id].owner;
    return { getEmail: () => email };
  }
  makeCopy(name?: string, folder?: FolderF): FileF {
    const s = this._x.g.state;
    const k = this._kind();
    const target = folder?._id ?? parentsOf(this._x, this._id)[0];
    if (k === 'file') {
      const f = s.drive.files[this._id];
      const id = storeFile(this._x, new BlobF(this._x, fromB64(f.b64), f.mimeType, name ?? `Copy of ${f.name}`), target);
      return new FileF(this._x, id);
    }
    const id = this._x.g.nextId(k === 'doc' ? '1Doc' : '1Ss');
    if (k === 'doc') s.docs[id] = { ...structuredClone(s.docs[this._id]), id, name: name ?? `Copy of ${s.docs[this._id].name}` };
    else s.spreadsheets[id] = { ...structuredClone(s.spreadsheets[this._id]), id, name: name ?? `Copy of ${s.spreadsheets[this._id].name}` };
    s.drive.placement[id] = [target];
    return new FileF(this._x, id);
  }
}

export class FolderF extends Fake {
  static override KEY = 'DriveApp.Folder';
  constructor(
    x: Exec,
    readonly _id: string,
  ) {
    super(x);
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._x.g.state.drive.folders[this._id]?.name ?? '';
  }
  setName(n: string): this {
    this._x.g.state.drive.folders[this._id].name = n;
    return this;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this._id}`;
  }
  createFile(a: unknown, content?: string, mimeType?: string): FileF {
    const blob = typeof a === 'string' ? new BlobF(this._x, new Uint8Array(Buffer.from(String(content ?? ''), 'utf8')), mimeType ?? 'text/plain', a) : asBlob(this._x, a);
    return new FileF(this._x, storeFile(this._x, blob, this._id));
  }
  createFolder(name: string): FolderF {
    const id = this._x.g.nextId('1Fold');
    this._x.g.state.drive.folders[id] = { id, name, parents: [this._id] };
    return new FolderF(this._x, id);
  }
  addFile(file: FileF): this {
    const p = parentsOf(this._x, file._id);
    if (!p.includes(this._id)) setParents(this._x, file._id, [...p, this._id]);
    return this;
  }
  removeFile(file: FileF): this {
    setParents(
      this._x,
      file._id,
      parentsOf(this._x, file._id).filter((p) => p !== this._id),
    );
    return this;
  }
  getFiles(): IteratorF {
    return new IteratorF(
      this._x,
      allIds(this._x)
        .filter((id) => parentsOf(this._x, id).includes(this._id))
        .map((id) => new FileF(this._x, id)),
      'DriveApp.FileIterator',
    );
  }
  getFilesByName(name: string): IteratorF {
    return new IteratorF(
      this._x,
      allIds(this._x)
        .filter((id) => parentsOf(this._x, id).includes(this._id))
        .map((id) => new FileF(this._x, id))
        .filter((f) => f.getName() === name),
      'DriveApp.FileIterator',
    );
  }
  getFolders(): IteratorF {
    return new IteratorF(
      this._x,
      Object.values(this._x.g.state.drive.folders)
        .filter((f) => f.parents.includes(this._id))
        .map((f) => new FolderF(this._x, f.id)),
      'DriveApp.FolderIterator',
    );
  }
  getFoldersByName(name: string): IteratorF {
    return new IteratorF(
      this._x,
      Object.values(this._x.g.state.drive.folders)
        .filter((f) => f.parents.includes(this._id) && f.name === name)
        .map((f) => new FolderF(this._x, f.id)),
      'DriveApp.FolderIterator',
    );
  }
  setTrashed(): this {
    return this;
  }
  setSharing(): this {
    return this;
  }
}

/**
 * Drive API v3 advanced service (the `Drive` global), as far as the add-on uses it: Files.update({ trashed }) on a
 * file it created, which the drive.file scope allows (DriveApp would need the full drive scope).
 */
export class DriveFilesF extends Fake {
  static override KEY = 'Drive.Files';
  update(resource: { trashed?: boolean } | undefined, fileId: string): { id: string; trashed: boolean } {
    const id = String(fileId);
    if (!kindOf(this._x, id)) {
      const err = gasError(this._x, `API call to drive.files.update failed with error: File not found: ${id}.`) as Error & { details?: unknown };
      err.name = 'GoogleJsonResponseException';
      err.details = { code: 404, message: `File not found: ${id}.` };
      throw err;
    }
    const f = new FileF(this._x, id);
    if (resource && typeof resource.trashed === 'boolean') f.setTrashed(resource.trashed);
    return { id, trashed: f.isTrashed() };
  }
}

export function createDriveGlobal(x: Exec): { Files: DriveFilesF } {
  return { Files: wrap(new DriveFilesF(x)) };
}
