// Ui (menus, sidebars, dialogs, alerts) and HtmlService fakes; everything shown is recorded on the execution.

import { Fake, gasError, type Exec, type MenuRecord } from './core';

const enumOf = (...keys: string[]) => Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as Record<string, string>);

export const Button = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

export class UiF extends Fake {
  static override KEY = 'SpreadsheetApp.Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    x: Exec,
    readonly _app: string,
  ) {
    super(x);
  }
  createMenu(caption: string): MenuF {
    return new MenuF(this._x, { caption, addon: false, items: [] });
  }
  createAddonMenu(): MenuF {
    return new MenuF(this._x, { caption: '', addon: true, items: [] });
  }
  showSidebar(html: HtmlOutputF): void {
    this._x.ui.sidebars.push({ title: html._title, html: html._content, width: html._width });
  }
  showModalDialog(html: HtmlOutputF, title: string): void {
    this._x.ui.dialogs.push({ title, html: html._content, modal: true, width: html._width, height: html._height });
  }
  showModelessDialog(html: HtmlOutputF, title: string): void {
    this._x.ui.dialogs.push({ title, html: html._content, modal: false, width: html._width, height: html._height });
  }
  showDialog(html: HtmlOutputF): void {
    this._x.ui.dialogs.push({ title: html._title, html: html._content, modal: true, width: html._width, height: html._height });
  }
  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). Answers come from google.uiResponses, else OK/YES. */
  alert(a: string, b?: string, c?: string): string {
    let title: string | null = null;
    let prompt = a;
    let buttons: string | null = null;
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = c;
    } else if (b !== undefined) buttons = b;
    this._x.ui.alerts.push({ title, prompt: String(prompt), buttons });
    const r = this._x.g.uiResponses.shift();
    return r?.button ?? (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? Button.YES : Button.OK);
  }
  prompt(a: string, b?: string, c?: string): PromptResponseF {
    let title: string | null = null;
    let prompt = a;
    let buttons: string | null = null;
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = c;
    } else if (b !== undefined) buttons = b;
    this._x.ui.prompts.push({ title, prompt: String(prompt), buttons });
    const r = this._x.g.uiResponses.shift();
    return new PromptResponseF(this._x, r?.text ?? '', r?.button ?? (buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? Button.YES : Button.OK));
  }
}

export class PromptResponseF extends Fake {
  static override KEY = 'SpreadsheetApp.PromptResponse';
  constructor(
    x: Exec,
    readonly _text: string,
    readonly _button: string,
  ) {
    super(x);
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): string {
    return this._button;
  }
}

export class MenuF extends Fake {
  static override KEY = 'SpreadsheetApp.Menu';
  constructor(
    x: Exec,
    readonly _rec: MenuRecord,
  ) {
    super(x);
  }
  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || !functionName) throw gasError(this._x, 'Invalid argument: functionName');
    this._rec.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this._rec.items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: MenuF): this {
    this._rec.items.push({ submenu: menu._rec });
    return this;
  }
  addToUi(): void {
    const ui = this._x.ui;
    const i = ui.menus.findIndex((m) => m.caption === this._rec.caption && m.addon === this._rec.addon);
    const copy = structuredClone(this._rec);
    if (i >= 0) ui.menus[i] = copy;
    else ui.menus.push(copy);
  }
}

// ---------- HtmlService ----------

export class HtmlServiceF extends Fake {
  static override KEY = 'HtmlService';
  readonly SandboxMode = enumOf('EMULATED', 'IFRAME', 'NATIVE');
  readonly XFrameOptionsMode = enumOf('ALLOWALL', 'DEFAULT');
  _file(name: string): string {
    const files = this._x.g.htmlFiles;
    const html = files[name] ?? files[`${name}.html`] ?? files[name.replace(/\.html$/, '')];
    if (html === undefined) throw gasError(this._x, `No HTML file named ${name} was found.`);
    return html;
  }
  createHtmlOutput(html?: string): HtmlOutputF {
    return new HtmlOutputF(this._x, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(name: string): HtmlOutputF {
    return new HtmlOutputF(this._x, this._file(name));
  }
  createTemplate(src: string): HtmlTemplateF {
    return new HtmlTemplateF(this._x, src);
  }
  createTemplateFromFile(name: string): HtmlTemplateF {
    return new HtmlTemplateF(this._x, this._file(name));
  }
}

export class HtmlOutputF extends Fake {
  static override KEY = 'HtmlService.HtmlOutput';
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _sandbox: string | null = null;
  _xframe: string | null = null;
  _meta: { name: string; content: string }[] = [];
  constructor(
    x: Exec,
    public _content: string,
  ) {
    super(x);
  }
  setTitle(t: string): this {
    this._title = t;
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setWidth(w: number): this {
    this._width = w;
    return this;
  }
  getWidth(): number {
    return this._width ?? 0;
  }
  setHeight(h: number): this {
    this._height = h;
    return this;
  }
  getHeight(): number {
    return this._height ?? 0;
  }
  getContent(): string {
    return this._content;
  }
  setContent(c: string): this {
    this._content = c;
    return this;
  }
  append(s: string): this {
    this._content += s;
    return this;
  }
  appendUntrusted(s: string): this {
    this._content += escapeHtml(s);
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  setSandboxMode(m: string): this {
    this._sandbox = m;
    return this;
  }
  setXFrameOptionsMode(m: string): this {
    this._xframe = m;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._meta.push({ name, content });
    return this;
  }
  setFaviconUrl(): this {
    return this;
  }
  getBlob(): { getDataAsString(): string } {
    const c = this._content;
    return { getDataAsString: () => c };
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export class HtmlTemplateF extends Fake {
  static override KEY = 'HtmlService.HtmlTemplate';
  constructor(
    x: Exec,
    readonly _src: string,
  ) {
    super(x);
  }
  getCode(): string {
    return compileTemplate(this._src);
  }
  evaluate(): HtmlOutputF {
    // Template variables are whatever the script assigned onto the template object.
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) if (!k.startsWith('_')) vars[k] = (this as unknown as Record<string, unknown>)[k];
    const code = compileTemplate(this._src);
    const fn = new Function('__vars', '__esc', `with (__vars) { let __out = ''; ${code}; return __out; }`) as (v: unknown, e: (s: unknown) => string) => string;
    return new HtmlOutputF(this._x, fn(vars, (s) => escapeHtml(String(s))));
  }
}

/** Turns <?= ?>, <?!= ?> and <? ?> scriptlets into JS that appends to __out. */
function compileTemplate(src: string): string {
  let code = '';
  let i = 0;
  while (i < src.length) {
    const j = src.indexOf('<?', i);
    if (j < 0) {
      code += `__out += ${JSON.stringify(src.slice(i))};\n`;
      break;
    }
    code += `__out += ${JSON.stringify(src.slice(i, j))};\n`;
    const k = src.indexOf('?>', j);
    const end = k < 0 ? src.length : k;
    const inner = src.slice(j + 2, end);
    if (inner.startsWith('!=')) code += `__out += String(${inner.slice(2)});\n`;
    else if (inner.startsWith('=')) code += `__out += __esc(${inner.slice(1)});\n`;
    else code += inner + '\n';
    i = end + 2;
  }
  return code;
}
