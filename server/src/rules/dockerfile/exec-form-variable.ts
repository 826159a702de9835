import { defineRule } from '../../engine/rule';

const VARIABLE = /\$(\{[A-Za-z_][A-Za-z0-9_]*([:?+-][^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*)/;
const SHELLS = /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash|zsh)$/;

export const execFormVariable = defineRule({
  id: 'exec-form-variable',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  scope: 'unit',
  fixable: false,
  docs: {
    summary: 'A $VARIABLE inside exec form (JSON) is passed literally, not expanded.',
    why: 'Exec form runs the program without a shell, so "$PORT" reaches it as the five characters $PORT. The container then listens on the wrong port, or reads a path that does not exist.',
    bad: 'CMD ["node", "server.js", "--port", "$PORT"]',
    good: 'CMD ["sh", "-c", "exec node server.js --port \\"$PORT\\""]',
    notes: 'Arguments of an explicit shell (`["sh", "-c", "…"]`) are expanded by that shell and are not reported.',
  },
  check({ model, report }) {
    for (const instruction of model.instructions) {
      const json = instruction.json;
      if (!json || !['CMD', 'ENTRYPOINT', 'RUN', 'HEALTHCHECK'].includes(instruction.keyword)) continue;
      if (json.length >= 2 && SHELLS.test(json[0].value) && json.some((w) => w.value === '-c')) continue;
      for (const word of json) {
        const match = VARIABLE.exec(word.value);
        if (match) report({ range: word.range, message: `"${match[0]}" is not expanded in exec form: ${instruction.keyword} runs without a shell` });
      }
    }
  },
});
