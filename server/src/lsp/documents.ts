/** What the server needs to know of an open document beyond its text: its kind and its neighbours. */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf } from '../engine/file-kinds';
import type { FileAccess, FileKind } from '../engine/types';

/** By file name first (compose files may be `yaml` to the editor), then by language. */
export function documentKind(document: TextDocument): FileKind | null {
  const byName = fileKindOf(document.uri.split('?')[0]);
  if (byName) return byName;
  if (document.languageId === 'dockerfile') return 'dockerfile';
  if (document.languageId === 'dockercompose') return 'compose';
  return null;
}

export function documentPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/**
 * The files around a document for cross-file rules: open documents' current text, else the disk.
 * One lint asks several rules for the same neighbours (.dockerignore, .hadolint.yaml up the tree),
 * so each is read once per access object; make a new one per lint.
 */
export function neighbourFiles(documents: TextDocuments<TextDocument>, uri: string): FileAccess | undefined {
  const path = documentPath(uri);
  if (!path) return undefined;
  const base = dirname(path);
  const read = new Map<string, string | undefined>();
  return {
    readFile(relative: string): string | undefined {
      const absolute = isAbsolute(relative) ? relative : resolve(base, relative);
      if (read.has(absolute)) return read.get(absolute);
      let text: string | undefined;
      const open = documents.get(pathToFileURL(absolute).href);
      if (open) text = open.getText();
      else text = diskText(absolute);
      read.set(absolute, text);
      return text;
    },
  };
}

/**
 * Files read from disk for cross-file rules, kept while their size and modification time (in
 * nanoseconds) stay the same: every keystroke in a Dockerfile asks for its .dockerignore again.
 */
const onDisk = new Map<string, { size: bigint; mtimeNs: bigint; text: string }>();
const MAX_FILES_KEPT = 256;

function diskText(path: string): string | undefined {
  try {
    const stat = statSync(path, { bigint: true, throwIfNoEntry: false });
    if (!stat || !stat.isFile()) {
      onDisk.delete(path);
      return undefined;
    }
    const kept = onDisk.get(path);
    if (kept && kept.size === stat.size && kept.mtimeNs === stat.mtimeNs) return kept.text;
    const text = readFileSync(path, 'utf8');
    if (onDisk.size >= MAX_FILES_KEPT) onDisk.clear();
    onDisk.set(path, { size: stat.size, mtimeNs: stat.mtimeNs, text });
    return text;
  } catch {
    return undefined;
  }
}

/**
 * Whether a change to the file at `changedUri` may change the findings of the Dockerfile at
 * `dockerfileUri`: a .dockerignore or compose file in its folder or a folder above it (compose
 * files there may build it from that folder, whose .dockerignore the build then reads).
 */
export function dockerfileDependsOn(dockerfileUri: string, changedUri: string): boolean {
  const changed = changedUri.split('?')[0];
  const kind = fileKindOf(changed);
  if (kind !== 'dockerignore' && kind !== 'compose') return false;
  const folder = changed.slice(0, changed.lastIndexOf('/') + 1);
  return dockerfileUri.startsWith(folder) && dockerfileUri.length > folder.length;
}
