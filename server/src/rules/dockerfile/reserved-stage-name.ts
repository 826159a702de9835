import { defineRule } from '../../engine/rule';

const RESERVED = ['scratch', 'context'];

export const reservedStageName = defineRule({
  id: 'reserved-stage-name',
  aliases: ['DL3063', 'ReservedStageName'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'A stage is named `scratch` or `context`, words the builder already gives a meaning.',
    why: '`FROM scratch` means the empty image and `--from=context` the build context, whatever stage has that name: later references to the stage silently use the reserved meaning instead.',
    bad: 'FROM golang:1.23 AS scratch\nRUN go build -o /app',
    good: 'FROM golang:1.23 AS build\nRUN go build -o /app',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name === null || !stage.nameRange) continue;
      if (!RESERVED.includes(stage.name.toLowerCase())) continue;
      report({ range: stage.nameRange, message: `"${stage.name}" is a reserved word and cannot name a stage` });
    }
  },
});
