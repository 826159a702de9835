/**
 * A short seeded run of the engine fuzzer over every corpus file (`npm run fuzz` runs it longer and
 * with a new seed). Fails on a crash, a failing rule, a range outside the document, a fix with
 * overlapping edits, a fix (or "ignore" pragma) that leaves its finding, an incremental lint that
 * differs from a fresh one, or a lint over the time bound. Every kind of problem fails: a rule with
 * no working edit for broken text (an unterminated heredoc, a trailing continuation, a YAML error
 * on the lines it would edit) offers no fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus } from './corpus';
import { fuzzEngine } from './engine-fuzz';

const SEED = 20261123;

describe('engine fuzz (short, seeded)', () => {
  it(`keeps every invariant over random edits of every corpus file (seed ${SEED})`, () => {
    const files = loadCorpus();
    assert.ok(files.length >= 150, 'the corpus is where it should be');
    const stats = fuzzEngine({ seed: SEED, files, editsPerFile: 6, compareEvery: 3, maxFixes: 3, shrink: true });
    console.log(`# ${stats.inputs} inputs, slowest lint ${stats.worstLintMs.toFixed(0)} ms`);
    assert.deepEqual(
      [...stats.found.values()].map((f) => `${f.problem.kind} ${f.problem.rule ?? ''}: ${f.problem.message.slice(0, 300)}\n    input: ${JSON.stringify(f.text).slice(0, 400)}`),
      [],
    );
  });
});
