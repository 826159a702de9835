import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';
import { chainInstructions, isWindowsImage } from '../../dockerfile/image-contents';
import { formatJsonArray, shellToExecForm } from '../../dockerfile/exec-form';
import type { Fix } from '../../engine/types';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'HEALTHCHECK', 'SHELL']);

export const execFormSingleString = defineRule({
  id: 'exec-form-single-string',
  aliases: [],
  severity: 'error',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'An exec-form (JSON) command whose program element contains a space, like `CMD ["node server.js"]`.',
    why:
      'Exec form runs the first element as the program without a shell, so `["node server.js"]` looks for an executable literally named "node server.js" and the container fails to start with "no such file or directory".',
    bad: 'CMD ["node server.js"]',
    good: 'CMD ["node", "server.js"]',
    notes:
      'A CMD is not reported when the stage sets an ENTRYPOINT (the CMD elements are then its arguments, as with `ENTRYPOINT ["sh", "-c"]`). Windows images are skipped (Windows joins the elements into one command line). The fix splits the element into words; an element that needs a shell (pipes, `&&`, variables, redirects) becomes `["sh", "-c", "…"]` when it is the only element.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const target = instruction.keyword === 'ONBUILD' && instruction.trigger ? instruction.trigger : instruction;
      if (!KEYWORDS.has(target.keyword) || !target.json || target.json.length === 0) continue;
      const stage = model.stageOf(instruction);
      if (stage && isWindowsImage(stage)) continue;
      const first = target.json[0];
      if (!/\s/.test(first.value.trim()) || /\\|^[A-Za-z]:/.test(first.value)) continue;
      if (target.keyword === 'CMD' && stage && chainInstructions(stage).some((i) => i.keyword === 'ENTRYPOINT')) continue;
      report({
        range: first.range,
        message: `${target.keyword} runs a program literally named "${first.value}": exec form does not split on spaces, so it fails with "no such file or directory"`,
        fixes: splitFix(target),
      });
    }
  },
});

function splitFix(instruction: Instruction): Fix[] {
  const json = instruction.json!;
  const first = json[0];
  const onlyElement = json.length === 1;
  const execLast = instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT';
  const form = shellToExecForm(first.value, { execLast });
  if (!form) return [];
  if (form.viaShell && (!onlyElement || instruction.keyword === 'SHELL')) return [];
  const text = formatJsonArray(form.elements);
  return [
    {
      title: form.viaShell ? 'Run it through sh -c' : `Split into ${form.elements.map((e) => JSON.stringify(e)).join(', ')}`,
      isPreferred: true,
      edits: [{ range: first.range, newText: text.slice(1, -1) }],
    },
  ];
}
