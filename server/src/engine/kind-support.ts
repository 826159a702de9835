import type { ModelByKind } from './rule';
import type { Suppressions } from './suppression';
import type { LineIndex } from './text';
import type { Finding, Severity } from './types';

/** What the engine needs to know about one kind of file: how to parse it and where pragmas go. */
export interface KindSupport<K extends keyof ModelByKind = keyof ModelByKind> {
  kind: K;
  /** A parser; it may keep state between calls on the same document (caches). */
  createParser(): { parse(text: string): ModelByKind[K] };
  index(model: ModelByKind[K]): LineIndex;
  suppressions(model: ModelByKind[K]): Suppressions;
  /**
   * A severity the file itself asks for (BuildKit's `# check=error=true`), or null when it asks for
   * none. Settings still win over it; it wins over the rule's own severity.
   */
  severityOverride?(model: ModelByKind[K]): ((finding: Pick<Finding, 'rule' | 'aliases'>) => Severity | undefined) | null;
  /**
   * How rules with `scope: 'unit'` see the file: its units (the instructions of a Dockerfile), a
   * model that holds only one of them, and what else their reports may read from the whole file
   * (the escape character, the line break), so that reports are reused only while it is the same.
   */
  units?: {
    of(model: ModelByKind[K]): readonly object[];
    view(model: ModelByKind[K], unit: object): ModelByKind[K];
    fileKey(model: ModelByKind[K]): string;
  };
  /** The first line of the statement (instruction, YAML entry, pattern) that contains `line`. */
  statementStart(model: ModelByKind[K], line: number): number;
  /** The line before which a file-wide pragma is inserted. */
  fileHeaderLine(model: ModelByKind[K]): number;
}
