import { defineRule } from '../../engine/rule';
import { findDeadPatterns, findDuplicates, withLaterRepeats } from '../../dockerignore/analysis';
import { removeLinesEdits } from '../../engine/text';

export const dockerignoreDeadPattern = defineRule({
  id: 'dockerignore-dead-pattern',
  aliases: [],
  severity: 'hint',
  kinds: ['dockerignore'],
  fixable: true,
  docs: {
    summary: 'A .dockerignore pattern can never change what is sent to the builder.',
    why:
      'In a .dockerignore the last matching line wins, and a folder that is excluded takes everything below it along. A line that a later line always overrides, a `!` line with nothing excluded before it, or a line inside a folder that is already excluded does nothing; often it shows that the order is not the one the author meant (a `!keep` placed before the line that excludes it).',
    bad: '!.env.example\n.env*\nlogs/app.log\nlogs\n',
    good: '.env*\n!.env.example\nlogs\n',
    notes:
      'Matching follows Docker (moby/patternmatcher): `*` and `?` stay within one folder, `**` spans folders, `*.log` only matches at the context root. When it cannot tell (two wildcards in the same place), the line is assumed to matter. Exact repeats are left to dockerignore-duplicate-pattern; the fix removes the line together with its repeats.',
  },
  check({ model, report }) {
    const duplicates = findDuplicates(model);
    for (const dead of findDeadPatterns(model)) {
      const { pattern, by } = dead;
      const message =
        dead.reason === 'nothing-to-reinclude'
          ? `"${pattern.text}" has no effect: no earlier line excludes what it re-includes`
          : dead.reason === 'overridden'
            ? `"${pattern.text}" has no effect: line ${by!.line + 1} ("${by!.text}") overrides it`
            : `"${pattern.text}" has no effect: line ${by!.line + 1} ("${by!.text}") already excludes it`;
      // Its repeats go with it (they are as dead), or the next one would take its place.
      const removed = withLaterRepeats(duplicates, pattern);
      report({
        range: pattern.range,
        message,
        fixes: [{ title: removed.length === 1 ? 'Remove the line' : removed.length === 2 ? 'Remove the line and its repeat' : `Remove the line and its ${removed.length - 1} repeats`, isPreferred: true, edits: removeLinesEdits(model.index, removed.map((p) => p.line)) }],
      });
    }
  },
});
