// Reads a PDF back with pdfjs-dist, a JavaScript PDF reader (no poppler needed): text per page as lines, page count, fonts.

// pdfjs' Node build wants canvas for DOMMatrix and Path2D, which only drawing uses: stand-ins keep it quiet, text needs neither.
const g = globalThis as Record<string, unknown>;
g.DOMMatrix ??= class DOMMatrix {};
g.Path2D ??= class Path2D {};
const pdfjs = require('pdfjs-dist/legacy/build/pdf.js') as typeof import('pdfjs-dist');

export interface ReadPdf {
  pages: number;
  /** Each page's text as lines, top to bottom; pieces of one line are joined with a space where the gap between them is one. */
  lines: string[][];
  /** All the text: lines joined by a newline, pages by a form feed (like pdftotext). */
  text: string;
  /** Each page's pieces of text where the reader found them (points from the page's bottom-left corner). */
  items: { str: string; x: number; y: number; width: number; size: number }[][];
  /** What the pages draw (only with { drawing: true }): the fonts, each embedded or not, and the strokes (lines, borders) per page. */
  fonts: { name: string; embedded: boolean }[];
  strokes: number[];
}

interface Item {
  str: string;
  transform: number[];
  width: number;
}

function open(bytes: Uint8Array) {
  return pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
}

function pageLines(items: Item[]): string[] {
  const rows: { y: number; items: Item[] }[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || it.str === '') continue;
    const y = it.transform[5];
    let row = rows.find((r) => Math.abs(r.y - y) < 2);
    if (!row) rows.push((row = { y, items: [] }));
    row.items.push(it);
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((r) => {
    r.items.sort((a, b) => a.transform[4] - b.transform[4]);
    let out = '';
    let end = -Infinity;
    for (const it of r.items) {
      const x = it.transform[4];
      const size = Math.abs(it.transform[0]) || 10;
      if (out && x - end > size * 0.15 && !/\s$/.test(out) && !/^\s/.test(it.str)) out += ' ';
      out += it.str;
      end = x + it.width;
    }
    return out.trimEnd();
  });
}

/** The PDF as a reader sees it. Reading the drawing parses every page's fonts: ask for it only when checking them. */
export async function readPdf(bytes: Uint8Array, opts: { drawing?: boolean } = {}): Promise<ReadPdf> {
  const doc = await open(bytes);
  const lines: string[][] = [];
  const items: ReadPdf['items'] = [];
  const strokes: number[] = [];
  const fonts = new Map<string, { name: string; embedded: boolean }>();
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = (await page.getTextContent()).items as Item[];
      lines.push(pageLines(content));
      items.push(content.filter((i) => typeof i.str === 'string' && i.str.trim() !== '').map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], width: i.width, size: Math.abs(i.transform[0]) })));
      if (opts.drawing) {
        const ops = await page.getOperatorList();
        strokes.push(ops.fnArray.filter((fn) => fn === pdfjs.OPS.stroke).length);
        ops.fnArray.forEach((fn, i) => {
          if (fn !== pdfjs.OPS.setFont) return;
          const ref = String(ops.argsArray[i][0]);
          if (fonts.has(ref)) return;
          const font = page.commonObjs.get(ref) as { name?: string; missingFile?: boolean };
          fonts.set(ref, { name: String(font.name ?? ref), embedded: font.missingFile !== true });
        });
      }
      page.cleanup();
    }
    const uniq = new Map([...fonts.values()].map((f) => [f.name, f]));
    return { pages: doc.numPages, lines, text: lines.map((l) => l.join('\n')).join('\f'), items, fonts: [...uniq.values()], strokes };
  } finally {
    await doc.destroy();
  }
}

/** How many pages a reader renders (the pages of the laid-out PDF, not the page breaks of the model). */
export async function renderedPages(bytes: Uint8Array): Promise<number> {
  const doc = await open(bytes);
  try {
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
