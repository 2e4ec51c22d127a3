// The Docs API requests of a report: where each insert lands, what each style range covers, how many requests.
import { BATCH_LIMITS, buildDocRequests, splitBatches, type DocRequest } from '../../src/core/docs-requests';
import { buildBudgetSubmission, buildProgressReport, MAX_ANNEX_EVENTS, type Block, type DocModel } from '../../src/core/report-model';
import type { LoggedEvent } from '../../src/core/types';
import { approvedLines, draftLines, event, events, programs, quarter2, settings, targets } from './report-fixture';

/**
 * A document as Docs indexes it, one token per index: <§> section break, <T> table start, <R> row
 * start, <C> cell start, <E> table end, <P> page break; the rest is text, one UTF-16 unit a token. Applies the inserts the way
 * the Docs API documents them and refuses what it refuses (inserting outside a paragraph).
 */
function apply(requests: DocRequest[]): string[] {
  const doc = ['<§>', '\n'];
  const STRUCT = new Set(['<§>', '<T>', '<R>', '<C>', '<E>']);
  const inParagraph = (i: number): void => {
    if (i < 1 || i >= doc.length || STRUCT.has(doc[i])) throw new Error(`index ${i} is not inside a paragraph`);
  };
  const inTable = (i: number): boolean => doc.slice(0, i).filter((t) => t === '<T>').length > doc.slice(0, i).filter((t) => t === '<E>').length;
  for (const r of requests) {
    if ('insertText' in r) {
      inParagraph(r.insertText.location.index);
      doc.splice(r.insertText.location.index, 0, ...r.insertText.text);
    } else if ('insertTable' in r) {
      const { location, rows, columns } = r.insertTable;
      inParagraph(location.index);
      const table = ['\n', '<T>'];
      for (let i = 0; i < rows; i++) table.push('<R>', ...Array.from({ length: columns }, () => ['<C>', '\n']).flat());
      doc.splice(location.index, 0, ...table, '<E>');
    } else if ('insertPageBreak' in r) {
      inParagraph(r.insertPageBreak.location.index);
      if (inTable(r.insertPageBreak.location.index)) throw new Error('page break in a table');
      doc.splice(r.insertPageBreak.location.index, 0, '<P>', '\n');
    }
  }
  return doc;
}

const paraRanges = (requests: DocRequest[]) => requests.flatMap((r) => ('updateParagraphStyle' in r ? [r.updateParagraphStyle] : []));
const textRanges = (requests: DocRequest[]) => requests.flatMap((r) => ('updateTextStyle' in r ? [r.updateTextStyle] : []));

const textAt = (doc: string[], r: { startIndex: number; endIndex: number }): string => doc.slice(r.startIndex, r.endIndex).join('');

/**
 * Style ranges that hold a structural token or leave the body; with `whole`, also text ranges that
 * start or end inside a paragraph (paragraph ranges always must not).
 */
function misplacedRanges(requests: DocRequest[], doc: string[], whole: boolean): string[] {
  const out: string[] = [];
  const starts = (a: number) => a === 1 || ['\n', '<C>', '<E>'].includes(doc[a - 1]);
  const ends = (b: number) => doc[b - 1] === '\n' || b === doc.length - 1;
  const all = [...paraRanges(requests).map((r) => ['updateParagraphStyle', r.range] as const), ...textRanges(requests).map((r) => ['updateTextStyle', r.range] as const)];
  for (const [kind, range] of all) {
    const { startIndex: a, endIndex: b } = range;
    const where = `${kind} [${a}, ${b}) ${JSON.stringify(textAt(doc, range).slice(0, 30))}`;
    // A text style may span the cells and rows of one table (rows of a data table are styled as bands).
    const allowed = kind === 'updateTextStyle' ? ['<P>', '<C>', '<R>'] : ['<P>'];
    if (a < 1 || b > doc.length - 1 || a >= b || doc.slice(a, b).some((t) => t.length > 1 && !allowed.includes(t))) out.push(where);
    else if ((whole || kind === 'updateParagraphStyle') && !(starts(a) && ends(b))) out.push(where);
  }
  return out;
}

/** A model small enough to count its indexes by hand. */
function tiny(blocks: Block[], annexes: DocModel['annexes'] = []): DocModel {
  const m = buildProgressReport({ settings, programs, targets, events, period: quarter2, today: '2024-07-05', number: 1 });
  return {
    ...m,
    header: { ...m.header, parentOrg: '', org: 'LHH', number: 'Số: 01', dateLine: 'BG' },
    docType: 'BC',
    subject: 'S',
    recipients: ['K'],
    blocks,
    closing: { noiNhan: ['- N;'], signer: { authority: '', title: 'CT', name: 'An' } },
    annexes,
  };
}

const grid: Block = { t: 'table', rows: [['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']], header: true, widths: [100, 100, 282.2] };
const para = (text: string): Block => ({ t: 'p', text, indentFirst: true, align: 'justify' });

describe('a small document, indexes counted by hand', () => {
  const requests = buildDocRequests(tiny([grid, para('A')]));
  const doc = apply(requests);

  test('the page first, then the header table at index 1, its cells filled last cell first', () => {
    expect(requests[0]).toEqual({
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: { magnitude: 595.28, unit: 'PT' }, height: { magnitude: 841.89, unit: 'PT' } },
          marginTop: { magnitude: 56.69, unit: 'PT' },
          marginBottom: { magnitude: 56.69, unit: 'PT' },
          marginLeft: { magnitude: 85.04, unit: 'PT' },
          marginRight: { magnitude: 42.52, unit: 'PT' },
          documentFormat: { documentMode: 'PAGES' },
        },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight,documentFormat',
      },
    });
    // A 2×2 table inserted at 1 starts at 2; its cells' newlines are at 5, 7 and 10, 12.
    expect(requests.slice(1, 6)).toEqual([
      { insertTable: { location: { index: 1 }, rows: 2, columns: 2 } },
      { insertText: { location: { index: 12 }, text: 'BG' } },
      { insertText: { location: { index: 10 }, text: 'Số: 01' } },
      { insertText: { location: { index: 7 }, text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n' + '─'.repeat(29) } },
      { insertText: { location: { index: 5 }, text: 'LHH\n' + '─'.repeat(10) } },
    ]);
  });

  test('the body text between two tables is one insert, right after the filled header table', () => {
    // Header table: 2 + 2·5 structure + 14 + 92 + 6 + 2 characters = 126, so [2, 128).
    expect(requests[6]).toEqual({ insertText: { location: { index: 128 }, text: 'BC\nS\n' + '─'.repeat(16) + '\nK' } });
  });

  test('a 3×3 table inserted at 151 starts at 152; its cells take their text at 155, 157, 159, 162, 164, 166, 169, 171, 173', () => {
    const i = requests.findIndex((r) => 'insertTable' in r && r.insertTable.rows === 3);
    expect(requests[i]).toEqual({ insertTable: { location: { index: 151 }, rows: 3, columns: 3 } });
    const cells = requests.slice(i + 1, i + 10).map((r) => ('insertText' in r ? [r.insertText.location.index, r.insertText.text] : null));
    expect(cells).toEqual([
      [173, 'i'],
      [171, 'h'],
      [169, 'g'],
      [166, 'f'],
      [164, 'e'],
      [162, 'd'],
      [159, 'c'],
      [157, 'b'],
      [155, 'a'],
    ]);
    // Filled, it is 2 + 3·7 + 9 = 32 long: the paragraph after it starts at 184.
    expect(requests[i + 10]).toEqual({ insertText: { location: { index: 184 }, text: 'A' } });
    expect(requests[i + 11]).toEqual({ insertTable: { location: { index: 185 }, rows: 1, columns: 2 } });
    expect(requests[i + 12]).toEqual({ insertText: { location: { index: 191 }, text: 'CT\n\n\n\n\nAn' } });
    expect(requests[i + 13]).toEqual({ insertText: { location: { index: 189 }, text: 'Nơi nhận:\n- N;' } });
  });

  test('the inserts build the document in order: the paragraph Docs keeps above the header, then the tables and paragraphs', () => {
    expect(doc.slice(0, 4).join('')).toBe('<§>\n<T><R>');
    expect(doc.slice(126, 153).join('')).toBe('\n<E>BC\nS\n' + '─'.repeat(16) + '\nK\n<T>');
    expect(doc.slice(152, 186).join('')).toBe('<T><R><C>a\n<C>b\n<C>c\n<R><C>d\n<C>e\n<C>f\n<R><C>g\n<C>h\n<C>i\n<E>A\n');
    expect(doc.slice(186).join('')).toBe('<T><R><C>Nơi nhận:\n- N;\n<C>CT\n\n\n\n\nAn\n<E>\n');
    expect(doc.length).toBe(217);
  });

  test('every style range covers whole paragraphs, never leaving a table; only text styles span cells', () => {
    expect(misplacedRanges(requests, doc, true)).toEqual([]);
  });

  test('styles land on the intended paragraphs', () => {
    const text = textRanges(requests);
    const para = paraRanges(requests);
    const sizeOf = (t: string) => text.filter((r) => textAt(doc, r.range) === t).map((r) => r.textStyle.fontSize?.magnitude);
    // The empty paragraph above the header: 1 pt, no spacing.
    expect(text[0].range).toEqual({ startIndex: 1, endIndex: 2 });
    expect(text[0].textStyle.fontSize).toEqual({ magnitude: 1, unit: 'PT' });
    expect(para[0]).toMatchObject({ range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { spaceAbove: { magnitude: 0 }, spaceBelow: { magnitude: 0 } } });
    expect(sizeOf('LHH\n')).toEqual([12]);
    // Tên loại and trích yếu: the same type (14 pt bold), so one text range; different spacing, so two paragraph ranges.
    expect(sizeOf('BC\nS\n')).toEqual([14]);
    expect(para.find((r) => textAt(doc, r.range) === 'BC\n')?.paragraphStyle).toEqual({
      alignment: 'CENTER',
      indentFirstLine: { magnitude: 0, unit: 'PT' },
      indentStart: { magnitude: 0, unit: 'PT' },
      spaceAbove: { magnitude: 18, unit: 'PT' },
      spaceBelow: { magnitude: 0, unit: 'PT' },
      lineSpacing: 100,
    });
    // Header cells of a data table: bold and centred; other cells regular, their paragraphs left alone.
    // Text styles go by bands of rows: the bold header row, then the two regular rows in one range.
    expect(text.filter((r) => /^[a-i]\n/.test(textAt(doc, r.range))).map((r) => [textAt(doc, r.range), r.textStyle.bold, r.textStyle.fontSize?.magnitude])).toEqual([
      ['a\n<C>b\n<C>c\n', true, 14],
      ['d\n<C>e\n<C>f\n<R><C>g\n<C>h\n<C>i\n', false, 14],
    ]);
    expect(para.filter((r) => /^[a-i]\n$/.test(textAt(doc, r.range))).map((r) => [textAt(doc, r.range)[0], r.paragraphStyle])).toEqual([
      ['a', { alignment: 'CENTER' }],
      ['b', { alignment: 'CENTER' }],
      ['c', { alignment: 'CENTER' }],
    ]);
    // The signer's four blank lines and name are centred without spacing: one paragraph range.
    expect(para.filter((r) => textAt(doc, r.range) === '\n\n\n\nAn\n').map((r) => r.paragraphStyle.alignment)).toEqual(['CENTER']);
  });

  test('the first data-table column widths and its 0.5 pt black borders; the header and closing tables borderless', () => {
    const cellStyles = requests.flatMap((r) => ('updateTableCellStyle' in r ? [r.updateTableCellStyle] : []));
    expect(cellStyles.map((s) => [s.tableStartLocation.index, s.tableCellStyle.borderTop.width.magnitude])).toEqual([
      [2, 0],
      [152, 0.5],
      [186, 0],
    ]);
    expect(cellStyles[1].tableCellStyle.borderLeft).toEqual({ color: { color: { rgbColor: { red: 0, green: 0, blue: 0 } } }, width: { magnitude: 0.5, unit: 'PT' }, dashStyle: 'SOLID' });
    const widths = requests.flatMap((r) => ('updateTableColumnProperties' in r ? [r.updateTableColumnProperties] : []));
    expect(widths.filter((w) => w.tableStartLocation.index === 152).map((w) => [w.columnIndices, w.tableColumnProperties.width.magnitude])).toEqual([
      [[0, 1], 100],
      [[2], 282.2],
    ]);
  });
});

describe('the last paragraph of the body and bold runs', () => {
  const requests = buildDocRequests(
    tiny([
      para('A'),
      para('B'),
      { t: 'p', text: 'Tổng: 5 đồng.', runs: [{ text: 'Tổng: ' }, { text: '5 đồng', bold: true }, { text: '.' }], indentFirst: true, align: 'justify' },
      { t: 'pagebreak' },
      para('Y'),
    ],
    [{ title: 'PL', subtitle: 'DS', note: '(n)', blocks: [para('Z')] }],
    ),
  );
  const doc = apply(requests);
  const text = textRanges(requests);
  const para2 = paraRanges(requests);

  test('paragraphs with the same style share one range; a bold run gets its own', () => {
    expect(para2.filter((r) => textAt(doc, r.range).startsWith('A')).map((r) => textAt(doc, r.range))).toEqual(['A\nB\nTổng: 5 đồng.\n']);
    // Kính gửi (centred) and the body (justified) differ as paragraphs but not as text.
    const k = text.findIndex((r) => textAt(doc, r.range).startsWith('K\n'));
    expect(text.slice(k, k + 3).map((r) => [textAt(doc, r.range), r.textStyle.bold])).toEqual([
      ['K\nA\nB\nTổng: ', false],
      ['5 đồng', true],
      ['.\n', false],
    ]);
  });

  test('a page break is a paragraph of its own, in the body and before an annex', () => {
    const i = doc.indexOf('<P>');
    expect(doc.slice(i - 2, i + 3).join('')).toBe('.\n<P>\nY');
    const j = doc.lastIndexOf('<P>');
    expect(doc.slice(j - 1, j + 5).join('')).toBe('<E><P>\nPL\n');
  });

  test('the body ends with the model\'s last paragraph, whose final newline is left out of its ranges', () => {
    expect(doc.slice(-2).join('')).toBe('Z\n');
    const last = doc.length - 2;
    expect(text.filter((r) => r.range.endIndex > last).map((r) => r.range)).toEqual([{ startIndex: last, endIndex: last + 1 }]);
    expect(para2.filter((r) => r.range.endIndex > last).map((r) => r.range)).toEqual([{ startIndex: last, endIndex: last + 1 }]);
  });
});

describe('the real documents', () => {
  const withExtra = (n: number): LoggedEvent[] => [
    ...events,
    ...Array.from({ length: n }, (_, i) => event({ targetCode: 'P2.1', date: '2024-05-15', title: `Lớp tập huấn ${i + 1}`, quantity: 0, cost: 1_000_000 })),
  ];
  const report = (evs: LoggedEvent[]) => buildProgressReport({ settings, programs, targets, events: evs, period: quarter2, today: '2024-07-05', number: 1, lines: approvedLines });

  test('the quarterly report and the budget submission build without a misplaced insert', () => {
    for (const m of [report(events), buildBudgetSubmission({ settings, programs, targets, lines: draftLines, today: '2024-01-05', number: 3, year: 2024 })]) {
      const requests = buildDocRequests(m);
      const tokens = apply(requests);
      expect(misplacedRanges(requests, tokens, false)).toEqual([]);
      const doc = tokens.join('');
      expect(doc.startsWith('<§>\n<T><R><C>')).toBe(true);
      for (const l of [m.docType, m.subject, ...m.recipients, 'Nơi nhận:', ...m.annexes.map((a) => a.subtitle)]) expect(doc).toContain(`${l}\n`);
      expect(requests.filter((r) => 'insertPageBreak' in r)).toHaveLength(m.annexes.length);
    }
  });

  test('the number of requests stops growing past the annex cap', () => {
    const count = (n: number) => buildDocRequests(report(withExtra(n))).length;
    expect(count(MAX_ANNEX_EVENTS + 10)).toBe(count(MAX_ANNEX_EVENTS + 500));
    // Below the cap a listed event costs at most one insert and one style per cell of its row.
    expect(count(20) - count(10)).toBeLessThanOrEqual(10 * 8 * 2);
  });
});

describe('text Docs would drop', () => {
  test('CR, a Word bullet and a NUL in a cell and a paragraph are left out before any index is counted', () => {
    const cells = (a: string) => tiny([{ t: 'table', rows: [[a, 'c']], header: true, widths: [100, 382.2] }, para('A\u0000\r\nB\uf0b7')]);
    const dirty = buildDocRequests(cells('a\r\n\uf0b7b\u0007'));
    const clean = buildDocRequests({ ...cells('a\nb'), blocks: [{ t: 'table', rows: [['a\nb', 'c']], header: true, widths: [100, 382.2] }, para('A\nB')] });
    expect(dirty).toEqual(clean);
    expect(JSON.stringify(dirty)).not.toMatch(/\\r|\\u000[07]|\uf0b7/);
  });
});

describe('batches of a safe size', () => {
  test('the largest yearly report (annex full) goes in consecutive batches of at most 500 requests and 256 KB, which together are the whole request list', () => {
    const evs = [...events, ...Array.from({ length: 5000 }, (_, i) => event({ targetCode: 'P2.1', date: '2024-05-15', title: `Lớp tập huấn kỹ thuật trồng vải thiều ${i + 1}`, quantity: 1, cost: 1_000_000 }))];
    const requests = buildDocRequests(buildProgressReport({ settings, programs, targets, events: evs, period: quarter2, today: '2024-07-05', number: 1, lines: approvedLines }));
    expect(BATCH_LIMITS).toEqual({ requests: 500, bytes: 262144 });
    expect(requests.length).toBeGreaterThan(7000);
    const batches = splitBatches(requests);
    expect(batches.length).toBe(Math.ceil(requests.length / 500));
    for (const b of batches) {
      expect(b.length).toBeLessThanOrEqual(500);
      expect(Buffer.byteLength(JSON.stringify(b), 'utf8')).toBeLessThanOrEqual(262144);
    }
    expect(batches.flat()).toEqual(requests);
  });

  test('the byte bound cuts a batch before the count bound does, and a request bigger than the bound goes alone', () => {
    const big = (n: number) => ({ insertText: { location: { index: 1 }, text: 'ệ'.repeat(n) } });
    // 'ệ' is 3 bytes in UTF-8: 40 of them plus the JSON around them make a request of about 170 bytes.
    const sizes = splitBatches([big(40), big(40), big(40), big(400), big(40)], { requests: 500, bytes: 400 }).map((b) => b.length);
    expect(sizes).toEqual([2, 1, 1, 1]);
  });
});
