/**
 * The status bar item of the active Dockerfile, compose file or .dockerignore: its hardening state
 * from Shipshape's diagnostics ("2 errors, 3 warnings", or "checked"). Clicking it opens the
 * Problems view. It reads the diagnostics VS Code already holds, so it costs nothing while typing.
 */
import * as vscode from 'vscode';

export const STATUS_BAR_ITEM_ID = 'shipshape.status';

const CONTAINER_FILE = /(^|[._-])(dockerfile|containerfile)([._-]|$)|(^|[._-])dockerignore$|(^|[._-])(docker-)?compose([._-][^/\\]*)?\.ya?ml$/i;

export function isContainerFile(document: vscode.TextDocument): boolean {
  if (document.languageId === 'dockerfile' || document.languageId === 'dockercompose') return true;
  const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  return CONTAINER_FILE.test(name) && !/\.(json|md|txt|sh|py|js|ts)$/i.test(name);
}

export interface HardeningState {
  errors: number;
  warnings: number;
  others: number;
}

export function hardeningState(diagnostics: readonly vscode.Diagnostic[]): HardeningState {
  const ours = diagnostics.filter((d) => d.source === 'shipshape');
  return {
    errors: ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
    others: ours.filter((d) => d.severity !== vscode.DiagnosticSeverity.Error && d.severity !== vscode.DiagnosticSeverity.Warning).length,
  };
}

/** The item's text for a state: `$(error) 2 $(warning) 3`, or `$(pass) checked`. */
export function statusText(state: HardeningState): string {
  if (state.errors === 0 && state.warnings === 0) return '$(pass) Shipshape: checked';
  const parts = [];
  if (state.errors > 0) parts.push(`$(error) ${state.errors}`);
  if (state.warnings > 0) parts.push(`$(warning) ${state.warnings}`);
  return `$(shield) Shipshape ${parts.join(' ')}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function registerStatusBar(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 50);
  item.name = 'Shipshape hardening';
  item.command = 'workbench.actions.view.problems';
  const refresh = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isContainerFile(editor.document) || !vscode.workspace.getConfiguration('shipshape').get<boolean>('enable', true)) {
      item.hide();
      return;
    }
    const state = hardeningState(vscode.languages.getDiagnostics(editor.document.uri));
    item.text = statusText(state);
    const details = [plural(state.errors, 'error'), plural(state.warnings, 'warning')];
    if (state.others > 0) details.push(plural(state.others, 'note'));
    item.tooltip = state.errors + state.warnings === 0 ? 'Shipshape: no hardening errors or warnings in this file' : `Shipshape: ${details.join(', ')} in this file. Click to open Problems.`;
    item.backgroundColor = state.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : state.warnings > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('shipshape.enable')) refresh();
    }),
  );
}
