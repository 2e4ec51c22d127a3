// Renders a Google Doc (the fakes' structured JSON) as an HTML page: the page size, margins, fonts and tables Docs would show.
import type { DocJson, NodeJson, RunJson } from '../fakes/index';

type Attrs = Record<string, unknown>;

const HEADING_SIZE: Record<string, number> = { TITLE: 26, SUBTITLE: 15, HEADING1: 20, HEADING2: 16, HEADING3: 14, HEADING4: 12, HEADING5: 11, HEADING6: 11 };
export const DEFAULT_FONT = 'Times New Roman';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Text attributes a table sets for all its cells (Docs applies them to every paragraph inside). */
function inheritedText(attrs: Attrs): Attrs {
  const out: Attrs = {};
  for (const k of ['FONT_FAMILY', 'FONT_SIZE', 'BOLD', 'ITALIC', 'UNDERLINE', 'FOREGROUND_COLOR']) if (attrs[k] !== undefined && attrs[k] !== null) out[k] = attrs[k];
  return out;
}

function runCss(r: RunJson, inherited: Attrs, heading: string): string {
  const css: string[] = [];
  const bold = r.bold || (inherited.BOLD === true && r.bold !== false) || (heading !== 'NORMAL' && heading !== 'SUBTITLE' && heading !== undefined);
  if (bold) css.push('font-weight:bold');
  if (r.italic || inherited.ITALIC === true) css.push('font-style:italic');
  const deco = [r.underline || inherited.UNDERLINE === true ? 'underline' : '', r.strikethrough ? 'line-through' : ''].filter(Boolean).join(' ');
  if (deco) css.push(`text-decoration:${deco}`);
  const size = r.fontSize ?? num(inherited.FONT_SIZE) ?? HEADING_SIZE[heading] ?? null;
  if (size) css.push(`font-size:${size}pt`);
  const font = r.fontFamily ?? (inherited.FONT_FAMILY as string | undefined);
  if (font) css.push(`font-family:'${font.replace(/'/g, '')}',serif`);
  const color = r.color ?? (inherited.FOREGROUND_COLOR as string | undefined);
  if (color) css.push(`color:${color}`);
  if (r.background) css.push(`background:${r.background}`);
  return css.join(';');
}

function paraHtml(n: Extract<NodeJson, { type: 'PARAGRAPH' | 'LIST_ITEM' }>, inherited: Attrs, counters: Record<string, number>): string {
  const a = n.attrs;
  const css: string[] = [];
  const align = (n.alignment ?? 'LEFT').toLowerCase();
  if (align !== 'left') css.push(`text-align:${align === 'justify' ? 'justify' : align}`);
  const before = num(a.SPACING_BEFORE);
  const after = num(a.SPACING_AFTER);
  css.push(`margin:${before ?? 0}pt 0 ${after ?? 0}pt 0`);
  const start = num(a.INDENT_START) ?? 0;
  const first = num(a.INDENT_FIRST_LINE);
  let prefix = '';
  if (n.type === 'LIST_ITEM') {
    const level = n.nesting ?? 0;
    css.push(`padding-left:${start || 18 * (level + 1)}pt`);
    const key = `${n.glyph}-${level}`;
    counters[key] = (counters[key] ?? 0) + 1;
    prefix = /NUMBER|LATIN|ROMAN/.test(n.glyph ?? '') ? `${counters[key]}. ` : '• ';
    css.push('text-indent:-12pt');
  } else {
    if (start) css.push(`padding-left:${start}pt`);
    if (first !== null && first !== start) css.push(`text-indent:${first - start}pt`);
  }
  const ls = num(a.LINE_SPACING);
  if (ls) css.push(`line-height:${(ls * 1.15).toFixed(2)}`);
  if (a.BACKGROUND_COLOR) css.push(`background:${String(a.BACKGROUND_COLOR)}`);
  const paraAttrs = { ...inherited, ...Object.fromEntries(Object.entries(a).filter(([k]) => ['FONT_FAMILY', 'FONT_SIZE', 'BOLD', 'ITALIC', 'UNDERLINE', 'FOREGROUND_COLOR'].includes(k))) };
  const pSize = num(paraAttrs.FONT_SIZE) ?? HEADING_SIZE[n.heading];
  if (pSize) css.push(`font-size:${pSize}pt`);
  const runs = n.runs.map((r) => {
    const style = runCss(r, paraAttrs, n.heading);
    const text = escapeHtml(r.text).replace(/\n|\r|\v/g, '<br>');
    const inner = r.link ? `<a href="${escapeHtml(r.link)}">${text}</a>` : text;
    return style ? `<span style="${style}">${inner}</span>` : inner;
  });
  const body = runs.join('') || '&nbsp;';
  const tag = n.heading && n.heading.startsWith('HEADING') ? `h${n.heading.slice(7)}` : 'p';
  return `<${tag} style="${css.join(';')}">${escapeHtml(prefix)}${body}</${tag}>`;
}

function tableHtml(n: Extract<NodeJson, { type: 'TABLE' }>, inherited: Attrs): string {
  const a = n.attrs;
  const bw = num(a.BORDER_WIDTH) ?? 1;
  const bc = (a.BORDER_COLOR as string | undefined) ?? '#000000';
  const border = bw > 0 ? `${bw}pt solid ${bc}` : 'none';
  const tInherited = { ...inherited, ...inheritedText(a) };
  const ncols = Math.max(0, ...n.rows.map((r) => r.cells.length));
  const widths: string[] = [];
  for (let i = 0; i < ncols; i++) widths.push(n.columnWidths[i] !== undefined ? `<col style="width:${n.columnWidths[i]}pt">` : '<col>');
  const rows = n.rows.map((row) => {
    const rInherited = { ...tInherited, ...inheritedText(row.attrs) };
    const cells = row.cells.map((c) => {
      const ca = c.attrs;
      const css = [`border:${border}`, 'vertical-align:top', `padding:${num(ca.PADDING_TOP) ?? (bw > 0 ? 2 : 0)}pt ${num(ca.PADDING_RIGHT) ?? 5}pt ${num(ca.PADDING_BOTTOM) ?? (bw > 0 ? 2 : 0)}pt ${num(ca.PADDING_LEFT) ?? 5}pt`];
      if (ca.BACKGROUND_COLOR) css.push(`background:${String(ca.BACKGROUND_COLOR)}`);
      if (ca.VERTICAL_ALIGNMENT) css.push(`vertical-align:${String(ca.VERTICAL_ALIGNMENT).toLowerCase() === 'center' ? 'middle' : String(ca.VERTICAL_ALIGNMENT).toLowerCase()}`);
      return `<td style="${css.join(';')}">${nodesHtml(c.children, { ...rInherited, ...inheritedText(ca) })}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="doc-table${bw > 0 ? '' : ' borderless'}" style="border-collapse:collapse"><colgroup>${widths.join('')}</colgroup>${rows.join('')}</table>`;
}

function nodesHtml(nodes: NodeJson[], inherited: Attrs = {}): string {
  const counters: Record<string, number> = {};
  return nodes
    .map((n) => {
      if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') return paraHtml(n, inherited, counters);
      if (n.type === 'TABLE') return tableHtml(n, inherited);
      if (n.type === 'PAGE_BREAK') return '<div class="page-break" role="separator" aria-label="Ngắt trang"></div>';
      return '<hr>';
    })
    .join('\n');
}

/** A whole HTML page showing the document as Docs would lay it out on its page size. */
export function documentHtml(doc: DocJson): string {
  const m = doc.margins;
  const page = `width:${doc.pageWidth}pt;min-height:${doc.pageHeight}pt;padding:${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt`;
  const part = (ns: NodeJson[] | null, cls: string) => (ns && ns.length ? `<div class="${cls}">${nodesHtml(ns)}</div>` : '');
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(doc.name)}</title>
<style>
  html { background: #f1f3f4; }
  body { margin: 0; padding: 16px 0 40px; font-family: '${DEFAULT_FONT}', 'Liberation Serif', 'Tinos', serif; font-size: 11pt; color: #000; }
  .page { box-sizing: content-box; margin: 0 auto; background: #fff; box-shadow: 0 1px 3px rgba(60,64,67,.3), 0 4px 8px rgba(60,64,67,.15); }
  p, h1, h2, h3, h4, h5, h6 { font-weight: normal; font-size: inherit; line-height: 1.15; }
  table.doc-table { width: 100%; table-layout: fixed; margin: 0; }
  table.doc-table td > p:first-child { margin-top: 0; }
  .page-break { border-top: 1px dashed #9aa0a6; margin: 18pt -${m.right}pt 18pt -${m.left}pt; }
  .doc-header, .doc-footer { color: #3c4043; }
  .doc-header { margin-bottom: 12pt; } .doc-footer { margin-top: 24pt; }
</style></head>
<body><article class="page" style="${page}" aria-label="${escapeHtml(doc.name)}">
${part(doc.header, 'doc-header')}
<div class="doc-body">${nodesHtml(doc.body)}</div>
${part(doc.footer, 'doc-footer')}
</article></body></html>`;
}
