import { defineRule } from '../../engine/rule';
import type { Instruction } from '../../dockerfile/instruction';
import { isCommentLine } from '../../dockerfile/chunks';
import { argPairs } from './build-check-helpers';

/** Comments that are pragmas for a tool, not descriptions. */
const PRAGMA = /^\s*#\s*(shipshape\s|hadolint\s|trivy:|checkov:|kics\s|syntax\s*=|escape\s*=|check\s*=|nosemgrep|noqa|tfsec:)/i;

export const invalidDefinitionDescription = defineRule({
  id: 'invalid-definition-description',
  aliases: ['InvalidDefinitionDescription'],
  severity: 'hint',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'The comment right above a named FROM or an ARG does not start with the stage or ARG name.',
    why: '`docker build --call=outline` and `--call=targets` show the comment directly above a stage or ARG as its description, when it starts with that name (`# VERSION sets the release`). Any other comment there becomes a misleading description; an empty line between them says it is not one.',
    bad: '# install the toolchain\nFROM golang:1.22 AS build',
    good: '# build compiles the server\nFROM golang:1.22 AS build',
    notes: 'A hint: BuildKit runs this check only when experimental checks are enabled. Tool pragmas (`# hadolint ignore=…`, `# shipshape ignore=…`, `# syntax=…`) are not taken as descriptions. The quick fix inserts an empty line after the comment; `--fix` does not apply it, since where a comment sits is the author\'s layout choice and the check is only a hint.',
  },
  check({ model, report }) {
    const index = model.index;
    const directiveLines = new Set(model.directives.map((d) => d.line));
    const check = (instruction: Instruction, keys: string[], label: string) => {
      if (keys.length === 0) return;
      const line = instruction.range.start.line - 1;
      if (line < 0 || directiveLines.has(line)) return;
      const text = index.lineText(line);
      if (!isCommentLine(text) || PRAGMA.test(text)) return;
      const content = text.trim().replace(/^#\s?/, '');
      // An empty `#` line separates like an empty line does.
      if (content.trim() === '' || keys.includes(content.split(' ')[0])) return;
      const example = keys.length > 1 ? '<arg_key>' : keys[0];
      // At the end of the comment line: a line break inserted after a lone \r would join it into one \r\n.
      const at = { line, character: text.length };
      report({
        range: { start: { line, character: 0 }, end: { line, character: text.length } },
        message: `Comment for ${label} should follow the format: \`# ${example} <description>\``,
        fixes: [{ title: 'Separate the comment from the instruction', isPreferred: false, edits: [{ range: { start: at, end: at }, newText: index.eol() }] }],
      });
    };
    for (const instruction of model.instructions) {
      if (instruction.keyword === 'FROM') {
        const stage = model.stages.find((s) => s.from === instruction);
        if (stage?.name) check(instruction, [stage.name], 'FROM');
      } else if (instruction.keyword === 'ARG') {
        check(instruction, argPairs(instruction).map((p) => p.name), 'ARG');
      }
    }
  },
});
