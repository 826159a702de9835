/**
 * A short seeded run of the engine fuzzer over every corpus file (`npm run fuzz` runs it longer and
 * with a new seed). Fails on a crash, a failing rule, a range outside the document, a fix with
 * overlapping edits, an incremental lint that differs from a fresh one, or a lint over the time
 * bound. Fixes that leave their finding are listed, not failed: the known ones are fixes appended
 * after an unterminated heredoc or backtick, which swallows them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus } from './corpus';
import { fuzzEngine } from './engine-fuzz';

const SEED = 20261123;
const FATAL = new Set(['crash', 'rule-failure', 'range', 'fix-overlap', 'incremental-differs', 'slow']);

describe('engine fuzz (short, seeded)', () => {
  it(`keeps every invariant over random edits of every corpus file (seed ${SEED})`, () => {
    const files = loadCorpus();
    assert.ok(files.length >= 150, 'the corpus is where it should be');
    const stats = fuzzEngine({ seed: SEED, files, editsPerFile: 6, compareEvery: 3, maxFixes: 3, shrink: FATAL });
    const fatal = [...stats.found.values()].filter((f) => FATAL.has(f.problem.kind));
    const listed = [...stats.found.values()].filter((f) => !FATAL.has(f.problem.kind));
    for (const f of listed) console.log(`# note: ${f.problem.kind} ${f.problem.rule}: ${f.problem.message.slice(0, 160)} — ${JSON.stringify(f.text).slice(0, 120)}`);
    console.log(`# ${stats.inputs} inputs, slowest lint ${stats.worstLintMs.toFixed(0)} ms`);
    assert.deepEqual(
      fatal.map((f) => `${f.problem.kind} ${f.problem.rule ?? ''}: ${f.problem.message.slice(0, 300)}\n    input: ${JSON.stringify(f.text).slice(0, 400)}`),
      [],
    );
  });
});
