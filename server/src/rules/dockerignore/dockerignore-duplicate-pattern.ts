import { defineRule } from '../../engine/rule';
import { findDuplicates, withLaterRepeats } from '../../dockerignore/analysis';
import { removeLinesEdits } from '../../engine/text';

export const dockerignoreDuplicatePattern = defineRule({
  id: 'dockerignore-duplicate-pattern',
  aliases: [],
  severity: 'hint',
  kinds: ['dockerignore'],
  fixable: true,
  docs: {
    summary: 'A .dockerignore pattern repeats an earlier line.',
    why: 'The repeat changes nothing Docker sends to the builder; it only makes the file longer and suggests a merge went wrong.',
    bad: 'node_modules\n.git\nnode_modules\n',
    good: 'node_modules\n.git\n',
    notes:
      'Patterns are compared as Docker reads them (`/node_modules/`, `./node_modules` and `node_modules` are the same). A repeat after a `!` line that re-includes some of its paths is not a repeat: it excludes them again. The fix removes the repeat, and with it the later repeats of the same line (which would otherwise repeat the first).',
  },
  check({ model, report }) {
    const duplicates = findDuplicates(model);
    for (const { pattern, first } of duplicates) {
      const removed = withLaterRepeats(duplicates, pattern);
      report({
        range: pattern.range,
        message: `"${pattern.text}" repeats line ${first.line + 1}`,
        fixes: [{ title: removed.length > 1 ? `Remove the ${removed.length} repeated lines` : 'Remove the repeated line', isPreferred: true, edits: removeLinesEdits(model.index, removed.map((p) => p.line)) }],
      });
    }
  },
});
