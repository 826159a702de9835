import { isBlankLine, isCommentLine } from '../../dockerfile/chunks';
import { defineRule } from '../../engine/rule';
import { removeLinesEdits } from '../../engine/text';

export const noEmptyContinuation = defineRule({
  id: 'no-empty-continuation',
  aliases: ['NoEmptyContinuation'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'An empty line inside an instruction continued with `\\`.',
    why: 'Empty continuation lines are deprecated: a future Dockerfile syntax will reject them and the build will fail. They also hide where an instruction really ends: a blank line looks like the end of the RUN, but the next line still belongs to it.',
    bad: 'RUN apk add \\\n\n    curl',
    good: 'RUN apk add \\\n    curl',
    notes: 'A comment line inside a continuation is not empty and is fine. Empty lines after a continuation that runs into the end of the file are left to parse-error, which reports that ending. The fix deletes all the empty lines of the instruction at once.',
  },
  check({ model, report }) {
    const index = model.index;
    for (const instruction of model.instructions) {
      const { start, end } = instruction.range;
      if (start.line === end.line) continue;
      const heredocLines = instruction.heredocs.flatMap((h) => (h.contentRange ? [[h.contentRange.start.line, h.contentRange.end.line]] : []));
      const firstHeredoc = heredocLines.length > 0 ? Math.min(...heredocLines.map(([from]) => from)) : Infinity;
      // Empty lines after the last line with content (a continuation into the end of the file) are
      // not inside the instruction: parse-error reports that ending, and its fix removes the escape.
      let lastContent = end.line;
      while (lastContent > start.line && (isBlankLine(index.lineText(lastContent)) || isCommentLine(index.lineText(lastContent)))) lastContent--;
      const empty: number[] = [];
      for (let line = start.line + 1; line < lastContent && line < firstHeredoc; line++) if (isBlankLine(index.lineText(line))) empty.push(line);
      if (empty.length === 0) continue;
      // One fix for all of them: deleting one would move the next into its place.
      const title = empty.length > 1 ? `Delete the ${empty.length} empty lines` : 'Delete the empty line';
      for (const line of empty) {
        report({
          range: { start: { line, character: 0 }, end: { line, character: index.lineText(line).length } },
          message: 'Empty continuation line',
          fixes: [{ title, isPreferred: true, edits: removeLinesEdits(index, empty) }],
        });
      }
    }
  },
});
