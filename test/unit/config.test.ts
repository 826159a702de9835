import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parseHadolintConfig } from '../../server/src/config/hadolint-file';
import { configRuleLevels, findProjectConfig, readProjectConfig, settingsWithConfig, userConfigDir } from '../../server/src/config/project-config';
import { WorkspaceConfig } from '../../server/src/config/workspace-config';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { allRules, lintText } from '../../server/src/linter';
import { ShellChecker } from '../../server/src/shellcheck/checker';
import { TestEditor } from '../lsp/lsp-client';

const FULL = `
ignored:
  - DL3008
  - SC2086
override:
  error: [DL3002]
  warning:
    - DL3018
  info: [SC2154]
  style: [DL3015]
trustedRegistries:
  - registry.example.com
label-schema:
  org.opencontainers.image.source: url
  team: text
strict-labels: true
failure-threshold: warning
no-fail: false
no-color: true
`;

describe('.hadolint.yaml', () => {
  it('reads every setting: ignored, override (style as hint), registries, label schema, strict labels, threshold', () => {
    const { config, problems } = parseHadolintConfig(FULL);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.ignored, ['DL3008', 'SC2086']);
    assert.deepEqual([...config.override], [['DL3002', 'error'], ['DL3018', 'warning'], ['SC2154', 'info'], ['DL3015', 'hint']]);
    assert.deepEqual(config.trustedRegistries, ['registry.example.com']);
    assert.deepEqual([...config.labelSchema!], [['org.opencontainers.image.source', 'url'], ['team', 'text']]);
    assert.equal(config.strictLabels, true);
    assert.equal(config.failureThreshold, 'warning');
    assert.equal(config.noFail, false);
    assert.deepEqual(configRuleLevels(config), { DL3002: 'error', DL3018: 'warning', SC2154: 'info', DL3015: 'hint', DL3008: 'off', SC2086: 'off' });
    assert.equal(parseHadolintConfig('failure-threshold: style\n').config.failureThreshold, 'hint');
    assert.equal(parseHadolintConfig('failure-threshold: none\n').config.failureThreshold, 'none');
    assert.deepEqual(parseHadolintConfig('').problems, []);
    assert.deepEqual(parseHadolintConfig('# only a comment\n').problems, []);
  });

  it('says where a broken file is wrong, once per mistake, and keeps the rest', () => {
    const broken = parseHadolintConfig('ignored: [DL3008\noverride:\n  error: DL3002\n');
    assert.equal(broken.problems.length, 1);
    assert.match(broken.problems[0].message, /^not valid YAML \(.*\); the whole file is ignored$/);
    assert.deepEqual(broken.config.ignored, []);

    const wrong = parseHadolintConfig('ignored: DL3008\noverride:\n  fatal: [DL1]\n  info: [DL3015, {a: 1}]\nstrict-labels: yes please\nfailure-threshold: high\nlabel-schema:\n  team: colour\ntrustedRegistries: [ghcr.io]\nignore: [DL3007]\n');
    assert.deepEqual(
      wrong.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`),
      [
        '1:10 "ignored" must be a list; it is ignored',
        '3:3 "override.fatal": the levels are error, warning, info and style; it is ignored',
        '4:18 "override.info": every entry must be a string; this one is skipped',
        '5:16 "strict-labels" must be true or false; it is ignored',
        '6:20 "failure-threshold" must be error, warning, info, style or none; it is ignored',
        '8:9 "label-schema.team": the format must be one of text, url, hash, rfc3339, semver, email, spdx; the label is read as text',
        '10:1 unknown setting "ignore"; it is ignored',
      ],
    );
    assert.deepEqual([...wrong.config.override], [['DL3015', 'info']]);
    assert.deepEqual(wrong.config.trustedRegistries, ['ghcr.io']);
    assert.deepEqual(parseHadolintConfig('- DL3008\n').problems.map((p) => p.message), ['the file must be a mapping of settings (ignored:, override:, trustedRegistries:, …); it is ignored']);
  });

  it('is found in the file\'s folder or a parent, up to the workspace root, then in the user\'s config folder', () => {
    const files = new Map<string, string>([
      ['/ws/.hadolint.yaml', 'ignored: [DL3008]\n'],
      ['/ws/app/.hadolint.yml', 'ignored: [DL3009]\n'],
      ['/.hadolint.yaml', 'ignored: [DL1]\n'],
      ['/home/u/.config/hadolint.yaml', 'ignored: [DL2]\n'],
    ]);
    const read = (path: string) => files.get(path);
    assert.deepEqual(findProjectConfig('/ws/app/svc', read, { roots: ['/ws'] }).path, '/ws/app/.hadolint.yml');
    assert.deepEqual(findProjectConfig('/ws/other', read, { roots: ['/ws'] }).path, '/ws/.hadolint.yaml');
    assert.deepEqual(findProjectConfig('/elsewhere/x', read, {}).path, '/.hadolint.yaml');
    files.delete('/.hadolint.yaml');
    files.delete('/ws/.hadolint.yaml');
    assert.deepEqual(findProjectConfig('/ws/other', read, { roots: ['/ws'], userConfigDir: '/home/u/.config' }).hadolint!.ignored, ['DL2']);
    assert.deepEqual(findProjectConfig('/ws/other', read, { roots: ['/ws'], userConfigDir: null }), { path: null, hadolint: null, problems: [] });
    assert.equal(userConfigDir({ XDG_CONFIG_HOME: '/x' }), '/x');
    assert.equal(userConfigDir({ HOME: '/home/u' }), join('/home/u', '.config'));
  });

  it('sits under our settings: shipshape.rules wins for a rule whichever name either side uses', () => {
    const project = readProjectConfig('/ws/.hadolint.yaml', 'ignored: [DL3008, SC2086, final-user-root]\noverride:\n  error: [DL3002, SC2154]\n  style: [DL3009]\n');
    const merged = settingsWithConfig({ rules: { 'apt-pin-versions': 'warning', dl3002: 'info', shellcheck: 'hint' } }, project, allRules);
    const level = (id: string) => {
      const rule = allRules.find((r) => r.id === id || r.aliases.includes(id))!;
      return merged.rules![rule.id];
    };
    assert.equal(level('DL3008'), 'warning', 'ours, by id, over the file\'s ignored DL3008');
    assert.equal(level('DL3002'), 'info', 'ours, by alias in another case, over the file');
    assert.equal(level('DL3009'), 'hint', 'the file\'s style is a hint');
    assert.equal(merged.rules!.SC2086, undefined, 'our "shellcheck" level wins over the file\'s SC codes');
    assert.equal(merged.hadolint, project.hadolint);
    assert.deepEqual(settingsWithConfig({ rules: { DL3008: 'off' } }, { path: null, hadolint: null, problems: [] }, allRules), { rules: { DL3008: 'off' }, hadolint: null });
  });

  it('drives the rules: ignored and override levels, trusted registries, the label schema, and ShellCheck codes', async () => {
    const project = readProjectConfig('/ws/.hadolint.yaml', FULL);
    const settings = settingsWithConfig({}, project, allRules);
    const text = 'FROM docker.io/library/debian:12\nLABEL team="core" extra="x"\nRUN apt-get update && apt-get install -y curl\nRUN echo $a $b\n';
    const findings = lintText(text, 'dockerfile', { settings }).findings;
    const of = (alias: string) => findings.filter((f) => f.rule === alias || f.aliases.includes(alias)).map((f) => `${f.rule}:${f.severity}`);
    assert.deepEqual(of('DL3008'), [], 'ignored');
    assert.deepEqual(of('DL3002'), ['final-user-root:error'], 'override error');
    assert.deepEqual(of('DL3015'), ['apt-no-install-recommends:hint'], 'override style');
    assert.deepEqual(of('DL3026'), ['registry-not-allowed:error'], 'trustedRegistries from the settings, not from a file beside it');
    assert.ok(findings.some((f) => f.rule === 'label-schema' && f.message === 'Label "extra" is not in the label schema'));
    // Without a config the same text has none of these.
    const plain = lintText(text, 'dockerfile', { settings: settingsWithConfig({}, null, allRules) }).findings;
    assert.ok(!plain.some((f) => f.rule === 'registry-not-allowed' || f.rule === 'label-schema'));
    assert.ok(plain.some((f) => f.aliases.includes('DL3008')));

    const comments = (script: string) => {
      if (!script.includes('$a')) return [];
      const line = script.split('\n').length;
      const column = script.split('\n').pop()!.indexOf('$a') + 1;
      return [
        { line, column, endLine: line, endColumn: column + 2, level: 'info', code: 2086, message: 'quote' },
        { line, column: column + 3, endLine: line, endColumn: column + 5, level: 'warning', code: 2154, message: 'b is referenced but not assigned.' },
      ];
    };
    const checked = await new ShellChecker({ run: async (script) => comments(script) }).check(parseDockerfile(text), settings);
    assert.deepEqual(checked.findings.map((f) => `${f.rule}:${f.severity}`), ['SC2154:info']);
  });
});

describe('.hadolint.yaml in the CLI', () => {
  let dir: string;
  const cli = join(__dirname, '..', '..', '..', 'bin', 'shipshape.js');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CONFIG_HOME: join(dir, 'xdg') } });
  const rules = (stdout: string) => (JSON.parse(stdout) as { files: { findings: { rule: string; severity: string }[] }[] }).files.flatMap((f) => f.findings.map((x) => `${x.rule}:${x.severity}`));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-config-cli-'));
    for (const sub of ['plain', 'strict', 'lenient', 'broken', 'nofail']) mkdirSync(join(dir, sub));
    const dockerfile = 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER app\n';
    for (const sub of ['plain', 'strict', 'lenient', 'broken', 'nofail']) writeFileSync(join(dir, sub, 'Dockerfile'), dockerfile);
    writeFileSync(join(dir, 'strict', '.hadolint.yaml'), 'override:\n  error: [DL3008]\n');
    writeFileSync(join(dir, 'lenient', '.hadolint.yml'), 'ignored: [DL3008]\nfailure-threshold: error\n');
    writeFileSync(join(dir, 'broken', '.hadolint.yaml'), 'ignored: [DL3008\n');
    writeFileSync(join(dir, 'nofail', '.hadolint.yaml'), 'no-fail: true\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the nearest file: override, ignored, failure-threshold as the default --severity, no-fail', () => {
    const plain = run(['check', '--format', 'json', '--no-shellcheck', 'plain/Dockerfile']);
    assert.equal(plain.status, 1);
    const pin = rules(plain.stdout).find((r) => r.startsWith('apt-pin-versions'));
    assert.equal(pin, 'apt-pin-versions:info');
    assert.ok(rules(run(['check', '--format', 'json', '--no-shellcheck', 'strict/Dockerfile']).stdout).includes('apt-pin-versions:error'));
    const lenient = run(['check', '--format', 'json', '--no-shellcheck', 'lenient/Dockerfile']);
    assert.deepEqual(rules(lenient.stdout), [], 'DL3008 ignored, the rest is below error');
    assert.equal(lenient.status, 0);
    assert.ok(rules(run(['check', '--format', 'json', '--no-shellcheck', '--severity', 'hint', 'lenient/Dockerfile']).stdout).length > 0, '--severity wins');
    const noFail = run(['check', '--format', 'json', '--no-shellcheck', 'nofail/Dockerfile']);
    assert.ok(rules(noFail.stdout).length > 0);
    assert.equal(noFail.status, 0);
  });

  it('says once what is wrong with a broken file and lints with the defaults', () => {
    writeFileSync(join(dir, 'broken', 'other.Dockerfile'), 'FROM debian:12\nUSER app\n');
    const result = run(['check', '--format', 'json', '--no-shellcheck', 'broken']);
    assert.equal(result.status, 1);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /^shipshape: .*broken\/\.hadolint\.yaml:2:1: not valid YAML .*; the whole file is ignored \(using defaults for it\)$/);
    assert.ok(rules(result.stdout).includes('apt-pin-versions:info'));
  });
});

describe('.hadolint.yaml in the language server', () => {
  let editor: TestEditor;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-config-lsp-'));
    editor = new TestEditor();
    await editor.initialize();
  });
  after(async () => {
    await editor.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads it, marks a broken one where it is broken, and reloads when the file changes', async () => {
    const config = join(dir, '.hadolint.yaml');
    writeFileSync(config, 'ignored: [DL3002]\n');
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    await editor.open(uri, 'FROM debian:12\nCOPY app /app\n');
    const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code));
    assert.ok(!codes(await editor.diagnostics(uri, 1)).includes('final-user-root'), 'ignored by the config');

    writeFileSync(config, 'ignored: [DL3002\n');
    const before = editor.published.length;
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const configUri = pathToFileURL(config).href;
    const marked = await waitFor(() => editor.published.slice(before).find((p) => p.uri === configUri));
    assert.equal(marked.diagnostics.length, 1);
    assert.match(String(marked.diagnostics[0].message), /^not valid YAML/);
    assert.equal(marked.diagnostics[0].severity, 2);
    // Defaults while the file is broken.
    await waitFor(() => editor.published.slice(before).find((p) => p.uri === uri && codes(p.diagnostics).includes('final-user-root')));

    writeFileSync(config, 'ignored: [DL3002]\n');
    const again = editor.published.length;
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const cleared = await waitFor(() => editor.published.slice(again).find((p) => p.uri === configUri));
    assert.deepEqual(cleared.diagnostics, []);
    await waitFor(() => editor.published.slice(again).find((p) => p.uri === uri && !codes(p.diagnostics).includes('final-user-root')));
  });

  it('is per folder: a Dockerfile without a config beside or above it gets the defaults', async () => {
    const other = mkdtempSync(join(tmpdir(), 'shipshape-config-lsp-none-'));
    const uri = pathToFileURL(join(other, 'Dockerfile')).href;
    await editor.open(uri, 'FROM debian:12\nCOPY app /app\n');
    assert.ok((await editor.diagnostics(uri, 1)).some((d) => d.code === 'final-user-root'));
    rmSync(other, { recursive: true, force: true });
  });

  async function waitFor<T>(find: () => T | undefined): Promise<T> {
    const deadline = Date.now() + 10000;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out; stderr: ${editor.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});

describe('WorkspaceConfig', () => {
  it('reports a file\'s problems once, again only when they change, and an empty list once it is fixed', () => {
    let text = 'ignored: DL3008\n';
    const workspace = new WorkspaceConfig(allRules, (path) => (path === '/ws/.hadolint.yaml' ? text : undefined), {}, ['/ws']);
    const first = workspace.newProblems(workspace.projectFor('/ws/Dockerfile'));
    assert.equal(first!.length, 1);
    assert.equal(workspace.newProblems(workspace.projectFor('/ws/sub/Dockerfile')), null);
    text = 'ignored: [DL3008]\n';
    assert.equal(workspace.newProblems(workspace.projectFor('/ws/Dockerfile')), null, 'cached until changed()');
    workspace.changed();
    assert.deepEqual(workspace.newProblems(workspace.projectFor('/ws/Dockerfile')), []);
    assert.equal(workspace.newProblems(workspace.projectFor('/ws/Dockerfile')), null);
    assert.equal(workspace.settingsFor('/ws/Dockerfile', {}).rules!['apt-pin-versions'], 'off');
  });
});
