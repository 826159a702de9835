/** The .dockerignore a Dockerfile's build uses, and the build-context paths its COPY/ADD read. */
import type { DockerfileModel } from '../dockerfile/model';
import type { Instruction, Word } from '../dockerfile/instruction';
import type { FileAccess } from '../engine/types';
import { baseName } from '../engine/file-kinds';
import { composeContextsOf, joinRelative } from './compose-builds';
import { parseDockerignore, type DockerignoreModel } from './model';
import { contextPath, hasMagic } from './patterns';

export interface ContextIgnore {
  /** Relative to the Dockerfile's folder (`app.Dockerfile.dockerignore` or `.dockerignore`). */
  path: string;
  model: DockerignoreModel;
}

/** The ignore file names Docker looks for, in its order: `<Dockerfile name>.dockerignore`, then `.dockerignore`. */
export function ignoreFileNames(dockerfilePath: string | undefined): string[] {
  const name = dockerfilePath ? baseName(dockerfilePath) : '';
  return name ? [`${name}.dockerignore`, '.dockerignore'] : ['.dockerignore'];
}

/**
 * The ignore file of the build, taking the build context to be the Dockerfile's folder (the usual
 * `docker build .` next to it); null when there is none, undefined when files cannot be read.
 */
export function findContextIgnore(files: FileAccess | undefined, dockerfilePath: string | undefined): ContextIgnore | null | undefined {
  if (!files) return undefined;
  for (const path of ignoreFileNames(dockerfilePath)) {
    const text = files.readFile(path);
    if (text !== undefined) return { path, model: parseDockerignore(text.replace(/^\uFEFF/, '')) };
  }
  return null;
}

export interface BuildIgnoreLookup {
  /** An ignore file some build of the Dockerfile reads (relative to its folder); null when there is none. */
  found: string | null;
  /** Folders the Dockerfile may be built from, relative to its folder: its own, then those compose files build it from. */
  contexts: string[];
  /** Where a new ignore file goes: `<Dockerfile name>.dockerignore` when compose builds it from another folder (Docker reads that file whatever the context), else `.dockerignore`. */
  createPath: string;
}

/**
 * The ignore files of the Dockerfile's possible builds: `docker build .` in its folder, and the
 * contexts compose files around it build it from (see `composeContextsOf`). Undefined when files
 * cannot be read.
 */
export function lookupBuildIgnore(files: FileAccess | undefined, dockerfilePath: string | undefined): BuildIgnoreLookup | undefined {
  if (!files) return undefined;
  const own = findContextIgnore(files, dockerfilePath);
  // Read the compose files only when nothing was found beside the Dockerfile: every keystroke asks.
  const composeContexts = own ? [] : composeContextsOf(files, dockerfilePath).filter((context) => context !== '.');
  const found = own?.path ?? composeContexts.map((context) => joinRelative(context, '.dockerignore')).find((path) => files.readFile(path) !== undefined) ?? null;
  const name = dockerfilePath ? baseName(dockerfilePath) : '';
  return {
    found,
    contexts: ['.', ...composeContexts],
    createPath: composeContexts.length > 0 && name ? `${name}.dockerignore` : '.dockerignore',
  };
}

export interface CopySource {
  instruction: Instruction;
  word: Word;
  /** As written, quotes removed. */
  value: string;
  /** The build-context path (cleaned, relative); null when it cannot be known statically. */
  path: string | null;
}

/** The build-context sources of COPY/ADD instructions (not `--from`, not URLs or heredocs). */
export function contextSources(model: DockerfileModel): CopySource[] {
  const out: CopySource[] = [];
  for (const instruction of model.instructions) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    if (instruction.flags.some((flag) => flag.name.toLowerCase() === 'from')) continue;
    const words = instruction.json ?? instruction.args;
    if (words.length < 2) continue;
    for (const word of words.slice(0, -1)) {
      const value = instruction.json ? word.value : unquote(word.value);
      if (value.startsWith('<<')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value)) continue;
      let path: string | null = contextPath(value);
      if (value.includes('$') || hasMagic(value) || path === '..' || path.startsWith('../')) path = null;
      out.push({ instruction, word, value, path });
    }
  }
  return out;
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]) ? value.slice(1, -1) : value;
}
