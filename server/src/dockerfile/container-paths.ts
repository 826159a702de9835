/** Paths inside the image, as the builder resolves them (always `/`-separated and absolute). */

/** `/a//b/./c/../d/` → `/a/b/d`; `..` stops at the root. */
export function normalizeContainerPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** `path` resolved against the working directory `base`, as WORKDIR and relative RUN paths are. */
export function joinContainerPath(base: string, path: string): string {
  return normalizeContainerPath(path.startsWith('/') ? path : base + '/' + path);
}
