import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/text';
import type { FileKind } from '../../server/src/engine/types';
import { DocumentLinter } from '../../server/src/linter';

/** The "ignore" fixes of the first finding of `rule` (on `line`, 0-based, when given), as title → text after the fix. */
function ignoreFixesOf(kind: FileKind, text: string, rule: string, line?: number): Record<string, string> {
  const linter = new DocumentLinter(kind as 'dockerfile');
  const finding = linter.lint(text).findings.find((f) => f.rule === rule && (line === undefined || f.range.start.line === line));
  assert.ok(finding, `${rule} is reported`);
  return Object.fromEntries(linter.ignoreFixes(finding).map((fix) => [fix.title, applyEdits(text, fix.edits)]));
}

function reported(kind: FileKind, text: string, rule: string): boolean {
  return new DocumentLinter(kind as 'dockerfile').lint(text).findings.some((f) => f.rule === rule);
}

describe('"ignore" fixes are offered only where their pragma takes effect', () => {
  it('a comment at the end of a Dockerfile: no instruction follows for a pragma to cover, only the file-wide fix', () => {
    const fixes = ignoreFixesOf('dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n#hadolint ignore=\n', 'inline-ignore-pragma');
    assert.deepEqual(fixes, { 'Ignore inline-ignore-pragma in this file': '# shipshape global ignore=inline-ignore-pragma\nFROM alpine:3.20\nRUN apk add curl\n#hadolint ignore=\n' });
  });

  it('a parser directive: a comment above it would make it a plain comment, so only the file-wide fix (after the directives)', () => {
    const fixes = ignoreFixesOf('dockerfile', '# syntax=docker/dockerfile:1\n# escape=x\nFROM alpine:3.20\n', 'parser-directive');
    assert.deepEqual(fixes, { 'Ignore parser-directive in this file': '# syntax=docker/dockerfile:1\n# escape=x\n# shipshape global ignore=parser-directive\nFROM alpine:3.20\n' });
  });

  it('the pragma takes only the spaces and tabs of the indentation (a vertical tab would make it an instruction)', () => {
    const text = '\u000b9';
    const fixes = ignoreFixesOf('dockerfile', text, 'parse-error');
    assert.equal(fixes['Ignore parse-error for this line'], '# shipshape ignore=parse-error\n\u000b9');
    assert.equal(reported('dockerfile', fixes['Ignore parse-error for this line'], 'parse-error'), false);
  });

  it('after a byte order mark, which stays first', () => {
    const text = '\ufeffFROM alpine\nUSER root\n';
    const fixes = ignoreFixesOf('dockerfile', text, 'image-tag');
    assert.deepEqual(fixes, {
      'Ignore image-tag for this line': '\ufeff# shipshape ignore=image-tag\nFROM alpine\nUSER root\n',
      'Ignore image-tag in this file': '\ufeff# shipshape global ignore=image-tag\nFROM alpine\nUSER root\n',
    });
    for (const fixed of Object.values(fixes)) assert.equal(reported('dockerfile', fixed, 'image-tag'), false);
  });

  it('.dockerignore: the pragma starts in the first column (an indented # line is a pattern)', () => {
    const text = '*\n\tdist\n';
    const fixes = ignoreFixesOf('dockerignore', text, 'dockerignore-dead-pattern');
    assert.equal(fixes['Ignore dockerignore-dead-pattern for this line'], '*\n# shipshape ignore=dockerignore-dead-pattern\n\tdist\n');
    assert.equal(reported('dockerignore', fixes['Ignore dockerignore-dead-pattern for this line'], 'dockerignore-dead-pattern'), false);
    // An indented "pragma" above is a pattern: a new pragma goes in, the pattern line is left alone.
    const indented = '*\n  # shipshape ignore=dockerignore-leaks-sensitive\ndist\n';
    assert.equal(
      ignoreFixesOf('dockerignore', indented, 'dockerignore-dead-pattern', 2)['Ignore dockerignore-dead-pattern for this line'],
      '*\n  # shipshape ignore=dockerignore-leaks-sensitive\n# shipshape ignore=dockerignore-dead-pattern\ndist\n',
    );
  });

  it('compose: above the key, indented like it; none "for this line" while the file has a YAML error', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
    assert.equal(
      ignoreFixesOf('compose', text, 'compose-privileged')['Ignore compose-privileged for this line'],
      'services:\n  web:\n    image: nginx:1.27\n    # shipshape ignore=compose-privileged\n    privileged: true\n',
    );
    // An existing pragma gets the id after its whole list, spaces after commas and quoted names included.
    const listed = 'services:\n  web:\n    image: nginx:1.27\n    # shipshape ignore="Some Query", compose-read-only because tests\n    privileged: true\n';
    assert.equal(
      ignoreFixesOf('compose', listed, 'compose-privileged')['Ignore compose-privileged for this line'],
      listed.replace('compose-read-only because', 'compose-read-only,compose-privileged because'),
    );
    assert.equal(reported('compose', listed.replace('Some Query', 'Privileged Containers Enabled'), 'compose-privileged'), false, 'a quoted KICS name silences');
    const dockerfile = 'FROM alpine:3.20\n# shipshape ignore=image-tag, "Some Name" reason\nUSER root\n';
    assert.equal(
      ignoreFixesOf('dockerfile', dockerfile, 'final-user-root')['Ignore final-user-root for this line'],
      'FROM alpine:3.20\n# shipshape ignore=image-tag, "Some Name",final-user-root reason\nUSER root\n',
    );
    // An unclosed quote runs to the end of the file: a comment line below it would be part of the string.
    const broken = 'services:\n  web:\n    image: "nginx:1.27\n    privileged: true\n';
    assert.deepEqual(Object.keys(ignoreFixesOf('compose', broken, 'compose-yaml-error')), ['Ignore compose-yaml-error in this file']);
  });
});
