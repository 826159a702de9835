import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

export const stageNameCasing = defineRule({
  id: 'stage-name-casing',
  aliases: ['StageNameCasing'],
  severity: 'info',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'A stage name has upper-case letters.',
    why: 'Lower-case stage names set them apart from instruction keywords. BuildKit folds stage names to lower case anyway, so `AS BuilderBase` and `--from=builderbase` already name the same stage.',
    bad: 'FROM alpine AS BuilderBase',
    good: 'FROM alpine AS builder-base',
    notes: 'Info rather than a warning: it is style, nothing breaks. The fix lower-cases the name and every `FROM`, `COPY --from` and `RUN --mount=from=` that refers to it.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange || stage.name === stage.name.toLowerCase()) continue;
      const lower = stage.name.toLowerCase();
      const collides = model.stages.some((other) => other !== stage && other.name === lower);
      const edits: TextEdit[] = [{ range: stage.nameRange, newText: lower }];
      const wanted = stage.name.toLowerCase();
      for (const later of model.stages) {
        if (later.index <= stage.index) continue;
        if (later.imageWord && later.imageWord.value.toLowerCase() === wanted && later.imageWord.value !== lower) {
          edits.push({ range: later.imageWord.range, newText: lower });
        }
      }
      for (const instruction of model.instructions) {
        if (instruction.range.start.line <= stage.from.range.start.line) continue;
        for (const flag of instruction.flags) {
          if (!flag.valueRange || flag.value === null) continue;
          const name = flag.name.toLowerCase();
          if (name === 'from' && flag.value.toLowerCase() === wanted && flag.value !== lower) {
            edits.push({ range: flag.valueRange, newText: lower });
          } else if (name === 'mount') {
            const match = new RegExp(`(^|,)from=(${escapeRegExp(stage.name)})(,|$)`, 'i').exec(flag.value);
            if (match && match[2] !== lower && flag.valueRange.start.line === flag.valueRange.end.line) {
              const at = flag.valueRange.start.character + match.index + match[1].length + 5;
              const line = flag.valueRange.start.line;
              edits.push({ range: { start: { line, character: at }, end: { line, character: at + match[2].length } }, newText: lower });
            }
          }
        }
      }
      report({
        range: stage.nameRange,
        message: `Stage name '${stage.name}' should be lowercase`,
        fixes: collides ? [] : [{ title: `Rename the stage to "${lower}"`, isPreferred: true, edits }],
      });
    }
  },
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
