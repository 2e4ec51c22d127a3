// Lint: typescript-eslint everywhere; the core may not touch a Google Apps Script global.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const GOOGLE_GLOBALS = [
  'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'MailApp', 'GmailApp', 'PropertiesService', 'CacheService',
  'LockService', 'ScriptApp', 'HtmlService', 'Utilities', 'Session', 'Logger', 'Charts', 'UrlFetchApp',
  'Drive', 'Docs', 'google',
];

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
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', ...GOOGLE_GLOBALS.map((name) => ({ name, message: 'src/core is pure: receive Google services from an adapter.' }))],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='GoogleAppsScript']", message: 'src/core is pure.' }, { selector: "TSQualifiedName[left.name='GoogleAppsScript']", message: 'src/core is pure: no Google types.' }],
    },
  },
);
