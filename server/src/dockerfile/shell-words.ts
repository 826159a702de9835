/**
 * A small POSIX-shell reader for RUN scripts: splits a script into simple commands at `&&`, `||`,
 * `;`, `|`, `&`, newlines and parentheses, and each command into words with their offsets in the
 * script. It does not run or expand anything; quotes are removed from `value`, kept in `raw`.
 * In `case WORD in pattern|pattern) …;; esac` the patterns are skipped: `case WORD in` is a command
 * of its own (with no program), and each arm's commands follow with `)` before them.
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
  /** The operator before this command: '', '&&', '||', ';', ';;', '|', '&', '\n', '(' or ')' (also after a case pattern). */
  separatorBefore: string;
  /** The operator after this command ('' at the end). */
  separatorAfter: string;
  start: number;
  end: number;
}

/** Programs that run the command given in their arguments (`xargs` adds arguments read from stdin). */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'time', 'nice', 'nohup', 'builtin', 'doas', 'eatmydata', 'stdbuf', 'su-exec', 'gosu', 'timeout', 'xargs']);
/** Options of a wrapper that take the next word as their value. */
const WRAPPER_VALUE_OPTIONS: Record<string, RegExp> = {
  sudo: /^-[ugCDhprtT]$/,
  doas: /^-[ugCDhprtT]$/,
  nice: /^-n$/,
  env: /^-[uSC]$/,
  timeout: /^-[ks]$/,
  xargs: /^-[adEILnPs]$/,
};
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
  // Open `case` statements: how many, and where the one being read is in its header.
  let openCases = 0;
  let caseHeader: 'subject' | 'in' | null = null;

  const finish = (separator: string) => {
    if (words.length > 0) {
      commands.push({
        words,
        nameIndex: findNameIndex(script, words),
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
    if (c === ';' && openCases > 0) {
      // The end of a case arm (`;;`, or bash's `;&` and `;;&`): patterns follow.
      const end = /^;(;&?|&)/.exec(script.slice(i, i + 3));
      if (end) {
        finish(';;');
        i = skipCasePatterns(i + end[0].length);
        continue;
      }
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
            const end = substitutionEndOrLength(script, i + 2);
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
        const end = substitutionEndOrLength(script, i + 2);
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
    if (caseHeader === 'subject') caseHeader = 'in';
    else if (caseHeader === 'in') {
      caseHeader = null;
      if (value === 'in' && !quoted) {
        openCases++;
        i = skipCasePatterns(i);
      }
    } else if (!quoted && value === 'case' && words.slice(0, -1).every((w) => PREFIX_KEYWORDS.has(w.value) && !w.quoted)) caseHeader = 'subject';
    else if (!quoted && value === 'esac' && words.length === 1 && openCases > 0) openCases--;
  }
  finish('');
  return commands;

  /**
   * From after `in` or the end of an arm: skips the next arm's patterns (`(a|b)`, `x86_64|amd64)`)
   * and returns where its commands start; stops before `esac`.
   */
  function skipCasePatterns(from: number): number {
    let at = skipBlanks(script, from);
    if (script.startsWith('esac', at) && isWordEnd(script, at + 4)) {
      if (words.length > 0) finish(';');
      return at;
    }
    if (script[at] === '(') at++;
    const close = patternEnd(script, at);
    finish(')');
    return close;
  }
}

/** Skips white space, line breaks, escaped line breaks and comments. */
function skipBlanks(script: string, from: number): number {
  let i = from;
  while (i < script.length) {
    const c = script[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') i++;
    else if (c === '\\' && script[i + 1] === '\n') i += 2;
    else if (c === '#') while (i < script.length && script[i] !== '\n') i++;
    else break;
  }
  return i;
}

function isWordEnd(script: string, at: number): boolean {
  return at >= script.length || /[\s;&|()]/.test(script[at]);
}

/** From the start of a case pattern list to just after the `)` that closes it (or the script's end). */
function patternEnd(script: string, from: number): number {
  let i = from;
  while (i < script.length) {
    const c = script[i];
    if (c === ')') return i + 1;
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      i = close === -1 ? script.length : close + 1;
    } else if (c === '"') i = doubleQuotedEndOrLength(script, i + 1);
    else if (c === '$' && script[i + 1] === '(') i = substitutionEndOrLength(script, i + 2);
    else i++;
  }
  return script.length;
}

/**
 * True when text appended to `script` would not start a new command: the script ends inside a
 * quote, a backtick or a `$(…)`, or with a backslash that escapes the line break after it.
 */
export function scriptEndsOpen(script: string): boolean {
  const n = script.length;
  let i = 0;
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
      i = doubleQuotedEnd(script, i + 1);
      if (i < 0) return true;
    } else if (c === '`') {
      const close = script.indexOf('`', i + 1);
      if (close === -1) return true;
      i = close + 1;
    } else if (c === '$' && script[i + 1] === '(') {
      i = substitutionEnd(script, i + 2);
      if (i < 0) return true;
    } else i++;
  }
  return false;
}

/** From just after an opening `"` to just after its closing one; -1 when it is missing. */
function doubleQuotedEnd(script: string, from: number): number {
  let i = from;
  while (i < script.length) {
    const c = script[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '$' && script[i + 1] === '(') {
      i = substitutionEnd(script, i + 2);
      if (i < 0) return -1;
    } else if (c === '`') {
      const close = script.indexOf('`', i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

function doubleQuotedEndOrLength(script: string, from: number): number {
  const end = doubleQuotedEnd(script, from);
  return end < 0 ? script.length : end;
}

/**
 * From just after `$(` to just after its matching `)`; -1 when it is missing. Honours quotes,
 * nesting, and the unbalanced `)` of case patterns (`$(case $a in x) echo 1;; esac)`).
 */
function substitutionEnd(script: string, from: number): number {
  let depth = 1;
  let i = from;
  // For each open case: reading its subject, a pattern list, or an arm's commands.
  const cases: ('subject' | 'pattern' | 'arm')[] = [];
  while (i < script.length) {
    const c = script[i];
    const open = cases[cases.length - 1];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else if (c === '"') {
      i = doubleQuotedEnd(script, i + 1);
      if (i < 0) return -1;
    } else if (c === '`') {
      const close = script.indexOf('`', i + 1);
      if (close === -1) return -1;
      i = close + 1;
    } else if (c === '$' && script[i + 1] === '(') {
      i = substitutionEnd(script, i + 2);
      if (i < 0) return -1;
    } else if (c === ')' && open === 'pattern') {
      cases[cases.length - 1] = 'arm';
      i++;
    } else if (c === '(' && open === 'pattern') i++;
    else if (c === '(' || c === ')') {
      depth += c === '(' ? 1 : -1;
      i++;
      if (depth === 0) return i;
    } else if (c === ';' && open === 'arm' && (script[i + 1] === ';' || script[i + 1] === '&')) {
      cases[cases.length - 1] = 'pattern';
      i += script.startsWith(';;&', i) ? 3 : 2;
    } else if (/[a-z]/.test(c) && (i === from || /[\s;&|()]/.test(script[i - 1]))) {
      const word = /^[a-z]+/.exec(script.slice(i, i + 5))![0];
      if (isWordEnd(script, i + word.length)) {
        if (word === 'case' && open !== 'pattern') cases.push('subject');
        else if (word === 'in' && open === 'subject') cases[cases.length - 1] = 'pattern';
        else if (word === 'esac' && (open === 'pattern' || open === 'arm')) cases.pop();
      }
      i += word.length;
    } else i++;
  }
  return -1;
}

function substitutionEndOrLength(script: string, from: number): number {
  const end = substitutionEnd(script, from);
  return end < 0 ? script.length : end;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** `NAME=value` with the name and `=` unquoted (`A="b c"` is an assignment, `"A=b"` is not). */
function isAssignment(script: string, word: ShellWord): boolean {
  return ASSIGNMENT.test(script.slice(word.start, word.end));
}

function findNameIndex(script: string, words: ShellWord[]): number {
  let i = 0;
  while (i < words.length) {
    const word = words[i];
    if (PREFIX_KEYWORDS.has(word.value) && !word.quoted) {
      i++;
      continue;
    }
    if (isAssignment(script, word)) {
      i++;
      continue;
    }
    // `case WORD in`: the subject is not a program.
    if (word.value === 'case' && !word.quoted) return -1;
    const base = word.value.slice(word.value.lastIndexOf('/') + 1);
    if (WRAPPERS.has(base)) {
      i++;
      // Options of the wrapper (sudo -u user, env -i, nice -n 5, xargs -n 1) and the assignments it takes (env A=b).
      const valueOption = WRAPPER_VALUE_OPTIONS[base];
      while (i < words.length && (words[i].value.startsWith('-') || ASSIGNMENT.test(words[i].value))) {
        const option = words[i].value;
        i++;
        if (valueOption?.test(option)) i++;
      }
      // The user to run as (su-exec app cmd), the time limit (timeout 60 cmd).
      if ((base === 'su-exec' || base === 'gosu' || base === 'timeout') && i < words.length) i++;
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
