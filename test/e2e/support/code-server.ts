/**
 * Runs the real VS Code workbench for the end-to-end tests: code-server (VS Code's OSS build served
 * over HTTP, with a Node extension host) opened in Debian's Chromium through playwright-core.
 * `scripts/setup-e2e.sh` installs both. Every process started here runs in its own process group
 * and is killed as a group, also when the runner is interrupted; every temp folder is removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

function findRepoRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'setup-e2e.sh'))) return dir;
  }
  throw new Error(`no repository root above ${from}`);
}

export const repoRoot = findRepoRoot(__dirname);
export const e2eDir = process.env.SHIPSHAPE_E2E_DIR ?? join(repoRoot, '.e2e');
/** The last run's screenshots (a CI artifact; ignored by git). */
export const screenshotsDir = join(repoRoot, 'test-results', 'e2e');
export const fixturesDir = join(repoRoot, 'test', 'e2e', 'fixtures');

const codeServerBin = process.env.CODE_SERVER ?? join(e2eDir, 'node_modules', '.bin', 'code-server');
const chromiumBin = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** User settings for a quiet, predictable workbench. */
export const workbenchSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.hotExit': 'off',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
};

/** Processes to kill when the runner exits, however it exits. */
const groups = new Set<number>();
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
    process.exit(130);
  });
}

/** A temp folder removed on exit, also when the run fails. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `shipshape-e2e-${prefix}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function answers(url: string): Promise<boolean> {
  return new Promise((done) => {
    get(url, (res) => {
      res.resume();
      done(res.statusCode === 200);
    }).on('error', () => done(false));
  });
}

export interface CodeServer {
  /** host:port, the authority of `vscode-remote://` URIs. */
  authority: string;
  /** The workbench URL for a folder, with an optional test payload. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** A local path as the workbench's remote URI. */
  remoteUri(path: string): string;
  /** Everything code-server printed. */
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  userDataDir?: string;
  extensionsDir?: string;
  settings?: Record<string, unknown>;
  /**
   * Workspace trust as a user meets it: enabled, and the opened folder not trusted (Restricted
   * Mode). Without it trust is off, as `@vscode/test-electron` runs VS Code.
   */
  untrusted?: boolean;
  /** More environment for code-server and its extension hosts. */
  env?: Record<string, string>;
}

/** Settings that turn workspace trust on without the modal prompt at start (the folder stays untrusted). */
const untrustedSettings: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  if (!existsSync(codeServerBin)) throw new Error(`${codeServerBin} is missing: run scripts/setup-e2e.sh`);
  const tmp = tempDir('server');
  const userDataDir = options.userDataDir ?? join(tmp, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(tmp, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = { ...workbenchSettings, ...(options.untrusted ? untrustedSettings : {}), ...options.settings };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    codeServerBin,
    [
      '--config', join(tmp, 'config.yaml'), // else it writes ~/.config/code-server/config.yaml
      '--auth', 'none',
      '--bind-addr', authority,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.untrusted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ],
    {
      detached: true, // its own process group: the file watcher and extension hosts die with it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env, EXTENSIONS_GALLERY: '{}' }, // no marketplace look-ups
    },
  );
  if (child.pid === undefined) throw new Error(`could not start ${codeServerBin}`);
  const pid = child.pid;
  groups.add(pid);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));

  const stop = async (): Promise<void> => {
    killGroup(pid, 'SIGTERM');
    await Promise.race([exit, new Promise((r) => setTimeout(r, 2000))]);
    killGroup(pid, 'SIGKILL'); // the group may outlive its leader
    groups.delete(pid);
    rmSync(tmp, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  while (!(await answers(`http://${authority}/healthz`))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const remoteUri = (path: string): string => `vscode-remote://${authority}${resolve(path)}`;
  return {
    authority,
    remoteUri,
    workbenchUrl(folder, payload) {
      let url = `http://${authority}/?folder=${encodeURIComponent(resolve(folder))}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    output: () => output,
    stop,
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumBin)) throw new Error(`${chromiumBin} is missing: run scripts/setup-e2e.sh`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumBin,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function newWorkbenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`[workbench] page error: ${error.message}`));
  return page;
}

export interface ExtensionTestRun {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  folder: string;
  userDataDir?: string;
  extensionsDir?: string;
  timeoutMs?: number;
  /** Workspace trust on and the folder untrusted (see CodeServerOptions). */
  untrusted?: boolean;
  /** More environment for the extension host (as `runTests`' extensionTestsEnv). */
  env?: Record<string, string>;
}

/** `<dir>/<name><extension>`, or with -2, -3… before the extension when taken (a layer may run VS Code several times). */
function unusedPath(dir: string, name: string, extension: string): string {
  let path = join(dir, name + extension);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${name}-${n}${extension}`);
  return path;
}

/** Workbench chatter that says nothing about the tests. */
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions|Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|ChatSessionStore)/;

/**
 * Runs extension integration tests (a module exporting `run()`) in code-server's extension host,
 * the way desktop VS Code does for `--extensionTestsPath`: the workbench gets the paths as its
 * `payload` and reports the result through `window.codeAutomationExit`. Resolves to the exit code.
 */
export async function runExtensionTests(run: ExtensionTestRun): Promise<number> {
  const started = Date.now();
  const server = await startCodeServer({ userDataDir: run.userDataDir, extensionsDir: run.extensionsDir, untrusted: run.untrusted, env: run.env });
  let browser: Browser | undefined;
  let code = 1;
  try {
    browser = await launchBrowser();
    const page = await newWorkbenchPage(browser);
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((done) => (finish = done));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...(args ?? []));
      if (!NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (exitCode: number) => finish(exitCode));
    await page.goto(
      server.workbenchUrl(run.folder, [
        ['extensionDevelopmentPath', server.remoteUri(run.extensionDevelopmentPath)],
        ['extensionTestsPath', server.remoteUri(run.extensionTestsPath)],
        ['skipWelcome', 'true'],
      ]),
    );
    const timeoutMs = run.timeoutMs ?? 420_000;
    const timedOut = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), timeoutMs).unref());
    const result = await Promise.race([finished, timedOut]);
    if (result === 'timeout') {
      mkdirSync(screenshotsDir, { recursive: true });
      const shot = unusedPath(screenshotsDir, `extension-host-timeout-${basename(dirname(run.extensionTestsPath))}`, '.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.log(`extension tests did not finish in ${timeoutMs / 1000} s; screenshot: ${shot}`);
    } else {
      code = result;
    }
  } catch (error) {
    console.log(`extension tests could not run: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    if (code !== 0) console.log(`--- code-server output ---\n${server.output().trim()}\n--- end ---`);
    console.log(`extension host run: exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return code;
}
