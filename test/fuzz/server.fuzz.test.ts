/**
 * A short seeded run of the server fuzzer: the bundled server over stdio, random incremental edits
 * (some in bursts), quick fixes applied, on a sample of the corpus. Every problem fails, a preferred
 * quick fix whose finding is still reported after it included.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus } from './corpus';
import { fuzzServer } from './server-fuzz';

describe('server fuzz over stdio (short, seeded)', () => {
  it('answers every version in bounded time with ranges inside the document, in order, without failing', async () => {
    const files = loadCorpus().filter((_, i) => i % 8 === 0);
    const stats = await fuzzServer({ seed: 7, files, editsPerFile: 12 });
    console.log(`# ${stats.versions} versions over ${stats.files} files, ${stats.codeActions} code action requests, ${stats.fixesApplied} fixes; slowest answer ${stats.worstAnswerMs.toFixed(0)} ms (${stats.worstAnswerFile})`);
    assert.deepEqual(stats.problems, []);
    assert.ok(stats.versions >= files.length * 5, `only ${stats.versions} versions answered`);
  });
});
