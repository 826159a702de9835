import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endsWithEscape, scanChunks } from '../../server/src/dockerfile/chunks';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { LineIndex } from '../../server/src/engine/text';

/** Each chunk as [first line, last line], 0-based. */
const chunkLines = (text: string) => scanChunks(new LineIndex(text)).chunks.map((c) => [c.startLine, c.endLine]);

describe('line continuations as BuildKit reads them', () => {
  it('continues on an escape character, not on an escaped one', () => {
    assert.equal(endsWithEscape('COPY a b \\', '\\'), true);
    assert.equal(endsWithEscape('COPY a b\\ \t', '\\'), true);
    assert.equal(endsWithEscape('\\', '\\'), true);
    assert.equal(endsWithEscape('\tC:\\\\dir\\\\', '\\'), false);
    assert.equal(endsWithEscape('a \\\\\\', '\\'), false);
    assert.equal(endsWithEscape('C:\\dir\\', '`'), false);
    assert.equal(endsWithEscape('COPY a b `', '`'), true);
    assert.equal(endsWithEscape('C:\\ ``', '`'), false);
  });

  it('ends the instruction at a line ending in an escaped escape character', () => {
    const text = 'FROM alpine:3.20\nCOPY a b \\\n\tC:\\\\dir\\\\\n\nENV X=1\n';
    assert.deepEqual(chunkLines(text), [[0, 0], [1, 2], [4, 4]]);
    const model = parseDockerfile(text);
    assert.deepEqual(model.instructions.map((i) => i.keyword), ['FROM', 'COPY', 'ENV']);
    assert.deepEqual(model.instructions[1].args.map((a) => a.value), ['a', 'b', 'C:\\dir\\']);
  });

  it('reads the backtick as the escape character after # escape=`', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a b `\n  C:\\dir\\ ``\n\nENV X=1\nRUN dir C:\\ `\n  /b\n';
    assert.deepEqual(chunkLines(text), [[1, 1], [2, 3], [5, 5], [6, 7]]);
  });
});
