// `npm run fuzz [-- --seconds 300] [--seed 42] [--edits 200] [--server] [--save]`: the long fuzz run
// (after build and compile-tests). The short seeded runs are part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const entry = 'out/test/fuzz/main.js';
if (!existsSync(entry)) {
  console.error(`${entry} is missing: run npm run compile-tests first`);
  process.exit(2);
}
const args = process.argv.slice(2);
if (!args.includes('--no-server') && !args.includes('--server')) args.push('--server');
const result = spawnSync(process.execPath, [entry, ...args.filter((a) => a !== '--no-server')], { stdio: 'inherit' });
process.exit(result.status ?? 1);
