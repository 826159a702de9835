import { defineRule } from '../../engine/rule';
import type { DockerfileModel } from '../../dockerfile/model';
import { range, removeLinesEdits } from '../../engine/text';
import type { Fix } from '../../engine/types';

const KNOWN = new Set(['syntax', 'escape', 'check']);
/** What BuildKit accepts after the leading `#` and white space. */
const DIRECTIVE_BODY = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
/** A comment that looks like a directive, wherever it is. */
const LOOKS_LIKE_DIRECTIVE = /^\s*#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/;

export const parserDirective = defineRule({
  id: 'parser-directive',
  aliases: [],
  severity: 'warning',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'Parser directives (`# syntax=`, `# escape=`, `# check=`) that are ignored, invalid, duplicated or not in the canonical spelling.',
    why:
      'BuildKit reads directives only from the very top of the file: the first comment, blank line or instruction ends them, and every later `# syntax=…` is an ordinary comment. The frontend version, escape character or check settings you wrote then silently do not apply. A second directive of the same name or an escape other than \\ or ` stops the build.',
    bad: '# Build the API\n# syntax=docker/dockerfile:1\nFROM alpine:3.20',
    good: '# syntax=docker/dockerfile:1\n# Build the API\nFROM alpine:3.20',
    notes:
      'Ignored directives are warnings (the fix moves them to the top, unless a directive of that name is already there). A duplicate or an invalid escape value is an error. Spellings BuildKit accepts but that are not canonical (`#syntax = …`, `# Syntax=…`) are hints, fixed to `# syntax=…`. Directive names other than syntax, escape and check are ordinary comments and are not reported.',
  },
  check({ model, report }) {
    const index = model.index;
    const eol = index.eol();
    const bom = index.lineText(0).charCodeAt(0) === 0xfeff ? 1 : 0;
    const seen = new Set<string>();
    /** The line of each directive in effect, by name. */
    const setAt = new Map<string, number>();
    const handled = new Set<number>();
    let stopLine = index.lineCount;
    for (let line = 0; line < index.lineCount; line++) {
      const from = line === 0 ? bom : 0;
      const text = index.lineText(line).slice(from);
      const match = text.startsWith('#') ? DIRECTIVE_BODY.exec(text.slice(1).trimStart()) : null;
      const name = match?.[1].toLowerCase();
      if (!match || !name || !KNOWN.has(name)) {
        stopLine = line;
        break;
      }
      handled.add(line);
      const lineRange = range(line, from, line, from + text.length);
      if (seen.has(name)) {
        // The later ones of the name in the same block go too: each would become the second in turn.
        const repeats = [line];
        for (let next = line + 1; next < index.lineCount; next++) {
          const later = index.lineText(next);
          const body = later.startsWith('#') ? DIRECTIVE_BODY.exec(later.slice(1).trimStart()) : null;
          if (!body || !KNOWN.has(body[1].toLowerCase())) break;
          if (body[1].toLowerCase() === name) repeats.push(next);
        }
        report({
          range: lineRange,
          severity: 'error',
          message: `A second ${name} directive: BuildKit stops with "only one ${name} parser directive can be used"`,
          fixes: [{ title: repeats.length > 1 ? `Remove the ${repeats.length} repeated ${name} directives` : `Remove the second ${name} directive`, isPreferred: false, edits: removeLinesEdits(index, repeats) }],
        });
        stopLine = line;
        break;
      }
      seen.add(name);
      setAt.set(name, line);
      const value = match[2];
      if (name === 'escape' && value !== '\\' && value !== '`') {
        report({ range: lineRange, severity: 'error', message: `Invalid escape character "${value}": BuildKit accepts only \\ or \` and stops the build` });
        continue;
      }
      const canonical = `# ${name}=${value}`;
      if (text !== canonical) {
        report({
          range: lineRange,
          severity: 'hint',
          message: `Write the ${name} directive as "${canonical}"`,
          fixes: [{ title: `Rewrite as "${canonical}"`, isPreferred: true, edits: [{ range: lineRange, newText: canonical }] }],
        });
      }
    }

    const candidates = new Set<number>();
    for (const comment of model.comments) candidates.add(comment.line);
    for (const directive of model.directives) candidates.add(directive.line);
    for (const line of [...candidates].sort((a, b) => a - b)) {
      if (handled.has(line)) continue;
      const from = line === 0 ? bom : 0;
      const text = index.lineText(line).slice(from);
      const match = LOOKS_LIKE_DIRECTIVE.exec(text);
      if (!match || match[2] === '') continue;
      const name = match[1].toLowerCase();
      if (!KNOWN.has(name)) continue;
      const canonical = `# ${name}=${match[2]}`;
      // Right after the directives, only the indentation keeps it from being one, unless that name is
      // already set (then it would be a second one).
      const reason =
        line === stopLine && setAt.has(name)
          ? `a ${name} directive is already set on line ${setAt.get(name)! + 1}`
          : line === stopLine && !text.startsWith('#')
            ? 'a parser directive must start with # at the very beginning of the line'
            : `parser directives must come before any comment, blank line or instruction (line ${stopLine + 1} is ${describeLine(model, stopLine)})`;
      let fixes: Fix[] = [];
      if (!seen.has(name)) {
        const title = `Move "${canonical}" to the top of the file`;
        fixes =
          line === stopLine
            ? [{ title: `Rewrite as "${canonical}"`, isPreferred: true, edits: [{ range: range(line, from, line, from + text.length), newText: canonical }] }]
            : [
                {
                  title,
                  isPreferred: true,
                  edits: [
                    { range: range(0, bom, 0, bom), newText: canonical + eol },
                    { range: wholeLine(model, line), newText: '' },
                  ],
                },
              ];
      }
      report({
        range: range(line, from, line, from + text.length),
        message: `"${text.trim()}" is an ordinary comment, not a directive: ${reason}`,
        fixes,
      });
      seen.add(name);
    }
  },
});

function describeLine(model: DockerfileModel, line: number): string {
  const text = model.index.lineText(line);
  if (text.trim() === '') return 'blank';
  if (text.trim().startsWith('#')) return 'a comment';
  return 'an instruction';
}

/** The line with its line break (or, for the last line, with the break before it). */
function wholeLine(model: DockerfileModel, line: number) {
  const index = model.index;
  if (line + 1 < index.lineCount) return range(line, 0, line + 1, 0);
  if (line === 0) return range(0, 0, 0, index.lineText(0).length);
  return range(line - 1, index.lineText(line - 1).length, line, index.lineText(line).length);
}
