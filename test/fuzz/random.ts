/**
 * A small seeded generator of edits for the fuzzer: the same seed gives the same edits, so every
 * failure can be replayed from its seed.
 */

export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** An edit as the editor sends it: replace text[start, end) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** What the edit was, for reports. */
  label: string;
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** Fragments users half-type: quotes, brackets, heredocs, directives, continuations, YAML anchors. */
const TOKENS = [
  '"', "'", '`', '[', ']', '{', '}', '(', ')', '${', '$(', '$', '\\', '\\\n', ' \\\n', '\\\r\n', '&&', '||', '|', ';', '&', '>', '<',
  '<<EOF\n', '<<-"EOT"\n\techo hi\n\tEOT\n', '<<EOF\necho hi\n', 'EOF\n', 'RUN <<EOF\n', 'COPY <<EOF /x\n',
  '# escape=`\n', '# escape=\\\n', '# syntax=docker/dockerfile:1\n', '# check=skip=all;error=true\n', '# shipshape ignore=', '# hadolint ignore=DL3008\n',
  '["', '["sh", "-c', '["a",', '[ "a" , ', '[]', '["a", "b"]', "['a', 'b']", '["\\u0000"]',
  'FROM ', 'FROM alpine AS ', 'FROM --platform=$BUILDPLATFORM ', 'FROM scratch\n', 'RUN ', 'RUN apt-get install ', 'RUN pip install ', 'RUN curl http://x | sh',
  'CMD ', 'ENTRYPOINT ', 'COPY --from=', 'COPY --chown=', 'ADD http://example.com/a ', 'ONBUILD ', 'ONBUILD ONBUILD ', 'HEALTHCHECK CMD ', 'HEALTHCHECK NONE',
  'ARG X=', 'ARG ', 'ENV A=', 'ENV A ', 'LABEL a=', 'USER ', 'USER root\n', 'WORKDIR ', 'EXPOSE ', 'EXPOSE 80/', 'SHELL ["/bin/bash", "-c"]\n', 'VOLUME ',
  '--mount=type=cache,target=', '--mount=type=secret,id=', '--network=', '--', '-', '=',
  'services:\n', '  web:\n', '    image: ', '    build: .\n', '    ports:\n      - "', '    environment:\n      ', '- ', ': ', ':', '  ', '    ', '\t',
  '&a ', '*a', '<<: *a\n', '!!binary ', '? ', '--- \n', '...\n', '|\n', '>-\n', '{a: [b, {c: ', '[[[[', ']]]]',
  '!', '**/', '*', '?', '.git\n', '!.env\n', '/', '../', '..',
];

/** Characters beyond ASCII and control characters. */
const ODD_CHARS = [
  '\0', '\r', '\t', '\v', '\f', '\x1b', '\x7f', '\x08', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b', '\u200e', '\u202e',
  'é', 'ß', '中', 'ア', '😀', '👩‍💻', '\ud800', '\udc00', 'e\u0301', 'İ', 'ǅ',
];

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./:=@#\n';

/** A random edit of `text`; `fragments` are other files to paste pieces of. */
export function randomEdit(random: Random, text: string, fragments: readonly string[]): Edit {
  const at = random.int(text.length + 1);
  const choice = random.int(100);
  if (choice < 25) {
    const length = 1 + random.int(8);
    let typed = '';
    for (let i = 0; i < length; i++) typed += ASCII[random.int(ASCII.length)];
    return { start: at, end: at, text: typed, label: 'type' };
  }
  if (choice < 45) return { start: at, end: at, text: random.pick(TOKENS), label: 'token' };
  if (choice < 55) return { start: at, end: at, text: random.pick(ODD_CHARS), label: 'odd char' };
  if (choice < 70) {
    const length = random.chance(0.8) ? 1 + random.int(10) : 1 + random.int(400);
    return { start: at, end: Math.min(text.length, at + length), text: '', label: 'delete' };
  }
  if (choice < 82 && fragments.length > 0) {
    const source = random.pick(fragments);
    const from = random.int(source.length + 1);
    const piece = source.slice(from, from + 1 + random.int(random.chance(0.2) ? 2000 : 200));
    const end = random.chance(0.3) ? Math.min(text.length, at + random.int(200)) : at;
    return { start: at, end, text: piece, label: 'paste' };
  }
  if (choice < 88) {
    // Line endings: turn a \n into \r\n, a \r\n into \n, or add a lone \r.
    const newline = text.indexOf('\n', at);
    if (newline > 0 && text[newline - 1] === '\r') return { start: newline - 1, end: newline + 1, text: '\n', label: 'crlf to lf' };
    if (newline >= 0) return { start: newline, end: newline + 1, text: random.chance(0.8) ? '\r\n' : '\r', label: 'lf to crlf' };
    return { start: at, end: at, text: '\r\n', label: 'crlf' };
  }
  if (choice < 94) {
    // Duplicate a line (a pasted instruction, a repeated key).
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    let lineEnd = text.indexOf('\n', at);
    lineEnd = lineEnd === -1 ? text.length : lineEnd + 1;
    const line = text.slice(lineStart, lineEnd);
    return { start: lineStart, end: lineStart, text: line.endsWith('\n') ? line : line + '\n', label: 'duplicate line' };
  }
  if (choice < 97) {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return { start: lineStart, end: lineStart, text: random.pick(['  ', '\t', '    ', '#', '# ']), label: 'indent' };
  }
  return { start: at, end: text.length, text: '', label: 'truncate' };
}
