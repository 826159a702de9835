/**
 * The "ignore this rule here" and "ignore this rule in this file" fixes every finding gets in the
 * editor. "Here" is offered only where its pragma takes effect: not for a finding the next statement
 * does not cover (a comment line at the end of a Dockerfile), nor in a compose file with YAML errors
 * (the pragma could be read as part of a string), nor above parser directives, which a comment
 * before them would turn into plain comments.
 */
import type { KindSupport } from './kind-support';
import { PRAGMA_ID_LIST } from './suppression';
import type { ModelByKind } from './rule';
import type { TextEdit } from './text';
import type { Finding, Fix } from './types';

// The new id goes after the whole list, which may have spaces after its commas.
const LINE_PRAGMA = new RegExp(String.raw`^(\s*#\s*shipshape\s+ignore\s*=\s*)(${PRAGMA_ID_LIST})(.*)$`, 'i');
const FILE_PRAGMA = new RegExp(String.raw`^(\s*#\s*shipshape\s+global\s+ignore\s*=\s*)(${PRAGMA_ID_LIST})(.*)$`, 'i');

export function ignoreFixes<K extends keyof ModelByKind>(support: KindSupport<K>, model: ModelByKind[K], finding: Finding): Fix[] {
  const header = support.fileHeaderLine(model);
  const fixes: Fix[] = [];
  const here = lineIgnoreEdit(support, model, finding);
  if (here) fixes.push({ title: `Ignore ${finding.rule} for this line`, edits: [here] });
  fixes.push({
    title: `Ignore ${finding.rule} in this file`,
    edits: [pragmaEdit(support, model, header, header, `# shipshape global ignore=${finding.rule}`, finding.rule, FILE_PRAGMA)],
  });
  return fixes;
}

/** The pragma above the finding's statement (a new line, or the rule added to a pragma already there); null when it would not cover the finding. */
function lineIgnoreEdit<K extends keyof ModelByKind>(support: KindSupport<K>, model: ModelByKind[K], finding: Finding): TextEdit | null {
  const index = support.index(model);
  const line = finding.range.start.line;
  const statement = support.statementStart(model, line);
  if (statement === null || statement < support.fileHeaderLine(model)) return null;
  // A pragma on the line above the statement: one already there, or the new line (the lines below
  // it are the same either way, so its scope is that of a pragma on the line before the statement).
  const scope = support.pragmaScope(model)(statement - 1);
  if (!scope || line < scope.fromLine || line > scope.toLine) return null;
  const indent = support.indentedComments ? /^[ \t]*/.exec(index.lineText(statement))![0] : '';
  return pragmaEdit(support, model, statement - 1, statement, `${indent}# shipshape ignore=${finding.rule}`, finding.rule, LINE_PRAGMA);
}

/** Extends the pragma on `existingLine` when there is one, else inserts a new pragma line before `insertLine`. */
function pragmaEdit<K extends keyof ModelByKind>(support: KindSupport<K>, model: ModelByKind[K], existingLine: number, insertLine: number, pragma: string, id: string, pattern: RegExp): TextEdit {
  const index = support.index(model);
  const existing = existingLine >= 0 ? index.lineText(existingLine) : '';
  const match = existingLine >= 0 && (support.indentedComments || existing.startsWith('#')) ? pattern.exec(existing) : null;
  if (match) {
    const at = match[1].length + match[2].length;
    return { range: { start: { line: existingLine, character: at }, end: { line: existingLine, character: at } }, newText: `,${id}` };
  }
  // After a byte order mark, which must stay first in the file.
  const at = { line: insertLine, character: insertLine === 0 && index.text.charCodeAt(0) === 0xfeff ? 1 : 0 };
  return { range: { start: at, end: at }, newText: pragma + index.eol() };
}
