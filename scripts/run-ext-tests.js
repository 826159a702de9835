#!/usr/bin/env node
// Runs the end-to-end tests in a real VS Code (`npm run test:e2e`, after scripts/setup-e2e.sh):
//   host        the extension-host integration tests (test/e2e/suite, mocha, the `vscode` API),
//               through @vscode/test-electron's runTests. Its VS Code executable is
//               scripts/code-shim.js, which runs them in code-server; set VSCODE_EXECUTABLE to a
//               desktop VS Code to run them there instead.
//   activation  one more such run for each file kind (test/e2e/activation), in an empty folder.
//   docker-dx   one more run with a stand-in of Docker DX (an extension with its id, docker.docker)
//               installed (test/e2e/docker-dx): the basic language features step aside.
//   untrusted   one more run with workspace trust on and the folder not trusted (test/e2e/untrusted).
//               runTests always passes --disable-workspace-trust, so this run starts code-server
//               directly (test/e2e/support).
//   ui          the Playwright smoke tests of the workbench (test/e2e/ui), with a screenshot of
//               each step.
// Screenshots (each UI step, and any layer's failure or timeout) go to test-results/e2e/, which is
// emptied once when the runner starts: it holds this run's pictures of every layer.
// usage: node scripts/run-ext-tests.js [host|activation|docker-dx|untrusted|ui]…   (default: all)
// Environment: SHIPSHAPE_E2E_GREP (only tests whose title matches), SHIPSHAPE_E2E_TIMEOUT_MS (one
// extension-host run, default 420000).
// Prints each layer's counts and a closing `N passed, N failed`; exits non-zero on any failure.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out', 'test', 'e2e');
const screenshots = path.join(root, 'test-results', 'e2e');
const LAYERS = {
  host: 'extension host (vscode API)',
  activation: 'activation by each file kind (vscode API)',
  'docker-dx': 'beside Docker DX (vscode API)',
  untrusted: 'Restricted Mode, an untrusted workspace (vscode API)',
  ui: 'UI (Playwright workbench)',
};
const layers = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(LAYERS);
for (const layer of layers) {
  if (!LAYERS[layer]) {
    console.error(`unknown layer "${layer}": use ${Object.keys(LAYERS).join(', ')}`);
    process.exit(2);
  }
}

const temps = [];
function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shipshape-e2e-${prefix}-`));
  temps.push(dir);
  return dir;
}
// Build and Check tags its images shipshape-e2e-<run id>-…; whatever a failed or interrupted run
// left of them (containers, images) is removed on exit.
const runId = String(process.pid);
process.env.SHIPSHAPE_E2E_RUN_ID = runId;
function removeDockerLeftovers() {
  const docker = (...args) => spawnSync('docker', args, { encoding: 'utf8', timeout: 30_000 });
  const images = (docker('images', '--quiet', '--filter', `reference=shipshape-e2e-${runId}-*`).stdout || '').split(/\s+/).filter(Boolean);
  for (const image of new Set(images)) {
    const containers = (docker('ps', '--all', '--quiet', '--filter', `ancestor=${image}`).stdout || '').split(/\s+/).filter(Boolean);
    if (containers.length > 0) docker('rm', '--force', ...containers);
  }
  if (images.length > 0) docker('rmi', '--force', ...new Set(images));
}
process.on('exit', () => {
  removeDockerLeftovers();
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});
// Interrupted: stop the children first (the shim of a running host layer stops its code-server and
// Chromium on SIGTERM), then exit through the 'exit' handlers: temp folders here, and code-server and
// Chromium of the UI layer in test/e2e/support.
function childPids() {
  const ps = spawnSync('ps', ['-o', 'pid=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return (ps.stdout || '').split(/\s+/).filter(Boolean).map(Number).filter((pid) => pid !== ps.pid);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`e2e: ${signal}, cleaning up`);
    for (const pid of childPids()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // gone already
      }
    }
    const deadline = Date.now() + 5000;
    while (childPids().length > 0 && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    process.exit(130);
  });
}

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

/**
 * Installs VSIX packages into a run's profile with the VS Code CLI (desktop `code` and code-server
 * take the same flags).
 */
function installExtensions(vsixFiles, userDataDir, extensionsDir) {
  const cli = process.env.VSCODE_EXECUTABLE || process.env.CODE_SERVER || path.join(process.env.SHIPSHAPE_E2E_DIR || path.join(root, '.e2e'), 'node_modules', '.bin', 'code-server');
  for (const vsix of vsixFiles) {
    const result = spawnSync(cli, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`could not install ${vsix}: ${result.error || ''}${result.stdout}${result.stderr}`);
  }
}

/** A VSIX (a zip with the extension under extension/) of a fixture folder, made with Python's zipfile. */
function packFixtureExtension(name) {
  const vsix = path.join(tempDir('vsix'), `${name}.vsix`);
  const result = spawnSync('python3', ['-m', 'zipfile', '-c', vsix, 'extension'], { cwd: path.join(root, 'test', 'e2e', 'fixtures', name), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not pack ${name}: ${result.error || ''}${result.stderr}`);
  return vsix;
}

/**
 * One VS Code run of an extension-test entry point (through runTests and the shim), with the given
 * VSIX packages installed first; resolves to its counts.
 */
async function runExtensionTests(entry, workspace, env = {}, vsixFiles = []) {
  const { runTests } = require('@vscode/test-electron');
  const shim = path.join(__dirname, 'code-shim.js');
  fs.chmodSync(shim, 0o755); // runTests executes it directly
  const profile = tempDir('profile');
  const results = path.join(profile, 'results.json');
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  installExtensions(vsixFiles, userDataDir, extensionsDir);
  let code;
  try {
    code = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || shim,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(out, entry, 'index.js'),
      launchArgs: [workspaceCopy(workspace), `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`],
      extensionTestsEnv: { ...env, SHIPSHAPE_E2E_RESULTS: results },
    });
  } catch (error) {
    code = error && typeof error.code === 'number' ? error.code : 1;
  }
  const counts = readCounts(results);
  if (!counts) return { passed: 0, failed: 1, note: 'the extension tests did not report (see above)' };
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `VS Code exited with ${code}` };
  return counts;
}

const runHostLayer = () => runExtensionTests('suite', 'workspace');

/** Activation needs a fresh extension host for each file kind: one run each, in an empty folder. */
async function runActivationLayer() {
  const totals = { passed: 0, failed: 0 };
  for (const kind of ['dockerfile', 'compose', 'dockerignore']) {
    console.log(`--- activation by a ${kind} file ---`);
    const counts = await runExtensionTests('activation', 'empty', { SHIPSHAPE_E2E_ACTIVATION: kind });
    totals.passed += counts.passed;
    totals.failed += counts.failed;
  }
  return totals;
}

/** Docker DX's id installed (a stand-in with nothing else), in an empty folder. */
const runDockerDxLayer = () => runExtensionTests('docker-dx', 'empty', {}, [packFixtureExtension('docker-dx-stand-in')]);

/** Workspace trust on, the folder untrusted: the support module's runner, without runTests' --disable-workspace-trust. */
async function runUntrustedLayer() {
  const { runExtensionTests: runInCodeServer } = require(path.join(out, 'support', 'code-server.js'));
  const profile = tempDir('profile');
  const results = path.join(profile, 'results.json');
  const code = await runInCodeServer({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(out, 'untrusted', 'index.js'),
    folder: workspaceCopy('workspace'),
    userDataDir: path.join(profile, 'user-data'),
    extensionsDir: path.join(profile, 'extensions'),
    timeoutMs: Number(process.env.SHIPSHAPE_E2E_TIMEOUT_MS) || undefined,
    untrusted: true,
    env: { SHIPSHAPE_E2E_RESULTS: results },
  });
  const counts = readCounts(results);
  if (!counts) return { passed: 0, failed: 1, note: 'the extension tests did not report (see above)' };
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `VS Code exited with ${code}` };
  return counts;
}

async function runUiLayer() {
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
  return counts;
}

(async () => {
  ensureBuilt();
  fs.rmSync(screenshots, { recursive: true, force: true });
  fs.mkdirSync(screenshots, { recursive: true });
  const totals = { passed: 0, failed: 0 };
  const lines = [];
  for (const layer of layers) {
    const started = Date.now();
    console.log(`\n=== e2e ${LAYERS[layer]} ===`);
    let counts;
    try {
      counts = await { host: runHostLayer, activation: runActivationLayer, 'docker-dx': runDockerDxLayer, untrusted: runUntrustedLayer, ui: runUiLayer }[layer]();
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
  if (fs.readdirSync(screenshots).length > 0) console.log(`screenshots: ${path.relative(root, screenshots)}/`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
})();
