/**
 * "Shipshape: Open Rule Documentation": shows docs/rules/<id>.md (shipped in the extension) as a
 * Markdown preview. Takes a rule id, a diagnostic, or nothing (then the findings under the cursor,
 * or a pick of every rule).
 */
import * as vscode from 'vscode';

export const OPEN_RULE_DOC_COMMAND = 'shipshape.openRuleDoc';

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'shipshape') return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return undefined;
}

async function allRuleIds(context: vscode.ExtensionContext): Promise<string[]> {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([name]) => name.endsWith('.md')).map(([name]) => name.slice(0, -3)).sort();
  } catch {
    return [];
  }
}

export function ruleDocUri(context: vscode.ExtensionContext, rule: string): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
}

export function registerRuleDocs(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_RULE_DOC_COMMAND, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    let rule: string | undefined;
    if (typeof arg === 'string') rule = arg;
    else if (arg instanceof vscode.Diagnostic) rule = ruleOf(arg);
    if (!rule) {
      const editor = vscode.window.activeTextEditor;
      const here = editor
        ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.range.contains(editor.selection.active)).map(ruleOf).filter((id): id is string => !!id)
        : [];
      const choices = here.length > 0 ? [...new Set(here)] : await allRuleIds(context);
      rule = choices.length === 1 ? choices[0] : await vscode.window.showQuickPick(choices, { title: 'Shipshape rule documentation', placeHolder: 'Rule' });
    }
    if (!rule || !/^[a-z0-9][a-z0-9-]*$/.test(rule)) return undefined;
    const uri = ruleDocUri(context, rule);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      void vscode.window.showWarningMessage(`Shipshape has no documentation page for "${rule}".`);
      return undefined;
    }
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri;
  });
}
