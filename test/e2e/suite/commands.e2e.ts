/**
 * The commands: registered as the manifest declares, and Build Image, Run Container, Probe Health,
 * Stop Containers and Build and Check on a real Docker engine, through `executeCommand` as the
 * palette, menus and code lenses call them.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BuildImageResult, RunContainerResult } from '../../../client/src/commands/docker-commands';
import type { ProbeHealthResult, StopContainersResult } from '../../../client/src/commands/container-commands';
import type { CommandFailure } from '../../../client/src/commands/session';
import type { VerifyReport } from '../../../server/src/runtime';
import { closeAllEditors, EXTENSION_ID, lines, openFile, setSetting, sleep, waitFor, workspaceUri } from './helpers';

/** Image tags of this run: the runner removes whatever a failed run leaves of them. */
const tagFor = (name: string): string => `shipshape-e2e-${process.env.SHIPSHAPE_E2E_RUN_ID ?? process.pid}-${name}:latest`;

function docker(...args: string[]): string {
  const result = spawnSync('docker', args, { encoding: 'utf8', timeout: 30_000 });
  return (result.stdout ?? '').trim();
}

/** Build failures Shipshape shows on a Dockerfile. */
function buildDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipshape build');
}

/** Whether the Build and Check report panel is open. */
function reportPanelOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.startsWith('Check: ')));
}

function isFailure(result: unknown): result is CommandFailure {
  return typeof result === 'object' && result !== null && 'reason' in result;
}

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

  describe('on a real engine', () => {
    afterEach(async () => {
      for (const key of ['imageTag', 'dockerPath', 'stopGraceSeconds']) await setSetting(`shipshape.runtime.${key}`, undefined);
      await closeAllEditors();
    });

    it('Build Image of a broken Dockerfile shows the failure on the failing line, until the file is edited', async function () {
      this.timeout(120_000);
      const tag = tagFor('broken');
      await setSetting('shipshape.runtime.imageTag', tag);
      const document = await openFile(
        'runtime/broken.Dockerfile',
        lines('FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox", "--install", "-s", "/bin"]', 'RUN echo building && \\', '    false', 'CMD ["/bin/sh"]'),
      );
      const result = await vscode.commands.executeCommand<BuildImageResult>('shipshape.buildImage', document.uri);
      assert.ok(!isFailure(result), `the build ran: ${JSON.stringify(result)}`);
      assert.deepEqual({ ok: result.ok, line: result.failure?.line, dockerfile: result.dockerfile }, { ok: false, line: 4, dockerfile: document.uri.fsPath });
      assert.match(result.failure?.message ?? '', /returned a non-zero code: 1|did not complete successfully/);
      const [diagnostic, ...more] = buildDiagnostics(document.uri);
      assert.deepEqual(more, []);
      assert.ok(diagnostic, 'a build diagnostic');
      assert.deepEqual([diagnostic.range.start.line, diagnostic.severity, diagnostic.message], [3, vscode.DiagnosticSeverity.Error, `docker build failed: ${result.failure?.message}`]);
      assert.equal(docker('images', '--quiet', tag), '', 'no image was tagged');

      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(5, 0), '# edited\n'));
      await waitFor('the build diagnostic to go after the edit', () => buildDiagnostics(document.uri).length === 0, 5000);
    });

    it('a bad image tag setting is refused before anything is built', async function () {
      this.timeout(30_000);
      const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-e2e-docker-')), 'calls.log');
      const fakeDocker = path.join(path.dirname(log), 'docker');
      fs.writeFileSync(fakeDocker, `#!/bin/sh\necho "$@" >> '${log}'\n`, { mode: 0o755 });
      await setSetting('shipshape.runtime.dockerPath', fakeDocker);
      await setSetting('shipshape.runtime.imageTag', 'x;id');
      const dockerfile = workspaceUri('runtime/Dockerfile');
      for (const command of ['shipshape.buildImage', 'shipshape.buildAndCheck', 'shipshape.runContainer']) {
        const result = await vscode.commands.executeCommand<CommandFailure>(command, dockerfile);
        assert.deepEqual({ ok: result.ok, reason: result.reason }, { ok: false, reason: 'input' }, command);
        assert.match(result.error, /^The image name "x;id" contains characters an image name cannot have \(";"\)/, command);
      }
      assert.equal(fs.existsSync(log), false, `docker was never run: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
      assert.equal(reportPanelOpen(), false, 'no report for a refused run');
    });

    it('without a docker CLI, Build Image and Build and Check fail with one message and no report', async function () {
      this.timeout(30_000);
      const missing = path.join(os.tmpdir(), 'shipshape-no-such-docker', 'docker');
      await setSetting('shipshape.runtime.dockerPath', missing);
      const dockerfile = workspaceUri('runtime/Dockerfile');
      for (const command of ['shipshape.buildImage', 'shipshape.buildAndCheck']) {
        const result = await vscode.commands.executeCommand<CommandFailure>(command, dockerfile);
        assert.deepEqual({ ok: result.ok, reason: result.reason }, { ok: false, reason: 'no-docker' }, command);
        assert.ok(result.error.startsWith(`The docker CLI was not found (looked for "${missing}"). Install Docker`), `${command}: ${result.error}`);
      }
      assert.equal(reportPanelOpen(), false, 'the report panel is not opened for a missing docker');
    });

    it('Run Container, Probe Health and Stop Containers act on what was started, found by its labels', async function () {
      this.timeout(180_000);
      const tag = tagFor('run');
      await setSetting('shipshape.runtime.imageTag', tag);
      const dockerfile = workspaceUri('runtime/Dockerfile');
      const started: string[] = [];
      try {
        const built = await vscode.commands.executeCommand<BuildImageResult>('shipshape.buildImage', dockerfile);
        assert.equal(built.ok, true, JSON.stringify(built));
        const first = await vscode.commands.executeCommand<RunContainerResult>('shipshape.runContainer', dockerfile);
        assert.ok(first.ok, JSON.stringify(first));
        started.push(first.id);
        const second = await vscode.commands.executeCommand<RunContainerResult>('shipshape.runContainer', dockerfile);
        assert.ok(second.ok, JSON.stringify(second));
        started.push(second.id);
        assert.equal(docker('inspect', '--format', '{{index .Config.Labels "shipshape.dockerfile"}}', first.id), dockerfile.fsPath);

        const probe = await vscode.commands.executeCommand<ProbeHealthResult>('shipshape.probeHealth', dockerfile);
        assert.ok(!isFailure(probe), JSON.stringify(probe));
        assert.equal(probe.containerId, second.id, 'the newest container this window started');
        assert.deepEqual({ ok: probe.ok, health: probe.dockerHealth?.status, http: probe.http?.status }, { ok: true, health: 'healthy', http: 200 });
        assert.match(probe.summary, new RegExp(`^${second.name}: Docker health: healthy \\(\\d+\\.\\d s\\); GET /healthz: 200 in \\d+ ms`));

        const stopped = await vscode.commands.executeCommand<StopContainersResult>('shipshape.stopContainers', dockerfile, { ids: [first.id] });
        assert.ok(stopped.ok, JSON.stringify(stopped));
        assert.deepEqual([stopped.stopped.map((c) => c.id), stopped.failed], [[first.id.slice(0, 12)], []]);
        assert.equal(docker('ps', '--all', '--quiet', '--filter', `id=${first.id}`), '', 'the first is removed');
        assert.equal(docker('ps', '--quiet', '--filter', `id=${second.id}`), second.id.slice(0, 12), 'the second still runs');

        // From the editor title: a picker of every container Run Container started, this Dockerfile's preselected; Enter accepts them.
        const picking = vscode.commands.executeCommand<StopContainersResult>('shipshape.stopContainers', dockerfile);
        let settled = false;
        void picking.then(() => (settled = true));
        for (let i = 0; i < 100 && !settled; i++) {
          await sleep(100);
          await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        }
        const rest = await picking;
        assert.ok(rest.ok, JSON.stringify(rest));
        assert.deepEqual(rest.stopped.map((c) => c.id), [second.id.slice(0, 12)], "the preselected: this Dockerfile's second container");
        assert.equal(docker('ps', '--all', '--quiet', '--filter', `id=${second.id}`), '', 'the second is removed');
        const nothingLeft = await vscode.commands.executeCommand<StopContainersResult>('shipshape.stopContainers', dockerfile, { all: true });
        assert.deepEqual(nothingLeft, { ok: true, stopped: [], failed: [] });
        const none = await vscode.commands.executeCommand<ProbeHealthResult>('shipshape.probeHealth', dockerfile);
        assert.deepEqual(isFailure(none) && [none.reason, none.error], ['no-target', 'No running container to probe: start one with "Shipshape: Run Container" first.']);
      } finally {
        if (started.length > 0) spawnSync('docker', ['rm', '--force', ...started], { stdio: 'ignore' });
        spawnSync('docker', ['rmi', '--force', tag], { stdio: 'ignore' });
      }
    });
  });
});

