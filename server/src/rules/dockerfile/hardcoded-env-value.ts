import type { Instruction } from '../../dockerfile/instruction';
import { stageChain } from '../../dockerfile/package-commands';
import { defineRule } from '../../engine/rule';

const PORT = /^\d{2,5}$/;
const PATH = /^\/[^\s$]*[A-Za-z0-9_-]$/;
/** Variables whose value is a search path or a tool's home, not the place of the app's data. */
const NOT_A_PLACE = /^(PATH|HOME|PYTHONPATH|PYTHONHOME|LD_LIBRARY_PATH|LIBRARY_PATH|NODE_PATH|CLASSPATH|PKG_CONFIG_PATH|MANPATH|GOPATH|GOROOT|PERL5LIB|JAVA_HOME|CARGO_HOME|RUSTUP_HOME|GEM_HOME|GEM_PATH|BUNDLE_PATH|BUNDLE_APP_CONFIG|PIP_TARGET|VIRTUAL_ENV|CONDA_DIR|SHELL|TERM)$/;

export const hardcodedEnvValue = defineRule({
  id: 'hardcoded-env-value',
  aliases: [],
  severity: 'hint',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'A port or path is written out where an earlier ENV already names it (`ENV PORT=8080` … `EXPOSE 8080`).',
    why: 'When the value changes, the ENV is updated and the copy is forgotten: the image then exposes one port and listens on another, or writes data outside the declared volume.',
    bad: 'FROM node:22-slim\nENV PORT=8080\nEXPOSE 8080',
    good: 'FROM node:22-slim\nENV PORT=8080\nEXPOSE $PORT',
    notes: 'EXPOSE, WORKDIR, VOLUME and the destination of COPY/ADD are checked for a word equal to the value of an ENV of the stage (a port number, or an absolute path). Search paths and tool homes (`PATH`, `HOME`, `PYTHONPATH`, `JAVA_HOME`, `GOPATH`…) are not suggested. The fix writes `$NAME`.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const env = new Map<string, string>();
      for (const current of stageChain(stage)) {
        for (const instruction of current.instructions) {
          if (current === stage) checkInstruction(instruction, env, report);
          if (instruction.keyword === 'ENV') {
            for (const prop of instruction.properties) {
              for (const [value, name] of env) if (name === prop.name) env.delete(value);
              const value = prop.value ?? '';
              if (NOT_A_PLACE.test(prop.name) || env.has(value)) continue;
              if (PORT.test(value) || PATH.test(value)) env.set(value, prop.name);
            }
          }
        }
      }
    }
  },
});

function checkInstruction(instruction: Instruction, env: Map<string, string>, report: (r: { range: import('../../engine/text').Range; message: string; fixes: import('../../engine/types').Fix[] }) => void): void {
  let words = instruction.args;
  switch (instruction.keyword) {
    case 'EXPOSE':
    case 'WORKDIR':
      break;
    case 'VOLUME':
      words = instruction.json ?? instruction.args;
      break;
    case 'COPY':
    case 'ADD':
      if (instruction.json) return;
      words = instruction.args.slice(-1);
      break;
    default:
      return;
  }
  for (const word of words) {
    const quoted = instruction.json !== null && instruction.keyword === 'VOLUME';
    const [value, proto] = instruction.keyword === 'EXPOSE' ? word.value.split('/') : [word.value.replace(/\/$/, ''), undefined];
    const name = env.get(value);
    if (!name) continue;
    if (instruction.keyword === 'EXPOSE' ? !PORT.test(value) : !PATH.test(value)) continue;
    const replacement = `${quoted ? '"' : ''}$${name}${proto !== undefined ? `/${proto}` : ''}${!quoted && word.value.endsWith('/') && instruction.keyword !== 'EXPOSE' ? '/' : ''}${quoted ? '"' : ''}`;
    report({
      range: word.range,
      message: `${value} is written out, but ENV ${name} already names it: use $${name}`,
      fixes: word.range.start.line === word.range.end.line ? [{ title: `Use $${name}`, isPreferred: true, edits: [{ range: word.range, newText: replacement }] }] : [],
    });
  }
}
