/**
 * Junk and size: binary files, a 10 MB Dockerfile, a 50,000-line compose file, 10,000-deep YAML,
 * an alias bomb, a 1 MB single line. Each gets a clear finding (the size limit's notice, a YAML
 * error) within a bounded time, and linting them does not keep their size in memory.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS, limitText } from '../../server/src/engine/limits';
import { DocumentLinter, lintText } from '../../server/src/linter';
import type { Finding } from '../../server/src/engine/types';

/** Generous for a cold process on a slow 2-core machine; typical times are a tenth of this. */
const BOUND_MS = 8000;

function timed(text: string, kind: 'dockerfile' | 'compose' | 'dockerignore'): { findings: Finding[]; ms: number } {
  const started = performance.now();
  const result = lintText(text, kind);
  const ms = performance.now() - started;
  assert.deepEqual(result.failures, []);
  assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
  return { findings: result.findings, ms };
}

const notices = (findings: Finding[]) => findings.filter((f) => f.rule === 'file-not-checked');

describe('size limits and junk input', () => {
  it('cuts at the line, character and line-length limits, at whole lines', () => {
    const limits = { maxLines: 3, maxChars: 30, maxLineChars: 10 };
    assert.deepEqual(limitText('a\nb\nc\n', 'dockerfile', limits), { text: 'a\nb\nc\n', notice: null });
    const byLines = limitText('a\nb\nc\nd\n', 'dockerfile', limits);
    assert.equal(byLines.text, 'a\nb\nc\n');
    assert.equal(byLines.notice?.message, 'File too large: more than 3 lines: linting the first 3 lines only; findings below are not shown and quick fixes are off');
    assert.deepEqual(byLines.notice?.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
    const byLength = limitText('ab\r\n' + 'x'.repeat(11) + '\r\nc', 'dockerfile', limits);
    assert.equal(byLength.text, 'ab\r\n');
    assert.match(byLength.notice!.message, /^Line 2 is 11 characters long \(the limit is 10\): linting the first 1 line only/);
    const byChars = limitText('123456789\n123456789\n123456789\n', 'dockerfile', { ...limits, maxChars: 25 });
    assert.equal(byChars.text, '123456789\n123456789\n');
    assert.match(byChars.notice!.message, /^File too large: more than 25 characters/);
  });

  it('a binary file: one notice, nothing else', () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    const { findings } = timed(bytes.toString('latin1'), 'dockerfile');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Binary content \(a NUL character at offset \d+\): the file is not checked$/);
  });

  it('a 10 MB Dockerfile: the first 10,000 lines, no fixes, one notice at the cut', () => {
    const block = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY . /app\n';
    const text = block.repeat(Math.ceil(10_000_000 / block.length));
    const { findings } = timed(text, 'dockerfile');
    const [notice] = notices(findings);
    assert.equal(notice.range.start.line, LIMITS.dockerfile.maxLines);
    assert.match(notice.message, /^File too large: more than 10,000 lines: linting the first 10,000 lines only/);
    assert.ok(findings.length > 1, 'the first lines are still checked');
    assert.ok(findings.every((f) => f.fixes.length === 0), 'fixes are withheld in a cut file');
    assert.ok(findings.every((f) => f.range.end.line <= LIMITS.dockerfile.maxLines));
  });

  it('a 1 MB single line: the lines before it, and a notice on it', () => {
    const { findings } = timed('FROM alpine:3.20\nRUN ' + 'echo a && '.repeat(100_000) + 'true\nUSER app\n', 'dockerfile');
    const [notice] = notices(findings);
    assert.equal(notice.range.start.line, 1);
    assert.match(notice.message, /^Line 2 is 1,000,008 characters long \(the limit is 50,000\): linting the first 1 line only/);
  });

  it('a 50,000-line compose file: the first 10,000 lines', () => {
    const lines = ['services:'];
    for (let i = 0; lines.length < 50_000; i++) lines.push(`  svc${i}:`, `    image: nginx:1.${i}`, '    ports:', `      - "127.0.0.1:${8000 + (i % 1000)}:80"`);
    const { findings } = timed(lines.join('\n') + '\n', 'compose');
    assert.match(notices(findings)[0].message, /^File too large: more than 10,000 lines/);
  });

  it('10,000-deep YAML nesting, flow and block: a YAML error or a clean parse, no stack overflow', () => {
    const flow = timed('services:\n  a:\n    x: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n', 'compose');
    assert.ok(flow.findings.length >= 0);
    let block = 'services:\n  a:\n';
    for (let i = 0; i < 10_000; i++) block += ' '.repeat(4 + i) + 'k:\n';
    const deep = timed(block, 'compose');
    assert.equal(notices(deep.findings).length, 1, 'the indentation makes it larger than the character limit');
    let shallower = 'services:\n  a:\n';
    for (let i = 0; i < 1_000; i++) shallower += ' '.repeat(4 + i) + 'k:\n';
    timed(shallower, 'compose');
  });

  it('an alias bomb: stops expanding with a YAML error', () => {
    let text = 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) text += `x${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    text += 'services:\n  web:\n    image: nginx:1.27\n    environment: *a11\n';
    const { findings } = timed(text, 'compose');
    assert.ok(findings.some((f) => f.rule === 'compose-yaml-error' && /alias bomb/.test(f.message)));
  });

  it('a 50,000-line .dockerignore: the first 1,000 lines', () => {
    const { findings } = timed(Array.from({ length: 50_000 }, (_, i) => `dir${i}/**/*.log`).join('\n'), 'dockerignore');
    assert.match(notices(findings)[0].message, /^File too large/);
  });

  it('the notice can be turned off, and a linter that saw a huge text does not keep it', () => {
    const text = 'FROM alpine:3.20\n' + 'RUN true\n'.repeat(20_000);
    assert.deepEqual(notices(lintText(text, 'dockerfile', { settings: { rules: { 'file-not-checked': 'off' } } }).findings), []);
    const linter = new DocumentLinter('dockerfile');
    linter.lint(text);
    const small = linter.lint('FROM alpine:3.20\nRUN true\n');
    assert.equal((small.model as { instructions: unknown[] }).instructions.length, 2);
  });
});
