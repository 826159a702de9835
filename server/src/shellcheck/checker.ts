/**
 * ShellCheck findings for a Dockerfile's RUN scripts. Running the program is the front end's
 * business (a `ShellCheckRunner`: a child process in the server and the CLI, a fake in tests);
 * this part builds the scripts, caches results by (shell, script text), maps ShellCheck's
 * positions back into the document and turns comments into findings named `SC2086` (alias
 * `shellcheck`), so settings, `.hadolint.yaml` and ignore pragmas treat them like any rule.
 */
import { dockerfileSupport } from '../dockerfile/support';
import type { DockerfileModel } from '../dockerfile/model';
import { configuredLevel } from '../engine/lint';
import type { Settings } from '../engine/settings';
import type { Range, TextEdit } from '../engine/text';
import type { Finding, Fix, Severity } from '../engine/types';
import { shellScripts, type ShellDialect, type ShellScript } from './scripts';

export interface ShellCheckReplacement {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  replacement: string;
  insertionPoint?: string;
  precedence?: number;
}

/** One entry of ShellCheck's `--format=json1` output (1-based lines and columns, end exclusive). */
export interface ShellCheckComment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style' | string;
  code: number;
  message: string;
  fix?: { replacements: ShellCheckReplacement[] } | null;
}

/** Runs ShellCheck on one script read from standard input (`--format=json1 -s <shell> -`). */
export interface ShellCheckRunner {
  run(script: string, shell: ShellDialect): Promise<ShellCheckComment[]>;
}

/** The alias every ShellCheck finding carries: `shellcheck: off` in settings or `# shipshape ignore=shellcheck` silences them all. */
export const SHELLCHECK_ALIAS = 'shellcheck';

/**
 * Not reported: a sourced file cannot be followed from a RUN line (SC1090, SC1091), and ash's
 * dialect note (SC2187) says nothing about the script.
 */
const NOT_REPORTED = new Set(['SC1090', 'SC1091', 'SC2187']);

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

export function shellcheckDocUrl(rule: string): string {
  return `https://www.shellcheck.net/wiki/${rule}`;
}

export function isShellCheckRule(rule: string): boolean {
  return /^SC\d+$/.test(rule);
}

/** Reads `--format=json1` output; throws on anything else. */
export function parseJson1(stdout: string): ShellCheckComment[] {
  const parsed = JSON.parse(stdout) as { comments?: unknown };
  if (!parsed || !Array.isArray(parsed.comments)) throw new Error('ShellCheck output has no "comments" list');
  return (parsed.comments as ShellCheckComment[]).filter(
    (c) => c && typeof c.line === 'number' && typeof c.column === 'number' && typeof c.code === 'number' && typeof c.message === 'string',
  );
}

export interface ShellCheckResult {
  findings: Finding[];
  /** Why some scripts were not checked (the program failed, timed out, printed something else). */
  failures: string[];
}

export interface ShellCheckerOptions {
  /** Results kept (one per distinct shell and script text); the oldest unused go first. */
  maxEntries?: number;
  /** Scripts checked at the same time. */
  concurrency?: number;
}

export interface ShellCheckStats {
  runs: number;
  hits: number;
}

/** Checks Dockerfiles' scripts with a runner, caching comments by (shell, script text). */
export class ShellChecker {
  private readonly cache = new Map<string, ShellCheckComment[]>();
  private readonly inFlight = new Map<string, Promise<ShellCheckComment[]>>();
  private readonly maxEntries: number;
  private readonly concurrency: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  readonly stats: ShellCheckStats = { runs: 0, hits: 0 };

  constructor(
    private readonly runner: ShellCheckRunner,
    options: ShellCheckerOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 2000;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  /**
   * The findings of the scripts whose results are known, without running anything: what the
   * editor can show at once. `complete` is false when some script still needs a run.
   */
  cached(model: DockerfileModel, settings?: Settings): { findings: Finding[]; complete: boolean } {
    if (isOff(settings)) return { findings: [], complete: true };
    const comments = new Map<ShellScript, ShellCheckComment[]>();
    let complete = true;
    for (const script of shellScripts(model)) {
      const known = this.lookup(script.key);
      if (known) comments.set(script, known);
      else complete = false;
    }
    return { findings: toFindings(model, comments, settings), complete };
  }

  /** Runs ShellCheck on every script not in the cache and returns the findings of all of them. */
  async check(model: DockerfileModel, settings?: Settings): Promise<ShellCheckResult> {
    if (isOff(settings)) return { findings: [], failures: [] };
    const scripts = shellScripts(model);
    const failures: string[] = [];
    const comments = new Map<ShellScript, ShellCheckComment[]>();
    await Promise.all(
      scripts.map(async (script) => {
        try {
          comments.set(script, await this.commentsFor(script));
        } catch (error) {
          failures.push(`line ${script.instruction.range.start.line + 1}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }),
    );
    return { findings: toFindings(model, comments, settings), failures };
  }

  clear(): void {
    this.cache.clear();
  }

  private lookup(key: string): ShellCheckComment[] | undefined {
    const found = this.cache.get(key);
    if (found) {
      // Most recently used last: eviction takes the first.
      this.cache.delete(key);
      this.cache.set(key, found);
    }
    return found;
  }

  private commentsFor(script: ShellScript): Promise<ShellCheckComment[]> {
    const key = script.key;
    const known = this.lookup(key);
    if (known) {
      this.stats.hits++;
      return Promise.resolve(known);
    }
    const running = this.inFlight.get(key);
    if (running) {
      this.stats.hits++;
      return running;
    }
    const promise = this.limited(() => this.runner.run(script.input, script.shell)).then(
      (result) => {
        this.inFlight.delete(key);
        this.cache.set(key, result);
        while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
        return result;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, promise);
    return promise;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    this.stats.runs++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}


function isOff(settings: Settings | undefined): boolean {
  const levels = settings?.rules;
  if (!levels) return false;
  return Object.entries(levels).some(([name, level]) => name.toLowerCase() === SHELLCHECK_ALIAS && level === 'off');
}

function toFindings(model: DockerfileModel, comments: Map<ShellScript, ShellCheckComment[]>, settings: Settings | undefined): Finding[] {
  if (comments.size === 0) return [];
  const suppressions = dockerfileSupport.suppressions(model);
  const findings: Finding[] = [];
  for (const [script, list] of comments) {
    const lines = lineStarts(script.input);
    for (const comment of list) {
      const rule = `SC${comment.code}`;
      if (NOT_REPORTED.has(rule) || script.disabled.has(rule)) continue;
      const level = configuredLevel({ id: rule, aliases: [SHELLCHECK_ALIAS] }, settings);
      if (level === 'off') continue;
      const start = offsetOf(script, lines, comment.line, comment.column);
      const end = offsetOf(script, lines, comment.endLine ?? comment.line, comment.endColumn ?? comment.column);
      if (start === null) continue;
      const finding: Finding = {
        rule,
        aliases: [SHELLCHECK_ALIAS],
        severity: level ?? LEVELS[comment.level] ?? 'warning',
        message: comment.message,
        range: rangeIn(script, start, end ?? start),
        fixes: fixesOf(model, script, lines, comment, rule),
      };
      if (!suppressions.isSuppressed(finding)) findings.push(finding);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  return findings;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The offset in the script of ShellCheck's 1-based (line, column) in `input`, or null when it is in
 * the declarations line. Columns count code points, a tab as one.
 */
function offsetOf(script: ShellScript, starts: number[], line: number, column: number): number | null {
  const index = line - 1;
  if (index < script.prefixLines) return null;
  const prefixLength = script.prefixLines > 0 ? starts[script.prefixLines] : 0;
  if (index >= starts.length) return script.input.length - prefixLength;
  const lineStart = starts[index];
  const lineEnd = index + 1 < starts.length ? starts[index + 1] - 1 : script.input.length;
  let offset = lineStart;
  for (let points = 1; points < column && offset < lineEnd; points++) {
    const code = script.input.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return Math.min(offset, lineEnd + 1) - prefixLength;
}

function rangeIn(script: ShellScript, start: number, end: number): Range {
  const length = script.source.text.length;
  const from = Math.min(start, length);
  let to = Math.min(Math.max(end, from), length);
  if (to === from && from < length) to = from + 1;
  return script.source.rangeOf(from, to);
}

/** ShellCheck's suggested fix as document edits, when every edit maps to text the document holds as written. */
function fixesOf(model: DockerfileModel, script: ShellScript, lines: number[], comment: ShellCheckComment, rule: string): Fix[] {
  const replacements = comment.fix?.replacements;
  if (!replacements || replacements.length === 0) return [];
  const edits: TextEdit[] = [];
  const scriptText = script.source.text;
  for (const r of replacements) {
    const start = offsetOf(script, lines, r.line, r.column);
    const end = offsetOf(script, lines, r.endLine, r.endColumn);
    if (start === null || end === null || end < start || end > scriptText.length) return [];
    const range = start === end ? emptyAt(script, start) : script.source.rangeOf(start, end);
    // A range that crosses a line continuation or an inner comment would change more than the script.
    const written = model.text.slice(model.index.offsetAt(range.start), model.index.offsetAt(range.end));
    if (written !== scriptText.slice(start, end)) return [];
    edits.push({ range, newText: r.replacement });
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < edits.length; i++) {
    const previous = edits[i - 1].range.end;
    const current = edits[i].range.start;
    if (current.line < previous.line || (current.line === previous.line && current.character <= previous.character)) return [];
  }
  return [{ title: `Apply ShellCheck's suggestion for ${rule}`, edits }];
}

/** An empty range just before script offset `offset` (or just after its last character at the end). */
function emptyAt(script: ShellScript, offset: number): Range {
  const length = script.source.text.length;
  if (offset < length) {
    const at = script.source.rangeOf(offset, offset + 1).start;
    return { start: at, end: at };
  }
  const end = script.source.rangeOf(Math.max(0, length - 1), length).end;
  return length === 0 ? script.source.rangeOf(0, 0) : { start: end, end };
}
