import { defineRule } from '../../engine/rule';

export const duplicateStageName = defineRule({
  id: 'duplicate-stage-name',
  aliases: ['DL3024', 'DuplicateStageName', 'AVD-DS-0012', 'CKV_DOCKER_11'],
  severity: 'error',
  kinds: ['dockerfile'],
  fixable: false,
  docs: {
    summary: 'Two stages have the same name (`FROM … AS build` twice).',
    why: 'BuildKit refuses the file ("duplicate stage name"), and older builders silently let `--from=build` and `--target build` pick one of them.',
    bad: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22 AS build\nRUN npm run build',
    good: 'FROM node:22 AS deps\nRUN npm ci\nFROM deps AS build\nRUN npm run build',
    notes: 'Names are compared without regard to case, as the builder does.',
  },
  check({ model, report }) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (stage.name === null || !stage.nameRange) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        report({ range: stage.nameRange, message: `Stage name "${stage.name}" is already used on line ${first + 1}` });
      } else {
        seen.set(key, stage.from.range.start.line);
      }
    }
  },
});
