// Minimal PDF writer (standard Helvetica fonts, text lines) and reader helpers used to check exported PDFs.

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

/** Standard fonts only cover Latin-1: Vietnamese letters lose their diacritics in the drawn text (the full text goes to /Subject). */
export function transliterate(s: string): string {
  return s
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[^\x20-\x7e]/g, '?');
}

function pdfStr(s: string): string {
  return '(' + transliterate(s).replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

/** PDF text string as UTF-16BE hex with BOM, so any Unicode survives in metadata. */
function pdfUnicode(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

function wrapText(text: string, maxChars: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/(\s+)/)) {
      if ((line + word).length > maxChars && line.trim()) {
        out.push(line.trimEnd());
        line = word.trimStart();
      } else line += word;
      while (line.length > maxChars) {
        out.push(line.slice(0, maxChars));
        line = line.slice(maxChars);
      }
    }
    out.push(line);
  }
  return out;
}

export function renderTextPdf(title: string, lines: PdfLine[], layout: PdfLayout = {}): Uint8Array {
  const W = layout.pageWidth ?? 595.28;
  const H = layout.pageHeight ?? 841.89;
  const m = layout.margins ?? { top: 72, bottom: 72, left: 72, right: 72 };
  const usable = Math.max(50, W - m.left - m.right);
  const pages: string[] = [];
  let ops: string[] = [];
  let y = H - m.top;
  const font = (l: PdfLine) => (l.bold && l.italic ? 'F4' : l.bold ? 'F2' : l.italic ? 'F3' : 'F1');
  const chrome = () => {
    let hy = H - m.top / 2;
    for (const h of layout.header ?? []) {
      ops.push(`BT /F1 9 Tf ${m.left.toFixed(2)} ${hy.toFixed(2)} Td ${pdfStr(h)} Tj ET`);
      hy -= 11;
    }
    let fy = m.bottom / 2;
    for (const f of [...(layout.footer ?? [])].reverse()) {
      ops.push(`BT /F1 9 Tf ${m.left.toFixed(2)} ${fy.toFixed(2)} Td ${pdfStr(f)} Tj ET`);
      fy += 11;
    }
  };
  const newPage = () => {
    pages.push(ops.join('\n'));
    ops = [];
    y = H - m.top;
    chrome();
  };
  chrome();
  for (const l of lines) {
    if (l.pageBreak) {
      newPage();
      continue;
    }
    const size = l.size ?? 11;
    const indent = l.indent ?? 0;
    const maxChars = Math.max(10, Math.floor((usable - indent) / (size * 0.5)));
    y -= l.spaceBefore ?? 0;
    for (const part of wrapText(l.text, maxChars)) {
      const lh = size * 1.25;
      if (y - lh < m.bottom) newPage();
      y -= lh;
      const approxW = transliterate(part).length * size * 0.5;
      let x = m.left + indent;
      if (l.align === 'center') x = m.left + (usable - approxW) / 2;
      else if (l.align === 'right') x = m.left + usable - approxW;
      ops.push(`BT /${font(l)} ${size} Tf ${x.toFixed(2)} ${y.toFixed(2)} Td ${pdfStr(part)} Tj ET`);
    }
    y -= l.spaceAfter ?? size * 0.3;
  }
  pages.push(ops.join('\n'));

  const objs: string[] = [];
  const add = (s: string) => {
    objs.push(s);
    return objs.length;
  };
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  const fonts = ['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'].map((f) => add(`<< /Type /Font /Subtype /Type1 /BaseFont /${f} /Encoding /WinAnsiEncoding >>`));
  const fontRes = `<< ${fonts.map((n, i) => `/F${i + 1} ${n} 0 R`).join(' ')} >>`;
  const kids: number[] = [];
  for (const content of pages) {
    const c = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W.toFixed(2)} ${H.toFixed(2)}] /Resources << /Font ${fontRes} >> /Contents ${c} 0 R >>`));
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const fullText = lines
    .filter((l) => !l.pageBreak)
    .map((l) => l.text)
    .join('\n');
  const info = add(`<< /Title ${pdfUnicode(title)} /Subject ${pdfUnicode(fullText)} /Producer (LHH Tracker fakes) >>`);

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every char is <= 0xFF (content is transliterated), so latin1 gives one byte per char and offsets hold.
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Checks header, startxref and that every xref entry points at "n 0 obj"; counts pages. */
export function inspectPdf(bytes: Uint8Array): { ok: boolean; errors: string[]; pages: number; title: string; text: string } {
  const s = Buffer.from(bytes).toString('latin1');
  const errors: string[] = [];
  if (!s.startsWith('%PDF-')) errors.push('no %PDF- header');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s);
  if (!sx) errors.push('no startxref');
  let objCount = 0;
  if (sx) {
    const at = Number(sx[1]);
    if (!s.startsWith('xref', at)) errors.push('startxref does not point at xref');
    else {
      const head = /^xref\s+0\s+(\d+)\s+/.exec(s.slice(at));
      if (!head) errors.push('bad xref header');
      else {
        objCount = Number(head[1]);
        const start = at + head[0].length;
        for (let i = 0; i < objCount; i++) {
          const entry = s.slice(start + i * 20, start + i * 20 + 20);
          const em = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
          if (!em) {
            errors.push(`bad xref entry ${i}`);
            break;
          }
          if (em[3] === 'n' && !s.startsWith(`${i} 0 obj`, Number(em[1]))) errors.push(`object ${i} not at ${em[1]}`);
        }
      }
    }
  }
  for (const lm of s.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const begin = (lm.index ?? 0) + lm[0].length;
    if (!s.startsWith('\nendstream', begin + Number(lm[1]))) errors.push('stream length mismatch');
  }
  const pages = /\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(s);
  const dec = (name: string) => {
    const mm = new RegExp(`/${name} <FEFF([0-9A-F]*)>`).exec(s);
    if (!mm) return '';
    let out = '';
    for (let i = 0; i < mm[1].length; i += 4) out += String.fromCharCode(parseInt(mm[1].slice(i, i + 4), 16));
    return out;
  };
  return { ok: errors.length === 0, errors, pages: pages ? Number(pages[1]) : 0, title: dec('Title'), text: dec('Subject') };
}
