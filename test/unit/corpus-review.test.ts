/**
 * Every rule that reports an error or a warning on the shared corpus has been reviewed for false
 * positives, and test/corpus-review.json records its counts with the verdict. When a rule's counts
 * change, its findings are new to the review: this test fails until someone looks at them again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintCorpus } from '../corpus-lint';

interface ReviewedRule {
  error: number;
  warning: number;
  verdict: string;
}

const RECORD = 'test/corpus-review.json';
const review = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', RECORD), 'utf8')) as { rules: Record<string, ReviewedRule> };

function countsOnCorpus(): Map<string, { error: number; warning: number }> {
  const counts = new Map<string, { error: number; warning: number }>();
  for (const file of lintCorpus()) {
    for (const finding of file.findings) {
      if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
      const count = counts.get(finding.rule) ?? { error: 0, warning: 0 };
      count[finding.severity]++;
      counts.set(finding.rule, count);
    }
  }
  return counts;
}

describe('the corpus review record', () => {
  const counts = countsOnCorpus();

  it('covers a corpus that lints without a rule failure', () => {
    const files = lintCorpus();
    assert.ok(files.length >= 150, `expected the corpus (dockerfile/ and compose/) beside the repository, found ${files.length} files`);
    assert.deepEqual(files.filter((f) => f.failures.length > 0).map((f) => `${f.name}: ${f.failures.join('; ')}`), []);
  });

  it('has a verdict for each rule it records', () => {
    for (const [rule, entry] of Object.entries(review.rules)) assert.match(entry.verdict, /^reviewed \d{4}-\d\d-\d\d: /, `${rule}: the verdict starts with "reviewed <date>: "`);
  });

  for (const rule of [...new Set([...counts.keys(), ...Object.keys(review.rules)])].sort()) {
    it(`${rule}: errors and warnings on the corpus as reviewed`, () => {
      const actual = counts.get(rule) ?? { error: 0, warning: 0 };
      const recorded = review.rules[rule];
      const was = recorded ? `${recorded.error} errors / ${recorded.warning} warnings` : 'no review';
      assert.deepEqual(
        { error: actual.error, warning: actual.warning },
        { error: recorded?.error ?? 0, warning: recorded?.warning ?? 0 },
        `${rule} now reports ${actual.error} errors / ${actual.warning} warnings on the corpus (recorded: ${was}): ` +
          `re-review this rule's findings for false positives (fix the rule or its docs), then update its counts and verdict in ${RECORD}`,
      );
    });
  }
});
