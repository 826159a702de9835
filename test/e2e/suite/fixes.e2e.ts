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
import type { FileAccess, FileKind, Finding, Fix } from '../../../server/src/engine/types';
import { applyAction, applyQuickFix, closeAllEditors, codeActions, lines, openFile, quickFixesFor, ruleOf, settledDiagnostics, workspaceUri } from './helpers';

const ADD_USER = 'Add a non-root user and switch to it';

/** A documented example as files: the text of the file the rule checks, and the files beside it. */
interface ExampleFiles {
  text: string;
  neighbours: Record<string, string>;
}

/** The file names an example of several files gives its parts, each on a comment line of its own. */
const EXAMPLE_PART = /^# (\.dockerignore|Dockerfile|compose\.yaml|package\.json|package-lock\.json)$/;

/**
 * Splits a documented example into its files when it shows several (`# .dockerignore` … `# Dockerfile` …);
 * an example of one file is that file, whatever its comments.
 */
function exampleFiles(example: string, fileName: string): ExampleFiles {
  const parts = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of example.split('\n')) {
    const name = EXAMPLE_PART.exec(line)?.[1];
    if (name) parts.set(name, (current = []));
    else current?.push(line);
  }
  if (parts.size < 2 || !parts.has(fileName)) return { text: example, neighbours: {} };
  const text = (name: string) => `${parts.get(name)!.join('\n').replace(/\n+$/, '')}\n`;
  return { text: text(fileName), neighbours: Object.fromEntries([...parts.keys()].filter((name) => name !== fileName).map((name) => [name, text(name)])) };
}

function neighbourFiles(files: Record<string, string>): FileAccess {
  return { readFile: (path: string) => (Object.hasOwn(files, path) ? files[path] : undefined) };
}

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

  describe('fixes that are not the preferred one, with the exact text', () => {
    it('pip-outside-venv: "Use the venv\'s pip" calls the venv\'s pip', async () => {
      const text = lines('FROM python:3.12-slim', 'RUN python -m venv /opt/venv', 'RUN pip install flask');
      const document = await applyQuickFix('fixes/alternatives/pip-venv-pip/Dockerfile', text, 'pip-outside-venv', "Use the venv's pip (/opt/venv/bin/pip)");
      assert.equal(document.getText(), lines('FROM python:3.12-slim', 'RUN python -m venv /opt/venv', 'RUN /opt/venv/bin/pip install flask'));
      await settledDiagnostics(document.uri, 'pip-outside-venv to go away', (ds) => !ds.some((d) => ruleOf(d) === 'pip-outside-venv'));
    });

    it('pip-outside-venv: "Put the venv first on PATH" adds an ENV before the RUN', async () => {
      const text = lines('FROM python:3.12-slim', 'RUN python -m venv /opt/venv', 'RUN pip install flask');
      const document = await applyQuickFix('fixes/alternatives/pip-venv-path/Dockerfile', text, 'pip-outside-venv', 'Put the venv first on PATH (ENV PATH="/opt/venv/bin:$PATH")');
      assert.equal(document.getText(), lines('FROM python:3.12-slim', 'RUN python -m venv /opt/venv', 'ENV PATH="/opt/venv/bin:$PATH"', 'RUN pip install flask'));
      await settledDiagnostics(document.uri, 'pip-outside-venv to go away', (ds) => !ds.some((d) => ruleOf(d) === 'pip-outside-venv'));
    });

    it('undefined-arg-in-from: "Use VARIANT" corrects a misspelt ARG', async () => {
      const document = await applyQuickFix('fixes/alternatives/arg-typo/Dockerfile', lines('ARG VARIANT=-alpine3.20', 'FROM node:22${VARAINT} AS build'), 'undefined-arg-in-from', 'Use VARIANT');
      assert.equal(document.getText(), lines('ARG VARIANT=-alpine3.20', 'FROM node:22${VARIANT} AS build'));
      await settledDiagnostics(document.uri, 'undefined-arg-in-from to go away', (ds) => !ds.some((d) => ruleOf(d) === 'undefined-arg-in-from'));
    });

    it('workdir-relative: "Use /app" when no earlier WORKDIR gives a base', async () => {
      const document = await applyQuickFix('fixes/alternatives/workdir/Dockerfile', lines('FROM node:22-slim', 'WORKDIR app'), 'workdir-relative', 'Use /app');
      assert.equal(document.getText(), lines('FROM node:22-slim', 'WORKDIR /app'));
      await settledDiagnostics(document.uri, 'workdir-relative to go away', (ds) => !ds.some((d) => ruleOf(d) === 'workdir-relative'));
    });

    it('compose-sensitive-host-path: "Mount it read-only" appends :ro', async () => {
      const text = 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc:/host/etc\n';
      const document = await applyQuickFix('fixes/alternatives/host-path/compose.yaml', text, 'compose-sensitive-host-path', 'Mount it read-only');
      assert.equal(document.getText(), 'services:\n  agent:\n    image: example/agent:2.0\n    volumes:\n      - /etc:/host/etc:ro\n');
    });

    it('copy-ignored-file: "Re-include README.md in .dockerignore" edits the .dockerignore beside the Dockerfile', async () => {
      await vscode.workspace.fs.writeFile(workspaceUri('fixes/alternatives/copy-ignored/.dockerignore'), Buffer.from('src/generated\n*.md\n', 'utf8'));
      const document = await applyQuickFix('fixes/alternatives/copy-ignored/Dockerfile', lines('FROM node:22-slim', 'COPY README.md /app/'), 'copy-ignored-file', 'Re-include README.md in .dockerignore');
      assert.equal(document.getText(), lines('FROM node:22-slim', 'COPY README.md /app/'), 'the Dockerfile stays as it is');
      const ignore = await vscode.workspace.openTextDocument(workspaceUri('fixes/alternatives/copy-ignored/.dockerignore'));
      assert.equal(ignore.getText(), 'src/generated\n*.md\n!README.md\n');
      await ignore.save();
      await settledDiagnostics(document.uri, 'copy-ignored-file to go away', (ds) => !ds.some((d) => ruleOf(d) === 'copy-ignored-file'));
    });
  });

  describe("each fixable rule's documented example, fixed in the editor", () => {
    // One test for each fix of each fixable rule and file kind, on the rule's documented bad example
    // (with the files beside it that the example names), so the documentation shows what the editor does.
    const FILE_NAMES: Record<FileKind, string> = { dockerfile: 'Dockerfile', compose: 'compose.yaml', dockerignore: '.dockerignore' };
    const fixable = allRules.filter((rule) => rule.fixable).flatMap((rule) => rule.kinds.map((kind) => ({ rule, kind: kind as FileKind })));
    const engine = (rule: string, kind: FileKind, path: string, text: string, files: FileAccess) =>
      lintText(text, kind as Parameters<typeof lintText>[1], { path, files }).findings.filter((f) => f.rule === rule);
    const cases = fixable.flatMap(({ rule, kind }) => {
      const example = exampleFiles(rule.docs.bad, FILE_NAMES[kind]);
      const finding = engine(rule.id, kind, '/example/' + FILE_NAMES[kind], example.text, neighbourFiles(example.neighbours)).find((f) => f.fixes.length > 0);
      return (finding?.fixes ?? []).map((fix, index) => ({ rule, kind, example, fixIndex: index, fixTitle: fix.title, folder: `fixes/rules/${rule.id}/${kind}${index > 0 ? `-fix-${index + 1}` : ''}` }));
    });
    const uncovered = fixable.filter(({ rule, kind }) => !cases.some((c) => c.rule === rule && c.kind === kind)).map(({ rule, kind }) => `${rule.id} (${kind})`);

    it('has a case for every fixable rule and file kind: its documented example gets a fixable finding', () => {
      assert.deepEqual(uncovered, [], 'fixable rules whose documented bad example (with the files it names) gives no fixable finding');
      assert.ok(fixable.length > 0 && cases.length >= fixable.length, `${cases.length} cases for ${fixable.length} fixable rule/kind pairs`);
    });

    for (const { rule, kind, example, fixIndex, fixTitle, folder } of cases) {
      it(`${rule.id} (${kind}): "${fixTitle}"`, async () => {
        for (const [name, text] of Object.entries(example.neighbours)) await vscode.workspace.fs.writeFile(workspaceUri(`${folder}/${name}`), Buffer.from(text, 'utf8'));
        const text = example.text;
        const document = await openFile(`${folder}/${FILE_NAMES[kind]}`, text, false);
        const findings = () => engine(rule.id, kind, document.uri.fsPath, document.getText(), filesAround(document.uri.fsPath));
        const finding = findings().find((f) => f.fixes.length > 0);
        assert.ok(finding, `${rule.id}: no fixable finding in its example`);
        const fix: Fix | undefined = finding.fixes[fixIndex];
        assert.equal(fix?.title, fixTitle, `fix ${fixIndex + 1} of ${rule.id}`);

        const shown = await settledDiagnostics(document.uri, `${rule.id} at ${at(finding)}`, (ds) => ds.some((d) => ruleOf(d) === rule.id && sameRange(d.range, finding)));
        const diagnostic = shown.find((d) => ruleOf(d) === rule.id && sameRange(d.range, finding))!;
        const offered = await quickFixesFor(document.uri, diagnostic);
        const action = offered.get(fix.title);
        assert.ok(action, `quick fix "${fix.title}" is offered; offered: ${JSON.stringify([...offered.keys()])}`);
        assert.equal(action.isPreferred ?? false, fix.isPreferred === true, `"${fix.title}" is preferred as the engine says`);
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
