import { defineRule } from '../../engine/rule';

export const copyFromOwnStage = defineRule({
  id: 'copy-from-own-stage',
  aliases: ['DL3023', 'AVD-DS-0006'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: '`COPY --from` names the stage the COPY is in.',
    why: 'A stage cannot copy from itself: BuildKit fails with a circular dependency. The name was meant for another stage, or the files are already there and a plain `RUN cp` is what was meant.',
    bad: 'FROM golang:1.23 AS build\nCOPY --from=build /src/app /app',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /app ./...\nFROM alpine:3.20\nCOPY --from=build /app /app',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const flag = instruction.flags.find((f) => f.name.toLowerCase() === 'from');
        if (!flag || flag.value === null) continue;
        const value = flag.value;
        const own = (stage.name !== null && value.toLowerCase() === stage.name.toLowerCase()) || value === String(stage.index);
        if (!own) continue;
        report({
          range: flag.valueRange ?? flag.range,
          message: `COPY --from=${value} names its own stage: a stage cannot copy from itself`,
        });
      }
    }
  },
});
