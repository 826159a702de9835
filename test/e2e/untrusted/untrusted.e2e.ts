/// <reference types="mocha" />
/**
 * Restricted Mode (workspace trust on, the folder not trusted): the findings still come, but the
 * Docker commands refuse with a clear message and start nothing, and their code lenses are gone.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openFile, ruleOf, settledDiagnostics, setSetting, workspaceUri } from '../suite/helpers';

const TAG = `shipshape-e2e-${process.env.SHIPSHAPE_E2E_RUN_ID ?? process.pid}-untrusted:latest`;

/** Containers Shipshape started (by its label), and whether the image the command would build exists. */
function dockerState(): { containers: string[]; image: boolean } {
  const docker = (...args: string[]) => spawnSync('docker', args, { encoding: 'utf8', timeout: 30_000 });
  const ps = docker('ps', '--all', '--quiet', '--filter', 'label=shipshape.started');
  assert.equal(ps.status, 0, `docker ps: ${ps.stderr}`);
  const images = docker('images', '--quiet', TAG);
  return { containers: ps.stdout.split(/\s+/).filter(Boolean).sort(), image: images.stdout.trim() !== '' };
}

describe('Restricted Mode (an untrusted workspace)', () => {
  after(async () => {
    await setSetting('shipshape.runtime.imageTag', undefined);
    await closeAllEditors();
  });

  it('runs untrusted, with the extension active', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is not trusted');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.packageJSON.capabilities?.untrustedWorkspaces?.supported, 'limited');
  });

  it('still checks a Dockerfile as you type', async () => {
    const document = await openFile('Dockerfile');
    await settledDiagnostics(document.uri, 'a finding in Dockerfile', (ds) => ds.length > 0, 20_000);
    const other = await openFile('untrusted/Dockerfile', 'FROM node:22-slim\nCMD ["node", "server.js"]\n');
    await settledDiagnostics(other.uri, 'final-user-root', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root'), 20_000);
  });

  it('offers no Build and Check code lens', async () => {
    const document = await openFile('runtime/Dockerfile');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    assert.deepEqual((lenses ?? []).filter((l) => l.command?.command.startsWith('shipshape.')).map((l) => l.command!.command), []);
  });

  for (const command of ['shipshape.buildAndCheck', 'shipshape.buildImage', 'shipshape.runContainer', 'shipshape.composeUpAndCheck', 'shipshape.probeHealth', 'shipshape.stopContainers']) {
    it(`${command} refuses with the trust message and starts nothing`, async function () {
      this.timeout(60_000);
      await setSetting('shipshape.runtime.imageTag', TAG);
      const before = dockerState();
      const target = workspaceUri(command === 'shipshape.composeUpAndCheck' ? 'compose.yaml' : 'runtime/Dockerfile');
      const result = await vscode.commands.executeCommand<{ ok: boolean; reason?: string; error?: string }>(command, target);
      assert.deepEqual({ ok: result?.ok, reason: result?.reason }, { ok: false, reason: 'untrusted' });
      assert.match(result.error ?? '', /only in a trusted workspace/);
      assert.match(result.error ?? '', /Manage Workspace Trust/);
      const after = dockerState();
      assert.deepEqual(after.containers, before.containers, 'no container was created');
      assert.equal(after.image, false, `no image ${TAG} was built`);
    });
  }
});
