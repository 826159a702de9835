/**
 * A small POSIX-shell reader for RUN scripts: splits a script into simple commands at `&&`, `||`,
 * `;`, `|`, `&`, newlines and parentheses, and each command into words with their offsets in the
 * script. It does not run or expand anything; quotes are removed from `value`, kept in `raw`.
 */

export interface ShellWord {
  /** The word with quotes and escapes removed (no expansion). */
  value: string;
  /** Offsets in the script: [start, end). */
  start: number;
  end: number;
  /** True when any part of the word was quoted. */
  quoted: boolean;
}

export interface ShellCommand {
  /** Every word of the simple command, assignments and wrappers included. */
  words: ShellWord[];
  /** Index in `words` of the program that runs (after `VAR=x`, `sudo`, `env`, `exec`…); -1 when none. */
  nameIndex: number;
  /** The operator before this command: '', '&&', '||', ';', '|', '&', '\n', '(' or ')'. */
  separatorBefore: string;
  /** The operator after this command ('' at the end). */
  separatorAfter: string;
  start: number;
  end: number;
}

const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'time', 'nice', 'nohup', 'builtin', 'doas', 'eatmydata', 'stdbuf', 'su-exec', 'gosu']);
const PREFIX_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac']);

export function commandName(command: ShellCommand): string {
  return command.nameIndex >= 0 ? command.words[command.nameIndex].value : '';
}

/** The words after the program name. */
export function commandArgs(command: ShellCommand): ShellWord[] {
  return command.nameIndex >= 0 ? command.words.slice(command.nameIndex + 1) : [];
}

/** The program name without its directory (`/usr/bin/pip3` → `pip3`). */
export function baseCommandName(command: ShellCommand): string {
  const name = commandName(command);
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

export function parseShell(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let separatorBefore = '';
  let commandStart = -1;
  let i = 0;
  const n = script.length;

  const finish = (separator: string) => {
    if (words.length > 0) {
      commands.push({
        words,
        nameIndex: findNameIndex(words),
        separatorBefore,
        separatorAfter: separator,
        start: commandStart,
        end: words[words.length - 1].end,
      });
    }
    words = [];
    separatorBefore = separator;
    commandStart = -1;
  };

  while (i < n) {
    const c = script[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      finish('\n');
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && script[i] !== '\n') i++;
      continue;
    }
    if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
      const two = script.slice(i, i + 2);
      if (two === '&&' || two === '||' || two === ';;') {
        finish(two);
        i += 2;
        continue;
      }
      if (c === '&' && script[i + 1] === '>') {
        // `&>file` redirection: part of the command
      } else {
        finish(c);
        i++;
        continue;
      }
    }
    // A word.
    const start = i;
    let value = '';
    let quoted = false;
    while (i < n) {
      const ch = script[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ';' || ch === '|' || ch === '(' || ch === ')') break;
      // `&` ends the word, except in `&>file` and in `2>&1` / `<&3` redirections.
      if (ch === '&' && script[i + 1] !== '>' && !(i > start && (script[i - 1] === '>' || script[i - 1] === '<'))) break;
      if (ch === '\\') {
        if (i + 1 < n && script[i + 1] !== '\n') value += script[i + 1];
        i += 2;
        continue;
      }
      if (ch === "'") {
        quoted = true;
        const close = script.indexOf("'", i + 1);
        const end = close === -1 ? n : close;
        value += script.slice(i + 1, end);
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        i++;
        while (i < n && script[i] !== '"') {
          if (script[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(script[i + 1])) {
            if (script[i + 1] !== '\n') value += script[i + 1];
            i += 2;
            continue;
          }
          if (script[i] === '$' && script[i + 1] === '(') {
            const end = skipSubstitution(script, i + 2);
            value += script.slice(i, end);
            i = end;
            continue;
          }
          value += script[i];
          i++;
        }
        i++;
        continue;
      }
      if (ch === '$' && script[i + 1] === '(') {
        const end = skipSubstitution(script, i + 2);
        value += script.slice(i, end);
        i = end;
        continue;
      }
      if (ch === '`') {
        const close = script.indexOf('`', i + 1);
        const end = close === -1 ? n : close + 1;
        value += script.slice(i, end);
        i = end;
        continue;
      }
      value += ch;
      i++;
    }
    if (commandStart < 0) commandStart = start;
    words.push({ value, start, end: Math.min(i, n), quoted });
  }
  finish('');
  return commands;
}

/**
 * True when text appended to `script` would not start a new command: the script ends inside a
 * quote, a backtick or a `$(…)`, or with a backslash that escapes the line break after it.
 */
export function scriptEndsOpen(script: string): boolean {
  const n = script.length;
  let i = 0;
  const skipDoubleQuoted = (): boolean => {
    // From just after `"`; false when the closing quote is missing.
    while (i < n) {
      const c = script[i];
      if (c === '\\') i += 2;
      else if (c === '"') {
        i++;
        return true;
      } else if (c === '$' && script[i + 1] === '(') {
        if (!skipSubstitutionClosed()) return false;
      } else if (c === '`') {
        const close = script.indexOf('`', i + 1);
        if (close === -1) return false;
        i = close + 1;
      } else i++;
    }
    return false;
  };
  const skipSubstitutionClosed = (): boolean => {
    // From `$(`; false when the matching `)` is missing.
    i += 2;
    let depth = 1;
    while (i < n && depth > 0) {
      const c = script[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === "'") {
        const close = script.indexOf("'", i + 1);
        if (close === -1) return false;
        i = close + 1;
        continue;
      }
      if (c === '"') {
        i++;
        if (!skipDoubleQuoted()) return false;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') depth--;
      i++;
    }
    return depth === 0;
  };
  while (i < n) {
    const c = script[i];
    if (c === '\\') {
      if (i + 1 >= n) return true;
      i += 2;
    } else if (c === '#' && (i === 0 || /[\s;&|()]/.test(script[i - 1]))) {
      while (i < n && script[i] !== '\n') i++;
    } else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      if (close === -1) return true;
      i = close + 1;
    } else if (c === '"') {
      i++;
      if (!skipDoubleQuoted()) return true;
    } else if (c === '`') {
      const close = script.indexOf('`', i + 1);
      if (close === -1) return true;
      i = close + 1;
    } else if (c === '$' && script[i + 1] === '(') {
      if (!skipSubstitutionClosed()) return true;
    } else i++;
  }
  return false;
}

/** From just after `$(` to just after its matching `)`, honouring quotes and nesting. */
function skipSubstitution(script: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < script.length && depth > 0) {
    const c = script[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      i = close === -1 ? script.length : close + 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    i++;
  }
  return i;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function findNameIndex(words: ShellWord[]): number {
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (PREFIX_KEYWORDS.has(word.value) && !word.quoted) {
      i++;
      continue;
    }
    if (ASSIGNMENT.test(word.value) && !word.quoted) {
      i++;
      continue;
    }
    const base = word.value.slice(word.value.lastIndexOf('/') + 1);
    if (WRAPPERS.has(base)) {
      i++;
      // Options of the wrapper (sudo -u user, env -i, nice -n 5) and env's assignments.
      while (i < words.length && (words[i].value.startsWith('-') || ASSIGNMENT.test(words[i].value))) {
        const option = words[i].value;
        i++;
        if ((base === 'sudo' || base === 'doas') && /^-[ugCDhprtT]$/.test(option)) i++;
        else if (base === 'nice' && option === '-n') i++;
        else if (base === 'env' && /^-[uSC]$/.test(option)) i++;
      }
      if ((base === 'su-exec' || base === 'gosu') && i < words.length) i++; // the user to run as
      continue;
    }
    return i;
  }
  return -1;
}

/** True when the command has the flag, as `-y`, inside a short group (`-qy`), or as `--yes`/`--yes=…`. */
export function hasFlag(args: readonly ShellWord[], shortFlag: string | null, ...longFlags: string[]): boolean {
  return args.some((arg) => isFlag(arg.value, shortFlag, longFlags));
}

export function isFlag(value: string, shortFlag: string | null, longFlags: readonly string[]): boolean {
  if (value.startsWith('--')) {
    const name = value.split('=')[0];
    return longFlags.includes(name);
  }
  if (shortFlag && value.startsWith('-') && value.length > 1 && !value.startsWith('--')) {
    return /^-[A-Za-z]+$/.test(value) ? value.includes(shortFlag) : value === `-${shortFlag}`;
  }
  return false;
}
