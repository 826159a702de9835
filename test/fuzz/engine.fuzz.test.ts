/**
 * A short seeded run of the engine fuzzer over every corpus file and every rule's documented
 * examples, some of them with files around them (`npm run fuzz` runs it longer and with a new seed).
 * Fails on a crash, a failing rule, a range outside the document, a fix with overlapping edits or
 * files it cannot create or edit, a fix (or "ignore" pragma) that leaves its finding, an incremental lint that
 * differs from a fresh one, or a lint over the time bound. Every kind of problem fails: a rule with
 * no working edit for broken text (an unterminated heredoc, a trailing continuation, a YAML error
 * on the lines it would edit) offers no fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus, loadRuleExamples } from './corpus';
import { fuzzEngine } from './engine-fuzz';

const SEED = 20261123;

describe('engine fuzz (short, seeded)', () => {
  it(`keeps every invariant over random edits of every corpus file and rule example (seed ${SEED})`, () => {
    const corpus = loadCorpus();
    assert.ok(corpus.length >= 150, 'the corpus is where it should be');
    const files = [...corpus, ...loadRuleExamples()];
    const stats = fuzzEngine({ seed: SEED, files, editsPerFile: 6, compareEvery: 3, maxFixes: 3, shrink: true });
    console.log(`# ${stats.inputs} inputs, slowest lint ${stats.worstLintMs.toFixed(0)} ms`);
    assert.deepEqual(
      [...stats.found.values()].map((f) => `${f.problem.kind} ${f.problem.rule ?? ''}: ${f.problem.message.slice(0, 300)}\n    input: ${JSON.stringify(f.text).slice(0, 400)}`),
      [],
    );
  });
});
