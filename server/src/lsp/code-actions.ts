/** Code actions: each finding's fixes and "ignore" pragmas as quick fixes, and "Fix all" as a source action. */
import { CodeActionKind, LSPErrorCodes, ResponseError, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyPreferredFixes } from '../engine/apply-fixes';
import type { LintOptions } from '../engine/lint';
import type { Finding } from '../engine/types';
import type { DocumentLinter } from '../linter';
import { toQuickFix, toWorkspaceEdit } from './convert';
import { rangesIntersect } from './ranges';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;

export interface CodeActionContext {
  document: TextDocument;
  linter: DocumentLinter;
  /** The findings of the document's current version. */
  findings: Finding[];
  lintOptions: () => LintOptions;
  diagnosticOf: (finding: Finding) => Diagnostic;
  isCancelled: () => boolean;
}

/** The LSP answer to a request the client gave up on. */
export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'code actions cancelled');
}

function checkCancelled(context: CodeActionContext): void {
  if (context.isCancelled()) throw cancelledError();
}

export function codeActions(params: CodeActionParams, context: CodeActionContext): CodeAction[] {
  checkCancelled(context);
  const only = params.context.only;
  // Asked for on save (source.fixAll…) and from the Source Action menu (source).
  if (only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && (kind.startsWith(CodeActionKind.SourceFixAll) || kind === CodeActionKind.Source))) {
    return fixAll(context);
  }
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
  const { document } = context;
  const actions: CodeAction[] = [];
  for (const finding of context.findings) {
    checkCancelled(context);
    if (!rangesIntersect(finding.range, params.range)) continue;
    const diagnostic = context.diagnosticOf(finding);
    for (const fix of finding.fixes) actions.push(toQuickFix(fix, finding, diagnostic, document.uri, document.version));
    for (const fix of context.linter.ignoreFixes(finding)) actions.push(toQuickFix(fix, finding, diagnostic, document.uri, document.version));
  }
  return actions;
}

/** Every preferred fix, applied until nothing changes, as one edit of the whole document. */
function fixAll(context: CodeActionContext): CodeAction[] {
  const { document, linter } = context;
  const text = document.getText();
  const outcome = applyPreferredFixes(text, (current) => {
    checkCancelled(context);
    return linter.lint(current, context.lintOptions()).findings;
  });
  // The linter keeps the last model for "ignore" fixes: leave it on the document's own text.
  linter.lint(text, context.lintOptions());
  if (outcome.text === text && outcome.createFiles.length === 0 && outcome.externalEdits.length === 0) return [];
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  return [
    {
      title: 'Fix all hardening issues',
      kind: FIX_ALL_KIND,
      edit: toWorkspaceEdit(
        { title: 'Fix all hardening issues', edits: [{ range: whole, newText: outcome.text }], createFiles: outcome.createFiles, externalEdits: outcome.externalEdits },
        document.uri,
        document.version,
      ),
    },
  ];
}
