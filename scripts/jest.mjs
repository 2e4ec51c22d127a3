// Runs jest; when JEST_JSON is set (CI), also writes jest's JSON summary there for the totals line.
import { spawnSync } from 'node:child_process';

const args = ['jest', '--ci'];
if (process.env.JEST_JSON) args.push('--json', `--outputFile=${process.env.JEST_JSON}`);
args.push(...process.argv.slice(2));
const r = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
