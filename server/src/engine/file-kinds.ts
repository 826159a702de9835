import type { FileKind } from './types';

const DOCKERIGNORE = /(^|[._-])dockerignore$/i;
const DOCKERFILE = /(^|[._-])(dockerfile|containerfile)([._-]|$)/i;
const COMPOSE = /(^|[._-])(docker-)?compose([._-][^/\\]*)?\.ya?ml$/i;
const NOT_DOCKERFILE = /\.(ya?ml|json|md|txt|sh|ps1|py|js|ts|go|rs|lock|toml|ini|xml|html|patch|diff|bak|orig)$/i;

/** The name of the file at `path` (`/` or `\\` separated). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The kind of container file a path names, by its file name; null when it is none of them. */
export function fileKindOf(path: string): FileKind | null {
  const name = baseName(path);
  if (DOCKERIGNORE.test(name)) return 'dockerignore';
  if (COMPOSE.test(name)) return 'compose';
  if (DOCKERFILE.test(name) && !NOT_DOCKERFILE.test(name)) return 'dockerfile';
  return null;
}

/** For a file named explicitly whose name says nothing: a guess from its content. */
export function sniffFileKind(text: string): FileKind | null {
  if (/^\s*services\s*:/m.test(text)) return 'compose';
  if (/^\s*FROM\s+\S/im.test(text)) return 'dockerfile';
  return null;
}
