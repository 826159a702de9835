import { defineRule } from '../../engine/rule';
import { instructionsBefore } from '../../dockerfile/package-commands';

export const envSelfReference = defineRule({
  id: 'env-self-reference',
  aliases: ['DL3044'],
  severity: 'error',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'An ENV refers to a variable it defines itself (`ENV A=1 B=$A`).',
    why: 'All values of one ENV are expanded with the variables as they were before the instruction: `B` gets the old (usually empty) value of `A`, not the new one, and the image silently has a wrong path or setting.',
    bad: 'FROM alpine:3.20\nENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin',
    good: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin',
    notes: 'Not reported when the variable already had a value before the ENV (an earlier ENV or ARG of the stage): then the old value may be what was meant.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'ENV' || instruction.properties.length < 2) continue;
        const before = instructionsBefore(stage, instruction);
        const known = new Set<string>();
        for (const i of before) if (i.keyword === 'ENV' || i.keyword === 'ARG') for (const p of i.properties) known.add(p.name);
        const defined = new Set<string>();
        for (const prop of instruction.properties) {
          const value = prop.value ?? '';
          const pattern = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;
          for (let m = pattern.exec(value); m; m = pattern.exec(value)) {
            const name = m[1] ?? m[2];
            if (!defined.has(name) || known.has(name)) continue;
            report({
              range: prop.valueRange ?? prop.range,
              message: `"${prop.name}" uses $${name}, which this same ENV defines: it gets the value from before the ENV`,
            });
            break;
          }
          defined.add(prop.name);
        }
      }
    }
  },
});
