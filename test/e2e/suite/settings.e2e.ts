/** Settings take effect in open editors at once, without a reload. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, lines, openFile, ruleOf, setSetting, settledDiagnostics } from './helpers';

const RULE = 'final-user-root';
const TEXT = lines('FROM node:22-slim', 'CMD ["node", "server.js", "--port", "$PORT"]');

function severityOf(ds: vscode.Diagnostic[], rule: string): vscode.DiagnosticSeverity | undefined {
  return ds.find((d) => ruleOf(d) === rule)?.severity;
}

describe('settings', () => {
  afterEach(async () => {
    await setSetting('shipshape.rules', undefined);
    await setSetting('shipshape.enable', undefined);
    await closeAllEditors();
  });

  it('shipshape.rules changes a rule\'s severity, by id or by alias', async () => {
    const document = await openFile('settings/severity/Dockerfile', TEXT);
    await settledDiagnostics(document.uri, `${RULE} as a warning`, (ds) => severityOf(ds, RULE) === vscode.DiagnosticSeverity.Warning);
    await setSetting('shipshape.rules', { [RULE]: 'error' });
    await settledDiagnostics(document.uri, `${RULE} as an error`, (ds) => severityOf(ds, RULE) === vscode.DiagnosticSeverity.Error);
    await setSetting('shipshape.rules', { DL3002: 'hint' });
    await settledDiagnostics(document.uri, `${RULE} as a hint (set through its alias DL3002)`, (ds) => severityOf(ds, RULE) === vscode.DiagnosticSeverity.Hint);
    await setSetting('shipshape.rules', undefined);
    await settledDiagnostics(document.uri, `${RULE} back to a warning`, (ds) => severityOf(ds, RULE) === vscode.DiagnosticSeverity.Warning);
  });

  it('shipshape.rules "off" turns one rule off and leaves the others', async () => {
    const document = await openFile('settings/off/Dockerfile', TEXT);
    await settledDiagnostics(document.uri, 'both findings', (ds) => severityOf(ds, RULE) !== undefined && severityOf(ds, 'exec-form-variable') !== undefined);
    await setSetting('shipshape.rules', { [RULE]: 'off' });
    const after = await settledDiagnostics(document.uri, `${RULE} to be off`, (ds) => severityOf(ds, RULE) === undefined);
    assert.ok(after.some((d) => ruleOf(d) === 'exec-form-variable'), 'exec-form-variable is still reported');
    await setSetting('shipshape.rules', undefined);
    await settledDiagnostics(document.uri, `${RULE} to be back`, (ds) => severityOf(ds, RULE) !== undefined);
  });

  it('shipshape.enable false clears every finding, true brings them back', async () => {
    const document = await openFile('settings/enable/Dockerfile', TEXT);
    await settledDiagnostics(document.uri, 'findings', (ds) => ds.length > 0);
    await setSetting('shipshape.enable', false);
    await settledDiagnostics(document.uri, 'no findings', (ds) => ds.length === 0);
    await setSetting('shipshape.enable', true);
    await settledDiagnostics(document.uri, 'findings again', (ds) => severityOf(ds, RULE) !== undefined);
  });
});
