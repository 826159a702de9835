/**
 * Runs mocha on the compiled test files of one folder, inside the extension host (an
 * `extensionTestsPath` module's `run()`). Prints `N passed, N failed`; when SHIPSHAPE_E2E_RESULTS
 * names a file, also writes the counts there as JSON for the runner's summary.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type MochaType from 'mocha';

function loadMocha(): typeof MochaType {
  // mocha 12 is an ES module whose CommonJS build is lib/mocha.cjs; earlier versions are CommonJS.
  try {
    return require('mocha/lib/mocha.cjs');
  } catch {
    const mocha = require('mocha');
    return mocha.default ?? mocha;
  }
}

export function runMocha(folder: string, suffix: string): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, slow: 5_000 });
  if (process.env.SHIPSHAPE_E2E_GREP) mocha.grep(process.env.SHIPSHAPE_E2E_GREP);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(suffix)).sort()) mocha.addFile(join(folder, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
      if (process.env.SHIPSHAPE_E2E_RESULTS) writeFileSync(process.env.SHIPSHAPE_E2E_RESULTS, JSON.stringify({ passed: passes, failed: failures, skipped: pending }));
      if (failures > 0 || passes === 0) reject(new Error(`${failures} of ${passes + failures} extension tests failed`));
      else resolve();
    });
  });
}
