/** The "ignore this rule here" and "ignore this rule in this file" fixes every finding gets in the editor. */
import type { KindSupport } from './kind-support';
import type { ModelByKind } from './rule';
import type { Finding, Fix } from './types';

const LINE_PRAGMA = /^(\s*#\s*shipshape\s+ignore\s*=\s*)(\S+)(.*)$/i;
const FILE_PRAGMA = /^(\s*#\s*shipshape\s+global\s+ignore\s*=\s*)(\S+)(.*)$/i;

export function ignoreFixes<K extends keyof ModelByKind>(support: KindSupport<K>, model: ModelByKind[K], finding: Finding): Fix[] {
  const index = support.index(model);
  const eol = index.eol();
  const statement = support.statementStart(model, finding.range.start.line);
  const indent = /^\s*/.exec(index.lineText(statement))?.[0] ?? '';
  const header = support.fileHeaderLine(model);
  return [
    {
      title: `Ignore ${finding.rule} for this line`,
      edits: [pragmaEdit(index.lineText(statement - 1), statement - 1, statement, `${indent}# shipshape ignore=${finding.rule}`, finding.rule, LINE_PRAGMA, eol)],
    },
    {
      title: `Ignore ${finding.rule} in this file`,
      edits: [pragmaEdit(index.lineText(header), header, header, `# shipshape global ignore=${finding.rule}`, finding.rule, FILE_PRAGMA, eol)],
    },
  ];
}

/** Extends the pragma on `existingLine` when there is one, else inserts a new pragma line before `insertLine`. */
function pragmaEdit(existingText: string, existingLine: number, insertLine: number, pragma: string, id: string, pattern: RegExp, eol: string) {
  const match = existingLine >= 0 ? pattern.exec(existingText) : null;
  if (match) {
    const at = match[1].length + match[2].length;
    return { range: { start: { line: existingLine, character: at }, end: { line: existingLine, character: at } }, newText: `,${id}` };
  }
  return { range: { start: { line: insertLine, character: 0 }, end: { line: insertLine, character: 0 } }, newText: pragma + eol };
}
