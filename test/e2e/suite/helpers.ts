/// <reference types="mocha" />
/** What the extension-host tests share: files in the test workspace, diagnostics, code actions, settings. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'shipshape.shipshape';

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...relativePath.split('/'));
}

/** Polls `probe` until it returns something truthy; fails with `what` and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function shipshapeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipshape');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function rulesIn(uri: vscode.Uri): string[] {
  return shipshapeDiagnostics(uri).map(ruleOf).sort();
}

/**
 * Waits until the document's Shipshape diagnostics satisfy `accept`, and still do a moment later
 * (so a stale publish from before an edit cannot pass for the new one).
 */
export async function settledDiagnostics(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const describe = () => JSON.stringify(shipshapeDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`));
  for (;;) {
    await waitFor(`${what} (diagnostics now: ${describe()})`, () => accept(shipshapeDiagnostics(uri)), timeoutMs);
    await sleep(150);
    const diagnostics = shipshapeDiagnostics(uri);
    if (accept(diagnostics)) return diagnostics;
  }
}

/** Writes a file into the test workspace and opens it (in an editor unless `show` is false). */
export async function openFile(relativePath: string, text?: string, show = true): Promise<vscode.TextDocument> {
  const uri = workspaceUri(relativePath);
  if (text !== undefined) await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  if (show) await vscode.window.showTextDocument(document);
  return document;
}

/** Discards unsaved edits in editors and closes them all. */
export async function closeAllEditors(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  if (tabs.length === 0) return;
  for (const tab of tabs) {
    if (!(tab.input instanceof vscode.TabInputText) || !tab.isDirty) continue;
    await vscode.window.showTextDocument(tab.input.uri);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The code actions VS Code collects for a range, as the light bulb / Ctrl+. menu would. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind?.value);
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
}

/**
 * The quick fixes offered at a diagnostic's range, by title, as the Ctrl+. menu lists them. (The
 * API command returns actions without their diagnostics, so titles tell them apart.)
 */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<Map<string, vscode.CodeAction>> {
  const actions = await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix);
  return new Map(actions.map((action) => [action.title, action]));
}

/** Applies a code action's edit as the editor does when the user picks it. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `code action "${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `VS Code refused the edit of "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Opens `text` as `relativePath`, waits for `rule`'s finding and applies its quick fix `title`. */
export async function applyQuickFix(relativePath: string, text: string, rule: string, title: string): Promise<vscode.TextDocument> {
  const document = await openFile(relativePath, text);
  const [diagnostic] = await settledDiagnostics(document.uri, `a ${rule} finding`, (ds) => ds.some((d) => ruleOf(d) === rule));
  const finding = shipshapeDiagnostics(document.uri).find((d) => ruleOf(d) === rule) ?? diagnostic;
  const fixes = await quickFixesFor(document.uri, finding);
  const fix = fixes.get(title);
  assert.ok(fix, `no quick fix "${title}" for ${rule}; offered: ${JSON.stringify([...fixes.keys()])}`);
  await applyAction(fix);
  return document;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const dot = key.indexOf('.');
  await vscode.workspace.getConfiguration(key.slice(0, dot)).update(key.slice(dot + 1), value, vscode.ConfigurationTarget.Global);
}

export function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('');
}

/** The labels of every completion item VS Code collects at a position (all providers, as Ctrl+Space). */
export async function completionLabelsAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The text of every hover VS Code collects at a position, the parts joined by `---` lines. */
export async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((part) => (typeof part === 'string' ? part : part.value))
    .join('\n---\n');
}
