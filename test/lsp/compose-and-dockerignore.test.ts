import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestEditor } from './lsp-client';

const only = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

describe('language server: compose files and .dockerignore', () => {
  let editor: TestEditor;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shipshape-lsp-files-'));
    editor = new TestEditor();
    await editor.initialize();
  });
  after(async () => {
    await editor.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lints a compose file as the user types and applies a fix that keeps comments and indentation', async () => {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    const text = 'services:\n  web:\n    image: nginx:1.27\n    # needed for the old driver\n    privileged: true\n    ports:\n      - "8080:80"\n';
    await editor.open(uri, text, 'dockercompose');
    const [privileged] = only(await editor.diagnostics(uri, 1), 'compose-privileged');
    assert.deepEqual(privileged.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 20 } });
    assert.equal(privileged.severity, 1);
    assert.match(String(privileged.message), /^Service "web" runs privileged/);
    const actions = (await editor.codeActions(uri, privileged.range, [privileged])).filter((a) => a.diagnostics?.[0]?.code === 'compose-privileged');
    assert.equal(actions[0].title, 'Remove privileged: true');
    assert.equal(actions[0].isPreferred, false, 'offered in the editor, not applied by --fix');
    const { versions } = await editor.apply(actions[0].edit!);
    assert.equal(editor.text(uri), 'services:\n  web:\n    image: nginx:1.27\n    # needed for the old driver\n    ports:\n      - "8080:80"\n');
    assert.deepEqual(only(await editor.diagnostics(uri, versions.get(uri)!), 'compose-privileged'), []);
  });

  it('reports a YAML error at its position while typing, and keeps the server alive', async () => {
    const uri = pathToFileURL(join(dir, 'docker-compose.override.yml')).href;
    await editor.open(uri, 'services:\n  db:\n    image: postgres:16\n', 'yaml');
    await editor.diagnostics(uri, 1);
    const version = await editor.change(uri, [{ range: { start: { line: 2, character: 22 }, end: { line: 2, character: 22 } }, text: '\n    ports: [ "5432:5432"' }]);
    const errors = only(await editor.diagnostics(uri, version), 'compose-yaml-error');
    assert.equal(errors.length >= 1, true);
    assert.equal(errors[0].severity, 1);
    assert.ok(errors[0].range.start.line >= 3, 'the error is at the unclosed flow sequence, not at the top');
    assert.equal(editor.exitCode, null);
  });

  it('offers to create a .dockerignore for COPY . . and reads it once it exists', async () => {
    const dockerfile = join(dir, 'Dockerfile');
    const uri = pathToFileURL(dockerfile).href;
    const text = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
    writeFileSync(dockerfile, text);
    await editor.open(uri, text);
    const [missing] = only(await editor.diagnostics(uri, 1), 'dockerignore-missing');
    assert.ok(missing, 'dockerignore-missing is reported');
    const action = (await editor.codeActions(uri, missing.range, [missing])).find((a) => a.diagnostics?.[0]?.code === 'dockerignore-missing' && a.isPreferred)!;
    const ignoreUri = pathToFileURL(join(dir, '.dockerignore')).href;
    const { created } = await editor.apply(action.edit!);
    const createdText = created.get(ignoreUri);
    assert.ok(createdText !== undefined, 'the fix creates .dockerignore next to the Dockerfile');
    for (const line of ['.git', '.env', 'node_modules']) assert.ok(createdText.split(/\r?\n/).includes(line), `${line} is ignored`);
    // The editor saves the new file; the server hears of it and re-lints the Dockerfile.
    writeFileSync(join(dir, '.dockerignore'), createdText);
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ignoreUri, type: 1 }] });
    const version = await editor.change(uri, [{ range: { start: { line: 4, character: 25 }, end: { line: 4, character: 25 } }, text: '\n' }]);
    assert.deepEqual(only(await editor.diagnostics(uri, version), 'dockerignore-missing'), []);
  });

  it('re-lints a Dockerfile in a subfolder when the compose file or .dockerignore of the folder above changes', async () => {
    const root = join(dir, 'monorepo');
    mkdirSync(join(root, 'docker'), { recursive: true });
    const uri = pathToFileURL(join(root, 'docker', 'Dockerfile')).href;
    await editor.open(uri, 'FROM alpine:3.20\nCOPY . /app\nUSER 10001\n');
    const count = () => editor.published.filter((p) => p.uri === uri).length;
    const republished = async (before: number) => {
      for (let i = 0; i < 250 && count() === before; i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(count() > before, 'the Dockerfile was linted again');
      return only(editor.published.filter((p) => p.uri === uri).at(-1)!.diagnostics, 'dockerignore-missing');
    };
    assert.equal(only(await editor.diagnostics(uri, 1), 'dockerignore-missing').length, 1);
    // An open compose file that builds it from the root: its Dockerfile-specific ignore file is offered.
    const composeUri = pathToFileURL(join(root, 'compose.yaml')).href;
    let before = count();
    await editor.open(composeUri, 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n', 'dockercompose');
    const [missing] = await republished(before);
    const actions = (await editor.codeActions(uri, missing.range, [missing])).filter((a) => a.diagnostics?.[0]?.code === 'dockerignore-missing');
    assert.deepEqual(actions.map((a) => a.title).filter((t) => t.startsWith('Create')), ['Create Dockerfile.dockerignore']);
    // A .dockerignore appears at the root (the build's context): the Dockerfile is clean without being edited.
    writeFileSync(join(root, '.dockerignore'), '.git\n');
    before = count();
    await editor.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, '.dockerignore')).href, type: 1 }] });
    assert.deepEqual(await republished(before), []);
  });

  it('lints an open .dockerignore and appends what leaks', async () => {
    const uri = pathToFileURL(join(dir, 'svc', '.dockerignore')).href;
    await editor.open(uri, 'dist\n', 'ignore');
    const [leak] = only(await editor.diagnostics(uri, 1), 'dockerignore-leaks-sensitive');
    assert.ok(leak, 'a .dockerignore without .git/.env is reported');
    const action = (await editor.codeActions(uri, leak.range, [leak])).find((a) => a.diagnostics?.[0]?.code === 'dockerignore-leaks-sensitive' && a.isPreferred)!;
    const { versions } = await editor.apply(action.edit!);
    const lines = editor.text(uri).split('\n');
    assert.equal(lines[0], 'dist');
    for (const line of ['.git', '.env']) assert.ok(lines.includes(line), `${line} appended`);
    assert.deepEqual(only(await editor.diagnostics(uri, versions.get(uri)!), 'dockerignore-leaks-sensitive'), []);
  });
});
