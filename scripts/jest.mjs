// Runs jest with a Chromium found or installed for the browser tests; when JEST_JSON is set (CI), also writes jest's JSON summary there.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

const chromium = ensureChromium();
if (!chromium) process.exit(1);

const args = ['jest', '--ci'];
if (process.env.JEST_JSON) args.push('--json', `--outputFile=${process.env.JEST_JSON}`);
args.push(...process.argv.slice(2));
const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(r.status ?? 1);
