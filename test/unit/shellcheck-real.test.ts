/**
 * ShellCheck itself (Debian's package): the runner, the CLI and the language server with the real
 * program. `scripts/ensure-shellcheck.sh` installs it when it is missing; the tests fail (never
 * skip) when it cannot.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { ShellChecker } from '../../server/src/shellcheck/checker';
import { findShellCheck, ProcessShellCheckRunner } from '../../server/src/shellcheck/process-runner';
import { TestEditor } from '../lsp/lsp-client';

const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'bin', 'shipshape.js');

const DOCKERFILE = [
  'FROM debian:12',
  'ARG version=1',
  'ENV app_dir=/opt/app',
  'RUN echo $version \\',
  '    && cp -r /src $app_dir \\',
  '    && echo "$undeclared"',
  'RUN [[ -n "$app_dir" ]] && echo sh',
  'SHELL ["/bin/bash", "-c"]',
  'RUN [[ -n "$app_dir" ]] && echo bash',
  '',
].join('\n');

const brief = (f: { rule: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${f.rule} ${f.severity} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

describe('ShellCheck, the real program', () => {
  let executable: string;
  before(() => {
    const ensured = spawnSync('bash', [join(root, 'scripts', 'ensure-shellcheck.sh')], { encoding: 'utf8' });
    assert.equal(ensured.status, 0, `shellcheck is needed for these tests and could not be installed:\n${ensured.stderr}`);
    executable = findShellCheck(null)!;
    assert.ok(executable, 'shellcheck is on PATH after ensure-shellcheck.sh');
  });

  it('checks each RUN in its shell, knows ARG and ENV names, and maps findings into the Dockerfile', async (t) => {
    const checker = new ShellChecker(new ProcessShellCheckRunner(executable));
    const model = parseDockerfile(DOCKERFILE);
    const started = process.hrtime.bigint();
    const { findings, failures } = await checker.check(model);
    const firstMs = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepEqual(failures, []);
    assert.deepEqual(findings.map(brief), [
      'SC2086 info 3:9-3:17',
      'SC2086 info 4:18-4:26',
      'SC2154 warning 5:13-5:24',
      'SC3010 warning 6:4-6:23',
    ]);
    assert.equal(findings[2].message, 'undeclared is referenced but not assigned.');
    assert.equal(checker.stats.runs, 3);
    const again = process.hrtime.bigint();
    assert.deepEqual((await checker.check(parseDockerfile(DOCKERFILE))).findings.map(brief), findings.map(brief));
    const cachedMs = Number(process.hrtime.bigint() - again) / 1e6;
    assert.equal(checker.stats.runs, 3, 'the second check ran nothing');
    t.diagnostic(`3 scripts: ${firstMs.toFixed(1)} ms on first check, ${cachedMs.toFixed(2)} ms from the cache`);
  });

  it('gives up on a script after the timeout instead of waiting', async () => {
    const slow = join(mkdtempSync(join(tmpdir(), 'shipshape-slow-')), 'shellcheck');
    writeFileSync(slow, '#!/bin/sh\nexec sleep 5\n', { mode: 0o755 });
    const checker = new ShellChecker(new ProcessShellCheckRunner(slow, { timeoutMs: 200 }));
    const started = Date.now();
    const { findings, failures } = await checker.check(parseDockerfile('FROM alpine\nRUN echo $x\n'));
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(findings, []);
    assert.deepEqual(failures, ['line 2: ShellCheck took longer than 200 ms']);
    rmSync(join(slow, '..'), { recursive: true, force: true });
  });

  describe('in the CLI', () => {
    let dir: string;
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'shipshape-sc-cli-'));
      writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
      writeFileSync(join(dir, 'ignored.Dockerfile'), 'FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $HOME\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const scFindings = (stdout: string) =>
      (JSON.parse(stdout) as { files: { findings: { rule: string; line: number; column: number }[] }[] }).files.flatMap((f) => f.findings).filter((f) => /^SC\d+$/.test(f.rule));

    it('reports ShellCheck findings by default and with --shellcheck, none with --no-shellcheck', () => {
      for (const args of [[], ['--shellcheck']]) {
        const result = run(['check', '--format', 'json', ...args, 'Dockerfile']);
        assert.equal(result.status, 1, result.stderr);
        assert.deepEqual(scFindings(result.stdout).map((f) => `${f.rule}@${f.line}:${f.column}`), ['SC2086@4:10', 'SC2086@5:19', 'SC2154@6:14', 'SC3010@7:5']);
      }
      assert.deepEqual(scFindings(run(['check', '--format', 'json', '--no-shellcheck', 'Dockerfile']).stdout), []);
      assert.deepEqual(scFindings(run(['check', '--format', 'json', 'ignored.Dockerfile']).stdout), [], '# hadolint ignore=SC2086 silences it');
    });

    it('describes ShellCheck codes in SARIF so every result points at a rule', () => {
      const sarif = JSON.parse(run(['check', '--format', 'sarif', 'Dockerfile']).stdout);
      const [sarifRun] = sarif.runs;
      const sc = sarifRun.results.filter((r: { ruleId: string }) => /^SC\d+$/.test(r.ruleId));
      assert.ok(sc.length > 0);
      for (const result of sarifRun.results) assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      const descriptor = sarifRun.tool.driver.rules.find((r: { id: string }) => r.id === 'SC2086');
      assert.equal(descriptor.helpUri, 'https://www.shellcheck.net/wiki/SC2086');
    });

    it('fails clearly when --shellcheck is asked for and there is none', () => {
      const result = run(['check', '--shellcheck', 'Dockerfile'], { SHIPSHAPE_SHELLCHECK: join(dir, 'no-such-shellcheck') });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /--shellcheck: shellcheck is not on PATH/);
    });
  });

  describe('in the language server', () => {
    let editor: TestEditor;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'shipshape-sc-lsp-'));
      editor = new TestEditor();
      await editor.initialize();
    });
    after(async () => {
      await editor.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const publishedWith = async (uri: string, version: number, rule: string): Promise<PublishDiagnosticsParams> => {
      const deadline = Date.now() + 10000;
      for (;;) {
        const found = editor.published.find((p) => p.uri === uri && p.version === version && p.diagnostics.some((d) => d.code === rule));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${rule} for version ${version}; stderr: ${editor.stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };

    it('publishes the fast findings first, then again with ShellCheck findings for the same version', async () => {
      const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
      await editor.open(uri, 'FROM alpine:3.20\nUSER app\nRUN echo $lowercase_thing\n');
      const fast = await editor.diagnostics(uri, 1);
      assert.ok(!fast.some((d) => String(d.code).startsWith('SC')), 'the first publish does not wait for ShellCheck');
      const full = await publishedWith(uri, 1, 'SC2154');
      const sc = full.diagnostics.find((d) => d.code === 'SC2154')!;
      assert.deepEqual(sc.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 25 } });
      assert.equal(sc.codeDescription?.href, 'https://www.shellcheck.net/wiki/SC2154');
      assert.equal(sc.severity, 2);
      // An edit elsewhere: the unchanged script's findings come from the cache in the first publish.
      const version = await editor.change(uri, [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 8 } }, text: 'x' }]);
      assert.ok((await editor.diagnostics(uri, version)).some((d) => d.code === 'SC2154'));
    });
  });
});
