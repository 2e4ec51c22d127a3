// Generated appendices (programme count, marker styles, list or table form, broken lines, NFD): the parse finds exactly the planted targets.
import { parseDecision } from '../../src/core/decision-import';

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
/** Vietnamese words for 1–99, as the decisions spell them ("hai mươi lăm", "mười một", "ba mươi mốt"). */
function words(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
  if (unit === 0) return head;
  const tail = unit === 5 ? 'lăm' : unit === 1 && tens > 1 ? 'mốt' : DIGITS[unit];
  return `${head} ${tail}`;
}
const pad = (n: number) => String(n).padStart(2, '0');

const ORDINALS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const NAMES = ['Tuyên truyền, phổ biến kiến thức', 'Tư vấn, phản biện và giám định xã hội', 'Hoạt động sáng tạo kỹ thuật', 'Tập huấn, chuyển giao tiến bộ kỹ thuật', 'Củng cố tổ chức hội', 'Hợp tác và hội nhập'];

/** Unit as the plan stores it, the verb that goes with it, the words after it. */
const UNITS: [unit: string, verb: string, tail: string, column: string][] = [
  ['hội thảo', 'Tổ chức', 'khoa học về chuyển đổi số trong nông nghiệp', 'Hội thảo'],
  ['hội nghị', 'Tổ chức', 'phổ biến kiến thức cho cán bộ cơ sở', 'Hội nghị'],
  ['lớp', 'Mở', 'tập huấn kỹ thuật cho hội viên nông dân', 'Lớp'],
  ['chuyên mục', 'Thực hiện', 'khoa học và đời sống trên báo tỉnh', 'Chuyên mục'],
  ['chuyên đề', 'Thực hiện', 'phổ biến kiến thức trên sóng phát thanh', 'Chuyên đề'],
  ['mô hình', 'Xây dựng', 'ứng dụng tiến bộ kỹ thuật tại các xã', 'Mô hình'],
  ['cuộc', 'Tổ chức', 'tư vấn, phản biện các đề án của tỉnh', 'Cuộc'],
  ['đoàn', 'Tổ chức', 'khảo sát học tập kinh nghiệm ở tỉnh bạn', 'Đoàn'],
  ['tin bài', 'Đăng', 'trên trang thông tin điện tử của hội', 'Tin bài'],
  ['cuốn', 'Biên soạn', 'tài liệu phổ biến kiến thức về an toàn thực phẩm', 'Cuốn'],
];
const QUALITATIVE = ['Duy trì hoạt động của trang thông tin điện tử của hội', 'Tham gia Hội thi Sáng tạo kỹ thuật toàn quốc lần thứ 18', 'Khảo sát nhu cầu chuyển giao công nghệ năm 2026'];

type Planted = [quantity: number | null, upper: number | null, unit: string, qualifier: string];

interface Item {
  planted: Planted;
  /** The item as a sentence (list form). */
  sentence: string;
  /** Table form: content, quantity cell, unit cell. */
  cells: [string, string, string];
}

function makeItem(rnd: () => number, int: (n: number) => number): Item {
  if (rnd() < 0.15) {
    const q = QUALITATIVE[int(QUALITATIVE.length)];
    return { planted: [null, null, '', 'exact'], sentence: `${q}.`, cells: [q, '', ''] };
  }
  const [unit, verb, tail, column] = UNITS[int(UNITS.length)];
  const kind = int(6);
  let n = 1 + int(40);
  let upper: number | null = null;
  let qualifier = 'exact';
  let phrase: string;
  let cell: string;
  if (kind === 0) {
    phrase = pad(n);
    cell = pad(n);
  } else if (kind === 1) {
    // Words alone, words with the digits in brackets, digits with the words in brackets.
    const w = words(n);
    const form = int(3);
    phrase = form === 0 ? w : form === 1 ? `${w} (${pad(n)})` : `${pad(n)} (${w})`;
    cell = form === 0 ? pad(n) : form === 1 ? `${w[0].toUpperCase()}${w.slice(1)} (${pad(n)})` : `${pad(n)} (${w})`;
  } else if (kind === 2) {
    const q = ['ít nhất', 'tối thiểu', 'không dưới'][int(3)];
    qualifier = 'min';
    phrase = `${q} ${pad(n)}`;
    cell = `${q[0].toUpperCase()}${q.slice(1)} ${pad(n)}`;
  } else if (kind === 3) {
    qualifier = 'about';
    phrase = `khoảng ${pad(n)}`;
    cell = `khoảng ${pad(n)}`;
  } else if (kind === 4) {
    // The count after the noun: "…, số lượng: 08 lớp".
    const content = `${verb} ${unit === 'cuộc' ? 'các cuộc' : unit} ${tail}`;
    return { planted: [n, null, unit, 'exact'], sentence: `${content}, số lượng: ${pad(n)} ${unit}.`, cells: [content, pad(n), column] };
  } else {
    n = 1 + int(20);
    upper = n + 1 + int(10);
    const form = int(3);
    phrase = form === 0 ? `từ ${pad(n)} đến ${pad(upper)}` : form === 1 ? `từ ${pad(n)} - ${pad(upper)}` : `${pad(n)} - ${pad(upper)}`;
    cell = form === 0 ? `từ ${pad(n)} đến ${pad(upper)}` : `${pad(n)} - ${pad(upper)}`;
  }
  const content = `${verb} ${unit === 'cuộc' ? 'các cuộc' : unit} ${tail}`;
  return {
    planted: [n, upper, unit, qualifier],
    sentence: `${verb} ${phrase} ${unit} ${tail}.`,
    cells: [content, cell, column],
  };
}

/** Hard-wraps lines at `width`, as a PDF copy does. */
function wrap(lines: string[], width: number): string[] {
  return lines.flatMap((line) => {
    const out: string[] = [];
    let cur = '';
    for (const w of line.split(' ')) {
      if (cur && `${cur} ${w}`.length > width) {
        out.push(cur);
        cur = w;
      } else cur = cur ? `${cur} ${w}` : w;
    }
    out.push(cur);
    return out;
  });
}

interface Case {
  text: string;
  planted: Planted[][];
  form: string;
}

function generate(seed: number): Case {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const count = 1 + int(5);
  const programmes = Array.from({ length: count }, () => Array.from({ length: 1 + int(4) }, () => makeItem(rnd, int)));
  const forms = ['numbered', 'roman', 'chuong-trinh', 'nhiem-vu', 'article', 'pipe', 'tab', 'cells'];
  const form = forms[int(forms.length)];
  const head = form === 'article' ? ['QUYẾT ĐỊNH', 'Về việc giao nhiệm vụ năm 2026 cho Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', 'Số: 12/QĐ-UBND', 'QUYẾT ĐỊNH:'] : ['PHỤ LỤC', 'NHIỆM VỤ, CHƯƠNG TRÌNH HOẠT ĐỘNG NĂM 2026', '(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Chủ tịch UBND tỉnh Điện Biên)'];
  let body: string[] = [];

  if (form === 'pipe' || form === 'tab' || form === 'cells') {
    const qtyFirst = rnd() < 0.5;
    const header = ['TT', 'Nội dung', ...(qtyFirst ? ['Số lượng', 'Đơn vị tính'] : ['Đơn vị tính', 'Số lượng']), 'Thời gian', 'Kinh phí'];
    const rows: string[][] = [];
    programmes.forEach((items, p) => {
      rows.push([ROMAN[p], NAMES[p].toUpperCase(), '', '', '', `${100 + p * 10}.000.000`]);
      items.forEach((it, k) => {
        const [content, q, u] = it.cells;
        rows.push([String(k + 1), content, ...(qtyFirst ? [q, u] : [u, q]), ['Cả năm', 'Quý II', 'Quý III - IV'][int(3)], q ? `${10 + k}.000.000` : '']);
      });
    });
    rows.push(['', 'TỔNG CỘNG', '', '', '', '999.000.000']);
    if (form === 'cells') {
      body = [...header, ...header.map((_h, i) => `(${i + 1})`)];
      for (const r of rows) {
        for (const [i, cell] of r.entries()) {
          if (!cell) continue;
          // A long content cell wraps; its second line starts in lower case.
          const cut = i === 1 && cell.length > 40 && rnd() < 0.5 ? cell.indexOf(' ', 30) : -1;
          if (cut > 0) body.push(cell.slice(0, cut), cell.slice(cut + 1));
          else body.push(cell);
        }
      }
    } else {
      const sep = form === 'pipe' ? ' | ' : '\t';
      const line = (r: string[]) => (form === 'pipe' ? `| ${r.join(sep)} |` : r.join(sep));
      body = [line(header), ...(rnd() < 0.5 ? [line(header.map((_h, i) => `(${i + 1})`))] : []), ...rows.map(line)];
    }
  } else {
    programmes.forEach((items, p) => {
      const n = p + 1;
      const sentences = items.map((it) => it.sentence);
      if (form === 'numbered') {
        body.push(`${n}. Nhiệm vụ, chương trình hoạt động thứ ${ORDINALS[p]}: ${NAMES[p]}`, `${n}.1. Mục tiêu:`, '- Nâng cao chất lượng hoạt động của hội.', `${n}.2. Nội dung, nhiệm vụ:`, ...sentences.map((s) => `- ${s}`));
      } else if (form === 'roman') {
        body.push(`${ROMAN[p]}. ${NAMES[p].toUpperCase()}`, '1. Mục tiêu', 'a) Nâng cao chất lượng hoạt động của hội.', '2. Nội dung', ...sentences.map((s, k) => `${'abcdef'[k]}) ${s}`));
      } else if (form === 'chuong-trinh') {
        const bullet = ['•', '+', '-'][int(3)];
        body.push(`Chương trình ${n}: ${NAMES[p]}`, 'Mục tiêu:', `${bullet} Nâng cao chất lượng hoạt động của hội.`, 'Nội dung, nhiệm vụ:', ...sentences.map((s) => `${bullet} ${s}`));
      } else if (form === 'article') {
        // No appendix: the programmes are the numbered items of Điều 1, their items 1.1, 1.2 …
        if (p === 0) body.push('Điều 1. Giao Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh thực hiện năm 2026 gồm các nhiệm vụ sau:');
        body.push(`${n}. ${NAMES[p]}`, ...sentences.map((s, k) => `${n}.${k + 1}. ${s}`));
        if (p === count - 1) body.push('Điều 2. Tổ chức thực hiện', '1. Sở Tài chính bố trí kinh phí theo quy định.', '2. Liên hiệp hội báo cáo kết quả trước ngày 15/12/2026.');
      } else {
        body.push(`Nhiệm vụ thứ ${ORDINALS[p]}: ${NAMES[p]}`, 'Nội dung, nhiệm vụ:', ...sentences.map((s) => `- ${s}`));
      }
      // A page number between programmes, as a PDF copy leaves it.
      if (rnd() < 0.3) body.push(rnd() < 0.5 ? String(n + 1) : `- ${n + 1} -`);
    });
    if (rnd() < 0.6) body = wrap(body, 50 + int(40));
  }
  // Some lines decomposed (NFD), as some PDF copies give them; some spaces non-breaking.
  const lines = [...head, ...body].map((l) => (rnd() < 0.2 ? l.normalize('NFD') : rnd() < 0.1 ? l.replace(' ', '\u00a0') : l));
  return { text: lines.join(rnd() < 0.3 ? '\r\n' : '\n'), planted: programmes.map((items) => items.map((it) => it.planted)), form };
}

describe('generated appendices', () => {
  const CASES = 200;
  test(`${CASES} seeded cases: exactly the planted targets, by programme`, () => {
    const failures: string[] = [];
    const forms: Record<string, number> = {};
    for (let seed = 1; seed <= CASES; seed++) {
      const c = generate(seed);
      forms[c.form] = (forms[c.form] ?? 0) + 1;
      const r = parseDecision(c.text);
      const got = r.programs.map((p) => r.targets.filter((t) => t.programCode === p.code).map((t): Planted => [t.quantity, t.upper, t.unit, t.qualifier]));
      const unexpected = r.warnings.filter((w) => !['decision-number-missing'].includes(w.code));
      if (JSON.stringify(got) !== JSON.stringify(c.planted) || unexpected.length || r.year !== 2026) {
        failures.push(`seed ${seed} (${c.form}): ${JSON.stringify(got)} ≠ ${JSON.stringify(c.planted)} ${JSON.stringify(unexpected)}`);
      }
    }
    expect(failures).toEqual([]);
    // Every form is generated.
    expect(Object.keys(forms).sort()).toEqual(['article', 'cells', 'chuong-trinh', 'nhiem-vu', 'numbered', 'pipe', 'roman', 'tab']);
  });
});
