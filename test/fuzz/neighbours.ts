/**
 * Files around a fuzzed document, in memory: a project folder with compose files, Dockerfiles,
 * ignore files and secret files, so the rules that read neighbouring files (dockerignore-missing,
 * compose-env-secret, copy-ignored-file…) run, and the files their fixes create or edit can be
 * checked like the document's own edits.
 */
import { posix } from 'node:path';
import { applyEdits } from '../../server/src/engine/text';
import type { FileAccess, Fix } from '../../server/src/engine/types';
import type { CorpusKind } from './corpus';
import type { Random } from './random';

export interface Neighbourhood {
  /** Absolute path of the linted document. */
  path: string;
  /** Absolute path → text of every other file. */
  files: Record<string, string>;
}

const ROOT = '/project';

const COMPOSE_BUILDS = [
  'services:\n  app:\n    build: .\n',
  'services:\n  app:\n    build:\n      context: .\n      dockerfile: app/Dockerfile\n    environment:\n      DB_PASSWORD: hunter2\n',
  'services:\n  app: {build: {context: ., dockerfile: app/Dockerfile}, image: app}\n',
  'services:\n  app:\n    build: ./app\n    secrets: [db]\nsecrets:\n  db:\n    file: ./secrets/db.txt\n',
  'services:\n  app:\n    build: ${CONTEXT:-.}\n',
];

const DOCKERFILES = ['FROM node:20\nCOPY . .\nRUN npm ci\n', 'FROM python:3.12\nCOPY . /app\n', 'FROM alpine:3.20\nCOPY app.sh /\n'];
const IGNORES = ['.git\n.env\n', '*\n!app.sh\n', 'node_modules\r\n', 'secrets/\n'];

/** A random project around a document of `kind`; undefined for "unsaved text" (no files at all). */
export function randomNeighbourhood(random: Random, kind: CorpusKind): Neighbourhood | undefined {
  if (random.chance(0.4)) return undefined;
  const files: Record<string, string> = {};
  if (random.chance(0.7)) files[`${ROOT}/.git/HEAD`] = 'ref: refs/heads/main\n';
  const maybe = (path: string, choices: readonly string[], p = 0.5) => {
    if (random.chance(p)) files[path] = random.pick(choices);
  };
  if (kind === 'dockerfile') {
    const path = random.pick([`${ROOT}/Dockerfile`, `${ROOT}/app/Dockerfile`, `${ROOT}/app/api.Dockerfile`]);
    maybe(`${ROOT}/compose.yaml`, COMPOSE_BUILDS, 0.6);
    maybe(`${ROOT}/app/docker-compose.yml`, COMPOSE_BUILDS, 0.2);
    maybe(`${posix.dirname(path)}/.dockerignore`, IGNORES, 0.3);
    maybe(`${path}.dockerignore`, IGNORES, 0.15);
    maybe(`${ROOT}/package.json`, ['{}\n']);
    return { path, files };
  }
  if (kind === 'compose') {
    maybe(`${ROOT}/Dockerfile`, DOCKERFILES, 0.7);
    maybe(`${ROOT}/app/Dockerfile`, DOCKERFILES, 0.4);
    maybe(`${ROOT}/.dockerignore`, IGNORES, 0.4);
    maybe(`${ROOT}/app/Dockerfile.dockerignore`, IGNORES, 0.2);
    maybe(`${ROOT}/secrets/db.txt`, ['hunter2', 'other'], 0.3);
    maybe(`${ROOT}/secrets/db_password.txt`, ['hunter2', 'other'], 0.3);
    return { path: `${ROOT}/${random.pick(['compose.yaml', 'docker-compose.yml', 'deploy/compose.yaml'])}`, files };
  }
  maybe(`${ROOT}/Dockerfile`, DOCKERFILES, 0.8);
  return { path: `${ROOT}/.dockerignore`, files };
}

function resolvePath(neighbourhood: Neighbourhood, path: string): string {
  return posix.resolve(posix.dirname(neighbourhood.path), path);
}

export function fileAccess(neighbourhood: Neighbourhood): FileAccess {
  return { readFile: (path) => neighbourhood.files[resolvePath(neighbourhood, path)] };
}

/**
 * The neighbourhood after a fix's created files and edits to other files, or the reason the fix
 * cannot apply there (it creates a file that exists, edits one that does not, or edits outside it).
 */
export function afterFix(neighbourhood: Neighbourhood, fix: Fix, rangeProblem: (text: string, edits: Fix['edits']) => string | null): Neighbourhood | string {
  const files = { ...neighbourhood.files };
  for (const created of fix.createFiles ?? []) {
    const path = resolvePath(neighbourhood, created.path);
    if (path === neighbourhood.path || files[path] !== undefined) return `creates ${created.path}, which exists`;
    files[path] = created.text;
  }
  for (const external of fix.externalEdits ?? []) {
    const path = resolvePath(neighbourhood, external.path);
    const text = files[path];
    if (text === undefined || path === neighbourhood.path) return `edits ${external.path}, which is ${text === undefined ? 'missing' : 'the linted file'}`;
    const bad = rangeProblem(text, external.edits);
    if (bad) return `edits ${external.path}: ${bad}`;
    files[path] = applyEdits(text, external.edits);
  }
  return { path: neighbourhood.path, files };
}
