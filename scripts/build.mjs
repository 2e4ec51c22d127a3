// Build: bundles src/main.ts into build/Code.js with real top-level entry functions, sidebars into self-contained HTML.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. Server bundle. esbuild gives an IIFE whose result holds main.ts's exports; Apps Script only
// sees top-level function declarations, so one is generated per export. Nothing else is global
// but the namespace object itself.
const NS = '__lhh';
const server = await build({
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  format: 'iife',
  globalName: NS,
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: false,
  write: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
});
let code = server.outputFiles[0].text;
// Which names does the entry export? Evaluate the bundle once in a bare context and list them.
const probe = vm.createContext({});
vm.runInContext(code.replace(`var ${NS} =`, `globalThis.${NS} =`), probe);
const exportsObj = probe[NS];
const names = Object.keys(exportsObj).filter((k) => typeof exportsObj[k] === 'function').sort();
const wrappers = names
  .map((n) => `function ${n}() {\n  return ${NS}.${n}.apply(this, arguments);\n}`)
  .join('\n');
code = `// LHH Tracker, built ${new Date().toISOString().slice(0, 10)}. Generated: edit src/, not this file.\n${code}\n// Entry points (generated from src/main.ts exports).\n${wrappers}\n`;
writeFileSync(join(out, 'Code.js'), code);
writeFileSync(join(out, 'entrypoints.json'), JSON.stringify(names, null, 2));

// 2. Sidebars: each src/ui/<Name>.html may reference <!-- inline:<file>.ts --> and <!-- inline:<file>.css -->.
const uiDir = join(root, 'src/ui');
const sidebarSizes = {};
for (const f of existsSync(uiDir) ? readdirSync(uiDir) : []) {
  if (!f.endsWith('.html')) continue;
  let html = readFileSync(join(uiDir, f), 'utf8');
  const refs = [...html.matchAll(/<!--\s*inline:([\w./-]+)\s*-->/g)];
  for (const [marker, file] of refs) {
    const p = join(uiDir, file);
    let inlined;
    if (file.endsWith('.ts')) {
      const r = await build({
        entryPoints: [p],
        bundle: true,
        format: 'iife',
        target: 'es2019',
        platform: 'browser',
        minify: true,
        write: false,
        charset: 'utf8',
        legalComments: 'none',
        logLevel: 'warning',
      });
      // "</script" inside the bundle would end the tag early.
      inlined = `<script>${r.outputFiles[0].text.replace(/<\/script/gi, '<\\/script')}</script>`;
    } else if (file.endsWith('.css')) {
      inlined = `<style>${readFileSync(p, 'utf8')}</style>`;
    } else {
      throw new Error(`Cannot inline ${file}`);
    }
    html = html.replace(marker, () => inlined);
  }
  writeFileSync(join(out, f), html);
  sidebarSizes[f] = Buffer.byteLength(html);
}

// 3. Manifest and clasp files.
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));

// 4. Size and cold-load time: Apps Script re-evaluates the whole bundle on every execution.
const codeBytes = statSync(join(out, 'Code.js')).size;
const t0 = process.hrtime.bigint();
const runs = 20;
for (let i = 0; i < runs; i++) vm.runInContext(code, vm.createContext({}));
const coldLoadMs = Number(process.hrtime.bigint() - t0) / 1e6 / runs;
writeFileSync(join(out, 'stats.json'), JSON.stringify({ codeBytes, coldLoadMs, sidebarBytes: sidebarSizes, entryPoints: names.length }, null, 2));
const LIMIT = 200 * 1024;
console.log(`build/Code.js ${(codeBytes / 1024).toFixed(1)} KB (limit ${LIMIT / 1024} KB), ${names.length} entry points, load into a fresh context ${coldLoadMs.toFixed(2)} ms`);
for (const [f, n] of Object.entries(sidebarSizes)) console.log(`build/${f} ${(n / 1024).toFixed(1)} KB`);
if (codeBytes > LIMIT) {
  console.error(`build/Code.js is over ${LIMIT / 1024} KB`);
  process.exit(1);
}
