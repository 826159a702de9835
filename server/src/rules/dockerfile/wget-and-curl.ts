import { defineRule } from '../../engine/rule';
import { allCommands } from '../../dockerfile/package-commands';
import { baseCommandName } from '../../dockerfile/shell-words';
import type { Range } from '../../engine/text';

export const wgetAndCurl = defineRule({
  id: 'wget-and-curl',
  aliases: ['DL4001', 'AVD-DS-0014'],
  severity: 'info',
  kinds: ['dockerfile'],
  scope: 'stage',
  fixable: false,
  docs: {
    summary: 'A stage downloads with both wget and curl.',
    why: 'Two tools that do the same job mean two packages (and their libraries) to install, patch and scan. Pick one per image.',
    bad: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz && wget -q https://example.com/b.tgz',
    good: 'FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz && curl -fsSLO https://example.com/b.tgz',
    notes:
      'Info rather than hadolint\'s warning: it costs image size, not safety. Checked per stage (hadolint checks the whole file): a build stage may use one tool and the final stage the other. The calls of the tool used second are reported.',
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const uses: { tool: string; range: Range; line: number }[] = [];
      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'RUN' && instruction.json && instruction.json.length > 0) {
          const tool = instruction.json[0].value.replace(/^.*\//, '');
          if (tool === 'curl' || tool === 'wget') uses.push({ tool, range: instruction.json[0].range, line: instruction.range.start.line });
          continue;
        }
        if (instruction.keyword !== 'RUN' || !instruction.script) continue;
        for (const { command } of allCommands(instruction.script)) {
          const tool = baseCommandName(command);
          if (tool !== 'curl' && tool !== 'wget') continue;
          const word = command.words[command.nameIndex];
          uses.push({ tool, range: instruction.script.rangeOf(word.start, word.end), line: instruction.range.start.line });
        }
      }
      const first = uses[0];
      if (!first || !uses.some((u) => u.tool !== first.tool)) continue;
      for (const use of uses) {
        if (use.tool === first.tool) continue;
        report({ range: use.range, message: `${use.tool} here, ${first.tool} on line ${first.line + 1}: use one download tool per image` });
      }
    }
  },
});
