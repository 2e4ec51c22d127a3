// Test support: a bundle built like build/Code.js from src/ plus a test entry (a test-only record type and entry points).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import vm from 'node:vm';

const ROOT = join(__dirname, '..', '..');
const NS = '__lhh';
const built = new Map<string, string>();

/**
 * The entry is a file that re-exports src/main.ts and adds to it. Built by the esbuild binary in a
 * child process (esbuild's API refuses jest's realm), with the options of scripts/build.mjs, and given
 * the same top-level entry functions.
 */
export function variantBundle(entry: string): string {
  const cached = built.get(entry);
  if (cached) return cached;
  let code = execFileSync(
    join(ROOT, 'node_modules', '.bin', 'esbuild'),
    [entry, '--bundle', '--format=iife', `--global-name=${NS}`, '--target=es2020', '--platform=neutral', '--main-fields=module,main', '--minify', '--charset=utf8', '--legal-comments=none', '--log-level=warning'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const probe = vm.createContext({});
  vm.runInContext(code.replace(new RegExp(`var ${NS}\\s*=`), `globalThis.${NS}=`), probe);
  const names = Object.keys(probe[NS]).filter((k) => typeof probe[NS][k] === 'function');
  code += names.map((n) => `\nfunction ${n}() {\n  return ${NS}.${n}.apply(this, arguments);\n}`).join('');
  built.set(entry, code);
  return code;
}
