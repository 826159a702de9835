import { defineRule } from '../../engine/rule';
import type { Range } from '../../engine/text';
import { stagesInImage } from '../../dockerfile/package-commands';
import type { ShellWord } from '../../dockerfile/shell-words';
import type { SourceText } from '../../dockerfile/source-text';
import { scriptCommands, wordRange } from './insecure-flag-helpers';

/** For a numeric mode: the mode without group and other write bits, or null when others cannot write. */
function saferNumeric(mode: string): string | null {
  if (!/^[0-7]{3,4}$/.test(mode)) return null;
  const digits = mode.split('').map(Number);
  const other = digits[digits.length - 1];
  if ((other & 2) === 0) return null;
  if (digits.length === 4 && (digits[0] & 1) === 1) return null; // sticky bit: a shared /tmp-like folder
  const fixed = digits.map((d, i) => (i >= digits.length - 2 ? d & ~2 : d));
  return fixed.join('');
}

/**
 * True when a symbolic mode (`a+rwx`, `o+w,g+w`, `a+rwX,o-w`) leaves others with write permission
 * and without the sticky bit, read clause by clause from a file others cannot write. A clause
 * without `u`/`g`/`o`/`a` is limited by the umask (022 in a build), so it never gives others write.
 */
function symbolicWorldWritable(mode: string): boolean {
  let write = false;
  let sticky = false;
  for (const clause of mode.split(',')) {
    const match = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(clause);
    if (!match) return false; // not a mode chmod accepts
    const who = match[1];
    const others = who.includes('o') || who.includes('a');
    for (const [, operator, perms] of match[2].matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) {
      // Copying the owner's bits (`o=u`) gives write: the owner can write its files.
      const grantsWrite = perms.includes('w') || perms === 'u';
      if (others) {
        if (operator === '=') write = grantsWrite;
        else if (grantsWrite) write = operator === '+';
      } else if (!who && operator === '=') write = false;
      if (others || !who) {
        if (operator === '=') sticky = perms.includes('t');
        else if (perms.includes('t')) sticky = operator === '+';
      }
    }
  }
  return write && !sticky;
}

function worldWritable(mode: string): boolean {
  return saferNumeric(mode) !== null || symbolicWorldWritable(mode);
}

/** A mode given to a command, and what it applies to. */
interface ModeUse {
  /** `chmod`, `mkdir -m`, `install -m`. */
  label: string;
  mode: string;
  /** The word holding the mode (`777`, `--mode=777`, `-pm777`). */
  word: ShellWord;
  targets: string;
  recursive: boolean;
}

/** `chmod [options] MODE FILE…` from the words after `chmod`. */
function chmodUse(args: readonly ShellWord[], targets?: string): ModeUse | null {
  const modeIndex = args.findIndex((a) => !a.value.startsWith('-'));
  const word = args[modeIndex];
  if (!word) return null;
  const files = args.slice(modeIndex + 1).filter((a) => !a.value.startsWith('-')).map((a) => a.value);
  const recursive = targets !== undefined || args.slice(0, modeIndex).some((a) => a.value === '--recursive' || /^-[a-zA-Z]*R/.test(a.value));
  return { label: 'chmod', mode: word.value, word, targets: targets ?? files.join(' '), recursive };
}

/** Short options that take a value, and long ones that take the next word when written without `=`. */
const MODE_COMMANDS: Record<string, { short: string; long: readonly string[] }> = {
  mkdir: { short: 'm', long: ['--mode'] },
  install: { short: 'gmoSt', long: ['--mode', '--group', '--owner', '--suffix', '--target-directory', '--strip-program'] },
};

/** `mkdir -m MODE DIR…`, `install -d -m MODE DIR…`, `install -m MODE SOURCE… DEST`. */
function modeOptionUse(name: string, args: readonly ShellWord[]): ModeUse | null {
  const options = MODE_COMMANDS[name];
  let mode: { value: string; word: ShellWord } | null = null;
  let targetDirectory: string | null = null;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value.startsWith('--')) {
      const [option, inline] = value.includes('=') ? [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)] : [value, null];
      const taken = inline ?? (options.long.includes(option) ? args[++i]?.value : undefined);
      if (option === '--mode' && taken !== undefined) mode = { value: taken, word: args[i] };
      if (option === '--target-directory' && taken !== undefined) targetDirectory = taken;
    } else if (value.startsWith('-') && value.length > 1) {
      for (let k = 1; k < value.length; k++) {
        if (!options.short.includes(value[k])) continue;
        const attached = value.slice(k + 1);
        const word = attached ? args[i] : args[i + 1];
        const taken = attached || args[++i]?.value;
        if (value[k] === 'm' && taken !== undefined && word) mode = { value: taken, word };
        if (value[k] === 't' && taken !== undefined) targetDirectory = taken;
        break;
      }
    } else operands.push(value);
  }
  if (!mode) return null;
  const directories = name === 'mkdir' || args.some((a) => a.value === '--directory' || /^-[a-zA-Z]*d/.test(a.value));
  const targets = directories ? operands.join(' ') : targetDirectory ?? operands[operands.length - 1] ?? '';
  return { label: `${name} -m`, mode: mode.value, word: mode.word, targets, recursive: false };
}

/** `find PATH… -exec chmod MODE {} +`: the chmod of every `-exec`, applied to what find walks. */
function findExecUses(args: readonly ShellWord[]): ModeUse[] {
  const firstExpression = args.findIndex((a) => /^[-(!]/.test(a.value));
  const paths = (firstExpression < 0 ? args : args.slice(0, firstExpression)).map((a) => a.value).join(' ') || '.';
  const out: ModeUse[] = [];
  for (let i = 0; i < args.length; i++) {
    if (!/^-(exec|execdir|ok|okdir)$/.test(args[i].value)) continue;
    let end = i + 1;
    while (end < args.length && args[end].value !== ';' && args[end].value !== '+') end++;
    const program = args[i + 1]?.value ?? '';
    if (program.slice(program.lastIndexOf('/') + 1) === 'chmod') {
      const use = chmodUse(args.slice(i + 2, end), paths);
      if (use) out.push(use);
    }
    i = end;
  }
  return out;
}

function modeUses(name: string, args: readonly ShellWord[]): ModeUse[] {
  if (name === 'chmod') return [chmodUse(args)].filter((use) => use !== null);
  if (name === 'mkdir' || name === 'install') return [modeOptionUse(name, args)].filter((use) => use !== null);
  if (name === 'find') return findExecUses(args);
  return [];
}

/** The range of the mode inside its word, when the word is written as it reads (no quotes or escapes). */
function modeRange(script: SourceText, use: ModeUse): Range | null {
  const { word, mode } = use;
  if (word.quoted || word.end - word.start !== word.value.length || !word.value.endsWith(mode)) return null;
  return script.rangeOf(word.end - mode.length, word.end);
}

export const chmodWorldWritable = defineRule({
  id: 'chmod-world-writable',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'chmod (or `mkdir -m`, `install -m`, `COPY --chmod`) makes files writable by every user: `777`, `666`, `a+rwx`, `o+w`.',
    why: 'World-writable files let any process in the container (a compromised dependency, a non-root worker) rewrite the application, its configuration or scripts that root runs later. Usually the intent is "make it executable" or "let the app user write here": give that user ownership instead (`chown`, `COPY --chown`).',
    bad: 'RUN chmod -R 777 /app',
    good: 'RUN chown -R app:app /app && chmod -R 755 /app',
    notes: 'Also read: `find … -exec chmod`, `xargs chmod`, `mkdir -m`/`--mode` and `install -m`. A symbolic mode counts by its net effect (`a+rwX,o-w` is fine). Modes with the sticky bit (`1777`, `a+rwxt`: shared temporary folders) are not reported, nor are build stages whose files never reach the image (neither the final stage, a stage it builds on, nor one it copies files from). The fix removes the group and other write bits of a numeric mode (`777` → `755`); symbolic modes are reported without a fix. For `chmod -R` and `find -exec chmod` the fix is offered but not applied by `--fix`: a recursive world-writable folder is usually one a non-owner writes to, and the narrower mode alone would break that; give that user ownership (`chown`) with it.',
  },
  check({ model, report }) {
    const inImage = stagesInImage(model);
    const shipped = (instruction: Parameters<typeof model.stageOf>[0]) => {
      const stage = model.stageOf(instruction);
      return !stage || inImage.has(stage);
    };
    const emit = (range: Range, label: string, mode: string, target: string, editRange: Range | null, recursive: boolean) => {
      const safer = saferNumeric(mode);
      report({
        range,
        message: `${label} ${mode} makes ${target || 'the files'} writable by every user`,
        // A recursive chmod is usually there so a non-owner can write into a folder: the narrower mode
        // would break that at run time, so --fix leaves it to the user (who should chown instead).
        fixes: safer && editRange ? [{ title: recursive ? `Use ${safer} (then give the writing user ownership)` : `Use ${safer}`, isPreferred: !recursive, edits: [{ range: editRange, newText: safer }] }] : [],
      });
    };
    for (const { instruction, script, name, args } of scriptCommands(model)) {
      if (!shipped(instruction)) continue;
      for (const use of modeUses(name, args)) {
        if (!worldWritable(use.mode)) continue;
        emit(wordRange(script, use.word), use.label, use.mode, use.targets, modeRange(script, use), use.recursive);
      }
    }
    for (const instruction of model.instructions) {
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || !shipped(instruction)) continue;
      for (const flag of instruction.flags) {
        if (flag.name.toLowerCase() !== 'chmod' || !flag.value || !flag.valueRange) continue;
        if (!worldWritable(flag.value)) continue;
        const target = (instruction.json ?? instruction.args).slice(-1)[0]?.value ?? '';
        emit(flag.range, 'chmod', flag.value, target, flag.valueRange, false);
      }
    }
  },
});
