// Finds the plan table of a decision's appendix in pasted text (pipe/tab rows, or one cell per line as a PDF copies it) and rebuilds its rows.

import { matchKey, matchUnit, readQuantityCell, scanNumbers } from './decision-numbers';

export type Column = 'tt' | 'content' | 'unit' | 'quantity' | 'time' | 'host' | 'budget' | 'note' | 'other';

export interface TableRow {
  /** The TT cell: "I", "2", "1.1"; '' when the row has none. */
  tt: string;
  cells: Partial<Record<Column, string>>;
  /** The row as one line, for warnings. */
  text: string;
}

export interface Table {
  /** Line range [start, end) the table covers in the lines it was found in. */
  start: number;
  end: number;
  columns: Column[];
  rows: TableRow[];
  /** Rows whose cells could not be placed in columns, as text. */
  unplaced: string[];
}

const HEADER_CELLS: [RegExp, Column][] = [
  [/^(?:s?tt|số tt|số thứ tự)\.?$/u, 'tt'],
  [/^(?:đơn vị tính|đvt|đơn vị đo)$/u, 'unit'],
  [/^(?:số lượng|khối lượng|sl|chỉ tiêu|số lượng\/chỉ tiêu|chỉ tiêu\/số lượng)(?:\s*\(.*\))?$/u, 'quantity'],
  [/^(?:thời gian|tiến độ|thời hạn|thời gian thực hiện|thời gian hoàn thành)(?:\s*\(.*\))?$/u, 'time'],
  [/^(?:đơn vị|cơ quan)\s+(?:chủ trì|thực hiện|phối hợp)|^(?:chủ trì|phối hợp|đơn vị thực hiện)(?:\s*,\s*phối hợp)?$/u, 'host'],
  [/^(?:kinh phí|dự toán|dự kiến kinh phí|tổng kinh phí)(?:\s.*)?$/u, 'budget'],
  [/^ghi chú$/u, 'note'],
  [/^(?:sản phẩm|kết quả)(?:\s.*)?$/u, 'other'],
  [/^(?:nội dung|tên nhiệm vụ|tên chương trình|nhiệm vụ|hoạt động|chương trình, nhiệm vụ|nhiệm vụ, chương trình)(?:\s.*)?$/u, 'content'],
].map(([re, col]) => [new RegExp(matchKey((re as RegExp).source), 'u'), col as Column]);

function headerCell(cell: string): Column | null {
  const k = matchKey(cell.replace(/\s+/g, ' ').trim());
  if (!k || k.length > 45) return null;
  for (const [re, col] of HEADER_CELLS) if (re.test(k)) return col;
  return null;
}

function isHeader(cols: (Column | null)[]): boolean {
  return cols.every((c) => c !== null) && cols.includes('content') && (cols.includes('quantity') || cols.includes('unit'));
}

const TT = /^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2}){0,2}|[a-zđ])\.?$/u;
const COL_NUMBERS = /^(?:\(\d{1,2}\)\s*)+$/;
const TOTAL = /^(?:tổng cộng|tổng số|tổng|cộng)\s*:?$/iu;
const TABLE_END = /^(?:Điều\s+\d|Ghi chú|Lưu ý|Nơi nhận|TM\.|KT\.|T\/M|PHỤ LỤC|Phụ lục\s+(?:[IVX]+|\d+)\s*$)/u;

function splitCells(line: string, sep: '|' | '\t'): string[] {
  let cells = line.split(sep).map((c) => c.replace(/\s+/g, ' ').trim());
  if (sep === '|') {
    if (cells[0] === '') cells = cells.slice(1);
    if (cells[cells.length - 1] === '') cells = cells.slice(0, -1);
  }
  return cells;
}

/** "12 chuyên mục; 04 chuyên đề": a cell of counts and nothing else. */
function isCountsCell(cell: string): boolean {
  const ms = scanNumbers(cell).filter((m) => m.kind === 'count');
  if (!ms.length) return false;
  let rest = matchKey(cell);
  for (const m of [...ms].reverse()) rest = rest.slice(0, m.qualStart) + rest.slice(m.end);
  return /^[\s;,.+và]*$/u.test(rest);
}

export function isQuantityCell(cell: string): boolean {
  return readQuantityCell(cell) !== null || isCountsCell(cell);
}

/** The unit column's word as the plan stores it: a known unit noun, else the word in lower case. */
export function unitOf(cell: string): string {
  const k = matchKey(cell.replace(/\s+/g, ' ').trim().replace(/[.;,]$/, ''));
  const u = matchUnit(k, 0);
  if (u && u.end === k.length) return u.unit;
  return cell.trim().toLowerCase();
}

function isUnitCell(cell: string): boolean {
  const k = matchKey(cell.trim());
  const u = matchUnit(k, 0);
  if (u && u.end === k.length) return true;
  return /^(?:người|lượt người|hội viên|chương trình|nhiệm vụ|kỳ|trang|bộ|tờ|cái|ấn phẩm|gói|điểm|xã|hộ|hồ sơ|báo cáo|văn bản|đợt)$/u.test(k);
}

const MONEY = /^\d{1,3}(?:[.,]\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?\s*(?:triệu|tr\.?đ|đồng|nghìn)/u;
const TIME = /^(?:quý|tháng|năm|cả năm|trong năm|thường xuyên|hằng năm|hàng năm|định kỳ|\d{1,2}\/\d{4}|6 tháng)/u;

const NEG = -1e6;

/** How well `token` fits as the `k`-th token of a cell in column `col`. */
function fit(col: Column, token: string, k: number): number {
  const key = matchKey(token);
  const qty = isQuantityCell(token);
  const money = MONEY.test(key);
  const text = !qty && !money && !/^\d/.test(token);
  const cont = /^\p{Ll}/u.test(token) ? 1 : 0;
  switch (col) {
    case 'content':
      return text ? (k === 0 ? 3 : 0.5 + cont) : NEG;
    case 'quantity':
      return k === 0 && qty ? 6 : NEG;
    case 'unit':
      return k === 0 && isUnitCell(token) ? 6 : NEG;
    case 'budget':
      return k === 0 && (money || /^\d+(?:,\d+)?$/.test(token)) ? 3 : NEG;
    case 'time':
      return TIME.test(key) && k === 0 ? 3 : text ? (k === 0 ? 0.5 : cont - 0.5) : NEG;
    default:
      return text ? (k === 0 ? 1 : cont - 0.5) : NEG;
  }
}

/** Places a row's tokens (one per line) in the columns: each cell takes zero or more consecutive tokens. */
function alignTokens(columns: Column[], tokens: string[]): string[][] | null {
  const m = columns.length;
  const n = tokens.length;
  // best[c][t]: best score placing tokens[0..t) in columns[0..c).
  const best: number[][] = Array.from({ length: m + 1 }, () => Array(n + 1).fill(-Infinity));
  const from: number[][] = Array.from({ length: m + 1 }, () => Array(n + 1).fill(-1));
  best[0][0] = 0;
  for (let c = 0; c < m; c++) {
    for (let t = 0; t <= n; t++) {
      if (best[c][t] === -Infinity) continue;
      // An empty cell: nothing to see in the text, a small cost (the content cell is never empty).
      const empty = best[c][t] + (columns[c] === 'content' ? NEG : -0.3);
      if (empty > best[c + 1][t]) {
        best[c + 1][t] = empty;
        from[c + 1][t] = t;
      }
      let score = best[c][t];
      for (let u = t; u < n; u++) {
        score += fit(columns[c], tokens[u], u - t);
        if (score < NEG / 2) break;
        if (score > best[c + 1][u + 1]) {
          best[c + 1][u + 1] = score;
          from[c + 1][u + 1] = t;
        }
      }
    }
  }
  if (best[m][n] < NEG / 2) return null;
  const cells: string[][] = Array(m);
  for (let c = m, t = n; c > 0; c--) {
    const s = from[c][t];
    cells[c - 1] = tokens.slice(s, t);
    t = s;
  }
  return cells;
}

function row(tt: string, columns: Column[], cells: string[]): TableRow {
  const out: Partial<Record<Column, string>> = {};
  columns.forEach((c, i) => {
    const v = (cells[i] ?? '').trim();
    if (v && c !== 'tt') out[c] = out[c] ? `${out[c]} ${v}` : v;
  });
  return { tt, cells: out, text: [tt, ...cells].filter(Boolean).join(' | ') };
}

/** A pipe- or tab-separated table whose header starts at line `i`. */
function readSeparated(lines: string[], i: number, sep: '|' | '\t'): Table | null {
  const columns = splitCells(lines[i], sep).map(headerCell);
  if (columns.length < 3 || !isHeader(columns)) return null;
  const cols = columns as Column[];
  const rows: TableRow[] = [];
  let j = i + 1;
  for (; j < lines.length; j++) {
    const l = lines[j];
    if (!l.trim()) continue;
    if (!l.includes(sep)) {
      // A wrapped cell: the rest of the previous row's content.
      if (rows.length && /^\p{Ll}/u.test(l.trim())) {
        const last = rows[rows.length - 1];
        last.cells.content = `${last.cells.content ?? ''} ${l.trim()}`.trim();
        continue;
      }
      break;
    }
    let cells = splitCells(l, sep);
    // A long cell wrapped onto the next line, separators and all: the row continues there.
    while (cells.length < cols.length && j + 1 < lines.length && lines[j + 1].includes(sep)) {
      const more = splitCells(lines[j + 1], sep);
      if (cells.length + more.length - 1 > cols.length) break;
      cells = [...cells.slice(0, -1), `${cells[cells.length - 1]} ${more[0]}`.trim(), ...more.slice(1)];
      j++;
    }
    if (cells.every((c) => /^[-:\s]*$/.test(c) || COL_NUMBERS.test(c) || /^\d{1,2}$/.test(c))) continue;
    const ttIndex = cols.indexOf('tt');
    const tt = ttIndex >= 0 ? (cells[ttIndex] ?? '').replace(/\.$/, '') : '';
    const r = row(tt, cols, cells);
    // "TỔNG CỘNG": the budget total, not content.
    if (!TOTAL.test(r.cells.content ?? '') && !TOTAL.test(tt)) rows.push(r);
  }
  return { start: i, end: j, columns: cols, rows, unplaced: [] };
}

/** A table copied one cell per line: a run of header cells, then rows each opened by its TT cell. */
function readCellPerLine(lines: string[], i: number): Table | null {
  const cols: Column[] = [];
  let j = i;
  while (j < lines.length) {
    const c = headerCell(lines[j]);
    if (!c) break;
    cols.push(c);
    j++;
  }
  if (cols.length < 3 || !isHeader(cols) || cols[0] !== 'tt') return null;
  while (j < lines.length && (COL_NUMBERS.test(lines[j].trim()) || !lines[j].trim())) j++;
  const rest = cols.slice(1);
  const rows: TableRow[] = [];
  const unplaced: string[] = [];
  let tt: string | null = null;
  let tokens: string[] = [];
  let total = false;
  // TT cells count 1, 2, … under each Roman numeral: a number out of sequence ("02") is a cell.
  let roman = 0;
  let arabic = 0;
  const nextTT = (l: string): boolean => {
    const t = l.replace(/\.$/, '');
    if (/^[IVXLC]+$/.test(t)) return romanValue(t) === roman + 1;
    if (/^[1-9]\d?$/.test(t)) return parseInt(t, 10) === arabic + 1;
    const sub = /^([1-9]\d?)\.(\d{1,2})$/.exec(t);
    return !!sub && parseInt(sub[1], 10) === arabic;
  };
  const takeTT = (l: string) => {
    const t = l.replace(/\.$/, '');
    if (/^[IVXLC]+$/.test(t)) {
      roman = romanValue(t);
      arabic = 0;
    } else if (/^\d+$/.test(t)) arabic = parseInt(t, 10);
    return t;
  };
  const flush = () => {
    if (tt === null && !total) return;
    if (!total) {
      const placed = alignTokens(rest, tokens);
      if (placed) rows.push(row(tt ?? '', ['tt', ...rest], ['', ...placed.map((c) => c.join(' '))]));
      else unplaced.push([tt, ...tokens].join(' '));
    }
    tt = null;
    total = false;
    tokens = [];
  };
  for (; j < lines.length; j++) {
    const l = lines[j].trim();
    if (!l) continue;
    if (TABLE_END.test(l)) break;
    if (TT.test(l) && nextTT(l) && !(tt !== null && tokens.length === 0)) {
      flush();
      tt = takeTT(l);
    } else if (TOTAL.test(l)) {
      flush();
      total = true;
    } else if (tt !== null || total) tokens.push(l);
    else break;
  }
  flush();
  return { start: i, end: j, columns: cols, rows, unplaced };
}

function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]] ?? 0;
    const b = v[s[i + 1]] ?? 0;
    total += a < b ? -a : a;
  }
  return total;
}

/** Every plan table in `lines` (cleaned, not yet re-joined), in order. */
export function findTables(lines: string[]): Table[] {
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t =
      ((l.match(/\|/g)?.length ?? 0) >= 2 ? readSeparated(lines, i, '|') : null) ??
      ((l.match(/\t/g)?.length ?? 0) >= 2 ? readSeparated(lines, i, '\t') : null) ??
      (headerCell(l) === 'tt' ? readCellPerLine(lines, i) : null);
    if (t && t.rows.length) {
      out.push(t);
      i = t.end - 1;
    }
  }
  return out;
}
