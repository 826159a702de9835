/// <reference types="mocha" />
/**
 * What a person sees in the real workbench (code-server in Chromium), driven from the keyboard
 * and mouse: the squiggle, the status bar counts and the Problems entry, the hover of a finding and
 * its rule link, the quick fix menu (Ctrl+.), completion (Ctrl+Space), and Build and Check from the
 * command palette (its progress, result and report) and from its code lens. Each step leaves a
 * numbered screenshot in test-results/e2e/ (workbench-NN-<step>.png); a failing test adds
 * FAILED-workbench-<test>.png. scripts/screenshots.mjs
 * copies three of them into images/ for the README.
 *
 * The runner (scripts/run-ext-tests.js) passes a copy of the fixture workspace in
 * SHIPSHAPE_E2E_WORKSPACE.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { stableBox, Workbench, waitUntilStill } from '../support/workbench';

const IMAGE_TAG = `shipshape-e2e-${process.env.SHIPSHAPE_E2E_RUN_ID ?? process.pid}-ui:latest`; // the runner removes what a failed run leaves
const ADD_USER = 'Add a non-root user and switch to it';
const NO_USER = 'No USER in the final stage';
/** The status bar item `shipshape.status` of extension shipshape.shipshape. */
const STATUS_ITEM = '[id="shipshape.shipshape.shipshape.status"]';

describe('workbench UI', function () {
  this.timeout(60_000);
  let workbench: Workbench;
  let page: Workbench['page'];

  before(async function () {
    this.timeout(120_000);
    const workspace = process.env.SHIPSHAPE_E2E_WORKSPACE;
    assert.ok(workspace, 'SHIPSHAPE_E2E_WORKSPACE names the copy of the fixture workspace (run through scripts/run-ext-tests.js)');
    workbench = await Workbench.open(workspace, 'workbench', { settings: { 'shipshape.runtime.imageTag': IMAGE_TAG, 'shipshape.runtime.stopGraceSeconds': 3 } });
    page = workbench.page;
    await workbench.shot('workbench');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) await workbench.failureShot(this.currentTest.title);
  });

  after(async () => {
    await workbench?.close();
    spawnSync('docker', ['rmi', '--force', IMAGE_TAG], { stdio: 'ignore' });
  });

  it('shows a squiggle, the status bar counts and a Problems entry for a Dockerfile', async () => {
    await workbench.quickOpen('Dockerfile');
    await workbench.editor.locator('.squiggly-warning').first().waitFor();
    // Two warnings (final-user-root, exec-form-variable), no errors: "$(shield) Shipshape $(warning) 2".
    const item = page.locator(STATUS_ITEM);
    await item.waitFor();
    await item.filter({ hasText: /^\s*Shipshape\s+2\s*$/ }).waitFor();
    assert.equal(await item.locator('.codicon-warning').count(), 1, 'a warning icon before the count');
    assert.equal(await item.locator('.codicon-error').count(), 0, 'no error count');
    // The editor as it settles: its code lenses too (the README's picture shows it).
    await stableBox(workbench.editor.locator('.codelens-decoration a', { hasText: 'Build and Check' }).first());
    await workbench.shot('dockerfile-squiggles');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: NO_USER }).first().waitFor();
    await workbench.shot('problems-panel');
  });

  it('shows the finding and its rule link when the mouse rests on the squiggle, and the link opens the rule page', async () => {
    // final-user-root squiggles the FROM line: rest the mouse on the image name.
    const hover = page.locator('.monaco-hover', { hasText: 'Shipshape final-user-root' }).first();
    await workbench.hoverUntil(workbench.line(/^FROM\snode:22-slim/), 70, hover);
    await waitUntilStill(hover);
    assert.match((await hover.textContent()) ?? '', /Shipshape final-user-root \(warning · DL3002/);
    const link = hover.locator('a', { hasText: 'Rule documentation' }).first();
    await link.waitFor();
    await workbench.shot('finding-hover');
    await link.click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'final-user-root' }).first();
    await tab.waitFor();
    await workbench.shot('rule-page');
    await tab.locator('.tab-actions .action-label').first().click(); // its close button
    await tab.waitFor({ state: 'detached' });
    await page.locator('.tabs-container .tab.active', { hasText: 'Dockerfile' }).waitFor();
  });

  it('applies a quick fix from the Ctrl+. menu, the text changes and the status bar counts one warning less', async () => {
    await workbench.editor.locator('.view-lines').click();
    await page.keyboard.press('Control+Home');
    await workbench.quickFixMenuWith(ADD_USER);
    for (let i = 0; i < 20 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: ADD_USER }).count()); i++) await page.keyboard.press('ArrowDown');
    await workbench.shot('quick-fix-menu');
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden' });
    await workbench.line(/^USER\s+10001:10001$/).waitFor();
    const text = await workbench.editorText();
    assert.match(text, /^RUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app$/m);
    assert.match(text, /^USER 10001:10001\nCMD \["node", "server.js", "--port", "\$PORT"\]$/m);
    await page.locator('.markers-panel .monaco-list-row', { hasText: NO_USER }).first().waitFor({ state: 'detached' });
    await page.locator(STATUS_ITEM).filter({ hasText: /^\s*Shipshape\s+1\s*$/ }).waitFor();
    await workbench.shot('quick-fix-applied');
  });

  it('completes an instruction with Ctrl+Space, and accepting the item inserts it', async () => {
    await workbench.editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End'); // the empty line after the last instruction
    await page.keyboard.type('EXPO');
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    await widget.locator('.monaco-list-row.focused', { hasText: 'EXPOSE' }).waitFor();
    await waitUntilStill(widget);
    await workbench.shot('completion');
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await workbench.line(/^EXPOSE\b/).waitFor();
    await page.keyboard.press('Escape'); // leave the snippet's placeholders
    assert.match(await workbench.editorText(), /\nEXPOSE \S+/, 'the EXPOSE item is inserted on the new line');
    assert.ok(!(await workbench.editorText()).includes('EXPO\n'), 'the typed prefix is replaced');
  });

  it('opens the "Get started with Shipshape" walkthrough from Welcome: Open Walkthrough…', async () => {
    await page.keyboard.press('Escape');
    await workbench.runCommand('Welcome: Open Walkthrough...');
    const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Shipshape' }).first();
    await pick.waitFor();
    await pick.click();
    const walkthrough = page.locator('.gettingStartedContainer');
    await walkthrough.getByText('Harden as you type').first().waitFor();
    await walkthrough.getByText('Build and Check a Dockerfile').first().waitFor();
    await workbench.shot('walkthrough');
    const tab = page.locator('.tabs-container .tab.active', { hasText: 'Walkthrough: Shipshape' });
    await tab.locator('.tab-actions .action-label').first().click(); // its close button
    await tab.waitFor({ state: 'detached' });
  });

  it('shows "Build and Check" as a code lens right above the final FROM of a Dockerfile', async () => {
    await page.keyboard.press('Escape');
    await workbench.quickOpen('Dockerfile', 'runtime');
    const lens = workbench.editor.locator('.codelens-decoration a', { hasText: 'Build and Check' }).first();
    await lens.waitFor();
    const from = workbench.line(/^FROM\sscratch\s*$/);
    const [lensBox, fromBox] = [await stableBox(lens), await stableBox(from)];
    assert.ok(lensBox.y < fromBox.y && fromBox.y - (lensBox.y + lensBox.height) < fromBox.height, `the lens sits right above "FROM scratch" (lens ${JSON.stringify(lensBox)}, line ${JSON.stringify(fromBox)})`);
    await workbench.shot('build-and-check-lens');
  });

  it('"Shipshape: Build and Check" from the palette builds, runs and checks the Dockerfile in the editor, with progress, result and report', async function () {
    this.timeout(240_000);
    await workbench.line(/^FROM\sscratch\s*$/).click(); // the runtime Dockerfile has the focus
    await page.locator('.tabs-container .tab.active', { hasText: 'Dockerfile' }).waitFor();
    await workbench.clearNotifications();
    await workbench.runCommand('Shipshape: Build and Check');
    await workbench.toast('Build and Check Dockerfile');
    await workbench.shot('build-and-check-progress');
    await workbench.toast('All checks passed', 180_000);
    // The report opens beside the editor, in a webview.
    const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await report.getByText('All checks passed').first().waitFor();
    assert.match((await report.locator('body').textContent()) ?? '', /PASSED/);
    // The picture for the README: the Dockerfile and its report, without the toast and the output panel.
    await workbench.clearNotifications();
    await workbench.runCommand('View: Hide Panel');
    await page.locator('.part.panel').waitFor({ state: 'hidden' });
    await report.getByText('Process does not run as root').first().waitFor();
    await workbench.shot('build-and-check-report');
  });

  it('clicking the code lens runs Build and Check as well', async function () {
    this.timeout(240_000);
    const lens = page.locator('.codelens-decoration a', { hasText: 'Build and Check' }).first();
    await stableBox(lens);
    await lens.click();
    await workbench.toast('Build and Check Dockerfile');
    await workbench.toast('All checks passed', 180_000);
    await workbench.shot('build-and-check-from-lens');
  });
});
