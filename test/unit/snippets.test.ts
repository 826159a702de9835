/**
 * The snippets are hardened templates: each body, with its placeholders at their defaults and
 * linted in the project folder it is meant for, passes every rule and ShellCheck with no finding at
 * all (no error, warning, info or hint).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { validateCompose } from '../../server/src/compose-schema';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import type { FileAccess } from '../../server/src/engine/types';
import { lintText } from '../../server/src/linter';
import { ShellChecker } from '../../server/src/shellcheck/checker';
import { findShellCheck, ProcessShellCheckRunner } from '../../server/src/shellcheck/process-runner';

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

function readSnippets(path: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, Snippet>;
}

const KIND_OF_LANGUAGE: Record<string, 'dockerfile' | 'compose' | 'dockerignore'> = {
  dockerfile: 'dockerfile',
  dockercompose: 'compose',
  dockerignore: 'dockerignore',
};

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

/** The prefix of the .dockerignore starter, which templates that copy the whole build context are paired with. */
const STARTER_PREFIX = 'shipshape-dockerignore';
const starter = Object.values(readSnippets('snippets/dockerignore.json')).find((snippet) => snippet.prefix === STARTER_PREFIX);
assert.ok(starter, `the .dockerignore starter has the prefix ${STARTER_PREFIX}`);
const STARTER = expandSnippet(starter.body);

/** The Dockerfile next to the compose service snippet (its `build.context` is `.`). */
const COMPOSE_DOCKERFILE = expandSnippet(readSnippets('snippets/dockerfile.json')['Hardened Go (static, distroless)'].body);

/**
 * The project folder each kind of snippet is inserted into. A Dockerfile sits next to the
 * .dockerignore starter, a compose service next to a Dockerfile it builds and the starter, and the
 * starter in a Node project (a package.json, so the node_modules check applies too).
 */
const PROJECT_FILES: Record<'dockerfile' | 'compose' | 'dockerignore', Record<string, string>> = {
  dockerfile: { '.dockerignore': STARTER },
  compose: { '.dockerignore': STARTER, Dockerfile: COMPOSE_DOCKERFILE },
  dockerignore: { 'package.json': '{ "name": "app", "private": true }\n' },
};

const FILE_NAME = { dockerfile: 'Dockerfile', compose: 'compose.yaml', dockerignore: '.dockerignore' } as const;

function folder(files: Record<string, string>): FileAccess {
  return { readFile: (path) => files[path.replace(/^\.\//, '')] };
}

/** Every finding, as `rule@line: message` (1-based lines of the linted text). */
function lintProject(text: string, kind: 'dockerfile' | 'compose' | 'dockerignore', files: Record<string, string>): string[] {
  const { findings, failures } = lintText(text, kind, { path: FILE_NAME[kind], files: folder(files) });
  assert.deepEqual(failures, [], 'no rule failed');
  return findings.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message}`);
}

/** Whether a Dockerfile copies its whole build context (`COPY . .`, `COPY ./ /src`). */
const COPIES_CONTEXT = /^COPY(\s+--\S+)*\s+\.\/?\s/m;

describe('snippets', () => {
  let shellcheck: ShellChecker;
  before(() => {
    const ensured = spawnSync('bash', [join(ROOT, 'scripts', 'ensure-shellcheck.sh')], { encoding: 'utf8' });
    assert.equal(ensured.status, 0, `shellcheck is needed to check the snippets' RUN lines and could not be installed:\n${ensured.stderr}`);
    const executable = findShellCheck(null);
    assert.ok(executable, 'shellcheck is on PATH after ensure-shellcheck.sh');
    shellcheck = new ShellChecker(new ProcessShellCheckRunner(executable));
  });

  it('are contributed for Dockerfiles, compose files and .dockerignore', () => {
    assert.deepEqual(contributed.map((file) => file.language).sort(), ['dockercompose', 'dockerfile', 'dockerignore']);
  });

  it('expand placeholders to their defaults', () => {
    assert.equal(expandSnippet(['FROM ${1:node}:${2:22}', 'USER $1${3}', 'ENV A=\\$HOME', 'CMD ${4|a,b|}$0']), 'FROM node:22\nUSER \nENV A=$HOME\nCMD a');
  });

  for (const file of contributed) {
    const kind = KIND_OF_LANGUAGE[file.language];
    describe(file.path, () => {
      for (const [name, snippet] of Object.entries(readSnippets(file.path))) {
        it(`"${name}" passes every rule as written`, async () => {
          assert.ok(snippet.prefix.length > 0 && snippet.description.length > 0, 'has a prefix and a description');
          const text = asFile(kind, name, expandSnippet(snippet.body));
          assert.deepEqual(lintProject(text, kind, PROJECT_FILES[kind]), [], `findings in:\n${text}`);
          if (kind === 'compose') assert.deepEqual(validateCompose(parseYaml(text)), [], 'valid against the Compose schema');
          if (kind === 'dockerfile') {
            const { findings, failures } = await shellcheck.check(parseDockerfile(text));
            assert.deepEqual([failures, findings.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message}`)], [[], []], `ShellCheck on:\n${text}`);
          }
        });
      }
    });
  }

  describe('templates that copy the whole build context', () => {
    const copying = Object.entries(readSnippets('snippets/dockerfile.json')).filter(([, snippet]) => COPIES_CONTEXT.test(expandSnippet(snippet.body)));

    it('are the Node.js and Go ones', () => {
      assert.deepEqual(
        copying.map(([name]) => name),
        ['Hardened Node.js (multi-stage)', 'Hardened Go (static, distroless)', 'Hardened Go (static, scratch)'],
      );
    });

    for (const [name, snippet] of copying) {
      it(`"${name}" says it is paired with the .dockerignore starter, which it needs`, () => {
        assert.match(snippet.description, new RegExp(`Pair it with the \\.dockerignore starter \\(${STARTER_PREFIX}\\)`));
        const text = expandSnippet(snippet.body);
        const alone = lintProject(text, 'dockerfile', {});
        assert.deepEqual(alone, [`dockerignore-missing@${text.split('\n').findIndex((line) => COPIES_CONTEXT.test(`${line}\n`)) + 1}: COPY . copies the whole build context and there is no .dockerignore: .git, .env files and keys can end up in the image`]);
      });
    }
  });
});
