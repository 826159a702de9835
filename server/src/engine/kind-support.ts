import type { ModelByKind, RuleScope } from './rule';
import type { PragmaScope, Suppressions } from './suppression';
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
   * The lines a `# shipshape ignore=…` pragma on a line covers (what `suppressions` reads), or null
   * when it covers none. The function works for any line, so "ignore here" fixes can check that a
   * pragma they insert takes effect.
   */
  pragmaScope(model: ModelByKind[K]): (line: number) => PragmaScope | null;
  /** False when a comment must start in the first column (in .dockerignore, ` # x` is a pattern). */
  indentedComments: boolean;
  /**
   * A severity the file itself asks for (BuildKit's `# check=error=true`), or null when it asks for
   * none. Settings still win over it; it wins over the rule's own severity.
   */
  severityOverride?(model: ModelByKind[K]): ((finding: Pick<Finding, 'rule' | 'aliases'>) => Severity | undefined) | null;
  /**
   * The parts of the file that rules of each scope check one at a time (instructions and stages of
   * a Dockerfile): for each, a model that shows only that part, and a key that changes whenever
   * anything such a rule may read of the file changes.
   */
  scopes?: Partial<Record<RuleScope, ScopedParts<ModelByKind[K]>>>;
  /**
   * The first line of the statement (instruction, YAML entry, pattern) that contains `line`: where
   * an "ignore here" pragma goes. Null when no pragma line can go above `line` (a compose file with
   * YAML errors, or a line outside every entry: the pragma could be read as part of a string).
   */
  statementStart(model: ModelByKind[K], line: number): number | null;
  /** The line before which a file-wide pragma is inserted. */
  fileHeaderLine(model: ModelByKind[K]): number;
}

/** The parts of a file as rules of one scope see them. */
export interface ScopedParts<M> {
  /** What every part's reports may depend on besides the part itself (reports are dropped when it changes). */
  fileKey(model: M): string;
  /** One key per part, the same exactly while the part (and what a rule may read with it) is the same. */
  keys(model: M): (string | number)[];
  /** The model as a rule of the scope sees part `index`. */
  view(model: M, index: number): M;
}
