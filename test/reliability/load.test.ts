/**
 * Load on the real server over stdio: 200 documents open at once, edits arriving faster than
 * linting finishes, code action requests cancelled while they wait, documents closed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc';
import type { CancellationTokenSource as Source } from 'vscode-jsonrpc';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { loadCorpus } from '../fuzz/corpus';
import { TestEditor } from '../lsp/lsp-client';

const rssMiB = (pid: number, field = 'VmRSS') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

describe('the server under load', () => {
  let editor: TestEditor;
  before(async () => {
    editor = new TestEditor();
    await editor.initialize();
  });
  after(async () => {
    await editor.close();
  });

  it('200 open documents with edits faster than linting: newest versions published, none out of order, memory bounded, closing frees', async () => {
    const corpus = loadCorpus().filter((f) => f.kind === 'dockerfile');
    const uris: string[] = [];
    for (let i = 0; i < 200; i++) {
      const uri = `file:///tmp/shipshape-load-${process.pid}/${i}/Dockerfile`;
      uris.push(uri);
      await editor.open(uri, corpus[i % corpus.length].text);
    }
    // Ten rounds: every document gets an edit, without waiting for any answer.
    const last = new Map<string, number>();
    for (let round = 0; round < 6; round++) {
      for (const uri of uris) {
        const at = { line: 0, character: 0 };
        last.set(uri, await editor.change(uri, [{ range: { start: at, end: at }, text: round % 2 === 0 ? '# x\n' : '' }]));
      }
    }
    for (const uri of uris) await editor.diagnostics(uri, last.get(uri)!, 60_000);
    for (const uri of uris) {
      const versions = editor.published.filter((p) => p.uri === uri).map((p) => p.version ?? -1);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `${uri}: version ${versions[i]} after ${versions[i - 1]}`);
    }
    const dropped = uris.reduce((sum, uri) => sum + (7 - new Set(editor.published.filter((p) => p.uri === uri).map((p) => p.version)).size), 0);
    console.log(`# ${200 * 7} versions sent, ${dropped} outdated ones never linted; peak RSS ${rssMiB(editor.pid, 'VmHWM').toFixed(0)} MiB`);
    assert.ok(rssMiB(editor.pid, 'VmHWM') < 400, `peak RSS ${rssMiB(editor.pid, 'VmHWM').toFixed(0)} MiB`);

    for (const uri of uris) {
      await editor.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      editor.documents.delete(uri);
    }
    // Closing clears each document's diagnostics (a publication without a version and without diagnostics).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && uris.some((uri) => !editor.published.some((p) => p.uri === uri && p.version === undefined && p.diagnostics.length === 0))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const uri of uris) assert.ok(editor.published.some((p) => p.uri === uri && p.version === undefined && p.diagnostics.length === 0), `${uri} not cleared`);
  });

  it('honours the cancellation of a code action request that waits behind linting', async () => {
    const uri = `file:///tmp/shipshape-load-${process.pid}/cancel/Dockerfile`;
    const big = 'FROM debian:12\n' + 'RUN apt-get update && apt-get install -y curl wget\n'.repeat(4_000);
    await editor.open(uri, big);
    await editor.diagnostics(uri, 1, 60_000);
    // An edit that forces a re-lint, then a request cancelled at once: it is queued behind the lint.
    const at = { line: 1, character: 0 };
    await editor.change(uri, [{ range: { start: at, end: at }, text: 'RUN echo\n' }]);
    const source: Source = new CancellationTokenSource();
    const request = editor.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['source.fixAll.shipshape'] } }, source.token);
    source.cancel();
    await assert.rejects(request, (error: unknown) => error instanceof ResponseError && error.code === -32800);
    // The server still answers.
    const actions = await editor.codeActions(uri, { start: at, end: at });
    assert.ok(Array.isArray(actions));
    assert.equal(editor.exitCode, null);
  });
});
