/** The commands: registered as the manifest declares, and Build and Check on a real Docker engine. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { VerifyReport } from '../../../server/src/runtime';
import { closeAllEditors, EXTENSION_ID, lines, openFile, setSetting, workspaceUri } from './helpers';

describe('commands', () => {
  after(closeAllEditors);

  it('registers every command the manifest contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    const declared: string[] = (extension.packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    for (const id of ['shipshape.buildImage', 'shipshape.runContainer', 'shipshape.probeHealth', 'shipshape.buildAndCheck', 'shipshape.composeUpAndCheck']) {
      assert.ok(declared.includes(id), `the manifest contributes ${id}`);
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((id) => !registered.has(id)), [], 'every contributed command is registered');
  });

  it('offers Build Image, Run Container and Build and Check as code lenses on the final FROM', async () => {
    const document = await openFile('lenses/Dockerfile', lines('FROM node:22 AS build', 'RUN npm ci', 'FROM node:22-slim', 'COPY --from=build /app /app'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const ours = (lenses ?? []).filter((lens) => lens.command?.command.startsWith('shipshape.'));
    assert.deepEqual(
      ours.map((lens) => [lens.range.start.line, lens.command!.command]),
      [
        [2, 'shipshape.buildImage'],
        [2, 'shipshape.runContainer'],
        [2, 'shipshape.buildAndCheck'],
      ],
    );
    assert.equal(ours[2].command!.arguments?.[0]?.toString(), document.uri.toString(), 'the lens acts on its own Dockerfile');
  });

  it('Build and Check builds the fixture app, runs it and reports every check passed', async function () {
    this.timeout(240_000);
    const tag = `shipshape-e2e-${process.env.SHIPSHAPE_E2E_RUN_ID ?? process.pid}-host:latest`; // the runner removes what a failed run leaves
    await setSetting('shipshape.runtime.imageTag', tag);
    await setSetting('shipshape.runtime.stopGraceSeconds', 3);
    try {
      const dockerfile = workspaceUri('runtime/Dockerfile');
      const report = await vscode.commands.executeCommand<VerifyReport>('shipshape.buildAndCheck', dockerfile);
      assert.ok(report && 'checks' in report, `Build and Check returns its report: ${JSON.stringify(report)}`);
      const failed = report.checks.filter((c) => c.status === 'fail').map((c) => `${c.number} ${c.title}: ${c.detail}`);
      assert.deepEqual({ error: report.error, build: report.build?.ok, failed }, { error: null, build: true, failed: [] });
      assert.equal(report.ok, true);
      assert.equal(report.kind, 'dockerfile');
      assert.ok(report.checks.some((c) => c.status === 'pass'), 'some checks ran');
      assert.equal(report.cleanedUp, true, 'the containers it started are removed');
    } finally {
      await setSetting('shipshape.runtime.imageTag', undefined);
      await setSetting('shipshape.runtime.stopGraceSeconds', undefined);
      spawnSync('docker', ['rmi', '--force', tag], { stdio: 'ignore' });
    }
  });
});
