// The boundaries lint enforces: a file that crosses one fails `npm run lint`, a file that keeps to its side passes.
import { spawnSync } from 'node:child_process';

// Jest's module sandbox cannot load eslint.config.mjs, so the samples are linted in one child process,
// with the repository's own config, as `npm run lint` would lint them at those paths.
const SAMPLES: Record<string, [string, string]> = {
  coreImportsServer: ['src/core/bad.ts', "import { respond } from '../server/respond';\nexport const r = respond;\n"],
  coreImportsAudit: ['src/core/bad.ts', "import { audit } from '../server/audit';\nexport const a = audit;\n"],
  coreImportsUi: ['src/core/bad.ts', "import { call } from '../ui/common';\nexport const c = call;\n"],
  coreImportsMain: ['src/core/bad.ts', "import { onOpen } from '../main';\nexport const o = onOpen;\n"],
  coreImportsServerType: ['src/core/bad.ts', "import type { Ctx } from '../server/context';\nexport type C = Ctx;\n"],
  coreImportsCore: ['src/core/good.ts', "import { AppError } from './errors';\nexport const e = new AppError('notSetUp');\n"],
  uiImportsServer: ['src/ui/bad.ts', "import { failure } from '../server/respond';\nexport const f = failure;\n"],
  uiImportsMain: ['src/ui/bad.ts', "import { getLogView } from '../main';\nexport const g = getLogView;\n"],
  uiImportsContractType: ['src/ui/good.ts', "import type * as Server from '../main';\nexport type S = typeof Server;\n"],
  serverThrowsError: ['src/server/actions/bad.ts', "export function f(n: number): number {\n  if (n < 0) throw new Error(`quota: ${n}`);\n  return n;\n}\n"],
  coreThrowsError: ['src/core/bad.ts', "export function f(n: number): number {\n  if (n < 0) throw new TypeError('bad');\n  return n;\n}\n"],
  serverThrowsAppError: [
    'src/server/actions/good.ts',
    "import { AppError } from '../../core/errors';\nexport function f(n: number): number {\n  if (n < 0) throw new AppError('weeklyQuotaShort', { remaining: n, needed: 1 });\n  return n;\n}\n",
  ],
};

const LINTER = `
import { ESLint } from 'eslint';
const samples = JSON.parse(process.argv[1]);
const eslint = new ESLint();
const out = {};
for (const [name, [filePath, code]] of Object.entries(samples)) {
  const [r] = await eslint.lintText(code, { filePath });
  out[name] = r.messages.map((m) => m.ruleId + ': ' + m.message);
}
process.stdout.write(JSON.stringify(out));
`;

let results: Record<string, string[]>;
beforeAll(() => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', LINTER, JSON.stringify(SAMPLES)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  results = JSON.parse(r.stdout);
});

/** The messages lint gives for the sample. */
function lint(name: keyof typeof SAMPLES): string[] {
  return results[name];
}

describe('the core stays pure', () => {
  test('a core file importing the server, a sidebar or the entry file fails lint', () => {
    expect(lint('coreImportsServer')).toEqual([
      '@typescript-eslint/no-restricted-imports: \'../server/respond\' import is restricted from being used by a pattern. src/core is pure: it imports only src/core (no src/server, src/ui or src/main.ts), not even types.',
    ]);
    expect(lint('coreImportsAudit')).toHaveLength(1);
    expect(lint('coreImportsUi')).toHaveLength(1);
    expect(lint('coreImportsMain')).toHaveLength(1);
    expect(lint('coreImportsServerType')).toHaveLength(1);
  });

  test('a core file importing the core passes', () => {
    expect(lint('coreImportsCore')).toEqual([]);
  });
});

describe('a sidebar reads the server only as types', () => {
  test('a run-time import of the server or the entry file fails lint', () => {
    expect(lint('uiImportsServer')).toEqual([
      "@typescript-eslint/no-restricted-imports: '../server/respond' import is restricted from being used by a pattern. src/ui may import the server only with `import type` (the contract).",
    ]);
    expect(lint('uiImportsMain')).toHaveLength(1);
  });

  test('a type-only import of the contract passes', () => {
    expect(lint('uiImportsContractType')).toEqual([]);
  });
});

describe('our code throws coded errors', () => {
  test('a plain Error thrown by the server or the core fails lint; an AppError passes', () => {
    expect(lint('serverThrowsError')).toEqual([
      'no-restricted-syntax: Throw an AppError with a code of src/core/errors.ts (a plain Error reaches the user as "lỗi ngoài dự kiến").',
    ]);
    expect(lint('coreThrowsError')).toHaveLength(1);
    expect(lint('serverThrowsAppError')).toEqual([]);
  });
});
