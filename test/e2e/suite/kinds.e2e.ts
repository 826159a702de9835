/** Diagnostics for compose files and .dockerignore, as the editor receives them. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFile, ruleOf, settledDiagnostics } from './helpers';

async function findingOf(relativePath: string, rule: string): Promise<{ document: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  const document = await openFile(relativePath);
  const diagnostics = await settledDiagnostics(document.uri, `a ${rule} finding`, (ds) => ds.some((d) => ruleOf(d) === rule));
  return { document, diagnostic: diagnostics.find((d) => ruleOf(d) === rule)! };
}

async function assertLinksToItsPage(diagnostic: vscode.Diagnostic, rule: string): Promise<void> {
  const code = diagnostic.code;
  assert.ok(typeof code === 'object' && code !== null, `${rule} has a code with a link`);
  assert.equal(code.value, rule);
  assert.match(code.target.toString(), new RegExp(`/docs/rules/${rule}\\.md$`));
  const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target));
  assert.ok(page.includes(rule), `the linked page ${code.target} is about ${rule}`);
}

describe('compose and .dockerignore', () => {
  after(closeAllEditors);

  it('compose.yaml: privileged: true is an error on that key, with its link', async () => {
    const { document, diagnostic } = await findingOf('compose.yaml', 'compose-privileged');
    assert.deepEqual(diagnostic.range, new vscode.Range(3, 4, 3, 20));
    assert.equal(document.getText(diagnostic.range), 'privileged: true');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'shipshape');
    assert.equal(diagnostic.message, 'Service "web" runs privileged: it gets every capability and all host devices [Privileged Containers Enabled]');
    await assertLinksToItsPage(diagnostic, 'compose-privileged');
  });

  it('.dockerignore: a file that leaves secrets in the build context is a warning, with its link', async () => {
    const { diagnostic } = await findingOf('.dockerignore', 'dockerignore-leaks-sensitive');
    assert.deepEqual(diagnostic.range, new vscode.Range(0, 0, 0, 12));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.source, 'shipshape');
    assert.equal(diagnostic.message, 'Sensitive files are not excluded from the build context: .env, .env.*, *.pem, *.key, id_rsa*');
    await assertLinksToItsPage(diagnostic, 'dockerignore-leaks-sensitive');
  });
});
