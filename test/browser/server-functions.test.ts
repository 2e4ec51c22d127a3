// Every function name the sidebars pass to google.script.run is an entry point of the built bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_FNS } from '../../src/ui/common';
import { BUILD } from './sidebar-harness';

test('the sidebars call only functions build/Code.js exposes', () => {
  const entryPoints = JSON.parse(readFileSync(join(BUILD, 'entrypoints.json'), 'utf8')) as string[];
  expect(SERVER_FNS.filter((fn) => !entryPoints.includes(fn))).toEqual([]);
});

test('the sidebars name no server function outside the typed list', () => {
  const ui = join(__dirname, '..', '..', 'src', 'ui');
  const used = new Set<string>();
  for (const f of ['log-sidebar.ts', 'budget-sidebar.ts', 'check-sidebar.ts', 'report-sidebar.ts', 'settings-sidebar.ts', 'import-dialog.ts', 'experts-sidebar.ts', 'dossier-sidebar.ts', 'forms-sidebar.ts', 'review-sidebar.ts']) {
    // The dossier sidebar's steps go through its run(fn, …) helper, which calls the same typed call().
    for (const m of readFileSync(join(ui, f), 'utf8').matchAll(/\b(?:call|run)(?:<[^>]*>)?\('(\w+)'/g)) used.add(m[1]);
  }
  expect([...used].sort()).toEqual([...SERVER_FNS].sort());
});
