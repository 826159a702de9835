/**
 * "Fix all hardening issues": the server's `source.fixAll.shipshape` action, as a command and on
 * save (`"editor.codeActionsOnSave": { "source.fixAll.shipshape": "explicit" }`).
 */
import * as vscode from 'vscode';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('shipshape');
export const FIX_ALL_COMMAND = 'shipshape.fixAll';
export const FIX_ALL_ON_SAVE_COMMAND = 'shipshape.enableFixAllOnSave';

export function registerFixAll(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async () => {
      if (!vscode.window.activeTextEditor) return;
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND.value, apply: 'first' });
    }),
    vscode.commands.registerCommand(FIX_ALL_ON_SAVE_COMMAND, async () => {
      const config = vscode.workspace.getConfiguration('editor');
      const current = config.inspect<Record<string, unknown>>('codeActionsOnSave')?.globalValue ?? {};
      await config.update('codeActionsOnSave', { ...current, [FIX_ALL_KIND.value]: 'explicit' }, vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage('Shipshape fixes hardening issues when you save a Dockerfile, compose file or .dockerignore.');
    }),
  );
}
