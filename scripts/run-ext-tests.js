#!/usr/bin/env node
// Runs the end-to-end tests in a real VS Code (`npm run test:e2e`, after scripts/setup-e2e.sh):
//   host  the extension-host integration tests (test/e2e/suite, mocha, the `vscode` API), through
//         @vscode/test-electron's runTests. Its VS Code executable is scripts/code-shim.js, which runs
//         them in code-server; set VSCODE_EXECUTABLE to a desktop VS Code to run them there instead.
//   ui    the Playwright smoke tests of the workbench (test/e2e/ui), with a screenshot of each step
//         in test-results/e2e/ (kept from the last run only).
// usage: node scripts/run-ext-tests.js [host|ui]…   (default: both)
// Environment: SHIPSHAPE_E2E_GREP (only tests whose title matches), SHIPSHAPE_E2E_TIMEOUT_MS.
// Prints each layer's counts and a closing `N passed, N failed`; exits non-zero on any failure.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out', 'test', 'e2e');
const screenshots = path.join(root, 'test-results', 'e2e');
const layers = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['host', 'ui'];
for (const layer of layers) {
  if (layer !== 'host' && layer !== 'ui') {
    console.error(`unknown layer "${layer}": use host and/or ui`);
    process.exit(2);
  }
}

const temps = [];
function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-e2e-${prefix}-`));
  temps.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function newest(dir) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (/\.(ts|json)$/.test(entry.name)) latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds dist/ and compiles the tests when either is missing or older than its sources. */
function ensureBuilt() {
  const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
  const sources = Math.max(newest(path.join(root, 'client', 'src')), newest(path.join(root, 'server', 'src')), mtime(path.join(root, 'package.json')));
  const steps = [];
  if (Math.min(mtime(path.join(root, 'dist', 'extension.js')), mtime(path.join(root, 'dist', 'server.js'))) < sources) steps.push(['npm', ['run', '--silent', 'build']]);
  if (mtime(path.join(out, 'suite', 'index.js')) < Math.max(sources, newest(path.join(root, 'test')))) steps.push(['npx', ['tsc', '-p', 'tsconfig.json']]);
  for (const [command, args] of steps) {
    console.log(`e2e: ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

/**
 * A copy of a fixture workspace, so tests may edit and save freely. Its runtime/ app gets the static
 * busybox (from Debian's busybox-static, which scripts/docker-engine.sh installs) it is built on.
 */
function workspaceCopy(name) {
  const copy = path.join(tempDir('workspace'), name);
  fs.cpSync(path.join(root, 'test', 'e2e', 'fixtures', name), copy, { recursive: true });
  if (fs.existsSync(path.join(copy, 'runtime')) && fs.existsSync('/bin/busybox')) fs.copyFileSync('/bin/busybox', path.join(copy, 'runtime', 'busybox'));
  return copy;
}

function readCounts(file) {
  try {
    const { passed, failed } = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { passed, failed };
  } catch {
    return undefined;
  }
}

async function runHostLayer() {
  const { runTests } = require('@vscode/test-electron');
  const shim = path.join(__dirname, 'code-shim.js');
  fs.chmodSync(shim, 0o755); // runTests executes it directly
  const profile = tempDir('profile');
  const results = path.join(profile, 'results.json');
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || shim,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(out, 'suite', 'index.js'),
      launchArgs: [workspaceCopy('workspace'), `--user-data-dir=${path.join(profile, 'user-data')}`, `--extensions-dir=${path.join(profile, 'extensions')}`],
      extensionTestsEnv: { SHIPSHAPE_E2E_RESULTS: results },
    });
  } catch (error) {
    code = error && typeof error.code === 'number' ? error.code : 1;
  }
  const counts = readCounts(results);
  if (!counts) return { passed: 0, failed: 1, note: 'the extension tests did not report (see above)' };
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `VS Code exited with ${code}` };
  return counts;
}

async function runUiLayer() {
  fs.rmSync(screenshots, { recursive: true, force: true });
  fs.mkdirSync(screenshots, { recursive: true });
  const mochaModule = require('mocha');
  const Mocha = mochaModule.default || mochaModule;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, slow: 10_000 });
  if (process.env.SHIPSHAPE_E2E_GREP) mocha.grep(process.env.SHIPSHAPE_E2E_GREP);
  const dir = path.join(out, 'ui');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ui.js')).sort()) mocha.addFile(path.join(dir, file));
  process.env.SHIPSHAPE_E2E_WORKSPACE = workspaceCopy('workspace');
  const counts = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
  console.log(`screenshots: ${path.relative(root, screenshots)}/`);
  return counts;
}

(async () => {
  ensureBuilt();
  const totals = { passed: 0, failed: 0 };
  const lines = [];
  for (const layer of layers) {
    const started = Date.now();
    console.log(`\n=== e2e ${layer === 'host' ? 'extension host (vscode API)' : 'UI (Playwright workbench)'} ===`);
    let counts;
    try {
      counts = layer === 'host' ? await runHostLayer() : await runUiLayer();
    } catch (error) {
      console.error(error);
      counts = { passed: 0, failed: 1, note: 'the layer crashed' };
    }
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    lines.push(`e2e ${layer}: ${counts.passed} passed, ${counts.failed} failed in ${seconds} s${counts.note ? ` (${counts.note})` : ''}`);
  }
  console.log(`\n${lines.join('\n')}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
})();
