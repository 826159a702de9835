import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/text';
import { fileKindOf } from '../../server/src/engine/file-kinds';
import { DocumentLinter, isLintable, lintText } from '../../server/src/linter';

describe('.dockerignore as a file kind', () => {
  it('is recognised by name and lintable', () => {
    assert.equal(fileKindOf('/p/.dockerignore'), 'dockerignore');
    assert.equal(fileKindOf('file:///p/app.Dockerfile.dockerignore'), 'dockerignore');
    assert.equal(isLintable('dockerignore'), true);
  });

  it('pragmas on the line above a pattern silence it', () => {
    const text = 'node_modules\n# shipshape ignore=dockerignore-duplicate-pattern\nnode_modules\n.git\n.git\n';
    const rules = lintText(text, 'dockerignore').findings.map((f) => `${f.rule}@${f.range.start.line + 1}`);
    assert.ok(!rules.includes('dockerignore-duplicate-pattern@3'));
    assert.ok(rules.includes('dockerignore-duplicate-pattern@5'));
  });

  it('file-wide pragmas work, and the "ignore here" fix of a file-wide finding silences it', () => {
    assert.deepEqual(lintText('# shipshape global ignore=dockerignore-leaks-sensitive\ndist\n', 'dockerignore').findings, []);
    const linter = new DocumentLinter('dockerignore');
    const text = 'dist\n';
    const finding = linter.lint(text).findings.find((f) => f.rule === 'dockerignore-leaks-sensitive')!;
    const [here, file] = linter.ignoreFixes(finding);
    assert.equal(applyEdits(text, here.edits), '# shipshape ignore=dockerignore-leaks-sensitive\ndist\n');
    assert.equal(applyEdits(text, file.edits), '# shipshape global ignore=dockerignore-leaks-sensitive\ndist\n');
    for (const fix of [here, file]) {
      assert.deepEqual(new DocumentLinter('dockerignore').lint(applyEdits(text, fix.edits)).findings.filter((f) => f.rule === finding.rule), []);
    }
  });

  it('a clean file has no findings at all', () => {
    const text = '.git\n.env\n.env.*\n!.env.example\n**/*.pem\n**/*.key\n**/id_rsa*\nnode_modules\n';
    assert.deepEqual(lintText(text, 'dockerignore', { files: { readFile: (p) => (p === 'package.json' ? '{}' : undefined) } }).findings, []);
  });
});
