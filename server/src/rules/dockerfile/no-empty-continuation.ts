import { isBlankLine } from '../../dockerfile/chunks';
import { defineRule } from '../../engine/rule';

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
    notes: 'A comment line inside a continuation is not empty and is fine. The fix deletes the empty lines.',
  },
  check({ model, report }) {
    const index = model.index;
    for (const instruction of model.instructions) {
      const { start, end } = instruction.range;
      if (start.line === end.line) continue;
      const heredocLines = instruction.heredocs.flatMap((h) => (h.contentRange ? [[h.contentRange.start.line, h.contentRange.end.line]] : []));
      const firstHeredoc = heredocLines.length > 0 ? Math.min(...heredocLines.map(([from]) => from)) : Infinity;
      for (let line = start.line + 1; line < end.line && line < firstHeredoc; line++) {
        const text = index.lineText(line);
        if (!isBlankLine(text)) continue;
        report({
          range: { start: { line, character: 0 }, end: { line, character: text.length } },
          message: 'Empty continuation line',
          fixes: [{ title: 'Delete the empty line', isPreferred: true, edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }] }],
        });
      }
    }
  },
});
