/**
 * The shared corpus of real files (../shared/corpus beside the repository: dockerfile/ and compose/),
 * linted once per test process the way `shipshape check --no-shellcheck <corpus>` lints it: the kind
 * from the file name, the file's own folder for cross-file rules, default settings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeFile, nodeFileAccess } from '../server/src/cli/node-files';
import { fileKindOf } from '../server/src/engine/file-kinds';
import type { Finding } from '../server/src/engine/types';
import { isLintable, lintText } from '../server/src/linter';

export const CORPUS_DIR = join(__dirname, '..', '..', '..', 'shared', 'corpus');
export const CORPUS_FOLDERS = ['dockerfile', 'compose'] as const;

export interface LintedCorpusFile {
  /** `dockerfile/<name>` or `compose/<name>`. */
  name: string;
  findings: Finding[];
  /** Rules that threw, with their error. */
  failures: string[];
}

let linted: LintedCorpusFile[] | undefined;

export function lintCorpus(): LintedCorpusFile[] {
  linted ??= CORPUS_FOLDERS.flatMap((folder) =>
    readdirSync(join(CORPUS_DIR, folder))
      .sort()
      .map((name) => lintOne(folder, name)),
  );
  return linted;
}

function lintOne(folder: string, name: string): LintedCorpusFile {
  const path = join(CORPUS_DIR, folder, name);
  const text = decodeFile(readFileSync(path));
  const kind = fileKindOf(path);
  if (text === null || !isLintable(kind)) throw new Error(`${folder}/${name}: the CLI would not check it (binary, or a name of no known kind)`);
  const result = lintText(text, kind, { path, files: nodeFileAccess(path) });
  return { name: `${folder}/${name}`, findings: result.findings, failures: result.failures.map((f) => `${f.rule}: ${f.error.split('\n')[0]}`) };
}
