import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { nodeFileAccess } from '../../server/src/cli/node-files';
import { lintText } from '../../server/src/linter';
import { siblingUri, toQuickFix, toDiagnostic, toWorkspaceEdit } from '../../server/src/lsp/convert';

describe('fixes that create or edit other files, as workspace edits', () => {
  it('createFiles become a CreateFile next to the document, then its text', () => {
    const edit = toWorkspaceEdit(
      { title: 't', edits: [], createFiles: [{ path: '.dockerignore', text: '.git\n' }] },
      'file:///work/my%20app/Dockerfile',
      3,
    );
    assert.deepEqual(edit.documentChanges, [
      { kind: 'create', uri: 'file:///work/my%20app/.dockerignore', options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri: 'file:///work/my%20app/.dockerignore', version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '.git\n' }] },
    ]);
  });

  it('edits of the document itself come after, with its version', () => {
    const edit = toWorkspaceEdit(
      {
        title: 't',
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }],
        createFiles: [{ path: 'app.Dockerfile.dockerignore', text: 'a\n' }],
      },
      'file:///p/app.Dockerfile',
      7,
    );
    const changes = edit.documentChanges!;
    assert.equal(changes.length, 3);
    assert.deepEqual(changes[2], { textDocument: { uri: 'file:///p/app.Dockerfile', version: 7 }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }] });
    assert.equal((changes[0] as { uri: string }).uri, 'file:///p/app.Dockerfile.dockerignore');
  });

  it('file names with URL-special characters are encoded', () => {
    assert.equal(siblingUri('file:///p/a%23b/Dockerfile', '.dockerignore'), 'file:///p/a%23b/.dockerignore');
    assert.equal(siblingUri('file:///p/Dockerfile', 'x#y.dockerignore'), 'file:///p/x%23y.dockerignore');
    assert.equal(siblingUri('vscode-vfs://github/o/r/Dockerfile', '.dockerignore'), 'vscode-vfs://github/o/r/.dockerignore');
  });

  it('a real lint: dockerignore-missing offers a quick fix creating the file beside the Dockerfile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-convert-'));
    const dockerfile = join(dir, 'Dockerfile');
    const text = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "index.js"]\n';
    writeFileSync(dockerfile, text);
    const result = lintText(text, 'dockerfile', { path: dockerfile, files: nodeFileAccess(dockerfile) });
    const finding = result.findings.find((f) => f.rule === 'dockerignore-missing');
    assert.ok(finding, 'dockerignore-missing reports');
    const uri = pathToFileURL(dockerfile).href;
    const action = toQuickFix(finding.fixes[0], finding, toDiagnostic(finding), uri, 1);
    assert.equal(action.title, 'Create a .dockerignore');
    assert.equal(action.isPreferred, true);
    const changes = action.edit!.documentChanges!;
    assert.deepEqual(changes[0], { kind: 'create', uri: pathToFileURL(join(dir, '.dockerignore')).href, options: { overwrite: false, ignoreIfExists: false } });
    assert.match((changes[1] as { edits: { newText: string }[] }).edits[0].newText, /^# Secrets and version control\n\.git\n/);
    assert.equal(changes.length, 2, 'no edit of the Dockerfile itself');
  });

  it('copy-ignored-file offers an edit of the .dockerignore that re-includes the source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-convert-'));
    const dockerfile = join(dir, 'Dockerfile');
    writeFileSync(join(dir, '.dockerignore'), '.git\n*.md');
    const text = 'FROM alpine\nCOPY README.md /app/\n';
    const result = lintText(text, 'dockerfile', { path: dockerfile, files: nodeFileAccess(dockerfile) });
    const finding = result.findings.find((f) => f.rule === 'copy-ignored-file')!;
    const edit = toWorkspaceEdit(finding.fixes[0], pathToFileURL(dockerfile).href, 1);
    assert.deepEqual(edit.documentChanges, [
      {
        textDocument: { uri: pathToFileURL(join(dir, '.dockerignore')).href, version: null },
        edits: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, newText: '\n!README.md\n' }],
      },
    ]);
  });
});
