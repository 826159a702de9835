import { defineRule, type Report } from '../../engine/rule';
import { endsWithEscape } from '../../dockerfile/chunks';
import type { Instruction } from '../../dockerfile/instruction';
import type { DockerfileModel } from '../../dockerfile/model';
import { range, type Range, type TextEdit } from '../../engine/text';
import type { Fix } from '../../engine/types';

const KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
];

/** What each keyword needs when it has no arguments at all. */
const NEEDS: Record<string, string> = {
  FROM: 'an image: FROM <image>[:<tag>] [AS <name>]',
  RUN: 'a command',
  LABEL: 'a key=value pair',
  MAINTAINER: 'a name',
  EXPOSE: 'a port',
  ENV: 'a name=value pair',
  ADD: 'a source and a destination',
  COPY: 'a source and a destination',
  VOLUME: 'a path',
  USER: 'a user name or id',
  WORKDIR: 'a path',
  ARG: 'a name',
  ONBUILD: 'an instruction to run later',
  STOPSIGNAL: 'a signal',
  HEALTHCHECK: 'CMD <command> or NONE',
  SHELL: 'a JSON array such as ["/bin/sh", "-c"]',
};

export const parseError = defineRule({
  id: 'parse-error',
  aliases: [],
  severity: 'error',
  kinds: ['dockerfile'],
  fixable: true,
  docs: {
    summary: 'An instruction the Dockerfile parser rejects or misreads: unknown keyword, FROM without image or stage name, malformed JSON, missing arguments.',
    why:
      'A Dockerfile that does not parse does not build, and some mistakes parse into something else: `CMD [\'node\', \'a.js\']` is not JSON, so Docker runs it through /bin/sh as the command `[node,` and the container exits at once.',
    bad: "FROM node:22-slim AS\nRNU npm ci\nCMD ['node', 'server.js']",
    good: 'FROM node:22-slim AS app\nRUN npm ci\nCMD ["node", "server.js"]',
    notes:
      'Unknown keywords name the closest instruction and the fix replaces it; a line that continues a command whose previous line ends with `&&` or `|` but no `\\` gets the missing continuation. Malformed JSON with single quotes or a trailing comma is repaired in place. A file that ends inside a continuation (last line ends with the escape character) is a warning; the fix removes the stray escape. Instructions before the first FROM are reported by instruction-before-from.',
  },
  check({ model, report }) {
    model.instructions.forEach((instruction, position) => {
      checkInstruction(model, instruction, report, position > 0 ? model.instructions[position - 1] : null);
      if (instruction.keyword === 'ONBUILD' && instruction.trigger) checkInstruction(model, instruction.trigger, report, null);
    });
    checkTrailingEscape(model, report);
  },
});

function checkInstruction(model: DockerfileModel, instruction: Instruction, report: (r: Report) => void, previous: Instruction | null): void {
  const keyword = instruction.keyword;
  if (!KEYWORDS.includes(keyword)) {
    reportUnknown(model, instruction, report, previous);
    return;
  }
  if (instruction.args.length === 0 && instruction.heredocs.length === 0 && NEEDS[keyword]) {
    const flags = instruction.flags.length > 0 ? ' (only options were given)' : '';
    report({ range: instruction.keywordRange, message: `${keyword} needs ${NEEDS[keyword]}${flags}` });
    return;
  }
  if (keyword === 'FROM') checkFrom(instruction, report);
  if (keyword === 'ENV' || keyword === 'LABEL') {
    for (const prop of instruction.properties) {
      if (prop.value === null && !prop.hasEquals) report({ range: prop.range, message: `${keyword} ${prop.name} needs a value: ${keyword} ${prop.name}=<value>` });
    }
  }
  if (keyword === 'HEALTHCHECK') {
    const sub = instruction.args[0].value.toUpperCase();
    if (sub !== 'CMD' && sub !== 'NONE') {
      report({ range: instruction.args[0].range, message: `HEALTHCHECK expects CMD <command> or NONE, found "${instruction.args[0].value}"` });
    } else if (sub === 'CMD' && instruction.args.length === 1) {
      report({ range: instruction.args[0].range, message: 'HEALTHCHECK CMD needs a command to run' });
    }
  }
  if ((keyword === 'COPY' || keyword === 'ADD') && instruction.heredocs.length === 0) {
    const count = instruction.json ? instruction.json.length : instruction.args.length;
    if (count === 1 && !instruction.malformedJson) {
      report({ range: instruction.range, message: `${keyword} needs a source and a destination: only "${(instruction.json ?? instruction.args)[0].value}" was given` });
    }
  }
  if (instruction.malformedJson) reportMalformedJson(instruction, report);
}

function checkFrom(from: Instruction, report: (r: Report) => void): void {
  const args = from.args;
  if (args.length === 2 && args[1].value.toUpperCase() === 'AS') {
    report({ range: args[1].range, message: `AS needs a stage name: FROM ${args[0].value} AS <name>` });
  } else if (args.length >= 2 && args[1].value.toUpperCase() !== 'AS') {
    report({ range: spanOf(args.slice(1).map((a) => a.range)), message: `Expected "AS <name>" after the image ${args[0].value}, found "${args[1].value}"` });
  } else if (args.length > 3) {
    report({ range: spanOf(args.slice(3).map((a) => a.range)), message: `Unexpected text after the stage name ${args[2].value}` });
  }
}

function spanOf(ranges: Range[]): Range {
  return { start: ranges[0].start, end: ranges[ranges.length - 1].end };
}

function reportUnknown(model: DockerfileModel, instruction: Instruction, report: (r: Report) => void, previous: Instruction | null): void {
  const word = instruction.keywordText;
  const fixes: Fix[] = [];
  // A command continued without its escape: `RUN a &&` on one line, `b` on the next.
  if (previous && previous.range.end.line === instruction.range.start.line - 1) {
    const line = previous.range.end.line;
    const text = model.index.lineText(line);
    const operator = /(&&|\|\||\|)\s*$/.exec(text);
    if (operator && (previous.keyword === 'RUN' || previous.keyword === 'CMD' || previous.keyword === 'ENTRYPOINT')) {
      const end = text.trimEnd().length;
      report({
        range: instruction.keywordRange,
        message: `Unknown instruction "${word}": line ${line + 1} ends with ${operator[1]} but no ${model.escape} to continue the command on this line`,
        fixes: [{ title: `Add ${model.escape} to continue line ${line + 1}`, isPreferred: true, edits: [{ range: range(line, end, line, end), newText: ' ' + model.escape }] }],
      });
      return;
    }
  }
  const suggestion = closestKeyword(word.toUpperCase());
  if (suggestion) {
    const replacement = word === word.toLowerCase() ? suggestion.toLowerCase() : suggestion;
    fixes.push({ title: `Replace with ${replacement}`, isPreferred: true, edits: [{ range: instruction.keywordRange, newText: replacement }] });
  }
  report({
    range: instruction.keywordRange,
    message: suggestion ? `Unknown instruction "${word}": did you mean ${suggestion}?` : `Unknown instruction "${word}"`,
    fixes,
  });
}

function closestKeyword(word: string): string | null {
  if (!/^[A-Z]+$/.test(word)) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const keyword of KEYWORDS) {
    const distance = editDistance(word, keyword);
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  const allowed = word.length <= 4 ? 1 : 2;
  if (!best || tie || bestDistance > allowed || Math.abs(best.length - word.length) > 1) return null;
  return best;
}

/** Levenshtein distance, counting a swap of two neighbours as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function reportMalformedJson(instruction: Instruction, report: (r: Report) => void): void {
  const argsText = instruction.argsText;
  if (!argsText) return;
  const text = argsText.text;
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  const target = instruction.keyword === 'VOLUME' ? 'a path' : 'a shell command';
  const repair = repairJson(text);
  const problem = repair?.problem ?? jsonProblem(text.trim());
  const fixes: Fix[] = repair
    ? [{ title: `Fix the JSON (${repair.problem})`, isPreferred: true, edits: repair.offsets.map(([from, to, newText]): TextEdit => ({ range: argsText.rangeOf(from, to), newText })) }]
    : [];
  report({
    range: argsText.rangeOf(start, end),
    message: `${instruction.keyword} looks like exec form but is not a valid JSON array of strings (${problem}): Docker takes it as ${target}`,
    fixes,
  });
}

/** Single quotes and a trailing comma, the two common slips, repaired as character edits. */
function repairJson(text: string): { problem: string; offsets: [number, number, string][] } | null {
  const offsets: [number, number, string][] = [];
  const problems: string[] = [];
  let candidate = text;
  if (text.includes("'") && !text.includes('"')) {
    for (let i = 0; i < text.length; i++) if (text[i] === "'") offsets.push([i, i + 1, '"']);
    candidate = text.replace(/'/g, '"');
    problems.push('single quotes');
  }
  const trailing = /,(\s*)\]\s*$/.exec(candidate);
  if (trailing) {
    offsets.push([trailing.index, trailing.index + 1, '']);
    candidate = candidate.slice(0, trailing.index) + candidate.slice(trailing.index + 1);
    problems.push('trailing comma');
  }
  if (offsets.length === 0) return null;
  try {
    const parsed: unknown = JSON.parse(candidate);
    if (!Array.isArray(parsed) || !parsed.every((e) => typeof e === 'string')) return null;
  } catch {
    return null;
  }
  return { problem: problems.join(' and '), offsets };
}

function jsonProblem(text: string): string {
  if (!text.endsWith(']')) return 'no closing ]';
  if (/'/.test(text) && !text.includes('"')) return 'JSON needs double quotes';
  if (/"\s+"/.test(text)) return 'a comma is missing between elements';
  if (/,\s*\]$/.test(text)) return 'trailing comma';
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? 'elements must be strings' : 'not an array';
  } catch {
    return 'invalid JSON';
  }
}

function checkTrailingEscape(model: DockerfileModel, report: (r: Report) => void): void {
  const index = model.index;
  let line = index.lineCount - 1;
  while (line >= 0 && index.lineText(line).trim() === '') line--;
  if (line < 0) return;
  const text = index.lineText(line);
  if (text.trim().startsWith('#') || !endsWithEscape(text, model.escape)) return;
  const instruction = model.instructionAt(line);
  if (!instruction) return;
  if (instruction.heredocs.some((h) => h.contentRange && h.contentRange.start.line <= line && line <= h.contentRange.end.line)) return;
  const escapeAt = text.trimEnd().length - 1;
  // The escape character goes with the blanks before it; an escape character left before those is
  // escaped text (`C:\\dir\\ \`), which does not continue the line.
  let keep = escapeAt;
  while (keep > 0 && (text[keep - 1] === ' ' || text[keep - 1] === '\t')) keep--;
  report({
    range: range(line, escapeAt, line, escapeAt + 1),
    severity: 'warning',
    message: `The file ends inside a continuation: line ${line + 1} ends with ${model.escape} but no line follows`,
    fixes: [{ title: `Remove the trailing ${model.escape}`, isPreferred: true, edits: [{ range: range(line, keep, line, text.length), newText: '' }] }],
  });
}
