// The PDF a Google Doc exports as, rendered in Node: embedded Tinos (Times New Roman metrics), wrapped text, bordered tables, page breaks.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Attrs, CellNode, DocModel, DocNode, ParaNode, TableNode } from './doc-model';

/** One line of a plain-text PDF (the spreadsheet export). */
export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right' | 'justify';
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  pageBreak?: boolean;
}

export interface PdfLayout {
  pageWidth?: number;
  pageHeight?: number;
  margins?: { top: number; bottom: number; left: number; right: number };
  header?: string[];
  footer?: string[];
}

// Tinos is metric-compatible with Times New Roman: every line breaks where Docs would break it in Times New Roman.
const FONT_DIR = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const FONT_FILES = {
  R: '400Regular/Tinos_400Regular.ttf',
  B: '700Bold/Tinos_700Bold.ttf',
  I: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  BI: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;
type FontKey = keyof typeof FONT_FILES;

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitFont {
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: object[]; advanceWidth: number };
  glyphsForString(text: string): Glyph[];
  unitsPerEm: number;
}
/** Advance of each character in em, per face. */
const advances = new Map<string, Map<string, number>>();
const fontkit = require('fontkit') as { create(bytes: Uint8Array): FontkitFont };

let loaded: Record<FontKey, FontkitFont> | null = null;
/**
 * The four Tinos faces, parsed once per process. Text is NFC and Tinos has every precomposed Vietnamese
 * letter, so glyphs come straight from the cmap: no OpenType shaping (the slow part of fontkit), no kerning
 * (Docs sets Times New Roman without it).
 */
function fonts(): Record<FontKey, FontkitFont> {
  if (loaded) return loaded;
  const out = {} as Record<FontKey, FontkitFont>;
  for (const k of Object.keys(FONT_FILES) as FontKey[]) {
    const font = fontkit.create(readFileSync(join(FONT_DIR, FONT_FILES[k])));
    font.layout = (text: string) => {
      const glyphs = font.glyphsForString(text);
      let advanceWidth = 0;
      const positions = glyphs.map((g) => {
        advanceWidth += g.advanceWidth;
        return { xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 };
      });
      return { glyphs, positions, advanceWidth };
    };
    out[k] = font;
  }
  return (loaded = out);
}
// Tinos' hhea metrics (units of 2048 per em): ascender 1825, descender 443, line gap 87.
const ASCENT = 1825 / 2048;
const NATURAL_LINE = (1825 + 443 + 87) / 2048;
/** Docs' NORMAL_TEXT defaults: 11 pt, line spacing 1.15, cell padding 5 pt, border 1 pt black. */
const DEFAULT_SIZE = 11;
const DEFAULT_LINE_SPACING = 1.15;
const DEFAULT_PADDING = 5;
const HEADING_SIZE: Record<string, number> = { TITLE: 26, SUBTITLE: 15, HEADING1: 20, HEADING2: 16, HEADING3: 14, HEADING4: 12, HEADING5: 11, HEADING6: 11 };
const TEXT_KEYS = ['FONT_FAMILY', 'FONT_SIZE', 'BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FOREGROUND_COLOR'];
/** Header and footer sit half an inch from the page edge, as in a new Doc. */
const HEADER_MARGIN = 36;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const color = (v: unknown): string | null => (typeof v === 'string' && /^#[0-9a-f]{3,8}$/i.test(v) ? v.slice(0, 7) : null);
const pickText = (a: Attrs): Attrs => {
  const out: Attrs = {};
  for (const k of TEXT_KEYS) if (a[k] !== undefined && a[k] !== null) out[k] = a[k];
  return out;
};

interface Style {
  font: FontKey;
  size: number;
  color: string;
  background: string | null;
  underline: boolean;
  strike: boolean;
}
const styleKey = (s: Style) => `${s.font}|${s.size}|${s.color}|${s.background}|${s.underline}|${s.strike}`;

interface Frag {
  text: string;
  style: Style;
  width: number;
}
interface Line {
  frags: Frag[];
  /** Offset of each fragment from the line's start, before alignment. */
  xs: number[];
  width: number;
  spaces: number;
  height: number;
  ascent: number;
  /** Last line of its paragraph or before a forced break: never justified. */
  last: boolean;
}
/** Something laid out at a known height that draws itself at (x, top). */
interface Box {
  height: number;
  draw(x: number, top: number): void;
}

type Pdf = InstanceType<typeof PDFDocument>;

class Renderer {
  readonly pdf: Pdf;
  private counters: Record<string, number> = {};

  constructor(
    readonly model: DocModel,
    title: string,
    created: Date,
  ) {
    this.pdf = new PDFDocument({
      size: [model.pageWidth, model.pageHeight],
      margins: model.margins,
      autoFirstPage: false,
      compress: true,
      info: { Title: title, Producer: 'LHH Tracker (bản chạy thử)', Creator: 'LHH Tracker', CreationDate: created, ModDate: created },
      lang: 'vi-VN',
      displayTitle: true,
    } as PDFKit.PDFDocumentOptions);
    const f = fonts();
    for (const k of Object.keys(f) as FontKey[]) this.pdf.registerFont(k, f[k] as unknown as Buffer);
  }

  /** Advance width in points: the sum of the glyphs' advances (the layout above applies no kerning). */
  width(text: string, s: Style): number {
    let adv = advances.get(s.font);
    if (!adv) advances.set(s.font, (adv = new Map()));
    const font = fonts()[s.font];
    let w = 0;
    for (const ch of text) {
      let a = adv.get(ch);
      if (a === undefined) {
        a = font.glyphsForString(ch).reduce((t, g) => t + g.advanceWidth, 0) / font.unitsPerEm;
        adv.set(ch, a);
      }
      w += a;
    }
    return w * s.size;
  }

  style(a: Attrs, heading: string): Style {
    const bold = a.BOLD === true || (a.BOLD === undefined && heading !== 'NORMAL' && heading !== 'SUBTITLE' && !!heading);
    const italic = a.ITALIC === true;
    return {
      font: bold && italic ? 'BI' : bold ? 'B' : italic ? 'I' : 'R',
      size: num(a.FONT_SIZE) ?? HEADING_SIZE[heading] ?? DEFAULT_SIZE,
      color: color(a.FOREGROUND_COLOR) ?? '#000000',
      background: color(a.BACKGROUND_COLOR),
      underline: a.UNDERLINE === true,
      strike: a.STRIKETHROUGH === true,
    };
  }

  /** Breaks a paragraph into lines of at most `avail` points (the first line `firstAvail`). */
  lines(p: ParaNode, inherited: Attrs, prefix: string, avail: number, firstAvail: number): { lines: Line[]; style: Style } {
    const paraText = { ...inherited, ...pickText(p.attrs) };
    const base = this.style(paraText, p.heading);
    type Piece = { text: string; style: Style } | { br: true };
    const pieces: Piece[] = [];
    if (prefix) pieces.push({ text: prefix, style: base });
    for (const r of p.runs) {
      const st = this.style({ ...paraText, ...r.attrs }, p.heading);
      for (const part of r.text.split(/([\n\r\v])/)) {
        if (part === '') continue;
        if (/^[\n\r\v]$/.test(part)) pieces.push({ br: true });
        else pieces.push({ text: part.replace(/\t/g, '    '), style: st });
      }
    }
    const out: Line[] = [];
    let cur: Line = this.newLine(base);
    let lineAvail = firstAvail;
    const flush = (last: boolean) => {
      // Trailing spaces hang past the margin, as in Docs: they neither count nor justify.
      while (cur.frags.length && /^ +$/.test(cur.frags[cur.frags.length - 1].text)) {
        cur.frags.pop();
        cur.xs.pop();
        cur.spaces--;
      }
      cur.width = cur.frags.length ? cur.xs[cur.xs.length - 1] + cur.frags[cur.frags.length - 1].width : 0;
      cur.last = last;
      out.push(cur);
      cur = this.newLine(base);
      lineAvail = avail;
    };
    const place = (f: Frag) => {
      cur.xs.push(cur.frags.length ? cur.xs[cur.xs.length - 1] + cur.frags[cur.frags.length - 1].width : 0);
      cur.frags.push(f);
      const h = f.style.size * NATURAL_LINE;
      if (h > cur.height) {
        cur.height = h;
        cur.ascent = f.style.size * ASCENT;
      }
    };
    const used = () => (cur.frags.length ? cur.xs[cur.xs.length - 1] + cur.frags[cur.frags.length - 1].width : 0);
    // A word is the fragments between two spaces: styles may change inside it ("1." bold then ")").
    let word: Frag[] = [];
    const wordWidth = () => word.reduce((s, f) => s + f.width, 0);
    const putWord = () => {
      if (!word.length) return;
      let w = wordWidth();
      if (cur.frags.some((f) => !/^ +$/.test(f.text)) && used() + w > lineAvail + 0.01) flush(false);
      while (used() + w > lineAvail + 0.01 && word.length) {
        // Longer than a whole line: break inside it, as Docs does in a narrow column.
        const f = word[0];
        let n = f.text.length;
        const room = lineAvail - used();
        while (n > 1 && this.width(f.text.slice(0, n), f.style) > room) n--;
        if (n === f.text.length) {
          place(f);
          word.shift();
        } else {
          if (n < 1 || (this.width(f.text.slice(0, n), f.style) > room && cur.frags.length)) {
            flush(false);
            continue;
          }
          const head = f.text.slice(0, n);
          place({ text: head, style: f.style, width: this.width(head, f.style) });
          const tail = f.text.slice(n);
          word[0] = { text: tail, style: f.style, width: this.width(tail, f.style) };
          flush(false);
        }
        w = wordWidth();
      }
      for (const f of word) place(f);
      word = [];
    };
    for (const pc of pieces) {
      if ('br' in pc) {
        putWord();
        flush(true);
        continue;
      }
      for (const tok of pc.text.split(/( +)/)) {
        if (tok === '') continue;
        if (tok[0] === ' ') {
          putWord();
          // Leading spaces of a wrapped line are dropped; spaces typed at a paragraph's start are kept.
          if (!cur.frags.length && out.length && !out[out.length - 1].last) continue;
          place({ text: tok, style: pc.style, width: this.width(tok, pc.style) });
          cur.spaces += tok.length;
        } else word.push({ text: tok, style: pc.style, width: this.width(tok, pc.style) });
      }
    }
    putWord();
    flush(true);
    return { lines: out, style: base };
  }

  private newLine(base: Style): Line {
    return { frags: [], xs: [], width: 0, spaces: 0, height: base.size * NATURAL_LINE, ascent: base.size * ASCENT, last: false };
  }

  drawLine(line: Line, x: number, top: number, avail: number, align: string, lineSpacing: number): void {
    const h = line.height * lineSpacing;
    // Extra leading goes above the text, as Docs sets it.
    const baseline = top + h - (line.height - line.ascent);
    let dx = 0;
    let perSpace = 0;
    if (align === 'CENTER') dx = (avail - line.width) / 2;
    else if (align === 'RIGHT' || align === 'END') dx = avail - line.width;
    else if (align === 'JUSTIFY' && !line.last && line.spaces > 0) perSpace = Math.max(0, (avail - line.width) / line.spaces);
    const pdf = this.pdf;
    let spacesBefore = 0;
    // Consecutive fragments of one style are one text run: text extraction then reads words with their spaces.
    let i = 0;
    while (i < line.frags.length) {
      const st = line.frags[i].style;
      let j = i;
      let text = '';
      let spaces = 0;
      // A justified line is drawn word by word, each at its place: the stretched spaces are gaps a reader reads as spaces.
      while (j < line.frags.length && styleKey(line.frags[j].style) === styleKey(st)) {
        const isSpace = /^ +$/.test(line.frags[j].text);
        if (perSpace && isSpace) break;
        text += line.frags[j].text;
        if (isSpace) spaces += line.frags[j].text.length;
        j++;
      }
      if (j === i) {
        spacesBefore += line.frags[i].text.length;
        i++;
        continue;
      }
      const x0 = x + dx + line.xs[i] + spacesBefore * perSpace;
      const last = line.frags[j - 1];
      const w = line.xs[j - 1] + last.width - line.xs[i] + spaces * perSpace;
      if (st.background) pdf.save().rect(x0, top, w, h).fill(st.background).restore();
      pdf.font(st.font).fontSize(st.size).fillColor(st.color);
      pdf.text(text, x0, baseline, { lineBreak: false, baseline: 'alphabetic', underline: st.underline, strike: st.strike } as PDFKit.Mixins.TextOptions);
      spacesBefore += spaces;
      i = j;
    }
  }

  /** A paragraph as lines, each a box of its own so that a page can break between them. */
  paragraphBoxes(p: ParaNode, inherited: Attrs, width: number, counters: Record<string, number>): { boxes: Box[]; before: number; after: number } {
    const a = p.attrs;
    let start = num(a.INDENT_START) ?? 0;
    let first = num(a.INDENT_FIRST_LINE) ?? start;
    const end = num(a.INDENT_END) ?? 0;
    let prefix = '';
    if (p.type === 'LIST_ITEM') {
      const level = p.nesting ?? 0;
      const key = `${p.listId ?? p.glyph}-${level}`;
      counters[key] = (counters[key] ?? 0) + 1;
      prefix = /NUMBER|LATIN|ROMAN/.test(p.glyph ?? '') ? `${counters[key]}.\u00a0` : '•\u00a0';
      if (num(a.INDENT_START) === null) {
        start = 18 * (level + 1);
        first = start - 12;
      }
    }
    const avail = Math.max(10, width - start - end);
    const { lines } = this.lines(p, inherited, prefix, avail, Math.max(10, width - first - end));
    const ls = num(a.LINE_SPACING) ?? DEFAULT_LINE_SPACING;
    const align = String(a.HORIZONTAL_ALIGNMENT ?? 'LEFT');
    const bg = color(a.BACKGROUND_COLOR);
    const boxes = lines.map((line, i): Box => {
      const indent = i === 0 ? first : start;
      const lineAvail = Math.max(10, width - indent - end);
      return {
        height: line.height * ls,
        draw: (x, top) => {
          if (bg) this.pdf.save().rect(x + start, top, width - start - end, line.height * ls).fill(bg).restore();
          this.drawLine(line, x + indent, top, lineAvail, align, ls);
        },
      };
    });
    return { boxes, before: num(a.SPACING_BEFORE) ?? 0, after: num(a.SPACING_AFTER) ?? 0 };
  }

  /** Content of a table cell (or a header) as one box. */
  stack(nodes: DocNode[], inherited: Attrs, width: number): Box {
    const parts: { box: Box; before: number; after: number }[] = [];
    const counters: Record<string, number> = {};
    for (const n of nodes) {
      if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') {
        const { boxes, before, after } = this.paragraphBoxes(n, inherited, width, counters);
        boxes.forEach((b, i) => parts.push({ box: b, before: i === 0 ? before : 0, after: i === boxes.length - 1 ? after : 0 }));
      } else if (n.type === 'TABLE') for (const row of this.tableRows(n, inherited, width)) parts.push({ box: row, before: 0, after: 0 });
      else if (n.type === 'HORIZONTAL_RULE') parts.push({ box: this.rule(width), before: 0, after: 0 });
    }
    const height = parts.reduce((s, p) => s + p.before + p.box.height + p.after, 0);
    return {
      height,
      draw: (x, top) => {
        let y = top;
        for (const p of parts) {
          y += p.before;
          p.box.draw(x, y);
          y += p.box.height + p.after;
        }
      },
    };
  }

  rule(width: number): Box {
    return {
      height: 12,
      draw: (x, top) => {
        this.pdf.save().lineWidth(0.75).strokeColor('#000000').moveTo(x, top + 6).lineTo(x + width, top + 6).stroke().restore();
      },
    };
  }

  /** A table's rows, each an unbreakable box: widths from the document, the rest shared, borders per cell. */
  tableRows(t: TableNode, inherited: Attrs, width: number): Box[] {
    const ncols = Math.max(1, ...t.rows.map((r) => r.cells.length));
    const set = Array.from({ length: ncols }, (_, i) => num(t.columnWidths[i]));
    const known = set.reduce<number>((s, w) => s + (w ?? 0), 0);
    const unknown = set.filter((w) => w === null).length;
    const rest = unknown ? Math.max(20, (width - known) / unknown) : 0;
    const widths = set.map((w) => w ?? rest);
    const tText = { ...inherited, ...pickText(t.attrs) };
    const tableBorder = { width: num(t.attrs.BORDER_WIDTH) ?? 1, color: color(t.attrs.BORDER_COLOR) ?? '#000000' };
    return t.rows.map((row) => {
      const rText = { ...tText, ...pickText(row.attrs) };
      const cells = row.cells.map((c, i) => this.cell(c, rText, widths[i] ?? rest, tableBorder));
      const height = Math.max(num(row.attrs.MINIMUM_HEIGHT) ?? 0, ...cells.map((c) => c.height));
      return {
        height,
        draw: (x, top) => {
          let cx = x;
          cells.forEach((c, i) => {
            c.draw(cx, top, height);
            cx += widths[i] ?? rest;
          });
        },
      };
    });
  }

  cell(c: CellNode, inherited: Attrs, width: number, tableBorder: { width: number; color: string }): { height: number; draw(x: number, top: number, rowHeight: number): void } {
    const a = c.attrs;
    const pad = (k: string) => num(a[k]) ?? DEFAULT_PADDING;
    const [pt, pr, pb, pl] = [pad('PADDING_TOP'), pad('PADDING_RIGHT'), pad('PADDING_BOTTOM'), pad('PADDING_LEFT')];
    const content = this.stack(c.children, { ...inherited, ...pickText(a) }, Math.max(10, width - pl - pr));
    const own = (c as CellNode & { borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', { width: number; color: string | null }>> }).borders ?? {};
    const bg = color(a.BACKGROUND_COLOR);
    const valign = String(a.VERTICAL_ALIGNMENT ?? 'TOP');
    return {
      height: pt + content.height + pb,
      draw: (x, top, rowHeight) => {
        const pdf = this.pdf;
        if (bg) pdf.save().rect(x, top, width, rowHeight).fill(bg).restore();
        const free = rowHeight - pt - content.height - pb;
        const dy = valign === 'CENTER' || valign === 'MIDDLE' ? free / 2 : valign === 'BOTTOM' ? free : 0;
        content.draw(x + pl, top + pt + dy);
        const sides: ['top' | 'bottom' | 'left' | 'right', number, number, number, number][] = [
          ['top', x, top, x + width, top],
          ['bottom', x, top + rowHeight, x + width, top + rowHeight],
          ['left', x, top, x, top + rowHeight],
          ['right', x + width, top, x + width, top + rowHeight],
        ];
        for (const [side, x1, y1, x2, y2] of sides) {
          const b = own[side] ?? tableBorder;
          if (!(b.width > 0)) continue;
          pdf
            .save()
            .lineWidth(b.width)
            .strokeColor(b.color ?? '#000000')
            .moveTo(x1, y1)
            .lineTo(x2, y2)
            .stroke()
            .restore();
        }
      },
    };
  }

  /** Lays the body out page after page; headers and footers are drawn on every page. */
  render(): Uint8Array {
    const m = this.model;
    const width = m.pageWidth - m.margins.left - m.margins.right;
    const bottom = m.pageHeight - m.margins.bottom;
    const base = pickText(m.bodyAttrs);
    const header = m.header?.length ? this.stack(m.header, base, width) : null;
    const footer = m.footer?.length ? this.stack(m.footer, base, width) : null;
    let y = 0;
    let empty = true;
    const newPage = () => {
      this.pdf.addPage({ size: [m.pageWidth, m.pageHeight], margins: m.margins });
      header?.draw(m.margins.left, HEADER_MARGIN);
      footer?.draw(m.margins.left, m.pageHeight - HEADER_MARGIN - footer.height);
      y = m.margins.top;
      empty = true;
    };
    const put = (b: Box, before = 0, after = 0) => {
      if (!empty && y + before + b.height > bottom + 0.01) newPage();
      y += before;
      b.draw(m.margins.left, y);
      y += b.height + after;
      empty = false;
    };
    newPage();
    for (const n of m.body) {
      if (n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM') {
        const { boxes, before, after } = this.paragraphBoxes(n, base, width, this.counters);
        boxes.forEach((b, i) => put(b, i === 0 ? before : 0, i === boxes.length - 1 ? after : 0));
      } else if (n.type === 'TABLE') for (const row of this.tableRows(n, base, width)) put(row);
      else if (n.type === 'PAGE_BREAK') newPage();
      else put(this.rule(width));
    }
    this.pdf.end();
    // pdfkit writes the whole file synchronously into its readable buffer on end(): read it at once (getAs is synchronous).
    const out = this.pdf.read() as Buffer | null;
    if (!out) throw new Error('pdfkit produced no output');
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}

// Exports of an unchanged document give the same bytes: the fault sweep replays one story hundreds of times.
const cache = new Map<string, Uint8Array>();
const CACHE_SIZE = 32;

/** The PDF of a document model, as Docs' "Download → PDF" would give it. */
export function renderDocPdf(title: string, model: DocModel, created = new Date(0)): Uint8Array {
  const key = `${title}\u0000${created.getTime()}\u0000${JSON.stringify(model)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const bytes = new Renderer(model, title, created).render();
  cache.set(key, bytes);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return bytes;
}

/** A plain-text PDF (one paragraph per line), for exports that are not documents. */
export function renderTextPdf(title: string, lines: PdfLine[], layout: PdfLayout = {}): Uint8Array {
  const para = (text: string, a: Attrs): ParaNode => ({ type: 'PARAGRAPH', runs: text ? [{ text, attrs: {} }] : [], heading: 'NORMAL', attrs: a });
  const body: DocNode[] = [];
  for (const l of lines) {
    if (l.pageBreak) {
      body.push({ type: 'PAGE_BREAK' });
      continue;
    }
    body.push(
      para(l.text, {
        FONT_SIZE: l.size ?? DEFAULT_SIZE,
        BOLD: l.bold === true,
        ITALIC: l.italic === true,
        HORIZONTAL_ALIGNMENT: (l.align ?? 'left').toUpperCase(),
        INDENT_START: l.indent ?? 0,
        INDENT_FIRST_LINE: l.indent ?? 0,
        SPACING_BEFORE: l.spaceBefore ?? 0,
        SPACING_AFTER: l.spaceAfter ?? 0,
        LINE_SPACING: 1,
      }),
    );
  }
  const small = (t: string[] | undefined) => (t?.length ? t.map((s) => para(s, { FONT_SIZE: 9, LINE_SPACING: 1 })) : null);
  const model: DocModel = {
    pageWidth: layout.pageWidth ?? 595.28,
    pageHeight: layout.pageHeight ?? 841.89,
    margins: layout.margins ?? { top: 72, bottom: 72, left: 72, right: 72 },
    header: small(layout.header),
    footer: small(layout.footer),
    body,
    bodyAttrs: {},
  };
  return renderDocPdf(title, model);
}

/** Reads a PDF literal or hex string (as pdfkit writes /Title) into text. */
function pdfString(raw: string): string {
  let bytes: number[] = [];
  if (raw.startsWith('<')) {
    const h = raw.slice(1, -1).replace(/\s+/g, '');
    for (let i = 0; i < h.length; i += 2) bytes.push(parseInt(h.slice(i, i + 2), 16));
  } else {
    const s = raw.slice(1, -1);
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      if (ch !== '\\') {
        bytes.push(ch.charCodeAt(0) & 255);
        continue;
      }
      const nx = s[++i];
      const oct = /^[0-7]{1,3}/.exec(s.slice(i));
      if (oct) {
        bytes.push(parseInt(oct[0], 8) & 255);
        i += oct[0].length - 1;
      } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[nx] ?? nx.charCodeAt(0));
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    bytes = bytes.slice(2);
    let out = '';
    for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return out;
  }
  return String.fromCharCode(...bytes);
}

/**
 * Structure of a PDF without a reader: header, startxref, every xref entry at "n 0 obj", page count, title,
 * and the fonts (each embedded or not). For the text, use a PDF reader (test/support/pdf.ts).
 */
export function inspectPdf(bytes: Uint8Array): { ok: boolean; errors: string[]; pages: number; title: string; fonts: { name: string; embedded: boolean }[] } {
  const s = Buffer.from(bytes).toString('latin1');
  const errors: string[] = [];
  if (!s.startsWith('%PDF-')) errors.push('no %PDF- header');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  if (!sx) errors.push('no startxref');
  else {
    const at = Number(sx[1]);
    const head = /^xref\s+0\s+(\d+)\s+/.exec(s.slice(at));
    if (!head) errors.push('startxref does not point at xref');
    else {
      const start = at + head[0].length;
      for (let i = 0; i < Number(head[1]); i++) {
        const em = /^(\d{10}) (\d{5}) ([nf])/.exec(s.slice(start + i * 20, start + i * 20 + 20));
        if (!em) {
          errors.push(`bad xref entry ${i}`);
          break;
        }
        if (em[3] === 'n' && !s.startsWith(`${i} 0 obj`, Number(em[1]))) errors.push(`object ${i} not at ${em[1]}`);
      }
    }
  }
  const pages = /\/Type \/Pages\s*\/Count (\d+)/.exec(s) ?? /\/Count (\d+)\s*\/Kids/.exec(s);
  const STR = String.raw`(\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)`;
  const ref = /\/Title (\d+) 0 R/.exec(s);
  const title = ref ? new RegExp(String.raw`(?:^|\n)${ref[1]} 0 obj\s*` + STR).exec(s) : new RegExp(String.raw`/Title\s*` + STR).exec(s);
  const descriptors = new Map<string, boolean>();
  for (const d of s.matchAll(/\/Type \/FontDescriptor([\s\S]*?)>>/g)) {
    const name = /\/FontName \/([^\s/]+)/.exec(d[1]);
    if (name) descriptors.set(name[1], /\/FontFile[23]? \d+ 0 R/.test(d[1]));
  }
  for (const f of s.matchAll(/\/Type \/Font\s*\/Subtype \/Type1\s*\/BaseFont \/([^\s/]+)/g)) descriptors.set(f[1], false);
  return {
    ok: errors.length === 0,
    errors,
    pages: pages ? Number(pages[1]) : 0,
    title: title ? pdfString(title[1]) : '',
    fonts: [...descriptors].map(([name, embedded]) => ({ name, embedded })),
  };
}
