/** Engine findings and fixes as LSP diagnostics and code actions. */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, isAbsolute, join } from 'node:path';
import type { Finding, Fix, Severity } from '../engine/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Rule pages ship beside the bundle (dist/../docs/rules). */
export function ruleDocUri(ruleId: string): string {
  let uri = docUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href;
    docUris.set(ruleId, uri);
  }
  return uri;
}

/** By rule id: a diagnostic per finding per keystroke would otherwise build the same URL again. */
const docUris = new Map<string, string>();

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUri(finding.rule) },
    source: 'shipshape',
    message: finding.aliases.length > 0 ? `${finding.message} [${finding.aliases.join(', ')}]` : finding.message,
    data: { rule: finding.rule },
  };
}

/** A fix as a workspace edit on document `uri` (files it creates go next to that document). */
export function toWorkspaceEdit(fix: Fix, uri: string, version: number | null): WorkspaceEdit {
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const file of fix.createFiles ?? []) {
    const target = siblingUri(uri, file.path);
    // Never touch a file that appeared since the lint: the editor refuses the whole edit instead.
    documentChanges.push({ kind: 'create', uri: target, options: { overwrite: false, ignoreIfExists: false } });
    documentChanges.push({
      textDocument: { uri: target, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: file.text }],
    });
  }
  for (const external of fix.externalEdits ?? []) {
    documentChanges.push({ textDocument: { uri: siblingUri(uri, external.path), version: null }, edits: external.edits });
  }
  if (fix.edits.length > 0) documentChanges.push({ textDocument: { uri, version }, edits: fix.edits });
  return { documentChanges };
}

/** The URI of `path` (relative to the folder of document `uri`, or absolute), with file names encoded properly. */
export function siblingUri(uri: string, path: string): string {
  if (uri.startsWith('file:')) {
    const absolute = isAbsolute(path) ? path : join(dirname(fileURLToPath(uri)), path);
    return pathToFileURL(absolute).href;
  }
  return new URL(path.split('/').map(encodeURIComponent).join('/'), uri).href;
}

export function toQuickFix(fix: Fix, finding: Finding, diagnostic: Diagnostic, uri: string, version: number | null): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred === true,
    edit: toWorkspaceEdit(fix, uri, version),
  };
}
