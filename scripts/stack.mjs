// Maps an Apps Script stack trace ("at x (Code:12:345)") back to src/ with build/Code.js.map.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

const map = new SourceMap(JSON.parse(readFileSync(new URL('../build/Code.js.map', import.meta.url), 'utf8')));
const input = process.argv.slice(2).join(' ') || readFileSync(0, 'utf8');
const out = input.replace(/Code(?:\.js|\.gs)?:(\d+):(\d+)/g, (m, line, col) => {
  const e = map.findEntry(+line - 1, +col - 1);
  return e && e.originalSource ? `${e.originalSource.replace(/^.*?\/src\//, 'src/')}:${e.originalLine + 1}:${e.originalColumn + 1}` : m;
});
console.log(out);
