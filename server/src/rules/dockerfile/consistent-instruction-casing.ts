import type { Instruction } from '../../dockerfile/instruction';
import { defineRule } from '../../engine/rule';

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export const consistentInstructionCasing = defineRule({
  id: 'consistent-instruction-casing',
  aliases: ['ConsistentInstructionCasing'],
  severity: 'info',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'An instruction keyword is cased differently from most of the file (or mixes cases, like `Run`).',
    why: 'Keywords are case-insensitive, but a file that mixes `RUN`, `run` and `Run` is harder to scan. BuildKit reports every keyword that does not follow the majority.',
    bad: 'FROM alpine\nrun echo hello\nEntryPoint ["cat"]',
    good: 'FROM alpine\nRUN echo hello\nENTRYPOINT ["cat"]',
    notes: 'Info rather than a warning: it is style. The majority is counted over keywords that are all upper or all lower case; a tie counts as upper case. ONBUILD triggers are checked too.',
  },
  check({ model, report }) {
    const all: Instruction[] = [];
    for (const instruction of model.instructions) {
      // Unknown words (a template's `{% if %}`, a broken continuation) are parse errors, not casing.
      if (KEYWORDS.has(instruction.keyword)) all.push(instruction);
      if (instruction.trigger && KEYWORDS.has(instruction.trigger.keyword)) all.push(instruction.trigger);
    }
    let lower = 0;
    let upper = 0;
    for (const { keywordText: k } of all) {
      if (k === k.toLowerCase() && k !== k.toUpperCase()) lower++;
      else if (k === k.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    for (const instruction of all) {
      const k = instruction.keywordText;
      const wanted = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === wanted) continue;
      report({
        range: instruction.keywordRange,
        message: `Command '${k}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'})`,
        fixes: [{ title: `Write "${wanted}"`, isPreferred: true, edits: [{ range: instruction.keywordRange, newText: wanted }] }],
      });
    }
  },
});
