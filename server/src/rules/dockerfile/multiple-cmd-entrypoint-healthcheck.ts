import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';

const KEYWORDS = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export const multipleCmdEntrypointHealthcheck = defineRule({
  id: 'multiple-cmd-entrypoint-healthcheck',
  aliases: ['DL4003', 'DL4004', 'DL3012', 'MultipleInstructionsDisallowed', 'AVD-DS-0016', 'AVD-DS-0007', 'AVD-DS-0023'],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: true,
  docs: {
    summary: 'A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK: only the last one counts.',
    why: 'Each of these replaces the previous one, so the earlier lines do nothing. A reader (or a reviewer) takes the first for what the container runs or how it is checked, and is wrong.',
    bad: 'FROM node:22-slim\nCMD ["node", "server.js"]\nCMD ["node", "worker.js"]',
    good: 'FROM node:22-slim\nCMD ["node", "worker.js"]',
    notes:
      'Each stage is checked on its own. One warning for all three, rather than hadolint\'s error for ENTRYPOINT and HEALTHCHECK (its CMD check is a warning too): the image is built and runs, the extra lines are dead. The fix removes the lines that have no effect, which changes nothing in the image.',
  },
  check({ model, report }) {
    const eol = model.index.eol();
    for (const stage of model.stages) {
      for (const keyword of KEYWORDS) {
        const found = stage.instructions.filter((i) => i.keyword === keyword);
        const last = found[found.length - 1];
        for (const earlier of found.slice(0, -1)) {
          report({
            range: earlier.keywordRange,
            message: `This ${keyword} has no effect: the ${keyword} on line ${last.range.start.line + 1} replaces it`,
            fixes: [{ title: `Remove this ${keyword}`, isPreferred: true, edits: [removeLines(earlier, model.index.lineCount, eol)] }],
          });
        }
      }
    }
  },
});

function removeLines(instruction: Instruction, lineCount: number, eol: string) {
  void eol;
  const start = { line: instruction.range.start.line, character: 0 };
  const endLine = instruction.range.end.line + 1;
  const end = endLine < lineCount ? { line: endLine, character: 0 } : instruction.range.end;
  return { range: { start, end }, newText: '' };
}
