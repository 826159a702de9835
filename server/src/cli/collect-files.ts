import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileKindOf } from '../engine/file-kinds';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', 'venv', '__pycache__', '.e2e']);

export interface FileArgument {
  path: string;
  /** True when named on the command line (its kind may be sniffed from content). */
  explicit: boolean;
}

/** Files named on the command line, and the container files found below named folders. */
export function collectFiles(paths: readonly string[]): { files: FileArgument[]; missing: string[] } {
  const files: FileArgument[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      continue;
    }
    if (stat.isDirectory()) walk(path, files);
    else files.push({ path, explicit: true });
  }
  return { files, missing };
}

function walk(dir: string, into: FileArgument[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path, into);
    } else if (entry.isFile() && fileKindOf(entry.name)) {
      into.push({ path, explicit: false });
    }
  }
}
