/**
 * The parts of a Dockerfile that scoped rules check one at a time (see `Rule.scope`), with keys
 * that stay the same exactly while what such a rule may read is the same. Unchanged instructions
 * are the same objects from one parse to the next (the parser reuses them), so keys name
 * instructions by identity; the escape character, line break and directives are the file key.
 */
import type { ScopedParts } from '../engine/kind-support';
import type { Instruction } from './instruction';
import type { DockerfileModel, Stage } from './model';

const serials = new WeakMap<Instruction, number>();
let lastSerial = 0;

function serialOf(instruction: Instruction): number {
  let serial = serials.get(instruction);
  if (serial === undefined) {
    serial = ++lastSerial;
    serials.set(instruction, serial);
  }
  return serial;
}

/** The escape character, the line break and the parser directives (`# check=skip=…`, `# syntax=…`). */
const fileKey = (model: DockerfileModel): string => model.escape + model.index.eol() + model.directives.map((d) => `${d.line}:${d.name}=${d.value}`).join('\n');

/** Each instruction, alone in `instructions`. */
export const instructionParts: ScopedParts<DockerfileModel> = {
  fileKey,
  keys: (model) => model.instructions.map(serialOf),
  view: (model, index) => Object.create(model, { instructions: { value: [model.instructions[index]] } }) as DockerfileModel,
};

/**
 * Each stage, alone in `stages` and with its FROM and instructions in `instructions`. Its key covers
 * its own instructions, those of the stages it builds on, the ARGs before the first FROM and its
 * number (messages may name it).
 */
export const stageParts: ScopedParts<DockerfileModel> = {
  fileKey,
  keys(model) {
    const globalArgs = model.globalArgs.map(serialOf).join(',');
    return model.stages.map((stage) => {
      let key = `${globalArgs}|${stage.index}`;
      for (let current: Stage | null = stage; current; current = current.baseStage) key += `|${serialOf(current.from)}:${current.instructions.map(serialOf).join(',')}`;
      return key;
    });
  },
  view(model, index) {
    const stage = model.stages[index];
    return Object.create(model, { stages: { value: [stage] }, instructions: { value: [stage.from, ...stage.instructions] } }) as DockerfileModel;
  },
};
