// Checks that clasp would push exactly the bundle, the sidebars and the manifest from build/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const expected = readdirSync('build')
  .filter((f) => f === 'Code.js' || f === 'appsscript.json' || f.endsWith('.html'))
  .sort();
const r = spawnSync('npx', ['clasp', 'show-file-status', '--json'], { encoding: 'utf8' });
let listed;
try {
  const out = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  listed = (out.filesToPush || []).map((f) => f.replace(/^build\//, '')).sort();
} catch {
  console.error('clasp show-file-status --json did not answer with JSON:\n' + r.stdout + r.stderr);
  process.exit(1);
}
const same = JSON.stringify(listed) === JSON.stringify(expected);
console.log(`clasp would push ${listed.length} files: ${listed.join(', ')}`);
if (!same) {
  console.error(`expected exactly: ${expected.join(', ')}`);
  process.exit(1);
}
