import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixText, lintText } from '../../server/src/linter';

const root = join(__dirname, '..', '..', '..');
const corpus = join(root, '..', 'shared', 'corpus', 'dockerfile');
const files = readdirSync(corpus).sort();

describe('the Dockerfile corpus', () => {
  it('is there (../shared beside the repository)', () => {
    assert.ok(files.length >= 100, `expected the corpus at ${corpus}`);
  });

  it('lints in one CLI run without an error', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'shipshape.js'), 'check', '--format', 'json', corpus], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(run.stderr, '', 'no rule failed and no file was unreadable');
    assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status}`);
    const report = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.equal(report.files.length, files.length);
  });

  for (const name of files) {
    it(`${name}: no rule throws, ranges are inside the file, --fix is idempotent`, () => {
      const text = readFileSync(join(corpus, name), 'utf8').replace(/^\uFEFF/, '');
      const lines = text.split('\n');
      const result = lintText(text, 'dockerfile');
      assert.deepEqual(result.failures, []);
      for (const finding of result.findings) {
        const { start, end } = finding.range;
        assert.ok(start.line >= 0 && end.line < lines.length, `${finding.rule} range inside the file`);
        assert.ok(end.character <= lines[end.line].length + 1, `${finding.rule} end column inside its line`);
      }
      const fixed = fixText(text, 'dockerfile');
      assert.equal(fixText(fixed.text, 'dockerfile').text, fixed.text, 'fixing twice changes nothing');
    });
  }
});
