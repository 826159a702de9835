// Regenerates the README's pictures from the end-to-end UI tests: runs the Playwright layer of
// scripts/run-ext-tests.js (which leaves a numbered screenshot of each step in test-results/e2e/)
// and copies the steps the README shows into images/.
//
// usage: node scripts/screenshots.mjs            (runs the UI layer first)
//        node scripts/screenshots.mjs --no-run   (copies from the last run)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(root, 'test-results', 'e2e');
const images = join(root, 'images');

/** README picture ← the UI step whose screenshot name matches (the last match wins: it is the latest step). */
const PICTURES = [
  { file: 'squiggles.png', step: /^workbench-\d+-dockerfile-squiggles\.png$/, what: 'the squiggles of a Dockerfile' },
  { file: 'quick-fix.png', step: /^workbench-\d+-quick-fix-menu\.png$/, what: 'the quick fix menu' },
  { file: 'build-and-check.png', step: /^workbench-\d+-build-and-check-report\.png$/, what: 'a Build and Check report' },
];

if (!process.argv.includes('--no-run')) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'run-ext-tests.js'), 'ui'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) console.warn(`the UI tests exited with ${run.status}; copying the screenshots they left`);
}

const taken = existsSync(shots) ? readdirSync(shots).filter((name) => !name.startsWith('FAILED-')).sort() : [];
mkdirSync(images, { recursive: true });
const missing = [];
for (const picture of PICTURES) {
  const step = taken.filter((name) => picture.step.test(name)).pop();
  if (!step) {
    missing.push(`${picture.file} (${picture.what})`);
    continue;
  }
  copyFileSync(join(shots, step), join(images, picture.file));
  console.log(`images/${picture.file} ← test-results/e2e/${step}`);
}
if (missing.length > 0) {
  console.error(`no UI step took: ${missing.join(', ')}`);
  process.exit(1);
}
