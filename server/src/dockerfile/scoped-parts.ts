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

/** The instructions before the first FROM: they belong to no stage. */
function preamble(model: DockerfileModel): Instruction[] {
  const firstFrom = model.stages.length > 0 ? model.instructions.indexOf(model.stages[0].from) : -1;
  return firstFrom < 0 ? model.instructions : model.instructions.slice(0, firstFrom);
}

/**
 * The instructions before the first FROM (with no stage), then each stage, alone in `stages` and
 * with its FROM and instructions in `instructions`. A stage's key covers its own instructions, those
 * of the stages it builds on, the ARGs before the first FROM and its number (messages may name it).
 */
export const stageParts: ScopedParts<DockerfileModel> = {
  fileKey,
  keys(model) {
    const globalArgs = model.globalArgs.map(serialOf).join(',');
    const keys = [`before FROM|${preamble(model).map(serialOf).join(',')}`];
    for (const stage of model.stages) {
      let key = `${globalArgs}|${stage.index}`;
      for (let current: Stage | null = stage; current; current = current.baseStage) key += `|${serialOf(current.from)}:${current.instructions.map(serialOf).join(',')}`;
      keys.push(key);
    }
    return keys;
  },
  view(model, index) {
    if (index === 0) return Object.create(model, { stages: { value: [] }, instructions: { value: preamble(model) } }) as DockerfileModel;
    const stage = model.stages[index - 1];
    return Object.create(model, { stages: { value: [stage] }, instructions: { value: [stage.from, ...stage.instructions] } }) as DockerfileModel;
  },
};
