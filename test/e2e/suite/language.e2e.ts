/**
 * The editor features around the findings, through the providers VS Code itself calls:
 * completion, hover (instruction docs and the hover of a finding), the outline, go to definition,
 * Fix all as a command and on save, and the rule documentation command.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as vscode from 'vscode';
import { fixText } from '../../../server/src/linter';
import { closeAllEditors, EXTENSION_ID, lines, openFile, ruleOf, settledDiagnostics, waitFor } from './helpers';

const FIX_ALL_ON_SAVE = { 'source.fixAll.shipshape': 'explicit' };
const MULTI_STAGE = lines('FROM node:22 AS build', 'RUN npm ci', 'FROM node:22-slim AS runtime', 'COPY --from=build /app /app', 'CMD ["node", "/app/server.js"]');

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The labels VS Code's completion request collects at a position (every provider, as Ctrl+Space does). */
async function completionLabels(uri: vscode.Uri, position: vscode.Position, what: string, accept: (labels: string[]) => boolean): Promise<string[]> {
  let last: string[] = [];
  // The language server registers its providers after it starts: ask until the answer has what the test needs.
  return waitFor(
    `${what} (last labels: ${JSON.stringify(last.slice(0, 40))})`,
    async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      last = (list?.items ?? []).map(labelOf);
      return accept(last) && last;
    },
    20_000,
  );
}

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('\n---\n');
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position, what: string, accept: (text: string) => boolean): Promise<string> {
  let last = '';
  return waitFor(`${what} (hover now: ${JSON.stringify(last)})`, async () => {
    last = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
    return accept(last) && last;
  });
}

/** What `shipshape check --fix` makes of a Dockerfile's text (with its folder's files, as the editor sees them). */
function fixedText(uri: vscode.Uri, text: string): string {
  const base = dirname(uri.fsPath);
  const files = {
    readFile(p: string): string | undefined {
      try {
        return readFileSync(resolve(base, p), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
  return fixText(text, 'dockerfile', { path: uri.fsPath, files }).text;
}

describe('language features', () => {
  afterEach(closeAllEditors);

  it('completes instructions on an empty line of a Dockerfile', async () => {
    const document = await openFile('language/complete-instruction/Dockerfile', lines('FROM node:22-slim', ''));
    const labels = await completionLabels(document.uri, new vscode.Position(1, 0), 'RUN and USER instruction items', (ls) => ls.some((l) => /^RUN\b/.test(l)) && ls.some((l) => /^USER\b/.test(l)));
    assert.ok(labels.includes('RUN command'), `"RUN command" is offered: ${JSON.stringify(labels)}`);
    assert.ok(labels.some((l) => l.startsWith('USER ')), `a USER item is offered: ${JSON.stringify(labels)}`);
  });

  it('completes the stage names of the file after COPY --from=', async () => {
    const document = await openFile('language/complete-stage/Dockerfile', lines('FROM node:22 AS build', 'RUN npm ci', 'FROM node:22 AS test', 'RUN npm test', 'FROM node:22-slim', 'COPY --from='));
    const labels = await completionLabels(document.uri, new vscode.Position(5, 'COPY --from='.length), 'the stage names', (ls) => ls.includes('build'));
    assert.ok(labels.includes('build') && labels.includes('test'), `both stages are offered: ${JSON.stringify(labels)}`);
  });

  it('completes compose keys from the Compose schema: "read" in a service offers read_only', async () => {
    const document = await openFile('language/complete-compose/compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    read\n');
    assert.equal(document.languageId, 'dockercompose');
    await completionLabels(document.uri, new vscode.Position(3, 8), 'read_only', (ls) => ls.includes('read_only'));
  });

  it('shows the instruction docs on hover over FROM', async () => {
    const document = await openFile('language/hover-from/Dockerfile', lines('FROM node:22-slim', 'USER node'));
    await hoverAt(document.uri, new vscode.Position(0, 1), 'the FROM docs', (text) => /Set the `baseImage`/.test(text));
  });

  it('shows a finding on hover, with its aliases and a link to its rule page', async () => {
    const document = await openFile('language/hover-finding/Dockerfile', lines('FROM node:22-slim', 'CMD ["node", "server.js"]'));
    const [finding] = (await settledDiagnostics(document.uri, 'final-user-root', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root'))).filter((d) => ruleOf(d) === 'final-user-root');
    const text = await hoverAt(document.uri, finding.range.start.translate(0, 1), 'the finding hover', (t) => t.includes('Shipshape `final-user-root`'));
    assert.match(text, /\*\*Shipshape `final-user-root`\*\* \(warning · DL3002/);
    const link = /\[Rule documentation\]\((command:shipshape\.openRuleDoc\?[^)]+)\)/.exec(text);
    assert.ok(link, `the hover links to the rule page through shipshape.openRuleDoc: ${text}`);
    const uri = vscode.Uri.parse(link[1]);
    assert.deepEqual(JSON.parse(decodeURIComponent(uri.query)), ['final-user-root'], 'the link names the rule');
  });

  it('"Shipshape: Open Rule Documentation" opens the rule\'s page in a preview', async () => {
    const opened = await vscode.commands.executeCommand<vscode.Uri>('shipshape.openRuleDoc', 'final-user-root');
    assert.ok(opened, 'the command returns the page it opened');
    assert.match(opened.path, /\/docs\/rules\/final-user-root\.md$/);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(opened.toString().startsWith(extension.extensionUri.toString()), 'the page ships with the extension');
    const tab = await waitFor('a preview tab of final-user-root.md', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes('final-user-root')));
    assert.ok(tab.input instanceof vscode.TabInputWebview || tab.input instanceof vscode.TabInputText, `the page is shown (tab "${tab.label}")`);
  });

  it('outlines the stages with their instructions', async () => {
    const document = await openFile('language/symbols/Dockerfile', MULTI_STAGE);
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 && found;
    });
    const outline = symbols.map((s) => ({ name: s.name, line: s.range.start.line, children: (s.children ?? []).map((c) => c.name) }));
    assert.equal(outline.length, 2, `two stages: ${JSON.stringify(outline)}`);
    assert.match(outline[0].name, /build/, JSON.stringify(outline));
    assert.match(outline[1].name, /runtime/, JSON.stringify(outline));
    assert.deepEqual([outline[0].line, outline[1].line], [0, 2]);
    assert.ok(outline[0].children.some((c) => /^RUN\b/.test(c)), `the build stage lists its RUN: ${JSON.stringify(outline)}`);
    assert.ok(outline[1].children.some((c) => /^COPY\b/.test(c)) && outline[1].children.some((c) => /^CMD\b/.test(c)), `the runtime stage lists COPY and CMD: ${JSON.stringify(outline)}`);
  });

  it('goes to the definition of a stage named in COPY --from=', async () => {
    const document = await openFile('language/definition/Dockerfile', MULTI_STAGE);
    const at = new vscode.Position(3, 'COPY --from=bu'.length);
    const targets = await waitFor('a definition', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, at);
      return found && found.length > 0 && found;
    });
    const ranges = targets.map((t) => ('targetUri' in t ? { uri: t.targetUri, range: t.targetSelectionRange ?? t.targetRange } : t));
    assert.equal(ranges.length, 1);
    assert.equal(ranges[0].uri.toString(), document.uri.toString());
    assert.equal(ranges[0].range.start.line, 0, 'the FROM … AS build line');
    assert.equal(document.getText(ranges[0].range), 'build');
  });

  it('"Shipshape: Fix All Hardening Issues" applies every preferred fix of the active file', async () => {
    const text = lines('FROM node:22-slim', 'WORKDIR /app', 'COPY . .', 'RUN apt-get update && apt-get install curl', 'CMD ["node", "server.js"]');
    const document = await openFile('language/fix-all-command/Dockerfile', text);
    await settledDiagnostics(document.uri, 'final-user-root', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root'));
    const expected = fixedText(document.uri, text);
    assert.notEqual(expected, text);
    await vscode.commands.executeCommand('shipshape.fixAll');
    await waitFor(`the fixed text (now: ${JSON.stringify(document.getText())})`, () => document.getText() === expected);
    await settledDiagnostics(document.uri, 'final-user-root to go away', (ds) => !ds.some((d) => ruleOf(d) === 'final-user-root'));
  });

  describe('fix all on save', () => {
    const editorConfig = () => vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });

    afterEach(async () => {
      await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    });

    it('with "source.fixAll.shipshape" in editor.codeActionsOnSave, saving writes the fixed Dockerfile', async () => {
      await editorConfig().update('codeActionsOnSave', FIX_ALL_ON_SAVE, vscode.ConfigurationTarget.Workspace, true);
      const document = await openFile('language/fix-on-save/Dockerfile', lines('FROM node:22-slim', 'WORKDIR /app', 'COPY . .', 'CMD ["node", "server.js"]'));
      assert.equal(document.languageId, 'dockerfile');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor && editor.document === document);
      // The user types an install line, then saves.
      await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'RUN apt-get update && apt-get install curl\n'));
      const edited = document.getText();
      const expected = fixedText(document.uri, edited);
      assert.notEqual(expected, edited, 'the edited text has fixable findings');
      await settledDiagnostics(document.uri, 'the findings of the edit', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save', () => !document.isDirty);
      assert.equal(readFileSync(document.uri.fsPath, 'utf8'), expected, 'the file on disk has the fixes');
      assert.match(expected, /^USER /m);
      assert.equal(document.getText(), expected);
    });

    it('"Shipshape: Fix Hardening Issues on Save" turns it on, and document.save() applies it', async () => {
      await vscode.commands.executeCommand('shipshape.enableFixAllOnSave');
      const setting = vscode.workspace.getConfiguration('editor').inspect<Record<string, string>>('codeActionsOnSave')?.globalValue;
      assert.equal(setting?.['source.fixAll.shipshape'], 'explicit', `editor.codeActionsOnSave: ${JSON.stringify(setting)}`);
      const document = await openFile('language/fix-on-save-command/Dockerfile', lines('FROM node:22-slim', 'COPY . /app'));
      const editor = vscode.window.activeTextEditor!;
      await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), 'CMD ["node", "/app/server.js"]\n'));
      const expected = fixedText(document.uri, document.getText());
      assert.notEqual(expected, document.getText());
      assert.equal(await document.save(), true);
      assert.equal(readFileSync(document.uri.fsPath, 'utf8'), expected, 'the file on disk has the fixes');
    });
  });
});
