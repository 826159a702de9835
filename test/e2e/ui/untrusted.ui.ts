/// <reference types="mocha" />
/**
 * Restricted Mode as a person meets it: workspace trust on and the folder not trusted. The
 * squiggles still come; the Build and Check code lens and title button do not; the command from the
 * palette says why it refuses and starts nothing. Screenshots: test-results/e2e/restricted-NN-*.png.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, tempDir } from '../support/code-server';
import { Workbench } from '../support/workbench';

const IMAGE_TAG = `shipshape-e2e-${process.env.SHIPSHAPE_E2E_RUN_ID ?? process.pid}-restricted:latest`;

function startedContainers(): string[] {
  const ps = spawnSync('docker', ['ps', '--all', '--quiet', '--filter', 'label=shipshape.started'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(ps.status, 0, `docker ps: ${ps.stderr}`);
  return ps.stdout.split(/\s+/).filter(Boolean).sort();
}

describe('workbench UI in Restricted Mode', function () {
  this.timeout(60_000);
  let workbench: Workbench;

  before(async function () {
    this.timeout(120_000);
    const folder = join(tempDir('restricted'), 'workspace');
    cpSync(join(fixturesDir, 'workspace'), folder, { recursive: true });
    workbench = await Workbench.open(folder, 'restricted', { untrusted: true, settings: { 'shipshape.runtime.imageTag': IMAGE_TAG } });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) await workbench.failureShot(this.currentTest.title);
  });

  after(async () => {
    await workbench?.close();
    spawnSync('docker', ['rmi', '--force', IMAGE_TAG], { stdio: 'ignore' });
  });

  it('squiggles the Dockerfile but shows no Build and Check lens or button', async () => {
    const page = workbench.page;
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    // The workspace's top Dockerfile has findings; in a trusted workspace it would also get the lens.
    await workbench.quickOpen('Dockerfile');
    await workbench.editor.locator('.squiggly-warning, .squiggly-error').first().waitFor();
    await page.locator('[id="shipshape.shipshape.shipshape.status"]').waitFor();
    assert.equal(await workbench.editor.locator('.codelens-decoration', { hasText: 'Build and Check' }).count(), 0, 'no Build and Check code lens');
    assert.equal(await page.locator('.editor-actions [aria-label*="Build and Check"]').count(), 0, 'no Build and Check button in the title bar');
    await workbench.shot('dockerfile');
  });

  it('"Shipshape: Build and Check" from the palette refuses with the trust message and starts nothing', async () => {
    const before = startedContainers();
    await workbench.runCommand('Shipshape: Build and Check');
    const toast = await workbench.toast('only in a trusted workspace');
    await toast.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).waitFor();
    await workbench.shot('build-and-check-refused');
    assert.equal(await workbench.page.locator('.notifications-toasts .notification-toast', { hasText: 'Build and Check Dockerfile' }).count(), 0, 'no progress notification');
    assert.deepEqual(startedContainers(), before, 'no container was created');
    const image = spawnSync('docker', ['images', '--quiet', IMAGE_TAG], { encoding: 'utf8' });
    assert.equal(image.stdout.trim(), '', `no image ${IMAGE_TAG} was built`);
  });
});
