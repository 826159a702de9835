/**
 * Docker's .dockerignore matching, rule for rule: patterns and paths are cleaned like Go's
 * `filepath.Clean`, `*` and `?` stop at `/`, `**` spans any number of folders, `[...]` is a
 * character class, `\` escapes the next character. A path is excluded when the last pattern that
 * matches it, or one of its parent folders, is not a `!` pattern ("the last match wins").
 */

/** Go's `filepath.Clean` for slash-separated paths. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** A path as Docker compares it: relative to the context root, cleaned, forward slashes. */
export function contextPath(path: string): string {
  let cleaned = cleanPath(path.replace(/\\/g, '/'));
  while (cleaned.startsWith('/')) cleaned = cleaned.slice(1);
  return cleaned === '' ? '.' : cleaned;
}

type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp';

/** One compiled pattern (without its `!`). */
export class CompiledPattern {
  readonly type: MatchType;
  private readonly regexp: RegExp | null;

  constructor(readonly pattern: string) {
    const compiled = compile(pattern);
    this.type = compiled.type;
    this.regexp = compiled.regexp;
  }

  /** Whether the pattern matches `path` itself (no parent folders). */
  matches(path: string): boolean {
    switch (this.type) {
      case 'exact':
        return path === this.pattern;
      case 'prefix':
        return path.startsWith(this.pattern.slice(0, -2));
      case 'suffix': {
        const suffix = this.pattern.slice(2);
        if (path.endsWith(suffix)) return true;
        return suffix.startsWith('/') && path === suffix.slice(1);
      }
      default:
        return this.regexp !== null && this.regexp.test(path);
    }
  }

  /** Whether the pattern matches `path` or one of its parent folders. */
  matchesOrParent(path: string): boolean {
    if (this.matches(path)) return true;
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.matches(parts.slice(0, i).join('/'))) return true;
    }
    return false;
  }
}

const REGEXP_ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$', '^']);

/** Turns a cleaned pattern into a matcher the way Docker does (including its shortcuts for `**`). */
function compile(pattern: string): { type: MatchType; regexp: RegExp | null } {
  let source = '^';
  let type: MatchType = 'exact';
  const chars = [...pattern];
  for (let i = 0, n = 0; i < chars.length; n++) {
    const ch = chars[i++];
    if (ch === '*') {
      if (chars[i] === '*') {
        i++;
        if (chars[i] === '/') i++;
        if (i >= chars.length) {
          if (type === 'exact') type = 'prefix';
          else {
            source += '.*';
            type = 'regexp';
          }
        } else {
          source += '(.*/)?';
          type = 'regexp';
        }
        if (n === 0) type = 'suffix';
      } else {
        source += '[^/]*';
        type = 'regexp';
      }
    } else if (ch === '?') {
      source += '[^/]';
      type = 'regexp';
    } else if (ch === '\\') {
      if (i < chars.length) {
        source += escapeChar(chars[i++]);
        type = 'regexp';
      } else {
        source += '\\\\';
      }
    } else if (ch === '[') {
      // A character class: copied through, its contents escaped for JavaScript.
      let j = i;
      let body = '';
      if (chars[j] === '^') {
        body += '^';
        j++;
      }
      let closed = false;
      for (; j < chars.length; j++) {
        const c = chars[j];
        if (c === ']' && body.replace(/^\^/, '') !== '') {
          closed = true;
          break;
        }
        if (c === '\\' && j + 1 < chars.length) body += escapeChar(chars[++j], true);
        else if (c === '-') body += '-';
        else body += escapeChar(c, true);
      }
      if (!closed) return { type: 'regexp', regexp: null };
      source += `[${body}]`;
      i = j + 1;
      type = 'regexp';
    } else if (REGEXP_ESCAPED.has(ch) || ch === ']') {
      source += '\\' + ch;
    } else {
      source += ch;
    }
  }
  if (type !== 'regexp') return { type, regexp: null };
  try {
    return { type, regexp: new RegExp(source + '$', 'u') };
  } catch {
    return { type, regexp: null };
  }
}

function escapeChar(ch: string, inClass = false): string {
  if (ch === '-') return inClass ? '\\-' : '-';
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? '\\' + ch : ch;
}

/**
 * Why Docker refuses a pattern (the build fails with "syntax error in pattern"), or null. Mirrors
 * `filepath.Match`'s checks: an unclosed `[`, an empty class, a bad range, a trailing `\`.
 */
export function patternError(pattern: string): string | null {
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\\') {
      if (i + 1 >= chars.length) return 'a trailing \\ escapes nothing';
      i++;
    } else if (ch === '[') {
      let j = i + 1;
      if (chars[j] === '^') j++;
      let count = 0;
      let closed = false;
      while (j < chars.length) {
        if (chars[j] === ']' && count > 0) {
          closed = true;
          break;
        }
        let low = chars[j];
        if (low === '\\') {
          j++;
          if (j >= chars.length) return 'a trailing \\ escapes nothing';
          low = chars[j];
        } else if (low === '-' && count === 0) return 'a character range lacks its start';
        j++;
        if (chars[j] === '-' && chars[j + 1] !== undefined && chars[j + 1] !== ']') {
          j++;
          let high = chars[j];
          if (high === '\\') {
            j++;
            if (j >= chars.length) return 'a trailing \\ escapes nothing';
            high = chars[j];
          }
          if (high.codePointAt(0)! < low.codePointAt(0)!) return `the range ${low}-${high} is backwards`;
          j++;
        }
        count++;
      }
      if (!closed) return count === 0 && chars[i + 1] === ']' ? 'an empty character class' : 'an unclosed [';
      i = j;
    }
  }
  return null;
}

/** True when the text has a wildcard, a class or an escape (it is not a plain name). */
export function hasMagic(text: string): boolean {
  return /[*?[\\]/.test(text);
}

/** What the matcher needs of a pattern. */
export interface PatternSpec {
  /** Cleaned, without `!` and the leading `/`. */
  pattern: string;
  negated: boolean;
}

/** A .dockerignore's patterns, in order. */
export class PatternMatcher {
  readonly compiled: CompiledPattern[];

  constructor(readonly specs: readonly PatternSpec[]) {
    this.compiled = specs.map((spec) => new CompiledPattern(spec.pattern));
  }

  /** The index of the last pattern matching the path or one of its parents; -1 when none does. */
  lastMatch(path: string): number {
    const cleaned = contextPath(path);
    if (cleaned === '.') return -1;
    for (let i = this.compiled.length - 1; i >= 0; i--) {
      if (this.compiled[i].matchesOrParent(cleaned)) return i;
    }
    return -1;
  }

  /** Whether Docker leaves the path out of the build context. */
  excludes(path: string): boolean {
    const last = this.lastMatch(path);
    return last >= 0 && !this.specs[last].negated;
  }

  /** Whether a `!` pattern after pattern `after` may re-include something at or below `path`. */
  mayReinclude(path: string, after = -1): boolean {
    return this.specs.some((spec, i) => i > after && spec.negated && mayOverlap(spec.pattern, contextPath(path)));
  }
}

/** Reads the pattern lines of a .dockerignore the way Docker does: `#` in the first column starts a comment, blank lines are skipped, `!` negates, a leading `/` is dropped. */
export function readPatterns(text: string): PatternSpec[] {
  const specs: PatternSpec[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
    const spec = readPatternLine(line);
    if (spec) specs.push(spec);
  }
  return specs;
}

/** One line as a pattern, or null for comments and blank lines. */
export function readPatternLine(line: string): PatternSpec | null {
  if (line.startsWith('#')) return null;
  let text = line.trim();
  if (text === '') return null;
  const negated = text.startsWith('!');
  if (negated) text = text.slice(1).trim();
  if (text !== '') {
    text = cleanPath(text);
    if (text.length > 1 && text.startsWith('/')) text = text.slice(1);
  }
  return { pattern: text, negated };
}

/** A matcher for a .dockerignore text. */
export function matcherFor(text: string): PatternMatcher {
  return new PatternMatcher(readPatterns(text).filter((spec) => spec.pattern !== '' && patternError(spec.pattern) === null));
}

function segmentRegExp(segment: string): RegExp | null {
  const compiled = compile(segment);
  if (compiled.type === 'exact') return new RegExp('^' + [...segment].map((c) => escapeChar(c)).join('') + '$', 'u');
  return compiled.regexp;
}

/**
 * False only when no path can match both patterns (counting parent folders); true when they may.
 * Answers "may" when unsure (`**`, two wildcards in the same place).
 */
export function mayOverlap(a: string, b: string): boolean {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x.includes('**') || y.includes('**')) return true;
    const xMagic = hasMagic(x);
    const yMagic = hasMagic(y);
    if (!xMagic && !yMagic) {
      if (x !== y) return false;
    } else if (xMagic !== yMagic) {
      const glob = segmentRegExp(xMagic ? x : y);
      if (glob && !glob.test(xMagic ? y : x)) return false;
    }
  }
  return true;
}

/**
 * True when pattern `outer` matches every path `inner` matches (counting parent folders), as far as
 * can be told: the same pattern, a pattern matching everything, or one matching the plain folder
 * names `inner` starts with.
 */
export function covers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (outer === '*' || outer === '**' || outer === '**/*') return true;
  const literal: string[] = [];
  for (const segment of inner.split('/')) {
    if (hasMagic(segment)) break;
    literal.push(segment);
  }
  if (literal.length === 0) return false;
  return compiledPattern(outer).matchesOrParent(literal.join('/'));
}

/** Compiled patterns by text: pairwise checks compile each pattern once, not once per pair. */
const compiledCache = new Map<string, CompiledPattern>();
const COMPILED_CACHE_SIZE = 20_000;

function compiledPattern(pattern: string): CompiledPattern {
  let compiled = compiledCache.get(pattern);
  if (!compiled) {
    if (compiledCache.size >= COMPILED_CACHE_SIZE) compiledCache.clear();
    compiled = new CompiledPattern(pattern);
    compiledCache.set(pattern, compiled);
  }
  return compiled;
}
