/** Small helpers shared by the BuildKit-check rules: variable references, suggestions, platforms. */
import type { Range } from '../../engine/text';
import type { Word } from '../../dockerfile/instruction';

/** BuildKit's automatic platform ARGs: defined for FROM lines, and inside a stage only once redeclared with ARG. */
export const PLATFORM_ARGS: ReadonlyMap<string, string> = new Map([
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
]);

export interface VariableRef {
  name: string;
  /** Offsets in the text: `$NAME` or `${NAME…}` as a whole. */
  start: number;
  end: number;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `%`, `/`… or '' for a plain reference. */
  operator: string;
  /** The word after the operator (`${A:-default}` gives `default`). */
  word: string;
}

/**
 * The `$NAME` / `${NAME…}` references of a Dockerfile word as BuildKit expands them: not inside
 * single quotes, not after the escape character. Nested references inside a `${A:-$B}` default are
 * included.
 */
export function variableRefs(text: string, escape = '\\'): VariableRef[] {
  const refs: VariableRef[] = [];
  let single = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && !single) {
      i++;
      continue;
    }
    if (c === "'") {
      single = !single;
      continue;
    }
    if (c !== '$' || single) continue;
    if (text[i + 1] === '{') {
      const close = matchingBrace(text, i + 2);
      if (close < 0) continue;
      const inner = text.slice(i + 2, close);
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(inner);
      if (match) {
        const rest = match[2];
        const op = /^(:[-+?]|[-+?]|##?|%%?|\/\/?)/.exec(rest)?.[0] ?? '';
        const word = rest.slice(op.length);
        refs.push({ name: match[1], start: i, end: close + 1, operator: op, word });
        for (const nested of variableRefs(word, escape)) {
          const offset = i + 2 + match[1].length + op.length;
          refs.push({ ...nested, start: nested.start + offset, end: nested.end + offset });
        }
      }
      i = close;
      continue;
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
    if (match) {
      refs.push({ name: match[0], start: i, end: i + 1 + match[0].length, operator: '', word: '' });
      i += match[0].length;
    }
  }
  return refs;
}

function matchingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Expands references from `values`; names not in `values` expand to the empty string, as an unset ARG does. */
export function expandAll(text: string, values: ReadonlyMap<string, string>, escape = '\\'): string {
  let out = '';
  let cursor = 0;
  for (const ref of variableRefs(text, escape)) {
    if (ref.start < cursor) continue; // nested in a default already handled
    out += text.slice(cursor, ref.start);
    const value = values.get(ref.name);
    const set = value !== undefined;
    const empty = !set || value === '';
    const word = expandAll(ref.word, values, escape);
    switch (ref.operator) {
      case ':-': out += empty ? word : value; break;
      case '-': out += set ? value : word; break;
      case ':+': out += empty ? '' : word; break;
      case '+': out += set ? word : ''; break;
      default: out += value ?? '';
    }
    cursor = ref.end;
  }
  return out + text.slice(cursor);
}

/**
 * The name among `options` that `name` was probably meant to be (a different case, or one or two
 * typos), as BuildKit suggests. Only names a `$` reference can spell are suggested: a broken
 * declaration (`ARG VERSION|`) is no suggestion.
 */
export function suggestName(name: string, options: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const option of options) {
    if (option === name || !VARIABLE_NAME.test(option)) continue;
    if (option.toLowerCase() === name.toLowerCase()) return option;
    const distance = levenshtein(name, option);
    const limit = Math.min(2, Math.floor(name.length / 2));
    if (distance <= limit && distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}

/** The document range of `word.value[start, end)`, exact when the word sits on one line as written; else the whole word. */
export function rangeInWord(word: Word, start: number, end: number): Range {
  const r = word.range;
  if (r.start.line === r.end.line && r.end.character - r.start.character === word.value.length) {
    return { start: { line: r.start.line, character: r.start.character + start }, end: { line: r.start.line, character: r.start.character + end } };
  }
  return r;
}

/** Operating systems Go (and so containerd's platform matcher) knows. */
export const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);

/** Architectures Go knows, after containerd's normalisation. */
export const KNOWN_ARCH = new Set([
  '386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32',
  'mips64p32le', 'ppc', 'ppc64', 'ppc64le', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm',
]);

/** containerd's architecture aliases. */
export function normalizeArch(arch: string): string {
  const lower = arch.toLowerCase();
  switch (lower) {
    case 'i386': case 'i486': case 'i586': case 'i686': case 'x86': return '386';
    case 'x86_64': case 'x86-64': case 'amd64': return 'amd64';
    case 'aarch64': case 'arm64': return 'arm64';
    case 'armhf': case 'armel': case 'arm': return 'arm';
    default: return lower;
  }
}

export interface PlatformSpec {
  os: string | null;
  arch: string | null;
  variant: string | null;
}

/** Reads `os[/arch[/variant]]` (or a lone OS or architecture) as containerd does; null when it cannot be read. */
export function parsePlatform(text: string): PlatformSpec | null {
  const parts = text.trim().split('/');
  if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) return null;
  const os = parts[0].replace(/\(.*\)$/, '').toLowerCase();
  if (parts.length === 1) {
    if (KNOWN_OS.has(os === 'macos' ? 'darwin' : os)) return { os, arch: null, variant: null };
    return { os: null, arch: normalizeArch(parts[0]), variant: null };
  }
  return { os: os === 'macos' ? 'darwin' : os, arch: normalizeArch(parts[1]), variant: parts[2] ?? null };
}

/**
 * The `NAME[=value]` pairs of an ARG. The model gives one property for a single ARG; an ARG with
 * several pairs (`ARG A=1 B=2`) is read from its words here.
 */
export function argPairs(instruction: import('../../dockerfile/instruction').Instruction): { name: string; valueRange: Range | null }[] {
  if (instruction.properties.length > 0) return instruction.properties.map((p) => ({ name: p.name, valueRange: p.valueRange }));
  return instruction.args.flatMap((word) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(=?)/.exec(word.value);
    if (!match) return [];
    const at = match[0].length;
    const exact = word.range.start.line === word.range.end.line && word.range.end.character - word.range.start.character === word.value.length;
    const valueRange = match[2] && exact ? rangeInWord(word, at, word.value.length) : null;
    return [{ name: match[1], valueRange }];
  });
}
