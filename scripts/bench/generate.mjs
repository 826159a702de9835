// Deterministic Dockerfiles of a given length, made of the corpus's own instructions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function corpusDockerfiles(corpusDir) {
  return readdirSync(corpusDir)
    .sort()
    .map((name) => readFileSync(join(corpusDir, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'))
    .filter((text) => !/^#\s*escape\s*=/im.test(text) && !/\{\{|\{%/.test(text));
}

/** Whole corpus files, concatenated in order (directives dropped) and cut at an instruction boundary, padded to exactly `lines` lines. */
export function generateDockerfile(corpusDir, lines) {
  const sources = corpusDockerfiles(corpusDir);
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    const body = sources[i % sources.length].split('\n').filter((line) => !/^#\s*(syntax|escape|check)\s*=/i.test(line));
    out.push(...body);
  }
  // Cut back to a line that starts an instruction so no continuation is left open, then pad with comments.
  let end = lines;
  while (end > 0 && (/^\s/.test(out[end] ?? '') || /\\\s*$/.test(out[end - 1] ?? ''))) end--;
  const text = out.slice(0, end);
  while (text.length < lines) text.push('# padding');
  return text.join('\n') + '\n';
}
