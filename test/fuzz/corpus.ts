/** The corpus of real files the fuzzer starts from, with the kind of each. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/rules';

export type CorpusKind = 'dockerfile' | 'compose' | 'dockerignore';

export interface CorpusFile {
  name: string;
  kind: CorpusKind;
  text: string;
}

export const CORPUS_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

/** Small .dockerignore files (the corpus has none of its own). */
const DOCKERIGNORES: Record<string, string> = {
  'node.dockerignore': 'node_modules\nnpm-debug.log\n.git\n.env\n*.md\n!README.md\n',
  'python.dockerignore': '# Python\n__pycache__/\n*.py[cod]\n.venv/\n**/.pytest_cache\n.git\n!.git/HEAD\n',
  'go.dockerignore': '*\n!go.mod\n!go.sum\n!cmd/\n!internal/\n/vendor\n',
};

export function loadCorpus(dir = CORPUS_DIR): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const [sub, kind] of [['dockerfile', 'dockerfile'], ['compose', 'compose']] as const) {
    for (const name of readdirSync(join(dir, sub)).sort()) files.push({ name: `${sub}/${name}`, kind, text: readFileSync(join(dir, sub, name), 'utf8') });
  }
  for (const [name, text] of Object.entries(DOCKERIGNORES)) files.push({ name: `dockerignore/${name}`, kind: 'dockerignore', text });
  return files;
}

/** Every rule's documented bad and good example as a small file of its kind: short seeds that reach each rule's own code. */
export function loadRuleExamples(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const rule of allRules) {
    const kind = rule.kinds[0];
    if (kind !== 'dockerfile' && kind !== 'compose' && kind !== 'dockerignore') continue;
    for (const which of ['bad', 'good'] as const) files.push({ name: `example/${rule.id}.${which}`, kind, text: rule.docs[which] + (rule.docs[which].endsWith('\n') ? '' : '\n') });
  }
  return files;
}
