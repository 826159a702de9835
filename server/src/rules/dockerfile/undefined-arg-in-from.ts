import type { Word } from '../../dockerfile/instruction';
import { defineRule } from '../../engine/rule';
import { argPairs, PLATFORM_ARGS, rangeInWord, suggestName, variableRefs } from './build-check-helpers';

export const undefinedArgInFrom = defineRule({
  id: 'undefined-arg-in-from',
  aliases: ['UndefinedArgInFrom'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'A FROM uses a build argument that no ARG before the first FROM declares.',
    why: 'An undeclared ARG expands to nothing, so `FROM node:22${VARIANT}` silently builds on `node:22`, and `--build-arg VARIANT=…` has no effect. Often it is a typo of a declared ARG or of a built-in one like `BUILDPLATFORM`.',
    bad: 'ARG VARIANT=-alpine3.20\nFROM node:22${VARAINT} AS build',
    good: 'ARG VARIANT=-alpine3.20\nFROM node:22${VARIANT} AS build',
    notes: 'Only ARGs declared before the first FROM, and BuildKit\'s automatic platform ARGs (`TARGETPLATFORM`, `BUILDARCH`…), are in scope for FROM. The image and the `--platform` value are checked. When the name is a likely typo of one in scope, a quick fix (not applied by `--fix`) renames it.',
  },
  check({ model, report }) {
    const declared = new Set<string>([...model.globalArgs.flatMap((arg) => argPairs(arg).map((p) => p.name)), ...PLATFORM_ARGS.keys()]);
    for (const stage of model.stages) {
      const words: Word[] = [];
      if (stage.imageWord) words.push(stage.imageWord);
      for (const flag of stage.from.flags) {
        if (flag.name.toLowerCase() === 'platform' && flag.value !== null && flag.valueRange) words.push({ value: flag.value, range: flag.valueRange });
      }
      for (const word of words) {
        for (const ref of variableRefs(word.value, model.escape)) {
          if (declared.has(ref.name)) continue;
          const suggestion = suggestName(ref.name, declared);
          const nameStart = ref.start + (word.value[ref.start + 1] === '{' ? 2 : 1);
          const nameRange = rangeInWord(word, nameStart, nameStart + ref.name.length);
          report({
            range: rangeInWord(word, ref.start, ref.end),
            message: `FROM argument '${ref.name}' is not declared${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
            fixes: suggestion && nameRange !== word.range
              ? [{ title: `Use ${suggestion}`, isPreferred: false, edits: [{ range: nameRange, newText: suggestion }] }]
              : [],
          });
        }
      }
    }
  },
});
