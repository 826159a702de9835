/**
 * Quick fixes through the editor's own route: the code actions VS Code collects
 * (`vscode.executeCodeActionProvider`), applied with `workspace.applyEdit`, give the expected text
 * and the finding goes away.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules, fixText, lintText } from '../../../server/src/linter';
import type { FileKind, Finding, Fix } from '../../../server/src/engine/types';
import { applyAction, applyQuickFix, closeAllEditors, codeActions, lines, openFile, quickFixesFor, ruleOf, settledDiagnostics, workspaceUri } from './helpers';

const ADD_USER = 'Add a non-root user and switch to it';

describe('quick fixes', () => {
  afterEach(closeAllEditors);

  it('adds a system user before CMD (useradd on Debian-based images)', async () => {
    const document = await applyQuickFix('fixes/debian/Dockerfile', lines('FROM node:22-slim', 'COPY . /app', 'CMD ["node", "/app/server.js"]'), 'final-user-root', ADD_USER);
    assert.equal(
      document.getText(),
      lines('FROM node:22-slim', 'COPY . /app', 'RUN groupadd --system --gid 10001 app && useradd --system --no-log-init --uid 10001 --gid app --no-create-home app', 'USER 10001:10001', 'CMD ["node", "/app/server.js"]'),
    );
    await settledDiagnostics(document.uri, 'final-user-root to go away', (ds) => !ds.some((d) => ruleOf(d) === 'final-user-root'));
  });

  it('adds a BusyBox user at the end on Alpine, keeping CRLF line endings', async () => {
    const document = await applyQuickFix('fixes/alpine/Dockerfile', 'FROM alpine:3.20\r\nRUN echo hi', 'final-user-root', ADD_USER);
    assert.equal(document.getText(), 'FROM alpine:3.20\r\nRUN echo hi\r\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\r\nUSER 10001:10001');
    await settledDiagnostics(document.uri, 'final-user-root to go away', (ds) => !ds.some((d) => ruleOf(d) === 'final-user-root'));
  });

  it('switches a scratch image to a numeric user', async () => {
    const document = await applyQuickFix('fixes/scratch/Dockerfile', lines('FROM scratch', 'COPY app /app', 'ENTRYPOINT ["/app"]'), 'final-user-root', ADD_USER);
    assert.equal(document.getText(), lines('FROM scratch', 'COPY app /app', 'USER 65532:65532', 'ENTRYPOINT ["/app"]'));
    await settledDiagnostics(document.uri, 'final-user-root to go away', (ds) => !ds.some((d) => ruleOf(d) === 'final-user-root'));
  });

  it('replaces USER root with a non-root uid', async () => {
    const document = await applyQuickFix('fixes/user-root/Dockerfile', lines('FROM node:22-slim', 'USER root', 'CMD ["node"]'), 'final-user-root', 'Run as a non-root user (USER 10001)');
    assert.equal(document.getText(), lines('FROM node:22-slim', 'USER 10001', 'CMD ["node"]'));
    await settledDiagnostics(document.uri, 'final-user-root to go away', (ds) => !ds.some((d) => ruleOf(d) === 'final-user-root'));
  });

  it('marks the fix --fix applies as preferred, and offers fixes only where the cursor is', async () => {
    const document = await openFile('fixes/preferred/Dockerfile', lines('FROM node:22-slim', 'COPY . /app', 'CMD ["node", "/app/server.js"]'));
    const [finding] = await settledDiagnostics(document.uri, 'final-user-root', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root')).then((ds) => ds.filter((d) => ruleOf(d) === 'final-user-root'));
    const fixes = await quickFixesFor(document.uri, finding);
    assert.equal(fixes.get(ADD_USER)?.isPreferred, true);
    assert.equal(fixes.get(ADD_USER)?.kind?.value, vscode.CodeActionKind.QuickFix.value);
    const elsewhere = await codeActions(document.uri, new vscode.Range(1, 0, 1, 0), vscode.CodeActionKind.QuickFix);
    assert.ok(!elsewhere.some((a) => a.title === ADD_USER || a.title.includes('final-user-root')), 'no final-user-root fix on line 2');
  });

  it('"Fix all" (source.fixAll.shipshape) gives the same text as `shipshape check --fix`', async () => {
    const text = lines('FROM node:22-slim', 'WORKDIR /app', 'COPY . .', 'RUN apt-get update && apt-get install curl', 'CMD ["node", "server.js"]');
    const document = await openFile('fixes/fix-all/Dockerfile', text);
    await settledDiagnostics(document.uri, 'final-user-root', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root'));
    const [fixAll] = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.append('shipshape'));
    assert.ok(fixAll, 'a Fix all action is offered');
    await applyAction(fixAll);
    const expected = fixText(text, 'dockerfile', { path: document.uri.fsPath, files: filesAround(document.uri.fsPath) }).text;
    assert.notEqual(expected, text);
    assert.equal(document.getText(), expected);
    await settledDiagnostics(document.uri, 'final-user-root to go away', (ds) => !ds.some((d) => ruleOf(d) === 'final-user-root'));
  });

  describe("each fixable rule's documented example, fixed in the editor", () => {
    // One test for each fixable rule whose documented bad example, saved alone in a folder, gets a
    // fixable finding from the engine (rules that need other files to speak are covered by their tables).
    const FILE_NAMES: Record<FileKind, string> = { dockerfile: 'Dockerfile', compose: 'compose.yaml', dockerignore: '.dockerignore' };
    const cases = allRules
      .filter((rule) => rule.fixable)
      .flatMap((rule) => rule.kinds.map((kind) => ({ rule, kind: kind as FileKind, relativePath: `fixes/rules/${rule.id}/${FILE_NAMES[kind as FileKind]}` })));
    const engine = (rule: string, kind: FileKind, path: string, text: string) =>
      lintText(text, kind as Parameters<typeof lintText>[1], { path, files: filesAround(path) }).findings.filter((f) => f.rule === rule);
    const covered = cases.filter(({ rule, kind, relativePath }) => engine(rule.id, kind, workspaceUri(relativePath).fsPath, rule.docs.bad).some((f) => f.fixes.length > 0));
    console.log(`quick fixes: ${covered.length} of ${cases.length} fixable rules' examples are fixed in the editor; the others need more than their own file: ${cases.filter((c) => !covered.includes(c)).map((c) => c.rule.id).join(', ') || 'none'}`);

    for (const { rule, kind, relativePath } of covered) {
      it(`${rule.id} (${kind})`, async () => {
        const text = rule.docs.bad;
        const document = await openFile(relativePath, text, false);
        const findings = () => engine(rule.id, kind, document.uri.fsPath, document.getText());
        const finding = findings().find((f) => f.fixes.length > 0);
        assert.ok(finding, `${rule.id}: no fixable finding in its example`);
        const fix: Fix = finding.fixes.find((f) => f.isPreferred) ?? finding.fixes[0];

        const shown = await settledDiagnostics(document.uri, `${rule.id} at ${at(finding)}`, (ds) => ds.some((d) => ruleOf(d) === rule.id && sameRange(d.range, finding)));
        const diagnostic = shown.find((d) => ruleOf(d) === rule.id && sameRange(d.range, finding))!;
        const offered = await quickFixesFor(document.uri, diagnostic);
        const action = offered.get(fix.title);
        assert.ok(action, `quick fix "${fix.title}" is offered; offered: ${JSON.stringify([...offered.keys()])}`);
        await applyAction(action);
        assert.equal(document.getText(), TextDocument.applyEdits(TextDocument.create('x', kind, 0, text), fix.edits));
        for (const created of fix.createFiles ?? []) {
          const uri = vscode.Uri.joinPath(document.uri, '..', created.path);
          assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), created.text, `${created.path} is created`);
        }
        for (const external of fix.externalEdits ?? []) {
          const uri = vscode.Uri.joinPath(document.uri, '..', external.path);
          const before = readFileSync(uri.fsPath, 'utf8');
          assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), TextDocument.applyEdits(TextDocument.create('x', 'x', 0, before), external.edits));
        }
        if (fix.createFiles?.length || fix.externalEdits?.length) await vscode.workspace.saveAll(false); // the rule reads them from disk
        const remaining = findings();
        assert.ok(!remaining.some((f) => sameStart(f, finding) && f.message === finding.message), `the engine no longer reports ${rule.id} at ${at(finding)} after the fix`);
        await settledDiagnostics(document.uri, `${rule.id} at ${at(finding)} to go away`, (ds) => {
          const mine = ds.filter((d) => ruleOf(d) === rule.id);
          return mine.length === remaining.length && !mine.some((d) => d.message.startsWith(finding.message) && d.range.start.isEqual(pos(finding)));
        });
      });
    }
  });
});

function filesAround(path: string) {
  const base = dirname(path);
  return {
    readFile(p: string): string | undefined {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === resolve(base, p));
      if (open) return open.getText();
      try {
        return readFileSync(resolve(base, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

const pos = (f: Finding) => new vscode.Position(f.range.start.line, f.range.start.character);
const at = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1}`;
const sameStart = (a: Finding, b: Finding) => a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
const sameRange = (r: vscode.Range, f: Finding) => r.isEqual(new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character));
