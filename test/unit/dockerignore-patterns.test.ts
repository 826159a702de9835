import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerignore } from '../../server/src/dockerignore/model';
import { cleanPath, CompiledPattern, contextPath, covers, matcherFor, mayOverlap, patternError, readPatterns } from '../../server/src/dockerignore/patterns';

describe('cleanPath (filepath.Clean)', () => {
  const cases: [string, string][] = [
    ['', '.'],
    ['.', '.'],
    ['a/b/', 'a/b'],
    ['a//b', 'a/b'],
    ['./a/./b/.', 'a/b'],
    ['a/../b', 'b'],
    ['a/b/../../..', '..'],
    ['../a', '../a'],
    ['/../a', '/a'],
    ['/', '/'],
    ['//a//', '/a'],
    ['a/b/c/../../d', 'a/d'],
  ];
  for (const [input, output] of cases) it(`${JSON.stringify(input)} → ${output}`, () => assert.equal(cleanPath(input), output));
  it('contextPath drops leading slashes and converts backslashes', () => {
    assert.equal(contextPath('/app/src/'), 'app/src');
    assert.equal(contextPath('./'), '.');
    assert.equal(contextPath('a\\b'), 'a/b');
  });
});

describe('one pattern against one path (no parents)', () => {
  const cases: [string, string, boolean][] = [
    ['foo', 'foo', true],
    ['foo', 'foobar', false],
    ['foo', 'dir/foo', false],
    ['*', 'foo', true],
    ['*', 'foo/bar', false],
    ['*.go', 'main.go', true],
    ['*.go', 'cmd/main.go', false],
    ['*/*.go', 'cmd/main.go', true],
    ['?.txt', 'a.txt', true],
    ['?.txt', 'ab.txt', false],
    ['?', '/', false],
    ['a?c', 'a/c', false],
    ['**', 'anything/at/all', true],
    ['**/foo', 'foo', true],
    ['**/foo', 'a/b/foo', true],
    ['**/foo', 'xfoo', false],
    ['**/*.go', 'main.go', true],
    ['**/*.go', 'a/b/main.go', true],
    ['**/*.go', 'main.goo', false],
    ['a/**', 'a/b', true],
    ['a/**', 'a/b/c', true],
    ['a/**', 'a', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/x/y/bc', false],
    ['a/**/b', 'ab', false],
    ['foo**', 'foobar/baz', true],
    ['[abc].txt', 'b.txt', true],
    ['[abc].txt', 'd.txt', false],
    ['[a-c]*', 'cat', true],
    ['[^a-c]*', 'cat', false],
    ['[^a-c]*', 'dog', true],
    ['\\*.txt', '*.txt', true],
    ['\\*.txt', 'a.txt', false],
    ['file\\?', 'file?', true],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['a+(b)', 'a+(b)', true],
    ['{a,b}', '{a,b}', true],
    ['{a,b}', 'a', false],
    ['$x', '$x', true],
    ['café', 'café', true],
    ['caf?', 'café', true],
    ['a-b', 'a-b', true],
    ['a\\-b', 'a-b', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(new CompiledPattern(pattern).matches(path), expected));
  }
});

describe('a .dockerignore against build-context paths', () => {
  const cases: [string, string, boolean][] = [
    ['node_modules', 'node_modules', true],
    ['node_modules', 'node_modules/x/index.js', true],
    ['node_modules', 'packages/a/node_modules/x.js', false],
    ['**/node_modules', 'packages/a/node_modules/x.js', true],
    ['node_modules/', 'node_modules/x', true],
    ['/node_modules', 'node_modules/x', true],
    ['./node_modules', 'node_modules/x', true],
    ['*.md', 'README.md', true],
    ['*.md', 'docs/guide.md', false],
    ['*/temp*', 'somedir/temporary.txt', true],
    ['*/temp*', 'temp', false],
    ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
    ['temp?', 'tempa', true],
    ['*.md\n!README.md', 'README.md', false],
    ['*.md\n!README.md', 'CHANGES.md', true],
    ['*.md\n!README*.md\nREADME-secret.md', 'README-secret.md', true],
    ['*.md\n!README*.md\nREADME-secret.md', 'README-public.md', false],
    ['*.md\nREADME-secret.md\n!README*.md', 'README-secret.md', false],
    ['docs\n!docs/public', 'docs/public/index.html', false],
    ['docs\n!docs/public', 'docs/private/index.html', true],
    ['docs/public\n!docs', 'docs/public/a', false],
    ['!.env', '.env', false],
    ['.env*\n!.env.example', '.env.example', false],
    ['.env*\n!.env.example', '.env.local', true],
    ['  .git  ', '.git/HEAD', true],
    ['# .git', '.git/HEAD', false],
    [' # .git', '# .git', true],
    ['\uFEFF.git', '.git/HEAD', true],
    ['a/../b', 'b/c', true],
    ['dir/', 'dir', true],
    ['**', 'x', true],
    ['*\n!keep', 'keep', false],
    ['*\n!keep', 'other/x', true],
    ['x\r\ny', 'y', true],
    ['foo[', 'foo[', false],
    ['anything', '.', false],
  ];
  for (const [text, path, expected] of cases) {
    it(`${JSON.stringify(text)} ${expected ? 'excludes' : 'keeps'} ${path}`, () => assert.equal(matcherFor(text).excludes(path), expected));
  }
  it('the last matching line is reported', () => {
    const matcher = matcherFor('a\nb\n!a/keep\na/keep/secret');
    assert.equal(matcher.lastMatch('a/keep/x'), 2);
    assert.equal(matcher.lastMatch('a/keep/secret'), 3);
    assert.equal(matcher.lastMatch('c'), -1);
  });
  it('mayReinclude sees later ! lines that touch the path or below it', () => {
    const matcher = matcherFor('docs\n!docs/public\nsrc');
    assert.equal(matcher.mayReinclude('docs'), true);
    assert.equal(matcher.mayReinclude('src'), false);
    assert.equal(matcher.mayReinclude('docs', 1), false);
  });
});

describe('reading lines', () => {
  it('skips comments and blank lines, trims, reads ! and leading /', () => {
    assert.deepEqual(readPatterns('# c\n\n  /a/b/  \n! /c\n!d\n'), [
      { pattern: 'a/b', negated: false },
      { pattern: 'c', negated: true },
      { pattern: 'd', negated: true },
    ]);
  });
  it('the model keeps ranges, comments and errors', () => {
    const model = parseDockerignore('# top\n  .git  \r\n!\nfoo[\n');
    assert.deepEqual(model.comments.map((c) => c.line), [0]);
    assert.deepEqual(
      model.patterns.map((p) => [p.line, p.text, p.range.start.character, p.range.end.character, p.error !== null]),
      [
        [1, '.git', 2, 6, false],
        [2, '!', 0, 1, true],
        [3, 'foo[', 0, 4, true],
      ],
    );
    assert.equal(model.validPatterns.length, 1);
    assert.equal(model.patternAt(1)?.pattern, '.git');
  });
  it('patternError follows filepath.Match', () => {
    assert.equal(patternError('a[b'), 'an unclosed [');
    assert.equal(patternError('a\\'), 'a trailing \\ escapes nothing');
    assert.equal(patternError('[z-a]'), 'the range z-a is backwards');
    assert.equal(patternError('[]a]'), null);
    assert.equal(patternError('[a-z]*.txt'), null);
    assert.equal(patternError('**/x'), null);
  });
});

describe('pattern relations', () => {
  it('mayOverlap', () => {
    assert.equal(mayOverlap('a', 'b'), false);
    assert.equal(mayOverlap('a', 'a/b'), true);
    assert.equal(mayOverlap('*.md', 'README.md'), true);
    assert.equal(mayOverlap('*.md', 'main.go'), false);
    assert.equal(mayOverlap('**/x', 'y'), true);
    assert.equal(mayOverlap('a/*', 'b/c'), false);
  });
  it('covers', () => {
    assert.equal(covers('a', 'a/b'), true);
    assert.equal(covers('a', 'a/*.txt'), true);
    assert.equal(covers('a/b', 'a'), false);
    assert.equal(covers('*.log', 'app.log'), true);
    assert.equal(covers('*', 'anything/x'), true);
    assert.equal(covers('**/*.log', 'app.log'), true);
    assert.equal(covers('*.log', '**/*.log'), false);
  });
});
