// Cold-load time of a server bundle: compile + top-level evaluation in a fresh Node process (no V8 code cache), as Apps Script pays on every execution.
// Run alone after `npm run build` (`node scripts/load-time.mjs`) it also times synthetic larger bundles,
// the figures behind the size limit in scripts/build.mjs (README, "Bundle size").
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A fresh process per sample: inside one process V8 caches the compiled script by its source, so a
// second load would measure the cache, not what a new Apps Script execution pays.
const CHILD = `
const vm = require('node:vm');
const code = require('node:fs').readFileSync(0, 'utf8');
const t0 = process.hrtime.bigint();
const script = new vm.Script(code);
const t1 = process.hrtime.bigint();
script.runInContext(vm.createContext({}));
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ compileMs: Number(t1 - t0) / 1e6, evalMs: Number(t2 - t1) / 1e6 }));
`;

// The fastest sample: on a shared machine the others only add other processes' time.
const best = (xs) => Math.min(...xs);

/** Best of `samples` fresh processes for compile, top-level evaluation and their sum, in ms. */
export function measureLoad(code, samples = 9) {
  const rows = [];
  for (let i = 0; i < samples; i++) {
    const r = spawnSync(process.execPath, ['-e', CHILD], { input: code, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`load-time probe failed: ${r.stderr}`);
    rows.push(JSON.parse(r.stdout));
  }
  const round = (x) => +x.toFixed(2);
  return {
    compileMs: round(best(rows.map((r) => r.compileMs))),
    evalMs: round(best(rows.map((r) => r.evalMs))),
    totalMs: round(best(rows.map((r) => r.compileMs + r.evalMs))),
  };
}

/**
 * The bundle grown by `copies` more copies of its own IIFE (each a stand-in for a domain as large as
 * everything shipped today). Eager: each copy's module bodies run at load, as a plain import does.
 * Lazy: each copy sits in a function that nothing calls, as a module behind esbuild's lazy module
 * initialiser (a require() from src/main.ts) does until its entry point runs.
 */
export function synthetic(code, copies, lazy) {
  const at = code.indexOf('\n// LHH Tracker: generated');
  const body = code.slice(0, at);
  const tail = code.slice(at);
  const head = '"use strict";var __lhh=';
  if (!body.startsWith(head)) throw new Error('unexpected bundle prologue');
  const iife = body.slice(head.length).trimEnd().replace(/;$/, '');
  let extra = '';
  for (let k = 1; k <= copies; k++) {
    extra += lazy
      ? `\nvar __dom${k};function __initDom${k}(){return __dom${k}||(__dom${k}=${iife})}`
      : `\nvar __dom${k}=${iife};`;
  }
  return body + extra + tail;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url).pathname;
  const code = readFileSync(`${root}build/Code.js`, 'utf8');
  const kb = (s) => (Buffer.byteLength(s) / 1024).toFixed(0);
  console.log('bundle                      size     compile  evaluate  total (ms, best of 9 fresh processes)');
  const row = (name, c) => {
    const m = measureLoad(c);
    console.log(`${name.padEnd(27)} ${kb(c).padStart(4)} KB ${String(m.compileMs).padStart(8)} ${String(m.evalMs).padStart(9)} ${String(m.totalMs).padStart(6)}`);
  };
  row('build/Code.js', code);
  for (const n of [1, 2, 3]) {
    row(`+${n} copy eager`, synthetic(code, n, false));
    row(`+${n} copy lazy`, synthetic(code, n, true));
  }
}
