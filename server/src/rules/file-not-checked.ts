import { defineRule } from '../engine/rule';

/**
 * Reported by the engine itself (see `engine/limits.ts`), not by `check`: the rule exists so the
 * finding has documentation, an id for settings and pragmas, and a severity.
 */
export const fileNotChecked = defineRule({
  id: 'file-not-checked',
  aliases: [],
  severity: 'info',
  kinds: ['dockerfile', 'compose', 'dockerignore'],
  fixable: false,
  docs: {
    summary: 'The file is binary, or too large to check as you type: Shipshape checked none of it, or only its first lines.',
    why:
      'Shipshape lints on every keystroke. A file of millions of characters, a single line of a megabyte or a binary file opened as a Dockerfile would stall the editor; it is cut at a documented limit instead, and this finding says where, so a missing finding below the cut is not mistaken for a clean file.',
    bad: '# a Dockerfile of 12,000 lines, or a compose file with a 60,000-character line',
    good: '# split the file, or check it with the CLI in parts',
    notes:
      'Limits: Dockerfiles and compose files, 10,000 lines, 1,000,000 characters and 50,000 characters on one line; .dockerignore files, 1,000 lines, 100,000 characters and 10,000 characters on one line. Lines up to the first one past a limit are linted; their findings keep their positions but carry no fixes (a fix computed on part of a file can be wrong for the whole). A NUL character in the first 8,192 characters makes the file binary: nothing is checked. Turn the notice off with `"file-not-checked": "off"`.',
  },
  check() {
    // The engine reports it when it cuts a file.
  },
});
