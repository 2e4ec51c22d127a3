// Local stand-in for Google Sheets around the built add-on: node:http routes over LocalState (npm start).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { UiRecord } from '../fakes/index';
import { LOCAL_USER, LocalState, ROOT, type RunOutcome } from './state';
import { activeSelection, docList, formatTime, outboxList, sheetList, sheetView, triggerList } from './views';
import { documentHtml, escapeHtml } from './doc-html';
import { documentDocx, fileName, mailEml, workbookXlsx } from './exports';

export interface ServerOptions {
  port?: number;
  stateDir?: string;
  reset?: boolean;
  quiet?: boolean;
  /** First-run setup of the 2024 plan (default true). */
  setup?: boolean;
  /** First-run simulated clock, e.g. '2024-07-05T09:00:00+07:00' (default: today's date and time in the plan year 2024). */
  now?: string;
  buildDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  state: LocalState;
  close(): Promise<void>;
}

const PAGE_DIR = join(__dirname, 'page');
const HOST = '127.0.0.1';

async function bundlePage(entry: string): Promise<string> {
  const r = await build({ entryPoints: [join(PAGE_DIR, entry)], bundle: true, format: 'iife', target: 'es2020', platform: 'browser', write: false, charset: 'utf8', logLevel: 'warning' });
  return r.outputFiles[0].text;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : {});
      } catch {
        reject(new HttpError(400, 'JSON không hợp lệ'));
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const json = (res: ServerResponse, v: unknown, status = 200) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(v));

function download(res: ServerResponse, type: string, name: string, body: Buffer, inline = false): void {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  send(res, 200, type, body, { 'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}` });
}

/** google.script.run for a sidebar iframe: a Proxy runner that posts {fn, args} to /api/run, with Google's value rules. */
function sidebarHtml(html: string, bridgeJs: string): string {
  const tag = `<script>${bridgeJs.replace(/<\/script/gi, '<\\/script')}</script>`;
  const m = /<head[^>]*>/i.exec(html);
  // <base target="_top"> in the sidebars would send links out of the stand-in; the bridge must run before the sidebar's own script.
  if (m) return html.slice(0, m.index + m[0].length) + tag + html.slice(m.index + m[0].length);
  return tag + html;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const stateDir = opts.stateDir ?? join(ROOT, '.local');
  const state = new LocalState({ stateDir, reset: opts.reset, setup: opts.setup, now: opts.now ? new Date(opts.now) : undefined, buildDir: opts.buildDir });
  const [pageJs, bridgeJs] = await Promise.all([bundlePage('main.ts'), bundlePage('bridge.ts')]);
  const indexHtml = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
  const css = readFileSync(join(PAGE_DIR, 'style.css'), 'utf8');
  // Sidebars whose HTML is not a file of build/ (built in code) are kept here for their iframe.
  const adhoc: string[] = [];

  const sidebarUrl = (html: string): string => {
    const name = Object.keys(state.htmlFiles).find((k) => state.htmlFiles[k] === html);
    if (name) return `/sidebar/${encodeURIComponent(name)}`;
    adhoc.push(html);
    return `/sidebar/_/${adhoc.length - 1}`;
  };

  /** An execution's outcome as the page shows it: sidebars and dialogs become iframe addresses. */
  const present = (o: RunOutcome) => {
    const ui: UiRecord = o.ui;
    return {
      ok: o.ok,
      value: o.value,
      error: o.error,
      alerts: ui.alerts,
      prompts: ui.prompts,
      toasts: ui.toasts,
      menus: ui.menus,
      sidebars: ui.sidebars.map((s) => ({ title: s.title, width: s.width, url: sidebarUrl(s.html) })),
      dialogs: ui.dialogs.map((d) => ({ title: d.title, width: d.width, height: d.height, modal: d.modal, url: sidebarUrl(d.html) })),
      logs: o.logs.map((l) => `[${l.level}] ${l.message}`),
    };
  };

  const summary = () => {
    const g = state.google;
    const ssId = state.spreadsheetId;
    return {
      user: LOCAL_USER,
      spreadsheet: { id: ssId, name: g.state.spreadsheets[ssId]?.name ?? '' },
      sheets: sheetList(g, ssId),
      active: activeSelection(g, ssId),
      clock: { ms: g.clock.now().getTime(), text: formatTime(g.clock.now().getTime(), g.timeZone), timeZone: g.timeZone },
      counts: { docs: Object.keys(g.state.docs).length, mails: g.state.mail.outbox.length, triggers: g.state.triggers.length },
    };
  };

  const docOf = (id: string) => {
    if (!state.google.state.docs[id]) throw new HttpError(404, 'Không tìm thấy tài liệu');
    return state.google.document(id, { saved: true });
  };
  const mailOf = (i: string) => {
    const m = state.google.outbox[Number(i)];
    if (!m) throw new HttpError(404, 'Không tìm thấy thư');
    return m;
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/') return send(res, 200, 'text/html; charset=utf-8', indexHtml);
    if (method === 'GET' && path === '/page.js') return send(res, 200, 'text/javascript; charset=utf-8', pageJs);
    if (method === 'GET' && path === '/page.css') return send(res, 200, 'text/css; charset=utf-8', css);
    if (method === 'GET' && path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');

    if (method === 'GET' && path === '/api/state') return json(res, summary());
    if (method === 'GET' && path === '/api/sheet') return json(res, sheetView(state.google, state.spreadsheetId, url.searchParams.get('name') ?? ''));
    if (method === 'GET' && path === '/api/docs') return json(res, docList(state.google));
    if (method === 'GET' && path === '/api/outbox') return json(res, outboxList(state.google));
    if (method === 'GET' && path === '/api/triggers') return json(res, { clock: summary().clock, triggers: triggerList(state.google) });

    if (method === 'POST' && path === '/api/open') {
      // The add-on's onOpen, as Sheets runs it when the file opens (add-on enabled in this document: LIMITED).
      const o = state.run('onOpen', [{ authMode: 'LIMITED', user: LOCAL_USER }], { kind: 'simpleTrigger', authMode: 'LIMITED' });
      return json(res, present(o));
    }
    if (method === 'POST' && path === '/api/menu') {
      const body = (await readBody(req)) as { fn?: unknown };
      if (typeof body.fn !== 'string') throw new HttpError(400, 'Thiếu tên hàm');
      const o = state.run(body.fn, [], { kind: 'menu' });
      state.save();
      return json(res, present(o));
    }
    if (method === 'POST' && path === '/api/run') {
      const body = (await readBody(req)) as { fn?: unknown; args?: unknown };
      if (typeof body.fn !== 'string') throw new HttpError(400, 'Thiếu tên hàm');
      const args = Array.isArray(body.args) ? body.args : [];
      const o = state.run(body.fn, args, { kind: 'sidebar' });
      state.save();
      return json(res, present(o));
    }
    if (method === 'POST' && path === '/api/edit') {
      const b = (await readBody(req)) as { sheet?: unknown; row?: unknown; col?: unknown; text?: unknown };
      if (typeof b.sheet !== 'string' || !Number.isInteger(b.row) || !Number.isInteger(b.col) || typeof b.text !== 'string') throw new HttpError(400, 'Ô hoặc giá trị không hợp lệ');
      const o = state.edit(b.sheet, b.row as number, b.col as number, b.text);
      state.save();
      return json(res, present(o));
    }
    if (method === 'POST' && path === '/api/clock') {
      const b = (await readBody(req)) as { addMs?: unknown; to?: unknown };
      const now = state.google.clock.now().getTime();
      let to: number;
      if (typeof b.addMs === 'number' && b.addMs > 0) to = now + b.addMs;
      else if (typeof b.to === 'string' && !Number.isNaN(Date.parse(b.to))) to = Date.parse(b.to);
      else throw new HttpError(400, 'Thời điểm không hợp lệ');
      if (to < now) throw new HttpError(400, 'Đồng hồ giả lập chỉ chạy tới, không lùi lại.');
      const r = state.advanceClock(to);
      state.save();
      return json(res, { ...r, fromText: formatTime(r.from), toText: formatTime(r.to), fired: r.fired.map((f) => ({ ...f, atText: formatTime(f.at) })) });
    }

    if (method === 'GET' && path === '/export.xlsx') {
      const name = state.google.state.spreadsheets[state.spreadsheetId]?.name ?? 'LHH Tracker';
      return download(res, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName(name, 'xlsx'), await workbookXlsx(state.google));
    }
    if (method === 'GET' && (m = /^\/sidebar\/_\/(\d+)$/.exec(path))) {
      const html = adhoc[Number(m[1])];
      if (html === undefined) throw new HttpError(404, 'Không tìm thấy thanh bên');
      return send(res, 200, 'text/html; charset=utf-8', sidebarHtml(html, bridgeJs));
    }
    if (method === 'GET' && (m = /^\/sidebar\/([\w-]+)$/.exec(path))) {
      state.refreshHtml();
      const html = state.htmlFiles[m[1]];
      if (html === undefined) throw new HttpError(404, `Không có build/${m[1]}.html`);
      return send(res, 200, 'text/html; charset=utf-8', sidebarHtml(html, bridgeJs));
    }
    if (method === 'GET' && (m = /^\/doc\/([\w-]+)\.docx$/.exec(path))) {
      const doc = docOf(m[1]);
      return download(res, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName(doc.name, 'docx'), await documentDocx(doc));
    }
    if (method === 'GET' && (m = /^\/doc\/([\w-]+)\.pdf$/.exec(path))) {
      const doc = docOf(m[1]);
      return download(res, 'application/pdf', fileName(doc.name, 'pdf'), state.pdf(m[1]), url.searchParams.has('inline'));
    }
    if (method === 'GET' && (m = /^\/doc\/([\w-]+)$/.exec(path))) return send(res, 200, 'text/html; charset=utf-8', documentHtml(docOf(m[1])));
    if (method === 'GET' && (m = /^\/mail\/(\d+)\.eml$/.exec(path))) {
      const mail = mailOf(m[1]);
      return download(res, 'message/rfc822', fileName(mail.subject, 'eml'), await mailEml(mail));
    }
    if (method === 'GET' && (m = /^\/mail\/(\d+)\/body$/.exec(path))) {
      const mail = mailOf(m[1]);
      const body = mail.htmlBody ?? `<pre style="white-space:pre-wrap;font-family:Arial,sans-serif">${escapeHtml(mail.body)}</pre>`;
      // Email HTML runs no script, as in a mail client.
      return send(res, 200, 'text/html; charset=utf-8', `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"></head><body style="margin:12px">${body}</body></html>`, { 'Content-Security-Policy': "script-src 'none'" });
    }
    if (method === 'GET' && (m = /^\/mail\/(\d+)\/att\/(\d+)$/.exec(path))) {
      const a = mailOf(m[1]).attachments[Number(m[2])];
      if (!a) throw new HttpError(404, 'Không tìm thấy tệp đính kèm');
      return download(res, a.contentType, a.name, Buffer.from(a.bytes), url.searchParams.has('inline'));
    }
    throw new HttpError(404, 'Không tìm thấy');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500 && !opts.quiet) console.error(e);
      if (!res.headersSent) json(res, { ok: false, error: { name: 'Error', message: e instanceof Error ? e.message : String(e) } }, status);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8787, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}/`;
  if (!opts.quiet) {
    console.log(`LHH Tracker (bản chạy cục bộ): ${url}`);
    console.log(`Dữ liệu: ${state.stateFile}${opts.reset ? ' (bắt đầu lại với kế hoạch 2024)' : ''}`);
    console.log(`Đồng hồ giả lập: ${formatTime(state.google.clock.now().getTime())} (đổi bằng --now khi bắt đầu lại, hoặc trong "Trình kích hoạt")`);
  }
  return {
    url,
    port,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(argv: string[]): ServerOptions {
  const o: ServerOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const eq = a.indexOf('=');
      return eq >= 0 ? a.slice(eq + 1) : argv[++i];
    };
    if (a === '--reset') o.reset = true;
    else if (a === '--port' || a.startsWith('--port=')) {
      const p = Number(val());
      if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error('--port: cổng không hợp lệ');
      o.port = p;
    } else if (a === '--now' || a.startsWith('--now=')) o.now = val();
    else if (a === '--state' || a.startsWith('--state=')) o.stateDir = val();
    else if (a === '--host' || a.startsWith('--host=')) {
      // The stand-in holds no secrets but runs code on request: it only ever listens on 127.0.0.1.
      if (!a.includes('=')) i++;
    } else if (a === '--help' || a === '-h') {
      console.log('npm start -- [--port N] [--reset] [--now 2024-07-05T09:00:00+07:00] [--state DIR]');
      process.exit(0);
    }
  }
  return o;
}

if (require.main === module) {
  startServer(parseArgs(process.argv.slice(2))).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
