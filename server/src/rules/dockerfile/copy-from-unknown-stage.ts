import { defineRule } from '../../engine/rule';

export const copyFromUnknownStage = defineRule({
  id: 'copy-from-unknown-stage',
  aliases: ['DL3022', 'AVD-DS-0018'],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: '`COPY --from` names something that is not a stage defined above it.',
    why: 'A name that is not an earlier stage is pulled as an image from Docker Hub: a typo of a stage name (`--from=buidler`) then fails, or worse, copies files from whatever public image has that name.',
    bad: 'FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=buidler /app /app',
    good: 'FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=builder /app /app',
    notes:
      'Image references with a tag, digest, registry or path (`nginx:1.27`, `ghcr.io/org/tool`) are taken as intended; a bare name (`--from=nginx`) is reported, as in hadolint. Stage numbers must be those of earlier stages. Values with variables are not judged. A bare name can also be a named context given with `docker build --build-context name=…`; suppress the finding where that is the case.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const earlier = model.stages.slice(0, stage.index);
      const later = model.stages.slice(stage.index + 1);
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        const flag = instruction.flags.find((f) => f.name.toLowerCase() === 'from');
        if (!flag || flag.value === null || flag.value === '' || flag.value.includes('$')) continue;
        const value = flag.value;
        const lower = value.toLowerCase();
        if (stage.name !== null && lower === stage.name.toLowerCase()) continue; // copy-from-own-stage
        const range = flag.valueRange ?? flag.range;
        if (/^\d+$/.test(value)) {
          const index = Number(value);
          if (index < stage.index) continue;
          if (index === stage.index) continue;
          report({ range, message: `COPY --from=${value}: stage ${value} is not defined before this one` });
          continue;
        }
        if (earlier.some((s) => s.name !== null && s.name.toLowerCase() === lower)) continue;
        if (/[:@/.]/.test(value)) continue;
        const after = later.find((s) => s.name !== null && s.name.toLowerCase() === lower);
        report({
          range,
          message: after
            ? `COPY --from=${value}: stage "${after.name}" is defined later (line ${after.from.range.start.line + 1}); a stage can only copy from earlier ones`
            : `COPY --from=${value}: no stage of that name above; unless the build passes --build-context ${value}=…, it is pulled as the image "${value}"`,
        });
      }
    }
  },
});
