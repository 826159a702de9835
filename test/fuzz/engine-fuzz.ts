/**
 * The engine fuzzer: for each corpus file, a seeded sequence of edits (typing, half-typed tokens,
 * odd and control characters, deletions, pastes of other files, line-ending changes), each version
 * linted by one `DocumentLinter` as the language server does (for most files, with a random project
 * of files around it: compose files, Dockerfiles, ignore and secret files) and checked by `checkText`. New
 * failures are shrunk and can be saved as regression cases.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentLinter } from '../../server/src/linter';
import { checkText, signature, type Problem } from './check';
import type { CorpusFile } from './corpus';
import { fileAccess, randomNeighbourhood, type Neighbourhood } from './neighbours';
import { Random, applyEdit, randomEdit } from './random';
import { shrinkText } from './shrink';

export interface FoundProblem {
  problem: Problem;
  file: string;
  kind: CorpusFile['kind'];
  seed: number;
  step: number;
  /** The text that showed it (shrunk when shrinking was on). */
  text: string;
  /** For an incremental difference: the version linted just before. */
  previous?: string;
  /** The files around it, when it was linted with some. */
  neighbourhood?: Neighbourhood;
}

export interface FuzzOptions {
  seed: number;
  files: readonly CorpusFile[];
  editsPerFile: number;
  /** Stop after this long (the files not reached are skipped). */
  timeBudgetMs?: number;
  /** Shrink new problems (true), only those of these kinds, or none. */
  shrink?: boolean | ReadonlySet<string>;
  /** Compare with a fresh lint every n-th version (0: never). */
  compareEvery?: number;
  maxFixes?: number;
  /** Fuzz only the files this accepts (pastes still come from all of them): replays one file of a seed. */
  includeFile?: (name: string) => boolean;
  log?: (line: string) => void;
}

export interface FuzzStats {
  inputs: number;
  files: number;
  found: Map<string, FoundProblem>;
  worstLintMs: number;
  worstLintFile: string;
}

/** Longer texts are reset to the original file (pastes add up). */
const MAX_FUZZ_TEXT = 300_000;

export function seedFor(seed: number, name: string): number {
  return (seed ^ createHash('sha1').update(name).digest().readUInt32LE(0)) >>> 0;
}

export function fuzzEngine(options: FuzzOptions): FuzzStats {
  const stats: FuzzStats = { inputs: 0, files: 0, found: new Map(), worstLintMs: 0, worstLintFile: '' };
  const deadline = options.timeBudgetMs ? Date.now() + options.timeBudgetMs : Infinity;
  const fragments = options.files.map((f) => f.text);
  for (const file of options.files) {
    if (Date.now() > deadline) break;
    if (options.includeFile && !options.includeFile(file.name)) continue;
    stats.files++;
    const seed = seedFor(options.seed, file.name);
    const random = new Random(seed);
    const linter = new DocumentLinter(file.kind);
    // Drawn from its own sequence, so a seed's edits stay what they were before files were added.
    const neighbourhood = randomNeighbourhood(new Random(seedFor(options.seed, `files:${file.name}`)), file.kind);
    let text = file.text;
    let previous = '';
    for (let step = 0; step <= options.editsPerFile && Date.now() <= deadline; step++) {
      if (step > 0) {
        text = applyEdit(text, randomEdit(random, text, fragments));
        if (text.length > MAX_FUZZ_TEXT) text = file.text;
      }
      const compare = options.compareEvery ? step % options.compareEvery === 0 : false;
      const result = checkText(text, file.kind, linter, { compareFresh: compare, maxFixes: options.maxFixes ?? 4, neighbourhood });
      stats.inputs++;
      if (result.lintMs > stats.worstLintMs) {
        stats.worstLintMs = result.lintMs;
        stats.worstLintFile = `${file.name} step ${step}`;
      }
      for (const problem of result.problems) {
        const sig = signature(problem);
        if (stats.found.has(sig)) continue;
        const found: FoundProblem = { problem, file: file.name, kind: file.kind, seed, step, text, neighbourhood };
        if (problem.kind === 'incremental-differs') found.previous = previous;
        const shrink = options.shrink === true || (options.shrink instanceof Set && options.shrink.has(problem.kind));
        if (shrink && problem.kind !== 'slow') shrinkFound(found);
        stats.found.set(sig, found);
        options.log?.(`  ${sig} in ${file.name} at step ${step}: ${problem.message.slice(0, 300)}`);
      }
      previous = text;
    }
  }
  return stats;
}

/** Replays a found problem: true when `text` (after `previous`, if any) still shows its signature. */
export function reproduces(found: Pick<FoundProblem, 'problem' | 'kind' | 'previous' | 'neighbourhood'>, text: string): boolean {
  const linter = new DocumentLinter(found.kind);
  const neighbourhood = found.neighbourhood;
  if (found.previous !== undefined) linter.lint(found.previous, neighbourhood ? { path: neighbourhood.path, files: fileAccess(neighbourhood) } : {});
  const result = checkText(text, found.kind, linter, { compareFresh: found.problem.kind === 'incremental-differs', maxFixes: 50, neighbourhood });
  const wanted = signature(found.problem);
  return result.problems.some((p) => signature(p) === wanted);
}

function shrinkFound(found: FoundProblem): void {
  if (!reproduces(found, found.text)) return;
  found.text = shrinkText(found.text, (candidate) => reproduces(found, candidate));
}

/** Writes a found problem as a regression case; returns its path. */
export function saveRegression(dir: string, found: FoundProblem): string {
  mkdirSync(dir, { recursive: true });
  const id = createHash('sha1').update(found.text + (found.previous ?? '')).digest('hex').slice(0, 10);
  const name = `${signature(found.problem).replace(/[^a-z0-9-]+/gi, '-')}-${id}.json`;
  const path = join(dir, name);
  const record = {
    signature: signature(found.problem),
    message: found.problem.message.slice(0, 500),
    kind: found.kind,
    from: `${found.file}, seed ${found.seed}, step ${found.step}`,
    previous: found.previous,
    neighbourhood: found.neighbourhood,
    text: found.text,
  };
  writeFileSync(path, JSON.stringify(record, null, 2) + '\n');
  return path;
}
