// Lint: typescript-eslint everywhere; the boundaries: the core touches no Google global and imports only the core,
// a sidebar imports the server only as types (the contract), and our code throws AppError, never a plain Error.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const GOOGLE_GLOBALS = [
  'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'MailApp', 'GmailApp', 'PropertiesService', 'CacheService',
  'LockService', 'ScriptApp', 'HtmlService', 'Utilities', 'Session', 'Logger', 'Charts', 'UrlFetchApp',
  'Drive', 'Docs', 'google',
];

/** Import paths that lead out of the pure side: the adapters and the entry file. */
const SERVER_SIDE = ['**/server', '**/server/**', '**/main', '**/main.ts'];

/** A plain Error reaches the user as "lỗi ngoài dự kiến": throw an AppError with a code of src/core/errors.ts. */
const PLAIN_ERROR = {
  selector: "ThrowStatement > NewExpression[callee.name=/^(Error|TypeError|RangeError)$/]",
  message: 'Throw an AppError with a code of src/core/errors.ts (a plain Error reaches the user as "lỗi ngoài dự kiến").',
};

export default tseslint.config(
  { ignores: ['build/**', 'node_modules/**', '.local/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'fakes/**', 'test/**', 'local/**', 'bench/**', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The fakes mirror Google's object model: closures over the owning fake read better than binds.
    files: ['fakes/**'],
    rules: { '@typescript-eslint/no-this-alias': 'off', 'no-useless-assignment': 'off' },
  },
  {
    files: ['src/ui/**'],
    languageOptions: { globals: { ...globals.browser, google: 'readonly' } },
    rules: {
      // The sidebar bundle must not carry server code: the contract (src/main.ts's exports) is read as types only.
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: SERVER_SIDE, allowTypeImports: true, message: 'src/ui may import the server only with `import type` (the contract).' }] }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', ...GOOGLE_GLOBALS.map((name) => ({ name, message: 'src/core is pure: receive Google services from an adapter.' }))],
      'no-restricted-syntax': ['error', PLAIN_ERROR, { selector: "MemberExpression[object.name='GoogleAppsScript']", message: 'src/core is pure.' }, { selector: "TSQualifiedName[left.name='GoogleAppsScript']", message: 'src/core is pure: no Google types.' }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: [...SERVER_SIDE, '**/ui', '**/ui/**'], message: 'src/core is pure: it imports only src/core (no src/server, src/ui or src/main.ts), not even types.' }] }],
    },
  },
  {
    files: ['src/server/**', 'src/main.ts'],
    rules: { 'no-restricted-syntax': ['error', PLAIN_ERROR] },
  },
);
