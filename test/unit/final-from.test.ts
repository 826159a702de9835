/** Where the Build Image / Run Container / Build and Check code lenses go: the final stage's FROM. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalFromLine } from '../../client/src/commands/final-from';

describe('finalFromLine', () => {
  it('is the FROM of the last stage', () => {
    assert.equal(finalFromLine('FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\n'), 2);
    assert.equal(finalFromLine('# syntax=docker/dockerfile:1\nARG BASE=alpine\n  from ${BASE}\n'), 2);
  });

  it('is not fooled by FROM-looking lines in a heredoc or a continued RUN', () => {
    assert.equal(finalFromLine('FROM alpine:3.20\nRUN <<EOF\nFROM not-a-stage\nEOF\nCMD ["sh"]\n'), 0);
    assert.equal(finalFromLine('FROM alpine:3.20\nRUN echo one \\\n  FROM two\nCMD ["sh"]\n'), 0);
    assert.equal(finalFromLine('FROM alpine:3.20\nCOPY <<EOF /etc/motd\nFROM here on, be nice\nEOF\n'), 0);
  });

  it('is null without a FROM', () => {
    assert.equal(finalFromLine(''), null);
    assert.equal(finalFromLine('# FROM alpine\nRUN true\n'), null);
  });
});
