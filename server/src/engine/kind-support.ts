import type { ModelByKind } from './rule';
import type { Suppressions } from './suppression';
import type { LineIndex } from './text';

/** What the engine needs to know about one kind of file: how to parse it and where pragmas go. */
export interface KindSupport<K extends keyof ModelByKind = keyof ModelByKind> {
  kind: K;
  /** A parser; it may keep state between calls on the same document (caches). */
  createParser(): { parse(text: string): ModelByKind[K] };
  index(model: ModelByKind[K]): LineIndex;
  suppressions(model: ModelByKind[K]): Suppressions;
  /** The first line of the statement (instruction, YAML entry, pattern) that contains `line`. */
  statementStart(model: ModelByKind[K], line: number): number;
  /** The line before which a file-wide pragma is inserted. */
  fileHeaderLine(model: ModelByKind[K]): number;
}
