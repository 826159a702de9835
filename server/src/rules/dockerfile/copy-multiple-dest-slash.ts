import { defineRule } from '../../engine/rule';
import type { Range } from '../../engine/text';
import { copyOperands } from '../../dockerfile/package-checks';

export const copyMultipleDestSlash = defineRule({
  id: 'copy-multiple-dest-slash',
  aliases: ['DL3021', 'AVD-DS-0011'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: true,
  docs: {
    summary: 'COPY or ADD with several sources whose destination does not end with `/`.',
    why: 'With more than one source the destination must be a folder, and Docker requires it to end with `/`: the build fails with "When using COPY with more than one source file, the destination must be a directory and end with a /".',
    bad: 'FROM alpine:3.20\nCOPY package.json package-lock.json /app',
    good: 'FROM alpine:3.20\nCOPY package.json package-lock.json /app/',
    notes: 'The fix appends `/` to the destination.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      let dest: { value: string; range: Range; insertAt: Range['end'] } | null = null;
      let count = 0;
      if (instruction.json) {
        count = instruction.json.length;
        const last = instruction.json[count - 1];
        if (last) dest = { value: last.value, range: last.range, insertAt: { line: last.range.end.line, character: last.range.end.character - 1 } };
      } else {
        const args = copyOperands(instruction);
        count = args.length;
        const last = args[args.length - 1];
        if (last && !last.value.startsWith('<<') && !/^[^"']+["']$/.test(last.value)) {
          const quoted = /^["'].*["']$/.test(last.value);
          dest = {
            value: last.value.replace(/^["']|["']$/g, ''),
            range: last.range,
            insertAt: quoted ? { line: last.range.end.line, character: last.range.end.character - 1 } : last.range.end,
          };
        }
      }
      if (!dest || count <= 2 || dest.value.endsWith('/') || dest.value.endsWith('\\') || dest.value.includes('$')) continue;
      report({
        range: dest.range,
        message: `${instruction.keyword} of ${count - 1} sources into "${dest.value}": a destination for several sources must end with /`,
        fixes: [{ title: `Use ${dest.value}/`, isPreferred: true, edits: [{ range: { start: dest.insertAt, end: dest.insertAt }, newText: '/' }] }],
      });
    }
  },
});
