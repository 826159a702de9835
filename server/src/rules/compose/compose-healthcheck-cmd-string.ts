import { originNote, reportRange, type YamlScalar, type YamlSequence } from '../../compose/model';
import { quoteLike } from '../../compose/yaml-edits';
import { defineRule } from '../../engine/rule';
import type { TextEdit } from '../../engine/text';

/** Characters that only mean something to a shell. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?~{}[\]#!]/;

export const composeHealthcheckCmdString = defineRule({
  id: 'compose-healthcheck-cmd-string',
  aliases: [],
  severity: 'error',
  kinds: ['compose'],
  fixable: true,
  docs: {
    summary: 'A healthcheck `test: ["CMD", "curl -f http://localhost"]` puts a whole command line into one argument.',
    why: 'With CMD the list is the program and its arguments, run without a shell: Docker looks for a program literally named "curl -f http://localhost", finds none, and the check fails forever, so the service never becomes healthy.',
    bad: 'services:\n  api:\n    image: example/api:1.4\n    healthcheck:\n      test: ["CMD", "curl -f http://localhost:8080/health || exit 1"]',
    good: 'services:\n  api:\n    image: example/api:1.4\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"]',
    notes: 'The fix splits a plain command into arguments (`["CMD", "curl", "-f", "http://localhost"]`), or switches to CMD-SHELL when the string uses shell syntax (pipes, ||, $VAR, quotes).',
  },
  check({ model, report }) {
    for (const service of model.services) {
      const healthcheck = service.get('healthcheck')?.value;
      if (healthcheck?.type !== 'map') continue;
      const test = healthcheck.get('test')?.value;
      if (test?.type !== 'seq' || test.items.length !== 2) continue;
      const [kind, command] = test.items;
      if (kind.type !== 'scalar' || command.type !== 'scalar' || kind.text.trim() !== 'CMD') continue;
      const words = command.text.trim().split(/\s+/);
      if (words.length < 2) continue;
      const shell = SHELL_SYNTAX.test(command.text);
      const edit = test.origin ? null : shell ? cmdShellEdit(kind) : splitEdit(model.index.lineText(command.range.start.line), model.index.eol(), test, command, words);
      report({
        range: reportRange(command),
        message: `The healthcheck of service "${service.name}" runs a program named "${command.text.trim()}": with CMD each argument is a separate item (or use CMD-SHELL)${originNote(command)}`,
        fixes: edit ? [{ title: shell ? 'Run it with a shell (CMD-SHELL)' : 'Split the command into arguments', edits: [edit], isPreferred: true }] : [],
      });
    }
  },
});

function cmdShellEdit(kind: YamlScalar): TextEdit {
  return { range: kind.range, newText: quoteLike('CMD-SHELL', kind.style) };
}

function splitEdit(line: string, eol: string, test: YamlSequence, command: YamlScalar, words: string[]): TextEdit | null {
  if (command.style === 'BLOCK_LITERAL' || command.style === 'BLOCK_FOLDED') return null;
  if (test.flow) return { range: command.range, newText: words.map((w) => quoteLike(w, command.style, true)).join(', ') };
  const before = line.slice(0, command.range.start.character);
  const dash = before.lastIndexOf('-');
  if (dash < 0 || command.range.start.line !== command.range.end.line) return null;
  const prefix = before.slice(0, dash) + '- ';
  return { range: command.range, newText: words.map((w) => quoteLike(w, command.style)).join(eol + prefix) };
}
