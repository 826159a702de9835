import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const cli = join(__dirname, '..', '..', '..', 'bin', 'shipshape.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });


describe('shipshape CLI', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
    mkdirSync(join(dir, 'svc'));
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nUSER app\nCMD ["app"]\n');
    writeFileSync(join(dir, 'svc', 'api.Dockerfile'), 'FROM debian:12-slim\nCOPY app /app\nCMD ["/app"]\n');
    writeFileSync(join(dir, 'node_modules', 'dep', 'Dockerfile'), 'FROM alpine\n');
    writeFileSync(join(dir, 'notes.txt'), 'FROM alpine\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('searches folders for container files, skipping node_modules', () => {
    const result = run(['check', '--format', 'json', '.'], dir);
    const report = JSON.parse(result.stdout) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['Dockerfile', join('svc', 'api.Dockerfile')]);
  });

  it('prints JSON with 1-based line/column and the 0-based LSP range', () => {
    const result = run(['check', '--format', 'json', 'svc/api.Dockerfile'], dir);
    assert.equal(result.status, 1);
    const finding = JSON.parse(result.stdout).files[0].findings.find((f: { rule: string }) => f.rule === 'final-user-root');
    assert.deepEqual(
      { ...finding, fixes: finding.fixes.map((f: { title: string; preferred: boolean }) => [f.title, f.preferred]) },
      {
        rule: 'final-user-root',
        aliases: ['DL3002', 'AVD-DS-0002', 'CKV_DOCKER_3', 'CKV_DOCKER_8'],
        severity: 'warning',
        message: 'No USER in the final stage: the container runs as root',
        line: 1,
        column: 1,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } },
        fixes: [['Add a non-root user and switch to it', true]],
      },
    );
  });

  it('prints SARIF 2.1.0 with rules and regions', () => {
    const result = run(['check', '--format', 'sarif', 'svc/api.Dockerfile'], dir);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runEntry] = sarif.runs;
    assert.equal(runEntry.tool.driver.name, 'shipshape');
    const result0 = runEntry.results.find((r: { ruleId: string }) => r.ruleId === 'final-user-root');
    assert.equal(runEntry.tool.driver.rules[result0.ruleIndex].id, 'final-user-root');
    assert.deepEqual(result0.locations[0].physicalLocation, {
      artifactLocation: { uri: 'svc/api.Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 20 },
    });
    assert.equal(result0.level, 'warning');
  });

  it('prints a readable report on a terminal', () => {
    const result = run(['check', 'svc/api.Dockerfile'], dir);
    assert.ok(result.stdout.startsWith('svc/api.Dockerfile\n'));
    assert.match(result.stdout, /^ {2}1:1 {5}warning No USER in the final stage: the container runs as root {2}final-user-root \(DL3002, AVD-DS-0002, CKV_DOCKER_3, CKV_DOCKER_8\)$/m);
    assert.match(result.stdout, /problems? \(.*\) in 1 file\n/);
  });

  it('--severity error exits 0 when only warnings remain', () => {
    const onlyRoot = join(dir, 'root.Dockerfile');
    writeFileSync(onlyRoot, '# shipshape ignore=final-user-root\nFROM scratch\n');
    const result = run(['check', '--severity', 'error', '--format', 'json', 'svc/api.Dockerfile'], dir);
    const findings = JSON.parse(result.stdout).files[0].findings as { severity: string }[];
    assert.ok(findings.every((f) => f.severity === 'error'));
    assert.equal(result.status, findings.length > 0 ? 1 : 0);
    rmSync(onlyRoot);
  });

  it('--fix rewrites the file, and a second run changes nothing', () => {
    const path = join(dir, 'fix.Dockerfile');
    writeFileSync(path, 'FROM debian:12-slim\nCOPY app /app\nCMD ["/app"]\n');
    run(['check', '--fix', 'fix.Dockerfile'], dir);
    const once = readFileSync(path, 'utf8');
    assert.match(once, /\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD \["\/app"\]\n$/);
    run(['check', '--fix', 'fix.Dockerfile'], dir);
    assert.equal(readFileSync(path, 'utf8'), once);
    rmSync(path);
  });

  it('exits 2 on usage and I/O errors with a message', () => {
    for (const args of [['check'], ['check', '--format', 'xml', '.'], ['lint', '.'], ['check', '--bogus', '.'], ['check', 'does-not-exist']]) {
      const result = run(args, dir);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^shipshape: /);
    }
    const notContainer = run(['check', 'notes.txt'], dir);
    assert.equal(notContainer.status, 1, 'an explicitly named file is sniffed: it starts with FROM');
  });

  it('lists rules as JSON', () => {
    const rules = JSON.parse(run(['rules', '--format', 'json'], dir).stdout) as { id: string; aliases: string[]; severity: string; fixable: boolean; kinds: string[]; doc: string }[];
    const root = rules.find((r) => r.id === 'final-user-root')!;
    assert.deepEqual(
      { id: root.id, severity: root.severity, fixable: root.fixable, kinds: root.kinds, doc: root.doc },
      { id: 'final-user-root', severity: 'warning', fixable: true, kinds: ['dockerfile'], doc: 'docs/rules/final-user-root.md' },
    );
    assert.ok(root.aliases.includes('DL3002'));
  });
});
