/**
 * Turning a shell-form command into exec form (a JSON array): plain words become elements; a
 * command that needs a shell (pipes, `&&`, variables, redirects, globs) becomes
 * `["sh", "-c", "…"]`, with `exec` before its last command when that is safe so the program
 * still replaces the shell as PID 1.
 */
import { parseShell, type ShellCommand } from './shell-words';
import type { SourceText } from './source-text';

export interface ExecForm {
  elements: string[];
  /** True when the command keeps a shell: `["sh", "-c", script]`. */
  viaShell: boolean;
  /** True when `exec` was put before the script's last command. */
  execAdded: boolean;
  /** True when the program replaces the shell (no shell, or `exec` before the last command). */
  replacesShell: boolean;
}

const SHELL_SYNTAX = /[$`*?[\]~<>{}!#;&|()]/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'case', 'esac', 'function', '!', '{', '}', '[[', ']]']);
const SAFE_SEPARATORS = new Set(['', '&&', ';', '\n']);

/** True when the script is one simple command whose words mean the same without a shell. */
export function isPlainCommand(script: string, commands: ShellCommand[] = parseShell(script)): boolean {
  if (commands.length !== 1) return false;
  const command = commands[0];
  if (command.separatorAfter !== '' || command.separatorBefore !== '') return false;
  if (script.slice(command.end).trim() !== '') return false;
  return command.words.every((word, i) => {
    const raw = script.slice(word.start, word.end);
    if (hasShellSyntax(raw)) return false;
    if (i === 0 && (ASSIGNMENT.test(raw) || KEYWORDS.has(raw))) return false;
    return true;
  });
}

/** True when the word, outside single quotes (and for `$` and backticks, inside double quotes), uses shell syntax. */
function hasShellSyntax(raw: string): boolean {
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = '';
      continue;
    }
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = '';
      else if (c === '$' || c === '`') return true;
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (SHELL_SYNTAX.test(c)) return true;
  }
  return false;
}

/**
 * The exec form of a shell-form command. `execLast` (for CMD/ENTRYPOINT) puts `exec` before the
 * last command of a script that keeps its shell. Null for an empty script.
 */
export function shellToExecForm(script: string, options: { execLast: boolean }): ExecForm | null {
  const text = script.trim();
  if (text === '') return null;
  const commands = parseShell(text);
  if (isPlainCommand(text, commands)) {
    const words = commands[0].words.map((w) => w.value);
    const elements = words[0] === 'exec' ? words.slice(1) : words;
    if (elements.length === 0) return null;
    return { elements, viaShell: false, execAdded: false, replacesShell: true };
  }
  let body = text;
  let execAdded = false;
  const at = execInsertionPoint(text, commands);
  if (options.execLast && typeof at === 'number') {
    body = text.slice(0, at) + 'exec ' + text.slice(at);
    execAdded = true;
  }
  return { elements: ['sh', '-c', body], viaShell: true, execAdded, replacesShell: execAdded || at === 'exec' };
}

/**
 * Where `exec ` can go so the last command replaces the shell; 'exec' when it already starts with
 * exec; null when it cannot (pipes, `||`, loops).
 */
function execInsertionPoint(text: string, commands: ShellCommand[]): number | 'exec' | null {
  if (commands.length === 0) return null;
  if (!commands.every((c) => SAFE_SEPARATORS.has(c.separatorBefore) && SAFE_SEPARATORS.has(c.separatorAfter))) return null;
  const last = commands[commands.length - 1];
  if (last.separatorAfter !== '' || text.slice(last.end).trim() !== '') return null;
  if (commands.some((c) => c.words.some((w) => KEYWORDS.has(text.slice(w.start, w.end))))) return null;
  let i = 0;
  while (i < last.words.length && ASSIGNMENT.test(text.slice(last.words[i].start, last.words[i].end))) i++;
  if (i >= last.words.length) return null;
  if (last.words[i].value === 'exec') return 'exec';
  return last.words[i].start;
}

/** `["a", "b"]`, each element JSON-quoted. */
export function formatJsonArray(elements: readonly string[]): string {
  return '[' + elements.map((e) => JSON.stringify(e)).join(', ') + ']';
}

/**
 * The text on one line: where a continuation joined two document lines, the white space around
 * the join becomes a single space.
 */
export function singleLine(source: SourceText): string {
  const text = source.text;
  let out = '';
  let previousLine = -1;
  for (let i = 0; i < text.length; i++) {
    const line = source.positionAt(i).line;
    if (previousLine !== -1 && line !== previousLine) {
      out = out.replace(/[ \t]+$/, '');
      let j = i;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t') && source.positionAt(j).line === line) j++;
      if (out.length > 0) out += ' ';
      i = j - 1;
      previousLine = line;
      continue;
    }
    previousLine = line;
    out += text[i];
  }
  return out.trim();
}
