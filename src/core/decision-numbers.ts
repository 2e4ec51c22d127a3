// Reads counts in Vietnamese administrative text (digits, number words, unit nouns) and tells them from references, dates and durations.

import type { QuantityQualifier } from './types';

/** What a number in a content item turned out to be. */
export type MentionKind = 'count' | 'reference' | 'duration' | 'year' | 'unknown';

export interface NumberMention {
  kind: MentionKind;
  /** Start of the number itself (digits or first number word). */
  start: number;
  /** Start of the qualifier before the number ("ít nhất 10"), or `start`. */
  qualStart: number;
  /** End of the unit for counts, of the number otherwise. */
  end: number;
  raw: string;
  value: number | null;
  /** Canonical unit noun for counts; '' otherwise. */
  unit: string;
  /** Where the counted noun phrase starts (after a classifier "cuộc"), for naming the target. */
  phraseStart: number;
  qualifier: QuantityQualifier;
  /** Upper end of a range ("từ 15 đến 20 cuộc", "03 - 05 lớp"); null for a single number. */
  upper: number | null;
}

/**
 * Lower-cases and moves old-style tone marks ("hoá", "toạ", "Uỷ") to the new-style vowel, so that
 * both spellings of the same word compare equal. Every replacement keeps the string length, so
 * offsets found in the key are offsets in the original text.
 */
export function matchKey(s: string): string {
  return s.toLowerCase().replace(/o([áàảãạ])|o([éèẻẽẹ])|u([ýỳỷỹỵ])/g, (_m, a?: string, e?: string, y?: string) => {
    if (a) return TONE_A[a] + 'a';
    if (e) return TONE_E[e] + 'e';
    return TONE_U[y as string] + 'y';
  });
}
const TONE_A: Record<string, string> = { á: 'ó', à: 'ò', ả: 'ỏ', ã: 'õ', ạ: 'ọ' };
const TONE_E: Record<string, string> = { é: 'ó', è: 'ò', ẻ: 'ỏ', ẽ: 'õ', ẹ: 'ọ' };
const TONE_U: Record<string, string> = { ý: 'ú', ỳ: 'ù', ỷ: 'ủ', ỹ: 'ũ', ỵ: 'ụ' };

const LETTER = /\p{L}/u;
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/**
 * Counted nouns of the genre, longest first so "hội thảo" wins over a shorter prefix. Each maps a
 * surface form to the unit the plan stores. "phần mềm hệ thống" counts systems, as the seed plan does.
 */
const UNIT_SURFACES: [string, string][] = [
  ['phần mềm hệ thống', 'hệ thống'],
  ['cơ sở dữ liệu', 'cơ sở dữ liệu'],
  ['câu lạc bộ', 'câu lạc bộ'],
  ['cuộc thi', 'cuộc thi'],
  ['hội thi', 'hội thi'],
  ['hội thảo', 'hội thảo'],
  ['hội nghị', 'hội nghị'],
  ['ngày hội', 'ngày hội'],
  ['diễn đàn', 'diễn đàn'],
  ['tọa đàm', 'tọa đàm'],
  ['chuyên mục', 'chuyên mục'],
  ['chuyên đề', 'chuyên đề'],
  ['chuyên san', 'chuyên san'],
  ['bản tin', 'bản tin'],
  ['tập san', 'tập san'],
  ['ấn phẩm', 'ấn phẩm'],
  ['phóng sự', 'phóng sự'],
  ['tin bài', 'tin bài'],
  ['bài viết', 'bài viết'],
  ['mô hình', 'mô hình'],
  ['sản phẩm', 'sản phẩm'],
  ['giải pháp', 'giải pháp'],
  ['giải thưởng', 'giải thưởng'],
  ['hệ thống', 'hệ thống'],
  ['phần mềm', 'phần mềm'],
  ['đề tài', 'đề tài'],
  ['dự án', 'dự án'],
  ['đề án', 'đề án'],
  ['công trình', 'công trình'],
  ['hội thành viên', 'hội thành viên'],
  ['chi hội', 'chi hội'],
  ['tài liệu', 'tài liệu'],
  ['đoàn', 'đoàn'],
  ['lớp', 'lớp'],
  ['khóa', 'khóa'],
  ['buổi', 'buổi'],
  ['đợt', 'đợt'],
  ['chuyến', 'chuyến'],
  ['lượt', 'lượt'],
  ['lần', 'lần'],
  ['cuốn', 'cuốn'],
  ['bài', 'bài'],
  ['tin', 'tin'],
  ['số', 'số'],
  ['cuộc', 'cuộc'],
];

/** After the classifier "cuộc" these nouns are the unit themselves ("03 cuộc hội thảo" counts hội thảo). */
const CLASSIFIED_EVENTS = ['hội thảo', 'hội nghị', 'hội thi', 'ngày hội', 'diễn đàn'];

/** Nouns after a number that make it a span of time, not a count ("6 tháng đầu năm", "03 năm"). */
const DURATIONS = ['tháng', 'năm', 'ngày', 'tuần', 'quý', 'giờ', 'phút', 'thập kỷ'];

/** Units that a bare number word may count; "một số", "một lần nữa" are idioms, not counts. */
const WORD_UNIT_EXCLUDED = new Set(['số', 'lần', 'lượt', 'tin', 'bài']);

/**
 * Units a singular organising verb implies one of ("Tổ chức Hội thi …" is one hội thi). Narrower
 * than the counted list: "Tổ chức giải quyết", "Thực hiện số hóa" must not read as counts.
 */
const SINGULAR_UNITS = new Set([
  'cuộc thi', 'hội thi', 'hội thảo', 'hội nghị', 'ngày hội', 'diễn đàn', 'tọa đàm', 'chuyên mục', 'chuyên đề',
  'chuyên san', 'bản tin', 'tập san', 'hệ thống', 'phần mềm', 'câu lạc bộ', 'đoàn', 'lớp', 'khóa', 'cuộc',
]);

const UNITS = UNIT_SURFACES.map(([s, u]) => [matchKey(s), u] as const).sort((a, b) => b[0].length - a[0].length);
const CLASSIFIED = CLASSIFIED_EVENTS.map(matchKey);
const DURATION_KEYS = DURATIONS.map(matchKey);

/** Words right before a number that make it a reference, ordinal or date part. */
const REF_BEFORE_1 = new Set(
  ['số', 'thứ', 'khóa', 'kỳ', 'ngày', 'tháng', 'quý', 'điều', 'khoản', 'điểm', 'mục', 'chương', 'phần', 'đợt', 'lần',
    'tuần', 'luật', 'phụ lục', 'giai đoạn', 'nhiệm kỳ', 'niên khóa', 'chỉ thị', 'nghị quyết', 'nghị định',
    'quyết định', 'thông tư', 'kết luận', 'công văn', 'hướng dẫn', 'thông báo', 'tờ trình', 'quy định', 'chương trình',
    'đề án', 'văn bản', 'lần thứ', 'hội nghị trung ương'].map(matchKey),
);

interface UnitMatch {
  unit: string;
  end: number;
  phraseStart: number;
}

function skipSpaces(key: string, pos: number): number {
  while (pos < key.length && key[pos] === ' ') pos++;
  return pos;
}

function startsWord(key: string, pos: number, word: string): boolean {
  return key.startsWith(word, pos) && !isLetter(key[pos + word.length]);
}

/** The unit noun starting at `pos` of a match key, with "cuộc" resolved as a classifier. */
export function matchUnit(key: string, pos: number): UnitMatch | null {
  for (const [surface, unit] of UNITS) {
    if (!startsWord(key, pos, surface)) continue;
    const end = pos + surface.length;
    if (unit === 'cuộc') {
      const next = skipSpaces(key, end);
      for (let i = 0; i < CLASSIFIED.length; i++) {
        if (startsWord(key, next, CLASSIFIED[i])) {
          return { unit: CLASSIFIED_EVENTS[i], end: next + CLASSIFIED[i].length, phraseStart: next };
        }
      }
      return { unit, end, phraseStart: next };
    }
    return { unit, end, phraseStart: pos };
  }
  return null;
}

function matchDuration(key: string, pos: number): boolean {
  return DURATION_KEYS.some((d) => startsWord(key, pos, d));
}

// ---- Vietnamese number words ----

const DIGIT_WORDS: Record<string, number> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, nhăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};
const NUMBER_WORDS = new Set([...Object.keys(DIGIT_WORDS), 'mười', 'mươi', 'trăm', 'nghìn', 'ngàn', 'linh', 'lẻ']);
/** Words that only continue a number ("hai mươi lăm"), never start one. */
const NON_INITIAL = new Set(['mốt', 'tư', 'lăm', 'nhăm', 'mươi', 'trăm', 'nghìn', 'ngàn', 'linh', 'lẻ', 'không']);

/** Value of a run of number words ("hai mươi lăm" → 25, "một trăm linh năm" → 105); null if malformed. */
export function parseNumberWords(words: string[]): number | null {
  let total = 0;
  let group = 0;
  let pending: number | null = null;
  for (const w of words) {
    if (w in DIGIT_WORDS) {
      if (pending !== null) return null;
      pending = DIGIT_WORDS[w];
    } else if (w === 'mười') {
      if (pending !== null) return null;
      group += 10;
    } else if (w === 'mươi') {
      if (pending === null) return null;
      group += pending * 10;
      pending = null;
    } else if (w === 'trăm') {
      if (pending === null) return null;
      group += pending * 100;
      pending = null;
    } else if (w === 'nghìn' || w === 'ngàn') {
      total += (group + (pending ?? 0)) * 1000;
      group = 0;
      pending = null;
    } else if (w !== 'linh' && w !== 'lẻ') {
      return null;
    }
  }
  const value = total + group + (pending ?? 0);
  return value > 0 ? value : null;
}

interface Word {
  w: string;
  start: number;
  end: number;
}

function words(key: string): Word[] {
  const out: Word[] = [];
  for (const m of key.matchAll(/\p{L}+/gu)) out.push({ w: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return out;
}

/** The one or two words that end right before `pos` (only spaces between), joined by a space. */
function wordsBefore(key: string, ws: Word[], pos: number): { one: string; two: string; three: string } {
  let i = ws.length - 1;
  while (i >= 0 && ws[i].end > pos) i--;
  if (i < 0 || key.slice(ws[i].end, pos).trim() !== '') return { one: '', two: '', three: '' };
  const one = ws[i].w;
  const adj = (j: number) => j >= 0 && /^ +$/.test(key.slice(ws[j].end, ws[j + 1].start));
  const two = adj(i - 1) ? `${ws[i - 1].w} ${one}` : '';
  const three = two && adj(i - 2) ? `${ws[i - 2].w} ${two}` : '';
  return { one, two, three };
}

// Built from match keys: "khoảng" is "khỏang" there.
const ABOUT = new Set(['khoảng', 'chừng', 'xấp xỉ'].map(matchKey));
const MIN_WORDS = `hơn|trên|ít nhất(?: là)?|tối thiểu(?: là)?|không dưới|không ít hơn|từ|${[...ABOUT].join('|')}`;
const MIN_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${MIN_WORDS})\\s+$`, 'u');

function qualifierOf(key: string, start: number, end: number): { qualifier: QuantityQualifier; qualStart: number } {
  const before = key.slice(Math.max(0, start - 20), start);
  const m = MIN_BEFORE.exec(before);
  const tail = key.slice(end, end + 60).split(/[,;.:]/)[0];
  const orMore = /(?:^|[^\p{L}])trở lên(?![\p{L}])/u.test(tail);
  if (m) {
    const qualStart = start - (before.length - before.lastIndexOf(m[1]));
    if (ABOUT.has(m[1])) return { qualifier: 'about', qualStart };
    if (m[1] !== 'từ' || orMore) return { qualifier: 'min', qualStart };
  }
  return { qualifier: orMore ? 'min' : 'exact', qualStart: start };
}

/** Value of digits as the genre writes them: "05", "1.200"; null for decimals and other shapes. */
function digitValue(raw: string): number | null {
  if (/^\d+$/.test(raw)) return parseInt(raw, 10);
  if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) return parseInt(raw.replace(/\./g, ''), 10);
  return null;
}

/** `(năm)`, `(mười hai)`: the number spelled out in brackets after its digits. */
const SPELLED = /^\(([\p{L} ]+)\)/u;
/** `(12)`: the digits in brackets after the number spelled out. */
const TWIN_DIGITS = /^\((\d+)\)/;
/** A range's second half: "- 05", "– 20", "đến 20", "tới 20". */
const RANGE_TAIL = /^\s*(?:[-–—]|đến|tới)\s*(\d+(?:\.\d{3})*)(?![\d/.,\p{L}-])/u;
/** "số chuyên mục: 12", "số lượng hội thảo: 04": the unit named before the number. */
const UNIT_BEFORE = /(?:^|[^\p{L}])số(?: lượng)?\s+([\p{L} ]+?)\s*:\s*$/u;

function skipSpelled(key: string, pos: number): number {
  const spelled = SPELLED.exec(key.slice(pos));
  if (spelled && spelled[1].trim().split(/ +/).every((w) => NUMBER_WORDS.has(w))) return skipSpaces(key, pos + spelled[0].length);
  return pos;
}

/**
 * Every number in `text`, classified. Counts carry their unit (and the upper end of a range);
 * references ("Chỉ thị 05-CT/TW", "lần thứ 11", "15/5/2016"), years and durations ("6 tháng") are
 * marked so the caller can skip them; anything else is `unknown`, which the caller must report
 * rather than drop.
 */
export function scanNumbers(text: string): NumberMention[] {
  const key = matchKey(text);
  const ws = words(key);
  const out: NumberMention[] = [];
  const taken: [number, number][] = [];
  let skipTo = -1;

  for (const m of key.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const raw = m[0];
    const start = m.index ?? 0;
    if (start < skipTo) continue;
    const end = start + raw.length;
    const base = { start, qualStart: start, end, raw, value: null, unit: '', phraseStart: end, qualifier: 'exact' as const, upper: null };
    const prev = key[start - 1];
    const next = key[end];
    const after = key[end + 1];
    const value = digitValue(raw);
    // "03-05 lớp", "15–20 cuộc": a range, unless it is a span of years or a document number.
    const range = value !== null && value < 1900 ? RANGE_TAIL.exec(key.slice(end)) : null;
    let upper: number | null = null;
    let unitFrom = end;
    if (range) {
      const hi = digitValue(range[1]);
      const at = skipSpelled(key, skipSpaces(key, end + range[0].length));
      if (hi !== null && hi > value! && matchUnit(key, at)) {
        upper = hi;
        unitFrom = end + range[0].length;
      }
    }
    const attachedBefore = prev !== undefined && /[\p{L}\d/\-–.]/u.test(prev);
    const attachedAfter =
      upper === null &&
      next !== undefined &&
      (/[\p{L}\d/]/u.test(next) || (/[-–]/.test(next) && after !== undefined && /[\p{L}\d]/u.test(after)));
    const enumerator = next === ')' && (prev === undefined || prev === '(' || prev === ' ');
    if (attachedBefore || attachedAfter || enumerator) {
      out.push({ ...base, kind: 'reference' });
      continue;
    }
    if (value === null) {
      // "4.0" (Cách mạng công nghiệp 4.0) is a name; other decimals are not counts of events.
      out.push({ ...base, kind: /^\d\.0$/.test(raw) ? 'reference' : 'unknown' });
      continue;
    }
    const before = wordsBefore(key, ws, start);
    if (REF_BEFORE_1.has(before.one) || REF_BEFORE_1.has(before.two) || REF_BEFORE_1.has(before.three)) {
      out.push({ ...base, kind: 'reference' });
      continue;
    }
    if (before.one === 'năm' || (raw.length === 4 && value >= 1900 && value <= 2100)) {
      out.push({ ...base, kind: 'year' });
      continue;
    }
    const pos = skipSpelled(key, skipSpaces(key, unitFrom));
    const unit = matchUnit(key, pos);
    // "800 cuốn/số" is a print run per issue, not a count of things to do.
    if (unit && key[unit.end] !== '/') {
      const q = qualifierOf(key, start, unit.end);
      out.push({ ...base, kind: 'count', value, unit: unit.unit, end: unit.end, phraseStart: unit.phraseStart, upper, ...q });
      taken.push([start, unit.end]);
      if (upper !== null) skipTo = unitFrom;
      continue;
    }
    const named = UNIT_BEFORE.exec(key.slice(Math.max(0, start - 40), start));
    const namedUnit = named ? matchUnit(named[1], 0) : null;
    if (namedUnit && namedUnit.end === named![1].length) {
      const q = qualifierOf(key, start, end);
      out.push({ ...base, kind: 'count', value, unit: namedUnit.unit, phraseStart: start - named![0].length + named![0].indexOf(named![1]), ...q });
      taken.push([start, end]);
    } else if (matchDuration(key, pos)) {
      out.push({ ...base, kind: 'duration', value });
    } else {
      out.push({ ...base, kind: 'unknown', value });
    }
  }

  // Number words count only when a unit follows: "hai" or "năm" alone are too common to judge.
  for (let i = 0; i < ws.length; i++) {
    if (!NUMBER_WORDS.has(ws[i].w) || NON_INITIAL.has(ws[i].w)) continue;
    let j = i;
    while (j + 1 < ws.length && NUMBER_WORDS.has(ws[j + 1].w) && /^ +$/.test(key.slice(ws[j].end, ws[j + 1].start))) j++;
    const start = ws[i].start;
    const endWords = ws[j].end;
    const runIndex = i;
    i = j;
    if (taken.some(([a, b]) => start >= a && start < b)) continue;
    if (key[start - 1] === '(') continue; // spelled-out twin of a digit count
    const prevWord = runIndex > 0 && /^ +$/.test(key.slice(ws[runIndex - 1].end, start)) ? ws[runIndex - 1].w : '';
    if (prevWord === 'thứ') continue;
    const value = parseNumberWords(ws.slice(runIndex, j + 1).map((w) => w.w));
    if (value === null) continue;
    // "mười hai (12) cuộc": the digits in brackets are the same number, written twice by legal habit.
    const twinAt = skipSpaces(key, endWords);
    const twin = TWIN_DIGITS.exec(key.slice(twinAt));
    const pos = twin ? skipSpaces(key, twinAt + twin[0].length) : twinAt;
    const unit = matchUnit(key, pos);
    if (!unit || (WORD_UNIT_EXCLUDED.has(unit.unit) && !twin) || unit.end <= endWords || key[unit.end] === '/') continue;
    const q = qualifierOf(key, start, unit.end);
    if (twin) {
      // The bracketed digits were read as a reference above; they are this count's own.
      const k = out.findIndex((o) => o.start === twinAt + 1);
      if (k >= 0) out.splice(k, 1);
    }
    out.push({
      kind: 'count', start, end: unit.end, raw: text.slice(start, endWords), value, unit: unit.unit,
      phraseStart: unit.phraseStart, upper: null, ...q,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A table's quantity cell without a unit of its own: "12 (mười hai)", "Hai (02)", "Tối thiểu 08",
 * "03 - 05", "khoảng 20". Null when the cell is not just a number.
 */
export function readQuantityCell(cell: string): { value: number; upper: number | null; qualifier: QuantityQualifier } | null {
  let key = matchKey(cell).replace(/\s+/g, ' ').trim().replace(/[.;,]$/, '');
  let qualifier: QuantityQualifier = 'exact';
  const q = new RegExp(`^(${MIN_WORDS})\\s+`, 'u').exec(key);
  if (q) {
    qualifier = ABOUT.has(q[1]) ? 'about' : q[1] === 'từ' ? 'exact' : 'min';
    key = key.slice(q[0].length);
  }
  if (/\strở lên$/u.test(key)) {
    qualifier = 'min';
    key = key.replace(/\s*trở lên$/u, '');
  }
  const one = (s: string): [number, string] | null => {
    const d = /^(\d+(?:\.\d{3})*)(?:\s*\(([\p{L} ]+)\))?/u.exec(s);
    if (d) {
      const v = digitValue(d[1]);
      return v === null || (d[2] && parseNumberWords(d[2].trim().split(/ +/)) === null) ? null : [v, s.slice(d[0].length)];
    }
    const w = /^([\p{L}]+(?: [\p{L}]+)*?)(?:\s*\((\d+)\))?(?=$|\s*[-–—]|\s+(?:đến|tới)\s)/u.exec(s);
    if (!w) return null;
    const v = parseNumberWords(w[1].split(' '));
    if (v === null || (w[2] && parseInt(w[2], 10) !== v)) return null;
    return [v, s.slice(w[0].length)];
  };
  const lo = one(key);
  if (!lo) return null;
  let rest = lo[1].trim();
  let upper: number | null = null;
  const r = /^(?:[-–—]|đến|tới)\s*/u.exec(rest);
  if (r) {
    const hi = one(rest.slice(r[0].length));
    if (!hi || hi[0] <= lo[0]) return null;
    upper = hi[0];
    rest = hi[1].trim();
  }
  if (rest) return null;
  return { value: lo[0], upper, qualifier };
}

/**
 * One of something implied by a singular organising verb at the start of a sentence: "Tổ chức Hội thi
 * …", "Thiết kế, xây dựng phần mềm hệ thống …". Plurals ("các hội thảo") and objects that are not
 * countable events give null.
 */
export function singularUnit(text: string): UnitMatch | null {
  const key = matchKey(text);
  const verbs = '(?:tham mưu|phối hợp|chủ trì)?\\s*(?:tổ chức|thiết kế|xây dựng|thành lập|biên soạn|xuất bản|phát hành|thực hiện|triển khai|hoàn thành)';
  const re = new RegExp(`^\\s*${verbs}(?:\\s*(?:,|và)\\s*${verbs})*\\s+`, 'u');
  const m = re.exec(key);
  if (!m) return null;
  const unit = matchUnit(key, m[0].length);
  if (!unit || !SINGULAR_UNITS.has(unit.unit)) return null;
  return unit;
}
