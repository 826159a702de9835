/**
 * Inputs that once broke an invariant, shrunk. `cases/*.json` are written by `npm run fuzz -- --save`
 * (and by hand in the same shape); each must now pass every fatal check of the fuzzer.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DocumentLinter, lintText } from '../../server/src/linter';
import { checkText, signature } from '../fuzz/check';
import type { CorpusKind } from '../fuzz/corpus';
import { fileAccess, type Neighbourhood } from '../fuzz/neighbours';

const CASES = join(__dirname, '..', '..', '..', 'test', 'regressions', 'cases');

interface RegressionCase {
  signature: string;
  message: string;
  kind: CorpusKind;
  from: string;
  previous?: string;
  /** The files around the text, for problems of rules that read them. */
  neighbourhood?: Neighbourhood;
  text: string;
}

describe('fuzz regressions', () => {
  for (const name of readdirSync(CASES).filter((n) => n.endsWith('.json')).sort()) {
    const record = JSON.parse(readFileSync(join(CASES, name), 'utf8')) as RegressionCase;
    it(`${name}: ${record.message.slice(0, 100)}`, () => {
      const linter = new DocumentLinter(record.kind);
      const neighbourhood = record.neighbourhood;
      if (record.previous !== undefined) linter.lint(record.previous, neighbourhood ? { path: neighbourhood.path, files: fileAccess(neighbourhood) } : {});
      const result = checkText(record.text, record.kind, linter, { compareFresh: true, maxFixes: 100, neighbourhood });
      assert.deepEqual(result.problems.filter((p) => signature(p) === record.signature).map((p) => p.message), []);
      assert.deepEqual(result.problems.filter((p) => p.kind === 'crash' || p.kind === 'rule-failure' || p.kind === 'range').map((p) => p.message), []);
    });
  }

  it('a file of 10,000 identical instructions lints in linear time (the chunk cache once scanned a list per chunk)', () => {
    const text = 'FROM alpine:3.20\n' + 'RUN echo hi\n'.repeat(9_000);
    const linter = new DocumentLinter('dockerfile');
    linter.lint(text);
    const started = performance.now();
    linter.lint(text.replace('RUN echo hi\n', 'RUN echo ho\n'));
    assert.ok(performance.now() - started < 3000, `re-lint took ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('a stage of 5,000 RUN lines with wget lints in bounded time (wget-progress once read the stage for every RUN)', () => {
    const text = 'FROM alpine:3.20\n' + 'RUN wget -q http://example.com/a\n'.repeat(5_000);
    const started = performance.now();
    const result = lintText(text, 'dockerfile');
    assert.deepEqual(result.failures, []);
    assert.ok(performance.now() - started < 5000, `lint took ${(performance.now() - started).toFixed(0)} ms`);
  });

  it('a .dockerignore of 1,000 patterns lints in bounded time (each pattern was compiled once per pair)', () => {
    const text = Array.from({ length: 1_000 }, (_, i) => `dir${i}/**/*.log`).join('\n');
    const started = performance.now();
    lintText(text, 'dockerignore');
    assert.ok(performance.now() - started < 5000, `lint took ${(performance.now() - started).toFixed(0)} ms`);
  });
});
