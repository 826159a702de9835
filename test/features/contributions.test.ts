/**
 * What the extension contributes for the editor experience: Fix all (and on save), the rule doc
 * command, the language feature switches, grammars, snippets and the walkthrough.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import type { TestEditor } from '../lsp/lsp-client';
import { startEditor } from './feature-editor';

const ROOT = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = pkg.contributes;

describe('Fix all hardening issues (source.fixAll.shipshape)', () => {
  let editor: TestEditor;
  before(async () => {
    ({ editor } = await startEditor());
  });
  after(async () => {
    await editor.close();
  });

  it('is declared as a code action kind, so editor.codeActionsOnSave can ask for it', async () => {
    const { editor: fresh, capabilities } = await startEditor();
    await fresh.close();
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.shipshape']);
  });

  it('is contributed in package.json for the three languages, so settings and the Source Action menu know it before the server starts', () => {
    assert.deepEqual(contributes.codeActions, [
      {
        languages: ['dockerfile', 'dockercompose', 'dockerignore'],
        actions: [
          {
            kind: 'source.fixAll.shipshape',
            title: 'Fix all hardening issues',
            description: 'Apply every preferred Shipshape fix in the file (also on save, with editor.codeActionsOnSave).',
          },
        ],
      },
    ]);
  });

  for (const only of [['source.fixAll'], ['source.fixAll.shipshape'], ['source']]) {
    it(`answers a request for ${only.join(', ')} with one action that fixes the file`, async () => {
      const uri = `file:///tmp/shipshape-fixall-${process.pid}-${only.join('')}/Dockerfile`;
      await editor.open(uri, 'FROM debian:12-slim\nCOPY app /app\nENTRYPOINT ["/app"]\n');
      await editor.diagnostics(uri, 1);
      const actions = await editor.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], only);
      assert.deepEqual(actions.map((a: CodeAction) => [a.title, a.kind]), [['Fix all hardening issues', 'source.fixAll.shipshape']]);
      const { versions } = await editor.apply(actions[0].edit!);
      assert.match(editor.text(uri), /^USER 10001:10001$/m);
      assert.ok(!(await editor.diagnostics(uri, versions.get(uri)!)).some((d) => d.code === 'final-user-root'));
    });
  }

  it('offers nothing when there is nothing to fix', async () => {
    const uri = `file:///tmp/shipshape-fixall-${process.pid}-clean/Dockerfile`;
    await editor.open(uri, '# shipshape global ignore=all\nFROM scratch\n');
    await editor.diagnostics(uri, 1);
    assert.deepEqual(await editor.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']), []);
  });
});

describe('package.json contributions for the editor', () => {
  const command = (id: string) => contributes.commands.find((c: { command: string }) => c.command === id);

  it('has the commands with their titles', () => {
    assert.deepEqual(
      ['shipshape.fixAll', 'shipshape.enableFixAllOnSave', 'shipshape.openRuleDoc', 'shipshape.buildAndCheck'].map((id) => `${command(id)?.category}: ${command(id)?.title}`),
      ['Shipshape: Fix All Hardening Issues', 'Shipshape: Fix Hardening Issues on Save', 'Shipshape: Open Rule Documentation', 'Shipshape: Build and Check'],
    );
  });

  it('has auto/on/off language feature switches that name the other Docker extensions', () => {
    for (const kind of ['dockerfile', 'compose']) {
      const setting = contributes.configuration.properties[`shipshape.languageFeatures.${kind}`];
      assert.deepEqual([setting.enum, setting.default], [['auto', 'on', 'off'], 'auto']);
      assert.match(setting.markdownDescription, /docker\.docker/);
      assert.match(setting.markdownDescription, /ms-azuretools\.vscode-containers/);
      assert.match(setting.markdownDescription, /diagnostics, quick fixes, Fix all and the hover of findings always stay on/);
    }
  });

  it('gives .dockerignore a language of its own, with a grammar, and compose files the YAML grammar', () => {
    const dockerignore = contributes.languages.find((l: { id: string }) => l.id === 'dockerignore');
    assert.deepEqual([dockerignore.filenames, dockerignore.filenamePatterns, dockerignore.configuration], [['.dockerignore'], ['*.dockerignore'], './syntaxes/dockerignore.language-configuration.json']);
    assert.deepEqual(JSON.parse(readFileSync(join(ROOT, dockerignore.configuration), 'utf8')).comments, { lineComment: '#' });
    const ignoreGrammar = contributes.grammars.find((g: { language?: string }) => g.language === 'dockerignore');
    assert.equal(JSON.parse(readFileSync(join(ROOT, ignoreGrammar.path), 'utf8')).scopeName, ignoreGrammar.scopeName);
    const compose = contributes.grammars.find((g: { language?: string }) => g.language === 'dockercompose');
    const grammar = JSON.parse(readFileSync(join(ROOT, compose.path), 'utf8'));
    assert.deepEqual([grammar.scopeName, grammar.patterns], [compose.scopeName, [{ include: 'source.yaml' }]]);
  });

  it('activates for the three kinds of files, not for every .gitignore', () => {
    assert.deepEqual(pkg.activationEvents, [
      'onLanguage:dockerfile',
      'workspaceContains:**/Dockerfile',
      'workspaceContains:**/Containerfile',
      'onLanguage:dockerignore',
      'workspaceContains:**/.dockerignore',
      'workspaceContains:**/*.dockerignore',
      'onLanguage:dockercompose',
      'workspaceContains:**/compose.yaml',
      'workspaceContains:**/compose.yml',
      'workspaceContains:**/docker-compose.yaml',
      'workspaceContains:**/docker-compose.yml',
    ]);
    // VS Code adds onLanguage:<id> for each contributed language that has a configuration: never VS Code's own ignore language.
    assert.deepEqual(contributes.languages.map((l: { id: string }) => l.id).sort(), ['dockercompose', 'dockerignore']);
  });

  it('ships every file it points at', () => {
    const paths = [
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.snippets.map((s: { path: string }) => s.path),
      ...contributes.languages.filter((l: { configuration?: string }) => l.configuration).map((l: { configuration: string }) => l.configuration),
      ...contributes.walkthroughs.flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) => w.steps.map((s) => s.media.markdown ?? s.media.image)),
    ];
    for (const path of paths) assert.ok(existsSync(join(ROOT, path)), path);
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const folder of ['snippets', 'syntaxes', 'media']) assert.match(ignore, new RegExp(`^!${folder}/\\*\\*$`, 'm'));
  });

  it('regenerates the README\'s pictures with npm run screenshots', () => {
    assert.equal(pkg.scripts.screenshots, 'node scripts/screenshots.mjs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.match(readme, /`npm run screenshots` runs them/);
    const taken = [...readFileSync(join(ROOT, 'scripts', 'screenshots.mjs'), 'utf8').matchAll(/file: '([^']+)'/g)].map((m) => m[1]).sort();
    const shown = [...readme.matchAll(/\]\(images\/([^)]+)\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(taken, shown, 'the script takes every picture the README shows');
  });

  it('has a walkthrough with the three main flows', () => {
    const [walkthrough] = contributes.walkthroughs;
    const steps = walkthrough.steps.map((s: { id: string }) => s.id);
    for (const step of ['lintAsYouType', 'buildAndCheck', 'composeUpAndCheck']) assert.ok(steps.includes(step), step);
    const descriptions = walkthrough.steps.map((s: { description: string }) => s.description).join('\n');
    for (const id of ['shipshape.fixAll', 'shipshape.enableFixAllOnSave', 'shipshape.buildAndCheck', 'shipshape.composeUpAndCheck']) {
      assert.ok(descriptions.includes(`(command:${id})`), id);
      assert.ok(command(id), `${id} is a contributed command`);
    }
  });
});

describe('pragma highlighting', () => {
  const injection = contributes.grammars.find((g: { scopeName: string }) => g.scopeName === 'shipshape.pragmas.injection');
  const inYaml = contributes.grammars.find((g: { scopeName: string }) => g.scopeName === 'shipshape.pragmas.yaml-comment.injection');
  const yamlGrammar = JSON.parse(readFileSync(join(ROOT, inYaml.path), 'utf8'));
  const grammar = JSON.parse(readFileSync(join(ROOT, injection.path), 'utf8'));
  const repository = grammar.repository as Record<string, { match?: string; captures?: Record<string, { name?: string }> }>;
  /** Which top-level rule of the injection matches a line, and the named captures it gives. */
  const highlight = (line: string): [string, Record<string, string>] | null => {
    for (const { include } of grammar.patterns as { include: string }[]) {
      const rule = repository[include.slice(1)];
      const match = new RegExp(rule.match!).exec(line);
      if (!match) continue;
      const named: Record<string, string> = {};
      for (const [index, capture] of Object.entries(rule.captures ?? {})) if (capture.name && match[Number(index)] !== undefined) named[capture.name.replace(/\.shipshape$/, '')] = match[Number(index)];
      return [include.slice(1), named];
    }
    return null;
  };

  it('is injected into Dockerfiles and .dockerignore outside strings, and into comments of compose files', () => {
    assert.deepEqual(injection.injectTo, ['source.dockerfile', 'source.dockerignore']);
    assert.equal(grammar.injectionSelector, 'L:source.dockerfile -string, L:source.dockerignore');
    assert.deepEqual(inYaml.injectTo, ['source.yaml.compose', 'source.yaml']);
    assert.equal(yamlGrammar.injectionSelector, 'L:comment.line.number-sign.yaml');
  });

  it('finds pragmas in YAML comments, right after the #', () => {
    const [ignore, trivy, checkov] = (yamlGrammar.patterns as { match: string }[]).map((p) => new RegExp(p.match));
    const comment = '    # shipshape ignore=compose-read-only,compose-user-root';
    const match = ignore.exec(comment)!;
    assert.deepEqual([match.index, match[1], match[5]], [comment.indexOf('#') + 1, 'shipshape', 'compose-read-only,compose-user-root']);
    assert.equal(trivy.exec('image: x # trivy:ignore:AVD-DS-0002')?.[5], 'AVD-DS-0002');
    assert.equal(checkov.exec('# checkov:skip=CKV_DOCKER_2')?.[5], 'CKV_DOCKER_2');
    assert.equal(ignore.exec('# not a shipshape ignore=pragma'), null);
  });

  it('recognises our, hadolint\'s, Trivy\'s, Checkov\'s and BuildKit\'s pragmas', () => {
    assert.deepEqual(highlight('# shipshape ignore=final-user-root,apt-pin-versions'), ['ignore-pragma', { 'punctuation.definition.comment': '#', 'keyword.control.directive.pragma': 'shipshape', 'keyword.other.ignore': 'ignore', 'keyword.operator.assignment': '=' }]);
    assert.equal(highlight('  # shipshape global ignore=all')?.[1]['storage.modifier.scope'], 'global');
    assert.equal(highlight('# hadolint ignore=DL3008,DL3009')?.[1]['keyword.control.directive.pragma'], 'hadolint');
    assert.equal(highlight('# hadolint shell=powershell')?.[1]['string.unquoted.shell'], 'powershell');
    assert.equal(highlight('# trivy:ignore:AVD-DS-0002')?.[1]['constant.other.rule-id'], 'AVD-DS-0002');
    assert.equal(highlight('# checkov:skip=CKV_DOCKER_2: not a server')?.[1]['constant.other.rule-id'], 'CKV_DOCKER_2');
    assert.equal(highlight('# check=skip=JSONArgsRecommended;error=true')?.[0], 'buildkit-check');
    assert.equal(highlight('# syntax=docker/dockerfile:1')?.[1]['string.unquoted.directive-value'], 'docker/dockerfile:1');
    assert.equal(highlight('# just a comment about shipshape'), null);
    assert.equal(highlight('RUN echo "# shipshape ignore=x"'), null);
  });

  it('colours each rule id of a list', () => {
    const ids = grammar.repository['rule-ids'].patterns as { match: string; name: string }[];
    const idPattern = new RegExp(ids[1].match, 'g');
    assert.deepEqual('final-user-root, DL3008,AVD-DS-0002'.match(idPattern), ['final-user-root', 'DL3008', 'AVD-DS-0002']);
  });
});
