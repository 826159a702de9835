/**
 * Pragma comments that silence findings: ours (`# shipshape ignore=a,b` above a statement,
 * `# shipshape global ignore=a,b` for the file), hadolint's (`# hadolint ignore=DL3008`,
 * `# hadolint global ignore=…`), Trivy's (`# trivy:ignore:AVD-DS-0002`), Checkov's
 * (`# checkov:skip=CKV_DOCKER_2: reason`, file-wide) and BuildKit's `# check=skip=A,B` directive.
 * Ids match a rule's id or any of its aliases as `ruleNameKey` compares them (case-insensitively;
 * Trivy's `DS002` and `DS-0002` as `AVD-DS-0002`).
 */
import { ruleNameKey } from './rule-names';
import type { Finding } from './types';

export interface CommentLine {
  line: number;
  text: string;
}

interface Span {
  ids: Set<string>;
  fromLine: number;
  toLine: number;
}

export class Suppressions {
  private readonly fileWide = new Set<string>();
  private readonly spans: Span[] = [];

  addFileWide(ids: Iterable<string>): void {
    for (const id of ids) this.fileWide.add(ruleNameKey(id));
  }

  addSpan(ids: Iterable<string>, fromLine: number, toLine: number): void {
    this.spans.push({ ids: new Set([...ids].map(ruleNameKey)), fromLine, toLine });
  }

  isSuppressed(finding: Pick<Finding, 'rule' | 'aliases' | 'range'>): boolean {
    const names = [finding.rule, ...finding.aliases].map(ruleNameKey);
    if (this.fileWide.has('all') || names.some((n) => this.fileWide.has(n))) return true;
    const line = finding.range.start.line;
    return this.spans.some((span) => line >= span.fromLine && line <= span.toLine && names.some((n) => span.ids.has(n)));
  }
}

/**
 * A pragma's list of names: `a,b`, `a, b`, and names with spaces (KICS query names) in double
 * quotes, `"Memory Not Limited"`. Text after the list (a reason) is not part of it.
 */
export const PRAGMA_ID_LIST = String.raw`(?:"[^"\n]*"|[^\s#,"]+)(?:\s*,\s*(?:"[^"\n]*"|[^\s#,"]+))*`;
const LINE_PRAGMA = new RegExp(String.raw`^\s*#\s*(?:shipshape|hadolint)\s+ignore\s*=\s*(${PRAGMA_ID_LIST})`, 'i');
const FILE_PRAGMA = new RegExp(String.raw`^\s*#\s*(?:shipshape|hadolint)\s+global\s+ignore\s*=\s*(${PRAGMA_ID_LIST})`, 'i');
const TRIVY_PRAGMA = /^\s*#\s*trivy:ignore:([A-Za-z0-9_-]+)/i;
const CHECKOV_PRAGMA = /^\s*#\s*checkov:skip=([A-Za-z0-9_]+)/i;

/** The names of a pragma's list; a quoted name keeps its spaces. */
export function splitIds(list: string): string[] {
  const ids: string[] = [];
  for (const match of list.matchAll(/"([^"\n]*)"|([^\s,"]+)/g)) {
    const id = (match[1] ?? match[2]).trim();
    if (id.length > 0) ids.push(id);
  }
  return ids;
}

/** The lines (inclusive) a line pragma covers. */
export interface PragmaScope {
  fromLine: number;
  toLine: number;
}

/**
 * Reads the pragmas among `comments`. `statementAfter(line)` gives the lines of the statement a
 * pragma on `line` applies to (the next instruction, YAML entry or pattern line), or null.
 */
export function collectSuppressions(
  comments: readonly CommentLine[],
  statementAfter: (line: number) => PragmaScope | null,
  into: Suppressions = new Suppressions(),
): Suppressions {
  for (const comment of comments) {
    const fileWide = FILE_PRAGMA.exec(comment.text);
    if (fileWide) {
      into.addFileWide(splitIds(fileWide[1]));
      continue;
    }
    const checkov = CHECKOV_PRAGMA.exec(comment.text);
    if (checkov) {
      into.addFileWide([checkov[1]]);
      continue;
    }
    const local = LINE_PRAGMA.exec(comment.text) ?? TRIVY_PRAGMA.exec(comment.text);
    if (!local) continue;
    const span = statementAfter(comment.line);
    if (span) into.addSpan(splitIds(local[1]), span.fromLine, span.toLine);
  }
  return into;
}
