import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { FileAccess } from '../engine/types';

/** Reads files relative to the folder of `path` (for cross-file rules). */
export function nodeFileAccess(path: string): FileAccess {
  const base = dirname(resolve(path));
  return {
    readFile(relative: string): string | undefined {
      try {
        return readFileSync(isAbsolute(relative) ? relative : resolve(base, relative), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** Text of a file as the engine wants it (BOM dropped); null for binary content. */
export function decodeFile(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8192).includes(0)) return null;
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
