// The vm harness: Apps Script-like realm, clock-driven Date, cross-realm values, sidebar rules, locks and interleavings.

import { createGoogle } from '../../fakes';
import { interleave, loadBundle, runEntry } from '../../fakes/harness';

const BUNDLE = `
function probe() {
  return {
    require: typeof require, process: typeof process, setTimeout: typeof setTimeout, setInterval: typeof setInterval,
    URL: typeof URL, TextEncoder: typeof TextEncoder, Buffer: typeof Buffer, SpreadsheetApp: typeof SpreadsheetApp,
  };
}
function now() { return new Date().toISOString() + '|' + Date.now(); }
function readDate() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange('A1').setValue(new Date(Date.UTC(2024, 0, 2)));
  var v = sh.getRange('A1').getValues();
  return [v instanceof Array, v[0][0] instanceof Date, v[0][0].getTime()];
}
function catchIt() {
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); } catch (e) { return e instanceof Error ? 'Error:' + e.message : 'other'; }
}
function echo(x) { return x; }
function giveDate() { return { when: new Date() }; }
function onOpen(e) { SpreadsheetApp.getUi().createMenu('LHH').addItem('Mở', 'openSidebar').addToUi(); }

// Saves a row under the document lock: lock first, then read-modify-write.
function saveLocked(name) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(10000);
  try {
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    var last = sh.getLastRow();
    var id = last === 0 ? 1 : sh.getRange(last, 1).getValue() + 1;
    sh.getRange(last + 1, 1, 1, 2).setValues([[id, name]]);
    return id;
  } finally { lock.releaseLock(); }
}
// The same without a lock.
function saveUnlocked(name) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var last = sh.getLastRow();
  var id = last === 0 ? 1 : sh.getRange(last, 1).getValue() + 1;
  sh.getRange(last + 1, 1, 1, 2).setValues([[id, name]]);
  return id;
}
`;

describe('loadBundle', () => {
  test('the realm has the Apps Script globals and none of Node', () => {
    const google = createGoogle();
    const ctx = loadBundle(BUNDLE, google.newExecution());
    expect(ctx.probe()).toEqual({ require: 'undefined', process: 'undefined', setTimeout: 'undefined', setInterval: 'undefined', URL: 'undefined', TextEncoder: 'undefined', Buffer: 'undefined', SpreadsheetApp: 'object' });
  });

  test('new Date() and Date.now() follow the simulated clock', () => {
    const google = createGoogle();
    google.clock.set(new Date('2025-05-01T00:00:00Z'));
    google.clock.advance(1000);
    expect(runEntry(google, BUNDLE, 'now', [])).toBe('2025-05-01T00:00:01.000Z|' + Date.parse('2025-05-01T00:00:01Z'));
  });

  test('values returned into the bundle belong to its realm; errors are its Errors', () => {
    const google = createGoogle();
    expect(runEntry(google, BUNDLE, 'readDate', [])).toEqual([true, true, Date.UTC(2024, 0, 2)]);
    expect(runEntry(google, BUNDLE, 'catchIt', [])).toBe('Error:The starting row of the range is too small.');
  });

  test('onOpen builds the menu into the execution record', () => {
    const google = createGoogle();
    const exec = google.newExecution({ kind: 'simpleTrigger', authMode: 'NONE' });
    loadBundle(BUNDLE, exec).onOpen({ authMode: 'NONE' });
    expect(exec.ui.menus).toEqual([{ caption: 'LHH', addon: false, items: [{ caption: 'Mở', functionName: 'openSidebar' }] }]);
  });
});

describe('runEntry as google.script.run', () => {
  test('plain values pass and come back as copies', () => {
    const google = createGoogle();
    const arg = { a: [1, 'x', null, { b: true }] };
    const out = runEntry(google, BUNDLE, 'echo', [arg], { kind: 'sidebar' });
    expect(out).toEqual(arg);
    expect(out).not.toBe(arg);
  });

  test('a Date argument or result is rejected', () => {
    const google = createGoogle();
    expect(() => runEntry(google, BUNDLE, 'echo', [{ d: new Date() }], { kind: 'sidebar' })).toThrow(/Invalid argument: argument \$\[0\]\.d is a Date/);
    expect(() => runEntry(google, BUNDLE, 'giveDate', [], { kind: 'sidebar' })).toThrow(/Invalid argument: return value \$\.when is a Date/);
    expect(() => runEntry(google, BUNDLE, 'echo', [() => 1], { kind: 'sidebar' })).toThrow(/is a function/);
    expect(() => runEntry(google, BUNDLE, 'missing', [], { kind: 'sidebar' })).toThrow('Script function not found: missing');
  });
});

describe('locks and interleaving', () => {
  test('locks are shared across executions and released when a run ends', () => {
    const google = createGoogle();
    const a = google.newExecution({ kind: 'sidebar' });
    const b = google.newExecution({ kind: 'sidebar', user: 'staff@lhh.example.vn' });
    const la = google.gas(a).LockService.getDocumentLock();
    expect(la.tryLock(1000)).toBe(true);
    expect(la.hasLock()).toBe(true);
    const lb = google.gas(b).LockService.getDocumentLock();
    expect(lb.tryLock(1000)).toBe(false);
    expect(() => lb.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(google.lockContentions.map((c) => c.execution)).toEqual([b.id, b.id]);
    a.end();
    expect(lb.tryLock(1000)).toBe(true);
    b.end();
  });

  test('with a lock the second save waits (deferred) and ids stay distinct', () => {
    const google = createGoogle();
    const r = interleave(google, BUNDLE, { fn: 'saveLocked', args: ['An'], ctx: { kind: 'sidebar' } }, { fn: 'saveLocked', args: ['Bình'], ctx: { kind: 'sidebar' } }, { method: 'SpreadsheetApp.Sheet.getLastRow' });
    expect(r.deferred).toBe(true);
    expect(r.sideEffectsWhileWaiting).toBe(false);
    expect([r.first, r.second]).toEqual([1, 2]);
    expect(google.sheetValues(google.activeSpreadsheetId!, 'Sheet1')).toEqual([
      [1, 'An'],
      [2, 'Bình'],
    ]);
  });

  test('without a lock the second save runs inside the first and the ids collide', () => {
    const google = createGoogle();
    const r = interleave(google, BUNDLE, { fn: 'saveUnlocked', args: ['An'] }, { fn: 'saveUnlocked', args: ['Bình'] }, { method: 'SpreadsheetApp.Sheet.getLastRow' });
    expect(r.deferred).toBe(false);
    expect([r.first, r.second]).toEqual([1, 1]);
    expect(google.sheetValues(google.activeSpreadsheetId!, 'Sheet1')).toEqual([[1, 'An']]);
  });
});
