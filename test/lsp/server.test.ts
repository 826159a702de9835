import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestEditor } from './lsp-client';

const only = (diagnostics: Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);
let counter = 0;
const newUri = () => `file:///tmp/shipshape-lsp-${process.pid}-${++counter}/Dockerfile`;

describe('language server over stdio', () => {
  let editor: TestEditor;
  before(async () => {
    editor = new TestEditor();
    await editor.initialize();
  });
  after(async () => {
    await editor.close();
  });

  it('publishes a versioned diagnostic with range, code, severity and doc link on open', async () => {
    const uri = newUri();
    await editor.open(uri, 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n');
    const [diagnostic] = only(await editor.diagnostics(uri, 1), 'final-user-root');
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } });
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.source, 'shipshape');
    assert.match(String(diagnostic.message), /^No USER in the final stage: the container runs as root \[DL3002, /);
    assert.match(diagnostic.codeDescription!.href, /docs\/rules\/final-user-root\.md$/);
    assert.ok(existsSync(fileURLToPath(diagnostic.codeDescription!.href)), 'the doc link points at a shipped page');
  });

  it('gives every keystroke its own diagnostics and clears the finding once USER is typed', async () => {
    const uri = newUri();
    const text = 'FROM alpine:3.20\nCMD ["app"]\n';
    await editor.open(uri, text);
    assert.equal(only(await editor.diagnostics(uri, 1), 'final-user-root').length, 1);
    const versions = await editor.type(uri, text.indexOf('CMD'), 'USER app\n');
    for (const version of versions) await editor.diagnostics(uri, version);
    assert.equal(editor.text(uri), 'FROM alpine:3.20\nUSER app\nCMD ["app"]\n');
    assert.deepEqual(only(await editor.diagnostics(uri, versions[versions.length - 1]), 'final-user-root'), []);
    // Half-typed states were linted without a crash: "U", "US", … "USER " are unknown or incomplete instructions.
    assert.equal(editor.exitCode, null);
  });

  it('applies the preferred quick fix and the finding disappears', async () => {
    const uri = newUri();
    await editor.open(uri, 'FROM debian:12-slim\nCOPY app /app\nENTRYPOINT ["/app"]\n');
    const [diagnostic] = only(await editor.diagnostics(uri, 1), 'final-user-root');
    const actions = await editor.codeActions(uri, diagnostic.range, [diagnostic]);
    const ours = actions.filter((a) => a.diagnostics?.[0]?.code === 'final-user-root');
    assert.deepEqual(
      ours.map((a) => [a.title, a.isPreferred, a.kind]),
      [
        ['Add a non-root user and switch to it', true, 'quickfix'],
        ['Ignore final-user-root for this line', false, 'quickfix'],
        ['Ignore final-user-root in this file', false, 'quickfix'],
      ],
    );
    const { versions } = await editor.apply(ours[0].edit!);
    assert.equal(
      editor.text(uri),
      'FROM debian:12-slim\nCOPY app /app\nRUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n',
    );
    assert.deepEqual(only(await editor.diagnostics(uri, versions.get(uri)!), 'final-user-root'), []);
  });

  it('"ignore for this line" and "in this file" insert pragmas that silence the rule', async () => {
    for (const [index, expected] of [
      [1, '# shipshape ignore=final-user-root\nFROM scratch\nCOPY app /app\nCMD ["/app"]\n'],
      [2, '# shipshape global ignore=final-user-root\nFROM scratch\nCOPY app /app\nCMD ["/app"]\n'],
    ] as const) {
      const uri = newUri();
      await editor.open(uri, 'FROM scratch\nCOPY app /app\nCMD ["/app"]\n');
      const [diagnostic] = only(await editor.diagnostics(uri, 1), 'final-user-root');
      const actions = (await editor.codeActions(uri, diagnostic.range, [diagnostic])).filter((a) => a.diagnostics?.[0]?.code === 'final-user-root');
      const { versions } = await editor.apply(actions[index].edit!);
      assert.equal(editor.text(uri), expected);
      assert.deepEqual(only(await editor.diagnostics(uri, versions.get(uri)!), 'final-user-root'), []);
    }
  });

  it('honours hadolint pragmas by alias', async () => {
    const uri = newUri();
    await editor.open(uri, 'FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n');
    assert.deepEqual(only(await editor.diagnostics(uri, 1), 'final-user-root'), []);
  });

  it('re-lints open documents when settings change (severity by alias, rule off)', async () => {
    const uri = newUri();
    await editor.open(uri, 'FROM alpine:3.20\n');
    assert.equal(only(await editor.diagnostics(uri, 1), 'final-user-root')[0].severity, 2);
    const count = () => editor.published.filter((p) => p.uri === uri).length;
    const waitForRepublish = async (before: number) => {
      for (let i = 0; i < 200 && count() === before; i++) await new Promise((r) => setTimeout(r, 20));
      return editor.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
    };
    editor.configuration = { rules: { DL3002: 'error' } };
    let before = count();
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.equal(only(await waitForRepublish(before), 'final-user-root')[0].severity, 1);
    editor.configuration = { rules: { 'final-user-root': 'off' } };
    before = count();
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(only(await waitForRepublish(before), 'final-user-root'), []);
    editor.configuration = { rules: { 'final-user-root': 42 } };
    before = count();
    await editor.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.equal(only(await waitForRepublish(before), 'final-user-root').length, 1, 'a wrong-typed setting falls back to the default');
    editor.configuration = {};
  });

  it('never publishes an older version after a newer one when edits outrun linting', async () => {
    const uri = newUri();
    await editor.open(uri, 'FROM alpine:3.20\nRUN echo\n');
    await editor.diagnostics(uri, 1);
    let last = 1;
    for (let i = 0; i < 50; i++) {
      const at = editor.documents.get(uri)!.positionAt(editor.text(uri).length - 1);
      last = await editor.change(uri, [{ range: { start: at, end: at }, text: ' x' }]);
    }
    await editor.diagnostics(uri, last);
    const versions = editor.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions arrive in order');
    assert.ok(versions.length < 52, `coalesced: ${versions.length} publications for 51 versions`);
  });

  it('survives junk: binary bytes, a 1 MB line, unbalanced JSON and heredocs', async () => {
    const junk = [
      '\u0000\u0001\u0002FROM\u0000 alpine\n\u00ff\ufffd',
      'FROM alpine\nRUN ' + 'x'.repeat(1_000_000) + '\n',
      'FROM alpine\nCMD ["a", "b\nENTRYPOINT [\nRUN <<EOF\nnever closed\n',
      '# escape=`\nFROM alpine `\n`\n',
    ];
    for (const text of junk) {
      const uri = newUri();
      await editor.open(uri, text);
      const diagnostics = await editor.diagnostics(uri, 1);
      const lines = text.split('\n').length;
      for (const d of diagnostics) assert.ok(d.range.end.line < lines, 'ranges lie inside the document');
    }
    assert.equal(editor.exitCode, null);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = newUri();
    await editor.open(uri, 'FROM alpine:3.20\n');
    await editor.diagnostics(uri, 1);
    await editor.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    for (let i = 0; i < 100; i++) {
      const last = editor.published.filter((p) => p.uri === uri).at(-1)!;
      if (last.diagnostics.length === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.fail('no empty diagnostics after close');
  });
});
