/** Code lenses on the final FROM of a Dockerfile: Build Image, Run Container, Build and Check (trusted workspaces only). */
import * as vscode from 'vscode';
import { finalFromLine } from './final-from';
import { isDockerfileUri } from './session';

export class FromCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || document.uri.scheme !== 'file' || !isDockerfileUri(document.uri, document.languageId)) return [];
    const fromLine = finalFromLine(document.getText());
    if (fromLine === null) return [];
    const range = new vscode.Range(fromLine, 0, fromLine, 0);
    const args = [document.uri];
    return [
      new vscode.CodeLens(range, { title: '$(tools) Build Image', command: 'shipshape.buildImage', arguments: args }),
      new vscode.CodeLens(range, { title: '$(play) Run Container', command: 'shipshape.runContainer', arguments: args }),
      new vscode.CodeLens(range, { title: '$(checklist) Build and Check', command: 'shipshape.buildAndCheck', arguments: args }),
    ];
  }
}
