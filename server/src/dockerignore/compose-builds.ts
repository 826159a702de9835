/**
 * What compose files around a Dockerfile or a .dockerignore say about its builds: the contexts
 * compose builds a Dockerfile from, and the secret files a compose file keeps in a context.
 */
import { parseCompose, scalarText, type ComposeModel } from '../compose/model';
import { baseName } from '../engine/file-kinds';
import type { FileAccess } from '../engine/types';
import { cleanPath, hasMagic } from './patterns';

/** The names `docker compose` reads without `-f`, and their override files. */
export const COMPOSE_FILE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
];

/** How many folders above a Dockerfile are searched for the compose files that build it. */
export const MAX_PARENT_LEVELS = 3;

/** A slash-separated relative path, cleaned (`.` for the folder itself). */
export function joinRelative(...parts: string[]): string {
  return cleanPath(parts.filter((p) => p !== '' && p !== '.').join('/').replace(/\\/g, '/'));
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * The folders that contain the file at `path`, outermost first, as far as the path names them: a
 * relative path names none above its first folder (`app/Dockerfile` names `app`), and a drive
 * letter is not a folder one can step into from above.
 */
export function folderNames(path: string | undefined): string[] {
  if (!path) return [];
  const parts = path.split(/[\\/]+/).slice(0, -1);
  const names: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === '' || part === '.' || (i === 0 && /^[A-Za-z]:$/.test(part))) continue;
    if (part === '..') names.length = 0;
    else names.push(part);
  }
  return names;
}

/** A path relative to the folder that `names` name, as the names of its folders and itself; null when it leaves what they name. */
function resolveBelow(names: readonly string[], relative: string): string[] | null {
  const parts = [...names];
  for (const part of relative.split('/')) {
    if (part === '.' || part === '') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length === 0) return null;
    else parts.pop();
  }
  return parts;
}

/** True when the folder (relative to the linted file's) is a repository root: compose files above it build other projects. */
function isRepositoryRoot(files: FileAccess, folder: string): boolean {
  return files.readFile(joinRelative(folder, '.git/HEAD')) !== undefined || files.readFile(joinRelative(folder, '.git')) !== undefined;
}

export interface ComposeFile {
  /** Relative to the linted file's folder. */
  path: string;
  /** The compose file's folder, relative to the linted file's folder (`.`, `..`…). */
  folder: string;
  model: ComposeModel;
}

/** The compose files (default names) in a folder relative to the linted file's. */
export function composeFilesIn(files: FileAccess, folder: string): ComposeFile[] {
  const out: ComposeFile[] = [];
  for (const name of COMPOSE_FILE_NAMES) {
    const path = joinRelative(folder, name);
    const text = files.readFile(path);
    if (text !== undefined) out.push({ path, folder, model: parseCompose(text.replace(/^\uFEFF/, '')) });
  }
  return out;
}

/**
 * The build contexts, relative to the Dockerfile's folder (`.` for that folder), of the services
 * that build the Dockerfile at `dockerfilePath`, found in compose files of its folder and up to
 * MAX_PARENT_LEVELS folders above it (not above a repository root, nor above what the path names).
 */
export function composeContextsOf(files: FileAccess, dockerfilePath: string | undefined): string[] {
  if (!dockerfilePath) return [];
  const name = baseName(dockerfilePath);
  const names = folderNames(dockerfilePath);
  const contexts = new Set<string>();
  for (let level = 0; level <= Math.min(MAX_PARENT_LEVELS, names.length); level++) {
    const folder = level === 0 ? '.' : Array(level).fill('..').join('/');
    for (const compose of composeFilesIn(files, folder)) {
      for (const service of compose.model.services) {
        const build = service.build;
        if (!build || build.context === null || build.dockerfilePath === null || build.inline !== null) continue;
        if (isAbsolutePath(build.context) || isAbsolutePath(build.dockerfilePath)) continue;
        const built = resolveBelow(names, joinRelative(folder, build.dockerfilePath));
        if (built !== null && built.join('/') === [...names, name].join('/')) contexts.add(joinRelative(folder, build.context));
      }
    }
    if (isRepositoryRoot(files, folder)) break;
  }
  return [...contexts];
}

/**
 * Files that top-level `secrets:` of the compose files next to a .dockerignore keep inside that
 * folder (`file: ./secrets/db.txt`), relative to it; paths outside it or with wildcards are left out.
 */
export function composeSecretFiles(files: FileAccess): string[] {
  const out = new Set<string>();
  for (const compose of composeFilesIn(files, '.')) {
    const secrets = compose.model.top('secrets')?.value;
    if (secrets?.type !== 'map') continue;
    for (const entry of secrets.entries) {
      const file = entry.value?.type === 'map' ? scalarText(entry.value.get('file')?.value) : undefined;
      // A path a .dockerignore line cannot name as it is (a pattern, a comment, a `!` line) is left out.
      if (!file || file.includes('$') || isAbsolutePath(file) || hasMagic(file) || /^[#!]/.test(file)) continue;
      const path = joinRelative(file);
      if (path !== '.' && path !== '..' && !path.startsWith('../')) out.add(path);
    }
  }
  return [...out];
}
