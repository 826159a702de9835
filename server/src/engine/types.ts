import type { Range, TextEdit } from './text';

/** error = broken or dangerous; warning = hardening; info/hint = style and opinion. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export type FileKind = 'dockerfile' | 'compose' | 'dockerignore';
export const FILE_KINDS: readonly FileKind[] = ['dockerfile', 'compose', 'dockerignore'];

/** A file created by a fix, next to the linted file (`path` is relative to the linted file's folder). */
export interface FileCreation {
  path: string;
  text: string;
}

/** A text edit to another file than the linted one (`path` relative to the linted file's folder). */
export interface ExternalEdit {
  path: string;
  edits: TextEdit[];
}

export interface Fix {
  title: string;
  /** Edits to the linted document itself. */
  edits: TextEdit[];
  /** Files the fix creates (only when they do not exist yet). */
  createFiles?: FileCreation[];
  /** Edits to other existing files. */
  externalEdits?: ExternalEdit[];
  /** The fix `--fix` and "Fix all" apply; the first preferred fix of a finding wins. */
  isPreferred?: boolean;
}

export interface Finding {
  rule: string;
  aliases: readonly string[];
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export interface RuleDocs {
  /** One sentence: what the rule finds. */
  summary: string;
  /** Why it matters. */
  why: string;
  /** A file (or fragment) the rule reports. */
  bad: string;
  /** The same, fixed. */
  good: string;
  /** Anything else worth knowing: limits, related rules, why the default severity differs from a peer's. */
  notes?: string;
}

/** Reads files around the linted one; absent when linting text without a location. */
export interface FileAccess {
  /** The file's text, or undefined when it does not exist or cannot be read. `path` is relative to the linted file's folder or absolute. */
  readFile(path: string): string | undefined;
}
