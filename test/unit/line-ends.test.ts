import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCompose } from '../../server/src/compose/model';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { parseDockerignore } from '../../server/src/dockerignore/model';
import { limitText } from '../../server/src/engine/limits';
import { LineIndex, applyEdits } from '../../server/src/engine/text';
import { lintText } from '../../server/src/linter';

const at = (line: number, character: number) => ({ line, character });

describe('line ends: \\n, \\r\\n and a lone \\r, as the LSP counts them', () => {
  it('lines, their text and the positions of every offset', () => {
    const index = new LineIndex('ab\rcd\r\nef\n\rg\r');
    assert.deepEqual(index.lineStarts, [0, 3, 7, 10, 11, 13]);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => index.lineText(line)), ['ab', 'cd', 'ef', '', 'g', '']);
    // The offset between \r and \n is the end of its line.
    assert.deepEqual(index.positionAt(6), at(1, 2));
    assert.deepEqual(index.positionAt(3), at(1, 0));
    assert.deepEqual(index.end(), at(5, 0));
    // A character past the end of a line is its end, before the line break.
    assert.equal(index.offsetAt(at(0, 9)), 2);
    assert.equal(index.offsetAt(at(1, 9)), 5);
    assert.equal(applyEdits('ab\rcd', [{ range: { start: at(0, 9), end: at(0, 9) }, newText: '!' }]), 'ab!\rcd');
  });

  it('agree with vscode-languageserver-textdocument on every offset and position', () => {
    const pieces = ['a', '\r', '\n', '\r\n', 'é'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = Math.floor(next() * 10); i > 0; i--) text += pieces[Math.floor(next() * pieces.length)];
      const document = TextDocument.create('file:///x', 'plaintext', 1, text);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, document.lineCount, JSON.stringify(text));
      for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(index.positionAt(offset), document.positionAt(offset), `${JSON.stringify(text)} @${offset}`);
      for (let line = 0; line <= index.lineCount; line++) {
        for (let character = 0; character < 5; character++) assert.equal(index.offsetAt(at(line, character)), document.offsetAt(at(line, character)), `${JSON.stringify(text)} ${line}:${character}`);
      }
    }
  });

  it('a Dockerfile: a lone \\r ends an instruction, and ranges are the editor\'s', () => {
    const model = parseDockerfile('FROM alpine:3.20\rUSER root\r\nCMD ["sh"]\r');
    assert.deepEqual(model.instructions.map((i) => [i.keyword, i.range.start.line, i.range.end.line, i.range.end.character]), [
      ['FROM', 0, 0, 16],
      ['USER', 1, 1, 9],
      ['CMD', 2, 2, 10],
    ]);
    const user = lintText('FROM alpine:3.20\rUSER root\r', 'dockerfile').findings.find((f) => f.rule === 'final-user-root')!;
    assert.deepEqual(user.range, { start: at(1, 0), end: at(1, 9) });
  });

  it('a compose file: the yaml package reads a lone \\r as a line break too', () => {
    const model = parseCompose('services:\r  web:\r    image: nginx\r');
    assert.deepEqual(model.problems, []);
    assert.deepEqual(model.services.map((s) => s.name), ['web']);
    const image = model.services[0].get('image')!;
    assert.deepEqual(image.keyRange, { start: at(2, 4), end: at(2, 9) });
    assert.deepEqual(image.value!.range, { start: at(2, 11), end: at(2, 16) });
    const tag = lintText('services:\r  web:\r    image: nginx\r', 'compose').findings.find((f) => f.rule === 'compose-image-tag')!;
    assert.deepEqual(tag.range, { start: at(2, 11), end: at(2, 16) });
  });

  it('a .dockerignore: one pattern per line, a lone \\r ending one', () => {
    const model = parseDockerignore('# top\r  .git  \rnode_modules\r\n');
    assert.deepEqual(model.comments.map((c) => c.line), [0]);
    assert.deepEqual(model.patterns.map((p) => [p.line, p.text, p.range.start.character, p.range.end.character]), [
      [1, '.git', 2, 6],
      [2, 'node_modules', 0, 12],
    ]);
  });

  it('the size limits count lines the same way', () => {
    const limited = limitText('a\rb\rc\rd\n', 'dockerfile', { maxLines: 2, maxChars: 1000, maxLineChars: 1000 });
    assert.equal(limited.text, 'a\rb\r');
    assert.deepEqual(limited.notice?.range, { start: at(2, 0), end: at(2, 1) });
  });
});
