/** Activation and Dockerfile diagnostics, as the editor receives them from the language server. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openFile, ruleOf, settledDiagnostics, waitFor } from './helpers';

describe('Dockerfile', () => {
  after(closeAllEditors);

  it('activates the extension in a workspace with a Dockerfile', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await waitFor('the extension to activate', () => extension.isActive);
  });

  it('publishes findings with exact ranges, severities, codes, messages and rule links', async () => {
    const document = await openFile('Dockerfile');
    assert.equal(document.languageId, 'dockerfile');
    const rules = ['final-user-root', 'exec-form-variable'];
    const diagnostics = await settledDiagnostics(document.uri, rules.join(' and '), (ds) => rules.every((rule) => ds.some((d) => ruleOf(d) === rule)));
    const byRule = new Map(diagnostics.filter((d) => rules.includes(ruleOf(d))).map((d) => [ruleOf(d), d]));

    const root = byRule.get('final-user-root');
    assert.ok(root, 'final-user-root is reported');
    assert.deepEqual(root.range, new vscode.Range(0, 0, 0, 17));
    assert.equal(root.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(root.message, 'No USER in the final stage: the container runs as root [DL3002, AVD-DS-0002, CKV_DOCKER_3, CKV_DOCKER_8]');

    const variable = byRule.get('exec-form-variable');
    assert.ok(variable, 'exec-form-variable is reported');
    assert.deepEqual(variable.range, new vscode.Range(3, 36, 3, 43));
    assert.equal(document.getText(variable.range), '"$PORT"');
    assert.equal(variable.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(variable.message, '"$PORT" is not expanded in exec form: CMD runs without a shell');

    for (const [rule, diagnostic] of byRule) {
      const code = diagnostic.code;
      assert.ok(typeof code === 'object' && code !== null, `${rule} has a code with a link`);
      assert.equal(code.value, rule);
      assert.match(code.target.toString(), new RegExp(`/docs/rules/${rule}\\.md$`));
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target));
      assert.ok(page.includes(rule), `the linked page ${code.target} is about ${rule}`);
    }
  });

  it('re-checks as the user types', async () => {
    const document = await openFile('Dockerfile');
    await settledDiagnostics(document.uri, 'the initial findings', (ds) => ds.some((d) => ruleOf(d) === 'final-user-root'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document);
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), 'USER node\n'));
    const after = await settledDiagnostics(document.uri, 'final-user-root to disappear after typing USER', (ds) => !ds.some((d) => ruleOf(d) === 'final-user-root'));
    const variable = after.find((d) => ruleOf(d) === 'exec-form-variable');
    assert.deepEqual(variable?.range, new vscode.Range(4, 36, 4, 43), 'the other finding moved down with its line');
  });
});
