/// <reference types="mocha" />
/**
 * What a person sees in the real workbench (code-server in Chromium), driven from the keyboard:
 * the squiggle and the Problems entry, the quick fix menu (Ctrl+.), and Build and Check from the
 * command palette. Each step leaves a numbered screenshot in test-results/e2e/; a failing test
 * adds FAILED-<test>.png.
 *
 * The runner (scripts/run-ext-tests.js) passes a copy of the fixture workspace in
 * SHIPSHAPE_E2E_WORKSPACE.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newWorkbenchPage, repoRoot, screenshotsDir, startCodeServer, type CodeServer } from '../support/code-server';

const IMAGE_TAG = `shipshape-e2e-${process.env.SHIPSHAPE_E2E_RUN_ID ?? process.pid}-ui:latest`; // the runner removes what a failed run leaves
const ADD_USER = 'Add a non-root user and switch to it';
const NO_USER = 'No USER in the final stage';

describe('workbench UI', function () {
  this.timeout(60_000);
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let step = 0;

  async function shot(name: string): Promise<void> {
    step += 1;
    await page.screenshot({ path: join(screenshotsDir, `${String(step).padStart(2, '0')}-${name}.png`) });
  }

  /** The editor's visible text, lines joined with \n (the view renders spaces as U+00A0). */
  async function editorText(): Promise<string> {
    const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((nodes) =>
      nodes
        .map((node) => ({ top: parseFloat((node as unknown as { style: { top: string } }).style.top), text: (node.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines.join('\n');
  }

  /** Ctrl+P, then the file named `fileName` in `folder` (the workspace root when not given). */
  async function quickOpen(fileName: string, folder?: string): Promise<void> {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(folder ? `${folder}/${fileName}` : fileName);
    const rows = page.locator('.quick-input-list .monaco-list-row', { hasText: fileName });
    const row = folder ? rows.filter({ hasText: folder }) : rows.filter({ hasNot: page.locator('.label-description') });
    await row.first().click();
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  }

  async function runCommand(label: string): Promise<void> {
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(label);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
  }

  before(async function () {
    this.timeout(120_000);
    mkdirSync(screenshotsDir, { recursive: true });
    const workspace = process.env.SHIPSHAPE_E2E_WORKSPACE;
    assert.ok(workspace, 'SHIPSHAPE_E2E_WORKSPACE names the copy of the fixture workspace (run through scripts/run-ext-tests.js)');
    server = await startCodeServer({ settings: { 'shipshape.runtime.imageTag': IMAGE_TAG, 'shipshape.runtime.stopGraceSeconds': 3 } });
    browser = await launchBrowser();
    page = await newWorkbenchPage(browser);
    await page.goto(server.workbenchUrl(workspace, [['extensionDevelopmentPath', server.remoteUri(repoRoot)], ['skipWelcome', 'true']]));
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
    await shot('workbench');
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && page) {
      await page.screenshot({ path: join(screenshotsDir, `FAILED-${test.title.replace(/[^\w-]+/g, '-')}.png`) }).catch(() => undefined);
    }
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    spawnSync('docker', ['rmi', '--force', IMAGE_TAG], { stdio: 'ignore' });
  });

  it('shows a squiggle, the status bar item and a Problems entry for a Dockerfile', async () => {
    await quickOpen('Dockerfile');
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor();
    await page.locator('.statusbar-item', { hasText: 'Shipshape' }).first().waitFor(); // the file's hardening state
    await shot('dockerfile-squiggles');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: NO_USER }).first().waitFor();
    await shot('problems-panel');
  });

  it('applies a quick fix from the Ctrl+. menu and the text changes', async () => {
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: ADD_USER }).first().waitFor();
    for (let i = 0; i < 20 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: ADD_USER }).count()); i++) await page.keyboard.press('ArrowDown');
    await shot('quick-fix-menu');
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });
    await page.locator('.editor-instance .view-line', { hasText: /^USER\s+app$/ }).waitFor();
    const text = await editorText();
    assert.match(text, /^RUN groupadd --system app && useradd --system --gid app --no-create-home app$/m);
    assert.match(text, /^USER app\nCMD \["node", "server.js", "--port", "\$PORT"\]$/m);
    await page.locator('.markers-panel .monaco-list-row', { hasText: NO_USER }).first().waitFor({ state: 'detached' });
    await shot('quick-fix-applied');
  });

  it('runs "Build and Check" from the command palette and shows its progress and result', async function () {
    this.timeout(240_000);
    await page.keyboard.press('Escape');
    await quickOpen('Dockerfile', 'runtime');
    await runCommand('Shipshape: Build and Check');
    const progress = page.locator('.notifications-toasts .notification-toast', { hasText: 'Build and Check Dockerfile' });
    await progress.first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500); // let the toast finish sliding in
    await shot('build-and-check-progress');
    const result = page.locator('.notifications-toasts .notification-toast', { hasText: 'All checks passed' });
    await result.first().waitFor({ timeout: 180_000 });
    // The report opens beside the editor, in a webview.
    const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await report.getByText('All checks passed').first().waitFor();
    await page.waitForTimeout(500); // let the toast finish sliding in
    await shot('build-and-check-result');
  });
});
