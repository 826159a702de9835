import { defineRule } from '../../engine/rule';
import type { Range } from '../../engine/text';
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

/** True for a symbolic mode that gives others write permission (`a+rwx`, `o+w`, `ugo=rwx`). */
function symbolicWorldWritable(mode: string): boolean {
  return mode.split(',').some((clause) => {
    const match = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    if (!match) return false;
    const who = match[1];
    return (who.includes('o') || who.includes('a')) && match[3].includes('w');
  });
}

export const chmodWorldWritable = defineRule({
  id: 'chmod-world-writable',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'chmod (or `COPY --chmod`) makes files writable by every user: `777`, `666`, `a+rwx`, `o+w`.',
    why: 'World-writable files let any process in the container (a compromised dependency, a non-root worker) rewrite the application, its configuration or scripts that root runs later. Usually the intent is "make it executable" or "let the app user write here": give that user ownership instead (`chown`, `COPY --chown`).',
    bad: 'RUN chmod -R 777 /app',
    good: 'RUN chown -R app:app /app && chmod -R 755 /app',
    notes: 'Modes with the sticky bit (`1777`, shared temporary folders) are not reported. The fix removes the group and other write bits of a numeric mode (`777` → `755`); symbolic modes are reported without a fix. For `chmod -R` the fix is offered but not applied by `--fix`: a recursive world-writable folder is usually one a non-owner writes to, and the narrower mode alone would break that; give that user ownership (`chown`) with it.',
  },
  check({ model, report }) {
    const emit = (range: Range, mode: string, target: string, editRange: Range | null, recursive = false) => {
      const safer = saferNumeric(mode);
      report({
        range,
        message: `chmod ${mode} makes ${target || 'the files'} writable by every user`,
        // A recursive chmod is usually there so a non-owner can write into a folder: the narrower mode
        // would break that at run time, so --fix leaves it to the user (who should chown instead).
        fixes: safer && editRange ? [{ title: recursive ? `Use ${safer} (then give the writing user ownership)` : `Use ${safer}`, isPreferred: !recursive, edits: [{ range: editRange, newText: safer }] }] : [],
      });
    };
    for (const { script, name, args } of scriptCommands(model)) {
      if (name !== 'chmod') continue;
      const modeIndex = args.findIndex((a) => !a.value.startsWith('-'));
      const modeWord = args[modeIndex];
      if (!modeWord) continue;
      const mode = modeWord.value;
      if (!saferNumeric(mode) && !symbolicWorldWritable(mode)) continue;
      const target = args.slice(modeIndex + 1).filter((a) => !a.value.startsWith('-')).map((a) => a.value).join(' ');
      const exact = !modeWord.quoted && modeWord.end - modeWord.start === mode.length;
      const recursive = args.slice(0, modeIndex).some((a) => a.value === '--recursive' || /^-[a-zA-Z]*R/.test(a.value));
      emit(wordRange(script, modeWord), mode, target, exact ? wordRange(script, modeWord) : null, recursive);
    }
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      for (const flag of instruction.flags) {
        if (flag.name.toLowerCase() !== 'chmod' || !flag.value || !flag.valueRange) continue;
        if (!saferNumeric(flag.value) && !symbolicWorldWritable(flag.value)) continue;
        const target = (instruction.json ?? instruction.args).slice(-1)[0]?.value ?? '';
        emit(flag.range, flag.value, target, flag.valueRange);
      }
    }
  },
});
