// Surviving what real Google does differently from a tidy fake: text Docs drops, APIs that refuse, long batches, pageless documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { world, type World } from '../support/bundle';

const SEED = readFileSync(join(__dirname, '..', 'fixtures', 'decisions', 'QD-1731-QD-UBND-2023-BacGiang.txt'), 'utf8');

/** Every text of a saved document, in order (paragraphs, cells). */
function docText(w: World, docId: string): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.text === 'string' && !o.children) out.push(o.text);
    for (const k of ['children', 'rows', 'cells', 'body']) {
      const v = o[k];
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') walk(v);
    }
  };
  walk(w.google.document(docId, { saved: true }));
  return out.join('\n');
}

const count = (w: World, re: RegExp) => Object.entries(w.google.calls()).reduce((n, [k, v]) => (re.test(k) ? n + v : n), 0);

describe('text that Google Docs would drop', () => {
  test('a title pasted with CR LF and a Word bullet, and a decision whose bullets are Word symbols, still make the yearly report on the Docs API road', () => {
    const w = world();
    // The decision as Word pastes it: CR LF line ends, "" (U+F0B7) instead of "-", and 17 consultations instead of 16.
    const pasted = SEED.replace(/^- /gm, '\uf0b7\t').replace('Tổ chức 16 cuộc tư vấn', 'Tổ chức 17 cuộc tư vấn').replace(/\n/g, '\r\n');
    const plain = w.call('importDecision', SEED, {});
    const preview = w.call('importDecision', pasted, {});
    expect(preview.ok).toBe(true);
    // The outline is read as from the clean text: same programmes, same targets with the same counts (17 where it says 17).
    const shape = (r: { targets: { code: string; quantity: number | null; unit: string }[] }) => r.targets.map((t) => `${t.code} ${t.quantity} ${t.unit}`);
    expect(shape(preview)).toEqual(shape(plain).map((s) => (s === 'P2.1 16 cuộc' ? 'P2.1 17 cuộc' : s)));
    expect(JSON.stringify(preview.targets)).not.toMatch(/[\ue000-\uf8ff\r]/);
    const applied = w.call('importDecision', pasted, { apply: true });
    expect(applied).toMatchObject({ ok: true, applied: true });

    const logged = w.call('logEvent', { targetCode: 'P2.1', date: '2024-03-10', title: '\uf0b7 Phản biện Đề án\r\nchuyển đổi số tỉnh', quantity: 1 });
    expect(logged.ok).toBe(true);
    const events = w.sheet('Hoạt động');
    const titleCol = (events[0] as string[]).indexOf('Tên hoạt động');
    expect(events[1][titleCol]).toBe('Phản biện Đề án\nchuyển đổi số tỉnh');

    w.google.resetCalls();
    const r = w.call('generateReport', { kind: 'progress', from: '2024-01-01', to: '2024-12-31' });
    expect(r.ok).toBe(true);
    expect(count(w, /^Docs\.Documents\.batchUpdate$/)).toBeGreaterThanOrEqual(1);
    expect(count(w, /^DocumentApp\.create$/)).toBe(0);
    const text = docText(w, r.docId);
    expect(text).toContain('Phản biện Đề án');
    expect(text).toContain('chuyển đổi số tỉnh');
    expect(text).not.toMatch(/[\ue000-\uf8ff\r]/);
    // The imported count is the plan the report measures against.
    expect(text).toMatch(/17 cuộc/);
  });
});
