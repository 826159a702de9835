/** Every real-world compose file of the shared corpus checks without a thrown error (read in place, not copied). */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ComposeModel } from '../../server/src/compose/model';
import { nodeFileAccess } from '../../server/src/cli/node-files';
import { fixText, lintText } from '../../server/src/linter';

const CORPUS = process.env.SHIPSHAPE_CORPUS ?? '/work/shared/corpus/compose';
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => /\.ya?ml$/.test(name)).sort() : [];

describe('compose corpus', { skip: files.length === 0 ? `no corpus at ${CORPUS}` : false }, () => {
  for (const name of files) {
    it(name, () => {
      const path = join(CORPUS, name);
      const text = readFileSync(path, 'utf8');
      const options = { path, files: nodeFileAccess(path) };
      const result = lintText(text, 'compose', options);
      assert.deepEqual(result.failures, []);
      assert.deepEqual(result.findings.filter((f) => f.rule === 'compose-yaml-error').map((f) => f.message), []);
      for (const finding of result.findings) assert.ok(finding.range.start.line < (result.model as ComposeModel).index.lineCount);
      // Fixing everything keeps valid YAML and converges.
      const fixed = fixText(text, 'compose', options);
      const again = lintText(fixed.text, 'compose', options);
      assert.deepEqual(again.failures, []);
      assert.deepEqual(again.findings.filter((f) => f.rule === 'compose-yaml-error').map((f) => f.message), []);
      assert.equal(fixText(fixed.text, 'compose', options).text, fixed.text);
    });
  }
});
