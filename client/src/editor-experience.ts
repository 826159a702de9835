/**
 * The editor experience around the language server: the status bar item, the rule documentation
 * command, "Fix all hardening issues", and which basic language features the server gives.
 */
import type * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { registerFixAll } from './fix-all';
import { currentSwitches, followLanguageFeatureSwitches } from './language-features';
import { OPEN_RULE_DOC_COMMAND, registerRuleDocs } from './rule-docs';
import { registerStatusBar } from './status-bar';

export function registerEditorExperience(context: vscode.ExtensionContext): void {
  context.subscriptions.push(registerStatusBar(), registerRuleDocs(context), registerFixAll());
}

/** Language client options: the feature switches at start, and trusted links to rule pages in hovers. */
export function editorClientOptions(): Pick<LanguageClientOptions, 'initializationOptions' | 'markdown'> {
  return {
    initializationOptions: { languageFeatures: currentSwitches(), ruleDocCommand: OPEN_RULE_DOC_COMMAND },
    markdown: { isTrusted: { enabledCommands: [OPEN_RULE_DOC_COMMAND] } },
  };
}

export function followClient(client: LanguageClient): vscode.Disposable {
  return followLanguageFeatureSwitches(client);
}
