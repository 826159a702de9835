import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
