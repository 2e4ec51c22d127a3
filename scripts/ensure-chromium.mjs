// Finds a Chromium for the browser tests, installing Debian's package when run as root; otherwise names the one command to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function found() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Path of a Chromium executable, installing one with apt-get when we are root and none is there; null when none can be had. */
export function ensureChromium() {
  let path = found();
  if (path) return path;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (root && hasApt) {
    console.log('Chromium not found: installing Debian\'s chromium package for the browser tests (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    if (update.status === 0) {
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation', 'fonts-dejavu-core'], { stdio: 'inherit', env });
    }
    path = found();
    if (path) return path;
  }
  console.error(
    'The browser tests need Chromium and none was found.\n' +
      (hasApt ? 'Install it with:  sudo apt-get install -y chromium fonts-liberation\n' : 'Install Chromium and set CHROMIUM_PATH to its executable.\n') +
      'or point CHROMIUM_PATH at an existing Chromium/Chrome executable.',
  );
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = ensureChromium();
  if (!p) process.exit(1);
  console.log(p);
}
