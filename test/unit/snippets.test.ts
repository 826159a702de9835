/**
 * The snippets are hardened templates: each body, with its placeholders at their defaults, passes
 * every rule with no error or warning. Info and hint findings are listed here one by one, so each
 * is a decision, not an accident.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { validateCompose } from '../../server/src/compose-schema';
import { lintText } from '../../server/src/linter';

const ROOT = join(__dirname, '..', '..', '..');

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

interface SnippetFile {
  language: string;
  path: string;
}

const contributed = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: SnippetFile[] } }).contributes.snippets;

const KIND_OF_LANGUAGE: Record<string, 'dockerfile' | 'compose' | 'dockerignore'> = {
  dockerfile: 'dockerfile',
  dockercompose: 'compose',
  ignore: 'dockerignore',
};

/**
 * Info/hint findings each snippet is allowed, as `rule@line` (1-based, in the linted text). Keep it
 * short: every entry is a known, deliberate choice.
 */
const ALLOWED_NOTES: Record<string, string[]> = {};

/**
 * Fragments (a user block, a HEALTHCHECK) are linted inside a small Dockerfile that needs them;
 * `{snippet}` marks where the fragment goes.
 */
const HOSTS: Record<string, string> = {
  'Non-root user': 'FROM debian:12-slim\nCOPY app /app\n{snippet}\nHEALTHCHECK CMD ["/app", "healthcheck"]\nCMD ["/app"]\n',
  'Non-root user (Alpine)': 'FROM alpine:3.20\nCOPY app /app\n{snippet}\nHEALTHCHECK CMD ["/app", "healthcheck"]\nCMD ["/app"]\n',
  'HEALTHCHECK with curl': 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.12.1-r0\nCOPY app /app\nUSER 10001:10001\n{snippet}\nCMD ["/app"]\n',
  'HEALTHCHECK without curl': 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nUSER 65532:65532\n{snippet}\nENTRYPOINT ["/app"]\n',
};

/** The text VS Code inserts when every placeholder keeps its default (`${1:x}` → x, `$1` → nothing). */
export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && (text[i + 1] === '$' || text[i + 1] === '}' || text[i + 1] === '\\')) {
      out += text[i + 1];
      i++;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const rest = text.slice(i);
    const simple = /^\$(\d+|[A-Z_]+)/.exec(rest);
    if (simple) {
      i += simple[0].length - 1;
      continue;
    }
    const choice = /^\$\{\d+\|([^,|}]*)[^}]*\|\}/.exec(rest);
    if (choice) {
      out += choice[1];
      i += choice[0].length - 1;
      continue;
    }
    const placeholder = /^\$\{(\d+|[A-Z_]+)(?::((?:[^}\\]|\\.)*))?\}/.exec(rest);
    if (placeholder) {
      out += expandSnippet(placeholder[2] ?? '');
      i += placeholder[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** A compose service snippet is linted inside `services:`, a Dockerfile fragment inside its host. */
function asFile(kind: string, name: string, text: string): string {
  if (kind === 'dockerfile' && !/^FROM\s/im.test(text)) {
    assert.ok(HOSTS[name], `"${name}" is a fragment: give it a host Dockerfile in HOSTS`);
    return HOSTS[name].replace('{snippet}', text.trimEnd());
  }
  if (kind !== 'compose' || /^services:/m.test(text)) return `${text.trimEnd()}\n`;
  return `services:\n${text.trimEnd().split('\n').map((line) => (line === '' ? '' : `  ${line}`)).join('\n')}\n`;
}

describe('snippets', () => {
  it('are contributed for Dockerfiles, compose files and .dockerignore', () => {
    assert.deepEqual(contributed.map((file) => file.language).sort(), ['dockercompose', 'dockerfile', 'ignore']);
  });

  it('expand placeholders to their defaults', () => {
    assert.equal(expandSnippet(['FROM ${1:node}:${2:22}', 'USER $1${3}', 'ENV A=\\$HOME', 'CMD ${4|a,b|}$0']), 'FROM node:22\nUSER \nENV A=$HOME\nCMD a');
  });

  for (const file of contributed) {
    const kind = KIND_OF_LANGUAGE[file.language];
    const snippets = JSON.parse(readFileSync(join(ROOT, file.path), 'utf8')) as Record<string, Snippet>;
    describe(file.path, () => {
      for (const [name, snippet] of Object.entries(snippets)) {
        it(`"${name}" passes every rule`, () => {
          assert.ok(snippet.prefix.length > 0 && snippet.description.length > 0, 'has a prefix and a description');
          const text = asFile(kind, name, expandSnippet(snippet.body));
          const fileName = kind === 'dockerfile' ? 'Dockerfile' : kind === 'compose' ? 'compose.yaml' : '.dockerignore';
          const { findings, failures } = lintText(text, kind, { path: join('/snippet', fileName) });
          assert.deepEqual(failures, [], 'no rule failed');
          const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
          assert.deepEqual(
            serious.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message}`),
            [],
            `errors or warnings in:\n${text}`,
          );
          if (kind === 'compose') assert.deepEqual(validateCompose(parseYaml(text)), [], 'valid against the Compose schema');
          const notes = findings.filter((f) => f.severity === 'info' || f.severity === 'hint').map((f) => `${f.rule}@${f.range.start.line + 1}`);
          assert.deepEqual(notes.sort(), [...(ALLOWED_NOTES[name] ?? [])].sort(), `info/hint findings of "${name}" are listed in ALLOWED_NOTES`);
        });
      }
    });
  }
});
