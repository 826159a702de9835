/**
 * Keeping a compose file's secrets folder out of the images its services build: the edits to the
 * ignore files of every build context that contains the folder.
 */
import type { ComposeModel } from '../compose/model';
import { parseDockerfile, type DockerfileModel } from '../dockerfile/model';
import type { ExternalEdit, FileAccess, FileCreation } from '../engine/types';
import { appendLinesEdit } from './analysis';
import { folderNames, joinRelative } from './compose-builds';
import { parseDockerignore } from './model';
import { cleanPath } from './patterns';
import { dockerignoreTemplate, lazyFile } from './template';

export interface IgnoreEdits {
  createFiles: FileCreation[];
  externalEdits: ExternalEdit[];
  /** False when a build context could not be resolved, so it may still take the folder. */
  complete: boolean;
}

/**
 * Where the compose file's folder sits inside a build context (relative to the compose file's
 * folder): `''` for the context itself, `app/` below it; null when the context does not contain
 * it; undefined when that cannot be known.
 */
function composeFolderInContext(context: string, names: readonly string[]): string | null | undefined {
  const cleaned = cleanPath(context.replace(/\\/g, '/'));
  if (cleaned.startsWith('/') || /^[A-Za-z]:/.test(cleaned)) return undefined;
  const parts = cleaned === '.' ? [] : cleaned.split('/');
  let ups = 0;
  while (parts[ups] === '..') ups++;
  const down = parts.slice(ups);
  if (ups === 0) return down.length === 0 ? '' : null;
  if (ups > names.length) return undefined;
  const tail = names.slice(names.length - ups);
  if (down.some((name, i) => tail[i] !== name)) return null;
  return tail.slice(down.length).map((name) => `${name}/`).join('');
}

/**
 * For each service built from a context that contains `folder` (relative to the compose file's
 * folder): a line excluding it, appended to the ignore file the build reads
 * (`<Dockerfile>.dockerignore`, else the context's `.dockerignore`) unless it already excludes
 * `file`; or a new `.dockerignore` with the usual template and that line.
 */
export function keepOutOfBuildContexts(model: ComposeModel, files: FileAccess, composePath: string | undefined, folder: string, file: string): IgnoreEdits {
  const names = folderNames(composePath);
  const externalEdits = new Map<string, ExternalEdit>();
  const creations = new Map<string, { context: string; line: string; dockerfiles: DockerfileModel[] }>();
  let complete = true;
  for (const service of model.services) {
    const build = service.build;
    if (!build || build.remote) continue;
    const inside = build.context === null ? undefined : composeFolderInContext(build.context, names);
    if (inside === null) continue;
    if (inside === undefined || build.context === null) {
      complete = false;
      continue;
    }
    const line = `${inside}${folder}/`;
    const specific = build.inline === null && build.dockerfilePath !== null ? `${build.dockerfilePath}.dockerignore` : null;
    const contextIgnore = joinRelative(build.context, '.dockerignore');
    const target = [specific, contextIgnore].find((path) => path !== null && files.readFile(path) !== undefined);
    if (target) {
      if (externalEdits.has(target)) continue;
      const ignore = parseDockerignore(files.readFile(target)!.replace(/^\uFEFF/, ''));
      if (!ignore.matcher.excludes(`${inside}${file}`)) externalEdits.set(target, { path: target, edits: [appendLinesEdit(ignore.index, [line])] });
      continue;
    }
    const creation = creations.get(contextIgnore) ?? { context: build.context, line, dockerfiles: [] };
    const dockerfile = build.inline ?? (build.dockerfilePath !== null ? files.readFile(build.dockerfilePath) : undefined);
    if (dockerfile !== undefined) creation.dockerfiles.push(parseDockerfile(dockerfile));
    creations.set(contextIgnore, creation);
  }
  const eol = model.index.eol();
  const createFiles = [...creations].map(([path, { context, line, dockerfiles }]) =>
    lazyFile(path, () =>
      dockerignoreTemplate({ dockerfiles, hasFile: (name) => files.readFile(joinRelative(context, name)) !== undefined, extra: [['Compose secrets', [line]]], eol }),
    ),
  );
  return { createFiles, externalEdits: [...externalEdits.values()], complete };
}
